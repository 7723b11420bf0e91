import type { ReactNode } from 'react';
import type { CrlModel, CsrModel, PrivateKeyModel, PublicKeyItemModel } from '@/core/model';
import { Badge } from './badges';
import { CopyButton } from './copy-button';
import { DecodeWarningList, ExtensionList } from './extension-view';
import { colonHex, commonNameOf, describeKey, formatUtc } from './format';
import { NameView } from './name-view';
import { describeEncryption } from './pkcs12-view';
import { SafeText } from './safe-text';

function Card({ label, title, children }: { readonly label: string; readonly title: ReactNode; readonly children: ReactNode }) {
  return (
    <article aria-label={label} className="panel space-y-3 p-4">
      <h2 className="text-lg font-semibold [overflow-wrap:anywhere]">{title}</h2>
      {children}
    </article>
  );
}

export function CsrView({ csr, sources }: { readonly csr: CsrModel; readonly sources: readonly string[] }) {
  return (
    <Card label={`Certificate signing request ${commonNameOf(csr.subject)}`} title={<>CSR: <SafeText value={commonNameOf(csr.subject)} /></>}>
      <dl className="kv">
        <dt>Subject</dt>
        <dd>
          <SafeText value={csr.subject.rfc4514 || '(empty)'} />
        </dd>
        <dt>Public key</dt>
        <dd>{describeKey(csr.publicKey)}</dd>
        <dt>Signature</dt>
        <dd>
          {csr.signatureAlgorithm.name ?? csr.signatureAlgorithm.oid} —{' '}
          {csr.signatureValid === null ? 'not checkable here' : csr.signatureValid ? <Badge tone="good">✓ self-signature valid</Badge> : <Badge tone="bad">✕ self-signature INVALID</Badge>}
        </dd>
        <dt>Challenge password</dt>
        <dd>{csr.challengePassword !== null ? 'present (not shown)' : 'none'}</dd>
        <dt>SPKI pin</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <span className="hex">{csr.publicKey.spkiSha256Base64}</span>
          <CopyButton value={csr.publicKey.spkiSha256Base64} label="SPKI pin" />
        </dd>
        <dt>Loaded from</dt>
        <dd>
          <SafeText value={sources.join(', ')} />
        </dd>
      </dl>
      {csr.checks && csr.checks.length > 0 && (
        <section aria-label="What a CA would say about this request" className="space-y-1">
          <h3 className="text-sm font-semibold">What a CA would say ({csr.checks.length})</h3>
          <ul className="space-y-1 text-sm">
            {csr.checks.map((c, i) => (
              <li key={i}>
                <Badge tone={c.severity === 'fail' ? 'bad' : c.severity === 'warn' ? 'warn' : 'neutral'}>
                  {c.severity === 'fail' ? '✕ refused' : c.severity === 'warn' ? '! warning' : 'i note'}
                </Badge>{' '}
                <SafeText value={c.message} /> <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">({c.code})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <DecodeWarningList warnings={csr.decodeWarnings ?? []} />
      <NameView name={csr.subject} label="Subject attributes" />
      <ExtensionList extensions={csr.requestedExtensions} title="Requested extensions" />
    </Card>
  );
}

export function CrlView({ crl, at, sources }: { readonly crl: CrlModel; readonly at: string; readonly sources: readonly string[] }) {
  const stale = crl.nextUpdate !== null && new Date(crl.nextUpdate).getTime() < new Date(at).getTime();
  return (
    <Card label={`CRL of ${commonNameOf(crl.issuer)}`} title={<>CRL: <SafeText value={commonNameOf(crl.issuer)} /></>}>
      <dl className="kv">
        <dt>Issuer</dt>
        <dd>
          <SafeText value={crl.issuer.rfc4514} />
        </dd>
        <dt>This update</dt>
        <dd>{formatUtc(crl.thisUpdate)}</dd>
        <dt>Next update</dt>
        <dd>
          {crl.nextUpdate ? formatUtc(crl.nextUpdate) : '(none)'} {stale && <Badge tone="warn">! Out of date at the evaluation time</Badge>}
        </dd>
        <dt>Signature algorithm</dt>
        <dd>{crl.signatureAlgorithm.name ?? crl.signatureAlgorithm.oid}</dd>
        <dt>Loaded from</dt>
        <dd>
          <SafeText value={sources.join(', ')} />
        </dd>
      </dl>
      <DecodeWarningList warnings={crl.decodeWarnings ?? []} />
      <h3 className="text-sm font-semibold">Revoked serials ({crl.entries.length})</h3>
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="text-zinc-600 dark:text-zinc-400">
            <th scope="col" className="font-medium">
              Serial
            </th>
            <th scope="col" className="font-medium">
              Revoked
            </th>
            <th scope="col" className="font-medium">
              Reason
            </th>
          </tr>
        </thead>
        <tbody>
          {crl.entries.slice(0, 500).map((e, i) => (
            <tr key={i}>
              <td className="hex pr-2">{colonHex(e.serialNumberHex)}</td>
              <td className="pr-2">{formatUtc(e.revocationDate)}</td>
              <td>{e.reason ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ExtensionList extensions={crl.extensions} title="CRL extensions" />
    </Card>
  );
}

export interface KeyViewProps {
  readonly privateKey?: PrivateKeyModel;
  readonly publicKey?: PublicKeyItemModel;
  /** Subjects of the loaded certificates whose public key matches. */
  readonly matches: readonly string[];
  readonly sources: readonly string[];
  readonly containers?: ReactNode;
}

export function KeyView({ privateKey, publicKey, matches, sources, containers }: KeyViewProps) {
  const label = privateKey ? 'Private key' : 'Public key';
  return (
    <div className="space-y-4">
      <Card label={label} title={label}>
        <dl className="kv">
          <dt>Algorithm</dt>
          <dd>{privateKey ? describeKey(privateKey) : publicKey ? describeKey(publicKey.publicKey) : ''}</dd>
          {privateKey && (
            <>
              <dt>Encoding</dt>
              <dd>{privateKey.encoding}</dd>
              <dt>Encryption</dt>
              <dd>{privateKey.encrypted ? describeEncryption(privateKey.encryption) : 'not encrypted'}</dd>
              {privateKey.friendlyName && (
                <>
                  <dt>Friendly name</dt>
                  <dd>
                    <SafeText value={privateKey.friendlyName} />
                  </dd>
                </>
              )}
            </>
          )}
          {publicKey && (
            <>
              <dt>SPKI pin</dt>
              <dd className="flex flex-wrap items-center gap-2">
                <span className="hex">{publicKey.publicKey.spkiSha256Base64}</span>
                <CopyButton value={publicKey.publicKey.spkiSha256Base64} label="SPKI pin" />
              </dd>
            </>
          )}
          <dt>Matching certificate</dt>
          <dd>
            {matches.length > 0 ? (
              <>
                <span aria-hidden="true">✓ </span>
                <SafeText value={matches.join(', ')} />
              </>
            ) : privateKey && privateKey.publicSpkiSha256Hex === null ? (
              'could not be checked (key still encrypted or unsupported)'
            ) : (
              'no loaded certificate has this key'
            )}
          </dd>
          <dt>Loaded from</dt>
          <dd>
            <SafeText value={sources.join(', ')} />
          </dd>
        </dl>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">Private key material is never displayed; it stays inside the engine worker of this page.</p>
      </Card>
      {containers}
    </div>
  );
}
