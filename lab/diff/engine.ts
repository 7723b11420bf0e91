/**
 * The engine's side of the lab: a LabCase through the same verifier models the app and the CLI
 * use. The engine sees what the real verifier sees (leaf, intermediates, roots, CRLs, time,
 * name, depth), never an expected result.
 */
import type { VerifierAnswer, VerifierId } from '../../src/core/verify/index';
import { answerPemCase } from '../../src/core/verify/pem-case';
import type { LabCase } from '../types.d.mts';

export type { LabCase, LabResult } from '../types.d.mts';

/** The engine's answer for one case and verifier; `at` overrides the case's time (Chromium runs at the real clock). */
export async function engineAnswer(tc: LabCase, verifier: VerifierId, at?: string): Promise<VerifierAnswer | { readonly unreadable: string }> {
  return answerPemCase(tc, verifier, at !== undefined ? { at } : {});
}
