/**
 * Go's crypto/x509 `Certificate.Verify` (the version the lab runs; Debian's Go 1.19), as called
 * by crypto/tls: a client verifying a server passes DNSName and KeyUsages [ServerAuth]; a server
 * verifying a client passes KeyUsages [ClientAuth] and no name. Order of checks, as in verify.go:
 * the leaf's own validity (unhandled critical extensions, time), then the host name, then chain
 * building (roots before intermediates; candidates by exact issuer bytes, ordered by key id;
 * a candidate whose signature fails is skipped and remembered as the hint; each candidate's
 * isValid: critical extensions, time, name constraints over SANs, CA flag, path length), then
 * EKU over the whole chain, anchor included. No revocation, no key-size floor, SHA-1 refused.
 */
import type { CertificateModel, ExtensionModel } from '../model';
import { authorityKeyId, findExtension, findExtensionLenient, subjectKeyId } from '../chain/facts';
import { TAG } from '../input/der';
import { bitStringValid, tlvs, valueNode } from './tolerance';
import { signatureAlgorithmsAgree } from '../chain/profile';
import type { SignatureCheck } from '../chain/types';
import {
  commonNames,
  ekuFor,
  emailWithin,
  hasSanLenient,
  ipMatches,
  MD_SIGNATURES,
  memoized,
  parseIp,
  sanNamesLenient,
  SHA1_SIGNATURES,
  timeState,
  unhandledCritical,
  uriHost,
} from './checks';
import type { VerifierAnswer, VerifierModel, VerifyCode, VerifyContext } from './types';
import { sharedOr } from './shared';

/** Extensions Go's parser processes (crypto/x509/parser.go); any other critical one is "unhandled". */
const HANDLED = new Set([
  '2.5.29.15', // keyUsage
  '2.5.29.19', // basicConstraints
  '2.5.29.17', // subjectAltName
  '2.5.29.30', // nameConstraints
  '2.5.29.31', // cRLDistributionPoints
  '2.5.29.35', // authorityKeyIdentifier
  '2.5.29.37', // extKeyUsage
  '2.5.29.14', // subjectKeyIdentifier
  '2.5.29.32', // certificatePolicies
  '1.3.6.1.5.5.7.1.1', // authorityInfoAccess
]);

const SUPPORTED_NC_FORMS = new Set(['dns', 'email', 'uri', 'ip']);
const SAN_FORMS_GO_KEEPS = new Set(['dns', 'email', 'uri', 'ip']);

function goTime(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/u, 'Z');
}

const unhandledCache = new WeakMap<CertificateModel, boolean>();

/** Critical extensions Go does not handle, including a SAN with no name form it keeps and name constraints with forms it does not support. Memoised per certificate. */
function goUnhandled(cert: CertificateModel): boolean {
  return memoized(unhandledCache, cert, () => goUnhandledOf(cert));
}

function goUnhandledOf(cert: CertificateModel): boolean {
  // Only certificates Go parsed get here: every extension it handles was read (goExtensionError).
  if (unhandledCritical(cert, HANDLED, () => true).length > 0) return true;
  const san = findExtensionLenient(cert, 'subjectAltName');
  if (san?.critical && !san.names.some((n) => SAN_FORMS_GO_KEEPS.has(n.type))) return true;
  const nc = findExtension(cert, 'nameConstraints');
  if (nc?.critical && [...nc.permitted, ...nc.excluded].some((s) => !SUPPORTED_NC_FORMS.has(s.base.type))) return true;
  return false;
}

interface GoError {
  readonly text: string;
  readonly codes: readonly VerifyCode[];
}

/** net.IP.Equal: a v4-mapped IPv6 address equals its IPv4 address. */
function sameIpGo(value: string, ip: Uint8Array): boolean {
  const b = parseIp(value);
  if (!b) return false;
  const v4 = (x: Uint8Array): Uint8Array => (x.length === 16 && x.slice(0, 10).every((y) => y === 0) && x[10] === 0xff && x[11] === 0xff ? x.slice(12) : x);
  const a1 = v4(b);
  const a2 = v4(ip);
  return a1.length === a2.length && a1.every((x, i) => x === a2[i]);
}

function timeError(cert: CertificateModel, ctx: VerifyContext): GoError | null {
  const t = timeState(cert, ctx.at);
  if (t === 0) return null;
  const detail = t < 0 ? `current time ${goTime(ctx.atIso)} is before ${goTime(cert.notBefore)}` : `current time ${goTime(ctx.atIso)} is after ${goTime(cert.notAfter)}`;
  return { text: `x509: certificate has expired or is not yet valid: ${detail}`, codes: [t < 0 ? 'NOT_YET_VALID' : 'EXPIRED'] };
}

