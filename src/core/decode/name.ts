/**
 * Distinguished names (RFC 5280 §4.1.2.4) → NameModel, and the RFC 4514 string form.
 */
import type { AttributeModel, NameModel } from '../model';
import { type Asn1, TagClass } from '../input/der';
import { ATTRIBUTE_SHORT_NAMES } from './oids';
import { fail, oidOf, STRING_TYPE_NAMES, stringByTag, toHex, UT } from './util';
import type { Warnings } from './warnings';

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
  // An empty RDN (read leniently) has no RFC 4514 form: it is left out of the string.
  for (let i = rdns.length - 1; i >= 0; i--) if ((rdns[i]?.length ?? 0) > 0) parts.push((rdns[i] ?? []).map(attributeText).join('+'));
  return parts.join(',');
}

/** PrintableString alphabet (X.680 §41.4). */
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

function checkString(node: Asn1, text: string, field: string, w: Warnings): void {
  if (node.tag === UT.PrintableString && !PRINTABLE.test(text)) {
    const bad = [...text].find((ch) => !PRINTABLE.test(ch)) ?? '';
    w.add('STRING_CHARACTERS', field, node, `PrintableString holds ${JSON.stringify(bad)}, which is not in its alphabet (letters, digits, space and '()+,-./:=?); shown as read`);
  } else if ((node.tag === UT.IA5String || node.tag === UT.NumericString || node.tag === UT.VisibleString) && /[\u0080-\uffff]/.test(text)) {
    w.add('STRING_CHARACTERS', field, node, `${STRING_TYPE_NAMES[node.tag] ?? 'string'} holds octets above 0x7F, outside its ASCII alphabet; shown as Latin-1`);
  }
}

function attribute(atv: Asn1, w?: Warnings, field = ''): AttributeModel {
  if (!atv.isSequence) fail('AttributeTypeAndValue is not a SEQUENCE', atv);
  const [typeNode, valueNode, extra] = atv.children();
  if (!typeNode || !valueNode || extra) fail('AttributeTypeAndValue must hold a type and one value', atv);
  const oid = oidOf(typeNode);
  const shortName = ATTRIBUTE_SHORT_NAMES[oid] ?? null;
  const stringType = valueNode.tagClass === TagClass.Universal && !valueNode.constructed ? STRING_TYPE_NAMES[valueNode.tag] : undefined;
  const text = stringType ? stringByTag(valueNode.tag, valueNode.content) : null;
  if (!stringType || text === null) return { shortName, oid, value: `#${toHex(valueNode.bytes)}`, stringType: 'other' };
  if (w) checkString(valueNode, text, `${field}.${shortName ?? oid}`, w);
  return { shortName, oid, value: text, stringType };
}

/**
 * Attributes of one RDN (a SET, or an implicitly tagged SET such as nameRelativeToCRLIssuer).
 * With a warning sink an empty SET is read as an empty RDN (openssl shows such names); without
 * one it is refused.
 */
export function parseRdn(rdn: Asn1, w?: Warnings, field = 'rdn'): AttributeModel[] {
  const atvs = rdn.children();
  if (atvs.length === 0) {
    if (!w) fail('empty RelativeDistinguishedName', rdn);
    w.add('EMPTY_RDN', field, rdn, 'an empty RelativeDistinguishedName (SET {}) where at least one attribute is required; it is shown as an empty component and left out of the name string');
    return [];
  }
  return atvs.map((a) => attribute(a, w, field));
}

/** Name ::= SEQUENCE OF RelativeDistinguishedName (SET OF AttributeTypeAndValue). */
export function parseName(node: Asn1, w?: Warnings, field = 'name'): NameModel {
  if (!node.isSequence) fail('Name is not a SEQUENCE', node);
  const rdns: AttributeModel[][] = [];
  node.children().forEach((rdn, i) => {
    if (!(rdn.constructed && rdn.tagClass === TagClass.Universal && rdn.tag === UT.SET)) fail('RelativeDistinguishedName is not a SET', rdn);
    rdns.push(parseRdn(rdn, w, `${field}.rdn[${i}]`));
  });
  return { rdns, rfc4514: formatName(rdns), derHex: toHex(node.bytes) };
}
