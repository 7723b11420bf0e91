/**
 * Chromium's certificate verifier as a page load runs it on Linux (Debian's Chromium):
 * CertVerifyProcBuiltin over BoringSSL's pki/ path builder, then CertVerifyProc's own checks,
 * and the one net error the page load reports.
 *
 * - Trust: the Chrome Root Store plus roots added locally (NSS database, "C,,"). A locally added
 *   root is a trust anchor with its constraints enforced (expiry, keyUsage keyCertSign, EKU,
 *   basicConstraints cA, name constraints, pathLen, unknown critical extensions).
 * - Path building: issuers by normalised name only (signatures are checked when a whole candidate
 *   path is verified, never while building); the trust store first, then the certificates the
 *   server sent, then AIA; candidates ordered by trust and key-identifier match, self-issued first,
 *   newer validity first; depth-first with backtracking, at most 20 issuer look-ups; a trust
 *   anchor ends a path at once; the first valid path wins, else the first path that reached an
 *   anchor, else the first partial path is the one reported.
 * - Verification of a path collects error ids; they become status bits (MapPathBuilderErrorsToCertStatus):
 *   signature, issuer and "no issuer" errors are AUTHORITY_INVALID, time errors DATE_INVALID,
 *   unacceptable keys WEAK_KEY, and anything else INVALID only when no other bit is set. A SHA-1
 *   signature below the root is an unacceptable algorithm on the path (Chromium 150 answers
 *   ERR_CERT_INVALID for a complete SHA-1 chain; the source's SHA-1 retry no longer rescues it).
 *   CertVerifyProc then checks the chain's signature algorithms, the host name against the SAN
 *   only (no Common Name fallback), RSA keys under 1024 bits, and for Chrome Root Store chains
 *   the 398-day lifetime and internal names; one net error is picked by MapCertStatusToNetError's
 *   order (INVALID > AUTHORITY_INVALID > COMMON_NAME_INVALID > … > DATE_INVALID > …).
 * - TLS before verification: a leaf key no signature algorithm Chrome offers can use (Ed25519,
 *   P-521, P-224, RSA too small for RSA-PSS) fails the handshake
 *   (ERR_SSL_VERSION_OR_CIPHER_MISMATCH); under TLS 1.3 a keyUsage without digitalSignature is
 *   refused by BoringSSL (ERR_SSL_KEY_USAGE_INCOMPATIBLE).
 * - AIA: when a certificate has no issuer among the local certificates and carries an http
 *   caIssuers URL, Chrome fetches the issuer. The engine cannot fetch, so it assumes the URL
 *   serves the missing issuer and that it chains to a trusted root (as the lab serves it). It
 *   assumes this only when some trust anchor exists and the certificate had no local issuer
 *   candidate at all (a fetched copy of a certificate already tried adds nothing); every
 *   certificate the engine does hold is still checked.
 * - Not modelled: loaded CRL files (Chrome ignores them; it uses CRLSets), Certificate
 *   Transparency and the Chrome Root Store's own constraints (they apply to public roots only),
 *   certificate policies (no policy constraints are checked), the EV attempt (it falls back to DV).
 */
import type { CertificateModel, ExtensionModel, GeneralNameModel, GeneralSubtreeModel } from '../model';
import { authorityKeyId, findExtension, findExtensionLenient, OID, subjectAltNames, subjectKeyId } from '../chain/facts';
import { normalizeName } from '../chain/names';
import { commonNames, dirNameWithin, dnsMatches, ekuOids, EMAIL_ATTRIBUTE_OID, memoized, parseIp, selfIssued, validityMs } from './checks';
import { bitStringValid, valueNode } from './tolerance';
import type { PeerName, VerifierAnswer, VerifierModel, VerifyCode, VerifyContext } from './types';

// ---------------------------------------------------------------------------------------------
// Certificate parsing as bssl::ParsedCertificate::Create does it
// ---------------------------------------------------------------------------------------------

/** Extensions whose value ParsedCertificate parses: a value that does not parse makes the whole certificate unparseable. */
const PARSED_EXTENSIONS = new Set([
  '2.5.29.19', // basicConstraints
  '2.5.29.15', // keyUsage
  '2.5.29.37', // extKeyUsage
  '2.5.29.17', // subjectAltName
  '2.5.29.30', // nameConstraints
  '1.3.6.1.5.5.7.1.1', // authorityInfoAccess
  '2.5.29.32', // certificatePolicies
  '2.5.29.36', // policyConstraints
  '2.5.29.33', // policyMappings
  '2.5.29.54', // inhibitAnyPolicy
  '2.5.29.14', // subjectKeyIdentifier
  '2.5.29.35', // authorityKeyIdentifier
]);

/**
 * Whether ParsedCertificate reads one extension the decoder marked. Chromium's parsers
 * (net/cert/pki, now BoringSSL's pki library: parse_certificate.cc) are DER-strict: no bytes after
 * a value, every element of a list well formed, a BOOLEAN 0x00 or 0xff, a minimal INTEGER and a
 * pathLenConstraint that fits ParseUint8 (0–255), a BIT STRING whose unused bits are zero, an
 * ASCII dNSName, and no encoded `critical` FALSE (ParseExtension). Measured leniencies (Chromium
 * 150 in the lab): ParseKeyUsage keeps undefined bits and a trailing zero octet, and
 * ParseBasicConstraints takes an encoded cA FALSE.
 */
function chromeReads(e: ExtensionModel): boolean {
  for (const w of e.decodeWarnings ?? []) {
    if (w.code === 'UNDEFINED_BIT') continue;
    if (w.code === 'UNUSED_BITS' && e.kind === 'keyUsage' && bitStringValid(valueNode(e))) continue;
    if (w.code === 'BOOLEAN_ENCODING' && e.kind === 'basicConstraints' && !e.ca) continue;
    return false;
  }
  return !(e.kind === 'unknown' && e.decodeError !== undefined);
}

/** keyUsage as ParsedCertificate reads it (null when absent; only parsed certificates reach the callers). */
function chromeKeyUsages(cert: CertificateModel): readonly string[] | null {
  for (const e of cert.extensions) if (e.kind === 'keyUsage' && chromeReads(e)) return e.usages;
  return null;
}

const parseErrorCache = new WeakMap<CertificateModel, string | null>();

/** Why bssl::ParsedCertificate::Create would refuse the certificate, or null when it parses. Memoised per certificate. */
export function chromeParseError(cert: CertificateModel): string | null {
  return memoized(parseErrorCache, cert, () => parseErrorOf(cert));
}

