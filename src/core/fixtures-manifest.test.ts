/**
 * Table tests driven by test/fixtures/manifest.json (see its `conventions` and the fixtures
 * README): every leaf's `expected` session is read from disk, decoded with `decodeInput` and
 * analysed with `analyzeSession` exactly as `certscope inspect` does (src/cli/main.ts), and the
 * verdict and finding codes per role are compared with the manifest. PKCS#12 rows check the
 * certificate count, subjects, key presence and the key match.
 *
 * The last block checks that every finding code is, on real files, produced by one certificate
 * and absent from another, for each role the code belongs to.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeInput } from './decode-input';
import type { DecodedInput } from './model';
import { analyzeSession, type SessionAnalysis, type SessionOptions } from './session';
import { verdictOf, type FindingCode, type Role, type RoleAssessment, type Severity, type Verdict } from './purpose/types';

const FIXTURES = new URL('../../test/fixtures/', import.meta.url);

interface RoleExpectation {
  readonly verdict: Verdict;
  readonly fail: readonly FindingCode[];
  readonly warn: readonly FindingCode[];
  readonly info: readonly FindingCode[];
  readonly pass: readonly FindingCode[];
  readonly optional: readonly FindingCode[];
}

interface LeafExpectation {
  readonly evaluationTime: string;
  readonly host: string | null;
  readonly session: readonly string[];
  readonly crls: readonly string[];
  readonly trustedRoots: readonly string[];
  readonly tlsServer: RoleExpectation;
  readonly tlsClient: RoleExpectation;
}

interface ManifestFile {
  readonly path: string;
  readonly kind: string;
  readonly password: string | null;
  readonly certCount?: number;
  readonly certificates?: readonly { readonly subject: string; readonly sha256: string }[];
  readonly subjects?: readonly string[];
  readonly keyPresent?: boolean;
  readonly keyMatches?: boolean;
  readonly keyMatchesSubject?: string;
  readonly expectedKeyFinding?: 'PRIVATE_KEY_MATCHES' | 'PRIVATE_KEY_MISMATCH';
  readonly expected?: LeafExpectation | null;
}

interface Manifest {
  readonly evaluationTime: string;
  readonly files: readonly ManifestFile[];
}

const manifest = JSON.parse(readFileSync(new URL('manifest.json', FIXTURES), 'utf8')) as Manifest;
const byPath = new Map(manifest.files.map((f) => [f.path, f]));

/** Reads one fixture as the CLI does: file name as the input name, every known password offered. */
async function load(path: string): Promise<DecodedInput> {
  const bytes = new Uint8Array(readFileSync(new URL(path, FIXTURES)));
  const password = byPath.get(path)?.password;
  return decodeInput({ name: path.split('/').pop() ?? path, bytes }, { passwords: password === null || password === undefined ? [] : [password] });
}

/** Every analysis made below, kept for the coverage check: which code each role produced on which file. */
const seen = new Map<string, { triggered: Set<string>; absent: Set<string> }>();
function record(label: string, role: Role, a: RoleAssessment): void {
  const codes = new Set(a.findings.map((f) => f.code));
  for (const code of ALL_CODES) {
    const key = `${role} ${code}`;
    const entry = seen.get(key) ?? { triggered: new Set<string>(), absent: new Set<string>() };
    (codes.has(code) ? entry.triggered : entry.absent).add(label);
    seen.set(key, entry);
  }
}

async function analyse(paths: readonly string[], options: SessionOptions): Promise<{ analysis: SessionAnalysis; inputs: DecodedInput[] }> {
  const inputs: DecodedInput[] = [];
  for (const p of paths) inputs.push(await load(p));
  for (const i of inputs) expect(i.errors, `${i.name} decodes without errors`).toEqual([]);
  return { analysis: await analyzeSession(inputs, options), inputs };
}

const SEVERITIES: readonly Exclude<Severity, 'pass'>[] = ['fail', 'warn', 'info'];

function checkRole(label: string, role: Role, actual: RoleAssessment, expected: RoleExpectation): void {
  const optional = new Set(expected.optional);
  for (const severity of SEVERITIES) {
    const got = actual.findings.filter((f) => f.severity === severity && !optional.has(f.code)).map((f) => f.code);
    expect([...new Set(got)].sort(), `${label} ${role} ${severity} codes`).toEqual([...expected[severity]].sort());
  }
  const passes = new Set(actual.findings.filter((f) => f.severity === 'pass').map((f) => f.code));
  for (const code of expected.pass) expect(passes.has(code), `${label} ${role} pass ${code}`).toBe(true);
  // The manifest's verdict "follows from fail/warn" (its conventions): the findings' verdict. The role's
  // overall verdict is now derived from the verifiers' answers, which lab/diff/lab.test.ts holds to the real verifiers.
  expect(verdictOf(actual.findings), `${label} ${role} findings verdict`).toBe(expected.verdict);
}

