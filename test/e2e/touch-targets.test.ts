/**
 * Touch targets, measured as rendered in Chromium at every step of the demo checkout (issue 20): every button,
 * field, radio and checkbox inside the elements is at least 24 × 24 px with a mouse (WCAG 2.2, 2.5.8), and at
 * least 44 px tall and wide on a phone, where `(pointer: coarse)` matches. A radio's or checkbox's target is the
 * control with its label (clicking the label chooses it); inline links in sentences are exempt, as WCAG allows.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  chooseNoInterestPlan,
  findAccountByName,
  openCheckoutFor,
  sharedBrowser,
  startApplication,
  step,
} from './harness.js';

interface Target {
  what: string;
  width: number;
  height: number;
}

/** Every visible control inside the page's shadow roots, with its target's size (control ∪ its labels). */
async function targets(page: Page): Promise<Target[]> {
  // No named functions inside: tsx would wrap them in a helper the page doesn't have.
  return page.evaluate(() => {
    const found: { what: string; width: number; height: number }[] = [];
    const roots: ShadowRoot[] = [];
    for (const host of document.querySelectorAll('flexiti-checkout')) if (host.shadowRoot) roots.push(host.shadowRoot);
    for (let index = 0; index < roots.length; index++) {
      const root = roots[index]!;
      for (const inner of root.querySelectorAll('*')) if (inner.shadowRoot) roots.push(inner.shadowRoot);
      for (const control of root.querySelectorAll<HTMLElement>('button, input, select, textarea')) {
        const own = control.getBoundingClientRect();
        if (own.width === 0 || own.height === 0 || control.closest('[hidden]')) continue;
        if ((control as HTMLInputElement).type === 'hidden') continue;
        let { left, top, right, bottom } = own;
        const labels = (control as HTMLInputElement).labels;
        const choice = control instanceof HTMLInputElement && /^(radio|checkbox)$/.test(control.type);
        if (choice && labels) {
          for (const label of labels) {
            const box = label.getBoundingClientRect();
            if (box.width === 0) continue;
            left = Math.min(left, box.left);
            top = Math.min(top, box.top);
            right = Math.max(right, box.right);
            bottom = Math.max(bottom, box.bottom);
          }
        }
        const name =
          control.getAttribute('aria-label') ?? labels?.[0]?.textContent?.trim() ?? control.textContent?.trim() ?? '';
        found.push({
          what: `${(root.host as HTMLElement).localName} ${control.localName}[${(control as HTMLInputElement).type ?? ''}] ${name.replace(/\s+/g, ' ').slice(0, 40)}`,
          width: Math.round((right - left) * 10) / 10,
          height: Math.round((bottom - top) * 10) / 10,
        });
      }
    }
    return found;
  });
}

/** The targets under `least` px at this step, as `step: element control name: width × height`. */
async function smallTargets(page: Page, where: string, least: number): Promise<string[]> {
  const all = await targets(page);
  assert.ok(all.length > 0, `${where}: no controls measured`);
  return all
    .filter((target) => target.width < least || target.height < least)
    .map(({ what, width, height }) => `${where}: ${what}: ${width} × ${height}`);
}

/** Walks the checkout's steps, measuring each: the choice, the application, the lookup, the plan, the
 * verification by security question and by code. */
async function measureEveryStep(page: Page, least: number): Promise<string[]> {
  const small: string[] = [];
  const expectTargets = async (where: string, size: number) => small.push(...(await smallTargets(page, where, size)));
  await step(page, 'choose').locator('h2').waitFor();
  await expectTargets('choose', least);
  const apply = await startApplication(page);
  await apply.getByRole('textbox', { name: 'First name' }).waitFor();
  await expectTargets('apply', least);
  await step(page, 'apply').getByRole('button', { name: 'Back' }).click();
  await findAccountByName(page, { firstName: 'John', lastName: 'Doe', dob: '1974-05-15' });
  await step(page, 'plan').getByRole('radio').first().waitFor();
  await expectTargets('plan', least);
  await chooseNoInterestPlan(page, 20);
  const verify = step(page, 'verify').locator('flexiti-verify');
  await verify.getByRole('radio', { name: 'Answer a security question' }).waitFor();
  await expectTargets('verify', least);
  await verify.getByRole('radio', { name: 'Answer a security question' }).check();
  await verify.getByRole('button', { name: 'Continue' }).click();
  await verify.getByLabel('Your answer').waitFor();
  await expectTargets('security question', least);
  await verify.getByRole('button', { name: 'Choose another method' }).click();
  await verify.getByRole('radio', { name: 'Get a code by text message' }).check();
  await verify.getByRole('button', { name: 'Continue' }).click();
  await verify.getByRole('textbox', { name: /code/i }).waitFor();
  await expectTargets('code', least);
  return small;
}

describe('touch targets, measured', () => {
  const browser = sharedBrowser();

  it('with a mouse: every target at least 24 × 24 px at every step', async (t) => {
    const { page, pageErrors } = await openCheckoutFor(t, browser());
    assert.equal(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), false);
    assert.deepEqual(await measureEveryStep(page, 24), [], 'targets under 24 px');
    assert.deepEqual(pageErrors, []);
  });

  it('on a phone (pointer: coarse): every target at least 44 × 44 px at every step', async (t) => {
    const { page, pageErrors } = await openCheckoutFor(t, browser(), { phone: true });
    assert.equal(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), true, 'a coarse pointer');
    assert.deepEqual(await measureEveryStep(page, 44), [], 'targets under 44 px');
    assert.deepEqual(pageErrors, []);
  });
});
