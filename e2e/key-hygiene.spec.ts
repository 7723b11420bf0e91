/**
 * Key hygiene: after loading PKCS#12 files and encrypted keys with their passwords and using the
 * features that move data around (share links, copying, theme), nothing of a private key or a
 * password may be found in localStorage, sessionStorage, IndexedDB, Cache Storage, cookies or
 * the URL. Service workers are allowed here, so Cache Storage is really in play.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, dropFiles, fixture, fixtureDer } from './fixtures';
import { inputRow, openApp, overview } from './helpers';

test.use({ serviceWorkers: 'allow', permissions: ['clipboard-read', 'clipboard-write'] });


/** Every form key material could take in storage: base64, base64url, hex of distinctive slices. */
function needles(key: Buffer): string[] {
  const slice = key.subarray(key.length - 40, key.length - 8);
  return [slice.toString('base64').slice(4, 36), slice.toString('base64url').slice(4, 36), slice.toString('hex'), slice.toString('hex').toUpperCase()];
}

interface Stored {
  /** localStorage, sessionStorage, IndexedDB, cookies and the URL, as text. */
  readonly text: string;
  /** Cache Storage: every entry's URL and the SHA-256 of its body. */
  readonly cached: readonly { readonly url: string; readonly sha256: string }[];
}

async function everythingStored(page: Page): Promise<Stored> {
  return page.evaluate(async () => {
    const hex = (b: ArrayBuffer) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');
    const cached: { url: string; sha256: string }[] = [];
    const parts: string[] = [location.href, document.cookie, JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(info.name as string);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((resolve) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => resolve(r.result);
        });
        parts.push(JSON.stringify(all, (_k, v: unknown) => (v instanceof Uint8Array || v instanceof ArrayBuffer ? Array.from(new Uint8Array(v as ArrayBuffer)).map((b) => b.toString(16).padStart(2, '0')).join('') : v)));
      }
      db.close();
    }
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const body = (await (await cache.match(request))?.arrayBuffer()) ?? new ArrayBuffer(0);
        cached.push({ url: request.url, sha256: hex(await crypto.subtle.digest('SHA-256', body)) });
      }
    }
    return { text: parts.join('\n'), cached };
  });
}

const DIST = path.resolve(import.meta.dirname, '..', 'dist');

test('no key bytes or passwords reach any storage or the URL', async ({ page }) => {
  await openApp(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await dropFiles(page, [fixture('p12/default.p12'), fixture('p12/unicode.p12'), fixture('keys/server-enc.key'), fixture('bundles/chain.pem')]);
  for (const [name, password] of [
    ['default.p12', 'changeit'],
    ['unicode.p12', 'pässwörd-☺'],
    ['server-enc.key', 'secret'],
  ] as const) {
    const row = inputRow(page, name);
    await row.getByLabel(`Password for ${name}`).fill(password);
    await row.getByRole('button', { name: 'Open' }).click();
    await expect(row.getByLabel(`Password for ${name}`)).toHaveCount(0);
  }
  await overview(page).getByRole('option', { name: /^Certificate alice/ }).first().click();
  await expect(page.getByRole('region', { name: 'Suitability as TLS client' })).toContainText('PRIVATE_KEY_MATCHES');

  // Use what moves data: a share link (then open it), copying a fingerprint, switching the theme.
  await page.getByRole('button', { name: 'Create share link' }).click();
  const url = await page.getByLabel('Share link', { exact: true }).inputValue();
  await page.getByRole('button', { name: /^Copy SHA-256/ }).first().click();
  await page.getByLabel('Theme').selectOption('Dark');
  await page.goto(url);
  await expect(overview(page).getByRole('option').first()).toBeVisible();

  const { text, cached } = await everythingStored(page);
  for (const password of ['changeit', 'pässwörd-☺', 'secret']) expect(text, `password ${password}`).not.toContain(password);
  for (const keyFile of ['keys/client.key', 'keys/server.key']) {
    for (const needle of needles(fixtureDer(keyFile))) expect(text, `${keyFile} as ${needle}`).not.toContain(needle);
  }
  // Cache Storage holds the app's own files and nothing else: each entry is byte-identical to a
  // file of dist/ (so no input, key or password can be in it).
  expect(cached.length).toBeGreaterThan(5);
  for (const entry of cached) {
    const file = path.join(DIST, new URL(entry.url).pathname);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex'), entry.url).toBe(entry.sha256);
  }
  // The stores were really read: the theme choice is in localStorage.
  expect(text).toContain('dark');
});
