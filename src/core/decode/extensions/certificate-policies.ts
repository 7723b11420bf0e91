/** Certificate Policies: RFC 5280 §4.2.1.4 (policy OIDs, CPS and user-notice qualifiers); CA/B Forum levels. */
import { type Asn1, TagClass } from '../../input/der';
import type { PolicyModel, PolicyQualifierModel } from '../../model';
import { EV_POLICY_OIDS, OID } from '../oids';
import { asString, fail, named, oidOf, smallInt, toHex, UT } from '../util';
import type { ExtensionBody } from './types';

export function validationLevel(oid: string): PolicyModel['validationLevel'] {
  if (oid === OID.cabfDv) return 'DV';
  if (oid === OID.cabfOv) return 'OV';
  if (oid === OID.cabfIv) return 'IV';
  if (EV_POLICY_OIDS.has(oid)) return 'EV';
  return null;
}

function userNotice(node: Asn1): NonNullable<PolicyQualifierModel['userNotice']> {
  if (!node.isSequence) fail('UserNotice is not a SEQUENCE', node);
  let organization: string | undefined;
  let noticeNumbers: number[] | undefined;
  let explicitText: string | undefined;
  for (const f of node.children()) {
    if (f.isSequence) {
      const [org, nums] = f.children();
      if (!org || !nums || !nums.isSequence) fail('bad NoticeReference', f);
      organization = asString(org);
      noticeNumbers = nums.children().map(smallInt);
    } else explicitText = asString(f);
  }
  return { ...(organization !== undefined ? { organization } : {}), ...(noticeNumbers ? { noticeNumbers } : {}), ...(explicitText !== undefined ? { explicitText } : {}) };
}

function qualifier(node: Asn1): PolicyQualifierModel {
  if (!node.isSequence) fail('PolicyQualifierInfo is not a SEQUENCE', node);
  const [idNode, q] = node.children();
  if (!idNode) fail('PolicyQualifierInfo has no id', node);
  const id = named(oidOf(idNode));
  if (id.oid === OID.cps && q) {
    if (q.tagClass !== TagClass.Universal || q.tag !== UT.IA5String) fail('CPS pointer is not an IA5String', q);
    return { ...id, cpsUri: asString(q) };
  }
  if (id.oid === OID.userNotice && q) return { ...id, userNotice: userNotice(q) };
  return q ? { ...id, derHex: toHex(q.bytes) } : id;
}

export function decodeCertificatePolicies(value: Asn1): ExtensionBody {
  if (!value.isSequence) fail('certificatePolicies is not a SEQUENCE', value);
  const policies = value.children().map((pi): PolicyModel => {
    if (!pi.isSequence) fail('PolicyInformation is not a SEQUENCE', pi);
    const [idNode, quals] = pi.children();
    if (!idNode) fail('PolicyInformation has no policy identifier', pi);
    const id = named(oidOf(idNode));
    if (quals && !quals.isSequence) fail('policyQualifiers is not a SEQUENCE', quals);
    return { ...id, validationLevel: validationLevel(id.oid), qualifiers: quals ? quals.children().map(qualifier) : [] };
  });
  return { kind: 'certificatePolicies', policies };
}
