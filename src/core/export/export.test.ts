import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeCertificate } from '../decode/index';
import { fromBase64 } from '../input/bytes';
import type { CertificateModel } from '../model';
import {
  buildCertificateExports,
  buildPkcs7CertsOnly,
  certificateFileStem,
  certificatesToPem,
  formatFingerprint,
  fullChainPem,
  pkcs8Pem,
  spkiPin,
  toPem,
  type FingerprintFormat,
} from './index';

function pemBlocks(text: string): Uint8Array[] {
  return [...text.matchAll(/-----BEGIN [^-]+-----([\s\S]+?)-----END/gu)].map((m) => fromBase64((m[1] ?? '').replace(/\s+/gu, '')));
}
const fixture = (p: string): Uint8Array => {
  const der = pemBlocks(readFileSync(`test/fixtures/${p}`, 'utf8'))[0];
  if (!der) throw new Error(`no PEM in ${p}`);
  return der;
};

let leaf: CertificateModel;
let intermediate: CertificateModel;
let root: CertificateModel;
beforeAll(async () => {
  leaf = await decodeCertificate(fixture('leaves/ec-p256.pem'), { offset: 0 });
  intermediate = await decodeCertificate(fixture('pki/intermediate.pem'), { offset: 0 });
  root = await decodeCertificate(fixture('pki/root.pem'), { offset: 0 });
});

describe('toPem', () => {
  const rows: [Uint8Array, string, string | RegExp, string][] = [
    [Uint8Array.of(1, 2, 3), 'CERTIFICATE', '-----BEGIN CERTIFICATE-----\nAQID\n-----END CERTIFICATE-----\n', 'short body on one line'],
    [new Uint8Array(48), 'X', `-----BEGIN X-----\n${'A'.repeat(64)}\n-----END X-----\n`, 'exactly 64 characters: one line, no empty line'],
    [new Uint8Array(49), 'X', `-----BEGIN X-----\n${'A'.repeat(64)}\nAA==\n-----END X-----\n`, '65+ characters wrap at 64 (RFC 7468 §2)'],
    [new Uint8Array(0), 'X', '-----BEGIN X-----\n-----END X-----\n', 'empty body'],
    [Uint8Array.of(1), 'bad-label', /invalid PEM label/u, 'label with lowercase and "-" refused'],
    [Uint8Array.of(1), 'X\n-----END X', /invalid PEM label/u, 'label cannot inject lines'],
  ];
  it.each(rows)('%#: %s (%s)', (der, label, expected) => {
    if (expected instanceof RegExp) expect(() => toPem(der, label)).toThrow(expected);
    else expect(toPem(der, label)).toBe(expected);
  });

  it('round-trips a certificate through openssl', () => {
    const out = execFileSync('openssl', ['x509', '-outform', 'DER'], { input: toPem(leaf.der, 'CERTIFICATE') });
    expect(new Uint8Array(out)).toEqual(leaf.der);
  });
});

describe('chains', () => {
  it('certificatesToPem keeps order', () => {
    expect(pemBlocks(certificatesToPem([leaf.der, root.der]))).toEqual([leaf.der, root.der]);
  });

  const rows: [string, () => CertificateModel[], boolean, () => Uint8Array[], string][] = [
    ['leaf→int→root', () => [leaf, intermediate, root], false, () => [leaf.der, intermediate.der, root.der], 'whole path by default'],
    ['leaf→int→root, excludeRoot', () => [leaf, intermediate, root], true, () => [leaf.der, intermediate.der], 'fullchain.pem leaves out the self-issued root'],
    ['leaf→int, excludeRoot', () => [leaf, intermediate], true, () => [leaf.der, intermediate.der], 'last is not self-issued: kept'],
    ['root alone, excludeRoot', () => [root], true, () => [root.der], 'a lone root is never dropped'],
    ['empty', () => [], false, () => [], 'empty path gives empty text'],
  ];
  it.each(rows)('fullChainPem %s (%s)', (_name, path, excludeRoot, expected) => {
    expect(pemBlocks(fullChainPem(path(), { excludeRoot }))).toEqual(expected());
  });
});

describe('buildPkcs7CertsOnly', () => {
  it('is read back by openssl pkcs7 -print_certs with the same certificates in order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'certscope-p7-'));
    const file = join(dir, 'chain.p7b');
    writeFileSync(file, buildPkcs7CertsOnly([leaf.der, intermediate.der, root.der]));
    const out = execFileSync('openssl', ['pkcs7', '-inform', 'DER', '-in', file, '-print_certs']).toString();
    expect(pemBlocks(out)).toEqual([leaf.der, intermediate.der, root.der]);
  });

  it('matches the bytes of openssl crl2pkcs7 -nocrl', () => {
    const dir = mkdtempSync(join(tmpdir(), 'certscope-p7-'));
    const file = join(dir, 'certs.pem');
    writeFileSync(file, certificatesToPem([leaf.der, root.der]));
    const out = execFileSync('openssl', ['crl2pkcs7', '-nocrl', '-certfile', file, '-outform', 'DER']);
    expect(buildPkcs7CertsOnly([leaf.der, root.der])).toEqual(new Uint8Array(out));
  });

  it('writes an empty certificate set for no input (still valid PKCS#7)', () => {
    const out = execFileSync('openssl', ['pkcs7', '-inform', 'DER', '-print_certs'], { input: buildPkcs7CertsOnly([]) }).toString();
    expect(out.trim()).toBe('');
  });
});

