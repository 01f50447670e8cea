/**
 * The customer-facing text of every message key the model returns (validators, the error reader), through
 * @lit/localize's `msg()` like every other string: English here, French in xliff/fr-CA.xlf, loaded with the rest of
 * fr-CA. Elements call `messageText`/`errorText` in `render()`, so a key follows the page's language. The texts an
 * error is shown with are in message-texts-errors.ts and api-texts.ts, so an element that renders no field carries
 * only those.
 */
import { msg, str } from '@lit/localize';
import type { FieldMessage, MessageKey } from '../model/messages.js';
import type { Audience } from './audience.js';
import { ERROR_MESSAGE_TEXTS, type Text } from './message-texts-errors.js';

export { askForHelp } from './message-texts-errors.js';

/** Validation messages, by key (`required`, `sin.checksum`…). */
export const FIELD_MESSAGE_TEXTS: Readonly<Record<string, Text>> = {
  required: () => msg('This field is required.', { id: 'message.required' }),
  'choice.invalid': () => msg('Choose one of the options in the list.', { id: 'message.choice.invalid' }),
  'text.too_long': (p) => msg(str`Use ${p.max} characters or fewer.`, { id: 'message.text.too_long' }),
  'text.characters': () =>
    msg('Remove the special or invisible characters from this field.', { id: 'message.text.characters' }),
  'name.characters': () =>
    msg("Use letters only, with spaces, hyphens (-), apostrophes (') or periods (.) if needed.", {
      id: 'message.name.characters',
    }),
  'sin.format': () => msg('Enter the 9 digits of your SIN, or leave it blank.', { id: 'message.sin.format' }),
  'sin.checksum': () => msg("This SIN isn't valid. Check the 9 digits.", { id: 'message.sin.checksum' }),
  'sin.not_issued': () =>
    msg("This SIN isn't valid: no SIN starts with 0 or 8. Check the number, or leave it blank.", {
      id: 'message.sin.not_issued',
    }),
  'postal.format': () => msg('Enter a Canadian postal code, for example K1A 0B1.', { id: 'message.postal.format' }),
  'postal.province': () =>
    msg("This postal code doesn't match the province you chose. Check both.", { id: 'message.postal.province' }),
  'phone.format': () => msg('Enter a 10-digit phone number, for example 416 555 0199.', { id: 'message.phone.format' }),
  'phone.invalid': () =>
    msg("This phone number isn't valid. Check the area code and the next 3 digits.", { id: 'message.phone.invalid' }),
  'phone.area_not_canadian': () =>
    msg("This area code isn't a Canadian one we know. Check it if the number is in Canada.", {
      id: 'message.phone.area_not_canadian',
    }),
  'email.format': () => msg('Enter an email address like name@example.com.', { id: 'message.email.format' }),
  'date.format': () =>
    msg('Enter the date year first, as YYYY-MM-DD or YYYYMMDD, for example 1990-05-31.', { id: 'message.date.format' }),
  'date.invalid': () => msg("This date doesn't exist. Check the month and day.", { id: 'message.date.invalid' }),
  'dob.future': () => msg("Your date of birth can't be in the future.", { id: 'message.dob.future' }),
  'dob.underage': (p) =>
    msg(str`You must be at least ${p.age} years old to apply in your province.`, { id: 'message.dob.underage' }),
  'dob.lookup_underage': (p) =>
    msg(str`Flexiti account holders are at least ${p.age} years old. Check the date of birth.`, {
      id: 'message.dob.lookup_underage',
    }),
  'dob.too_old': () => msg('Check the year of your date of birth.', { id: 'message.dob.too_old' }),
  'govid.expired': () => msg('This ID has expired. Use an ID that is still valid.', { id: 'message.govid.expired' }),
  'govid.incomplete': () =>
    msg('Complete the ID type, issued by and ID number, or leave all three blank.', { id: 'message.govid.incomplete' }),
  'govid.number_format': () =>
    msg('Enter the ID number as shown on the card: letters, digits and hyphens only.', {
      id: 'message.govid.number_format',
    }),
  'money.format': () => msg('Enter an amount in dollars, for example 1,234.56.', { id: 'message.money.format' }),
  'money.negative': () => msg("The amount can't be negative.", { id: 'message.money.negative' }),
  'money.positive': () => msg('Enter an amount greater than $0.', { id: 'message.money.positive' }),
  'money.too_large': () =>
    msg('This amount is too large. Check the number of digits.', { id: 'message.money.too_large' }),
  'income.household_below_personal': () =>
    msg('Household income includes your own income, so it must be at least your personal income.', {
      id: 'message.income.household_below_personal',
    }),
  'tos.required': () => msg('To apply, you must agree to the terms and conditions.', { id: 'message.tos.required' }),
  'vcc.format': () =>
    msg('Enter the 16 digits of the Flexiti card number, for example 6374 9801 0040 8234.', {
      id: 'message.vcc.format',
    }),
  'verification_code.format': () =>
    msg('Enter the code you received, using digits only.', { id: 'message.verification_code.format' }),
  'field.format': () =>
    msg("This isn't in the expected format. Check what you entered.", { id: 'message.field.format' }),
  'field.invalid': () => msg("This value isn't valid. Check what you entered.", { id: 'message.field.invalid' }),
  'field.type': () => msg("This value isn't the right kind. Check what you entered.", { id: 'message.field.type' }),
  'field.length': () => msg('This is too long or too short. Check what you entered.', { id: 'message.field.length' }),
};

/** Validation and general messages, by key. */
export const MESSAGE_TEXTS: Readonly<Record<string, Text>> = { ...FIELD_MESSAGE_TEXTS, ...ERROR_MESSAGE_TEXTS };

/** A validation key's text with its parameters filled in, or undefined for any other key. */
export function fieldText(message: FieldMessage | MessageKey, audience: Audience): string | undefined {
  const { key, params = {} } = typeof message === 'string' ? { key: message } : message;
  return Object.hasOwn(FIELD_MESSAGE_TEXTS, key) ? FIELD_MESSAGE_TEXTS[key]!(params, audience) : undefined;
}
