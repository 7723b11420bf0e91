/**
 * Installed and offline use, static hosting under a sub-path, and the page's security policy.
 * Service workers are blocked in other specs (playwright.config.ts); this file allows them.
 */
import { test, expect, dropFiles, fixture } from './fixtures';
import { AT, inputRow, openApp, overview } from './helpers';

test.describe('offline PWA', () => {
  test.use({ serviceWorkers: 'allow' });

  test('after the first visit it works offline: reload, drop a legacy P12, see its verdicts', async ({ page, context }) => {
    await openApp(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Certscope' })).toBeVisible();
    await dropFiles(page, [fixture('p12/legacy.p12')]);
    const row = inputRow(page, 'legacy.p12');
    await row.getByLabel('Password for legacy.p12').fill('changeit');
    await row.getByRole('button', { name: 'Open' }).click();
    await overview(page).getByRole('option', { name: /^Certificate alice/ }).click();
    const client = page.getByRole('region', { name: 'Suitability as TLS client' });
    await expect(client).toContainText('PRIVATE_KEY_MATCHES');
    await expect(client).toContainText(/Suitable/);
    await expect(page.getByRole('region', { name: 'Suitability as TLS server' })).toContainText('EKU_SERVER_AUTH_MISSING');
  });

  test('the manifest is installable and the service worker controls the page', async ({ page, request }) => {
    await openApp(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '')).toMatch(/\/sw\.js$/);

    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(manifestHref).toBeTruthy();
    const manifestUrl = new URL(manifestHref ?? '', page.url()).href;
    const manifest = (await (await request.get(manifestUrl)).json()) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: expect.any(String), short_name: 'Certscope', display: 'standalone', start_url: './', scope: './' });
    const icons = manifest.icons as { src: string; sizes: string; type: string; purpose?: string }[];
    for (const size of ['192x192', '512x512']) {
      const icon = icons.find((i) => i.sizes === size && i.type === 'image/png' && !i.purpose);
      expect(icon, `a ${size} PNG icon`).toBeTruthy();
      const response = await request.get(new URL(icon?.src ?? '', manifestUrl).href);
      expect(response.ok()).toBe(true);
      const png = await response.body();
      // PNG IHDR: width and height at bytes 16..23.
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(size);
    }
    expect(icons.some((i) => i.purpose === 'maskable')).toBe(true);
    const handlers = manifest.file_handlers as { accept: Record<string, string[]> }[];
    const extensions = handlers.flatMap((h) => Object.values(h.accept).flat());
    for (const ext of ['.pem', '.crt', '.cer', '.der', '.p7b', '.p7c', '.p12', '.pfx', '.csr', '.crl', '.key']) expect(extensions).toContain(ext);
    expect(manifest.share_target).toMatchObject({ method: 'POST', enctype: 'multipart/form-data' });

    // Chromium's own verdict on installability.
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    // Playwright's contexts are off-the-record, which Chromium reports as "in-incognito": a fact
    // about the test browser, not the app. Every other installability error fails the test.
    const appErrors = installabilityErrors.filter((e) => e.errorId !== 'in-incognito');
    expect(appErrors, JSON.stringify(installabilityErrors)).toEqual([]);
  });
});

test('the built app works under a sub-path with no server configuration', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(`/tools/certscope/?at=${encodeURIComponent(AT)}`);
  await expect(page.getByRole('heading', { name: 'Certscope' })).toBeVisible();
  await dropFiles(page, [fixture('bundles/chain.pem')]);
  await expect(overview(page).getByRole('option', { name: /www\.certscope\.test/ })).toBeVisible();
  // Every file, the Worker and the lazily loaded chunks came from under the sub-path.
  const outside = requested.filter((p) => !p.startsWith('/tools/certscope/'));
  expect(outside).toEqual([]);
  expect(requested.some((p) => /\/assets\/worker-.*\.js$/.test(p))).toBe(true);
});

test('a strict Content-Security-Policy is in force and nothing violates it', async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await openApp(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const directive of ["script-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "require-trusted-types-for 'script'", 'trusted-types default']) {
    expect(csp).toContain(directive);
  }
  expect(await page.locator('script:not([src])').count()).toBe(0);
  await dropFiles(page, [fixture('bundles/chain.pem'), fixture('hostile/hostile-xss.pem')]);
  await expect(overview(page).getByRole('option').first()).toBeVisible();
  // Injected markup cannot run script: the CSP and React's escaping both stand in the way.
  expect(await page.evaluate(() => (window as unknown as { __xss?: boolean }).__xss === true)).toBe(false);
  // The app itself, with a certificate opened, its chain and its tools, needs no HTML sink.
  await overview(page).getByRole('option', { name: /www\.certscope\.test/ }).click();
  await expect(page.getByRole('region', { name: 'Suitability as TLS server' })).toBeVisible();
  await page.getByRole('tab', { name: 'Chains' }).click();
  await expect(page.getByRole('region', { name: 'Chain forest' })).toBeVisible();
  expect(violations).toEqual([]);
  // Trusted Types: no string reaches an HTML sink, whoever tries.
  const blocked = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<img src=x onerror="window.__xss=true">';
      return 'assigned';
    } catch (e) {
      return e instanceof TypeError ? 'TypeError' : String(e);
    }
  });
  expect(blocked).toBe('TypeError');
  await expect.poll(() => violations.some((v) => v.startsWith('require-trusted-types-for'))).toBe(true);
});
