/**
 * One queue for every file the page is handed (picked, dropped, a folder streaming in): files are
 * handed to the engine a few at a time, one step per task, and their results are taken in the
 * order the files came.
 *
 * Handing a File to the engine (postMessage) costs the page about a millisecond per file, paid
 * synchronously; a folder drop delivers its files in quick bursts, and when each burst started its
 * own loop, bursts that arrived within one task posted hundreds of files in that task (a 1.7 s
 * freeze on a 1,385-file drop). With one queue no task posts more than `batch` files. A File from
 * the folder picker costs more to post, up to 7–10 ms while the engine decodes on the other core
 * (its snapshot is taken then; a profile showed 105–172 ms steps of 16): with a budget, each
 * batch is sized from the last one's measured cost.
 */
export interface ReadQueueOptions<R> {
  /** Asks the engine for a batch; resolves with one result per file, in order. */
  readonly read: (files: readonly File[]) => Promise<readonly R[]>;
  /** The results of a batch whose read failed as a whole (one per file). */
  readonly failed: (files: readonly File[], error: unknown) => readonly R[];
  /** Takes a batch's results, in the order the files were queued. */
  readonly take: (files: readonly File[], results: readonly R[]) => void;
  /** Files handed to the engine per step. */
  readonly batch: number;
  /**
   * The first step after the queue was idle hands this many, and each next step twice as many up
   * to `batch`: the first rows wait for a few files to be read and decoded, not for a full batch.
   */
  readonly firstBatch?: number;
  /** Runs the next step in a later task (window.setTimeout in the page). */
  readonly later: (step: () => void) => void;
  /**
   * What a step's synchronous part (asking for the batch: posting its Files) should take: each
   * next batch is what fits this at the last batch's cost per file (at least 1, at most twice the
   * last and `batch`). Without it, batches only grow.
   */
  readonly budgetMs?: number;
  /** The clock the budget is measured with (performance.now in the page). */
  readonly now?: () => number;
  /**
   * At most this many batches asked for and not yet answered (default: no limit). A File handed
   * to the engine while it reads other files waits on the same browser thread that serves those
   * reads: posting one batch of picked files took 62–147 ms in one task then.
   */
  readonly maxInFlight?: number;
}

/** The next batch's size: `files` were asked for in `spentMs`; see ReadQueueOptions.budgetMs. */
export function nextBatchSize(files: number, spentMs: number, batch: number, budgetMs: number | undefined): number {
  const grown = Math.max(1, Math.min(batch, files * 2));
  if (budgetMs === undefined || files === 0) return grown;
  const each = Math.max(spentMs / files, 0.01);
  return Math.max(1, Math.min(grown, Math.floor(budgetMs / each)));
}

export class ReadQueue<R> {
  private readonly waiting: File[] = [];
  /** Batches asked for and not yet taken, in order. */
  private readonly asked: { readonly files: readonly File[]; readonly results: Promise<readonly R[]> }[] = [];
  private pumping = false;
  /** Batches asked for whose results have not come yet. */
  private inFlight = 0;
  /** A step found `maxInFlight` batches under way and waits for one to be answered. */
  private stalled = false;
  private taking = false;
  private size = 0;
  /** How many more files may be asked for while held (Infinity when not held). */
  private allowance = Number.POSITIVE_INFINITY;

  constructor(private readonly options: ReadQueueOptions<R>) {}

  /** Files queued or asked for and not yet taken. */
  get pending(): number {
    return this.waiting.length + this.asked.reduce((n, a) => n + a.files.length, 0);
  }

  add(files: readonly File[]): void {
    this.waiting.push(...files);
    this.pump();
  }

  /**
   * Holds the queue: files still queue up, but only `allowance` more are handed to the engine
   * until `release()`. Holding again while held keeps what is left of the first allowance.
   */
  hold(allowance: number): void {
    if (this.allowance === Number.POSITIVE_INFINITY) this.allowance = allowance;
  }

  release(): void {
    this.allowance = Number.POSITIVE_INFINITY;
    this.pump();
  }

  private pump(): void {
    if (this.pumping || this.waiting.length === 0 || this.allowance <= 0) return;
    this.pumping = true;
    this.size = this.options.firstBatch ?? this.options.batch;
    this.step();
  }

  private step(): void {
    if (this.inFlight >= (this.options.maxInFlight ?? Number.POSITIVE_INFINITY)) {
      // Goes on when a batch's results come (the `finally` below).
      this.stalled = true;
      return;
    }
    const files = this.waiting.splice(0, Math.min(this.size, this.allowance));
    if (files.length === 0) {
      this.pumping = false;
      return;
    }
    this.allowance -= files.length;
    const now = this.options.now ?? (() => 0);
    const start = now();
    const results = this.options.read(files);
    this.size = nextBatchSize(files.length, now() - start, this.options.batch, this.options.budgetMs);
    this.inFlight++;
    const settled = results.catch((e: unknown) => this.options.failed(files, e)).finally(() => {
      this.inFlight--;
      if (this.stalled) {
        this.stalled = false;
        this.options.later(() => this.step());
      }
    });
    this.asked.push({ files, results: settled });
    void this.takeInOrder();
    this.options.later(() => this.step());
  }

  private async takeInOrder(): Promise<void> {
    if (this.taking) return;
    this.taking = true;
    try {
      for (let next = this.asked[0]; next; next = this.asked[0]) {
        const results = await next.results;
        this.asked.shift();
        this.options.take(next.files, results);
      }
    } finally {
      this.taking = false;
    }
  }
}
