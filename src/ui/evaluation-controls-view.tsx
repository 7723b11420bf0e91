import { useId } from 'react';
import type { HostInput } from '@/core/purpose/host-input';
import { formatUtc, fromDateTimeLocalUtc, toDateTimeLocalUtc } from './format';

export interface EvaluationControlsViewProps {
  readonly host: string;
  /** What the typed text means: the host tested, and what was set aside. */
  readonly hostInput: HostInput;
  readonly onHostChange: (host: string) => void;
  /** ISO-8601 UTC. */
  readonly at: string;
  readonly onAtChange: (at: string) => void;
  readonly onNow: () => void;
  /** Shown while the engine re-evaluates. */
  readonly busy: string | null;
}

/** The two explicit inputs of every verdict: the host name and the evaluation time (UTC). */
export function EvaluationControlsView({ host, hostInput, onHostChange, at, onAtChange, onNow, busy }: EvaluationControlsViewProps) {
  const id = useId();
  return (
    <section aria-label="Evaluation settings" className="panel flex flex-wrap items-end gap-x-4 gap-y-2 px-3 py-2">
      <div className="min-w-48 flex-1">
        <label htmlFor={`${id}-host`} className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Host name to check (server role)
        </label>
        <input
          id={`${id}-host`}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="www.example.com, a URL, host:port or 192.0.2.1"
          value={host}
          onChange={(e) => onHostChange(e.target.value)}
          className="field w-full font-mono"
          aria-describedby={`${id}-host-tested`}
          aria-invalid={hostInput.error !== null}
        />
        <p id={`${id}-host-tested`} className="mt-0.5 min-h-4 text-xs text-zinc-600 dark:text-zinc-400" aria-live="polite">
          {hostInput.error !== null ? (
            <span className="text-red-700 dark:text-red-400">Not tested: {hostInput.error}</span>
          ) : hostInput.host !== null && hostInput.note !== null ? (
            <>
              Testing <span className="font-mono text-zinc-900 dark:text-zinc-100" data-testid="host-tested">{hostInput.host}</span> ({hostInput.note})
            </>
          ) : null}
        </p>
      </div>
      <div>
        <label htmlFor={`${id}-at`} className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Evaluation time (UTC)
        </label>
        <div className="flex items-center gap-1">
          <input
            id={`${id}-at`}
            type="datetime-local"
            value={toDateTimeLocalUtc(at)}
            onChange={(e) => {
              const next = fromDateTimeLocalUtc(e.target.value);
              if (next) onAtChange(next);
            }}
            className="field"
            aria-describedby={`${id}-at-utc`}
          />
          <button type="button" className="btn-small py-1" onClick={onNow}>
            Now
          </button>
        </div>
      </div>
      <p id={`${id}-at-utc`} className="pb-1 text-xs text-zinc-600 dark:text-zinc-400">
        Evaluating at <time dateTime={at}>{formatUtc(at)}</time>
        <span role="status" className="ml-2">
          {busy ?? ''}
        </span>
      </p>
    </section>
  );
}
