import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';

/** Where the bundle's minified bytes come from, read from its source map. */
export interface SizePart {
  part: string;
  /** Minified bytes the part contributes to the bundle. */
  bytes: number;
  /** The part's code gzipped on its own (level 9): an approximation, parts compress better together. */
  gzipAlone: number;
}

export interface BundleSize {
  bytes: number;
  gzip9: number;
  brotli11: number;
  parts: SizePart[];
}

export const gzip9 = (code: string | Buffer) => gzipSync(code, { level: 9 }).length;

export function measureBundle(code: string, sourceMap?: { sources: string[]; mappings: string }): BundleSize {
  return {
    bytes: Buffer.byteLength(code),
    gzip9: gzip9(code),
    brotli11: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    parts: sourceMap ? composition(code, sourceMap) : [],
  };
}

/** The library or folder a source belongs to: a package, the model, one element, the French messages… */
function partOf(source: string): string {
  const path = source.replace(/\\/g, '/').replace(/^(\.\.\/)+/, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1]!.startsWith('lit') || pkg[1]!.startsWith('@lit/reactive') ? 'lit' : pkg[1]!;
  const element = /src\/components\/([^/]+)\//.exec(path);
  if (element) return `<flexiti-${element[1]}>`;
  if (path.includes('src/generated/locales')) return 'fr-CA messages (lit-localize)';
  if (path.includes('src/model/')) return 'model (validators, readers, messages, errors)';
  if (path.includes('src/internal/') || path.includes('src/events/') || path.includes('src/define/'))
    return 'shared (base, controllers, events, styles)';
  return 'other (runtime helpers, entry)';
}

/** Attributes every generated character to the source its mapping segment points at (unmapped: "other"). */
function composition(
  code: string,
  map: { sources: string[]; mappings: string },
  partOfSource: (source: string) => string = partOf,
): SizePart[] {
  const lines = code.split('\n');
  const chunks = new Map<string, string[]>();
  const add = (part: string, text: string) => {
    if (text) (chunks.get(part) ?? chunks.set(part, []).get(part)!).push(text);
  };
  // A line that starts inside a multi-line literal (CSS, templates) continues the previous line's source.
  let previousPart = 'other (runtime helpers, entry)';
  decode(map.mappings).forEach((segments, lineNumber) => {
    const line = lines[lineNumber] ?? '';
    let previousStart = 0;
    // Rolldown's minifier does not always emit a line's segments in column order.
    for (const segment of [...segments].sort((a, b) => a[0] - b[0])) {
      add(previousPart, line.slice(previousStart, segment[0]));
      previousPart =
        segment.length >= 4 ? partOfSource(map.sources[segment[1]!] ?? '') : 'other (runtime helpers, entry)';
      previousStart = segment[0];
    }
    add(previousPart, line.slice(previousStart) + '\n');
  });
  return [...chunks]
    .map(([part, texts]) => {
      const text = texts.join('');
      return { part, bytes: Buffer.byteLength(text), gzipAlone: gzip9(text) };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

/** One file of a build: what it imports statically (loaded with it) and dynamically (loaded on demand). */
export interface BuiltFile {
  fileName: string;
  code: string;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  map?: { sources: string[]; mappings: string };
}

export interface FileSet {
  files: string[];
  bytes: number;
  /** Each file gzipped on its own (level 9), as a server sends them, summed. */
  gzip9: number;
}

/** `from` and every file it imports, transitively: statically only, or dynamically too. */
export function reachable(files: BuiltFile[], from: string, dynamic: boolean): string[] {
  const byName = new Map(files.map((file) => [file.fileName, file]));
  const seen = new Set<string>();
  const visit = (name: string) => {
    const file = byName.get(name);
    if (!file || seen.has(name)) return;
    seen.add(name);
    for (const next of file.imports) visit(next);
    if (dynamic) for (const next of file.dynamicImports) visit(next);
  };
  visit(from);
  return [...seen];
}

export function fileSet(files: BuiltFile[], names: string[]): FileSet {
  const chosen = files.filter((file) => names.includes(file.fileName));
  return {
    files: chosen.map((file) => file.fileName),
    bytes: chosen.reduce((sum, file) => sum + Buffer.byteLength(file.code), 0),
    gzip9: chosen.reduce((sum, file) => sum + gzip9(file.code), 0),
  };
}

/**
 * An entry's bytes: `initial` is the entry and its static imports (what a page downloads before the first
 * element can render), `total` adds everything it may load on demand (the French, the sanitizer…).
 */
export function entrySize(files: BuiltFile[], entry: string): { initial: FileSet; total: FileSet } {
  return {
    initial: fileSet(files, reachable(files, entry, false)),
    total: fileSet(files, reachable(files, entry, true)),
  };
}

/** A source's path from the project root (`src/components/apply/apply.ts`, `node_modules/lit-html/lit-html.js`). */
const modulePath = (source: string) => source.replace(/\\/g, '/').replace(/^(\.\.\/)+/, '');

/**
 * Minified bytes by origin over several files (each through its own source map): by part (a package, an
 * element, the model…), or by module (`byModule`).
 */
export function compositionOf(files: BuiltFile[], byModule = false): SizePart[] {
  const parts = new Map<string, SizePart>();
  for (const file of files) {
    if (!file.map) continue;
    for (const part of composition(file.code, file.map, byModule ? modulePath : partOf)) {
      const sum = parts.get(part.part) ?? { part: part.part, bytes: 0, gzipAlone: 0 };
      sum.bytes += part.bytes;
      sum.gzipAlone += part.gzipAlone;
      parts.set(part.part, sum);
    }
  }
  return [...parts.values()].sort((a, b) => b.bytes - a.bytes);
}
