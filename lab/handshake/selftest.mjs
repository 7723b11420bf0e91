#!/usr/bin/env node
// Self-test of the handshake lab on a throwaway PKI (made here with the openssl CLI in a temp
// dir): runs every verifier on the cases below and compares with what each real stack is known
// to answer. Prints a Markdown table; exits 1 on a mismatch.
//
//   node lab/handshake/selftest.mjs [--verifiers chrome,openssl-handshake,curl] [--only id,id] [--json out.json] [--cases cases.json] [--keep]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MiniCa } from './pki.mjs';
import { runChrome } from './chrome.mjs';
import { runOpensslHandshake, runCurl } from './openssl.mjs';

const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : null; };
const verifiers = (opt('--verifiers') ?? 'chrome,openssl-handshake,curl').split(',');

const DAY = 86_400_000;
const AIA_PORT = Number(process.env.CERTSCOPE_SELFTEST_AIA_PORT || 18080);
const aiaUrl = `http://aia.certscope.test:${AIA_PORT}/int.der`;

const dir = mkdtempSync(path.join(os.tmpdir(), 'certscope-hs-pki-'));
const now = Date.now();
const root = new MiniCa(dir, 'root', { cn: 'Certscope Lab Root' });
const other = new MiniCa(dir, 'other', { cn: 'Certscope Other Root' });
const int = new MiniCa(dir, 'int', { issuer: root, cn: 'Certscope Lab Intermediate', start: now - 900 * DAY });
const good = int.leaf('good', { sans: ['DNS:good.certscope.test', 'IP:127.0.0.1', 'IP:::1'], aiaUrl });
const expired = int.leaf('expired', { sans: ['DNS:good.certscope.test'], start: now - 400 * DAY, end: now - 35 * DAY });
const serverOnly = int.leaf('serveronly', { sans: ['DNS:good.certscope.test'], eku: ['serverAuth'] });
const clientOnly = int.leaf('clientonly', { sans: ['DNS:client.certscope.test'], eku: ['clientAuth'] });
const revoked = int.leaf('revoked', { sans: ['DNS:good.certscope.test'] });
int.revoke(revoked.cert);
const crls = [root.crl(), int.crl()];

const iso = (t) => new Date(t).toISOString();
// "Now" for the cases: a minute after the PKI (and its CRLs) was made, so the CRLs are current.
const soon = Date.now() + 60_000;
const dns = (value) => ({ kind: 'DNS', value });
const base = { role: 'server', crls: [], at: iso(soon), host: dns('good.certscope.test') };
const chain = (leaf) => ({ leaf: leaf.pem, key: leaf.keyPem, intermediates: [int.pem], roots: [root.pem] });

