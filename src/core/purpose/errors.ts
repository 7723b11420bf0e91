/**
 * Where failures show up: the messages of shared/spec/error-strings.md per finding code, and
 * the reverse direction, pasted error text to the checks that cause it.
 */
import type { BreakSite, FindingCode, Role } from './types';

const PURPOSE_26 = (role: Role): BreakSite[] => [
  { stack: 'openssl', message: 'unsuitable certificate purpose', versions: 'OpenSSL 3.1+ (and 3.0.x releases from 2023; verify error 26)' },
  { stack: 'openssl', message: 'unsupported certificate purpose', versions: 'OpenSSL ≤ 1.1.1 and early 3.0.x (verify error 26)' },
  nginxVerifySite(role, 26, 'unsuitable certificate purpose'),
  { stack: 'curl', message: 'SSL certificate problem: unsuitable certificate purpose', versions: 'curl ≤ 8.16' },
  { stack: 'curl', message: 'SSL certificate OpenSSL verify result: unsuitable certificate purpose (26)', versions: 'curl ≥ 8.17' },
  { stack: 'chrome', message: 'NET::ERR_CERT_INVALID' },
  { stack: 'go', message: 'x509: certificate specifies an incompatible key usage' },
  { stack: 'java', message: `Extended key usage does not permit use for TLS ${role === 'tlsServer' ? 'server' : 'client'} authentication` },
  { stack: 'python', message: '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unsuitable certificate purpose (_ssl.c:NNNN)' },
];

const verify = (n: number, text: string, old?: { text: string; versions: string; current: string }, role: Role = 'tlsClient'): BreakSite[] => [
  ...(old
    ? [
        { stack: 'openssl' as const, message: text, versions: old.current },
        { stack: 'openssl' as const, message: old.text, versions: old.versions },
      ]
    : [{ stack: 'openssl' as const, message: text }]),
  nginxVerifySite(role, n, text),
  { stack: 'curl', message: `SSL certificate problem: ${text}`, versions: 'curl ≤ 8.16' },
  { stack: 'curl', message: `SSL certificate OpenSSL verify result: ${text} (${n})`, versions: 'curl ≥ 8.17' },
  { stack: 'python', message: `[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: ${text} (_ssl.c:NNNN)` },
];

/** nginx as a server checking clients (ssl_verify_client) or as a proxy checking its upstream (proxy_ssl_verify). */
export function nginxVerifySite(role: Role, n: number, text: string): BreakSite {
  return role === 'tlsClient'
    ? { stack: 'nginx', message: `client SSL certificate verify error: (${n}:${text})`, versions: 'nginx checking client certificates (ssl_verify_client)' }
    : { stack: 'nginx', message: `upstream SSL certificate verify error: (${n}:${text})`, versions: 'nginx as a proxy checking its upstream (proxy_ssl_verify)' };
}

/** OpenSSL 3.0 verify error numbers by X509_verify_cert_error_string text (x509_txt.c). */
export const OPENSSL_VERIFY_NUMBERS: Readonly<Record<string, number>> = {
  'unable to get issuer certificate': 2,
  'unable to get certificate CRL': 3,
  'certificate signature failure': 7,
  'CRL signature failure': 8,
  'certificate is not yet valid': 9,
  'certificate has expired': 10,
  'CRL is not yet valid': 11,
  'CRL has expired': 12,
  "format error in certificate's notBefore field": 13,
  "format error in certificate's notAfter field": 14,
  'self-signed certificate': 18,
  'self-signed certificate in certificate chain': 19,
  'unable to get local issuer certificate': 20,
  'unable to verify the first certificate': 21,
  'certificate chain too long': 22,
  'certificate revoked': 23,
  'path length constraint exceeded': 25,
  'unsuitable certificate purpose': 26,
  'certificate not trusted': 27,
  'certificate rejected': 28,
  'key usage does not include certificate signing': 32,
  'unable to get CRL issuer certificate': 33,
  'unhandled critical extension': 34,
  'key usage does not include CRL signing': 35,
  'unhandled critical CRL extension': 36,
  'permitted subtree violation': 47,
  'excluded subtree violation': 48,
  'name constraints minimum and maximum not supported': 49,
  'unsupported name constraint type': 51,
  'unsupported or invalid name constraint syntax': 52,
  'unsupported or invalid name syntax': 53,
  'CRL path validation error': 54,
  'hostname mismatch': 62,
  'email address mismatch': 63,
  'IP address mismatch': 64,
  'EE certificate key too weak': 66,
  'CA certificate key too weak': 67,
  'CA signature digest algorithm too weak': 68,
  'invalid CA certificate': 79,
};

