/**
 * The general texts an error is shown with (`error.<type>` and the other general keys) and who can help: every
 * element carries these. The catalogue's texts for each API code (api-texts.ts) load on demand, the validation
 * texts (message-texts.ts) come only with the elements that render fields. Through @lit/localize's `msg()` like
 * every other string: English here, French in xliff/fr-CA.xlf.
 */
import { msg, str } from '@lit/localize';
import type { Audience } from './audience.js';

type Params = Record<string, string | number | undefined>;
/** A message's text; `audience` picks the words for who is there (a customer online, a clerk at a till). */
export type Text = (params: Params, audience: Audience) => string;

/**
 * Who can help when the store's own setup is at fault: at a till, a store employee; online nobody is there to
 * ask, so the customer is told what they can do.
 */
export const askForHelp = (audience: Audience): string =>
  audience === 'in_store'
    ? msg('Please ask a store employee for help.', { id: 'message.help.in_store' })
    : msg('Choose another way to pay, or contact the store.', { id: 'message.help.online' });

/** A text about the store's setup, followed by who can help. */
export const withHelp =
  (text: () => string): Text =>
  (_params, audience) =>
    `${text()} ${askForHelp(audience)}`;

/** General and error messages, by key (`error.server`, `field.generic`…). */
export const ERROR_MESSAGE_TEXTS: Readonly<Record<string, Text>> = {
  'field.generic': () => msg('Check this field.', { id: 'message.field.generic' }),
  'error.other_fields': (p) => msg(str`Also check: ${p.fields}.`, { id: 'message.error.other_fields' }),
  'error.validation': () =>
    msg('Some information needs to be corrected. Check the form and try again.', { id: 'message.error.validation' }),
  'error.declined': () => msg("We're sorry, this request was declined.", { id: 'message.error.declined' }),
  'error.pending': () =>
    msg('Your request is being reviewed. We will contact you soon.', { id: 'message.error.pending' }),
  'error.exists': () => msg('You already have a Flexiti account.', { id: 'message.error.exists' }),
  'error.conflict': () =>
    msg("We're sorry, we can't complete this request right now.", { id: 'message.error.conflict' }),
  'error.auth': withHelp(() => msg('The store could not connect to Flexiti.', { id: 'message.error.auth' })),
  'error.not_found': () =>
    msg("We couldn't find what you were looking for. Check the information and try again.", {
      id: 'message.error.not_found',
    }),
  'rate_limited.wait': (p) =>
    msg(str`Too many attempts. Wait ${p.wait}, then try again. What you entered is still here.`, {
      id: 'message.rate_limited.wait',
    }),
  'error.rate_limited': () =>
    msg('Too many attempts. Wait a moment, then try again.', { id: 'message.error.rate_limited' }),
  'error.server': () =>
    msg('Something went wrong on our side. Please try again in a moment.', { id: 'message.error.server' }),
  'error.network': () =>
    msg("We couldn't connect. Check your internet connection, then try again.", { id: 'message.error.network' }),
  'error.implementation': withHelp(() =>
    msg('This store has not finished setting up Flexiti.', { id: 'message.error.implementation' }),
  ),
};

/** A general key's text (`error.server`…); any other key gives "Check this field.", never the key itself. */
export function generalText(key: string): Text {
  return Object.hasOwn(ERROR_MESSAGE_TEXTS, key) ? ERROR_MESSAGE_TEXTS[key]! : ERROR_MESSAGE_TEXTS['field.generic']!;
}
