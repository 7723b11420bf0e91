/**
 * OpenSSL 3.0's X509_verify_cert (the version the lab runs: Debian's 3.0.19) as nginx, HAProxy,
 * curl, Python `ssl` and Node call it: purpose sslserver for a client checking a server,
 * sslclient for a server checking a client; trusted-first chain building with no partial chains
 * (only a self-signed anchor ends a chain); the auth level Debian compiles in (2: keys of at
 * least 112 bits, no SHA-1 on any link below the anchor); host, IP and email checks; CRLs for
 * every link when any are loaded (`-crl_check_all`); name constraints.
 *
 * The order is verify_chain's, and the answer is the first error the verify callback sees:
 *   leaf key level → build_chain (issuer by name + key id + signature algorithm, no signature
 *   check; an untrusted chain ends with "unable to get local issuer certificate" and friends)
 *   → check_extensions per link (unhandled critical, CA, explicit curves, purpose, path length)
 *   → check_auth_level (issuer keys, signature digests) → check_id (host, email, IP)
 *   → check_revocation → internal_verify from the anchor down (key usage, signature, time)
 *   → check_name_constraints.
 */
import type { CertificateModel, CrlModel, DecodeWarningCode, NameModel } from '../model';
import type { Role } from '../purpose/types';
import {
  dnWithin,
  GEN,
  generalNameEq,
  nameEq,
  rawAkid,
  rawCrlDistPoints,
  rawIdp,
  rawNameConstraints,
  rawSan,
  type RawGeneralName,
  serialKey,
} from './openssl-der';
import { domainToUnicode } from '../decode/punycode';
import { memoized } from './checks';
import { findReadable, reads } from './tolerance';
import type { VerifierAnswer, VerifierModel, VerifyCode, VerifyContext } from './types';
import { sharedOr } from './shared';

/** The security level Debian's OpenSSL 3.0 compiles in (-DOPENSSL_TLS_SECURITY_LEVEL=2); libssl copies it into the verify parameters as the auth level. */
export const OPENSSL_AUTH_LEVEL = 2;
const MINBITS = [80, 112, 128, 192, 256];
/** X509_VERIFY_PARAM "default" depth. */
const DEFAULT_DEPTH = 100;

// ---------------------------------------------------------------------------------------------
// Error codes and texts (x509_txt.c)
// ---------------------------------------------------------------------------------------------

const TEXT = {
  2: 'unable to get issuer certificate',
  3: 'unable to get certificate CRL',
  7: 'certificate signature failure',
  8: 'CRL signature failure',
  9: 'certificate is not yet valid',
  10: 'certificate has expired',
  11: 'CRL is not yet valid',
  12: 'CRL has expired',
  18: 'self-signed certificate',
  19: 'self-signed certificate in certificate chain',
  20: 'unable to get local issuer certificate',
  22: 'certificate chain too long',
  23: 'certificate revoked',
  25: 'path length constraint exceeded',
  26: 'unsuitable certificate purpose',
  32: 'key usage does not include certificate signing',
  39: 'key usage does not include digital signature',
  33: 'unable to get CRL issuer certificate',
  34: 'unhandled critical extension',
  35: 'key usage does not include CRL signing',
  36: 'unhandled critical CRL extension',
  41: 'invalid or inconsistent certificate extension',
  44: 'different CRL scope',
  47: 'permitted subtree violation',
  48: 'excluded subtree violation',
  49: 'name constraints minimum and maximum not supported',
  51: 'unsupported name constraint type',
  53: 'unsupported or invalid name syntax',
  62: 'hostname mismatch',
  63: 'email address mismatch',
  64: 'IP address mismatch',
  66: 'EE certificate key too weak',
  67: 'CA certificate key too weak',
  68: 'CA signature digest algorithm too weak',
  79: 'invalid CA certificate',
  94: 'Certificate public key has explicit ECC parameters',
  1: 'unspecified certificate verification error',
} as const;
type ErrNum = keyof typeof TEXT;

interface Failure {
  readonly err: ErrNum;
  readonly depth: number;
  readonly codes: readonly VerifyCode[];
  /** Extra words for the fix (which certificate). */
  readonly cert?: CertificateModel;
}

// ---------------------------------------------------------------------------------------------
// Algorithms
// ---------------------------------------------------------------------------------------------

type PkeyType = 'RSA' | 'RSA-PSS' | 'EC' | 'DSA' | 'Ed25519' | 'Ed448';

/** Signature algorithm OID → the key type it needs and its security bits (x509_sig_info_init). */
const SIGNATURES: Record<string, { key: PkeyType; bits: number | 'pss' }> = {
  '1.2.840.113549.1.1.2': { key: 'RSA', bits: 0 }, // md2: no digest in OpenSSL 3
  '1.2.840.113549.1.1.3': { key: 'RSA', bits: 64 }, // md4
  '1.2.840.113549.1.1.4': { key: 'RSA', bits: 39 }, // md5
  '1.2.840.113549.1.1.5': { key: 'RSA', bits: 63 }, // sha1
  '1.3.14.3.2.29': { key: 'RSA', bits: 63 },
  '1.2.840.113549.1.1.14': { key: 'RSA', bits: 112 },
  '1.2.840.113549.1.1.11': { key: 'RSA', bits: 128 },
  '1.2.840.113549.1.1.12': { key: 'RSA', bits: 192 },
  '1.2.840.113549.1.1.13': { key: 'RSA', bits: 256 },
  '1.2.840.113549.1.1.15': { key: 'RSA', bits: 112 },
  '1.2.840.113549.1.1.16': { key: 'RSA', bits: 128 },
  '2.16.840.1.101.3.4.3.13': { key: 'RSA', bits: 112 },
  '2.16.840.1.101.3.4.3.14': { key: 'RSA', bits: 128 },
  '2.16.840.1.101.3.4.3.15': { key: 'RSA', bits: 192 },
  '2.16.840.1.101.3.4.3.16': { key: 'RSA', bits: 256 },
  '1.2.840.113549.1.1.10': { key: 'RSA-PSS', bits: 'pss' },
  '1.2.840.10045.4.1': { key: 'EC', bits: 63 },
  '1.2.840.10045.4.3.1': { key: 'EC', bits: 112 },
  '1.2.840.10045.4.3.2': { key: 'EC', bits: 128 },
  '1.2.840.10045.4.3.3': { key: 'EC', bits: 192 },
  '1.2.840.10045.4.3.4': { key: 'EC', bits: 256 },
  '2.16.840.1.101.3.4.3.9': { key: 'EC', bits: 112 },
  '2.16.840.1.101.3.4.3.10': { key: 'EC', bits: 128 },
  '2.16.840.1.101.3.4.3.11': { key: 'EC', bits: 192 },
  '2.16.840.1.101.3.4.3.12': { key: 'EC', bits: 256 },
  '1.2.840.10040.4.3': { key: 'DSA', bits: 63 },
  '2.16.840.1.101.3.4.3.1': { key: 'DSA', bits: 112 },
  '2.16.840.1.101.3.4.3.2': { key: 'DSA', bits: 128 },
  '1.3.101.112': { key: 'Ed25519', bits: 128 },
  '1.3.101.113': { key: 'Ed448', bits: 224 },
};

const sigBitsCache = new WeakMap<CertificateModel | CrlModel, number | null>();

/** Security bits of a signature (X509_get_signature_info), null when OpenSSL cannot tell (unknown algorithm). */
function signatureBits(cert: CertificateModel | CrlModel): number | null {
  return memoized(sigBitsCache, cert, () => signatureBitsOf(cert));
}

function signatureBitsOf(cert: CertificateModel | CrlModel): number | null {
  const s = SIGNATURES[cert.signatureAlgorithm.oid];
  if (!s) return null;
  if (s.bits !== 'pss') return s.bits;
  // rsa_pss_param_decode: the hash in the parameters, SHA-1 when absent; SHA-1 counts 64 bits.
  const t = (cert.signatureAlgorithm.parametersText ?? '').toUpperCase();
  const m = /SHA-?(3-)?(1|224|256|384|512)\b/u.exec(t);
  const size = m ? Number(m[2]) : 1;
  if (size === 1) return 64;
  return size / 2;
}

