/**
 * The PKCS#12 key-derivation function (RFC 7292 appendix B.2), synchronous with @noble/hashes.
 * It derives cipher keys (ID 1), IVs (ID 2) and MAC keys (ID 3) for PKCS#12 PBE and the
 * classic PKCS#12 HMAC. It is not PBKDF2 (that one goes through WebCrypto only).
 */
import { blake2b, blake2s } from '@noble/hashes/blake2.js';
import { md5, ripemd160, sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512, sha512_224, sha512_256 } from '@noble/hashes/sha2.js';
import { sha3_224, sha3_256, sha3_384, sha3_512 } from '@noble/hashes/sha3.js';
import { iterateHash } from './hash-iterate';

export type Pkcs12Hash = 'SHA-1' | 'SHA-224' | 'SHA-256' | 'SHA-384' | 'SHA-512';
/**
 * Digests a PKCS#12 MAC may use: every one OpenSSL 3 reads with its default and legacy providers
 * that @noble/hashes has (the same code in Node and in the browser; WebCrypto has none of the extra ones).
 */
export type MacHash = Pkcs12Hash | 'MD5' | 'RIPEMD-160' | 'SHA-512/224' | 'SHA-512/256' | 'SHA3-224' | 'SHA3-256' | 'SHA3-384' | 'SHA3-512' | 'BLAKE2b-512' | 'BLAKE2s-256';

interface HashSpec {
  readonly fn: (data: Uint8Array) => Uint8Array;
  /** Output size u in bytes. */
  readonly u: number;
  /** Block size v in bytes (EVP_MD_block_size: the rate for SHA-3). */
  readonly v: number;
}

const HASHES: Record<MacHash, HashSpec> = {
  'SHA-1': { fn: (d) => sha1(d), u: 20, v: 64 },
  'SHA-224': { fn: (d) => sha224(d), u: 28, v: 64 },
  'SHA-256': { fn: (d) => sha256(d), u: 32, v: 64 },
  'SHA-384': { fn: (d) => sha384(d), u: 48, v: 128 },
  'SHA-512': { fn: (d) => sha512(d), u: 64, v: 128 },
  MD5: { fn: (d) => md5(d), u: 16, v: 64 },
  'RIPEMD-160': { fn: (d) => ripemd160(d), u: 20, v: 64 },
  'SHA-512/224': { fn: (d) => sha512_224(d), u: 28, v: 128 },
  'SHA-512/256': { fn: (d) => sha512_256(d), u: 32, v: 128 },
  'SHA3-224': { fn: (d) => sha3_224(d), u: 28, v: 144 },
  'SHA3-256': { fn: (d) => sha3_256(d), u: 32, v: 136 },
  'SHA3-384': { fn: (d) => sha3_384(d), u: 48, v: 104 },
  'SHA3-512': { fn: (d) => sha3_512(d), u: 64, v: 72 },
  'BLAKE2b-512': { fn: (d) => blake2b(d), u: 64, v: 128 },
  'BLAKE2s-256': { fn: (d) => blake2s(d), u: 32, v: 64 },
};

/** The @noble/hashes function of a MAC digest (for HMAC where WebCrypto lacks it). */
export const NOBLE_HASH = { MD5: md5, 'RIPEMD-160': ripemd160, 'SHA-224': sha224, 'SHA-512/224': sha512_224, 'SHA-512/256': sha512_256, 'SHA3-224': sha3_224, 'SHA3-256': sha3_256, 'SHA3-384': sha3_384, 'SHA3-512': sha3_512, 'BLAKE2b-512': blake2b, 'BLAKE2s-256': blake2s } as const;

const isPkcs12Hash = (h: MacHash): h is Pkcs12Hash => h === 'SHA-1' || h === 'SHA-224' || h === 'SHA-256' || h === 'SHA-384' || h === 'SHA-512';

export function hashOutputLength(hash: MacHash): number {
  return HASHES[hash].u;
}

/** BMPString password bytes: UTF-16BE plus two zero bytes; `null` (absent) gives no bytes at all. */
export function bmpPassword(password: string | null): Uint8Array {
  if (password === null) return new Uint8Array(0);
  const out = new Uint8Array(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) {
    const c = password.charCodeAt(i);
    out[2 * i] = c >> 8;
    out[2 * i + 1] = c & 0xff;
  }
  return out;
}

function repeatTo(src: Uint8Array, v: number): Uint8Array {
  if (src.length === 0) return new Uint8Array(0);
  const n = v * Math.ceil(src.length / v);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = src[i % src.length] ?? 0;
  return out;
}

/**
 * Derives `n` bytes. `id`: 1 key material, 2 IV, 3 MAC key. `password` is the already encoded
 * BMPString (see bmpPassword).
 */
export function pkcs12Kdf(hash: MacHash, password: Uint8Array, salt: Uint8Array, iterations: number, id: 1 | 2 | 3, n: number): Uint8Array {
  const { fn, u, v } = HASHES[hash];
  if (!Number.isInteger(iterations) || iterations < 1) throw new Error(`invalid iteration count ${iterations}`);
  const d = new Uint8Array(v).fill(id);
  const i = new Uint8Array([...repeatTo(salt, v), ...repeatTo(password, v)]);
  const c = Math.ceil(n / u);
  const out = new Uint8Array(c * u);
  const di = new Uint8Array(v + i.length);
  for (let block = 0; block < c; block++) {
    di.set(d, 0);
    di.set(i, v);
    let a = fn(di);
    if (iterations > 1) {
      const fast = isPkcs12Hash(hash) ? iterateHash(hash, a, iterations - 1) : null;
      if (fast) a = fast;
      else for (let r = 1; r < iterations; r++) a = fn(a);
    }
    out.set(a, block * u);
    if (block === c - 1) break;
    // B = A repeated to v bytes; every v-byte block of I becomes (I_j + B + 1) mod 2^(8v).
    const b = new Uint8Array(v);
    for (let k = 0; k < v; k++) b[k] = a[k % u] ?? 0;
    for (let j = 0; j < i.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const s = (i[j + k] ?? 0) + (b[k] ?? 0) + carry;
        i[j + k] = s & 0xff;
        carry = s >> 8;
      }
    }
  }
  return out.subarray(0, n);
}
