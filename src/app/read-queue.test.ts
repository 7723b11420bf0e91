import { describe, expect, it } from 'vitest';
import { nextBatchSize, ReadQueue } from './read-queue';

/** A queue whose "later" steps run only when the test says so, recording what each step posted. */
function harness(options: { failOn?: string; slow?: string; firstBatch?: number; maxInFlight?: number; holdAll?: boolean } = {}) {
  const steps: (() => void)[] = [];
  const posted: string[][] = [];
  const taken: string[] = [];
  const releases: (() => void)[] = [];
  const queue = new ReadQueue<string>({
    batch: 2,
    ...(options.firstBatch !== undefined ? { firstBatch: options.firstBatch } : {}),
    ...(options.maxInFlight !== undefined ? { maxInFlight: options.maxInFlight } : {}),
    later: (step) => steps.push(step),
    read: (files) => {
      const names = files.map((f) => f.name);
      posted.push(names);
      if (options.failOn && names.includes(options.failOn)) return Promise.reject(new Error('engine gone'));
      const results = names.map((n) => `read ${n}`);
      if (options.holdAll || (options.slow && names.includes(options.slow))) return new Promise((resolve) => releases.push(() => resolve(results)));
      return Promise.resolve(results);
    },
    failed: (files, e) => files.map((f) => `failed ${f.name}: ${(e as Error).message}`),
    take: (_files, results) => taken.push(...results),
  });
  const runStep = () => steps.shift()?.();
  return { queue, posted, taken, runStep, steps, releases };
}
const files = (...names: string[]) => names.map((n) => new File([n], n));
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ReadQueue: every file handed in reaches the engine a batch per task, and is taken in order', () => {
  it('posts one batch per task, however many bursts arrive within a task', async () => {
    const h = harness();
    // Three bursts in the same task (a folder walk resolving several batches at once).
    h.queue.add(files('a', 'b', 'c'));
    h.queue.add(files('d'));
    h.queue.add(files('e', 'f'));
    expect(h.posted).toEqual([['a', 'b']]);
    expect(h.queue.pending).toBe(6);
    h.runStep();
    expect(h.posted).toEqual([['a', 'b'], ['c', 'd']]);
    h.runStep();
    h.runStep();
    h.runStep();
    expect(h.posted).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f']]);
    expect(h.steps).toEqual([]);
    await settle();
    expect(h.taken).toEqual(['read a', 'read b', 'read c', 'read d', 'read e', 'read f']);
    expect(h.queue.pending).toBe(0);
  });

  it('takes results in the order the files came even when a later batch answers first', async () => {
    const h = harness({ slow: 'a' });
    h.queue.add(files('a', 'b', 'c', 'd'));
    h.runStep();
    await settle();
    expect(h.taken).toEqual([]);
    h.releases.forEach((r) => r());
    await settle();
    expect(h.taken).toEqual(['read a', 'read b', 'read c', 'read d']);
  });

  it('turns a batch whose read fails as a whole into one failure per file, and goes on', async () => {
    const h = harness({ failOn: 'b' });
    h.queue.add(files('a', 'b', 'c'));
    h.runStep();
    await settle();
    expect(h.taken).toEqual(['failed a: engine gone', 'failed b: engine gone', 'read c']);
  });

  it('while held hands on only its allowance; files keep queuing; release hands on the rest, in order', async () => {
    const h = harness();
    h.queue.hold(3);
    h.queue.add(files('a', 'b'));
    h.queue.add(files('c', 'd'));
    while (h.steps.length > 0) h.runStep();
    expect(h.posted, 'the allowance (3) in batches of 2, then nothing').toEqual([['a', 'b'], ['c']]);
    h.queue.hold(5);
    h.queue.add(files('e'));
    while (h.steps.length > 0) h.runStep();
    expect(h.posted, 'holding again while held does not renew the allowance').toEqual([['a', 'b'], ['c']]);
    expect(h.queue.pending, 'held files count as pending (the session waits for them)').toBe(5);
    h.queue.release();
    while (h.steps.length > 0) h.runStep();
    expect(h.posted).toEqual([['a', 'b'], ['c'], ['d', 'e']]);
    await settle();
    expect(h.taken).toEqual(['read a', 'read b', 'read c', 'read d', 'read e']);
    h.queue.hold(0);
    h.queue.add(files('f'));
    expect(h.posted.length, 'an allowance of 0 hands on nothing').toBe(3);
    h.queue.release();
    expect(h.posted.at(-1)).toEqual(['f']);
  });

  it('ramps up from firstBatch after an idle spell, doubling to batch', async () => {
    const h = harness({ firstBatch: 1 });
    h.queue.add(files('a', 'b', 'c', 'd', 'e'));
    while (h.steps.length > 0) h.runStep();
    expect(h.posted).toEqual([['a'], ['b', 'c'], ['d', 'e']]);
    await settle();
    h.queue.add(files('f', 'g'));
    expect(h.posted.at(-1)).toEqual(['f']);
  });

  it('starts again for files added after it ran dry', async () => {
    const h = harness();
    h.queue.add(files('a'));
    h.runStep();
    await settle();
    h.queue.add(files('b'));
    await settle();
    expect(h.posted).toEqual([['a'], ['b']]);
    expect(h.taken).toEqual(['read a', 'read b']);
  });
});

