import { createHmac, pbkdf2Sync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encCtx, encInt, encNull, encOctets, encOid, encSeq, parseDer } from './der';
import { openPkcs12, type Pkcs12Opened } from './pkcs12';
import { opensslAvailable, OpensslWorkdir } from './testing/openssl';

const PYCA = '/work/shared/corpus/pyca/pkcs12';
const hasPyca = existsSync(PYCA);

// [file, passwords, certificate count, friendlyNames of certificates (sorted), key count, key friendlyNames, passwordUsed, why]
type PycaRow = readonly [string, readonly string[], number, readonly (string | null)[], number, readonly (string | null)[], 'none' | 'empty' | 'given', string];
const NO = [] as const;
const PYCA_ROWS: readonly PycaRow[] = [
  ['cert-aes256cbc-no-key.p12', ['cryptography'], 1, [null], 0, [], 'given', 'PBES2 AES-256 certificate, no key'],
  ['cert-key-aes256cbc.p12', ['cryptography'], 1, [null], 1, [null], 'given', 'PBES2 AES-256 certificate and key'],
  ['cert-none-key-none.p12', ['cryptography'], 1, [null], 1, [null], 'given', 'unencrypted bags with a MAC'],
  ['cert-rc2-key-3des.p12', ['cryptography'], 1, [null], 1, [null], 'given', 'RC2-40 certificate safe, 3DES key'],
  ['java-truststore.p12', NO, 2, ['cert1', null], 0, [], 'empty', 'Java truststore, empty password'],
  ['name-1-no-pwd.p12', NO, 3, ['name', null, null], 1, ['name'], 'none', 'friendlyName on first certificate, absent password'],
  ['name-1-pwd.p12', ['password'], 3, ['name', null, null], 1, ['name'], 'given', 'friendlyName on first certificate'],
  ['name-2-3-no-pwd.p12', NO, 3, ['name2', 'name3', null], 1, [null], 'none', 'names on extra certificates'],
  ['name-2-3-pwd.p12', ['password'], 3, ['name2', 'name3', null], 1, [null], 'given', 'names on extra certificates, 3DES'],
  ['name-2-no-pwd.p12', NO, 3, ['name2', null, null], 1, [null], 'none', 'name2 only'],
  ['name-2-pwd.p12', ['password'], 3, ['name2', null, null], 1, [null], 'given', 'name2 only, 3DES'],
  ['name-3-no-pwd.p12', NO, 3, ['name3', null, null], 1, [null], 'none', 'name3 only'],
  ['name-3-pwd.p12', ['password'], 3, ['name3', null, null], 1, [null], 'given', 'name3 only, 3DES'],
  ['name-all-no-pwd.p12', NO, 3, ['name', 'name2', 'name3'], 1, ['name'], 'none', 'all names'],
  ['name-all-pwd.p12', ['password'], 3, ['name', 'name2', 'name3'], 1, ['name'], 'given', 'all names, 3DES'],
  ['name-unicode-no-pwd.p12', NO, 3, ['ä', 'ç', '☺'], 1, ['☺'], 'none', 'Unicode names'],
  ['name-unicode-pwd.p12', ['password'], 3, ['ä', 'ç', '☺'], 1, ['☺'], 'given', 'Unicode names, 3DES'],
  ['no-cert-key-aes256cbc.p12', ['cryptography'], 0, [], 1, [null], 'given', 'key only'],
  ['no-cert-name-2-no-pwd.p12', NO, 2, ['name2', null], 0, [], 'none', 'no key, name2'],
  ['no-cert-name-2-pwd.p12', ['password'], 2, ['name2', null], 0, [], 'given', 'no key, name2, 3DES'],
  ['no-cert-name-3-no-pwd.p12', NO, 2, ['name3', null], 0, [], 'none', 'no key, name3'],
  ['no-cert-name-3-pwd.p12', ['password'], 2, ['name3', null], 0, [], 'given', 'no key, name3, 3DES'],
  ['no-cert-name-all-no-pwd.p12', NO, 2, ['name2', 'name3'], 0, [], 'none', 'no key, all names'],
  ['no-cert-name-all-pwd.p12', ['password'], 2, ['name2', 'name3'], 0, [], 'given', 'no key, all names, 3DES'],
  ['no-cert-name-unicode-no-pwd.p12', NO, 2, ['ï', '☹'], 0, [], 'none', 'no key, Unicode names'],
  ['no-cert-name-unicode-pwd.p12', ['password'], 2, ['ï', '☹'], 0, [], 'given', 'no key, Unicode names, 3DES'],
  ['no-cert-no-name-no-pwd.p12', NO, 2, [null, null], 0, [], 'none', 'no key, no names'],
  ['no-cert-no-name-pwd.p12', ['password'], 2, [null, null], 0, [], 'given', 'no key, no names, 3DES'],
  ['no-name-no-pwd.p12', NO, 3, [null, null, null], 1, [null], 'none', 'no names'],
  ['no-name-pwd.p12', ['password'], 3, [null, null, null], 1, [null], 'given', 'no names, 3DES'],
  ['no-password.p12', NO, 1, ['cryptography CA'], 1, ['6BC162DA'], 'none', 'RC2-40 + 3DES with an absent password'],
];

