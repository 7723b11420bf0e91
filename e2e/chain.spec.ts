import { test, expect, dropFiles, fixture } from './fixtures';
import { openApp, overview } from './helpers';

test('chain tree: signature statuses, private root, trust it for the session (re-analyzes)', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('bundles/chain.pem')]);
  await overview(page).getByRole('option', { name: /www\.certscope\.test/ }).click();
  const chain = page.getByRole('region', { name: 'Chain' });
  await expect(chain).toContainText('Certscope Test Intermediate');
  await expect(chain).toContainText('Certscope Test Root CA');
  await expect(chain.getByText('signature valid').first()).toBeVisible();
  await expect(chain).toContainText('Private root (not trusted)');
  const server = page.getByRole('region', { name: 'Suitability as TLS server' });
  await expect(server).toContainText('CHAIN_PRIVATE_ROOT');

  await chain.getByRole('button', { name: 'Trust this root for this session' }).click();
  await expect(chain).toContainText('Root trusted for this session');
  await expect(server).toContainText('CHAIN_TRUSTED');
  await chain.getByRole('button', { name: 'Stop trusting' }).click();
  await expect(server).toContainText('CHAIN_PRIVATE_ROOT');
});

test('a missing issuer is a visible gap with its name and key id', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('leaves/server.pem')]);
  await overview(page).getByRole('option', { name: /www\.certscope\.test/ }).click();
  const chain = page.getByRole('region', { name: 'Chain' });
  await expect(chain).toContainText('Missing issuer:');
  await expect(chain).toContainText('Certscope Test Intermediate');
  await expect(chain).toContainText('key id');
  await expect(page.getByRole('region', { name: 'Suitability as TLS server' })).toContainText('CHAIN_ISSUER_NOT_FOUND');
});

test('a reversed chain file gives the same chain', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('bundles/chain-reversed.pem')]);
  await overview(page).getByRole('option', { name: /www\.certscope\.test/ }).click();
  const chain = page.getByRole('region', { name: 'Chain' });
  await expect(chain).toContainText('Certscope Test Intermediate');
  await expect(chain).toContainText('Private root (not trusted)');
});

test('chain forest shows cross-signs as branches and a broken signature', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [
    fixture('leaves/server.pem'),
    fixture('pki/intermediate.pem'),
    fixture('pki/intermediate-cross-root2.pem'),
    fixture('pki/root.pem'),
    fixture('pki/root2.pem'),
    fixture('leaves/bad-signature.pem'),
  ]);
  await expect(overview(page).getByRole('option')).toHaveCount(6);
  await page.getByRole('tab', { name: 'Chains' }).click();
  const forest = page.getByRole('region', { name: 'Chain forest' });
  await expect(forest.getByText(/alternative issuers \(cross-signed\)/).first()).toBeVisible();
  await expect(forest).toContainText('Certscope Test Root CA 2');
  await expect(forest.getByText('signature INVALID').first()).toBeVisible();
  // A chain node opens that certificate.
  await forest.getByRole('button', { name: 'Certscope Test Intermediate' }).first().click();
  await expect(page.getByRole('region', { name: 'Summary' }).getByRole('heading', { level: 2 })).toHaveText('Certscope Test Intermediate CA');
});

test('mTLS pair check: a server and a client certificate checked together', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('bundles/chain.pem'), fixture('leaves/client.pem')]);
  const pair = page.getByRole('region', { name: 'Mutual TLS pair check' });
  await expect(pair).toContainText('www.certscope.test');
  await expect(pair).toContainText('alice');
  await pair.locator('summary').click();
  await expect(pair).toContainText('The client certificate is accepted for the TLS client role');
  // Requirements, never a claim about a server it cannot see.
  await expect(pair).toContainText("What the server must trust: the client's CA");
  await expect(pair).not.toContainText('server side knows');
  await expect(pair.getByRole('button', { name: "Copy The server must trust the client's CA PEM" })).toBeVisible();
});
