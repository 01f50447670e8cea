/**
 * What `<flexiti-terms>` needs once terms arrive, in one module it imports on demand: the sanitizer (DOMPurify,
 * about 11 kB gzip), the SHA-256 fallback and the language check. A page whose customer never gets as far as the
 * terms never downloads or evaluates them.
 */
export { sanitizeToFragment } from './sanitize-terms.js';
export { sha256Hex } from './sha256.js';
export { guessLanguage } from './language-check.js';
