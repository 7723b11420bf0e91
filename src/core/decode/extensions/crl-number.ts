/** CRL Number: RFC 5280 §5.2.3 (INTEGER, shown in decimal). */
import type { Asn1 } from '../../input/der';
import { fail, integerParts } from '../util';
import type { ExtensionBody } from './types';

export function crlNumberText(value: Asn1): string {
  const p = integerParts(value);
  if (p.negative) fail('negative CRL number', value);
  return p.decimal;
}

export function decodeCrlNumber(value: Asn1): ExtensionBody {
  return { kind: 'crlNumber', number: crlNumberText(value) };
}
