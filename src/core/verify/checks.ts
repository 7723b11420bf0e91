/**
 * Checks every verifier model shares: time, purpose, critical extensions, signature digests and names,
 * as small pure functions. Each verifier module composes them in its own order and wording.
 */
import type { CertificateModel, ExtensionModel, GeneralNameModel, GeneralSubtreeModel } from '../model';
import { extendedKeyUsages, findExtension, findExtensionLenient, OID, subjectAltNames } from '../chain/facts';
import { namesMatch } from '../chain/names';
import { emailWithin, textDirWithin, uriHost } from '../purpose/name-constraints';
import { dnsPatternMatches, ipEqual, parseIp } from '../purpose/hostname';
import type { Role } from '../purpose/types';

export const CN_OID = '2.5.4.3';
export const EMAIL_ATTRIBUTE_OID = '1.2.840.113549.1.9.1';

export function roleOid(role: Role): string {
  return role === 'tlsServer' ? OID.serverAuth : OID.clientAuth;
}

/**
 * The value `make` computes for `key`, computed once per key (a WeakMap for certificates and
 * names): the verifier models read the same facts on every path they try.
 */
export function memoized<K, V>(cache: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

const validityCache = new WeakMap<CertificateModel, { readonly notBefore: number; readonly notAfter: number }>();

/** notBefore and notAfter in ms since the epoch (parsed once per certificate). */
export function validityMs(cert: CertificateModel): { readonly notBefore: number; readonly notAfter: number } {
  return memoized(validityCache, cert, () => ({ notBefore: Date.parse(cert.notBefore), notAfter: Date.parse(cert.notAfter) }));
}

/** -1 before notBefore, 1 after notAfter, 0 within. */
export function timeState(cert: CertificateModel, at: number): -1 | 0 | 1 {
  const v = validityMs(cert);
  if (at < v.notBefore) return -1;
  if (at > v.notAfter) return 1;
  return 0;
}

const selfIssuedCache = new WeakMap<CertificateModel, boolean>();

/** Subject and issuer are the same name (RFC 5280 §7.1 comparison), read once per certificate. */
export function selfIssued(cert: CertificateModel): boolean {
  return memoized(selfIssuedCache, cert, () => namesMatch(cert.subject, cert.issuer));
}

const ekuCache = new WeakMap<CertificateModel, readonly string[] | null>();

/** EKU OIDs (null when the extension is absent), read once per certificate. */
export function ekuOids(cert: CertificateModel): readonly string[] | null {
  return memoized(ekuCache, cert, () => extendedKeyUsages(cert));
}

const ekuLenientCache = new WeakMap<CertificateModel, readonly string[] | null>();

/** EKU OIDs counting a malformed extension's best-effort list: for models whose verifier reads such a value (see tolerance.ts). */
export function ekuOidsLenient(cert: CertificateModel): readonly string[] | null {
  return memoized(ekuLenientCache, cert, () => findExtensionLenient(cert, 'extKeyUsage')?.purposes.map((p) => p.oid) ?? null);
}

/**
 * EKU verdict for a role: 'absent' (no extension), 'role' (lists the role), 'any' (only through anyExtendedKeyUsage), 'excluded'.
 * `lenient`: a malformed extension counts with its best-effort list (the verifier's parser reads it).
 */
export function ekuFor(cert: CertificateModel, role: Role, lenient = false): 'absent' | 'role' | 'any' | 'excluded' {
  const eku = lenient ? ekuOidsLenient(cert) : ekuOids(cert);
  if (!eku) return 'absent';
  if (eku.includes(roleOid(role))) return 'role';
  if (eku.includes(OID.anyExtendedKeyUsage)) return 'any';
  return 'excluded';
}

/** Extensions marked critical that the verifier does not process (its `handled` OIDs), or that its parser does not read (by default: did not decode strictly). */
export function unhandledCritical(cert: CertificateModel, handled: ReadonlySet<string>, readable: (e: ExtensionModel) => boolean = (e) => e.decodeError === undefined): string[] {
  return cert.extensions.filter((e) => e.critical && (!handled.has(e.oid) || !readable(e))).map((e) => e.oid);
}

export const SHA1_SIGNATURES = new Set(['1.2.840.113549.1.1.5', '1.3.14.3.2.29', '1.2.840.10045.4.1', '1.2.840.10040.4.3']);
export const MD_SIGNATURES = new Set(['1.2.840.113549.1.1.2', '1.2.840.113549.1.1.3', '1.2.840.113549.1.1.4']);

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

export function sanNames(cert: CertificateModel): readonly GeneralNameModel[] {
  return subjectAltNames(cert);
}
export function hasSan(cert: CertificateModel): boolean {
  return findExtension(cert, 'subjectAltName') !== null;
}
/** SAN names counting a malformed extension's best-effort names (for verifiers whose parser reads it). */
export function sanNamesLenient(cert: CertificateModel): readonly GeneralNameModel[] {
  return findExtensionLenient(cert, 'subjectAltName')?.names ?? [];
}
export function hasSanLenient(cert: CertificateModel): boolean {
  return findExtensionLenient(cert, 'subjectAltName') !== null;
}
export function commonNames(cert: CertificateModel): string[] {
  return cert.subject.rdns.flat().filter((a) => a.oid === CN_OID).map((a) => a.value);
}

/** A DNS pattern (possibly with a whole-label left-most wildcard) matches a host. */
export function dnsMatches(pattern: string, host: string): boolean {
  return dnsPatternMatches(pattern, host.toLowerCase().replace(/\.$/u, ''));
}

export function ipMatches(san: GeneralNameModel, ip: Uint8Array): boolean {
  if (san.type !== 'ip') return false;
  const b = parseIp(san.value);
  return b !== null && ipEqual(b, ip);
}

export { emailWithin, uriHost, parseIp };

/** A dirName subtree base (RFC 4514 text) is a prefix of the name's RDN sequence. */
export function dirNameWithin(nameRfc4514: string, base: GeneralSubtreeModel): boolean {
  return textDirWithin({ type: 'dirName', value: nameRfc4514, name: null }, base);
}

/** IPv4-mapped IPv6 (::ffff:a.b.c.d) as its IPv4 address, else null. */
export function v4Mapped(bytes: Uint8Array): Uint8Array | null {
  if (bytes.length !== 16) return null;
  for (let i = 0; i < 10; i++) if (bytes[i] !== 0) return null;
  if (bytes[10] !== 0xff || bytes[11] !== 0xff) return null;
  return bytes.slice(12);
}
