/** Invalidity date: RFC 5280 §5.3.2 (GeneralizedTime). */
import type { Asn1 } from '../../input/der';
import { parseTime } from '../util';
import type { ExtensionBody } from './types';

export function decodeInvalidityDate(value: Asn1): ExtensionBody {
  return { kind: 'invalidityDate', date: parseTime(value, 'invalidityDate') };
}
