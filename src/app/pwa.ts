/**
 * Installed-app plumbing: service-worker registration with an update prompt, files opened from
 * the operating system (File Handling API: `launchQueue`), and files shared to the app (Web Share
 * Target, collected from the service worker's memory). None of this stores anything.
 */
import { registerSW } from 'virtual:pwa-register';

export interface PwaCallbacks {
  /** A new version is waiting; call `update()` to reload into it. */
  readonly onUpdateReady: (update: () => void) => void;
  readonly onOfflineReady?: () => void;
  /** Files arrived from the OS (double-click, "Open with") or from a share. */
  readonly onFiles: (files: File[]) => void;
}

interface LaunchParams {
  readonly files: readonly FileSystemFileHandle[];
}
interface LaunchQueue {
  setConsumer(consumer: (params: LaunchParams) => void): void;
}

export function startPwa(callbacks: PwaCallbacks): void {
  if ('serviceWorker' in navigator && import.meta.env.PROD) {
    const update = registerSW({
      immediate: true,
      onNeedRefresh: () => callbacks.onUpdateReady(() => void update(true)),
      onOfflineReady: () => callbacks.onOfflineReady?.(),
    });
  }
  const launchQueue = (window as unknown as { launchQueue?: LaunchQueue }).launchQueue;
  launchQueue?.setConsumer((params) => {
    void Promise.all(params.files.map((handle) => handle.getFile())).then((files) => {
      if (files.length > 0) callbacks.onFiles(files);
    });
  });
  void collectSharedFiles().then((files) => {
    if (files.length > 0) callbacks.onFiles(files);
  });
}

async function collectSharedFiles(): Promise<File[]> {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('share-target') || !('serviceWorker' in navigator)) return [];
  url.searchParams.delete('share-target');
  history.replaceState(null, '', url.href);
  const registration = await navigator.serviceWorker.ready;
  const worker = registration.active;
  if (!worker) return [];
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<{ files?: File[] }>) => resolve(event.data.files ?? []);
    worker.postMessage({ type: 'TAKE_SHARED_FILES' }, [channel.port2]);
  });
}
