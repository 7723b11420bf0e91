/**
 * The mTLS pair check claims only what it knows: both directions of trust as requirements, the
 * verifiers' answers per side, config lines per stack; a pair only when the person picked it or
 * it is plausible (same file, or the client's issuer loaded).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { test, expect, dropFiles, fixture, FIXTURES } from './fixtures';
import { openApp } from './helpers';

function pairRegion(page: Page): Locator {
  return page.getByRole('region', { name: 'Mutual TLS pair check' });
}

/** The checklist row of one item, by its label. */
function item(pair: Locator, label: string): Locator {
  return pair.getByRole('list', { name: 'mTLS checklist' }).getByRole('listitem').filter({ hasText: label });
}

async function pick(page: Page, which: 'Server certificate' | 'Client certificate', name: string): Promise<void> {
  const select = page.getByLabel(which);
  const value = await select.locator('option', { hasText: name }).first().getAttribute('value');
  await select.selectOption(value ?? '');
}

test('a private PKI pair: both directions as requirements, with config lines per stack', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('bundles/chain.pem'), fixture('leaves/client.pem')]);
  const pair = pairRegion(page);
  await expect(pair).toContainText('www.certscope.test');
  await pair.locator('summary').click();
  await expect(pair).toContainText("Checked together because the client certificate's issuer is loaded in this session.");
  // Each side's certificate, from the verifiers' answers.
  await expect(item(pair, 'The server certificate is accepted for the TLS server role')).toContainText('Pass');
  await expect(item(pair, 'The server certificate is accepted for the TLS server role')).toContainText('accepted by Chrome, OpenSSL, Go, Java and webpki once the client trusts its private root');
  await expect(item(pair, 'The client certificate is accepted for the TLS client role')).toContainText('accepted by OpenSSL, Go, Java and webpki');
  // Both directions, as what to configure.
  await expect(item(pair, "What the client must trust: the server's CA")).toContainText('Configure');
  await expect(item(pair, "What the client must trust: the server's CA")).toContainText('a private CA that no default trust store holds: configure the client to trust it');
  await expect(item(pair, "What the server must trust: the client's CA")).toContainText('Configure the server to trust CN=Certscope Test Root CA,O=Certscope Test as its client CA');
  await expect(pair).not.toContainText('server side knows');
  await expect(pair.getByRole('button', { name: "Copy The client must trust the server's CA PEM" })).toBeVisible();
  await expect(pair.getByRole('button', { name: "Copy The server must trust the client's CA PEM" })).toBeVisible();

  // Config lines per stack, in accessible tabs.
  const tabs = pair.getByRole('tablist', { name: 'Configuration for' });
  await expect(pair).toContainText('ssl_client_certificate /etc/nginx/certscope-test-root-ca.pem;');
  await expect(pair).toContainText('ssl_verify_client      on;');
  await expect(pair).toContainText('proxy_ssl_trusted_certificate /etc/nginx/certscope-test-root-ca.pem;');
  await tabs.getByRole('tab', { name: 'nginx' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: 'Envoy' })).toHaveAttribute('aria-selected', 'true');
  await expect(pair).toContainText('require_client_certificate: true');
  await expect(pair).toContainText('trusted_ca: { filename: /etc/envoy/certscope-test-root-ca.pem }');
  await tabs.getByRole('tab', { name: 'Go' }).click();
  await expect(pair).toContainText('ClientAuth:   tls.RequireAndVerifyClientCert,');
  await expect(pair).toContainText('RootCAs:      serverCAs,');
  await tabs.getByRole('tab', { name: 'Java' }).click();
  await expect(pair).toContainText('keytool -importcert -noprompt -alias client-ca -file certscope-test-root-ca.pem');
  await expect(pair).toContainText('-Djavax.net.ssl.trustStore=truststore.p12');
  await expect(pair.getByRole('button', { name: 'Copy Java server configuration' })).toBeVisible();
});

