// Chromium through playwright-core for the tests of built output (no browser download: Debian's chromium).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before } from 'node:test';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import type { StaticServer } from './static-server.js';

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

/** Fails at once, saying what to run, when a built file the tests load is missing. */
export function assertBuilt(file: string): void {
  assert.ok(existsSync(new URL(`../../${file}`, import.meta.url)), `${file} is missing: run \`npm run build\` first`);
}

/**
 * For a describe(): the static servers `start` opens and one Chromium, started before the tests and closed after
 * them (the browser first, then the servers, the last started first). Filled in by `before`: read it in the tests.
 */
export function servedToChromium<Servers extends Record<string, StaticServer>>(
  start: () => Promise<Servers>,
): Servers & { browser: Browser } {
  const served = {} as Servers & { browser: Browser };
  let servers: StaticServer[] = [];
  before(async () => {
    const started = await start();
    servers = Object.values(started);
    Object.assign(served, started, { browser: await launchChromium() });
  });
  after(async () => {
    await served.browser?.close();
    for (const server of servers.reverse()) await server.close();
  });
  return served;
}
