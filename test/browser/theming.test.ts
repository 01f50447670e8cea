// Theming: tokens follow prefers-color-scheme and a merchant's value wins in both schemes; legal content (terms,
// approved amounts and the Quebec debt-ratio disclosure, payment estimates) stays readable under a hostile theme,
// checked by axe's color-contrast rule, with a control showing the same theme does break ordinary text.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/define/flexiti-apply.js';
import '../../src/define/flexiti-plan-picker.js';
import '../../src/define/flexiti-terms.js';
import type { FlexitiApply } from '../../src/components/apply/apply.js';
import type { FlexitiPlanPicker } from '../../src/components/plan-picker/plan-picker.js';
import type { FlexitiTerms } from '../../src/components/terms/terms.js';
import { VALID } from './apply-harness.js';

interface Seed {
  [endpoint: string]: Record<string, any>;
}

interface AxeNode {
  element: Element;
}
interface AxeResults {
  violations: { id: string; nodes: AxeNode[] }[];
  passes: { id: string; nodes: AxeNode[] }[];
  incomplete: { id: string; nodes: AxeNode[] }[];
}

let seed: Seed;

/** A theme that makes ordinary text unreadable: grey on grey through the tokens, the host and ::part rules. */
const HOSTILE_THEME = `
  .hostile {
    --flexiti-color-text: #b4b4b4;
    --flexiti-color-muted: #c4c4c4;
    --flexiti-color-surface: #cdcdcd;
    --flexiti-color-primary: #d2d2d2;
    --flexiti-color-success: #c8c8c8;
    --flexiti-font-size: 7px;
    color: #bdbdbd;
    background: #c9c9c9;
  }
  .hostile flexiti-terms::part(region),
  .hostile flexiti-apply::part(amounts),
  .hostile flexiti-apply::part(outcome),
  .hostile flexiti-plan-picker::part(estimate) {
    color: #d0d0d0;
    background: #cacaca;
    opacity: 0.4;
  }
`;

async function colorContrast(root: Element): Promise<AxeResults> {
  const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<AxeResults> } }).axe;
  return axe.run(root, { runOnly: { type: 'rule', values: ['color-contrast'] }, elementRef: true });
}

/** Text nodes within the scopes that axe found too faint, measured fine, or could not decide on. */
async function contrastWithin(host: Element, ...scopes: Element[]) {
  const results = await colorContrast(host);
  const inScope = (nodes: AxeNode[]) =>
    nodes.filter((node) => scopes.some((scope) => scope === node.element || scope.contains(node.element)));
  return {
    failing: results.violations.flatMap((rule) => inScope(rule.nodes)),
    passing: results.passes.flatMap((rule) => inScope(rule.nodes)),
    unsure: results.incomplete.flatMap((rule) => inScope(rule.nodes)),
  };
}

const describeNodes = (nodes: AxeNode[]) =>
  nodes
    .map(
      (node) => `${node.element.localName}.${node.element.className}: ${node.element.textContent?.trim().slice(0, 40)}`,
    )
    .join(' | ');

/** Renders `markup` under the hostile theme; the host answers terms and applications from the start. */
async function themed(
  markup: ReturnType<typeof html>,
  answers: { terms?: string; apply?: unknown } = {},
): Promise<{ wrapper: HTMLElement }> {
  const wrapper = await fixture<HTMLDivElement>(html`<div
    lang="en-CA"
    @flexiti-terms-request=${(event: HTMLElementEventMap['flexiti-terms-request']) => {
      if (answers.terms) event.detail.respondWith(answers.terms);
    }}
    @flexiti-apply-request=${(event: HTMLElementEventMap['flexiti-apply-request']) => {
      if (answers.apply) event.detail.respondWith(answers.apply);
    }}
  >
    <style>
      ${HOSTILE_THEME}
    </style>
    <div class="hostile">${markup}</div>
  </div>`);
  return { wrapper };
}

before(async () => {
  seed = (await (await fetch('/test/fixtures/seed-examples.json')).json()) as Seed;
  await import('axe-core/axe.min.js' as string);
});

afterEach(async () => {
  await emulateMedia({ colorScheme: 'light' });
});

