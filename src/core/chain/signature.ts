/**
 * Signature verification of one certificate by an issuer key, through WebCrypto.
 *
 * WebCrypto covers RSA PKCS#1 v1.5 and RSA-PSS with SHA-1/256/384/512, ECDSA on P-256/384/521
 * and Ed25519. Anything else (MD2/MD5, SHA-224, DSA, Ed448, brainpool or other curves, PSS with
 * an MGF hash that differs from the message hash) is reported as `unsupported`: never a silent pass.
 */
import type { CertificateModel, CrlModel, PublicKeyModel } from '../model';
import { type Asn1, parseDer, TAG } from '../input/der';
import { own } from '../input/bytes';
import type { SignatureCheck } from './types';

const HASH_BY_OID: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

type Scheme =
  | { readonly family: 'pkcs1'; readonly hash: string }
  | { readonly family: 'pss'; readonly hash: string; readonly saltLength: number }
  | { readonly family: 'ecdsa'; readonly hash: string }
  | { readonly family: 'ed25519' }
  | { readonly family: 'unsupported'; readonly name: string };

/** Signature algorithm OIDs, by name (RFC 4055, RFC 5758, RFC 8410). */
const SIGNATURE_SCHEMES: Readonly<Record<string, Scheme>> = {
  '1.2.840.113549.1.1.2': { family: 'unsupported', name: 'md2WithRSAEncryption' },
  '1.2.840.113549.1.1.4': { family: 'unsupported', name: 'md5WithRSAEncryption' },
  '1.2.840.113549.1.1.5': { family: 'pkcs1', hash: 'SHA-1' },
  '1.3.14.3.2.29': { family: 'pkcs1', hash: 'SHA-1' },
  '1.2.840.113549.1.1.11': { family: 'pkcs1', hash: 'SHA-256' },
  '1.2.840.113549.1.1.12': { family: 'pkcs1', hash: 'SHA-384' },
  '1.2.840.113549.1.1.13': { family: 'pkcs1', hash: 'SHA-512' },
  '1.2.840.113549.1.1.14': { family: 'unsupported', name: 'sha224WithRSAEncryption' },
  '1.2.840.10045.4.1': { family: 'ecdsa', hash: 'SHA-1' },
  '1.2.840.10045.4.3.1': { family: 'unsupported', name: 'ecdsa-with-SHA224' },
  '1.2.840.10045.4.3.2': { family: 'ecdsa', hash: 'SHA-256' },
  '1.2.840.10045.4.3.3': { family: 'ecdsa', hash: 'SHA-384' },
  '1.2.840.10045.4.3.4': { family: 'ecdsa', hash: 'SHA-512' },
  '1.3.101.112': { family: 'ed25519' },
  '1.3.101.113': { family: 'unsupported', name: 'Ed448' },
  '1.2.840.10040.4.3': { family: 'unsupported', name: 'dsa-with-SHA1' },
  '2.16.840.1.101.3.4.3.1': { family: 'unsupported', name: 'dsa-with-SHA224' },
  '2.16.840.1.101.3.4.3.2': { family: 'unsupported', name: 'dsa-with-SHA256' },
};

const RSASSA_PSS = '1.2.840.113549.1.1.10';
const MGF1 = '1.2.840.113549.1.1.8';

const CURVE_SIZES: Readonly<Record<string, number>> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };

export const UNSUPPORTED_PREFIX = 'unsupported: cannot verify in this browser/engine';

function unsupported(what: string): SignatureCheck {
  return { status: 'unsupported', detail: `${UNSUPPORTED_PREFIX} (${what})` };
}

/** The parts of a signed object: SEQUENCE { tbs, AlgorithmIdentifier, BIT STRING }. */
export interface SignedParts {
  readonly tbs: Uint8Array;
  readonly algorithm: Asn1;
  readonly signature: Uint8Array;
}

export function splitSigned(der: Uint8Array): SignedParts {
  const top = parseDer(der);
  return { tbs: top.child(0).bytes, algorithm: top.child(1), signature: top.child(2).bits() };
}

