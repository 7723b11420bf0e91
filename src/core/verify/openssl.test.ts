/**
 * The OpenSSL model against what the real `openssl verify` (OpenSSL 3.0.19, auth level 2, flags as
 * lab/openssl.mjs passes them) printed in the lab (`npm run lab -- --verifiers openssl`). Every row
 * is [case, what the real verifier answered (accepts, or the first error it printed), why the row
 * is there]; so these tables pin the model's agreement with the real verifier. Fixture cases come
 * from test/fixtures/verifier, limbo cases from the shared x509-limbo corpus (skipped when absent).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rsaSecurityBits } from './openssl';
import { answerPemCase, type PemCase } from './pem-case';
import { describeMalformedRows, type MalformedRow } from './testing/malformed-table';
import type { VerifierAnswer, VerifyCode } from './types';

interface Expected {
  readonly accepts: boolean;
  readonly error: string | null;
}
const OK: Expected = { accepts: true, error: null };
const refuses = (error: string): Expected => ({ accepts: false, error });
type Row = readonly [id: string, expected: Expected, why: string];

interface LabCaseFiles extends PemCase {
  readonly id: string;
}

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const LIMBO = fileURLToPath(new URL('../../../../shared/corpus/x509-limbo/limbo-2023-12-02.json', import.meta.url));
/** The model's answer for a case given as PEM texts, as the lab's differ asks it (pem-case.ts). */
async function opensslAnswer(c: LabCaseFiles): Promise<VerifierAnswer> {
  const a = await answerPemCase(c, 'openssl');
  if ('unreadable' in a) throw new Error(`${c.id}: ${a.unreadable}`);
  return a;
}

interface FixtureEntry {
  readonly id: string;
  readonly role: 'server' | 'client';
  readonly leaf: string;
  readonly intermediates: readonly string[];
  readonly roots: readonly string[];
  readonly crls: readonly string[];
  readonly at: string;
  readonly host: LabCaseFiles['host'];
}
const fixtureList = JSON.parse(readFileSync(`${REPO}test/fixtures/verifier/cases.json`, 'utf8')) as FixtureEntry[];
/** Cases made for this model (test/fixtures/verifier-openssl/make.sh): CRL coverage, email, depth, path-building choices. */
const extraList = JSON.parse(readFileSync(`${REPO}test/fixtures/verifier-openssl/cases.json`, 'utf8')) as (FixtureEntry & { readonly maxDepth?: number })[];
const readRepo = (p: string): string => readFileSync(`${REPO}${p}`, 'utf8');
function fixtureCase(id: string, list: readonly (FixtureEntry & { readonly maxDepth?: number })[] = fixtureList): LabCaseFiles {
  const f = list.find((x) => x.id === id);
  if (!f) throw new Error(`no fixture case ${id}`);
  return { ...f, leaf: readRepo(f.leaf), intermediates: f.intermediates.map(readRepo), roots: f.roots.map(readRepo), crls: f.crls.map(readRepo) };
}

