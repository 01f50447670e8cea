import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../define/flexiti-promo.js';
import { setLocale } from '../../internal/locale.js';
import type { FlexitiErrorEvent } from '../../events/notifications.js';
import { forgetOffers } from './offers.js';
import { importDialogWith, type FlexitiPromo } from './promo.js';
import { $, settleLocale } from '../../../test/browser/dom.js';

type Offer = { plan_name: string; plan_id: string; offer_category: string; term_options: (number | string)[] };

let seedOffers: Offer[];

before(async () => {
  const seed = (await (await fetch('/test/fixtures/seed-examples.json')).json()) as Record<string, any>;
  seedOffers = seed['POST /client-id/{client_id}/merchants/login'].response.form_values.offer_types;
});

// ── helpers ─────────────────────────────────────────────────────────────────────────────────────────────────

const squash = (text: string | null | undefined) => (text ?? '').replace(/[ \t\r\n]+/g, ' ').trim();
const lineText = (el: FlexitiPromo) => squash($(el, '.line .text')?.textContent);
const button = (el: FlexitiPromo) => $<HTMLButtonElement>(el, '[part~="learn-more"]')!;
const dialog = (el: FlexitiPromo) => $<HTMLDialogElement>(el, 'dialog')!;

/** Presses "Learn more" (the dialog's module loads on demand) and waits for the dialog to be open. */
async function openDetails(el: FlexitiPromo): Promise<HTMLDialogElement> {
  button(el).click();
  await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'the dialog opens');
  return dialog(el);
}
const hasState = (el: FlexitiPromo, name: string) => el.matches(`:state(${name})`);

const settle = settleLocale;

