/**
 * PKCS#12 (RFC 7292) reader. Structure through the lazy DER reader; all crypto is ours:
 * PBES2 / PKCS#12 PBE decryption (crypto/pbe.ts), the classic PKCS#12 HMAC (KDF ID 3) and
 * PBMAC1 (RFC 9579) integrity check.
 *
 * Password handling: each given password is tried; with none given, the empty string (BMPString
 * of two zero bytes) and an absent password (zero bytes) are both tried, as writers differ. The
 * MAC decides which password is right; without a MAC, decryption padding and ASN.1 validity do.
 */
import {
  CoreFailure,
  type CoreError,
  type KeyEncryptionModel,
  type OidName,
  type Pkcs12BagModel,
  type Pkcs12BagType,
  type Pkcs12MacModel,
  type Pkcs12Model,
  type Pkcs12SafeModel,
  type Pkcs12Weakness,
} from '../model';
import { BadDecryptError } from '../crypto/ciphers';
import { hmacSign, pkcs12MacKey } from '../crypto/mac';
import { DEFAULT_MAX_ITERATIONS, DIGEST, HMAC_PRF, OID as PBE_OID, parsePbe, parsePbkdf2Params, pbkdf2, type PbeOptions, type PbeScheme } from '../crypto/pbe';
import { type MacHash } from '../crypto/pkcs12-kdf';
import { bytesEqual, sha256Hex, toHex } from './bytes';
import { type Asn1, DerError, parseDer, readAsn1, TAG } from './der';

export interface Pkcs12CertificateEntry {
  readonly der: Uint8Array;
  readonly bagPath: string;
  readonly friendlyName: string | null;
  readonly localKeyIdHex: string | null;
}

export interface Pkcs12PrivateKeyEntry {
  readonly pkcs8Der: Uint8Array;
  readonly bagPath: string;
  readonly friendlyName: string | null;
  readonly localKeyIdHex: string | null;
  readonly encryption: KeyEncryptionModel | null;
}

export interface Pkcs12Opened {
  readonly model: Pkcs12Model;
  readonly certificates: readonly Pkcs12CertificateEntry[];
  readonly privateKeys: readonly Pkcs12PrivateKeyEntry[];
  readonly crls: readonly Uint8Array[];
  /** Non-fatal problems (e.g. an envelopedData safe that cannot be opened); the rest was read. */
  readonly errors: readonly CoreError[];
}

export type Pkcs12Options = PbeOptions;

const OIDS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  envelopedData: '1.2.840.113549.1.7.3',
  encryptedData: '1.2.840.113549.1.7.6',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  crlBag: '1.2.840.113549.1.12.10.1.4',
  secretBag: '1.2.840.113549.1.12.10.1.5',
  safeContentsBag: '1.2.840.113549.1.12.10.1.6',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  x509Crl: '1.2.840.113549.1.9.23.1',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
} as const;

const ATTRIBUTE_NAMES: Readonly<Record<string, string>> = {
  '2.16.840.1.113894.746875.1.1': 'oracleTrustedKeyUsage',
  '1.3.6.1.4.1.311.17.1': 'msCspName',
  '1.3.6.1.4.1.311.17.2': 'msLocalMachineKeyset',
  '1.2.840.113549.1.9.15': 'smimeCapabilities',
};

const BAG_TYPES: Readonly<Record<string, Pkcs12BagType>> = {
  [OIDS.keyBag]: 'key',
  [OIDS.shroudedKeyBag]: 'shroudedKey',
  [OIDS.certBag]: 'certificate',
  [OIDS.crlBag]: 'crl',
  [OIDS.secretBag]: 'secret',
  [OIDS.safeContentsBag]: 'safeContents',
};

