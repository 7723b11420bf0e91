/** The PKCS#12 doctor in the CLI: the JSON report's inputs[].pkcs12Compatibility and the text report's "Where it imports". */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../core/report';
import { AT, certscope, FIXTURES } from './testing';

const P12 = join(FIXTURES, 'p12');

describe('certscope inspect on a PKCS#12', () => {
  it('JSON: each importer answers with the deciding parameter and its sources (additive input field)', async () => {
    const r = await certscope(['inspect', '--json', '--at', AT, '--password', 'changeit', join(P12, 'legacy.p12'), join(P12, 'default.p12'), join(FIXTURES, 'leaves', 'server.pem')]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    const [legacy, modern, pem] = report.inputs;
    // Not a PKCS#12: no table.
    expect(pem?.format).toBe('pem');
    expect(pem?.pkcs12Compatibility).toBeUndefined();
    const row = (i: Report['inputs'][number] | undefined, id: string) => i?.pkcs12Compatibility?.importers.find((a) => a.importer === id);
    expect(row(legacy, 'openssl-3.0')).toMatchObject({ answer: 'needs-option', option: '-legacy' });
    expect(row(legacy, 'openssl-3.0')?.reason).toMatch(/RC2-40-CBC/);
    expect(row(legacy, 'openssl-3.0')?.sources.some((s) => /OSSL_PROVIDER-legacy/.test(s.title))).toBe(true);
    expect(row(modern, 'openssl-3.0')).toMatchObject({ answer: 'accepts', option: null });
    expect(row(modern, 'windows-legacy')).toMatchObject({ answer: 'refuses' });
    expect(row(modern, 'java')).toMatchObject({ answer: 'accepts' });
    expect(legacy?.pkcs12Compatibility?.parameters.join('\n')).toMatch(/safe 1: RC2-40-CBC \(PKCS#12 PBE\)/);
  });

  it('text: weaknesses with their consequence, then one line per importer', async () => {
    const r = await certscope(['inspect', '--at', AT, '--password', 'changeit', join(P12, 'legacy.p12')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/weakness CIPHER_WEAK \(PKCS#12 safe 1\): RC2-40-CBC.*\[OpenSSL 3 needs -legacy\]/);
    expect(r.stdout).toContain('Where it imports');
    expect(r.stdout).toMatch(/OpenSSL 3\.0–3\.3 +needs -legacy: RC2-40-CBC/);
    expect(r.stdout).toMatch(/Go golang\.org\/x\/crypto\/pkcs12 +accepts/);
  });
});
