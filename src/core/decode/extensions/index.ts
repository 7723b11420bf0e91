/**
 * The extension table: OID → decoder. Every extension is kept, in order; an unknown OID, or a
 * known one whose value does not parse, becomes kind "unknown" with the raw value (and the
 * decode error) kept.
 */
import { type Asn1, readAsn1, TagClass } from '../../input/der';
import type { ExtensionModel } from '../../model';
import { OID, oidName } from '../oids';
import { bool, fail, oidOf, toHex, UT } from '../util';
import { decodeAuthorityInfoAccess } from './authority-info-access';
import { decodeAuthorityKeyIdentifier } from './authority-key-identifier';
import { decodeBasicConstraints } from './basic-constraints';
import { decodeCertificatePolicies } from './certificate-policies';
import { decodeCrlDistributionPoints } from './crl-distribution-points';
import { decodeCrlNumber } from './crl-number';
import { decodeCrlReason } from './crl-reason';
import { decodeCtPoison } from './ct-poison';
import { decodeDeltaCrlIndicator } from './delta-crl-indicator';
import { decodeExtKeyUsage } from './ext-key-usage';
import { decodeFreshestCrl } from './freshest-crl';
import { decodeInhibitAnyPolicy } from './inhibit-any-policy';
import { decodeInvalidityDate } from './invalidity-date';
import { decodeIssuerAltName } from './issuer-alt-name';
import { decodeIssuingDistributionPoint } from './issuing-distribution-point';
import { decodeKeyUsage } from './key-usage';
import { decodeMsCaVersion } from './ms-ca-version';
import { decodeMsCertificateTemplate } from './ms-certificate-template';
import { decodeMsCertificateTemplateName } from './ms-certificate-template-name';
import { decodeNameConstraints } from './name-constraints';
import { decodeNetscapeCertType } from './netscape-cert-type';
import { decodeNetscapeComment } from './netscape-comment';
import { decodePolicyConstraints } from './policy-constraints';
import { decodePolicyMappings } from './policy-mappings';
import { decodeSctList } from './sct-list';
import { decodeSubjectAltName } from './subject-alt-name';
import { decodeSubjectDirectoryAttributes } from './subject-directory-attributes';
import { decodeSubjectInfoAccess } from './subject-info-access';
import { decodeSubjectKeyIdentifier } from './subject-key-identifier';
import { decodeTlsFeature } from './tls-feature';
import type { ExtensionBody } from './types';
import { Warnings } from '../warnings';
import { DETAILS_DECODERS } from './details';

export type { ExtensionBody } from './types';

/** A decoder reads leniently where it can, recording each leniency in `w` (malformed ones with `malformed: true`), and throws when nothing can be read. */
type Decoder = (value: Asn1, w: Warnings) => ExtensionBody;

export const EXTENSION_DECODERS: Readonly<Record<string, Decoder>> = {
  [OID.subjectAltName]: decodeSubjectAltName,
  [OID.issuerAltName]: decodeIssuerAltName,
  [OID.keyUsage]: decodeKeyUsage,
  [OID.extKeyUsage]: decodeExtKeyUsage,
  [OID.basicConstraints]: decodeBasicConstraints,
  [OID.subjectKeyIdentifier]: decodeSubjectKeyIdentifier,
  [OID.authorityKeyIdentifier]: decodeAuthorityKeyIdentifier,
  [OID.authorityInfoAccess]: decodeAuthorityInfoAccess,
  [OID.subjectInfoAccess]: decodeSubjectInfoAccess,
  [OID.crlDistributionPoints]: decodeCrlDistributionPoints,
  [OID.freshestCrl]: decodeFreshestCrl,
  [OID.certificatePolicies]: decodeCertificatePolicies,
  [OID.nameConstraints]: decodeNameConstraints,
  [OID.policyConstraints]: decodePolicyConstraints,
  [OID.policyMappings]: decodePolicyMappings,
  [OID.inhibitAnyPolicy]: decodeInhibitAnyPolicy,
  [OID.sctList]: decodeSctList,
  [OID.ctPoison]: decodeCtPoison,
  [OID.tlsFeature]: decodeTlsFeature,
  [OID.netscapeCertType]: decodeNetscapeCertType,
  [OID.netscapeComment]: decodeNetscapeComment,
  [OID.msCertificateTemplateName]: decodeMsCertificateTemplateName,
  [OID.msCertificateTemplate]: decodeMsCertificateTemplate,
  [OID.msCaVersion]: decodeMsCaVersion,
  [OID.subjectDirectoryAttributes]: decodeSubjectDirectoryAttributes,
  [OID.crlNumber]: decodeCrlNumber,
  [OID.deltaCrlIndicator]: decodeDeltaCrlIndicator,
  [OID.issuingDistributionPoint]: decodeIssuingDistributionPoint,
  [OID.crlReason]: decodeCrlReason,
  [OID.invalidityDate]: decodeInvalidityDate,
};

const byteOfValue = (message: string): string => message.replace(/ at byte (\d+)$/, ' at byte $1 of the extension value');

/**
 * Decodes one extension's value (given the OID and extnValue bytes). Never throws. A value that
 * does not decode strictly keeps its kind with the best-effort value ("present, malformed":
 * `decodeError` set, `decodeWarnings` say what was wrong); only a value nothing could be read
 * from becomes kind "unknown". `parent` collects the warnings for the whole object; `base` is the
 * offset of extnValue in the object's DER and `field` the path shown with them.
 */
