import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, dropFiles, fixture, FIXTURES } from './fixtures';
import { openApp, overview } from './helpers';

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('bundles/chain.pem')]);
  await overview(page).getByRole('option', { name: /www\.certscope\.test/ }).click();
});

test('summary card: who, issued by, valid until, purposes, verdicts', async ({ page }) => {
  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(summary.getByRole('heading', { level: 2 })).toHaveText('www.certscope.test');
  await expect(summary).toContainText('Issued by');
  await expect(summary).toContainText('Certscope Test Intermediate');
  await expect(summary).toContainText('Valid until');
  await expect(summary).toContainText(/Expires in \d+ days/);
  await expect(summary).toContainText('TLS server');
  await expect(summary).toContainText(/TLS server: (Suitable|Warnings|Unsuitable)/);
  await expect(summary).toContainText(/TLS client: Unsuitable/);
});

test('suitability checklist expands to why, how to fix and where it breaks', async ({ page }) => {
  const client = page.getByRole('region', { name: 'Suitability as TLS client' });
  const finding = client.getByRole('listitem').filter({ hasText: 'EKU_CLIENT_AUTH_MISSING' });
  await expect(finding).toContainText('Fail');
  // A failing check opens by itself: the message, the fix and the errors come first.
  await expect(finding.locator('details')).toHaveAttribute('open', '');
  await expect(finding.getByText('Why:')).toBeVisible();
  await expect(finding).toContainText('How to fix:');
  await expect(finding).toContainText('unsuitable certificate purpose');
  await expect(finding).toContainText('x509: certificate specifies an incompatible key usage');
  await expect(finding).toContainText('Extended key usage does not permit use for TLS client authentication');
});

test('the host name box re-evaluates live (wildcards and IPs per RFC 6125)', async ({ page }) => {
  const host = page.getByLabel('Host name to check (server role)');
  const server = page.getByRole('region', { name: 'Suitability as TLS server' });
  await host.fill('www.certscope.test');
  await expect(server).toContainText('HOSTNAME_MATCH');
  await host.fill('a.api.certscope.test');
  await expect(server).toContainText('HOSTNAME_MATCH');
  await host.fill('a.b.api.certscope.test');
  await expect(server).toContainText('HOSTNAME_MISMATCH');
  const mismatch = server.getByRole('listitem').filter({ hasText: 'HOSTNAME_MISMATCH' });
  await expect(mismatch.getByText('ERR_CERT_COMMON_NAME_INVALID')).toBeVisible();
  await host.fill('192.0.2.10');
  await expect(server).toContainText('HOSTNAME_MATCH');
});

test('the host box takes what people paste: URLs, host:port, [IPv6]:port, trailing dots; it shows the host it tested', async ({ page }) => {
  const host = page.getByLabel('Host name to check (server role)');
  const server = page.getByRole('region', { name: 'Suitability as TLS server' });
  const tested = page.getByTestId('host-tested');
  const rows: [string, string, RegExp, string][] = [
    ['https://www.certscope.test/inbox?x=1', 'www.certscope.test', /from the https URL/, 'HOSTNAME_MATCH'],
    ['www.certscope.test:8443', 'www.certscope.test', /port 8443 set aside/, 'HOSTNAME_MATCH'],
    ['  WWW.certscope.test.  ', 'www.certscope.test', /trailing dot removed/, 'HOSTNAME_MATCH'],
    ['https://a.b.api.certscope.test:443/', 'a.b.api.certscope.test', /from the https URL/, 'HOSTNAME_MISMATCH'],
    ['[2001:DB8::1]:443', '2001:db8::1', /port 443 set aside/, 'HOSTNAME_MATCH'],
  ];
  for (const [typed, expected, note, code] of rows) {
    await host.fill(typed);
    await expect(tested).toHaveText(expected);
    await expect(tested.locator('..')).toContainText(note);
    await expect(server).toContainText(code);
  }
  await host.fill('www.certscope.test:http');
  await expect(page.getByText('Not tested: "http" is not a port number.')).toBeVisible();
  await expect(host).toHaveAttribute('aria-invalid', 'true');
});

