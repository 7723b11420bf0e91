/**
 * Sharing role-independent work between a certificate's two roles must not change an answer:
 * every fixture case, asked in both roles (in either order) over one input with one SharedRuns,
 * answers as the same roles asked over inputs that share nothing. Built-in anchors too (Java's
 * SHA-1 rule makes its validation depend on the role only then).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../decode-input';
import type { CertificateModel } from '../model';
import { SignatureCache } from '../chain/signature';
import type { Role } from '../purpose/types';
import { runVerifiers, type VerifySessionInput } from './index';
import { SharedRuns } from './shared';

const ROOT = path.resolve(__dirname, '../../..');

interface LabFixture {
  id: string;
  leaf: string;
  intermediates: string[];
  roots: string[];
  host: { kind: 'DNS' | 'IP' | 'RFC822'; value: string } | null;
}

const CASES = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/verifier/cases.json'), 'utf8')) as LabFixture[];

async function certs(file: string): Promise<CertificateModel[]> {
  const d = await decodeInput({ name: path.basename(file), bytes: readFileSync(path.join(ROOT, file)) });
  return [...d.certificates];
}

describe('SharedRuns', () => {
  it('makes a value once per key', () => {
    const shared = new SharedRuns();
    let made = 0;
    expect(shared.get('a', () => ++made)).toBe(1);
    expect(shared.get('a', () => ++made)).toBe(1);
    expect(shared.get('b', () => ++made)).toBe(2);
  });

  it('answers both roles as runs that share nothing', async () => {
    for (const tc of CASES) {
      const leaf = (await certs(tc.leaf))[0];
      if (!leaf) continue;
      const inter = (await Promise.all(tc.intermediates.map(certs))).flat();
      const roots = (await Promise.all(tc.roots.map(certs))).flat();
      for (const kind of ['session-trusted', 'builtin'] as const) {
        const sigs = new SignatureCache();
        const input = (shared: SharedRuns | null): VerifySessionInput => ({
          at: '2026-06-01T00:00:00Z',
          host: tc.host?.value ?? 'www.certscope.test',
          email: null,
          untrusted: [leaf, ...inter],
          anchors: roots.map((certificate) => ({ certificate, kind })),
          crls: [],
          maxIntermediates: null,
          signature: (s, i) => sigs.check(s, i),
          shared,
        });
        const alone = async (role: Role): Promise<unknown> => runVerifiers(leaf, role, input(null));
        const expected = { tlsServer: await alone('tlsServer'), tlsClient: await alone('tlsClient') };
        for (const order of [['tlsServer', 'tlsClient'], ['tlsClient', 'tlsServer']] as const) {
          const one = input(new SharedRuns());
          const got: Record<string, unknown> = {};
          for (const role of order) got[role] = await runVerifiers(leaf, role, one);
          expect({ id: tc.id, kind, ...got }).toEqual({ id: tc.id, kind, ...expected });
        }
      }
    }
  }, 60_000);
});
