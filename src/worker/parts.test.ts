import { describe, expect, it } from 'vitest';
import { assembleParts, splitResult } from './parts';
import type { CertificateSummary, PageInput, PartField, PostedAnalysis, WorkerResult } from './protocol';

const cert = (i: number) => ({ sha256Hex: `c${i}` }) as unknown as CertificateSummary;
const input = (n: number): PageInput =>
  ({ name: 'bundle.pem', sha256Hex: 'in', size: 1, format: 'pem', errors: [], certificates: Array.from({ length: n }, (_, i) => cert(i)), csrs: [], crls: [], privateKeys: [], publicKeys: [], pkcs12: null }) as PageInput;
const analysis = (n: number): PostedAnalysis =>
  ({
    id: 3,
    certificates: Array.from({ length: n }, (_, i) => ({ sha256: `c${i}` })),
    forest: { trees: Object.fromEntries(Array.from({ length: n }, (_, i) => [`c${i}`, { sha256: `c${i}`, paths: [] }])), limited: false, candidateChecks: n },
    anchors: [],
  }) as unknown as PostedAnalysis;

/** What the client does: each part's items appended to its field, in arrival order (structured clone in between). */
function roundTrip(result: WorkerResult, size: number): { parts: number; largest: number; back: WorkerResult } {
  const { parts, rest } = splitResult(result, size);
  const received = new Map<PartField, unknown[]>();
  for (const p of structuredClone(parts)) received.set(p.field, [...(received.get(p.field) ?? []), ...p.items]);
  return { parts: parts.length, largest: Math.max(0, ...parts.map((p) => p.items.length)), back: assembleParts(structuredClone(rest), received) };
}

describe('big results cross the Worker boundary in parts', () => {
  const rows: [string, number, number, string, WorkerResult][] = [
    ['a 1,000-certificate input', 100, 10, 'ten parts of 100, the result carries none', { kind: 'decoded', input: input(1000) }],
    ['an input at the part size', 100, 0, 'small results stay whole: one message', { kind: 'decoded', input: input(100) }],
    ['an input one above it', 100, 2, 'the remainder is its own part', { kind: 'decoded', input: input(101) }],
    ['an analysis of 250 certificates', 100, 6, 'certificates and chain trees: three parts each', { kind: 'analyzed', analysis: analysis(250) }],
    ['an analysis of 5 certificates', 100, 0, 'small analyses stay whole', { kind: 'analyzed', analysis: analysis(5) }],
    ['another kind of result', 100, 0, 'only decoded inputs and analyses have long lists', { kind: 'forgotten' }],
  ];
  it.each(rows)('%s: %i items per part → %i parts (%s)', (_label, size, expectedParts, _why, result) => {
    const { parts, largest, back } = roundTrip(result, size);
    expect(parts).toBe(expectedParts);
    expect(largest).toBeLessThanOrEqual(size);
    // Put back together, it is the result that was split: same items, same order.
    expect(back).toEqual(result);
  });

  it('the result message itself carries no certificate of a split input', () => {
    const { rest } = splitResult({ kind: 'decoded', input: input(500) }, 100);
    expect(rest.kind === 'decoded' && rest.input.certificates).toEqual([]);
  });
});
