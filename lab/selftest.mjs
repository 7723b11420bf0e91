// Self-test of the lab's plumbing: builds a small PKI with the openssl CLI in a temp
// dir, runs every available real verifier on a few cases that exercise each
// mapping (role, DNS/IP/e-mail host, no host, CRLs, partial trust anchors, bad
// inputs, skip reasons), and compares with what each verifier is known to answer.
//
//   node lab/selftest.mjs [--verbose]
//
// Prints one line per check and "N passed, N failed". Node built-ins only.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProcessBatch, runReal } from './real.mjs';
import { setupLab } from './setup.mjs';

const verbose = process.argv.includes('--verbose');
const dir = mkdtempSync(join(tmpdir(), 'certscope-lab-selftest-'));

function ossl(args, input) {
  const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8', input });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}
const read = (f) => readFileSync(join(dir, f), 'utf8');

function issue(name, { issuer, ext, key = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], serial, days = 365 }) {
  writeFileSync(join(dir, `${name}.ext`), ext.join('\n') + '\n');
  ossl(['req', '-new', ...key, '-nodes', '-keyout', `${name}.key`, '-subj', `/CN=${name}`, '-out', `${name}.csr`]);
  ossl(['x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`,
    '-set_serial', serial, '-days', String(days), '-sha256', '-extfile', `${name}.ext`, '-out', `${name}.pem`]);
  return read(`${name}.pem`);
}

function crl(ca, revoke = []) {
  const db = `${ca}-index.txt`;
  writeFileSync(join(dir, db), '');
  writeFileSync(join(dir, `${ca}-crlnumber`), '01\n');
  writeFileSync(join(dir, `${ca}-ca.cnf`), `[ca]\ndefault_ca=d\n[d]\ndatabase=${db}\ncrlnumber=${ca}-crlnumber\ndefault_md=sha256\ndefault_crl_days=30\n`);
  for (const cert of revoke) ossl(['ca', '-config', `${ca}-ca.cnf`, '-keyfile', `${ca}.key`, '-cert', `${ca}.pem`, '-revoke', `${cert}.pem`]);
  ossl(['ca', '-config', `${ca}-ca.cnf`, '-keyfile', `${ca}.key`, '-cert', `${ca}.pem`, '-gencrl', '-out', `${ca}.crl.pem`]);
  return read(`${ca}.crl.pem`);
}

