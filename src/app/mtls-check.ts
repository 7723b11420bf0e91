/**
 * The mTLS pair check of two loaded certificates, as the engine works it out (tools.ts
 * 'mtlsPair'), and the analysis' own pair as the page shows it: as the analysis made it, unless
 * a large session's analysis left the pair's verifier answers for later (MtlsPairCheck
 * answersDeferred); the engine then checks that pair again with every verifier's answer.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MtlsPairCheck, MtlsPairing } from '@/core/purpose/mtls';
import { engineClient } from '@/worker/client';

export function mtlsPairQueryOptions(server: string, client: string, analysisStamp: number, pairing: MtlsPairing = 'picked') {
  return queryOptions({
    queryKey: ['mtlsPair', server, client, analysisStamp, pairing] as const,
    queryFn: async () => (await engineClient().tool({ type: 'mtlsPair', server, client, pairing }, 'mtlsChecked')).check,
  });
}

/**
 * The analysis' pair check to show: null while the engine checks a deferred pair again, or when
 * there is no pair. If that check fails (the engine restarted meanwhile), the analysis' own check
 * is shown: its role items say the answers were left for later.
 */
export function useAutomaticMtlsCheck(automatic: MtlsPairCheck | null, analysisStamp: number): MtlsPairCheck | null {
  const deferred = automatic?.answersDeferred === true;
  const q = useQuery({
    ...mtlsPairQueryOptions(automatic?.server ?? '', automatic?.client ?? '', analysisStamp, automatic?.pairing ?? 'picked'),
    enabled: deferred,
  });
  if (!automatic) return null;
  if (!deferred) return automatic;
  return q.data ?? (q.isError ? automatic : null);
}
