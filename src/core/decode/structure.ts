/** Reading the outer SIGNED{…} structure with clear messages for truncation and trailing data. */
import { type Asn1, DerError, readAsn1 } from '../input/der';
import { DecodeError } from './util';
import type { Warnings } from './warnings';

/** Reads the top-level SEQUENCE of a signed object and checks it spans the input exactly. */
export function readSignedTop(der: Uint8Array, what: string, w?: Warnings): { tbs: Asn1; algorithm: Asn1; signature: Asn1; tbsName: string; end: number } {
  const tbsName = what === 'certificate' ? 'TBSCertificate' : what === 'CRL' ? 'TBSCertList' : 'CertificationRequestInfo';
  if (der.length === 0) throw new DecodeError('the input is empty');
  if (der[0] !== SEQUENCE_TAG) throw new DecodeError(`not a ${what}: the first byte is 0x${(der[0] ?? 0).toString(16).padStart(2, '0')}, not a SEQUENCE (0x30)`);
  let top: Asn1;
  try {
    top = readAsn1(der, 0, der.length);
  } catch (e) {
    if (e instanceof DerError && /runs past the end/.test(e.message)) throw new DecodeError(truncation(der, what, tbsName));
    throw e;
  }
  if (!top.isSequence) throw new DecodeError(`not a ${what}: the outer element is not a SEQUENCE`);
  if (top.end !== der.length) {
    // openssl reads the object and ignores what follows (in a PEM block too): so do we, with a warning.
    if (!w) throw new DecodeError(`${der.length - top.end} trailing bytes after the ${what} at offset ${top.end}`);
    w.add('TRAILING_DATA', what, top.end, `${der.length - top.end} bytes follow the ${what}; they are ignored (fingerprints cover the ${what} alone, as openssl's do)`, {
      rejectedBy: ['Go (x509: trailing data)', 'pyca/cryptography (ExtraData)'],
    });
  }
  let kids: Asn1[];
  try {
    kids = top.children();
  } catch (e) {
    if (e instanceof DerError) throw new DecodeError(`${tbsName} is truncated or malformed at offset ${e.offset} (${e.message})`);
    throw e;
  }
  const [tbs, algorithm, signature, extra] = kids;
  if (!tbs || !algorithm || !signature) throw new DecodeError(`the ${what} needs ${tbsName}, a signature algorithm and a signature; found ${kids.length} element(s)`);
  if (extra) throw new DecodeError(`unexpected element after the signature at offset ${extra.offset}`);
  if (!tbs.isSequence) throw new DecodeError(`${tbsName} is not a SEQUENCE (offset ${tbs.offset})`);
  if (w) scanEncoding(top.end === der.length ? der : der.subarray(0, top.end), w);
  return { tbs, algorithm, signature, tbsName, end: top.end };
}

/** Where an encoding problem is, for people: the element's identifier octet. */
const tagField = (id: number): string => `element with identifier 0x${id.toString(16).padStart(2, '0')}`;

/** At most this many encoding warnings of one code per object (a bad writer repeats itself). */
const MAX_ENCODING_WARNINGS = 3;

/**
 * One linear pass over the object's TLVs (constructed elements, and OCTET STRINGs that hold DER,
 * such as extension values) for what DER forbids and BER allows: lengths in long form or with
 * leading zero octets, indefinite lengths, constructed strings.
 */
export function scanEncoding(der: Uint8Array, w: Warnings): void {
  const counts = { long: 0, ber: 0 };
  const visit = (start: number, end: number, depth: number, emit: boolean): boolean => {
    let p = start;
    while (p < end) {
      const at = p;
      const id = der[p++] ?? 0;
      if ((id & 0x1f) === 0x1f) while (p < end && ((der[p++] ?? 0) & 0x80) !== 0);
      if (p >= end) return false;
      const l0 = der[p++] ?? 0;
      let len = l0;
      if (l0 === 0x80) {
        if (emit && counts.ber++ < MAX_ENCODING_WARNINGS) w.add('BER_ENCODING', tagField(id), at, 'an element uses an indefinite length (BER, not DER)');
        return false;
      }
      if (l0 > 0x80) {
        const n = l0 & 0x7f;
        if (n > 4 || p + n > end) return false;
        len = 0;
        for (let i = 0; i < n; i++) len = len * 256 + (der[p++] ?? 0);
        if (emit && (len < 0x80 || der[p - n] === 0) && counts.long++ < MAX_ENCODING_WARNINGS)
          w.add('NON_MINIMAL_LENGTH', tagField(id), at, `the length ${len} is encoded in ${n + 1} octets where DER needs ${len < 0x80 ? 1 : 1 + Math.ceil(Math.log2(len + 1) / 8)}`);
      }
      if (p + len > end) return false;
      const constructed = (id & 0x20) !== 0;
      if (constructed && (id === 0x24 || id === 0x23 || (id & 0xc0) === 0 && (id & 0x1f) >= 12 && (id & 0x1f) <= 30 && (id & 0x1f) !== 16 && (id & 0x1f) !== 17)) {
        if (emit && counts.ber++ < MAX_ENCODING_WARNINGS) w.add('BER_ENCODING', tagField(id), at, 'a string is encoded in constructed (segmented) form (BER, not DER)');
      }
      if (depth < 32) {
        if (constructed) visit(p, p + len, depth + 1, emit);
        else if (emit && id === 0x04 && der[p] === 0x30 && visit(p, p + len, depth + 1, false)) {
          // An OCTET STRING holding DER (an extension value): checked too when it parses as TLVs.
          visit(p, p + len, depth + 1, true);
        }
      }
      p += len;
    }
    return true;
  };
  visit(0, der.length, 0, true);
}

const SEQUENCE_TAG = 0x30;
const NO_LIMIT = Number.MAX_SAFE_INTEGER;

/** Says which part of a cut-off signed object is missing. */
function truncation(der: Uint8Array, what: string, tbsName: string): string {
  try {
    const top = readAsn1(der, 0, NO_LIMIT);
    const tbs = readAsn1(der, top.contentStart, NO_LIMIT);
    if (tbs.end > der.length) return `${tbsName} is truncated at offset ${der.length}: it declares ${tbs.length} content bytes from offset ${tbs.contentStart}, only ${der.length - tbs.contentStart} are present`;
    return `the ${what} is truncated at offset ${der.length}, after ${tbsName} (the signature is cut off: ${top.end - der.length} byte(s) missing)`;
  } catch {
    return `the ${what} is truncated at offset ${der.length}`;
  }
}

/** Own copy of exactly these bytes (so a structured clone does not carry a larger buffer, and WebCrypto gets an ArrayBuffer). */
export function ownBytes(b: Uint8Array): Uint8Array<ArrayBuffer> {
  const buf = b.buffer;
  if (buf instanceof ArrayBuffer && b.byteOffset === 0 && b.byteLength === buf.byteLength) return new Uint8Array(buf);
  const out = new Uint8Array(new ArrayBuffer(b.length));
  out.set(b);
  return out;
}