const leaves = manifest.files.filter((f): f is ManifestFile & { expected: LeafExpectation } => f.expected !== null && f.expected !== undefined);

describe('fixtures manifest: every leaf, both roles, as `certscope inspect` sees it', () => {
  it('has leaves to test', () => {
    expect(leaves.length).toBeGreaterThan(30);
  });

  it.each(leaves.map((f) => [f.path, f] as const))('%s', async (path, file) => {
    const e = file.expected;
    const { analysis } = await analyse([...e.session, ...e.crls], {
      at: new Date(e.evaluationTime).toISOString(),
      host: e.host,
      trustedRoots: [],
    });
    const sha = file.certificates?.[0]?.sha256;
    const entry = analysis.certificates.find((c) => c.sha256 === sha);
    expect(entry, `${path} is in the analysis`).toBeDefined();
    if (!entry) return;
    for (const role of ['tlsServer', 'tlsClient'] as const) {
      checkRole(path, role, entry.suitability[role], e[role]);
      record(path, role, entry.suitability[role]);
    }
  });
});

describe('fixtures manifest: chain trusted when the root is trusted', () => {
  it('leaves/server.pem with pki/root.pem given as a trusted root (certscope inspect --trust)', async () => {
    const root = await load('pki/root.pem');
    const { analysis } = await analyse(['leaves/server.pem', 'pki/intermediate.pem'], {
      at: manifest.evaluationTime,
      host: 'www.certscope.test',
      trustedRoots: root.certificates,
    });
    const entry = analysis.certificates.find((c) => c.certificate.subject.rfc4514.startsWith('CN=www.certscope.test'));
    expect(entry?.chain.status).toBe('trusted');
    for (const role of ['tlsServer', 'tlsClient'] as const) {
      const a = entry?.suitability[role];
      if (!a) throw new Error('missing assessment');
      expect(a.findings.find((f) => f.code === 'CHAIN_TRUSTED')?.severity).toBe('pass');
      expect(a.findings.some((f) => f.code === 'CHAIN_PRIVATE_ROOT')).toBe(false);
      record('leaves/server.pem + --trust root', role, a);
    }
    expect(entry?.suitability.tlsServer.verdict).toBe('suitable');
  });

  it('leaves/revoked.pem without the CRL: no REVOKED, REVOCATION_NOT_CHECKED instead', async () => {
    const { analysis } = await analyse(['leaves/revoked.pem', 'pki/intermediate.pem', 'pki/root.pem'], { at: manifest.evaluationTime, host: 'revoked.certscope.test', trustedRoots: [] });
    const entry = analysis.certificates[0];
    for (const role of ['tlsServer', 'tlsClient'] as const) {
      const codes = entry?.suitability[role].findings.map((f) => f.code) ?? [];
      expect(codes).not.toContain('REVOKED');
      expect(codes).toContain('REVOCATION_NOT_CHECKED');
    }
  });
});

const certFiles = manifest.files.filter((f) => f.kind !== 'pkcs12' && f.certificates !== undefined && f.certificates.length > 0);

describe('fixtures manifest: certificate files and bundles decode to the listed certificates', () => {
  it.each(certFiles.map((f) => [f.path, f] as const))('%s', async (path, file) => {
    const input = await load(path);
    expect(input.errors.filter((e) => e.code !== 'UNRECOGNIZED_INPUT')).toEqual([]);
    expect(input.certificates.length).toBe(file.certCount);
    expect(input.certificates.map((c) => c.sha256Hex).sort()).toEqual((file.certificates ?? []).map((c) => c.sha256).sort());
  });
});

const p12s = manifest.files.filter((f) => f.kind === 'pkcs12');

