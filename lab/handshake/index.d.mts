import type { LabCase, LabResult } from '../types.d.mts';
export function runChrome(cases: readonly LabCase[], options?: Record<string, unknown>): Promise<LabResult[]>;
export function runOpensslHandshake(cases: readonly LabCase[], options?: Record<string, unknown>): Promise<LabResult[]>;
export function runCurl(cases: readonly LabCase[], options?: Record<string, unknown>): Promise<LabResult[]>;
export function chromeVersion(): Promise<string>;
