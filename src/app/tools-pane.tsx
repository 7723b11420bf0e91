/**
 * Power tools wired to the engine (issue "Power tools in the app"): the certificate tools (Export,
 * ASN.1, Compare with…), the app-level error decoder and the mTLS pair picker. Each engine call is
 * a plain function + a queryOptions factory keyed on content SHA-256s, like queries.ts.
 */
import { lazy, Suspense, useDeferredValue, useId, useMemo, useState } from 'react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NameModel } from '@/core/model';
import type { PageInput } from '@/worker/protocol';
import { FINDING_HELP } from '@/ui/finding-help';
import { MtlsPairView } from '@/ui/mtls-pair-view';
import type { OverviewRow } from '@/ui/overview-rows';
import { TabsView } from '@/ui/tabs-view';
import { CompareView } from '@/ui/tools/compare-view';
import { ErrorDecoderView, type ErrorDecoderMatch } from '@/ui/tools/error-decoder-view';
import { ExportPanel, type PrivateKeyExport } from '@/ui/tools/export-panel';
import { engineClient } from '@/worker/client';
import type { Pkcs12MakeRequest, Pkcs12MakeResult } from '@/ui/tools/pkcs12-make-view';
import type { DecodedErrorMatch, WritePkcs12Request } from '@/worker/tools-protocol';
import type { AnalysisViewModel } from './analysis-view-model';
import { mtlsPairQueryOptions, useAutomaticMtlsCheck } from './mtls-check';

// The ASN.1 browser (and its virtualizer) is fetched only when its tab is opened.
const Asn1View = lazy(() => import('@/ui/tools/asn1-view'));
// So is the PKCS#12 maker (the writer itself is a lazy chunk of the Worker).
const Pkcs12MakeView = lazy(() => import('@/ui/tools/pkcs12-make-view'));

// --- engine calls ----------------------------------------------------------------------------

export function asn1QueryOptions(certificateSha256: string) {
  return queryOptions({
    queryKey: ['asn1', certificateSha256] as const,
    queryFn: () => engineClient().tool({ type: 'asn1', key: null, certificateSha256 }, 'asn1'),
    gcTime: 30_000,
  });
}

export function exportsQueryOptions(certificateSha256: string, pathShas: readonly string[]) {
  return queryOptions({
    queryKey: ['exports', certificateSha256, pathShas] as const,
    queryFn: async () => (await engineClient().tool({ type: 'exports', certificateSha256, pathShas }, 'exports')).exports,
  });
}

export function compareQueryOptions(a: string, b: string) {
  return queryOptions({
    queryKey: ['compare', a, b] as const,
    queryFn: async () => (await engineClient().tool({ type: 'compare', a, b }, 'compared')).diffs,
  });
}

/** `analysisStamp` changes with each new analysis, so "triggered by" follows what is loaded. */
export function decodeErrorQueryOptions(text: string, analysisStamp: number) {
  return queryOptions({
    queryKey: ['decodeError', text, analysisStamp] as const,
    queryFn: async () => (await engineClient().tool({ type: 'decodeError', text }, 'errorDecoded')).matches,
    enabled: text.trim() !== '',
    gcTime: 10_000,
  });
}

/** Never cached: the bytes go straight to the download; the password only travels in the request. */
export async function writePkcs12File(request: Omit<WritePkcs12Request, 'type' | 'id'>): Promise<Pkcs12MakeResult> {
  const r = await engineClient().tool({ type: 'writePkcs12', ...request }, 'pkcs12Written');
  return { bytes: r.bytes, fileName: r.fileName, summary: r.summary };
}

/** Never cached: the PEM goes straight to the download after the person confirmed. */
export async function exportPrivateKeyPem(privateKeySha256: string): Promise<string> {
  return (await engineClient().tool({ type: 'exportPrivateKey', privateKeySha256 }, 'privateKeyExported')).pem;
}

// --- certificate tools -----------------------------------------------------------------------

