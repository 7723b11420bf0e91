import type { DecodeWarning, DecodeWarningCode, ExtensionModel, GeneralNameModel, GeneralNameType } from '@/core/model';
import { PurposeBadge } from './badges';
import { colonHex, formatUtc } from './format';
import { SafeText } from './safe-text';

const GENERAL_NAME_LABEL: Record<GeneralNameType, string> = {
  dns: 'DNS',
  ip: 'IP',
  email: 'Email',
  uri: 'URI',
  upn: 'UPN',
  otherName: 'Other name',
  dirName: 'Directory name',
  registeredId: 'Registered ID',
  x400Address: 'X.400 address',
  ediPartyName: 'EDI party name',
};

/** Readable names for extensions, with the OID always shown beside them. */
const EXTENSION_TITLE: Record<string, string> = {
  subjectAltName: 'Subject Alternative Name',
  issuerAltName: 'Issuer Alternative Name',
  keyUsage: 'Key Usage',
  extKeyUsage: 'Extended Key Usage',
  basicConstraints: 'Basic Constraints',
  subjectKeyIdentifier: 'Subject Key Identifier',
  authorityKeyIdentifier: 'Authority Key Identifier',
  authorityInfoAccess: 'Authority Information Access',
  subjectInfoAccess: 'Subject Information Access',
  crlDistributionPoints: 'CRL Distribution Points',
  freshestCrl: 'Freshest CRL',
  certificatePolicies: 'Certificate Policies',
  nameConstraints: 'Name Constraints',
  policyConstraints: 'Policy Constraints',
  policyMappings: 'Policy Mappings',
  inhibitAnyPolicy: 'Inhibit anyPolicy',
  signedCertificateTimestampList: 'Signed Certificate Timestamps (CT)',
  ctPrecertificatePoison: 'CT Precertificate Poison',
  tlsFeature: 'TLS Feature',
  netscapeCertType: 'Netscape Certificate Type',
  netscapeComment: 'Netscape Comment',
  msCertificateTemplateName: 'Microsoft Certificate Template Name',
  msCertificateTemplate: 'Microsoft Certificate Template',
  msCaVersion: 'Microsoft CA Version',
  subjectDirectoryAttributes: 'Subject Directory Attributes',
  crlNumber: 'CRL Number',
  deltaCrlIndicator: 'Delta CRL Indicator',
  crlReason: 'Reason Code',
  invalidityDate: 'Invalidity Date',
  issuingDistributionPoint: 'Issuing Distribution Point',
  privateKeyUsagePeriod: 'Private Key Usage Period',
  ocspNoCheck: 'OCSP No Check',
  qcStatements: 'Qualified Certificate Statements',
  logotype: 'Logotype',
  biometricInfo: 'Biometric Information',
  entrustVersionInfo: 'Entrust Version',
  msApplicationPolicies: 'Microsoft Application Policies',
  msPreviousCaCertHash: 'Microsoft Previous CA Certificate Hash',
  netscapeBaseUrl: 'Netscape Base URL',
  netscapeRevocationUrl: 'Netscape Revocation URL',
  netscapeCaRevocationUrl: 'Netscape CA Revocation URL',
  netscapeRenewalUrl: 'Netscape Renewal URL',
  netscapeCaPolicyUrl: 'Netscape CA Policy URL',
  netscapeSslServerName: 'Netscape SSL Server Name',
};

export function extensionTitle(ext: ExtensionModel): string {
  if (ext.kind !== 'unknown') return EXTENSION_TITLE[ext.kind] ?? ext.name ?? ext.kind;
  if (ext.name) return EXTENSION_TITLE[ext.name] ?? ext.name;
  return 'Unknown extension';
}

/** Other-name types people meet (RFC 4556, 9598, 4108, 4985, 6120, 7585, 4043). */
const OTHER_NAME_LABEL: Readonly<Record<string, string>> = {
  '1.3.6.1.5.2.2': 'Kerberos principal',
  '1.3.6.1.5.5.7.8.9': 'SMTP UTF-8 mailbox',
  '1.3.6.1.5.5.7.8.4': 'Hardware module',
  '1.3.6.1.5.5.7.8.7': 'DNS SRV name',
  '1.3.6.1.5.5.7.8.5': 'XMPP address',
  '1.3.6.1.5.5.7.8.8': 'NAI realm',
  '1.3.6.1.5.5.7.8.3': 'Permanent identifier',
};