/** Every fixture case, with what `openssl verify` printed. */
const FIXTURES: readonly Row[] = [
  ["good::server", OK, "baseline: full chain to a self-signed root, every check passes"],
  ["good::client", OK, "baseline: full chain to a self-signed root, every check passes"],
  ["good-ec::server", OK, "ECDSA P-256 chain: 128-bit keys and SHA-256 signatures pass auth level 2"],
  ["good-ec::client", OK, "ECDSA P-256 chain: 128-bit keys and SHA-256 signatures pass auth level 2"],
  ["good-no-intermediate::server", OK, "leaf issued directly by the trusted root"],
  ["good-no-intermediate::client", OK, "leaf issued directly by the trusted root"],
  ["missing-intermediate-aia::server", refuses("unable to get local issuer certificate"), "OpenSSL never fetches AIA: the missing intermediate leaves no local issuer (error 20)"],
  ["missing-intermediate-aia::client", refuses("unable to get local issuer certificate"), "OpenSSL never fetches AIA: the missing intermediate leaves no local issuer (error 20)"],
  ["missing-intermediate-no-aia::server", refuses("unable to get local issuer certificate"), "no intermediate and no trusted issuer of the leaf: error 20"],
  ["missing-intermediate-no-aia::client", refuses("unable to get local issuer certificate"), "no intermediate and no trusted issuer of the leaf: error 20"],
  ["cn-only::server", OK, "no SAN: X509_check_host falls back to the Common Name, which matches"],
  ["cn-only::client", OK, "no SAN: X509_check_host falls back to the Common Name, which matches"],
  ["cn-not-in-san::server", refuses("hostname mismatch"), "DNS SANs present: the Common Name is never consulted (error 62)"],
  ["cn-only-ip::server", refuses("IP address mismatch"), "X509_check_ip has no Common Name fallback (error 64)"],
  ["any-eku-leaf::server", refuses("unsuitable certificate purpose"), "OpenSSL 3 sslserver/sslclient want serverAuth/clientAuth; anyExtendedKeyUsage alone is rejected"],
  ["any-eku-leaf::client", refuses("unsuitable certificate purpose"), "OpenSSL 3 sslserver/sslclient want serverAuth/clientAuth; anyExtendedKeyUsage alone is rejected"],
  ["no-eku-leaf::server", OK, "no EKU extension: nothing to reject"],
  ["no-eku-leaf::client", OK, "no EKU extension: nothing to reject"],
  ["eku-client-only::server", refuses("unsuitable certificate purpose"), "clientAuth only: fine as a client, unsuitable as a server"],
  ["eku-client-only::client", OK, "clientAuth only: fine as a client, unsuitable as a server"],
  ["eku-server-only::server", OK, "serverAuth only: fine as a server, unsuitable as a client"],
  ["eku-server-only::client", refuses("unsuitable certificate purpose"), "serverAuth only: fine as a server, unsuitable as a client"],
  ["eku-codesigning-only::server", refuses("unsuitable certificate purpose"), "codeSigning only: unsuitable for either TLS role"],
  ["eku-codesigning-only::client", refuses("unsuitable certificate purpose"), "codeSigning only: unsuitable for either TLS role"],
  ["int-eku-server-only::server", OK, "an intermediate's EKU constrains the chain: serverAuth-only intermediate refuses client certificates"],
  ["int-eku-server-only::client", refuses("unsuitable certificate purpose"), "an intermediate's EKU constrains the chain: serverAuth-only intermediate refuses client certificates"],
  ["int-eku-any::server", refuses("unsuitable certificate purpose"), "check_ssl_ca on the intermediate: an EKU with only anyExtendedKeyUsage is rejected (xku_reject)"],
  ["int-eku-any::client", refuses("unsuitable certificate purpose"), "check_ssl_ca on the intermediate: an EKU with only anyExtendedKeyUsage is rejected (xku_reject)"],
  ["int-eku-codesigning::server", refuses("unsuitable certificate purpose"), "intermediate EKU without the TLS purpose: error 26 at depth 1"],
  ["int-eku-codesigning::client", refuses("unsuitable certificate purpose"), "intermediate EKU without the TLS purpose: error 26 at depth 1"],
  ["root-eku-server-only::server", OK, "the trust anchor's EKU is checked too (no auxiliary trust): client role refused"],
  ["root-eku-server-only::client", refuses("unsuitable certificate purpose"), "the trust anchor's EKU is checked too (no auxiliary trust): client role refused"],
  ["root-eku-codesigning::server", refuses("unsuitable certificate purpose"), "root EKU codeSigning only: refused in both roles"],
  ["root-eku-codesigning::client", refuses("unsuitable certificate purpose"), "root EKU codeSigning only: refused in both roles"],
  ["unknown-critical-leaf::server", refuses("unhandled critical extension"), "an unhandled critical extension on the leaf: error 34"],
  ["unknown-critical-leaf::client", refuses("unhandled critical extension"), "an unhandled critical extension on the leaf: error 34"],
  ["unknown-critical-intermediate::server", refuses("unhandled critical extension"), "unhandled critical extension on the intermediate"],
  ["unknown-critical-intermediate::client", refuses("unhandled critical extension"), "unhandled critical extension on the intermediate"],
  ["unknown-critical-root::server", refuses("unhandled critical extension"), "unhandled critical extension on the root: checked for every link, anchor included"],
  ["unknown-critical-root::client", refuses("unhandled critical extension"), "unhandled critical extension on the root: checked for every link, anchor included"],
  ["revoked-leaf::server", refuses("certificate revoked"), "-crl_check_all: the leaf's serial is on its issuer's CRL (error 23)"],
  ["revoked-leaf::client", refuses("certificate revoked"), "-crl_check_all: the leaf's serial is on its issuer's CRL (error 23)"],
  ["revoked-intermediate::server", refuses("certificate revoked"), "the intermediate's serial is on the root's CRL"],
  ["revoked-intermediate::client", refuses("certificate revoked"), "the intermediate's serial is on the root's CRL"],
  ["crl-present-not-revoked::server", OK, "CRLs for every link, nothing revoked"],
  ["crl-present-not-revoked::client", OK, "CRLs for every link, nothing revoked"],
  ["weak-intermediate-rsa1024::server", refuses("CA certificate key too weak"), "auth level 2 wants 112-bit keys: an RSA-1024 intermediate gives error 67"],
  ["weak-intermediate-rsa1024::client", refuses("CA certificate key too weak"), "auth level 2 wants 112-bit keys: an RSA-1024 intermediate gives error 67"],
  ["weak-leaf-rsa1024::server", refuses("EE certificate key too weak"), "the peer's own key is checked first: RSA-1024 leaf gives error 66 before chain building"],
  ["weak-leaf-rsa1024::client", refuses("EE certificate key too weak"), "the peer's own key is checked first: RSA-1024 leaf gives error 66 before chain building"],
  ["weak-root-rsa1024::server", refuses("CA certificate key too weak"), "the anchor's key counts too: RSA-1024 root gives error 67"],
  ["weak-root-rsa1024::client", refuses("CA certificate key too weak"), "the anchor's key counts too: RSA-1024 root gives error 67"],
  ["sha1-leaf::server", refuses("CA signature digest algorithm too weak"), "SHA-1 counts 63 bits in OpenSSL 3: error 68 on the leaf's signature"],
  ["sha1-leaf::client", refuses("CA signature digest algorithm too weak"), "SHA-1 counts 63 bits in OpenSSL 3: error 68 on the leaf's signature"],
  ["sha1-intermediate::server", refuses("CA signature digest algorithm too weak"), "SHA-1 signature on the intermediate: error 68"],
  ["sha1-intermediate::client", refuses("CA signature digest algorithm too weak"), "SHA-1 signature on the intermediate: error 68"],
  ["expired-leaf::server", refuses("certificate has expired"), "internal_verify: leaf past notAfter (error 10)"],
  ["expired-leaf::client", refuses("certificate has expired"), "internal_verify: leaf past notAfter (error 10)"],
  ["not-yet-valid-leaf::server", refuses("certificate is not yet valid"), "leaf before notBefore (error 9)"],
  ["not-yet-valid-leaf::client", refuses("certificate is not yet valid"), "leaf before notBefore (error 9)"],
  ["expired-intermediate::server", refuses("certificate has expired"), "intermediate past notAfter: error 10 at depth 1"],
  ["expired-intermediate::client", refuses("certificate has expired"), "intermediate past notAfter: error 10 at depth 1"],
  ["path-len-exceeded::server", refuses("path length constraint exceeded"), "a pathLenConstraint of 0 with another intermediate below: error 25"],
  ["path-len-exceeded::client", refuses("path length constraint exceeded"), "a pathLenConstraint of 0 with another intermediate below: error 25"],
  ["issuer-not-ca::server", refuses("invalid CA certificate"), "issuer without CA:TRUE is not a valid CA: error 79"],
  ["issuer-not-ca::client", refuses("invalid CA certificate"), "issuer without CA:TRUE is not a valid CA: error 79"],
  ["ku-no-digital-signature-ec::server", OK, "ECDSA leaf with keyAgreement: KU_TLS accepts digitalSignature, keyEncipherment or keyAgreement"],
  ["ku-no-digital-signature-ec::client", OK, "ECDSA leaf with keyAgreement: KU_TLS accepts digitalSignature, keyEncipherment or keyAgreement"],
  ["ku-rsa-key-encipherment-only::server", OK, "keyEncipherment passes sslserver but sslclient wants digitalSignature or keyAgreement"],
  ["ku-rsa-key-encipherment-only::client", refuses("unsuitable certificate purpose"), "keyEncipherment passes sslserver but sslclient wants digitalSignature or keyAgreement"],
  ["ca-as-leaf::server", OK, "a CA certificate as the leaf: the leaf is checked with require_ca off, so it passes"],
  ["ca-as-leaf::client", OK, "a CA certificate as the leaf: the leaf is checked with require_ca off, so it passes"],
  ["leaf-self-signed::server", OK, "self-signed leaf that is itself trusted: the chain is the anchor alone"],
  ["leaf-self-signed::client", OK, "self-signed leaf that is itself trusted: the chain is the anchor alone"],
  ["ed25519-leaf::server", OK, "Ed25519 leaf key: 128 security bits"],
  ["ed25519-leaf::client", OK, "Ed25519 leaf key: 128 security bits"],
  ["p521-leaf::server", OK, "P-521 leaf key: 260 security bits"],
  ["p521-leaf::client", OK, "P-521 leaf key: 260 security bits"],
  ["v1-intermediate::server", refuses("invalid CA certificate"), "a v1 intermediate (no basicConstraints) is not a CA below the top: error 79"],
  ["v1-intermediate::client", refuses("invalid CA certificate"), "a v1 intermediate (no basicConstraints) is not a CA below the top: error 79"],
  ["duplicate-extension::server", refuses("unable to get local issuer certificate"), "a duplicated extension makes the leaf invalid, so no issuer matches it (error 20)"],
  ["duplicate-extension::client", refuses("unable to get local issuer certificate"), "a duplicated extension makes the leaf invalid, so no issuer matches it (error 20)"],
  ["underscore-dns::server", OK, "underscores: no wildcard, plain case-insensitive comparison"],
  ["wildcard-leaf::server", OK, "a whole-label wildcard matches exactly one label"],
  ["wildcard-partial::server", OK, "OpenSSL accepts a partial-label wildcard (w*.) when X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS is not set"],
  ["idn::server", OK, "A-label SAN compared byte for byte with the A-label host"],
  ["ip-san::server", OK, "IPv4 SAN matched by X509_check_ip"],
  ["ipv6-san::server", OK, "IPv6 SAN matched octet for octet"],
  ["nc-dns-permitted-ok::server", OK, "SAN inside the permitted DNS subtree"],
  ["nc-dns-permitted-ok::client", OK, "SAN inside the permitted DNS subtree"],
  ["nc-dns-permitted-no-dot::server", OK, "a permitted base without a leading dot also covers sub-domains at a label boundary (nc_dns)"],
  ["nc-dns-permitted-no-dot::client", OK, "a permitted base without a leading dot also covers sub-domains at a label boundary (nc_dns)"],
  ["nc-dns-permitted-violation::server", refuses("permitted subtree violation"), "SAN outside the permitted DNS subtree: error 47"],
  ["nc-dns-permitted-violation::client", refuses("permitted subtree violation"), "SAN outside the permitted DNS subtree: error 47"],
  ["nc-dns-excluded::server", refuses("excluded subtree violation"), "SAN inside an excluded subtree: error 48"],
  ["nc-dns-excluded::client", refuses("excluded subtree violation"), "SAN inside an excluded subtree: error 48"],
  ["nc-wildcard-vs-excluded::server", OK, "a wildcard SAN compared as a string against the excluded subtree"],
  ["nc-wildcard-vs-excluded::client", OK, "a wildcard SAN compared as a string against the excluded subtree"],
  ["nc-cn-only-under-dns-constraint::server", refuses("permitted subtree violation"), "no DNS SAN: the host-like Common Name is checked against DNS constraints (error 47)"],
  ["nc-cn-only-under-dns-constraint::client", refuses("permitted subtree violation"), "no DNS SAN: the host-like Common Name is checked against DNS constraints (error 47)"],
  ["nc-cn-not-hostname::client", OK, "a Common Name that is not a host name is not constrained"],
  ["nc-ip-permitted-violation::server", refuses("permitted subtree violation"), "IP SAN outside the permitted range: error 47"],
  ["nc-ip-permitted-violation::client", refuses("permitted subtree violation"), "IP SAN outside the permitted range: error 47"],
  ["nc-ip-v4-mapped-ipv6::server", OK, "IPv4 constraint vs a 16-byte address: different lengths never match"],
  ["nc-ip-v4-mapped-ipv6::client", OK, "IPv4 constraint vs a 16-byte address: different lengths never match"],
  ["nc-email-permitted::server", refuses("permitted subtree violation"), "email constraint applied to rfc822Name SANs"],
  ["nc-email-permitted::client", refuses("permitted subtree violation"), "email constraint applied to rfc822Name SANs"],
  ["nc-email-subject-with-san::server", refuses("permitted subtree violation"), "subject emailAddress attributes are checked against email constraints even with a SAN"],
  ["nc-email-subject-with-san::client", refuses("permitted subtree violation"), "subject emailAddress attributes are checked against email constraints even with a SAN"],
  ["nc-smtputf8::server", refuses("excluded subtree violation"), "SmtpUTF8Mailbox otherName is checked as an email (RFC 8398 section 6)"],
  ["nc-smtputf8::client", refuses("excluded subtree violation"), "SmtpUTF8Mailbox otherName is checked as an email (RFC 8398 section 6)"],
  ["nc-uri-permitted::server", refuses("permitted subtree violation"), "URI host outside the permitted subtree"],
  ["nc-uri-permitted::client", refuses("permitted subtree violation"), "URI host outside the permitted subtree"],
  ["nc-uri-ip-host::server", refuses("permitted subtree violation"), "URI with an IP host compared as a host name: not permitted"],
  ["nc-uri-ip-host::client", refuses("permitted subtree violation"), "URI with an IP host compared as a host name: not permitted"],
  ["nc-dirname-permitted-violation::server", refuses("permitted subtree violation"), "subject outside the permitted directoryName subtree"],
  ["nc-dirname-permitted-violation::client", refuses("permitted subtree violation"), "subject outside the permitted directoryName subtree"],
  ["nc-unsupported-form-critical::server", OK, "a constraint form with no name of that type in the certificate is not evaluated"],
  ["nc-unsupported-form-critical::client", OK, "a constraint form with no name of that type in the certificate is not evaluated"],
  ["nc-excluded-all-dns::server", refuses("excluded subtree violation"), "an empty excluded DNS base excludes every DNS name: error 48"],
  ["nc-excluded-all-dns::client", refuses("excluded subtree violation"), "an empty excluded DNS base excludes every DNS name: error 48"],
];

