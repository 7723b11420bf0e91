/** Small helpers shared by the decoders: failures, strings, times, integers, bit strings. */
import { CoreFailure, type InputLocation, type OidName } from '../model';
import { toHex } from '../input/bytes';
import { type Asn1, DerError, TAG as UT, TagClass } from '../input/der';
import { oidName } from './oids';
import type { Warnings } from './warnings';

/** One universal-tag table for the whole engine (input/der). */
export { UT };

/** Lower-case hex of bytes (input/bytes.ts, one implementation for the engine). */
export { toHex };

/** Decoded OIDs by a hash of their content octets (each entry keeps its own copy of the octets to compare). */
const OID_CACHE = new Map<number, { readonly octets: Uint8Array; readonly text: string }[]>();
const OID_CACHE_MAX = 4096;
let oidCacheSize = 0;

function sameOctets(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * OBJECT IDENTIFIER content → dotted text; number arithmetic with a BigInt fallback for huge arcs,
 * cached. The cache is keyed by an FNV-1a hash of the octets, so a hit (nearly every OID of a
 * certificate) allocates nothing.
 */
export function oidText(c: Uint8Array, node: Asn1): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < c.length; i++) h = Math.imul(h ^ (c[i] ?? 0), 0x01000193);
  const bucket = OID_CACHE.get(h);
  if (bucket) for (const e of bucket) if (sameOctets(e.octets, c)) return e.text;
  if (c.length === 0) fail('empty OBJECT IDENTIFIER', node);
  const arcs: string[] = [];
  let v = 0;
  let big: bigint | null = null;
  for (let i = 0; i < c.length; i++) {
    const b = c[i] ?? 0;
    if (big === null && v >= 2 ** 45) big = BigInt(v);
    if (big !== null) big = (big << 7n) | BigInt(b & 0x7f);
    else v = v * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      const val: bigint | number = big ?? v;
      if (arcs.length === 0) {
        const n = typeof val === 'bigint' ? val : BigInt(val);
        if (n < 40n) arcs.push('0', n.toString());
        else if (n < 80n) arcs.push('1', (n - 40n).toString());
        else arcs.push('2', (n - 80n).toString());
      } else arcs.push(val.toString());
      v = 0;
      big = null;
    } else if (i === c.length - 1) fail('truncated OBJECT IDENTIFIER', node);
  }
  const out = arcs.join('.');
  if (oidCacheSize < OID_CACHE_MAX) {
    const entry = { octets: c.slice(), text: out };
    if (bucket) bucket.push(entry);
    else OID_CACHE.set(h, [entry]);
    oidCacheSize++;
  }
  return out;
}

/** The dotted OID of an OBJECT IDENTIFIER element. */
export function oidOf(node: Asn1): string {
  if (node.tagClass !== TagClass.Universal || node.tag !== UT.OID || node.constructed) fail('expected an OBJECT IDENTIFIER', node);
  return oidText(node.content, node);
}

/** Thrown by the decoders for a structural problem; converted to CoreFailure at the entry points. */
export class DecodeError extends Error {
  constructor(
    message: string,
    readonly offset: number | null = null,
  ) {
    super(message);
    this.name = 'DecodeError';
  }
}

export function fail(message: string, node?: Asn1): never {
  throw new DecodeError(node ? `${message} at byte ${node.offset}` : message, node ? node.offset : null);
}

/** Runs a whole-object decoder, mapping any non-CoreFailure exception to MALFORMED with a prefix. */
export async function guard<T>(what: string, location: InputLocation | undefined, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof CoreFailure) throw e.location || !location ? e : new CoreFailure(e.code, e.message, location);
    const msg = e instanceof DerError || e instanceof DecodeError ? e.message : e instanceof Error ? `unexpected structure (${e.message})` : String(e);
    throw new CoreFailure('MALFORMED', `${what}: ${msg}`, location);
  }
}

