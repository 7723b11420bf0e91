import { useId, useState } from 'react';
import type { CoreError, DecodedInput } from '@/core/model';
import { formatBytes, plural } from './format';
import { SafeLine, SafeText } from './safe-text';

export interface InputEntry {
  /** Content SHA-256 (hex). */
  readonly key: string;
  readonly name: string;
  readonly size: number;
  readonly decoded: DecodedInput | null;
  /** Set while the engine works on it. */
  readonly progress: string | null;
  /** The engine itself failed (not an input error). */
  readonly failure: string | null;
}

export interface InputListProps {
  readonly entries: readonly InputEntry[];
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

function contentsSummary(d: DecodedInput): string {
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

export function InputList({ entries, onRemove, onClear, onUnlock, onRunAnyway }: InputListProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="panel p-3">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 id={headingId} className="section-title">
          Inputs <span className="font-normal text-zinc-500 dark:text-zinc-400">({entries.length})</span>
        </h2>
        {entries.length > 0 && (
          <button type="button" className="btn-small" onClick={onClear}>
            Clear all
          </button>
        )}
      </div>
      {entries.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No inputs yet.</p>
      ) : (
        <ul className="space-y-2" aria-label="Loaded inputs">
          {entries.map((entry) => (
            <InputRow key={entry.key} entry={entry} onRemove={onRemove} onUnlock={onUnlock} onRunAnyway={onRunAnyway} />
          ))}
        </ul>
      )}
    </section>
  );
}

interface InputRowProps {
  readonly entry: InputEntry;
  readonly onRemove: (key: string) => void;
  readonly onUnlock: (key: string, password: string) => Promise<void>;
  /** Re-decode allowing an iteration count above the ceiling, after the person agreed. */
  readonly onRunAnyway: (key: string) => Promise<void>;
}

function InputRow({ entry, onRemove, onUnlock, onRunAnyway }: InputRowProps) {
  const d = entry.decoded;
  const errors = d?.errors ?? [];
  const locked = needsPassword(errors);
  const otherErrors = errors.filter((e) => e.code !== 'PASSWORD_REQUIRED' && e.code !== 'WRONG_PASSWORD');
  return (
    <li className="rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-700" aria-label={`Input ${entry.name}`}>
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
