export type ThemeChoice = 'system' | 'light' | 'dark';

export interface HeaderViewProps {
  readonly theme: ThemeChoice;
  readonly onThemeChange: (theme: ThemeChoice) => void;
}

export function HeaderView({ theme, onThemeChange }: HeaderViewProps) {
  return (
    <header className="border-b border-zinc-200 bg-white/90 dark:border-zinc-800 dark:bg-zinc-900/90">
      <div className="mx-auto flex max-w-[1600px] flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
        <h1 className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 text-indigo-600 dark:text-indigo-400" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M12 3l7 3v6c0 4.5-3 7.5-7 9-4-1.5-7-4.5-7-9V6l7-3z" />
            <path d="M9 12l2 2 4-4" />
          </svg>
          Certscope
        </h1>
        <p className="flex items-center gap-1.5 rounded-full border border-emerald-300 bg-emerald-50 px-2.5 py-0.5 text-xs font-medium text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="2.5">
            <rect x="5" y="11" width="14" height="10" rx="2" />
            <path d="M8 11V7a4 4 0 018 0v4" />
          </svg>
          Nothing leaves your browser
        </p>
        <div className="ml-auto flex items-center gap-2 text-sm">
          <label htmlFor="theme-choice" className="text-zinc-600 dark:text-zinc-400">
            Theme
          </label>
          <select
            id="theme-choice"
            value={theme}
            onChange={(e) => onThemeChange(e.target.value === 'light' ? 'light' : e.target.value === 'dark' ? 'dark' : 'system')}
            className="field py-0.5"
          >
            <option value="system">System</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </div>
      </div>
    </header>
  );
}
