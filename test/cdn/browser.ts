// Chromium through playwright-core for the tests of built output (no browser download: Debian's chromium).
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
}

/** What the page said on the console and threw, for assertions. */
export interface PageRecord {
  warnings: string[];
  errors: string[];
}

export function record(page: Page): PageRecord {
  const seen: PageRecord = { warnings: [], errors: [] };
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'warning') seen.warnings.push(message.text());
    // The browser's own favicon request is not the page's doing.
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico'))
      seen.errors.push(message.text());
  });
  page.on('pageerror', (error) => seen.errors.push(`pageerror: ${error.message}`));
  return seen;
}
