// The openssl runner: `openssl verify` per case, with the flags that model what
// an OpenSSL 3 TLS stack (nginx, curl, Python ssl, Node) does by default.
//
//   node lab/openssl.mjs [cases.json | -]  > results.json   (JSON array, one result per line)
//
// Node built-ins only.

import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readCases, writeResults } from './cases.mjs';

const PER_CASE_TIMEOUT_MS = 30_000;
const ERROR_LINE = /^(\[CRL path\] )?error (\d+) at (\d+) depth lookup: (.*)$/;

/** "OpenSSL 3.0.19" from `openssl version`, or null when openssl cannot run. */
export function opensslVersion(bin = 'openssl') {
  const r = spawnSync(bin, ['version'], { encoding: 'utf8' });
  if (r.status !== 0 || !r.stdout) return null;
  const full = r.stdout.trim();
  const m = /^(\S+ \S+)/.exec(full);
  return { version: m ? m[1] : full, full };
}

/**
 * The security level a TLS context gets by default on this machine, which libssl
 * copies into the verify parameters as the auth level (ssl_verify_cert_chain).
 * Order: a system-wide CipherString @SECLEVEL in the active openssl.cnf, then the
 * compile-time OPENSSL_TLS_SECURITY_LEVEL (Debian builds with 2), then the
 * upstream default (1 before OpenSSL 3.2, 2 from 3.2).
 */
export function detectTlsSecurityLevel(bin = 'openssl') {
  const va = spawnSync(bin, ['version', '-a'], { encoding: 'utf8' });
  const out = va.stdout ?? '';
  const dirMatch = /OPENSSLDIR: "([^"]*)"/.exec(out);
  const cnfPath = process.env.OPENSSL_CONF || (dirMatch ? join(dirMatch[1], 'openssl.cnf') : null);
  if (cnfPath) {
    let raw = '';
    try {
      raw = readFileSync(cnfPath, 'utf8');
    } catch {
      /* no config file: nothing to read */
    }
    const text = raw
      .split('\n')
      .map((l) => l.replace(/#.*$/, ''))
      .join('\n');
    const active = /^\s*ssl_conf\s*=/m.test(text);
    const sec = /^\s*CipherString\s*=.*@SECLEVEL=(\d)/m.exec(text);
    if (active && sec) return { level: Number(sec[1]), source: `${cnfPath} CipherString @SECLEVEL` };
  }
  const compiled = /-DOPENSSL_TLS_SECURITY_LEVEL=(\d)/.exec(out);
  if (compiled) return { level: Number(compiled[1]), source: 'compiled in (-DOPENSSL_TLS_SECURITY_LEVEL, `openssl version -a`)' };
  const v = /OpenSSL (\d+)\.(\d+)/.exec(out);
  const upstream = v && (Number(v[1]) > 3 || (Number(v[1]) === 3 && Number(v[2]) >= 2)) ? 2 : 1;
  return { level: upstream, source: 'upstream default for this OpenSSL version' };
}

/** The command line for one case (paths relative to the case's own temp dir). */
export function opensslArgs(c, { authLevel }) {
  const args = ['verify', '-no-CApath', '-no-CAstore'];
  const notes = [];
  if (c.roots && c.roots.length > 0) args.push('-CAfile', 'roots.pem');
  else {
    args.push('-no-CAfile');
    notes.push('no roots: -no-CAfile (an empty trust store)');
  }
  if (c.intermediates && c.intermediates.length > 0) args.push('-untrusted', 'ints.pem');
  const epoch = Math.floor(Date.parse(c.at) / 1000);
  args.push('-attime', String(epoch));
  args.push('-purpose', c.role === 'client' ? 'sslclient' : 'sslserver');
  args.push('-auth_level', String(authLevel));
  if (c.host) {
    const { kind, value } = c.host;
    if (c.role === 'server' && kind === 'DNS') args.push('-verify_hostname', value);
    else if (c.role === 'server' && kind === 'IP') args.push('-verify_ip', value.replace(/^\[(.*)\]$/, '$1'));
    else if (c.role === 'client' && kind === 'RFC822') args.push('-verify_email', value);
    else notes.push(`host ${kind} ${value} not checked for the ${c.role} role`);
  }
  if (c.maxDepth !== undefined && c.maxDepth !== null) args.push('-verify_depth', String(c.maxDepth));
  if (c.crls && c.crls.length > 0) args.push('-crl_check_all', '-CRLfile', 'crls.pem');
  args.push('leaf.pem');
  return { args, notes };
}

function run(bin, args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout: PER_CASE_TIMEOUT_MS });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (err) => resolve({ status: null, signal: null, stdout, stderr, spawnError: err }));
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

