import { useState } from 'react';
import type { MtlsCa, MtlsItemState, MtlsPairCheck, MtlsPairing, MtlsStack } from '@/core/purpose/mtls';
import { Badge, type Tone } from './badges';
import { CopyButton } from './copy-button';
import { SafeText } from './safe-text';
import { TabsView } from './tabs-view';

export interface MtlsPairViewProps {
  readonly check: MtlsPairCheck;
  readonly nameOf: (sha256: string) => string;
  /** Start with the checklist expanded (the mTLS pair tab). */
  readonly defaultOpen?: boolean;
}

const STATE: Record<MtlsItemState, { icon: string; label: string; tone: Tone }> = {
  pass: { icon: '✓', label: 'Pass', tone: 'good' },
  fail: { icon: '✕', label: 'Fail', tone: 'bad' },
  action: { icon: '→', label: 'Configure', tone: 'info' },
  unknown: { icon: '?', label: 'Unknown', tone: 'warn' },
};

const PAIRING: Record<MtlsPairing, string> = {
  picked: 'You picked these two certificates.',
  'same-input': 'Checked together because both came in the same file.',
  'issuer-loaded': "Checked together because the client certificate's issuer is loaded in this session.",
};

const CA_KIND: Record<MtlsCa['kind'], { label: string; tone: Tone }> = {
  builtin: { label: 'public (built-in store)', tone: 'good' },
  'session-trusted': { label: 'private (trusted in this session only)', tone: 'info' },
  private: { label: 'private', tone: 'info' },
};

const STACKS: readonly { readonly id: MtlsStack; readonly label: string }[] = [
  { id: 'nginx', label: 'nginx' },
  { id: 'envoy', label: 'Envoy' },
  { id: 'go', label: 'Go' },
  { id: 'java', label: 'Java' },
];

/** Multi-line config text: one SafeText per line (tabs shown as spaces; the copy keeps them). */
function ConfigBlock({ title, lines, copyLabel }: { readonly title: string; readonly lines: string; readonly copyLabel: string }) {
  return (
    <div className="min-w-0 space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <h4 className="text-sm font-semibold">{title}</h4>
        <CopyButton value={lines} label={copyLabel} />
      </div>
      {/* Focusable: long lines scroll sideways, by keyboard too. */}
      <div role="group" aria-label={title} tabIndex={0} className="overflow-x-auto rounded border border-zinc-200 bg-zinc-50 p-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900">
        {lines.split('\n').map((line, i) => (
          <div key={i} className="whitespace-pre">
            <SafeText value={line.replace(/\t/gu, '    ') || ' '} max={0} />
          </div>
        ))}
      </div>
    </div>
  );
}

function CaRow({ who, ca, fallback }: { readonly who: string; readonly ca: MtlsCa | null; readonly fallback: string }) {
  return (
    <li className="flex flex-wrap items-center gap-2">
      <span className="font-medium">{who}</span>
      {ca ? (
        <>
          <SafeText value={ca.subject} max={120} />
          <Badge tone={CA_KIND[ca.kind].tone}>{CA_KIND[ca.kind].label}</Badge>
          <span className="text-xs text-zinc-700 dark:text-zinc-300">
            file <SafeText value={ca.fileName} className="font-mono" />
          </span>
          <CopyButton value={ca.pem} label={`${who} PEM`} />
        </>
      ) : (
        <span className="text-zinc-700 dark:text-zinc-300">{fallback}</span>
      )}
    </li>
  );
}

/** The mTLS pair checklist: one server and one client certificate, both directions of trust, as requirements. */
export function MtlsPairView({ check, nameOf, defaultOpen = false }: MtlsPairViewProps) {
  const [stack, setStack] = useState<MtlsStack>('nginx');
  const fails = check.items.filter((i) => i.state === 'fail').length;
  const unknown = check.items.filter((i) => i.state === 'unknown').length;
  const actions = check.items.filter((i) => i.state === 'action').length;
  const summary =
    fails > 0
      ? { tone: 'bad' as const, icon: '✕', text: `${fails} problem${fails === 1 ? '' : 's'}` }
      : unknown > 0
        ? { tone: 'warn' as const, icon: '?', text: `${unknown} unknown` }
        : { tone: 'good' as const, icon: '✓', text: actions > 0 ? `Works once ${actions === 1 ? 'one side is' : 'both sides are'} configured` : 'Nothing missing' };
  return (
    <section aria-label="Mutual TLS pair check" className="panel">
      <details open={defaultOpen}>
        <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-3 py-2 text-sm">
          <span className="section-title">mTLS pair</span>
          <span className="min-w-0">
            server <SafeText value={nameOf(check.server)} max={60} className="font-medium" /> ↔ client <SafeText value={nameOf(check.client)} max={60} className="font-medium" />
          </span>
          <Badge tone={summary.tone}>
            <span aria-hidden="true">{summary.icon}</span> {summary.text}
          </Badge>
        </summary>
        <div className="space-y-3 border-t border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
          <p className="text-zinc-700 dark:text-zinc-300">
            {PAIRING[check.pairing]} This checks the two certificates; it cannot see how either side is configured, so what it needs from them is said as what to configure.
          </p>
          <ul className="space-y-1.5" aria-label="mTLS checklist">
            {check.items.map((item) => {
              const s = STATE[item.state];
              return (
                <li key={item.id} className="flex items-start gap-2">
                  <Badge tone={s.tone} className="w-24 shrink-0 justify-center">
                    <span aria-hidden="true">{s.icon}</span>
                    {s.label}
                  </Badge>
                  <span className="min-w-0">
                    <span className="font-medium">{item.label}</span>
                    <span className="block text-zinc-700 dark:text-zinc-300">
                      <SafeText value={item.detail} max={600} />
                    </span>
                  </span>
                </li>
              );
            })}
          </ul>
          <div className="space-y-1">
            <h3 className="text-sm font-semibold">CA certificates each side must trust</h3>
            <ul className="space-y-1">
              <CaRow who="The client must trust the server's CA" ca={check.serverCa} fallback="unknown: the server's chain does not reach a loaded root" />
              <CaRow who="The server must trust the client's CA" ca={check.clientCa} fallback="unknown: the client's chain does not reach a loaded root" />
            </ul>
          </div>
          <div className="space-y-2">
            <h3 className="text-sm font-semibold">Configuration</h3>
            <TabsView
              label="Configuration for"
              selected={stack}
              onSelect={setStack}
              tabs={STACKS.map((st) => ({
                id: st.id,
                label: st.label,
                content: (
                  <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
                    {(['server', 'client'] as const).map((side) => {
                      const config = check.config.find((c) => c.stack === st.id && c.side === side);
                      return config ? <ConfigBlock key={side} title={`${st.label}, ${side} side`} lines={config.lines} copyLabel={`${st.label} ${side} configuration`} /> : null;
                    })}
                  </div>
                ),
              }))}
            />
          </div>
        </div>
      </details>
    </section>
  );
}
