import { createHash, generateKeyPairSync, type KeyObject, X509Certificate } from 'node:crypto';
import tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { encCtx, encInt, encNull, encOctets, encOid, encSeq, encSet, encTlv, parseDer } from '../input/der';
import { toHex } from '../input/bytes';
import { CoreFailure, type ExtensionModel } from '../model';
import {
  decodeCertificate,
  decodeCrl,
  decodeCsr,
  decodeExtensionValue,
  decodePublicKey,
  domainToUnicode,
  escapeRfc4514Value,
  ipText,
  OID,
  oidName,
  parseGeneralizedTime,
  parseName,
  parseSctList,
  parseUtcTime,
  punycodeDecode,
} from './index';
import { integerParts } from './util';

const LOC = { offset: 0 };
const pemToDer = (pem: string): Uint8Array => new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64'));
const ROOTS = tls.rootCertificates.map(pemToDer);
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('RFC 4514 value escaping', () => {
  const rows: [string, string, string][] = [
    ['plain', 'plain', 'nothing to escape'],
    ['a,b', 'a\\,b', 'comma'],
    ['a+b', 'a\\+b', 'plus (multi-valued RDN separator)'],
    ['say "hi"', 'say \\"hi\\"', 'quotes'],
    ['back\\slash', 'back\\\\slash', 'backslash'],
    ['<a>;', '\\<a\\>\\;', 'angle brackets and semicolon'],
    ['#tag', '\\#tag', 'leading #'],
    ['a#b', 'a#b', '# not leading'],
    [' lead', '\\ lead', 'leading space'],
    ['trail ', 'trail\\ ', 'trailing space'],
    [' ', '\\ ', 'a single space is leading'],
    ['nul\0', 'nul\\00', 'NUL as \\00'],
    ['пыка', 'пыка', 'Unicode passes through'],
  ];
  it.each(rows)('%j → %j (%s)', (input, expected) => expect(escapeRfc4514Value(input)).toBe(expected));
});

describe('Name → RFC 4514 string', () => {
  const atv = (oid: string, value: Uint8Array): Uint8Array => encSeq(encOid(oid), value);
  const ps = (s: string): Uint8Array => encTlv(0x13, utf8(s));
  const u8 = (s: string): Uint8Array => encTlv(0x0c, utf8(s));
  const rows: [Uint8Array, string, string][] = [
    [encSeq(encSet(atv('2.5.4.6', ps('US'))), encSet(atv('2.5.4.3', u8('leaf')))), 'CN=leaf,C=US', 'reversed order'],
    [encSeq(encSet(atv('2.5.4.3', u8('a')), atv('2.5.4.11', u8('b')))), 'CN=a+OU=b', 'multi-valued RDN'],
    [encSeq(encSet(atv('1.2.3.4', u8('x')))), '1.2.3.4=x', 'unknown type as dotted OID'],
    [encSeq(encSet(atv('2.5.4.3', encOctets(Uint8Array.of(1, 2))))), 'CN=#04020102', 'non-string value as #hex of the DER'],
    [encSeq(encSet(atv('2.5.4.3', encTlv(0x1e, Uint8Array.of(0, 0x41, 0x04, 0x2f))))), 'CN=AЯ', 'BMPString'],
    [encSeq(encSet(atv('2.5.4.3', encTlv(0x1c, Uint8Array.of(0, 1, 0xf6, 0x00))))), 'CN=😀', 'UniversalString'],
    [encSeq(), '', 'empty name'],
  ];
  it.each(rows)('%# → %j (%s)', (der, expected) => {
    const n = parseName(parseDer(der));
    expect(n.rfc4514).toBe(expected);
    expect(n.derHex).toBe(toHex(der));
  });
  it('records the string type and short name', () => {
    const n = parseName(parseDer(encSeq(encSet(atv('2.5.4.6', ps('US'))), encSet(atv(OID.emailAddress, encTlv(0x16, utf8('a@b')))))));
    expect(n.rdns).toEqual([[{ shortName: 'C', oid: '2.5.4.6', value: 'US', stringType: 'PrintableString' }], [{ shortName: 'emailAddress', oid: OID.emailAddress, value: 'a@b', stringType: 'IA5String' }]]);
  });
});

