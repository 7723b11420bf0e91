/**
 * Distinguished names (RFC 5280 §4.1.2.4) → NameModel, and the RFC 4514 string form.
 */
import type { AttributeModel, NameModel } from '../model';
import { type Asn1, TagClass } from '../input/der';
import { ATTRIBUTE_SHORT_NAMES } from './oids';
import { fail, oidOf, STRING_TYPE_NAMES, stringByTag, toHex, UT } from './util';

/** Escapes one attribute value for RFC 4514 §2.4. */
export function escapeRfc4514Value(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] ?? '';
    if (ch === ',' || ch === '+' || ch === '"' || ch === '\\' || ch === '<' || ch === '>' || ch === ';') out += `\\${ch}`;
    else if (ch === '\0') out += '\\00';
    else if (i === 0 && (ch === '#' || ch === ' ')) out += `\\${ch}`;
    else if (i === value.length - 1 && ch === ' ') out += '\\ ';
    else out += ch;
  }
  return out;
}

function attributeText(a: AttributeModel): string {
  const type = a.shortName ?? a.oid;
  // Non-string values are already "#hex" and must not be escaped (RFC 4514 §2.4).
  const v = a.stringType === 'other' ? a.value : escapeRfc4514Value(a.value);
  return `${type}=${v}`;
}

/** RFC 4514 string of RDNs given in encoded order (the string lists them last first). */
export function formatName(rdns: readonly (readonly AttributeModel[])[]): string {
  const parts: string[] = [];
  for (let i = rdns.length - 1; i >= 0; i--) parts.push((rdns[i] ?? []).map(attributeText).join('+'));
  return parts.join(',');
}

function attribute(atv: Asn1): AttributeModel {
  if (!atv.isSequence) fail('AttributeTypeAndValue is not a SEQUENCE', atv);
  const [typeNode, valueNode, extra] = atv.children();
  if (!typeNode || !valueNode || extra) fail('AttributeTypeAndValue must hold a type and one value', atv);
  const oid = oidOf(typeNode);
  const shortName = ATTRIBUTE_SHORT_NAMES[oid] ?? null;
  const stringType = valueNode.tagClass === TagClass.Universal && !valueNode.constructed ? STRING_TYPE_NAMES[valueNode.tag] : undefined;
  const text = stringType ? stringByTag(valueNode.tag, valueNode.content) : null;
  if (!stringType || text === null) return { shortName, oid, value: `#${toHex(valueNode.bytes)}`, stringType: 'other' };
  return { shortName, oid, value: text, stringType };
}

/** Attributes of one RDN (a SET, or an implicitly tagged SET such as nameRelativeToCRLIssuer). */
export function parseRdn(rdn: Asn1): AttributeModel[] {
  const atvs = rdn.children();
  if (atvs.length === 0) fail('empty RelativeDistinguishedName', rdn);
  return atvs.map(attribute);
}

/** Name ::= SEQUENCE OF RelativeDistinguishedName (SET OF AttributeTypeAndValue). */
export function parseName(node: Asn1): NameModel {
  if (!node.isSequence) fail('Name is not a SEQUENCE', node);
  const rdns: AttributeModel[][] = [];
  for (const rdn of node.children()) {
    if (!(rdn.constructed && rdn.tagClass === TagClass.Universal && rdn.tag === UT.SET)) fail('RelativeDistinguishedName is not a SET', rdn);
    rdns.push(parseRdn(rdn));
  }
  return { rdns, rfc4514: formatName(rdns), derHex: toHex(node.bytes) };
}
