/**
 * Shared Playwright fixtures. Every spec imports `test` and `expect` from here, so every spec
 * automatically asserts that no request left the page's origin (the privacy promise), and can
 * drop real files onto the page the way a person does.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const FIXTURES = path.resolve(import.meta.dirname, '..', 'test', 'fixtures');

export interface DropFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly mimeType?: string;
}

/** Reads a file under test/fixtures as a DropFile. */
export function fixture(relativePath: string): DropFile {
  return { name: path.basename(relativePath), bytes: new Uint8Array(readFileSync(path.join(FIXTURES, relativePath))) };
}

/** The DER inside a PEM file under test/fixtures (its first block; certificate or key). */
export function fixtureDer(relativePath: string): Buffer {
  const pem = readFileSync(path.join(FIXTURES, relativePath), 'utf8');
  const body = /-----BEGIN [^-]+-----([\s\S]*?)-----END [^-]+-----/.exec(pem)?.[1] ?? '';
  return Buffer.from(body.replace(/\s/g, ''), 'base64');
}

/** Dispatches real dragenter/dragover/drop events carrying File objects on `selector`. */
export async function dropFiles(page: Page, files: readonly DropFile[], selector = 'body'): Promise<void> {
  // Base64 crosses into the page far faster than an array of numbers (a 7.8 MB bundle: seconds, not a minute).
  const payload = files.map((f) => ({ name: f.name, data: Buffer.from(f.bytes).toString('base64'), type: f.mimeType ?? '' }));
  const dataTransfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const item of items) {
      const binary = atob(item.data);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      dt.items.add(new File([bytes], item.name, { type: item.type }));
    }
    return dt;
  }, payload);
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent(selector, type, { dataTransfer });
  }
}

/**
 * Drops folders (or files) from the disk the way a person drags them from a file manager: through
 * Chromium's own drag-and-drop (DevTools Input.dispatchDragEvent with paths), so the page sees
 * real directory entries (webkitGetAsEntry), not Files made in the page.
 */
export async function dropPaths(page: Page, paths: readonly string[], at = { x: 400, y: 300 }): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const data = { items: [], files: [...paths], dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, ...at, data });
  } finally {
    await cdp.detach();
  }
}

export const test = base.extend<{ offOriginRequests: string[] }>({
  offOriginRequests: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1/').origin;
      const leaked: string[] = [];
      page.on('request', (request) => {
        const url = request.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (new URL(url).origin !== origin) leaked.push(url);
      });
      await use(leaked);
      expect(leaked, 'requests that left the page origin').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
