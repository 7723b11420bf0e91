/**
 * Field-by-field comparison of two certificates (renewal checks: "what changed between the old
 * and the new one?"). Values are rendered as stable, locale-free text so the UI only lays them out.
 */
import type { CertificateModel, ExtensionModel, GeneralNameModel, OidName, PublicKeyModel } from '../model';

export type DiffStatus = 'same' | 'changed' | 'added' | 'removed';

export interface FieldDiff {
  /** Readable field name: "Subject", "Not after", "Extension subjectAltName (2.5.29.17)". */
  readonly field: string;
  /** Group for the UI: the certificate's own fields, or one extension. */
  readonly group: 'certificate' | 'extension';
  /** The extension's OID, for extension rows. */
  readonly oid?: string;
  /** Value in the first certificate; null when absent there. */
  readonly a: string | null;
  /** Value in the second certificate; null when absent there. */
  readonly b: string | null;
  readonly status: DiffStatus;
}

function oidText(o: OidName): string {
  return o.name ? `${o.name} (${o.oid})` : o.oid;
}

function generalNameText(n: GeneralNameModel): string {
  const unicode = n.unicode ? ` (${n.unicode})` : '';
  return `${n.type.toUpperCase()}:${n.value}${unicode}`;
}

function namesText(names: readonly GeneralNameModel[] | null): string {
  return names === null ? '(none)' : names.map(generalNameText).join(', ');
}

/** One-line readable value of an extension (without its criticality). */
export function extensionValueText(e: ExtensionModel): string {
  switch (e.kind) {
    case 'subjectAltName':
    case 'issuerAltName':
      return namesText(e.names);
    case 'keyUsage':
      return e.usages.join(', ') || '(none)';
    case 'extKeyUsage':
      return e.purposes.map(oidText).join(', ') || '(none)';
    case 'basicConstraints':
      return `CA: ${e.ca ? 'true' : 'false'}${e.pathLength === null ? '' : `, path length ${e.pathLength}`}`;
    case 'subjectKeyIdentifier':
      return e.keyIdentifierHex;
    case 'authorityKeyIdentifier': {
      const parts: string[] = [];
      if (e.keyIdentifierHex !== null) parts.push(`key ID ${e.keyIdentifierHex}`);
      if (e.authorityCertIssuer !== null) parts.push(`issuer ${namesText(e.authorityCertIssuer)}`);
      if (e.authorityCertSerialNumberHex !== null) parts.push(`serial ${e.authorityCertSerialNumberHex}`);
      return parts.join(', ') || '(empty)';
    }
    case 'authorityInfoAccess':
    case 'subjectInfoAccess':
      return e.descriptions.map((d) => `${d.method.name ?? d.method.oid}: ${generalNameText(d.location)}`).join(', ');
    case 'crlDistributionPoints':
    case 'freshestCrl':
      return e.points
        .map((p) => {
          const parts: string[] = [];
          if (p.fullName) parts.push(namesText(p.fullName));
          if (p.nameRelativeToCrlIssuer) parts.push(`relative ${p.nameRelativeToCrlIssuer}`);
          if (p.reasons) parts.push(`reasons ${p.reasons.join('/')}`);
          if (p.crlIssuer) parts.push(`CRL issuer ${namesText(p.crlIssuer)}`);
          return parts.join(' ');
        })
        .join('; ');
    case 'certificatePolicies':
      return e.policies
        .map((p) => {
          const cps = p.qualifiers.map((q) => q.cpsUri ?? q.userNotice?.explicitText ?? q.derHex ?? q.oid).filter((s) => s !== '');
          return `${oidText(p)}${cps.length > 0 ? ` [${cps.join(', ')}]` : ''}`;
        })
        .join(', ');
    case 'nameConstraints': {
      const subtree = (s: { readonly base: GeneralNameModel }): string => generalNameText(s.base);
      return `permitted: ${e.permitted.map(subtree).join(', ') || '(none)'}; excluded: ${e.excluded.map(subtree).join(', ') || '(none)'}`;
    }
    case 'policyConstraints':
      return `requireExplicitPolicy ${e.requireExplicitPolicy ?? '-'}, inhibitPolicyMapping ${e.inhibitPolicyMapping ?? '-'}`;
    case 'policyMappings':
      return e.mappings.map((m) => `${oidText(m.issuerDomainPolicy)} → ${oidText(m.subjectDomainPolicy)}`).join(', ');
    case 'inhibitAnyPolicy':
      return `skip ${e.skipCerts}`;
    case 'signedCertificateTimestampList':
      return e.timestamps.map((t) => `log ${t.logIdBase64} at ${t.timestamp}`).join(', ') || '(no SCTs)';
    case 'ctPrecertificatePoison':
      return 'precertificate poison';
    case 'tlsFeature':
      return e.features.map((f) => f.name ?? String(f.value)).join(', ');
    case 'netscapeCertType':
      return e.types.join(', ');
    case 'netscapeComment':
      return e.comment;
    case 'msCertificateTemplateName':
      return e.templateName;
    case 'msCertificateTemplate':
      return `${oidText(e.template)} v${e.majorVersion ?? '?'}.${e.minorVersion ?? '?'}`;
    case 'msCaVersion':
      return `certificate ${e.certificateIndex}, key ${e.keyIndex}`;
    case 'subjectDirectoryAttributes':
      return e.attributes.map((a) => `${oidText(a)}=${a.values.join('/')}`).join(', ');
    case 'crlNumber':
    case 'deltaCrlIndicator':
      return e.number;
    case 'crlReason':
      return e.reason;
    case 'invalidityDate':
      return e.date;
    case 'issuingDistributionPoint':
      return e.text;
    case 'unknown':
      return e.decodeError ? `${e.valueHex} (${e.decodeError})` : e.valueHex;
  }
}

