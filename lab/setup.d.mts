export interface VerifierSetup {
  readonly available: boolean;
  readonly version?: string;
  readonly reason?: string;
  readonly fix?: string;
}
export function setupLab(options?: { quiet?: boolean; force?: boolean }): Promise<{ verifiers: Record<string, VerifierSetup>; elapsedMs: number }>;
export function formatSetup(result: unknown): string;
