/**
 * `npm run bench`: the performance benchmarks of issue 10, in Debian's Chromium (headless) through playwright-core.
 *
 * Every timing is taken inside the page with `performance.now()` (cross-origin isolated: 5 µs resolution) around
 * the work and a forced style + layout, in a fresh browser context per run so no run inherits another's caches.
 * Each figure sits beside its baseline measured in the same run. Writes bench/results.json and bench/results.md,
 * prints the table, and refreshes the table in README.md between its bench markers.
 *
 * Options: --runs N (default 30), --quick (5 runs, 100 cycles: for trying the harness, not for publishing),
 * --bundle FILE (measure a built bundle instead of building one), --only a,b (scenarios: size, first, scale,
 * picker, memory), --no-readme, --wait-quiet MINUTES (first wait until the load average is under half the cores).
 */
import os from 'node:os';
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium.mjs';
import { minifyTemplates } from '../scripts/vite-minify-templates.mjs';
import { startServer, type StaticServer } from './server.js';
import { rounded, summarize, type Summary } from './stats.js';
import { cpuByKind, KIND_CATEGORIES, KINDS, type Kind, type TraceEvent } from './cpu-kinds.js';
import { compositionOf, entrySize, fileSet, measureBundle, reachable, type BuiltFile } from './size.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH = join(ROOT, 'bench');
const BUILD_DIR = join(BENCH, '.build');

const KB = 1000;

/**
 * Peers bundled the same way (esbuild 0.27, ESM, minified, production; gzip -9), as issue 21's review measured
 * them: fixed reference figures, not re-measured here (no network to fetch the packages).
 */
const PEERS = {
  measured: '2026-12-02, for issue 21 (shared/research/reviews/performance.md §5)',
  rows: [
    { name: 'Adyen Web 6.45.2: AdyenCheckout + Dropin + Card', js: 106.6, css: 19.2, elements: 0 },
    { name: 'Braintree Drop-in 1.48.0 (dropin.create; loads more at run time)', js: 129.8, css: 0, elements: 0 },
    { name: 'Shoelace 2.20.1: 8 form controls + light theme', js: 47.0, css: 4.0, elements: 8 },
    { name: 'Lion 0.21.1: 13 form elements', js: 43.0, css: 0, elements: 13 },
  ],
};
const ADYEN_TOTAL_KB = 125.8;

/**
 * Per-page entry files (issue 21, step 7) and what a page with only that element may download first. Issue 21's
 * one-script-tag target (40 kB, stretch 35 kB) is the autoloader's row: a page with `<flexiti-apply>` through it.
 */
const ENTRY_TARGETS: Record<string, { kB?: number; what: string }> = {
  'flexiti-elements.js': { what: 'the eager entry: every element at once, the model API and `connect`' },
  'flexiti-autoload.js': { what: 'the autoloader alone: `connect`, `setLocale`, `discover`' },
  'flexiti-apply.js': { kB: 35, what: '`<flexiti-apply>` page (with its terms)' },
  'flexiti-plan-picker.js': { kB: 20, what: '`<flexiti-plan-picker>` page' },
};
/** The one script tag README recommends: it loads each tag's own entry (`flexiti-apply.js`…) when the page has it. */
const AUTOLOAD_ENTRY = 'flexiti-autoload.js';
const AUTOLOAD_APPLY_PAGE_KB = 40;

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string' },
    quick: { type: 'boolean', default: false },
    bundle: { type: 'string' },
    only: { type: 'string' },
    'no-readme': { type: 'boolean', default: false },
    'wait-quiet': { type: 'string' },
  },
});
const RUNS = Number(options.runs ?? (options.quick ? 5 : 30));
const CYCLES = options.quick ? 100 : 1000;
const MEMORY_RUNS = options.quick ? 1 : 3;
const ID_TYPE_CHANGES = 20;
const PICKER_ROUNDS_PER_PAGE = 5;
const MANY = 100;
const only = new Set(
  options.only?.split(',').map((name) => name.trim()) ?? ['size', 'first', 'scale', 'picker', 'memory'],
);

/** Keystrokes per page: a field is filled, left (so its message may show), then typed into key by key. */
const TYPING = [
  // Valid after '1', invalid (message shown) after Backspace.
  { field: 'postal_code', setup: 'K1A 0B', keys: repeat(['1', 'Backspace'], 5), shown: repeat([false, true], 5) },
  { field: 'sin', setup: '130 692 54', keys: repeat(['4', 'Backspace'], 5), shown: repeat([false, true], 5) },
  // Ordinary typing: no message at any point.
  { field: 'first_name', setup: 'Ad', keys: [...'elaideMar'].concat('e'), shown: Array(10).fill(false) },
];

function repeat<T>(items: T[], times: number): T[] {
  return Array.from({ length: times }, () => items).flat();
}

// ── Page plumbing ───────────────────────────────────────────────────────────────────────────────────────────

const pageErrors: string[] = [];