/** domainToReverseLabels: labels right to left; a leading dot is dropped, a trailing one or an empty label is invalid; bytes 33..126 only. */
function dnsReverseLabels(name: string): string[] | null {
  const labels: string[] = [];
  let d = name;
  while (d.length > 0) {
    const i = d.lastIndexOf('.');
    if (i === -1) {
      labels.push(d);
      d = '';
    } else {
      labels.push(d.slice(i + 1));
      d = d.slice(0, i);
    }
  }
  if (labels.some((l) => l === '' || !/^[\x21-\x7e]+$/u.test(l))) return null;
  return labels;
}

function goDnsWithin(name: string, constraint: string): boolean | 'error' {
  if (constraint === '') return true;
  const n = dnsReverseLabels(name.toLowerCase());
  if (n === null) return 'error';
  const mustHaveSubdomains = constraint.startsWith('.');
  const c = dnsReverseLabels((mustHaveSubdomains ? constraint.slice(1) : constraint).toLowerCase());
  if (c === null) return 'error';
  // strings.EqualFold over labels (both lower-cased above).
  if (n.length < c.length || (mustHaveSubdomains && n.length === c.length)) return false;
  return c.every((l, i) => n[i] === l);
}

function ipInNet(ip: Uint8Array, base: string): boolean {
  const [a, p] = base.split('/');
  const net = parseIp(a ?? '');
  const prefix = Number(p);
  if (!net || net.length !== ip.length) return false;
  for (let bit = 0; bit < prefix; bit++) {
    const m = 0x80 >> (bit & 7);
    if (((ip[bit >> 3] ?? 0) & m) !== ((net[bit >> 3] ?? 0) & m)) return false;
  }
  return true;
}

/** isValid's name-constraint check of `ca` (Go 1.19): over the SANs of the leaf and of the CA itself, nothing in between. */
function nameConstraintError(ca: CertificateModel, chain: readonly CertificateModel[]): GoError | null {
  const nc = findExtension(ca, 'nameConstraints');
  if (!nc) return null;
  const fail = (msg: string): GoError => ({ text: `x509: a root or intermediate certificate is not authorized to sign for this name: ${msg}`, codes: ['CHAIN_NAME_CONSTRAINTS_VIOLATED'] });
  const leaf = chain[0];
  for (const cert of [leaf, ca]) {
    if (!cert) continue;
    if (!hasSanLenient(cert)) continue;
    for (const n of sanNamesLenient(cert)) {
      let nameType: string;
      let within: (base: string) => boolean | 'error';
      const form = n.type;
      if (form === 'email') {
        nameType = 'email address';
        within = (b) => emailWithin(n.value, b);
      } else if (form === 'dns') {
        nameType = 'DNS name';
        if (dnsReverseLabels(n.value) === null) return { text: `x509: cannot parse dnsName "${n.value}"`, codes: ['INVALID_NAME'] };
        within = (b) => goDnsWithin(n.value, b);
      } else if (form === 'uri') {
        nameType = 'URI';
        within = (b) => {
          const host = uriHost(n.value);
          if (host === null || host === '') return 'error';
          if (parseIp(host.replace(/^\[|\]$/gu, ''))) return 'error';
          return goDnsWithin(host, b);
        };
      } else if (form === 'ip') {
        nameType = 'IP address';
        const bytes = parseIp(n.value);
        within = (b) => (bytes ? ipInNet(bytes, b) : false);
      } else continue;
      const excluded = nc.excluded.filter((s) => s.base.type === form);
      const permitted = nc.permitted.filter((s) => s.base.type === form);
      for (const s of excluded) {
        const m = within(s.base.value);
        if (m === 'error') return fail(form === 'uri' ? `URI with IP (${JSON.stringify(n.value)}) cannot be matched against constraints` : `cannot parse ${nameType} ${JSON.stringify(n.value)}`);
        if (m) return fail(`${nameType} ${JSON.stringify(n.value)} is excluded by constraint ${JSON.stringify(s.base.value)}`);
      }
      let ok = true;
      for (const s of permitted) {
        const m = within(s.base.value);
        if (m === 'error') return fail(form === 'uri' ? `URI with IP (${JSON.stringify(n.value)}) cannot be matched against constraints` : `cannot parse ${nameType} ${JSON.stringify(n.value)}`);
        ok = m;
        if (ok) break;
      }
      if (!ok) return fail(`${nameType} ${JSON.stringify(n.value)} is not permitted by any constraint`);
    }
  }
  return null;
}

