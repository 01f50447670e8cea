/**
 * A module that loads on demand, once: code an element's first render never needs (the API error texts, apply's
 * review and outcome screens) stays out of what a page downloads before it. A render that asks for it before it is
 * here (`forRender`) gets `undefined`, starts the download and renders again when the download ends; a step that
 * needs it waits for it (`FlexitiElement.afterLoading`). Either way the element's `updateComplete` waits too.
 * After a failed download (the page went offline) renders start no new one: the next `load` (a request, a
 * submit) tries again.
 */
export class OnDemand<T> {
  /** The module once it is here. */
  loaded?: T;
  /** The last download failed, and no other has started since. */
  failed = false;
  private loading?: Promise<T>;
  private preloadQueued = false;

  constructor(private importModule: () => Promise<T>) {}

  /** Loads the module (once; after a failed download, a CDN hiccup, the next call tries again). */
  load(): Promise<T> {
    this.loading ??= this.importModule().then(
      (module) => {
        this.failed = false;
        return (this.loaded = module);
      },
      (failure: unknown) => {
        this.loading = undefined;
        this.failed = true;
        throw failure;
      },
    );
    return this.loading;
  }

  /** Starts the download now, unless the module is here or the last download failed (a render waits for a `load`). */
  prefetch(): void {
    if (!this.loaded && !this.failed) this.load().catch(() => undefined);
  }

  /** Resolves when the download in flight ends, either way (at once when none is): waiting starts none. */
  settled(): Promise<void> {
    return (this.loading ?? Promise.resolve()).then(
      () => undefined,
      () => undefined,
    );
  }

  /**
   * Starts the download once the page is idle (once), so it never competes with a first render and what shows
   * later finds the module here. A failure waits for the next `load`.
   */
  preloadWhenIdle(): void {
    if (this.preloadQueued) return;
    this.preloadQueued = true;
    const start = () => void this.load().catch(() => undefined);
    if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 2000 });
    else setTimeout(start, 200);
  }

  /**
   * The module, for the render running now. Until it is here: `undefined`, the download starts (unless the last
   * one failed), and that render renders again when it ends (see {@link modulesMissedBy}).
   */
  forRender(): T | undefined {
    if (this.loaded) return this.loaded;
    this.prefetch();
    if (this.loading) missedByRender?.add(this);
    return undefined;
  }

  /** @internal For tests: where the module comes from (a failing download, a held one); forgets the loaded one. */
  setImport(importModule: () => Promise<T>): void {
    this.importModule = importModule;
    this.loaded = undefined;
    this.loading = undefined;
    this.failed = false;
  }
}

let missedByRender: Set<OnDemand<unknown>> | undefined;

/** Runs `render` and returns the modules it asked for (`forRender`) whose download was in flight. */
export function modulesMissedBy(render: () => void): OnDemand<unknown>[] {
  const outer = missedByRender;
  const missed = (missedByRender = new Set());
  try {
    render();
  } finally {
    missedByRender = outer;
  }
  return [...missed];
}
