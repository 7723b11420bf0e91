import { useState } from 'react';

export interface CopyButtonProps {
  readonly value: string;
  /** What is copied, for screen readers: "SHA-256 fingerprint". */
  readonly label: string;
}

export function CopyButton({ value, label }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <span className="inline-flex items-center">
    <button
      type="button"
      className="btn-small"
      aria-label={`Copy ${label}`}
      onClick={() => {
        navigator.clipboard.writeText(value).then(
          () => setState('copied'),
          () => setState('failed'),
        );
        window.setTimeout(() => setState('idle'), 1500);
      }}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
    </button>
      <span className="sr-only" role="status">
        {state === 'copied' ? `${label} copied` : ''}
      </span>
    </span>
  );
}
