/**
 * The mTLS pair check on real fixture files, analysed as the app and the CLI do: which pairs are
 * made on their own, what each item says for each direction of trust, and the config lines.
 * Table rows are [input, expected, why]; error cases are rows too.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../decode-input';
import { analyzeSession, type SessionAnalysis } from '../session';
import { caFileName, checkMtlsPair, pickMtlsPair, type MtlsItemId, type MtlsItemState, type MtlsPairCheck } from './mtls';

const FIXTURES = new URL('../../../test/fixtures/', import.meta.url);
const AT = '2026-06-01T00:00:00Z';

const analyses = new Map<string, Promise<SessionAnalysis>>();
function analyze(files: readonly string[]): Promise<SessionAnalysis> {
  const key = files.join('|');
  let p = analyses.get(key);
  if (!p) {
    p = (async () => {
      const inputs = await Promise.all(files.map((f) => decodeInput({ name: f, bytes: new Uint8Array(readFileSync(new URL(f, FIXTURES))) })));
      return analyzeSession(inputs, { at: AT, host: null });
    })();
    analyses.set(key, p);
  }
  return p;
}

function cn(a: SessionAnalysis, sha: string): string {
  const c = a.certificates.find((x) => x.sha256 === sha)?.certificate;
  return c?.subject.rdns.flat().find((r) => r.shortName === 'CN')?.value ?? sha;
}

function byCn(a: SessionAnalysis, name: string) {
  const c = a.certificates.find((x) => x.certificate.subject.rdns.flat().some((r) => r.shortName === 'CN' && r.value === name));
  if (!c) throw new Error(`no certificate with CN ${name}`);
  return c;
}

function states(check: MtlsPairCheck): Partial<Record<MtlsItemId, MtlsItemState>> {
  return Object.fromEntries(check.items.map((i) => [i.id, i.state]));
}

describe('pickMtlsPair: only plausible pairs are made on their own', () => {
  const rows: [files: string[], expected: { server: string; client: string; pairing: string } | null, why: string][] = [
    [['bundles/chain.pem', 'leaves/client.pem'], { server: 'www.certscope.test', client: 'alice', pairing: 'issuer-loaded' }, "the client's issuer (the intermediate) came with the server's chain"],
    [['mtls/pair-same-file.pem'], { server: 'www.certscope.test', client: 'alice', pairing: 'same-input' }, 'both certificates are in one file'],
    [['leaves/server.pem', 'leaves/client.pem'], null, "two files, and the client's issuer is not loaded"],
    [['bundles/chain.pem', 'chains/clientonly-leaf.pem'], null, 'a client certificate of another hierarchy whose issuer is not loaded'],
    [
      ['mtls/public-google-chain.pem', 'chains/expired-issuer-leaf.pem', 'chains/int-expired.pem', 'pki/root.pem', 'leaves/notyet.pem', 'pki/intermediate.pem'],
      { server: 'notyet.certscope.test', client: 'expired-issuer-leaf.certscope.test', pairing: 'issuer-loaded' },
      "of two servers, the one whose chain shares a CA with the client's (not the unrelated public one loaded first)",
    ],
    [['bundles/chain.pem'], null, 'no client certificate'],
    [['leaves/dual.pem'], null, 'one certificate is never paired with itself'],
  ];
  it.each(rows)('%j → %j (%s)', async (files, expected) => {
    const a = await analyze(files);
    const check = pickMtlsPair(a);
    expect(check && { server: cn(a, check.server), client: cn(a, check.client), pairing: check.pairing }).toEqual(expected);
    // The analysis carries the same answer.
    expect(a.mtls?.pairing ?? null).toBe(expected?.pairing ?? null);
  });
});

describe('checkMtlsPair: both directions, phrased as requirements', () => {
  const rows: [input: { files: string[]; server: string; client: string }, expected: { states: Partial<Record<MtlsItemId, MtlsItemState>>; serverCa: string | null; clientCa: string | null; ok: boolean }, why: string][] = [
    [
      { files: ['bundles/chain.pem', 'leaves/client.pem'], server: 'www.certscope.test', client: 'alice' },
      {
        states: { 'server-role': 'pass', 'client-role': 'pass', 'client-trusts-server-ca': 'action', 'server-trusts-client-ca': 'action', validity: 'pass', 'server-chain': 'pass' },
        serverCa: 'private:Certscope Test Root CA',
        clientCa: 'private:Certscope Test Root CA',
        ok: true,
      },
      'a private PKI: both sides must be configured with the private root; every verifier accepts once they are',
    ],
    [
      { files: ['mtls/pair-same-file.pem'], server: 'www.certscope.test', client: 'alice' },
      {
        states: { 'client-trusts-server-ca': 'unknown', 'server-trusts-client-ca': 'unknown', validity: 'pass', 'server-chain': 'unknown' },
        serverCa: null,
        clientCa: null,
        ok: false,
      },
      'no issuer loaded: which CA each side must trust cannot be known, and it says so',
    ],
    [
      { files: ['mtls/public-google-chain.pem', 'pki/intermediate.pem', 'pki/root.pem', 'leaves/client.pem'], server: 'www.google.com', client: 'alice' },
      {
        states: { 'server-role': 'fail', 'client-trusts-server-ca': 'pass', 'server-trusts-client-ca': 'action', validity: 'fail', 'server-chain': 'pass' },
        serverCa: 'builtin:GTS Root R1',
        clientCa: 'private:Certscope Test Root CA',
        ok: false,
      },
      'a server chain ending in a built-in root: clients with the default store have it; the expired leaf fails its role and the validity item',
    ],
    [
      { files: ['bundles/chain.pem', 'chains/expired-issuer-leaf.pem', 'chains/int-expired.pem'], server: 'www.certscope.test', client: 'expired-issuer-leaf.certscope.test' },
      {
        states: { 'client-role': 'fail', 'server-trusts-client-ca': 'action', validity: 'fail' },
        serverCa: 'private:Certscope Test Root CA',
        clientCa: 'private:Certscope Test Root CA',
        ok: false,
      },
      "the client's intermediate expired: the client role is refused and the validity item names the issuer",
    ],
  ];
  it.each(rows)('%j → %j (%s)', async (input, expected) => {
    const a = await analyze(input.files);
    const check = checkMtlsPair(byCn(a, input.server), byCn(a, input.client), a, 'picked');
    expect(states(check)).toMatchObject(expected.states);
    expect(check.serverCa ? `${check.serverCa.kind}:${check.serverCa.name}` : null).toBe(expected.serverCa);
    expect(check.clientCa ? `${check.clientCa.kind}:${check.clientCa.name}` : null).toBe(expected.clientCa);
    expect(check.ok).toBe(expected.ok);
    // Never a claim about what a server knows.
    for (const item of check.items) expect(`${item.label} ${item.detail}`).not.toMatch(/server side knows|server knows/iu);
  });

  it('refuses the same certificate as both sides (error row)', async () => {
    const a = await analyze(['bundles/chain.pem', 'leaves/client.pem']);
    const www = byCn(a, 'www.certscope.test');
    expect(() => checkMtlsPair(www, www, a, 'picked')).toThrow(/two different certificates/u);
  });

  it('names the verifiers that refuse, with their error text', async () => {
    const a = await analyze(['mtls/public-google-chain.pem', 'pki/intermediate.pem', 'pki/root.pem', 'leaves/client.pem']);
    const item = checkMtlsPair(byCn(a, 'www.google.com'), byCn(a, 'alice'), a, 'picked').items.find((i) => i.id === 'server-role');
    expect(item?.detail).toMatch(/refused by Chrome, OpenSSL, Go, Java and webpki/u);
    expect(item?.detail).toMatch(/certificate has expired/u);
  });
});

describe('config lines', () => {
  const rows: [input: { files: string[]; server: string; client: string }, expected: { stack: string; side: string; contains: string[] }[], why: string][] = [
    [
      { files: ['bundles/chain.pem', 'leaves/client.pem'], server: 'www.certscope.test', client: 'alice' },
      [
        { stack: 'nginx', side: 'server', contains: ['ssl_client_certificate /etc/nginx/certscope-test-root-ca.pem;', 'ssl_verify_client      on;', 'ssl_verify_depth       2;'] },
        { stack: 'nginx', side: 'client', contains: ['proxy_ssl_trusted_certificate /etc/nginx/certscope-test-root-ca.pem;', 'proxy_ssl_verify              on;'] },
        { stack: 'envoy', side: 'server', contains: ['require_client_certificate: true', 'trusted_ca: { filename: /etc/envoy/certscope-test-root-ca.pem }'] },
        { stack: 'go', side: 'server', contains: ['ClientCAs:    clientCAs,', 'ClientAuth:   tls.RequireAndVerifyClientCert,'] },
        { stack: 'go', side: 'client', contains: ['RootCAs:      serverCAs,'] },
        { stack: 'java', side: 'server', contains: ['keytool -importcert -noprompt -alias client-ca -file certscope-test-root-ca.pem', '-Djavax.net.ssl.trustStore=truststore.p12'] },
      ],
      'a private PKI: each side names the root file',
    ],
    [
      { files: ['mtls/public-google-chain.pem', 'pki/intermediate.pem', 'pki/root.pem', 'leaves/client.pem'], server: 'www.google.com', client: 'alice' },
      [
        { stack: 'nginx', side: 'client', contains: ['# CN=GTS Root R1,O=Google Trust Services LLC,C=US (public: in the system bundle)\nproxy_ssl_trusted_certificate /etc/ssl/certs/ca-certificates.crt;'] },
        { stack: 'go', side: 'client', contains: ['RootCAs nil: the system roots, which include GTS Root R1'] },
        { stack: 'java', side: 'client', contains: ["only when the client uses its own truststore instead of the JDK's cacerts", '-file gts-root-r1.pem'] },
      ],
      'a public server CA: the client side uses the system store',
    ],
  ];
  it.each(rows)('%j → %j (%s)', async (input, expected) => {
    const a = await analyze(input.files);
    const check = checkMtlsPair(byCn(a, input.server), byCn(a, input.client), a, 'picked');
    for (const e of expected) {
      const lines = check.config.find((c) => c.stack === e.stack && c.side === e.side)?.lines ?? '';
      for (const text of e.contains) expect(lines).toContain(text);
    }
  });

  const names: [input: string, expected: string, why: string][] = [
    ['Certscope Test Root CA', 'certscope-test-root-ca.pem', 'lowercase words joined by dashes'],
    ['GTS Root R1', 'gts-root-r1.pem', 'digits kept'],
    ['../../etc/passwd\n<script>', 'etc-passwd-script.pem', 'no path, newline or markup survives'],
    ['日本語', 'ca.pem', 'nothing usable left: the fallback'],
  ];
  it.each(names)('caFileName(%j) → %s (%s)', (input, expected) => {
    expect(caFileName(input, 'ca')).toBe(expected);
  });
});
