/**
 * End-to-end harness: the real demo server (`startDemoServer`, Vite + handler + sandbox in this process) on a
 * free 127.0.0.1 port, driven by Debian's Chromium through playwright-core.
 */
import { createRequire } from 'node:module';
import { after, before, type TestContext } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { startDemoServer, type DemoServer } from '../../scripts/start.js';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
}

/** One Chromium for the suite this is called in: launched before its tests, closed after them. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });
  return () => browser!;
}

export interface Checkout {
  page: Page;
  context: BrowserContext;
  demo: DemoServer;
  /** Uncaught errors in the page: a journey must end with none. */
  pageErrors: string[];
  close(): Promise<void>;
}

export interface CheckoutOptions {
  lang?: 'en-CA' | 'fr-CA';
  /** Runs on the new page before it loads the cart: listeners and init scripts that must see everything. */
  beforeLoad?: (page: Page) => Promise<void>;
  /** A phone instead of the 1280×900 desktop: 390×844, touch, device pixel ratio 2. */
  phone?: boolean;
}

/** A fresh server (fresh sandbox, no file watching: nothing may reload the page mid-journey) and a fresh page on the cart. */
/** {@link openCheckout}, closed when the test `t` ends (pass or fail): no try/finally in the test. */
export async function openCheckoutFor(
  t: TestContext,
  browser: Browser,
  options: CheckoutOptions = {},
): Promise<Checkout> {
  const checkout = await openCheckout(browser, options);
  t.after(() => checkout.close());
  return checkout;
}

export async function openCheckout(
  browser: Browser,
  { lang = 'en-CA', beforeLoad, phone = false }: CheckoutOptions = {},
): Promise<Checkout> {
  const demo = await startDemoServer({ port: 0, host: '127.0.0.1', logLevel: 'silent', watch: false });
  const context = await browser.newContext(
    phone
      ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: lang }
      : { viewport: { width: 1280, height: 900 }, locale: lang },
  );
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await beforeLoad?.(page);
  await page.goto(demo.url);
  await page.locator('[data-step="cart"] h2').waitFor();
  // The merchant's server created the checkout; the element loaded it and shows its first step.
  await page.locator('flexiti-checkout [data-step="choose"] h2').waitFor();
  return {
    page,
    context,
    demo,
    pageErrors,
    close: async () => {
      await context.close();
      await demo.close();
    },
  };
}

/** A step of the page or of `<flexiti-checkout>` (`cart`, `choose`, `apply`, `lookup`, `plan`, `verify`, `receipt`, `ended`). */
export const step = (page: Page, name: string): Locator => page.locator(`[data-step="${name}"]`);

/** The one order the demo's server created for this page (`POST /demo/checkout`), with the cart's amount. */
export function theOrder(demo: DemoServer): { orderId: string; checkout: string; amount: number } {
  const orders = [...demo.orders];
  if (orders.length !== 1) throw new Error(`expected one order, the server created ${orders.length}`);
  const [orderId, order] = orders[0]!;
  return { orderId, ...order };
}

/** Exactly one purchase is recorded in the sandbox, for the checkout's amount; returns it. */
export function onePurchaseOfTheCheckout(demo: DemoServer) {
  const { amount } = theOrder(demo);
  const purchases = demo.sandbox.state.transactions;
  if (purchases.length !== 1) throw new Error(`expected one purchase in the sandbox, found ${purchases.length}`);
  if (Number(purchases[0]!.amount) !== amount)
    throw new Error(`the purchase is for ${purchases[0]!.amount}, the checkout for ${amount}`);
  return purchases[0]!;
}

/** From the first step to the empty application form (in English); returns `<flexiti-apply>`. */
export async function startApplication(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Apply for a Flexiti account' }).click();
  return step(page, 'apply').locator('flexiti-apply');
}

/** The personas panel's sample applicant, then the terms, review and confirm. */
export async function applyAsSample(
  page: Page,
  names: { apply: string; sample: string; review: RegExp; confirm: RegExp },
): Promise<Locator> {
  await page.getByRole('button', { name: names.apply }).click();
  const apply = step(page, 'apply').locator('flexiti-apply');
  await page.getByRole('button', { name: names.sample, exact: true }).click();
  await agreeToTerms(apply);
  await apply.getByRole('button', { name: names.review }).click();
  await apply.getByRole('button', { name: names.confirm }).click();
  return apply;
}

/** From the first step to the plan step (in English): an existing customer found by name and date of birth. */
export async function findAccountByName(
  page: Page,
  customer: { firstName: string; lastName: string; dob: string },
): Promise<void> {
  await page.getByRole('button', { name: 'I already have a Flexiti account' }).click();
  const lookup = step(page, 'lookup').locator('flexiti-lookup');
  await lookup.getByRole('textbox', { name: 'First name', exact: true }).pressSequentially(customer.firstName);
  await lookup.getByRole('textbox', { name: 'Last name', exact: true }).pressSequentially(customer.lastName);
  await lookup.getByRole('textbox', { name: 'Date of birth', exact: true }).pressSequentially(customer.dob);
  await lookup.getByRole('button', { name: 'Find my account' }).click();
}

