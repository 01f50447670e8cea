// One language per page (issue 16): a page switched from English to French and back while every element shows an
// error. Each time, every text of every element is in one language — validation, API errors, labels and buttons
// alike — and nothing the customer typed is lost. While the French messages load, the page stays English; once
// they arrive, no English text is left or comes back.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/flexiti-lookup.js';
import '../../src/define/flexiti-terms.js';
import '../../src/define/flexiti-checkout.js';
import type { FlexitiApply } from '../../src/components/apply/apply.js';
import type { FlexitiLookup } from '../../src/components/lookup/lookup.js';
import type { FlexitiPlanPicker } from '../../src/components/plan-picker/plan-picker.js';
import type { FlexitiVerify } from '../../src/components/verify/verify.js';
import type { FlexitiTerms } from '../../src/components/terms/terms.js';
import type { FlexitiCheckout } from '../../src/components/checkout/checkout.js';
import { readApiError } from '../../src/model/index.js';
import { renderedLocale, setLocale } from '../../src/internal/locale.js';
import { textNow } from '../texts.js';
import { mount as mountApply, setField, submitForm, control, errorOf } from './apply-harness.js';
import { chooseMethod, jsonResponse, mountPlanPicker, mountVerify } from './reliability/helpers.js';

/** Texts the elements write (not the host's data: option labels and plan names come from the host). */
function ownTexts(el: Element): string[] {
  const texts: string[] = [];
  const visit = (root: ShadowRoot) => {
    for (const node of root.querySelectorAll(
      'label, legend, h2, h3, p, button, li, .error, [role="alert"], [role="status"]',
    )) {
      if (node.closest('option, select, .plan-name, [part="terms-content"], [part="region"]')) continue;
      // A text marked with its own language on purpose (terms' "Lire les conditions en français") is correct.
      if (node.closest('[lang]')) continue;
      const text = node.textContent?.replace(/\s+/g, ' ').trim();
      if (text) texts.push(text);
    }
    for (const inner of root.querySelectorAll('*')) if (inner.shadowRoot) visit(inner.shadowRoot);
  };
  visit(el.shadowRoot!);
  return texts;
}

// Words only one of the two languages uses: a text with one of them is in that language.
const ENGLISH = /\b(the|and|your|this|enter|check|choose|required|try|again|you|with|for)\b/i;
const FRENCH = /\b(le|la|les|votre|vous|entrez|vérifiez|choisissez|obligatoire|réessayez|avec|pour|des|du)\b/i;

function expectAll(elements: Element[], locale: 'en-CA' | 'fr-CA'): void {
  const wrong = locale === 'fr-CA' ? ENGLISH : FRENCH;
  const offending = elements
    .flatMap((el) => ownTexts(el).map((text) => `${el.localName}: ${text}`))
    .filter((line) => wrong.test(line.slice(line.indexOf(':') + 1)));
  expect(offending, `texts not in ${locale}`).to.deep.equal([]);
}

async function updated(elements: Element[]): Promise<void> {
  for (const el of elements) await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}

