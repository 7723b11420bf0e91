import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test, expect, dropFiles, fixture, FIXTURES } from './fixtures';
import { openApp, overview } from './helpers';

test('rows: subject, issuer, validity, key, purpose badges, verdicts at a glance', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [
    fixture('leaves/server.pem'),
    fixture('leaves/dual.pem'),
    fixture('leaves/expired.pem'),
    fixture('leaves/notyet.pem'),
    fixture('leaves/expiring-soon.pem'),
    fixture('leaves/email-only.pem'),
    fixture('leaves/noeku.pem'),
    fixture('leaves/ec-p256.pem'),
    fixture('csr/server.csr'),
    fixture('pki/intermediate.crl'),
    fixture('keys/ec.key'),
  ]);
  const list = overview(page);
  await expect(list.getByRole('option')).toHaveCount(11);
  const option = (name: RegExp) => list.getByRole('option', { name });
  await expect(option(/^Certificate www\.certscope\.test/)).toContainText('Issued by Certscope Test Intermediate');
  await expect(option(/^Certificate www\.certscope\.test/)).toContainText('RSA 2048');
  await expect(option(/expired\.certscope\.test/)).toContainText(/Expired \d+ days ago/);
  await expect(option(/notyet\.certscope\.test/)).toContainText(/Not yet valid/);
  await expect(option(/expiring-soon\.certscope\.test/)).toContainText('Expires in 14 days');
  await expect(option(/dual\.certscope\.test/)).toContainText('TLS server');
  await expect(option(/dual\.certscope\.test/)).toContainText('TLS client');
  await expect(option(/Bob Mailer/)).toContainText('Email (S/MIME)');
  await expect(option(/noeku\.certscope\.test/)).toContainText('No EKU');
  await expect(option(/ec-p256\.certscope\.test/)).toContainText('EC P-256');
  // Verdicts are text, not colour alone.
  await expect(option(/expired\.certscope\.test/)).toContainText('Server: Unsuitable');
  await expect(option(/Bob Mailer/)).toContainText('Client: Unsuitable');
  await expect(list.getByRole('option', { name: /^CSR/ })).toBeVisible();
  await expect(list.getByRole('option', { name: /^CRL/ })).toContainText('1 revoked serial');
  await expect(list.getByRole('option', { name: /^Private key/ })).toContainText('EC P-256');

  // Selecting the CSR / CRL / key rows shows their own views.
  await list.getByRole('option', { name: /^CSR/ }).click();
  await expect(page.getByRole('article', { name: /Certificate signing request/ })).toBeVisible();
  await list.getByRole('option', { name: /^CRL/ }).click();
  await expect(page.getByRole('article', { name: /CRL of/ })).toContainText('Revoked serials (1)');
  await list.getByRole('option', { name: /^Private key/ }).click();
  await expect(page.getByRole('article', { name: 'Private key' })).toContainText('ec-p256.certscope.test');
});

test('keyboard: the list takes focus and arrows move the selection', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('bundles/chain.pem')]);
  const list = overview(page);
  await expect(list.getByRole('option')).toHaveCount(3);
  await list.focus();
  await expect(list.getByRole('option', { selected: true })).toHaveCount(1);
  await page.keyboard.press('End');
  await expect(list.getByRole('option').nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(list.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Summary' })).toBeVisible();
});

test('10,000 certificates: virtualized, and the last one is reachable', async ({ page }) => {
  const bundle = path.join(FIXTURES, 'generated', 'bundle-10000.pem');
  // Generated on demand (deterministic, ~1 s), never skipped: a fresh clone does not have it.
  if (!existsSync(bundle)) execFileSync('node', [path.resolve(FIXTURES, '../../scripts/make-big-bundle.mjs')], { stdio: 'inherit' });
  test.setTimeout(180_000);
  await openApp(page);
  // Records whether the overview ever said how far the verifiers' answers are (the first 1,000 certificates get them at once, the rest in the background).
  await page.evaluate(() => {
    const w = window as unknown as { sawPending: string | null };
    w.sawPending = null;
    const o = new MutationObserver(() => {
      const note = [...document.querySelectorAll('[role="status"]')].find((e) => e.textContent?.startsWith('Verifier answers for'));
      if (note && w.sawPending === null) w.sawPending = note.textContent;
    });
    o.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await dropFiles(page, [fixture('generated/bundle-10000.pem')]);
  const list = overview(page);
  await expect(page.getByRole('heading', { name: /Overview \(10,000\)/ })).toBeVisible({ timeout: 120_000 });
  // Every certificate gets every verifier's answer: the summary's counts are of all 10,000 once they are in.
  const box = page.getByRole('region', { name: /^Overview/ });
  await expect(box).toHaveAttribute('data-certificate-count', '10000', { timeout: 120_000 });
  await expect(box).toHaveAttribute('data-answers-pending', '0', { timeout: 120_000 });
  expect(await page.evaluate(() => (window as unknown as { sawPending: string | null }).sawPending)).toMatch(/^Verifier answers for [\d,]+ of 10,000 certificates so far/);
  await expect(box.getByRole('status').filter({ hasText: /^Verifier answers for/ })).toHaveCount(0);
  const summary = box.getByRole('group', { name: 'Session summary: show only' });
  for (const verifier of ['Chrome', 'OpenSSL', 'Go', 'Java', 'webpki']) await expect(summary.getByRole('button', { name: `10,000 refused by ${verifier}` })).toBeVisible();
  const rendered = await list.getByRole('option').count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(60);
  await expect(list.getByRole('option').first()).toHaveAttribute('aria-setsize', '10000');
  await list.focus();
  await page.keyboard.press('End');
  const last = list.locator('[aria-posinset="10000"]');
  await expect(last).toBeVisible();
  await expect(last).toHaveAttribute('aria-selected', 'true');
  // Scrolling anywhere shows the rows for that place and never more than a screenful
  // (how fast it scrolls is measured by `npm run bench`, not asserted here).
  for (const fraction of [0.5, 0.123, 0.9]) {
    const expectedFirst = await list.evaluate((el, f) => {
      el.scrollTop = Math.round((el.scrollHeight - el.clientHeight) * f);
      return Math.floor(el.scrollTop / (el.scrollHeight / 10_000)) + 1;
    }, fraction);
    await expect(list.locator(`[aria-posinset="${expectedFirst}"]`)).toBeVisible();
    expect(await list.getByRole('option').count()).toBeLessThan(60);
  }
});
