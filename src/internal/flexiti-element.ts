import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { ErrorType, Locale } from '../model/index.js';
import { setCustomState } from './custom-states.js';
import { reportError } from './report-error.js';
import { pageLocaleReady, renderedLocale, warnIfLangDisagrees } from './locale.js';
import { defineElement, VERSION } from './define.js';
import { resolveAudience, type Audience } from './audience.js';
import { modulesMissedBy, type OnDemand } from './on-demand.js';

export { VERSION };

/**
 * The thin base of every flexiti element: the page's locale, re-rendering when it changes or when a module a render
 * needed arrives (on-demand.ts: the error texts…), custom states, error reports for the host's logs, and a `define`
 * guarded against a second copy of the library on the same page.
 *
 * @fires flexiti-error - {FlexitiErrorEvent} Something failed that the host should log: `detail` is `{type, code, status?, source}`, never the customer's data. Bubbles, composed.
 */
export class FlexitiElement extends LitElement {
  /** The version of flexiti-elements this class comes from. */
  static readonly version: string = VERSION;

  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The element's controls are disabled, and it starts no request to the host. Reflected. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /**
   * Who the words address: `online` (the customer, on their own device: "your identity", no store override, no
   * store scanner) or `in_store` (a clerk at a till). Default: the nearest ancestor's `channel` attribute (across
   * shadow roots; `<flexiti-checkout>` passes its checkout's), else `online`.
   */
  @property() channel?: string;

  private attachedInternals?: ElementInternals;
  private shownState?: string;
  /** Downloads a render or a step is waiting for (on-demand.ts): `updateComplete` waits for them. */
  private readonly arrivals = new Set<Promise<void>>();

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** @internal The element's internals, attached on first use (only once: a second `attachInternals()` throws). */
  protected get internals(): ElementInternals {
    return (this.attachedInternals ??= this.attachInternals());
  }

  /** Turns a custom state (`:state(name)`) on or off (see `setCustomState` in custom-states.ts). */
  protected setCustomState(name: string, on: boolean): void {
    setCustomState(this.internals, name, on);
  }

  /**
   * @internal The controls are disabled: by `disabled` or, for a form-associated element, by a disabled `<fieldset>`
   * or form around it. Read by the request runner too: a disabled element starts no request.
   */
  get controlsDisabled(): boolean {
    return this.disabled;
  }

  /** Turns `:state(name)` on for the element's current `state` (its step) and off for the one shown before. */
  protected showState(name: string): void {
    if (name === this.shownState) return;
    if (this.shownState !== undefined) this.setCustomState(this.shownState, false);
    this.setCustomState(name, true);
    this.shownState = name;
  }

  /** Tells the host's logs that something failed here (`flexiti-error`): its type and code, never what was typed. */
  protected reportError(type: ErrorType, code: string, status?: number): void {
    reportError(this, type, code, status);
  }

  /**
   * The locale the element renders in: the page's (`<html lang>` or `setLocale()`), `en-CA` or `fr-CA`, once its
   * messages are loaded. The element's own `lang` does not change it (a console warning says so).
   */
  get locale(): Locale {
    return renderedLocale();
  }

  /**
   * A render that asked for a module still downloading (`OnDemand.forRender`: the error texts…) renders again when
   * the download ends, whether it arrived or not: offline, what waited for it is said another way.
   */
  protected override update(changed: PropertyValues): void {
    for (const module of modulesMissedBy(() => super.update(changed))) {
      void this.afterLoading(module, () => this.requestUpdate());
    }
  }

  /**
   * Calls `then` with `module` once it is here (at once if it already is), or with `undefined` if its download
   * failed. `updateComplete` waits for that and for the render it asks for, so code that awaits it finds the step
   * the module was needed for.
   */
  protected afterLoading<T>(module: OnDemand<T>, then: (loaded: T | undefined) => void): Promise<void> {
    if (module.loaded) {
      then(module.loaded);
      return Promise.resolve();
    }
    const arrival = module
      .load()
      .then(then, () => then(undefined))
      .finally(() => this.arrivals.delete(arrival));
    this.arrivals.add(arrival);
    return arrival;
  }

  /** Also waits for the downloads a render or a step is waiting for (`afterLoading`), and the renders they ask for. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.arrivals.size > 0) {
      await Promise.all(this.arrivals);
      done = (await super.getUpdateComplete()) && done;
    }
    return done;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void pageLocaleReady();
    warnIfLangDisagrees(this);
  }

  /** The resolved `channel`: this element's, the nearest ancestor's, else `online`. */
  get audience(): Audience {
    return resolveAudience(this);
  }

  /**
   * Registers `tag` unless it is already taken. A tag taken by another copy of flexiti-elements
   * (a tag manager and an app bundle on one page) is left as it is, with one warning for the page.
   */
  static define(tag: string, constructor: CustomElementConstructor = this): void {
    defineElement(tag, constructor);
  }
}