// Fixed-point arithmetic of rsa_lib.c (scale 2^18), in 64-bit unsigned integers.
const SCALE = 1n << 18n;
const CBRT_SCALE = 1n << 12n;
const LOG_2 = 0x02c5c8n;
const LOG_E = 0x05c551n;
const C1_923 = 0x07b126n;
const C4_690 = 0x12c28fn;
const u64 = (v: bigint): bigint => BigInt.asUintN(64, v);
const mul2 = (a: bigint, b: bigint): bigint => u64(a * b) / SCALE;

function icbrt64(x0: bigint): bigint {
  let x = x0;
  let r = 0n;
  for (let s = 63n; s >= 0n; s -= 3n) {
    r = u64(r << 1n);
    const b = u64(3n * r * (r + 1n) + 1n);
    if (x >> s >= b) {
      x = u64(x - u64(b << s));
      r++;
    }
  }
  return u64(r * CBRT_SCALE);
}

function ilogE(v0: bigint): bigint {
  let v = v0;
  let r = 0n;
  while (v >= 2n * SCALE) {
    v >>= 1n;
    r += SCALE;
  }
  for (let i = SCALE / 2n; i !== 0n; i /= 2n) {
    v = mul2(v, v);
    if (v >= 2n * SCALE) {
      v >>= 1n;
      r += i;
    }
  }
  return BigInt.asUintN(32, (r * SCALE) / LOG_E);
}

/** ossl_ifc_ffc_compute_security_bits: RSA and finite-field strength by modulus size, as OpenSSL computes it. */
export function rsaSecurityBits(n: number): number {
  const table: Record<number, number> = { 2048: 112, 3072: 128, 4096: 152, 6144: 176, 7680: 192, 8192: 200, 15360: 256 };
  const fixed = table[n];
  if (fixed !== undefined) return fixed;
  if (n >= 687737) return 1200;
  if (n < 8) return 0;
  const cap = n <= 7680 ? 192 : n <= 15360 ? 256 : 1200;
  const x = u64(BigInt(n) * LOG_2);
  const lx = ilogE(x);
  let y = Number(BigInt.asUintN(16, u64(mul2(C1_923, icbrt64(mul2(mul2(x, lx), lx))) - C4_690) / LOG_2));
  y = (y + 4) & ~7;
  return Math.min(y, cap);
}

const keyBitsCache = new WeakMap<CertificateModel, number | null>();

/** EVP_PKEY_get_security_bits, null when OpenSSL cannot load the key. */
function keyBits(cert: CertificateModel): number | null {
  return memoized(keyBitsCache, cert, () => keyBitsOf(cert));
}

function keyBitsOf(cert: CertificateModel): number | null {
  const k = cert.publicKey;
  switch (k.algorithm) {
    case 'RSA':
    case 'RSA-PSS':
      return k.bits === null ? null : rsaSecurityBits(k.bits);
    case 'DSA':
      return k.bits === null ? null : rsaSecurityBits(k.bits);
    case 'EC':
      return k.bits === null ? null : Math.floor(k.bits / 2);
    case 'Ed25519':
    case 'X25519':
      return 128;
    case 'Ed448':
    case 'X448':
      return 224;
    default:
      return null;
  }
}

function pkeyIs(cert: CertificateModel, want: PkeyType): boolean {
  const a = cert.publicKey.algorithm;
  if (want === 'RSA-PSS') return a === 'RSA' || a === 'RSA-PSS';
  return a === want;
}

/** check_sig_alg_match: the subject's signature algorithm suits the issuer's key type. */
function sigAlgMatches(issuer: CertificateModel, subject: CertificateModel): boolean {
  const s = SIGNATURES[subject.signatureAlgorithm.oid];
  return s !== undefined && pkeyIs(issuer, s.key);
}

// ---------------------------------------------------------------------------------------------
// Per-certificate flags (ossl_x509v3_cache_extensions)
// ---------------------------------------------------------------------------------------------

/** Critical extensions the verifier handles (X509_supported_extension). */
const SUPPORTED = new Set([
  '2.16.840.1.113730.1.1', // nsCertType
  '2.5.29.15', // keyUsage
  '2.5.29.17', // subjectAltName
  '2.5.29.19', // basicConstraints
  '2.5.29.32', // certificatePolicies
  '2.5.29.31', // cRLDistributionPoints
  '2.5.29.37', // extKeyUsage
  '1.3.6.1.5.5.7.1.7', // sbgp-ipAddrBlock
  '1.3.6.1.5.5.7.1.8', // sbgp-autonomousSysNum
  '1.3.6.1.5.5.7.48.1.5', // OCSP noCheck
  '2.5.29.36', // policyConstraints
  '1.3.6.1.5.5.7.1.14', // proxyCertInfo
  '2.5.29.30', // nameConstraints
  '2.5.29.33', // policyMappings
  '2.5.29.54', // inhibitAnyPolicy
]);

/**
 * The decoder's leniencies OpenSSL 3.0 also allows when it decodes an extension (X509V3_EXT_d2i over
 * the crypto/x509 ASN.1 templates, then ossl_x509v3_cache_extensions): ASN1_item_d2i reads one
 * value and X509V3_EXT_d2i does not ask that it fill the OCTET STRING (bytes after it are
 * ignored); c2i_ASN1_BIT_STRING keeps any bit and clears the unused ones; d2i of a BOOLEAN takes
 * any non-zero octet as TRUE and an encoded DEFAULT; IA5String contents and iPAddress lengths are
 * not checked when decoding. Refused (EXFLAG_INVALID): an element that does not decode
 * (EXTENSION_MALFORMED), an INTEGER with a redundant leading octet (c2i_ASN1_INTEGER), and a
 * negative pathLenConstraint (cache_extensions marks it invalid).
 */
const OPENSSL_READS: ReadonlySet<DecodeWarningCode> = new Set(['TRAILING_DATA', 'UNDEFINED_BIT', 'UNUSED_BITS', 'BOOLEAN_ENCODING', 'NON_ASCII_NAME', 'IP_ADDRESS_LENGTH', 'INTEGER_OUT_OF_RANGE']);

/** Extensions cache_extensions decodes: one that does not decode, or appears twice, makes the certificate invalid. */
const DECODED: ReadonlySet<string> = new Set(['2.5.29.19', '1.3.6.1.5.5.7.1.14', '2.5.29.15', '2.5.29.37', '2.16.840.1.113730.1.1', '2.5.29.14', '2.5.29.35', '2.5.29.17', '2.5.29.30', '2.5.29.31', '1.3.6.1.5.5.7.1.7', '1.3.6.1.5.5.7.1.8']);

const EKU = { serverAuth: '1.3.6.1.5.5.7.3.1', clientAuth: '1.3.6.1.5.5.7.3.2', any: '2.5.29.37.0', msSgc: '1.3.6.1.4.1.311.10.3.3', nsSgc: '2.16.840.1.113730.4.1' };

interface Flags {
  /** EXFLAG_INVALID: an extension does not decode, appears twice, a negative path length, an empty key usage. */
  readonly invalid: boolean;
  /** EXFLAG_CRITICAL: an unhandled critical extension. */
  readonly critical: boolean;
  readonly si: boolean;
  readonly ss: boolean;
  readonly v1: boolean;
  readonly bcons: boolean;
  readonly ca: boolean;
  readonly pathlen: number;
  readonly proxy: boolean;
  /** Key usage names, null when absent. */
  readonly ku: ReadonlySet<string> | null;
  /** EKU OIDs, null when absent. */
  readonly xku: ReadonlySet<string> | null;
  /** nsCertType names, null when absent. */
  readonly ns: ReadonlySet<string> | null;
  readonly skid: string | null;
}

const flagCache = new WeakMap<CertificateModel, Flags>();

