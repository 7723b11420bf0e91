/**
 * Inventories: a folder streams as NDJSON, one line per input, certificate and key; chains still
 * cross files (issuers from earlier files join later batches); no progress noise on a pipe.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AT, FIXTURES, ROOT, certscope, cliBundle, runProcess } from './testing';
import { BATCH_CERTIFICATES, pemSlices } from './inventory';

interface Line {
  readonly type: string;
  readonly name?: string;
  readonly error?: { code: string } | null;
  readonly subject?: string;
  readonly sources?: string[];
  readonly chain?: { status: string; path: string[] };
}
const lines = (stdout: string): Line[] => stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Line);

beforeAll(async () => {
  await cliBundle();
}, 60_000);

describe('folder inventories', () => {
  it('a folder streams NDJSON: header, then inputs, certificates and keys; exit 1 for an unreadable file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'certscope-inv-'));
    mkdirSync(join(dir, 'sub'));
    copyFileSync(join(FIXTURES, 'verifier', 'good', 'root.pem'), join(dir, 'a-root.pem'));
    copyFileSync(join(FIXTURES, 'verifier', 'good', 'int.pem'), join(dir, 'sub', 'b-int.pem'));
    copyFileSync(join(FIXTURES, 'verifier', 'good', 'leaf.pem'), join(dir, 'sub', 'c-leaf.pem'));
    copyFileSync(join(FIXTURES, 'verifier', 'good', 'leaf.key'), join(dir, 'sub', 'd-leaf.key'));
    writeFileSync(join(dir, 'z-junk.txt'), 'not a certificate');
    writeFileSync(join(dir, '.hidden.pem'), 'skipped');
    const r = await certscope(['inspect', '--at', AT, dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(''); // progress only on a terminal
    const got = lines(r.stdout);
    expect(got.map((l) => l.type)).toEqual(['header', 'input', 'input', 'input', 'input', 'input', 'certificate', 'certificate', 'certificate', 'privateKey']);
    expect(got.filter((l) => l.type === 'input').map((l) => [l.name, l.error?.code ?? null])).toEqual([
      ['a-root.pem', null],
      ['b-int.pem', null],
      ['c-leaf.pem', null],
      ['d-leaf.key', null],
      ['z-junk.txt', 'UNRECOGNIZED_INPUT'],
    ]);
    const leaf = got.find((l) => l.type === 'certificate' && l.subject?.startsWith('CN=www.certscope.test'));
    expect(leaf?.chain).toMatchObject({ status: 'private-root' });
    expect(leaf?.chain?.path).toHaveLength(3);
  });

  it(`more certificates than one batch (${BATCH_CERTIFICATES}): the CA from an earlier file still completes every chain, and each certificate is printed once`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'certscope-inv-'));
    const { makeBigBundle } = (await import(join(ROOT, 'scripts', 'make-big-bundle.mjs'))) as { makeBigBundle: (n: number, o: { withCa: boolean }) => string };
    const pem = makeBigBundle(BATCH_CERTIFICATES + 50, { withCa: true });
    const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n/gu) ?? [];
    writeFileSync(join(dir, '0-ca.pem'), blocks[blocks.length - 1] ?? '');
    writeFileSync(join(dir, '1-leaves.pem'), blocks.slice(0, -1).join(''));
    const r = await certscope(['inspect', '--format', 'ndjson', '--at', AT, dir]);
    expect(r.code, r.stderr).toBe(0);
    const certs = lines(r.stdout).filter((l) => l.type === 'certificate');
    expect(certs).toHaveLength(BATCH_CERTIFICATES + 51);
    expect(new Set(certs.map((c) => c.chain?.status))).toEqual(new Set(['private-root']));
    expect(certs.every((c) => !(c.sources ?? []).some((s) => s.startsWith('(')))).toBe(true);
  }, 60_000);
});

describe.skipIf(!existsSync('/usr/bin/script'))('progress', () => {
  it('is written to stderr when stderr is a terminal (stdout to a file)', async () => {
    const dir = join(FIXTURES, 'verifier', 'good');
    const cmd = `"${process.execPath}" "${await cliBundle()}" inspect --at ${AT} "${dir}" > /dev/null`;
    const r = await runProcess('/usr/bin/script', ['-qec', cmd, '/dev/null']);
    expect(r.stdout).toMatch(/certscope: done, 4 inputs, 3 certificates/u);
  });
});

describe('pemSlices', () => {
  const block = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
  const rows: [string, number | null, string][] = [
    [block.repeat(3), null, 'small input: not sliced'],
    [block.repeat(BATCH_CERTIFICATES * 30), 30, 'exact multiple of the batch'],
    [block.repeat(BATCH_CERTIFICATES * 30 + 1), 31, 'a remainder gets its own slice'],
    ['x'.repeat(100_000), null, 'not PEM'],
  ];
  it.each(rows)('%#: %s', (text, slices) => {
    const got = pemSlices(new TextEncoder().encode(text));
    expect(got === null ? null : got.length).toBe(slices);
    if (got) expect(got.map((s) => new TextDecoder().decode(s)).join('')).toBe(text);
  });
});
