import { useId, useState } from 'react';
import type { DiffStatus, FieldDiff } from '@/core/compare/index';
import { SafeText } from '../safe-text';

export interface CompareViewProps {
  /** From core/compare `compareCertificates(a, b)`. */
  readonly diffs: readonly FieldDiff[];
  /** Column headings for the two certificates (default "Certificate A" / "Certificate B"). */
  readonly aLabel?: string;
  readonly bLabel?: string;
}

const STATUS: Record<DiffStatus, { readonly text: string; readonly className: string }> = {
  same: { text: 'Same', className: 'bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300' },
  changed: { text: 'Changed', className: 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100' },
  added: { text: 'Only in B', className: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100' },
  removed: { text: 'Only in A', className: 'bg-rose-100 text-rose-900 dark:bg-rose-900/60 dark:text-rose-100' },
};

/** Field-by-field comparison table of two certificates; status is spelled out, never color alone. */
export function CompareView({ diffs, aLabel = 'Certificate A', bLabel = 'Certificate B' }: CompareViewProps) {
  const id = useId();
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const count = (s: DiffStatus): number => diffs.filter((d) => d.status === s).length;
  const shown = onlyDifferences ? diffs.filter((d) => d.status !== 'same') : diffs;
  const statusText = (s: DiffStatus): string => (s === 'added' ? `Only in ${bLabel}` : s === 'removed' ? `Only in ${aLabel}` : STATUS[s].text);
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2">
      <h3 id={`${id}-title`} className="section-title">
        Comparison
      </h3>
      <p className="text-sm" aria-live="polite">
        {count('changed')} changed, {count('added')} only in {bLabel}, {count('removed')} only in {aLabel}, {count('same')} the same.
      </p>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={onlyDifferences} onChange={(e) => setOnlyDifferences(e.target.checked)} />
        Only differences
      </label>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">
            Fields of {aLabel} and {bLabel}
          </caption>
          <thead>
            <tr className="border-b border-zinc-200 text-left dark:border-zinc-700">
              <th scope="col" className="py-1 pr-3">
                Field
              </th>
              <th scope="col" className="py-1 pr-3">
                {aLabel}
              </th>
              <th scope="col" className="py-1 pr-3">
                {bLabel}
              </th>
              <th scope="col" className="py-1">
                Status
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((d, i) => (
              <tr key={`${d.field}-${i}`} className="border-b border-zinc-100 align-top dark:border-zinc-800">
                <th scope="row" className="py-1 pr-3 text-left font-medium">
                  <SafeText value={d.field} max={120} />
                </th>
                <td className="max-w-[28rem] py-1 pr-3 break-words">{d.a === null ? <span className="text-zinc-500 dark:text-zinc-400">(absent)</span> : <SafeText value={d.a} max={300} />}</td>
                <td className="max-w-[28rem] py-1 pr-3 break-words">{d.b === null ? <span className="text-zinc-500 dark:text-zinc-400">(absent)</span> : <SafeText value={d.b} max={300} />}</td>
                <td className="py-1">
                  <span className={`rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${STATUS[d.status].className}`}>{statusText(d.status)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <p className="text-sm">No differences.</p>}
    </section>
  );
}

export default CompareView;
