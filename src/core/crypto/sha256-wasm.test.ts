/**
 * The WebAssembly SHA-256 loop (sha256-wasm.ts) against the JavaScript one and @noble/hashes:
 * rows [input, count, why]. Also: turned off, the caller's JavaScript loop answers the same.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { toHex } from '../input/bytes';
import { iterateHash } from './hash-iterate';
import { iterateSha256Wasm, sha256IterateModule, sha256WasmOptions } from './sha256-wasm';

const nobleIterate = (input: Uint8Array, count: number): Uint8Array => {
  let a = input;
  for (let i = 0; i < count; i++) a = sha256(a);
  return a;
};
const bytes = (f: (i: number) => number): Uint8Array => Uint8Array.from({ length: 32 }, (_, i) => f(i));

describe('SHA-256 iterated in WebAssembly', () => {
  afterEach(() => {
    sha256WasmOptions.enabled = true;
  });
  const ROWS: readonly [Uint8Array, number, string][] = [
    [bytes(() => 0), 1, 'one compression of zeros'],
    [bytes(() => 0xff), 2, 'all ones: carries in every addition'],
    [bytes((i) => i * 37), 3, 'a few rounds'],
    [bytes((i) => (i * 131 + 7) & 0xff), 2048, 'OpenSSL’s default count'],
    [bytes((i) => 255 - i), 0, 'zero iterations: the input back'],
  ];
  it.each(ROWS.map(([input, count, why]) => [why, input, count] as const))('%s', (_why, input, count) => {
    const got = iterateSha256Wasm(input, count);
    expect(got, 'WebAssembly compiles in Node').not.toBeNull();
    expect(toHex(got ?? new Uint8Array(0))).toBe(toHex(nobleIterate(input, count)));
  });

  it('a 100,000-iteration run equals the JavaScript loop', () => {
    const input = bytes((i) => i);
    const wasm = iterateHash('SHA-256', input, 100_000);
    sha256WasmOptions.enabled = false;
    expect(iterateSha256Wasm(input, 1)).toBeNull();
    const js = iterateHash('SHA-256', input, 100_000);
    expect(toHex(wasm ?? new Uint8Array(0))).toBe(toHex(js ?? new Uint8Array(1)));
  });

  it('refuses what is not a 32-byte digest (the caller then uses JavaScript)', () => {
    expect(iterateSha256Wasm(new Uint8Array(31), 1)).toBeNull();
    expect(iterateSha256Wasm(new Uint8Array(32), -1)).toBeNull();
  });

  it('is a valid, small module', () => {
    const module = sha256IterateModule();
    expect(WebAssembly.validate(module as Uint8Array<ArrayBuffer>)).toBe(true);
    expect(module.length).toBeLessThan(16_000);
  });
});