export const named = (oid: string): OidName => ({ oid, name: oidName(oid) });



export const STRING_TYPE_NAMES: Readonly<Record<number, string>> = {
  [UT.UTF8String]: 'UTF8String',
  [UT.PrintableString]: 'PrintableString',
  [UT.IA5String]: 'IA5String',
  [UT.BMPString]: 'BMPString',
  [UT.TeletexString]: 'TeletexString',
  [UT.UniversalString]: 'UniversalString',
  [UT.NumericString]: 'NumericString',
  [UT.VisibleString]: 'VisibleString',
};

const utf8 = new TextDecoder('utf-8');

function latin1(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return s;
}

/** Text of an ASN.1 character string by its universal tag, or null when `tag` is not a string type. */
export function stringByTag(tag: number, c: Uint8Array): string | null {
  switch (tag) {
    case UT.UTF8String:
      return utf8.decode(c);
    case UT.PrintableString:
    case UT.IA5String:
    case UT.NumericString:
    case UT.VisibleString:
    case UT.TeletexString:
    case UT.VideotexString:
    case UT.GraphicString:
    case UT.GeneralString:
      return latin1(c);
    case UT.BMPString: {
      let s = '';
      for (let i = 0; i + 1 < c.length; i += 2) s += String.fromCharCode(((c[i] ?? 0) << 8) | (c[i + 1] ?? 0));
      return s;
    }
    case UT.UniversalString: {
      let s = '';
      for (let i = 0; i + 3 < c.length; i += 4) {
        const cp = (((c[i] ?? 0) << 24) | ((c[i + 1] ?? 0) << 16) | ((c[i + 2] ?? 0) << 8) | (c[i + 3] ?? 0)) >>> 0;
        s += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
      }
      return s;
    }
    default:
      return null;
  }
}

/** A universal string element's text; throws when the element is not a string. */
export function asString(node: Asn1): string {
  const s = node.tagClass === TagClass.Universal && !node.constructed ? stringByTag(node.tag, node.content) : null;
  if (s === null) fail('expected a character string', node);
  return s;
}

export function latin1Text(b: Uint8Array): string {
  return latin1(b);
}

/** Any explicitly tagged / universal element check. */
export function expectUniversal(node: Asn1, tag: number, what: string): Asn1 {
  if (node.tagClass !== TagClass.Universal || node.tag !== tag) fail(`expected ${what}`, node);
  return node;
}

export function expectSequence(node: Asn1, what: string): Asn1[] {
  if (!node.isSequence) fail(`${what} is not a SEQUENCE`, node);
  return node.children();
}

export function bool(node: Asn1): boolean {
  expectUniversal(node, UT.BOOLEAN, 'a BOOLEAN');
  if (node.length !== 1) fail('BOOLEAN of wrong length', node);
  return node.content[0] !== 0;
}

/** INTEGER → { hex (two's-complement bytes, leading zero bytes stripped), decimal, negative }. */
export function integerParts(node: Asn1): { hex: string; decimal: string; negative: boolean } {
  if (node.tagClass !== TagClass.Universal || (node.tag !== UT.INTEGER && node.tag !== UT.ENUMERATED) || node.constructed) fail('expected an INTEGER', node);
  const c = node.content;
  if (c.length === 0) fail('empty INTEGER', node);
  const negative = ((c[0] ?? 0) & 0x80) !== 0;
  let s = c;
  if (!negative) while (s.length > 1 && s[0] === 0) s = s.subarray(1);
  const hex = toHex(s);
  let v = BigInt(`0x${toHex(c)}`);
  if (negative) v -= 1n << BigInt(c.length * 8);
  return { hex, decimal: v.toString(), negative };
}