function hashOf(algId: Asn1): string | null {
  return HASH_BY_OID[algId.child(0).oid()] ?? null;
}

/** RSASSA-PSS-params (RFC 4055 §3.1) mapped onto WebCrypto, or an explanation of why it cannot be. */
function pssScheme(algorithm: Asn1): Scheme {
  let hash = 'SHA-1';
  let mgfHash = 'SHA-1';
  let saltLength = 20;
  const params = algorithm.children()[1];
  if (params && params.isSequence) {
    for (const field of params.children()) {
      const inner = field.children()[0];
      if (!inner) continue;
      if (field.isContext(0)) {
        const h = hashOf(inner);
        if (!h) return { family: 'unsupported', name: `RSA-PSS with hash ${inner.child(0).oid()}` };
        hash = h;
      } else if (field.isContext(1)) {
        if (inner.child(0).oid() !== MGF1) return { family: 'unsupported', name: 'RSA-PSS with a mask generation function other than MGF1' };
        const mgfParams = inner.children()[1];
        const h = mgfParams ? hashOf(mgfParams) : null;
        if (!h) return { family: 'unsupported', name: 'RSA-PSS with an unknown MGF1 hash' };
        mgfHash = h;
      } else if (field.isContext(2)) {
        saltLength = inner.int();
      } else if (field.isContext(3)) {
        if (inner.int() !== 1) return { family: 'unsupported', name: 'RSA-PSS with a trailer field other than 1' };
      }
    }
  }
  if (mgfHash !== hash) return { family: 'unsupported', name: `RSA-PSS with MGF1 ${mgfHash} and message hash ${hash}` };
  return { family: 'pss', hash, saltLength };
}

export function signatureScheme(algorithm: Asn1): Scheme {
  const oid = algorithm.child(0).oid();
  if (oid === RSASSA_PSS) return pssScheme(algorithm);
  return SIGNATURE_SCHEMES[oid] ?? { family: 'unsupported', name: `signature algorithm ${oid}` };
}

/** ECDSA-Sig-Value (DER SEQUENCE of r, s) to IEEE P1363 r||s, each left-padded to the field size. */
export function ecdsaDerToP1363(der: Uint8Array, size: number): Uint8Array | null {
  let seq: Asn1;
  try {
    seq = parseDer(der);
  } catch {
    return null;
  }
  if (!seq.isSequence || seq.children().length !== 2) return null;
  const out = new Uint8Array(size * 2);
  for (let i = 0; i < 2; i++) {
    const n = seq.child(i);
    if (!n.isUniversal(TAG.INTEGER)) return null;
    const v = n.uintBytes();
    if (v.length > size) return null;
    out.set(v, (i + 1) * size - v.length);
  }
  return out;
}

export interface Verifier {
  /** Checks `signed` (a certificate or CRL DER) against `key`. Never throws. */
  verify(signedDer: Uint8Array, key: PublicKeyModel): Promise<SignatureCheck>;
}