function flagsOf(cert: CertificateModel): Flags {
  const hit = flagCache.get(cert);
  if (hit) return hit;
  let invalid = false;
  const seen = new Set<string>();
  for (const e of cert.extensions) {
    if (!DECODED.has(e.oid)) continue;
    if (seen.has(e.oid) || !reads(e, OPENSSL_READS)) invalid = true;
    seen.add(e.oid);
  }
  const bc = findReadable(cert, 'basicConstraints', OPENSSL_READS);
  const ku = findReadable(cert, 'keyUsage', OPENSSL_READS);
  if (ku && ku.usages.length === 0) invalid = true;
  const eku = findReadable(cert, 'extKeyUsage', OPENSSL_READS);
  const ns = findReadable(cert, 'netscapeCertType', OPENSSL_READS);
  const ski = findReadable(cert, 'subjectKeyIdentifier', OPENSSL_READS);
  const critical = cert.extensions.some((e) => e.critical && !SUPPORTED.has(e.oid));
  const si = nameEq(cert.subject, cert.issuer);
  const skid = ski ? ski.keyIdentifierHex.toLowerCase() : null;
  const proxy = cert.extensions.some((e) => e.oid === '1.3.6.1.5.5.7.1.14');
  const partial: Omit<Flags, 'ss'> = {
    invalid,
    critical,
    si,
    v1: cert.version === 1,
    bcons: bc !== null,
    ca: bc?.ca ?? false,
    pathlen: bc?.pathLength ?? -1,
    proxy,
    ku: ku ? new Set(ku.usages) : null,
    xku: eku ? new Set(eku.purposes.map((p) => p.oid)) : null,
    ns: ns ? new Set(ns.types) : null,
    skid,
  };
  const ss = si && checkAkid({ ...partial, ss: false }, cert, cert) === 0 && sigAlgMatches(cert, cert);
  const f: Flags = { ...partial, ss };
  flagCache.set(cert, f);
  return f;
}

/** X509_check_akid(issuer, subject's AKID): 0 when consistent, else the error number (30, 31). */
function checkAkid(issuerFlags: Flags, issuer: CertificateModel, subject: CertificateModel | CrlModel): number {
  const akid = rawAkid(subject);
  if (!akid) return 0;
  if (akid.keyIdHex !== null && issuerFlags.skid !== null && akid.keyIdHex.toLowerCase() !== issuerFlags.skid) return 30;
  if (akid.serialHex !== null && serialKey(akid.serialHex) !== serialKey(issuer.serialNumberHex)) return 31;
  if (akid.issuer && !nameEq(akid.issuer, issuer.issuer)) return 31;
  return 0;
}

/** ossl_x509_likely_issued(issuer, subject) == X509_V_OK (check_issued). */
function likelyIssued(issuer: CertificateModel, subject: CertificateModel): boolean {
  if (!nameEq(issuer.subject, subject.issuer)) return false;
  const fi = flagsOf(issuer);
  if (fi.invalid || flagsOf(subject).invalid) return false;
  if (checkAkid(fi, issuer, subject) !== 0) return false;
  return sigAlgMatches(issuer, subject);
}

/** X509_self_signed(cert, 0): -1 for an invalid certificate. */
function selfSigned(cert: CertificateModel): -1 | 0 | 1 {
  const f = flagsOf(cert);
  if (f.invalid) return -1;
  return f.ss ? 1 : 0;
}

const KU_TLS_SERVER = ['digitalSignature', 'keyEncipherment', 'keyAgreement'];
const KU_TLS_CLIENT = ['digitalSignature', 'keyAgreement'];

function kuReject(f: Flags, usages: readonly string[]): boolean {
  return f.ku !== null && !usages.some((u) => f.ku?.has(u));
}

/** check_ca: 0 not a CA, 1 a CA, 3 a v1 self-signed root, 4 key usage with keyCertSign and no basicConstraints, 5 Netscape CA type. */
function checkCa(f: Flags): number {
  if (kuReject(f, ['keyCertSign'])) return 0;
  if (f.bcons) return f.ca ? 1 : 0;
  if (f.v1 && f.ss) return 3;
  if (f.ku !== null) return 4;
  if (f.ns && (f.ns.has('sslCA') || f.ns.has('emailCA') || f.ns.has('objCA'))) return 5;
  return 0;
}

/** X509_check_ca (0 for an invalid certificate). */
function x509CheckCa(cert: CertificateModel): number {
  const f = flagsOf(cert);
  if (f.invalid) return 0;
  return checkCa(f);
}

function xkuReject(f: Flags, oids: readonly string[]): boolean {
  return f.xku !== null && !oids.some((o) => f.xku?.has(o));
}

function nsReject(f: Flags, t: string): boolean {
  return f.ns !== null && !f.ns.has(t);
}

function sslCa(f: Flags): 1 | 0 {
  const r = checkCa(f);
  if (r === 0) return 0;
  return r !== 5 || (f.ns?.has('sslCA') ?? false) ? 1 : 0;
}

const XKU_TLS_SERVER = [EKU.serverAuth, EKU.msSgc, EKU.nsSgc];
const XKU_TLS_CLIENT = [EKU.clientAuth];

/** check_purpose_ssl_server / _client: 1 allowed, 0 refused, -1 the certificate is invalid (allowed without -x509_strict). */
function checkPurpose(cert: CertificateModel, role: Role, requireCa: boolean): 1 | 0 | -1 {
  const f = flagsOf(cert);
  if (f.invalid) return -1;
  if (role === 'tlsServer') {
    if (xkuReject(f, XKU_TLS_SERVER)) return 0;
    if (requireCa) return sslCa(f);
    if (nsReject(f, 'sslServer')) return 0;
    if (kuReject(f, KU_TLS_SERVER)) return 0;
    return 1;
  }
  if (xkuReject(f, XKU_TLS_CLIENT)) return 0;
  if (requireCa) return sslCa(f);
  if (kuReject(f, KU_TLS_CLIENT)) return 0;
  if (nsReject(f, 'sslClient')) return 0;
  return 1;
}

// ---------------------------------------------------------------------------------------------
// Time (X509_cmp_time at whole seconds, as -attime gives it)
// ---------------------------------------------------------------------------------------------

