import { describe, expect, it } from 'vitest';
import { ReadQueue } from './read-queue';

/** A queue whose "later" steps run only when the test says so, recording what each step posted. */
function harness(options: { failOn?: string; slow?: string; firstBatch?: number } = {}) {
  const steps: (() => void)[] = [];
  const posted: string[][] = [];
  const taken: string[] = [];
  const releases: (() => void)[] = [];
  const queue = new ReadQueue<string>({
    batch: 2,
    ...(options.firstBatch !== undefined ? { firstBatch: options.firstBatch } : {}),
    later: (step) => steps.push(step),
    read: (files) => {
      const names = files.map((f) => f.name);
      posted.push(names);
      if (options.failOn && names.includes(options.failOn)) return Promise.reject(new Error('engine gone'));
      const results = names.map((n) => `read ${n}`);
      if (options.slow && names.includes(options.slow)) return new Promise((resolve) => releases.push(() => resolve(results)));
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
