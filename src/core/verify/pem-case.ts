/**
 * One chain as PEM texts (leaf, intermediates as sent, roots, CRLs), a role, a time and a name,
 * through one verifier model: what the lab's differ and the models' table tests both ask.
 */
import { decodeInput } from '../decode-input';
import type { CertificateModel, CrlModel } from '../model';
import { SignatureCache } from '../chain/signature';
import { runVerifiers } from './index';
import type { VerifierAnswer, VerifierId } from './types';

export interface PemCase {
  readonly role: 'server' | 'client';
  readonly leaf: string;
  readonly intermediates: readonly string[];
  readonly roots: readonly string[];
  readonly crls: readonly string[];
  readonly at: string;
  /** Server role: DNS or IP; client role: an RFC 822 identity. */
  readonly host: { readonly kind: string; readonly value: string } | null;
  readonly maxDepth?: number | null;
}

const enc = new TextEncoder();

async function read(name: string, pem: string): Promise<{ certs: CertificateModel[]; crls: CrlModel[]; errors: string[] }> {
  const d = await decodeInput({ name, bytes: enc.encode(pem) });
  return { certs: [...d.certificates], crls: [...d.crls], errors: d.errors.map((e) => e.message) };
}

/** The model's answer; `at` overrides the case's time (Chromium runs at the real clock), `anchorKind` says how the roots are trusted. */
export async function answerPemCase(
  c: PemCase,
  verifier: VerifierId,
  options: { readonly at?: string; readonly anchorKind?: 'builtin' | 'session-trusted' } = {},
): Promise<VerifierAnswer | { readonly unreadable: string }> {
  const leaf = await read('leaf.pem', c.leaf);
  const first = leaf.certs[0];
  if (!first) return { unreadable: `leaf unreadable: ${leaf.errors.join('; ')}` };
  const inter = await Promise.all(c.intermediates.map((p, i) => read(`intermediate-${i + 1}.pem`, p)));
  const roots = await Promise.all(c.roots.map((p, i) => read(`root-${i + 1}.pem`, p)));
  const crls = await Promise.all(c.crls.map((p, i) => read(`crl-${i + 1}.pem`, p)));
  const sigs = new SignatureCache();
  const role = c.role === 'server' ? 'tlsServer' : 'tlsClient';
  const answers = await runVerifiers(
    first,
    role,
    {
      at: options.at ?? c.at,
      host: c.host && c.host.kind !== 'RFC822' ? c.host.value : null,
      email: c.host?.kind === 'RFC822' ? c.host.value : null,
      untrusted: [first, ...inter.flatMap((x) => x.certs)],
      anchors: roots.flatMap((r) => r.certs).map((certificate) => ({ certificate, kind: options.anchorKind ?? 'session-trusted' })),
      crls: crls.flatMap((x) => x.crls),
      maxIntermediates: c.maxDepth ?? null,
      signature: (s, i) => sigs.check(s, i),
    },
    [verifier],
  );
  return answers[verifier] ?? { unreadable: `verifier ${verifier} does not model the ${role} role` };
}
