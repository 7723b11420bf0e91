/**
 * A byte-exact ASN.1 BER/DER structure parser for the ASN.1 viewer (like lapo's asn1js): every
 * node keeps its offset, header length and content length in the input, so the UI can highlight
 * the exact bytes. It never throws: malformed input becomes an error node at the failing offset,
 * and work limits (depth, node count) mark the node where parsing stopped as truncated.
 *
 * The result is plain structured-cloneable data: it is built in the Worker and rendered on the
 * main thread.
 */
import { oidName } from '../decode/oids';

export type Asn1TagClass = 'universal' | 'application' | 'context' | 'private';

export interface Asn1Node {
  readonly tagClass: Asn1TagClass;
  /** Tag number; -1 on an error node. */
  readonly tagNumber: number;
  readonly constructed: boolean;
  /** "SEQUENCE", "OBJECT IDENTIFIER", "[0]", "[APPLICATION 3]", "Error" … */
  readonly tagName: string;
  /** Byte offset of the identifier octet in the parsed buffer. */
  readonly offset: number;
  /** Identifier + length octets. */
  readonly headerLength: number;
  /** Content octets (for indefinite lengths: including the end-of-contents octets). The element spans offset .. offset + headerLength + length. */
  readonly length: number;
  /** Set when the length was encoded as indefinite (BER, not DER). */
  readonly indefinite?: true;
  readonly children?: readonly Asn1Node[];
  /** Readable decoded value of a primitive element. */
  readonly value?: string;
  /** An OCTET STRING or BIT STRING whose content is itself DER: its children are that content. */
  readonly encapsulates?: true;
  /** Set on error nodes: what was wrong at `offset`. The node spans the rest of its container. */
  readonly error?: string;
  /** Set where a work limit stopped parsing (the children, or the remaining siblings, are missing). */
  readonly truncated?: string;
  /** Root only: something outside the element, e.g. bytes after its end. */
  readonly warning?: string;
}

export interface Asn1ParseOptions {
  /** Maximum nesting depth (default 64). */
  readonly maxDepth?: number;
  /** Maximum number of nodes (default 100,000). */
  readonly maxNodes?: number;
}

export const ASN1_DEFAULT_MAX_DEPTH = 64;
export const ASN1_DEFAULT_MAX_NODES = 100_000;

/** Readable values are cut to this many content bytes (hex) or characters (text). */
const MAX_VALUE_BYTES = 64;
const MAX_VALUE_CHARS = 2000;

const UNIVERSAL_NAMES: Readonly<Record<number, string>> = {
  0: 'END OF CONTENTS',
  1: 'BOOLEAN',
  2: 'INTEGER',
  3: 'BIT STRING',
  4: 'OCTET STRING',
  5: 'NULL',
  6: 'OBJECT IDENTIFIER',
  7: 'ObjectDescriptor',
  8: 'EXTERNAL',
  9: 'REAL',
  10: 'ENUMERATED',
  11: 'EMBEDDED PDV',
  12: 'UTF8String',
  13: 'RELATIVE-OID',
  14: 'TIME',
  16: 'SEQUENCE',
  17: 'SET',
  18: 'NumericString',
  19: 'PrintableString',
  20: 'TeletexString',
  21: 'VideotexString',
  22: 'IA5String',
  23: 'UTCTime',
  24: 'GeneralizedTime',
  25: 'GraphicString',
  26: 'VisibleString',
  27: 'GeneralString',
  28: 'UniversalString',
  29: 'CHARACTER STRING',
  30: 'BMPString',
  31: 'DATE',
  32: 'TIME-OF-DAY',
  33: 'DATE-TIME',
  34: 'DURATION',
};