/** MAC digests by OID: those of crypto/pbe.ts plus every other one OpenSSL 3 reads that @noble/hashes has. */
const MAC_DIGEST: Readonly<Record<string, MacHash>> = {
  ...DIGEST,
  '1.2.840.113549.2.5': 'MD5',
  '1.3.36.3.2.1': 'RIPEMD-160',
  '2.16.840.1.101.3.4.2.5': 'SHA-512/224',
  '2.16.840.1.101.3.4.2.6': 'SHA-512/256',
  '2.16.840.1.101.3.4.2.7': 'SHA3-224',
  '2.16.840.1.101.3.4.2.8': 'SHA3-256',
  '2.16.840.1.101.3.4.2.9': 'SHA3-384',
  '2.16.840.1.101.3.4.2.10': 'SHA3-512',
  '1.3.6.1.4.1.1722.12.2.1.16': 'BLAKE2b-512',
  '1.3.6.1.4.1.1722.12.2.2.8': 'BLAKE2s-256',
};
/** MAC digests OpenSSL 3 reads but this engine cannot compute (named in UNSUPPORTED_ALGORITHM). */
const MAC_DIGEST_UNSUPPORTED: Readonly<Record<string, string>> = {
  '1.2.156.10197.1.401': 'SM3',
  '1.2.840.113549.2.4': 'MD4 (OpenSSL 3: legacy provider)',
  '2.5.8.3.101': 'MDC-2 (OpenSSL 3: legacy provider)',
  '1.2.643.7.1.1.2.2': 'GOST R 34.11-2012 256 (OpenSSL: gost engine)',
  '1.2.643.7.1.1.2.3': 'GOST R 34.11-2012 512 (OpenSSL: gost engine)',
};

/** Fewer KDF/MAC iterations than this is flagged (OpenSSL's default has been 2,048 since 1.1). */
const LOW_ITERATIONS = 2048;

/** Weaknesses of one encryption (a safe's or a shrouded key's). */
export function encryptionWeaknesses(e: KeyEncryptionModel | null, where: string): Pkcs12Weakness[] {
  if (!e) return [];
  const out: Pkcs12Weakness[] = [];
  const c = e.cipher;
  if (/^RC2-40/.test(c)) out.push({ code: 'CIPHER_WEAK', where, message: `${c}: a 40-bit key, found by brute force in hours; OpenSSL 3 reads it only with -legacy.`, opensslNeedsLegacy: true });
  else if (/^RC2|^RC4/.test(c)) out.push({ code: 'CIPHER_LEGACY', where, message: `${c}: a legacy cipher; OpenSSL 3 reads it only with -legacy.`, opensslNeedsLegacy: true });
  else if (/^DES-/.test(c)) out.push({ code: 'CIPHER_WEAK', where, message: `${c}: single DES, a 56-bit key found by brute force; OpenSSL 3 reads it only with -legacy.`, opensslNeedsLegacy: true });
  else if (/3DES/.test(c)) out.push({ code: 'CIPHER_LEGACY', where, message: `${c}: Triple DES (64-bit blocks; disallowed by NIST after 2023). OpenSSL 3 still reads it; it writes AES-256-CBC.`, opensslNeedsLegacy: false });
  if (e.iterations !== null && e.iterations < LOW_ITERATIONS) out.push({ code: 'KDF_ITERATIONS_LOW', where, message: `${e.kdf} with ${e.iterations} iteration${e.iterations === 1 ? '' : 's'}: the password is cheap to guess (OpenSSL uses 2,048; current guidance is far more).`, opensslNeedsLegacy: false });
  return out;
}

function macWeaknesses(m: Omit<Pkcs12MacModel, 'verified'>): Pkcs12Weakness[] {
  const out: Pkcs12Weakness[] = [];
  if (m.iterations < LOW_ITERATIONS) out.push({ code: 'MAC_ITERATIONS_LOW', where: 'MAC', message: `The MAC key is derived with ${m.iterations} iteration${m.iterations === 1 ? '' : 's'}: the password can be guessed quickly from the file.`, opensslNeedsLegacy: false });
  if (m.hash === 'MD5' || m.hash === 'SHA-1') out.push({ code: 'MAC_DIGEST_WEAK', where: 'MAC', message: `HMAC-${m.hash} MAC: still accepted, but OpenSSL 3 writes SHA-256; ${m.hash === 'MD5' ? 'MD5 is broken' : 'SHA-1 is deprecated'}.`, opensslNeedsLegacy: false });
  return out;
}

const MAX_BAG_NESTING = 8;
const MAX_BAGS = 100_000;

interface Candidate {
  readonly password: string | null;
  readonly used: 'none' | 'empty' | 'given';
}

