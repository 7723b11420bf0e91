/**
 * The overview of a large session: what is in it at a glance (counts by kind, expiry and which
 * verifier refuses), and the list filtered and sorted by what a person is looking for.
 * Pure functions over rows and verdicts, so the UI only renders.
 */
import type { VerifierId } from '@/core/verify/types';
import type { Verdict } from './badges';
import type { OverviewRow, RowVerdicts } from './overview-rows';

export type RowClass = 'certificate' | 'ca' | 'csr' | 'crl' | 'key';
export type TimeState = 'expired' | 'expiring' | 'not-yet-valid' | 'valid';
export type SortKey = 'loaded' | 'name' | 'expiry' | 'verdict' | 'kind';
/** Verdict filters, per role. */
export type VerdictFilter = 'server-unsuitable' | 'client-unsuitable' | 'server-warnings' | 'server-suitable';

export interface OverviewFilter {
  readonly text: string;
  readonly kind: RowClass | null;
  readonly time: 'expired' | 'expiring' | null;
  readonly verdict: VerdictFilter | null;
  /** Refused by this verifier in either role. */
  readonly refusedBy: VerifierId | null;
  readonly inputErrors: boolean;
}

export const NO_FILTER: OverviewFilter = { text: '', kind: null, time: null, verdict: null, refusedBy: null, inputErrors: false };

/** "Expiring" means within this many days of the evaluation time. */
export const EXPIRING_DAYS = 30;
const DAY_MS = 86_400_000;

export function rowClass(row: OverviewRow): RowClass {
  const kind = row.item.kind;
  if (kind === 'certificate') return row.isCa ? 'ca' : 'certificate';
  if (kind === 'private-key' || kind === 'public-key') return 'key';
  return kind;
}

/** A row's validity as epoch milliseconds, parsed once per row (sorting and counting 10,000 rows asked for it again and again). */
const validityTimes = new WeakMap<NonNullable<OverviewRow['validity']>, readonly [number, number]>();
function timesOf(validity: NonNullable<OverviewRow['validity']>): readonly [number, number] {
  let t = validityTimes.get(validity);
  if (!t) {
    t = [Date.parse(validity.notBefore), Date.parse(validity.notAfter)];
    validityTimes.set(validity, t);
  }
  return t;
}

let lastAt = '';
let lastNow = NaN;
function nowOf(at: string): number {
  if (at !== lastAt) {
    lastAt = at;
    lastNow = Date.parse(at);
  }
  return lastNow;
}

export function timeState(row: OverviewRow, at: string): TimeState | null {
  if (!row.validity) return null;
  const now = nowOf(at);
  const [notBefore, notAfter] = timesOf(row.validity);
  if (now > notAfter) return 'expired';
  if (now < notBefore) return 'not-yet-valid';
  return notAfter - now <= EXPIRING_DAYS * DAY_MS ? 'expiring' : 'valid';
}

export interface SessionSummary {
  readonly total: number;
  readonly byClass: Readonly<Record<RowClass, number>>;
  readonly expired: number;
  readonly expiring: number;
  readonly inputErrors: number;
  /** Per verifier, how many certificates it refuses in at least one role (only verifiers refusing something). */
  readonly refusedBy: ReadonlyMap<VerifierId, number>;
}

/** The counts that do not depend on the verdicts: made once per list and time, not again as verifier answers come in. */
export function countRows(rows: readonly OverviewRow[], at: string): Omit<SessionSummary, 'refusedBy'> {
  const byClass: Record<RowClass, number> = { certificate: 0, ca: 0, csr: 0, crl: 0, key: 0 };
  let expired = 0;
  let expiring = 0;
  let inputErrors = 0;
  for (const row of rows) {
    byClass[rowClass(row)]++;
    const t = timeState(row, at);
    if (t === 'expired') expired++;
    else if (t === 'expiring') expiring++;
    if (row.inputErrors) inputErrors++;
  }
  return { total: rows.length, byClass, expired, expiring, inputErrors };
}

/**
 * Per verifier, the rows it refuses in at least one role. Rows with the same results share one
 * verdicts object (src/app/analysis-view-model.ts), so each distinct one is counted through once.
 */
