/**
 * The Chrome model against what Debian's Chromium 150.0.7871.100 reported for real page loads in
 * the lab (lab/handshake/chrome.mjs: roots in a fresh NSS database, `openssl s_server` sending
 * leaf + intermediates, Playwright reading the net error), for every server-role fixture case
 * (test/fixtures/verifier/cases.json) and the Chrome probes (test/fixtures/chrome-probes/).
 * Each row is [case, the real answer, why]. Chromium verified at the real clock on 2026-11-29;
 * the fixtures have fixed dates, so the rows are evaluated at that time.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../decode-input';
import type { CertificateModel } from '../model';
import { SignatureCache } from '../chain/signature';
import { peerName, runVerifiers, type VerifierAnswer } from './index';
import { chromeHostMatches } from './chrome';
import { describeMalformedRows, type MalformedRow } from './testing/malformed-table';

const ROOT = path.resolve(__dirname, '../../..');
/** When Chromium loaded the pages. */
const LAB_AT = '2026-11-29T16:10:00Z';

interface LabFixture {
  id: string;
  role: 'server' | 'client';
  leaf: string;
  intermediates: string[];
  roots: string[];
  host: { kind: 'DNS' | 'IP' | 'RFC822'; value: string } | null;
}

const read = (file: string): LabFixture[] => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as LabFixture[];
const CASES: readonly LabFixture[] = [...read('test/fixtures/verifier/cases.json'), ...read('test/fixtures/chrome-probes/cases.json')];

async function certs(file: string): Promise<CertificateModel[]> {
  const d = await decodeInput({ name: path.basename(file), bytes: readFileSync(path.join(ROOT, file)) });
  return [...d.certificates];
}

interface Options {
  readonly anchorKind?: 'builtin' | 'session-trusted';
  readonly host?: string | null;
  readonly at?: string;
}

async function chromeAnswer(id: string, opt: Options = {}): Promise<VerifierAnswer> {
  const tc = CASES.find((c) => c.id === id);
  if (!tc) throw new Error(`no case ${id}`);
  const leaf = (await certs(tc.leaf))[0];
  if (!leaf) throw new Error(`${id}: leaf unreadable`);
  const inter = (await Promise.all(tc.intermediates.map(certs))).flat();
  const roots = (await Promise.all(tc.roots.map(certs))).flat();
  const sigs = new SignatureCache();
  const answers = await runVerifiers(
    leaf,
    'tlsServer',
    {
      at: opt.at ?? LAB_AT,
      host: opt.host !== undefined ? opt.host : (tc.host?.value ?? null),
      untrusted: [leaf, ...inter],
      anchors: roots.map((certificate) => ({ certificate, kind: opt.anchorKind ?? 'session-trusted' })),
      crls: [],
      signature: (s, i) => sigs.check(s, i),
    },
    ['chrome'],
  );
  const a = answers.chrome;
  if (!a) throw new Error(`${id}: no chrome answer`);
  return a;
}

type Expected = { accepts: boolean; error: string | null };