function Loading({ what }: { readonly what: string }) {
  return (
    <p className="text-sm" role="status">
      Loading {what}…
    </p>
  );
}

function Failed({ error }: { readonly error: Error }) {
  return (
    <p role="alert" className="text-sm text-red-700 dark:text-red-300">
      {error.message}
    </p>
  );
}

function Asn1Tab({ sha }: { readonly sha: string }) {
  const q = useQuery(asn1QueryOptions(sha));
  if (q.error) return <Failed error={q.error} />;
  if (!q.data) return <Loading what="the ASN.1 structure" />;
  return (
    <Suspense fallback={<Loading what="the ASN.1 viewer" />}>
      <Asn1View tree={q.data.tree} bytes={q.data.der} />
    </Suspense>
  );
}

function ExportTab({ certificate, pathShas, privateKeyExport }: { readonly certificate: CertificateToolsProps['certificate']; readonly pathShas: readonly string[]; readonly privateKeyExport: PrivateKeyExport | undefined }) {
  const q = useQuery(exportsQueryOptions(certificate.sha256Hex, pathShas));
  if (q.error) return <Failed error={q.error} />;
  if (!q.data) return <Loading what="the export" />;
  return <ExportPanel certificate={certificate} exports={q.data} {...(privateKeyExport ? { privateKeyExport } : {})} />;
}

function CompareTab({ sha, name, others }: { readonly sha: string; readonly name: string; readonly others: readonly { readonly sha: string; readonly name: string }[] }) {
  const id = useId();
  const [other, setOther] = useState<string>('');
  const picked = others.find((o) => o.sha === other);
  const q = useQuery({ ...compareQueryOptions(sha, other), enabled: picked !== undefined });
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor={`${id}-other`} className="font-medium">
          Certificate to compare with
        </label>
        <select id={`${id}-other`} className="field" value={other} onChange={(e) => setOther(e.target.value)}>
          <option value="">Choose a loaded certificate</option>
          {others.map((o) => (
            <option key={o.sha} value={o.sha}>
              {o.name} ({o.sha.slice(0, 8)})
            </option>
          ))}
        </select>
      </div>
      {others.length === 0 && <p className="text-sm">Load another certificate to compare this one with it.</p>}
      {picked && (q.error ? <Failed error={q.error} /> : q.data ? <CompareView diffs={q.data} aLabel={name} bLabel={picked.name} /> : <Loading what="the comparison" />)}
    </div>
  );
}

export interface CertificateToolsProps {
  readonly certificate: { readonly sha256Hex: string; readonly subject: NameModel };
  readonly name: string;
  /** The chain shown for it, leaf → root (SHA-256s). */
  readonly pathShas: readonly string[];
  /** Other loaded certificates, for "Compare with…". */
  readonly others: readonly { readonly sha: string; readonly name: string }[];
  /** The loaded private key matching this certificate, when there is one (friendlyName: the one it had in a PKCS#12). */
  readonly privateKey: { readonly sha256: string; readonly description: string; readonly friendlyName?: string | null } | null;
}

type ToolTab = 'export' | 'asn1' | 'compare' | 'pkcs12';

function Pkcs12Tab({ certificate, name, pathShas, privateKey }: { readonly certificate: CertificateToolsProps['certificate']; readonly name: string; readonly pathShas: readonly string[]; readonly privateKey: NonNullable<CertificateToolsProps['privateKey']> }) {
  const chainShas = pathShas[0] === certificate.sha256Hex ? pathShas.slice(1) : pathShas;
  const write = (r: Pkcs12MakeRequest) => writePkcs12File({ ...r, certificateSha256: certificate.sha256Hex, privateKeySha256: privateKey.sha256, chainShas });
  return (
    <Suspense fallback={<Loading what="the PKCS#12 maker" />}>
      <Pkcs12MakeView certificateName={name} certificateCount={chainShas.length + 1} keyDescription={privateKey.description} defaultFriendlyName={privateKey.friendlyName ?? name} write={write} />
    </Suspense>
  );
}