async function promo(
  attributes: { amount?: number; lang?: 'en-CA' | 'fr-CA'; min?: number; max?: number; variant?: string } = {},
  offers: unknown = seedOffers,
): Promise<FlexitiPromo> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${attributes.lang ?? 'en-CA'} style="width: 900px">
    <flexiti-promo
      amount=${attributes.amount ?? 1299.99}
      min-amount=${attributes.min ?? ''}
      max-amount=${attributes.max ?? ''}
      variant=${attributes.variant ?? 'default'}
      .offers=${offers}
    ></flexiti-promo>
  </div>`);
  const el = wrapper.querySelector('flexiti-promo')!;
  await settle(el);
  return el;
}

/** Replaces window.fetch for one test: every call is recorded and answered by `answer`. */
function stubFetch(answer: (url: string) => Promise<Response>) {
  const original = window.fetch;
  const calls: string[] = [];
  window.fetch = ((input: RequestInfo | URL) => {
    const url = String(input instanceof Request ? input.url : input);
    calls.push(url);
    return answer(url);
  }) as typeof window.fetch;
  return { calls, restore: () => (window.fetch = original) };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A deferred value the test resolves when it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

// ── estimates ──────────────────────────────────────────────────────────────────────────────────────────────

// Each test starts on an English page (one language per page; some tests switch it).
beforeEach(() => setLocale('en-CA'));

describe('<flexiti-promo>: the line for the seed plans', () => {
  for (const [amount, line, lastRow] of [
    [99.99, 'or $2.50/month for 40 months, no interest, with Flexiti', '$2.50, last payment $2.49'],
    [1299.99, 'or $32.50/month for 40 months, no interest, with Flexiti', '$32.50, last payment $32.49'],
    [15000, 'or $375.00/month for 40 months, no interest, with Flexiti', '$375.00'],
  ] as const) {
    it(`${amount}: the no-interest plan's longest term, to the cent (${line})`, async () => {
      const el = await promo({ amount });
      expect(lineText(el)).to.equal(line);
      await expect(el).to.be.accessible();
      await openDetails(el);
      // The dialog's row for 40 months has the same figure and the last payment.
      const rows = [...el.shadowRoot!.querySelectorAll('li')].find((li) =>
        li.textContent!.includes('Equal Payments, No Interest'),
      )!;
      const forty = [...rows.querySelectorAll('tbody tr')].find(
        (row) => squash(row.querySelector('th')!.textContent) === '40 months',
      )!;
      expect(squash(forty.querySelectorAll('td')[0]!.textContent)).to.equal(lastRow);
      expect(squash(forty.querySelectorAll('td')[1]!.textContent)).to.equal('$0.00');
      await expect(el).to.be.accessible();
    });
  }

  it('promotes only the plans the merchant lists in `plans`', async () => {
    const el = await promo({ amount: 1299.99 });
    el.setAttribute('plans', '6 7');
    await el.updateComplete;
    expect(lineText(el)).to.equal('or no payments for 12 months with Flexiti');
    el.setAttribute('plans', '4');
    await el.updateComplete;
    expect(lineText(el)).to.equal('or pay over time with Flexiti');
  });

  it('says "no payments for 12 months" when only deferred plans apply', async () => {
    const el = await promo(
      { amount: 1299.99 },
      seedOffers.filter((offer) => offer.offer_category === 'deferred_payment'),
    );
    expect(lineText(el)).to.equal('or no payments for 12 months with Flexiti');
    await expect(el).to.be.accessible();
  });

  it('shows the lowest payment with its APR when only interest plans apply and the merchant gave rates', async () => {
    const el = await promo(
      { amount: 1299.99 },
      seedOffers.filter((offer) => offer.plan_id === '2'),
    );
    expect(lineText(el)).to.equal('or pay over time with Flexiti');
    el.rates = { '2': 9.99 };
    await el.updateComplete;
    expect(lineText(el)).to.equal('or $27.61/month for 60 months at 9.99% APR with Flexiti');
    await openDetails(el);
    const sixty = [...el.shadowRoot!.querySelectorAll('tbody tr')].find(
      (row) => squash(row.querySelector('th')!.textContent) === '60 months',
    )!;
    expect([...sixty.querySelectorAll('td')].map((cell) => squash(cell.textContent))).to.deep.equal([
      '$27.61, last payment $27.95',
      '$356.95',
      '$1,656.94',
    ]);
  });

  it('in the dialog, gives an interest plan without a rate no figure, and says so', async () => {
    const el = await promo({ amount: 1299.99 });
    await openDetails(el);
    const regular = [...el.shadowRoot!.querySelectorAll('li')].find((li) =>
      li.textContent!.includes('Equal Payments, Regular Interest'),
    )!;
    expect(regular.querySelector('table')).to.equal(null);
    expect(squash(regular.textContent)).to.include(
      'The rate, your payments and the cost of borrowing are confirmed before you pay.',
    );
    const sac = [...el.shadowRoot!.querySelectorAll('li')].find((li) => li.textContent!.includes('(S.A.C.)'))!;
    expect(squash(sac.textContent)).to.include('No payments for 3, 6 or 8 months; payments start after that period.');
    expect(squash(sac.textContent)).to.include('S.A.C. means “same as cash”');
  });

  it('lists every plan for the amount in the dialog', async () => {
    const el = await promo({ amount: 1299.99 });
    await openDetails(el);
    const names = [...el.shadowRoot!.querySelectorAll('li h3')].map((heading) => squash(heading.textContent));
    expect(names).to.deep.equal(seedOffers.map((offer) => offer.plan_name.trim()));
  });
});

