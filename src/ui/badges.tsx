import type { ReactNode } from 'react';
import { describePurpose, type ValiditySummary } from './format';

export type Verdict = 'suitable' | 'warnings' | 'unsuitable';
export type Severity = 'fail' | 'warn' | 'info' | 'pass';

const TONE = {
  good: 'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-200',
  warn: 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200',
  bad: 'border-red-300 bg-red-50 text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-200',
  info: 'border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-200',
  neutral: 'border-zinc-300 bg-zinc-50 text-zinc-800 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-200',
  accent: 'border-indigo-300 bg-indigo-50 text-indigo-900 dark:border-indigo-700 dark:bg-indigo-950 dark:text-indigo-200',
} as const;
export type Tone = keyof typeof TONE;

export interface BadgeProps {
  readonly tone: Tone;
  readonly children: ReactNode;
  readonly title?: string;
  readonly className?: string;
}

export function Badge({ tone, children, title, className }: BadgeProps) {
  return (
    <span title={title} className={`inline-flex items-center gap-1 whitespace-nowrap rounded border px-1.5 py-px text-xs font-medium ${TONE[tone]} ${className ?? ''}`}>
      {children}
    </span>
  );
}

export const VERDICT_TEXT: Record<Verdict, { icon: string; label: string; tone: Tone }> = {
  suitable: { icon: '✓', label: 'Suitable', tone: 'good' },
  warnings: { icon: '!', label: 'Warnings', tone: 'warn' },
  unsuitable: { icon: '✕', label: 'Unsuitable', tone: 'bad' },
};

export const ROLE_LABEL = { tlsServer: 'TLS server', tlsClient: 'TLS client' } as const;
export type Role = keyof typeof ROLE_LABEL;

export interface VerdictBadgeProps {
  readonly role: Role;
  readonly verdict: Verdict | null;
  /** Short form for dense rows: "Server ✓". */
  readonly compact?: boolean;
  readonly className?: string;
}

export function VerdictBadge({ role, verdict, compact, className }: VerdictBadgeProps) {
  const roleText = compact ? (role === 'tlsServer' ? 'Server' : 'Client') : ROLE_LABEL[role];
  if (!verdict) {
    return (
      <Badge tone="neutral" title={`${ROLE_LABEL[role]}: not evaluated yet`} className={className}>
        {roleText}: …
      </Badge>
    );
  }
  const v = VERDICT_TEXT[verdict];
  return (
    <Badge tone={v.tone} title={`${ROLE_LABEL[role]}: ${v.label}`} className={className}>
      <span aria-hidden="true">{v.icon}</span>
      <span>
        {roleText}
        {compact ? <span className="sr-only">: {v.label}</span> : `: ${v.label}`}
      </span>
    </Badge>
  );
}

export const SEVERITY_TEXT: Record<Severity, { icon: string; label: string; tone: Tone }> = {
  fail: { icon: '✕', label: 'Fail', tone: 'bad' },
  warn: { icon: '!', label: 'Warning', tone: 'warn' },
  info: { icon: 'i', label: 'Info', tone: 'info' },
  pass: { icon: '✓', label: 'Pass', tone: 'good' },
};

export function SeverityBadge({ severity }: { readonly severity: Severity }) {
  const s = SEVERITY_TEXT[severity];
  return (
    <Badge tone={s.tone} className="w-[5.5rem] justify-center">
      <span aria-hidden="true" className="font-bold">
        {s.icon}
      </span>
      {s.label}
    </Badge>
  );
}

export interface PurposeBadgeProps {
  readonly oid: string;
  readonly registeredName?: string | null;
}

export function PurposeBadge({ oid, registeredName }: PurposeBadgeProps) {
  const p = describePurpose(oid, registeredName ?? null);
  return (
    <Badge tone={p.known ? 'accent' : 'neutral'} title={`${p.name} (${oid})`} className={p.known ? '' : 'font-mono'}>
      {p.badge}
    </Badge>
  );
}

export function ValidityBadge({ validity }: { readonly validity: ValiditySummary }) {
  const tone: Tone = validity.state === 'valid' ? 'good' : validity.state === 'expiring' ? 'warn' : 'bad';
  const icon = validity.state === 'valid' ? '✓' : validity.state === 'expiring' ? '!' : '✕';
  return (
    <Badge tone={tone}>
      <span aria-hidden="true">{icon}</span>
      {validity.label}
    </Badge>
  );
}
