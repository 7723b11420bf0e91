/** The background sweep of later verifier answers: batches by time, the same answers as an eager analysis, and stopping when superseded. Runs the real engine. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '@/core/decode-input';
import { analyzeSession, analyzeSessionLazily } from '@/core/session';
import { postSuitability } from './posted';
import { answersLeftForLater, SUPERSEDED, type AnsweredCertificate } from './protocol';
import { SameValues } from './same-values';
import { sweepAnswers } from './sweep';

const read = async (p: string) => decodeInput({ name: p, bytes: new Uint8Array(readFileSync(new URL(`../../test/fixtures/${p}`, import.meta.url))) });
const FILES = ['leaves/server.pem', 'leaves/expired.pem', 'leaves/dual.pem', 'pki/intermediate.pem', 'pki/root.pem'];
const OPTIONS = { at: '2026-06-01T00:00:00Z', host: null, builtinRoots: false } as const;

async function setUp(verifierLimit?: number) {
  const inputs = await Promise.all(FILES.map(read));
  const lazy = await analyzeSessionLazily(inputs, verifierLimit === undefined ? OPTIONS : { ...OPTIONS, verifierLimit });
  return { inputs, lazy };
}

/** Runs a sweep with a clock that moves `step` ms per certificate; records the batches and pauses. */
async function run(verifierLimit: number | undefined, batchMs: number, stopAfter = Infinity) {
  const { inputs, lazy } = await setUp(verifierLimit);
  const batches: { answered: readonly AnsweredCertificate[]; done: number; total: number }[] = [];
  let clock = 0;
  let pauses = 0;
  let asked = 0;
  const result = sweepAnswers(lazy.analysis.certificates, lazy, {
    batchMs,
    current: () => asked++ < stopAfter,
    post: (answered, done, total) => batches.push({ answered, done, total }),
    pause: async () => {
      pauses++;
    },
    now: () => (clock += 10),
  });
  return { inputs, lazy, batches, result, pauses: () => pauses };
}

describe('sweepAnswers', () => {
  it('answers every waiting certificate, in order, with the answers an eager analysis gives', async () => {
    const { inputs, lazy, batches, result } = await run(1, 0);
    expect(await result).toBe(4);
    // batchMs 0: a batch per certificate, counted as it goes.
    expect(batches.map((b) => [b.answered.length, b.done, b.total])).toEqual([
      [1, 1, 4],
      [1, 2, 4],
      [1, 3, 4],
      [1, 4, 4],
    ]);
    const waiting = lazy.analysis.certificates.filter((c) => answersLeftForLater(c.suitability)).map((c) => c.sha256);
    expect(batches.flatMap((b) => b.answered.map((a) => a.sha256))).toEqual(waiting);
    const eager = await analyzeSession(inputs, OPTIONS);
    for (const a of batches.flatMap((b) => b.answered)) {
      const want = eager.certificates.find((c) => c.sha256 === a.sha256);
      expect(want).toBeDefined();
      if (want) expect(JSON.stringify(a.suitability)).toBe(JSON.stringify(postSuitability(want.suitability, new SameValues())));
    }
  });

  // [verifier limit, ms per batch (the clock moves 10 ms a step), batch sizes, pauses, why]
  const ROWS: readonly [number | undefined, number, number[], number, string][] = [
    [1, 1_000_000, [4], 0, 'a batch longer than the work: one message at the end, no pause'],
    [1, 15, [2, 2], 2, 'a batch every two certificates, a pause after each full one'],
    [undefined, 0, [], 0, 'nothing left for later: no message at all'],
  ];
  it.each(ROWS)('%#: limit %s, %s ms → batches %o, %s pauses (%s)', async (limit, batchMs, sizes, pauses) => {
    const r = await run(limit, batchMs);
    await r.result;
    expect(r.batches.map((b) => b.answered.length)).toEqual(sizes);
    expect(r.pauses()).toBe(pauses);
  });

  it('stops with SUPERSEDED once the analysis is no longer current, after posting what it had', async () => {
    const r = await run(1, 0, 2);
    await expect(r.result).rejects.toThrow(SUPERSEDED);
    expect(r.batches.map((b) => b.done)).toEqual([1, 2]);
  });
});
