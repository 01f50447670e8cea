import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import {
  localError,
  normalizeProvince,
  type FieldMessage,
  type FlexitiApiError,
  apiLang,
  normalizeLocale,
  type TermsQuery,
} from '../../model/index.js';
import { errorText, messageText } from '../../internal/message-text.js';
import { matching, object, oneOf, province, read, string } from '../../model/read.js';
import { FlexitiFormElement } from '../../internal/form-element.js';
import { describedBy, renderError } from '../../internal/field.js';
import { FocusController } from '../../internal/focus.js';
import { DEFAULT_HOST_TIMEOUT_MS, HostRequestController, type Run } from '../../internal/host-request.js';
import { FieldFeedback } from '../../internal/field-feedback.js';
import { baseStyles } from '../../internal/styles.js';
import { FlexitiTermsRequestEvent } from '../../events/requests.js';
import { FlexitiTermsChangeEvent, type TermsConsent, type TermsLang } from '../../events/terms-change.js';
import { termsStyles } from './terms.styles.js';

export { FlexitiTermsChangeEvent } from '../../events/terms-change.js';
export type { TermsChangeDetail, TermsConsent, TermsLang } from '../../events/terms-change.js';

/** Where the terms are: no province yet, being requested, on screen, or unavailable. */
export type TermsStatus = 'idle' | 'loading' | 'shown' | 'failed';
type Phase = TermsStatus;

/** Terms on screen: the sanitized content (a node Lit commits as is), the text it shows and that text's hash. */
interface ShownTerms {
  readonly query: TermsQuery;
  readonly content: HTMLElement;
  readonly sha256: string;
  /** French was asked for and the text reads as English (docs/reliability.md §5 #10: never silently). */
  readonly englishInsteadOfFrench: boolean;
}

/** What a form-state restore brings back: the consent given before (no personal information). */
const consent = object({
  province,
  lang: oneOf(['en', 'fr']),
  accepted_at: string,
  terms_sha256: matching(/^[0-9a-f]{64}$/),
});

/** The sanitizer, SHA-256 and language check: one module, fetched when terms are first asked for. */
const loadTermsContent = () => import('./terms-content.js');

/**
 * The terms and conditions for the applicant's province (Quebec has its own) with the agreement checkbox.
 * The element asks its host for the terms HTML, sanitizes it (no scripts, styles, handlers, forms, media; links
 * https/mailto/tel only, opened in a new tab), shows it in a scrollable region, and takes part in the surrounding
 * `<form>` as `tos_agreement`.
 *
 * @summary Province-specific terms and conditions, sanitized, with a form-associated agreement checkbox.
 * @since 0.1.0
 *
 * @fires flexiti-terms-request - Asks the host for the terms HTML: `detail.request` is `{province, lang}` (the query of GET /terms-and-conditions); answer with `detail.respondWith(html | Response | Promise)`.
 * @fires change - {FlexitiTermsChangeEvent} The customer ticked or unticked the agreement (never when code sets `checked`); `detail` is `{checked, consent}`. Bubbles, composed.
 * @fires flexiti-error - The terms could not be loaded (type and code only, no personal information).
 *
 * @csspart title - The "Terms and conditions" title.
 * @csspart language-switch - The button that shows the terms in the other language.
 * @csspart region - The scrollable region holding the terms.
 * @csspart status - The "choose your province" or loading message.
 * @csspart unavailable - The "terms unavailable" notice.
 * @csspart language-notice - The notice above English terms sent when French was asked for.
 * @csspart retry-button - The retry button in the notice.
 * @csspart agreement - The agreement: checkbox, label, hint and error.
 * @csspart checkbox - The agreement checkbox.
 * @csspart label - The agreement label.
 * @csspart hint - Why the agreement cannot be ticked yet.
 * @csspart error - The agreement's validation message.
 *
 * @cssprop --flexiti-terms-max-height - Height of the scrollable region before it scrolls (default 20em).
 * @cssprop --flexiti-color-text - Text colour of the terms (legal text: keep 4.5:1 on the surface colour).
 * @cssprop --flexiti-color-surface - Background of the terms.
 * @cssprop --flexiti-color-primary - Buttons, links and the checkbox.
 * @cssprop --flexiti-color-error - The validation message.
 *
 * @cssstate idle - No province yet: nothing requested.
 * @cssstate loading - The terms are being requested.
 * @cssstate shown - The terms are shown.
 * @cssstate failed - The terms could not be loaded.
 * @cssstate checked - The customer agreed.
 * @cssstate user-invalid - The agreement's validation message is showing.
 */