const GO_CURVES = new Set(['P-224', 'P-256', 'P-384', 'P-521']);
const EXTENSION_PARSE_ERRORS: Readonly<Record<string, string>> = {
  '2.5.29.15': 'x509: invalid key usage',
  '2.5.29.19': 'x509: invalid basic constraints a',
  '2.5.29.17': 'x509: invalid subject alternative names',
  '2.5.29.37': 'x509: invalid extended key usages',
  '2.5.29.32': 'x509: invalid certificate policies',
  '2.5.29.30': 'x509: invalid NameConstraints extension',
  '2.5.29.31': 'x509: invalid CRL distribution points',
  '2.5.29.35': 'x509: invalid authority key identifier',
  '2.5.29.14': 'x509: invalid subject key identifier',
  '1.3.6.1.5.5.7.1.1': 'x509: invalid authority info access',
};

/**
 * What Go 1.19's parser (crypto/x509/parser.go, over golang.org/x/crypto/cryptobyte) says of one
 * extension the decoder marked, or null when it reads it. Go reads the value's first element and
 * never checks that nothing follows it (parseBasicConstraintsExtension, parseKeyUsageExtension,
 * parseExtKeyUsageExtension, forEachSAN, the authority and subject key identifiers), so bytes
 * after it are ignored; forEachSAN skips any complete element whose tag it does not know; a
 * negative pathLenConstraint is read as a signed int (negative: no limit, as the decoder's
 * best-effort value says); undefined keyUsage bits are ignored. cryptobyte is strict on what it
 * reads: a BOOLEAN must be 0x00 or 0xff, an INTEGER minimal, a BIT STRING's unused bits zero.
 */
function goExtensionError(e: ExtensionModel): string | null {
  if (e.decodeError === undefined && e.decodeWarnings === undefined) return null;
  const node = valueNode(e);
  switch (e.oid) {
    case '2.5.29.19': {
      if (!node?.isSequence) return 'x509: invalid basic constraints a';
      const [first, second] = tlvs(node).items;
      let next = first;
      if (first?.isUniversal(TAG.BOOLEAN)) {
        if (first.constructed || first.length !== 1 || (first.content[0] !== 0 && first.content[0] !== 0xff)) return 'x509: invalid basic constraints b';
        next = second;
      }
      if (next?.isUniversal(TAG.INTEGER)) {
        const c = next.content;
        const nonMinimal = c.length > 1 && ((c[0] === 0 && ((c[1] ?? 0) & 0x80) === 0) || (c[0] === 0xff && ((c[1] ?? 0) & 0x80) !== 0));
        if (next.constructed || c.length === 0 || c.length > 8 || nonMinimal) return 'x509: invalid basic constraints c';
      }
      return null;
    }
    case '2.5.29.15':
      return bitStringValid(node) ? null : 'x509: invalid key usage';
    case '2.5.29.17': {
      if (!node?.isSequence) return 'x509: invalid subject alternative names';
      if (!tlvs(node).complete) return 'x509: invalid subject alternative name';
      return null;
    }
    case '2.5.29.37': {
      if (!node?.isSequence) return 'x509: invalid extended key usages';
      const { items, complete } = tlvs(node);
      if (!complete || items.some((i) => !i.isUniversal(TAG.OID) || i.constructed)) return 'x509: invalid extended key usages';
      return null;
    }
    case '2.5.29.35':
      return node?.isSequence ? null : 'x509: invalid authority key identifier';
    case '2.5.29.14':
      return node && !node.constructed && node.isUniversal(TAG.OCTET_STRING) ? null : 'x509: invalid subject key identifier';
    default:
      return e.decodeError !== undefined ? (EXTENSION_PARSE_ERRORS[e.oid] ?? null) : null;
  }
}

const parseErrors = new WeakMap<CertificateModel, string | null>();

/** What x509.ParseCertificate (Go 1.19, parser.go) refuses, in its words; null when Go parses it. Memoised per certificate. */
export function goParseError(cert: CertificateModel): string | null {
  const known = parseErrors.get(cert);
  if (known !== undefined) return known;
  const e = parseErrorOf(cert);
  parseErrors.set(cert, e);
  return e;
}