describe('<flexiti-promo>: nothing when no plan fits', () => {
  it('renders nothing above max-amount, takes no room, and is still accessible', async () => {
    const el = await promo({ amount: 15000, max: 10000 });
    expect(el.shadowRoot!.querySelector('.line')).to.equal(null);
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
    expect(el.getBoundingClientRect().height).to.equal(0);
    expect(hasState(el, 'empty')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('renders nothing below min-amount', async () => {
    const el = await promo({ amount: 99.99, min: 100 });
    expect(el.shadowRoot!.querySelector('.line')).to.equal(null);
  });

  it('renders nothing for a zero amount or without plans', async () => {
    expect((await promo({ amount: 0 })).shadowRoot!.querySelector('.line')).to.equal(null);
    expect((await promo({ amount: 100 }, [])).shadowRoot!.querySelector('.line')).to.equal(null);
  });

  it('reports a negative amount and malformed offers to the host, showing nothing for them', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en-CA"></div>`);
    const codes: string[] = [];
    wrapper.addEventListener('flexiti-error', (event) => codes.push((event as FlexitiErrorEvent).detail.code));
    const el = document.createElement('flexiti-promo');
    el.amount = -5;
    el.offers = [{ plan_id: '5' }] as unknown as typeof el.offers; // what a careless host sends
    wrapper.append(el);
    await settle(el);
    expect(codes.sort()).to.deep.equal(['invalid_amount', 'invalid_offers']);
    expect(el.shadowRoot!.querySelector('.line')).to.equal(null);
  });
});

describe('<flexiti-promo>: follows amount changes', () => {
  it('updates the line when the amount property or attribute changes, and disappears past max-amount', async () => {
    const el = await promo({ amount: 1299.99, max: 10000 });
    expect(lineText(el)).to.equal('or $32.50/month for 40 months, no interest, with Flexiti');
    el.amount = 2599.98;
    await el.updateComplete;
    expect(lineText(el)).to.equal('or $65.00/month for 40 months, no interest, with Flexiti');
    el.setAttribute('amount', '99.99');
    await el.updateComplete;
    expect(lineText(el)).to.equal('or $2.50/month for 40 months, no interest, with Flexiti');
    el.amount = 12000;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.line')).to.equal(null);
    el.amount = 400;
    await el.updateComplete;
    expect(lineText(el)).to.equal('or $10.00/month for 40 months, no interest, with Flexiti');
  });

  it('updates the dialog’s figures with the amount', async () => {
    const el = await promo({ amount: 1299.99 });
    await openDetails(el);
    el.amount = 400;
    await el.updateComplete;
    expect(squash($(el, 'dialog p')!.textContent)).to.equal('Plans offered for a purchase of $400.00:');
  });
});

describe('<flexiti-promo>: data from endpoint', () => {
  beforeEach(() => forgetOffers());

  it('48 promos on one page make one request, and all show their line', async () => {
    const stub = stubFetch(async () => json({ offer_types: seedOffers }));
    try {
      const amounts = Array.from({ length: 48 }, (_, index) => 100 + index * 25);
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="en-CA">
        ${amounts.map((amount) => html`<flexiti-promo endpoint="/api/flexiti" amount=${amount}></flexiti-promo>`)}
      </div>`);
      const promos = [...wrapper.querySelectorAll('flexiti-promo')];
      await waitUntil(
        () => promos.every((el) => el.shadowRoot!.querySelector('.line .text')),
        'every promo shows its line',
      );
      expect(stub.calls).to.deep.equal([new URL('/api/flexiti/form-values?lang=en', location.href).href]);
      expect(lineText(promos[0]!)).to.equal('or $2.50/month for 40 months, no interest, with Flexiti');
    } finally {
      stub.restore();
    }
  });

  it('asks for the French plan names on a French page', async () => {
    const stub = stubFetch(async () => json({ offer_types: seedOffers }));
    try {
      await setLocale('fr-CA');
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="fr-CA"><flexiti-promo endpoint="/api/flexiti/" amount="100"></flexiti-promo></div>`,
      );
      const el = wrapper.querySelector('flexiti-promo')!;
      await waitUntil(() => el.shadowRoot!.querySelector('.line .text'));
      expect(stub.calls).to.deep.equal([new URL('/api/flexiti/form-values?lang=fr', location.href).href]);
    } finally {
      stub.restore();
    }
  });

  it('prefers the offers property to endpoint: no request', async () => {
    const stub = stubFetch(async () => json({ offer_types: [] }));
    try {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="en-CA">
        <flexiti-promo endpoint="/api/flexiti" amount="1299.99" .offers=${seedOffers}></flexiti-promo>
      </div>`);
      const el = wrapper.querySelector('flexiti-promo')!;
      await settle(el);
      expect(lineText(el)).to.equal('or $32.50/month for 40 months, no interest, with Flexiti');
      expect(stub.calls).to.deep.equal([]);
    } finally {
      stub.restore();
    }
  });

  for (const [name, answer, type, code] of [
    ['a network failure', () => Promise.reject(new TypeError('Failed to fetch')), 'network', 'network_error'],
    ['a 502', async () => json({ error: 'bad_gateway' }, 502), 'server', 'form_values_unavailable'],
    [
      'a 404 (a wrong endpoint)',
      async () => new Response('Not found', { status: 404 }),
      'implementation',
      'form_values_unavailable',
    ],
    [
      'a body that is not JSON',
      async () => new Response('<html>', { status: 200 }),
      'implementation',
      'invalid_response',
    ],
    ['JSON without offer_types', async () => json({ salutation: {} }), 'implementation', 'invalid_response'],
  ] as const) {
    it(`shows nothing and reports ${name} (${code}); a later promo asks again`, async () => {
      const stub = stubFetch(answer as () => Promise<Response>);
      try {
        const wrapper = await fixture<HTMLDivElement>(html`<div lang="en-CA"></div>`);
        const el = document.createElement('flexiti-promo');
        el.endpoint = '/api/flexiti';
        el.amount = 500;
        const reported = oneEvent(wrapper, 'flexiti-error');
        wrapper.append(el);
        const event = (await reported) as FlexitiErrorEvent;
        expect([event.detail.type, event.detail.code, event.detail.source]).to.deep.equal([
          type,
          code,
          'flexiti-promo',
        ]);
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('.line')).to.equal(null);
        expect(hasState(el, 'empty')).to.equal(true);
        const again = document.createElement('flexiti-promo');
        again.endpoint = '/api/flexiti';
        again.amount = 500;
        const reportedAgain = oneEvent(wrapper, 'flexiti-error');
        wrapper.append(again);
        await reportedAgain;
        expect(stub.calls.length).to.equal(2);
      } finally {
        stub.restore();
      }
    });
  }

  it('keeps its line while loading: the host is as tall before the data as after (no layout shift)', async () => {
    const answer = deferred<Response>();
    const stub = stubFetch(() => answer.promise);
    try {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="en-CA" style="width: 900px">
        <flexiti-promo endpoint="/api/flexiti" amount="1299.99"></flexiti-promo>
        <p id="below">Below</p>
      </div>`);
      const el = wrapper.querySelector('flexiti-promo')!;
      await settle(el);
      expect(hasState(el, 'loading')).to.equal(true);
      const before = el.getBoundingClientRect().height;
      const belowBefore = wrapper.querySelector('#below')!.getBoundingClientRect().top;
      expect(before).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
      answer.resolve(json({ offer_types: seedOffers }));
      await waitUntil(() => el.shadowRoot!.querySelector('.line .text'));
      await el.updateComplete;
      expect(hasState(el, 'loading')).to.equal(false);
      expect(el.getBoundingClientRect().height).to.equal(before);
      expect(wrapper.querySelector('#below')!.getBoundingClientRect().top).to.equal(belowBefore);
    } finally {
      stub.restore();
    }
  });
});

