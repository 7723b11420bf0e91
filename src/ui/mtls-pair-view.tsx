import type { MtlsPairCheck } from '@/core/purpose/mtls';
import { Badge } from './badges';
import { CopyButton } from './copy-button';
import { SafeText } from './safe-text';

export interface MtlsPairViewProps {
  readonly check: MtlsPairCheck;
  readonly nameOf: (sha256: string) => string;
  /** Start with the checklist expanded (the mTLS pair tab). */
  readonly defaultOpen?: boolean;
}

/** The mTLS pair checklist: one server and one client certificate of the session, checked together. */
export function MtlsPairView({ check, nameOf, defaultOpen = false }: MtlsPairViewProps) {
  const problems = check.items.filter((i) => !i.ok).length;
  return (
    <section aria-label="Mutual TLS pair check" className="panel">
      <details open={defaultOpen}>
        <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-3 py-2 text-sm">
          <span className="section-title">mTLS pair</span>
          <span className="min-w-0">
            server <SafeText value={nameOf(check.server)} max={60} className="font-medium" /> ↔ client <SafeText value={nameOf(check.client)} max={60} className="font-medium" />
          </span>
          {check.ok ? (
            <Badge tone="good">
              <span aria-hidden="true">✓</span> All checks pass
            </Badge>
          ) : (
            <Badge tone="bad">
              <span aria-hidden="true">✕</span> {problems} problem{problems === 1 ? '' : 's'}
            </Badge>
          )}
        </summary>
        <div className="space-y-2 border-t border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
          <ul className="space-y-1">
            {check.items.map((item, i) => (
              <li key={i} className="flex items-start gap-2">
                <Badge tone={item.ok ? 'good' : 'bad'} className="w-14 justify-center">
                  <span aria-hidden="true">{item.ok ? '✓' : '✕'}</span>
                  {item.ok ? 'Pass' : 'Fail'}
                </Badge>
                <span>
                  <span className="font-medium">{item.label}</span>
                  <span className="block text-zinc-700 dark:text-zinc-300">
                    <SafeText value={item.detail} />
                  </span>
                </span>
              </li>
            ))}
          </ul>
          {check.clientCaPem && (
            <p className="flex flex-wrap items-center gap-2">
              The client CA for the server&apos;s bundle (PEM): <CopyButton value={check.clientCaPem} label="client CA PEM" />
            </p>
          )}
        </div>
      </details>
    </section>
  );
}
