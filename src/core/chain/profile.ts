/**
 * RFC 5280 certificate-profile checks for a certificate at a position in a path. These are
 * not suitability findings (suitability.md fixes that list); they mark a path as one a strict
 * verifier (OpenSSL -x509_strict, webpki, Go) would refuse, and the conformance harness uses them.
 */
import type { CertificateModel } from '../model';
import { parseDer } from '../input/der';
import { bytesEqual } from '../input/bytes';
import { authorityKeyId, findExtension, isCa, keyUsages, subjectKeyId } from './facts';
import type { ProfileProblem } from './types';

export type PathPosition = 'leaf' | 'intermediate' | 'anchor';

const LABEL = /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$/iu;

/** A syntactically valid DNS name as found in a dNSName SAN (a wildcard only as the whole left-most label). */
export function isValidDnsName(name: string, allowWildcard: boolean): boolean {
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.replace(/\.$/u, '').split('.');
  return labels.every((l, i) => (allowWildcard && i === 0 && l === '*' && labels.length > 1) || LABEL.test(l));
}

/** A dNSName name-constraint base: a DNS name, optionally with a leading dot; empty matches all. */
export function isValidDnsConstraint(base: string): boolean {
  if (base === '') return true;
  return isValidDnsName(base.startsWith('.') ? base.slice(1) : base, false);
}

export function signatureAlgorithmsAgree(der: Uint8Array): boolean {
  const top = parseDer(der);
  const tbs = top.child(0);
  const first = tbs.child(0);
  const inner = first.isContext(0) ? tbs.child(2) : tbs.child(1);
  return bytesEqual(inner.bytes, top.child(1).bytes);
}

