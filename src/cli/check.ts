/**
 * `certscope check`: an exit status for CI from the session analysis' per-verifier answers
 * (RoleResult.verifiers). The CLI only selects which answers count (--verifier) and adds the
 * --warn-days threshold; accepting or refusing is the verifiers' models' call.
 */
import { VERIFIER_IDS, type VerifierId } from '../core/verify/types';
import type { Report, ReportCertificate, ReportRole } from '../core/report';
import type { Style } from './render';
import { validityText } from './render';
import { UsageError } from './options';

export const EXIT = { accepted: 0, refused: 1, usage: 2, warnings: 3 } as const;

export type CheckRole = 'server' | 'client';

export interface CheckOptions {
  readonly role: CheckRole;
  /** null: every verifier that answers for the role. */
  readonly verifiers: readonly VerifierId[] | null;
  readonly warnDays: number | null;
}

export function parseRole(v: string | null): CheckRole {
  if (v === 'server' || v === 'client') return v;
  throw new UsageError(v === null ? 'check needs --role server|client' : `--role: expected server or client, got ${v}`);
}

export function parseVerifiers(v: string | null, role: CheckRole): VerifierId[] | null {
  if (v === null) return null;
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  if (list.length === 0) throw new UsageError('--verifier: empty list');
  for (const x of list) if (!(VERIFIER_IDS as readonly string[]).includes(x)) throw new UsageError(`--verifier: unknown verifier ${x} (known: ${VERIFIER_IDS.join(', ')})`);
  if (role === 'client' && list.includes('chrome')) throw new UsageError('--verifier: chrome only answers for the server role');
  return list as VerifierId[];
}

export function parseWarnDays(v: string | null): number | null {
  if (v === null) return null;
  if (!/^\d+$/u.test(v)) throw new UsageError(`--warn-days: expected a whole number of days, got ${v}`);
  return Number(v);
}

export type Outcome = 'accepted' | 'warnings' | 'refused';

export interface CheckedCertificate {
  readonly sha256: string;
  readonly subject: string;
  readonly notAfter: string;
  readonly outcome: Outcome;
  readonly refusedBy: readonly { readonly verifier: VerifierId; readonly error: string | null }[];
  readonly warnings: readonly string[];
}

export interface CheckResult {
  readonly schema: 'certscope.check/1';
  readonly role: CheckRole;
  readonly host: string | null;
  readonly evaluatedAt: string;
  readonly verifiers: readonly VerifierId[];
  readonly outcome: Outcome;
  readonly exitCode: number;
  /** Why nothing could be checked (unreadable input, no certificate), else null. */
  readonly problem: string | null;
  readonly certificates: readonly CheckedCertificate[];
}

const DAY = 86_400_000;

/** The certificates a check is about: the end entities of the inputs (not CAs, not built-in roots); CAs only when nothing else was given. */
export function targets(report: Report, role: CheckRole): ReportCertificate[] {
  const key = role === 'server' ? 'tlsServer' : 'tlsClient';
  const given = report.certificates.filter((c) => c.sources.length > 0);
  const leaves = given.filter((c) => !c.suitability[key].asCa);
  return leaves.length > 0 ? leaves : given;
}

export function judge(report: Report, o: CheckOptions): CheckResult {
  const key = role(o.role);
  const selected = o.verifiers ?? VERIFIER_IDS.filter((v) => !(o.role === 'client' && v === 'chrome'));
  const at = Date.parse(report.evaluatedAt);
  const unreadable = report.inputs.filter((i) => i.error !== null && !report.certificates.some((c) => c.sources.includes(i.name)));
  const certificates = targets(report, o.role).map((c): CheckedCertificate => {
    const r: ReportRole = c.suitability[key];
    const refusedBy = selected.flatMap((v) => {
      const a = r.verifiers[v];
      return a && !a.accepts ? [{ verifier: v, error: a.error }] : [];
    });
    const warnings = r.findings.filter((f) => f.severity === 'warn').map((f) => `${f.code}: ${f.message}`);
    if (o.warnDays !== null) {
      const left = (Date.parse(c.notAfter) - at) / DAY;
      if (left >= 0 && left <= o.warnDays) warnings.push(`EXPIRES_WITHIN_WARN_DAYS: expires in ${Math.floor(left)} days (${c.notAfter}), within --warn-days ${o.warnDays}`);
    }
    return { sha256: c.sha256, subject: c.subject, notAfter: c.notAfter, outcome: refusedBy.length > 0 ? 'refused' : warnings.length > 0 ? 'warnings' : 'accepted', refusedBy, warnings };
  });
  const problem = unreadable.length > 0 ? `cannot read ${unreadable.map((i) => `${i.name} (${i.error?.code ?? ''})`).join(', ')}` : certificates.length === 0 ? 'no certificate to check' : null;
  const outcome: Outcome = problem !== null || certificates.some((c) => c.outcome === 'refused') ? 'refused' : certificates.some((c) => c.outcome === 'warnings') ? 'warnings' : 'accepted';
  return { schema: 'certscope.check/1', role: o.role, host: report.host, evaluatedAt: report.evaluatedAt, verifiers: selected, outcome, exitCode: EXIT[outcome], problem, certificates };
}

function role(r: CheckRole): 'tlsServer' | 'tlsClient' {
  return r === 'server' ? 'tlsServer' : 'tlsClient';
}

export function checkText(result: CheckResult, style: Style): string {
  const word = (o: Outcome): string => (o === 'accepted' ? style.good('ACCEPTED') : o === 'warnings' ? style.warn('WARNINGS') : style.bad('REFUSED'));
  const lines = [`${word(result.outcome)} for the TLS ${result.role} role${result.host ? ` as ${result.host}` : ''} by ${result.verifiers.join(', ')} at ${result.evaluatedAt} (exit ${result.exitCode})`];
  if (result.problem) lines.push(`  ${style.bad(result.problem)}`);
  for (const c of result.certificates) {
    lines.push(`  ${word(c.outcome)} ${c.subject || '(empty subject)'}  ${validityText({ notBefore: result.evaluatedAt, notAfter: c.notAfter }, result.evaluatedAt, style)}`);
    for (const r of c.refusedBy) lines.push(`      ${r.verifier.padEnd(8)} refuses: ${r.error ?? ''}`);
    for (const w of c.warnings) lines.push(`      warning: ${w}`);
  }
  return `${lines.join('\n')}\n`;
}
