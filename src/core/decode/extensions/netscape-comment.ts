/** Netscape Comment (2.16.840.1.113730.1.13): Netscape Certificate Extensions spec, IA5String. */
import type { Asn1 } from '../../input/der';
import { asString } from '../util';
import type { ExtensionBody } from './types';

export function decodeNetscapeComment(value: Asn1): ExtensionBody {
  return { kind: 'netscapeComment', comment: asString(value) };
}
