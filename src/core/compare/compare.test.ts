import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeCertificate } from '../decode/index';
import { fromBase64 } from '../input/bytes';
import type { CertificateModel, ExtensionModel } from '../model';
import { compareCertificates, extensionValueText, type FieldDiff } from './index';

const fixture = async (p: string): Promise<CertificateModel> => {
  const b64 = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END/u.exec(readFileSync(`test/fixtures/${p}`, 'utf8'))?.[1] ?? '';
  return decodeCertificate(fromBase64(b64.replace(/\s+/gu, '')), { offset: 0 });
};

let leaf: CertificateModel;
let other: CertificateModel;
beforeAll(async () => {
  leaf = await fixture('leaves/ec-p256.pem');
  other = await fixture('leaves/rsa4096.pem');
});

const pick = (diffs: FieldDiff[], field: string): FieldDiff | undefined => diffs.find((d) => d.field === field);
const common = { valueHex: '', critical: false } as const;
const ext = (e: Record<string, unknown>): ExtensionModel => ({ ...common, ...e }) as unknown as ExtensionModel;

describe('compareCertificates', () => {
  it('a certificate compared with itself is all "same"', () => {
    const diffs = compareCertificates(leaf, leaf);
    expect(diffs.every((d) => d.status === 'same')).toBe(true);
    expect(diffs.map((d) => d.field).slice(0, 9)).toEqual(['SHA-256 fingerprint', 'Version', 'Serial number', 'Subject', 'Issuer', 'Not before', 'Not after', 'Public key', 'Signature algorithm']);
    expect(diffs.filter((d) => d.group === 'extension')).toHaveLength(leaf.extensions.length);
  });

  it('two different certificates differ in fingerprint, key and serial', () => {
    const diffs = compareCertificates(leaf, other);
    expect(pick(diffs, 'SHA-256 fingerprint')?.status).toBe('changed');
    expect(pick(diffs, 'Public key')?.status).toBe('changed');
    expect(pick(diffs, 'Public key')?.a).toMatch(/^EC P-256 256 bits, SPKI SHA-256 [0-9a-f]{64}$/u);
    expect(pick(diffs, 'Serial number')?.status).toBe('changed');
  });

  type Row = [string, (c: CertificateModel) => CertificateModel, string, Partial<FieldDiff> | undefined, string];
  const san = (names: string[]): ExtensionModel => ext({ oid: '2.5.29.17', name: 'subjectAltName', kind: 'subjectAltName', names: names.map((value) => ({ type: 'dns', value })) });
  const rows: Row[] = [
    ['renewed: later notAfter', (c) => ({ ...c, notAfter: '2099-01-01T00:00:00.000Z' }), 'Not after', { status: 'changed', b: '2099-01-01T00:00:00.000Z' }, 'validity change'],
    ['extension added in b', (c) => ({ ...c, extensions: [...c.extensions, ext({ oid: '1.2.3.4', name: null, kind: 'unknown', valueHex: '0500' })] }), 'Extension 1.2.3.4', { status: 'added', a: null, b: '0500', group: 'extension', oid: '1.2.3.4' }, 'unknown extension by OID, raw hex'],
    ['extension removed in b', (c) => ({ ...c, extensions: c.extensions.filter((e) => e.oid !== '2.5.29.17') }), 'Extension subjectAltName (2.5.29.17)', { status: 'removed', b: null }, 'SAN dropped'],
    ['criticality changed', (c) => ({ ...c, extensions: c.extensions.map((e) => (e.oid === '2.5.29.17' ? { ...e, critical: !e.critical } : e)) }), 'Extension subjectAltName (2.5.29.17)', { status: 'changed' }, 'critical flag is part of the value'],
    ['unique ID only in b', (c) => ({ ...c, subjectUniqueIdHex: 'ab' }), 'Subject unique ID', { status: 'added', a: null, b: 'ab' }, 'unique IDs shown only when present'],
    ['no unique IDs anywhere', (c) => c, 'Issuer unique ID', undefined, 'row omitted'],
    ['negative serial', (c) => ({ ...c, serialNegative: true }), 'Serial number', { status: 'changed' }, 'sign is shown'],
    ['duplicate extension compared by occurrence', (c) => ({ ...c, extensions: [...c.extensions, san(['dup.example'])] }), 'Extension subjectAltName (2.5.29.17) #2', { status: 'added', b: 'DNS:dup.example' }, 'second SAN is its own row'],
  ];
  it.each(rows)('%s → %s (%s)', (_name, mutate, field, expected) => {
    const d = pick(compareCertificates(leaf, mutate(leaf)), field);
    if (expected === undefined) expect(d).toBeUndefined();
    else expect(d).toMatchObject(expected);
  });
});

describe('extensionValueText', () => {
  const rows: [ExtensionModel, string, string][] = [
    [ext({ oid: '2.5.29.19', name: 'basicConstraints', kind: 'basicConstraints', ca: true, pathLength: 0 }), 'CA: true, path length 0', 'basic constraints'],
    [ext({ oid: '2.5.29.15', name: 'keyUsage', kind: 'keyUsage', usages: ['digitalSignature', 'keyEncipherment'] }), 'digitalSignature, keyEncipherment', 'key usage'],
    [ext({ oid: '2.5.29.37', name: 'extKeyUsage', kind: 'extKeyUsage', purposes: [{ oid: '1.3.6.1.5.5.7.3.1', name: 'serverAuth' }, { oid: '1.2.3', name: null }] }), 'serverAuth (1.3.6.1.5.5.7.3.1), 1.2.3', 'EKU with an unknown purpose'],
    [ext({ oid: '2.5.29.17', name: 'subjectAltName', kind: 'subjectAltName', names: [{ type: 'dns', value: 'xn--bcher-kva.example', unicode: 'bücher.example' }, { type: 'ip', value: '192.0.2.1' }] }), 'DNS:xn--bcher-kva.example (bücher.example), IP:192.0.2.1', 'IDN and IP'],
    [ext({ oid: '2.5.29.30', name: 'nameConstraints', kind: 'nameConstraints', permitted: [{ base: { type: 'dns', value: 'example.com' }, minimum: 0, maximum: null }], excluded: [] }), 'permitted: DNS:example.com; excluded: (none)', 'name constraints'],
    [ext({ oid: '1.2.3', name: null, kind: 'unknown', valueHex: 'ff', decodeError: 'bad' }), 'ff (bad)', 'undecodable keeps hex and the error'],
  ];
  it.each(rows)('%# → %s (%s)', (e, expected) => {
    expect(extensionValueText(e)).toBe(expected);
  });
});
