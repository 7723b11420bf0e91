// Real OpenSSL 3 handshakes on loopback: `openssl s_server` + `openssl s_client` (server and
// client role, verifier "openssl-handshake"), and curl against s_server (server role, verifier
// "curl"). See README.md beside this file for exactly what runs.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { certTimeDiffs, normalizeCase, caseTime, epochSeconds, canonicalIp, pemBlocks } from './cases.mjs';
import { withCase, freePort, mapLimit, execText, firstLine, tail, CaseTimeout } from './lib.mjs';

const OPENSSL = process.env.CERTSCOPE_OPENSSL || 'openssl';
const CURL = process.env.CERTSCOPE_CURL || 'curl';
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_PARALLEL = 2;
/** OpenSSL's own default verification depth; -Verify/-verify N also sets s_cb's depth, so keep it out of the way. */
const VERIFY_DEPTH_ARG = '100';
/**
 * The side that presents the case's certificate is not the verifier under test: it runs at
 * security level 0 so that it can load any certificate (Debian builds OpenSSL with default level 2,
 * which refuses to load RSA-1024 or SHA-1-signed certificates) and the verifying side answers.
 */
export const PRESENT_ANY = ['-cipher', 'DEFAULT:@SECLEVEL=0'];
/** What both sides send after the handshake: one HTTP request to s_server -www. */
const HTTP_GET = 'GET / HTTP/1.0\r\n\r\n';

let versions = null;
export async function tlsVersions() {
  if (!versions) {
    const o = await execText(OPENSSL, ['version']);
    const c = await execText(CURL, ['--version']);
    const curlLine = c.stdout.split('\n')[0] ?? '';
    const m = curlLine.match(/^curl (\S+).*?(OpenSSL\/\S+)/);
    versions = {
      openssl: o.stdout.trim() || `unavailable: ${o.err?.message}`,
      curl: m ? `curl ${m[1]} (${m[2]})` : curlLine.trim() || `unavailable: ${c.err?.message}`,
    };
  }
  return versions;
}

/** `verify error:num=N:TEXT` → { num, text } (the first one printed). */
export function parseVerifyError(out) {
  const m = out.match(/verify error:num=(\d+):([^\r\n]*)/);
  return m ? { num: Number(m[1]), text: m[2].trim() } : null;
}

/** The reason of the first OpenSSL error line: `...:error:0A000418:SSL routines:fn:REASON:file:line:...` → REASON. */
export function parseSslError(out) {
  const line = firstLine(out, /:error:[0-9A-F]{8}:/);
  if (!line) return null;
  const m = line.match(/:error:([0-9A-F]{8}):([^:]*):([^:]*):([^:]*):/);
  const alert = line.match(/SSL alert number (\d+)/);
  return { line, code: m?.[1] ?? null, lib: m?.[2] ?? null, reason: m?.[4] ?? line, alert: alert ? Number(alert[1]) : null };
}

/** Files for a case: leaf, key, chain (intermediates), and a CAfile of roots + CRLs (OpenSSL loads both from one PEM file). */
async function writeMaterial(scope, c) {
  const files = {
    leaf: await scope.file('leaf.pem', c.leaf),
    key: await scope.file('key.pem', c.key),
    chain: c.intermediates.length ? await scope.file('chain.pem', c.intermediates.join('\n')) : null,
    cafile: null,
  };
  const trust = [...pemBlocks(c.roots, 'CERTIFICATE'), ...pemBlocks(c.crls, 'X509 CRL')];
  if (trust.length) files.cafile = await scope.file('trust.pem', trust.join(''));
  return files;
}

function trustArgs(files, c) {
  const args = files.cafile ? ['-CAfile', files.cafile] : ['-no-CAfile'];
  args.push('-no-CApath', '-no-CAstore');
  if (c.crls.length) args.push('-crl_check_all');
  if (c.maxDepth != null) args.push('-verify_depth', String(c.maxDepth));
  return args;
}

/**
 * Starts `openssl s_server` on a free 127.0.0.1 port (retrying if the port is taken in between)
 * and resolves when it prints ACCEPT. Rejects with the server's own error when it cannot load
 * the certificate or key.
 */