/** PKCS names the decoder's registry does not carry (it is about certificate contents). */
const EXTRA_OID_NAMES: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.7.1': 'data',
  '1.2.840.113549.1.7.2': 'signedData',
  '1.2.840.113549.1.7.3': 'envelopedData',
  '1.2.840.113549.1.7.5': 'digestedData',
  '1.2.840.113549.1.7.6': 'encryptedData',
  '1.2.840.113549.1.9.4': 'messageDigest',
  '1.2.840.113549.1.9.5': 'signingTime',
  '1.2.840.113549.1.9.20': 'friendlyName',
  '1.2.840.113549.1.9.21': 'localKeyID',
  '1.2.840.113549.1.9.22.1': 'x509Certificate',
  '1.2.840.113549.1.12.10.1.1': 'keyBag',
  '1.2.840.113549.1.12.10.1.2': 'pkcs8ShroudedKeyBag',
  '1.2.840.113549.1.12.10.1.3': 'certBag',
  '1.2.840.113549.1.12.10.1.4': 'crlBag',
  '1.2.840.113549.1.12.10.1.5': 'secretBag',
  '1.2.840.113549.1.12.10.1.6': 'safeContentsBag',
  '1.2.840.113549.1.12.1.3': 'pbeWithSHAAnd3-KeyTripleDES-CBC',
  '1.2.840.113549.1.12.1.6': 'pbeWithSHAAnd40BitRC2-CBC',
  '1.2.840.113549.1.5.12': 'PBKDF2',
  '1.2.840.113549.1.5.13': 'PBES2',
  '1.2.840.113549.2.9': 'hmacWithSHA256',
  '2.16.840.1.101.3.4.1.42': 'aes256-CBC',
  '2.16.840.1.101.3.4.1.2': 'aes128-CBC',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.3.14.3.2.26': 'sha1',
};

/** Registered name of an OID for the viewer, or null. */
export function asn1OidName(oid: string): string | null {
  return oidName(oid) ?? EXTRA_OID_NAMES[oid] ?? null;
}

interface MutableNode {
  tagClass: Asn1TagClass;
  tagNumber: number;
  constructed: boolean;
  tagName: string;
  offset: number;
  headerLength: number;
  length: number;
  indefinite?: true;
  children?: MutableNode[];
  value?: string;
  encapsulates?: true;
  error?: string;
  truncated?: string;
  warning?: string;
}

interface Context {
  readonly buf: Uint8Array;
  readonly maxDepth: number;
  readonly maxNodes: number;
  nodes: number;
  /** Headers read, including failed encapsulation attempts: bounds the total work. */
  work: number;
  truncated: string | null;
}

interface Header {
  readonly tagClass: Asn1TagClass;
  readonly tagNumber: number;
  readonly constructed: boolean;
  readonly headerLength: number;
  /** null for an indefinite length. */
  readonly length: number | null;
}

const CLASSES: readonly Asn1TagClass[] = ['universal', 'application', 'context', 'private'];

function readHeader(buf: Uint8Array, pos: number, end: number): Header | string {
  const b0 = buf[pos];
  if (b0 === undefined || pos >= end) return 'unexpected end of data: expected an identifier octet';
  const tagClass = CLASSES[b0 >> 6] ?? 'universal';
  const constructed = (b0 & 0x20) !== 0;
  let tagNumber = b0 & 0x1f;
  let p = pos + 1;
  if (tagNumber === 0x1f) {
    tagNumber = 0;
    for (;;) {
      const b = p < end ? buf[p] : undefined;
      if (b === undefined) return 'unexpected end of data inside a multi-octet tag number';
      p++;
      if (tagNumber > 0x1fffff) return 'tag number too large';
      tagNumber = tagNumber * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) break;
    }
  }
  const l0 = p < end ? buf[p] : undefined;
  if (l0 === undefined) return 'unexpected end of data: expected a length octet';
  p++;
  let length: number | null;
  if (l0 < 0x80) length = l0;
  else if (l0 === 0x80) {
    if (!constructed) return 'indefinite length on a primitive element';
    length = null;
  } else if (l0 === 0xff) return 'reserved length octet 0xFF';
  else {
    const n = l0 & 0x7f;
    if (n > 6) return `length encoded in ${n} octets is too large`;
    if (p + n > end) return 'unexpected end of data inside the length octets';
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + (buf[p + i] ?? 0);
    p += n;
  }
  const headerLength = p - pos;
  if (length !== null && p + length > end) {
    return `length ${length} runs past the end of its container (${end - p} bytes available)`;
  }
  return { tagClass, constructed, tagNumber, headerLength, length };
}

function tagNameOf(tagClass: Asn1TagClass, tagNumber: number): string {
  switch (tagClass) {
    case 'universal':
      return UNIVERSAL_NAMES[tagNumber] ?? `[UNIVERSAL ${tagNumber}]`;
    case 'context':
      return `[${tagNumber}]`;
    case 'application':
      return `[APPLICATION ${tagNumber}]`;
    case 'private':
      return `[PRIVATE ${tagNumber}]`;
  }
}

function errorNode(offset: number, end: number, error: string): MutableNode {
  return { tagClass: 'universal', tagNumber: -1, constructed: false, tagName: 'Error', offset, headerLength: 0, length: Math.max(0, end - offset), error };
}