function candidatesFor(passwords: readonly string[]): Candidate[] {
  if (passwords.length === 0) {
    return [
      { password: '', used: 'empty' },
      { password: null, used: 'none' },
    ];
  }
  const out: Candidate[] = [];
  for (const p of passwords) {
    if (p === '') continue;
    out.push({ password: p, used: 'given' });
    // Writers before OpenSSL 1.1.0 turned each UTF-8 byte of a non-ASCII password into one BMP character.
    // eslint-disable-next-line no-control-regex
    if (/[^\x00-\x7f]/.test(p)) out.push({ password: String.fromCharCode(...new TextEncoder().encode(p)), used: 'given' });
  }
  // The empty and absent passwords are always tried last: a session's passwords are offered to
  // every file, and an unprotected file must still open.
  out.push({ password: '', used: 'empty' }, { password: null, used: 'none' });
  return out;
}

function bmpToString(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  return s;
}

interface BagAttributes {
  friendlyName: string | null;
  localKeyIdHex: string | null;
  other: OidName[];
}

function readAttributes(set: Asn1 | undefined): BagAttributes {
  const out: BagAttributes = { friendlyName: null, localKeyIdHex: null, other: [] };
  if (!set?.isUniversal(TAG.SET)) return out;
  for (const attr of set.children()) {
    const oid = attr.child(0).oid();
    const values = attr.children()[1];
    const v = values?.children()[0];
    if (oid === OIDS.friendlyName && v) {
      out.friendlyName = (v.isUniversal(TAG.BMPString) ? bmpToString(v.content) : new TextDecoder().decode(v.content)).replace(/\0+$/, '');
    } else if (oid === OIDS.localKeyId && v) {
      out.localKeyIdHex = toHex(v.isUniversal(TAG.OCTET_STRING) ? v.octets() : v.content);
    } else out.other.push({ oid, name: ATTRIBUTE_NAMES[oid] ?? null });
  }
  return out;
}

/** A tiny state shared while walking safes: which password decrypts. */
class Opener {
  /** Index into candidates of the password known (by MAC or a successful decryption) to be right. */
  chosen: number | null;
  constructor(
    readonly candidates: readonly Candidate[],
    chosen: number | null,
    readonly passwordsGiven: boolean,
  ) {
    this.chosen = chosen;
  }

  /** Decrypts with the chosen password, or finds one. */
  async decrypt(scheme: PbeScheme, data: Uint8Array, validate: (plain: Uint8Array) => boolean, what: string): Promise<Uint8Array> {
    const order: number[] = [];
    if (this.chosen !== null) order.push(this.chosen);
    for (let i = 0; i < this.candidates.length; i++) if (i !== this.chosen) order.push(i);
    for (const i of order) {
      const c = this.candidates[i];
      if (!c) continue;
      let plain: Uint8Array;
      try {
        plain = await scheme.decrypt(c.password, data);
      } catch (e) {
        if (e instanceof BadDecryptError) continue;
        throw e;
      }
      if (!validate(plain)) continue;
      if (this.chosen === null) this.chosen = i;
      return plain;
    }
    if (this.chosen !== null && this.macVerified) {
      throw new CoreFailure('MALFORMED', `${what} could not be decrypted although the MAC matched the password: the file is corrupt.`);
    }
    if (!this.passwordsGiven) throw new CoreFailure('PASSWORD_REQUIRED', `${what} is encrypted: a password is needed (neither an empty nor an absent password works).`);
    throw new CoreFailure('WRONG_PASSWORD', `${what} could not be decrypted: wrong password.`);
  }
  macVerified = false;
}

const isDerSequence = (plain: Uint8Array): boolean => {
  try {
    return parseDer(plain).isSequence;
  } catch {
    return false;
  }
};

