/**
 * The engine's only home in the browser. `setup` must be imported first (reflect-metadata for
 * @peculiar/x509). Decoded inputs are kept here by content SHA-256 so analysis requests stay
 * small; passwords are used for one decode call and never kept.
 */
import '@/core/setup';
import { decodeInput } from '@/core/decode-input';
import { analyzeSessionLazily, type LazySessionAnalysis, type SessionCertificate } from '@/core/session';
import { loadBuiltinRoots } from '@/core/roots';
import { decodeShareLink, encodeShareLink } from '@/core/share/share-link';
import { certificatesToPem } from '@/core/export';
import { sha256Hex } from '@/core/input/bytes';
import type { DecodedInput } from '@/core/model';
import { ToolState } from './tools';
import { postAnalysis, verifierAnswersOf } from './posted';
import { sweepAnswers } from './sweep';
import { PagePace } from './page-pace';
import { findCertificate, pageInputOf } from './page-input';
import { splitResult } from './parts';
import { answersLeftForLater, NOT_KEPT, SUPERSEDED, type CompleteAnswersRequest, type PageIdleSignal, type ReadFile, type AnalyzeRequest, type WorkerRequest, type WorkerResponse, type WorkerResult } from './protocol';

const decoded = new Map<string, DecodedInput>();
// Load and decode the built-in root store as soon as the engine starts, before anything is
// dropped: the first analysis then does not pay for it. (A failure shows in the analysis that needs them.)
const rootsLoaded: Promise<unknown> = loadBuiltinRoots().catch(() => undefined);
/** Sessions above this many certificates get their verifier answers per certificate, on request (a 10,000-certificate bundle stays as fast as before). */
const VERIFIER_LIMIT = 1_000;
/** The page's idle signals (page-pace.ts): background work takes turns with the page's rendering. */
const pace = new PagePace();
/** Longest wait for the page's idle signal: a busy or hidden page still gets its answers. */
const PAGE_WAIT_MS = 1_500;
/** Sessions above this many certificates are analysed once the page is idle. */
const PACED_ANALYSIS = 100;

/** The newest analysis, able to answer deferred verifier questions. */
let lazyAnalysis: LazySessionAnalysis | null = null;
/** Power tools' state: the last analysis and keys kept for an explicit export (src/worker/tools.ts). */
const tools = new ToolState(decoded);
/** Decodes under way: an analysis waits for them, so it never sees half a session. */
const inFlight = new Set<Promise<unknown>>();

/**
 * Analyses run one at a time, and only the newest waiting one runs: while a person types a host
 * name, each keystroke's request replaces the previous one instead of queueing behind it.
 */
let analysisChain: Promise<unknown> = rootsLoaded.then(warmUp).catch(() => undefined);
let newestAnalysisId = 0;
/** The last posted analysis' certificates by SHA-256: their verifier answers are sent one certificate at a time. */
let posted: { readonly id: number; readonly certificates: ReadonlyMap<string, SessionCertificate> } | null = null;

/**
 * A throw-away decode and analysis of a built-in root (as PEM, the commonest input), run when the
 * engine starts. The first analysis loads the verifiers' chunk and compiles their code: measured,
 * 49 ms in Node against 2 ms for the next, and 70–130 ms in Chromium's Worker, which a person's
 * first drop waited for; the first decode of a PEM file took 15–20 ms. Nothing of it is kept; a
 * real analysis queues behind it.
 */
async function warmUp(): Promise<void> {
  const root = (await loadBuiltinRoots()).certificates[0];
  if (!root) return;
  const input = await decodeInput({ name: 'engine warm-up', bytes: new TextEncoder().encode(certificatesToPem([root.der])) });
  pageInputOf(input);
  await analyzeSessionLazily([input], { at: new Date().toISOString(), host: 'warm-up.invalid', builtinRoots: true });
}

/**
 * A folder of 1,000 files arrives as 1,000 decode requests at once. Run a few at a time, in
 * arrival order: each finishes (and its row appears) early, instead of all of them interleaving
 * and finishing together at the end.
 */
const DECODE_SLOTS = 4;
let decodesRunning = 0;
const decodeQueue: (() => void)[] = [];
function decodeSlot(): Promise<void> {
  if (decodesRunning < DECODE_SLOTS) {
    decodesRunning++;
    return Promise.resolve();
  }
  return new Promise((resolve) => decodeQueue.push(resolve));
}
function releaseDecodeSlot(): void {
  const next = decodeQueue.shift();
  if (next) next();
  else decodesRunning--;
}

