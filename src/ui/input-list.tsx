import { memo, Suspense, useDeferredValue, useId, useMemo, useState } from 'react';
import type { CoreError } from '@/core/model';
import type { PageInput } from '@/worker/protocol';
import { formatBytes, formatCount, plural } from './format';
import { InputNotesView } from './input-notes-view';
import { SafeLine, SafeText } from './safe-text';
import { preloadable } from './preloadable';

export interface InputEntry {
  /** Content SHA-256 (hex). */
  readonly key: string;
  readonly name: string;
  readonly size: number;
  readonly decoded: PageInput | null;
  /** Set while the engine works on it. */
  readonly progress: string | null;
  /** The engine itself failed (not an input error). */
  readonly failure: string | null;
}

export interface InputListProps {
  readonly entries: readonly InputEntry[];
  /** Files handed in whose bytes are still being read (not listed yet). */
  readonly incoming?: number;
  /** A dropped folder is still being listed: more files will come. */
  readonly listing?: boolean;
  readonly onRemove: (key: string) => void;
  readonly onClear: () => void;
  /** Retries a locked input with a password; the password is not kept. */
  readonly onUnlock: (key: string, password: string) => Promise<void>;
  /** Re-decode allowing an iteration count above the ceiling, after the person agreed. */
  readonly onRunAnyway: (key: string) => Promise<void>;
}

const FORMAT_LABEL: Record<string, string> = {
  pem: 'PEM',
  der: 'DER',
  pkcs12: 'PKCS#12',
  pkcs7: 'PKCS#7',
  csr: 'CSR',
  crl: 'CRL',
  'private-key': 'Private key',
  'public-key': 'Public key',
};

function contentsSummary(d: PageInput): string {
  const parts: string[] = [];
  if (d.certificates.length) parts.push(plural(d.certificates.length, 'certificate'));
  if (d.csrs.length) parts.push(plural(d.csrs.length, 'CSR'));
  if (d.crls.length) parts.push(plural(d.crls.length, 'CRL'));
  if (d.privateKeys.length) parts.push(plural(d.privateKeys.length, 'private key'));
  if (d.publicKeys.length) parts.push(plural(d.publicKeys.length, 'public key'));
  return parts.length ? parts.join(', ') : 'nothing readable';
}

function needsPassword(errors: readonly CoreError[]): 'required' | 'wrong' | null {
  if (errors.some((e) => e.code === 'WRONG_PASSWORD')) return 'wrong';
  if (errors.some((e) => e.code === 'PASSWORD_REQUIRED')) return 'required';
  return null;
}

/** What an input came to, for the summary and its filters. */
export type InputState = 'working' | 'read' | 'errors' | 'unreadable' | 'locked';

export function inputState(entry: InputEntry): InputState {
  if (entry.failure) return 'unreadable';
  const d = entry.decoded;
  if (!d) return 'working';
  if (needsPassword(d.errors)) return 'locked';
  const anything = d.certificates.length + d.csrs.length + d.crls.length + d.privateKeys.length + d.publicKeys.length > 0;
  if (!anything) return 'unreadable';
  return d.errors.length > 0 ? 'errors' : 'read';
}

const STATE_LABEL: Record<InputState, string> = {
  working: 'working',
  read: 'read',
  errors: 'read with errors',
  unreadable: 'unreadable',
  locked: 'need a password',
};
const STATE_ORDER: readonly InputState[] = ['read', 'errors', 'unreadable', 'locked', 'working'];

/** Above this many rows the list is virtualised: only what is on screen is in the page. */
const VIRTUALIZE_ABOVE = 30;

/**
 * The virtualised list is a lazy chunk (about 9 KB gzip of first-load JS otherwise), fetched while
 * the page is idle after start (app.tsx) and otherwise on the first big session.
 */
export const VirtualInputRows = preloadable(() => import('./virtual-input-rows').then((m) => m.default));

/** Memoised: with deferred entries, an urgent render of the page leaves this list alone. */
export const InputList = memo(InputListView);

