import { useId, useState, type ReactNode } from 'react';
import type { CertificateModel, GeneralNameModel } from '@/core/model';
import { Badge, PurposeBadge, ValidityBadge, VerdictBadge, type Verdict } from './badges';
import { DecodeWarningList, ExtensionList, GeneralNameText } from './extension-view';
import { CopyAsTextButton } from './copy-as-text';
import { FingerprintsView } from './fingerprints-view';
import { colonHex, commonNameOf, describeKey, describeValidity, formatUtc } from './format';
import { NameView } from './name-view';
import { SafeText } from './safe-text';

export interface CertificateViewProps {
  readonly certificate: CertificateModel;
  readonly at: string;
  readonly sources: readonly string[];
  readonly verdicts: { readonly tlsServer: Verdict; readonly tlsClient: Verdict } | null;
  /** The suitability panels (one per role). */
  readonly suitability?: ReactNode;
  /** This certificate's chain(s). */
  readonly chain?: ReactNode;
  /** PKCS#12 containers it came from. */
  readonly containers?: ReactNode;
  /** Export, ASN.1 and Compare tools (src/app/tools-pane.tsx). */
  readonly tools?: ReactNode;
}

/** How many names show before the list folds (a certificate with 140 SANs must not push its verdict off screen). */
const NAMES_SHOWN = 5;

/** Subject alternative names: the first few, then all of them behind a count, with a search box. */
function NameList({ names }: { readonly names: readonly GeneralNameModel[] }) {
  const [query, setQuery] = useState('');
  const id = useId();
  const q = query.trim().toLowerCase();
  const list = (items: readonly GeneralNameModel[]) => (
    <ul>
      {items.map((n, i) => (
        <li key={i}>
          <GeneralNameText name={n} />
        </li>
      ))}
    </ul>
  );
  if (names.length <= NAMES_SHOWN + 1) return list(names);
  const matching = q ? names.filter((n) => JSON.stringify(n).toLowerCase().includes(q)) : names;
  return (
    <>
      {list(names.slice(0, NAMES_SHOWN))}
      <details className="mt-1">
        <summary className="cursor-pointer text-xs text-indigo-700 dark:text-indigo-300">Show all {names.length.toLocaleString('en-US')} names</summary>
        <label htmlFor={`${id}-q`} className="sr-only">
          Search the names
        </label>
        <input id={`${id}-q`} type="search" placeholder={`Search ${names.length} names`} value={query} onChange={(e) => setQuery(e.target.value)} className="field my-1 w-full max-w-72 py-0.5 text-xs" />
        {q && <p className="text-xs text-zinc-600 dark:text-zinc-400" role="status">{matching.length.toLocaleString('en-US')} matching</p>}
        {list(matching)}
      </details>
    </>
  );
}