const sortNames = (xs: readonly (string | null)[]): (string | null)[] => [...xs].sort((a, b) => (a ?? '\uffff').localeCompare(b ?? '\uffff'));

describe.skipIf(!hasPyca)(`PKCS#12: pyca/cryptography corpus (${hasPyca ? PYCA : 'skipped: /work/shared/corpus absent'})`, () => {
  it('lists all 31 files', () => {
    expect(PYCA_ROWS).toHaveLength(31);
  });
  it.each(PYCA_ROWS.map(([f, p, c, cn, k, kn, u, why]) => [why, f, p, c, cn, k, kn, u] as const))('%s (%s)', async (_why, file, pw, nCerts, certNames, nKeys, keyNames, used) => {
    const r = await openPkcs12(new Uint8Array(readFileSync(`${PYCA}/${file}`)), pw);
    expect(r.certificates).toHaveLength(nCerts);
    expect(sortNames(r.certificates.map((c) => c.friendlyName))).toEqual(sortNames(certNames));
    expect(r.privateKeys).toHaveLength(nKeys);
    expect(r.privateKeys.map((k) => k.friendlyName)).toEqual(keyNames);
    for (const k of r.privateKeys) expect(parseDer(k.pkcs8Der).isSequence).toBe(true);
    expect(r.model.passwordUsed).toBe(used);
    expect(r.model.mac?.verified).toBe(true);
    expect(r.errors).toEqual([]);
  });
  it('wrong password is WRONG_PASSWORD; none given is PASSWORD_REQUIRED', async () => {
    const der = new Uint8Array(readFileSync(`${PYCA}/name-all-pwd.p12`));
    await expect(openPkcs12(der, ['nope'])).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    await expect(openPkcs12(der, [])).rejects.toMatchObject({ code: 'PASSWORD_REQUIRED' });
  });
  it('an unprotected file still opens when unrelated passwords are given (session passwords)', async () => {
    const r = await openPkcs12(new Uint8Array(readFileSync(`${PYCA}/no-password.p12`)), ['unrelated', 'other']);
    expect(r.model.passwordUsed).toBe('none');
    expect(r.certificates).toHaveLength(1);
  });
  it('records per-safe encryption and MAC details', async () => {
    const r = await openPkcs12(new Uint8Array(readFileSync(`${PYCA}/cert-rc2-key-3des.p12`)), ['cryptography']);
    expect(r.model.safes.map((s) => s.encryption?.cipher ?? null)).toEqual(['RC2-40-CBC', null]);
    const keyBag = r.model.safes[1]?.bags[0];
    expect(keyBag?.type).toBe('shroudedKey');
    expect(keyBag?.encryption).toEqual({ scheme: 'PKCS#12 PBE', cipher: '3DES-CBC', kdf: 'PKCS#12 KDF SHA-1', iterations: 2048 });
    expect(r.model.mac).toMatchObject({ type: 'HMAC', hash: 'SHA-1', iterations: 2048, verified: true });
  });
});