/** Warns about an INTEGER with redundant leading octets (0x00 before a clear high bit, 0xff before a set one): DER needs the shortest form. */
export function checkMinimalInteger(node: Asn1, field: string, w: Warnings | undefined): void {
  const c = node.content;
  if (!w || c.length < 2) return;
  const a = c[0] ?? 0;
  const b = c[1] ?? 0;
  if ((a === 0 && (b & 0x80) === 0) || (a === 0xff && (b & 0x80) !== 0)) {
    w.add('NON_MINIMAL_INTEGER', field, node, `the INTEGER has a redundant leading 0x${a.toString(16).padStart(2, '0')} octet (DER needs the shortest two's-complement form); the value is read as encoded`);
  }
}

/** Small non-negative INTEGER or ENUMERATED as a number. */
export function smallInt(node: Asn1): number {
  if (node.tagClass !== TagClass.Universal || (node.tag !== UT.INTEGER && node.tag !== UT.ENUMERATED)) fail('expected an INTEGER', node);
  const c = node.content;
  if (c.length === 0) fail('empty INTEGER', node);
  if ((c[0] ?? 0) & 0x80) fail('negative INTEGER where a count was expected', node);
  let v = 0;
  for (const b of c) {
    v = v * 256 + b;
    if (v > Number.MAX_SAFE_INTEGER) fail('INTEGER too large', node);
  }
  return v;
}

/** Content of an implicitly tagged primitive INTEGER ([n] IMPLICIT INTEGER) as a number. */
export function implicitInt(node: Asn1): number {
  const c = node.content;
  if (c.length === 0 || ((c[0] ?? 0) & 0x80) !== 0) fail('bad tagged INTEGER', node);
  let v = 0;
  for (const b of c) {
    v = v * 256 + b;
    if (v > Number.MAX_SAFE_INTEGER) fail('INTEGER too large', node);
  }
  return v;
}

/** Names of the set bits of a BIT STRING (content including the unused-bits octet). */
export function bitNames(content: Uint8Array, names: readonly string[]): string[] {
  const out: string[] = [];
  const bytes = content.subarray(1);
  for (let i = 0; i < bytes.length * 8; i++) {
    if (((bytes[i >> 3] ?? 0) >> (7 - (i & 7))) & 1) out.push(names[i] ?? `bit${i}`);
  }
  return out;
}

function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  if (a < 0 || a > 9 || b < 0 || b > 9) return NaN;
  return a * 10 + b;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** ISO-8601 UTC text from parts; seconds fraction kept to milliseconds when present. */
