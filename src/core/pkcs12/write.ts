/**
 * PKCS#12 writer (RFC 7292): a PFX version 3 in password-integrity mode, as `openssl pkcs12
 * -export` lays it out —
 *
 *   PFX { 3, authSafe = data(AuthenticatedSafe), macData }
 *   AuthenticatedSafe = [ encryptedData(SafeContents: certBag leaf, certBag chain…),
 *                         data(SafeContents: pkcs8ShroudedKeyBag) ]
 *
 * The leaf certificate's bag and the key's bag carry the same friendlyName and localKeyId (SHA-1
 * of the leaf certificate's DER, as OpenSSL computes it), which is how importers (Windows, Java
 * keytool, macOS) pair the key with its certificate; the chain follows leaf → root without
 * attributes. Encryption goes through crypto/encrypt.ts (the inverse of the reader's own code),
 * the MAC through crypto/mac.ts (the reader's). Keys and derived secrets are zeroed after use;
 * the caller's own buffers are left alone.
 */
import { sha1Digest, sha256Digest } from '../crypto/digest';
import { DIGEST_OID, encImplicitOctets, encryptionScheme, HMAC_PRF_OID, pbkdf2Params, randomBytes, checkWriteIterations } from '../crypto/encrypt';
import { hmacSign, pkcs12MacKey } from '../crypto/mac';
import { OID as PBE_OID, pbkdf2 } from '../crypto/pbe';
import { hashOutputLength } from '../crypto/pkcs12-kdf';
import { concatBytes, toHex } from '../input/bytes';
import { type Asn1, encCtx, encInt, encNull, encOctets, encOid, encSeq, encTlv, parseDer, TAG } from '../input/der';
import { privateKeyModelFromPkcs8 } from '../keys/private-key';
import { CoreFailure } from '../model';
import type { Pkcs12Profile } from './profiles';

const OIDS = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
} as const;

export type Pkcs12WriteErrorCode = 'NO_CERTIFICATE' | 'NOT_A_CERTIFICATE' | 'NOT_A_KEY' | 'KEY_MISMATCH' | 'KEY_UNCHECKABLE' | 'EMPTY_PASSWORD' | 'BAD_PARAMETERS';

/** Why a PKCS#12 could not be written; nothing was written. */
export class Pkcs12WriteError extends Error {
  constructor(
    readonly code: Pkcs12WriteErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'Pkcs12WriteError';
  }
}

export interface Pkcs12WriteInput {
  /** DER certificates: the key's certificate first, then its chain leaf → root. */
  readonly certificates: readonly Uint8Array[];
  /** The unencrypted PKCS#8 DER of the leaf's private key; null writes certificates only. */
  readonly privateKey: Uint8Array | null;
  /** The new password (not empty: some engines refuse an empty PBKDF2 password, and an empty one protects nothing). */
  readonly password: string;
  readonly profile: Pkcs12Profile;
  /** friendlyName of the leaf and its key (Java's alias, Windows' and macOS's label); null or empty: none. */
  readonly friendlyName?: string | null;
  /** localKeyId of the leaf and its key; default SHA-1 of the leaf certificate's DER (OpenSSL's choice). */
  readonly localKeyId?: Uint8Array | null;
  /** Allow a key whose public half cannot be derived here (unusual algorithms): written unchecked. Default false. */
  readonly allowUncheckedKey?: boolean;
}

/** The DER SubjectPublicKeyInfo of a certificate. */
export function certificateSpki(der: Uint8Array): Uint8Array {
  let tbs: Asn1;
  try {
    const cert = parseDer(der);
    tbs = cert.child(0);
    if (!cert.isSequence || !tbs.isSequence || cert.children().length !== 3) throw new Error('not a Certificate');
    const kids = tbs.children();
    const first = kids[0]?.isContext(0) ? 1 : 0;
    const spki = kids[first + 5];
    if (!spki?.isSequence) throw new Error('no SubjectPublicKeyInfo');
    return spki.bytes;
  } catch (e) {
    throw new Pkcs12WriteError('NOT_A_CERTIFICATE', `Not an X.509 certificate (${e instanceof Error ? e.message : String(e)}).`);
  }
}