describe('IDN (RFC 3492 Punycode)', () => {
  const rows: [string, string | undefined, string][] = [
    ['xn--80ato2c.cryptography', 'пыка.cryptography', 'Cyrillic label'],
    ['*.xn--80ato2c.cryptography', '*.пыка.cryptography', 'wildcard kept'],
    ['xn--k4h.ws', '☣.ws', 'symbol'],
    ['xn--mnchen-3ya.de', 'münchen.de', 'basic code points before the delimiter'],
    ['XN--MNCHEN-3YA.DE', 'münchen.DE', 'upper-case A-label shown in lower case'],
    ['example.com', undefined, 'no A-label'],
    ['xn--.com', undefined, 'empty Punycode is not shown'],
    ['xn--ab_c.com', undefined, 'invalid Punycode digits leave the A-label alone'],
    ['xn--ls8h.la', '💩.la', 'astral code point'],
  ];
  it.each(rows)('%j → %j (%s)', (input, expected) => expect(domainToUnicode(input)).toBe(expected));
  it('decodes the RFC 3492 §7.1 sample (Arabic)', () => expect(punycodeDecode('egbpdaj6bu4bxfgehfvwxn')).toBe('ليهمابتكلموشعربي؟'));
});

describe('IP address text', () => {
  const h = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s/g, ''), 'hex'));
  const rows: [string, string, string][] = [
    ['7f000001', '127.0.0.1', 'IPv4'],
    ['00ff0000000000000000000000000000', 'ff::', 'IPv6 trailing zeros'],
    ['20010db8000000000000000000000001', '2001:db8::1', 'IPv6 middle run'],
    ['00000000000000000000000000000001', '::1', 'loopback'],
    ['00000000000000000000000000000000', '::', 'unspecified'],
    ['20010db8000000010000000000000001', '2001:db8:0:1::1', 'longest run wins'],
    ['20010db8000000010001000100010001', '2001:db8:0:1:1:1:1:1', 'a single zero group is not compressed'],
    ['20010000000000010000000000000001', '2001:0:0:1::1', 'the longer later run wins'],
    ['20010000000000010000000000010001', '2001::1:0:0:1:1', 'equal runs: the first is compressed'],
    ['00000000000000000000ffffc0000201', '::ffff:192.0.2.1', 'IPv4-mapped'],
    ['c0a80000ffffff00', '192.168.0.0/24', 'name constraint v4 range'],
    ['c0a80001ffffffff', '192.168.0.1/32', 'single v4 host'],
    ['00ff0000000000000000000000000000ffffffffffffffffffffffff00000000', 'ff::/96', 'name constraint v6 range'],
    ['c0a80000ff00ff00', '192.168.0.0/255.0.255.0', 'non-contiguous mask kept as a mask'],
    ['0102', '#0102', 'odd length as hex'],
  ];
  it.each(rows)('%s → %j (%s)', (hex, expected) => expect(ipText(h(hex))).toBe(expected));
});

describe('times', () => {
  const rows: [string, 'utc' | 'gen', string | null, string][] = [
    ['491231235959Z', 'utc', '2049-12-31T23:59:59Z', 'UTCTime 49 is 2049'],
    ['500101000000Z', 'utc', '1950-01-01T00:00:00Z', 'UTCTime 50 is 1950 (RFC 5280 boundary)'],
    ['2001010000Z', 'utc', '2020-01-01T00:00:00Z', 'UTCTime without seconds'],
    ['200101000000+0100', 'utc', '2019-12-31T23:00:00Z', 'UTCTime with offset'],
    ['20500101000000Z', 'gen', '2050-01-01T00:00:00Z', 'GeneralizedTime from 2050'],
    ['20231231235959.123Z', 'gen', '2023-12-31T23:59:59.123Z', 'fractional seconds'],
    ['20231231235959.5Z', 'gen', '2023-12-31T23:59:59.500Z', 'one fractional digit'],
    ['99991231235959Z', 'gen', '9999-12-31T23:59:59Z', 'no well-defined expiry (RFC 5280)'],
    ['19700101000001Z', 'gen', '1970-01-01T00:00:01Z', 'epoch'],
    ['20231231235959', 'gen', '2023-12-31T23:59:59Z', 'no zone read as UTC'],
    ['20230230000000Z', 'gen', null, 'February 30'],
    ['20231301000000Z', 'gen', null, 'month 13'],
    ['19020701025736Z', 'utc', null, 'a GeneralizedTime string inside a UTCTime'],
    ['2023', 'gen', null, 'too short'],
  ];
  it.each(rows)('%s (%s) → %j: %s', (text, kind, expected) => expect(kind === 'utc' ? parseUtcTime(text) : parseGeneralizedTime(text)).toBe(expected));
});

