/**
 * The PKCS#12 writer, judged by the importers themselves: each profile written here is opened by
 * Certscope's reader, by `openssl pkcs12` (OpenSSL 3, with -legacy only where the row says so)
 * and by the JDK's keytool (all keytool rows in one JVM), with the same certificates in the same
 * order, the same key, and the same friendlyName; wrong passwords are refused by all three.
 * Iterations are small except in one row.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptionScheme, type EncryptionSpec } from '../crypto/encrypt';
import { aesOptions, BadDecryptError } from '../crypto/ciphers';
import { parsePbe } from '../crypto/pbe';
import { fromBase64, toHex } from '../input/bytes';
import { parseDer } from '../input/der';
import { openPkcs12 } from '../input/pkcs12';
import { CoreFailure } from '../model';
import { compatibleProfile, customProfile, modernProfile, type Pkcs12Profile } from './profiles';
import { hasJava, hasOpenssl, keytoolList, opensslNameSpelling, opensslOpen, type KeytoolView } from './testing/tools';
import { Pkcs12WriteError, writePkcs12, type Pkcs12WriteErrorCode } from './write';

const FIXTURES = resolve(import.meta.dirname, '..', '..', '..', 'test', 'fixtures');
const pemDers = (file: string): Uint8Array[] =>
  [...readFileSync(join(FIXTURES, file), 'utf8').matchAll(/-----BEGIN [^-]+-----([\s\S]*?)-----END [^-]+-----/gu)].map((m) => fromBase64((m[1] ?? '').replace(/\s/gu, '')));
const first = (file: string): Uint8Array => pemDers(file)[0] ?? new Uint8Array(0);

interface Source {
  readonly certificates: Uint8Array[];
  readonly key: Uint8Array;
}
const sources: Record<'rsa' | 'ec' | 'ed25519', () => Promise<Source>> = {
  // alice's RSA key, leaf, intermediate and root, out of the OpenSSL-made fixture.
  rsa: async () => {
    const o = await openPkcs12(new Uint8Array(readFileSync(join(FIXTURES, 'p12', 'default.p12'))), ['changeit']);
    return { certificates: o.certificates.map((c) => c.der), key: o.privateKeys[0]?.pkcs8Der ?? new Uint8Array(0) };
  },
  ec: async () => ({ certificates: [first('leaves/ec-p256.pem')], key: first('keys/ec-pkcs8.key') }),
  ed25519: async () => ({ certificates: [first('leaves/ed25519.pem')], key: first('keys/ed25519.key') }),
};

type OpensslExpect = 'opens' | 'needs -legacy' | 'refused';
type KeytoolExpect = 'PrivateKeyEntry' | 'refused';
const low = 1000;

// [name, source, profile, friendly name, openssl 3.0, keytool (JDK 17), why]
const ROWS: readonly [string, keyof typeof sources, Pkcs12Profile, string, OpensslExpect, KeytoolExpect, string][] = [
  ['modern', 'rsa', modernProfile(low), 'alice', 'opens', 'PrivateKeyEntry', 'AES-256-CBC + PBKDF2-SHA256 + HMAC-SHA256: OpenSSL 3 and JDK 17 defaults'],
  ['modern, 600,000 iterations', 'ec', modernProfile(), 'web server', 'opens', 'PrivateKeyEntry', 'the default count of the modern profile, once'],
  ['compatible', 'rsa', compatibleProfile(), 'alice', 'opens', 'PrivateKeyEntry', '3DES + SHA-1 MAC opens in OpenSSL 3 without -legacy'],
  ['compatible, non-ASCII name', 'ec', compatibleProfile(low), 'Zoë ☺ clé', 'opens', 'PrivateKeyEntry', 'friendlyName is a BMPString both ways'],
  ['custom: RC2-40 certificates (openssl -legacy)', 'rsa', customProfile({ keyPbe: 'PBE-SHA1-3DES', certPbe: 'PBE-SHA1-RC2-40', mac: 'sha1', iterations: low }), 'alice', 'needs -legacy', 'PrivateKeyEntry', 'RC2 is in OpenSSL 3’s legacy provider only'],
  ['custom: clear certificates, AES-128, SHA-1 PRF, SHA-512 MAC', 'ed25519', customProfile({ keyPbe: 'AES-128-CBC', certPbe: 'NONE', mac: 'sha512', prf: 'sha1', iterations: low }), 'ed', 'opens', 'PrivateKeyEntry', 'Ed25519 key; every part in the default provider'],
  ['custom: clear key bag, PBES2 3DES certificates', 'rsa', customProfile({ keyPbe: 'NONE', certPbe: 'DES-EDE3-CBC', mac: 'sha384', iterations: low }), 'alice', 'opens', 'refused', 'the JDK’s PBES2 knows AES only'],
  ['custom: AES-192', 'rsa', customProfile({ keyPbe: 'AES-192-CBC', certPbe: 'AES-192-CBC', mac: 'sha256', prf: 'sha512', iterations: low }), 'alice', 'opens', 'refused', 'the JDK’s PBES2 has AES-128 and AES-256, not AES-192'],
  ['custom: RC2-128 key, 2-key 3DES certificates, SHA-224 MAC', 'rsa', customProfile({ keyPbe: 'PBE-SHA1-RC2-128', certPbe: 'PBE-SHA1-2DES', mac: 'sha224', iterations: low }), 'alice', 'needs -legacy', 'refused', 'RC2 needs -legacy; the JDK refuses the combination'],
  ['custom: PBMAC1', 'rsa', customProfile({ keyPbe: 'AES-256-CBC', certPbe: 'AES-256-CBC', mac: 'pbmac1-sha256', iterations: low }), 'alice', 'refused', 'refused', 'RFC 9579 PBMAC1: OpenSSL reads it from 3.4, JDK 17 not at all'],
];

// ASCII: keytool reads -storepass through the JVM's locale, and JDK 17 refuses non-ASCII PBE passwords.
const PASSWORD = 'n3w p@ss word';
const dir = mkdtempSync(join(tmpdir(), 'certscope-p12w-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Written {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly source: Source;
}
const written = new Map<string, Written>();
let keytool: KeytoolView[] = [];

beforeAll(async () => {
  for (const [name, src, profile, friendlyName] of ROWS) {
    const source = await sources[src]();
    const bytes = await writePkcs12({ certificates: source.certificates, privateKey: source.key, password: PASSWORD, profile, friendlyName });
    const file = join(dir, `${written.size}.p12`);
    writeFileSync(file, bytes);
    written.set(name, { file, bytes, source });
  }
  // One JVM for every row, then the wrong password on the first two.
  if (hasJava) keytool = keytoolList([...[...written.values()].map((w) => ({ file: w.file, password: PASSWORD })), ...[...written.values()].slice(0, 2).map((w) => ({ file: w.file, password: 'wrong' }))]);
}, 60_000);

const get = (name: string): Written => {
  const w = written.get(name);
  if (!w) throw new Error(`no file for ${name}`);
  return w;
};

describe('written by Certscope, opened by Certscope', () => {
  it.each(ROWS.map(([name, , profile, friendlyName, , , why]) => [name, profile, friendlyName, why] as const))('%s', async (name, profile, friendlyName) => {
    const w = get(name);
    const o = await openPkcs12(w.bytes, [PASSWORD]);
    expect(o.errors).toEqual([]);
    expect(o.certificates.map((c) => toHex(c.der))).toEqual(w.source.certificates.map(toHex));
    expect(o.privateKeys.map((k) => toHex(k.pkcs8Der))).toEqual([toHex(w.source.key)]);
    expect(o.model.passwordUsed).toBe('given');
    // friendlyName and localKeyId on the leaf and its key only, the same on both.
    expect(o.certificates.map((c) => c.friendlyName)).toEqual([friendlyName, ...w.source.certificates.slice(1).map(() => null)]);
    expect(o.privateKeys[0]?.friendlyName).toBe(friendlyName);
    // localKeyId: SHA-1 of the leaf certificate, as `openssl pkcs12 -export` sets it.
    expect(o.privateKeys[0]?.localKeyIdHex).toBe(createHash('sha1').update(w.source.certificates[0] ?? new Uint8Array(0)).digest('hex'));
    expect(o.certificates[0]?.localKeyIdHex).toBe(o.privateKeys[0]?.localKeyIdHex);
    // What was asked for is what is there.
    const certSafe = o.model.safes[0];
    expect(certSafe?.encryption?.cipher ?? null).toBe(profile.certificates?.cipher ?? null);
    expect(o.privateKeys[0]?.encryption?.cipher ?? null).toBe(profile.key?.cipher ?? null);
    expect(o.model.mac?.type ?? null).toBe(profile.mac?.type ?? null);
    expect(o.model.mac?.hash ?? null).toBe(profile.mac?.hash ?? null);
    expect(o.model.mac?.iterations ?? null).toBe(profile.mac?.iterations ?? null);
  });

  it.each(ROWS.filter(([, , p]) => (p.mac?.iterations ?? 0) < 100_000).map(([name]) => [name] as const))('%s: a wrong password is refused', async (name) => {
    await expect(openPkcs12(get(name).bytes, ['wrong password'])).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
  });
});

describe.skipIf(!hasOpenssl)(`written by Certscope, opened by openssl pkcs12 (OpenSSL 3)${hasOpenssl ? '' : ' — skipped: openssl is not on PATH'}`, () => {
  it.each(ROWS.map(([name, , , friendlyName, openssl, , why]) => [name, friendlyName, openssl, why] as const))('%s → %s', (name, friendlyName, expected) => {
    const w = get(name);
    const plain = opensslOpen(w.file, PASSWORD);
    if (expected === 'refused') {
      expect(plain.ok).toBe(false);
      expect(opensslOpen(w.file, PASSWORD, true).ok).toBe(false);
      return;
    }
    expect(plain.ok, plain.stderr).toBe(expected === 'opens');
    const view = expected === 'opens' ? plain : opensslOpen(w.file, PASSWORD, true);
    expect(view.ok, view.stderr).toBe(true);
    expect(view.certificates.map(toHex)).toEqual(w.source.certificates.map(toHex));
    expect(view.keys.map(toHex)).toEqual([toHex(w.source.key)]);
    expect(view.friendlyNames).toEqual([opensslNameSpelling(friendlyName), opensslNameSpelling(friendlyName)]);
    expect(new Set(view.localKeyIds).size).toBe(1);
    // The wrong password is refused.
    expect(opensslOpen(w.file, 'wrong', expected === 'needs -legacy').ok).toBe(false);
  });
});

describe.skipIf(!hasJava)(`written by Certscope, listed by the JDK keytool (one JVM for all rows)${hasJava ? '' : ' — skipped: java or keytool is not on PATH'}`, () => {
  it.each(ROWS.map(([name, src, , friendlyName, , expected, why], i) => [name, i, src, friendlyName, expected, why] as const))('%s → %s', (name, i, _src, friendlyName, expected) => {
    const view = keytool[i];
    expect(view, 'keytool output').toBeDefined();
    if (expected === 'refused') {
      expect(view?.ok, view?.output).toBe(false);
      return;
    }
    expect(view?.ok, view?.output).toBe(true);
    // keytool lower-cases aliases; the friendlyName is the alias.
    expect(view?.aliases).toEqual([friendlyName.toLowerCase()]);
    expect(view?.entryTypes).toEqual([expected]);
    expect(view?.chainLengths).toEqual([get(name).source.certificates.length]);
  });
  it('a wrong password is refused (modern and 600,000-iteration rows)', () => {
    expect(keytool.slice(ROWS.length).map((v) => [v.ok, /password was incorrect/u.test(v.output)])).toEqual([
      [false, true],
      [false, true],
    ]);
  });
});

describe('refusals: nothing is written', () => {
  const rows: readonly [string, () => Promise<Parameters<typeof writePkcs12>[0]>, Pkcs12WriteErrorCode, string][] = [
    ['key of another certificate', async () => ({ certificates: [first('leaves/server.pem')], privateKey: (await sources.rsa()).key, password: 'x', profile: modernProfile(low) }), 'KEY_MISMATCH', 'alice’s key with the server certificate'],
    ['chain given before the leaf', async () => ({ certificates: [...(await sources.rsa()).certificates].reverse(), privateKey: (await sources.rsa()).key, password: 'x', profile: modernProfile(low) }), 'KEY_MISMATCH', 'the first certificate must be the key’s'],
    ['no certificate', async () => ({ certificates: [], privateKey: (await sources.ec()).key, password: 'x', profile: modernProfile(low) }), 'NO_CERTIFICATE', 'a key alone is not what importers expect'],
    ['empty password', async () => ({ ...(await sources.ec()), privateKey: (await sources.ec()).key, password: '', profile: modernProfile(low) }), 'EMPTY_PASSWORD', 'Chromium cannot derive PBKDF2 keys from it'],
    ['a key as the certificate', async () => ({ certificates: [(await sources.ec()).key], privateKey: (await sources.ec()).key, password: 'x', profile: modernProfile(low) }), 'NOT_A_CERTIFICATE', 'PKCS#8 is not X.509'],
    ['a certificate as the key', async () => ({ certificates: [first('leaves/ec-p256.pem')], privateKey: first('leaves/ec-p256.pem'), password: 'x', profile: modernProfile(low) }), 'NOT_A_KEY', 'X.509 is not PKCS#8'],
    ['zero iterations', async () => ({ certificates: [first('leaves/ec-p256.pem')], privateKey: (await sources.ec()).key, password: 'x', profile: modernProfile(0) }), 'BAD_PARAMETERS', 'the KDFs need at least one'],
  ];
  it.each(rows)('%s → %s (%s)', async (_name, input, code) => {
    const err = await writePkcs12(await input()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Pkcs12WriteError);
    expect((err as Pkcs12WriteError).code).toBe(code);
  });
});

describe('encryption is the inverse of the reader’s decryption', () => {
  const plain = new TextEncoder().encode('a PKCS#8 key would be here; any length works (not a block multiple)');
  const SPECS: readonly [EncryptionSpec, string][] = [
    [{ scheme: 'PBES2', cipher: 'AES-256-CBC', prf: 'SHA-256', iterations: 3 }, 'WebCrypto AES'],
    [{ scheme: 'PBES2', cipher: 'AES-192-CBC', prf: 'SHA-512', iterations: 3 }, 'AES-192 (Chromium: @noble/ciphers)'],
    [{ scheme: 'PBES2', cipher: 'AES-128-CBC', prf: 'SHA-1', iterations: 3 }, 'AES-128, default PRF left out of the DER'],
    [{ scheme: 'PBES2', cipher: '3DES-CBC', prf: 'SHA-384', iterations: 3 }, 'des.js'],
    [{ scheme: 'PKCS#12 PBE', cipher: '3DES-CBC', iterations: 3 }, 'PKCS#12 KDF key and IV'],
    [{ scheme: 'PKCS#12 PBE', cipher: '2-key-3DES-CBC', iterations: 3 }, 'K1|K2|K1'],
    [{ scheme: 'PKCS#12 PBE', cipher: 'RC2-128-CBC', iterations: 3 }, 'our RC2'],
    [{ scheme: 'PKCS#12 PBE', cipher: 'RC2-40-CBC', iterations: 3 }, 'RC2 with 40 effective bits'],
  ];
  it.each(SPECS)('%o (%s)', async (spec) => {
    const { algorithm, scheme } = encryptionScheme(spec);
    const sealed = await scheme.encrypt('pw', plain);
    expect(toHex(sealed)).not.toContain(toHex(plain.subarray(0, 8)));
    // A fresh parse of the written AlgorithmIdentifier, as the reader does it.
    const again = parsePbe(parseDer(algorithm));
    expect(again.encryption.cipher).toBe(spec.cipher);
    expect(again.encryption.iterations).toBe(3);
    expect(new TextDecoder().decode(await again.decrypt('pw', sealed))).toBe(new TextDecoder().decode(plain));
    // Another password: bad padding, or (1 in ~256) padding that happens to parse but other bytes.
    const wrong = await again.decrypt('other', sealed).catch((e: unknown) => e);
    if (!(wrong instanceof BadDecryptError)) expect(toHex(wrong as Uint8Array)).not.toBe(toHex(plain));
    // Fresh salt and IV every time.
    expect(toHex(encryptionScheme(spec).algorithm)).not.toBe(toHex(algorithm));
  });
});

it('AES-192 without WebCrypto (as in Chromium, which lacks it) encrypts to what WebCrypto decrypts', async () => {
  const plain = new TextEncoder().encode('the pure-JS AES path, in both directions');
  const { algorithm, scheme } = encryptionScheme({ scheme: 'PBES2', cipher: 'AES-192-CBC', prf: 'SHA-256', iterations: 2 });
  aesOptions.forceFallback = true;
  let sealed: Uint8Array;
  try {
    sealed = await scheme.encrypt('pw', plain);
  } finally {
    aesOptions.forceFallback = false;
  }
  expect(new TextDecoder().decode(await parsePbe(parseDer(algorithm)).decrypt('pw', sealed))).toBe(new TextDecoder().decode(plain));
});

it('iteration counts beyond the writer’s limit are refused', async () => {
  const s = await sources.ec();
  const err = await writePkcs12({ certificates: s.certificates, privateKey: s.key, password: 'x', profile: modernProfile(20_000_000) }).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: 'BAD_PARAMETERS' });
  expect(err).not.toBeInstanceOf(CoreFailure);
});
