import { parseHostInput } from '@/core/purpose/host-input';
import type { PageInput, ReadFile } from '@/worker/protocol';
import { lazy, startTransition, Suspense, useCallback, useDeferredValue, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ChainCallbacks } from '@/ui/chain-forest-view';
import { DropOverlayView } from '@/ui/drop-overlay-view';
import { EmptyStateView } from '@/ui/empty-state-view';
import { EvaluationControlsView } from '@/ui/evaluation-controls-view';
import { HeaderView } from '@/ui/header-view';
import { InputList, VirtualInputRows, type InputEntry } from '@/ui/input-list';
import { preloadable } from '@/ui/preloadable';
import { InputPanelView } from '@/ui/input-panel-view';
import { buildOverviewRows, makeMoreRows, rowKey, rowsUnfinished, type OverviewRow } from '@/ui/overview-rows';
import { ShareView, type ShareLinkInfo } from '@/ui/share-view';
import { TabsView } from '@/ui/tabs-view';
import { engineClient, EngineTimeoutError, UNLIMITED_ITERATIONS } from '@/worker/client';
import { SUPERSEDED } from '@/worker/protocol';
import { adaptAnalysis, withLaterAnswers } from './analysis-view-model';
import { useLaterAnswers } from './later-answers';
import { useAutomaticMtlsCheck } from './mtls-check';
import { contentSha256, decodeQueryOptions, usePageInputs, useSessionAnalysis, type AnalysisParams, type LoadedSource } from './queries';
import { useTheme } from './theme';
import { pathOf, useWindowDrop } from './window-drop';
import { startPwa } from './pwa';
import { ReadQueue } from './read-queue';
import { sessionInterval, throttle } from './throttle';

/** Share links carry their state in the fragment: `#cs1.…` (src/core/share/share-link.ts). */
const SHARE_PREFIX = '#cs1.';
/** The engine's input size limit (src/core/decode-input.ts DEFAULT_MAX_BYTES), applied before reading a file. */
const MAX_INPUT_BYTES = 50 * 1024 * 1024;

// The overview and the detail are needed by every drop: their chunks are loaded while the page is
// idle after start, and then render at once (preloadable.ts).
const DetailPane = preloadable(() => import('./detail-pane').then((m) => m.default));
const ChainsPane = lazy(() => import('./chains-pane'));
const BuiltinRootPane = lazy(() => import('./root-pane'));
// Power tools (src/app/tools-pane.tsx): loaded when their tab is opened.
const ErrorDecoderPane = lazy(() => import('./tools-pane').then((m) => ({ default: m.ErrorDecoderPane })));
const MtlsPairPane = lazy(() => import('./tools-pane').then((m) => ({ default: m.MtlsPairPane })));
// The list (and its virtualizer) is needed only once something is loaded: kept out of the first load.
const MtlsPairView = lazy(() => import('@/ui/mtls-pair-view').then((m) => ({ default: m.MtlsPairView })));
const OverviewList = preloadable(() => import('@/ui/overview-list').then((m) => m.OverviewList));

function initialParams(): { at: string; host: string } {
  const params = new URLSearchParams(window.location.search);
  const atParam = params.get('at');
  const at = atParam && !Number.isNaN(new Date(atParam).getTime()) ? new Date(atParam).toISOString() : new Date().toISOString();
  return { at, host: params.get('host') ?? '' };
}

/** Files read and handed to the engine per step of a large drop. */
const FILE_BATCH = 16;
/** What posting one batch of Files to the engine should take of a task (read-queue.ts budgetMs). */
const FILE_POST_BUDGET_MS = 12;
/**
 * Batches of files handed to the engine and not yet read by it (read-queue.ts maxInFlight): the
 * next batch is posted while the engine decodes, not while it reads. Picking the 1,385-file
 * folder, three runs each: longest tasks 147, 79 and 89 ms without a limit, none over 50 ms with it,
 * and all inputs listed no later.
 */
const FILES_IN_FLIGHT = 2;
/** Files handed to the engine while a dropped folder is still being listed (the first rows). */
const FILES_WHILE_LISTING = 8;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

/** Analyses of up to this many certificates render as an urgent update (see `analysis` in App). */
const URGENT_ANALYSIS = 16;

