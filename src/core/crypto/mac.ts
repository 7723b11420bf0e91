/** HMAC through WebCrypto (SHA-224 and the digests WebCrypto lacks, such as BLAKE2b-512, through @noble/hashes), and the PKCS#12 MAC key. */
import { hmac } from '@noble/hashes/hmac.js';
import { own } from '../input/bytes';
import { bmpPassword, hashOutputLength, type MacHash, NOBLE_HASH, pkcs12Kdf } from './pkcs12-kdf';

export async function hmacSign(hash: MacHash, key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  if (hash !== 'SHA-1' && hash !== 'SHA-256' && hash !== 'SHA-384' && hash !== 'SHA-512') return hmac(NOBLE_HASH[hash], key, data);
  const subtle = globalThis.crypto.subtle;
  const k = await subtle.importKey('raw', own(key), { name: 'HMAC', hash }, false, ['sign']);
  return new Uint8Array(await subtle.sign('HMAC', k, own(data)));
}

/**
 * The classic PKCS#12 MAC key (RFC 7292 appendix B.2, ID 3, as long as the digest's output), from
 * the password as a BMPString (`null`: absent). Synchronous JavaScript: with many iterations it is
 * the slow part of reading or writing a file, so callers start their PBKDF2 work first.
 */
export function pkcs12MacKey(hash: MacHash, password: string | null, salt: Uint8Array, iterations: number): Uint8Array {
  const pw = bmpPassword(password);
  try {
    return pkcs12Kdf(hash, pw, salt, iterations, 3, hashOutputLength(hash));
  } finally {
    pw.fill(0);
  }
}
