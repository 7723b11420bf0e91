/**
 * Suitability of one certificate for one role (shared/spec/suitability.md). Pure: the time of
 * evaluation, the host name, the chain paths, revocation and key pairing come in as inputs.
 */
import type { CertificateModel } from '../model';
import { extendedKeyUsages, findExtension, findExtensionLenient, isCa, keyUsages, OID, pathLength } from '../chain/facts';
import { namesMatch } from '../chain/names';
import type { ChainPath } from '../chain/types';
import { breakSitesFor } from './errors';
import { matchHost } from './hostname';
import { checkNameConstraints } from './name-constraints';
import type { RevocationStatus } from './revocation';
import { type Finding, type FindingCode, type Role, type RoleAssessment, type Severity, verdictOf } from './types';

export type PrivateKeyState = 'matches' | 'mismatch' | 'absent';

export interface AssessmentInput {
  readonly certificate: CertificateModel;
  readonly role: Role;
  /** Evaluation time, ISO-8601. */
  readonly at: string;
  readonly host: string | null;
  /** The certificate's chain paths (ChainTree.paths). */
  readonly paths: readonly ChainPath[];
  readonly lookup: (sha256: string) => CertificateModel | undefined;
  readonly revocation: RevocationStatus;
  readonly privateKey: PrivateKeyState;
  /** Judged as a CA: end-entity rules (host name, leaf key usage and EKU, lifetime, SCTs, CA-as-leaf, private key) do not apply. */
  readonly asCa?: boolean;
  /** Revocation of other session certificates (intermediates on the path), by SHA-256. */
  readonly revocationOf?: (sha256: string) => RevocationStatus | undefined;
}

const DAY = 86_400_000;
const WEAK_HASH_SIGNATURES = new Set([
  '1.2.840.113549.1.1.2',
  '1.2.840.113549.1.1.4',
  '1.2.840.113549.1.1.5',
  '1.3.14.3.2.29',
  '1.2.840.10045.4.1',
  '1.2.840.10040.4.3',
]);
const WEB_CURVES = new Set(['P-256', 'P-384']);

/** CA/Browser Forum maximum lifetime (days) for a publicly trusted TLS server certificate issued at `notBefore`; null before 2020-09-01. */
export function publicLifetimeLimitDays(notBefore: string): number | null {
  const t = Date.parse(notBefore);
  if (t >= Date.parse('2029-03-15T00:00:00Z')) return 47;
  if (t >= Date.parse('2027-03-15T00:00:00Z')) return 100;
  if (t >= Date.parse('2026-03-15T00:00:00Z')) return 200;
  if (t >= Date.parse('2020-09-01T00:00:00Z')) return 398;
  return null;
}

function roleOid(role: Role): string {
  return role === 'tlsServer' ? OID.serverAuth : OID.clientAuth;
}
function roleWord(role: Role): string {
  return role === 'tlsServer' ? 'TLS server' : 'TLS client';
}

class Findings {
  readonly list: Finding[] = [];
  constructor(
    private readonly role: Role,
    private readonly host: string | null,
    private readonly names: readonly string[],
  ) {}
  add(code: FindingCode, severity: Severity, message: string): void {
    const breaksIn = severity === 'fail' || severity === 'warn' || code === 'CHAIN_PRIVATE_ROOT' ? breakSitesFor(code, { role: this.role, host: this.host, names: this.names }) : [];
    this.list.push(breaksIn.length > 0 ? { code, severity, message, breaksIn } : { code, severity, message });
  }
}

function describe(c: CertificateModel): string {
  return c.subject.rfc4514 || `(empty subject, serial ${c.serialNumberHex})`;
}

