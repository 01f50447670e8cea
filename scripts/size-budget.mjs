// Size budgets (gzip -9) for what a page downloads from the script-tag build (`npm run build`, dist/cdn): for each
// entry file, `initial` is the entry plus every chunk it imports statically (what the browser fetches before the
// first element renders) and `total` adds what it may import later (French, the promo's dialog). Each file is
// compressed on its own, as a server sends it. Budgets live in size-budgets.json.
//   node scripts/size-budget.mjs                 measure, print measured vs budget, exit 1 when one is over
//   node scripts/size-budget.mjs --write-readme  also rewrite README's table between <!-- size:start/end -->
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';

const root = fileURLToPath(new URL('../', import.meta.url));
const CDN_DIR = 'dist/cdn';
const SIZE_START = '<!-- size:start -->';
const SIZE_END = '<!-- size:end -->';

/** What each entry is, for the table. */
const WHAT = {
  'flexiti-elements.js': 'the eager entry: every element at once, the model API and `connect`',
  'flexiti-autoload.js': "the one script tag: loads each tag's entry when the page has it; total = every element",
  'flexiti-promo.js': '`<flexiti-promo>` alone, its own build: vite.promo.config.ts',
  'flexiti-apply.js': '`<flexiti-apply>` with `<flexiti-terms>`',
  'flexiti-checkout.js': '`<flexiti-checkout>` with its five steps',
};

/** gzip at level 9, as `gzip -9` compresses (zlib adds no file name to the header). */
export function gzipSize(bytes) {
  return gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
}

/** The relative imports of a built module: static (`import … from "./x.js"`, `import "./x.js"`) and dynamic. */
export function importsOf(code) {
  const staticImports = [...code.matchAll(/(?:\bfrom|\bimport)\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g)].map((m) => m[1]);
  const dynamicImports = [...code.matchAll(/\bimport\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
  return { staticImports, dynamicImports };
}

/** The files a page loads for one entry: before the first render (`initial`) and at most (`total`). */
export function entryGraph(entry, dir = join(root, CDN_DIR)) {
  const read = (file) => readFileSync(join(dir, file), 'utf8');
  const resolveFrom = (from, specifier) => posix.normalize(posix.join(posix.dirname(from), specifier));
  const walk = (start, followDynamic) => {
    const seen = new Set();
    const queue = [start];
    while (queue.length) {
      const file = queue.shift();
      if (seen.has(file)) continue;
      seen.add(file);
      const { staticImports, dynamicImports } = importsOf(read(file));
      for (const next of [...staticImports, ...(followDynamic ? dynamicImports : [])])
        queue.push(resolveFrom(file, next));
    }
    return [...seen];
  };
  const size = (files) => files.reduce((sum, file) => sum + gzipSize(readFileSync(join(dir, file))), 0);
  const initialFiles = walk(entry, false);
  const totalFiles = walk(entry, true);
  return { initialFiles, totalFiles, initial: size(initialFiles), total: size(totalFiles) };
}

export function measure() {
  const dir = join(root, CDN_DIR);
  if (!existsSync(join(dir, 'flexiti-elements.js')))
    throw new Error(`${CDN_DIR} is missing: run \`npm run build\` first`);
  const entries = readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .sort((a, b) => (a === 'flexiti-elements.js' ? -1 : b === 'flexiti-elements.js' ? 1 : a.localeCompare(b)));
  return entries.map((file) => {
    const graph = entryGraph(file, dir);
    const tag = file.replace(/\.js$/, '');
    return {
      name: `${CDN_DIR}/${file}`,
      what: WHAT[file] ?? `\`<${tag}>\` alone`,
      files: graph.initialFiles.length,
      totalFiles: graph.totalFiles.length,
      initial: graph.initial,
      total: graph.total,
    };
  });
}

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const verdict = (measured, budget) => (budget === undefined ? 'no budget' : measured <= budget ? 'within' : 'over');

export function renderTable(rows, budgets) {
  const lines = [
    '| entry | initial (gzip -9) | budget | total (gzip -9) | budget | files (initial / total) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => {
      const budget = budgets[row.name] ?? {};
      const cell = (measured, limit) => `${kb(measured)}${verdict(measured, limit) === 'over' ? ' **over**' : ''}`;
      return `| \`${row.name}\` (${row.what}) | ${cell(row.initial, budget.initial)} | ${budget.initial === undefined ? '—' : kb(budget.initial)} | ${cell(row.total, budget.total)} | ${budget.total === undefined ? '—' : kb(budget.total)} | ${row.files} / ${row.totalFiles} |`;
    }),
  ];
  return `${lines.join('\n')}\n\n_Measured by \`node scripts/size-budget.mjs --write-readme\` after \`npm run build\`; 1 kB = 1,000 B; initial = the entry and the chunks it imports statically (before the first element renders), total = with what it loads on demand (French, the promo's dialog); budgets in \`size-budgets.json\`; CI fails when one is over._\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const budgets = JSON.parse(readFileSync(join(root, 'size-budgets.json'), 'utf8')).budgets;
  const rows = measure();
  let over = 0;
  const width = Math.max(...rows.map((row) => row.name.length));
  for (const row of rows) {
    const budget = budgets[row.name];
    const parts = ['initial', 'total'].map((kind) => {
      const limit = budget?.[kind];
      const state = verdict(row[kind], limit);
      if (state !== 'within') over++;
      return `${kind} ${String(row[kind]).padStart(6)} B / ${limit === undefined ? '     —' : String(limit).padStart(6)} B ${state === 'within' ? 'ok' : state.toUpperCase()}`;
    });
    console.log(`${row.name.padEnd(width)}  ${parts.join('   ')}  (${row.files}/${row.totalFiles} files)`);
  }
  if (process.argv.includes('--write-readme')) {
    const readmePath = join(root, 'README.md');
    const readme = readFileSync(readmePath, 'utf8');
    const from = readme.indexOf(SIZE_START);
    const to = readme.indexOf(SIZE_END);
    if (from < 0 || to < from) throw new Error(`README.md needs ${SIZE_START} and ${SIZE_END}`);
    writeFileSync(
      readmePath,
      `${readme.slice(0, from + SIZE_START.length)}\n${renderTable(rows, budgets)}${readme.slice(to)}`,
    );
    console.log('README.md: size table updated.');
  }
  if (over) {
    console.error(`${over} figure(s) over budget or without one (size-budgets.json).`);
    process.exit(1);
  }
}
