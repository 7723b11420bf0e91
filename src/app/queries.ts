/**
 * Async work of the app, each as a plain function + a queryOptions factory + a thin hook.
 * Keys are content SHA-256s (never passwords); results never go stale (the input cannot change)
 * and queries run offline (networkMode 'always': no network is involved at all).
 */
import { startTransition, useEffect, useMemo, useState } from 'react';
import { queryOptions, useQuery, useQueryClient, keepPreviousData } from '@tanstack/react-query';
import type { CertificateModel } from '@/core/model';
import type { PageInput, PostedAnalysis, VerifierAnswers } from '@/worker/protocol';
import { engineClient, type ProgressListener } from '@/worker/client';
import { sessionInterval, throttle } from './throttle';

export interface LoadedSource {
  readonly key: string;
  readonly name: string;
  readonly bytes: Uint8Array;
}

export async function contentSha256(bytes: Uint8Array): Promise<string> {
  const copy = new Uint8Array(new ArrayBuffer(bytes.length));
  copy.set(bytes);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', copy));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

// --- decode --------------------------------------------------------------------------------

export function decodeSource(source: LoadedSource, onProgress?: ProgressListener): Promise<PageInput> {
  // A file the engine read is decoded from the copy it kept: nothing is copied or sent from the page.
  return engineClient().decode(source.name, source.bytes, [], onProgress, undefined, source.key);
}

export function decodeQueryOptions(source: LoadedSource, onProgress?: ProgressListener) {
  return queryOptions({
    queryKey: ['decode', source.key] as const,
    queryFn: () => decodeSource(source, onProgress),
    // A decoded input is a fresh object from the worker, never a refetch of equal data: comparing
    // it deeply against nothing only costs time (1,000 files: over a second of main thread).
    structuralSharing: false,
    // Content-addressed: decoded once, kept until the person removes the input (removeQueries) or
    // the engine restarts (invalidated and fetched again). Nothing observes these queries one by
    // one (usePageInputs reads the cache), so they must not be collected as unused.
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

export interface DecodedSession {
  /** Per source, in order: its decoded input (null while decoding or when the engine failed) and the engine failure. */
  readonly states: readonly { readonly decoded: PageInput | null; readonly failure: string | null }[];
  /** Every decoded input, in source order. */
  readonly decoded: readonly PageInput[];
  /** True when no source is still being decoded. */
  readonly settled: boolean;
}

function combineDecoded(results: readonly { readonly data: PageInput | undefined; readonly error: Error | null }[]): DecodedSession {
  return {
    states: results.map((r) => ({ decoded: r.data ?? null, failure: r.error ? r.error.message : null })),
    decoded: results.flatMap((r) => (r.data ? [r.data] : [])),
    settled: results.every((r) => r.data !== undefined || r.error !== null),
  };
}

/**
 * The session's decoded inputs, one decode query per source in the React Query cache. Not
 * `useQueries`: with one observer per query, every result of a 1,385-file drop re-read and
 * compared all 1,385 (seconds of main thread in total). Here each source's decode is started once,
 * one cache subscription notes that something changed, and the combined session is made again at
 * most once per frame.
 */
export function usePageInputs(sources: readonly LoadedSource[], onProgress?: (key: string) => ProgressListener): DecodedSession {
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(0);
  // Each decode query's result by source key, kept from the cache's own events: looking a query
  // up by its key hashes the key, and a frame of a 1,385-input session would do it 1,385 times.
  const [results] = useState(() => new Map<string, { readonly data: PageInput | undefined; readonly error: Error | null }>());
  useEffect(() => {
    const cache = queryClient.getQueryCache();
    const keyOf = (queryKey: readonly unknown[]) => (queryKey[0] === 'decode' && typeof queryKey[1] === 'string' ? queryKey[1] : null);
    results.clear();
    for (const q of cache.findAll({ queryKey: ['decode'] })) {
      const key = keyOf(q.queryKey);
      if (key) results.set(key, { data: q.state.data as PageInput | undefined, error: q.state.error });
    }
    // Each new session costs the page time in proportion to its size (rows, names, the list):
    // while a big drop streams in it is made again a few times a second (throttle.ts).
    // A transition: React renders the new session in slices (yielding between components) rather
    // than in one blocking task; one decoded input may hold 10,000 certificates (its first rows
    // come earlier, as a preview, through the page's progress updates). Measured, rendering even
    // a small first result at once cost 55–85 ms tasks (the detail pane mounts with it) and saved
    // under 100 ms of first row.
    const remake = throttle(
      () => startTransition(() => setVersion((v) => v + 1)),
      () => sessionInterval(results.size),
    );
    const unsubscribe = cache.subscribe((event) => {
      const key = keyOf(event.query.queryKey);
      if (!key) return;
      if (event.type === 'removed') results.delete(key);
      else results.set(key, { data: event.query.state.data as PageInput | undefined, error: event.query.state.error });
      remake.schedule();
    });
    return () => {
      unsubscribe();
      remake.cancel();
    };
  }, [queryClient, results]);
  useEffect(() => {
    // Starts what is not in the cache yet; a decoding, decoded or failed source is left as it is
    // (an engine restart invalidates and fetches them again itself).
    for (const s of sources) if (!results.has(s.key)) void queryClient.prefetchQuery(decodeQueryOptions(s, onProgress?.(s.key)));
  }, [queryClient, results, sources, onProgress, version]);
  return useMemo(
    () => combineDecoded(sources.map((s) => results.get(s.key) ?? { data: undefined, error: null })),
    // `version` changes when the cache does (at most once per frame).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [results, sources, version],
  );
}

// --- the full model of one certificate ------------------------------------------------------

/** The page lists summaries; the detail view asks the Worker for the full model of the certificate it shows. */
export function certificateModelQueryOptions(sha256: string) {
  return queryOptions({
    queryKey: ['certificate', sha256] as const,
    queryFn: async (): Promise<CertificateModel> => {
      const model = await engineClient().certificate(sha256);
      if (!model) throw new Error('The engine no longer holds this certificate; add its file again.');
      return model;
    },
    // Content-addressed: a certificate's model never changes.
    staleTime: Infinity,
    gcTime: 60_000,
    structuralSharing: false,
  });
}

export function useCertificateModel(sha256: string) {
  return useQuery(certificateModelQueryOptions(sha256));
}

// --- analyze -------------------------------------------------------------------------------

export interface AnalysisParams {
  /** Input keys with their decode revision ("sha:rev"), so a password unlock re-analyzes. */
  readonly inputs: readonly { readonly key: string; readonly revision: number }[];
  readonly host: string | null;
  readonly at: string;
  readonly trusted: readonly string[];
  /** Incremented when the engine restarts (it then holds nothing): a new analysis is needed. */
  readonly engineGeneration: number;
}

export function analyzeSessionInWorker(params: AnalysisParams, onProgress?: ProgressListener): Promise<PostedAnalysis> {
  return engineClient().analyze(
    params.inputs.map((i) => i.key),
    params.host,
    params.at,
    params.trusted,
    onProgress,
  );
}

/**
 * The analysis key's hash, made once per parameters object: React Query hashes a query's key on
 * every render that uses it, and a 1,385-input session's key is 1,385 objects (10–30 ms a render).
 */
const analysisKeyHashes = new WeakMap<AnalysisParams, string>();
export function analysisKeyHash(params: AnalysisParams): string {
  let hash = analysisKeyHashes.get(params);
  if (hash === undefined) {
    hash = JSON.stringify(['analyze', params.inputs.map((i) => `${i.key}:${i.revision}`), params.host, params.at, params.trusted, params.engineGeneration]);
    analysisKeyHashes.set(params, hash);
  }
  return hash;
}

export function analysisQueryOptions(params: AnalysisParams, enabled: boolean, onProgress?: ProgressListener) {
  return queryOptions({
    queryKey: ['analyze', params] as const,
    queryKeyHashFn: (key) => analysisKeyHash(key[1] as AnalysisParams),
    queryFn: () => analyzeSessionInWorker(params, onProgress),
    enabled: enabled && params.inputs.length > 0,
    placeholderData: keepPreviousData,
    gcTime: 30_000,
    structuralSharing: false,
  });
}

export function useSessionAnalysis(params: AnalysisParams, enabled: boolean, onProgress?: ProgressListener) {
  return useQuery(analysisQueryOptions(params, enabled, onProgress));
}

// --- verifier answers of one certificate ---------------------------------------------------

/** The full answers stay in the Worker (src/worker/posted.ts); the detail view asks for the selected certificate's. */
export function fetchVerifierAnswers(analysisId: number, sha256: string): Promise<VerifierAnswers | null> {
  return engineClient().verifierAnswers(analysisId, sha256);
}

export function verifierAnswersQueryOptions(analysisId: number | null, sha256: string) {
  return queryOptions({
    queryKey: ['verifierAnswers', analysisId, sha256] as const,
    queryFn: () => (analysisId === null ? Promise.resolve(null) : fetchVerifierAnswers(analysisId, sha256)),
    enabled: analysisId !== null,
    gcTime: 30_000,
    // While a new analysis' answers load, keep showing the same certificate's previous ones (no flash of "Loading…" per keystroke in the host box).
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === sha256 ? previous : undefined),
  });
}

export function useVerifierAnswers(analysisId: number | null, sha256: string) {
  return useQuery(verifierAnswersQueryOptions(analysisId, sha256));
}
