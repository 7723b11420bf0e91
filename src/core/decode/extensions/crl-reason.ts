/** CRL entry reason code: RFC 5280 §5.3.1 (ENUMERATED CRLReason). */
import type { Asn1 } from '../../input/der';
import { expectUniversal, fail, smallInt, UT } from '../util';
import type { ExtensionBody } from './types';

export const CRL_REASONS: Readonly<Record<number, string>> = {
  0: 'unspecified',
  1: 'keyCompromise',
  2: 'cACompromise',
  3: 'affiliationChanged',
  4: 'superseded',
  5: 'cessationOfOperation',
  6: 'certificateHold',
  8: 'removeFromCRL',
  9: 'privilegeWithdrawn',
  10: 'aACompromise',
};

export function decodeCrlReason(value: Asn1): ExtensionBody {
  expectUniversal(value, UT.ENUMERATED, 'an ENUMERATED reason code');
  const code = smallInt(value);
  const reason = CRL_REASONS[code];
  if (!reason) fail(`undefined CRL reason code ${code}`, value);
  return { kind: 'crlReason', reason };
}