/** On the plan step: Equal Payments, No Interest over `months`, then on to verification. */
export async function chooseNoInterestPlan(page: Page, months: number): Promise<void> {
  const plan = step(page, 'plan');
  await plan
    .getByRole('radio', { name: /^Equal Payments, No Interest/ })
    .first()
    .check();
  await plan.getByRole('radio', { name: new RegExp(`^Equal Payments, No Interest, ${months} months`) }).check();
  await plan.getByRole('button', { name: 'Continue' }).click();
}

/** Types `text` into `field` key by key and submits it with Enter, as a customer enters a code or an answer. */
export async function typeAndEnter(field: Locator, text: string): Promise<void> {
  await field.pressSequentially(text);
  await field.press('Enter');
}

/** Waits for the receipt of an approved purchase (in English) and returns its step. */
export async function purchaseApproved(page: Page): Promise<Locator> {
  const receipt = step(page, 'receipt');
  await receipt.getByRole('heading', { name: 'Thank you! Your purchase is approved' }).waitFor();
  return receipt;
}

/** The events panel's entries, as `type status` lines. */
export async function loggedEvents(page: Page): Promise<string[]> {
  return page
    .locator('.event-log li')
    .evaluateAll((items) =>
      items.map(
        (item) =>
          `${item.querySelector('.type')?.textContent?.trim()} ${item.querySelector('.status')?.textContent?.trim()}`,
      ),
    );
}

const require = createRequire(import.meta.url);

/** Runs axe-core in the page (the copy @open-wc/testing brings) and returns its violations' rule ids. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(
      (violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`,
    );
  });
}

export interface Applicant {
  salutation: string;
  first_name: string;
  last_name: string;
  dob: string;
  address_1: string;
  city: string;
  province: string;
  postal_code: string;
  phone_number: string;
  email: string;
  personal_income: string;
  household_income: string;
  monthly_housing_expenses?: string;
  housing_type: string;
  occupation_id: string;
  occupation_title: string;
  security_qid: string;
  security_answer: string;
  piw: string;
}

/**
 * On `verify` (the verify step's element): the security question method, the question named `question`, and
 * `answer` typed into its field and sent with Enter. The answer field, to read or retype.
 */
export async function answerSecurityQuestion(verify: Locator, question: string, answer: string): Promise<Locator> {
  await verify.getByRole('radio', { name: 'Answer a security question' }).check();
  await verify.getByRole('button', { name: 'Continue' }).click();
  await verify.getByRole('radio', { name: question }).check();
  const field = verify.getByLabel('Your answer');
  await typeAndEnter(field, answer);
  return field;
}

/** The application's fields in the order the form shows them, and those chosen from a list. */
const FORM_ORDER = [
  'salutation',
  'first_name',
  'last_name',
  'dob',
  'address_1',
  'city',
  'province',
  'postal_code',
  'phone_number',
  'email',
  'personal_income',
  'household_income',
  'housing_type',
  'monthly_housing_expenses',
  'occupation_id',
  'occupation_title',
  'security_qid',
  'security_answer',
  'piw',
] as const satisfies readonly (keyof Applicant)[];
const LISTS = new Set<keyof Applicant>(['salutation', 'province', 'housing_type', 'occupation_id', 'security_qid']);

/**
 * Fills `<flexiti-apply>` as a customer would: typing every text field key by key, choosing from the lists,
 * then reading the terms to their end with the keyboard and ticking the box.
 */
export async function typeApplication(apply: Locator, applicant: Applicant): Promise<void> {
  for (const name of FORM_ORDER) {
    const field = apply.locator(`[name="${name}"]`);
    const value = applicant[name];
    if (value === undefined) continue;
    if (LISTS.has(name)) {
      await field.selectOption(value);
    } else {
      await field.fill('');
      await field.pressSequentially(value);
    }
  }
  await agreeToTerms(apply);
}

/** The terms for the chosen province: focus their scrolling region, End to the bottom, Space on the box. */
export async function agreeToTerms(apply: Locator): Promise<void> {
  const terms = apply.locator('flexiti-terms');
  await terms.getByRole('region').focus();
  await terms.page().keyboard.press('End');
  const box = terms.getByRole('checkbox');
  await box.waitFor();
  await expectEnabled(box);
  await box.focus();
  await terms.page().keyboard.press('Space');
}

async function expectEnabled(locator: Locator): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await locator.isEnabled())) {
    if (Date.now() > deadline) throw new Error('The terms checkbox never became available');
    await locator.page().waitForTimeout(50);
  }
}
