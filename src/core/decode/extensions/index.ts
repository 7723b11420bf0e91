/**
 * The extension table: OID → decoder. Every extension is kept, in order; an unknown OID, or a
 * known one whose value does not parse, becomes kind "unknown" with the raw value (and the
 * decode error) kept.
 */
import { type Asn1, parseDer, TagClass } from '../../input/der';
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

export type { ExtensionBody } from './types';

type Decoder = (value: Asn1) => ExtensionBody;

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

/** Decodes one extension's value (given the OID and extnValue bytes). Never throws. */
export function decodeExtensionValue(oid: string, critical: boolean, value: Uint8Array): ExtensionModel {
  const common = { oid, name: oidName(oid), critical, valueHex: toHex(value) };
  const decoder = EXTENSION_DECODERS[oid];
  if (!decoder) return { ...common, kind: 'unknown' };
  try {
    return { ...common, ...decoder(parseDer(value)) } as ExtensionModel;
  } catch (e) {
    // Offsets in the message are relative to extnValue: say so.
    const message = (e instanceof Error ? e.message : String(e)).replace(/ at byte (\d+)$/, ' at byte $1 of the extension value');
    return { ...common, kind: 'unknown', decodeError: message };
  }
}

/** Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }. */
export function decodeExtension(node: Asn1): ExtensionModel {
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
  }
  if (valueNode.tagClass !== TagClass.Universal || valueNode.tag !== UT.OCTET_STRING) fail(`extension ${oid} value is not an OCTET STRING`, valueNode);
  return decodeExtensionValue(oid, critical, valueNode.octets());
}

/** Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension */
export function decodeExtensions(node: Asn1): ExtensionModel[] {
  if (!node.isSequence) fail('Extensions is not a SEQUENCE', node);
  return node.children().map(decodeExtension);
}
