import { test, expect, dropFiles, fixture } from './fixtures';
import { inputRow, openApp, overview } from './helpers';

test('a PKCS#12 asks for its password inline, says "Wrong password", allows a retry, never stores it', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('p12/default.p12')]);
  const row = inputRow(page, 'default.p12');
  const password = row.getByLabel('Password for default.p12');
  await expect(password).toBeVisible();
  await expect(password).toHaveAttribute('type', 'password');

  await password.fill('not-the-password');
  await row.getByRole('button', { name: 'Open' }).click();
  await expect(row.getByRole('alert')).toHaveText(/Wrong password/);

  await password.fill('changeit');
  await row.getByRole('button', { name: 'Open' }).click();
  await expect(row).toContainText('certificate');
  await expect(row.getByLabel('Password for default.p12')).toHaveCount(0);
  await expect(overview(page).getByRole('option', { name: /^Certificate alice/ })).toBeVisible();

  // The password is nowhere in the page's storage or DOM.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.documentElement.outerHTML);
  expect(stored).not.toContain('changeit');
  expect(stored).not.toContain('not-the-password');
});

test('PKCS#12 details: bags, algorithms, iterations, MAC, friendly names, key match', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('p12/default.p12')]);
  const row = inputRow(page, 'default.p12');
  await row.getByLabel('Password for default.p12').fill('changeit');
  await row.getByRole('button', { name: 'Open' }).click();
  await overview(page).getByRole('option', { name: /^Certificate alice/ }).click();
  const details = page.getByRole('region', { name: 'PKCS#12 details of default.p12' });
  await expect(details).toContainText('Integrity (MAC)');
  await expect(details).toContainText(/HMAC SHA-256.*iterations — verified/);
  await expect(details).toContainText('PBES2');
  await expect(details).toContainText('AES-256-CBC');
  await expect(details).toContainText('Private key (shrouded)');
  await expect(details).toContainText('Friendly name');
  await expect(details).toContainText('matches certificate alice');
  // The client certificate now has its private key.
  const client = page.getByRole('region', { name: 'Suitability as TLS client' });
  await expect(client).toContainText('PRIVATE_KEY_MATCHES');
});

test('a legacy (RC2/3DES) PKCS#12 opens with its password', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('p12/legacy.p12')]);
  const row = inputRow(page, 'legacy.p12');
  await row.getByLabel('Password for legacy.p12').fill('changeit');
  await row.getByRole('button', { name: 'Open' }).click();
  await expect(row).toContainText('certificate');
  await overview(page).getByRole('option', { name: /^Certificate alice/ }).click();
  const details = page.getByRole('region', { name: 'PKCS#12 details of legacy.p12' });
  await expect(details).toContainText('PKCS#12 PBE');
  await expect(details).toContainText(/RC2|3DES/);
});

test('an encrypted private key asks for its password too, and then matches its certificate', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('keys/server-enc.key'), fixture('leaves/server.pem')]);
  const row = inputRow(page, 'server-enc.key');
  await row.getByLabel('Password for server-enc.key').fill('wrong');
  await row.getByRole('button', { name: 'Open' }).click();
  await expect(row.getByRole('alert')).toHaveText(/Wrong password/);
  await row.getByLabel('Password for server-enc.key').fill('secret');
  await row.getByRole('button', { name: 'Open' }).click();
  await expect(row.getByLabel('Password for server-enc.key')).toHaveCount(0);
  await overview(page).getByRole('option', { name: /^Private key/ }).click();
  await expect(page.getByRole('article', { name: 'Private key' })).toContainText('www.certscope.test');
});
