/**
 * Password-based encryption schemes found in encrypted PKCS#8 keys and PKCS#12 files:
 * PBES2 (PBKDF2 through WebCrypto + AES/3DES/DES/RC2-CBC), PKCS#12 PBE (PKCS#12 KDF + 3DES,
 * 2-key 3DES, RC2-40/128) and PKCS#5 v1.5 PBES1 (MD5/SHA-1 + DES/RC2).
 * The structure is parsed once; `decrypt` can then be tried with several passwords. `encrypt` is
 * its inverse through the same parsed parameters and key derivation (the PKCS#12 writer builds an
 * AlgorithmIdentifier, parses it here and encrypts with it), so what is written is what is read.
 */
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { CoreFailure, type KeyEncryptionModel } from '../model';
import { type Asn1, TAG } from '../input/der';
import { own, toHex } from '../input/bytes';
import { aesCbcDecrypt, aesCbcEncrypt, BadDecryptError, des3CbcDecrypt, des3CbcEncrypt, desCbcDecrypt, desCbcEncrypt, rc2CbcDecrypt, rc2CbcEncrypt } from './ciphers';
import { bmpPassword, pkcs12Kdf, type Pkcs12Hash } from './pkcs12-kdf';

export const DEFAULT_MAX_ITERATIONS = 10_000_000;

export interface PbeOptions {
  /** Refuse iteration counts above this (LIMIT_EXCEEDED). Default 10,000,000. */
  readonly maxIterations?: number;
  /**
   * PBKDF2 results for ONE file being opened, so a key derived to test a password (or derived
   * ahead of time while the MAC runs) is not derived again. Owned by the caller and dropped with
   * it: derived keys are never kept beyond one open.
   */
  readonly pbkdf2Memo?: Map<string, Promise<Uint8Array>>;
}

export interface PbeScheme {
  readonly encryption: KeyEncryptionModel;
  /** Decrypts with one password (`null` = absent). Throws BadDecryptError on bad padding. */
  decrypt(password: string | null, data: Uint8Array): Promise<Uint8Array>;
  /** The inverse of `decrypt` (PKCS#7 padding added); derived keys are zeroed after use. */
  encrypt(password: string | null, data: Uint8Array): Promise<Uint8Array>;
  /** PBES2 with a memo only: start deriving this password's key; resolves once WebCrypto has the work. */
  prewarm?(password: string | null): Promise<void>;
}

export const OID = {
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  pbmac1: '1.2.840.113549.1.5.14',
} as const;

export const HMAC_PRF: Readonly<Record<string, Pkcs12Hash>> = {
  '1.2.840.113549.2.7': 'SHA-1',
  '1.2.840.113549.2.8': 'SHA-224',
  '1.2.840.113549.2.9': 'SHA-256',
  '1.2.840.113549.2.10': 'SHA-384',
  '1.2.840.113549.2.11': 'SHA-512',
};

export const DIGEST: Readonly<Record<string, Pkcs12Hash>> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.4': 'SHA-224',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

/** Names of algorithms we recognise but do not implement, for UNSUPPORTED_ALGORITHM messages. */
const KNOWN_UNSUPPORTED: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.12.1.1': 'pbeWithSHAAnd128BitRC4',
  '1.2.840.113549.1.12.1.2': 'pbeWithSHAAnd40BitRC4',
  '1.2.840.113549.1.5.1': 'pbeWithMD2AndDES-CBC',
  '1.2.840.113549.1.5.4': 'pbeWithMD2AndRC2-CBC',
  '1.2.840.113549.3.4': 'RC4',
  '1.2.840.113549.3.9': 'RC5-CBC-Pad',
  '1.2.156.10197.1.104.2': 'SM4-CBC',
  '1.2.643.7.1.1.5.1': 'GOST 28147-89',
  '2.16.840.1.101.3.4.1.6': 'AES-128-GCM',
  '2.16.840.1.101.3.4.1.26': 'AES-192-GCM',
  '2.16.840.1.101.3.4.1.46': 'AES-256-GCM',
  '1.3.6.1.4.1.11591.4.11': 'scrypt',
};

export function algorithmName(oid: string): string {
  return KNOWN_UNSUPPORTED[oid] ?? oid;
}