/** What Chromium 150 reported for each server-role fixture case. */
const FIXTURE_ROWS: readonly [string, Expected, string][] = [
  ["good::server", { accepts: true, error: null }, "full chain to a locally trusted root (NSS C,,): the first path verifies"],
  ["good-ec::server", { accepts: true, error: null }, "P-256 keys and ECDSA-SHA256 at every level"],
  ["good-no-intermediate::server", { accepts: true, error: null }, "leaf issued by the trusted root directly"],
  ["missing-intermediate-aia::server", { accepts: true, error: null }, "intermediate not sent: Chrome fetches it from the leaf's http caIssuers URL (the engine assumes the fetch serves it)"],
  ["missing-intermediate-no-aia::server", { accepts: false, error: "net::ERR_CERT_AUTHORITY_INVALID" }, "intermediate not sent and no AIA: partial path, kNoIssuersFound -> AUTHORITY_INVALID"],
  ["cn-only::server", { accepts: false, error: "net::ERR_CERT_COMMON_NAME_INVALID" }, "no SAN: VerifyHostname never falls back to the Common Name"],
  ["cn-not-in-san::server", { accepts: false, error: "net::ERR_CERT_COMMON_NAME_INVALID" }, "the host is only in the CN, the SAN names something else"],
  ["cn-only-ip::server", { accepts: false, error: "net::ERR_CERT_COMMON_NAME_INVALID" }, "IP host with the address only in the CN"],
  ["any-eku-leaf::server", { accepts: true, error: null }, "anyExtendedKeyUsage on the leaf satisfies KeyPurpose::SERVER_AUTH (legacy mode)"],
  ["no-eku-leaf::server", { accepts: true, error: null }, "no EKU on the leaf: allowed"],
  ["eku-client-only::server", { accepts: false, error: "net::ERR_CERT_INVALID" }, "leaf EKU without serverAuth: kEkuLacksServerAuth has no status bit of its own -> INVALID"],
  ["eku-server-only::server", { accepts: true, error: null }, "serverAuth only"],
  ["eku-codesigning-only::server", { accepts: false, error: "net::ERR_CERT_INVALID" }, "codeSigning only: kEkuLacksServerAuth -> INVALID"],
  ["int-eku-server-only::server", { accepts: true, error: null }, "intermediate EKU serverAuth"],
  ["int-eku-any::server", { accepts: true, error: null }, "intermediate anyEKU is accepted"],
  ["int-eku-codesigning::server", { accepts: false, error: "net::ERR_CERT_INVALID" }, "EKU is a constraint on the intermediate too: codeSigning only -> INVALID"],
  ["root-eku-server-only::server", { accepts: true, error: null }, "anchor constraints enforced for a local root: serverAuth EKU is fine"],
  ["root-eku-codesigning::server", { accepts: false, error: "net::ERR_CERT_INVALID" }, "anchor constraints enforced for a local root: its EKU lacks serverAuth -> INVALID"],
  ["unknown-critical-leaf::server", { accepts: false, error: "net::ERR_CERT_INVALID" }, "unconsumed critical extension on the leaf -> INVALID"],
  ["unknown-critical-intermediate::server", { accepts: false, error: "net::ERR_CERT_INVALID" }, "unconsumed critical extension on the intermediate -> INVALID"],
  ["unknown-critical-root::server", { accepts: false, error: "net::ERR_CERT_INVALID" }, "unconsumed critical extension on a locally trusted root (anchor constraints) -> INVALID"],
  ["revoked-leaf::server", { accepts: true, error: null }, "Chrome ignores local CRL files (it uses CRLSets): accepted"],
  ["revoked-intermediate::server", { accepts: true, error: null }, "Chrome ignores local CRL files: accepted"],
  ["crl-present-not-revoked::server", { accepts: true, error: null }, "CRL not consulted"],
  ["weak-intermediate-rsa1024::server", { accepts: true, error: null }, "RSA-1024 meets Chrome's 1024-bit floor"],
  ["weak-leaf-rsa1024::server", { accepts: true, error: null }, "RSA-1024 leaf meets the floor"],
  ["weak-root-rsa1024::server", { accepts: true, error: null }, "RSA-1024 root meets the floor"],
  ["sha1-leaf::server", { accepts: false, error: "net::ERR_CERT_INVALID" }, "SHA-1 signature on the leaf: an unacceptable signature algorithm on the path -> INVALID (no SHA-1 retry)"],
  ["sha1-intermediate::server", { accepts: false, error: "net::ERR_CERT_INVALID" }, "SHA-1 signature on the intermediate -> INVALID"],
  ["expired-leaf::server", { accepts: false, error: "net::ERR_CERT_DATE_INVALID" }, "leaf expired -> DATE_INVALID"],
  ["not-yet-valid-leaf::server", { accepts: false, error: "net::ERR_CERT_DATE_INVALID" }, "leaf not valid yet -> DATE_INVALID"],
  ["expired-intermediate::server", { accepts: false, error: "net::ERR_CERT_DATE_INVALID" }, "intermediate expired -> DATE_INVALID"],
  ["path-len-exceeded::server", { accepts: false, error: "net::ERR_CERT_INVALID" }, "pathLenConstraint violated: kMaxPathLengthViolated -> INVALID"],
  ["issuer-not-ca::server", { accepts: false, error: "net::ERR_CERT_INVALID" }, "issuer without cA -> INVALID"],
  ["ku-no-digital-signature-ec::server", { accepts: false, error: "net::ERR_SSL_KEY_USAGE_INCOMPATIBLE" }, "TLS 1.3 requires digitalSignature in the leaf keyUsage: BoringSSL refuses before verification"],
  ["ku-rsa-key-encipherment-only::server", { accepts: false, error: "net::ERR_SSL_KEY_USAGE_INCOMPATIBLE" }, "RSA leaf with keyEncipherment only: same TLS 1.3 refusal"],
  ["ca-as-leaf::server", { accepts: true, error: null }, "CA:TRUE on the leaf is only a warning for SERVER_AUTH"],
  ["leaf-self-signed::server", { accepts: false, error: "net::ERR_CERT_INVALID" }, "self-signed CA:FALSE leaf that is also the trusted root: path [leaf, leaf] and the anchor's basicConstraints say not a CA -> INVALID"],
  ["ed25519-leaf::server", { accepts: false, error: "net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH" }, "Chrome offers no Ed25519 signature algorithm: the handshake fails"],
  ["p521-leaf::server", { accepts: false, error: "net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH" }, "Chrome offers no ecdsa_secp521r1_sha512: the handshake fails"],
  ["v1-intermediate::server", { accepts: false, error: "net::ERR_CERT_INVALID" }, "v1 intermediate has no basicConstraints -> INVALID"],
  ["duplicate-extension::server", { accepts: false, error: "net::ERR_CERT_INVALID" }, "ParsedCertificate refuses duplicate extensions: the leaf does not parse -> INVALID"],
  ["underscore-dns::server", { accepts: true, error: null }, "underscore in the SAN label: plain string comparison matches"],
  ["wildcard-leaf::server", { accepts: true, error: null }, "*.certscope.test matches www.certscope.test"],
  ["wildcard-partial::server", { accepts: false, error: "net::ERR_CERT_COMMON_NAME_INVALID" }, "partial-label wildcard never matches"],
  ["idn::server", { accepts: true, error: null }, "A-label SAN matches the A-label host"],
  ["ip-san::server", { accepts: true, error: null }, "iPAddress SAN matches 127.0.0.1"],
  ["ipv6-san::server", { accepts: true, error: null }, "iPAddress SAN matches ::1"],
  ["nc-dns-permitted-ok::server", { accepts: true, error: null }, "SAN inside the permitted DNS subtree"],
  ["nc-dns-permitted-no-dot::server", { accepts: true, error: null }, "constraint without a leading dot also matches subdomains"],
  ["nc-dns-permitted-violation::server", { accepts: false, error: "net::ERR_CERT_INVALID" }, "SAN outside the permitted subtree: kNotPermittedByNameConstraints -> INVALID"],
  ["nc-dns-excluded::server", { accepts: false, error: "net::ERR_CERT_INVALID" }, "SAN in an excluded subtree -> INVALID"],
  ["nc-wildcard-vs-excluded::server", { accepts: false, error: "net::ERR_CERT_INVALID" }, "a wildcard SAN that could expand into an excluded subtree -> INVALID"],
  ["nc-cn-only-under-dns-constraint::server", { accepts: false, error: "net::ERR_CERT_COMMON_NAME_INVALID" }, "no SAN: name constraints do not read the CN, but the host check fails"],
  ["nc-ip-permitted-violation::server", { accepts: false, error: "net::ERR_CERT_INVALID" }, "IP SAN outside the permitted range -> INVALID"],
  ["nc-ip-v4-mapped-ipv6::server", { accepts: true, error: null }, "the excluded IPv4 range (4 bytes) never matches the 16-byte IPv4-mapped SAN"],
  ["nc-email-permitted::server", { accepts: false, error: "net::ERR_CERT_INVALID" }, "rfc822Name SAN outside the permitted email subtree -> INVALID"],
  ["nc-email-subject-with-san::server", { accepts: true, error: null }, "subject emailAddress not checked when a SAN is present"],
  ["nc-smtputf8::server", { accepts: true, error: null }, "the critical email constraint does not reach the SmtpUTF8Mailbox otherName SAN"],
  ["nc-uri-permitted::server", { accepts: false, error: "net::ERR_CERT_INVALID" }, "URI SAN under a critical URI constraint (form not supported) -> INVALID"],
  ["nc-uri-ip-host::server", { accepts: false, error: "net::ERR_CERT_INVALID" }, "URI SAN under a critical URI constraint -> INVALID"],
  ["nc-dirname-permitted-violation::server", { accepts: false, error: "net::ERR_CERT_INVALID" }, "subject outside the permitted directoryName subtree -> INVALID"],
  ["nc-unsupported-form-critical::server", { accepts: true, error: null }, "critical constraint on a form the leaf does not carry: accepted"],
  ["nc-excluded-all-dns::server", { accepts: false, error: "net::ERR_CERT_INVALID" }, "excluded empty DNS constraint matches every DNS SAN -> INVALID"],
];