export function GeneralNameText({ name }: { readonly name: GeneralNameModel }) {
  const label = name.type === 'otherName' && name.typeOid ? (OTHER_NAME_LABEL[name.typeOid] ?? GENERAL_NAME_LABEL.otherName) : GENERAL_NAME_LABEL[name.type];
  return (
    <span>
      <span className="text-zinc-600 dark:text-zinc-400">{label}: </span>
      <SafeText value={name.value} className="font-mono text-xs" />
      {name.unicode && (
        <>
          {' '}
          (<SafeText value={name.unicode} />)
        </>
      )}
      {name.typeOid && <span className="text-zinc-500 dark:text-zinc-400"> [{name.typeOid}]</span>}
    </span>
  );
}

function NameList({ names }: { readonly names: readonly GeneralNameModel[] }) {
  if (names.length === 0) return <span className="text-zinc-500">(none)</span>;
  return (
    <ul className="space-y-0.5">
      {names.map((n, i) => (
        <li key={i}>
          <GeneralNameText name={n} />
        </li>
      ))}
    </ul>
  );
}

function Hex({ hex }: { readonly hex: string }) {
  return <span className="hex">{colonHex(hex)}</span>;
}

function ExtensionBody({ ext }: { readonly ext: ExtensionModel }) {
  switch (ext.kind) {
    case 'subjectAltName':
    case 'issuerAltName':
      return <NameList names={ext.names} />;
    case 'keyUsage':
      return <span>{ext.usages.length ? ext.usages.join(', ') : '(no bits set)'}</span>;
    case 'extKeyUsage':
      return (
        <ul className="space-y-1">
          {ext.purposes.map((p) => (
            <li key={p.oid} className="flex flex-wrap items-center gap-2">
              <PurposeBadge oid={p.oid} registeredName={p.name} />
              <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">
                {p.name ? `${p.name} ` : ''}({p.oid})
              </span>
            </li>
          ))}
        </ul>
      );
    case 'basicConstraints':
      return (
        <span>
          CA: {ext.ca ? 'yes' : 'no'}
          {ext.pathLength !== null ? `, path length ≤ ${ext.pathLength}` : ext.ca ? ', no path length limit' : ''}
        </span>
      );
    case 'subjectKeyIdentifier':
      return <Hex hex={ext.keyIdentifierHex} />;
    case 'authorityKeyIdentifier':
      return (
        <dl className="kv">
          <dt>Key ID</dt>
          <dd>{ext.keyIdentifierHex ? <Hex hex={ext.keyIdentifierHex} /> : '(absent)'}</dd>
          {ext.authorityCertIssuer && (
            <>
              <dt>Issuer</dt>
              <dd>
                <NameList names={ext.authorityCertIssuer} />
              </dd>
            </>
          )}
          {ext.authorityCertSerialNumberHex && (
            <>
              <dt>Serial</dt>
              <dd>
                <Hex hex={ext.authorityCertSerialNumberHex} />
              </dd>
            </>
          )}
        </dl>
      );
    case 'authorityInfoAccess':
    case 'subjectInfoAccess':
      return (
        <ul className="space-y-0.5">
          {ext.descriptions.map((d, i) => (
            <li key={i}>
              <span className="font-medium">{d.method.name ?? d.method.oid}</span>
              <span className="text-zinc-500 dark:text-zinc-400"> ({d.method.oid})</span>: <GeneralNameText name={d.location} />
            </li>
          ))}
        </ul>
      );
    case 'crlDistributionPoints':
    case 'freshestCrl':
      return (
        <ul className="space-y-1">
          {ext.points.map((p, i) => (
            <li key={i}>
              {p.fullName && <NameList names={p.fullName} />}
              {p.nameRelativeToCrlIssuer && <SafeText value={p.nameRelativeToCrlIssuer} />}
              {p.reasons && <div className="text-xs">Reasons: {p.reasons.join(', ')}</div>}
              {p.crlIssuer && (
                <div className="text-xs">
                  CRL issuer: <NameList names={p.crlIssuer} />
                </div>
              )}
            </li>
          ))}
        </ul>
      );
    case 'certificatePolicies':
      return (
        <ul className="space-y-1">
          {ext.policies.map((p, i) => (
            <li key={i}>
              <span className="font-mono text-xs">{p.oid}</span>
              {p.name && <span> {p.name}</span>}
              {p.validationLevel && <span className="ml-1 font-semibold">({p.validationLevel})</span>}
              {p.qualifiers.map((q, j) => (
                <div key={j} className="ml-4 text-xs">
                  {q.cpsUri && (
                    <>
                      CPS: <SafeText value={q.cpsUri} />
                    </>
                  )}
                  {q.userNotice?.explicitText && (
                    <>
                      User notice: <SafeText value={q.userNotice.explicitText} />
                    </>
                  )}
                  {q.derHex && (
                    <>
                      {q.name ?? q.oid}: <Hex hex={q.derHex} />
                    </>
                  )}
                </div>
              ))}
            </li>
          ))}
        </ul>
      );
    case 'nameConstraints':
      return (
        <dl className="kv">
          <dt>Permitted</dt>
          <dd>
            <NameList names={ext.permitted.map((s) => s.base)} />
          </dd>
          <dt>Excluded</dt>
          <dd>
            <NameList names={ext.excluded.map((s) => s.base)} />
          </dd>
        </dl>
      );
    case 'policyConstraints':
      return (
        <span>
          requireExplicitPolicy: {ext.requireExplicitPolicy ?? '—'}, inhibitPolicyMapping: {ext.inhibitPolicyMapping ?? '—'}
        </span>
      );
    case 'policyMappings':
      return (
        <ul>
          {ext.mappings.map((m, i) => (
            <li key={i} className="font-mono text-xs">
              {m.issuerDomainPolicy.oid} → {m.subjectDomainPolicy.oid}
            </li>
          ))}
        </ul>
      );
    case 'inhibitAnyPolicy':
      return <span>skip certificates: {ext.skipCerts}</span>;
    case 'signedCertificateTimestampList':
      return (
        <ul className="space-y-1">
          {ext.timestamps.map((t, i) => (
            <li key={i} className="text-xs">
              v{t.version + 1} · {formatUtc(t.timestamp)} · log <span className="font-mono break-all">{t.logIdBase64}</span> · {t.hashAlgorithm}/{t.signatureAlgorithm}
            </li>
          ))}
        </ul>
      );
    case 'ctPrecertificatePoison':
      return <span>This is a precertificate (not usable for TLS).</span>;
    case 'tlsFeature':
      return <span>{ext.features.map((f) => f.name ?? String(f.value)).join(', ')}</span>;
    case 'netscapeCertType':
      return <span>{ext.types.join(', ')}</span>;
    case 'netscapeComment':
      return <SafeText value={ext.comment} />;
    case 'msCertificateTemplateName':
      return <SafeText value={ext.templateName} />;
    case 'msCertificateTemplate':
      return (
        <span>
          <span className="font-mono text-xs">{ext.template.oid}</span> v{ext.majorVersion ?? '?'}.{ext.minorVersion ?? '?'}
        </span>
      );
    case 'msCaVersion':
      return (
        <span>
          certificate index {ext.certificateIndex}, key index {ext.keyIndex}
        </span>
      );
    case 'subjectDirectoryAttributes':
      return (
        <ul>
          {ext.attributes.map((a, i) => (
            <li key={i}>
              {a.name ?? a.oid}: <SafeText value={a.values.join(', ')} />
            </li>
          ))}
        </ul>
      );
    case 'crlNumber':
    case 'deltaCrlIndicator':
      return <span className="font-mono">{ext.number}</span>;
    case 'crlReason':
      return <span>{ext.reason}</span>;
    case 'invalidityDate':
      return <span>{formatUtc(ext.date)}</span>;
    case 'issuingDistributionPoint':
      return <SafeText value={ext.text} />;
    case 'unknown':
      return (
        <div>
          {ext.details && (
            <dl className="mb-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
              {ext.details.lines.map((l, i) => (
                <div key={i} className="contents">
                  <dt className="text-zinc-600 dark:text-zinc-400">
                    <SafeText value={l.label} />
                  </dt>
                  <dd>
                    <SafeText value={l.value} max={400} />
                  </dd>
                </div>
              ))}
            </dl>
          )}
          {ext.decodeError && (
            <p className="text-xs text-red-800 dark:text-red-300">
              Could not decode: <SafeText value={ext.decodeError} />
            </p>
          )}
          <p className="text-xs text-zinc-600 dark:text-zinc-400">{ext.details ? 'Value as encoded' : 'Raw value'} (DER, hex):</p>
          <SafeText value={ext.valueHex} className="hex" max={400} />
        </div>
      );
  }
}