async function startSServer(scope, args, bind = '127.0.0.1') {
  let lastErr;
  for (let attempt = 0; attempt < 4; attempt++) {
    const port = await freePort(bind);
    const accept = bind.includes(':') ? `[${bind}]:${port}` : `${bind}:${port}`;
    const proc = scope.spawn(OPENSSL, ['s_server', '-accept', accept, ...args]);
    try {
      await scope.waitFor(proc, /^ACCEPT$/m);
      return { proc, port };
    } catch (err) {
      lastErr = err;
      if (!/Address already in use|bind/i.test(err.output ?? '')) break;
    }
  }
  throw Object.assign(new Error(`s_server did not start: ${lastErr?.message}`), { serverRefused: true, output: lastErr?.output });
}

function base(c, verifier, version) {
  return { id: c.id, verifier, version };
}

function notExpressible(c, verifier, version, why) {
  return { ...base(c, verifier, version), accepts: null, error: null, skipped: why };
}

function onCaseError(c, verifier, version, started) {
  return (err) => {
    const ms = Date.now() - started;
    if (err instanceof CaseTimeout) return { ...base(c, verifier, version), accepts: null, error: null, skipped: `harness: ${err.message}`, ms };
    if (err.serverRefused) {
      const ssl = parseSslError(err.output ?? '');
      return { ...base(c, verifier, version), accepts: null, error: null, skipped: `not expressible: s_server refused its certificate/key (${ssl?.reason ?? tail(err.message, 300)})`, detail: ssl?.line ?? undefined, ms };
    }
    return { ...base(c, verifier, version), accepts: null, error: null, skipped: `harness: ${err.message}`, ms };
  };
}

/** The name arguments s_client gets for the case's host (server role). */
function clientNameArgs(host) {
  if (!host) return ['-noservername'];
  if (host.kind === 'DNS') return ['-servername', host.value, '-verify_hostname', host.value];
  if (host.kind === 'IP') return ['-noservername', '-verify_ip', canonicalIp(host.value) ?? host.value];
  if (host.kind === 'RFC822') return ['-noservername', '-verify_email', host.value];
  throw new Error(`unknown host kind ${host.kind}`);
}

async function serverRole(scope, c, t) {
  const files = await writeMaterial(scope, c);
  const srvArgs = ['-cert', files.leaf, '-key', files.key, ...(files.chain ? ['-cert_chain', files.chain] : []),
    // No trust store on the server side, so OpenSSL's auto chain building cannot add anything: it presents exactly leaf + intermediates.
    '-no-CAfile', '-no-CApath', '-no-CAstore', ...PRESENT_ANY, '-www', '-naccept', '1'];
  const { proc: server, port } = await startSServer(scope, srvArgs);
  const cliArgs = ['s_client', '-connect', `127.0.0.1:${port}`, ...clientNameArgs(c.host),
    '-verify', VERIFY_DEPTH_ARG, '-verify_return_error', ...trustArgs(files, c), '-attime', String(epochSeconds(t)), '-purpose', 'sslserver', '-ign_eof'];
  const client = await scope.run(OPENSSL, cliArgs, { input: HTTP_GET });
  const out = `${client.stdout}\n${client.stderr}`;
  const verr = parseVerifyError(client.stderr);
  const ssl = parseSslError(client.stderr);
  const loaded = /(^|---)HTTP\/1\.0 200 /m.test(client.stdout);
  // With -verify_return_error a failed verification aborts the handshake, so a finished handshake
  // with verify result 0 is acceptance; the page s_server -www sends back is confirmation.
  const finished = /^Verify return code: 0 \(ok\)$/m.test(client.stdout) && /SSL handshake has read \d+ bytes/.test(client.stdout);
  if (verr) return { accepts: false, error: verr.text, codes: [verr.num], detail: ssl?.line ?? undefined };
  if (finished || loaded) return { accepts: true, error: null, codes: [], detail: loaded ? 'handshake done, page loaded' : 'handshake done (no page: s_server closed first)' };
  if (ssl) return { accepts: false, error: ssl.reason, codes: [], detail: `no verify error; TLS failure: ${ssl.line}` };
  throw new Error(`no outcome from s_client (exit ${client.code}): ${tail(out, 400)}; server: ${tail(server.stderr, 200)}`);
}

