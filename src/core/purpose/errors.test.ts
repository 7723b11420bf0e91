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
