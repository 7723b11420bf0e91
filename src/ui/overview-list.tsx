import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useDeferredValue, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { VerifierId } from '@/core/verify/types';
import { formatCount, plural } from './format';
import { countRefusals, countRows, EXPIRING_DAYS, filterRows, NO_FILTER, sortRows, type OverviewFilter, type RowClass, type SortKey, type VerdictFilter } from './overview-query';
import { Badge, PurposeBadge, ValidityBadge, VERDICT_TEXT, VerdictBadge } from './badges';
import { describePurpose, describeValidity, escapeForDisplay, truncateCodePoints } from './format';
import type { OverviewRow, RowVerdicts } from './overview-rows';
import { SafeLine } from './safe-text';
import { observeRectLater, scrollLater } from './virtual-rect';
import { orderVerifiers, verifierNames } from './verifier-labels';

/** How far the verifiers' answers are in a big session: certificates with their answers, of all, and why the engine stopped short. */
export interface AnswersProgress {
  readonly answered: number;
  readonly of: number;
  readonly failure: string | null;
}

export interface OverviewListProps {
  readonly rows: readonly OverviewRow[];
  readonly verdicts: ReadonlyMap<string, RowVerdicts> | null;
  /** Null once every verifier has answered for every certificate (the "refused by" counts are final). */
  readonly answersPending?: AnswersProgress | null;
  readonly selectedKey: string | null;
  readonly onSelect: (key: string) => void;
  /** Evaluation time (ISO). */
  readonly at: string;
}

const ROW_HEIGHT = 64;
const MAX_HEIGHT = ROW_HEIGHT * 7;
/** Lists up to this long are rendered whole. */
const WHOLE_LIST = 24;

/** The list box's height: its rows', up to seven. */
function listHeight(count: number): number {
  return Math.max(ROW_HEIGHT, Math.min(MAX_HEIGHT, count * ROW_HEIGHT));
}

const KIND_LABEL = {
  certificate: 'Certificate',
  csr: 'CSR',
  crl: 'CRL',
  'private-key': 'Private key',
  'public-key': 'Public key',
} as const;

/**
 * Everything loaded, one row each, virtualized (10,000 rows scroll smoothly). It is a listbox:
 * Tab focuses it, arrows/Home/End/PageUp/PageDown move the selection, which opens the detail.
 */
const TLS_PURPOSES = new Set(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);

/** A CA certificate with no TLS purpose of its own: it signs; the roles are judged on its leaves. */
function issuerOnly(row: OverviewRow): boolean {
  return row.item.kind === 'certificate' && row.isCa && !(row.purposes ?? []).some((p) => TLS_PURPOSES.has(p.oid));
}

/** Which verifiers refuse, when some do and others do not (when all refuse, the verdict says so). */
function shownRefusals(verdict: RowVerdicts['tlsServer'], ids: readonly string[]): string[] {
  return verdict === 'unsuitable' ? [] : orderVerifiers(ids);
}

function refusedBy(v: RowVerdicts, role: 'tlsServer' | 'tlsClient'): string {
  const ids = shownRefusals(v[role], v.refusing[role]);
  return ids.length > 0 ? ` (refused by ${verifierNames(ids, 'and')})` : '';
}

/** "✗ Go, Java": the verifiers that refuse this role, at a glance (a count on narrow screens). */
function RefusingChip({ verdict, ids }: { readonly verdict: RowVerdicts['tlsServer']; readonly ids: readonly string[] }) {
  const shown = shownRefusals(verdict, ids);
  if (shown.length === 0) return null;
  return (
    <Badge tone="bad" title={`Refused by ${verifierNames(shown, 'and')}`} className="rounded-l-none border-l-0">
      <span aria-hidden="true">✗</span>
      <span className="hidden sm:inline">{verifierNames(shown)}</span>
      <span className="sm:hidden">{shown.length}</span>
    </Badge>
  );
}

const CLASS_ORDER: readonly RowClass[] = ['certificate', 'ca', 'csr', 'crl', 'key'];
const CLASS_LABEL: Record<RowClass, string> = { certificate: 'certificate', ca: 'CA certificate', csr: 'CSR', crl: 'CRL', key: 'key' };

/**
 * The session's counts, each a filter. Its own component: counting 10,000 rows is its own slice of
 * an interruptible render, not part of the list's.
 */