describe('formatFingerprint', () => {
  const rows: [string, FingerprintFormat, string | RegExp, string][] = [
    ['0aff10', 'colon', '0A:FF:10', 'openssl x509 -fingerprint spelling'],
    ['0AFF10', 'plain', '0aff10', 'sha256sum spelling'],
    ['0A:FF:10', 'plain', '0aff10', 'colons accepted on input'],
    ['000102', 'base64', 'AAEC', 'base64 of the bytes, not of the hex text'],
    ['abc', 'colon', /not hex/u, 'odd length'],
    ['zz', 'plain', /not hex/u, 'not hex'],
    ['', 'base64', /not hex/u, 'empty'],
  ];
  it.each(rows)('%s as %s → %s (%s)', (hex, format, expected) => {
    if (expected instanceof RegExp) expect(() => formatFingerprint(hex, format)).toThrow(expected);
    else expect(formatFingerprint(hex, format)).toBe(expected);
  });

  it('agrees with openssl x509 -fingerprint', () => {
    const out = execFileSync('openssl', ['x509', '-inform', 'DER', '-noout', '-fingerprint', '-sha256'], { input: leaf.der }).toString();
    expect(out.trim()).toBe(`sha256 Fingerprint=${formatFingerprint(leaf.sha256Hex, 'colon')}`);
  });
});

describe('spkiPin', () => {
  it('writes the RFC 7469 pin directive, equal to the openssl recipe', () => {
    const pubPem = execFileSync('openssl', ['x509', '-inform', 'DER', '-noout', '-pubkey'], { input: leaf.der });
    const spkiDer = execFileSync('openssl', ['pkey', '-pubin', '-outform', 'DER'], { input: pubPem });
    const b64 = execFileSync('openssl', ['dgst', '-sha256', '-binary'], { input: spkiDer }).toString('base64');
    expect(spkiPin(leaf.publicKey)).toBe(`pin-sha256="${b64}"`);
  });
});

describe('pkcs8Pem', () => {
  const key = (): Uint8Array => new Uint8Array(execFileSync('openssl', ['pkcs8', '-topk8', '-nocrypt', '-in', 'test/fixtures/keys/ec.key', '-outform', 'DER']));
  it('writes a PRIVATE KEY block openssl reads', () => {
    const pem = pkcs8Pem(key());
    expect(pem.startsWith('-----BEGIN PRIVATE KEY-----\n')).toBe(true);
    const text = execFileSync('openssl', ['pkey', '-noout', '-text'], { input: pem }).toString();
    expect(text).toContain('Private-Key');
  });

  const rows: [() => Uint8Array, string][] = [
    [() => leaf.der, 'a certificate is not a key'],
    [() => Uint8Array.of(0x30, 0x00), 'empty SEQUENCE'],
    [() => new Uint8Array(execFileSync('openssl', ['pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-passout', 'pass:x', '-in', 'test/fixtures/keys/ec.key', '-outform', 'DER'])), 'EncryptedPrivateKeyInfo refused'],
    [() => Uint8Array.of(0xff), 'garbage'],
  ];
  it.each(rows)('refuses %# (%s)', (der) => {
    expect(() => pkcs8Pem(der())).toThrow(/not a PKCS#8/u);
  });
});

describe('buildCertificateExports', () => {
  it('offers PEM, DER, chain files, PKCS#7 and fingerprints', () => {
    const e = buildCertificateExports(leaf, [leaf, intermediate, root]);
    expect(e.pem).toBe(toPem(leaf.der, 'CERTIFICATE'));
    expect(e.chainLength).toBe(3);
    expect(e.endsAtRoot).toBe(true);
    expect(pemBlocks(e.fullChainPem ?? '')).toEqual([leaf.der, intermediate.der]);
    expect(pemBlocks(e.fullChainWithRootPem ?? '')).toEqual([leaf.der, intermediate.der, root.der]);
    expect(e.sha256.plain).toBe(leaf.sha256Hex);
    expect(e.spkiSha256.base64).toBe(leaf.publicKey.spkiSha256Base64);
    expect(e.spkiPin).toBe(`pin-sha256="${leaf.publicKey.spkiSha256Base64}"`);
    expect(structuredClone(e)).toEqual(e);
  });

  it('puts the certificate first when the path omits it, and has no chain files alone', () => {
    expect(buildCertificateExports(leaf, [intermediate]).chainLength).toBe(2);
    const alone = buildCertificateExports(leaf);
    expect(alone.fullChainPem).toBeNull();
    expect(alone.chainLength).toBe(1);
  });
});

describe('certificateFileStem', () => {
  const subject = (cn: string | null): CertificateModel['subject'] => ({
    rdns: cn === null ? [] : [[{ shortName: 'CN', oid: '2.5.4.3', value: cn, stringType: 'UTF8String' }]],
    rfc4514: '',
    derHex: '',
  });
  const rows: [string | null, string, string][] = [
    ['www.example.com', 'www.example.com', 'plain host name'],
    ['*.example.com', 'wildcard.example.com', 'wildcard made file-safe'],
    ['../../etc/passwd', 'etc_passwd', 'no path traversal'],
    ['Ünïcode CA ‮gpj.exe', 'n_code_CA_gpj.exe', 'non-ASCII and bidi overrides removed'],
    [null, '0123456789abcdef', 'no CN: SHA-256 prefix'],
    ['...', '0123456789abcdef', 'nothing usable left: SHA-256 prefix'],
  ];
  it.each(rows)('%s → %s (%s)', (cn, expected) => {
    expect(certificateFileStem({ subject: subject(cn), sha256Hex: '0123456789abcdef'.repeat(4) })).toBe(expected);
  });
});
