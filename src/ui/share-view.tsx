import { useId, useState } from 'react';
import { CopyButton } from './copy-button';

/** A share link made by the engine, as the view shows it. */
export interface ShareLinkInfo {
  readonly url: string;
  readonly certificates: number;
  readonly omitted: { readonly privateKeys: number; readonly csrs: number; readonly crls: number };
}

export interface ShareViewProps {
  readonly onCreate: () => Promise<ShareLinkInfo>;
}

/** What many chat tools and issue trackers keep intact in a link. */
const COMFORT_LENGTH = 2000;

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * "Share this view": a link whose fragment (#…) carries the session's public certificates, the
 * selected one, the host name and the evaluation time. Says what it leaves out and why the
 * fragment is private.
 */
export function ShareView({ onCreate }: ShareViewProps) {
  const headingId = useId();
  const [link, setLink] = useState<ShareLinkInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const create = () => {
    setBusy(true);
    setError(null);
    onCreate().then(
      (l) => {
        setLink(l);
        setBusy(false);
      },
      (e: unknown) => {
        setError(e instanceof Error ? e.message : String(e));
        setBusy(false);
      },
    );
  };
  const leftOut = link
    ? [
        link.omitted.privateKeys > 0 ? plural(link.omitted.privateKeys, 'private key') : null,
        link.omitted.csrs > 0 ? plural(link.omitted.csrs, 'CSR') : null,
        link.omitted.crls > 0 ? plural(link.omitted.crls, 'CRL') : null,
      ].filter((x): x is string => x !== null)
    : [];
  return (
    <section aria-labelledby={headingId} className="panel space-y-2 p-3">
      <h2 id={headingId} className="section-title">
        Share
      </h2>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        A link that opens this view — the certificates, the selected one, the host name and the time — for a colleague. Keys, passwords and CSRs are never in it.
      </p>
      <button type="button" className="btn" onClick={create} disabled={busy}>
        {busy ? 'Creating…' : link ? 'Update share link' : 'Create share link'}
      </button>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          The link could not be made: {error}
        </p>
      )}
      {link && (
        <div className="space-y-2">
          <label className="block text-sm font-medium" htmlFor={`${headingId}-url`}>
            Share link
          </label>
          <input id={`${headingId}-url`} className="field w-full font-mono text-xs" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <CopyButton value={link.url} label="share link" />
            <span>
              {link.url.length.toLocaleString('en-US')} characters · {plural(link.certificates, 'certificate')}
            </span>
          </div>
          {link.url.length > COMFORT_LENGTH && (
            <p role="status" className="text-sm text-amber-800 dark:text-amber-300">
              ⚠ Longer than the ~{COMFORT_LENGTH.toLocaleString('en-US')} characters many chat tools and trackers keep intact: the link may arrive cut off. Send the files instead, or remove some first.
            </p>
          )}
          {leftOut.length > 0 && (
            <p role="status" className="text-sm">
              This session also holds {leftOut.join(', ')}: the link carries only the certificates.
            </p>
          )}
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            Everything after the # stays in the browser: browsers never send a link's fragment to any server, so opening it uploads nothing.
          </p>
        </div>
      )}
    </section>
  );
}
