/**
 * Limits in the app: each is hit on purpose, its message checked, and the other inputs survive.
 * (The engine's own limits — ASN.1 depth, PEM block count, iterations, chain work — are unit
 * tested in src/core/limits.test.ts.)
 */
import { test, expect, dropFiles, fixture } from './fixtures';
import { AT, inputRow, openApp, overview } from './helpers';

test('a file above 50 MiB is refused by its size, unread, and the other files still open', async ({ page }) => {
  await openApp(page);
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    // 51 MiB of zeros made in the page: the app must refuse it from File.size alone.
    dt.items.add(new File([new ArrayBuffer(51 * 1024 * 1024)], 'huge-capture.bin'));
    return dt;
  });
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('body', type, { dataTransfer });
  await dropFiles(page, [fixture('bundles/chain.pem')]);
  await expect(inputRow(page, 'huge-capture.bin')).toContainText('TOO_LARGE: huge-capture.bin is 51.0 MiB, above the 50 MiB limit; it was not read.');
  await expect(overview(page).getByRole('option')).toHaveCount(3);
});

test('an input that runs past the engine time bound is stopped, marked, and the engine restarts for the others', async ({ page }) => {
  // A small bound for the test: opening the 600,000-iteration PKCS#12 runs PBKDF2 1.2 million
  // times (well over 300 ms), while the three-certificate chain decodes in a few milliseconds,
  // leaving room for a machine busy with other browser tests.
  await page.goto(`./?at=${encodeURIComponent(AT)}&engineTimeoutMs=300`);
  await dropFiles(page, [fixture('bundles/chain.pem')]);
  await expect(overview(page).getByRole('option')).toHaveCount(3);
  await dropFiles(page, [fixture('p12/iter600k.p12')]);
  const row = inputRow(page, 'iter600k.p12');
  const password = row.getByLabel('Password for iter600k.p12');
  // Depending on the machine the first (password-less) attempt may already hit the bound.
  const timedOut = row.getByText(/was stopped and restarted/);
  await expect(password.or(timedOut).first()).toBeVisible();
  if (await password.isVisible()) {
    await password.fill('changeit');
    await row.getByRole('button', { name: 'Open' }).click();
  }
  await expect(row).toContainText(/worked on iter600k\.p12 for more than 300 ms and was stopped and restarted/);
  // The restarted engine decoded the other input again: its certificates and verdicts are back.
  await expect(overview(page).getByRole('option')).toHaveCount(3);
  await overview(page).getByRole('option', { name: /^Certificate www\.certscope\.test/ }).click();
  await expect(page.getByRole('region', { name: 'Suitability as TLS server' })).toContainText('CHAIN_PRIVATE_ROOT');
});

test('an iteration count above the ceiling is not run until the person says so; other inputs are unaffected', async ({ page }) => {
  // The ceiling is 10,000,000 by default; lowered here so the 2,048-iteration fixture hits it.
  await page.goto(`./?at=${encodeURIComponent(AT)}&maxIterations=1000`);
  await dropFiles(page, [fixture('bundles/chain.pem'), fixture('p12/iter2048.p12')]);
  const row = inputRow(page, 'iter2048.p12');
  await expect(row.getByRole('list', { name: 'Errors in iter2048.p12' })).toContainText(/LIMIT_EXCEEDED: .*iteration count 2,048 is above the limit of 1,000/);
  await expect(overview(page).getByRole('option')).toHaveCount(3);
  await row.getByRole('button', { name: 'Run anyway' }).click();
  // It now runs: the file needs its password, and the agreement holds for that attempt too.
  await row.getByLabel('Password for iter2048.p12').fill('changeit');
  await row.getByRole('button', { name: 'Open' }).click();
  await expect(row).toContainText('certificate');
  await expect(overview(page).getByRole('option', { name: /^Certificate alice/ })).toBeVisible();
  await expect(overview(page).getByRole('option', { name: /^Certificate www\.certscope\.test/ })).toBeVisible();
});