describe('serial numbers', () => {
  const rows: [string, string, string, boolean, string][] = [
    ['00', '00', '0', false, 'zero'],
    ['01', '01', '1', false, 'one'],
    ['0080', '80', '128', false, 'leading zero byte stripped'],
    ['00fbce996c13', 'fbce996c13', BigInt('0xfbce996c13').toString(), false, 'positive with sign byte'],
    ['fbce996c13', 'fbce996c13', (BigInt('0xfbce996c13') - 2n ** 40n).toString(), true, 'negative keeps its encoding'],
    ['ff', 'ff', '-1', true, 'minus one'],
    ['7fffffffffffffffffffffffffffffffffffffff', '7fffffffffffffffffffffffffffffffffffffff', (2n ** 159n - 1n).toString(), false, '20 octets'],
  ];
  it.each(rows)('%s → %s / %s (%s)', (content, hex, decimal, negative) => {
    const p = integerParts(parseDer(encTlv(0x02, Uint8Array.from(Buffer.from(content, 'hex')))));
    expect(p).toEqual({ hex, decimal, negative });
  });
});

describe('Node root store', () => {
  it('decodes every root with fingerprints and key facts matching node:crypto', async () => {
    for (const der of ROOTS) {
      const m = await decodeCertificate(der, LOC);
      const x = new X509Certificate(der);
      expect(m.sha256Hex).toBe(x.fingerprint256.replace(/:/g, '').toLowerCase());
      expect(m.sha1Hex).toBe(x.fingerprint.replace(/:/g, '').toLowerCase());
      expect(m.serialNumberHex.replace(/^0+(?=.)/, '').toUpperCase()).toBe(x.serialNumber.replace(/^0+(?=.)/, ''));
      expect(new Date(m.notAfter).getTime()).toBe(new Date(x.validTo).getTime());
      const spki = x.publicKey.export({ type: 'spki', format: 'der' });
      expect(m.publicKey.spkiSha256Hex).toBe(createHash('sha256').update(spki).digest('hex'));
      expect(m.publicKey.spkiSha256Base64).toBe(createHash('sha256').update(spki).digest('base64'));
      expect(m.extensions.every((e) => !e.decodeError)).toBe(true);
      if (x.publicKey.asymmetricKeyType === 'rsa') expect(m.publicKey.bits).toBe(x.publicKey.asymmetricKeyDetails?.modulusLength);
    }
  });

  it('measures decode speed (report µs/cert)', async () => {
    for (const d of ROOTS) await decodeCertificate(d, LOC);
    const rounds = 10;
    let t0 = performance.now();
    for (let r = 0; r < rounds; r++) for (const d of ROOTS) await decodeCertificate(d, LOC);
    const sequential = ((performance.now() - t0) * 1000) / (rounds * ROOTS.length);
    t0 = performance.now();
    for (let r = 0; r < rounds; r++) await Promise.all(ROOTS.map((d) => decodeCertificate(d, LOC)));
    const parallel = ((performance.now() - t0) * 1000) / (rounds * ROOTS.length);
    console.log(`[decode speed] ${ROOTS.length} Node roots × ${rounds}: ${sequential.toFixed(0)} µs/cert awaited one by one, ${parallel.toFixed(0)} µs/cert with Promise.all`);
    expect(sequential).toBeLessThan(5000);
  });
});

describe('malformed input is a coded CoreFailure', () => {
  const good = ROOTS[0] ?? new Uint8Array();
  const flip = (i: number, v: number): Uint8Array => {
    const c = good.slice();
    c[i] = v;
    return c;
  };
  const rows: [Uint8Array, RegExp, string][] = [
    [new Uint8Array(0), /input is empty/, 'empty'],
    [Uint8Array.of(1, 2, 3), /first byte is 0x01/, 'not a SEQUENCE'],
    [good.subarray(0, 100), /TBSCertificate is truncated at offset 100/, 'cut inside the TBS'],
    [good.subarray(0, good.length - 1), /signature is cut off/, 'cut in the signature'],
    [encSeq(encSeq(encCtx(0, encInt(7))), encSeq(encOid('1.2.840.113549.1.1.11')), encTlv(0x03, Uint8Array.of(0))), /ends before the serial number/, 'version 8 read leniently, then too short'],
    [encSeq(encSeq(encInt(1)), encSeq(encOid('1.2.840.113549.1.1.11')), encTlv(0x03, Uint8Array.of(0))), /ends before the signature algorithm/, 'TBS too short'],
    [flip(4, 0x31), /TBSCertificate is not a SEQUENCE/, 'TBS is a SET'],
  ];
  it.each(rows)('%# %s', async (der, message, why) => {
    const e = await decodeCertificate(der, { offset: 5, pemBlock: 2 }).catch((x: unknown) => x);
    expect(e, why).toBeInstanceOf(CoreFailure);
    const f = e as CoreFailure;
    expect(f.code).toBe('MALFORMED');
    expect(f.message).toMatch(message);
    expect(f.message.startsWith('certificate: ')).toBe(true);
    expect(f.location).toEqual({ offset: 5, pemBlock: 2 });
  });
  it('a trailing byte is read past with a TRAILING_DATA warning (openssl shows such certificates)', async () => {
    const c = await decodeCertificate(new Uint8Array([...good, 0]), { offset: 5, pemBlock: 2 });
    expect(c.der.length).toBe(good.length);
    expect(c.decodeWarnings.map((w) => w.code)).toContain('TRAILING_DATA');
  });
  it('CSR, CRL and public key decoders also fail with MALFORMED', async () => {
    for (const p of [decodeCsr(Uint8Array.of(0x30, 0x05), LOC), decodeCrl(good, LOC), decodePublicKey(Uint8Array.of(0x30, 0x00))]) {
      const e = await p.catch((x: unknown) => x);
      expect(e).toBeInstanceOf(CoreFailure);
      expect((e as CoreFailure).code).toBe('MALFORMED');
    }
  });
});