/** What Chromium 150 reported for the probes (test/fixtures/chrome-probes/README.md). */
const PROBE_ROWS: readonly [string, Expected, string][] = [
  ["p1-sha1-leaf-missing-issuer", { accepts: false, error: "net::ERR_CERT_AUTHORITY_INVALID" }, "partial path [leaf]: AUTHORITY_INVALID outranks the SHA-1 flag"],
  ["p1b-sha1-leaf-issuer-sent", { accepts: false, error: "net::ERR_CERT_INVALID" }, "complete path with a SHA-1 leaf signature -> INVALID"],
  ["p2-expired-and-mismatch", { accepts: false, error: "net::ERR_CERT_COMMON_NAME_INVALID" }, "DATE_INVALID and COMMON_NAME_INVALID: the name error wins"],
  ["p3-clientauth-and-expired", { accepts: false, error: "net::ERR_CERT_DATE_INVALID" }, "INVALID is only the catch-all: with DATE_INVALID set the EKU error adds no bit"],
  ["p4-expired-root", { accepts: false, error: "net::ERR_CERT_DATE_INVALID" }, "a locally added root's expiry is enforced -> DATE_INVALID"],
  ["p5-root-ku-no-certsign", { accepts: false, error: "net::ERR_CERT_INVALID" }, "a locally added root needs keyCertSign when it has keyUsage -> INVALID"],
  ["p6-selfsigned-ip-untrusted", { accepts: false, error: "net::ERR_CERT_AUTHORITY_INVALID" }, "untrusted self-signed leaf on 127.0.0.1 -> AUTHORITY_INVALID"],
  ["p7-backtrack-twin", { accepts: true, error: null }, "the newer same-name intermediate fails its signature; the builder backtracks to the other"],
  ["p8-rsa512-leaf", { accepts: false, error: "net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH" }, "an RSA-512 key cannot sign RSA-PSS for TLS 1.3: the handshake fails"],
  ["p9-p224-leaf", { accepts: false, error: "net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH" }, "Chrome offers no P-224 signature algorithm: the handshake fails"],
  ["p11-selfsigned-ca-trusted", { accepts: true, error: null }, "self-signed CA:TRUE dev certificate trusted directly: path [leaf, leaf] verifies"],
  ["p15-v1-root", { accepts: true, error: null }, "a v1 root (no basicConstraints) is an acceptable trust anchor"],
  ["p16-rsa768-intermediate", { accepts: false, error: "net::ERR_CERT_WEAK_KEY" }, "RSA-768 intermediate: kUnacceptablePublicKey -> WEAK_KEY"],
  ["p17-root-sent-too", { accepts: true, error: null }, "the server also sends the root: the trust anchor ends the path"],
  ["q20-wildcard-on-tld", { accepts: false, error: "net::ERR_CERT_COMMON_NAME_INVALID" }, "no wildcard across a registry-controlled suffix: *.test does not cover a.test"],
  ["q29-localhost", { accepts: true, error: null }, "single-label host matched exactly"],
  ["q30-root-name-constraints", { accepts: false, error: "net::ERR_CERT_INVALID" }, "a locally added root's name constraints are enforced (anchor constraints) -> INVALID"],
  ["q31-rsa-pss-signature", { accepts: true, error: null }, "RSASSA-PSS with SHA-256 and a 32-byte salt is an accepted signature algorithm"],
  ["q33-sha224-signature", { accepts: false, error: "net::ERR_CERT_INVALID" }, "SHA-224 is not among Chromium's signature algorithms -> INVALID"],
  ["q34-ecdsa-sha512", { accepts: true, error: null }, "ECDSA with SHA-512 is accepted"],
];