describe('<flexiti-promo>: the dialog', () => {
  it('opens with Enter on "Learn more", takes focus, is modal and labelled; Escape closes it and focus returns', async () => {
    const el = await promo({ amount: 1299.99 });
    const learnMore = button(el);
    expect(learnMore.getAttribute('aria-haspopup')).to.equal('dialog');
    learnMore.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog(el).open, 'the dialog opens');
    expect(dialog(el).matches(':modal')).to.equal(true);
    const focused = el.shadowRoot!.activeElement;
    expect(focused === dialog(el) || dialog(el).contains(focused)).to.equal(true);
    const title = el.shadowRoot!.getElementById(dialog(el).getAttribute('aria-labelledby')!);
    expect(squash(title!.textContent)).to.equal('Pay over time with Flexiti');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(el).open, 'Escape closes the dialog');
    expect(el.shadowRoot!.activeElement).to.equal(learnMore);
  });

  it('closes with its Close button (by keyboard) and returns focus to "Learn more"', async () => {
    const el = await promo({ amount: 99.99 });
    button(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog(el).open);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~="close"]'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !dialog(el).open);
    expect(el.shadowRoot!.activeElement).to.equal(button(el));
  });

  it('loads the dialog only when a shopper reaches for "Learn more" (focus or pointer)', async () => {
    const el = await promo();
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
    button(el).focus();
    await waitUntil(() => el.shadowRoot!.querySelector('dialog'), 'focus loads the dialog');
    expect(dialog(el).open).to.equal(false);
  });

  it('closes on a click on its backdrop, not on a click inside it', async () => {
    const el = await promo();
    const opened = await openDetails(el);
    $<HTMLElement>(el, 'dialog h2')!.click();
    expect(opened.open).to.equal(true);
    opened.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitUntil(() => !opened.open, 'a backdrop click closes the dialog');
  });

  it('is accessible open in dark mode', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const el = await promo({ amount: 1299.99 });
      await openDetails(el);
      await expect(el).to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('keeps focus on "Learn more" while the line follows an amount change', async () => {
    const el = await promo({ amount: 1299.99 });
    const learnMore = button(el);
    learnMore.focus();
    el.amount = 400;
    await el.updateComplete;
    expect(lineText(el)).to.equal('or $10.00/month for 40 months, no interest, with Flexiti');
    expect(button(el)).to.equal(learnMore);
    expect(el.shadowRoot!.activeElement).to.equal(learnMore);
  });

  it('writes every text of the line with textContent: markup in a plan name or the data stays text', async () => {
    const el = await promo({ amount: 1299.99 }, [
      {
        plan_name: '<img src=x onerror=alert(1)> No Interest',
        plan_id: '5',
        offer_category: 'equal_billing',
        term_options: [12],
      },
    ]);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    await openDetails(el);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(squash($(el, 'li h3')!.textContent)).to.equal('<img src=x onerror=alert(1)> No Interest');
  });

  describe("when the dialog's file cannot be loaded", () => {
    afterEach(() => importDialogWith());

    it('says so beside "Learn more", reports it, keeps the line and focus, and opens on the next press', async () => {
      const el = await promo({ amount: 1299.99 });
      let attempts = 0;
      importDialogWith(() => {
        attempts++;
        return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      });
      const reported = oneEvent(el, 'flexiti-error');
      button(el).focus();
      await sendKeys({ press: 'Enter' });
      const event = (await reported) as FlexitiErrorEvent;
      expect([event.detail.type, event.detail.code, event.detail.source]).to.deep.equal([
        'network',
        'network_error',
        'flexiti-promo',
      ]);
      const alert = () => $(el, '[role="alert"]');
      await waitUntil(() => squash(alert()?.textContent) !== '', 'the failure is said');
      expect(squash(alert()!.textContent)).to.equal('The details could not be loaded. Try again in a moment.');
      expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
      expect(lineText(el)).to.equal('or $32.50/month for 40 months, no interest, with Flexiti');
      expect(el.shadowRoot!.activeElement).to.equal(button(el));
      await expect(el).to.be.accessible();

      // The network is back: the next press loads the dialog, opens it, and the message goes.
      importDialogWith();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialog(el)?.open, 'the dialog opens on the next press');
      expect(squash(alert()!.textContent)).to.equal('');
      expect(attempts).to.be.greaterThan(0);
    });

    it('says it in French on a French page', async () => {
      const el = await promo({ amount: 1299.99, lang: 'fr-CA' });
      importDialogWith(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
      button(el).click();
      await waitUntil(() => squash($(el, '[role="alert"]')?.textContent) !== '', 'the failure is said');
      expect(squash($(el, '[role="alert"]')!.textContent)).to.equal(
        "Les détails n'ont pas pu être chargés. Réessayez dans un moment.",
      );
    });

    it('stays quiet when only pointing at or focusing "Learn more" failed to load it (reported, nothing said)', async () => {
      const el = await promo({ amount: 1299.99 });
      importDialogWith(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
      const reported = oneEvent(el, 'flexiti-error');
      button(el).focus();
      await reported;
      await el.updateComplete;
      expect(squash($(el, '[role="alert"]')?.textContent)).to.equal('');
    });
  });

  it('explains what Flexiti is', async () => {
    const el = await promo();
    await openDetails(el);
    expect(squash(dialog(el).textContent)).to.include('What is Flexiti?');
    expect(squash(dialog(el).textContent)).to.include('Financing is subject to credit approval.');
  });
});

