/**
 * Block-cipher CBC decryption (and its inverse, encryption, for the PKCS#12 writer) for encrypted
 * keys and PKCS#12 safes: AES (WebCrypto, with a @noble/ciphers fallback for engines without
 * AES-192 such as Chromium), DES and 3DES (des.js), RC2 (our own, rc2.ts). Each pair shares one
 * code path with a direction; PKCS#7 padding is added and removed here, not by the ciphers.
 */
import { cbc } from '@noble/ciphers/aes.js';
import desjs from 'des.js';
import { own } from '../input/bytes';
import { rc2CbcDecryptRaw, rc2CbcEncryptRaw } from './rc2';

/** Thrown when decryption "works" but the result is not validly padded: usually a wrong password. */
export class BadDecryptError extends Error {
  constructor(message = 'decryption produced invalid padding') {
    super(message);
    this.name = 'BadDecryptError';
  }
}

/** Appends PKCS#5/#7 padding (1..blockSize bytes, each the pad length). */
export function addPkcs7Padding(data: Uint8Array, blockSize: number): Uint8Array {
  const n = blockSize - (data.length % blockSize);
  const out = new Uint8Array(data.length + n);
  out.set(data);
  out.fill(n, data.length);
  return out;
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
export function aesCbcDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  return aesCbc('decrypt', key, iv, data);
}

/** AES-CBC encrypt with PKCS#7 padding added (the inverse of aesCbcDecrypt). */
export function aesCbcEncrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  return aesCbc('encrypt', key, iv, data);
}

async function aesCbc(direction: 'encrypt' | 'decrypt', key: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  if (![16, 24, 32].includes(key.length)) throw new Error(`AES key of ${key.length} bytes`);
  if (iv.length !== 16) throw new Error('AES-CBC needs a 16-byte IV');
  if (direction === 'decrypt' && (data.length === 0 || data.length % 16 !== 0)) throw new BadDecryptError('ciphertext is not a whole number of AES blocks');
  const subtle = globalThis.crypto?.subtle;
  if (subtle && !aesOptions.forceFallback) {
    let k: CryptoKey | null = null;
    const keyCopy = own(key);
    try {
      k = await subtle.importKey('raw', keyCopy, { name: 'AES-CBC' }, false, [direction]);
    } catch {
      k = null; // e.g. Chromium: AES-192 is not supported; fall back below.
    } finally {
      keyCopy.fill(0);
    }
    if (k) {
      const input = own(data);
      try {
        return new Uint8Array(await subtle[direction]({ name: 'AES-CBC', iv: own(iv) }, k, input));
      } catch (e) {
        // WebCrypto reports bad padding as a generic OperationError.
        if (direction === 'decrypt') throw new BadDecryptError();
        throw e;
      } finally {
        input.fill(0);
      }
    }
  }
  if (direction === 'encrypt') {
    const padded = addPkcs7Padding(data, 16);
    try {
      return cbc(key, iv, { disablePadding: true }).encrypt(padded);
    } finally {
      padded.fill(0);
    }
  }
  const raw = cbc(key, iv, { disablePadding: true }).decrypt(data);
  return removePkcs7Padding(raw, 16);
}

function desFamily(direction: 'encrypt' | 'decrypt', cipher: 'DES' | 'EDE', key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  if (iv.length !== 8) throw new Error('DES-CBC needs an 8-byte IV');
  if (direction === 'decrypt' && (data.length === 0 || data.length % 8 !== 0)) throw new BadDecryptError('ciphertext is not a whole number of DES blocks');
  const base = cipher === 'DES' ? desjs.DES : desjs.EDE;
  const keyWords = Array.from(key);
  const input = direction === 'encrypt' ? addPkcs7Padding(data, 8) : data;
  try {
    const d = desjs.CBC.instantiate(base).create({ type: direction, key: keyWords, iv: Array.from(iv), padding: false });
    const out = Uint8Array.from([...d.update(input), ...d.final()]);
    return direction === 'encrypt' ? out : removePkcs7Padding(out, 8);
  } finally {
    keyWords.fill(0);
    if (input !== data) input.fill(0);
  }
}

/** A 16-byte two-key 3DES key expanded to K1|K2|K1; a 24-byte key as it is. */
function des3Key(key: Uint8Array): Uint8Array {
  if (key.length === 16) {
    const e = new Uint8Array(24);
    e.set(key);
    e.set(key.subarray(0, 8), 16);
    return e;
  }
  if (key.length !== 24) throw new Error(`3DES key of ${key.length} bytes`);
  return key;
}

function des3Cbc(direction: 'encrypt' | 'decrypt', key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  const k = des3Key(key);
  try {
    return desFamily(direction, 'EDE', k, iv, data);
  } finally {
    if (k !== key) k.fill(0);
  }
}

/** 3DES-CBC (24-byte key; a 16-byte two-key key is expanded to K1|K2|K1). */
export function des3CbcDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  return des3Cbc('decrypt', key, iv, data);
}

/** The inverse of des3CbcDecrypt (PKCS#7 padding added). */
export function des3CbcEncrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  return des3Cbc('encrypt', key, iv, data);
}

export function desCbcDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  if (key.length !== 8) throw new Error(`DES key of ${key.length} bytes`);
  return desFamily('decrypt', 'DES', key, iv, data);
}

export function desCbcEncrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  if (key.length !== 8) throw new Error(`DES key of ${key.length} bytes`);
  return desFamily('encrypt', 'DES', key, iv, data);
}

export function rc2CbcDecrypt(key: Uint8Array, effectiveBits: number, iv: Uint8Array, data: Uint8Array): Uint8Array {
  if (data.length === 0 || data.length % 8 !== 0) throw new BadDecryptError('ciphertext is not a whole number of RC2 blocks');
  return removePkcs7Padding(rc2CbcDecryptRaw(key, effectiveBits, iv, data), 8);
}

/** The inverse of rc2CbcDecrypt (PKCS#7 padding added). */
export function rc2CbcEncrypt(key: Uint8Array, effectiveBits: number, iv: Uint8Array, data: Uint8Array): Uint8Array {
  const padded = addPkcs7Padding(data, 8);
  try {
    return rc2CbcEncryptRaw(key, effectiveBits, iv, padded);
  } finally {
    padded.fill(0);
  }
}