describe('fixtures manifest: PKCS#12 files', () => {
  it.each(p12s.map((f) => [f.path, f] as const))('%s', async (path, file) => {
    const { analysis, inputs } = await analyse([path], { at: manifest.evaluationTime, host: null, trustedRoots: [] });
    const input = inputs[0];
    if (!input) throw new Error('no input');
    expect(input.format).toBe('pkcs12');
    expect(input.certificates.length).toBe(file.certCount);
    expect(input.certificates.map((c) => c.subject.rfc4514).sort()).toEqual([...(file.subjects ?? [])].sort());
    expect(input.privateKeys.length > 0).toBe(file.keyPresent);
    if (!file.keyPresent) {
      for (const c of analysis.certificates) expect(c.privateKey).toBe('absent');
      return;
    }
    if (file.keyMatches) {
      const matched = analysis.certificates.filter((c) => c.privateKey === 'matches');
      expect(matched.map((c) => c.certificate.subject.rfc4514)).toEqual(file.keyMatchesSubject ? [file.keyMatchesSubject] : []);
      expect(analysis.privateKeys[0]?.certificate).toBe(matched[0]?.sha256);
    } else {
      expect(analysis.certificates.some((c) => c.privateKey === 'matches')).toBe(false);
      expect(analysis.privateKeys[0]?.certificate ?? null).toBeNull();
    }
    const leaf = analysis.certificates.find((c) => !c.certificate.extensions.some((e) => e.kind === 'basicConstraints' && e.ca));
    if (leaf && file.expectedKeyFinding) {
      for (const role of ['tlsServer', 'tlsClient'] as const) {
        const f = leaf.suitability[role].findings.find((x) => x.code === file.expectedKeyFinding);
        expect(f?.severity, `${path} ${role} ${file.expectedKeyFinding}`).toBe(file.expectedKeyFinding === 'PRIVATE_KEY_MATCHES' ? 'pass' : 'fail');
        expect(leaf.suitability[role].findings.some((x) => x.code === 'PRIVATE_KEY_ABSENT')).toBe(false);
        record(path, role, leaf.suitability[role]);
      }
    }
  });
});

/** Every code of suitability.md (and CHAIN_SIGNATURE_UNSUPPORTED) with the roles it belongs to. */
const CODE_ROLES: Readonly<Record<FindingCode, readonly Role[]>> = {
  EKU_ABSENT: ['tlsServer', 'tlsClient'],
  EKU_SERVER_AUTH_MISSING: ['tlsServer'],
  EKU_CLIENT_AUTH_MISSING: ['tlsClient'],
  EKU_ANY_ONLY: ['tlsServer', 'tlsClient'],
  KU_DIGITAL_SIGNATURE_MISSING: ['tlsServer', 'tlsClient'],
  KU_KEY_CERT_SIGN_ON_LEAF: ['tlsServer', 'tlsClient'],
  CA_AS_LEAF: ['tlsServer', 'tlsClient'],
  NS_CERT_TYPE_EXCLUDES: ['tlsServer', 'tlsClient'],
  SAN_MISSING: ['tlsServer'],
  SAN_MALFORMED: ['tlsServer'],
  HOSTNAME_MISMATCH: ['tlsServer'],
  HOSTNAME_MATCH: ['tlsServer'],
  NOT_YET_VALID: ['tlsServer', 'tlsClient'],
  EXPIRED: ['tlsServer', 'tlsClient'],
  EXPIRES_SOON: ['tlsServer', 'tlsClient'],
  LIFETIME_EXCEEDS_PUBLIC_LIMIT: ['tlsServer'],
  WEAK_RSA_KEY: ['tlsServer', 'tlsClient'],
  KEY_NOT_WEB_COMPATIBLE: ['tlsServer'],
  WEAK_SIGNATURE_ALGORITHM: ['tlsServer', 'tlsClient'],
  CHAIN_TRUSTED: ['tlsServer', 'tlsClient'],
  CHAIN_PRIVATE_ROOT: ['tlsServer', 'tlsClient'],
  CHAIN_ISSUER_NOT_FOUND: ['tlsServer', 'tlsClient'],
  CHAIN_SIGNATURE_INVALID: ['tlsServer', 'tlsClient'],
  CHAIN_SIGNATURE_UNSUPPORTED: ['tlsServer', 'tlsClient'],
  CHAIN_ISSUER_NOT_CA: ['tlsServer', 'tlsClient'],
  CHAIN_PATH_LENGTH_EXCEEDED: ['tlsServer', 'tlsClient'],
  CHAIN_ISSUER_EKU_EXCLUDES: ['tlsServer', 'tlsClient'],
  CHAIN_NAME_CONSTRAINTS_VIOLATED: ['tlsServer', 'tlsClient'],
  CHAIN_ISSUER_EXPIRED: ['tlsServer', 'tlsClient'],
  REVOKED: ['tlsServer', 'tlsClient'],
  REVOCATION_NOT_CHECKED: ['tlsServer', 'tlsClient'],
  SCT_MISSING: ['tlsServer'],
  PUBLIC_CLIENT_AUTH_SUNSET: ['tlsClient'],
  PRIVATE_KEY_MATCHES: ['tlsServer', 'tlsClient'],
  PRIVATE_KEY_MISMATCH: ['tlsServer', 'tlsClient'],
  PRIVATE_KEY_ABSENT: ['tlsClient'],
  UNKNOWN_CRITICAL_EXTENSION: ['tlsServer', 'tlsClient'],
};
const ALL_CODES = Object.keys(CODE_ROLES) as FindingCode[];

