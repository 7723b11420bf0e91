/** Suitability types (shared/spec/suitability.md). */

export type Role = 'tlsServer' | 'tlsClient';
export const ROLES: readonly Role[] = ['tlsServer', 'tlsClient'];

export type Severity = 'fail' | 'warn' | 'info' | 'pass';
export type Verdict = 'suitable' | 'warnings' | 'unsuitable';

/** Stable finding codes of suitability.md, plus CHAIN_SIGNATURE_UNSUPPORTED (a signature that this engine cannot check: never a silent pass). */
export type FindingCode =
  | 'EKU_ABSENT'
  | 'EKU_SERVER_AUTH_MISSING'
  | 'EKU_CLIENT_AUTH_MISSING'
  | 'EKU_ANY_ONLY'
  | 'KU_DIGITAL_SIGNATURE_MISSING'
  | 'KU_KEY_CERT_SIGN_ON_LEAF'
  | 'CA_AS_LEAF'
  | 'NS_CERT_TYPE_EXCLUDES'
  | 'SAN_MISSING'
  | 'SAN_MALFORMED'
  | 'HOSTNAME_MISMATCH'
  | 'HOSTNAME_MATCH'
  | 'NOT_YET_VALID'
  | 'EXPIRED'
  | 'EXPIRES_SOON'
  | 'LIFETIME_EXCEEDS_PUBLIC_LIMIT'
  | 'WEAK_RSA_KEY'
  | 'KEY_NOT_WEB_COMPATIBLE'
  | 'WEAK_SIGNATURE_ALGORITHM'
  | 'CHAIN_TRUSTED'
  | 'CHAIN_PRIVATE_ROOT'
  | 'CHAIN_ISSUER_NOT_FOUND'
  | 'CHAIN_SIGNATURE_INVALID'
  | 'CHAIN_SIGNATURE_UNSUPPORTED'
  | 'CHAIN_ISSUER_NOT_CA'
  | 'CHAIN_PATH_LENGTH_EXCEEDED'
  | 'CHAIN_ISSUER_EKU_EXCLUDES'
  | 'CHAIN_NAME_CONSTRAINTS_VIOLATED'
  | 'CHAIN_ISSUER_EXPIRED'
  | 'REVOKED'
  | 'REVOCATION_NOT_CHECKED'
  | 'SCT_MISSING'
  | 'PUBLIC_CLIENT_AUTH_SUNSET'
  | 'PRIVATE_KEY_MATCHES'
  | 'PRIVATE_KEY_MISMATCH'
  | 'PRIVATE_KEY_ABSENT'
  | 'UNKNOWN_CRITICAL_EXTENSION';

export type Stack = 'openssl' | 'nginx' | 'curl' | 'chrome' | 'go' | 'java' | 'python' | 'webpki';

/** Where a failure shows up, with the text people search for (shared/spec/error-strings.md). */
export interface BreakSite {
  readonly stack: Stack;
  readonly message: string;
  /** Versions that print this wording, e.g. "OpenSSL 3.1+"; absent when all versions do. */
  readonly versions?: string;
}

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly message: string;
  readonly breaksIn?: readonly BreakSite[];
}

export interface RoleAssessment {
  readonly role: Role;
  readonly verdict: Verdict;
  readonly findings: readonly Finding[];
  /** Index into the certificate's chain tree of the path the chain findings come from; null when none. */
  readonly pathIndex: number | null;
}

/** suitability.md: unsuitable if any fail, else warnings if any warn, else suitable. */
export function verdictOf(findings: readonly Finding[]): Verdict {
  if (findings.some((f) => f.severity === 'fail')) return 'unsuitable';
  if (findings.some((f) => f.severity === 'warn')) return 'warnings';
  return 'suitable';
}
