import { describe, expect, it } from 'vitest';
import { breakSitesFor, decodeErrorText } from './errors';
import type { FindingCode } from './types';

describe('decodeErrorText', () => {
  const rows: [string, FindingCode, string][] = [
    ['2026/06/01 [info] client SSL certificate verify error: (20:unable to get local issuer certificate) while reading', 'CHAIN_ISSUER_NOT_FOUND', 'nginx log line'],
    ['verify error:num=26:unsuitable certificate purpose', 'EKU_CLIENT_AUTH_MISSING', 'openssl s_client with number'],
    ['error 26 at 0 depth lookup', 'EKU_SERVER_AUTH_MISSING', 'openssl verify, number only'],
    ['curl: (60) SSL certificate OpenSSL verify result: certificate has expired (10)', 'EXPIRED', 'curl ≥ 8.17'],
    ['tls: failed to verify certificate: x509: certificate signed by unknown authority', 'CHAIN_ISSUER_NOT_FOUND', 'Go'],
    ['x509: certificate is valid for a.example.com, not b.example.com', 'HOSTNAME_MISMATCH', 'Go host name'],
    ['x509: certificate relies on legacy Common Name field, use SANs instead', 'SAN_MISSING', 'Go CN only'],
    ['NET::ERR_CERT_COMMON_NAME_INVALID', 'HOSTNAME_MISMATCH', 'Chrome, upper case'],
    ['net::err_cert_date_invalid', 'EXPIRED', 'Chrome, lower case'],
    ['PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target', 'CHAIN_ISSUER_NOT_FOUND', 'Java'],
    ['Extended key usage does not permit use for TLS client authentication', 'EKU_CLIENT_AUTH_MISSING', 'Java EKU'],
    ['self signed certificate in certificate chain', 'CHAIN_PRIVATE_ROOT', 'OpenSSL 1.1.1 spelling'],
    ['SSL routines::ssl/tls alert bad certificate', 'EKU_CLIENT_AUTH_MISSING', 'client-side generic alert'],
    ['<title>400 No required SSL certificate was sent</title>', 'PRIVATE_KEY_ABSENT', 'nginx 496 page'],
    ['(79:invalid CA certificate)', 'CHAIN_ISSUER_NOT_CA', 'OpenSSL 3 number 79'],
    ['key values mismatch', 'PRIVATE_KEY_MISMATCH', 'nginx key load'],
  ];
  it.each(rows)('%s → %s (%s)', (text, code, _why) => {
    expect(decodeErrorText(text).map((e) => e.code)).toContain(code);
  });
  it('returns nothing for unrelated text', () => {
    expect(decodeErrorText('connection refused')).toEqual([]);
  });
  it('every explanation has a why and a check', () => {
    for (const e of decodeErrorText('unable to get local issuer certificate; certificate has expired')) {
      expect(e.why.length).toBeGreaterThan(10);
      expect(e.check.length).toBeGreaterThan(5);
    }
  });
});

describe('breakSitesFor', () => {
  it('shows each OpenSSL version wording for the purpose error', () => {
    const m = breakSitesFor('EKU_SERVER_AUTH_MISSING', { role: 'tlsServer' }).map((s) => s.message);
    expect(m).toContain('unsuitable certificate purpose');
    expect(m).toContain('unsupported certificate purpose');
    expect(m).toContain('Extended key usage does not permit use for TLS server authentication');
    expect(m).toContain('NET::ERR_CERT_INVALID');
  });
  it('uses the host name and SANs in the Go message', () => {
    const m = breakSitesFor('HOSTNAME_MISMATCH', { role: 'tlsServer', host: 'b.example', names: ['a.example'] }).map((s) => s.message);
    expect(m).toContain('x509: certificate is valid for a.example, not b.example');
    expect(m).toContain('No subject alternative DNS name matching b.example found.');
  });
});

describe('decodeErrorText: the verifier that printed it, and the messages added with the verifier models', () => {
  it.each([
    ['nginx: SSL_CTX_use_certificate("/etc/nginx/leaf.pem") failed (SSL: error:0A00018F:SSL routines::ee key too small)', 'WEAK_RSA_KEY', 'openssl', 'OpenSSL security level 2 refusing a 1024-bit key at load time'],
    ['error:0A00018E:SSL routines::ca md too weak', 'WEAK_SIGNATURE_ALGORITHM', 'openssl', 'SHA-1 CA signature at load time'],
    ['SSL_connect returned=1 errno=0 state=error: certificate verify failed (unable to get local issuer certificate)', 'CHAIN_ISSUER_NOT_FOUND', 'openssl', 'Ruby/Node style wrapper'],
    ['error:0A000086:SSL routines::certificate verify failed', 'CHAIN_ISSUER_NOT_FOUND', 'openssl', 'the generic prefix alone still points at the chain checks'],
    ['x509: certificate signed by unknown authority', 'CHAIN_PRIVATE_ROOT', 'go', 'a private root triggers Go\'s unknown-authority error too'],
    ['x509: unhandled critical extension', 'UNKNOWN_CRITICAL_EXTENSION', 'go', 'Go critical extension'],
    ['error 34 at 1 depth lookup: unhandled critical extension', 'UNKNOWN_CRITICAL_EXTENSION', 'openssl', 'OpenSSL critical extension'],
    ['x509: certificate is not authorized to sign other certificates', 'CHAIN_ISSUER_NOT_CA', 'go', 'Go non-CA issuer'],
    ['x509: too many intermediates for path length constraint', 'CHAIN_PATH_LENGTH_EXCEEDED', 'go', 'Go path length'],
    ['net::ERR_CERT_AUTHORITY_INVALID', 'CHAIN_ISSUER_NOT_FOUND', 'chrome', 'Chrome'],
    ['validation failed: candidates exhausted: path length constraint violated', 'CHAIN_PATH_LENGTH_EXCEEDED', 'webpki', 'pyca/cryptography'],
    ['PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed', 'EXPIRED', 'java', 'Java time'],
  ] as const)('%s → %s (%s): %s', (text, code, source, _why) => {
    const m = decodeErrorText(text);
    expect(m.map((x) => x.code)).toContain(code);
    expect(m[0]?.source).toBe(source);
  });
  it.each([
    ['this is not an error message', 'nothing matches'],
    ['', 'empty text'],
  ] as const)('%j: %s', (text, _why) => {
    expect(decodeErrorText(text)).toEqual([]);
  });
});
