/**
 * The scripted report, schema `certscope.report/1` (shared/spec/report.md). Field names and
 * enumerated values are a contract; this module only reshapes a SessionAnalysis.
 */
import { VERIFIER_IDS, type VerifierId } from './verify/types';
import type { CrlModel, CsrCheck, CsrModel, DecodeWarning, Pkcs12CompatAnswerKind, Pkcs12Compatibility, Pkcs12Weakness, ExtensionModel, GeneralNameModel, KeyAlgorithm, InputFormat, ErrorCode } from './model';
import { toBase64 } from './input/bytes';
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
  // Added for issue 12 (additive; shared/spec/report.md fields above keep their meaning).
  /** X.509 version as shown (1–3, or what an undefined version encodes + 1). */
  readonly version: number;
  /** True when the serial's INTEGER is negative (serialNumber then holds its two's-complement bytes). */
  readonly serialNegative: boolean;
  readonly serialNumberDecimal: string;
  /** Subject key identifier, lowercase hex; null when absent. */
  readonly subjectKeyIdentifier: string | null;
  /** Authority key identifier keyIdentifier, lowercase hex; null when absent or without one. */
  readonly authorityKeyIdentifier: string | null;
  /** basicConstraints pathLenConstraint; null when absent (or unreadable). */
  readonly pathLength: number | null;
  readonly sha1: string;
  /** Every extension in encoded order. */
  readonly extensions: readonly ReportExtension[];
  /** Encoding problems the decoder read past (stable codes). */
  readonly decodeWarnings: readonly DecodeWarning[];
  /** Other oddities, in words. */
  readonly warnings: readonly string[];
  /** The certificate as PEM. */
  readonly pem: string;
}

/** One extension: decoded value (the model's fields for its kind) or, when unknown, null; the hex is always there. */
export interface ReportExtension {
  readonly oid: string;
  readonly name: string | null;
  readonly critical: boolean;
  /** The kind of decoder that read it ("unknown" when none did). */
  readonly kind: string;
  /** Decoded fields (best-effort when malformed); for kind "unknown", the decoded details when the OID has a details decoder (QC statements, logotype, …), else null. */
  readonly value: Readonly<Record<string, unknown>> | null;
  readonly valueHex: string;
  /** Set when the value does not decode strictly ("present, malformed"). */
  readonly decodeError: string | null;
  readonly decodeWarnings: readonly DecodeWarning[];
}

export interface ReportCsr {
  readonly sha256: string;
  readonly sources: readonly string[];
  readonly subject: string;
  readonly publicKey: { readonly algorithm: ReportKeyAlgorithm; readonly bits: number | null; readonly curve: string | null };
  readonly signatureAlgorithm: string;
  /** Self-signature: true/false, null when this engine cannot check the algorithm. */
  readonly signatureValid: boolean | null;
  readonly subjectAltNames: readonly { readonly type: ReportSanType; readonly value: string }[];
  readonly extensions: readonly ReportExtension[];
  /** What a CA would refuse or change: weak key, bad signature, no SAN, CN not among the SANs, refused extensions. */
  readonly checks: readonly CsrCheck[];
  readonly decodeWarnings: readonly DecodeWarning[];
  readonly warnings: readonly string[];
  readonly pem: string;
}

export interface ReportCrl {
  readonly sha256: string;
  readonly sources: readonly string[];
  readonly issuer: string;
  readonly version: number;
  readonly thisUpdate: string;
  readonly nextUpdate: string | null;
  readonly signatureAlgorithm: string;
  /** sha256 of the certificate whose key verified the CRL, or null. */
  readonly signedBy: string | null;
  readonly crlNumber: string | null;
  readonly revoked: readonly { readonly serialNumber: string; readonly revocationDate: string; readonly reason: string | null }[];
  readonly extensions: readonly ReportExtension[];
  readonly decodeWarnings: readonly DecodeWarning[];
  readonly warnings: readonly string[];
  readonly pem: string;
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
  readonly inputs: readonly {
    readonly name: string;
    readonly format: InputFormat | null;
    /** The input's first error (report.md), or null. */
    readonly error: { readonly code: ErrorCode; readonly message: string } | null;
    /** Every error of the input, in order (added for issue 12). */
    readonly errors: readonly { readonly code: ErrorCode; readonly message: string }[];
    /** Notes that do not fail the input (a PEM block with a label nothing reads, …). */
    readonly notes: readonly string[];
    /** PKCS#12 only: weaknesses of the MAC, safes and bags, with whether OpenSSL 3 needs -legacy. */
    readonly pkcs12Weaknesses?: readonly Pkcs12Weakness[];
    /** PKCS#12 only: which importers take the file (added for issue 15; docs/pkcs12-compat.md). */
    readonly pkcs12Compatibility?: ReportPkcs12Compatibility;
  }[];
  readonly certificates: readonly ReportCertificate[];
  readonly privateKeys: readonly ReportPrivateKey[];
  /** Certificate requests, one per distinct DER (added for issue 12). */
  readonly csrs: readonly ReportCsr[];
  /** CRLs, one per distinct DER (added for issue 12). */
  readonly crls: readonly ReportCrl[];
}

/** One importer's answer for a PKCS#12 input. */
export interface ReportPkcs12Importer {
  /** Stable id, e.g. "openssl-3.0", "java", "windows-legacy" (core/pkcs12/compat-data.ts). */
  readonly importer: string;
  readonly name: string;
  readonly answer: Pkcs12CompatAnswerKind;
  /** For "needs-option": the option, e.g. "-legacy"; else null. */
  readonly option: string | null;
  /** The parameters that decide, in one sentence. */
  readonly reason: string;
  /** What changes without failing (a key left out, no friendly name, …). */
  readonly notes: readonly string[];
  readonly sources: readonly { readonly title: string; readonly url: string }[];
}

