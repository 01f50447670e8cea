// Reading the licence with the camera (issue 20): offered only where the browser has a Barcode Detection API that
// knows PDF417 and a camera to ask for; the barcode's text goes through the same licence request as a scanner's.
// Chromium on Linux has no BarcodeDetector: each test puts a stand-in on the page (and a camera stream drawn on a
// canvas), and takes it away after.
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import type { FlexitiApply } from './apply.js';
import { licenceCamera } from './licence-camera-on-demand.js';
import {
  $,
  control,
  deepActiveElement,
  mount,
  seedLicense,
  settled,
  text,
} from '../../../test/browser/apply-harness.js';
import { watchDownloads } from '../../../test/browser/on-demand-harness.js';

const BARCODE = '@\n\x1e\rANSI 636012090001DL00310045DLDAQD61014070660905\nDCSDOE\nDACJOHN\r';

interface Stubs {
  formats?: string[];
  /** What `detect` finds on each frame, in turn (the last one repeats). */
  frames?: { format: string; rawValue: string }[][];
  /** `getUserMedia` refuses (the customer said no). */
  refuse?: boolean;
  withoutDetector?: boolean;
  withoutCamera?: boolean;
}

interface Installed {
  /** Frames looked at. */
  detections: number;
  /** The camera streams handed out. */
  streams: MediaStream[];
}

const globals = globalThis as { BarcodeDetector?: unknown };
let restore: (() => void) | undefined;

afterEach(() => {
  restore?.();
  restore = undefined;
});

function install(stubs: Stubs = {}): Installed {
  const installed: Installed = { detections: 0, streams: [] };
  const frames = [...(stubs.frames ?? [[{ format: 'pdf417', rawValue: BARCODE }]])];
  class FakeDetector {
    static getSupportedFormats(): Promise<string[]> {
      return Promise.resolve(stubs.formats ?? ['qr_code', 'pdf417']);
    }
    detect(): Promise<{ format: string; rawValue: string }[]> {
      installed.detections++;
      return Promise.resolve(frames.length > 1 ? frames.shift()! : frames[0]!);
    }
  }
  const hadDetector = 'BarcodeDetector' in globals;
  const previousDetector = globals.BarcodeDetector;
  if (stubs.withoutDetector) delete globals.BarcodeDetector;
  else globals.BarcodeDetector = FakeDetector;
  const media = navigator.mediaDevices;
  const own = Object.getOwnPropertyDescriptor(media, 'getUserMedia');
  Object.defineProperty(media, 'getUserMedia', {
    configurable: true,
    value: stubs.withoutCamera
      ? undefined
      : async () => {
          if (stubs.refuse) throw new DOMException('Permission denied', 'NotAllowedError');
          const canvas = document.createElement('canvas');
          canvas.getContext('2d')!.fillRect(0, 0, 10, 10);
          const stream = canvas.captureStream(5);
          installed.streams.push(stream);
          return stream;
        },
  });
  restore = () => {
    if (hadDetector) globals.BarcodeDetector = previousDetector;
    else delete globals.BarcodeDetector;
    if (own) Object.defineProperty(media, 'getUserMedia', own);
    else delete (media as unknown as Record<string, unknown>).getUserMedia;
  };
  return installed;
}

/** Long enough for the support check (a resolved promise) and the render after it. */
async function checked(el: FlexitiApply): Promise<void> {
  await aTimeout(30);
  await el.updateComplete;
}

const cameraButton = (el: FlexitiApply) => $<HTMLButtonElement>(el, '[data-camera-scan]');

const downloadCamera = () => import('./licence-camera.js');

