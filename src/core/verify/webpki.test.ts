/**
 * The webpki model against what pyca/cryptography 50.0.2 (`cryptography.x509.verification`)
 * printed in the lab (`npm run lab -- --verifiers webpki`): each row is a case, the real
 * verifier's answer (accepts, and the exact `str(VerificationError)` or exception text), and why
 * the row is there. Fixture cases come from test/fixtures/verifier; limbo cases from the shared
 * x509-limbo corpus (skipped with a note when it is absent).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { answerPemCase } from './pem-case';
import { describeMalformedRows, type MalformedRow } from './testing/malformed-table';

interface Expected {
  readonly accepts: boolean;
  readonly error: string | null;
}
type Row = readonly [id: string, expected: Expected, why: string];

interface Case {
  readonly role: 'server' | 'client';
  readonly leaf: string;
  readonly intermediates: readonly string[];
  readonly roots: readonly string[];
  readonly crls: readonly string[];
  readonly at: string;
  readonly host: { readonly kind: string; readonly value: string } | null;
  readonly maxDepth: number | null;
}

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const LIMBO = fileURLToPath(new URL('../../../../shared/corpus/x509-limbo/limbo-2023-12-02.json', import.meta.url));

async function answer(c: Case): Promise<Expected> {
  const a = await answerPemCase(c, 'webpki');
  if ('unreadable' in a) throw new Error(a.unreadable);
  // A refusal names its reasons and a fix; an acceptance has neither.
  if (a.accepts) expect([a.codes, a.fix]).toEqual([[], null]);
  else expect(a.codes.length > 0 && a.fix !== null).toBe(true);
  return { accepts: a.accepts, error: a.error };
}

const FIXTURE_ROWS: readonly Row[] = [
  ["good::server", {"accepts": true, "error": null}, "baseline chain, server"],
  ["good::client", {"accepts": true, "error": null}, "baseline chain, client"],
  ["good-no-intermediate::server", {"accepts": true, "error": null}, "leaf issued by the root"],
  ["missing-intermediate-aia::server", {"accepts": false, "error": "validation failed: candidates exhausted: all candidates exhausted with no interior errors"}, "no issuer: webpki never fetches AIA"],
  ["cn-only::server", {"accepts": false, "error": "validation failed: missing required extension: leaf server certificate has no subjectAltName (encountered processing <Certificate(subject=<Name(CN=www.certscope.test,O=Certscope Test)>, ...)>)"}, "server: SAN required before anything else"],
  ["cn-only::client", {"accepts": false, "error": "validation failed: invalid extension: 2.5.29.17: Certificate is missing required extension (encountered processing <Certificate(subject=<Name(CN=www.certscope.test,O=Certscope Test)>, ...)>)"}, "client: SAN required by the EE extension policy"],
  ["cn-not-in-san::server", {"accepts": false, "error": "validation failed: leaf certificate has no matching subjectAltName (encountered processing <Certificate(subject=<Name(CN=www.certscope.test,O=Certscope Test)>, ...)>)"}, "no Common Name fallback"],
  ["cn-only-ip::server", {"accepts": false, "error": "validation failed: missing required extension: leaf server certificate has no subjectAltName (encountered processing <Certificate(subject=<Name(CN=127.0.0.1,O=Certscope Test)>, ...)>)"}, "IP host, no SAN"],
  ["any-eku-leaf::server", {"accepts": false, "error": "validation failed: required EKU not found (encountered processing <Certificate(subject=<Name(CN=www.certscope.test,O=Certscope Test)>, ...)>)"}, "anyExtendedKeyUsage does not stand for serverAuth on a leaf"],
  ["any-eku-leaf::client", {"accepts": false, "error": "validation failed: required EKU not found (encountered processing <Certificate(subject=<Name(CN=www.certscope.test,O=Certscope Test)>, ...)>)"}, "nor for clientAuth"],
  ["no-eku-leaf::server", {"accepts": true, "error": null}, "no EKU extension: any purpose"],
  ["eku-client-only::server", {"accepts": false, "error": "validation failed: required EKU not found (encountered processing <Certificate(subject=<Name(CN=www.certscope.test,O=Certscope Test)>, ...)>)"}, "clientAuth-only leaf judged as a server"],
  ["eku-client-only::client", {"accepts": true, "error": null}, "clientAuth-only leaf judged as a client"],
  ["eku-server-only::client", {"accepts": false, "error": "validation failed: required EKU not found (encountered processing <Certificate(subject=<Name(CN=www.certscope.test,O=Certscope Test)>, ...)>)"}, "serverAuth-only leaf reused as a client certificate"],
  ["int-eku-server-only::client", {"accepts": false, "error": "validation failed: candidates exhausted: Neither EKU nor anyEKU could be found"}, "CA EKU without the role"],
  ["int-eku-any::client", {"accepts": true, "error": null}, "CA EKU anyExtendedKeyUsage is accepted"],
  ["root-eku-codesigning::server", {"accepts": false, "error": "validation failed: candidates exhausted: Neither EKU nor anyEKU could be found"}, "the anchor is checked as a CA too"],
  ["unknown-critical-leaf::server", {"accepts": false, "error": "validation failed: invalid extension: 1.3.6.1.4.1.55555.1: certificate contains unaccounted-for critical extensions (encountered processing <Certificate(subject=<Name(CN=www.certscope.test,O=Certscope Test)>, ...)>)"}, "unknown critical extension on the leaf"],
  ["unknown-critical-intermediate::server", {"accepts": false, "error": "validation failed: candidates exhausted: invalid extension: 1.3.6.1.4.1.55555.1: certificate contains unaccounted-for critical extensions"}, "unknown critical extension on a CA"],
  ["unknown-critical-root::client", {"accepts": false, "error": "validation failed: candidates exhausted: invalid extension: 1.3.6.1.4.1.55555.1: certificate contains unaccounted-for critical extensions"}, "unknown critical extension on the anchor"],
  ["revoked-leaf::server", {"accepts": true, "error": null}, "CRLs are not consulted"],
  ["weak-intermediate-rsa1024::server", {"accepts": false, "error": "validation failed: candidates exhausted: RSA key is too weak"}, "RSA issuer key under 2048 bits"],
  ["weak-leaf-rsa1024::server", {"accepts": true, "error": null}, "leaf keys are not size-checked"],
  ["weak-root-rsa1024::client", {"accepts": false, "error": "validation failed: candidates exhausted: RSA key is too weak"}, "anchor keys are checked as issuers"],
  ["sha1-leaf::server", {"accepts": false, "error": "validation failed: candidates exhausted: Forbidden signature algorithm: AlgorithmIdentifier { oid: DefinedByMarker(PhantomData<asn1::object_identifier::ObjectIdentifier>), params: RsaWithSha1(Some(())) }"}, "SHA-1 signature, Rust Debug of the AlgorithmIdentifier"],
  ["sha1-intermediate::client", {"accepts": false, "error": "validation failed: candidates exhausted: Forbidden signature algorithm: AlgorithmIdentifier { oid: DefinedByMarker(PhantomData<asn1::object_identifier::ObjectIdentifier>), params: RsaWithSha1(Some(())) }"}, "SHA-1 on the intermediate"],
  ["expired-leaf::server", {"accepts": false, "error": "validation failed: cert is not valid at validation time (encountered processing <Certificate(subject=<Name(CN=www.certscope.test,O=Certscope Test)>, ...)>)"}, "leaf outside its validity, with the certificate repr"],
  ["not-yet-valid-leaf::client", {"accepts": false, "error": "validation failed: cert is not valid at validation time (encountered processing <Certificate(subject=<Name(CN=www.certscope.test,O=Certscope Test)>, ...)>)"}, "leaf not yet valid"],
  ["expired-intermediate::server", {"accepts": false, "error": "validation failed: candidates exhausted: cert is not valid at validation time"}, "expired CA, no certificate repr"],
  ["path-len-exceeded::server", {"accepts": false, "error": "validation failed: candidates exhausted: path length constraint violated"}, "pathLenConstraint"],
  ["issuer-not-ca::server", {"accepts": false, "error": "validation failed: candidates exhausted: invalid extension: 2.5.29.19: missing required extension: CA certificate has no basicConstraints"}, "CA without basicConstraints"],
  ["ku-no-digital-signature-ec::server", {"accepts": true, "error": null}, "digitalSignature is not required"],
  ["ca-as-leaf::server", {"accepts": false, "error": "validation failed: basicConstraints.cA must not be asserted in an EE certificate (encountered processing <Certificate(subject=<Name(CN=www.certscope.test,O=Certscope Test)>, ...)>)"}, "cA=TRUE on the leaf"],
  ["leaf-self-signed::server", {"accepts": true, "error": null}, "leaf trusted directly"],
  ["ed25519-leaf::server", {"accepts": true, "error": null}, "leaf key algorithms are not restricted"],
  ["v1-intermediate::server", {"accepts": false, "error": "validation failed: candidates exhausted: certificate must be an X509v3 certificate"}, "v1 CA"],
  ["duplicate-extension::client", {"accepts": false, "error": "validation failed: invalid extension: 2.5.29.17: duplicate extension"}, "duplicate extension, before the EE checks (no repr)"],
  ["underscore-dns::server", {"accepts": false, "error": "invalid domain name"}, "underscore host: invalid domain name from build_server_verifier"],
  ["wildcard-leaf::server", {"accepts": true, "error": null}, "left-most wildcard"],
  ["wildcard-partial::server", {"accepts": false, "error": "validation failed: leaf certificate has no matching subjectAltName (encountered processing <Certificate(subject=<Name(CN=www.certscope.test,O=Certscope Test)>, ...)>)"}, "partial wildcard never matches"],
  ["idn::server", {"accepts": true, "error": null}, "A-label SAN and host"],
  ["ip-san::server", {"accepts": true, "error": null}, "IPv4 SAN"],
  ["ipv6-san::server", {"accepts": true, "error": null}, "IPv6 SAN"],
  ["nc-dns-permitted-ok::server", {"accepts": false, "error": "validation failed: candidates exhausted: malformed DNS name constraint: .certscope.test"}, "leading-dot DNS constraint is malformed for pyca"],
  ["nc-dns-permitted-no-dot::client", {"accepts": true, "error": null}, "RFC 5280 DNS constraint"],
  ["nc-dns-excluded::server", {"accepts": false, "error": "validation failed: candidates exhausted: excluded name constraint matched SAN"}, "excluded DNS subtree"],
  ["nc-wildcard-vs-excluded::server", {"accepts": false, "error": "validation failed: candidates exhausted: excluded name constraint matched SAN"}, "wildcard SAN overlapping an excluded name"],
  ["nc-cn-only-under-dns-constraint::client", {"accepts": false, "error": "validation failed: invalid extension: 2.5.29.17: Certificate is missing required extension (encountered processing <Certificate(subject=<Name(CN=www.evil.test,O=Certscope Test)>, ...)>)"}, "SAN missing comes first"],
  ["nc-ip-permitted-violation::server", {"accepts": false, "error": "validation failed: candidates exhausted: no permitted name constraints matched SAN"}, "IP outside the permitted range"],
  ["nc-ip-v4-mapped-ipv6::server", {"accepts": true, "error": null}, "v4-mapped IPv6 SAN is not an IPv4 address"],
  ["nc-email-permitted::client", {"accepts": false, "error": "validation failed: candidates exhausted: no permitted name constraints matched SAN"}, "email constraint"],
  ["nc-smtputf8::client", {"accepts": true, "error": null}, "otherName SAN is skipped by an rfc822 constraint"],
  ["nc-uri-permitted::server", {"accepts": false, "error": "validation failed: candidates exhausted: unsupported name constraint"}, "URI constraint with a URI SAN: unsupported"],
  ["nc-dirname-permitted-violation::server", {"accepts": false, "error": "validation failed: fatal error: critical nameConstraints extension contains an unsupported directoryName constraint"}, "critical directoryName constraint: fatal"],
  ["nc-unsupported-form-critical::server", {"accepts": true, "error": null}, "registeredID constraint, no registeredID SAN: skipped"],
  ["nc-excluded-all-dns::server", {"accepts": false, "error": "validation failed: candidates exhausted: malformed DNS name constraint: "}, "empty DNS constraint is malformed"],
];

const LIMBO_ROWS: readonly Row[] = [
  ["pathlen::max-chain-depth-0-exhausted", {"accepts": false, "error": "validation failed: candidates exhausted: chain construction exceeds max depth"}, "max_chain_depth(0)"],
  ["pathlen::max-chain-depth-1", {"accepts": true, "error": null}, "max_chain_depth(1) with one intermediate"],
  ["pathlen::self-issued-certs-pathlen", {"accepts": false, "error": "validation failed: candidates exhausted: signature does not match"}, "self-issued certificates count toward depth"],
  ["pathological::intermediate-cycle-distinct-cas-max-depth", {"accepts": false, "error": "validation failed: candidates exhausted: fatal error: Exceeded maximum signature check limit"}, "signature check budget"],
  ["rfc5280::chain-untrusted-root", {"accepts": false, "error": "validation failed: candidates exhausted: chain construction exceeds max depth"}, "untrusted self-signed root sent as an intermediate"],
  ["rfc5280::aki::leaf-missing-aki", {"accepts": false, "error": "validation failed: invalid extension: 2.5.29.35: Certificate is missing required extension (encountered processing <Certificate(subject=<Name(CN=example.com)>, ...)>)"}, "leaf AKI required"],
  ["rfc5280::aki::critical-aki", {"accepts": false, "error": "validation failed: candidates exhausted: invalid extension: 2.5.29.35: Certificate extension has incorrect criticality"}, "critical AKI on a CA"],
  ["rfc5280::san::malformed", {"accepts": false, "error": "validation failed: ASN.1 parsing error: short data (needed at least 111 additional bytes) (encountered processing <Certificate(subject=<Name(CN=example.com)>, ...)>)"}, "malformed SAN: rust-asn1 short data"],
  ["rfc5280::san::noncritical-with-empty-subject", {"accepts": false, "error": "validation failed: EE subjectAltName MUST be critical when subject is empty (encountered processing <Certificate(subject=<Name()>, ...)>)"}, "empty subject needs a critical SAN"],
  ["rfc5280::serial::too-long", {"accepts": false, "error": "validation failed: certificate must have a serial between 1 and 20 octets (encountered processing <Certificate(subject=<Name(CN=example.com)>, ...)>)"}, "serial over 20 octets"],
  ["rfc5280::serial::negative", {"accepts": false, "error": "validation failed: certificate serial number cannot be negative (encountered processing <Certificate(subject=<Name(CN=gov.us,OU=Chaos,O=Extreme Discord,2.5.4.17=30062,STREET=3210 Holly Mill Run,L=Tallahassee,ST=FL,C=US)>, ...)>)"}, "negative serial, repr with escapes and dotted OIDs"],
  ["rfc5280::ee-empty-issuer", {"accepts": false, "error": "validation failed: candidates exhausted: certificate must have a non-empty Issuer"}, "empty issuer"],
  ["rfc5280::root-non-critical-basic-constraints", {"accepts": false, "error": "validation failed: candidates exhausted: invalid extension: 2.5.29.19: Certificate extension has incorrect criticality"}, "basicConstraints must be critical on a CA"],
  ["rfc5280::root-inconsistent-ca-extensions", {"accepts": false, "error": "validation failed: candidates exhausted: keyUsage.keyCertSign must be asserted in a CA certificate"}, "keyCertSign required on a CA"],
  ["rfc5280::leaf-ku-keycertsign", {"accepts": false, "error": "validation failed: EE keyUsage must not assert keyCertSign (encountered processing <Certificate(subject=<Name(CN=example.com)>, ...)>)"}, "keyCertSign on a leaf"],
  ["rfc5280::nc::invalid-ipv4-address", {"accepts": false, "error": "validation failed: candidates exhausted: malformed IP name constraints: [127, 0, 0, 1]"}, "malformed IP constraint"],
  ["rfc5280::nc::nc-permits-invalid-dns-san", {"accepts": false, "error": "validation failed: candidates exhausted: unsatisfiable DNS name constraint: malformed SAN .example.com"}, "malformed DNS SAN under a constraint"],
  ["rfc5280::nc::not-allowed-in-ee-critical", {"accepts": false, "error": "validation failed: invalid extension: 2.5.29.30: Certificate contains prohibited extension (encountered processing <Certificate(subject=<Name(CN=example.com)>, ...)>)"}, "nameConstraints on a leaf"],
  ["rfc5280::mismatching-signature-algorithm", {"accepts": false, "error": "validation failed: mismatch between signatureAlgorithm and SPKI algorithm (encountered processing <Certificate(subject=<Name(CN=cryptography.io)>, ...)>)"}, "inner and outer signature algorithms differ"],
  ["webpki::forbidden-p192-spki-leaf", {"accepts": true, "error": null}, "leaf P-192 key accepted"],
  ["webpki::forbidden-signature-algorithm-in-root", {"accepts": false, "error": "validation failed: candidates exhausted: Forbidden public key algorithm: AlgorithmIdentifier { oid: DefinedByMarker(PhantomData<asn1::object_identifier::ObjectIdentifier>), params: Dsa(DssParams { p: BigUint { data: [0, 185, 79, 102, 228, 25, 62, 193, 22, 61, 204, 211, 172, 144, 12, 170, 159, 212, 198, 220, 224, 178, 243, 171, 170, 130, 165, 194, 142, 53, 51, 214, 73, 57, 61, 133, 58, 121, 153, 159, 138, 125, 144, 102, 119, 230, 31, 109, 143, 32, 113, 0, 114, 126, 16, 94, 219, 139, 253, 54, 15, 199, 182, 154, 91, 187, 113, 216, 208, 5, 158, 135, 89, 173, 111, 146, 29, 213, 0, 239, 116, 0, 44, 178, 176, 92, 74, 168, 82, 220, 103, 132, 179, 192, 128, 38, 216, 156, 64, 5, 7, 183, 204, 78, 79, 251, 2, 51, 242, 53, 254, 90, 44, 124, 129, 103, 134, 192, 177, 98, 16, 136, 12, 159, 175, 61, 87, 166, 67, 203, 106, 212, 192, 243, 85, 146, 157, 123, 210, 117, 213, 98, 113, 12, 88, 99, 73, 17, 208, 160, 162, 73, 115, 201, 212, 132, 113, 196, 199, 229, 81, 141, 45, 146, 105, 105, 73, 140, 231, 225, 184, 139, 238, 50, 248, 45, 184, 205, 238, 69, 159, 10, 56, 48, 133, 62, 35, 240, 40, 46, 3, 149, 198, 149, 172, 114, 112, 174, 111, 108, 91, 4, 219, 247, 226, 129, 163, 200, 32, 24, 36, 219, 132, 8, 118, 200, 48, 89, 164, 56, 38, 173, 90, 255, 177, 120, 174, 149, 99, 231, 124, 46, 178, 195, 240, 111, 105, 241, 138, 133, 18, 103, 81, 162, 180, 38, 25, 254, 168, 115, 242, 42, 90, 73, 133, 225, 123, 43, 125, 106, 100, 125, 33, 212, 145, 17, 138, 118, 11, 118, 234, 120, 23, 249, 125, 73, 91, 127, 201, 28, 107, 104, 189, 244, 228, 49, 244, 202, 85, 85, 186, 166, 214, 58, 69, 221, 27, 22, 244, 32, 191, 10, 212, 207, 72, 82, 125, 13, 239, 204, 29, 216, 116, 73, 203, 9, 241, 172, 194, 42, 69, 70, 152, 134, 4, 252, 86, 189, 208, 23, 141, 0, 48, 103, 128, 77, 194, 168, 229, 192, 194, 226, 164, 19, 255, 61, 11, 80, 216, 96, 200, 11, 130, 190, 145, 236, 118, 47, 241, 73, 55, 238, 229, 188, 27, 54, 53, 126, 109, 137, 231, 125, 24, 59, 95, 213, 122, 161, 247, 175, 93, 111, 243, 53, 149] }, q: BigUint { data: [0, 138, 34, 209, 43, 15, 165, 121, 59, 38, 90, 53, 249, 161, 216, 189, 179, 53, 71, 9, 85, 138, 205, 147, 136, 39, 249, 140, 18, 174, 88, 150, 243] }, g: BigUint { data: [0, 128, 250, 238, 3, 165, 17, 143, 150, 224, 36, 233, 238, 155, 46, 181, 36, 242, 84, 135, 1, 162, 70, 240, 197, 68, 35, 178, 99, 79, 121, 169, 117, 13, 23, 59, 176, 22, 120, 120, 205, 53, 231, 176, 193, 164, 175, 36, 150, 142, 189, 175, 47, 23, 226, 92, 92, 169, 222, 88, 162, 139, 107, 104, 24, 122, 123, 76, 161, 226, 45, 125, 139, 234, 176, 53, 112, 242, 121, 231, 115, 83, 10, 210, 215, 129, 117, 87, 159, 92, 168, 15, 34, 128, 30, 67, 233, 117, 73, 46, 255, 93, 249, 239, 9, 132, 188, 237, 42, 151, 38, 176, 162, 208, 96, 234, 93, 193, 94, 253, 37, 47, 222, 158, 122, 80, 254, 235, 105, 243, 22, 36, 255, 14, 156, 240, 122, 160, 74, 22, 66, 89, 23, 67, 195, 192, 105, 95, 169, 233, 75, 200, 49, 30, 191, 152, 104, 117, 164, 112, 209, 138, 20, 71, 227, 177, 189, 253, 26, 62, 124, 60, 140, 63, 169, 247, 237, 75, 25, 248, 133, 194, 207, 112, 40, 213, 174, 226, 3, 100, 128, 157, 66, 137, 189, 216, 122, 209, 173, 23, 166, 151, 2, 237, 165, 59, 39, 124, 139, 236, 155, 127, 184, 41, 155, 187, 24, 248, 19, 246, 35, 47, 63, 239, 210, 166, 140, 186, 66, 250, 214, 147, 152, 13, 234, 163, 165, 188, 242, 7, 39, 139, 188, 95, 7, 11, 159, 23, 172, 188, 53, 80, 34, 79, 47, 114, 254, 226, 59, 116, 55, 44, 42, 247, 89, 42, 65, 235, 172, 245, 114, 31, 134, 58, 148, 13, 173, 75, 172, 203, 61, 72, 220, 200, 174, 29, 252, 221, 183, 212, 3, 208, 79, 184, 48, 182, 91, 207, 146, 188, 96, 230, 98, 105, 49, 140, 48, 120, 108, 248, 138, 65, 157, 93, 1, 206, 65, 70, 64, 145, 53, 162, 227, 169, 207, 218, 96, 179, 209, 166, 117, 180, 160, 240, 63, 245, 154, 112, 42, 93, 59, 99, 207, 67, 95, 230, 99, 228, 230, 19, 154, 190, 111, 170, 109, 81, 111, 71, 137, 78, 71, 11, 104, 174, 210, 185, 1, 235, 231, 244, 20, 4, 119, 228, 213, 42, 195, 202, 236, 118, 185, 193, 217, 56, 32] } }) }"}, "DSA anchor: Forbidden public key algorithm"],
  ["webpki::v1-cert", {"accepts": false, "error": "validation failed: certificate must be an X509v3 certificate (encountered processing <Certificate(subject=<Name(CN=example.com)>, ...)>)"}, "v1 leaf"],
  ["webpki::aki::root-with-aki-missing-keyidentifier", {"accepts": false, "error": "validation failed: candidates exhausted: authorityKeyIdentifier must contain keyIdentifier"}, "AKI without keyIdentifier on a CA"],
  ["webpki::nc::intermediate-permitted-excluded-subtrees-both-null", {"accepts": false, "error": "validation failed: candidates exhausted: nameConstraints must have non-empty permittedSubtrees or excludedSubtrees"}, "empty nameConstraints"],
  ["webpki::san::public-suffix-wildcard-san", {"accepts": true, "error": null}, "wildcard over a public suffix"],
  ["webpki::eku::ee-critical-eku", {"accepts": false, "error": "validation failed: invalid extension: 2.5.29.37: Certificate extension has incorrect criticality (encountered processing <Certificate(subject=<Name(CN=example.com)>, ...)>)"}, "critical EKU on a leaf"],
];

interface FixtureCase {
  readonly id: string;
  readonly role: 'server' | 'client';
  readonly leaf: string;
  readonly intermediates: readonly string[];
  readonly roots: readonly string[];
  readonly crls: readonly string[];
  readonly at: string;
  readonly host: Case['host'];
}

const fixtureFile = `${REPO}test/fixtures/verifier/cases.json`;
const fixtures = existsSync(fixtureFile) ? (JSON.parse(readFileSync(fixtureFile, 'utf8')) as FixtureCase[]) : [];

describe('webpki model: fixture cases as pyca/cryptography answered them', () => {
  it.each(FIXTURE_ROWS.map(([id, expected, why]) => [`${id}: ${why}`, id, expected] as const))('%s', async (_name, id, expected) => {
    const f = fixtures.find((x) => x.id === id);
    if (!f) throw new Error(`fixture case ${id} is missing from ${fixtureFile}`);
    const read = (p: string): string => readFileSync(`${REPO}${p}`, 'utf8');
    const c: Case = { role: f.role, leaf: read(f.leaf), intermediates: f.intermediates.map(read), roots: f.roots.map(read), crls: f.crls.map(read), at: f.at, host: f.host, maxDepth: null };
    expect(await answer(c)).toEqual(expected);
  });
});

interface LimboCase {
  readonly id: string;
  readonly validation_kind: string;
  readonly peer_certificate: string;
  readonly untrusted_intermediates: readonly string[];
  readonly trusted_certs: readonly string[];
  readonly validation_time: string | null;
  readonly expected_peer_name: { readonly kind: string; readonly value: string } | null;
  readonly max_chain_depth: number | null;
}

const hasLimbo = existsSync(LIMBO);
describe.skipIf(!hasLimbo)(`webpki model: x509-limbo cases as pyca/cryptography answered them${hasLimbo ? '' : ' (skipped: ../shared/corpus/x509-limbo absent)'}`, () => {
  const limbo = hasLimbo ? (JSON.parse(readFileSync(LIMBO, 'utf8')) as { testcases: LimboCase[] }).testcases : [];
  it.each(LIMBO_ROWS.map(([id, expected, why]) => [`${id}: ${why}`, id, expected] as const))('%s', async (_name, id, expected) => {
    const t = limbo.find((x) => x.id === id);
    if (!t) throw new Error(`limbo case ${id} not found`);
    const c: Case = {
      role: t.validation_kind === 'CLIENT' ? 'client' : 'server',
      leaf: t.peer_certificate,
      intermediates: t.untrusted_intermediates,
      roots: t.trusted_certs,
      crls: [],
      at: t.validation_time ? new Date(t.validation_time).toISOString() : '2024-01-01T00:00:00Z',
      host: t.expected_peer_name,
      maxDepth: t.max_chain_depth,
    };
    expect(await answer(c)).toEqual(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// Malformed-but-present extensions (test/fixtures/verifier-malformed, make.ts): chains valid in
// every way but one extension, and what pyca/cryptography 50 answered in the lab.
// ---------------------------------------------------------------------------------------------

const MALFORMED_ROWS: readonly MalformedRow[] = [
  ["control::server", { accepts: true, error: null }],
  ["control::client", { accepts: true, error: null }],
  ["san-trailing-after::server", { accepts: false, error: "validation failed: ASN.1 parsing error: extra data (encountered processing <Certificate(subject=<Name(CN=www.certscope.test,O=Certscope Test)>, ...)>)" }],
  ["san-trailing-after::client", { accepts: false, error: "validation failed: ASN.1 parsing error: extra data" }],
  ["san-trailing-inside::server", { accepts: false, error: "validation failed: ASN.1 parsing error: unexpected tag (got Tag { value: 0, constructed: false, class: Universal }) (encountered processing <Certificate(subject=<Name(CN=www.certscope.test,O=Certscope Test)>, ...)>)" }],
  ["san-trailing-inside::client", { accepts: false, error: "validation failed: ASN.1 parsing error: unexpected tag (got Tag { value: 0, constructed: false, class: Universal })" }],
  ["san-empty::server", { accepts: false, error: "validation failed: leaf certificate has no matching subjectAltName (encountered processing <Certificate(subject=<Name(CN=www.certscope.test,O=Certscope Test)>, ...)>)" }],
  ["san-empty::client", { accepts: true, error: null }],
  ["san-non-ascii-dns::server", { accepts: false, error: "validation failed: ASN.1 parsing error: invalid value (encountered processing <Certificate(subject=<Name(CN=www.certscope.test,O=Certscope Test)>, ...)>)" }],
  ["san-non-ascii-dns::client", { accepts: false, error: "validation failed: ASN.1 parsing error: invalid value" }],
  ["san-ip-8-octets::server", { accepts: true, error: null }],
  ["san-ip-8-octets::client", { accepts: false, error: "10.0.0.1/24 has host bits set" }],
  ["san-critical-false-encoded::server", { accepts: false, error: "error parsing asn1 value: ParseError { kind: EncodedDefault, location: [\"Certificate::tbs_cert\", \"TbsCertificate::raw_extensions\", 4, \"Extension::critical\"] }" }],
  ["san-critical-false-encoded::client", { accepts: false, error: "error parsing asn1 value: ParseError { kind: EncodedDefault, location: [\"Certificate::tbs_cert\", \"TbsCertificate::raw_extensions\", 4, \"Extension::critical\"] }" }],
  ["int-bc-negative-pathlen::server", { accepts: false, error: "validation failed: candidates exhausted: ASN.1 parsing error: invalid value" }],
  ["int-bc-negative-pathlen::client", { accepts: false, error: "validation failed: candidates exhausted: ASN.1 parsing error: invalid value" }],
  ["int-bc-pathlen-256::server", { accepts: true, error: null }],
  ["int-bc-pathlen-256::client", { accepts: true, error: null }],
  ["int-bc-pathlen-non-minimal::server", { accepts: false, error: "validation failed: candidates exhausted: ASN.1 parsing error: invalid value" }],
  ["int-bc-pathlen-non-minimal::client", { accepts: false, error: "validation failed: candidates exhausted: ASN.1 parsing error: invalid value" }],
  ["int-bc-true-01::server", { accepts: false, error: "validation failed: candidates exhausted: ASN.1 parsing error: invalid value" }],
  ["int-bc-true-01::client", { accepts: false, error: "validation failed: candidates exhausted: ASN.1 parsing error: invalid value" }],
  ["leaf-bc-false-encoded::server", { accepts: false, error: "validation failed: ASN.1 parsing error: DEFAULT value was explicitly encoded (encountered processing <Certificate(subject=<Name(CN=www.certscope.test,O=Certscope Test)>, ...)>)" }],
  ["leaf-bc-false-encoded::client", { accepts: false, error: "validation failed: ASN.1 parsing error: DEFAULT value was explicitly encoded (encountered processing <Certificate(subject=<Name(CN=www.certscope.test,O=Certscope Test)>, ...)>)" }],
  ["ku-undefined-bit::server", { accepts: true, error: null }],
  ["ku-undefined-bit::client", { accepts: true, error: null }],
  ["ku-unused-bits-set::server", { accepts: false, error: "validation failed: ASN.1 parsing error: invalid value (encountered processing <Certificate(subject=<Name(CN=www.certscope.test,O=Certscope Test)>, ...)>)" }],
  ["ku-unused-bits-set::client", { accepts: false, error: "validation failed: ASN.1 parsing error: invalid value (encountered processing <Certificate(subject=<Name(CN=www.certscope.test,O=Certscope Test)>, ...)>)" }],
  ["ku-trailing-zero-octet::server", { accepts: true, error: null }],
  ["ku-trailing-zero-octet::client", { accepts: true, error: null }],
  ["int-ku-trailing-bytes::server", { accepts: false, error: "validation failed: candidates exhausted: ASN.1 parsing error: extra data" }],
  ["int-ku-trailing-bytes::client", { accepts: false, error: "validation failed: candidates exhausted: ASN.1 parsing error: extra data" }],
  ["eku-trailing-after::server", { accepts: false, error: "validation failed: ASN.1 parsing error: extra data (encountered processing <Certificate(subject=<Name(CN=www.certscope.test,O=Certscope Test)>, ...)>)" }],
  ["eku-trailing-after::client", { accepts: false, error: "validation failed: ASN.1 parsing error: extra data (encountered processing <Certificate(subject=<Name(CN=www.certscope.test,O=Certscope Test)>, ...)>)" }],
  ["aki-octet-string::server", { accepts: true, error: null }],
  ["aki-octet-string::client", { accepts: true, error: null }],
  ["duplicate-ski::server", { accepts: false, error: "validation failed: invalid extension: 2.5.29.14: duplicate extension" }],
  ["duplicate-ski::client", { accepts: false, error: "validation failed: invalid extension: 2.5.29.14: duplicate extension" }],
  ["unknown-critical::server", { accepts: false, error: "validation failed: invalid extension: 1.3.6.1.4.1.55555.1: certificate contains unaccounted-for critical extensions (encountered processing <Certificate(subject=<Name(CN=www.certscope.test,O=Certscope Test)>, ...)>)" }],
  ["unknown-critical::client", { accepts: false, error: "validation failed: invalid extension: 1.3.6.1.4.1.55555.1: certificate contains unaccounted-for critical extensions (encountered processing <Certificate(subject=<Name(CN=www.certscope.test,O=Certscope Test)>, ...)>)" }],
];

describeMalformedRows('webpki', 'webpki model: malformed-but-present extensions as pyca/cryptography 50 answered them', MALFORMED_ROWS);
