// The progressive first update: the first update renders the top of the form (what a 900 px viewport shows), the
// rest one frame later; nothing given or done in between is lost, and `updateComplete` waits for the whole form.
import { expect } from '@open-wc/testing';
import { setLocale } from '../../internal/locale.js';
import { $, control, deepActiveElement, errorOf, seedFormValues, VALID } from '../../../test/browser/apply-harness.js';
import { watchDownloads } from '../../../test/browser/on-demand-harness.js';
import '../../define/flexiti-apply.js';
import type { FlexitiApply } from './apply.js';
import { termsElement } from './apply-terms-on-demand.js';

type TermsModule = Awaited<ReturnType<typeof termsElement.load>>;
const downloadTerms = () => import('../../define/flexiti-terms.js') as Promise<TermsModule>;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Whether `promise` settles within a tenth of a second. */
const settlesSoon = (promise: Promise<unknown>) =>
  Promise.race([promise.then(() => true), wait(100).then(() => false)]);

const sections = (el: FlexitiApply) =>
  [...el.shadowRoot!.querySelectorAll('[data-section]')].map((section) => section.getAttribute('data-section'));

const ALL = ['request', 'about', 'address', 'contact', 'income', 'employment', 'identification', 'security', 'terms'];

const mounted: HTMLElement[] = [];
afterEach(() => mounted.splice(0).forEach((element) => element.remove()));
beforeEach(() => setLocale('en-CA'));

/** Appends a `<flexiti-apply>` and returns right after its first update, before any frame could run. */
async function afterFirstUpdate(prefill?: Record<string, string>): Promise<FlexitiApply> {
  const el = document.createElement('flexiti-apply');
  el.formValues = await seedFormValues();
  if (prefill) el.prefill = prefill;
  el.addEventListener('flexiti-terms-request', (event) => event.detail.respondWith('<p>Terms.</p>'));
  document.body.append(el);
  mounted.push(el);
  // Lit updates in a microtask: a few turns of the microtask queue reach the first update, and no frame or timer
  // can run in between.
  for (let turn = 0; turn < 50 && !el.hasUpdated; turn++) await Promise.resolve();
  expect(el.hasUpdated, 'the first update ran').to.equal(true);
  return el;
}

describe('<flexiti-apply> first update in two parts', () => {
  it('renders the title and the first three sections first, then the rest and the submit button', async () => {
    const el = await afterFirstUpdate();
    expect(sections(el)).to.deep.equal(['request', 'about', 'address']);
    expect($(el, '#form-title')).to.exist;
    expect($(el, '[part="submit-button"]')).to.equal(null);
    await el.updateComplete;
    expect(sections(el)).to.deep.equal(ALL);
    expect($(el, '[part="submit-button"]')).to.exist;
  });

  it('updateComplete resolves only once the whole form is there', async () => {
    const el = document.createElement('flexiti-apply');
    el.formValues = await seedFormValues();
    document.body.append(el);
    mounted.push(el);
    expect(await el.updateComplete).to.equal(true);
    expect(sections(el)).to.deep.equal(ALL);
  });

  it('a prefill set between the two parts fills the fields rendered later', async () => {
    const el = await afterFirstUpdate();
    el.prefill = { first_name: 'Zoë', email: 'zoe@example.com', employer_name: 'Acme' };
    await el.updateComplete;
    expect(control(el, 'first_name').value).to.equal('Zoë');
    expect(control(el, 'email').value).to.equal('zoe@example.com');
    expect(control(el, 'employer_name').value).to.equal('Acme');
  });

  it('a property set between the two parts (amount, province) reaches the fields', async () => {
    const el = await afterFirstUpdate();
    el.amount = 1299.99;
    el.province = 'QC';
    await el.updateComplete;
    expect(control(el, 'amount_requested').value).to.equal('1299.99');
    expect(control(el, 'province').value).to.equal('QC');
    // Quebec's housing-cost field, in a section of the second part, is there.
    expect(control(el, 'monthly_housing_expenses')).to.exist;
  });

  it('a submit between the two parts shows the errors of later sections and focuses the first, rendered later', async () => {
    // The first part filled in (as a host's prefill would): the first invalid field is the phone, in the second part.
    const first = ['amount_requested', 'salutation', 'first_name', 'last_name', 'dob', 'address_1', 'city'];
    const el = await afterFirstUpdate({
      ...Object.fromEntries(first.map((name) => [name, VALID[name]!])),
      province: 'ON',
      postal_code: 'M5V 2T6',
    });
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await el.updateComplete;
    await el.updateComplete;
    expect(errorOf(el, 'first_name')).to.equal('');
    expect(errorOf(el, 'phone_number')).to.not.equal('');
    expect(errorOf(el, 'security_answer')).to.not.equal('');
    expect(deepActiveElement()).to.equal(control(el, 'phone_number'));
  });

  it('finishes without animation frames (a background tab runs none)', async () => {
    const realFrame = window.requestAnimationFrame;
    window.requestAnimationFrame = () => 0;
    try {
      const el = await afterFirstUpdate();
      expect(sections(el)).to.have.length(3);
      await el.updateComplete;
      expect(sections(el)).to.deep.equal(ALL);
    } finally {
      window.requestAnimationFrame = realFrame;
    }
  });

  describe('taken out of the page before the rest', () => {
    const downloads = watchDownloads(termsElement, downloadTerms);

    it('renders and downloads nothing more while out; back in the page, it renders the rest', async () => {
      const el = await afterFirstUpdate();
      el.remove();
      // Past the rest's frame and its timer (100 ms).
      await wait(250);
      expect(sections(el), 'the rest was not rendered').to.deep.equal(['request', 'about', 'address']);
      expect(downloads.count, 'no terms element downloaded').to.equal(0);
      expect(await settlesSoon(el.updateComplete), 'updateComplete waits for the page').to.equal(false);

      document.body.append(el);
      expect(await el.updateComplete).to.equal(true);
      expect(sections(el)).to.deep.equal(ALL);
      expect(downloads.count, 'the terms section asked for it').to.equal(1);
    });

    it('moved within the page (out and back at once), it renders the rest as before', async () => {
      const el = await afterFirstUpdate();
      const box = document.createElement('div');
      document.body.append(box);
      mounted.push(box);
      box.append(el);
      expect(await el.updateComplete).to.equal(true);
      expect(sections(el)).to.deep.equal(ALL);
      expect(downloads.count).to.equal(1);
    });
  });
});
