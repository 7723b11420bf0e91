/**
 * The detail of the selected overview row. Loaded lazily (its own chunk): nothing here is needed
 * before the first input has been decoded, which keeps the first-load main-thread JS small.
 */
import { useDeferredValue, useId, useMemo, type ReactNode } from 'react';
import type { PageInput } from '@/worker/protocol';
import { CertificateView } from '@/ui/certificate-view';
import { ChainTreeView, type ChainCallbacks } from '@/ui/chain-forest-view';
import { commonNameOf } from '@/ui/format';
import { CrlView, CsrView, KeyView } from '@/ui/item-view';
import type { OverviewRow } from '@/ui/overview-rows';
import { Pkcs12View } from '@/ui/pkcs12-view';
import { findingElementId, SuitabilityView } from '@/ui/suitability-view';
import { VerifierMatrixView } from '@/ui/verifier-matrix-view';
import type { AnalysisViewModel } from './analysis-view-model';
import { useCertificateModel, useVerifierAnswers } from './queries';
import { CertificateTools, certificateToolsProps } from './tools-pane';

export interface DetailPaneProps {
  readonly row: OverviewRow;
  readonly rows: readonly OverviewRow[];
  readonly decoded: readonly PageInput[];
  readonly view: AnalysisViewModel | null;
  readonly analysisError: string | null;
  readonly at: string;
  readonly host: string | null;
  readonly chainCallbacks: ChainCallbacks;
}

/**
 * A query result of the certificate `sha`, deferred: a query's result reaches React as a blocking
 * update, and a deferred value lets the view that shows it render as interruptible work right
 * after. While the deferred value is still another certificate's, it is undefined (the view reads
 * as still loading, never shows the wrong certificate).
 */
function useDeferredFor<T>(sha: string, value: T | undefined): T | undefined {
  const latest = useMemo(() => ({ sha, value }), [sha, value]);
  const deferred = useDeferredValue(latest);
  return deferred.sha === sha ? deferred.value : undefined;
}

/**
 * The verdict per role and verifier, answer first, then the checklists. The full answers and the
 * findings (message, where each breaks) come from the Worker for this certificate only; the
 * posted analysis has only their codes.
 */
function SuitabilityPanes({ sha, view, host, chainCallbacks, idPrefix }: { readonly sha: string; readonly view: AnalysisViewModel; readonly host: string | null; readonly chainCallbacks: ChainCallbacks; readonly idPrefix: string }) {
  const posted = view.assessmentsOf(sha);
  const query = useVerifierAnswers(view.analysisId, sha);
  // Deferred: the matrix and the findings render as interruptible work.
  const answers = useDeferredFor(sha, query.data);
  if (!posted) return null;
  const full = answers?.findings;
  const findingCodes = new Map(posted.map((r) => [r.role, new Set<string>(r.findings.map((f) => f.code))]));
  return (
    <>
      <VerifierMatrixView
        key={sha}
        roles={posted}
        answers={answers ?? null}
        failure={query.error ? query.error.message : null}
        host={host}
        nameOf={(s) => chainCallbacks.labelOf(s).name}
        onTrustRoot={chainCallbacks.onTrust}
        findingId={(role, code) => (full && findingCodes.get(role)?.has(code) ? findingElementId(idPrefix, role, code) : null)}
      />
      {full ? (
        <SuitabilityView assessments={posted.map((r) => ({ ...r, findings: full[r.role as keyof typeof full] }))} host={host} idPrefix={idPrefix} />
      ) : (
        <p className="panel p-4 text-sm" role="status">
          {query.error ? `The checks could not be shown: ${query.error.message}` : 'Loading the checks…'}
        </p>
      )}
    </>
  );
}

/** A certificate's detail: the page lists summaries, so its full model comes from the engine first (a few milliseconds). */
function CertificateDetail({ sha, row, rows, decoded, view, analysisError, at, host, chainCallbacks, idPrefix, containers }: DetailPaneProps & { readonly sha: string; readonly idPrefix: string; readonly containers: readonly ReactNode[] }) {
  const model = useCertificateModel(sha);
  // Deferred: the certificate's whole view rendered in the query's update was one 60–120 ms task.
  const certificate = useDeferredFor(sha, model.data);
  if (!certificate) {
    return (
      <p className="panel p-4 text-sm" role="status">
        {model.error ? `This certificate could not be shown: ${model.error.message}` : 'Opening the certificate…'}
      </p>
    );
  }
  const assessed = view?.assessmentsOf(sha) != null;
  const tree = view?.forest.trees[sha];
  return (
    <CertificateView
      certificate={certificate}
      at={at}
      sources={row.sources}
      verdicts={view?.verdicts.get(row.key) ?? null}
      suitability={
        assessed && view ? (
          <SuitabilityPanes sha={sha} view={view} host={host} chainCallbacks={chainCallbacks} idPrefix={idPrefix} />
        ) : (
          <p className="panel p-4 text-sm" role="status">
            {analysisError ? `The analysis failed: ${analysisError}` : 'Evaluating suitability…'}
          </p>
        )
      }
      chain={
        tree ? (
          <section aria-label="Chain" className="panel render-near-view space-y-2 p-4">
            <h3 className="section-title">Chain</h3>
            <ChainTreeView tree={tree} {...chainCallbacks} />
          </section>
        ) : null
      }
      containers={containers}
      tools={<CertificateTools key={sha} certificate={certificate} {...certificateToolsProps(sha, row.title, rows, decoded, view)} />}
    />
  );
}

export default function DetailPane({ row, rows, decoded, view, analysisError, at, host, chainCallbacks }: DetailPaneProps) {
  const idPrefix = useId();
  const containers = decoded
    .filter((d) => d.pkcs12 && row.sources.includes(d.name))
    .map((d) =>
      d.pkcs12 ? (
        <div key={d.sha256Hex} className="panel p-4">
          <Pkcs12View
            name={d.name}
            pkcs12={d.pkcs12}
            privateKeys={d.privateKeys}
            certificateNames={view?.certificateNames ?? new Map(d.certificates.map((c) => [c.sha256Hex, commonNameOf(c.subject)]))}
            keyMatches={view?.keyMatches ?? new Map()}
            compatibility={d.pkcs12Compatibility}
          />
        </div>
      ) : null,
    );

  const item = row.item;
  switch (item.kind) {
    case 'certificate':
      return <CertificateDetail sha={item.model.sha256Hex} row={row} rows={rows} decoded={decoded} view={view} analysisError={analysisError} at={at} host={host} chainCallbacks={chainCallbacks} idPrefix={idPrefix} containers={containers} />;
    case 'csr':
      return <CsrView csr={item.model} sources={row.sources} />;
    case 'crl':
      return <CrlView crl={item.model} at={at} sources={row.sources} />;
    case 'private-key':
    case 'public-key': {
      const spki = item.kind === 'private-key' ? item.model.publicSpkiSha256Hex : item.model.publicKey.spkiSha256Hex;
      const matches = spki ? rows.filter((r) => r.item.kind === 'certificate' && r.item.model.publicKey.spkiSha256Hex === spki).map((r) => r.title) : [];
      return (
        <KeyView
          privateKey={item.kind === 'private-key' ? item.model : undefined}
          publicKey={item.kind === 'public-key' ? item.model : undefined}
          matches={matches}
          sources={row.sources}
          containers={containers}
        />
      );
    }
  }
}