function unsupported(what: string, oid: string): CoreFailure {
  const name = KNOWN_UNSUPPORTED[oid];
  return new CoreFailure('UNSUPPORTED_ALGORITHM', `Unsupported ${what} ${name ? `${name} (${oid})` : oid}.`);
}

function checkIterations(n: number, opts: PbeOptions): void {
  const max = opts.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  if (n > max) throw new CoreFailure('LIMIT_EXCEEDED', `Iteration count ${n.toLocaleString('en-US')} is above the limit of ${max.toLocaleString('en-US')}.`);
  if (n < 1) throw new CoreFailure('MALFORMED', `Invalid iteration count ${n}.`);
}

const utf8 = (s: string | null): Uint8Array => new TextEncoder().encode(s ?? '');

/** PBKDF2 through WebCrypto only. */
export async function pbkdf2(password: Uint8Array, salt: Uint8Array, iterations: number, hash: Pkcs12Hash, bytes: number): Promise<Uint8Array> {
  return deriveWithKey(await importPbkdf2Key(password), salt, iterations, hash, bytes);
}

async function importPbkdf2Key(password: Uint8Array): Promise<CryptoKey> {
  try {
    return await globalThis.crypto.subtle.importKey('raw', own(password), 'PBKDF2', false, ['deriveBits']);
  } catch (e) {
    // Some engines refuse an empty PBKDF2 password: treat it as "this password does not work".
    if (password.length === 0) throw new BadDecryptError('this engine cannot use an empty PBKDF2 password');
    throw e;
  }
}

async function deriveWithKey(key: CryptoKey, salt: Uint8Array, iterations: number, hash: Pkcs12Hash, bytes: number): Promise<Uint8Array> {
  if (hash === 'SHA-224') throw new CoreFailure('UNSUPPORTED_ALGORITHM', 'Unsupported PBKDF2 PRF HMAC-SHA224 (WebCrypto has no SHA-224).');
  const bits = await globalThis.crypto.subtle.deriveBits({ name: 'PBKDF2', salt: own(salt), iterations, hash }, key, bytes * 8);
  return new Uint8Array(bits);
}

function memo(opts: PbeOptions): Map<string, Promise<Uint8Array>> {
  if (!opts.pbkdf2Memo) throw new Error('no PBKDF2 memo');
  return opts.pbkdf2Memo;
}

/** `pbkdf2`, through the caller's memo when one is given. */
export function memoizedPbkdf2(
  memo: Map<string, Promise<Uint8Array>> | undefined,
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  hash: Pkcs12Hash,
  bytes: number,
): Promise<Uint8Array> {
  if (!memo) return pbkdf2(password, salt, iterations, hash, bytes);
  return startPbkdf2(memo, password, salt, iterations, hash, bytes).derived;
}

/**
 * Starts (or finds) a memoised derivation. `dispatched` resolves once WebCrypto has the work, so a
 * caller can then run synchronous JavaScript (the PKCS#12 MAC KDF) while it computes elsewhere.
 */
export function startPbkdf2(
  memo: Map<string, Promise<Uint8Array>>,
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  hash: Pkcs12Hash,
  bytes: number,
): { derived: Promise<Uint8Array>; dispatched: Promise<void> } {
  const id = `${toHex(password)}:${toHex(salt)}:${iterations}:${hash}:${bytes}`;
  const known = memo.get(id);
  if (known) return { derived: known, dispatched: Promise.resolve() };
  // Wrapped in an object so awaiting `started` does not wait for the bits themselves.
  const started = importPbkdf2Key(password).then((key) => ({ bits: deriveWithKey(key, salt, iterations, hash, bytes) }));
  const derived = started.then((s) => s.bits);
  derived.catch(() => undefined); // a prewarm nobody awaits must not be an unhandled rejection
  memo.set(id, derived);
  return { derived, dispatched: started.then(() => undefined, () => undefined) };
}

export interface Pbkdf2Params {
  readonly salt: Uint8Array;
  readonly iterations: number;
  readonly keyLength: number | null;
  readonly prf: Pkcs12Hash;
}

