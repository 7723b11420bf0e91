/**
 * Decoders of extensions that have no dedicated kind in the model: their content goes to
 * `ExtensionModel.details` (kind stays "unknown", the raw value stays beside it), so every
 * switch over extension kinds keeps working. Each cites its specification.
 */
import { type Asn1, TagClass } from '../../input/der';
import type { DetailLine, ExtensionDetails, OidName, QcStatementModel } from '../../model';
import { parseGeneralNames } from '../general-name';
import { OID, oidName } from '../oids';
import { asString, fail, integerParts, named, oidOf, parseGeneralizedTime, smallInt, toHex, UT, latin1Text } from '../util';
import { decodeCertificatePolicies } from './certificate-policies';

type DetailsDecoder = (value: Asn1) => ExtensionDetails;

const line = (label: string, value: string): DetailLine => ({ label, value });
const oidText = (o: OidName): string => (o.name ? `${o.name} (${o.oid})` : o.oid);
/*
 * These two structures are read with the engine's DER reader rather than the @peculiar/asn1-x509
 * schemas: nothing else in the engine imports @peculiar, and those schemas would add asn1js,
 * asn1-schema and asn1-x509 to the Worker (116 KB minified, 31 KB gzip, measured with esbuild)
 * for two SEQUENCEs of two fields.
 */

/** Private Key Usage Period: RFC 3280 §4.2.1.4 (removed from RFC 5280, still written): SEQUENCE { notBefore [0] IMPLICIT GeneralizedTime OPTIONAL, notAfter [1] … }. */
export function decodePrivateKeyUsagePeriod(value: Asn1): ExtensionDetails {
  if (!value.isSequence) fail('privateKeyUsagePeriod is not a SEQUENCE', value);
  let notBefore: string | null = null;
  let notAfter: string | null = null;
  for (const f of value.children()) {
    if (f.tagClass !== TagClass.Context || f.tag > 1) fail('unexpected element in privateKeyUsagePeriod', f);
    const t = parseGeneralizedTime(latin1Text(f.content));
    if (t === null) fail('privateKeyUsagePeriod holds an invalid GeneralizedTime', f);
    if (f.tag === 0) notBefore = t;
    else notAfter = t;
  }
  if (notBefore === null && notAfter === null) fail('privateKeyUsagePeriod holds neither notBefore nor notAfter', value);
  return { type: 'privateKeyUsagePeriod', notBefore, notAfter, lines: [...(notBefore ? [line('Not before', notBefore)] : []), ...(notAfter ? [line('Not after', notAfter)] : [])] };
}

/** OCSP No Check: RFC 6960 §4.2.2.2.1 (NULL). */
export function decodeOcspNoCheck(value: Asn1): ExtensionDetails {
  if (!value.isUniversal(UT.NULL) || value.length !== 0) fail('id-pkix-ocsp-nocheck is not NULL', value);
  return { type: 'ocspNoCheck', lines: [line('OCSP no check', 'responses signed with this certificate are trusted without checking its revocation')] };
}

const ENTRUST_FLAGS = ['keyUpdateAllowed', 'newExtensions', 'pKIXCertificate'];

/** Entrust Version Information (1.2.840.113533.7.65.0): SEQUENCE { entrustVers GeneralString, entrustInfoFlags BIT STRING { keyUpdateAllowed (0), newExtensions (1), pKIXCertificate (2) } }. */
export function decodeEntrustVersion(value: Asn1): ExtensionDetails {
  if (!value.isSequence) fail('entrustVersionInfo is not a SEQUENCE', value);
  const [versNode, flagsNode] = value.children();
  if (!versNode) fail('entrustVersionInfo has no version', value);
  const version = asString(versNode);
  const flags: string[] = [];
  if (flagsNode) {
    if (!flagsNode.isUniversal(UT.BIT_STRING) || flagsNode.length === 0) fail('entrustInfoFlags is not a BIT STRING', flagsNode);
    const bits = flagsNode.content.subarray(1);
    for (let i = 0; i < bits.length * 8; i++) if (((bits[i >> 3] ?? 0) >> (7 - (i & 7))) & 1) flags.push(ENTRUST_FLAGS[i] ?? `bit${i}`);
  }
  return { type: 'entrustVersion', version, flags, lines: [line('Version', version), line('Flags', flags.length ? flags.join(', ') : '(none)')] };
}

