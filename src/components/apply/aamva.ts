/**
 * Knowing when a keyboard-wedge scanner has finished typing a driver's licence barcode (AAMVA PDF417).
 *
 * The barcode text starts with a header that says where each subfile starts and how long it is:
 * `@` LF RS CR `ANSI ` + issuer id (6 digits) + AAMVA version (2) + [jurisdiction version (2), version 2 and
 * later] + number of entries (2), then per entry: subfile type (2 letters) + offset (4 digits) + length (4 digits),
 * offsets counted from the `@`. The text is complete once it reaches the end of the last subfile.
 *
 * Scanners typing into a textarea lose or change a few control characters (RS is often dropped, CR becomes a
 * newline, CR LF one newline), so the end is reached a little early: `SLACK` characters of tolerance, and the
 * caller waits for the typing to pause before using the text.
 */
const SLACK = 3;

/** The number of characters the complete barcode text has, per its header; undefined when there is no AAMVA header. */
export function aamvaExpectedLength(text: string): number | undefined {
  const start = text.indexOf('ANSI ');
  if (start < 0) return undefined;
  const header = text.slice(start + 5);
  const version = /^\d{6}(\d{2})/.exec(header);
  if (!version) return undefined;
  const entriesAt = Number(version[1]) >= 2 ? 10 : 8;
  const count = /^\d{2}/.exec(header.slice(entriesAt));
  if (!count) return undefined;
  const entries = Number(count[0]);
  if (entries < 1) return undefined;
  let end = 0;
  for (let i = 0; i < entries; i++) {
    const at = entriesAt + 2 + i * 10;
    const entry = /^[A-Z]{2}(\d{4})(\d{4})/.exec(header.slice(at, at + 10));
    if (!entry) return undefined;
    end = Math.max(end, Number(entry[1]) + Number(entry[2]));
  }
  // Offsets count from the '@' that opens the file (4 characters before 'ANSI ' when nothing was lost).
  const origin = text.lastIndexOf('@', start);
  return end + (origin >= 0 ? origin : Math.max(0, start - 4));
}

/** Whether `text` holds a whole AAMVA barcode (within the tolerance for characters a scanner drops). */
export function aamvaComplete(text: string): boolean {
  const expected = aamvaExpectedLength(text);
  return expected !== undefined && text.length >= expected - SLACK;
}