export function App() {
  const queryClient = useQueryClient();
  const [theme, setTheme] = useTheme();
  const [initial] = useState(initialParams);
  const [sources, setSources] = useState<readonly LoadedSource[]>([]);
  const [revisions, setRevisions] = useState<Readonly<Record<string, number>>>({});
  const [trusted, setTrusted] = useState<readonly string[]>([]);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [host, setHost] = useState(initial.host);
  const [at, setAt] = useState(initial.at);
  const [tab, setTab] = useState<'overview' | 'chains' | 'errors' | 'mtls'>('overview');
  // Each input's newest progress phase, by key: one Map changed in place (copying a 1,385-key
  // object per frame cost more than the rest of the frame), `progressVersion` says it changed.
  const [progress] = useState(() => new Map<string, string>());
  const [progressVersion, setProgressVersion] = useState(0);
  // Big inputs send a preview (their first batch of certificates) so rows appear early.
  const [previews, setPreviews] = useState<Readonly<Record<string, PageInput>>>({});
  const [analysisProgress, setAnalysisProgress] = useState<string | null>(null);
  const pasteCount = useRef(0);
  const appId = useId();
  // On a phone the inputs panel comes first; once something is added it folds away and the
  // results scroll into view (the panel opens again from its button).
  const [inputsFolded, setInputsFolded] = useState(false);
  const showResultsOnSmallScreens = useCallback(() => {
    if (!window.matchMedia('(max-width: 1023.98px)').matches) return;
    setInputsFolded(true);
    window.requestAnimationFrame(() => document.getElementById('main')?.scrollIntoView({ block: 'start' }));
  }, []);
  const detailRef = useRef<HTMLDivElement>(null);
  /** A built-in root opened from a chain (it has no overview row). */
  const [openedRoot, setOpenedRoot] = useState<string | null>(null);

  // --- inputs ------------------------------------------------------------------------------
  /** Adds inputs whose content SHA-256 is known; the same content twice is one input. */
  const addRead = useCallback((loaded: readonly LoadedSource[]) => {
    setSources((prev) => {
      const seen = new Set(prev.map((s) => s.key));
      const next = [...prev];
      for (const s of loaded) {
        if (seen.has(s.key)) continue;
        seen.add(s.key);
        next.push(s);
      }
      return next;
    });
  }, []);
  const addSources = useCallback(
    async (items: readonly { name: string; bytes: Uint8Array }[]) => {
      addRead(await Promise.all(items.map(async (i) => ({ key: await contentSha256(i.bytes), name: i.name, bytes: i.bytes }))));
    },
    [addRead],
  );

  // Files above the engine's limit are refused by their size alone: never read into memory.
  const [refused, setRefused] = useState<readonly InputEntry[]>([]);
  const [engineGeneration, setEngineGeneration] = useState(0);
  // Files handed in but not yet listed (being read), and folder drops still being listed: until
  // both are 0 the session is incomplete, and the analysis waits rather than run on a part.
  const [incoming, setIncoming] = useState(0);
  const [walking, setWalking] = useState(0);
  // What a streaming drop changed since the page last showed it: inputs read or refused, progress
  // phases and previews, and how many files are still being read. Applied together a few times a
  // second (throttle.ts): applied one by one, a 1,385-file drop re-rendered the page for every
  // batch and every frame, and the lists' deferred renders never caught up.
  // Every file handed in goes through one queue (read-queue.ts): a few per task to the engine,
  // results taken in order. Sizes, bytes and content hashes are read in the engine: File.size
  // alone is a round-trip to the browser per file, which held the page for seconds on a big folder.
  const [{ ingest, readQueue }] = useState(() => {
    const pending = { refused: [] as InputEntry[], readable: [] as LoadedSource[], phases: new Map<string, string>(), previews: new Map<string, PageInput>() };
    let seen = 0;
    // A transition, like the session's re-make (queries.ts): rendered in slices, never blocking.
    const flush = (first: boolean) => (first ? apply() : startTransition(() => apply()));
    const apply = () => {
      const { refused: refusedNow, readable, phases, previews: newPreviews } = pending;
      pending.refused = [];
      pending.readable = [];
      pending.phases = new Map();
      pending.previews = new Map();
      setIncoming(queue.pending);
      if (refusedNow.length > 0) setRefused((prev) => [...prev, ...refusedNow.map((r, k) => ({ ...r, key: `${r.key}:${prev.length + k}` }))]);
      if (readable.length > 0) addRead(readable);
      if (phases.size > 0) {
        for (const [key, phase] of phases) progress.set(key, phase);
        setProgressVersion((v) => v + 1);
      }
      if (newPreviews.size > 0) setPreviews((prev) => ({ ...prev, ...Object.fromEntries(newPreviews) }));
    };
    const remake = throttle(flush, () => sessionInterval(seen));
    const ingest = {
      /** Files handed in: counted now (as still being read), listed when read. */
      added(n: number) {
        seen += n;
        remake.schedule();
      },
      /** The progress listener of one input's decode: its newest phase, and its preview if it sent one. */
      progressOf: (key: string) => (p: { phase: string; preview?: PageInput }) => {
        pending.phases.set(key, p.phase);
        if (p.preview) pending.previews.set(key, p.preview);
        remake.schedule();
      },
    };
    const queue = new ReadQueue<ReadFile>({
      batch: FILE_BATCH,
      firstBatch: 4,
      later: (step) => window.setTimeout(step, 0),
      budgetMs: FILE_POST_BUDGET_MS,
      now: () => performance.now(),
      maxInFlight: FILES_IN_FLIGHT,
      // Once more if the engine restarted meanwhile (another input ran past its time bound).
      read: (batch) => engineClient().readFiles(batch, MAX_INPUT_BYTES).catch(() => engineClient().readFiles(batch, MAX_INPUT_BYTES)),
      failed: (batch, e) => batch.map(() => ({ tooLarge: false as const, size: 0, failure: e instanceof Error ? e.message : String(e) })),
      take: (batch, results) => {
        results.forEach((r, j) => {
          const file = batch[j];
          const name = file ? pathOf(file) : '';
          if (r.tooLarge) {
            pending.refused.push({ key: `refused:${name}:${r.size}`, name, size: r.size, decoded: null, progress: null, failure: `TOO_LARGE: ${name} is ${(r.size / 1024 / 1024).toFixed(1)} MiB, above the ${MAX_INPUT_BYTES / 1024 / 1024} MiB limit; it was not read.` });
          } else if (r.failure !== undefined) {
            pending.refused.push({ key: `unread:${name}:${r.size}`, name, size: r.size, decoded: null, progress: null, failure: `READ_FAILED: ${name} could not be read by the browser (${r.failure}).` });
          } else {
            const source = { key: r.sha256Hex, name, bytes: r.bytes };
            pending.readable.push(source);
            // Decoding starts now, not when the page next shows the list: the engine stays busy.
            void queryClient.prefetchQuery(decodeQueryOptions(source, ingest.progressOf(source.key)));
          }
        });
        remake.schedule();
      },
    });
    return { ingest, readQueue: queue };
  });
  // While a dropped folder is being listed, the queue hands the engine only its first few files.
  // Each File the listing gives costs a round trip to the browser process; with the engine
  // decoding on one of two cores, those round trips slowed from about 0.6 ms to 3–12 ms a file,
  // and the page waited on them in long tasks. Decoding the rest waits for the listing to end.
  const walkDepth = useRef(0);
  const onWalk = useCallback(
    (delta: number) => {
      walkDepth.current = Math.max(0, walkDepth.current + delta);
      if (walkDepth.current > 0) readQueue.hold(FILES_WHILE_LISTING);
      else readQueue.release();
      setWalking(walkDepth.current);
    },
    [readQueue],
  );
  const onFiles = useCallback(
    (files: readonly File[]) => {
      showResultsOnSmallScreens();
      readQueue.add(files);
      ingest.added(files.length);
    },
    [ingest, readQueue, showResultsOnSmallScreens],
  );

  // A request that ran past its time bound restarted the engine, which then holds nothing:
  // decode every input that had been read again (the one that timed out keeps its error).
  useEffect(() => {
    const unsubscribe = engineClient().onRestart(() => {
      // refetchType 'all': nothing observes the decode queries one by one (usePageInputs reads the cache).
      void queryClient.invalidateQueries({ queryKey: ['decode'], predicate: (q) => !(q.state.error instanceof EngineTimeoutError), refetchType: 'all' });
      setEngineGeneration((g) => g + 1);
    });
    return () => {
      unsubscribe();
    };
  }, [queryClient]);
  const dragging = useWindowDrop(onFiles, onWalk);

  // --- installed app: OS file handlers, shares, updates (once) ------------------------------
  const [updateReady, setUpdateReady] = useState<(() => void) | null>(null);
  const pwaStarted = useRef(false);
  useEffect(() => {
    if (pwaStarted.current) return;
    pwaStarted.current = true;
    startPwa({ onFiles, onUpdateReady: (update) => setUpdateReady(() => update) });
  }, [onFiles]);

  // --- warm-up: start the engine and fetch the views a drop will need while the page is idle ---
  useEffect(() => {
    const warm = () => {
      engineClient();
      void DetailPane.preload();
      void OverviewList.preload();
      void VirtualInputRows.preload();
    };
    const idle = window.requestIdleCallback?.(warm, { timeout: 1500 });
    if (idle === undefined) {
      const t = window.setTimeout(warm, 200);
      return () => window.clearTimeout(t);
    }
    return () => window.cancelIdleCallback(idle);
  }, []);

  // --- share links: open one on arrival ------------------------------------------------------
  const [shareError, setShareError] = useState<string | null>(null);
  const shareOpened = useRef(false);
  useEffect(() => {
    if (shareOpened.current || !window.location.hash.startsWith(SHARE_PREFIX)) return;
    shareOpened.current = true;
    engineClient()
      .openShare(window.location.hash)
      .then(async (share) => {
        if (share.host !== null) setHost(share.host);
        if (share.at !== null) setAt(share.at);
        if (share.selectedSha256) setSelectedKey(rowKey('certificate', share.selectedSha256));
        await addSources([{ name: `Share link (${share.certificates} certificate${share.certificates === 1 ? '' : 's'})`, bytes: new TextEncoder().encode(share.pem) }]);
      })
      .catch((e: unknown) => setShareError(e instanceof Error ? e.message : String(e)));
  }, [addSources]);

  const onPaste = useCallback(
    (text: string) => {
      pasteCount.current += 1;
      showResultsOnSmallScreens();
      void addSources([{ name: `Pasted text ${pasteCount.current}`, bytes: new TextEncoder().encode(text) }]);
    },
    [addSources, showResultsOnSmallScreens],
  );

  const removeSources = useCallback(
    (keys: readonly string[] | null) => {
      setSources((prev) => (keys === null ? [] : prev.filter((s) => !keys.includes(s.key))));
      setRefused((prev) => (keys === null ? [] : prev.filter((r) => !keys.includes(r.key))));
      for (const key of keys ?? sources.map((s) => s.key)) queryClient.removeQueries({ queryKey: ['decode', key] });
      void engineClient().forget(keys ?? []);
      setSelectedKey(null);
      if (keys === null) setTrusted([]);
    },
    [queryClient, sources],
  );

  // Inputs whose expensive key derivation the person agreed to run (above the iteration ceiling).
  const [expensiveAllowed, setExpensiveAllowed] = useState<ReadonlySet<string>>(new Set());
  const redecode = useCallback(
    async (key: string, passwords: readonly string[], allowExpensive: boolean) => {
      const source = sources.find((s) => s.key === key);
      if (!source) return;
      // Called directly (not through a query) so a password never enters the query cache.
      const result = await engineClient().decode(source.name, source.bytes, passwords, undefined, allowExpensive ? UNLIMITED_ITERATIONS : undefined);
      queryClient.setQueryData(decodeQueryOptions(source).queryKey, result);
      setRevisions((r) => ({ ...r, [key]: (r[key] ?? 0) + 1 }));
    },
    [queryClient, sources],
  );
  const onUnlock = useCallback((key: string, password: string) => redecode(key, [password], expensiveAllowed.has(key)), [redecode, expensiveAllowed]);
  const onRunAnyway = useCallback(
    (key: string) => {
      setExpensiveAllowed((prev) => new Set(prev).add(key));
      return redecode(key, [], true);
    },
    [redecode],
  );

  // The inputs list's actions, stable across renders (its rows re-render only when their own input
  // changes) and always calling the newest handlers.
  const latestActions = useRef({ removeSources, onUnlock, onRunAnyway });
  useLayoutEffect(() => {
    latestActions.current = { removeSources, onUnlock, onRunAnyway };
  });
  const inputActions = useMemo(
    () => ({
      onRemove: (key: string) => latestActions.current.removeSources([key]),
      onClear: () => latestActions.current.removeSources(null),
      onUnlock: (key: string, password: string) => latestActions.current.onUnlock(key, password),
      onRunAnyway: (key: string) => latestActions.current.onRunAnyway(key),
    }),
    [],
  );

  // --- decoding ------------------------------------------------------------------------------
  const { states, decoded, settled: sourcesSettled } = usePageInputs(sources, ingest.progressOf);
  const settled = sourcesSettled && incoming === 0 && walking === 0;
  const entries: InputEntry[] = useMemo(
    () => [
      ...refused,
      ...sources.map((s, i) => {
        const state = states[i];
        return {
          key: s.key,
          name: s.name,
          size: s.bytes.length,
          decoded: state?.decoded ?? null,
          progress: state?.decoded ? null : (progress.get(s.key) ?? 'Waiting for the engine…'),
          failure: state?.failure ?? null,
        };
      }),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `progressVersion` changes when `progress` does.
    [refused, sources, states, progress, progressVersion],
  );
  // The two long lists render as interruptible (transition) work: while a 1,000-file drop fills
  // them, React renders them in slices between frames instead of one long task per update.
  const deferredEntries = useDeferredValue(entries);
  const listed = useMemo(() => {
    const done = new Set(decoded.map((d) => d.sha256Hex));
    const early = sources.flatMap((s) => (done.has(s.key) ? [] : previews[s.key] ? [previews[s.key] as PageInput] : []));
    return early.length > 0 ? [...decoded, ...early] : decoded;
  }, [decoded, previews, sources]);
  // A big input's rows are made a slice per task (overview-rows.ts makeMoreRows), each slice a
  // re-render in a transition; `rowSlices` counts them.
  const [rowSlices, setRowSlices] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `rowSlices` changes when the rows made so far do.
  const rows: readonly OverviewRow[] = useMemo(() => buildOverviewRows(listed), [listed, rowSlices]);
  useEffect(() => {
    if (!rowsUnfinished(listed)) return;
    const t = window.setTimeout(() => {
      if (makeMoreRows(listed)) startTransition(() => setRowSlices((n) => n + 1));
    }, 0);
    return () => window.clearTimeout(t);
  }, [listed, rowSlices]);
  const deferredRows = useDeferredValue(rows);

  // --- analysis ------------------------------------------------------------------------------
  // What people paste (a URL, host:port, [IPv6]:port, a trailing dot) becomes the host a client would check.
  const hostInput = useMemo(() => parseHostInput(host), [host]);
  const debouncedHost = useDebounced(hostInput.host ?? '', 250);
  const latestParams = useMemo(
    (): AnalysisParams => ({
      inputs: decoded.map((d) => ({ key: d.sha256Hex, revision: revisions[d.sha256Hex] ?? 0 })),
      host: debouncedHost || null,
      at,
      trusted,
      engineGeneration,
    }),
    [decoded, revisions, debouncedHost, at, trusted, engineGeneration],
  );
  // The analysis waits until every input is decoded; until then its parameters stay those of the
  // last settled session, so a streaming drop does not switch the query to a new key every update.
  const [analysisParams, setAnalysisParams] = useState(latestParams);
  if (settled && analysisParams !== latestParams) setAnalysisParams(latestParams);
  const analysisQuery = useSessionAnalysis(analysisParams, settled, (p) => setAnalysisProgress(p.phase));
  // The answers reach the page through a query observer, whose updates React renders at once in
  // one blocking task (10,000 certificates: the view model, the list's summary, its filters, over
  // 200 ms); deferred, they render as interruptible work after the urgent update. A small
  // session's answers render at once: deferred, one certificate's verdicts waited 40–60 ms behind
  // the detail view's first render, which is interruptible work too.
  const analysisNow = analysisQuery.data ?? null;
  const deferredAnalysis = useDeferredValue(analysisNow);
  const analysis = analysisNow && analysisNow.certificates.length <= URGENT_ANALYSIS ? analysisNow : deferredAnalysis;
  const later = useLaterAnswers(analysisQuery.data ?? null);
  const baseView = useMemo(() => (analysis ? adaptAnalysis(analysis, decoded) : null), [analysis, decoded]);
  // Each batch of later answers lays its verdicts over the view model; names, chain labels and the mTLS hint are not made again.
  const view = useMemo(() => baseView && withLaterAnswers(baseView, later), [baseView, later]);
  const analysisStamp = analysis ? analysisQuery.dataUpdatedAt : 0;
  // The analysis' mTLS pair; a large session's is checked again once its verifier answers are worked out.
  const automaticMtls = useAutomaticMtlsCheck(view?.mtls ?? null, analysisStamp);
  const analyzing = analysisQuery.isFetching ? (analysisProgress ?? 'Analyzing…') : null;

  // --- selection -----------------------------------------------------------------------------
  // The first thing loaded opens at once; later additions keep the current selection.
  const selectedRow = rows.find((r) => r.key === selectedKey) ?? rows[0] ?? null;
  // The detail pane first mounts one render after the list that shows its row: mounted together,
  // the first rows of a big drop and the detail of the first item were one React commit (with
  // the layout it forces), a single long task.
  const [detailMounted, setDetailMounted] = useState(false);
  useEffect(() => {
    if (selectedRow && !detailMounted) startTransition(() => setDetailMounted(true));
  }, [selectedRow, detailMounted]);
  const select = useCallback((key: string) => {
    setOpenedRoot(null);
    setSelectedKey(key);
  }, []);
  const selectCertificate = useCallback(
    (sha: string) => {
      setOpenedRoot(null);
      setSelectedKey(rowKey('certificate', sha));
      setTab('overview');
      window.setTimeout(() => detailRef.current?.focus(), 0);
    },
    [],
  );
  const openBuiltinRoot = useCallback((sha: string) => {
    setOpenedRoot(sha);
    setTab('overview');
    window.setTimeout(() => detailRef.current?.focus(), 0);
  }, []);
  const createShareLink = useCallback(async (): Promise<ShareLinkInfo> => {
    const selectedSha = selectedRow?.key.startsWith('certificate:') ? selectedRow.key.slice('certificate:'.length) : null;
    // The host as typed now, not the debounced value the analysis uses.
    const link = await engineClient().share(decoded.map((d) => d.sha256Hex), selectedSha, hostInput.host, at);
    const url = new URL(window.location.href);
    url.search = '';
    url.hash = link.fragment;
    return { url: url.href, certificates: link.certificates, omitted: link.omitted };
  }, [selectedRow, decoded, hostInput.host, at]);

  const chainCallbacks: ChainCallbacks = {
    at,
    labelOf: (sha: string) => view?.labelOf(sha) ?? { name: sha.slice(0, 16), loaded: false },
    onSelect: selectCertificate,
    onOpenBuiltinRoot: openBuiltinRoot,
    onTrust: (sha: string) => setTrusted((t) => (t.includes(sha) ? t : [...t, sha])),
    onUntrust: (sha: string) => setTrusted((t) => t.filter((x) => x !== sha)),
  };

  return (
    <div className="min-h-dvh">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:p-2 dark:focus:bg-zinc-900">
        Skip to content
      </a>
      <HeaderView theme={theme} onThemeChange={setTheme} />
      <DropOverlayView visible={dragging} />
      {updateReady && (
        <div role="status" className="mx-auto mt-3 flex max-w-[1600px] flex-wrap items-center gap-3 px-4 text-sm">
          <span>A new version of Certscope is ready.</span>
          <button type="button" className="btn-small" onClick={updateReady}>
            Reload to update
          </button>
        </div>
      )}
      {shareError && (
        <p role="alert" className="mx-auto mt-3 max-w-[1600px] px-4 text-sm text-red-700 dark:text-red-300">
          This share link could not be opened: {shareError}
        </p>
      )}
      <div className="mx-auto grid max-w-[1600px] gap-4 p-3 sm:p-4 lg:grid-cols-[minmax(18rem,22rem)_minmax(0,1fr)]">
        <aside className="space-y-4" aria-label="Inputs">
          {inputsFolded && (
            <button type="button" className="btn-small w-full lg:hidden" aria-expanded="false" aria-controls={`${appId}-inputs`} onClick={() => setInputsFolded(false)}>
              Inputs ({entries.length.toLocaleString('en-US')}) and adding files: show
            </button>
          )}
          <div id={`${appId}-inputs`} className={inputsFolded ? 'hidden space-y-4 lg:block' : 'space-y-4'}>
            <InputPanelView onFiles={onFiles} onPaste={onPaste} />
            <InputList entries={deferredEntries} incoming={incoming} listing={walking > 0} onRemove={inputActions.onRemove} onClear={inputActions.onClear} onUnlock={inputActions.onUnlock} onRunAnyway={inputActions.onRunAnyway} />
            {decoded.some((d) => d.certificates.length > 0) && <ShareView onCreate={createShareLink} />}
          </div>
        </aside>
        <main id="main" className="min-w-0 space-y-4">
          <EvaluationControlsView host={host} hostInput={hostInput} onHostChange={setHost} at={at} onAtChange={setAt} onNow={() => setAt(new Date().toISOString())} busy={analyzing} />
          <TabsView
            label="Views"
            selected={tab}
            onSelect={setTab}
            tabs={[
              {
                id: 'overview',
                label: 'Overview',
                content: (
                  <div className="space-y-4">
                    {view && automaticMtls && (
                      <Suspense fallback={null}>
                        <MtlsPairView check={automaticMtls} nameOf={(sha) => view.labelOf(sha).name} />
                      </Suspense>
                    )}
                    {view?.mtlsPickable && (
                      <p className="panel flex flex-wrap items-center gap-2 px-3 py-2 text-sm">
                        <span>No automatic mTLS pair: the server and client certificates came in different files and the client&apos;s issuer is not loaded.</span>
                        <button type="button" className="btn-small" onClick={() => setTab('mtls')}>
                          Pick a server and a client
                        </button>
                      </p>
                    )}
                    {rows.length === 0 ? (
                      <EmptyStateView decoding={sources.length > 0 && !settled} />
                    ) : (
                      <Suspense fallback={<p className="panel p-4 text-sm">Loading the overview…</p>}>
                        <OverviewList rows={deferredRows} verdicts={view?.verdicts ?? null} answersPending={view?.answersPending ?? null} selectedKey={openedRoot ? null : (selectedRow?.key ?? null)} onSelect={select} at={at} />
                      </Suspense>
                    )}
                    <div ref={detailRef} tabIndex={-1} className="focus:outline-none">
                      {openedRoot ? (
                        <Suspense fallback={<p className="panel p-4 text-sm">Loading the details view…</p>}>
                          <BuiltinRootPane sha256={openedRoot} at={at} rows={rows} decoded={decoded} view={view} onClose={() => setOpenedRoot(null)} />
                        </Suspense>
                      ) : selectedRow && detailMounted && (
                        <Suspense fallback={<p className="panel p-4 text-sm">Loading the details view…</p>}>
                          <DetailPane
                            row={selectedRow}
                            rows={rows}
                            decoded={decoded}
                            view={view}
                            analysisError={analysisQuery.error && analysisQuery.error.message !== SUPERSEDED ? analysisQuery.error.message : null}
                            at={at}
                            host={debouncedHost || null}
                            chainCallbacks={chainCallbacks}
                          />
                        </Suspense>
                      )}
                    </div>
                  </div>
                ),
              },
              {
                id: 'chains',
                label: 'Chains',
                content: view ? (
                  <Suspense fallback={<p className="panel p-4 text-sm">Loading the chains view…</p>}>
                    <ChainsPane view={view} chainCallbacks={chainCallbacks} />
                  </Suspense>
                ) : (
                  <p className="panel p-4 text-sm">{sources.length === 0 ? 'Load certificates to see their chains.' : 'Building chains…'}</p>
                ),
              },
              {
                id: 'mtls',
                label: 'mTLS pair',
                content: (
                  <Suspense fallback={<p className="panel p-4 text-sm">Loading the mTLS pair check…</p>}>
                    <MtlsPairPane rows={rows} view={view} analysisStamp={analysisStamp} />
                  </Suspense>
                ),
              },
              {
                id: 'errors',
                label: 'Error decoder',
                content: (
                  <Suspense fallback={<p className="panel p-4 text-sm">Loading the error decoder…</p>}>
                    <ErrorDecoderPane nameOf={(sha) => view?.labelOf(sha).name ?? sha.slice(0, 16)} analysisStamp={analysisStamp} />
                  </Suspense>
                ),
              },
            ]}
          />
        </main>
      </div>
    </div>
  );
}
