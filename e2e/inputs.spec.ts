import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { test, expect, dropFiles, dropPaths, fixture, FIXTURES } from './fixtures';
import { dataFile, inputRow, openApp, overview, pasteText } from './helpers';

test('file picker adds files; inputs accumulate; remove one; clear all', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Choose files to open').setInputFiles(path.join(import.meta.dirname, 'data', 'simple-leaf.pem'));
  await expect(inputRow(page, 'simple-leaf.pem')).toContainText('1 certificate');
  await dropFiles(page, [dataFile('simple-root.pem')]);
  await expect(inputRow(page, 'simple-root.pem')).toContainText('1 certificate');
  await expect(overview(page).getByRole('option')).toHaveCount(2);

  await inputRow(page, 'simple-leaf.pem').getByRole('button', { name: 'Remove simple-leaf.pem' }).click();
  await expect(inputRow(page, 'simple-leaf.pem')).toHaveCount(0);
  await expect(overview(page).getByRole('option')).toHaveCount(1);

  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(page.getByText('No inputs yet.')).toBeVisible();
  await expect(overview(page)).toHaveCount(0);
});

test('the same file dropped twice is one input', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [dataFile('simple-leaf.pem')]);
  await expect(inputRow(page, 'simple-leaf.pem')).toBeVisible();
  await dropFiles(page, [dataFile('simple-leaf.pem')]);
  await expect(page.getByRole('list', { name: 'Loaded inputs' }).getByRole('listitem')).toHaveCount(1);
});

test('paste PEM, base64 and hex', async ({ page }) => {
  await openApp(page);
  const pem = readFileSync(path.join(import.meta.dirname, 'data', 'simple-leaf.pem'), 'utf8');
  await pasteText(page, pem);
  await expect(inputRow(page, 'Pasted text 1')).toContainText('1 certificate');

  const b64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  const der = Buffer.from(b64, 'base64');
  // Same certificate: deduplicated in the overview, but each paste is its own input.
  await pasteText(page, readFileSync(path.join(import.meta.dirname, 'data', 'simple-root.pem'), 'utf8').replace(/-----[^-]+-----/g, ''));
  await expect(inputRow(page, 'Pasted text 2')).toContainText('1 certificate');
  await pasteText(page, der.toString('hex'));
  await expect(inputRow(page, 'Pasted text 3')).toContainText('1 certificate');
  await expect(overview(page).getByRole('option')).toHaveCount(2);
});

test('a bad file shows its specific error and never loses the others', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [
    dataFile('simple-leaf.pem'),
    { name: 'junk.bin', bytes: new TextEncoder().encode('this is not a certificate at all') },
  ]);
  const junk = inputRow(page, 'junk.bin');
  await expect(junk.getByRole('list', { name: 'Errors in junk.bin' })).toContainText('UNRECOGNIZED_INPUT');
  await expect(inputRow(page, 'simple-leaf.pem')).toContainText('1 certificate');
  await expect(overview(page).getByRole('option')).toHaveCount(1);
});

test('a whole folder can be opened (each file becomes an input)', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Choose a folder to open').setInputFiles(path.join(FIXTURES, 'pki'));
  await expect(page.getByRole('list', { name: 'Loaded inputs' }).getByRole('listitem')).toHaveCount(6);
  // root, root2, intermediate, its cross-certificate, and the CRL (PEM and DER are the same CRL).
  await expect(overview(page).getByRole('option')).toHaveCount(5);
});

test('a folder dragged from the disk: nested paths kept, files with the same name apart, an unreadable file listed, analysis once all are in', async ({ page }) => {
  // A CA test folder as people have them: the same file name in several subfolders.
  const root = mkdtempSync(path.join(tmpdir(), 'certscope-drop-'));
  const put = (rel: string, bytes: Uint8Array | string) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), bytes);
  };
  put('ca-tests/expired/end.crt', fixture('leaves/expired.pem').bytes);
  put('ca-tests/good/end.crt', fixture('leaves/server.pem').bytes);
  put('ca-tests/good/chain/int.pem', readFileSync(path.join(FIXTURES, 'pki', 'intermediate.pem')));
  put('ca-tests/README', 'Test certificates for the CA suite.\n');
  try {
    await openApp(page);
    await dropPaths(page, [path.join(root, 'ca-tests')]);
    const inputs = page.getByRole('region', { name: /^Inputs/ });
    await expect(inputs.getByRole('heading', { name: 'Inputs (4)' })).toBeVisible();
    await expect(inputs).toHaveAttribute('data-inputs-working', '0');
    // Each input is known by its path inside the drop (a folder's files before its subfolders').
    for (const name of ['ca-tests/README', 'ca-tests/expired/end.crt', 'ca-tests/good/end.crt', 'ca-tests/good/chain/int.pem']) await expect(inputRow(page, name)).toBeVisible();
    await expect(inputRow(page, 'ca-tests/README')).toContainText(/unreadable|no certificate|not/i);
    await expect(overview(page).getByRole('option')).toHaveCount(3);
    // The analysis ran on the whole drop: the expired leaf is refused for its dates.
    await overview(page).getByRole('option', { name: /expired/i }).first().click();
    await expect(page.getByRole('region', { name: /verdict|Verifiers/i }).first()).toContainText(/expired/i);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('one bad PEM block shows its error and keeps the good certificates of the same file', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('bundles/fullchain-with-junk.pem'), fixture('bundles/chain.p7b'), fixture('bundles/server.der')]);
  const junk = inputRow(page, 'fullchain-with-junk.pem');
  await expect(junk).toContainText('3 certificates');
  await expect(junk.getByRole('list', { name: 'Errors in fullchain-with-junk.pem' })).toContainText('MALFORMED');
  await expect(junk.getByRole('list', { name: 'Errors in fullchain-with-junk.pem' })).toContainText('PEM block 3');
  await expect(inputRow(page, 'chain.p7b')).toContainText('3 certificates');
  await expect(inputRow(page, 'server.der')).toContainText('DER');
});
