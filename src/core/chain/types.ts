/**
 * Chain forest types: every path from a certificate up to an anchor (or to where it stops),
 * as plain structured-cloneable data.
 */

/** Result of checking one signature. `unsupported` is never a pass: the UI must say it was not checked. */
export type SignatureStatus = 'valid' | 'invalid' | 'unsupported' | 'not-checked';

/** Where a path ends. builtin: Mozilla root store; session-trusted: a root the person (or --trust) marked trusted; private-root: a self-signed root that is not trusted; none: the path stops without a root. */
export type AnchorKind = 'builtin' | 'session-trusted' | 'private-root' | 'none';

export interface SignatureCheck {
  readonly status: SignatureStatus;
  /** Why it is unsupported or invalid, e.g. "unsupported: cannot verify in this browser/engine (Ed448)". */
  readonly detail: string | null;
}

/** A deviation from the RFC 5280 certificate profile found on a certificate of a path (not a suitability finding). */
export interface ProfileProblem {
  readonly code: string;
  readonly message: string;
}

export interface ChainLink {
  /** SHA-256 of the certificate at this position. */
  readonly sha256: string;
  /** Signature of this certificate checked against the next link's key (for the last link: its own key when self-signed). */
  readonly signature: SignatureCheck;
  readonly profileProblems: readonly ProfileProblem[];
}

export interface MissingIssuer {
  /** RFC 4514 issuer name that no loaded or built-in certificate has as its subject. */
  readonly issuerName: string;
  /** Authority key identifier (hex) of the missing issuer, when the certificate carries one. */
  readonly authorityKeyIdHex: string | null;
}

export type PathEnd = 'anchor' | 'self-signed' | 'missing-issuer' | 'loop' | 'limit';

export interface ChainPath {
  /** Links from the certificate (index 0) upward. */
  readonly links: readonly ChainLink[];
  readonly anchor: AnchorKind;
  readonly end: PathEnd;
  /** Set when end is missing-issuer. */
  readonly missingIssuer: MissingIssuer | null;
  /** Human note for loop/limit ends. */
  readonly note: string | null;
}

export interface ChainTree {
  readonly sha256: string;
  /** Every path found (cross-signed alternatives are separate paths). Never empty. */
  readonly paths: readonly ChainPath[];
}

export interface ChainForest {
  /** One tree per certificate of the session, keyed by SHA-256. */
  readonly trees: Readonly<Record<string, ChainTree>>;
  /** True when the total work bound was hit somewhere. */
  readonly limited: boolean;
  /** Number of candidate issuer checks made. */
  readonly candidateChecks: number;
}
