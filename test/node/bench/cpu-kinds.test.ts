// The bench's split of a region's main-thread CPU by kind of work (bench/cpu-kinds.ts), on a made-up trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpuByKind, type TraceEvent } from '../../../bench/cpu-kinds.js';

const thread = { pid: 1, tid: 7 };
/** A complete event: starts at `ts` µs, lasts `dur` µs of wall time and `tdur` µs of the thread's CPU. */
const task = (name: string, ts: number, dur: number, tdur = dur, where = thread): TraceEvent => ({
  name,
  ph: 'X',
  ...where,
  ts,
  dur,
  tdur,
});
const mark = (name: string, ts: number, tts: number): TraceEvent => ({ name, ph: 'R', ...thread, ts, tts });

test('splits each event’s own time (less the events inside it) by kind', () => {
  const split = cpuByKind(
    [
      mark('bench:first:start', 0, 10_000),
      task('RunTask', 100, 5_000),
      task('v8.evaluateModule', 200, 1_000),
      task('RunMicrotasks', 1_300, 3_000),
      task('UpdateLayoutTree', 2_000, 500),
      task('Layout', 2_600, 800),
      task('Paint', 6_000, 400),
      task('MinorGC', 7_000, 100),
      mark('bench:first:end', 8_000, 16_000),
    ],
    'first',
  );
  assert.deepEqual(split, {
    parse: 0,
    evaluate: 1,
    // Microtasks less the style and layout inside them.
    script: 1.7,
    style: 0.5,
    layout: 0.8,
    paint: 0.4,
    gc: 0.1,
    // The task's own 1 ms, and the 0.5 ms of the region's 6 ms of CPU outside any event.
    other: 1.5,
  });
});

test('counts only the marks’ thread, inside the region, in thread time', () => {
  const split = cpuByKind(
    [
      task('Layout', 0, 900),
      mark('bench:static:start', 1_000, 50_000),
      task('ParseHTML', 1_100, 2_000, 1_500),
      task('Layout', 1_200, 400, 400, { pid: 1, tid: 8 }),
      mark('bench:static:end', 4_000, 52_000),
      task('Layout', 4_100, 900),
    ],
    'static',
  );
  assert.equal(split.parse, 1.5);
  assert.equal(split.layout, 0);
  assert.equal(split.other, 0.5);
});

test('a region without its marks is an error, not zeros', () => {
  assert.throws(() => cpuByKind([task('Layout', 0, 10)], 'first'), /No marks for the region first/);
});
