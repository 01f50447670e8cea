import type { FlexitiApiError } from '../model/local-errors.js';
import type { FieldMessage, MessageKey } from '../model/messages.js';
import type { Audience } from './audience.js';
import { generalText } from './message-texts-errors.js';

/**
 * The API error texts, on demand. The error reader, the catalogue and the texts of its codes (error-kit.ts) are
 * not in the code a page downloads before its first element renders: they load when a request starts (an answer
 * may be an error) or when an element is about to show one. Until they are here an error shows its type's general
 * text ("We couldn't connect…") and the element renders again once they arrive (`FlexitiElement`); an error read
 * from an answer always waits for them, so it is shown with its own text.
 */
export type ErrorKit = typeof import('./error-kit.js');

let kit: ErrorKit | undefined;
let loading: Promise<ErrorKit> | undefined;
let fallbacks = 0;

/** Loads the error texts (once; a failed download is tried again on the next call). */
export function loadErrorKit(): Promise<ErrorKit> {
  loading ??= import('./error-kit.js').then(
    (module) => (kit = module),
    (failure: unknown) => {
      loading = undefined;
      throw failure;
    },
  );
  return loading;
}

/** How many texts were shown without the error texts so far: a render that raised it must render again. */
export function errorTextFallbacks(): number {
  return fallbacks;
}

function fallBack(): void {
  fallbacks++;
  loadErrorKit().catch(() => undefined);
}

/** `errorText` of error-kit.ts once it is here; until then the general text for the error's type. */
export function errorText(error: FlexitiApiError, audience: Audience = 'online'): string {
  if (kit) return kit.errorText(error, audience);
  fallBack();
  return generalText(`error.${error.type}`)({}, audience);
}

/** `errorMessageText` of error-kit.ts once it is here; until then a general key's text (an `api.` key's later). */
export function errorMessageText(message: FieldMessage | MessageKey, audience: Audience = 'online'): string {
  if (kit) return kit.errorMessageText(message, audience);
  const { key, params = {} } = typeof message === 'string' ? { key: message } : message;
  if (key.startsWith('api.')) fallBack();
  return generalText(key)(params, audience);
}

/** The text of an error a host hands an element (see `readErrorInput`); '' until the error texts are here. */
export function errorInputText(input: unknown, audience: Audience = 'online'): string {
  if (input === null || input === undefined || input === '') return '';
  if (!kit) {
    fallBack();
    return '';
  }
  const error = kit.readErrorInput(input);
  return error ? kit.errorText(error, audience) : '';
}
