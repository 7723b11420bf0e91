/**
 * The scripted report, schema `certscope.report/1` (shared/spec/report.md). Field names and
 * enumerated values are a contract; this module only reshapes a SessionAnalysis.
 */
import { VERIFIER_IDS, type VerifierId } from './verify/types';
import type { GeneralNameModel, KeyAlgorithm, InputFormat, ErrorCode } from './model';
import { findExtensionLenient } from './chain/facts';
import type { ChainStatus, SessionAnalysis } from './session';
import type { BreakSite, FindingCode, Severity, Verdict } from './purpose/types';

export const REPORT_SCHEMA = 'certscope.report/1';

export type ReportKeyAlgorithm = 'RSA' | 'EC' | 'Ed25519' | 'Ed448' | 'DSA' | 'other';
export type ReportSanType = 'dns' | 'ip' | 'email' | 'uri' | 'upn' | 'dirName' | 'other';

export interface ReportFinding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly message: string;
  readonly breaksIn?: readonly BreakSite[];
}

export interface ReportVerifierAnswer {
  readonly accepts: boolean;
  readonly error: string | null;
  readonly codes: readonly string[];
  readonly fix: string | null;
  /** Set when the refusal is only because a loaded self-signed root is not trusted: the answer once the peer trusts it. */
  readonly ifRootTrusted?: { readonly privateRoot: string; readonly accepts: boolean; readonly error: string | null; readonly codes: readonly string[] };
}

export interface ReportRole {
  readonly verdict: Verdict;
  readonly findings: readonly ReportFinding[];
  /** Per verifier family (suitability.md, "Verdicts per verifier"); chrome only in tlsServer. */
  readonly verifiers: Readonly<Partial<Record<VerifierId, ReportVerifierAnswer>>>;
  /** True when the certificate is judged as a CA: the answers say whether certificates it issues are accepted for the role. */
  readonly asCa: boolean;
}

export interface ReportCertificate {
  readonly sha256: string;
  readonly sources: readonly string[];
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly isCA: boolean;
  readonly selfSigned: boolean;
  readonly publicKey: { readonly algorithm: ReportKeyAlgorithm; readonly bits: number | null; readonly curve: string | null };
  readonly signatureAlgorithm: string;
  readonly keyUsage: readonly string[] | null;
  readonly extendedKeyUsage: readonly string[] | null;
  readonly subjectAltNames: readonly { readonly type: ReportSanType; readonly value: string }[];
  readonly chain: { readonly status: ChainStatus; readonly path: readonly string[] };
  readonly privateKey: 'matches' | 'mismatch' | 'absent';
  readonly suitability: { readonly tlsServer: ReportRole; readonly tlsClient: ReportRole };
}

export interface ReportPrivateKey {
  readonly sources: readonly string[];
  readonly algorithm: ReportKeyAlgorithm;
  readonly bits: number | null;
  readonly curve: string | null;
  readonly encrypted: boolean;
  readonly certificate: string | null;
}

export interface Report {
  readonly schema: typeof REPORT_SCHEMA;
  readonly evaluatedAt: string;
  readonly host: string | null;
  readonly inputs: readonly { readonly name: string; readonly format: InputFormat | null; readonly error: { readonly code: ErrorCode; readonly message: string } | null }[];
  readonly certificates: readonly ReportCertificate[];
  readonly privateKeys: readonly ReportPrivateKey[];
}

export function reportKeyAlgorithm(a: KeyAlgorithm): ReportKeyAlgorithm {
  switch (a) {
    case 'RSA':
    case 'RSA-PSS':
      return 'RSA';
    case 'EC':
    case 'Ed25519':
    case 'Ed448':
    case 'DSA':
      return a;
    default:
      return 'other';
  }
}

function sanType(t: GeneralNameModel['type']): ReportSanType {
  return t === 'dns' || t === 'ip' || t === 'email' || t === 'uri' || t === 'upn' || t === 'dirName' ? t : 'other';
}

export function buildReport(analysis: SessionAnalysis): Report {
  const iso = (s: string): string => new Date(s).toISOString();
  return {
    schema: REPORT_SCHEMA,
    evaluatedAt: iso(analysis.evaluatedAt),
    host: analysis.host,
    inputs: analysis.inputs.map((i) => {
      const e = i.errors[0];
      return { name: i.name, format: i.format, error: e ? { code: e.code, message: e.message } : null };
    }),
    certificates: analysis.certificates.map((c) => {
      const cert = c.certificate;
      const role = (r: typeof c.suitability.tlsServer): ReportRole => ({
        verdict: r.verdict,
        findings: r.findings.map((f) => (f.breaksIn ? { code: f.code, severity: f.severity, message: f.message, breaksIn: f.breaksIn } : { code: f.code, severity: f.severity, message: f.message })),
        verifiers: Object.fromEntries(
          VERIFIER_IDS.filter((id) => r.verifiers[id] !== undefined).map((id) => {
            const a = r.verifiers[id] as NonNullable<(typeof r.verifiers)[VerifierId]>;
            const t = a.ifRootTrusted;
            const base: ReportVerifierAnswer = { accepts: a.accepts, error: a.error, codes: a.codes, fix: a.fix };
            return [id, t ? { ...base, ifRootTrusted: { privateRoot: t.privateRoot, accepts: t.answer.accepts, error: t.answer.error, codes: t.answer.codes } } : base];
          }),
        ),
        asCa: r.asCa,
      });
      return {
        sha256: c.sha256,
        sources: c.sources,
        subject: cert.subject.rfc4514,
        issuer: cert.issuer.rfc4514,
        serialNumber: cert.serialNumberHex,
        notBefore: iso(cert.notBefore),
        notAfter: iso(cert.notAfter),
        isCA: findExtensionLenient(cert, 'basicConstraints')?.ca === true,
        selfSigned: c.selfSigned,
        publicKey: { algorithm: reportKeyAlgorithm(cert.publicKey.algorithm), bits: cert.publicKey.bits, curve: cert.publicKey.curve },
        signatureAlgorithm: cert.signatureAlgorithm.name ?? cert.signatureAlgorithm.oid,
        // Malformed extensions count as present with their best-effort value (decodeWarnings say what is wrong).
        keyUsage: findExtensionLenient(cert, 'keyUsage')?.usages ?? null,
        extendedKeyUsage: findExtensionLenient(cert, 'extKeyUsage')?.purposes.map((p) => p.oid) ?? null,
        subjectAltNames: (findExtensionLenient(cert, 'subjectAltName')?.names ?? []).map((n) => ({ type: sanType(n.type), value: n.value })),
        chain: { status: c.chain.status, path: c.chain.path },
        privateKey: c.privateKey,
        suitability: { tlsServer: role(c.suitability.tlsServer), tlsClient: role(c.suitability.tlsClient) },
      };
    }),
    privateKeys: analysis.privateKeys.map((k) => ({
      sources: k.sources,
      algorithm: reportKeyAlgorithm(k.key.algorithm),
      bits: k.key.bits,
      curve: k.key.curve,
      encrypted: k.key.encrypted,
      certificate: k.certificate,
    })),
  };
}
