/**
 * How a certificate's names and key read for people: the most specific name (CN, else O, else
 * OU, else the whole RFC 4514 string) and the key in a few words. Pure functions of decoded data,
 * used by the app's views and by the Worker, which sends them with each certificate's summary.
 */
import type { PublicKeyModel } from './model';

export type NameLike = { readonly rdns: readonly (readonly { readonly shortName: string | null; readonly value: string }[])[]; readonly rfc4514: string };
/** Names are immutable data from the engine: each one's display name is worked out once (rows, chain labels and the analysis all ask). */
const commonNames = new WeakMap<NameLike, string>();

/** The most specific readable name in an RFC 4514-ish model: CN, else O, else the whole string. */
export function commonNameOf(name: NameLike): string {
  let cn = commonNames.get(name);
  if (cn === undefined) {
    cn = findCommonName(name);
    commonNames.set(name, cn);
  }
  return cn;
}

function findCommonName(name: NameLike): string {
  for (const key of ['CN', 'O', 'OU']) {
    for (let i = name.rdns.length - 1; i >= 0; i--) {
      const attr = name.rdns[i]?.find((a) => a.shortName === key);
      if (attr) return attr.value;
    }
  }
  return name.rfc4514 || '(empty name)';
}

/** The key in a few words: "EC P-256", "RSA 2048", "Ed25519". */
export function describeKey(key: Pick<PublicKeyModel, 'algorithm' | 'bits' | 'curve'>): string {
  if (key.algorithm === 'EC') return `EC ${key.curve ?? (key.bits !== null ? `${key.bits}-bit` : '')}`.trim();
  if (key.algorithm === 'Ed25519' || key.algorithm === 'Ed448' || key.algorithm === 'X25519' || key.algorithm === 'X448') return key.algorithm;
  return key.bits !== null ? `${key.algorithm} ${key.bits}` : key.algorithm;
}
