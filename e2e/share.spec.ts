/** Share links: round trip of a 3-certificate chain and a host name; a session with a key shares certificates only. */
import { inflateRawSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { test, expect, dropFiles, fixture, fixtureDer } from './fixtures';
import { inputRow, openApp, overview } from './helpers';

interface DecodedLink {
  certificates: Buffer[];
  selected: number | null;
  host: string;
  at: string;
}

/** Reads a share fragment with Node alone, following the format in src/core/share/share-link.ts. */
function readFragment(url: string): DecodedLink {
  const fragment = new URL(url).hash.slice(1);
  expect(fragment.startsWith('cs1.')).toBe(true);
  const payload = inflateRawSync(Buffer.from(fragment.slice(4), 'base64url'));
  let o = 0;
  const u8 = () => payload.readUInt8(o++);
  const u16 = () => ((o += 2), payload.readUInt16BE(o - 2));
  const u32 = () => ((o += 4), payload.readUInt32BE(o - 4));
  const bytes = (n: number) => ((o += n), payload.subarray(o - n, o));
  expect(u8()).toBe(1);
  const count = u16();
  const certificates = Array.from({ length: count }, () => bytes(u32()));
  const selected = u16();
  const host = bytes(u16()).toString('utf8');
  const at = bytes(u16()).toString('utf8');
  expect(o, 'no trailing data: nothing but these fields is in the link').toBe(payload.length);
  return { certificates, selected: selected === 0xffff ? null : selected, host, at };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

test('a share link round-trips a 3-certificate chain, the selected certificate and the host name', async ({ page, context }) => {
  await openApp(page);
  await dropFiles(page, [fixture('bundles/chain.pem')]);
  await overview(page).getByRole('option', { name: /^CA Certscope Test Intermediate CA/ }).click();
  await page.getByLabel('Host name to check (server role)').fill('api.certscope.test');
  await page.getByRole('button', { name: 'Create share link' }).click();
  const url = await page.getByLabel('Share link', { exact: true }).inputValue();
  await expect(page.getByText(/characters · 3 certificates/)).toBeVisible();
  await expect(page.getByText('Everything after the # stays in the browser', { exact: false })).toBeVisible();

  const link = readFragment(url);
  expect(link.certificates.map(sha256).sort()).toEqual(['pki/root.pem', 'pki/intermediate.pem', 'leaves/server.pem'].map((f) => sha256(fixtureDer(f))).sort());
  expect(link.host).toBe('api.certscope.test');
  expect(sha256(link.certificates[link.selected ?? -1] ?? Buffer.alloc(0))).toBe(sha256(fixtureDer('pki/intermediate.pem')));
  expect(new URL(url).search).toBe('');

  // A colleague opens it: same certificates, same selection, same host name.
  const other = await context.newPage();
  await other.goto(url);
  await expect(overview(other).getByRole('option')).toHaveCount(3);
  await expect(other.getByLabel('Host name to check (server role)')).toHaveValue('api.certscope.test');
  await expect(other.getByRole('heading', { name: 'Certscope Test Intermediate CA', level: 2 })).toBeVisible();
});

test('a session holding a private key shares only the certificates, and says so', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('p12/default.p12'), fixture('csr/server.csr')]);
  const row = inputRow(page, 'default.p12');
  await row.getByLabel('Password for default.p12').fill('changeit');
  await row.getByRole('button', { name: 'Open' }).click();
  await expect(overview(page).getByRole('option', { name: /^Certificate alice/ })).toBeVisible();
  await page.getByRole('button', { name: 'Create share link' }).click();
  await expect(page.getByText(/also holds 1 private key, 1 CSR: the link carries only the certificates/)).toBeVisible();
  const url = await page.getByLabel('Share link', { exact: true }).inputValue();
  const link = readFragment(url);
  // Exactly the P12's certificates, each a DER certificate, and nothing else.
  expect(link.certificates).toHaveLength(3);
  for (const c of link.certificates) expect(c[0]).toBe(0x30);
  const key = fixtureDer('keys/client.key');
  const payload = Buffer.concat(link.certificates);
  expect(payload.includes(key.subarray(key.length - 48))).toBe(false);
  expect(url).not.toContain('changeit');
});

test('a damaged share link says so plainly and the app still works', async ({ page }) => {
  await page.goto('./#cs1.not-a-real-link');
  await expect(page.getByRole('alert')).toContainText('This share link could not be opened');
  await dropFiles(page, [fixture('bundles/chain.pem')]);
  await expect(overview(page).getByRole('option')).toHaveCount(3);
});
