/** Public-key encodings: PKCS#1 RSAPublicKey to SubjectPublicKeyInfo. */
import { type Asn1, encBitString, encNull, encOid, encSeq, encUint, parseDer, TAG } from '../input/der';

export const RSA_ENCRYPTION_OID = '1.2.840.113549.1.1.1';

/** SPKI for an RSA key from modulus and exponent magnitudes. */
export function rsaSpki(modulus: Uint8Array, exponent: Uint8Array): Uint8Array {
  return encSeq(encSeq(encOid(RSA_ENCRYPTION_OID), encNull()), encBitString(encSeq(encUint(modulus), encUint(exponent))));
}

/** True for a PKCS#1 RSAPublicKey shape: SEQUENCE { INTEGER n, INTEGER e }. */
export function isRsaPublicKey(node: Asn1): boolean {
  if (!node.isSequence) return false;
  const k = node.children();
  return k.length === 2 && k.every((c) => c.isUniversal(TAG.INTEGER) && !c.constructed);
}

/** Wraps a PKCS#1 RSAPublicKey (DER) into a SubjectPublicKeyInfo (DER). */
export function rsaPublicKeyToSpki(der: Uint8Array): Uint8Array {
  const node = parseDer(der);
  if (!isRsaPublicKey(node)) throw new Error('not a PKCS#1 RSAPublicKey');
  return rsaSpki(node.child(0).uintBytes(), node.child(1).uintBytes());
}
