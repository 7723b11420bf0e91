import { describe, expect, it } from 'vitest';
import type { CoreError } from '@/core/model';
import type { CertificateSummary, PageInput } from '@/worker/protocol';
import { buildOverviewRows, makeMoreRows, ROW_SLICE, rowsUnfinished } from './overview-rows';

const cert = (sha: string, cn: string): CertificateSummary => ({
  kind: 'certificate',
  sha256Hex: sha,
  title: cn,
  issuerTitle: 'Issuing CA',
  keyText: 'EC P-256',
  subject: { rdns: [[{ shortName: 'CN', value: cn }]], rfc4514: `CN=${cn}` },
  issuer: { rdns: [[{ shortName: 'CN', value: 'Issuing CA' }]], rfc4514: 'CN=Issuing CA' },
  notBefore: '2026-01-01T00:00:00Z',
  notAfter: '2027-01-01T00:00:00Z',
  publicKey: { algorithm: 'EC', bits: 256, curve: 'P-256', spkiSha256Hex: `spki-${sha}` },
  purposes: null,
  isCa: false,
});
const ERROR: CoreError = { code: 'MALFORMED', message: 'a bad block', location: {} } as CoreError;
const input = (name: string, certificates: readonly CertificateSummary[], errors: readonly CoreError[] = []): PageInput => ({
  name,
  sha256Hex: `sha-${name}`,
  size: 1,
  format: 'pem',
  errors,
  certificates,
  csrs: [],
  crls: [],
  privateKeys: [],
  publicKeys: [],
  pkcs12: null,
});

const a = cert('aa', 'a.example');
const b = cert('bb', 'b.example');
describe('overview rows: one per distinct item, with every input it came from', () => {
  const rows: [string, PageInput[], { title: string; sources: string[]; inputErrors: boolean }[], string][] = [
    ['one input', [input('x.pem', [a, b])], [{ title: 'a.example', sources: ['x.pem'], inputErrors: false }, { title: 'b.example', sources: ['x.pem'], inputErrors: false }], 'rows in loaded order'],
    ['the same certificate in two inputs', [input('x.pem', [a]), input('y.pem', [a, b])], [{ title: 'a.example', sources: ['x.pem', 'y.pem'], inputErrors: false }, { title: 'b.example', sources: ['y.pem'], inputErrors: false }], 'one row, both sources'],
    ['a second source with errors', [input('x.pem', [a]), input('bad.pem', [a], [ERROR])], [{ title: 'a.example', sources: ['x.pem', 'bad.pem'], inputErrors: true }], 'an input with errors marks the row'],
    ['a certificate twice in one input', [input('x.pem', [a, a])], [{ title: 'a.example', sources: ['x.pem'], inputErrors: false }], 'the source is listed once'],
    ['no inputs', [], [], 'nothing to list'],
  ];
  it.each(rows)('%s', (_label, inputs, expected) => {
    expect(buildOverviewRows(inputs).map((r) => ({ title: r.title, sources: [...r.sources], inputErrors: r.inputErrors }))).toEqual(expected);
  });

  it('an input alone keeps its rows as they are (made once), and merging never changes them', () => {
    const x = input('x.pem', [a]);
    const first = buildOverviewRows([x]);
    expect(buildOverviewRows([x])[0]).toBe(first[0]);
    buildOverviewRows([x, input('y.pem', [a])]);
    expect(first[0]?.sources).toEqual(['x.pem']);
  });
});

describe('overview rows of a big input: the first slice at once, the rest a slice per makeMoreRows', () => {
  it('makes ROW_SLICE rows at once, then one more slice per call, in order, until every row is made', () => {
    const many = Array.from({ length: ROW_SLICE * 2 + 1 }, (_, i) => cert(`sha-${i}`, `host-${i}.example`));
    const big = { ...input('bundle.pem', many), csrs: [], crls: [] };
    const small = input('small.pem', [a]);
    const counts: number[] = [];
    let rows = buildOverviewRows([big, small]);
    counts.push(rows.length);
    while (rowsUnfinished([big, small])) {
      expect(makeMoreRows([big, small]), 'a slice was made while rows were unfinished').toBe(true);
      const next = buildOverviewRows([big, small]);
      expect(next, 'a new list after each slice (memoised views see the change)').not.toBe(rows);
      rows = next;
      counts.push(rows.length);
    }
    // The small input's row is there from the start; the big input's grow a slice at a time.
    expect(counts).toEqual([ROW_SLICE + 1, ROW_SLICE * 2 + 1, ROW_SLICE * 2 + 2]);
    expect(rows.map((r) => r.title)).toEqual([...many.map((c) => c.title), 'a.example']);
    expect(makeMoreRows([big, small]), 'nothing left to make').toBe(false);
  });

  it('an input at most ROW_SLICE long is made whole at once', () => {
    const some = Array.from({ length: ROW_SLICE }, (_, i) => cert(`s-${i}`, `h-${i}`));
    const x = input('x.pem', some);
    expect(buildOverviewRows([x])).toHaveLength(ROW_SLICE);
    expect(rowsUnfinished([x])).toBe(false);
  });
});