function secondsOf(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

const certSecondsCache = new WeakMap<CertificateModel, { readonly notBefore: number; readonly notAfter: number }>();

/** notBefore and notAfter in whole seconds. */
function certSeconds(cert: CertificateModel): { readonly notBefore: number; readonly notAfter: number } {
  let t = certSecondsCache.get(cert);
  if (!t) {
    t = { notBefore: secondsOf(cert.notBefore), notAfter: secondsOf(cert.notAfter) };
    certSecondsCache.set(cert, t);
  }
  return t;
}

/** ossl_x509_check_cert_time: 0 valid, 9 not yet valid, 10 expired. */
function certTime(cert: CertificateModel, now: number): 0 | 9 | 10 {
  const t = certSeconds(cert);
  if (t.notBefore > now) return 9;
  if (t.notAfter <= now) return 10;
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Chain building (build_chain, trusted first, no alternate chains)
// ---------------------------------------------------------------------------------------------

interface Built {
  readonly chain: CertificateModel[];
  /** Certificates at depth < numUntrusted came from the peer. */
  readonly numUntrusted: number;
  readonly failure: Failure | null;
}

/** find_issuer / X509_STORE_CTX_get1_issuer: the first time-valid candidate, else the one that expired last. */
function pickIssuer(cands: readonly CertificateModel[], x: CertificateModel, now: number, allow: (c: CertificateModel) => boolean): CertificateModel | null {
  let rv: CertificateModel | null = null;
  for (const c of cands) {
    if (!likelyIssued(c, x) || !allow(c)) continue;
    if (certTime(c, now) === 0) return c;
    if (rv === null || certSeconds(c).notAfter > certSeconds(rv).notAfter) rv = c;
  }
  return rv;
}

/** Some certificate of `chain` from index `from` on is self-signed. */
function selfSignedFrom(chain: readonly CertificateModel[], from: number): boolean {
  for (let i = from; i < chain.length; i++) {
    const c = chain[i];
    if (c && selfSigned(c) === 1) return true;
  }
  return false;
}

function buildChain(ctx: VerifyContext, now: number): Built {
  const leaf = ctx.leaf;
  const seen = new Set<string>();
  const store: CertificateModel[] = [];
  for (const a of ctx.anchors) {
    if (seen.has(a.certificate.sha256Hex)) continue;
    seen.add(a.certificate.sha256Hex);
    store.push(a.certificate);
  }
  const untrusted = ctx.untrusted.filter((c) => c.sha256Hex !== leaf.sha256Hex);
  const depth = ctx.maxIntermediates ?? DEFAULT_DEPTH;
  const maxDepth = depth + 1;
  const chain: CertificateModel[] = [leaf];
  let numUntrusted = 1;
  const S_UNTRUSTED = 1;
  const S_TRUSTED = 2;
  let search = untrusted.length > 0 ? S_UNTRUSTED | S_TRUSTED : S_TRUSTED;
  const pool = [...untrusted];
  let trusted = false;
  let guard = 0;
  while (search !== 0 && guard++ < 1000) {
    let num = chain.length;
    if ((search & S_TRUSTED) !== 0) {
      const curr = chain[num - 1];
      if (!curr) break;
      const issuer = num > maxDepth ? null : pickIssuer(store, curr, now, () => true);
      if (issuer) {
        let ok = true;
        let ss = selfSigned(curr) === 1;
        if (!ss) {
          chain.push(issuer);
          ss = selfSigned(issuer) === 1;
        } else if (issuer.sha256Hex !== curr.sha256Hex) {
          ok = false; // a self-signed untrusted mimic of an anchor
        } else {
          num -= 1;
          numUntrusted = num;
          chain[num] = issuer;
        }
        if (ok) {
          search &= ~S_UNTRUSTED;
          if (selfSignedFrom(chain, num)) {
            trusted = true;
            break;
          }
          if (!ss) continue;
        }
      }
      if ((search & S_UNTRUSTED) === 0) break;
    }
    if ((search & S_UNTRUSTED) !== 0) {
      num = chain.length;
      const curr = chain[num - 1];
      if (!curr) break;
      const currFlags = flagsOf(curr);
      const issuer =
        selfSigned(curr) === 1 || num > maxDepth
          ? null
          : pickIssuer(pool, curr, now, (c) => (currFlags.si && chain.length === 1) || !chain.some((x) => x.sha256Hex === c.sha256Hex));
      if (!issuer) {
        search &= ~S_UNTRUSTED;
        search |= S_TRUSTED;
        continue;
      }
      pool.splice(pool.indexOf(issuer), 1);
      chain.push(issuer);
      numUntrusted++;
    }
  }
  const num = chain.length;
  if (trusted) return { chain, numUntrusted, failure: null };
  const top = chain[num - 1] ?? leaf;
  if (num > maxDepth) return { chain, numUntrusted, failure: { err: 22, depth: num - 1, codes: ['CHAIN_TOO_LONG'] } };
  if (selfSigned(top) === 1) {
    return { chain, numUntrusted, failure: { err: num === 1 ? 18 : 19, depth: num - 1, codes: ['CHAIN_PRIVATE_ROOT'], cert: top } };
  }
  return { chain, numUntrusted, failure: { err: numUntrusted < num ? 2 : 20, depth: num - 1, codes: ['CHAIN_ISSUER_NOT_FOUND'], cert: top } };
}

// ---------------------------------------------------------------------------------------------
// Host, email and IP (X509_check_host / _email / _ip with no flags)
// ---------------------------------------------------------------------------------------------

function lowerAscii(s: string): string {
  return s.replace(/[A-Z]/gu, (c) => c.toLowerCase());
}

/** skip_prefix: a host asked for as ".example.com" (_X509_CHECK_FLAG_DOT_SUBDOMAINS) matches any name ending in it. */
function skipPrefix(pattern: string, subject: string, dotSubdomains: boolean): string {
  if (!dotSubdomains) return pattern;
  let p = pattern;
  while (p.length > subject.length && !p.startsWith('\u0000')) p = p.slice(1);
  return p.length === subject.length ? p : pattern;
}

function equalNocase(pattern0: string, subject: string, dotSubdomains = false): boolean {
  const pattern = skipPrefix(pattern0, subject, dotSubdomains);
  if (pattern.length !== subject.length) return false;
  if (pattern.includes('\u0000')) return false;
  return lowerAscii(pattern) === lowerAscii(subject);
}

/** valid_star: the index of the one legal wildcard, or -1. */
function validStar(p: string): number {
  let star = -1;
  let atStartOfLabel = true;
  let hyphen = false;
  let idna = false;
  let dots = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p[i] ?? '';
    if (c === '*') {
      const atstart = atStartOfLabel;
      const atend = i === p.length - 1 || p[i + 1] === '.';
      if (star !== -1 || idna || dots > 0) return -1;
      if (!atstart && !atend) return -1;
      star = i;
      atStartOfLabel = false;
    } else if (/[A-Za-z0-9]/u.test(c)) {
      if (atStartOfLabel && p.length - i >= 4 && lowerAscii(p.slice(i, i + 4)) === 'xn--') idna = true;
      hyphen = false;
      atStartOfLabel = false;
    } else if (c === '.') {
      if (hyphen || atStartOfLabel) return -1;
      atStartOfLabel = true;
      hyphen = false;
      idna = false;
      dots++;
    } else if (c === '-') {
      if (atStartOfLabel) return -1;
      hyphen = true;
    } else return -1;
  }
  if (atStartOfLabel || hyphen || dots < 2) return -1;
  return star;
}

function wildcardMatch(prefix: string, suffix: string, subject: string): boolean {
  if (subject.length < prefix.length + suffix.length) return false;
  if (!equalNocase(prefix, subject.slice(0, prefix.length))) return false;
  const wEnd = subject.length - suffix.length;
  if (!equalNocase(subject.slice(wEnd), suffix)) return false;
  const middle = subject.slice(prefix.length, wEnd);
  let allowIdna = false;
  if (prefix.length === 0 && suffix.startsWith('.')) {
    if (middle.length === 0) return false;
    allowIdna = true;
  }
  if (!allowIdna && subject.length >= 4 && lowerAscii(subject.slice(0, 4)) === 'xn--') return false;
  if (middle === '*') return true;
  return /^[A-Za-z0-9-]*$/u.test(middle);
}

/** equal_wildcard(pattern from the certificate, subject = the host asked for). */
function equalWildcard(pattern: string, subject: string): boolean {
  const dotSubdomains = subject.length > 1 && subject.startsWith('.');
  const star = dotSubdomains ? -1 : validStar(pattern);
  if (star < 0) return equalNocase(pattern, subject, dotSubdomains);
  return wildcardMatch(pattern.slice(0, star), pattern.slice(star + 1), subject);
}

function equalEmail(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = a.length;
  while (i > 0) {
    i--;
    if (a[i] === '@' || b[i] === '@') {
      if (!equalNocase(a.slice(i), b.slice(i))) return false;
      break;
    }
  }
  if (i === 0) i = a.length;
  return a.slice(0, i) === b.slice(0, i);
}

const subjectValuesCache = new WeakMap<NameModel, Map<string, readonly string[]>>();

/** Subject attributes as OpenSSL's ASN1_STRING_to_UTF8 gives them. */
function subjectValues(name: NameModel, oid: string): readonly string[] {
  let byOid = subjectValuesCache.get(name);
  if (!byOid) {
    byOid = new Map();
    subjectValuesCache.set(name, byOid);
  }
  let v = byOid.get(oid);
  if (!v) {
    v = name.rdns.flat().filter((a) => a.oid === oid && a.stringType !== 'other').map((a) => a.value);
    byOid.set(oid, v);
  }
  return v;
}

function checkHost(cert: CertificateModel, host: string): boolean {
  const san = rawSan(cert);
  if (san) {
    const dns = san.filter((g) => g.type === GEN.dns);
    if (dns.some((g) => g.text.length > 0 && equalWildcard(g.text, host))) return true;
    if (dns.length > 0) return false;
  }
  return subjectValues(cert.subject, '2.5.4.3').some((cn) => cn.length > 0 && equalWildcard(cn, host));
}

function checkIp(cert: CertificateModel, ip: Uint8Array): boolean {
  const san = rawSan(cert) ?? [];
  return san.some((g) => g.type === GEN.ip && g.bytes.length === ip.length && g.bytes.every((b, i) => b === ip[i]));
}

function checkEmail(cert: CertificateModel, email: string): boolean {
  const san = rawSan(cert);
  if (san) {
    let present = false;
    for (const g of san) {
      if (g.type === GEN.email) {
        present = true;
        if (g.text.length > 0 && equalEmail(g.text, email)) return true;
      } else if (g.type === GEN.otherName && g.otherOid === '1.3.6.1.5.5.7.8.9' && g.otherUtf8 !== null) {
        present = true;
        if (g.otherUtf8.length > 0 && equalEmail(g.otherUtf8, email)) return true;
      }
    }
    if (present) return false;
  }
  return subjectValues(cert.subject, '1.2.840.113549.1.9.1').some((e) => e.length > 0 && equalEmail(e, email));
}

// ---------------------------------------------------------------------------------------------
// Name constraints (v3_ncons.c)
// ---------------------------------------------------------------------------------------------

type NcResult = 0 | 47 | 48 | 49 | 51 | 53 | 1;

function ia5casecmpEq(a: string, b: string): boolean {
  return lowerAscii(a) === lowerAscii(b);
}

function ncDns(dns: string, base: string): NcResult {
  if (base.length === 0) return 0;
  if (dns.length < base.length) return 47;
  let tail = dns;
  if (dns.length > base.length) {
    tail = dns.slice(dns.length - base.length);
    if (!base.startsWith('.') && dns[dns.length - base.length - 1] !== '.') return 47;
  }
  return ia5casecmpEq(base, tail) ? 0 : 47;
}

function ncEmail(eml: string, base: string): NcResult {
  const baseat = base.lastIndexOf('@');
  const emlat = eml.lastIndexOf('@');
  if (emlat < 0) return 53;
  if (baseat < 0 && base.length > 0 && base.startsWith('.')) {
    if (eml.length > base.length && ia5casecmpEq(base, eml.slice(eml.length - base.length))) return 0;
    return 47;
  }
  let baseHost = base;
  if (baseat >= 0) {
    if (baseat !== 0) {
      if (baseat !== emlat) return 47;
      if (base.slice(0, baseat).includes('\u0000') || eml.slice(0, emlat).includes('\u0000')) return 53;
      if (base.slice(0, baseat) !== eml.slice(0, emlat)) return 47;
    }
    baseHost = base.slice(baseat + 1);
  }
  const emlHost = eml.slice(emlat + 1);
  return baseHost.length === emlHost.length && ia5casecmpEq(baseHost, emlHost) ? 0 : 47;
}

function ncEmailEai(eml: string | null, base: string): NcResult {
  if (base.includes('\u0000')) return 53;
  if (eml === null) return 53;
  const emlat = eml.lastIndexOf('@');
  if (emlat < 0) return 53;
  const toU = (s: string): string | null => {
    if (!lowerAscii(s).includes('xn--')) return s;
    return domainToUnicode(s) ?? null;
  };
  if (base.startsWith('.')) {
    const u = toU(base.slice(1));
    if (u === null) return 1;
    const ulabel = `.${u}`;
    if (eml.length > ulabel.length && ia5casecmpEq(ulabel, eml.slice(eml.length - ulabel.length))) return 0;
    return 47;
  }
  const u = toU(base);
  if (u === null) return 1;
  const host = eml.slice(emlat + 1);
  return host.length === u.length && ia5casecmpEq(u, host) ? 0 : 47;
}

function ncUri(uri: string, base: string): NcResult {
  const p = uri.indexOf(':');
  if (p < 0 || p < 3 || uri[p + 1] !== '/' || uri[p + 2] !== '/') return 53;
  const hostStart = p + 3;
  let end = uri.indexOf(':', hostStart);
  if (end < 0) end = uri.indexOf('/', hostStart);
  const host = end < 0 ? uri.slice(hostStart) : uri.slice(hostStart, end);
  if (host.length === 0) return 53;
  if (base.length > 0 && base.startsWith('.')) {
    if (host.length > base.length && ia5casecmpEq(host.slice(host.length - base.length), base)) return 0;
    return 47;
  }
  return base.length === host.length && ia5casecmpEq(host, base) ? 0 : 47;
}

function ncIp(ip: Uint8Array, base: Uint8Array): NcResult {
  if (ip.length !== 4 && ip.length !== 16) return 53;
  if (base.length !== 8 && base.length !== 32) return 53;
  if (ip.length * 2 !== base.length) return 47;
  for (let i = 0; i < ip.length; i++) {
    const m = base[ip.length + i] ?? 0;
    if (((ip[i] ?? 0) & m) !== ((base[i] ?? 0) & m)) return 47;
  }
  return 0;
}

const SMTP_UTF8 = '1.3.6.1.5.5.7.8.9';

function matchSingle(effective: number, gen: RawGeneralName, base: RawGeneralName): NcResult {
  switch (gen.type) {
    case GEN.otherName:
      return effective === GEN.email ? ncEmailEai(gen.otherUtf8, base.text) : 51;
    case GEN.dirName:
      return gen.name && base.name && dnWithin(gen.name, base.name) ? 0 : 47;
    case GEN.dns:
      return ncDns(gen.text, base.text);
    case GEN.email:
      return ncEmail(gen.text, base.text);
    case GEN.uri:
      return ncUri(gen.text, base.text);
    case GEN.ip:
      return ncIp(gen.bytes, base.bytes);
    default:
      return 51;
  }
}

function ncMatch(gen: RawGeneralName, nc: NonNullable<ReturnType<typeof rawNameConstraints>>): NcResult {
  const effective = gen.type === GEN.otherName && gen.otherOid === SMTP_UTF8 ? GEN.email : gen.type;
  const sameType = (b: RawGeneralName): boolean => effective === b.type && (effective !== GEN.otherName || gen.otherOid === b.otherOid);
  let match = 0;
  for (const sub of nc.permitted) {
    if (!sameType(sub.base)) continue;
    if (!sub.minmaxValid) return 49;
    if (match === 2) continue;
    if (match === 0) match = 1;
    const r = matchSingle(effective, gen, sub.base);
    if (r === 0) match = 2;
    else if (r !== 47) return r;
  }
  if (match === 1) return 47;
  for (const sub of nc.excluded) {
    if (!sameType(sub.base)) continue;
    if (!sub.minmaxValid) return 49;
    const r = matchSingle(effective, gen, sub.base);
    if (r === 0) return 48;
    if (r !== 47) return r;
  }
  return 0;
}

const EMPTY = new Uint8Array(0);

function gn(type: number, text: string, name: NameModel | null = null): RawGeneralName {
  return { type, text, bytes: EMPTY, name, otherOid: null, otherUtf8: null };
}

/** NAME_CONSTRAINTS_check: the subject (as a directory name, and its emailAddress attributes), then every SAN. */
function nameConstraintsCheck(x: CertificateModel, nc: NonNullable<ReturnType<typeof rawNameConstraints>>): NcResult {
  if (x.subject.rdns.length > 0) {
    const r = ncMatch(gn(GEN.dirName, '', x.subject), nc);
    if (r !== 0) return r;
    for (const a of x.subject.rdns.flat()) {
      if (a.oid !== '1.2.840.113549.1.9.1') continue;
      if (a.stringType !== 'IA5String') return 53;
      const r2 = ncMatch(gn(GEN.email, a.value), nc);
      if (r2 !== 0) return r2;
    }
  }
  for (const g of rawSan(x) ?? []) {
    const r = ncMatch(g, nc);
    if (r !== 0) return r;
  }
  return 0;
}

/** cn2dnsid: a CN that looks like a host name (two labels or more), else null; 53 for an embedded NUL. */
function cnDnsId(cn: string): string | null | 53 {
  let v = cn;
  while (v.endsWith('\u0000')) v = v.slice(0, -1);
  if (v.includes('\u0000')) return 53;
  let isDns = false;
  for (let i = 0; i < v.length; i++) {
    const c = v[i] ?? '';
    if (/[a-zA-Z0-9_]/u.test(c)) continue;
    if (i > 0 && i < v.length - 1) {
      if (c === '-') continue;
      if (c === '.' && v[i + 1] !== '.' && v[i - 1] !== '-' && v[i + 1] !== '-') {
        isDns = true;
        continue;
      }
    }
    isDns = false;
    break;
  }
  return isDns ? v : null;
}

function nameConstraintsCheckCn(x: CertificateModel, nc: NonNullable<ReturnType<typeof rawNameConstraints>>): NcResult {
  for (const cn of subjectValues(x.subject, '2.5.4.3')) {
    const id = cnDnsId(cn);
    if (id === 53) return 53;
    if (id === null) continue;
    const r = ncMatch(gn(GEN.dns, id), nc);
    if (r !== 0) return r;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// CRLs (check_revocation with -crl_check_all)
// ---------------------------------------------------------------------------------------------

const CRL_SCORE = { nocritical: 0x100, scope: 0x080, time: 0x040, issuerName: 0x020, issuerCert: 0x018, samePath: 0x008, akid: 0x004 } as const;
const ALL_REASONS = 0x807f;

/** CRL extensions OpenSSL handles when critical (x_crl.c crl_cb). */
const CRL_HANDLED = new Set(['2.5.29.28', '2.5.29.35', '2.5.29.27']);

function crlCritical(crl: CrlModel): boolean {
  if (crl.extensions.some((e) => e.critical && !CRL_HANDLED.has(e.oid))) return true;
  return crl.entries.some((en) => en.extensions.some((e) => e.critical && e.oid !== '2.5.29.29'));
}

/** check_crl_time without notify: 0 ok, 11 not yet valid, 12 expired. */
function crlTime(crl: CrlModel, now: number): 0 | 11 | 12 {
  if (secondsOf(crl.thisUpdate) > now) return 11;
  if (crl.nextUpdate && secondsOf(crl.nextUpdate) <= now) return 12;
  return 0;
}

interface CrlPick {
  readonly crl: CrlModel;
  readonly score: number;
  readonly issuer: CertificateModel | null;
  readonly reasons: number;
}

function crlScore(crl: CrlModel, x: CertificateModel, depth: number, chain: readonly CertificateModel[], now: number, reasonsIn: number): CrlPick | null {
  const idp = rawIdp(crl);
  if (idp === 'unreadable' || idp?.invalid) return null;
  if (crl.extensions.some((e) => e.oid === '2.5.29.27')) return null; // delta CRLs
  if (idp && (idp.indirect || idp.reasons !== null)) return null; // no extended CRL support
  let score = 0;
  if (!nameEq(x.issuer, crl.issuer)) return null;
  score |= CRL_SCORE.issuerName;
  if (!crlCritical(crl)) score |= CRL_SCORE.nocritical;
  if (crlTime(crl, now) === 0) score |= CRL_SCORE.time;
  // crl_akid_check
  let issuer: CertificateModel | null = null;
  let cidx = depth;
  if (cidx !== chain.length - 1) cidx++;
  const first = chain[cidx];
  if (first && checkAkid(flagsOf(first), first, crl) === 0) {
    score |= CRL_SCORE.akid | CRL_SCORE.issuerCert;
    issuer = first;
  } else {
    for (cidx++; cidx < chain.length; cidx++) {
      const c = chain[cidx];
      if (!c || !nameEq(c.subject, crl.issuer)) continue;
      if (checkAkid(flagsOf(c), c, crl) === 0) {
        score |= CRL_SCORE.akid | CRL_SCORE.samePath;
        issuer = c;
        break;
      }
    }
  }
  if ((score & CRL_SCORE.akid) === 0) return null;
  // crl_crldp_check
  let reasons = reasonsIn;
  const scope = ((): number | null => {
    if (idp?.onlyAttr) return null;
    const isCa = flagsOf(x).ca;
    if (isCa ? idp?.onlyUser : idp?.onlyCa) return null;
    let r = idp?.reasons ?? ALL_REASONS;
    for (const dp of rawCrlDistPoints(x)) {
      const issuerOk = dp.crlIssuer === null ? true : dp.crlIssuer.some((g) => g.type === GEN.dirName && g.name !== null && nameEq(g.name, crl.issuer));
      if (!issuerOk) continue;
      const dpMatch = !idp || !idp.hasDistpoint || !dp.hasDistpoint || (dp.fullName !== null && idp.fullName !== null && dp.fullName.some((a) => idp.fullName?.some((b) => generalNameEq(a, b))));
      if (dpMatch) {
        r &= dp.reasons ?? ALL_REASONS;
        return r;
      }
    }
    return !idp || !idp.hasDistpoint ? r : null;
  })();
  if (scope !== null) {
    if ((scope & ~reasons) === 0) return null;
    reasons |= scope;
    score |= CRL_SCORE.scope;
  }
  return { crl, score, issuer, reasons };
}

async function checkCertCrl(ctx: VerifyContext, chain: readonly CertificateModel[], depth: number, now: number): Promise<Failure | null> {
  const x = chain[depth];
  if (!x || flagsOf(x).proxy) return null;
  const codesFor = (err: ErrNum): VerifyCode[] => (err === 23 ? [depth === 0 ? 'REVOKED' : 'ISSUER_REVOKED'] : ['CRL_PROBLEM']);
  const fail = (err: ErrNum): Failure => ({ err, depth, codes: codesFor(err), cert: x });
  let current = 0;
  while (current !== ALL_REASONS) {
    const last = current;
    let best: CrlPick | null = null;
    for (const crl of ctx.crls) {
      const p = crlScore(crl, x, depth, chain, now, current);
      if (!p || p.score === 0) continue;
      if (best && p.score < best.score) continue;
      if (best && p.score === best.score && secondsOf(p.crl.thisUpdate) <= secondsOf(best.crl.thisUpdate)) continue;
      best = p;
    }
    if (!best) return fail(3);
    current = best.reasons;
    // check_crl
    const crl = best.crl;
    let issuer = best.issuer;
    if (!issuer) {
      const top = chain[chain.length - 1];
      issuer = depth < chain.length - 1 ? (chain[depth + 1] ?? null) : (top ?? null);
      if (depth >= chain.length - 1 && top && !likelyIssued(top, top)) return fail(33);
    }
    if (issuer) {
      const fi = flagsOf(issuer);
      if (fi.ku !== null && !fi.ku.has('cRLSign')) return fail(35);
      if ((best.score & CRL_SCORE.scope) === 0) return fail(44);
      if ((best.score & CRL_SCORE.time) === 0) {
        const t = crlTime(crl, now);
        if (t !== 0) return fail(t);
      }
      const sig = await ctx.signature(crl, issuer);
      if (sig.status === 'invalid') return fail(8);
    }
    // cert_crl
    if (crlCritical(crl)) return fail(36);
    const entry = crl.entries.find((e) => serialKey(e.serialNumberHex) === serialKey(x.serialNumberHex));
    if (entry && entry.reason !== 'removeFromCRL') return fail(23);
    if (last === current) return fail(3);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The verifier
// ---------------------------------------------------------------------------------------------

function describe(c: CertificateModel | undefined): string {
  if (!c) return 'the certificate';
  const cn = subjectValues(c.subject, '2.5.4.3')[0];
  return cn ? `"${cn}"` : c.subject.rfc4514 ? `"${c.subject.rfc4514}"` : 'the certificate';
}

const fixesByCert = new WeakMap<CertificateModel, Map<string, string>>();
const fixesWithoutCert = new Map<string, string>();

/** fixOf, once per certificate, error and role (the text depends on nothing else). */
function fixFor(f: Failure, role: Role): string {
  let byKey = f.cert ? fixesByCert.get(f.cert) : fixesWithoutCert;
  if (!byKey) {
    byKey = new Map();
    if (f.cert) fixesByCert.set(f.cert, byKey);
  }
  const key = `${role}|${f.err}`;
  return memoized(byKey, key, () => fixOf(f, role));
}

/** One or two sentences in OpenSSL's and its users' terms (nginx, curl), for the role. */
function fixOf(f: Failure, role: Role): string {
  const server = role === 'tlsServer';
  const who = describe(f.cert);
  const trust = server
    ? 'add the issuing root to the client trust store (nginx as a proxy: `proxy_ssl_trusted_certificate`; curl: `--cacert`)'
    : 'list the issuing root in the server\u2019s client CA file (nginx: `ssl_client_certificate` with `ssl_verify_client on`)';
  const sendChain = server
    ? 'Serve the intermediate certificates with the leaf (nginx `ssl_certificate` pointing at the full chain file)'
    : 'Have the client send its intermediate certificates with its certificate (curl `--cert` with the full chain file)';
  switch (f.err) {
    case 20:
    case 2:
      return `${sendChain}, and ${trust} (verify error ${f.err}).`;
    case 18:
    case 19:
      return `The chain ends in a self-signed certificate (${who}) that is not trusted: ${trust}, or replace it with a publicly trusted certificate (verify error ${f.err}).`;
    case 22:
      return server ? 'The chain is longer than the verify depth: raise `proxy_ssl_verify_depth` (nginx) or shorten the chain (verify error 22).' : 'The chain is longer than the verify depth: raise `ssl_verify_depth` (nginx) or shorten the chain (verify error 22).';
    case 66:
      return 'Reissue the certificate with a stronger key (RSA 2048 bits or more, or ECDSA P-256); Debian/Ubuntu OpenSSL runs at security level 2 (verify error 66).';
    case 67:
      return `The issuing CA ${who} has a key weaker than 112 bits: chain to a CA with an RSA 2048+ or P-256+ key; lowering \`@SECLEVEL\` in \`ssl_ciphers\` is only a stopgap (verify error 67).`;
    case 68:
      return `${who} is signed with a digest OpenSSL 3 refuses at security level 1 or higher (SHA-1, MD5): reissue it with SHA-256 (verify error 68).`;
    case 34:
      return `${who} carries a critical extension OpenSSL does not process: reissue it without marking that extension critical (verify error 34).`;
    case 79:
      return `${who} is used as an issuer but is not a valid CA certificate (basicConstraints CA:TRUE, keyCertSign if key usage is present): reissue it as a CA or fix the chain (verify error 79).`;
    case 26:
      return server
        ? `${who} is not allowed for TLS server use: its extended key usage must include serverAuth (and key usage digitalSignature or keyEncipherment) on the leaf and every CA that has an EKU (verify error 26).`
        : `${who} is not allowed for TLS client use: its extended key usage must include clientAuth (and key usage digitalSignature) on the leaf and every CA that has an EKU (verify error 26).`;
    case 25:
      return `A CA\u2019s pathLenConstraint allows fewer intermediates than the chain has: reissue ${who} with a larger path length or shorten the chain (verify error 25).`;
    case 62:
      return server
        ? 'The host name is not in the certificate\u2019s DNS subjectAltNames (the Common Name counts only when there is none): reissue it with the name, or connect with the name it has (nginx `proxy_ssl_name`, curl `--resolve`) (verify error 62).'
        : 'The name is not in the certificate: reissue it with the expected name (verify error 62).';
    case 64:
      return 'The IP address is not among the certificate\u2019s IP subjectAltNames: reissue it with an IP SAN for the address (verify error 64).';
    case 63:
      return 'The email address is not in the certificate\u2019s rfc822Name subjectAltNames (or subject emailAddress): reissue it with the address (verify error 63).';
    case 23:
      return `${who} is revoked by its CA\u2019s CRL: replace it with a new certificate (verify error 23).`;
    case 3:
      return server
        ? 'CRL checking is on but no CRL covers every certificate of the chain: load the CRLs of every CA (nginx `proxy_ssl_crl`, curl `--crlfile`) or turn CRL checking off (verify error 3).'
        : 'CRL checking is on but no CRL covers every certificate of the chain: load the CRLs of every CA (nginx `ssl_crl`) (verify error 3).';
    case 12:
    case 11:
      return server ? 'The loaded CRL is outside its validity period: fetch a current CRL (nginx `proxy_ssl_crl`) (verify error 12).' : 'The loaded CRL is outside its validity period: fetch a current CRL (nginx `ssl_crl`).';
    case 7:
      return `The signature on ${who} does not verify with its issuer\u2019s key: the chain mixes certificates from different CAs or keys; send the right intermediate (verify error 7).`;
    case 9:
      return `${who} is not valid yet: check the clock, or wait until its notBefore (verify error 9).`;
    case 10:
      return `${who} has expired: renew it and reload the service (verify error 10).`;
    case 47:
    case 48:
      return `A CA\u2019s name constraints do not allow a name in ${who}: reissue it with names inside the CA\u2019s permitted subtrees (verify error ${f.err}).`;
    case 32:
      return `The issuer ${who} has a key usage without keyCertSign: it cannot issue certificates (verify error 32).`;
    default:
      return `OpenSSL refuses ${who}: ${TEXT[f.err]} (verify error ${f.err}).`;
  }
}

function purposeCodes(cert: CertificateModel, role: Role, depth: number): VerifyCode[] {
  const f = flagsOf(cert);
  if (depth > 0) {
    const xkuOk = f.xku === null || (role === 'tlsServer' ? [EKU.serverAuth, EKU.msSgc, EKU.nsSgc] : [EKU.clientAuth]).some((o) => f.xku?.has(o));
    return xkuOk ? ['CHAIN_ISSUER_NOT_CA'] : ['CHAIN_ISSUER_EKU_EXCLUDES'];
  }
  const want = role === 'tlsServer' ? EKU.serverAuth : EKU.clientAuth;
  const out: VerifyCode[] = [];
  if (f.xku !== null && !f.xku.has(want) && !(role === 'tlsServer' && (f.xku.has(EKU.msSgc) || f.xku.has(EKU.nsSgc)))) {
    out.push(f.xku.has(EKU.any) ? 'EKU_ANY_ONLY' : role === 'tlsServer' ? 'EKU_SERVER_AUTH_MISSING' : 'EKU_CLIENT_AUTH_MISSING');
  }
  if (f.ns !== null && !f.ns.has(role === 'tlsServer' ? 'sslServer' : 'sslClient')) out.push('NS_CERT_TYPE_EXCLUDES');
  if (kuReject(f, role === 'tlsServer' ? KU_TLS_SERVER : KU_TLS_CLIENT)) out.push('KU_DIGITAL_SIGNATURE_MISSING');
  if (out.length > 0) return out;
  return [role === 'tlsServer' ? 'EKU_SERVER_AUTH_MISSING' : 'EKU_CLIENT_AUTH_MISSING'];
}

interface Checked {
  readonly failure: Failure | null;
  readonly chain: CertificateModel[] | null;
}

function failed(chain: CertificateModel[], failure: Failure): Checked {
  return { failure, chain };
}

/** The key's security bits reach the auth level's minimum. */
function keyOk(c: CertificateModel, level: number, minbits: number): boolean {
  if (level <= 0) return true;
  const b = keyBits(c);
  return b !== null && b >= minbits;
}

/** X509_verify_cert up to check_id: no signature is checked before internal_verify, so none of it waits. */
function checkChain(ctx: VerifyContext, now: number): Checked {
  const leaf = ctx.leaf;
  const role = ctx.role;
  const level = OPENSSL_AUTH_LEVEL;
  const minbits = MINBITS[Math.min(level, MINBITS.length) - 1] ?? 112;
  // X509_verify_cert: the peer's key first.
  if (!keyOk(leaf, level, minbits)) {
    const codes: VerifyCode[] = keyBits(leaf) === null ? ['UNSUPPORTED_KEY'] : leaf.publicKey.algorithm === 'RSA' || leaf.publicKey.algorithm === 'RSA-PSS' ? ['WEAK_RSA_KEY'] : ['UNSUPPORTED_KEY'];
    return { failure: { err: 66, depth: 0, codes, cert: leaf }, chain: null };
  }
  // build_chain reads no role, host or email: both roles of one input share it.
  const built = sharedOr(ctx.shared, `openssl.build ${leaf.sha256Hex} ${now}`, () => buildChain(ctx, now));
  const chain = built.chain;
  if (built.failure) return failed(chain, built.failure);
  const num = chain.length;

  // check_extensions
  let mustBeCa = -1;
  let plen = 0;
  for (let i = 0; i < num; i++) {
    const x = chain[i];
    if (!x) continue;
    const f = flagsOf(x);
    if (f.critical) return failed(chain, { err: 34, depth: i, codes: ['UNKNOWN_CRITICAL_EXTENSION'], cert: x });
    const ret = x509CheckCa(x);
    if (mustBeCa === 1 && (ret === 0 || (i + 1 < num && ret !== 1))) {
      return failed(chain, { err: 79, depth: i, codes: f.invalid ? ['MALFORMED_CERTIFICATE'] : ['CHAIN_ISSUER_NOT_CA'], cert: x });
    }
    if (num > 1) {
      if (keyBits(x) === null) return failed(chain, { err: 1, depth: i, codes: ['UNSUPPORTED_KEY'], cert: x });
      if (x.publicKey.algorithm === 'EC' && x.publicKey.ec?.explicitParameters) return failed(chain, { err: 94, depth: i, codes: ['UNSUPPORTED_KEY'], cert: x });
    }
    const p = checkPurpose(x, role, mustBeCa > 0);
    if (p === 0) return failed(chain, { err: 26, depth: i, codes: purposeCodes(x, role, i), cert: x });
    if (i > 1 && f.pathlen !== -1 && plen > f.pathlen) return failed(chain, { err: 25, depth: i, codes: ['CHAIN_PATH_LENGTH_EXCEEDED'], cert: x });
    if (i > 0 && !f.si) plen++;
    mustBeCa = f.proxy ? 0 : 1;
  }

  // check_auth_level
  if (level > 0) {
    for (let i = 0; i < num; i++) {
      const x = chain[i];
      if (!x) continue;
      if (i > 0 && !keyOk(x, level, minbits)) return failed(chain, { err: 67, depth: i, codes: ['WEAK_ISSUER_KEY'], cert: x });
      if (i < num - 1) {
        const sb = signatureBits(x);
        if (sb === null || sb < minbits) return failed(chain, { err: 68, depth: i, codes: ['WEAK_SIGNATURE_ALGORITHM'], cert: x });
      }
    }
  }

  // check_id
  if (role === 'tlsServer' && ctx.host) {
    if (ctx.host.kind === 'dns') {
      if (!checkHost(leaf, ctx.host.value)) return failed(chain, { err: 62, depth: 0, codes: rawSan(leaf)?.some((g) => g.type === GEN.dns) ? ['HOSTNAME_MISMATCH'] : ['SAN_MISSING', 'HOSTNAME_MISMATCH'], cert: leaf });
    } else if (!checkIp(leaf, ctx.host.bytes)) {
      return failed(chain, { err: 64, depth: 0, codes: rawSan(leaf)?.some((g) => g.type === GEN.ip) ? ['HOSTNAME_MISMATCH'] : ['SAN_MISSING', 'HOSTNAME_MISMATCH'], cert: leaf });
    }
  }
  if (role === 'tlsClient' && ctx.email && !checkEmail(leaf, ctx.email)) return failed(chain, { err: 63, depth: 0, codes: ['HOSTNAME_MISMATCH'], cert: leaf });
  return { failure: null, chain };
}

/** The rest of X509_verify_cert on the built chain: revocation, signatures and times, name constraints. */
async function checkLinks(ctx: VerifyContext, chain: readonly CertificateModel[], now: number): Promise<Failure | null> {
  const num = chain.length;
  // check_revocation (-crl_check_all when CRLs are loaded)
  if (ctx.crls.length > 0) {
    for (let i = 0; i < num; i++) {
      const r = await checkCertCrl(ctx, chain, i, now);
      if (r) return r;
    }
  }

  // internal_verify: from the anchor down
  let n = num - 1;
  let xi = chain[n];
  let xs = xi;
  while (n >= 0 && xs && xi) {
    if (xs !== xi) {
      // ossl_x509_signing_allowed: the issuer's key usage must allow signing certificates.
      const fi = flagsOf(xi);
      if (flagsOf(xs).proxy ? kuReject(fi, ['digitalSignature']) : kuReject(fi, ['keyCertSign'])) {
        return { err: flagsOf(xs).proxy ? 39 : 32, depth: n + 1, codes: ['CHAIN_ISSUER_NOT_CA'], cert: xi };
      }
      const sig = await ctx.signature(xs, xi);
      const unknown = SIGNATURES[xs.signatureAlgorithm.oid] === undefined;
      if (sig.status === 'invalid' || (sig.status === 'unsupported' && unknown)) {
        return { err: 7, depth: n, codes: ['CHAIN_SIGNATURE_INVALID'], cert: xs };
      }
    }
    const t = certTime(xs, now);
    if (t !== 0) {
      const codes: VerifyCode[] = n === 0 ? [t === 9 ? 'NOT_YET_VALID' : 'EXPIRED'] : ['CHAIN_ISSUER_EXPIRED'];
      return { err: t, depth: n, codes, cert: xs };
    }
    n--;
    if (n >= 0) {
      xi = xs;
      xs = chain[n];
    }
  }

  // check_name_constraints
  for (let i = num - 1; i >= 0; i--) {
    const x = chain[i];
    if (!x) continue;
    if (i !== 0 && flagsOf(x).si) continue;
    for (let j = num - 1; j > i; j--) {
      const ca = chain[j];
      const nc = ca ? rawNameConstraints(ca) : null;
      if (!nc) continue;
      let rv = nameConstraintsCheck(x, nc);
      if (rv === 0 && i === 0 && !(rawSan(x) ?? []).some((g) => g.type === GEN.dns)) rv = nameConstraintsCheckCn(x, nc);
      if (rv !== 0) {
        const codes: VerifyCode[] = rv === 53 ? ['CHAIN_NAME_CONSTRAINTS_VIOLATED', 'INVALID_NAME'] : ['CHAIN_NAME_CONSTRAINTS_VIOLATED'];
        return { err: rv, depth: i, codes, cert: x };
      }
    }
  }
  return null;
}

export const opensslVerifier: VerifierModel = {
  id: 'openssl',
  label: 'OpenSSL',
  standsFor: 'OpenSSL 3 and everything on it: nginx, Apache, HAProxy, curl, Python ssl, Node, Ruby, PHP',
  roles: ['tlsServer', 'tlsClient'],
  async verify(ctx): Promise<VerifierAnswer> {
    const now = Math.floor(ctx.at / 1000);
    const checked = checkChain(ctx, now);
    const chain = checked.chain;
    // checkLinks reads no role either, and its chain is the shared build_chain's: run once per input.
    const f = checked.failure ?? (chain ? await sharedOr(ctx.shared, `openssl.links ${ctx.leaf.sha256Hex} ${now}`, () => checkLinks(ctx, chain, now)) : null);
    const path = chain ? chain.map((c) => c.sha256Hex) : null;
    if (f) return { accepts: false, error: TEXT[f.err], codes: f.codes, fix: fixFor(f, ctx.role), path };
    return { accepts: true, error: null, codes: [], fix: null, path };
  },
};
