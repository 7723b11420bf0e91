/**
 * The hostile-DER generator: certificates that are well formed except for one known encoding
 * problem each, the problems real certificates carry and the decoder reads leniently (with a
 * decode warning). Used by the table tests (src/core/decode/lenient.test.ts), the fuzzing run
 * (src/core/fuzz/fuzz.test.ts) and to measure which real parsers refuse each form.
 *
 * Test-only: never imported by engine code.
 */
import { concatBytes, fromHex } from '../input/bytes';
import { encBitString, encCtx, encInt, encNull, encOctets, encOid, encSeq, encSet, encTlv } from '../input/der';
import type { DecodeWarningCode } from '../model';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A real P-256 public key (so every parser can read the key and get to the part under test). */
export const P256_SPKI = fromHex(
  '3059301306072a8648ce3d020106082a8648ce3d030107034200040d6184db69001710282994fddb0f3f77749c365be393789ca758b38f0d1d5bf2fdd74c48c5178dd721599e471b6d4dbabcf1af0fb09affb451894fb95ae6b94b',
);
const ECDSA_SHA256 = (): Uint8Array => encSeq(encOid('1.2.840.10045.4.3.2'));
const utf8 = (s: string): Uint8Array => encTlv(0x0c, text(s));
const printable = (s: string): Uint8Array => encTlv(0x13, text(s));
const atv = (oid: string, value: Uint8Array): Uint8Array => encSeq(encOid(oid), value);
export const cnName = (cn: string): Uint8Array => encSeq(encSet(atv('2.5.4.3', utf8(cn))));
const utc = (s: string): Uint8Array => encTlv(0x17, text(s));
const ext = (oid: string, value: Uint8Array, critical = false): Uint8Array => encSeq(encOid(oid), ...(critical ? [encTlv(0x01, Uint8Array.of(0xff))] : []), encOctets(value));
const dns = (s: string): Uint8Array => encTlv(0x82, text(s));
const SAN = '2.5.29.17';
const BC = '2.5.29.19';
const KU = '2.5.29.15';
const EKU = '2.5.29.37';
const AKI = '2.5.29.35';

export interface CertParts {
  readonly version?: Uint8Array | null;
  readonly serial?: Uint8Array;
  readonly innerAlgorithm?: Uint8Array;
  readonly issuer?: Uint8Array;
  readonly validity?: Uint8Array;
  readonly subject?: Uint8Array;
  readonly spki?: Uint8Array;
  readonly extensions?: readonly Uint8Array[];
  readonly outerAlgorithm?: Uint8Array;
  /** Replaces the whole TBSCertificate (for length-encoding forms). */
  readonly tbs?: Uint8Array;
}

/** A certificate for www.example.com with a SAN, from parts (each defaulting to a good value). The signature is not valid. */
export function buildCertificate(p: CertParts = {}): Uint8Array {
  const tbs =
    p.tbs ??
    encSeq(
      ...(p.version === null ? [] : [p.version ?? encCtx(0, encInt(2))]),
      p.serial ?? encInt(0x1234),
      p.innerAlgorithm ?? ECDSA_SHA256(),
      p.issuer ?? cnName('Example Issuing CA'),
      p.validity ?? encSeq(utc('250101000000Z'), utc('350101000000Z')),
      p.subject ?? cnName('www.example.com'),
      p.spki ?? P256_SPKI,
      ...(p.extensions?.length === 0 ? [] : [encCtx(3, encSeq(...(p.extensions ?? [ext(SAN, encSeq(dns('www.example.com')))])))]),
    );
  return encSeq(tbs, p.outerAlgorithm ?? ECDSA_SHA256(), encBitString(new Uint8Array(70).fill(0x5a)));
}

export interface MalformedForm {
  readonly id: string;
  /** The decode warning the decoder must give. */
  readonly code: DecodeWarningCode;
  /** What the form breaks. */
  readonly why: string;
  readonly der: () => Uint8Array;
}

const goodTbsFields = (): Uint8Array[] => [
  encCtx(0, encInt(2)),
  encInt(0x1234),
  ECDSA_SHA256(),
  cnName('Example Issuing CA'),
  encSeq(utc('250101000000Z'), utc('350101000000Z')),
  cnName('www.example.com'),
  P256_SPKI,
  encCtx(3, encSeq(ext(SAN, encSeq(dns('www.example.com'))))),
];