let serverIdentity = null;
/** A throwaway self-signed server certificate for the client-role runs (one per process). */
async function throwawayServerCert(scope) {
  if (!serverIdentity) {
    const keyFile = path.join(scope.dir, 'throwaway.key');
    const certFile = path.join(scope.dir, 'throwaway.pem');
    const r = await scope.run(OPENSSL, ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', keyFile, '-out', certFile, '-subj', '/CN=certscope-lab-throwaway', '-days', '2']);
    if (r.code !== 0) throw new Error(`could not make the throwaway server certificate: ${tail(r.stderr, 300)}`);
    serverIdentity = { key: await readFile(keyFile, 'utf8'), cert: await readFile(certFile, 'utf8') };
  }
  return { cert: await scope.file('server.pem', serverIdentity.cert), key: await scope.file('server.key', serverIdentity.key) };
}

async function clientRole(scope, c, t) {
  const files = await writeMaterial(scope, c);
  const own = await throwawayServerCert(scope);
  const nameArgs = c.host?.kind === 'RFC822' ? ['-verify_email', c.host.value] : [];
  const srvArgs = ['-cert', own.cert, '-key', own.key, '-Verify', VERIFY_DEPTH_ARG, '-verify_return_error', ...trustArgs(files, c),
    '-attime', String(epochSeconds(t)), '-purpose', 'sslclient', ...nameArgs, '-www', '-naccept', '1'];
  const { proc: server, port } = await startSServer(scope, srvArgs);
  const cliArgs = ['s_client', '-connect', `127.0.0.1:${port}`, '-noservername', '-cert', files.leaf, '-key', files.key,
    ...(files.chain ? ['-cert_chain', files.chain] : []),
    // No trust store on the client either: it sends exactly leaf + intermediates (and does not check the throwaway server).
    '-no-CAfile', '-no-CApath', '-no-CAstore', ...PRESENT_ANY, '-ign_eof'];
  const client = await scope.run(OPENSSL, cliArgs, { input: HTTP_GET });
  if (/unable to load|error setting certificate|key values mismatch/i.test(client.stderr) && !/CONNECTED/.test(client.stdout)) {
    const ssl = parseSslError(client.stderr);
    return { accepts: null, error: null, skipped: `not expressible: s_client refused its certificate/key (${ssl?.reason ?? tail(client.stderr, 200)})` };
  }
  // s_server exits after its one connection (-naccept 1) and prints its counters; wait for that.
  await Promise.race([server.wait(), new Promise((r) => setTimeout(r, 3000))]);
  const verr = parseVerifyError(server.stderr);
  const srvSsl = parseSslError(server.stderr + server.stdout);
  const cliSsl = parseSslError(client.stderr);
  const loaded = /(^|---)HTTP\/1\.0 200 /m.test(client.stdout);
  // The server verifies the client's certificate inside SSL_accept (-verify_return_error aborts it
  // on failure), so a handshake the server finished is acceptance.
  const finished = Number(server.stdout.match(/(\d+) server accepts that finished/)?.[1] ?? 0) >= 1;
  const alert = cliSsl ? `client: ${cliSsl.reason}${cliSsl.alert != null ? ` (alert ${cliSsl.alert})` : ''}` : 'client: no alert';
  if (verr) return { accepts: false, error: verr.text, codes: [verr.num], detail: alert };
  if ((finished || loaded) && !srvSsl) {
    const notes = [loaded ? 'handshake done, page loaded' : 'handshake done (no page: s_server closed first)'];
    if (c.host && c.host.kind !== 'RFC822') notes.push(`host ${c.host.value} not checked: TLS servers check no name on client certificates`);
    return { accepts: true, error: null, codes: [], detail: notes.join(' | ') };
  }
  if (srvSsl) return { accepts: false, error: srvSsl.reason, codes: [], detail: `no verify error; server: ${srvSsl.line}; ${alert}` };
  throw new Error(`no outcome (client exit ${client.code}): ${tail(client.stderr, 300)}; client stdout: ${tail(client.stdout, 200)}; server: ${tail(server.stderr + server.stdout, 300)}`);
}

/**
 * verifier "openssl-handshake": each case through a real OpenSSL 3 handshake on loopback,
 * verified at the case's time (-attime). Never rejects; one result per case, in order.
 * @param {object[]} cases LabCase (inline PEM) or fixture cases (paths)
 * @param {{ timeoutMs?: number, parallel?: number, log?: (s: string) => void }} [opts]
 */
export async function runOpensslHandshake(cases, opts = {}) {
  const { openssl: version } = await tlsVersions();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return mapLimit(cases, opts.parallel ?? DEFAULT_PARALLEL, async (raw) => {
    const verifier = 'openssl-handshake';
    let c;
    try { c = normalizeCase(raw); } catch (err) { return notExpressible(raw, verifier, version, `bad case: ${err.message}`); }
    if (!c.key) return notExpressible(c, verifier, version, 'no private key for the leaf: a handshake needs one');
    let t;
    try { t = caseTime(c); } catch (err) { return notExpressible(c, verifier, version, err.message); }
    const started = Date.now();
    const result = await withCase(timeoutMs, async (scope) => {
      const r = c.role === 'client' ? await clientRole(scope, c, t) : await serverRole(scope, c, t);
      return { ...base(c, verifier, version), ...r, at: new Date(t).toISOString(), ms: Date.now() - started };
    }, onCaseError(c, verifier, version, started));
    opts.log?.(`${verifier} ${c.id}: ${result.accepts === null ? `skipped (${result.skipped})` : result.accepts ? 'accepts' : `refuses: ${result.error}`} [${result.ms ?? 0} ms]`);
    return result;
  });
}

async function crlTimes(scope, crlPem) {
  const f = await scope.file(`crl-${Math.random().toString(36).slice(2)}.pem`, crlPem);
  const r = await scope.run(OPENSSL, ['crl', '-noout', '-lastupdate', '-nextupdate', '-in', f]);
  const last = r.stdout.match(/lastUpdate=(.+)/)?.[1];
  const next = r.stdout.match(/nextUpdate=(.+)/)?.[1];
  return { last: last ? Date.parse(last) : null, next: next && !/NONE/.test(next) ? Date.parse(next) : null };
}

async function curlTimeDiffs(scope, c, t, now) {
  const diffs = certTimeDiffs(c, t, now);
  for (const crl of pemBlocks(c.crls, 'X509 CRL')) {
    const { last, next } = await crlTimes(scope, crl);
    const st = (x) => (last != null && x < last ? 'not yet valid' : next != null && x > next ? 'expired' : 'current');
    if (st(t) !== st(now)) diffs.push(`a CRL is ${st(t)} at the case's time but ${st(now)} now`);
  }
  return diffs;
}

function curlUrlHost(host) {
  if (host.kind === 'DNS') return host.value;
  const ip = canonicalIp(host.value) ?? host.value;
  return ip.includes(':') ? `[${ip}]` : ip;
}

async function curlCase(scope, c, t) {
  const now = Date.now();
  const diffs = await curlTimeDiffs(scope, c, t, now);
  if (diffs.length) return { accepts: null, error: null, skipped: `curl verifies at the real time only: ${diffs.join('; ')}` };
  const files = await writeMaterial(scope, c);
  const srvArgs = ['-cert', files.leaf, '-key', files.key, ...(files.chain ? ['-cert_chain', files.chain] : []),
    '-no-CAfile', '-no-CApath', '-no-CAstore', ...PRESENT_ANY, '-www', '-naccept', '1'];
  const { port } = await startSServer(scope, srvArgs);
  // curl needs a CA file: when the case has no roots, a throwaway certificate that anchors nothing.
  const roots = pemBlocks(c.roots, 'CERTIFICATE');
  const cacert = roots.length ? await scope.file('roots.pem', roots.join('')) : (await throwawayServerCert(scope)).cert;
  // An empty CA directory, so curl's built-in default (/etc/ssl/certs) adds nothing.
  const emptyDir = path.join(scope.dir, 'empty-capath');
  await mkdir(emptyDir);
  const crls = pemBlocks(c.crls, 'X509 CRL');
  const urlHost = curlUrlHost(c.host);
  const args = ['-sS', '--noproxy', '*', '--max-time', '8', '--cacert', cacert, '--capath', emptyDir,
    ...(crls.length ? ['--crlfile', await scope.file('crls.pem', crls.join(''))] : []),
    // Every connection goes to our s_server on 127.0.0.1, whatever the URL's host (IP literals included).
    '--connect-to', `::127.0.0.1:${port}`,
    ...(c.host.kind === 'DNS' ? ['--resolve', `${c.host.value}:${port}:127.0.0.1`] : []),
    '-o', '/dev/null', '-w', '%{http_code} %{ssl_verify_result}', `https://${urlHost}:${port}/`];
  const r = await scope.run(CURL, args);
  const errLine = firstLine(r.stderr, /^curl: \(\d+\)/);
  const [httpCode, verifyResult] = r.stdout.trim().split(/\s+/).map(Number);
  const depthNote = c.maxDepth != null ? `; maxDepth ${c.maxDepth} not applied: curl has no such option` : '';
  const detail = `${errLine ?? `exit ${r.code}`}; http_code ${httpCode}, ssl_verify_result ${verifyResult}${depthNote}`;
  if (r.code === 0 && httpCode === 200) return { accepts: true, error: null, codes: [], at: new Date(now).toISOString(), ...(depthNote ? { detail: depthNote.slice(2) } : {}) };
  if (!errLine) throw new Error(`no outcome from curl (exit ${r.code}): ${tail(r.stderr, 300)}`);
  const m = errLine.match(/^curl: \((\d+)\) (.*)$/);
  const exit = Number(m[1]);
  const text = m[2];
  const problem = text.match(/^SSL certificate problem: (.*)$/);
  if (exit === 60 || exit === 35 || exit === 58 || exit === 77 || exit === 51) {
    return {
      accepts: false,
      error: problem ? problem[1] : text,
      codes: problem && verifyResult ? [verifyResult] : [],
      detail,
      at: new Date(now).toISOString(),
    };
  }
  throw new Error(`curl failed for another reason: ${errLine}`);
}

/**
 * verifier "curl": server-role cases, curl (OpenSSL backend) against s_server at the real time.
 * Cases whose certificates/CRLs would be judged differently now than at the case's time are skipped.
 */
export async function runCurl(cases, opts = {}) {
  const { curl: version } = await tlsVersions();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return mapLimit(cases, opts.parallel ?? DEFAULT_PARALLEL, async (raw) => {
    const verifier = 'curl';
    let c;
    try { c = normalizeCase(raw); } catch (err) { return notExpressible(raw, verifier, version, `bad case: ${err.message}`); }
    if (c.role === 'client') return notExpressible(c, verifier, version, 'curl is only run as a TLS client checking servers');
    if (!c.key) return notExpressible(c, verifier, version, 'no private key for the leaf: a handshake needs one');
    if (!c.host) return notExpressible(c, verifier, version, 'curl always checks a host name; the case has none');
    if (c.host.kind === 'RFC822') return notExpressible(c, verifier, version, 'curl checks DNS names and IP addresses, not email addresses');
    if (c.host.kind === 'IP' && !canonicalIp(c.host.value)) return notExpressible(c, verifier, version, `not an IP address: ${c.host.value}`);
    let t;
    try { t = caseTime(c); } catch (err) { return notExpressible(c, verifier, version, err.message); }
    const started = Date.now();
    const result = await withCase(timeoutMs, async (scope) => {
      const r = await curlCase(scope, c, t);
      return { ...base(c, verifier, version), ...r, ms: Date.now() - started };
    }, onCaseError(c, verifier, version, started));
    opts.log?.(`${verifier} ${c.id}: ${result.accepts === null ? `skipped (${result.skipped})` : result.accepts ? 'accepts' : `refuses: ${result.error}`} [${result.ms ?? 0} ms]`);
    return result;
  });
}