export class FlexitiTerms extends FlexitiFormElement {
  static override styles = [baseStyles, termsStyles];

  /** Takes part in forms through ElementInternals. */

  /** Province or territory code of the applicant (`QC`, `ON`…); the terms depend on it. Nothing is requested until it is set. */
  @property() province = '';

  /** Terms language chosen by the page, `en` or `fr` (`en-CA`/`fr-CA` accepted). Unset: follow the locale, French first for Quebec. */
  @property({ attribute: 'terms-lang' }) termsLang?: string;

  /** The agreement can be ticked only after the end of the terms was scrolled into view. */
  @property({ type: Boolean, attribute: 'require-scroll', reflect: true }) requireScroll = false;

  /** Form field name (the POS API parameter). */
  @property({ reflect: true }) name = 'tos_agreement';

  /** What the form receives while checked. */
  @property() value = 'true';

  /** The form cannot be submitted until the customer agrees. */
  @property({ type: Boolean, reflect: true }) required = false;

  /** How long to wait for the host's answer to a request event, in milliseconds, before showing a timeout. */
  @property({ type: Number, attribute: 'request-timeout' }) requestTimeout = DEFAULT_HOST_TIMEOUT_MS;

  /**
   * A message from the host for the agreement (e.g. the API's `tos_agreement_required`), as a model message key,
   * shown in the element's locale until the customer changes the agreement.
   */
  @property({ attribute: false }) error: FieldMessage | null = null;

  /** Whether the customer agreed. Setting it to true is ignored while the agreement is unavailable. */
  @property({ type: Boolean })
  get checked(): boolean {
    return this.agreement !== null;
  }
  set checked(value: boolean) {
    if (!value) {
      this.agreement = null;
    } else if (!this.agreement && this.agreementAvailable && this.shown) {
      this.agreement = this.consentFor(this.shown, new Date());
    }
  }

  /** The consent record while checked (`{province, lang, accepted_at, terms_sha256}`), else `null`. */
  get consent(): TermsConsent | null {
    return this.agreement;
  }

  /** Where the terms are: `idle` (no province), `loading`, `shown` or `failed`. */
  get state(): TermsStatus {
    return this.phase;
  }

  /** The same as `state` (its first name, kept for pages that read it). */
  get status(): TermsStatus {
    return this.phase;
  }

  /** The language of the terms requested or shown (`en`/`fr`); undefined until a province is set. */
  get termsLanguage(): TermsLang | undefined {
    return this.query?.lang;
  }

  /** Requests the current terms again (what the Retry button does). */
  reload(): void {
    if (!this.query) return;
    this.startLoad(this.query);
    this.requestUpdate();
  }

  @state() private phase: Phase = 'idle';
  @state() private endSeen = false;
  @state() private customerLang?: TermsLang;
  @state() private agreement: TermsConsent | null = null;
  @state() private failure?: FlexitiApiError;
  @state() private shown?: ShownTerms;
  private query?: TermsQuery;
  private queryKey = '';
  private pendingRestore?: TermsConsent;
  private endObserver?: IntersectionObserver;
  /** The load in flight or last done. */
  private loading?: Promise<void>;

  private readonly requests = new HostRequestController(this);
  private readonly feedback = new FieldFeedback<FieldMessage>(this, {
    userInvalid: (on) => this.setCustomState('user-invalid', on),
    formAssociated: true,
  });
  private readonly focuser = new FocusController(this);

  @query('#agreement') private checkbox?: HTMLInputElement;
  @query('.region') private region?: HTMLElement;

