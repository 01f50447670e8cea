import { html, type ReactiveController, type TemplateResult, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { localError, type ApplyFieldName, type FlexitiApiError } from '../../model/index.js';
import { licenseResponse, read } from '../../model/read.js';
import { FlexitiLicenseRequestEvent } from '../../events/requests.js';
import { errorText } from '../../internal/message-text.js';
import { HostRequestController, type HostOutcome } from '../../internal/host-request.js';
import type { FocusController } from '../../internal/focus.js';
import { errorPrefix } from '../../internal/field.js';
import type { FlexitiElement } from '../../internal/flexiti-element.js';
import { aamvaComplete } from './aamva.js';

/** A scanner pauses at most this long between characters; after that the scan is used. */
const SCAN_IDLE_MS = 300;

/** What a read licence gives: the application fields POST /customers/driverslicense answers. */
export type Licence = Partial<Record<ApplyFieldName, string>>;

export interface LicenceScanOptions {
  focus: FocusController;
  /** Puts text in the element's polite live region. */
  announce(text: string): void;
  /** The licence was read: fill the form from it (and move focus there). */
  fill(licence: Licence): Promise<void>;
}

/**
 * The "scan a driver's licence" box of the in-store application: the barcode text typed by a keyboard-wedge scanner
 * or pasted, the licence request, and its error. A failed scan keeps the text, puts focus back in the box and
 * announces why, so a clerk on a screen reader hears it (the box is disabled while the request runs, which would
 * otherwise drop focus to the page).
 */
export class LicenceScanController implements ReactiveController {
  text = '';
  error?: FlexitiApiError | 'empty';
  private timer?: ReturnType<typeof setTimeout>;
  /** Its own runner: a scan never blocks the application's requests, nor they it. */
  private readonly requests: HostRequestController;

  constructor(
    private readonly host: FlexitiElement,
    private readonly options: LicenceScanOptions,
  ) {
    host.addController(this);
    this.requests = new HostRequestController(host);
  }

  /** The licence request is in flight. */
  get busy(): boolean {
    return this.requests.busy;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** Forgets the scanned text (a new customer). */
  clear(): void {
    this.text = '';
    this.host.requestUpdate();
  }

  private readonly onInput = (event: Event): void => {
    this.text = (event.target as HTMLTextAreaElement).value;
    this.error = undefined;
    clearTimeout(this.timer);
    // A scanner types the whole barcode, newlines included: use it once the header's length is reached and the typing pauses.
    if (aamvaComplete(this.text)) this.timer = setTimeout(() => void this.use(), SCAN_IDLE_MS);
    this.host.requestUpdate();
  };

  private readonly use = async (): Promise<void> => {
    clearTimeout(this.timer);
    if (this.busy) return;
    const code = this.text.trim();
    if (code === '') {
      await this.fail('empty');
      return;
    }
    let outcome: HostOutcome | undefined;
    await this.requests.run(async () => {
      this.error = undefined;
      this.options.announce(msg('Reading the licence…', { id: 'apply.status.scanning' }));
      outcome = await this.requests.send(new FlexitiLicenseRequestEvent({ code }));
      this.options.announce('');
    });
    // Not busy any more: the box is enabled again, so focus can go back to it.
    if (!outcome) return;
    if (!outcome.ok) return this.fail(outcome.error);
    const licence = read(licenseResponse, outcome.data);
    if (!licence.ok) return this.fail(localError('invalid_response'));
    this.text = '';
    this.host.requestUpdate();
    await this.options.fill(licence.value);
  };

  private async fail(error: FlexitiApiError | 'empty'): Promise<void> {
    this.error = error;
    this.host.requestUpdate();
    this.options.announce(this.errorMessage() ?? '');
    await this.options.focus.after('#scan-code');
  }

  private errorMessage(): string | undefined {
    const error = this.error;
    if (error === undefined) return undefined;
    return error === 'empty'
      ? msg('Scan the barcode or paste its text first.', { id: 'apply.scan.empty' })
      : errorText(error, this.host.audience);
  }

  render(): TemplateResult {
    const error = this.error;
    const errorMessage = this.errorMessage();
    return html`<details class="scan" part="scan">
      <summary>${msg("Scan a driver's licence to fill in the form", { id: 'apply.scan.summary' })}</summary>
      <div class="field">
        <label for="scan-code">${msg('Barcode text', { id: 'apply.scan.label' })}</label>
        <span class="hint" id="scan-code-hint">${msg(
          'Select this box, then scan the barcode on the back of the licence with the store’s scanner, or paste the barcode text.',
          { id: 'apply.scan.hint' },
        )}</span>
        <textarea
          id="scan-code"
          rows="4"
          autocomplete="off"
          spellcheck="false"
          autocapitalize="off"
          aria-describedby=${errorMessage ? 'scan-code-hint scan-code-message' : 'scan-code-hint'}
          aria-invalid=${errorMessage ? 'true' : 'false'}
          ?disabled=${this.busy}
          .value=${live(this.text)}
          @input=${this.onInput}
        ></textarea>
        ${
          errorMessage
            ? html`<span class="error" id="scan-code-message" part="error" data-scan-error=${error === 'empty' ? 'empty' : error!.code}
              >${errorPrefix()}${errorMessage}</span
            >`
            : nothing
        }
      </div>
      <button type="button" data-use-scan ?disabled=${this.busy} @click=${this.use}>
        ${this.busy ? msg('Reading the licence…', { id: 'apply.status.scanning' }) : msg('Use scan', { id: 'apply.scan.use' })}
      </button>
    </details>`;
  }
}
