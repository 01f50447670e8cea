/** Canadian provinces and territories (ISO 3166-2:CA), their age of majority and postal-code letters. */

export const PROVINCES = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] as const;
export type ProvinceCode = (typeof PROVINCES)[number];

const MAJORITY_18: readonly string[] = ['AB', 'MB', 'ON', 'PE', 'QC', 'SK'];

/**
 * Age of majority: 18 in AB MB ON PE QC SK, 19 elsewhere. With no (or an unknown) province, 18: the youngest
 * anywhere in Canada, so nobody is wrongly blocked before they pick a province; the form re-checks after.
 */
export function majorityAge(province: string | undefined): 18 | 19 {
  if (!province || !isProvince(province)) return 18;
  return MAJORITY_18.includes(province) ? 18 : 19;
}

export function isProvince(value: string): value is ProvinceCode {
  return (PROVINCES as readonly string[]).includes(value);
}

// First letter of a postal code → provinces it serves (Canada Post). X serves both NT and NU.
const POSTAL_FIRST_LETTER: Record<string, readonly ProvinceCode[]> = {
  A: ['NL'],
  B: ['NS'],
  C: ['PE'],
  E: ['NB'],
  G: ['QC'],
  H: ['QC'],
  J: ['QC'],
  K: ['ON'],
  L: ['ON'],
  M: ['ON'],
  N: ['ON'],
  P: ['ON'],
  R: ['MB'],
  S: ['SK'],
  T: ['AB'],
  V: ['BC'],
  X: ['NT', 'NU'],
  Y: ['YT'],
};

/** The provinces a postal code's first letter belongs to (empty when the letter is not a valid first letter). */
export function provincesForPostalCode(postalCode: string): readonly ProvinceCode[] {
  return POSTAL_FIRST_LETTER[postalCode.trim().charAt(0).toUpperCase()] ?? [];
}

const LEGACY_PROVINCES: Record<string, ProvinceCode> = { NF: 'NL', PQ: 'QC', YU: 'YT' };

/** Upper-cases and maps legacy codes (NF, PQ, YU) to current ones; undefined when not a province code. */
export function normalizeProvince(raw: unknown): ProvinceCode | undefined {
  if (typeof raw !== 'string') return undefined;
  const code = raw.trim().toUpperCase();
  if (isProvince(code)) return code;
  return LEGACY_PROVINCES[code];
}
