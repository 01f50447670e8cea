/**
 * End-to-end harness: the real demo server (`startDemoServer`, Vite + handler + sandbox in this process) on a
 * free 127.0.0.1 port, driven by Debian's Chromium through playwright-core.
 */
import { createRequire } from 'node:module';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../../scripts/start.js';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface Checkout {
  page: Page;
  demo: DemoServer;
  /** Uncaught errors in the page: a journey must end with none. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** A fresh server (fresh sandbox) and a fresh page on the cart. */
export async function openCheckout(browser: Browser, { lang = 'en-CA' }: { lang?: 'en-CA' | 'fr-CA' } = {}): Promise<Checkout> {
  const demo = await startDemoServer({ port: 0, host: '127.0.0.1', logLevel: 'silent', watch: false });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(demo.url);
  await page.locator('[data-step="cart"] h2').waitFor();
  return {
    page,
    demo,
    pageErrors,
    close: async () => {
      await context.close();
      await demo.close();
    },
  };
}

/** A visible step of the checkout (`cart`, `apply`, `plan`, `verify`, `receipt`…). */
export const step = (page: Page, name: string): Locator => page.locator(`[data-step="${name}"]`);

/** The events panel's entries, as `type status` lines. */
export async function loggedEvents(page: Page): Promise<string[]> {
  return page.locator('.event-log li').evaluateAll((items) =>
    items.map((item) => `${item.querySelector('.type')?.textContent?.trim()} ${item.querySelector('.status')?.textContent?.trim()}`),
  );
}

const require = createRequire(import.meta.url);

/** Runs axe-core in the page (the copy @open-wc/testing brings) and returns its violations' rule ids. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
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
 * Fills `<flexiti-apply>` as a customer would: typing every text field key by key, choosing from the lists,
 * then reading the terms to their end with the keyboard and ticking the box.
 */
export async function typeApplication(apply: Locator, applicant: Applicant): Promise<void> {
  const field = (name: string) => apply.locator(`[name="${name}"]`);
  const type = async (name: keyof Applicant) => {
    const value = applicant[name];
    if (value === undefined) return;
    await field(name).fill('');
    await field(name).pressSequentially(value);
  };
  await field('salutation').selectOption(applicant.salutation);
  await type('first_name');
  await type('last_name');
  await type('dob');
  await type('address_1');
  await type('city');
  await field('province').selectOption(applicant.province);
  await type('postal_code');
  await type('phone_number');
  await type('email');
  await type('personal_income');
  await type('household_income');
  await field('housing_type').selectOption(applicant.housing_type);
  await type('monthly_housing_expenses');
  await field('occupation_id').selectOption(applicant.occupation_id);
  await type('occupation_title');
  await field('security_qid').selectOption(applicant.security_qid);
  await type('security_answer');
  await type('piw');
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
