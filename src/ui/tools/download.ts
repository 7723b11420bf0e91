/** A file the tools offer: text (PEM) or bytes (DER, PKCS#7). */
export interface DownloadFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly data: Uint8Array | string;
}

/** Saves a file through a Blob and an object URL: nothing leaves the browser. */
export function downloadFile(file: DownloadFile): void {
  const part = typeof file.data === 'string' ? file.data : new Uint8Array(file.data);
  const url = URL.createObjectURL(new Blob([part], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the URL asynchronously after click().
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copies text with the async Clipboard API. */
export function copyText(text: string): Promise<void> {
  return navigator.clipboard.writeText(text);
}