/** Every x509-limbo case the lab runs, with what `openssl verify` printed. */
const LIMBO_ROWS: readonly Row[] = [
  ["pathlen::ee-with-intermediate-pathlen-0", OK, "accepted by openssl verify"],
  ["pathlen::ee-with-intermediate-pathlen-1", OK, "accepted by openssl verify"],
  ["pathlen::ee-with-intermediate-pathlen-2", OK, "accepted by openssl verify"],
  ["pathlen::validation-ignores-pathlen-in-leaf", refuses("unsuitable certificate purpose"), "purpose sslserver/sslclient refuses the EKU or key usage"],
  ["pathlen::intermediate-violates-pathlen-0", refuses("path length constraint exceeded"), "pathLenConstraint counts non-self-issued intermediates below the CA"],
  ["pathlen::intermediate-pathlen-may-increase", OK, "accepted by openssl verify"],
  ["pathlen::intermediate-pathlen-too-long", refuses("path length constraint exceeded"), "pathLenConstraint counts non-self-issued intermediates below the CA"],
  ["pathlen::self-issued-certs-pathlen", OK, "accepted by openssl verify"],
  ["pathlen::max-chain-depth-0", OK, "accepted by openssl verify"],
  ["pathlen::max-chain-depth-0-exhausted", refuses("certificate chain too long"), "-verify_depth: the chain would need more intermediates than allowed"],
  ["pathlen::max-chain-depth-1", OK, "accepted by openssl verify"],
  ["pathlen::max-chain-depth-1-exhausted", refuses("certificate chain too long"), "-verify_depth: the chain would need more intermediates than allowed"],
  ["pathlen::max-chain-depth-1-self-issued", refuses("certificate chain too long"), "-verify_depth: the chain would need more intermediates than allowed"],
  ["pathological::multiple-chains-expired-intermediate", OK, "accepted by openssl verify"],
  ["pathological::intermediate-cycle-distinct-cas", refuses("unable to get local issuer certificate"), "no trusted issuer found: OpenSSL picks issuers by name, key id and signature algorithm; an invalid certificate (bad extension, duplicate) matches no issuer"],
  ["pathological::intermediate-cycle-distinct-cas-max-depth", refuses("unable to get local issuer certificate"), "no trusted issuer found: OpenSSL picks issuers by name, key id and signature algorithm; an invalid certificate (bad extension, duplicate) matches no issuer"],
  ["pathological::intermediate-cycle-same-logical-ca", refuses("unable to get local issuer certificate"), "no trusted issuer found: OpenSSL picks issuers by name, key id and signature algorithm; an invalid certificate (bad extension, duplicate) matches no issuer"],
  ["rfc5280::aki::critical-aki", refuses("unhandled critical extension"), "a critical extension OpenSSL does not handle on some link"],
  ["rfc5280::aki::leaf-missing-aki", OK, "accepted by openssl verify"],
  ["rfc5280::aki::intermediate-missing-aki", OK, "accepted by openssl verify"],
  ["rfc5280::aki::self-signed-root-missing-aki", OK, "accepted by openssl verify"],
  ["rfc5280::aki::cross-signed-root-missing-aki", refuses("unable to get issuer certificate"), "the chain stops at an untrusted certificate from the peer whose issuer is nowhere (AKID/issuer mismatch on the candidate)"],
  ["rfc5280::eku::ee-wrong-eku", refuses("unsuitable certificate purpose"), "purpose sslserver/sslclient refuses the EKU or key usage"],
  ["rfc5280::eku::ee-without-eku", OK, "accepted by openssl verify"],
  ["rfc5280::nc::permitted-dns-mismatch", refuses("hostname mismatch"), "X509_check_host: DNS SANs only (CN only without them), OpenSSL wildcard rules"],
  ["rfc5280::nc::excluded-dns-match", refuses("excluded subtree violation"), "name constraints: a name inside an excluded subtree"],
  ["rfc5280::nc::permitted-dns-match", OK, "accepted by openssl verify"],
  ["rfc5280::nc::permitted-dns-match-noncritical", OK, "accepted by openssl verify"],
  ["rfc5280::nc::permitted-dns-match-more", OK, "accepted by openssl verify"],
  ["rfc5280::nc::excluded-dns-match-second", refuses("excluded subtree violation"), "name constraints: a name inside an excluded subtree"],
  ["rfc5280::nc::permitted-ip-mismatch", refuses("permitted subtree violation"), "name constraints: a name outside the permitted subtrees"],
  ["rfc5280::nc::excluded-ipv4-match", refuses("excluded subtree violation"), "name constraints: a name inside an excluded subtree"],
  ["rfc5280::nc::excluded-ipv6-match", refuses("excluded subtree violation"), "name constraints: a name inside an excluded subtree"],
  ["rfc5280::nc::permitted-ipv4-match", OK, "accepted by openssl verify"],
  ["rfc5280::nc::permitted-ipv6-match", OK, "accepted by openssl verify"],
  ["rfc5280::nc::permitted-dn-mismatch", refuses("hostname mismatch"), "X509_check_host: DNS SANs only (CN only without them), OpenSSL wildcard rules"],
  ["rfc5280::nc::excluded-dn-match", refuses("hostname mismatch"), "X509_check_host: DNS SANs only (CN only without them), OpenSSL wildcard rules"],
  ["rfc5280::nc::permitted-dn-match", refuses("hostname mismatch"), "X509_check_host: DNS SANs only (CN only without them), OpenSSL wildcard rules"],
  ["rfc5280::nc::permitted-dn-match-subject-san-mismatch", refuses("hostname mismatch"), "X509_check_host: DNS SANs only (CN only without them), OpenSSL wildcard rules"],
  ["rfc5280::nc::excluded-dn-match-sub-mismatch", refuses("hostname mismatch"), "X509_check_host: DNS SANs only (CN only without them), OpenSSL wildcard rules"],
  ["rfc5280::nc::permitted-self-issued", OK, "accepted by openssl verify"],
  ["rfc5280::nc::excluded-self-issued-leaf", refuses("permitted subtree violation"), "name constraints: a name outside the permitted subtrees"],
  ["rfc5280::nc::excluded-match-permitted-and-excluded", refuses("excluded subtree violation"), "name constraints: a name inside an excluded subtree"],
  ["rfc5280::nc::permitted-different-constraint-type", OK, "accepted by openssl verify"],
  ["rfc5280::nc::excluded-different-constraint-type", OK, "accepted by openssl verify"],
  ["rfc5280::nc::invalid-dnsname", refuses("permitted subtree violation"), "name constraints: a name outside the permitted subtrees"],
  ["rfc5280::nc::invalid-ipv4-address", refuses("unsupported or invalid name syntax"), "name constraints: an IP name or base of the wrong length"],
  ["rfc5280::nc::invalid-ipv6-address", refuses("unsupported or invalid name syntax"), "name constraints: an IP name or base of the wrong length"],
  ["rfc5280::nc::not-allowed-in-ee-noncritical", OK, "accepted by openssl verify"],
  ["rfc5280::nc::not-allowed-in-ee-critical", OK, "accepted by openssl verify"],
  ["rfc5280::nc::intermediate-with-san-rejected-by-intermediate-nc", refuses("permitted subtree violation"), "name constraints: a name outside the permitted subtrees"],
  ["rfc5280::nc::intermediate-with-san-rejected-by-root-nc", refuses("permitted subtree violation"), "name constraints: a name outside the permitted subtrees"],
  ["rfc5280::nc::restrictive-permits-in-intermediates-narrows", refuses("permitted subtree violation"), "name constraints: a name outside the permitted subtrees"],
  ["rfc5280::nc::restrictive-permits-in-intermediates-widens", refuses("permitted subtree violation"), "name constraints: a name outside the permitted subtrees"],
  ["rfc5280::nc::nc-permits-invalid-dns-san", OK, "accepted by openssl verify"],
  ["rfc5280::nc::nc-permits-invalid-ip-san", refuses("unsupported or invalid name syntax"), "name constraints: an IP name or base of the wrong length"],
  ["rfc5280::san::malformed", refuses("unable to get local issuer certificate"), "no trusted issuer found: OpenSSL picks issuers by name, key id and signature algorithm; an invalid certificate (bad extension, duplicate) matches no issuer"],
  ["rfc5280::san::noncritical-with-empty-subject", OK, "accepted by openssl verify"],
  ["rfc5280::serial::too-long", OK, "accepted by openssl verify"],
  ["rfc5280::serial::zero", OK, "accepted by openssl verify"],
  ["rfc5280::serial::negative", refuses("unable to get local issuer certificate"), "no trusted issuer found: OpenSSL picks issuers by name, key id and signature algorithm; an invalid certificate (bad extension, duplicate) matches no issuer"],
  ["rfc5280::ski::critical-ski", refuses("unable to get local issuer certificate"), "no trusted issuer found: OpenSSL picks issuers by name, key id and signature algorithm; an invalid certificate (bad extension, duplicate) matches no issuer"],
  ["rfc5280::ski::root-missing-ski", OK, "accepted by openssl verify"],
  ["rfc5280::ski::intermediate-missing-ski", OK, "accepted by openssl verify"],
  ["rfc5280::validity::expired-root", refuses("certificate has expired"), "internal_verify checks every link from the anchor down"],
  ["rfc5280::validity::expired-intermediate", refuses("certificate has expired"), "internal_verify checks every link from the anchor down"],
  ["rfc5280::validity::expired-leaf", refuses("certificate has expired"), "internal_verify checks every link from the anchor down"],
  ["rfc5280::ee-empty-issuer", refuses("unable to get issuer certificate"), "the chain stops at an untrusted certificate from the peer whose issuer is nowhere (AKID/issuer mismatch on the candidate)"],
  ["rfc5280::ca-empty-subject", refuses("unable to get issuer certificate"), "the chain stops at an untrusted certificate from the peer whose issuer is nowhere (AKID/issuer mismatch on the candidate)"],
  ["rfc5280::unknown-critical-extension-ee", refuses("unhandled critical extension"), "a critical extension OpenSSL does not handle on some link"],
  ["rfc5280::unknown-critical-extension-root", refuses("unhandled critical extension"), "a critical extension OpenSSL does not handle on some link"],
  ["rfc5280::unknown-critical-extension-intermediate", refuses("unhandled critical extension"), "a critical extension OpenSSL does not handle on some link"],
  ["rfc5280::chain-untrusted-root", refuses("self-signed certificate in certificate chain"), "the sent chain ends in a self-signed root that is not in the trust store"],
  ["rfc5280::intermediate-ca-without-ca-bit", refuses("invalid CA certificate"), "an intermediate that is not a CA"],
  ["rfc5280::intermediate-ca-missing-basic-constraints", refuses("unable to get local issuer certificate"), "no trusted issuer found: OpenSSL picks issuers by name, key id and signature algorithm; an invalid certificate (bad extension, duplicate) matches no issuer"],
  ["rfc5280::root-missing-basic-constraints", OK, "accepted by openssl verify"],
  ["rfc5280::root-non-critical-basic-constraints", OK, "accepted by openssl verify"],
  ["rfc5280::root-inconsistent-ca-extensions", refuses("unable to get local issuer certificate"), "no trusted issuer found: OpenSSL picks issuers by name, key id and signature algorithm; an invalid certificate (bad extension, duplicate) matches no issuer"],
  ["rfc5280::ica-ku-keycertsign", refuses("unable to get local issuer certificate"), "no trusted issuer found: OpenSSL picks issuers by name, key id and signature algorithm; an invalid certificate (bad extension, duplicate) matches no issuer"],
  ["rfc5280::leaf-ku-keycertsign", OK, "accepted by openssl verify"],
  ["rfc5280::ee-aia", OK, "accepted by openssl verify"],
  ["rfc5280::ee-critical-aia-invalid", refuses("unhandled critical extension"), "a critical extension OpenSSL does not handle on some link"],
  ["rfc5280::duplicate-extensions", refuses("unable to get local issuer certificate"), "no trusted issuer found: OpenSSL picks issuers by name, key id and signature algorithm; an invalid certificate (bad extension, duplicate) matches no issuer"],
  ["rfc5280::no-keyusage", OK, "accepted by openssl verify"],
  ["rfc5280::no-basicconstraints", OK, "accepted by openssl verify"],
  ["rfc5280::mismatching-signature-algorithm", refuses("certificate signature failure"), "the signature does not verify with the chosen issuer key"],
  ["webpki::aki::root-with-aki-missing-keyidentifier", OK, "accepted by openssl verify"],
  ["webpki::aki::root-with-aki-authoritycertissuer", refuses("unable to get issuer certificate"), "the chain stops at an untrusted certificate from the peer whose issuer is nowhere (AKID/issuer mismatch on the candidate)"],
  ["webpki::aki::root-with-aki-authoritycertserialnumber", refuses("unable to get issuer certificate"), "the chain stops at an untrusted certificate from the peer whose issuer is nowhere (AKID/issuer mismatch on the candidate)"],
  ["webpki::aki::root-with-aki-all-fields", refuses("unable to get issuer certificate"), "the chain stops at an untrusted certificate from the peer whose issuer is nowhere (AKID/issuer mismatch on the candidate)"],
  ["webpki::aki::root-with-aki-ski-mismatch", refuses("unable to get issuer certificate"), "the chain stops at an untrusted certificate from the peer whose issuer is nowhere (AKID/issuer mismatch on the candidate)"],
  ["webpki::eku::ee-anyeku", OK, "accepted by openssl verify"],
  ["webpki::eku::ee-critical-eku", OK, "accepted by openssl verify"],
  ["webpki::eku::ee-without-eku", OK, "accepted by openssl verify"],
  ["webpki::eku::root-has-eku", OK, "accepted by openssl verify"],
  ["webpki::nc::permitted-dns-match-noncritical", OK, "accepted by openssl verify"],
  ["webpki::nc::intermediate-permitted-excluded-subtrees-both-null", OK, "accepted by openssl verify"],
  ["webpki::nc::intermediate-permitted-excluded-subtrees-both-empty-sequences", OK, "accepted by openssl verify"],
  ["webpki::san::exact-san", OK, "accepted by openssl verify"],
  ["webpki::san::mismatch-domain-san", refuses("hostname mismatch"), "X509_check_host: DNS SANs only (CN only without them), OpenSSL wildcard rules"],
  ["webpki::san::mismatch-subdomain-san", refuses("hostname mismatch"), "X509_check_host: DNS SANs only (CN only without them), OpenSSL wildcard rules"],
  ["webpki::san::mismatch-subdomain-apex-san", refuses("hostname mismatch"), "X509_check_host: DNS SANs only (CN only without them), OpenSSL wildcard rules"],
  ["webpki::san::mismatch-apex-subdomain-san", refuses("hostname mismatch"), "X509_check_host: DNS SANs only (CN only without them), OpenSSL wildcard rules"],
  ["webpki::san::public-suffix-wildcard-san", refuses("hostname mismatch"), "X509_check_host: DNS SANs only (CN only without them), OpenSSL wildcard rules"],
  ["webpki::san::leftmost-wildcard-san", OK, "accepted by openssl verify"],
  ["webpki::san::wildcard-embedded-leftmost-san", OK, "accepted by openssl verify"],
  ["webpki::san::wildcard-not-in-leftmost-san", refuses("hostname mismatch"), "X509_check_host: DNS SANs only (CN only without them), OpenSSL wildcard rules"],
  ["webpki::san::wildcard-match-across-labels-san", refuses("hostname mismatch"), "X509_check_host: DNS SANs only (CN only without them), OpenSSL wildcard rules"],
  ["webpki::san::wildcard-embedded-ulabel-san", refuses("hostname mismatch"), "X509_check_host: DNS SANs only (CN only without them), OpenSSL wildcard rules"],
  ["webpki::san::unicode-emoji-san", refuses("hostname mismatch"), "X509_check_host: DNS SANs only (CN only without them), OpenSSL wildcard rules"],
  ["webpki::san::no-san", OK, "accepted by openssl verify"],
  ["webpki::san::san-critical-with-nonempty-subject", OK, "accepted by openssl verify"],
  ["webpki::cryptographydotio-chain", OK, "accepted by openssl verify"],
  ["webpki::cryptographydotio-chain-missing-intermediate", refuses("unable to get local issuer certificate"), "no trusted issuer found: OpenSSL picks issuers by name, key id and signature algorithm; an invalid certificate (bad extension, duplicate) matches no issuer"],
  ["webpki::malformed-aia", OK, "accepted by openssl verify"],
  ["webpki::forbidden-p192-spki-leaf", refuses("EE certificate key too weak"), "P-192 leaf key (96 bits) under auth level 2"],
  ["webpki::forbidden-dsa-spki-leaf", OK, "accepted by openssl verify"],
  ["webpki::forbidden-signature-algorithm-in-root", OK, "accepted by openssl verify"],
  ["webpki::forbidden-signature-algorithm-in-leaf", OK, "accepted by openssl verify"],
  ["webpki::v1-cert", OK, "accepted by openssl verify"],
  ["webpki::ee-basicconstraints-ca", OK, "accepted by openssl verify"],
  ["online::akamai.com", OK, "accepted by openssl verify"],
  ["online::bing.com", OK, "accepted by openssl verify"],
  ["online::fastly.com", OK, "accepted by openssl verify"],
  ["online::s3.amazonaws.com", OK, "accepted by openssl verify"],
  ["online::aws.amazon.com", OK, "accepted by openssl verify"],
  ["online::docs.python.org", OK, "accepted by openssl verify"],
  ["online::amazon.com", OK, "accepted by openssl verify"],
  ["online::facebook.com", OK, "accepted by openssl verify"],
  ["online::google.com", OK, "accepted by openssl verify"],
  ["online::storage.googleapis.com", OK, "accepted by openssl verify"],
  ["online::apple.com", OK, "accepted by openssl verify"],
  ["online::cloudflare.com", OK, "accepted by openssl verify"],
  ["online::microsoft.com", OK, "accepted by openssl verify"],
  ["online::stackoverflow.com", OK, "accepted by openssl verify"],
];