// ------------------------------------------------------------------------------------------------
// Files made with openssl 3 here.

const UNICODE_PW = 'pässwörd-☺';
interface Variant {
  readonly file: string;
  readonly args: readonly string[];
  readonly pass: string;
  readonly open: readonly string[];
  readonly certCipher: string | null;
  readonly keyCipher: string | null;
  readonly mac: string | null;
  readonly used: 'none' | 'empty' | 'given';
  readonly why: string;
}
const LEGACY = ['-provider', 'legacy', '-provider', 'default'];
const VARIANTS: readonly Variant[] = [
  { file: 'default.p12', args: [], pass: 'changeit', open: ['changeit'], certCipher: 'AES-256-CBC', keyCipher: 'AES-256-CBC', mac: 'SHA-256', used: 'given', why: 'OpenSSL 3 default (PBES2 AES-256, HMAC-SHA256 MAC)' },
  { file: 'legacy.p12', args: ['-legacy'], pass: 'changeit', open: ['changeit'], certCipher: 'RC2-40-CBC', keyCipher: '3DES-CBC', mac: 'SHA-1', used: 'given', why: '-legacy (RC2-40 + 3DES, SHA-1 MAC)' },
  { file: 'descert.p12', args: ['-descert'], pass: 'changeit', open: ['changeit'], certCipher: '3DES-CBC', keyCipher: 'AES-256-CBC', mac: 'SHA-256', used: 'given', why: '-descert' },
  { file: 'nomac.p12', args: ['-nomac'], pass: 'changeit', open: ['changeit'], certCipher: null, keyCipher: 'AES-256-CBC', mac: null, used: 'given', why: '-nomac (certificates in clear): padding decides' },
  { file: 'empty.p12', args: [], pass: '', open: [], certCipher: 'AES-256-CBC', keyCipher: 'AES-256-CBC', mac: 'SHA-256', used: 'empty', why: 'empty password, none given' },
  { file: 'unicode.p12', args: [], pass: UNICODE_PW, open: [UNICODE_PW], certCipher: 'AES-256-CBC', keyCipher: 'AES-256-CBC', mac: 'SHA-256', used: 'given', why: 'Unicode password' },
  { file: 'unicode-legacy.p12', args: ['-legacy'], pass: UNICODE_PW, open: [UNICODE_PW], certCipher: 'RC2-40-CBC', keyCipher: '3DES-CBC', mac: 'SHA-1', used: 'given', why: 'Unicode password, legacy BMPString KDF' },
  { file: 'aes192.p12', args: ['-keypbe', 'AES-192-CBC', '-certpbe', 'AES-192-CBC'], pass: 'changeit', open: ['other', 'changeit'], certCipher: 'AES-192-CBC', keyCipher: 'AES-192-CBC', mac: 'SHA-256', used: 'given', why: 'AES-192, second password right' },
  { file: 'aes128-sha512.p12', args: ['-keypbe', 'AES-128-CBC', '-certpbe', 'AES-128-CBC', '-macalg', 'sha512'], pass: 'changeit', open: ['changeit'], certCipher: 'AES-128-CBC', keyCipher: 'AES-128-CBC', mac: 'SHA-512', used: 'given', why: 'AES-128 with a SHA-512 MAC' },
  { file: 'sha384.p12', args: ['-macalg', 'sha384'], pass: 'changeit', open: ['changeit'], certCipher: 'AES-256-CBC', keyCipher: 'AES-256-CBC', mac: 'SHA-384', used: 'given', why: 'SHA-384 MAC' },
  { file: 'sha224.p12', args: ['-macalg', 'sha224'], pass: 'changeit', open: ['changeit'], certCipher: 'AES-256-CBC', keyCipher: 'AES-256-CBC', mac: 'SHA-224', used: 'given', why: 'SHA-224 MAC (no WebCrypto SHA-224)' },
  { file: 'sha1mac.p12', args: ['-macalg', 'sha1', '-nomaciter'], pass: 'changeit', open: ['changeit'], certCipher: 'AES-256-CBC', keyCipher: 'AES-256-CBC', mac: 'SHA-1', used: 'given', why: 'SHA-1 MAC, 1 iteration' },
  { file: 'clear.p12', args: ['-keypbe', 'NONE', '-certpbe', 'NONE'], pass: 'changeit', open: ['changeit'], certCipher: null, keyCipher: null, mac: 'SHA-256', used: 'given', why: 'unencrypted bags with a MAC' },
  { file: 'clear-nomac.p12', args: ['-keypbe', 'NONE', '-certpbe', 'NONE', '-nomac'], pass: '', open: [], certCipher: null, keyCipher: null, mac: null, used: 'none', why: 'nothing protected at all' },
  { file: '2des-rc2-128.p12', args: [...LEGACY, '-keypbe', 'PBE-SHA1-2DES', '-certpbe', 'PBE-SHA1-RC2-128'], pass: 'changeit', open: ['changeit'], certCipher: 'RC2-128-CBC', keyCipher: '2-key-3DES-CBC', mac: 'SHA-256', used: 'given', why: '2-key 3DES key, RC2-128 certificates' },
  { file: 'iter600k.p12', args: ['-iter', '600000'], pass: 'changeit', open: ['changeit'], certCipher: 'AES-256-CBC', keyCipher: 'AES-256-CBC', mac: 'SHA-256', used: 'given', why: '600,000 PBKDF2 iterations' },
];

