import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyAlgorithm, PrivateKeyModel } from '../model';
import { toHex } from '../input/bytes';
import { detectInputs } from '../input/detect';
import { opensslAvailable, OpensslWorkdir } from '../input/testing/openssl';
import { decodePrivateKey, evpBytesToKeyMd5, exportPrivateKeyPkcs8 } from './private-key';
import * as S from '../input/testing/shapes';

const LEGACY = ['-provider', 'legacy', '-provider', 'default'];
interface Row {
  readonly file: string;
  /** openssl commands producing `file` from the base key (`@<base>.pem`), run in order. */
  readonly make: readonly (readonly string[])[];
  readonly base: 'rsa' | 'ec' | 'ec384' | 'k1' | 'ed25519' | 'x25519' | 'ed448' | 'dsa';
  readonly passwords: readonly string[];
  readonly algorithm: KeyAlgorithm;
  readonly bits: number;
  readonly curve: string | null;
  readonly encoding: PrivateKeyModel['encoding'];
  readonly cipher: string | null;
  readonly why: string;
}
const p8 = (base: string, file: string, ...opts: string[]): string[] => ['pkcs8', '-topk8', '-in', `@${base}.pem`, '-out', `@${file}`, ...opts];
const ROWS: readonly Row[] = [
  { file: 'rsa.pem', make: [], base: 'rsa', passwords: [], algorithm: 'RSA', bits: 2048, curve: null, encoding: 'pkcs8', cipher: null, why: 'RSA PKCS#8' },
  { file: 'rsa1.pem', make: [['rsa', '-in', '@rsa.pem', '-traditional', '-out', '@rsa1.pem']], base: 'rsa', passwords: [], algorithm: 'RSA', bits: 2048, curve: null, encoding: 'pkcs1', cipher: null, why: 'RSA PKCS#1' },
  { file: 'rsa-aes128.p8', make: [p8('rsa', 'rsa-aes128.p8', '-v2', 'aes-128-cbc', '-passout', 'pass:pw')], base: 'rsa', passwords: ['pw'], algorithm: 'RSA', bits: 2048, curve: null, encoding: 'pkcs8-encrypted', cipher: 'AES-128-CBC', why: 'PBES2 AES-128' },
  { file: 'rsa-aes192.p8', make: [p8('rsa', 'rsa-aes192.p8', '-v2', 'aes-192-cbc', '-v2prf', 'hmacWithSHA512', '-passout', 'pass:pw')], base: 'rsa', passwords: ['x', 'pw'], algorithm: 'RSA', bits: 2048, curve: null, encoding: 'pkcs8-encrypted', cipher: 'AES-192-CBC', why: 'PBES2 AES-192, HMAC-SHA512 PRF, second password' },
  { file: 'rsa-aes256.p8', make: [p8('rsa', 'rsa-aes256.p8', '-v2', 'aes-256-cbc', '-v2prf', 'hmacWithSHA384', '-passout', 'pass:pw')], base: 'rsa', passwords: ['pw'], algorithm: 'RSA', bits: 2048, curve: null, encoding: 'pkcs8-encrypted', cipher: 'AES-256-CBC', why: 'PBES2 AES-256, HMAC-SHA384 PRF' },
  { file: 'rsa-des3.p8', make: [p8('rsa', 'rsa-des3.p8', '-v2', 'des3', '-v2prf', 'hmacWithSHA1', '-passout', 'pass:pw')], base: 'rsa', passwords: ['pw'], algorithm: 'RSA', bits: 2048, curve: null, encoding: 'pkcs8-encrypted', cipher: '3DES-CBC', why: 'PBES2 3DES, HMAC-SHA1 PRF' },
  { file: 'rsa-p12pbe.p8', make: [p8('rsa', 'rsa-p12pbe.p8', '-v1', 'PBE-SHA1-3DES', '-passout', 'pass:pw')], base: 'rsa', passwords: ['pw'], algorithm: 'RSA', bits: 2048, curve: null, encoding: 'pkcs8-encrypted', cipher: '3DES-CBC', why: 'PKCS#12 PBE 3DES' },
  { file: 'rsa-rc2-40.p8', make: [p8('rsa', 'rsa-rc2-40.p8', ...LEGACY, '-v1', 'PBE-SHA1-RC2-40', '-passout', 'pass:pw')], base: 'rsa', passwords: ['pw'], algorithm: 'RSA', bits: 2048, curve: null, encoding: 'pkcs8-encrypted', cipher: 'RC2-40-CBC', why: 'PKCS#12 PBE RC2-40' },
  { file: 'rsa-md5des.p8', make: [p8('rsa', 'rsa-md5des.p8', ...LEGACY, '-v1', 'PBE-MD5-DES', '-passout', 'pass:pw')], base: 'rsa', passwords: ['pw'], algorithm: 'RSA', bits: 2048, curve: null, encoding: 'pkcs8-encrypted', cipher: 'DES-CBC', why: 'PBES1 MD5 + DES' },
  { file: 'rsa-legacy-aes256.pem', make: [['rsa', '-in', '@rsa.pem', '-traditional', '-aes256', '-passout', 'pass:pw', '-out', '@rsa-legacy-aes256.pem']], base: 'rsa', passwords: ['pw'], algorithm: 'RSA', bits: 2048, curve: null, encoding: 'pem-legacy-encrypted', cipher: 'AES-256-CBC', why: 'legacy PEM AES-256' },
  { file: 'rsa-legacy-aes192.pem', make: [['rsa', '-in', '@rsa.pem', '-traditional', '-aes192', '-passout', 'pass:pw', '-out', '@rsa-legacy-aes192.pem']], base: 'rsa', passwords: ['pw'], algorithm: 'RSA', bits: 2048, curve: null, encoding: 'pem-legacy-encrypted', cipher: 'AES-192-CBC', why: 'legacy PEM AES-192' },
  { file: 'rsa-legacy-des3.pem', make: [['rsa', '-in', '@rsa.pem', '-traditional', '-des3', '-passout', 'pass:pw', '-out', '@rsa-legacy-des3.pem']], base: 'rsa', passwords: ['pw'], algorithm: 'RSA', bits: 2048, curve: null, encoding: 'pem-legacy-encrypted', cipher: '3DES-CBC', why: 'legacy PEM DES-EDE3-CBC' },
  { file: 'rsa-legacy-des.pem', make: [['rsa', '-in', '@rsa.pem', ...LEGACY, '-traditional', '-des', '-passout', 'pass:pw', '-out', '@rsa-legacy-des.pem']], base: 'rsa', passwords: ['pw'], algorithm: 'RSA', bits: 2048, curve: null, encoding: 'pem-legacy-encrypted', cipher: 'DES-CBC', why: 'legacy PEM DES-CBC' },
  { file: 'ec.pem', make: [], base: 'ec', passwords: [], algorithm: 'EC', bits: 256, curve: 'P-256', encoding: 'pkcs8', cipher: null, why: 'EC P-256 PKCS#8' },
  { file: 'ec-sec1.pem', make: [['ec', '-in', '@ec.pem', '-out', '@ec-sec1.pem']], base: 'ec', passwords: [], algorithm: 'EC', bits: 256, curve: 'P-256', encoding: 'sec1', cipher: null, why: 'EC SEC 1' },
  { file: 'ec-nopub.pem', make: [['ec', '-in', '@ec.pem', '-no_public', '-out', '@ec-nopub.pem']], base: 'ec', passwords: [], algorithm: 'EC', bits: 256, curve: 'P-256', encoding: 'sec1', cipher: null, why: 'EC SEC 1 without the public point (derived via WebCrypto)' },
  { file: 'ec-legacy.pem', make: [['ec', '-in', '@ec.pem', '-aes128', '-passout', 'pass:pw', '-out', '@ec-legacy.pem']], base: 'ec', passwords: ['pw'], algorithm: 'EC', bits: 256, curve: 'P-256', encoding: 'pem-legacy-encrypted', cipher: 'AES-128-CBC', why: 'legacy PEM EC AES-128' },
  { file: 'ec384.pem', make: [], base: 'ec384', passwords: [], algorithm: 'EC', bits: 384, curve: 'P-384', encoding: 'pkcs8', cipher: null, why: 'EC P-384' },
  { file: 'k1.pem', make: [], base: 'k1', passwords: [], algorithm: 'EC', bits: 256, curve: 'secp256k1', encoding: 'pkcs8', cipher: null, why: 'secp256k1' },
  { file: 'ed25519.pem', make: [], base: 'ed25519', passwords: [], algorithm: 'Ed25519', bits: 256, curve: null, encoding: 'pkcs8', cipher: null, why: 'Ed25519 (public key via WebCrypto)' },
  { file: 'ed25519-enc.p8', make: [p8('ed25519', 'ed25519-enc.p8', '-v2', 'aes-256-cbc', '-passout', 'pass:pw')], base: 'ed25519', passwords: ['pw'], algorithm: 'Ed25519', bits: 256, curve: null, encoding: 'pkcs8-encrypted', cipher: 'AES-256-CBC', why: 'encrypted Ed25519' },
  { file: 'x25519.pem', make: [], base: 'x25519', passwords: [], algorithm: 'X25519', bits: 256, curve: null, encoding: 'pkcs8', cipher: null, why: 'X25519' },
  { file: 'ed448.pem', make: [], base: 'ed448', passwords: [], algorithm: 'Ed448', bits: 456, curve: null, encoding: 'pkcs8', cipher: null, why: 'Ed448' },
  { file: 'dsa.pem', make: [], base: 'dsa', passwords: [], algorithm: 'DSA', bits: 1024, curve: null, encoding: 'pkcs8', cipher: null, why: 'DSA (y = g^x mod p)' },
];

