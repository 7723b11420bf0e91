/**
 * Strict CA/Browser-Forum-profile verifiers (rustls-webpki, pyca/cryptography), modelled on the
 * one the lab runs: pyca/cryptography's `cryptography.x509.verification` (Rust crate
 * cryptography-x509-verification), called as `PolicyBuilder().store(Store(roots)).time(t)` then
 * `build_server_verifier(DNSName|IPAddress)` or `build_client_verifier()`, `.verify(leaf, intermediates)`.
 *
 * Order, as the crate does it: the leaf's extensions (duplicates), the EE profile (`permits_ee`:
 * v3, matching signature algorithms, serial, issuer, validity encoding and time; for a server the
 * SAN against the name; the EE extension policy), then a depth-first path search from the leaf:
 * at each certificate its name constraints over every SAN below it, the trust store, the depth
 * limit (`max_chain_depth`, default 8), then the candidate issuers (store first, then the
 * intermediates in the order sent, both by exact subject bytes; stable-sorted by AKI/SKI
 * likeliness), each checked by `valid_issuer` (CA profile, CA/B key and signature algorithms,
 * RSA size, then the signature, within a budget of 128 signature checks). The last error
 * wins, wrapped once in "candidates exhausted: ". No revocation checking, no Common Name.
 *
 * With no host name the lab (and this model) use the leaf's first DNS or IP SAN.
 */
import type { CertificateModel } from '../model';
import { commonNames, memoized, roleOid, validityMs } from './checks';
import type { VerifierAnswer, VerifierModel, VerifyCode, VerifyContext } from './types';
import {
  akiKeyId,
  algorithmDebug,
  bytesEqual,
  parseGeneralNames,
  parseNameConstraints,
  pyCertRepr,
  type RawCert,
  rawCert,
  type RawExtension,
  type RawGeneralName,
  type RawNameConstraints,
  rsaModulusOctets,
  skiKeyId,
} from './webpki-raw';
import { type Asn1, parseDer, readAsn1, TAG, TagClass } from '../input/der';

// ---------------------------------------------------------------------------------------------
// Errors, as ValidationError displays them
// ---------------------------------------------------------------------------------------------

interface PyErr {
  readonly kind: 'exhausted' | 'malformed' | 'ext' | 'fatal' | 'other';
  /** Display text of this error (for 'exhausted', of the inner one). */
  readonly text: string;
  readonly codes: readonly VerifyCode[];
  /** The certificate the error was raised for, when the crate attaches one (the leaf's EE checks). */
  readonly cert?: CertificateModel;
}

function other(text: string, codes: readonly VerifyCode[]): PyErr {
  return { kind: 'other', text, codes };
}
function extErr(oid: string, reason: string, codes: readonly VerifyCode[]): PyErr {
  return { kind: 'ext', text: `invalid extension: ${oid}: ${reason}`, codes };
}
function fatal(text: string, codes: readonly VerifyCode[]): PyErr {
  return { kind: 'fatal', text: `fatal error: ${text}`, codes };
}
function malformed(text: string): PyErr {
  return { kind: 'malformed', text: `ASN.1 parsing error: ${text}`, codes: ['MALFORMED_CERTIFICATE'] };
}
function exhausted(inner: PyErr | null): PyErr {
  const i = inner ?? other('all candidates exhausted with no interior errors', ['CHAIN_ISSUER_NOT_FOUND']);
  return { kind: 'exhausted', text: i.text, codes: i.codes };
}
function display(e: PyErr): string {
  return e.kind === 'exhausted' ? `candidates exhausted: ${e.text}` : e.text;
}

// ---------------------------------------------------------------------------------------------
// DER parse checks standing in for rust-asn1's
// ---------------------------------------------------------------------------------------------

/** rust-asn1's error text for a value that does not parse as DER (ShortData when a length runs past the end). */
function parseFailure(value: Uint8Array): string {
  // Find the first element whose length runs past its container.
  const walk = (start: number, end: number, depth: number): string | null => {
    let p = start;
    while (p < end) {
      if (depth > 30) return 'invalid value';
      if (p + 2 > end) return `short data (needed at least ${p + 2 - end} additional bytes)`;
      const id = value[p] ?? 0;
      let q = p + 1;
      const l0 = value[q++] ?? 0;
      let len = l0;
      if (l0 & 0x80) {
        const n = l0 & 0x7f;
        if (n === 0 || n > 4) return 'invalid length';
        if (q + n > end) return `short data (needed at least ${q + n - end} additional bytes)`;
        len = 0;
        for (let i = 0; i < n; i++) len = len * 256 + (value[q++] ?? 0);
      }
      if (q + len > end) return `short data (needed at least ${q + len - end} additional bytes)`;
      if (id & 0x20) {
        const inner = walk(q, q + len, depth + 1);
        if (inner) return inner;
      }
      p = q + len;
    }
    return null;
  };
  return walk(0, value.length, 0) ?? 'invalid value';
}

const parseCache = new WeakMap<RawExtension, PyErr | null>();

/** checkParse for one extension of a raw view (the views are cached per certificate, so the answer is too). */
function extParse(ext: RawExtension): PyErr | null {
  return memoized(parseCache, ext, () => checkParse(ext.oid, ext.value));
}

/** The error load_pem_x509_certificate raises for a certificate, or null (only the forms measured in the lab). */
function loadError(cert: CertificateModel): string | null {
  const raw = rawCert(cert);
  if (!raw || raw.encodedDefaultCritical === null) return null;
  return `error parsing asn1 value: ParseError { kind: EncodedDefault, location: ["Certificate::tbs_cert", "TbsCertificate::raw_extensions", ${raw.encodedDefaultCritical}, "Extension::critical"] }`;
}

