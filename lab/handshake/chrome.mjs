// Real Chromium page loads over HTTPS on loopback (verifier "chrome"): per case a fresh NSS
// database holding the case's roots under a temp $HOME, a fresh browser and profile, an
// `openssl s_server` presenting exactly leaf + intermediates, and the AIA files served over HTTP
// on the URL's port. See README.md beside this file.
import { mkdir, readdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { aiaUrls, canonicalIp, certsOf, certTimeDiffs, caseTime, isLoopbackIp, normalizeCase } from './cases.mjs';
import { execText, freePort, mapLimit, tail, withCase, withLocks } from './lib.mjs';
import { PRESENT_ANY } from './openssl.mjs';

export const CHROMIUM = process.env.CERTSCOPE_CHROMIUM || '/usr/bin/chromium';
const OPENSSL = process.env.CERTSCOPE_OPENSSL || 'openssl';
const CERTUTIL = process.env.CERTSCOPE_CERTUTIL || 'certutil';
export const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** NSS trust flags for the case's roots: "C,," = trusted CA for TLS servers (what a user importing an authority gets). */
const NSS_TRUST = process.env.CERTSCOPE_NSS_TRUST || 'C,,';
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_PARALLEL = 2;

/** net_error_list.h values of the errors a certificate can cause. */
const NET_ERRORS = {
  ERR_SSL_KEY_USAGE_INCOMPATIBLE: -181,
  ERR_CERT_COMMON_NAME_INVALID: -200,
  ERR_CERT_DATE_INVALID: -201,
  ERR_CERT_AUTHORITY_INVALID: -202,
  ERR_CERT_CONTAINS_ERRORS: -203,
  ERR_CERT_NO_REVOCATION_MECHANISM: -204,
  ERR_CERT_UNABLE_TO_CHECK_REVOCATION: -205,
  ERR_CERT_REVOKED: -206,
  ERR_CERT_INVALID: -207,
  ERR_CERT_WEAK_SIGNATURE_ALGORITHM: -208,
  ERR_CERT_NON_UNIQUE_NAME: -210,
  ERR_CERT_WEAK_KEY: -211,
  ERR_CERT_NAME_CONSTRAINT_VIOLATION: -212,
  ERR_CERT_VALIDITY_TOO_LONG: -213,
  ERR_CERTIFICATE_TRANSPARENCY_REQUIRED: -214,
  ERR_CERT_SYMANTEC_LEGACY: -215,
  ERR_CERT_KNOWN_INTERCEPTION_BLOCKED: -217,
};

let chromiumVersion = null;
export async function chromeVersion() {
  if (!chromiumVersion) {
    const r = await execText(CHROMIUM, ['--version']);
    chromiumVersion = r.stdout.match(/Chrom\w+ [\d.]+/)?.[0] ?? (r.stdout.trim() || `unavailable: ${r.err?.message ?? r.stderr.trim()}`);
  }
  return chromiumVersion;
}

async function loadPlaywright() {
  try { return (await import('@playwright/test')).chromium; } catch { /* fall through */ }
  return (await import('playwright-core')).chromium;
}

/** Why a case cannot be a Chromium page load, or null. */
function inexpressible(c) {
  if (c.role === 'client') return 'Chrome is only modelled as a TLS client checking servers';
  if (!c.key) return 'no private key for the leaf: a handshake needs one';
  if (!c.host) return 'a page load always names a host and Chrome checks it; the case has none';
  if (c.host.kind === 'RFC822') return 'Chrome checks DNS names and IP addresses, not email addresses';
  if (c.host.kind === 'IP') {
    if (!isLoopbackIp(c.host.value)) return `IP host ${c.host.value}: only loopback addresses (127.0.0.0/8, ::1) can be loaded here`;
  }
  return null;
}

/** Every http(s) URL Chromium might fetch for the case (AIA of the certificates it gets, plus the case's aia list) → { url, port }. */
function fetchTargets(c) {
  const urls = new Set(c.aia.map((a) => a.url));
  for (const cert of certsOf([c.leaf, ...c.intermediates, ...c.roots])) for (const u of aiaUrls(cert)) urls.add(u);
  const out = [];
  for (const u of urls) {
    let url;
    try { url = new URL(u); } catch { continue; }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const ip = canonicalIp(host);
    out.push({ url: u, parsed: url, port: portOf(url), ip, loopbackOk: ip == null || ip === '127.0.0.1' });
  }
  return out;
}

const portOf = (u) => Number(u.port || (u.protocol === 'https:' ? 443 : 80));

/** HTTP servers on 127.0.0.1 for the given ports, answering the case's aia files by path (404 otherwise) and logging every request. */
async function startAiaServers(scope, ports, files, requests) {
  for (const port of ports) {
    const server = http.createServer((req, res) => {
      const reqHost = String(req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
      const candidates = files.filter((f) => portOf(f.parsed) === port && f.parsed.pathname + f.parsed.search === req.url);
      const hit = candidates.find((f) => f.parsed.hostname.toLowerCase() === reqHost) ?? candidates[0];
      requests.push(`GET http://${req.headers.host}${req.url} → ${hit ? 200 : 404}`);
      if (hit) {
        res.writeHead(200, { 'Content-Type': 'application/pkix-cert', 'Content-Length': hit.der.length });
        res.end(hit.der);
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise((resolve, reject) => {
      server.once('error', (err) => reject(Object.assign(new Error(`AIA port ${port} on 127.0.0.1 is busy (${err.code})`), { portBusy: true })));
      server.listen(port, '127.0.0.1', resolve);
    });
    scope.onClose(() => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }));
  }
}

async function makeNssDb(scope, home, roots) {
  const db = path.join(home, '.pki', 'nssdb');
  await mkdir(db, { recursive: true });
  const init = await scope.run(CERTUTIL, ['-N', '-d', `sql:${db}`, '--empty-password']);
  if (init.code !== 0) throw new Error(`certutil -N failed: ${tail(init.stderr, 300)}`);
  const seen = new Set();
  let i = 0;
  for (const cert of certsOf(roots)) {
    if (seen.has(cert.fingerprint256)) continue;
    seen.add(cert.fingerprint256);
    const file = await scope.file(`root${i}.pem`, cert.toString());
    const add = await scope.run(CERTUTIL, ['-A', '-d', `sql:${db}`, '-t', NSS_TRUST, '-n', `root${i}`, '-i', file]);
    if (add.code !== 0) throw Object.assign(new Error(`certutil could not import root ${i} (${cert.subject.replace(/\n/g, ', ')}): ${tail(add.stderr, 300)}`), { inexpressible: true });
    i++;
  }
  if (roots.length && seen.size === 0) throw Object.assign(new Error('no parseable root certificate'), { inexpressible: true });
  return i;
}

async function startServer(scope, c, bind) {
  const files = {
    leaf: await scope.file('leaf.pem', c.leaf),
    key: await scope.file('key.pem', c.key),
    chain: c.intermediates.length ? await scope.file('chain.pem', c.intermediates.join('\n')) : null,
  };
  let last = '';
  for (let attempt = 0; attempt < 4; attempt++) {
    const port = await freePort(bind);
    const accept = bind.includes(':') ? `[${bind}]:${port}` : `${bind}:${port}`;
    // No trust store: OpenSSL's auto chain building cannot add anything, so exactly leaf + intermediates go out.
    const proc = scope.spawn(OPENSSL, ['s_server', '-accept', accept, '-cert', files.leaf, '-key', files.key,
      ...(files.chain ? ['-cert_chain', files.chain] : []), '-no-CAfile', '-no-CApath', '-no-CAstore', ...PRESENT_ANY, '-www']);
    try {
      await scope.waitFor(proc, /^ACCEPT$/m);
      return port;
    } catch (err) {
      last = err.output ?? err.message;
      if (!/Address already in use|bind/i.test(last)) break;
    }
  }
  throw Object.assign(new Error(`s_server refused its certificate/key: ${tail(last, 300)}`), { inexpressible: true });
}

/** PIDs of processes whose command line names `needle` (our own unique profile directory). */
async function pidsWith(needle) {
  const out = [];
  for (const name of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(name)) continue;
    const cmd = await readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '');
    if (cmd.includes(needle)) out.push(Number(name));
  }
  return out;
}

/** The AIA plan of a case: the ports to serve on and the files to serve; throws if Chromium could be sent off this machine. */
function aiaPlan(c) {
  const targets = fetchTargets(c);
  const bad = targets.filter((t) => !t.loopbackOk);
  if (bad.length) throw Object.assign(new Error(`an AIA URL names a non-loopback IP (${bad.map((t) => t.url).join(', ')}); Chromium would fetch it off this machine`), { inexpressible: true });
  return {
    ports: [...new Set(targets.filter((t) => t.parsed.protocol === 'http:').map((t) => t.port))],
    files: c.aia.map((a) => ({ url: a.url, parsed: new URL(a.url), der: Buffer.from(a.der, 'base64') })),
    notes: targets.filter((t) => t.parsed.protocol === 'https:').map((t) => `https AIA URL not served: ${t.url}`),
  };
}

async function chromeCase(scope, c, chromium, timeoutMs, startedAt, plan) {
  const notes = [...plan.notes];
  const { ports, files } = plan;
  {
    const requests = [];
    await startAiaServers(scope, ports, files, requests);
    const home = path.join(scope.dir, 'home');
    const profile = path.join(scope.dir, 'profile');
    await mkdir(profile, { recursive: true });
    await makeNssDb(scope, home, c.roots);
    const ip = c.host.kind === 'IP' ? canonicalIp(c.host.value) : null;
    // The server is always on 127.0.0.1: --host-resolver-rules maps IP literals too (checked: a
    // page at https://[::1]:PORT/ and at https://127.9.8.7:PORT/ reaches it), and every address
    // allowed here is loopback anyway.
    const port = await startServer(scope, c, '127.0.0.1');
    const urlHost = ip ? (ip.includes(':') ? `[${ip}]` : ip) : c.host.value;
    const url = `https://${urlHost}:${port}/`;

    const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache') };
    scope.onClose(async () => {
      // Playwright closes the browser; anything left that names our profile is ours to kill.
      for (const pid of await pidsWith(profile)) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
    });
    const tLaunch = Date.now();
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROME_ARGS, '--host-resolver-rules=MAP * 127.0.0.1'],
      env,
      ignoreHTTPSErrors: false,
      timeout: timeoutMs,
    });
    scope.onClose(() => Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]));
    const page = context.pages()[0] ?? await context.newPage();
    const tLoad = Date.now();
    const at = new Date(tLoad).toISOString();
    let outcome;
    try {
      const response = await page.goto(url, { waitUntil: 'load', timeout: Math.max(1000, timeoutMs - (Date.now() - startedAt) - 2000) });
      const sec = response ? await response.securityDetails().catch(() => null) : null;
      outcome = { accepts: true, error: null, codes: [], detail: `HTTP ${response?.status()}${sec ? `, ${sec.protocol}, issuer ${sec.issuer}` : ''}` };
    } catch (err) {
      const m = String(err.message).match(/net::(ERR_[A-Z0-9_]+)/);
      if (!m) throw new Error(`page.goto failed without a net error: ${tail(String(err.message), 300)}`);
      const name = m[1];
      if (!/^ERR_CERT|^ERR_SSL_|^ERR_BAD_SSL_CLIENT_AUTH_CERT$|^ERR_CERTIFICATE_TRANSPARENCY_REQUIRED$/.test(name)) {
        throw new Error(`navigation failed for a reason other than the certificate: net::${name}`);
      }
      outcome = { accepts: false, error: `net::${name}`, codes: NET_ERRORS[name] != null ? [NET_ERRORS[name]] : [] };
      if (name.startsWith('ERR_SSL_')) notes.push('TLS-level failure, not a certificate verification error');
    }
    notes.push(`setup ${tLaunch - startedAt} ms, launch ${tLoad - tLaunch} ms, load ${Date.now() - tLoad} ms`);
    if (requests.length) notes.push(`AIA fetches: ${requests.join('; ')}`);
    if (c.maxDepth != null) notes.push(`maxDepth ${c.maxDepth} not applied: Chromium has no such setting`);
    if (c.crls.length) notes.push('case CRLs not used: Chromium does not read local CRL files (it answered as it would without them)');
    const diffs = certTimeDiffs(c, caseTime(c), Date.parse(at));
    if (diffs.length) notes.push(`verified at the real time, not the case's: ${diffs.join('; ')}`);
    const detail = [outcome.detail, ...notes].filter(Boolean).join(' | ');
    return { ...outcome, at, ...(detail ? { detail } : {}) };
  }
}

