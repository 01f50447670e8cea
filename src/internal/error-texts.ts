import { isApiError, type FlexitiApiError } from '../model/local-errors.js';
import type { FieldMessage, MessageKey } from '../model/messages.js';
import type { Audience } from './audience.js';
import { generalText } from './message-texts-errors.js';

/**
 * The API error texts, on demand. The error reader, the catalogue and the texts of its codes (error-kit.ts) are
 * not in the code a page downloads before its first element renders: they load when a request starts (an answer
 * may be an error) or when an element is about to show one. Until they are here an error shows its type's general
 * text ("We couldn't connect…") and the element renders again once they arrive (`FlexitiElement`); an error read
 * from an answer always waits for them, so it is shown with its own text. When they can't be downloaded (the page
 * went offline) the general texts stay, and the next request tries again.
 */
export type ErrorKit = typeof import('./error-kit.js');

let kit: ErrorKit | undefined;
let loading: Promise<ErrorKit> | undefined;
let failed = false;
let fallbacks = 0;
let importKit = (): Promise<ErrorKit> => import('./error-kit.js');

/** Loads the error texts (once; after a failed download, the next call tries again). */
export function loadErrorKit(): Promise<ErrorKit> {
  loading ??= importKit().then(
    (module) => {
      failed = false;
      return (kit = module);
    },
    (failure: unknown) => {
      loading = undefined;
      failed = true;
      throw failure;
    },
  );
  return loading;
}

/** The download of the error texts in flight, if any: a render that fell back renders again when it ends. */
export function errorKitArrival(): Promise<ErrorKit> | undefined {
  return loading;
}

/** How many texts were shown without the error texts so far: a render that raised it must render again. */
export function errorTextFallbacks(): number {
  return fallbacks;
}

/** @internal For tests: where the error texts come from (a failing download, a slow one). */
export function setErrorKitImport(load: () => Promise<ErrorKit>): void {
  importKit = load;
  kit = undefined;
  loading = undefined;
  failed = false;
}

// A render without the texts asks for them, unless their download just failed: rendering again then must not
// start another (a request does).
function fallBack(): void {
  fallbacks++;
  if (!kit && !failed) loadErrorKit().catch(() => undefined);
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
    // Nothing while the texts are on their way (the alert is said once, in its own words); offline, a general one.
    if (!failed) return '';
    return generalText(isApiError(input) ? `error.${input.type}` : 'error.server')({}, audience);
  }
  const error = kit.readErrorInput(input);
  return error ? kit.errorText(error, audience) : '';
}
