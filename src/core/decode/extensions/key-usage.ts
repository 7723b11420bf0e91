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
  // Measured in the lab (test/fixtures/verifier-malformed): OpenSSL and Java read such a BIT STRING.
  const rejectedBy = ['Go (x509: invalid key usage)', 'pyca/cryptography (invalid value)', 'Chrome (a leaf: the TLS handshake fails, ERR_SSL_PROTOCOL_ERROR)'];
  if (unused > 7) w.add('UNUSED_BITS', field, value, `the BIT STRING declares ${unused} unused bits (at most 7)`, { rejectedBy });
  else if (unused > 0 && c.length > 1 && ((c[c.length - 1] ?? 0) & ((1 << unused) - 1)) !== 0) w.add('UNUSED_BITS', field, value, `the BIT STRING sets bits inside its ${unused} unused bits; they are not part of the value`, { rejectedBy });
  else if (c.length > 1 && c[c.length - 1] === 0) w.add('UNUSED_BITS', field, value, 'the BIT STRING ends with a zero octet (DER drops trailing zero bits of a named bit list)');
}

function maskUnused(content: Uint8Array, unused: number): Uint8Array {
  const last = content[content.length - 1] ?? 0;
  const mask = (0xff << unused) & 0xff;
  if ((last & mask) === last) return content;
  const out = content.slice();
  out[out.length - 1] = last & mask;
  return out;
}

export function decodeKeyUsage(value: Asn1, w?: Warnings): ExtensionBody {
  expectUniversal(value, UT.BIT_STRING, 'keyUsage BIT STRING');
  if (value.constructed || value.length === 0) fail('keyUsage BIT STRING is malformed', value);
  checkUnusedBits(value, 'keyUsage', w);
  // Bits inside the declared unused bits are not part of the value: OpenSSL (c2i_ASN1_BIT_STRING)
  // and Java (DerValue.getUnalignedBitString) drop them, and openssl x509 -text does not show them.
  const unused = value.content[0] ?? 0;
  const content = unused > 0 && unused <= 7 && value.content.length > 1 ? maskUnused(value.content, unused) : value.content;
  const names = bitNames(content, KEY_USAGE_BITS);
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