/**
 * verifier "chrome": each server-role case as a real page load in a fresh headless Chromium
 * (Playwright), at the real time. Never rejects; one result per case, in order.
 * @param {object[]} cases LabCase (inline PEM) or fixture cases (paths)
 * @param {{ timeoutMs?: number, parallel?: number, log?: (s: string) => void }} [opts]
 */
export async function runChrome(cases, opts = {}) {
  const version = await chromeVersion();
  const verifier = 'chrome';
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let chromium = null;
  return mapLimit(cases, Math.min(2, opts.parallel ?? DEFAULT_PARALLEL), async (raw) => {
    const head = { id: raw.id, verifier, version };
    let c;
    try { c = normalizeCase(raw); } catch (err) { return { ...head, accepts: null, error: null, skipped: `bad case: ${err.message}` }; }
    const why = inexpressible(c);
    if (why) return { ...head, accepts: null, error: null, skipped: why };
    try { caseTime(c); } catch (err) { return { ...head, accepts: null, error: null, skipped: err.message }; }
    let plan;
    try { plan = aiaPlan(c); } catch (err) { return { ...head, accepts: null, error: null, skipped: `not expressible: ${err.message}` }; }
    try { chromium ??= await loadPlaywright(); } catch (err) { return { ...head, accepts: null, error: null, skipped: `harness: Playwright not available (${err.message})` }; }
    // Cases that may fetch from the same AIA port take turns, and the port is only released once
    // the case's servers are closed (withCase has returned).
    const runOne = () => {
      const started = Date.now();
      const onError = (err) => {
        const ms = Date.now() - started;
        if (err.portBusy) return { ...head, accepts: null, error: null, skipped: `${err.message}: not run`, ms };
        if (err.inexpressible) return { ...head, accepts: null, error: null, skipped: `not expressible: ${err.message}`, ms };
        return { ...head, accepts: null, error: null, skipped: `harness: ${err.message}`, ms };
      };
      return withCase(timeoutMs, async (scope) => ({ ...head, ...await chromeCase(scope, c, chromium, timeoutMs, started, plan), ms: Date.now() - started }), onError);
    };
    const result = await withLocks(plan.ports.map((p) => `aia:${p}`), runOne);
    opts.log?.(`${verifier} ${c.id}: ${result.accepts === null ? `skipped (${result.skipped})` : result.accepts ? 'accepts' : `refuses: ${result.error}`} [${result.ms ?? 0} ms]`);
    return result;
  });
}