/** Parses PBKDF2-params (RFC 8018 A.2). */
export function parsePbkdf2Params(params: Asn1 | undefined, opts: PbeOptions): Pbkdf2Params {
  if (!params?.isSequence) throw new CoreFailure('MALFORMED', 'PBKDF2 parameters are missing.');
  const kids = params.children();
  const saltNode = kids[0];
  if (!saltNode?.isUniversal(TAG.OCTET_STRING)) throw new CoreFailure('UNSUPPORTED_ALGORITHM', 'Unsupported PBKDF2 salt source (only a specified salt is supported).');
  const iterations = kids[1]?.int() ?? 0;
  checkIterations(iterations, opts);
  let keyLength: number | null = null;
  let prf: Pkcs12Hash = 'SHA-1';
  for (const k of kids.slice(2)) {
    if (k.isUniversal(TAG.INTEGER)) keyLength = k.int();
    else if (k.isSequence) {
      const prfOid = k.child(0).oid();
      const h = HMAC_PRF[prfOid];
      if (!h) throw unsupported('PBKDF2 PRF', prfOid);
      prf = h;
    }
  }
  return { salt: saltNode.octets(), iterations, keyLength, prf };
}

interface CipherSpec {
  readonly name: string;
  readonly keyLength: number;
  readonly decrypt: (key: Uint8Array, data: Uint8Array) => Promise<Uint8Array>;
  readonly encrypt: (key: Uint8Array, data: Uint8Array) => Promise<Uint8Array>;
}

function rc2BitsFromVersion(v: number): number {
  if (v === 160) return 40;
  if (v === 120) return 64;
  if (v === 58) return 128;
  if (v >= 256) return v;
  throw new CoreFailure('UNSUPPORTED_ALGORITHM', `Unsupported RC2 parameter version ${v}.`);
}

function parseEncryptionScheme(alg: Asn1): CipherSpec {
  const oid = alg.child(0).oid();
  const params = alg.children()[1];
  const ivOf = (n: Asn1 | undefined, len: number): Uint8Array => {
    if (!n?.isUniversal(TAG.OCTET_STRING)) throw new CoreFailure('MALFORMED', 'Cipher IV is missing.');
    const iv = n.octets();
    if (iv.length !== len) throw new CoreFailure('MALFORMED', `Cipher IV has ${iv.length} bytes, expected ${len}.`);
    return iv;
  };
  const aes = (name: string, keyLength: number): CipherSpec => {
    const iv = ivOf(params, 16);
    return { name, keyLength, decrypt: (k, d) => aesCbcDecrypt(k, iv, d), encrypt: (k, d) => aesCbcEncrypt(k, iv, d) };
  };
  switch (oid) {
    case '2.16.840.1.101.3.4.1.2':
      return aes('AES-128-CBC', 16);
    case '2.16.840.1.101.3.4.1.22':
      return aes('AES-192-CBC', 24);
    case '2.16.840.1.101.3.4.1.42':
      return aes('AES-256-CBC', 32);
    case '1.2.840.113549.3.7': {
      const iv = ivOf(params, 8);
      return { name: '3DES-CBC', keyLength: 24, decrypt: async (k, d) => des3CbcDecrypt(k, iv, d), encrypt: async (k, d) => des3CbcEncrypt(k, iv, d) };
    }
    case '1.3.14.3.2.7': {
      const iv = ivOf(params, 8);
      return { name: 'DES-CBC', keyLength: 8, decrypt: async (k, d) => desCbcDecrypt(k, iv, d), encrypt: async (k, d) => desCbcEncrypt(k, iv, d) };
    }
    case '1.2.840.113549.3.2': {
      // RC2-CBC-Parameter ::= SEQUENCE { rc2ParameterVersion INTEGER OPTIONAL, iv OCTET STRING } (or a bare IV).
      let bits = 32;
      let iv: Uint8Array;
      if (params?.isSequence) {
        const kids = params.children();
        if (kids.length === 2) bits = rc2BitsFromVersion(kids[0]?.int() ?? 0);
        iv = ivOf(kids[kids.length - 1], 8);
      } else iv = ivOf(params, 8);
      return { name: `RC2-${bits}-CBC`, keyLength: Math.ceil(bits / 8), decrypt: async (k, d) => rc2CbcDecrypt(k, bits, iv, d), encrypt: async (k, d) => rc2CbcEncrypt(k, bits, iv, d) };
    }
    default:
      throw unsupported('cipher', oid);
  }
}

