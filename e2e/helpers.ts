/** Helpers shared by the app specs (on top of fixtures.ts). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, type DropFile } from './fixtures';

/** Fixed evaluation time of the specs, so fixture validity never drifts. */
export const AT = '2026-06-01T00:00:00Z';

/** Files committed next to the specs (e2e/data), e.g. the hostile-fields certificate. */
export function dataFile(name: string): DropFile {
  return { name, bytes: new Uint8Array(readFileSync(path.join(import.meta.dirname, 'data', name))) };
}

export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`./?at=${encodeURIComponent(AT)}${query}`);
  await expect(page.getByRole('heading', { name: 'Certscope' })).toBeVisible();
}

/** The overview listbox. */
export function overview(page: Page) {
  return page.getByRole('listbox', { name: 'Loaded items' });
}

/** An input's row in the Inputs panel. */
export function inputRow(page: Page, name: string) {
  return page.getByRole('listitem', { name: `Input ${name}` });
}

export async function pasteText(page: Page, text: string): Promise<void> {
  await page.getByLabel('Paste PEM, base64 or hex').fill(text);
  await page.getByRole('button', { name: 'Decode' }).click();
}
