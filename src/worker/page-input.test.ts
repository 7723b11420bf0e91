import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '@/core/decode-input';
import { commonNameOf, describeKey } from '@/core/display';
import { findCertificate, pageInputOf } from './page-input';

const FIXTURES = path.resolve(import.meta.dirname, '../../test/fixtures');
const decode = (files: readonly string[]) =>
  decodeInput({ name: files.join('+'), bytes: new Uint8Array(Buffer.concat(files.map((f) => readFileSync(path.join(FIXTURES, f))))) });

describe('the page holds certificate summaries; the engine keeps the models', () => {
  const rows: [string, { purposes: string[] | null; isCa: boolean; key: string }, string][] = [
    ['leaves/server.pem', { purposes: ['1.3.6.1.5.5.7.3.1'], isCa: false, key: 'RSA' }, 'a TLS server leaf: its EKU, not a CA'],
    ['leaves/noeku.pem', { purposes: null, isCa: false, key: 'RSA' }, 'no EKU extension: null, not an empty list'],
    ['pki/intermediate.pem', { purposes: null, isCa: true, key: 'RSA' }, 'an intermediate: CA'],
    ['leaves/ec-p384.pem', { purposes: ['1.3.6.1.5.5.7.3.1'], isCa: false, key: 'EC' }, 'the key summary keeps algorithm, size and curve'],
  ];
  it.each(rows)('%s → %j (%s)', async (file, expected) => {
    const input = await decode([file]);
    const model = input.certificates[0];
    const summary = pageInputOf(input).certificates[0];
    if (!model || !summary) throw new Error(`${file} holds no certificate`);
    expect(summary.purposes?.map((p) => p.oid) ?? null).toEqual(expected.purposes);
    expect(summary.isCa).toBe(expected.isCa);
    expect(summary.publicKey.algorithm).toBe(expected.key);
    expect([summary.publicKey.bits, summary.publicKey.curve]).toEqual([model.publicKey.bits, model.publicKey.curve]);
    expect(summary.publicKey.spkiSha256Hex).toBe(model.publicKey.spkiSha256Hex);
    expect([summary.sha256Hex, summary.subject.rfc4514, summary.issuer.rfc4514, summary.notBefore, summary.notAfter]).toEqual([model.sha256Hex, model.subject.rfc4514, model.issuer.rfc4514, model.notBefore, model.notAfter]);
    // Display strings are made here, as the views would make them from the model.
    expect([summary.title, summary.issuerTitle, summary.keyText]).toEqual([commonNameOf(model.subject), commonNameOf(model.issuer), describeKey(model.publicKey)]);
    // Not the model: no bytes, no extensions, no signature; those come with CertificateRequest.
    for (const heavy of ['der', 'extensions', 'signatureValueHex', 'serialNumberHex']) expect(summary).not.toHaveProperty(heavy);
  });

  it('everything but certificates is passed as decoded, and the model is found by SHA-256', async () => {
    const input = await decode(['bundles/chain.pem']);
    const page = pageInputOf(input);
    expect({ ...page, certificates: [] }).toEqual({ ...input, certificates: [] });
    expect(page.certificates.map((c) => c.sha256Hex)).toEqual(input.certificates.map((c) => c.sha256Hex));
    const second = input.certificates[1];
    expect(second && findCertificate([input], second.sha256Hex)).toBe(second);
    expect(findCertificate([input], 'f'.repeat(64))).toBeNull();
  });

  it('a summary is a small fraction of the model it stands for (what crosses to the page)', async () => {
    const input = await decode(['bundles/chain.pem']);
    const { serialize } = await import('node:v8');
    const model = serialize(input.certificates).length;
    const page = serialize(pageInputOf(input).certificates).length;
    expect(page).toBeLessThan(model * 0.4);
  });
});