describe('public keys', () => {
  const gen = generateKeyPairSync as unknown as (type: string, opts: object) => { publicKey: KeyObject };
  const spki = (type: string, opts: object): Uint8Array => new Uint8Array(gen(type, opts).publicKey.export({ type: 'spki', format: 'der' }));
  const rows: [() => Uint8Array, { algorithm: string; bits: number | null; curve: string | null }, string][] = [
    [() => spki('ec', { namedCurve: 'P-256' }), { algorithm: 'EC', bits: 256, curve: 'P-256' }, 'P-256'],
    [() => spki('ec', { namedCurve: 'P-384' }), { algorithm: 'EC', bits: 384, curve: 'P-384' }, 'P-384'],
    [() => spki('ec', { namedCurve: 'P-521' }), { algorithm: 'EC', bits: 521, curve: 'P-521' }, 'P-521'],
    [() => spki('ec', { namedCurve: 'secp256k1' }), { algorithm: 'EC', bits: 256, curve: 'secp256k1' }, 'secp256k1'],
    [() => spki('ec', { namedCurve: 'brainpoolP384r1' }), { algorithm: 'EC', bits: 384, curve: 'brainpoolP384r1' }, 'brainpool'],
    [() => spki('ed25519', {}), { algorithm: 'Ed25519', bits: 256, curve: null }, 'Ed25519'],
    [() => spki('ed448', {}), { algorithm: 'Ed448', bits: 456, curve: null }, 'Ed448'],
    [() => spki('x25519', {}), { algorithm: 'X25519', bits: 256, curve: null }, 'X25519'],
    [() => spki('rsa', { modulusLength: 1024 }), { algorithm: 'RSA', bits: 1024, curve: null }, 'RSA'],
    [() => spki('rsa-pss', { modulusLength: 1024 }), { algorithm: 'RSA-PSS', bits: 1024, curve: null }, 'RSA-PSS key'],
    [() => spki('dsa', { modulusLength: 1024, divisorLength: 160 }), { algorithm: 'DSA', bits: 1024, curve: null }, 'DSA'],
    [() => encSeq(encSeq(encOid('1.2.3.4'), encNull()), encTlv(0x03, Uint8Array.of(0, 1, 2))), { algorithm: 'other', bits: null, curve: null }, 'unknown algorithm'],
  ];
  it.each(rows)('%# %s', async (make, expected) => {
    const der = make();
    const k = await decodePublicKey(der);
    expect(k).toMatchObject(expected);
    expect(k.spkiSha256Hex).toBe(createHash('sha256').update(der).digest('hex'));
    if (k.algorithm === 'RSA') expect(k.rsa?.exponent).toBe('65537');
    if (k.algorithm === 'EC') expect(k.ec?.pointHex.startsWith('04')).toBe(true);
  });
});

