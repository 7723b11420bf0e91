/**
 * A small, bounded ASN.1 BER/DER reader and DER writer.
 *
 * Why not asn1js for structure walking: asn1js builds a full object tree eagerly and has
 * node-count/depth trouble on large inputs (a 150-certificate .p7b). This reader is lazy: it
 * only parses the elements a caller asks for, so classifying a blob or listing a SignedData's
 * certificates costs O(elements visited). Depth and indefinite-length scanning are bounded so
 * hostile input cannot hang or blow the stack. BER indefinite lengths and constructed OCTET
 * STRINGs are accepted (some PKCS#12 writers use them).
 */

export const MAX_DEPTH = 64;
/** Upper bound on elements scanned while resolving indefinite lengths in one top-level read. */
export const MAX_SCAN_NODES = 2_000_000;

export class DerError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(`${message} at byte ${offset}`);
    this.name = 'DerError';
    this.offset = offset;
  }
}

export const enum TagClass {
  Universal = 0,
  Application = 1,
  Context = 2,
  Private = 3,
}

export const TAG = {
  BOOLEAN: 1,
  INTEGER: 2,
  BIT_STRING: 3,
  OCTET_STRING: 4,
  NULL: 5,
  OID: 6,
  ENUMERATED: 10,
  UTF8String: 12,
  SEQUENCE: 16,
  SET: 17,
  NumericString: 18,
  PrintableString: 19,
  TeletexString: 20,
  VideotexString: 21,
  IA5String: 22,
  UTCTime: 23,
  GeneralizedTime: 24,
  GraphicString: 25,
  VisibleString: 26,
  GeneralString: 27,
  UniversalString: 28,
  BMPString: 30,
} as const;

interface Budget {
  nodes: number;
}

export class Asn1 {
  private childCache: Asn1[] | null = null;
  constructor(
    /** The whole buffer this element lives in. */
    readonly buf: Uint8Array,
    readonly tagClass: number,
    readonly constructed: boolean,
    readonly tag: number,
    /** Offset of the identifier octet in buf. */
    readonly offset: number,
    readonly headerLength: number,
    /** Content length (for indefinite length: excluding the end-of-contents octets). */
    readonly length: number,
    readonly indefinite: boolean,
    readonly depth: number,
  ) {}

  get contentStart(): number {
    return this.offset + this.headerLength;
  }
  get contentEnd(): number {
    return this.contentStart + this.length;
  }
  /** Offset just past the element (including end-of-contents octets). */
  get end(): number {
    return this.contentEnd + (this.indefinite ? 2 : 0);
  }
  /** The element's contents. */
  get content(): Uint8Array {
    return this.buf.subarray(this.contentStart, this.contentEnd);
  }
  /** The whole encoded element. */
  get bytes(): Uint8Array {
    return this.buf.subarray(this.offset, this.end);
  }
  is(tagClass: number, tag: number): boolean {
    return this.tagClass === tagClass && this.tag === tag;
  }
  isUniversal(tag: number): boolean {
    return this.tagClass === TagClass.Universal && this.tag === tag;
  }
  isContext(tag: number): boolean {
    return this.tagClass === TagClass.Context && this.tag === tag;
  }
  get isSequence(): boolean {
    return this.constructed && this.isUniversal(TAG.SEQUENCE);
  }

  /** Child elements of a constructed element (parsed once, lazily). */
  children(): Asn1[] {
    if (this.childCache) return this.childCache;
    if (!this.constructed) throw new DerError('expected a constructed element', this.offset);
    if (this.depth + 1 > MAX_DEPTH) throw new DerError('ASN.1 nesting too deep', this.offset);
    const out: Asn1[] = [];
    let p = this.contentStart;
    const budget: Budget = { nodes: 0 };
    while (p < this.contentEnd) {
      const c = readElement(this.buf, p, this.contentEnd, this.depth + 1, budget);
      out.push(c);
      p = c.end;
    }
    this.childCache = out;
    return out;
  }

  child(i: number): Asn1 {
    const c = this.children()[i];
    if (!c) throw new DerError(`missing element ${i + 1}`, this.offset);
    return c;
  }

