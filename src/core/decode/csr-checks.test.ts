/** CSR checks: rows [file, expected check codes (in order), why] over test/fixtures and the shared pyca corpus. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../decode-input';
import { CORPUS, CORPUS_PRESENT, SKIP_NOTE } from './testing/corpus';
import { csrChecks } from './csr-checks';
import { decodeCsr } from './index';

const FIX = path.resolve(import.meta.dirname, '../../../test/fixtures');
const codes = async (file: string): Promise<string[]> => {
  const d = await decodeInput({ name: path.basename(file), bytes: new Uint8Array(readFileSync(file)) });
  const csr = d.csrs[0];
  if (!csr) throw new Error(`no CSR in ${file}: ${JSON.stringify(d.errors)}`);
  return (csr.checks ?? []).map((c) => c.code);
};

describe('CSR checks on the project fixtures', () => {
  it('a good server request has no check (test/fixtures/csr/server.csr)', async () => {
    expect(await codes(path.join(FIX, 'csr/server.csr'))).toEqual([]);
  });
});

if (!CORPUS_PRESENT) console.warn(`[csr checks] ${SKIP_NOTE}`);
describe.skipIf(!CORPUS_PRESENT)(CORPUS_PRESENT ? 'CSR checks on the pyca corpus' : `CSR checks on the pyca corpus: ${SKIP_NOTE}`, () => {
  const rows: [string, string[], string][] = [
    ['requests/rsa_sha256.pem', ['CSR_SAN_MISSING'], 'no SAN requested'],
    ['requests/invalid_signature.pem', ['CSR_WEAK_KEY', 'CSR_SIGNATURE_INVALID', 'CSR_SAN_MISSING'], 'RSA 1024 and a broken self-signature'],
    ['requests/rsa_md4.pem', ['CSR_SIGNATURE_UNCHECKED', 'CSR_WEAK_SIGNATURE', 'CSR_SAN_MISSING'], 'MD4 cannot be checked and is weak'],
    ['requests/san_rsa_sha1.pem', ['CSR_WEAK_SIGNATURE'], 'SHA-1 signed; CN among the SANs'],
    ['requests/basic_constraints.pem', ['CSR_WEAK_SIGNATURE', 'CSR_SAN_MISSING', 'CSR_EXTENSION_REFUSED'], 'asks for cA=TRUE'],
    ['requests/unsupported_extension_critical.pem', ['CSR_WEAK_SIGNATURE', 'CSR_SAN_MISSING', 'CSR_EXTENSION_REFUSED'], 'an unknown critical extension'],
    ['requests/dsa_sha1.pem', ['CSR_WEAK_KEY', 'CSR_SIGNATURE_UNCHECKED', 'CSR_WEAK_SIGNATURE', 'CSR_SAN_MISSING'], 'DSA key (WebCrypto has no DSA: the signature is not checked)'],
  ];
  it.each(rows.map(([f, c, w]) => [w, f, c] as const))('%s (%s)', async (_why, file, expected) => {
    expect(await codes(path.join(CORPUS, file))).toEqual(expected);
  });
});

describe('CSR checks, synthetic', () => {
  it('a CN that is not among the SANs', async () => {
    const sample = readFileSync(path.join(FIX, 'csr/server.csr.der'));
    const csr = await decodeCsr(new Uint8Array(sample), { offset: 0 });
    const san = { oid: '2.5.29.17', name: 'subjectAltName', critical: false, valueHex: '', kind: 'subjectAltName' as const, names: [{ type: 'dns' as const, value: 'other.example.com' }] };
    const checks = csrChecks({ ...csr, requestedExtensions: [san] });
    expect(checks.map((c) => c.code)).toEqual(['CSR_CN_NOT_IN_SAN']);
  });
});
