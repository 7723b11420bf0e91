/** Netscape Certificate Type (2.16.840.1.113730.1.1): Netscape Certificate Extensions spec, named BIT STRING. */
import type { Asn1 } from '../../input/der';
import { bitNames, expectUniversal, fail, UT } from '../util';
import type { ExtensionBody } from './types';

const BITS: readonly string[] = ['sslClient', 'sslServer', 'smime', 'objectSigning', 'reserved', 'sslCA', 'smimeCA', 'objectSigningCA'];

export function decodeNetscapeCertType(value: Asn1): ExtensionBody {
  expectUniversal(value, UT.BIT_STRING, 'a BIT STRING');
  if (value.constructed || value.length === 0) fail('netscapeCertType BIT STRING is malformed', value);
  return { kind: 'netscapeCertType', types: bitNames(value.content, BITS) };
}