async function verifyMac(
  macData: Asn1,
  authSafeContent: Uint8Array,
  candidates: readonly Candidate[],
  opts: Pkcs12Options,
  authSafeSeq: Asn1,
): Promise<{ model: Omit<Pkcs12MacModel, 'verified'>; matched: number | null }> {
  const digestInfo = macData.child(0);
  const macAlg = digestInfo.child(0);
  const macOid = macAlg.child(0).oid();
  const expected = digestInfo.child(1).octets();
  const salt = macData.child(1).octets();
  const iterNode = macData.children()[2];
  const iterations = iterNode ? iterNode.int() : 1;
  const max = opts.maxIterations ?? DEFAULT_MAX_ITERATIONS;

  if (macOid === PBE_OID.pbmac1) {
    // RFC 9579: PBMAC1-params { keyDerivationFunc (PBKDF2), messageAuthScheme (HMAC) }.
    const params = macAlg.child(1);
    const kdfAlg = params.child(0);
    const kdfOid = kdfAlg.child(0).oid();
    if (kdfOid !== PBE_OID.pbkdf2) throw new CoreFailure('UNSUPPORTED_ALGORITHM', `Unsupported PBMAC1 key derivation function ${kdfOid}.`);
    const kdf = parsePbkdf2Params(kdfAlg.children()[1], opts);
    const schemeOid = params.child(1).child(0).oid();
    const hash = HMAC_PRF[schemeOid];
    if (!hash) throw new CoreFailure('UNSUPPORTED_ALGORITHM', `Unsupported PBMAC1 message authentication scheme ${schemeOid}.`);
    if (kdf.keyLength === null) throw new CoreFailure('MALFORMED', 'PBMAC1 PBKDF2 parameters lack the required keyLength.');
    const model = { type: 'PBMAC1' as const, hash, iterations: kdf.iterations, saltHex: toHex(kdf.salt), kdf: `PBKDF2-HMAC-${kdf.prf.replace('-', '')}` };
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i];
      if (!c) continue;
      let key: Uint8Array;
      try {
        key = await pbkdf2(new TextEncoder().encode(c.password ?? ''), kdf.salt, kdf.iterations, kdf.prf, kdf.keyLength);
      } catch (e) {
        if (e instanceof BadDecryptError) continue;
        throw e;
      }
      if (bytesEqual(await hmacSign(hash, key, authSafeContent), expected)) return { model, matched: i };
    }
    return { model, matched: null };
  }

  const hash: MacHash | undefined = MAC_DIGEST[macOid];
  if (!hash) throw new CoreFailure('UNSUPPORTED_ALGORITHM', `Unsupported PKCS#12 MAC digest algorithm ${MAC_DIGEST_UNSUPPORTED[macOid] ? `${MAC_DIGEST_UNSUPPORTED[macOid]} (${macOid})` : macOid}.`);
  if (iterations > max) throw new CoreFailure('LIMIT_EXCEEDED', `MAC iteration count ${iterations.toLocaleString('en-US')} is above the limit of ${max.toLocaleString('en-US')}.`);
  if (iterations < 1) throw new CoreFailure('MALFORMED', `Invalid MAC iteration count ${iterations}.`);
  const model = { type: 'HMAC' as const, hash, iterations, saltHex: toHex(salt) };
  // The PKCS#12 KDF runs in JavaScript: with many iterations, first rule out passwords that
  // cannot decrypt a PBES2 item (native PBKDF2, much faster), then let the MAC decide among the rest.
  const macMatches = async (i: number): Promise<boolean> => {
    const key = pkcs12MacKey(hash, candidates[i]?.password ?? null, salt, iterations);
    return bytesEqual(await hmacSign(hash, key, authSafeContent), expected);
  };
  const expensive = iterations * candidates.length > EXPENSIVE_MAC_WORK;
  // The usual case, one password that is right: its PBES2 keys derive on WebCrypto's thread while
  // its MAC runs here, and reading the safes then finds them ready.
  const firstGiven = candidates.findIndex((c) => c.used === 'given');
  if (expensive && firstGiven >= 0) {
    await prewarmAll(authSafeSeq, candidates[firstGiven]?.password ?? null, opts);
    if (await macMatches(firstGiven)) return { model, matched: firstGiven };
  }
  const worth = expensive ? await passwordsThatDecrypt(authSafeSeq, candidates, opts) : null;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    if (!c || (worth && !worth.has(i)) || (expensive && i === firstGiven)) continue;
    if (await macMatches(i)) return { model, matched: i };
  }
  return { model, matched: null };
}

/** Above this many KDF iterations in total, passwords are pre-filtered by a cheap decryption. */
const EXPENSIVE_MAC_WORK = 200_000;

/**
 * Indices of the candidates that decrypt the first PBES2-encrypted item (an encryptedData safe or
 * a shrouded key bag) to valid padding and DER; null when there is no such item to test with.
 */
