/**
 * Private keys: PKCS#8, PKCS#1 RSA, SEC 1 EC, encrypted PKCS#8 (PBES2, PKCS#12 PBE, PBES1) and
 * legacy OpenSSL PEM encryption (Proc-Type 4,ENCRYPTED + DEK-Info, EVP_BytesToKey MD5).
 *
 * The model holds public facts only (algorithm, size, curve, encoding, encryption) and the
 * SHA-256 of the matching public key's SPKI, derived from the private key. No secret value
 * leaves this module except through `exportPrivateKeyPkcs8`, used on explicit user request.
 */
import { md5 } from '@noble/hashes/legacy.js';
import { CoreFailure, type DetectedItem, type InputLocation, type KeyAlgorithm, type KeyEncryptionModel, type PrivateKeyModel } from '../model';
import { BadDecryptError, aesCbcDecrypt, des3CbcDecrypt, desCbcDecrypt } from '../crypto/ciphers';
import { parsePbe, type PbeOptions } from '../crypto/pbe';
import { errorMessage, fromBase64, fromHex, own, sha256Hex } from '../input/bytes';
import { DerError, encBitString, encInt, encOctets, encOid, encSeq, encUint, parseDer, TAG } from '../input/der';
import { RSA_ENCRYPTION_OID, rsaSpki } from './public-key';

const OID = {
  rsa: RSA_ENCRYPTION_OID,
  rsaPss: '1.2.840.113549.1.1.10',
  ec: '1.2.840.10045.2.1',
  dsa: '1.2.840.10040.4.1',
  ed25519: '1.3.101.112',
  ed448: '1.3.101.113',
  x25519: '1.3.101.110',
  x448: '1.3.101.111',
} as const;

export const CURVES: Readonly<Record<string, { name: string; bits: number; webcrypto?: string }>> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', bits: 256, webcrypto: 'P-256' },
  '1.3.132.0.34': { name: 'P-384', bits: 384, webcrypto: 'P-384' },
  '1.3.132.0.35': { name: 'P-521', bits: 521, webcrypto: 'P-521' },
  '1.3.132.0.10': { name: 'secp256k1', bits: 256 },
  '1.2.840.10045.3.1.1': { name: 'P-192', bits: 192 },
  '1.3.132.0.33': { name: 'P-224', bits: 224 },
  '1.3.36.3.3.2.8.1.1.7': { name: 'brainpoolP256r1', bits: 256 },
  '1.3.36.3.3.2.8.1.1.11': { name: 'brainpoolP384r1', bits: 384 },
  '1.3.36.3.3.2.8.1.1.13': { name: 'brainpoolP512r1', bits: 512 },
};

export interface PrivateKeyOptions extends PbeOptions {
  readonly passwords?: readonly string[];
  /** Receives the unencrypted PKCS#8 DER of a decoded key (the Worker keeps it for an explicit export). */
  readonly onPkcs8Der?: (pkcs8Der: Uint8Array) => void;
}

interface Unwrapped {
  readonly pkcs8Der: Uint8Array;
  readonly encoding: PrivateKeyModel['encoding'];
  readonly encryption: KeyEncryptionModel | null;
}

function bitLength(magnitude: Uint8Array): number {
  let i = 0;
  while (i < magnitude.length && magnitude[i] === 0) i++;
  if (i === magnitude.length) return 0;
  return (magnitude.length - i - 1) * 8 + (32 - Math.clz32(magnitude[i] ?? 0));
}

const toBig = (b: Uint8Array): bigint => (b.length === 0 ? 0n : BigInt(`0x${Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')}`));
function fromBig(v: bigint): Uint8Array {
  let h = v.toString(16);
  if (h.length % 2) h = `0${h}`;
  return fromHex(h);
}
function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let r = 1n;
  let b = base % mod;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % mod;
    b = (b * b) % mod;
    e >>= 1n;
  }
  return r;
}

/** PKCS#1 RSAPrivateKey DER -> PKCS#8. */
export function pkcs1ToPkcs8(pkcs1: Uint8Array): Uint8Array {
  return encSeq(encInt(0), encSeq(encOid(OID.rsa), Uint8Array.of(0x05, 0x00)), encOctets(pkcs1));
}