function post(message: WorkerResponse, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

/** Posts a result, its long lists first in parts (each a short task for the page to read), then the rest. */
function postResult(id: number, result: WorkerResult): void {
  const { parts, rest } = splitResult(result);
  for (const part of parts) post({ type: 'part', id, ...part });
  post({ type: 'result', id, result: rest }, transferablesOf(rest));
}

/** What a result hands over instead of copying: the bytes of files read for the page. */
function transferablesOf(result: WorkerResult): Transferable[] {
  return result.kind === 'filesRead' ? result.files.flatMap((f) => (f.tooLarge || f.failure !== undefined ? [] : [f.bytes.buffer as ArrayBuffer])) : [];
}

/**
 * The bytes of files read for the page, kept for their decode (by content SHA-256): the page then
 * asks for the decode by hash instead of sending a copy back, which for a 15 MB bundle cost the
 * page about 35 ms in one task. A copy is made here, off the page, for the page to keep. Bounded:
 * a file read but never decoded (the page already had its content) is dropped, oldest first,
 * once KEPT_BUDGET is reached, and a decode that finds nothing kept is answered NOT_KEPT.
 */
const kept = new Map<string, Uint8Array>();
let keptBytes = 0;
const KEPT_BUDGET = 64 * 1024 * 1024;

function keep(sha: string, bytes: Uint8Array): void {
  if (kept.has(sha) || bytes.length > KEPT_BUDGET) return;
  kept.set(sha, bytes);
  keptBytes += bytes.length;
  for (const [oldest, b] of kept) {
    if (keptBytes <= KEPT_BUDGET) break;
    kept.delete(oldest);
    keptBytes -= b.length;
  }
}

function takeKept(sha: string): Uint8Array | undefined {
  const bytes = kept.get(sha);
  if (bytes) {
    kept.delete(sha);
    keptBytes -= bytes.length;
  }
  return bytes;
}

async function readFiles(files: readonly File[], maxBytes: number): Promise<ReadFile[]> {
  return Promise.all(
    files.map(async (file): Promise<ReadFile> => {
      let size = 0;
      try {
        size = file.size;
        if (size > maxBytes) return { tooLarge: true, size };
        const bytes = new Uint8Array(await file.arrayBuffer());
        const sha = await sha256Hex(bytes);
        keep(sha, bytes);
        return { tooLarge: false, size, bytes: bytes.slice(), sha256Hex: sha };
      } catch (e) {
        return { tooLarge: false, size, failure: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
      }
    }),
  );
}

function sizeLabel(n: number): string {
  return n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

async function handle(request: WorkerRequest): Promise<WorkerResult> {
  switch (request.type) {
    case 'decode': {
      const bytes = request.bytes ?? takeKept(request.kept ?? '');
      if (!bytes) throw new Error(NOT_KEPT);
      const phase = `Decoding ${request.name} (${sizeLabel(bytes.length)})`;
      const keyDers: Uint8Array[] = [];
      const decoding = (async () => {
        // The built-in roots load when the engine starts; a decode waits for them and for a free
        // decode slot, so its time bound (which starts at this first progress message) counts
        // only its own work.
        await rootsLoaded;
        await decodeSlot();
        post({ type: 'progress', id: request.id, phase, done: 0, total: 1 });
        const result = await decodeInput(
          { name: request.name, bytes },
          {
            ...(request.passwords.length > 0 ? { passwords: request.passwords } : {}),
            maxIterations: request.maxIterations,
            onPreview: (partial) => post({ type: 'progress', id: request.id, phase, done: partial.certificates.length, total: 0, preview: pageInputOf(partial) }),
            onPrivateKeyPkcs8: (der) => keyDers.push(der),
          },
        );
        // Kept before the decode counts as done, so a waiting analysis finds it.
        decoded.set(result.sha256Hex, result);
        await tools.rememberKeys(result, keyDers);
        return result;
      })().finally(releaseDecodeSlot);
      // Registered at once: an analysis asked for meanwhile waits for this input.
      inFlight.add(decoding);
      const input = await decoding.finally(() => inFlight.delete(decoding));
      return { kind: 'decoded', input: pageInputOf(input) };
    }
    case 'certificate':
      return { kind: 'certificate', certificate: findCertificate(decoded.values(), request.sha256) };
    case 'readFiles':
      return { kind: 'filesRead', files: await readFiles(request.files, request.maxBytes) };
    case 'analyze': {
      newestAnalysisId = request.id;
      const asked = pace.now();
      const run = analysisChain.then(() => analyze(request, asked));
      analysisChain = run.catch(() => undefined);
      return run;
    }
    case 'verifierAnswers': {
      const certificate = posted?.id === request.analysisId ? posted.certificates.get(request.sha256) : undefined;
      if (certificate && answersLeftForLater(certificate.suitability) && lazyAnalysis) {
        const roles = await lazyAnalysis.answersFor(request.sha256);
        return { kind: 'verifierAnswers', answers: roles ? verifierAnswersOf(roles) : null };
      }
      return { kind: 'verifierAnswers', answers: certificate ? verifierAnswersOf(certificate.suitability) : null };
    }
    case 'completeAnswers':
      return completeAnswers(request, pace.now());
    case 'share': {
      // Certificates only, deduplicated, in session order: never keys, CSRs (challenge
      // passwords) or anything else the session holds.
      const seen = new Map<string, Uint8Array>();
      const omitted = { privateKeys: 0, csrs: 0, crls: 0 };
      for (const key of request.keys) {
        const input = decoded.get(key);
        if (!input) continue;
        for (const c of input.certificates) if (!seen.has(c.sha256Hex)) seen.set(c.sha256Hex, c.der);
        omitted.privateKeys += input.privateKeys.length;
        omitted.csrs += input.csrs.length;
        omitted.crls += input.crls.length;
      }
      const shas = [...seen.keys()];
      const selected = request.selectedSha256 ? shas.indexOf(request.selectedSha256) : -1;
      const fragment = await encodeShareLink({ certificates: [...seen.values()], selected: selected >= 0 ? selected : null, host: request.host, at: request.at });
      return { kind: 'shared', link: { fragment, certificates: shas.length, omitted } };
    }
    case 'openShare': {
      const state = await decodeShareLink(request.fragment);
      const selected = state.selected === null ? undefined : state.certificates[state.selected];
      return {
        kind: 'shareOpened',
        share: {
          pem: certificatesToPem(state.certificates),
          certificates: state.certificates.length,
          selectedSha256: selected ? await sha256Hex(selected) : null,
          host: state.host,
          at: state.at,
        },
      };
    }
    case 'forget': {
      if (request.keys.length === 0) {
        decoded.clear();
        kept.clear();
        keptBytes = 0;
        posted = null;
      }
      for (const key of request.keys) {
        decoded.delete(key);
        takeKept(key);
      }
      tools.forget(request.keys);
      return { kind: 'forgotten' };
    }
    case 'asn1':
    case 'exports':
    case 'compare':
    case 'decodeError':
    case 'exportPrivateKey':
    case 'mtlsPair':
    case 'builtinRoot':
    case 'writePkcs12':
      return tools.handle(request);
  }
}

/** `asked`: when the request arrived (pace clock); the page's idle signal since then lets a big analysis start. */
async function analyze(request: AnalyzeRequest, asked: number): Promise<WorkerResult> {
  if (request.id !== newestAnalysisId) throw new Error(SUPERSEDED);
  await Promise.allSettled([...inFlight]);
  const inputs: DecodedInput[] = [];
  for (const key of request.keys) {
    const input = decoded.get(key);
    if (input) inputs.push(input);
  }
  // A big session's rows are still being rendered when its analysis is asked for: the analysis
  // starts once the page is idle, instead of taking the other core from that rendering.
  if (inputs.reduce((n, i) => n + i.certificates.length, 0) > PACED_ANALYSIS) {
    await pace.wait(PAGE_WAIT_MS, asked);
    if (request.id !== newestAnalysisId) throw new Error(SUPERSEDED);
  }
  post({ type: 'progress', id: request.id, phase: `Analyzing ${inputs.length} input${inputs.length === 1 ? '' : 's'}`, done: 0, total: 1 });
  const lazy = await analyzeSessionLazily(inputs, {
    at: request.at,
    host: request.host,
    builtinRoots: true,
    sessionTrustedSha256: request.sessionTrustedSha256,
    // Large sessions answer every verifier for the first certificates now and for the others when one is opened.
    verifierLimit: VERIFIER_LIMIT,
  });
  const analysis = lazy.analysis;
  lazyAnalysis = lazy;
  tools.rememberAnalysis(analysis, lazy.answersFor);
  posted = { id: request.id, certificates: new Map(analysis.certificates.map((c) => [c.sha256, c])) };
  return { kind: 'analyzed', analysis: postAnalysis(request.id, analysis) };
}

/** Work between two batches of a background sweep: other requests wait at most this long. */
const SWEEP_BATCH_MS = 200;

/**
 * Between two batches: the page takes the last one (renders its counts), and other requests that
 * arrived meanwhile (a decode, the detail view's questions) run, before the next batch is worked out.
 */
async function takeTurns(): Promise<void> {
  await pace.wait(PAGE_WAIT_MS);
}

/** The answers analyze left for later, in the analysis' order, posted in batches of about SWEEP_BATCH_MS of work (sweep.ts). */
async function completeAnswers(request: CompleteAnswersRequest, asked: number): Promise<WorkerResult> {
  const current = posted;
  const lazy = lazyAnalysis;
  if (!current || !lazy || current.id !== request.analysisId) throw new Error(SUPERSEDED);
  // The page asks for these answers as the analysis arrives, and renders that analysis first.
  await pace.wait(PAGE_WAIT_MS, asked);
  const count = await sweepAnswers(current.certificates.values(), lazy, {
    batchMs: SWEEP_BATCH_MS,
    // A newer analysis asked for, or the session cleared: these answers are no one's any more.
    current: () => posted === current && newestAnalysisId === request.analysisId,
    post: (answered, done, total) => post({ type: 'progress', id: request.id, phase: `Verifier answers for ${done} of ${total} certificates`, done, total, answered }),
    pause: takeTurns,
  });
  return { kind: 'answersCompleted', count };
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest | PageIdleSignal>) => {
  const request = event.data;
  if (request.type === 'pageIdle') {
    pace.idle();
    return;
  }
  handle(request).then(
    (result) => postResult(request.id, result),
    (error: unknown) => post({ type: 'failure', id: request.id, message: error instanceof Error ? error.message : String(error) }),
  );
});
