/**
 * Test harness for `<flexiti-apply>`: mounts the element with the seed's `form_values` behind a host that
 * answers the terms request, records every event it emits, and fills fields through real DOM events.
 */
import { waitUntil } from '@open-wc/testing';
import { text } from './dom.js';
import '../../src/define/flexiti-apply.js';
import type { FlexitiApply } from '../../src/components/apply/apply.js';
import type { FormValuesInput } from '../../src/model/index.js';
import { setLocale } from '../../src/internal/locale.js';
import type { FlexitiTerms } from '../../src/components/terms/terms.js';

/** The shared DOM helpers, for the apply tests that import everything from here. */
export { deepActiveElement, text } from './dom.js';

export type Seed = Record<string, Record<string, unknown>>;

let seedCache: Seed | undefined;

/** Every JSON example of seed 003, served by the test runner. */
export async function seed(): Promise<Seed> {
  seedCache ??= (await (await fetch('/test/fixtures/seed-examples.json')).json()) as Seed;
  return seedCache;
}

const LOGIN = 'POST /client-id/{client_id}/merchants/login';
const APPLY = 'POST /client-id/{client_id}/apply';
const LICENSE = 'POST /client-id/{client_id}/customers/driverslicense';

/** A fresh deep copy of the seed's `form_values` (`any`: tests reshape it freely and assign it to `formValues`). */
export async function seedFormValues(): Promise<any> {
  const login = (await seed())[LOGIN]!.response as { form_values: unknown };
  return structuredClone(login.form_values) as Record<string, any>;
}

export async function seedApply(
  label: '200 - Success - ROC applicant' | '200 - Success - QC applicant',
): Promise<Record<string, unknown>> {
  return structuredClone((await seed())[APPLY]![label]) as Record<string, unknown>;
}

export async function seedLicense(label: string): Promise<Record<string, unknown>> {
  return structuredClone((await seed())[LICENSE]![label]) as Record<string, unknown>;
}

export interface Recorded {
  type: string;
  detail: unknown;
}

export interface Mounted {
  el: FlexitiApply;
  wrapper: HTMLElement;
  /** Every event that reached the wrapper, in order (request events included). */
  events: Recorded[];
  /** Request events of one type. */
  requests(type: string): unknown[];
}

export interface MountOptions {
  /** Anything, on purpose: tests hand the element unusable values too. */
  formValues?: unknown;
  amount?: number;
  province?: string;
  prefill?: Record<string, unknown>;
  lang?: string;
  strictPhone?: boolean;
  /** Answers `flexiti-apply-request` (return undefined: nobody answers). */
  onApply?: (request: Record<string, unknown>) => unknown;
  onClose?: (request: Record<string, unknown>) => unknown;
  onLicense?: (request: Record<string, unknown>) => unknown;
  /** Don't pass formValues at all. */
  noFormValues?: boolean;
  /** The wrapper's `channel` attribute (who the words address); none: the element's default, `online`. */
  channel?: 'online' | 'in_store';
}

const EVENT_TYPES = [
  'flexiti-apply-request',
  'flexiti-close-account-request',
  'flexiti-license-request',
  'flexiti-terms-request',
  'flexiti-result',
  'flexiti-error',
  'flexiti-verified',
  'change',
];

const mounted = new Set<HTMLElement>();

afterEach(() => {
  for (const container of mounted) container.remove();
  mounted.clear();
});

export async function mount(options: MountOptions = {}): Promise<Mounted> {
  const formValues = options.noFormValues
    ? undefined
    : 'formValues' in options
      ? options.formValues
      : await seedFormValues();
  // Not open-wc's fixture(): it waits for an animation frame, and a test page the browser put in the background
  // gets none, so concurrent test files could hang. The container is removed after each test instead.
  const container = document.createElement('div');
  document.body.append(container);
  mounted.add(container);
  const wrapper = document.createElement('div');
  wrapper.lang = options.lang ?? 'en-CA';
  if (options.channel) wrapper.setAttribute('channel', options.channel);
  const events: Recorded[] = [];
  for (const type of EVENT_TYPES) {
    wrapper.addEventListener(type, (event) => {
      const detail = (event as Event & { detail?: any }).detail;
      events.push({ type, detail: detail && 'request' in detail ? detail.request : detail });
    });
  }
  wrapper.addEventListener('flexiti-terms-request', (event) => {
    const { province, lang } = event.detail.request;
    event.detail.respondWith(
      `<div id='tcs'><h2>${lang === 'fr' ? 'Modalités' : 'Terms'} ${province}</h2><p>Text.</p></div>`,
    );
  });
  const answer = (type: string, handler?: (request: Record<string, unknown>) => unknown) =>
    wrapper.addEventListener(type, (event) => {
      const detail = (event as Event & { detail: { request: Record<string, unknown>; respondWith(a: unknown): void } })
        .detail;
      const outcome = handler?.(detail.request);
      if (outcome !== undefined) detail.respondWith(outcome);
    });
  answer('flexiti-apply-request', options.onApply);
  answer('flexiti-close-account-request', options.onClose);
  answer('flexiti-license-request', options.onLicense);
  const el = document.createElement('flexiti-apply');
  if (!options.noFormValues) el.formValues = formValues as FormValuesInput | undefined;
  if (options.amount !== undefined) el.amount = options.amount;
  if (options.province !== undefined) el.province = options.province;
  if (options.prefill) el.prefill = options.prefill;
  if (options.strictPhone) el.strictPhone = true;
  // One language per page: the page takes the wrapper's (its messages load before the element renders).
  await setLocale(wrapper.lang);
  wrapper.append(el);
  container.append(wrapper);
  await el.updateComplete;
  return {
    el,
    wrapper,
    events,
    requests: (type) => events.filter((event) => event.type === type).map((event) => event.detail),
  };
}