async function withPage<T>(
  browser: Browser,
  server: StaticServer,
  work: (page: Page, cdp: () => Promise<CDPSession>) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.origin}/harness.html`);
    await page.waitForFunction('window.bench !== undefined');
    return await work(page, () => context.newCDPSession(page));
  } finally {
    await context.close();
  }
}

/** A CDN entry file and every file a page may load through it (its static and on-demand imports, transitively). */
interface PageEntry {
  file: string;
  files: string[];
}

/** The entries the pages load: `<flexiti-apply>`'s own, as a page with that one element does, and the all-in-one. */
interface PageEntries {
  apply: PageEntry;
  allInOne: PageEntry;
}

async function prepare(page: Page, what: { entry?: PageEntry; staticPage?: boolean }): Promise<void> {
  const { entry, staticPage } = what;
  const ready = (await page.evaluate(
    `bench.prepare(${JSON.stringify({ entry: entry?.file, files: entry?.files, staticPage })})`,
  )) as {
    crossOriginIsolated: boolean;
    gc: boolean;
  };
  if (!ready.crossOriginIsolated || !ready.gc) {
    throw new Error(`The page must be cross-origin isolated and have gc(): ${JSON.stringify(ready)}`);
  }
}

const call = <T>(page: Page, expression: string) => page.evaluate(expression) as Promise<T>;

/**
 * Runs `work` with a trace of the page's user-timing marks, and returns the renderer main thread's CPU time (ms)
 * between each `bench:<region>:start` mark and the `bench:<region>:end` after it, by region. Each mark carries
 * that thread's CPU clock (`tts`), so time the thread spent descheduled or idle (a busy machine) is not counted;
 * the wall time of the same regions is taken in the page.
 */
async function traced<T>(
  browser: Browser,
  page: Page,
  work: () => Promise<T>,
): Promise<{ result: T; cpu: Record<string, number[]> }> {
  await browser.startTracing(page, { categories: ['blink.user_timing'] });
  const outcome = await work().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  const trace = await browser.stopTracing();
  if ('error' in outcome) throw outcome.error;
  const result = outcome.value;
  const events = (
    JSON.parse(trace.toString()) as { traceEvents: { name: string; tts?: number; ts: number }[] }
  ).traceEvents
    .filter((event) => event.name.startsWith('bench:') && event.tts !== undefined)
    .sort((a, b) => a.ts - b.ts);
  const cpu: Record<string, number[]> = {};
  const open: Record<string, number> = {};
  for (const event of events) {
    const [, region, edge] = event.name.split(':');
    if (edge === 'start') open[region!] = event.tts!;
    else if (edge === 'end' && open[region!] !== undefined) {
      (cpu[region!] ??= []).push((event.tts! - open[region!]!) / 1000);
      delete open[region!];
    }
  }
  return { result, cpu };
}

// ── Build ───────────────────────────────────────────────────────────────────────────────────────────────────

interface Bundle {
  /** Where the files are on disk (served under /cdn/). */
  dir: string;
  /** The all-in-one entry's file name. */
  entry: string;
  files: BuiltFile[];
}

const CDN_ENTRY = 'flexiti-elements.js';
/** What a page with only `<flexiti-apply>` loads: the first-render rows measure it. */
const APPLY_ENTRY = 'flexiti-apply.js';

function builtFiles(output: Rollup.RollupOutput | Rollup.RollupOutput[]): BuiltFile[] {
  return (Array.isArray(output) ? output : [output])
    .flatMap((result) => result.output)
    .filter((item): item is Rollup.OutputChunk => item.type === 'chunk')
    .map((chunk) => ({
      fileName: chunk.fileName,
      code: chunk.code,
      isEntry: chunk.isEntry,
      imports: chunk.imports,
      dynamicImports: chunk.dynamicImports,
      map: chunk.map
        ? { sources: chunk.map.sources.map((source) => source ?? ''), mappings: chunk.map.mappings }
        : undefined,
    }));
}

/**
 * Builds the CDN bundle with the project's own vite.cdn.config.ts, into bench/.build (dist/ is left alone): one
 * entry per page kind, and the chunks they import (statically, or on demand) beside them.
 */
async function buildBundle(): Promise<Bundle> {
  const dir = join(BUILD_DIR, 'cdn');
  const output = (await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.cdn.config.ts'),
    logLevel: 'warn',
    // A hidden source map (no comment appended) leaves the code byte for byte what `npm run build` ships.
    build: { outDir: dir, emptyOutDir: true, sourcemap: 'hidden' },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const files = builtFiles(output);
  if (!files.some((file) => file.fileName === CDN_ENTRY)) throw new Error(`The CDN build produced no ${CDN_ENTRY}.`);
  return { dir, entry: CDN_ENTRY, files };
}

/**
 * A build already on disk (`--bundle dist/cdn/flexiti-elements.js`): that entry and the .js files beside it,
 * their imports read from the code (minified ESM: `from"./x.js"`, `import"./x.js"`, `import("./x.js")`, with any
 * quote: rolldown writes dynamic ones with backticks).
 */
async function readBuilt(entryPath: string): Promise<Bundle> {
  const dir = dirname(entryPath);
  const names = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.js'));
  const files: BuiltFile[] = [];
  for (const fileName of names) {
    const code = await readFile(join(dir, fileName), 'utf8');
    const resolve = (specifier: string) => join(dirname(fileName), specifier).replace(/^\.\//, '');
    const found = (pattern: RegExp) => [...code.matchAll(pattern)].map((match) => resolve(match[1]!));
    files.push({
      fileName,
      code,
      isEntry: fileName === basename(entryPath),
      imports: found(/(?:\bfrom|\bimport)\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g),
      dynamicImports: found(/\bimport\s*\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g),
    });
  }
  return { dir, entry: basename(entryPath), files };
}

/**
 * For comparison: the elements alone (each `define` module, nothing else exported), built like the CDN bundle.
 * The shipped bundle also exports the model and `connect` (with ky) for pages without a build step.
 */
async function elementsOnlySize(): Promise<{ initialGzip9: number; totalGzip9: number }> {
  const entry = join(BUILD_DIR, 'elements-only.ts');
  await writeFile(
    entry,
    (await readdir(join(ROOT, 'src/define')))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => `import '../../src/define/${name.replace(/\.ts$/, '.js')}';\n`)
      .join(''),
  );
  // Not vite.cdn.config.ts: Vite would merge its entry (src/cdn.ts) with this one. Same minification.
  const output = (await build({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    plugins: [minifyTemplates()],
    build: {
      target: 'es2022',
      write: false,
      minify: true,
      outDir: join(BUILD_DIR, 'elements-only'),
      emptyOutDir: false,
      lib: { entry, formats: ['es'], fileName: () => 'elements-only.js' },
      rolldownOptions: { output: { minify: true, chunkFileNames: 'chunks/[name]-[hash].js' } },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const files = builtFiles(output);
  if (!files.some((file) => file.fileName === 'elements-only.js'))
    throw new Error('The elements-only build produced nothing.');
  const { initial, total } = entrySize(files, 'elements-only.js');
  return { initialGzip9: initial.gzip9, totalGzip9: total.gzip9 };
}

/**
 * `<flexiti-promo>` alone as vite.promo.config.ts builds it (dist/cdn/flexiti-promo.js): the line a product page
 * loads, and beside it the files loaded on demand (the details dialog; the French messages on French pages).
 */
async function promoSize(): Promise<{
  bytes: number;
  gzip9: number;
  onDemand: { file: string; gzip9: number }[];
  imports: string[];
}> {
  const output = (await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.promo.config.ts'),
    logLevel: 'warn',
    build: { write: false, outDir: join(BUILD_DIR, 'promo'), emptyOutDir: false },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunks = (Array.isArray(output) ? output : [output])
    .flatMap((result) => result.output)
    .filter((item): item is Rollup.OutputChunk => item.type === 'chunk');
  const entry = chunks.find((chunk) => chunk.fileName === 'flexiti-promo.js');
  if (!entry) throw new Error('The promo build produced no flexiti-promo.js.');
  const { bytes, gzip9 } = measureBundle(entry.code);
  return {
    bytes,
    gzip9,
    // Static imports would be loaded with the line: there must be none.
    imports: entry.imports,
    onDemand: chunks
      .filter((chunk) => chunk !== entry)
      .map((chunk) => ({ file: chunk.fileName, gzip9: measureBundle(chunk.code).gzip9 })),
  };
}

/**
 * What the build must contain to count: files that import only each other (relative paths: any static host
 * serves them), the French messages, the sanitizer and every tag, somewhere among the files.
 */
async function bundleChecks(files: BuiltFile[]) {
  const code = files.map((file) => file.code).join('\n');
  const french = await readFile(join(ROOT, 'src/generated/locales/fr-CA.ts'), 'utf8').catch(() => '');
  const samples = [...french.matchAll(/^'[^']+': `([^`$\\]{12,})`,$/gm)].slice(0, 5).map((match) => match[1]!);
  return {
    selfContained: [...code.matchAll(/\b(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].every((match) =>
      /^\.\.?\//.test(match[1]!),
    ),
    frenchMessages: samples.length > 0 && samples.every((text) => code.includes(text)),
    sanitizer: code.includes('ALLOWED_ATTR') && code.includes('ALLOWED_TAGS'),
    defines: ['flexiti-apply', 'flexiti-verify', 'flexiti-plan-picker', 'flexiti-terms', 'flexiti-promo'].every((tag) =>
      new RegExp(`["'\`]${tag}["'\`]`).test(code),
    ),
  };
}

// ── Scenarios ───────────────────────────────────────────────────────────────────────────────────────────────

/** Renders one <flexiti-apply> and keeps its DOM as static HTML with declarative shadow roots: the floor. */
async function captureStaticApply(browser: Browser, server: StaticServer, entry: PageEntry) {
  return withPage(browser, server, async (page) => {
    await prepare(page, { entry });
    await call(page, 'bench.evaluateAndRender()');
    const captured = await call<{ html: string; shadowRoots: number; styleBytes: number }>(
      page,
      'bench.serializeApply()',
    );
    server.routes['/build/apply-static.html'] = { text: captured.html };
    await writeFile(join(BUILD_DIR, 'apply-static.html'), captured.html);
    return {
      bytes: Buffer.byteLength(captured.html),
      shadowRoots: captured.shadowRoots,
      styleBytes: captured.styleBytes,
    };
  });
}

interface KeySample {
  ms: number;
  browser: number;
  element: number;
  layout: number;
  shown: boolean;
}

async function typeInto(
  page: Page,
  step: (typeof TYPING)[number],
): Promise<{ samples: KeySample[]; mismatches: number }> {
  const field = JSON.stringify(step.field);
  if (!(await call<boolean>(page, `bench.focusField(${field})`))) throw new Error(`Could not focus ${step.field}.`);
  await page.keyboard.type(step.setup);
  await page.keyboard.press('Tab'); // `change`: the field counts as touched, its message shows from now on
  await call(page, `bench.focusField(${field})`);
  await call(page, `bench.recordKeys(${field})`);
  for (const [index, key] of step.keys.entries()) {
    await page.keyboard.press(key);
    await page.waitForFunction(`bench.keyCount() >= ${index + 1}`);
  }
  const samples = await call<KeySample[]>(page, 'bench.stopKeys()');
  const mismatches = samples.filter((sample, index) => sample.shown !== step.shown[index]).length;
  return { samples, mismatches };
}

interface FirstRender {
  evaluate: number;
  render: number;
  total: number;
  paint: number;
  update: number;
  layout: number;
  nodes: number;
  loads: { files: string[]; fromServer: string[] };
}

/**
 * Per run, three fresh pages (their order rotates): the static floor; `<flexiti-apply>`'s own entry evaluated →
 * form laid out, then its ID type changes and keystrokes; the same through the all-in-one entry (first render only).
 */
/**
 * Where the CPU of the whole form and of the static floor goes, by kind of work (cpu-kinds.ts), in runs of their own:
 * the detailed trace this needs costs a little itself, so the target rows are never taken from these runs.
 */
async function cpuKinds(browser: Browser, server: StaticServer, entry: PageEntry, runs: number) {
  const element: Record<Kind, number>[] = [];
  const floor: Record<Kind, number>[] = [];
  const tracedRun = (work: (page: Page) => Promise<unknown>, region: string) =>
    withPage(browser, server, async (page) => {
      await browser.startTracing(page, { categories: KIND_CATEGORIES });
      await work(page);
      const trace = await browser.stopTracing();
      return cpuByKind((JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents, region);
    });
  for (let run = 0; run < runs; run++) {
    element.push(
      await tracedRun(async (page) => {
        await prepare(page, { entry });
        await call(page, 'bench.evaluateAndRender()');
      }, 'first'),
    );
    floor.push(
      await tracedRun(async (page) => {
        await prepare(page, { staticPage: true });
        await call(page, 'bench.parseStatic()');
      }, 'static'),
    );
  }
  const medians = (samples: Record<Kind, number>[]) =>
    Object.fromEntries(KINDS.map((kind) => [kind, summarize(samples.map((sample) => sample[kind])).median])) as Record<
      Kind,
      number
    >;
  return { runs, element: medians(element), static: medians(floor) };
}

async function firstRenderAndInteractions(browser: Browser, server: StaticServer, entries: PageEntries) {
  const staticParse: number[] = [];
  const staticCpu: number[] = [];
  const totalCpu: number[] = [];
  const paintCpu: number[] = [];
  const pairedCpuRatio: number[] = [];
  const idTypeCpuShare: number[] = [];
  const idTypeCpu: number[] = [];
  const total: number[] = [];
  const evaluate: number[] = [];
  const render: number[] = [];
  const pairedRatio: number[] = [];
  const update: number[] = [];
  const elementLayout: number[] = [];
  const staticParseOnly: number[] = [];
  const staticLayout: number[] = [];
  const staticKeys: number[] = [];
  const idTypeChanges: number[] = [];
  const idTypeLayouts: number[] = [];
  const keys: number[] = [];
  const keysByField: Record<string, number[]> = {};
  const keyParts: Record<'browser' | 'element' | 'layout', number[]> = { browser: [], element: [], layout: [] };
  const allInOne = {
    cpu: [] as number[],
    paintCpu: [] as number[],
    pairedCpuRatio: [] as number[],
    /** Per run: CPU through the apply entry ÷ CPU through the all-in-one entry (whole form). */
    applyOverAllInOneCpu: [] as number[],
    total: [] as number[],
    evaluate: [] as number[],
    render: [] as number[],
  };
  const filesLoaded: { apply: string[]; allInOne: string[] } = { apply: [], allInOne: [] };
  let issuerListsWrong = 0;
  let messageMismatches = 0;
  let nodes = { element: 0, static: 0 };

  const staticRun = () =>
    withPage(browser, server, async (page) => {
      await prepare(page, { staticPage: true });
      const { result: parsed, cpu } = await traced(browser, page, () =>
        call<{ total: number; parse: number; layout: number; nodes: number }>(page, 'bench.parseStatic()'),
      );
      // The browser's own floor for a keystroke: typing a name into the same form as static HTML (no script).
      const typed = await typeInto(
        page,
        TYPING.find((step) => step.field === 'first_name')!,
      );
      return { ...parsed, cpu: cpu.static?.[0] ?? NaN, keys: typed.samples.map((sample) => sample.ms) };
    });
  /** The first render through `entry`; with `interactions`, then the ID type changes and keystrokes in that page. */
  const elementRun = (entry: PageEntry, interactions: boolean) =>
    withPage(browser, server, async (page) => {
      await prepare(page, { entry });
      const { result, cpu } = await traced(browser, page, async () => ({
        first: await call<FirstRender>(page, 'bench.evaluateAndRender()'),
        changes: interactions
          ? await call<{ times: number[]; layouts: number[]; wrong: number }>(
              page,
              `bench.changeIdType(${ID_TYPE_CHANGES})`,
            )
          : { times: [], layouts: [], wrong: 0 },
      }));
      const { first, changes } = result;
      if (first.loads.fromServer.length > 0) {
        throw new Error(`Requests reached the server in a timed region: ${first.loads.fromServer.join(', ')}.`);
      }
      const firstCpu = cpu.first?.[0] ?? NaN;
      const paintedCpu = cpu.paint?.[0] ?? NaN;
      const changesCpu = cpu.idtype ?? [];
      const typed = [];
      if (interactions) for (const step of TYPING) typed.push({ field: step.field, ...(await typeInto(page, step)) });
      return { first, changes, typed, firstCpu, paintedCpu, changesCpu };
    });

  for (let run = 0; run < RUNS; run++) {
    const pages = [
      () => staticRun(),
      () => elementRun(entries.apply, true),
      () => elementRun(entries.allInOne, false),
    ] as const;
    // Each page kind takes each place in the order equally often (over every three runs).
    const results: unknown[] = [];
    for (let step = 0; step < pages.length; step++) {
      const index = (run + step) % pages.length;
      results[index] = await pages[index]!();
    }
    const floor = results[0] as Awaited<ReturnType<typeof staticRun>>;
    const element = results[1] as Awaited<ReturnType<typeof elementRun>>;
    const everything = results[2] as Awaited<ReturnType<typeof elementRun>>;
    staticParse.push(floor.total);
    staticCpu.push(floor.cpu);
    totalCpu.push(element.firstCpu);
    paintCpu.push(element.paintedCpu);
    pairedCpuRatio.push(element.firstCpu / floor.cpu);
    idTypeCpu.push(...element.changesCpu);
    // Per page: the median change's CPU as a share of that page's first render CPU.
    idTypeCpuShare.push(summarize(element.changesCpu).median / element.firstCpu);
    staticKeys.push(...floor.keys);
    total.push(element.first.total);
    evaluate.push(element.first.evaluate);
    render.push(element.first.render);
    pairedRatio.push(element.first.total / floor.total);
    update.push(element.first.update);
    elementLayout.push(element.first.layout);
    staticParseOnly.push(floor.parse);
    staticLayout.push(floor.layout);
    idTypeChanges.push(...element.changes.times);
    idTypeLayouts.push(...element.changes.layouts);
    issuerListsWrong += element.changes.wrong;
    for (const typed of element.typed) {
      keys.push(...typed.samples.map((sample) => sample.ms));
      (keysByField[typed.field] ??= []).push(...typed.samples.map((sample) => sample.ms));
      for (const part of ['browser', 'element', 'layout'] as const)
        keyParts[part].push(...typed.samples.map((sample) => sample[part]));
      messageMismatches += typed.mismatches;
    }
    allInOne.cpu.push(everything.firstCpu);
    allInOne.paintCpu.push(everything.paintedCpu);
    allInOne.pairedCpuRatio.push(everything.firstCpu / floor.cpu);
    allInOne.applyOverAllInOneCpu.push(element.firstCpu / everything.firstCpu);
    allInOne.total.push(everything.first.total);
    allInOne.evaluate.push(everything.first.evaluate);
    allInOne.render.push(everything.first.render);
    filesLoaded.apply = element.first.loads.files;
    filesLoaded.allInOne = everything.first.loads.files;
    nodes = { element: element.first.nodes, static: floor.nodes };
    progress(`first render ${run + 1}/${RUNS}`);
  }
  return {
    staticParse: summarize(staticParse),
    cpu: {
      element: summarize(totalCpu),
      paint: summarize(paintCpu),
      static: summarize(staticCpu),
      pairedRatio: summarize(pairedCpuRatio),
      idTypeChange: summarize(idTypeCpu),
      idTypeShareOfFirstRender: summarize(idTypeCpuShare),
    },
    total: summarize(total),
    evaluate: summarize(evaluate),
    render: summarize(render),
    pairedRatio: summarize(pairedRatio),
    split: {
      elementUpdate: summarize(update),
      elementLayout: summarize(elementLayout),
      staticParse: summarize(staticParseOnly),
      staticLayout: summarize(staticLayout),
    },
    allInOne: Object.fromEntries(Object.entries(allInOne).map(([name, values]) => [name, summarize(values)])) as Record<
      keyof typeof allInOne,
      Summary
    >,
    filesLoaded,
    idTypeChanges: summarize(idTypeChanges),
    idTypeLayouts: summarize(idTypeLayouts),
    issuerListsWrong,
    keys: summarize(keys),
    staticKeys: summarize(staticKeys),
    keyParts: Object.fromEntries(Object.entries(keyParts).map(([part, times]) => [part, summarize(times)])),
    keysByField: Object.fromEntries(Object.entries(keysByField).map(([field, times]) => [field, summarize(times)])),
    messageMismatches,
    nodes,
  };
}

/** Per run, one fresh page: one warm-up form, then one form alone, then 100 forms at once. */
async function manyForms(browser: Browser, server: StaticServer, entry: PageEntry) {
  const one: number[] = [];
  const many: number[] = [];
  let nodes = 0;
  for (let run = 0; run < RUNS; run++) {
    const result = await withPage(browser, server, async (page) => {
      await prepare(page, { entry });
      await call(page, 'bench.load()');
      await call(page, 'bench.renderApply()');
      await call(page, 'bench.clear()');
      const single = await call<number>(page, 'bench.renderApply()');
      await call(page, 'bench.clear()');
      const all = await call<{ ms: number; nodes: number }>(page, `bench.renderManyApply(${MANY})`);
      return { single, all };
    });
    one.push(result.single);
    many.push(result.all.ms);
    nodes = result.all.nodes;
    progress(`${MANY} forms ${run + 1}/${RUNS}`);
  }
  return { one: summarize(one), many: summarize(many), nodes };
}

/** Plan picker: 7 seed plans against 200 plans × 20 terms, without and with a chosen plan, in shuffled order. */
async function planPicker(browser: Browser, server: StaticServer, entry: PageEntry) {
  const variants = [
    { key: 'seven', plans: 7, terms: 0, chosen: false },
    { key: 'many', plans: 200, terms: 20, chosen: false },
    { key: 'sevenChosen', plans: 7, terms: 0, chosen: true },
    { key: 'manyChosen', plans: 200, terms: 20, chosen: true },
  ] as const;
  const times: Record<string, number[]> = {
    seven: [],
    many: [],
    sevenChosen: [],
    manyChosen: [],
    sevenChoose: [],
    manyChoose: [],
  };
  const shape: Record<string, { radios: number; termRadios: number }> = {};
  const pages = Math.ceil(RUNS / PICKER_ROUNDS_PER_PAGE);
  for (let pageIndex = 0; pageIndex < pages; pageIndex++) {
    await withPage(browser, server, async (page) => {
      await prepare(page, { entry });
      await call(page, 'bench.load()');
      for (const variant of variants) {
        await call(page, `bench.renderPlanPicker(${variant.plans}, ${variant.terms}, ${variant.chosen})`);
        await call(page, 'bench.clear()');
      }
      for (let round = 0; round < PICKER_ROUNDS_PER_PAGE; round++) {
        for (const variant of shuffle([...variants], pageIndex * 31 + round)) {
          const result = await call<{ ms: number; radios: number; termRadios: number }>(
            page,
            `bench.renderPlanPicker(${variant.plans}, ${variant.terms}, ${variant.chosen})`,
          );
          times[variant.key]!.push(result.ms);
          shape[variant.key] = { radios: result.radios, termRadios: result.termRadios };
          if (variant.chosen)
            times[variant.plans === 7 ? 'sevenChoose' : 'manyChoose']!.push(
              await call<number>(page, 'bench.choosePlan()'),
            );
          await call(page, 'bench.clear()');
        }
      }
    });
    progress(`plan picker page ${pageIndex + 1}/${pages}`);
  }
  return {
    ...Object.fromEntries(Object.entries(times).map(([key, values]) => [key, summarize(values)])),
    shape,
  } as Record<'seven' | 'many' | 'sevenChosen' | 'manyChosen' | 'sevenChoose' | 'manyChoose', Summary> & {
    shape: typeof shape;
  };
}

function shuffle<T>(items: T[], seed: number): T[] {
  let state = seed + 1;
  for (let index = items.length - 1; index > 0; index--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const other = state % (index + 1);
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
  return items;
}

async function listenersOn(cdp: CDPSession, expression: 'window' | 'document'): Promise<string[]> {
  const { result } = await cdp.send('Runtime.evaluate', { expression });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
  return listeners.map((listener) => `${expression}:${listener.type}${listener.useCapture ? ':capture' : ''}`).sort();
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  for (let pass = 0; pass < 3; pass++) await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/**
 * A heap snapshot after GC, summed by node type. `code` is V8's compiled code and its metadata (optimized
 * machine code, feedback, deopt data): the VM's, not something the elements retain.
 */
async function heapSnapshot(cdp: CDPSession): Promise<{ total: number; byType: Record<string, number> }> {
  for (let pass = 0; pass < 3; pass++) await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const collect = (event: { chunk: string }) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
  const snapshot = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const typeNames = snapshot.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const byType: Record<string, number> = {};
  let total = 0;
  for (let index = 0; index < snapshot.nodes.length; index += fields.length) {
    const type = typeNames[snapshot.nodes[index + typeAt]!]!;
    const size = snapshot.nodes[index + sizeAt]!;
    byType[type] = (byType[type] ?? 0) + size;
    total += size;
  }
  return { total, byType };
}

/** Live instances of each element class (objects whose prototype chain holds the class's prototype). */
async function liveElements(cdp: CDPSession): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const tag of ['flexiti-apply', 'flexiti-verify', 'flexiti-plan-picker', 'flexiti-terms']) {
    const { result: prototype } = await cdp.send('Runtime.evaluate', {
      expression: `customElements.get('${tag}').prototype`,
    });
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype.objectId! });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: objects.objectId!,
      functionDeclaration: 'function () { return this.length; }',
      returnByValue: true,
    });
    counts[tag] = result.value as number;
  }
  return counts;
}

