/**
 * The verdict per verifier (shared/spec/suitability.md, "Verdicts per verifier") in the app: the
 * detail view's matrix (accepts / refuses per verifier, the exact text a refusing verifier
 * prints, the fix and the reasons), the private-root "refuses until trusted" answer and its trust
 * action, and the overview's refusing verifiers. Error texts are asserted by their stable
 * prefixes: the models are tuned against the real verifiers.
 */
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { test, expect, dropFiles, fixture } from './fixtures';
import { openApp, overview } from './helpers';

type RoleName = 'TLS server' | 'TLS client';

function matrix(page: Page, role: RoleName) {
  return page.getByRole('region', { name: `${role}: verdict per verifier` });
}

/** A verifier's row; its accessible name is "<name> (<what it stands for>)". */
function verifierRow(page: Page, role: RoleName, name: string) {
  return matrix(page, role).getByRole('listitem', { name: new RegExp(`^${name} \\(`) });
}

const verifierFiles = (folder: string, files: readonly string[]) => files.map((f) => fixture(`verifier/${folder}/${f}`));

test('an expired leaf: every verifier refuses, with the exact text it prints, open by default', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await dropFiles(page, [fixture('leaves/expired.pem'), fixture('pki/intermediate.pem'), fixture('pki/root.pem')]);
  await overview(page).getByRole('option', { name: /expired\.certscope\.test/ }).click();

  for (const role of ['TLS server', 'TLS client'] as const) {
    const m = matrix(page, role);
    await expect(m.getByRole('heading', { level: 3 })).toHaveText(`As a ${role} certificate`);
    await expect(m).toContainText('refused by every verifier');
    const rows = m.getByRole('listitem');
    await expect(rows.first()).toBeVisible();
    for (const row of await rows.all()) {
      await expect(row).toHaveAttribute('data-accepts', 'false');
      await expect(row).toContainText('Refuses');
      // Refusals are expanded: the printed error is visible without a click.
      await expect(row.locator('details')).toHaveAttribute('open', '');
      await expect(row.locator('code').first()).toBeVisible();
    }
  }

  const go = verifierRow(page, 'TLS server', 'Go');
  await expect(go).toContainText('Go prints');
  await expect(go.locator('code').first()).toHaveText(/^x509: certificate has expired or is not yet valid: current time 2026-06-01T00:00:00Z is after /);
  await expect(go).toContainText('Because:');
  await expect(go).toContainText('EXPIRED');

  // Copyable: the button puts exactly the printed text on the clipboard.
  await go.getByRole('button', { name: 'Copy Go error' }).click();
  await expect(go.getByRole('button', { name: 'Copy Go error' })).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await go.locator('code').first().textContent());

  // The reason links to the role's checklist item, which opens.
  await go.getByRole('link', { name: /EXPIRED/ }).click();
  const expiredFinding = page.getByRole('region', { name: 'Suitability as TLS server' }).locator('details').filter({ hasText: 'EXPIRED' }).first();
  await expect(expiredFinding).toHaveAttribute('open', '');
  await expect(expiredFinding).toContainText('How to fix:');

  // Findings still follow the matrix.
  const order = await page.evaluate(() => {
    const m = document.querySelector('[aria-label="TLS server: verdict per verifier"]');
    const f = document.querySelector('[aria-label="Suitability as TLS server"]');
    return m && f ? m.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
  });
  expect(order).toBeTruthy();
});

test('a leaf without clientAuth: refused as a client; as a server it waits on the private root, and trusting the root flips it', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, verifierFiles('eku-server-only', ['leaf.pem', 'int.pem', 'root.pem']));
  await overview(page).getByRole('option', { name: /^Certificate www\.certscope\.test/ }).click();

  const client = matrix(page, 'TLS client');
  await expect(client.getByRole('listitem').first()).toBeVisible();
  for (const row of await client.getByRole('listitem').all()) await expect(row).toContainText('Refuses');
  // With the root not trusted, Go stops at the chain; once it is, at the EKU: both texts are shown.
  const goClient = verifierRow(page, 'TLS client', 'Go');
  await expect(goClient.locator('code').first()).toHaveText(/^x509: certificate signed by unknown authority/);
  await expect(goClient).toContainText(/Refuses until the peer trusts eku-server-only Root CA; then: ✗ still refuses/);
  await expect(goClient.locator('code').nth(1)).toHaveText(/^x509: certificate specifies an incompatible key usage/);
  await expect(goClient).toContainText('EKU_CLIENT_AUTH_MISSING');
  // Chrome answers for the server role only.
  await expect(verifierRow(page, 'TLS client', 'Chrome')).toHaveCount(0);

  const server = matrix(page, 'TLS server');
  const go = verifierRow(page, 'TLS server', 'Go');
  await expect(go).toContainText('Refuses until its root is trusted');
  // It only waits on the person's own root: said once above the list, so the row starts closed.
  await expect(go.locator('details')).not.toHaveAttribute('open');
  await go.locator('summary').click();
  await expect(go).toContainText(/Refuses until the peer trusts eku-server-only Root CA; then: ✓ accepts/);
  await expect(go.locator('code').first()).toHaveText(/^x509: certificate signed by unknown authority/);
  await expect(server).toContainText(/(Every verifier stops|Go.* stop) at the private root eku-server-only Root CA, which is loaded here but not trusted/);

  await server.getByRole('button', { name: /^Trust eku-server-only Root CA for this session$/ }).click();
  await expect(go).toHaveAttribute('data-accepts', 'true');
  await expect(go).toContainText('Accepts');
  await expect(go).not.toContainText('Refuses');
  // The chain view agrees: the root is now trusted for the session.
  await expect(page.getByRole('region', { name: 'Chain' })).toContainText('Root trusted for this session');
  // The client role stays refused, now for the EKU alone.
  await expect(goClient.locator('code').first()).toHaveText(/^x509: certificate specifies an incompatible key usage/);
  await expect(goClient).not.toContainText('until the peer trusts');
  await expect(goClient).toContainText('EKU_CLIENT_AUTH_MISSING');
});

