import { describe, expect, it } from 'vitest';
import type { Virtualizer } from '@tanstack/react-virtual';
import { measureLater, observeRectLater, scrollLater } from './virtual-rect';

/** A scroll box whose size reads are counted, in a window with a hand-driven ResizeObserver. */
function fakeBox(withObserver: boolean) {
  const observers: { fire: () => void; observed: Element[]; disconnected: boolean }[] = [];
  class FakeObserver {
    observed: Element[] = [];
    disconnected = false;
    constructor(private readonly callback: () => void) {
      observers.push(this as unknown as (typeof observers)[number]);
    }
    fire() {
      this.callback();
    }
    observe(el: Element) {
      this.observed.push(el);
    }
    disconnect() {
      this.disconnected = true;
    }
  }
  let reads = 0;
  const element = {
    ownerDocument: { defaultView: withObserver ? { ResizeObserver: FakeObserver } : {} },
    get clientWidth() {
      reads++;
      return 300.4;
    },
    get clientHeight() {
      reads++;
      return 447.6;
    },
  } as unknown as Element;
  const instance = { scrollElement: element } as unknown as Virtualizer<Element, Element>;
  return { instance, observers, reads: () => reads };
}

describe('observeRectLater', () => {
  it('reads no size at mount; tells the rounded size when the observer fires; disconnects on cleanup', () => {
    const box = fakeBox(true);
    const told: { width: number; height: number }[] = [];
    const cleanup = observeRectLater(box.instance, (r) => told.push(r));
    expect([box.reads(), told.length], 'nothing read or told at mount (that read forced a layout)').toEqual([0, 0]);
    box.observers[0]!.fire();
    expect(told).toEqual([{ width: 300, height: 448 }]);
    cleanup?.();
    expect(box.observers[0]!.disconnected).toBe(true);
  });

  it.each([
    ['no ResizeObserver in the window', fakeBox(false).instance, 'the list keeps its initialRect'],
    ['no scroll element yet', { scrollElement: null } as unknown as Virtualizer<Element, Element>, 'called again once the element mounts'],
  ])('%s: nothing observed (%s)', (_what, instance) => {
    const told: unknown[] = [];
    expect(observeRectLater(instance, (r) => told.push(r))).toBeUndefined();
    expect(told).toEqual([]);
  });
});

describe('scrollLater', () => {
  const box = () => {
    const writes: number[] = [];
    const element = { ownerDocument: {}, scrollTo: (o: { top: number }) => writes.push(o.top) } as unknown as Element;
    const instance = { scrollElement: element, options: { horizontal: false, isRtl: false } } as unknown as Virtualizer<Element, Element>;
    return { instance, writes };
  };

  it.each([
    ['the mount write to the top', [0], [], 'the box is already there; scrollTo would force a layout in the commit'],
    ['a first write elsewhere', [640], [640], 'a list restored to a scrolled position still gets there'],
    ['the mount write, then a return to the top', [0, 640, 0], [640, 0], 'only the very first write to a box is skipped'],
  ])('%s: writes %j give %j (%s)', (_what, offsets, expected) => {
    const b = box();
    for (const offset of offsets) scrollLater(offset, {}, b.instance);
    expect(b.writes).toEqual(expected);
  });

  it('treats each new box as new (a list shown again after being emptied)', () => {
    const first = box();
    const second = box();
    scrollLater(0, {}, first.instance);
    scrollLater(0, {}, second.instance);
    scrollLater(0, {}, first.instance);
    expect([first.writes, second.writes]).toEqual([[0], []]);
  });
});

describe('measureLater', () => {
  /** A row whose layout reads are counted, in a list that knows the sizes of some keys. */
  function row(key: string, cached: number | undefined) {
    let reads = 0;
    const element = {
      get offsetHeight() {
        reads++;
        return 117;
      },
    } as unknown as Element;
    const instance = {
      options: { horizontal: false, useCachedMeasurements: false, getItemKey: () => key, estimateSize: () => 54 },
      indexFromElement: () => 0,
      itemSizeCache: new Map(cached === undefined ? [] : [[key, cached]]),
    } as unknown as Virtualizer<Element, Element>;
    return { element, instance, reads: () => reads };
  }
  const entry = (blockSize: number) => ({ borderBoxSize: [{ blockSize, inlineSize: 300 }] }) as unknown as ResizeObserverEntry;
  // [size known before, observer entry, size, why]
  const ROWS: readonly [number | undefined, ResizeObserverEntry | undefined, number, string][] = [
    [undefined, undefined, 54, 'a new row, mounted: the estimate, no layout read'],
    [117, undefined, 117, 'a row mounted again (scrolled back): its last known size'],
    [undefined, entry(116.6), 117, "the observer's size, rounded"],
    [54, entry(178), 178, 'the observer wins over what was known'],
  ];
  it.each(ROWS)('%#: known %s, entry %o → %s (%s)', (known, e, size) => {
    const r = row('a', known);
    expect(measureLater(r.element, e, r.instance)).toBe(size);
    expect(r.reads()).toBe(0);
  });
});