/** `listeners` minus `before`, as a multiset. */
function added(before: string[], after: string[]): string[] {
  const left = [...before];
  return after.filter((listener) => {
    const index = left.indexOf(listener);
    if (index === -1) return true;
    left.splice(index, 1);
    return false;
  });
}

/**
 * 1,000 attach/detach cycles of all four elements: the heap after GC at the start, half-way and at the end
 * (V8's used heap, and a heap snapshot to tell compiled code from what the page retains), live element
 * instances, and listeners left on window and document.
 */
async function attachDetach(browser: Browser, server: StaticServer, entry: PageEntry) {
  const runs = [];
  for (let run = 0; run < MEMORY_RUNS; run++) {
    runs.push(
      await withPage(browser, server, async (page, session) => {
        const cdp = await session();
        const listeners = async () => [...(await listenersOn(cdp, 'window')), ...(await listenersOn(cdp, 'document'))];
        await prepare(page, { entry });
        await call(page, 'bench.installHost()');
        const pageListeners = await listeners();
        await call(page, 'bench.load()');
        const afterLoad = await listeners();
        // Warm-up: module-level caches (templates, formatters, the French catalogue) are filled once per page.
        await call(page, 'bench.cycles(10)');
        const startHeap = await heapAfterGc(cdp);
        const startSnapshot = await heapSnapshot(cdp);
        const startListeners = await listeners();
        const startCounters = await cdp.send('Memory.getDOMCounters');
        const started = performance.now();
        let { termsShown } = await call<{ termsShown: number }>(page, `bench.cycles(${CYCLES / 2})`);
        const middleHeap = await heapAfterGc(cdp);
        termsShown += (await call<{ termsShown: number }>(page, `bench.cycles(${CYCLES / 2})`)).termsShown;
        const cycleMs = (performance.now() - started) / CYCLES;
        await page.waitForTimeout(200);
        const endHeap = await heapAfterGc(cdp);
        const endSnapshot = await heapSnapshot(cdp);
        const endListeners = await listeners();
        const endCounters = await cdp.send('Memory.getDOMCounters');
        const live = await liveElements(cdp);
        const code = (snapshot: typeof startSnapshot) => snapshot.byType.code ?? 0;
        progress(`attach/detach ${run + 1}/${MEMORY_RUNS}`);
        return {
          heapUsed: { start: startHeap, middle: middleHeap, end: endHeap },
          /** V8's used heap after GC, end against start. */
          rawGrowth: (endHeap - startHeap) / startHeap,
          /** The same over the second half only: what keeps growing once the VM settled. */
          secondHalfGrowth: (endHeap - middleHeap) / startHeap,
          snapshot: { start: startSnapshot, end: endSnapshot },
          /** Snapshot after GC without V8's compiled code, end against the whole start snapshot. */
          retainedGrowth:
            (endSnapshot.total - code(endSnapshot) - (startSnapshot.total - code(startSnapshot))) / startSnapshot.total,
          compiledCodeGrowthBytes: code(endSnapshot) - code(startSnapshot),
          liveElements: live,
          listenersLeft: added(startListeners, endListeners),
          addedByLoading: added(pageListeners, afterLoad),
          addedByWarmUp: added(afterLoad, startListeners),
          domCounters: { start: startCounters, end: endCounters },
          termsShown,
          cycleMs,
        };
      }),
    );
  }
  return runs;
}

