import { aTimeout, expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define/flexiti-terms.js';
import type { FlexitiTerms } from './terms.js';
import { FlexitiTermsChangeEvent } from './terms.js';
import { type TermsQuery } from '../../model/index.js';
import { textNow } from '../../../test/texts.js';
import { setLocale } from '../../internal/locale.js';
import type { FlexitiErrorEvent } from '../../events/notifications.js';
import { HOST_CONNECTED_EVENT } from '../../events/request-event.js';
import { XSS_CORPUS, XSS_FLAG } from '../../../test/xss-corpus.js';
import { countSubmits, describeNode, enabledControls, text } from '../../../test/browser/dom.js';

// ── Harness ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** What a host answers a request with (`undefined`: it does not answer). */
type Answerer = (request: TermsQuery, index: number) => unknown;

interface Mounted {
  el: FlexitiTerms;
  wrapper: HTMLElement;
  requests: TermsQuery[];
  errors: FlexitiErrorEvent[];
}

interface MountOptions {
  attrs?: Record<string, string>;
  /** `lang` on the wrapper (an ancestor, not the element). */
  wrapperLang?: string;
  answer?: Answerer;
  /** Wrap in a native <form> instead of a <div>. */
  form?: boolean;
  /** Extra content before the element (to start keyboard tests from). */
  before?: string;
}

/** Terms per query: a heading naming the query, so a test can tell which answer is on screen. */
function termsFor({ province, lang }: TermsQuery): string {
  return lang === 'fr'
    ? `<div id='tcs'><h2>Modalités ${province}</h2><p>Texte français des modalités pour ${province}.</p></div>`
    : `<div id='tcs'><h2>Terms ${province}</h2><p>English terms text for ${province}.</p></div>`;
}

const answerTerms: Answerer = (request) => termsFor(request);

async function mount(options: MountOptions = {}): Promise<Mounted> {
  const { attrs = { province: 'ON' }, wrapperLang = 'en-CA', answer = answerTerms } = options;
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const wrapper: HTMLElement = document.createElement(options.form ? 'form' : 'div');
  wrapper.lang = wrapperLang;
  // One language per page: the page takes the wrapper's.
  await setLocale(wrapperLang);
  const requests: TermsQuery[] = [];
  const errors: FlexitiErrorEvent[] = [];
  wrapper.addEventListener('flexiti-terms-request', (event) => {
    const index = requests.push(event.detail.request) - 1;
    const outcome = answer(event.detail.request, index);
    if (outcome !== undefined) event.detail.respondWith(outcome);
  });
  wrapper.addEventListener('flexiti-error', (event) => errors.push(event));
  if (options.before) wrapper.append(document.createRange().createContextualFragment(options.before));
  const el = document.createElement('flexiti-terms');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  wrapper.append(el);
  container.append(wrapper);
  await el.updateComplete;
  return { el, wrapper, requests, errors };
}

async function shown(el: FlexitiTerms): Promise<void> {
  await waitUntil(() => el.status === 'shown', 'the terms were not shown');
  await el.updateComplete;
}

async function failed(el: FlexitiTerms): Promise<void> {
  await waitUntil(() => el.status === 'failed', 'the terms did not fail');
  await el.updateComplete;
}

const part = <T extends Element = HTMLElement>(el: FlexitiTerms, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
const checkbox = (el: FlexitiTerms) => part<HTMLInputElement>(el, '#agreement')!;
const region = (el: FlexitiTerms) => part(el, '[role="region"]');
const regionText = (el: FlexitiTerms) => region(el)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** What has focus inside the element, as `tag.class#id` (DOM nodes in a failing chai comparison hang the runner). */
const focused = (el: FlexitiTerms): string => describeNode(el.shadowRoot!.activeElement);

/** Waits until @lit/localize has switched the page to `locale` and the element re-rendered. */
async function inLocale(el: FlexitiTerms, title: string): Promise<void> {
  await waitUntil(() => text(part(el, '.title')) === title, `title never became "${title}"`);
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

async function tick(el: FlexitiTerms): Promise<void> {
  checkbox(el).click();
  await el.updateComplete;
}

async function sha256(textToHash: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(textToHash));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const flags = globalThis as unknown as Record<string, unknown>;

// Each test starts on an English page (one language per page; some tests switch it).
beforeEach(() => setLocale('en-CA'));

describe('<flexiti-terms>', () => {
  describe('accessibility', () => {
    for (const [wrapperLang, title] of [
      ['en-CA', 'Terms and conditions'],
      ['fr-CA', 'Conditions'],
    ] as const) {
      describe(`in ${wrapperLang}`, () => {
        it('is accessible with no province yet', async () => {
          const { el, requests } = await mount({ attrs: {}, wrapperLang });
          await inLocale(el, title);
          expect(requests).to.have.length(0);
          await expect(el).to.be.accessible();
        });

        it('is accessible while loading', async () => {
          const { el } = await mount({ wrapperLang, answer: () => new Promise(() => {}) });
          await inLocale(el, title);
          expect(el.status).to.equal('loading');
          await expect(el).to.be.accessible();
        });

        it('is accessible with the terms loaded', async () => {
          const { el } = await mount({ wrapperLang });
          await shown(el);
          await inLocale(el, title);
          await expect(el).to.be.accessible();
        });

        it('is accessible when the terms failed', async () => {
          const { el } = await mount({ wrapperLang, answer: () => new Response('', { status: 503 }) });
          await failed(el);
          await inLocale(el, title);
          await expect(el).to.be.accessible();
        });

        it('is accessible once agreed', async () => {
          const { el } = await mount({ wrapperLang });
          await shown(el);
          await inLocale(el, title);
          await tick(el);
          expect(el.checked).to.equal(true);
          await expect(el).to.be.accessible();
        });

        it('is accessible with the required message showing', async () => {
          const { el, wrapper } = await mount({ wrapperLang, form: true, attrs: { province: 'QC', required: '' } });
          await shown(el);
          await inLocale(el, title);
          (wrapper as HTMLFormElement).checkValidity();
          await el.updateComplete;
          expect(text(part(el, '#agreement-message'))).to.contain(textNow('tos.required', wrapperLang));
          await expect(el).to.be.accessible();
        });
      });
    }

    it('names the region after the title and makes it focusable', async () => {
      const { el } = await mount();
      await shown(el);
      const scrollable = region(el)!;
      expect(scrollable.getAttribute('tabindex')).to.equal('0');
      const label = el.shadowRoot!.getElementById(scrollable.getAttribute('aria-labelledby')!);
      expect(text(label)).to.equal('Terms and conditions');
      expect(scrollable.getAttribute('lang')).to.equal('en-CA');
    });
  });

  describe('requests', () => {
    it('asks for the terms on connection with {province, lang} and shows them', async () => {
      const { el, requests } = await mount();
      await shown(el);
      expect(requests).to.deep.equal([{ province: 'ON', lang: 'en' }]);
      expect(text(region(el)!.querySelector('h2'))).to.equal('Terms ON');
      expect(text(region(el)!.querySelector('p'))).to.equal('English terms text for ON.');
    });

    it('normalizes the province (lower case, legacy codes)', async () => {
      const { el, requests } = await mount({ attrs: { province: 'pq', 'terms-lang': 'en' } });
      await shown(el);
      expect(requests).to.deep.equal([{ province: 'QC', lang: 'en' }]);
    });

    it('asks for nothing without a province, then asks once one is set', async () => {
      const { el, requests } = await mount({ attrs: {} });
      await aTimeout(20);
      expect(requests).to.have.length(0);
      expect(el.status).to.equal('idle');
      expect(checkbox(el).disabled).to.equal(true);
      el.province = 'AB';
      await shown(el);
      expect(requests).to.deep.equal([{ province: 'AB', lang: 'en' }]);
    });

    it('asks again when the province changes', async () => {
      const { el, requests } = await mount();
      await shown(el);
      el.province = 'BC';
      await waitUntil(() => requests.length === 2);
      await shown(el);
      expect(requests[1]).to.deep.equal({ province: 'BC', lang: 'en' });
      expect(regionText(el)).to.contain('Terms BC');
    });

    it('asks again when the locale changes the language', async () => {
      const { el, wrapper, requests } = await mount();
      await shown(el);
      wrapper.lang = 'fr-CA';
      void setLocale('fr-CA');
      await waitUntil(() => requests.length === 2);
      await shown(el);
      expect(requests[1]).to.deep.equal({ province: 'ON', lang: 'fr' });
      expect(regionText(el)).to.contain('Modalités ON');
      expect(region(el)!.getAttribute('lang')).to.equal('fr-CA');
      await inLocale(el, 'Conditions');
    });

    it('does not ask again when the locale changes but the terms language does not (Quebec, French first)', async () => {
      const { el, wrapper, requests } = await mount({ attrs: { province: 'QC' } });
      await shown(el);
      wrapper.lang = 'fr-CA';
      void setLocale('fr-CA');
      await inLocale(el, 'Conditions');
      await aTimeout(20);
      expect(requests).to.deep.equal([{ province: 'QC', lang: 'fr' }]);
    });

    it('accepts a Response and a promise of a string', async () => {
      const first = await mount({ answer: (request) => new Response(termsFor(request), { status: 200 }) });
      await shown(first.el);
      expect(regionText(first.el)).to.contain('Terms ON');
      const second = await mount({ answer: (request) => Promise.resolve(termsFor(request)) });
      await shown(second.el);
      expect(regionText(second.el)).to.contain('Terms ON');
    });

    it('drops an answer that arrives after the province changed', async () => {
      const slow = deferred<string>();
      const { el, requests } = await mount({
        answer: (request, index) => (index === 0 ? slow.promise : termsFor(request)),
      });
      await waitUntil(() => requests.length === 1);
      el.province = 'QC';
      el.termsLang = 'en';
      await waitUntil(() => requests.length === 2);
      await shown(el);
      expect(regionText(el)).to.contain('Terms QC');
      slow.resolve(termsFor({ province: 'ON', lang: 'en' }));
      await aTimeout(20);
      el.requestUpdate();
      await el.updateComplete;
      expect(regionText(el)).to.contain('Terms QC');
      expect(regionText(el)).not.to.contain('Terms ON');
      await tick(el);
      expect(el.consent).to.include({ province: 'QC', lang: 'en' });
    });

    it('drops a stale answer that arrives while the new one is still pending', async () => {
      const slow = deferred<string>();
      const newer = deferred<string>();
      const { el, requests } = await mount({
        answer: (_request, index) => (index === 0 ? slow.promise : newer.promise),
      });
      await waitUntil(() => requests.length === 1);
      el.province = 'MB';
      await waitUntil(() => requests.length === 2);
      slow.resolve(termsFor({ province: 'ON', lang: 'en' }));
      await aTimeout(20);
      expect(el.status).to.equal('loading');
      expect(region(el) === null).to.equal(true);
      newer.resolve(termsFor({ province: 'MB', lang: 'en' }));
      await shown(el);
      expect(regionText(el)).to.contain('Terms MB');
    });

    it('asks once reconnected when it was removed before it could ask', async () => {
      const { el, wrapper, requests } = await mount({ attrs: {} });
      el.province = 'ON';
      el.remove();
      await aTimeout(20);
      expect(requests).to.have.length(0);
      wrapper.append(el);
      await shown(el);
      expect(requests).to.deep.equal([{ province: 'ON', lang: 'en' }]);
    });

    it('does not ask again when moved in the page with the same terms', async () => {
      const { el, wrapper, requests } = await mount();
      await shown(el);
      await tick(el);
      wrapper.prepend(el);
      await el.updateComplete;
      await aTimeout(20);
      expect(requests).to.have.length(1);
      expect(el.checked).to.equal(true);
    });

    it('shows a configuration error at once when nobody answers', async () => {
      const { el, errors } = await mount({ answer: () => undefined });
      await failed(el);
      expect(errors.map((event) => event.detail.code)).to.deep.equal(['no_handler']);
    });

    it('asks again when a host connects after the page loaded (a framework hydrating late), and shows the terms', async () => {
      let hydrated = false;
      const { el, requests } = await mount({ answer: (request) => (hydrated ? termsFor(request) : undefined) });
      await failed(el);
      hydrated = true;
      window.dispatchEvent(new Event(HOST_CONNECTED_EVENT));
      await shown(el);
      expect(requests).to.deep.equal([
        { province: 'ON', lang: 'en' },
        { province: 'ON', lang: 'en' },
      ]);
      expect(regionText(el)).to.contain('English terms text for ON');
    });

    it('does not ask again on a late host once removed from the page', async () => {
      const { el, requests } = await mount({ answer: () => undefined });
      await failed(el);
      el.remove();
      window.dispatchEvent(new Event(HOST_CONNECTED_EVENT));
      await aTimeout(20);
      expect(requests).to.have.length(1);
    });
  });

  describe('Quebec and French', () => {
    it('asks for the French terms first for Quebec, even on an English page', async () => {
      const { el, requests } = await mount({ attrs: { province: 'QC' }, wrapperLang: 'en-CA' });
      await shown(el);
      expect(requests).to.deep.equal([{ province: 'QC', lang: 'fr' }]);
      expect(region(el)!.getAttribute('lang')).to.equal('fr-CA');
      expect(text(part(el, '.title'))).to.equal('Terms and conditions');
    });

    const englishTerms =
      "<div id='tcs'><h2>Terms</h2><p>By using your account you agree to the terms of this agreement. You are responsible for the payments and the interest, if any, that you owe to us for this account.</p></div>";

    it('#10 English terms answered to a French request are shown with a notice, never silently', async () => {
      const { el, errors } = await mount({ attrs: { province: 'QC' }, answer: () => englishTerms });
      await shown(el);
      expect(text(part(el, '[part="language-notice"]'))).to.equal(
        'These terms came back in English, although French was asked for. You may ask the store for the French version before you agree.',
      );
      expect(errors.map((event) => event.detail.code)).to.include('terms_language_mismatch');
      await expect(el).to.be.accessible();
    });

    it('#10 the notice is in French on a French page', async () => {
      const { el } = await mount({ attrs: { province: 'QC' }, wrapperLang: 'fr-CA', answer: () => englishTerms });
      await shown(el);
      await waitUntil(
        () => text(part(el, '[part="language-notice"]')).startsWith('Ces conditions'),
        'notice not in French',
      );
      await expect(el).to.be.accessible();
    });

    it('French terms answered to a French request show no language notice', async () => {
      const french =
        "<div id='tcs'><h2>Modalités</h2><p>En utilisant votre compte, vous acceptez les modalités de cette entente. Vous êtes responsable des paiements et des intérêts, le cas échéant, pour ce compte.</p></div>";
      const { el, errors } = await mount({ attrs: { province: 'QC' }, answer: () => french });
      await shown(el);
      expect(part(el, '[part="language-notice"]')).to.equal(null);
      expect(errors).to.have.length(0);
    });

    it('English terms answered to an English request show no language notice', async () => {
      const { el } = await mount({ attrs: { province: 'ON' }, answer: () => englishTerms });
      await shown(el);
      expect(part(el, '[part="language-notice"]')).to.equal(null);
    });

    it('takes terms-lang as the page’s explicit choice', async () => {
      const { el, requests } = await mount({ attrs: { province: 'QC', 'terms-lang': 'en-CA' } });
      await shown(el);
      expect(requests).to.deep.equal([{ province: 'QC', lang: 'en' }]);
    });

    it("does not take the element's own lang as a choice: one language per page, terms-lang chooses", async () => {
      const { el, requests } = await mount({ attrs: { province: 'QC', lang: 'en-CA' } });
      await shown(el);
      el.setAttribute('lang', 'en');
      await aTimeout(20);
      expect(requests).to.deep.equal([{ province: 'QC', lang: 'fr' }]);
    });

    it('offers a visible switch to the other language, labelled in that language', async () => {
      const { el, requests } = await mount({ attrs: { province: 'QC' } });
      await shown(el);
      const toEnglish = part<HTMLButtonElement>(el, '[part="language-switch"]')!;
      expect(text(toEnglish)).to.equal('Read the terms in English');
      expect(toEnglish.lang).to.equal('en-CA');
      toEnglish.click();
      await waitUntil(() => requests.length === 2);
      await shown(el);
      expect(requests[1]).to.deep.equal({ province: 'QC', lang: 'en' });
      expect(regionText(el)).to.contain('Terms QC');
      const toFrench = part<HTMLButtonElement>(el, '[part="language-switch"]')!;
      expect(text(toFrench)).to.equal('Lire les conditions en français');
      expect(toFrench.lang).to.equal('fr-CA');
    });

    it('keeps the customer’s language when the province changes, until the page sets terms-lang', async () => {
      const { el, requests } = await mount({ attrs: { province: 'QC' } });
      await shown(el);
      part<HTMLButtonElement>(el, '[part="language-switch"]')!.click();
      await waitUntil(() => requests.length === 2);
      el.province = 'ON';
      await waitUntil(() => requests.length === 3);
      expect(requests[2]).to.deep.equal({ province: 'ON', lang: 'en' });
      el.termsLang = 'fr';
      await waitUntil(() => requests.length === 4);
      expect(requests[3]).to.deep.equal({ province: 'ON', lang: 'fr' });
    });

    it('keeps the formatting of Quebec’s compulsory clause: bold heading, bold text, table', async () => {
      const quebec = `<div id='tcs'><h3><b>CLAUSE OBLIGATOIRE</b></h3><p><strong>Ratio d’endettement supérieur à 45 %</strong></p>
        <table><thead><tr><th scope="col">Élément</th><th>Valeur</th></tr></thead>
        <tbody><tr><td colspan="2">Taux de crédit 29,99 %</td></tr></tbody></table>
        <ul><li>Droit de résolution de 10 jours</li></ul></div>`;
      const { el } = await mount({ attrs: { province: 'QC' }, answer: () => quebec });
      await shown(el);
      const content = region(el)!;
      expect(text(content.querySelector('h3 > b'))).to.equal('CLAUSE OBLIGATOIRE');
      expect(text(content.querySelector('p > strong'))).to.equal('Ratio d’endettement supérieur à 45 %');
      expect(content.querySelectorAll('table thead th')).to.have.length(2);
      expect(content.querySelector('th')!.getAttribute('scope')).to.equal('col');
      expect(content.querySelector('td')!.getAttribute('colspan')).to.equal('2');
      expect(text(content.querySelector('ul > li'))).to.equal('Droit de résolution de 10 jours');
      expect(content.querySelector('#tcs') === null).to.equal(true); // ids are dropped; the text is kept
    });
  });

  describe('sanitizing', () => {
    afterEach(() => {
      delete flags[XSS_FLAG];
    });

    /** Long enough for error events of failed loads and autofocus handlers to have fired. */
    async function settle(): Promise<void> {
      await nextFrame();
      await aTimeout(60);
      await nextFrame();
    }

    it('the probe can fail: the same payloads, inserted unsanitized, set the flag', async () => {
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      container.append(
        document.createRange().createContextualFragment(`<img src="data:,x" onerror="window.${XSS_FLAG}=1">`),
      );
      await settle();
      expect(flags[XSS_FLAG]).to.equal(1);
      delete flags[XSS_FLAG];
      container.append(
        document.createRange().createContextualFragment(`<details open ontoggle="window.${XSS_FLAG}=2"></details>`),
      );
      await settle();
      expect(flags[XSS_FLAG]).to.equal(2);
      container.replaceChildren();
    });

    it('has at least 40 distinct vectors', () => {
      expect(new Set(XSS_CORPUS.map((vector) => vector.html)).size).to.be.at.least(40);
      expect(new Set(XSS_CORPUS.map((vector) => vector.name)).size).to.equal(XSS_CORPUS.length);
    });

    const OWN_IDS = new Set(['title', 'agreement', 'agreement-hint', 'agreement-message']);

    for (const vector of XSS_CORPUS) {
      it(`neutralizes: ${vector.name}`, async () => {
        const { el } = await mount({ answer: () => `<p>Terms for the test.</p>${vector.html}` });
        await shown(el);
        await settle();
        expect(flags[XSS_FLAG], 'the payload ran').to.equal(undefined);
        const root = el.shadowRoot!;
        expect(
          root.querySelectorAll(
            'script, style, iframe, frame, object, embed, img, svg, math, form, link, meta, base, template, video, audio, details, textarea, select',
          ),
        ).to.have.length(0);
        expect(root.querySelectorAll('input')).to.have.length(1); // only the agreement checkbox
        expect([...root.querySelectorAll('button')].every((button) => button.matches('.switch, .retry'))).to.equal(
          true,
        );
        for (const element of root.querySelectorAll('*')) {
          for (const attribute of element.attributes) {
            const compact = attribute.value.replace(/[\u0000-\u0020\u00a0]/g, '').toLowerCase();
            expect(attribute.name, `<${element.localName}> keeps a handler`).not.to.match(/^on/i);
            expect(attribute.name, `<${element.localName}> keeps a style`).not.to.equal('style');
            expect(compact, `<${element.localName} ${attribute.name}>`).not.to.match(/^(?:javascript|vbscript|data):/);
            if (attribute.name === 'id')
              expect(OWN_IDS.has(attribute.value), `foreign id ${attribute.value}`).to.equal(true);
          }
        }
        for (const link of root.querySelectorAll('a[href]')) {
          expect(link.getAttribute('href')).to.match(/^(?:https|mailto|tel):/);
        }
        // The agreement is still there and visible (a <style> could have hidden it).
        expect(checkbox(el).checkVisibility()).to.equal(true);
        expect(regionText(el)).to.contain('Terms for the test.');
      });
    }

    it('keeps https, mailto and tel links, opening in a new tab without an opener; drops http and relative ones', async () => {
      const links = `<p><a href="https://example.com/privacy">privacy</a> <a href="mailto:help@example.com">mail</a>
        <a href="tel:+18772593750">call</a> <a href="http://example.com/">plain</a> <a href="/local">local</a>
        <a href="https://example.com/x" target="_self" rel="opener">self</a></p>`;
      const { el } = await mount({ answer: () => links });
      await shown(el);
      const anchors = [...region(el)!.querySelectorAll('a')];
      const described = anchors.map((a) => [
        text(a),
        a.getAttribute('href'),
        a.getAttribute('target'),
        a.getAttribute('rel'),
      ]);
      expect(described).to.deep.equal([
        ['privacy', 'https://example.com/privacy', '_blank', 'noopener noreferrer'],
        ['mail', 'mailto:help@example.com', '_blank', 'noopener noreferrer'],
        ['call', 'tel:+18772593750', '_blank', 'noopener noreferrer'],
        ['plain', null, null, null],
        ['local', null, null, null],
        ['self', 'https://example.com/x', '_blank', 'noopener noreferrer'],
      ]);
    });
  });

  describe('form participation', () => {
    it('is invalid while required and unchecked, with the localized message, and valid once ticked', async () => {
      const { el, wrapper } = await mount({ form: true, attrs: { province: 'ON', required: '' } });
      const form = wrapper as HTMLFormElement;
      await shown(el);
      expect(form.checkValidity()).to.equal(false);
      expect(el.validity.valueMissing).to.equal(true);
      expect(el.validationMessage).to.equal(textNow('tos.required', 'en-CA'));
      expect(new FormData(form).has('tos_agreement')).to.equal(false);
      await tick(el);
      expect(form.checkValidity()).to.equal(true);
      expect(new FormData(form).get('tos_agreement')).to.equal('true');
    });

    it('gives the validation message in French on a French page', async () => {
      const { el } = await mount({ form: true, wrapperLang: 'fr-CA', attrs: { province: 'ON', required: '' } });
      await shown(el);
      await inLocale(el, 'Conditions');
      expect(el.validationMessage).to.equal(textNow('tos.required', 'fr-CA'));
    });

    it('stays invalid while the terms are unavailable, and cannot be ticked', async () => {
      const { el, wrapper } = await mount({
        form: true,
        attrs: { province: 'ON', required: '' },
        answer: () => new Response('', { status: 500 }),
      });
      await failed(el);
      expect(checkbox(el).disabled).to.equal(true);
      el.checked = true;
      await el.updateComplete;
      expect(el.checked).to.equal(false);
      expect((wrapper as HTMLFormElement).checkValidity()).to.equal(false);
    });

    it('blocks the submit and shows the message on the checkbox after a submit attempt', async () => {
      const { el, wrapper } = await mount({ form: true, attrs: { province: 'ON', required: '' } });
      await shown(el);
      const form = wrapper as HTMLFormElement;
      const submitted = countSubmits(form);
      expect(text(part(el, '#agreement-message'))).to.equal('');
      form.requestSubmit();
      await el.updateComplete;
      expect(submitted()).to.equal(0);
      const box = checkbox(el);
      expect(box.getAttribute('aria-invalid')).to.equal('true');
      expect(box.getAttribute('aria-describedby')).to.contain('agreement-message');
      expect(text(part(el, '#agreement-message'))).to.equal(`Error: ${textNow('tos.required', 'en-CA')}`);
      expect(el.matches(':state(user-invalid)')).to.equal(true);
      await tick(el);
      expect(box.getAttribute('aria-invalid')).to.equal('false');
      expect(el.matches(':state(user-invalid)')).to.equal(false);
      form.requestSubmit();
      expect(submitted()).to.equal(1);
    });

    it('uses its name and value in FormData', async () => {
      const { el, wrapper } = await mount({ form: true, attrs: { province: 'ON', name: 'agree', value: 'yes' } });
      await shown(el);
      await tick(el);
      const data = new FormData(wrapper as HTMLFormElement);
      expect(data.get('agree')).to.equal('yes');
      expect(data.has('tos_agreement')).to.equal(false);
      expect(checkbox(el).name).to.equal('agree');
    });

    it('is left out of FormData and validation when disabled', async () => {
      const { el, wrapper } = await mount({ form: true, attrs: { province: 'ON', required: '' } });
      const form = wrapper as HTMLFormElement;
      await shown(el);
      await tick(el);
      el.disabled = true;
      await el.updateComplete;
      expect(checkbox(el).disabled).to.equal(true);
      expect(new FormData(form).has('tos_agreement')).to.equal(false);
      el.checked = false;
      await el.updateComplete;
      expect(form.checkValidity()).to.equal(true);
    });

    it('follows a disabled fieldset', async () => {
      const { el, wrapper } = await mount({ form: true, attrs: { province: 'ON' } });
      await shown(el);
      const fieldset = document.createElement('fieldset');
      wrapper.append(fieldset);
      fieldset.append(el);
      await shown(el);
      fieldset.disabled = true;
      await el.updateComplete;
      expect(checkbox(el).disabled).to.equal(true);
      fieldset.disabled = false;
      await el.updateComplete;
      expect(checkbox(el).disabled).to.equal(false);
    });

    it('unticks on form reset, without a change event', async () => {
      const { el, wrapper } = await mount({ form: true });
      await shown(el);
      await tick(el);
      let changes = 0;
      el.addEventListener('change', () => changes++);
      (wrapper as HTMLFormElement).reset();
      await el.updateComplete;
      expect(el.checked).to.equal(false);
      expect(el.consent).to.equal(null);
      expect(checkbox(el).checked).to.equal(false);
      expect(new FormData(wrapper as HTMLFormElement).has('tos_agreement')).to.equal(false);
      expect(changes).to.equal(0);
    });

    it('restores an agreement to the same terms, keeping its time', async () => {
      const first = await mount({ form: true, attrs: { province: 'QC' } });
      await shown(first.el);
      part<HTMLButtonElement>(first.el, '[part="language-switch"]')!.click();
      await waitUntil(() => first.requests.length === 2);
      await shown(first.el);
      await tick(first.el);
      const saved = first.el.consent!;
      const second = await mount({ form: true, attrs: { province: 'QC' } });
      second.el.formStateRestoreCallback(JSON.stringify(saved));
      await waitUntil(() => second.el.checked, 'the agreement was not restored');
      expect(second.requests.at(-1)).to.deep.equal({ province: 'QC', lang: 'en' });
      expect(second.el.consent).to.deep.equal(saved);
      expect(checkbox(second.el).checked).to.equal(true);
      expect(new FormData(second.wrapper as HTMLFormElement).get('tos_agreement')).to.equal('true');
    });

    it('does not restore an agreement to different terms', async () => {
      const { el } = await mount({ form: true, attrs: { province: 'ON' } });
      el.formStateRestoreCallback(
        JSON.stringify({
          province: 'ON',
          lang: 'en',
          accepted_at: '2026-01-01T00:00:00.000Z',
          terms_sha256: '0'.repeat(64),
        }),
      );
      await shown(el);
      await aTimeout(20);
      expect(el.checked).to.equal(false);
      el.formStateRestoreCallback('not json');
      el.formStateRestoreCallback(JSON.stringify({ province: 'ON', lang: 'de' }));
      await el.updateComplete;
      expect(el.checked).to.equal(false);
    });

    it('cannot be pre-ticked: checked is ignored until the terms are shown', async () => {
      const slow = deferred<string>();
      const { el } = await mount({ attrs: { province: 'ON', checked: '' }, answer: () => slow.promise });
      expect(el.checked).to.equal(false);
      el.checked = true;
      expect(el.checked).to.equal(false);
      slow.resolve(termsFor({ province: 'ON', lang: 'en' }));
      await shown(el);
      expect(el.checked).to.equal(false);
    });

    it('set by code while shown: checked with consent, and no change event', async () => {
      const { el } = await mount();
      await shown(el);
      let changes = 0;
      el.addEventListener('change', () => changes++);
      el.checked = true;
      await el.updateComplete;
      expect(checkbox(el).checked).to.equal(true);
      expect(el.consent).to.include({ province: 'ON', lang: 'en' });
      expect(changes).to.equal(0);
    });

    it('clears the agreement when other terms are shown', async () => {
      const { el, requests } = await mount();
      await shown(el);
      await tick(el);
      el.province = 'QC';
      await waitUntil(() => requests.length === 2);
      expect(el.checked).to.equal(false);
      await shown(el);
      expect(el.checked).to.equal(false);
      expect(checkbox(el).checked).to.equal(false);
    });

    it('shows a host-set error until the customer changes the agreement', async () => {
      const { el } = await mount({ form: true, attrs: { province: 'ON' } });
      await shown(el);
      el.error = { key: 'tos.required' };
      await el.updateComplete;
      expect(el.validity.customError).to.equal(true);
      expect(text(part(el, '#agreement-message'))).to.contain(textNow('tos.required', 'en-CA'));
      expect(el.matches(':state(user-invalid)'), 'shown at once, untouched').to.equal(true);
      await tick(el);
      expect(el.error).to.equal(null);
      expect(el.validity.valid).to.equal(true);
      expect(text(part(el, '#agreement-message'))).to.equal('');
    });
  });

  describe('change and consent', () => {
    it('fires a bubbling, composed change with the consent when the customer ticks and unticks', async () => {
      const { el, wrapper } = await mount();
      await shown(el);
      const events: Event[] = [];
      wrapper.addEventListener('change', (event) => events.push(event));
      const before = Date.now();
      await tick(el);
      await tick(el);
      expect(events).to.have.length(2);
      const [ticked, unticked] = events as FlexitiTermsChangeEvent[];
      expect(ticked).to.be.instanceOf(FlexitiTermsChangeEvent);
      expect(ticked.bubbles && ticked.composed).to.equal(true);
      expect(ticked.target === el).to.equal(true);
      expect(ticked.detail.checked).to.equal(true);
      expect(ticked.detail.consent).to.include({ province: 'ON', lang: 'en' });
      const acceptedAt = Date.parse(ticked.detail.consent!.accepted_at);
      expect(acceptedAt).to.be.within(before, Date.now());
      expect(ticked.detail.consent!.accepted_at).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(unticked.detail).to.deep.equal({ checked: false, consent: null });
      expect(el.consent).to.equal(null);
    });

    it('hashes the text shown with SHA-256', async () => {
      const terms = `<h2>Conditions — Québec</h2><p>Taux : <b>29,99 %</b> &amp; frais <script>ignored()</script>nuls.</p>`;
      const { el } = await mount({ attrs: { province: 'QC' }, answer: () => terms });
      await shown(el);
      await tick(el);
      const shownText = part(el, '.content')!.textContent!;
      expect(shownText).to.equal('Conditions — QuébecTaux : 29,99 % & frais nuls.');
      expect(el.consent!.terms_sha256).to.equal(await sha256(shownText));
      expect(el.consent).to.include({ province: 'QC', lang: 'fr' });
    });

    it('gives different hashes to different terms', async () => {
      const { el, requests } = await mount();
      await shown(el);
      await tick(el);
      const english = el.consent!.terms_sha256;
      el.termsLang = 'fr';
      await waitUntil(() => requests.length === 2);
      await shown(el);
      await tick(el);
      expect(el.consent!.terms_sha256).to.match(/^[0-9a-f]{64}$/);
      expect(el.consent!.terms_sha256).not.to.equal(english);
    });
  });

  describe('failure', () => {
    it('shows "unavailable" with Retry on a 503, keeps the agreement unavailable, and reports flexiti-error', async () => {
      const { el, errors } = await mount({ answer: () => new Response('{"error":"general_error"}', { status: 503 }) });
      await failed(el);
      expect(text(part(el, '[part="unavailable"]'))).to.contain('The terms and conditions are unavailable right now.');
      expect(part(el, '.retry') !== null).to.equal(true);
      expect(checkbox(el).disabled).to.equal(true);
      expect(text(part(el, '#agreement-hint'))).to.equal('You can accept once the terms and conditions are shown.');
      expect(errors).to.have.length(1);
      expect(errors[0].detail).to.include({ source: 'flexiti-terms' });
    });

    it('shows the unavailable notice in French', async () => {
      const { el } = await mount({
        wrapperLang: 'fr-CA',
        answer: () => Promise.reject(new TypeError('Failed to fetch')),
      });
      await failed(el);
      await inLocale(el, 'Conditions');
      expect(text(part(el, '[part="unavailable"]'))).to.contain(
        'Les conditions ne sont pas disponibles pour le moment.',
      );
      expect(text(part(el, '.retry'))).to.equal('Réessayer');
    });

    for (const [name, body] of [
      ['an empty answer', ''],
      ['a blank answer', '  \n '],
      ['an answer that is only removed markup', '<script>x()</script><img src=x><style>p{}</style>'],
    ] as const) {
      it(`treats ${name} as unavailable`, async () => {
        const { el, errors } = await mount({ answer: () => body });
        await failed(el);
        expect(region(el) === null).to.equal(true);
        expect(checkbox(el).disabled).to.equal(true);
        expect(errors.map((event) => event.detail.code)).to.deep.equal(['invalid_response']);
      });
    }

    it('retries on Retry, shows the terms and moves focus to them', async () => {
      const { el, requests } = await mount({
        answer: (request, index) => (index === 0 ? new Response('', { status: 502 }) : termsFor(request)),
      });
      await failed(el);
      part<HTMLButtonElement>(el, '.retry')!.click();
      await shown(el);
      expect(requests).to.deep.equal([
        { province: 'ON', lang: 'en' },
        { province: 'ON', lang: 'en' },
      ]);
      expect(focused(el)).to.equal('div[region]');
      expect(checkbox(el).disabled).to.equal(false);
    });

    it('keeps focus on Retry when the retry fails again', async () => {
      const { el, requests } = await mount({ answer: () => new Response('', { status: 500 }) });
      await failed(el);
      part<HTMLButtonElement>(el, '.retry')!.click();
      await waitUntil(() => requests.length === 2);
      await failed(el);
      await el.updateComplete;
      expect(focused(el)).to.equal('button[retry-button]');
    });
  });

  describe('require-scroll', () => {
    const long = (request: TermsQuery) =>
      `<h2>Terms ${request.province}</h2>${Array.from({ length: 60 }, (_, i) => `<p>Clause ${i + 1}.</p>`).join('')}<p>The end.</p>`;

    it('enables the agreement only once the end of the terms was scrolled into view', async () => {
      const { el } = await mount({ attrs: { province: 'ON', 'require-scroll': '' }, answer: long });
      await shown(el);
      await aTimeout(50);
      expect(checkbox(el).disabled).to.equal(true);
      expect(text(part(el, '#agreement-hint'))).to.equal(
        'Scroll to the end of the terms and conditions to accept them.',
      );
      el.checked = true;
      expect(el.checked).to.equal(false);
      const scrollable = region(el)!;
      scrollable.scrollTop = scrollable.scrollHeight;
      await waitUntil(() => !checkbox(el).disabled, 'the agreement stayed disabled after scrolling');
      expect(part(el, '#agreement-hint') === null).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('enables the agreement at once when the terms fit', async () => {
      const { el } = await mount({ attrs: { province: 'ON', 'require-scroll': '' } });
      await shown(el);
      await waitUntil(() => !checkbox(el).disabled, 'short terms never enabled the agreement');
    });
  });

  describe('keyboard', () => {
    it('Tab reaches the switch, the region, then the checkbox; Space ticks it', async () => {
      const { el, wrapper } = await mount({ before: '<button type="button" id="before">Before</button>' });
      await shown(el);
      const changes: Event[] = [];
      el.addEventListener('change', (event) => changes.push(event));
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('button[language-switch]');
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('div[region]');
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('input#agreement[checkbox]');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.checked).to.equal(true);
      expect(changes).to.have.length(1);
    });

    it('with require-scroll, End in the region scrolls to the end and unlocks the checkbox', async () => {
      const clauses = Array.from({ length: 60 }, (_, i) => `<p>Clause ${i + 1}.</p>`).join('');
      const { el } = await mount({ attrs: { province: 'ON', 'require-scroll': '' }, answer: () => clauses });
      await shown(el);
      region(el)!.focus();
      await sendKeys({ press: 'End' });
      await waitUntil(() => !checkbox(el).disabled, 'End did not unlock the agreement');
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('input#agreement[checkbox]');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.checked).to.equal(true);
    });

    it('activates the language switch with Enter', async () => {
      const { el, requests } = await mount({ attrs: { province: 'QC' } });
      await shown(el);
      part<HTMLButtonElement>(el, '[part="language-switch"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => requests.length === 2);
      expect(requests[1]).to.deep.equal({ province: 'QC', lang: 'en' });
      expect(focused(el)).to.equal('button[language-switch]');
    });
  });

  describe('public API: disabled and state', () => {
    it('disabled: the text still shows, but the switch, Retry and checkbox are disabled and ask for nothing', async () => {
      let fail = true;
      const { el, requests } = await mount({
        attrs: { province: 'QC', disabled: '' },
        answer: (request) => (fail ? new Response('{"error":"general_error"}', { status: 503 }) : termsFor(request)),
      });
      await failed(el);
      const retry = part<HTMLButtonElement>(el, '.retry')!;
      expect(retry.disabled || retry.matches(':disabled')).to.equal(true);
      retry.click();
      await aTimeout(20);
      expect(requests).to.have.length(1);
      fail = false;
      el.disabled = false;
      await waitUntil(() => !part(el, '.retry')!.matches(':disabled'), 'Retry stayed disabled');
      part<HTMLButtonElement>(el, '.retry')!.click();
      await shown(el);
      el.disabled = true;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('input, button').length).to.be.greaterThan(1);
      expect(enabledControls(el)).to.deep.equal([]);
      part<HTMLButtonElement>(el, '[part="language-switch"]')!.click();
      await aTimeout(20);
      expect(requests).to.have.length(2);
    });

    it('state: idle, loading, shown, failed, with the same custom states; status says the same', async () => {
      const answer = deferred<string>();
      const { el } = await mount({ attrs: {}, answer: () => answer.promise });
      expect(el.state).to.equal('idle');
      expect(el.matches(':state(idle)')).to.equal(true);
      el.province = 'ON';
      await el.updateComplete;
      expect(el.state).to.equal('loading');
      expect(el.matches(':state(loading)') && !el.matches(':state(idle)')).to.equal(true);
      answer.resolve(termsFor({ province: 'ON', lang: 'en' }));
      await shown(el);
      expect(el.state).to.equal('shown');
      expect(el.status).to.equal('shown');
      expect(el.matches(':state(shown)') && !el.matches(':state(loading)')).to.equal(true);
    });
  });
});