/** ipaddress.ip_network's ValueError for an 8-octet iPAddress (IPv4 address and mask) whose address has host bits set, else null. */
function pyIpNetworkError(gn: RawGeneralName): string | null {
  if (gn.kind !== 'iPAddress' || gn.bytes.length !== 8) return null;
  const addr = gn.bytes.subarray(0, 4);
  const mask = gn.bytes.subarray(4);
  let prefix = 0;
  for (const b of mask) for (let i = 7; i >= 0; i--) if ((b >> i) & 1) prefix++;
  const maskNum = [...mask].reduce((n, b) => n * 256 + b, 0);
  if (maskNum !== (prefix === 0 ? 0 : 2 ** 32 - 2 ** (32 - prefix))) return null;
  const host = addr.some((b, i) => (b & ~(mask[i] ?? 0) & 0xff) !== 0);
  return host ? `${addr.join('.')}/${prefix} has host bits set` : null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
function utf8Valid(b: Uint8Array): boolean {
  try {
    strictUtf8.decode(b);
    return true;
  } catch {
    return false;
  }
}

/** rust-asn1's Debug text of a tag. */
function tagDebug(n: Asn1): string {
  const cls = ['Universal', 'Application', 'ContextSpecific', 'Private'][n.tagClass] ?? 'Universal';
  return `Tag { value: ${n.tag}, constructed: ${n.constructed}, class: ${cls} }`;
}

/**
 * The value-level DER rules rust-asn1 applies while it parses the types pyca/cryptography's
 * verifier reads (asn1::parse_single: the type first, then "extra data" for bytes after it):
 * a BOOLEAN is 0x00 or 0xff and an encoded DEFAULT FALSE is refused; a pathLenConstraint is a
 * minimal non-negative INTEGER (u64); a BIT STRING has at most 7 unused bits, all zero; a
 * GeneralName is context-tagged, and a dNSName/rfc822Name/URI (UnvalidatedIA5String: a Rust
 * &str) is valid UTF-8: a Latin-1 octet is refused, an emoji is not (x509-limbo
 * webpki::san::unicode-emoji-san parses, then matches nothing). The text is
 * the error's Display. Undefined keyUsage bits and a trailing zero octet are accepted.
 */
function strictValueError(oid: string, e: Asn1): string | null {
  const intBad = (c: Uint8Array): boolean => c.length === 0 || ((c[0] ?? 0) & 0x80) !== 0 || (c.length > 1 && c[0] === 0 && ((c[1] ?? 0) & 0x80) === 0);
  switch (oid) {
    case OIDS.keyUsage: {
      if (!e.isUniversal(TAG.BIT_STRING) || e.constructed) return null;
      const c = e.content;
      const pad = c[0] ?? 0;
      if (c.length === 0 || pad > 7 || (c.length === 1 && pad !== 0) || (c.length > 1 && ((c[c.length - 1] ?? 0) & ((1 << pad) - 1)) !== 0)) return 'invalid value';
      return null;
    }
    case OIDS.basicConstraints: {
      if (!e.isSequence) return null;
      for (const c of e.children()) {
        if (c.isUniversal(TAG.BOOLEAN)) {
          if (c.length !== 1 || (c.content[0] !== 0 && c.content[0] !== 0xff)) return 'invalid value';
          if (c.content[0] === 0) return 'DEFAULT value was explicitly encoded';
        } else if (c.isUniversal(TAG.INTEGER) && intBad(c.content)) return 'invalid value';
      }
      return null;
    }
    case OIDS.subjectAltName: {
      if (!e.isSequence) return null;
      for (const c of e.children()) {
        if (c.tagClass !== TagClass.Context) return `unexpected tag (got ${tagDebug(c)})`;
        if ((c.tag === 1 || c.tag === 2 || c.tag === 6) && !c.constructed && !utf8Valid(c.content)) return 'invalid value';
      }
      return null;
    }
    default:
      return null;
  }
}

/** Whether an extension value parses as the crate's type for it; the error when not. */
function checkParse(oid: string, value: Uint8Array): PyErr | null {
  try {
    const top = readAsn1(value);
    const strict = strictValueError(oid, top);
    if (strict) return malformed(strict);
    if (top.end !== value.length) return malformed('extra data');
  } catch {
    // Unreadable at the element level: the walk below names the error.
  }
  try {
    const e = parseDer(value);
    switch (oid) {
      case OIDS.keyUsage:
        if (!e.isUniversal(TAG.BIT_STRING)) throw new Error();
        break;
      case OIDS.basicConstraints:
      case OIDS.extKeyUsage:
      case OIDS.authorityInfoAccess:
      case OIDS.authorityKeyIdentifier:
        if (!e.isSequence) throw new Error();
        for (const c of e.children()) if (c.constructed) c.children();
        break;
      case OIDS.subjectAltName:
        parseGeneralNames(value);
        break;
      case OIDS.nameConstraints:
        parseNameConstraints(value);
        break;
      default:
        break;
    }
    return null;
  } catch {
    return malformed(parseFailure(value));
  }
}

// ---------------------------------------------------------------------------------------------
// Profile
// ---------------------------------------------------------------------------------------------

const OIDS = {
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  authorityKeyIdentifier: '2.5.29.35',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  nameConstraints: '2.5.29.30',
  extKeyUsage: '2.5.29.37',
  anyExtendedKeyUsage: '2.5.29.37.0',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsassaPss: '1.2.840.113549.1.1.10',
} as const;

const hex = (s: string): Uint8Array => Uint8Array.from(s.match(/../gu) ?? [], (h) => parseInt(h, 16));

/** CA/B 7.1.3.1 SubjectPublicKeyInfo AlgorithmIdentifiers (RSA with NULL; P-256, P-384, P-521). */
const PERMITTED_SPKI = [
  '300d06092a864886f70d0101010500',
  '301306072a8648ce3d020106082a8648ce3d030107',
  '301006072a8648ce3d020106052b81040022',
  '301006072a8648ce3d020106052b81040023',
].map(hex);

const pss = (h: string, salt: string): string =>
  `304106092a864886f70d01010a3034a00f300d06096086480165030402${h}0500a11c301a06092a864886f70d010108300d06096086480165030402${h}0500a2030201${salt}`;

/** CA/B 7.1.3.2 signature AlgorithmIdentifiers. */
const PERMITTED_SIGNATURES = [
  '300d06092a864886f70d01010b0500',
  '300d06092a864886f70d01010c0500',
  '300d06092a864886f70d01010d0500',
  pss('01', '20'),
  pss('02', '30'),
  pss('03', '40'),
  '300a06082a8648ce3d040302',
  '300a06082a8648ce3d040303',
  '300a06082a8648ce3d040304',
].map(hex);

const WEAK_DIGESTS = new Set(['1.2.840.113549.1.1.5', '1.3.14.3.2.29', '1.2.840.10045.4.1', '1.2.840.10040.4.3', '1.2.840.113549.1.1.4', '1.2.840.113549.1.1.2', '1.2.840.113549.1.1.3']);

const DEFAULT_MAX_CHAIN_DEPTH = 8;
const SIGNATURE_CHECK_LIMIT = 128;

type Role = VerifyContext['role'];

/** Policy::permits_basic. */
function permitsBasic(cert: CertificateModel, raw: RawCert, ctx: VerifyContext, isLeaf: boolean): PyErr | null {
  const profile = basicProfile(raw);
  if (profile) return profile;
  const at = Math.floor(ctx.at / 1000) * 1000;
  const validity = validityMs(cert);
  const before = at < validity.notBefore;
  if (before || at > validity.notAfter) {
    const codes: VerifyCode[] = isLeaf ? [before ? 'NOT_YET_VALID' : 'EXPIRED'] : ['CHAIN_ISSUER_EXPIRED'];
    return other('cert is not valid at validation time', codes);
  }
  return null;
}

const basicProfileCache = new WeakMap<RawCert, PyErr | null>();

/** The encoding checks of permits_basic (version, algorithms, serial, issuer, time encodings): once per certificate. */
function basicProfile(raw: RawCert): PyErr | null {
  return memoized(basicProfileCache, raw, () => basicProfileOf(raw));
}

function basicProfileOf(raw: RawCert): PyErr | null {
  if (raw.version !== 2) return other('certificate must be an X509v3 certificate', ['PROFILE_VIOLATION']);
  if (!bytesEqual(raw.innerAlg.bytes, raw.outerAlg.bytes)) return other('mismatch between signatureAlgorithm and SPKI algorithm', ['MALFORMED_CERTIFICATE']);
  if (raw.serial.length < 1 || raw.serial.length > 21) return other('certificate must have a serial between 1 and 20 octets', ['PROFILE_VIOLATION']);
  if ((raw.serial[0] ?? 0) & 0x80) return other('certificate serial number cannot be negative', ['PROFILE_VIOLATION']);
  if (raw.issuerEmpty) return other('certificate must have a non-empty Issuer', ['PROFILE_VIOLATION']);
  for (const t of [raw.notBefore, raw.notAfter]) {
    if (t.generalized && t.year >= 1950 && t.year < 2050) return other('validity dates between 1950 and 2049 must be UtcTime', ['PROFILE_VIOLATION']);
  }
  return null;
}

function badCriticality(oid: string): PyErr {
  return extErr(oid, 'Certificate extension has incorrect criticality', ['PROFILE_VIOLATION']);
}

function ekuList(value: Uint8Array): string[] {
  return parseDer(value)
    .children()
    .map((c) => c.oid());
}

function keyUsageHas(value: Uint8Array, bit: number): boolean {
  const b = parseDer(value).content;
  const byte = b[1 + (bit >> 3)] ?? 0;
  return (byte & (0x80 >> (bit & 7))) !== 0;
}

const KEY_CERT_SIGN = 5;

const bcCache = new WeakMap<RawExtension, { readonly ca: boolean; readonly pathLength: number | null }>();

/** basicConstraintsOf for one extension, read once. */
function extBasicConstraints(ext: RawExtension): { readonly ca: boolean; readonly pathLength: number | null } {
  let bc = bcCache.get(ext);
  if (!bc) {
    bc = basicConstraintsOf(ext.value);
    bcCache.set(ext, bc);
  }
  return bc;
}

function basicConstraintsOf(value: Uint8Array): { ca: boolean; pathLength: number | null } {
  let ca = false;
  let pathLength: number | null = null;
  for (const c of parseDer(value).children()) {
    if (c.isUniversal(TAG.BOOLEAN)) ca = (c.content[0] ?? 0) !== 0;
    else if (c.isUniversal(TAG.INTEGER)) pathLength = c.content.length > 6 ? Number.MAX_SAFE_INTEGER : c.int();
  }
  return { ca, pathLength };
}

type PerRole = { tlsServer?: PyErr | null; tlsClient?: PyErr | null };
const eePolicyCache = new WeakMap<RawCert, PerRole>();
const caPolicyCache = new WeakMap<RawCert, PerRole>();

function perRole(cache: WeakMap<RawCert, PerRole>, raw: RawCert, role: Role, compute: (raw: RawCert, role: Role) => PyErr | null): PyErr | null {
  let slot = cache.get(raw);
  if (!slot) {
    slot = {};
    cache.set(raw, slot);
  }
  let e = slot[role];
  if (e === undefined) {
    e = compute(raw, role);
    slot[role] = e;
  }
  return e;
}

/** The EE extension policy, once per certificate and role. */
function eePolicy(raw: RawCert, role: Role): PyErr | null {
  return perRole(eePolicyCache, raw, role, eePolicyOf);
}

/** The CA extension policy, once per certificate and role. */
function caPolicy(raw: RawCert, role: Role): PyErr | null {
  return perRole(caPolicyCache, raw, role, caPolicyOf);
}

/** The EE extension policy (ExtensionPolicy::new_default_webpki_ee). */
function eePolicyOf(raw: RawCert, role: Role): PyErr | null {
  const seen = new Set<string>();
  for (const ext of raw.extensions) {
    seen.add(ext.oid);
    switch (ext.oid) {
      case OIDS.authorityInfoAccess:
        if (ext.critical) return badCriticality(ext.oid);
        {
          const p = extParse(ext);
          if (p) return p;
        }
        break;
      case OIDS.authorityKeyIdentifier:
        if (ext.critical) return badCriticality(ext.oid);
        break;
      case OIDS.subjectKeyIdentifier:
        break;
      case OIDS.keyUsage: {
        const p = extParse(ext);
        if (p) return p;
        if (keyUsageHas(ext.value, KEY_CERT_SIGN)) return other('EE keyUsage must not assert keyCertSign', ['KU_KEY_CERT_SIGN_ON_LEAF']);
        break;
      }
      case OIDS.subjectAltName:
        if (raw.subjectEmpty && !ext.critical) return other('EE subjectAltName MUST be critical when subject is empty', ['PROFILE_VIOLATION']);
        if (!raw.subjectEmpty && ext.critical) return other('EE subjectAltName MUST NOT be critical when subject is nonempty', ['PROFILE_VIOLATION']);
        break;
      case OIDS.basicConstraints: {
        const p = extParse(ext);
        if (p) return p;
        if (basicConstraintsOf(ext.value).ca) return other('basicConstraints.cA must not be asserted in an EE certificate', ['CA_AS_LEAF']);
        break;
      }
      case OIDS.nameConstraints:
        return extErr(ext.oid, 'Certificate contains prohibited extension', ['PROFILE_VIOLATION']);
      case OIDS.extKeyUsage: {
        if (ext.critical) return badCriticality(ext.oid);
        const p = extParse(ext);
        if (p) return p;
        const ekus = ekuList(ext.value);
        if (!ekus.includes(roleOid(role))) {
          const codes: VerifyCode[] = [role === 'tlsServer' ? 'EKU_SERVER_AUTH_MISSING' : 'EKU_CLIENT_AUTH_MISSING'];
          if (ekus.includes(OIDS.anyExtendedKeyUsage)) codes.push('EKU_ANY_ONLY');
          return other('required EKU not found', codes);
        }
        break;
      }
      default:
        if (ext.critical) return extErr(ext.oid, 'certificate contains unaccounted-for critical extensions', ['UNKNOWN_CRITICAL_EXTENSION']);
    }
  }
  if (!seen.has(OIDS.authorityKeyIdentifier)) return extErr(OIDS.authorityKeyIdentifier, 'Certificate is missing required extension', ['PROFILE_VIOLATION']);
  if (!seen.has(OIDS.subjectAltName)) return extErr(OIDS.subjectAltName, 'Certificate is missing required extension', ['SAN_MISSING']);
  return null;
}

/** The CA extension policy (ExtensionPolicy::new_default_webpki_ca). */
function caPolicyOf(raw: RawCert, role: Role): PyErr | null {
  const seen = new Set<string>();
  for (const ext of raw.extensions) {
    seen.add(ext.oid);
    switch (ext.oid) {
      case OIDS.authorityInfoAccess: {
        if (ext.critical) return badCriticality(ext.oid);
        const p = extParse(ext);
        if (p) return p;
        break;
      }
      case OIDS.authorityKeyIdentifier: {
        if (ext.critical) return badCriticality(ext.oid);
        const p = extParse(ext);
        if (p) return p;
        if (akiKeyId(ext.value) === null) return other('authorityKeyIdentifier must contain keyIdentifier', ['PROFILE_VIOLATION']);
        break;
      }
      case OIDS.subjectKeyIdentifier:
        if (ext.critical) return badCriticality(ext.oid);
        break;
      case OIDS.keyUsage: {
        const p = extParse(ext);
        if (p) return p;
        if (!keyUsageHas(ext.value, KEY_CERT_SIGN)) return other('keyUsage.keyCertSign must be asserted in a CA certificate', ['CHAIN_ISSUER_NOT_CA']);
        break;
      }
      case OIDS.subjectAltName:
        break;
      case OIDS.basicConstraints:
        if (!ext.critical) return badCriticality(ext.oid);
        break;
      case OIDS.nameConstraints: {
        const p = extParse(ext);
        if (p) return p;
        const nc = extNameConstraints(ext) ?? parseNameConstraints(ext.value);
        if ((nc.permitted ?? []).length === 0 && (nc.excluded ?? []).length === 0) {
          return other('nameConstraints must have non-empty permittedSubtrees or excludedSubtrees', ['PROFILE_VIOLATION']);
        }
        break;
      }
      case OIDS.extKeyUsage: {
        if (ext.critical) return badCriticality(ext.oid);
        const p = extParse(ext);
        if (p) return p;
        const ekus = ekuList(ext.value);
        if (!ekus.includes(roleOid(role)) && !ekus.includes(OIDS.anyExtendedKeyUsage)) return other('Neither EKU nor anyEKU could be found', ['CHAIN_ISSUER_EKU_EXCLUDES']);
        break;
      }
      default:
        if (ext.critical) return extErr(ext.oid, 'certificate contains unaccounted-for critical extensions', ['UNKNOWN_CRITICAL_EXTENSION']);
    }
  }
  if (!seen.has(OIDS.keyUsage)) return extErr(OIDS.keyUsage, 'Certificate is missing required extension', ['CHAIN_ISSUER_NOT_CA']);
  return null;
}

/** Policy::permits_ca: basic profile, basicConstraints (path length at this depth, cA), CA extension policy. */
function permitsCa(cert: CertificateModel, raw: RawCert, depth: number, ctx: VerifyContext): PyErr | null {
  const basic = permitsBasic(cert, raw, ctx, false);
  if (basic) return basic;
  const bcExt = raw.extensions.find((e) => e.oid === OIDS.basicConstraints);
  if (!bcExt) return extErr(OIDS.basicConstraints, 'missing required extension: CA certificate has no basicConstraints', ['CHAIN_ISSUER_NOT_CA']);
  const p = extParse(bcExt);
  if (p) return p;
  const bc = extBasicConstraints(bcExt);
  if (bc.pathLength !== null && depth > bc.pathLength) return other('path length constraint violated', ['CHAIN_PATH_LENGTH_EXCEEDED']);
  if (!bc.ca) return other('basicConstraints.cA must be asserted in a CA certificate', ['CHAIN_ISSUER_NOT_CA']);
  return caPolicy(raw, ctx.role);
}

// ---------------------------------------------------------------------------------------------
// Names (types.rs)
// ---------------------------------------------------------------------------------------------

/** DNSName::new: 1..253 octets, labels 1..63 of [A-Za-z0-9-], not starting or ending with '-'. */
function validDnsName(v: string): boolean {
  if (v === '' || v.length > 253) return false;
  return v.split('.').every((l) => l.length > 0 && l.length <= 63 && !l.startsWith('-') && !l.endsWith('-') && /^[A-Za-z0-9-]+$/u.test(l));
}

type DnsPattern = { readonly wildcard: boolean; readonly name: string };

/** DNSPattern::new: an exact name, or "*." followed by a name. */
function dnsPattern(v: string): DnsPattern | null {
  if (v.startsWith('*.')) return validDnsName(v.slice(2)) ? { wildcard: true, name: v.slice(2) } : null;
  return validDnsName(v) ? { wildcard: false, name: v } : null;
}

function parentOf(name: string): string | null {
  const i = name.indexOf('.');
  if (i < 0) return null;
  const p = name.slice(i + 1);
  return validDnsName(p) ? p : null;
}

const eqi = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function patternMatches(p: DnsPattern, host: string): boolean {
  if (!p.wildcard) return eqi(p.name, host);
  const parent = parentOf(host);
  return parent !== null && eqi(p.name, parent);
}

/** DNSConstraint::matches: the name is the constraint or ends with it, label-wise. */
function constraintMatches(constraint: string, name: string): boolean {
  if (name.length < constraint.length) return false;
  const c = constraint.split('.').reverse();
  const n = name.split('.').reverse();
  for (let i = 0; i < Math.min(c.length, n.length); i++) if (!eqi(c[i] ?? '', n[i] ?? '')) return false;
  return true;
}

/** Permitted: every name the pattern stands for lies within the constraint. */
function dnsPermits(constraint: string, p: DnsPattern): boolean {
  return constraintMatches(constraint, p.name);
}

/** Excluded: some name the pattern stands for lies within the constraint. */
function dnsExcludes(constraint: string, p: DnsPattern): boolean {
  if (constraintMatches(constraint, p.name)) return true;
  if (!p.wildcard) return false;
  const parent = parentOf(constraint);
  return parent !== null && eqi(parent, p.name);
}

function ipMask(addr: Uint8Array, prefix: number): Uint8Array {
  return addr.map((b, i) => {
    const bits = Math.max(0, Math.min(8, prefix - i * 8));
    return b & ((0xff << (8 - bits)) & 0xff);
  });
}

/** IPConstraint::from_bytes: address and a contiguous mask, 8 or 32 octets. */
function ipConstraint(b: Uint8Array): { addr: Uint8Array; prefix: number } | null {
  if (b.length !== 8 && b.length !== 32) return null;
  const half = b.length / 2;
  const mask = b.subarray(half);
  let prefix = 0;
  let ended = false;
  for (const byte of mask) {
    for (let bit = 7; bit >= 0; bit--) {
      const set = ((byte >> bit) & 1) === 1;
      if (set && ended) return null;
      if (set) prefix++;
      else ended = true;
    }
  }
  return { addr: ipMask(b.subarray(0, half), prefix), prefix };
}

const isAscii = (s: string): boolean => [...s].every((c) => c.charCodeAt(0) < 0x80);

const ATEXT = "!#$%&'*+-/=?^_`{|}~";

/** RFC822Name::new: dot-atom local part "@" a DNS name. */
function rfc822(v: string): { local: string; domain: string } | null {
  const at = v.indexOf('@');
  if (at < 0) return null;
  const local = v.slice(0, at);
  const domain = v.slice(at + 1);
  if (!isAscii(local)) return null;
  for (const part of local.split('.')) {
    if (part === '' || ![...part].every((c) => /[A-Za-z0-9]/u.test(c) || ATEXT.includes(c))) return null;
  }
  return validDnsName(domain) ? { local, domain } : null;
}

function isSubdomainOf(name: string, parent: string): boolean {
  return name.length > parent.length && constraintMatches(parent, name);
}

function rfc822ConstraintMatches(constraint: string, email: { local: string; domain: string }): boolean | null {
  if (constraint.startsWith('.')) {
    const d = constraint.slice(1);
    return validDnsName(d) ? isSubdomainOf(email.domain, d) : null;
  }
  const exact = rfc822(constraint);
  if (exact) return exact.local === email.local && eqi(exact.domain, email.domain);
  return validDnsName(constraint) ? eqi(constraint, email.domain) : null;
}

/** Rust `{:?}` of a str. */
function rustStrDebug(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\0') out += '\\0';
    else if (c < 0x20 || c === 0x7f) out += `\\u{${c.toString(16)}}`;
    else out += ch;
  }
  return `${out}"`;
}

