import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { FlexitiElement } from '../../src/internal/flexiti-element.js';
import { property } from 'lit/decorators.js';
import { DEFAULT_HOST_TIMEOUT_MS, HostRequestController } from '../../src/internal/host-request.js';
import { pageLocale, resetLangWarning, setLocale } from '../../src/internal/locale.js';
import { FlexitiTermsRequestEvent, FlexitiApplyRequestEvent } from '../../src/events/requests.js';
import type { FlexitiErrorEvent } from '../../src/events/notifications.js';
import type { ApplyRequest } from '../../src/model/index.js';
import { FieldFeedback } from '../../src/internal/field-feedback.js';
import { describedBy, renderField } from '../../src/internal/field.js';
import { FocusController } from '../../src/internal/focus.js';
import { CooldownController } from '../../src/internal/cooldown.js';
import { fakeCooldownClock, type FakeClock } from './fake-clock.js';

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

/** One field through the field kit: a local error ("Enter a name.") while `invalid`, and the server's as set. */
class FeedbackHost extends FlexitiElement {
  readonly feedback = new FieldFeedback<string>(this, {
    userInvalid: (on) => this.setCustomState('user-invalid', on),
    formAssociated: true,
    leftOnFocusOut: () => ['name'],
  });
  invalid = true;
  override render() {
    const error = this.feedback.show('name', this.invalid ? 'Enter a name.' : undefined);
    const control = html`<input id="name" aria-describedby=${describedBy('name', { message: error }) ?? nothing} />`;
    return renderField({ id: 'name', label: 'Name', control, error, announce: this.feedback.announcement('name') });
  }
}
FlexitiElement.define('flexiti-test-feedback', FeedbackHost);

describe('FieldFeedback and the field template', () => {
  let el: FeedbackHost;
  const message = () => el.shadowRoot!.querySelector<HTMLElement>('#name-message');
  const shown = () => message()?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const userInvalid = () => el.matches(':state(user-invalid)');
  beforeEach(async () => {
    el = await fixture<FeedbackHost>(html`<flexiti-test-feedback></flexiti-test-feedback>`);
  });

  it('hides an error until the field is touched, then shows it with the "Error:" prefix, tied to its control', async () => {
    expect(shown()).to.equal('');
    expect(userInvalid()).to.equal(false);
    el.feedback.touch('name');
    await el.updateComplete;
    expect(shown()).to.equal('Error: Enter a name.');
    expect(message()!.getAttribute('part')).to.equal('error');
    expect(el.shadowRoot!.querySelector('#name')!.getAttribute('aria-describedby')).to.equal('name-message');
    expect(userInvalid()).to.equal(true);
    el.invalid = false;
    el.requestUpdate();
    await el.updateComplete;
    expect(shown()).to.equal('');
    expect(userInvalid(), 'no error shown, no state').to.equal(false);
  });

  it("shows a prefilled field's error at once, and every error after a submit attempt", async () => {
    el.feedback.prefilled('name');
    await el.updateComplete;
    expect(shown()).to.equal('Error: Enter a name.');
    el.feedback.reset();
    await el.updateComplete;
    expect(shown()).to.equal('');
    el.feedback.submitAttempted();
    await el.updateComplete;
    expect(shown()).to.equal('Error: Enter a name.');
  });

  it("shows the server's error at once, over its own, until the customer edits the field", async () => {
    el.invalid = false;
    el.feedback.setServerError('name', 'Name not accepted.');
    await el.updateComplete;
    expect(shown(), 'untouched, yet shown').to.equal('Error: Name not accepted.');
    expect(userInvalid()).to.equal(true);
    el.feedback.touch('name');
    el.feedback.submitAttempted();
    await el.updateComplete;
    expect(shown(), 'a touch or a submit does not clear it').to.equal('Error: Name not accepted.');
    expect(el.feedback.isEdited('name')).to.equal(false);
    el.feedback.edit('name');
    await el.updateComplete;
    expect(shown()).to.equal('');
    expect(el.feedback.serverError('name')).to.equal(undefined);
    expect(el.feedback.isEdited('name'), 'host values no longer overwrite it').to.equal(true);
    el.feedback.reset();
    expect(el.feedback.isEdited('name')).to.equal(false);
  });

  it('says the same error again after a submit that leaves focus on its control: a new alert node per attempt', async () => {
    el.feedback.touch('name');
    await el.updateComplete;
    expect(message()!.hasAttribute('role'), 'read with its control before any submit').to.equal(false);
    el.shadowRoot!.querySelector<HTMLInputElement>('#name')!.focus();
    el.feedback.submitAttempted(); // Enter in the field: focus does not move, nothing reads the message again
    await el.updateComplete;
    const first = message()!;
    expect(first.getAttribute('role')).to.equal('alert');
    el.requestUpdate();
    await el.updateComplete;
    expect(message() === first, 'an unrelated render keeps the node (said once)').to.equal(true);
    el.feedback.submitAttempted();
    await el.updateComplete;
    const second = message()!;
    expect(second === first, 'the same text after a new attempt is a new node').to.equal(false);
    expect(second.getAttribute('role')).to.equal('alert');
    expect(shown()).to.equal('Error: Enter a name.');
  });

  it('leaves the message out of any alert when focus moves to the control (its description is read once)', async () => {
    el.feedback.submitAttempted();
    await el.updateComplete;
    expect(shown()).to.equal('Error: Enter a name.');
    expect(message()!.closest('[role="alert"], [aria-live]') === null).to.equal(true);
  });

  it("takes a form-associated host's invalid event as a submit attempt", async () => {
    el.dispatchEvent(new Event('invalid'));
    await el.updateComplete;
    expect(shown()).to.equal('Error: Enter a name.');
  });

  it('touches the fields leftOnFocusOut names when focus leaves the host, not when it moves inside', async () => {
    const inside = el.shadowRoot!.querySelector('#name')!;
    el.shadowRoot!.querySelector('#name')!.dispatchEvent(
      new FocusEvent('focusout', { bubbles: true, composed: true, relatedTarget: inside }),
    );
    await el.updateComplete;
    expect(shown()).to.equal('');
    el.shadowRoot!.querySelector('#name')!.dispatchEvent(
      new FocusEvent('focusout', { bubbles: true, composed: true, relatedTarget: document.body }),
    );
    await el.updateComplete;
    expect(shown()).to.equal('Error: Enter a name.');
  });
});

