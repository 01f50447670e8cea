import { isApiError } from '../model/is-api-error.js';
import type { FlexitiApiError } from '../model/local-errors.js';
import type { FieldMessage, MessageKey } from '../model/messages.js';
import type { Audience } from './audience.js';
import { generalText } from './message-texts-errors.js';
import { OnDemand } from './on-demand.js';

/**
 * The API error texts, on demand. The error reader, the catalogue and the texts of its codes (error-kit.ts) are
 * not in the code a page downloads before its first element renders: they load when a request starts (an answer
 * may be an error) or when an element is about to show one. Until they are here an error shows its type's general
 * text ("We couldn't connect…") and the element renders again once they arrive (on-demand.ts); an error read
 * from an answer always waits for them, so it is shown with its own text. When they can't be downloaded (the page
 * went offline) the general texts stay, and the next request tries again.
 */
export type ErrorKit = typeof import('./error-kit.js');

const errorKit = new OnDemand<ErrorKit>(() => import('./error-kit.js'));

/** Loads the error texts (once; after a failed download, the next call tries again). */
export function loadErrorKit(): Promise<ErrorKit> {
  return errorKit.load();
}

/** @internal For tests: where the error texts come from (a failing download, a slow one). */
export function setErrorKitImport(load: () => Promise<ErrorKit>): void {
  errorKit.setImport(load);
}

/** `errorText` of error-kit.ts once it is here; until then the general text for the error's type. */
export function errorText(error: FlexitiApiError, audience: Audience = 'online'): string {
  const kit = errorKit.forRender();
  if (kit) return kit.errorText(error, audience);
  return generalText(`error.${error.type}`)({}, audience);
}

/** `errorMessageText` of error-kit.ts once it is here; until then a general key's text (an `api.` key's later). */
export function errorMessageText(message: FieldMessage | MessageKey, audience: Audience = 'online'): string {
  const { key, params = {} } = typeof message === 'string' ? { key: message } : message;
  const kit = key.startsWith('api.') ? errorKit.forRender() : errorKit.loaded;
  if (kit) return kit.errorMessageText(message, audience);
  return generalText(key)(params, audience);
}

/** The text of an error a host hands an element (see `readErrorInput`); '' until the error texts are here. */
export function errorInputText(input: unknown, audience: Audience = 'online'): string {
  if (input === null || input === undefined || input === '') return '';
  const kit = errorKit.forRender();
  if (!kit) {
    // Nothing while the texts are on their way (the alert is said once, in its own words); offline, a general one.
    if (!errorKit.failed) return '';
    return generalText(isApiError(input) ? `error.${input.type}` : 'error.server')({}, audience);
  }
  const error = kit.readErrorInput(input);
  return error ? kit.errorText(error, audience) : '';
}