/** Microsoft Application Policies (1.3.6.1.4.1.311.21.10): the certificatePolicies syntax, holding EKU OIDs. */
export function decodeMsApplicationPolicies(value: Asn1): ExtensionDetails {
  const body = decodeCertificatePolicies(value);
  const policies = body.kind === 'certificatePolicies' ? body.policies.map((p) => named(p.oid)) : [];
  return { type: 'msApplicationPolicies', policies, lines: policies.map((p) => line('Application policy', oidText(p))) };
}

/** Microsoft CA previous certificate hash (1.3.6.1.4.1.311.21.2): OCTET STRING, the SHA-1 of the CA's previous certificate. */
export function decodeMsPreviousCaCertHash(value: Asn1): ExtensionDetails {
  if (!value.isUniversal(UT.OCTET_STRING)) fail('previous CA certificate hash is not an OCTET STRING', value);
  const hashHex = toHex(value.octets());
  return { type: 'msPreviousCaCertHash', hashHex, lines: [line('Previous CA certificate hash (SHA-1)', hashHex)] };
}

const NETSCAPE_LABEL: Readonly<Record<string, string>> = {
  [OID.netscapeBaseUrl]: 'Base URL',
  [OID.netscapeRevocationUrl]: 'Revocation URL',
  [OID.netscapeCaRevocationUrl]: 'CA revocation URL',
  [OID.netscapeRenewalUrl]: 'Renewal URL',
  [OID.netscapeCaPolicyUrl]: 'CA policy URL',
  [OID.netscapeSslServerName]: 'SSL server name',
};

/** Netscape certificate extensions (2.16.840.1.113730.1.x): IA5String fields. */
function netscapeText(oid: string): DetailsDecoder {
  return (value) => {
    const text = asString(value);
    return { type: 'netscapeText', text, lines: [line(NETSCAPE_LABEL[oid] ?? 'Value', text)] };
  };
}

// ---- QC statements: RFC 3739 §3.2.6, ETSI EN 319 412-5 §4, ETSI TS 119 495 (PSD2) -----------------

