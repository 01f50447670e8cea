/**
 * The theming page of the demo: two merchants' brands side by side, the same elements and data in each. The
 * brands live in theming.css; this script only renders the elements and answers the terms request, with the
 * sandbox's documents and plans (no server needed).
 */
import { html, render, type TemplateResult } from 'lit';
import '../src/define/flexiti-plan-picker.js';
import '../src/define/flexiti-terms.js';
import '../src/define/flexiti-verify.js';
import { sandboxFormValues } from '../src/server/sandbox/form-values.js';
import { sandboxTerms } from '../src/server/sandbox/terms.js';
import { apiLang } from '../src/model/locale.js';
import type { FlexitiTermsRequestEvent } from '../src/events/requests.js';

interface Store {
  id: 'lumen' | 'cote';
  name: string;
  tagline: string;
  lang: 'en-CA' | 'fr-CA';
  province: string;
  amount: number;
}

const STORES: Store[] = [
  {
    id: 'lumen',
    name: 'Lumen Audio',
    tagline: 'Headphones and speakers · Toronto',
    lang: 'en-CA',
    province: 'ON',
    amount: 1299.99,
  },
  {
    id: 'cote',
    name: 'Boulangerie Côté',
    tagline: 'Bakery ovens and equipment · Québec',
    lang: 'en-CA',
    province: 'QC',
    amount: 2450,
  },
];

/** An existing customer for `<flexiti-verify>` (the lookup response's fields it needs). */
function customer(lang: Store['lang']) {
  const questions = sandboxFormValues(apiLang(lang)).security_qid.options;
  return {
    customer_id: '43353',
    security_qid: ['4', '7'].map((id) => ({ id, text: questions[id]! })),
  };
}

function answerTerms(event: FlexitiTermsRequestEvent): void {
  const { province, lang } = event.detail.request;
  event.detail.respondWith(sandboxTerms(province, lang === 'fr' ? 'fr' : 'en'));
}

function storePanel(store: Store): TemplateResult {
  const lang = store.lang === 'fr-CA' ? 'fr' : 'en';
  return html`<section class="store ${store.id}" lang=${store.lang} aria-labelledby="${store.id}-title" @flexiti-terms-request=${answerTerms}>
    <h2 id="${store.id}-title">${store.name}</h2>
    <p class="tagline">${store.tagline}</p>
    <flexiti-plan-picker
      amount=${store.amount}
      required
      .offers=${sandboxFormValues(lang).offer_types}
      .value=${{ plan_id: '5', term: 10 }}
    ></flexiti-plan-picker>
    <flexiti-terms province=${store.province}></flexiti-terms>
    <flexiti-verify formats="sms email security_question" .customer=${customer(store.lang)}></flexiti-verify>
  </section>`;
}

render(STORES.map(storePanel), document.getElementById('stores')!);
