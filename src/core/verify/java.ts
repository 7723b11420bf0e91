/**
 * Java 17 JSSE as Tomcat, Spring and Kafka use it: the default TrustManagerFactory (PKIX) →
 * X509TrustManagerImpl → PKIXValidator, then the HTTPS host-name check (HostnameChecker TYPE_TLS).
 * Modelled on the OpenJDK 17.0.15 sources the lab runs (sun/security/validator,
 * sun/security/provider/certpath, sun/security/x509, sun/security/util):
 *
 * - certificates must first parse (X509CertInfo / X509CertImpl refuse an empty issuer, an empty
 *   subject without a critical SAN, duplicate extensions, mismatched signature algorithms,
 *   critical extensions whose value does not parse; a non-critical one that does not parse is
 *   ignored, as if absent);
 * - PKIXValidator.engineValidate: the leaf is itself trusted → accepted with no further checks;
 *   the chain as sent is in issuer order and reaches a trusted subject → PKIXCertPathValidator
 *   ("PKIX path validation failed: …" with the first checker's message); otherwise the
 *   SunCertPathBuilder searches (every failure reads "PKIX path building failed: …
 *   unable to find valid certification path to requested target");
 * - the validator's checkers per certificate, anchor side first: AlgorithmChecker
 *   (jdk.certpath.disabledAlgorithms: MD2, MD5, RSA/DSA keySize < 1024, EC keySize < 224; SHA-1
 *   only for JDK cacerts roots, so never here), KeyChecker (keyCertSign on CAs),
 *   ConstraintsChecker (cA flag, pathLen, name constraints of the path's CAs — the anchor's own
 *   are not applied), BasicChecker (validity, name chaining, signature), then revocation against
 *   the loaded CRLs, then unrecognised critical extensions; the trust anchor must be a CA;
 * - EndEntityChecker: keyUsage digitalSignature (authType "UNKNOWN" in TLS 1.3, and always for a
 *   client), EKU serverAuth/clientAuth/anyExtendedKeyUsage (Server-Gated-Cryptography OIDs count
 *   for a server), Netscape cert type;
 * - HostnameChecker: DNS SANs, else the most specific Common Name; wildcards in any label,
 *   partial wildcards allowed; IP addresses only against iPAddress SANs.
 */
import type { CertificateModel, CrlModel, DecodeWarningCode, ExtensionModel, GeneralNameModel, GeneralSubtreeModel, NameModel } from '../model';
import { authorityKeyId, findExtension, subjectKeyId } from '../chain/facts';
import type { SignatureCheck } from '../chain/types';
import { ATTRIBUTE_SHORT_NAMES } from '../decode/oids';
import { parseIp, toUnicodeHost } from '../purpose/hostname';
import { CN_OID, EMAIL_ATTRIBUTE_OID, memoized, timeState, v4Mapped } from './checks';
import { findReadable, reads, signedPathLength } from './tolerance';
import type { VerifierAnswer, VerifierModel, VerifyCode, VerifyContext } from './types';
import { sharedOr } from './shared';

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

const BUILD_FAILED = 'PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target';
const VALIDATION_PREFIX = 'PKIX path validation failed: java.security.cert.CertPathValidatorException: ';

interface JavaError {
  readonly text: string;
  readonly codes: readonly VerifyCode[];
  /** For the fix text. */
  readonly kind: FixKind;
  /** The certificate the error is about, when there is one. */
  readonly cert?: CertificateModel;
}

type FixKind =
  | 'parse'
  | 'truststore'
  | 'build'
  | 'validity'
  | 'chaining'
  | 'signature'
  | 'algorithm'
  | 'key-usage-ca'
  | 'not-ca'
  | 'path-length'
  | 'name-constraints'
  | 'critical'
  | 'policy'
  | 'anchor'
  | 'revoked'
  | 'ee-ku'
  | 'ee-eku'
  | 'ee-ns'
  | 'hostname';

function err(text: string, codes: readonly VerifyCode[], kind: FixKind, cert?: CertificateModel): JavaError {
  return cert ? { text, codes, kind, cert } : { text, codes, kind };
}

// ---------------------------------------------------------------------------------------------
// Names: X500Principal equality (RFC 2253 canonical form) and toString()
// ---------------------------------------------------------------------------------------------

/** Attribute types with an RFC 2253 keyword: only their Printable/UTF8 string values compare as text in the canonical form. */
const RFC2253_KEYWORDS = new Set(['2.5.4.3', '2.5.4.6', '2.5.4.7', '2.5.4.8', '2.5.4.10', '2.5.4.11', '2.5.4.9', '0.9.2342.19200300.100.1.25', '0.9.2342.19200300.100.1.1']);

function canonicalValue(value: string): string {
  return value.trim().replace(/\s+/gu, ' ').toUpperCase().toLowerCase().normalize('NFKD');
}

const nameKeyCache = new WeakMap<NameModel, string>();

/** X500Principal.getName(CANONICAL) as a comparison key (equal keys ⇔ X500Principal.equals). Memoised per name. */
export function javaNameKey(name: NameModel): string {
  return memoized(nameKeyCache, name, () => nameKeyOf(name));
}

function nameKeyOf(name: NameModel): string {
  return name.rdns
    .map((rdn) =>
      rdn
        .map((a) => (RFC2253_KEYWORDS.has(a.oid) && (a.stringType === 'PrintableString' || a.stringType === 'UTF8String') ? `${a.oid}=${canonicalValue(a.value)}` : `${a.oid}#${a.stringType}:${a.value}`))
        .sort()
        .join('+'),
    )
    .join(',');
}

export function javaNamesEqual(a: NameModel, b: NameModel): boolean {
  return a.derHex === b.derHex || javaNameKey(a) === javaNameKey(b);
}

const selfIssuedCache = new WeakMap<CertificateModel, boolean>();

function selfIssued(c: CertificateModel): boolean {
  return memoized(selfIssuedCache, c, () => javaNamesEqual(c.subject, c.issuer));
}

const DN_KEYWORDS: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '1.3.6.1.4.1.42.2.11.2.1': 'IP',
  '2.5.4.9': 'STREET',
  '0.9.2342.19200300.100.1.25': 'DC',
  '2.5.4.46': 'DNQ',
  '2.5.4.4': 'SURNAME',
  '2.5.4.42': 'GIVENNAME',
  '2.5.4.43': 'INITIALS',
  '2.5.4.44': 'GENERATION',
  [EMAIL_ATTRIBUTE_OID]: 'EMAILADDRESS',
  '0.9.2342.19200300.100.1.1': 'UID',
  '2.5.4.5': 'SERIALNUMBER',
};

const JAVA_STRING_TYPES = new Set(['PrintableString', 'TeletexString', 'IA5String', 'UTF8String', 'BMPString', 'UniversalString']);

function dnValue(value: string, stringType: string): string {
  if (!JAVA_STRING_TYPES.has(stringType)) return value.startsWith('#') ? value : `#${value}`;
  let quote = false;
  let out = '';
  for (const ch of value) {
    if (',+=\n<>#;'.includes(ch)) quote = true;
    if (ch === '"' || ch === '\\') out += '\\';
    out += ch;
  }
  if (/^\s|\s$|\s\s/u.test(value)) quote = true;
  return quote ? `"${out}"` : out;
}

/** X500Principal.toString(): most specific RDN first, ", " between RDNs, " + " inside one. */
export function javaDn(name: NameModel): string {
  return [...name.rdns]
    .reverse()
    .map((rdn) => rdn.map((a) => `${DN_KEYWORDS[a.oid] ?? `OID.${a.oid}`}=${dnValue(a.value, a.stringType)}`).join(' + '))
    .join(', ');
}

// ---------------------------------------------------------------------------------------------
// Parsing (CertificateFactory.generateCertificate)
// ---------------------------------------------------------------------------------------------

/** Extensions Java's OIDMap parses when it reads a certificate. */
/**
 * The decoder's leniencies Java 17's extension classes (sun.security.x509) also allow. Each class
 * reads its value with `new DerValue(extensionValue)`, which refuses bytes after the value
 * ("extra data at the end"); a GeneralNames element that does not parse throws too. Allowed:
 * KeyUsageExtension keeps a bit array of any length (undefined bits) and reads it with
 * getUnalignedBitString (unused bits dropped); BasicConstraintsExtension reads pathLen with
 * DerValue.getInteger, which takes a non-minimal or negative INTEGER (a negative one is then the
 * certificate's getBasicConstraints(): -1 reads as "not a CA"); DerValue.getBoolean takes any
 * non-zero octet and an encoded DEFAULT. Names are checked one by one (generalNameProblem).
 * An extension Java does not read is refused with the certificate when critical and ignored
 * when not (CertificateExtensions keeps it as an UnparseableExtension).
 */
const JAVA_READS: ReadonlySet<DecodeWarningCode> = new Set(['UNDEFINED_BIT', 'UNUSED_BITS', 'NON_MINIMAL_INTEGER', 'NEGATIVE_INTEGER', 'BOOLEAN_ENCODING', 'INTEGER_OUT_OF_RANGE', 'NON_ASCII_NAME', 'IP_ADDRESS_LENGTH']);

/** The IOException Java's extension class throws for a value it does not read. */
function javaExtensionError(e: ExtensionModel): string {
  if (e.decodeWarnings?.some((w) => w.code === 'TRAILING_DATA')) return 'java.io.IOException: extra data at the end';
  return `java.io.IOException: ${e.decodeError ?? 'extension does not parse'}`;
}

const JAVA_PARSED_EXTENSIONS = new Set([
  '2.5.29.15', // keyUsage
  '2.5.29.37', // extKeyUsage
  '2.5.29.19', // basicConstraints
  '2.5.29.17', // subjectAltName
  '2.5.29.18', // issuerAltName
  '2.5.29.30', // nameConstraints
  '2.5.29.32', // certificatePolicies
  '2.5.29.33', // policyMappings
  '2.5.29.36', // policyConstraints
  '2.5.29.54', // inhibitAnyPolicy
  '2.5.29.35', // authorityKeyIdentifier
  '2.5.29.14', // subjectKeyIdentifier
  '2.5.29.31', // cRLDistributionPoints
  '2.5.29.46', // freshestCRL
  '1.3.6.1.5.5.7.1.1', // authorityInfoAccess
  '1.3.6.1.5.5.7.1.11', // subjectInfoAccess
  '2.5.29.16', // privateKeyUsagePeriod
  '2.16.840.1.113730.1.1', // netscapeCertType
]);