function parseErrorOf(cert: CertificateModel): string | null {
  if (cert.version > 3) return 'x509: invalid version';
  try {
    if (!signatureAlgorithmsAgree(cert.der)) return "x509: inner and outer signature algorithm identifiers don't match";
  } catch {
    return 'x509: malformed certificate';
  }
  const k = cert.publicKey;
  if (k.algorithm === 'EC' && !GO_CURVES.has(k.curve ?? '')) return 'x509: unsupported elliptic curve';
  if (cert.version === 3) {
    const seen = new Set<string>();
    for (const e of cert.extensions) {
      if (seen.has(e.oid)) return 'x509: certificate contains duplicate extensions';
      seen.add(e.oid);
    }
  }
  for (const e of cert.extensions) {
    const pe = goExtensionError(e);
    if (pe) return pe;
    if (e.kind === 'subjectAltName') {
      for (const n of e.names) {
        if (n.type === 'email' && /[^\p{ASCII}]/u.test(n.value)) return 'x509: SAN rfc822Name is malformed';
        if (n.type === 'dns' && /[^\p{ASCII}]/u.test(n.value)) return 'x509: SAN dNSName is malformed';
        if (n.type === 'uri' && /[^\p{ASCII}]/u.test(n.value)) return 'x509: SAN uniformResourceIdentifier is malformed';
        if (n.type === 'ip' && (n.value.startsWith('#') || n.value.includes('/'))) return `x509: cannot parse IP address of length ${ipLength(n.value)}`;
      }
    }
    if (e.kind === 'nameConstraints') {
      if (e.permitted.length === 0 && e.excluded.length === 0) return 'x509: empty name constraints extension';
      for (const st of [...e.permitted, ...e.excluded]) {
        const b = st.base;
        if (b.type === 'dns') {
          const trimmed = b.value.startsWith('.') ? b.value.slice(1) : b.value;
          if (trimmed !== '' && dnsReverseLabels(trimmed) === null) return `x509: failed to parse dnsName constraint ${JSON.stringify(b.value)}`;
        }
        if (b.type === 'ip') {
          const m = /^(.*)\/(\d+)$/u.exec(b.value);
          if (!m) return `x509: IP constraint contained value of length ${ipLength(b.value)}`;
        }
        if (b.type === 'uri' && parseIp(b.value.replace(/^\.|^\[|\]$/gu, ''))) return `x509: failed to parse URI constraint ${JSON.stringify(b.value)}: cannot be IP address`;
      }
    }
  }
  return null;
}

/** Octet count of an iPAddress the model shows as "#hex" (or address/prefix). */
function ipLength(value: string): number {
  if (value.startsWith('#')) return (value.length - 1) / 2;
  const [a] = value.split('/');
  const b = parseIp(a ?? '');
  return b ? b.length * 2 : 0;
}

type CertType = 'leaf' | 'intermediate' | 'root';

/** crypto/x509 isValid for `cert` placed above `chain`. */
function isValid(cert: CertificateModel, type: CertType, chain: readonly CertificateModel[], ctx: VerifyContext): GoError | null {
  if (goUnhandled(cert)) return { text: 'x509: unhandled critical extension', codes: ['UNKNOWN_CRITICAL_EXTENSION'] };
  const child = chain[chain.length - 1];
  if (child && child.issuer.derHex !== cert.subject.derHex) return { text: 'x509: issuer name does not match subject from issuing certificate', codes: ['CHAIN_ISSUER_NOT_FOUND'] };
  const t = timeError(cert, ctx);
  if (t) return { text: t.text, codes: type === 'leaf' ? t.codes : ['CHAIN_ISSUER_EXPIRED'] };
  if (type !== 'leaf') {
    const nce = nameConstraintError(cert, chain);
    if (nce) return nce;
  }
  const bc = findExtensionLenient(cert, 'basicConstraints');
  if (type === 'intermediate' && !bc?.ca) return { text: 'x509: certificate is not authorized to sign other certificates', codes: ['CHAIN_ISSUER_NOT_CA'] };
  if (bc && bc.pathLength !== null && chain.length - 1 > bc.pathLength) return { text: 'x509: too many intermediates for path length constraint', codes: ['CHAIN_PATH_LENGTH_EXCEEDED'] };
  return null;
}

