/** Subject Alternative Name: RFC 5280 §4.2.1.6 (GeneralNames). */
import type { Asn1 } from '../../input/der';
import { parseGeneralNames } from '../general-name';
import { fail } from '../util';
import type { ExtensionBody } from './types';
import type { Warnings } from '../warnings';

export function decodeSubjectAltName(value: Asn1, w?: Warnings): ExtensionBody {
  if (!value.isSequence) fail('subjectAltName is not a SEQUENCE', value);
  return { kind: 'subjectAltName', names: parseGeneralNames(value, w) };
}
