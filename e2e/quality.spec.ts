import path from 'node:path';
import { test, expect, dropFiles, fixture, FIXTURES } from './fixtures';
import { openApp, overview } from './helpers';

test('theme follows the system, can be switched, and the choice persists', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page);
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.getByLabel('Theme').selectOption('light');
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  await page.getByLabel('Theme').selectOption('system');
  await expect(page.locator('html')).toHaveClass(/dark/);
});

test('fits a phone screen without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await openApp(page);
  await dropFiles(page, [fixture('bundles/chain.pem'), fixture('hostile/hostile-long-ou.pem')]);
  await overview(page).getByRole('option', { name: /www\.certscope\.test/ }).click();
  await expect(page.getByRole('region', { name: 'Suitability as TLS server' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('on a phone, adding files folds the inputs panel away and brings the results into view', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  const picker = page.getByLabel('Choose files to open');
  await picker.setInputFiles([path.join(FIXTURES, 'bundles/chain.pem')]);
  await expect(overview(page).getByRole('option')).toHaveCount(3);
  // The results start at the top of the screen; the panel with the pickers is folded.
  await expect(overview(page).getByRole('option').first()).toBeInViewport();
  await expect(page.getByRole('region', { name: /^Inputs/ })).toBeHidden();
  const unfold = page.getByRole('button', { name: /^Inputs \(1\) and adding files: show/ });
  await unfold.click();
  await expect(page.getByRole('region', { name: /^Inputs/ })).toBeVisible();
  await expect(picker).toBeAttached();
});

test('keyboard only: reach the picker, paste box, list and findings with visible focus', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('bundles/chain.pem')]);
  await expect(overview(page).getByRole('option')).toHaveCount(3);
  // Tab until the overview listbox has focus.
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (await overview(page).evaluate((el) => el === document.activeElement)) break;
  }
  await expect(overview(page)).toBeFocused();
  const outline = await overview(page).evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('region', { name: 'Summary' })).toBeVisible();
  // Into the detail: a finding opens with Enter.
  const summary = page.getByRole('region', { name: 'Suitability as TLS server' }).locator('summary').first();
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Suitability as TLS server' }).getByText('Why:').first()).toBeVisible();
});

test('header says nothing leaves the browser, and nothing does', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('banner')).toContainText('Nothing leaves your browser');
  await dropFiles(page, [fixture('bundles/chain.pem')]);
  await expect(overview(page).getByRole('option')).toHaveCount(3);
  // The fixtures' offOriginRequests check runs after every test.
});
