/**
 * Main-thread side of the Worker protocol: one Worker, request ids, promises. Imports nothing
 * from src/core at runtime (types only), so the engine stays out of the main bundle.
 */
import type { CertificateModel } from '@/core/model';
import type { ToolRequest, ToolResult } from './tools-protocol';
import { assembleParts } from './parts';
import { NOT_KEPT, type OpenedShare, type PageIdleSignal, type PageInput, type PartField, type PostedAnalysis, type ProgressMessage, type ReadFile, type SharedLink, type VerifierAnswers, type WorkerRequest, type WorkerResponse, type WorkerResult } from './protocol';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type RequestBody = DistributiveOmit<WorkerRequest, 'id'>;
export type ProgressListener = (progress: ProgressMessage) => void;

interface Pending {
  readonly resolve: (result: WorkerResult) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress: ProgressListener | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  readonly what: string;
  /** The decode bound, armed when the engine starts on this input (not while it boots or finishes other work). */
  readonly workBound?: number;
  started?: boolean;
  /** Parts of the result's long lists received so far (protocol.ts PartMessage). */
  parts?: Map<PartField, unknown[]>;
}

/** Thrown for a request that exceeded its time bound; the engine was restarted for the others. */
export class EngineTimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`The engine worked on ${what} for more than ${ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`} and was stopped and restarted; this input was not read. Other inputs are unaffected.`);
    this.name = 'EngineTimeoutError';
  }
}

/** PBKDF2/KDF iterations run without asking (the engine's default, src/core/crypto/pbe.ts). */
export const DEFAULT_MAX_ITERATIONS = 10_000_000;
/** What "run anyway" allows: no practical ceiling. */
export const UNLIMITED_ITERATIONS = Number.MAX_SAFE_INTEGER;

/** Default time bound of one engine request. `?engineTimeoutMs=` overrides it (tests, slow machines). */
export const DEFAULT_ENGINE_TIMEOUT_MS = 120_000;

/** The longest a page idle signal waits for an idle period (a page busy with something else). */
const PAGE_IDLE_TIMEOUT_MS = 1_000;
const cancelIdle = (handle: number) => () => cancelIdleCallback(handle);
const cancelTimer = (handle: ReturnType<typeof setTimeout>) => () => clearTimeout(handle);

export class EngineClient {
  private worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly restartListeners = new Set<() => void>();
  private nextId = 1;

  constructor(
    private readonly createWorker: () => Worker,
    private readonly timeoutMs: number = DEFAULT_ENGINE_TIMEOUT_MS,
    /** Iteration counts above this are run only when the person says so (`?maxIterations=` overrides). */
    readonly maxIterations: number = DEFAULT_MAX_ITERATIONS,
  ) {
    this.worker = this.start();
  }

  private start(): Worker {
    const worker = this.createWorker();
    worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => this.receive(event.data));
    worker.addEventListener('error', (event) => {
      const error = new Error(`The engine stopped: ${event.message || 'unknown error'}`);
      for (const p of this.pending.values()) {
        clearTimeout(p.timer);
        p.reject(error);
      }
      this.pending.clear();
    });
    return worker;
  }

  /** Called after the engine was restarted: its decoded inputs are gone and must be decoded again. */
  onRestart(listener: () => void): () => void {
    this.restartListeners.add(listener);
    return () => this.restartListeners.delete(listener);
  }

  /** A request ran past its bound: stop the worker (the only way to interrupt it) and start afresh. */
  private expire(id: number, bound: number): void {
    const expired = this.pending.get(id);
    if (!expired) return;
    this.worker.terminate();
    for (const [otherId, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(otherId === id ? new EngineTimeoutError(p.what, bound) : new Error(`The engine was restarted while working on ${p.what}; try again.`));
    }
    this.pending.clear();
    this.worker = this.start();
    for (const listener of this.restartListeners) listener();
  }

  private receive(message: WorkerResponse): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      if (pending.workBound !== undefined && !pending.started) {
        pending.started = true;
        clearTimeout(pending.timer);
        const bound = pending.workBound;
        pending.timer = setTimeout(() => this.expire(message.id, bound), bound);
      }
      pending.onProgress?.(message);
      return;
    }
    if (message.type === 'part') {
      pending.parts ??= new Map();
      const list = pending.parts.get(message.field);
      if (list) for (const item of message.items) list.push(item);
      else pending.parts.set(message.field, [...message.items]);
      return;
    }
    clearTimeout(pending.timer);
    this.pending.delete(message.id);
    if (message.type === 'result') pending.resolve(assembleParts(message.result, pending.parts));
    else pending.reject(new Error(message.message));
  }

  private request(body: RequestBody, onProgress?: ProgressListener, transfer: Transferable[] = []): Promise<WorkerResult> {
    const id = this.nextId++;
    const what = 'name' in body ? body.name : `the ${body.type} request`;
    return new Promise<WorkerResult>((resolve, reject) => {
      // The configurable bound is for decoding (hostile input); other requests are bounded by
      // the engine's own work limits and get the generous default.
      // A decode's bound counts from the moment the engine starts on it (its first progress message);
      // until then the generous default covers an engine that is starting up or busy.
      const bound = DEFAULT_ENGINE_TIMEOUT_MS;
      const timer = body.type === 'forget' ? undefined : setTimeout(() => this.expire(id, bound), bound);
      this.pending.set(id, { resolve, reject, onProgress, timer, what, ...(body.type === 'decode' ? { workBound: this.timeoutMs } : {}) });
      this.worker.postMessage({ ...body, id }, transfer);
    });
  }

  async decode(
    name: string,
    bytes: Uint8Array,
    passwords: readonly string[] = [],
    onProgress?: ProgressListener,
    maxIterations: number = this.maxIterations,
    /** The content SHA-256 of a file the engine read (readFiles): it decodes the copy it kept, and nothing is sent. */
    kept?: string,
  ): Promise<PageInput> {
    if (kept !== undefined) {
      try {
        const result = await this.request({ type: 'decode', name, bytes: null, kept, passwords, maxIterations }, onProgress);
        if (result.kind !== 'decoded') throw new Error('unexpected engine answer');
        return result.input;
      } catch (e) {
        if (!(e instanceof Error) || e.message !== NOT_KEPT) throw e;
      }
    }
    // A copy is transferred so the caller keeps its bytes (needed for password retries); for a
    // 10,000-certificate bundle that copy is 15 MB and about 35 ms of the page's time.
    const copy = bytes.slice();
    const result = await this.request({ type: 'decode', name, bytes: copy, passwords, maxIterations }, onProgress, [copy.buffer]);
    if (result.kind !== 'decoded') throw new Error('unexpected engine answer');
    return result.input;
  }

  async analyze(
    keys: readonly string[],
    host: string | null,
    at: string,
    sessionTrustedSha256: readonly string[],
    onProgress?: ProgressListener,
  ): Promise<PostedAnalysis> {
    // A big session's analysis starts once the page is idle (worker.ts PACED_ANALYSIS).
    this.pageIdleSoon();
    const result = await this.request({ type: 'analyze', keys, host, at, sessionTrustedSha256 }, onProgress);
    if (result.kind !== 'analyzed') throw new Error('unexpected engine answer');
    return result.analysis;
  }

  /** The full model of a loaded certificate (the page holds summaries: protocol.ts CertificateSummary); null when the engine holds no input with it. */
  async certificate(sha256: string): Promise<CertificateModel | null> {
    const result = await this.request({ type: 'certificate', sha256 });
    if (result.kind !== 'certificate') throw new Error('unexpected engine answer');
    return result.certificate;
  }

  /** One certificate's verifier answers from the analysis `analysisId` (null when the engine no longer holds it). */
  /** Reads files in the engine (sizes, bytes and content SHA-256 off the page); the bytes come back transferred. */
  async readFiles(files: readonly File[], maxBytes: number): Promise<readonly ReadFile[]> {
    const result = await this.request({ type: 'readFiles', files, maxBytes });
    if (result.kind !== 'filesRead') throw new Error(`unexpected engine result ${result.kind}`);
    return result.files;
  }

  async verifierAnswers(analysisId: number, sha256: string): Promise<VerifierAnswers | null> {
    const result = await this.request({ type: 'verifierAnswers', analysisId, sha256 });
    if (result.kind !== 'verifierAnswers') throw new Error('unexpected engine answer');
    return result.answers;
  }

  /**
   * Works out the verifier answers analysis `analysisId` left for later; each batch reaches
   * `onProgress` (`answered`). Resolves with how many there were. The engine works out the next
   * batch once the page has taken the last one and is idle (pageIdleSoon).
   */
  async completeAnswers(analysisId: number, onProgress: ProgressListener): Promise<number> {
    this.pageIdleSoon();
    const result = await this.request({ type: 'completeAnswers', analysisId }, (progress) => {
      onProgress(progress);
      this.pageIdleSoon();
    });
    if (result.kind !== 'answersCompleted') throw new Error('unexpected engine answer');
    return result.count;
  }

  /** The pending idle signal's cancel, while one is asked for. */
  private idleAsked: (() => void) | null = null;

  /**
   * Tells the engine at the page's next idle period (requestIdleCallback: the page's tasks, its
   * rendering and its frame are done) that its background work may go on (page-pace.ts).
   * Asked once however many times it is called before then. A hidden page renders nothing and
   * its idle callbacks and timers are throttled: it says so at once, and a page hidden while a
   * signal is pending sends it then.
   */
  pageIdleSoon(): void {
    if (this.idleAsked) return;
    const page = globalThis.document as Document | undefined;
    const signal = () => {
      this.idleAsked?.();
      this.idleAsked = null;
      const message: PageIdleSignal = { type: 'pageIdle' };
      this.worker.postMessage(message);
    };
    if (page?.visibilityState === 'hidden') {
      signal();
      return;
    }
    const onHidden = () => {
      if (page?.visibilityState === 'hidden') signal();
    };
    page?.addEventListener('visibilitychange', onHidden);
    const cancel = typeof requestIdleCallback === 'function' ? cancelIdle(requestIdleCallback(signal, { timeout: PAGE_IDLE_TIMEOUT_MS })) : cancelTimer(setTimeout(signal, 0));
    this.idleAsked = () => {
      cancel();
      page?.removeEventListener('visibilitychange', onHidden);
    };
  }

  async share(keys: readonly string[], selectedSha256: string | null, host: string | null, at: string | null): Promise<SharedLink> {
    const result = await this.request({ type: 'share', keys, selectedSha256, host, at });
    if (result.kind !== 'shared') throw new Error('unexpected engine answer');
    return result.link;
  }

  async openShare(fragment: string): Promise<OpenedShare> {
    const result = await this.request({ type: 'openShare', fragment });
    if (result.kind !== 'shareOpened') throw new Error('unexpected engine answer');
    return result.share;
  }

  async forget(keys: readonly string[]): Promise<void> {
    await this.request({ type: 'forget', keys });
  }

  /** A power-tool request (tools-protocol.ts); the answer's kind is checked by the caller's `expect`. */
  async tool<K extends ToolResult['kind']>(body: DistributiveOmit<ToolRequest, 'id'>, kind: K): Promise<Extract<ToolResult, { kind: K }>> {
    const result = await this.request(body);
    if (result.kind !== kind) throw new Error('unexpected engine answer');
    return result as Extract<ToolResult, { kind: K }>;
  }
}

let shared: EngineClient | null = null;

/** The one engine client of the page (created on first use). */
export function engineClient(): EngineClient {
  const params = new URLSearchParams(globalThis.location?.search ?? '');
  const timeout = Number(params.get('engineTimeoutMs'));
  const iterations = Number(params.get('maxIterations'));
  shared ??= new EngineClient(
    () => new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module' }),
    timeout > 0 ? timeout : DEFAULT_ENGINE_TIMEOUT_MS,
    iterations > 0 ? iterations : DEFAULT_MAX_ITERATIONS,
  );
  return shared;
}
