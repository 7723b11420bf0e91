/**
 * PKCS#12 writing profiles (issue 15, "make one that works"): what encrypts the certificates, what
 * shrouds the key, and which MAC protects the whole.
 *
 * - modern: PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) for both and an HMAC-SHA256 MAC: what OpenSSL 3
 *   writes by default, with 600,000 iterations by default (OWASP's 2023 figure for PBKDF2-SHA256;
 *   OpenSSL's own default is 2,048, so the count is the caller's to choose).
 * - compatible: pbeWithSHAAnd3-KeyTripleDES-CBC for both and an HMAC-SHA1 MAC with 2,048
 *   iterations: the parameters older Windows, macOS Keychain, Android and Java releases write and
 *   import (which ones exactly is the compatibility table's business, compat*.ts), and what OpenSSL 3
 *   still reads WITHOUT -legacy. OpenSSL's own -legacy output
 *   puts the certificates under RC2-40 instead; no importer we know of needs RC2 where 3DES works,
 *   while OpenSSL 3 (and anything on its default provider) refuses RC2 without -legacy, so RC2 is
 *   offered only in a custom profile.
 * - custom: any combination the reader (input/pkcs12.ts) opens, named as `openssl pkcs12` names them.
 */
import type { EncryptionSpec, Pbkdf2Prf } from '../crypto/encrypt';
import type { Pkcs12Hash } from '../crypto/pkcs12-kdf';

export type MacSpec =
  | { readonly type: 'HMAC'; readonly hash: Pkcs12Hash; readonly iterations: number; readonly saltLength?: number }
  /** RFC 9579 (PBKDF2 + HMAC); OpenSSL reads it from 3.4 on, 3.0 does not. */
  | { readonly type: 'PBMAC1'; readonly hash: 'SHA-256' | 'SHA-384' | 'SHA-512'; readonly iterations: number; readonly saltLength?: number };

export type ProfileName = 'modern' | 'compatible' | 'custom';
export const PROFILE_NAMES: readonly ProfileName[] = ['modern', 'compatible', 'custom'];

export interface Pkcs12Profile {
  readonly name: ProfileName;
  /** null: the certificates are written in clear (a data safe). */
  readonly certificates: EncryptionSpec | null;
  /** null: the key is written in clear (a keyBag, not a shrouded one). */
  readonly key: EncryptionSpec | null;
  /** null: no MAC at all (nothing then protects the file's integrity). */
  readonly mac: MacSpec | null;
}

export const MODERN_ITERATIONS = 600_000;
export const COMPATIBLE_ITERATIONS = 2048;

export function modernProfile(iterations: number = MODERN_ITERATIONS): Pkcs12Profile {
  const enc: EncryptionSpec = { scheme: 'PBES2', cipher: 'AES-256-CBC', prf: 'SHA-256', iterations };
  return { name: 'modern', certificates: enc, key: enc, mac: { type: 'HMAC', hash: 'SHA-256', iterations, saltLength: 16 } };
}

export function compatibleProfile(iterations: number = COMPATIBLE_ITERATIONS): Pkcs12Profile {
  const enc: EncryptionSpec = { scheme: 'PKCS#12 PBE', cipher: '3DES-CBC', iterations, saltLength: 8 };
  return { name: 'compatible', certificates: enc, key: enc, mac: { type: 'HMAC', hash: 'SHA-1', iterations, saltLength: 8 } };
}

/** Encryption names as `openssl pkcs12 -keypbe / -certpbe` spells them. */
export const ENCRYPTION_NAMES = ['AES-256-CBC', 'AES-192-CBC', 'AES-128-CBC', 'DES-EDE3-CBC', 'PBE-SHA1-3DES', 'PBE-SHA1-2DES', 'PBE-SHA1-RC2-128', 'PBE-SHA1-RC2-40', 'NONE'] as const;
export type EncryptionName = (typeof ENCRYPTION_NAMES)[number];
/** MAC names: `openssl pkcs12 -macalg` digests, PBMAC1 (RFC 9579) variants, or NONE. */
export const MAC_NAMES = ['sha256', 'sha384', 'sha512', 'sha224', 'sha1', 'pbmac1-sha256', 'pbmac1-sha384', 'pbmac1-sha512', 'NONE'] as const;
export type MacName = (typeof MAC_NAMES)[number];
export const PRF_NAMES = ['sha256', 'sha384', 'sha512', 'sha1'] as const;
export type PrfName = (typeof PRF_NAMES)[number];

