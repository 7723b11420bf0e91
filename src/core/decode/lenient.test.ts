/**
 * Lenient reading: every form of the hostile-DER generator (src/core/fuzz/malformed.ts) is shown,
 * with its decode warning; malformed extensions are "present, malformed" with their best-effort
 * value, in the model, the report and the findings.
 */
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../decode-input';
import { buildReport } from '../report';
import { analyzeSession } from '../session';
import { MALFORMED_FORMS } from '../fuzz/malformed';
import type { CertificateModel, ExtensionModel } from '../model';
import { decodeCertificate } from './index';

const LOC = { offset: 0 };
const byId = (id: string): Uint8Array => {
  const f = MALFORMED_FORMS.find((x) => x.id === id);
  if (!f) throw new Error(`no form ${id}`);
  return f.der();
};
const extOf = (c: CertificateModel, kind: ExtensionModel['kind']): ExtensionModel | undefined => c.extensions.find((e) => e.kind === kind);

describe('every malformed form is shown with its decode warning', () => {
  it.each(MALFORMED_FORMS.map((f) => [f.id, f.code, f.why] as const))('%s → %s (%s)', async (id, code) => {
    const c = await decodeCertificate(byId(id), LOC);
    const w = c.decodeWarnings.find((x) => x.code === code);
    expect(w, JSON.stringify(c.decodeWarnings)).toBeDefined();
    expect(w?.message.length).toBeGreaterThan(10);
    expect(w?.field).not.toBe('');
    expect(Array.isArray(w?.rejectedBy)).toBe(true);
  });
});

