/**
 * The engine's background work takes turns with the page. On two cores, a batch of later verifier
 * answers worked out while the page renders the previous one made the page's tasks 2–4 times
 * longer than the CPU they used (traces: the page's scavenges and layouts waited behind the
 * engine and the garbage collector's helper threads). So after posting a batch, the background
 * work waits until the page says it is idle (it asks requestIdleCallback after taking the batch,
 * client.ts pageIdleSoon), or at most `maxWaitMs`: a page that never idles, or is hidden, still
 * gets its answers.
 */
export interface PaceTimers {
  readonly setTimeout: (run: () => void, ms: number) => unknown;
  readonly clearTimeout: (handle: unknown) => void;
  readonly now: () => number;
}

const REAL_TIMERS: PaceTimers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => performance.now(),
};

export class PagePace {
  private waiters: (() => void)[] = [];
  private lastIdle = Number.NEGATIVE_INFINITY;

  constructor(private readonly timers: PaceTimers = REAL_TIMERS) {}

  /** The page said it is idle: every wait under way ends. */
  idle(): void {
    this.lastIdle = this.timers.now();
    const waiting = this.waiters;
    this.waiters = [];
    for (const done of waiting) done();
  }

  /** The pace's clock, to say since when a later wait counts the page's signals. */
  now(): number {
    return this.timers.now();
  }

  /**
   * Resolves at the page's next idle signal, or after `maxWaitMs`, whichever comes first; says
   * which. With `since` (this pace's clock), a signal that came after it counts too: a request
   * that queued behind other work does not wait for a signal the page already sent.
   */
  wait(maxWaitMs: number, since = Number.POSITIVE_INFINITY): Promise<'idle' | 'timeout'> {
    if (this.lastIdle >= since) return Promise.resolve('idle');
    return new Promise((resolve) => {
      const done = () => {
        this.timers.clearTimeout(timer);
        resolve('idle');
      };
      const timer = this.timers.setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve('timeout');
      }, maxWaitMs);
      this.waiters.push(done);
    });
  }

  /** How many waits are under way. */
  get waiting(): number {
    return this.waiters.length;
  }
}
