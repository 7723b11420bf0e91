/**
 * Power tools (issue "Power tools in the app"): ASN.1 viewer, export panel, private-key export
 * behind its confirmation, compare, the mTLS pair check and the error decoder, all against the
 * committed fixtures and checked byte for byte with OpenSSL / node:crypto run from the test.
 */
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { test, expect, dropFiles, fixture, FIXTURES } from '../fixtures';
import { inputRow, openApp, overview } from '../helpers';

const fixturePath = (rel: string): string => path.join(FIXTURES, rel);
const fixtureText = (rel: string): string => readFileSync(fixturePath(rel), 'utf8');
const openssl = (args: readonly string[]): Buffer => execFileSync('openssl', args);

function pemBodies(text: string, label = 'CERTIFICATE'): string[] {
  const re = new RegExp(`-----BEGIN ${label}-----([\\s\\S]+?)-----END ${label}-----`, 'gu');
  return [...text.matchAll(re)].map((m) => (m[1] ?? '').replace(/\s+/gu, ''));
}
const pemBody = (rel: string): string => pemBodies(fixtureText(rel))[0] ?? '';
const derOf = (rel: string): Buffer => openssl(['x509', '-in', fixturePath(rel), '-outform', 'DER']);

interface ManifestFile {
  readonly path: string;
  readonly certificates?: readonly { readonly sha256: string }[];
}
const manifest = JSON.parse(fixtureText('manifest.json')) as { readonly files: readonly ManifestFile[] };
function shaOf(rel: string): string {
  const sha = manifest.files.find((f) => f.path === rel)?.certificates?.[0]?.sha256;
  if (!sha) throw new Error(`no certificate for ${rel} in manifest.json`);
  return sha;
}

async function saved(download: Download): Promise<Buffer> {
  return readFileSync(await download.path());
}

async function selectCertificate(page: Page, name: RegExp): Promise<void> {
  await overview(page).getByRole('option', { name }).first().click();
  await expect(page.getByRole('region', { name: 'Certificate tools' })).toBeVisible();
}

async function openServer(page: Page): Promise<void> {
  await openApp(page);
  await dropFiles(page, [fixture('bundles/chain.pem')]);
  await selectCertificate(page, /www\.certscope\.test/u);
}

function tools(page: Page) {
  return page.getByRole('region', { name: 'Certificate tools' });
}