const ossl = opensslAvailable();
describe.skipIf(!ossl)('PKCS#12: files made with openssl', () => {
  const w = ossl ? new OpensslWorkdir() : null;
  const files = new Map<string, Uint8Array>();
  beforeAll(() => {
    if (!w) return;
    w.run('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', '@ca.key', '-out', '@ca.crt', '-subj', '/CN=Test CA', '-days', '30');
    w.run('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', '@leaf.key', '-out', '@leaf.crt', '-subj', '/CN=leaf', '-days', '30');
    for (const v of VARIANTS) {
      w.run('pkcs12', '-export', '-inkey', '@leaf.key', '-in', '@leaf.crt', '-certfile', '@ca.crt', '-name', 'my key', '-passout', `pass:${v.pass}`, ...v.args, '-out', `@${v.file}`);
      files.set(v.file, w.read(v.file));
    }
  }, 120_000);
  afterAll(() => w?.dispose());

  it.each(VARIANTS.map((v) => [v.why, v] as const))('%s', async (_why, v) => {
    const der = files.get(v.file) ?? new Uint8Array();
    const r = await openPkcs12(der, v.open);
    expect(r.certificates).toHaveLength(2);
    expect(r.privateKeys).toHaveLength(1);
    expect(r.privateKeys[0]?.friendlyName).toBe('my key');
    expect(r.certificates.find((c) => c.friendlyName === 'my key')?.localKeyIdHex).toBe(r.privateKeys[0]?.localKeyIdHex);
    expect(r.privateKeys[0]?.encryption?.cipher ?? null).toBe(v.keyCipher);
    const certSafe = r.model.safes.find((s) => s.bags.some((b) => b.type === 'certificate'));
    expect(certSafe?.encryption?.cipher ?? null).toBe(v.certCipher);
    expect(r.model.mac?.hash ?? null).toBe(v.mac);
    expect(r.model.passwordUsed).toBe(v.used);
  });

  const ERRORS: readonly [string, readonly string[], { maxIterations?: number }, string, string][] = [
    ['default.p12', ['wrong'], {}, 'WRONG_PASSWORD', 'wrong password with a MAC'],
    ['default.p12', [], {}, 'PASSWORD_REQUIRED', 'no password given'],
    ['iter600k.p12', ['changeit'], { maxIterations: 100_000 }, 'LIMIT_EXCEEDED', 'iteration count above the limit'],
    ['legacy.p12', ['changeit'], { maxIterations: 1000 }, 'LIMIT_EXCEEDED', 'MAC iterations above the limit'],
  ];
  it.each(ERRORS.map(([f, p, o, code, why]) => [why, f, p, o, code] as const))('%s', async (_why, f, pw, opts, code) => {
    await expect(openPkcs12(files.get(f) ?? new Uint8Array(), pw, opts)).rejects.toMatchObject({ code });
  });

  const NOMAC: readonly [readonly string[], string, string][] = [
    [['wrong'], 'WRONG_PASSWORD', 'wrong password without a MAC: padding decides, clear certificates still listed'],
    [[], 'PASSWORD_REQUIRED', 'no password, no MAC: clear certificates still listed'],
  ];
  it.each(NOMAC.map(([p, code, why]) => [why, p, code] as const))('%s', async (_why, pw, code) => {
    const r = await openPkcs12(files.get('nomac.p12') ?? new Uint8Array(), pw);
    expect(r.certificates).toHaveLength(2);
    expect(r.privateKeys).toHaveLength(0);
    expect(r.errors).toEqual([expect.objectContaining({ code, location: expect.objectContaining({ path: 'PKCS#12 safe 2, bag 1' }) })]);
    expect(r.model.safes[1]?.bags[0]).toMatchObject({ type: 'shroudedKey', encryption: { cipher: 'AES-256-CBC' } });
  });

  it('fully encrypted file without a MAC and a wrong password is WRONG_PASSWORD', async () => {
    await expect(openPkcs12(files.get('2des-rc2-128.p12') ?? new Uint8Array(), ['wrong'])).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
  });

  it('truncated file is MALFORMED', async () => {
    const der = files.get('default.p12') ?? new Uint8Array();
    await expect(openPkcs12(der.subarray(0, der.length - 40), ['changeit'])).rejects.toMatchObject({ code: 'MALFORMED' });
  });

  it('PBMAC1 (RFC 9579): verifies a MAC made with node:crypto PBKDF2 + HMAC', async () => {
    const der = files.get('clear.p12') ?? new Uint8Array();
    const pfx = parseDer(der);
    const authSafe = pfx.child(1);
    const content = authSafe.child(1).child(0).octets();
    const salt = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    const key = pbkdf2Sync('changeit', salt, 4096, 32, 'sha256');
    const mac = new Uint8Array(createHmac('sha512', key).update(content).digest());
    const hmacAlg = (oid: string): Uint8Array => encSeq(encOid(oid), encNull());
    const pbmac1 = encSeq(
      encOid('1.2.840.113549.1.5.14'),
      encSeq(encSeq(encOid('1.2.840.113549.1.5.12'), encSeq(encOctets(salt), encInt(4096), encInt(32), hmacAlg('1.2.840.113549.2.9'))), hmacAlg('1.2.840.113549.2.11')),
    );
    const macData = encSeq(encSeq(pbmac1, encOctets(mac)), encOctets(new Uint8Array(8)), encInt(1));
    const rebuilt = encSeq(encInt(3), authSafe.bytes, macData);
    const r: Pkcs12Opened = await openPkcs12(rebuilt, ['changeit']);
    expect(r.model.mac).toMatchObject({ type: 'PBMAC1', hash: 'SHA-512', kdf: 'PBKDF2-HMAC-SHA256', iterations: 4096, verified: true });
    expect(r.certificates).toHaveLength(2);
    await expect(openPkcs12(rebuilt, ['wrong'])).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
  });
});

