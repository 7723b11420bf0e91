/**
 * Export formats: PEM (RFC 7468), the fullchain.pem servers want, PKCS#7 certs-only (what
 * `openssl crl2pkcs7 -nocrl` writes), fingerprint spellings, the HPKP-style SPKI pin, and the
 * explicit PKCS#8 private key export. Pure and synchronous: runs in the Worker or the CLI; the UI
 * receives the results as plain data (`buildCertificateExports`).
 */
import type { CertificateModel, PublicKeyModel } from '../model';
import { fromHex, toBase64, concatBytes } from '../input/bytes';
import { encCtx, encInt, encOid, encSeq, encSet, encTlv } from '../input/der';
import { parseAsn1Tree } from '../asn1/tree';

/** PKCS#7 / CMS content types (RFC 5652 §3, §4, §5). */
export const OID_PKCS7_DATA = '1.2.840.113549.1.7.1';
export const OID_PKCS7_SIGNED_DATA = '1.2.840.113549.1.7.2';

/** RFC 7468 §2: label characters are printable ASCII without "-"; we allow the labels in use. */
const LABEL = /^[A-Z0-9][A-Z0-9 #]*$/u;

/** PEM text of `der` under `label` ("CERTIFICATE", "PRIVATE KEY" …), base64 in 64-character lines, LF line ends, trailing newline. */
export function toPem(der: Uint8Array, label: string): string {
  if (!LABEL.test(label)) throw new RangeError(`invalid PEM label ${JSON.stringify(label)}`);
  const b64 = toBase64(der);
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}${lines.length > 0 ? '\n' : ''}-----END ${label}-----\n`;
}

/** Concatenated CERTIFICATE blocks, in the given order. */
export function certificatesToPem(ders: readonly Uint8Array[]): string {
  return ders.map((d) => toPem(d, 'CERTIFICATE')).join('');
}

export interface FullChainOptions {
  /** Leave out the last certificate when it is self-issued (a root): clients must already trust it, so servers need not send it. */
  readonly excludeRoot?: boolean;
}

function isSelfIssued(c: CertificateModel): boolean {
  return c.subject.derHex === c.issuer.derHex;
}

/** The fullchain.pem servers load (nginx ssl_certificate, Apache SSLCertificateFile): leaf first, then each issuer up to the root. */
export function fullChainPem(path: readonly CertificateModel[], options: FullChainOptions = {}): string {
  const last = path[path.length - 1];
  const certs = options.excludeRoot && path.length > 1 && last && isSelfIssued(last) ? path.slice(0, -1) : path;
  return certificatesToPem(certs.map((c) => c.der));
}

/**
 * A degenerate PKCS#7 SignedData holding only certificates (RFC 2315 §9.1; RFC 5652 §5.1 notes
 * the degenerate case): version 1, no digest algorithms, content type data without content, the
 * certificates, no CRLs, no signers — the structure `openssl crl2pkcs7 -nocrl` writes. The
 * certificates keep the given order (as openssl does) rather than DER SET OF sorting, so the
 * leaf stays first for tools that read the first certificate.
 */
export function buildPkcs7CertsOnly(ders: readonly Uint8Array[]): Uint8Array {
  const signedData = encSeq(encInt(1), encSet(), encSeq(encOid(OID_PKCS7_DATA)), encTlv(0xa0, concatBytes(...ders)), encSet());
  return encSeq(encOid(OID_PKCS7_SIGNED_DATA), encCtx(0, signedData));
}

export type FingerprintFormat = 'colon' | 'plain' | 'base64';

/**
 * A digest in the spelling a tool expects: "colon" is `openssl x509 -fingerprint` (uppercase,
 * colon-separated), "plain" is `sha256sum` (lowercase, no separators), "base64" is the HPKP/
 * Kubernetes/Envoy spelling of the same bytes. Throws RangeError on input that is not hex.
 */
export function formatFingerprint(hex: string, format: FingerprintFormat): string {
  const clean = hex.replace(/[:\s]/gu, '');
  if (clean.length === 0 || clean.length % 2 !== 0 || /[^0-9a-f]/iu.test(clean)) throw new RangeError('fingerprint is not hex');
  switch (format) {
    case 'colon':
      return (clean.toUpperCase().match(/../gu) ?? []).join(':');
    case 'plain':
      return clean.toLowerCase();
    case 'base64':
      return toBase64(fromHex(clean));
  }
}

/** RFC 7469 §2.1.1 pin directive: `pin-sha256="<base64 SHA-256 of the SPKI>"`. */
export function spkiPin(publicKey: Pick<PublicKeyModel, 'spkiSha256Base64'>): string {
  return `pin-sha256="${publicKey.spkiSha256Base64}"`;
}

/**
 * PEM of a PKCS#8 PrivateKeyInfo / OneAsymmetricKey (RFC 5208, RFC 5958), unencrypted.
 * Refuses anything that is not SEQUENCE { INTEGER, SEQUENCE, OCTET STRING, … } so an encrypted
 * key or a certificate is never written under the PRIVATE KEY label.
 */
export function pkcs8Pem(pkcs8Der: Uint8Array): string {
  const root = parseAsn1Tree(pkcs8Der, { maxDepth: 2 });
  const [version, algorithm, key] = root.children ?? [];
  const ok =
    root.error === undefined &&
    root.warning === undefined &&
    root.tagClass === 'universal' &&
    root.tagNumber === 16 &&
    version?.tagClass === 'universal' &&
    version.tagNumber === 2 &&
    algorithm?.tagClass === 'universal' &&
    algorithm.tagNumber === 16 &&
    key?.tagClass === 'universal' &&
    key.tagNumber === 4;
  if (!ok) throw new RangeError('not a PKCS#8 PrivateKeyInfo');
  return toPem(pkcs8Der, 'PRIVATE KEY');
}

/** A safe file name stem for a certificate: its first subject CN, else the start of its SHA-256. */
export function certificateFileStem(certificate: Pick<CertificateModel, 'subject' | 'sha256Hex'>): string {
  const cn = certificate.subject.rdns.flat().find((a) => a.shortName === 'CN')?.value ?? '';
  const stem = cn
    .replace(/^\*\./u, 'wildcard.')
    .replace(/[^A-Za-z0-9._-]+/gu, '_')
    .replace(/^[._]+|[._]+$/gu, '')
    .slice(0, 64);
  return stem === '' ? certificate.sha256Hex.slice(0, 16) : stem;
}

export interface FingerprintSpellings {
  readonly colon: string;
  readonly plain: string;
  readonly base64: string;
}

/** Everything the export panel offers for one certificate, computed off the main thread. */
export interface CertificateExports {
  /** File name stem, e.g. "www.example.com". */
  readonly fileStem: string;
  readonly pem: string;
  readonly der: Uint8Array;
  /** Leaf → last issuer, a self-issued root left out; null when the path is only this certificate. */
  readonly fullChainPem: string | null;
  /** Leaf → root including a self-issued root; null when the path is only this certificate. */
  readonly fullChainWithRootPem: string | null;
  /** Number of certificates in the path (this one included). */
  readonly chainLength: number;
  /** Whether the path ends at a self-issued root. */
  readonly endsAtRoot: boolean;
  /** PKCS#7 certs-only of the whole path (or just this certificate). */
  readonly pkcs7Der: Uint8Array;
  readonly sha256: FingerprintSpellings;
  readonly sha1: FingerprintSpellings;
  readonly spkiSha256: FingerprintSpellings;
  /** `pin-sha256="…"` */
  readonly spkiPin: string;
}

function spellings(hex: string): FingerprintSpellings {
  return { colon: formatFingerprint(hex, 'colon'), plain: formatFingerprint(hex, 'plain'), base64: formatFingerprint(hex, 'base64') };
}

/**
 * Export data for `certificate`. `path` is its chain leaf → root as built by core/chain (it may
 * start with the certificate itself; if not, the certificate is put first).
 */
export function buildCertificateExports(certificate: CertificateModel, path: readonly CertificateModel[] = []): CertificateExports {
  const full = path[0]?.sha256Hex === certificate.sha256Hex ? path : [certificate, ...path];
  const last = full[full.length - 1];
  const endsAtRoot = full.length > 1 && last !== undefined && isSelfIssued(last);
  return {
    fileStem: certificateFileStem(certificate),
    pem: toPem(certificate.der, 'CERTIFICATE'),
    der: certificate.der,
    fullChainPem: full.length > 1 ? fullChainPem(full, { excludeRoot: true }) : null,
    fullChainWithRootPem: full.length > 1 ? fullChainPem(full) : null,
    chainLength: full.length,
    endsAtRoot,
    pkcs7Der: buildPkcs7CertsOnly(full.map((c) => c.der)),
    sha256: spellings(certificate.sha256Hex),
    sha1: spellings(certificate.sha1Hex),
    spkiSha256: spellings(certificate.publicKey.spkiSha256Hex),
    spkiPin: spkiPin(certificate.publicKey),
  };
}
