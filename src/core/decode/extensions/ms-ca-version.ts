/** Microsoft CA version (1.3.6.1.4.1.311.21.1): [MS-WCCE] §2.2.2.7.3, INTEGER (key index << 16 | certificate index). */
import type { Asn1 } from '../../input/der';
import { smallInt } from '../util';
import type { ExtensionBody } from './types';

export function decodeMsCaVersion(value: Asn1): ExtensionBody {
  const v = smallInt(value);
  return { kind: 'msCaVersion', certificateIndex: v % 65536, keyIndex: Math.floor(v / 65536) };
}
