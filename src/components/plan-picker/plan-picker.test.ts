import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../define/flexiti-plan-picker.js';
import { setLocale } from '../../internal/locale.js';
import type { FlexitiErrorEvent } from '../../events/notifications.js';
import type { FlexitiPlanPicker, PlanChoice } from './plan-picker.js';
import { countSubmits, settleLocale, text } from '../../../test/browser/dom.js';

type Offer = { plan_name: string; plan_id: string; offer_category: string; term_options: (number | string)[] };
type Seed = Record<string, Record<string, { offer_types?: Offer[]; form_values?: { offer_types: Offer[] } }>>;

let loginOffers: Offer[];
let applyQcOffers: Offer[];
let lookupOffers: Offer[];

before(async () => {
  const seed = (await (await fetch('/test/fixtures/seed-examples.json')).json()) as Seed;
  loginOffers = seed['POST /client-id/{client_id}/merchants/login']!.response!.form_values!.offer_types;
  applyQcOffers = seed['POST /client-id/{client_id}/apply']!['200 - Success - QC applicant']!.offer_types!;
  lookupOffers = seed['GET /client-id/{client_id}/customers/lookup']!.response!.offer_types!;
});

// ── helpers ─────────────────────────────────────────────────────────────────────────────────────────────────

interface Options {
  offers?: unknown;
  amount?: number;
  allowRegular?: boolean;
  required?: boolean;
  lang?: 'en-CA' | 'fr-CA';
}

const settle = settleLocale;