/** Tabs of the certificate detail: Export, ASN.1 (lazy) and Compare with…. */
export function CertificateTools({ certificate, name, pathShas, others, privateKey }: CertificateToolsProps) {
  const [tab, setTab] = useState<ToolTab>('export');
  const keyExport = useMemo<PrivateKeyExport | undefined>(
    () => (privateKey ? { description: privateKey.description, loadPem: () => exportPrivateKeyPem(privateKey.sha256) } : undefined),
    [privateKey],
  );
  return (
    <section aria-label="Certificate tools" className="panel render-near-view p-4">
      <TabsView
        label="Certificate tools"
        selected={tab}
        onSelect={setTab}
        tabs={[
          { id: 'export', label: 'Export', content: <ExportTab key={certificate.sha256Hex} certificate={certificate} pathShas={pathShas} privateKeyExport={keyExport} /> },
          { id: 'asn1', label: 'ASN.1', content: <Asn1Tab sha={certificate.sha256Hex} /> },
          { id: 'compare', label: 'Compare with…', content: <CompareTab key={certificate.sha256Hex} sha={certificate.sha256Hex} name={name} others={others} /> },
          ...(privateKey ? [{ id: 'pkcs12' as const, label: 'PKCS#12', content: <Pkcs12Tab key={certificate.sha256Hex} certificate={certificate} name={name} pathShas={pathShas} privateKey={privateKey} /> }] : []),
        ]}
      />
    </section>
  );
}

/** The props DetailPane derives for CertificateTools from the session (view model + decoded inputs). */
export function certificateToolsProps(sha: string, name: string, rows: readonly OverviewRow[], decoded: readonly PageInput[], view: AnalysisViewModel | null): Omit<CertificateToolsProps, 'certificate'> {
  const tree = view?.forest.trees[sha];
  const pathIndex = view?.assessmentsOf(sha)?.[0]?.pathIndex ?? 0;
  const path = tree ? (tree.paths[pathIndex] ?? tree.paths[0]) : undefined;
  const pathShas = path ? path.links.map((l) => l.sha256) : [];
  const others = rows.flatMap((r) => (r.item.kind === 'certificate' && r.item.model.sha256Hex !== sha ? [{ sha: r.item.model.sha256Hex, name: r.title }] : []));
  let privateKey: CertificateToolsProps['privateKey'] = null;
  for (const [keySha, certSha] of view?.keyMatches ?? []) {
    if (certSha !== sha) continue;
    for (const input of decoded) {
      const key = input.privateKeys.find((k) => k.sha256Hex === keySha);
      if (!key) continue;
      const size = key.curve ?? (key.bits !== null ? `${key.bits}-bit` : '');
      privateKey = { sha256: keySha, description: `${key.algorithm} ${size} key from ${input.name}`.replace(/\s+/gu, ' '), friendlyName: key.friendlyName ?? null };
      break;
    }
    if (privateKey) break;
  }
  return { name, pathShas, others, privateKey };
}

// --- app-level tools -------------------------------------------------------------------------

export interface ErrorDecoderPaneProps {
  readonly nameOf: (sha256: string) => string;
  /** Changes with each analysis (react-query dataUpdatedAt); 0 when nothing was analysed. */
  readonly analysisStamp: number;
}

const SOURCE_LABEL: Record<NonNullable<DecodedErrorMatch['source']>, string> = {
  chrome: 'Chrome / Chromium',
  openssl: 'OpenSSL (nginx, curl, Python, Node)',
  go: 'Go crypto/x509',
  java: 'Java JSSE / PKIX',
  webpki: 'webpki (rustls, pyca/cryptography)',
};

