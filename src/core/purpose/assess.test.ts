import { beforeAll, describe, expect, it } from 'vitest';
import type { CertificateModel } from '../model';
import { buildChainForest, type TrustAnchor } from '../chain/build';
import { dnsName, ipName, makeCert, type TestCert, type TestCertSpec } from '../chain/test-pki';
import { assessSuitability, type PrivateKeyState, publicLifetimeLimitDays } from './assess';
import type { RevocationStatus } from './revocation';
import type { FindingCode, Role, RoleAssessment, Severity } from './types';

const AT = '2026-06-01T00:00:00.000Z';
const SERVER = '1.3.6.1.5.5.7.3.1';
const CLIENT = '1.3.6.1.5.5.7.3.2';
const ANY = '2.5.29.37.0';
const NOT_CHECKED: RevocationStatus = { state: 'not-checked', crlUrls: [], ocspUrls: [], note: null };

let root: TestCert;
let inter: TestCert;

interface Case {
  readonly leaf?: Partial<TestCertSpec>;
  /** Build the chain differently: returns [leaf, ...others], anchors. */
  readonly chain?: () => Promise<{ certs: CertificateModel[]; anchors: TrustAnchor[] }>;
  readonly host?: string | null;
  readonly privateKey?: PrivateKeyState;
  readonly revocation?: RevocationStatus;
  readonly builtin?: boolean;
}

async function assess(c: Case, role: Role): Promise<RoleAssessment> {
  let certs: CertificateModel[];
  let anchors: TrustAnchor[];
  if (c.chain) ({ certs, anchors } = await c.chain());
  else {
    const leaf = await makeCert({ cn: 'leaf', issuer: inter, eku: [SERVER, CLIENT], sans: [dnsName('a.example.com')], notBefore: '2026-04-01T00:00:00Z', notAfter: '2026-07-15T00:00:00Z', sct: true, ...c.leaf });
    certs = [leaf.model, inter.model];
    anchors = [{ certificate: root.model, kind: c.builtin ? 'builtin' : 'session-trusted' }];
  }
  const forest = await buildChainForest(certs, { anchors });
  const leaf = certs[0];
  if (!leaf) throw new Error('no leaf');
  const all = new Map([...certs, ...anchors.map((a) => a.certificate)].map((x) => [x.sha256Hex, x]));
  return assessSuitability({
    certificate: leaf,
    role,
    at: AT,
    host: c.host === undefined ? 'a.example.com' : c.host,
    paths: forest.trees[leaf.sha256Hex]?.paths ?? [],
    lookup: (s) => all.get(s),
    revocation: c.revocation ?? NOT_CHECKED,
    privateKey: c.privateKey ?? 'matches',
  });
}

beforeAll(async () => {
  root = await makeCert({ cn: 'Root', ca: true, notBefore: '2025-01-01T00:00:00Z', notAfter: '2035-01-01T00:00:00Z' });
  inter = await makeCert({ cn: 'Inter', issuer: root, ca: true, pathLength: 0, notBefore: '2025-01-01T00:00:00Z', notAfter: '2030-01-01T00:00:00Z' });
});

