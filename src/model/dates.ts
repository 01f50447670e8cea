/**
 * Calendar dates as `YYYY-MM-DD` strings compared as [year, month, day] numbers.
 * `new Date('1990-05-01')` parses as UTC (the previous day west of Greenwich) and `new Date('2023-02-30')`
 * rolls over to 2 March, so no `Date` parsing happens here.
 */

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/**
 * Reads `YYYY-MM-DD`: `'format'` when it isn't that shape, `'invalid'` when no such day exists (2023-02-30,
 * 1990-13-01), otherwise `[year, month, day]`.
 */
export function parseIsoDate(text: string): [number, number, number] | 'format' | 'invalid' {
  const match = ISO_DATE.exec(text);
  if (!match) return 'format';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'invalid';
  return [year, month, day];
}

/**
 * A date as people type it, year first, rewritten as `YYYY-MM-DD`: `19880412`, `1988/04/12`, `1988-4-12`,
 * `1988.4.12`, `1988 04 12` (digits only from a phone's numeric keypad, which has no hyphen). Anything else is
 * returned trimmed, for the validator to refuse. Whether the date exists is not checked here.
 */
export function normalizeDateInput(text: string): string {
  const trimmed = text.trim();
  const digits = /^(\d{4})(\d{2})(\d{2})$/.exec(trimmed);
  const parts = digits ?? /^(\d{4})\s*[-/.\s]\s*(\d{1,2})\s*[-/.\s]\s*(\d{1,2})$/.exec(trimmed);
  if (!parts) return trimmed;
  return `${parts[1]}-${parts[2]!.padStart(2, '0')}-${parts[3]!.padStart(2, '0')}`;
}

/** Negative when a is before b, 0 when the same day, positive after. Both must be valid dates. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  // Zero-padded YYYY-MM-DD strings sort like the dates they name.
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Age in whole years on `today` for someone born on `birth` (both valid dates). Someone born on 29 February
 * gets one year older on 1 March in common years (the legal reading varies; this is the conservative one).
 */
export function ageOn(birth: IsoDate, today: IsoDate): number {
  const [by, bm, bd] = parseIsoDate(birth) as [number, number, number];
  const [ty, tm, td] = parseIsoDate(today) as [number, number, number];
  const hadBirthday = tm > bm || (tm === bm && td >= bd);
  return ty - by - (hadBirthday ? 0 : 1);
}

/** Today's date on the device's local calendar (not UTC), `YYYY-MM-DD`. */
export function todayLocal(now: Date = new Date()): IsoDate {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
