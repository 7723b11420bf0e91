/**
 * The Worker's power-tool state (issue "Power tools in the app"): which decrypted keys it keeps for
 * an explicit export, and that forget drops them. Runs in node against the committed fixtures.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '@/core/decode-input';
import type { DecodedInput } from '@/core/model';
import { ToolState } from './tools';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));

async function load(rel: string, passwords: readonly string[] = []): Promise<{ input: DecodedInput; ders: Uint8Array[] }> {
  const ders: Uint8Array[] = [];
  const input = await decodeInput({ name: rel, bytes: new Uint8Array(readFileSync(FIXTURES + rel)) }, { passwords, onPrivateKeyPkcs8: (d) => ders.push(d) });
  return { input, ders };
}

const pemOf = (rel: string): string => readFileSync(FIXTURES + rel, 'utf8').trim();

async function exportPem(tools: ToolState, sha: string): Promise<string> {
  const r = await tools.handle({ type: 'exportPrivateKey', id: 1, privateKeySha256: sha });
  if (r.kind !== 'privateKeyExported') throw new Error(r.kind);
  return r.pem.trim();
}

describe('ToolState keys', () => {
  // [fixture, passwords the person gave, why] — every key that decodes is kept for export.
  const ROWS: readonly [string, readonly string[], string][] = [
    ['keys/server.key', [], 'an unencrypted key is in clear in its input anyway'],
    ['p12/noenc.p12', ['changeit'], 'a PKCS#12 key in a plain keyBag, opened with its MAC password'],
    ['p12/empty-password.p12', [], 'a PKCS#12 with the empty password opens without a secret'],
    ['keys/server-enc.key', ['secret'], 'an encrypted PEM key the person unlocked'],
    ['p12/default.p12', ['changeit'], 'a PKCS#12 the person unlocked'],
  ];
  it.each(ROWS.map(([f, p, why]) => [why, f, p] as const))('%s', async (_why, rel, passwords) => {
    const decoded = new Map<string, DecodedInput>();
    const tools = new ToolState(decoded);
    const { input, ders } = await load(rel, passwords);
    decoded.set(input.sha256Hex, input);
    await tools.rememberKeys(input, ders);
    const sha = input.privateKeys[0]?.sha256Hex ?? '';
    expect(sha).not.toBe('');
    expect(await exportPem(tools, sha)).toMatch(/^-----BEGIN PRIVATE KEY-----\n/u);
  });

  it('exports the same PKCS#8 as the key file, and forget drops it', async () => {
    const decoded = new Map<string, DecodedInput>();
    const tools = new ToolState(decoded);
    const { input, ders } = await load('keys/server-enc.key', ['secret']);
    decoded.set(input.sha256Hex, input);
    await tools.rememberKeys(input, ders);
    const sha = input.privateKeys[0]?.sha256Hex ?? '';
    expect(await exportPem(tools, sha)).toBe(pemOf('keys/server.key'));
    tools.forget(['some other input']);
    expect(await exportPem(tools, sha)).toBe(pemOf('keys/server.key'));
    tools.forget([input.sha256Hex]);
    await expect(exportPem(tools, sha)).rejects.toThrow(/not available/u);
  });

  it('forget with no keys (clear) drops every kept key', async () => {
    const decoded = new Map<string, DecodedInput>();
    const tools = new ToolState(decoded);
    const { input, ders } = await load('keys/server.key');
    await tools.rememberKeys(input, ders);
    const sha = input.privateKeys[0]?.sha256Hex ?? '';
    expect(await exportPem(tools, sha)).toBe(pemOf('keys/server.key'));
    tools.forget([]);
    await expect(exportPem(tools, sha)).rejects.toThrow(/not available/u);
  });

  it('an encrypted key without its password is listed but nothing is kept', async () => {
    const decoded = new Map<string, DecodedInput>();
    const tools = new ToolState(decoded);
    const { input, ders } = await load('keys/server-enc.key');
    expect(ders).toEqual([]);
    await tools.rememberKeys(input, ders);
    const sha = input.privateKeys[0]?.sha256Hex ?? '';
    await expect(exportPem(tools, sha)).rejects.toThrow(/not available/u);
  });
});

describe('ToolState certificate tools', () => {
  it('asn1, exports and compare read the decoded certificates', async () => {
    const decoded = new Map<string, DecodedInput>();
    const tools = new ToolState(decoded);
    const { input } = await load('bundles/chain.pem');
    decoded.set(input.sha256Hex, input);
    const [leaf, intermediate, root] = input.certificates;
    if (!leaf || !intermediate || !root) throw new Error('chain.pem has three certificates');
    const asn1 = await tools.handle({ type: 'asn1', id: 1, key: input.sha256Hex, certificateSha256: leaf.sha256Hex });
    expect(asn1.kind === 'asn1' && asn1.tree.offset === 0 && asn1.der.length === leaf.der.length).toBe(true);
    const exports = await tools.handle({ type: 'exports', id: 2, certificateSha256: leaf.sha256Hex, pathShas: [leaf.sha256Hex, intermediate.sha256Hex, root.sha256Hex] });
    expect(exports.kind === 'exports' ? exports.exports.chainLength : 0).toBe(3);
    const compared = await tools.handle({ type: 'compare', id: 3, a: leaf.sha256Hex, b: leaf.sha256Hex });
    expect(compared.kind === 'compared' && compared.diffs.every((d) => d.status === 'same')).toBe(true);
    await expect(tools.handle({ type: 'compare', id: 4, a: leaf.sha256Hex, b: 'f'.repeat(64) })).rejects.toThrow(/not loaded/u);
    const errors = await tools.handle({ type: 'decodeError', id: 5, text: 'certificate has expired' });
    expect(errors.kind === 'errorDecoded' && errors.matches[0]?.code === 'EXPIRED' && errors.matches[0].triggeredBy === null).toBe(true);
  });
});

describe('ToolState mTLS pair of a big session', () => {
  it('checks a picked pair with the verifier answers the analysis left for later', async () => {
    const { readFileSync } = await import('node:fs');
    const { decodeInput } = await import('@/core/decode-input');
    const { analyzeSessionLazily } = await import('@/core/session');
    const read = (p: string) => decodeInput({ name: p, bytes: new Uint8Array(readFileSync(new URL(`../../test/fixtures/${p}`, import.meta.url))) });
    const inputs = await Promise.all(['leaves/server.pem', 'leaves/client.pem', 'pki/intermediate.pem', 'pki/root.pem'].map(read));
    // Every certificate's answers left for later, as above 1,000 certificates.
    const lazy = await analyzeSessionLazily(inputs, { at: '2026-06-01T00:00:00Z', host: null, builtinRoots: false, verifierLimit: 0 });
    const sha = (name: string) => inputs.find((i) => i.name === name)?.certificates[0]?.sha256Hex ?? '';
    const request = { type: 'mtlsPair', id: 1, server: sha('leaves/server.pem'), client: sha('leaves/client.pem') } as const;
    const roleStates = async (tools: ToolState) => {
      const r = await tools.handle(request);
      if (r.kind !== 'mtlsChecked') throw new Error(r.kind);
      expect(r.check.pairing, 'asked without a pairing: picked').toBe('picked');
      expect(r.check.answersDeferred, 'deferred exactly when a role item could not be judged').toBe(r.check.items.some((i) => i.id.endsWith('-role') && i.state === 'unknown'));
      return r.check.items.filter((i) => i.id === 'server-role' || i.id === 'client-role').map((i) => i.state);
    };
    // [with answersFor, role items unknown?, why]
    const ROWS: readonly [boolean, boolean, string][] = [
      [false, true, 'without a way to the later answers: unknown, and it says so'],
      [true, false, 'with it: judged on every verifier answer'],
    ];
    for (const [withAnswers, unknown, why] of ROWS) {
      const tools = new ToolState(new Map(inputs.map((i) => [i.sha256Hex, i])));
      tools.rememberAnalysis(lazy.analysis, withAnswers ? lazy.answersFor : null);
      const states = await roleStates(tools);
      expect(states, why).toHaveLength(2);
      expect(states.every((s) => s === 'unknown'), why).toBe(unknown);
    }
  });

  it("checks the analysis' own pair again, keeping why it was paired, once the answers are there", async () => {
    const { readFileSync } = await import('node:fs');
    const { decodeInput } = await import('@/core/decode-input');
    const { analyzeSessionLazily } = await import('@/core/session');
    // A server and a client certificate in one file: the analysis pairs them (same input).
    const pem = ['leaves/server.pem', 'leaves/client.pem', 'pki/intermediate.pem', 'pki/root.pem'].map((p) => readFileSync(new URL(`../../test/fixtures/${p}`, import.meta.url), 'utf8')).join('\n');
    const input = await decodeInput({ name: 'pair.pem', bytes: new TextEncoder().encode(pem) });
    const lazy = await analyzeSessionLazily([input], { at: '2026-06-01T00:00:00Z', host: null, builtinRoots: false, verifierLimit: 0 });
    const automatic = lazy.analysis.mtls;
    expect(automatic?.pairing).toBe('same-input');
    expect(automatic?.answersDeferred, "the analysis' own check: its answers were left for later").toBe(true);
    const tools = new ToolState(new Map([[input.sha256Hex, input]]));
    tools.rememberAnalysis(lazy.analysis, lazy.answersFor);
    const again = await tools.handle({ type: 'mtlsPair', id: 2, server: automatic?.server ?? '', client: automatic?.client ?? '', pairing: automatic?.pairing ?? 'picked' });
    if (again.kind !== 'mtlsChecked') throw new Error(again.kind);
    expect(again.check.pairing).toBe('same-input');
    expect(again.check.answersDeferred).toBe(false);
    expect(again.check.items.find((i) => i.id === 'server-role')?.state).not.toBe('unknown');
    // The same as an analysis that answered everything at once.
    const { analyzeSession } = await import('@/core/session');
    const eager = await analyzeSession([input], { at: '2026-06-01T00:00:00Z', host: null, builtinRoots: false });
    expect(JSON.parse(JSON.stringify(again.check))).toEqual(JSON.parse(JSON.stringify(eager.mtls)));
  });
});
