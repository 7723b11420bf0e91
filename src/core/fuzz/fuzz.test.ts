/**
 * Fuzzing the engine's front door with fast-check. Property, for every input: `decodeInput`
 * resolves (never throws) to a DecodedInput whose errors all carry a known code, within a time
 * bound. A bounded run happens in CI (≥ 20,000 inputs); `npm run fuzz` runs 1,000,000.
 *
 * Generators: random bytes; real fixtures with bytes flipped, truncated, lengths changed and tags
 * swapped; deep nesting; huge lengths; PEM with broken base64, CRLF and Unicode; PKCS#12 files
 * with damaged MACs and iteration counts. The count and the slowest input are written to
 * test-results/fuzz.json and printed.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rootCertificates } from 'node:tls';
import { decodeInput } from '../decode-input';
import type { DecodedInput, ErrorCode } from '../model';
import { MALFORMED_FORMS } from './malformed';

const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? 20_000);
/** Per-input bound. Generous for slow CI machines; a hang shows up as orders of magnitude more. */
const TIME_BOUND_MS = 3_000;
const CODES: ReadonlySet<ErrorCode> = new Set(['UNRECOGNIZED_INPUT', 'MALFORMED', 'PASSWORD_REQUIRED', 'WRONG_PASSWORD', 'UNSUPPORTED_ALGORITHM', 'TOO_LARGE', 'LIMIT_EXCEEDED']);
const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures');

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'generated') return [];
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const seedFiles = walk(FIXTURES)
  // iter600k.p12 costs ~0.5 s per password by design (600,000 PBKDF2 rounds); the bench measures it.
  .filter((f) => /\.(pem|der|crt|cer|p7b|p12|pfx|csr|crl|key|pub)$/.test(f) && statSync(f).size < 64 * 1024 && !f.includes('iter600k'))
  .map((f) => ({ name: path.basename(f), bytes: new Uint8Array(readFileSync(f)) }));
