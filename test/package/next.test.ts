/**
 * Next.js App Router as an adopter builds it (`test/next`): a server component page that renders a client
 * component, and the handler as a route handler on the sandbox. The packed tarball is installed into a
 * temporary project with Next.js, `next build` type-checks and compiles it, `next start` serves it, and
 * Chromium checks what the customer meets after hydration:
 * - React 19 attaches no listener to a custom element's `on<event>` prop when it hydrates (facebook/react#35446),
 *   so the README sends Next.js users to the `flexiti-elements/react` wrappers or to `connect()`; both work here;
 * - `connect()` runs in an effect, after the elements' first request found nobody: the element asks again.
 * Needs `npm run build`. Network: the npm registry only (npm's cache first); about 2 minutes on a cold cache.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { freePort } from '../node/helpers/free-port.js';
import { npmQuiet, pack, root, run } from './pack.js';

/** The Next.js this consumer is checked with (exact, so CI installs the same one every run). */
const NEXT_VERSION = '16.4.6';

const devDependencies = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
).devDependencies;

describe('Next.js App Router with the packed package (test/next)', () => {
  let work: string;
  let app: string;
  let built: { status: number | null; output: string };
  let server: ChildProcess | undefined;
  let origin: string;
  let browser: Browser | undefined;
  let page: Page;
  const consoleErrors: string[] = [];

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'flexiti-next-'));
    const { tarball } = pack(work);
    app = join(work, 'app');
    cpSync(join(root, 'test/next'), app, { recursive: true });
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'next-consumer', private: true }));
    const deps = ['react', 'react-dom', '@types/react', '@types/react-dom', '@types/node', '@lit/react', 'typescript'];
    const installed = run(
      'npm',
      [
        'install',
        ...npmQuiet,
        tarball,
        `next@${NEXT_VERSION}`,
        ...deps.map((name) => `${name}@${devDependencies[name]}`),
      ],
      { cwd: app },
    );
    assert.equal(installed.status, 0, installed.output);
    const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
    built = run(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { cwd: app, env });
    if (built.status !== 0) return; // the build's own test reports it
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    server = spawn(
      process.execPath,
      ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'],
      {
        cwd: app,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`next start did not get ready:\n${output}`)), 60_000);
      server!.stdout!.on('data', (chunk: Buffer) => {
        output += chunk;
        if (/Ready in/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      });
      server!.once('exit', (code) => reject(new Error(`next start exited with ${code}:\n${output}`)));
    });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
    page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(`${origin}/`);
  });

  after(async () => {
    await browser?.close();
    server?.kill();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** The visible text of an element's shadow root, once it holds `expected` (or what it held after 20 s). */
  async function shadowTextOnce(selector: string, expected: RegExp): Promise<string> {
    const element = page.locator(selector);
    const read = () => element.evaluate((el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    await page
      .waitForFunction(
        ([query, source, flags]) =>
          new RegExp(source!, flags).test(
            document.querySelector(query!)?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '',
          ),
        [selector, expected.source, expected.flags],
        { timeout: 20_000 },
      )
      .catch(() => undefined); // the caller's assertion shows what the text was instead
    return read();
  }

  it('next build type-checks and compiles the client component, the JSX tags and the route handler', () => {
    assert.equal(built.status, 0, built.output);
    assert.match(built.output, /\/api\/flexiti\/\[\.\.\.route\]/);
  });

  it('the route handler answers the public form-values from the sandbox over HTTP', async () => {
    const response = await fetch(`${origin}/api/flexiti/form-values?lang=en`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { offer_types?: unknown[]; province?: unknown[] };
    assert.ok(Array.isArray(body.offer_types) && body.offer_types.length > 0);
  });

  it("the wrapper's listener survives hydration: the Ontario terms come from the route handler", async () => {
    const text = await shadowTextOnce('#wrapper-terms', /SANDBOX TEXT/);
    assert.match(text, /Rest of Canada/);
    assert.doesNotMatch(text, /isn't connected/);
  });

  it('connect() in an effect answers the element that asked before hydration: the Quebec terms are shown', async () => {
    const text = await shadowTextOnce('#connected-terms', /TEXTE DU BAC À SABLE/);
    assert.match(text, /Québec/);
    assert.doesNotMatch(text, /isn't connected/);
  });

  it("the wrapper's onChange reports the customer's plan and term to React state", async () => {
    await page.locator('flexiti-plan-picker input[name="plan"]').first().check();
    await page.locator('flexiti-plan-picker input[name="term"]').first().check();
    await page.waitForFunction(() => document.querySelector('#plan')?.textContent !== '');
    assert.match((await page.locator('#plan').textContent()) ?? '', /^3 12$/);
  });

  it('hydrates without an error in the console (a mismatch, a failed request)', () => {
    // The only request that may fail is the favicon, which this small app does not have.
    assert.deepEqual(
      consoleErrors.filter((text) => !/404/.test(text)),
      [],
    );
  });
});
