import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { InputRow, type InputListProps } from './input-list';
import { measureLater, observeRectLater, scrollLater } from './virtual-rect';

/** Thousands of inputs: only the rows in view are rendered, each measured (rows differ in height). */
export default function VirtualInputRows({ entries, onRemove, onUnlock, onRunAnyway }: Omit<InputListProps, 'onClear' | 'incoming' | 'listing'>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    // A decoded input's row (name and one line of facts) at the default size: most rows of a big drop need no correction.
    estimateSize: () => 54,
    overscan: 3,
    observeElementRect: observeRectLater,
    scrollToFn: scrollLater,
    measureElement: measureLater,
    // The box's max-h-[28rem] at the default 16 px root size, until the observer tells its size.
    initialRect: { width: 0, height: 448 },
    gap: 8,
    getItemKey: (i) => entries[i]?.key ?? i,
  });
  return (
    <div ref={scrollRef} className="max-h-[28rem] overflow-auto" tabIndex={0} aria-label="Inputs, scrollable">
      <ul aria-label="Loaded inputs" className="relative" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((v) => {
          const entry = entries[v.index];
          if (!entry) return null;
          return (
            <InputRow
              key={entry.key}
              entry={entry}
              onRemove={onRemove}
              onUnlock={onUnlock}
              onRunAnyway={onRunAnyway}
              position={{ index: v.index, start: v.start, setSize: entries.length, measure: virtualizer.measureElement }}
            />
          );
        })}
      </ul>
    </div>
  );
}