describe('chrome model against Chromium 150 (fixtures)', () => {
  it.each(FIXTURE_ROWS)('%s', async (id, expected, _why) => {
    const a = await chromeAnswer(id);
    expect({ accepts: a.accepts, error: a.error }).toEqual(expected);
    if (!a.accepts) {
      expect(a.codes.length).toBeGreaterThan(0);
      expect(a.fix).not.toBeNull();
    }
  });
});

describe('chrome model against Chromium 150 (probes)', () => {
  it.each(PROBE_ROWS)('%s', async (id, expected, _why) => {
    const a = await chromeAnswer(id);
    expect({ accepts: a.accepts, error: a.error }).toEqual(expected);
  });
});

describe('chrome model: finding codes per family', () => {
  const codes: readonly [string, string, string][] = [
    ['missing-intermediate-no-aia::server', 'CHAIN_ISSUER_NOT_FOUND', 'no issuer and no AIA'],
    ['cn-only::server', 'COMMON_NAME_ONLY', 'host only in the Common Name, which Chrome ignores'],
    ['cn-not-in-san::server', 'HOSTNAME_MISMATCH', 'SAN names another host'],
    ['eku-client-only::server', 'EKU_SERVER_AUTH_MISSING', 'leaf EKU'],
    ['int-eku-codesigning::server', 'CHAIN_ISSUER_EKU_EXCLUDES', 'intermediate EKU'],
    ['unknown-critical-leaf::server', 'UNKNOWN_CRITICAL_EXTENSION', 'critical extension'],
    ['expired-leaf::server', 'EXPIRED', 'leaf time'],
    ['not-yet-valid-leaf::server', 'NOT_YET_VALID', 'leaf time'],
    ['expired-intermediate::server', 'CHAIN_ISSUER_EXPIRED', 'issuer time'],
    ['path-len-exceeded::server', 'CHAIN_PATH_LENGTH_EXCEEDED', 'pathLen'],
    ['issuer-not-ca::server', 'CHAIN_ISSUER_NOT_CA', 'basicConstraints'],
    ['nc-dns-permitted-violation::server', 'CHAIN_NAME_CONSTRAINTS_VIOLATED', 'name constraints'],
    ['sha1-leaf::server', 'WEAK_SIGNATURE_ALGORITHM', 'SHA-1'],
    ['ku-no-digital-signature-ec::server', 'KU_DIGITAL_SIGNATURE_MISSING', 'TLS 1.3 keyUsage'],
    ['duplicate-extension::server', 'MALFORMED_CERTIFICATE', 'unparseable leaf'],
    ['ed25519-leaf::server', 'UNSUPPORTED_KEY', 'key Chrome cannot use in TLS'],
    ['p16-rsa768-intermediate', 'WEAK_ISSUER_KEY', 'RSA under 1024 bits'],
  ];
  it.each(codes)('%s -> %s', async (id, code, _why) => {
    const a = await chromeAnswer(id);
    expect(a.codes[0]).toBe(code);
  });

  it('accepts report the path that Chrome settled on, leaf first', async () => {
    const a = await chromeAnswer('good::server');
    expect(a.path?.length).toBe(3);
    const b = await chromeAnswer('p7-backtrack-twin');
    const good = (await certs('test/fixtures/chrome-probes/twin_good.pem'))[0];
    expect(b.path?.[1]).toBe(good?.sha256Hex);
  });
});

