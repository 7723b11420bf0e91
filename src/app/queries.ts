/**
 * Async work of the app, each as a plain function + a queryOptions factory + a thin hook.
 * Keys are content SHA-256s (never passwords); results never go stale (the input cannot change)
 * and queries run offline (networkMode 'always': no network is involved at all).
 */
import { useMemo } from 'react';
import { queryOptions, useQueries, useQuery, keepPreviousData } from '@tanstack/react-query';
import type { CertificateModel } from '@/core/model';
import type { PageInput, PostedAnalysis, VerifierAnswers } from '@/worker/protocol';
import { engineClient, type ProgressListener } from '@/worker/client';

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
  return engineClient().decode(source.name, source.bytes, [], onProgress);
}

export function decodeQueryOptions(source: LoadedSource, onProgress?: ProgressListener) {
  return queryOptions({
    queryKey: ['decode', source.key] as const,
    queryFn: () => decodeSource(source, onProgress),
    // A decoded input is a fresh object from the worker, never a refetch of equal data: comparing
    // it deeply against nothing only costs time (1,000 files: over a second of main thread).
    structuralSharing: false,
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

/**
 * A class, not a plain object: React Query compares a combined result deeply with the previous
 * one (replaceEqualDeep) and would walk every decoded certificate of every input on each change
 * (a 1,000-file drop: seconds of main thread). It stops at anything that is not a plain object.
 */
class CombinedDecoded implements DecodedSession {
  readonly states: DecodedSession['states'];
  readonly decoded: readonly PageInput[];
  readonly settled: boolean;
  constructor(results: readonly { readonly data: PageInput | undefined; readonly error: Error | null }[]) {
    this.states = results.map((r) => ({ decoded: r.data ?? null, failure: r.error ? r.error.message : null }));
    this.decoded = results.flatMap((r) => (r.data ? [r.data] : []));
    this.settled = results.every((r) => r.data !== undefined || r.error !== null);
  }
}

function combineDecoded(results: readonly { readonly data: PageInput | undefined; readonly error: Error | null }[]): DecodedSession {
  return new CombinedDecoded(results);
}

export function usePageInputs(sources: readonly LoadedSource[], onProgress?: (key: string) => ProgressListener): DecodedSession {
  // The same options array while the sources are the same: React Query then skips re-reading
  // 1,000 options on every render of a large session.
  const queries = useMemo(() => sources.map((s) => decodeQueryOptions(s, onProgress?.(s.key))), [sources, onProgress]);
  return useQueries({ queries, combine: combineDecoded });
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

export function analysisQueryOptions(params: AnalysisParams, enabled: boolean, onProgress?: ProgressListener) {
  return queryOptions({
    queryKey: ['analyze', params] as const,
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
