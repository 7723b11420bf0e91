/**
 * SubjectPublicKeyInfo (RFC 5280 §4.1.2.7; RFC 3279, RFC 4055, RFC 5480, RFC 8410) → PublicKeyModel.
 */
import { sha256Digest } from '../crypto/digest';
import type { KeyAlgorithm, PublicKeyModel } from '../model';
import { type Asn1, parseDer, TagClass } from '../input/der';
import { toBase64 } from '../input/bytes';
import { OID, oidName } from './oids';
import { fail, oidOf, toHex, UT } from './util';

const CURVE_BITS: Readonly<Record<string, number>> = {
  [OID.prime256v1]: 256,
  [OID.secp384r1]: 384,
  [OID.secp521r1]: 521,
  [OID.secp256k1]: 256,
  [OID.prime192v1]: 192,
  [OID.secp224r1]: 224,
  [OID.brainpoolP160r1]: 160,
  [OID.brainpoolP192r1]: 192,
  [OID.brainpoolP224r1]: 224,
  [OID.brainpoolP256r1]: 256,
  [OID.brainpoolP320r1]: 320,
  [OID.brainpoolP384r1]: 384,
  [OID.brainpoolP512r1]: 512,
};

const ALGORITHMS: Readonly<Record<string, KeyAlgorithm>> = {
  [OID.rsaEncryption]: 'RSA',
  [OID.rsassaPss]: 'RSA-PSS',
  [OID.ecPublicKey]: 'EC',
  [OID.ed25519]: 'Ed25519',
  [OID.ed448]: 'Ed448',
  [OID.x25519]: 'X25519',
  [OID.x448]: 'X448',
  [OID.dsa]: 'DSA',
};

const FIXED_BITS: Partial<Record<KeyAlgorithm, number>> = { Ed25519: 256, Ed448: 456, X25519: 256, X448: 448 };

export function bitLength(magnitude: Uint8Array): number {
  let i = 0;
  while (i < magnitude.length && magnitude[i] === 0) i++;
  if (i === magnitude.length) return 0;
  return (magnitude.length - i - 1) * 8 + (32 - Math.clz32(magnitude[i] ?? 0));
}

function uint(node: Asn1): Uint8Array {
  if (node.tagClass !== TagClass.Universal || node.tag !== UT.INTEGER) fail('expected an INTEGER', node);
  return node.uintBytes();
}

function bigDecimal(b: Uint8Array): string {
  return b.length === 0 ? '0' : BigInt(`0x${toHex(b)}`).toString();
}

interface KeyFacts {
  bits: number | null;
  curve: string | null;
  rsa?: { modulusHex: string; exponent: string };
  ec?: { pointHex: string; explicitParameters: boolean };
}

function ecFacts(params: Asn1 | undefined, key: Uint8Array): KeyFacts {
  const pointHex = toHex(key);
  if (!params) return { bits: null, curve: null, ec: { pointHex, explicitParameters: false } };
  if (params.tagClass === TagClass.Universal && params.tag === UT.OID) {
    const oid = oidOf(params);
    return { bits: CURVE_BITS[oid] ?? null, curve: oidName(oid) ?? oid, ec: { pointHex, explicitParameters: false } };
  }
  if (params.isSequence) {
    // SpecifiedECDomain (RFC 3279 §2.3.5): version, fieldID { fieldType, prime p | characteristic-two }, curve, base, order, cofactor.
    let bits: number | null = null;
    const fieldId = params.children()[1];
    const p = fieldId?.isSequence ? fieldId.children()[1] : undefined;
    if (p && p.tagClass === TagClass.Universal && p.tag === UT.INTEGER) bits = bitLength(p.uintBytes());
    else if (p?.isSequence) {
      const m = p.children()[0];
      if (m && m.tagClass === TagClass.Universal && m.tag === UT.INTEGER) bits = m.int();
    }
    return { bits, curve: 'explicit parameters', ec: { pointHex, explicitParameters: true } };
  }
  return { bits: null, curve: 'implicitlyCA', ec: { pointHex, explicitParameters: false } };
}

function keyFacts(algorithm: KeyAlgorithm, params: Asn1 | undefined, key: Uint8Array): KeyFacts {
  switch (algorithm) {
    case 'RSA':
    case 'RSA-PSS': {
      const seq = parseDer(key);
      if (!seq.isSequence) fail('RSAPublicKey is not a SEQUENCE', seq);
      const [n, e] = seq.children();
      if (!n || !e) fail('RSAPublicKey needs a modulus and an exponent', seq);
      const modulus = uint(n);
      return { bits: bitLength(modulus), curve: null, rsa: { modulusHex: toHex(modulus), exponent: bigDecimal(uint(e)) } };
    }
    case 'EC':
      return ecFacts(params, key);
    case 'DSA': {
      const p = params?.isSequence ? params.children()[0] : undefined;
      return { bits: p ? bitLength(uint(p)) : null, curve: null };
    }
    default:
      return { bits: FIXED_BITS[algorithm] ?? null, curve: null };
  }
}

/** Parses an SPKI element (already read) into the model; throws when the key inside does not parse. */
export async function publicKeyFromNode(spki: Asn1): Promise<PublicKeyModel> {
  const { key, problem } = await publicKeyLenient(spki);
  if (problem) fail(problem, spki);
  return key;
}

/**
 * Like publicKeyFromNode, but a key whose inner structure does not parse (an RSA key that is not
 * an RSAPublicKey, say) still yields a model without size facts, plus the problem in words: a
 * certificate stays viewable with a bad key.
 */
export async function publicKeyLenient(spki: Asn1): Promise<{ key: PublicKeyModel; problem: string | null }> {
  if (!spki.isSequence) fail('SubjectPublicKeyInfo is not a SEQUENCE', spki);
  const [algNode, keyNode] = spki.children();
  if (!algNode || !keyNode) fail('SubjectPublicKeyInfo needs an algorithm and a key', spki);
  if (!algNode.isSequence) fail('public key AlgorithmIdentifier is not a SEQUENCE', algNode);
  const algorithmOid = oidOf(algNode.child(0));
  const params = algNode.children()[1];
  const key = keyNode.bits();
  const algorithm = ALGORITHMS[algorithmOid] ?? 'other';
  let facts: KeyFacts;
  let problem: string | null = null;
  try {
    facts = keyFacts(algorithm, params, key);
  } catch (e) {
    problem = `the ${algorithm} public key does not parse (${e instanceof Error ? e.message : String(e)})`;
    facts = { bits: null, curve: null };
  }
  const spkiDer = spki.bytes.slice();
  const digest = sha256Digest(spkiDer);
  const model: PublicKeyModel = {
    algorithm,
    algorithmOid,
    bits: facts.bits,
    curve: facts.curve,
    spkiDer,
    spkiSha256Hex: toHex(digest),
    spkiSha256Base64: toBase64(digest),
    ...(facts.rsa ? { rsa: facts.rsa } : {}),
    ...(facts.ec ? { ec: facts.ec } : {}),
  };
  return { key: model, problem };
}
