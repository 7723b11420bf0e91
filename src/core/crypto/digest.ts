/**
 * Fingerprint hashes (SHA-256, SHA-1) of small inputs: certificates, SPKIs, CRLs, whole files.
 *
 * Computed synchronously with @noble/hashes (audited; already a pkijs dependency) rather than
 * WebCrypto's async `digest`: for a 1–2 KB certificate the hash itself takes microseconds, while
 * each WebCrypto call pays an argument-normalisation and thread-hop cost several times larger
 * (measured: ~3 digests/certificate were half of a full decode). WebCrypto remains the engine for
 * everything keyed or slow: signatures, HMAC, PBKDF2, AES.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { sha1 } from '@noble/hashes/legacy.js';

export function sha256Digest(bytes: Uint8Array): Uint8Array {
  return sha256(bytes);
}

export function sha1Digest(bytes: Uint8Array): Uint8Array {
  return sha1(bytes);
}