const ossl = opensslAvailable();
describe.skipIf(!ossl)('private keys made with openssl', () => {
  const w = ossl ? new OpensslWorkdir() : null;
  const spkiSha = new Map<string, string>();
  beforeAll(() => {
    if (!w) return;
    w.run('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', '@rsa.pem');
    w.run('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', '@ec.pem');
    w.run('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384', '-out', '@ec384.pem');
    w.run('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:secp256k1', '-out', '@k1.pem');
    w.run('genpkey', '-algorithm', 'ED25519', '-out', '@ed25519.pem');
    w.run('genpkey', '-algorithm', 'X25519', '-out', '@x25519.pem');
    w.run('genpkey', '-algorithm', 'ED448', '-out', '@ed448.pem');
    w.run('genpkey', '-genparam', '-algorithm', 'DSA', '-pkeyopt', 'dsa_paramgen_bits:1024', '-out', '@dsaparam.pem');
    w.run('genpkey', '-paramfile', '@dsaparam.pem', '-out', '@dsa.pem');
    for (const b of ['rsa', 'ec', 'ec384', 'k1', 'ed25519', 'x25519', 'ed448', 'dsa']) {
      w.run('pkey', '-in', `@${b}.pem`, '-pubout', '-outform', 'DER', '-out', `@${b}.spki`);
      spkiSha.set(b, createHash('sha256').update(w.read(`${b}.spki`)).digest('hex'));
    }
    for (const r of ROWS) for (const cmd of r.make) w.run(...cmd);
  }, 120_000);
  afterAll(() => w?.dispose());

  it.each(ROWS.map((r) => [r.why, r] as const))('%s', async (_why, r) => {
    const det = detectInputs(w?.read(r.file) ?? new Uint8Array());
    expect(det.errors).toEqual([]);
    const item = det.items[0];
    if (!item) throw new Error('no item');
    const m = await decodePrivateKey(item, { passwords: r.passwords });
    expect(m).toMatchObject({ kind: 'private-key', algorithm: r.algorithm, bits: r.bits, curve: r.curve, encoding: r.encoding, encrypted: r.cipher !== null });
    expect(m.encryption?.cipher ?? null).toBe(r.cipher);
    expect(m.publicSpkiSha256Hex).toBe(spkiSha.get(r.base));
    // No secret values in the model.
    expect(JSON.stringify(m)).not.toMatch(/[0-9a-f]{100}/);
  });

  const ERRORS: readonly [string, readonly string[], string, string][] = [
    ['rsa-aes256.p8', ['wrong'], 'WRONG_PASSWORD', 'PBES2 wrong password'],
    ['rsa-aes256.p8', [], 'PASSWORD_REQUIRED', 'PBES2 no password'],
    ['rsa-legacy-des3.pem', ['wrong'], 'WRONG_PASSWORD', 'legacy PEM wrong password'],
    ['rsa-legacy-aes256.pem', [], 'PASSWORD_REQUIRED', 'legacy PEM no password'],
    ['rsa-p12pbe.p8', ['wrong'], 'WRONG_PASSWORD', 'PKCS#12 PBE wrong password'],
  ];
  it.each(ERRORS.map(([f, p, code, why]) => [why, f, p, code] as const))('%s', async (_why, f, pw, code) => {
    const item = detectInputs(w?.read(f) ?? new Uint8Array()).items[0];
    if (!item) throw new Error('no item');
    await expect(decodePrivateKey(item, { passwords: pw })).rejects.toMatchObject({ code, location: item.location });
  });

  it('exportPrivateKeyPkcs8 returns the unencrypted PKCS#8 that openssl writes', async () => {
    w?.run('pkcs8', '-topk8', '-nocrypt', '-in', '@rsa.pem', '-outform', 'DER', '-out', '@rsa.p8.der');
    const expected = toHex(w?.read('rsa.p8.der') ?? new Uint8Array());
    for (const [f, pw] of [['rsa-aes192.p8', ['pw']], ['rsa-legacy-des3.pem', ['pw']], ['rsa1.pem', []]] as const) {
      const item = detectInputs(w?.read(f) ?? new Uint8Array()).items[0];
      if (!item) throw new Error('no item');
      expect(toHex(await exportPrivateKeyPkcs8(item, { passwords: pw }))).toBe(expected);
    }
  });

  it('PBES2 iteration counts above the limit are LIMIT_EXCEEDED', async () => {
    w?.run('pkcs8', '-topk8', '-in', '@ec.pem', '-v2', 'aes-128-cbc', '-iter', '20000', '-passout', 'pass:pw', '-out', '@ec-iter.p8');
    const item = detectInputs(w?.read('ec-iter.p8') ?? new Uint8Array()).items[0];
    if (!item) throw new Error('no item');
    await expect(decodePrivateKey(item, { passwords: ['pw'], maxIterations: 10_000 })).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
  });
});

