// Strict CSP: the CDN test page (test/cdn/index.html: the bundle plus the merchant's own script and CSS, no
// inline code) served with the policy README.md gives merchants. Every element is driven through its states —
// hostile terms HTML, the application's errors (field, declined, network, local validation), the plan picker,
// verification — and the page must see no `securitypolicyviolation` and throw no Trusted Types error.
// From another origin, the page with the autoloader too. Needs `npm run build` (dist/cdn/).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { record, servedToChromium, type PageRecord } from '../cdn/browser.js';
import {
  agreeToTerms,
  applyAndConfirm,
  choosePlan,
  completeJourney,
  loggedErrors,
  openPage,
  result,
  text,
  WITH_AUTOLOADER,
} from '../cdn/flows.js';
import { startStaticServer } from '../cdn/static-server.js';

/** The policy merchants need (README "Content Security Policy"). */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html dompurify";

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

/** Records violations from the first moment of the document (an init script runs before the page's own). */
async function watch(page: Page): Promise<PageRecord> {
  await page.addInitScript(() => {
    const violations: unknown[] = [];
    (window as unknown as { cspViolations: unknown[] }).cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample });
    });
  });
  return record(page);
}

/** A new page of `browser` at `url`, watched from its first moment. */
async function openWatched(browser: Browser, url: string): Promise<{ page: Page; seen: PageRecord }> {
  const page = await browser.newPage();
  const seen = await watch(page);
  await openPage(page, url);
  return { page, seen };
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: Violation[] }).cspViolations);

async function assertClean(page: Page, seen: PageRecord): Promise<void> {
  assert.deepEqual(await violations(page), [], 'securitypolicyviolation events');
  assert.deepEqual(
    seen.errors.filter((line) => /Content Security Policy|Trusted ?Type|Refused/i.test(line)),
    [],
  );
  assert.deepEqual(seen.errors, [], 'console errors and uncaught exceptions');
}

describe(`the elements under a strict CSP (${STRICT_CSP})`, () => {
  const served = servedToChromium(async () => ({
    server: await startStaticServer({
      root,
      allow: ['dist/cdn', 'test/cdn', 'test/fixtures'],
      htmlHeaders: { 'content-security-policy': STRICT_CSP },
    }),
  }));

  it('detects a violation when there is one (the check itself can fail)', async () => {
    const { page } = await openWatched(served.browser, `${served.server.origin}/test/cdn/index.html`);
    const threw = await page.evaluate(() => {
      try {
        document.body.insertAdjacentHTML('beforeend', '<p>not trusted</p>');
        return false;
      } catch {
        return true;
      }
    });
    assert.equal(threw, true, 'Trusted Types are enforced');
    await page.waitForFunction(() => (window as unknown as { cspViolations: unknown[] }).cspViolations.length > 0);
    assert.equal((await violations(page))[0]!.directive, 'require-trusted-types-for');
    await page.close();
  });

  it('plan picker, terms, verification and an approved application: no violation', async () => {
    const { page, seen } = await openWatched(served.browser, `${served.server.origin}/test/cdn/index.html`);
    await completeJourney(page);
    await assertClean(page, seen);
    await page.close();
  });

  it('hostile terms HTML: nothing runs or applies, and no Trusted Types or script violation', async () => {
    const { page, seen } = await openWatched(
      served.browser,
      `${served.server.origin}/test/cdn/index.html?terms=hostile`,
    );
    await agreeToTerms(page);
    // The sanitized terms keep their text and formatting; nothing of the hostile markup ran or stayed.
    assert.match(await text(page, '#terms [part~="region"]'), /Read before you agree\..*Quebec clause\./);
    assert.equal(await page.locator('#terms [part~="region"] :is([style], img, style, script)').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { flexitiXss?: string }).flexitiXss), undefined);
    // Chromium reports inline styles and handlers met while *parsing* untrusted HTML, even in an inert document
    // (DOMParser, <template>, and its own Element.setHTML alike): blocked reports, nothing applied. Those are the
    // only reports allowed here; README's CSP section tells merchants.
    const reports = await violations(page);
    assert.ok(reports.length > 0, 'the hostile markup was parsed');
    for (const report of reports) {
      assert.equal(report.blocked, 'inline');
      assert.ok(
        ['style-src-attr', 'script-src-attr', 'style-src-elem'].includes(report.directive),
        JSON.stringify(report),
      );
    }
    assert.deepEqual(
      seen.errors.filter((line) => /Trusted ?Type|TrustedHTML|pageerror/i.test(line)),
      [],
    );
    await page.close();
  });

  it('application errors from the host (fields, declined, network) and local validation: no violation', async () => {
    const page = await served.browser.newPage();
    const seen = await watch(page);

    await openPage(page, `${served.server.origin}/test/cdn/index.html?apply=field-errors`);
    await applyAndConfirm(page);
    await page.locator('#apply #postal_code[aria-invalid="true"]').waitFor();

    await openPage(page, `${served.server.origin}/test/cdn/index.html?apply=network`);
    await applyAndConfirm(page);
    await page.locator('#apply [part~="submit-error"]').waitFor();
    assert.deepEqual(
      (await loggedErrors(page)).map((entry) => entry.code),
      ['network_error'],
    );

    await openPage(page, `${served.server.origin}/test/cdn/index.html?apply=declined`);
    await applyAndConfirm(page);
    assert.equal(await result(page), 'declined');

    // Local validation: a wrong postal code and a missing name, then the error summary.
    await openPage(page, `${served.server.origin}/test/cdn/index.html`);
    await page.locator('#apply #postal_code').fill('ZZZ');
    await page.locator('#apply #first_name').fill('');
    await page.locator('#apply form [part~="submit-button"]').click();
    await page.locator('#apply [part~="error-summary"]').waitFor();
    assert.equal((await page.locator('#apply [part~="error"]').count()) >= 2, true);

    // The same in French.
    await openPage(page, `${served.server.origin}/test/cdn/index.html?lang=fr-CA&apply=field-errors`);
    await applyAndConfirm(page);
    await page.locator('#apply #postal_code[aria-invalid="true"]').waitFor();
    await assertClean(page, seen);
    await page.close();
  });
});

