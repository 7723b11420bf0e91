/**
 * RC2 (RFC 2268) block cipher with an effective key length, and CBC decryption and encryption.
 * Used to open legacy PKCS#12 files (pbeWithSHAAnd40BitRC2-CBC, …128BitRC2-CBC) and, only when a
 * person asks for it in a custom profile, to write one.
 */

/** RFC 2268 section 2 PITABLE (a permutation of 0..255 from the digits of pi). */
const PITABLE = Uint8Array.from(
  [
    'd9 78 f9 c4 19 dd b5 ed 28 e9 fd 79 4a a0 d8 9d',
    'c6 7e 37 83 2b 76 53 8e 62 4c 64 88 44 8b fb a2',
    '17 9a 59 f5 87 b3 4f 13 61 45 6d 8d 09 81 7d 32',
    'bd 8f 40 eb 86 b7 7b 0b f0 95 21 22 5c 6b 4e 82',
    '54 d6 65 93 ce 60 b2 1c 73 56 c0 14 a7 8c f1 dc',
    '12 75 ca 1f 3b be e4 d1 42 3d d4 30 a3 3c b6 26',
    '6f bf 0e da 46 69 07 57 27 f2 1d 9b bc 94 43 03',
    'f8 11 c7 f6 90 ef 3e e7 06 c3 d5 2f c8 66 1e d7',
    '08 e8 ea de 80 52 ee f7 84 aa 72 ac 35 4d 6a 2a',
    '96 1a d2 71 5a 15 49 74 4b 9f d0 5e 04 18 a4 ec',
    'c2 e0 41 6e 0f 51 cb cc 24 91 af 50 a1 f4 70 39',
    '99 7c 3a 85 23 b8 b4 7a fc 02 36 5b 25 55 97 31',
    '2d 5d fa 98 e3 8a 92 ae 05 df 29 10 67 6c ba c9',
    'd3 00 e6 cf e1 9e a8 2c 63 16 01 3f 58 e2 89 a9',
    '0d 38 34 1b ab 33 ff b0 bb 48 0c 5f b9 b1 cd 2e',
    'c5 f3 db 47 e5 a5 9c 77 0a a6 20 68 fe 7f c1 ad',
  ]
    .join(' ')
    .split(' ')
    .map((h) => parseInt(h, 16)),
);

/** Expands a key (1..128 bytes) to the 64 16-bit key words for `effectiveBits` (1..1024). */
export function rc2ExpandKey(key: Uint8Array, effectiveBits: number): Uint16Array {
  const t = key.length;
  if (t < 1 || t > 128) throw new Error('RC2 key must have 1 to 128 bytes');
  if (effectiveBits < 1 || effectiveBits > 1024) throw new Error('RC2 effective key bits must be 1 to 1024');
  const l = new Uint8Array(128);
  l.set(key);
  for (let i = t; i < 128; i++) l[i] = PITABLE[((l[i - 1] ?? 0) + (l[i - t] ?? 0)) & 0xff] ?? 0;
  const t8 = Math.ceil(effectiveBits / 8);
  const tm = 0xff >> (8 * t8 - effectiveBits);
  l[128 - t8] = PITABLE[(l[128 - t8] ?? 0) & tm] ?? 0;
  for (let i = 127 - t8; i >= 0; i--) l[i] = PITABLE[(l[i + 1] ?? 0) ^ (l[i + t8] ?? 0)] ?? 0;
  const k = new Uint16Array(64);
  for (let i = 0; i < 64; i++) k[i] = (l[2 * i] ?? 0) | ((l[2 * i + 1] ?? 0) << 8);
  return k;
}

const S = [1, 2, 3, 5] as const;
const rotl = (x: number, s: number): number => ((x << s) | (x >>> (16 - s))) & 0xffff;
const rotr = (x: number, s: number): number => ((x >>> s) | (x << (16 - s))) & 0xffff;

function load(src: Uint8Array, off: number): number[] {
  const r: number[] = [];
  for (let i = 0; i < 4; i++) r.push((src[off + 2 * i] ?? 0) | ((src[off + 2 * i + 1] ?? 0) << 8));
  return r;
}
function store(r: readonly number[], dst: Uint8Array, off: number): void {
  for (let i = 0; i < 4; i++) {
    const v = r[i] ?? 0;
    dst[off + 2 * i] = v & 0xff;
    dst[off + 2 * i + 1] = v >>> 8;
  }
}
const at = (r: readonly number[], i: number): number => r[(i + 4) & 3] ?? 0;