const PRF: Readonly<Record<PrfName, Pbkdf2Prf>> = { sha1: 'SHA-1', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };

export class ProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileError';
  }
}

function oneOf<T extends string>(what: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (found === undefined) throw new ProfileError(`${what}: expected one of ${allowed.join(', ')}, got ${value}`);
  return found;
}

export function encryptionFromName(name: string, prf: PrfName, iterations: number): EncryptionSpec | null {
  const n = oneOf('encryption', name, ENCRYPTION_NAMES);
  const p = PRF[prf];
  switch (n) {
    case 'AES-256-CBC':
    case 'AES-192-CBC':
    case 'AES-128-CBC':
      return { scheme: 'PBES2', cipher: n, prf: p, iterations };
    case 'DES-EDE3-CBC':
      return { scheme: 'PBES2', cipher: '3DES-CBC', prf: p, iterations };
    case 'PBE-SHA1-3DES':
      return { scheme: 'PKCS#12 PBE', cipher: '3DES-CBC', iterations };
    case 'PBE-SHA1-2DES':
      return { scheme: 'PKCS#12 PBE', cipher: '2-key-3DES-CBC', iterations };
    case 'PBE-SHA1-RC2-128':
      return { scheme: 'PKCS#12 PBE', cipher: 'RC2-128-CBC', iterations };
    case 'PBE-SHA1-RC2-40':
      return { scheme: 'PKCS#12 PBE', cipher: 'RC2-40-CBC', iterations };
    case 'NONE':
      return null;
  }
}

export function macFromName(name: string, iterations: number): MacSpec | null {
  const n = oneOf('MAC', name, MAC_NAMES);
  switch (n) {
    case 'NONE':
      return null;
    case 'pbmac1-sha256':
      return { type: 'PBMAC1', hash: 'SHA-256', iterations };
    case 'pbmac1-sha384':
      return { type: 'PBMAC1', hash: 'SHA-384', iterations };
    case 'pbmac1-sha512':
      return { type: 'PBMAC1', hash: 'SHA-512', iterations };
    default:
      return { type: 'HMAC', hash: `SHA-${n.slice(3)}` as Pkcs12Hash, iterations };
  }
}

export interface CustomProfileOptions {
  readonly keyPbe: string;
  readonly certPbe: string;
  readonly mac: string;
  readonly prf?: string;
  readonly iterations: number;
  /** Default: `iterations`. */
  readonly macIterations?: number;
}

export function customProfile(o: CustomProfileOptions): Pkcs12Profile {
  const prf = oneOf('PRF', o.prf ?? 'sha256', PRF_NAMES);
  return {
    name: 'custom',
    key: encryptionFromName(o.keyPbe, prf, o.iterations),
    certificates: encryptionFromName(o.certPbe, prf, o.iterations),
    mac: macFromName(o.mac, o.macIterations ?? o.iterations),
  };
}

/** A named profile; `custom` needs its options. */
export function profileByName(name: string, iterations: number | null, custom?: Omit<CustomProfileOptions, 'iterations'>): Pkcs12Profile {
  const n = oneOf('profile', name, PROFILE_NAMES);
  if (n === 'modern') return modernProfile(iterations ?? MODERN_ITERATIONS);
  if (n === 'compatible') return compatibleProfile(iterations ?? COMPATIBLE_ITERATIONS);
  if (!custom) throw new ProfileError('the custom profile needs the key and certificate encryption and the MAC');
  return customProfile({ ...custom, iterations: iterations ?? COMPATIBLE_ITERATIONS });
}

/** One line describing a profile, e.g. for the CLI's summary. */
export function describeProfile(p: Pkcs12Profile): string {
  const enc = (e: EncryptionSpec | null): string => (e === null ? 'none' : e.scheme === 'PBES2' ? `PBES2 ${e.cipher} (PBKDF2-HMAC-${e.prf.replace('-', '')}, ${e.iterations.toLocaleString('en-US')} iterations)` : `PKCS#12 PBE ${e.cipher} (${e.iterations.toLocaleString('en-US')} iterations)`);
  const mac = p.mac === null ? 'none' : `${p.mac.type === 'PBMAC1' ? 'PBMAC1 ' : ''}HMAC-${p.mac.hash.replace('-', '')} (${p.mac.iterations.toLocaleString('en-US')} iterations)`;
  return `certificates: ${enc(p.certificates)}; key: ${enc(p.key)}; MAC: ${mac}`;
}
