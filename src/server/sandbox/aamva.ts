/**
 * Decoder for the text a PDF417 scanner reads off the back of a North American driver's licence (AAMVA DL/ID
 * card design standard): a header (`@`, LF, RS, CR, `ANSI ` + issuer identification number + versions + subfile
 * count), a table of subfile designators (`DL` + offset + length) and the `DL` subfile, one data element per
 * line (`DCS` family name, `DAC` given name, `DBB` birth date, …). Only Canadian jurisdictions are supported, as
 * in Flexiti's `POST /customers/driverslicense`.
 */
import { validatePostalCode } from '../../model/index.js';

/** AAMVA issuer identification numbers of the Canadian jurisdictions, to their province codes. */
export const CANADIAN_IINS: Readonly<Record<string, string>> = {
  '604432': 'AB',
  '636028': 'BC',
  '636048': 'MB',
  '636017': 'NB',
  '636016': 'NL',
  '636013': 'NS',
  '604434': 'NT',
  '604433': 'NU',
  '636012': 'ON',
  '604426': 'PE',
  '604428': 'QC',
  '636044': 'SK',
  '604429': 'YT',
};

/** A person's name, birth date and address, as a licence and an account on file both hold them. */
export interface PersonOnFile {
  first_name: string;
  last_name: string;
  dob: string;
  address_1: string;
  address_2?: string;
  city: string;
  province: string;
  postal_code: string;
}

/** What the licence says, in the shape of Flexiti's decode response. */
export interface DecodedLicense extends PersonOnFile {
  middle_name?: string;
  govid_type: 'CADL';
  govid_issuedby: string;
  govid_number: string;
  govid_expiry: string;
}

export type DecodeResult = { ok: true; license: DecodedLicense } | { ok: false; reason: 'empty' | 'unsupported' };

const HEADER = /(?:ANSI |AAMVA)(\d{6})(\d{2})/;

/** Reads the elements of the `DL` subfile into a map keyed by element id (`DCS`, `DAC`, …). */
function readElements(text: string, headerEnd: number): Map<string, string> | undefined {
  // The designator table gives the offset, but scanners often drop or rewrite the control characters before
  // it, so the subfile is found by its content: `DL` directly followed by an element id.
  const subfileStart = text.slice(headerEnd).search(/DL(?=D[A-Z]{2})/);
  if (subfileStart < 0) return undefined;
  const subfile = text.slice(headerEnd + subfileStart + 2);
  const elements = new Map<string, string>();
  for (const line of subfile.split(/\r\n|\n|\r/)) {
    const id = line.slice(0, 3);
    if (!/^D[A-Z]{2}$/.test(id)) continue;
    if (!elements.has(id)) elements.set(id, line.slice(3).trim());
  }
  return elements;
}

/** `CCYYMMDD` (Canada) or `MMDDCCYY` (United States) → `YYYY-MM-DD`, or '' when it is not a real date. */
function readDate(raw: string | undefined): string {
  if (!raw || !/^\d{8}$/.test(raw)) return '';
  const canadian = { y: raw.slice(0, 4), m: raw.slice(4, 6), d: raw.slice(6, 8) };
  const american = { y: raw.slice(4, 8), m: raw.slice(0, 2), d: raw.slice(2, 4) };
  for (const { y, m, d } of [canadian, american]) {
    const year = Number(y);
    const month = Number(m);
    const day = Number(d);
    if (year < 1900 || month < 1 || month > 12 || day < 1) continue;
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day <= daysInMonth) return `${y}-${m}-${d}`;
  }
  return '';
}

/** `JEAN-FRANÇOIS` → `Jean-François`, `O'BRIEN` → `O'Brien`: licences print names in capitals. */
export function titleCase(name: string): string {
  return name
    .toLocaleLowerCase('en-CA')
    .replace(
      /(^|[\s'’-])(\p{L})/gu,
      (_match, separator: string, letter: string) => separator + letter.toLocaleUpperCase('en-CA'),
    );
}

/** `M5J2H7` → `M5J 2H7`; anything that is not a postal code is passed on as printed. */
function normalizePostal(raw: string): string {
  const postal = validatePostalCode(raw);
  return postal.ok ? postal.value : raw.trim().toUpperCase();
}

/** Splits the older `DAA` full name (`LAST,FIRST,MIDDLE`) or `DCT` given names (`FIRST MIDDLE`). */
function readNames(elements: Map<string, string>): { first: string; middle: string; last: string } {
  let last = elements.get('DCS') ?? '';
  let first = elements.get('DAC') ?? '';
  let middle = elements.get('DAD') ?? '';
  if (!first && elements.has('DCT')) {
    const [given = '', ...rest] = (elements.get('DCT') ?? '').split(/[,\s]+/).filter(Boolean);
    first = given;
    middle ||= rest.join(' ');
  }
  if ((!first || !last) && elements.has('DAA')) {
    const [family = '', given = '', ...rest] = (elements.get('DAA') ?? '').split(',').map((part) => part.trim());
    last ||= family;
    first ||= given;
    middle ||= rest.join(' ');
  }
  // `NONE` is how AAMVA says "no middle name".
  if (/^NONE$/i.test(middle)) middle = '';
  return { first, middle, last };
}

export function decodeAamva(code: string): DecodeResult {
  if (code.trim() === '') return { ok: false, reason: 'empty' };
  const header = HEADER.exec(code);
  if (!header) return { ok: false, reason: 'unsupported' };
  const province = CANADIAN_IINS[header[1]!];
  if (!province) return { ok: false, reason: 'unsupported' };
  const elements = readElements(code, header.index + header[0].length);
  if (!elements) return { ok: false, reason: 'unsupported' };
  const { first, middle, last } = readNames(elements);
  const dob = readDate(elements.get('DBB'));
  const number = (elements.get('DAQ') ?? '').replace(/[\s-]/g, '');
  if (!first || !last || !dob || !number) return { ok: false, reason: 'unsupported' };
  const license: DecodedLicense = {
    first_name: titleCase(first),
    last_name: titleCase(last),
    dob,
    address_1: elements.get('DAG') ?? '',
    city: elements.get('DAI') ?? '',
    province: elements.get('DAJ') || province,
    postal_code: normalizePostal(elements.get('DAK') ?? ''),
    govid_type: 'CADL',
    govid_issuedby: province,
    govid_number: number,
    govid_expiry: readDate(elements.get('DBA')),
  };
  if (middle) license.middle_name = titleCase(middle);
  const address2 = elements.get('DAH');
  if (address2) license.address_2 = address2;
  return { ok: true, license };
}

/** Fields for {@link buildAamva}; element ids as in the standard. */
export type AamvaElements = Partial<
  Record<
    | 'DCS'
    | 'DAC'
    | 'DAD'
    | 'DBB'
    | 'DBA'
    | 'DBD'
    | 'DAG'
    | 'DAH'
    | 'DAI'
    | 'DAJ'
    | 'DAK'
    | 'DAQ'
    | 'DCG'
    | 'DAA'
    | 'DCT',
    string
  >
>;

/**
 * Builds the scanner text of a licence the way a card printer encodes it (header, designator with the real
 * offset and length, `DL` subfile): for sandbox documentation and tests.
 */
export function buildAamva(iin: string, elements: AamvaElements, version = '08'): string {
  const body = `DL${Object.entries(elements)
    .map(([id, value]) => `${id}${value}`)
    .join('\n')}\r`;
  const header = `@\n\u001e\rANSI ${iin}${version}0001`;
  const offset = header.length + 10;
  return `${header}DL${String(offset).padStart(4, '0')}${String(body.length).padStart(4, '0')}${body}`;
}