describe('<flexiti-promo>: French (fr-CA)', () => {
  it('writes the line and the money the Canadian French way', async () => {
    const el = await promo({ amount: 1299.99, lang: 'fr-CA' });
    expect(lineText(el)).to.equal('ou 32,50\u00a0$/mois pendant 40 mois, sans intérêt, avec Flexiti');
    expect(squash(button(el).textContent)).to.equal('En savoir plus');
    expect(button(el).getAttribute('aria-label')).to.equal('En savoir plus sur le financement Flexiti');
    await expect(el).to.be.accessible();
  });

  it('writes the dialog in French, with a non-breaking space before the colon', async () => {
    const el = await promo({ amount: 1299.99, lang: 'fr-CA' });
    await openDetails(el);
    expect(squash($(el, 'h2')!.textContent)).to.equal('Payer par versements avec Flexiti');
    expect($(el, 'dialog p')!.textContent!.trim()).to.equal(
      'Plans offerts pour un achat de 1\u00a0299,99\u00a0$\u00a0:',
    );
    const deferredOnly = await promo(
      { amount: 1299.99, lang: 'fr-CA' },
      seedOffers.filter((offer) => offer.offer_category === 'deferred_payment'),
    );
    expect(lineText(deferredOnly)).to.equal('ou aucun paiement pendant 12 mois avec Flexiti');
  });
});

