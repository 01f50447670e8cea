/**
 * README's code, as a merchant copies it:
 * - the blocks copied from runnable files (`<!-- include: path -->`, examples/merchant and the like) are those
 *   files exactly (the merchant example itself runs in merchant-example.test.ts);
 * - every other js/ts/jsx/tsx block is type-checked by `tsc` against the built package, imported by name. The
 *   names a block leaves to the merchant (their checkout id, their React state) are declared once below, typed as
 *   the package would have them; a JSX block of sibling tags is checked as one fragment; a block holding two
 *   files marks the second with a `// path/file.ts` line.
 * - the Vue and Svelte blocks are compiled by their compilers (Vue's template compiler with the `flexiti-` tags as
 *   custom elements; Svelte 5's with the names they use as state): no error, and no warning from Svelte.
 * Blocks in other languages (sh, html, css, the CSP header) are not run here; the html ones are included from
 * files or are one script tag. Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { compile as compileSvelte } from 'svelte/compiler';
import { compileTemplate } from 'vue/compiler-sfc';
import { codeBlocks, withIncludes, type CodeBlock as Block } from '../../scripts/readme-code.mjs';

const root = process.cwd();
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = codeBlocks(readme);
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');
const CHECKED = new Set(['js', 'ts', 'jsx', 'tsx']);
// Inside the repository, so `flexiti-elements` resolves to the package itself (its `exports`, built dist/).
const work = join(root, '.readme-check');

/** What README's fragments leave to the merchant's own code, with the types the package gives them. */
const MERCHANT_NAMES = `import type { FormValuesInput, OfferTypeInput, ApplyRequest } from 'flexiti-elements';
declare global {
  const checkoutIdFromYourServer: string;
  const formValues: FormValuesInput;
  const offers: OfferTypeInput[];
  function setStatus(status: string): void;
  function setPlan(plan: unknown): void;
  function postApply(request: ApplyRequest): Promise<Response>;
  function log(detail: unknown): void;
}
export {};
`;

/** One block as the files tsc checks: split at `// path.ext` lines; sibling JSX tags wrapped in a fragment. */
function blockFiles(block: Block): { name: string; text: string }[] {
  const parts: { name: string; lines: string[] }[] = [{ name: `line-${block.line}.${block.lang}`, lines: [] }];
  for (const line of block.code.split('\n')) {
    const file = /^\/\/ (\S+\.(?:tsx?|jsx?))$/.exec(line)?.[1];
    if (file && parts[0]!.lines.some((each) => each.trim())) {
      parts.push({ name: `line-${block.line}-${file.replaceAll(/[^\w.]/g, '_')}`, lines: [] });
    }
    parts.at(-1)!.lines.push(line);
  }
  return parts.map(({ name, lines }) => {
    const imports = lines.filter((line) => line.startsWith('import '));
    const rest = lines.filter((line) => !line.startsWith('import '));
    const jsxTags = /\.[jt]sx$/.test(name) && rest.some((line) => /^<[A-Za-z]/.test(line));
    const text = jsxTags
      ? [...imports, 'export const fragment = (', '<>', ...rest, '</>', ');'].join('\n')
      : [...lines, 'export {};'].join('\n');
    return { name, text };
  });
}

describe("README's code", () => {
  after(() => rmSync(work, { recursive: true, force: true }));

  it('has the blocks this test knows: included files, and js/ts/jsx/tsx blocks to type-check', () => {
    assert.ok(blocks.filter((block) => block.include).length >= 3, 'the merchant example is included');
    assert.ok(blocks.filter((block) => !block.include && CHECKED.has(block.lang)).length >= 6);
  });

  it('shows each included file exactly as it is in the repository', () => {
    for (const block of blocks.filter((each) => each.include)) {
      const file = readFileSync(join(root, block.include!), 'utf8').replace(/\n$/, '');
      assert.equal(block.code, file, `README.md:${block.line} differs from ${block.include}`);
    }
    assert.equal(withIncludes(readme, root), readme);
  });

  it('type-checks every js/ts/jsx/tsx block against the built package', () => {
    assert.ok(existsSync(join(root, 'dist/types/index.d.ts')), 'run `npm run build` first');
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work);
    writeFileSync(join(work, 'merchant-names.d.ts'), MERCHANT_NAMES);
    const names: string[] = [];
    for (const block of blocks.filter((each) => !each.include && CHECKED.has(each.lang))) {
      for (const file of blockFiles(block)) {
        writeFileSync(join(work, file.name), file.text);
        names.push(file.name);
      }
    }
    writeFileSync(
      join(work, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'bundler',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          types: ['node', 'react'],
          jsx: 'react-jsx',
          strict: true,
          noEmit: true,
          allowJs: true,
          checkJs: true,
          skipLibCheck: true,
        },
        files: ['merchant-names.d.ts', ...names],
      }),
    );
    const result = spawnSync(process.execPath, [tsc, '-p', work], { encoding: 'utf8' });
    assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
  });

  const vueErrors = (source: string) =>
    compileTemplate({
      source,
      filename: 'README.vue',
      id: 'readme',
      compilerOptions: { isCustomElement: (tag) => tag.startsWith('flexiti-') },
    }).errors.map(String);
  // The names Svelte blocks leave to the component's script, as state.
  const svelteWarnings = (markup: string) =>
    compileSvelte(`<script>let offers = $state([]); let plan = $state(''); const loadTerms = (request) => fetch('/');</script>\n${markup}`, {
      filename: 'README.svelte',
    }).warnings.map((warning) => `${warning.code}: ${warning.message}`);

  it('compiles every Vue block with no error', () => {
    const vue = blocks.filter((block) => block.lang === 'vue');
    assert.ok(vue.length >= 1);
    for (const block of vue) assert.deepEqual(vueErrors(block.code), [], `README.md:${block.line}`);
    assert.notDeepEqual(vueErrors('<flexiti-terms @change="plan = =" />'), [], 'a broken template fails');
  });

  it('compiles every Svelte block with no error and no warning', () => {
    const svelte = blocks.filter((block) => block.lang === 'svelte');
    assert.ok(svelte.length >= 1);
    for (const block of svelte) assert.deepEqual(svelteWarnings(block.code), [], `README.md:${block.line}`);
    // Svelte 5 warns on a self-closing custom element (HTML has none): the README writes the closing tag.
    assert.match(svelteWarnings('<flexiti-terms province="ON" />').join(), /element_invalid_self_closing_tag/);
  });

  it('fails a block that uses a name nobody defines (the check can fail)', () => {
    mkdirSync(work, { recursive: true });
    writeFileSync(join(work, 'broken.js'), "import { connect } from 'flexiti-elements/connect';\nshowPlans(connect);\n");
    writeFileSync(
      join(work, 'tsconfig.broken.json'),
      JSON.stringify({
        compilerOptions: { module: 'ESNext', moduleResolution: 'bundler', allowJs: true, checkJs: true, noEmit: true },
        files: ['broken.js'],
      }),
    );
    const result = spawnSync(process.execPath, [tsc, '-p', join(work, 'tsconfig.broken.json')], { encoding: 'utf8' });
    assert.notEqual(result.status, 0);
    assert.match(result.stdout, /Cannot find name 'showPlans'/);
  });
});
