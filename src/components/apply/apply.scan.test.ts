import { expect, waitUntil } from '@open-wc/testing';
import { describeNode } from '../../../test/browser/dom.js';
import { recordTimeouts, type PassingTime } from '../../../test/browser/fake-clock.js';
import { sendKeys } from '@web/test-runner-commands';
import type { FlexitiApply } from './apply.js';
import { aamvaComplete, aamvaExpectedLength } from './aamva.js';
import {
  $,
  control,
  deepActiveElement,
  errorOf,
  mount,
  seedLicense,
  settled,
  text,
} from '../../../test/browser/apply-harness.js';

/** An AAMVA PDF417 text with one DL subfile, as the barcode holds it (header offsets count from '@'). */
function aamvaBarcode(elements: string[]): string {
  const subfile = `DL${elements.join('\n')}\r`;
  const header = '@\n\x1e\rANSI 636012090001';
  return `${header}DL${String(header.length + 10).padStart(4, '0')}${String(subfile.length).padStart(4, '0')}${subfile}`;
}

const BARCODE = aamvaBarcode([
  'DAQD61014070660905',
  'DCSDOE',
  'DACJOHN',
  'DADGREY',
  'DBB19740515',
  'DBA20300515',
  'DAG55 UNIVERSITY AVE',
  'DAITORONTO',
  'DAJON',
  'DAKM5J 2H7',
]);

/** What a keyboard-wedge scanner types: the record separator is lost and a carriage return is an Enter. */
const WEDGE_TEXT = BARCODE.replace('\x1e', '').replace(/\r/g, '\n');

const scanArea = (el: FlexitiApply) => $<HTMLTextAreaElement>(el, '#scan-code')!;

async function openScan(el: FlexitiApply): Promise<void> {
  $<HTMLElement>(el, '[part="scan"] summary')!.click();
  await el.updateComplete;
  expect($<HTMLDetailsElement>(el, '[part="scan"]')!.open).to.equal(true);
}

async function paste(el: FlexitiApply, code: string): Promise<void> {
  const area = scanArea(el);
  area.focus();
  document.execCommand('insertText', false, code);
  await el.updateComplete;
}

