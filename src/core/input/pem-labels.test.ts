/** PEM labels real tools write, notes for the ones nothing reads, and every error of an input. */
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../decode-input';
import { encCtx, encOid, encSeq } from './der';
import { detectInputs } from './detect';
import { certificate, crl, csr, pem } from './testing/shapes';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const kinds = (text: string): string[] => detectInputs(enc(text)).items.map((i) => i.kind);

describe('PEM labels real tools write', () => {
  const rows: [string, string[], string][] = [
    [pem('CRL', crl()), ['crl'], 'BEGIN CRL (a major TLS library’s test files)'],
    [pem('X509 CRL', crl()), ['crl'], 'BEGIN X509 CRL (openssl)'],
    [pem('CERTIFICATE', certificate()), ['certificate'], 'BEGIN CERTIFICATE'],
    [pem('X509 CERTIFICATE', certificate()), ['certificate'], 'old openssl label'],
    [pem('TRUSTED CERTIFICATE', Uint8Array.from([...certificate(), ...encSeq(encSeq(encOid('1.3.6.1.5.5.7.3.1')))])), ['certificate'], 'openssl trusted certificate: the CertAux is dropped'],
    [pem('NEW CERTIFICATE REQUEST', csr()), ['csr'], 'Windows/Java CSR label'],
    [pem('CERTIFICATE REQUEST', csr()), ['csr'], 'openssl CSR label'],
    [pem('CERTIFICATE PAIR', encSeq(encCtx(0, certificate(1, 'a')), encCtx(1, certificate(2, 'b')))), ['certificate', 'certificate'], 'X.509 CertificatePair: both certificates'],
    [pem('NETSCAPE CERTIFICATE SEQUENCE', encSeq(encOid('2.16.840.1.113730.2.5'), encCtx(0, encSeq(certificate(1), certificate(2))))), ['certificate', 'certificate'], 'openssl crl2pkcs7 -certfile … nseq'],
  ];
  it.each(rows.map(([t, k, w]) => [w, t, k] as const))('%s', (_why, text, expected) => {
    const d = detectInputs(enc(text));
    expect(d.errors).toEqual([]);
    expect(kinds(text)).toEqual(expected);
  });
});

describe('unknown labels are notes, every error is listed', () => {
  it('an ERRORS block next to a certificate is a note, not an error', async () => {
    const text = `${pem('CERTIFICATE', certificate())}\n-----BEGIN ERRORS-----\nc29tZXRoaW5n\n-----END ERRORS-----\n`;
    const d = await decodeInput({ name: 'case.pem', bytes: enc(text) });
    expect(d.errors).toEqual([]);
    expect(d.certificates).toHaveLength(1);
    expect(d.notes?.map((n) => n.message)).toEqual([expect.stringMatching(/label "ERRORS".*skipped/)]);
  });
  it('an input with only unknown labels is an error (nothing was read)', () => {
    const d = detectInputs(enc('-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n'));
    expect(d.errors.map((e) => e.code)).toEqual(['UNRECOGNIZED_INPUT']);
    expect(d.errors[0]?.message).toMatch(/ssh-keygen/);
  });
  it('every broken block is its own error; the good ones are read', async () => {
    const text = [pem('CERTIFICATE', certificate(1)), '-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n', pem('X509 CRL', Uint8Array.of(0x30, 0x05, 1)), pem('CERTIFICATE', certificate(2))].join('');
    const d = await decodeInput({ name: 'bundle.pem', bytes: enc(text) });
    expect(d.certificates).toHaveLength(2);
    expect(d.errors.map((e) => [e.code, e.location?.pemBlock])).toEqual([
      ['MALFORMED', 2],
      ['MALFORMED', 3],
    ]);
  });
});