describe('extensions by value (synthetic)', () => {
  const ia5 = (s: string): Uint8Array => encTlv(0x16, utf8(s));
  const bmp = (s: string): Uint8Array => encTlv(0x1e, Uint8Array.from([...s].flatMap((c) => [0, c.charCodeAt(0)])));
  const rows: [string, Uint8Array, Partial<ExtensionModel> & Record<string, unknown>, string][] = [
    [OID.tlsFeature, encSeq(encInt(5)), { kind: 'tlsFeature', features: [{ value: 5, name: 'status_request' }] }, 'must-staple'],
    [OID.ctPoison, encNull(), { kind: 'ctPrecertificatePoison' }, 'CT poison'],
    [OID.msCaVersion, encInt(0x00010002), { kind: 'msCaVersion', certificateIndex: 2, keyIndex: 1 }, 'CA version V2.1 style'],
    [OID.msCertificateTemplate, encSeq(encOid('1.3.6.1.4.1.311.21.8.1.2'), encInt(100), encInt(3)), { kind: 'msCertificateTemplate', template: { oid: '1.3.6.1.4.1.311.21.8.1.2', name: null }, majorVersion: 100, minorVersion: 3 }, 'template'],
    [OID.msCertificateTemplateName, bmp('WebServer'), { kind: 'msCertificateTemplateName', templateName: 'WebServer' }, 'template name'],
    [OID.netscapeComment, ia5('hello'), { kind: 'netscapeComment', comment: 'hello' }, 'netscape comment'],
    [OID.netscapeCertType, encTlv(0x03, Uint8Array.of(0, 0xc1)), { kind: 'netscapeCertType', types: ['sslClient', 'sslServer', 'objectSigningCA'] }, 'netscape cert type bits'],
    [OID.crlNumber, encTlv(0x02, Uint8Array.of(0x01, 0x00, 0, 0, 0, 0, 0, 0, 0)), { kind: 'crlNumber', number: '18446744073709551616' }, 'big CRL number'],
    [OID.deltaCrlIndicator, encInt(42), { kind: 'deltaCrlIndicator', number: '42' }, 'delta CRL'],
    [OID.crlReason, encTlv(0x0a, Uint8Array.of(1)), { kind: 'crlReason', reason: 'keyCompromise' }, 'reason code'],
    [OID.invalidityDate, encTlv(0x18, utf8('20240102030405Z')), { kind: 'invalidityDate', date: '2024-01-02T03:04:05Z' }, 'invalidity date'],
    [OID.issuingDistributionPoint, encSeq(encCtx(0, encCtx(0, encTlv(0x86, utf8('http://x/crl')))), encTlv(0x82, Uint8Array.of(0xff))), { kind: 'issuingDistributionPoint', text: 'distribution point: http://x/crl; only CA certificates' }, 'IDP summary'],
    [OID.inhibitAnyPolicy, encInt(0), { kind: 'inhibitAnyPolicy', skipCerts: 0 }, 'inhibitAnyPolicy 0'],
    [OID.policyMappings, encSeq(encSeq(encOid('1.2.3'), encOid('1.2.4'))), { kind: 'policyMappings', mappings: [{ issuerDomainPolicy: { oid: '1.2.3', name: null }, subjectDomainPolicy: { oid: '1.2.4', name: null } }] }, 'policy mapping'],
    [OID.subjectDirectoryAttributes, encSeq(encSeq(encOid('1.3.6.1.5.5.7.9.1'), encSet(encTlv(0x18, utf8('19800101000000Z'))))), { kind: 'subjectDirectoryAttributes', attributes: [{ oid: '1.3.6.1.5.5.7.9.1', name: null, values: ['1980-01-01T00:00:00Z'] }] }, 'date of birth'],
    [OID.subjectAltName, encSeq(encCtx(0, encOid(OID.upn), encCtx(0, encTlv(0x0c, utf8('user@corp.example'))))), { kind: 'subjectAltName', names: [{ type: 'upn', value: 'user@corp.example', typeOid: OID.upn }] }, 'UPN otherName'],
    [OID.subjectAltName, encSeq(encTlv(0x88, Uint8Array.of(0x2a, 0x03, 0x04))), { kind: 'subjectAltName', names: [{ type: 'registeredId', value: '1.2.3.4' }] }, 'registeredID'],
    [OID.subjectAltName, encSeq(encTlv(0x87, Uint8Array.from(Buffer.from('20010db8000000000000000000000001', 'hex')))), { kind: 'subjectAltName', names: [{ type: 'ip', value: '2001:db8::1' }] }, 'IPv6 SAN'],
    [OID.subjectAltName, encSeq(encCtx(0, encOid('1.2.3'), encTlv(0x0c, utf8('x')))), { kind: 'subjectAltName', names: [], decodeError: expect.stringMatching(/\[0\] EXPLICIT/) as unknown as string }, 'otherName without [0] wrapper: SAN present, malformed, the name left out'],
    [OID.basicConstraints, encSeq(encTlv(0x01, Uint8Array.of(0xff)), encInt(3)), { kind: 'basicConstraints', ca: true, pathLength: 3 }, 'basicConstraints pathLen'],
    [OID.basicConstraints, encOctets(Uint8Array.of(1)), { kind: 'unknown', decodeError: expect.stringMatching(/not a SEQUENCE/) as unknown as string }, 'bad basicConstraints kept as unknown'],
    ['1.2.3.4.5', encNull(), { kind: 'unknown', name: null, valueHex: '0500' }, 'unknown OID keeps raw hex'],
  ];
  it.each(rows)('%s %# (%s)', (oid, value, expected) => {
    const e = decodeExtensionValue(oid, false, value);
    expect(e).toMatchObject({ oid, critical: false, valueHex: toHex(value), ...expected });
  });
});

