import type { LabCase } from './types.d.mts';
export function loadLimboCases(path?: string, options?: { quiet?: boolean }): { cases: LabCase[]; expected: Record<string, string>; source: string; missing: boolean };
