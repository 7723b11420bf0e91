import { describe, expect, it } from 'vitest';
import { encBitString, encNull, encOid, encSeq, encCtx, encInt, encOctets, encUint } from '../input/der';
import type { PublicKeyModel } from '../model';
import { createVerifier, ecdsaDerToP1363 } from './signature';
import { own } from '../input/bytes';

const subtle = globalThis.crypto.subtle;
const TBS = encSeq(encOctets(new TextEncoder().encode('to be signed')));

function keyModel(algorithm: PublicKeyModel['algorithm'], spki: ArrayBuffer, curve: string | null = null): PublicKeyModel {
  return { algorithm, algorithmOid: '', bits: null, curve, spkiDer: new Uint8Array(spki), spkiSha256Hex: '', spkiSha256Base64: '' };
}

function signed(algId: Uint8Array, sig: Uint8Array): Uint8Array {
  return encSeq(TBS, algId, encBitString(sig));
}

/** P1363 r||s to DER ECDSA-Sig-Value. */
function p1363ToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  return encSeq(encUint(raw.slice(0, half)), encUint(raw.slice(half)));
}

const HASH_OIDS: Record<string, string> = { 'SHA-256': '2.16.840.1.101.3.4.2.1', 'SHA-384': '2.16.840.1.101.3.4.2.2' };

describe('ecdsaDerToP1363', () => {
  const rows: [Uint8Array, number, string | null, string][] = [
    [encSeq(encUint(Uint8Array.of(1)), encUint(Uint8Array.of(2))), 2, '00010002', 'small integers are left-padded'],
    [encSeq(encUint(Uint8Array.of(0xff)), encUint(Uint8Array.of(0x80))), 1, 'ff80', 'leading 00 of positive integers is stripped'],
    [encSeq(encUint(Uint8Array.of(1, 2, 3))), 2, null, 'one integer only is an error'],
    [encSeq(encUint(Uint8Array.of(1, 2, 3)), encUint(Uint8Array.of(1))), 2, null, 'an integer longer than the field is an error'],
    [Uint8Array.of(1, 2), 2, null, 'not DER at all'],
  ];
  it.each(rows)('%#: %s', (input, size, expected, _why) => {
    const out = ecdsaDerToP1363(input, size);
    expect(out ? Buffer.from(out).toString('hex') : null).toBe(expected);
  });
});

describe('createVerifier', () => {
  const verifier = createVerifier();

  it('verifies ECDSA P-256 and P-384 (DER signature converted), and rejects a tampered one', async () => {
    for (const [curve, hash, oid] of [['P-256', 'SHA-256', '1.2.840.10045.4.3.2'], ['P-384', 'SHA-384', '1.2.840.10045.4.3.3']] as const) {
      const kp = await subtle.generateKey({ name: 'ECDSA', namedCurve: curve }, true, ['sign', 'verify']);
      const raw = new Uint8Array(await subtle.sign({ name: 'ECDSA', hash }, kp.privateKey, own(TBS)));
      const key = keyModel('EC', await subtle.exportKey('spki', kp.publicKey), curve);
      expect((await verifier.verify(signed(encSeq(encOid(oid)), p1363ToDer(raw)), key)).status).toBe('valid');
      const bad = raw.slice();
      bad[5] = (bad[5] ?? 0) ^ 1;
      expect((await verifier.verify(signed(encSeq(encOid(oid)), p1363ToDer(bad)), key)).status).toBe('invalid');
    }
  });

  it('verifies RSA PKCS#1 v1.5 and RSA-PSS with explicit parameters', async () => {
    const params = { modulusLength: 2048, publicExponent: Uint8Array.of(1, 0, 1), hash: 'SHA-256' };
    const kp = await subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', ...params }, true, ['sign', 'verify']);
    const key = keyModel('RSA', await subtle.exportKey('spki', kp.publicKey));
    const sig = new Uint8Array(await subtle.sign({ name: 'RSASSA-PKCS1-v1_5' }, kp.privateKey, own(TBS)));
    expect((await verifier.verify(signed(encSeq(encOid('1.2.840.113549.1.1.11'), encNull()), sig), key)).status).toBe('valid');
    // Same key, wrong hash claimed.
    expect((await verifier.verify(signed(encSeq(encOid('1.2.840.113549.1.1.12'), encNull()), sig), key)).status).toBe('invalid');

    const pkcs8 = await subtle.exportKey('pkcs8', kp.privateKey);
    const pssKey = await subtle.importKey('pkcs8', pkcs8, { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['sign']);
    const pssSig = new Uint8Array(await subtle.sign({ name: 'RSA-PSS', saltLength: 32 }, pssKey, own(TBS)));
    const hashAlg = encSeq(encOid(HASH_OIDS['SHA-256'] ?? ''));
    const pssParams = encSeq(encCtx(0, hashAlg), encCtx(1, encSeq(encOid('1.2.840.113549.1.1.8'), hashAlg)), encCtx(2, encInt(32)));
    expect((await verifier.verify(signed(encSeq(encOid('1.2.840.113549.1.1.10'), pssParams), pssSig), key)).status).toBe('valid');
    const mixed = encSeq(encCtx(0, hashAlg), encCtx(1, encSeq(encOid('1.2.840.113549.1.1.8'), encSeq(encOid(HASH_OIDS['SHA-384'] ?? '')))), encCtx(2, encInt(32)));
    const r = await verifier.verify(signed(encSeq(encOid('1.2.840.113549.1.1.10'), mixed), pssSig), key);
    expect(r.status).toBe('unsupported');
    expect(r.detail).toMatch(/^unsupported: cannot verify in this browser\/engine/u);
  });

  it('verifies Ed25519', async () => {
    const kp = (await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const sig = new Uint8Array(await subtle.sign({ name: 'Ed25519' }, kp.privateKey, own(TBS)));
    const key = keyModel('Ed25519', await subtle.exportKey('spki', kp.publicKey));
    expect((await verifier.verify(signed(encSeq(encOid('1.3.101.112')), sig), key)).status).toBe('valid');
  });

  const unsupportedRows: [string, string][] = [
    ['1.2.840.113549.1.1.4', 'MD5 with RSA'],
    ['1.2.840.113549.1.1.2', 'MD2 with RSA'],
    ['1.3.101.113', 'Ed448'],
    ['1.2.840.10040.4.3', 'DSA'],
    ['1.2.840.113549.1.1.14', 'SHA-224 with RSA'],
    ['1.2.3.4', 'unknown algorithm'],
  ];
  it.each(unsupportedRows)('%s (%s) is unsupported, never a pass', async (oid, _why) => {
    const r = await verifier.verify(signed(encSeq(encOid(oid)), Uint8Array.of(1)), keyModel('RSA', new ArrayBuffer(0)));
    expect(r.status).toBe('unsupported');
  });

  it('a key of the wrong family is invalid, not an exception', async () => {
    const kp = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const key = keyModel('EC', await subtle.exportKey('spki', kp.publicKey), 'P-256');
    expect((await verifier.verify(signed(encSeq(encOid('1.2.840.113549.1.1.11')), Uint8Array.of(1)), key)).status).toBe('invalid');
    const brainpool = keyModel('EC', await subtle.exportKey('spki', kp.publicKey), 'brainpoolP256r1');
    expect((await verifier.verify(signed(encSeq(encOid('1.2.840.10045.4.3.2')), Uint8Array.of(1)), brainpool)).status).toBe('unsupported');
  });
});