/** SEC 1 ECPrivateKey DER -> PKCS#8 (needs the curve from the [0] parameters). */
export function sec1ToPkcs8(sec1: Uint8Array): Uint8Array {
  const node = parseDer(sec1);
  const params = node.children().find((c) => c.isContext(0));
  if (!params) throw new CoreFailure('MALFORMED', 'EC private key has no curve parameters.');
  return encSeq(encInt(0), encSeq(encOid(OID.ec), params.child(0).bytes), encOctets(sec1));
}

/** Given passwords first, then the empty and absent ones (a session's passwords go to every file). */
function candidates(passwords: readonly string[] | undefined): (string | null)[] {
  return [...(passwords ?? []).filter((p) => p !== ''), '', null];
}

function noPassword(what: string, given: boolean): CoreFailure {
  return given ? new CoreFailure('WRONG_PASSWORD', `${what} could not be decrypted: wrong password.`) : new CoreFailure('PASSWORD_REQUIRED', `${what} is encrypted: a password is needed.`);
}

const looksLikeKey = (plain: Uint8Array): boolean => {
  try {
    return parseDer(plain).isSequence;
  } catch {
    return false;
  }
};

/** EVP_BytesToKey with MD5 and one iteration (OpenSSL legacy PEM encryption). */
export function evpBytesToKeyMd5(password: Uint8Array, salt: Uint8Array, keyLength: number): Uint8Array {
  const out = new Uint8Array(keyLength);
  let prev = new Uint8Array(0);
  let o = 0;
  while (o < keyLength) {
    const buf = new Uint8Array(prev.length + password.length + salt.length);
    buf.set(prev);
    buf.set(password, prev.length);
    buf.set(salt, prev.length + password.length);
    prev = md5(buf);
    out.set(prev.subarray(0, Math.min(prev.length, keyLength - o)), o);
    o += prev.length;
  }
  return out;
}

const LEGACY_CIPHERS: Readonly<Record<string, { keyLength: number; ivLength: number; decrypt: (k: Uint8Array, iv: Uint8Array, d: Uint8Array) => Promise<Uint8Array> }>> = {
  'AES-128-CBC': { keyLength: 16, ivLength: 16, decrypt: aesCbcDecrypt },
  'AES-192-CBC': { keyLength: 24, ivLength: 16, decrypt: aesCbcDecrypt },
  'AES-256-CBC': { keyLength: 32, ivLength: 16, decrypt: aesCbcDecrypt },
  'DES-EDE3-CBC': { keyLength: 24, ivLength: 8, decrypt: async (k, iv, d) => des3CbcDecrypt(k, iv, d) },
  'DES-CBC': { keyLength: 8, ivLength: 8, decrypt: async (k, iv, d) => desCbcDecrypt(k, iv, d) },
};

async function decryptLegacyPem(item: DetectedItem, passwords: readonly string[] | undefined): Promise<{ plain: Uint8Array; encryption: KeyEncryptionModel }> {
  const dek = item.pemHeaders?.['DEK-Info'] ?? '';
  const [cipherName = '', ivHex = ''] = dek.split(',').map((s) => s.trim());
  const spec = LEGACY_CIPHERS[cipherName.toUpperCase()];
  if (!spec) throw new CoreFailure('UNSUPPORTED_ALGORITHM', `Unsupported legacy PEM encryption cipher "${cipherName || '(missing DEK-Info)'}".`);
  let iv: Uint8Array;
  try {
    iv = fromHex(ivHex);
  } catch {
    throw new CoreFailure('MALFORMED', 'DEK-Info IV is not hex.');
  }
  if (iv.length !== spec.ivLength) throw new CoreFailure('MALFORMED', `DEK-Info IV has ${iv.length} bytes, expected ${spec.ivLength}.`);
  const encryption: KeyEncryptionModel = { scheme: 'PEM (RFC 1421)', cipher: cipherName.toUpperCase() === 'DES-EDE3-CBC' ? '3DES-CBC' : cipherName.toUpperCase(), kdf: 'EVP_BytesToKey MD5', iterations: null };
  for (const pw of candidates(passwords)) {
    const key = evpBytesToKeyMd5(new TextEncoder().encode(pw ?? ''), iv.subarray(0, 8), spec.keyLength);
    try {
      const plain = await spec.decrypt(key, iv, item.der);
      if (looksLikeKey(plain)) return { plain, encryption };
    } catch (e) {
      if (!(e instanceof BadDecryptError)) throw e;
    }
  }
  throw noPassword('The encrypted PEM private key', !!passwords?.length);
}