export function CertificateView({ certificate: c, at, sources, verdicts, suitability, chain, containers, tools }: CertificateViewProps) {
  const validity = describeValidity(c.notBefore, c.notAfter, at);
  const eku = c.extensions.find((e) => e.kind === 'extKeyUsage');
  const san = c.extensions.find((e) => e.kind === 'subjectAltName');
  const bc = c.extensions.find((e) => e.kind === 'basicConstraints');
  const isCa = bc?.kind === 'basicConstraints' && bc.ca;
  const selfIssued = c.subject.derHex === c.issuer.derHex;
  return (
    <article aria-label={`Certificate ${commonNameOf(c.subject)}`} className="space-y-4">
      {/* Summary card */}
      <section aria-label="Summary" className="panel render-near-view space-y-3 p-4">
        <div className="flex flex-wrap items-start gap-2">
          <h2 className="min-w-0 flex-1 text-lg font-semibold [overflow-wrap:anywhere]">
            <SafeText value={commonNameOf(c.subject)} />
          </h2>
          {isCa && <Badge tone="neutral">CA certificate</Badge>}
          {selfIssued && <Badge tone="neutral">Self-issued</Badge>}
          <CopyAsTextButton certificate={c} />
        </div>
        <dl className="kv">
          <dt>Verdicts</dt>
          <dd className="flex flex-wrap gap-1">
            <VerdictBadge role="tlsServer" verdict={verdicts?.tlsServer ?? null} />
            <VerdictBadge role="tlsClient" verdict={verdicts?.tlsClient ?? null} />
          </dd>
          <dt>Who</dt>
          <dd>
            <SafeText value={c.subject.rfc4514 || '(empty subject)'} />
          </dd>
          <dt>Issued by</dt>
          <dd>
            <SafeText value={c.issuer.rfc4514 || '(empty issuer)'} />
          </dd>
          <dt>Valid until</dt>
          <dd className="flex flex-wrap items-center gap-2">
            <time dateTime={c.notAfter}>{formatUtc(c.notAfter)}</time>
            <ValidityBadge validity={validity} />
          </dd>
          <dt>Purposes</dt>
          <dd className="flex flex-wrap gap-1">
            {eku?.kind === 'extKeyUsage' ? (
              eku.purposes.map((p) => <PurposeBadge key={p.oid} oid={p.oid} registeredName={p.name} />)
            ) : (
              <span className="text-zinc-600 dark:text-zinc-400">No Extended Key Usage (any purpose by RFC 5280)</span>
            )}
          </dd>
          {san?.kind === 'subjectAltName' && (
            <>
              <dt>Names</dt>
              <dd>
                <NameList names={san.names} />
              </dd>
            </>
          )}
          <dt>Loaded from</dt>
          <dd>
            <SafeText value={sources.join(', ')} />
          </dd>
        </dl>
      </section>

      {suitability}
      {chain}
      {tools}

      <section aria-label="Fields" className="panel render-near-view space-y-4 p-4">
        <h3 className="section-title">Details</h3>
        <dl className="kv">
          <dt>Version</dt>
          <dd>v{c.version}</dd>
          <dt>Serial number</dt>
          <dd>
            <span className="hex">{colonHex(c.serialNumberHex)}</span>
            <span className="block text-xs text-zinc-600 dark:text-zinc-400">
              decimal <span className="break-all">{c.serialNumberDecimal}</span>
              {c.serialNegative ? ' (negative: not allowed by RFC 5280)' : ''}
            </span>
          </dd>
          <dt>Signature algorithm</dt>
          <dd>
            {c.signatureAlgorithm.name ?? 'unknown'} <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">({c.signatureAlgorithm.oid})</span>
            {c.signatureAlgorithm.parametersText && <span className="block text-xs">{c.signatureAlgorithm.parametersText}</span>}
          </dd>
          <dt>Not before</dt>
          <dd>
            <time dateTime={c.notBefore}>{formatUtc(c.notBefore)}</time>
          </dd>
          <dt>Not after</dt>
          <dd>
            <time dateTime={c.notAfter}>{formatUtc(c.notAfter)}</time>
          </dd>
          <dt>Public key</dt>
          <dd>
            {describeKey(c.publicKey)} <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">({c.publicKey.algorithmOid})</span>
            {c.publicKey.rsa && <span className="block text-xs">exponent {c.publicKey.rsa.exponent}</span>}
          </dd>
          {c.publicKey.rsa && (
            <>
              <dt>Modulus</dt>
              <dd>
                <SafeText value={colonHex(c.publicKey.rsa.modulusHex)} className="hex" max={96} />
              </dd>
            </>
          )}
          {c.publicKey.ec && (
            <>
              <dt>EC point</dt>
              <dd>
                <SafeText value={colonHex(c.publicKey.ec.pointHex)} className="hex" max={96} />
              </dd>
            </>
          )}
          <dt>Signature</dt>
          <dd>
            <SafeText value={colonHex(c.signatureValueHex)} className="hex" max={96} />
          </dd>
          {c.issuerUniqueIdHex && (
            <>
              <dt>Issuer unique ID</dt>
              <dd className="hex">{colonHex(c.issuerUniqueIdHex)}</dd>
            </>
          )}
          {c.subjectUniqueIdHex && (
            <>
              <dt>Subject unique ID</dt>
              <dd className="hex">{colonHex(c.subjectUniqueIdHex)}</dd>
            </>
          )}
        </dl>
        {c.warnings.length > 0 && (
          <ul aria-label="Decoding warnings" className="space-y-1">
            {c.warnings.map((w, i) => (
              <li key={i} className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
                <span aria-hidden="true">! </span>
                <SafeText value={w} />
              </li>
            ))}
          </ul>
        )}
        <DecodeWarningList warnings={c.decodeWarnings} />
        <div className="grid gap-4 md:grid-cols-2">
          <div>
            <h4 className="mb-1 text-sm font-semibold">Subject</h4>
            <NameView name={c.subject} label="Subject attributes" />
          </div>
          <div>
            <h4 className="mb-1 text-sm font-semibold">Issuer</h4>
            <NameView name={c.issuer} label="Issuer attributes" />
          </div>
        </div>
        <FingerprintsView certificate={c} />
        <ExtensionList extensions={c.extensions} />
      </section>
      {containers}
    </article>
  );
}
