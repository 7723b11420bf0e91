/**
 * Power-tool messages (issue "Power tools in the app"), kept beside protocol.ts so the shared
 * protocol file only gains two union members. Same rules: plain structured-cloneable data, an
 * id per request, exactly one result or failure.
 */
import type { Asn1Node } from '@/core/asn1/tree';
import type { FieldDiff } from '@/core/compare/index';
import type { CertificateExports } from '@/core/export/index';
import type { CertificateModel } from '@/core/model';
import type { MtlsPairCheck, MtlsPairing } from '@/core/purpose/mtls';
import type { FindingCode } from '@/core/purpose/types';

/** The ASN.1 tree of one certificate's DER. `key` is the input's SHA-256 (null: search every input). */
export interface Asn1Request {
  readonly type: 'asn1';
  readonly id: number;
  readonly key: string | null;
  readonly certificateSha256: string;
}

/** Export data of a certificate; `pathShas` is its chain leaf → root (SHA-256s, as the chain view shows it). */
export interface ExportsRequest {
  readonly type: 'exports';
  readonly id: number;
  readonly certificateSha256: string;
  readonly pathShas: readonly string[];
}

/** Field-by-field comparison of two loaded certificates. */
export interface CompareRequest {
  readonly type: 'compare';
  readonly id: number;
  readonly a: string;
  readonly b: string;
}

/** Pasted error text → checks, with the loaded certificates that trigger each (from the last analysis). */
export interface DecodeErrorRequest {
  readonly type: 'decodeError';
  readonly id: number;
  readonly text: string;
}

/**
 * The unencrypted PKCS#8 PEM of a loaded private key. Sent only after the person confirmed the
 * export dialog. The Worker holds the decrypted DER of keys that decoded: unencrypted ones, ones with
 * an empty/absent password, and ones the person unlocked with a password (never the password
 * itself). It never leaves the Worker before this request; forget/clear drops it.
 */
export interface ExportPrivateKeyRequest {
  readonly type: 'exportPrivateKey';
  readonly id: number;
  readonly privateKeySha256: string;
}

/** The mTLS checklist for a pair the person picked (the analysis picks one by EKU on its own). */
export interface MtlsPairRequest {
  readonly type: 'mtlsPair';
  readonly id: number;
  readonly server: string;
  readonly client: string;
  /** Why these two are checked together: the person picked them (the default), or the analysis paired them and left their answers for later. */
  readonly pairing?: MtlsPairing;
}

/** A root of the built-in (Mozilla) store by SHA-256, decoded, so a chain's built-in root opens like a loaded certificate. */
export interface BuiltinRootRequest {
  readonly type: 'builtinRoot';
  readonly id: number;
  readonly sha256: string;
}

/**
 * A new PKCS#12 (core/pkcs12/write.ts) from a loaded certificate, the loaded key that matches it
 * (kept in the Worker as for ExportPrivateKeyRequest; it never leaves the Worker, and the copy
 * used is zeroed) and its chain leaf → root. Reached from a certificate that has its key, which
 * includes every opened PKCS#12 with a key. The new password travels in the request only.
 */
export interface WritePkcs12Request {
  readonly type: 'writePkcs12';
  readonly id: number;
  readonly certificateSha256: string;
  readonly privateKeySha256: string;
  /** The chain leaf → root (SHA-256s); the leaf itself may be first. */
  readonly chainShas: readonly string[];
  readonly password: string;
  readonly profile: 'modern' | 'compatible' | 'custom';
  readonly iterations: number;
  /** For "custom": names as `certscope p12` takes them (core/pkcs12/profiles.ts). */
  readonly custom?: { readonly keyPbe: string; readonly certPbe: string; readonly mac: string; readonly prf: string };
  readonly friendlyName: string | null;
}

export type ToolRequest = Asn1Request | ExportsRequest | CompareRequest | DecodeErrorRequest | ExportPrivateKeyRequest | MtlsPairRequest | BuiltinRootRequest | WritePkcs12Request;

export interface DecodedErrorMatch {
  readonly code: FindingCode;
  readonly why: string;
  readonly check: string;
  /** SHA-256s of loaded certificates that trigger it: refused by the verifier that printed the message for this reason (or, when the wording names no verifier, any fail/warn finding of this code); null when nothing was analysed. */
  readonly triggeredBy: readonly string[] | null;
  /** The verifier family whose wording the message is in. */
  readonly source?: 'chrome' | 'openssl' | 'go' | 'java' | 'webpki';
}

export type ToolResult =
  | { readonly kind: 'asn1'; readonly tree: Asn1Node; readonly der: Uint8Array }
  | { readonly kind: 'exports'; readonly exports: CertificateExports }
  | { readonly kind: 'compared'; readonly diffs: readonly FieldDiff[] }
  | { readonly kind: 'errorDecoded'; readonly matches: readonly DecodedErrorMatch[] }
  | { readonly kind: 'privateKeyExported'; readonly pem: string }
  /** `summary`: what was written, in words (no password). */
  | { readonly kind: 'pkcs12Written'; readonly bytes: Uint8Array; readonly fileName: string; readonly summary: string }
  | { readonly kind: 'mtlsChecked'; readonly check: MtlsPairCheck }
  /** null: no built-in root has that SHA-256. */
  | { readonly kind: 'builtinRoot'; readonly certificate: CertificateModel | null };

export const TOOL_REQUEST_TYPES: readonly ToolRequest['type'][] = ['asn1', 'exports', 'compare', 'decodeError', 'exportPrivateKey', 'mtlsPair', 'builtinRoot', 'writePkcs12'];