describe('theming: colour schemes and tokens', () => {
  it('follows prefers-color-scheme by default', async () => {
    const picker = await fixture<FlexitiPlanPicker>(html`<flexiti-plan-picker></flexiti-plan-picker>`);
    expect(getComputedStyle(picker).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(getComputedStyle(picker).color).to.equal('rgb(27, 31, 36)');
    await emulateMedia({ colorScheme: 'dark' });
    expect(getComputedStyle(picker).backgroundColor).to.equal('rgb(21, 25, 30)');
    expect(getComputedStyle(picker).color).to.equal('rgb(238, 241, 244)');
  });

  it("uses the merchant's tokens in both schemes, set on the element or an ancestor", async () => {
    const wrapper =
      await fixture<HTMLDivElement>(html`<div style="--flexiti-color-surface: #fdf6e3; --flexiti-radius: 0px">
      <flexiti-plan-picker style="--flexiti-color-text: #073642"></flexiti-plan-picker>
    </div>`);
    const picker = wrapper.querySelector('flexiti-plan-picker')!;
    for (const scheme of ['light', 'dark'] as const) {
      await emulateMedia({ colorScheme: scheme });
      expect(getComputedStyle(picker).backgroundColor, scheme).to.equal('rgb(253, 246, 227)');
      expect(getComputedStyle(picker).color, scheme).to.equal('rgb(7, 54, 66)');
    }
  });
});

describe('theming: legal content stays readable under a hostile theme', () => {
  it('the terms: the region passes color-contrast while the same theme fails ordinary text', async () => {
    const { wrapper } = await themed(html`<flexiti-terms province="ON"></flexiti-terms>`, {
      terms:
        '<h2>Terms</h2><p>Interest is charged from the purchase date. <a href="https://example.com">Details</a></p>',
    });
    const terms = wrapper.querySelector<FlexitiTerms>('flexiti-terms')!;
    await waitUntil(() => terms.status === 'shown', 'terms not shown');
    await terms.updateComplete;
    const region = terms.shadowRoot!.querySelector('[part~="region"]')!;
    const inRegion = await contrastWithin(terms, region);
    expect(inRegion.passing.length, 'axe measured the terms text').to.be.greaterThan(0);
    expect(describeNodes(inRegion.failing)).to.equal('');
    expect(describeNodes(inRegion.unsure)).to.equal('');
    // Control: the theme is hostile, the agreement's label (not legal text) fails.
    const agreement = terms.shadowRoot!.querySelector('[part~="agreement"]')!;
    const inAgreement = await contrastWithin(terms, agreement);
    expect(inAgreement.failing.length, 'the hostile theme makes ordinary text fail').to.be.greaterThan(0);
  });

  it('the payment estimates of the plan picker pass color-contrast', async () => {
    const offers = seed['POST /client-id/{client_id}/merchants/login']!.response.form_values.offer_types;
    const { wrapper } = await themed(html`<flexiti-plan-picker amount="1200" .offers=${offers}></flexiti-plan-picker>`);
    const picker = wrapper.querySelector<FlexitiPlanPicker>('flexiti-plan-picker')!;
    await picker.updateComplete;
    // "Equal Payments, No Interest" (plan 5) is the one the API's data lets the picker estimate exactly.
    picker.shadowRoot!.querySelector<HTMLInputElement>('input[name="plan"][value="5"]')!.click();
    await picker.updateComplete;
    const estimates = [...picker.shadowRoot!.querySelectorAll('[part~="estimate"]')];
    expect(estimates.length).to.be.greaterThan(0);
    const result = await contrastWithin(picker, ...estimates);
    expect(result.passing.length).to.be.greaterThan(0);
    expect(describeNodes([...result.failing, ...result.unsure])).to.equal('');
  });

  it('the Quebec approval: amounts and debt-ratio disclosure pass color-contrast', async () => {
    const formValues = seed['POST /client-id/{client_id}/merchants/login']!.response.form_values;
    const approval = seed['POST /client-id/{client_id}/apply']!['200 - Success - QC applicant'];
    // The harness's valid applicant, moved to Quebec (its housing costs field and the debt-ratio disclosure).
    const applicant = {
      ...VALID,
      phone_number: '5145550134',
      address_1: '100 rue Sherbrooke Ouest',
      city: 'Montréal',
      province: 'QC',
      postal_code: 'H2X 1X1',
      monthly_housing_expenses: '900',
      occupation_title: 'Boulangère',
    };
    const { wrapper } = await themed(
      html`<flexiti-apply .formValues=${formValues} .prefill=${applicant}></flexiti-apply>`,
      {
        terms: '<p>Terms for Quebec residents.</p>',
        apply: approval,
      },
    );
    const apply = wrapper.querySelector<FlexitiApply>('flexiti-apply')!;
    await apply.updateComplete;
    const inApply = <T extends Element>(selector: string) => apply.shadowRoot!.querySelector<T>(selector);
    await waitUntil(() => inApply<FlexitiTerms>('flexiti-terms')?.status === 'shown', 'terms not shown');
    const terms = inApply<FlexitiTerms>('flexiti-terms')!;
    terms.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    await apply.updateComplete;
    inApply<HTMLButtonElement>('form [part~="submit-button"]')!.click();
    await waitUntil(() => inApply('[data-confirm]'), 'no review step');
    inApply<HTMLButtonElement>('[data-confirm]')!.click();
    await waitUntil(() => inApply('[data-outcome="quebec"]'), 'no Quebec outcome');
    await apply.updateComplete;
    const disclosure = inApply('[data-outcome="quebec"]')!;
    const amounts = disclosure.querySelector('[part~="amounts"]')!;
    expect(amounts.textContent).to.include('5');
    const result = await contrastWithin(apply, disclosure);
    expect(result.passing.length).to.be.greaterThan(0);
    expect(describeNodes(result.failing)).to.equal('');
  });
});
