/** HMAC through WebCrypto (SHA-224 and the digests WebCrypto lacks, such as BLAKE2b-512, through @noble/hashes). */
import { hmac } from '@noble/hashes/hmac.js';
import { own } from '../input/bytes';
import { type MacHash, NOBLE_HASH } from './pkcs12-kdf';

export async function hmacSign(hash: MacHash, key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  if (hash !== 'SHA-1' && hash !== 'SHA-256' && hash !== 'SHA-384' && hash !== 'SHA-512') return hmac(NOBLE_HASH[hash], key, data);
  const subtle = globalThis.crypto.subtle;
  const k = await subtle.importKey('raw', own(key), { name: 'HMAC', hash }, false, ['sign']);
  return new Uint8Array(await subtle.sign('HMAC', k, own(data)));
}
