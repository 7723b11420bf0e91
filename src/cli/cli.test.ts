/**
 * The built command line as a user runs it: pipe-safe output, --version and --help, formats,
 * stdin, colours, exit codes. Every test runs the bundle (dist-cli) as a child process.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AT, FIXTURES, ROOT, certscope, certscopeInProcess, cliBundle, runProcess } from './testing';

const SERVER = join(FIXTURES, 'leaves', 'server.pem');
const CHAIN = ['leaf.pem', 'int.pem', 'root.pem'].map((f) => join(FIXTURES, 'verifier', 'good', f));
const ESC = '\u001b[';

beforeAll(async () => {
  await cliBundle();
}, 60_000);

describe('pipe-safe output', () => {
  let bigBundle = '';
  beforeAll(async () => {
    bigBundle = join(mkdtempSync(join(tmpdir(), 'certscope-pipe-')), 'bundle-300.pem');
    const { makeBigBundle } = (await import(join(ROOT, 'scripts', 'make-big-bundle.mjs'))) as { makeBigBundle: (n: number) => string };
    writeFileSync(bigBundle, makeBigBundle(300));
  });

  it('a report of several MB piped into another process arrives whole and parses as JSON', async () => {
    // A real OS pipe between two processes, as with `| jq`; bash reports both exit codes.
    const reader = "let s='';process.stdin.setEncoding('utf8').on('data',d=>{s+=d}).on('end',()=>{const r=JSON.parse(s);process.stdout.write(JSON.stringify({bytes:Buffer.byteLength(s),certificates:r.certificates.length}))})";
    const r = await runProcess('bash', ['-c', `"$0" "$1" inspect --json --at ${AT} "$2" | "$0" -e "$3"; echo "|exit codes: \${PIPESTATUS[*]}"`, process.execPath, await cliBundle(), bigBundle, reader]);
    expect(r.stderr).toBe('');
    const [out = '', codes = ''] = r.stdout.split('|exit codes: ');
    expect(codes.trim()).toBe('0 0');
    const got = JSON.parse(out) as { bytes: number; certificates: number };
    expect(got.certificates).toBe(300);
    expect(got.bytes).toBeGreaterThan(2_000_000);
  }, 60_000);

  it('a reader that stops early (| head) ends the CLI quietly', async () => {
    // 300 certificates as PEM are about 240 KB, more than a pipe holds: the CLI meets EPIPE.
    const r = await runProcess('bash', ['-c', `"$0" "$1" inspect --format pem --at ${AT} "$2" | head -n 3; echo "exit \${PIPESTATUS[0]}"`, process.execPath, await cliBundle(), bigBundle]);
    expect(r.stdout).toMatch(/^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/]{64}\n[A-Za-z0-9+/]{64}\nexit 0\n$/u);
    expect(r.stdout).toMatch(/exit 0\n$/u);
    expect(r.stderr).toBe('');
  }, 60_000);
});

describe('version and help', () => {
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const rows: [string[], number, RegExp, string][] = [
    [['--version'], 0, new RegExp(`^certscope ${version.replace(/\./gu, '\\.')}\\n$`, 'u'), 'the version from package.json'],
    [['--help'], 0, /commands:[\s\S]*inspect[\s\S]*check[\s\S]*connect/u, 'the command list'],
    [['help', 'inspect'], 0, /^usage: certscope inspect/u, 'help for one command'],
    [['inspect', '--help'], 0, /^usage: certscope inspect/u, '--help after the command'],
    [['check', '-h'], 0, /^usage: certscope check[\s\S]*3 {2}accepted, but with warnings/u, 'check documents its exit codes'],
    [['connect', '--help'], 0, /^usage: certscope connect/u, 'connect help'],
    [['help', 'limbo'], 0, /^usage: certscope limbo/u, 'limbo help'],
  ];
  it.each(rows)('certscope %j → exit %i (%s)', async (args, code, pattern) => {
    const r = await certscope(args);
    expect(r.code).toBe(code);
    expect(r.stdout).toMatch(pattern);
  });
});

describe('exit codes and usage errors', () => {
  const rows: [string[], number, RegExp | null, string][] = [
    [['inspect', '--at', AT, SERVER], 0, null, 'every input read'],
    [['inspect', '--at', AT, SERVER, join(FIXTURES, 'nope.pem')], 1, null, 'one input cannot be read: still reported, exit 1'],
    [['inspect', '--at', AT, join(FIXTURES, 'hostile', 'hostile-xss.pem'), join(FIXTURES, 'README.md')], 1, null, 'an unrecognised input'],
    [[], 2, /^certscope: certificates/u, 'no command prints the help on stderr'],
    [['frobnicate'], 2, /unknown command frobnicate/u, 'unknown command'],
    [['inspect'], 2, /needs at least one FILE/u, 'no FILE'],
    [['inspect', '--bogus', SERVER], 2, /Unknown option '--bogus'/u, 'unknown option'],
    [['inspect', '--at', 'yesterday', SERVER], 2, /not an ISO-8601 time/u, 'bad --at'],
    [['inspect', '--format', 'xml', SERVER], 2, /--format: expected one of text, json, pem, ndjson/u, 'bad --format'],
    [['inspect', '--json', '--format', 'pem', SERVER], 2, /disagree/u, '--json contradicts --format'],
    [['inspect', '--trust', join(FIXTURES, 'README.md'), SERVER], 2, /--trust/u, 'a --trust file without a certificate'],
    [['help', 'nothing'], 2, /no help for nothing/u, 'help for an unknown topic'],
  ];
  it.each(rows)('certscope %j → exit %i (%s)', async (args, code, stderr) => {
    // Usage errors never reach the engine: checked in this process; the others as a real process.
    const r = code === 2 ? await certscopeInProcess(args) : await certscope(args);
    expect(r.code, r.stderr).toBe(code);
    if (stderr) expect(r.stderr).toMatch(stderr);
  });
});

describe('formats', () => {
  it('--format json and --json print the same certscope.report/1', async () => {
    const [a, b] = await Promise.all([certscope(['inspect', '--json', '--at', AT, ...CHAIN]), certscope(['inspect', '--format', 'json', '--at', AT, ...CHAIN])]);
    expect(a.stdout).toBe(b.stdout);
    const r = JSON.parse(a.stdout) as { schema: string; certificates: { subject: string; chain: { status: string } }[] };
    expect(r.schema).toBe('certscope.report/1');
    expect(r.certificates.map((c) => c.chain.status)).toEqual(['private-root', 'private-root', 'private-root']);
  });

  it('--format ndjson: a header line, then one JSON object a line per input, certificate and key', async () => {
    const r = await certscope(['inspect', '--format', 'ndjson', '--at', AT, ...CHAIN, join(FIXTURES, 'verifier', 'good', 'leaf.key')]);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { type: string });
    expect(lines.map((l) => l.type)).toEqual(['header', 'input', 'input', 'input', 'input', 'certificate', 'certificate', 'certificate', 'privateKey']);
  });

  it('--format pem prints every certificate as PEM, which decodes to the same certificates', async () => {
    const r = await certscope(['inspect', '--format', 'pem', '--at', AT, ...CHAIN]);
    expect(r.stdout.match(/-----BEGIN CERTIFICATE-----/gu)).toHaveLength(3);
    const again = await certscope(['inspect', '--json', '--at', AT, '-'], { stdin: r.stdout });
    expect((JSON.parse(again.stdout) as { certificates: unknown[] }).certificates).toHaveLength(3);
  });

  it('--format pem: an input it cannot open is reported on stderr (PEM has no room for it), exit 1', async () => {
    const r = await certscope(['inspect', '--format', 'pem', join(FIXTURES, 'p12', 'aes128.p12')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^certscope: aes128\.p12: PASSWORD_REQUIRED: /u);
    const opened = await certscope(['inspect', '--format', 'pem', '--password', 'changeit', join(FIXTURES, 'p12', 'aes128.p12')]);
    expect(opened.code).toBe(0);
    expect(opened.stdout).toMatch(/^-----BEGIN CERTIFICATE-----\n/u);
  });

  it('text: the openssl-style fields, then fingerprints, chain, badges and every verifier per role', async () => {
    const r = await certscope(['inspect', '--at', AT, '--host', 'www.certscope.test', ...CHAIN]);
    expect(r.code).toBe(0);
    for (const part of ['Certificate:\n    Data:\n        Version: 3 (0x2)', 'X509v3 extensions:', 'Signature Value:', 'SHA-256 Fingerprint: ', 'Badges: [TLS server]', 'Chain: private-root', 'TLS server: ', 'TLS client: ', 'chrome   ', 'openssl  ', 'go       ', 'java     ', 'webpki   ']) expect(r.stdout).toContain(part);
  });
});

describe('stdin and colours', () => {
  it('`-` reads stdin (named "stdin" in the report)', async () => {
    const r = await certscope(['inspect', '--json', '--at', AT, '-'], { stdin: readFileSync(SERVER) });
    const report = JSON.parse(r.stdout) as { inputs: { name: string; format: string }[]; certificates: unknown[] };
    expect(report.inputs).toMatchObject([{ name: 'stdin', format: 'pem', error: null }]);
    expect(report.certificates).toHaveLength(1);
  });

  it('`-` with DER bytes on stdin', async () => {
    const der = Buffer.from(readFileSync(SERVER, 'utf8').replace(/-----[^-]+-----|\s/gu, ''), 'base64');
    const r = await certscope(['inspect', '--json', '--at', AT, '-'], { stdin: der });
    expect((JSON.parse(r.stdout) as { inputs: { format: string }[] }).inputs[0]?.format).toBe('der');
  });

  const hasScript = existsSync('/usr/bin/script');
  const tty: [NodeJS.ProcessEnv, boolean, string][] = [
    [{}, true, 'a terminal: verdicts in colour'],
    [{ NO_COLOR: '1' }, false, 'a terminal with NO_COLOR set: none'],
  ];
  it.skipIf(!hasScript).each(tty)('on a terminal (util-linux script), env %j → colour %s (%s)', async (env, colour) => {
    const cmd = `"${process.execPath}" "${await cliBundle()}" check --role server --at ${AT} "${SERVER}"`;
    const r = await runProcess('/usr/bin/script', ['-qec', cmd, '/dev/null'], { env });
    expect(r.stdout).toMatch(/REFUSED/u);
    expect(r.stdout.includes(ESC)).toBe(colour);
  });

  const rows: [string, NodeJS.ProcessEnv, boolean, string][] = [
    ['piped stdout', {}, false, 'not a terminal: never colour'],
    ['piped, FORCE_COLOR unset, NO_COLOR=1', { NO_COLOR: '1' }, false, 'NO_COLOR always wins'],
  ];
  it.each(rows)('%s → no escape codes (%s)', async (_what, env, colour) => {
    const r = await certscope(['inspect', '--at', AT, SERVER], { env });
    expect(r.stdout.includes(ESC)).toBe(colour);
    const check = await certscope(['check', '--role', 'server', '--at', AT, SERVER], { env });
    expect(check.stdout.includes(ESC)).toBe(colour);
  });
});
