/** Typed look-ups of extensions on the plain certificate model. */
import type { CertificateModel, ExtensionModel, GeneralNameModel, KeyUsageName } from '../model';

type Distribute<E, K> = E extends { readonly kind: infer EK } ? (K extends EK ? E : never) : never;
/** The model variant for one extension kind (variants whose kind is a union, like subjectAltName | issuerAltName, included). */
export type ExtensionOfKind<K extends ExtensionModel['kind']> = Distribute<ExtensionModel, K>;

/**
 * The first extension of a kind that decoded strictly. A malformed one (decodeError set, value
 * best-effort) is skipped: verifiers that fail to parse an extension do not use its value, and
 * the verifier models read the model through this.
 */
export function findExtension<K extends ExtensionModel['kind']>(cert: CertificateModel, kind: K): ExtensionOfKind<K> | null {
  for (const e of cert.extensions) if (e.kind === kind && e.decodeError === undefined) return e as ExtensionOfKind<K>;
  return null;
}

/** The first extension of a kind, malformed ones included ("present, malformed", with their best-effort value): for display, the report and findings. */
export function findExtensionLenient<K extends ExtensionModel['kind']>(cert: CertificateModel, kind: K): ExtensionOfKind<K> | null {
  for (const e of cert.extensions) if (e.kind === kind) return e as ExtensionOfKind<K>;
  return null;
}

export const OID = {
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  nameConstraints: '2.5.29.30',
  authorityKeyIdentifier: '2.5.29.35',
  subjectKeyIdentifier: '2.5.29.14',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  certificatePolicies: '2.5.29.32',
  sctList: '1.3.6.1.4.1.11129.2.4.2',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  anyExtendedKeyUsage: '2.5.29.37.0',
} as const;

export function isCa(cert: CertificateModel): boolean {
  return findExtension(cert, 'basicConstraints')?.ca === true;
}

export function pathLength(cert: CertificateModel): number | null {
  return findExtension(cert, 'basicConstraints')?.pathLength ?? null;
}

/** Key usages, or null when the extension is absent. */
export function keyUsages(cert: CertificateModel): readonly KeyUsageName[] | null {
  return findExtension(cert, 'keyUsage')?.usages ?? null;
}

/** EKU OIDs, or null when the extension is absent. */
export function extendedKeyUsages(cert: CertificateModel): readonly string[] | null {
  const e = findExtension(cert, 'extKeyUsage');
  return e ? e.purposes.map((p) => p.oid) : null;
}

export function subjectAltNames(cert: CertificateModel): readonly GeneralNameModel[] {
  return findExtension(cert, 'subjectAltName')?.names ?? [];
}

// Certificates are immutable: their key identifiers are read once.
const skiCache = new WeakMap<CertificateModel, string | null>();
const akiCache = new WeakMap<CertificateModel, string | null>();

export function subjectKeyId(cert: CertificateModel): string | null {
  let id = skiCache.get(cert);
  if (id === undefined) {
    id = findExtension(cert, 'subjectKeyIdentifier')?.keyIdentifierHex.toLowerCase() ?? null;
    skiCache.set(cert, id);
  }
  return id;
}

export function authorityKeyId(cert: CertificateModel): string | null {
  let id = akiCache.get(cert);
  if (id === undefined) {
    id = findExtension(cert, 'authorityKeyIdentifier')?.keyIdentifierHex?.toLowerCase() ?? null;
    akiCache.set(cert, id);
  }
  return id;
}
