/**
 * Verdicts per verifier (shared/spec/suitability.md, "Verdicts per verifier"): each TLS stack
 * family answers for itself whether it accepts a certificate in a role, with the text it prints.
 * One module per verifier implements `VerifierModel`; the checks they share live in checks.ts.
 */
import type { CertificateModel, CrlModel } from '../model';
import type { SignatureCheck } from '../chain/types';
import type { Role } from '../purpose/types';
import type { SharedRuns } from './shared';

export type VerifierId = 'chrome' | 'openssl' | 'go' | 'java' | 'webpki';
export const VERIFIER_IDS: readonly VerifierId[] = ['chrome', 'openssl', 'go', 'java', 'webpki'];

/** Why a verifier refuses (or what it noticed): finding codes of suitability.md plus the verifier-level ones below. */
export type VerifyCode =
  | 'CHAIN_ISSUER_NOT_FOUND'
  | 'CHAIN_PRIVATE_ROOT'
  | 'CHAIN_SIGNATURE_INVALID'
  | 'CHAIN_SIGNATURE_UNSUPPORTED'
  | 'CHAIN_ISSUER_NOT_CA'
  | 'CHAIN_PATH_LENGTH_EXCEEDED'
  | 'CHAIN_ISSUER_EKU_EXCLUDES'
  | 'CHAIN_NAME_CONSTRAINTS_VIOLATED'
  | 'CHAIN_ISSUER_EXPIRED'
  | 'CHAIN_TOO_LONG'
  | 'EKU_SERVER_AUTH_MISSING'
  | 'EKU_CLIENT_AUTH_MISSING'
  | 'EKU_ANY_ONLY'
  | 'KU_DIGITAL_SIGNATURE_MISSING'
  | 'CA_AS_LEAF'
  | 'KU_KEY_CERT_SIGN_ON_LEAF'
  | 'NS_CERT_TYPE_EXCLUDES'
  | 'SAN_MISSING'
  | 'HOSTNAME_MISMATCH'
  | 'COMMON_NAME_ONLY'
  | 'NOT_YET_VALID'
  | 'EXPIRED'
  | 'WEAK_RSA_KEY'
  | 'WEAK_ISSUER_KEY'
  | 'WEAK_SIGNATURE_ALGORITHM'
  | 'UNSUPPORTED_KEY'
  | 'REVOKED'
  | 'ISSUER_REVOKED'
  | 'CRL_PROBLEM'
  | 'UNKNOWN_CRITICAL_EXTENSION'
  | 'DUPLICATE_EXTENSION'
  | 'MALFORMED_CERTIFICATE'
  | 'PROFILE_VIOLATION'
  | 'INVALID_NAME'
  | 'LIFETIME_EXCEEDS_PUBLIC_LIMIT';

export interface VerifierAnswer {
  readonly accepts: boolean;
  /** The exact first error the verifier prints when it refuses; null when it accepts. */
  readonly error: string | null;
  /** Codes that explain the refusal (empty when it accepts). */
  readonly codes: readonly VerifyCode[];
  /** How to fix it, in that stack's terms; null when it accepts. */
  readonly fix: string | null;
  /** SHA-256s of the path the verifier settled on (leaf first), when it found one. */
  readonly path: readonly string[] | null;
  /**
   * Set when the refusal comes from a self-signed root that was loaded but is not trusted here:
   * the answer once the peer is configured to trust that root (its SHA-256 in `privateRoot`).
   */
  readonly ifRootTrusted?: { readonly privateRoot: string; readonly answer: VerifierAnswer };
}

export type RoleVerifiers = Readonly<Partial<Record<VerifierId, VerifierAnswer>>>;

export interface VerifyAnchor {
  readonly certificate: CertificateModel;
  readonly kind: 'builtin' | 'session-trusted';
}

export type PeerName = { readonly kind: 'dns'; readonly value: string } | { readonly kind: 'ip'; readonly value: string; readonly bytes: Uint8Array };

/** Everything a verifier sees: what a TLS stack is handed, nothing more. */
export interface VerifyContext {
  readonly leaf: CertificateModel;
  readonly role: Role;
  /** Evaluation time, ms since the epoch, and as ISO-8601. */
  readonly at: number;
  readonly atIso: string;
  /** Server role: the host the client connects to (null: the caller passes no name). */
  readonly host: PeerName | null;
  /** Client role: an email identity to check (RFC 822), when one is given. */
  readonly email: string | null;
  /** Certificates the peer sends or the session holds, in order (leaf included). */
  readonly untrusted: readonly CertificateModel[];
  readonly anchors: readonly VerifyAnchor[];
  readonly crls: readonly CrlModel[];
  /** Maximum intermediates on a path (x509-limbo max_chain_depth), when the caller sets one. */
  readonly maxIntermediates: number | null;
  readonly signature: (subject: CertificateModel | CrlModel, issuer: CertificateModel) => Promise<SignatureCheck>;
  /** Role-independent work shared by the runs over this same input (see shared.ts); absent: nothing is shared. */
  readonly shared?: SharedRuns | null;
}

export interface VerifierModel {
  readonly id: VerifierId;
  /** Display name and what it stands for. */
  readonly label: string;
  readonly standsFor: string;
  readonly roles: readonly Role[];
  verify(ctx: VerifyContext): Promise<VerifierAnswer>;
}
