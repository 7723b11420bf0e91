import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openPkcs12 } from './pkcs12';

// Files made by test/fixtures/make-fixtures.sh (`npm run fixtures`), described by its
// manifest.json (facts from `openssl pkcs12 -info`); skipped until they exist.
const ROOT = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));
const present = existsSync(`${ROOT}manifest.json`) && existsSync(`${ROOT}p12`);

interface BagFacts {
  readonly encrypted: boolean;
  readonly cipher?: string;
  readonly iterations?: number;
}
interface P12Entry {
  readonly path: string;
  readonly password: string | null;
  readonly certCount: number;
  readonly keyPresent: boolean;
  readonly description?: string;
  readonly pkcs12: {
    readonly mac: { readonly algorithm: string; readonly iterations: number } | null;
    readonly certBags: BagFacts | null;
    readonly keyBag: BagFacts | null;
  };
}

const CIPHER_NAMES: Readonly<Record<string, string>> = {
  'pbeWithSHA1And40BitRC2-CBC': 'RC2-40-CBC',
  'pbeWithSHA1And128BitRC2-CBC': 'RC2-128-CBC',
  'pbeWithSHA1And3-KeyTripleDES-CBC': '3DES-CBC',
  'pbeWithSHA1And2-KeyTripleDES-CBC': '2-key-3DES-CBC',
};
const cipherName = (b: BagFacts | null): string | null => (b?.encrypted ? (CIPHER_NAMES[b.cipher ?? ''] ?? b.cipher ?? null) : null);

const entries: P12Entry[] = present
  ? (JSON.parse(readFileSync(`${ROOT}manifest.json`, 'utf8')) as { files: (P12Entry & { pkcs12?: unknown })[] }).files.filter(
      (f): f is P12Entry => f.path.endsWith('.p12') && !!f.pkcs12 && existsSync(ROOT + f.path),
    )
  : [];

describe.skipIf(!present)(`PKCS#12: test/fixtures/p12 per manifest.json (${present ? ROOT : 'skipped: run `npm run fixtures` to create them'})`, () => {
  it('has fixtures', () => {
    expect(entries.length).toBeGreaterThan(10);
  });
  it.each(entries.map((e) => [e.path, e] as const))('%s', async (_name, e) => {
    const r = await openPkcs12(new Uint8Array(readFileSync(ROOT + e.path)), e.password ? [e.password] : []);
    expect(r.errors).toEqual([]);
    expect(r.certificates).toHaveLength(e.certCount);
    expect(r.privateKeys.length > 0).toBe(e.keyPresent);
    const mac = e.pkcs12.mac;
    expect(r.model.mac ? { hash: r.model.mac.hash, iterations: r.model.mac.iterations, verified: r.model.mac.verified } : null).toEqual(
      mac ? { hash: mac.algorithm.toUpperCase().replace('SHA', 'SHA-'), iterations: mac.iterations, verified: true } : null,
    );
    if (e.pkcs12.keyBag) expect(r.privateKeys[0]?.encryption?.cipher ?? null).toBe(cipherName(e.pkcs12.keyBag));
    if (e.pkcs12.certBags) {
      const safe = r.model.safes.find((s) => s.bags.some((b) => b.type === 'certificate'));
      expect(safe?.encryption?.cipher ?? null).toBe(cipherName(e.pkcs12.certBags));
    }
    expect(r.model.passwordUsed).toBe(e.password ? 'given' : e.pkcs12.mac || e.pkcs12.keyBag?.encrypted || e.pkcs12.certBags?.encrypted ? 'empty' : 'none');
  });
  it('a wrong password on the default file is WRONG_PASSWORD', async () => {
    await expect(openPkcs12(new Uint8Array(readFileSync(`${ROOT}p12/default.p12`)), ['nope'])).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
  });
});