/** Why Java cannot read one GeneralName of a SAN (the whole extension then fails), or null. */
function generalNameProblem(n: GeneralNameModel): string | null {
  if (n.type === 'ip') {
    // Java's IPAddressName takes 4, 8, 16 or 32 octets anywhere; the model shows other SAN lengths as "#hex".
    if (n.value.startsWith('#')) return n.value.length === 17 || n.value.length === 65 ? null : 'Invalid IPAddressName';
    const base = n.value.split('/')[0] ?? '';
    return parseIp(base) ? null : 'Invalid IPAddressName';
  }
  if (n.type === 'email') {
    if (n.value === '') return 'RFC822Name may not be null or empty';
    const domain = n.value.slice(n.value.indexOf('@') + 1);
    if (domain === '') return 'RFC822Name may not end with @';
    if (domain === '.') return 'RFC822Name domain may not be just .';
    return null;
  }
  if (n.type === 'uri') return uriProblem(n.value);
  return null;
}

function uriProblem(uri: string): string | null {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/su.exec(uri);
  if (!m) return `URI name must include scheme:${uri}`;
  if (/[\s<>"{}|\\^`]/u.test(uri)) return `invalid URI name:${uri}`;
  const host = javaUriHost(uri);
  if (host === null || host === '') return null;
  if (host.startsWith('[')) return parseIp(host.slice(1, -1)) ? null : `invalid URI name (host portion is not a valid IPv6 address):${uri}`;
  if (dnsNameProblem(host, false) === null || parseIp(host)?.length === 4) return null;
  return `invalid URI name (host portion is not a valid DNSName, IPv4 address, or IPv6 address):${uri}`;
}

/**
 * java.net.URI's host of a hierarchical URI with an authority; null when there is none, or when
 * the authority is not server-based (a host outside the RFC 2396 hostname grammar, such as one with
 * an underscore, makes URI fall back to a registry-based authority with no host).
 */
function javaUriHost(uri: string): string | null {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/u.exec(uri);
  if (!m) return null;
  let auth = m[1] ?? '';
  const at = auth.lastIndexOf('@');
  if (at >= 0) auth = auth.slice(at + 1);
  if (auth.startsWith('[')) {
    const end = auth.indexOf(']');
    return end < 0 ? null : auth.slice(0, end + 1);
  }
  const host = auth.replace(/:\d*$/u, '');
  if (/^\d{1,3}(\.\d{1,3}){3}$/u.test(host)) return host;
  const label = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
  if (!new RegExp(`^(?:${label}\\.)*[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.?$`, 'u').test(host)) return null;
  return host;
}

/** DNSName(String) in JDK 17: null when valid. */
function dnsNameProblem(name: string, allowWildcard: boolean): string | null {
  if (name === '') return 'DNSName must not be null or empty';
  if (name.includes(' ')) return 'DNSName with blank components is not permitted';
  if (name.startsWith('.') || name.endsWith('.')) return 'DNSName may not begin or end with a .';
  const labels = name.split('.');
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i] ?? '';
    if (l === '') return 'DNSName with empty components are not permitted';
    if (allowWildcard && i === 0 && l === '*') continue;
    if (!/^[A-Za-z0-9]/u.test(l)) return 'DNSName components must begin with a letter or digit';
    if (!/^[A-Za-z0-9-]*$/u.test(l)) return 'DNSName components must consist of letters, digits, and hyphens';
  }
  return null;
}

const sanCache = new WeakMap<CertificateModel, readonly GeneralNameModel[] | null>();

/** The SAN names Java keeps: null when the certificate has no SAN Java can read. Memoised per certificate. */
function javaSan(cert: CertificateModel): readonly GeneralNameModel[] | null {
  return memoized(sanCache, cert, () => javaSanOf(cert));
}

function javaSanOf(cert: CertificateModel): readonly GeneralNameModel[] | null {
  const san = findReadable(cert, 'subjectAltName', JAVA_READS);
  if (!san) return null;
  if (san.names.some((n) => generalNameProblem(n) !== null)) return null;
  return san.names;
}

const parseErrorCache = new WeakMap<CertificateModel, string | null>();

/** The message CertificateFactory throws for a certificate Java cannot parse, or null. Memoised per certificate. */
export function javaParseError(cert: CertificateModel): string | null {
  return memoized(parseErrorCache, cert, () => parseErrorOf(cert));
}