describe('<flexiti-apply> licence scan', () => {
  let time: PassingTime;
  beforeEach(() => (time = recordTimeouts()));
  afterEach(() => time.restore());

  it('reads the AAMVA header to know when a barcode is complete', () => {
    expect(aamvaExpectedLength(BARCODE)).to.equal(BARCODE.length);
    expect(aamvaComplete(BARCODE)).to.equal(true);
    expect(aamvaComplete(WEDGE_TEXT)).to.equal(true);
    expect(aamvaComplete(BARCODE.slice(0, BARCODE.length - 20))).to.equal(false);
    expect(aamvaComplete('D61014070660905')).to.equal(false);
  });

  it('online (the default): no store-scanner box for a customer on their own device', async () => {
    const { el } = await mount();
    expect($(el, '[part="scan"]')).to.equal(null);
    const online = await mount({ channel: 'online' });
    expect($(online.el, '[part="scan"]')).to.equal(null);
  });

  it('is a labelled disclosure with a textarea and an explicit "Use scan" button, accessible when open', async () => {
    const { el } = await mount({ channel: 'in_store' });
    expect(text($(el, '[part="scan"] summary'))).to.equal("Scan a driver's licence to fill in the form");
    await openScan(el);
    expect(text($(el, 'label[for="scan-code"]'))).to.equal('Barcode text');
    expect(scanArea(el).hasAttribute('name')).to.equal(false); // not an API field
    expect(scanArea(el).closest('form')).to.equal(null);
    expect(text($(el, '[data-use-scan]'))).to.equal('Use scan');
    await expect(el).to.be.accessible();
  });

  it('sends the pasted code, prefills name, birth date, address and ID, and marks input_type scan', async () => {
    const licence = await seedLicense('response');
    let sent: Record<string, unknown> | undefined;
    const { el, requests } = await mount({
      channel: 'in_store',
      onLicense: () => licence,
      onApply: (request) => ((sent = request), undefined),
    });
    await openScan(el);
    await paste(el, 'PDF417 TEXT');
    $<HTMLButtonElement>(el, '[data-use-scan]')!.click();
    await settled(el);
    expect(requests('flexiti-license-request')).to.deep.equal([{ code: 'PDF417 TEXT' }]);
    // Each of the seed's 12 licence fields, as the licence gave it.
    const filled = Object.fromEntries(Object.keys(licence).map((name) => [name, control(el, name).value]));
    expect(filled).to.deep.equal(licence);
    expect(Object.keys(filled)).to.have.length(12);
    expect(control(el, 'input_type').value).to.equal('scan');
    // Filled values are checked at once: the seed's licence expired in 2020.
    expect(errorOf(el, 'govid_expiry')).to.equal('This ID has expired. Use an ID that is still valid.');
    expect($<HTMLDetailsElement>(el, '[part="scan"]')!.open).to.equal(false);
    expect(text($(el, '[role="status"]'))).to.equal(
      'Filled in 12 fields from the licence. Check them before you continue.',
    );
    expect(deepActiveElement()).to.equal(control(el, 'first_name'));
    expect(sent).to.equal(undefined);
  });

  it('takes a keyboard-wedge scan with its newlines and uses it at the AAMVA end, once', async () => {
    const licence = await seedLicense('response');
    const { el, requests } = await mount({ channel: 'in_store', onLicense: () => licence });
    await openScan(el);
    scanArea(el).focus();
    await sendKeys({ type: WEDGE_TEXT });
    await waitUntil(() => requests('flexiti-license-request').length > 0, 'the scan was not used');
    await settled(el);
    time.pass(1000);
    await el.updateComplete;
    expect(requests('flexiti-license-request')).to.deep.equal([{ code: WEDGE_TEXT.trim() }]);
    expect(control(el, 'last_name').value).to.equal('Doe');
    // The scanner's Enter keys typed newlines; they never submitted the application.
    expect($(el, '[part="error-summary"]')).to.equal(null);
    expect(scanArea(el).value).to.equal('');
  });

  it('does not use an incomplete barcode by itself', async () => {
    const { el, requests } = await mount({ channel: 'in_store', onLicense: () => ({}) });
    await openScan(el);
    scanArea(el).focus();
    await sendKeys({ type: WEDGE_TEXT.slice(0, 60) });
    time.pass(1000);
    await el.updateComplete;
    expect(requests('flexiti-license-request')).to.have.length(0);
  });

  it('"Driver License\'s not supported" gets its own message, and the text stays for another try', async () => {
    const body = await seedLicense('409 - Not Supported');
    const { el } = await mount({
      channel: 'in_store',
      onLicense: () => new Response(JSON.stringify(body), { status: 409 }),
    });
    await openScan(el);
    await paste(el, 'PDF417 TEXT');
    $<HTMLButtonElement>(el, '[data-use-scan]')!.click();
    await settled(el);
    expect(text($(el, '#scan-code-message'))).to.equal(
      "Error: This driver's licence can't be read. Enter your information by hand instead.",
    );
    expect(scanArea(el).getAttribute('aria-invalid')).to.equal('true');
    expect(scanArea(el).value).to.equal('PDF417 TEXT');
    expect(control(el, 'input_type').value).to.equal('manual');
    await expect(el).to.be.accessible();
  });

  // The box and its button are disabled while the request runs, which drops focus to <body>: it comes back.
  for (const [lang, message] of [
    ['en-CA', "This driver's licence can't be read. Enter your information by hand instead."],
    ['fr-CA', 'Ce permis de conduire ne peut pas être lu. Entrez plutôt vos renseignements à la main.'],
  ] as const) {
    it(`after a failed scan, focus is back in the box and the failure is announced (${lang})`, async () => {
      const body = await seedLicense('409 - Not Supported');
      const { el } = await mount({
        lang,
        channel: 'in_store',
        onLicense: () => new Response(JSON.stringify(body), { status: 409 }),
      });
      await openScan(el);
      await paste(el, 'PDF417 TEXT');
      const use = $<HTMLButtonElement>(el, '[data-use-scan]')!;
      use.focus();
      use.click();
      await settled(el);
      const focused = deepActiveElement();
      expect(focused === scanArea(el), `focus is on ${describeNode(focused)}`).to.equal(true);
      expect(text($(el, '[role="status"]'))).to.equal(message);
      expect(text($(el, '#scan-code-message'))).to.contain(message);
      expect(scanArea(el).getAttribute('aria-describedby')).to.equal('scan-code-hint scan-code-message');
    });
  }

  it('asks for a scan when "Use scan" is pressed with nothing in the box', async () => {
    const { el, requests } = await mount({ channel: 'in_store', onLicense: () => ({}) });
    await openScan(el);
    $<HTMLButtonElement>(el, '[data-use-scan]')!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(text($(el, '#scan-code-message'))).to.equal('Error: Scan the barcode or paste its text first.');
    expect(requests('flexiti-license-request')).to.have.length(0);
  });

  it('says so when nobody answers the licence request', async () => {
    const { el } = await mount({ channel: 'in_store' });
    await openScan(el);
    await paste(el, 'PDF417 TEXT');
    $<HTMLButtonElement>(el, '[data-use-scan]')!.click();
    await settled(el);
    expect(text($(el, '#scan-code-message'))).to.contain("This form isn't connected to the store's system yet.");
  });

  it('only fills an ID type the form offers', async () => {
    const licence = { ...(await seedLicense('response')), govid_type: 'CAXX', govid_issuedby: 'ZZ' };
    const { el } = await mount({ channel: 'in_store', onLicense: () => licence });
    await openScan(el);
    await paste(el, 'PDF417 TEXT');
    $<HTMLButtonElement>(el, '[data-use-scan]')!.click();
    await settled(el);
    expect(control(el, 'govid_type').value).to.equal('');
    expect(control(el, 'govid_number').value).to.equal('D61014070660905');
  });
});
