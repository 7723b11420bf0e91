/**
 * A session of about 1,400 files, opened as a folder: paths kept, the inputs panel summarised,
 * filterable and virtualised, the overview summarised, filtered and sorted.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { makeManyFiles } from '../scripts/make-many-files.mjs';
import { test, expect, FIXTURES } from './fixtures';
import { openApp, overview } from './helpers';

const MANY = path.join(FIXTURES, 'generated', 'many');

test('a 1,385-file folder: paths kept, inputs summarised and filtered, overview filtered and sorted', async ({ page }) => {
  test.setTimeout(240_000);
  // Written afresh from the committed fixtures (deterministic, under a second): never skipped.
  const files = makeManyFiles();
  expect(files.length).toBe(1385);
  // Identical files are one input: the count of distinct contents is what the panel lists.
  const distinct = new Set(files.map((f) => createHash('sha256').update(readFileSync(f)).digest('hex'))).size;
  await openApp(page);
  await page.getByLabel('Choose a folder to open').setInputFiles(MANY);
  const inputs = page.getByRole('region', { name: /^Inputs/ });
  // Progress while the folder is read.
  await expect(inputs.getByRole('progressbar', { name: /^Read [\d,]+ of [\d,]+ inputs$/ })).toBeVisible();
  await expect(inputs.getByRole('heading', { name: `Inputs (${distinct.toLocaleString('en-US')})` })).toBeVisible({ timeout: 120_000 });
  await expect(inputs).toHaveAttribute('data-inputs-working', '0', { timeout: 180_000 });

  // Virtualised: far fewer rows in the page than inputs.
  const list = inputs.getByRole('list', { name: 'Loaded inputs' });
  expect(await list.locator(':scope > li').count()).toBeLessThan(60);

  // The summary's counts filter the list.
  const summary = inputs.getByRole('group', { name: 'Inputs summary: show only' });
  const unreadable = summary.getByRole('button', { name: /unreadable$/ });
  const unreadableCount = Number((await unreadable.textContent())?.replace(/[^0-9]/g, ''));
  expect(unreadableCount).toBeGreaterThan(100);
  await unreadable.click();
  await expect(unreadable).toHaveAttribute('aria-pressed', 'true');
  await expect(list.locator(':scope > li').first()).toHaveAttribute('aria-setsize', String(unreadableCount));
  await summary.getByRole('button', { name: /^All/ }).click();

  // Folder paths are kept: the same file name in different folders stays apart.
  await inputs.getByLabel('Filter inputs by path').fill('verifier/sha1-leaf/leaf.pem');
  for (const p of ['many/original/verifier/sha1-leaf/leaf.pem', 'many/damaged/verifier/sha1-leaf/leaf.pem', 'many/converted/verifier/sha1-leaf/leaf.pem.der']) {
    await expect(page.getByRole('listitem', { name: `Input ${p}` })).toBeVisible();
  }
  await inputs.getByLabel('Filter inputs by path').fill('');

  // The overview: summary counts filter, sort orders.
  const box = page.getByRole('region', { name: /^Overview/ });
  const overviewSummary = box.getByRole('group', { name: 'Session summary: show only' });
  const expired = overviewSummary.getByRole('button', { name: /expired$/ });
  const expiredCount = Number((await expired.textContent())?.replace(/[^0-9]/g, ''));
  expect(expiredCount).toBeGreaterThan(0);
  await expired.click();
  await expect(overview(page).getByRole('option').first()).toHaveAttribute('aria-setsize', String(expiredCount));
  for (const label of await overview(page).getByRole('option').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))) {
    expect(label).toMatch(/Expired/);
  }
  await box.getByRole('button', { name: 'Clear filters' }).click();

  await box.getByLabel('Sort by').selectOption('name');
  const names = await overview(page).getByRole('option').evaluateAll((els) => els.slice(0, 8).map((e) => e.querySelector('.font-medium')?.textContent ?? ''));
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));

  await box.getByLabel('Verdict').selectOption('server-unsuitable');
  const first = overview(page).getByRole('option').first();
  await expect(first).toHaveAttribute('aria-label', /TLS server: Unsuitable|CA certificate/);
  const refusedByGo = overviewSummary.getByRole('button', { name: /refused by Go$/ });
  await refusedByGo.click();
  await expect(refusedByGo).toHaveAttribute('aria-pressed', 'true');
  await expect(overview(page).getByRole('option').first()).toBeVisible();
});