/** Turn one `openssl verify` run into a LabResult. */
export function parseVerifyOutput(c, version, { status, signal, stdout, stderr, spawnError }, notes = []) {
  const r = { id: c.id, verifier: 'openssl', version, accepts: null, error: null };
  const text = `${stdout}\n${stderr}`;
  const lines = text.split('\n').map((l) => l.trimEnd());
  if (spawnError) {
    r.skipped = `could not run openssl: ${spawnError.message}`;
    return r;
  }
  if (signal) {
    r.skipped = `openssl verify was killed (${signal}), after ${PER_CASE_TIMEOUT_MS / 1000} s or by a signal`;
    return r;
  }
  const errors = [];
  for (let i = 0; i < lines.length; i++) {
    const m = ERROR_LINE.exec(lines[i]);
    if (!m) continue;
    const prev = i > 0 && !ERROR_LINE.test(lines[i - 1]) ? lines[i - 1] : '';
    errors.push({ code: Number(m[2]), depth: Number(m[3]), text: m[4], crlPath: Boolean(m[1]), subject: prev });
  }
  const detail = [...notes];
  if (status === 0 && /^leaf\.pem: OK$/m.test(stdout) && errors.length === 0) {
    r.accepts = true;
  } else if (errors.length > 0) {
    r.accepts = false;
    r.error = errors[0].text;
    r.codes = errors.map((e) => e.code);
    detail.push(
      ...errors.map(
        (e) => `${e.crlPath ? '[CRL path] ' : ''}error ${e.code} at depth ${e.depth}: ${e.text}${e.subject ? ` (${e.subject})` : ''}`,
      ),
    );
    if (errors.length > 1) detail.push('openssl verify continues after some errors; a TLS stack stops at the first');
  } else {
    // Nothing verified: a file did not load (exit status 1). A TLS stack would have
    // failed earlier (a peer certificate that does not decode, or a trust store that does not load).
    r.accepts = false;
    const first = lines.find((l) => l && !/^[0-9A-F]+:error:/.test(l)) ?? lines.find((l) => l) ?? `exit status ${status}`;
    r.error = first;
    detail.push(`exit status ${status}; ${lines.filter((l) => l).join(' | ')}`);
  }
  if (detail.length > 0) r.detail = detail.join('; ');
  return r;
}

/**
 * Run `openssl verify` over a batch of LabCases, `concurrency` processes at a time.
 * Options: authLevel (default: this machine's TLS security level), bin, version, concurrency.
 */
export async function runOpenssl(cases, opts = {}) {
  const bin = opts.bin ?? 'openssl';
  const concurrency = Math.max(1, opts.concurrency ?? 2);
  const v = opts.version ? { version: opts.version } : opensslVersion(bin);
  if (!v) {
    return cases.map((c) => ({
      id: c.id, verifier: 'openssl', version: 'unavailable', accepts: null, error: null,
      skipped: 'openssl is not installed (apt-get install -y openssl)',
    }));
  }
  const authLevel = opts.authLevel ?? detectTlsSecurityLevel(bin).level;
  const base = await mkdtemp(join(tmpdir(), 'certscope-lab-openssl-'));
  const results = new Array(cases.length);
  let next = 0;
  async function worker() {
    while (next < cases.length) {
      const i = next++;
      const c = cases[i];
      try {
        const dir = join(base, String(i));
        await mkdir(dir);
        await writeFile(join(dir, 'leaf.pem'), c.leaf);
        if (c.roots?.length) await writeFile(join(dir, 'roots.pem'), c.roots.join('\n'));
        if (c.intermediates?.length) await writeFile(join(dir, 'ints.pem'), c.intermediates.join('\n'));
        if (c.crls?.length) await writeFile(join(dir, 'crls.pem'), c.crls.join('\n'));
        const { args, notes } = opensslArgs(c, { authLevel });
        const out = await run(bin, args, dir);
        const r = parseVerifyOutput(c, v.version, out, notes);
        r.detail = [r.detail, `openssl ${args.join(' ')}`].filter(Boolean).join('; ');
        results[i] = r;
        await rm(dir, { recursive: true, force: true });
      } catch (err) {
        results[i] = {
          id: c?.id, verifier: 'openssl', version: v.version, accepts: null, error: null,
          skipped: `runner error: ${err?.message ?? err}`,
        };
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, cases.length) }, worker));
  } finally {
    await rm(base, { recursive: true, force: true });
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const cases = await readCases(process.argv[2]);
  writeResults(process.stdout, await runOpenssl(cases));
}
