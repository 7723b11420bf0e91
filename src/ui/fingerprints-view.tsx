import type { CertificateModel } from '@/core/model';
import { CopyButton } from './copy-button';
import { colonHex } from './format';

export interface FingerprintsViewProps {
  readonly certificate: Pick<CertificateModel, 'sha256Hex' | 'sha1Hex' | 'publicKey'>;
}

export function FingerprintsView({ certificate }: FingerprintsViewProps) {
  const rows = [
    { label: 'SHA-256 fingerprint', value: colonHex(certificate.sha256Hex) },
    { label: 'SHA-1 fingerprint', value: colonHex(certificate.sha1Hex) },
    { label: 'SPKI pin (pin-sha256)', value: certificate.publicKey.spkiSha256Base64 },
  ];
  return (
    <section aria-label="Fingerprints">
      <h3 className="mb-2 text-sm font-semibold">Fingerprints</h3>
      <dl className="space-y-2">
        {rows.map((r) => (
          <div key={r.label} className="flex flex-wrap items-start gap-x-3 gap-y-1 text-sm">
            <dt className="w-44 shrink-0 text-zinc-600 dark:text-zinc-400">{r.label}</dt>
            <dd className="hex min-w-0 flex-1">{r.value}</dd>
            <dd>
              <CopyButton value={r.value} label={r.label} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