function check(a: VerifierAnswer, expected: Expected): void {
  expect({ accepts: a.accepts, error: a.error }).toEqual(expected);
  // A refusal names its reasons and a fix; an acceptance has neither.
  if (a.accepts) expect([a.codes, a.fix]).toEqual([[], null]);
  else expect(a.codes.length > 0 && a.fix !== null).toBe(true);
}

describe('openssl model: fixture cases agree with openssl verify', () => {
  it('covers every fixture case', () => {
    expect(FIXTURES.map((r) => r[0]).sort()).toEqual(fixtureList.map((f) => f.id).sort());
  });
  it.each(FIXTURES)('%s', async (id, expected) => {
    check(await opensslAnswer(fixtureCase(id)), expected);
  });
});

/** Cases made for this model, with what `openssl verify` printed for them (flags as lab/openssl.mjs passes them). */
const EXTRA_ROWS: readonly Row[] = [
  ["crl-intermediate-only", refuses("unable to get certificate CRL"), "-crl_check_all with a CRL for the leaf but none for the intermediate: error 3 at depth 1"],
  ["crl-every-link", OK, "a CRL from each CA: every link is covered, nothing revoked"],
  ["crl-expired", refuses("CRL has expired"), "the intermediate CRL is past its nextUpdate: error 12"],
  ["crl-root-only", refuses("unable to get certificate CRL"), "only the root CRL: the leaf has no CRL (error 3 at depth 0)"],
  ["email-match", OK, "-verify_email against an rfc822Name SAN"],
  ["email-mismatch", refuses("email address mismatch"), "-verify_email with an address the certificate does not carry: error 63"],
  ["email-domain-case", OK, "the domain part of an email compares case-insensitively"],
  ["self-signed-leaf-untrusted", refuses("self-signed certificate"), "a self-signed leaf that is not in the trust store: error 18"],
  ["sent-root-untrusted", refuses("self-signed certificate in certificate chain"), "the peer sends its own root, which is not trusted: error 19"],
  ["intermediate-as-anchor", refuses("unable to get issuer certificate"), "an intermediate in the trust store does not end a chain without -partial_chain: error 2"],
  ["depth-0", refuses("certificate chain too long"), "-verify_depth 0 with one intermediate: error 22"],
  ["depth-1", OK, "-verify_depth 1 allows one intermediate"],
  ["host-upper-case", OK, "host names compare case-insensitively"],
  ["host-dot-subdomain", OK, "a host asked for as .x.test matches any name under x.test (skip_prefix)"],
  ["cross-signed-first", refuses("unable to get local issuer certificate"), "trusted-first building with no alternate chains takes the first matching intermediate (the one cross-signed by an untrusted root) and fails"],
  ["cross-signed-second", OK, "the intermediate signed by the trusted root comes first: the chain completes"],
  ["cross-signed-to-untrusted-root", refuses("self-signed certificate in certificate chain"), "the cross-signing root is sent but not trusted: error 19"],
  ["expired-duplicate-intermediate-first", OK, "find_issuer prefers a time-valid issuer over an expired one with the same name and key"],
  ["expired-intermediate-only", refuses("certificate has expired"), "only the expired copy of the intermediate: error 10"],
  ["expired-duplicate-root-first", OK, "the store lookup also prefers the time-valid root"],
  ["expired-root-only", refuses("certificate has expired"), "only the expired copy of the root: error 10 at the top"],
];