const SummaryBar = memo(function SummaryBar({ rows, verdicts, at, filter, toggle }: { readonly rows: readonly OverviewRow[]; readonly verdicts: ReadonlyMap<string, RowVerdicts> | null; readonly at: string; readonly filter: OverviewFilter; readonly toggle: <K extends keyof OverviewFilter>(key: K, value: OverviewFilter[K]) => void }) {
  // Two parts: as verifier answers come in, only the refusals are counted again.
  const counts = useMemo(() => countRows(rows, at), [rows, at]);
  const refusedBy = useMemo(() => countRefusals(rows, verdicts), [rows, verdicts]);
  const summary = { ...counts, refusedBy };
  return (
    <div role="group" aria-label="Session summary: show only" className="flex flex-wrap gap-1 text-xs">
      {CLASS_ORDER.filter((c) => summary.byClass[c] > 0).map((c) => (
        <SummaryToggle key={c} pressed={filter.kind === c} onClick={() => toggle('kind', c)}>
          {plural(summary.byClass[c], CLASS_LABEL[c])}
        </SummaryToggle>
      ))}
      {summary.expired > 0 && (
        <SummaryToggle tone="bad" pressed={filter.time === 'expired'} onClick={() => toggle('time', 'expired')}>
          {formatCount(summary.expired)} expired
        </SummaryToggle>
      )}
      {summary.expiring > 0 && (
        <SummaryToggle tone="warn" pressed={filter.time === 'expiring'} onClick={() => toggle('time', 'expiring')}>
          {formatCount(summary.expiring)} expiring within {EXPIRING_DAYS} days
        </SummaryToggle>
      )}
      {summary.inputErrors > 0 && (
        <SummaryToggle tone="warn" pressed={filter.inputErrors} onClick={() => toggle('inputErrors', true)}>
          {formatCount(summary.inputErrors)} from inputs with errors
        </SummaryToggle>
      )}
      {orderVerifiers([...summary.refusedBy.keys()]).map((verifier) => (
        <SummaryToggle key={verifier} tone="bad" pressed={filter.refusedBy === verifier} onClick={() => toggle('refusedBy', verifier as VerifierId)}>
          {formatCount(summary.refusedBy.get(verifier as VerifierId) ?? 0)} refused by {verifierNames([verifier])}
        </SummaryToggle>
      ))}
    </div>
  );
});

/** While the verifiers answer a big session in the background: their counts above are not final yet. */
function AnswersPendingNote({ progress }: { readonly progress: AnswersProgress }) {
  if (progress.failure !== null) {
    return (
      <p role="alert" className="text-xs text-red-700 dark:text-red-300">
        The verifiers answered for {formatCount(progress.answered)} of {formatCount(progress.of)} certificates, then stopped: {progress.failure} The &ldquo;refused by&rdquo; counts leave the others out; open a certificate to see its answers.
      </p>
    );
  }
  return (
    <p role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
      Verifier answers for {formatCount(progress.answered)} of {formatCount(progress.of)} certificates so far; the &ldquo;refused by&rdquo; counts grow as the rest come in.
    </p>
  );
}

/** A count in the summary bar that filters the list to what it counts. */
function SummaryToggle({ pressed, onClick, tone = 'neutral', children }: { readonly pressed: boolean; readonly onClick: () => void; readonly tone?: 'neutral' | 'warn' | 'bad'; readonly children: ReactNode }) {
  const toneClass = {
    neutral: 'border-zinc-300 dark:border-zinc-600',
    warn: 'border-amber-400 dark:border-amber-700',
    bad: 'border-red-400 dark:border-red-800',
  }[tone];
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className={`rounded-full border px-2 py-0.5 ${toneClass} ${pressed ? 'bg-indigo-600 text-white dark:bg-indigo-500 dark:text-zinc-950' : 'bg-white hover:bg-zinc-50 dark:bg-zinc-900 dark:hover:bg-zinc-800'}`}
    >
      {children}
    </button>
  );
}

interface OverviewRowProps {
  readonly row: OverviewRow;
  readonly optionId: string;
  readonly index: number;
  readonly setSize: number;
  readonly top: number;
  readonly selected: boolean;
  readonly rowVerdicts: RowVerdicts | undefined;
  readonly at: string;
  readonly onSelect: (key: string) => void;
}

/**
 * One row of the overview. Memoised: scrolling renders the list on every frame, and only the rows
 * that come into view need rendering, not the twenty already shown.
 */
