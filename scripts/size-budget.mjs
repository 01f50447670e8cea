// Size budgets (gzip -9) for what a page downloads: the CDN bundle as built by `npm run build`, and each
// `define/*` entry bundled self-contained (Lit, zod/mini, DOMPurify… included: what a page using that one
// element pays). Budgets live in size-budgets.json.
//   node scripts/size-budget.mjs                 measure, print measured vs budget, exit 1 when one is over
//   node scripts/size-budget.mjs --write-readme  also rewrite README's table between <!-- size:start/end -->
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';
import { build } from 'vite';
import { minifyTemplates } from './vite-minify-templates.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const SIZE_START = '<!-- size:start -->';
const SIZE_END = '<!-- size:end -->';
const CDN = 'dist/cdn/flexiti-elements.js';
/** `<flexiti-promo>` alone for product and cart pages (vite.promo.config.ts): issue 19's target is 8 kB gzip with Lit. */
const PROMO = 'dist/cdn/flexiti-promo.js';

/** gzip at level 9, as `gzip -9` compresses (zlib adds no file name to the header). */
export function gzipSize(bytes) {
  return gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
}

/** One define module bundled alone, minified like the CDN bundle (both locales inlined, production Lit). */
async function bundleAlone(entry, outDir) {
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [minifyTemplates()],
    build: {
      target: 'es2022',
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      minify: true,
      lib: { entry: join(root, entry), formats: ['es'], fileName: () => 'entry.js' },
      rolldownOptions: { output: { codeSplitting: false, minify: true } },
    },
  });
  return readFileSync(join(outDir, 'entry.js'));
}

export async function measure() {
  if (!existsSync(join(root, CDN))) throw new Error(`${CDN} is missing: run \`npm run build\` first`);
  const rows = [];
  const cdn = readFileSync(join(root, CDN));
  rows.push({ name: CDN, what: 'every element, one file', raw: cdn.length, gzip: gzipSize(cdn) });
  if (!existsSync(join(root, PROMO))) throw new Error(`${PROMO} is missing: run \`npm run build\` first`);
  const promo = readFileSync(join(root, PROMO));
  rows.push({
    name: PROMO,
    what: "`<flexiti-promo>`'s line alone; its dialog and French load on demand",
    raw: promo.length,
    gzip: gzipSize(promo),
  });
  const work = mkdtempSync(join(tmpdir(), 'flexiti-size-'));
  try {
    const defines = readdirSync(join(root, 'src/define'))
      .filter((name) => name.endsWith('.ts'))
      .sort();
    for (const file of defines) {
      const name = `define/${file.replace(/\.ts$/, '.js')}`;
      const bytes = await bundleAlone(`src/define/${file}`, join(work, file));
      rows.push({ name, what: 'self-contained', raw: bytes.length, gzip: gzipSize(bytes) });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

export function renderTable(rows, budgets) {
  const lines = [
    '| file | measured (gzip -9) | budget (gzip -9) | minified | |',
    '| --- | ---: | ---: | ---: | --- |',
    ...rows.map((row) => {
      const budget = budgets[row.name];
      const status = budget === undefined ? 'no budget' : row.gzip <= budget ? 'within' : '**over**';
      return `| \`${row.name}\` (${row.what}) | ${kb(row.gzip)} | ${budget === undefined ? '—' : kb(budget)} | ${kb(row.raw)} | ${status} |`;
    }),
  ];
  return `${lines.join('\n')}\n\n_Measured by \`node scripts/size-budget.mjs --write-readme\` after \`npm run build\`; budgets in \`size-budgets.json\`; CI fails when a file is over its budget._\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const budgets = JSON.parse(readFileSync(join(root, 'size-budgets.json'), 'utf8')).budgets;
  const rows = await measure();
  let over = 0;
  const width = Math.max(...rows.map((row) => row.name.length));
  for (const row of rows) {
    const budget = budgets[row.name];
    const verdict = budget === undefined ? 'NO BUDGET' : row.gzip <= budget ? 'ok' : 'OVER';
    if (verdict !== 'ok') over++;
    console.log(
      `${row.name.padEnd(width)}  ${String(row.gzip).padStart(7)} B gzip  budget ${budget === undefined ? '      —' : String(budget).padStart(7)} B  ${verdict}` +
        (budget !== undefined && row.gzip > budget ? ` (+${row.gzip - budget} B)` : ''),
    );
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
    console.error(`${over} file(s) over budget or without one (size-budgets.json).`);
    process.exit(1);
  }
}
