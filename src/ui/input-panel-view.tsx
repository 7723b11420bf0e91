import { useId, useRef, useState } from 'react';

export interface InputPanelViewProps {
  readonly onFiles: (files: readonly File[]) => void;
  readonly onPaste: (text: string) => void;
}

/** Ways in: a file picker, a paste box, and a hint about dropping anywhere on the page. */
export function InputPanelView({ onFiles, onPaste }: InputPanelViewProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement | null>(null);
  const [text, setText] = useState('');
  const pasteId = useId();
  return (
    <section aria-labelledby={`${pasteId}-h`} className="panel space-y-3 p-3">
      <h2 id={`${pasteId}-h`} className="section-title">
        Add files
      </h2>
      <div className="rounded-md border-2 border-dashed border-zinc-300 p-3 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
        <p>Drop certificates, chains, PKCS#12, CSRs, CRLs, keys or whole folders anywhere on this page.</p>
        <div className="mt-2 flex flex-wrap justify-center gap-2">
          <button type="button" className="btn-primary" onClick={() => fileInput.current?.click()}>
            Choose files…
          </button>
          <button type="button" className="btn" onClick={() => folderInput.current?.click()}>
            Choose a folder…
          </button>
        </div>
        <input
          ref={fileInput}
          type="file"
          multiple
          className="sr-only"
          tabIndex={-1}
          aria-label="Choose files to open"
          onChange={(e) => {
            const list = e.target.files;
            if (list && list.length > 0) onFiles(Array.from(list));
            e.target.value = '';
          }}
        />
        <input
          ref={(el) => {
            folderInput.current = el;
            // Not in React's attribute types; every current browser supports it.
            if (el) el.webkitdirectory = true;
          }}
          type="file"
          multiple
          className="sr-only"
          tabIndex={-1}
          aria-label="Choose a folder to open"
          onChange={(e) => {
            const list = e.target.files;
            if (list && list.length > 0) onFiles(Array.from(list));
            e.target.value = '';
          }}
        />
      </div>
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) {
            onPaste(text);
            setText('');
          }
        }}
      >
        <label htmlFor={pasteId} className="block text-sm font-medium">
          Paste PEM, base64 or hex
        </label>
        <textarea
          id={pasteId}
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={4}
          spellCheck={false}
          autoComplete="off"
          placeholder="-----BEGIN CERTIFICATE-----"
          className="field block w-full resize-y font-mono text-xs"
        />
        <button type="submit" className="btn" disabled={!text.trim()}>
          Decode
        </button>
      </form>
    </section>
  );
}