async function openTool(page: Page, name: string): Promise<void> {
  await tools(page).getByRole('tab', { name }).click();
  await expect(tools(page).getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

async function unlock(page: Page, name: string, password: string): Promise<void> {
  const row = inputRow(page, name);
  await row.getByLabel(`Password for ${name}`).fill(password);
  await row.getByRole('button', { name: 'Open' }).click();
  await expect(row.getByLabel(`Password for ${name}`)).toHaveCount(0);
}

// --- ASN.1 ---------------------------------------------------------------------------------

/** `openssl asn1parse -inform DER` of a certificate: offset, header length, content length per element. */
function asn1parse(rel: string): { offset: number; depth: number; header: number; length: number; text: string }[] {
  const out = execFileSync('openssl', ['asn1parse', '-inform', 'DER'], { input: derOf(rel) }).toString();
  return out
    .split('\n')
    .flatMap((line) => {
      const m = /^\s*(\d+):d=(\d+)\s+hl=(\d+)\s+l=\s*(\d+)\s+\w+:\s*(.*)$/u.exec(line);
      return m ? [{ offset: Number(m[1]), depth: Number(m[2]), header: Number(m[3]), length: Number(m[4]), text: (m[5] ?? '').trim() }] : [];
    });
}

async function highlighted(page: Page, part: 'header' | 'content'): Promise<number[]> {
  const offsets = await page
    .getByRole('region', { name: 'Hex dump' })
    .locator(`[data-part="${part}"]`)
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-offset'))));
  return [...new Set(offsets)].sort((x, y) => x - y);
}
const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

test('ASN.1: clicking a node highlights exactly the bytes openssl asn1parse gives for it', async ({ page }) => {
  await openServer(page);
  await openTool(page, 'ASN.1');
  const tree = page.getByRole('tree', { name: 'ASN.1 structure' });
  await expect(tree.getByRole('treeitem').first()).toContainText('SEQUENCE (0+4+1167)');
  const parsed = asn1parse('leaves/server.pem');
  // Serial number, signature algorithm, issuer name, notBefore (depth ≤ 3 is expanded at first).
  const picks = [parsed[4], parsed[5], parsed[8], parsed.find((e) => e.text.startsWith('UTCTIME'))];
  expect(picks.map((p) => p?.offset)).toEqual([13, 23, 38, 108]);
  for (const e of picks) {
    if (!e) throw new Error('asn1parse output changed');
    const item = tree.getByRole('treeitem').filter({ hasText: `(${e.offset}+${e.header}+${e.length})` });
    await item.first().click();
    await expect(item.first()).toHaveAttribute('aria-selected', 'true');
    await expect.poll(() => highlighted(page, 'header')).toEqual(range(e.offset, e.offset + e.header));
    await expect.poll(() => highlighted(page, 'content')).toEqual(range(e.offset + e.header, e.offset + e.header + e.length));
  }
  // The hex dump shows the certificate's DER.
  const der = derOf('leaves/server.pem');
  const first = await page.getByRole('region', { name: 'Hex dump' }).locator('[data-offset="13"]').first().textContent();
  expect(first).toBe((der[13] ?? 0).toString(16).padStart(2, '0'));
  // Clicking a byte inside notBefore selects that element.
  await page.getByRole('region', { name: 'Hex dump' }).locator('[data-offset="115"]').first().click();
  await expect(tree.getByRole('treeitem', { selected: true })).toContainText('(108+2+13)');
});

test('ASN.1: keyboard tree and hex dump select the same element', async ({ page }) => {
  await openServer(page);
  await openTool(page, 'ASN.1');
  const tree = page.getByRole('tree', { name: 'ASN.1 structure' });
  await tree.getByRole('treeitem').first().click();
  await page.keyboard.press('ArrowDown'); // tbsCertificate
  await page.keyboard.press('ArrowDown'); // [0] version
  await page.keyboard.press('ArrowRight'); // INTEGER 2
  await expect(tree.getByRole('treeitem', { selected: true })).toContainText('INTEGER');
  await expect(tree.getByRole('treeitem', { selected: true })).toBeFocused();
  await page.keyboard.press('ArrowLeft'); // back to [0]
  await expect(tree.getByRole('treeitem', { selected: true })).toContainText('[0]');
  await page.getByRole('region', { name: 'Hex dump' }).locator('[data-offset="0"]').first().click();
  await expect(tree.getByRole('treeitem', { selected: true })).toContainText('SEQUENCE (0+4+1167)');
});

// --- Export --------------------------------------------------------------------------------

test('export: PEM, DER, fullchain (leaf → root) and PKCS#7 downloads are byte-exact', async ({ page }) => {
  await openServer(page);
  await openTool(page, 'Export');
  const panel = tools(page);
  const server = pemBody('leaves/server.pem');
  const intermediate = pemBody('pki/intermediate.pem');
  const root = pemBody('pki/root.pem');

  const [pem] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download PEM' }).click()]);
  expect(pem.suggestedFilename()).toBe('www.certscope.test.pem');
  expect(pemBodies((await saved(pem)).toString('utf8'))).toEqual([server]);

  const [der] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download DER' }).click()]);
  expect(der.suggestedFilename()).toBe('www.certscope.test.der');
  expect((await saved(der)).equals(derOf('leaves/server.pem'))).toBe(true);

  const [chain] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download fullchain.pem' }).click()]);
  expect(pemBodies((await saved(chain)).toString('utf8'))).toEqual([server, intermediate]);
  await panel.getByRole('checkbox', { name: /Include the root/u }).check();
  const [withRoot] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download fullchain.pem' }).click()]);
  expect(pemBodies((await saved(withRoot)).toString('utf8'))).toEqual([server, intermediate, root]);

  const [p7] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: /Download PKCS#7/u }).click()]);
  const printed = openssl(['pkcs7', '-inform', 'DER', '-in', await p7.path(), '-print_certs']).toString();
  expect(pemBodies(printed).sort()).toEqual([server, intermediate, root].sort());
  // Re-encoding through OpenSSL gives the same bytes: the structure is canonical DER.
  expect(openssl(['pkcs7', '-inform', 'DER', '-in', await p7.path(), '-outform', 'DER']).equals(await saved(p7))).toBe(true);
});

test('export: fingerprints in colon, plain and base64 spellings and the SPKI pin match node:crypto', async ({ page }) => {
  await openServer(page);
  await openTool(page, 'Export');
  const der = derOf('leaves/server.pem');
  const x509 = new X509Certificate(der);
  const spki = x509.publicKey.export({ type: 'spki', format: 'der' });
  const sha256 = createHash('sha256').update(der).digest();
  const spkiSha256 = createHash('sha256').update(spki).digest();
  const fingerprints = tools(page).getByRole('group', { name: 'Fingerprints' });
  await expect(fingerprints).toContainText(x509.fingerprint256);
  await expect(fingerprints).toContainText(x509.fingerprint);
  await expect(fingerprints).toContainText(`pin-sha256="${spkiSha256.toString('base64')}"`);
  await fingerprints.getByRole('radio', { name: /Plain hex/u }).check();
  await expect(fingerprints).toContainText(sha256.toString('hex'));
  await expect(fingerprints).toContainText(spkiSha256.toString('hex'));
  await fingerprints.getByRole('radio', { name: /Base64/u }).check();
  await expect(fingerprints).toContainText(sha256.toString('base64'));
});

test('private key export: nothing is fetched or saved without the confirmation; then the PKCS#8 is the key file', async ({ page }) => {
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  await openApp(page);
  await dropFiles(page, [fixture('leaves/server.pem'), fixture('keys/server.key')]);
  await selectCertificate(page, /www\.certscope\.test/u);
  await openTool(page, 'Export');
  const open = tools(page).getByRole('button', { name: 'Export private key…' });
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'Export an unencrypted private key?' });
  await expect(dialog).toContainText('in clear');
  const download = dialog.getByRole('button', { name: 'Download private key' });
  await expect(download).toBeDisabled();
  await download.click({ force: true }); // a disabled button does nothing
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await open.click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(downloads).toEqual([]);

  await open.click();
  await dialog.getByRole('checkbox', { name: 'I understand the key file is not encrypted' }).check();
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  expect(file.suggestedFilename()).toBe('www.certscope.test.key');
  const text = (await saved(file)).toString('utf8');
  expect(text).toMatch(/^-----BEGIN PRIVATE KEY-----\n/u);
  expect(pemBodies(text, 'PRIVATE KEY')).toEqual(pemBodies(fixtureText('keys/server.key'), 'PRIVATE KEY'));
  await expect(dialog).toBeHidden();
  expect(downloads).toEqual(['www.certscope.test.key']);
});