describe('SCT list (RFC 6962 TLS encoding)', () => {
  const sct = (sigLen: number): number[] => [
    0, // v1
    ...Array.from({ length: 32 }, (_, i) => i),
    ...[0, 0, 1, 0x8c, 0x8d, 0x2a, 0x1a, 0x00], // 1702373243392 ms
    0, 0, // no extensions
    4, 3, // SHA-256, ECDSA
    0, sigLen,
    ...Array.from({ length: sigLen }, () => 0xab),
  ];
  const list = (...scts: number[][]): Uint8Array => {
    const body = scts.flatMap((s) => [s.length >> 8, s.length & 0xff, ...s]);
    return Uint8Array.from([body.length >> 8, body.length & 0xff, ...body]);
  };
  it('reads version, log id, timestamp and algorithms', () => {
    const [t] = parseSctList(list(sct(3), sct(2)));
    expect(t).toEqual({
      version: 1,
      logIdHex: toHex(Uint8Array.from({ length: 32 }, (_, i) => i)),
      logIdBase64: Buffer.from(Uint8Array.from({ length: 32 }, (_, i) => i)).toString('base64'),
      timestamp: new Date(Number(0x018c8d2a1a00n)).toISOString(),
      hashAlgorithm: 'SHA-256',
      signatureAlgorithm: 'ECDSA',
      signatureHex: 'ababab',
      extensionsHex: '',
    });
    expect(parseSctList(list(sct(3), sct(2)))).toHaveLength(2);
  });
  const bad: [Uint8Array, RegExp, string][] = [
    [list(sct(3)).subarray(0, 20), /does not match|truncated/, 'truncated'],
    [Uint8Array.from([0, 9, 0, 3, 1, 2, 3]), /does not match/, 'wrong total length'],
    [Uint8Array.from([0, 5, 0, 3, 1, 2, 3]), /unsupported SCT version 2/, 'SCT v2 is not defined'],
  ];
  it.each(bad)('%# rejects %s', (b, msg) => expect(() => parseSctList(b)).toThrow(msg));
  it('wraps in an OCTET STRING inside the extension', () => {
    const e = decodeExtensionValue(OID.sctList, false, encOctets(list(sct(1))));
    expect(e.kind).toBe('signedCertificateTimestampList');
  });
});

describe('OID registry', () => {
  const rows: [string, string | null][] = [
    ['1.3.6.1.5.5.7.3.1', 'serverAuth'],
    ['1.3.6.1.5.5.7.3.2', 'clientAuth'],
    ['1.3.6.1.5.5.7.3.17', 'ipsecIKE'],
    ['1.3.6.1.4.1.311.20.2.2', 'msSmartcardLogin'],
    ['1.3.6.1.5.2.3.5', 'pkInitKDC'],
    ['2.5.29.37.0', 'anyExtendedKeyUsage'],
    ['1.2.840.113549.1.1.11', 'sha256WithRSAEncryption'],
    ['2.23.140.1.2.1', 'CA/B domain-validated'],
    ['2.16.840.1.114412.2.1', 'DigiCert EV'],
    ['2.5.4.3', 'CN'],
    ['1.2.3.4', null],
  ];
  it.each(rows)('%s → %j', (oid, name) => expect(oidName(oid)).toBe(name));
});