describe('ReadQueue: a batch is sized to what posting the last one cost', () => {
  const rows: [files: number, spentMs: number, batch: number, budgetMs: number | undefined, expected: number, why: string][] = [
    [4, 2, 16, undefined, 8, 'no budget: twice the last batch'],
    [16, 2, 16, undefined, 16, 'no budget: never above the batch size'],
    [4, 2, 16, 12, 8, '0.5 ms a file: 24 would fit, at most twice the last'],
    [16, 112, 16, 12, 1, '7 ms a file (folder picker, engine busy): one file a task'],
    [8, 24, 16, 12, 4, '3 ms a file: 4 fit in 12 ms'],
    [16, 0, 16, 12, 16, 'free (a fake clock): the batch size'],
    [0, 0, 16, 12, 1, 'nothing was asked for: no estimate, and never a batch of none'],
  ];
  it.each(rows)('%i files in %f ms (batch %i, budget %s) → next %i (%s)', (files, spent, batch, budget, expected) => {
    expect(nextBatchSize(files, spent, batch, budget)).toBe(expected);
  });

  it('measures each step with its clock: a slow batch makes the next ones small, a quick one lets them grow back', async () => {
    let clock = 0;
    let costEach = 5;
    const steps: (() => void)[] = [];
    const posted: number[] = [];
    const queue = new ReadQueue<string>({
      batch: 8,
      firstBatch: 4,
      budgetMs: 10,
      now: () => clock,
      later: (step) => steps.push(step),
      read: (batch) => {
        posted.push(batch.length);
        clock += costEach * batch.length;
        return Promise.resolve(batch.map((f) => f.name));
      },
      failed: (batch) => batch.map(() => 'failed'),
      take: () => undefined,
    });
    // The first step runs at once: 4 files at 5 ms each, so 2 fit in 10 ms.
    queue.add(files(...Array.from({ length: 20 }, (_, i) => `f${i}`)));
    costEach = 0.5;
    // 2 files at 0.5 ms: 20 would fit, at most twice the last: 4; then 8 (the batch size); then the last 2.
    steps.shift()?.();
    steps.shift()?.();
    steps.shift()?.();
    steps.shift()?.();
    expect(posted).toEqual([4, 2, 4, 8, 2]);
    await settle();
    expect(queue.pending).toBe(0);
  });
});

describe('ReadQueue maxInFlight: the next batch is handed over once the engine has read one (no Files posted while it reads)', () => {
  /** Runs every step scheduled so far, then lets promises settle. */
  const drain = async (h: ReturnType<typeof harness>) => {
    for (let i = 0; i < 20 && h.steps.length > 0; i++) h.runStep();
    await settle();
  };
  // [maxInFlight, batches posted before any read is answered, why]
  const ROWS: readonly [number | undefined, number, string][] = [
    [undefined, 3, 'no limit: every batch is handed over a task apart'],
    [1, 1, 'one at a time: a File posted while the engine reads waited on the browser (62–147 ms tasks)'],
    [2, 2, 'two: the engine has the next batch at hand when it finishes one'],
  ];
  it.each(ROWS)('maxInFlight %s → %i batches asked before a read is answered (%s)', async (maxInFlight, expected) => {
    const h = harness({ holdAll: true, ...(maxInFlight !== undefined ? { maxInFlight } : {}) });
    h.queue.add(files('a', 'b', 'c', 'd', 'e', 'f'));
    await drain(h);
    expect(h.posted).toHaveLength(expected);
    // Each answer frees a place: the rest follows, and everything is taken in order.
    while (h.releases.length > 0) {
      h.releases.shift()?.();
      await settle();
      await drain(h);
    }
    expect(h.posted.flat()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(h.taken).toEqual(['read a', 'read b', 'read c', 'read d', 'read e', 'read f']);
    expect(h.queue.pending).toBe(0);
  });

  it('a read that fails frees its place too', async () => {
    const h = harness({ failOn: 'a', maxInFlight: 1 });
    h.queue.add(files('a', 'b', 'c', 'd'));
    await drain(h);
    await drain(h);
    expect(h.posted).toEqual([['a', 'b'], ['c', 'd']]);
    expect(h.taken).toEqual(['failed a: engine gone', 'failed b: engine gone', 'read c', 'read d']);
  });
});
