import { describe, expect, it } from 'vitest';
import type { ItemKind } from '../model';
import { toHex } from './bytes';
import { detectInputs } from './detect';
import { extractPkcs7 } from './pkcs7';
import * as S from './testing/shapes';
import { rsaPublicKeyToSpki } from '../keys/public-key';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

interface Expected {
  format: string | null;
  kinds: ItemKind[];
  errors?: { code: string; match?: RegExp; pemBlock?: number }[];
}

const cert = S.certificate();
const ROWS: readonly [Uint8Array, Expected, string][] = [
  // Raw DER, classified by shape.
  [cert, { format: 'der', kinds: ['certificate'] }, 'DER v3 certificate'],
  [S.certificate(5, 'v1', true), { format: 'der', kinds: ['certificate'] }, 'DER v1 certificate (no [0] version)'],
  [S.csr(), { format: 'csr', kinds: ['csr'] }, 'DER CSR'],
  [S.crl(), { format: 'crl', kinds: ['crl'] }, 'DER v2 CRL'],
  [S.crl(true), { format: 'crl', kinds: ['crl'] }, 'DER v1 CRL'],
  [S.pkcs7([cert]), { format: 'pkcs7', kinds: ['pkcs7'] }, 'DER PKCS#7 SignedData'],
  [S.pfx(), { format: 'pkcs12', kinds: ['pkcs12'] }, 'DER PFX'],
  [S.pkcs8(), { format: 'private-key', kinds: ['private-key'] }, 'DER PKCS#8'],
  [S.encryptedPkcs8(), { format: 'private-key', kinds: ['encrypted-private-key'] }, 'DER encrypted PKCS#8'],
  [S.spki(), { format: 'public-key', kinds: ['public-key'] }, 'DER SPKI'],
  [S.pkcs1(), { format: 'private-key', kinds: ['rsa-private-key'] }, 'DER PKCS#1 RSAPrivateKey'],
  [S.sec1(), { format: 'private-key', kinds: ['ec-private-key'] }, 'DER SEC 1 ECPrivateKey'],
  [S.rsaPublicKey(), { format: 'public-key', kinds: ['public-key'] }, 'DER PKCS#1 RSAPublicKey'],
  [new Uint8Array([...cert, ...S.certificate(2)]), { format: 'der', kinds: ['certificate', 'certificate'] }, 'two concatenated DER certificates'],
  [new Uint8Array([...cert, 0xde, 0xad]), { format: 'der', kinds: ['certificate'] }, 'DER with trailing junk keeps the certificate (its decoder warns TRAILING_DATA, as openssl reads it)'],
  // PEM.
  [text(S.pem('CERTIFICATE', cert)), { format: 'pem', kinds: ['certificate'] }, 'PEM certificate'],
  [text(S.pem('CERTIFICATE', cert, '', '\r\n')), { format: 'pem', kinds: ['certificate'] }, 'PEM with CRLF'],
  [text(`junk before\n  ${S.pem('X509 CERTIFICATE', cert)}\n trailing text`), { format: 'pem', kinds: ['certificate'] }, 'text around an old-label PEM block'],
  [text(S.pem('TRUSTED CERTIFICATE', new Uint8Array([...cert, ...S.algId()]))), { format: 'pem', kinds: ['certificate'] }, 'TRUSTED CERTIFICATE with CertAux'],
  [text(S.pem('PKCS7', S.pkcs7([cert]))), { format: 'pem', kinds: ['pkcs7'] }, 'PEM PKCS7'],
  [text(S.pem('CERTIFICATE REQUEST', S.csr()) + S.pem('NEW CERTIFICATE REQUEST', S.csr())), { format: 'pem', kinds: ['csr', 'csr'] }, 'both CSR labels'],
  [text(S.pem('X509 CRL', S.crl())), { format: 'pem', kinds: ['crl'] }, 'PEM CRL'],
  [
    text(S.pem('PRIVATE KEY', S.pkcs8()) + S.pem('ENCRYPTED PRIVATE KEY', S.encryptedPkcs8()) + S.pem('RSA PRIVATE KEY', S.pkcs1()) + S.pem('EC PARAMETERS', S.algId()) + S.pem('EC PRIVATE KEY', S.sec1())),
    { format: 'pem', kinds: ['private-key', 'encrypted-private-key', 'rsa-private-key', 'ec-private-key'] },
    'every private-key label; EC PARAMETERS skipped',
  ],
  [text(S.pem('PUBLIC KEY', S.spki()) + S.pem('RSA PUBLIC KEY', S.rsaPublicKey())), { format: 'pem', kinds: ['public-key', 'public-key'] }, 'public-key labels'],
  [
    text(S.pem('RSA PRIVATE KEY', new Uint8Array(48).fill(0x55), 'Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00112233445566778899AABBCCDDEEFF\n\n')),
    { format: 'pem', kinds: ['rsa-private-key'] },
    'legacy encrypted PEM key keeps its ciphertext and headers',
  ],
  [
    text(S.pem('CERTIFICATE', cert) + '-----BEGIN CERTIFICATE-----\nMIIB!!!notbase64\n-----END CERTIFICATE-----\n' + S.pem('CERTIFICATE', S.certificate(9))),
    { format: 'pem', kinds: ['certificate', 'certificate'], errors: [{ code: 'MALFORMED', match: /PEM block 2 .*base64/, pemBlock: 2 }] },
    'broken base64 in block 2 of 3: other blocks kept',
  ],
  [text(S.pem('CERTIFICATE', cert).replace('-----END CERTIFICATE-----\n', '')), { format: 'pem', kinds: [], errors: [{ code: 'MALFORMED', match: /no matching/ }] }, 'missing END line'],
  [text(S.pem('CERTIFICATE', new Uint8Array([0x30, 0x05, 1]))), { format: 'pem', kinds: [], errors: [{ code: 'MALFORMED', match: /not valid DER/ }] }, 'PEM with truncated DER'],
  [text(S.pem('OPENSSH PRIVATE KEY', new Uint8Array(8))), { format: 'pem', kinds: [], errors: [{ code: 'UNRECOGNIZED_INPUT', match: /OPENSSH PRIVATE KEY/ }] }, 'unsupported label'],
  // Pasted base64 / hex.
  [text(`\n  ${S.pem('X', cert).split('\n').slice(1, -2).join('\n')}  \n`), { format: 'der', kinds: ['certificate'] }, 'bare base64'],
  [text(toHex(cert)), { format: 'der', kinds: ['certificate'] }, 'bare hex'],
  [text((toHex(S.csr()).match(/../g) ?? []).join(':')), { format: 'csr', kinds: ['csr'] }, 'hex with colons'],
  [text((toHex(S.crl()).match(/../g) ?? []).join(' ').toUpperCase()), { format: 'crl', kinds: ['crl'] }, 'upper-case hex with spaces'],
  [Uint8Array.from([0xff, 0xfe, ...Array.from(S.pem('CERTIFICATE', cert)).flatMap((ch) => [ch.charCodeAt(0), 0])]), { format: 'pem', kinds: ['certificate'] }, 'UTF-16LE PEM with BOM'],
  [text('hello'), { format: null, kinds: [], errors: [{ code: 'UNRECOGNIZED_INPUT', match: /text with no PEM block/ }] }, 'a single word is not called base64'],
  [text('MAkCAgDFAgMBAAE='.replace('MAk', 'QUk')), { format: null, kinds: [], errors: [{ code: 'UNRECOGNIZED_INPUT' }] }, 'base64 of something that is not DER'],
  // Unrecognised.
  [new Uint8Array(0), { format: null, kinds: [], errors: [{ code: 'UNRECOGNIZED_INPUT', match: /empty/ }] }, 'empty input'],
  [Uint8Array.of(0x50, 0x4b, 3, 4, 0, 0, 0, 0), { format: null, kinds: [], errors: [{ code: 'UNRECOGNIZED_INPUT', match: /ZIP archive/ }] }, 'ZIP'],
  [Uint8Array.of(0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2), { format: null, kinds: [], errors: [{ code: 'UNRECOGNIZED_INPUT', match: /Java KeyStore/ }] }, 'JKS'],
  [text('hello, this is a letter'), { format: null, kinds: [], errors: [{ code: 'UNRECOGNIZED_INPUT', match: /text with no PEM block, base64 or hex/ }] }, 'plain text'],
  [S.name('x'), { format: null, kinds: [], errors: [{ code: 'UNRECOGNIZED_INPUT', match: /DER SEQUENCE that is none of/ }] }, 'a DER Name is none of the kinds'],
  [Uint8Array.of(0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 1, 2, 3), { format: null, kinds: [], errors: [{ code: 'UNRECOGNIZED_INPUT', match: /not valid DER/ }] }, 'DER length past the end'],
  [Uint8Array.of(0x01, 0x02, 0x00, 0x80, 0xff, 0x00, 0x10), { format: null, kinds: [], errors: [{ code: 'UNRECOGNIZED_INPUT', match: /binary data/ }] }, 'random binary'],
  [text('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample user@host'), { format: null, kinds: [], errors: [{ code: 'UNRECOGNIZED_INPUT' }] }, 'OpenSSH public key line'],
];

