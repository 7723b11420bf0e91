/**
 * The role's overall verdict from the verifiers' answers (suitability.md, "Verdicts per
 * verifier"): suitable when every verifier accepts and nothing warns, unsuitable when every
 * verifier refuses, warnings otherwise. CA certificates are judged as CAs: the question is
 * whether leaves they issue can be accepted for the role, so end-entity rules are set aside.
 */
import type { CertificateModel } from '../model';
import { extendedKeyUsages, findExtension, keyUsages, OID } from '../chain/facts';
import type { Finding, Role, Verdict } from '../purpose/types';
import { verdictOf } from '../purpose/types';
import type { RoleVerifiers, VerifierAnswer, VerifierId, VerifyCode } from './types';

/** A certificate shown as a CA: cA=TRUE and (no keyUsage or keyCertSign), or a version 1 self-issued root. */
export function judgedAsCa(cert: CertificateModel): boolean {
  const bc = findExtension(cert, 'basicConstraints');
  const ku = keyUsages(cert);
  if (bc?.ca) return !ku || ku.includes('keyCertSign');
  return false;
}

/** Codes that only concern an end entity (host name, leaf key usage, leaf EKU, CA used as a leaf). */
export const END_ENTITY_CODES: ReadonlySet<VerifyCode> = new Set<VerifyCode>([
  'KU_DIGITAL_SIGNATURE_MISSING',
  'CA_AS_LEAF',
  'EKU_SERVER_AUTH_MISSING',
  'EKU_CLIENT_AUTH_MISSING',
  'EKU_ANY_ONLY',
  'SAN_MISSING',
  'HOSTNAME_MISMATCH',
  'COMMON_NAME_ONLY',
  'NS_CERT_TYPE_EXCLUDES',
  'INVALID_NAME',
]);

/** Verifiers that hold a CA's EKU against the role (Java's PKIX does not). */
const ENFORCE_CA_EKU: ReadonlySet<VerifierId> = new Set(['chrome', 'openssl', 'go', 'webpki']);

const ROLE_WORD: Record<Role, string> = { tlsServer: 'TLS server', tlsClient: 'TLS client' };

/** What each verifier prints for a certificate issued under a CA whose EKU excludes the role (as the lab captured it). */
const CA_EKU_ERROR: Record<VerifierId, string> = {
  chrome: 'net::ERR_CERT_INVALID',
  openssl: 'unsuitable certificate purpose',
  go: 'x509: certificate specifies an incompatible key usage',
  java: '',
  webpki: 'validation failed: candidates exhausted: Neither EKU nor anyEKU could be found',
};

/** Re-reads a verifier's answer for a CA: end-entity reasons give way to what the CA itself allows. */
export function asIssuerAnswer(id: VerifierId, cert: CertificateModel, role: Role, a: VerifierAnswer): VerifierAnswer {
  if (a.accepts || !a.codes.every((c) => END_ENTITY_CODES.has(c))) return a;
  const eku = extendedKeyUsages(cert);
  const oid = role === 'tlsServer' ? OID.serverAuth : OID.clientAuth;
  if (eku && !eku.includes(oid) && !eku.includes(OID.anyExtendedKeyUsage) && ENFORCE_CA_EKU.has(id)) {
    return {
      accepts: false,
      error: CA_EKU_ERROR[id],
      codes: ['CHAIN_ISSUER_EKU_EXCLUDES'],
      fix: `This CA's Extended Key Usage (${eku.join(', ')}) does not include ${ROLE_WORD[role]} (${oid}); ${id} refuses every ${ROLE_WORD[role]} certificate issued under it. Issue from a CA whose EKU includes ${oid}, or none.`,
      path: a.path,
    };
  }
  return { accepts: true, error: null, codes: [], fix: null, path: a.path };
}

/** suitability.md: all accept and nothing warns → suitable; all refuse → unsuitable; else warnings. */
export function verdictFromVerifiers(findings: readonly Finding[], verifiers: RoleVerifiers): Verdict {
  // A refusal that only says "the peer must trust this private root" is judged by the answer once it does (the root is the person's own).
  const answers = Object.values(verifiers)
    .filter((a): a is VerifierAnswer => a !== undefined)
    .map((a) => a.ifRootTrusted?.answer ?? a);
  if (answers.length === 0) return verdictOf(findings);
  if (answers.every((a) => !a.accepts)) return 'unsuitable';
  if (answers.every((a) => a.accepts) && !findings.some((f) => f.severity === 'warn' || f.severity === 'fail')) return 'suitable';
  return 'warnings';
}
