/** Subject Alternative Name: RFC 5280 §4.2.1.6 (GeneralNames). */
import type { Asn1 } from '../../input/der';
import { parseGeneralNames } from '../general-name';
import { fail } from '../util';
import type { ExtensionBody } from './types';

export function decodeSubjectAltName(value: Asn1): ExtensionBody {
  if (!value.isSequence) fail('subjectAltName is not a SEQUENCE', value);
  return { kind: 'subjectAltName', names: parseGeneralNames(value) };
}
