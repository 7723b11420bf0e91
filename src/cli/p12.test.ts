/**
 * `certscope p12 convert|make`: rows [args, environment, exit status, what must hold, why]. Most
 * run in process (run() with captured output); one runs the built bundle as a child process.
 * Every row checks that no password appears on stdout or stderr.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { decodeInput } from '../core/decode-input';
import { hasOpenssl, opensslOpen } from '../core/pkcs12/testing/tools';
import { FIXTURES, certscope, certscopeInProcess } from './testing';

const dir = mkdtempSync(join(tmpdir(), 'certscope-p12cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const out = (name: string): string => join(dir, name);
const LEGACY = join(FIXTURES, 'p12', 'legacy.p12');
const DEFAULT = join(FIXTURES, 'p12', 'default.p12');
const SERVER = join(FIXTURES, 'leaves', 'server.pem');
const CHAIN = join(FIXTURES, 'bundles', 'chain.pem');
const SERVER_KEY = join(FIXTURES, 'keys', 'server-enc.key');
const OLD_PW_FILE = out('old.txt');
writeFileSync(OLD_PW_FILE, 'changeit\n');
const NEW = 'Fresh-Pass 42';
const SECRETS = ['changeit', NEW, 'secret'];

const envKeys: string[] = [];
function setEnv(env: Record<string, string>): void {
  for (const [k, v] of Object.entries(env)) {
    process.env[k] = v;
    envKeys.push(k);
  }
}
afterEach(() => {
  for (const k of envKeys.splice(0)) delete process.env[k];
});

async function opened(file: string, password: string) {
  return decodeInput({ name: file, bytes: new Uint8Array(readFileSync(file)) }, { passwords: [password] });
}

describe('writes', () => {
  // [args, env, exit, check, why]
  const rows: readonly [string[], Record<string, string>, number, (r: { stdout: string; stderr: string }) => Promise<void>, string][] = [
    [
      ['p12', 'convert', LEGACY, '--password-file', OLD_PW_FILE, '--profile', 'modern', '--iter', '1000', '--new-password-env', 'P12_NEW', '--out', out('modern.p12')],
      { P12_NEW: NEW },
      0,
      async (r) => {
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/wrote .*modern\.p12 .*3 certificates \(alice → Certscope Test Intermediate CA → Certscope Test Root CA\), RSA 2048 key, friendlyName "alice"\n {2}modern: certificates: PBES2 AES-256-CBC/u);
        const d = await opened(out('modern.p12'), NEW);
        expect(d.errors).toEqual([]);
        expect(d.certificates.map((c) => c.subject.rfc4514)).toEqual(['CN=alice,O=Certscope Test', 'CN=Certscope Test Intermediate CA,O=Certscope Test', 'CN=Certscope Test Root CA,O=Certscope Test']);
        expect(d.pkcs12?.safes[0]?.encryption?.cipher).toBe('AES-256-CBC');
        expect(d.privateKeys[0]?.friendlyName).toBe('alice');
      },
      'legacy (RC2-40) → modern, old password from a file, new one from the environment',
    ],
    [
      ['p12', 'make', '--cert', SERVER, '--chain', CHAIN, '--key', SERVER_KEY, '--key-password-env', 'KEY_PW', '--name', 'web', '--profile', 'custom', '--key-pbe', 'AES-128-CBC', '--cert-pbe', 'NONE', '--mac', 'sha512', '--iter', '1000', '--new-password', NEW, '--out', out('made.p12')],
      { KEY_PW: 'secret' },
      0,
      async (r) => {
        expect(r.stderr).toMatch(/3 certificates \(www\.certscope\.test → Certscope Test Intermediate CA → Certscope Test Root CA\), RSA 2048 key, friendlyName "web"\n {2}custom: certificates: none; key: PBES2 AES-128-CBC/u);
        const d = await opened(out('made.p12'), NEW);
        expect(d.certificates).toHaveLength(3);
        expect(d.pkcs12?.mac?.hash).toBe('SHA-512');
        expect(d.privateKeys[0]?.friendlyName).toBe('web');
      },
      'certificate + encrypted key + a chain file that repeats the leaf',
    ],
    [
      ['p12', 'convert', DEFAULT, '--password-env', 'OLD', '--pem', '--include-key'],
      { OLD: 'changeit' },
      0,
      async (r) => {
        expect(r.stdout.match(/-----BEGIN CERTIFICATE-----/gu)).toHaveLength(3);
        expect(r.stdout).toMatch(/-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\n[\s\S]+-----END PRIVATE KEY-----\n$/u);
        expect(r.stderr).toMatch(/private key UNENCRYPTED/u);
      },
      'PEM to stdout, the key only because --include-key',
    ],
    [
      ['p12', 'convert', DEFAULT, '--password', 'changeit', '--pem', '--out', out('chain.pem')],
      {},
      0,
      async (r) => {
        expect(readFileSync(out('chain.pem'), 'utf8')).not.toContain('PRIVATE KEY');
        expect(r.stderr).toMatch(/the key left out \(add --include-key\)/u);
      },
      'PEM without the key by default',
    ],
    [['p12', 'convert', DEFAULT, '--password', 'wrong', '--profile', 'modern', '--new-password', NEW, '--out', out('never.p12')], {}, 1, async (r) => expect(r.stderr).toMatch(/WRONG_PASSWORD/u), 'wrong password: exit 1, nothing written'],
    [['p12', 'make', '--cert', SERVER, '--key', join(FIXTURES, 'keys', 'ec-pkcs8.key'), '--profile', 'modern', '--new-password', NEW, '--out', out('never.p12')], {}, 1, async (r) => expect(r.stderr).toMatch(/does not belong to the certificate in .*server\.pem/u), 'a key that is not the certificate’s'],
    [['p12', 'convert', SERVER, '--profile', 'modern', '--new-password', NEW, '--out', out('never.p12')], {}, 1, async (r) => expect(r.stderr).toMatch(/is not a PKCS#12 file .*p12 make/u), 'convert wants a PKCS#12'],
  ];
  it.each(rows.map(([args, env, code, check, why]) => [why, code, args, env, check] as const))('%s → exit %i', async (_why, code, args, env, check) => {
    setEnv(env);
    const r = await certscopeInProcess(args);
    expect(r.code, r.stderr).toBe(code);
    await check(r);
    for (const s of SECRETS) expect(`${r.stdout}${r.stderr}`).not.toContain(s);
    if (code !== 0) expect(existsSync(out('never.p12'))).toBe(false);
  });
});

describe('usage errors (exit 2)', () => {
  const rows: readonly [string[], RegExp, string][] = [
    [['p12'], /^usage: certscope p12 convert/u, 'no subcommand prints the help on stderr'],
    [['p12', 'split'], /unknown subcommand split/u, 'unknown subcommand'],
    [['p12', 'convert', DEFAULT, '--new-password', NEW, '--out', out('x.p12')], /--profile is required/u, 'no profile'],
    [['p12', 'convert', DEFAULT, '--profile', 'fancy', '--password', 'changeit', '--out', out('x.p12')], /profile: expected one of modern, compatible, custom, got fancy/u, 'unknown profile'],
    [['p12', 'convert', DEFAULT, '--profile', 'modern', '--key-pbe', 'NONE', '--out', out('x.p12')], /--key-pbe is for --profile custom/u, 'custom options with a named profile'],
    [['p12', 'convert', DEFAULT, '--profile', 'custom', '--key-pbe', 'ROT13', '--password', 'changeit', '--out', out('x.p12')], /encryption: expected one of AES-256-CBC/u, 'unknown cipher'],
    [['p12', 'convert', DEFAULT, '--password', 'changeit', '--password-env', 'X', '--profile', 'modern', '--out', out('x.p12')], /give one of --password, --password-file and --password-env/u, 'two sources for one password'],
    [['p12', 'convert', DEFAULT, '--password', 'changeit', '--profile', 'modern', '--iter', '0', '--out', out('x.p12')], /--iter: expected a whole number/u, 'zero iterations'],
    [['p12', 'convert', DEFAULT, '--password', 'changeit', '--profile', 'modern'], /--out FILE is required/u, 'no --out for a binary file'],
    [['p12', 'convert', DEFAULT, '--password', 'changeit', '--profile', 'modern', '--include-key', '--out', out('x.p12')], /--include-key is for --pem/u, '--include-key without --pem'],
    [['p12', 'make', '--cert', SERVER, '--key', SERVER_KEY, '--profile', 'modern', '--out', out('x.p12')], /a new password is needed/u, 'make without a new password'],
    [['p12', 'convert', DEFAULT, '--password-env', 'CERTSCOPE_UNSET_VARIABLE', '--profile', 'modern', '--out', out('x.p12')], /CERTSCOPE_UNSET_VARIABLE is not set/u, 'unset variable'],
    [['p12', 'make', '--key', SERVER_KEY, '--profile', 'modern'], /p12 make needs --cert FILE/u, 'make without --cert'],
  ];
  it.each(rows.map(([args, pattern, why]) => [why, args, pattern] as const))('%s', async (_why, args, pattern) => {
    const r = await certscopeInProcess(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stdout).toBe('');
  });
});

describe.skipIf(!hasOpenssl)(`the built command, as a user runs it${hasOpenssl ? '' : ' — skipped: openssl is not on PATH'}`, () => {
  it('legacy → compatible opens in OpenSSL 3 without -legacy; --help documents the password forms', async () => {
    const target = out('compatible.p12');
    const r = await certscope(['p12', 'convert', LEGACY, '--password-file', OLD_PW_FILE, '--profile', 'compatible', '--new-password-env', 'P12_NEW', '--out', target], { env: { P12_NEW: NEW } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    for (const s of SECRETS) expect(r.stderr).not.toContain(s);
    const view = opensslOpen(target, NEW);
    expect(view.ok, view.stderr).toBe(true);
    expect(view.certificates).toHaveLength(3);
    expect(view.keys).toHaveLength(1);
    expect(opensslOpen(target, 'changeit').ok).toBe(false);
    const help = await certscopeInProcess(['help', 'p12']);
    expect(help.stdout).toMatch(/visible to other users/u);
  }, 60_000);
});
