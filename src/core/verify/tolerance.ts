/**
 * Malformed-but-present extensions, per verifier. The decoder reads an extension leniently and
 * marks it "present, malformed" (decodeError, decode warnings, best-effort value); each real
 * verifier's parser tolerates some of those forms and refuses others. A model asks here whether
 * its verifier reads the value (then it uses the decoder's best-effort value) or not (then it
 * does what its verifier does with an extension it cannot parse: refuse the certificate, or ignore
 * the extension).
 *
 * The sets below were measured with the lab (test/fixtures/verifier-malformed) on OpenSSL 3.0.19,
 * Go 1.19.8, OpenJDK 17.0.15, pyca/cryptography 50 and Chromium 150, and follow each parser's
 * source (see the comment on each set).
 */
import type { CertificateModel, DecodeWarningCode, ExtensionModel } from '../model';
import type { ExtensionOfKind } from '../chain/facts';
import { type Asn1, readAsn1, TAG, TagClass } from '../input/der';
import { fromHex } from '../input/bytes';

/**
 * True when every decode warning on `e` is one of `tolerated`: the verifier's parser reads the
 * extension, and reads what the decoder shows. A strictly decoded extension is always read.
 * The decoder's only TRAILING_DATA warning on an extension is for bytes after its top-level
 * element (elements inside a list that do not parse are EXTENSION_MALFORMED).
 */
export function reads(e: ExtensionModel, tolerated: ReadonlySet<DecodeWarningCode>): boolean {
  if (e.kind === 'unknown' && e.decodeError !== undefined) return false;
  for (const w of e.decodeWarnings ?? []) if (!tolerated.has(w.code)) return false;
  return true;
}

/** The first extension of a kind that the verifier reads (see `reads`), malformed ones included. */
export function findReadable<K extends ExtensionModel['kind']>(cert: CertificateModel, kind: K, tolerated: ReadonlySet<DecodeWarningCode>): ExtensionOfKind<K> | null {
  for (const e of cert.extensions) if (e.kind === kind && reads(e, tolerated)) return e as ExtensionOfKind<K>;
  return null;
}

/** The extension's value as a DER node (its first element; trailing bytes are not read), or null when it has none. */
export function valueNode(e: ExtensionModel): Asn1 | null {
  try {
    return readAsn1(fromHex(e.valueHex));
  } catch {
    return null;
  }
}

/** The elements of a constructed node, as far as they are well-formed TLVs; `complete` is false when bytes at the end are not one. */
export function tlvs(node: Asn1): { readonly items: readonly Asn1[]; readonly complete: boolean } {
  const items: Asn1[] = [];
  let p = node.contentStart;
  while (p < node.contentEnd) {
    try {
      const el = readAsn1(node.buf, p, node.contentEnd);
      items.push(el);
      p = el.end;
    } catch {
      return { items, complete: false };
    }
  }
  return { items, complete: true };
}

/** The pathLenConstraint INTEGER of a basicConstraints value as a signed number (null when absent, unreadable or over 48 bits). */
export function signedPathLength(e: ExtensionModel): number | null {
  const node = valueNode(e);
  if (!node || !node.constructed) return null;
  for (const c of tlvs(node).items) {
    if (c.tagClass === TagClass.Universal && c.tag === TAG.INTEGER && !c.constructed && c.length > 0 && c.length <= 6) {
      let u = 0;
      for (const b of c.content) u = u * 256 + b;
      return (c.content[0] ?? 0) & 0x80 ? u - 2 ** (8 * c.length) : u;
    }
  }
  return null;
}

/**
 * A BIT STRING as DER and BER both define it (X.690 §8.6.2): at least the unused-bits octet, at
 * most 7 unused bits, none when there are no bits, and the unused bits zero. What Go's
 * cryptobyte ReadASN1BitString, BoringSSL's CBS_is_valid_asn1_bitstring and rust-asn1 ask.
 */
export function bitStringValid(node: Asn1 | null): boolean {
  if (!node || node.constructed || !node.isUniversal(TAG.BIT_STRING) || node.length === 0) return false;
  const c = node.content;
  const padding = c[0] ?? 0;
  if (padding > 7 || (c.length === 1 && padding !== 0)) return false;
  return c.length === 1 || ((c[c.length - 1] ?? 0) & ((1 << padding) - 1)) === 0;
}
