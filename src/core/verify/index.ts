/**
 * The verifier models side by side, and the one entry that runs them for a certificate and role.
 */
import type { CertificateModel, CrlModel } from '../model';
import type { SignatureCheck } from '../chain/types';
import { parseIp } from '../purpose/hostname';
import type { Role } from '../purpose/types';
import { chromeVerifier } from './chrome';
import { goVerifier } from './go';
import { javaVerifier } from './java';
import { opensslVerifier } from './openssl';
import { webpkiVerifier } from './webpki';
import type { SharedRuns } from './shared';
import type { PeerName, RoleVerifiers, VerifierId, VerifierModel, VerifyAnchor, VerifyContext } from './types';

export * from './types';

export const VERIFIERS: readonly VerifierModel[] = [chromeVerifier, goVerifier, opensslVerifier, webpkiVerifier, javaVerifier];

export function verifierById(id: VerifierId): VerifierModel | undefined {
  return VERIFIERS.find((v) => v.id === id);
}

/** A host as people give it (name or IP literal, optionally bracketed) as a peer name. */
export function peerName(host: string | null): PeerName | null {
  if (host === null) return null;
  const t = host.trim();
  if (t === '') return null;
  const ip = parseIp(t);
  if (ip) return { kind: 'ip', value: t.replace(/^\[(.*)\]$/u, '$1'), bytes: ip };
  return { kind: 'dns', value: t.toLowerCase() };
}

export interface VerifySessionInput {
  readonly at: string;
  readonly host: string | null;
  readonly email?: string | null;
  readonly untrusted: readonly CertificateModel[];
  readonly anchors: readonly VerifyAnchor[];
  readonly crls: readonly CrlModel[];
  readonly maxIntermediates?: number | null;
  readonly signature: (subject: CertificateModel | CrlModel, issuer: CertificateModel) => Promise<SignatureCheck>;
  /** Role-independent work shared between runs over this same input (the caller makes one per input: shared.ts). */
  readonly shared?: SharedRuns | null;
}

// A session verifies every certificate at the same time and host: the last ones parsed are kept.
let lastAt: { readonly text: string; readonly at: number; readonly atIso: string } | null = null;
let lastHost: { readonly text: string | null; readonly peer: PeerName | null } | null = null;

function parsedAt(text: string): { readonly at: number; readonly atIso: string } {
  if (lastAt?.text !== text) {
    const at = Date.parse(text);
    lastAt = { text, at, atIso: new Date(at).toISOString() };
  }
  return lastAt;
}

function parsedHost(text: string | null): PeerName | null {
  if (lastHost === null || lastHost.text !== text) lastHost = { text, peer: peerName(text) };
  return lastHost.peer;
}

export function verifyContext(leaf: CertificateModel, role: Role, s: VerifySessionInput): VerifyContext {
  const { at, atIso } = parsedAt(s.at);
  return {
    leaf,
    role,
    at,
    atIso,
    host: role === 'tlsServer' ? parsedHost(s.host) : null,
    email: s.email ?? null,
    untrusted: s.untrusted,
    anchors: s.anchors,
    crls: s.crls,
    maxIntermediates: s.maxIntermediates ?? null,
    signature: s.signature,
    shared: s.shared ?? null,
  };
}

/** Every verifier's answer for one certificate in one role. */
export async function runVerifiers(leaf: CertificateModel, role: Role, s: VerifySessionInput, only?: readonly VerifierId[]): Promise<RoleVerifiers> {
  const ctx = verifyContext(leaf, role, s);
  const out: Partial<Record<VerifierId, Awaited<ReturnType<VerifierModel['verify']>>>> = {};
  for (const v of VERIFIERS) {
    if (!v.roles.includes(role)) continue;
    if (only && !only.includes(v.id)) continue;
    out[v.id] = await v.verify(ctx);
  }
  return out;
}