function goSignatureName(oid: string): string {
  const names: Record<string, string> = {
    '1.2.840.113549.1.1.5': 'SHA1-RSA',
    '1.3.14.3.2.29': 'SHA1-RSA',
    '1.2.840.10045.4.1': 'ECDSA-SHA1',
    '1.2.840.10040.4.3': 'DSA-SHA1',
    '1.2.840.113549.1.1.4': 'MD5-RSA',
    '1.2.840.113549.1.1.2': 'MD2-RSA',
  };
  return names[oid] ?? oid;
}

/** CheckSignatureFrom: the error Go gives for a candidate issuer, or null when it verifies. */
function signatureError(child: CertificateModel, issuer: CertificateModel, check: SignatureCheck): string | null {
  // CheckSignatureFrom (Go 1.19): RFC 5280 §4.2.1.9 on the parent (a version 3 parent needs cA=TRUE; any parent with
  // basicConstraints must assert cA), then keyCertSign when keyUsage has any bit, then the algorithm, then the signature.
  const bc = findExtensionLenient(issuer, 'basicConstraints');
  if ((issuer.version === 3 && !bc) || (bc && !bc.ca)) return 'x509: invalid signature: parent certificate cannot sign this kind of certificate';
  const ku = findExtensionLenient(issuer, 'keyUsage');
  if (ku && ku.usages.length > 0 && !ku.usages.includes('keyCertSign')) return 'x509: invalid signature: parent certificate cannot sign this kind of certificate';
  const oid = child.signatureAlgorithm.oid;
  if (SHA1_SIGNATURES.has(oid) || MD_SIGNATURES.has(oid)) {
    return `x509: cannot verify signature: insecure algorithm ${goSignatureName(oid)}${SHA1_SIGNATURES.has(oid) ? ' (temporarily override with GODEBUG=x509sha1=1)' : ''}`;
  }
  if (check.status === 'valid') return null;
  if (check.status === 'unsupported') return 'x509: cannot verify signature: algorithm unimplemented';
  if (issuer.publicKey.algorithm === 'EC') return 'x509: ECDSA verification failure';
  if (issuer.publicKey.algorithm === 'Ed25519') return 'x509: Ed25519 verification failure';
  return 'crypto/rsa: verification error';
}

/** pkix.Name.CommonName: FillFromRDNSequence keeps the last CN of the sequence. */
function goCommonName(c: CertificateModel): string {
  const all = commonNames(c);
  return all[all.length - 1] ?? '';
}

function hintName(c: CertificateModel): string {
  const cn = goCommonName(c);
  if (cn) return cn;
  const o = c.subject.rdns.flat().find((a) => a.oid === '2.5.4.10')?.value;
  if (o) return o;
  return `serial:${BigInt(`0x${c.serialNumberHex}`).toString()}`;
}

/** How likely `issuer` is the parent by key id: 0 same key id, 1 one side missing, 2 mismatch. */
function parentRank(aki: string | null, issuer: CertificateModel): number {
  const ski = subjectKeyId(issuer);
  if ((ski ?? '') === (aki ?? '')) return 0;
  if ((ski === null) !== (aki === null)) return 1;
  return 2;
}

/** findPotentialParents: exact issuer bytes; key-id match first, then one side missing, then mismatch. */
function parents(pool: readonly CertificateModel[], cert: CertificateModel): CertificateModel[] {
  const same = pool.filter((c) => c.subject.derHex === cert.issuer.derHex);
  if (same.length < 2) return same;
  const aki = authorityKeyId(cert);
  return same.sort((a, b) => parentRank(aki, a) - parentRank(aki, b));
}

/** validHostname (Go 1.19): labels of letters, digits, '_' and non-leading '-'; a pattern may start with a whole '*' label. */
function goValidHostname(host: string, isPattern: boolean): boolean {
  const h = isPattern ? host : host.replace(/\.$/u, '');
  if (h.length === 0) return false;
  return h.split('.').every((part, i) => part !== '' && ((isPattern && i === 0 && part === '*') || [...part].every((c, j) => /[a-zA-Z0-9_]/u.test(c) || (c === '-' && j !== 0))));
}

/** matchHostnames (Go 1.19): same label count, a '*' first label matches any label. */
function goMatchHostnames(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase().replace(/\.$/u, '');
  if (p.length === 0 || h.length === 0) return false;
  const pp = p.split('.');
  const hp = h.split('.');
  if (pp.length !== hp.length) return false;
  return pp.every((x, i) => (i === 0 && x === '*') || x === hp[i]);
}

