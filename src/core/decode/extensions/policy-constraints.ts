/** Policy Constraints: RFC 5280 §4.2.1.11 (requireExplicitPolicy [0], inhibitPolicyMapping [1]). */
import { type Asn1, TagClass } from '../../input/der';
import { fail, implicitInt } from '../util';
import type { ExtensionBody } from './types';

export function decodePolicyConstraints(value: Asn1): ExtensionBody {
  if (!value.isSequence) fail('policyConstraints is not a SEQUENCE', value);
  let requireExplicitPolicy: number | null = null;
  let inhibitPolicyMapping: number | null = null;
  for (const f of value.children()) {
    if (f.tagClass === TagClass.Context && f.tag === 0) requireExplicitPolicy = implicitInt(f);
    else if (f.tagClass === TagClass.Context && f.tag === 1) inhibitPolicyMapping = implicitInt(f);
    else fail('unexpected element in policyConstraints', f);
  }
  return { kind: 'policyConstraints', requireExplicitPolicy, inhibitPolicyMapping };
}
