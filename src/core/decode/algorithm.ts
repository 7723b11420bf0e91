/** AlgorithmIdentifier (RFC 5280 §4.1.1.2) → AlgorithmModel, with RSASSA-PSS parameters (RFC 4055 §3.1) in words. */
import type { AlgorithmModel } from '../model';
import { type Asn1, TagClass } from '../input/der';
import { OID, oidName } from './oids';
import { fail, oidOf, smallInt, toHex, UT } from './util';

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

export function parseAlgorithm(node: Asn1): AlgorithmModel {
  if (!node.isSequence) fail('AlgorithmIdentifier is not a SEQUENCE', node);
  const [oidNode, params] = node.children();
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
