/**
 * The report in each output format. Text is complete: every field and extension in the layout of
 * `openssl x509 -text` (core/export/openssl-text), then what Certscope adds: fingerprints, chain,
 * key match, purpose badges and the verdict of each verifier per role.
 */
import { certificateToText } from '../core/export/openssl-text';
import { toPem, formatFingerprint } from '../core/export/index';
import { describeEku } from '../core/purpose/eku';
import type { SessionAnalysis } from '../core/session';
import type { Report, ReportCertificate, ReportPkcs12Compatibility, ReportPkcs12Importer, ReportRole } from '../core/report';
import type { CertificateModel, Pkcs12Weakness } from '../core/model';

export interface Style {
  readonly good: (s: string) => string;
  readonly bad: (s: string) => string;
  readonly warn: (s: string) => string;
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
}

const sgr = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
export const COLOR: Style = { good: sgr(32, 39), bad: sgr(31, 39), warn: sgr(33, 39), bold: sgr(1, 22), dim: sgr(2, 22) };
const id = (s: string): string => s;
export const PLAIN: Style = { good: id, bad: id, warn: id, bold: id, dim: id };

const DAY = 86_400_000;

/** "valid, 213 days left" / "expired 3 days ago" / "not valid before …". */
export function validityText(c: { readonly notBefore: string; readonly notAfter: string }, at: string, style: Style): string {
  const now = Date.parse(at);
  const nb = Date.parse(c.notBefore);
  const na = Date.parse(c.notAfter);
  if (now < nb) return style.bad(`not yet valid (from ${c.notBefore})`);
  if (now > na) return style.bad(`expired ${Math.floor((now - na) / DAY)} days ago (${c.notAfter})`);
  const left = Math.floor((na - now) / DAY);
  return left < 30 ? style.warn(`valid, expires in ${left} days (${c.notAfter})`) : style.good(`valid, ${left} days left (${c.notAfter})`);
}

function verdictText(v: ReportRole['verdict'], style: Style): string {
  return v === 'suitable' ? style.good(v) : v === 'warnings' ? style.warn(v) : style.bad(v);
}

function roleLines(name: string, r: ReportRole, style: Style): string[] {
  const lines = [`    ${style.bold(name)}${r.asCa ? ' (as a CA: certificates it issues)' : ''}: ${verdictText(r.verdict, style)}`];
  for (const [vid, a] of Object.entries(r.verifiers)) {
    if (!a) continue;
    const then = a.ifRootTrusted ? ` (once the peer trusts the root: ${a.ifRootTrusted.accepts ? 'accepts' : `refuses: ${a.ifRootTrusted.error ?? ''}`})` : '';
    lines.push(`        ${vid.padEnd(8)} ${a.accepts ? style.good('accepts') : `${style.bad('refuses')}: ${a.error ?? ''}`}${then}`);
    if (!a.accepts && a.fix) lines.push(`                 fix: ${a.fix}`);
  }
  for (const f of r.findings) {
    if (f.severity === 'pass' || f.severity === 'info') continue;
    const sev = f.severity === 'fail' ? style.bad(f.severity) : style.warn(f.severity);
    lines.push(`        [${sev}] ${f.code}: ${f.message}`);
  }
  return lines;
}

function badges(cert: CertificateModel, rc: ReportCertificate): string {
  const out: string[] = [];
  if (rc.isCA) out.push('CA');
  if (rc.selfSigned) out.push('self-signed');
  for (const oid of rc.extendedKeyUsage ?? []) out.push(describeEku(oid).badge);
  if (rc.extendedKeyUsage === null && !rc.isCA) out.push('any purpose (no EKU)');
  if (cert.publicKey.algorithm) out.push(`${cert.publicKey.algorithm}${cert.publicKey.bits ? ` ${cert.publicKey.bits}` : ''}${cert.publicKey.curve ? ` ${cert.publicKey.curve}` : ''}`);
  return out.map((b) => `[${b}]`).join(' ');
}

/** What Certscope adds under the openssl-style text of one certificate. */
export function certscopeLines(cert: CertificateModel, rc: ReportCertificate, report: Report, style: Style, names: ReadonlyMap<string, string> = new Map()): string[] {
  const bySha = new Map([...names, ...report.certificates.map((c): [string, string] => [c.sha256, c.subject])]);
  const chain = rc.chain.path.map((s) => bySha.get(s) ?? s.slice(0, 16)).join('  <-  ');
  return [
    style.bold('Certscope:'),
    `    Sources: ${rc.sources.join(', ') || '(built-in root)'}`,
    `    SHA-256 Fingerprint: ${formatFingerprint(cert.sha256Hex, 'colon')}`,
    `    SHA-1 Fingerprint: ${formatFingerprint(cert.sha1Hex, 'colon')}`,
    `    SPKI pin (sha256/base64): ${cert.publicKey.spkiSha256Base64}`,
    `    Validity: ${validityText(rc, report.evaluatedAt, style)}`,
    `    Badges: ${badges(cert, rc)}`,
    `    Chain: ${rc.chain.status === 'trusted' ? style.good(rc.chain.status) : rc.chain.status === 'private-root' ? style.warn(rc.chain.status) : style.bad(rc.chain.status)}${chain ? `: ${chain}` : ''}`,
    `    Private key: ${rc.privateKey}`,
    `    Verdicts at ${report.evaluatedAt}${report.host ? ` for host ${report.host}` : ''}:`,
    ...roleLines('TLS server', rc.suitability.tlsServer, style),
    ...roleLines('TLS client', rc.suitability.tlsClient, style),
  ];
}

