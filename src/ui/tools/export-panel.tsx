import { useEffect, useId, useRef, useState } from 'react';
import type { CertificateExports, FingerprintSpellings } from '@/core/export/index';
import type { CertificateModel } from '@/core/model';
import { SafeLine } from '../safe-text';
import { copyText, downloadFile, type DownloadFile } from './download';

export type { DownloadFile } from './download';

/** The explicit private-key export: the key is only fetched after the person confirms. */
export interface PrivateKeyExport {
  /** What the key is, shown in the dialog, e.g. "EC P-256 key from server.p12". */
  readonly description: string;
  /** Resolves to the unencrypted PKCS#8 PEM (core/export `pkcs8Pem`, run in the Worker). Called only after confirmation. */
  readonly loadPem: () => Promise<string>;
  /** File name stem; defaults to the certificate's. */
  readonly fileStem?: string;
}

export interface ExportPanelProps {
  /** The certificate being exported (its subject names the panel). */
  readonly certificate: Pick<CertificateModel, 'subject' | 'sha256Hex'>;
  /** Produced in the Worker by core/export `buildCertificateExports(certificate, chainPath)`; chainPath is leaf → root. */
  readonly exports: CertificateExports;
  /** Saves a file; defaults to a Blob + object URL download. */
  readonly onDownload?: (file: DownloadFile) => void;
  /** Copies text; defaults to the Clipboard API. `label` says what was copied ("PEM"). */
  readonly onCopy?: (text: string, label: string) => void | Promise<void>;
  /** Offered only when given, behind a confirmation dialog. */
  readonly privateKeyExport?: PrivateKeyExport;
}

type FingerprintFormat = keyof FingerprintSpellings;

const FORMATS: readonly { readonly value: FingerprintFormat; readonly label: string; readonly hint: string }[] = [
  { value: 'colon', label: 'Colon hex', hint: 'openssl x509 -fingerprint' },
  { value: 'plain', label: 'Plain hex', hint: 'sha256sum' },
  { value: 'base64', label: 'Base64', hint: 'HPKP, Envoy, Kubernetes' },
];

const PEM_TYPE = 'application/x-pem-file';

/**
 * Export of one certificate: PEM/DER, the chain as fullchain.pem, PKCS#7 certs-only,
 * fingerprints in three spellings, the SPKI pin, and (only when offered) the private key behind
 * a confirmation. Everything is local: downloads are Blob URLs.
 */
