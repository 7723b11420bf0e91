/** Subject Key Identifier: RFC 5280 §4.2.1.2 (OCTET STRING). */
import type { Asn1 } from '../../input/der';
import { expectUniversal, toHex, UT } from '../util';
import type { ExtensionBody } from './types';

export function decodeSubjectKeyIdentifier(value: Asn1): ExtensionBody {
  expectUniversal(value, UT.OCTET_STRING, 'an OCTET STRING key identifier');
  return { kind: 'subjectKeyIdentifier', keyIdentifierHex: toHex(value.octets()) };
}
