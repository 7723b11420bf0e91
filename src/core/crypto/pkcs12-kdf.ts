/**
 * The PKCS#12 key-derivation function (RFC 7292 appendix B.2), synchronous with @noble/hashes.
 * It derives cipher keys (ID 1), IVs (ID 2) and MAC keys (ID 3) for PKCS#12 PBE and the
 * classic PKCS#12 HMAC. It is not PBKDF2 (that one goes through WebCrypto only).
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { iterateHash } from './hash-iterate';

export type Pkcs12Hash = 'SHA-1' | 'SHA-224' | 'SHA-256' | 'SHA-384' | 'SHA-512';

interface HashSpec {
  readonly fn: (data: Uint8Array) => Uint8Array;
  /** Output size u in bytes. */
  readonly u: number;
  /** Block size v in bytes. */
  readonly v: number;
}

const HASHES: Record<Pkcs12Hash, HashSpec> = {
  'SHA-1': { fn: (d) => sha1(d), u: 20, v: 64 },
  'SHA-224': { fn: (d) => sha224(d), u: 28, v: 64 },
  'SHA-256': { fn: (d) => sha256(d), u: 32, v: 64 },
  'SHA-384': { fn: (d) => sha384(d), u: 48, v: 128 },
  'SHA-512': { fn: (d) => sha512(d), u: 64, v: 128 },
};

export function hashOutputLength(hash: Pkcs12Hash): number {
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
export function pkcs12Kdf(hash: Pkcs12Hash, password: Uint8Array, salt: Uint8Array, iterations: number, id: 1 | 2 | 3, n: number): Uint8Array {
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
      const fast = iterateHash(hash, a, iterations - 1);
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