  /** Value of an OCTET STRING (primitive, or BER constructed segments joined). */
  octets(): Uint8Array {
    if (!this.constructed) return this.content;
    const parts: Uint8Array[] = [];
    for (const c of this.children()) parts.push(c.octets());
    let n = 0;
    for (const p of parts) n += p.length;
    const out = new Uint8Array(n);
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }

  oid(): string {
    if (!this.isUniversal(TAG.OID) || this.constructed) throw new DerError('expected an OBJECT IDENTIFIER', this.offset);
    return decodeOid(this.content, this.offset);
  }

  /** Small non-negative INTEGER as a number (throws above 2^53). */
  int(): number {
    if (!this.isUniversal(TAG.INTEGER) || this.constructed) throw new DerError('expected an INTEGER', this.offset);
    const c = this.content;
    if (c.length === 0) throw new DerError('empty INTEGER', this.offset);
    if ((c[0] ?? 0) & 0x80) throw new DerError('negative INTEGER where a count was expected', this.offset);
    let v = 0;
    for (const b of c) {
      v = v * 256 + b;
      if (v > Number.MAX_SAFE_INTEGER) throw new DerError('INTEGER too large', this.offset);
    }
    return v;
  }

  /** INTEGER magnitude bytes with leading zero bytes removed (for non-negative values). */
  uintBytes(): Uint8Array {
    if (!this.isUniversal(TAG.INTEGER)) throw new DerError('expected an INTEGER', this.offset);
    let c = this.content;
    while (c.length > 1 && c[0] === 0) c = c.subarray(1);
    return c;
  }

  /** BIT STRING contents without the unused-bits octet. */
  bits(): Uint8Array {
    if (!this.isUniversal(TAG.BIT_STRING) || this.constructed) throw new DerError('expected a BIT STRING', this.offset);
    return this.content.subarray(1);
  }
}

function readElement(buf: Uint8Array, offset: number, limit: number, depth: number, budget: Budget): Asn1 {
  if (depth > MAX_DEPTH) throw new DerError('ASN.1 nesting too deep', offset);
  if (++budget.nodes > MAX_SCAN_NODES) throw new DerError('too many ASN.1 elements', offset);
  let p = offset;
  if (p >= limit) throw new DerError('unexpected end of data', p);
  const id = buf[p++] ?? 0;
  const tagClass = id >> 6;
  const constructed = (id & 0x20) !== 0;
  let tag = id & 0x1f;
  if (tag === 0x1f) {
    tag = 0;
    for (let i = 0; ; i++) {
      if (p >= limit) throw new DerError('truncated tag', p);
      if (i >= 4) throw new DerError('tag number too large', offset);
      const b = buf[p++] ?? 0;
      tag = tag * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) break;
    }
  }
  if (p >= limit) throw new DerError('truncated length', p);
  const l0 = buf[p++] ?? 0;
  let length: number;
  let indefinite = false;
  if (l0 < 0x80) {
    length = l0;
  } else if (l0 === 0x80) {
    if (!constructed) throw new DerError('indefinite length on a primitive element', offset);
    indefinite = true;
    length = 0;
  } else {
    const n = l0 & 0x7f;
    if (n > 6) throw new DerError('length field too long', offset);
    length = 0;
    for (let i = 0; i < n; i++) {
      if (p >= limit) throw new DerError('truncated length', p);
      length = length * 256 + (buf[p++] ?? 0);
    }
  }
  const headerLength = p - offset;
  if (indefinite) {
    // Scan children up to the end-of-contents octets.
    let q = p;
    for (;;) {
      if (q + 2 > limit) throw new DerError('missing end-of-contents', offset);
      if (buf[q] === 0 && buf[q + 1] === 0) break;
      const c = readElement(buf, q, limit, depth + 1, budget);
      q = c.end;
    }
    length = q - p;
  } else if (p + length > limit) {
    throw new DerError(`element length ${length} runs past the end of the data`, offset);
  }
  return new Asn1(buf, tagClass, constructed, tag, offset, headerLength, length, indefinite, depth);
}

