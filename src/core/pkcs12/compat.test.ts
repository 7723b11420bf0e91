/**
 * The compatibility table from a file's parameters: rows [input, expected, why], each input a
 * PKCS#12 model built here with the parameters under test (the real files are in
 * compat-real.test.ts, checked against the importers this machine has).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CertificateModel, KeyEncryptionModel, Pkcs12BagModel, Pkcs12Model, PrivateKeyModel } from '../model';
import { IMPORTERS, RULES, SOURCES } from './compat-data';
import { pkcs12Compatibility } from './compat';

const P12_3DES: KeyEncryptionModel = { scheme: 'PKCS#12 PBE', cipher: '3DES-CBC', kdf: 'PKCS#12 KDF SHA-1', iterations: 2048 };
const P12_RC2_40: KeyEncryptionModel = { scheme: 'PKCS#12 PBE', cipher: 'RC2-40-CBC', kdf: 'PKCS#12 KDF SHA-1', iterations: 2048 };
const P12_RC4: KeyEncryptionModel = { scheme: 'PKCS#12 PBE', cipher: 'RC4-128', kdf: 'PKCS#12 KDF SHA-1', iterations: 2048 };
const aes = (bits: 128 | 192 | 256, iterations = 2048, prf = 'SHA256'): KeyEncryptionModel => ({ scheme: 'PBES2', cipher: `AES-${bits}-CBC`, kdf: `PBKDF2-HMAC-${prf}`, iterations });

const KEY_SHA = 'k1';
const LEAF_SHA = 'c-leaf';
const CA_SHA = 'c-ca';
const SPKI = 'spki-leaf';

function cert(sha: string, subject: string, issuer: string, spki: string): CertificateModel {
  // Only the fields compat.ts reads: the rest of a certificate model is irrelevant to it.
  return { sha256Hex: sha, subject: { rfc4514: subject }, issuer: { rfc4514: issuer }, publicKey: { spkiSha256Hex: spki } } as unknown as CertificateModel;
}
const KEY = { sha256Hex: KEY_SHA, publicSpkiSha256Hex: SPKI } as unknown as PrivateKeyModel;
const LEAF = cert(LEAF_SHA, 'CN=leaf', 'CN=ca', SPKI);
const CA = cert(CA_SHA, 'CN=ca', 'CN=ca', 'spki-ca');

interface Shape {
  readonly certEnc?: KeyEncryptionModel | null | 'unreadable';
  readonly keyEnc?: KeyEncryptionModel;
  readonly mac?: Pkcs12Model['mac'];
  readonly plainKey?: boolean;
  readonly noKey?: boolean;
  readonly caFirst?: boolean;
  readonly friendlyName?: string | null;
  readonly localKeyId?: string | null;
  readonly password?: Pkcs12Model['passwordUsed'];
}

const macOf = (hash: string, iterations = 2048, type: 'HMAC' | 'PBMAC1' = 'HMAC'): Pkcs12Model['mac'] => ({ type, hash, iterations, saltHex: '00', verified: true });

function file(s: Shape): { pkcs12: Pkcs12Model; certificates: CertificateModel[]; privateKeys: PrivateKeyModel[] } {
  const certEnc = s.certEnc === undefined ? aes(256) : s.certEnc;
  const keyEnc = s.keyEnc ?? aes(256);
  const lk = s.localKeyId === undefined ? 'ab' : s.localKeyId;
  const fn = s.friendlyName === undefined ? 'alice' : s.friendlyName;
  const bag = (b: Partial<Pkcs12BagModel> & Pick<Pkcs12BagModel, 'type'>): Pkcs12BagModel => ({ bagOid: '1.2', friendlyName: null, localKeyIdHex: null, encryption: null, otherAttributes: [], ...b });
  const leafBag = bag({ type: 'certificate', certificateSha256Hex: LEAF_SHA, friendlyName: fn, localKeyIdHex: lk });
  const caBag = bag({ type: 'certificate', certificateSha256Hex: CA_SHA });
  const certBags = s.caFirst ? [caBag, leafBag] : [leafBag, caBag];
  const keyBag = s.plainKey ? bag({ type: 'key', privateKeySha256Hex: KEY_SHA, friendlyName: fn, localKeyIdHex: lk }) : bag({ type: 'shroudedKey', privateKeySha256Hex: KEY_SHA, friendlyName: fn, localKeyIdHex: lk, encryption: keyEnc });
  const certSafe: Pkcs12Model['safes'][number] =
    certEnc === 'unreadable'
      ? { contentType: 'encryptedData', encryption: null, bags: [] }
      : certEnc
        ? { contentType: 'encryptedData', encryption: certEnc, bags: certBags.map((b) => ({ ...b, encryption: certEnc })) }
        : { contentType: 'data', encryption: null, bags: certBags };
  const safes = s.noKey ? [certSafe] : [certSafe, { contentType: 'data' as const, encryption: null, bags: [keyBag] }];
  return {
    pkcs12: { version: 3, mac: s.mac === undefined ? macOf('SHA-256') : s.mac, safes, passwordUsed: s.password ?? 'given' },
    certificates: [LEAF, CA],
    privateKeys: s.noKey ? [] : [KEY],
  };
}

const OPENSSL3 = file({});
const LEGACY = file({ certEnc: P12_RC2_40, keyEnc: P12_3DES, mac: macOf('SHA-1') });
const DESCERT = file({ certEnc: P12_3DES, keyEnc: P12_3DES, mac: macOf('SHA-1') });

type Row = readonly [input: ReturnType<typeof file>, importer: string, expected: string, why: string];

const ROWS: readonly Row[] = [
  [LEGACY, 'openssl-3.0', 'needs-option -legacy', 'RC2-40 is in OpenSSL 3’s legacy provider'],
  [LEGACY, 'openssl-3.4', 'needs-option -legacy', 'still legacy in 3.4+'],
  [LEGACY, 'openssl-1.1.1', 'accepts', 'RC2 built into 1.1.1'],
  [LEGACY, 'windows-legacy', 'accepts', 'Windows’ own TripleDES-SHA1 / RC2 export'],
  [LEGACY, 'macos', 'accepts', 'the format Keychain Access exports'],
  [LEGACY, 'go-xcrypto', 'accepts', '3DES and RC2-40 with a SHA-1 MAC is all x/crypto reads'],
  [LEGACY, 'java-legacy', 'accepts', 'old JDKs read the PKCS#12 PBE ciphers and SHA-1 MAC'],
  [DESCERT, 'openssl-3.0', 'accepts', '3DES is in the default provider'],
  [OPENSSL3, 'openssl-3.0', 'accepts', 'OpenSSL 3 defaults'],
  [OPENSSL3, 'windows-legacy', 'refuses', 'AES PFX support arrived in Windows 10 1709 / Server 2019'],
  [OPENSSL3, 'windows', 'accepts', 'AES256-SHA256 is what Windows 10 1709+ writes'],
  [OPENSSL3, 'dotnet-framework', 'unknown', 'depends on the Windows version under it'],
  [DESCERT, 'dotnet-framework', 'accepts', 'every Windows reads TripleDES-SHA1'],
  [OPENSSL3, 'java-legacy', 'refuses', 'SHA-256 MAC and PBES2 are new in 8u301 / 11.0.12'],
  [OPENSSL3, 'java', 'accepts', 'current JDKs read PBES2 AES-256 and HmacPBESHA256'],
  [OPENSSL3, 'macos', 'refuses', 'reports: SHA-256 MAC / AES refused until -legacy'],
  [OPENSSL3, 'android', 'refuses', 'reports: Android ≤ 13 refuses OpenSSL 3 defaults'],
  [OPENSSL3, 'go-xcrypto', 'refuses', 'x/crypto implements neither PBES2 nor a SHA-256 MAC'],
  [OPENSSL3, 'go-sslmate', 'accepts', 'sslmate implements PBES2 AES-256 and SHA-256 MACs'],
  [file({ certEnc: aes(192), keyEnc: aes(192) }), 'java', 'refuses', 'the JDK knows AES-128 and AES-256 only'],
  [file({ certEnc: aes(128), keyEnc: aes(128) }), 'go-sslmate', 'unknown', 'AES-128 depends on the sslmate version'],
  [file({ mac: macOf('SHA-256', 2048, 'PBMAC1') }), 'openssl-3.0', 'refuses', 'PBMAC1 arrived in OpenSSL 3.4'],
  [file({ mac: macOf('SHA-256', 2048, 'PBMAC1') }), 'openssl-3.4', 'accepts', 'PBMAC1 since 3.4'],
  [file({ mac: macOf('SHA-256', 2048, 'PBMAC1') }), 'java', 'refuses', 'PBMAC1 only after JDK-8370042'],
  [file({ mac: null }), 'openssl-3.0', 'accepts', 'OpenSSL 3 warns “MAC is absent” and reads it'],
  [file({ mac: null }), 'openssl-1.1.1', 'needs-option -nomacver', '1.1.1 needs -nomacver without a MAC'],
  [file({ mac: null }), 'go-xcrypto', 'refuses', 'x/crypto requires a MAC'],
  [file({ mac: macOf('MD5') }), 'windows', 'unknown', 'no source says whether Windows reads an MD5 MAC'],
  [file({ certEnc: aes(256, 700_000), keyEnc: aes(256, 700_000), mac: macOf('SHA-256', 700_000) }), 'windows', 'refuses', 'Windows imports at most 600,000 iterations'],
  [file({ certEnc: aes(256, 600_000), keyEnc: aes(256, 600_000), mac: macOf('SHA-256', 600_000) }), 'windows', 'accepts', 'exactly 600,000 is still within the limit'],
  [file({ certEnc: aes(256, 600_000), keyEnc: aes(256, 600_000) }), 'dotnet', 'needs-option Pkcs12LoaderLimits.IndividualKdfIterationLimit, Pkcs12LoaderLimits.TotalKdfIterationLimit', '.NET’s default limits: 300,000 per KDF, 1,000,000 in total'],
  [file({ certEnc: 'unreadable' }), 'openssl-3.0', 'unknown', 'an encryption this engine could not read: nothing can be said'],
  [file({ certEnc: P12_RC4, keyEnc: P12_3DES, mac: macOf('SHA-1') }), 'openssl-3.0', 'unknown', 'no claim about RC4 here'],
  [file({ certEnc: P12_RC4, keyEnc: P12_3DES, mac: macOf('SHA-1') }), 'go-xcrypto', 'refuses', 'x/crypto refuses every cipher but 3DES and RC2-40'],
  [file({ plainKey: true, certEnc: null }), 'go-xcrypto', 'refuses', 'Go reads shrouded key bags only'],
  [file({ noKey: true }), 'go-sslmate', 'refuses', 'DecodeChain needs a key'],
  [file({ password: 'none', certEnc: P12_3DES, keyEnc: P12_3DES, mac: macOf('SHA-1') }), 'macos', 'refuses', 'report: SecPKCS12Import fails without a password'],
];

function answerOf(input: ReturnType<typeof file>, importer: string) {
  const c = pkcs12Compatibility(input);
  const a = c?.answers.find((x) => x.importer === importer);
  if (!a) throw new Error(`no answer for ${importer}`);
  return a;
}

describe('pkcs12Compatibility', () => {
  it.each(ROWS.map((r) => [r[1], r[2], r[3], r[0]] as const))('%s: %s — %s', (importer, expected, _why, input) => {
    const a = answerOf(input, importer);
    expect(a.option ? `${a.answer} ${a.option}` : a.answer).toBe(expected);
    // The reason names a parameter of the file, and an answer other than "unknown" cites a source.
    expect(a.reason.length).toBeGreaterThan(10);
    if (a.answer !== 'unknown' && a.answer !== 'accepts') expect(a.sources.length).toBeGreaterThan(0);
  });

  it('names the deciding parameter in the reason', () => {
    expect(answerOf(LEGACY, 'openssl-3.0').reason).toMatch(/RC2-40-CBC \(PKCS#12 PBE\) \(safe 1\)/);
    expect(answerOf(OPENSSL3, 'java-legacy').reason).toMatch(/HMAC-SHA-256 MAC/);
    expect(answerOf(file({ certEnc: 'unreadable' }), 'openssl-3.0').reason).toMatch(/could not be read/);
  });

  it('notes what changes without failing, and counts Java’s entries', () => {
    const plain = answerOf(file({ plainKey: true, certEnc: null }), 'java');
    expect(plain.answer).toBe('accepts');
    expect(plain.notes.map((n) => n.claim)).toEqual(expect.arrayContaining(['java-plain-key', 'java-orphan-certs']));
    expect(plain.javaEntries).toEqual({ privateKeys: 0, trustedCertificates: 0 });
    expect(answerOf(OPENSSL3, 'java').javaEntries).toEqual({ privateKeys: 1, trustedCertificates: 0 });
    expect(answerOf(OPENSSL3, 'java').notes).toEqual([]);
    expect(answerOf(file({ caFirst: true }), 'go-sslmate').notes.map((n) => n.claim)).toContain('go-leaf-first');
    expect(answerOf(OPENSSL3, 'go-sslmate').notes).toEqual([]);
    expect(answerOf(file({ friendlyName: null }), 'windows').notes.map((n) => n.claim)).toContain('windows-friendly-name');
    expect(answerOf(file({ localKeyId: null }), 'java').notes.map((n) => n.claim)).toContain('java-no-local-key-id');
    expect(answerOf(file({ password: 'empty' }), 'windows').notes.map((n) => n.claim)).toContain('windows-password');
  });

  it('answers nothing for an input that is not a PKCS#12', () => {
    expect(pkcs12Compatibility({ pkcs12: null, certificates: [], privateKeys: [] })).toBeNull();
  });

  it('lists every importer once, and every claim cites known sources', () => {
    const c = pkcs12Compatibility(OPENSSL3);
    expect(c?.answers.map((a) => a.importer)).toEqual(IMPORTERS.map((i) => i.id));
    for (const r of RULES) for (const s of r.sources) expect(SOURCES[s], `${r.id} cites ${s}`).toBeDefined();
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it('docs/pkcs12-compat.md lists every claim and source', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../../../docs/pkcs12-compat.md'), 'utf8');
    for (const r of RULES) expect(doc, r.id).toContain(`\`${r.id}\``);
    for (const id of Object.keys(SOURCES)) expect(doc, id).toContain(`[${id}]`);
  });
});
