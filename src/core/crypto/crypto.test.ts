import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { cbc } from '@noble/ciphers/aes.js';
import { fromHex, toHex } from '../input/bytes';
import { aesCbcDecrypt, aesOptions, BadDecryptError, des3CbcDecrypt, desCbcDecrypt, removePkcs7Padding } from './ciphers';
import { bmpPassword, pkcs12Kdf, type Pkcs12Hash } from './pkcs12-kdf';
import { hmacSign } from './mac';
import { iterateHash } from './hash-iterate';
import { sha1 as nobleSha1 } from '@noble/hashes/legacy.js';
import { sha224 as nobleSha224, sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { opensslAvailable, OpensslWorkdir } from '../input/testing/openssl';

// PKCS#12 KDF (RFC 7292 B.2) vectors published by Dr S. Henson (drh-consultancy test.txt, SHA-1).
const KDF: readonly [string, string, number, 1 | 2 | 3, number, string, string][] = [
  ['smeg', '0a58cf64530d823f', 1, 1, 24, '8aaae6297b6cb04642ab5b077851284eb7128f1a2a7fbca3', 'key, 1 iteration'],
  ['smeg', '0a58cf64530d823f', 1, 2, 8, '79993dfe048d3b76', 'IV, 1 iteration'],
  ['smeg', '642b99ab44fb4b1f', 1, 1, 24, 'f3a95fec48d7711e985cfe67908c5ab79fa3d7c5caa5d966', 'key, second salt'],
  ['smeg', '642b99ab44fb4b1f', 1, 2, 8, 'c0a38d64a79bea1d', 'IV, second salt'],
  ['smeg', '3d83c0e4546ac140', 1, 3, 20, '8d967d88f6caa9d714800ab3d48051d63f73a312', 'MAC key'],
  ['queeg', '05dec959acff72f7', 1000, 1, 24, 'ed2034e36328830ff09df1e1a07dd357185dac0d4f9eb3d4', 'key, 1000 iterations'],
  ['queeg', '05dec959acff72f7', 1000, 2, 8, '11dedad7758d4860', 'IV, 1000 iterations'],
  ['queeg', '1682c0fc5b3f7ec5', 1000, 1, 24, '483dd6e919d7de2e8e648ba8f862f3fbfbdc2bcb2c02957f', 'key, 1000 iterations, other salt'],
];

describe('PKCS#12 KDF', () => {
  it.each(KDF.map(([p, s, i, id, n, out, why]) => [why, p, s, i, id, n, out] as const))('%s', (_why, p, s, i, id, n, out) => {
    expect(toHex(pkcs12Kdf('SHA-1', bmpPassword(p), fromHex(s), i, id, n))).toBe(out);
  });

  const PW: readonly [string | null, string, string][] = [
    ['smeg', '0073006d006500670000', 'UTF-16BE plus two zero bytes'],
    ['', '0000', 'empty password is just the terminator'],
    [null, '', 'absent password is no bytes at all'],
    ['ä☺', '00e4263a0000', 'non-ASCII in the BMP'],
  ];
  it.each(PW.map(([p, hex, why]) => [why, p, hex] as const))('BMPString: %s', (_why, p, hex) => {
    expect(toHex(bmpPassword(p))).toBe(hex);
  });

  it.each(['SHA-1', 'SHA-224', 'SHA-256', 'SHA-384', 'SHA-512'] as Pkcs12Hash[])('derives any length with %s', (h) => {
    const a = pkcs12Kdf(h, bmpPassword('x'), fromHex('aabbccdd'), 3, 1, 100);
    expect(a).toHaveLength(100);
    expect(toHex(pkcs12Kdf(h, bmpPassword('x'), fromHex('aabbccdd'), 3, 1, 10))).toBe(toHex(a.subarray(0, 10)));
  });

  it('rejects a zero iteration count', () => {
    expect(() => pkcs12Kdf('SHA-1', bmpPassword('x'), new Uint8Array(8), 0, 1, 8)).toThrow();
  });
});

describe('padding', () => {
  const ROWS: readonly [string, number, string | null, string][] = [
    ['0102030405060708 0808080808080808', 8, '0102030405060708', 'full padding block'],
    ['0102030405060703 0303', 8, null, 'not whole blocks'],
    ['0102030405060700', 8, null, 'zero pad byte'],
    ['0102030405060709', 8, null, 'pad byte above block size'],
    ['0102030405020302', 8, null, 'inconsistent pad bytes'],
    ['0102030405060701', 8, '01020304050607', 'one pad byte'],
  ];
  it.each(ROWS.map(([i, b, o, why]) => [why, i, b, o] as const))('%s', (_why, input, bs, out) => {
    const data = fromHex(input.replace(/ /g, ''));
    if (out === null) expect(() => removePkcs7Padding(data, bs)).toThrow(BadDecryptError);
    else expect(toHex(removePkcs7Padding(data, bs))).toBe(out);
  });
});

describe('AES-CBC', () => {
  afterEach(() => {
    aesOptions.forceFallback = false;
    vi.restoreAllMocks();
  });
  const iv = fromHex('000102030405060708090a0b0c0d0e0f');
  const pt = new TextEncoder().encode('The quick brown fox jumps over the lazy dog.');
  const KEYS: readonly [string, string][] = [
    ['2b7e151628aed2a6abf7158809cf4f3c', 'AES-128'],
    ['8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b', 'AES-192'],
    ['603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4', 'AES-256'],
  ];
  // NIST SP 800-38A F.2 first CBC blocks, with a padding block appended by encryption.
  it.each(KEYS.map(([k, why]) => [why, k] as const))('%s: WebCrypto and the pure-JS fallback agree', async (_why, k) => {
    const key = fromHex(k);
    const ct = cbc(key, iv).encrypt(pt);
    expect(new TextDecoder().decode(await aesCbcDecrypt(key, iv, ct))).toBe(new TextDecoder().decode(pt));
    aesOptions.forceFallback = true;
    expect(new TextDecoder().decode(await aesCbcDecrypt(key, iv, ct))).toBe(new TextDecoder().decode(pt));
  });

  it('NIST SP 800-38A CBC-AES192 first block', async () => {
    const key = fromHex(KEYS[1]?.[0] ?? '');
    const raw = cbc(key, iv, { disablePadding: true }).decrypt(fromHex('4f021db243bc633d7178183a9fa071e8'));
    expect(toHex(raw)).toBe('6bc1bee22e409f96e93d7e117393172a');
  });

  it('falls back when WebCrypto refuses a key size (Chromium has no AES-192)', async () => {
    const key = fromHex(KEYS[1]?.[0] ?? '');
    const ct = cbc(key, iv).encrypt(pt);
    const real = globalThis.crypto.subtle.importKey.bind(globalThis.crypto.subtle);
    const spy = vi.spyOn(globalThis.crypto.subtle, 'importKey').mockImplementation(((...args: Parameters<typeof real>) => {
      const [, data] = args;
      if (data instanceof Uint8Array && data.length === 24) return Promise.reject(new DOMException('AES key data must be 128 or 256 bits', 'OperationError'));
      return real(...args);
    }) as typeof real);
    expect(toHex(await aesCbcDecrypt(key, iv, ct))).toBe(toHex(pt));
    expect(spy).toHaveBeenCalled();
  });

  it('reports a wrong key as BadDecryptError on both paths', async () => {
    const ct = cbc(fromHex(KEYS[0]?.[0] ?? ''), iv).encrypt(pt);
    const wrong = new Uint8Array(16).fill(1);
    // A wrong key gives valid padding by chance about 1/256 of the time; this key does not.
    await expect(aesCbcDecrypt(wrong, iv, ct)).rejects.toBeInstanceOf(BadDecryptError);
    aesOptions.forceFallback = true;
    await expect(aesCbcDecrypt(wrong, iv, ct)).rejects.toBeInstanceOf(BadDecryptError);
  });
});

describe.skipIf(!opensslAvailable())('DES / 3DES against openssl enc', () => {
  const w = new OpensslWorkdir();
  afterAll(() => w.dispose());
  const pt = 'attack at dawn, attack at dusk!';
  const ROWS: readonly [string, string, string, string][] = [
    ['des-ede3-cbc', '0123456789abcdeffedcba987654321089abcdef01234567', '1122334455667788', '3-key 3DES'],
    ['des-ede-cbc', '0123456789abcdeffedcba9876543210', '1122334455667788', '2-key 3DES'],
    ['des-cbc', '0123456789abcdef', '1122334455667788', 'single DES'],
  ];
  it.each(ROWS.map(([c, k, iv, why]) => [why, c, k, iv] as const))('%s', (_why, cipher, k, iv) => {
    w.write('pt.txt', pt);
    const extra = cipher === 'des-cbc' ? ['-provider', 'legacy', '-provider', 'default'] : [];
    w.run('enc', `-${cipher}`, ...extra, '-K', k, '-iv', iv, '-in', '@pt.txt', '-out', `@${cipher}.bin`);
    const ct = w.read(`${cipher}.bin`);
    const out = cipher === 'des-cbc' ? desCbcDecrypt(fromHex(k), fromHex(iv), ct) : des3CbcDecrypt(fromHex(k), fromHex(iv), ct);
    expect(new TextDecoder().decode(out)).toBe(pt);
  });
});

describe('HMAC', () => {
  // RFC 4231 test case 2 ("Jefe").
  const key = new TextEncoder().encode('Jefe');
  const data = new TextEncoder().encode('what do ya want for nothing?');
  const ROWS: readonly [Pkcs12Hash, string][] = [
    ['SHA-224', 'a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44'],
    ['SHA-256', '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
  ];
  it.each(ROWS)('%s (RFC 4231 case 2)', async (h, out) => {
    expect(toHex(await hmacSign(h, key, data))).toBe(out);
  });
});

describe('fast iterated hashing (PKCS#12 KDF inner loop) agrees with @noble/hashes', () => {
  const ROWS: readonly [Pkcs12Hash, (d: Uint8Array) => Uint8Array, number][] = [
    ['SHA-1', (d) => nobleSha1(d), 20],
    ['SHA-224', (d) => nobleSha224(d), 28],
    ['SHA-256', (d) => nobleSha256(d), 32],
  ];
  it.each(ROWS)('%s', (h, fn, len) => {
    for (const count of [1, 2, 3, 17, 1000]) {
      const input = new Uint8Array(len);
      globalThis.crypto.getRandomValues(input);
      let expected: Uint8Array = input;
      for (let i = 0; i < count; i++) expected = fn(expected);
      expect(toHex(iterateHash(h, input, count) ?? new Uint8Array())).toBe(toHex(expected));
    }
  });
  it('has no fast path for SHA-512', () => {
    expect(iterateHash('SHA-512', new Uint8Array(64), 2)).toBeNull();
  });
});
