/** PagePace: background work waits for the page's idle signal, or for its longest wait. */
import { describe, expect, it } from 'vitest';
import { PagePace, type PaceTimers } from './page-pace';

/** Timers that run only when the test moves the clock. */
function fakeTimers() {
  let clock = 0;
  let timers: { at: number; run: () => void; handle: number }[] = [];
  let next = 1;
  const api: PaceTimers = {
    setTimeout: (run, ms) => {
      const handle = next++;
      timers.push({ at: clock + ms, run, handle });
      return handle;
    },
    clearTimeout: (handle) => {
      timers = timers.filter((t) => t.handle !== handle);
    },
    now: () => clock,
  };
  const advance = async (ms: number) => {
    clock += ms;
    const due = timers.filter((t) => t.at <= clock);
    timers = timers.filter((t) => t.at > clock);
    for (const t of due) t.run();
    await Promise.resolve();
  };
  return { api, advance, pendingTimers: () => timers.length, setClock: (ms: number) => (clock = ms) };
}

/** Records how a wait ended, and when. */
function watch(pace: PagePace, timers: ReturnType<typeof fakeTimers>, maxWaitMs: number, since?: number) {
  const seen: { how: string | null } = { how: null };
  void pace.wait(maxWaitMs, since).then((how) => {
    seen.how = `${how}@${timers.api.now()}`;
  });
  return seen;
}

describe('PagePace', () => {
  // [what happens, how the wait ends, why]
  const rows: [string, string, string][] = [
    ['idle after 30 ms', 'idle@30', 'the page idled: the work goes on at once, not at the longest wait'],
    ['nothing', 'timeout@1000', 'a page that never idles (busy, hidden) still gets its answers'],
    ['idle before the wait', 'timeout@1000', 'a signal with no wait under way and no `since` does not count for later waits'],
  ];
  it.each(rows)('%s → %s (%s)', async (what, expected) => {
    const timers = fakeTimers();
    const pace = new PagePace(timers.api);
    if (what === 'idle before the wait') pace.idle();
    const seen = watch(pace, timers, 1000);
    if (what === 'idle after 30 ms') {
      await timers.advance(30);
      pace.idle();
      await Promise.resolve();
    }
    for (let t = 0; t < 12 && seen.how === null; t++) await timers.advance(100);
    expect(seen.how).toBe(expected);
  });

  it('a signal since the request arrived counts: a request queued behind other work does not wait again', async () => {
    const timers = fakeTimers();
    const pace = new PagePace(timers.api);
    const asked = pace.now();
    await timers.advance(50);
    pace.idle();
    await timers.advance(500);
    await expect(pace.wait(1000, asked)).resolves.toBe('idle');
    // A signal older than `since` does not.
    const seen = watch(pace, timers, 1000, timers.api.now() + 1);
    await timers.advance(1000);
    expect(seen.how).toBe('timeout@1550');
  });

  it('one signal ends every wait under way, and clears their timers', async () => {
    const timers = fakeTimers();
    const pace = new PagePace(timers.api);
    const a = watch(pace, timers, 1000);
    const b = watch(pace, timers, 500);
    expect(pace.waiting).toBe(2);
    pace.idle();
    await Promise.resolve();
    expect([a.how, b.how]).toEqual(['idle@0', 'idle@0']);
    expect(pace.waiting).toBe(0);
    expect(timers.pendingTimers()).toBe(0);
  });

  it('a wait that timed out is not ended again by a later signal', async () => {
    const timers = fakeTimers();
    const pace = new PagePace(timers.api);
    const seen = watch(pace, timers, 100);
    await timers.advance(100);
    expect(seen.how).toBe('timeout@100');
    expect(pace.waiting).toBe(0);
    pace.idle();
    await Promise.resolve();
    expect(seen.how).toBe('timeout@100');
  });

  it('runs with the real clock', async () => {
    const pace = new PagePace();
    const waited = pace.wait(5_000);
    setTimeout(() => pace.idle(), 5);
    await expect(waited).resolves.toBe('idle');
    await expect(new PagePace().wait(5)).resolves.toBe('timeout');
  });
});
