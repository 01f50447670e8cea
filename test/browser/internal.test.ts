import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FlexitiElement } from '../../src/internal/flexiti-element.js';
import { property } from 'lit/decorators.js';
import { DEFAULT_HOST_TIMEOUT_MS, HostRequestController } from '../../src/internal/host-request.js';
import { pageLocale, resetLangWarning, setLocale } from '../../src/internal/locale.js';
import { FlexitiTermsRequestEvent, FlexitiApplyRequestEvent } from '../../src/events/requests.js';
import type { FlexitiErrorEvent } from '../../src/events/notifications.js';
import type { ApplyRequest } from '../../src/model/index.js';

class TestHost extends FlexitiElement {
  // Declared by each element that asks its host, as the elements do.
  @property({ type: Number, attribute: 'request-timeout' }) requestTimeout = DEFAULT_HOST_TIMEOUT_MS;
  readonly requests = new HostRequestController(this);
  override render() {
    return html`<p>${this.locale}</p>`;
  }
}
TestHost.define('flexiti-test-host');

const termsQuery = { province: 'ON', lang: 'en' } as const;
const send = (el: TestHost, answer?: (event: FlexitiTermsRequestEvent) => void, options = {}) => {
  const listener = (event: FlexitiTermsRequestEvent) => answer?.(event);
  el.addEventListener('flexiti-terms-request', listener, { once: true });
  return el.requests.send(new FlexitiTermsRequestEvent(termsQuery), options);
};