async function passwordsThatDecrypt(authSafeSeq: Asn1, candidates: readonly Candidate[], opts: Pkcs12Options): Promise<Set<number> | null> {
  try {
    const targets = pbes2Items(authSafeSeq, opts);
    const first = targets[0];
    if (!first) return null;
    const decrypts = async (i: number): Promise<boolean> => {
      try {
        return isDerSequence(await first.scheme.decrypt(candidates[i]?.password ?? null, first.data));
      } catch (e) {
        if (e instanceof BadDecryptError) return false;
        throw e;
      }
    };
    // The passwords the person gave first (in parallel: WebCrypto runs PBKDF2 off this thread);
    // the empty and absent passwords only when none of those works.
    const indices = candidates.map((_, i) => i);
    const given = indices.filter((i) => candidates[i]?.used === 'given');
    const rest = indices.filter((i) => candidates[i]?.used !== 'given');
    let survivors: number[] = [];
    for (const group of [given, rest]) {
      if (group.length === 0) continue;
      const ok = await Promise.all(group.map(decrypts));
      survivors = group.filter((_, k) => ok[k]);
      if (survivors.length > 0) break;
    }
    // Derive the other items' keys now, on WebCrypto's thread, while the MAC's KDF runs here in
    // JavaScript; reading the safes afterwards finds them in the memo.
    await Promise.all(survivors.flatMap((i) => targets.slice(1).map((t) => t.scheme.prewarm?.(candidates[i]?.password ?? null))));
    return new Set(survivors);
  } catch {
    return null; // Structure or algorithm problems are reported by the normal path.
  }
}

async function prewarmAll(authSafeSeq: Asn1, password: string | null, opts: Pkcs12Options): Promise<void> {
  try {
    await Promise.all(pbes2Items(authSafeSeq, opts).map((t) => t.scheme.prewarm?.(password)));
  } catch {
    // Only an optimisation: structure problems are reported by the normal path.
  }
}

/** Every PBES2-encrypted item: encryptedData safes and shrouded key bags in clear safes. */
function pbes2Items(authSafeSeq: Asn1, opts: Pkcs12Options): { scheme: PbeScheme; data: Uint8Array }[] {
  const out: { scheme: PbeScheme; data: Uint8Array }[] = [];
  for (const ci of authSafeSeq.children()) {
    const type = ci.child(0).oid();
    if (type === OIDS.encryptedData) {
      const eci = ci.child(1).child(0).child(1);
      const alg = eci.child(1);
      const enc = eci.children()[2];
      if (alg.child(0).oid() === PBE_OID.pbes2 && enc?.isContext(0)) out.push({ scheme: parsePbe(alg, opts), data: enc.constructed ? enc.octets() : enc.content });
    } else if (type === OIDS.data) {
      for (const bag of parseDer(contentOctets(ci, 'safe')).children()) {
        if (bag.child(0).oid() !== OIDS.shroudedKeyBag) continue;
        const epki = bag.child(1).child(0);
        if (epki.child(0).child(0).oid() === PBE_OID.pbes2) out.push({ scheme: parsePbe(epki.child(0), opts), data: epki.child(1).octets() });
      }
    }
  }
  return out;
}

interface WalkState {
  readonly opener: Opener;
  readonly opts: Pkcs12Options;
  readonly certificates: Pkcs12CertificateEntry[];
  readonly privateKeys: Pkcs12PrivateKeyEntry[];
  readonly crls: Uint8Array[];
  readonly errors: CoreError[];
  bagCount: number;
}

async function walkBags(safeContents: Asn1, path: string, safeEncryption: KeyEncryptionModel | null, st: WalkState, depth: number): Promise<Pkcs12BagModel[]> {
  if (depth > MAX_BAG_NESTING) throw new CoreFailure('LIMIT_EXCEEDED', `${path}: safe contents nested more than ${MAX_BAG_NESTING} levels deep.`);
  if (!safeContents.isSequence) throw new CoreFailure('MALFORMED', `${path}: SafeContents is not a SEQUENCE.`);
  const bags: Pkcs12BagModel[] = [];
  let n = 0;
  for (const bag of safeContents.children()) {
    n++;
    if (++st.bagCount > MAX_BAGS) throw new CoreFailure('LIMIT_EXCEEDED', `More than ${MAX_BAGS} bags.`);
    const bagPath = `${path}, bag ${n}`;
    try {
      await readBag(bag, bagPath, safeEncryption, st, depth, bags);
    } catch (e) {
      st.errors.push(asError(e, bagPath, bag.offset));
    }
  }
  return bags;
}