describe('a page switched en → fr → en while every element shows an error', () => {
  const previousLang = document.documentElement.lang;

  afterEach(async () => {
    document.documentElement.lang = previousLang;
    await setLocale('en-CA');
  });

  it('renders every text in one language each time and keeps what was typed', async () => {
    await setLocale('en-CA');
    // <flexiti-apply> (with <flexiti-terms> inside): a name typed, the rest empty, submitted.
    const { el: apply } = await mountApply();
    await setField(apply, 'first_name', 'Zoë');
    await setField(apply, 'postal_code', 'W1A 1A1');
    await submitForm(apply);
    await apply.updateComplete;
    expect(apply.shadowRoot!.querySelector('[part="error-summary"]')).to.not.equal(null);

    // <flexiti-lookup>: a last name typed, submitted without the rest.
    const lookupHost = await fixture<HTMLDivElement>(html`<div><flexiti-lookup by="name"></flexiti-lookup></div>`);
    const lookup = lookupHost.querySelector<FlexitiLookup>('flexiti-lookup')!;
    await lookup.updateComplete;
    const lastName = lookup.shadowRoot!.querySelector<HTMLInputElement>('#last_name')!;
    lastName.value = 'Tremblay';
    lastName.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    lookup.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await lookup.updateComplete;

    // <flexiti-verify>: the API refuses the text message.
    const { el: verify } = await mountVerify(
      { customer_id: 43353, account_number: 1, available_credit: 1, security_qid: [] },
      () => jsonResponse({ error: 'sms_not_valid_phone' }, 400),
    );
    await chooseMethod(verify, 'sms');
    const verifyError = textNow(readApiError(400, { error: 'sms_not_valid_phone' }), 'en-CA');
    expect(verify.shadowRoot!.textContent).to.contain(verifyError);

    // <flexiti-plan-picker>: required, submitted with no choice.
    const picker: FlexitiPlanPicker = await mountPlanPicker([
      { plan_name: 'Equal Payments', plan_id: '5', offer_category: 'equal_billing', term_options: [6, 12] },
    ]);
    picker.required = true;
    await picker.updateComplete;
    picker.reportValidity();
    await picker.updateComplete;

    // <flexiti-terms> and <flexiti-checkout>: their host answers 503 (the terms and the checkout could not load).
    const unavailable = () => new Response('{"error":"service_unavailable"}', { status: 503 });
    const failingHost = await fixture<HTMLDivElement>(html`<div></div>`);
    failingHost.addEventListener('flexiti-terms-request', (event) => event.detail.respondWith(unavailable()));
    failingHost.addEventListener('flexiti-checkout-request', (event) => event.detail.respondWith(unavailable()));
    const terms = document.createElement('flexiti-terms') as FlexitiTerms;
    terms.setAttribute('province', 'ON');
    const checkout = document.createElement('flexiti-checkout') as FlexitiCheckout;
    failingHost.append(terms, checkout);
    await waitUntil(() => terms.status === 'failed', 'the terms did not fail');
    await waitUntil(
      () => checkout.shadowRoot?.querySelector('[part="notice"]'),
      'the checkout did not show its load error',
    );

    const elements: Element[] = [apply, lookup, verify, picker, terms, checkout];
    await updated(elements);
    // The check reads real texts: labels, buttons and the errors of each element.
    for (const el of elements) expect(ownTexts(el).length, el.localName).to.be.greaterThan(1);
    expectAll(elements, 'en-CA');

    // → French. Until the French messages are here, everything stays English; then everything is French.
    const statuses: string[] = [];
    const englishWhileLoading: boolean[] = [];
    const listener = (event: Event) => {
      const { status } = (event as CustomEvent<{ status: string }>).detail;
      statuses.push(status);
      if (status === 'loading') englishWhileLoading.push(renderedLocale() === 'en-CA');
    };
    window.addEventListener('lit-localize-status', listener);
    document.documentElement.lang = 'fr-CA';
    await waitUntil(() => renderedLocale() === 'fr-CA', 'the page never turned French');
    window.removeEventListener('lit-localize-status', listener);
    await updated(elements);
    expect(statuses).to.include('ready');
    expect(englishWhileLoading.every(Boolean)).to.equal(true);
    expectAll(elements, 'fr-CA');
    expect(verify.shadowRoot!.textContent).to.contain(
      textNow(readApiError(400, { error: 'sms_not_valid_phone' }), 'fr-CA'),
    );
    expect(errorOf(apply, 'postal_code')).to.equal(textNow('postal.format', 'fr-CA'));
    // Nothing English comes back once French has arrived.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await updated(elements);
    expectAll(elements, 'fr-CA');

    // → English again.
    document.documentElement.lang = 'en-CA';
    await waitUntil(() => renderedLocale() === 'en-CA', 'the page never turned English again');
    await updated(elements);
    expectAll(elements, 'en-CA');
    expect(verify.shadowRoot!.textContent).to.contain(verifyError);
    expect(errorOf(apply, 'postal_code')).to.equal(textNow('postal.format', 'en-CA'));

    // Nothing typed was lost.
    expect(control(apply, 'first_name').value).to.equal('Zoë');
    expect(control(apply, 'postal_code').value).to.equal('W1A 1A1');
    expect(lastName.value).to.equal('Tremblay');
    expect((apply as FlexitiApply).isConnected && (verify as FlexitiVerify).isConnected).to.equal(true);
  });
});
