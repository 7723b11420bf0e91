import { useState } from 'react';
import type { CertificateModel } from '@/core/model';

/** Loaded on first use: the openssl-layout printer is only needed when someone copies. */
async function textOf(certificate: CertificateModel): Promise<string> {
  const { certificateToText } = await import('@/core/export/openssl-text');
  return certificateToText(certificate);
}

/**
 * "Copy as text": the certificate's fields in the layout of `openssl x509 -text -noout`, ready to
 * paste into a ticket. The text is made after the click, inside the clipboard write, so the click
 * still counts as the person's gesture.
 */
export function CopyAsTextButton({ certificate }: { readonly certificate: CertificateModel }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    const text = textOf(certificate);
    if (typeof ClipboardItem !== 'undefined' && typeof navigator.clipboard.write === 'function') {
      await navigator.clipboard.write([new ClipboardItem({ 'text/plain': text.then((t) => new Blob([t], { type: 'text/plain' })) })]);
    } else {
      await navigator.clipboard.writeText(await text);
    }
  };
  return (
    <span className="inline-flex items-center">
      <button
        type="button"
        className="btn-small"
        title="The fields in the layout of openssl x509 -text"
        onClick={() => {
          copy().then(
            () => setState('copied'),
            () => setState('failed'),
          );
          window.setTimeout(() => setState('idle'), 2000);
        }}
      >
        {state === 'copied' ? 'Copied as text' : state === 'failed' ? 'Copy failed' : 'Copy as text'}
      </button>
      <span className="sr-only" role="status">
        {state === 'copied' ? 'Certificate copied as text, in the openssl x509 -text layout' : ''}
      </span>
    </span>
  );
}