// ── Report ──────────────────────────────────────────────────────────────────────────────────────────────────

interface Row {
  what: string;
  result: string;
  baseline: string;
  ratio: string;
  target: string;
  met: boolean;
}

/** Milliseconds for the table; rounded to the µs first, like results.json, so both show the same figure. */
const ms = (raw: number) => {
  const value = Number(raw.toFixed(3));
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
};
const spread = (summary: Summary) => `${ms(summary.median)} ms (${ms(summary.min)}–${ms(summary.max)})`;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} kB`;
const pct = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;

let lastProgress = 0;
function progress(message: string): void {
  if (Date.now() - lastProgress < 2000 && !message.includes(`${RUNS}/${RUNS}`)) return;
  lastProgress = Date.now();
  process.stderr.write(`  … ${message}\n`);
}

function markdownTable(rows: Row[]): string {
  const lines = [
    '| what | result: median (min–max) | baseline in the same run | ratio | target | met |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.what} | ${row.result} | ${row.baseline} | ${row.ratio} | ${row.target} | ${row.met ? 'yes' : '**no**'} |`,
    ),
  ];
  return lines.join('\n');
}

async function updateReadme(section: string): Promise<string> {
  const file = join(ROOT, 'README.md');
  if (!existsSync(file)) return 'README.md not found: table not copied';
  const readme = await readFile(file, 'utf8');
  const start = '<!-- bench:results:start -->';
  const end = '<!-- bench:results:end -->';
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from === -1 || to < from) return 'README.md has no bench markers: table not copied';
  await writeFile(file, `${readme.slice(0, from + start.length)}\n${section}\n${readme.slice(to)}`);
  return 'README.md table updated';
}