// [case, role, code, expected severity or null (must be absent), why]
type Row = [string, Case, Role, FindingCode, Severity | null];
const rows: Row[] = [
  ['good chain', {}, 'tlsServer', 'CHAIN_TRUSTED', 'pass'],
  ['good chain, client', {}, 'tlsClient', 'CHAIN_TRUSTED', 'pass'],
  ['no EKU', { leaf: { eku: null } }, 'tlsServer', 'EKU_ABSENT', 'warn'],
  ['EKU present', {}, 'tlsServer', 'EKU_ABSENT', null],
  ['client-only EKU judged as server', { leaf: { eku: [CLIENT] } }, 'tlsServer', 'EKU_SERVER_AUTH_MISSING', 'fail'],
  ['serverAuth present', {}, 'tlsServer', 'EKU_SERVER_AUTH_MISSING', null],
  ['server-only EKU judged as client', { leaf: { eku: [SERVER] } }, 'tlsClient', 'EKU_CLIENT_AUTH_MISSING', 'fail'],
  ['clientAuth present', {}, 'tlsClient', 'EKU_CLIENT_AUTH_MISSING', null],
  ['anyEKU only', { leaf: { eku: [ANY] } }, 'tlsClient', 'EKU_ANY_ONLY', 'warn'],
  ['explicit EKU', {}, 'tlsClient', 'EKU_ANY_ONLY', null],
  ['EC key without digitalSignature', { leaf: { ku: ['keyAgreement'] } }, 'tlsServer', 'KU_DIGITAL_SIGNATURE_MISSING', 'fail'],
  ['client without digitalSignature', { leaf: { ku: ['keyEncipherment'] } }, 'tlsClient', 'KU_DIGITAL_SIGNATURE_MISSING', 'fail'],
  ['RSA server with keyEncipherment only', { leaf: { ku: ['keyEncipherment'], rsaBits: 2048 } }, 'tlsServer', 'KU_DIGITAL_SIGNATURE_MISSING', 'warn'],
  ['digitalSignature present', {}, 'tlsServer', 'KU_DIGITAL_SIGNATURE_MISSING', null],
  ['keyCertSign on leaf', { leaf: { ku: ['digitalSignature', 'keyCertSign'] } }, 'tlsServer', 'KU_KEY_CERT_SIGN_ON_LEAF', 'warn'],
  ['no keyCertSign', {}, 'tlsServer', 'KU_KEY_CERT_SIGN_ON_LEAF', null],
  ['CA judged as leaf', { leaf: { ca: true, ku: ['digitalSignature'] } }, 'tlsClient', 'CA_AS_LEAF', 'warn'],
  ['not a CA', {}, 'tlsClient', 'CA_AS_LEAF', null],
  ['Netscape type without SSL server', { leaf: { netscape: ['SSL client'] } }, 'tlsServer', 'NS_CERT_TYPE_EXCLUDES', 'warn'],
  ['Netscape type with SSL client', { leaf: { netscape: ['SSL client'] } }, 'tlsClient', 'NS_CERT_TYPE_EXCLUDES', null],
  ['no SAN', { leaf: { sans: [] } }, 'tlsServer', 'SAN_MISSING', 'fail'],
  ['SAN present', {}, 'tlsServer', 'SAN_MISSING', null],
  ['wrong host', { host: 'b.example.com' }, 'tlsServer', 'HOSTNAME_MISMATCH', 'fail'],
  ['IP host vs DNS SAN', { host: '192.0.2.1', leaf: { sans: [dnsName('192.0.2.1')] } }, 'tlsServer', 'HOSTNAME_MISMATCH', 'fail'],
  ['IP host vs IP SAN', { host: '192.0.2.1', leaf: { sans: [ipName('192.0.2.1')] } }, 'tlsServer', 'HOSTNAME_MATCH', 'pass'],
  ['right host', {}, 'tlsServer', 'HOSTNAME_MATCH', 'pass'],
  ['no host given', { host: null }, 'tlsServer', 'HOSTNAME_MATCH', null],
  ['not yet valid', { leaf: { notBefore: '2026-07-01T00:00:00Z', notAfter: '2026-12-01T00:00:00Z' } }, 'tlsClient', 'NOT_YET_VALID', 'fail'],
  ['expired', { leaf: { notBefore: '2026-01-01T00:00:00Z', notAfter: '2026-05-01T00:00:00Z' } }, 'tlsServer', 'EXPIRED', 'fail'],
  ['valid', {}, 'tlsServer', 'EXPIRED', null],
  ['expires in 14 days', { leaf: { notAfter: '2026-06-15T00:00:00Z' } }, 'tlsServer', 'EXPIRES_SOON', 'warn'],
  ['expires in 44 days', {}, 'tlsServer', 'EXPIRES_SOON', null],
  ['public, 1 year from 2026-04', { builtin: true, leaf: { notAfter: '2027-04-01T00:00:00Z' } }, 'tlsServer', 'LIFETIME_EXCEEDS_PUBLIC_LIMIT', 'warn'],
  ['private, 1 year', { leaf: { notAfter: '2027-04-01T00:00:00Z' } }, 'tlsServer', 'LIFETIME_EXCEEDS_PUBLIC_LIMIT', null],
  ['RSA 1024', { leaf: { rsaBits: 1024 } }, 'tlsClient', 'WEAK_RSA_KEY', 'fail'],
  ['RSA 2048', { leaf: { rsaBits: 2048 } }, 'tlsClient', 'WEAK_RSA_KEY', null],
  ['SHA-1 signed leaf', { leaf: { signatureOid: '1.2.840.113549.1.1.5' } }, 'tlsServer', 'WEAK_SIGNATURE_ALGORITHM', 'fail'],
  ['SHA-256 signed leaf', {}, 'tlsServer', 'WEAK_SIGNATURE_ALGORITHM', null],
  ['public root, no SCT', { builtin: true, leaf: { sct: false } }, 'tlsServer', 'SCT_MISSING', 'warn'],
  ['public root, SCT', { builtin: true }, 'tlsServer', 'SCT_MISSING', null],
  ['public root judged as client', { builtin: true }, 'tlsClient', 'PUBLIC_CLIENT_AUTH_SUNSET', 'warn'],
  ['private root judged as client', {}, 'tlsClient', 'PUBLIC_CLIENT_AUTH_SUNSET', null],
  ['key matches', {}, 'tlsClient', 'PRIVATE_KEY_MATCHES', 'pass'],
  ['key mismatch', { privateKey: 'mismatch' }, 'tlsServer', 'PRIVATE_KEY_MISMATCH', 'fail'],
  ['no key, client', { privateKey: 'absent' }, 'tlsClient', 'PRIVATE_KEY_ABSENT', 'info'],
  ['no key, server', { privateKey: 'absent' }, 'tlsServer', 'PRIVATE_KEY_ABSENT', null],
  ['revoked', { revocation: { state: 'revoked', crlSha256: 'x', revocationDate: '2026-05-01T00:00:00Z', reason: 'keyCompromise' } }, 'tlsServer', 'REVOKED', 'fail'],
  ['CRL says good', { revocation: { state: 'good', crlSha256: 'x' } }, 'tlsServer', 'REVOCATION_NOT_CHECKED', null],
  ['no CRL', {}, 'tlsServer', 'REVOCATION_NOT_CHECKED', 'info'],
  [
    'missing intermediate',
    { chain: async () => ({ certs: [(await makeCert({ cn: 'leaf', issuer: inter, eku: [SERVER], sans: [dnsName('a.example.com')] })).model], anchors: [{ certificate: root.model, kind: 'session-trusted' }] }) },
    'tlsServer',
    'CHAIN_ISSUER_NOT_FOUND',
    'warn',
  ],
  ['private root (not trusted)', { chain: async () => ({ certs: [(await makeCert({ cn: 'leaf', issuer: inter, eku: [SERVER], sans: [dnsName('a.example.com')] })).model, inter.model, root.model], anchors: [] }) }, 'tlsClient', 'CHAIN_PRIVATE_ROOT', 'info'],
  [
    'forged signature (same issuer name, other key)',
    {
      chain: async () => {
        const other = await makeCert({ cn: 'Root' });
        const leaf = await makeCert({ cn: 'leaf', issuer: root, signWith: other.keys, eku: [SERVER], sans: [dnsName('a.example.com')] });
        return { certs: [leaf.model], anchors: [{ certificate: root.model, kind: 'session-trusted' }] };
      },
    },
    'tlsServer',
    'CHAIN_SIGNATURE_INVALID',
    'fail',
  ],
  [
    'issuer is not a CA',
    {
      chain: async () => {
        const notCa = await makeCert({ cn: 'NotCA', issuer: root, ku: ['digitalSignature'] });
        const leaf = await makeCert({ cn: 'leaf', issuer: notCa, eku: [SERVER], sans: [dnsName('a.example.com')] });
        return { certs: [leaf.model, notCa.model], anchors: [{ certificate: root.model, kind: 'session-trusted' }] };
      },
    },
    'tlsServer',
    'CHAIN_ISSUER_NOT_CA',
    'fail',
  ],
  [
    'pathLen 0 with a second intermediate below',
    {
      chain: async () => {
        const sub = await makeCert({ cn: 'Sub', issuer: inter, ca: true });
        const leaf = await makeCert({ cn: 'leaf', issuer: sub, eku: [SERVER], sans: [dnsName('a.example.com')] });
        return { certs: [leaf.model, sub.model, inter.model], anchors: [{ certificate: root.model, kind: 'session-trusted' }] };
      },
    },
    'tlsServer',
    'CHAIN_PATH_LENGTH_EXCEEDED',
    'fail',
  ],
  ['pathLen 0, leaf directly below', {}, 'tlsServer', 'CHAIN_PATH_LENGTH_EXCEEDED', null],
  [
    'intermediate restricted to serverAuth, judged as client',
    {
      chain: async () => {
        const i2 = await makeCert({ cn: 'ServerOnlyCA', issuer: root, ca: true, eku: [SERVER] });
        const leaf = await makeCert({ cn: 'leaf', issuer: i2, eku: [SERVER, CLIENT], sans: [dnsName('a.example.com')] });
        return { certs: [leaf.model, i2.model], anchors: [{ certificate: root.model, kind: 'session-trusted' }] };
      },
    },
    'tlsClient',
    'CHAIN_ISSUER_EKU_EXCLUDES',
    'fail',
  ],
  [
    'name outside permitted subtree',
    {
      chain: async () => {
        const nc = await makeCert({ cn: 'NC', issuer: root, ca: true, permitted: [{ base: dnsName('example.org'), minimum: 0, maximum: null }] });
        const leaf = await makeCert({ cn: 'leaf', issuer: nc, eku: [SERVER], sans: [dnsName('a.example.com')] });
        return { certs: [leaf.model, nc.model], anchors: [{ certificate: root.model, kind: 'session-trusted' }] };
      },
    },
    'tlsServer',
    'CHAIN_NAME_CONSTRAINTS_VIOLATED',
    'fail',
  ],
  [
    'name inside excluded subtree',
    {
      chain: async () => {
        const nc = await makeCert({ cn: 'NC', issuer: root, ca: true, excluded: [{ base: dnsName('example.com'), minimum: 0, maximum: null }] });
        const leaf = await makeCert({ cn: 'leaf', issuer: nc, eku: [SERVER], sans: [dnsName('a.example.com')] });
        return { certs: [leaf.model, nc.model], anchors: [{ certificate: root.model, kind: 'session-trusted' }] };
      },
    },
    'tlsServer',
    'CHAIN_NAME_CONSTRAINTS_VIOLATED',
    'fail',
  ],
  [
    'expired intermediate',
    {
      chain: async () => {
        const old = await makeCert({ cn: 'Old', issuer: root, ca: true, notBefore: '2020-01-01T00:00:00Z', notAfter: '2026-01-01T00:00:00Z' });
        const leaf = await makeCert({ cn: 'leaf', issuer: old, eku: [SERVER], sans: [dnsName('a.example.com')] });
        return { certs: [leaf.model, old.model], anchors: [{ certificate: root.model, kind: 'session-trusted' }] };
      },
    },
    'tlsServer',
    'CHAIN_ISSUER_EXPIRED',
    'fail',
  ],
  ['intermediates valid', {}, 'tlsServer', 'CHAIN_ISSUER_EXPIRED', null],
];

