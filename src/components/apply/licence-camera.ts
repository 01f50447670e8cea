/**
 * Reading a driver's licence barcode (PDF417) with the camera, in the page: its button, its view and its flow, loaded
 * on demand (licence-camera-on-demand.ts) once the browser is known to be able to. The text read is the same the
 * store's scanner types; it goes through the scan's licence request (`LicenceScanController.send`).
 */
import { html, type TemplateResult, nothing } from 'lit/html.js';
import { msg } from '@lit/localize';
import { describedBy, renderError } from '../../internal/field.js';
import type { LicenceScanController } from './licence-scan.js';

/** How often a camera frame is looked at for the barcode. */
const FRAME_MS = 200;

/** The part of the Barcode Detection API used here (not in TypeScript's DOM types yet). */
export interface BarcodeDetectorClass {
  new (options: { formats: string[] }): { detect(source: HTMLVideoElement): Promise<DetectedBarcode[]> };
  getSupportedFormats(): Promise<string[]>;
}
interface DetectedBarcode {
  format: string;
  rawValue: string;
}

export interface LicenceWatch {
  /** The barcode's text; undefined once stopped; rejects when the camera is refused or missing. */
  result: Promise<string | undefined>;
  /** Turns the camera off (the tracks are stopped: the browser's camera indicator goes out). */
  stop(): void;
}

/** Turns the back camera on into `video` and looks at its frames until a PDF417 barcode is read. */
export function watchForLicence(video: HTMLVideoElement): LicenceWatch {
  let on = true;
  let stream: MediaStream | undefined;
  const stop = () => {
    on = false;
    stream?.getTracks().forEach((track) => track.stop());
  };
  const result = (async () => {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    if (!on) {
      stop();
      return undefined;
    }
    video.srcObject = stream;
    void video.play().catch(() => undefined);
    const Detector = (globalThis as unknown as { BarcodeDetector: BarcodeDetectorClass }).BarcodeDetector;
    const detector = new Detector({ formats: ['pdf417'] });
    while (on) {
      const found = await detector.detect(video).then(
        (codes) => codes.find((code) => code.format === 'pdf417' && code.rawValue.trim() !== ''),
        () => undefined,
      );
      if (!on) return undefined;
      if (found) {
        stop();
        return found.rawValue;
      }
      await new Promise((resolve) => setTimeout(resolve, FRAME_MS));
    }
    return undefined;
  })();
  return { result, stop };
}

/**
 * "Scan the licence with the camera", the camera's view while it is on (with "Stop the camera"), and a camera scan's
 * error, for one licence scan. A failed camera scan puts focus back on the button and announces why.
 */
export class LicenceCamera {
  /** The camera is on (its view is shown); `stopWatching` turns it off. */
  private on = false;
  private stopWatching?: () => void;

  constructor(private readonly scan: LicenceScanController) {}

  /** The text of the camera's own error (`'camera'`): it was refused, or there is none. */
  unavailableMessage(): string {
    return msg("The camera can't be used. Type the information instead.", { id: 'apply.camera.unavailable' });
  }

  /** Turns the camera on until a PDF417 barcode is read, then sends its text. */
  private readonly start = async (): Promise<void> => {
    const { scan } = this;
    if (scan.busy || this.on) return;
    scan.source = 'camera';
    scan.error = undefined;
    this.on = true;
    scan.host.requestUpdate();
    await scan.host.updateComplete;
    const video = scan.host.renderRoot.querySelector<HTMLVideoElement>('video[data-camera]');
    // Stopped (the element left the page) before its view was shown.
    if (!video || !this.on) return this.close();
    scan.options.announce(
      msg('Point the camera at the barcode on the back of the licence.', { id: 'apply.camera.aim' }),
    );
    let code: string | undefined;
    try {
      const watch = watchForLicence(video);
      this.stopWatching = watch.stop;
      code = await watch.result;
    } catch {
      // Refused, or no camera: the customer types instead.
      this.close();
      return scan.fail('camera');
    }
    this.close();
    if (code !== undefined) await scan.send(code);
  };

  /** Turns the camera off (also when the element leaves the page). */
  close(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
    this.on = false;
    this.scan.host.requestUpdate();
  }

  private readonly cancel = async (): Promise<void> => {
    this.close();
    this.scan.options.announce('');
    await this.scan.options.focus.after('[data-camera-scan]');
  };

  /** The button, or the view and "Stop the camera" while it is on, and a camera scan's error under them. */
  render(): TemplateResult {
    const { scan } = this;
    const errorMessage = scan.source === 'camera' ? scan.errorMessage() : undefined;
    return html`<div class="camera">
      ${
        this.on
          ? html`<video data-camera part="camera" muted playsinline aria-label=${msg('Camera view', { id: 'apply.camera.view' })}></video>
            <button type="button" data-camera-stop @click=${this.cancel}>${msg('Stop the camera', { id: 'apply.camera.stop' })}</button>`
          : html`<button type="button" data-camera-scan ?disabled=${scan.busy} aria-describedby=${describedBy('camera', { message: errorMessage }) ?? nothing} @click=${this.start}>
            ${scan.busy ? msg('Reading the licence…', { id: 'apply.status.scanning' }) : msg('Scan the licence with the camera', { id: 'apply.camera.start' })}
          </button>`
      }
      ${errorMessage ? renderError('camera', errorMessage) : nothing}
    </div>`;
  }
}
