/** Types of scripts/build-cli.mjs (the CLI bundle build). */
export function isStale(target?: string): boolean;
export function buildCli(dir?: string): Promise<void>;
export function newestSourceTime(): number;
