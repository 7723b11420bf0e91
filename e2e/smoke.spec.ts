import { test, expect, dropFiles } from './fixtures';
import { dataFile, openApp, overview } from './helpers';

test('opens, says nothing leaves the browser, and shows a dropped PEM', async ({ page }) => {
  await openApp(page);
  await expect(page.getByText('Nothing leaves your browser')).toBeVisible();
  await dropFiles(page, [dataFile('simple-leaf.pem')]);
  await expect(overview(page).getByRole('option', { name: /www\.certscope\.test/ })).toBeVisible();
});