/** "Paste an error message" → the checks it means, and which loaded certificates trigger them. */
export function ErrorDecoderPane({ nameOf, analysisStamp }: ErrorDecoderPaneProps) {
  const [text, setText] = useState('');
  const deferred = useDeferredValue(text);
  const q = useQuery(decodeErrorQueryOptions(deferred, analysisStamp));
  const matches: readonly ErrorDecoderMatch[] | null = q.data
    ? q.data.map((m) => ({
        code: m.code,
        title: FINDING_HELP[m.code]?.title ?? m.code,
        why: m.why,
        check: m.check,
        ...(m.source ? { source: SOURCE_LABEL[m.source] } : {}),
        ...(m.triggeredBy !== null ? { triggeredBy: m.triggeredBy.map(nameOf) } : {}),
      }))
    : null;
  return (
    <div className="panel p-4">
      <ErrorDecoderView text={text} onTextChange={setText} matches={matches} decodedText={q.data ? deferred : ''} />
      {q.error && <Failed error={q.error} />}
    </div>
  );
}

export interface MtlsPairPaneProps {
  readonly rows: readonly OverviewRow[];
  readonly view: AnalysisViewModel | null;
  readonly analysisStamp: number;
}

/**
 * The mTLS checklist for two loaded certificates: the pair the analysis found plausible (same
 * input, or the client's issuer loaded), or the two the person picks. Nothing is paired on its own otherwise.
 */
export function MtlsPairPane({ rows, view, analysisStamp }: MtlsPairPaneProps) {
  const id = useId();
  const leaves = rows.flatMap((r) => (r.item.kind === 'certificate' && !r.isCa ? [{ sha: r.item.model.sha256Hex, name: r.title }] : []));
  const [server, setServer] = useState<string | null>(null);
  const [client, setClient] = useState<string | null>(null);
  const automatic = view?.mtls ?? null;
  // The analysis' own pair's check: checked again with every verifier's answer when they were left for later.
  const automaticCheck = useAutomaticMtlsCheck(automatic, analysisStamp);
  const serverSha = server ?? automatic?.server ?? '';
  const clientSha = client ?? automatic?.client ?? '';
  const ready = view !== null && serverSha !== '' && clientSha !== '' && serverSha !== clientSha;
  // The analysis' own pair is shown as it is; anything else is asked for as picked.
  const isAutomatic = automatic !== null && automatic.server === serverSha && automatic.client === clientSha;
  const q = useQuery({ ...mtlsPairQueryOptions(serverSha, clientSha, analysisStamp), enabled: ready && !isAutomatic });
  const check = isAutomatic ? automaticCheck : (q.data ?? null);
  const picker = (role: 'server' | 'client', value: string, onChange: (sha: string) => void) => (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor={`${id}-${role}`} className="w-32 font-medium">
        {role === 'server' ? 'Server certificate' : 'Client certificate'}
      </label>
      <select id={`${id}-${role}`} className="field max-w-full" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose a certificate</option>
        {leaves.map((o) => (
          <option key={o.sha} value={o.sha}>
            {o.name} ({o.sha.slice(0, 8)})
          </option>
        ))}
      </select>
    </div>
  );
  if (leaves.length < 2) return <p className="panel p-4 text-sm">Load a server and a client certificate (end entities) to check them as a mutual TLS pair.</p>;
  return (
    <div className="space-y-3">
      <div className="panel space-y-2 p-4">
        {view !== null && automatic === null && server === null && client === null && (
          <p className="text-sm" role="status">
            No automatic pair: no client certificate here came in the same file as a server certificate, or has its issuer loaded. Pick the server and the client certificate to check them together.
          </p>
        )}
        {picker('server', serverSha, setServer)}
        {picker('client', clientSha, setClient)}
        {serverSha !== '' && serverSha === clientSha && <p className="text-sm">Pick two different certificates.</p>}
      </div>
      {ready && (!isAutomatic && q.error ? <Failed error={q.error} /> : check ? <MtlsPairView check={check} nameOf={(sha) => view.labelOf(sha).name} defaultOpen /> : <Loading what="the mTLS check" />)}
    </div>
  );
}
