/** The shared form-control suite (test/browser/form-control-suite.ts) against each form-associated element. */
import { waitUntil } from '@open-wc/testing';
import '../../src/define/flexiti-plan-picker.js';
import '../../src/define/flexiti-terms.js';
import type { FlexitiPlanPicker } from '../../src/components/plan-picker/plan-picker.js';
import type { FlexitiTerms } from '../../src/components/terms/terms.js';
import { settleLocale } from './dom.js';
import { runFormControlBaseTests } from './form-control-suite.js';

const TERMS_HTML = "<div id='tcs'><h2>Terms ON</h2><p>English terms text for ON.</p></div>";

runFormControlBaseTests<FlexitiTerms>({
  tag: '<flexiti-terms>',
  async mount(form, required) {
    // The host: answers the terms request as the handler would.
    form.addEventListener('flexiti-terms-request', (event) => event.detail.respondWith(TERMS_HTML));
    const el = document.createElement('flexiti-terms');
    el.setAttribute('province', 'ON');
    if (required) el.setAttribute('required', '');
    form.prepend(el);
    await waitUntil(() => el.status === 'shown', 'the terms were not shown');
    await el.updateComplete;
    return el;
  },
  async fill(el) {
    el.shadowRoot!.querySelector<HTMLInputElement>('#agreement')!.click();
    await el.updateComplete;
  },
  entries: ['tos_agreement'],
});

const OFFERS = [
  { plan_id: '5', plan_name: 'Equal Payments, No Interest', offer_category: 'equal_billing', term_options: [6, 12] },
];

runFormControlBaseTests<FlexitiPlanPicker>({
  tag: '<flexiti-plan-picker>',
  async mount(form, required) {
    const el = document.createElement('flexiti-plan-picker');
    el.offers = OFFERS;
    el.amount = 1200;
    el.required = required;
    form.prepend(el);
    await settleLocale(el);
    return el;
  },
  async fill(el) {
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="plan"][value="5"]')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="term"][value="12"]')!.click();
    await el.updateComplete;
  },
  entries: ['plan_id', 'term'],
});
