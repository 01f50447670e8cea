import { aTimeout, expect, fixture, html, nextFrame } from '@open-wc/testing';
import DOMPurify from 'dompurify';
import { plainText, sanitizeToFragment } from './sanitize-terms.js';
import { sha256Bytes, sha256Hex } from './sha256.js';
import { XSS_CORPUS, XSS_FLAG } from '../../../test/xss-corpus.js';

const flags = globalThis as unknown as Record<string, unknown>;
const hex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** Serializes a fragment for comparison (test only: the product never turns sanitized DOM back into HTML). */
function serialize(fragment: DocumentFragment): string {
  const holder = document.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
}

describe('sanitizeToFragment', () => {
  it('returns a DocumentFragment of kept markup', () => {
    const fragment = sanitizeToFragment('<h2><b>Title</b></h2><p>Text <em>here</em>.</p>');
    expect(fragment).to.be.instanceOf(DocumentFragment);
    expect(serialize(fragment)).to.equal('<h2><b>Title</b></h2><p>Text <em>here</em>.</p>');
  });

  it('keeps tables with their spans and scopes', () => {
    const table =
      '<table><caption>Costs</caption><thead><tr><th scope="col">Item</th></tr></thead>' +
      '<tbody><tr><td colspan="2" rowspan="1">Fee</td></tr></tbody></table>';
    expect(serialize(sanitizeToFragment(table))).to.equal(table);
  });

  it('drops ids, classes, ARIA and data attributes, keeps valid lang tags only', () => {
    const out = serialize(
      sanitizeToFragment(
        '<p id="tcs" class="error" aria-hidden="true" data-x="1" lang="fr-CA">a</p><p lang="not a tag">b</p>',
      ),
    );
    expect(out).to.equal('<p lang="fr-CA">a</p><p>b</p>');
  });

  it('does not add a hook to the global DOMPurify instance', () => {
    expect(DOMPurify.sanitize('<a href="https://example.com/">x</a>')).to.equal('<a href="https://example.com/">x</a>');
  });
});

describe('plainText', () => {
  afterEach(() => {
    delete flags[XSS_FLAG];
  });

  it('turns an API message with markup into one line of text', () => {
    const message =
      '<h1>There are no purchases available for return.</h1><p>Please call <strong>1-877-259-3750</strong>.</p>';
    expect(plainText(message)).to.equal('There are no purchases available for return. Please call 1-877-259-3750.');
  });

  it('keeps entities as characters and separates line breaks and list items', () => {
    expect(plainText('Rates &amp; fees<br>apply<ul><li>one</li><li>two</li></ul>')).to.equal(
      'Rates & fees apply one two',
    );
  });

  it('drops script and style contents', () => {
    expect(plainText('<style>p{color:red}</style>Hello<script>window.x=1</script>')).to.equal('Hello');
  });

  it('returns text unchanged when there is no markup', () => {
    expect(plainText('  Plain   text  ')).to.equal('Plain text');
  });

  for (const vector of XSS_CORPUS) {
    it(`runs nothing and leaves no markup: ${vector.name}`, async () => {
      const result = plainText(`Before ${vector.html} after`);
      const container = await fixture<HTMLDivElement>(html`<div>${result}</div>`);
      await nextFrame();
      await aTimeout(20);
      expect(flags[XSS_FLAG]).to.equal(undefined);
      expect(container.children).to.have.length(0);
      expect(result, 'tag-like text left').not.to.match(/<[a-z!/?]/i);
      expect(result.startsWith('Before')).to.equal(true);
    });
  }
});

describe('sha256Hex', () => {
  const samples = [
    '',
    'abc',
    'Modalités et conditions — Québec : 29,99 % « taux »',
    'x'.repeat(55),
    'x'.repeat(56),
    'x'.repeat(64),
    'Long text\n'.repeat(500),
    '😀 emoji and \u00a0 spaces',
  ];

  it('matches the published SHA-256 test vectors', async () => {
    expect(await sha256Hex('abc')).to.equal('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('')).to.equal('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  for (const sample of samples) {
    it(`the fallback gives SubtleCrypto's digest for ${JSON.stringify(sample.slice(0, 20))} (${sample.length} chars)`, async () => {
      const bytes = new TextEncoder().encode(sample);
      const subtle = hex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
      expect(hex(sha256Bytes(bytes))).to.equal(subtle);
      expect(await sha256Hex(sample)).to.equal(subtle);
    });
  }
});
