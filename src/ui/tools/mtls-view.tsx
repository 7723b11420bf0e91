import { useId } from 'react';
import type { MtlsPairCheck } from '@/core/purpose/mtls';
import { CopyButton } from '../copy-button';
import { SafeLine, SafeText } from '../safe-text';
import { downloadFile, type DownloadFile } from './download';

export interface MtlsViewProps {
  /** From core/purpose `checkMtlsPair(server, client, session)`. */
  readonly check: MtlsPairCheck;
  /** How to name the two certificates (e.g. their subject CNs). */
  readonly serverName: string;
  readonly clientName: string;
  /** Subject of the client's CA, when known (shown above its PEM). */
  readonly clientCaName?: string;
  /** Path used in the config lines (default "/etc/ssl/client-ca.pem"). */
  readonly clientCaPath?: string;
  /** Saves the client-CA bundle; defaults to a Blob + object URL download. */
  readonly onDownload?: (file: DownloadFile) => void;
}

/** The mTLS pair checklist (suitability.md "mTLS pair check") with the client-CA bundle and the server config lines. */
export function MtlsView({ check, serverName, clientName, clientCaName, clientCaPath = '/etc/ssl/client-ca.pem', onDownload }: MtlsViewProps) {
  const id = useId();
  const nginx = `ssl_client_certificate ${clientCaPath};\nssl_verify_client on;`;
  const apache = `SSLCACertificateFile ${clientCaPath}\nSSLVerifyClient require`;
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3">
      <h3 id={`${id}-title`} className="section-title">
        Mutual TLS pair
      </h3>
      <p className="text-sm">
        Server: <SafeLine value={serverName} /> · Client: <SafeLine value={clientName} />
      </p>
      <p className={`text-sm font-semibold ${check.ok ? 'text-emerald-800 dark:text-emerald-300' : 'text-red-800 dark:text-red-300'}`}>
        {check.ok ? 'This pair should work for mutual TLS.' : 'This pair will not work for mutual TLS as it is.'}
      </p>
      <ul aria-label="mTLS checklist" className="space-y-2">
        {check.items.map((item) => (
          <li key={item.label} className="flex gap-2 text-sm">
            <span aria-hidden="true" className={item.ok ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-400'}>
              {item.ok ? '✓' : '✗'}
            </span>
            <div>
              <p className="font-medium">
                <span className="sr-only">{item.ok ? 'Passed: ' : 'Failed: '}</span>
                {item.label}
              </p>
              <p className="text-zinc-700 dark:text-zinc-300">
                <SafeText value={item.detail} max={300} />
              </p>
            </div>
          </li>
        ))}
      </ul>

      <div role="group" aria-labelledby={`${id}-ca`} className="space-y-2">
        <h4 id={`${id}-ca`} className="text-sm font-semibold">
          Client-CA bundle for the server
        </h4>
        {check.clientCaPem === null ? (
          <p className="text-sm">Load the CA that issued the client certificate to get the bundle the server must trust.</p>
        ) : (
          <>
            {clientCaName !== undefined && (
              <p className="text-sm">
                CA: <SafeLine value={clientCaName} />
              </p>
            )}
            <pre aria-label="Client CA PEM" tabIndex={0} className="hex max-h-48 overflow-auto rounded-md bg-zinc-50 p-2 whitespace-pre dark:bg-zinc-950">
              {check.clientCaPem}
            </pre>
            <div className="flex flex-wrap gap-2">
              <CopyButton value={check.clientCaPem} label="client CA PEM" />
              <button
                type="button"
                className="btn-small"
                onClick={() => (onDownload ?? downloadFile)({ fileName: 'client-ca.pem', mimeType: 'application/x-pem-file', data: check.clientCaPem ?? '' })}
              >
                Download client-ca.pem
              </button>
            </div>
          </>
        )}
        <ConfigLines title="nginx" text={nginx} />
        <ConfigLines title="Apache httpd" text={apache} />
      </div>
    </section>
  );
}

function ConfigLines({ title, text }: { readonly title: string; readonly text: string }) {
  return (
    <div className="text-sm">
      <div className="flex items-center gap-2">
        <span className="font-medium">{title}</span>
        <CopyButton value={text} label={`${title} configuration`} />
      </div>
      <pre aria-label={`${title} configuration`} className="hex mt-1 rounded-md bg-zinc-50 p-2 whitespace-pre dark:bg-zinc-950">
        {text}
      </pre>
    </div>
  );
}

export default MtlsView;