const OverviewRowView = memo(function OverviewRowView({ row, optionId, index, setSize, top, selected, rowVerdicts, at, onSelect }: OverviewRowProps) {
  const validity = row.validity ? describeValidity(row.validity.notBefore, row.validity.notAfter, at) : null;
  const kind = row.isCa ? 'CA' : KIND_LABEL[row.item.kind];
  const label = [
    row.title === kind ? kind : `${kind} ${escapeForDisplay(truncateCodePoints(row.title, 120).text)}`,
    escapeForDisplay(truncateCodePoints(row.subtitle, 120).text),
    validity?.label,
    row.keyText,
    row.purposes?.map((p) => describePurpose(p.oid, p.name).badge).join(', '),
    issuerOnly(row)
      ? 'CA certificate: roles are judged on the certificates it issues'
      : row.item.kind === 'certificate' && rowVerdicts
        ? `TLS server: ${VERDICT_TEXT[rowVerdicts.tlsServer].label}${refusedBy(rowVerdicts, 'tlsServer')}, TLS client: ${VERDICT_TEXT[rowVerdicts.tlsClient].label}${refusedBy(rowVerdicts, 'tlsClient')}`
        : undefined,
  ]
    .filter(Boolean)
    .join('; ');
  return (
    <div
      id={optionId}
      role="option"
      data-certificate-row={row.item.kind === 'certificate' ? '' : undefined}
      aria-selected={selected}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      aria-label={label}
      onClick={() => onSelect(row.key)}
      className={`absolute inset-x-0 flex cursor-pointer flex-col justify-center gap-1 overflow-hidden border-b border-zinc-100 px-3 text-sm dark:border-zinc-800 ${
        selected ? 'bg-indigo-50 shadow-[inset_3px_0_0_var(--color-indigo-600)] dark:bg-indigo-950/60' : 'hover:bg-zinc-50 dark:hover:bg-zinc-800/50'
      }`}
      style={{ top, height: ROW_HEIGHT }}
    >
      <div className="flex min-w-0 items-center gap-2">
        <span className="shrink-0 text-xs text-zinc-600 dark:text-zinc-400">{kind}</span>
        <span className="min-w-0 flex-1 truncate font-medium">
          <SafeLine value={row.title} />
        </span>
        {issuerOnly(row) ? (
          <Badge tone="neutral">CA · signs certificates</Badge>
        ) : row.item.kind === 'certificate' && (
          <span className="flex shrink-0 gap-1.5">
            {(['tlsServer', 'tlsClient'] as const).map((role) => (
              <span key={role} className="flex">
                <VerdictBadge role={role} verdict={rowVerdicts?.[role] ?? null} compact className={rowVerdicts && shownRefusals(rowVerdicts[role], rowVerdicts.refusing[role]).length > 0 ? 'rounded-r-none' : ''} />
                {rowVerdicts && <RefusingChip verdict={rowVerdicts[role]} ids={rowVerdicts.refusing[role]} />}
              </span>
            ))}
          </span>
        )}
      </div>
      <div className="flex min-w-0 items-center gap-2 overflow-hidden text-xs text-zinc-600 dark:text-zinc-400">
        {validity && <ValidityBadge validity={validity} />}
        {row.keyText && <span className="shrink-0">{row.keyText}</span>}
        {row.item.kind === 'certificate' && row.purposes === null && !row.isCa && <Badge tone="neutral">No EKU</Badge>}
        {row.purposes?.map((p) => <PurposeBadge key={p.oid} oid={p.oid} registeredName={p.name} />)}
        <span className="min-w-0 truncate">
          <SafeLine value={row.subtitle} />
        </span>
      </div>
    </div>
  );
});

/** Memoised: with deferred rows, an urgent render of the page leaves this list alone. */
export const OverviewList = memo(OverviewListView);