/** WebCrypto-backed verifier; `subtle` is passed in so tests and other engines can supply their own. */
export function createVerifier(subtle: SubtleCrypto = globalThis.crypto.subtle): Verifier {
  // Imported keys by SPKI and algorithm: an issuer's key is imported once, however many certificates and CRLs it signed.
  const keys = new Map<string, Promise<CryptoKey>>();
  const importKey = (spki: Uint8Array<ArrayBuffer>, spkiHash: string, algorithm: RsaHashedImportParams | EcKeyImportParams | Algorithm): Promise<CryptoKey> => {
    const id = `${spkiHash}|${JSON.stringify(algorithm)}`;
    let k = keys.get(id);
    if (!k) {
      k = subtle.importKey('spki', spki, algorithm, false, ['verify']);
      keys.set(id, k);
      k.catch(() => keys.delete(id));
    }
    return k;
  };
  async function verify(signedDer: Uint8Array, key: PublicKeyModel): Promise<SignatureCheck> {
    let parts: SignedParts;
    let scheme: Scheme;
    try {
      parts = splitSigned(signedDer);
      scheme = signatureScheme(parts.algorithm);
    } catch (e) {
      return { status: 'invalid', detail: `signature structure does not parse: ${e instanceof Error ? e.message : String(e)}` };
    }
    if (scheme.family === 'unsupported') return unsupported(scheme.name);
    const spki = own(key.spkiDer);
    const data = own(parts.tbs);
    try {
      switch (scheme.family) {
        case 'pkcs1':
        case 'pss': {
          if (key.algorithm !== 'RSA' && key.algorithm !== 'RSA-PSS') return { status: 'invalid', detail: `an RSA signature cannot be made by a ${key.algorithm} key` };
          if (scheme.family === 'pkcs1' && key.algorithm === 'RSA-PSS') return { status: 'invalid', detail: 'an RSA-PSS key cannot make a PKCS#1 v1.5 signature' };
          const name = scheme.family === 'pkcs1' ? 'RSASSA-PKCS1-v1_5' : 'RSA-PSS';
          let k: CryptoKey;
          try {
            k = await importKey(spki, key.spkiSha256Hex, { name, hash: scheme.hash });
          } catch {
            return unsupported(`${name} key import`);
          }
          const params = scheme.family === 'pss' ? { name, saltLength: scheme.saltLength } : { name };
          const ok = await subtle.verify(params, k, own(parts.signature), data);
          return ok ? { status: 'valid', detail: null } : { status: 'invalid', detail: 'the signature does not verify with the issuer key' };
        }
        case 'ecdsa': {
          if (key.algorithm !== 'EC') return { status: 'invalid', detail: `an ECDSA signature cannot be made by a ${key.algorithm} key` };
          const curve = key.curve ?? 'unknown curve';
          const size = CURVE_SIZES[curve];
          if (!size) return unsupported(`ECDSA on ${curve}`);
          const raw = ecdsaDerToP1363(parts.signature, size);
          if (!raw) return { status: 'invalid', detail: 'the ECDSA signature value is not a valid DER SEQUENCE of two integers' };
          let k: CryptoKey;
          try {
            k = await importKey(spki, key.spkiSha256Hex, { name: 'ECDSA', namedCurve: curve });
          } catch {
            return unsupported(`ECDSA ${curve} key import`);
          }
          const ok = await subtle.verify({ name: 'ECDSA', hash: scheme.hash }, k, own(raw), data);
          return ok ? { status: 'valid', detail: null } : { status: 'invalid', detail: 'the signature does not verify with the issuer key' };
        }
        case 'ed25519': {
          if (key.algorithm !== 'Ed25519') return { status: 'invalid', detail: `an Ed25519 signature cannot be made by a ${key.algorithm} key` };
          let k: CryptoKey;
          try {
            k = await importKey(spki, key.spkiSha256Hex, { name: 'Ed25519' });
          } catch {
            return unsupported('Ed25519 key import');
          }
          const ok = await subtle.verify({ name: 'Ed25519' }, k, own(parts.signature), data);
          return ok ? { status: 'valid', detail: null } : { status: 'invalid', detail: 'the signature does not verify with the issuer key' };
        }
      }
    } catch (e) {
      return { status: 'invalid', detail: `verification failed: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  return { verify };
}

/** Caches results per (issuer, subject) pair of SHA-256s. */
export class SignatureCache {
  // Issuer SHA-256 → subject SHA-256 → result (no key string is built per look-up).
  private readonly results = new Map<string, Map<string, Promise<SignatureCheck>>>();
  constructor(private readonly verifier: Verifier = createVerifier()) {}

  check(subject: CertificateModel | CrlModel, issuer: CertificateModel): Promise<SignatureCheck> {
    let bySubject = this.results.get(issuer.sha256Hex);
    if (!bySubject) {
      bySubject = new Map();
      this.results.set(issuer.sha256Hex, bySubject);
    }
    let p = bySubject.get(subject.sha256Hex);
    if (!p) {
      p = this.verifier.verify(subject.der, issuer.publicKey);
      bySubject.set(subject.sha256Hex, p);
    }
    return p;
  }
}