/** Encrypts one 8-byte block (used by tests: the RFC vectors are encryption vectors). */
export function rc2EncryptBlock(k: Uint16Array, src: Uint8Array, off = 0, dst: Uint8Array = new Uint8Array(8), doff = 0): Uint8Array {
  const r = load(src, off);
  let j = 0;
  const mix = (): void => {
    for (let i = 0; i < 4; i++) {
      const v = (at(r, i) + (k[j] ?? 0) + (at(r, i - 1) & at(r, i - 2)) + (~at(r, i - 1) & at(r, i - 3))) & 0xffff;
      j++;
      r[i] = rotl(v, S[i] ?? 1);
    }
  };
  const mash = (): void => {
    for (let i = 0; i < 4; i++) r[i] = (at(r, i) + (k[at(r, i - 1) & 63] ?? 0)) & 0xffff;
  };
  for (let n = 0; n < 5; n++) mix();
  mash();
  for (let n = 0; n < 6; n++) mix();
  mash();
  for (let n = 0; n < 5; n++) mix();
  store(r, dst, doff);
  return dst;
}

export function rc2DecryptBlock(k: Uint16Array, src: Uint8Array, off = 0, dst: Uint8Array = new Uint8Array(8), doff = 0): Uint8Array {
  const r = load(src, off);
  let j = 63;
  const mix = (): void => {
    for (let i = 3; i >= 0; i--) {
      const v = rotr(at(r, i), S[i] ?? 1);
      r[i] = (v - (k[j] ?? 0) - (at(r, i - 1) & at(r, i - 2)) - (~at(r, i - 1) & at(r, i - 3))) & 0xffff;
      j--;
    }
  };
  const mash = (): void => {
    for (let i = 3; i >= 0; i--) r[i] = (at(r, i) - (k[at(r, i - 1) & 63] ?? 0)) & 0xffff;
  };
  for (let n = 0; n < 5; n++) mix();
  mash();
  for (let n = 0; n < 6; n++) mix();
  mash();
  for (let n = 0; n < 5; n++) mix();
  store(r, dst, doff);
  return dst;
}

/** RC2-CBC decryption without padding removal (see `removePkcs7Padding`). */
export function rc2CbcDecryptRaw(key: Uint8Array, effectiveBits: number, iv: Uint8Array, data: Uint8Array): Uint8Array {
  if (iv.length !== 8) throw new Error('RC2-CBC needs an 8-byte IV');
  if (data.length === 0 || data.length % 8 !== 0) throw new Error('RC2-CBC ciphertext is not a whole number of blocks');
  const k = rc2ExpandKey(key, effectiveBits);
  const out = new Uint8Array(data.length);
  let prev = iv;
  for (let off = 0; off < data.length; off += 8) {
    rc2DecryptBlock(k, data, off, out, off);
    for (let i = 0; i < 8; i++) out[off + i] = (out[off + i] ?? 0) ^ (prev[i] ?? 0);
    prev = data.subarray(off, off + 8);
  }
  return out;
}

/** RC2-CBC encryption of whole blocks (padding added by the caller; see `addPkcs7Padding`). */
export function rc2CbcEncryptRaw(key: Uint8Array, effectiveBits: number, iv: Uint8Array, data: Uint8Array): Uint8Array {
  if (iv.length !== 8) throw new Error('RC2-CBC needs an 8-byte IV');
  if (data.length % 8 !== 0) throw new Error('RC2-CBC plaintext is not a whole number of blocks');
  const k = rc2ExpandKey(key, effectiveBits);
  const out = new Uint8Array(data.length);
  const block = new Uint8Array(8);
  let prev: Uint8Array = iv;
  for (let off = 0; off < data.length; off += 8) {
    for (let i = 0; i < 8; i++) block[i] = (data[off + i] ?? 0) ^ (prev[i] ?? 0);
    rc2EncryptBlock(k, block, 0, out, off);
    prev = out.subarray(off, off + 8);
  }
  block.fill(0);
  k.fill(0);
  return out;
}
