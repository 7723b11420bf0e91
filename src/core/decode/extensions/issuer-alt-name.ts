/** Issuer Alternative Name: RFC 5280 §4.2.1.7 (GeneralNames). */
import type { Asn1 } from '../../input/der';
import { parseGeneralNames } from '../general-name';
import { fail } from '../util';
import type { ExtensionBody } from './types';
import type { Warnings } from '../warnings';

export function decodeIssuerAltName(value: Asn1, w?: Warnings): ExtensionBody {
  if (!value.isSequence) fail('issuerAltName is not a SEQUENCE', value);
  return { kind: 'issuerAltName', names: parseGeneralNames(value, w) };
}
