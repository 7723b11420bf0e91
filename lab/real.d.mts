import type { LabCase, LabResult } from './types.d.mts';
export function runReal(cases: readonly LabCase[], options?: { verifiers?: readonly string[]; concurrency?: number; quiet?: boolean }): Promise<LabResult[]>;