describe('<flexiti-apply> licence scan with the camera', () => {
  // The camera's module (on demand) is here before the first check, as it is for each test after: `checked` waits
  // for the check, not for a first download.
  before(() => licenceCamera.load());

  it('online with PDF417 and a camera: offered, and the barcode read fills the form through the licence request', async () => {
    const stubs = install({
      frames: [[], [{ format: 'qr_code', rawValue: 'https://example.com' }], [{ format: 'pdf417', rawValue: BARCODE }]],
    });
    const licence = await seedLicense('response');
    const { el, requests } = await mount({ channel: 'online', onLicense: () => licence });
    await checked(el);
    expect(text(cameraButton(el))).to.equal('Scan the licence with the camera');
    expect($(el, '#scan-code'), 'no scanner box online').to.equal(null);
    await expect(el).to.be.accessible();

    cameraButton(el)!.click();
    await waitUntil(() => requests('flexiti-license-request').length > 0, 'the barcode was not sent', {
      timeout: 3000,
    });
    await settled(el);
    // The empty frame and the QR code were passed over; the PDF417 text was sent as it was read.
    expect(stubs.detections).to.equal(3);
    expect(requests('flexiti-license-request')).to.deep.equal([{ code: BARCODE }]);
    expect(control(el, 'last_name').value).to.equal('Doe');
    expect(deepActiveElement()).to.equal(control(el, 'first_name'));
    expect(
      stubs.streams[0]!.getTracks().every((track) => track.readyState === 'ended'),
      'the camera is off',
    ).to.equal(true);
    expect($(el, 'video[data-camera]')).to.equal(null);
  });

  it('the camera view while it looks, and Stop turns it off with focus back on the button', async () => {
    const stubs = install({ frames: [[]] });
    const { el } = await mount({ channel: 'online' });
    await checked(el);
    cameraButton(el)!.click();
    await waitUntil(() => $(el, 'video[data-camera]') && stubs.streams.length === 1, 'no camera view');
    await el.updateComplete;
    expect($(el, 'video[data-camera]')!.getAttribute('aria-label')).to.equal('Camera view');
    expect(text($(el, '[role="status"]'))).to.equal('Point the camera at the barcode on the back of the licence.');
    $<HTMLButtonElement>(el, '[data-camera-stop]')!.click();
    await waitUntil(() => deepActiveElement() === cameraButton(el), 'focus is not on the camera button');
    expect(stubs.streams[0]!.getTracks().every((track) => track.readyState === 'ended')).to.equal(true);
    const looked = stubs.detections;
    await aTimeout(450);
    expect(stubs.detections, 'no frame looked at after Stop').to.equal(looked);
  });

  it('in store: the camera is offered inside the scanner box too', async () => {
    install();
    const { el } = await mount({ channel: 'in_store' });
    await checked(el);
    expect(cameraButton(el)!.closest('details')).to.equal($(el, 'details[part="scan"]'));
    expect($(el, '#scan-code')).to.not.equal(null);
  });

  it('a refused camera says to type instead, announced, with focus on the button', async () => {
    install({ refuse: true });
    const { el, requests } = await mount({ channel: 'online' });
    await checked(el);
    cameraButton(el)!.click();
    const message = "The camera can't be used. Type the information instead.";
    await waitUntil(() => text($(el, '#camera-message')).endsWith(message), 'no message');
    await waitUntil(() => deepActiveElement() === cameraButton(el), 'focus is not on the camera button');
    expect(cameraButton(el)!.getAttribute('aria-describedby')).to.equal('camera-message');
    expect(text($(el, '[role="status"]'))).to.equal(message);
    expect(requests('flexiti-license-request')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it("a licence the host can't read: the error under the camera button, focus on it", async () => {
    install();
    const { el } = await mount({
      channel: 'online',
      onLicense: () =>
        new Response(JSON.stringify({ error: "Driver License's not supported", message: 'x' }), { status: 409 }),
    });
    await checked(el);
    cameraButton(el)!.click();
    await waitUntil(() => $(el, '#camera-message'), 'no message', { timeout: 3000 });
    await waitUntil(() => deepActiveElement() === cameraButton(el), 'focus is not on the camera button');
    expect(text($(el, '#camera-message'))).to.contain("This driver's licence can't be read.");
  });

  it('French: the camera button and its hint', async () => {
    install();
    const { el } = await mount({ channel: 'online', lang: 'fr-CA' });
    await checked(el);
    expect(text(cameraButton(el))).to.equal('Numériser le permis avec la caméra');
  });

  describe('not offered', () => {
    it('without BarcodeDetector (Chromium on Linux, Firefox, Safari)', async () => {
      install({ withoutDetector: true });
      const { el } = await mount({ channel: 'online' });
      await checked(el);
      expect(cameraButton(el)).to.equal(null);
      expect($(el, '[part="scan"]')).to.equal(null);
    });

    it('when the detector does not know PDF417', async () => {
      install({ formats: ['qr_code', 'ean_13'] });
      const { el } = await mount({ channel: 'online' });
      await checked(el);
      expect(cameraButton(el)).to.equal(null);
    });

    it('without getUserMedia (no camera API)', async () => {
      install({ withoutCamera: true });
      const { el } = await mount({ channel: 'online' });
      await checked(el);
      expect(cameraButton(el)).to.equal(null);
    });

    it('in store without support: the scanner box alone', async () => {
      install({ withoutDetector: true });
      const { el } = await mount({ channel: 'in_store' });
      await checked(el);
      expect($(el, '#scan-code')).to.not.equal(null);
      expect(cameraButton(el)).to.equal(null);
    });
  });
});

// The camera's button, view and flow download (licence-camera-on-demand.ts) only where the browser can read a
// licence with its camera; here that download is counted, held until the test lets it arrive, or fails.
describe('<flexiti-apply> licence camera on demand', () => {
  const downloads = watchDownloads(licenceCamera, downloadCamera);

  it('where the browser cannot read licences, nothing of the camera downloads', async () => {
    for (const stubs of [{ withoutDetector: true }, { formats: ['qr_code'] }, { withoutCamera: true }]) {
      install(stubs);
      for (const channel of ['online', 'in_store'] as const) {
        const { el } = await mount({ channel });
        await checked(el);
        expect(cameraButton(el)).to.equal(null);
      }
      restore!();
      restore = undefined;
    }
    expect(downloads.count).to.equal(0);
  });

  it('the button appears once its module arrives; meanwhile the scanner and the form work', async () => {
    install();
    downloads.held = true;
    const licence = await seedLicense('response');
    const { el, requests } = await mount({ channel: 'in_store', onLicense: () => licence });
    await checked(el);
    expect(downloads.count, 'the check found the camera usable: its module downloads').to.equal(1);
    expect(cameraButton(el)).to.equal(null);

    // The scanner box reads a licence meanwhile, and the element's updates do not wait for the camera.
    $<HTMLElement>(el, '[part="scan"] summary')!.click();
    const box = $<HTMLTextAreaElement>(el, '#scan-code')!;
    box.value = 'DAQD61014070660905';
    box.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(el, '[data-use-scan]')!.click();
    await settled(el);
    expect(requests('flexiti-license-request')).to.deep.equal([{ code: 'DAQD61014070660905' }]);
    expect(control(el, 'last_name').value).to.equal('Doe');

    downloads.arrive();
    await waitUntil(() => cameraButton(el), 'no camera button once its module arrived');
    expect(text(cameraButton(el))).to.equal('Scan the licence with the camera');
    expect(cameraButton(el)!.closest('details')).to.equal($(el, 'details[part="scan"]'));
    expect(downloads.count).to.equal(1);
  });

  it('a failed download: no camera and nothing said; the next connect tries again', async () => {
    install();
    downloads.offline = true;
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const { el, wrapper, events } = await mount({ channel: 'online' });
      await checked(el);
      expect(downloads.count).to.equal(1);
      expect(cameraButton(el)).to.equal(null);
      expect($(el, '[part="scan"]'), 'online, nothing of the camera').to.equal(null);
      expect(events.filter((event) => event.type === 'flexiti-error')).to.deep.equal([]);

      downloads.offline = false;
      el.remove();
      wrapper.append(el);
      await waitUntil(() => cameraButton(el), 'no camera button after the retry');
      expect(downloads.count).to.equal(2);
      expect(text(cameraButton(el))).to.equal('Scan the licence with the camera');
    } finally {
      console.error = original;
    }
    expect(logged, 'nothing in the console').to.deep.equal([]);
  });
});
