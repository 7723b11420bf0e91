/**
 * The package as people get it: `npm pack` of the generated CLI package, installed into an empty
 * folder with --offline (no registry, no cache needed: the bundle has no runtime dependencies),
 * then run through the installed `certscope` bin.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AT, FIXTURES, ROOT, cliBundle, runProcess } from './testing';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('packed tarball', () => {
  it('installs offline into an empty folder and runs --version and inspect', async () => {
    const pkgDir = dirname(await cliBundle());
    const work = mkdtempSync(join(tmpdir(), 'certscope-pack-'));
    const cache = join(work, 'empty-npm-cache');
    const env = { npm_config_cache: cache, npm_config_update_notifier: 'false' };
    const packed = await runProcess(npm, ['pack', '--silent', '--pack-destination', work, pkgDir], { env, cwd: work });
    expect(packed.code, packed.stderr).toBe(0);
    const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
    expect(tgz).toBeDefined();
    const app = join(work, 'app');
    const install = await runProcess('bash', ['-c', `mkdir -p "$1" && cd "$1" && npm init -y >/dev/null && npm install --offline --no-audit --no-fund "$2"`, '_', app, join(work, tgz ?? '')], { env, cwd: work });
    expect(install.code, install.stderr).toBe(0);
    // Nothing but certscope itself was installed.
    const installed = readdirSync(join(app, 'node_modules')).filter((n) => !n.startsWith('.'));
    expect(installed).toEqual(['certscope']);
    const bin = join(app, 'node_modules', '.bin', 'certscope');
    const version = await runProcess(bin, ['--version'], { cwd: app });
    const expected = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(version.stdout).toBe(`certscope ${expected}\n`);
    const inspect = await runProcess(bin, ['inspect', '--json', '--at', AT, join(FIXTURES, 'verifier', 'good', 'leaf.pem'), join(FIXTURES, 'verifier', 'good', 'int.pem')], { cwd: app });
    expect(inspect.code, inspect.stderr).toBe(0);
    const report = JSON.parse(inspect.stdout) as { certificates: { subject: string }[] };
    expect(report.certificates[0]?.subject).toMatch(/^CN=www\.certscope\.test/u);
  }, 120_000);
});
