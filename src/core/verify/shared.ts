/**
 * Work a verifier model shares between runs over the same input: a certificate's two roles
 * (TLS server and TLS client) are asked with one input, and what a model does before its first
 * role-dependent step (OpenSSL's chain building and signature walk, Go's chain search) gives the
 * same answer both times. One SharedRuns belongs to one input of one analysis (session.ts makes a
 * new one per certificate and per "root trusted" input), so nothing outlives the analysis.
 */
export class SharedRuns {
  private readonly results = new Map<string, unknown>();

  /** The value `make` gives for `key`, made once (a promise is kept as is: a second run waits on the first). */
  get<T>(key: string, make: () => T): T {
    if (this.results.has(key)) return this.results.get(key) as T;
    const value = make();
    this.results.set(key, value);
    return value;
  }
}

/** `make()`, made once per input through `shared` when the caller gave one (session.ts does), else each time. */
export function sharedOr<T>(shared: SharedRuns | null | undefined, key: string, make: () => T): T {
  return shared ? shared.get(key, make) : make();
}