interface Pkcs12PbeSpec {
  readonly cipher: string;
  readonly keyLength: number;
  readonly ivLength: number;
  readonly decrypt: (key: Uint8Array, iv: Uint8Array, data: Uint8Array) => Uint8Array;
  readonly encrypt: (key: Uint8Array, iv: Uint8Array, data: Uint8Array) => Uint8Array;
}

export const PKCS12_PBE_OID = {
  sha1And3KeyTripleDesCbc: '1.2.840.113549.1.12.1.3',
  sha1And2KeyTripleDesCbc: '1.2.840.113549.1.12.1.4',
  sha1And128BitRc2Cbc: '1.2.840.113549.1.12.1.5',
  sha1And40BitRc2Cbc: '1.2.840.113549.1.12.1.6',
} as const;

const PKCS12_PBE: Readonly<Record<string, Pkcs12PbeSpec>> = {
  [PKCS12_PBE_OID.sha1And3KeyTripleDesCbc]: { cipher: '3DES-CBC', keyLength: 24, ivLength: 8, decrypt: des3CbcDecrypt, encrypt: des3CbcEncrypt },
  [PKCS12_PBE_OID.sha1And2KeyTripleDesCbc]: { cipher: '2-key-3DES-CBC', keyLength: 16, ivLength: 8, decrypt: des3CbcDecrypt, encrypt: des3CbcEncrypt },
  [PKCS12_PBE_OID.sha1And128BitRc2Cbc]: { cipher: 'RC2-128-CBC', keyLength: 16, ivLength: 8, decrypt: (k, iv, d) => rc2CbcDecrypt(k, 128, iv, d), encrypt: (k, iv, d) => rc2CbcEncrypt(k, 128, iv, d) },
  [PKCS12_PBE_OID.sha1And40BitRc2Cbc]: { cipher: 'RC2-40-CBC', keyLength: 5, ivLength: 8, decrypt: (k, iv, d) => rc2CbcDecrypt(k, 40, iv, d), encrypt: (k, iv, d) => rc2CbcEncrypt(k, 40, iv, d) },
};

/** Runs `use` with a derived key and IV, then zeroes both (whatever `use` does). */
async function withKeyIv<T>(key: Uint8Array, iv: Uint8Array, use: (key: Uint8Array, iv: Uint8Array) => T | Promise<T>): Promise<T> {
  try {
    return await use(key, iv);
  } finally {
    key.fill(0);
    iv.fill(0);
  }
}

const PBES1: Readonly<Record<string, { hash: 'MD5' | 'SHA-1'; cipher: 'DES' | 'RC2' }>> = {
  '1.2.840.113549.1.5.3': { hash: 'MD5', cipher: 'DES' },
  '1.2.840.113549.1.5.6': { hash: 'MD5', cipher: 'RC2' },
  '1.2.840.113549.1.5.10': { hash: 'SHA-1', cipher: 'DES' },
  '1.2.840.113549.1.5.11': { hash: 'SHA-1', cipher: 'RC2' },
};

function saltAndIterations(params: Asn1 | undefined, what: string, opts: PbeOptions): { salt: Uint8Array; iterations: number } {
  if (!params?.isSequence) throw new CoreFailure('MALFORMED', `${what} parameters are missing.`);
  const saltNode = params.child(0);
  if (!saltNode.isUniversal(TAG.OCTET_STRING)) throw new CoreFailure('MALFORMED', `${what} salt is not an OCTET STRING.`);
  const iterations = params.child(1).int();
  checkIterations(iterations, opts);
  return { salt: saltNode.octets(), iterations };
}

