/**
 * PKCS#12 (issue 12): every MAC digest OpenSSL 3 reads, version-2 PFX named, CRL and secret bags
 * listed without failing the file, weaknesses per MAC, safe and bag, one key row per distinct key.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../decode-input';
import { analyzeSession } from '../session';
import { encCtx, encInt, encOctets, encOid, encSeq } from './der';
import { crl } from './testing/shapes';

const FIX = path.resolve(import.meta.dirname, '../../../test/fixtures');
const fixture = (p: string) => ({ name: path.basename(p), bytes: new Uint8Array(readFileSync(path.join(FIX, p))) });
const OPENSSL = spawnSync('openssl', ['version']).status === 0;
if (!OPENSSL) console.warn('[pkcs12 MAC digests] SKIPPED: no openssl on PATH to write the files');

describe.skipIf(!OPENSSL)(OPENSSL ? 'every MAC digest OpenSSL 3 writes and reads' : 'MAC digests: SKIPPED (no openssl)', () => {
  const dir = OPENSSL ? mkdtempSync(path.join(tmpdir(), 'certscope-p12-')) : '';
  const rows: [string, string, string][] = [
    ['blake2b512', 'BLAKE2b-512', 'BLAKE2b-512 (used to give UNSUPPORTED_ALGORITHM)'],
    ['blake2s256', 'BLAKE2s-256', 'BLAKE2s-256'],
    ['sha3-256', 'SHA3-256', 'SHA3-256'],
    ['sha512-224', 'SHA-512/224', 'SHA-512/224'],
    ['md5', 'MD5', 'MD5 (weak, flagged)'],
    ['ripemd160', 'RIPEMD-160', 'RIPEMD-160'],
    ['sha256', 'SHA-256', 'SHA-256 (OpenSSL 3 default)'],
  ];
  it.each(rows.map(([a, h, w]) => [w, a, h] as const))('%s', async (_why, macalg, hash) => {
    const out = path.join(dir, `${macalg}.p12`);
    const r = spawnSync('openssl', ['pkcs12', '-export', '-in', path.join(FIX, 'leaves/server.pem'), '-inkey', path.join(FIX, 'keys/server.key'), '-passout', 'pass:pw', '-macalg', macalg, '-out', out]);
    expect(r.status, r.stderr.toString()).toBe(0);
    const d = await decodeInput({ name: `${macalg}.p12`, bytes: new Uint8Array(readFileSync(out)) }, { passwords: ['pw'] });
    expect(d.errors).toEqual([]);
    expect(d.pkcs12?.mac).toMatchObject({ hash, verified: true });
    expect(d.privateKeys).toHaveLength(1);
  });
  it('a MAC with one iteration is flagged', async () => {
    const out = path.join(dir, 'nomaciter.p12');
    spawnSync('openssl', ['pkcs12', '-export', '-in', path.join(FIX, 'leaves/server.pem'), '-inkey', path.join(FIX, 'keys/server.key'), '-passout', 'pass:pw', '-nomaciter', '-out', out]);
    const d = await decodeInput({ name: 'nomaciter.p12', bytes: new Uint8Array(readFileSync(out)) }, { passwords: ['pw'] });
    expect(d.pkcs12?.mac?.weaknesses?.map((w) => w.code)).toEqual(['MAC_ITERATIONS_LOW']);
  });
});

describe('weaknesses per MAC, safe and bag', () => {
  const rows: [string, [string, string, boolean][], string][] = [
    ['p12/legacy.p12', [['MAC_DIGEST_WEAK', 'MAC', false], ['CIPHER_WEAK', 'PKCS#12 safe 1', true], ['CIPHER_LEGACY', 'PKCS#12 safe 2, bag 1', false]], 'openssl -legacy: RC2-40 certificates (needs -legacy), 3DES key, SHA-1 MAC'],
    ['p12/rc2-128.p12', [['MAC_DIGEST_WEAK', 'MAC', false], ['CIPHER_LEGACY', 'PKCS#12 safe 1', true], ['CIPHER_LEGACY', 'PKCS#12 safe 2, bag 1', false]], 'RC2-128 certificates need -legacy'],
    ['p12/nomac.p12', [['NO_MAC', 'file', false]], 'no MAC'],
    ['p12/default.p12', [], 'OpenSSL 3 defaults: nothing to flag'],
  ];
  it.each(rows.map(([f, e, w]) => [w, f, e] as const))('%s (%s)', async (_why, file, expected) => {
    const d = await decodeInput(fixture(file), { passwords: ['changeit'] });
    expect(d.errors).toEqual([]);
    expect((d.pkcs12?.weaknesses ?? []).map((w) => [w.code, w.where, w.opensslNeedsLegacy])).toEqual(expected);
  });
});

describe('structure', () => {
  it('a version-2 PFX is named, not "unrecognized"', async () => {
    const bytes = fixture('p12/default.p12').bytes.slice();
    // PFX ::= SEQUENCE { version INTEGER (3), … }: the version octet follows the outer header and 02 01.
    const at = bytes.findIndex((b, i) => b === 0x02 && bytes[i + 1] === 0x01 && bytes[i + 2] === 0x03);
    bytes[at + 2] = 2;
    const d = await decodeInput({ name: 'v2.pfx', bytes }, { passwords: ['changeit'] });
    expect(d.format).toBe('pkcs12');
    expect(d.errors.map((e) => e.code)).toEqual(['UNSUPPORTED_ALGORITHM']);
    expect(d.errors[0]?.message).toMatch(/version 2/);
  });
  it('CRL and secret bags are listed; the CRL is read; nothing fails', async () => {
    const crlBag = encSeq(encOid('1.2.840.113549.1.12.10.1.4'), encCtx(0, encSeq(encOid('1.2.840.113549.1.9.23.1'), encCtx(0, encOctets(crl())))));
    const secretBag = encSeq(encOid('1.2.840.113549.1.12.10.1.5'), encCtx(0, encSeq(encOid('1.2.3.4.5'), encCtx(0, encOctets(Uint8Array.of(1, 2, 3))))));
    const safe = encSeq(encOid('1.2.840.113549.1.7.1'), encCtx(0, encOctets(encSeq(crlBag, secretBag))));
    const pfx = encSeq(encInt(3), encSeq(encOid('1.2.840.113549.1.7.1'), encCtx(0, encOctets(encSeq(safe)))));
    const d = await decodeInput({ name: 'bags.p12', bytes: pfx });
    expect(d.errors).toEqual([]);
    expect(d.crls).toHaveLength(1);
    expect(d.pkcs12?.safes[0]?.bags.map((b) => [b.type, b.secretTypeOid ?? null])).toEqual([
      ['crl', null],
      ['secret', '1.2.3.4.5'],
    ]);
  });
  it('one key row per distinct key (the same key from a .p12 and a .key)', async () => {
    const inputs = await Promise.all([decodeInput(fixture('p12/server.p12'), { passwords: ['changeit'] }), decodeInput(fixture('keys/server.key'))]);
    expect(inputs.map((i) => i.privateKeys.length)).toEqual([1, 1]);
    const a = await analyzeSession(inputs, { at: '2026-06-01T00:00:00Z', host: null, builtinRoots: false });
    expect(a.privateKeys).toHaveLength(1);
    expect(a.privateKeys[0]?.sources).toEqual(['server.p12', 'server.key']);
  });
});
