import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoreFailure } from '../model';
import { decodePrivateKey } from '../keys/private-key';
import { detectInputs } from './detect';
import { openPkcs12 } from './pkcs12';
import { extractPkcs7 } from './pkcs7';
import * as S from './testing/shapes';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

/** Mutates a few bytes of a valid sample. */
const mutated = (sample: Uint8Array): fc.Arbitrary<Uint8Array> =>
  fc.array(fc.tuple(fc.nat(sample.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }).chain((edits) =>
    fc.nat(sample.length).map((cut) => {
      const out = sample.slice(0, Math.max(1, cut === 0 ? sample.length : cut));
      for (const [i, v] of edits) if (i < out.length) out[i] = v;
      return out;
    }),
  );

const expectOnlyCoreFailure = async (p: Promise<unknown>): Promise<void> => {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CoreFailure);
  }
};

describe('robustness (fast-check)', () => {
  it('detectInputs never throws on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 512 }), (b) => void detectInputs(b)), { numRuns: RUNS });
  });

  it('detectInputs never throws on mutated structures', () => {
    const samples = [S.certificate(), S.pkcs7([S.certificate(), S.certificate(2)]), S.pkcs8(), S.pfx(), S.csr(), S.crl()];
    for (const sample of samples) fc.assert(fc.property(mutated(sample), (b) => void detectInputs(b)), { numRuns: RUNS / 3 });
  });

  it('extractPkcs7 throws only CoreFailure', () => {
    fc.assert(
      fc.property(mutated(S.pkcs7([S.certificate(), S.certificate(2)], [S.crl()])), (b) => {
        try {
          extractPkcs7(b);
        } catch (e) {
          expect(e).toBeInstanceOf(CoreFailure);
        }
      }),
      { numRuns: RUNS },
    );
  });

  const p12 = '/work/shared/corpus/pyca/pkcs12/cert-none-key-none.p12';
  it.skipIf(!existsSync(p12))('openPkcs12 throws only CoreFailure on mutated files', async () => {
    const sample = new Uint8Array(readFileSync(p12));
    await fc.assert(fc.asyncProperty(mutated(sample), (b) => expectOnlyCoreFailure(openPkcs12(b, ['cryptography']))), { numRuns: RUNS / 3 });
  });

  it('decodePrivateKey throws only CoreFailure on mutated keys', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(S.pkcs8()), (b) => expectOnlyCoreFailure(decodePrivateKey({ kind: 'private-key', der: b, location: { offset: 0 } }))),
      { numRuns: RUNS },
    );
  });
});