function truncatedPem(pem) {
  const b64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  const der = Buffer.from(b64, 'base64');
  const cut = der.subarray(0, der.length - 20).toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN CERTIFICATE-----\n${cut}\n-----END CERTIFICATE-----\n`;
}

// ---- the PKI
ossl(['req', '-x509', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'root.key',
  '-subj', '/CN=Lab Root', '-days', '3650', '-addext', 'basicConstraints=critical,CA:TRUE',
  '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', 'root.pem']);
const root = read('root.pem');
const caExt = ['basicConstraints=critical,CA:TRUE,pathlen:0', 'keyUsage=critical,keyCertSign,cRLSign'];
const int = issue('int', { issuer: 'root', ext: caExt, serial: '0x2001', days: 1800 });
const eeKU = 'keyUsage=critical,digitalSignature';
const server = issue('server', { issuer: 'int', serial: '0x3001', ext: ['basicConstraints=critical,CA:FALSE', eeKU, 'extendedKeyUsage=serverAuth', 'subjectAltName=DNS:lab.example,IP:127.0.0.1'] });
const revoked = issue('revoked', { issuer: 'int', serial: '0x3002', ext: ['basicConstraints=critical,CA:FALSE', eeKU, 'extendedKeyUsage=serverAuth', 'subjectAltName=DNS:lab.example'] });
const cnOnly = issue('lab.example', { issuer: 'int', serial: '0x3003', ext: ['basicConstraints=critical,CA:FALSE', eeKU, 'extendedKeyUsage=serverAuth'] });
const client = issue('client', { issuer: 'int', serial: '0x3004', ext: ['basicConstraints=critical,CA:FALSE', eeKU, 'extendedKeyUsage=clientAuth', 'subjectAltName=email:alice@lab.example'] });
const rsa1024 = issue('rsa1024', { issuer: 'int', serial: '0x3005', key: ['-newkey', 'rsa:1024'], ext: ['basicConstraints=critical,CA:FALSE', 'keyUsage=critical,digitalSignature,keyEncipherment', 'extendedKeyUsage=serverAuth', 'subjectAltName=DNS:lab.example'] });
const rootCrl = crl('root');
const intCrl = crl('int', ['revoked']);

const now = new Date().toISOString();
const dns = (value) => ({ kind: 'DNS', value });
const base = { role: 'server', intermediates: [int], roots: [root], crls: [], at: now, host: dns('lab.example') };
const cases = [
  { ...base, id: 'lab::server-ok', leaf: server },
  { ...base, id: 'lab::server-ip', leaf: server, host: { kind: 'IP', value: '127.0.0.1' } },
  { ...base, id: 'lab::server-wrong-host', leaf: server, host: dns('other.example') },
  { ...base, id: 'lab::server-no-host', leaf: server, host: null },
  { ...base, id: 'lab::cn-only', leaf: cnOnly },
  { ...base, id: 'lab::cn-only-no-host', leaf: cnOnly, host: null },
  { ...base, id: 'lab::missing-intermediate', leaf: server, intermediates: [] },
  { ...base, id: 'lab::expired', leaf: server, at: '2040-01-01T00:00:00Z' },
  { ...base, id: 'lab::revoked', leaf: revoked, crls: [rootCrl, intCrl] },
  { ...base, id: 'lab::not-revoked', leaf: server, crls: [rootCrl, intCrl] },
  { ...base, id: 'lab::rsa1024', leaf: rsa1024 },
  { ...base, id: 'lab::partial-anchor', leaf: server, intermediates: [], roots: [int] },
  { ...base, id: 'lab::bad-leaf', leaf: truncatedPem(server) },
  { ...base, id: 'lab::bad-root', leaf: server, roots: ['-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', root] },
  { ...base, id: 'lab::max-depth-0', leaf: server, maxDepth: 0 },
  { ...base, id: 'lab::max-depth-0-unordered', leaf: server, intermediates: [server, int], maxDepth: 0 },
  { ...base, id: 'lab::client-ok', role: 'client', leaf: client, host: { kind: 'RFC822', value: 'alice@lab.example' } },
  { ...base, id: 'lab::client-no-host', role: 'client', leaf: client, host: null },
  { ...base, id: 'lab::client-wrong-eku', role: 'client', leaf: server, host: null },
  { ...base, id: 'lab::skipped', leaf: server, skipReason: 'selftest: a case the lab cannot express' },
];

// What each real verifier answers: true accept, false refuse, null skipped;
// a string is a refusal whose error must start with it.
const want = {
  'lab::server-ok': { openssl: true, go: true, java: true, webpki: true },
  'lab::server-ip': { openssl: true, go: true, java: true, webpki: true },
  'lab::server-wrong-host': {
    openssl: 'hostname mismatch', go: 'x509: certificate is valid for lab.example, not other.example',
    java: 'No subject alternative DNS name matching other.example found.', webpki: false,
  },
  'lab::server-no-host': { openssl: true, go: true, java: true, webpki: true },
  'lab::cn-only': { openssl: true, go: 'x509: certificate relies on legacy Common Name field', java: true, webpki: false },
  'lab::cn-only-no-host': { openssl: true, go: true, java: true, webpki: 'no host given and the certificate has no DNS or IP subjectAltName' },
  'lab::missing-intermediate': {
    openssl: 'unable to get local issuer certificate', go: 'x509: certificate signed by unknown authority',
    java: 'PKIX path building failed', webpki: false,
  },
  'lab::expired': { openssl: 'certificate has expired', go: 'x509: certificate has expired or is not yet valid', java: 'PKIX path validation failed', webpki: false },
  'lab::revoked': { openssl: 'certificate revoked', go: true, java: 'PKIX path validation failed: java.security.cert.CertPathValidatorException: Certificate has been revoked', webpki: true },
  'lab::not-revoked': { openssl: true, go: true, java: true, webpki: true },
  // openssl refuses at the TLS security level 2 of Debian's build; pyca 50 and Go 1.19 accept 1024-bit RSA.
  'lab::rsa1024': { openssl: 'EE certificate key too weak', go: true, java: true, webpki: true },
  'lab::partial-anchor': { openssl: false, go: true, java: true, webpki: true },
  'lab::bad-leaf': { openssl: false, go: 'x509: ', java: false, webpki: false },
  'lab::bad-root': { openssl: false, go: true, java: false, webpki: false },
  // Java: an in-order chain goes to PKIXValidator.doValidate, which ignores setMaxPathLength.
  'lab::max-depth-0': { openssl: 'certificate chain too long', go: true, java: true, webpki: false },
  'lab::max-depth-0-unordered': { openssl: 'certificate chain too long', go: true, java: 'PKIX path building failed', webpki: false },
  'lab::client-ok': { openssl: true, go: true, java: true, webpki: true },
  'lab::client-no-host': { openssl: true, go: true, java: true, webpki: true },
  'lab::client-wrong-eku': {
    openssl: 'unsuitable certificate purpose', go: 'x509: certificate specifies an incompatible key usage',
    java: 'Extended key usage does not permit use for TLS client authentication', webpki: false,
  },
  'lab::skipped': { openssl: null, go: null, java: null, webpki: null },
};

let passed = 0;
let failed = 0;
try {
  const setup = await setupLab({ quiet: true });
  const verifiers = Object.keys(setup.verifiers).filter((v) => setup.verifiers[v].available);
  const missing = Object.keys(setup.verifiers).filter((v) => !setup.verifiers[v].available);
  if (missing.length) console.log(`unavailable (not checked): ${missing.join(', ')}`);
  const t0 = Date.now();
  const results = await runReal(cases, { verifiers, setup });
  console.log(`${cases.length} cases × ${verifiers.length} verifiers in ${Date.now() - t0} ms`);
  for (const r of results) {
    const w = want[r.id][r.verifier];
    let ok;
    if (w === null) ok = r.accepts === null && Boolean(r.skipped);
    else if (typeof w === 'boolean') ok = r.accepts === w && (w || Boolean(r.error));
    else ok = r.accepts === false && typeof r.error === 'string' && r.error.startsWith(w);
    if (ok) passed++;
    else failed++;
    if (!ok || verbose) {
      const got = r.accepts === null ? `skipped (${r.skipped})` : r.accepts ? 'accepts' : `refuses: ${r.error}`;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${r.verifier.padEnd(7)} ${r.id.padEnd(26)} ${got}${ok ? '' : `   [wanted ${JSON.stringify(w)}]`}`);
      if (!ok && r.detail) console.log(`       detail: ${r.detail}`);
    }
  }

  // The batch runner survives a runner that crashes or hangs on one case.
  const fake = `
    const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
    process.stdout.write('[\\n');
    for (const c of cases) {
      if (c.id === 'crash') process.exit(3);
      if (c.id === 'hang') { setInterval(() => {}, 1000); break; }
      process.stdout.write(JSON.stringify({ id: c.id, verifier: 'go', version: 'fake', accepts: true, error: null }) + ',\\n');
    }`;
  const ids = ['a', 'crash', 'b', 'hang', 'c'];
  const got = await runProcessBatch('go', { version: 'fake' }, ids.map((id) => ({ id })), {
    idleTimeoutMs: 1500,
    command: { cmd: process.execPath, args: ['-e', fake] },
  });
  const shape = got.map((r) => `${r.id}:${r.accepts === null ? 'skipped' : r.accepts}`).join(' ');
  const recovered = shape === 'a:true crash:skipped b:true hang:skipped c:true';
  if (recovered) passed++;
  else failed++;
  console.log(`${recovered ? 'ok  ' : 'FAIL'} runner crash/hang recovery: ${shape}`);
  if (verbose || !recovered) for (const r of got.filter((x) => x.skipped)) console.log(`       ${r.id}: ${r.skipped}`);

  // Malformed cases are reported, not run.
  const bad = await runReal([{ id: 'bad', role: 'server', leaf: 'x', intermediates: 'no' }], { verifiers, setup });
  const badOk = bad.every((r) => r.accepts === null && /^invalid LabCase/.test(r.skipped));
  if (badOk) passed++;
  else failed++;
  console.log(`${badOk ? 'ok  ' : 'FAIL'} malformed LabCase is skipped by every verifier`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
