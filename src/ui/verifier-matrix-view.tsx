import { useId } from 'react';
import type { Finding, Role } from '@/core/purpose/types';
import type { RoleVerifiers, VerifierAnswer, VerifierId, VerifyCode } from '@/core/verify/types';
import { Badge, ROLE_LABEL, VerdictBadge, type Tone, type Verdict } from './badges';
import { CopyButton } from './copy-button';
import { SafeText } from './safe-text';
import { FINDING_HELP } from './finding-help';
import { orderVerifiers, VERIFIER_LABEL, verifierName, verifierNames } from './verifier-labels';

/** One role as the overview knows it: the verdict and which verifiers refuse (the answers themselves arrive separately). */
export interface VerifierRoleSummary {
  readonly role: Role;
  readonly verdict: Verdict;
  /** Judged as a CA: the answers are about the certificates it issues. */
  readonly asCa: boolean;
  readonly answered: readonly VerifierId[];
  readonly refusing: readonly VerifierId[];
  readonly refusingUntilRootTrusted: readonly VerifierId[];
  readonly findings: readonly Pick<Finding, 'code' | 'severity'>[];
}

export interface VerifierMatrixViewProps {
  readonly roles: readonly VerifierRoleSummary[];
  /** Every verifier's full answer per role; null while they load. */
  readonly answers: Readonly<Partial<Record<Role, RoleVerifiers>>> | null;
  /** Why the answers could not be shown, if they could not. */
  readonly failure?: string | null;
  readonly host: string | null;
  /** A certificate's display name by SHA-256 (for the private root a refusal waits on). */
  readonly nameOf: (sha256: string) => string;
  /** Marks a loaded root trusted for this session (re-analyzes); absent hides the action. */
  readonly onTrustRoot?: (sha256: string) => void;
  /** The element id of a role's checklist item for a code, when the checklist shows one. */
  readonly findingId?: (role: Role, code: VerifyCode) => string | null;
}

/** Titles of the verifier-level reasons that are not finding codes of the checklist. */
const VERIFY_CODE_TITLE: Partial<Record<VerifyCode, string>> = {
  CHAIN_TOO_LONG: 'Chain too long',
  COMMON_NAME_ONLY: 'Name only in the Common Name',
  WEAK_ISSUER_KEY: 'An issuer’s key is too weak',
  UNSUPPORTED_KEY: 'Key type not supported',
  ISSUER_REVOKED: 'An issuer is revoked',
  CRL_PROBLEM: 'CRL problem',
  UNKNOWN_CRITICAL_EXTENSION: 'Unknown critical extension',
  DUPLICATE_EXTENSION: 'Duplicate extension',
  MALFORMED_CERTIFICATE: 'Malformed certificate',
  PROFILE_VIOLATION: 'Breaks the certificate profile',
  INVALID_NAME: 'Invalid name',
};

function verifyCodeTitle(code: VerifyCode): string {
  return (FINDING_HELP as Partial<Record<string, { title: string }>>)[code]?.title ?? VERIFY_CODE_TITLE[code] ?? code;
}

/** The checklist's advice for a code, for verifiers whose model gives no fix of its own. */
function verifyCodeFix(code: VerifyCode): string | null {
  return (FINDING_HELP as Partial<Record<string, { fix: string }>>)[code]?.fix ?? null;
}

type Stance = 'accepts' | 'refuses' | 'untrusted-root';

const STANCE: Record<Stance, { icon: string; label: string; tone: Tone }> = {
  accepts: { icon: '✓', label: 'Accepts', tone: 'good' },
  refuses: { icon: '✗', label: 'Refuses', tone: 'bad' },
  'untrusted-root': { icon: '✗', label: 'Refuses until its root is trusted', tone: 'warn' },
};

function stanceOf(id: VerifierId, r: VerifierRoleSummary): Stance {
  if (r.refusing.includes(id)) return 'refuses';
  if (r.refusingUntilRootTrusted.includes(id)) return 'untrusted-root';
  return 'accepts';
}

