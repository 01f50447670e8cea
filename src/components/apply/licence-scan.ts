import { html, type ReactiveController, type TemplateResult, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { localError, type ApplyFieldName, type FlexitiApiError } from '../../model/index.js';
import { licenseResponse, read } from '../../model/read.js';
import { FlexitiLicenseRequestEvent } from '../../events/requests.js';
import { errorText } from '../../internal/message-text.js';
import { HostRequestController, type HostOutcome } from '../../internal/host-request.js';
import type { FocusController } from '../../internal/focus.js';
import { describedBy, renderField } from '../../internal/field.js';
import type { FlexitiElement } from '../../internal/flexiti-element.js';
import { aamvaComplete } from './aamva.js';
import type { BarcodeDetectorClass, LicenceCamera } from './licence-camera.js';
import { licenceCamera } from './licence-camera-on-demand.js';

/** A scanner pauses at most this long between characters; after that the scan is used. */
const SCAN_IDLE_MS = 300;

/**
 * Whether this browser can read a licence with its camera: a Barcode Detection API that knows PDF417 (the licence's
 * barcode) and a camera to ask for. Chrome on Android and macOS have both; most desktop browsers and iOS have not.
 */
async function cameraCanReadLicences(): Promise<boolean> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (typeof Detector?.getSupportedFormats !== 'function') return false;
  if (typeof globalThis.navigator?.mediaDevices?.getUserMedia !== 'function') return false;
  try {
    return (await Detector.getSupportedFormats()).includes('pdf417');
  } catch {
    return false;
  }
}

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
 * Reading a driver's licence into the application. In store: the "scan a driver's licence" box, for the barcode
 * text typed by a keyboard-wedge scanner or pasted. Where the browser can (see `cameraCanReadLicences`), in store and
 * online: "Scan the licence with the camera" (licence-camera.ts, on demand), which decodes the barcode in the page and
 * sends the same text. Online without a camera that can read it, nothing: the customer types. Either way the text
 * goes through the same licence request. A failed scan keeps the text, puts focus back where the customer was (the
 * box, or the camera button) and announces why, so a screen reader hears it (the controls are disabled while the
 * request runs, which would otherwise drop focus to the page).
 */
export class LicenceScanController implements ReactiveController {
  text = '';
  error?: FlexitiApiError | 'empty' | 'camera';
  /** Where the last attempt came from: its error is shown and focused there. */
  source: 'text' | 'camera' = 'text';
  private timer?: ReturnType<typeof setTimeout>;
  /** Its own runner: a scan never blocks the application's requests, nor they it. */
  private readonly requests: HostRequestController;
  /** The camera's button, view and flow, once this browser is known to read licences and its module is here. */
  private camera?: LicenceCamera;

  constructor(
    readonly host: FlexitiElement,
    readonly options: LicenceScanOptions,
  ) {
    host.addController(this);
    this.requests = new HostRequestController(host);
  }

  /** The licence request is in flight. */
  get busy(): boolean {
    return this.requests.busy;
  }

  hostConnected(): void {
    void this.offerCamera();
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.camera?.close();
  }

  /**
   * Where this browser can read a licence with its camera, downloads the camera's part (licence-camera.ts) and shows
   * it; elsewhere none of it downloads. A failed download is an enhancement that did not come: no camera, the
   * customer types or scans, and the next connect tries again.
   */
  private async offerCamera(): Promise<void> {
    if (this.camera || !(await cameraCanReadLicences())) return;
    const module = await licenceCamera.load().catch(() => undefined);
    if (!module) return;
    this.camera ??= new module.LicenceCamera(this);
    this.host.requestUpdate();
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
    this.source = 'text';
    const code = this.text.trim();
    if (code === '') {
      await this.fail('empty');
      return;
    }
    await this.send(code);
  };

  /** The licence request for a barcode's text, from the box or the camera. */
  async send(code: string): Promise<void> {
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
  }

  /** Shows and announces `error` where the attempt came from (the box, or the camera button), and focuses there. */
  async fail(error: FlexitiApiError | 'empty' | 'camera'): Promise<void> {
    this.error = error;
    this.host.requestUpdate();
    this.options.announce(this.errorMessage() ?? '');
    await this.options.focus.after(this.source === 'camera' ? '[data-camera-scan]' : '#scan-code');
  }

  /** The last error's text (the camera's own, `'camera'`, is the camera's to say). */
  errorMessage(): string | undefined {
    const error = this.error;
    if (error === undefined) return undefined;
    if (error === 'empty') return msg('Scan the barcode or paste its text first.', { id: 'apply.scan.empty' });
    if (error === 'camera') return this.camera?.unavailableMessage();
    return errorText(error, this.host.audience);
  }

  /** In store, the scanner box (and the camera where it works); online, only the camera, where it works. */
  render(): TemplateResult | typeof nothing {
    if (this.host.audience === 'in_store') return this.renderScanner();
    return this.camera ? html`<div class="scan" part="scan">${this.camera.render()}</div>` : nothing;
  }

  private renderScanner(): TemplateResult {
    const errorMessage = this.source === 'text' ? this.errorMessage() : undefined;
    const hint = msg(
      'Select this box, then scan the barcode on the back of the licence with the store’s scanner, or paste the barcode text.',
      { id: 'apply.scan.hint' },
    );
    return html`<details class="scan" part="scan">
      <summary>${msg("Scan a driver's licence to fill in the form", { id: 'apply.scan.summary' })}</summary>
      ${renderField({
        id: 'scan-code',
        label: msg('Barcode text', { id: 'apply.scan.label' }),
        hint,
        error: errorMessage,
        control: html`<textarea
          id="scan-code"
          rows="4"
          autocomplete="off"
          spellcheck="false"
          autocapitalize="off"
          aria-describedby=${describedBy('scan-code', { hint, message: errorMessage }) ?? nothing}
          aria-invalid=${errorMessage ? 'true' : 'false'}
          ?disabled=${this.busy}
          .value=${live(this.text)}
          @input=${this.onInput}
        ></textarea>`,
      })}
      <button type="button" data-use-scan ?disabled=${this.busy} @click=${this.use}>
        ${this.busy ? msg('Reading the licence…', { id: 'apply.status.scanning' }) : msg('Use scan', { id: 'apply.scan.use' })}
      </button>
      ${this.camera?.render() ?? nothing}
    </details>`;
  }
}