/** Decrypts an EncryptedPrivateKeyInfo. */
export async function decryptPkcs8(der: Uint8Array, passwords: readonly string[] | undefined, opts: PbeOptions = {}): Promise<{ pkcs8Der: Uint8Array; encryption: KeyEncryptionModel }> {
  const node = parseDer(der);
  const scheme = parsePbe(node.child(0), opts);
  const data = node.child(1).octets();
  for (const pw of candidates(passwords)) {
    try {
      const plain = await scheme.decrypt(pw, data);
      if (looksLikeKey(plain)) return { pkcs8Der: plain, encryption: scheme.encryption };
    } catch (e) {
      if (!(e instanceof BadDecryptError)) throw e;
    }
  }
  throw noPassword('The encrypted PKCS#8 private key', !!passwords?.length);
}

/** Brings any private-key item to unencrypted PKCS#8 DER. Throws CoreFailure. */
async function unwrap(item: DetectedItem, opts: PrivateKeyOptions): Promise<Unwrapped> {
  const legacy = /ENCRYPTED/i.test(item.pemHeaders?.['Proc-Type'] ?? '');
  switch (item.kind) {
    case 'private-key':
      return { pkcs8Der: item.der, encoding: 'pkcs8', encryption: null };
    case 'rsa-private-key':
    case 'ec-private-key': {
      let der = item.der;
      let encryption: KeyEncryptionModel | null = null;
      if (legacy) {
        const r = await decryptLegacyPem(item, opts.passwords);
        der = r.plain;
        encryption = r.encryption;
      }
      const pkcs8Der = item.kind === 'rsa-private-key' ? pkcs1ToPkcs8(der) : sec1ToPkcs8(der);
      return { pkcs8Der, encoding: legacy ? 'pem-legacy-encrypted' : item.kind === 'rsa-private-key' ? 'pkcs1' : 'sec1', encryption };
    }
    case 'encrypted-private-key': {
      const r = await decryptPkcs8(item.der, opts.passwords, opts);
      return { pkcs8Der: r.pkcs8Der, encoding: 'pkcs8-encrypted', encryption: r.encryption };
    }
    default:
      throw new CoreFailure('MALFORMED', `Item of kind ${item.kind} is not a private key.`);
  }
}

interface KeyFacts {
  algorithm: KeyAlgorithm;
  bits: number | null;
  curve: string | null;
  spki: Uint8Array | null;
}

async function webcryptoPublicFromPkcs8(pkcs8: Uint8Array, alg: { name: string; namedCurve?: string }): Promise<JsonWebKey | null> {
  try {
    const usages: KeyUsage[] = alg.name.startsWith('X') ? ['deriveBits'] : ['sign'];
    const key = await globalThis.crypto.subtle.importKey('pkcs8', own(pkcs8), alg, true, usages);
    return await globalThis.crypto.subtle.exportKey('jwk', key);
  } catch {
    return null;
  }
}

function b64url(s: string | undefined): Uint8Array | null {
  if (!s) return null;
  try {
    return fromBase64(s);
  } catch {
    return null;
  }
}