function iso(year: number, month: number, day: number, hour: number, minute: number, second: number, fraction: string | null, offsetMinutes: number): string | null {
  if (Number.isNaN(year) || Number.isNaN(month) || Number.isNaN(day) || Number.isNaN(hour) || Number.isNaN(minute) || Number.isNaN(second)) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  if (!fraction && offsetMinutes === 0 && second < 60 && year >= 0 && year <= 9999) {
    // The common case (every certificate has two of these), without Date objects: the text
    // toISOString gives, and null for a day the month does not have (as the Date round trip says).
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    if (day > (month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31)) return null;
    return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}Z`;
  }
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  if (d.getUTCDate() !== day) return null;
  d.setUTCHours(hour, minute, second, fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0);
  const t = d.getTime() - offsetMinutes * 60_000;
  const out = new Date(t).toISOString();
  return fraction ? out : out.replace('.000Z', 'Z');
}

function parseOffset(s: string): number | null {
  if (s === 'Z') return 0;
  const m = /^([+-])(\d\d)(\d\d)$/.exec(s);
  if (!m) return null;
  const v = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -v : v;
}

/** UTCTime (YYMMDDHHMM[SS](Z|±hhmm)); years 50–99 are 19xx, 00–49 are 20xx (RFC 5280 §4.1.2.5.1). */
export function parseUtcTime(s: string): string | null {
  const m = /^(\d{10})(\d\d)?(Z|[+-]\d{4})$/.exec(s);
  if (!m || !m[1] || !m[3]) return null;
  const d = m[1];
  const yy = two(d, 0);
  const off = parseOffset(m[3]);
  if (off === null) return null;
  return iso(yy >= 50 ? 1900 + yy : 2000 + yy, two(d, 2), two(d, 4), two(d, 6), two(d, 8), m[2] ? Number(m[2]) : 0, null, off);
}

/** GeneralizedTime (YYYYMMDDHH[MM[SS[.fff]]][Z|±hhmm]); a missing zone is read as UTC. */
export function parseGeneralizedTime(s: string): string | null {
  const m = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)?(\d\d)?(?:[.,](\d+))?(Z|[+-]\d{4})?$/.exec(s);
  if (!m) return null;
  const off = parseOffset(m[8] ?? 'Z');
  if (off === null) return null;
  return iso(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), m[5] ? Number(m[5]) : 0, m[6] ? Number(m[6]) : 0, m[7] ?? null, off);
}

/** What an unreadable validity time is shown as: a start that never comes, an end long past. */
export const NEVER_VALID_FROM = '9999-12-31T23:59:59Z';
export const NEVER_VALID_AFTER = '0000-01-01T00:00:00Z';

/** The DER forms RFC 5280 §4.1.2.5 requires: YYMMDDHHMMSSZ and YYYYMMDDHHMMSSZ. */
const STRICT_UTC = /^\d{12}Z$/;
const STRICT_GENERALIZED = /^\d{14}Z$/;

/**
 * Time ::= UTCTime | GeneralizedTime → ISO string. With a warning sink, a time in the other
 * type's layout (a UTCTime holding a four-digit year, as some writers produced) is read that way
 * and warned about, and forms DER forbids (no seconds, offsets, fractions) are warned about.
 */
export function parseTime(node: Asn1, what: string, w?: Warnings, field = what, unreadable?: 'start' | 'end'): string {
  const text = latin1(node.content);
  let out: string | null = null;
  const isUtc = node.tagClass === TagClass.Universal && node.tag === UT.UTCTime;
  const isGen = node.tagClass === TagClass.Universal && node.tag === UT.GeneralizedTime;
  if (isUtc) out = parseUtcTime(text);
  else if (isGen) out = parseGeneralizedTime(text);
  else fail(`${what} is not a UTCTime or GeneralizedTime`, node);
  if (out === null && w) {
    const other = isUtc ? parseGeneralizedTime(text) : parseUtcTime(text);
    if (other !== null) {
      w.add('TIME_FORMAT', field, node, `${what} is a ${isUtc ? 'UTCTime' : 'GeneralizedTime'} written in the ${isUtc ? 'GeneralizedTime' : 'UTCTime'} layout (${JSON.stringify(text)}); read as ${other}`);
      return other;
    }
  }
  if (out === null && w && unreadable) {
    // openssl prints "Bad time value" and goes on: the item is shown, treated as never valid.
    const shown = unreadable === 'start' ? NEVER_VALID_FROM : NEVER_VALID_AFTER;
    w.add('TIME_FORMAT', field, node, `${what} ${JSON.stringify(text)} is not a time (openssl prints "Bad time value"); it is shown as ${shown} so that the certificate is never treated as valid`, {
      rejectedBy: ['OpenSSL verify (format error in certificate\'s notBefore/notAfter field)', 'Go', 'Java', 'pyca/cryptography'],
    });
    return shown;
  }
  if (out === null) fail(`${what} is not a valid time (${JSON.stringify(text)})`, node);
  if (w && !(isUtc ? STRICT_UTC : STRICT_GENERALIZED).test(text)) {
    w.add('TIME_FORMAT', field, node, `${what} ${JSON.stringify(text)} is not in the form RFC 5280 requires (${isUtc ? 'YYMMDDHHMMSSZ' : 'YYYYMMDDHHMMSSZ'}); read as ${out}`, {
      rejectedBy: ['pyca/cryptography (InvalidValue)'],
    });
  }
  return out;
}
