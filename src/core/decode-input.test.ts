import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { decodeInput } from './decode-input';
import { CoreFailure, type InputLocation } from './model';
import * as S from './input/testing/shapes';
import { sha256Hex, toHex } from './input/bytes';
import { parseDer } from './input/der';

// The decode module is another helper's; these tests pin the wiring of decodeInput, so the
// decoders are replaced by fakes that record what they were given.
vi.mock('./decode/index', () => {
  const fake = (kind: string) => async (der: Uint8Array, location: InputLocation) => {
    if (der[der.length - 1] === 0xee) throw new CoreFailure('MALFORMED', `bad ${kind}`);
    return { kind, der, location, sha256Hex: Array.from(der.subarray(0, 4), (b) => b.toString(16)).join('') };
  };
  return {
    decodeCertificate: fake('certificate'),
    decodeCsr: fake('csr'),
    decodeCrl: fake('crl'),
    decodePublicKey: async (spki: Uint8Array) => ({ spkiDer: spki, spkiSha256Hex: 'spki' }),
  };
});

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const badCert = (): Uint8Array => {
  // A certificate shape whose last byte is 0xee: the fake decoder rejects it.
  const c = S.certificate(7);
  c[c.length - 1] = 0xee;
  return c;
};

describe('decodeInput', () => {
  it('refuses inputs above the size limit without parsing or even hashing them', async () => {
    const r = await decodeInput({ name: 'big.pem', bytes: new Uint8Array(2000) }, { maxBytes: 1000 });
    expect(r.errors.map((e) => e.code)).toEqual(['TOO_LARGE']);
    expect(r.format).toBeNull();
    expect(r.size).toBe(2000);
    expect(r.sha256Hex).toBe('');
  });

  it('decodes every PEM block and keeps going after a bad one', async () => {
    const pem = S.pem('CERTIFICATE', S.certificate(1)) + S.pem('CERTIFICATE', badCert()) + '-----BEGIN X509 CRL-----\n!!\n-----END X509 CRL-----\n' + S.pem('CERTIFICATE REQUEST', S.csr()) + S.pem('PUBLIC KEY', S.spki());
    const r = await decodeInput({ name: 'mixed.pem', bytes: text(pem) });
    expect(r.format).toBe('pem');
    expect(r.certificates).toHaveLength(1);
    expect(r.csrs).toHaveLength(1);
    expect(r.publicKeys).toHaveLength(1);
    expect(r.errors.map((e) => [e.code, e.location?.pemBlock])).toEqual([
      ['MALFORMED', 3],
      ['MALFORMED', 2],
    ]);
  });

  it('unpacks PKCS#7 with container paths, in order', async () => {
    const certs = Array.from({ length: 150 }, (_, i) => S.certificate(i + 1));
    const r = await decodeInput({ name: 'bundle.p7b', bytes: S.pkcs7(certs, [S.crl()]) });
    expect(r.format).toBe('pkcs7');
    expect(r.certificates).toHaveLength(150);
    expect(r.certificates.map((c) => toHex(c.der))).toEqual(certs.map(toHex));
    expect(r.certificates[16]?.location.path).toBe('PKCS#7 certificate 17');
    expect(r.crls[0]?.location.path).toBe('PKCS#7 CRL 1');
  });

  it('a bad certificate inside PKCS#7 does not hide the others', async () => {
    const r = await decodeInput({ name: 'b.p7b', bytes: S.pkcs7([S.certificate(1), badCert(), S.certificate(3)]) });
    expect(r.certificates).toHaveLength(2);
    expect(r.errors).toEqual([{ code: 'MALFORMED', message: 'bad certificate', location: expect.objectContaining({ path: 'PKCS#7 certificate 2' }) }]);
  });

  it('reports unrecognised input', async () => {
    const r = await decodeInput({ name: 'x.zip', bytes: Uint8Array.of(0x50, 0x4b, 3, 4, 1, 2) });
    expect(r.format).toBeNull();
    expect(r.errors[0]?.code).toBe('UNRECOGNIZED_INPUT');
  });

  it('lists an encrypted key it cannot open, with PASSWORD_REQUIRED', async () => {
    const pem = S.pem('RSA PRIVATE KEY', new Uint8Array(48), 'Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\n');
    const r = await decodeInput({ name: 'k.pem', bytes: text(pem) });
    expect(r.errors.map((e) => e.code)).toEqual(['PASSWORD_REQUIRED']);
    expect(r.privateKeys).toEqual([expect.objectContaining({ encrypted: true, algorithm: 'RSA', publicSpkiSha256Hex: null, encoding: 'pem-legacy-encrypted' })]);
  });

  it('never throws, even on hostile bytes', async () => {
    for (let n = 0; n < 100; n++) {
      const b = new Uint8Array(1 + n * 3);
      globalThis.crypto.getRandomValues(b);
      b[0] = 0x30;
      await expect(decodeInput({ name: 'r', bytes: b })).resolves.toBeTruthy();
    }
  });

  const PYCA = '/work/shared/corpus/pyca/pkcs12';
  describe.skipIf(!existsSync(PYCA))(`PKCS#12 through decodeInput (${existsSync(PYCA) ? PYCA : 'skipped: corpus absent'})`, () => {
    const ROWS: readonly [string, readonly string[], number, number, string | null, string][] = [
      ['name-all-pwd.p12', ['password'], 3, 1, null, 'right password'],
      ['name-all-pwd.p12', ['wrong'], 0, 0, 'WRONG_PASSWORD', 'wrong password'],
      ['name-all-pwd.p12', [], 0, 0, 'PASSWORD_REQUIRED', 'no password'],
      ['no-password.p12', [], 1, 1, null, 'absent password tried automatically'],
    ];
    it.each(ROWS.map(([f, p, c, k, e, why]) => [why, f, p, c, k, e] as const))('%s', async (_why, f, pw, nCerts, nKeys, err) => {
      const r = await decodeInput({ name: f, bytes: new Uint8Array(readFileSync(`${PYCA}/${f}`)) }, { passwords: pw });
      expect(r.format).toBe('pkcs12');
      expect(r.certificates).toHaveLength(nCerts);
      expect(r.privateKeys).toHaveLength(nKeys);
      expect(r.errors.map((e) => e.code)).toEqual(err ? [err] : []);
      if (!err) {
        expect(r.pkcs12?.mac?.verified).toBe(true);
        expect(r.privateKeys[0]).toMatchObject({ encoding: 'pkcs12-bag', algorithm: 'EC', curve: 'P-256' });
        // The key's derived public key is the SPKI of one of the certificates.
        const all = await Promise.all(
          r.certificates.map(async (c) => {
            const t = parseDer(c.der).child(0);
            return sha256Hex(t.children()[t.child(0).isContext(0) ? 6 : 5]?.bytes ?? new Uint8Array());
          }),
        );
        expect(all).toContain(r.privateKeys[0]?.publicSpkiSha256Hex);
        expect(r.certificates[0]?.location.path).toMatch(/^PKCS#12 safe \d, bag \d/);
      }
    });
  });
});
