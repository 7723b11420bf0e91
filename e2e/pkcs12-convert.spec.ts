/**
 * Issue 15, "make one that works", end to end in Chromium: open a legacy PKCS#12 (RC2-40
 * certificates, 3DES key), convert it to the modern profile in the PKCS#12 tab, download it,
 * open the download with the new password; then the reverse, that modern file to the compatible
 * profile. The writer runs in the page's Worker (Chromium WebCrypto for PBKDF2 and AES, the
 * engine's own 3DES), and each file is checked again with openssl from the test. One test, one
 * page: the second conversion starts from the first one's re-opened file.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, dropFiles, fixture } from './fixtures';
import { inputRow, openApp, overview } from './helpers';

const opensslOpens = (file: string, password: string): boolean => {
  try {
    execFileSync('openssl', ['pkcs12', '-info', '-noout', '-in', file, '-passin', `pass:${password}`], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
};

async function unlock(page: Page, name: string, password: string): Promise<void> {
  const row = inputRow(page, name);
  await row.getByLabel(`Password for ${name}`).fill(password);
  await row.getByRole('button', { name: 'Open' }).click();
  await expect(row.getByLabel(`Password for ${name}`)).toHaveCount(0);
}

/** Writes alice's PKCS#12 again with `profile` and returns the downloaded file's path and bytes. */
async function convert(page: Page, profile: 'Modern' | 'Compatible', password: string, checkMismatch: boolean): Promise<{ name: string; path: string; bytes: Uint8Array }> {
  await overview(page).getByRole('option', { name: /^Certificate alice/u }).first().click();
  const tools = page.getByRole('region', { name: 'Certificate tools' });
  await tools.getByRole('tab', { name: 'PKCS#12' }).click();
  const maker = tools.getByRole('region', { name: /Make a PKCS#12/u });
  await maker.getByRole('radio', { name: new RegExp(`^${profile}`, 'u') }).check();
  // Few iterations: this checks the format, not the cost (the engine tests run 600,000).
  await maker.getByLabel('Iterations').fill('2048');
  await expect(maker.getByLabel('Friendly name')).toHaveValue('alice');
  await maker.getByLabel('New password', { exact: true }).fill(password);
  if (checkMismatch) {
    await maker.getByLabel('New password again').fill(`${password}x`);
    await expect(maker.getByText('The two passwords differ.')).toBeVisible();
    await expect(maker.getByRole('button', { name: 'Download .p12' })).toBeDisabled();
  }
  await maker.getByLabel('New password again').fill(password);
  const [download] = await Promise.all([page.waitForEvent('download'), maker.getByRole('button', { name: 'Download .p12' }).click()]);
  await expect(maker.getByRole('status')).toContainText(`${download.suggestedFilename()} saved: 3 certificates and the private key`);
  // The password fields are emptied once the file is written.
  await expect(maker.getByLabel('New password', { exact: true })).toHaveValue('');
  const path = await download.path();
  return { name: download.suggestedFilename(), path, bytes: new Uint8Array(readFileSync(path)) };
}

/** A fresh session: drop the written file, unlock it, and return the text of its PKCS#12 details. */
async function reopen(page: Page, file: { name: string; bytes: Uint8Array }, password: string, tryWrongFirst: boolean): Promise<string> {
  await openApp(page);
  await dropFiles(page, [file]);
  if (tryWrongFirst) {
    const row = inputRow(page, file.name);
    await row.getByLabel(`Password for ${file.name}`).fill('not it');
    await row.getByRole('button', { name: 'Open' }).click();
    await expect(row.getByRole('alert')).toHaveText(/Wrong password/u);
  }
  await unlock(page, file.name, password);
  await overview(page).getByRole('option', { name: /^Certificate alice/u }).click();
  const details = page.getByRole('region', { name: `PKCS#12 details of ${file.name}` });
  await expect(details).toContainText('matches certificate alice');
  const text = await details.innerText();
  expect(text).toMatch(/Friendly name\s+alice/u);
  return text;
}

test('legacy (RC2-40 / 3DES) → modern → compatible: each downloaded, re-opened with its new password, read by openssl', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('p12/legacy.p12')]);
  await unlock(page, 'legacy.p12', 'changeit');

  const modern = await convert(page, 'Modern', 'fresh modern pw', true);
  expect(modern.name).toBe('alice.modern.p12');
  const modernDetails = await reopen(page, modern, 'fresh modern pw', true);
  expect(modernDetails).toMatch(/Safe 1: password-encrypted — PBES2: AES-256-CBC, PBKDF2-HMAC-SHA256, 2,048 iterations/u);
  expect(modernDetails).toMatch(/Private key \(shrouded\)[\s\S]*PBES2: AES-256-CBC/u);
  expect(modernDetails).toMatch(/HMAC SHA-256, 2,048 iterations — verified/u);
  expect(opensslOpens(modern.path, 'fresh modern pw')).toBe(true);
  expect(opensslOpens(modern.path, 'changeit')).toBe(false);

  // The reverse, from the modern file now open: back to what older importers take.
  const compatible = await convert(page, 'Compatible', 'fresh compat pw', false);
  expect(compatible.name).toBe('alice.compatible.p12');
  const compatibleDetails = await reopen(page, compatible, 'fresh compat pw', false);
  expect(compatibleDetails).toMatch(/Safe 1: password-encrypted — PKCS#12 PBE: 3DES-CBC, PKCS#12 KDF SHA-1, 2,048 iterations/u);
  expect(compatibleDetails).toMatch(/Private key \(shrouded\)[\s\S]*PKCS#12 PBE: 3DES-CBC/u);
  expect(compatibleDetails).toMatch(/HMAC SHA-1, 2,048 iterations — verified/u);
  // 3DES and a SHA-1 MAC: OpenSSL 3 opens it without -legacy.
  expect(opensslOpens(compatible.path, 'fresh compat pw')).toBe(true);
});
