/**
 * Corpus run: every file under shared/corpus/pyca/x509 decodes to a model or a CoreFailure,
 * never another exception. Prints counts and the coded failures.
 */
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoreFailure } from '../model';
import { decodeCertificate, decodeCrl, decodeCsr } from './index';
import { blocksOf, CORPUS, CORPUS_PRESENT, SKIP_NOTE, walk } from './testing/corpus';

if (!CORPUS_PRESENT) console.warn(`[decode corpus] ${SKIP_NOTE}`);

const DECODERS = { certificate: decodeCertificate, csr: decodeCsr, crl: decodeCrl } as const;

describe.skipIf(!CORPUS_PRESENT)(CORPUS_PRESENT ? 'pyca x509 corpus (shared/corpus/pyca/x509)' : `pyca x509 corpus: ${SKIP_NOTE}`, () => {
  it('decodes every block to a model or a CoreFailure', async () => {
    const files = walk(CORPUS).sort();
    const counts = { files: files.length, ok: 0, coded: 0, other: 0 };
    const byKind: Record<string, number> = {};
    const failures: string[] = [];
    const others: string[] = [];
    for (const f of files) {
      for (const b of blocksOf(f)) {
        try {
          await DECODERS[b.kind](b.der, b.location);
          counts.ok++;
          byKind[b.kind] = (byKind[b.kind] ?? 0) + 1;
        } catch (e) {
          if (e instanceof CoreFailure) {
            counts.coded++;
            failures.push(`  ${e.code} ${relative(CORPUS, f)}#${b.location.pemBlock ?? 0}: ${e.message}`);
          } else {
            counts.other++;
            others.push(`${relative(CORPUS, f)}: ${String(e)}`);
          }
        }
      }
    }
    console.log(`[decode corpus] ${JSON.stringify(counts)}; decoded by kind ${JSON.stringify(byKind)}; coded failures:\n${failures.join('\n')}`);
    expect(others).toEqual([]);
    expect(counts.ok).toBeGreaterThan(100);
  });
});