// expect: verifier → [accepts, error] (error null when accepting; undefined = do not check the text); 'skip' = accepts null
const cases = [
  { c: { ...base, id: 'good', ...chain(good) },
    expect: { chrome: [true, null], 'openssl-handshake': [true, null], curl: [true, null] } },
  { c: { ...base, id: 'good-ip', ...chain(good), host: { kind: 'IP', value: '127.0.0.1' } },
    expect: { chrome: [true, null], 'openssl-handshake': [true, null], curl: [true, null] } },
  { c: { ...base, id: 'good-ipv6', ...chain(good), host: { kind: 'IP', value: '::1' } },
    expect: { chrome: [true, null], 'openssl-handshake': [true, null], curl: [true, null] } },
  { c: { ...base, id: 'untrusted-root', ...chain(good), roots: [other.pem] },
    expect: { chrome: [false, 'net::ERR_CERT_AUTHORITY_INVALID'], 'openssl-handshake': [false, 'unable to get local issuer certificate'], curl: [false, 'unable to get local issuer certificate'] } },
  { c: { ...base, id: 'untrusted-root-sent', ...chain(good), intermediates: [int.pem, root.pem], roots: [other.pem] },
    expect: { chrome: [false, 'net::ERR_CERT_AUTHORITY_INVALID'], 'openssl-handshake': [false, 'self-signed certificate in certificate chain'], curl: [false, 'self-signed certificate in certificate chain'] } },
  { c: { ...base, id: 'no-roots', ...chain(good), roots: [] },
    expect: { chrome: [false, 'net::ERR_CERT_AUTHORITY_INVALID'], 'openssl-handshake': [false, 'unable to get local issuer certificate'], curl: [false, 'unable to get local issuer certificate'] } },
  { c: { ...base, id: 'missing-intermediate', ...chain(good), intermediates: [] },
    expect: { chrome: [false, 'net::ERR_CERT_AUTHORITY_INVALID'], 'openssl-handshake': [false, 'unable to get local issuer certificate'], curl: [false, 'unable to get local issuer certificate'] } },
  { c: { ...base, id: 'missing-intermediate-aia', ...chain(good), intermediates: [], aia: [{ url: aiaUrl, der: int.der.toString('base64') }] },
    expect: { chrome: [true, null], 'openssl-handshake': [false, 'unable to get local issuer certificate'], curl: [false, 'unable to get local issuer certificate'] } },
  { c: { ...base, id: 'host-mismatch', ...chain(good), host: dns('other.certscope.test') },
    expect: { chrome: [false, 'net::ERR_CERT_COMMON_NAME_INVALID'], 'openssl-handshake': [false, 'hostname mismatch'], curl: [false, "SSL: no alternative certificate subject name matches target host name 'other.certscope.test'"] } },
  { c: { ...base, id: 'ip-mismatch', ...chain(good), host: { kind: 'IP', value: '127.9.8.7' } },
    expect: { chrome: [false, 'net::ERR_CERT_COMMON_NAME_INVALID'], 'openssl-handshake': [false, 'IP address mismatch'], curl: [false, "SSL: no alternative certificate subject name matches target host name '127.9.8.7'"] } },
  { c: { ...base, id: 'expired-leaf', ...chain(expired) },
    expect: { chrome: [false, 'net::ERR_CERT_DATE_INVALID'], 'openssl-handshake': [false, 'certificate has expired'], curl: [false, 'certificate has expired'] } },
  { c: { ...base, id: 'expired-leaf-at-issue-time', ...chain(expired), at: iso(now - 200 * DAY) },
    expect: { chrome: [false, 'net::ERR_CERT_DATE_INVALID'], 'openssl-handshake': [true, null], curl: ['skip'] } },
  { c: { ...base, id: 'not-yet-valid-at-case-time', ...chain(good), at: iso(now - 3 * DAY) },
    expect: { chrome: [true, null], 'openssl-handshake': [false, 'certificate is not yet valid'], curl: ['skip'] } },
  { c: { ...base, id: 'revoked-leaf-crl', ...chain(revoked), crls },
    expect: { chrome: [true, null], 'openssl-handshake': [false, 'certificate revoked'], curl: [false, 'certificate revoked'] } },
  { c: { ...base, id: 'server-eku-clientauth-only', ...chain(clientOnly), host: dns('client.certscope.test') },
    expect: { chrome: [false, 'net::ERR_CERT_INVALID'], 'openssl-handshake': [false, 'unsuitable certificate purpose'], curl: [false, 'unsuitable certificate purpose'] } },
  { c: { ...base, id: 'no-key', ...chain(good), key: undefined },
    expect: { chrome: ['skip'], 'openssl-handshake': ['skip'], curl: ['skip'] } },
  { c: { ...base, id: 'client-good', role: 'client', host: null, ...chain(good) },
    expect: { chrome: ['skip'], 'openssl-handshake': [true, null], curl: ['skip'] } },
  { c: { ...base, id: 'client-no-clientauth-eku', role: 'client', host: null, ...chain(serverOnly) },
    expect: { chrome: ['skip'], 'openssl-handshake': [false, 'unsuitable certificate purpose'], curl: ['skip'] } },
  { c: { ...base, id: 'client-untrusted-root', role: 'client', host: null, ...chain(good), roots: [other.pem] },
    expect: { chrome: ['skip'], 'openssl-handshake': [false, 'unable to get local issuer certificate'], curl: ['skip'] } },
  { c: { ...base, id: 'client-expired', role: 'client', host: null, ...chain(expired) },
    expect: { chrome: ['skip'], 'openssl-handshake': [false, 'certificate has expired'], curl: ['skip'] } },
  { c: { ...base, id: 'client-revoked-crl', role: 'client', host: null, ...chain(revoked), crls },
    expect: { chrome: ['skip'], 'openssl-handshake': [false, 'certificate revoked'], curl: ['skip'] } },
];

if (opt('--only')) {
  const keep = new Set(opt('--only').split(','));
  cases.splice(0, cases.length, ...cases.filter((x) => keep.has(x.c.id)));
}

if (opt('--cases')) {
  writeFileSync(opt('--cases'), `${JSON.stringify(cases.map((x) => x.c), null, 1)}\n`);
  console.error(`wrote ${cases.length} cases to ${opt('--cases')}`);
}

const runners = { chrome: runChrome, 'openssl-handshake': runOpensslHandshake, curl: runCurl };
const log = (s) => console.error(s);
const all = [];
for (const v of verifiers) {
  const t0 = Date.now();
  const results = await runners[v](cases.map((x) => x.c), { log });
  console.error(`${v}: ${cases.length} cases in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  all.push(...results);
}

let mismatches = 0;
const cell = (r, exp) => {
  if (!r) return '';
  const got = r.accepts === null ? 'skipped' : r.accepts ? 'accepts' : `\`${r.error}\`${r.codes?.length ? ` (${r.codes.join(',')})` : ''}`;
  let ok = true;
  if (exp) {
    if (exp[0] === 'skip') ok = r.accepts === null;
    else ok = r.accepts === exp[0] && (exp[1] === undefined || r.error === exp[1]);
  }
  if (!ok) mismatches++;
  return `${ok ? '' : '**MISMATCH** '}${got}${r.ms != null ? ` ${r.ms} ms` : ''}`;
};
console.log(`| case | role | ${verifiers.join(' | ')} |`);
console.log(`| --- | --- | ${verifiers.map(() => '---').join(' | ')} |`);
for (const { c, expect } of cases) {
  const cells = verifiers.map((v) => cell(all.find((r) => r.id === c.id && r.verifier === v), expect[v]));
  console.log(`| ${c.id} | ${c.role} | ${cells.join(' | ')} |`);
}
const versions = [...new Set(all.map((r) => `${r.verifier}: ${r.version}`))];
console.log(`\n${versions.join('\n')}`);
if (opt('--json')) writeFileSync(opt('--json'), `${JSON.stringify(all, null, 1)}\n`);
if (!argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
else console.error(`PKI kept in ${dir}`);
console.error(mismatches ? `${mismatches} mismatch(es)` : 'all as expected');
process.exit(mismatches ? 1 : 0);