function parseErrorOf(cert: CertificateModel): string | null {
  if (cert.version !== 3 && cert.extensions.length > 0) return 'extensions in a certificate that is not version 3';
  if (cert.version === 1 && (cert.issuerUniqueIdHex !== null || cert.subjectUniqueIdHex !== null)) return 'unique identifiers in a version 1 certificate';
  const seen = new Set<string>();
  for (const e of cert.extensions) {
    if (seen.has(e.oid)) return `duplicate extension ${e.name ?? e.oid}`;
    seen.add(e.oid);
    if (PARSED_EXTENSIONS.has(e.oid) && !chromeReads(e)) return `${e.name ?? e.oid} does not parse`;
  }
  if (cert.decodeWarnings?.some((w) => w.code === 'BOOLEAN_ENCODING' && w.field.endsWith('.critical'))) return 'an extension encodes critical FALSE (the DEFAULT) or TRUE other than 0xff';
  const ku = findExtensionLenient(cert, 'keyUsage');
  if (ku && ku.usages.length === 0) return 'keyUsage with no bit set';
  const eku = findExtension(cert, 'extKeyUsage');
  if (eku && eku.purposes.length === 0) return 'empty extKeyUsage';
  const san = findExtension(cert, 'subjectAltName');
  if (san) {
    if (san.names.length === 0) return 'empty subjectAltName';
    if (san.names.some((n) => n.type === 'ip' && parseIp(n.value) === null)) return 'subjectAltName IP address of a length other than 4 or 16';
    if (cert.subject.rdns.length === 0 && !san.critical) return 'empty subject and a subjectAltName that is not critical';
  }
  const nc = findExtension(cert, 'nameConstraints');
  if (nc) {
    if (nc.permitted.length === 0 && nc.excluded.length === 0) return 'nameConstraints with no subtrees';
    if ([...nc.permitted, ...nc.excluded].some((s) => s.minimum !== 0 || s.maximum !== null)) return 'nameConstraints with minimum or maximum';
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Keys and signature algorithms
// ---------------------------------------------------------------------------------------------

type KeyVerdict = 'ok' | 'unacceptable' | 'unparseable';

const keyVerdictCache = new WeakMap<CertificateModel, KeyVerdict>();

/** keyVerdictOf, once per certificate. */
function keyVerdict(cert: CertificateModel): KeyVerdict {
  return memoized(keyVerdictCache, cert, () => keyVerdictOf(cert));
}

/** ParseAndCheckPublicKey with SimplePathBuilderDelegate(1024): RSA >= 1024 bits, ECDSA on P-256/P-384/P-521. */
function keyVerdictOf(cert: CertificateModel): KeyVerdict {
  const k = cert.publicKey;
  switch (k.algorithm) {
    case 'RSA':
      return k.bits !== null && k.bits < 1024 ? 'unacceptable' : 'ok';
    case 'EC':
      if (k.curve === 'P-256' || k.curve === 'P-384' || k.curve === 'P-521') return 'ok';
      if (k.curve === 'P-224') return 'unacceptable';
      return 'unparseable';
    case 'Ed25519':
    case 'X25519':
    case 'DSA':
      // EVP_parse_public_key reads them; the delegate accepts only RSA and ECDSA keys.
      return 'unacceptable';
    default:
      return 'unparseable';
  }
}

type SigAlg = 'sha1' | 'strong';

const sigAlgCache = new WeakMap<CertificateModel, SigAlg | null>();

/** signatureAlgorithmOf, once per certificate. */
function signatureAlgorithm(cert: CertificateModel): SigAlg | null {
  return memoized(sigAlgCache, cert, () => signatureAlgorithmOf(cert));
}

/** bssl::ParseSignatureAlgorithm: the algorithms Chromium knows (null: unknown, refused). */
function signatureAlgorithmOf(cert: CertificateModel): SigAlg | null {
  const a = cert.signatureAlgorithm;
  const params = a.parametersHex;
  const rsaParamsOk = params === null || params === '0500';
  switch (a.oid) {
    case '1.2.840.113549.1.1.5':
    case '1.3.14.3.2.29':
      return rsaParamsOk ? 'sha1' : null;
    case '1.2.840.113549.1.1.11':
    case '1.2.840.113549.1.1.12':
    case '1.2.840.113549.1.1.13':
      return rsaParamsOk ? 'strong' : null;
    case '1.2.840.10045.4.1':
      return params === null ? 'sha1' : null;
    case '1.2.840.10045.4.3.2':
    case '1.2.840.10045.4.3.3':
    case '1.2.840.10045.4.3.4':
      return params === null ? 'strong' : null;
    case '1.2.840.113549.1.1.10': {
      const m = /^SHA-(256|384|512), MGF1 SHA-(256|384|512), salt (\d+)$/u.exec(a.parametersText ?? '');
      if (!m || m[1] !== m[2] || Number(m[3]) !== Number(m[1]) / 8) return null;
      return 'strong';
    }
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Names: host name (X509Certificate::VerifyHostname) and name constraints (bssl::NameConstraints)
// ---------------------------------------------------------------------------------------------

/** Public suffixes of more than one label that people commonly meet (the rest of the PSL is approximated by the TLD). */
const MULTI_LABEL_SUFFIXES = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'me.uk', 'net.uk', 'ltd.uk', 'plc.uk',
  'com.au', 'net.au', 'org.au', 'edu.au', 'gov.au',
  'co.nz', 'org.nz', 'net.nz', 'co.jp', 'ne.jp', 'or.jp', 'ac.jp', 'go.jp',
  'com.br', 'net.br', 'org.br', 'com.cn', 'net.cn', 'org.cn', 'gov.cn',
  'co.in', 'net.in', 'org.in', 'co.za', 'org.za', 'com.mx', 'com.tr', 'co.kr', 'or.kr',
  'com.sg', 'com.hk', 'com.tw', 'co.il', 'com.ar', 'co.id', 'com.my', 'com.ph',
]);

/** Whether `domain` (the host minus its first label, without the dot) is itself a registry-controlled suffix. */
function isRegistrySuffix(domain: string): boolean {
  return !domain.includes('.') || MULTI_LABEL_SUFFIXES.has(domain);
}

const sanDnsCache = new WeakMap<CertificateModel, readonly string[]>();
const sanIpCache = new WeakMap<CertificateModel, readonly Uint8Array[]>();

function sanDnsNames(cert: CertificateModel): readonly string[] {
  let names = sanDnsCache.get(cert);
  if (!names) {
    names = subjectAltNames(cert).filter((n) => n.type === 'dns').map((n) => n.value);
    sanDnsCache.set(cert, names);
  }
  return names;
}

function sanIps(cert: CertificateModel): readonly Uint8Array[] {
  let ips = sanIpCache.get(cert);
  if (!ips) {
    ips = subjectAltNames(cert)
      .filter((n) => n.type === 'ip')
      .map((n) => parseIp(n.value))
      .filter((b): b is Uint8Array => b !== null);
    sanIpCache.set(cert, ips);
  }
  return ips;
}

function splitFirstLabel(name: string): [string, string] {
  const i = name.indexOf('.');
  return i < 0 ? [name, ''] : [name.slice(0, i), name.slice(i)];
}

const hostMatchCache = new WeakMap<CertificateModel, { readonly key: string; readonly matches: boolean }>();

/** X509Certificate::VerifyHostname: SAN dNSName / iPAddress only, a whole-label left-most wildcard, never the Common Name. The last host asked for is remembered per certificate. */
export function chromeHostMatches(cert: CertificateModel, host: PeerName): boolean {
  const key = host.kind === 'ip' ? `ip:${host.value}|${host.bytes.join('.')}` : `dns:${host.value}`;
  const hit = hostMatchCache.get(cert);
  if (hit?.key === key) return hit.matches;
  const matches = hostMatches(cert, host);
  hostMatchCache.set(cert, { key, matches });
  return matches;
}

function hostMatches(cert: CertificateModel, host: PeerName): boolean {
  const dns = sanDnsNames(cert);
  const ips = sanIps(cert);
  if (dns.length === 0 && ips.length === 0) return false;
  if (host.kind === 'ip') return ips.some((b) => b.length === host.bytes.length && b.every((x, i) => x === host.bytes[i]));
  let reference = host.value.toLowerCase();
  if (reference === '' || reference === '.') return false;
  if (reference.endsWith('.')) reference = reference.slice(0, -1);
  const [refHost, refDomain] = splitFirstLabel(reference);
  const allowWildcards = refDomain !== '' && !isRegistrySuffix(refDomain.slice(1)) && /[^0-9.]/u.test(reference);
  for (const raw of dns) {
    if (raw === '' || raw.includes('\0')) continue;
    let presented = raw.toLowerCase();
    if (presented.endsWith('.')) presented = presented.slice(0, -1);
    if (presented.length > reference.length) continue;
    const [pHost, pDomain] = splitFirstLabel(presented);
    if (pDomain !== refDomain) continue;
    if (pHost !== '*') {
      if (pHost === refHost) return true;
      continue;
    }
    if (allowWildcards) return true;
  }
  return false;
}

function endsWithNoCase(s: string, suffix: string): boolean {
  return s.toLowerCase().endsWith(suffix.toLowerCase());
}

/** DNSNameMatches of pki/name_constraints.cc; `partial` lets "*.bar.com" match the constraint "foo.bar.com". */
function dnsNameMatches(nameIn: string, constraintIn: string, partial: boolean): boolean {
  if (constraintIn === '') return true;
  let name = nameIn;
  let constraint = constraintIn;
  if (name.endsWith('.')) name = name.slice(0, -1);
  if (constraint.endsWith('.')) constraint = constraint.slice(0, -1);
  if (partial && name.length > 2 && name.startsWith('*.')) {
    const dot = constraint.indexOf('.');
    if (dot >= 0 && constraint.slice(dot + 1).toLowerCase() === name.slice(2).toLowerCase()) return true;
  }
  if (!endsWithNoCase(name, constraint)) return false;
  if (name.length === constraint.length) return true;
  if (constraint.startsWith('.')) constraint = constraint.slice(1);
  return name.length > constraint.length && name[name.length - constraint.length - 1] === '.';
}

const RFC822_LOCAL = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]+$/u;
const RFC822_DOMAIN = /^[A-Za-z0-9.-]+$/u;

function rfc822Matches(local: string, domain: string, constraint: string, excluded: boolean, caseInsensitiveLocal: boolean): boolean {
  const parts = constraint.split('@');
  let cLocal = '';
  let cDomain: string;
  if (parts.length === 1) cDomain = parts[0] ?? '';
  else if (parts.length === 2) {
    cLocal = parts[0] ?? '';
    if (!RFC822_LOCAL.test(cLocal)) return excluded;
    cDomain = parts[1] ?? '';
  } else return excluded;
  if (!RFC822_DOMAIN.test(cDomain)) return excluded;
  if (cLocal !== '') {
    const localOk = caseInsensitiveLocal ? local.toLowerCase() === cLocal.toLowerCase() : local === cLocal;
    return localOk && domain.toLowerCase() === cDomain.toLowerCase();
  }
  if (cDomain.startsWith('.')) return endsWithNoCase(domain, cDomain);
  return domain.toLowerCase() === cDomain.toLowerCase();
}

function ipMatchesSubtree(ip: Uint8Array, base: string): boolean {
  const [a, p] = base.split('/');
  const net = parseIp(a ?? '');
  const prefix = Number(p);
  if (!net || net.length !== ip.length || !Number.isInteger(prefix)) return false;
  for (let bit = 0; bit < prefix; bit++) {
    const mask = 0x80 >> (bit & 7);
    if (((ip[bit >> 3] ?? 0) & mask) !== ((net[bit >> 3] ?? 0) & mask)) return false;
  }
  return true;
}

const NC_SUPPORTED = new Set(['email', 'dns', 'dirName', 'ip']);

class ChromeNameConstraints {
  private readonly permitted: readonly GeneralSubtreeModel[];
  private readonly excluded: readonly GeneralSubtreeModel[];
  private readonly constrained: Set<string>;
  constructor(ca: CertificateModel) {
    const nc = findExtension(ca, 'nameConstraints');
    this.permitted = nc?.permitted ?? [];
    this.excluded = nc?.excluded ?? [];
    const critical = nc?.critical ?? false;
    this.constrained = new Set([...this.permitted, ...this.excluded].map((s) => formOf(s.base)).filter((t) => critical || NC_SUPPORTED.has(t)));
  }
  private permits(form: string): GeneralSubtreeModel[] {
    return this.permitted.filter((s) => formOf(s.base) === form);
  }
  private excludes(form: string): GeneralSubtreeModel[] {
    return this.excluded.filter((s) => formOf(s.base) === form);
  }
  private dnsOk(name: string): boolean {
    if (this.excludes('dns').some((s) => dnsNameMatches(name, s.base.value, true))) return false;
    const p = this.permits('dns');
    return p.length === 0 || p.some((s) => dnsNameMatches(name, s.base.value, false));
  }
  private dirOk(rfc4514: string): boolean {
    if (this.excludes('dirName').some((s) => dirNameWithin(rfc4514, s))) return false;
    const p = this.permits('dirName');
    return p.length === 0 || p.some((s) => dirNameWithin(rfc4514, s));
  }
  private ipOk(ip: Uint8Array): boolean {
    if (this.excludes('ip').some((s) => ipMatchesSubtree(ip, s.base.value))) return false;
    const p = this.permits('ip');
    return p.length === 0 || p.some((s) => ipMatchesSubtree(ip, s.base.value));
  }
  private emailOk(address: string, caseInsensitiveExcludedLocal: boolean): boolean {
    const parts = address.split('@');
    if (parts.length !== 2) return false;
    const [local = '', domain = ''] = parts;
    if (local === '' || domain === '' || !RFC822_LOCAL.test(local) || !RFC822_DOMAIN.test(domain)) return false;
    if (this.excludes('email').some((s) => rfc822Matches(local, domain, s.base.value, true, caseInsensitiveExcludedLocal))) return false;
    const p = this.permits('email');
    return p.length === 0 || p.some((s) => rfc822Matches(local, domain, s.base.value, false, false));
  }
  /** NameConstraints::IsPermittedCert over the subject and SANs of `cert`. */
  permitsCert(cert: CertificateModel): boolean {
    const sanExt = findExtension(cert, 'subjectAltName');
    if (sanExt) {
      const sans = sanExt.names;
      if (sans.some((n) => !NC_SUPPORTED.has(formOf(n)) && this.constrained.has(formOf(n)))) return false;
      if (this.constrained.has('email') && sans.some((n) => n.type === 'email' && !this.emailOk(n.value, false))) return false;
      for (const n of sans) {
        if (n.type === 'dns' && !this.dnsOk(n.value)) return false;
        if (n.type === 'dirName' && !this.dirOk(n.value)) return false;
        if (n.type === 'ip') {
          const b = parseIp(n.value);
          if (b && !this.ipOk(b)) return false;
        }
      }
    } else if (this.constrained.has('email')) {
      const emails = cert.subject.rdns.flat().filter((a) => a.oid === EMAIL_ATTRIBUTE_OID).map((a) => a.value);
      if (emails.some((e) => !this.emailOk(e, true))) return false;
    }
    if (sanExt && cert.subject.rdns.length === 0) return true;
    return this.dirOk(cert.subject.rfc4514);
  }
}

function formOf(n: GeneralNameModel): string {
  return n.type === 'upn' ? 'otherName' : n.type;
}

// ---------------------------------------------------------------------------------------------
// Path building (bssl::CertPathBuilder)
// ---------------------------------------------------------------------------------------------

interface Candidate {
  readonly cert: CertificateModel;
  readonly anchor: boolean;
}

/** A synthetic issuer: what Chrome would fetch from the caIssuers URL of `child`. */
interface AiaIssuer {
  readonly aia: true;
  readonly child: CertificateModel;
}

type IssuerEntry = Candidate | AiaIssuer;

function isAia(e: IssuerEntry): e is AiaIssuer {
  return 'aia' in e;
}

type PathEnd = 'anchor' | 'aia' | 'partial' | 'limit';

interface BuiltPath {
  readonly certs: readonly CertificateModel[];
  readonly end: PathEnd;
}

const ITERATION_LIMIT = 20;
const CA_ISSUERS = '1.3.6.1.5.5.7.48.2';

const caIssuersCache = new WeakMap<CertificateModel, readonly string[]>();

function caIssuerUrls(cert: CertificateModel): readonly string[] {
  let urls = caIssuersCache.get(cert);
  if (!urls) {
    urls = caIssuerUrlsOf(cert);
    caIssuersCache.set(cert, urls);
  }
  return urls;
}

function caIssuerUrlsOf(cert: CertificateModel): string[] {
  const aia = findExtension(cert, 'authorityInfoAccess');
  if (!aia) return [];
  return aia.descriptions.filter((d) => d.method.oid === CA_ISSUERS && d.location.type === 'uri' && /^http:\/\//iu.test(d.location.value)).map((d) => d.location.value);
}

const loopKeyCache = new WeakMap<CertificateModel, string>();

/** CertIssuerIterPath key: subject, SAN and SPKI (built once per certificate). */
function loopKey(cert: CertificateModel): string {
  let key = loopKeyCache.get(cert);
  if (key === undefined) {
    const san = findExtension(cert, 'subjectAltName');
    key = `${normalizeName(cert.subject)}|${san?.valueHex ?? ''}|${cert.publicKey.spkiSha256Hex}`;
    loopKeyCache.set(cert, key);
  }
  return key;
}

/** TrustAndKeyIdentifierMatchToOrder. */
function priority(target: CertificateModel, issuer: Candidate): number {
  const aki = authorityKeyId(target);
  const ski = subjectKeyId(issuer.cert);
  const hasAkiExt = findExtension(target, 'authorityKeyIdentifier') !== null;
  const match = !hasAkiExt || aki === null || ski === null ? 1 : aki === ski ? 0 : 2;
  if (issuer.anchor) return [0, 1, 4][match] ?? 4;
  return [2, 3, 5][match] ?? 5;
}

class IssuerIter {
  private list: IssuerEntry[] | null = null;
  private cur = 0;
  private aiaDone = false;
  skipped = 0;
  constructor(
    readonly cert: CertificateModel,
    private readonly pool: PathPool,
  ) {}
  next(): IssuerEntry | null {
    if (!this.list) this.list = this.pool.issuersOf(this.cert);
    if (this.cur >= this.list.length && !this.aiaDone) {
      this.aiaDone = true;
      // Chrome fetches the caIssuers URL once the local candidates are used up, and drops a
      // fetched certificate it already had (same DER). The engine assumes the URL serves the
      // missing issuer, so a fetch only adds a path where no local candidate existed.
      if (this.list.length === 0 && this.pool.aiaAllowed && caIssuerUrls(this.cert).length > 0) this.list.push({ aia: true, child: this.cert });
    }
    const e = this.list[this.cur];
    if (!e) return null;
    this.cur++;
    return e;
  }
  hadNonSkipped(): boolean {
    return (this.list?.length ?? 0) > this.skipped;
  }
}

class PathPool {
  readonly candidates: Candidate[];
  readonly aiaAllowed: boolean;
  private readonly anchorSha: Set<string>;
  private readonly builtinSha: Set<string>;
  private readonly bySubject = new Map<string, Candidate[]>();
  constructor(ctx: VerifyContext) {
    this.anchorSha = new Set();
    this.builtinSha = new Set();
    const seen = new Set<string>();
    const list: Candidate[] = [];
    // The trust store is the first issuer source, then the certificates the server sent.
    for (const a of ctx.anchors) {
      const c = a.certificate;
      if (seen.has(c.sha256Hex) || chromeParseError(c) !== null) continue;
      seen.add(c.sha256Hex);
      this.anchorSha.add(c.sha256Hex);
      if (a.kind === 'builtin') this.builtinSha.add(c.sha256Hex);
      list.push({ cert: c, anchor: true });
    }
    // ctx.untrusted[0] is the leaf; the rest is what the server sent after it.
    for (const c of ctx.untrusted.slice(1)) {
      if (seen.has(c.sha256Hex) || chromeParseError(c) !== null) continue;
      seen.add(c.sha256Hex);
      list.push({ cert: c, anchor: false });
    }
    this.candidates = list;
    for (const c of list) {
      const key = normalizeName(c.cert.subject);
      const bucket = this.bySubject.get(key);
      if (bucket) bucket.push(c);
      else this.bySubject.set(key, [c]);
    }
    this.aiaAllowed = this.anchorSha.size > 0;
  }
  isAnchor(cert: CertificateModel): boolean {
    return this.anchorSha.has(cert.sha256Hex);
  }
  /** A root of the built-in store (Chrome Root Store): trusted without enforcing its own constraints or expiry ("known root"). */
  isKnownRoot(cert: CertificateModel): boolean {
    return this.builtinSha.has(cert.sha256Hex);
  }
  issuersOf(cert: CertificateModel): IssuerEntry[] {
    const found = this.bySubject.get(normalizeName(cert.issuer)) ?? [];
    if (found.length === 0) return [];
    const keyed = found.map((c, i) => ({ c, i, p: priority(cert, c), s: selfIssued(c.cert), nb: validityMs(c.cert).notBefore, na: validityMs(c.cert).notAfter }));
    keyed.sort((a, b) => a.p - b.p || Number(b.s) - Number(a.s) || b.nb - a.nb || b.na - a.na || a.i - b.i);
    return keyed.map((k) => k.c);
  }
}

/** CertPathIter: every candidate path in the order Chromium's path builder yields them. */
function* buildPaths(leaf: CertificateModel, pool: PathPool): Generator<BuiltPath> {
  const stack: IssuerIter[] = [];
  const present = new Set<string>();
  let next: IssuerEntry | null = { cert: leaf, anchor: pool.isAnchor(leaf) };
  let iterations = 0;
  const certsOf = (): CertificateModel[] => stack.map((s) => s.cert);
  for (;;) {
    if (next === null) {
      const top = stack[stack.length - 1];
      if (!top) return;
      iterations++;
      if (iterations > ITERATION_LIMIT) {
        yield { certs: certsOf(), end: 'limit' };
        return;
      }
      next = top.next();
      if (next === null) {
        if (!top.hadNonSkipped()) yield { certs: certsOf(), end: 'partial' };
        stack.pop();
        present.delete(loopKey(top.cert));
        continue;
      }
    }
    if (isAia(next)) {
      yield { certs: certsOf(), end: 'aia' };
      next = null;
      continue;
    }
    // A trust anchor in the leaf position is treated as unspecified trust.
    const anchor = next.anchor && stack.length > 0;
    if (anchor) {
      yield { certs: [...certsOf(), next.cert], end: 'anchor' };
      next = null;
      continue;
    }
    const key = loopKey(next.cert);
    if (present.has(key)) {
      const top = stack[stack.length - 1];
      if (top) top.skipped++;
      next = null;
      continue;
    }
    stack.push(new IssuerIter(next.cert, pool));
    present.add(key);
    next = null;
  }
}

// ---------------------------------------------------------------------------------------------
// Path verification (bssl::VerifyCertificateChain) and error mapping
// ---------------------------------------------------------------------------------------------

type ErrorId =
  | 'NoIssuersFound'
  | 'IterationLimitExceeded'
  | 'VerifySignedDataFailed'
  | 'SubjectDoesNotMatchIssuer'
  | 'ValidityFailedNotBefore'
  | 'ValidityFailedNotAfter'
  | 'UnacceptablePublicKey'
  | 'FailedParsingSpki'
  | 'UnacceptableSignatureAlgorithm'
  | 'EkuLacksServerAuth'
  | 'MissingBasicConstraints'
  | 'BasicConstraintsIndicatesNotCa'
  | 'MaxPathLengthViolated'
  | 'KeyCertSignBitNotSet'
  | 'UnconsumedCriticalExtension'
  | 'NotPermittedByNameConstraints';

interface PathError {
  readonly id: ErrorId;
  /** Index of the certificate in the path (0: leaf); -1 for errors of the path as a whole. */
  readonly index: number;
  /** For UnacceptableSignatureAlgorithm: the algorithm is a SHA-1 one. */
  readonly sha1?: boolean;
}

const HANDLED_CRITICAL = new Set(['2.5.29.19', '2.5.29.15', '2.5.29.37', '2.5.29.30', '2.5.29.17', '2.5.29.33', '2.5.29.36', '2.5.29.54']);
const CPS_QUALIFIERS = new Set(['1.3.6.1.5.5.7.2.1', '1.3.6.1.5.5.7.2.2']);
const MS_APPLICATION_POLICIES = '1.3.6.1.4.1.311.21.10';

const unconsumedCache = new WeakMap<CertificateModel, boolean>();

/** VerifyNoUnconsumedCriticalExtensions, once per certificate. */
function hasUnconsumedCritical(cert: CertificateModel): boolean {
  return memoized(unconsumedCache, cert, () => hasUnconsumedCriticalOf(cert));
}

function hasUnconsumedCriticalOf(cert: CertificateModel): boolean {
  const hasEku = findExtension(cert, 'extKeyUsage') !== null;
  return cert.extensions.some((e) => {
    if (!e.critical) return false;
    if (e.oid === MS_APPLICATION_POLICIES && hasEku) return false;
    if (e.oid === OID.certificatePolicies) {
      if (e.kind !== 'certificatePolicies') return true;
      return e.policies.some((p) => p.qualifiers.some((q) => !CPS_QUALIFIERS.has(q.oid)));
    }
    return !HANDLED_CRITICAL.has(e.oid);
  });
}

/** VerifyExtendedKeyUsage for KeyPurpose::SERVER_AUTH (the legacy-compatible mode Chrome uses). */
function ekuRefusesServerAuth(cert: CertificateModel): boolean {
  const eku = ekuOids(cert);
  if (!eku) return false;
  return !eku.includes(OID.serverAuth) && !eku.includes(OID.anyExtendedKeyUsage);
}

async function verifyPath(ctx: VerifyContext, pool: PathPool, path: BuiltPath): Promise<PathError[]> {
  const certs = path.certs;
  if (path.end === 'partial') return [{ id: 'NoIssuersFound', index: certs.length - 1 }];
  if (path.end === 'limit') return [{ id: 'IterationLimitExceeded', index: -1 }];
  const errors: PathError[] = [];
  const add = (id: ErrorId, index: number): void => {
    errors.push({ id, index });
  };
  const n = path.end === 'aia' ? certs.length + 1 : certs.length - 1;
  let maxPathLength = n;
  const constraints: ChromeNameConstraints[] = [];
  // The key and name the next certificate down is checked against: a real certificate, or
  // the issuer assumed to come from AIA.
  let working: { cert: CertificateModel; keyOk: boolean } | 'aia';
  let start: number;
  if (path.end === 'anchor') {
    const rootIndex = certs.length - 1;
    const root = certs[rootIndex] as CertificateModel;
    // ProcessRootCertificate: a root added locally (NSS "C,,") is a trust anchor with its expiry
    // and constraints enforced; a Chrome Root Store root is trusted as it is.
    if (!pool.isKnownRoot(root)) {
      const t = timeState(root, ctx.at);
      if (t < 0) add('ValidityFailedNotBefore', rootIndex);
      if (t > 0) add('ValidityFailedNotAfter', rootIndex);
      const ku = chromeKeyUsages(root);
      if (ku && !ku.includes('keyCertSign')) add('KeyCertSignBitNotSet', rootIndex);
      if (ekuRefusesServerAuth(root)) add('EkuLacksServerAuth', rootIndex);
      if (findExtension(root, 'nameConstraints')) constraints.push(new ChromeNameConstraints(root));
      const bc = findExtension(root, 'basicConstraints');
      if (bc) {
        if (!bc.ca) add('BasicConstraintsIndicatesNotCa', rootIndex);
        if (bc.pathLength !== null) maxPathLength = bc.pathLength;
      }
      if (hasUnconsumedCritical(root)) add('UnconsumedCriticalExtension', rootIndex);
    }
    const kv = keyVerdict(root);
    if (kv === 'unparseable') add('FailedParsingSpki', rootIndex);
    if (kv === 'unacceptable') add('UnacceptablePublicKey', rootIndex);
    working = { cert: root, keyOk: kv !== 'unparseable' };
    start = rootIndex - 1;
  } else {
    working = 'aia';
    start = certs.length - 1;
  }
  for (let i = start; i >= 0; i--) {
    const cert = certs[i] as CertificateModel;
    const isTarget = i === 0;
    // BasicCertificateProcessing.
    const alg = signatureAlgorithm(cert);
    if (alg !== 'strong') {
      errors.push({ id: 'UnacceptableSignatureAlgorithm', index: i, sha1: alg === 'sha1' });
      return errors;
    }
    if (working !== 'aia') {
      if (!working.keyOk) return errors;
      const sig = await ctx.signature(cert, working.cert);
      if (sig.status === 'invalid') {
        add('VerifySignedDataFailed', i);
        return errors;
      }
    }
    const t = timeState(cert, ctx.at);
    if (t < 0) add('ValidityFailedNotBefore', i);
    if (t > 0) add('ValidityFailedNotAfter', i);
    if (working !== 'aia' && normalizeName(cert.issuer) !== normalizeName(working.cert.subject)) add('SubjectDoesNotMatchIssuer', i);
    if (constraints.length > 0 && (!selfIssued(cert) || isTarget)) {
      for (const nc of constraints) if (!nc.permitsCert(cert)) add('NotPermittedByNameConstraints', i);
    }
    if (ekuRefusesServerAuth(cert)) add('EkuLacksServerAuth', i);
    const kv = keyVerdict(cert);
    if (!isTarget) {
      // PrepareForNextCertificate.
      if (kv === 'unparseable') add('FailedParsingSpki', i);
      if (kv === 'unacceptable') add('UnacceptablePublicKey', i);
      working = { cert, keyOk: kv !== 'unparseable' };
      if (findExtension(cert, 'nameConstraints')) constraints.push(new ChromeNameConstraints(cert));
      const bc = findExtension(cert, 'basicConstraints');
      if (!bc) add('MissingBasicConstraints', i);
      else if (!bc.ca) add('BasicConstraintsIndicatesNotCa', i);
      if (!selfIssued(cert)) {
        if (maxPathLength === 0) add('MaxPathLengthViolated', i);
        else maxPathLength--;
      }
      if (bc && bc.pathLength !== null && bc.pathLength < maxPathLength) maxPathLength = bc.pathLength;
      const ku = chromeKeyUsages(cert);
      if (ku && !ku.includes('keyCertSign')) add('KeyCertSignBitNotSet', i);
      if (hasUnconsumedCritical(cert)) add('UnconsumedCriticalExtension', i);
    } else {
      // WrapUp.
      if (hasUnconsumedCritical(cert)) add('UnconsumedCriticalExtension', i);
      if (kv === 'unparseable') add('FailedParsingSpki', i);
      if (kv === 'unacceptable') add('UnacceptablePublicKey', i);
    }
  }
  return errors;
}

function timeState(cert: CertificateModel, at: number): -1 | 0 | 1 {
  const v = validityMs(cert);
  if (at < v.notBefore) return -1;
  if (v.notAfter < at) return 1;
  return 0;
}

// CertStatus bits, in MapCertStatusToNetError's order of priority.
type Status = 'INVALID' | 'AUTHORITY_INVALID' | 'COMMON_NAME_INVALID' | 'WEAK_SIGNATURE_ALGORITHM' | 'WEAK_KEY' | 'DATE_INVALID' | 'VALIDITY_TOO_LONG' | 'NON_UNIQUE_NAME';
const PRIORITY: readonly Status[] = ['INVALID', 'AUTHORITY_INVALID', 'COMMON_NAME_INVALID', 'WEAK_SIGNATURE_ALGORITHM', 'WEAK_KEY', 'DATE_INVALID', 'VALIDITY_TOO_LONG', 'NON_UNIQUE_NAME'];

const NET_ERROR: Record<Status, string> = {
  INVALID: 'net::ERR_CERT_INVALID',
  AUTHORITY_INVALID: 'net::ERR_CERT_AUTHORITY_INVALID',
  COMMON_NAME_INVALID: 'net::ERR_CERT_COMMON_NAME_INVALID',
  WEAK_SIGNATURE_ALGORITHM: 'net::ERR_CERT_WEAK_SIGNATURE_ALGORITHM',
  WEAK_KEY: 'net::ERR_CERT_WEAK_KEY',
  DATE_INVALID: 'net::ERR_CERT_DATE_INVALID',
  VALIDITY_TOO_LONG: 'net::ERR_CERT_VALIDITY_TOO_LONG',
  NON_UNIQUE_NAME: 'net::ERR_CERT_NON_UNIQUE_NAME',
};

/** MapPathBuilderErrorsToCertStatus. */
function pathStatus(errors: readonly PathError[]): Set<Status> {
  const s = new Set<Status>();
  const has = (...ids: ErrorId[]): boolean => errors.some((e) => ids.includes(e.id));
  if (errors.length === 0) return s;
  if (has('UnacceptablePublicKey')) s.add('WEAK_KEY');
  if (has('ValidityFailedNotAfter', 'ValidityFailedNotBefore')) s.add('DATE_INVALID');
  if (has('VerifySignedDataFailed', 'NoIssuersFound', 'SubjectDoesNotMatchIssuer', 'IterationLimitExceeded')) s.add('AUTHORITY_INVALID');
  if (s.size === 0) s.add('INVALID');
  return s;
}

/** Finding codes for one path error. */
function codesFor(e: PathError): VerifyCode[] {
  const leaf = e.index === 0;
  switch (e.id) {
    case 'NoIssuersFound':
      return ['CHAIN_ISSUER_NOT_FOUND'];
    case 'IterationLimitExceeded':
      return ['CHAIN_TOO_LONG'];
    case 'VerifySignedDataFailed':
    case 'SubjectDoesNotMatchIssuer':
      return ['CHAIN_SIGNATURE_INVALID'];
    case 'ValidityFailedNotBefore':
      return [leaf ? 'NOT_YET_VALID' : 'CHAIN_ISSUER_EXPIRED'];
    case 'ValidityFailedNotAfter':
      return [leaf ? 'EXPIRED' : 'CHAIN_ISSUER_EXPIRED'];
    case 'UnacceptablePublicKey':
      return [leaf ? 'WEAK_RSA_KEY' : 'WEAK_ISSUER_KEY'];
    case 'FailedParsingSpki':
      return ['UNSUPPORTED_KEY'];
    case 'UnacceptableSignatureAlgorithm':
      return [e.sha1 ? 'WEAK_SIGNATURE_ALGORITHM' : 'CHAIN_SIGNATURE_UNSUPPORTED'];
    case 'EkuLacksServerAuth':
      return [leaf ? 'EKU_SERVER_AUTH_MISSING' : 'CHAIN_ISSUER_EKU_EXCLUDES'];
    case 'MissingBasicConstraints':
    case 'BasicConstraintsIndicatesNotCa':
    case 'KeyCertSignBitNotSet':
      return ['CHAIN_ISSUER_NOT_CA'];
    case 'MaxPathLengthViolated':
      return ['CHAIN_PATH_LENGTH_EXCEEDED'];
    case 'UnconsumedCriticalExtension':
      return ['UNKNOWN_CRITICAL_EXTENSION'];
    case 'NotPermittedByNameConstraints':
      return ['CHAIN_NAME_CONSTRAINTS_VIOLATED'];
  }
}

const STATUS_OF_ERROR: Record<ErrorId, Status | null> = {
  NoIssuersFound: 'AUTHORITY_INVALID',
  IterationLimitExceeded: 'AUTHORITY_INVALID',
  VerifySignedDataFailed: 'AUTHORITY_INVALID',
  SubjectDoesNotMatchIssuer: 'AUTHORITY_INVALID',
  ValidityFailedNotBefore: 'DATE_INVALID',
  ValidityFailedNotAfter: 'DATE_INVALID',
  UnacceptablePublicKey: 'WEAK_KEY',
  FailedParsingSpki: null,
  UnacceptableSignatureAlgorithm: null,
  EkuLacksServerAuth: null,
  MissingBasicConstraints: null,
  BasicConstraintsIndicatesNotCa: null,
  MaxPathLengthViolated: null,
  KeyCertSignBitNotSet: null,
  UnconsumedCriticalExtension: null,
  NotPermittedByNameConstraints: null,
};

// ---------------------------------------------------------------------------------------------
// The verifier
// ---------------------------------------------------------------------------------------------

interface Attempt {
  readonly best: { readonly path: BuiltPath; readonly errors: PathError[] } | null;
  readonly valid: boolean;
}

async function runAttempt(ctx: VerifyContext, pool: PathPool): Promise<Attempt> {
  let best: { path: BuiltPath; errors: PathError[] } | null = null;
  for (const path of buildPaths(ctx.leaf, pool)) {
    const errors = await verifyPath(ctx, pool, path);
    const entry = { path, errors };
    const trusted = path.end === 'anchor' || path.end === 'aia';
    if (errors.length === 0 && trusted) return { best: entry, valid: true };
    // The first path that reached a trust anchor replaces a partial best path.
    const bestTrusted = best !== null && (best.path.end === 'anchor' || best.path.end === 'aia');
    if (best === null || (trusted && !bestTrusted)) best = entry;
  }
  return { best, valid: false };
}

/** The certificates InspectSignatureAlgorithmsInChain looks at: the leaf and every intermediate but the last certificate of the chain. */
function inspectedCerts(path: BuiltPath): CertificateModel[] {
  const chainLength = path.end === 'aia' ? path.certs.length + 2 : path.certs.length;
  if (chainLength <= 1) return [];
  return path.certs.slice(0, Math.max(1, chainLength - 1));
}

/**
 * The server key must fit a signature algorithm Chrome offers (ECDSA P-256/SHA-256 and
 * P-384/SHA-384, RSA PKCS#1 and rsaEncryption-PSS): otherwise the server cannot complete the
 * handshake and the page load fails before any certificate check.
 */
function keyUnusableForTls(leaf: CertificateModel): boolean {
  const k = leaf.publicKey;
  // TLS 1.3 signs with RSASSA-PSS (SHA-256, 32-byte salt): a modulus under 522 bits cannot.
  if (k.algorithm === 'RSA') return k.bits !== null && k.bits < 522;
  if (k.algorithm === 'EC') return k.curve !== 'P-256' && k.curve !== 'P-384';
  return true;
}

/**
 * The same handshake step first reads the leaf's keyUsage (ssl_cert_check_key_usage): a BIT STRING
 * that is not valid (CBS_is_valid_asn1_bitstring: unused bits set, more than 7) cannot be parsed,
 * and the handshake fails with a decode error (net::ERR_SSL_PROTOCOL_ERROR, measured in the lab).
 */
function keyUsageUnreadableInTls(leaf: CertificateModel): boolean {
  const ku = leaf.extensions.find((e) => e.oid === OID.keyUsage);
  return ku !== undefined && !bitStringValid(valueNode(ku));
}

/** TLS 1.3 (BoringSSL tls13_process_certificate) refuses a server key whose keyUsage lacks digitalSignature, before the certificate is verified. */
function keyUsageIncompatible(leaf: CertificateModel): boolean {
  const ku = chromeKeyUsages(leaf);
  return ku !== null && !ku.includes('digitalSignature');
}

const DAY_MS = 86_400_000;

/** CertVerifyProc::HasTooLongValidity: more than 398 days between notBefore and notAfter (publicly trusted certificates only). */
function tooLongValidity(leaf: CertificateModel): boolean {
  const { notBefore: start, notAfter: end } = validityMs(leaf);
  return !(start <= end) || end - start > 398 * DAY_MS;
}

/** Reserved or internal names: no publicly trusted CA may issue for them. */
const NON_UNIQUE_TLDS = new Set(['local', 'localhost', 'localdomain', 'test', 'example', 'invalid', 'internal', 'intranet', 'lan', 'home', 'corp', 'private', 'arpa']);

function ipPubliclyRoutable(b: Uint8Array): boolean {
  const [a = 0, c = 0] = b;
  if (b.length === 4) {
    if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
    if (a === 169 && c === 254) return false;
    if (a === 172 && c >= 16 && c <= 31) return false;
    if (a === 192 && c === 168) return false;
    if (a === 100 && c >= 64 && c <= 127) return false;
    return true;
  }
  if (b.every((x, i) => x === (i === 15 ? 1 : 0)) || b.every((x) => x === 0)) return false;
  if ((a & 0xfe) === 0xfc) return false; // fc00::/7
  if (a === 0xfe && (c & 0xc0) === 0x80) return false; // fe80::/10
  if (a === 0xff) return false;
  return true;
}

/** IsHostnameNonUnique, approximated: private IP literals, single labels and reserved top-level names. */
function hostNonUnique(host: PeerName): boolean {
  if (host.kind === 'ip') return !ipPubliclyRoutable(host.bytes);
  const labels = host.value.toLowerCase().replace(/\.$/u, '').split('.');
  return labels.length < 2 || NON_UNIQUE_TLDS.has(labels[labels.length - 1] ?? '');
}

const FIX: Partial<Record<VerifyCode, string>> = {
  CHAIN_ISSUER_NOT_FOUND:
    'Serve the full chain (leaf then intermediates: nginx `ssl_certificate fullchain.pem`, Apache `SSLCertificateFile` with the chain appended) and, for a private CA, trust its root in Chrome (Linux: `certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n my-root -i root.pem`; Windows/macOS: the system store).',
  CHAIN_SIGNATURE_INVALID: 'A signature on the chain does not verify: serve the intermediates that really issued the certificate (re-download the CA bundle) and make sure the trusted root is the one that signed them.',
  CHAIN_TOO_LONG: 'Chrome gave up building the chain (too many candidate issuers): serve only the certificates of one chain, leaf first.',
  NOT_YET_VALID: 'The certificate is not valid yet: check the server and client clocks, or reissue it with a notBefore in the past.',
  EXPIRED: 'The certificate has expired: renew it and reload the server (e.g. `certbot renew`, then reload nginx).',
  CHAIN_ISSUER_EXPIRED: 'A CA certificate on the chain is outside its validity: serve a current intermediate and trust a current root.',
  WEAK_RSA_KEY: 'Chrome refuses this key: reissue with RSA 2048+ or ECDSA P-256/P-384.',
  WEAK_ISSUER_KEY: 'A CA on the chain has a key Chrome refuses (RSA under 1024 bits, or not RSA/ECDSA P-256/P-384/P-521): reissue from a CA with an acceptable key.',
  UNSUPPORTED_KEY: 'Chrome cannot read a public key on the chain (curve or key type it does not support): use RSA or ECDSA P-256/P-384.',
  CHAIN_SIGNATURE_UNSUPPORTED: 'A certificate on the chain is signed with an algorithm Chrome does not accept (MD5, SHA-224, DSA, Ed25519…): reissue it with SHA-256 RSA or ECDSA.',
  EKU_SERVER_AUTH_MISSING: 'Reissue the certificate with `extendedKeyUsage = serverAuth` (or without an extendedKeyUsage extension).',
  CHAIN_ISSUER_EKU_EXCLUDES: 'A CA on the chain restricts extendedKeyUsage without serverAuth: issue from a CA whose EKU includes serverAuth (or has none).',
  CHAIN_ISSUER_NOT_CA: 'A certificate used as a CA lacks `basicConstraints = critical, CA:TRUE` or keyCertSign in keyUsage: reissue the CA certificate or serve the right intermediate.',
  CHAIN_PATH_LENGTH_EXCEEDED: 'A CA\'s pathLenConstraint forbids this many intermediates below it: shorten the chain or reissue the CA with a larger pathlen.',
  UNKNOWN_CRITICAL_EXTENSION: 'A certificate on the chain has a critical extension Chrome does not process: reissue it with that extension non-critical or removed.',
  CHAIN_NAME_CONSTRAINTS_VIOLATED: 'A CA\'s name constraints do not permit the names in this certificate: reissue it with names inside the permitted subtrees.',
  MALFORMED_CERTIFICATE: 'Chrome cannot parse the certificate (duplicate or malformed extension, or extensions in a v1 certificate): reissue it from a standard CA tool.',
  HOSTNAME_MISMATCH: 'Reissue the certificate with the host name in subjectAltName (`subjectAltName = DNS:host` or `IP:addr`): Chrome never uses the Common Name.',
  COMMON_NAME_ONLY: 'The host name is only in the Common Name, which Chrome has ignored since Chrome 58: reissue the certificate with `subjectAltName = DNS:<host>`.',
  SAN_MISSING: 'The certificate has no subjectAltName: Chrome ignores the Common Name, so reissue it with `subjectAltName = DNS:<host>`.',
  WEAK_SIGNATURE_ALGORITHM: 'A certificate below the root is signed with SHA-1: reissue it (and any SHA-1 intermediate) with SHA-256.',
  LIFETIME_EXCEEDS_PUBLIC_LIMIT: 'Publicly trusted certificates may be valid for at most 398 days: reissue with a shorter lifetime (your CA or ACME client sets it).',
  INVALID_NAME: 'Public CAs may not certify internal names or private IP addresses: use a public DNS name, or a private CA whose root you trust locally.',
  KU_DIGITAL_SIGNATURE_MISSING: 'The certificate\'s keyUsage lacks digitalSignature, which TLS 1.3 requires: reissue it with `keyUsage = critical, digitalSignature` (plus keyEncipherment for RSA if you like).',
};

function answer(error: string, codes: readonly VerifyCode[], path: readonly CertificateModel[] | null): VerifierAnswer {
  const unique = [...new Set(codes)];
  const primary = unique[0];
  return { accepts: false, error, codes: unique, fix: primary ? (FIX[primary] ?? null) : null, path: path ? path.map((c) => c.sha256Hex) : null };
}

export const chromeVerifier: VerifierModel = {
  id: 'chrome',
  label: 'Chrome',
  standsFor: 'Chrome, Edge and other Chromium browsers (Chromium certificate verifier, Chrome Root Store plus locally trusted roots, AIA fetching, no Common Name)',
  roles: ['tlsServer'],
  async verify(ctx) {
    const leaf = ctx.leaf;
    // The TLS handshake reads the leaf before verification runs.
    if (keyUnusableForTls(leaf)) return answer('net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH', ['UNSUPPORTED_KEY'], null);
    if (keyUsageUnreadableInTls(leaf)) return answer('net::ERR_SSL_PROTOCOL_ERROR', ['MALFORMED_CERTIFICATE'], null);
    if (keyUsageIncompatible(leaf)) return answer('net::ERR_SSL_KEY_USAGE_INCOMPATIBLE', ['KU_DIGITAL_SIGNATURE_MISSING'], null);
    const parseError = chromeParseError(leaf);
    if (parseError !== null) return answer('net::ERR_CERT_INVALID', ['MALFORMED_CERTIFICATE'], null);

    const pool = new PathPool(ctx);
    // Chromium 150 makes one DV attempt with the strong digest policy: the SHA-1 retry
    // (DigestPolicy::kWeakAllowSha1) is gone, so a SHA-1 signature below the root is an
    // unacceptable signature algorithm (ERR_CERT_INVALID), as the lab shows.
    const attempt = await runAttempt(ctx, pool);
    const best = attempt.best;
    const status = new Set<Status>();
    const codes: { status: Status; codes: VerifyCode[] }[] = [];
    if (!best) {
      status.add('AUTHORITY_INVALID');
      codes.push({ status: 'AUTHORITY_INVALID', codes: ['CHAIN_ISSUER_NOT_FOUND'] });
    } else {
      const st = pathStatus(best.errors);
      for (const s of st) status.add(s);
      for (const e of best.errors) {
        // Errors without a bit of their own explain INVALID (or come after the reported error).
        codes.push({ status: STATUS_OF_ERROR[e.id] ?? 'INVALID', codes: codesFor(e) });
      }
      // CertVerifyProc::Verify on the chain it settled on.
      const inspected = inspectedCerts(best.path);
      let sha1 = false;
      for (const c of inspected) {
        const alg = signatureAlgorithm(c);
        if (alg === null) {
          status.add('INVALID');
          codes.push({ status: 'INVALID', codes: ['CHAIN_SIGNATURE_UNSUPPORTED'] });
          break;
        }
        if (alg === 'sha1') sha1 = true;
      }
      if (sha1) {
        status.add('WEAK_SIGNATURE_ALGORITHM');
        codes.push({ status: 'WEAK_SIGNATURE_ALGORITHM', codes: ['WEAK_SIGNATURE_ALGORITHM'] });
      }
      const weakRsa = best.path.certs.findIndex((c) => c.publicKey.algorithm === 'RSA' && c.publicKey.bits !== null && c.publicKey.bits < 1024);
      if (weakRsa >= 0) {
        status.add('WEAK_KEY');
        codes.push({ status: 'WEAK_KEY', codes: [weakRsa === 0 ? 'WEAK_RSA_KEY' : 'WEAK_ISSUER_KEY'] });
      }
    }
    if (ctx.host && !chromeHostMatches(leaf, ctx.host)) {
      status.add('COMMON_NAME_INVALID');
      const hasName = sanDnsNames(leaf).length > 0 || sanIps(leaf).length > 0;
      const host = ctx.host;
      const cnWouldMatch = !hasName && host.kind === 'dns' && commonNames(leaf).some((cn) => dnsMatches(cn, host.value));
      codes.push({ status: 'COMMON_NAME_INVALID', codes: hasName ? ['HOSTNAME_MISMATCH'] : cnWouldMatch ? ['COMMON_NAME_ONLY', 'SAN_MISSING'] : ['SAN_MISSING', 'HOSTNAME_MISMATCH'] });
    }
    // Policies for chains to a Chrome Root Store root (is_issued_by_known_root).
    const top = best?.path.end === 'anchor' ? best.path.certs[best.path.certs.length - 1] : undefined;
    if (top && pool.isKnownRoot(top)) {
      if (tooLongValidity(leaf)) {
        status.add('VALIDITY_TOO_LONG');
        codes.push({ status: 'VALIDITY_TOO_LONG', codes: ['LIFETIME_EXCEEDS_PUBLIC_LIMIT'] });
      }
      if (ctx.host && hostNonUnique(ctx.host)) {
        status.add('NON_UNIQUE_NAME');
        codes.push({ status: 'NON_UNIQUE_NAME', codes: ['INVALID_NAME'] });
      }
    }
    const path = best ? [...best.path.certs] : null;
    const reported = PRIORITY.find((s) => status.has(s));
    if (!reported) return { accepts: true, error: null, codes: [], fix: null, path: path ? path.map((c) => c.sha256Hex) : null };
    const ordered = [...codes.filter((c) => c.status === reported), ...PRIORITY.filter((s) => s !== reported).flatMap((s) => codes.filter((c) => c.status === s))].flatMap((c) => c.codes);
    return answer(NET_ERROR[reported], ordered, path);
  },
};

