/**
 * The view model of a big analysis whose verifier answers arrive later (worker.ts completeAnswers):
 * how far they are, and the verdicts and assessments once they are in. Runs the real engine.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '@/core/decode-input';
import { analyzeSession, analyzeSessionLazily } from '@/core/session';
import { postAnalysis, postSuitability } from '@/worker/posted';
import { pageInputOf } from '@/worker/page-input';
import { SameValues } from '@/worker/same-values';
import type { PostedCertificate } from '@/worker/protocol';
import { rowKey } from '@/ui/overview-rows';
import { adaptAnalysis, withLaterAnswers, type LaterAnswers } from './analysis-view-model';

const read = async (p: string) => decodeInput({ name: p, bytes: new Uint8Array(readFileSync(new URL(`../../test/fixtures/${p}`, import.meta.url))) });
const FILES = ['leaves/server.pem', 'leaves/expired.pem', 'leaves/dual.pem', 'pki/intermediate.pem', 'pki/root.pem'];
const OPTIONS = { at: '2026-06-01T00:00:00Z', host: null, builtinRoots: false } as const;

async function setUp() {
  const inputs = await Promise.all(FILES.map(read));
  const eager = await analyzeSession(inputs, OPTIONS);
  // Only the first certificate answered at once, as a big session's first 1,000 are.
  const lazy = await analyzeSessionLazily(inputs, { ...OPTIONS, verifierLimit: 1 });
  const posted = postAnalysis(5, lazy.analysis);
  const values = new SameValues();
  const answered = new Map<string, PostedCertificate['suitability']>();
  for (const c of posted.certificates.slice(1)) {
    const roles = await lazy.answersFor(c.sha256);
    if (roles) answered.set(c.sha256, postSuitability(roles, values));
  }
  return { eager, posted, answered, pages: inputs.map(pageInputOf) };
}

describe('adaptAnalysis with answers that come later', () => {
  it('counts what is still waiting, and once all are in shows the same verdicts as an analysis that answered everything at once', async () => {
    const { eager, posted, answered, pages } = await setUp();
    const total = posted.certificates.length;
    expect(total).toBe(5);
    const list = [...answered].map(([sha256, suitability]) => ({ sha256, suitability }));
    const upTo = (count: number, failure: string | null = null, analysisId = 5): LaterAnswers => ({ analysisId, answered: list, count, failure });
    // [answers that came later, how far (null: all in), why]
    const ROWS: readonly [LaterAnswers | null, { answered: number; of: number; failure: string | null } | null, string][] = [
      [null, { answered: 1, of: total, failure: null }, 'none yet: only the first certificate has its answers'],
      [upTo(2), { answered: 3, of: total, failure: null }, 'some in'],
      [upTo(list.length), null, 'all in: nothing pending'],
      [upTo(list.length, null, 4), { answered: 1, of: total, failure: null }, "another analysis' answers are not this one's"],
      [upTo(2, 'The engine was restarted'), { answered: 3, of: total, failure: 'The engine was restarted' }, 'stopped short: why, with how far it got'],
      [{ analysisId: 5, answered: [...list, ...list], count: 2 * list.length, failure: null }, null, 'a certificate answered twice counts once'],
    ];
    // A view model of its own per row: one view model's layer only grows (an older snapshot rendered late sees the newer answers).
    for (const [later, pending, why] of ROWS) expect(withLaterAnswers(adaptAnalysis(posted, pages), later).answersPending, why).toEqual(pending);
    const base = adaptAnalysis(posted, pages);
    // Nothing laid over: the same view model.
    expect(withLaterAnswers(base, null)).toBe(base);
    // Batch by batch on one view model: each takes in what is new.
    expect(withLaterAnswers(base, upTo(1)).answersPending).toEqual({ answered: 2, of: total, failure: null });
    expect(withLaterAnswers(base, upTo(3)).answersPending).toEqual({ answered: 4, of: total, failure: null });

    const view = withLaterAnswers(base, upTo(list.length));
    expect(view.answersPending).toBeNull();
    expect([...view.verdicts.keys()]).toEqual([...base.verdicts.keys()]);
    expect(view.verdicts.size).toBe(base.verdicts.size);
    // What does not depend on the answers is the view model's own.
    expect(view.labelOf).toBe(base.labelOf);
    expect(view.forest).toBe(base.forest);
    for (const c of eager.certificates) {
      const v = view.verdicts.get(rowKey('certificate', c.sha256));
      expect(v?.tlsServer).toBe(c.suitability.tlsServer.verdict);
      expect(v?.tlsClient).toBe(c.suitability.tlsClient.verdict);
      expect([...(v?.refusing.tlsServer ?? [])].sort()).toEqual(Object.entries(c.suitability.tlsServer.verifiers).filter(([, a]) => !a.accepts && !a.ifRootTrusted?.answer.accepts).map(([id]) => id).sort());
      const [server] = view.assessmentsOf(c.sha256) ?? [];
      expect(server?.verdict).toBe(c.suitability.tlsServer.verdict);
      expect(server?.verifiersDeferred).toBeUndefined();
    }
    // Before the answers came, a waiting certificate's row said no verifier refuses it: the reason the overview says how far they are.
    const waiting = posted.certificates.find((c) => c.suitability.tlsServer.verifiersDeferred && answered.get(c.sha256)?.tlsServer.refusing.length);
    expect(waiting).toBeDefined();
    expect(base.verdicts.get(rowKey('certificate', waiting?.sha256 ?? ''))?.refusing.tlsServer).toEqual([]);
    // A row whose results are the same keeps its verdict object (its memoised row is left alone).
    const first = posted.certificates[0]?.sha256 ?? '';
    expect(view.verdicts.get(rowKey('certificate', first))).toBe(base.verdicts.get(rowKey('certificate', first)));
  });
});
