/**
 * A built-in (Mozilla) root opened from a chain: the same detail view as a loaded certificate.
 * The page never holds the root store; the Worker sends the one root asked for, by SHA-256.
 * Loaded lazily, like the detail pane.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PageInput } from '@/worker/protocol';
import { CertificateView } from '@/ui/certificate-view';
import type { OverviewRow } from '@/ui/overview-rows';
import { engineClient } from '@/worker/client';
import type { AnalysisViewModel } from './analysis-view-model';
import { CertificateTools, certificateToolsProps } from './tools-pane';

export function builtinRootQueryOptions(sha256: string) {
  return queryOptions({
    queryKey: ['builtinRoot', sha256] as const,
    queryFn: async () => (await engineClient().tool({ type: 'builtinRoot', sha256 }, 'builtinRoot')).certificate,
    staleTime: Infinity,
  });
}

export interface BuiltinRootPaneProps {
  readonly sha256: string;
  readonly at: string;
  readonly rows: readonly OverviewRow[];
  readonly decoded: readonly PageInput[];
  readonly view: AnalysisViewModel | null;
  /** Back to the selected overview row. */
  readonly onClose: () => void;
}

export default function BuiltinRootPane({ sha256, at, rows, decoded, view, onClose }: BuiltinRootPaneProps) {
  const q = useQuery(builtinRootQueryOptions(sha256));
  const back = (
    <button type="button" className="btn-small" onClick={onClose}>
      Back to the selected item
    </button>
  );
  if (q.error || q.data === null) {
    return (
      <div className="panel space-y-2 p-4 text-sm">
        <p role="alert">{q.error ? `The built-in root could not be read: ${q.error.message}` : 'This certificate is not in the built-in root store.'}</p>
        {back}
      </div>
    );
  }
  const root = q.data;
  if (!root) {
    return (
      <p className="panel p-4 text-sm" role="status">
        Loading the built-in root…
      </p>
    );
  }
  const name = view?.labelOf(sha256).name ?? root.subject.rfc4514;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2 text-sm">{back}</div>
      <CertificateView
        certificate={root}
        at={at}
        sources={['Built-in root store (Mozilla, as bundled with Node.js); not one of your files']}
        verdicts={null}
        suitability={
          <section aria-label="Built-in root" className="panel space-y-1 p-4 text-sm">
            <h3 className="section-title">Built-in root</h3>
            <p>
              A trust anchor of the built-in (Mozilla) root store: a chain that ends here is publicly trusted by clients that use a default trust store. A root is not judged for the TLS
              server or client role; the certificates it issued are.
            </p>
          </section>
        }
        tools={<CertificateTools key={sha256} certificate={root} {...certificateToolsProps(sha256, name, rows, decoded, view)} />}
      />
    </div>
  );
}