describe('private-key helpers', () => {
  // `openssl enc -aes-128-cbc -k hunter2 -S 0102030405060708 -P -md md5` style EVP_BytesToKey.
  it('EVP_BytesToKey(MD5) extends by chaining digests', () => {
    const k16 = evpBytesToKeyMd5(new TextEncoder().encode('pw'), Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8), 16);
    const k32 = evpBytesToKeyMd5(new TextEncoder().encode('pw'), Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8), 32);
    expect(toHex(k32).startsWith(toHex(k16))).toBe(true);
  });

  const BAD: readonly [Uint8Array, string, string][] = [
    [S.sec1().slice(0, 20), 'MALFORMED', 'truncated SEC 1'],
    [S.pkcs8().map((b, i) => (i === 7 ? 0x99 : b)), 'MALFORMED', 'PKCS#8 with a broken algorithm OID'],
  ];
  it.each(BAD.map(([d, code, why]) => [why, d, code] as const))('%s', async (_why, der, code) => {
    await expect(decodePrivateKey({ kind: 'ec-private-key', der, location: { offset: 0 } })).rejects.toMatchObject({ code });
  });

  it('an unknown legacy PEM cipher is UNSUPPORTED_ALGORITHM', async () => {
    const item = { kind: 'rsa-private-key' as const, der: new Uint8Array(32), location: { offset: 0 }, pemHeaders: { 'Proc-Type': '4,ENCRYPTED', 'DEK-Info': 'CAMELLIA-256-CBC,00112233445566778899AABBCCDDEEFF' } };
    await expect(decodePrivateKey(item, { passwords: ['x'] })).rejects.toMatchObject({ code: 'UNSUPPORTED_ALGORITHM', message: expect.stringMatching(/CAMELLIA-256-CBC/) });
  });
});
