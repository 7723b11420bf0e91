/**
 * What the Worker posts of an analysis: per role, which verifiers refuse (ids only), and the full
 * answers on request. Runs the real engine on the committed fixtures.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '@/core/decode-input';
import { analyzeSession } from '@/core/session';
import type { RoleVerifiers, VerifierAnswer } from '@/core/verify/types';
import { postAnalysis, postCertificate, summarizeVerifiers, verifierAnswersOf } from './posted';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
const AT = '2026-06-01T00:00:00Z';

const accepts: VerifierAnswer = { accepts: true, error: null, codes: [], fix: null, path: null };
const refuses = (error: string): VerifierAnswer => ({ accepts: false, error, codes: ['EXPIRED'], fix: null, path: null });
const untilTrusted = (then: VerifierAnswer): VerifierAnswer => ({ ...refuses('x509: certificate signed by unknown authority'), codes: ['CHAIN_PRIVATE_ROOT'], ifRootTrusted: { privateRoot: 'ab'.repeat(32), answer: then } });

describe('summarizeVerifiers', () => {
  // [answers, answered, refusing, refusing until the root is trusted, why]
  const ROWS: readonly [RoleVerifiers, string[], string[], string[], string][] = [
    [{}, [], [], [], 'no verifier answered (verifiers switched off)'],
    [{ go: accepts, chrome: accepts }, ['chrome', 'go'], [], [], 'listed in the fixed order, whatever the object order'],
    [{ webpki: refuses('e'), go: accepts, java: refuses('e') }, ['go', 'java', 'webpki'], ['java', 'webpki'], [], 'plain refusals'],
    [{ go: untilTrusted(accepts) }, ['go'], [], ['go'], 'refuses only until the loaded root is trusted'],
    [{ go: untilTrusted(refuses('x509: certificate has expired or is not yet valid')) }, ['go'], ['go'], [], 'still refuses once the root is trusted: a refusal'],
  ];
  it.each(ROWS)('%#: %s', (answers, answered, refusing, waiting) => {
    expect(summarizeVerifiers(answers)).toEqual({ answered, refusing, refusingUntilRootTrusted: waiting });
  });
});

async function session(files: readonly string[], host: string | null = null) {
  const inputs = await Promise.all(files.map((f) => decodeInput({ name: f, bytes: new Uint8Array(readFileSync(FIXTURES + f)) })));
  return analyzeSession(inputs, { at: AT, host });
}

describe('postAnalysis', () => {
  it('posts ids of refusing verifiers instead of their answers, and keeps the answers for the detail view', async () => {
    const analysis = await session(['leaves/expired.pem', 'pki/intermediate.pem', 'pki/root.pem']);
    const posted = postAnalysis(7, analysis);
    expect(posted.id).toBe(7);
    // Structured-clone data only (what postMessage copies).
    expect(() => structuredClone(posted)).not.toThrow();
    const leaf = analysis.certificates.find((c) => c.certificate.subject.rfc4514.includes('expired.certscope.test'));
    const postedLeaf = posted.certificates.find((c) => c.sha256 === leaf?.sha256);
    expect(leaf && postedLeaf).toBeTruthy();
    if (!leaf || !postedLeaf) return;
    for (const role of ['tlsServer', 'tlsClient'] as const) {
      const p = postedLeaf.suitability[role];
      expect(p).not.toHaveProperty('verifiers');
      expect(p.verdict).toBe(leaf.suitability[role].verdict);
      expect(p.answered).toEqual(expect.arrayContaining(Object.keys(leaf.suitability[role].verifiers)));
      // Every verifier refuses an expired certificate.
      expect(p.refusing).toEqual(p.answered);
    }
    expect(postedLeaf.suitability.tlsServer.refusing).toContain('go');
    expect(verifierAnswersOf(leaf.suitability).tlsServer.go?.error).toMatch(/^x509: certificate has expired or is not yet valid/);
    expect(() => structuredClone(verifierAnswersOf(leaf.suitability))).not.toThrow();
    // A finding's words and where it breaks (the per-stack error texts) are not posted with every certificate: they come with the answers.
    const expired = (findings: readonly { code: string; breaksIn?: readonly unknown[] }[]) => findings.find((f) => f.code === 'EXPIRED');
    expect(expired(leaf.suitability.tlsServer.findings)?.breaksIn?.length).toBeGreaterThan(0);
    expect(expired(postedLeaf.suitability.tlsServer.findings)).toEqual({ code: 'EXPIRED', severity: 'fail' });
    expect(expired(verifierAnswersOf(leaf.suitability).findings.tlsServer)).toEqual(expired(leaf.suitability.tlsServer.findings));
  });

  it('leaves in the Worker what the page has from decoding: the inputs, the CRLs, and the keys\' models (a key is its SHA-256 and its certificate\'s)', async () => {
    const analysis = await session(['leaves/server.pem', 'keys/server.key', 'pki/intermediate.pem', 'pki/root.pem']);
    expect(analysis.inputs).toHaveLength(4);
    expect(analysis.privateKeys).toHaveLength(1);
    const posted = postAnalysis(3, analysis);
    expect(posted).not.toHaveProperty('inputs');
    expect(posted).not.toHaveProperty('crls');
    const key = analysis.privateKeys[0];
    expect(posted.privateKeys).toEqual([{ sha256: key?.sha256, certificate: key?.certificate }]);
    expect(key?.certificate).toBe(analysis.certificates.find((c) => c.certificate.subject.rfc4514.includes('www.certscope.test'))?.sha256);
  });

  it('shares what certificates have in common (one object each), and posts the same values as unshared', async () => {
    const analysis = await session(['leaves/server.pem', 'leaves/expired.pem', 'leaves/dual.pem', 'pki/intermediate.pem', 'pki/root.pem']);
    const posted = postAnalysis(1, analysis);
    // Unshared: each certificate posted with a pool of its own.
    const alone = analysis.certificates.map((c) => postCertificate(c));
    expect(JSON.stringify(posted.certificates)).toBe(JSON.stringify(alone));
    expect(JSON.stringify(posted.forest)).toBe(JSON.stringify(analysis.forest));
    const leaves = posted.certificates.filter((c) => c.chain.path.length === 3);
    expect(leaves.length).toBeGreaterThan(1);
    const [a, b] = leaves;
    if (!a || !b) return;
    // The same issuing CA: the same RDN objects in their names, the same link to the intermediate and the root in their trees.
    expect(a.subject.rdns.find((r) => r[0]?.shortName === 'O')).toBe(b.subject.rdns.find((r) => r[0]?.shortName === 'O'));
    const linkTo = (sha: string, i: number) => posted.forest.trees[sha]?.paths[0]?.links[i];
    expect(linkTo(a.sha256, 1)).toBeDefined();
    expect(linkTo(a.sha256, 1)).toBe(linkTo(b.sha256, 1));
    expect(linkTo(a.sha256, 2)).toBe(linkTo(b.sha256, 2));
    expect(a.revocation).toBe(b.revocation);
  });

  it('a private root that is not trusted: the refusal is summarised as "until the root is trusted"', async () => {
    const analysis = await session(['leaves/server.pem', 'pki/intermediate.pem', 'pki/root.pem']);
    const posted = postAnalysis(1, analysis);
    const leaf = analysis.certificates.find((c) => c.certificate.subject.rfc4514.includes('www.certscope.test'));
    const postedLeaf = posted.certificates.find((c) => c.sha256 === leaf?.sha256);
    if (!leaf || !postedLeaf) throw new Error('server.pem not in the session');
    const go = leaf.suitability.tlsServer.verifiers.go;
    expect(go?.accepts).toBe(false);
    expect(go?.ifRootTrusted?.answer.accepts).toBe(true);
    expect(postedLeaf.suitability.tlsServer.refusingUntilRootTrusted).toContain('go');
    expect(postedLeaf.suitability.tlsServer.refusing).not.toContain('go');
  });
});
