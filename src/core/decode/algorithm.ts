/** AlgorithmIdentifier (RFC 5280 §4.1.1.2) → AlgorithmModel, with RSASSA-PSS parameters (RFC 4055 §3.1) in words. */
import type { AlgorithmModel } from '../model';
import { type Asn1, TagClass } from '../input/der';
import { OID, oidName } from './oids';
import { fail, oidOf, smallInt, toHex, UT } from './util';
import type { Warnings } from './warnings';

function hashName(algId: Asn1 | undefined): string {
  if (!algId) return 'SHA-1';
  const oid = oidOf(algId.child(0));
  return oidName(oid) ?? oid;
}

/** "SHA-256, MGF1 SHA-256, salt 32" (defaults: SHA-1, MGF1 SHA-1, salt 20, trailer 1). */
export function pssParametersText(params: Asn1): string {
  let hash = 'SHA-1';
  let mgf = 'MGF1 SHA-1';
  let salt = 20;
  let trailer = 1;
  if (!params.isSequence) fail('RSASSA-PSS parameters are not a SEQUENCE', params);
  for (const field of params.children()) {
    const inner = field.children()[0];
    if (field.tagClass !== TagClass.Context || !inner) fail('bad RSASSA-PSS parameter', field);
    if (field.tag === 0) hash = hashName(inner);
    else if (field.tag === 1) {
      const mgfOid = oidOf(inner.child(0));
      mgf = mgfOid === OID.mgf1 ? `MGF1 ${hashName(inner.children()[1])}` : (oidName(mgfOid) ?? mgfOid);
    } else if (field.tag === 2) salt = smallInt(inner);
    else if (field.tag === 3) trailer = smallInt(inner);
  }
  return `${hash}, ${mgf}, salt ${salt}${trailer !== 1 ? `, trailer ${trailer}` : ''}`;
}

const TAG_NAMES: Readonly<Record<number, string>> = { 16: 'SEQUENCE', 17: 'SET', 4: 'OCTET STRING', 6: 'OBJECT IDENTIFIER' };
const tagText = (n: Asn1): string => (n.tagClass === TagClass.Universal ? (TAG_NAMES[n.tag] ?? `universal tag ${n.tag}`) : `[${n.tag}] (class ${n.tagClass})`);

/**
 * AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL }. With a warning
 * sink, a constructed element under another tag is read as the SEQUENCE (warned), and so is a
 * bare OID.
 */
export function parseAlgorithm(node: Asn1, w?: Warnings, field = 'algorithm'): AlgorithmModel {
  let kids: Asn1[];
  if (node.isSequence) kids = node.children();
  else if (w && node.constructed) {
    w.add('ALGORITHM_ENCODING', field, node, `the AlgorithmIdentifier is a constructed ${tagText(node)}, not a SEQUENCE; read as if it were one`);
    kids = node.children();
  } else if (w && node.isUniversal(UT.OID) && !node.constructed) {
    w.add('ALGORITHM_ENCODING', field, node, 'the AlgorithmIdentifier is a bare OBJECT IDENTIFIER, not a SEQUENCE; read as the algorithm with no parameters');
    kids = [node];
  } else fail('AlgorithmIdentifier is not a SEQUENCE', node);
  if (w && kids.length > 2) w.add('ALGORITHM_ENCODING', field, kids[2] ?? node, `the AlgorithmIdentifier holds ${kids.length} elements (at most 2 are defined); the extra ones are ignored`);
  const [oidNode, params] = kids;
  if (!oidNode) fail('AlgorithmIdentifier has no OID', node);
  const oid = oidOf(oidNode);
  const parametersHex = params ? toHex(params.bytes) : null;
  let parametersText: string | null = null;
  if (params && oid === OID.rsassaPss) {
    try {
      parametersText = pssParametersText(params);
    } catch (e) {
      parametersText = `unreadable RSASSA-PSS parameters (${e instanceof Error ? e.message : String(e)})`;
    }
  } else if (params && params.tagClass === TagClass.Universal && params.tag === UT.OID) {
    const p = oidOf(params);
    parametersText = oidName(p) ?? p;
  }
  return { oid, name: oidName(oid), parametersHex, parametersText };
}
