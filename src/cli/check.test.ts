/**
 * `certscope check`: every exit code, from the session analysis' per-verifier answers. Rows are
 * [arguments, expected exit code, why]; usage and read errors are rows too.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AT, FIXTURES, certscope, certscopeInProcess, cliBundle } from './testing';

const v = (c: string, f: string): string => join(FIXTURES, 'verifier', c, f);
const chain = (c: string): string[] => [v(c, 'leaf.pem'), v(c, 'int.pem')];
const trust = (c: string): string[] => ['--trust', v(c, 'root.pem')];
const HOST = ['--host', 'www.certscope.test'];

beforeAll(async () => {
  await cliBundle();
}, 60_000);

describe('certscope check exit codes', () => {
  const rows: [string[], number, string][] = [
    [['--role', 'server', ...HOST, ...trust('good'), ...chain('good')], 0, 'complete chain to a trusted root, right host: accepted by every verifier'],
    [['--role', 'client', ...trust('good'), ...chain('good')], 0, 'the same leaf has clientAuth too'],
    [['--role', 'server', ...HOST, ...chain('good')], 1, 'root not trusted: every verifier refuses'],
    [['--role', 'server', '--host', 'other.example', ...trust('good'), ...chain('good')], 1, 'host name mismatch'],
    [['--role', 'server', ...HOST, ...trust('expired-leaf'), ...chain('expired-leaf')], 1, 'expired leaf'],
    [['--role', 'client', ...trust('eku-server-only'), ...chain('eku-server-only')], 1, 'serverAuth only, judged as a client'],
    [['--role', 'server', ...HOST, ...trust('eku-client-only'), ...chain('eku-client-only')], 1, 'clientAuth only, judged as a server'],
    [['--role', 'server', ...HOST, v('missing-intermediate-aia', 'leaf.pem'), '--trust', v('missing-intermediate-aia', 'root.pem'), '--verifier', 'chrome'], 3, 'missing intermediate with AIA: Chrome fetches it and accepts; the missing issuer stays a warning'],
    [['--role', 'server', ...HOST, v('missing-intermediate-aia', 'leaf.pem'), '--trust', v('missing-intermediate-aia', 'root.pem'), '--verifier', 'chrome,openssl'], 1, 'openssl does not fetch AIA: refused when it counts'],
    [['--role', 'server', ...HOST, ...trust('good'), ...chain('good'), '--at', '2027-12-01T00:00:00Z', '--warn-days', '60'], 3, 'accepted, but expires within --warn-days'],
    [['--role', 'server', ...HOST, ...trust('good'), ...chain('good'), '--at', '2027-12-01T00:00:00Z', '--warn-days', '10'], 0, 'expiry outside --warn-days'],
    [['--role', 'server', ...HOST, ...trust('good'), ...chain('good'), join(FIXTURES, 'missing.pem')], 1, 'an unreadable input: nothing accepted blindly'],
    [['--role', 'server', join(FIXTURES, 'keys', 'server.key')], 1, 'no certificate to check'],
    [[...HOST, ...chain('good')], 2, 'no --role'],
    [['--role', 'admin', ...chain('good')], 2, 'unknown role'],
    [['--role', 'server', '--verifier', 'edge', ...chain('good')], 2, 'unknown verifier'],
    [['--role', 'client', '--verifier', 'chrome', ...chain('good')], 2, 'chrome only answers for servers'],
    [['--role', 'server', '--warn-days', 'soon', ...chain('good')], 2, '--warn-days is a number'],
    [['--role', 'server'], 2, 'no FILE and no --connect'],
    [['--role', 'server', '--format', 'pem', ...chain('good')], 2, 'check does not print PEM'],
  ];
  it.each(rows)('check %j → exit %i (%s)', async (args, code) => {
    const argv = ['check', ...(args.includes('--at') ? [] : ['--at', AT]), ...args];
    // Usage errors never reach the engine: checked in this process; the others as a real process.
    const r = code === 2 ? await certscopeInProcess(argv) : await certscope(argv);
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(code);
    if (code !== 2) expect(r.stdout).toMatch(/^(ACCEPTED|REFUSED|WARNINGS) for the TLS (server|client) role/u);
  });

  it('--format json: the outcome per certificate, with who refused and why', async () => {
    const r = await certscope(['check', '--format', 'json', '--role', 'server', '--at', AT, ...HOST, ...chain('expired-leaf'), ...trust('expired-leaf')]);
    const result = JSON.parse(r.stdout) as { schema: string; exitCode: number; certificates: { outcome: string; refusedBy: { verifier: string; error: string }[] }[] };
    expect(result.schema).toBe('certscope.check/1');
    expect(result.exitCode).toBe(1);
    expect(result.certificates).toHaveLength(1);
    expect(result.certificates[0]?.refusedBy.find((x) => x.verifier === 'openssl')?.error).toBe('certificate has expired');
  });
});