function hexOf(buf: Uint8Array, start: number, end: number, max = MAX_VALUE_BYTES): string {
  let s = '';
  const stop = Math.min(end, start + max);
  for (let i = start; i < stop; i++) s += (buf[i] ?? 0).toString(16).padStart(2, '0');
  return end - start > max ? `${s}… (${end - start} bytes)` : s;
}

function decodeOidText(buf: Uint8Array, start: number, end: number, relative: boolean): string | null {
  if (end <= start) return null;
  const arcs: bigint[] = [];
  let v = 0n;
  let first = true;
  for (let i = start; i < end; i++) {
    const b = buf[i] ?? 0;
    if (first && b === 0x80) return null; // non-minimal arc encoding
    first = false;
    v = (v << 7n) | BigInt(b & 0x7f);
    if ((b & 0x80) === 0) {
      arcs.push(v);
      v = 0n;
      first = true;
    }
  }
  if (!first) return null; // last arc unterminated
  if (relative) return arcs.join('.');
  const [head, ...rest] = arcs;
  if (head === undefined) return null;
  const a0 = head < 40n ? 0n : head < 80n ? 1n : 2n;
  return [a0, head - a0 * 40n, ...rest].join('.');
}

function integerText(buf: Uint8Array, start: number, end: number): string {
  const len = end - start;
  if (len === 0) return 'empty INTEGER (invalid)';
  const hex = hexOf(buf, start, end);
  if (len > 16) return `0x${hex} (${len * 8} bits)`;
  let v = 0n;
  for (let i = start; i < end; i++) v = (v << 8n) | BigInt(buf[i] ?? 0);
  if (((buf[start] ?? 0) & 0x80) !== 0) v -= 1n << BigInt(len * 8);
  return `${v.toString()} (0x${hex})`;
}

function cut(text: string): string {
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
}

function decodeString(tagNumber: number, bytes: Uint8Array): string {
  switch (tagNumber) {
    case 12: // UTF8String
      try {
        return cut(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      } catch {
        return `invalid UTF-8: ${hexOf(bytes, 0, bytes.length)}`;
      }
    case 30: {
      // BMPString: UTF-16BE
      if (bytes.length % 2 !== 0) return `odd-length BMPString: ${hexOf(bytes, 0, bytes.length)}`;
      let s = '';
      for (let i = 0; i + 1 < bytes.length && s.length <= MAX_VALUE_CHARS; i += 2) s += String.fromCharCode(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
      return cut(s);
    }
    case 28: {
      // UniversalString: UTF-32BE
      if (bytes.length % 4 !== 0) return `UniversalString length not a multiple of 4: ${hexOf(bytes, 0, bytes.length)}`;
      let s = '';
      for (let i = 0; i + 3 < bytes.length && s.length <= MAX_VALUE_CHARS; i += 4) {
        const cp = (((bytes[i] ?? 0) << 24) | ((bytes[i + 1] ?? 0) << 16) | ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0)) >>> 0;
        s += cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\ufffd';
      }
      return cut(s);
    }
    default: {
      // PrintableString, IA5String, VisibleString, NumericString, TeletexString (read as Latin-1) …
      let s = '';
      for (let i = 0; i < bytes.length && s.length <= MAX_VALUE_CHARS; i++) s += String.fromCharCode(bytes[i] ?? 0);
      return cut(s);
    }
  }
}

function timeText(tagNumber: number, raw: string): string {
  const utc = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/u.exec(raw);
  if (tagNumber === 23 && utc) {
    const yy = Number(utc[1]);
    // RFC 5280 §4.1.2.5.1: YY >= 50 is 19YY, else 20YY.
    const year = yy >= 50 ? 1900 + yy : 2000 + yy;
    return `${raw} (${year}-${utc[2]}-${utc[3]}T${utc[4]}:${utc[5]}:${utc[6] ?? '00'}Z)`;
  }
  const gen = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})?(\d{2})?(\.\d+)?Z$/u.exec(raw);
  if (tagNumber === 24 && gen) return `${raw} (${gen[1]}-${gen[2]}-${gen[3]}T${gen[4]}:${gen[5] ?? '00'}:${gen[6] ?? '00'}${gen[7] ?? ''}Z)`;
  return raw;
}

const STRING_TAGS: ReadonlySet<number> = new Set([7, 12, 18, 19, 20, 21, 22, 25, 26, 27, 28, 30]);

