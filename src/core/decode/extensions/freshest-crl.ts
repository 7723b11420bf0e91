/** Freshest CRL (delta CRL distribution points): RFC 5280 §4.2.1.15, same syntax as §4.2.1.13. */
import type { Asn1 } from '../../input/der';
import { parseDistributionPoints } from './crl-distribution-points';
import type { ExtensionBody } from './types';

export function decodeFreshestCrl(value: Asn1): ExtensionBody {
  return { kind: 'freshestCrl', points: parseDistributionPoints(value, 'freshestCRL') };
}
