/**
 * Display names of the verifier families (shared/spec/suitability.md, "Verdicts per verifier")
 * (kept apart from the reasons' texts so the overview's chunk stays small).
 */
import type { VerifierId } from '@/core/verify/types';

/** Listing order everywhere: the browser first, then the libraries by how much runs on them. */
export const VERIFIER_ORDER: readonly VerifierId[] = ['chrome', 'openssl', 'go', 'java', 'webpki'];

export interface VerifierLabel {
  /** "Go" */
  readonly name: string;
  /** What it stands for: "crypto/x509". */
  readonly standsFor: string;
}

export const VERIFIER_LABEL: Record<VerifierId, VerifierLabel> = {
  chrome: { name: 'Chrome', standsFor: 'Chromium browsers' },
  openssl: { name: 'OpenSSL', standsFor: 'nginx, curl, Python, Node' },
  go: { name: 'Go', standsFor: 'crypto/x509' },
  java: { name: 'Java', standsFor: 'JSSE/PKIX' },
  webpki: { name: 'webpki', standsFor: 'rustls-webpki, pyca' },
};

/** The ids present, in listing order (unknown ids, should a newer engine send one, last). */
export function orderVerifiers<T extends string>(ids: Iterable<T>): T[] {
  const rank = (id: string): number => {
    const i = (VERIFIER_ORDER as readonly string[]).indexOf(id);
    return i < 0 ? VERIFIER_ORDER.length : i;
  };
  return [...ids].sort((a, b) => rank(a) - rank(b));
}

export function verifierName(id: string): string {
  return (VERIFIER_LABEL as Partial<Record<string, VerifierLabel>>)[id]?.name ?? id;
}

/** "Go, Java" / "Go and Java" lists for sentences and chips. */
export function verifierNames(ids: readonly string[], conjunction?: 'and' | 'or'): string {
  const names = ids.map(verifierName);
  if (!conjunction || names.length < 2) return names.join(', ');
  return `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
}
