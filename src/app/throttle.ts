/**
 * Runs `run` soon after `schedule()` is called, but at most once per `interval()` ms: the first
 * call after a quiet spell runs in the next task (not the next animation frame: for a single
 * dropped file, waiting for a frame here and again for the query results was two frames, 20–33 ms,
 * between its decode and its analysis being asked for), calls during a burst are folded into one
 * run on the animation frame after the interval is up. For page state that a 1,000-file drop changes thousands of
 * times (inputs read, decoded, progress): each re-make of the session costs the page time in
 * proportion to its size, so it happens a few times a second, not once per result.
 */
export interface Throttle {
  schedule(): void;
  cancel(): void;
}

export interface ThrottleTimers {
  readonly now: () => number;
  readonly frame: (run: () => void) => () => void;
  readonly after: (ms: number, run: () => void) => () => void;
  /** The next task, without waiting for a frame. */
  readonly soon: (run: () => void) => () => void;
}

export const pageTimers: ThrottleTimers = {
  now: () => performance.now(),
  frame: (run) => {
    // A hidden page gets no animation frames: a timer then, so work still completes.
    if (document.visibilityState !== 'visible') {
      const t = window.setTimeout(run, 16);
      return () => window.clearTimeout(t);
    }
    const f = window.requestAnimationFrame(run);
    return () => window.cancelAnimationFrame(f);
  },
  after: (ms, run) => {
    const t = window.setTimeout(run, ms);
    return () => window.clearTimeout(t);
  },
  soon: (run) => {
    const t = window.setTimeout(run, 0);
    return () => window.clearTimeout(t);
  },
};

/**
 * `run` is told whether it is the first run after a quiet spell (the first result of a drop: small,
 * and worth showing at once) or one of a burst's (worth rendering as interruptible work).
 */
export function throttle(run: (first: boolean) => void, interval: () => number, timers: ThrottleTimers = pageTimers): Throttle {
  let cancelPending: (() => void) | null = null;
  let last = -Infinity;
  const fire = (first: boolean) => {
    cancelPending = (first ? timers.soon : timers.frame)(() => {
      cancelPending = null;
      last = timers.now();
      run(first);
    });
  };
  return {
    schedule() {
      if (cancelPending) return;
      const wait = last + interval() - timers.now();
      if (wait <= 0) fire(true);
      else cancelPending = timers.after(wait, () => fire(false));
    },
    cancel() {
      cancelPending?.();
      cancelPending = null;
    },
  };
}

/** How long a session of `inputs` waits at least between two re-makes while results stream in (ms). */
export function sessionInterval(inputs: number): number {
  return Math.min(250, 16 + inputs / 8);
}