test('private key export from an unlocked PKCS#12 equals openssl pkcs12 -nodes', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('p12/default.p12')]);
  await unlock(page, 'default.p12', 'changeit');
  await selectCertificate(page, /^Certificate alice/u);
  await openTool(page, 'Export');
  await tools(page).getByRole('button', { name: 'Export private key…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export an unencrypted private key?' });
  await expect(dialog).toContainText('default.p12');
  await dialog.getByRole('checkbox', { name: 'I understand the key file is not encrypted' }).check();
  const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download private key' }).click()]);
  const expected = openssl(['pkcs12', '-in', fixturePath('p12/default.p12'), '-nocerts', '-nodes', '-passin', 'pass:changeit']).toString();
  const exported = pemBodies((await saved(file)).toString('utf8'), 'PRIVATE KEY');
  expect(exported).toHaveLength(1);
  expect(exported).toEqual(pemBodies(expected, 'PRIVATE KEY'));
  // The same key as keys/client.key, and a parseable PKCS#8 for openssl.
  const asPkcs8 = openssl(['pkey', '-in', await file.path(), '-outform', 'DER']);
  expect(asPkcs8.equals(openssl(['pkey', '-in', fixturePath('keys/client.key'), '-outform', 'DER']))).toBe(true);
});

test('an encrypted key is offered for export only after the person unlocked it', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('leaves/server.pem'), fixture('keys/server-enc.key')]);
  await selectCertificate(page, /www\.certscope\.test/u);
  await openTool(page, 'Export');
  await expect(tools(page).getByRole('button', { name: 'Download PEM' })).toBeVisible();
  await expect(tools(page).getByRole('button', { name: 'Export private key…' })).toHaveCount(0);
  await unlock(page, 'server-enc.key', 'secret');
  await tools(page).getByRole('button', { name: 'Export private key…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export an unencrypted private key?' });
  await dialog.getByRole('checkbox', { name: 'I understand the key file is not encrypted' }).check();
  const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download private key' }).click()]);
  expect(openssl(['pkey', '-in', await file.path(), '-outform', 'DER']).equals(openssl(['pkey', '-in', fixturePath('keys/server.key'), '-outform', 'DER']))).toBe(true);
  // Removing the key's input takes the export away.
  await inputRow(page, 'server-enc.key').getByRole('button', { name: /Remove/u }).click();
  await selectCertificate(page, /www\.certscope\.test/u);
  await openTool(page, 'Export');
  await expect(tools(page).getByRole('button', { name: 'Download PEM' })).toBeVisible();
  await expect(tools(page).getByRole('button', { name: 'Export private key…' })).toHaveCount(0);
});

