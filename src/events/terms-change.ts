import type { ProvinceCode } from '../model/index.js';

/** The language of a terms document, as the API's `lang` query names it. */
export type TermsLang = 'en' | 'fr';

/**
 * Evidence of the customer's agreement, for the merchant's records: which terms (province, language and the
 * SHA-256 of the text shown) and when. No personal information.
 */
export interface TermsConsent {
  readonly province: ProvinceCode;
  readonly lang: TermsLang;
  /** When the customer ticked the box, ISO 8601 in UTC (`2026-08-01T14:03:07.123Z`). */
  readonly accepted_at: string;
  /**
   * SHA-256, 64 lowercase hex digits, of the UTF-8 `textContent` of the sanitized terms the customer saw
   * (`sanitizeToFragment(html).textContent`), so the exact document can be matched later.
   */
  readonly terms_sha256: string;
}

/** What `<flexiti-terms>`'s `change` carries. */
export interface TermsChangeDetail {
  readonly checked: boolean;
  /** The consent record while checked, `null` once unchecked. */
  readonly consent: TermsConsent | null;
}

/**
 * `<flexiti-terms>` fires a native-named `change` (bubbles, composed) when the customer ticks or unticks the
 * agreement — never when code sets `checked`. Frameworks bind it like a checkbox's `change`; it also carries the
 * consent record in `detail`. `change` is already typed as `Event` in `GlobalEventHandlersEventMap`, so narrow it:
 * `el.addEventListener('change', (e) => { if (e instanceof FlexitiTermsChangeEvent) save(e.detail.consent); })`.
 */
export class FlexitiTermsChangeEvent extends Event {
  readonly detail: TermsChangeDetail;
  constructor(detail: TermsChangeDetail) {
    super('change', { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail });
  }
}