/** Every malformed form, one encoding problem each. */
export const MALFORMED_FORMS: readonly MalformedForm[] = [
  { id: 'empty-rdn-issuer', code: 'EMPTY_RDN', why: 'an empty RDN SET {} in the issuer', der: () => buildCertificate({ issuer: encSeq(encSet(atv('2.5.4.10', utf8('Example'))), encSet(), encSet(atv('2.5.4.3', utf8('Example Issuing CA')))) }) },
  { id: 'empty-rdn-subject', code: 'EMPTY_RDN', why: 'an empty RDN SET {} in the subject', der: () => buildCertificate({ subject: encSeq(encSet(), encSet(atv('2.5.4.3', utf8('www.example.com')))) }) },
  { id: 'version-4', code: 'UNDEFINED_VERSION', why: 'version 4 (encoded 3)', der: () => buildCertificate({ version: encCtx(0, encInt(3)) }) },
  { id: 'version-8', code: 'UNDEFINED_VERSION', why: 'version 8 (encoded 7)', der: () => buildCertificate({ version: encCtx(0, encInt(7)) }) },
  { id: 'version-1-explicit', code: 'DEFAULT_VERSION_ENCODED', why: 'version 1 encoded although it is the DEFAULT', der: () => buildCertificate({ version: encCtx(0, encInt(0)), extensions: [] }) },
  { id: 'utctime-four-digit-year', code: 'TIME_FORMAT', why: 'a UTCTime holding a four-digit year', der: () => buildCertificate({ validity: encSeq(utc('250101000000Z'), utc('20350101000000Z')) }) },
  { id: 'utctime-no-seconds', code: 'TIME_FORMAT', why: 'a UTCTime without seconds', der: () => buildCertificate({ validity: encSeq(utc('2501010000Z'), utc('350101000000Z')) }) },
  { id: 'outer-algorithm-set', code: 'ALGORITHM_ENCODING', why: 'the outer signature AlgorithmIdentifier tagged SET', der: () => buildCertificate({ outerAlgorithm: encSet(encOid('1.2.840.10045.4.3.2')) }) },
  { id: 'outer-algorithm-context', code: 'ALGORITHM_ENCODING', why: 'the outer signature AlgorithmIdentifier tagged [0]', der: () => buildCertificate({ outerAlgorithm: encCtx(0, encOid('1.2.840.10045.4.3.2')) }) },
  { id: 'san-trailing-bytes', code: 'TRAILING_DATA', why: 'a SAN with two bytes after its SEQUENCE', der: () => buildCertificate({ extensions: [ext(SAN, concatBytes(encSeq(dns('www.example.com')), Uint8Array.of(0, 0)))] }) },
  { id: 'san-broken-name', code: 'EXTENSION_MALFORMED', why: 'a SAN whose second name is an otherName without its [0] wrapper', der: () => buildCertificate({ extensions: [ext(SAN, encSeq(dns('www.example.com'), encCtx(0, encOid('1.2.3'), utf8('x'))))] }) },
  { id: 'san-ip-8-octets', code: 'IP_ADDRESS_LENGTH', why: 'an 8-octet iPAddress in a SAN (address+mask, only valid in name constraints)', der: () => buildCertificate({ extensions: [ext(SAN, encSeq(dns('www.example.com'), encTlv(0x87, fromHex('0a000001ffffff00'))))] }) },
  { id: 'san-non-ascii-dns', code: 'NON_ASCII_NAME', why: 'a dNSName with a Latin-1 octet', der: () => buildCertificate({ extensions: [ext(SAN, encSeq(encTlv(0x82, Uint8Array.of(0x77, 0xe9, 0x62, 0x2e, 0x65, 0x78))))] }) },
  { id: 'bc-negative-path-length', code: 'NEGATIVE_INTEGER', why: 'basicConstraints cA TRUE with pathLen -1', der: () => buildCertificate({ extensions: [ext(BC, encSeq(encTlv(0x01, Uint8Array.of(0xff)), encTlv(0x02, Uint8Array.of(0xff))), true)] }) },
  { id: 'bc-path-length-256', code: 'INTEGER_OUT_OF_RANGE', why: 'basicConstraints pathLen 256', der: () => buildCertificate({ extensions: [ext(BC, encSeq(encTlv(0x01, Uint8Array.of(0xff)), encInt(256)), true)] }) },
  { id: 'bc-false-encoded', code: 'BOOLEAN_ENCODING', why: 'basicConstraints cA FALSE encoded (DEFAULT)', der: () => buildCertificate({ extensions: [ext(BC, encSeq(encTlv(0x01, Uint8Array.of(0))), true)] }) },
  { id: 'ku-undefined-bit', code: 'UNDEFINED_BIT', why: 'keyUsage with digitalSignature and the undefined bit 9', der: () => buildCertificate({ extensions: [ext(KU, encTlv(0x03, Uint8Array.of(6, 0x80, 0x40)), true), ext(SAN, encSeq(dns('www.example.com')))] }) },
  { id: 'san-trailing-inside', code: 'EXTENSION_MALFORMED', why: 'a SAN whose GeneralNames SEQUENCE ends with two zero bytes (tag 0, length 0)', der: () => buildCertificate({ extensions: [ext(SAN, encSeq(dns('www.example.com'), Uint8Array.of(0, 0)))] }) },
  { id: 'bc-path-length-non-minimal', code: 'NON_MINIMAL_INTEGER', why: 'basicConstraints pathLen 0 encoded 02 02 00 00', der: () => buildCertificate({ extensions: [ext(BC, encSeq(encTlv(0x01, Uint8Array.of(0xff)), encTlv(0x02, Uint8Array.of(0, 0))), true)] }) },
  { id: 'bc-true-01', code: 'BOOLEAN_ENCODING', why: 'basicConstraints cA TRUE encoded as 0x01', der: () => buildCertificate({ extensions: [ext(BC, encSeq(encTlv(0x01, Uint8Array.of(1))), true)] }) },
  { id: 'ku-unused-bits-set', code: 'UNUSED_BITS', why: 'keyUsage 03 02 07 81: digitalSignature, and a bit set inside the 7 unused bits', der: () => buildCertificate({ extensions: [ext(KU, encTlv(0x03, Uint8Array.of(7, 0x81)), true), ext(SAN, encSeq(dns('www.example.com')))] }) },
  { id: 'ku-trailing-zero-octet', code: 'UNUSED_BITS', why: 'keyUsage 03 03 00 80 00: a trailing zero octet', der: () => buildCertificate({ extensions: [ext(KU, encTlv(0x03, Uint8Array.of(0, 0x80, 0)), true), ext(SAN, encSeq(dns('www.example.com')))] }) },
  { id: 'eku-trailing-bytes', code: 'TRAILING_DATA', why: 'extKeyUsage serverAuth with two bytes after its SEQUENCE', der: () => buildCertificate({ extensions: [ext(EKU, concatBytes(encSeq(encOid('1.3.6.1.5.5.7.3.1')), Uint8Array.of(0, 0))), ext(SAN, encSeq(dns('www.example.com')))] }) },
  { id: 'aki-octet-string', code: 'EXTENSION_MALFORMED', why: 'authorityKeyIdentifier as a bare OCTET STRING, not SEQUENCE { [0] keyIdentifier }', der: () => buildCertificate({ extensions: [ext(AKI, encOctets(fromHex('0102030405060708090a0b0c0d0e0f1011121314'))), ext(SAN, encSeq(dns('www.example.com')))] }) },
  { id: 'serial-non-minimal', code: 'NON_MINIMAL_INTEGER', why: 'a serial number with a redundant leading zero octet', der: () => buildCertificate({ serial: encTlv(0x02, Uint8Array.of(0, 0x12, 0x34)) }) },
  {
    id: 'length-non-minimal',
    code: 'NON_MINIMAL_LENGTH',
    why: 'the TBSCertificate length in long form with a leading zero octet',
    der: () => {
      const body = concatBytes(...goodTbsFields());
      return buildCertificate({ tbs: concatBytes(Uint8Array.of(0x30, 0x83, 0, (body.length >> 8) & 0xff, body.length & 0xff), body) });
    },
  },
  { id: 'printable-at-sign', code: 'STRING_CHARACTERS', why: "a PrintableString holding '@'", der: () => buildCertificate({ subject: encSeq(encSet(atv('1.2.840.113549.1.9.1', printable('admin@example.com'))), encSet(atv('2.5.4.3', utf8('www.example.com')))) }) },
  { id: 'critical-false-encoded', code: 'BOOLEAN_ENCODING', why: 'an extension with critical FALSE encoded', der: () => buildCertificate({ extensions: [encSeq(encOid(SAN), encTlv(0x01, Uint8Array.of(0)), encOctets(encSeq(dns('www.example.com'))))] }) },
  { id: 'duplicate-extension', code: 'DUPLICATE_EXTENSION', why: 'subjectAltName twice', der: () => buildCertificate({ extensions: [ext(SAN, encSeq(dns('www.example.com'))), ext(SAN, encSeq(dns('other.example.com')))] }) },
  { id: 'certificate-trailing-bytes', code: 'TRAILING_DATA', why: 'two bytes after the certificate', der: () => concatBytes(buildCertificate(), Uint8Array.of(0, 0)) },
  { id: 'time-unreadable', code: 'TIME_FORMAT', why: 'a notAfter that is no time at all ("notatime")', der: () => buildCertificate({ validity: encSeq(utc('250101000000Z'), utc('notatime')) }) },
  { id: 'indefinite-length', code: 'BER_ENCODING', why: 'an indefinite length on the subject Name (BER)', der: () => buildCertificate({ subject: concatBytes(Uint8Array.of(0x30, 0x80), encSet(atv('2.5.4.3', utf8('www.example.com'))), Uint8Array.of(0, 0)) }) },
];

/** encNull is re-exported for builders in tests. */
export { encNull };
