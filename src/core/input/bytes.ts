/** Small byte helpers shared by the input, crypto and keys modules (no Buffer, no node:). */
import { sha256Digest } from '../crypto/digest';

/** ASCII codes of the two hex digits of each byte value (lower case). */
const HEX_CODES: Uint8Array = (() => {
  const t = new Uint8Array(512);
  const digits = '0123456789abcdef';
  for (let i = 0; i < 256; i++) {
    t[2 * i] = digits.charCodeAt(i >> 4);
    t[2 * i + 1] = digits.charCodeAt(i & 15);
  }
  return t;
})();
const HEX_PAIRS: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const ASCII = new TextDecoder('latin1');
let hexScratch = new Uint8Array(1024);

/**
 * Lower-case hex of bytes, without garbage: the decoder calls this for every name, extension
 * value, fingerprint and key of every certificate, and
 * building the string two characters at a time left one short-lived string per byte (the largest
 * share of the decoder's allocations on a 10,000-certificate bundle). The digits go into one
 * reused buffer and become a string in one native call.
 */
export function toHex(bytes: Uint8Array): string {
  const n = bytes.length;
  if (n <= 4) {
    let s = '';
    for (let i = 0; i < n; i++) s += HEX_PAIRS[bytes[i] ?? 0];
    return s;
  }
  if (hexScratch.length < 2 * n) hexScratch = new Uint8Array(2 * n);
  const out = hexScratch;
  for (let i = 0, j = 0; i < n; i++, j += 2) {
    const k = (bytes[i] ?? 0) << 1;
    out[j] = HEX_CODES[k] ?? 0;
    out[j + 1] = HEX_CODES[k + 1] ?? 0;
  }
  return ASCII.decode(out.subarray(0, 2 * n));
}

export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || /[^0-9a-fA-F]/.test(hex)) throw new Error('invalid hex');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX: Int16Array = (() => {
  const t = new Int16Array(256).fill(-1);
  for (let i = 0; i < B64.length; i++) t[B64.charCodeAt(i)] = i;
  // URL-safe alphabet too.
  t['-'.charCodeAt(0)] = 62;
  t['_'.charCodeAt(0)] = 63;
  return t;
})();

/** Strict base64 decode of a string with whitespace already removed; throws on bad characters or length. */
export function fromBase64(b64: string): Uint8Array {
  let s = b64;
  let pad = 0;
  while (s.endsWith('=')) {
    s = s.slice(0, -1);
    pad++;
  }
  if (pad > 2) throw new Error('too much "=" padding');
  if (s.length % 4 === 1) throw new Error('base64 length is not valid');
  if (pad > 0 && (s.length + pad) % 4 !== 0) throw new Error('base64 padding does not match the length');
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < s.length; i++) {
    const v = B64_INDEX[s.charCodeAt(i)] ?? -1;
    if (v < 0) throw new Error(`invalid base64 character ${JSON.stringify(s[i])} at position ${i + 1}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    s += B64[(n >> 18) & 63];
    s += B64[(n >> 12) & 63];
    s += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=';
    s += i + 2 < bytes.length ? B64[n & 63] : '=';
  }
  return s;
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return d === 0;
}

/** A copy backed by its own ArrayBuffer (WebCrypto wants BufferSource over an ArrayBuffer). */
export function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(bytes.length));
  out.set(bytes);
  return out;
}

export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return sha256Digest(bytes);
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(await sha256(bytes));
}

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