describe('chrome model: inputs the lab cannot express', () => {
  it('checks no name when the caller passes none (the path verifier alone)', async () => {
    const a = await chromeAnswer('cn-only::server', { host: null });
    expect(a.accepts).toBe(true);
  });

  it('does not enforce a Chrome Root Store root\'s own expiry or constraints', async () => {
    const local = await chromeAnswer('p4-expired-root');
    expect(local.error).toBe('net::ERR_CERT_DATE_INVALID');
    const known = await chromeAnswer('p4-expired-root', { anchorKind: 'builtin', host: null });
    expect(known.error).toBe('net::ERR_CERT_VALIDITY_TOO_LONG');
    const ku = await chromeAnswer('p5-root-ku-no-certsign', { anchorKind: 'builtin', host: null });
    expect(ku.error).toBe('net::ERR_CERT_VALIDITY_TOO_LONG');
  });

  it('flags publicly trusted certificates for internal names', async () => {
    const a = await chromeAnswer('p4-expired-root', { anchorKind: 'builtin' });
    expect(a.codes).toContain('INVALID_NAME');
  });
});

describe('chromeHostMatches (X509Certificate::VerifyHostname)', () => {
  async function leafWith(id: string): Promise<CertificateModel> {
    const tc = CASES.find((c) => c.id === id);
    const leaf = tc ? (await certs(tc.leaf))[0] : undefined;
    if (!leaf) throw new Error(id);
    return leaf;
  }
  const hosts: readonly [string, string, boolean, string][] = [
    ['wildcard-leaf::server', 'www.certscope.test', true, 'wildcard covers one label'],
    ['wildcard-leaf::server', 'a.b.certscope.test', false, 'wildcard covers only the left-most label'],
    ['wildcard-leaf::server', 'certscope.test', false, 'wildcard needs a label to cover'],
    ['good::server', 'WWW.CERTSCOPE.TEST.', true, 'case and a trailing dot do not matter'],
    ['ip-san::server', '127.0.0.1', true, 'IP host against an iPAddress SAN'],
    ['ip-san::server', '127.0.0.2', false, 'another address'],
    ['cn-only-ip::server', '127.0.0.1', false, 'an IP in the CN never counts'],
  ];
  it.each(hosts)('%s for %s -> %s', async (id, host, ok, _why) => {
    const p = peerName(host);
    if (!p) throw new Error(host);
    expect(chromeHostMatches(await leafWith(id), p)).toBe(ok);
  });
});

