/** Key Usage: RFC 5280 §4.2.1.3 (named BIT STRING). */
import type { Asn1 } from '../../input/der';
import type { KeyUsageName } from '../../model';
import { bitNames, expectUniversal, fail, UT } from '../util';
import type { ExtensionBody } from './types';

export const KEY_USAGE_BITS: readonly KeyUsageName[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

export function decodeKeyUsage(value: Asn1): ExtensionBody {
  expectUniversal(value, UT.BIT_STRING, 'keyUsage BIT STRING');
  if (value.constructed || value.length === 0) fail('keyUsage BIT STRING is malformed', value);
  const names = bitNames(value.content, KEY_USAGE_BITS);
  const unknown = names.find((n) => !(KEY_USAGE_BITS as readonly string[]).includes(n));
  if (unknown) fail(`keyUsage sets undefined ${unknown}`, value);
  return { kind: 'keyUsage', usages: names as KeyUsageName[] };
}
