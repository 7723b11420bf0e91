/**
 * The Go model against what Go 1.19.8 (lab/go/verify.go: x509.Certificate.Verify, then crypto/tls'
 * key check) printed in the lab: each row is a fixture case of test/fixtures/verifier, the real
 * answer (accepts, and the exact error text), and why the case is there.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answerPemCase } from "./pem-case";
import { describeMalformedRows, type MalformedRow } from './testing/malformed-table';

interface Expected {
  readonly accepts: boolean;
  readonly error: string | null;
}
type Row = readonly [id: string, expected: Expected, why: string];

interface FixtureCase {
  readonly id: string;
  readonly role: "server" | "client";
  readonly leaf: string;
  readonly intermediates: readonly string[];
  readonly roots: readonly string[];
  readonly crls: readonly string[];
  readonly at: string;
  readonly host: { readonly kind: string; readonly value: string } | null;
}

const REPO = new URL("../../../", import.meta.url);
const CASES = new Map((JSON.parse(readFileSync(new URL("test/fixtures/verifier/cases.json", REPO), "utf8")) as FixtureCase[]).map((c) => [c.id, c]));
const text = (path: string): string => readFileSync(new URL(path, REPO), "utf8");

async function goAnswer(c: FixtureCase): Promise<Expected> {
  const a = await answerPemCase({ ...c, leaf: text(c.leaf), intermediates: c.intermediates.map(text), roots: c.roots.map(text), crls: c.crls.map(text) }, "go");
  if ("unreadable" in a) throw new Error(a.unreadable);
  return { accepts: a.accepts, error: a.error };
}

const ROWS: readonly Row[] = [
  ["any-eku-leaf::client", { accepts: true, error: null }, "Leaf EKU is anyExtendedKeyUsage only"],
  ["any-eku-leaf::server", { accepts: true, error: null }, "Leaf EKU is anyExtendedKeyUsage only"],
  ["ca-as-leaf::client", { accepts: true, error: null }, "The leaf has basicConstraints CA"],
  ["ca-as-leaf::server", { accepts: true, error: null }, "The leaf has basicConstraints CA"],
  ["cn-not-in-san::server", { accepts: false, error: "x509: certificate is valid for other.certscope.test, not www.certscope.test" }, "SAN other"],
  ["cn-only-ip::server", { accepts: false, error: "x509: certificate relies on legacy Common Name field, use SANs instead" }, "No SAN, CN=127"],
  ["cn-only::client", { accepts: true, error: null }, "Client certificate without SAN (CN only), the normal shape of many client certificates"],
  ["cn-only::server", { accepts: false, error: "x509: certificate relies on legacy Common Name field, use SANs instead" }, "No SAN, CN=www"],
  ["crl-present-not-revoked::client", { accepts: true, error: null }, "CRLs from the intermediate and the root, nothing revoked"],
  ["crl-present-not-revoked::server", { accepts: true, error: null }, "CRLs from the intermediate and the root, nothing revoked"],
  ["duplicate-extension::client", { accepts: false, error: "x509: certificate contains duplicate extensions" }, "Leaf with two identical subjectAltName extensions (forbidden by RFC 5280"],
  ["duplicate-extension::server", { accepts: false, error: "x509: certificate contains duplicate extensions" }, "Leaf with two identical subjectAltName extensions (forbidden by RFC 5280"],
  ["ed25519-leaf::client", { accepts: true, error: null }, "Ed25519 leaf key under an RSA chain"],
  ["ed25519-leaf::server", { accepts: true, error: null }, "Ed25519 leaf key under an RSA chain"],
  ["eku-client-only::client", { accepts: true, error: null }, "Leaf EKU clientAuth only, judged as a client"],
  ["eku-client-only::server", { accepts: false, error: "x509: certificate specifies an incompatible key usage" }, "Leaf EKU clientAuth only, judged as a server"],
  ["eku-codesigning-only::client", { accepts: false, error: "x509: certificate specifies an incompatible key usage" }, "Leaf EKU codeSigning only"],
  ["eku-codesigning-only::server", { accepts: false, error: "x509: certificate specifies an incompatible key usage" }, "Leaf EKU codeSigning only"],
  ["eku-server-only::client", { accepts: false, error: "x509: certificate specifies an incompatible key usage" }, "Leaf EKU serverAuth only reused as a client certificate (the post-2026 public-CA renewal b"],
  ["eku-server-only::server", { accepts: true, error: null }, "Leaf EKU serverAuth only (the shape of public certificates after the 2026 clientAuth sunse"],
  ["expired-intermediate::client", { accepts: false, error: "x509: certificate has expired or is not yet valid: current time 2026-06-01T00:00:00Z is after 2026-03-01T00:00:00Z" }, "Intermediate expired on 2026-03-01 while the leaf is valid"],
  ["expired-intermediate::server", { accepts: false, error: "x509: certificate has expired or is not yet valid: current time 2026-06-01T00:00:00Z is after 2026-03-01T00:00:00Z" }, "Intermediate expired on 2026-03-01 while the leaf is valid"],
  ["expired-leaf::client", { accepts: false, error: "x509: certificate has expired or is not yet valid: current time 2026-06-01T00:00:00Z is after 2026-03-01T00:00:00Z" }, "Leaf expired on 2026-03-01 (before both evaluation dates)"],
  ["expired-leaf::server", { accepts: false, error: "x509: certificate has expired or is not yet valid: current time 2026-06-01T00:00:00Z is after 2026-03-01T00:00:00Z" }, "Leaf expired on 2026-03-01 (before both evaluation dates)"],
  ["good-ec::client", { accepts: true, error: null }, "Baseline with P-256 keys and ECDSA-SHA256 signatures at every level"],
  ["good-ec::server", { accepts: true, error: null }, "Baseline with P-256 keys and ECDSA-SHA256 signatures at every level"],
  ["good-no-intermediate::client", { accepts: true, error: null }, "Baseline with the leaf issued directly by the root (no intermediate)"],
  ["good-no-intermediate::server", { accepts: true, error: null }, "Baseline with the leaf issued directly by the root (no intermediate)"],
  ["good::client", { accepts: true, error: null }, "Baseline"],
  ["good::server", { accepts: true, error: null }, "Baseline"],
  ["idn::server", { accepts: true, error: null }, "IDN A-label SAN xn--bcher-kva"],
  ["int-eku-any::client", { accepts: true, error: null }, "Intermediate EKU anyExtendedKeyUsage only"],
  ["int-eku-any::server", { accepts: true, error: null }, "Intermediate EKU anyExtendedKeyUsage only"],
  ["int-eku-codesigning::client", { accepts: false, error: "x509: certificate specifies an incompatible key usage" }, "Intermediate EKU codeSigning only"],
  ["int-eku-codesigning::server", { accepts: false, error: "x509: certificate specifies an incompatible key usage" }, "Intermediate EKU codeSigning only"],
  ["int-eku-server-only::client", { accepts: false, error: "x509: certificate specifies an incompatible key usage" }, "Intermediate restricted to EKU serverAuth, client role"],
  ["int-eku-server-only::server", { accepts: true, error: null }, "Intermediate restricted to EKU serverAuth, leaf serverAuth+clientAuth, server role"],
  ["ip-san::server", { accepts: true, error: null }, "SAN iPAddress 127"],
  ["ipv6-san::server", { accepts: true, error: null }, "SAN iPAddress "],
  ["issuer-not-ca::client", { accepts: false, error: "x509: certificate signed by unknown authority (possibly because of \"x509: invalid signature: parent certificate cannot sign this kind of certificate\" while trying to verify candidate authority certificate \"issuer-not-ca Intermediate CA\")" }, "The intermediate has keyCertSign but no basicConstraints extension, so it is not a CA"],
  ["issuer-not-ca::server", { accepts: false, error: "x509: certificate signed by unknown authority (possibly because of \"x509: invalid signature: parent certificate cannot sign this kind of certificate\" while trying to verify candidate authority certificate \"issuer-not-ca Intermediate CA\")" }, "The intermediate has keyCertSign but no basicConstraints extension, so it is not a CA"],
  ["ku-no-digital-signature-ec::client", { accepts: true, error: null }, "EC leaf with keyUsage keyAgreement only (cannot sign the handshake)"],
  ["ku-no-digital-signature-ec::server", { accepts: true, error: null }, "EC leaf with keyUsage keyAgreement only (cannot sign the handshake)"],
  ["ku-rsa-key-encipherment-only::client", { accepts: true, error: null }, "RSA client leaf with keyUsage keyEncipherment only"],
  ["ku-rsa-key-encipherment-only::server", { accepts: true, error: null }, "RSA leaf with keyUsage keyEncipherment only"],
  ["leaf-self-signed::client", { accepts: true, error: null }, "A self-signed end-entity certificate (no basicConstraints) trusted directly as the only ro"],
  ["leaf-self-signed::server", { accepts: true, error: null }, "A self-signed end-entity certificate (no basicConstraints) trusted directly as the only ro"],
  ["missing-intermediate-aia::client", { accepts: false, error: "x509: certificate signed by unknown authority" }, "A client sends only its leaf"],
  ["missing-intermediate-aia::server", { accepts: false, error: "x509: certificate signed by unknown authority" }, "Only the leaf is sent (int"],
  ["missing-intermediate-no-aia::client", { accepts: false, error: "x509: certificate signed by unknown authority" }, "Only the leaf is sent and it has no AIA (int"],
  ["missing-intermediate-no-aia::server", { accepts: false, error: "x509: certificate signed by unknown authority" }, "Only the leaf is sent and it has no AIA (int"],
  ["nc-cn-not-hostname::client", { accepts: true, error: null }, "Client leaf without SAN, CN='Alice Example' (not a host name) under a DNS constraint"],
  ["nc-cn-only-under-dns-constraint::client", { accepts: true, error: null }, "No SAN, CN=www"],
  ["nc-cn-only-under-dns-constraint::server", { accepts: false, error: "x509: certificate relies on legacy Common Name field, use SANs instead" }, "No SAN, CN=www"],
  ["nc-dirname-permitted-violation::client", { accepts: false, error: "x509: unhandled critical extension" }, "Intermediate permits only directory names under O=Other Org, leaf subject O=Certscope Test"],
  ["nc-dirname-permitted-violation::server", { accepts: false, error: "x509: unhandled critical extension" }, "Intermediate permits only directory names under O=Other Org, leaf subject O=Certscope Test"],
  ["nc-dns-excluded::client", { accepts: false, error: "x509: a root or intermediate certificate is not authorized to sign for this name: DNS name \"www.certscope.test\" is excluded by constraint \"certscope.test\"" }, "Intermediate excludes DNS certscope"],
  ["nc-dns-excluded::server", { accepts: false, error: "x509: a root or intermediate certificate is not authorized to sign for this name: DNS name \"www.certscope.test\" is excluded by constraint \"certscope.test\"" }, "Intermediate excludes DNS certscope"],
  ["nc-dns-permitted-no-dot::client", { accepts: true, error: null }, "Intermediate permits DNS certscope"],
  ["nc-dns-permitted-no-dot::server", { accepts: true, error: null }, "Intermediate permits DNS certscope"],
  ["nc-dns-permitted-ok::client", { accepts: true, error: null }, "Intermediate permits DNS "],
  ["nc-dns-permitted-ok::server", { accepts: true, error: null }, "Intermediate permits DNS "],
  ["nc-dns-permitted-violation::client", { accepts: false, error: "x509: a root or intermediate certificate is not authorized to sign for this name: DNS name \"www.certscope.test\" is not permitted by any constraint" }, "Intermediate permits only DNS "],
  ["nc-dns-permitted-violation::server", { accepts: false, error: "x509: a root or intermediate certificate is not authorized to sign for this name: DNS name \"www.certscope.test\" is not permitted by any constraint" }, "Intermediate permits only DNS "],
  ["nc-email-permitted::client", { accepts: false, error: "x509: a root or intermediate certificate is not authorized to sign for this name: email address \"alice@evil.test\" is not permitted by any constraint" }, "Intermediate permits only email at certscope"],
  ["nc-email-permitted::server", { accepts: false, error: "x509: a root or intermediate certificate is not authorized to sign for this name: email address \"alice@evil.test\" is not permitted by any constraint" }, "Intermediate permits only email at certscope"],
  ["nc-email-subject-with-san::client", { accepts: true, error: null }, "Email constraint certscope"],
  ["nc-email-subject-with-san::server", { accepts: true, error: null }, "Email constraint certscope"],
  ["nc-excluded-all-dns::client", { accepts: false, error: "x509: a root or intermediate certificate is not authorized to sign for this name: DNS name \"www.certscope.test\" is excluded by constraint \"\"" }, "Intermediate excludes the empty DNS base (every DNS name), leaf www"],
  ["nc-excluded-all-dns::server", { accepts: false, error: "x509: a root or intermediate certificate is not authorized to sign for this name: DNS name \"www.certscope.test\" is excluded by constraint \"\"" }, "Intermediate excludes the empty DNS base (every DNS name), leaf www"],
  ["nc-ip-permitted-violation::client", { accepts: false, error: "x509: a root or intermediate certificate is not authorized to sign for this name: IP address \"127.0.0.1\" is not permitted by any constraint" }, "Intermediate permits only IP 10"],
  ["nc-ip-permitted-violation::server", { accepts: false, error: "x509: a root or intermediate certificate is not authorized to sign for this name: IP address \"127.0.0.1\" is not permitted by any constraint" }, "Intermediate permits only IP 10"],
  ["nc-ip-v4-mapped-ipv6::client", { accepts: true, error: null }, "Intermediate excludes IPv4 127"],
  ["nc-ip-v4-mapped-ipv6::server", { accepts: true, error: null }, "Intermediate excludes IPv4 127"],
  ["nc-smtputf8::client", { accepts: true, error: null }, "Intermediate excludes email certscope"],
  ["nc-smtputf8::server", { accepts: true, error: null }, "Intermediate excludes email certscope"],
  ["nc-unsupported-form-critical::client", { accepts: false, error: "x509: unhandled critical extension" }, "Critical nameConstraints whose only subtree is a registeredID"],
  ["nc-unsupported-form-critical::server", { accepts: false, error: "x509: unhandled critical extension" }, "Critical nameConstraints whose only subtree is a registeredID"],
  ["nc-uri-ip-host::client", { accepts: false, error: "x509: a root or intermediate certificate is not authorized to sign for this name: URI with IP (\"https://127.0.0.1/\") cannot be matched against constraints" }, "URI constraint "],
  ["nc-uri-ip-host::server", { accepts: false, error: "x509: a root or intermediate certificate is not authorized to sign for this name: URI with IP (\"https://127.0.0.1/\") cannot be matched against constraints" }, "URI constraint "],
  ["nc-uri-permitted::client", { accepts: false, error: "x509: a root or intermediate certificate is not authorized to sign for this name: URI \"https://evil.test/\" is not permitted by any constraint" }, "Intermediate permits URI hosts under "],
  ["nc-uri-permitted::server", { accepts: false, error: "x509: a root or intermediate certificate is not authorized to sign for this name: URI \"https://evil.test/\" is not permitted by any constraint" }, "Intermediate permits URI hosts under "],
  ["nc-wildcard-vs-excluded::client", { accepts: true, error: null }, "Intermediate excludes www"],
  ["nc-wildcard-vs-excluded::server", { accepts: true, error: null }, "Intermediate excludes www"],
  ["no-eku-leaf::client", { accepts: true, error: null }, "Leaf without EKU extension (any purpose per RFC 5280)"],
  ["no-eku-leaf::server", { accepts: true, error: null }, "Leaf without EKU extension (any purpose per RFC 5280)"],
  ["not-yet-valid-leaf::client", { accepts: false, error: "x509: certificate has expired or is not yet valid: current time 2026-06-01T00:00:00Z is before 2027-06-01T00:00:00Z" }, "Leaf valid only from 2027-06-01 (after both evaluation dates)"],
  ["not-yet-valid-leaf::server", { accepts: false, error: "x509: certificate has expired or is not yet valid: current time 2026-06-01T00:00:00Z is before 2027-06-01T00:00:00Z" }, "Leaf valid only from 2027-06-01 (after both evaluation dates)"],
  ["p521-leaf::client", { accepts: true, error: null }, "P-521 leaf key under an RSA chain"],
  ["p521-leaf::server", { accepts: true, error: null }, "P-521 leaf key under an RSA chain"],
  ["path-len-exceeded::client", { accepts: false, error: "x509: too many intermediates for path length constraint" }, "root -> int (pathlen"],
  ["path-len-exceeded::server", { accepts: false, error: "x509: too many intermediates for path length constraint" }, "root -> int (pathlen"],
  ["revoked-intermediate::client", { accepts: true, error: null }, "The root's CRL lists the intermediate, the intermediate's CRL is empty"],
  ["revoked-intermediate::server", { accepts: true, error: null }, "The root's CRL lists the intermediate, the intermediate's CRL is empty"],
  ["revoked-leaf::client", { accepts: true, error: null }, "The intermediate's CRL lists the leaf (keyCompromise, 2026-04-15), the root's CRL is empty"],
  ["revoked-leaf::server", { accepts: true, error: null }, "The intermediate's CRL lists the leaf (keyCompromise, 2026-04-15), the root's CRL is empty"],
  ["root-eku-codesigning::client", { accepts: false, error: "x509: certificate specifies an incompatible key usage" }, "Trust anchor carrying EKU codeSigning only"],
  ["root-eku-codesigning::server", { accepts: false, error: "x509: certificate specifies an incompatible key usage" }, "Trust anchor carrying EKU codeSigning only"],
  ["root-eku-server-only::client", { accepts: false, error: "x509: certificate specifies an incompatible key usage" }, "Trust anchor carrying EKU serverAuth, client role"],
  ["root-eku-server-only::server", { accepts: true, error: null }, "Trust anchor carrying EKU serverAuth, server role"],
  ["sha1-intermediate::client", { accepts: false, error: "x509: certificate signed by unknown authority (possibly because of \"x509: cannot verify signature: insecure algorithm SHA1-RSA (temporarily override with GODEBUG=x509sha1=1)\" while trying to verify candidate authority certificate \"sha1-intermediate Root CA\")" }, "Intermediate signed by the root with SHA-1"],
  ["sha1-intermediate::server", { accepts: false, error: "x509: certificate signed by unknown authority (possibly because of \"x509: cannot verify signature: insecure algorithm SHA1-RSA (temporarily override with GODEBUG=x509sha1=1)\" while trying to verify candidate authority certificate \"sha1-intermediate Root CA\")" }, "Intermediate signed by the root with SHA-1"],
  ["sha1-leaf::client", { accepts: false, error: "x509: certificate signed by unknown authority (possibly because of \"x509: cannot verify signature: insecure algorithm SHA1-RSA (temporarily override with GODEBUG=x509sha1=1)\" while trying to verify candidate authority certificate \"sha1-leaf Intermediate CA\")" }, "Leaf signed with SHA-1 (sha1WithRSAEncryption)"],
  ["sha1-leaf::server", { accepts: false, error: "x509: certificate signed by unknown authority (possibly because of \"x509: cannot verify signature: insecure algorithm SHA1-RSA (temporarily override with GODEBUG=x509sha1=1)\" while trying to verify candidate authority certificate \"sha1-leaf Intermediate CA\")" }, "Leaf signed with SHA-1 (sha1WithRSAEncryption)"],
  ["underscore-dns::server", { accepts: true, error: null }, "SAN and host a_b"],
  ["unknown-critical-intermediate::client", { accepts: false, error: "x509: unhandled critical extension" }, "Intermediate carries an unknown critical extension"],
  ["unknown-critical-intermediate::server", { accepts: false, error: "x509: unhandled critical extension" }, "Intermediate carries an unknown critical extension"],
  ["unknown-critical-leaf::client", { accepts: false, error: "x509: unhandled critical extension" }, "Leaf carries an unknown critical extension (1"],
  ["unknown-critical-leaf::server", { accepts: false, error: "x509: unhandled critical extension" }, "Leaf carries an unknown critical extension (1"],
  ["unknown-critical-root::client", { accepts: false, error: "x509: unhandled critical extension" }, "Trust anchor carries an unknown critical extension"],
  ["unknown-critical-root::server", { accepts: false, error: "x509: unhandled critical extension" }, "Trust anchor carries an unknown critical extension"],
  ["v1-intermediate::client", { accepts: false, error: "x509: certificate is not authorized to sign other certificates" }, "Version 1 intermediate (no extensions at all)"],
  ["v1-intermediate::server", { accepts: false, error: "x509: certificate is not authorized to sign other certificates" }, "Version 1 intermediate (no extensions at all)"],
  ["weak-intermediate-rsa1024::client", { accepts: true, error: null }, "Intermediate key RSA 1024"],
  ["weak-intermediate-rsa1024::server", { accepts: true, error: null }, "Intermediate key RSA 1024"],
  ["weak-leaf-rsa1024::client", { accepts: true, error: null }, "Leaf key RSA 1024"],
  ["weak-leaf-rsa1024::server", { accepts: true, error: null }, "Leaf key RSA 1024"],
  ["weak-root-rsa1024::client", { accepts: true, error: null }, "Trust anchor key RSA 1024"],
  ["weak-root-rsa1024::server", { accepts: true, error: null }, "Trust anchor key RSA 1024"],
  ["wildcard-leaf::server", { accepts: true, error: null }, "SAN *"],
  ["wildcard-partial::server", { accepts: false, error: "x509: certificate is valid for w*.certscope.test, not www.certscope.test" }, "Partial wildcard SAN w*"],
];

describe("go model: fixture cases as Go 1.19 answered them", () => {
  it.each(ROWS.map(([id, expected, why]) => [`${id}: ${why}`, id, expected] as const))("%s", async (_name, id, expected) => {
    const c = CASES.get(id);
    expect(c, id).toBeDefined();
    if (c) expect(await goAnswer(c)).toEqual(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// Malformed-but-present extensions (test/fixtures/verifier-malformed, make.ts): chains valid in
// every way but one extension, and what Go 1.19.8 answered in the lab.
// ---------------------------------------------------------------------------------------------

const MALFORMED_ROWS: readonly MalformedRow[] = [
  ["control::server", { accepts: true, error: null }],
  ["control::client", { accepts: true, error: null }],
  ["san-trailing-after::server", { accepts: true, error: null }],
  ["san-trailing-after::client", { accepts: true, error: null }],
  ["san-trailing-inside::server", { accepts: true, error: null }],
  ["san-trailing-inside::client", { accepts: true, error: null }],
  ["san-empty::server", { accepts: false, error: "x509: certificate is not valid for any names, but wanted to match www.certscope.test" }],
  ["san-empty::client", { accepts: true, error: null }],
  ["san-non-ascii-dns::server", { accepts: false, error: "x509: SAN dNSName is malformed" }],
  ["san-non-ascii-dns::client", { accepts: false, error: "x509: SAN dNSName is malformed" }],
  ["san-ip-8-octets::server", { accepts: false, error: "x509: cannot parse IP address of length 8" }],
  ["san-ip-8-octets::client", { accepts: false, error: "x509: cannot parse IP address of length 8" }],
  ["san-critical-false-encoded::server", { accepts: true, error: null }],
  ["san-critical-false-encoded::client", { accepts: true, error: null }],
  ["int-bc-negative-pathlen::server", { accepts: true, error: null }],
  ["int-bc-negative-pathlen::client", { accepts: true, error: null }],
  ["int-bc-pathlen-256::server", { accepts: true, error: null }],
  ["int-bc-pathlen-256::client", { accepts: true, error: null }],
  ["int-bc-pathlen-non-minimal::server", { accepts: false, error: "x509: invalid basic constraints c" }],
  ["int-bc-pathlen-non-minimal::client", { accepts: false, error: "x509: invalid basic constraints c" }],
  ["int-bc-true-01::server", { accepts: false, error: "x509: invalid basic constraints b" }],
  ["int-bc-true-01::client", { accepts: false, error: "x509: invalid basic constraints b" }],
  ["leaf-bc-false-encoded::server", { accepts: true, error: null }],
  ["leaf-bc-false-encoded::client", { accepts: true, error: null }],
  ["ku-undefined-bit::server", { accepts: true, error: null }],
  ["ku-undefined-bit::client", { accepts: true, error: null }],
  ["ku-unused-bits-set::server", { accepts: false, error: "x509: invalid key usage" }],
  ["ku-unused-bits-set::client", { accepts: false, error: "x509: invalid key usage" }],
  ["ku-trailing-zero-octet::server", { accepts: true, error: null }],
  ["ku-trailing-zero-octet::client", { accepts: true, error: null }],
  ["int-ku-trailing-bytes::server", { accepts: true, error: null }],
  ["int-ku-trailing-bytes::client", { accepts: true, error: null }],
  ["eku-trailing-after::server", { accepts: true, error: null }],
  ["eku-trailing-after::client", { accepts: true, error: null }],
  ["aki-octet-string::server", { accepts: false, error: "x509: invalid authority key identifier" }],
  ["aki-octet-string::client", { accepts: false, error: "x509: invalid authority key identifier" }],
  ["duplicate-ski::server", { accepts: false, error: "x509: certificate contains duplicate extensions" }],
  ["duplicate-ski::client", { accepts: false, error: "x509: certificate contains duplicate extensions" }],
  ["unknown-critical::server", { accepts: false, error: "x509: unhandled critical extension" }],
  ["unknown-critical::client", { accepts: false, error: "x509: unhandled critical extension" }],
];

describeMalformedRows('go', 'go model: malformed-but-present extensions as Go 1.19.8 answered them', MALFORMED_ROWS);