function OverviewListView({ rows, verdicts, answersPending = null, selectedKey, onSelect, at }: OverviewListProps) {
  const id = useId();
  const [filter, setFilter] = useState<OverviewFilter>(NO_FILTER);
  const [sort, setSort] = useState<SortKey>('loaded');
  const deferredFilter = useDeferredValue(filter);
  const shown = useMemo(() => sortRows(filterRows(rows, verdicts, at, deferredFilter), verdicts, sort), [rows, verdicts, at, deferredFilter, sort]);
  const filtered = filter !== NO_FILTER;
  const toggle = useCallback(<K extends keyof OverviewFilter>(key: K, value: OverviewFilter[K]) => setFilter((f) => ({ ...f, [key]: f[key] === value ? NO_FILTER[key] : value })), []);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // A short list is rendered whole (the browser's find-in-page sees every row); a long one keeps
    // three rows beyond the view: a jump or fast scroll renders each frame's new rows, and eight
    // either side made scrolling 10,000 rows miss frames.
    overscan: shown.length <= WHOLE_LIST ? WHOLE_LIST : 3,
    observeElementRect: observeRectLater,
    scrollToFn: scrollLater,
    initialRect: { width: 0, height: listHeight(shown.length) },
  });
  // Memoised, like the rows: a scroll renders this list once a frame, and these walk every row.
  const selectedIndex = useMemo(() => (selectedKey ? shown.findIndex((r) => r.key === selectedKey) : -1), [shown, selectedKey]);
  const certificateCount = useMemo(() => (verdicts ? rows.filter((r) => r.item.kind === 'certificate' && verdicts.has(r.key)).length : 0), [rows, verdicts]);

  const move = (index: number) => {
    const clamped = Math.max(0, Math.min(shown.length - 1, index));
    const row = shown[clamped];
    if (!row) return;
    onSelect(row.key);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor(MAX_HEIGHT / ROW_HEIGHT) - 1);
    const from = selectedIndex < 0 ? -1 : selectedIndex;
    const next: Record<string, number> = {
      ArrowDown: from + 1,
      ArrowUp: from < 0 ? 0 : from - 1,
      Home: 0,
      End: shown.length - 1,
      PageDown: from + page,
      PageUp: from - page,
    };
    const target = next[e.key];
    if (target === undefined) return;
    e.preventDefault();
    move(target);
  };

  const height = listHeight(shown.length);
  const activeId = selectedIndex >= 0 ? `${id}-opt-${selectedIndex}` : undefined;

  return (
    <section
      aria-labelledby={`${id}-h`}
      className="panel"
      // How many certificates are listed with their verdicts: read by `npm run bench` to time a full render.
      data-certificate-count={certificateCount}
      // Certificates still waiting for their verifiers' answers (0 when all are in): read by the bench and the end-to-end tests.
      data-answers-pending={answersPending ? answersPending.of - answersPending.answered : 0}
    >
      <div className="space-y-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
        <div className="flex flex-wrap items-center gap-2">
          <h2 id={`${id}-h`} className="section-title">
            Overview <span className="font-normal text-zinc-500 dark:text-zinc-400">({formatCount(rows.length)})</span>
          </h2>
          {filtered && (
            <span className="text-xs text-zinc-600 dark:text-zinc-400" role="status">
              showing {formatCount(shown.length)}
              <button type="button" className="btn-small ml-2" onClick={() => setFilter(NO_FILTER)}>
                Clear filters
              </button>
            </span>
          )}
          <label htmlFor={`${id}-filter`} className="sr-only">
            Filter the overview
          </label>
          <input
            id={`${id}-filter`}
            type="search"
            placeholder="Filter by name or file"
            value={filter.text}
            onChange={(e) => {
              const text = e.target.value;
              setFilter((f) => ({ ...f, text }));
            }}
            className="field ml-auto w-full max-w-64 py-0.5"
          />
        </div>
        {rows.length > 1 && (
          <>
            <SummaryBar rows={rows} verdicts={verdicts} at={at} filter={filter} toggle={toggle} />
            {answersPending && <AnswersPendingNote progress={answersPending} />}
            <div className="flex flex-wrap items-center gap-3 text-xs">
              <span className="flex items-center gap-1">
                <label htmlFor={`${id}-sort`}>Sort by</label>
                <select id={`${id}-sort`} className="field py-0.5" value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
                  <option value="loaded">order loaded</option>
                  <option value="name">name</option>
                  <option value="expiry">expiry (soonest first)</option>
                  <option value="verdict">verdict (worst first)</option>
                  <option value="kind">kind</option>
                </select>
              </span>
              <span className="flex items-center gap-1">
                <label htmlFor={`${id}-verdict`}>Verdict</label>
                <select
                  id={`${id}-verdict`}
                  className="field py-0.5"
                  value={filter.verdict ?? ''}
                  onChange={(e) => {
                    const verdict = (e.target.value || null) as VerdictFilter | null;
                    setFilter((f) => ({ ...f, verdict }));
                  }}
                >
                  <option value="">any</option>
                  <option value="server-unsuitable">unsuitable as TLS server</option>
                  <option value="server-warnings">TLS server with warnings</option>
                  <option value="server-suitable">suitable as TLS server</option>
                  <option value="client-unsuitable">unsuitable as TLS client</option>
                </select>
              </span>
            </div>
          </>
        )}
      </div>
      {shown.length === 0 ? (
        <p className="p-3 text-sm text-zinc-600 dark:text-zinc-400">{rows.length === 0 ? 'Load a file to see its contents here.' : 'Nothing matches the filters.'}</p>
      ) : (
        <div
          ref={scrollRef}
          role="listbox"
          aria-label="Loaded items"
          aria-activedescendant={activeId}
          tabIndex={0}
          onKeyDown={onKeyDown}
          onFocus={() => {
            if (selectedIndex < 0 && shown[0]) onSelect(shown[0].key);
          }}
          className="relative overflow-auto focus-visible:outline-offset-[-2px]"
          style={{ height }}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((v) => {
              const row = shown[v.index];
              if (!row) return null;
              return (
                <OverviewRowView
                  key={row.key}
                  row={row}
                  optionId={`${id}-opt-${v.index}`}
                  index={v.index}
                  setSize={shown.length}
                  top={v.start}
                  selected={row.key === selectedKey}
                  rowVerdicts={verdicts?.get(row.key)}
                  at={at}
                  onSelect={onSelect}
                />
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}