async function keyFacts(pkcs8Der: Uint8Array): Promise<KeyFacts> {
  const pki = parseDer(pkcs8Der);
  if (!pki.isSequence) throw new CoreFailure('MALFORMED', 'PKCS#8 PrivateKeyInfo is not a SEQUENCE.');
  const algId = pki.child(1);
  const oid = algId.child(0).oid();
  const params = algId.children()[1];
  const privOctets = pki.child(2).octets();
  const pubField = pki.children().find((c) => c.isContext(1));
  const embeddedPub = pubField ? pubField.content.subarray(1) : null; // [1] IMPLICIT BIT STRING
  switch (oid) {
    case OID.rsa:
    case OID.rsaPss: {
      const rsa = parseDer(privOctets);
      const n = rsa.child(1).uintBytes();
      const e = rsa.child(2).uintBytes();
      const spki = oid === OID.rsa ? rsaSpki(n, e) : encSeq(algId.bytes, encBitString(encSeq(encUint(n), encUint(e))));
      return { algorithm: oid === OID.rsa ? 'RSA' : 'RSA-PSS', bits: bitLength(n), curve: null, spki };
    }
    case OID.ec: {
      const named = params?.isUniversal(TAG.OID) ? params.oid() : null;
      const curve = named ? CURVES[named] : undefined;
      const sec1 = parseDer(privOctets);
      const inner = sec1.children();
      const innerParams = inner.find((c) => c.isContext(0));
      const curveOid = named ?? (innerParams?.child(0).isUniversal(TAG.OID) ? innerParams.child(0).oid() : null);
      const c = curveOid ? CURVES[curveOid] : curve;
      const pubNode = inner.find((x) => x.isContext(1));
      let point: Uint8Array | null = pubNode ? pubNode.child(0).bits() : null;
      if (!point && c?.webcrypto) {
        const jwk = await webcryptoPublicFromPkcs8(pkcs8Der, { name: 'ECDSA', namedCurve: c.webcrypto });
        const x = b64url(jwk?.x);
        const y = b64url(jwk?.y);
        if (x && y) point = new Uint8Array([4, ...x, ...y]);
      }
      const curveParam = curveOid ? encOid(curveOid) : (params?.bytes ?? null);
      const spki = point && curveParam ? encSeq(encSeq(encOid(OID.ec), curveParam), encBitString(point)) : null;
      const bits = c?.bits ?? (!curveOid && params?.isSequence ? bitLength(params.child(1).child(1).uintBytes()) : null);
      return { algorithm: 'EC', bits, curve: c?.name ?? curveOid ?? null, spki };
    }
    case OID.dsa: {
      if (!params?.isSequence) return { algorithm: 'DSA', bits: null, curve: null, spki: null };
      const p = params.child(0).uintBytes();
      const g = params.child(2).uintBytes();
      const x = parseDer(privOctets).uintBytes();
      let spki: Uint8Array | null = null;
      if (bitLength(p) <= 4096) {
        const y = modPow(toBig(g), toBig(x), toBig(p));
        spki = encSeq(algId.bytes, encBitString(encUint(fromBig(y))));
      }
      return { algorithm: 'DSA', bits: bitLength(p), curve: null, spki };
    }
    case OID.ed25519:
    case OID.ed448:
    case OID.x25519:
    case OID.x448: {
      const spec = {
        [OID.ed25519]: { algorithm: 'Ed25519' as const, bits: 256, name: 'Ed25519' },
        [OID.ed448]: { algorithm: 'Ed448' as const, bits: 456, name: 'Ed448' },
        [OID.x25519]: { algorithm: 'X25519' as const, bits: 256, name: 'X25519' },
        [OID.x448]: { algorithm: 'X448' as const, bits: 448, name: 'X448' },
      }[oid];
      let pub: Uint8Array | null = embeddedPub;
      if (!pub) {
        // Re-encode as a plain v1 PKCS#8 (WebCrypto may refuse v2 OneAsymmetricKey).
        const v1 = encSeq(encInt(0), encSeq(encOid(oid)), encOctets(privOctets));
        const jwk = await webcryptoPublicFromPkcs8(v1, { name: spec.name });
        pub = b64url(jwk?.x);
      }
      return { algorithm: spec.algorithm, bits: spec.bits, curve: null, spki: pub ? encSeq(encSeq(encOid(oid)), encBitString(pub)) : null };
    }
    default:
      return { algorithm: 'other', bits: null, curve: null, spki: null };
  }
}

