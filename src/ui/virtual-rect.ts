import { elementScroll, measureElement, type Rect, type Virtualizer } from '@tanstack/react-virtual';

/**
 * Virtual lists that force no layout when they mount.
 *
 * The scroll box's size for a virtual list, told only by a ResizeObserver: unlike the library's
 * default, it does not read the box's size when the list mounts. That read comes in React's commit
 * and forces the browser to lay out the whole page there (26 ms in the commit that shows the first
 * rows of a 1,385-file drop, on top of the render). Until the observer's first callback, which
 * comes after the frame's own layout, the list uses its `initialRect` (its known or maximal
 * height), so the first rows still render at once.
 */
export function observeRectLater<T extends Element>(instance: Virtualizer<T, Element>, cb: (rect: Rect) => void): (() => void) | undefined {
  const element = instance.scrollElement;
  const View = element?.ownerDocument.defaultView?.ResizeObserver;
  if (!element || !View) return undefined;
  const observer = new View(() => {
    // Inside the observer's callback the layout is fresh: these reads cost nothing.
    cb({ width: Math.round(element.clientWidth), height: Math.round(element.clientHeight) });
  });
  observer.observe(element, { box: 'content-box' });
  return () => observer.disconnect();
}

/** Scroll boxes the library has written a position to (see scrollLater). */
const written = new WeakSet<Element>();

/**
 * The library's scroll writer, except its first write to a new box when that write is to the top:
 * on mount the library scrolls the box to where it already is, and `scrollTo` in React's layout
 * effects forces the page's layout there, as the size read did. Every later write (a person's
 * Home key, a scroll to the selected row, a return to the top) goes through.
 */
export function scrollLater<T extends Element>(offset: number, options: { adjustments?: number; behavior?: ScrollBehavior }, instance: Virtualizer<T, Element>): void {
  const element = instance.scrollElement;
  if (element && !written.has(element)) {
    written.add(element);
    if (offset + (options.adjustments ?? 0) === 0) return;
  }
  elementScroll(offset, options, instance);
}

/**
 * A row's size, told only by the ResizeObserver the library watches each row with. The library's
 * default also reads a new row's `offsetHeight` when its ref attaches, in React's commit, which
 * forces the page's layout there: 35–75 ms in the commit that shows a 1,385-file folder's input
 * rows, while the engine kept the other core busy. Until the observer's callback (after the
 * frame's own layout) a new row counts as its last known size or the estimate; rows unlike the
 * estimate are corrected then, in the same frame.
 */
export function measureLater<S extends Element, T extends Element>(element: T, entry: ResizeObserverEntry | undefined, instance: Virtualizer<S, T>): number {
  if (entry) return measureElement(element, entry, instance);
  const index = instance.indexFromElement(element);
  return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index);
}
