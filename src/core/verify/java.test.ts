/**
 * The Java model against what OpenJDK 17.0.15's JSSE trust manager (PKIX) and HTTPS host-name
 * check printed in the lab for every fixture case (test/fixtures/verifier/cases.json): each row
 * is [case, the real verifier's answer, why]. The table pins the agreement; `npm run lab`
 * re-derives it from the real JDK.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../decode-input';
import type { CertificateModel, CrlModel, NameModel } from '../model';
import { SignatureCache } from '../chain/signature';
import { runVerifiers } from './index';
import { javaDn, javaNamesEqual } from './java';
import { answerPemCase } from './pem-case';
import { describeMalformedRows, type MalformedRow } from './testing/malformed-table';

const ROOT = path.resolve(__dirname, '../../..');

interface FixtureCase {
  id: string;
  role: 'server' | 'client';
  leaf: string;
  intermediates: string[];
  roots: string[];
  crls: string[];
  at: string;
  host: { kind: 'DNS' | 'IP' | 'RFC822'; value: string } | null;
}

const CASES: readonly FixtureCase[] = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/verifier/cases.json'), 'utf8')) as FixtureCase[];

async function load(file: string): Promise<{ certs: CertificateModel[]; crls: CrlModel[] }> {
  const d = await decodeInput({ name: path.basename(file), bytes: readFileSync(path.join(ROOT, file)) });
  return { certs: [...d.certificates], crls: [...d.crls] };
}

async function javaAnswer(id: string, anchorKind: 'builtin' | 'session-trusted' = 'session-trusted'): Promise<{ accepts: boolean; error: string | null; codes: readonly string[]; fix: string | null }> {
  const tc = CASES.find((c) => c.id === id);
  if (!tc) throw new Error(`no fixture case ${id}`);
  const leaf = (await load(tc.leaf)).certs[0];
  if (!leaf) throw new Error(`${id}: leaf unreadable`);
  const inter = (await Promise.all(tc.intermediates.map(load))).flatMap((x) => x.certs);
  const roots = (await Promise.all(tc.roots.map(load))).flatMap((x) => x.certs);
  const crls = (await Promise.all(tc.crls.map(load))).flatMap((x) => x.crls);
  const sigs = new SignatureCache();
  const answers = await runVerifiers(
    leaf,
    tc.role === 'server' ? 'tlsServer' : 'tlsClient',
    {
      at: tc.at,
      host: tc.host && tc.host.kind !== 'RFC822' ? tc.host.value : null,
      email: tc.host?.kind === 'RFC822' ? tc.host.value : null,
      untrusted: [leaf, ...inter],
      anchors: roots.map((certificate) => ({ certificate, kind: anchorKind })),
      crls,
      signature: (s, i) => sigs.check(s, i),
    },
    ['java'],
  );
  const a = answers.java;
  if (!a) throw new Error(`${id}: no java answer`);
  return a;
}

type Expected = { accepts: boolean; error: string | null };

/** What Java 17 printed for each fixture case in the lab. */
const ROWS: readonly [string, Expected, string][] = [
    ["good::server", { accepts: true, error: null }, "baseline chain, full chain sent: validated by PKIXCertPathValidator"],
    ["good::client", { accepts: true, error: null }, "baseline chain, full chain sent: validated by PKIXCertPathValidator"],
    ["good-ec::server", { accepts: true, error: null }, "P-256 chain validates"],
    ["good-ec::client", { accepts: true, error: null }, "P-256 chain validates"],
    ["good-no-intermediate::server", { accepts: true, error: null }, "leaf issued by the root directly"],
    ["good-no-intermediate::client", { accepts: true, error: null }, "leaf issued by the root directly"],
    ["missing-intermediate-aia::server", { accepts: false, error: "PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target" }, "intermediate not sent: the builder finds no path (Java does not fetch AIA issuers by default)"],
    ["missing-intermediate-aia::client", { accepts: false, error: "PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target" }, "intermediate not sent: the builder finds no path (Java does not fetch AIA issuers by default)"],
    ["missing-intermediate-no-aia::server", { accepts: false, error: "PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target" }, "intermediate not sent: SunCertPathBuilder cannot complete the path"],
    ["missing-intermediate-no-aia::client", { accepts: false, error: "PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target" }, "intermediate not sent: SunCertPathBuilder cannot complete the path"],
    ["cn-only::server", { accepts: true, error: null }, "no SAN: HostnameChecker falls back to the most specific CN"],
    ["cn-only::client", { accepts: true, error: null }, "no SAN: HostnameChecker falls back to the most specific CN"],
    ["cn-not-in-san::server", { accepts: false, error: "No subject alternative DNS name matching www.certscope.test found." }, "a DNS SAN exists, so the CN is not consulted"],
    ["cn-only-ip::server", { accepts: false, error: "No subject alternative names present" }, "IP host and no SAN extension at all"],
    ["any-eku-leaf::server", { accepts: true, error: null }, "anyExtendedKeyUsage satisfies EndEntityChecker"],
    ["any-eku-leaf::client", { accepts: true, error: null }, "anyExtendedKeyUsage satisfies EndEntityChecker"],
    ["no-eku-leaf::server", { accepts: true, error: null }, "no EKU means any purpose"],
    ["no-eku-leaf::client", { accepts: true, error: null }, "no EKU means any purpose"],
    ["eku-client-only::server", { accepts: false, error: "Extended key usage does not permit use for TLS server authentication" }, "EndEntityChecker: EKU lacks the role"],
    ["eku-client-only::client", { accepts: true, error: null }, "EndEntityChecker: EKU lacks the role"],
    ["eku-server-only::server", { accepts: true, error: null }, "EndEntityChecker: EKU lacks the role"],
    ["eku-server-only::client", { accepts: false, error: "Extended key usage does not permit use for TLS client authentication" }, "EndEntityChecker: EKU lacks the role"],
    ["eku-codesigning-only::server", { accepts: false, error: "Extended key usage does not permit use for TLS server authentication" }, "EndEntityChecker: EKU lacks the role"],
    ["eku-codesigning-only::client", { accepts: false, error: "Extended key usage does not permit use for TLS client authentication" }, "EndEntityChecker: EKU lacks the role"],
    ["int-eku-server-only::server", { accepts: true, error: null }, "Java does not check EKU on CA certificates"],
    ["int-eku-server-only::client", { accepts: true, error: null }, "Java does not check EKU on CA certificates"],
    ["int-eku-any::server", { accepts: true, error: null }, "Java does not check EKU on CA certificates"],
    ["int-eku-any::client", { accepts: true, error: null }, "Java does not check EKU on CA certificates"],
    ["int-eku-codesigning::server", { accepts: true, error: null }, "Java does not check EKU on CA certificates"],
    ["int-eku-codesigning::client", { accepts: true, error: null }, "Java does not check EKU on CA certificates"],
    ["root-eku-server-only::server", { accepts: true, error: null }, "the trust anchor is not checked for EKU"],
    ["root-eku-server-only::client", { accepts: true, error: null }, "the trust anchor is not checked for EKU"],
    ["root-eku-codesigning::server", { accepts: true, error: null }, "the trust anchor is not checked for EKU"],
    ["root-eku-codesigning::client", { accepts: true, error: null }, "the trust anchor is not checked for EKU"],
    ["unknown-critical-leaf::server", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: unrecognized critical extension(s)" }, "unresolved critical extension after all checkers"],
    ["unknown-critical-leaf::client", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: unrecognized critical extension(s)" }, "unresolved critical extension after all checkers"],
    ["unknown-critical-intermediate::server", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: unrecognized critical extension(s)" }, "unresolved critical extension on the intermediate"],
    ["unknown-critical-intermediate::client", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: unrecognized critical extension(s)" }, "unresolved critical extension on the intermediate"],
    ["unknown-critical-root::server", { accepts: true, error: null }, "the trust anchor is not in the validated path"],
    ["unknown-critical-root::client", { accepts: true, error: null }, "the trust anchor is not in the validated path"],
    ["revoked-leaf::server", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: Certificate has been revoked, reason: KEY_COMPROMISE, revocation date: Wed Apr 15 00:00:00 UTC 2026, authority: CN=revoked-leaf Intermediate CA, O=Certscope Verifier Test, extension OIDs: [2.5.29.21]" }, "CRL lists the leaf: CertificateRevokedException message"],
    ["revoked-leaf::client", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: Certificate has been revoked, reason: KEY_COMPROMISE, revocation date: Wed Apr 15 00:00:00 UTC 2026, authority: CN=revoked-leaf Intermediate CA, O=Certscope Verifier Test, extension OIDs: [2.5.29.21]" }, "CRL lists the leaf: CertificateRevokedException message"],
    ["revoked-intermediate::server", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: Certificate has been revoked, reason: KEY_COMPROMISE, revocation date: Wed Apr 15 00:00:00 UTC 2026, authority: CN=revoked-intermediate Root CA, O=Certscope Verifier Test, extension OIDs: [2.5.29.21]" }, "CRL lists the intermediate (checked before the leaf)"],
    ["revoked-intermediate::client", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: Certificate has been revoked, reason: KEY_COMPROMISE, revocation date: Wed Apr 15 00:00:00 UTC 2026, authority: CN=revoked-intermediate Root CA, O=Certscope Verifier Test, extension OIDs: [2.5.29.21]" }, "CRL lists the intermediate (checked before the leaf)"],
    ["crl-present-not-revoked::server", { accepts: true, error: null }, "CRL loaded, serial not listed"],
    ["crl-present-not-revoked::client", { accepts: true, error: null }, "CRL loaded, serial not listed"],
    ["weak-intermediate-rsa1024::server", { accepts: true, error: null }, "RSA keySize < 1024 only is disabled"],
    ["weak-intermediate-rsa1024::client", { accepts: true, error: null }, "RSA keySize < 1024 only is disabled"],
    ["weak-leaf-rsa1024::server", { accepts: true, error: null }, "RSA keySize < 1024 only is disabled"],
    ["weak-leaf-rsa1024::client", { accepts: true, error: null }, "RSA keySize < 1024 only is disabled"],
    ["weak-root-rsa1024::server", { accepts: true, error: null }, "RSA keySize < 1024 only is disabled"],
    ["weak-root-rsa1024::client", { accepts: true, error: null }, "RSA keySize < 1024 only is disabled"],
    ["sha1-leaf::server", { accepts: true, error: null }, "SHA1 is disabled only for jdkCA (cacerts) anchors"],
    ["sha1-leaf::client", { accepts: true, error: null }, "SHA1 is disabled only for jdkCA (cacerts) anchors"],
    ["sha1-intermediate::server", { accepts: true, error: null }, "SHA1 is disabled only for jdkCA (cacerts) anchors"],
    ["sha1-intermediate::client", { accepts: true, error: null }, "SHA1 is disabled only for jdkCA (cacerts) anchors"],
    ["expired-leaf::server", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed" }, "BasicChecker validity on the leaf"],
    ["expired-leaf::client", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed" }, "BasicChecker validity on the leaf"],
    ["not-yet-valid-leaf::server", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed" }, "BasicChecker validity on the leaf"],
    ["not-yet-valid-leaf::client", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed" }, "BasicChecker validity on the leaf"],
    ["expired-intermediate::server", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed" }, "BasicChecker validity on the intermediate"],
    ["expired-intermediate::client", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed" }, "BasicChecker validity on the intermediate"],
    ["path-len-exceeded::server", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: basic constraints check failed: pathLenConstraint violated - this cert must be the last cert in the certification path" }, "ConstraintsChecker pathLenConstraint"],
    ["path-len-exceeded::client", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: basic constraints check failed: pathLenConstraint violated - this cert must be the last cert in the certification path" }, "ConstraintsChecker pathLenConstraint"],
    ["issuer-not-ca::server", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: basic constraints check failed: this is not a CA certificate" }, "ConstraintsChecker: intermediate without cA"],
    ["issuer-not-ca::client", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: basic constraints check failed: this is not a CA certificate" }, "ConstraintsChecker: intermediate without cA"],
    ["ku-no-digital-signature-ec::server", { accepts: false, error: "KeyUsage does not allow digital signatures" }, "EndEntityChecker: KU without digitalSignature"],
    ["ku-no-digital-signature-ec::client", { accepts: false, error: "KeyUsage does not allow digital signatures" }, "EndEntityChecker: KU without digitalSignature"],
    ["ku-rsa-key-encipherment-only::server", { accepts: false, error: "KeyUsage does not allow digital signatures" }, "authType UNKNOWN (TLS 1.3) and the client role require digitalSignature"],
    ["ku-rsa-key-encipherment-only::client", { accepts: false, error: "KeyUsage does not allow digital signatures" }, "authType UNKNOWN (TLS 1.3) and the client role require digitalSignature"],
    ["ca-as-leaf::server", { accepts: true, error: null }, "a CA leaf is fine for EndEntityChecker"],
    ["ca-as-leaf::client", { accepts: true, error: null }, "a CA leaf is fine for EndEntityChecker"],
    ["leaf-self-signed::server", { accepts: true, error: null }, "the leaf is itself the trust anchor: accepted with no EE checks"],
    ["leaf-self-signed::client", { accepts: true, error: null }, "the leaf is itself the trust anchor: accepted with no EE checks"],
    ["ed25519-leaf::server", { accepts: true, error: null }, "Ed25519 is supported in JDK 17"],
    ["ed25519-leaf::client", { accepts: true, error: null }, "Ed25519 is supported in JDK 17"],
    ["p521-leaf::server", { accepts: true, error: null }, "P-521 is supported"],
    ["p521-leaf::client", { accepts: true, error: null }, "P-521 is supported"],
    ["v1-intermediate::server", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: basic constraints check failed: this is not a CA certificate" }, "version 1 intermediate that is not self-issued is not a CA"],
    ["v1-intermediate::client", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: basic constraints check failed: this is not a CA certificate" }, "version 1 intermediate that is not self-issued is not a CA"],
    ["duplicate-extension::server", { accepts: false, error: "java.io.IOException: Duplicate extensions not allowed" }, "CertificateFactory refuses duplicate extensions"],
    ["duplicate-extension::client", { accepts: false, error: "java.io.IOException: Duplicate extensions not allowed" }, "CertificateFactory refuses duplicate extensions"],
    ["underscore-dns::server", { accepts: false, error: "Illegal given domain name: a_b.certscope.test" }, "SNIHostName refuses the host name itself"],
    ["wildcard-leaf::server", { accepts: true, error: null }, "left-most wildcard"],
    ["wildcard-partial::server", { accepts: true, error: null }, "Java matches partial wildcards (f*.example)"],
    ["idn::server", { accepts: true, error: null }, "IDN host compared after IDN normalisation"],
    ["ip-san::server", { accepts: true, error: null }, "IP host against an iPAddress SAN"],
    ["ipv6-san::server", { accepts: true, error: null }, "IPv6 host against an iPAddress SAN"],
    ["nc-dns-permitted-ok::server", { accepts: true, error: null }, "name constraints satisfied (or not applicable) for Java"],
    ["nc-dns-permitted-ok::client", { accepts: true, error: null }, "name constraints satisfied (or not applicable) for Java"],
    ["nc-dns-permitted-no-dot::server", { accepts: true, error: null }, "name constraints satisfied (or not applicable) for Java"],
    ["nc-dns-permitted-no-dot::client", { accepts: true, error: null }, "name constraints satisfied (or not applicable) for Java"],
    ["nc-dns-permitted-violation::server", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: name constraints check failed" }, "NameConstraintsExtension.verify refuses a name"],
    ["nc-dns-permitted-violation::client", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: name constraints check failed" }, "NameConstraintsExtension.verify refuses a name"],
    ["nc-dns-excluded::server", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: name constraints check failed" }, "NameConstraintsExtension.verify refuses a name"],
    ["nc-dns-excluded::client", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: name constraints check failed" }, "NameConstraintsExtension.verify refuses a name"],
    ["nc-wildcard-vs-excluded::server", { accepts: true, error: null }, "name constraints satisfied (or not applicable) for Java"],
    ["nc-wildcard-vs-excluded::client", { accepts: true, error: null }, "name constraints satisfied (or not applicable) for Java"],
    ["nc-cn-only-under-dns-constraint::server", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: name constraints check failed" }, "NameConstraintsExtension.verify refuses a name"],
    ["nc-cn-only-under-dns-constraint::client", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: name constraints check failed" }, "NameConstraintsExtension.verify refuses a name"],
    ["nc-cn-not-hostname::client", { accepts: true, error: null }, "name constraints satisfied (or not applicable) for Java"],
    ["nc-ip-permitted-violation::server", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: name constraints check failed" }, "NameConstraintsExtension.verify refuses a name"],
    ["nc-ip-permitted-violation::client", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: name constraints check failed" }, "NameConstraintsExtension.verify refuses a name"],
    ["nc-ip-v4-mapped-ipv6::server", { accepts: true, error: null }, "name constraints satisfied (or not applicable) for Java"],
    ["nc-ip-v4-mapped-ipv6::client", { accepts: true, error: null }, "name constraints satisfied (or not applicable) for Java"],
    ["nc-email-permitted::server", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: name constraints check failed" }, "NameConstraintsExtension.verify refuses a name"],
    ["nc-email-permitted::client", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: name constraints check failed" }, "NameConstraintsExtension.verify refuses a name"],
    ["nc-email-subject-with-san::server", { accepts: true, error: null }, "name constraints satisfied (or not applicable) for Java"],
    ["nc-email-subject-with-san::client", { accepts: true, error: null }, "name constraints satisfied (or not applicable) for Java"],
    ["nc-smtputf8::server", { accepts: true, error: null }, "name constraints satisfied (or not applicable) for Java"],
    ["nc-smtputf8::client", { accepts: true, error: null }, "name constraints satisfied (or not applicable) for Java"],
    ["nc-uri-permitted::server", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: name constraints check failed" }, "NameConstraintsExtension.verify refuses a name"],
    ["nc-uri-permitted::client", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: name constraints check failed" }, "NameConstraintsExtension.verify refuses a name"],
    ["nc-uri-ip-host::server", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: name constraints check failed" }, "NameConstraintsExtension.verify refuses a name"],
    ["nc-uri-ip-host::client", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: name constraints check failed" }, "NameConstraintsExtension.verify refuses a name"],
    ["nc-dirname-permitted-violation::server", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: name constraints check failed" }, "NameConstraintsExtension.verify refuses a name"],
    ["nc-dirname-permitted-violation::client", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: name constraints check failed" }, "NameConstraintsExtension.verify refuses a name"],
    ["nc-unsupported-form-critical::server", { accepts: true, error: null }, "name constraints satisfied (or not applicable) for Java"],
    ["nc-unsupported-form-critical::client", { accepts: true, error: null }, "name constraints satisfied (or not applicable) for Java"],
];

describe('java model: agreement with OpenJDK 17 on the fixture cases', () => {
  it.each(ROWS)('%s', async (id, expected, why) => {
    const a = await javaAnswer(id);
    expect({ accepts: a.accepts, error: a.error }, why).toEqual(expected);
    if (!expected.accepts) {
      expect(a.codes.length, `${id}: codes explain the refusal`).toBeGreaterThan(0);
      expect(a.fix ?? '', `${id}: a fix in Java's terms`).not.toBe('');
    } else expect(a.codes).toEqual([]);
  });

  it('covers every fixture case except the one the real JDK cannot finish', () => {
    const listed = new Set(ROWS.map((r) => r[0]));
    expect(CASES.filter((c) => !listed.has(c.id)).map((c) => c.id)).toEqual(['nc-excluded-all-dns::server', 'nc-excluded-all-dns::client']);
  });

  it.each([
    ['nc-excluded-all-dns::server', 'an empty dNSName exclusion: DNSName.constrains calls charAt(0) on "" and the exception escapes checkServerTrusted'],
    ['nc-excluded-all-dns::client', 'the same in checkClientTrusted'],
  ])('%s: the JDK throws, the handshake fails', async (id, why) => {
    const a = await javaAnswer(id);
    expect({ accepts: a.accepts, error: a.error }, why).toEqual({ accepts: false, error: 'java.lang.StringIndexOutOfBoundsException: String index out of range: 0' });
  });

  it.each([
    ['sha1-leaf::server', false, 'a SHA-1 leaf under a built-in (cacerts) root, TLS server: "SHA1 jdkCA & usage TLSServer"'],
    ['sha1-intermediate::server', false, 'the same for a SHA-1 intermediate'],
    ['sha1-leaf::client', true, 'the usage constraint names TLSServer only'],
  ] as const)('%s with the root built in', async (id, accepts, why) => {
    const a = await javaAnswer(id, 'builtin');
    expect(a.accepts, why).toBe(accepts);
    if (!accepts) expect(a.error).toMatch(/^PKIX path validation failed: java\.security\.cert\.CertPathValidatorException: Usage constraint TLSServer check failed: SHA1 used with certificate: CN=/u);
  });

  it('gives role-aware fixes in Java terms', async () => {
    const server = await javaAnswer('missing-intermediate-no-aia::server');
    const client = await javaAnswer('missing-intermediate-no-aia::client');
    expect(server.fix).toContain('javax.net.ssl.trustStore');
    expect(client.fix).toContain('server.ssl.trust-store');
  });
});

interface InlineCase {
  id: string;
  role: 'server' | 'client';
  leaf: string;
  intermediates: string[];
  roots: string[];
  crls: string[];
  at: string;
  host: { kind: 'DNS' | 'IP' | 'RFC822'; value: string } | null;
  maxDepth?: number;
  /** `thrown`: the JDK threw a RuntimeException out of checkServerTrusted (the lab records it as skipped); the model refuses with its text. */
  real: { accepts: boolean; error: string | null; thrown?: boolean };
}

const JAVA_CASES: readonly InlineCase[] = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/verifier-java/cases.json'), 'utf8')) as InlineCase[];

/** Why each Java-specific case is there (the answers are what OpenJDK 17.0.15 printed). */
const JAVA_WHY: Readonly<Record<string, string>> = {
  'extra-unrelated': 'an unrelated certificate in the sent chain sends PKIXValidator to the builder, which still finds the path',
  'pathlen0-reversed': 'intermediates out of order: the builder skips a CA whose pathLen is too small, so every failure reads "unable to find"',
  'pathlen0-inorder': 'the same chain in order: ConstraintsChecker names the pathLen violation',
  'ca-ku-no-kcs': 'KeyChecker: a CA keyUsage without keyCertSign',
  'root-ku-no-kcs': 'PKIXValidator.verifyTrustAnchor after validation',
  'root-ku-no-kcs-build': 'verifyTrustAnchor after building: "PKIX path building failed" with the ValidatorException',
  'p192-intermediate': 'jdk.certpath.disabledAlgorithms EC keySize < 224 on a CA key',
  'hv-fxxo.example.net': 'HostnameChecker matches partial wildcards (f*o)',
  'hv-foo.bar.example.org': 'HostnameChecker matches a wildcard in any label',
  'hv-a.example.com.': 'SNIHostName refuses a trailing dot in the host',
  'hv-10.0.0.2': 'IP host against iPAddress SANs only',
  'cnonly-b.example.com': 'no SAN: the most specific CN (*.example.com) is used',
  'ipsan-only-wronghost': 'a SAN with no DNS entry falls back to the CN',
  'nsct-client-only-server': 'EndEntityChecker honours the Netscape cert type',
  'ms-sgc-server': 'Microsoft Server-Gated-Cryptography EKU counts for a TLS server',
  'require-explicit-no-policies': 'PolicyChecker: requireExplicitPolicy 0 and no certificatePolicies',
  'critical-policy-qualifiers': 'PolicyChecker rejects qualifiers in a critical certificatePolicies',
  'nc-two-permitted-disjoint': 'name constraints apply to the next CA’s Common Name as a DNS name',
  'nc-ip-cn-outside': 'an IP-literal Common Name is checked against IP constraints',
  'nc-email-subject-nosan': 'without a SAN, subject emailAddress is checked against email constraints',
  'nc-email-subject-with-dns-san': 'with a SAN, subject emailAddress is not checked',
  'leaf-as-anchor': 'the leaf is itself trusted: accepted without path or end-entity checks',
  'i1-as-anchor': 'an intermediate as trust anchor ends the path there',
  'crl-revoked-noreason': 'a CRL entry without reason code reads UNSPECIFIED and no extension OIDs',
  'crl-revoked-leaf-reversed': 'a revoked leaf found by the builder: "unable to find"',
  'crl-wrong-signer': 'a CRL that does not verify is not used (soft fail)',
  'san-uri-underscore-host': 'java.net.URI keeps a registry-based authority for an underscore host, so the SAN stays and the CN is not consulted',
  'san-critical-uri-no-scheme': 'a critical SAN that Java cannot parse makes the certificate unreadable',
  'empty-subject-critical-san': 'an empty subject is fine with a critical SAN',
  'self-signed-leaf-untrusted': 'a self-signed leaf that is not trusted',
  'rollover-selfissued-reversed': 'a self-issued (key rollover) CA between the intermediate and the new root',
  'long-reversed': 'PKIXBuilderParameters maxPathLength 5: seven intermediates out of order cannot be built',
  'md5-leaf': 'MD5 signatures are disabled',
  'policy-mapped-ok': 'policy mapping 1.2.3.1 → 1.2.3.2 satisfies requireExplicitPolicy',
  'policy-mapped-original': 'after a mapping the issuer-domain policy is no longer expected',
  'inhibit-any-leaf-any': 'a non-critical inhibitAnyPolicy does not parse in the JDK and is ignored',
  'nc-merge-disjoint-dns': 'GeneralSubtrees.intersect of disjoint DNS subtrees builds DNSName(""), which throws out of the trust manager',
  'nc-merge-narrow-dns': 'a narrower DNS subtree below a wider one',
  'nc-merge-narrow-dns-outside': 'outside the narrowed subtree',
  'nc-merge-two-then-narrow': 'intersect drops the matched entry first, then finds no intersection for the other and throws',
  'nc-merge-widen-dns': 'a wider subtree below a narrower one does not widen',
  'nc-merge-dns-then-email': 'subtrees of different forms add up',
  'nc-merge-excluded-then-permitted': 'excluded subtrees from above stay in force',
  'nc-merge-permitted-then-excluded-parent': 'GeneralSubtrees.reduce removes a permitted subtree that an excluded one covers, leaving the form unconstrained',
  'nc-merge-ip-narrow': 'IP subnets intersect',
  'nc-merge-ip-disjoint': 'disjoint IP subnets: IPAddressName(null) throws a NullPointerException',
  'nc-merge-dir-disjoint': 'disjoint directoryName subtrees exclude every directory name (X500Name(""))',
};

describe('java model: Java-specific cases (test/fixtures/verifier-java)', () => {
  it.each(JAVA_CASES.map((c) => [c.id, c] as const))('%s', async (id, c) => {
    const a = await answerPemCase(c, 'java');
    if ('unreadable' in a) throw new Error(`${id}: ${a.unreadable}`);
    expect({ accepts: a.accepts, error: a.error }, JAVA_WHY[id] ?? id).toEqual({ accepts: c.real.accepts, error: c.real.error });
  });

  it('explains every case', () => {
    expect(JAVA_CASES.filter((c) => !(c.id in JAVA_WHY)).map((c) => c.id)).toEqual([]);
  });
});

function name(rdns: [string, string, string][][]): NameModel {
  return { rdns: rdns.map((r) => r.map(([oid, value, stringType]) => ({ shortName: null, oid, value, stringType }))), rfc4514: '', derHex: rdns.length === 0 ? '3000' : JSON.stringify(rdns) };
}

describe('java model: X500Principal text and equality', () => {
  it.each([
    [name([[['2.5.4.6', 'US', 'PrintableString']], [['2.5.4.10', 'Test, Inc.', 'UTF8String']], [['2.5.4.3', 'Root CA', 'UTF8String']]]), 'CN=Root CA, O="Test, Inc.", C=US', 'most specific RDN first, quoted when a special character appears'],
    [name([[['2.5.4.3', 'www.example.com', 'UTF8String']], [['1.2.840.113549.1.9.1', 'a@b.c', 'IA5String']], [['2.5.4.11', 'x', 'UTF8String'], ['2.5.4.11', 'y', 'UTF8String']]]), 'OU=x + OU=y, EMAILADDRESS=a@b.c, CN=www.example.com', 'multi-valued RDN joined with " + ", emailAddress as EMAILADDRESS'],
  ] as const)('%#: %s', (n, text, why) => {
    expect(javaDn(n), why).toBe(text);
  });

  it.each([
    [name([[['2.5.4.3', 'Root  CA', 'UTF8String']]]), name([[['2.5.4.3', 'root ca', 'PrintableString']]]), true, 'CN compares case-insensitively with white space collapsed, across Printable/UTF8'],
    [name([[['1.2.840.113549.1.9.1', 'A@B.C', 'IA5String']]]), name([[['1.2.840.113549.1.9.1', 'a@b.c', 'IA5String']]]), false, 'attribute types without an RFC 2253 keyword compare as DER (hex) in the canonical form'],
    [name([[['2.5.4.3', 'x', 'UTF8String']], [['2.5.4.10', 'o', 'UTF8String']]]), name([[['2.5.4.10', 'o', 'UTF8String']], [['2.5.4.3', 'x', 'UTF8String']]]), false, 'RDN order matters'],
  ] as const)('%#: equality %s', (a, b, equal, why) => {
    expect(javaNamesEqual(a, b), why).toBe(equal);
  });
});

// ---------------------------------------------------------------------------------------------
// Malformed-but-present extensions (test/fixtures/verifier-malformed, make.ts): chains valid in
// every way but one extension, and what OpenJDK 17.0.15 answered in the lab.
// ---------------------------------------------------------------------------------------------

const MALFORMED_ROWS: readonly MalformedRow[] = [
  ["control::server", { accepts: true, error: null }],
  ["control::client", { accepts: true, error: null }],
  ["san-trailing-after::server", { accepts: true, error: null }],
  ["san-trailing-after::client", { accepts: true, error: null }],
  ["san-trailing-inside::server", { accepts: true, error: null }],
  ["san-trailing-inside::client", { accepts: true, error: null }],
  ["san-empty::server", { accepts: true, error: null }],
  ["san-empty::client", { accepts: true, error: null }],
  ["san-non-ascii-dns::server", { accepts: true, error: null }],
  ["san-non-ascii-dns::client", { accepts: true, error: null }],
  ["san-ip-8-octets::server", { accepts: true, error: null }],
  ["san-ip-8-octets::client", { accepts: true, error: null }],
  ["san-critical-false-encoded::server", { accepts: true, error: null }],
  ["san-critical-false-encoded::client", { accepts: true, error: null }],
  ["int-bc-negative-pathlen::server", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: basic constraints check failed: this is not a CA certificate" }],
  ["int-bc-negative-pathlen::client", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: basic constraints check failed: this is not a CA certificate" }],
  ["int-bc-pathlen-256::server", { accepts: true, error: null }],
  ["int-bc-pathlen-256::client", { accepts: true, error: null }],
  ["int-bc-pathlen-non-minimal::server", { accepts: true, error: null }],
  ["int-bc-pathlen-non-minimal::client", { accepts: true, error: null }],
  ["int-bc-true-01::server", { accepts: true, error: null }],
  ["int-bc-true-01::client", { accepts: true, error: null }],
  ["leaf-bc-false-encoded::server", { accepts: true, error: null }],
  ["leaf-bc-false-encoded::client", { accepts: true, error: null }],
  ["ku-undefined-bit::server", { accepts: true, error: null }],
  ["ku-undefined-bit::client", { accepts: true, error: null }],
  ["ku-unused-bits-set::server", { accepts: true, error: null }],
  ["ku-unused-bits-set::client", { accepts: true, error: null }],
  ["ku-trailing-zero-octet::server", { accepts: true, error: null }],
  ["ku-trailing-zero-octet::client", { accepts: true, error: null }],
  ["int-ku-trailing-bytes::server", { accepts: false, error: "java.io.IOException: extra data at the end" }],
  ["int-ku-trailing-bytes::client", { accepts: false, error: "java.io.IOException: extra data at the end" }],
  ["eku-trailing-after::server", { accepts: true, error: null }],
  ["eku-trailing-after::client", { accepts: true, error: null }],
  ["aki-octet-string::server", { accepts: true, error: null }],
  ["aki-octet-string::client", { accepts: true, error: null }],
  ["duplicate-ski::server", { accepts: false, error: "java.io.IOException: Duplicate extensions not allowed" }],
  ["duplicate-ski::client", { accepts: false, error: "java.io.IOException: Duplicate extensions not allowed" }],
  ["unknown-critical::server", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: unrecognized critical extension(s)" }],
  ["unknown-critical::client", { accepts: false, error: "PKIX path validation failed: java.security.cert.CertPathValidatorException: unrecognized critical extension(s)" }],
];

describeMalformedRows('java', 'java model: malformed-but-present extensions as OpenJDK 17.0.15 answered them', MALFORMED_ROWS);
