import { useId } from 'react';
import { SafeLine } from '../safe-text';

/** One check a pasted error message points to. */
export interface ErrorDecoderMatch {
  readonly code: string;
  /** Short name of the check, e.g. "Extended Key Usage". */
  readonly title: string;
  /** Why the error happens. */
  readonly why: string;
  /** What to look at in the certificate. */
  readonly check: string;
  /** The verifier family whose wording the message is in, e.g. "Go crypto/x509". */
  readonly source?: string;
  /** Loaded certificates that trigger it (names); absent when nothing is loaded, empty when none does. */
  readonly triggeredBy?: readonly string[];
}

export interface ErrorDecoderViewProps {
  /** The pasted text (controlled: the engine decodes it in the Worker). */
  readonly text: string;
  readonly onTextChange: (text: string) => void;
  /** Checks for `decodedText` (core/purpose `decodeErrorText` + which loaded certificates trigger each); null while decoding. */
  readonly matches: readonly ErrorDecoderMatch[] | null;
  /** The text `matches` belong to (may lag `text` while typing). */
  readonly decodedText: string;
}

/** "Paste an error message" → which certificate check it means, and whether loaded certificates trigger it. */
export function ErrorDecoderView({ text, onTextChange, matches: decoded, decodedText: deferred }: ErrorDecoderViewProps) {
  const id = useId();
  const matches = deferred.trim() === '' ? [] : (decoded ?? []);
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2">
      <h3 id={`${id}-title`} className="section-title">
        Error decoder
      </h3>
      <label htmlFor={`${id}-input`} className="block text-sm font-medium">
        Paste an error message
      </label>
      <textarea
        id={`${id}-input`}
        className="field block min-h-24 w-full font-mono"
        value={text}
        spellCheck={false}
        placeholder="e.g. SSL routines::certificate verify failed: unable to get local issuer certificate"
        aria-describedby={`${id}-hint`}
        onChange={(e) => onTextChange(e.target.value)}
      />
      <p id={`${id}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
        From OpenSSL, nginx, curl, Chrome, Go or Java. The text stays in this browser.
      </p>
      <div aria-live="polite">
        {deferred.trim() !== '' && decoded !== null && matches.length === 0 && <p className="text-sm">No known check matches this message.</p>}
        {matches.length > 0 && (
          <ul aria-label="Matching checks" className="space-y-3">
            {matches.map((m) => (
              <li key={m.code} className="panel p-3 text-sm">
                <p className="font-semibold">
                  {m.title} <code className="ml-1 text-xs font-normal text-zinc-600 dark:text-zinc-400">{m.code}</code>
                </p>
                {m.source && <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">Printed by {m.source}</p>}
                <p className="mt-1">{m.why}</p>
                <p className="mt-1">
                  <span className="font-medium">Check: </span>
                  {m.check}
                </p>
                {m.triggeredBy !== undefined &&
                  (m.triggeredBy.length === 0 ? (
                    <p className="mt-1 text-emerald-800 dark:text-emerald-300">None of the loaded certificates triggers this.</p>
                  ) : (
                    <div className="mt-1 text-red-800 dark:text-red-300">
                      <p>Triggered by:</p>
                      <ul className="list-disc pl-5">
                        {m.triggeredBy.map((name, i) => (
                          <li key={i}>
                            <SafeLine value={name} />
                          </li>
                        ))}
                      </ul>
                    </div>
                  ))}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

export default ErrorDecoderView;