export const root = (el: FlexitiApply): ShadowRoot => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: FlexitiApply, selector: string): T | null =>
  root(el).querySelector<T>(selector);
export const control = (el: FlexitiApply, name: string) =>
  $<HTMLInputElement & HTMLSelectElement>(el, `[name="${name}"]`)!;

/** The message under a field (error or warning), as text. */
export const messageOf = (el: FlexitiApply, name: string): string => text($(el, `#${name}-message`));
/** The error shown on a field, without the hidden "Error:" prefix. */
export const errorOf = (el: FlexitiApply, name: string): string =>
  text($(el, `#${name}-message.error`)).replace(/^(Error:|Erreur :)\s*/, '');

/** Sets a field as a person would: `input` while typing, then `change` on leaving it. */
export async function setField(el: FlexitiApply, name: string, value: string): Promise<void> {
  const input = control(el, name);
  if (!input) throw new Error(`no control named ${name}`);
  input.value = value;
  if (input.localName !== 'select') input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

export const terms = (el: FlexitiApply): FlexitiTerms => $(el, 'flexiti-terms') as unknown as FlexitiTerms;

/** Waits for the terms to be shown, then ticks the agreement with a click. */
export async function agree(el: FlexitiApply): Promise<void> {
  const element = terms(el);
  await waitUntil(() => element.status === 'shown', 'the terms were not shown');
  await element.updateComplete;
  element.shadowRoot!.querySelector<HTMLInputElement>('#agreement')!.click();
  await el.updateComplete;
}

/** A valid applicant from Ontario (valid SIN, postal code matching the province, NANP-valid phone). */
export const VALID: Readonly<Record<string, string>> = {
  amount_requested: '1500',
  salutation: 'ms',
  first_name: 'Zoë',
  last_name: "O'Brien",
  dob: '1990-05-31',
  address_1: '123 Main Street',
  city: 'Toronto',
  province: 'ON',
  postal_code: 'M5V 2T6',
  phone_number: '416 555 0199',
  email: 'zoe@example.com',
  personal_income: '52,000',
  household_income: '78,000',
  housing_type: 'Rent',
  occupation_id: 'FE',
  occupation_title: 'Baker',
  sin: '130 692 544',
  security_qid: '8',
  security_answer: 'Mrs. Lee',
  piw: 'Cloud',
};

/** Fills every required field (and the SIN) with valid data, then agrees to the terms. */
export async function fillValid(el: FlexitiApply, overrides: Record<string, string> = {}): Promise<void> {
  const values = { ...VALID, ...overrides };
  // Province first: Quebec shows its housing-cost field, and the terms load for it.
  await setField(el, 'province', values.province!);
  for (const [name, value] of Object.entries(values)) {
    if (name === 'province') continue;
    await setField(el, name, value);
  }
  await agree(el);
}

export async function submitForm(el: FlexitiApply): Promise<void> {
  $<HTMLButtonElement>(el, 'form [part="submit-button"]')!.click();
  await el.updateComplete;
  await el.updateComplete;
}

export async function confirm(el: FlexitiApply): Promise<void> {
  $<HTMLButtonElement>(el, '[data-confirm]')!.click();
  await el.updateComplete;
}

/** Waits until the element is no longer busy (the host answered). */
export async function settled(el: FlexitiApply): Promise<void> {
  await el.updateComplete;
  await waitUntil(() => $(el, '.root')?.getAttribute('aria-busy') === 'false', 'still busy');
  await el.updateComplete;
  await el.updateComplete;
}

/** Fills a valid application, reviews it and confirms; resolves once the host's answer is shown. */
export async function applyWith(el: FlexitiApply, overrides: Record<string, string> = {}): Promise<void> {
  await fillValid(el, overrides);
  await submitForm(el);
  await confirm(el);
  await settled(el);
}

export const outcomeKind = (el: FlexitiApply): string | null =>
  $(el, '[part="outcome"]')?.getAttribute('data-outcome') ?? null;