function publicKeyText(k: PublicKeyModel): string {
  const size = k.bits === null ? '' : ` ${k.bits} bits`;
  const curve = k.curve === null ? '' : ` ${k.curve}`;
  return `${k.algorithm}${curve}${size}, SPKI SHA-256 ${k.spkiSha256Hex}`;
}

function row(field: string, a: string | null, b: string | null, group: FieldDiff['group'] = 'certificate', oid?: string): FieldDiff {
  const status: DiffStatus = a === null ? (b === null ? 'same' : 'added') : b === null ? 'removed' : a === b ? 'same' : 'changed';
  return oid === undefined ? { field, group, a, b, status } : { field, group, oid, a, b, status };
}

function extensionKey(e: ExtensionModel, seen: Map<string, number>): string {
  const n = (seen.get(e.oid) ?? 0) + 1;
  seen.set(e.oid, n);
  return n === 1 ? e.oid : `${e.oid}#${n}`;
}

function extensionText(e: ExtensionModel): string {
  return `${e.critical ? 'critical; ' : ''}${extensionValueText(e)}`;
}

/**
 * Compares `a` with `b` field by field: version, serial, subject, issuer, validity, public key,
 * signature algorithm, unique IDs when present, then every extension by OID (in `a`'s order,
 * then those only in `b`). "added" means present only in `b`, "removed" only in `a`. A
 * repeated extension OID is compared occurrence by occurrence.
 */
export function compareCertificates(a: CertificateModel, b: CertificateModel): FieldDiff[] {
  const rows: FieldDiff[] = [
    row('SHA-256 fingerprint', a.sha256Hex, b.sha256Hex),
    row('Version', String(a.version), String(b.version)),
    row('Serial number', `${a.serialNegative ? '-' : ''}${a.serialNumberHex}`, `${b.serialNegative ? '-' : ''}${b.serialNumberHex}`),
    row('Subject', a.subject.rfc4514, b.subject.rfc4514),
    row('Issuer', a.issuer.rfc4514, b.issuer.rfc4514),
    row('Not before', a.notBefore, b.notBefore),
    row('Not after', a.notAfter, b.notAfter),
    row('Public key', publicKeyText(a.publicKey), publicKeyText(b.publicKey)),
    row('Signature algorithm', oidText(a.signatureAlgorithm) + (a.signatureAlgorithm.parametersText ? ` (${a.signatureAlgorithm.parametersText})` : ''), oidText(b.signatureAlgorithm) + (b.signatureAlgorithm.parametersText ? ` (${b.signatureAlgorithm.parametersText})` : '')),
  ];
  if (a.issuerUniqueIdHex !== null || b.issuerUniqueIdHex !== null) rows.push(row('Issuer unique ID', a.issuerUniqueIdHex, b.issuerUniqueIdHex));
  if (a.subjectUniqueIdHex !== null || b.subjectUniqueIdHex !== null) rows.push(row('Subject unique ID', a.subjectUniqueIdHex, b.subjectUniqueIdHex));

  const seenA = new Map<string, number>();
  const seenB = new Map<string, number>();
  const byKeyB = new Map<string, ExtensionModel>();
  for (const e of b.extensions) byKeyB.set(extensionKey(e, seenB), e);
  const done = new Set<string>();
  const label = (e: ExtensionModel, key: string): string => {
    const suffix = key.includes('#') ? ` #${key.split('#')[1] ?? ''}` : '';
    return `Extension ${e.name ? `${e.name} (${e.oid})` : e.oid}${suffix}`;
  };
  for (const ea of a.extensions) {
    const key = extensionKey(ea, seenA);
    const eb = byKeyB.get(key);
    done.add(key);
    rows.push(row(label(ea, key), extensionText(ea), eb ? extensionText(eb) : null, 'extension', ea.oid));
  }
  for (const [key, eb] of byKeyB) {
    if (!done.has(key)) rows.push(row(label(eb, key), null, extensionText(eb), 'extension', eb.oid));
  }
  return rows;
}