function goMatchExactly(a: string, b: string): boolean {
  if (a === '' || a === '.' || b === '' || b === '.') return false;
  return a.toLowerCase().replace(/\.$/u, '') === b.toLowerCase().replace(/\.$/u, '');
}

const hostnameCache = new WeakMap<CertificateModel, { readonly key: string; readonly error: GoError | null }>();

/** VerifyHostname's error for `cert` and the peer name; the last name asked for is remembered per certificate. */
function hostnameError(cert: CertificateModel, host: NonNullable<VerifyContext['host']>): GoError | null {
  const key = host.kind === 'ip' ? `ip:${host.value}|${host.bytes.join('.')}` : `dns:${host.value}`;
  const hit = hostnameCache.get(cert);
  if (hit?.key === key) return hit.error;
  const error = hostnameErrorOf(cert, host);
  hostnameCache.set(cert, { key, error });
  return error;
}

function hostnameErrorOf(cert: CertificateModel, host: NonNullable<VerifyContext['host']>): GoError | null {
  const sans = sanNamesLenient(cert);
  if (host.kind === 'ip') {
    if (sans.some((n) => ipMatches(n, host.bytes) || (n.type === 'ip' && sameIpGo(n.value, host.bytes)))) return null;
  } else {
    const h = host.value.toLowerCase();
    const validInput = goValidHostname(h, false);
    if (sans.some((n) => n.type === 'dns' && (validInput && goValidHostname(n.value, true) ? goMatchHostnames(n.value, h) : goMatchExactly(n.value, h)))) return null;
  }
  const cn = goCommonName(cert);
  if (!hasSanLenient(cert) && goMatchHostnames(cn, host.value)) {
    return { text: 'x509: certificate relies on legacy Common Name field, use SANs instead', codes: ['COMMON_NAME_ONLY'] };
  }
  const codes: VerifyCode[] = hasSanLenient(cert) ? ['HOSTNAME_MISMATCH'] : ['SAN_MISSING', 'HOSTNAME_MISMATCH'];
  if (host.kind === 'ip') {
    const ips = sans.filter((n) => n.type === 'ip').map((n) => n.value);
    if (ips.length === 0) return { text: `x509: cannot validate certificate for ${host.value} because it doesn't contain any IP SANs`, codes };
    return { text: `x509: certificate is valid for ${ips.join(', ')}, not ${host.value}`, codes };
  }
  const dns = sans.filter((n) => n.type === 'dns').map((n) => n.value);
  if (dns.length === 0) return { text: `x509: certificate is not valid for any names, but wanted to match ${host.value}`, codes };
  return { text: `x509: certificate is valid for ${dns.join(', ')}, not ${host.value}`, codes };
}

/** checkChainForKeyUsage: every certificate with an EKU must list the usage or anyExtendedKeyUsage. */
function chainAllowsUsage(chain: readonly CertificateModel[], ctx: VerifyContext): boolean {
  return chain.every((c) => {
    const e = ekuFor(c, ctx.role, true);
    return e !== 'excluded';
  });
}

const fixes = new Map<string, string | null>();

/** goFixOf, once per first code and role. */
function goFix(codes: readonly VerifyCode[], role: VerifyContext['role']): string | null {
  const key = `${role}|${codes[0] ?? ''}`;
  return memoized(fixes, key, () => goFixOf(codes, role));
}

