import { expectAccessible } from './axe';
import { test, expect, dropFiles, fixture } from './fixtures';
import { dataFile, openApp, overview } from './helpers';

test('no axe violations on the main views (light and dark)', async ({ page }) => {
  // Six scans (three views, two themes) of a few seconds each on a busy 2-core machine.
  test.setTimeout(150_000);
  await openApp(page);
  await expectAccessible(page, 'the empty page');
  await dropFiles(page, [fixture('bundles/chain.pem'), fixture('leaves/client.pem'), fixture('p12/default.p12'), dataFile('hostile.pem'), { name: 'junk.bin', bytes: new Uint8Array([1, 2, 3]) }]);
  await overview(page).getByRole('option', { name: /^Certificate www\.certscope\.test/ }).click();
  await page.getByRole('region', { name: 'Mutual TLS pair check' }).locator('summary').click();
  await expect(page.getByRole('region', { name: 'Suitability as TLS server' })).toBeVisible();
  // Open one finding so the expanded content is scanned too.
  await page.getByRole('region', { name: 'Suitability as TLS server' }).locator('summary').first().click();
  await expectAccessible(page, 'the overview with a certificate selected');
  await page.getByRole('tab', { name: 'Chains' }).click();
  await expect(page.getByRole('region', { name: 'Chain forest' })).toBeVisible();
  await expectAccessible(page, 'the chain forest');
});
