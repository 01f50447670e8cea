import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

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
  if (path.includes('src/model/')) return 'model (schemas, validators, messages, errors)';
  if (path.includes('src/internal/') || path.includes('src/events/') || path.includes('src/define/'))
    return 'shared (base, controllers, events, styles)';
  return 'other (runtime helpers, entry)';
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one segment of a source map's `mappings` (base64 VLQ). */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** Attributes every generated character to the source its mapping segment points at (unmapped: "other"). */
function composition(code: string, map: { sources: string[]; mappings: string }): SizePart[] {
  const lines = code.split('\n');
  const chunks = new Map<string, string[]>();
  const add = (part: string, text: string) => {
    if (text) (chunks.get(part) ?? chunks.set(part, []).get(part)!).push(text);
  };
  let sourceIndex = 0;
  // A line that starts inside a multi-line literal (CSS, templates) continues the previous line's source.
  let previousPart = 'other (runtime helpers, entry)';
  map.mappings.split(';').forEach((lineMappings, lineNumber) => {
    const line = lines[lineNumber] ?? '';
    let column = 0;
    let previousStart = 0;
    for (const segment of lineMappings ? lineMappings.split(',') : []) {
      const fields = decodeSegment(segment);
      column += fields[0]!;
      add(previousPart, line.slice(previousStart, column));
      if (fields.length >= 4) {
        sourceIndex += fields[1]!;
        previousPart = partOf(map.sources[sourceIndex] ?? '');
      } else {
        previousPart = 'other (runtime helpers, entry)';
      }
      previousStart = column;
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
