import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../input/bytes';
import { rc2CbcDecryptRaw, rc2DecryptBlock, rc2EncryptBlock, rc2ExpandKey } from './rc2';

// RFC 2268 section 5: every published test vector. [key, effective bits, plaintext, ciphertext, why]
const VECTORS: readonly [string, number, string, string, string][] = [
  ['0000000000000000', 63, '0000000000000000', 'ebb773f993278eff', 'all-zero key, 63 effective bits'],
  ['ffffffffffffffff', 64, 'ffffffffffffffff', '278b27e42e2f0d49', 'all-ones key and block'],
  ['3000000000000000', 64, '1000000000000001', '30649edf9be7d2c2', 'single set bits'],
  ['88', 64, '0000000000000000', '61a8a244adacccf0', '1-byte key'],
  ['88bca90e90875a', 64, '0000000000000000', '6ccf4308974c267f', '7-byte key'],
  ['88bca90e90875a7f0f79c384627bafb2', 64, '0000000000000000', '1a807d272bbe5db1', '16-byte key reduced to 64 bits'],
  ['88bca90e90875a7f0f79c384627bafb2', 128, '0000000000000000', '2269552ab0f85ca6', '16-byte key, 128 bits'],
  ['88bca90e90875a7f0f79c384627bafb216f80a6f85920584c42fceb0be255daf1e', 129, '0000000000000000', '5b78d3a43dfff1f1', '33-byte key, 129 bits'],
];

describe('RC2 (RFC 2268 section 5 vectors)', () => {
  it.each(VECTORS)('key %s bits %i: %s -> %s (%s)', (key, bits, pt, ct) => {
    const k = rc2ExpandKey(fromHex(key), bits);
    expect(toHex(rc2EncryptBlock(k, fromHex(pt)))).toBe(ct);
    expect(toHex(rc2DecryptBlock(k, fromHex(ct)))).toBe(pt);
  });

  it('CBC decrypt chains blocks with the IV', () => {
    const key = fromHex('88bca90e90875a7f0f79c384627bafb2');
    const k = rc2ExpandKey(key, 128);
    const iv = fromHex('0102030405060708');
    const pt = fromHex('00112233445566778899aabbccddeeff');
    // Encrypt CBC by hand.
    const c1 = rc2EncryptBlock(k, pt.subarray(0, 8).map((b, i) => b ^ (iv[i] ?? 0)));
    const c2 = rc2EncryptBlock(k, pt.subarray(8, 16).map((b, i) => b ^ (c1[i] ?? 0)));
    const ct = new Uint8Array([...c1, ...c2]);
    expect(toHex(rc2CbcDecryptRaw(key, 128, iv, ct))).toBe(toHex(pt));
  });

  const BAD: readonly [Uint8Array, number, string][] = [
    [new Uint8Array(0), 64, 'empty key'],
    [new Uint8Array(129), 64, 'key over 128 bytes'],
    [new Uint8Array(8), 0, 'zero effective bits'],
    [new Uint8Array(8), 1025, 'over 1024 effective bits'],
  ];
  it.each(BAD)('rejects bad key parameters (%#: %s)', (key, bits) => {
    expect(() => rc2ExpandKey(key, bits)).toThrow();
  });
});