const ROLE_AS_CA: Record<Role, string> = { tlsServer: 'Issues TLS server certificates that…', tlsClient: 'Issues TLS client certificates that…' };
const ROLE_AS_LEAF: Record<Role, string> = { tlsServer: 'As a TLS server certificate', tlsClient: 'As a TLS client certificate' };

/**
 * The answer first: for each role, one row per verifier family saying whether it accepts the
 * certificate, and for a refusal the exact text it prints, how to fix it in that stack's terms,
 * and which checks explain it. Refusals are open by default.
 */
export function VerifierMatrixView({ roles, answers, failure, host, nameOf, onTrustRoot, findingId }: VerifierMatrixViewProps) {
  const shown = roles.filter((r) => r.answered.length > 0);
  if (shown.length === 0) return null;
  return (
    <section aria-label="Verdict per verifier" className="grid gap-4 2xl:grid-cols-2">
      {shown.map((r) => (
        <RoleMatrix key={r.role} summary={r} answers={answers?.[r.role] ?? null} failure={failure ?? null} host={host} nameOf={nameOf} onTrustRoot={onTrustRoot} findingId={findingId} />
      ))}
    </section>
  );
}

interface RoleMatrixProps {
  readonly summary: VerifierRoleSummary;
  readonly answers: RoleVerifiers | null;
  readonly failure: string | null;
  readonly host: string | null;
  readonly nameOf: (sha256: string) => string;
  readonly onTrustRoot: ((sha256: string) => void) | undefined;
  readonly findingId: ((role: Role, code: VerifyCode) => string | null) | undefined;
}

function RoleMatrix({ summary: r, answers, failure, host, nameOf, onTrustRoot, findingId }: RoleMatrixProps) {
  const title = r.asCa ? ROLE_AS_CA[r.role] : ROLE_AS_LEAF[r.role];
  const ids = orderVerifiers(r.answered);
  return (
    <section aria-label={`${ROLE_LABEL[r.role]}: verdict per verifier`} className="panel render-near-view p-4">
      <div className="mb-1 flex flex-wrap items-center gap-2">
        <h3 className="text-base font-semibold">{title}</h3>
        <VerdictBadge role={r.role} verdict={r.verdict} />
        {r.role === 'tlsServer' && !r.asCa && <span className="text-xs text-zinc-600 dark:text-zinc-400">{host ? `host: ${host}` : 'no host name given'}</span>}
      </div>
      <p className="mb-2 text-sm text-zinc-700 dark:text-zinc-300">{sentence(r, ids)}</p>
      {answers && <UntrustedRoots ids={ids} answers={answers} nameOf={nameOf} onTrustRoot={onTrustRoot} />}
      <ul className="space-y-1" aria-label={`${ROLE_LABEL[r.role]}: answer per verifier`}>
        {ids.map((id) => (
          <VerifierRow key={id} id={id} role={r.role} stance={stanceOf(id, r)} answer={answers?.[id] ?? null} failure={failure} nameOf={nameOf} findingId={findingId} />
        ))}
      </ul>
    </section>
  );
}

/** Once per loaded root that refusals wait on: who waits, and the action that trusts it here. */
function UntrustedRoots({ ids, answers, nameOf, onTrustRoot }: { readonly ids: readonly VerifierId[]; readonly answers: RoleVerifiers; readonly nameOf: (sha256: string) => string; readonly onTrustRoot: ((sha256: string) => void) | undefined }) {
  const waiting = new Map<string, VerifierId[]>();
  for (const id of ids) {
    const root = answers[id]?.ifRootTrusted?.privateRoot;
    if (root) waiting.set(root, [...(waiting.get(root) ?? []), id]);
  }
  if (waiting.size === 0) return null;
  return (
    <div className="mb-2 space-y-1">
      {[...waiting].map(([root, who]) => (
        <div key={root} className="flex flex-col items-start gap-x-3 gap-y-1 rounded-md border sm:flex-row sm:items-center border-amber-300 bg-amber-50 px-2 py-1.5 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100">
          <p className="min-w-0 sm:flex-1">
            {who.length === ids.length ? 'Every verifier' : verifierNames(who, 'and')} {who.length === ids.length || who.length === 1 ? 'stops' : 'stop'} at the private root{' '}
            <SafeText value={nameOf(root)} className="font-semibold" max={120} />, which is loaded here but not trusted.
          </p>
          {onTrustRoot && (
            <button type="button" className="btn-small shrink-0 text-left" onClick={() => onTrustRoot(root)}>
              Trust <SafeText value={nameOf(root)} max={60} /> for this session
            </button>
          )}
        </div>
      ))}
    </div>
  );
}

