/**
 * The personas panel's sample applicants, each click a new person: the sandbox refuses a second application for
 * the same name and birth date (`customer_already_exists`), so a fixed sample would be approved once per server.
 * Only the first name and the birth date change; everything else is the sandbox's valid sample.
 */
import { SANDBOX_APPLICANT, SANDBOX_QUEBEC_APPLICANT } from '../src/server/sandbox/personas.js';

const FIRST_NAMES = [
  'Avery', 'Camille', 'Jordan', 'Noémie', 'Riley', 'Mathis', 'Priya', 'Étienne',
  'Morgan', 'Amira', 'Samuel', 'Léa', 'Hiroshi', 'Chloé', 'Mateo', 'Aanya',
] as const; // prettier-ignore

/** 1950-01-01 to 1999-12-31: adults everywhere in Canada, with a valid date each time. */
const FIRST_DAY = Date.UTC(1950, 0, 1);
const DAYS = Math.round((Date.UTC(2000, 0, 1) - FIRST_DAY) / 86_400_000);

/** A random whole number below `bound`, from the browser's (or Node's) crypto. */
function below(bound: number): number {
  const buffer = new Uint32Array(1);
  crypto.getRandomValues(buffer);
  return buffer[0]! % bound;
}

/** What `<flexiti-checkout>`'s `prefill` takes: the application's fields by name. */
export type SampleApplicant = Record<string, unknown> & { first_name: string; dob: string };

/**
 * A sample applicant for `province` with a first name and birth date not used before in this page (`used`
 * remembers them). What the customer checks and sends; the consent and the amount are the checkout's business.
 */
export function freshApplicant(province: 'ON' | 'QC', used: Set<string>, pick = below): SampleApplicant {
  const {
    tos_agreement: _consent,
    amount_requested: _amount,
    ...sample
  } = province === 'QC' ? SANDBOX_QUEBEC_APPLICANT : SANDBOX_APPLICANT;
  for (;;) {
    const first_name = FIRST_NAMES[pick(FIRST_NAMES.length)]!;
    const dob = new Date(FIRST_DAY + pick(DAYS) * 86_400_000).toISOString().slice(0, 10);
    const key = `${first_name}|${dob}`;
    if (used.has(key)) continue;
    used.add(key);
    return { ...sample, first_name, dob };
  }
}