const bytesDebug = (b: Uint8Array): string => `[${[...b].join(', ')}]`;

type Applied = 'match' | 'nomatch' | 'skipped';

const NC = ['CHAIN_NAME_CONSTRAINTS_VIOLATED'] as const;

/** NameChain::evaluate_single_constraint. */
function evaluateSingle(kind: 'permitted' | 'excluded', constraint: RawGeneralName, san: RawGeneralName): Applied | PyErr {
  if (constraint.kind !== san.kind) return 'skipped';
  if (constraint.kind === 'dNSName' && san.kind === 'dNSName') {
    const name = dnsPattern(san.text);
    if (!name) return other(`unsatisfiable DNS name constraint: malformed SAN ${san.text}`, ['CHAIN_NAME_CONSTRAINTS_VIOLATED', 'INVALID_NAME']);
    if (!validDnsName(constraint.text)) return other(`malformed DNS name constraint: ${constraint.text}`, NC);
    return (kind === 'permitted' ? dnsPermits(constraint.text, name) : dnsExcludes(constraint.text, name)) ? 'match' : 'nomatch';
  }
  if (constraint.kind === 'iPAddress' && san.kind === 'iPAddress') {
    if (san.bytes.length !== 4 && san.bytes.length !== 16) return other(`unsatisfiable IP name constraint: malformed SAN ${bytesDebug(san.bytes)}`, ['CHAIN_NAME_CONSTRAINTS_VIOLATED', 'INVALID_NAME']);
    const c = ipConstraint(constraint.bytes);
    if (!c) return other(`malformed IP name constraints: ${bytesDebug(constraint.bytes)}`, NC);
    if (c.addr.length !== san.bytes.length) return 'nomatch';
    return bytesEqual(c.addr, ipMask(san.bytes, c.prefix)) ? 'match' : 'nomatch';
  }
  if (constraint.kind === 'rfc822Name' && san.kind === 'rfc822Name') {
    const email = rfc822(san.text);
    if (!email) return other(`unsatisfiable RFC822 name constraint: malformed SAN ${rustStrDebug(san.text)}`, ['CHAIN_NAME_CONSTRAINTS_VIOLATED', 'INVALID_NAME']);
    const m = rfc822ConstraintMatches(constraint.text, email);
    if (m === null) return other(`malformed RFC822 name constraints: ${rustStrDebug(constraint.text)}`, NC);
    return m ? 'match' : 'nomatch';
  }
  return other('unsupported name constraint', NC);
}