/** Plain-words title of each decode warning code. */
const DECODE_WARNING_TITLE: Readonly<Record<DecodeWarningCode, string>> = {
  EMPTY_RDN: 'Empty name component',
  UNDEFINED_VERSION: 'Undefined version',
  DEFAULT_VERSION_ENCODED: 'Default version written out',
  TIME_FORMAT: 'Date written in the wrong format',
  ALGORITHM_ENCODING: 'Odd algorithm identifier',
  EXTENSION_MALFORMED: 'Extension does not decode',
  TRAILING_DATA: 'Extra bytes after a value',
  NEGATIVE_INTEGER: 'Negative number',
  INTEGER_OUT_OF_RANGE: 'Number out of range',
  UNDEFINED_BIT: 'Undefined flag set',
  IP_ADDRESS_LENGTH: 'IP address of the wrong length',
  NON_MINIMAL_INTEGER: 'Number with padding',
  NON_MINIMAL_LENGTH: 'Length written too long',
  BER_ENCODING: 'Not DER (BER encoding)',
  STRING_CHARACTERS: 'Characters the text type forbids',
  NON_ASCII_NAME: 'Non-ASCII characters in a name',
  BOOLEAN_ENCODING: 'Odd true/false value',
  DUPLICATE_EXTENSION: 'Extension repeated',
  UNUSED_BITS: 'Odd bit string padding',
};

