import { useState } from 'react';
import { segmentText, truncateCodePoints } from './format';

export interface SafeTextProps {
  readonly value: string;
  /** Code points shown before "Show all"; 0 shows everything. */
  readonly max?: number;
  readonly className?: string;
}

/**
 * Renders untrusted text (certificate fields) inert and visibly escaped: React escapes markup,
 * and invisible or reordering characters (controls, bidi overrides such as U+202E, zero-width
 * characters) become visible ⟨U+XXXX⟩ tokens. Long values are cut with a "Show all" button.
 */
export function SafeText({ value, max = 200, className }: SafeTextProps) {
  const [expanded, setExpanded] = useState(false);
  const { text, truncated } = max > 0 && !expanded ? truncateCodePoints(value, max) : { text: value, truncated: false };
  const segments = segmentText(text);
  return (
    <span className={`[unicode-bidi:isolate] [overflow-wrap:anywhere] ${className ?? ''}`} dir="ltr">
      {segments.map((segment, i) =>
        segment.kind === 'text' ? (
          <span key={i}>{segment.text}</span>
        ) : (
          <span key={i} className="mx-px rounded bg-amber-100 px-0.5 font-mono text-[0.85em] text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">
            {segment.text}
          </span>
        ),
      )}
      {truncated && (
        <>
          <span aria-hidden="true">…</span>{' '}
          <button type="button" className="link-button" onClick={() => setExpanded(true)}>
            Show all ({Array.from(value).length.toLocaleString('en-US')} characters)
          </button>
        </>
      )}
      {expanded && max > 0 && (
        <>
          {' '}
          <button type="button" className="link-button" onClick={() => setExpanded(false)}>
            Show less
          </button>
        </>
      )}
    </span>
  );
}

/** One-line variant for dense rows: escaped, cut at `max`, no button (the detail view has it). */
export function SafeLine({ value, max = 120, className }: SafeTextProps) {
  const { text, truncated } = truncateCodePoints(value, max);
  return (
    <span className={`[unicode-bidi:isolate] ${className ?? ''}`} dir="ltr">
      {segmentText(text).map((segment, i) =>
        segment.kind === 'text' ? (
          <span key={i}>{segment.text}</span>
        ) : (
          <span key={i} className="rounded bg-amber-100 px-0.5 font-mono text-[0.85em] text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">
            {segment.text}
          </span>
        ),
      )}
      {truncated ? '…' : ''}
    </span>
  );
}
