/** Extensions decoded into `details` (QC statements, logotype, biometric info, …) and the otherNames people meet. */
import { describe, expect, it } from 'vitest';
import { encCtx, encInt, encNull, encOctets, encOid, encSeq, encTlv } from '../../input/der';
import { decodeExtensionValue } from './index';

const t = (tag: number, s: string): Uint8Array => encTlv(tag, new TextEncoder().encode(s));
const ia5 = (s: string) => t(0x16, s);
const utf8 = (s: string) => t(0x0c, s);
const printable = (s: string) => t(0x13, s);
const bits = (...b: number[]) => encTlv(0x03, Uint8Array.from(b));
const sha256 = () => encSeq(encOid('2.16.840.1.101.3.4.2.1'));

describe('details decoders', () => {
  const rows: [string, Uint8Array, Record<string, unknown>, string][] = [
    ['2.5.29.16', encSeq(encTlv(0x80, new TextEncoder().encode('20250101000000Z')), encTlv(0x81, new TextEncoder().encode('20270101000000Z'))), { type: 'privateKeyUsagePeriod', notBefore: '2025-01-01T00:00:00Z', notAfter: '2027-01-01T00:00:00Z' }, 'private key usage period (RFC 3280)'],
    ['1.3.6.1.5.5.7.48.1.5', encNull(), { type: 'ocspNoCheck' }, 'OCSP no-check'],
    ['1.2.840.113533.7.65.0', encSeq(t(0x1b, 'V8.1'), bits(0x07, 0x80)), { type: 'entrustVersion', version: 'V8.1', flags: ['keyUpdateAllowed'] }, 'Entrust version'],
    ['1.3.6.1.4.1.311.21.10', encSeq(encSeq(encOid('1.3.6.1.5.5.7.3.1')), encSeq(encOid('1.3.6.1.5.5.7.3.2'))), { type: 'msApplicationPolicies', policies: [{ oid: '1.3.6.1.5.5.7.3.1', name: 'serverAuth' }, { oid: '1.3.6.1.5.5.7.3.2', name: 'clientAuth' }] }, 'Microsoft application policies'],
    ['1.3.6.1.4.1.311.21.2', encOctets(Uint8Array.of(0xab, 0xcd)), { type: 'msPreviousCaCertHash', hashHex: 'abcd' }, 'Microsoft previous CA hash'],
    ['2.16.840.1.113730.1.2', ia5('https://ca.example/'), { type: 'netscapeText', text: 'https://ca.example/', lines: [{ label: 'Base URL', value: 'https://ca.example/' }] }, 'Netscape base URL'],
    ['2.16.840.1.113730.1.12', ia5('www.example.com'), { type: 'netscapeText', lines: [{ label: 'SSL server name', value: 'www.example.com' }] }, 'Netscape SSL server name'],
    [
      '1.3.6.1.5.5.7.1.3',
      encSeq(
        encSeq(encOid('0.4.0.1862.1.1')),
        encSeq(encOid('0.4.0.1862.1.6'), encSeq(encOid('0.4.0.1862.1.6.3'))),
        encSeq(encOid('0.4.0.1862.1.5'), encSeq(encSeq(ia5('https://pds.example/en'), printable('en')))),
        encSeq(encOid('0.4.0.1862.1.2'), encSeq(printable('EUR'), encInt(100), encInt(3))),
        encSeq(encOid('0.4.0.1862.1.3'), encInt(15)),
        encSeq(encOid('0.4.0.19495.2'), encSeq(encSeq(encSeq(encOid('0.4.0.19495.1.2'), utf8('PSP_PI'))), utf8('Finnish FSA'), utf8('FI-FINFSA'))),
        encSeq(encOid('1.3.6.1.5.5.7.11.2'), encSeq(encOid('0.4.0.194121.1.2'))),
      ),
      {
        type: 'qcStatements',
        statements: [
          { oid: '0.4.0.1862.1.1', name: 'QcCompliance', lines: [] },
          { oid: '0.4.0.1862.1.6', lines: [{ label: 'Type', value: 'QcType web (qualified website authentication, QWAC) (0.4.0.1862.1.6.3)' }] },
          { oid: '0.4.0.1862.1.5', lines: [{ label: 'PKI disclosure statement (en)', value: 'https://pds.example/en' }] },
          { oid: '0.4.0.1862.1.2', lines: [{ label: 'Limit', value: '100 × 10^3 EUR' }] },
          { oid: '0.4.0.1862.1.3', lines: [{ label: 'Retention period', value: '15 years after expiry' }] },
          { oid: '0.4.0.19495.2', lines: [{ label: 'PSD2 roles', value: 'PSP_PI' }, { label: 'National competent authority', value: 'Finnish FSA (FI-FINFSA)' }] },
          { oid: '1.3.6.1.5.5.7.11.2', lines: [{ label: 'Semantics', value: 'legal person semantics (0.4.0.194121.1.2)' }] },
        ],
      },
      'QC statements of an eIDAS QWAC with PSD2 roles (ETSI EN 319 412-5, TS 119 495)',
    ],
    [
      '1.3.6.1.5.5.7.1.12',
      encSeq(encCtx(1, encCtx(0, encSeq(encSeq(encSeq(ia5('image/svg+xml'), encSeq(encSeq(sha256(), encOctets(Uint8Array.of(1, 2)))), encSeq(ia5('https://ca.example/logo.svg')))))))),
      { type: 'logotype', lines: [{ label: 'Issuer logo image', value: 'image/svg+xml https://ca.example/logo.svg (SHA-256 0102)' }] },
      'logotype: issuer logo summary (RFC 9399)',
    ],
    ['1.3.6.1.5.5.7.1.2', encSeq(encSeq(encInt(0), sha256(), encOctets(Uint8Array.of(9)), ia5('https://bio.example/p'))), { type: 'biometricInfo', lines: [{ label: 'picture', value: 'SHA-256 09, source https://bio.example/p' }] }, 'biometric info (RFC 3739)'],
  ];
  it.each(rows.map(([o, v, e, w]) => [w, o, v, e] as const))('%s', (_why, oid, value, expected) => {
    const e = decodeExtensionValue(oid, false, value);
    expect(e.kind).toBe('unknown');
    expect(e.decodeError).toBeUndefined();
    expect(e.details).toMatchObject(expected);
    expect(e.details?.lines.length).toBeGreaterThan(0);
  });
  it('a details extension that does not decode keeps its raw bytes, a warning and no decodeError (verifiers do not parse it)', () => {
    const e = decodeExtensionValue('1.3.6.1.5.5.7.1.3', true, encInt(1));
    expect(e).toMatchObject({ kind: 'unknown', valueHex: '020101', decodeWarnings: [expect.objectContaining({ code: 'EXTENSION_MALFORMED' })] });
    expect(e.decodeError).toBeUndefined();
    expect(e.details).toBeUndefined();
  });
});