/** Chain findings for one path. */
function chainFindings(path: ChainPath, certs: readonly CertificateModel[], input: AssessmentInput, out: Findings): void {
  const at = Date.parse(input.at);
  const role = input.role;
  const trustedAnchor = path.anchor === 'builtin' || path.anchor === 'session-trusted';
  const lastIsRoot = path.end === 'anchor' || path.end === 'self-signed';
  const invalid = path.links.filter((l) => l.signature.status === 'invalid');
  const unsupported = path.links.filter((l) => l.signature.status === 'unsupported');
  for (const l of invalid) {
    const c = input.lookup(l.sha256);
    out.add('CHAIN_SIGNATURE_INVALID', 'fail', `The signature on ${c ? describe(c) : l.sha256} does not verify${l.signature.detail ? `: ${l.signature.detail}` : ''}.`);
  }
  for (const l of unsupported) {
    const c = input.lookup(l.sha256);
    out.add('CHAIN_SIGNATURE_UNSUPPORTED', 'warn', `The signature on ${c ? describe(c) : l.sha256} was not checked: ${l.signature.detail ?? 'unsupported algorithm'}.`);
  }
  const sound = invalid.length === 0 && unsupported.length === 0;
  const root = certs[certs.length - 1];
  if (trustedAnchor && sound) {
    out.add('CHAIN_TRUSTED', 'pass', `Chains to ${path.anchor === 'builtin' ? 'the built-in root' : 'the trusted root'} ${root ? describe(root) : ''}; every signature verified.`);
  } else if (path.anchor === 'private-root') {
    out.add('CHAIN_PRIVATE_ROOT', 'info', `The chain ends at the self-signed root ${root ? describe(root) : ''}, which is not built in: the peer must be configured to trust it (e.g. nginx ssl_client_certificate, Apache SSLCACertificateFile).`);
  } else if (path.end === 'missing-issuer' && path.missingIssuer) {
    const m = path.missingIssuer;
    out.add('CHAIN_ISSUER_NOT_FOUND', 'warn', `No loaded or built-in certificate issued ${certs.length > 1 && root ? describe(root) : 'this certificate'}: missing issuer "${m.issuerName}"${m.authorityKeyIdHex ? ` (key id ${m.authorityKeyIdHex})` : ''}. Servers must send their intermediates.`);
  } else if (path.end === 'loop' || path.end === 'limit') {
    out.add('CHAIN_ISSUER_NOT_FOUND', 'warn', `No path to a root was found: ${path.note ?? path.end}.`);
  }
  // Issuers: links 1..n-1 (the anchor included: RFC 5280 trusts its key and name, but verifiers still refuse a non-CA or expired root).
  let nonSelfIssuedBelow = 0;
  for (let j = 1; j < certs.length; j++) {
    const issuer = certs[j];
    const below = certs[j - 1];
    if (!issuer || !below) continue;
    if (j >= 2 && !namesMatch(below.subject, below.issuer)) nonSelfIssuedBelow++;
    const ku = keyUsages(issuer);
    const v1Anchor = issuer.version === 1 && j === certs.length - 1 && lastIsRoot;
    if ((!isCa(issuer) && !v1Anchor) || (ku && !ku.includes('keyCertSign'))) {
      out.add('CHAIN_ISSUER_NOT_CA', 'fail', `${describe(issuer)} issues a certificate but ${!isCa(issuer) ? 'lacks basicConstraints cA=TRUE' : 'its keyUsage lacks keyCertSign'}.`);
    }
    const pl = pathLength(issuer);
    if (pl !== null && nonSelfIssuedBelow > pl) {
      out.add('CHAIN_PATH_LENGTH_EXCEEDED', 'fail', `${describe(issuer)} allows ${pl} intermediate CA${pl === 1 ? '' : 's'} below it (pathLenConstraint) but the path has ${nonSelfIssuedBelow}.`);
    }
    const isAnchor = j === certs.length - 1 && lastIsRoot;
    const eku = extendedKeyUsages(issuer);
    if (eku && !eku.includes(roleOid(role)) && !eku.includes(OID.anyExtendedKeyUsage)) {
      out.add('CHAIN_ISSUER_EKU_EXCLUDES', 'fail', `The ${isAnchor ? 'root' : 'intermediate'} ${describe(issuer)} restricts Extended Key Usage to ${eku.join(', ')}, which does not include ${roleWord(role)} (${roleOid(role)}); Chrome, OpenSSL, Go and webpki refuse every ${roleWord(role)} certificate under it${isAnchor ? ' (an EKU on the trust anchor counts too)' : ''}.`);
    }
    if (!isAnchor && input.revocationOf) {
      const r = input.revocationOf(issuer.sha256Hex);
      if (r?.state === 'revoked') out.add('REVOKED', 'fail', `The intermediate ${describe(issuer)} was revoked on ${r.revocationDate}${r.reason ? ` (${r.reason})` : ''} according to a loaded CRL: everything under it is refused by verifiers that check CRLs.`);
    }
    const ipk = issuer.publicKey;
    if ((ipk.algorithm === 'RSA' || ipk.algorithm === 'RSA-PSS') && ipk.bits !== null && ipk.bits < 2048) {
      out.add('WEAK_RSA_KEY', 'fail', `The ${isAnchor ? 'root' : 'intermediate'} ${describe(issuer)} has an RSA key of ${ipk.bits} bits; 2048 is the minimum on every link.`);
    }
    if (at < Date.parse(issuer.notBefore) || at > Date.parse(issuer.notAfter)) {
      out.add('CHAIN_ISSUER_EXPIRED', 'fail', `The ${isAnchor ? 'root' : 'intermediate'} ${describe(issuer)} is valid from ${issuer.notBefore} to ${issuer.notAfter}, not at ${input.at}.`);
    }
    // Name constraints of this CA apply to every certificate below it, self-issued intermediates excepted (RFC 5280 §6.1.3 (b)).
    if (findExtension(issuer, 'nameConstraints')) {
      for (let i = 0; i < j; i++) {
        const sub = certs[i];
        if (!sub || (i > 0 && namesMatch(sub.subject, sub.issuer))) continue;
        for (const v of checkNameConstraints(sub, issuer)) {
          out.add('CHAIN_NAME_CONSTRAINTS_VIOLATED', 'fail', `${v.type} name "${v.name}" of ${describe(sub)} is ${v.kind === 'permitted' ? `outside the permitted subtrees (${v.constraint})` : v.kind === 'excluded' ? `inside the excluded subtree ${v.constraint}` : `of a form that ${describe(issuer)}'s critical name constraints restrict (${v.constraint}) and that verifiers cannot check, so they must refuse it`}${v.kind === 'unsupported' ? '' : ` of ${describe(issuer)}`}.`);
        }
      }
    }
  }
  for (let i = 0; i < certs.length; i++) {
    const c = certs[i];
    if (!c) continue;
    for (const e of c.extensions) {
      if (e.critical && (e.kind === 'unknown' || e.decodeError !== undefined)) {
        out.add('UNKNOWN_CRITICAL_EXTENSION', 'fail', `${i === 0 ? 'This certificate' : describe(c)} carries the critical extension ${e.name ?? e.oid}${e.decodeError ? ', which does not parse' : ', which verifiers do not understand'}: RFC 5280 says to refuse it, and OpenSSL, Go, Java and webpki do.`);
      }
    }
  }
  const weak = certs.filter((c, i) => !(lastIsRoot && i === certs.length - 1 && i > 0) && WEAK_HASH_SIGNATURES.has(c.signatureAlgorithm.oid));
  for (const c of weak) out.add('WEAK_SIGNATURE_ALGORITHM', 'fail', `${describe(c)} is signed with ${c.signatureAlgorithm.name ?? c.signatureAlgorithm.oid} (MD5/SHA-1 signatures are refused).`);
}

function leafFindings(input: AssessmentInput, out: Findings): void {
  const cert = input.certificate;
  const role = input.role;
  const at = Date.parse(input.at);
  if (input.asCa) {
    caPurposeFindings(input, out);
  } else {
    // Purpose fields
    const eku = extendedKeyUsages(cert);
    if (!eku) out.add('EKU_ABSENT', 'warn', 'No Extended Key Usage extension: RFC 5280 reads that as any purpose and OpenSSL/Go accept it, but publicly trusted certificates must carry EKU and strict verifiers may refuse.');
    else if (!eku.includes(roleOid(role))) {
      if (eku.includes(OID.anyExtendedKeyUsage)) out.add('EKU_ANY_ONLY', 'warn', `${roleWord(role)} is allowed only through anyExtendedKeyUsage (2.5.29.37.0); strict verifiers want ${roleOid(role)}.`);
      else out.add(role === 'tlsServer' ? 'EKU_SERVER_AUTH_MISSING' : 'EKU_CLIENT_AUTH_MISSING', 'fail', `Extended Key Usage lists ${eku.join(', ')} but not ${role === 'tlsServer' ? 'serverAuth' : 'clientAuth'} (${roleOid(role)}).`);
    }
    const ku = keyUsages(cert);
    if (ku && !ku.includes('digitalSignature')) {
      const alg = cert.publicKey.algorithm;
      if (role === 'tlsServer' && (alg === 'RSA' || alg === 'RSA-PSS') && ku.includes('keyEncipherment')) {
        out.add('KU_DIGITAL_SIGNATURE_MISSING', 'warn', 'keyUsage lacks digitalSignature: the RSA key can only be used for RSA key exchange (TLS 1.2 only; TLS 1.3 refuses it).');
      } else {
        out.add('KU_DIGITAL_SIGNATURE_MISSING', 'fail', `keyUsage (${ku.join(', ')}) lacks digitalSignature, which the ${roleWord(role)} handshake needs.`);
      }
    }
    if (ku && (ku.includes('keyCertSign') || ku.includes('cRLSign'))) out.add('KU_KEY_CERT_SIGN_ON_LEAF', 'warn', `keyUsage asserts ${ku.filter((u) => u === 'keyCertSign' || u === 'cRLSign').join(' and ')} on a certificate judged as an end entity.`);
    if (isCa(cert)) out.add('CA_AS_LEAF', 'warn', 'basicConstraints cA=TRUE on a certificate judged as an end entity (forbidden for subscriber certificates by the Baseline Requirements; strict verifiers refuse it).');
    const ns = findExtension(cert, 'netscapeCertType');
    if (ns) {
      const want = role === 'tlsServer' ? /ssl\s*-?_?server/iu : /ssl\s*-?_?client/iu;
      if (!ns.types.some((t) => want.test(t))) out.add('NS_CERT_TYPE_EXCLUDES', 'warn', `The legacy Netscape cert type (${ns.types.join(', ')}) lacks ${role === 'tlsServer' ? 'SSL server' : 'SSL client'}; OpenSSL still honours it.`);
    }
    // Names (server)
    if (role === 'tlsServer') {
      // A malformed SAN is present: its best-effort names are matched, and the finding says what is wrong.
      const sanExt = findExtensionLenient(cert, 'subjectAltName');
      const sans = sanExt?.names ?? [];
      const hostNames = sans.filter((n) => n.type === 'dns' || n.type === 'ip');
      if (sanExt?.decodeError !== undefined) {
        const listed = hostNames.length > 0 ? `read leniently it lists ${hostNames.map((n) => `${n.type === 'ip' ? 'IP' : 'DNS'}:${n.value}`).join(', ')}` : 'no DNS or IP name could be read from it';
        out.add('SAN_MALFORMED', 'fail', `The subjectAltName extension is present but malformed (${sanExt.decodeError}); ${listed}. Verifiers that parse it strictly refuse the certificate (see the answer of each verifier).`);
      } else if (hostNames.length === 0) out.add('SAN_MISSING', 'fail', 'No DNS or IP subjectAltName: modern clients ignore the Common Name.');
      if (input.host) {
        const m = matchHost(input.host, sans, cert.subject);
        const shown = m.isIp || m.ascii === m.unicode ? `"${m.ascii}"` : `"${m.unicode}" (${m.ascii})`;
        if (m.matched) out.add('HOSTNAME_MATCH', 'pass', `${shown} matches the ${m.matched.type === 'ip' ? 'iPAddress' : 'dNSName'} SAN ${m.matched.value}${m.matched.unicode ? ` (${m.matched.unicode})` : ''}.`);
        else out.add('HOSTNAME_MISMATCH', 'fail', `No subjectAltName matches ${shown}${m.commonNameWouldMatch ? '; the Common Name would have matched, but clients no longer use it (the classic ERR_CERT_COMMON_NAME_INVALID)' : ''}.`);
      }
    }
  }
  // Time
  const nb = Date.parse(cert.notBefore);
  const na = Date.parse(cert.notAfter);
  if (at < nb) out.add('NOT_YET_VALID', 'fail', `Not valid before ${cert.notBefore} (evaluated at ${input.at}).`);
  else if (at > na) out.add('EXPIRED', 'fail', `Expired at ${cert.notAfter} (evaluated at ${input.at}).`);
  else if (na - at < 30 * DAY) out.add('EXPIRES_SOON', 'warn', `Expires at ${cert.notAfter}, in ${Math.floor((na - at) / DAY)} days.`);
  // Keys
  const pk = cert.publicKey;
  if ((pk.algorithm === 'RSA' || pk.algorithm === 'RSA-PSS') && pk.bits !== null && pk.bits < 2048) out.add('WEAK_RSA_KEY', 'fail', `RSA key of ${pk.bits} bits; 2048 is the minimum.`);
  if (role === 'tlsServer' && (pk.algorithm === 'Ed25519' || pk.algorithm === 'Ed448' || (pk.algorithm === 'EC' && !WEB_CURVES.has(pk.curve ?? '')))) {
    out.add('KEY_NOT_WEB_COMPATIBLE', 'warn', `${pk.algorithm === 'EC' ? `ECDSA on ${pk.curve ?? 'an unknown curve'}` : pk.algorithm} keys are not used by browsers' TLS stacks (fine for OpenSSL/Go peers).`);
  }
}

/** For a CA: which roles it can issue for (its EKU constraint and path length). */
function caPurposeFindings(input: AssessmentInput, out: Findings): void {
  const cert = input.certificate;
  const eku = extendedKeyUsages(cert);
  const oid = roleOid(input.role);
  if (eku && !eku.includes(oid) && !eku.includes(OID.anyExtendedKeyUsage)) {
    out.add('CHAIN_ISSUER_EKU_EXCLUDES', 'fail', `This CA restricts Extended Key Usage to ${eku.join(', ')}: Chrome, OpenSSL, Go and webpki refuse every ${roleWord(input.role)} certificate issued under it (Java does not check a CA's EKU).`);
  }
  const pl = pathLength(cert);
  if (pl === 0) out.add('CHAIN_PATH_LENGTH_EXCEEDED', 'info', 'pathLenConstraint 0: this CA may issue end-entity certificates only, no intermediate CAs.');
}

function revocationFindings(input: AssessmentInput, out: Findings): void {
  const r = input.revocation;
  if (r.state === 'revoked') out.add('REVOKED', 'fail', `Revoked on ${r.revocationDate}${r.reason ? ` (${r.reason})` : ''} according to a loaded CRL signed by the issuer.`);
  else if (r.state === 'not-checked') {
    const where = [...r.crlUrls.map((u) => `CRL ${u}`), ...r.ocspUrls.map((u) => `OCSP ${u}`)];
    out.add('REVOCATION_NOT_CHECKED', 'info', `No CRL for this certificate was loaded${r.note ? ` (${r.note})` : ''}; ${where.length > 0 ? `revocation sources: ${where.join(', ')}` : 'it names no CRL or OCSP location'} (the app never fetches them).`);
  }
}

function keyFindings(input: AssessmentInput, out: Findings): void {
  if (input.privateKey === 'matches') out.add('PRIVATE_KEY_MATCHES', 'pass', 'A loaded private key matches this certificate\'s public key.');
  else if (input.privateKey === 'mismatch') out.add('PRIVATE_KEY_MISMATCH', 'fail', 'The private key loaded with this certificate does not match its public key.');
  else if (input.role === 'tlsClient' && !input.asCa) out.add('PRIVATE_KEY_ABSENT', 'info', 'No private key loaded: a client also needs the private key (usually as PKCS#12) to authenticate.');
}

function publicFindings(input: AssessmentInput, out: Findings): void {
  const cert = input.certificate;
  if (input.role === 'tlsServer') {
    const limit = publicLifetimeLimitDays(cert.notBefore);
    const lifetime = Date.parse(cert.notAfter) - Date.parse(cert.notBefore) + 1000;
    if (limit !== null && lifetime > limit * DAY) out.add('LIFETIME_EXCEEDS_PUBLIC_LIMIT', 'warn', `Valid for ${Math.ceil(lifetime / DAY)} days; publicly trusted certificates issued at ${cert.notBefore} may last at most ${limit} days.`);
    if (!findExtension(cert, 'signedCertificateTimestampList')) out.add('SCT_MISSING', 'warn', 'Publicly trusted but no embedded SCT list: Chrome and Safari require Certificate Transparency (SCTs may also arrive in the TLS handshake or OCSP).');
  } else {
    out.add('PUBLIC_CLIENT_AUTH_SUNSET', 'warn', 'A publicly trusted certificate used as a TLS client certificate: public CAs stopped issuing clientAuth in 2026 (Chrome root program; Let\'s Encrypt from 2026-02-11), so this breaks at renewal. Use a private CA for mTLS.');
  }
}

function score(f: readonly Finding[]): [number, number, number] {
  return [f.filter((x) => x.severity === 'fail').length, f.some((x) => x.code === 'CHAIN_TRUSTED') ? 0 : f.some((x) => x.code === 'CHAIN_PRIVATE_ROOT') ? 1 : 2, f.filter((x) => x.severity === 'warn').length];
}

/** Findings and verdict for one certificate in one role, from the best of its chain paths. */
export function assessSuitability(input: AssessmentInput): RoleAssessment {
  const sanNames = (findExtensionLenient(input.certificate, 'subjectAltName')?.names ?? []).filter((n) => n.type === 'dns' || n.type === 'ip').map((n) => n.value);
  let best: { findings: Finding[]; index: number | null; publicTrust: boolean } | null = null;
  const candidates = input.paths.length > 0 ? input.paths.map((p, i) => [p, i] as const) : [[null, null] as const];
  for (const [path, index] of candidates) {
    const out = new Findings(input.role, input.host, sanNames);
    leafFindings(input, out);
    let publicTrust = false;
    if (path) {
      const certs = path.links.map((l) => input.lookup(l.sha256)).filter((c): c is CertificateModel => c !== undefined);
      chainFindings(path, certs, input, out);
      publicTrust = path.anchor === 'builtin' && out.list.some((f) => f.code === 'CHAIN_TRUSTED');
    }
    if (publicTrust && !input.asCa) publicFindings(input, out);
    revocationFindings(input, out);
    keyFindings(input, out);
    if (!best || compare(score(out.list), score(best.findings)) < 0) best = { findings: out.list, index, publicTrust };
  }
  const findings = best?.findings ?? [];
  return { role: input.role, verdict: verdictOf(findings), findings, pathIndex: best?.index ?? null };
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
