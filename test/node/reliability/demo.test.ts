/**
 * The demo checkout end to end (real server, handler, sandbox; Debian's Chromium through playwright-core):
 *  - PII: after a new customer's complete journey (application typed by hand, SIN included; plan; SMS code;
 *    purchase) and an existing customer's (lookup by name and birth date; a wrong then the right security answer;
 *    purchase), nothing typed is in any URL the page visited or requested, the cookies, localStorage,
 *    sessionStorage, IndexedDB, the console, a `flexiti-error` detail or the sandbox's request log; the SIN, PIW
 *    and security answer are in no event and no request except the one that needs them.
 *  - The network cut mid-journey (`context.setOffline(true)`): before confirming the application, before choosing
 *    a verification method and before paying. Each ends in a clear message with a way to retry, nothing typed is
 *    lost, nothing is sent by itself, and the journey completes once the network is back, with one application
 *    and one purchase.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ELEMENT_EVENT_TYPES } from '../../event-types.js';
import type { Browser, Page } from 'playwright-core';
import {
  answerSecurityQuestion,
  chooseNoInterestPlan,
  findAccountByName,
  sharedBrowser,
  openCheckout as openHarnessCheckout,
  purchaseApproved,
  startApplication,
  step,
  typeAndEnter,
  typeApplication,
  type Applicant,
  type Checkout as HarnessCheckout,
} from '../../e2e/harness.js';

const applicant: Applicant = {
  salutation: 'ms',
  first_name: 'Privatia',
  last_name: 'Secretson',
  dob: '1979-10-14',
  address_1: '77 Hidden Lane',
  city: 'Toronto',
  province: 'ON',
  postal_code: 'M4C 1B5',
  phone_number: '416 555 0163',
  email: 'privatia.secretson@example.com',
  personal_income: '64,000',
  household_income: '91,000',
  housing_type: 'Rent',
  occupation_id: 'FE',
  occupation_title: 'Lighthouse keeper',
  security_qid: '7',
  security_answer: 'Whisperwood',
  piw: 'Moonstone',
};
const SIN_TYPED = '130 692 544';
const SIN = '130692544';
const SECRETS = [SIN, SIN_TYPED, applicant.piw, applicant.security_answer, 'Buddy'];
const TYPED = [
  ...SECRETS,
  applicant.first_name,
  applicant.last_name,
  applicant.dob,
  applicant.address_1,
  applicant.postal_code,
  'M4C1B5',
  applicant.phone_number,
  '4165550163',
  applicant.email,
  applicant.occupation_title,
  '64,000',
  '64000',
  '91000',
  // The existing customer's lookup.
  '1974-05-15',
];

interface Checkout extends HarnessCheckout {
  /** Every URL the page navigated to or requested, with the POST bodies it sent. */
  requests: Array<{ url: string; body: string }>;
  consoleLines: string[];
}

/** The harness's checkout, recording every request, console line and event from before the page loads. */
async function openCheckout(browser: Browser): Promise<Checkout> {
  const requests: Checkout['requests'] = [];
  const consoleLines: string[] = [];
  const checkout = await openHarnessCheckout(browser, { beforeLoad: (page) => record(page, requests, consoleLines) });
  return { ...checkout, requests, consoleLines };
}

/** Listens before the page loads: requests (with bodies), navigations, console lines and every DOM event. */
async function record(page: Page, requests: Checkout['requests'], consoleLines: string[]): Promise<void> {
  page.on('request', (request) => requests.push({ url: request.url(), body: request.postData() ?? '' }));
  // CDP leaves larger POST bodies out of its request events; an intercepted request always has its body.
  await page.route('**/api/flexiti/**', async (route) => {
    requests.push({ url: route.request().url(), body: route.request().postData() ?? '' });
    await route.fallback();
  });
  page.on('framenavigated', (frame) => requests.push({ url: frame.url(), body: '' }));
  page.on('console', (message) => consoleLines.push(message.text()));
  // Every event the page could see, from the first moment, in the capture phase on document.
  await page.addInitScript((elementEvents) => {
    const seen: Array<{ type: string; text: string }> = [];
    (window as unknown as { seenEvents: typeof seen }).seenEvents = seen;
    const types = new Set<string>(elementEvents);
    for (const target of [window, Document.prototype, HTMLElement.prototype, Element.prototype]) {
      for (let proto: object | null = target; proto; proto = Object.getPrototypeOf(proto)) {
        for (const key of Object.getOwnPropertyNames(proto)) if (key.startsWith('on')) types.add(key.slice(2));
      }
    }
    for (const type of types) {
      document.addEventListener(
        type,
        (event) => {
          let text = '';
          try {
            text =
              JSON.stringify(
                { detail: (event as CustomEvent).detail, data: (event as InputEvent).data },
                (_key, value) => (typeof value === 'function' ? undefined : value),
              ) ?? '';
          } catch {
            text = String((event as CustomEvent).detail);
          }
          seen.push({ type: event.type, text });
        },
        { capture: true },
      );
    }
  }, ELEMENT_EVENT_TYPES);
}

