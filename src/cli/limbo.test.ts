/**
 * Runs x509-limbo through the same harness as `certscope limbo` and guards the pass rate
 * recorded in test/limbo/baseline.json. Set UPDATE_LIMBO_BASELINE=1 to record a new figure.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatScoreTable, runLimbo, scoreLimbo, type LimboCaseInput } from './limbo';

const CORPUS = '/work/shared/corpus/x509-limbo/limbo-2023-12-02.json';
const BASELINE = new URL('../../test/limbo/baseline.json', import.meta.url);
/** Cases with no validation_time are evaluated at this fixed time so the run is reproducible. */
const NOW = '2024-01-01T00:00:00.000Z';

interface Baseline {
  readonly corpus: string;
  readonly passed: number;
  readonly run: number;
  readonly skipped: number;
  readonly byNamespace: Readonly<Record<string, { passed: number; run: number; skipped: number }>>;
}

describe.skipIf(!existsSync(CORPUS))(`x509-limbo (${existsSync(CORPUS) ? CORPUS : 'SKIPPED: /work/shared corpus absent'})`, () => {
  it('pass rate does not drop below the recorded baseline', async () => {
    const corpus = JSON.parse(readFileSync(CORPUS, 'utf8')) as { testcases: (LimboCaseInput & { expected_result: string })[] };
    // The engine gets the cases without expected_result.
    const inputs: LimboCaseInput[] = corpus.testcases.map(({ expected_result: _hidden, ...rest }) => rest);
    const result = await runLimbo(inputs, { now: NOW });
    const score = scoreLimbo(result.results, corpus.testcases);
    console.info(formatScoreTable(score));
    const current: Baseline = {
      corpus: 'limbo-2023-12-02.json',
      passed: score.overall.passed,
      run: score.overall.total - score.overall.skipped,
      skipped: score.overall.skipped,
      byNamespace: Object.fromEntries(Object.entries(score.byNamespace).map(([k, v]) => [k, { passed: v.passed, run: v.total - v.skipped, skipped: v.skipped }])),
    };
    if (process.env.UPDATE_LIMBO_BASELINE === '1') writeFileSync(BASELINE, `${JSON.stringify(current, null, 2)}\n`);
    const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as Baseline;
    expect(current.passed).toBeGreaterThanOrEqual(baseline.passed);
    for (const [ns, b] of Object.entries(baseline.byNamespace)) expect(current.byNamespace[ns]?.passed ?? 0, ns).toBeGreaterThanOrEqual(b.passed);
  }, 300_000);
});
