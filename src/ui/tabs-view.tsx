import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabsViewProps<T extends string> {
  readonly label: string;
  readonly tabs: readonly { readonly id: T; readonly label: string; readonly content: ReactNode }[];
  readonly selected: T;
  readonly onSelect: (id: T) => void;
}

/** WAI-ARIA tabs: arrow keys move between tabs, Tab moves into the panel. */
export function TabsView<T extends string>({ label, tabs, selected, onSelect }: TabsViewProps<T>) {
  const id = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const index = Math.max(0, tabs.findIndex((t) => t.id === selected));
  const onKeyDown = (e: KeyboardEvent) => {
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    const target = e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : delta ? (index + delta + tabs.length) % tabs.length : -1;
    const tab = tabs[target];
    if (!tab) return;
    e.preventDefault();
    onSelect(tab.id);
    refs.current[target]?.focus();
  };
  const current = tabs[index];
  return (
    <div>
      <div role="tablist" aria-label={label} className="mb-3 flex gap-1 border-b border-zinc-300 dark:border-zinc-700" onKeyDown={onKeyDown}>
        {tabs.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${t.id}`}
            aria-selected={t.id === selected}
            aria-controls={`${id}-panel`}
            tabIndex={t.id === selected ? 0 : -1}
            onClick={() => onSelect(t.id)}
            className={`-mb-px cursor-pointer border-b-2 px-3 py-1.5 text-sm font-medium ${
              t.id === selected ? 'border-indigo-600 text-indigo-800 dark:border-indigo-400 dark:text-indigo-200' : 'border-transparent text-zinc-700 hover:text-zinc-900 dark:text-zinc-300 dark:hover:text-white'
            }`}
          >
            {t.label}
          </button>
        ))}
      </div>
      {current && (
        <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${current.id}`}>
          {current.content}
        </div>
      )}
    </div>
  );
}