test('two unrelated certificates are not paired on their own; the person picks them', async ({ page }) => {
  await openApp(page);
  // Separate files, and the client's issuer is not loaded.
  await dropFiles(page, [fixture('leaves/server.pem'), fixture('leaves/client.pem')]);
  await expect(page.getByRole('listbox', { name: 'Loaded items' }).getByRole('option')).toHaveCount(2);
  // The overview says there is no pair and offers to pick one.
  await expect(page.getByText('No automatic mTLS pair')).toBeVisible();
  await expect(pairRegion(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Pick a server and a client' }).click();
  await expect(page.getByRole('tab', { name: 'mTLS pair' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('No automatic pair: no client certificate here came in the same file')).toBeVisible();
  await expect(pairRegion(page)).toHaveCount(0);
  await pick(page, 'Server certificate', 'www.certscope.test');
  await pick(page, 'Client certificate', 'alice');
  const pair = pairRegion(page);
  await expect(pair).toContainText('You picked these two certificates.');
  // Without their issuers, the CAs are unknown, and it says so instead of guessing.
  await expect(item(pair, "What the server must trust: the client's CA")).toContainText('Unknown');
  await expect(item(pair, "What the server must trust: the client's CA")).toContainText("which CA the server must trust cannot be known from these files");
  await expect(item(pair, "The server's chain is complete")).toContainText('Unknown');
  await expect(pair.locator('summary')).toContainText(/\d problems?/);
});

test('a server and a client in one file are a pair', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('mtls/pair-same-file.pem')]);
  const pair = pairRegion(page);
  await expect(pair).toContainText('alice');
  await pair.locator('summary').click();
  await expect(pair).toContainText('Checked together because both came in the same file.');
});

test("a large session's pair is judged with every verifier's answer, not left unknown", async ({ page }) => {
  const bundle = path.join(FIXTURES, 'generated', 'bundle-10000.pem');
  // Generated on demand (deterministic, ~1 s), never skipped: a fresh clone does not have it.
  if (!existsSync(bundle)) execFileSync('node', [path.resolve(FIXTURES, '../../scripts/make-big-bundle.mjs')], { stdio: 'inherit' });
  test.setTimeout(180_000);
  await openApp(page);
  // The pair comes after 10,000 certificates: its verifier answers are among those the analysis leaves for later.
  await dropFiles(page, [fixture('generated/bundle-10000.pem'), fixture('mtls/pair-same-file.pem')]);
  await expect(page.getByRole('region', { name: /^Overview/ })).toHaveAttribute('data-certificate-count', '10002', { timeout: 120_000 });
  const pair = pairRegion(page);
  await expect(pair).toContainText('alice', { timeout: 60_000 });
  await pair.locator('summary').click();
  await expect(pair).toContainText('Checked together because both came in the same file.');
  for (const label of ['The server certificate is accepted for the TLS server role', 'The client certificate is accepted for the TLS client role']) {
    await expect(item(pair, label)).toContainText(/accepted by|refused by/u);
    await expect(item(pair, label)).not.toContainText('left for later');
  }
  // The mTLS tab shows the same pair, judged the same way.
  await page.getByRole('tab', { name: /mTLS/ }).click();
  const tabPair = page.getByRole('tabpanel').filter({ has: page.getByRole('list', { name: 'mTLS checklist' }) });
  await expect(tabPair.getByRole('list', { name: 'mTLS checklist' })).not.toContainText('left for later');
  await expect(tabPair.getByRole('list', { name: 'mTLS checklist' })).toContainText(/accepted by|refused by/u);
});

test('a public server CA: clients with the default store have it; the nginx client uses the system bundle', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('mtls/public-google-chain.pem'), fixture('pki/intermediate.pem'), fixture('pki/root.pem'), fixture('leaves/client.pem')]);
  const pair = pairRegion(page);
  await expect(pair).toContainText('www.google.com');
  await pair.locator('summary').click();
  await expect(item(pair, "What the client must trust: the server's CA")).toContainText('a root of the built-in (Mozilla) store');
  await expect(pair.getByText('public (built-in store)')).toBeVisible();
  await expect(item(pair, 'The server certificate is accepted for the TLS server role')).toContainText('Fail');
  await expect(item(pair, 'The server certificate is accepted for the TLS server role')).toContainText('OpenSSL: certificate has expired');
  await expect(item(pair, 'Both certificates and their issuers are within their validity')).toContainText('CN=www.google.com: expired');
  await expect(pair).toContainText('proxy_ssl_trusted_certificate /etc/ssl/certs/ca-certificates.crt;');
  await pair.getByRole('tab', { name: 'Go' }).click();
  await expect(pair).toContainText('RootCAs nil: the system roots, which include GTS Root R1');
});

test('no axe violations on the mTLS pair check (light and dark)', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('bundles/chain.pem'), fixture('leaves/client.pem'), fixture('leaves/dual.pem')]);
  await pairRegion(page).locator('summary').click();
  await expect(pairRegion(page)).toContainText('ssl_verify_client');
  // The overview's pair panel, opened, is scanned by e2e/a11y.spec.ts; here the tab with its pickers.
  await page.getByRole('tab', { name: 'mTLS pair' }).click();
  await pick(page, 'Server certificate', 'dual.certscope.test');
  await expect(pairRegion(page)).toContainText('You picked these two certificates.');
  await expectAccessible(page, 'the mTLS pair tab', 'main');
});

const shots = process.env.CERTSCOPE_SHOTS;
for (const theme of ['light', 'dark'] as const) {
  for (const device of [
    { name: 'desktop', width: 1440, height: 1000 },
    { name: 'phone', width: 390, height: 844 },
  ]) {
    test(`screenshot mTLS pair ${theme} ${device.name}`, async ({ page }) => {
      test.skip(!shots, 'set CERTSCOPE_SHOTS to a folder to write screenshots');
      await page.setViewportSize({ width: device.width, height: device.height });
      await page.emulateMedia({ colorScheme: theme });
      await openApp(page);
      await dropFiles(page, [fixture('bundles/chain.pem'), fixture('leaves/client.pem')]);
      await page.getByRole('tab', { name: 'mTLS pair' }).click();
      const pair = pairRegion(page);
      await expect(pair).toContainText('ssl_verify_client');
      await page.screenshot({ path: `${shots}/${theme}-${device.name}-mtls.png`, fullPage: true });
      await pair.getByRole('tab', { name: 'Go' }).click();
      await pair.getByRole('tablist', { name: 'Configuration for' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/${theme}-${device.name}-mtls-go.png` });
    });
  }
}
