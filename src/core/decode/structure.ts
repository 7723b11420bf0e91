/** Reading the outer SIGNED{…} structure with clear messages for truncation and trailing data. */
import { type Asn1, DerError, readAsn1 } from '../input/der';
import { DecodeError } from './util';

/** Reads the top-level SEQUENCE of a signed object and checks it spans the input exactly. */
export function readSignedTop(der: Uint8Array, what: string): { tbs: Asn1; algorithm: Asn1; signature: Asn1; tbsName: string } {
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
  if (top.end !== der.length) throw new DecodeError(`${der.length - top.end} trailing bytes after the ${what} at offset ${top.end}`);
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
  return { tbs, algorithm, signature, tbsName };
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