function qcInfo(id: string, info: Asn1 | undefined): DetailLine[] {
  if (!info) return [];
  switch (id) {
    case '1.3.6.1.5.5.7.11.1':
    case '1.3.6.1.5.5.7.11.2': {
      // SemanticsInformation ::= SEQUENCE { semanticsIdentifier OID OPTIONAL, nameRegistrationAuthorities GeneralNames OPTIONAL }
      const out: DetailLine[] = [];
      for (const f of info.children()) {
        if (f.isUniversal(UT.OID)) out.push(line('Semantics', oidText(named(oidOf(f)))));
        else if (f.isSequence) out.push(line('Name registration authorities', parseGeneralNames(f).map((n) => n.value).join(', ')));
      }
      return out;
    }
    case '0.4.0.1862.1.2': {
      // MonetaryValue ::= SEQUENCE { currency Iso4217CurrencyCode, amount INTEGER, exponent INTEGER }
      const [cur, amount, exponent] = info.children();
      if (!cur || !amount || !exponent) fail('QcLimitValue needs a currency, an amount and an exponent', info);
      const currency = cur.isUniversal(UT.INTEGER) ? `currency ${integerParts(cur).decimal}` : asString(cur);
      return [line('Limit', `${integerParts(amount).decimal} × 10^${integerParts(exponent).decimal} ${currency}`)];
    }
    case '0.4.0.1862.1.3':
      return [line('Retention period', `${smallInt(info)} years after expiry`)];
    case '0.4.0.1862.1.5':
      // PdsLocations ::= SEQUENCE OF PdsLocation { url IA5String, language PrintableString (SIZE(2)) }
      return info.children().map((loc) => {
        const [url, lang] = loc.children();
        if (!url) fail('PdsLocation has no URL', loc);
        return line(`PKI disclosure statement${lang ? ` (${asString(lang)})` : ''}`, asString(url));
      });
    case '0.4.0.1862.1.6':
      return info.children().map((t) => line('Type', oidText(named(oidOf(t)))));
    case '0.4.0.1862.1.7':
      return [line('Legislation countries', info.children().map(asString).join(', '))];
    case '0.4.0.19495.2': {
      // PSD2QcType ::= SEQUENCE { rolesOfPSP SEQUENCE OF { roleOfPspOid OID, roleOfPspName UTF8String }, nCAName UTF8String, nCAId UTF8String }
      const [roles, ncaName, ncaId] = info.children();
      if (!roles || !ncaName || !ncaId) fail('PSD2 QcStatement needs roles, an NCA name and an NCA id', info);
      const names = roles.children().map((r) => {
        const [o, n] = r.children();
        if (!o) fail('RoleOfPSP has no OID', r);
        return n ? asString(n) : oidText(named(oidOf(o)));
      });
      return [line('PSD2 roles', names.join(', ')), line('National competent authority', `${asString(ncaName)} (${asString(ncaId)})`)];
    }
    default:
      return [line('Information (DER)', toHex(info.bytes))];
  }
}

/** QCStatements ::= SEQUENCE OF QCStatement { statementId OID, statementInfo ANY OPTIONAL }. */
export function decodeQcStatements(value: Asn1): ExtensionDetails {
  if (!value.isSequence) fail('qcStatements is not a SEQUENCE', value);
  const statements: QcStatementModel[] = value.children().map((st) => {
    if (!st.isSequence) fail('QCStatement is not a SEQUENCE', st);
    const [idNode, info] = st.children();
    if (!idNode) fail('QCStatement has no statementId', st);
    const id = named(oidOf(idNode));
    return { ...id, lines: qcInfo(id.oid, info) };
  });
  const lines = statements.flatMap((s) => [line('Statement', oidText(s)), ...s.lines.map((l) => line(`  ${l.label}`, l.value))]);
  return { type: 'qcStatements', statements, lines };
}

// ---- Logotype: RFC 9399 (was RFC 3709) ------------------------------------------------------------

const LOGO_SLOT = ['Community logo', 'Issuer logo', 'Subject logo', 'Other logo'];
const MAX_URI_SHOWN = 200;

/** LogotypeInfo ::= CHOICE { direct [0] LogotypeData, indirect [1] LogotypeReference }: readable lines. */
function logotypeInfo(slot: string, info: Asn1): DetailLine[] {
  const shorten = (u: string): string => (u.length > MAX_URI_SHOWN ? `${u.slice(0, MAX_URI_SHOWN)}… (${u.length} characters)` : u);
  const uris = (seq: Asn1 | undefined): string => (seq?.constructed ? seq.children().map((u) => shorten(asString(u))).join(', ') : '');
  if (info.isContext(1)) {
    // LogotypeReference ::= SEQUENCE { refStructHash SEQUENCE OF HashAlgAndValue, refStructURI SEQUENCE OF IA5String }
    const [, uriSeq] = info.children();
    return [line(`${slot} (by reference)`, uris(uriSeq))];
  }
  if (!info.isContext(0)) fail('LogotypeInfo is neither direct [0] nor indirect [1]', info);
  const out: DetailLine[] = [];
  for (const part of info.children()) {
    // image SEQUENCE OF LogotypeImage; audio [1] SEQUENCE OF LogotypeAudio
    const kind = part.isContext(1) ? 'audio' : 'image';
    for (const item of part.children()) {
      // LogotypeImage/Audio ::= SEQUENCE { details LogotypeDetails { mediaType, logotypeHash, logotypeURI }, info OPTIONAL }
      const details = item.children()[0];
      const [media, hashes, uriSeq] = details?.children() ?? [];
      const mediaType = media ? asString(media) : '?';
      const hash = hashes?.children()[0];
      const alg = hash?.children()[0]?.children()[0];
      const hashText = alg ? ` (${oidName(oidOf(alg)) ?? oidOf(alg)} ${toHex(hash?.children()[1]?.octets() ?? new Uint8Array())})` : '';
      out.push(line(`${slot} ${kind}`, `${mediaType} ${uris(uriSeq)}${hashText}`));
    }
  }
  return out;
}