function answerText(a: ReportPkcs12Importer, style: Style): string {
  switch (a.answer) {
    case 'accepts':
      return style.good('accepts');
    case 'refuses':
      return style.bad('refuses');
    case 'needs-option':
      return style.warn(`needs ${a.option ?? 'an option'}`);
    default:
      return style.dim('unknown');
  }
}

/** A PKCS#12 input's weaknesses and, per importer, whether it takes the file and why. */
export function pkcs12CompatibilityLines(weaknesses: readonly Pkcs12Weakness[], c: ReportPkcs12Compatibility, style: Style): string[] {
  const lines: string[] = [];
  for (const w of weaknesses) lines.push(`    ${style.warn('weakness')} ${w.code} (${w.where}): ${w.message}${w.opensslNeedsLegacy ? ` ${style.warn('[OpenSSL 3 needs -legacy]')}` : ''}`);
  lines.push(`    ${style.bold('Where it imports')} (from the file's parameters; sources in --format json and docs/pkcs12-compat.md):`);
  const width = Math.max(...c.importers.map((a) => a.name.length));
  for (const a of c.importers) {
    lines.push(`        ${a.name.padEnd(width)}  ${answerText(a, style)}: ${a.reason}`);
    for (const n of a.notes) lines.push(`        ${' '.repeat(width)}  ${style.dim('note:')} ${n}`);
  }
  return lines;
}

/** The whole text report. */
export function reportText(analysis: SessionAnalysis, report: Report, style: Style, preface: readonly string[] = []): string {
  const lines: string[] = [...preface];
  // Anchors (built-in or --trust roots) are not session certificates: name them from the analysis.
  const anchorNames = new Map(analysis.anchors.map((a): [string, string] => [a.sha256Hex, `${a.subject.rfc4514} (trust anchor)`]));
  lines.push(`Evaluated at ${report.evaluatedAt}${report.host ? ` for host ${report.host}` : ''}`);
  for (const i of report.inputs) {
    lines.push(`input ${i.name}: ${i.format ?? 'unrecognised'}${i.error ? ` ${style.bad('ERROR')} ${i.error.code}: ${i.error.message}` : ''}`);
    if (i.pkcs12Compatibility) lines.push(...pkcs12CompatibilityLines(i.pkcs12Weaknesses ?? [], i.pkcs12Compatibility, style));
  }
  report.certificates.forEach((rc, k) => {
    const sc = analysis.certificates[k];
    if (!sc) return;
    lines.push('', style.bold(`=== certificate ${k + 1} of ${report.certificates.length}: ${rc.subject || '(empty subject)'}`));
    lines.push(certificateToText(sc.certificate).replace(/\n$/u, ''));
    lines.push(...certscopeLines(sc.certificate, rc, report, style, anchorNames));
  });
  for (const pk of report.privateKeys) lines.push('', `private key ${pk.algorithm}${pk.bits ? ` ${pk.bits}` : ''}${pk.curve ? ` ${pk.curve}` : ''}${pk.encrypted ? ' (encrypted)' : ''} from ${pk.sources.join(', ')}: ${pk.certificate ? `matches ${pk.certificate}` : 'no matching certificate'}`);
  return `${lines.join('\n')}\n`;
}

/** Every certificate as PEM, in session order. */
export function reportPem(analysis: SessionAnalysis): string {
  return analysis.certificates.map((c) => toPem(c.certificate.der, 'CERTIFICATE')).join('');
}

export type NdjsonLine =
  | { readonly type: 'header'; readonly schema: string; readonly evaluatedAt: string; readonly host: string | null }
  | ({ readonly type: 'input' } & Report['inputs'][number])
  | ({ readonly type: 'certificate' } & ReportCertificate)
  | ({ readonly type: 'privateKey' } & Report['privateKeys'][number]);

/** One JSON object a line: inputs, certificates, private keys (the header line comes first, once). */
export function ndjsonItems(report: Report): NdjsonLine[] {
  return [
    ...report.inputs.map((i): NdjsonLine => ({ type: 'input', ...i })),
    ...report.certificates.map((c): NdjsonLine => ({ type: 'certificate', ...c })),
    ...report.privateKeys.map((k): NdjsonLine => ({ type: 'privateKey', ...k })),
  ];
}

export function ndjsonHeader(report: Pick<Report, 'schema' | 'evaluatedAt' | 'host'>): NdjsonLine {
  return { type: 'header', schema: report.schema, evaluatedAt: report.evaluatedAt, host: report.host };
}