/** Parses an encryption AlgorithmIdentifier of a password-based scheme. */
export function parsePbe(alg: Asn1, opts: PbeOptions = {}): PbeScheme {
  if (!alg.isSequence) throw new CoreFailure('MALFORMED', 'Encryption algorithm is not an AlgorithmIdentifier.');
  const oid = alg.child(0).oid();
  const params = alg.children()[1];

  const p12 = PKCS12_PBE[oid];
  if (p12) {
    const { salt, iterations } = saltAndIterations(params, 'PKCS#12 PBE', opts);
    const run = <T>(password: string | null, use: (key: Uint8Array, iv: Uint8Array) => T): Promise<T> => {
      const pw = bmpPassword(password);
      const key = pkcs12Kdf('SHA-1', pw, salt, iterations, 1, p12.keyLength);
      const iv = pkcs12Kdf('SHA-1', pw, salt, iterations, 2, p12.ivLength);
      pw.fill(0);
      return withKeyIv(key, iv, use);
    };
    return {
      encryption: { scheme: 'PKCS#12 PBE', cipher: p12.cipher, kdf: 'PKCS#12 KDF SHA-1', iterations },
      decrypt: (password, data) => run(password, (key, iv) => p12.decrypt(key, iv, data)),
      encrypt: (password, data) => run(password, (key, iv) => p12.encrypt(key, iv, data)),
    };
  }

  if (oid === OID.pbes2) {
    if (!params?.isSequence) throw new CoreFailure('MALFORMED', 'PBES2 parameters are missing.');
    const kdfAlg = params.child(0);
    const kdfOid = kdfAlg.child(0).oid();
    if (kdfOid !== OID.pbkdf2) throw unsupported('key derivation function', kdfOid);
    const kdf = parsePbkdf2Params(kdfAlg.children()[1], opts);
    const cipher = parseEncryptionScheme(params.child(1));
    const keyLength = kdf.keyLength ?? cipher.keyLength;
    return {
      encryption: { scheme: 'PBES2', cipher: cipher.name, kdf: `PBKDF2-HMAC-${kdf.prf.replace('-', '')}`, iterations: kdf.iterations },
      decrypt: async (password, data) => {
        const key = await memoizedPbkdf2(opts.pbkdf2Memo, utf8(password), kdf.salt, kdf.iterations, kdf.prf, keyLength);
        return cipher.decrypt(key, data);
      },
      // Without a memo the key is zeroed as soon as the data is encrypted; with one, its owner
      // (the PKCS#12 writer, which derives keys ahead while its MAC runs) zeroes them all at the end.
      encrypt: async (password, data) => {
        const key = await memoizedPbkdf2(opts.pbkdf2Memo, utf8(password), kdf.salt, kdf.iterations, kdf.prf, keyLength);
        try {
          return await cipher.encrypt(key, data);
        } finally {
          if (!opts.pbkdf2Memo) key.fill(0);
        }
      },
      ...(opts.pbkdf2Memo ? { prewarm: (password: string | null) => startPbkdf2(memo(opts), utf8(password), kdf.salt, kdf.iterations, kdf.prf, keyLength).dispatched } : {}),
    };
  }

  const v1 = PBES1[oid];
  if (v1) {
    const { salt, iterations } = saltAndIterations(params, 'PBES1', opts);
    const h = v1.hash === 'MD5' ? md5 : sha1;
    const run = <T>(password: string | null, use: (key: Uint8Array, iv: Uint8Array) => T): Promise<T> => {
      const pw = utf8(password);
      const buf = new Uint8Array(pw.length + salt.length);
      buf.set(pw);
      buf.set(salt, pw.length);
      let dk = h(buf);
      for (let i = 1; i < iterations; i++) dk = h(dk);
      pw.fill(0);
      buf.fill(0);
      return withKeyIv(dk.subarray(0, 8), dk.subarray(8, 16), use);
    };
    return {
      encryption: { scheme: 'PBES1', cipher: v1.cipher === 'DES' ? 'DES-CBC' : 'RC2-64-CBC', kdf: `PBKDF1 ${v1.hash}`, iterations },
      decrypt: (password, data) => run(password, (key, iv) => (v1.cipher === 'DES' ? desCbcDecrypt(key, iv, data) : rc2CbcDecrypt(key, 64, iv, data))),
      encrypt: (password, data) => run(password, (key, iv) => (v1.cipher === 'DES' ? desCbcEncrypt(key, iv, data) : rc2CbcEncrypt(key, 64, iv, data))),
    };
  }

  throw unsupported('encryption algorithm', oid);
}
