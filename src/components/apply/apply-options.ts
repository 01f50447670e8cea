import type { FormValues, OptionMap } from '../../model/index.js';
import { formValues as formValuesReader, optionMap, read } from '../../model/read.js';
import type { OptionList } from '../../internal/select-options.js';

/** The option lists the form renders, read from `formValues` (the `form_values` of POST /merchants/login). */
export interface ApplyOptions {
  /** The parsed `form_values`, handed to `validateApplyForm` so choices are checked against what was offered. */
  readonly formValues: FormValues;
  readonly salutation: OptionList;
  readonly province: OptionList;
  readonly security_qid: OptionList;
  readonly govid_type: OptionList;
  /** `govid_issued_by.option_depends`, by ID type, in the order given. */
  readonly issuers: Readonly<Record<string, OptionList>>;
  /** Merchant-specific lists when `formValues` carries them; otherwise the built-in lists apply. */
  readonly occupation_id?: OptionList;
  readonly housing_type?: OptionList;
}

/** Why the options can't be used: which list is missing, malformed or empty (for the configuration message). */
export interface OptionsProblem {
  readonly list: string;
}

export type OptionsResult = { ok: true; options: ApplyOptions } | { ok: false; problem: OptionsProblem };

const REQUIRED_CHOICES = ['salutation', 'province', 'security_qid'] as const;

const toList = (map: OptionMap): OptionList => Object.entries(map);

/**
 * The list as given, without a second option whose label repeats an earlier one: French `form_values` give
 * « Mme » for both Ms and Mrs, and two identical choices only make the customer wonder which one is right.
 */
function distinctLabels(list: OptionList): OptionList {
  const seen = new Set<string>();
  return list.filter(([, label]) => {
    const key = label.trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A merchant list such as `{ options: {...} }` under one of `keys`, when present and usable. */
function extraList(raw: Record<string, unknown>, keys: readonly string[]): OptionList | undefined {
  for (const key of keys) {
    const entry = raw[key] as { options?: unknown } | undefined;
    const parsed = read(optionMap, entry?.options);
    if (parsed.ok && Object.keys(parsed.value).length > 0) return toList(parsed.value);
  }
  return undefined;
}

/**
 * Reads `formValues` without throwing. Missing, not an object, or a required list absent or malformed gives
 * `{ ok: false }` naming the list; a required choice list with no options too (an empty `<select>` would block
 * the customer with no explanation). An ID type with no issuer list is not a problem here: only that choice is
 * unusable, and the form says so on the issuer field.
 */
export function readFormValues(raw: unknown): OptionsResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return { ok: false, problem: { list: 'formValues' } };
  // The offers are the plan picker's business: a malformed plan must not take the application form down.
  const parsed = read(formValuesReader, { ...(raw as object), offer_types: undefined });
  if (!parsed.ok) {
    return { ok: false, problem: { list: parsed.path.length > 0 ? String(parsed.path[0]) : 'formValues' } };
  }
  const formValues = parsed.value;
  for (const list of REQUIRED_CHOICES) {
    if (Object.keys(formValues[list].options).length === 0) return { ok: false, problem: { list } };
  }
  const record = raw as Record<string, unknown>;
  const issuers: Record<string, OptionList> = {};
  for (const [type, map] of Object.entries(formValues.govid_issued_by.option_depends)) issuers[type] = toList(map);
  return {
    ok: true,
    options: {
      formValues,
      salutation: distinctLabels(toList(formValues.salutation.options)),
      province: toList(formValues.province.options),
      security_qid: toList(formValues.security_qid.options),
      govid_type: toList(formValues.govid_type.options),
      issuers,
      occupation_id: extraList(record, ['occupation_id', 'occupation']),
      housing_type: extraList(record, ['housing_type', 'housing']),
    },
  };
}
