/**
 * Not a check: renders the main views in light/dark × desktop/phone into $CERTSCOPE_SHOTS for a
 * person to look at. Runs only when that variable is set.
 */
import { test, expect, dropFiles, fixture } from './fixtures';
import { dataFile, openApp, overview } from './helpers';

const dir = process.env.CERTSCOPE_SHOTS;

for (const theme of ['light', 'dark'] as const) {
  for (const device of [
    { name: 'desktop', width: 1440, height: 1000 },
    { name: 'phone', width: 390, height: 844 },
  ]) {
    test(`screenshot ${theme} ${device.name}`, async ({ page }) => {
      test.skip(!dir, 'set CERTSCOPE_SHOTS to a folder to write screenshots');
      await page.setViewportSize({ width: device.width, height: device.height });
      await page.emulateMedia({ colorScheme: theme });
      await openApp(page, '&host=www.certscope.test');
      await page.screenshot({ path: `${dir}/${theme}-${device.name}-empty.png`, fullPage: true });
      await dropFiles(page, [fixture('bundles/chain.pem'), fixture('leaves/expired.pem'), fixture('leaves/dual.pem'), fixture('leaves/client.pem'), fixture('hostile/hostile-xss.pem'), dataFile('hostile.pem'), fixture('p12/default.p12'), { name: 'junk.bin', bytes: new Uint8Array([1, 2, 3]) }]);
      await overview(page).getByRole('option', { name: /www\.certscope\.test/ }).click();
      await expect(page.getByRole('region', { name: 'Suitability as TLS server' })).toBeVisible();
      await page.getByRole('region', { name: 'Suitability as TLS server' }).locator('summary').first().click();
      await page.screenshot({ path: `${dir}/${theme}-${device.name}-detail.png`, fullPage: true });
      if (device.name === 'phone') {
        for (const [name, region] of [['overview', 'Overview'], ['summary', 'Summary'], ['server', 'Suitability as TLS server'], ['chain', 'Chain']] as const) {
          const target = name === 'overview' ? page.getByRole('heading', { name: /Overview/ }) : page.getByRole('region', { name: region, exact: true });
          await target.scrollIntoViewIfNeeded();
          await page.evaluate(() => window.scrollBy(0, -20));
          await page.screenshot({ path: `${dir}/${theme}-phone-view-${name}.png` });
        }
        await page.evaluate(() => window.scrollTo(0, 0));
      }
      await page.getByRole('tab', { name: 'Chains' }).click();
      await expect(page.getByRole('region', { name: 'Chain forest' })).toBeVisible();
      await page.screenshot({ path: `${dir}/${theme}-${device.name}-chains.png`, fullPage: true });
    });
  }
}