/** How to fix a Go refusal, in Go's terms; the client role is a Go server checking clients (tls.Config ClientCAs). */
function goFixOf(codes: readonly VerifyCode[], role: VerifyContext['role']): string | null {
  const pool = role === 'tlsServer' ? 'the client\'s tls.Config RootCAs (or SSL_CERT_FILE / the system pool)' : 'the server\'s tls.Config ClientCAs';
  const first = codes[0];
  switch (first) {
    case 'CHAIN_ISSUER_NOT_FOUND':
    case 'CHAIN_PRIVATE_ROOT':
      return `Go does not fetch missing intermediates: send them with the certificate (tls.Certificate with the full chain, e.g. fullchain.pem), and put the root in ${pool}.`;
    case 'CHAIN_SIGNATURE_INVALID':
      return 'A candidate issuer has the right name but did not sign this certificate: load the real issuing CA.';
    case 'WEAK_SIGNATURE_ALGORITHM':
      return 'Go refuses SHA-1 (and MD5) signatures since Go 1.18: reissue the certificate (or the CA) with SHA-256.';
    case 'EXPIRED':
    case 'NOT_YET_VALID':
      return 'Renew the certificate (or check the clock of the machine that verifies).';
    case 'CHAIN_ISSUER_EXPIRED':
      return 'A CA on the path is outside its validity: renew it, or serve the current cross-signed intermediate.';
    case 'HOSTNAME_MISMATCH':
    case 'SAN_MISSING':
    case 'COMMON_NAME_ONLY':
      return 'Go matches only subjectAltName entries (never the Common Name since Go 1.17): reissue with a DNS or IP SAN for the name clients use.';
    case 'EKU_SERVER_AUTH_MISSING':
    case 'EKU_CLIENT_AUTH_MISSING':
    case 'CHAIN_ISSUER_EKU_EXCLUDES':
      return `Every certificate on the path that has an Extended Key Usage (the root included) must list ${role === 'tlsServer' ? 'serverAuth' : 'clientAuth'} or anyExtendedKeyUsage: reissue the one that does not.`;
    case 'UNKNOWN_CRITICAL_EXTENSION':
      return 'Go refuses critical extensions it does not process (e.g. critical policy constraints): reissue without marking them critical.';
    case 'CHAIN_ISSUER_NOT_CA':
      return 'An issuer is not a CA (basicConstraints cA=TRUE is required on intermediates): issue from a proper CA.';
    case 'CHAIN_PATH_LENGTH_EXCEEDED':
      return 'Too many intermediates below a CA with pathLenConstraint: shorten the chain or reissue the CA.';
    case 'CHAIN_NAME_CONSTRAINTS_VIOLATED':
      return 'A name in the leaf (or in the constrained CA itself) is outside the CA\'s name constraints: reissue within them.';
    case 'MALFORMED_CERTIFICATE':
      return 'Go cannot parse this certificate (crypto/tls fails the handshake): reissue it with a conforming encoder.';
    case 'UNSUPPORTED_KEY':
      return 'crypto/tls only uses RSA, ECDSA and Ed25519 keys: reissue with one of them.';
    default:
      return null;
  }
}

interface BuildState {
  readonly ctx: VerifyContext;
  readonly roots: readonly CertificateModel[];
  readonly inters: readonly CertificateModel[];
  /** Every chain found so far, leaf first. */
  readonly chains: CertificateModel[][];
  sigChecks: number;
}

/** buildChains: the roots, then the intermediates, that may have issued the last certificate of `current`. */
async function buildChains(s: BuildState, current: CertificateModel[]): Promise<GoError | null> {
  const c = current[current.length - 1];
  if (!c) return null;
  const ctx = s.ctx;
  let err: GoError | null = null;
  let hint: { err: string; cert: CertificateModel } | null = null;
  let found = 0;
  const rootCands = parents(s.roots, c);
  const interCands = parents(s.inters, c);
  const total = rootCands.length + interCands.length;
  for (let k = 0; k < total; k++) {
    const isRoot = k < rootCands.length;
    const cand = isRoot ? rootCands[k] : interCands[k - rootCands.length];
    if (!cand) continue;
    const type: CertType = isRoot ? 'root' : 'intermediate';
    if (current.some((x) => x.sha256Hex === cand.sha256Hex || (x.subject.derHex === cand.subject.derHex && x.publicKey.spkiSha256Hex === cand.publicKey.spkiSha256Hex))) continue;
    s.sigChecks++;
    if (s.sigChecks > 100) {
      err = { text: 'x509: signature check attempts limit reached while verifying certificate chain', codes: ['CHAIN_TOO_LONG'] };
      continue;
    }
    const sig = signatureError(c, cand, await ctx.signature(c, cand));
    if (sig) {
      hint ??= { err: sig, cert: cand };
      continue;
    }
    const v = isValid(cand, type, current, ctx);
    if (v) {
      err = v;
      continue;
    }
    if (type === 'root') {
      s.chains.push([...current, cand]);
      found++;
    } else {
      const before = s.chains.length;
      err = await buildChains(s, [...current, cand]);
      found += s.chains.length - before;
    }
  }
  if (found > 0) return null;
  if (err) return err;
  if (!hint) return UNKNOWN_AUTHORITY;
  const text = `x509: certificate signed by unknown authority (possibly because of ${JSON.stringify(hint.err)} while trying to verify candidate authority certificate ${JSON.stringify(hintName(hint.cert))})`;
  const codes: VerifyCode[] = hint.err.includes('insecure algorithm') ? ['WEAK_SIGNATURE_ALGORITHM'] : ['CHAIN_SIGNATURE_INVALID'];
  return { text, codes };
}

