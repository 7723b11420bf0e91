/** Freshest CRL (delta CRL distribution points): RFC 5280 §4.2.1.15, same syntax as §4.2.1.13. */
import type { Asn1 } from '../../input/der';
import { parseDistributionPoints } from './crl-distribution-points';
import type { ExtensionBody } from './types';
import type { Warnings } from '../warnings';

export function decodeFreshestCrl(value: Asn1, w?: Warnings): ExtensionBody {
  return { kind: 'freshestCrl', points: parseDistributionPoints(value, 'freshestCRL', w) };
}