describe('detectInputs', () => {
  it.each(ROWS.map(([input, expected, why]) => [why, input, expected] as const))('%s', (_why, input, expected) => {
    const r = detectInputs(input);
    expect(r.format).toBe(expected.format);
    expect(r.items.map((i) => i.kind)).toEqual(expected.kinds);
    const errs = expected.errors ?? [];
    expect(r.errors.map((e) => e.code)).toEqual(errs.map((e) => e.code));
    errs.forEach((e, i) => {
      if (e.match) expect(r.errors[i]?.message).toMatch(e.match);
      if (e.pemBlock) expect(r.errors[i]?.location?.pemBlock).toBe(e.pemBlock);
    });
  });

  it('records PEM block numbers, labels and offsets', () => {
    const t = `hdr\n${S.pem('CERTIFICATE', S.certificate(1))}${S.pem('PRIVATE KEY', S.pkcs8())}`;
    const r = detectInputs(text(t));
    expect(r.items.map((i) => i.location)).toEqual([
      { offset: 4, pemBlock: 1, label: 'CERTIFICATE' },
      { offset: t.indexOf('-----BEGIN PRIVATE KEY'), pemBlock: 2, label: 'PRIVATE KEY' },
    ]);
  });

  it('strips the TRUSTED CERTIFICATE CertAux and keeps only the certificate DER', () => {
    const r = detectInputs(text(S.pem('TRUSTED CERTIFICATE', new Uint8Array([...cert, ...S.algId()]))));
    expect(toHex(r.items[0]?.der ?? new Uint8Array())).toBe(toHex(cert));
  });

  it('normalises an RSA PUBLIC KEY to SubjectPublicKeyInfo', () => {
    const r = detectInputs(text(S.pem('RSA PUBLIC KEY', S.rsaPublicKey())));
    expect(toHex(r.items[0]?.der ?? new Uint8Array())).toBe(toHex(rsaPublicKeyToSpki(S.rsaPublicKey())));
  });

  it('keeps legacy PEM headers', () => {
    const r = detectInputs(text(S.pem('EC PRIVATE KEY', new Uint8Array(48), 'Proc-Type: 4,ENCRYPTED\r\nDEK-Info: DES-EDE3-CBC,0011223344556677\r\n\r\n', '\r\n')));
    expect(r.items[0]?.pemHeaders).toEqual({ 'Proc-Type': '4,ENCRYPTED', 'DEK-Info': 'DES-EDE3-CBC,0011223344556677' });
  });

  it('reads a 150-certificate PKCS#7 bundle in order', () => {
    const certs = Array.from({ length: 150 }, (_, i) => S.certificate(i + 1, `leaf ${i + 1}`));
    const p7 = S.pkcs7(certs, [S.crl()]);
    const r = detectInputs(p7);
    expect(r.items.map((i) => i.kind)).toEqual(['pkcs7']);
    const c = extractPkcs7(r.items[0]?.der ?? new Uint8Array());
    expect(c.certificates).toHaveLength(150);
    expect(c.certificates.map((x) => toHex(x.der))).toEqual(certs.map(toHex));
    expect(c.crls).toHaveLength(1);
    // PEM form too.
    const fromPem = extractPkcs7(text(S.pem('PKCS7', p7)));
    expect(fromPem.certificates).toHaveLength(150);
  });

  it('reads a 5,000-certificate bundle quickly', () => {
    const p7 = S.pkcs7(Array.from({ length: 5000 }, (_, i) => S.certificate(i + 1)));
    const t0 = performance.now();
    expect(extractPkcs7(p7).certificates).toHaveLength(5000);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('bounds nesting depth on hostile input', () => {
    // 10,000 nested SEQUENCEs with indefinite length.
    const deep = new Uint8Array(20000 + 20000);
    for (let i = 0; i < 20000; i += 2) {
      deep[i] = 0x30;
      deep[i + 1] = 0x80;
    }
    const r = detectInputs(deep);
    expect(r.items).toHaveLength(0);
    expect(r.errors[0]?.code).toBe('UNRECOGNIZED_INPUT');
  });

  it('stays linear on many unterminated PEM blocks', () => {
    const t0 = performance.now();
    const r = detectInputs(text('-----BEGIN CERTIFICATE-----\nAAAA\n'.repeat(200_000)));
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(r.items).toHaveLength(0);
    expect(r.errors.length).toBeLessThanOrEqual(1002);
    expect(r.errors[0]?.code).toBe('MALFORMED');
  });

  it('never throws on random bytes', () => {
    for (let n = 0; n < 300; n++) {
      const b = new Uint8Array(1 + (n % 97));
      globalThis.crypto.getRandomValues(b);
      if (n % 3 === 0) b[0] = 0x30;
      expect(() => detectInputs(b)).not.toThrow();
    }
  });
});

describe('extractPkcs7 errors', () => {
  const BAD: readonly [Uint8Array, string, string][] = [
    [S.pfx(), 'MALFORMED', 'not a ContentInfo'],
    [new Uint8Array([...S.pkcs7([cert])].slice(0, 40)), 'MALFORMED', 'truncated'],
    [S.pkcs7([cert]).map((b, i) => (i === 14 ? 3 : b)), 'UNSUPPORTED_ALGORITHM', 'envelopedData content type'],
  ];
  it.each(BAD.map(([input, code, why]) => [why, code, input] as const))('%s -> %s', (_why, code, input) => {
    expect(() => extractPkcs7(input)).toThrow(expect.objectContaining({ code }));
  });
});
