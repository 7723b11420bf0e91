import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import '../index.css';
import '../ui/styles.css';
import { App } from './app';
import { applyTheme, readThemeChoice } from './theme';

// Apply the theme before the first paint to avoid a flash of the wrong one.
applyTheme(readThemeChoice());

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
