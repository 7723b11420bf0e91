/**
 * Main-thread side of the Worker protocol: one Worker, request ids, promises. Imports nothing
 * from src/core at runtime (types only), so the engine stays out of the main bundle.
 */
import type { DecodedInput } from '@/core/model';
import type { SessionAnalysis } from '@/core/session';
import type { OpenedShare, ProgressMessage, SharedLink, WorkerRequest, WorkerResponse, WorkerResult } from './protocol';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type RequestBody = DistributiveOmit<WorkerRequest, 'id'>;
export type ProgressListener = (progress: ProgressMessage) => void;

interface Pending {
  readonly resolve: (result: WorkerResult) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress: ProgressListener | undefined;
}

export class EngineClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(worker: Worker) {
    this.worker = worker;
    worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => this.receive(event.data));
    worker.addEventListener('error', (event) => {
      const error = new Error(`The engine stopped: ${event.message || 'unknown error'}`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    });
  }

  private receive(message: WorkerResponse): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.onProgress?.(message);
      return;
    }
    this.pending.delete(message.id);
    if (message.type === 'result') pending.resolve(message.result);
    else pending.reject(new Error(message.message));
  }

  private request(body: RequestBody, onProgress?: ProgressListener, transfer: Transferable[] = []): Promise<WorkerResult> {
    const id = this.nextId++;
    return new Promise<WorkerResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ ...body, id }, transfer);
    });
  }

  async decode(name: string, bytes: Uint8Array, passwords: readonly string[] = [], onProgress?: ProgressListener): Promise<DecodedInput> {
    // A copy is transferred so the caller keeps its bytes (needed for password retries).
    const copy = bytes.slice();
    const result = await this.request({ type: 'decode', name, bytes: copy, passwords }, onProgress, [copy.buffer]);
    if (result.kind !== 'decoded') throw new Error('unexpected engine answer');
    return result.input;
  }

  async analyze(
    keys: readonly string[],
    host: string | null,
    at: string,
    sessionTrustedSha256: readonly string[],
    onProgress?: ProgressListener,
  ): Promise<SessionAnalysis> {
    const result = await this.request({ type: 'analyze', keys, host, at, sessionTrustedSha256 }, onProgress);
    if (result.kind !== 'analyzed') throw new Error('unexpected engine answer');
    return result.analysis;
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
}

let shared: EngineClient | null = null;

/** The one engine client of the page (created on first use). */
export function engineClient(): EngineClient {
  shared ??= new EngineClient(new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module' }));
  return shared;
}