/**
 * Codes no file of the private test PKI can trigger, and why. Each is exercised in memory by
 * src/core/purpose/assess.test.ts; this list must stay exactly the set of codes not covered here.
 */
const NOT_COVERABLE_BY_FIXTURES: Readonly<Record<string, string>> = {
  'LIFETIME_EXCEEDS_PUBLIC_LIMIT tlsServer': 'needs a certificate that chains to a built-in (Mozilla) root',
  'SCT_MISSING tlsServer': 'needs a certificate that chains to a built-in (Mozilla) root',
  'PUBLIC_CLIENT_AUTH_SUNSET tlsClient': 'needs a certificate that chains to a built-in (Mozilla) root',
  'CHAIN_SIGNATURE_UNSUPPORTED tlsServer': 'every fixture is signed with an algorithm the engine verifies (RSA PKCS#1, ECDSA P-256/384, Ed25519)',
  'CHAIN_SIGNATURE_UNSUPPORTED tlsClient': 'every fixture is signed with an algorithm the engine verifies (RSA PKCS#1, ECDSA P-256/384, Ed25519)',
  // Gaps in make-fixtures.sh: the only nsCertType leaf is client-only and the only EKU-restricted
  // intermediate is clientAuth-only, so nothing excludes the client role. Wanted: a leaf with
  // `nsCertType = server` and an intermediate with EKU serverAuth only (plus a leaf under it).
  'NS_CERT_TYPE_EXCLUDES tlsClient': 'no fixture has an nsCertType without client',
  'CHAIN_ISSUER_EKU_EXCLUDES tlsClient': 'no fixture intermediate has an EKU without clientAuth',
  // Covered by test/fixtures/verifier/unknown-critical-{leaf,intermediate,root} (lab/diff/lab.test.ts and src/core/verify/*.test.ts), which the manifest does not list.
  'UNKNOWN_CRITICAL_EXTENSION tlsServer': 'the manifest fixtures carry no unknown critical extension (the verifier fixtures do)',
  'UNKNOWN_CRITICAL_EXTENSION tlsClient': 'the manifest fixtures carry no unknown critical extension (the verifier fixtures do)',
  // Covered in memory by src/core/decode/lenient.test.ts (a SAN with trailing bytes).
  'SAN_MALFORMED tlsServer': 'no manifest fixture carries a malformed subjectAltName',
};

describe('fixtures manifest: every finding code is triggered by one real file and absent from another, per role', () => {
  const rows = ALL_CODES.flatMap((code) => CODE_ROLES[code].map((role) => [code, role] as const));
  it.each(rows)('%s (%s)', (code, role) => {
    const entry = seen.get(`${role} ${code}`);
    expect(entry, 'the tables above ran first').toBeDefined();
    if (!entry) return;
    expect(entry.absent.size, `some file does not trigger ${code}`).toBeGreaterThan(0);
    if (NOT_COVERABLE_BY_FIXTURES[`${code} ${role}`] !== undefined) {
      expect(entry.triggered.size, `${code} is listed as not coverable but a file triggers it: remove it from the list`).toBe(0);
      return;
    }
    expect([...entry.triggered], `some file triggers ${code}`).not.toEqual([]);
  });

  it('roles outside a code never produce it', () => {
    for (const code of ALL_CODES) {
      for (const role of ['tlsServer', 'tlsClient'] as const) {
        if (CODE_ROLES[code].includes(role)) continue;
        expect([...(seen.get(`${role} ${code}`)?.triggered ?? [])], `${code} in ${role}`).toEqual([]);
      }
    }
  });
});