describe('HostRequestController', () => {
  let el: TestHost;
  beforeEach(async () => {
    el = await fixture<TestHost>(html`<flexiti-test-host></flexiti-test-host>`);
  });

  describe('an answer the element cannot read is an implementation error, never a network failure', () => {
    let logged: unknown[][];
    let original: typeof console.error;
    beforeEach(() => {
      logged = [];
      original = console.error;
      console.error = (...args: unknown[]) => void logged.push(args);
    });
    afterEach(() => {
      console.error = original;
    });
    const expectUnreadable = (outcome: Awaited<ReturnType<typeof send>>) => {
      expect(!outcome.ok && outcome.error.code).to.equal('unreadable_answer');
      expect(!outcome.ok && outcome.error.type).to.equal('implementation');
      expect(!outcome.ok && outcome.error.retryable).to.equal(false);
    };

    it('a Response whose body the host already read: the console names the fix (a clone, or the parsed JSON)', async () => {
      const outcome = await send(el, (e) => {
        const response = Response.json({ customer_id: '1' });
        e.detail.respondWith(response);
        void response.json();
      });
      expectUnreadable(outcome);
      expect(logged).to.have.length(1);
      const message = String(logged[0]![0]);
      expect(message).to.contain('flexiti-terms-request');
      expect(message).to.contain('response.clone()');
      expect(message).to.contain('parsed JSON');
    });

    it('a promise of a Response the host reads too (the README trap): unreadable, not network_error', async () => {
      const outcome = await send(el, (e) => {
        const answer = Promise.resolve(Response.json({ transaction_id: '1' }));
        e.detail.respondWith(answer);
        void answer.then((response) => response.json());
      });
      expectUnreadable(outcome);
    });

    it('a Response whose body is locked by a reader', async () => {
      const outcome = await send(el, (e) => {
        const response = Response.json({ customer_id: '1' });
        response.body!.getReader();
        e.detail.respondWith(response);
      });
      expectUnreadable(outcome);
    });

    it('a clone read by the host leaves the original readable', async () => {
      const outcome = await send(el, (e) => {
        const response = Response.json({ customer_id: '1' });
        e.detail.respondWith(response);
        void response.clone().json();
      });
      expect(outcome).to.deep.equal({ ok: true, data: { customer_id: '1' } });
      expect(logged).to.have.length(0);
    });

    it('a string where JSON is expected', async () => {
      expectUnreadable(await send(el, (e) => e.detail.respondWith('{"customer_id":"1"}')));
      expect(String(logged[0]![0])).to.contain('a string');
    });

    it('a number, a boolean, null and undefined', async () => {
      for (const value of [42, true, null, undefined])
        expectUnreadable(await send(el, (e) => e.detail.respondWith(value)));
    });

    it('a function (response.json passed without calling it)', async () => {
      const response = Response.json({});
      expectUnreadable(await send(el, (e) => e.detail.respondWith(response.json.bind(response))));
    });

    it('a Blob or a Request instead of a Response', async () => {
      expectUnreadable(await send(el, (e) => e.detail.respondWith(new Blob(['{}']))));
      expectUnreadable(await send(el, (e) => e.detail.respondWith(new Request('https://example.com/'))));
    });

    it('a non-string where text is expected', async () => {
      expectUnreadable(await send(el, (e) => e.detail.respondWith({ html: '<p>x</p>' }), { expect: 'text' }));
    });

    it('an array is JSON and is read', async () => {
      const outcome = await send(el, (e) => e.detail.respondWith([{ id: 1 }]));
      expect(outcome).to.deep.equal({ ok: true, data: [{ id: 1 }] });
    });

    it('nothing answered for an optional request is still fine', async () => {
      const outcome = await send(el, (e) => e.detail.respondWith(undefined), { optional: true });
      expect(outcome).to.deep.equal({ ok: true, data: undefined });
    });
  });

  it('fails at once with no_handler when nobody answers', async () => {
    const outcome = await send(el);
    expect(outcome).to.deep.include({ ok: false });
    expect(!outcome.ok && outcome.error.code).to.equal('no_handler');
    expect(!outcome.ok && outcome.error.type).to.equal('implementation');
  });

  it('reads a successful Response as JSON', async () => {
    const outcome = await send(el, (e) => e.detail.respondWith(Response.json({ customer_id: '1' })));
    expect(outcome).to.deep.equal({ ok: true, data: { customer_id: '1' } });
  });

  it('reads a successful Response as text when asked', async () => {
    const outcome = await send(el, (e) => e.detail.respondWith(new Response('<p>Terms</p>')), { expect: 'text' });
    expect(outcome).to.deep.equal({ ok: true, data: '<p>Terms</p>' });
  });

  it('takes a parsed body and a promise of one', async () => {
    const outcome = await send(el, (e) => e.detail.respondWith(Promise.resolve({ available_credit: 5 })));
    expect(outcome).to.deep.equal({ ok: true, data: { available_credit: 5 } });
  });

  it('reads an error Response with the body code outranking the status', async () => {
    const body = { code: 404, error: 'not_found', error_description: 'not_found' };
    const outcome = await send(el, (e) => e.detail.respondWith(Response.json(body, { status: 409 })));
    expect(!outcome.ok && outcome.error.type).to.equal('not_found');
  });

  it('reads an error body passed as parsed JSON', async () => {
    const outcome = await send(el, (e) => e.detail.respondWith({ error: 'application_declined', message: 'Declined' }));
    expect(!outcome.ok && outcome.error.code).to.equal('application_declined');
  });

  it('reads a rejection carrying a Response (ky HTTPError) as that response', async () => {
    const failure = Object.assign(new Error('HTTPError'), {
      name: 'HTTPError',
      response: Response.json({ error: 'secret_answer_mismatch', message: 'No' }, { status: 409 }),
    });
    const outcome = await send(el, (e) => e.detail.respondWith(Promise.reject(failure)));
    expect(!outcome.ok && outcome.error.code).to.equal('secret_answer_mismatch');
  });

  it('reads a network failure (TypeError) as network_error', async () => {
    const outcome = await send(el, (e) => e.detail.respondWith(Promise.reject(new TypeError('Failed to fetch'))));
    expect(!outcome.ok && outcome.error.code).to.equal('network_error');
    expect(!outcome.ok && outcome.error.retryable).to.equal(true);
  });

  it('reads ky TimeoutError as timeout', async () => {
    const failure = Object.assign(new Error('Request timed out'), { name: 'TimeoutError' });
    const outcome = await send(el, (e) => e.detail.respondWith(Promise.reject(failure)));
    expect(!outcome.ok && outcome.error.code).to.equal('timeout');
  });

  it('gives up on a host that never settles', async () => {
    const outcome = await send(el, (e) => e.detail.respondWith(new Promise(() => {})), { timeoutMs: 50 });
    expect(!outcome.ok && outcome.error.code).to.equal('timeout');
  });

  it("gives up after the element's request-timeout", async () => {
    el.setAttribute('request-timeout', '40');
    await el.updateComplete;
    expect(el.requestTimeout).to.equal(40);
    const outcome = await send(el, (e) => e.detail.respondWith(new Promise(() => {})));
    expect(!outcome.ok && outcome.error.code).to.equal('timeout');
  });

  it('reads HTML instead of JSON as invalid_response, never as markup', async () => {
    const outcome = await send(el, (e) => e.detail.respondWith(new Response('<html><h1>Bad gateway</h1>')));
    expect(!outcome.ok && outcome.error.code).to.equal('invalid_response');
  });

  it('reads truncated JSON as invalid_response', async () => {
    const outcome = await send(el, (e) => e.detail.respondWith(new Response('{"customer_id": "1"')));
    expect(!outcome.ok && outcome.error.code).to.equal('invalid_response');
  });

  it('asks again once the page has loaded when onLateHost is given and nobody answered yet', async () => {
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'interactive' });
    try {
      let asked = 0;
      const pending = send(
        el,
        (e) => {
          asked++;
          if (asked === 2) e.detail.respondWith('<p>Terms</p>');
        },
        { expect: 'text', onLateHost: () => undefined },
      );
      // The listener above is `once`: a later script of the page adds the one that answers.
      el.addEventListener('flexiti-terms-request', (e) => {
        asked++;
        e.detail.respondWith('<p>Terms</p>');
      });
      window.dispatchEvent(new Event('load'));
      expect(await pending).to.deep.equal({ ok: true, data: '<p>Terms</p>' });
      expect(asked).to.equal(2);
    } finally {
      delete (document as unknown as Record<string, unknown>).readyState;
    }
  });

  it('without onLateHost, nobody answering is no_handler at once even while the page loads', async () => {
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'interactive' });
    try {
      const outcome = await send(el, undefined, { expect: 'text' });
      expect(!outcome.ok && outcome.error.code).to.equal('no_handler');
    } finally {
      delete (document as unknown as Record<string, unknown>).readyState;
    }
  });

  it('dispatches flexiti-error with type and code only', async () => {
    const errors: FlexitiErrorEvent[] = [];
    el.addEventListener('flexiti-error', (e) => errors.push(e));
    await send(el);
    expect(errors.map((e) => e.detail)).to.deep.equal([
      { type: 'implementation', code: 'no_handler', source: 'flexiti-test-host' },
    ]);
  });

  it('refuses a second answer and an answer after dispatch', async () => {
    let late: FlexitiTermsRequestEvent | undefined;
    let secondCall: unknown;
    await send(
      el,
      (e) => {
        e.detail.respondWith('a');
        try {
          e.detail.respondWith('b');
        } catch (error) {
          secondCall = error;
        }
        late = e;
      },
      { expect: 'text' },
    );
    expect((secondCall as DOMException).name).to.equal('InvalidStateError');
    expect(() => late!.detail.respondWith('c')).to.throw(DOMException);
  });

  it('lets a listener on document answer (events bubble and are composed)', async () => {
    const request = { first_name: 'Zoë' } as unknown as ApplyRequest;
    const listener = (e: FlexitiApplyRequestEvent) => e.detail.respondWith({ echoed: e.detail.request.first_name });
    document.addEventListener('flexiti-apply-request', listener, { once: true });
    const outcome = await el.requests.send(new FlexitiApplyRequestEvent(request));
    expect(outcome).to.deep.equal({ ok: true, data: { echoed: 'Zoë' } });
  });

  describe('run(): one request at a time, stale answers dropped', () => {
    /** A task that waits until released, recording whether its run was still current then. */
    const gate = () => {
      let release!: () => void;
      const opened = new Promise<void>((resolve) => (release = resolve));
      const seen: boolean[] = [];
      const task = async (run: { current: boolean }) => {
        await opened;
        seen.push(run.current);
      };
      return { release, seen, task };
    };

    it('is busy from the first moment to the end, and asks its host to render', async () => {
      const { release, task } = gate();
      const running = el.requests.run(task);
      expect(el.requests.busy).to.equal(true);
      expect(el.isUpdatePending).to.equal(true);
      await el.updateComplete;
      release();
      await running;
      expect(el.requests.busy).to.equal(false);
    });

    it('exclusive (default): a second run while one is in flight does nothing (a double click sends once)', async () => {
      const first = gate();
      const second = gate();
      const running = el.requests.run(first.task);
      await el.requests.run(second.task);
      second.release();
      first.release();
      await running;
      expect(first.seen).to.deep.equal([true]);
      expect(second.seen).to.deep.equal([]);
    });

    it('latest: a newer run supersedes the one in flight, whose answer is stale', async () => {
      const first = gate();
      const second = gate();
      const running = el.requests.run(first.task, 'latest');
      const newer = el.requests.run(second.task, 'latest');
      first.release();
      await running;
      expect(el.requests.busy, 'the newer run is still in flight').to.equal(true);
      second.release();
      await newer;
      expect(first.seen).to.deep.equal([false]);
      expect(second.seen).to.deep.equal([true]);
      expect(el.requests.busy).to.equal(false);
    });

    it('drop(): the run in flight no longer counts and the element is free at once', async () => {
      const { release, seen, task } = gate();
      const running = el.requests.run(task);
      el.requests.drop();
      expect(el.requests.busy).to.equal(false);
      release();
      await running;
      expect(seen).to.deep.equal([false]);
    });
  });
});