describe('otherNames in SANs', () => {
  const other = (oid: string, v: Uint8Array) => encSeq(encCtx(0, encOid(oid), encCtx(0, v)));
  const rows: [Uint8Array, Record<string, unknown>, string][] = [
    [other('1.3.6.1.4.1.311.20.2.3', utf8('alice@corp.example')), { type: 'upn', value: 'alice@corp.example' }, 'Microsoft UPN'],
    [other('1.3.6.1.5.2.2', encSeq(encCtx(0, t(0x1b, 'CORP.EXAMPLE')), encCtx(1, encSeq(encCtx(0, encInt(1)), encCtx(1, encSeq(t(0x1b, 'host'), t(0x1b, 'www.corp.example'))))))), { type: 'otherName', typeOid: '1.3.6.1.5.2.2', value: 'host/www.corp.example@CORP.EXAMPLE' }, 'Kerberos principal name (PKINIT)'],
    [other('1.3.6.1.5.5.7.8.9', utf8('δοκιμή@example.com')), { type: 'otherName', value: 'δοκιμή@example.com' }, 'SmtpUTF8Mailbox'],
    [other('1.3.6.1.5.5.7.8.4', encSeq(encOid('1.3.6.1.4.1.99.1'), encOctets(Uint8Array.of(0xca, 0xfe)))), { type: 'otherName', value: 'hwType 1.3.6.1.4.1.99.1, serial cafe' }, 'hardware module name (RFC 4108)'],
    [other('1.3.6.1.5.5.7.8.7', ia5('_xmpp-server.example.com')), { type: 'otherName', value: '_xmpp-server.example.com' }, 'DNS SRV name (RFC 4985)'],
    [other('1.3.6.1.5.5.7.8.5', utf8('juliet@im.example.com')), { type: 'otherName', value: 'juliet@im.example.com' }, 'XMPP address'],
  ];
  it.each(rows.map(([v, e, w]) => [w, v, e] as const))('%s', (_why, value, expected) => {
    const e = decodeExtensionValue('2.5.29.17', false, value);
    expect(e.kind === 'subjectAltName' ? e.names[0] : null).toMatchObject(expected);
  });
});