/** The split of each figure, from the details of this run (medians unless said). */
function whereItGoes(details: Record<string, any>): string {
  const lines: string[] = [];
  const size = details.size;
  if (size) {
    const parts = (size.parts as { part: string; bytes: number }[])
      .map((part) => `${part.part.startsWith('<') ? `\`${part.part}\`` : part.part} ${kb(part.bytes)}`)
      .join(', ');
    lines.push(`- Everything, minified bytes by origin (source maps): ${parts}.`);
    const modules = (size.modules as { part: string; bytes: number; gzipAlone: number }[])
      .filter((module) => module.part.startsWith('src/'))
      .slice(0, 10)
      .map(
        (module) => `\`${module.part.replace(/^src\//, '')}\` ${kb(module.bytes)} (${kb(module.gzipAlone)} gzip alone)`,
      )
      .join(', ');
    lines.push(`- Our own largest modules, minified: ${modules}.`);
  }
  const first = details.firstRender;
  if (first) {
    const split = first.split;
    lines.push(
      `- First render through \`${first.entry}\` (${first.filesLoaded.apply.length} files): evaluating the script ${ms(first.evaluate.median)} ms ` +
        `(the eager entry, ${first.filesLoaded.allInOne.length} files: ${ms(first.allInOne.evaluate.median)} ms), Lit's first update ${ms(split.elementUpdate.median)} ms, ` +
        `style and layout ${ms(split.elementLayout.median)} ms; the static floor: parsing ${ms(split.staticParse.median)} ms, ` +
        `style and layout ${ms(split.staticLayout.median)} ms (${first.nodes.element} and ${first.nodes.static} nodes).`,
    );
  }
  const kinds = first?.cpuByKind as
    { runs: number; element: Record<Kind, number>; static: Record<Kind, number> } | undefined;
  if (kinds) {
    const words: Record<Kind, string> = {
      parse: 'HTML parsing',
      evaluate: 'compiling and evaluating the modules',
      script: 'JavaScript (Lit updates, handlers, timers)',
      style: 'style',
      layout: 'layout',
      paint: 'paint',
      gc: 'garbage collection',
      other: 'loading modules and other tasks',
    };
    const list = (split: Record<Kind, number>) =>
      KINDS.filter((kind) => split[kind] >= 0.05)
        .map((kind) => `${words[kind]} ${ms(split[kind])}`)
        .join(', ');
    lines.push(
      `- The whole form's main-thread CPU by kind (ms, median of ${kinds.runs} runs traced in detail, apart from the ` +
        `rows above): through \`${first.entry}\`, ${list(kinds.element)}; the static floor, ${list(kinds.static)}.`,
    );
  }
  if (details.idTypeChange) {
    lines.push(
      `- ID type change: style and layout ${ms(details.idTypeChange.layoutPart.median)} ms of the ${ms(details.idTypeChange.median)} ms median.`,
    );
  }
  const keys = details.keystroke;
  if (keys) {
    const part = (name: string) => `${ms(keys.parts[name].median)} ms (p95 ${ms(keys.parts[name].p95)})`;
    lines.push(
      `- Keystroke: the browser's key handling up to the \`input\` event ${part('browser')}, the element's handler and update ` +
        `${part('element')}, style and layout ${part('layout')}.`,
    );
  }
  const memory = details.attachDetach?.runs as
    { snapshot: { start: { byType: Record<string, number> }; end: { byType: Record<string, number> } } }[] | undefined;
  if (memory) {
    const worst = memory.map((run) => {
      const grown = (type: string) => (run.snapshot.end.byType[type] ?? 0) - (run.snapshot.start.byType[type] ?? 0);
      const js = [
        'object',
        'array',
        'closure',
        'string',
        'concatenated string',
        'sliced string',
        'number',
        'regexp',
        'object shape',
      ]
        .map(grown)
        .reduce((sum, bytes) => sum + bytes, 0);
      return { code: grown('code'), native: grown('native'), js };
    });
    const max = (pick: (run: (typeof worst)[number]) => number) => Math.max(...worst.map(pick));
    lines.push(
      `- Attach/detach, growth after GC (worst run): V8 compiled code ${kb(max((run) => run.code))}, Blink's native objects ` +
        `${kb(max((run) => run.native))}, JavaScript objects ${kb(max((run) => run.js))}.`,
    );
  }
  return lines.join('\n');
}