test('the evaluation time control changes validity (UTC shown)', async ({ page }) => {
  await expect(page.getByText('Evaluating at 2026-06-01 00:00:00 UTC')).toBeVisible();
  const time = page.getByLabel('Evaluation time (UTC)');
  await expect(time).toHaveValue('2026-06-01T00:00');
  await time.fill('2040-01-01T00:00');
  await expect(page.getByText('Evaluating at 2040-01-01 00:00:00 UTC')).toBeVisible();
  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(summary).toContainText(/Expired [\d,]+ days ago/);
  await expect(page.getByRole('region', { name: 'Suitability as TLS server' })).toContainText('EXPIRED');
});

test('all fields and every extension in readable form, with OIDs and criticality', async ({ page }) => {
  const fields = page.getByRole('region', { name: 'Fields' });
  await expect(fields).toContainText('Serial number');
  await expect(fields).toContainText('sha256WithRSAEncryption');
  await expect(fields).toContainText('RSA 2048');
  const ext = fields.getByRole('region', { name: 'Extensions' });
  await expect(ext).toContainText('Subject Alternative Name');
  await expect(ext).toContainText('2.5.29.17');
  await expect(ext).toContainText('*.api.certscope.test');
  await expect(ext).toContainText('xn--bcher-kva.certscope.test');
  await expect(ext).toContainText('2001:db8::1');
  await expect(ext).toContainText('Basic Constraints');
  await expect(ext).toContainText('Critical');
  await expect(ext).toContainText('Not critical');
  await expect(ext).toContainText('Extended Key Usage');
  await expect(ext).toContainText('1.3.6.1.5.5.7.3.1');
});

test('fingerprints with copy buttons', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const fp = page.getByRole('region', { name: 'Fingerprints' });
  await expect(fp).toContainText('SHA-256 fingerprint');
  await expect(fp).toContainText('SHA-1 fingerprint');
  await expect(fp).toContainText('SPKI pin (pin-sha256)');
  await fp.getByRole('button', { name: 'Copy SHA-256 fingerprint' }).click();
  await expect(fp.getByRole('button', { name: 'Copy SHA-256 fingerprint' })).toHaveText(/Copied/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
});

test('answer first: verdicts lead the summary; 2,000 names fold behind a count with a search box', async ({ page }) => {
  await dropFiles(page, [fixture('hostile/hostile-many-sans.pem')]);
  await overview(page).getByRole('option', { name: /host-0001\.many\.certscope\.test/ }).click();
  const summary = page.getByRole('region', { name: 'Summary' });
  // The first entry of the summary is the verdicts, not the names.
  await expect(summary.locator('dt').first()).toHaveText('Verdicts');
  const names = summary.locator('dt:text-is("Names") + dd');
  await expect(names.locator(':scope > ul > li')).toHaveCount(5);
  await names.getByText('Show all 2,000 names').click();
  await names.getByLabel('Search the names').fill('host-1999.');
  await expect(names.getByRole('status')).toHaveText('1 matching');
  await expect(names.getByText('host-1999.many.certscope.test')).toBeVisible();
  // The verdict panel is on the first screen, above the fields.
  const box = await page.getByRole('region', { name: 'Suitability as TLS server' }).boundingBox();
  expect(box?.y ?? Infinity).toBeLessThan(1600);
});

test('copy as text: the fields in the openssl x509 -text layout, identical to what openssl prints', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const summary = page.getByRole('region', { name: 'Summary' });
  await summary.getByRole('button', { name: 'Copy as text' }).click();
  await expect(summary.getByRole('button', { name: 'Copied as text' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // The chain file's first certificate is the leaf shown here.
  const pem = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n/.exec(readFileSync(path.join(FIXTURES, 'bundles/chain.pem'), 'utf8'))?.[0] ?? '';
  const openssl = execFileSync('openssl', ['x509', '-text', '-noout'], { input: pem, encoding: 'utf8' });
  const ours = copied.split('\n');
  const theirs = openssl.split('\n');
  // Field by field (line by line), so a failure names the first line that differs.
  for (let i = 0; i < Math.max(ours.length, theirs.length); i++) expect(ours[i], `line ${i + 1}`).toBe(theirs[i]);
});
