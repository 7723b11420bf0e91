/** Subject Information Access: RFC 5280 §4.2.2.2 (caRepository, timeStamping). */
import type { Asn1 } from '../../input/der';
import { parseAccessDescriptions } from './access-description';
import type { ExtensionBody } from './types';

export function decodeSubjectInfoAccess(value: Asn1): ExtensionBody {
  return { kind: 'subjectInfoAccess', descriptions: parseAccessDescriptions(value, 'subjectInfoAccess') };
}