/** A bag or safe failure as a CoreError naming the container path (failures stay local to it). */
function asError(e: unknown, path: string, offset: number): CoreError {
  const location = { offset, path };
  if (e instanceof CoreFailure) return { code: e.code, message: e.message.startsWith(path) ? e.message : `${path}: ${e.message}`, location };
  if (e instanceof DerError) return { code: 'MALFORMED', message: `${path}: invalid structure: ${e.message}.`, location };
  throw e;
}

async function readBag(bag: Asn1, bagPath: string, safeEncryption: KeyEncryptionModel | null, st: WalkState, depth: number, bags: Pkcs12BagModel[]): Promise<void> {
  {
    const bagOid = bag.child(0).oid();
    const value = bag.child(1);
    if (!value.isContext(0)) throw new CoreFailure('MALFORMED', `${bagPath}: bag value is not [0] tagged.`);
    const inner = value.child(0);
    const attrs = readAttributes(bag.children()[2]);
    const type = BAG_TYPES[bagOid] ?? 'unknown';
    const base = { type, bagOid, friendlyName: attrs.friendlyName, localKeyIdHex: attrs.localKeyIdHex, otherAttributes: attrs.other };
    switch (type) {
      case 'certificate': {
        const certType = inner.child(0).oid();
        if (certType !== OIDS.x509Certificate) {
          st.errors.push({ code: 'UNSUPPORTED_ALGORITHM', message: `${bagPath}: certificate type ${certType} is not X.509.`, location: { offset: bag.offset, path: bagPath } });
          bags.push({ ...base, encryption: safeEncryption });
          break;
        }
        const der = inner.child(1).child(0).octets().slice();
        st.certificates.push({ der, bagPath, friendlyName: attrs.friendlyName, localKeyIdHex: attrs.localKeyIdHex });
        bags.push({ ...base, encryption: safeEncryption, certificateSha256Hex: await sha256Hex(der) });
        break;
      }
      case 'crl': {
        // CRLBag ::= SEQUENCE { crlId OID, crlValue [0] EXPLICIT OCTET STRING }: an X.509 CRL is read, another type listed.
        bags.push({ ...base, encryption: safeEncryption });
        const crlType = inner.children()[0];
        const holder = inner.children()[1]?.children()[0];
        if (crlType?.isUniversal(TAG.OID) && crlType.oid() === OIDS.x509Crl && holder?.isUniversal(TAG.OCTET_STRING)) st.crls.push(holder.octets().slice());
        break;
      }
      case 'key': {
        const der = inner.bytes.slice();
        st.privateKeys.push({ pkcs8Der: der, bagPath, friendlyName: attrs.friendlyName, localKeyIdHex: attrs.localKeyIdHex, encryption: safeEncryption });
        bags.push({ ...base, encryption: safeEncryption, privateKeySha256Hex: await sha256Hex(der) });
        break;
      }
      case 'shroudedKey': {
        const scheme = parsePbe(inner.child(0), st.opts);
        const encrypted = inner.child(1).octets();
        const weak = encryptionWeaknesses(scheme.encryption, bagPath);
        const flagged = weak.length ? { weaknesses: weak } : {};
        bags.push({ ...base, encryption: scheme.encryption, ...flagged });
        const der = (await st.opener.decrypt(scheme, encrypted, isDerSequence, `${bagPath} (shrouded private key)`)).slice();
        st.privateKeys.push({ pkcs8Der: der, bagPath, friendlyName: attrs.friendlyName, localKeyIdHex: attrs.localKeyIdHex, encryption: scheme.encryption });
        bags[bags.length - 1] = { ...base, encryption: scheme.encryption, privateKeySha256Hex: await sha256Hex(der), ...flagged };
        break;
      }
      case 'secret': {
        // SecretBag ::= SEQUENCE { secretTypeId OID, secretValue [0] EXPLICIT ANY }: listed, never decoded or shown.
        const typeNode = inner.children()[0];
        bags.push({ ...base, encryption: safeEncryption, ...(typeNode?.isUniversal(TAG.OID) ? { secretTypeOid: typeNode.oid() } : {}) });
        break;
      }
      case 'safeContents': {
        bags.push({ ...base, encryption: safeEncryption });
        bags.push(...(await walkBags(inner, bagPath, safeEncryption, st, depth + 1)));
        break;
      }
      default:
        bags.push({ ...base, encryption: safeEncryption });
    }
  }
}