describe('what is shown for each leniency', () => {
  const rows: [string, (c: CertificateModel) => unknown, unknown, string][] = [
    ['empty-rdn-issuer', (c) => [c.issuer.rfc4514, c.issuer.rdns.length], ['CN=Example Issuing CA,O=Example', 3], 'the empty RDN is kept as a component and left out of the string'],
    ['empty-rdn-subject', (c) => c.decodeWarnings[0]?.field, 'tbsCertificate.subject.rdn[0]', 'the warning says which RDN'],
    ['version-4', (c) => c.version, 4, 'version shown as encoded + 1'],
    ['version-8', (c) => c.version, 8, 'openssl prints "Unknown (7)"'],
    ['utctime-four-digit-year', (c) => c.notAfter, '2035-01-01T00:00:00Z', 'a four-digit year in a UTCTime is read as GeneralizedTime'],
    ['utctime-no-seconds', (c) => c.notBefore, '2025-01-01T00:00:00Z', 'seconds default to 0'],
    ['outer-algorithm-set', (c) => c.signatureAlgorithm.name, 'ecdsa-with-SHA256', 'a SET is read as the SEQUENCE'],
    ['san-trailing-bytes', (c) => [extOf(c, 'subjectAltName')?.kind, (extOf(c, 'subjectAltName') as unknown as { names: { value: string }[] }).names.map((n) => n.value)], ['subjectAltName', ['www.example.com']], 'DNS:www.example.com still shown'],
    ['san-trailing-bytes', (c) => extOf(c, 'subjectAltName')?.decodeError, '2 trailing bytes after the ASN.1 element at byte 19 of the extension value', 'and the extension says it is malformed'],
    ['san-broken-name', (c) => (extOf(c, 'subjectAltName') as unknown as { names: { value: string }[] }).names.map((n) => n.value), ['www.example.com'], 'the good name is kept, the broken one left out'],
    ['san-ip-8-octets', (c) => (extOf(c, 'subjectAltName') as unknown as { names: { value: string }[] }).names.map((n) => n.value), ['www.example.com', '#0a000001ffffff00'], 'an 8-octet iPAddress is hex, not 10.0.0.1/24'],
    ['bc-negative-path-length', (c) => { const e = extOf(c, 'basicConstraints'); return e?.kind === 'basicConstraints' ? [e.ca, e.pathLength, e.decodeError !== undefined] : null; }, [true, null, true], 'cA TRUE kept; the negative pathLen is ignored'],
    ['bc-path-length-256', (c) => { const e = extOf(c, 'basicConstraints'); return e?.kind === 'basicConstraints' ? [e.ca, e.pathLength, e.decodeError] : null; }, [true, 256, undefined], 'pathLen 256 shown, warned, not malformed'],
    ['ku-undefined-bit', (c) => { const e = extOf(c, 'keyUsage'); return e?.kind === 'keyUsage' ? e.usages : null; }, ['digitalSignature'], 'known bits kept'],
    ['san-trailing-inside', (c) => { const e = extOf(c, 'subjectAltName'); return e?.kind === 'subjectAltName' ? [e.names.map((n) => n.value), e.decodeError !== undefined] : null; }, [['www.example.com'], true], 'the names before the broken element are kept; malformed'],
    ['bc-path-length-non-minimal', (c) => { const e = extOf(c, 'basicConstraints'); return e?.kind === 'basicConstraints' ? [e.ca, e.pathLength, e.decodeError !== undefined] : null; }, [true, 0, true], 'the number is shown; malformed (OpenSSL, Go, pyca refuse it)'],
    ['bc-true-01', (c) => { const e = extOf(c, 'basicConstraints'); return e?.kind === 'basicConstraints' ? [e.ca, e.decodeError] : null; }, [true, undefined], 'TRUE as 0x01 is TRUE, warned, not malformed'],
    ['ku-unused-bits-set', (c) => { const e = extOf(c, 'keyUsage'); return e?.kind === 'keyUsage' ? e.usages : null; }, ['digitalSignature'], 'the bit inside the unused bits is not shown (openssl x509 -text and Java drop it)'],
    ['ku-trailing-zero-octet', (c) => { const e = extOf(c, 'keyUsage'); return e?.kind === 'keyUsage' ? [e.usages, e.decodeError] : null; }, [['digitalSignature'], undefined], 'a trailing zero octet changes nothing'],
    ['eku-trailing-bytes', (c) => { const e = extOf(c, 'extKeyUsage'); return e?.kind === 'extKeyUsage' ? [e.purposes.map((p) => p.oid), e.decodeError !== undefined] : null; }, [['1.3.6.1.5.5.7.3.1'], true], 'the purposes before the trailing bytes are shown; malformed'],
    ['aki-octet-string', (c) => c.extensions.find((e) => e.oid === '2.5.29.35')?.kind, 'unknown', 'nothing readable: raw bytes only'],
    ['serial-non-minimal', (c) => c.serialNumberHex, '1234', 'the value, leading zero stripped'],
    ['printable-at-sign', (c) => c.subject.rfc4514, 'CN=www.example.com,emailAddress=admin@example.com', 'shown as read'],
    ['duplicate-extension', (c) => c.extensions.length, 2, 'both kept'],
    ['indefinite-length', (c) => c.subject.rfc4514, 'CN=www.example.com', 'BER read'],
    ['certificate-trailing-bytes', (c) => c.der.length, byId('certificate-trailing-bytes').length - 2, 'the certificate alone (fingerprints as openssl computes them)'],
    ['time-unreadable', (c) => [c.notBefore, c.notAfter], ['2025-01-01T00:00:00Z', '0000-01-01T00:00:00Z'], 'an unreadable notAfter: shown, and never treated as valid'],
  ];
  it.each(rows.map(([id, get, expected, why]) => [why, id, get, expected] as const))('%s (%s)', async (_why, id, get, expected) => {
    expect(get(await decodeCertificate(byId(id), LOC))).toEqual(expected);
  });

  it('warning offsets point into the certificate DER', async () => {
    const der = byId('bc-negative-path-length');
    const c = await decodeCertificate(der, LOC);
    const w = c.decodeWarnings.find((x) => x.code === 'NEGATIVE_INTEGER');
    expect(w?.offset).not.toBeNull();
    // The INTEGER -1 (02 01 ff) sits at that offset.
    expect(Array.from(der.subarray(w?.offset ?? 0, (w?.offset ?? 0) + 3))).toEqual([0x02, 0x01, 0xff]);
    expect(w?.field).toBe('extensions[0] basicConstraints.pathLenConstraint');
  });
});

