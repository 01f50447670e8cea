// The one Chromium every browser run uses (web-test-runner, the e2e and dist tests, the benchmarks, the
// screenshot): Debian's, or CHROME_PATH's. No browser download, no network.

/** Where Debian installs Chromium (`apt-get install chromium`). */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The executable to launch: CHROME_PATH, else Debian's. */
export function chromiumPath() {
  return process.env.CHROME_PATH || DEBIAN_CHROMIUM;
}

/**
 * Flags for a quiet, reproducible headless run: no sandbox (containers, root), no GPU, and none of the
 * background traffic (component updates, sync, first-run pages) that would reach for the network.
 */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]);