describe('the page locale', () => {
  const loadedModules = () =>
    performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/generated/locales/'));

  it('downloads no French on an English page', async () => {
    const el = await fixture<TestHost>(html`<flexiti-test-host></flexiti-test-host>`);
    await setLocale('en-CA');
    expect(el.locale).to.equal('en-CA');
    expect(loadedModules()).to.have.length(0);
  });

  it('follows a change of <html lang> and re-renders', async () => {
    const previous = document.documentElement.lang;
    const el = await fixture<TestHost>(html`<flexiti-test-host></flexiti-test-host>`);
    try {
      document.documentElement.lang = 'fr';
      await waitUntil(() => el.locale === 'fr-CA', 'the page turns French');
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).to.contain('fr-CA');
      expect(loadedModules()).to.have.length(1);
    } finally {
      document.documentElement.lang = previous;
      await waitUntil(() => el.locale === 'en-CA', 'back to English');
    }
  });

  it('takes setLocale() until <html lang> changes again', async () => {
    const previous = document.documentElement.lang;
    const el = await fixture<TestHost>(html`<flexiti-test-host></flexiti-test-host>`);
    try {
      await setLocale('french');
      expect([pageLocale(), el.locale]).to.deep.equal(['fr-CA', 'fr-CA']);
      document.documentElement.lang = 'en-US';
      await waitUntil(() => el.locale === 'en-CA', 'the page language wins again');
      expect(pageLocale()).to.equal('en-CA');
    } finally {
      document.documentElement.lang = previous;
      await setLocale('en-CA');
    }
  });

  it("warns once when an element's own lang disagrees with the page, and renders in the page's", async () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    resetLangWarning();
    try {
      const wrapper = await fixture(
        html`<div lang="fr-CA"><flexiti-test-host></flexiti-test-host><flexiti-test-host lang="fr"></flexiti-test-host></div>`,
      );
      const hosts = [...wrapper.querySelectorAll<TestHost>('flexiti-test-host')];
      expect(hosts.map((host) => host.locale)).to.deep.equal(['en-CA', 'en-CA']);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0]![0])).to.contain('lang="fr-CA"').and.contain('one language per page');
      await fixture(html`<div lang="en-CA"><flexiti-test-host></flexiti-test-host></div>`);
      expect(warnings).to.have.length(1);
    } finally {
      console.warn = original;
    }
  });
});

describe('FlexitiElement.define', () => {
  it('keeps the first registration and warns once when another copy defines the same tag', () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      class CopyA extends FlexitiElement {}
      class CopyB extends FlexitiElement {}
      FlexitiElement.define('flexiti-test-copy-a', CopyA);
      FlexitiElement.define('flexiti-test-copy-a', CopyB);
      FlexitiElement.define('flexiti-test-copy-a', CopyB);
      FlexitiElement.define('flexiti-test-copy-a', CopyA);
      expect(customElements.get('flexiti-test-copy-a')).to.equal(CopyA);
      expect(warnings.length).to.equal(1);
      expect(String(warnings[0][0])).to.contain('loaded twice');
    } finally {
      console.warn = original;
    }
  });
});