function parseErrorOf(cert: CertificateModel): string | null {
  if (cert.warnings.some((w) => w.includes('differs from the outer one'))) return 'Signature algorithm mismatch';
  if (cert.issuer.rdns.length === 0) return 'Empty issuer DN not allowed in X509Certificates';
  if (cert.version === 1 && cert.subject.rdns.length === 0) return 'Empty subject DN not allowed in v1 certificate';
  if (cert.version === 1 && (cert.extensions.length > 0 || cert.issuerUniqueIdHex !== null || cert.subjectUniqueIdHex !== null)) return 'no more data allowed for version 1 certificate';
  if (cert.version === 2 && cert.extensions.length > 0) return 'Extensions not allowed in v2 certificate';
  const seen = new Set<string>();
  for (const e of cert.extensions) {
    if (seen.has(e.oid)) return 'java.io.IOException: Duplicate extensions not allowed';
    seen.add(e.oid);
  }
  for (const e of cert.extensions) {
    if (!e.critical || !JAVA_PARSED_EXTENSIONS.has(e.oid)) continue;
    if (!reads(e, JAVA_READS)) return javaExtensionError(e);
    if (e.kind === 'subjectAltName') {
      const p = e.names.map(generalNameProblem).find((x) => x !== null);
      if (p) return `java.io.IOException: ${p}`;
    }
  }
  if (cert.subject.rdns.length === 0) {
    if (cert.extensions.length === 0) return 'X.509 Certificate is incomplete: subject field is empty, and certificate has no extensions';
    const san = findExtension(cert, 'subjectAltName');
    const names = javaSan(cert);
    if (!san || names === null) return 'X.509 Certificate is incomplete: subject field is empty, and SubjectAlternativeName extension is absent';
    if (names.length === 0) return 'X.509 Certificate is incomplete: subject field is empty, and SubjectAlternativeName extension is empty';
    if (!san.critical) return 'X.509 Certificate is incomplete: SubjectAlternativeName extension MUST be marked critical when subject field is empty';
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Certificate facts as Java reads them
// ---------------------------------------------------------------------------------------------

/** X509Certificate.getBasicConstraints(): -1 unless cA, else pathLen (MAX when absent). */
function basicConstraintsOf(c: CertificateModel): number {
  const bc = findReadable(c, 'basicConstraints', JAVA_READS);
  if (!bc || !bc.ca) return -1;
  // The decoder shows no limit for a negative pathLen; Java keeps the signed number.
  if (bc.decodeWarnings?.some((w) => w.code === 'NEGATIVE_INTEGER')) return signedPathLength(bc) ?? -1;
  return bc.pathLength ?? Number.MAX_SAFE_INTEGER;
}

/** KU bits as getKeyUsage() returns them (null when absent or unreadable). */
function kuOf(c: CertificateModel): readonly string[] | null {
  return findReadable(c, 'keyUsage', JAVA_READS)?.usages ?? null;
}

/** Critical extensions PKIX processes (KeyChecker, ConstraintsChecker, PolicyChecker, the builder's list). */
const PKIX_HANDLED = new Set(['2.5.29.19', '2.5.29.30', '2.5.29.32', '2.5.29.33', '2.5.29.36', '2.5.29.54', '2.5.29.17', '2.5.29.15', '2.5.29.37']);

const unrecognizedCache = new WeakMap<CertificateModel, boolean>();

function hasUnrecognizedCritical(c: CertificateModel): boolean {
  return memoized(unrecognizedCache, c, () => c.extensions.some((e) => e.critical && !PKIX_HANDLED.has(e.oid)));
}

const SIG_NAMES: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.2': 'MD2withRSA',
  '1.2.840.113549.1.1.4': 'MD5withRSA',
  '1.2.840.113549.1.1.5': 'SHA1withRSA',
  '1.3.14.3.2.29': 'SHA1withRSA',
  '1.2.840.113549.1.1.14': 'SHA224withRSA',
  '1.2.840.113549.1.1.11': 'SHA256withRSA',
  '1.2.840.113549.1.1.12': 'SHA384withRSA',
  '1.2.840.113549.1.1.13': 'SHA512withRSA',
  '1.2.840.113549.1.1.10': 'RSASSA-PSS',
  '1.2.840.10045.4.1': 'SHA1withECDSA',
  '1.2.840.10045.4.3.1': 'SHA224withECDSA',
  '1.2.840.10045.4.3.2': 'SHA256withECDSA',
  '1.2.840.10045.4.3.3': 'SHA384withECDSA',
  '1.2.840.10045.4.3.4': 'SHA512withECDSA',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
  '1.2.840.10040.4.3': 'SHA1withDSA',
  '2.16.840.1.101.3.4.3.1': 'SHA224withDSA',
  '2.16.840.1.101.3.4.3.2': 'SHA256withDSA',
};

function sigAlgName(c: CertificateModel): string {
  return SIG_NAMES[c.signatureAlgorithm.oid] ?? c.signatureAlgorithm.oid;
}

/** jdk.certpath.disabledAlgorithms: MD2, MD5 disable the signature algorithm outright. */
function sigAlgDisabled(c: CertificateModel): boolean {
  return /^MD[25]with/u.test(sigAlgName(c));
}

/** The key-size rules of jdk.certpath.disabledAlgorithms; returns [algorithm, bits] of a key they refuse. */
function weakKey(c: CertificateModel): [string, number] | null {
  const k = c.publicKey;
  if (k.bits === null) return null;
  if (k.algorithm === 'RSA' && k.bits < 1024) return ['RSA', k.bits];
  if (k.algorithm === 'DSA' && k.bits < 1024) return ['DSA', k.bits];
  if (k.algorithm === 'EC' && k.bits < 224) return ['EC', k.bits];
  return null;
}

/**
 * "SHA1 jdkCA & usage TLSServer": a SHA-1 signature on a path that ends at a root of the JDK's
 * own cacerts, verified for a TLS server. The built-in anchors stand for cacerts here (the lab's
 * session roots never do). The CertPathValidatorException message, or null.
 */
function jdkCaSha1(ctx: VerifyContext, anchor: CertificateModel, cert: CertificateModel): string | null {
  if (ctx.role !== 'tlsServer' || !/^SHA1with/u.test(sigAlgName(cert))) return null;
  if (!ctx.anchors.some((a) => a.kind === 'builtin' && a.certificate.sha256Hex === anchor.sha256Hex)) return null;
  return `Usage constraint TLSServer check failed: SHA1 used with certificate: ${javaDn(cert.subject)}`;
}

const JAVA_EC_CURVES = new Set(['P-256', 'P-384', 'P-521']);

/** A signature as Java's Signature.verify sees it: curves SunEC 17 lacks cannot verify. */
async function javaSignature(ctx: VerifyContext, child: CertificateModel | CrlModel, issuer: CertificateModel): Promise<boolean> {
  if (issuer.publicKey.algorithm === 'EC' && issuer.publicKey.curve !== null && !JAVA_EC_CURVES.has(issuer.publicKey.curve)) return false;
  const s: SignatureCheck = await ctx.signature(child, issuer);
  // Algorithms the engine cannot check (DSA, SHA-224, Ed448…) are ones the JDK verifies; an OID the JDK does not know fails there.
  if (s.status === 'unsupported') return SIG_NAMES[child.signatureAlgorithm.oid] !== undefined;
  return s.status !== 'invalid';
}

// ---------------------------------------------------------------------------------------------
// Name constraints (NameConstraintsExtension.verify with GeneralNameInterface.constrains)
// ---------------------------------------------------------------------------------------------

const DIFF = -1;
const MATCH = 0;
const NARROWS = 1;
const WIDENS = 2;
const SAME = 3;

type JName =
  | { readonly type: 'dns'; readonly value: string }
  | { readonly type: 'email'; readonly value: string }
  | { readonly type: 'uri'; readonly host: string | null; readonly hostIsIp: boolean }
  | { readonly type: 'ip'; readonly bytes: Uint8Array }
  | { readonly type: 'dir'; readonly rdnKeys: readonly string[] }
  | { readonly type: 'other'; readonly form: string; readonly value: string };

/** A RuntimeException inside the JDK's checks: it escapes the trust manager and fails the handshake. */
class JavaRuntimeFailure extends Error {}

/** String.charAt in JDK 17. */
function charAt(s: string, i: number): string {
  if (i < 0 || i >= s.length) throw new JavaRuntimeFailure(`java.lang.StringIndexOutOfBoundsException: String index out of range: ${i}`);
  return s.charAt(i);
}

function dnsConstrains(constraint: string, input: string): number {
  const inName = input.toLowerCase();
  const thisName = constraint.toLowerCase();
  if (inName === thisName) return MATCH;
  if (thisName.endsWith(inName)) {
    const i = thisName.lastIndexOf(inName);
    return (charAt(thisName, i - 1) === '.') !== (charAt(inName, 0) === '.') ? WIDENS : SAME;
  }
  if (inName.endsWith(thisName)) {
    const i = inName.lastIndexOf(thisName);
    return (charAt(inName, i - 1) === '.') !== (charAt(thisName, 0) === '.') ? NARROWS : SAME;
  }
  return SAME;
}

function emailConstrains(constraint: string, input: string): number {
  const inName = input.toLowerCase();
  const thisName = constraint.toLowerCase();
  if (inName === thisName) return MATCH;
  if (thisName.endsWith(inName)) {
    if (inName.includes('@')) return SAME;
    if (inName.startsWith('.')) return WIDENS;
    return thisName.charAt(thisName.lastIndexOf(inName) - 1) === '@' ? WIDENS : SAME;
  }
  if (inName.endsWith(thisName)) {
    if (thisName.includes('@')) return SAME;
    if (thisName.startsWith('.')) return NARROWS;
    return inName.charAt(inName.lastIndexOf(thisName) - 1) === '@' ? NARROWS : SAME;
  }
  return SAME;
}

/** URIName.constrains: hosts compare as DNS names; a constraint host may start with "." (a domain). */
function uriConstrains(thisHost: string, otherHost: string | null, otherIsIp: boolean): number {
  if (otherHost === null) throw new JavaRuntimeFailure('java.lang.NullPointerException');
  if (otherHost.toLowerCase() === thisHost.toLowerCase()) return MATCH;
  if (otherIsIp) return SAME;
  const thisDomain = charAt(thisHost, 0) === '.';
  const otherDomain = charAt(otherHost, 0) === '.';
  let t = dnsConstrains(thisDomain ? thisHost.slice(1) : thisHost, otherDomain ? otherHost.slice(1) : otherHost);
  if (!thisDomain && !otherDomain && (t === WIDENS || t === NARROWS)) t = SAME;
  if (thisDomain !== otherDomain && t === MATCH) t = thisDomain ? WIDENS : NARROWS;
  return t;
}

/** An iPAddress name constraint ("addr/prefix") as IPAddressName holds it: address then mask (8 or 32 bytes). */
function ipConstraintBytes(value: string): Uint8Array | null {
  const [addr, prefix] = value.split('/');
  const a = parseIp(addr ?? '');
  if (!a) return null;
  const p = prefix === undefined ? a.length * 8 : Number(prefix);
  const out = new Uint8Array(a.length * 2);
  out.set(a, 0);
  for (let bit = 0; bit < p && bit < a.length * 8; bit++) out[a.length + (bit >> 3)] = (out[a.length + (bit >> 3)] ?? 0) | (0x80 >> (bit & 7));
  return out;
}

function byteAt(a: Uint8Array, i: number): number {
  const v = a[i];
  if (v === undefined) throw new JavaRuntimeFailure(`java.lang.ArrayIndexOutOfBoundsException: Index ${i} out of bounds for length ${a.length}`);
  return v;
}

function ipEquals(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  if (a.length === 8 || a.length === 32) {
    const half = a.length / 2;
    for (let i = 0; i < half; i++) if ((byteAt(a, i) & byteAt(a, i + half)) !== (byteAt(b, i) & byteAt(b, i + half))) return false;
    for (let i = half; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  return a.every((x, i) => x === b[i]);
}

/** IPAddressName.constrains (hosts are 4 or 16 bytes, subnets 8 or 32), with the JDK's index errors. */
function ipConstrains(address: Uint8Array, other: Uint8Array): number {
  if (ipEquals(other, address)) return MATCH;
  if (other.length === 4 && address.length === 4) return SAME;
  if ((other.length === 8 && address.length === 8) || (other.length === 32 && address.length === 32)) {
    let otherSubsetOfThis = true;
    let thisSubsetOfOther = true;
    let thisEmpty = false;
    let otherEmpty = false;
    const half = address.length / 2;
    for (let i = 0; i < half; i++) {
      const a = byteAt(address, i);
      const am = byteAt(address, i + half);
      const o = byteAt(other, i);
      const om = byteAt(other, i + half);
      if ((a & am) !== a) thisEmpty = true;
      if ((o & om) !== o) otherEmpty = true;
      if (!((am & om) === am && (a & am) === (o & am))) otherSubsetOfThis = false;
      if (!((om & am) === om && (o & om) === (a & om))) thisSubsetOfOther = false;
    }
    if (thisEmpty || otherEmpty) return thisEmpty && otherEmpty ? MATCH : thisEmpty ? WIDENS : NARROWS;
    if (otherSubsetOfThis) return NARROWS;
    if (thisSubsetOfOther) return WIDENS;
    return SAME;
  }
  if (other.length === 8 || other.length === 32) {
    const half = other.length / 2;
    for (let i = 0; i < half; i++) if ((byteAt(address, i) & byteAt(other, i + half)) !== byteAt(other, i)) return SAME;
    return WIDENS;
  }
  if (address.length === 8 || address.length === 32) {
    const half = address.length / 2;
    for (let i = 0; i < half; i++) if ((byteAt(other, i) & byteAt(address, i + half)) !== byteAt(address, i)) return SAME;
    return NARROWS;
  }
  return SAME;
}

function dirConstrains(c: readonly string[], n: readonly string[]): number {
  if (c.length === n.length && c.every((k, i) => k === n[i])) return MATCH;
  if (n.length === 0) return WIDENS;
  if (c.length === 0) return NARROWS;
  if (n.length >= c.length && c.every((k, i) => k === n[i])) return NARROWS;
  if (c.length >= n.length && n.every((k, i) => k === c[i])) return WIDENS;
  return SAME;
}

/** One RDN as a comparison key built from its text (attribute OID and canonical value). */
function rdnTextKey(rdn: NameModel['rdns'][number]): string {
  return rdn
    .map((a) => `${a.oid}=${canonicalValue(a.value)}`)
    .sort()
    .join('+');
}

const OID_BY_SHORT_NAME: ReadonlyMap<string, string> = new Map(Object.entries(ATTRIBUTE_SHORT_NAMES).map(([oid, short]) => [short.toLowerCase(), oid]));

/** RDN keys (most significant first) of an RFC 4514 string, as rdnTextKey builds them; null when it does not parse. */
function rfc4514RdnKeys(text: string): string[] | null {
  if (text === '') return [];
  const rdns: string[][] = [[]];
  let cur = '';
  const attrs: string[] = [];
  const flushAttr = (): boolean => {
    const eq = cur.indexOf('=');
    if (eq <= 0) return false;
    const type = cur.slice(0, eq).trim();
    const value = cur.slice(eq + 1);
    const oid = /^\d+(\.\d+)+$/u.test(type) ? type : OID_BY_SHORT_NAME.get(type.toLowerCase());
    if (!oid) return false;
    attrs.push(`${oid}=${canonicalValue(value)}`);
    cur = '';
    return true;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '\\') {
      const hex = /^[0-9a-fA-F]{2}/u.exec(text.slice(i + 1, i + 3));
      if (hex) {
        cur += String.fromCharCode(parseInt(hex[0], 16));
        i += 2;
      } else {
        cur += text[i + 1] ?? '';
        i += 1;
      }
      continue;
    }
    if (ch === '+' || ch === ',') {
      if (!flushAttr()) return null;
      if (ch === ',') {
        rdns.push([...attrs].sort());
        attrs.length = 0;
      }
      continue;
    }
    cur += ch;
  }
  if (!flushAttr()) return null;
  rdns.push([...attrs].sort());
  return rdns
    .filter((r) => r.length > 0)
    .map((r) => r.join('+'))
    .reverse();
}

const UNSUPPORTED_FORMS: Readonly<Record<string, string>> = {
  otherName: 'Narrowing, widening, and matching are not supported for OtherName.',
  x400Address: 'Narrowing, widening, and match are not supported for X400Address.',
  ediPartyName: 'Narrowing, widening, and matching of names not supported for EDIPartyName',
  registeredId: 'Narrowing and widening are not supported for OIDNames',
};

function javaForm(type: GeneralNameModel['type']): string {
  return type === 'upn' ? 'otherName' : type;
}

/** GeneralNameInterface.constrains: how `input` relates to `self` (a constraint or a name). */
function constrains(self: JName, input: JName): number {
  switch (self.type) {
    case 'dns':
      return input.type === 'dns' ? dnsConstrains(self.value, input.value) : DIFF;
    case 'email':
      return input.type === 'email' ? emailConstrains(self.value, input.value) : DIFF;
    case 'uri':
      return input.type === 'uri' ? uriConstrains(self.host ?? '', input.host, input.hostIsIp) : DIFF;
    case 'ip':
      return input.type === 'ip' ? ipConstrains(self.bytes, input.bytes) : DIFF;
    case 'dir':
      return input.type === 'dir' ? dirConstrains(self.rdnKeys, input.rdnKeys) : DIFF;
    case 'other': {
      if (input.type !== 'other' || input.form !== self.form) return DIFF;
      if (self.form === 'registeredId' && input.value === self.value) return MATCH;
      throw new JavaRuntimeFailure(`java.lang.UnsupportedOperationException: ${UNSUPPORTED_FORMS[self.form] ?? 'Narrowing and widening are not supported'}`);
    }
  }
}

/** A name-constraint subtree base as the JDK holds it, or null when it would not parse. */
function constraintName(base: GeneralNameModel): JName | null {
  switch (base.type) {
    case 'dns':
      return { type: 'dns', value: base.value };
    case 'email':
      return { type: 'email', value: base.value };
    case 'uri':
      return { type: 'uri', host: base.value, hostIsIp: false };
    case 'ip': {
      const b = ipConstraintBytes(base.value);
      return b ? { type: 'ip', bytes: b } : null;
    }
    case 'dirName': {
      const keys = rfc4514RdnKeys(base.value);
      return keys ? { type: 'dir', rdnKeys: keys } : null;
    }
    default:
      return { type: 'other', form: javaForm(base.type), value: base.value };
  }
}

/** The names NameConstraintsExtension.verify checks for a certificate. */
function constrainedNames(cert: CertificateModel): JName[] {
  const out: JName[] = [];
  if (cert.subject.rdns.length > 0) out.push({ type: 'dir', rdnKeys: cert.subject.rdns.map(rdnTextKey) });
  const san = javaSan(cert);
  const alt: JName[] = [];
  if (san) {
    for (const n of san) {
      if (n.type === 'dns') alt.push({ type: 'dns', value: n.value });
      else if (n.type === 'email') alt.push({ type: 'email', value: n.value });
      else if (n.type === 'ip') {
        const b = parseIp(n.value.split('/')[0] ?? '');
        if (b) alt.push({ type: 'ip', bytes: b });
      } else if (n.type === 'uri') {
        const h = javaUriHost(n.value);
        const host = h === null ? null : h.replace(/^\[(.*)\]$/u, '$1');
        alt.push({ type: 'uri', host, hostIsIp: host !== null && parseIp(host) !== null });
      } else if (n.type === 'dirName') alt.push({ type: 'dir', rdnKeys: rfc4514RdnKeys(n.value) ?? [] });
      else alt.push({ type: 'other', form: javaForm(n.type), value: n.value });
    }
  } else {
    for (const a of cert.subject.rdns.flat()) if (a.oid === EMAIL_ATTRIBUTE_OID && generalNameProblem({ type: 'email', value: a.value }) === null) alt.push({ type: 'email', value: a.value });
  }
  const cn = mostSpecificCn(cert.subject);
  if (cn !== null) {
    const ip = isJavaIpLiteral(cn) ? parseIp(cn) : null;
    if (ip) {
      if (!alt.some((n) => n.type === 'ip')) alt.push({ type: 'ip', bytes: ip });
    } else if (!alt.some((n) => n.type === 'dns') && dnsNameProblem(cn, false) === null) alt.push({ type: 'dns', value: cn });
  }
  return [...out, ...alt];
}

function mostSpecificCn(name: NameModel): string | null {
  for (let i = name.rdns.length - 1; i >= 0; i--) {
    const a = (name.rdns[i] ?? []).find((x) => x.oid === CN_OID);
    if (a) return a.value;
  }
  return null;
}

function isJavaIpLiteral(s: string): boolean {
  return parseIp(s) !== null;
}

/** The merged name constraints of the CAs so far (ConstraintsChecker's prevNC): null lists are absent. */
interface NcState {
  permitted: JName[] | null;
  excluded: JName[] | null;
  /** Set when a subtree carries a minimum or maximum: verify() then throws this IOException. */
  distanceError: string | null;
}

function sameName(a: JName, b: JName): boolean {
  return JSON.stringify(a, (_k, v: unknown) => (v instanceof Uint8Array ? Array.from(v) : v)) === JSON.stringify(b, (_k, v: unknown) => (v instanceof Uint8Array ? Array.from(v) : v));
}

/** GeneralSubtrees.minimize: drop duplicates and names that a later one widens or an earlier one covers. */
function minimize(list: JName[]): void {
  for (let i = 0; i < list.length - 1; i++) {
    const current = list[i];
    if (!current) continue;
    let removeCurrent = false;
    for (let j = i + 1; j < list.length; j++) {
      const next = list[j];
      if (!next) continue;
      const c = constrains(current, next);
      if (c === DIFF || c === SAME) continue;
      if (c === NARROWS) {
        list.splice(j, 1);
        j--;
        continue;
      }
      removeCurrent = true;
      break;
    }
    if (removeCurrent) {
      list.splice(i, 1);
      i--;
    }
  }
}

function union(list: JName[], other: readonly JName[]): void {
  list.push(...other);
  minimize(list);
}

/** GeneralSubtrees.createWidestSubtree: only the directoryName form has an empty value the JDK accepts. */
function widestSubtree(n: JName): JName {
  switch (n.type) {
    case 'dir':
      return { type: 'dir', rdnKeys: [] };
    case 'dns':
      throw new JavaRuntimeFailure('java.lang.RuntimeException: Unexpected error: java.io.IOException: DNSName must not be null or empty');
    case 'email':
      throw new JavaRuntimeFailure('java.lang.RuntimeException: Unexpected error: java.io.IOException: RFC822Name may not be null or empty');
    case 'uri':
      throw new JavaRuntimeFailure('java.lang.RuntimeException: Unexpected error: java.io.IOException: URI name must include scheme:');
    case 'ip':
      throw new JavaRuntimeFailure('java.lang.NullPointerException: Cannot read the array length because "address" is null');
    case 'other':
      throw new JavaRuntimeFailure('java.lang.RuntimeException: Unexpected error');
  }
}

/** GeneralSubtrees.intersect (merging permitted subtrees): modifies `self`, returns the names to add to excluded. */
function intersect(self: JName[], other: JName[]): JName[] | null {
  if (self.length === 0) {
    union(self, other);
    return null;
  }
  minimize(self);
  minimize(other);
  const newThis: JName[] = [];
  let newExcluded: JName[] | null = null;
  for (let i = 0; i < self.length; i++) {
    const thisEntry = self[i];
    if (!thisEntry) continue;
    let sameType = false;
    for (const otherEntry of other) {
      const c = constrains(thisEntry, otherEntry);
      if (c === NARROWS) {
        self.splice(i, 1);
        i--;
        newThis.push(otherEntry);
        sameType = false;
        break;
      }
      if (c === SAME) {
        sameType = true;
        continue;
      }
      if (c === MATCH || c === WIDENS) {
        sameType = false;
        break;
      }
    }
    if (sameType) {
      let intersection = false;
      for (const alt of self) {
        if (alt.type !== thisEntry.type) continue;
        if (other.some((o) => [MATCH, WIDENS, NARROWS].includes(constrains(alt, o)))) {
          intersection = true;
          break;
        }
      }
      if (!intersection) {
        const widest = widestSubtree(thisEntry);
        newExcluded ??= [];
        if (!newExcluded.some((x) => sameName(x, widest))) newExcluded.push(widest);
      }
      self.splice(i, 1);
      i--;
    }
  }
  if (newThis.length > 0) union(self, newThis);
  for (const o of other) {
    let diffType = false;
    for (const t of self) {
      if (constrains(t, o) === DIFF) {
        diffType = true;
        continue;
      }
      diffType = false;
      break;
    }
    if (diffType) self.push(o);
  }
  return newExcluded;
}

/** GeneralSubtrees.reduce: permitted names that an excluded name matches or covers are dropped. */
function reduce(permitted: JName[], excluded: readonly JName[] | null): void {
  if (!excluded) return;
  for (const ex of excluded) {
    for (let j = 0; j < permitted.length; j++) {
      const p = permitted[j];
      if (!p) continue;
      const c = constrains(ex, p);
      if (c === MATCH || c === NARROWS) {
        permitted.splice(j, 1);
        j--;
      }
    }
  }
}

/** The CA's nameConstraints as the JDK parsed them, or null. */
function ncOf(ca: CertificateModel): { permitted: JName[] | null; excluded: JName[] | null; distanceError: string | null } | null {
  const nc = findExtension(ca, 'nameConstraints');
  if (!nc || nc.decodeError) return null;
  const names = (subtrees: readonly GeneralSubtreeModel[]): JName[] | null => (subtrees.length === 0 ? null : subtrees.map((s) => constraintName(s.base)).filter((n): n is JName => n !== null));
  const all = [...nc.permitted, ...nc.excluded];
  const distanceError = all.some((s) => s.minimum !== 0)
    ? 'java.io.IOException: Non-zero minimum BaseDistance in name constraints not supported'
    : all.some((s) => s.maximum !== null)
      ? 'java.io.IOException: Maximum BaseDistance in name constraints not supported'
      : null;
  return { permitted: names(nc.permitted), excluded: names(nc.excluded), distanceError };
}

/** ConstraintsChecker.mergeNameConstraints: the first CA's constraints as they are, later ones merged in. */
function mergeNc(prev: NcState | null, ca: CertificateModel): NcState | null {
  const next = ncOf(ca);
  if (!next) return prev;
  if (!prev) return { permitted: next.permitted ? [...next.permitted] : null, excluded: next.excluded ? [...next.excluded] : null, distanceError: next.distanceError };
  const st: NcState = { permitted: prev.permitted ? [...prev.permitted] : null, excluded: prev.excluded ? [...prev.excluded] : null, distanceError: prev.distanceError ?? next.distanceError };
  if (next.excluded) {
    if (st.excluded === null) st.excluded = [...next.excluded];
    else union(st.excluded, next.excluded);
  }
  if (next.permitted) {
    if (st.permitted === null) st.permitted = [...next.permitted];
    else {
      const ex = intersect(st.permitted, [...next.permitted]);
      if (ex) {
        if (st.excluded) union(st.excluded, ex);
        else st.excluded = [...ex];
      }
    }
  }
  if (st.permitted) reduce(st.permitted, st.excluded);
  return st;
}

/** NameConstraintsExtension.verify(cert): true, false, or the IOException text (throws JavaRuntimeFailure where the JDK throws). */
function ncVerify(state: NcState, cert: CertificateModel): boolean | string {
  if (state.distanceError) return state.distanceError;
  for (const name of constrainedNames(cert)) {
    for (const ex of state.excluded ?? []) {
      const r = constrains(ex, name);
      if (r === MATCH || r === NARROWS) return false;
    }
    if (state.permitted && state.permitted.length > 0) {
      let sameType = false;
      let ok = false;
      for (const per of state.permitted) {
        const r = constrains(per, name);
        if (r === DIFF) continue;
        if (r === WIDENS || r === SAME) {
          sameType = true;
          continue;
        }
        ok = true;
        break;
      }
      if (!ok && sameType) return false;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Revocation (PKIXRevocationChecker: CRLs only, soft-fail)
// ---------------------------------------------------------------------------------------------

const CRL_REASONS: Readonly<Record<string, string>> = {
  unspecified: 'UNSPECIFIED',
  keyCompromise: 'KEY_COMPROMISE',
  cACompromise: 'CA_COMPROMISE',
  affiliationChanged: 'AFFILIATION_CHANGED',
  superseded: 'SUPERSEDED',
  cessationOfOperation: 'CESSATION_OF_OPERATION',
  certificateHold: 'CERTIFICATE_HOLD',
  removeFromCRL: 'REMOVE_FROM_CRL',
  privilegeWithdrawn: 'PRIVILEGE_WITHDRAWN',
  aACompromise: 'AA_COMPROMISE',
};

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** java.util.Date.toString() in UTC. */
function javaDate(iso: string): string {
  const d = new Date(iso);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()] ?? ''} ${MONTHS[d.getUTCMonth()] ?? ''} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

function stripZeros(hex: string): string {
  const t = hex.toLowerCase().replace(/^(00)+(?=..)/u, '');
  return t === '' ? '00' : t;
}

/** The CertificateRevokedException message when a usable loaded CRL lists `cert`, else null. */
async function revokedMessage(ctx: VerifyContext, cert: CertificateModel, issuer: CertificateModel): Promise<string | null> {
  if (ctx.crls.length === 0) return null;
  const ku = kuOf(issuer);
  if (ku && !ku.includes('cRLSign')) return null;
  for (const crl of ctx.crls) {
    if (!javaNamesEqual(crl.issuer, cert.issuer)) continue;
    if (ctx.at < Date.parse(crl.thisUpdate) - 900000) continue;
    if (crl.nextUpdate === null || ctx.at > Date.parse(crl.nextUpdate) + 900000) continue;
    if (!(await javaSignature(ctx, crl, issuer))) continue;
    const serial = stripZeros(cert.serialNumberHex);
    const entry = crl.entries.find((e) => stripZeros(e.serialNumberHex) === serial);
    if (!entry) continue;
    if (entry.reason === 'removeFromCRL') continue;
    const reason = entry.reason ? (CRL_REASONS[entry.reason] ?? 'UNSPECIFIED') : 'UNSPECIFIED';
    const oids = [...entry.extensions.map((e) => e.oid)].sort();
    return `Certificate has been revoked, reason: ${reason}, revocation date: ${javaDate(entry.revocationDate)}, authority: ${javaDn(crl.issuer)}, extension OIDs: [${oids.join(', ')}]`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// PolicyChecker (RFC 5280 §6.1 valid policy tree, initial policy set anyPolicy, qualifiers rejected)
// ---------------------------------------------------------------------------------------------

const ANY_POLICY = '2.5.29.32.0';

interface PolicyNode {
  readonly policy: string;
  readonly depth: number;
  readonly parent: PolicyNode | null;
  expected: Set<string>;
  /** False once a policy mapping replaced the original expected set (PolicyNodeImpl.addExpectedPolicy). */
  originalExpected: boolean;
  children: PolicyNode[];
}

function policyNode(parent: PolicyNode | null, policy: string, expected: readonly string[], generatedByMapping: boolean): PolicyNode {
  const n: PolicyNode = { policy, depth: parent ? parent.depth + 1 : 0, parent, expected: new Set(expected), originalExpected: !generatedByMapping, children: [] };
  if (parent) parent.children.push(n);
  return n;
}

function copyTree(n: PolicyNode, parent: PolicyNode | null = null): PolicyNode {
  const c: PolicyNode = { policy: n.policy, depth: n.depth, parent, expected: new Set(n.expected), originalExpected: n.originalExpected, children: [] };
  c.children = n.children.map((ch) => copyTree(ch, c));
  return c;
}

function nodesAt(n: PolicyNode, depth: number): PolicyNode[] {
  if (n.depth === depth) return [n];
  if (n.depth > depth) return [];
  return n.children.flatMap((c) => nodesAt(c, depth));
}

function prune(n: PolicyNode, depth: number): void {
  if (n.children.length === 0) return;
  for (const c of [...n.children]) {
    prune(c, depth);
    if (c.children.length === 0 && depth > n.depth + 1) n.children = n.children.filter((x) => x !== c);
  }
}

interface PolicyState {
  root: PolicyNode | null;
  explicitPolicy: number;
  policyMapping: number;
  inhibitAnyPolicy: number;
  certIndex: number;
  readonly n: number;
}

function policyState(n: number): PolicyState {
  return { root: policyNode(null, ANY_POLICY, [ANY_POLICY], false), explicitPolicy: n + 1, policyMapping: n + 1, inhibitAnyPolicy: n + 1, certIndex: 1, n };
}

function processParents(root: PolicyNode, certIndex: number, policy: string, matchAny: boolean): boolean {
  const parents = nodesAt(root, certIndex - 1).filter((p) => p.expected.has(matchAny ? ANY_POLICY : policy));
  for (const parent of parents) {
    if (policy === ANY_POLICY) {
      for (const exp of [...parent.expected]) {
        if (parent.children.some((c) => c.policy === exp)) continue;
        policyNode(parent, exp, [exp], false);
      }
    } else policyNode(parent, policy, [policy], false);
  }
  return parents.length > 0;
}

function mergeExplicitPolicy(value: number, cert: CertificateModel, finalCert: boolean): number {
  let v = value;
  if (v > 0 && !selfIssued(cert)) v--;
  const pc = findExtension(cert, 'policyConstraints');
  if (!pc || pc.decodeError) return v;
  const require = pc.requireExplicitPolicy ?? -1;
  if (!finalCert) {
    if (require !== -1 && (v === -1 || require < v)) v = require;
  } else if (require === 0) v = 0;
  return v;
}

function mergePolicyMapping(value: number, cert: CertificateModel): number {
  let v = value;
  if (v > 0 && !selfIssued(cert)) v--;
  const pc = findExtension(cert, 'policyConstraints');
  if (!pc || pc.decodeError) return v;
  const inhibit = pc.inhibitPolicyMapping ?? -1;
  if (inhibit !== -1 && (v === -1 || inhibit < v)) v = inhibit;
  return v;
}

function mergeInhibitAnyPolicy(value: number, cert: CertificateModel): number {
  let v = value;
  if (v > 0 && !selfIssued(cert)) v--;
  const ia = findExtension(cert, 'inhibitAnyPolicy');
  // InhibitAnyPolicyExtension refuses to parse unless critical ("Criticality cannot be false"); a non-critical one is ignored.
  if (!ia || ia.decodeError || !ia.critical) return v;
  if (ia.skipCerts !== -1 && ia.skipCerts < v) v = ia.skipCerts;
  return v;
}

/** PolicyChecker.check for the next certificate (anchor side first); the CertPathValidatorException message, or null. */
function policyCheck(st: PolicyState, cert: CertificateModel): string | null {
  const finalCert = st.certIndex === st.n;
  let root = st.root ? copyTree(st.root) : null;
  const cp = findExtension(cert, 'certificatePolicies');
  const policies = cp && !cp.decodeError ? cp : null;
  if (policies && root) {
    let foundAny = false;
    for (const pol of policies.policies) {
      if (pol.oid === ANY_POLICY) {
        foundAny = true;
        continue;
      }
      if (pol.qualifiers.length > 0 && policies.critical) return 'critical policy qualifiers present in certificate';
      if (!processParents(root, st.certIndex, pol.oid, false)) processParents(root, st.certIndex, pol.oid, true);
    }
    if (foundAny && (st.inhibitAnyPolicy > 0 || (!finalCert && selfIssued(cert)))) processParents(root, st.certIndex, ANY_POLICY, true);
    prune(root, st.certIndex);
    if (root.children.length === 0) root = null;
  } else if (!policies) root = null;
  if (root && !finalCert) {
    const pm = findExtension(cert, 'policyMappings');
    if (pm && !pm.decodeError) {
      let deleted = false;
      for (const m of pm.mappings) {
        const issuerDomain = m.issuerDomainPolicy.oid;
        const subjectDomain = m.subjectDomainPolicy.oid;
        if (issuerDomain === ANY_POLICY) return 'encountered an issuerDomainPolicy of ANY_POLICY';
        if (subjectDomain === ANY_POLICY) return 'encountered a subjectDomainPolicy of ANY_POLICY';
        const valid = nodesAt(root, st.certIndex).filter((x) => x.policy === issuerDomain);
        if (valid.length > 0) {
          for (const node of valid) {
            if (st.policyMapping > 0 || st.policyMapping === -1) {
              if (node.originalExpected) {
                node.expected.clear();
                node.originalExpected = false;
              }
              node.expected.add(subjectDomain);
            } else if (st.policyMapping === 0 && node.parent) {
              node.parent.children = node.parent.children.filter((c) => c !== node);
              deleted = true;
            }
          }
        } else if (st.policyMapping > 0 || st.policyMapping === -1) {
          for (const any of nodesAt(root, st.certIndex).filter((x) => x.policy === ANY_POLICY)) if (any.parent) policyNode(any.parent, issuerDomain, [subjectDomain], true);
        }
      }
      if (deleted) {
        prune(root, st.certIndex);
        if (root.children.length === 0) root = null;
      }
    }
  }
  const explicit = finalCert ? mergeExplicitPolicy(st.explicitPolicy, cert, true) : st.explicitPolicy;
  if (explicit === 0 && root === null) return 'non-null policy tree required and policy tree is null';
  st.root = root;
  if (!finalCert) {
    st.explicitPolicy = mergeExplicitPolicy(st.explicitPolicy, cert, false);
    st.policyMapping = mergePolicyMapping(st.policyMapping, cert);
    st.inhibitAnyPolicy = mergeInhibitAnyPolicy(st.inhibitAnyPolicy, cert);
  }
  st.certIndex++;
  return null;
}

// ---------------------------------------------------------------------------------------------
// PKIXCertPathValidator (the chain as sent, up to a trusted subject)
// ---------------------------------------------------------------------------------------------

function vfail(msg: string, codes: readonly VerifyCode[], kind: FixKind, cert?: CertificateModel): JavaError {
  return err(`${VALIDATION_PREFIX}${msg}`, codes, kind, cert);
}

/** The checkers of PKIXCertPathValidator over `path` (leaf first), anchored at `anchor`; the first failure. */
async function validatePath(ctx: VerifyContext, path: readonly CertificateModel[], anchor: CertificateModel): Promise<JavaError | null> {
  const n = path.length;
  const topFirst = [...path].reverse();
  let prev = anchor;
  let maxPathLength = n;
  let nc: NcState | null = null;
  const policy = policyState(n);
  for (let i = 0; i < n; i++) {
    const cert = topFirst[i];
    if (!cert) break;
    const idx = i + 1;
    const isLeaf = idx === n;
    // AlgorithmChecker
    if (sigAlgDisabled(cert)) return vfail(`Algorithm constraints check failed on signature algorithm: ${sigAlgName(cert)}`, ['WEAK_SIGNATURE_ALGORITHM'], 'algorithm', cert);
    const ku = kuOf(cert);
    if (ku && !ku.some((u) => u !== 'encipherOnly' && u !== 'decipherOnly')) return vfail('incorrect KeyUsage extension bits', ['PROFILE_VIOLATION'], 'algorithm', cert);
    const sha1 = jdkCaSha1(ctx, anchor, cert);
    if (sha1) return vfail(sha1, ['WEAK_SIGNATURE_ALGORITHM'], 'algorithm', cert);
    const own = weakKey(cert);
    if (own) return vfail(`Algorithm constraints check failed on keysize limits: ${own[0]} ${own[1]} bit key used with certificate: ${javaDn(cert.subject)}`, [isLeaf ? (own[0] === 'EC' ? 'UNSUPPORTED_KEY' : 'WEAK_RSA_KEY') : 'WEAK_ISSUER_KEY'], 'algorithm', cert);
    if (weakKey(prev)) return vfail(`Algorithm constraints check failed on signature algorithm: ${sigAlgName(cert)}`, ['WEAK_ISSUER_KEY'], 'algorithm', prev);
    // KeyChecker
    if (!isLeaf && ku && !ku.includes('keyCertSign')) return vfail('CA key usage check failed: keyCertSign bit is not set', ['CHAIN_ISSUER_NOT_CA'], 'key-usage-ca', cert);
    // ConstraintsChecker: basic constraints, then name constraints
    if (!isLeaf) {
      let pathLen = -1;
      if (cert.version < 3) {
        if (idx === 1 && selfIssued(cert)) pathLen = Number.MAX_SAFE_INTEGER;
      } else pathLen = basicConstraintsOf(cert);
      if (pathLen === -1) return vfail('basic constraints check failed: this is not a CA certificate', ['CHAIN_ISSUER_NOT_CA'], 'not-ca', cert);
      if (!selfIssued(cert)) {
        if (maxPathLength <= 0) return vfail('basic constraints check failed: pathLenConstraint violated - this cert must be the last cert in the certification path', ['CHAIN_PATH_LENGTH_EXCEEDED'], 'path-length', cert);
        maxPathLength--;
      }
      if (pathLen < maxPathLength) maxPathLength = pathLen;
    }
    if (nc && (isLeaf || !selfIssued(cert))) {
      const r = ncVerify(nc, cert);
      if (r !== true) return vfail(r === false ? 'name constraints check failed' : r, ['CHAIN_NAME_CONSTRAINTS_VIOLATED'], 'name-constraints', cert);
    }
    nc = mergeNc(nc, cert);
    // PolicyChecker
    const pe = policyCheck(policy, cert);
    if (pe) return vfail(pe, ['PROFILE_VIOLATION'], 'policy', cert);
    // BasicChecker: validity, name chaining, signature
    const t = timeState(cert, ctx.at);
    if (t !== 0) return vfail('validity check failed', isLeaf ? [t < 0 ? 'NOT_YET_VALID' : 'EXPIRED'] : ['CHAIN_ISSUER_EXPIRED'], 'validity', cert);
    if (cert.issuer.rdns.length === 0) return vfail('subject/issuer name chaining check failed: empty/null issuer DN in certificate is invalid', ['CHAIN_ISSUER_NOT_FOUND'], 'chaining', cert);
    if (!javaNamesEqual(cert.issuer, prev.subject)) return vfail('subject/issuer name chaining check failed', ['CHAIN_ISSUER_NOT_FOUND'], 'chaining', cert);
    if (!(await javaSignature(ctx, cert, prev))) return vfail('signature check failed', ['CHAIN_SIGNATURE_INVALID'], 'signature', cert);
    // Revocation
    const revoked = await revokedMessage(ctx, cert, prev);
    if (revoked) return vfail(revoked, [isLeaf ? 'REVOKED' : 'ISSUER_REVOKED'], 'revoked', cert);
    // Unresolved critical extensions
    if (hasUnrecognizedCritical(cert)) return vfail('unrecognized critical extension(s)', ['UNKNOWN_CRITICAL_EXTENSION'], 'critical', cert);
    prev = cert;
  }
  return null;
}

/** PKIXValidator.verifyTrustAnchor (in toArray, after validation or building succeeds). */
function anchorProblem(anchor: CertificateModel): string | null {
  if (anchor.version < 3) return null;
  if (basicConstraintsOf(anchor) === -1) return `TrustAnchor with subject "${javaDn(anchor.subject)}" is not a CA certificate`;
  const ku = kuOf(anchor);
  if (ku && !ku.includes('keyCertSign')) return `TrustAnchor with subject "${javaDn(anchor.subject)}" does not have keyCertSign bit set in KeyUsage extension`;
  return null;
}

/** The anchors PKIXCertPathValidator tries for a path whose top certificate is `top` (AdaptableX509CertSelector). */
function anchorsFor(top: CertificateModel, anchors: readonly CertificateModel[]): CertificateModel[] {
  const aki = findExtension(top, 'authorityKeyIdentifier');
  const keyId = aki && !aki.decodeError ? aki.keyIdentifierHex?.toLowerCase() ?? null : null;
  const serial = aki && !aki.decodeError ? aki.authorityCertSerialNumberHex : null;
  return anchors.filter((a) => {
    if (!javaNamesEqual(a.subject, top.issuer)) return false;
    const ski = subjectKeyId(a);
    if (keyId !== null && ski !== null && ski !== keyId) return false;
    if (serial !== null && a.version > 2 && stripZeros(serial) !== stripZeros(a.serialNumberHex)) return false;
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// SunCertPathBuilder (forward depth-first search)
// ---------------------------------------------------------------------------------------------

interface BuildState {
  readonly traversedCACerts: number;
  readonly selfIssued: boolean;
}

interface Built {
  readonly path: readonly CertificateModel[];
  readonly anchor: CertificateModel;
}

function sameKey(a: CertificateModel, b: CertificateModel): boolean {
  return a.publicKey.spkiSha256Hex === b.publicKey.spkiSha256Hex;
}

/** SunCertPathBuilder.repeated: the same certificate, or the same subject, key and SAN bytes. */
function repeated(a: CertificateModel, b: CertificateModel): boolean {
  if (a.sha256Hex === b.sha256Hex) return true;
  if (!javaNamesEqual(a.subject, b.subject) || !sameKey(a, b)) return false;
  const sa = findExtension(a, 'subjectAltName');
  const sb = findExtension(b, 'subjectAltName');
  if (!sa || !sb) return !sa && !sb;
  return sa.valueHex === sb.valueHex;
}

/** AdaptableX509CertSelector.setValidityPeriod: version 1 and 2 issuers must cover the child's validity. */
function v1PeriodOk(cand: CertificateModel, child: CertificateModel): boolean {
  if (cand.version >= 3) return true;
  return timeState(cand, Date.parse(child.notBefore)) === 0 && timeState(cand, Date.parse(child.notAfter)) === 0;
}

/** The builder's final verification of a completed path (BasicChecker signatures, ConstraintsChecker, AlgorithmChecker, revocation, critical extensions). */
async function finalVerification(ctx: VerifyContext, path: readonly CertificateModel[], anchor: CertificateModel): Promise<'ok' | 'fail' | 'revoked-target'> {
  const n = path.length;
  const topFirst = [...path].reverse();
  let prev = anchor;
  let maxPathLength = n;
  let nc: NcState | null = null;
  const policy = policyState(n);
  for (let i = 0; i < n; i++) {
    const cert = topFirst[i];
    if (!cert) break;
    const idx = i + 1;
    const isLeaf = idx === n;
    if (!javaNamesEqual(cert.issuer, prev.subject)) return 'fail';
    if (!(await javaSignature(ctx, cert, prev))) return 'fail';
    if (policyCheck(policy, cert)) return 'fail';
    if (!isLeaf) {
      let pathLen = -1;
      if (cert.version < 3) {
        if (idx === 1 && selfIssued(cert)) pathLen = Number.MAX_SAFE_INTEGER;
      } else pathLen = basicConstraintsOf(cert);
      if (pathLen === -1) return 'fail';
      if (!selfIssued(cert)) {
        if (maxPathLength <= 0) return 'fail';
        maxPathLength--;
      }
      if (pathLen < maxPathLength) maxPathLength = pathLen;
    }
    if (nc && (isLeaf || !selfIssued(cert)) && ncVerify(nc, cert) !== true) return 'fail';
    nc = mergeNc(nc, cert);
    if (sigAlgDisabled(cert) || jdkCaSha1(ctx, anchor, cert) || weakKey(cert) || weakKey(prev)) return 'fail';
    const ku = kuOf(cert);
    if (ku && !ku.some((u) => u !== 'encipherOnly' && u !== 'decipherOnly')) return 'fail';
    if (await revokedMessage(ctx, cert, prev)) return isLeaf ? 'revoked-target' : 'fail';
    if (hasUnrecognizedCritical(cert)) return 'fail';
    prev = cert;
  }
  return 'ok';
}

/** The search SunCertPathBuilder runs for one target. */
interface PathSearch {
  readonly ctx: VerifyContext;
  readonly chain: readonly CertificateModel[];
  readonly anchors: readonly CertificateModel[];
  readonly anchorSha: ReadonlySet<string>;
  readonly trustedSubjects: readonly string[];
  readonly maxPathLength: number;
  budget: number;
  aborted: boolean;
}

function addCandidate(out: CertificateModel[], c: CertificateModel): void {
  if (!out.some((x) => x.sha256Hex === c.sha256Hex)) out.push(c);
}

/** ForwardBuilder's order: the key id matches, then an issuer named by a trust anchor, then the rest. */
function candidateRank(s: PathSearch, aki: string | null, c: CertificateModel): number {
  if (aki !== null && subjectKeyId(c) === aki) return 0;
  if (s.trustedSubjects.includes(javaNameKey(c.issuer))) return 1;
  return 2;
}

function candidatesOf(s: PathSearch, top: CertificateModel, state: BuildState, cpList: readonly CertificateModel[]): CertificateModel[] {
  const out: CertificateModel[] = [];
  for (const a of s.anchors) if (javaNamesEqual(a.subject, top.issuer) && v1PeriodOk(a, top)) addCandidate(out, a);
  if (s.maxPathLength === -1 || s.maxPathLength > state.traversedCACerts) {
    for (const c of s.chain) {
      if (!javaNamesEqual(c.subject, top.issuer) || !v1PeriodOk(c, top)) continue;
      if (timeState(c, s.ctx.at) !== 0) continue;
      if (basicConstraintsOf(c) < state.traversedCACerts) continue;
      addCandidate(out, c);
    }
  }
  if (out.length === 0) return out;
  const aki = authorityKeyId(top);
  return out
    .map((c, i) => ({ c, i, r: candidateRank(s, aki, c) }))
    .sort((x, y) => x.r - y.r || y.i - x.i)
    .map((x) => x.c)
    .filter((c) => !cpList.some((p) => repeated(c, p)));
}

async function dfs(s: PathSearch, cpList: readonly CertificateModel[], state: BuildState): Promise<Built | null> {
  const top = cpList[cpList.length - 1];
  if (!top) return null;
  for (const cand of candidatesOf(s, top, state, cpList)) {
    if (s.aborted || s.budget-- <= 0) return null;
    const trusted = s.anchorSha.has(cand.sha256Hex);
    if (!trusted) {
      if (hasUnrecognizedCritical(cand)) continue;
      if (basicConstraintsOf(cand) === -1) continue;
      const ku = kuOf(cand);
      if (ku && !ku.includes('keyCertSign')) continue;
    }
    if (trusted) {
      const r = await finalVerification(s.ctx, cpList, cand);
      if (r === 'ok') return { path: cpList, anchor: cand };
      if (r === 'revoked-target') {
        s.aborted = true;
        return null;
      }
      continue;
    }
    if (state.selfIssued && selfIssued(cand)) return null;
    const next: BuildState = {
      traversedCACerts: state.traversedCACerts + (!selfIssued(cand) && basicConstraintsOf(cand) !== -1 ? 1 : 0),
      selfIssued: selfIssued(cand),
    };
    const r = await dfs(s, [...cpList, cand], next);
    if (r || s.aborted) return r;
  }
  return null;
}

async function buildPath(ctx: VerifyContext, chain: readonly CertificateModel[], anchors: readonly CertificateModel[]): Promise<Built | null> {
  const leaf = chain[0];
  if (!leaf) return null;
  // Target selection: the leaf itself, valid now (end entities and CAs alike).
  if (timeState(leaf, ctx.at) !== 0) return null;
  if (hasUnrecognizedCritical(leaf)) return null;
  const s: PathSearch = {
    ctx,
    chain,
    anchors,
    anchorSha: new Set(anchors.map((a) => a.sha256Hex)),
    trustedSubjects: anchors.map((a) => javaNameKey(a.subject)),
    maxPathLength: ctx.maxIntermediates ?? 5,
    budget: 2000,
    aborted: false,
  };
  return dfs(s, [leaf], { traversedCACerts: 0, selfIssued: selfIssued(leaf) });
}

// ---------------------------------------------------------------------------------------------
// PKIXValidator.engineValidate
// ---------------------------------------------------------------------------------------------

type Validated = { readonly ok: true; readonly chain: readonly CertificateModel[] } | { readonly ok: false; readonly error: JavaError };

async function doValidate(ctx: VerifyContext, path: readonly CertificateModel[], anchors: readonly CertificateModel[]): Promise<Validated> {
  const top = path[path.length - 1];
  if (!top) return { ok: false, error: err(BUILD_FAILED, ['CHAIN_ISSUER_NOT_FOUND'], 'build') };
  const tried = anchorsFor(top, anchors);
  let last: JavaError | null = null;
  for (const anchor of tried) {
    const e = await validatePath(ctx, path, anchor);
    if (!e) {
      const p = anchorProblem(anchor);
      if (p) return { ok: false, error: err(`PKIX path validation failed: sun.security.validator.ValidatorException: ${p}`, ['CHAIN_ISSUER_NOT_CA'], 'anchor', anchor) };
      return { ok: true, chain: [...path, anchor] };
    }
    last = e;
  }
  if (last) return { ok: false, error: last };
  return { ok: false, error: vfail('Path does not chain with any of the trust anchors', ['CHAIN_ISSUER_NOT_FOUND'], 'build') };
}

async function doBuild(ctx: VerifyContext, chain: readonly CertificateModel[], anchors: readonly CertificateModel[]): Promise<Validated> {
  const built = await buildPath(ctx, chain, anchors);
  if (!built) return { ok: false, error: err(BUILD_FAILED, buildCodes(ctx, chain, anchors), 'build') };
  const p = anchorProblem(built.anchor);
  if (p) return { ok: false, error: err(`PKIX path building failed: sun.security.validator.ValidatorException: ${p}`, ['CHAIN_ISSUER_NOT_CA'], 'anchor', built.anchor) };
  return { ok: true, chain: [...built.path, built.anchor] };
}

/** Why the builder found nothing, as well as the certificates tell (the message never says). */
function buildCodes(ctx: VerifyContext, chain: readonly CertificateModel[], anchors: readonly CertificateModel[]): VerifyCode[] {
  const leaf = chain[0];
  if (!leaf) return ['CHAIN_ISSUER_NOT_FOUND'];
  const t = timeState(leaf, ctx.at);
  if (t !== 0) return [t < 0 ? 'NOT_YET_VALID' : 'EXPIRED'];
  if (hasUnrecognizedCritical(leaf)) return ['UNKNOWN_CRITICAL_EXTENSION'];
  const reachable = [...chain, ...anchors].filter((c) => c.sha256Hex !== leaf.sha256Hex);
  const issuers = reachable.filter((c) => javaNamesEqual(c.subject, leaf.issuer));
  if (issuers.length === 0) return ['CHAIN_ISSUER_NOT_FOUND'];
  if (issuers.some((c) => !anchors.includes(c) && timeState(c, ctx.at) !== 0)) return ['CHAIN_ISSUER_EXPIRED'];
  if (issuers.some((c) => !anchors.includes(c) && basicConstraintsOf(c) === -1)) return ['CHAIN_ISSUER_NOT_CA'];
  if (issuers.some((c) => !anchors.includes(c) && hasUnrecognizedCritical(c))) return ['UNKNOWN_CRITICAL_EXTENSION'];
  return ['CHAIN_ISSUER_NOT_FOUND'];
}

async function engineValidate(ctx: VerifyContext, chain: readonly CertificateModel[], anchors: readonly CertificateModel[]): Promise<Validated> {
  const anchorSha = new Set(anchors.map((a) => a.sha256Hex));
  const trustedSubjectKeys = new Map<string, string[]>();
  for (const a of anchors) {
    const k = javaNameKey(a.subject);
    trustedSubjectKeys.set(k, [...(trustedSubjectKeys.get(k) ?? []), a.publicKey.spkiSha256Hex]);
  }
  const leaf = chain[0];
  if (!leaf) return { ok: false, error: err(BUILD_FAILED, ['CHAIN_ISSUER_NOT_FOUND'], 'build') };
  if (anchorSha.has(leaf.sha256Hex)) return { ok: true, chain: [leaf] };
  for (let i = 1; i < chain.length; i++) {
    const c = chain[i];
    const before = chain[i - 1];
    if (!c || !before) break;
    if (!javaNamesEqual(c.subject, before.issuer)) return doBuild(ctx, chain, anchors);
    const keys = trustedSubjectKeys.get(javaNameKey(c.subject));
    if (anchorSha.has(c.sha256Hex) || (keys && keys.includes(c.publicKey.spkiSha256Hex))) return doValidate(ctx, chain.slice(0, i), anchors);
  }
  const last = chain[chain.length - 1];
  if (last && trustedSubjectKeys.has(javaNameKey(last.issuer))) return doValidate(ctx, chain, anchors);
  return doBuild(ctx, chain, anchors);
}

// ---------------------------------------------------------------------------------------------
// EndEntityChecker
// ---------------------------------------------------------------------------------------------

const MS_SGC = '1.3.6.1.4.1.311.10.3.3';
const NS_SGC = '2.16.840.1.113730.4.1';

function ekuAllows(cert: CertificateModel, oid: string): boolean {
  const eku = findReadable(cert, 'extKeyUsage', JAVA_READS)?.purposes.map((p) => p.oid) ?? null;
  if (!eku) return true;
  return eku.includes(oid) || eku.includes('2.5.29.37.0');
}

/**
 * engineValidate, once per input when it cannot depend on the role: the role enters it only
 * through jdkCaSha1, which needs a built-in anchor. A failure it throws is shared the same way.
 */
function validateShared(ctx: VerifyContext, chain: readonly CertificateModel[], anchors: readonly CertificateModel[]): Promise<Validated> {
  const byRole = ctx.anchors.some((a) => a.kind === 'builtin');
  return sharedOr(ctx.shared, `java.validate ${ctx.leaf.sha256Hex}${byRole ? ` ${ctx.role}` : ''}`, () => engineValidate(ctx, chain, anchors));
}

function endEntityError(ctx: VerifyContext, leaf: CertificateModel): JavaError | null {
  const ku = kuOf(leaf);
  if (ku && !ku.includes('digitalSignature')) return err('KeyUsage does not allow digital signatures', ['KU_DIGITAL_SIGNATURE_MISSING'], 'ee-ku', leaf);
  const ns = findExtension(leaf, 'netscapeCertType');
  if (ctx.role === 'tlsServer') {
    if (!ekuAllows(leaf, '1.3.6.1.5.5.7.3.1') && !ekuAllows(leaf, MS_SGC) && !ekuAllows(leaf, NS_SGC)) return err('Extended key usage does not permit use for TLS server authentication', ['EKU_SERVER_AUTH_MISSING'], 'ee-eku', leaf);
    if (ns && !ns.decodeError && !ns.types.includes('sslServer')) return err('Netscape cert type does not permit use for SSL server', ['NS_CERT_TYPE_EXCLUDES'], 'ee-ns', leaf);
  } else {
    if (!ekuAllows(leaf, '1.3.6.1.5.5.7.3.2')) return err('Extended key usage does not permit use for TLS client authentication', ['EKU_CLIENT_AUTH_MISSING'], 'ee-eku', leaf);
    if (ns && !ns.decodeError && !ns.types.includes('sslClient')) return err('Netscape cert type does not permit use for SSL client', ['NS_CERT_TYPE_EXCLUDES'], 'ee-ns', leaf);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// HostnameChecker (TYPE_TLS, not chained to a public CA)
// ---------------------------------------------------------------------------------------------

/** SNIHostName's validity test (IDN.toASCII with STD3 rules, no trailing dot). */
function sniValid(name: string): boolean {
  if (name === '' || name.endsWith('.')) return false;
  const ascii = /^[ -~]*$/u.test(name) ? name : null;
  if (ascii === null) return true;
  return name.split('.').every((l) => l !== '' && l.length <= 63 && /^[A-Za-z0-9-]+$/u.test(l) && !l.startsWith('-') && !l.endsWith('-'));
}

function normalizeIdn(s: string): string {
  return toUnicodeHost(s.toLowerCase());
}

function matchWildCards(name: string, template: string): boolean {
  let wildcardIdx = template.indexOf('*');
  if (wildcardIdx === -1) return name === template;
  let isBeginning = true;
  let after = template;
  let rest = name;
  while (wildcardIdx !== -1) {
    const before = after.slice(0, wildcardIdx);
    after = after.slice(wildcardIdx + 1);
    const start = rest.indexOf(before);
    if (start === -1 || (isBeginning && start !== 0)) return false;
    isBeginning = false;
    rest = rest.slice(start + before.length);
    wildcardIdx = after.indexOf('*');
  }
  return rest.endsWith(after);
}

function isMatched(name: string, template: string): boolean {
  const n = normalizeIdn(name);
  const t = normalizeIdn(template);
  if (t === '*' || t === '*.') return false;
  const last = t.lastIndexOf('*');
  if (last !== -1 && !t.slice(last).includes('.')) return false;
  if (!sniValid(t.replace(/\*/gu, 'x'))) return false;
  const nl = n.split('.').filter((x) => x !== '');
  const tl = t.split('.').filter((x) => x !== '');
  if (nl.length !== tl.length) return false;
  return nl.every((l, i) => matchWildCards(l, tl[i] ?? ''));
}

const hostnameCache = new WeakMap<CertificateModel, { readonly key: string; readonly error: JavaError | null }>();

/** HostnameChecker's error for `leaf` and the peer name; the last name asked for is remembered per certificate. */
function hostnameError(leaf: CertificateModel, host: NonNullable<VerifyContext['host']>): JavaError | null {
  const key = host.kind === 'ip' ? `ip:${host.value}|${host.bytes.join('.')}` : `dns:${host.value}`;
  const hit = hostnameCache.get(leaf);
  if (hit?.key === key) return hit.error;
  const error = hostnameErrorOf(leaf, host);
  hostnameCache.set(leaf, { key, error });
  return error;
}

function hostnameErrorOf(leaf: CertificateModel, host: NonNullable<VerifyContext['host']>): JavaError | null {
  const san = javaSan(leaf);
  if (host.kind === 'ip') {
    if (san === null) return err('No subject alternative names present', ['SAN_MISSING', 'HOSTNAME_MISMATCH'], 'hostname', leaf);
    const want = v4Mapped(host.bytes) ?? host.bytes;
    for (const n of san) {
      if (n.type !== 'ip') continue;
      const b = parseIp(n.value);
      if (!b) continue;
      const got = v4Mapped(b) ?? b;
      if (got.length === want.length && got.every((x, i) => x === want[i])) return null;
    }
    return err(`No subject alternative names matching IP address ${host.value} found`, ['HOSTNAME_MISMATCH'], 'hostname', leaf);
  }
  const name = host.value;
  if (!sniValid(name)) return err(`Illegal given domain name: ${name}`, ['INVALID_NAME'], 'hostname', leaf);
  if (san !== null) {
    const dns = san.filter((n) => n.type === 'dns');
    if (dns.some((n) => isMatched(name, n.value))) return null;
    if (dns.length > 0) return err(`No subject alternative DNS name matching ${name} found.`, ['HOSTNAME_MISMATCH'], 'hostname', leaf);
  }
  const cn = mostSpecificCn(leaf.subject);
  if (cn !== null) {
    if (cn.normalize('NFKC') !== cn) return err(`Not a formal name ${cn}`, ['INVALID_NAME'], 'hostname', leaf);
    if (isMatched(name, cn)) return null;
  }
  return err(`No name matching ${name} found`, san === null ? ['SAN_MISSING', 'HOSTNAME_MISMATCH'] : ['HOSTNAME_MISMATCH'], 'hostname', leaf);
}

// ---------------------------------------------------------------------------------------------
// Fixes, in Java's terms
// ---------------------------------------------------------------------------------------------

function fixFor(e: JavaError, ctx: VerifyContext): string {
  const server = ctx.role === 'tlsServer';
  const store = server
    ? 'the client’s truststore (keytool -importcert -alias ca -file ca.pem -keystore truststore.p12, then -Djavax.net.ssl.trustStore=truststore.p12)'
    : 'the server’s truststore (Spring Boot server.ssl.trust-store, Tomcat truststoreFile, Kafka ssl.truststore.location)';
  const who = server ? 'the server' : 'the client';
  switch (e.kind) {
    case 'parse':
      return 'Java’s CertificateFactory cannot read this certificate, so JSSE aborts the handshake: reissue it with a well-formed encoding (a non-empty issuer, no duplicate extensions, a critical SAN when the subject is empty).';
    case 'truststore':
      return `Java needs at least one trusted CA certificate: import the issuing root into ${store}.`;
    case 'build':
      return `Make ${who} send its intermediates with the leaf and import the root that issued them into ${store}; Java does not fetch missing issuers.`;
    case 'validity':
      return 'Renew the expired (or not yet valid) certificate: Java checks the dates of every certificate on the path, intermediates included.';
    case 'chaining':
    case 'signature':
      return `Send the intermediates in order, each signed by the next: ${who} must present the chain as issued (leaf first), matching the root in ${store}.`;
    case 'algorithm':
      return 'Reissue with a stronger key or signature: jdk.certpath.disabledAlgorithms in java.security refuses MD2/MD5 signatures, SHA-1 signatures under the JDK’s own cacerts roots for TLS servers, RSA or DSA keys under 1024 bits and EC keys under 224 bits.';
    case 'key-usage-ca':
    case 'not-ca':
      return 'Reissue the intermediate as a CA certificate (basicConstraints critical CA:TRUE, keyUsage keyCertSign): Java refuses to chain through a certificate that is not a CA.';
    case 'path-length':
      return 'Shorten the chain or reissue the CA with a larger pathLenConstraint: Java enforces basicConstraints pathLen on every intermediate.';
    case 'name-constraints':
      return 'Reissue the leaf with names inside the intermediate’s nameConstraints (Java also checks the subject DN, a Common Name that looks like a host name, and subject email addresses).';
    case 'policy':
      return 'Fix the certificate policies on the path: a CA requires an explicit policy (policyConstraints requireExplicitPolicy) that every certificate below it must carry in certificatePolicies, and Java refuses policy qualifiers in a critical certificatePolicies extension.';
    case 'critical':
      return 'Reissue without that critical extension or mark it non-critical: Java’s PKIX validator refuses critical extensions it does not process.';
    case 'anchor':
      return `The truststore entry must be a CA certificate (basicConstraints CA:TRUE and keyCertSign): import the root CA into ${store} rather than a leaf, or set -Djdk.security.allowNonCaAnchor=true.`;
    case 'revoked':
      return 'The loaded CRL lists this certificate as revoked: reissue it and deploy the new certificate.';
    case 'ee-ku':
      return server
        ? 'Reissue with keyUsage digitalSignature: Java checks it for TLS 1.3 (authType UNKNOWN) and ECDHE key exchange.'
        : 'Reissue the client certificate with keyUsage digitalSignature: Java’s checkClientTrusted requires it.';
    case 'ee-eku':
      return server ? 'Reissue with extendedKeyUsage serverAuth (or no EKU at all).' : 'Reissue with extendedKeyUsage clientAuth (or no EKU at all): the server’s JSSE trust manager refuses client certificates without it.';
    case 'ee-ns':
      return 'Remove the legacy Netscape cert type extension or add the SSL role to it: Java still honours it.';
    case 'hostname':
      return 'Reissue with a subjectAltName DNS entry (or IP entry) for the name clients connect to; Java falls back to the Common Name only when there is no DNS SAN, or connect with a name the certificate carries.';
  }
}

function refuse(e: JavaError, ctx: VerifyContext, chain: readonly CertificateModel[] | null): VerifierAnswer {
  return { accepts: false, error: e.text, codes: e.codes, fix: fixFor(e, ctx), path: chain ? chain.map((c) => c.sha256Hex) : null };
}

// ---------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------

export const javaVerifier: VerifierModel = {
  id: 'java',
  label: 'Java',
  standsFor: 'Java JSSE / PKIX (Tomcat, Spring, Kafka, Elasticsearch)',
  roles: ['tlsServer', 'tlsClient'],
  async verify(ctx) {
    const leaf = ctx.leaf;
    const chain: CertificateModel[] = ctx.untrusted[0]?.sha256Hex === leaf.sha256Hex ? [...ctx.untrusted] : [leaf, ...ctx.untrusted.filter((c) => c.sha256Hex !== leaf.sha256Hex)];
    // CertificateFactory: the peer's certificates, then the trust store.
    for (const c of chain) {
      const p = javaParseError(c);
      if (p) return refuse(err(p, ['MALFORMED_CERTIFICATE'], 'parse', c), ctx, null);
    }
    const anchors = ctx.anchors.map((a) => a.certificate);
    for (const a of anchors) {
      const p = javaParseError(a);
      if (p) return refuse(err(p, ['MALFORMED_CERTIFICATE'], 'parse', a), ctx, null);
    }
    if (anchors.length === 0) return refuse(err('the trustAnchors parameter must be non-empty', ['CHAIN_ISSUER_NOT_FOUND'], 'truststore'), ctx, null);
    let v: Validated;
    try {
      v = await validateShared(ctx, chain, anchors);
    } catch (e) {
      if (!(e instanceof JavaRuntimeFailure)) throw e;
      return refuse(err(e.message, ['CHAIN_NAME_CONSTRAINTS_VIOLATED'], 'name-constraints'), ctx, null);
    }
    if (!v.ok) return refuse(v.error, ctx, null);
    if (v.chain.length > 1) {
      const ee = endEntityError(ctx, leaf);
      if (ee) return refuse(ee, ctx, v.chain);
    }
    if (ctx.role === 'tlsServer' && ctx.host) {
      const h = hostnameError(leaf, ctx.host);
      if (h) return refuse(h, ctx, v.chain);
    }
    return { accepts: true, error: null, codes: [], fix: null, path: v.chain.map((c) => c.sha256Hex) };
  },
};
