import { describe, expect, it } from 'vitest';
import type { CoreError } from '@/core/model';
import type { CertificateSummary, PageInput } from '@/worker/protocol';
import { buildOverviewRows } from './overview-rows';

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
