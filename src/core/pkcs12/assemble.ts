/**
 * What goes into a new PKCS#12, from decoded inputs (a PKCS#12 that was opened, or a certificate,
 * its key and a chain): the key's certificate first, then its issuers leaf → root by name, then
 * any other certificate given (kept, in the order given); the friendly name the key carried.
 * Used by the CLI (`certscope p12`) and the Worker's PKCS#12 tool alike.
 */
import type { CertificateModel, PrivateKeyModel } from '../model';

export interface KeyWithDer {
  readonly model: PrivateKeyModel;
  /** Its unencrypted PKCS#8 DER. */
  readonly der: Uint8Array;
}

export interface Pkcs12Contents {
  readonly certificates: readonly CertificateModel[];
  readonly key: KeyWithDer | null;
  /** The friendlyName the key (or, without one, the leaf) already had; null when none. */
  readonly friendlyName: string | null;
}

export class AssembleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssembleError';
  }
}

/** Distinct by SHA-256, first occurrence kept. */
function distinct(certs: readonly CertificateModel[]): CertificateModel[] {
  const seen = new Set<string>();
  return certs.filter((c) => !seen.has(c.sha256Hex) && (seen.add(c.sha256Hex), true));
}

/** `leaf`, then its issuers found among `others` by name (leaf → root), then the rest of `others` in their order. */
export function orderLeafToRoot(leaf: CertificateModel, others: readonly CertificateModel[]): CertificateModel[] {
  const rest = distinct(others).filter((c) => c.sha256Hex !== leaf.sha256Hex);
  const path = [leaf];
  let current = leaf;
  while (current.subject.derHex !== current.issuer.derHex) {
    const i = rest.findIndex((c) => c.subject.derHex === current.issuer.derHex);
    if (i < 0) break;
    const [next] = rest.splice(i, 1);
    if (!next) break;
    path.push(next);
    current = next;
  }
  return [...path, ...rest];
}

/**
 * Picks the key and its certificate. With keys: exactly one must have its certificate among
 * `certificates` (several keys with certificates: ambiguous, refused). Without a key: the first
 * certificate is the leaf (a certificates-only file).
 */
export function assembleContents(certificates: readonly CertificateModel[], keys: readonly KeyWithDer[]): Pkcs12Contents {
  const certs = distinct(certificates);
  if (certs.length === 0) throw new AssembleError('No certificate: a PKCS#12 needs at least the certificate of its key.');
  if (keys.length === 0) {
    const leaf = certs[0] as CertificateModel;
    return { certificates: orderLeafToRoot(leaf, certs), key: null, friendlyName: null };
  }
  const pairs = keys.flatMap((key) => {
    const cert = certs.find((c) => key.model.publicSpkiSha256Hex !== null && c.publicKey.spkiSha256Hex === key.model.publicSpkiSha256Hex);
    return cert ? [{ key, cert }] : [];
  });
  const distinctKeys = new Set(pairs.map((p) => p.key.model.sha256Hex));
  if (pairs.length === 0) throw new AssembleError(keys.length === 1 ? 'The private key does not belong to any of the certificates given (no public key matches).' : `None of the ${keys.length} private keys belongs to a certificate given.`);
  if (distinctKeys.size > 1) throw new AssembleError(`${distinctKeys.size} private keys each have a certificate here; a PKCS#12 written by Certscope holds one key. Give one key and its certificate.`);
  const { key, cert } = pairs[0] as { key: KeyWithDer; cert: CertificateModel };
  return { certificates: orderLeafToRoot(cert, certs), key, friendlyName: key.model.friendlyName ?? null };
}
