import { test, expect, dropFiles, fixture } from './fixtures';
import { dataFile, openApp, overview } from './helpers';

test('hostile field contents are inert and visibly escaped', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await openApp(page);
  await dropFiles(page, [dataFile('hostile.pem')]);
  const row = overview(page).getByRole('option').first();
  await expect(row).toContainText('<img src=x onerror=alert(1)>');
  await row.click();
  const detail = page.getByRole('article');
  // Markup is shown as text, never parsed into elements.
  await expect(detail.getByRole('heading', { level: 2 })).toContainText('<img src=x onerror=alert(1)>');
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  // The bidi override and the control character are visible tokens, not live characters.
  await expect(detail.getByRole('heading', { level: 2 })).toContainText('⟨U+202E⟩gnp.exe⟨U+0007⟩bell');
  const headingText = (await detail.getByRole('heading', { level: 2 }).textContent()) ?? '';
  expect(headingText).not.toContain('\u202e');
  expect(headingText).not.toContain('\u0007');
  // Very long values are cut at 200 characters with "Show all".
  const subjectTable = detail.getByRole('table', { name: 'Subject attributes' });
  await expect(subjectTable).not.toContainText('A'.repeat(201));
  await subjectTable.getByRole('button', { name: /Show all/ }).click();
  await expect(subjectTable).toContainText('A'.repeat(260));
  // An unknown extension is listed with its OID and raw hex.
  const extensions = detail.getByRole('region', { name: 'Extensions' });
  await expect(extensions).toContainText('1.2.3.4.99');
  await expect(extensions).toContainText('Unknown extension');
  // The unknown EKU OID gets a neutral badge with the dotted OID.
  await expect(row).toContainText('1.2.3.4.5.6');
  expect(dialogs).toBe(0);
});

test('fixture hostile certificates: script tags, NUL in names, a 10,240-character OU', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('hostile/hostile-xss.pem'), fixture('hostile/hostile-control.pem'), fixture('hostile/hostile-long-ou.pem')]);
  const list = overview(page);
  await expect(list.getByRole('option')).toHaveCount(3);
  await expect(list.getByRole('option', { name: /<script>alert\(1\)<\/script>/ })).toBeVisible();
  expect(await page.locator('script:not([src])').count()).toBe(0);
  await list.getByRole('option', { name: /⟨U\+0000⟩/ }).click();
  await expect(page.getByRole('region', { name: 'Summary' }).getByRole('heading', { level: 2 })).toContainText('www.certscope.test⟨U+0000⟩.evil.example');
  await list.getByRole('option', { name: /long-ou\.certscope\.test/ }).click();
  const subject = page.getByRole('table', { name: 'Subject attributes' });
  await expect(subject.getByRole('button', { name: /Show all \(10,240 characters\)/ })).toBeVisible();
});
