import type { FlexitiApiError } from './local-errors.js';

// A module of its own: the shared chunk every element loads needs this check, not the local errors' table.
/** A value that already is a read error (a host may pass one on, or our server client's error carries one). */
export function isApiError(value: unknown): value is FlexitiApiError {
  const candidate = value as Partial<FlexitiApiError> | null;
  return (
    typeof candidate?.type === 'string' && typeof candidate.code === 'string' && typeof candidate.fields === 'object'
  );
}
