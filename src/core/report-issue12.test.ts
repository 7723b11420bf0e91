/** The report's additions (issue 12): extensions, key identifiers, pathLen, serial sign, decode warnings, PEM, CSRs, CRLs, every input error and notes. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput } from './decode-input';
import { MALFORMED_FORMS } from './fuzz/malformed';
import { buildReport } from './report';
import { analyzeSession } from './session';

const FIX = path.resolve(import.meta.dirname, '../../test/fixtures');
const file = (p: string) => ({ name: path.basename(p), bytes: new Uint8Array(readFileSync(path.join(FIX, p))) });
const OPTS = { at: '2026-06-01T00:00:00Z', host: null, builtinRoots: false } as const;

async function reportOf(...sources: { name: string; bytes: Uint8Array }[]) {
  const inputs = await Promise.all(sources.map((s) => decodeInput(s)));
  return buildReport(await analyzeSession(inputs, OPTS));
}

describe('report: per certificate', () => {
  it('extensions, SKI, AKI, pathLength, serial sign, PEM', async () => {
    const r = await reportOf(file('leaves/server.pem'));
    const c = r.certificates[0];
    expect(c).toBeDefined();
    if (!c) return;
    expect(c.extensions.map((e) => e.name)).toContain('subjectAltName');
    const san = c.extensions.find((e) => e.name === 'subjectAltName');
    expect(san).toMatchObject({ oid: '2.5.29.17', kind: 'subjectAltName', decodeError: null, decodeWarnings: [] });
    expect(san?.value).toHaveProperty('names');
    expect(c.subjectKeyIdentifier).toMatch(/^[0-9a-f]+$/);
    expect(c.authorityKeyIdentifier).toMatch(/^[0-9a-f]+$/);
    expect(c.serialNegative).toBe(false);
    expect(c.decodeWarnings).toEqual([]);
    expect(c.pem).toBe(readFileSync(path.join(FIX, 'leaves/server.pem'), 'latin1').match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n/)?.[0]);
  });
  it('a malformed extension: decoded value, hex and its decode warning', async () => {
    const form = MALFORMED_FORMS.find((f) => f.id === 'bc-negative-path-length');
    const r = await reportOf({ name: 'bc.der', bytes: form?.der() ?? new Uint8Array() });
    const c = r.certificates[0];
    const bc = c?.extensions.find((e) => e.name === 'basicConstraints');
    expect(bc).toMatchObject({ kind: 'basicConstraints', value: { ca: true, pathLength: null }, valueHex: '30060101ff0201ff', decodeError: expect.stringMatching(/negative/) });
    expect(bc?.decodeWarnings.map((w) => w.code)).toEqual(['NEGATIVE_INTEGER']);
    expect(c?.isCA).toBe(true);
    expect(c?.pathLength).toBeNull();
    expect(c?.decodeWarnings.map((w) => w.code)).toEqual(['NEGATIVE_INTEGER']);
  });
});

describe('report: CSRs, CRLs, inputs', () => {
  it('lists CSRs and CRLs on their own', async () => {
    const r = await reportOf(file('csr/server.csr'), file('pki/intermediate.crl.pem'));
    expect(r.csrs).toHaveLength(1);
    expect(r.csrs[0]).toMatchObject({ signatureValid: true, sources: ['server.csr'], pem: expect.stringMatching(/^-----BEGIN CERTIFICATE REQUEST-----\n/) });
    expect(r.crls).toHaveLength(1);
    expect(r.crls[0]).toMatchObject({ sources: ['intermediate.crl.pem'], version: 2, pem: expect.stringMatching(/^-----BEGIN X509 CRL-----\n/) });
  });
  it('every error of an input, and notes that are not errors', async () => {
    const pem = readFileSync(path.join(FIX, 'leaves/server.pem'), 'latin1');
    const text = `${pem}\n-----BEGIN ERRORS-----\nAAAA\n-----END ERRORS-----\n-----BEGIN CERTIFICATE-----\n!!\n-----END CERTIFICATE-----\n-----BEGIN X509 CRL-----\n!!\n-----END X509 CRL-----\n`;
    const r = await reportOf({ name: 'mixed.pem', bytes: new TextEncoder().encode(text) });
    const i = r.inputs[0];
    expect(i?.errors.map((e) => e.code)).toEqual(['MALFORMED', 'MALFORMED']);
    expect(i?.error).toEqual(i?.errors[0]);
    expect(i?.notes).toEqual([expect.stringMatching(/"ERRORS"/)]);
    expect(r.certificates).toHaveLength(1);
  });
});

describe('report: PKCS#12 weaknesses', () => {
  it('an input that is a legacy PKCS#12 lists its weaknesses', async () => {
    const p = 'p12/legacy.p12';
    const input = await decodeInput({ name: 'legacy.p12', bytes: new Uint8Array(readFileSync(path.join(FIX, p))) }, { passwords: ['changeit'] });
    const r = buildReport(await analyzeSession([input], OPTS));
    expect(r.inputs[0]?.pkcs12Weaknesses?.some((w) => w.opensslNeedsLegacy)).toBe(true);
  });
});
