import { describe, expect, it } from 'vitest';
import type { CertificateSummary } from '@/worker/protocol';
import type { OverviewRow, RowVerdicts } from './overview-rows';
import { countRefusals, countRows, filterRows, NO_FILTER, rowClass, sortRows, summarize, timeState, type OverviewFilter, type SortKey } from './overview-query';

const AT = '2026-06-01T00:00:00Z';

function row(key: string, over: Partial<OverviewRow> & { kind?: OverviewRow['item']['kind'] } = {}): OverviewRow {
  const { kind = 'certificate', ...rest } = over;
  return {
    key,
    item: { kind, model: {} as CertificateSummary } as OverviewRow['item'],
    title: key,
    subtitle: `Issued by ${key}-ca`,
    validity: { notBefore: '2026-01-01T00:00:00Z', notAfter: '2027-01-01T00:00:00Z' },
    keyText: 'EC P-256',
    purposes: null,
    isCa: false,
    sources: [`${key}.pem`],
    inputErrors: false,
    ...rest,
  };
}
const v = (tlsServer: RowVerdicts['tlsServer'], tlsClient: RowVerdicts['tlsClient'], server: RowVerdicts['refusing']['tlsServer'] = [], client: RowVerdicts['refusing']['tlsClient'] = []): RowVerdicts => ({
  tlsServer,
  tlsClient,
  refusing: { tlsServer: server, tlsClient: client },
});

const rows: OverviewRow[] = [
  row('www', { validity: { notBefore: '2026-01-01T00:00:00Z', notAfter: '2026-06-20T00:00:00Z' } }),
  row('old', { validity: { notBefore: '2024-01-01T00:00:00Z', notAfter: '2025-01-01T00:00:00Z' } }),
  row('Root', { isCa: true, validity: { notBefore: '2020-01-01T00:00:00Z', notAfter: '2040-01-01T00:00:00Z' } }),
  row('req', { kind: 'csr', validity: null }),
  row('list', { kind: 'crl', validity: null, inputErrors: true }),
  row('future', { validity: { notBefore: '2026-07-01T00:00:00Z', notAfter: '2027-07-01T00:00:00Z' } }),
  row('alice', { kind: 'private-key', validity: null }),
];
const verdicts = new Map<string, RowVerdicts>([
  ['www', v('warnings', 'unsuitable', ['java'], ['chrome', 'go', 'java', 'openssl', 'webpki'])],
  ['old', v('unsuitable', 'unsuitable', ['chrome', 'go'], ['go'])],
  ['Root', v('suitable', 'suitable')],
  ['future', v('unsuitable', 'warnings', ['openssl'], [])],
]);

describe('overview of a session', () => {
  it('counts by kind, expiry, input errors and refusing verifier', () => {
    const s = summarize(rows, verdicts, AT);
    expect(s.total).toBe(7);
    expect(s.byClass).toEqual({ certificate: 3, ca: 1, csr: 1, crl: 1, key: 1 });
    expect([s.expired, s.expiring, s.inputErrors]).toEqual([1, 1, 1]);
    expect(Object.fromEntries(s.refusedBy)).toEqual({ java: 1, chrome: 2, go: 2, openssl: 2, webpki: 1 });
  });

  it('counts rows that share one verdicts object once each (certificates with the same results share it)', () => {
    const shared = v('unsuitable', 'unsuitable', ['chrome'], ['chrome', 'go']);
    const some = [row('a'), row('b'), row('c'), row('d')];
    const map = new Map<string, RowVerdicts>([...some.slice(0, 3).map((r) => [r.key, shared] as const), ['d', v('suitable', 'suitable')]]);
    expect(Object.fromEntries(countRefusals(some, map))).toEqual({ chrome: 3, go: 3 });
    expect(countRefusals(some, null).size).toBe(0);
    // The counts that do not depend on verdicts are the same either way.
    const { refusedBy, ...counts } = summarize(rows, verdicts, AT);
    expect(countRows(rows, AT)).toEqual(counts);
    expect(countRefusals(rows, verdicts)).toEqual(refusedBy);
  });

  const times: [string, string | null, string][] = [
    ['www', 'expiring', 'ends 19 days after the evaluation time'],
    ['old', 'expired', 'ended before it'],
    ['future', 'not-yet-valid', 'starts after it'],
    ['Root', 'valid', 'valid for years'],
    ['req', null, 'a CSR has no validity'],
  ];
  it.each(times)('%s is %s (%s)', (key, expected) => {
    expect(timeState(rows.find((r) => r.key === key) as OverviewRow, AT)).toBe(expected);
  });

  const filters: [Partial<OverviewFilter>, string[], string][] = [
    [{}, ['www', 'old', 'Root', 'req', 'list', 'future', 'alice'], 'no filter keeps everything, in order'],
    [{ kind: 'ca' }, ['Root'], 'CA certificates'],
    [{ kind: 'certificate' }, ['www', 'old', 'future'], 'end-entity certificates'],
    [{ kind: 'key' }, ['alice'], 'keys'],
    [{ time: 'expired' }, ['old'], 'expired'],
    [{ time: 'expiring' }, ['www'], 'expiring within 30 days'],
    [{ verdict: 'server-unsuitable' }, ['old', 'future'], 'refused as TLS server by all that matter'],
    [{ verdict: 'client-unsuitable' }, ['www', 'old'], 'unsuitable as client'],
    [{ verdict: 'server-warnings' }, ['www'], 'server warnings'],
    [{ refusedBy: 'go' }, ['www', 'old'], 'Go refuses in either role'],
    [{ refusedBy: 'openssl', kind: 'certificate' }, ['www', 'future'], 'filters combine'],
    [{ inputErrors: true }, ['list'], 'from an input with errors'],
    [{ text: 'ROOT' }, ['Root'], 'text matches names case-insensitively'],
    [{ text: 'alice.pem' }, ['alice'], 'text matches the file path'],
    [{ text: 'nothing-like-this' }, [], 'no match is an empty list'],
  ];
  it.each(filters)('filter %j → %j (%s)', (f, expected) => {
    expect(filterRows(rows, verdicts, AT, { ...NO_FILTER, ...f }).map((r) => r.key)).toEqual(expected);
  });

  const sorts: [SortKey, string[], string][] = [
    ['loaded', ['www', 'old', 'Root', 'req', 'list', 'future', 'alice'], 'as loaded'],
    ['name', ['alice', 'future', 'list', 'old', 'req', 'Root', 'www'], 'by name, case-insensitive'],
    ['expiry', ['old', 'www', 'future', 'Root', 'req', 'list', 'alice'], 'soonest expiry first, undated last in loaded order'],
    ['verdict', ['old', 'future', 'www', 'Root', 'req', 'list', 'alice'], 'worst first, then rows without verdicts'],
    ['kind', ['Root', 'www', 'old', 'future', 'req', 'list', 'alice'], 'CAs, certificates, CSRs, CRLs, keys'],
  ];
  it.each(sorts)('sort by %s → %j (%s)', (key, expected) => {
    expect(sortRows(rows, verdicts, key).map((r) => r.key)).toEqual(expected);
  });

  it('classes', () => {
    expect(rows.map(rowClass)).toEqual(['certificate', 'certificate', 'ca', 'csr', 'crl', 'certificate', 'key']);
  });

  it('without verdicts yet, verdict filters match nothing and counts skip verifiers', () => {
    expect(filterRows(rows, null, AT, { ...NO_FILTER, verdict: 'server-suitable' })).toEqual([]);
    expect(summarize(rows, null, AT).refusedBy.size).toBe(0);
  });
});