describe('openssl model: CRL coverage, email, depth and path-building cases agree with openssl verify', () => {
  it('covers every case of test/fixtures/verifier-openssl', () => {
    expect(EXTRA_ROWS.map((r) => r[0]).sort()).toEqual(extraList.map((f) => f.id).sort());
  });
  it.each(EXTRA_ROWS)('%s', async (id, expected) => {
    check(await opensslAnswer(fixtureCase(id, extraList)), expected);
  });
});

interface LimboTestcase {
  readonly id: string;
  readonly validation_kind: string;
  readonly peer_certificate: string;
  readonly untrusted_intermediates?: readonly string[];
  readonly trusted_certs?: readonly string[];
  readonly crls?: readonly string[];
  readonly validation_time?: string | null;
  readonly expected_peer_name?: { readonly kind: string; readonly value: string } | null;
  readonly max_chain_depth?: number | null;
}

describe.skipIf(!existsSync(LIMBO))('openssl model: x509-limbo cases agree with openssl verify', () => {
  const doc = existsSync(LIMBO) ? (JSON.parse(readFileSync(LIMBO, 'utf8')) as { testcases: LimboTestcase[] }) : { testcases: [] };
  const byId = new Map(doc.testcases.map((t) => [t.id, t]));
  it.each(LIMBO_ROWS)('%s', async (id, expected) => {
    const t = byId.get(id);
    if (!t) throw new Error(`limbo has no case ${id}`);
    const c: LabCaseFiles = {
      id,
      role: t.validation_kind === 'CLIENT' ? 'client' : 'server',
      leaf: t.peer_certificate,
      intermediates: t.untrusted_intermediates ?? [],
      roots: t.trusted_certs ?? [],
      crls: t.crls ?? [],
      at: t.validation_time ? new Date(t.validation_time).toISOString() : '2024-01-01T00:00:00Z',
      host: t.expected_peer_name ?? null,
      maxDepth: t.max_chain_depth ?? null,
    };
    check(await opensslAnswer(c), expected);
  });
});