function contentOctets(ci: Asn1, what: string): Uint8Array {
  const wrapper = ci.children()[1];
  if (!wrapper?.isContext(0)) throw new CoreFailure('MALFORMED', `${what} has no content.`);
  const os = wrapper.child(0);
  if (!os.isUniversal(TAG.OCTET_STRING)) throw new CoreFailure('MALFORMED', `${what} content is not an OCTET STRING.`);
  return os.octets();
}

/** Opens a PKCS#12 file. Throws CoreFailure (MALFORMED, PASSWORD_REQUIRED, WRONG_PASSWORD, UNSUPPORTED_ALGORITHM, LIMIT_EXCEEDED). */
export async function openPkcs12(der: Uint8Array, passwords: readonly string[], opts: Pkcs12Options = {}): Promise<Pkcs12Opened> {
  try {
    return await open(der, passwords, opts);
  } catch (e) {
    if (e instanceof DerError) throw new CoreFailure('MALFORMED', `PKCS#12 structure is invalid: ${e.message}.`);
    throw e;
  }
}

async function open(der: Uint8Array, passwords: readonly string[], given: Pkcs12Options): Promise<Pkcs12Opened> {
  const opts: Pkcs12Options = { ...given, pbkdf2Memo: new Map() };
  const pfx = readAsn1(der);
  if (!pfx.isSequence) throw new CoreFailure('MALFORMED', 'PKCS#12 PFX is not a SEQUENCE.');
  const version = pfx.child(0).int();
  if (version !== 3) {
    throw new CoreFailure(
      'UNSUPPORTED_ALGORITHM',
      version === 2
        ? 'PKCS#12 version 2 PFX: the pre-standard format (PFX 0.02 / Microsoft PFX of the 1990s), not RFC 7292’s version 3; Certscope and OpenSSL read version 3 only. Re-export it from the tool that made it.'
        : `PKCS#12 PFX version ${version}: only version 3 (RFC 7292) is defined.`,
    );
  }
  const authSafe = pfx.child(1);
  const authType = authSafe.child(0).oid();
  if (authType === OIDS.signedData) throw new CoreFailure('UNSUPPORTED_ALGORITHM', 'PKCS#12 in public-key integrity mode (signedData) is not supported.');
  if (authType !== OIDS.data) throw new CoreFailure('MALFORMED', `PKCS#12 authSafe has content type ${authType}, expected data.`);
  const authContent = contentOctets(authSafe, 'PKCS#12 authSafe');

  const candidates = candidatesFor(passwords);
  const passwordsGiven = passwords.length > 0;
  let mac: Pkcs12MacModel | null = null;
  let chosen: number | null = null;
  const authSafeSeq = parseDer(authContent);
  if (!authSafeSeq.isSequence) throw new CoreFailure('MALFORMED', 'PKCS#12 AuthenticatedSafe is not a SEQUENCE.');
  const macData = pfx.children()[2];
  if (macData) {
    const r = await verifyMac(macData, authContent, candidates, opts, authSafeSeq);
    if (r.matched === null) {
      if (!passwordsGiven) throw new CoreFailure('PASSWORD_REQUIRED', 'This PKCS#12 file is password-protected: neither an empty nor an absent password matches its MAC.');
      throw new CoreFailure('WRONG_PASSWORD', 'Wrong password: it does not match the PKCS#12 MAC.');
    }
    chosen = r.matched;
    const weak = macWeaknesses(r.model);
    mac = { ...r.model, verified: true, ...(weak.length ? { weaknesses: weak } : {}) };
  }
  const opener = new Opener(candidates, chosen, passwordsGiven);
  opener.macVerified = mac !== null;

  const st: WalkState = { opener, opts, certificates: [], privateKeys: [], crls: [], errors: [], bagCount: 0 };
  const safes: Pkcs12SafeModel[] = [];
  let s = 0;
  let usedEncryption = false;
  for (const ci of authSafeSeq.children()) {
    s++;
    const path = `PKCS#12 safe ${s}`;
    try {
      usedEncryption = (await readSafe(ci, path, st, safes, opts)) || usedEncryption;
    } catch (e) {
      st.errors.push(asError(e, path, ci.offset));
      if (safes.length < s) safes.push({ contentType: safeType(ci), encryption: null, bags: [] });
    }
  }
  if (st.privateKeys.some((k) => k.encryption !== null)) usedEncryption = true;
  // Nothing could be read and the reason is the password: that is the file's error.
  const passwordError = st.errors.find((e) => e.code === 'WRONG_PASSWORD' || e.code === 'PASSWORD_REQUIRED');
  if (passwordError && st.certificates.length === 0 && st.privateKeys.length === 0 && st.crls.length === 0) {
    throw new CoreFailure(passwordError.code, passwordError.message, passwordError.location);
  }
  const final = opener.chosen;
  const c = final !== null ? candidates[final] : undefined;
  const passwordUsed: Pkcs12Model['passwordUsed'] = c && (mac || usedEncryption) ? c.used : 'none';
  const weaknesses: Pkcs12Weakness[] = [
    ...(mac ? [] : [{ code: 'NO_MAC' as const, where: 'file', message: 'No MAC: nothing protects the file’s integrity (anyone can change its certificates unnoticed).', opensslNeedsLegacy: false }]),
    ...(mac?.weaknesses ?? []),
    ...safes.flatMap((sf) => [...(sf.weaknesses ?? []), ...sf.bags.flatMap((b) => b.weaknesses ?? [])]),
  ];
  return {
    model: { version, mac, safes, passwordUsed, ...(weaknesses.length ? { weaknesses } : {}) },
    certificates: st.certificates,
    privateKeys: st.privateKeys,
    crls: st.crls,
    errors: st.errors,
  };
}

