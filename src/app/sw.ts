/// <reference lib="webworker" />
/**
 * The service worker: precaches every file of the build (including the lazily loaded chunks:
 * Worker, PKCS#12/legacy ciphers, ASN.1 view, root store) so every feature works offline after
 * the first visit, and receives files shared to the installed app (Web Share Target).
 *
 * Shared files are held in this worker's memory only until the page asks for them once: they
 * may be private keys, so they are never written to Cache Storage or IndexedDB.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

/** Files received through share_target, waiting for the page to collect them. */
let pendingShared: File[] = [];

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method === 'POST' && url.pathname.endsWith('/share-target')) {
    event.respondWith(
      (async () => {
        const form = await event.request.formData();
        pendingShared = form.getAll('files').filter((v): v is File => v instanceof File);
        return Response.redirect(new URL('./?share-target=1', self.registration.scope).href, 303);
      })(),
    );
  }
});

self.addEventListener('message', (event) => {
  const data: unknown = event.data;
  if (typeof data !== 'object' || data === null || !('type' in data)) return;
  if (data.type === 'SKIP_WAITING') void self.skipWaiting();
  if (data.type === 'TAKE_SHARED_FILES') {
    event.ports[0]?.postMessage({ files: pendingShared });
    pendingShared = [];
  }
});