test('a certificate without a loaded key offers no key export', async ({ page }) => {
  await openServer(page);
  await openTool(page, 'Export');
  await expect(tools(page).getByRole('button', { name: 'Download PEM' })).toBeVisible();
  await expect(tools(page).getByRole('button', { name: 'Export private key…' })).toHaveCount(0);
});

// --- Compare -------------------------------------------------------------------------------

test('compare with another loaded certificate lists what differs', async ({ page }) => {
  await openServer(page);
  await openTool(page, 'Compare with…');
  await tools(page).getByRole('combobox', { name: 'Certificate to compare with' }).selectOption(shaOf('pki/intermediate.pem'));
  const table = tools(page).getByRole('table');
  const subject = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Subject', exact: true }) });
  await expect(subject).toContainText('www.certscope.test');
  await expect(subject).toContainText('Certscope Test Intermediate CA');
  await expect(subject).toContainText('Changed');
  const issuer = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Issuer', exact: true }) });
  await expect(issuer).toContainText('Changed');
  await tools(page).getByRole('checkbox', { name: 'Only differences' }).check();
  await expect(table.getByRole('cell', { name: 'Same', exact: true })).toHaveCount(0);
});

// --- mTLS pair -----------------------------------------------------------------------------

test('mTLS pair: server + unlocked client PKCS#12 + their CAs: every check holds once both sides trust the root; the client CA PEM is the root', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await dropFiles(page, [fixture('leaves/server.pem'), fixture('p12/default.p12'), fixture('pki/intermediate.pem'), fixture('pki/root.pem')]);
  await unlock(page, 'default.p12', 'changeit');
  await page.getByRole('tab', { name: 'mTLS pair' }).click();
  await expect(page.getByLabel('Server certificate')).toHaveValue(shaOf('leaves/server.pem'));
  await expect(page.getByLabel('Client certificate')).toHaveValue(shaOf('leaves/client.pem'));
  const pair = page.getByRole('region', { name: 'Mutual TLS pair check' });
  await expect(pair).toContainText('Works once both sides are configured');
  for (const [label, state] of [
    ['The server certificate is accepted for the TLS server role', 'Pass'],
    ['The client certificate is accepted for the TLS client role', 'Pass'],
    ["What the client must trust: the server's CA", 'Configure'],
    ["What the server must trust: the client's CA", 'Configure'],
    ['Both certificates and their issuers are within their validity', 'Pass'],
    ["The server's chain is complete", 'Pass'],
  ] as const) {
    await expect(pair.getByRole('listitem').filter({ hasText: label })).toContainText(state);
  }
  await expect(pair).toContainText('Configure the server to trust CN=Certscope Test Root CA,O=Certscope Test as its client CA');
  await pair.getByRole('button', { name: "Copy The server must trust the client's CA PEM" }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(pemBodies(copied)).toEqual([pemBody('pki/root.pem')]);
});

test('mTLS pair: an e-mail-only certificate picked as the client fails the client-role check', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('leaves/server.pem'), fixture('leaves/email-only.pem'), fixture('pki/intermediate.pem'), fixture('pki/root.pem')]);
  await page.getByRole('tab', { name: 'mTLS pair' }).click();
  // No certificate has clientAuth, so the analysis picks no pair on its own: the person picks.
  await expect(page.getByRole('region', { name: 'Mutual TLS pair check' })).toHaveCount(0);
  await page.getByLabel('Server certificate').selectOption(shaOf('leaves/server.pem'));
  await page.getByLabel('Client certificate').selectOption(shaOf('leaves/email-only.pem'));
  const pair = page.getByRole('region', { name: 'Mutual TLS pair check' });
  await expect(pair).toContainText('1 problem');
  const client = pair.getByRole('listitem').filter({ hasText: 'The client certificate is accepted for the TLS client role' });
  await expect(client).toContainText('Fail');
  await expect(client).toContainText('refused by OpenSSL, Go, Java and webpki');
  await expect(pair.getByRole('listitem').filter({ hasText: 'The server certificate is accepted for the TLS server role' })).toContainText('Pass');
  await expect(pair.getByRole('listitem').filter({ hasText: "What the server must trust: the client's CA" })).toContainText('Configure');
});

// --- Error decoder -------------------------------------------------------------------------

