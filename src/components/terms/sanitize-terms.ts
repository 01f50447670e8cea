/**
 * The one place API HTML becomes DOM (docs/reliability.md §2.2). Terms and conditions keep their legal
 * formatting (headings, bold and strong for Quebec's compulsory clauses, lists, tables, links); everything that can
 * run code, load something, restyle the widget or take input is dropped. Output is a DocumentFragment that Lit
 * commits as a node: nothing is re-parsed after sanitizing, and `unsafeHTML` (which Trusted Types does not cover) is
 * never needed.
 *
 * Browser only (DOMPurify needs a real DOM; happy-dom is not safe for it). No side effect at import: the dedicated
 * DOMPurify instance and its hook are created on first use.
 */
import DOMPurify, { type Config } from 'dompurify';

type Purifier = ReturnType<typeof DOMPurify>;

// Block-level tags terms may use; `plainText` keeps them too, and separates their text with a space.
const BLOCK_TAGS = [
  'blockquote',
  'br',
  'caption',
  'dd',
  'div',
  'dl',
  'dt',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'li',
  'ol',
  'p',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
];

/** Tags terms may use. Anything else is removed; its text is kept unless it is script-like (DOMPurify's default). */
export const TERMS_ALLOWED_TAGS: readonly string[] = [
  ...BLOCK_TAGS,
  ...['a', 'b', 'em', 'i', 'small', 'span', 'strong', 'sub', 'sup', 'u'],
].sort();

/**
 * Attributes terms may use. No `id`/`name` (they could collide with the widget's own ids or clobber DOM
 * properties), no `class` (it could pick up the widget's styles), no `style`, no ARIA or `data-*`.
 */
export const TERMS_ALLOWED_ATTRIBUTES: readonly string[] = [
  'href',
  'colspan',
  'rowspan',
  'scope',
  'lang',
  'dir',
  'start',
];

// Values of these (all but href) are never URLs. Without this, DOMPurify would test them against
// ALLOWED_URI_REGEXP below and drop `colspan="2"` or `lang="fr"`.
const NON_URL_ATTRIBUTES = TERMS_ALLOWED_ATTRIBUTES.filter((name) => name !== 'href');

// Never allowed, whatever the allow-list above becomes: they run code, load resources, restyle or hide the
// agreement (a <style> in the shadow root could), or collect input.
const FORBIDDEN_TAGS = [
  'script',
  'style',
  'link',
  'meta',
  'base',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'img',
  'picture',
  'video',
  'audio',
  'source',
  'svg',
  'math',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'details',
  'dialog',
  'marquee',
];

/** Links may only be https, mailto or tel (compared after DOMPurify removes whitespace and control characters). */
export const TERMS_URL_PATTERN = /^(?:https:|mailto:|tel:)/i;

const TERMS_CONFIG: Config = {
  ALLOWED_TAGS: [...TERMS_ALLOWED_TAGS],
  ALLOWED_ATTR: [...TERMS_ALLOWED_ATTRIBUTES],
  ADD_URI_SAFE_ATTR: NON_URL_ATTRIBUTES,
  FORBID_TAGS: FORBIDDEN_TAGS,
  FORBID_ATTR: ['style'],
  ALLOWED_URI_REGEXP: TERMS_URL_PATTERN,
  ALLOW_ARIA_ATTR: false,
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  KEEP_CONTENT: true,
};

const PLAIN_TEXT_CONFIG: Config = {
  ALLOWED_TAGS: BLOCK_TAGS,
  ALLOWED_ATTR: [],
  FORBID_TAGS: FORBIDDEN_TAGS,
  KEEP_CONTENT: true,
};

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

let purifier: Purifier | undefined;

/**
 * Our own DOMPurify instance, so our hook never touches a host page's use of the global one (and theirs never
 * touches ours). The hook is registered once, when the instance is created.
 */
function termsPurifier(): Purifier {
  if (!purifier) {
    purifier = DOMPurify(window);
    purifier.addHook('afterSanitizeAttributes', (node) => {
      // A kept link leaves the checkout in a new tab, without giving that page a handle on ours.
      if (node.localName === 'a' && node.hasAttribute('href')) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
      // A malformed language tag would mislead screen readers (and fail axe's valid-lang): drop it.
      const lang = node.getAttribute('lang');
      if (lang !== null && !LANGUAGE_TAG.test(lang)) node.removeAttribute('lang');
    });
  }
  return purifier;
}

function sanitize(html: string, config: Config): DocumentFragment {
  const instance = termsPurifier();
  // DOMPurify hands unsupported browsers their input back unchanged: fail closed with nothing.
  if (!instance.isSupported) return document.createDocumentFragment();
  const result: unknown = instance.sanitize(html, { ...config, RETURN_DOM_FRAGMENT: true });
  // DOMPurify keeps what it removed (with the elements it came from) until the next call: let it go now, or the
  // last terms shown keep their detached element, and the form around it, alive (bench: attach/detach).
  instance.removed = [];
  return result instanceof DocumentFragment ? result : document.createDocumentFragment();
}

/**
 * Sanitizes terms HTML into a DocumentFragment to bind as a Lit child value (`${fragment}`), never through
 * `unsafeHTML` or `innerHTML`. Do not modify the markup afterwards in ways that re-parse it.
 */
export function sanitizeToFragment(html: string): DocumentFragment {
  return sanitize(html, TERMS_CONFIG);
}

/**
 * The text of an HTML string (an API `message`, a label): no markup survives, script and style contents are
 * dropped, blocks and line breaks become single spaces. Bind the result as text.
 */
export function plainText(html: string): string {
  const parts: string[] = [];
  const collect = (parent: Node): void => {
    for (const node of Array.from(parent.childNodes)) {
      if (node.nodeType === Node.TEXT_NODE) {
        parts.push(node.nodeValue ?? '');
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const block = BLOCK_TAGS.includes((node as Element).localName);
        if (block) parts.push(' ');
        collect(node);
        if (block) parts.push(' ');
      }
    }
  };
  collect(sanitize(html, PLAIN_TEXT_CONFIG));
  return parts.join('').replace(/\s+/g, ' ').trim();
}
