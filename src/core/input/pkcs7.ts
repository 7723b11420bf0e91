/**
 * PKCS#7 / CMS SignedData: lists the certificates and CRLs it carries, in encoded order.
 * Uses the lazy DER reader, so a bundle with hundreds of certificates costs one pass.
 */
import { CoreFailure } from '../model';
import { fromBase64 } from './bytes';
import { type Asn1, DerError, readAsn1, TAG } from './der';

const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.7.1': 'data',
  '1.2.840.113549.1.7.3': 'envelopedData',
  '1.2.840.113549.1.7.4': 'signedAndEnvelopedData',
  '1.2.840.113549.1.7.5': 'digestedData',
  '1.2.840.113549.1.7.6': 'encryptedData',
  '1.2.840.113549.1.9.16.1.2': 'authData',
};

export interface Pkcs7Entry {
  readonly der: Uint8Array;
  /** 1-based position among the certificates (or CRLs). */
  readonly index: number;
  /** Offset of the element inside the PKCS#7 DER. */
  readonly offset: number;
}

export interface Pkcs7Contents {
  readonly certificates: readonly Pkcs7Entry[];
  readonly crls: readonly Pkcs7Entry[];
  /** Entries that are not plain X.509 (attribute certificates, other formats), described. */
  readonly skipped: readonly string[];
}

/** Accepts DER, or PEM text with a PKCS7 block. */
function toDer(input: Uint8Array): Uint8Array {
  if (input[0] === 0x30) return input;
  const text = new TextDecoder('latin1').decode(input);
  const m = /-----BEGIN ([A-Z0-9 #]+)-----([\s\S]*?)-----END \1-----/.exec(text);
  if (!m) throw new CoreFailure('MALFORMED', 'PKCS#7 input is neither DER nor a PEM block.');
  try {
    return fromBase64((m[2] ?? '').replace(/\s+/g, ''));
  } catch (e) {
    throw new CoreFailure('MALFORMED', `PKCS#7 PEM block has invalid base64: ${e instanceof Error ? e.message : String(e)}.`);
  }
}

/** Extracts certificates and CRLs from a PKCS#7 SignedData (DER or PEM). Throws CoreFailure. */
export function extractPkcs7(input: Uint8Array): Pkcs7Contents {
  const der = toDer(input);
  try {
    return extract(readAsn1(der));
  } catch (e) {
    if (e instanceof DerError) throw new CoreFailure('MALFORMED', `PKCS#7 structure is invalid: ${e.message}.`);
    throw e;
  }
}

/** Same, from an already parsed ContentInfo element. */
export function extractPkcs7Node(contentInfo: Asn1): Pkcs7Contents {
  try {
    return extract(contentInfo);
  } catch (e) {
    if (e instanceof DerError) throw new CoreFailure('MALFORMED', `PKCS#7 structure is invalid: ${e.message}.`);
    throw e;
  }
}

function extract(ci: Asn1): Pkcs7Contents {
  if (!ci.isSequence) throw new CoreFailure('MALFORMED', 'PKCS#7 ContentInfo is not a SEQUENCE.');
  const oid = ci.child(0).oid();
  if (oid !== OID_SIGNED_DATA) {
    const name = CONTENT_TYPES[oid];
    throw new CoreFailure('UNSUPPORTED_ALGORITHM', `PKCS#7 content type ${name ? `${name} (${oid})` : oid} is not supported; only signedData carries certificates.`);
  }
  const wrapper = ci.child(1);
  if (!wrapper.isContext(0)) throw new CoreFailure('MALFORMED', 'PKCS#7 ContentInfo has no [0] content.');
  const sd = wrapper.child(0);
  if (!sd.isSequence) throw new CoreFailure('MALFORMED', 'PKCS#7 SignedData is not a SEQUENCE.');
  const certificates: Pkcs7Entry[] = [];
  const crls: Pkcs7Entry[] = [];
  const skipped: string[] = [];
  for (const field of sd.children()) {
    if (field.isContext(0) && field.constructed) {
      for (const c of field.children()) {
        if (c.isSequence) certificates.push({ der: c.bytes.slice(), index: certificates.length + 1, offset: c.offset });
        else skipped.push(`certificate choice [${c.tag}] at byte ${c.offset} (not an X.509 certificate)`);
      }
    } else if (field.isContext(1) && field.constructed) {
      for (const c of field.children()) {
        if (c.isSequence) crls.push({ der: c.bytes.slice(), index: crls.length + 1, offset: c.offset });
        else skipped.push(`revocation info choice [${c.tag}] at byte ${c.offset} (not an X.509 CRL)`);
      }
    } else if (!field.isUniversal(TAG.INTEGER) && !field.isUniversal(TAG.SET) && !field.isSequence) {
      skipped.push(`unexpected SignedData field (tag ${field.tag}) at byte ${field.offset}`);
    }
  }
  return { certificates, crls, skipped };
}
