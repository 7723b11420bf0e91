/** Extended Key Usage: RFC 5280 §4.2.1.12 (SEQUENCE OF KeyPurposeId). */
import type { Asn1 } from '../../input/der';
import { fail, named, oidOf } from '../util';
import type { ExtensionBody } from './types';

export function decodeExtKeyUsage(value: Asn1): ExtensionBody {
  if (!value.isSequence) fail('extKeyUsage is not a SEQUENCE', value);
  return { kind: 'extKeyUsage', purposes: value.children().map((c) => named(oidOf(c))) };
}
