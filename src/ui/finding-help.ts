/**
 * People-facing explanations per finding code: why it matters and how to fix it. The engine
 * gives the code, severity, a specific message and where it breaks; the advice lives here
 * because display text belongs to the UI.
 */
import type { FindingCode, Stack } from '@/core/purpose/types';

export interface FindingHelp {
  readonly title: string;
  readonly why: string;
  readonly fix: string;
}

export const FINDING_HELP: Partial<Record<FindingCode, FindingHelp>> = {
  EKU_ABSENT: {
    title: 'No Extended Key Usage',
    why: 'RFC 5280 reads a missing EKU as "any purpose", and OpenSSL and Go accept it, but publicly trusted certificates must carry EKU and strict verifiers or policies may refuse it.',
    fix: 'Reissue with extendedKeyUsage = serverAuth (and/or clientAuth) set explicitly.',
  },
  EKU_SERVER_AUTH_MISSING: {
    title: 'Not allowed for TLS servers',
    why: 'The Extended Key Usage lists purposes, and TLS server authentication (serverAuth) is not among them. Every TLS client checks this.',
    fix: 'Reissue the certificate with extendedKeyUsage = serverAuth (openssl: -addext "extendedKeyUsage=serverAuth").',
  },
  EKU_CLIENT_AUTH_MISSING: {
    title: 'Not allowed for TLS clients',
    why: 'The Extended Key Usage does not contain clientAuth, so servers that require client certificates (mTLS) reject it.',
    fix: 'Reissue with extendedKeyUsage = clientAuth from a CA that issues client certificates. Public CAs stopped doing this in 2026; use a private CA for mTLS.',
  },
  EKU_ANY_ONLY: {
    title: 'Allowed only through anyExtendedKeyUsage',
    why: 'Some verifiers (and browser root programs) do not accept anyExtendedKeyUsage in place of the specific purpose.',
    fix: 'Reissue with the specific purpose (serverAuth / clientAuth) listed.',
  },
  KU_DIGITAL_SIGNATURE_MISSING: {
    title: 'Key Usage lacks digitalSignature',
    why: 'TLS 1.3 and ECDHE key exchange need the certificate key to sign the handshake; without digitalSignature only RSA key transport (TLS 1.2 only) would work.',
    fix: 'Reissue with keyUsage = digitalSignature (plus keyEncipherment for RSA if TLS 1.2 RSA key exchange is needed).',
  },
  KU_KEY_CERT_SIGN_ON_LEAF: {
    title: 'Leaf can sign certificates',
    why: 'keyCertSign or cRLSign on an end-entity certificate is a CA capability; strict verifiers refuse it for TLS.',
    fix: 'Reissue the leaf without keyCertSign/cRLSign.',
  },
  CA_AS_LEAF: {
    title: 'CA certificate used as a leaf',
    why: 'basicConstraints cA=TRUE is forbidden for subscriber certificates by the Baseline Requirements and refused by strict verifiers.',
    fix: 'Issue a separate end-entity certificate (basicConstraints CA:FALSE) from this CA.',
  },
  NS_CERT_TYPE_EXCLUDES: {
    title: 'Legacy Netscape type excludes this role',
    why: 'OpenSSL still honours the old Netscape Cert Type extension when present.',
    fix: 'Reissue without nsCertType, or with the role included.',
  },
  SAN_MISSING: {
    title: 'No DNS or IP Subject Alternative Name',
    why: 'Modern clients ignore the Common Name; without a SAN no host name can match.',
    fix: 'Reissue with subjectAltName = DNS:your.host (openssl: -addext "subjectAltName=DNS:your.host").',
  },
  HOSTNAME_MISMATCH: {
    title: 'Host name does not match',
    why: 'Clients compare the host they connect to with the DNS/IP Subject Alternative Names (RFC 6125); a wildcard covers exactly one left-most label.',
    fix: 'Connect using a name the certificate lists, or reissue with this host in subjectAltName.',
  },
  HOSTNAME_MATCH: { title: 'Host name matches', why: 'A Subject Alternative Name covers the host name you entered.', fix: 'Nothing to do.' },
  NOT_YET_VALID: {
    title: 'Not yet valid',
    why: 'The evaluation time is before notBefore. Also check the clock of the machine that reports it.',
    fix: 'Wait until notBefore, fix the clock, or reissue with a correct start date.',
  },
  EXPIRED: { title: 'Expired', why: 'The evaluation time is after notAfter; every TLS stack refuses it.', fix: 'Renew the certificate and deploy the new one (with its chain).' },
  EXPIRES_SOON: { title: 'Expires soon', why: 'Fewer than 30 days remain.', fix: 'Renew now; automate renewal (ACME) where possible.' },
  LIFETIME_EXCEEDS_PUBLIC_LIMIT: {
    title: 'Lifetime above the public limit',
    why: 'Publicly trusted TLS certificates may not exceed the CA/Browser Forum maximum lifetime in force when they were issued (398 days; 200 from 2026-03-15).',
    fix: 'Reissue with a shorter lifetime.',
  },
  WEAK_RSA_KEY: { title: 'RSA key below 2048 bits', why: 'Keys under 2048 bits are refused by browsers and by OpenSSL at default security levels.', fix: 'Generate a new key (RSA 2048+ or ECDSA P-256) and reissue.' },
  KEY_NOT_WEB_COMPATIBLE: {
    title: 'Key type not used by browsers',
    why: 'Browsers only negotiate RSA and ECDSA P-256/P-384 certificates; Ed25519 and other curves work only with OpenSSL/Go peers.',
    fix: 'For browsers, use an ECDSA P-256 or RSA key.',
  },
  WEAK_SIGNATURE_ALGORITHM: { title: 'Weak signature (MD5/SHA-1)', why: 'SHA-1 and MD5 signatures are refused by browsers and modern libraries.', fix: 'Reissue with SHA-256 or better (and re-sign intermediates).' },
  CHAIN_TRUSTED: { title: 'Chain is trusted', why: 'A path to a trusted root was found and every signature verified.', fix: 'Nothing to do. Servers must still send the intermediates.' },
  CHAIN_PRIVATE_ROOT: {
    title: 'Ends at a private root',
    why: 'The chain ends at a self-signed root that is not in the public root stores. Peers must be configured to trust it.',
    fix: 'Install the root on the peer (nginx ssl_client_certificate / ssl_trusted_certificate, Apache SSLCACertificateFile, Java truststore), or mark it trusted here to evaluate as if it were.',
  },
  CHAIN_ISSUER_NOT_FOUND: {
    title: 'Issuer not found',
    why: 'No loaded or built-in certificate issued this one, so no path to a root can be built.',
    fix: 'Load the missing intermediate here; on servers, send the full chain (leaf + intermediates), e.g. nginx ssl_certificate with fullchain.pem.',
  },
  CHAIN_SIGNATURE_INVALID: { title: 'A signature does not verify', why: 'The certificate was not signed by the issuer found, or it was altered.', fix: 'Use the correct issuer certificate; reissue if the certificate was modified.' },
  CHAIN_SIGNATURE_UNSUPPORTED: { title: 'A signature could not be checked', why: 'This browser cannot verify that signature algorithm, so it is neither passed nor failed.', fix: 'Check with OpenSSL; consider a widely supported algorithm.' },
  CHAIN_ISSUER_NOT_CA: { title: 'Issuer is not a CA', why: 'An issuer lacks basicConstraints cA=TRUE or keyUsage keyCertSign.', fix: 'Issue from a proper CA certificate.' },
  CHAIN_PATH_LENGTH_EXCEEDED: { title: 'Path length exceeded', why: 'A CA’s pathLenConstraint allows fewer intermediates below it than the path has.', fix: 'Shorten the path or reissue the CA with a larger path length.' },
  CHAIN_ISSUER_EKU_EXCLUDES: { title: 'An intermediate’s EKU excludes this role', why: 'Browsers and Mozilla enforce EKU down the chain: an intermediate restricted to other purposes cannot issue for this role.', fix: 'Issue from an intermediate allowed for this role.' },
  CHAIN_NAME_CONSTRAINTS_VIOLATED: { title: 'Name constraints violated', why: 'A name in the certificate is outside a CA’s permitted subtrees or inside its excluded ones.', fix: 'Use names the CA may issue for, or a different CA.' },
  CHAIN_ISSUER_EXPIRED: { title: 'An issuer is expired or not yet valid', why: 'Every certificate on the path must be valid at the evaluation time.', fix: 'Use a current intermediate/root (often a renewed or cross-signed one).' },
  REVOKED: { title: 'Revoked', why: 'A CRL you loaded, signed by the issuer, lists this serial number.', fix: 'Replace the certificate; revocation cannot be undone.' },
  REVOCATION_NOT_CHECKED: { title: 'Revocation not checked', why: 'No CRL for this issuer was loaded, and this app never fetches anything.', fix: 'Download the CRL from the distribution point yourself and drop it here to check.' },
  SCT_MISSING: { title: 'No embedded SCTs', why: 'Chrome and Safari require Certificate Transparency for publicly trusted certificates; SCTs may also arrive in the TLS handshake.', fix: 'Make sure the server staples SCTs, or obtain a certificate with embedded SCTs.' },
  PUBLIC_CLIENT_AUTH_SUNSET: {
    title: 'Public CAs stopped issuing client certificates',
    why: 'Since 2026 public CAs split server and client hierarchies; Let’s Encrypt dropped clientAuth. A renewed public certificate will likely lack clientAuth.',
    fix: 'Move mTLS clients to a private CA.',
  },
  PRIVATE_KEY_MATCHES: { title: 'Private key matches', why: 'A loaded private key is the pair of this certificate’s public key.', fix: 'Nothing to do.' },
  PRIVATE_KEY_MISMATCH: { title: 'Private key does not match', why: 'The key loaded with this certificate belongs to a different certificate; the TLS handshake will fail.', fix: 'Pair the certificate with the key it was issued for (compare SPKI pins).' },
  UNKNOWN_CRITICAL_EXTENSION: { title: 'Unknown critical extension', why: 'A certificate on the path carries a critical extension the verifier does not understand; RFC 5280 says to refuse it, and OpenSSL, Go, Java and webpki do.', fix: 'Reissue without marking that extension critical (or without it).' },
  PRIVATE_KEY_ABSENT: { title: 'No private key loaded', why: 'A client must prove it holds the private key, so it needs it next to the certificate (usually as PKCS#12).', fix: 'Load the key or the .p12 to check the pair.' },
};

export const STACK_LABEL: Record<Stack, string> = {
  openssl: 'OpenSSL',
  nginx: 'nginx',
  curl: 'curl',
  chrome: 'Chrome',
  go: 'Go',
  java: 'Java',
  python: 'Python',
  webpki: 'webpki (rustls, pyca)',
};
