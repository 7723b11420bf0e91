import { describe, expect, it } from 'vitest';
import { sessionInterval, throttle, type ThrottleTimers } from './throttle';

/** Timers driven by the test: a clock, pending frame callbacks, pending timers and pending next tasks. */
function fakeTimers() {
  let now = 0;
  const frames: (() => void)[] = [];
  const tasks: (() => void)[] = [];
  let timers: { at: number; run: () => void }[] = [];
  const t: ThrottleTimers = {
    now: () => now,
    frame: (run) => {
      frames.push(run);
      return () => frames.splice(frames.indexOf(run), 1);
    },
    after: (ms, run) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return () => (timers = timers.filter((x) => x !== timer));
    },
    soon: (run) => {
      tasks.push(run);
      return () => tasks.splice(tasks.indexOf(run), 1);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    const due = timers.filter((x) => x.at <= now);
    timers = timers.filter((x) => x.at > now);
    for (const d of due) d.run();
  };
  const paint = () => frames.splice(0).forEach((f) => f());
  const nextTask = () => tasks.splice(0).forEach((f) => f());
  return { t, advance, paint, nextTask };
}

describe('throttle: a burst of changes re-makes the session a few times, the first at once', () => {
  it('runs the first call in the next task (no frame waited for), folds a burst into one run per interval on a frame', () => {
    const f = fakeTimers();
    let runs = 0;
    const firsts: boolean[] = [];
    const th = throttle(
      (first) => {
        runs++;
        firsts.push(first);
      },
      () => 100,
      f.t,
    );
    th.schedule();
    th.schedule();
    f.paint();
    expect(runs).toBe(0);
    f.nextTask();
    expect(runs).toBe(1);
    // A burst within the interval: nothing until it is up, then one run on the next frame.
    for (let i = 0; i < 10; i++) {
      f.advance(5);
      th.schedule();
    }
    f.paint();
    expect(runs).toBe(1);
    f.advance(60);
    f.paint();
    expect(runs).toBe(2);
    // The first run is told it is (show it at once); the burst's is not (render it interruptibly).
    expect(firsts).toEqual([true, false]);
  });

  it('runs at once again after a quiet spell, and a cancelled run never comes', () => {
    const f = fakeTimers();
    let runs = 0;
    const th = throttle(() => runs++, () => 100, f.t);
    th.schedule();
    f.nextTask();
    f.advance(500);
    th.schedule();
    f.nextTask();
    expect(runs).toBe(2);
    th.schedule();
    th.cancel();
    f.advance(500);
    f.paint();
    f.nextTask();
    expect(runs).toBe(2);
  });

  const rows: [number, number, string][] = [
    [1, 16.125, 'a single file: about a frame between re-makes'],
    [800, 116, 'a few hundred inputs: about eight re-makes a second'],
    [1385, 189.125, 'the 1,385-file folder'],
    [10_000, 250, 'capped: the list still fills four times a second'],
  ];
  it.each(rows)('sessionInterval(%i) = %f ms (%s)', (inputs, expected) => {
    expect(sessionInterval(inputs)).toBe(expected);
  });
});