export interface PrivateKeyExtra {
  readonly friendlyName?: string | null;
  readonly localKeyIdHex?: string | null;
}

/** Builds the model of an unencrypted PKCS#8 key. */
export async function privateKeyModelFromPkcs8(
  pkcs8Der: Uint8Array,
  location: InputLocation,
  encoding: PrivateKeyModel['encoding'],
  encryption: KeyEncryptionModel | null,
  extra: PrivateKeyExtra = {},
): Promise<PrivateKeyModel> {
  let facts: KeyFacts;
  try {
    facts = await keyFacts(pkcs8Der);
  } catch (e) {
    if (e instanceof CoreFailure) throw e;
    throw new CoreFailure('MALFORMED', `Private key structure is invalid: ${errorMessage(e)}.`, location);
  }
  return {
    kind: 'private-key',
    sha256Hex: await sha256Hex(pkcs8Der),
    algorithm: facts.algorithm,
    bits: facts.bits,
    curve: facts.curve,
    encoding,
    encrypted: encryption !== null,
    encryption,
    publicSpkiSha256Hex: facts.spki ? await sha256Hex(facts.spki) : null,
    location,
    ...(extra.friendlyName !== undefined ? { friendlyName: extra.friendlyName } : {}),
    ...(extra.localKeyIdHex !== undefined ? { localKeyIdHex: extra.localKeyIdHex } : {}),
  };
}

/** Describes an encrypted key that could not be opened (no or wrong password). */
export async function lockedPrivateKeyModel(item: DetectedItem): Promise<PrivateKeyModel> {
  let encryption: KeyEncryptionModel | null = null;
  try {
    if (item.kind === 'encrypted-private-key') encryption = parsePbe(parseDer(item.der).child(0), { maxIterations: Number.MAX_SAFE_INTEGER }).encryption;
    else {
      const cipher = (item.pemHeaders?.['DEK-Info'] ?? '').split(',')[0]?.trim() ?? '';
      encryption = { scheme: 'PEM (RFC 1421)', cipher, kdf: 'EVP_BytesToKey MD5', iterations: null };
    }
  } catch {
    encryption = null;
  }
  return {
    kind: 'private-key',
    sha256Hex: await sha256Hex(item.der),
    algorithm: item.kind === 'rsa-private-key' ? 'RSA' : item.kind === 'ec-private-key' ? 'EC' : 'other',
    bits: null,
    curve: null,
    encoding: item.kind === 'encrypted-private-key' ? 'pkcs8-encrypted' : 'pem-legacy-encrypted',
    encrypted: true,
    encryption,
    publicSpkiSha256Hex: null,
    location: item.location,
  };
}

/** Decodes a detected private-key item. Throws CoreFailure (PASSWORD_REQUIRED, WRONG_PASSWORD, MALFORMED, UNSUPPORTED_ALGORITHM, LIMIT_EXCEEDED). */
export async function decodePrivateKey(item: DetectedItem, opts: PrivateKeyOptions = {}): Promise<PrivateKeyModel> {
  try {
    const u = await unwrap(item, opts);
    const model = await privateKeyModelFromPkcs8(u.pkcs8Der, item.location, u.encoding, u.encryption);
    opts.onPkcs8Der?.(u.pkcs8Der.slice());
    return model;
  } catch (e) {
    if (e instanceof DerError) throw new CoreFailure('MALFORMED', `Private key structure is invalid: ${e.message}.`, item.location);
    if (e instanceof CoreFailure && !e.location) throw new CoreFailure(e.code, e.message, item.location);
    throw e;
  }
}

/**
 * The unencrypted PKCS#8 DER of a private-key item (decrypting with the passwords if needed).
 * Only for an explicit user request ("export key").
 */
export async function exportPrivateKeyPkcs8(item: DetectedItem, opts: PrivateKeyOptions = {}): Promise<Uint8Array> {
  try {
    return (await unwrap(item, opts)).pkcs8Der.slice();
  } catch (e) {
    if (e instanceof DerError) throw new CoreFailure('MALFORMED', `Private key structure is invalid: ${e.message}.`, item.location);
    throw e;
  }
}