export function ExportPanel({ certificate, exports, onDownload, onCopy, privateKeyExport }: ExportPanelProps) {
  const id = useId();
  const [status, setStatus] = useState('');
  const [format, setFormat] = useState<FingerprintFormat>('colon');
  const [withRoot, setWithRoot] = useState(false);
  const [keyDialogOpen, setKeyDialogOpen] = useState(false);
  const save = (file: DownloadFile): void => {
    (onDownload ?? downloadFile)(file);
    setStatus(`${file.fileName} saved`);
  };
  const copy = (text: string, label: string): void => {
    Promise.resolve((onCopy ?? ((t: string) => copyText(t)))(text, label)).then(
      () => setStatus(`${label} copied`),
      () => setStatus(`Could not copy ${label}`),
    );
  };
  const stem = exports.fileStem;
  const chainPem = withRoot ? exports.fullChainWithRootPem : exports.fullChainPem;
  const chainCount = withRoot || !exports.endsAtRoot ? exports.chainLength : exports.chainLength - 1;
  const cn = certificate.subject.rdns.flat().find((a) => a.shortName === 'CN')?.value ?? certificate.subject.rfc4514;

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-4">
      <h3 id={`${id}-title`} className="section-title">
        Export <span className="sr-only">certificate</span>
        <span className="ml-1 font-normal normal-case">
          <SafeLine value={cn} max={80} />
        </span>
      </h3>

      <div role="group" aria-labelledby={`${id}-cert`} className="space-y-1">
        <h4 id={`${id}-cert`} className="text-sm font-semibold">
          This certificate
        </h4>
        <div className="flex flex-wrap gap-2">
          <button type="button" className="btn" onClick={() => save({ fileName: `${stem}.pem`, mimeType: PEM_TYPE, data: exports.pem })}>
            Download PEM
          </button>
          <button type="button" className="btn" onClick={() => save({ fileName: `${stem}.der`, mimeType: 'application/pkix-cert', data: exports.der })}>
            Download DER
          </button>
          <button type="button" className="btn" onClick={() => copy(exports.pem, 'Certificate PEM')}>
            Copy PEM
          </button>
        </div>
      </div>

      <div role="group" aria-labelledby={`${id}-chain`} className="space-y-1">
        <h4 id={`${id}-chain`} className="text-sm font-semibold">
          Chain
        </h4>
        {chainPem === null ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No issuer of this certificate is loaded, so the chain is this certificate alone.</p>
        ) : (
          <>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              fullchain.pem: this certificate first, then each issuer ({chainCount} certificates) — what nginx <code>ssl_certificate</code> and Apache <code>SSLCertificateFile</code> expect.
            </p>
            {exports.endsAtRoot && (
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={withRoot} onChange={(e) => setWithRoot(e.target.checked)} />
                Include the root (clients must already trust it; servers normally leave it out)
              </label>
            )}
            <div className="flex flex-wrap gap-2">
              <button type="button" className="btn" onClick={() => save({ fileName: `${stem}.fullchain.pem`, mimeType: PEM_TYPE, data: chainPem })}>
                Download fullchain.pem
              </button>
              <button type="button" className="btn" onClick={() => copy(chainPem, 'Full chain PEM')}>
                Copy full chain
              </button>
            </div>
          </>
        )}
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" className="btn" onClick={() => save({ fileName: `${stem}.p7b`, mimeType: 'application/x-pkcs7-certificates', data: exports.pkcs7Der })}>
            Download PKCS#7 (.p7b)
          </button>
          <span className="text-xs text-zinc-600 dark:text-zinc-400">
            Certificates only, {exports.chainLength === 1 ? 'this certificate' : `all ${exports.chainLength} certificates of the chain`} (like <code>openssl crl2pkcs7 -nocrl</code>).
          </span>
        </div>
      </div>

      <div role="group" aria-labelledby={`${id}-fp`} className="space-y-2">
        <h4 id={`${id}-fp`} className="text-sm font-semibold">
          Fingerprints
        </h4>
        <fieldset className="flex flex-wrap gap-3 text-sm">
          <legend className="sr-only">Fingerprint format</legend>
          {FORMATS.map((f) => (
            <label key={f.value} className="flex items-center gap-1">
              <input type="radio" name={`${id}-format`} value={f.value} checked={format === f.value} onChange={() => setFormat(f.value)} />
              {f.label} <span className="text-xs text-zinc-600 dark:text-zinc-400">({f.hint})</span>
            </label>
          ))}
        </fieldset>
        <dl className="space-y-1">
          {(
            [
              ['SHA-256', exports.sha256[format]],
              ['SHA-1', exports.sha1[format]],
              ['SPKI SHA-256', exports.spkiSha256[format]],
              ['SPKI pin', exports.spkiPin],
            ] as const
          ).map(([label, value]) => (
            <div key={label} className="flex flex-wrap items-start gap-x-3 gap-y-1 text-sm">
              <dt className="w-28 shrink-0 text-zinc-600 dark:text-zinc-400">{label}</dt>
              <dd className="hex min-w-0 flex-1">{value}</dd>
              <dd>
                <button type="button" className="btn-small" aria-label={`Copy ${label}`} onClick={() => copy(value, label)}>
                  Copy
                </button>
              </dd>
            </div>
          ))}
        </dl>
      </div>

      {privateKeyExport && (
        <div role="group" aria-labelledby={`${id}-key`} className="space-y-1">
          <h4 id={`${id}-key`} className="text-sm font-semibold">
            Private key
          </h4>
          <button type="button" className="btn" onClick={() => setKeyDialogOpen(true)}>
            Export private key…
          </button>
          {keyDialogOpen && (
            <PrivateKeyDialog
              keyExport={privateKeyExport}
              onClose={() => setKeyDialogOpen(false)}
              onConfirmed={(pem) => {
                save({ fileName: `${privateKeyExport.fileStem ?? stem}.key`, mimeType: PEM_TYPE, data: pem });
                setKeyDialogOpen(false);
              }}
            />
          )}
        </div>
      )}

      <p role="status" aria-live="polite" className="sr-only">
        {status}
      </p>
    </section>
  );
}

interface PrivateKeyDialogProps {
  readonly keyExport: PrivateKeyExport;
  readonly onClose: () => void;
  readonly onConfirmed: (pem: string) => void;
}

/** A modal (native <dialog>: focus trap and Escape for free) that must be ticked before the key is even fetched. */
function PrivateKeyDialog({ keyExport, onClose, onConfirmed }: PrivateKeyDialogProps) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const confirm = (): void => {
    if (!understood || busy) return;
    setBusy(true);
    setError(null);
    keyExport.loadPem().then(
      (pem) => onConfirmed(pem),
      (e: unknown) => {
        setBusy(false);
        setError(e instanceof Error ? e.message : 'The key could not be exported.');
      },
    );
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="panel m-auto max-w-lg p-5 text-zinc-900 backdrop:bg-black/50 dark:text-zinc-100"
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        Export an unencrypted private key?
      </h2>
      <div id={`${id}-desc`} className="mt-2 space-y-2 text-sm">
        <p>
          Key: <SafeLine value={keyExport.description} />
        </p>
        <p>
          The file will hold the private key <strong>in clear</strong> (PKCS#8 PEM, no password). Anyone who gets a copy — from your Downloads folder, a backup, a synced folder or a chat — can
          impersonate this certificate&apos;s owner until the certificate is revoked or expires.
        </p>
        <p>Put it only where the server reads it, readable by that server alone (for example <code>chmod 600</code>), and delete other copies.</p>
      </div>
      <label className="mt-3 flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-0.5" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />I understand the key file is not encrypted
      </label>
      {error !== null && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          <SafeLine value={error} />
        </p>
      )}
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="btn-primary" disabled={!understood || busy} onClick={confirm}>
          {busy ? 'Exporting…' : 'Download private key'}
        </button>
      </div>
    </dialog>
  );
}

export default ExportPanel;