export function decodeExtensionValue(oid: string, critical: boolean, value: Uint8Array, parent?: Warnings, base = 0, field?: string): ExtensionModel {
  // Objects are built with Object.assign onto a fresh literal, never `{ ...a, ...b }`: a second
  // spread over the decoders' many body shapes sends V8 to a slow generic path (measured: the
  // largest self time of the decoder on a 10,000-certificate bundle). Key order is unchanged.
  const common = { oid, name: oidName(oid), critical, valueHex: toHex(value) };
  const label = field ?? common.name ?? oid;
  const decoder = EXTENSION_DECODERS[oid];
  const w = (parent ?? new Warnings()).scope(base, label);
  if (!decoder) {
    // Extensions without a dedicated kind: decoded into `details`; a failure is a warning only
    // (no decodeError: the verifiers modelled here do not parse these, so they never refuse them).
    const details = DETAILS_DECODERS[oid];
    if (!details) return Object.assign(common, { kind: 'unknown' as const });
    try {
      const node = readAsn1(value);
      if (node.end !== value.length) w.add('TRAILING_DATA', '', node.end, `${value.length - node.end} bytes follow the extension's value; they are ignored`);
      const out = Object.assign(common, { kind: 'unknown' as const, details: details(node) });
      return w.list.length === 0 ? out : Object.assign(out, { decodeWarnings: w.list });
    } catch (e) {
      const message = byteOfValue(e instanceof Error ? e.message : String(e));
      w.add('EXTENSION_MALFORMED', '', null, `the value does not decode (${message}); only its raw bytes are shown`);
      return Object.assign(common, { kind: 'unknown' as const, decodeWarnings: w.list });
    }
  }
  try {
    const node = readAsn1(value);
    if (node.end !== value.length) {
      const error = `${value.length - node.end} trailing bytes after the ASN.1 element at byte ${node.end} of the extension value`;
      w.add('TRAILING_DATA', '', node.end, `${value.length - node.end} bytes follow the extension's value; they are ignored and the value before them is shown`, {
        malformed: true,
        error,
        // Measured (test/fixtures/verifier-malformed): OpenSSL and Go ignore the bytes.
        rejectedBy: ['Java (extra data at the end: a critical extension refuses the certificate, a non-critical one is ignored)', 'pyca/cryptography (extra data)', 'Chrome (ERR_CERT_INVALID)'],
      });
    }
    const body = decoder(node, w);
    const out = Object.assign(common, body) as ExtensionModel;
    if (w.list.length === 0) return out;
    if (w.firstError !== null) Object.assign(out, { decodeError: byteOfValue(w.firstError) });
    return Object.assign(out, { decodeWarnings: w.list });
  } catch (e) {
    // Offsets in the message are relative to extnValue: say so.
    const message = byteOfValue(e instanceof Error ? e.message : String(e));
    w.add('EXTENSION_MALFORMED', '', null, `the value does not decode (${message}); only its raw bytes are shown`, { malformed: true, error: message });
    return Object.assign(common, { kind: 'unknown' as const, decodeError: message, decodeWarnings: w.list });
  }
}

/** Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }. */
export function decodeExtension(node: Asn1, w?: Warnings, field = 'extension'): ExtensionModel {
  if (!node.isSequence) fail('Extension is not a SEQUENCE', node);
  const kids = node.children();
  const [idNode, second, third] = kids;
  if (!idNode || !second || kids.length > 3) fail('Extension must hold an OID, an optional criticality and a value', node);
  const oid = oidOf(idNode);
  let critical = false;
  let valueNode = second;
  if (third) {
    critical = bool(second);
    valueNode = third;
    if (w && !critical) w.add('BOOLEAN_ENCODING', `${field}.critical`, second, 'critical FALSE is encoded although it is the DEFAULT (DER leaves it out)');
    else if (w && second.content[0] !== 0xff) w.add('BOOLEAN_ENCODING', `${field}.critical`, second, `BOOLEAN TRUE is encoded as 0x${(second.content[0] ?? 0).toString(16).padStart(2, '0')} (DER requires 0xff)`);
  }
  if (valueNode.tagClass !== TagClass.Universal || valueNode.tag !== UT.OCTET_STRING) fail(`extension ${oid} value is not an OCTET STRING`, valueNode);
  const label = `${field} ${oidName(oid) ?? oid}`;
  const base = valueNode.constructed ? -1 : valueNode.contentStart;
  return decodeExtensionValue(oid, critical, valueNode.octets(), w, base < 0 ? 0 : base, label);
}

/** Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension */
export function decodeExtensions(node: Asn1, w?: Warnings, field = 'extensions'): ExtensionModel[] {
  if (!node.isSequence) fail('Extensions is not a SEQUENCE', node);
  const out = node.children().map((e, i) => decodeExtension(e, w, `${field}[${i}]`));
  if (w) {
    const seen = new Set<string>();
    out.forEach((e, i) => {
      if (seen.has(e.oid)) w.add('DUPLICATE_EXTENSION', `${field}[${i}]`, node.children()[i] ?? null, `extension ${e.name ?? e.oid} appears more than once (RFC 5280 §4.2 allows one of each)`);
      seen.add(e.oid);
    });
  }
  return out;
}
