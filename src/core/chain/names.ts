/**
 * Name comparison for path building: RFC 5280 §7.1 (which points at the RFC 4518 string
 * preparation): attribute values of string types compare case-insensitively after Unicode
 * normalisation, with leading/trailing white space removed and inner runs collapsed to one
 * space. Values that are not strings ("#" + DER hex) compare exactly. RDNs compare as sets.
 */
import type { AttributeModel, NameModel } from '../model';

const STRING_TYPES = new Set([
  'UTF8String',
  'PrintableString',
  'IA5String',
  'BMPString',
  'TeletexString',
  'UniversalString',
  'NumericString',
  'VisibleString',
]);

/** One attribute value prepared for comparison. */
export function normalizeAttributeValue(attribute: AttributeModel): string {
  if (!STRING_TYPES.has(attribute.stringType)) return attribute.value;
  return attribute.value.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

// Names are immutable: each one's key is computed once.
const normalized = new WeakMap<NameModel, string>();

/** A comparison key for a Name: equal keys mean equal names under RFC 5280 §7.1. */
export function normalizeName(name: NameModel): string {
  let key = normalized.get(name);
  if (key === undefined) {
    key = name.rdns
      .map((rdn) =>
        rdn
          .map((a) => `${a.oid}=${JSON.stringify(normalizeAttributeValue(a))}`)
          .sort()
          .join('+'),
      )
      .join(',');
    normalized.set(name, key);
  }
  return key;
}

export function namesMatch(a: NameModel, b: NameModel): boolean {
  return a.derHex === b.derHex || normalizeName(a) === normalizeName(b);
}
