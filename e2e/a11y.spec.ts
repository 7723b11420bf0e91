import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, dropFiles, fixture } from './fixtures';
import { dataFile, openApp, overview } from './helpers';

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

for (const theme of ['light', 'dark'] as const) {
  test(`no axe violations on the main views (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await openApp(page);
    await expectNoViolations(page, 'the empty page');
    await dropFiles(page, [fixture('bundles/chain.pem'), fixture('leaves/client.pem'), fixture('p12/default.p12'), dataFile('hostile.pem'), { name: 'junk.bin', bytes: new Uint8Array([1, 2, 3]) }]);
    await overview(page).getByRole('option', { name: /^Certificate www\.certscope\.test/ }).click();
    await page.getByRole('region', { name: 'Mutual TLS pair check' }).locator('summary').click();
    await expect(page.getByRole('region', { name: 'Suitability as TLS server' })).toBeVisible();
    // Open one finding so the expanded content is scanned too.
    await page.getByRole('region', { name: 'Suitability as TLS server' }).locator('summary').first().click();
    await expectNoViolations(page, 'the overview with a certificate selected');
    await page.getByRole('tab', { name: 'Chains' }).click();
    await expect(page.getByRole('region', { name: 'Chain forest' })).toBeVisible();
    await expectNoViolations(page, 'the chain forest');
  });
}