/** The matrix in one sentence, for people who read top to bottom (and screen readers). */
function sentence(r: VerifierRoleSummary, ids: readonly VerifierId[]): string {
  const accepting = ids.filter((id) => stanceOf(id, r) === 'accepts');
  const refusing = orderVerifiers(r.refusing);
  const waiting = orderVerifiers(r.refusingUntilRootTrusted);
  const subject = r.asCa ? `Certificates it issues as ${ROLE_LABEL[r.role]} certificates are` : 'It is';
  if (refusing.length === ids.length) return `${subject} refused by every verifier modelled here.`;
  const parts: string[] = [];
  if (accepting.length === ids.length) parts.push(`accepted by every verifier modelled here`);
  else if (accepting.length > 0) parts.push(`accepted by ${verifierNames(accepting, 'and')}`);
  if (waiting.length > 0) parts.push(`accepted by ${verifierNames(waiting, 'and')} once the peer trusts its private root`);
  if (refusing.length > 0) parts.push(`refused by ${verifierNames(refusing, 'and')}`);
  return `${subject} ${parts.join('; ')}.`;
}

export function StanceBadge({ stance }: { readonly stance: Stance }) {
  const s = STANCE[stance];
  return (
    <Badge tone={s.tone} className="justify-center sm:min-w-[5.5rem]">
      <span aria-hidden="true" className="font-bold">
        {s.icon}
      </span>
      {s.label}
    </Badge>
  );
}

interface VerifierRowProps {
  readonly id: VerifierId;
  readonly role: Role;
  readonly stance: Stance;
  readonly answer: VerifierAnswer | null;
  readonly failure: string | null;
  readonly nameOf: (sha256: string) => string;
  readonly findingId: ((role: Role, code: VerifyCode) => string | null) | undefined;
}

function VerifierRow({ id, role, stance, answer, failure, nameOf, findingId }: VerifierRowProps) {
  const label = VERIFIER_LABEL[id];
  const nameId = useId();
  const heading = (
    <>
      <StanceBadge stance={stance} />
      <span id={nameId} className="font-medium">
        {label.name}
        <span className="font-normal text-zinc-600 dark:text-zinc-400"> ({label.standsFor})</span>
      </span>
    </>
  );
  if (stance === 'accepts') {
    return (
      <li aria-labelledby={nameId} data-verifier={id} data-accepts="true" className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded-md border border-zinc-200 px-2 py-1.5 pl-7 text-sm dark:border-zinc-800">
        {heading}
      </li>
    );
  }
  return (
    <li aria-labelledby={nameId} data-verifier={id} data-accepts="false">
      {/* Refusals are open; a refusal that only waits on the person's own root (said once above the list) is not. */}
      <details open={stance === 'refuses'} className="group rounded-md border border-zinc-200 dark:border-zinc-800">
        <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-2 gap-y-1 px-2 py-1.5 text-sm hover:bg-zinc-50 dark:hover:bg-zinc-800/50 [&::-webkit-details-marker]:hidden">
          <span aria-hidden="true" className="inline-block w-3 text-zinc-500 transition-transform group-open:rotate-90">
            ▸
          </span>
          {heading}
        </summary>
        <div className="space-y-2 border-t border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
          {answer ? (
            <RefusalDetail id={id} role={role} answer={answer} nameOf={nameOf} findingId={findingId} />
          ) : (
            <p className="text-zinc-600 dark:text-zinc-400">{failure ? `The answer could not be loaded: ${failure}` : `Loading what ${label.name} prints…`}</p>
          )}
        </div>
      </details>
    </li>
  );
}

