/** Authority Information Access: RFC 5280 §4.2.2.1 (OCSP, caIssuers). */
import type { Asn1 } from '../../input/der';
import { parseAccessDescriptions } from './access-description';
import type { ExtensionBody } from './types';
import type { Warnings } from '../warnings';

export function decodeAuthorityInfoAccess(value: Asn1, w?: Warnings): ExtensionBody {
  return { kind: 'authorityInfoAccess', descriptions: parseAccessDescriptions(value, 'authorityInfoAccess', w) };
}
