/**
 * Big results cross the Worker boundary in parts (protocol.ts PartMessage): the Worker splits a
 * result's long lists off (splitResult) and the client puts them back (assembleParts). Pure
 * functions, so both directions are tested without a Worker.
 */
import { PART_ITEMS, type PageInput, type PartField, type PostedAnalysis, type WorkerResult } from './protocol';

export interface SplitResult {
  /** The long lists, in parts of at most `size` items, in order. */
  readonly parts: readonly { readonly field: PartField; readonly items: readonly unknown[] }[];
  /** The result with those lists empty. */
  readonly rest: WorkerResult;
}

function partsOf(field: PartField, items: readonly unknown[], size: number): { field: PartField; items: readonly unknown[] }[] {
  const out: { field: PartField; items: readonly unknown[] }[] = [];
  for (let i = 0; i < items.length; i += size) out.push({ field, items: items.slice(i, i + size) });
  return out;
}

/** Splits the long lists off a decoded input or an analysis with more than `size` certificates; anything else is left whole. */
export function splitResult(result: WorkerResult, size: number = PART_ITEMS): SplitResult {
  if (result.kind === 'decoded' && result.input.certificates.length > size) {
    return { parts: partsOf('input.certificates', result.input.certificates, size), rest: { ...result, input: { ...result.input, certificates: [] } } };
  }
  if (result.kind === 'analyzed' && result.analysis.certificates.length > size) {
    const { analysis } = result;
    return {
      parts: [...partsOf('analysis.certificates', analysis.certificates, size), ...partsOf('analysis.forest.trees', Object.entries(analysis.forest.trees), size)],
      rest: { ...result, analysis: { ...analysis, certificates: [], forest: { ...analysis.forest, trees: {} } } },
    };
  }
  return { parts: [], rest: result };
}

/** The result with its long lists put back from their parts (each field's items concatenated in arrival order). */
export function assembleParts(result: WorkerResult, parts: ReadonlyMap<PartField, readonly unknown[]> | undefined): WorkerResult {
  if (!parts || parts.size === 0) return result;
  if (result.kind === 'decoded') {
    const certificates = parts.get('input.certificates') as PageInput['certificates'] | undefined;
    return certificates ? { ...result, input: { ...result.input, certificates } } : result;
  }
  if (result.kind === 'analyzed') {
    const certificates = parts.get('analysis.certificates') as PostedAnalysis['certificates'] | undefined;
    const trees = parts.get('analysis.forest.trees') as [string, PostedAnalysis['forest']['trees'][string]][] | undefined;
    const { analysis } = result;
    return {
      ...result,
      analysis: {
        ...analysis,
        ...(certificates ? { certificates } : {}),
        ...(trees ? { forest: { ...analysis.forest, trees: Object.fromEntries(trees) } } : {}),
      },
    };
  }
  return result;
}