/** The events the page has seen since it loaded. */
const seenEvents = async (page: Page) =>
  (await page.evaluate(
    () => (window as unknown as { seenEvents: Array<{ type: string; text: string }> }).seenEvents,
  )) ?? [];

const containing = (text: string, values: readonly string[]) =>
  values.filter((value) => text.toLowerCase().includes(value.toLowerCase()));

async function applyAsNewCustomer(checkout: Checkout): Promise<void> {
  const apply = await startApplication(checkout.page);
  await typeApplication(apply, applicant);
  await apply.locator('[name="sin"]').pressSequentially(SIN_TYPED);
  await apply.getByRole('button', { name: 'Review my application' }).click();
  await apply.getByRole('heading', { name: 'Check your application' }).waitFor();
}

async function choosePlanAndSms(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Continue to choose your plan' }).click();
  await chooseNoInterestPlan(page, 10);
}

/** Everything the page kept: its URL, cookies, both storages and IndexedDB's databases. */
async function pageStorage(checkout: Checkout): Promise<string> {
  // A string, not a function: tsx would wrap named helpers in `__name`, which the page does not have.
  const kept = await checkout.page.evaluate(`(async () => {
    const dump = (storage) => Object.fromEntries(Array.from({ length: storage.length }, (_, index) => [storage.key(index), storage.getItem(storage.key(index))]));
    return {
      url: location.href,
      cookie: document.cookie,
      local: dump(localStorage),
      session: dump(sessionStorage),
      databases: (await indexedDB.databases()).map((database) => database.name),
    };
  })()`);
  return JSON.stringify({ ...(kept as object), cookies: await checkout.context.cookies() });
}

