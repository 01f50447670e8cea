// OnDemand's `settled()`: what `<flexiti-apply>`'s rest of the form waits for (the terms element's download).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OnDemand } from './on-demand.js';

/** A module download the test ends when it wants, counting how many were started. */
function heldDownload() {
  const held = {
    started: 0,
    arrive: (_module: object) => undefined as void,
    fail: (_error: Error) => undefined as void,
  };
  const onDemand = new OnDemand<object>(() => {
    held.started++;
    return new Promise((resolve, reject) => {
      held.arrive = resolve;
      held.fail = reject;
    });
  });
  return { held, onDemand };
}

const within = (promise: Promise<unknown>, ms = 20) =>
  Promise.race([promise.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), ms))]);

test('settled() resolves at once when nothing downloads, and starts no download', async () => {
  const { held, onDemand } = heldDownload();
  assert.equal(await within(onDemand.settled()), true);
  assert.equal(held.started, 0);
});

test('settled() waits for the download in flight and resolves when it arrives', async () => {
  const { held, onDemand } = heldDownload();
  onDemand.prefetch();
  const settled = onDemand.settled();
  assert.equal(await within(settled), false, 'still downloading');
  held.arrive({ ready: true });
  assert.equal(await within(settled), true);
  assert.deepEqual(onDemand.loaded, { ready: true });
  assert.equal(held.started, 1);
});

test('settled() resolves, never rejects, when the download fails; a later settled() starts nothing', async () => {
  const { held, onDemand } = heldDownload();
  onDemand.prefetch();
  const settled = onDemand.settled();
  held.fail(new TypeError('Failed to fetch dynamically imported module'));
  assert.equal(await within(settled), true);
  assert.equal(onDemand.failed, true);
  assert.equal(await within(onDemand.settled()), true);
  assert.equal(held.started, 1, 'waiting is not a retry');
});
