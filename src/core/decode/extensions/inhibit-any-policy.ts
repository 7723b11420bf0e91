/** Inhibit anyPolicy: RFC 5280 §4.2.1.14 (SkipCerts INTEGER (0..MAX)). */
import type { Asn1 } from '../../input/der';
import { smallInt } from '../util';
import type { ExtensionBody } from './types';

export function decodeInhibitAnyPolicy(value: Asn1): ExtensionBody {
  return { kind: 'inhibitAnyPolicy', skipCerts: smallInt(value) };
}
