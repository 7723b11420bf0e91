/**
 * Checks every verifier model shares: time, purpose, keys, extensions, names and revocation,
 * as small pure functions. Each verifier module composes them in its own order and wording.
 */
import type { CertificateModel, CrlModel, GeneralNameModel, GeneralSubtreeModel } from '../model';
import { extendedKeyUsages, findExtension, isCa, keyUsages, OID, subjectAltNames } from '../chain/facts';
import { namesMatch } from '../chain/names';
import { dnsWithin, emailWithin, ipWithin, textDirWithin, uriHost, uriWithin } from '../purpose/name-constraints';
import { dnsPatternMatches, ipEqual, parseIp } from '../purpose/hostname';
import type { Role } from '../purpose/types';
import type { VerifyContext } from './types';

export const CN_OID = '2.5.4.3';
export const EMAIL_ATTRIBUTE_OID = '1.2.840.113549.1.9.1';

export function roleOid(role: Role): string {
  return role === 'tlsServer' ? OID.serverAuth : OID.clientAuth;
}

const validityCache = new WeakMap<CertificateModel, { readonly notBefore: number; readonly notAfter: number }>();

/** notBefore and notAfter in ms since the epoch (parsed once per certificate). */
export function validityMs(cert: CertificateModel): { readonly notBefore: number; readonly notAfter: number } {
  let v = validityCache.get(cert);
  if (!v) {
    v = { notBefore: Date.parse(cert.notBefore), notAfter: Date.parse(cert.notAfter) };
    validityCache.set(cert, v);
  }
  return v;
}

/** -1 before notBefore, 1 after notAfter, 0 within. */
export function timeState(cert: CertificateModel, at: number): -1 | 0 | 1 {
  const v = validityMs(cert);
  if (at < v.notBefore) return -1;
  if (at > v.notAfter) return 1;
  return 0;
}

export function selfIssued(cert: CertificateModel): boolean {
  return namesMatch(cert.subject, cert.issuer);
}

const ekuCache = new WeakMap<CertificateModel, readonly string[] | null>();

/** EKU OIDs (null when the extension is absent), read once per certificate. */
export function ekuOids(cert: CertificateModel): readonly string[] | null {
  let eku = ekuCache.get(cert);
  if (eku === undefined) {
    eku = extendedKeyUsages(cert);
    ekuCache.set(cert, eku);
  }
  return eku;
}

/** EKU verdict for a role: 'absent' (no extension), 'role' (lists the role), 'any' (only through anyExtendedKeyUsage), 'excluded'. */
export function ekuFor(cert: CertificateModel, role: Role): 'absent' | 'role' | 'any' | 'excluded' {
  const eku = ekuOids(cert);
  if (!eku) return 'absent';
  if (eku.includes(roleOid(role))) return 'role';
  if (eku.includes(OID.anyExtendedKeyUsage)) return 'any';
  return 'excluded';
}

export function hasKeyUsage(cert: CertificateModel, usage: Parameters<NonNullable<ReturnType<typeof keyUsages>>['includes']>[0]): boolean | null {
  const ku = keyUsages(cert);
  return ku ? ku.includes(usage) : null;
}

export function basicConstraints(cert: CertificateModel): { ca: boolean; pathLength: number | null } | null {
  const bc = findExtension(cert, 'basicConstraints');
  return bc ? { ca: bc.ca, pathLength: bc.pathLength } : null;
}

export { isCa };

/** Extensions marked critical that the verifier does not process (its `handled` OIDs), or that did not parse. */
export function unhandledCritical(cert: CertificateModel, handled: ReadonlySet<string>): string[] {
  return cert.extensions.filter((e) => e.critical && (!handled.has(e.oid) || e.decodeError !== undefined)).map((e) => e.oid);
}

export function duplicateExtension(cert: CertificateModel): string | null {
  const seen = new Set<string>();
  for (const e of cert.extensions) {
    if (seen.has(e.oid)) return e.name ?? e.oid;
    seen.add(e.oid);
  }
  return null;
}

export function malformedExtension(cert: CertificateModel): string | null {
  const e = cert.extensions.find((x) => x.decodeError !== undefined);
  return e ? (e.name ?? e.oid) : null;
}

/** Security strength of a key in bits as OpenSSL's EVP_PKEY_security_bits counts it (RSA/DSA by modulus, EC by half the order). */
export function keyStrengthBits(cert: CertificateModel): number | null {
  const k = cert.publicKey;
  if (k.bits === null) return null;
  if (k.algorithm === 'RSA' || k.algorithm === 'RSA-PSS' || k.algorithm === 'DSA') {
    const b = k.bits;
    if (b >= 15360) return 256;
    if (b >= 7680) return 192;
    if (b >= 3072) return 128;
    if (b >= 2048) return 112;
    if (b >= 1024) return 80;
    return 0;
  }
  if (k.algorithm === 'EC') return Math.floor(k.bits / 2);
  if (k.algorithm === 'Ed25519') return 128;
  if (k.algorithm === 'Ed448') return 224;
  return null;
}

export function isRsa(cert: CertificateModel): boolean {
  return cert.publicKey.algorithm === 'RSA' || cert.publicKey.algorithm === 'RSA-PSS';
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
export function commonNames(cert: CertificateModel): string[] {
  return cert.subject.rdns.flat().filter((a) => a.oid === CN_OID).map((a) => a.value);
}
export function subjectEmails(cert: CertificateModel): string[] {
  return cert.subject.rdns.flat().filter((a) => a.oid === EMAIL_ATTRIBUTE_OID).map((a) => a.value);
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

export { dnsWithin, emailWithin, ipWithin, uriHost, uriWithin, parseIp };

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

// ---------------------------------------------------------------------------------------------
// Revocation against loaded CRLs
// ---------------------------------------------------------------------------------------------

function stripZeros(hex: string): string {
  const t = hex.toLowerCase().replace(/^(00)+(?=..)/u, '');
  return t === '' ? '00' : t;
}

export type CrlState = { readonly state: 'revoked'; readonly crl: CrlModel } | { readonly state: 'good'; readonly crl: CrlModel } | { readonly state: 'none' } | { readonly state: 'bad-signature'; readonly crl: CrlModel } | { readonly state: 'expired'; readonly crl: CrlModel };

/** Looks `cert` up in the loaded CRLs issued (name and signature) by `issuer`. */
export async function crlState(ctx: VerifyContext, cert: CertificateModel, issuer: CertificateModel): Promise<CrlState> {
  let found: CrlState = { state: 'none' };
  for (const crl of ctx.crls) {
    if (!namesMatch(crl.issuer, cert.issuer) || !namesMatch(crl.issuer, issuer.subject)) continue;
    const sig = await ctx.signature(crl, issuer);
    if (sig.status === 'invalid') {
      found = { state: 'bad-signature', crl };
      continue;
    }
    if (crl.nextUpdate && ctx.at > Date.parse(crl.nextUpdate)) {
      found = { state: 'expired', crl };
      continue;
    }
    const serial = stripZeros(cert.serialNumberHex);
    if (crl.entries.some((e) => stripZeros(e.serialNumberHex) === serial)) return { state: 'revoked', crl };
    found = { state: 'good', crl };
  }
  return found;
}

export function describeCert(c: CertificateModel): string {
  return c.subject.rfc4514 || `(empty subject, serial ${c.serialNumberHex})`;
}