/** Reads one element at `offset`. */
export function readAsn1(buf: Uint8Array, offset = 0, limit = buf.length): Asn1 {
  return readElement(buf, offset, limit, 0, { nodes: 0 });
}

/** Reads exactly one element spanning the whole buffer. */
export function parseDer(buf: Uint8Array): Asn1 {
  const e = readAsn1(buf);
  if (e.end !== buf.length) throw new DerError(`${buf.length - e.end} trailing bytes after the ASN.1 element`, e.end);
  return e;
}

export function decodeOid(c: Uint8Array, offset = 0): string {
  if (c.length === 0) throw new DerError('empty OBJECT IDENTIFIER', offset);
  const arcs: string[] = [];
  let v = 0n;
  let first = true;
  for (let i = 0; i < c.length; i++) {
    const b = c[i] ?? 0;
    v = (v << 7n) | BigInt(b & 0x7f);
    if ((b & 0x80) === 0) {
      if (first) {
        if (v < 40n) arcs.push('0', v.toString());
        else if (v < 80n) arcs.push('1', (v - 40n).toString());
        else arcs.push('2', (v - 80n).toString());
        first = false;
      } else arcs.push(v.toString());
      v = 0n;
    } else if (i === c.length - 1) throw new DerError('truncated OBJECT IDENTIFIER', offset);
  }
  return arcs.join('.');
}

// ---------------------------------------------------------------------------------------------
// DER writer
// ---------------------------------------------------------------------------------------------

function encLength(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const bytes: number[] = [];
  let v = n;
  while (v > 0) {
    bytes.unshift(v & 0xff);
    v = Math.floor(v / 256);
  }
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** Encodes an element with a one-octet identifier (tag < 31). */
export function encTlv(identifier: number, content: Uint8Array): Uint8Array {
  const len = encLength(content.length);
  const out = new Uint8Array(1 + len.length + content.length);
  out[0] = identifier;
  out.set(len, 1);
  out.set(content, 1 + len.length);
  return out;
}

function join(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export const encSeq = (...parts: readonly Uint8Array[]): Uint8Array => encTlv(0x30, join(parts));
export const encSet = (...parts: readonly Uint8Array[]): Uint8Array => encTlv(0x31, join(parts));
export const encOctets = (b: Uint8Array): Uint8Array => encTlv(0x04, b);
export const encNull = (): Uint8Array => Uint8Array.of(0x05, 0x00);
export const encBitString = (b: Uint8Array): Uint8Array => encTlv(0x03, join([Uint8Array.of(0), b]));
/** [n] EXPLICIT / constructed context tag. */
export const encCtx = (n: number, ...parts: readonly Uint8Array[]): Uint8Array => encTlv(0xa0 | n, join(parts));

/** INTEGER from unsigned big-endian magnitude bytes. */
export function encUint(magnitude: Uint8Array): Uint8Array {
  let m = magnitude;
  while (m.length > 1 && m[0] === 0) m = m.subarray(1);
  if (m.length === 0) m = Uint8Array.of(0);
  if ((m[0] ?? 0) & 0x80) m = join([Uint8Array.of(0), m]);
  return encTlv(0x02, m);
}

export function encInt(n: number): Uint8Array {
  const bytes: number[] = [];
  let v = n;
  do {
    bytes.unshift(v & 0xff);
    v = Math.floor(v / 256);
  } while (v > 0);
  return encUint(Uint8Array.from(bytes));
}

export function encOid(oid: string): Uint8Array {
  const arcs = oid.split('.').map((a) => BigInt(a));
  const [a0, a1, ...rest] = arcs;
  if (a0 === undefined || a1 === undefined) throw new Error(`bad OID ${oid}`);
  const out: number[] = [];
  for (const arc of [a0 * 40n + a1, ...rest]) {
    const group: number[] = [];
    let v = arc;
    do {
      group.unshift(Number(v & 0x7fn));
      v >>= 7n;
    } while (v > 0n);
    for (let i = 0; i < group.length - 1; i++) group[i] = (group[i] ?? 0) | 0x80;
    out.push(...group);
  }
  return encTlv(0x06, Uint8Array.from(out));
}
