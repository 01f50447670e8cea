// README's code blocks: the ones copied from runnable files, and the ones type-checked as they stand.
//   node scripts/readme-code.mjs           rewrites each block that follows an `<!-- include: path -->` line
//                                          with that file, so the README shows the code CI runs
//   node scripts/readme-code.mjs --check   exits 1 when an included block differs from its file
// test/dist/readme.test.ts type-checks every other js/ts/jsx/tsx block against the built package.
import { readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const INCLUDE = /^<!-- include: (\S+) -->$/;
const FENCE = /^( *)```(\S*)\s*$/;
const LANGS = { '.ts': 'ts', '.tsx': 'tsx', '.js': 'js', '.jsx': 'jsx', '.html': 'html', '.mjs': 'js' };

/**
 * The fenced blocks of a markdown text: language, code (indentation of the fence removed), the line of the
 * opening fence (1-based) and the file it is included from, if any.
 * @param {string} text
 * @returns {{ lang: string, code: string, line: number, include?: string, start: number, end: number }[]}
 */
export function codeBlocks(text) {
  const lines = text.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]);
    if (!open) continue;
    const indent = open[1].length;
    const close = lines.findIndex((line, j) => j > i && line.trim() === '```');
    if (close < 0) throw new Error(`README.md:${i + 1}: a code block is never closed`);
    const include = INCLUDE.exec(lines[i - 1] ?? '')?.[1];
    blocks.push({
      lang: open[2],
      code: lines
        .slice(i + 1, close)
        .map((line) => line.slice(indent))
        .join('\n'),
      line: i + 1,
      start: i,
      end: close,
      ...(include ? { include } : {}),
    });
    i = close;
  }
  return blocks;
}

/** The text with every included block replaced by its file (from `root`). */
export function withIncludes(text, root) {
  const lines = text.split('\n');
  // From the end, so earlier line numbers stay right.
  for (const block of codeBlocks(text).reverse()) {
    if (!block.include) continue;
    const file = readFileSync(join(root, block.include), 'utf8').replace(/\n$/, '');
    const lang = LANGS[extname(block.include)] ?? block.lang;
    lines.splice(block.start, block.end - block.start + 1, '```' + lang, ...file.split('\n'), '```');
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const path = join(root, 'README.md');
  const text = readFileSync(path, 'utf8');
  const next = withIncludes(text, root);
  if (process.argv.includes('--check')) {
    if (next !== text) {
      console.error('README.md: an included code block differs from its file: run node scripts/readme-code.mjs');
      process.exit(1);
    }
  } else if (next !== text) {
    writeFileSync(path, next);
    console.log('README.md: included code blocks updated.');
  }
}
