/**
 * The chain tree with time: every link shows its validity (UTC, and where it stands at the
 * session's evaluation time), its key and its signature; expired or not-yet-valid links stand out
 * in text, not colour alone; a built-in root opens like any certificate.
 */
import { expectAccessible } from './axe';
import { test, expect, dropFiles, fixture } from './fixtures';
import { openApp, overview } from './helpers';

test('an expired intermediate stands out in the chain, with its dates, key and signature', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('chains/expired-issuer-leaf.pem'), fixture('chains/int-expired.pem'), fixture('pki/root.pem')]);
  await overview(page).getByRole('option', { name: /expired-issuer-leaf\.certscope\.test/ }).click();
  const chain = page.getByRole('region', { name: 'Chain' });
  // The intermediate: dates in UTC, how long ago it expired at the evaluation time (2026-06-01), in words.
  await expect(chain).toContainText('2020-01-01 00:00:00 UTC – 2025-01-01 00:00:00 UTC');
  await expect(chain.getByText('Expired 16 months ago')).toBeVisible();
  // Not colour alone: the link's accessible name says it.
  await expect(chain.getByRole('button', { name: /^Certscope Test Expired Intermediate.* \(expired\)$/ })).toBeVisible();
  await expect(chain.locator('[data-validity="expired"]')).toHaveCount(1);
  // The leaf and the root are within validity: dates and "expires in", no flag.
  await expect(chain).toContainText('(expires in 7 months)');
  await expect(chain).toContainText('(expires in 18 years)');
  await expect(chain.getByRole('button', { name: /expired-issuer-leaf\.certscope\.test$/ })).toBeVisible();
  // Key and signature state per link.
  await expect(chain.getByText('RSA 2048').first()).toBeVisible();
  await expect(chain.getByText('signature valid').first()).toBeVisible();
});

test('a not-yet-valid leaf says when it starts', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('leaves/notyet.pem'), fixture('pki/intermediate.pem'), fixture('pki/root.pem')]);
  await overview(page).getByRole('option', { name: /notyet\.certscope\.test/ }).click();
  const chain = page.getByRole('region', { name: 'Chain' });
  await expect(chain.getByText('Not yet valid: starts in 3 months')).toBeVisible();
  await expect(chain.getByRole('button', { name: 'notyet.certscope.test (not yet valid)' })).toBeVisible();
  await expect(chain.locator('[data-validity="not-yet-valid"]')).toHaveCount(1);
});

test('the evaluation time moves every link: near 2035 the intermediate is the one that expires soon', async ({ page }) => {
  await page.goto(`./?at=${encodeURIComponent('2034-12-20T00:00:00Z')}`);
  await dropFiles(page, [fixture('bundles/chain.pem')]);
  await overview(page).getByRole('option', { name: /www\.certscope\.test/ }).click();
  const chain = page.getByRole('region', { name: 'Chain' });
  await expect(chain.getByText('Expires in 12 days')).toBeVisible();
  await expect(chain.getByText('Expired 7 years ago')).toBeVisible();
});