describe('openssl model: the reasons and the fix of each finding family', () => {
  const rows: readonly (readonly [id: string, codes: readonly VerifyCode[], fixMentions: string, why: string])[] = [
    ['missing-intermediate-no-aia::server', ['CHAIN_ISSUER_NOT_FOUND'], 'proxy_ssl_trusted_certificate', 'server role: the fix is about the client\u2019s trust store (nginx proxy, curl)'],
    ['missing-intermediate-no-aia::client', ['CHAIN_ISSUER_NOT_FOUND'], 'ssl_client_certificate', 'client role: nginx checks clients against ssl_client_certificate'],
    ['any-eku-leaf::server', ['EKU_ANY_ONLY'], 'serverAuth', 'anyExtendedKeyUsage alone'],
    ['eku-server-only::client', ['EKU_CLIENT_AUTH_MISSING'], 'clientAuth', 'EKU without clientAuth'],
    ['ku-rsa-key-encipherment-only::client', ['KU_DIGITAL_SIGNATURE_MISSING'], 'digitalSignature', 'key usage without digitalSignature or keyAgreement'],
    ['int-eku-codesigning::server', ['CHAIN_ISSUER_EKU_EXCLUDES'], 'serverAuth', 'the intermediate\u2019s EKU excludes the purpose'],
    ['issuer-not-ca::server', ['CHAIN_ISSUER_NOT_CA'], 'CA:TRUE', 'issuer without the CA flag'],
    ['path-len-exceeded::server', ['CHAIN_PATH_LENGTH_EXCEEDED'], 'path length', 'pathLenConstraint'],
    ['unknown-critical-leaf::server', ['UNKNOWN_CRITICAL_EXTENSION'], 'critical', 'unhandled critical extension'],
    ['weak-leaf-rsa1024::server', ['WEAK_RSA_KEY'], 'security level 2', 'the peer key below 112 bits'],
    ['weak-intermediate-rsa1024::server', ['WEAK_ISSUER_KEY'], '@SECLEVEL', 'an issuer key below 112 bits'],
    ['sha1-intermediate::server', ['WEAK_SIGNATURE_ALGORITHM'], 'SHA-256', 'SHA-1 below the anchor'],
    ['cn-not-in-san::server', ['HOSTNAME_MISMATCH'], 'proxy_ssl_name', 'host name not among the DNS SANs'],
    ['cn-only-ip::server', ['SAN_MISSING', 'HOSTNAME_MISMATCH'], 'IP SAN', 'IP host with no SAN'],
    ['revoked-leaf::server', ['REVOKED'], 'revoked', 'the leaf is on the CRL'],
    ['revoked-intermediate::client', ['ISSUER_REVOKED'], 'revoked', 'the intermediate is on the root\u2019s CRL'],
    ['expired-leaf::server', ['EXPIRED'], 'renew', 'leaf past notAfter'],
    ['not-yet-valid-leaf::server', ['NOT_YET_VALID'], 'notBefore', 'leaf before notBefore'],
    ['expired-intermediate::server', ['CHAIN_ISSUER_EXPIRED'], 'renew', 'intermediate past notAfter'],
    ['nc-dns-excluded::server', ['CHAIN_NAME_CONSTRAINTS_VIOLATED'], 'name constraints', 'excluded DNS subtree'],
    ['duplicate-extension::server', ['CHAIN_ISSUER_NOT_FOUND'], 'intermediate', 'an invalid leaf matches no issuer'],
    ['crl-intermediate-only', ['CRL_PROBLEM'], 'proxy_ssl_crl', 'CRL checking with no CRL for one link'],
    ['email-mismatch', ['HOSTNAME_MISMATCH'], 'rfc822Name', 'client role: the email identity'],
    ['self-signed-leaf-untrusted', ['CHAIN_PRIVATE_ROOT'], 'proxy_ssl_trusted_certificate', 'an untrusted self-signed leaf'],
    ['depth-0', ['CHAIN_TOO_LONG'], 'proxy_ssl_verify_depth', 'verify depth'],
  ];
  it.each(rows)('%s', async (id, codes, fixMentions) => {
    const a = await opensslAnswer(fixtureCase(id, id.includes('::') ? fixtureList : extraList));
    expect(a.accepts).toBe(false);
    expect(a.codes).toEqual(codes);
    expect(a.fix).toContain(fixMentions);
  });

  it('names the path it verified when it accepts', async () => {
    const a = await opensslAnswer(fixtureCase('good::server'));
    expect(a.path?.length).toBe(3);
  });
});

