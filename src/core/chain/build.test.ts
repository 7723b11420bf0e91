import { describe, expect, it } from 'vitest';
import { buildChainForest } from './build';
import { makeCert } from './test-pki';

describe('buildChainForest', () => {
  it('keeps cross-signed alternatives as separate paths', async () => {
    const rootA = await makeCert({ cn: 'Root A', ca: true });
    const rootB = await makeCert({ cn: 'Root B', ca: true });
    const interViaA = await makeCert({ cn: 'Inter', issuer: rootA, ca: true });
    const interViaB = await makeCert({ cn: 'Inter', issuer: rootB, ca: true, keys: interViaA.keys });
    const leaf = await makeCert({ cn: 'leaf', issuer: interViaA });
    // The leaf's AKI names the shared key, so both intermediates are candidates.
    const forest = await buildChainForest([leaf.model, interViaA.model, interViaB.model], {
      anchors: [
        { certificate: rootA.model, kind: 'builtin' },
        { certificate: rootB.model, kind: 'session-trusted' },
      ],
    });
    const paths = forest.trees[leaf.model.sha256Hex]?.paths ?? [];
    expect(paths.map((p) => p.anchor).sort()).toEqual(['builtin', 'session-trusted']);
    expect(paths.every((p) => p.links.slice(0, -1).every((l) => l.signature.status === 'valid'))).toBe(true);
  });

  it('reports the missing issuer name and key id', async () => {
    const root = await makeCert({ cn: 'Root', ca: true });
    const inter = await makeCert({ cn: 'Inter', issuer: root, ca: true });
    const leaf = await makeCert({ cn: 'leaf', issuer: inter });
    const forest = await buildChainForest([leaf.model], { anchors: [] });
    const p = forest.trees[leaf.model.sha256Hex]?.paths[0];
    expect(p?.end).toBe('missing-issuer');
    expect(p?.missingIssuer?.issuerName).toBe('CN=Inter');
    expect(p?.missingIssuer?.authorityKeyIdHex).toMatch(/^[0-9a-f]{40}$/u);
  });

  it('stops loops between mutually cross-signed CAs', async () => {
    const a0 = await makeCert({ cn: 'A', ca: true });
    const b = await makeCert({ cn: 'B', issuer: a0, ca: true });
    const a = await makeCert({ cn: 'A', issuer: b, ca: true, keys: a0.keys });
    const leaf = await makeCert({ cn: 'leaf', issuer: b });
    const forest = await buildChainForest([leaf.model, b.model, a.model], { anchors: [] });
    const ends = (forest.trees[leaf.model.sha256Hex]?.paths ?? []).map((p) => p.end);
    expect(ends).toContain('loop');
  });

  it('bounds depth and total work', async () => {
    const root = await makeCert({ cn: 'Root', ca: true });
    let issuer = root;
    const chain = [];
    for (let i = 0; i < 5; i++) {
      issuer = await makeCert({ cn: `I${i}`, issuer, ca: true });
      chain.push(issuer.model);
    }
    const leaf = await makeCert({ cn: 'leaf', issuer });
    const shallow = await buildChainForest([leaf.model, ...chain], { anchors: [{ certificate: root.model, kind: 'session-trusted' }], maxDepth: 3 });
    expect(shallow.trees[leaf.model.sha256Hex]?.paths[0]?.end).toBe('limit');
    const starved = await buildChainForest([leaf.model, ...chain], { anchors: [{ certificate: root.model, kind: 'session-trusted' }], maxCandidateChecks: 2 });
    expect(starved.limited).toBe(true);
  });

  it('counts intermediates as RFC 5280 does: self-issued ones are free', async () => {
    const root = await makeCert({ cn: 'Root', ca: true });
    const ica = await makeCert({ cn: 'ICA', issuer: root, ca: true });
    // ICA re-keyed: self-issued (subject = issuer), signed by the old ICA key.
    const icaNew = await makeCert({ cn: 'ICA', issuer: ica, ca: true });
    const leaf = await makeCert({ cn: 'leaf', issuer: icaNew });
    const anchors = [{ certificate: root.model, kind: 'session-trusted' as const }];
    const one = await buildChainForest([leaf.model, icaNew.model, ica.model], { anchors, maxIntermediates: 1 });
    expect(one.trees[leaf.model.sha256Hex]?.paths.map((p) => p.end)).toContain('anchor');
    const sub = await makeCert({ cn: 'Sub', issuer: ica, ca: true });
    const leaf2 = await makeCert({ cn: 'leaf2', issuer: sub });
    const two = await buildChainForest([leaf2.model, sub.model, ica.model], { anchors, maxIntermediates: 1 });
    const paths = two.trees[leaf2.model.sha256Hex]?.paths ?? [];
    expect(paths.map((p) => p.end)).toEqual(['limit']);
    expect(paths[0]?.note).toBe('more than 1 intermediate');
  });
});
