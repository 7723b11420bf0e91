/** TLS Feature ("must-staple"): RFC 7633 §4.1 (SEQUENCE OF INTEGER TLS extension numbers). */
import type { Asn1 } from '../../input/der';
import { fail, smallInt } from '../util';
import type { ExtensionBody } from './types';

const FEATURE_NAMES: Readonly<Record<number, string>> = { 5: 'status_request', 17: 'status_request_v2' };

export function decodeTlsFeature(value: Asn1): ExtensionBody {
  if (!value.isSequence) fail('tlsFeature is not a SEQUENCE', value);
  return {
    kind: 'tlsFeature',
    features: value.children().map((c) => {
      const v = smallInt(c);
      return { value: v, name: FEATURE_NAMES[v] ?? null };
    }),
  };
}
