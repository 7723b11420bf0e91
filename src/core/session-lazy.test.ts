/** Large sessions defer the per-verifier answers beyond `verifierLimit`; asking for one certificate computes them, equal to an eager analysis. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeInput } from './decode-input';
import { analyzeSession, analyzeSessionLazily } from './session';

const read = async (p: string) => decodeInput({ name: p, bytes: new Uint8Array(readFileSync(new URL(`../../test/fixtures/${p}`, import.meta.url))) });

describe('analyzeSessionLazily', () => {
  it('defers answers beyond the limit and computes the same answers on request', async () => {
    const inputs = [await read('leaves/dual.pem'), await read('leaves/expired.pem'), await read('pki/intermediate.pem'), await read('pki/root.pem')];
    const options = { at: '2026-06-01T00:00:00Z', host: 'dual.certscope.test', builtinRoots: false } as const;
    const eager = await analyzeSession(inputs, options);
    const lazy = await analyzeSessionLazily(inputs, { ...options, verifierLimit: 1 });
    const [first, second] = lazy.analysis.certificates;
    expect(first?.suitability.tlsServer.verifiersDeferred).toBeUndefined();
    expect(Object.keys(first?.suitability.tlsServer.verifiers ?? {})).not.toEqual([]);
    expect(second?.suitability.tlsServer.verifiersDeferred).toBe(true);
    expect(second?.suitability.tlsServer.verifiers).toEqual({});
    const later = await lazy.answersFor(second?.sha256 ?? '');
    const want = eager.certificates.find((c) => c.sha256 === second?.sha256);
    expect(later?.tlsServer.verifiers).toEqual(want?.suitability.tlsServer.verifiers);
    expect(later?.tlsClient.verifiers).toEqual(want?.suitability.tlsClient.verifiers);
    expect(later?.tlsServer.verdict).toBe(want?.suitability.tlsServer.verdict);
    expect(await lazy.answersFor('0'.repeat(64))).toBeNull();
  });

  it('works a certificate\'s answers out once: the detail view and the background sweep asking for it get the same answers', async () => {
    const inputs = [await read('leaves/dual.pem'), await read('leaves/expired.pem'), await read('pki/intermediate.pem'), await read('pki/root.pem')];
    const lazy = await analyzeSessionLazily(inputs, { at: '2026-06-01T00:00:00Z', host: null, builtinRoots: false, verifierLimit: 0 });
    const sha = lazy.analysis.certificates[1]?.sha256 ?? '';
    const [a, b] = await Promise.all([lazy.answersFor(sha), lazy.answersFor(sha)]);
    expect(a).not.toBeNull();
    expect(b).toBe(a);
    expect(await lazy.answersFor(sha)).toBe(a);
    // Answered in full: no role is still waiting.
    expect(a?.tlsServer.verifiersDeferred).toBeUndefined();
    expect(Object.keys(a?.tlsServer.verifiers ?? {}).length).toBeGreaterThan(0);
  });
});
