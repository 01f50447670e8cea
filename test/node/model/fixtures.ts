// The seed 003 examples (test/fixtures/seed-examples.json), typed loosely for the tests.
import { readFileSync } from 'node:fs';

export type SeedExamples = Record<string, Record<string, unknown>>;

const raw = JSON.parse(readFileSync(new URL('../../fixtures/seed-examples.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;
delete raw._about;
export const seeds = raw as SeedExamples;

/** One example: `seed('POST /client-id/{client_id}/apply', 'request')`. */
export function seed<T = Record<string, unknown>>(endpoint: string, label: string): T {
  const example = seeds[endpoint]?.[label];
  if (example === undefined) throw new Error(`no seed example ${endpoint} → ${label}`);
  return structuredClone(example) as T;
}

/** A complete, valid Ontario application as typed into the form. */
export function typedApplication(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    amount_requested: '5 000,00 $',
    salutation: 'mr',
    first_name: 'John',
    last_name: 'Doe',
    dob: '1990-01-01',
    email: 'john.doe@example.com',
    phone_number: '(416) 555-0199',
    address_1: '123 Any Street',
    city: 'Toronto',
    province: 'ON',
    postal_code: 'm5v 2t6',
    housing_type: 'Rent',
    personal_income: '55,000',
    household_income: '80,000',
    occupation_id: 'FE',
    occupation_title: 'Baker',
    security_qid: '8',
    security_answer: 'Horse',
    piw: 'Cloud',
    tos_agreement: true,
    ...overrides,
  };
}