/** [pasted text, codes it must name, codes it must not name] — strings from shared/spec/error-strings.md. */
const ERRORS: readonly (readonly [string, readonly string[], readonly string[]])[] = [
  ['client SSL certificate verify error: (20:unable to get local issuer certificate) while reading client request headers', ['CHAIN_ISSUER_NOT_FOUND'], ['EXPIRED', 'HOSTNAME_MISMATCH']],
  ['x509: certificate specifies an incompatible key usage', ['EKU_SERVER_AUTH_MISSING', 'EKU_CLIENT_AUTH_MISSING'], ['CHAIN_ISSUER_NOT_FOUND']],
  ['NET::ERR_CERT_AUTHORITY_INVALID', ['CHAIN_ISSUER_NOT_FOUND'], ['HOSTNAME_MISMATCH']],
  ['error:0A000086:SSL routines::certificate verify failed: unsuitable certificate purpose', ['EKU_SERVER_AUTH_MISSING', 'EKU_CLIENT_AUTH_MISSING'], ['EXPIRED']],
  ['SSL_connect: certificate has expired', ['EXPIRED'], ['HOSTNAME_MISMATCH', 'REVOKED']],
  ['verify error:num=62:hostname mismatch', ['HOSTNAME_MISMATCH'], ['EXPIRED']],
  ['x509: certificate is valid for a.example, not b.example', ['HOSTNAME_MISMATCH'], ['EXPIRED', 'CHAIN_ISSUER_NOT_FOUND']],
  ['java.security.cert.CertificateException: No subject alternative DNS name matching x found.', ['HOSTNAME_MISMATCH'], ['EXPIRED']],
  [
    'javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target',
    ['CHAIN_ISSUER_NOT_FOUND'],
    ['EXPIRED', 'HOSTNAME_MISMATCH'],
  ],
  ['certificate revoked', ['REVOKED'], ['EXPIRED']],
  ['error:0A000412:SSL routines::ssl/tls alert bad certificate', ['EKU_CLIENT_AUTH_MISSING'], ['HOSTNAME_MISMATCH']],
  ['curl: (60) SSL certificate OpenSSL verify result: unable to get local issuer certificate (20)', ['CHAIN_ISSUER_NOT_FOUND'], ['EXPIRED']],
  // Mixed case and partial text.
  ['X509: CERTIFICATE HAS EXPIRED OR IS NOT YET VALID', ['EXPIRED', 'NOT_YET_VALID'], ['HOSTNAME_MISMATCH']],
  ['Hostname Mismatch', ['HOSTNAME_MISMATCH'], []],
  ['net::err_cert_revoked', ['REVOKED'], []],
  ['...Unable To Get Local Issuer Certificate', ['CHAIN_ISSUER_NOT_FOUND'], []],
  ['(26:unsuitable', ['EKU_SERVER_AUTH_MISSING'], []],
];

test('error decoder: real error strings map to the finding codes (mixed case, partial text)', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Error decoder' }).click();
  const box = page.getByLabel('Paste an error message');
  const list = page.getByRole('list', { name: 'Matching checks' });
  for (const [text, codes, notCodes] of ERRORS) {
    await box.fill(text);
    for (const code of codes) await expect(list.locator('code', { hasText: new RegExp(`^${code}$`, 'u') }), `${text} → ${code}`).toHaveCount(1);
    const shown = await list.locator(':scope > li code').allTextContents();
    for (const code of notCodes) expect(shown, `${text} must not name ${code}`).not.toContain(code);
  }
  await box.fill('the quick brown fox');
  await expect(page.getByText('No known check matches this message.')).toBeVisible();
});

test('error decoder: with certificates loaded it says which of them trigger the check', async ({ page }) => {
  await openApp(page);
  // The server certificate alone: its issuer is missing, and it is within its validity.
  await dropFiles(page, [fixture('leaves/server.pem')]);
  await expect(overview(page).getByRole('option', { name: /www\.certscope\.test/u })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Suitability as TLS server' })).toContainText('CHAIN_ISSUER_NOT_FOUND');
  await page.getByRole('tab', { name: 'Error decoder' }).click();
  const box = page.getByLabel('Paste an error message');
  const list = page.getByRole('list', { name: 'Matching checks' });
  await box.fill('unable to get local issuer certificate');
  const issuer = list.locator(':scope > li').filter({ has: page.locator('code', { hasText: /^CHAIN_ISSUER_NOT_FOUND$/u }) });
  await expect(issuer).toContainText('Triggered by:');
  await expect(issuer).toContainText('www.certscope.test');
  await box.fill('certificate has expired');
  const expired = list.locator(':scope > li').filter({ has: page.locator('code', { hasText: /^EXPIRED$/u }) });
  await expect(expired).toContainText('None of the loaded certificates triggers this.');
});