// ---------------------------------------------------------------------------------------------
// Malformed-but-present extensions (test/fixtures/verifier-malformed, make.ts): chains valid in
// every way but one extension, and what Chromium 150 (a page load over TLS; server role only) answered in the lab.
// ---------------------------------------------------------------------------------------------

const MALFORMED_ROWS: readonly MalformedRow[] = [
  ["control::server", { accepts: true, error: null }],
  ["san-trailing-after::server", { accepts: false, error: "net::ERR_CERT_INVALID" }],
  ["san-trailing-inside::server", { accepts: false, error: "net::ERR_CERT_INVALID" }],
  ["san-empty::server", { accepts: false, error: "net::ERR_CERT_INVALID" }],
  ["san-non-ascii-dns::server", { accepts: false, error: "net::ERR_CERT_INVALID" }],
  ["san-ip-8-octets::server", { accepts: false, error: "net::ERR_CERT_INVALID" }],
  ["san-critical-false-encoded::server", { accepts: false, error: "net::ERR_CERT_INVALID" }],
  ["int-bc-negative-pathlen::server", { accepts: false, error: "net::ERR_CERT_AUTHORITY_INVALID" }],
  ["int-bc-pathlen-256::server", { accepts: false, error: "net::ERR_CERT_AUTHORITY_INVALID" }],
  ["int-bc-pathlen-non-minimal::server", { accepts: false, error: "net::ERR_CERT_AUTHORITY_INVALID" }],
  ["int-bc-true-01::server", { accepts: false, error: "net::ERR_CERT_AUTHORITY_INVALID" }],
  ["leaf-bc-false-encoded::server", { accepts: true, error: null }],
  ["ku-undefined-bit::server", { accepts: true, error: null }],
  ["ku-unused-bits-set::server", { accepts: false, error: "net::ERR_SSL_PROTOCOL_ERROR" }],
  ["ku-trailing-zero-octet::server", { accepts: true, error: null }],
  ["int-ku-trailing-bytes::server", { accepts: false, error: "net::ERR_CERT_AUTHORITY_INVALID" }],
  ["eku-trailing-after::server", { accepts: false, error: "net::ERR_CERT_INVALID" }],
  ["aki-octet-string::server", { accepts: false, error: "net::ERR_CERT_INVALID" }],
  ["duplicate-ski::server", { accepts: false, error: "net::ERR_CERT_INVALID" }],
  ["unknown-critical::server", { accepts: false, error: "net::ERR_CERT_INVALID" }],
];

describeMalformedRows('chrome', 'chrome model: malformed-but-present extensions as Chromium 150 (a page load over TLS; server role only) answered them', MALFORMED_ROWS, true);