describe('malformed extensions in the report and the findings', () => {
  const session = async (id: string) => {
    const input = await decodeInput({ name: `${id}.der`, bytes: byId(id) });
    return analyzeSession([input], { at: '2026-06-01T00:00:00Z', host: 'www.example.com', builtinRoots: false });
  };
  it('a SAN with trailing bytes: SAN_MALFORMED, not SAN_MISSING; the host matches its best-effort name', async () => {
    const a = await session('san-trailing-bytes');
    const report = buildReport(a);
    const cert = report.certificates[0];
    const codes = cert?.suitability.tlsServer.findings.map((f) => f.code) ?? [];
    expect(codes).toContain('SAN_MALFORMED');
    expect(codes).not.toContain('SAN_MISSING');
    expect(codes).not.toContain('HOSTNAME_MISMATCH');
    expect(cert?.subjectAltNames).toEqual([{ type: 'dns', value: 'www.example.com' }]);
  });
  it('a negative pathLen keeps isCA true in the report; an undefined keyUsage bit keeps the known bits', async () => {
    expect((await session('bc-negative-path-length')).certificates[0] && buildReport(await session('bc-negative-path-length')).certificates[0]?.isCA).toBe(true);
    expect(buildReport(await session('ku-undefined-bit')).certificates[0]?.keyUsage).toEqual(['digitalSignature']);
  });
  it('a certificate read leniently is not an input error', async () => {
    for (const f of MALFORMED_FORMS) {
      const input = await decodeInput({ name: `${f.id}.der`, bytes: f.der() });
      expect(input.errors, f.id).toEqual([]);
      expect(input.certificates.length, f.id).toBe(1);
    }
  });
});

describe('CSRs and CRLs are read leniently too', () => {
  it('a CRL with an undefined version and an empty RDN in its issuer', async () => {
    const { encInt, encOid, encSeq, encSet, encTlv, encBitString } = await import('../input/der');
    const t = (s: string) => encTlv(0x17, new TextEncoder().encode(s));
    const alg = encSeq(encOid('1.2.840.10045.4.3.2'));
    const issuer = encSeq(encSet(), encSet(encSeq(encOid('2.5.4.3'), encTlv(0x0c, new TextEncoder().encode('CA')))));
    const der = encSeq(encSeq(encInt(4), alg, issuer, t('250101000000Z'), t('250201000000Z')), alg, encBitString(Uint8Array.of(1, 2)));
    const { decodeCrl } = await import('./index');
    const crl = await decodeCrl(der, LOC);
    expect(crl.version).toBe(5);
    expect(crl.decodeWarnings?.map((w) => w.code)).toEqual(['UNDEFINED_VERSION', 'EMPTY_RDN']);
  });
});

describe('names inside other extensions are read the same way', () => {
  it('AIA with a non-ASCII URI: warned; CRLDP with a broken name: the good URI kept, present-malformed', async () => {
    const { encCtx, encOid, encSeq, encTlv } = await import('../input/der');
    const { decodeExtensionValue } = await import('./index');
    const uri = (s: Uint8Array) => encTlv(0x86, s);
    const aia = decodeExtensionValue('1.3.6.1.5.5.7.1.1', false, encSeq(encSeq(encOid('1.3.6.1.5.5.7.48.2'), uri(Uint8Array.of(0x68, 0x3a, 0xe9)))));
    expect(aia.kind).toBe('authorityInfoAccess');
    expect(aia.decodeWarnings?.map((w) => [w.code, w.field])).toEqual([['NON_ASCII_NAME', 'authorityInfoAccess.accessDescriptions[0].accessLocation']]);
    const good = uri(new TextEncoder().encode('http://crl.example/ca.crl'));
    const cdp = decodeExtensionValue('2.5.29.31', false, encSeq(encSeq(encCtx(0, encCtx(0, good, encTlv(0xa0, Uint8Array.of(6, 1)))))));
    expect(cdp.kind).toBe('crlDistributionPoints');
    expect(cdp.decodeError).toBeDefined();
    expect(cdp.kind === 'crlDistributionPoints' ? cdp.points[0]?.fullName?.map((n) => n.value) : null).toEqual(['http://crl.example/ca.crl']);
  });
});