async function picker(options: Options = {}): Promise<FlexitiPlanPicker> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${options.lang ?? 'en-CA'}>
    <flexiti-plan-picker
      .offers=${options.offers}
      .amount=${options.amount}
      ?allow-regular=${options.allowRegular}
      ?required=${options.required}
    ></flexiti-plan-picker>
  </div>`);
  const el = wrapper.querySelector('flexiti-plan-picker')!;
  await settle(el);
  return el;
}

async function pickerInForm(options: Options = {}): Promise<{ form: HTMLFormElement; el: FlexitiPlanPicker }> {
  const form = await fixture<HTMLFormElement>(html`<form lang=${options.lang ?? 'en-CA'}>
    <button type="button">Before</button>
    <flexiti-plan-picker
      name="financing"
      .offers=${options.offers}
      .amount=${options.amount}
      ?allow-regular=${options.allowRegular}
      ?required=${options.required}
    ></flexiti-plan-picker>
    <button type="submit">Pay</button>
  </form>`);
  const el = form.querySelector('flexiti-plan-picker')!;
  await settle(el);
  return { form, el };
}

const root = (el: FlexitiPlanPicker) => el.shadowRoot!;
const planRadios = (el: FlexitiPlanPicker) => [...root(el).querySelectorAll<HTMLInputElement>('input[name="plan"]')];
const termRadios = (el: FlexitiPlanPicker) => [...root(el).querySelectorAll<HTMLInputElement>('input[name="term"]')];
const planRadio = (el: FlexitiPlanPicker, id: string) =>
  root(el).querySelector<HTMLInputElement>(`input[name="plan"][value="${id}"]`)!;
const termRadio = (el: FlexitiPlanPicker, term: number) =>
  root(el).querySelector<HTMLInputElement>(`input[name="term"][value="${term}"]`)!;
const groupLegends = (el: FlexitiPlanPicker) => [...root(el).querySelectorAll('[part="group"] > legend')].map(text);
const estimateFor = (el: FlexitiPlanPicker, term: number) =>
  text(termRadio(el, term).closest('label')!.querySelector('[part="estimate"]'));
const noticeText = (el: FlexitiPlanPicker) => text(root(el).querySelector('#notice'));
const errorRegionText = (el: FlexitiPlanPicker) => text(root(el).querySelector('#error'));
/** Currency text with any of the spaces ICU puts in fr-CA amounts (U+00A0, U+202F) made plain. */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

async function choose(el: FlexitiPlanPicker, planId: string, term?: number): Promise<void> {
  planRadio(el, planId).click();
  await el.updateComplete;
  if (term !== undefined) {
    termRadio(el, term).click();
    await el.updateComplete;
  }
}

function countEvents(el: EventTarget, type: string): { count: number; events: Event[] } {
  const seen = { count: 0, events: [] as Event[] };
  el.addEventListener(type, (event) => {
    seen.count++;
    seen.events.push(event);
  });
  return seen;
}

/**
 * The accessible name the way assistive technology computes it (axe-core's implementation of accname,
 * across the shadow root). `accessible()` loads axe into the page first.
 */
async function accessibleName(el: FlexitiPlanPicker, node: Element): Promise<string> {
  await expect(el).to.be.accessible();
  const axe = (window as unknown as { axe: AxeGlobal }).axe;
  axe.setup(document);
  try {
    return axe.commons.text.accessibleTextVirtual(axe.utils.getNodeFromTree(node)).replace(/\s+/g, ' ').trim();
  } finally {
    axe.teardown();
  }
}
interface AxeGlobal {
  setup(context: Document): void;
  teardown(): void;
  utils: { getNodeFromTree(node: Element): unknown };
  commons: { text: { accessibleTextVirtual(node: unknown): string } };
}

async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

const focusedInShadow = (el: FlexitiPlanPicker) => root(el).activeElement as HTMLInputElement | null;

// ── tests ───────────────────────────────────────────────────────────────────────────────────────────────────

// Each test starts on an English page (one language per page; some tests switch it).
beforeEach(() => setLocale('en-CA'));

describe('<flexiti-plan-picker>', () => {
  it('should pass accessibility tests with the seed plans (en-CA)', async () => {
    const el = await picker({ offers: loginOffers, amount: 1299.99 });
    await expect(el).to.be.accessible();
  });

  it('should pass accessibility tests with the seed plans (fr-CA)', async () => {
    const el = await picker({ offers: loginOffers, amount: 1299.99, lang: 'fr-CA' });
    expect(text(root(el).querySelector('.picker > legend'))).to.equal('Plan de financement');
    await expect(el).to.be.accessible();
  });

  it('should pass accessibility tests with a plan and term chosen, in both languages', async () => {
    for (const lang of ['en-CA', 'fr-CA'] as const) {
      const el = await picker({ offers: loginOffers, amount: 1299.99, lang });
      await choose(el, '5', 40);
      await expect(el).to.be.accessible();
    }
  });

  it('follows a dark color scheme and stays accessible, with an error and an estimate showing', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const el = await picker({ offers: loginOffers, amount: 1299.99 });
      await choose(el, '5', 40);
      el.error = { code: 409, error: 'not_enough_credit' };
      await el.updateComplete;
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(21, 25, 30)');
      await expect(el).to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('takes its colours from the --flexiti-* tokens', async () => {
    const el = await picker({ offers: loginOffers });
    el.style.setProperty('--flexiti-color-primary', 'rgb(1, 2, 3)');
    await choose(el, '5');
    expect(getComputedStyle(planRadio(el, '5').closest('label')!).borderColor).to.equal('rgb(1, 2, 3)');
  });

  it('has no value, no change and no error before anything is chosen', async () => {
    const el = await picker({ offers: loginOffers, amount: 100 });
    expect(el.value).to.equal(null);
    expect(planRadios(el).some((radio) => radio.checked)).to.equal(false);
    expect(termRadios(el)).to.have.length(0);
    expect(errorRegionText(el)).to.equal('');
  });

  describe('with the seed offers', () => {
    it('renders the seven plans of merchants/login, grouped by offer_category in the order given', async () => {
      const el = await picker({ offers: loginOffers });
      expect(planRadios(el).map((radio) => radio.value)).to.deep.equal(['1', '2', '4', '5', '6', '7', '9']);
      expect(groupLegends(el)).to.deep.equal(['Equal payments', 'Deferred payments']);
      const groups = [...root(el).querySelectorAll('[part="group"]')];
      expect([...groups[0]!.querySelectorAll('input')].map((radio) => radio.value)).to.deep.equal(['1', '2', '4', '5']);
      expect([...groups[1]!.querySelectorAll('input')].map((radio) => radio.value)).to.deep.equal(['6', '7', '9']);
    });

    it('labels each plan with its name and its range of terms', async () => {
      const el = await picker({ offers: loginOffers });
      expect(text(planRadio(el, '1').closest('label'))).to.equal(
        '90 Days Grace, Equal Payments Regular Interest, 18 to 72 months',
      );
      // The API's trailing space is not shown.
      expect(text(planRadio(el, '7').closest('label'))).to.equal('No Interest, No Payments, 3 to 12 months');
    });

    it('localizes the category headings and term ranges in French', async () => {
      const el = await picker({ offers: loginOffers, lang: 'fr-CA' });
      expect(groupLegends(el)).to.deep.equal(['Versements égaux', 'Paiements différés']);
      expect(text(planRadio(el, '9').closest('label'))).to.equal('No Interest, Minimum monthly payments, 3 à 18 mois');
    });

    it('shows the chosen plan’s terms ascending, and only that plan’s', async () => {
      const el = await picker({ offers: loginOffers });
      await choose(el, '4');
      expect(termRadios(el).map((radio) => radio.value)).to.deep.equal(['3', '6', '18', '36', '72']);
      await choose(el, '6');
      expect(termRadios(el).map((radio) => radio.value)).to.deep.equal(['3', '6', '8']);
      expect(text(root(el).querySelector('.terms > legend'))).to.equal('Term for No Interest, No Payments (S.A.C.)');
    });

    it('reads the QC apply response’s string terms as numbers', async () => {
      const el = await picker({ offers: applyQcOffers });
      await choose(el, '1', 24);
      expect(termRadios(el).map((radio) => radio.value)).to.deep.equal(['12', '18', '24', '36']);
      expect(el.value).to.deep.equal({
        plan_id: '1',
        term: 24,
        offer_category: 'equal_billing',
        plan_name: '90 Days Grace, Equal Payments Regular Interest',
      });
    });

    it('reads the lookup response’s string terms as numbers', async () => {
      const el = await picker({ offers: lookupOffers });
      await choose(el, '1', 36);
      expect(el.value?.term).to.equal(36);
      expect(text(termRadio(el, 36).closest('label'))).to.equal(
        '90 Days Grace, Equal Payments Regular Interest, 36 months',
      );
    });
  });

  describe('grouping and normalization', () => {
    it('sorts terms ascending and drops duplicates, whatever their type', async () => {
      const el = await picker({
        offers: [
          {
            plan_name: 'Equal Payments, No Interest',
            plan_id: '5',
            offer_category: 'equal_billing',
            term_options: ['36', 12, '12', 24, 36],
          },
        ],
      });
      await choose(el, '5');
      expect(termRadios(el).map((radio) => radio.value)).to.deep.equal(['12', '24', '36']);
      expect(text(planRadio(el, '5').closest('label'))).to.equal('Equal Payments, No Interest, 12 to 36 months');
    });

    it('gives an unknown category its own group headed by its raw name', async () => {
      const el = await picker({
        offers: [
          { plan_name: 'Revolving', plan_id: '20', offer_category: 'revolving_credit', term_options: [1] },
          {
            plan_name: 'Equal Payments, No Interest',
            plan_id: '5',
            offer_category: 'equal_billing',
            term_options: [6],
          },
          { plan_name: 'Revolving Plus', plan_id: '21', offer_category: 'revolving_credit', term_options: [2] },
        ],
      });
      expect(groupLegends(el)).to.deep.equal(['revolving_credit', 'Equal payments']);
      const first = root(el).querySelector('[part="group"]')!;
      expect([...first.querySelectorAll('input')].map((radio) => radio.value)).to.deep.equal(['20', '21']);
      expect(text(planRadio(el, '20').closest('label'))).to.equal('Revolving, 1 month');
    });

    it('heads a plan without a category “Other plans”', async () => {
      const el = await picker({
        offers: [{ plan_name: 'Special', plan_id: '30', offer_category: '', term_options: [3] }],
      });
      expect(groupLegends(el)).to.deep.equal(['Other plans']);
    });
  });

  describe('estimates', () => {
    it('shows 1,299.99 over 40 months as 39 payments of $32.50 and a last one of $32.49', async () => {
      const el = await picker({ offers: loginOffers, amount: 1299.99 });
      await choose(el, '5');
      expect(estimateFor(el, 40)).to.equal('$32.50 a month, last payment $32.49');
    });

    it('shows every term of the no-interest plan to the cent', async () => {
      const el = await picker({ offers: loginOffers, amount: 1299.99 });
      await choose(el, '5');
      expect(termRadios(el).map((radio) => estimateFor(el, Number(radio.value)))).to.deep.equal([
        '$433.33 a month', // 3 × 433.33 = 1,299.99
        '$216.67 a month, last payment $216.64', // 5 × 216.67 + 216.64
        '$130.00 a month, last payment $129.99', // 9 × 130.00 + 129.99
        '$65.00 a month, last payment $64.99', // 19 × 65.00 + 64.99
        '$43.33 a month, last payment $43.42', // 29 × 43.33 + 43.42
        '$32.50 a month, last payment $32.49', // 39 × 32.50 + 32.49
      ]);
    });

    it('formats the estimate the fr-CA way', async () => {
      const el = await picker({ offers: loginOffers, amount: 1299.99, lang: 'fr-CA' });
      await choose(el, '5');
      expect(plainSpaces(estimateFor(el, 40))).to.equal('32,50 $ par mois, dernier versement de 32,49 $');
      expect(plainSpaces(estimateFor(el, 3))).to.equal('433,33 $ par mois');
      expect(plainSpaces(text(root(el).querySelector('#terms-hint')))).to.contain(
        'Estimation pour un achat de 1 299,99 $ sans intérêt.',
      );
    });

    it('says what the estimate assumes, with the amount', async () => {
      const el = await picker({ offers: loginOffers, amount: 1299.99 });
      await choose(el, '5');
      expect(text(root(el).querySelector('#terms-hint'))).to.equal(
        'Estimated for a purchase of $1,299.99 with no interest. Any fees and your payments are confirmed when the purchase is made.',
      );
    });

    for (const planId of ['1', '2', '4']) {
      it(`invents no figure for interest-bearing plan ${planId}`, async () => {
        const el = await picker({ offers: loginOffers, amount: 1299.99 });
        await choose(el, planId);
        expect(termRadios(el).length).to.be.greaterThan(0);
        expect(root(el).querySelectorAll('[part="estimate"]')).to.have.length(0);
        expect(text(root(el).querySelector('#terms-hint'))).to.equal(
          'Monthly payments with interest. The rate is confirmed before you pay.',
        );
      });
    }

    describe("the cost of every plan, with the rates and fees of the merchant's agreement", () => {
      const costFor = (el: FlexitiPlanPicker, term: number) =>
        text(termRadio(el, term).closest('label')!.querySelector('[data-cost]'));

      it('an interest plan with its APR: monthly payment, APR, cost of borrowing and total for every term', async () => {
        const el = await picker({ offers: loginOffers, amount: 1000 });
        el.rates = { '4': 12 };
        await choose(el, '4');
        expect(estimateFor(el, 6)).to.contain('$172.55 a month, last payment $172.53');
        expect(costFor(el, 6)).to.equal('APR 12%, cost of borrowing $35.28, total $1,035.28');
        expect(termRadios(el).every((radio) => costFor(el, Number(radio.value)) !== '')).to.equal(true);
        expect(text(root(el).querySelector('#terms-hint'))).to.contain(
          "the rate and fees from the store's Flexiti agreement",
        );
        await expect(el).to.be.accessible();
      });

      it('a one-time fee counts in the cost of borrowing and the total, not the monthly payment', async () => {
        const el = await picker({ offers: loginOffers, amount: 1000 });
        el.rates = { '4': 12 };
        el.fees = { '4': 25 };
        await choose(el, '4');
        expect(estimateFor(el, 6)).to.contain('$172.55 a month');
        expect(costFor(el, 6)).to.equal('APR 12%, cost of borrowing $60.28, total $1,060.28');
      });

      it('a no-interest plan with a fee: 0% APR, the fee as the cost of borrowing', async () => {
        const el = await picker({ offers: loginOffers, amount: 1000 });
        el.fees = { '5': 20 };
        await choose(el, '5');
        expect(costFor(el, 10)).to.equal('APR 0%, cost of borrowing $20.00, total $1,020.00');
      });

      it('the fr-CA words: taux de crédit, frais de crédit', async () => {
        const el = await picker({ offers: loginOffers, amount: 1000, lang: 'fr-CA' });
        el.rates = { '4': 12.5 };
        await choose(el, '4');
        expect(plainSpaces(costFor(el, 6))).to.match(
          /^Taux de crédit 12,5 %, frais de crédit \d+,\d\d \$, total 1 0\d\d,\d\d \$$/,
        );
      });

      it('a rate out of range is not used: plain words instead of a wrong figure', async () => {
        const el = await picker({ offers: loginOffers, amount: 1000 });
        el.rates = { '4': 140 };
        await choose(el, '4');
        expect(root(el).querySelectorAll('[data-cost]')).to.have.length(0);
        expect(text(root(el).querySelector('#terms-hint'))).to.contain('The rate is confirmed before you pay.');
      });

      it('a deferred plan: when payments start, in words, and "S.A.C." spelled out', async () => {
        const el = await picker({ offers: loginOffers, amount: 1000 });
        await choose(el, '6');
        const hint = text(root(el).querySelector('#terms-hint'));
        expect(hint).to.contain('your monthly payments start when it ends');
        expect(hint).to.contain('S.A.C. means "same as cash"');
        expect(text(termRadio(el, 8).closest('label')!.querySelector('[part="term-note"]'))).to.equal(
          'No payments for 8 months',
        );
        await choose(el, '7');
        expect(text(root(el).querySelector('#terms-hint'))).not.to.contain('S.A.C.');
      });

      it('a minimum-payment deferred plan says so', async () => {
        const el = await picker({ offers: loginOffers, amount: 1000 });
        await choose(el, '9');
        expect(text(root(el).querySelector('#terms-hint'))).to.contain('Only minimum monthly payments');
      });
    });

    for (const planId of ['6', '7', '9']) {
      it(`invents no figure for deferred plan ${planId}, though its name says No Interest`, async () => {
        const el = await picker({ offers: loginOffers, amount: 1299.99 });
        await choose(el, planId);
        expect(root(el).querySelectorAll('[part="estimate"]')).to.have.length(0);
        expect(text(root(el).querySelector('.terms'))).not.to.contain('$');
      });
    }

    it('recognizes a French plan name saying “sans intérêt”', async () => {
      const el = await picker({
        offers: [
          {
            plan_name: 'Versements égaux sans intérêt',
            plan_id: '5',
            offer_category: 'equal_billing',
            term_options: [10],
          },
        ],
        amount: 100,
      });
      await choose(el, '5');
      expect(estimateFor(el, 10)).to.equal('$10.00 a month');
    });

    it('lets noInterestPlans decide which plans get an estimate', async () => {
      const el = await picker({ offers: loginOffers, amount: 600 });
      el.noInterestPlans = ['2'];
      await choose(el, '2');
      expect(estimateFor(el, 60)).to.equal('$10.00 a month');
      await choose(el, '5');
      expect(root(el).querySelectorAll('[part="estimate"]')).to.have.length(0);
    });

    it('reads the no-interest-plans attribute as a list of plan ids', async () => {
      const el = await picker({ offers: loginOffers, amount: 600 });
      el.setAttribute('no-interest-plans', '4, 2');
      await choose(el, '4');
      expect(estimateFor(el, 6)).to.equal('$100.00 a month');
    });

    it('shows no estimate without an amount', async () => {
      const el = await picker({ offers: loginOffers });
      await choose(el, '5');
      expect(root(el).querySelectorAll('[part="estimate"]')).to.have.length(0);
    });

    it('reads the amount attribute', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="en-CA"><flexiti-plan-picker amount="300"></flexiti-plan-picker></div>`,
      );
      const el = wrapper.querySelector('flexiti-plan-picker')!;
      el.offers = loginOffers;
      await settle(el);
      await choose(el, '5');
      expect(estimateFor(el, 3)).to.equal('$100.00 a month');
    });

    it('reports an amount that is not a number as a configuration error and shows no estimate', async () => {
      const el = await picker({ offers: loginOffers });
      setTimeout(() => el.setAttribute('amount', 'twelve'));
      const event = (await oneEvent(el, 'flexiti-error')) as FlexitiErrorEvent;
      expect(event.detail).to.deep.equal({
        type: 'implementation',
        code: 'invalid_amount',
        source: 'flexiti-plan-picker',
      });
      await choose(el, '5');
      expect(root(el).querySelectorAll('[part="estimate"]')).to.have.length(0);
    });

    it('reports a negative amount as a configuration error', async () => {
      const el = await picker({ offers: loginOffers });
      setTimeout(() => (el.amount = -5));
      const event = (await oneEvent(el, 'flexiti-error')) as FlexitiErrorEvent;
      expect(event.detail.code).to.equal('invalid_amount');
    });

    it('gives each term option an accessible name with the plan, the term and the estimate', async () => {
      const el = await picker({ offers: loginOffers, amount: 1299.99 });
      await choose(el, '5');
      expect(await accessibleName(el, termRadio(el, 40))).to.equal(
        'Equal Payments, No Interest, 40 months, $32.50 a month, last payment $32.49',
      );
    });

    it('gives each plan option an accessible name with the plan and its terms', async () => {
      const el = await picker({ offers: loginOffers, amount: 1299.99 });
      expect(await accessibleName(el, planRadio(el, '5'))).to.equal('Equal Payments, No Interest, 3 to 40 months');
    });
  });

  describe('value and change', () => {
    it('stays null after a plan alone, then reports plan, term, category and name once a term is chosen', async () => {
      const el = await picker({ offers: loginOffers });
      const changes = countEvents(el, 'change');
      await choose(el, '5');
      expect(el.value).to.equal(null);
      expect(changes.count).to.equal(0);
      await choose(el, '5', 20);
      expect(el.value).to.deep.equal({
        plan_id: '5',
        term: 20,
        offer_category: 'equal_billing',
        plan_name: 'Equal Payments, No Interest',
      });
      expect(changes.count).to.equal(1);
    });

    it('fires a change that bubbles out of the shadow root and is composed', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="en-CA"><flexiti-plan-picker></flexiti-plan-picker></div>`,
      );
      const el = wrapper.querySelector('flexiti-plan-picker')!;
      el.offers = loginOffers;
      await settle(el);
      await choose(el, '6');
      setTimeout(() => termRadio(el, 8).click());
      const event = await oneEvent(wrapper, 'change');
      expect(event.target).to.equal(el);
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
      expect((event.target as FlexitiPlanPicker).value?.term).to.equal(8);
    });

    it('keeps the term when the customer switches to a plan that offers it, and fires change', async () => {
      const el = await picker({ offers: loginOffers });
      await choose(el, '5', 6);
      const changes = countEvents(el, 'change');
      await choose(el, '2');
      expect(el.value).to.deep.equal({
        plan_id: '2',
        term: 6,
        offer_category: 'equal_billing',
        plan_name: 'Equal Payments, Low Interest',
      });
      expect(termRadio(el, 6).checked).to.equal(true);
      expect(changes.count).to.equal(1);
    });

    it('drops the term when the customer switches to a plan without it, and fires change for the null value', async () => {
      const el = await picker({ offers: loginOffers });
      await choose(el, '5', 40);
      const changes = countEvents(el, 'change');
      await choose(el, '6');
      expect(el.value).to.equal(null);
      expect(termRadios(el).some((radio) => radio.checked)).to.equal(false);
      expect(changes.count).to.equal(1);
    });

    it('does not fire change when the host sets value, and shows the choice', async () => {
      const el = await picker({ offers: loginOffers });
      const changes = countEvents(el, 'change');
      el.value = { plan_id: '4', term: 18 };
      await el.updateComplete;
      expect(planRadio(el, '4').checked).to.equal(true);
      expect(termRadio(el, 18).checked).to.equal(true);
      expect(el.value).to.deep.equal({
        plan_id: '4',
        term: 18,
        offer_category: 'equal_billing',
        plan_name: 'Equal Payments, Regular Interest',
      });
      el.value = null;
      await el.updateComplete;
      expect(planRadios(el).some((radio) => radio.checked)).to.equal(false);
      expect(changes.count).to.equal(0);
    });

    it('applies a value set before the offers arrive once they do', async () => {
      const el = await picker({});
      el.value = { plan_id: '1', term: 18 };
      expect(el.value).to.equal(null);
      el.offers = applyQcOffers;
      await el.updateComplete;
      expect(el.value?.term).to.equal(18);
      expect(termRadio(el, 18).checked).to.equal(true);
    });

    it('accepts a host value with the term as a string, as the API sends terms', async () => {
      const el = await picker({ offers: loginOffers });
      el.value = { plan_id: '5', term: '30' as unknown as number };
      expect(el.value?.term).to.equal(30);
    });

    it('leaves a host value that is not offered unchosen', async () => {
      const el = await picker({ offers: loginOffers });
      el.value = { plan_id: '5', term: 7 };
      await el.updateComplete;
      expect(el.value).to.equal(null);
      expect(termRadios(el).some((radio) => radio.checked)).to.equal(false);
    });
  });

  describe('keyboard', () => {
    it('moves through the plans with the arrow keys, across categories, with one tab stop', async () => {
      const { el } = await pickerInForm({ offers: loginOffers, amount: 1299.99 });
      const changes = countEvents(el, 'change');
      (el.parentElement!.querySelector('button') as HTMLButtonElement).focus();
      await sendKeys({ press: 'Tab' });
      expect(focusedInShadow(el)?.value).to.equal('1');
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(focusedInShadow(el)?.value).to.equal('2');
      expect(planRadio(el, '2').checked).to.equal(true);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      // From the last equal-payment plan into the deferred group.
      expect(focusedInShadow(el)?.value).to.equal('6');
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(focusedInShadow(el)?.value).to.equal('5');
      expect(changes.count).to.equal(0); // no term yet: the value is still null
    });

    it('tabs from the plan group to the term group, arrows through the terms, and tabs back', async () => {
      const { el } = await pickerInForm({ offers: loginOffers, amount: 1299.99 });
      const changes = countEvents(el, 'change');
      planRadio(el, '5').focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(planRadio(el, '5').checked).to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(focusedInShadow(el)?.name).to.equal('term');
      expect(focusedInShadow(el)?.value).to.equal('3');
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(focusedInShadow(el)?.value).to.equal('6');
      expect(el.value?.term).to.equal(6);
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(el.value?.term).to.equal(10);
      expect(changes.count).to.equal(2);
      await shiftTab();
      expect(focusedInShadow(el)?.value).to.equal('5');
      await sendKeys({ press: 'Tab' });
      expect(focusedInShadow(el)?.value).to.equal('10'); // back on the checked term
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement?.textContent).to.equal('Pay'); // one tab stop per group, then out
    });
  });

  describe('in a native form', () => {
    it('adds plan_id and term to the FormData once chosen, and nothing before', async () => {
      const { form, el } = await pickerInForm({ offers: loginOffers });
      expect([...new FormData(form).keys()]).to.deep.equal([]);
      await choose(el, '5', 40);
      const data = new FormData(form);
      expect(data.get('plan_id')).to.equal('5');
      expect(data.get('term')).to.equal('40');
      expect([...data.keys()]).to.deep.equal(['plan_id', 'term']);
      expect(el.form).to.equal(form);
    });

    it('has the new entries in FormData inside the change listener', async () => {
      const { form, el } = await pickerInForm({ offers: loginOffers });
      await choose(el, '5');
      let seen: string | null = null;
      el.addEventListener('change', () => (seen = String(new FormData(form).get('term'))));
      await choose(el, '5', 30);
      expect(seen).to.equal('30');
    });

    it('is invalid while required and nothing is chosen, with a localized message', async () => {
      const { form, el } = await pickerInForm({ offers: loginOffers, required: true });
      expect(form.checkValidity()).to.equal(false);
      expect(el.validity.valueMissing).to.equal(true);
      expect(el.validationMessage).to.equal('Choose a financing plan.');
      await choose(el, '5');
      expect(el.validationMessage).to.equal('Choose a term for this plan.');
      await choose(el, '5', 3);
      expect(form.checkValidity()).to.equal(true);
      expect(el.validity.valid).to.equal(true);
    });

    it('gives the required message in French', async () => {
      const { el } = await pickerInForm({ offers: loginOffers, required: true, lang: 'fr-CA' });
      expect(el.validationMessage).to.equal('Choisissez un plan de financement.');
      await choose(el, '7');
      expect(el.validationMessage).to.equal('Choisissez une durée pour ce plan.');
    });

    it('is valid when not required and nothing is chosen', async () => {
      const { form } = await pickerInForm({ offers: loginOffers });
      expect(form.checkValidity()).to.equal(true);
    });

    it('blocks submission when required, focuses the first plan and shows the message on the group', async () => {
      const { form, el } = await pickerInForm({ offers: loginOffers, required: true });
      const submitted = countSubmits(form);
      form.requestSubmit();
      await el.updateComplete;
      expect(submitted()).to.equal(0);
      expect(focusedInShadow(el)).to.equal(planRadios(el)[0]);
      expect(text(root(el).querySelector('#choice-message'))).to.equal('Error: Choose a financing plan.');
      expect(planRadios(el).every((radio) => radio.getAttribute('aria-invalid') === 'true')).to.equal(true);
      expect(planRadios(el)[0]!.getAttribute('aria-describedby')).to.equal('choice-message');
      expect(el.matches(':state(user-invalid)')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('moves the message to the terms when only the term is missing, and clears it once chosen', async () => {
      const { form, el } = await pickerInForm({ offers: loginOffers, required: true, lang: 'fr-CA' });
      await choose(el, '9');
      form.requestSubmit();
      await el.updateComplete;
      expect(focusedInShadow(el)).to.equal(termRadios(el)[0]);
      expect(plainSpaces(text(root(el).querySelector('#choice-message')))).to.equal(
        'Erreur : Choisissez une durée pour ce plan.',
      );
      expect(termRadios(el).every((radio) => radio.getAttribute('aria-invalid') === 'true')).to.equal(true);
      expect(planRadio(el, '9').hasAttribute('aria-invalid')).to.equal(false);
      await expect(el).to.be.accessible();
      await choose(el, '9', 12);
      expect(text(root(el).querySelector('#choice-message'))).to.equal('');
      expect(termRadios(el).some((radio) => radio.hasAttribute('aria-invalid'))).to.equal(false);
      expect(el.matches(':state(user-invalid)')).to.equal(false);
    });

    it('says a term is missing when the customer leaves after choosing only a plan', async () => {
      const { el, form } = await pickerInForm({ offers: loginOffers, required: true });
      planRadio(el, '4').focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(text(root(el).querySelector('#choice-message'))).to.equal('');
      (form.querySelector('button[type="submit"]') as HTMLButtonElement).focus();
      await el.updateComplete;
      expect(text(root(el).querySelector('#choice-message'))).to.equal('Error: Choose a term for this plan.');
    });

    it('clears the choice on form reset, without a change event', async () => {
      const { form, el } = await pickerInForm({ offers: loginOffers });
      await choose(el, '5', 40);
      const changes = countEvents(el, 'change');
      form.reset();
      await el.updateComplete;
      expect(el.value).to.equal(null);
      expect(planRadios(el).some((radio) => radio.checked)).to.equal(false);
      expect(termRadios(el)).to.have.length(0);
      expect([...new FormData(form).keys()]).to.deep.equal([]);
      expect(changes.count).to.equal(0);
    });

    it('hides the required message again after a reset', async () => {
      const { form, el } = await pickerInForm({ offers: loginOffers, required: true });
      form.requestSubmit();
      await el.updateComplete;
      form.reset();
      await el.updateComplete;
      expect(text(root(el).querySelector('#choice-message'))).to.equal('');
      expect(el.validity.valueMissing).to.equal(true);
    });

    it('restores a saved choice (back/forward navigation) without a change event', async () => {
      const { form, el } = await pickerInForm({ offers: loginOffers });
      const changes = countEvents(el, 'change');
      el.formStateRestoreCallback(JSON.stringify({ plan_id: '2', term: 60 }));
      await el.updateComplete;
      expect(el.value?.plan_id).to.equal('2');
      expect(termRadio(el, 60).checked).to.equal(true);
      expect(new FormData(form).get('term')).to.equal('60');
      expect(changes.count).to.equal(0);
    });

    it('restores an autofilled FormData value', async () => {
      const { el } = await pickerInForm({ offers: loginOffers });
      const saved = new FormData();
      saved.append('plan_id', '7');
      saved.append('term', '12');
      el.formStateRestoreCallback(saved);
      await el.updateComplete;
      expect(el.value).to.deep.equal({
        plan_id: '7',
        term: 12,
        offer_category: 'deferred_payment',
        plan_name: 'No Interest, No Payments',
      });
    });

    it('ignores a restore state it cannot read', async () => {
      const { el } = await pickerInForm({ offers: loginOffers });
      el.formStateRestoreCallback('not json');
      await el.updateComplete;
      expect(el.value).to.equal(null);
    });

    it('disables its radios inside a disabled fieldset', async () => {
      const wrapper = await fixture<HTMLFormElement>(html`<form lang="en-CA"><fieldset disabled>
        <flexiti-plan-picker .offers=${loginOffers}></flexiti-plan-picker>
      </fieldset></form>`);
      const el = wrapper.querySelector('flexiti-plan-picker')!;
      await settle(el);
      expect(planRadios(el).every((radio) => radio.matches(':disabled'))).to.equal(true);
    });
  });

  describe('regular purchase', () => {
    it('adds “Regular purchase, no plan” with allow-regular, submitted as an empty plan_id and term', async () => {
      const { form, el } = await pickerInForm({ offers: loginOffers, allowRegular: true, required: true });
      const regular = planRadio(el, '');
      expect(text(regular.closest('label'))).to.equal('Regular purchase, no plan');
      const changes = countEvents(el, 'change');
      await choose(el, '');
      expect(el.value).to.deep.equal({ plan_id: '', term: null, offer_category: '', plan_name: '' });
      expect(termRadios(el)).to.have.length(0);
      expect(changes.count).to.equal(1);
      const data = new FormData(form);
      expect(data.get('plan_id')).to.equal('');
      expect(data.get('term')).to.equal('');
      expect(form.checkValidity()).to.equal(true);
    });

    it('is not offered without allow-regular', async () => {
      const el = await picker({ offers: loginOffers });
      expect(planRadios(el).map((radio) => radio.value)).not.to.include('');
    });

    it('is in French', async () => {
      const el = await picker({ offers: loginOffers, allowRegular: true, lang: 'fr-CA' });
      expect(text(planRadio(el, '').closest('label'))).to.equal('Achat régulier, sans plan');
      await expect(el).to.be.accessible();
    });

    it('is the one choice when there are no plans', async () => {
      const el = await picker({ offers: [], allowRegular: true });
      expect(planRadios(el).map((radio) => radio.value)).to.deep.equal(['']);
      expect(text(root(el).querySelector('p.notice'))).to.equal('No financing plans are available for this purchase.');
      await expect(el).to.be.accessible();
    });
  });

  describe('edge cases', () => {
    it('says there are no financing plans for an empty offer list', async () => {
      const el = await picker({ offers: [] });
      expect(text(root(el).querySelector('p.notice'))).to.equal('No financing plans are available for this purchase.');
      expect(planRadios(el)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('says there are no financing plans, in French', async () => {
      const el = await picker({ offers: [], lang: 'fr-CA' });
      expect(text(root(el).querySelector('p.notice'))).to.equal(
        "Aucun plan de financement n'est offert pour cet achat.",
      );
      await expect(el).to.be.accessible();
    });

    it('says there are no financing plans before offers are set', async () => {
      const el = await picker({});
      expect(text(root(el).querySelector('p.notice'))).to.equal('No financing plans are available for this purchase.');
    });

    it('shows a configuration message and reports invalid_offers when offers is not a list', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="en-CA"><flexiti-plan-picker></flexiti-plan-picker></div>`,
      );
      const el = wrapper.querySelector('flexiti-plan-picker')!;
      setTimeout(() => (el.offers = { offer_types: loginOffers } as never)); // the wrong shape, on purpose
      const event = (await oneEvent(wrapper, 'flexiti-error')) as FlexitiErrorEvent;
      expect(event.detail).to.deep.equal({
        type: 'implementation',
        code: 'invalid_offers',
        source: 'flexiti-plan-picker',
      });
      await settle(el);
      expect(text(root(el).querySelector('p.notice'))).to.equal(
        "Financing plans can't be shown right now. Choose another way to pay, or contact the store.",
      );
      expect(planRadios(el)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('shows the configuration message in French', async () => {
      const el = await picker({ offers: 'offer_types', lang: 'fr-CA' });
      expect(text(root(el).querySelector('p.notice'))).to.equal(
        'Les plans de financement ne peuvent pas être affichés pour le moment. Choisissez un autre mode de paiement ou communiquez avec le magasin.',
      );
      await expect(el).to.be.accessible();
    });

    it('shows the configuration message when no entry is usable', async () => {
      const el = await picker({
        offers: [
          { plan_name: 'No id', offer_category: 'equal_billing', term_options: [3] },
          { plan_name: 'No terms', plan_id: '8', offer_category: 'equal_billing', term_options: ['soon', 0, -3] },
          null,
        ],
      });
      expect(text(root(el).querySelector('p.notice'))).to.equal(
        "Financing plans can't be shown right now. Choose another way to pay, or contact the store.",
      );
    });

    it('leaves out malformed entries, shows the rest and reports invalid_offers', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="en-CA"><flexiti-plan-picker></flexiti-plan-picker></div>`,
      );
      const el = wrapper.querySelector('flexiti-plan-picker')!;
      setTimeout(() => {
        el.offers = [
          loginOffers[3],
          { plan_name: 'Broken', plan_id: '99', offer_category: 'equal_billing', term_options: 'twelve' as never },
          { ...loginOffers[0], plan_name: 'Same id again', plan_id: '5' },
        ];
      });
      const event = (await oneEvent(wrapper, 'flexiti-error')) as FlexitiErrorEvent;
      expect(event.detail.code).to.equal('invalid_offers');
      await settle(el);
      expect(planRadios(el).map((radio) => radio.value)).to.deep.equal(['5']);
      expect(root(el).querySelector('p.notice')).to.equal(null);
    });

    it('drops unusable terms from a plan and keeps the usable ones', async () => {
      const el = await picker({
        offers: [
          {
            plan_name: 'Equal Payments, No Interest',
            plan_id: '5',
            offer_category: 'equal_billing',
            term_options: ['12', 'abc', 0, '6.5', 6],
          },
        ],
      });
      await choose(el, '5');
      expect(termRadios(el).map((radio) => radio.value)).to.deep.equal(['6', '12']);
    });

    it('renders API text as text, never as markup', async () => {
      const el = await picker({
        offers: [
          {
            plan_name: '<img src=x onerror=alert(1)>Plan',
            plan_id: '5',
            offer_category: '<b>cat</b>',
            term_options: [3],
          },
        ],
      });
      expect(root(el).querySelector('img, b')).to.equal(null);
      expect(text(planRadio(el, '5').closest('label'))).to.contain('<img src=x onerror=alert(1)>Plan');
    });

    it('keeps the choice when new offers still include it, without notice or change', async () => {
      const el = await picker({ offers: loginOffers, amount: 1299.99 });
      await choose(el, '5', 40);
      const changes = countEvents(el, 'change');
      el.offers = [loginOffers[3], loginOffers[0]];
      await el.updateComplete;
      expect(el.value?.plan_id).to.equal('5');
      expect(el.value?.term).to.equal(40);
      expect(noticeText(el)).to.equal('');
      expect(changes.count).to.equal(0);
    });

    it('clears a plan no longer offered with a notice, without a change event', async () => {
      const { form, el } = await pickerInForm({ offers: loginOffers });
      await choose(el, '5', 40);
      const changes = countEvents(el, 'change');
      el.offers = applyQcOffers;
      expect(el.value).to.equal(null); // at once, not only after the render
      await el.updateComplete;
      expect(noticeText(el)).to.equal(
        'The plan you chose, Equal Payments, No Interest, is no longer offered. Choose another plan.',
      );
      expect(root(el).querySelector('#notice')!.getAttribute('role')).to.equal('status');
      expect(planRadios(el).some((radio) => radio.checked)).to.equal(false);
      expect([...new FormData(form).keys()]).to.deep.equal([]);
      expect(changes.count).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('clears a term no longer offered with a notice and keeps the plan, in French', async () => {
      const el = await picker({ offers: loginOffers, lang: 'fr-CA' });
      await choose(el, '5', 40);
      el.offers = [{ ...loginOffers[3], term_options: [3, 6, 10] }];
      await el.updateComplete;
      expect(el.value).to.equal(null);
      expect(planRadio(el, '5').checked).to.equal(true);
      expect(termRadios(el).map((radio) => radio.value)).to.deep.equal(['3', '6', '10']);
      expect(noticeText(el)).to.equal(
        "Une durée de 40 mois n'est plus offerte pour Equal Payments, No Interest. Choisissez une autre durée.",
      );
      await expect(el).to.be.accessible();
    });

    it('clears a regular purchase when allow-regular is removed, with a notice', async () => {
      const el = await picker({ offers: loginOffers, allowRegular: true });
      await choose(el, '');
      el.allowRegular = false;
      await el.updateComplete;
      expect(el.value).to.equal(null);
      expect(noticeText(el)).to.equal('A regular purchase is no longer offered. Choose a financing plan.');
    });

    it('clears the notice once the customer chooses again', async () => {
      const el = await picker({ offers: loginOffers });
      await choose(el, '5', 40);
      el.offers = applyQcOffers;
      await el.updateComplete;
      await choose(el, '1', 12);
      expect(noticeText(el)).to.equal('');
    });

    it('keeps the choice when the amount changes, and updates the estimate', async () => {
      const el = await picker({ offers: loginOffers, amount: 1299.99 });
      await choose(el, '5', 40);
      const changes = countEvents(el, 'change');
      el.amount = 400;
      await el.updateComplete;
      expect(el.value?.term).to.equal(40);
      expect(estimateFor(el, 40)).to.equal('$10.00 a month');
      expect(noticeText(el)).to.equal('');
      expect(changes.count).to.equal(0);
    });

    it('clears a choice when the offers become empty, with the notice and the no-plans message', async () => {
      const el = await picker({ offers: loginOffers });
      await choose(el, '7', 3);
      el.offers = [];
      await el.updateComplete;
      expect(el.value).to.equal(null);
      expect(noticeText(el)).to.equal(
        'The plan you chose, No Interest, No Payments, is no longer offered. Choose another plan.',
      );
      expect(text(root(el).querySelector('p.notice'))).to.equal('No financing plans are available for this purchase.');
      await expect(el).to.be.accessible();
    });
  });

  describe('host errors', () => {
    const cases: [string, string, string][] = [
      [
        'not_enough_credit',
        "There isn't enough available credit for this purchase amount. Try a smaller amount.",
        "Le crédit disponible est insuffisant pour ce montant d'achat. Essayez un montant moins élevé.",
      ],
      [
        'credit_exceeded',
        'This amount, with interest, is more than the available credit. Try a smaller amount.',
        'Ce montant, intérêts compris, dépasse le crédit disponible. Essayez un montant moins élevé.',
      ],
      [
        'plan_term_not_available',
        "This plan or term isn't available for this purchase. Choose another one.",
        "Cette combinaison de plan et de durée n'est pas offerte pour cet achat. Choisissez-en une autre.",
      ],
      [
        'plan_term_not_set',
        "This financing option isn't set up for this store.",
        "Cette option de financement n'est pas configurée pour ce magasin.",
      ],
    ];
    for (const [code, english, french] of cases) {
      it(`shows ${code} in the customer's words, in an alert, in both languages`, async () => {
        const body = { code: 409, error: code, error_description: `raw ${code} text` };
        const el = await picker({ offers: loginOffers });
        el.error = body;
        await el.updateComplete;
        expect(root(el).querySelector('#error')!.getAttribute('role')).to.equal('alert');
        expect(errorRegionText(el)).to.contain(english);
        expect(errorRegionText(el)).not.to.contain(code);
        await expect(el).to.be.accessible();
        const fr = await picker({ offers: loginOffers, lang: 'fr-CA' });
        fr.error = body;
        await fr.updateComplete;
        expect(errorRegionText(fr)).to.contain(french);
        await expect(fr).to.be.accessible();
      });
    }

    it('accepts the error shape with url, message and error', async () => {
      const el = await picker({ offers: loginOffers });
      el.error = { url: '/transactions', message: 'Not enough', error: 'not_enough_credit' };
      await el.updateComplete;
      expect(errorRegionText(el)).to.contain("There isn't enough available credit");
    });

    it('accepts a bare error code', async () => {
      const el = await picker({ offers: loginOffers });
      el.error = 'credit_exceeded';
      await el.updateComplete;
      expect(errorRegionText(el)).to.contain('more than the available credit');
    });

    it('renders an unknown error’s HTML message as text', async () => {
      const el = await picker({ offers: loginOffers });
      el.error = { code: 409, error: 'something_new', error_description: '<h1>Oops</h1><img src=x onerror=alert(1)>' };
      await el.updateComplete;
      expect(root(el).querySelector('#error img, #error h1')).to.equal(null);
      expect(errorRegionText(el)).not.to.equal('');
    });

    it('describes the plan group with the error', async () => {
      const el = await picker({ offers: loginOffers });
      el.error = { code: 409, error: 'not_enough_credit' };
      await el.updateComplete;
      expect(root(el).querySelector('.picker')!.getAttribute('aria-describedby')).to.equal('error');
    });

    it('clears the error when the customer changes the choice, and when the host sets null', async () => {
      const el = await picker({ offers: loginOffers });
      await choose(el, '5', 40);
      el.error = { code: 409, error: 'plan_term_not_available' };
      await el.updateComplete;
      await choose(el, '5', 30);
      expect(errorRegionText(el)).to.equal('');
      expect(el.error).to.equal(null);
      el.error = { code: 409, error: 'plan_term_not_available' };
      await el.updateComplete;
      el.error = null;
      await el.updateComplete;
      expect(errorRegionText(el)).to.equal('');
    });

    it('is accessible with both an error and a notice showing, in French', async () => {
      const el = await picker({ offers: loginOffers, allowRegular: true, lang: 'fr-CA', amount: 500 });
      await choose(el, '5', 10);
      el.offers = applyQcOffers;
      el.error = { code: 409, error: 'credit_exceeded' };
      await el.updateComplete;
      expect(noticeText(el)).not.to.equal('');
      expect(errorRegionText(el)).not.to.equal('');
      await expect(el).to.be.accessible();
    });
  });

  it('types its value', () => {
    const value: PlanChoice | null = document.createElement('flexiti-plan-picker').value;
    expect(value).to.equal(null);
  });

  describe('public API: disabled and state', () => {
    it('disabled: every radio disabled, a click changes nothing and fires no change', async () => {
      const el = await picker({ offers: loginOffers, amount: 1200 });
      el.disabled = true;
      await el.updateComplete;
      const changes = countEvents(el, 'change');
      expect(planRadios(el).filter((radio) => !radio.matches(':disabled'))).to.deep.equal([]);
      planRadios(el)[0]!.click();
      await el.updateComplete;
      expect(el.value).to.equal(null);
      expect(changes.count).to.equal(0);
    });

    it('state: unavailable, choosing, chosen, with the same custom states', async () => {
      const el = await picker({ offers: [], amount: 1200 });
      expect(el.state).to.equal('unavailable');
      expect(el.matches(':state(unavailable)')).to.equal(true);
      el.offers = loginOffers;
      await el.updateComplete;
      expect(el.state).to.equal('choosing');
      expect(el.matches(':state(choosing)') && !el.matches(':state(unavailable)')).to.equal(true);
      const plan = planRadios(el)[0]!;
      plan.click();
      await el.updateComplete;
      expect(el.state, 'a plan without its term').to.equal('choosing');
      termRadios(el)[0]!.click();
      await el.updateComplete;
      expect(el.state).to.equal('chosen');
      expect(el.matches(':state(chosen)') && !el.matches(':state(choosing)')).to.equal(true);
    });
  });
});