class FocusHost extends FlexitiElement {
  busy = false;
  /** Called once after the next render. */
  afterRender?: () => void;
  /** The next render waits for a task (a busy page): meanwhile an update is pending. */
  renderLater = false;
  readonly focuser = new FocusController(this, () => !this.busy);
  override render() {
    return html`<h2 id="heading" tabindex="-1">Title</h2><input id="field" ?disabled=${this.busy} />`;
  }
  protected override async scheduleUpdate() {
    if (this.renderLater) await new Promise((resolve) => setTimeout(resolve));
    this.renderLater = false;
    super.scheduleUpdate();
  }
  override updated() {
    const afterRender = this.afterRender;
    this.afterRender = undefined;
    afterRender?.();
  }
}
FlexitiElement.define('flexiti-test-focus', FocusHost);

describe('FocusController', () => {
  let el: FocusHost;
  const active = () => el.shadowRoot!.activeElement?.id;
  beforeEach(async () => {
    el = await fixture<FocusHost>(html`<flexiti-test-focus></flexiti-test-focus>`);
  });

  it('waits for a render after which the host is ready (controls enabled again)', async () => {
    el.busy = true;
    el.requestUpdate();
    const focused = el.focuser.after('#field');
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
    expect(active(), 'not while busy').to.equal(undefined);
    el.busy = false;
    el.requestUpdate();
    await focused;
    expect(active()).to.equal('field');
  });

  it('a host that is ready before the render that shows it: focus waits for that render', async () => {
    el.busy = true;
    el.requestUpdate();
    await el.updateComplete;
    const focused = el.focuser.after('input:not(:disabled)', '#heading');
    // A render while still busy wakes the focus up, and the request ends (ready) right after it: the render that
    // enables the field again has not run when the focus looks.
    el.afterRender = () => {
      el.busy = false;
      el.renderLater = true;
      el.requestUpdate();
    };
    el.requestUpdate();
    await focused;
    expect(active()).to.equal('field');
  });

  it('tries its selectors in order, and the last request wins', async () => {
    el.requestUpdate();
    const first = el.focuser.after('#field');
    const second = el.focuser.after('#missing', '#heading');
    await Promise.all([first, second]);
    expect(active()).to.equal('heading');
    el.focuser.now('#field');
    el.requestUpdate();
    const cancelled = el.focuser.after('#heading');
    el.focuser.cancel();
    await cancelled;
    expect(active()).to.equal('field');
  });
});

describe('CooldownController', () => {
  let clock: FakeClock;
  beforeEach(() => (clock = fakeCooldownClock()));
  afterEach(() => clock.restore());

  /** A host that counts the updates the cooldown asks for. */
  const host = () => ({
    updates: 0,
    addController() {},
    removeController() {},
    requestUpdate() {
      this.updates++;
    },
    updateComplete: Promise.resolve(true),
  });

  it('counts down in whole seconds on its clock, one update a second, and ends at 0', () => {
    const counted = host();
    const cooldown = new CooldownController(counted);
    cooldown.start(2);
    expect([cooldown.remaining, counted.updates]).to.deep.equal([2, 1]);
    clock.advance(999);
    expect([cooldown.remaining, counted.updates]).to.deep.equal([2, 1]);
    clock.advance(1);
    expect([cooldown.remaining, counted.updates]).to.deep.equal([1, 2]);
    clock.advance(5000);
    expect([cooldown.remaining, counted.updates]).to.deep.equal([0, 3]);
  });

  it('does not tick while the host is disconnected and catches up with the clock when it is back', () => {
    const counted = host();
    const cooldown = new CooldownController(counted);
    cooldown.start(3);
    cooldown.hostDisconnected();
    clock.advance(2000);
    expect(cooldown.remaining, 'no ticks while disconnected').to.equal(3);
    cooldown.hostConnected();
    clock.advance(250);
    expect(cooldown.remaining).to.equal(1);
  });
});
