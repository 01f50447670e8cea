import type { OnDemand } from '../../src/internal/on-demand.js';

/** What a test sees of an on-demand module's downloads, and controls. */
export interface Downloads {
  /** Downloads started in this test. */
  count: number;
  /** While true, a download fails as a dropped connection does (the page went offline, a CDN hiccup). */
  offline: boolean;
  /** While true, each download waits for `arrive()`. */
  held: boolean;
  /** Lets the held download arrive (nothing when none is held). */
  arrive(): void;
}

/**
 * In each test of the calling `describe`, counts `module`'s downloads (each through `importModule`, the real
 * import); `held` and `offline` are how each test starts (a test may change them). The real import is put back
 * after each test.
 */
export function watchDownloads<T>(
  module: OnDemand<T>,
  importModule: () => Promise<T>,
  { held = false, offline = false }: { held?: boolean; offline?: boolean } = {},
): Downloads {
  const downloads: Downloads = { count: 0, offline, held, arrive: () => undefined };
  beforeEach(() => {
    Object.assign(downloads, { count: 0, offline, held, arrive: () => undefined });
    module.setImport(() => {
      downloads.count++;
      if (downloads.offline) return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      if (!downloads.held) return importModule();
      return new Promise<T>((resolve) => (downloads.arrive = () => resolve(importModule())));
    });
  });
  afterEach(() => module.setImport(importModule));
  return downloads;
}
