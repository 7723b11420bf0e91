import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DecodedInput, DecodeOptions, InputSource } from './model';

// decodeInput with the real decoders of src/core/decode (written in parallel; skipped until it exists).
const decodeModule = fileURLToPath(new URL('./decode/index.ts', import.meta.url));
const hasDecode = existsSync(decodeModule);
const PYCA = '/work/shared/corpus/pyca';
const hasPyca = existsSync(PYCA);

type DecodeInputFn = (source: InputSource, options?: DecodeOptions) => Promise<DecodedInput>;
async function load(): Promise<DecodeInputFn> {
  const path = './decode-input';
  const mod = (await import(/* @vite-ignore */ path)) as { decodeInput: DecodeInputFn };
  return mod.decodeInput;
}

describe.skipIf(!hasDecode || !hasPyca)(`decodeInput with the real decoders (${hasDecode ? (hasPyca ? 'pyca corpus' : 'skipped: corpus absent') : 'skipped: src/core/decode/index.ts not there yet'})`, () => {
  const P12: readonly [string, readonly string[], number, number, string][] = [
    ['cert-key-aes256cbc.p12', ['cryptography'], 1, 1, 'AES-256 file'],
    ['name-all-pwd.p12', ['password'], 3, 1, '3DES file with names'],
    ['no-password.p12', [], 1, 1, 'RC2-40 with an absent password'],
    ['java-truststore.p12', [], 2, 0, 'Java truststore'],
  ];
  it.each(P12.map(([f, p, c, k, why]) => [why, f, p, c, k] as const))('%s', async (_why, f, pw, nCerts, nKeys) => {
    const decodeInput = await load();
    const r = await decodeInput({ name: f, bytes: new Uint8Array(readFileSync(`${PYCA}/pkcs12/${f}`)) }, { passwords: pw });
    expect(r.errors).toEqual([]);
    expect(r.certificates).toHaveLength(nCerts);
    expect(r.privateKeys).toHaveLength(nKeys);
    // The key matches one of the certificates.
    for (const k of r.privateKeys) expect(r.certificates.map((c) => c.publicKey.spkiSha256Hex)).toContain(k.publicSpkiSha256Hex);
  });

  it('reads every pyca x509 file without throwing; PEM bundles keep their good blocks', async () => {
    const decodeInput = await load();
    const dir = `${PYCA}/x509`;
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    let certs = 0;
    for (const d of files) {
      const path = `${d.parentPath}/${d.name}`;
      const r = await decodeInput({ name: d.name, bytes: new Uint8Array(readFileSync(path)) });
      certs += r.certificates.length;
    }
    expect(certs).toBeGreaterThan(50);
  });
});
