/**
 * Test-only helper: finds and splits the shared pyca corpus files.
 * Never imported by engine code (only by *.test.ts files), hence the Node built-ins.
 */
/* eslint-disable no-restricted-imports */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InputLocation } from '../../model';

/** ../shared/corpus/pyca/x509 next to the repository (absent in a fresh clone). */
export const CORPUS = fileURLToPath(new URL('../../../../../shared/corpus/pyca/x509', import.meta.url));
export const CORPUS_PRESENT = existsSync(CORPUS);
export const SKIP_NOTE = `SKIPPED: ${CORPUS} is absent (a clone without ../shared)`;

export function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : /\.(pem|der|crt)$/i.test(n) ? [p] : [];
  });
}

export type BlockKind = 'certificate' | 'csr' | 'crl';
export interface Block {
  readonly kind: BlockKind;
  readonly der: Uint8Array;
  readonly location: InputLocation;
}

const LABEL_KIND: Readonly<Record<string, BlockKind>> = {
  CERTIFICATE: 'certificate',
  'X509 CERTIFICATE': 'certificate',
  'CERTIFICATE REQUEST': 'csr',
  'NEW CERTIFICATE REQUEST': 'csr',
  'X509 CRL': 'crl',
};

/** Simple PEM splitter for the tests (the real one is input/detect.ts); header lines are dropped. */
export function splitPem(text: string): Block[] {
  const out: Block[] = [];
  const re = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
  let n = 0;
  for (const m of text.matchAll(re)) {
    n++;
    const label = m[1] ?? '';
    const kind = LABEL_KIND[label];
    if (!kind) continue;
    const body = (m[2] ?? '')
      .split(/\r?\n/)
      .filter((l) => !l.includes(':'))
      .join('')
      .replace(/\s+/g, '');
    out.push({ kind, der: new Uint8Array(Buffer.from(body, 'base64')), location: { offset: m.index ?? 0, pemBlock: n, label } });
  }
  return out;
}

/** The decodable blocks of one corpus file; DER files are classified by their path. */
export function blocksOf(path: string): Block[] {
  const bytes = new Uint8Array(readFileSync(path));
  const text = new TextDecoder('latin1').decode(bytes);
  if (text.includes('-----BEGIN ')) return splitPem(text);
  const kind: BlockKind = /requests\//.test(path) ? 'csr' : /crl/i.test(path) ? 'crl' : 'certificate';
  return [{ kind, der: bytes, location: { offset: 0 } }];
}
