/**
 * The Worker's PKCS#12 writing tool (WritePkcs12Request): rows [inputs loaded, request, expected,
 * why]. The written bytes reopen with the new password in the engine's reader; the kept key is
 * still the same afterwards (only the copy used for writing is zeroed); refusals name the reason.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '@/core/decode-input';
import { openPkcs12 } from '@/core/input/pkcs12';
import type { DecodedInput } from '@/core/model';
import { ToolState } from './tools';
import type { WritePkcs12Request } from './tools-protocol';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));

async function session(files: readonly [string, readonly string[]][]): Promise<{ tools: ToolState; inputs: DecodedInput[] }> {
  const decoded = new Map<string, DecodedInput>();
  const tools = new ToolState(decoded);
  const inputs: DecodedInput[] = [];
  for (const [rel, passwords] of files) {
    const ders: Uint8Array[] = [];
    const input = await decodeInput({ name: rel, bytes: new Uint8Array(readFileSync(FIXTURES + rel)) }, { passwords, onPrivateKeyPkcs8: (d) => ders.push(d) });
    decoded.set(input.sha256Hex, input);
    await tools.rememberKeys(input, ders);
    inputs.push(input);
  }
  return { tools, inputs };
}

type Ask = (inputs: DecodedInput[]) => Omit<WritePkcs12Request, 'type' | 'id'>;
const all = (inputs: DecodedInput[]) => inputs.flatMap((i) => i.certificates);
const keyOf = (inputs: DecodedInput[]) => inputs.flatMap((i) => i.privateKeys)[0]?.sha256Hex ?? '';
const leafOf = (inputs: DecodedInput[], cn: string) => all(inputs).find((c) => c.subject.rfc4514.startsWith(`CN=${cn}`))?.sha256Hex ?? '';

describe('writePkcs12 tool', () => {
  const ROWS: readonly [string, readonly [string, readonly string[]][], Ask, { certs: number; cipher: string; name: string | null } | RegExp][] = [
    [
      'legacy PKCS#12 → modern, chain from the session',
      [['p12/legacy.p12', ['changeit']]],
      (inputs) => ({ certificateSha256: leafOf(inputs, 'alice'), privateKeySha256: keyOf(inputs), chainShas: all(inputs).map((c) => c.sha256Hex), password: 'new one', profile: 'modern', iterations: 1000, friendlyName: 'alice' }),
      { certs: 3, cipher: 'AES-256-CBC', name: 'alice' },
    ],
    [
      'certificate + separate key → compatible, no chain, no name',
      [
        ['leaves/server.pem', []],
        ['keys/server-enc.key', ['secret']],
      ],
      (inputs) => ({ certificateSha256: leafOf(inputs, 'www.certscope.test'), privateKeySha256: keyOf(inputs), chainShas: [], password: 'new one', profile: 'compatible', iterations: 1000, friendlyName: null }),
      { certs: 1, cipher: '3DES-CBC', name: null },
    ],
    [
      'custom names from the panel',
      [['p12/default.p12', ['changeit']]],
      (inputs) => ({ certificateSha256: leafOf(inputs, 'alice'), privateKeySha256: keyOf(inputs), chainShas: [], password: 'pw', profile: 'custom', iterations: 1000, custom: { keyPbe: 'AES-128-CBC', certPbe: 'PBE-SHA1-3DES', mac: 'sha512', prf: 'sha1' }, friendlyName: 'x' }),
      { certs: 1, cipher: '3DES-CBC', name: 'x' },
    ],
    [
      'a key that is not the certificate’s',
      [
        ['leaves/ec-p256.pem', []],
        ['keys/server.key', []],
      ],
      (inputs) => ({ certificateSha256: leafOf(inputs, ''), privateKeySha256: keyOf(inputs), chainShas: [], password: 'pw', profile: 'modern', iterations: 1000, friendlyName: null }),
      /does not belong to the first certificate/u,
    ],
    [
      'a key the Worker does not hold (still locked)',
      [
        ['leaves/server.pem', []],
        ['keys/server-enc.key', []],
      ],
      (inputs) => ({ certificateSha256: leafOf(inputs, 'www'), privateKeySha256: keyOf(inputs), chainShas: [], password: 'pw', profile: 'modern', iterations: 1000, friendlyName: null }),
      /not available/u,
    ],
  ];
  it.each(ROWS)('%s', async (_why, files, ask, expected) => {
    const { tools, inputs } = await session(files);
    const request: WritePkcs12Request = { type: 'writePkcs12', id: 1, ...ask(inputs) };
    const result = tools.handle(request);
    if (expected instanceof RegExp) {
      await expect(result).rejects.toThrow(expected);
      return;
    }
    const r = await result;
    if (r.kind !== 'pkcs12Written') throw new Error(r.kind);
    expect(r.fileName).toMatch(new RegExp(`\\.${request.profile}\\.p12$`, 'u'));
    expect(r.summary).not.toContain(request.password);
    const o = await openPkcs12(r.bytes, [request.password]);
    expect(o.certificates).toHaveLength(expected.certs);
    expect(o.certificates[0]?.der).toEqual(all(inputs).find((c) => c.sha256Hex === request.certificateSha256)?.der);
    expect(o.model.safes[0]?.encryption?.cipher).toBe(expected.cipher);
    expect(o.privateKeys[0]?.friendlyName ?? null).toBe(expected.name);
    // The kept key is untouched: it exports (and writes) again.
    const again = await tools.handle({ type: 'exportPrivateKey', id: 2, privateKeySha256: request.privateKeySha256 });
    expect(again.kind === 'privateKeyExported' && again.pem).toMatch(/^-----BEGIN PRIVATE KEY-----\nMI/u);
  });
});