/**
 * What the lenient decoder read past, in plain words: each warning with where it is (field and
 * byte offset) and which real parsers refuse it. Text is rendered as text, never as HTML.
 */
export function DecodeWarningList({ warnings, label = 'Decode warnings' }: { readonly warnings: readonly DecodeWarning[]; readonly label?: string }) {
  if (warnings.length === 0) return null;
  return (
    <section aria-label={label} className="space-y-1">
      <h4 className="text-sm font-semibold">
        {label} ({warnings.length}): shown anyway, but some software refuses this
      </h4>
      <ul className="space-y-1">
        {warnings.map((w, i) => (
          <li key={i} className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
            <span aria-hidden="true">! </span>
            <strong>{DECODE_WARNING_TITLE[w.code] ?? w.code}</strong> <span className="font-mono text-xs">({w.code})</span>: <SafeText value={w.message} />
            <div className="text-xs">
              Where: <SafeText value={w.field || '(whole object)'} />
              {w.offset !== null && <> at byte {w.offset}</>}.{' '}
              {w.rejectedBy.length > 0 ? (
                <>
                  Refused by: <SafeText value={w.rejectedBy.join('; ')} />.
                </>
              ) : (
                <>No parser tested here refuses it.</>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export interface ExtensionListProps {
  readonly extensions: readonly ExtensionModel[];
  readonly title?: string;
}

/** Every extension in encoded order: readable name, OID, criticality, decoded value. */
export function ExtensionList({ extensions, title = 'Extensions' }: ExtensionListProps) {
  return (
    <section aria-label={title}>
      <h3 className="mb-2 text-sm font-semibold">
        {title} ({extensions.length})
      </h3>
      {extensions.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">None.</p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {extensions.map((ext, i) => (
            <li key={`${ext.oid}-${i}`} className="p-2 text-sm">
              <div className="mb-1 flex flex-wrap items-baseline gap-x-2">
                <span className="font-medium">{extensionTitle(ext)}</span>
                <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{ext.oid}</span>
                {ext.critical ? (
                  <span className="rounded bg-red-100 px-1 text-xs font-semibold text-red-900 dark:bg-red-950 dark:text-red-200">Critical</span>
                ) : (
                  <span className="text-xs text-zinc-600 dark:text-zinc-400">Not critical</span>
                )}
              </div>
              {ext.decodeError !== undefined && ext.kind !== 'unknown' && (
                <p className="text-xs text-red-800 dark:text-red-300">
                  <span aria-hidden="true">! </span>Present but malformed; the value below is what could be read: <SafeText value={ext.decodeError} />
                </p>
              )}
              <ExtensionBody ext={ext} />
              {ext.decodeWarnings && ext.decodeWarnings.length > 0 && <DecodeWarningList warnings={ext.decodeWarnings} label={`Decode warnings of ${extensionTitle(ext)}`} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