describe('openssl model: RSA security bits (ossl_ifc_ffc_compute_security_bits)', () => {
  const rows: readonly (readonly [bits: number, expected: number, why: string])[] = [
    [1024, 80, 'openssl verify -auth_level 2 refuses an RSA-1024 key (error 66), level 1 would accept it'],
    [1962, 104, 'openssl verify -auth_level 2 refuses a 1962-bit modulus (checked with real keys on this machine)'],
    [1963, 112, 'the smallest modulus openssl verify -auth_level 2 accepts: the fixed-point formula rounds up to 112'],
    [2047, 112, 'a 2047-bit modulus passes level 2 (checked on this machine)'],
    [2048, 112, 'table value'],
    [3072, 128, 'table value'],
  ];
  it.each(rows)('RSA %i bits', (bits, expected) => {
    expect(rsaSecurityBits(bits)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// Malformed-but-present extensions (test/fixtures/verifier-malformed, make.ts): chains valid in
// every way but one extension, and what OpenSSL 3.0.19 (openssl verify) answered in the lab.
// ---------------------------------------------------------------------------------------------

const MALFORMED_ROWS: readonly MalformedRow[] = [
  ["control::server", { accepts: true, error: null }],
  ["control::client", { accepts: true, error: null }],
  ["san-trailing-after::server", { accepts: true, error: null }],
  ["san-trailing-after::client", { accepts: true, error: null }],
  ["san-trailing-inside::server", { accepts: false, error: "unable to get local issuer certificate" }],
  ["san-trailing-inside::client", { accepts: false, error: "unable to get local issuer certificate" }],
  ["san-empty::server", { accepts: true, error: null }],
  ["san-empty::client", { accepts: true, error: null }],
  ["san-non-ascii-dns::server", { accepts: true, error: null }],
  ["san-non-ascii-dns::client", { accepts: true, error: null }],
  ["san-ip-8-octets::server", { accepts: true, error: null }],
  ["san-ip-8-octets::client", { accepts: true, error: null }],
  ["san-critical-false-encoded::server", { accepts: true, error: null }],
  ["san-critical-false-encoded::client", { accepts: true, error: null }],
  ["int-bc-negative-pathlen::server", { accepts: false, error: "unable to get local issuer certificate" }],
  ["int-bc-negative-pathlen::client", { accepts: false, error: "unable to get local issuer certificate" }],
  ["int-bc-pathlen-256::server", { accepts: true, error: null }],
  ["int-bc-pathlen-256::client", { accepts: true, error: null }],
  ["int-bc-pathlen-non-minimal::server", { accepts: false, error: "unable to get local issuer certificate" }],
  ["int-bc-pathlen-non-minimal::client", { accepts: false, error: "unable to get local issuer certificate" }],
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
  ["int-ku-trailing-bytes::server", { accepts: true, error: null }],
  ["int-ku-trailing-bytes::client", { accepts: true, error: null }],
  ["eku-trailing-after::server", { accepts: true, error: null }],
  ["eku-trailing-after::client", { accepts: true, error: null }],
  ["aki-octet-string::server", { accepts: false, error: "unable to get local issuer certificate" }],
  ["aki-octet-string::client", { accepts: false, error: "unable to get local issuer certificate" }],
  ["duplicate-ski::server", { accepts: false, error: "unable to get local issuer certificate" }],
  ["duplicate-ski::client", { accepts: false, error: "unable to get local issuer certificate" }],
  ["unknown-critical::server", { accepts: false, error: "unhandled critical extension" }],
  ["unknown-critical::client", { accepts: false, error: "unhandled critical extension" }],
];

describeMalformedRows('openssl', 'openssl model: malformed-but-present extensions as OpenSSL 3.0.19 (openssl verify) answered them', MALFORMED_ROWS);