const UNKNOWN_AUTHORITY: GoError = { text: 'x509: certificate signed by unknown authority', codes: ['CHAIN_ISSUER_NOT_FOUND'] };

/** Every chain Go's Verify finds for ctx.leaf, or the error its search ends with. */
async function searchChains(ctx: VerifyContext): Promise<{ readonly chains: readonly (readonly CertificateModel[])[]; readonly buildErr: GoError | null }> {
  const leaf = ctx.leaf;
  // CertPool.AppendCertsFromPEM skips roots Go cannot parse.
  const roots = ctx.anchors.filter((a) => goParseError(a.certificate) === null).map((a) => a.certificate);
  const anchorSet = new Set(roots.map((r) => r.sha256Hex));
  const inters = ctx.untrusted.filter((c) => !anchorSet.has(c.sha256Hex) && c.sha256Hex !== leaf.sha256Hex);
  // buildChains, recursively, with Go's error bookkeeping.
  const state: BuildState = { ctx, roots, inters, chains: [], sigChecks: 0 };
  const chains = state.chains;
  let buildErr: GoError | null = null;
  if (anchorSet.has(leaf.sha256Hex)) chains.push([leaf]);
  else buildErr = await buildChains(state, [leaf]);
  return { chains, buildErr };
}

function refuse(err: GoError, path: readonly CertificateModel[] | null, role: VerifyContext['role'] = 'tlsServer'): VerifierAnswer {
  return { accepts: false, error: err.text, codes: err.codes, fix: goFix(err.codes, role), path: path ? path.map((c) => c.sha256Hex) : null };
}

export const goVerifier: VerifierModel = {
  id: 'go',
  label: 'Go',
  standsFor: 'Go crypto/x509 (Kubernetes, Docker, Terraform, Prometheus, Caddy)',
  roles: ['tlsServer', 'tlsClient'],
  async verify(ctx) {
    const leaf = ctx.leaf;
    // crypto/tls parses every certificate the peer sends; one that Go cannot parse ends the handshake.
    const anchorShas = ctx.anchors.length > 0 ? new Set(ctx.anchors.map((a) => a.certificate.sha256Hex)) : null;
    for (const c of ctx.untrusted) {
      if (anchorShas?.has(c.sha256Hex)) continue;
      const pe = goParseError(c);
      if (pe) return refuse({ text: pe, codes: ['MALFORMED_CERTIFICATE'] }, null, ctx.role);
    }
    const leafErr = isValid(leaf, 'leaf', [], ctx);
    if (leafErr) return refuse(leafErr, null, ctx.role);
    if (ctx.role === 'tlsServer' && ctx.host) {
      const h = hostnameError(leaf, ctx.host);
      if (h) return refuse(h, null, ctx.role);
    }
    // buildChains reads no role, host or email: both roles of one input share the search.
    const { chains, buildErr } = await sharedOr(ctx.shared, `go.build ${leaf.sha256Hex}`, () => searchChains(ctx));
    if (chains.length === 0) {
      return refuse(buildErr ?? UNKNOWN_AUTHORITY, null, ctx.role);
    }
    const ok = chains.find((ch) => chainAllowsUsage(ch, ctx));
    if (!ok) {
      const leafEku = ekuFor(leaf, ctx.role, true);
      const codes: VerifyCode[] = leafEku === 'excluded' ? [ctx.role === 'tlsServer' ? 'EKU_SERVER_AUTH_MISSING' : 'EKU_CLIENT_AUTH_MISSING'] : ['CHAIN_ISSUER_EKU_EXCLUDES'];
      return refuse({ text: 'x509: certificate specifies an incompatible key usage', codes }, chains[0] ?? null, ctx.role);
    }
    // crypto/tls then refuses a leaf key it cannot use (RSA, ECDSA and Ed25519 only).
    const alg = leaf.publicKey.algorithm;
    if (alg !== 'RSA' && alg !== 'EC' && alg !== 'Ed25519') {
      const type = alg === 'DSA' ? '*dsa.PublicKey' : '<nil>';
      return refuse({ text: ctx.role === 'tlsServer' ? `tls: server's certificate contains an unsupported type of public key: ${type}` : `tls: client certificate contains an unsupported public key of type ${type}`, codes: ['UNSUPPORTED_KEY'] }, ok, ctx.role);
    }
    return { accepts: true, error: null, codes: [], fix: null, path: ok.map((c) => c.sha256Hex) };
  },
};

