import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider, notifyManager } from '@tanstack/react-query';
import '../index.css';
import '../ui/styles.css';
import { App } from './app';
import { applyTheme, readThemeChoice } from './theme';
import { installTrustedTypes } from './trusted-types';

// Before anything can create a Worker or register the service worker.
installTrustedTypes();

// Apply the theme before the first paint to avoid a flash of the wrong one.
applyTheme(readThemeChoice());

/**
 * Query results reach the page at most once per frame, all together: a 1,000-file drop resolves
 * 1,000 decode queries, and one re-render per result would keep the main thread busy for
 * seconds. The callbacks run in one synchronous block, so React renders once for all of them.
 * The first result after a quiet spell (a single dropped file's decode, then its analysis) goes
 * out in the next task instead of waiting up to a frame.
 */
const QUIET_MS = 100;
const queuedNotifications: (() => void)[] = [];
let lastFlush = -Infinity;
notifyManager.setScheduler((callback) => {
  queuedNotifications.push(callback);
  if (queuedNotifications.length > 1) return;
  const flush = () => {
    lastFlush = performance.now();
    const callbacks = queuedNotifications.splice(0);
    notifyManager.batch(() => {
      for (const f of callbacks) f();
    });
  };
  // A hidden page gets no animation frames: a timer then, so work still completes.
  if (document.visibilityState !== 'visible') setTimeout(flush, 16);
  else if (performance.now() - lastFlush > QUIET_MS) setTimeout(flush, 0);
  else requestAnimationFrame(flush);
});

/** The one QueryClient: local work only, so results never go stale and run offline. */
const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: Infinity, networkMode: 'always', retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
    mutations: { networkMode: 'always' },
  },
});

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