export interface ReportPkcs12Compatibility {
  /** The file's parameters in words, with where they are. */
  readonly parameters: readonly string[];
  readonly importers: readonly ReportPkcs12Importer[];
}

export function reportPkcs12Compatibility(c: Pkcs12Compatibility): ReportPkcs12Compatibility {
  return {
    parameters: c.parameters,
    importers: c.answers.map((a) => ({
      importer: a.importer,
      name: a.name,
      answer: a.answer,
      option: a.option,
      reason: a.reason,
      notes: a.notes.map((r) => `${r.parameter}: ${r.says}`),
      sources: a.sources.map((s) => ({ title: s.title, url: s.url })),
    })),
  };
}

const COMMON_EXTENSION_KEYS: ReadonlySet<string> = new Set(['oid', 'name', 'critical', 'valueHex', 'decodeError', 'decodeWarnings', 'kind']);

export function reportExtension(e: ExtensionModel): ReportExtension {
  const value: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) if (!COMMON_EXTENSION_KEYS.has(k)) value[k] = v;
  return { oid: e.oid, name: e.name, critical: e.critical, kind: e.kind, value: e.kind === 'unknown' ? (e.details ? { ...e.details } : null) : value, valueHex: e.valueHex, decodeError: e.decodeError ?? null, decodeWarnings: e.decodeWarnings ?? [] };
}

/** PEM text of a DER object (64-character lines). */
export function toPem(label: string, der: Uint8Array): string {
  const b64 = toBase64(der);
  let body = '';
  for (let i = 0; i < b64.length; i += 64) body += `${b64.slice(i, i + 64)}\n`;
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
}

function reportCsr(c: CsrModel, sources: readonly string[]): ReportCsr {
  const san = c.requestedExtensions.find((e) => e.kind === 'subjectAltName');
  return {
    sha256: c.sha256Hex,
    sources,
    subject: c.subject.rfc4514,
    publicKey: { algorithm: reportKeyAlgorithm(c.publicKey.algorithm), bits: c.publicKey.bits, curve: c.publicKey.curve },
    signatureAlgorithm: c.signatureAlgorithm.name ?? c.signatureAlgorithm.oid,
    signatureValid: c.signatureValid,
    subjectAltNames: san?.kind === 'subjectAltName' ? san.names.map((n) => ({ type: sanType(n.type), value: n.value })) : [],
    extensions: c.requestedExtensions.map(reportExtension),
    checks: c.checks ?? [],
    decodeWarnings: c.decodeWarnings ?? [],
    warnings: c.warnings ?? [],
    pem: toPem('CERTIFICATE REQUEST', c.der),
  };
}

function reportCrl(c: CrlModel, sources: readonly string[], signedBy: string | null): ReportCrl {
  const n = c.extensions.find((e) => e.kind === 'crlNumber');
  return {
    sha256: c.sha256Hex,
    sources,
    issuer: c.issuer.rfc4514,
    version: c.version,
    thisUpdate: new Date(c.thisUpdate).toISOString(),
    nextUpdate: c.nextUpdate === null ? null : new Date(c.nextUpdate).toISOString(),
    signatureAlgorithm: c.signatureAlgorithm.name ?? c.signatureAlgorithm.oid,
    signedBy,
    crlNumber: n?.kind === 'crlNumber' ? n.number : null,
    revoked: c.entries.map((e) => ({ serialNumber: e.serialNumberHex, revocationDate: new Date(e.revocationDate).toISOString(), reason: e.reason })),
    extensions: c.extensions.map(reportExtension),
    decodeWarnings: c.decodeWarnings ?? [],
    warnings: c.warnings ?? [],
    pem: toPem('X509 CRL', c.der),
  };
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
      return { name: i.name, format: i.format, error: e ? { code: e.code, message: e.message } : null, errors: i.errors.map((x) => ({ code: x.code, message: x.message })), notes: (i.notes ?? []).map((n) => n.message), ...(i.pkcs12Weaknesses ? { pkcs12Weaknesses: i.pkcs12Weaknesses } : {}), ...(i.pkcs12Compatibility ? { pkcs12Compatibility: reportPkcs12Compatibility(i.pkcs12Compatibility) } : {}) };
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
        version: cert.version,
        serialNegative: cert.serialNegative,
        serialNumberDecimal: cert.serialNumberDecimal,
        subjectKeyIdentifier: findExtensionLenient(cert, 'subjectKeyIdentifier')?.keyIdentifierHex.toLowerCase() ?? null,
        authorityKeyIdentifier: findExtensionLenient(cert, 'authorityKeyIdentifier')?.keyIdentifierHex?.toLowerCase() ?? null,
        pathLength: findExtensionLenient(cert, 'basicConstraints')?.pathLength ?? null,
        sha1: cert.sha1Hex,
        extensions: cert.extensions.map(reportExtension),
        decodeWarnings: cert.decodeWarnings,
        warnings: cert.warnings,
        pem: toPem('CERTIFICATE', cert.der),
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
    csrs: (() => {
      const seen = new Map<string, { csr: CsrModel; sources: string[] }>();
      for (const i of analysis.inputs) {
        for (const c of i.csrs ?? []) {
          const e = seen.get(c.sha256Hex);
          if (e) {
            if (!e.sources.includes(i.name)) e.sources.push(i.name);
          } else seen.set(c.sha256Hex, { csr: c, sources: [i.name] });
        }
      }
      return [...seen.values()].map((e) => reportCsr(e.csr, e.sources));
    })(),
    crls: analysis.crls.map((c) => reportCrl(c.crl, c.sources, c.issuer)),
  };
}