function InputListView({ entries, incoming = 0, listing = false, onRemove, onClear, onUnlock, onRunAnyway }: InputListProps) {
  const id = useId();
  const headingId = `${id}-h`;
  const [only, setOnly] = useState<InputState | null>(null);
  const [filter, setFilter] = useState('');
  const deferredFilter = useDeferredValue(filter);
  const states = useMemo(() => entries.map(inputState), [entries]);
  const counts = useMemo(() => {
    const c: Record<InputState, number> = { working: 0, read: 0, errors: 0, unreadable: 0, locked: 0 };
    for (const s of states) c[s]++;
    return c;
  }, [states]);
  const shown = useMemo(() => {
    const q = deferredFilter.trim().toLowerCase();
    return entries.filter((e, i) => (only === null || states[i] === only) && (!q || e.name.toLowerCase().includes(q)));
  }, [entries, states, only, deferredFilter]);
  const big = entries.length > VIRTUALIZE_ABOVE;
  return (
    <section
      aria-labelledby={headingId}
      className="panel p-3"
      // How many inputs are listed and how many the engine still works on: read by `npm run bench`.
      data-input-count={entries.length}
      data-inputs-working={counts.working + incoming + (listing ? 1 : 0)}
    >
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 id={headingId} className="section-title">
          Inputs <span className="font-normal text-zinc-500 dark:text-zinc-400">({formatCount(entries.length)})</span>
        </h2>
        {entries.length > 0 && (
          <button type="button" className="btn-small" onClick={onClear}>
            Clear all
          </button>
        )}
      </div>
      {(incoming > 0 || listing) && (
        <p role="status" className="mb-2 text-xs text-zinc-700 dark:text-zinc-300">
          {incoming > 0 ? `Reading ${formatCount(incoming)} more file${incoming === 1 ? '' : 's'}` : 'Reading the dropped folder'}
          {listing && incoming > 0 ? ', and more from the dropped folder…' : '…'}
        </p>
      )}
      {entries.length === 0 ? (
        incoming > 0 || listing ? null : <p className="text-sm text-zinc-600 dark:text-zinc-400">No inputs yet.</p>
      ) : (
        <>
          {counts.working > 0 && entries.length > 1 && (
            <div className="mb-2 text-xs text-zinc-700 dark:text-zinc-300">
              <label htmlFor={`${id}-progress`}>
                Read {formatCount(entries.length - counts.working)} of {formatCount(entries.length)} inputs
              </label>
              <progress id={`${id}-progress`} className="block h-1.5 w-full" max={entries.length} value={entries.length - counts.working} />
            </div>
          )}
          {big && (
            <div className="mb-2 space-y-2">
              <div role="group" aria-label="Inputs summary: show only" className="flex flex-wrap gap-1">
                <button type="button" className="btn-small" aria-pressed={only === null} onClick={() => setOnly(null)}>
                  All {formatCount(entries.length)}
                </button>
                {STATE_ORDER.filter((s) => counts[s] > 0).map((s) => (
                  <button key={s} type="button" className="btn-small" aria-pressed={only === s} onClick={() => setOnly(only === s ? null : s)}>
                    {formatCount(counts[s])} {STATE_LABEL[s]}
                  </button>
                ))}
              </div>
              <label htmlFor={`${id}-filter`} className="sr-only">
                Filter inputs by path
              </label>
              <input id={`${id}-filter`} type="search" placeholder="Filter inputs by path" value={filter} onChange={(e) => setFilter(e.target.value)} className="field w-full py-0.5" />
            </div>
          )}
          {shown.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">No input matches.</p>
          ) : big ? (
            <Suspense fallback={<p className="text-sm text-zinc-600 dark:text-zinc-400" role="status">Loading the list…</p>}>
              <VirtualInputRows entries={shown} onRemove={onRemove} onUnlock={onUnlock} onRunAnyway={onRunAnyway} />
            </Suspense>
          ) : (
            <ul className="space-y-2" aria-label="Loaded inputs">
              {shown.map((entry) => (
                <InputRow key={entry.key} entry={entry} onRemove={onRemove} onUnlock={onUnlock} onRunAnyway={onRunAnyway} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

export interface InputRowProps {
  readonly entry: InputEntry;
  readonly onRemove: (key: string) => void;
  readonly onUnlock: (key: string, password: string) => Promise<void>;
  /** Re-decode allowing an iteration count above the ceiling, after the person agreed. */
  readonly onRunAnyway: (key: string) => Promise<void>;
  /** Where the row sits in a virtualised list. */
  readonly position?: { readonly index: number; readonly start: number; readonly setSize: number; readonly measure: (el: HTMLElement | null) => void };
}

/** Rows re-render only when their own input changes (a 1,000-file session re-renders the list often while it fills). */
export const InputRow = memo(InputRowView, (a, b) => {
  const x = a.entry;
  const y = b.entry;
  return (
    x.key === y.key && x.name === y.name && x.size === y.size && x.decoded === y.decoded && x.progress === y.progress && x.failure === y.failure &&
    a.onRemove === b.onRemove && a.onUnlock === b.onUnlock && a.onRunAnyway === b.onRunAnyway &&
    a.position?.start === b.position?.start && a.position?.index === b.position?.index && a.position?.setSize === b.position?.setSize
  );
});

function InputRowView({ entry, onRemove, onUnlock, onRunAnyway, position }: InputRowProps) {
  const d = entry.decoded;
  const errors = d?.errors ?? [];
  const locked = needsPassword(errors);
  const otherErrors = errors.filter((e) => e.code !== 'PASSWORD_REQUIRED' && e.code !== 'WRONG_PASSWORD');
  return (
    <li
      ref={position?.measure}
      data-index={position?.index}
      aria-setsize={position?.setSize}
      aria-posinset={position ? position.index + 1 : undefined}
      className={`rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-700 ${position ? 'absolute inset-x-0' : ''}`}
      style={position ? { transform: `translateY(${position.start}px)` } : undefined}
      aria-label={`Input ${entry.name}`}
    >
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <div className="truncate font-medium" title={entry.name}>
            <SafeLine value={entry.name} max={80} />
          </div>
          <div className="text-xs text-zinc-600 dark:text-zinc-400">
            {formatBytes(entry.size)}
            {d?.format ? ` · ${FORMAT_LABEL[d.format] ?? d.format}` : ''}
            {d ? ` · ${locked ? 'locked' : contentsSummary(d)}` : ''}
          </div>
        </div>
        <button type="button" className="btn-small shrink-0" onClick={() => onRemove(entry.key)} aria-label={`Remove ${entry.name}`}>
          Remove
        </button>
      </div>
      {entry.progress && !d && (
        <p className="mt-1 flex items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400" role="status">
          <span aria-hidden="true" className="inline-block size-3 animate-spin rounded-full border-2 border-zinc-400 border-t-transparent" />
          {entry.progress}
        </p>
      )}
      {entry.failure && (
        <p className="mt-1 text-xs text-red-800 dark:text-red-300" role="alert">
          The engine could not read this input: <SafeText value={entry.failure} />
        </p>
      )}
      {locked && <PasswordForm key={entry.key} name={entry.name} wrong={locked === 'wrong'} onSubmit={(pw) => onUnlock(entry.key, pw)} />}
      {d && <InputNotesView name={entry.name} decoded={d} />}
      {otherErrors.length > 0 && (
        <ul className="mt-1 space-y-1" aria-label={`Errors in ${entry.name}`}>
          {otherErrors.map((e, i) => (
            <li key={i} className="rounded border border-red-200 bg-red-50 px-2 py-1 text-xs text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
              <span className="font-mono font-semibold">{e.code}</span>: <SafeText value={e.message} />
              {e.location?.pemBlock !== undefined && <span className="text-red-700 dark:text-red-300"> (PEM block {e.location.pemBlock})</span>}
              {e.code === 'LIMIT_EXCEEDED' && /iteration count/i.test(e.message) && (
                <span className="mt-1 flex flex-wrap items-center gap-2">
                  <span>Deriving its key this many times can keep the engine busy for a long while.</span>
                  <button type="button" className="btn-small" onClick={() => void onRunAnyway(entry.key)}>
                    Run anyway
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

interface PasswordFormProps {
  readonly name: string;
  readonly wrong: boolean;
  readonly onSubmit: (password: string) => Promise<void>;
}

function PasswordForm({ name, wrong, onSubmit }: PasswordFormProps) {
  const id = useId();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <form
      className="mt-2 space-y-1 rounded border border-amber-300 bg-amber-50 p-2 dark:border-amber-800 dark:bg-amber-950/50"
      onSubmit={(e) => {
        e.preventDefault();
        const pw = password;
        setPassword('');
        setBusy(true);
        setFailure(null);
        onSubmit(pw)
          .catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)))
          .finally(() => setBusy(false));
      }}
    >
      <p className="text-xs text-amber-950 dark:text-amber-100">This file is protected by a password. It is used once, here, and never stored.</p>
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor={id} className="block text-xs font-medium">
            Password for {name}
          </label>
          <input
            id={id}
            type="password"
            autoComplete="off"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className="field w-full"
            aria-invalid={wrong || undefined}
            aria-describedby={wrong ? `${id}-wrong` : undefined}
          />
        </div>
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? 'Opening…' : 'Open'}
        </button>
      </div>
      {failure && !busy && (
        <p role="alert" className="text-xs font-semibold text-red-800 dark:text-red-300">
          {failure}
        </p>
      )}
      {wrong && !busy && !failure && (
        <p id={`${id}-wrong`} role="alert" className="text-xs font-semibold text-red-800 dark:text-red-300">
          Wrong password. Try again.
        </p>
      )}
    </form>
  );
}