  // `lang` on the element itself is an explicit language choice (see the class comment), so it is watched too.
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in a page: ask again if the request never went out, and watch the end of the terms again.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatchingEnd();
  }

  formResetCallback(): void {
    this.agreement = null;
    this.error = null;
    this.pendingRestore = undefined;
    this.feedback.reset();
  }

  formStateRestoreCallback(state: unknown): void {
    if (typeof state !== 'string') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(state);
    } catch {
      return;
    }
    const result = read(consent, parsed);
    if (!result.ok) return;
    this.pendingRestore = Object.freeze({ ...result.value });
    // The customer had agreed to terms in this language: show that language again so the agreement can come back.
    this.customerLang = result.value.lang;
    this.applyPendingRestore();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // The page choosing a language again outranks what the customer picked before.
    if (changed.has('termsLang') && this.hasUpdated) this.customerLang = undefined;
    const query = this.currentQuery();
    const key = query ? `${query.province}:${query.lang}` : '';
    // Out of the page nobody above could answer: the request waits for connectedCallback.
    if (key !== this.queryKey && (this.isConnected || !query)) {
      this.queryKey = key;
      this.query = query;
      if (query) {
        this.startLoad(query);
      } else {
        this.requests.drop();
        this.resetTerms('idle');
      }
    }
    if (changed.has('requireScroll') && !this.requireScroll) this.stopWatchingEnd();
  }

  override updated(): void {
    this.syncForm();
    this.syncStates();
    if (this.phase === 'shown' && this.requireScroll && !this.endSeen) this.watchEnd();
  }

  override render(): TemplateResult {
    return html`<fieldset class="controls" ?disabled=${this.controlsDisabled}>
      <div class="header">
        <span id="title" class="title" part="title">${msg('Terms and conditions', { id: 'terms.title' })}</span>
        ${this.renderLanguageSwitch()}
      </div>
      ${this.renderBody()} ${this.renderAgreement()}
    </fieldset>`;
  }

  private renderLanguageSwitch(): TemplateResult | typeof nothing {
    if (!this.query) return nothing;
    // Each label is written in the language it offers, so a customer who reads only that language finds it.
    // One button whose text changes (not two templates), so it keeps focus across the switch.
    const other: TermsLang = this.query.lang === 'fr' ? 'en' : 'fr';
    const label = other === 'en' ? 'Read the terms in English' : 'Lire les conditions en français';
    return html`<button type="button" class="switch" part="language-switch" lang=${normalizeLocale(other)} @click=${() => this.chooseLang(other)}>
      ${label}
    </button>`;
  }

  private renderBody(): TemplateResult {
    switch (this.phase) {
      case 'idle':
        return html`<p class="notice" part="status">
          ${msg('Choose your province to see the terms and conditions that apply to you.', { id: 'terms.no_province' })}
        </p>`;
      case 'loading':
        return html`<p class="status" part="status" role="status" tabindex="-1">
          ${msg('Loading the terms and conditions…', { id: 'terms.loading' })}
        </p>`;
      case 'failed':
        return html`<div class="notice error-notice" part="unavailable">
          <p role="alert">
            <strong>${msg('The terms and conditions are unavailable right now.', { id: 'terms.unavailable' })}</strong>
            ${this.failure ? errorText(this.failure, this.audience) : nothing}
          </p>
          <button type="button" class="retry" part="retry-button" @click=${this.onRetry}>
            ${msg('Retry', { id: 'terms.retry' })}
          </button>
        </div>`;
      case 'shown':
        return this.shown
          ? html`${this.shown.englishInsteadOfFrench ? this.renderLanguageNotice() : nothing}${this.renderRegion(this.shown)}`
          : html``;
    }
  }

  /** Shown above English terms that came back when French was asked for: the customer is told, in French. */
  private renderLanguageNotice(): TemplateResult {
    return html`<p class="notice" part="language-notice">
      ${msg(
        'These terms came back in English, although French was asked for. You may ask the store for the French version before you agree.',
        {
          id: 'terms.english_only',
        },
      )}
    </p>`;
  }

  // tabindex=0: keyboard users must be able to scroll the region; `lang` tells screen readers which language it is.
  private renderRegion(shown: ShownTerms): TemplateResult {
    return html`<div
      class="region"
      part="region"
      role="region"
      tabindex="0"
      aria-labelledby="title"
      lang=${normalizeLocale(shown.query.lang)}
    >
      ${shown.content}
      <div class="end" aria-hidden="true"></div>
    </div>`;
  }

  private renderAgreement(): TemplateResult {
    const available = this.agreementAvailable;
    const hint = available
      ? ''
      : this.phase === 'shown'
        ? msg('Scroll to the end of the terms and conditions to accept them.', { id: 'terms.scroll_hint' })
        : msg('You can accept once the terms and conditions are shown.', { id: 'terms.wait_hint' });
    const error = this.visibleError();
    const described = describedBy('agreement', { hint, message: error });
    return html`<div class="agreement" part="agreement">
      <div class="agreement-row">
        <input
          id="agreement"
          type="checkbox"
          part="checkbox"
          name=${this.name}
          .checked=${live(this.checked)}
          ?disabled=${!available || this.controlsDisabled}
          ?required=${this.required}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${described ?? nothing}
          @change=${this.onAgreementChange}
        />
        <label for="agreement" part="label">
          ${msg('I have read and I accept the terms and conditions.', { id: 'terms.agree' })}
        </label>
      </div>
      ${hint ? html`<p id="agreement-hint" class="hint" part="hint">${hint}</p>` : nothing}
      ${error ? renderError('agreement', error, this.feedback.announcement('agreement')) : nothing}
    </div>`;
  }

  /** Available: terms shown (and, with `require-scroll`, their end seen). */
  private get agreementAvailable(): boolean {
    return this.phase === 'shown' && (!this.requireScroll || this.endSeen);
  }

  private currentQuery(): TermsQuery | undefined {
    const province = normalizeProvince(this.province);
    if (!province) return undefined;
    // French first for Quebec (Charter of the French language), else the page's language.
    const lang =
      this.customerLang ?? (this.termsLang ? apiLang(this.termsLang) : province === 'QC' ? 'fr' : apiLang(this.locale));
    return { province, lang };
  }

  private chooseLang(lang: TermsLang): void {
    this.customerLang = lang;
  }

  /** After Retry, focus follows the outcome: the loading message, then the terms or the retry button again. */
  private async onRetry(): Promise<void> {
    this.reload();
    await this.focuser.after('.status');
    let load: Promise<void> | undefined;
    // A newer load (another query, a late host) may take over: follow it, not the one Retry started.
    while (this.phase === 'loading' && this.loading !== load) {
      load = this.loading;
      await load;
    }
    await this.focuser.after({ idle: '.notice', loading: '.status', shown: '.region', failed: '.retry' }[this.phase]);
  }

  private resetTerms(phase: Phase): void {
    this.phase = phase;
    this.shown = undefined;
    this.failure = undefined;
    this.agreement = null;
    this.endSeen = false;
    this.stopWatchingEnd();
  }

  private startLoad(query: TermsQuery): void {
    this.resetTerms('loading');
    // The newer query wins: the answer to an earlier one (another province or language) is stale.
    this.loading = this.requests.run((run) => this.fetchTerms(query, run), 'latest');
  }

  private async fetchTerms(query: TermsQuery, run: Run): Promise<void> {
    // Dispatch after the current update, so a listener that sets properties starts a clean update of its own.
    await Promise.resolve();
    if (!run.current) return;
    if (!this.isConnected) {
      // Removed before asking: nobody above could answer. Ask again once connected.
      this.queryKey = '';
      return;
    }
    // Fetched while the host answers: no extra round trip once the terms are here.
    const tools = loadTermsContent().then(
      (module) => module,
      () => undefined,
    );
    const outcome = await this.requests.send<string>(new FlexitiTermsRequestEvent(query), {
      expect: 'text',
      onLateHost: () => {
        this.queryKey = ''; // the same query, asked again
        this.requestUpdate();
      },
    });
    if (!run.current) return;
    if (!outcome.ok) {
      this.fail(outcome.error);
      return;
    }
    const loaded = await tools;
    if (!run.current) return;
    if (!loaded) {
      // The sanitizer's file could not be fetched: the same as the terms not arriving (Retry asks again).
      this.fail(localError('network_error'));
      return;
    }
    const { sanitizeToFragment, sha256Hex, guessLanguage } = loaded;
    const content = document.createElement('div');
    content.className = 'content';
    content.append(sanitizeToFragment(outcome.data));
    const text = content.textContent ?? '';
    if (!text.trim()) {
      // An empty document (or one that was nothing but markup we remove) is not terms anyone can agree to.
      const error = localError('invalid_response');
      this.reportError(error.type, error.code);
      this.fail(error);
      return;
    }
    const sha256 = await sha256Hex(text);
    if (!run.current) return;
    const englishInsteadOfFrench = query.lang === 'fr' && guessLanguage(text) === 'en';
    if (englishInsteadOfFrench) {
      this.reportError('server', 'terms_language_mismatch');
    }
    // The content node (not the fragment, which empties once inserted) is bound, so any re-render keeps the terms.
    this.shown = { query, content, sha256, englishInsteadOfFrench };
    this.phase = 'shown';
    this.applyPendingRestore();
  }

  private fail(error: FlexitiApiError): void {
    this.failure = error;
    this.phase = 'failed';
  }

  private consentFor(shown: ShownTerms, acceptedAt: Date): TermsConsent {
    return Object.freeze({
      province: shown.query.province,
      lang: shown.query.lang,
      accepted_at: acceptedAt.toISOString(),
      terms_sha256: shown.sha256,
    });
  }

  private applyPendingRestore(): void {
    const restored = this.pendingRestore;
    const shown = this.shown;
    if (!restored || this.phase !== 'shown' || !shown) return;
    if (restored.province !== shown.query.province || restored.lang !== shown.query.lang) return;
    this.pendingRestore = undefined;
    if (restored.terms_sha256 !== shown.sha256) return; // the terms changed since: the customer must agree again
    this.endSeen = true;
    this.agreement = restored;
  }

  private onAgreementChange(event: Event): void {
    const box = event.target as HTMLInputElement;
    if (!this.agreementAvailable || !this.shown) {
      box.checked = false;
      return;
    }
    this.agreement = box.checked ? this.consentFor(this.shown, new Date()) : null;
    this.error = null;
    this.feedback.touch(this.name);
    this.syncForm();
    this.dispatchEvent(new FlexitiTermsChangeEvent({ checked: this.checked, consent: this.agreement }));
  }

  /** The agreement's error shown now: the host's until the customer changes the agreement, else "required". */
  private visibleError(): string {
    const missing: FieldMessage | undefined = this.required && !this.checked ? { key: 'tos.required' } : undefined;
    const error = this.feedback.show(this.name, this.error ?? missing, !!this.error);
    return error ? messageText(error) : '';
  }

  private syncForm(): void {
    const consent = this.agreement;
    this.internals.setFormValue(consent ? this.value : null, consent ? JSON.stringify(consent) : null);
    const anchor = this.checkbox ?? undefined;
    if (this.error) {
      this.internals.setValidity({ customError: true }, messageText(this.error), anchor);
    } else if (this.required && !consent) {
      this.internals.setValidity({ valueMissing: true }, messageText('tos.required'), anchor);
    } else {
      this.internals.setValidity({});
    }
  }

  private syncStates(): void {
    this.showState(this.state);
    this.setCustomState('checked', this.checked);
  }

  // Chromium before 125 only takes the old `--name` form (and throws on `name`); older browsers have no states.

  private watchEnd(): void {
    if (this.endObserver) return;
    const region = this.region;
    const end = region?.querySelector('.end');
    if (!region || !end) return;
    this.endObserver = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          this.endSeen = true;
          this.stopWatchingEnd();
        }
      },
      { root: region, threshold: 0 },
    );
    this.endObserver.observe(end);
  }

  private stopWatchingEnd(): void {
    this.endObserver?.disconnect();
    this.endObserver = undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'flexiti-terms': FlexitiTerms;
  }
}