interface NameChain {
  readonly sans: readonly RawGeneralName[];
  readonly child: NameChain | null;
}

/** NameChain::evaluate_constraints: the leaf's names first, then each CA's above it. */
function evaluateConstraints(chain: NameChain, permitted: readonly RawGeneralName[] | null, excluded: readonly RawGeneralName[] | null): PyErr | null {
  if (chain.child) {
    const e = evaluateConstraints(chain.child, permitted, excluded);
    if (e) return e;
  }
  for (const san of chain.sans) {
    let permit = true;
    for (const p of permitted ?? []) {
      const s = evaluateSingle('permitted', p, san);
      if (typeof s !== 'string') return s;
      if (s !== 'skipped') {
        permit = s === 'match';
        if (permit) break;
      }
    }
    if (!permit) return other('no permitted name constraints matched SAN', NC);
    for (const x of excluded ?? []) {
      const s = evaluateSingle('excluded', x, san);
      if (typeof s !== 'string') return s;
      if (s === 'match') return other('excluded name constraint matched SAN', NC);
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The subject (server name)
// ---------------------------------------------------------------------------------------------

type Subject = { readonly kind: 'dns'; readonly name: string } | { readonly kind: 'ip'; readonly bytes: Uint8Array };

function isPyErr(x: readonly RawGeneralName[] | PyErr): x is PyErr {
  return !Array.isArray(x);
}

const sansCache = new WeakMap<RawCert, readonly RawGeneralName[] | PyErr | null>();

/** The SAN's names (null without a SAN, the parse error when it does not parse), read once per certificate. */
function sansOf(raw: RawCert): readonly RawGeneralName[] | PyErr | null {
  return memoized(sansCache, raw, () => sansOfRaw(raw));
}

function sansOfRaw(raw: RawCert): RawGeneralName[] | PyErr | null {
  const ext = raw.extensions.find((e) => e.oid === OIDS.subjectAltName);
  if (!ext) return null;
  const p = extParse(ext);
  if (p) return p;
  return parseGeneralNames(ext.value);
}

function subjectMatches(subject: Subject, sans: readonly RawGeneralName[]): boolean {
  return sans.some((gn) => {
    if (subject.kind === 'dns') {
      if (gn.kind !== 'dNSName') return false;
      const p = dnsPattern(gn.text);
      return p !== null && patternMatches(p, subject.name);
    }
    return gn.kind === 'iPAddress' && (gn.bytes.length === 4 || gn.bytes.length === 16) && bytesEqual(gn.bytes, subject.bytes);
  });
}

const subjectMatchCache = new WeakMap<RawCert, { readonly subject: Subject; readonly matches: boolean }>();

/** subjectMatches, remembered per certificate for the last subject asked for. */
function subjectMatchesCached(raw: RawCert, subject: Subject, sans: readonly RawGeneralName[]): boolean {
  const hit = subjectMatchCache.get(raw);
  if (hit && sameSubject(hit.subject, subject)) return hit.matches;
  const matches = subjectMatches(subject, sans);
  subjectMatchCache.set(raw, { subject, matches });
  return matches;
}

function sameSubject(a: Subject, b: Subject): boolean {
  if (a === b) return true;
  if (a.kind === 'dns') return b.kind === 'dns' && a.name === b.name;
  return b.kind === 'ip' && bytesEqual(a.bytes, b.bytes);
}

/** Policy::permits_ee. */
function permitsEe(cert: CertificateModel, raw: RawCert, ctx: VerifyContext, subject: Subject | null): PyErr | null {
  const basic = permitsBasic(cert, raw, ctx, true);
  if (basic) return basic;
  if (subject) {
    const sans = sansOf(raw);
    if (sans === null) return other('missing required extension: leaf server certificate has no subjectAltName', ['SAN_MISSING']);
    if (isPyErr(sans)) return sans;
    if (!subjectMatchesCached(raw, subject, sans)) {
      const cnOnly = sans.every((n) => n.kind !== 'dNSName' && n.kind !== 'iPAddress');
      const codes: VerifyCode[] = ['HOSTNAME_MISMATCH'];
      if (cnOnly) codes.unshift('SAN_MISSING');
      if (subject.kind === 'dns' && commonNames(cert).some((cn) => eqi(cn, subject.name))) codes.push('COMMON_NAME_ONLY');
      return other('leaf certificate has no matching subjectAltName', codes);
    }
  }
  return eePolicy(raw, ctx.role);
}

// ---------------------------------------------------------------------------------------------
// Chain building (lib.rs ChainBuilder)
// ---------------------------------------------------------------------------------------------

interface State {
  readonly ctx: VerifyContext;
  readonly anchors: readonly CertificateModel[];
  readonly anchorSha: ReadonlySet<string>;
  readonly intermediates: readonly CertificateModel[];
  readonly maxDepth: number;
  signatureChecks: number;
}

const duplicateCache = new WeakMap<RawCert, PyErr | null>();

function duplicateExtension(raw: RawCert): PyErr | null {
  return memoized(duplicateCache, raw, () => duplicateExtensionOf(raw));
}

function duplicateExtensionOf(raw: RawCert): PyErr | null {
  const seen = new Set<string>();
  for (const e of raw.extensions) {
    if (seen.has(e.oid)) return extErr(e.oid, 'duplicate extension', ['DUPLICATE_EXTENSION']);
    seen.add(e.oid);
  }
  return null;
}

function extensionValue(raw: RawCert, oid: string): RawExtension | undefined {
  return raw.extensions.find((e) => e.oid === oid);
}

function safe<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}

const keyIdCache = new WeakMap<RawCert, { readonly aki: Uint8Array | null; readonly ski: Uint8Array | null }>();

/** The AKI keyIdentifier and SKI bytes, null when absent or unreadable; read once per certificate. */
function keyIds(raw: RawCert): { readonly aki: Uint8Array | null; readonly ski: Uint8Array | null } {
  let ids = keyIdCache.get(raw);
  if (!ids) {
    const akiExt = extensionValue(raw, OIDS.authorityKeyIdentifier);
    const skiExt = extensionValue(raw, OIDS.subjectKeyIdentifier);
    ids = { aki: akiExt ? safe(() => akiKeyId(akiExt.value)) : null, ski: skiExt ? safe(() => skiKeyId(skiExt.value)) : null };
    keyIdCache.set(raw, ids);
  }
  return ids;
}

/** AKI/SKI likeliness of `c` as the issuer: 0 the key ids match, 1 unknown, 2 they differ. */
function issuerRank(want: Uint8Array | null, c: CertificateModel): number {
  const r = rawCert(c);
  const have = r ? keyIds(r).ski : null;
  if (want && have) return bytesEqual(want, have) ? 0 : 2;
  return 1;
}

/** Candidates by exact subject bytes: store first, then intermediates; stable-sorted by AKI/SKI likeliness. */
function potentialIssuers(s: State, cert: CertificateModel, raw: RawCert): CertificateModel[] {
  const anchors = s.anchors.filter((a) => a.subject.derHex === cert.issuer.derHex);
  const inters = s.intermediates.filter((c) => c.subject.derHex === cert.issuer.derHex);
  if (anchors.length + inters.length === 0) return [];
  const want = keyIds(raw).aki;
  return [...anchors, ...inters]
    .map((c, i) => ({ c, i, r: issuerRank(want, c) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.c);
}

function selfIssued(c: CertificateModel): boolean {
  return c.issuer.derHex === c.subject.derHex;
}

const issuerKeyCache = new WeakMap<RawCert, { readonly kind: 'spki' | 'rsa'; readonly err: PyErr } | null>();

/** What valid_issuer refuses in the issuer's key: a forbidden SPKI algorithm (checked before the child's signature algorithm), or an RSA modulus (after it). */
function issuerKeyError(issuerRaw: RawCert): { readonly kind: 'spki' | 'rsa'; readonly err: PyErr } | null {
  return memoized(issuerKeyCache, issuerRaw, () => issuerKeyErrorOf(issuerRaw));
}

function issuerKeyErrorOf(issuerRaw: RawCert): { readonly kind: 'spki' | 'rsa'; readonly err: PyErr } | null {
  if (!PERMITTED_SPKI.some((p) => bytesEqual(p, issuerRaw.spkiAlg.bytes))) {
    return { kind: 'spki', err: other(`Forbidden public key algorithm: ${algorithmDebug(issuerRaw.spkiAlg)}`, ['UNSUPPORTED_KEY']) };
  }
  const spkiOid = safe(() => issuerRaw.spkiAlg.child(0).oid());
  if (spkiOid === OIDS.rsaEncryption || spkiOid === OIDS.rsassaPss) {
    const octets = rsaModulusOctets(issuerRaw.spkiKey);
    if (octets === null) return { kind: 'rsa', err: other('issuer has malformed public key', ['MALFORMED_CERTIFICATE']) };
    if (octets * 8 < 2048) return { kind: 'rsa', err: other('RSA key is too weak', ['WEAK_ISSUER_KEY']) };
  }
  return null;
}

const signatureAlgorithmCache = new WeakMap<RawCert, PyErr | null>();

/** A signature algorithm outside CA/B 7.1.3.2 on the child, once per certificate. */
function signatureAlgorithmError(child: CertificateModel, childRaw: RawCert): PyErr | null {
  let e = signatureAlgorithmCache.get(childRaw);
  if (e === undefined) {
    e = null;
    if (!PERMITTED_SIGNATURES.some((p) => bytesEqual(p, childRaw.outerAlg.bytes))) {
      const weak = WEAK_DIGESTS.has(child.signatureAlgorithm.oid);
      e = other(`Forbidden signature algorithm: ${algorithmDebug(childRaw.outerAlg)}`, [weak ? 'WEAK_SIGNATURE_ALGORITHM' : 'CHAIN_SIGNATURE_UNSUPPORTED']);
    }
    signatureAlgorithmCache.set(childRaw, e);
  }
  return e;
}

/** Policy::valid_issuer. */
async function validIssuer(s: State, issuer: CertificateModel, issuerRaw: RawCert, child: CertificateModel, childRaw: RawCert, depth: number): Promise<PyErr | null> {
  const ca = permitsCa(issuer, issuerRaw, depth, s.ctx);
  if (ca) return ca;
  const key = issuerKeyError(issuerRaw);
  if (key && key.kind === 'spki') return key.err;
  const alg = signatureAlgorithmError(child, childRaw);
  if (alg) return alg;
  if (key) return key.err;
  if (s.signatureChecks >= SIGNATURE_CHECK_LIMIT) return fatal('Exceeded maximum signature check limit', ['CHAIN_TOO_LONG']);
  s.signatureChecks++;
  const sig = await s.ctx.signature(child, issuer);
  if (sig.status === 'invalid') return other('signature does not match', ['CHAIN_SIGNATURE_INVALID']);
  return null;
}

type Built = { readonly chain: readonly CertificateModel[] } | { readonly err: PyErr };

const ncCache = new WeakMap<RawExtension, RawNameConstraints | null>();

/** The extension's name constraints, null when they do not parse; read once. */
function extNameConstraints(ext: RawExtension): RawNameConstraints | null {
  return memoized(ncCache, ext, () => safe(() => parseNameConstraints(ext.value)));
}

/** A critical nameConstraints with a directoryName subtree stops the whole search. */
function unsupportedDirName(ext: RawExtension): boolean {
  if (!ext.critical) return false;
  const nc = extNameConstraints(ext);
  return nc !== null && [...(nc.permitted ?? []), ...(nc.excluded ?? [])].some((g) => g.kind === 'directoryName');
}

async function buildInner(s: State, working: CertificateModel, raw: RawCert, depth: number, names: NameChain): Promise<Built> {
  const ncExt = extensionValue(raw, OIDS.nameConstraints);
  if (ncExt) {
    const p = extParse(ncExt);
    if (p) return { err: p };
    if (unsupportedDirName(ncExt)) return { err: fatal('critical nameConstraints extension contains an unsupported directoryName constraint', NC) };
    const nc = extNameConstraints(ncExt) ?? parseNameConstraints(ncExt.value);
    const e = evaluateConstraints(names, nc.permitted, nc.excluded);
    if (e) return { err: e };
  }
  if (s.anchorSha.has(working.sha256Hex)) return { chain: [working] };
  if (depth > s.maxDepth) {
    const codes: VerifyCode[] = selfIssued(working) ? ['CHAIN_TOO_LONG', 'CHAIN_PRIVATE_ROOT'] : ['CHAIN_TOO_LONG'];
    return { err: other('chain construction exceeds max depth', codes) };
  }
  let last: PyErr | null = null;
  for (const cand of potentialIssuers(s, working, raw)) {
    const candRaw = rawCert(cand);
    if (!candRaw) return { err: malformed('invalid value') };
    const dup = duplicateExtension(candRaw);
    if (dup) return { err: dup };
    const v = await validIssuer(s, cand, candRaw, working, raw, depth);
    if (v) {
      last = v;
      continue;
    }
    let sans: readonly RawGeneralName[] = [];
    if (!selfIssued(cand)) {
      const got = sansOf(candRaw);
      if (got !== null && isPyErr(got)) return { err: got };
      sans = got ?? [];
    }
    const sub = await buildInner(s, cand, candRaw, depth + 1, { sans, child: names });
    if ('chain' in sub) return { chain: [...sub.chain, working] };
    if (sub.err.kind === 'fatal') return sub;
    last = sub.err;
  }
  return { err: exhausted(last) };
}

// ---------------------------------------------------------------------------------------------
// The verifier
// ---------------------------------------------------------------------------------------------

const NO_NAME =
  'no host given and the certificate has no DNS or IP subjectAltName: a webpki verifier needs a server name, so it refuses every host name';

function fixFor(codes: readonly VerifyCode[], role: Role): string {
  const server = role === 'tlsServer';
  const c = new Set(codes);
  const peer = server ? 'the server' : 'the client';
  if (c.has('HOSTNAME_MISMATCH') || c.has('SAN_MISSING') || c.has('INVALID_NAME')) {
    return server
      ? 'Reissue the certificate with the host name as a dNSName (or the IP address as an iPAddress) subjectAltName: rustls and pyca never read the Common Name, and the name passed to `ServerName::try_from` / `DNSName(...)` must be a valid host name.'
      : 'Reissue the client certificate with a subjectAltName (a DNS name, email, URI or other identity): the webpki client verifier refuses certificates without one.';
  }
  if (c.has('EKU_SERVER_AUTH_MISSING') || c.has('EKU_CLIENT_AUTH_MISSING')) {
    return `Reissue the certificate with extendedKeyUsage = ${server ? 'serverAuth' : 'clientAuth'}; webpki verifiers do not accept anyExtendedKeyUsage in place of it.`;
  }
  if (c.has('CHAIN_ISSUER_EKU_EXCLUDES')) return `An issuing CA restricts its extendedKeyUsage without ${server ? 'serverAuth' : 'clientAuth'}: issue from a CA whose EKU includes it (or has none).`;
  if (c.has('EXPIRED') || c.has('NOT_YET_VALID') || c.has('CHAIN_ISSUER_EXPIRED')) return 'Renew the certificate that is outside its validity period (or check the clock of the verifying machine).';
  if (c.has('CHAIN_ISSUER_NOT_FOUND') || c.has('CHAIN_TOO_LONG') || c.has('CHAIN_PRIVATE_ROOT')) {
    return server
      ? 'Have the server send its intermediates with the leaf, and give the client the root: rustls `RootCertStore::add` / pyca `PolicyBuilder().store(Store([root]))`.'
      : 'Have the client send its intermediates, and add the issuing root to the server\'s client-CA store (rustls `WebPkiClientVerifier::builder(roots)`, pyca `build_client_verifier()` over `Store([root])`).';
  }
  if (c.has('WEAK_SIGNATURE_ALGORITHM') || c.has('CHAIN_SIGNATURE_UNSUPPORTED') || c.has('UNSUPPORTED_KEY') || c.has('WEAK_ISSUER_KEY')) {
    return 'Reissue the chain with CA/Browser-Forum algorithms: RSA keys of 2048 bits or more or ECDSA P-256/P-384/P-521 for CAs, signed with SHA-256/384/512 (PKCS#1 v1.5, PSS or ECDSA).';
  }
  if (c.has('CA_AS_LEAF') || c.has('KU_KEY_CERT_SIGN_ON_LEAF')) return 'Issue a separate end-entity certificate (basicConstraints CA:FALSE, no keyCertSign) from the CA instead of presenting a CA certificate.';
  if (c.has('CHAIN_NAME_CONSTRAINTS_VIOLATED')) return 'The issuing CA\'s nameConstraints do not allow the certificate\'s names: issue it from a CA whose constraints cover them.';
  if (c.has('CHAIN_ISSUER_NOT_CA') || c.has('CHAIN_PATH_LENGTH_EXCEEDED')) return 'Issue from a proper CA: basicConstraints critical CA:TRUE (with a pathLenConstraint that allows the chain) and keyUsage keyCertSign.';
  if (c.has('CHAIN_SIGNATURE_INVALID')) return `A signature on the chain does not verify: make sure ${peer} sends the intermediate that actually issued its certificate.`;
  return 'Reissue the certificate to the CA/Browser Forum profile (X.509 v3, positive serial of at most 20 octets, authorityKeyIdentifier, subjectAltName, no unknown critical extensions, correct criticality).';
}

function refuse(text: string, codes: readonly VerifyCode[], role: Role): VerifierAnswer {
  return { accepts: false, error: text, codes, fix: fixFor(codes, role), path: null };
}

const INVALID_DOMAIN = 'invalid domain name';
const NON_ASCII = 'DNSName values should be passed as an A-label string. This means unicode characters should be encoded via a library like idna.';

/** The refusal for a validation error, with the certificate it was raised for. */
function failAnswer(e: PyErr, role: Role): VerifierAnswer {
  const text = `validation failed: ${display(e)}${e.cert ? ` (encountered processing ${certRepr(e.cert)})` : ''}`;
  return refuse(text, e.codes, role);
}

const reprCache = new WeakMap<CertificateModel, string>();

function certRepr(cert: CertificateModel): string {
  return memoized(reprCache, cert, () => pyCertRepr(cert));
}

type Named = Subject | { readonly refusal: string } | { readonly noName: true };

let lastDnsSubject: { readonly name: string; readonly subject: Named } | null = null;

/** DNSName::new for the host asked for (the last one is remembered: a session asks for one host). */
function dnsSubject(name: string): Named {
  if (lastDnsSubject?.name !== name) {
    const subject: Named = !isAscii(name) ? { refusal: NON_ASCII } : !validDnsName(name) ? { refusal: INVALID_DOMAIN } : { kind: 'dns', name };
    lastDnsSubject = { name, subject };
  }
  return lastDnsSubject.subject;
}

const defaultSubjectCache = new WeakMap<RawCert, Named>();

/** With no host given, the lab's name: the leaf's first DNS or IP subjectAltName. */
function defaultSubject(raw: RawCert): Named {
  let named = defaultSubjectCache.get(raw);
  if (!named) {
    const sans = safe(() => sansOf(raw));
    const first = sans !== null && !isPyErr(sans) ? sans.find((g) => g.kind === 'dNSName' || (g.kind === 'iPAddress' && (g.bytes.length === 4 || g.bytes.length === 16))) : undefined;
    if (!first) named = { noName: true };
    else if (first.kind === 'iPAddress') named = { kind: 'ip', bytes: first.bytes };
    else if (first.kind === 'dNSName') named = dnsSubject(first.text);
    else named = { noName: true };
    defaultSubjectCache.set(raw, named);
  }
  return named;
}

export const webpkiVerifier: VerifierModel = {
  id: 'webpki',
  label: 'webpki (rustls, pyca)',
  standsFor: 'Strict CA/Browser Forum profile verifiers: rustls-webpki, pyca/cryptography',
  roles: ['tlsServer', 'tlsClient'],
  async verify(ctx) {
    const role = ctx.role;
    const leaf = ctx.leaf;
    if (ctx.anchors.length === 0) return refuse("can't create an empty store", ['CHAIN_ISSUER_NOT_FOUND'], role);
    const raw = rawCert(leaf);
    if (!raw) return refuse('validation failed: ASN.1 parsing error: invalid value', ['MALFORMED_CERTIFICATE'], role);
    // load_pem_x509_certificate parses the whole certificate (rust-asn1, DER): the leaf, each
    // intermediate, then each root; the first that does not load ends the program's attempt.
    const untrustedSent = ctx.untrusted.filter((c) => c.sha256Hex !== leaf.sha256Hex);
    for (const c of [leaf, ...untrustedSent, ...ctx.anchors.map((a) => a.certificate)]) {
      const le = loadError(c);
      if (le) return refuse(le, ['MALFORMED_CERTIFICATE'], role);
    }

    let subject: Subject | null = null;
    if (role === 'tlsServer') {
      const host = ctx.host;
      const named = host?.kind === 'ip' ? ({ kind: 'ip', bytes: host.bytes } as const) : host ? dnsSubject(host.value) : defaultSubject(raw);
      if ('refusal' in named) return refuse(named.refusal, ['INVALID_NAME'], role);
      if ('noName' in named) return refuse(NO_NAME, ['SAN_MISSING'], role);
      subject = named;
    }

    const dup = duplicateExtension(raw);
    if (dup) return failAnswer(dup, role);
    const ee = permitsEe(leaf, raw, ctx, subject);
    if (ee) return failAnswer({ ...ee, cert: leaf }, role);
    const leafSans = sansOf(raw);
    if (leafSans !== null && isPyErr(leafSans)) return failAnswer(leafSans, role);

    const anchorSha = new Set<string>();
    const anchors: CertificateModel[] = [];
    for (const a of ctx.anchors) {
      if (anchorSha.has(a.certificate.sha256Hex)) continue;
      anchorSha.add(a.certificate.sha256Hex);
      anchors.push(a.certificate);
    }
    const untrusted = [...ctx.untrusted];
    const leafAt = untrusted.findIndex((c) => c.sha256Hex === leaf.sha256Hex);
    if (leafAt >= 0) untrusted.splice(leafAt, 1);
    const state: State = {
      ctx,
      anchors,
      anchorSha,
      intermediates: untrusted,
      maxDepth: ctx.maxIntermediates ?? DEFAULT_MAX_CHAIN_DEPTH,
      signatureChecks: 0,
    };
    const built = await buildInner(state, leaf, raw, 0, { sans: leafSans ?? [], child: null });
    if ('err' in built) return failAnswer(built.err, role);
    const path = [...built.chain].reverse();
    if (role === 'tlsClient' && leafSans) {
      // build_client_verifier().verify returns the leaf's SANs as Python objects: an 8-octet
      // iPAddress becomes ipaddress.ip_network(address/prefix), which raises on host bits.
      const bad = leafSans.map(pyIpNetworkError).find((x) => x !== null);
      if (bad) return refuse(bad, ['MALFORMED_CERTIFICATE'], role);
    }
    return { accepts: true, error: null, codes: [], fix: null, path: path.map((c) => c.sha256Hex) };
  },
};