export function countRefusals(rows: readonly OverviewRow[], verdicts: ReadonlyMap<string, RowVerdicts> | null): ReadonlyMap<VerifierId, number> {
  const refusedBy = new Map<VerifierId, number>();
  if (!verdicts) return refusedBy;
  const rowsWith = new Map<RowVerdicts, number>();
  for (const row of rows) {
    const v = verdicts.get(row.key);
    if (v) rowsWith.set(v, (rowsWith.get(v) ?? 0) + 1);
  }
  for (const [v, n] of rowsWith) {
    for (const id of v.refusing.tlsServer) refusedBy.set(id, (refusedBy.get(id) ?? 0) + n);
    for (const id of v.refusing.tlsClient) if (!v.refusing.tlsServer.includes(id)) refusedBy.set(id, (refusedBy.get(id) ?? 0) + n);
  }
  return refusedBy;
}

export function summarize(rows: readonly OverviewRow[], verdicts: ReadonlyMap<string, RowVerdicts> | null, at: string): SessionSummary {
  return { ...countRows(rows, at), refusedBy: countRefusals(rows, verdicts) };
}

function refusingEither(v: RowVerdicts): Set<VerifierId> {
  return new Set([...v.refusing.tlsServer, ...v.refusing.tlsClient]);
}

function verdictMatches(filter: VerdictFilter, v: RowVerdicts | undefined): boolean {
  if (!v) return false;
  switch (filter) {
    case 'server-unsuitable':
      return v.tlsServer === 'unsuitable';
    case 'client-unsuitable':
      return v.tlsClient === 'unsuitable';
    case 'server-warnings':
      return v.tlsServer === 'warnings';
    case 'server-suitable':
      return v.tlsServer === 'suitable';
  }
}

export function filterRows(rows: readonly OverviewRow[], verdicts: ReadonlyMap<string, RowVerdicts> | null, at: string, f: OverviewFilter): readonly OverviewRow[] {
  const q = f.text.trim().toLowerCase();
  if (!q && f.kind === null && f.time === null && f.verdict === null && f.refusedBy === null && !f.inputErrors) return rows;
  return rows.filter((row) => {
    if (f.kind !== null && rowClass(row) !== f.kind) return false;
    if (f.time !== null && timeState(row, at) !== f.time) return false;
    if (f.inputErrors && !row.inputErrors) return false;
    const v = verdicts?.get(row.key);
    if (f.verdict !== null && !verdictMatches(f.verdict, v)) return false;
    if (f.refusedBy !== null && !(v && refusingEither(v).has(f.refusedBy))) return false;
    if (q && !(row.title.toLowerCase().includes(q) || row.subtitle.toLowerCase().includes(q) || row.sources.some((s) => s.toLowerCase().includes(q)))) return false;
    return true;
  });
}

const VERDICT_RANK: Record<Verdict, number> = { unsuitable: 0, warnings: 1, suitable: 2 };
const CLASS_RANK: Record<RowClass, number> = { ca: 0, certificate: 1, csr: 2, crl: 3, key: 4 };

/**
 * One collator for every name comparison: `localeCompare` with options sets one up per call, and
 * sorting 10,000 rows by name took 60–90 ms that way (in Node; the page is slower).
 */
const NAME_ORDER = new Intl.Collator('en', { sensitivity: 'base' });

export function sortRows(rows: readonly OverviewRow[], verdicts: ReadonlyMap<string, RowVerdicts> | null, key: SortKey): readonly OverviewRow[] {
  if (key === 'loaded') return rows;
  // Stable: ties keep the loaded order.
  if (key === 'name') {
    const indexed = rows.map((row, i) => ({ row, i }));
    indexed.sort((a, b) => NAME_ORDER.compare(a.row.title, b.row.title) || a.i - b.i);
    return indexed.map((x) => x.row);
  }
  // The other orders are by a number per row, worked out once per row rather than in every comparison.
  const rankOf: Record<Exclude<SortKey, 'loaded' | 'name'>, (row: OverviewRow) => number> = {
    // Soonest expiry first; items without dates last.
    expiry: (row) => (row.validity ? timesOf(row.validity)[1] : Infinity),
    // Worst first: server verdict, then client verdict; items without verdicts last.
    verdict: (row) => {
      const v = verdicts?.get(row.key);
      return v ? VERDICT_RANK[v.tlsServer] * 3 + VERDICT_RANK[v.tlsClient] : 99;
    },
    kind: (row) => CLASS_RANK[rowClass(row)],
  };
  const rank = rankOf[key];
  const ranked = rows.map((row, i) => ({ row, i, rank: rank(row) }));
  // Infinity − Infinity is NaN, read as a tie.
  ranked.sort((a, b) => a.rank - b.rank || a.i - b.i);
  return ranked.map((x) => x.row);
}