function primitiveValue(buf: Uint8Array, tagNumber: number, start: number, end: number): string {
  const len = end - start;
  switch (tagNumber) {
    case 0:
      return len === 0 ? '' : `end-of-contents with ${len} content bytes (invalid)`;
    case 1: {
      if (len !== 1) return `BOOLEAN of ${len} bytes (invalid): ${hexOf(buf, start, end)}`;
      const b = buf[start] ?? 0;
      return b === 0 ? 'FALSE' : b === 0xff ? 'TRUE' : `TRUE (0x${b.toString(16).padStart(2, '0')}, not DER)`;
    }
    case 2:
    case 10:
      return integerText(buf, start, end);
    case 3: {
      if (len === 0) return 'empty BIT STRING (invalid: no unused-bits octet)';
      const unused = buf[start] ?? 0;
      if (unused > 7) return `invalid unused-bits count ${unused}`;
      const bits = (len - 1) * 8 - unused;
      if (len - 1 <= 4 && bits >= 0) {
        let s = '';
        for (let i = 0; i < bits; i++) s += ((buf[start + 1 + (i >> 3)] ?? 0) >> (7 - (i & 7))) & 1 ? '1' : '0';
        return `${bits} bits, ${unused} unused: ${s === '' ? '(none)' : s}`;
      }
      return `${bits} bits, ${unused} unused: ${hexOf(buf, start + 1, end)}`;
    }
    case 4:
      return len === 0 ? '(empty)' : hexOf(buf, start, end);
    case 5:
      return len === 0 ? 'NULL' : `NULL with ${len} content bytes (invalid)`;
    case 6:
    case 13: {
      const oid = decodeOidText(buf, start, end, tagNumber === 13);
      if (oid === null) return `invalid OBJECT IDENTIFIER: ${hexOf(buf, start, end)}`;
      const name = tagNumber === 6 ? asn1OidName(oid) : null;
      return name ? `${oid} (${name})` : oid;
    }
    case 23:
    case 24: {
      const raw = decodeString(22, buf.subarray(start, end));
      return timeText(tagNumber, raw);
    }
    default:
      if (STRING_TAGS.has(tagNumber)) return decodeString(tagNumber, buf.subarray(start, end));
      return len === 0 ? '(empty)' : hexOf(buf, start, end);
  }
}

/** Top-level tags accepted as encapsulated content: a structure, or a plausible primitive. */
const ENCAPSULATED_PRIMITIVES: ReadonlySet<number> = new Set([1, 2, 3, 4, 5, 6, 12, 19, 22, 23, 24, 30]);

function isCleanDer(node: MutableNode): boolean {
  if (node.error !== undefined || node.indefinite) return false;
  for (const c of node.children ?? []) if (!isCleanDer(c)) return false;
  return true;
}

function tryEncapsulated(ctx: Context, start: number, end: number, depth: number): MutableNode | null {
  if (end - start < 2 || depth >= ctx.maxDepth || ctx.work > ctx.maxNodes * 4) return null;
  const first = ctx.buf[start] ?? 0;
  const constructed = (first & 0x20) !== 0;
  if (!constructed && ((first & 0xc0) !== 0 || !ENCAPSULATED_PRIMITIVES.has(first & 0x1f))) return null;
  const header = readHeader(ctx.buf, start, end);
  if (typeof header === 'string' || header.length === null || start + header.headerLength + header.length !== end) return null;
  const saved = { nodes: ctx.nodes, truncated: ctx.truncated };
  const { node } = parseElement(ctx, start, end, depth);
  if (!isCleanDer(node)) {
    ctx.nodes = saved.nodes;
    ctx.truncated = saved.truncated;
    return null;
  }
  return node;
}

/** Finds the end of an indefinite-length element's content without building nodes. */
function skipIndefinite(ctx: Context, contentStart: number, end: number): number {
  let level = 1;
  let p = contentStart;
  while (p < end) {
    if (ctx.buf[p] === 0 && ctx.buf[p + 1] === 0 && p + 1 < end) {
      p += 2;
      level--;
      if (level === 0) return p;
      continue;
    }
    const h = readHeader(ctx.buf, p, end);
    if (typeof h === 'string') return end;
    ctx.work++;
    if (h.length === null) {
      level++;
      p += h.headerLength;
    } else p += h.headerLength + h.length;
  }
  return end;
}

function markTruncated(ctx: Context, reason: string): string {
  ctx.truncated ??= reason;
  return reason;
}

interface RangeResult {
  readonly children: MutableNode[];
  readonly next: number;
  readonly sawEoc: boolean;
  readonly truncated?: string;
}

