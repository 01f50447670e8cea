// Words for who is there (issue 20): when the store's own setup fails, an `in_store` element tells the customer to
// ask a store employee; an `online` one, where nobody is there to ask, says what the customer can do. One such
// string per element, in each channel, in English and in Canadian French.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/flexiti-apply.js';
import '../../src/define/flexiti-checkout.js';
import '../../src/define/flexiti-lookup.js';
import '../../src/define/flexiti-plan-picker.js';
import '../../src/define/flexiti-terms.js';
import '../../src/define/flexiti-verify.js';
import type { Audience } from '../../src/internal/audience.js';
import { setLocale } from '../../src/internal/locale.js';
import { readApiError, type Locale } from '../../src/model/index.js';

const HELP: Record<Locale, Record<Audience, string>> = {
  'en-CA': {
    online: 'Choose another way to pay, or contact the store.',
    in_store: 'Please ask a store employee for help.',
  },
  'fr-CA': {
    online: 'Choisissez un autre mode de paiement ou communiquez avec le magasin.',
    in_store: "Demandez de l'aide à un employé du magasin.",
  },
};

/** What the store's failure says first, before who can help. */
const FAILURE: Record<string, Record<Locale, string>> = {
  no_handler: {
    'en-CA': "This form isn't connected to the store's system yet.",
    'fr-CA': "Ce formulaire n'est pas encore relié au système du magasin.",
  },
  config_missing: {
    'en-CA': "The store hasn't provided the form's option lists yet.",
    'fr-CA': "Le magasin n'a pas encore fourni les listes d'options du formulaire.",
  },
  plan_term_not_set: {
    'en-CA': "This financing option isn't set up for this store.",
    'fr-CA': "Cette option de financement n'est pas configurée pour ce magasin.",
  },
  plans_invalid: {
    'en-CA': "Financing plans can't be shown right now.",
    'fr-CA': 'Les plans de financement ne peuvent pas être affichés pour le moment.',
  },
};

/** Every text in the element's shadow tree (and its children's), white space folded. */
function shownText(el: Element): string {
  const parts: string[] = [];
  const visit = (root: ShadowRoot) => {
    parts.push(root.textContent ?? '');
    for (const inner of root.querySelectorAll('*')) if (inner.shadowRoot) visit(inner.shadowRoot);
  };
  visit(el.shadowRoot!);
  return parts.join(' ').replace(/\s+/g, ' ');
}

interface Case {
  tag: string;
  failure: keyof typeof FAILURE;
  /** Mounts the element inside `wrapper` (which carries `lang` and `channel`) and brings out the failure. */
  show(wrapper: HTMLElement): Promise<HTMLElement>;
}

async function added<T extends HTMLElement>(wrapper: HTMLElement, el: T): Promise<T> {
  wrapper.append(el);
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

function type(root: ShadowRoot, id: string, value: string): void {
  const input = root.querySelector<HTMLInputElement>(`#${id}`)!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const CASES: Case[] = [
  {
    tag: 'flexiti-checkout',
    failure: 'no_handler',
    // Nobody answers the checkout's first request.
    show: (wrapper) => added(wrapper, document.createElement('flexiti-checkout')),
  },
  {
    tag: 'flexiti-lookup',
    failure: 'no_handler',
    async show(wrapper) {
      const el = await added(wrapper, document.createElement('flexiti-lookup'));
      const root = el.shadowRoot!;
      type(root, 'first_name', 'Jane');
      type(root, 'last_name', 'Doe');
      type(root, 'dob', '1990-01-01');
      await el.updateComplete;
      root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      return el;
    },
  },
  {
    tag: 'flexiti-verify',
    failure: 'no_handler',
    async show(wrapper) {
      const el = document.createElement('flexiti-verify');
      el.customer = { security_qid: [], methods: ['sms', 'email'], offer_types: [] };
      el.setAttribute('formats', 'sms email');
      await added(wrapper, el);
      el.shadowRoot!.querySelector<HTMLInputElement>('input[value="sms"]')!.click();
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      return el;
    },
  },
  {
    tag: 'flexiti-terms',
    failure: 'no_handler',
    async show(wrapper) {
      const el = document.createElement('flexiti-terms');
      el.setAttribute('province', 'ON');
      return added(wrapper, el);
    },
  },
  {
    tag: 'flexiti-apply',
    failure: 'config_missing',
    // No form values given: the form can't be set up.
    show: (wrapper) => added(wrapper, document.createElement('flexiti-apply')),
  },
  {
    tag: 'flexiti-plan-picker',
    failure: 'plan_term_not_set',
    async show(wrapper) {
      const el = document.createElement('flexiti-plan-picker');
      el.offers = [
        { plan_id: '5', plan_name: 'Equal Payments, No Interest', offer_category: 'equal_billing', term_options: [12] },
      ];
      el.amount = 1200;
      el.error = readApiError(403, { error: 'plan_term_not_set', message: 'plan_term_not_set' });
      return added(wrapper, el);
    },
  },
  {
    tag: 'flexiti-plan-picker',
    failure: 'plans_invalid',
    async show(wrapper) {
      const el = document.createElement('flexiti-plan-picker');
      el.offers = 'not a list of plans' as unknown as [];
      return added(wrapper, el);
    },
  },
];

describe('words for who is there when the store is at fault', () => {
  afterEach(() => setLocale('en-CA'));

  for (const locale of ['en-CA', 'fr-CA'] as const) {
    for (const audience of ['online', 'in_store'] as const) {
      for (const { tag, failure, show } of CASES) {
        it(`${tag}, ${failure}, ${audience}, ${locale}`, async () => {
          await setLocale(locale);
          const wrapper = await fixture<HTMLDivElement>(html`<div lang=${locale} channel=${audience}></div>`);
          const el = await show(wrapper);
          const expected = `${FAILURE[failure]![locale]} ${HELP[locale][audience]}`;
          await waitUntil(() => shownText(el).includes(expected), `${tag} shows: ${shownText(el)}`);
          const other = audience === 'online' ? 'in_store' : 'online';
          expect(shownText(el)).to.not.contain(HELP[locale][other]);
          // Online, nothing anywhere in the element sends the customer to a store employee.
          if (audience === 'online') expect(shownText(el)).to.not.match(/store employee|employé du magasin/i);
        });
      }
    }
  }
});
