/**
 * The encrypt direction of crypto/pbe.ts, for the PKCS#12 writer: builds the AlgorithmIdentifier
 * of a password-based scheme (PBES2 with PBKDF2, or a PKCS#12 PBE) with fresh random salt and IV,
 * then encrypts through `parsePbe(thatIdentifier).encrypt` — the very code that decrypts it, so
 * parameters, key derivation and cipher cannot drift apart between reading and writing.
 */
import { CoreFailure } from '../model';
import { parseDer, encInt, encNull, encOctets, encOid, encSeq } from '../input/der';
import { OID, parsePbe, PKCS12_PBE_OID, type PbeOptions, type PbeScheme } from './pbe';
import type { Pkcs12Hash } from './pkcs12-kdf';

/** PBES2 ciphers the writer offers (all read back by pbe.ts; 3DES-CBC is des.js, the AES ones WebCrypto or @noble/ciphers). */
export type Pbes2Cipher = 'AES-128-CBC' | 'AES-192-CBC' | 'AES-256-CBC' | '3DES-CBC';
/** PBKDF2 PRFs the writer offers (SHA-224 is left out: WebCrypto has no HMAC-SHA224 for PBKDF2). */
export type Pbkdf2Prf = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';
/** PKCS#12 PBE ciphers (RFC 7292 appendix C; key and IV from the PKCS#12 KDF with SHA-1). */
export type Pkcs12PbeCipher = '3DES-CBC' | '2-key-3DES-CBC' | 'RC2-128-CBC' | 'RC2-40-CBC';

/** How one item (a certificate safe or a private key) is encrypted. Cipher names are the reader's (KeyEncryptionModel.cipher). */
export type EncryptionSpec =
  | { readonly scheme: 'PBES2'; readonly cipher: Pbes2Cipher; readonly prf: Pbkdf2Prf; readonly iterations: number; readonly saltLength?: number }
  | { readonly scheme: 'PKCS#12 PBE'; readonly cipher: Pkcs12PbeCipher; readonly iterations: number; readonly saltLength?: number };

const PBES2_CIPHER: Readonly<Record<Pbes2Cipher, { oid: string; ivLength: number }>> = {
  'AES-128-CBC': { oid: '2.16.840.1.101.3.4.1.2', ivLength: 16 },
  'AES-192-CBC': { oid: '2.16.840.1.101.3.4.1.22', ivLength: 16 },
  'AES-256-CBC': { oid: '2.16.840.1.101.3.4.1.42', ivLength: 16 },
  '3DES-CBC': { oid: '1.2.840.113549.3.7', ivLength: 8 },
};

export const HMAC_PRF_OID: Readonly<Record<Pkcs12Hash, string>> = {
  'SHA-1': '1.2.840.113549.2.7',
  'SHA-224': '1.2.840.113549.2.8',
  'SHA-256': '1.2.840.113549.2.9',
  'SHA-384': '1.2.840.113549.2.10',
  'SHA-512': '1.2.840.113549.2.11',
};

export const DIGEST_OID: Readonly<Record<Pkcs12Hash, string>> = {
  'SHA-1': '1.3.14.3.2.26',
  'SHA-224': '2.16.840.1.101.3.4.2.4',
  'SHA-256': '2.16.840.1.101.3.4.2.1',
  'SHA-384': '2.16.840.1.101.3.4.2.2',
  'SHA-512': '2.16.840.1.101.3.4.2.3',
};

const PKCS12_PBE: Readonly<Record<Pkcs12PbeCipher, string>> = {
  '3DES-CBC': PKCS12_PBE_OID.sha1And3KeyTripleDesCbc,
  '2-key-3DES-CBC': PKCS12_PBE_OID.sha1And2KeyTripleDesCbc,
  'RC2-128-CBC': PKCS12_PBE_OID.sha1And128BitRc2Cbc,
  'RC2-40-CBC': PKCS12_PBE_OID.sha1And40BitRc2Cbc,
};

/** Largest iteration count the writer accepts (the reader's default limit is 10,000,000). */
export const MAX_WRITE_ITERATIONS = 10_000_000;

export function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  globalThis.crypto.getRandomValues(out);
  return out;
}

export function checkWriteIterations(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_WRITE_ITERATIONS) throw new CoreFailure('MALFORMED', `${what}: iteration count must be a whole number from 1 to ${MAX_WRITE_ITERATIONS.toLocaleString('en-US')}, got ${n}.`);
}

/** PBKDF2-params (RFC 8018 A.2): keyLength left out (the cipher fixes it), the PRF only when not the default HMAC-SHA1. */
export function pbkdf2Params(salt: Uint8Array, iterations: number, prf: Pkcs12Hash, keyLength: number | null = null): Uint8Array {
  return encSeq(
    encOctets(salt),
    encInt(iterations),
    ...(keyLength !== null ? [encInt(keyLength)] : []),
    ...(prf !== 'SHA-1' ? [encSeq(encOid(HMAC_PRF_OID[prf]), encNull())] : []),
  );
}

/** The AlgorithmIdentifier (DER) for `spec`, with a fresh random salt and IV. */
export function encryptionAlgorithm(spec: EncryptionSpec): Uint8Array {
  checkWriteIterations(spec.iterations, `${spec.scheme} ${spec.cipher}`);
  if (spec.scheme === 'PKCS#12 PBE') {
    const oid = PKCS12_PBE[spec.cipher];
    return encSeq(encOid(oid), encSeq(encOctets(randomBytes(spec.saltLength ?? 8)), encInt(spec.iterations)));
  }
  const c = PBES2_CIPHER[spec.cipher];
  const kdf = encSeq(encOid(OID.pbkdf2), pbkdf2Params(randomBytes(spec.saltLength ?? 16), spec.iterations, spec.prf));
  const scheme = encSeq(encOid(c.oid), encOctets(randomBytes(c.ivLength)));
  return encSeq(encOid(OID.pbes2), encSeq(kdf, scheme));
}

/** A scheme ready to encrypt (and, being parsed by pbe.ts, to decrypt) with `spec`'s fresh parameters. */
export function encryptionScheme(spec: EncryptionSpec, opts: PbeOptions = {}): { algorithm: Uint8Array; scheme: PbeScheme } {
  const algorithm = encryptionAlgorithm(spec);
  return { algorithm, scheme: parsePbe(parseDer(algorithm), { ...opts, maxIterations: MAX_WRITE_ITERATIONS }) };
}

/** [0] IMPLICIT OCTET STRING, as EncryptedContentInfo.encryptedContent is written (primitive). */
export function encImplicitOctets(n: number, content: Uint8Array): Uint8Array {
  const wrapped = encOctets(content);
  wrapped[0] = 0x80 | n;
  return wrapped;
}
