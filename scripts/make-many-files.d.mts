/** Writes the many-files folder (scripts/make-many-files.mjs) and returns the paths written. */
export function makeManyFiles(options?: { count?: number; out?: string }): string[];