test('a built-in root opens like any certificate, by mouse and by keyboard', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('mtls/public-google-chain.pem')]);
  await overview(page).getByRole('option', { name: /www\.google\.com/ }).click();
  const chain = page.getByRole('region', { name: 'Chain' });
  await expect(chain).toContainText('GTS CA 1C3');
  await expect(chain).toContainText('Built-in root (trusted)');
  await expect(chain.getByText('Expired 3 years ago')).toBeVisible();
  await expect(chain).toContainText('2016-06-22 00:00:00 UTC – 2036-06-22 00:00:00 UTC');

  // Mouse.
  await chain.getByRole('button', { name: /^GTS Root R1 \(built-in root/ }).click();
  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(summary.getByRole('heading', { level: 2 })).toHaveText('GTS Root R1');
  await expect(summary).toContainText('CN=GTS Root R1,O=Google Trust Services LLC,C=US');
  await expect(page.getByRole('region', { name: 'Built-in root' })).toContainText('trust anchor of the built-in (Mozilla) root store');
  // Its tools work like a loaded certificate's: export and the ASN.1 view.
  const tools = page.getByRole('region', { name: 'Certificate tools' });
  await expect(tools.getByRole('button', { name: 'Download PEM' })).toBeVisible();
  await tools.getByRole('tab', { name: 'ASN.1' }).click();
  await expect(tools).toContainText('SEQUENCE');
  await expect(tools).not.toContainText('is not loaded');
  // Back, then keyboard: from the Chains tab, Enter on the root.
  await page.getByRole('button', { name: 'Back to the selected item' }).click();
  await expect(page.getByRole('region', { name: 'Summary' }).getByRole('heading', { level: 2 })).toHaveText('www.google.com');
  await page.getByRole('tab', { name: 'Chains' }).click();
  const forest = page.getByRole('region', { name: 'Chain forest' });
  await forest.getByRole('button', { name: /^GTS Root R1 \(built-in root/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Summary' }).getByRole('heading', { level: 2 })).toHaveText('GTS Root R1');
  // A row of the overview brings back the loaded certificates.
  await overview(page).getByRole('option', { name: /^CA GTS CA 1C3/ }).click();
  await expect(page.getByRole('region', { name: 'Summary' }).getByRole('heading', { level: 2 })).toHaveText('GTS CA 1C3');
});

test('no axe violations on the chain with time and an opened built-in root (light and dark)', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('mtls/public-google-chain.pem'), fixture('chains/expired-issuer-leaf.pem'), fixture('chains/int-expired.pem'), fixture('pki/root.pem')]);
  await overview(page).getByRole('option', { name: /expired-issuer-leaf\.certscope\.test/ }).click();
  await expect(page.getByText('Expired 16 months ago')).toBeVisible();
  // The rest of the page is scanned by e2e/a11y.spec.ts; here the chain with time.
  await expectAccessible(page, 'a chain with an expired intermediate', 'section[aria-label="Chain"]');
  await page.getByRole('tab', { name: 'Chains' }).click();
  await expect(page.getByRole('region', { name: 'Chain forest' })).toContainText('GTS Root R1');
  await page.getByRole('region', { name: 'Chain forest' }).getByRole('button', { name: /^GTS Root R1 \(built-in root/ }).click();
  await expect(page.getByRole('region', { name: 'Built-in root' })).toBeVisible();
  await expectAccessible(page, 'an opened built-in root', 'main');
});

const shots = process.env.CERTSCOPE_SHOTS;
for (const theme of ['light', 'dark'] as const) {
  for (const device of [
    { name: 'desktop', width: 1440, height: 1000 },
    { name: 'phone', width: 390, height: 844 },
  ]) {
    test(`screenshot chain with time ${theme} ${device.name}`, async ({ page }) => {
      test.skip(!shots, 'set CERTSCOPE_SHOTS to a folder to write screenshots');
      await page.setViewportSize({ width: device.width, height: device.height });
      await page.emulateMedia({ colorScheme: theme });
      await openApp(page);
      await dropFiles(page, [fixture('mtls/public-google-chain.pem'), fixture('chains/expired-issuer-leaf.pem'), fixture('chains/int-expired.pem'), fixture('pki/root.pem'), fixture('leaves/notyet.pem'), fixture('pki/intermediate.pem')]);
      await overview(page).getByRole('option', { name: /expired-issuer-leaf\.certscope\.test/ }).click();
      const chain = page.getByRole('region', { name: 'Chain' });
      await expect(chain.getByText('Expired 16 months ago')).toBeVisible();
      await chain.scrollIntoViewIfNeeded();
      await chain.screenshot({ path: `${shots}/${theme}-${device.name}-chain-time.png` });
      await page.getByRole('tab', { name: 'Chains' }).click();
      const forest = page.getByRole('region', { name: 'Chain forest' });
      await expect(forest).toContainText('GTS Root R1');
      await forest.screenshot({ path: `${shots}/${theme}-${device.name}-forest-time.png` });
      await forest.getByRole('button', { name: /^GTS Root R1 \(built-in root/ }).click();
      await expect(page.getByRole('region', { name: 'Built-in root' })).toBeVisible();
      await page.getByRole('button', { name: 'Back to the selected item' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/${theme}-${device.name}-builtin-root.png` });
    });
  }
}