describe('CSR self-signature (WebCrypto) and requested extensions', () => {
  // Made with OpenSSL 3.0: `openssl req -new -key ed25519.pem -subj "/CN=ed25519 csr/O=A+OU=B"`.
  const ED25519_CSR =
    'MIGrMF8CAQAwLDEUMBIGA1UEAwwLZWQyNTUxOSBjc3IxFDAIBgNVBAoMAUEwCAYDVQQLDAFCMCowBQYDK2VwAyEAaTCm+mmYea0ps+TnAHDfub9i2pr1EM8rHsXB4LBGQYWgADAFBgMrZXADQQAIasD7VT9j8nEleImhDkJfdDtXKs3/Eyv7xGNlNq4Z54gPVwG8aWxTA3ww1KQx22pj6/6LbaHxGEpZlm3gp58J';
  // RSA-1024 key, RSASSA-PSS SHA-256 salt 32, SAN (IDN, IPv6, UPN) and TLS feature status_request.
  const PSS_CSR =
    'MIIB8DCCASUCAQAwDjEMMAoGA1UEAwwDcHNzMIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDRXKZM01q/j+PQspK0dq2zrIz1pA89DfFwsixlw1/dULE7ETNi8ZDamZK0XjvcNoz11H0W7K0B9yAqVO0/aqNkTjNQnZmDYHK3X3VbKBqrjIXW0lJzo0J4OreeQBAEZWXgxFUD0B3UuSfXA7u/QRFPVWQeTmcnRpvfaWCUJfhQOwIDAQABoG4wbAYJKoZIhvcNAQkOMV8wXTBIBgNVHREEQTA/ghN4bi0tODBhdG8yYy5leGFtcGxlhxAgAQ24AAAAAAAAAAAAAAABoBYGCisGAQQBgjcUAgOgCAwGdUBjb3JwMBEGCCsGAQUFBwEYBAUwAwIBBTBBBgkqhkiG9w0BAQowNKAPMA0GCWCGSAFlAwQCAQUAoRwwGgYJKoZIhvcNAQEIMA0GCWCGSAFlAwQCAQUAogMCASADgYEAIFkjeXJlVdgb7BbMeVqGzoOP9AEyTF9IYsJCaAJ2lMdgv0Q4LZwmzBlEBJlrWmktRcZEugFnGyKHvFBmUaKsEvxW7IAklodEl7+6TAmGsXNDRBmcC8XPzb15JzbhHzRUWLd02tPO586h6hdd3h3YmF9OXZCzQcRTxRmDmbZ7l4E=';
  const b64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));
  const tamper = (der: Uint8Array, at: number): Uint8Array => {
    const c = der.slice();
    c[at] = (c[at] ?? 0) ^ 0x01;
    return c;
  };
  const rows: [Uint8Array, boolean | null, string][] = [
    [b64(ED25519_CSR), true, 'Ed25519'],
    [tamper(b64(ED25519_CSR), 30), false, 'Ed25519, subject byte changed'],
    [b64(PSS_CSR), true, 'RSASSA-PSS SHA-256'],
    [tamper(b64(PSS_CSR), 20), false, 'RSASSA-PSS, subject byte changed'],
  ];
  it.each(rows)('%# signatureValid=%s (%s)', async (der, valid) => {
    expect((await decodeCsr(der, LOC)).signatureValid).toBe(valid);
  });
  it('reads the Ed25519 CSR subject with a multi-valued RDN', async () => {
    const m = await decodeCsr(b64(ED25519_CSR), LOC);
    expect(m.subject.rfc4514).toBe('O=A+OU=B,CN=ed25519 csr');
    expect(m.publicKey).toMatchObject({ algorithm: 'Ed25519', bits: 256 });
    expect(m.version).toBe(1);
  });
  it('reads PSS parameters and the requested extensions', async () => {
    const m = await decodeCsr(b64(PSS_CSR), LOC);
    expect(m.signatureAlgorithm).toMatchObject({ name: 'RSASSA-PSS', parametersText: 'SHA-256, MGF1 SHA-256, salt 32' });
    expect(m.requestedExtensions).toMatchObject([
      {
        kind: 'subjectAltName',
        names: [
          { type: 'dns', value: 'xn--80ato2c.example', unicode: 'пыка.example' },
          { type: 'ip', value: '2001:db8::1' },
          { type: 'upn', value: 'u@corp', typeOid: OID.upn },
        ],
      },
      { kind: 'tlsFeature', features: [{ value: 5, name: 'status_request' }] },
    ]);
  });
});

