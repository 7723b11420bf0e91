/** Key Usage: RFC 5280 §4.2.1.3 (named BIT STRING). */
import type { Asn1 } from '../../input/der';
import type { KeyUsageName } from '../../model';
import { bitNames, expectUniversal, fail, UT } from '../util';
import type { ExtensionBody } from './types';
import type { Warnings } from '../warnings';

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

const KNOWN: ReadonlySet<string> = new Set(KEY_USAGE_BITS);

/** Checks the unused-bits octet of a primitive BIT STRING: a count above 7, or unused bits set (DER needs them clear). */
export function checkUnusedBits(value: Asn1, field: string, w: Warnings | undefined): void {
  if (!w) return;
  const c = value.content;
  const unused = c[0] ?? 0;
  if (unused > 7) w.add('UNUSED_BITS', field, value, `the BIT STRING declares ${unused} unused bits (at most 7)`);
  else if (unused > 0 && c.length > 1 && ((c[c.length - 1] ?? 0) & ((1 << unused) - 1)) !== 0) w.add('UNUSED_BITS', field, value, `the BIT STRING sets bits inside its ${unused} unused bits`);
  else if (c.length > 1 && c[c.length - 1] === 0) w.add('UNUSED_BITS', field, value, 'the BIT STRING ends with a zero octet (DER drops trailing zero bits of a named bit list)');
}

export function decodeKeyUsage(value: Asn1, w?: Warnings): ExtensionBody {
  expectUniversal(value, UT.BIT_STRING, 'keyUsage BIT STRING');
  if (value.constructed || value.length === 0) fail('keyUsage BIT STRING is malformed', value);
  checkUnusedBits(value, 'keyUsage', w);
  const names = bitNames(value.content, KEY_USAGE_BITS);
  const unknown = names.filter((n) => !KNOWN.has(n));
  if (unknown.length > 0) {
    if (!w) fail(`keyUsage sets undefined ${unknown[0] ?? ''}`, value);
    w.add('UNDEFINED_BIT', 'keyUsage', value, `keyUsage sets ${unknown.join(', ')}, which no standard defines (bits 0–8 are); the defined bits are shown`, {
      malformed: true,
      error: `keyUsage sets undefined ${unknown[0] ?? ''} at byte ${value.offset}`,
    });
  }
  return { kind: 'keyUsage', usages: names.filter((n) => KNOWN.has(n)) as KeyUsageName[] };
}
