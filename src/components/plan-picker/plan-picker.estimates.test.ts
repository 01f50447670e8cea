/**
 * The chosen plan's estimates load on demand (plan-picker-estimates-on-demand.ts). Here their download is held until
 * the test lets it arrive, or fails. A page of its own: the first test sees the page's one preload.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../define/flexiti-plan-picker.js';
import { setLocale } from '../../internal/locale.js';
import { pickerEstimates, type PickerEstimates } from './plan-picker-estimates-on-demand.js';
import type { FlexitiPlanPicker } from './plan-picker.js';
import { settleLocale, text } from '../../../test/browser/dom.js';
import { watchDownloads } from '../../../test/browser/on-demand-harness.js';

const download = () => import('./plan-picker-estimates.js') as Promise<PickerEstimates>;

const OFFERS = [
  { plan_name: 'Equal Payments, No Interest', plan_id: '5', offer_category: 'equal_billing', term_options: [3, 12] },
  {
    plan_name: 'No Interest, No Payments (S.A.C.)',
    plan_id: '6',
    offer_category: 'deferred_payment',
    term_options: [6, 12],
  },
];
const GENERAL_WORDS = 'The rate and your payments are confirmed before you pay.';

async function picker(): Promise<FlexitiPlanPicker> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang="en-CA">
    <flexiti-plan-picker .offers=${OFFERS} .amount=${1200}></flexiti-plan-picker>
  </div>`);
  const el = wrapper.querySelector('flexiti-plan-picker')!;
  await settleLocale(el);
  return el;
}

const root = (el: FlexitiPlanPicker) => el.shadowRoot!;
const radio = (el: FlexitiPlanPicker, name: 'plan' | 'term', value: string | number) =>
  root(el).querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!;
const termLabels = (el: FlexitiPlanPicker) => [...root(el).querySelectorAll('[part="term"]')].map(text);
const hint = (el: FlexitiPlanPicker) => text(root(el).querySelector('#terms-hint'));
const tick = () => new Promise((resolve) => setTimeout(resolve, 50));

beforeEach(() => setLocale('en-CA'));

describe('<flexiti-plan-picker> estimates on demand', () => {
  const downloads = watchDownloads(pickerEstimates, download, { held: true });

  it('lists the plans without them, preloads them, and shows the terms at once and their figures on arrival', async () => {
    const el = await picker();
    expect(root(el).querySelectorAll('input[name="plan"]')).to.have.length(2);
    await waitUntil(() => downloads.count === 1, 'the estimates download once plans are shown, before any choice', {
      timeout: 4000,
    });

    radio(el, 'plan', '5').click();
    await tick(); // not updateComplete: it waits for the estimates
    expect(termLabels(el), 'the terms, chosen without their figures').to.deep.equal([
      'Equal Payments, No Interest, 3 months',
      'Equal Payments, No Interest, 12 months',
    ]);
    expect(hint(el)).to.equal(GENERAL_WORDS);
    radio(el, 'term', 12).click();
    await tick();
    expect(el.value).to.deep.include({ plan_id: '5', term: 12 });

    setTimeout(() => downloads.arrive(), 50);
    await el.updateComplete; // covers the wait for the estimates
    expect(termLabels(el)).to.deep.equal([
      'Equal Payments, No Interest, 3 months, $400.00 a month',
      'Equal Payments, No Interest, 12 months, $100.00 a month',
    ]);
    expect(hint(el)).to.contain('Estimated for a purchase of $1,200.00 with no interest.');
    expect(downloads.count, 'the choice waited for the preload: one download').to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('a choice the host sets shows its terms first, then their figures', async () => {
    const el = await picker();
    el.value = { plan_id: '6', term: 12 };
    await tick();
    expect(radio(el, 'term', 12).checked).to.equal(true);
    expect(root(el).querySelector('[part="term-note"]')).to.equal(null);
    expect(hint(el)).to.equal(GENERAL_WORDS);
    expect(downloads.count, 'the render asked for them').to.equal(1);

    downloads.arrive();
    await el.updateComplete;
    expect(text(radio(el, 'term', 12).closest('label')!.querySelector('[part="term-note"]'))).to.equal(
      'No payments for 12 months',
    );
    expect(hint(el)).to.contain('your monthly payments start when it ends');
    expect(hint(el)).to.contain('S.A.C. means "same as cash"');
  });
});

describe('<flexiti-plan-picker> estimates that fail to download (a CDN hiccup)', () => {
  const failing = watchDownloads(pickerEstimates, download, { offline: true });

  it('keeps the terms with their lengths and the general words, and the next choice tries again', async () => {
    const el = await picker();
    radio(el, 'plan', '6').click();
    await el.updateComplete;
    radio(el, 'term', 12).click();
    await el.updateComplete;
    expect(el.value).to.deep.include({ plan_id: '6', term: 12 });
    expect(termLabels(el)).to.deep.equal([
      'No Interest, No Payments (S.A.C.), 6 months',
      'No Interest, No Payments (S.A.C.), 12 months',
    ]);
    expect(hint(el)).to.equal(GENERAL_WORDS);
    await expect(el).to.be.accessible();

    failing.offline = false;
    radio(el, 'plan', '5').click();
    await el.updateComplete;
    expect(el.value, 'the term the new plan also offers stays').to.deep.include({ plan_id: '5', term: 12 });
    expect(termLabels(el)[1]).to.equal('Equal Payments, No Interest, 12 months, $100.00 a month');
  });
});