function safeType(ci: Asn1): Pkcs12SafeModel['contentType'] {
  try {
    const oid = ci.child(0).oid();
    return oid === OIDS.data ? 'data' : oid === OIDS.encryptedData ? 'encryptedData' : oid === OIDS.envelopedData ? 'envelopedData' : 'other';
  } catch {
    return 'other';
  }
}

/** Reads one ContentInfo of the AuthenticatedSafe; returns whether it was password-encrypted. */
async function readSafe(ci: Asn1, path: string, st: WalkState, safes: Pkcs12SafeModel[], opts: Pkcs12Options): Promise<boolean> {
  const opener = st.opener;
  let usedEncryption = false;
  {
    const type = ci.child(0).oid();
    if (type === OIDS.data) {
      const sc = parseDer(contentOctets(ci, path));
      safes.push({ contentType: 'data', encryption: null, bags: await walkBags(sc, path, null, st, 0) });
    } else if (type === OIDS.encryptedData) {
      const ed = ci.child(1).child(0);
      const eci = ed.child(1);
      const scheme = parsePbe(eci.child(1), opts);
      const encField = eci.children()[2];
      if (!encField?.isContext(0)) {
        safes.push({ contentType: 'encryptedData', encryption: scheme.encryption, bags: [] });
        return false;
      }
      const encrypted = encField.constructed ? encField.octets() : encField.content;
      usedEncryption = true;
      const weak = encryptionWeaknesses(scheme.encryption, path);
      const safe: Pkcs12SafeModel = { contentType: 'encryptedData', encryption: scheme.encryption, bags: [], ...(weak.length ? { weaknesses: weak } : {}) };
      safes.push(safe);
      const plain = await opener.decrypt(scheme, encrypted, isDerSequence, path);
      safes[safes.indexOf(safe)] = { ...safe, bags: await walkBags(parseDer(plain), path, scheme.encryption, st, 0) };
    } else if (type === OIDS.envelopedData) {
      st.errors.push({ code: 'UNSUPPORTED_ALGORITHM', message: `${path} is envelopedData (public-key encrypted), which cannot be opened with a password.`, location: { offset: ci.offset, path } });
      safes.push({ contentType: 'envelopedData', encryption: null, bags: [] });
    } else {
      st.errors.push({ code: 'UNSUPPORTED_ALGORITHM', message: `${path} has unsupported content type ${type}.`, location: { offset: ci.offset, path } });
      safes.push({ contentType: 'other', encryption: null, bags: [] });
    }
  }
  return usedEncryption;
}
