/**
 * Power tools (issue "Power tools"): ASN.1 viewer, export panel, private-key export dialog,
 * error decoder. The tools live in the certificate detail; `openTool` is the one place that
 * knows how the app shell reaches them. Until the shell wires a tool in, its test skips itself
 * (naming the issue), so the suite stays green while the wiring lands.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, dropFiles, fixture } from '../fixtures';
import { openApp, overview } from '../helpers';

const WIRING = 'Power tools not wired into the app shell yet (issue "Power tools")';

/** Opens a tool of the selected item (a tab of the detail view); false when the shell does not offer it. */
async function openTool(page: Page, name: RegExp): Promise<boolean> {
  const tab = page.getByRole('tab', { name });
  if ((await tab.count()) === 0) return false;
  await tab.first().click();
  return true;
}

async function selectServer(page: Page): Promise<void> {
  await openApp(page);
  await dropFiles(page, [fixture('bundles/chain.pem')]);
  await overview(page).getByRole('option', { name: /www\.certscope\.test/ }).click();
}

function pemBodies(text: string): string[] {
  return [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]+?)-----END/gu)].map((m) => (m[1] ?? '').replace(/\s+/gu, ''));
}

test('ASN.1 viewer: keyboard tree and hex dump select the same element', async ({ page }) => {
  await selectServer(page);
  test.skip(!(await openTool(page, /ASN\.1/u)), WIRING);
  const tree = page.getByRole('tree', { name: 'ASN.1 structure' });
  await expect(tree.getByRole('treeitem').first()).toContainText('SEQUENCE');
  await tree.getByRole('treeitem').first().click();
  await page.keyboard.press('ArrowDown'); // tbsCertificate
  await page.keyboard.press('ArrowDown'); // [0] version
  await page.keyboard.press('ArrowRight'); // INTEGER 2
  await expect(tree.getByRole('treeitem', { selected: true })).toContainText('INTEGER');
  await expect(tree.getByRole('treeitem', { selected: true })).toBeFocused();
  await page.keyboard.press('ArrowLeft'); // back to [0]
  await expect(tree.getByRole('treeitem', { selected: true })).toContainText('[0]');
  // Byte 0 is the outer SEQUENCE's header.
  await page.getByRole('region', { name: 'Hex dump' }).locator('[data-offset="0"]').first().click();
  await expect(tree.getByRole('treeitem', { selected: true })).toContainText('SEQUENCE (0+4+');
});

test('export: PEM, fullchain and PKCS#7 downloads are the certificates, fingerprints in three spellings', async ({ page }) => {
  await selectServer(page);
  test.skip(!(await openTool(page, /Export/u)), WIRING);
  const server = pemBodies(new TextDecoder().decode(fixture('leaves/server.pem').bytes))[0];

  const [pem] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PEM' }).click()]);
  expect(pem.suggestedFilename()).toBe('www.certscope.test.pem');
  expect(pemBodies(readFileSync(await pem.path(), 'utf8'))).toEqual([server]);

  const [chain] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download fullchain.pem' }).click()]);
  const chainCerts = pemBodies(readFileSync(await chain.path(), 'utf8'));
  expect(chainCerts[0]).toBe(server);
  expect(chainCerts.length).toBeGreaterThanOrEqual(2);

  const [p7] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download PKCS#7/u }).click()]);
  const printed = execFileSync('openssl', ['pkcs7', '-inform', 'DER', '-in', await p7.path(), '-print_certs']).toString();
  expect(pemBodies(printed)[0]).toBe(server);

  const sha256 = page.getByRole('group', { name: 'Fingerprints' });
  await expect(sha256).toContainText(/[0-9A-F]{2}(:[0-9A-F]{2}){31}/u);
  await page.getByRole('radio', { name: /Base64/u }).check();
  await expect(sha256).toContainText(/pin-sha256="[A-Za-z0-9+/]{43}="/u);
});

test('private key export needs an explicit confirmation that names the risk', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('leaves/server.pem'), fixture('keys/server.key')]);
  await overview(page).getByRole('option', { name: /www\.certscope\.test/ }).first().click();
  test.skip(!(await openTool(page, /Export/u)), WIRING);
  const open = page.getByRole('button', { name: 'Export private key…' });
  test.skip((await open.count()) === 0, WIRING);
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'Export an unencrypted private key?' });
  await expect(dialog).toContainText('in clear');
  const download = dialog.getByRole('button', { name: 'Download private key' });
  await expect(download).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await open.click();
  await dialog.getByRole('checkbox', { name: 'I understand the key file is not encrypted' }).check();
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  expect(readFileSync(await file.path(), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/u);
});

test('error decoder: a pasted OpenSSL error names the check', async ({ page }) => {
  await selectServer(page);
  const box = page.getByLabel('Paste an error message');
  if ((await box.count()) === 0) test.skip(!(await openTool(page, /Error/u)), WIRING);
  test.skip((await box.count()) === 0, WIRING);
  await box.fill('error:0A000086:SSL routines::certificate verify failed: unable to get local issuer certificate');
  await expect(page.getByRole('list', { name: 'Matching checks' })).toContainText('CHAIN_ISSUER_NOT_FOUND');
});