describe('assessSuitability: every finding code, triggered and not', () => {
  it.each(rows)('%s → %s %s %s', async (_why, c, role, code, severity) => {
    const a = await assess(c, role);
    const f = a.findings.find((x) => x.code === code);
    if (severity === null) expect(f, JSON.stringify(a.findings.map((x) => x.code))).toBeUndefined();
    else {
      expect(f?.severity, JSON.stringify(a.findings.map((x) => `${x.code}:${x.severity}`))).toBe(severity);
      if (severity === 'fail') expect(a.verdict).toBe('unsuitable');
    }
  });

  it('a clean private chain for the client role is suitable, with a checklist of passes', async () => {
    const a = await assess({ leaf: { notAfter: '2026-12-01T00:00:00Z' } }, 'tlsClient');
    expect(a.verdict).toBe('suitable');
    expect(a.findings.filter((f) => f.severity === 'pass').map((f) => f.code)).toEqual(['CHAIN_TRUSTED', 'PRIVATE_KEY_MATCHES']);
  });

  it('fail findings carry breaksIn strings', async () => {
    const a = await assess({ leaf: { eku: [CLIENT] } }, 'tlsServer');
    const f = a.findings.find((x) => x.code === 'EKU_SERVER_AUTH_MISSING');
    expect(f?.breaksIn?.map((b) => b.stack)).toEqual(expect.arrayContaining(['openssl', 'nginx', 'curl', 'chrome', 'go', 'java', 'python']));
  });
});

describe('publicLifetimeLimitDays', () => {
  const rows: [string, number | null, string][] = [
    ['2020-08-31T23:59:59Z', null, 'before the 398-day rule'],
    ['2020-09-01T00:00:00Z', 398, '398 days from 2020-09-01'],
    ['2026-03-15T00:00:00Z', 200, 'SC-081 step 1'],
    ['2027-03-15T00:00:00Z', 100, 'SC-081 step 2'],
    ['2029-03-15T00:00:00Z', 47, 'SC-081 step 3'],
  ];
  it.each(rows)('%s → %s (%s)', (nb, days, _why) => {
    expect(publicLifetimeLimitDays(nb)).toBe(days);
  });
});
