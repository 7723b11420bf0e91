/** Subject Information Access: RFC 5280 §4.2.2.2 (caRepository, timeStamping). */
import type { Asn1 } from '../../input/der';
import { parseAccessDescriptions } from './access-description';
import type { ExtensionBody } from './types';
import type { Warnings } from '../warnings';

export function decodeSubjectInfoAccess(value: Asn1, w?: Warnings): ExtensionBody {
  return { kind: 'subjectInfoAccess', descriptions: parseAccessDescriptions(value, 'subjectInfoAccess', w) };
}
