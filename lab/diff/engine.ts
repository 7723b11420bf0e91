/**
 * The engine's side of the lab: a LabCase through the same verifier models the app and the CLI
 * use. The engine sees what the real verifier sees (leaf, intermediates, roots, CRLs, time,
 * name, depth), never an expected result.
 */
import { decodeInput } from '../../src/core/decode-input';
import type { CertificateModel, CrlModel } from '../../src/core/model';
import { SignatureCache } from '../../src/core/chain/signature';
import { runVerifiers, type VerifierAnswer, type VerifierId } from '../../src/core/verify/index';

export interface LabCase {
  readonly id: string;
  readonly role: 'server' | 'client';
  readonly leaf: string;
  readonly intermediates: readonly string[];
  readonly roots: readonly string[];
  readonly crls: readonly string[];
  readonly at: string;
  readonly host: { readonly kind: 'DNS' | 'IP' | 'RFC822'; readonly value: string } | null;
  readonly maxDepth?: number | null;
  readonly key?: string;
  readonly aia?: readonly { readonly url: string; readonly der: string }[];
  readonly skipReason?: string;
}

export interface LabResult {
  readonly id: string;
  readonly verifier: string;
  readonly version: string;
  readonly accepts: boolean | null;
  readonly error: string | null;
  readonly detail?: string;
  readonly codes?: readonly (number | string)[];
  readonly skipped?: string;
  readonly at?: string;
}

const enc = new TextEncoder();

async function certsOf(name: string, pem: string): Promise<{ certs: CertificateModel[]; crls: CrlModel[]; errors: string[] }> {
  const d = await decodeInput({ name, bytes: enc.encode(pem) });
  return { certs: [...d.certificates], crls: [...d.crls], errors: d.errors.map((e) => e.message) };
}

/** The engine's answer for one case and verifier; `at` overrides the case's time (Chromium runs at the real clock). */
export async function engineAnswer(tc: LabCase, verifier: VerifierId, at?: string): Promise<VerifierAnswer | { unreadable: string }> {
  const leaf = await certsOf('leaf.pem', tc.leaf);
  const first = leaf.certs[0];
  if (!first) return { unreadable: `leaf unreadable: ${leaf.errors.join('; ')}` };
  const inter = await Promise.all(tc.intermediates.map((p, i) => certsOf(`intermediate-${i + 1}.pem`, p)));
  const roots = await Promise.all(tc.roots.map((p, i) => certsOf(`root-${i + 1}.pem`, p)));
  const crls = await Promise.all(tc.crls.map((p, i) => certsOf(`crl-${i + 1}.pem`, p)));
  const sigs = new SignatureCache();
  const role = tc.role === 'server' ? 'tlsServer' : 'tlsClient';
  const host = tc.host && tc.host.kind !== 'RFC822' ? tc.host.value : null;
  const email = tc.host?.kind === 'RFC822' ? tc.host.value : null;
  const answers = await runVerifiers(
    first,
    role,
    {
      at: at ?? tc.at,
      host,
      email,
      untrusted: [first, ...inter.flatMap((x) => x.certs)],
      anchors: roots.flatMap((r) => r.certs).map((certificate) => ({ certificate, kind: 'session-trusted' as const })),
      crls: crls.flatMap((c) => c.crls),
      maxIntermediates: tc.maxDepth ?? null,
      signature: (s, i) => sigs.check(s, i),
    },
    [verifier],
  );
  const a = answers[verifier];
  if (!a) return { unreadable: `verifier ${verifier} does not model the ${role} role` };
  return a;
}