/** LogotypeExtn ::= SEQUENCE { communityLogos [0], issuerLogo [1], subjectLogo [2], otherLogos [3] } (all EXPLICIT, OPTIONAL): a summary. */
export function decodeLogotype(value: Asn1): ExtensionDetails {
  if (!value.isSequence) fail('logotype is not a SEQUENCE', value);
  const lines: DetailLine[] = [];
  for (const f of value.children()) {
    if (f.tagClass !== TagClass.Context || f.tag > 3) fail('unexpected element in LogotypeExtn', f);
    const inner = f.children()[0];
    if (!inner) continue;
    const slot = LOGO_SLOT[f.tag] ?? 'Logo';
    if (f.tag === 0) for (const i of inner.children()) lines.push(...logotypeInfo(slot, i));
    else if (f.tag === 3) {
      for (const o of inner.children()) {
        const [t, i] = o.children();
        if (t && i) lines.push(...logotypeInfo(`Other logo ${oidOf(t)}`, i));
      }
    } else lines.push(...logotypeInfo(slot, inner));
  }
  return { type: 'logotype', lines };
}

// ---- Biometric information: RFC 3739 §3.2.2 -----------------------------------------------------

const BIOMETRIC_TYPES = ['picture', 'handwritten signature'];

/** BiometricSyntax ::= SEQUENCE OF BiometricData { typeOfBiometricData, hashAlgorithm, biometricDataHash, sourceDataUri OPTIONAL }. */
export function decodeBiometricInfo(value: Asn1): ExtensionDetails {
  if (!value.isSequence) fail('biometricInfo is not a SEQUENCE', value);
  const lines = value.children().map((d) => {
    const [type, alg, hash, uri] = d.children();
    if (!type || !alg || !hash) fail('BiometricData needs a type, a hash algorithm and a hash', d);
    const typeText = type.isUniversal(UT.INTEGER) ? (BIOMETRIC_TYPES[smallInt(type)] ?? `type ${smallInt(type)}`) : oidText(named(oidOf(type)));
    const algOid = oidOf(alg.child(0));
    return line(typeText, `${oidName(algOid) ?? algOid} ${toHex(hash.octets())}${uri ? `, source ${asString(uri)}` : ''}`);
  });
  return { type: 'biometricInfo', lines };
}

export const DETAILS_DECODERS: Readonly<Record<string, DetailsDecoder>> = {
  [OID.privateKeyUsagePeriod]: decodePrivateKeyUsagePeriod,
  [OID.ocspNoCheck]: decodeOcspNoCheck,
  [OID.entrustVersion]: decodeEntrustVersion,
  [OID.msApplicationPolicies]: decodeMsApplicationPolicies,
  [OID.msPreviousCaCertHash]: decodeMsPreviousCaCertHash,
  [OID.qcStatements]: decodeQcStatements,
  [OID.logotype]: decodeLogotype,
  [OID.biometricInfo]: decodeBiometricInfo,
  ...Object.fromEntries(Object.keys(NETSCAPE_LABEL).map((oid) => [oid, netscapeText(oid)])),
};
