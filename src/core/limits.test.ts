/**
 * Every work limit of the engine, hit on purpose: each row checks the coded error, its message,
 * and that the other inputs of the same session survive.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeInput, DEFAULT_MAX_BYTES, type DecodeInputOptions } from './decode-input';
import { analyzeSession } from './session';
import { buildChainForest } from './chain/build';
import { DEFAULT_MAX_ITERATIONS } from './crypto/pbe';
import { MAX_DEPTH, parseDer } from './input/der';
import { parseAsn1Tree } from './asn1';
import type { DecodedInput, InputSource } from './model';

const FIXTURES = path.resolve(import.meta.dirname, '../../test/fixtures');
const file = (rel: string): InputSource => ({ name: path.basename(rel), bytes: new Uint8Array(readFileSync(path.join(FIXTURES, rel))) });

function deepDer(depth: number): Uint8Array {
  // SEQUENCE { SEQUENCE { … } } with exact definite lengths, built inside out.
  let inner: number[] = [0x05, 0x00];
  for (let i = 0; i < depth; i++) {
    const len = inner.length;
    const lengthBytes = len < 0x80 ? [len] : len < 0x100 ? [0x81, len] : len < 0x10000 ? [0x82, len >> 8, len & 0xff] : [0x83, len >> 16, (len >> 8) & 0xff, len & 0xff];
    inner = [0x30, ...lengthBytes, ...inner];
  }
  return Uint8Array.from(inner);
}

function manyPemBlocks(count: number): Uint8Array {
  // The smallest block there is (an empty SEQUENCE), so the count, not the size, is the limit hit.
  const block = '-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----';
  return new TextEncoder().encode(Array.from({ length: count }, () => block).join('\n'));
}

const rows: readonly [string, InputSource, DecodeInputOptions, string, RegExp, string][] = [
  ['input size', { name: 'big.bin', bytes: new Uint8Array(4096) }, { maxBytes: 1024 }, 'TOO_LARGE', /big\.bin is 4096 bytes, above the limit of 1024 bytes; it was not read/, 'refused before hashing or parsing'],
  ['PBKDF2/KDF iterations', file('p12/iter2048.p12'), { passwords: ['changeit'], maxIterations: 1000 }, 'LIMIT_EXCEEDED', /iteration count 2,048 is above the limit of 1,000/, 'the ceiling is checked before any derivation runs'],
  ['PEM block count', { name: 'many.pem', bytes: manyPemBlocks(100_050) }, {}, 'LIMIT_EXCEEDED', /More than 100,000 PEM blocks/, 'the rest of the file is not read'],
];

describe('engine limits: coded error, clear message, the rest of the session survives', () => {
  it.each(rows)('%s', async (_limit, source, options, code, message) => {
    const hit = await decodeInput(source, options);
    const error = hit.errors.find((e) => e.code === code);
    expect(error, JSON.stringify(hit.errors)).toBeTruthy();
    expect(error?.message).toMatch(message);

    const good = await decodeInput(file('bundles/chain.pem'));
    const analysis = await analyzeSession([hit, good], { at: '2026-06-01T00:00:00Z', host: 'www.certscope.test', builtinRoots: false });
    expect(analysis.certificates.map((c) => c.certificate.subject.rfc4514)).toContain('CN=www.certscope.test,O=Certscope Test');
  }, 120_000);

  it('ASN.1 nesting deeper than 64 levels is refused by the DER reader and the ASN.1 view', async () => {
    const deep = deepDer(200);
    expect(MAX_DEPTH).toBe(64);
    expect(() => {
      const root = parseDer(deep);
      // The reader is lazy: walk down until the limit bites.
      let node = root;
      for (;;) {
        const next = node.children()[0];
        if (!next) break;
        node = next;
      }
    }).toThrow(/nesting too deep/);
    const tree = parseAsn1Tree(deep);
    expect(JSON.stringify(tree)).toContain('"truncated":"deeper than 64 levels"');
    // The engine turns it into a coded error and the rest of the session survives.
    const hit = await decodeInput({ name: 'deep.der', bytes: deep });
    expect(hit.errors.length).toBe(1);
    const good = await decodeInput(file('bundles/chain.pem'));
    expect(good.certificates.length).toBe(3);
  });

  it('documents its defaults', () => {
    expect(DEFAULT_MAX_BYTES).toBe(50 * 1024 * 1024);
    expect(DEFAULT_MAX_ITERATIONS).toBe(10_000_000);
  });

  it('chain building stops at its work bound and says so', async () => {
    const inputs: DecodedInput[] = [await decodeInput(file('bundles/chain.pem')), await decodeInput(file('pki/intermediate-cross-root2.pem')), await decodeInput(file('pki/root2.pem'))];
    const certificates = inputs.flatMap((i) => i.certificates);
    const forest = await buildChainForest(certificates, { anchors: [], maxCandidateChecks: 2 });
    expect(forest.limited).toBe(true);
  });
});

describe('previews of big inputs', () => {
  it('reports the first batch of a long bundle once, before the whole input is decoded', async () => {
    const { rootCertificates } = await import('node:tls');
    const bytes = new TextEncoder().encode(rootCertificates.join('\n'));
    const previews: number[] = [];
    const full = await decodeInput({ name: 'roots.pem', bytes }, { onPreview: (p) => previews.push(p.certificates.length) });
    expect(previews).toEqual([64]);
    expect(full.certificates.length).toBe(rootCertificates.length);
  });

  it('does not preview a small input', async () => {
    const previews: number[] = [];
    await decodeInput(file('bundles/chain.pem'), { onPreview: (p) => previews.push(p.certificates.length) });
    expect(previews).toEqual([]);
  });
});