const UNKNOWN_AUTHORITY: BreakSite[] = [
  { stack: 'chrome', message: 'NET::ERR_CERT_AUTHORITY_INVALID' },
  { stack: 'go', message: 'x509: certificate signed by unknown authority' },
  { stack: 'java', message: 'PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target' },
];

const CLIENT_SIDE: BreakSite[] = [
  { stack: 'openssl', message: 'sslv3 alert bad certificate', versions: 'OpenSSL ≤ 3.0 (the client sees the server\'s alert 42)' },
  { stack: 'openssl', message: 'ssl/tls alert bad certificate', versions: 'OpenSSL 3.1+' },
  { stack: 'nginx', message: '400 Bad Request: The SSL certificate error' },
  { stack: 'go', message: 'remote error: tls: bad certificate' },
  { stack: 'java', message: 'Received fatal alert: bad_certificate' },
];

export interface BreakContext {
  readonly role: Role;
  readonly host?: string | null;
  /** DNS/IP SAN values, for Go's "valid for X, not Y". */
  readonly names?: readonly string[];
}

/** The break sites for a finding code in a role; empty for codes that are not failures anywhere. */
export function breakSitesFor(code: FindingCode, ctx: BreakContext): BreakSite[] {
  const host = ctx.host ?? 'HOST';
  const v = (n: number, text: string, old?: { text: string; versions: string; current: string }): BreakSite[] => verify(n, text, old, ctx.role);
  const clientExtra = ctx.role === 'tlsClient' ? CLIENT_SIDE : [];
  switch (code) {
    case 'EKU_SERVER_AUTH_MISSING':
    case 'EKU_CLIENT_AUTH_MISSING':
    case 'CHAIN_ISSUER_EKU_EXCLUDES':
    case 'NS_CERT_TYPE_EXCLUDES':
    case 'EKU_ABSENT':
    case 'EKU_ANY_ONLY':
      return code === 'EKU_ABSENT' || code === 'EKU_ANY_ONLY' ? [] : [...PURPOSE_26(ctx.role), ...clientExtra];
    case 'KU_DIGITAL_SIGNATURE_MISSING':
      return [
        { stack: 'chrome', message: 'ERR_SSL_KEY_USAGE_INCOMPATIBLE' },
        { stack: 'java', message: 'KeyUsage does not allow digital signatures' },
        { stack: 'go', message: 'x509: certificate specifies an incompatible key usage' },
        ...clientExtra,
      ];
    case 'CHAIN_ISSUER_NOT_FOUND':
      return [
        ...v(20, 'unable to get local issuer certificate'),
        { stack: 'openssl', message: 'unable to verify the first certificate', versions: 'verify error 21, when only the leaf is sent' },
        ...UNKNOWN_AUTHORITY,
        ...clientExtra,
      ];
    case 'CHAIN_PRIVATE_ROOT':
      return [
        ...v(19, 'self-signed certificate in certificate chain', { text: 'self signed certificate in certificate chain', versions: 'OpenSSL ≤ 1.1.1', current: 'OpenSSL 3.0+' }),
        { stack: 'openssl', message: 'self-signed certificate', versions: 'verify error 18, a self-signed leaf (≤ 1.1.1: "self signed certificate")' },
        ...UNKNOWN_AUTHORITY,
        ...(ctx.role === 'tlsClient' ? [{ stack: 'openssl' as const, message: 'tlsv1 alert unknown ca' }, { stack: 'go' as const, message: 'remote error: tls: unknown certificate authority' }] : []),
      ];
    case 'EXPIRED':
    case 'CHAIN_ISSUER_EXPIRED':
      return [
        ...v(10, 'certificate has expired'),
        { stack: 'chrome', message: 'NET::ERR_CERT_DATE_INVALID' },
        { stack: 'go', message: 'x509: certificate has expired or is not yet valid: current time … is after …' },
        { stack: 'java', message: 'PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed' },
        ...(ctx.role === 'tlsClient' ? [{ stack: 'go' as const, message: 'remote error: tls: expired certificate' }] : []),
      ];
    case 'NOT_YET_VALID':
      return [
        ...v(9, 'certificate is not yet valid', { text: 'certificate is not yet valid or the system clock is incorrect', versions: 'OpenSSL 3.6+', current: 'OpenSSL ≤ 3.5' }),
        { stack: 'chrome', message: 'NET::ERR_CERT_DATE_INVALID' },
        { stack: 'go', message: 'x509: certificate has expired or is not yet valid: current time … is before …' },
        { stack: 'java', message: 'PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed' },
      ];
    case 'HOSTNAME_MISMATCH':
    case 'SAN_MISSING': {
      const isIp = /^[0-9.]+$|:/u.test(host);
      const names = ctx.names ?? [];
      const sites: BreakSite[] = [
        isIp ? { stack: 'openssl', message: 'IP address mismatch', versions: 'verify error 64' } : { stack: 'openssl', message: 'hostname mismatch', versions: 'OpenSSL 3.0+ (verify error 62; "Hostname mismatch" in 1.0.2–1.1.1)' },
        { stack: 'curl', message: `SSL: no alternative certificate subject name matches target hostname '${host}'`, versions: 'curl 8.7.0+ ("target host name" before)' },
        { stack: 'chrome', message: 'NET::ERR_CERT_COMMON_NAME_INVALID' },
        code === 'SAN_MISSING'
          ? { stack: 'go', message: 'x509: certificate relies on legacy Common Name field, use SANs instead', versions: 'Go 1.17+' }
          : names.length > 0
            ? { stack: 'go', message: `x509: certificate is valid for ${names.join(', ')}, not ${host}` }
            : { stack: 'go', message: `x509: certificate is not valid for any names, but wanted to match ${host}` },
        isIp
          ? { stack: 'java', message: code === 'SAN_MISSING' ? 'No subject alternative names present' : `No subject alternative names matching IP address ${host} found` }
          : { stack: 'java', message: code === 'SAN_MISSING' ? `No name matching ${host} found` : `No subject alternative DNS name matching ${host} found.` },
        { stack: 'python', message: `[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: ${isIp ? 'IP address' : 'Hostname'} mismatch, certificate is not valid for '${host}'. (_ssl.c:NNNN)` },
        { stack: 'nginx', message: `upstream SSL certificate does not match "${host}"` },
      ];
      return sites;
    }
    case 'REVOKED':
      return [
        ...v(23, 'certificate revoked'),
        { stack: 'chrome', message: 'NET::ERR_CERT_REVOKED' },
        { stack: 'java', message: 'Certificate has been revoked, reason: …' },
        ...(ctx.role === 'tlsClient' ? [{ stack: 'go' as const, message: 'remote error: tls: revoked certificate' }] : []),
      ];
    case 'CHAIN_SIGNATURE_INVALID':
      return [...v(7, 'certificate signature failure'), { stack: 'chrome', message: 'NET::ERR_CERT_AUTHORITY_INVALID' }, { stack: 'java', message: 'signature check failed' }, ...clientExtra];
    case 'CHAIN_ISSUER_NOT_CA':
      return [
        ...v(79, 'invalid CA certificate'),
        { stack: 'openssl', message: 'invalid CA certificate', versions: 'OpenSSL ≤ 1.1.1 numbers it 24' },
        { stack: 'chrome', message: 'NET::ERR_CERT_INVALID' },
        ...clientExtra,
      ];
    case 'CHAIN_PATH_LENGTH_EXCEEDED':
      return [...v(25, 'path length constraint exceeded'), { stack: 'chrome', message: 'NET::ERR_CERT_INVALID' }, ...clientExtra];
    case 'CHAIN_NAME_CONSTRAINTS_VIOLATED':
      return [
        ...v(47, 'permitted subtree violation'),
        { stack: 'openssl', message: 'excluded subtree violation', versions: 'verify error 48' },
        { stack: 'chrome', message: 'NET::ERR_CERT_NAME_CONSTRAINT_VIOLATION' },
        { stack: 'go', message: 'x509: a root or intermediate certificate is not authorized to sign for this name: …' },
        ...clientExtra,
      ];
    case 'WEAK_SIGNATURE_ALGORITHM':
      return [...v(68, 'CA signature digest algorithm too weak'), { stack: 'chrome', message: 'NET::ERR_CERT_WEAK_SIGNATURE_ALGORITHM' }, ...clientExtra];
    case 'WEAK_RSA_KEY':
      return [...v(66, 'EE certificate key too weak'), { stack: 'chrome', message: 'NET::ERR_CERT_WEAK_KEY' }, ...clientExtra];
    case 'LIFETIME_EXCEEDS_PUBLIC_LIMIT':
      return [{ stack: 'chrome', message: 'NET::ERR_CERT_VALIDITY_TOO_LONG' }];
    case 'SCT_MISSING':
      return [{ stack: 'chrome', message: 'NET::ERR_CERTIFICATE_TRANSPARENCY_REQUIRED' }];
    case 'PRIVATE_KEY_MISMATCH':
      return [
        { stack: 'openssl', message: 'key values mismatch', versions: 'X509_check_private_key, e.g. nginx "SSL_CTX_use_PrivateKey(…) failed"' },
        { stack: 'go', message: 'tls: private key does not match public key' },
      ];
    case 'PRIVATE_KEY_ABSENT':
      return [
        { stack: 'nginx', message: '400 Bad Request: No required SSL certificate was sent' },
        { stack: 'openssl', message: 'tlsv13 alert certificate required' },
      ];
    default:
      return [];
  }
}

