/** HMAC through WebCrypto (SHA-224, absent from WebCrypto, through @noble/hashes). */
import { hmac } from '@noble/hashes/hmac.js';
import { sha224 } from '@noble/hashes/sha2.js';
import { own } from '../input/bytes';
import type { Pkcs12Hash } from './pkcs12-kdf';

export async function hmacSign(hash: Pkcs12Hash, key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  if (hash === 'SHA-224') return hmac(sha224, key, data);
  const subtle = globalThis.crypto.subtle;
  const k = await subtle.importKey('raw', own(key), { name: 'HMAC', hash }, false, ['sign']);
  return new Uint8Array(await subtle.sign('HMAC', k, own(data)));
}
