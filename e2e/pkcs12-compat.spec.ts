/** The PKCS#12 doctor's table in the app: a legacy RC2 file and a modern AES file, their key rows and weakness flags. */
import { test, expect, dropFiles, fixture } from './fixtures';
import { inputRow, openApp, overview } from './helpers';

test('PKCS#12 compatibility: legacy RC2 needs OpenSSL 3 -legacy, modern AES is refused by older Windows; weaknesses flagged; sources fetch nothing', async ({ page, offOriginRequests }) => {
  await openApp(page);
  // Both files hold the same certificate (alice): its detail shows both containers.
  await dropFiles(page, [fixture('p12/legacy.p12'), fixture('p12/default.p12')]);
  for (const name of ['legacy.p12', 'default.p12']) {
    const row = inputRow(page, name);
    await row.getByLabel(`Password for ${name}`).fill('changeit');
    await row.getByRole('button', { name: 'Open' }).click();
    await expect(row).toContainText('certificate');
  }
  await overview(page).getByRole('option', { name: /^Certificate alice/ }).first().click();

  // Legacy: RC2-40 certificates, 3DES key, SHA-1 MAC.
  const legacy = page.getByRole('region', { name: 'PKCS#12 details of legacy.p12' });
  const legacyRows = legacy.getByRole('list', { name: 'Importers' });
  await expect(legacyRows.getByRole('listitem', { name: 'OpenSSL 3.0–3.3: Needs -legacy' })).toContainText(/RC2-40-CBC.*legacy provider/);
  await expect(legacyRows.getByRole('listitem', { name: /^Windows 7, 8\.1.*: Accepts$/ })).toBeVisible();
  await expect(legacyRows.getByRole('listitem', { name: 'Go golang.org/x/crypto/pkcs12: Accepts' })).toBeVisible();
  const safe1 = legacy.getByRole('list', { name: 'Weaknesses of safe 1' });
  await expect(safe1).toContainText('CIPHER_WEAK');
  await expect(safe1).toContainText('OpenSSL 3 needs -legacy');
  await expect(legacy.getByRole('list', { name: 'Weaknesses of the MAC' })).toContainText('MAC_DIGEST_WEAK');

  // Modern: AES-256-CBC, PBKDF2-HMAC-SHA256, SHA-256 MAC (OpenSSL 3 defaults).
  const modern = page.getByRole('region', { name: 'PKCS#12 details of default.p12' });
  const modernRows = modern.getByRole('list', { name: 'Importers' });
  const oldWindows = modernRows.getByRole('listitem', { name: /^Windows 7, 8\.1.*: Refuses$/ });
  await expect(oldWindows).toContainText(/AES-256-CBC \(PBES2\).*1709/);
  await expect(modernRows.getByRole('listitem', { name: /^Windows 10 1709\+.*: Accepts$/ })).toBeVisible();
  await expect(modernRows.getByRole('listitem', { name: 'macOS 15 and earlier: Refuses' })).toBeVisible();
  await expect(modernRows.getByRole('listitem', { name: /^Java: JDK 8u301\+.*: Accepts$/ })).toBeVisible();
  await expect(modernRows.getByRole('listitem', { name: 'OpenSSL 3.0–3.3: Accepts' })).toBeVisible();
  await expect(modern.getByText('OpenSSL 3 needs -legacy')).toHaveCount(0);

  // Sources are plain links: nothing is fetched until one is followed.
  await oldWindows.getByText(/^Sources/).click();
  await expect(oldWindows.getByRole('link', { name: /learn\.microsoft\.com/ })).toHaveAttribute('rel', 'noopener noreferrer');
  expect(offOriginRequests).toEqual([]);
});
