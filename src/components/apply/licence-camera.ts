/**
 * Reading a driver's licence barcode (PDF417) with the camera, in the page: loaded on demand, when the customer asks
 * for the camera. The text read is the same the store's scanner types; the caller sends it in the licence request.
 */

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
