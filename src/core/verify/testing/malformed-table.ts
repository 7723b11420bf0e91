/**
 * Test-only: the cases of test/fixtures/verifier-malformed (chains valid except for one
 * malformed-but-present extension) and one table runner that every verifier model's test uses:
 * each row is [case id, what the real verifier answered]; the why is the case's own `about` in
 * cases.json (make.ts writes it), shown in the test's name. Never imported by engine code.
 */
/* eslint-disable no-restricted-imports */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerPemCase } from '../pem-case';
import type { VerifierId } from '../types';

type MalformedCase = Parameters<typeof answerPemCase>[0] & { readonly id: string; readonly about: string };

export type MalformedRow = readonly [id: string, expected: { readonly accepts: boolean; readonly error: string | null }];

const CASES: ReadonlyMap<string, MalformedCase> = new Map(
  (JSON.parse(readFileSync(new URL('../../../../test/fixtures/verifier-malformed/cases.json', import.meta.url), 'utf8')) as MalformedCase[]).map((c) => [c.id, c]),
);

/**
 * `title` says which real verifier answered. The rows must cover every case of the set, or only
 * its server cases when `serverOnly` (a verifier measured on the server role only).
 */
export function describeMalformedRows(verifier: VerifierId, title: string, rows: readonly MalformedRow[], serverOnly = false): void {
  describe(title, () => {
    it(`covers every ${serverOnly ? 'server case' : 'case'} of test/fixtures/verifier-malformed`, () => {
      expect(rows.map((r) => r[0]).sort()).toEqual([...CASES.keys()].filter((id) => !serverOnly || id.endsWith('::server')).sort());
    });
    it.each(rows.map(([id, expected]) => [id, expected, CASES.get(id)?.about ?? ''] as const))('%s (%j): %s', async (id, expected) => {
      const c = CASES.get(id);
      if (!c) throw new Error(`no case ${id}`);
      const a = await answerPemCase(c, verifier);
      if ('unreadable' in a) throw new Error(a.unreadable);
      expect({ accepts: a.accepts, error: a.error }).toEqual(expected);
    });
  });
}
