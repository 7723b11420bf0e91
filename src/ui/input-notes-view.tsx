import type { DecodeWarning, InputNote } from '@/core/model';
import { plural } from './format';
import { SafeText } from './safe-text';

interface Warned {
  readonly sha256Hex: string;
  readonly decodeWarnings?: readonly DecodeWarning[];
}

/** The parts of a decoded input this view reads (a DecodedInput, or the page's lighter copy of one). */
export interface InputNotesSource {
  readonly notes?: readonly InputNote[];
  readonly certificates: readonly Warned[];
  readonly csrs: readonly Warned[];
  readonly crls: readonly Warned[];
}

export interface InputNotesViewProps {
  readonly name: string;
  readonly decoded: InputNotesSource;
}

/** Decode warnings of the input's items, counted by code (the items' own views list them in full). */
function warningSummary(d: InputNotesSource): { items: string[]; codes: [string, number][] } | null {
  const codes = new Map<string, number>();
  const items: string[] = [];
  const count = (kind: string, list: readonly Warned[]): void => {
    const warned = list.filter((x) => (x.decodeWarnings?.length ?? 0) > 0);
    if (warned.length === 0) return;
    items.push(plural(warned.length, kind));
    for (const x of warned) for (const w of x.decodeWarnings ?? []) codes.set(w.code, (codes.get(w.code) ?? 0) + 1);
  };
  count('certificate', d.certificates);
  count('CSR', d.csrs);
  count('CRL', d.crls);
  return items.length ? { items, codes: [...codes.entries()] } : null;
}

/**
 * What an input's reading left to say without failing it: notes (a PEM block with a label nothing
 * reads, an empty bundle block, …) and how many of its items were read leniently, with which
 * decode-warning codes. Plain text only.
 */
export function InputNotesView({ name, decoded }: InputNotesViewProps) {
  const notes = decoded.notes ?? [];
  const warnings = warningSummary(decoded);
  if (notes.length === 0 && !warnings) return null;
  return (
    <div className="mt-1 space-y-1">
      {notes.length > 0 && (
        <ul className="space-y-1" aria-label={`Notes on ${name}`}>
          {notes.map((n, i) => (
            <li key={i} className="rounded border border-sky-200 bg-sky-50 px-2 py-1 text-xs text-sky-950 dark:border-sky-900 dark:bg-sky-950/60 dark:text-sky-100">
              <span className="font-semibold">Note</span>: <SafeText value={n.message} />
              {n.location?.pemBlock !== undefined && <span className="text-sky-800 dark:text-sky-300"> (PEM block {n.location.pemBlock})</span>}
            </li>
          ))}
        </ul>
      )}
      {warnings && (
        <p className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-950 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100" aria-label={`Decode warnings in ${name}`}>
          <span className="font-semibold">Read leniently</span>: {warnings.items.join(', ')} with decode warnings (
          {warnings.codes.map(([code, k], i) => (
            <span key={code}>
              {i > 0 ? ', ' : ''}
              <span className="font-mono">{code}</span>
              {k > 1 ? ` ×${k}` : ''}
            </span>
          ))}
          ); each item lists where and which parsers refuse it.
        </p>
      )}
    </div>
  );
}