describe("the bundle loaded twice under a strict CSP with 'allow-duplicates'", () => {
  const served = servedToChromium(async () => ({
    server: await startStaticServer({
      root,
      allow: ['dist/cdn', 'test/cdn', 'test/fixtures'],
      htmlHeaders: {
        'content-security-policy': STRICT_CSP.replace(
          'trusted-types lit-html dompurify',
          "trusted-types lit-html dompurify 'allow-duplicates'",
        ),
      },
    }),
  }));

  it('works, warns once, and reports no violation', async () => {
    const { page, seen } = await openWatched(served.browser, `${served.server.origin}/test/cdn/twice.html`);
    await choosePlan(page);
    await agreeToTerms(page);
    await applyAndConfirm(page);
    assert.equal(await result(page), 'approved');
    assert.equal(seen.warnings.filter((warning) => warning.includes('loaded twice')).length, 1);
    await assertClean(page, seen);
    await page.close();
  });
});

describe('the elements from another origin (a CDN) under a strict CSP', () => {
  const served = servedToChromium(async () => {
    // The CDN serves the package's files with CORS (module scripts from another origin are CORS requests).
    const cdn = await startStaticServer({ root, allow: ['dist/cdn'], headers: { 'access-control-allow-origin': '*' } });
    /** The test page with its package files from the CDN, after `rewrites` (the autoloader as its entry). */
    const site = (rewrites: [string, string][]) =>
      startStaticServer({
        root,
        allow: ['test/cdn', 'test/fixtures'],
        htmlHeaders: {
          'content-security-policy': STRICT_CSP.replace("script-src 'self'", `script-src 'self' ${cdn.origin}`),
        },
        rewriteHtml: [...rewrites, ['"/dist/cdn/', `"${cdn.origin}/dist/cdn/`]],
      });
    return { cdn, site: await site([]), autoloadSite: await site(WITH_AUTOLOADER) };
  });

  /** Where the page's package files came from. */
  const packageOrigins = (page: Page) =>
    page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name))
        .filter((url) => url.pathname.startsWith('/dist/'))
        .map((url) => `${url.origin} ${url.pathname}`),
    );

  it('loads the entry and its chunks from the CDN and runs the journey with no violation', async () => {
    const { page, seen } = await openWatched(served.browser, `${served.site.origin}/test/cdn/index.html`);
    const loaded = await packageOrigins(page);
    assert.ok(loaded.length > 1, 'an entry and its chunks');
    assert.deepEqual(
      loaded.filter((line) => !line.startsWith(`${served.cdn.origin} /dist/cdn/`)),
      [],
      'every package file from the CDN',
    );
    await completeJourney(page);
    await assertClean(page, seen);
    await page.close();
  });

  it("with the autoloader: loads each tag's file from the CDN as the page needs it, the journey through connect", async () => {
    const { page, seen } = await openWatched(served.browser, `${served.autoloadSite.origin}/test/cdn/index.html`);
    await completeJourney(page);
    const loaded = await packageOrigins(page);
    assert.ok(loaded.includes(`${served.cdn.origin} /dist/cdn/flexiti-autoload.js`), loaded.join('\n'));
    assert.ok(loaded.includes(`${served.cdn.origin} /dist/cdn/flexiti-apply.js`), loaded.join('\n'));
    assert.ok(!loaded.some((line) => line.endsWith('/flexiti-elements.js')), 'not the eager entry');
    assert.deepEqual(
      loaded.filter((line) => !line.startsWith(`${served.cdn.origin} /dist/cdn/`)),
      [],
      'every package file from the CDN',
    );
    await assertClean(page, seen);
    await page.close();
  });

  it('loads the French chunk from the CDN on a French page, with no violation', async () => {
    const { page, seen } = await openWatched(served.browser, `${served.site.origin}/test/cdn/index.html?lang=fr-CA`);
    await page.locator('#picker legend').getByText('Plan de financement').waitFor();
    assert.equal(await text(page, '#apply #form-title'), 'Demande de financement Flexiti');
    const french = (await packageOrigins(page)).filter((line) => line.includes('/chunks/fr-CA-'));
    assert.equal(french.length, 1);
    assert.ok(french[0]!.startsWith(`${served.cdn.origin} `), french[0]);
    await assertClean(page, seen);
    await page.close();
  });
});
