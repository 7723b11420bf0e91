/** Basic Constraints: RFC 5280 §4.2.1.9 (cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL). */
import type { Asn1 } from '../../input/der';
import { bool, fail, smallInt, UT } from '../util';
import type { ExtensionBody } from './types';

export function decodeBasicConstraints(value: Asn1): ExtensionBody {
  if (!value.isSequence) fail('basicConstraints is not a SEQUENCE', value);
  let ca = false;
  let pathLength: number | null = null;
  for (const c of value.children()) {
    if (c.isUniversal(UT.BOOLEAN)) ca = bool(c);
    else if (c.isUniversal(UT.INTEGER)) pathLength = smallInt(c);
    else fail('unexpected element in basicConstraints', c);
  }
  return { kind: 'basicConstraints', ca, pathLength };
}