function parseRange(ctx: Context, start: number, end: number, depth: number, untilEoc: boolean): RangeResult {
  const children: MutableNode[] = [];
  let p = start;
  while (p < end) {
    if (untilEoc && p + 1 < end && ctx.buf[p] === 0 && ctx.buf[p + 1] === 0) return { children, next: p + 2, sawEoc: true };
    if (ctx.nodes >= ctx.maxNodes) {
      const reason = markTruncated(ctx, `stopped at the limit of ${ctx.maxNodes.toLocaleString('en-US')} nodes`);
      const next = untilEoc ? skipIndefinite(ctx, p, end) : end;
      return { children, next, sawEoc: untilEoc && next < end, truncated: reason };
    }
    const { node, next } = parseElement(ctx, p, end, depth);
    children.push(node);
    if (node.error !== undefined) return { children, next: end, sawEoc: false };
    p = next;
  }
  return { children, next: p, sawEoc: false };
}

function parseElement(ctx: Context, pos: number, end: number, depth: number): { node: MutableNode; next: number } {
  ctx.nodes++;
  ctx.work++;
  const header = readHeader(ctx.buf, pos, end);
  if (typeof header === 'string') return { node: errorNode(pos, end, header), next: end };
  const { tagClass, tagNumber, constructed, headerLength } = header;
  const contentStart = pos + headerLength;
  const node: MutableNode = { tagClass, tagNumber, constructed, tagName: tagNameOf(tagClass, tagNumber), offset: pos, headerLength, length: header.length ?? 0 };
  if (constructed) {
    if (header.length === null) node.indefinite = true;
    if (depth >= ctx.maxDepth) {
      node.truncated = markTruncated(ctx, `deeper than ${ctx.maxDepth} levels`);
      if (header.length === null) node.length = skipIndefinite(ctx, contentStart, end) - contentStart;
      return { node, next: contentStart + node.length };
    }
    if (header.length === null) {
      const r = parseRange(ctx, contentStart, end, depth + 1, true);
      node.children = r.children;
      if (r.truncated) node.truncated = r.truncated;
      const last = r.children[r.children.length - 1];
      if (!r.sawEoc && !r.truncated && last?.error === undefined) r.children.push(errorNode(r.next, end, 'missing end-of-contents octets of an indefinite length'));
      node.length = r.next - contentStart;
      return { node, next: r.next };
    }
    const r = parseRange(ctx, contentStart, contentStart + header.length, depth + 1, false);
    node.children = r.children;
    if (r.truncated) node.truncated = r.truncated;
    return { node, next: contentStart + header.length };
  }
  const contentEnd = contentStart + (header.length ?? 0);
  if (tagClass === 'universal') {
    node.value = primitiveValue(ctx.buf, tagNumber, contentStart, contentEnd);
    const unusedOk = tagNumber === 3 && ctx.buf[contentStart] === 0;
    if (tagNumber === 4 || unusedOk) {
      const inner = tryEncapsulated(ctx, unusedOk ? contentStart + 1 : contentStart, contentEnd, depth + 1);
      if (inner) {
        node.encapsulates = true;
        node.children = [inner];
        if (tagNumber === 4) delete node.value;
      }
    }
  } else if (header.length !== null && header.length > 0) {
    // Implicitly tagged primitive ([0] IMPLICIT …): show text when it is printable, else hex.
    const bytes = ctx.buf.subarray(contentStart, contentEnd);
    const printable = bytes.every((b) => b >= 0x20 && b < 0x7f);
    node.value = printable ? decodeString(22, bytes) : hexOf(ctx.buf, contentStart, contentEnd);
  }
  return { node, next: contentEnd };
}

/**
 * Parses the first ASN.1 element of `der` into a plain tree with exact byte ranges. Never
 * throws: malformed bytes give an error node (the root itself when the first header is bad);
 * bytes after the first element are described in the root's `warning`.
 */
export function parseAsn1Tree(der: Uint8Array, options: Asn1ParseOptions = {}): Asn1Node {
  const ctx: Context = {
    buf: der,
    maxDepth: Math.max(1, options.maxDepth ?? ASN1_DEFAULT_MAX_DEPTH),
    maxNodes: Math.max(1, options.maxNodes ?? ASN1_DEFAULT_MAX_NODES),
    nodes: 0,
    work: 0,
    truncated: null,
  };
  if (der.length === 0) return errorNode(0, 0, 'no data');
  const { node, next } = parseElement(ctx, 0, der.length, 0);
  if (node.error === undefined && next < der.length) node.warning = `${der.length - next} bytes after the end of the element (offset ${next})`;
  return node;
}

/** Number of nodes in a tree (for tests and the UI's summary). */
export function countAsn1Nodes(node: Asn1Node): number {
  let n = 1;
  for (const c of node.children ?? []) n += countAsn1Nodes(c);
  return n;
}