function RefusalDetail({ id, role, answer, nameOf, findingId }: Omit<VerifierRowProps, 'stance' | 'answer' | 'failure'> & { readonly answer: VerifierAnswer }) {
  const name = verifierName(id);
  const then = answer.ifRootTrusted;
  const stillRefuses = then !== undefined && !then.answer.accepts;
  const codes = [...new Set([...answer.codes, ...(stillRefuses ? then.answer.codes : [])])];
  // The model's own advice first; otherwise the checklist's advice for its first reason, the one
  // that remains once the root is trusted first (the untrusted root is said above the list).
  const fixCodes = stillRefuses ? [...then.answer.codes, ...codes] : codes;
  const fix = (stillRefuses ? then.answer.fix : null) ?? answer.fix ?? fixCodes.map(verifyCodeFix).find((f) => f !== null) ?? null;
  const root = then ? <SafeText value={nameOf(then.privateRoot)} className="font-semibold" max={120} /> : null;
  return (
    <>
      {answer.error !== null && <PrintedError name={name} error={answer.error} />}
      {then?.answer.accepts && (
        <p>
          Refuses until the peer trusts {root}; then:{' '}
          <span className="font-semibold">
            <span aria-hidden="true">✓ </span>accepts.
          </span>
        </p>
      )}
      {stillRefuses && (
        <div className="space-y-1 rounded-md bg-amber-50 px-2 py-1.5 text-amber-950 dark:bg-amber-950/60 dark:text-amber-100">
          <p>
            Refuses until the peer trusts {root}; then:{' '}
            <span className="font-semibold">
              <span aria-hidden="true">✗ </span>still refuses:
            </span>
          </p>
          {then.answer.error !== null && <PrintedError name={`${name} (root trusted)`} error={then.answer.error} />}
        </div>
      )}
      {fix && (
        <p>
          <span className="font-semibold">How to fix: </span>
          <FixText value={fix} />
        </p>
      )}
      {codes.length > 0 && (
        <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
          <span className="font-semibold">Because:</span>
          {codes.map((code) => (
            <CodeReason key={code} role={role} code={code} findingId={findingId} />
          ))}
        </div>
      )}
    </>
  );
}

function PrintedError({ name, error }: { readonly name: string; readonly error: string }) {
  return (
    <div>
      <div className="flex items-end justify-between gap-2">
        <p className="text-xs font-semibold text-zinc-700 dark:text-zinc-300">{name} prints</p>
        <CopyButton value={error} label={`${name} error`} />
      </div>
      <code className="mt-1 block rounded bg-zinc-100 px-2 py-1 text-xs whitespace-pre-wrap [overflow-wrap:anywhere] text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100">
        <SafeText value={error} max={0} />
      </code>
    </div>
  );
}

/** Advice text with its `backtick` spans (directives, commands) set as code. */
function FixText({ value }: { readonly value: string }) {
  return (
    <>
      {value.split(/`([^`]+)`/u).map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="rounded bg-zinc-100 px-1 text-[0.85em] dark:bg-zinc-800">
            <SafeText value={part} max={0} />
          </code>
        ) : (
          <SafeText key={i} value={part} max={0} />
        ),
      )}
    </>
  );
}

function CodeReason({ role, code, findingId }: { readonly role: Role; readonly code: VerifyCode; readonly findingId: VerifierRowProps['findingId'] }) {
  const target = findingId?.(role, code) ?? null;
  const text = (
    <>
      {verifyCodeTitle(code)} <code className="text-xs">{code}</code>
    </>
  );
  if (!target) return <span>{text}</span>;
  return (
    <a
      href={`#${target}`}
      className="text-indigo-700 underline underline-offset-2 hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-200"
      onClick={(e) => {
        // Open the checklist item and bring it into view without changing the page's fragment (share links live there).
        const el = document.getElementById(target);
        if (!el) return;
        e.preventDefault();
        if (el instanceof HTMLDetailsElement) el.open = true;
        el.scrollIntoView({ block: 'center' });
        el.querySelector('summary')?.focus();
      }}
    >
      {text}
    </a>
  );
}
