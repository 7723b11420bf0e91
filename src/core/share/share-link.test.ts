import { describe, expect, it } from 'vitest';
import { rootCertificates } from 'node:tls';
import { decodeShareLink, encodeShareLink, fromBase64Url, toBase64Url, type ShareState } from './share-link';
import { CoreFailure } from '../model';

function pemToDer(pem: string): Uint8Array {
  const b64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

const roots = rootCertificates.slice(0, 3).map(pemToDer);

describe('share links round-trip', () => {
  const rows: readonly [ShareState, string][] = [
    [{ certificates: roots, selected: 1, host: 'api.example.com', at: '2026-06-01T00:00:00.000Z' }, 'a 3-certificate chain with host and time'],
    [{ certificates: roots.slice(0, 1), selected: null, host: null, at: null }, 'nothing selected, no host, "now"'],
    [{ certificates: [], selected: null, host: 'bücher.example', at: null }, 'empty session keeps a Unicode host'],
  ];
  it.each(rows)('%#: %s', async (state) => {
    const fragment = await encodeShareLink(state);
    expect(fragment).toMatch(/^cs1\.[A-Za-z0-9_-]+$/);
    const back = await decodeShareLink('#' + fragment);
    expect(back.selected).toBe(state.selected);
    expect(back.host).toBe(state.host);
    expect(back.at).toBe(state.at);
    expect(back.certificates.map((c) => Buffer.from(c).toString('hex'))).toEqual(state.certificates.map((c) => Buffer.from(c).toString('hex')));
  });

  it('compresses: a 3-root link is smaller than the DER in base64', async () => {
    const fragment = await encodeShareLink({ certificates: roots, selected: 0, host: null, at: null });
    const rawBase64 = roots.reduce((n, c) => n + Math.ceil((c.length * 4) / 3), 0);
    expect(fragment.length).toBeLessThan(rawBase64);
  });
});

describe('share links: bad input is a coded error', () => {
  const rows: readonly [string, string, RegExp, string][] = [
    ['#https://example.com', 'MALFORMED', /not a Certscope share link/, 'foreign fragment'],
    ['#cs1.!!!', 'MALFORMED', /not base64url/, 'broken alphabet'],
    ['#cs1.AAAA', 'MALFORMED', /inflate|truncated/, 'bytes that are not deflate data'],
    ['#cs1.A', 'MALFORMED', /cut off/, 'impossible base64url length'],
  ];
  it.each(rows)('%s → %s (%s)', async (fragment, code, message) => {
    const error = await decodeShareLink(fragment).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreFailure);
    expect((error as CoreFailure).code).toBe(code);
    expect((error as CoreFailure).message).toMatch(message);
  });

  it('a truncated link says it is truncated or damaged', async () => {
    const fragment = await encodeShareLink({ certificates: roots, selected: 0, host: 'a.example', at: null });
    const error = await decodeShareLink(fragment.slice(0, fragment.length - 40)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreFailure);
    expect((error as CoreFailure).message).toMatch(/truncated|damaged|cut off/);
  });

  it('a decompression bomb is refused with TOO_LARGE', async () => {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    const stream = new Blob([zeros]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const compressed = new Uint8Array(await new Response(stream).arrayBuffer());
    const error = await decodeShareLink('cs1.' + toBase64Url(compressed)).catch((e: unknown) => e);
    expect((error as CoreFailure).code).toBe('TOO_LARGE');
  });
});

describe('base64url', () => {
  const rows: readonly [number[], string, string][] = [
    [[], '', 'empty'],
    [[0xfb], '-w', 'one byte uses the url alphabet'],
    [[0xff, 0xfe], '__4', 'two bytes'],
    [[1, 2, 3], 'AQID', 'three bytes, no padding'],
  ];
  it.each(rows)('%j ↔ %s (%s)', (bytes, text) => {
    expect(toBase64Url(Uint8Array.from(bytes))).toBe(text);
    expect(Array.from(fromBase64Url(text))).toEqual(bytes);
  });
});
