/** Precertificate poison: RFC 6962 §3.1 (critical, value ASN.1 NULL). */
import type { Asn1 } from '../../input/der';
import { expectUniversal, fail, UT } from '../util';
import type { ExtensionBody } from './types';

export function decodeCtPoison(value: Asn1): ExtensionBody {
  expectUniversal(value, UT.NULL, 'NULL');
  if (value.length !== 0) fail('CT poison NULL has content', value);
  return { kind: 'ctPrecertificatePoison' };
}