const rootDers = rootCertificates.slice(0, 8).map((pem) => new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64')));
const seeds = [...seedFiles, ...rootDers.map((bytes, i) => ({ name: `root-${i}.der`, bytes }))];
const p12Seeds = seeds.filter((s) => /\.(p12|pfx)$/.test(s.name));

interface Stats {
  tried: number;
  slowestMs: number;
  slowestName: string;
  slowestHex: string;
  byCode: Record<string, number>;
  models: number;
}
const stats: Stats = { tried: 0, slowestMs: 0, slowestName: '', slowestHex: '', byCode: {}, models: 0 };

async function check(name: string, bytes: Uint8Array, passwords?: string[]): Promise<void> {
  const t0 = performance.now();
  let result: DecodedInput;
  try {
    result = await decodeInput({ name, bytes }, passwords ? { passwords } : undefined);
  } catch (error) {
    throw new Error(`decodeInput threw on ${name} (${bytes.length} bytes, starts ${hex(bytes.subarray(0, 32))}): ${String(error)}`);
  }
  const ms = performance.now() - t0;
  stats.tried++;
  if (ms > stats.slowestMs) Object.assign(stats, { slowestMs: ms, slowestName: name, slowestHex: hex(bytes.subarray(0, 48)) });
  for (const e of result.errors) {
    if (!CODES.has(e.code)) throw new Error(`unknown error code ${e.code} on ${name}`);
    if (!e.message) throw new Error(`empty error message on ${name}`);
    stats.byCode[e.code] = (stats.byCode[e.code] ?? 0) + 1;
  }
  if (result.certificates.length + result.csrs.length + result.crls.length + result.privateKeys.length + result.publicKeys.length > 0) stats.models++;
  if (ms > TIME_BOUND_MS) throw new Error(`decodeInput took ${ms.toFixed(0)} ms on ${name} (bound ${TIME_BOUND_MS} ms)`);
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

// ---- generators --------------------------------------------------------------------------------

const seedArb = fc.constantFrom(...seeds);

/** A seed with k random mutations: flip, truncate, change a length byte, swap a tag, duplicate a span. */
const mutatedArb = fc
  .tuple(seedArb, fc.array(fc.tuple(fc.nat(), fc.nat(255), fc.integer({ min: 0, max: 4 })), { minLength: 1, maxLength: 4 }))
  .map(([seed, edits]) => {
    let bytes: Uint8Array = seed.bytes.slice();
    for (const [pos, value, op] of edits) {
      if (bytes.length === 0) break;
      const at = pos % bytes.length;
      if (op === 0) bytes[at] = (bytes[at] ?? 0) ^ (1 << (value % 8));
      else if (op === 1) bytes = bytes.subarray(0, at);
      else if (op === 2 && bytes[at] !== undefined) bytes[at] = value; // often a length octet in DER
      else if (op === 3) bytes[at] = [0x30, 0x31, 0x02, 0x04, 0x03, 0x05, 0x06, 0xa0, 0x80, 0x13][value % 10] ?? 0x30; // tag swap
      else {
        const span = bytes.subarray(at, Math.min(bytes.length, at + (value % 64)));
        bytes = Uint8Array.from([...bytes.subarray(0, at), ...span, ...bytes.subarray(at)]);
      }
    }
    return { name: seed.name, bytes };
  });

const randomBytesArb = fc.uint8Array({ minLength: 0, maxLength: 2048 }).map((bytes) => ({ name: 'random.bin', bytes }));

/** DER that nests SEQUENCEs (or context tags) thousands deep, optionally with a lying length. */
const deepArb = fc.tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom(0x30, 0xa0, 0x31, 0x24), fc.boolean()).map(([depth, tag, indefinite]) => {
  const out: number[] = [];
  for (let i = 0; i < depth; i++) out.push(tag, indefinite ? 0x80 : 0x84, 0xff, 0xff, 0xff, 0xf0);
  return { name: 'deep.der', bytes: Uint8Array.from(out.slice(0, 120_000)) };
});

/** Elements claiming huge lengths (up to 2^32-1) with little data behind them. */
const hugeLengthArb = fc.tuple(fc.constantFrom(0x30, 0x04, 0x02, 0x03), fc.integer({ min: 1, max: 4 }), fc.uint8Array({ maxLength: 64 })).map(([tag, n, tail]) => {
  const lengthBytes = Array.from({ length: n }, () => 0xff);
  return { name: 'huge-length.der', bytes: Uint8Array.from([tag, 0x80 | n, ...lengthBytes, ...tail]) };
});

/** PEM text with broken base64, CRLF, Unicode and odd labels. */
const pemArb = fc
  .tuple(
    fc.constantFrom('CERTIFICATE', 'PKCS7', 'X509 CRL', 'PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'RSA PRIVATE KEY', 'CERTIFICATE REQUEST', 'FOO', 'TRUSTED CERTIFICATE', ''),
    fc.oneof(fc.string({ maxLength: 400 }), fc.base64String({ maxLength: 800 }), seedArb.map((s) => Buffer.from(s.bytes).toString('base64'))),
    fc.constantFrom('\n', '\r\n', '\r', ' '),
    fc.string({ maxLength: 40 }),
    fc.boolean(),
  )
  .map(([label, body, eol, noise, closeIt]) => {
    const lines = body.match(/.{1,64}/g) ?? [];
    const text = `${noise}${eol}-----BEGIN ${label}-----${eol}${lines.join(eol)}${eol}${closeIt ? `-----END ${label}-----` : ''}${eol}é☺\u202e${noise}`;
    return { name: 'fuzz.pem', bytes: new TextEncoder().encode(text) };
  });

/** PKCS#12 with a damaged MAC or iteration count: flip a byte near the end (the MAC) or rewrite small INTEGERs. */
const p12Arb =
  p12Seeds.length === 0
    ? null
    : fc.tuple(fc.constantFrom(...p12Seeds), fc.nat(), fc.integer({ min: 0, max: 2 })).map(([seed, pos, op]) => {
        const bytes = seed.bytes.slice();
        if (op === 0) {
          const at = bytes.length - 1 - (pos % Math.min(60, bytes.length));
          bytes[at] = (bytes[at] ?? 0) ^ 0x01;
        } else {
          // Find INTEGER 0x02 0x02 xx xx (iteration counts like 2048 = 0x0800) and change it.
          const found: number[] = [];
          for (let i = 0; i + 3 < bytes.length; i++) if (bytes[i] === 0x02 && bytes[i + 1] === 0x02) found.push(i);
          const at = found.length ? found[pos % found.length] : undefined;
          if (at !== undefined) {
            bytes[at + 2] = op === 1 ? 0x00 : 0xff;
            bytes[at + 3] = op === 1 ? 0x00 : 0xff;
          }
        }
        return { name: seed.name, bytes, passwords: ['changeit', 'password', 'cryptography', ''] };
      });

/** The hostile-DER generator's forms (one known encoding problem each), as is or with one more mutation. */
const malformedArb = fc.tuple(fc.constantFrom(...MALFORMED_FORMS), fc.nat(), fc.nat(255), fc.boolean()).map(([form, pos, value, mutate]) => {
  const bytes = form.der().slice();
  if (mutate && bytes.length > 0) bytes[pos % bytes.length] = value;
  return { name: `${form.id}.der`, bytes };
});

// ---- properties --------------------------------------------------------------------------------

const share = (weight: number) => Math.max(1, Math.round((TOTAL_RUNS * weight) / 100));

describe('fuzzing decodeInput: never throws, always a model or a coded error, within a time bound', () => {
  const cases: [string, fc.Arbitrary<{ name: string; bytes: Uint8Array; passwords?: string[] }>, number][] = [
    ['random bytes', randomBytesArb, share(30)],
    ['mutated fixtures (flip/truncate/length/tag/duplicate)', mutatedArb, share(35)],
    ['deep nesting', deepArb, share(5)],
    ['huge lengths', hugeLengthArb, share(10)],
    ['PEM with broken base64, CRLF, Unicode', pemArb, share(16)],
    ['hostile-DER forms (src/core/fuzz/malformed.ts), some mutated', malformedArb, share(2)],
  ];
  if (p12Arb) cases.push(['PKCS#12 with damaged MAC / iteration counts', p12Arb, share(2)]);

  it.each(cases)('%s', async (_label, arb, runs) => {
    await fc.assert(
      fc.asyncProperty(arb, async (input) => {
        await check(input.name, input.bytes, input.passwords);
      }),
      { numRuns: runs, seed: Number(process.env.FUZZ_SEED ?? 20261124), endOnFailure: true },
    );
  }, Math.max(600_000, TOTAL_RUNS * 10)); // long runs (npm run fuzz) get time in proportion

  it('reports the figures', () => {
    expect(stats.tried).toBeGreaterThanOrEqual(Math.min(TOTAL_RUNS, 20_000) * 0.95);
    mkdirSync(path.resolve(import.meta.dirname, '../../../test-results'), { recursive: true });
    writeFileSync(path.resolve(import.meta.dirname, '../../../test-results/fuzz.json'), JSON.stringify({ ...stats, seeds: seeds.length }, null, 2));
    console.log(`fuzz: ${stats.tried} inputs from ${seeds.length} seeds; ${stats.models} gave models; errors by code ${JSON.stringify(stats.byCode)}; slowest ${stats.slowestMs.toFixed(1)} ms (${stats.slowestName}: ${stats.slowestHex}…)`);
  });
});
