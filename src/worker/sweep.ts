/**
 * The background sweep of the verifier answers an analysis left for later (session.ts
 * verifierLimit): in the analysis' order, in batches of about `batchMs` of work, each posted as it
 * is made (worker.ts completeAnswers). Pure apart from the engine it is given, so its batching and
 * its stopping are tested without a Worker.
 */
import type { LazySessionAnalysis, SessionCertificate } from '@/core/session';
import { postSuitability } from './posted';
import { answersLeftForLater, SUPERSEDED, type AnsweredCertificate } from './protocol';
import { SameValues } from './same-values';

export interface SweepOptions {
  /** Work per batch, ms. */
  readonly batchMs: number;
  /** Whether the analysis is still the one the page wants; checked before each certificate. */
  readonly current: () => boolean;
  /** Receives each batch, with how many of the waiting certificates are done and of how many. */
  readonly post: (batch: readonly AnsweredCertificate[], done: number, total: number) => void;
  /** Between batches: lets other requests run. */
  readonly pause: () => Promise<void>;
  readonly now?: () => number;
}

/** Answers every waiting certificate of `certificates`; resolves with how many there were, or fails with SUPERSEDED once `current()` is false. */
export async function sweepAnswers(certificates: Iterable<SessionCertificate>, lazy: LazySessionAnalysis, options: SweepOptions): Promise<number> {
  const now = options.now ?? (() => performance.now());
  const waiting = [...certificates].filter((c) => answersLeftForLater(c.suitability));
  let batch: AnsweredCertificate[] = [];
  // One pool per batch: each batch is its own message (same-values.ts).
  let values = new SameValues();
  let done = 0;
  let since = now();
  const flush = () => {
    options.post(batch, done, waiting.length);
    batch = [];
    values = new SameValues();
  };
  for (const c of waiting) {
    if (!options.current()) throw new Error(SUPERSEDED);
    const roles = await lazy.answersFor(c.sha256);
    done++;
    if (roles) batch.push({ sha256: c.sha256, suitability: postSuitability(roles, values) });
    if (now() - since >= options.batchMs) {
      flush();
      await options.pause();
      since = now();
    }
  }
  if (batch.length > 0) flush();
  return waiting.length;
}
