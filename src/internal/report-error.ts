import type { ErrorType } from '../model/index.js';
import { FlexitiErrorEvent } from '../events/notifications.js';

/** Tells the host's logs that something failed in `from` (`flexiti-error`): its type and code, never what was typed. */
export function reportError(from: Element, type: ErrorType, code: string, status?: number): void {
  from.dispatchEvent(
    new FlexitiErrorEvent({ type, code, ...(status === undefined ? {} : { status }), source: from.localName }),
  );
}