/**
 * Refuses a key that is not the leaf certificate's: the importer would pair them by localKeyId
 * and the result would be a certificate that cannot be used (or, worse, a TLS server that fails
 * at its first handshake). Returns null when the key's public half cannot be derived here (an
 * algorithm this engine does not model); throws NOT_A_KEY for what is not a PKCS#8 key.
 */
export async function keyMatchesCertificate(pkcs8Der: Uint8Array, certificateDer: Uint8Array): Promise<boolean | null> {
  let model;
  try {
    // PrivateKeyInfo / OneAsymmetricKey: SEQUENCE { INTEGER, AlgorithmIdentifier, OCTET STRING, … }.
    const kids = parseDer(pkcs8Der).children();
    if (!kids[0]?.isUniversal(TAG.INTEGER) || !kids[1]?.isSequence || !kids[2]?.isUniversal(TAG.OCTET_STRING)) throw new Error('not a PrivateKeyInfo');
    model = await privateKeyModelFromPkcs8(pkcs8Der, { offset: 0 }, 'pkcs8', null);
  } catch (e) {
    throw new Pkcs12WriteError('NOT_A_KEY', `Not an unencrypted PKCS#8 private key (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (model.publicSpkiSha256Hex === null) return null;
  return toHex(sha256Digest(certificateSpki(certificateDer))) === model.publicSpkiSha256Hex;
}

/** The BMPString of a friendly name (UTF-16BE code units). */
function bmpString(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 * i] = c >> 8;
    out[2 * i + 1] = c & 0xff;
  }
  return encTlv(0x1e, out);
}

/** SET OF in DER order (elements sorted as octet strings, X.690 11.6). */
function encSetOf(elements: readonly Uint8Array[]): Uint8Array {
  const sorted = [...elements].sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
    return a.length - b.length;
  });
  return encTlv(0x31, concatBytes(...sorted));
}

function bagAttributes(friendlyName: string | null, localKeyId: Uint8Array | null): Uint8Array | null {
  const attrs: Uint8Array[] = [];
  if (friendlyName) attrs.push(encSeq(encOid(OIDS.friendlyName), encSetOf([bmpString(friendlyName)])));
  if (localKeyId) attrs.push(encSeq(encOid(OIDS.localKeyId), encSetOf([encOctets(localKeyId)])));
  return attrs.length ? encSetOf(attrs) : null;
}

function safeBag(bagOid: string, value: Uint8Array, attributes: Uint8Array | null): Uint8Array {
  return encSeq(encOid(bagOid), encCtx(0, value), ...(attributes ? [attributes] : []));
}

const dataContentInfo = (content: Uint8Array): Uint8Array => encSeq(encOid(OIDS.data), encCtx(0, encOctets(content)));

/** PBMAC1's MacData.macSalt and iterations are ignored (RFC 9579 §3); written as its examples do. */
const PBMAC1_UNUSED_SALT = new TextEncoder().encode('NOT USED');

function validate(input: Pkcs12WriteInput): void {
  if (input.certificates.length === 0) throw new Pkcs12WriteError('NO_CERTIFICATE', 'A PKCS#12 needs at least the certificate of its key.');
  if (input.password === '') throw new Pkcs12WriteError('EMPTY_PASSWORD', 'Choose a password: an empty one protects nothing, and some importers and browsers cannot use it.');
  const p = input.profile;
  try {
    for (const [what, e] of [
      ['certificate encryption', p.certificates],
      ['key encryption', p.key],
    ] as const)
      if (e) checkWriteIterations(e.iterations, what);
    if (p.mac) checkWriteIterations(p.mac.iterations, 'MAC');
  } catch (e) {
    throw new Pkcs12WriteError('BAD_PARAMETERS', e instanceof CoreFailure ? e.message : String(e));
  }
  for (const der of input.certificates) certificateSpki(der);
}

/** Writes a PKCS#12 file. Throws Pkcs12WriteError. */
export async function writePkcs12(input: Pkcs12WriteInput): Promise<Uint8Array> {
  validate(input);
  const { certificates, privateKey, password, profile } = input;
  const leaf = certificates[0] as Uint8Array;
  if (privateKey) {
    const match = await keyMatchesCertificate(privateKey, leaf);
    if (match === false) throw new Pkcs12WriteError('KEY_MISMATCH', 'The private key does not belong to the first certificate (their public keys differ): the importer could not use them together. Give the key’s own certificate first.');
    if (match === null && !input.allowUncheckedKey) throw new Pkcs12WriteError('KEY_UNCHECKABLE', 'Cannot derive this key’s public half here, so its match with the certificate cannot be checked.');
  }
  const friendlyName = input.friendlyName ? input.friendlyName : null;
  const localKeyId = input.localKeyId !== undefined ? input.localKeyId : privateKey ? sha1Digest(leaf) : null;
  const leafAttrs = bagAttributes(friendlyName, localKeyId);
  const certContents = encSeq(...certificates.map((der, i) => safeBag(OIDS.certBag, encSeq(encOid(OIDS.x509Certificate), encCtx(0, encOctets(der))), i === 0 ? leafAttrs : null)));

  // PBKDF2 keys are derived ahead, on WebCrypto's thread, while the MAC key's PKCS#12 KDF (plain
  // JavaScript, the slow part at high iteration counts) runs on this one; the memo holds them
  // for this write only and is zeroed at the end.
  const memo = new Map<string, Promise<Uint8Array>>();
  const secrets: Uint8Array[] = [];
  try {
    const certs = profile.certificates ? encryptionScheme(profile.certificates, { pbkdf2Memo: memo }) : null;
    const key = privateKey && profile.key ? encryptionScheme(profile.key, { pbkdf2Memo: memo }) : null;
    await Promise.all([certs?.scheme.prewarm?.(password), key?.scheme.prewarm?.(password)]);

    const mac = profile.mac;
    let macKey: Promise<Uint8Array> | null = null;
    let macSalt: Uint8Array | null = null;
    let macAlgorithm: Uint8Array | null = null;
    if (mac?.type === 'PBMAC1') {
      const salt = randomBytes(mac.saltLength ?? 16);
      const length = hashOutputLength(mac.hash);
      macKey = pbkdf2(new TextEncoder().encode(password), salt, mac.iterations, mac.hash, length);
      macSalt = PBMAC1_UNUSED_SALT;
      const kdf = encSeq(encOid(PBE_OID.pbkdf2), pbkdf2Params(salt, mac.iterations, mac.hash, length));
      macAlgorithm = encSeq(encOid(PBE_OID.pbmac1), encSeq(kdf, encSeq(encOid(HMAC_PRF_OID[mac.hash]), encNull())));
    } else if (mac?.type === 'HMAC') {
      macSalt = randomBytes(mac.saltLength ?? 8);
      macKey = Promise.resolve(pkcs12MacKey(mac.hash, password, macSalt, mac.iterations));
      macAlgorithm = encSeq(encOid(DIGEST_OID[mac.hash]), encNull());
    }

    const certSafe = certs
      ? encSeq(encOid(OIDS.encryptedData), encCtx(0, encSeq(encInt(0), encSeq(encOid(OIDS.data), certs.algorithm, encImplicitOctets(0, await certs.scheme.encrypt(password, certContents))))))
      : dataContentInfo(certContents);
    const safes = [certSafe];
    if (privateKey) {
      const keyAttrs = bagAttributes(friendlyName, localKeyId);
      let bag: Uint8Array;
      if (key) bag = safeBag(OIDS.shroudedKeyBag, encSeq(key.algorithm, encOctets(await key.scheme.encrypt(password, privateKey))), keyAttrs);
      else {
        bag = safeBag(OIDS.keyBag, privateKey, keyAttrs);
        secrets.push(bag);
      }
      const keyContents = encSeq(bag);
      const keySafe = dataContentInfo(keyContents);
      if (!key) secrets.push(keyContents, keySafe);
      safes.push(keySafe);
    }
    const authSafe = encSeq(...safes);
    const parts = [encInt(3), dataContentInfo(authSafe)];
    if (mac && macKey && macSalt && macAlgorithm) {
      const k = await macKey;
      secrets.push(k);
      const digest = await hmacSign(mac.hash, k, authSafe);
      const iterations = mac.type === 'HMAC' && mac.iterations > 1 ? [encInt(mac.iterations)] : [];
      parts.push(encSeq(encSeq(macAlgorithm, encOctets(digest)), encOctets(macSalt), ...iterations));
    }
    const pfx = encSeq(...parts);
    if (privateKey && !key) secrets.push(authSafe, parts[1] as Uint8Array);
    return pfx;
  } finally {
    for (const s of secrets) s.fill(0);
    for (const derived of memo.values()) (await derived.catch(() => null))?.fill(0);
  }
}