test('works in Chrome, fails elsewhere: the leaf without its intermediate (Chrome fetches it from AIA)', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, verifierFiles('missing-intermediate-aia', ['leaf.pem', 'root.pem']));
  const option = overview(page).getByRole('option', { name: /^Certificate www\.certscope\.test/ });
  await option.click();

  const chrome = verifierRow(page, 'TLS server', 'Chrome');
  await expect(chrome).toHaveAttribute('data-accepts', 'true');
  await expect(chrome).toContainText('Accepts');
  // An accepting row has nothing to expand.
  await expect(chrome.locator('details')).toHaveCount(0);

  const go = verifierRow(page, 'TLS server', 'Go');
  await expect(go).toHaveAttribute('data-accepts', 'false');
  await expect(go.locator('code').first()).toHaveText(/^x509: certificate signed by unknown authority/);
  await expect(go).toContainText('CHAIN_ISSUER_NOT_FOUND');
  await expect(matrix(page, 'TLS server')).toContainText(/accepted by Chrome; refused by .*Go/);

  // The overview says which verifiers refuse, at a glance and to screen readers.
  await expect(option).toHaveAttribute('aria-label', /TLS server: Warnings \(refused by [^)]*Go[^)]*\)/);
  await expect(option.getByTitle(/^Refused by .*Go/).first()).toContainText('Go');
  await expect(option.getByTitle(/^Refused by .*Chrome/)).toHaveCount(0);
});

test('a CA is judged as an issuer', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, verifierFiles('int-eku-server-only', ['leaf.pem', 'int.pem', 'root.pem']));
  await overview(page).getByRole('option', { name: /^CA int-eku-server-only Intermediate CA/ }).click();
  await expect(matrix(page, 'TLS server').getByRole('heading', { level: 3 })).toHaveText('Issues TLS server certificates that…');
  await expect(matrix(page, 'TLS client').getByRole('heading', { level: 3 })).toHaveText('Issues TLS client certificates that…');
  // Its EKU lacks clientAuth: Go refuses the client certificates it issues, even once the root is trusted.
  await expect(verifierRow(page, 'TLS client', 'Go')).toHaveAttribute('data-accepts', 'false');
  await expect(verifierRow(page, 'TLS client', 'Go')).toContainText('CHAIN_ISSUER_EKU_EXCLUDES');
});

test('the matrix has no axe violations (light and dark)', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, verifierFiles('missing-intermediate-aia', ['leaf.pem', 'root.pem']));
  await overview(page).getByRole('option', { name: /^Certificate www\.certscope\.test/ }).click();
  await expect(verifierRow(page, 'TLS server', 'Go').locator('code').first()).toBeVisible();
  await expectAccessible(page, 'the verdict matrix', '[aria-label="Verdict per verifier"]');
});

// Not a check: the matrix for a person to look at, desktop and phone, when CERTSCOPE_SHOTS names a folder.
const shots = process.env.CERTSCOPE_SHOTS;
for (const device of [
  { name: 'desktop', width: 1440, height: 1000, theme: 'light' },
  { name: 'phone', width: 390, height: 844, theme: 'light' },
  { name: 'desktop-dark', width: 1440, height: 1000, theme: 'dark' },
] as const) {
  test(`screenshot of the matrix (${device.name})`, async ({ page }) => {
    test.skip(!shots, 'set CERTSCOPE_SHOTS to a folder to write screenshots');
    await page.setViewportSize({ width: device.width, height: device.height });
    await page.emulateMedia({ colorScheme: device.theme });
    await openApp(page);
    await dropFiles(page, [...verifierFiles('missing-intermediate-aia', ['leaf.pem', 'root.pem']), fixture('leaves/expired.pem'), fixture('pki/intermediate.pem'), fixture('pki/root.pem')]);
    await overview(page).getByRole('option', { name: /^Certificate www\.certscope\.test/ }).click();
    await expect(verifierRow(page, 'TLS server', 'Go').locator('code').first()).toBeVisible();
    await page.screenshot({ path: `${shots}/verifiers-${device.name}-full.png`, fullPage: true });
    const region = page.getByRole('region', { name: 'Verdict per verifier', exact: true });
    await region.scrollIntoViewIfNeeded();
    await region.screenshot({ path: `${shots}/verifiers-${device.name}-matrix.png` });
    await overview(page).screenshot({ path: `${shots}/verifiers-${device.name}-overview.png` });
    // A private root that is not trusted: "refuses until the peer trusts …", with the trust action.
    await openApp(page);
    await dropFiles(page, verifierFiles('eku-server-only', ['leaf.pem', 'int.pem', 'root.pem']));
    await overview(page).getByRole('option', { name: /^Certificate www\.certscope\.test/ }).click();
    await expect(matrix(page, 'TLS server').getByRole('button', { name: /^Trust / })).toBeVisible();
    await expect(verifierRow(page, 'TLS client', 'Go').locator('code').first()).toBeVisible();
    await page.getByRole('region', { name: 'Verdict per verifier', exact: true }).screenshot({ path: `${shots}/verifiers-${device.name}-private-root.png` });
  });
}