/** Whether the cert is self-signed by its own key (decided by the caller, which verified it). */
export function checkProfile(cert: CertificateModel, position: PathPosition, selfSigned: boolean): ProfileProblem[] {
  const out: ProfileProblem[] = [];
  const add = (code: string, message: string): void => {
    out.push({ code, message });
  };
  const seen = new Set<string>();
  for (const e of cert.extensions) {
    if (seen.has(e.oid)) add('DUPLICATE_EXTENSION', `extension ${e.name ?? e.oid} appears more than once (RFC 5280 §4.2)`);
    seen.add(e.oid);
    if (e.decodeError) add('MALFORMED_EXTENSION', `extension ${e.name ?? e.oid} does not parse: ${e.decodeError}`);
    else if (e.kind === 'unknown' && e.critical) add('UNKNOWN_CRITICAL_EXTENSION', `critical extension ${e.name ?? e.oid} is not understood (OpenSSL: unhandled critical extension)`);
  }
  try {
    if (!signatureAlgorithmsAgree(cert.der)) add('SIGNATURE_ALGORITHM_MISMATCH', 'the signature algorithm inside the signed part differs from the outer one (RFC 5280 §4.1.1.2)');
  } catch {
    add('MALFORMED_EXTENSION', 'the certificate structure does not parse');
  }
  if (cert.serialNegative) add('SERIAL_NEGATIVE', 'the serial number is negative (RFC 5280 §4.1.2.2)');
  else if (/^0*$/u.test(cert.serialNumberHex)) add('SERIAL_ZERO', 'the serial number is zero (RFC 5280 §4.1.2.2)');
  if (cert.serialNumberHex.length > 40) add('SERIAL_TOO_LONG', 'the serial number is longer than 20 octets (RFC 5280 §4.1.2.2)');
  if (cert.issuer.rdns.length === 0) add('EMPTY_ISSUER', 'the issuer name is empty (RFC 5280 §4.1.2.4)');

  const aki = findExtension(cert, 'authorityKeyIdentifier');
  const ski = findExtension(cert, 'subjectKeyIdentifier');
  if (aki?.critical) add('AKI_CRITICAL', 'authorityKeyIdentifier is marked critical (RFC 5280 §4.2.1.1)');
  if (ski?.critical) add('SKI_CRITICAL', 'subjectKeyIdentifier is marked critical (RFC 5280 §4.2.1.2)');
  const aia = findExtension(cert, 'authorityInfoAccess');
  if (aia?.critical) add('AIA_CRITICAL', 'authorityInfoAccess is marked critical (RFC 5280 §4.2.2.1)');
  if (!selfSigned && !aki) add('AKI_MISSING', 'no authorityKeyIdentifier (RFC 5280 §4.2.1.1: required except on self-signed certificates)');
  if (aki && !aki.keyIdentifierHex) add('AKI_WITHOUT_KEY_ID', 'authorityKeyIdentifier has no keyIdentifier (RFC 5280 §4.2.1.1)');
  if (selfSigned && aki?.keyIdentifierHex && ski && authorityKeyId(cert) !== subjectKeyId(cert)) add('AKI_SKI_MISMATCH', 'self-signed certificate whose authorityKeyIdentifier differs from its subjectKeyIdentifier');

  const san = findExtension(cert, 'subjectAltName');
  if (cert.subject.rdns.length === 0) {
    if (position !== 'leaf') add('CA_EMPTY_SUBJECT', 'a CA certificate has an empty subject (RFC 5280 §4.1.2.6)');
    else if (!san) add('EMPTY_SUBJECT_WITHOUT_SAN', 'empty subject and no subjectAltName (RFC 5280 §4.1.2.6)');
    else if (!san.critical) add('SAN_NOT_CRITICAL', 'empty subject but subjectAltName is not critical (RFC 5280 §4.2.1.6)');
  }
  for (const n of san?.names ?? []) {
    if (n.type === 'dns' && !isValidDnsName(n.value, true)) add('INVALID_SAN', `dNSName "${n.value}" is not a valid DNS name`);
    if (n.type === 'ip' && (n.value.startsWith('#') || n.value.includes('/'))) add('INVALID_SAN', `iPAddress "${n.value}" is not 4 or 16 octets`);
  }

  const bc = findExtension(cert, 'basicConstraints');
  const ku = keyUsages(cert);
  const nc = findExtension(cert, 'nameConstraints');
  if (ku?.includes('keyCertSign') && !isCa(cert)) add('KEY_CERT_SIGN_WITHOUT_CA', 'keyUsage keyCertSign without basicConstraints cA=TRUE (RFC 5280 §4.2.1.3)');
  if (nc && !isCa(cert)) add('NAME_CONSTRAINTS_ON_END_ENTITY', 'nameConstraints on a certificate that is not a CA (RFC 5280 §4.2.1.10)');
  if (position !== 'leaf') {
    if (!bc) add('BASIC_CONSTRAINTS_MISSING', 'a CA certificate without basicConstraints (RFC 5280 §4.2.1.9)');
    else if (!bc.critical) add('BASIC_CONSTRAINTS_NOT_CRITICAL', 'basicConstraints is not critical on a CA certificate (RFC 5280 §4.2.1.9)');
    if (!ski) add('SKI_MISSING', 'a CA certificate without subjectKeyIdentifier (RFC 5280 §4.2.1.2)');
    if (position === 'anchor' && (!isCa(cert) || (ku && !ku.includes('keyCertSign')))) add('ANCHOR_NOT_CA', 'the trust anchor is not a CA (cA=TRUE with keyCertSign)');
  }
  // CA/Browser Forum Baseline Requirements profile (§7.1.2, §6.1.5): what webpki and browsers hold every
  // certificate to. RFC 5280 allows these; they are shown as profile notes, not suitability findings.
  if (bc?.ca && ku && !ku.includes('keyCertSign')) add('CA_WITHOUT_KEY_CERT_SIGN', 'basicConstraints cA=TRUE but keyUsage lacks keyCertSign (CA/B Forum BR §7.1.2.10.7; webpki refuses a CA certificate as an end entity)');
  if (selfSigned && position !== 'leaf' && aki && (aki.authorityCertIssuer !== null || aki.authorityCertSerialNumberHex !== null)) add('ROOT_AKI_ISSUER_SERIAL', 'a root certificate whose authorityKeyIdentifier carries authorityCertIssuer or authorityCertSerialNumber (CA/B Forum BR §7.1.2.1.3)');
  const eku = findExtension(cert, 'extKeyUsage');
  if (selfSigned && position === 'anchor' && eku) add('ROOT_HAS_EKU', 'a root certificate with extendedKeyUsage (CA/B Forum BR §7.1.2.1.2)');
  if (position === 'leaf' && eku?.critical) add('EKU_CRITICAL', 'extendedKeyUsage is marked critical on a subscriber certificate (CA/B Forum BR §7.1.2.7.10)');
  if (san?.critical && cert.subject.rdns.length > 0) add('SAN_CRITICAL_WITH_SUBJECT', 'subjectAltName is critical although the subject is not empty (RFC 5280 §4.2.1.6 SHOULD, CA/B Forum BR §7.1.2.7.12 MUST be non-critical)');
  const key = cert.publicKey;
  if (key.algorithm === 'DSA' || (key.algorithm === 'EC' && key.curve !== 'P-256' && key.curve !== 'P-384' && key.curve !== 'P-521')) add('KEY_ALGORITHM_NOT_PERMITTED', `a ${key.algorithm === 'DSA' ? 'DSA' : `${key.curve ?? 'unknown-curve'} EC`} public key: the CA/B Forum BR (§6.1.5) allow RSA and ECDSA P-256/P-384/P-521 only`);
  if (nc) {
    if (!nc.critical) add('NAME_CONSTRAINTS_NOT_CRITICAL', 'nameConstraints is not critical (RFC 5280 §4.2.1.10)');
    if (nc.permitted.length === 0 && nc.excluded.length === 0) add('NAME_CONSTRAINTS_EMPTY', 'nameConstraints with neither permitted nor excluded subtrees (RFC 5280 §4.2.1.10)');
    for (const s of [...nc.permitted, ...nc.excluded]) {
      if (s.base.type === 'dns' && !isValidDnsConstraint(s.base.value)) add('INVALID_NAME_CONSTRAINT', `dNSName constraint "${s.base.value}" is not a valid DNS name`);
      if (s.base.type === 'ip' && !/^[0-9a-f:.]+\/\d+$/iu.test(s.base.value)) add('INVALID_NAME_CONSTRAINT', `iPAddress constraint "${s.base.value}" is not an address and a contiguous mask`);
    }
  }
  return out;
}
