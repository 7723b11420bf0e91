#!/usr/bin/env node
/**
 * Runs `openssl verify` over the x509-limbo cases, for comparison with `certscope limbo`
 * (docs/limbo.md). Per case: the peer certificate, the untrusted intermediates (-untrusted) and
 * the trusted certificates (-CAfile, system stores off, -partial_chain so every trusted
 * certificate is an anchor as limbo defines it) are written to a temporary directory, then
 *
 *   openssl verify -x509_strict -partial_chain -attime EPOCH -purpose sslserver
 *                  [-verify_hostname NAME | -verify_ip IP] [-verify_depth N] ...
 *
 * Cases without a validation time use 2024-01-01T00:00:00Z, like src/cli/limbo.test.ts. Exit
 * status 0 = SUCCESS, anything else = FAILURE. Cases that openssl verify cannot express (a
 * validation kind other than SERVER, several peer names, an RFC822 peer name, a signature
 * algorithm allow-list, an EKU other than serverAuth) are SKIPPED; limbo `key_usage` has no
 * openssl verify option and is not checked.
 *
 * usage: node scripts/openssl-limbo.mjs [--openssl PATH] [--include REGEX] [--json OUT] LIMBO.json
 * Prints the same pass table as `certscope limbo` (stderr gets nothing extra).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NOW = Date.parse('2024-01-01T00:00:00Z');

function parseArgs(argv) {
  const out = { openssl: 'openssl', include: null, json: null, file: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--openssl') out.openssl = argv[++i];
    else if (a === '--include') out.include = new RegExp(argv[++i], 'u');
    else if (a === '--json') out.json = argv[++i];
    else out.file = a;
  }
  if (!out.file) {
    process.stderr.write('usage: node scripts/openssl-limbo.mjs [--openssl PATH] [--include REGEX] [--json OUT] LIMBO.json\n');
    process.exit(2);
  }
  return out;
}

function run(cmd, args) {
  return new Promise((resolve) => {
    execFile(cmd, args, { encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}`.trim() });
    });
  });
}

async function runCase(openssl, tc, dir) {
  const skip = (why) => ({ id: tc.id, actual_result: 'SKIPPED', context: why });
  if (tc.validation_kind !== 'SERVER') return skip(`validation kind ${tc.validation_kind}`);
  if (tc.expected_peer_names && tc.expected_peer_names.length > 0) return skip('several expected peer names');
  if (tc.expected_peer_name && tc.expected_peer_name.kind === 'RFC822') return skip('RFC822 peer name');
  if (tc.signature_algorithms && tc.signature_algorithms.length > 0) return skip('signature algorithm allow-list');
  if (tc.extended_key_usage && tc.extended_key_usage.some((e) => e !== 'serverAuth')) return skip(`EKU ${tc.extended_key_usage.join(', ')}`);

  const peer = join(dir, 'peer.pem');
  const trusted = join(dir, 'trusted.pem');
  const untrusted = join(dir, 'untrusted.pem');
  writeFileSync(peer, tc.peer_certificate);
  writeFileSync(trusted, tc.trusted_certs.join('\n'));
  writeFileSync(untrusted, tc.untrusted_intermediates.join('\n'));
  const at = tc.validation_time ? Date.parse(tc.validation_time) : NOW;
  const args = ['verify', '-x509_strict', '-partial_chain', '-no-CApath', '-no-CAstore', '-attime', String(Math.floor(at / 1000)), '-purpose', 'sslserver'];
  if (tc.trusted_certs.length > 0) args.push('-CAfile', trusted);
  if (tc.untrusted_intermediates.length > 0) args.push('-untrusted', untrusted);
  if (tc.expected_peer_name?.kind === 'DNS') args.push('-verify_hostname', tc.expected_peer_name.value);
  if (tc.expected_peer_name?.kind === 'IP') args.push('-verify_ip', tc.expected_peer_name.value);
  if (tc.max_chain_depth !== null && tc.max_chain_depth !== undefined) args.push('-verify_depth', String(tc.max_chain_depth));
  args.push(peer);
  const { code, output } = await run(openssl, args);
  const errors = output
    .split('\n')
    .filter((l) => /error \d+ at/u.test(l))
    .map((l) => l.replace(/^.*error (\d+ at \d+ depth lookup: .*)$/u, '$1'));
  return code === 0
    ? { id: tc.id, actual_result: 'SUCCESS', context: null }
    : { id: tc.id, actual_result: 'FAILURE', context: errors.join('; ') || output.split('\n').slice(-1)[0] || `exit ${code}` };
}

function tally(results, cases) {
  const byId = new Map(cases.map((c) => [c.id, c]));
  const t = new Map();
  const bump = (key, r, ok) => {
    const v = t.get(key) ?? { total: 0, passed: 0, skipped: 0 };
    v.total++;
    if (r.actual_result === 'SKIPPED') v.skipped++;
    else if (ok) v.passed++;
    t.set(key, v);
  };
  const mismatches = [];
  for (const r of results) {
    const e = byId.get(r.id);
    const ok = r.actual_result === e.expected_result;
    if (!ok && r.actual_result !== 'SKIPPED') mismatches.push(`${e.expected_result.padEnd(7)} ${r.actual_result.padEnd(7)} ${r.id}  ${r.context ?? ''}`);
    bump('overall', r, ok);
    bump(`  ${r.id.split('::')[0]}`, r, ok);
  }
  return { t, mismatches };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const version = (await run(args.openssl, ['version'])).output;
  const corpus = JSON.parse(readFileSync(args.file, 'utf8'));
  const cases = corpus.testcases.filter((c) => !args.include || args.include.test(c.id));
  const root = mkdtempSync(join(tmpdir(), 'openssl-limbo-'));
  const results = [];
  try {
    const queue = cases.map((c, i) => ({ c, i }));
    const out = new Array(cases.length);
    const worker = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const dir = mkdtempSync(join(root, `${job.i}-`));
        out[job.i] = await runCase(args.openssl, job.c, dir);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    results.push(...out);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  if (args.json) writeFileSync(args.json, `${JSON.stringify({ version: 1, harness: 'openssl-verify', results }, null, 2)}\n`);
  const { t, mismatches } = tally(results, corpus.testcases);
  const lines = [`openssl verify (${version}) on x509-limbo (passed / run, skips excluded)`];
  const keys = [...t.keys()].sort((a, b) => (a === 'overall' ? -1 : b === 'overall' ? 1 : a.localeCompare(b)));
  for (const k of keys) {
    const v = t.get(k);
    const run = v.total - v.skipped;
    lines.push(`${k.padEnd(24)} ${String(v.passed).padStart(4)} / ${String(run).padStart(4)}  ${run ? ((100 * v.passed) / run).toFixed(1).padStart(5) : '  -  '}%  skipped ${v.skipped}`);
  }
  lines.push('', 'mismatches (expected, openssl, id, openssl errors):', ...mismatches);
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