// ------------------------------------------------------------------------------------------
// Pasted error text → checks
// ------------------------------------------------------------------------------------------

/** The verifier family whose wording a pasted message is in (suitability.md, "Verdicts per verifier"). */
export type ErrorSource = 'chrome' | 'openssl' | 'go' | 'java' | 'webpki';

const SOURCES: readonly { readonly source: ErrorSource; readonly stack: string; readonly re: RegExp }[] = [
  { source: 'go', stack: 'Go crypto/x509 or crypto/tls', re: /\bx509: |\btls: (failed to verify|bad certificate|unknown certificate authority)|remote error: tls:/u },
  { source: 'java', stack: 'Java (JSSE/PKIX)', re: /PKIX path|sun\.security|java\.security|CertPathValidatorException|SunCertPathBuilderException|No subject alternative (DNS )?names?|No name matching|Extended key usage does not permit|KeyUsage does not allow|Received fatal alert|Unrecognized critical extension|validity check failed/u },
  { source: 'chrome', stack: 'Chrome / Chromium', re: /\b(?:net|NET)::ERR_|\bERR_CERT_|\bERR_SSL_/u },
  { source: 'webpki', stack: 'rustls-webpki / pyca cryptography', re: /validation failed:|candidates exhausted|UnknownIssuer|CertNotValidForName|InvalidCertificate\(|VerificationError/u },
  { source: 'openssl', stack: 'OpenSSL (nginx, curl, Python, Node)', re: /SSL routines|error:0A0|certificate verify failed|verify error|SSL certificate (problem|OpenSSL verify result|verify result)|SSL certificate verify error|CERTIFICATE_VERIFY_FAILED|unable to get (local )?issuer|self[- ]signed certificate|unsuitable certificate purpose|unsupported certificate purpose|hostname mismatch|ee key too small|ca md too weak|key too weak|subtree violation|unhandled critical extension|certificate has expired|alert (bad|unknown|certificate)/iu },
];

/** Which verifier family printed `text`, when its wording says so. */
export function errorSource(text: string): { readonly source: ErrorSource; readonly stack: string } | null {
  const hit = SOURCES.find((x) => x.re.test(text));
  return hit ? { source: hit.source, stack: hit.stack } : null;
}

export interface ErrorExplanation {
  readonly code: FindingCode;
  /** The verifier family whose wording this is, when recognisable. */
  readonly source?: ErrorSource;
  /** Why this error happens, in one sentence. */
  readonly why: string;
  /** What to look at in the certificate. */
  readonly check: string;
}

const EXPLAIN: Partial<Record<FindingCode, Omit<ErrorExplanation, 'code'>>> = {
  EKU_SERVER_AUTH_MISSING: { why: 'The certificate\'s Extended Key Usage does not allow the TLS server role.', check: 'Extended Key Usage must list serverAuth (1.3.6.1.5.5.7.3.1).' },
  EKU_CLIENT_AUTH_MISSING: { why: 'The certificate\'s Extended Key Usage does not allow the TLS client role.', check: 'Extended Key Usage must list clientAuth (1.3.6.1.5.5.7.3.2).' },
  CHAIN_ISSUER_EKU_EXCLUDES: { why: 'An intermediate CA restricts its EKU and the role is not in it.', check: 'Extended Key Usage of each intermediate.' },
  KU_DIGITAL_SIGNATURE_MISSING: { why: 'The key usage bits do not allow the signature TLS needs.', check: 'Key Usage must include digitalSignature.' },
  CHAIN_ISSUER_NOT_FOUND: { why: 'The verifier could not find the issuing CA: an intermediate was not sent, or the root is not trusted.', check: 'Send the full chain (leaf + intermediates) and make sure the root is in the trust store.' },
  CHAIN_PRIVATE_ROOT: { why: 'The chain ends at a self-signed root the verifier does not trust.', check: 'Add the root to the peer\'s trust store (e.g. nginx ssl_client_certificate).' },
  EXPIRED: { why: 'The evaluation time is after the certificate\'s notAfter.', check: 'Validity dates of the leaf and of every CA in the chain.' },
  NOT_YET_VALID: { why: 'The evaluation time is before notBefore (or the clock is wrong).', check: 'notBefore, and the clock of the machine that failed.' },
  CHAIN_ISSUER_EXPIRED: { why: 'An intermediate or root in the chain is outside its validity.', check: 'Validity dates of every CA in the chain.' },
  HOSTNAME_MISMATCH: { why: 'No subjectAltName entry matches the name the client connected to.', check: 'Subject Alternative Name DNS/IP entries (the Common Name is ignored).' },
  SAN_MISSING: { why: 'The certificate has no DNS or IP subjectAltName; modern clients ignore the Common Name.', check: 'Add a Subject Alternative Name.' },
  SAN_MALFORMED: { why: 'The certificate has a subjectAltName extension that does not decode strictly (trailing bytes, a broken name); verifiers that parse it strictly refuse the certificate.', check: 'Re-issue the certificate with a well-formed Subject Alternative Name.' },
  REVOKED: { why: 'The issuer has revoked the certificate.', check: 'The CRL (or OCSP response) for this serial number.' },
  CHAIN_SIGNATURE_INVALID: { why: 'A signature in the chain does not verify with its issuer\'s key.', check: 'That each certificate is really issued by the next one (a re-keyed CA with the same name?).' },
  CHAIN_ISSUER_NOT_CA: { why: 'A certificate used as an issuer is not a CA.', check: 'basicConstraints cA=TRUE and keyUsage keyCertSign on every issuer.' },
  CHAIN_PATH_LENGTH_EXCEEDED: { why: 'More CAs below a CA than its pathLenConstraint allows.', check: 'basicConstraints pathLenConstraint on each CA.' },
  CHAIN_NAME_CONSTRAINTS_VIOLATED: { why: 'A name in the certificate is outside what a CA is allowed to sign for.', check: 'Name Constraints on the CAs and the SAN/subject of the certificate.' },
  WEAK_RSA_KEY: { why: 'A key on the path is too small (or of a type) the verifier refuses: OpenSSL at security level 2 (Debian/Ubuntu default) needs RSA ≥ 2048 on every link ("ee key too small" when loading it, "EE/CA certificate key too weak" when verifying).', check: 'RSA modulus of the leaf and of every CA must be 2048 bits or more.' },
  UNKNOWN_CRITICAL_EXTENSION: { why: 'A certificate on the path has a critical extension the verifier does not understand.', check: 'Extensions marked critical on the leaf, the intermediates and the root.' },
  WEAK_SIGNATURE_ALGORITHM: { why: 'A certificate in the chain is signed with MD5 or SHA-1.', check: 'Signature algorithm of the leaf and intermediates.' },
  LIFETIME_EXCEEDS_PUBLIC_LIMIT: { why: 'A publicly trusted certificate is valid longer than the CA/Browser Forum limit.', check: 'notAfter − notBefore.' },
  SCT_MISSING: { why: 'Certificate Transparency proofs were not found.', check: 'The embedded SCT list extension (or SCTs delivered in the handshake).' },
  PRIVATE_KEY_MISMATCH: { why: 'The private key configured does not belong to the certificate.', check: 'Pair the certificate with its own key (compare the public keys).' },
  PRIVATE_KEY_ABSENT: { why: 'The server asked for a client certificate and none was sent.', check: 'That the client is configured with a certificate and its private key (often a .p12).' },
};

const PATTERNS: readonly { readonly re: RegExp; readonly codes: readonly FindingCode[] }[] = [
  { re: /ee key too small|ca key too small|ee_key_too_small|ca_key_too_small|0A00018F|0A00018D/iu, codes: ['WEAK_RSA_KEY'] },
  { re: /ca md too weak|ca_md_too_weak|0A00018E/iu, codes: ['WEAK_SIGNATURE_ALGORITHM'] },
  { re: /unhandled critical extension|unrecognized critical extension/iu, codes: ['UNKNOWN_CRITICAL_EXTENSION'] },
  { re: /not authorized to sign other certificates|not a CA certificate|basicConstraints\.cA|issuer is not a ca/iu, codes: ['CHAIN_ISSUER_NOT_CA'] },
  { re: /too many intermediates for path length|path length constraint violated/iu, codes: ['CHAIN_PATH_LENGTH_EXCEEDED'] },
  { re: /insecure algorithm SHA1|insecure algorithm MD5|Forbidden signature algorithm|Algorithm constraints check failed/iu, codes: ['WEAK_SIGNATURE_ALGORITHM'] },
  { re: /Forbidden public key algorithm|RSA key is too small|unsupported type of public key|unsupported elliptic curve/iu, codes: ['WEAK_RSA_KEY'] },
  { re: /unknown_issuer|UnknownIssuer|candidates exhausted: .*(issuer|unknown)/iu, codes: ['CHAIN_ISSUER_NOT_FOUND', 'CHAIN_PRIVATE_ROOT'] },
  { re: /CertNotValidForName|leaf certificate has no matching subjectAltName|no subjectAltName/iu, codes: ['HOSTNAME_MISMATCH'] },
  { re: /unsuitable certificate purpose|unsupported certificate purpose|incompatible key usage|extended key usage does not permit|not authorized for an extended key usage/iu, codes: ['EKU_SERVER_AUTH_MISSING', 'EKU_CLIENT_AUTH_MISSING', 'CHAIN_ISSUER_EKU_EXCLUDES'] },
  { re: /keyusage does not allow digital signatures|err_ssl_key_usage_incompatible/iu, codes: ['KU_DIGITAL_SIGNATURE_MISSING'] },
  { re: /self[- ]signed certificate|certificate not trusted|unknown ca\b|unknown certificate authority/iu, codes: ['CHAIN_PRIVATE_ROOT', 'CHAIN_ISSUER_NOT_FOUND'] },
  { re: /unable to get (local )?issuer certificate|unable to verify the first certificate|signed by unknown authority|unable to find valid certification path|pkix path building failed|err_cert_authority_invalid/iu, codes: ['CHAIN_ISSUER_NOT_FOUND', 'CHAIN_PRIVATE_ROOT'] },
  { re: /certificate has expired|expired certificate|certificate expired|certificateexpiredexception/iu, codes: ['EXPIRED', 'CHAIN_ISSUER_EXPIRED'] },
  { re: /not yet valid|certificatenotyetvalidexception/iu, codes: ['NOT_YET_VALID'] },
  { re: /expired or is not yet valid|validity check failed|err_cert_date_invalid/iu, codes: ['EXPIRED', 'NOT_YET_VALID', 'CHAIN_ISSUER_EXPIRED'] },
  { re: /hostname mismatch|ip address mismatch|is valid for .*, not |not valid for any names|doesn't contain any ip sans|no subject alternative (dns )?names? matching|no name matching|no alternative certificate subject name matches|err_cert_common_name_invalid|ssl certificate does not match/iu, codes: ['HOSTNAME_MISMATCH'] },
  { re: /legacy common name field|no subject alternative names present/iu, codes: ['SAN_MISSING'] },
  { re: /certificate revoked|has been revoked|revoked certificate|err_cert_revoked/iu, codes: ['REVOKED'] },
  { re: /certificate signature failure|signature check failed/iu, codes: ['CHAIN_SIGNATURE_INVALID'] },
  { re: /invalid ca certificate/iu, codes: ['CHAIN_ISSUER_NOT_CA'] },
  { re: /path length constraint exceeded/iu, codes: ['CHAIN_PATH_LENGTH_EXCEEDED'] },
  { re: /(permitted|excluded) subtree violation|not authorized to sign for this name|err_cert_name_constraint_violation/iu, codes: ['CHAIN_NAME_CONSTRAINTS_VIOLATED'] },
  { re: /key too weak|err_cert_weak_key/iu, codes: ['WEAK_RSA_KEY'] },
  { re: /digest algorithm too weak|err_cert_weak_signature_algorithm/iu, codes: ['WEAK_SIGNATURE_ALGORITHM'] },
  { re: /err_cert_validity_too_long/iu, codes: ['LIFETIME_EXCEEDS_PUBLIC_LIMIT'] },
  { re: /err_certificate_transparency_required/iu, codes: ['SCT_MISSING'] },
  { re: /key values mismatch|private key does not match/iu, codes: ['PRIVATE_KEY_MISMATCH'] },
  { re: /no required ssl certificate|certificate required/iu, codes: ['PRIVATE_KEY_ABSENT'] },
  { re: /bad certificate|bad_certificate|the ssl certificate error/iu, codes: ['EKU_CLIENT_AUTH_MISSING', 'CHAIN_ISSUER_NOT_FOUND', 'CHAIN_PRIVATE_ROOT', 'EXPIRED'] },
];

/** OpenSSL verify error numbers (x509_vfy.h; 79 is INVALID_CA in 3.0+, 24 in ≤ 1.1.1). */
const OPENSSL_NUMBERS: Readonly<Record<number, readonly FindingCode[]>> = {
  2: ['CHAIN_ISSUER_NOT_FOUND'],
  7: ['CHAIN_SIGNATURE_INVALID'],
  9: ['NOT_YET_VALID'],
  10: ['EXPIRED', 'CHAIN_ISSUER_EXPIRED'],
  18: ['CHAIN_PRIVATE_ROOT'],
  19: ['CHAIN_PRIVATE_ROOT'],
  20: ['CHAIN_ISSUER_NOT_FOUND'],
  21: ['CHAIN_ISSUER_NOT_FOUND'],
  23: ['REVOKED'],
  24: ['CHAIN_ISSUER_NOT_CA'],
  25: ['CHAIN_PATH_LENGTH_EXCEEDED'],
  26: ['EKU_SERVER_AUTH_MISSING', 'EKU_CLIENT_AUTH_MISSING', 'CHAIN_ISSUER_EKU_EXCLUDES'],
  27: ['CHAIN_PRIVATE_ROOT'],
  47: ['CHAIN_NAME_CONSTRAINTS_VIOLATED'],
  48: ['CHAIN_NAME_CONSTRAINTS_VIOLATED'],
  62: ['HOSTNAME_MISMATCH'],
  64: ['HOSTNAME_MISMATCH'],
  66: ['WEAK_RSA_KEY'],
  67: ['WEAK_RSA_KEY'],
  68: ['WEAK_SIGNATURE_ALGORITHM'],
  79: ['CHAIN_ISSUER_NOT_CA'],
};

const NUMBER_FORMS: readonly RegExp[] = [
  /\((\d{1,2}):[a-z]/giu, // nginx "(20:unable …)"
  /verify error:num=(\d{1,2})/giu, // openssl s_client
  /verify (?:return|result)[^()\n]*\((\d{1,2})\)/giu, // curl ≥ 8.17, "Verify return code: 20 (…)" handled below
  /verify return code: (\d{1,2})/giu,
  /error (\d{1,2}) at \d+ depth/giu, // openssl verify
];

/** Explains pasted error text: which checks produce it (case-insensitive, partial text is fine). */
export function decodeErrorText(text: string): ErrorExplanation[] {
  const codes: FindingCode[] = [];
  const add = (c: FindingCode): void => {
    if (!codes.includes(c)) codes.push(c);
  };
  for (const form of NUMBER_FORMS) {
    for (const m of text.matchAll(form)) for (const c of OPENSSL_NUMBERS[Number(m[1])] ?? []) add(c);
  }
  for (const p of PATTERNS) if (p.re.test(text)) p.codes.forEach(add);
  // "error:0A000086:SSL routines::certificate verify failed" alone: the verify error that caused it is elsewhere in the log.
  if (codes.length === 0 && /certificate verify failed|0A000086/iu.test(text)) ['CHAIN_ISSUER_NOT_FOUND', 'CHAIN_PRIVATE_ROOT', 'EXPIRED', 'HOSTNAME_MISMATCH', 'EKU_SERVER_AUTH_MISSING'].forEach((c) => add(c as FindingCode));
  const source = errorSource(text)?.source;
  return codes.map((code) => {
    const e = EXPLAIN[code];
    const base = { code, why: e?.why ?? code, check: e?.check ?? '' };
    return source ? { ...base, source } : base;
  });
}
