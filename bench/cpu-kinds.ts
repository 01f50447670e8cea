/**
 * Main-thread CPU of a traced region by kind of work, from the trace's own events (each event's thread time minus
 * that of the events inside it), so the split does not depend on a sampling profiler, which a busy machine skews.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tts?: number;
  tdur?: number;
}

export const KINDS = ['parse', 'evaluate', 'script', 'style', 'layout', 'paint', 'gc', 'other'] as const;
export type Kind = (typeof KINDS)[number];

/** The trace categories the split needs (on top of `blink.user_timing` for the region's marks). */
export const KIND_CATEGORIES = [
  'blink.user_timing',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'toplevel',
];

const RULES: [Kind, RegExp][] = [
  ['gc', /GC|Scavenge|MarkCompact|Sweep/],
  ['parse', /ParseHTML|HTMLDocumentParser|ParseAuthorStyleSheet/],
  ['evaluate', /compileModule|evaluateModule|V8\.Compile|v8\.compile/],
  ['paint', /Paint|Layerize|Commit|Compositing|UpdateLifecycle|BeginMainFrame|Raster/],
  ['layout', /Layout(?!Tree)|ShapeText|performLayout/],
  ['style', /Style|LayoutTree|CSSParser|recalc|SlotAssignment/],
  ['script', /^v8\.|^V8\.|RunMicrotasks|FunctionCall|EventDispatch|TimerFire|CustomElement|EvaluateScript/],
];

const kindOf = (name: string): Kind => RULES.find(([, pattern]) => pattern.test(name))?.[0] ?? 'other';

/**
 * CPU (ms) by kind between the `bench:<region>:start` and `:end` marks, on the marks' thread. What the thread did
 * outside any event (the gaps between tasks' own events) counts as `other`, with tasks' own overhead and module
 * loading.
 */
export function cpuByKind(events: TraceEvent[], region: string): Record<Kind, number> {
  const start = events.find((event) => event.name === `bench:${region}:start`);
  const end = events.find((event) => event.name === `bench:${region}:end`);
  if (!start?.tts || !end?.tts) throw new Error(`No marks for the region ${region} in the trace.`);
  const inside = events
    .filter(
      (event) =>
        event.ph === 'X' &&
        event.pid === start.pid &&
        event.tid === start.tid &&
        event.tdur !== undefined &&
        event.ts >= start.ts &&
        event.ts + (event.dur ?? 0) <= end.ts,
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const totals = Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Record<Kind, number>;
  const open: { end: number; self: number; kind: Kind }[] = [];
  const close = (until: number) => {
    while (open.length > 0 && open.at(-1)!.end <= until) {
      const done = open.pop()!;
      totals[done.kind] += done.self;
    }
  };
  let topLevel = 0;
  for (const event of inside) {
    close(event.ts);
    const parent = open.at(-1);
    if (parent) parent.self -= event.tdur!;
    else topLevel += event.tdur!;
    open.push({ end: event.ts + (event.dur ?? 0), self: event.tdur!, kind: kindOf(event.name) });
  }
  close(Number.POSITIVE_INFINITY);
  totals.other += end.tts - start.tts - topLevel;
  for (const kind of KINDS) totals[kind] = Math.max(0, totals[kind]) / 1000;
  return totals;
}