describe('PKCS#12: hand-built structures', () => {
  const data = (inner: Uint8Array): Uint8Array => encSeq(encOid('1.2.840.113549.1.7.1'), encCtx(0, encOctets(inner)));
  const pfxOf = (...safes: Uint8Array[]): Uint8Array => encSeq(encInt(3), data(encSeq(...safes)));

  it('envelopedData safe is reported as UNSUPPORTED_ALGORITHM; other safes still read', async () => {
    const enveloped = encSeq(encOid('1.2.840.113549.1.7.3'), encCtx(0, encSeq(encInt(0))));
    const r = await openPkcs12(pfxOf(enveloped, data(encSeq())), []);
    expect(r.errors.map((e) => e.code)).toEqual(['UNSUPPORTED_ALGORITHM']);
    expect(r.errors[0]?.message).toMatch(/envelopedData/);
    expect(r.model.safes.map((s) => s.contentType)).toEqual(['envelopedData', 'data']);
  });

  it('unknown cipher names the algorithm', async () => {
    const rc4 = encSeq(encOid('1.2.840.113549.1.12.1.1'), encSeq(encOctets(new Uint8Array(8)), encInt(2048)));
    const encrypted = encSeq(encOid('1.2.840.113549.1.7.6'), encCtx(0, encSeq(encInt(0), encSeq(encOid('1.2.840.113549.1.7.1'), rc4, Uint8Array.of(0x80, 8, 1, 2, 3, 4, 5, 6, 7, 8)))));
    const r = await openPkcs12(pfxOf(encrypted, data(encSeq())), ['x']);
    expect(r.errors).toEqual([{ code: 'UNSUPPORTED_ALGORITHM', message: expect.stringMatching(/^PKCS#12 safe 1: .*pbeWithSHAAnd128BitRC4/), location: expect.objectContaining({ path: 'PKCS#12 safe 1' }) }]);
    expect(r.model.safes.map((x) => x.contentType)).toEqual(['encryptedData', 'data']);
  });

  it('iteration counts above 10,000,000 are LIMIT_EXCEEDED by default', async () => {
    const pbes2 = encSeq(
      encOid('1.2.840.113549.1.5.13'),
      encSeq(encSeq(encOid('1.2.840.113549.1.5.12'), encSeq(encOctets(new Uint8Array(8)), encInt(20_000_000))), encSeq(encOid('2.16.840.1.101.3.4.1.42'), encOctets(new Uint8Array(16)))),
    );
    const encrypted = encSeq(encOid('1.2.840.113549.1.7.6'), encCtx(0, encSeq(encInt(0), encSeq(encOid('1.2.840.113549.1.7.1'), pbes2, Uint8Array.of(0x80, 16, ...new Uint8Array(16))))));
    const r = await openPkcs12(pfxOf(encrypted), ['x']);
    expect(r.errors).toEqual([expect.objectContaining({ code: 'LIMIT_EXCEEDED', message: expect.stringMatching(/20,000,000/) })]);
    // A MAC with too many iterations stops the whole file.
    const macData = encSeq(encSeq(encSeq(encOid('2.16.840.1.101.3.4.2.1'), encNull()), encOctets(new Uint8Array(32))), encOctets(new Uint8Array(8)), encInt(20_000_000));
    const withMac = encSeq(encInt(3), data(encSeq()), macData);
    await expect(openPkcs12(withMac, ['x'])).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
  });

  it('reads nested safeContents bags', async () => {
    const cert = encSeq(encSeq(encCtx(0, encInt(2)), encInt(1)), encSeq(), encSeq());
    const certBag = encSeq(encOid('1.2.840.113549.1.12.10.1.3'), encCtx(0, encSeq(encOid('1.2.840.113549.1.9.22.1'), encCtx(0, encOctets(cert)))));
    const nested = encSeq(encOid('1.2.840.113549.1.12.10.1.6'), encCtx(0, encSeq(certBag)));
    const r = await openPkcs12(pfxOf(data(encSeq(nested))), []);
    expect(r.certificates.map((c) => c.bagPath)).toEqual(['PKCS#12 safe 1, bag 1, bag 1']);
    expect(r.model.passwordUsed).toBe('none');
  });

  const MALFORMED: readonly [Uint8Array, string][] = [
    [encSeq(encInt(3)), 'no authSafe'],
    [encSeq(encInt(3), encSeq(encOid('1.2.840.113549.1.7.1'))), 'authSafe without content'],
    [Uint8Array.of(0x30, 0x03, 0x02, 0x01), 'truncated'],
  ];
  it.each(MALFORMED.map(([d, why]) => [why, d] as const))('%s is MALFORMED', async (_why, d) => {
    await expect(openPkcs12(d, [])).rejects.toMatchObject({ code: 'MALFORMED' });
  });
});