describe('synthetic certificates (structure and warnings)', () => {
  const ecSpki = new Uint8Array(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'der' }));
  const alg = encSeq(encOid('1.2.840.10045.4.3.2'));
  const name = encSeq(encSet(encSeq(encOid('2.5.4.3'), encTlv(0x0c, utf8('t')))));
  const utc = (s: string): Uint8Array => encTlv(0x17, utf8(s));
  const gen = (s: string): Uint8Array => encTlv(0x18, utf8(s));
  interface Parts {
    version?: Uint8Array[];
    serial?: Uint8Array;
    validity?: Uint8Array;
    spki?: Uint8Array;
    tail?: Uint8Array[];
  }
  const brokenRsaSpki = encSeq(encSeq(encOid(OID.rsaEncryption), encNull()), encTlv(0x03, Uint8Array.of(0, 1, 2, 3)));
  const cert = (p: Parts): Uint8Array =>
    encSeq(
      encSeq(...(p.version ?? [encCtx(0, encInt(2))]), p.serial ?? encInt(7), alg, name, p.validity ?? encSeq(utc('240101000000Z'), utc('250101000000Z')), name, p.spki ?? ecSpki, ...(p.tail ?? [])),
      alg,
      encTlv(0x03, Uint8Array.of(0, 1, 2, 3)),
    );
  const ext = (oid: string, value: Uint8Array, critical = false): Uint8Array => encSeq(encOid(oid), ...(critical ? [encTlv(0x01, Uint8Array.of(0xff))] : []), encOctets(value));
  const rows: [Parts, Record<string, unknown>, string][] = [
    [{}, { version: 3, serialNumberHex: '07', serialNumberDecimal: '7', warnings: [], decodeWarnings: [], signatureValueHex: '010203', extensions: [] }, 'minimal v3'],
    [{ validity: encSeq(utc('241301000000Z'), utc('250101000000Z')) }, { notBefore: '9999-12-31T23:59:59Z', decodeWarnings: [expect.objectContaining({ code: 'TIME_FORMAT', field: 'tbsCertificate.validity.notBefore' })] }, 'month 13: shown (openssl: Bad time value), never valid'],
    [{ version: [encCtx(0, encInt(3))] }, { version: 4, decodeWarnings: [expect.objectContaining({ code: 'UNDEFINED_VERSION', field: 'tbsCertificate.version' })] }, 'version 4 is shown (as openssl does) with a warning'],
    [{ version: [] }, { version: 1 }, 'version absent is v1'],
    [{ version: [], tail: [encCtx(3, encSeq(ext(OID.basicConstraints, encSeq())))] }, { version: 1, warnings: ['version 1 certificate carries extensions'] }, 'v1 with extensions'],
    [{ validity: encSeq(gen('20240101000000Z'), gen('20500101000000Z')) }, { notBefore: '2024-01-01T00:00:00Z', notAfter: '2050-01-01T00:00:00Z', warnings: ['notBefore uses GeneralizedTime for a date before 2050 (RFC 5280 requires UTCTime)'] }, 'GeneralizedTime before 2050 warned, from 2050 not'],
    [{ serial: encTlv(0x02, Uint8Array.of(0xff, 0x01)) }, { serialNegative: true, serialNumberHex: 'ff01', serialNumberDecimal: '-255', warnings: ['negative serial number'] }, 'negative serial'],
    [{ serial: encTlv(0x02, new Uint8Array(21).fill(0x11)) }, { warnings: ['serial number is 21 octets (RFC 5280 allows at most 20)'] }, 'long serial'],
    [{ tail: [encTlv(0x81, Uint8Array.of(0, 0xaa)), encTlv(0x82, Uint8Array.of(0, 0xbb))] }, { issuerUniqueIdHex: 'aa', subjectUniqueIdHex: 'bb' }, 'unique IDs'],
    [{ spki: brokenRsaSpki }, { publicKey: { algorithm: 'RSA', bits: null }, warnings: [expect.stringMatching(/RSA public key does not parse/)] }, 'broken RSA key keeps the certificate viewable'],
    [
      { tail: [encCtx(3, encSeq(ext(OID.ctPoison, encNull(), true), ext(OID.tlsFeature, encSeq(encInt(5))), ext('1.2.3.4', encNull(), true)))] },
      {
        extensions: [
          { kind: 'ctPrecertificatePoison', critical: true, name: 'ctPrecertificatePoison' },
          { kind: 'tlsFeature', critical: false },
          { kind: 'unknown', critical: true, oid: '1.2.3.4' },
        ],
        warnings: ['unsupported critical extension 1.2.3.4'],
      },
      'extensions in order with criticality',
    ],
  ];
  it.each(rows.map(([p, e, w]) => [w, p, e] as const))('%s', async (_why, parts, expected) => {
    expect(await decodeCertificate(cert(parts), LOC)).toMatchObject(expected);
  });
  const bad: [Parts, RegExp, string][] = [
    [{ validity: encSeq(utc('240101000000Z')) }, /Validity must be a SEQUENCE of two times/, 'one time only'],
    [{ serial: encTlv(0x02, new Uint8Array(0)) }, /empty INTEGER/, 'empty serial'],
    [{ tail: [encCtx(3, encSeq(encSeq(encOid('2.5.29.19'), encInt(1))))] }, /value is not an OCTET STRING/, 'extension without OCTET STRING'],
  ];
  it('a broken RSA key alone is MALFORMED', async () => {
    await expect(decodePublicKey(brokenRsaSpki)).rejects.toMatchObject({ code: 'MALFORMED', message: expect.stringMatching(/^public key: the RSA public key does not parse/) });
  });
  it.each(bad.map(([p, m, w]) => [w, p, m] as const))('%s → MALFORMED', async (_why, parts, message) => {
    const e = await decodeCertificate(cert(parts), LOC).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CoreFailure);
    expect((e as CoreFailure).message).toMatch(message);
  });
});
