/**
 * Block-cipher CBC decryption for encrypted keys and PKCS#12 safes: AES (WebCrypto, with a
 * @noble/ciphers fallback for engines without AES-192 such as Chromium), DES and 3DES (des.js),
 * RC2 (our own, rc2.ts).
 */
import { cbc } from '@noble/ciphers/aes.js';
import desjs from 'des.js';
import { own } from '../input/bytes';
import { rc2CbcDecryptRaw } from './rc2';

/** Thrown when decryption "works" but the result is not validly padded: usually a wrong password. */
export class BadDecryptError extends Error {
  constructor(message = 'decryption produced invalid padding') {
    super(message);
    this.name = 'BadDecryptError';
  }
}

/** Removes and checks PKCS#5/#7 padding. */
export function removePkcs7Padding(data: Uint8Array, blockSize: number): Uint8Array {
  if (data.length === 0 || data.length % blockSize !== 0) throw new BadDecryptError('ciphertext is not a whole number of blocks');
  const n = data[data.length - 1] ?? 0;
  if (n < 1 || n > blockSize) throw new BadDecryptError();
  for (let i = data.length - n; i < data.length; i++) if (data[i] !== n) throw new BadDecryptError();
  return data.subarray(0, data.length - n);
}

export type CbcCipher = 'AES-128-CBC' | 'AES-192-CBC' | 'AES-256-CBC' | 'DES-EDE3-CBC' | 'DES-EDE-CBC' | 'DES-CBC' | 'RC2-CBC';

/** Test hook: force the pure-JS AES path (as on Chromium for AES-192). */
export const aesOptions = { forceFallback: false };

/** AES-CBC decrypt with PKCS#7 padding removed. */
export async function aesCbcDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  if (![16, 24, 32].includes(key.length)) throw new Error(`AES key of ${key.length} bytes`);
  if (iv.length !== 16) throw new Error('AES-CBC needs a 16-byte IV');
  if (data.length === 0 || data.length % 16 !== 0) throw new BadDecryptError('ciphertext is not a whole number of AES blocks');
  const subtle = globalThis.crypto?.subtle;
  if (subtle && !aesOptions.forceFallback) {
    let k: CryptoKey | null = null;
    try {
      k = await subtle.importKey('raw', own(key), { name: 'AES-CBC' }, false, ['decrypt']);
    } catch {
      k = null; // e.g. Chromium: AES-192 is not supported; fall back below.
    }
    if (k) {
      try {
        return new Uint8Array(await subtle.decrypt({ name: 'AES-CBC', iv: own(iv) }, k, own(data)));
      } catch {
        // WebCrypto reports bad padding as a generic OperationError.
        throw new BadDecryptError();
      }
    }
  }
  const raw = cbc(key, iv, { disablePadding: true }).decrypt(data);
  return removePkcs7Padding(raw, 16);
}

function desFamilyDecrypt(cipher: 'DES' | 'EDE', key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  if (iv.length !== 8) throw new Error('DES-CBC needs an 8-byte IV');
  if (data.length === 0 || data.length % 8 !== 0) throw new BadDecryptError('ciphertext is not a whole number of DES blocks');
  const base = cipher === 'DES' ? desjs.DES : desjs.EDE;
  const d = desjs.CBC.instantiate(base).create({ type: 'decrypt', key: Array.from(key), iv: Array.from(iv), padding: false });
  const out = Uint8Array.from([...d.update(data), ...d.final()]);
  return removePkcs7Padding(out, 8);
}

/** 3DES-CBC (24-byte key; a 16-byte two-key key is expanded to K1|K2|K1). */
export function des3CbcDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  let k = key;
  if (k.length === 16) {
    const e = new Uint8Array(24);
    e.set(k);
    e.set(k.subarray(0, 8), 16);
    k = e;
  }
  if (k.length !== 24) throw new Error(`3DES key of ${key.length} bytes`);
  return desFamilyDecrypt('EDE', k, iv, data);
}

export function desCbcDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  if (key.length !== 8) throw new Error(`DES key of ${key.length} bytes`);
  return desFamilyDecrypt('DES', key, iv, data);
}

export function rc2CbcDecrypt(key: Uint8Array, effectiveBits: number, iv: Uint8Array, data: Uint8Array): Uint8Array {
  if (data.length === 0 || data.length % 8 !== 0) throw new BadDecryptError('ciphertext is not a whole number of RC2 blocks');
  return removePkcs7Padding(rc2CbcDecryptRaw(key, effectiveBits, iv, data), 8);
}
