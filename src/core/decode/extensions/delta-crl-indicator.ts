/** Delta CRL Indicator: RFC 5280 §5.2.4 (BaseCRLNumber INTEGER). */
import type { Asn1 } from '../../input/der';
import { crlNumberText } from './crl-number';
import type { ExtensionBody } from './types';

export function decodeDeltaCrlIndicator(value: Asn1): ExtensionBody {
  return { kind: 'deltaCrlIndicator', number: crlNumberText(value) };
}