// ── Main ────────────────────────────────────────────────────────────────────────────────────────────────────

/** Waits (up to `minutes`) until the 1-minute load average is under half the cores: other work skews timings. */
async function waitForQuiet(minutes: number): Promise<void> {
  const limit = os.cpus().length / 2;
  const until = Date.now() + minutes * 60_000;
  while (os.loadavg()[0]! > limit && Date.now() < until) {
    process.stderr.write(`  … load average ${os.loadavg()[0]!.toFixed(1)} (waiting for < ${limit})\n`);
    await new Promise((resolve) => setTimeout(resolve, 10_000));
  }
}

async function main(): Promise<void> {
  if (options['wait-quiet']) await waitForQuiet(Number(options['wait-quiet']));
  const began = Date.now();
  const loadBefore = os.loadavg();
  await mkdir(BUILD_DIR, { recursive: true });

  let bundle: Bundle;
  if (options.bundle) {
    bundle = await readBuilt(join(process.cwd(), options.bundle));
  } else {
    process.stderr.write('Building the CDN bundle (vite.cdn.config.ts → bench/.build/cdn)…\n');
    bundle = await buildBundle();
  }
  const all = entrySize(bundle.files, bundle.entry);
  const parts = compositionOf(bundle.files.filter((file) => all.total.files.includes(file.fileName)));
  const modules = compositionOf(
    bundle.files.filter((file) => all.total.files.includes(file.fileName)),
    true,
  ).slice(0, 25);
  const checks = await bundleChecks(bundle.files.filter((file) => all.total.files.includes(file.fileName)));

  if (!bundle.files.some((file) => file.fileName === APPLY_ENTRY))
    throw new Error(`${APPLY_ENTRY} is not beside ${bundle.entry}: the first-render rows load it.`);
  const pageEntry = (file: string): PageEntry => ({ file, files: entrySize(bundle.files, file).total.files });
  const entries: PageEntries = { apply: pageEntry(APPLY_ENTRY), allInOne: pageEntry(bundle.entry) };

  const server = await startServer({
    '/harness.html': { file: join(BENCH, 'pages/harness.html') },
    '/harness.js': { file: join(BENCH, 'pages/harness.js') },
    ...Object.fromEntries(
      bundle.files.map((file) => [`/cdn/${file.fileName}`, { file: join(bundle.dir, file.fileName), cacheable: true }]),
    ),
    '/fixtures/seed-examples.json': { file: join(ROOT, 'test/fixtures/seed-examples.json') },
  });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
  });
  try {
    const chromiumVersion = browser.version();
    const rows: Row[] = [];
    const details: Record<string, unknown> = {};
    const phaseSeconds: Record<string, number> = {};
    let phaseStart = Date.now();
    const phaseDone = (name: string) => {
      phaseSeconds[name] = Math.round((Date.now() - phaseStart) / 100) / 10;
      phaseStart = Date.now();
    };

    if (only.has('size')) {
      const elementsOnly = await elementsOnlySize();
      const files = (set: { files: string[] }) => `${set.files.length} file${set.files.length === 1 ? '' : 's'}`;
      const entries = bundle.files.filter((file) => file.isEntry).map((file) => file.fileName);
      for (const entry of [bundle.entry, ...entries.filter((name) => name !== bundle.entry).sort()]) {
        const { initial, total } = entrySize(bundle.files, entry);
        const target = ENTRY_TARGETS[entry];
        rows.push({
          what: `\`dist/cdn/${entry}\`${target ? ` (${target.what})` : ''}: downloaded before its first element renders (entry + static imports), gzip -9`,
          result:
            `${kb(initial.gzip9)} in ${files(initial)} (${kb(initial.bytes)} minified); ` +
            `with what it loads on demand: ${kb(total.gzip9)} in ${files(total)}`,
          baseline: `Adyen Web Drop-in + Card: ${ADYEN_TOTAL_KB} kB JS + CSS (reference row below)`,
          ratio: `${(initial.gzip9 / KB / ADYEN_TOTAL_KB).toFixed(2)}×`,
          target: target?.kB ? `≤ ${target.kB} kB` : '–',
          met: target?.kB ? initial.gzip9 <= target.kB * KB && Object.values(checks).every(Boolean) : true,
        });
      }
      if (bundle.files.some((file) => file.fileName === AUTOLOAD_ENTRY)) {
        /** What a page with `tag` downloads through the autoloader before the element renders. */
        const autoloaded = (entry: string) =>
          fileSet(bundle.files, [
            ...new Set([...reachable(bundle.files, AUTOLOAD_ENTRY, false), ...reachable(bundle.files, entry, false)]),
          ]);
        const applyPage = autoloaded(APPLY_ENTRY);
        const pickerPage = autoloaded('flexiti-plan-picker.js');
        const eager = entrySize(bundle.files, bundle.entry).initial;
        rows.push({
          what:
            `\`<flexiti-apply>\` page through the one script tag, \`dist/cdn/${AUTOLOAD_ENTRY}\` (the loader, then ` +
            `\`${APPLY_ENTRY}\` and its static imports): downloaded before its first element renders, gzip -9`,
          result:
            `${kb(applyPage.gzip9)} in ${files(applyPage)} (${kb(applyPage.bytes)} minified); ` +
            `a \`<flexiti-plan-picker>\` page: ${kb(pickerPage.gzip9)} in ${files(pickerPage)}`,
          baseline: `the eager entry, \`dist/cdn/${bundle.entry}\`: ${kb(eager.gzip9)}`,
          ratio: `${(applyPage.gzip9 / eager.gzip9).toFixed(2)}×`,
          target: `≤ ${AUTOLOAD_APPLY_PAGE_KB} kB (stretch 35 kB)`,
          met: applyPage.gzip9 <= AUTOLOAD_APPLY_PAGE_KB * KB && Object.values(checks).every(Boolean),
        });
        details.autoload = { applyPage, pickerPage };
      }
      rows.push({
        what: 'Everything: every element, both languages, the sanitizer (all files the eager entry may load), gzip -9',
        result:
          `${kb(all.total.gzip9)} in ${files(all.total)} (${kb(all.total.bytes)} minified); ` +
          `the elements alone, without the model API and connect: ${kb(elementsOnly.totalGzip9)}`,
        baseline: `Adyen Web Drop-in + Card: ${ADYEN_TOTAL_KB} kB`,
        ratio: `${(all.total.gzip9 / KB / ADYEN_TOTAL_KB).toFixed(2)}×`,
        target: '≤ 60 kB (0.48× Adyen)',
        met: all.total.gzip9 <= 60 * KB && Object.values(checks).every(Boolean),
      });
      for (const peer of PEERS.rows) {
        rows.push({
          what: `Reference (fixed, not measured in this run): ${peer.name}`,
          result: `${(peer.js + peer.css).toFixed(1)} kB (JS ${peer.js.toFixed(1)}${peer.css ? ` + CSS ${peer.css.toFixed(1)}` : ''})${peer.elements ? `, ${peer.elements} custom elements` : ''}`,
          baseline: `measured ${PEERS.measured}`,
          ratio: `ours ÷ it: ${(all.total.gzip9 / KB / (peer.js + peer.css)).toFixed(2)}× (everything)`,
          target: '–',
          met: true,
        });
      }
      const promo = await promoSize();
      rows.push({
        what: '`<flexiti-promo>` alone (dist/cdn/flexiti-promo.js), gzip -9: the line a product page loads, Lit included',
        result:
          `${kb(promo.gzip9)} (${kb(promo.bytes)} minified); on demand: ` +
          promo.onDemand
            .map(
              (chunk) =>
                `${chunk.file.includes('dialog') ? 'dialog' : chunk.file.includes('fr-CA') ? 'French messages' : chunk.file} ${kb(chunk.gzip9)}`,
            )
            .join(', '),
        baseline: `the eager entry's first download: ${kb(all.initial.gzip9)}`,
        ratio: `${(promo.gzip9 / all.initial.gzip9).toFixed(2)}×`,
        target: '≤ 8 kB (issue 19)',
        met: promo.gzip9 <= 8 * KB && promo.imports.length === 0,
      });
      details.size = {
        dir: relative(ROOT, bundle.dir),
        entries: Object.fromEntries(entries.map((entry) => [entry, entrySize(bundle.files, entry)])),
        initial: all.initial,
        total: all.total,
        parts,
        modules,
        checks,
        elementsOnly,
        promo,
        peers: PEERS,
        kB: KB,
      };
      phaseDone('size');
    }

    if (only.has('first')) {
      process.stderr.write('Capturing <flexiti-apply> as static HTML…\n');
      const captured = await captureStaticApply(browser, server, entries.apply);
      process.stderr.write(`First render, ID type changes and keystrokes (${RUNS} runs)…\n`);
      const first = await firstRenderAndInteractions(browser, server, entries);
      const kinds = await cpuKinds(browser, server, entries.apply, Math.min(RUNS, 10));
      const firstRatio = first.total.median / first.staticParse.median;
      const cpuRatio = first.cpu.element.median / first.cpu.static.median;
      const cpuPaired = `paired runs ${first.cpu.pairedRatio.min.toFixed(2)}–${first.cpu.pairedRatio.max.toFixed(2)}×`;
      const paintRatio = first.cpu.paint.median / first.cpu.static.median;
      const everything = first.allInOne;
      const allInOnePaintRatio = everything.paintCpu.median / first.cpu.static.median;
      const allInOneRatio = everything.cpu.median / first.cpu.static.median;
      const applyEntry = `\`dist/cdn/${APPLY_ENTRY}\``;
      const allInOneEntry = `\`dist/cdn/${bundle.entry}\``;
      rows.push({
        what: `main-thread CPU (trace): ${applyEntry} and its chunks evaluated → \`<flexiti-apply>\` first paint (its first update: title, scan and the first three sections, what a 900 px viewport shows) laid out`,
        result: `${spread(first.cpu.paint)} of CPU`,
        baseline: `the whole form's DOM as static HTML, parsed and laid out: ${spread(first.cpu.static)} of CPU`,
        ratio: `${paintRatio.toFixed(2)}×`,
        target: '≤ 1.5×',
        met: paintRatio <= 1.5,
      });
      rows.push({
        what: `main-thread CPU (trace): ${applyEntry} and its chunks evaluated → the whole \`<flexiti-apply>\` form rendered and laid out (two updates, one frame apart)`,
        result: `${spread(first.cpu.element)} of CPU`,
        baseline: `same DOM as static HTML: ${spread(first.cpu.static)} of CPU`,
        ratio: `${cpuRatio.toFixed(2)}× (${cpuPaired})`,
        target: '≤ 2.0×',
        met: cpuRatio <= 2,
      });
      rows.push({
        what: `(for comparison: a page with every element) main-thread CPU (trace): the eager ${allInOneEntry} and its chunks evaluated → \`<flexiti-apply>\` first paint laid out`,
        result: `${spread(everything.paintCpu)} of CPU`,
        baseline: `same DOM as static HTML: ${spread(first.cpu.static)} of CPU`,
        ratio: `${allInOnePaintRatio.toFixed(2)}×`,
        target: '– (the targets are for the apply entry)',
        met: true,
      });
      rows.push({
        what: `(for comparison: a page with every element) main-thread CPU (trace): the eager ${allInOneEntry} and its chunks evaluated → the whole \`<flexiti-apply>\` form rendered and laid out`,
        result: `${spread(everything.cpu)} of CPU`,
        baseline: `same DOM as static HTML: ${spread(first.cpu.static)} of CPU`,
        ratio: `${allInOneRatio.toFixed(2)}× (paired runs ${everything.pairedCpuRatio.min.toFixed(2)}–${everything.pairedCpuRatio.max.toFixed(2)}×)`,
        target: '– (the targets are for the apply entry)',
        met: true,
      });
      rows.push({
        what: `(wall clock, same runs) ${applyEntry} and its chunks evaluated → \`<flexiti-apply>\` rendered and laid out (with the wait for the frame between its two updates)`,
        result: `${spread(first.total)}: evaluate ${ms(first.evaluate.median)} + render ${ms(first.render.median)}`,
        baseline: `same DOM as static HTML (declarative shadow DOM), parsed and laid out: ${spread(first.staticParse)}`,
        ratio: `${firstRatio.toFixed(1)}× (paired runs ${first.pairedRatio.min.toFixed(1)}–${first.pairedRatio.max.toFixed(1)}×)`,
        target: '– (CPU rows above)',
        met: true,
      });
      const changeShare = first.cpu.idTypeShareOfFirstRender.median;
      rows.push({
        what: `main-thread CPU (trace): ID type changed → issuer list updated and laid out (in the ${applyEntry} page)`,
        result: `${spread(first.cpu.idTypeChange)} of CPU per change, n = ${first.cpu.idTypeChange.n}`,
        baseline: `first render CPU through ${applyEntry}: ${spread(first.cpu.element)}`,
        ratio: `${pct(changeShare)} (median over pages of each page's median change ÷ its first render)`,
        target: '≤ 5 % of first-render CPU',
        met: changeShare <= 0.05 && first.issuerListsWrong === 0,
      });
      const issuerRatio = first.idTypeChanges.p95 / first.render.median;
      rows.push({
        what: '(wall clock) ID type changed → issuer list updated and laid out',
        result: `p95 ${ms(first.idTypeChanges.p95)} ms; ${spread(first.idTypeChanges)}, n = ${first.idTypeChanges.n}`,
        baseline: `first render (after the script ran): ${spread(first.render)}`,
        ratio: `p95 = ${pct(issuerRatio)}`,
        target: '– (CPU row above)',
        met: first.issuerListsWrong === 0,
      });
      rows.push({
        what: `one keystroke in a field → validation shown (keydown → updated and laid out; in the ${applyEntry} page)`,
        result: `p95 ${ms(first.keys.p95)} ms; ${spread(first.keys)}, n = ${first.keys.n}`,
        baseline: `(for reference) typing a name into the static form, the browser alone: p95 ${ms(first.staticKeys.p95)} ms; ${spread(first.staticKeys)}`,
        ratio: '–',
        target: 'p95 ≤ 4 ms',
        met: first.keys.p95 <= 4 && first.messageMismatches === 0,
      });
      details.firstRender = {
        entry: APPLY_ENTRY,
        captured,
        nodes: first.nodes,
        /** Files each entry's page loaded while timed, all from the HTTP cache (the run fails otherwise). */
        filesLoaded: first.filesLoaded,
        scriptEvaluatedAndRendered: rounded(first.total),
        evaluate: rounded(first.evaluate),
        firstRender: rounded(first.render),
        staticParse: rounded(first.staticParse),
        ratioOfMedians: firstRatio,
        cpu: Object.fromEntries(Object.entries(first.cpu).map(([name, summary]) => [name, rounded(summary)])),
        cpuRatioOfMedians: cpuRatio,
        pairedRatio: rounded(first.pairedRatio),
        split: Object.fromEntries(Object.entries(first.split).map(([name, summary]) => [name, rounded(summary)])),
        cpuByKind: kinds,
        allInOne: {
          entry: bundle.entry,
          ...Object.fromEntries(Object.entries(everything).map(([name, summary]) => [name, rounded(summary)])),
          paintCpuRatioOfMedians: allInOnePaintRatio,
          cpuRatioOfMedians: allInOneRatio,
        },
      };
      details.idTypeChange = {
        ...rounded(first.idTypeChanges),
        layoutPart: rounded(first.idTypeLayouts),
        issuerListsWrong: first.issuerListsWrong,
        p95OfFirstRender: issuerRatio,
      };
      details.keystroke = {
        ...rounded(first.keys),
        parts: Object.fromEntries(Object.entries(first.keyParts).map(([part, summary]) => [part, rounded(summary)])),
        byField: Object.fromEntries(
          Object.entries(first.keysByField).map(([field, summary]) => [field, rounded(summary)]),
        ),
        messageMismatches: first.messageMismatches,
        staticForm: rounded(first.staticKeys),
        typing: TYPING,
      };
      phaseDone('first');
    }

    if (only.has('picker')) {
      process.stderr.write('Plan picker: 7 plans against 200 × 20…\n');
      const picker = await planPicker(browser, server, entries.allInOne);
      const perPlanSeven = picker.seven.median / 7;
      const perPlanMany = picker.many.median / 200;
      const growth = perPlanMany / perPlanSeven;
      rows.push({
        what: '`<flexiti-plan-picker>`: 200 plans × 20 terms, first render, per plan',
        result: `${spread(picker.many)} = ${(perPlanMany * 1000).toFixed(0)} µs/plan`,
        baseline: `7 seed plans: ${spread(picker.seven)} = ${(perPlanSeven * 1000).toFixed(0)} µs/plan`,
        ratio: `${growth.toFixed(2)}× per plan`,
        target: 'cost per plan grows ≤ 1.2×',
        met: growth <= 1.2,
      });
      details.planPicker = {
        ...Object.fromEntries(
          Object.entries(picker)
            .filter(([key]) => key !== 'shape')
            .map(([key, summary]) => [key, rounded(summary as Summary)]),
        ),
        shape: picker.shape,
        perPlanMs: { seven: perPlanSeven, many: perPlanMany },
        perPlanGrowth: growth,
        perPlanGrowthWithChosenPlan: picker.manyChosen.median / 200 / (picker.sevenChosen.median / 7),
        marginalMsPerPlan: (picker.many.median - picker.seven.median) / 193,
      };
      phaseDone('picker');
    }

    if (only.has('scale')) {
      process.stderr.write(`${MANY} forms on one page (${RUNS} runs)…\n`);
      const scale = await manyForms(browser, server, entries.allInOne);
      const ratio = scale.many.median / scale.one.median;
      rows.push({
        what: `${MANY} \`<flexiti-apply>\` on one page, rendered and laid out`,
        result: spread(scale.many),
        baseline: `1 element (templates already prepared): ${spread(scale.one)}`,
        ratio: `${ratio.toFixed(0)}× (= ${MANY} × ${(ratio / MANY).toFixed(2)})`,
        target: `≤ ${MANY} × 1.2`,
        met: ratio <= MANY * 1.2,
      });
      details.manyForms = { one: rounded(scale.one), many: rounded(scale.many), ratio, nodes: scale.nodes };
      phaseDone('scale');
    }

    if (only.has('memory')) {
      process.stderr.write(`${CYCLES} attach/detach cycles × ${MEMORY_RUNS}…\n`);
      const memory = await attachDetach(browser, server, entries.allInOne);
      const worst = (pick: (run: (typeof memory)[number]) => number) => Math.max(...memory.map(pick));
      const retained = worst((run) => run.retainedGrowth);
      const raw = worst((run) => run.rawGrowth);
      const secondHalf = worst((run) => run.secondHalfGrowth);
      const left = memory.flatMap((run) => run.listenersLeft);
      const live = memory.reduce((sum, run) => sum + Object.values(run.liveElements).reduce((a, b) => a + b, 0), 0);
      const signed = (ratio: number) => `${ratio >= 0 ? '+' : ''}${pct(ratio)}`;
      rows.push({
        what: `${CYCLES.toLocaleString('en-CA')} attach/detach cycles of all four elements`,
        result:
          `retained ${signed(retained)} (heap snapshot after GC, V8 compiled code left out); ` +
          `V8 used heap ${signed(raw)}, of which ${signed(secondHalf)} in the second ${CYCLES / 2} cycles; ` +
          `${live} element instance(s) alive; ${left.length} listener(s) left on window/document (worst of ${memory.length} runs)`,
        baseline: `heap after GC at start: ${(summarize(memory.map((run) => run.snapshot.start.total)).median / 1e6).toFixed(2)} MB snapshot, ${(summarize(memory.map((run) => run.heapUsed.start)).median / 1e6).toFixed(2)} MB V8 used`,
        ratio: `${(1 + retained).toFixed(3)}×`,
        target: 'within 5 %; no listener left',
        met: retained <= 0.05 && live === 0 && left.length === 0,
      });
      details.attachDetach = { cycles: CYCLES, runs: memory };
      phaseDone('memory');
    }

    const machine = {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      memoryBytes: os.totalmem(),
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      node: process.version,
      chromium: chromiumVersion,
      loadAverageBefore: loadBefore,
      loadAverageAfter: os.loadavg(),
    };
    const date = new Date().toISOString();
    const table = markdownTable(rows);
    const machineLine =
      `${machine.cpu}, ${machine.cores} cores, ${(machine.memoryBytes / 2 ** 30).toFixed(0)} GiB; ${machine.os}; ` +
      `Node ${machine.node}; Chromium ${machine.chromium} headless; ${date.slice(0, 10)}; ${RUNS} runs per row` +
      ` (1-minute load average ${loadBefore[0]!.toFixed(1)} at the start, ${machine.loadAverageAfter[0]!.toFixed(1)} at the end)`;
    const results = {
      date,
      durationSeconds: Math.round((Date.now() - began) / 1000),
      phaseSeconds,
      machine,
      options: { runs: RUNS, cycles: CYCLES, memoryRuns: MEMORY_RUNS, quick: options.quick, only: [...only] },
      rows,
      allMet: rows.every((row) => row.met),
      details,
      pageErrors,
    };
    // A quick run is for trying the harness: it never replaces the published results.
    const out = options.quick ? BUILD_DIR : BENCH;
    await writeFile(join(out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    const breakdown = whereItGoes(details);
    const section = `${table}\n\nMachine: ${machineLine}.${breakdown ? `\n\nWhere the bytes and the time go (same run):\n\n${breakdown}` : ''}`;
    await writeFile(join(out, 'results.md'), `${section}\n`);
    console.log(`\n${section}`);
    if (Math.max(loadBefore[0]!, machine.loadAverageAfter[0]!) > machine.cores) {
      console.log(
        `\nWarning: the machine was busy (load average above ${machine.cores}): timings are inflated and noisy.`,
      );
    }
    if (pageErrors.length > 0) console.log(`\nPage errors:\n${[...new Set(pageErrors)].join('\n')}`);
    const readme = options['no-readme'] || options.quick ? 'README.md left alone' : await updateReadme(section);
    console.log(
      `\nWrote ${relative(ROOT, out)}/results.json and results.md (${results.durationSeconds} s); ${readme}.`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
