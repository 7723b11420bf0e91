/**
 * The verifier answers a big analysis left for later (above 1,000 certificates, only the first
 * get them at once: worker.ts VERIFIER_LIMIT), asked for as soon as the analysis arrives and
 * taken in as the engine posts them. Until they are all in, the overview says how many
 * certificates have their answers, so its "refused by" counts are never read as final.
 */
import { startTransition, useEffect, useState } from 'react';
import { answersLeftForLater, SUPERSEDED, type AnsweredCertificate, type PostedAnalysis } from '@/worker/protocol';
import { engineClient } from '@/worker/client';
import type { LaterAnswers } from './analysis-view-model';

/** Whether the analysis left any certificate's verifier answers for later. */
export function leftForLater(analysis: PostedAnalysis): boolean {
  return analysis.certificates.some((c) => answersLeftForLater(c.suitability));
}

export function useLaterAnswers(analysis: PostedAnalysis | null): LaterAnswers | null {
  const [later, setLater] = useState<LaterAnswers | null>(null);
  useEffect(() => {
    if (!analysis || !leftForLater(analysis)) return;
    const analysisId = analysis.id;
    // Grows with each batch; every snapshot shares it and says how much of it is its own (analysis-view-model.ts withLaterAnswers).
    const answered: AnsweredCertificate[] = [];
    let stopped = false;
    engineClient()
      .completeAnswers(analysisId, (progress) => {
        if (stopped || !progress.answered) return;
        for (const a of progress.answered) answered.push(a);
        const snapshot: LaterAnswers = { analysisId, answered, count: answered.length, failure: null };
        // Interruptible: each batch re-counts the rows' refusals.
        startTransition(() => setLater(snapshot));
      })
      .catch((error: unknown) => {
        if (stopped) return;
        const message = error instanceof Error ? error.message : String(error);
        // A newer analysis replaced this one: it asks for its own.
        if (message === SUPERSEDED) return;
        setLater({ analysisId, answered, count: answered.length, failure: message });
      });
    return () => {
      stopped = true;
    };
  }, [analysis]);
  return later;
}