describe('<flexiti-promo>: variants and theming', () => {
  it('the text variant takes the page’s font, size and colour', async () => {
    const wrapper =
      await fixture<HTMLDivElement>(html`<div lang="en-CA" style="font: italic 19px Georgia, serif; color: rgb(120, 20, 20)">
      <flexiti-promo variant="text" amount="1299.99" .offers=${seedOffers}></flexiti-promo>
    </div>`);
    const el = wrapper.querySelector('flexiti-promo')!;
    await settle(el);
    const line = getComputedStyle($(el, '.line')!);
    expect(line.fontFamily).to.equal('Georgia, serif');
    expect(line.fontSize).to.equal('19px');
    expect(line.color).to.equal('rgb(120, 20, 20)');
    expect(getComputedStyle(button(el)).color).to.equal('rgb(120, 20, 20)');
    await expect(el).to.be.accessible();
  });

  it('exposes its parts to the page', async () => {
    const el = await promo();
    await openDetails(el);
    for (const part of ['line', 'learn-more', 'dialog', 'dialog-heading', 'plan', 'estimate', 'close']) {
      expect(el.shadowRoot!.querySelector(`[part~="${part}"]`), part).to.not.equal(null);
    }
  });

  it('takes the primary colour token for "Learn more"', async () => {
    const wrapper =
      await fixture<HTMLDivElement>(html`<div lang="en-CA" style="--flexiti-color-primary: rgb(0, 90, 40)">
      <flexiti-promo amount="1299.99" .offers=${seedOffers}></flexiti-promo>
    </div>`);
    const el = wrapper.querySelector('flexiti-promo')!;
    await settle(el);
    expect(getComputedStyle(button(el)).color).to.equal('rgb(0, 90, 40)');
  });
});