describe('the demo checkout: PII and the network cut', () => {
  const browser = sharedBrowser();

  it('complete journeys leave nothing typed anywhere but the requests that need it', async () => {
    const checkout = await openCheckout(browser());
    const { page, demo } = checkout;
    try {
      // A new customer: application (with SIN), plan, SMS code, purchase.
      await applyAsNewCustomer(checkout);
      const apply = step(page, 'apply').locator('flexiti-apply');
      await apply.getByRole('button', { name: 'Confirm and apply' }).click();
      await apply.getByRole('heading', { name: "You're approved" }).waitFor();
      await choosePlanAndSms(page);
      const verify = step(page, 'verify').locator('flexiti-verify');
      await verify.getByRole('radio', { name: 'Get a code by text message' }).check();
      await verify.getByRole('button', { name: 'Continue' }).click();
      await typeAndEnter(verify.getByRole('textbox', { name: 'Verification code' }), '2222');
      await purchaseApproved(page);

      // An existing customer, on a fresh load of the page: lookup, a wrong then the right security answer, purchase.
      // (A reload reopens the order the tab is on, so the customer starts a new one first.)
      const seen = await seenEvents(page);
      await page.getByRole('button', { name: 'Start a new order' }).click();
      await page.reload();
      await findAccountByName(page, { firstName: 'John', lastName: 'Doe', dob: '1974-05-15' });
      await chooseNoInterestPlan(page, 20);
      const verify2 = step(page, 'verify').locator('flexiti-verify');
      const answer = await answerSecurityQuestion(
        verify2,
        'What is the name of your favourite childhood friend?',
        applicant.security_answer,
      );
      await verify2.locator('[aria-invalid="true"]').first().waitFor();
      await answer.fill('');
      await typeAndEnter(answer, 'Buddy');
      await purchaseApproved(page);

      assert.equal(demo.sandbox.state.transactions.length, 2, 'both journeys ended in a purchase');
      seen.push(...(await seenEvents(page)));

      // The requests: secrets only in the POST that needs them; nothing typed in any URL.
      const needs: Array<[RegExp, readonly string[]]> = [
        [/\/api\/flexiti\/apply$/, [SIN, applicant.piw, applicant.security_answer]],
        [/\/api\/flexiti\/verify$/, [applicant.security_answer, 'Buddy']],
      ];
      assert.ok(
        checkout.requests.some((request) => request.url.endsWith('/api/flexiti/apply') && request.body.includes(SIN)),
        'the application was posted with the SIN',
      );
      for (const request of checkout.requests) {
        assert.deepEqual(containing(decodeURIComponent(request.url), TYPED), [], `URL ${request.url}`);
        const allowed = needs.find(([route]) => route.test(request.url))?.[1] ?? [];
        const leaked = containing(request.body, SECRETS).filter(
          (value) => !allowed.includes(value) && !(value === SIN_TYPED && allowed.includes(SIN)),
        );
        assert.deepEqual(leaked, [], `${request.url} carries ${leaked.join(', ')}`);
      }
      // Events: secrets only in their request event; flexiti-error never carries anything typed.
      const eventNeeds: Record<string, readonly string[]> = {
        'flexiti-apply-request': [SIN, applicant.piw, applicant.security_answer],
        'flexiti-verify-request': [applicant.security_answer, 'Buddy'],
      };
      assert.ok(
        seen.some((event) => event.type === 'flexiti-apply-request'),
        'the page saw the events',
      );
      for (const event of seen) {
        const allowed = eventNeeds[event.type] ?? [];
        const leaked = containing(event.text, SECRETS).filter(
          (value) => !allowed.includes(value) && !(value === SIN_TYPED && allowed.includes(SIN)),
        );
        assert.deepEqual(leaked, [], `${event.type} carries ${leaked.join(', ')}`);
        if (event.type === 'flexiti-error')
          assert.deepEqual(containing(event.text, TYPED), [], `flexiti-error ${event.text}`);
      }
      assert.ok(
        seen.some((event) => event.type === 'flexiti-error'),
        'the wrong answer was reported as flexiti-error',
      );
      // Kept nowhere, logged nowhere.
      assert.deepEqual(containing(await pageStorage(checkout), TYPED), [], 'URL, cookies, storage, IndexedDB');
      assert.deepEqual(containing(checkout.consoleLines.join('\n'), TYPED), [], 'the console');
      assert.deepEqual(
        containing(JSON.stringify(demo.sandbox.state.requests), TYPED),
        [],
        'the sandbox (handler) request log',
      );
      assert.deepEqual(checkout.pageErrors, []);
    } finally {
      await checkout.close();
    }
  });

  it('the network cut before confirming, before verifying and before paying: a retry each time, nothing lost, one application and one purchase', async () => {
    const checkout = await openCheckout(browser());
    const { page, context, demo } = checkout;
    try {
      await applyAsNewCustomer(checkout);
      const apply = step(page, 'apply').locator('flexiti-apply');

      // 1. Offline when the customer confirms the application.
      await context.setOffline(true);
      await apply.getByRole('button', { name: 'Confirm and apply' }).click();
      await apply.locator('[part="submit-error"]').waitFor();
      assert.match(await apply.locator('[part="submit-error"]').innerText(), /couldn.t connect/i);
      assert.equal(demo.sandbox.state.applications.length, 0, 'nothing reached the server');
      await page.waitForTimeout(1000);
      assert.equal(demo.sandbox.state.applications.length, 0, 'and nothing was sent by itself');
      // Nothing typed is lost: back to the form and look.
      await apply.getByRole('button', { name: 'Change my answers' }).click();
      for (const name of ['first_name', 'last_name', 'email', 'security_answer', 'piw'] as const) {
        assert.equal(await apply.locator(`[name="${name}"]`).inputValue(), applicant[name], `${name} kept`);
      }
      assert.equal((await apply.locator('[name="sin"]').inputValue()).replace(/\D/g, ''), SIN);
      await context.setOffline(false);
      await apply.getByRole('button', { name: 'Review my application' }).click();
      await apply.getByRole('button', { name: 'Confirm and apply' }).click();
      await apply.getByRole('heading', { name: "You're approved" }).waitFor();
      assert.equal(demo.sandbox.state.applications.length, 1, 'one application');

      // 2. Offline when the customer asks for an SMS code.
      await choosePlanAndSms(page);
      const verify = step(page, 'verify').locator('flexiti-verify');
      await context.setOffline(true);
      await verify.getByRole('radio', { name: 'Get a code by text message' }).check();
      await verify.getByRole('button', { name: 'Continue' }).click();
      const retry = verify.getByRole('button', { name: /try again/i });
      await retry.waitFor();
      await context.setOffline(false);
      await retry.click();
      const code = verify.getByRole('textbox', { name: 'Verification code' });
      await code.waitFor();

      // 3. Offline when the customer pays.
      await code.pressSequentially('2222');
      await context.setOffline(true);
      await code.press('Enter');
      const retryPurchase = verify.getByRole('button', { name: /try again/i });
      await retryPurchase.waitFor();
      await page.waitForTimeout(1000);
      assert.equal(demo.sandbox.state.transactions.length, 0, 'no purchase while offline, and none sent by itself');
      await context.setOffline(false);
      await retryPurchase.click();
      await purchaseApproved(page);
      assert.equal(demo.sandbox.state.transactions.length, 1, 'one purchase');
      assert.equal(demo.sandbox.state.applications.length, 1, 'still one application');
      assert.deepEqual(checkout.pageErrors, []);
    } finally {
      await checkout.close();
    }
  });
});
