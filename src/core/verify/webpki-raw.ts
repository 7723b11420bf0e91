/**
 * The raw views of a certificate that pyca/cryptography's verifier (cryptography-x509-verification)
 * looks at and the decoded model does not keep: the encoded version, serial bytes, both signature
 * AlgorithmIdentifiers, the validity time encodings, the SPKI AlgorithmIdentifier, the RSA modulus
 * as encoded, every extension's raw value, and GeneralNames as bytes. Plus the two text forms its
 * error messages print: Rust `Debug` of an AlgorithmIdentifier, and Python's `repr` of a
 * certificate (`<Certificate(subject=<Name(…)>, ...)>`).
 */
import type { AttributeModel, CertificateModel } from '../model';
import { type Asn1, parseDer, readAsn1, TAG, TagClass } from '../input/der';

export interface RawExtension {
  readonly oid: string;
  readonly critical: boolean;
  readonly value: Uint8Array;
}

export interface RawCert {
  /** The encoded version INTEGER (0 = v1, 2 = v3). */
  readonly version: number;
  /** Content octets of the serial INTEGER. */
  readonly serial: Uint8Array;
  readonly innerAlg: Asn1;
  readonly outerAlg: Asn1;
  readonly issuerEmpty: boolean;
  readonly subjectEmpty: boolean;
  readonly notBefore: { readonly generalized: boolean; readonly year: number };
  readonly notAfter: { readonly generalized: boolean; readonly year: number };
  readonly spkiAlg: Asn1;
  /** The subjectPublicKey BIT STRING contents (without the unused-bits octet). */
  readonly spkiKey: Uint8Array;
  /** Extensions in encoded order (empty for v1/v2 or when absent). */
  readonly extensions: readonly RawExtension[];
  /** Index of the first extension whose `critical` encodes the DEFAULT FALSE (rust-asn1 refuses to load it: EncodedDefault), or null. */
  readonly encodedDefaultCritical: number | null;
}

const cache = new WeakMap<CertificateModel, RawCert | null>();

function timeOf(t: Asn1): { generalized: boolean; year: number } {
  const text = String.fromCharCode(...t.content);
  if (t.isUniversal(TAG.GeneralizedTime)) return { generalized: true, year: Number(text.slice(0, 4)) };
  const yy = Number(text.slice(0, 2));
  return { generalized: false, year: yy >= 50 ? 1900 + yy : 2000 + yy };
}

/** The raw view of `cert`, or null when its DER does not have the X.509 shape. */
export function rawCert(cert: CertificateModel): RawCert | null {
  if (cache.has(cert)) return cache.get(cert) ?? null;
  let out: RawCert | null = null;
  try {
    const top = parseDer(cert.der);
    const tbs = top.child(0);
    const f = tbs.children();
    let i = 0;
    let version = 0;
    const v = f[0];
    if (v && v.isContext(0)) {
      version = v.child(0).int();
      i = 1;
    }
    const at = (k: number): Asn1 => {
      const e = f[i + k];
      if (!e) throw new Error('short TBSCertificate');
      return e;
    };
    const serial = at(0).content;
    const innerAlg = at(1);
    const issuer = at(2);
    const validity = at(3);
    const subject = at(4);
    const spki = at(5);
    const extensions: RawExtension[] = [];
    let encodedDefaultCritical: number | null = null;
    for (const e of f.slice(i + 6)) {
      if (!e.isContext(3)) continue;
      for (const ext of e.child(0).children()) {
        const parts = ext.children();
        if (encodedDefaultCritical === null && parts.length === 3 && parts[1]?.isUniversal(TAG.BOOLEAN) && parts[1].content[0] === 0) encodedDefaultCritical = extensions.length;
        const oid = parts[0]?.oid() ?? '';
        const critical = parts.length === 3 && (parts[1]?.content[0] ?? 0) !== 0;
        const value = parts[parts.length - 1]?.content ?? new Uint8Array();
        extensions.push({ oid, critical, value });
      }
    }
    out = {
      version,
      serial,
      innerAlg,
      outerAlg: top.child(1),
      issuerEmpty: issuer.children().length === 0,
      subjectEmpty: subject.children().length === 0,
      notBefore: timeOf(validity.child(0)),
      notAfter: timeOf(validity.child(1)),
      spkiAlg: spki.child(0),
      spkiKey: spki.child(1).bits(),
      extensions,
      encodedDefaultCritical,
    };
  } catch {
    out = null;
  }
  cache.set(cert, out);
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Content length of the RSA modulus INTEGER in a PKCS#1 RSAPublicKey, or null. */
export function rsaModulusOctets(key: Uint8Array): number | null {
  try {
    return parseDer(key).child(0).content.length;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// GeneralNames as bytes
// ---------------------------------------------------------------------------------------------

export type RawGeneralName =
  | { readonly kind: 'otherName' | 'x400Address' | 'directoryName' | 'ediPartyName' | 'registeredID'; readonly bytes: Uint8Array }
  | { readonly kind: 'rfc822Name' | 'dNSName' | 'uniformResourceIdentifier'; readonly text: string; readonly bytes: Uint8Array }
  | { readonly kind: 'iPAddress'; readonly bytes: Uint8Array };

const GN_KINDS = ['otherName', 'rfc822Name', 'dNSName', 'x400Address', 'directoryName', 'ediPartyName', 'uniformResourceIdentifier', 'iPAddress', 'registeredID'] as const;

function generalName(e: Asn1): RawGeneralName {
  if (e.tagClass !== TagClass.Context || e.tag > 8) throw new Error('not a GeneralName');
  const kind = GN_KINDS[e.tag] ?? 'otherName';
  if (kind === 'rfc822Name' || kind === 'dNSName' || kind === 'uniformResourceIdentifier') {
    return { kind, text: new TextDecoder().decode(e.content), bytes: e.content };
  }
  if (kind === 'iPAddress') return { kind, bytes: e.content };
  return { kind, bytes: e.content };
}

/** SubjectAltName value: SEQUENCE OF GeneralName; throws when it does not parse. */
export function parseGeneralNames(value: Uint8Array): RawGeneralName[] {
  return parseDer(value).children().map(generalName);
}

export interface RawNameConstraints {
  readonly permitted: readonly RawGeneralName[] | null;
  readonly excluded: readonly RawGeneralName[] | null;
}

/** NameConstraints value; throws when it does not parse. */
export function parseNameConstraints(value: Uint8Array): RawNameConstraints {
  let permitted: RawGeneralName[] | null = null;
  let excluded: RawGeneralName[] | null = null;
  for (const part of parseDer(value).children()) {
    const subtrees = part.children().map((s) => generalName(s.child(0)));
    if (part.isContext(0)) permitted = subtrees;
    else if (part.isContext(1)) excluded = subtrees;
  }
  return { permitted, excluded };
}

/** AuthorityKeyIdentifier: whether keyIdentifier [0] is present, and its bytes. */
export function akiKeyId(value: Uint8Array): Uint8Array | null {
  for (const part of parseDer(value).children()) if (part.isContext(0)) return part.content;
  return null;
}

/** SubjectKeyIdentifier: the OCTET STRING contents. */
export function skiKeyId(value: Uint8Array): Uint8Array | null {
  const e = parseDer(value);
  return e.isUniversal(TAG.OCTET_STRING) ? e.content : null;
}

// ---------------------------------------------------------------------------------------------
// Rust Debug of AlgorithmIdentifier (cryptography_x509::common), as "Forbidden … algorithm: {:?}" prints it
// ---------------------------------------------------------------------------------------------

const MARKER = 'DefinedByMarker(PhantomData<asn1::object_identifier::ObjectIdentifier>)';

/** Variants whose parameter is `Option<Null>`: Some(()) with a NULL, None without. */
const OPTIONAL_NULL: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'Sha1',
  '2.16.840.1.101.3.4.2.4': 'Sha224',
  '2.16.840.1.101.3.4.2.1': 'Sha256',
  '2.16.840.1.101.3.4.2.2': 'Sha384',
  '2.16.840.1.101.3.4.2.3': 'Sha512',
  '1.2.840.113549.1.1.1': 'Rsa',
  '1.2.840.10045.4.3.2': 'EcDsaWithSha256',
  '1.2.840.10045.4.3.3': 'EcDsaWithSha384',
  '1.2.840.10045.4.3.4': 'EcDsaWithSha512',
  '1.2.840.113549.1.1.5': 'RsaWithSha1',
  '1.3.14.3.2.29': 'RsaWithSha1Alt',
  '1.2.840.113549.1.1.14': 'RsaWithSha224',
  '1.2.840.113549.1.1.11': 'RsaWithSha256',
  '1.2.840.113549.1.1.12': 'RsaWithSha384',
  '1.2.840.113549.1.1.13': 'RsaWithSha512',
  '2.16.840.1.101.3.4.3.13': 'RsaWithSha3_224',
  '2.16.840.1.101.3.4.3.14': 'RsaWithSha3_256',
  '2.16.840.1.101.3.4.3.15': 'RsaWithSha3_384',
  '2.16.840.1.101.3.4.3.16': 'RsaWithSha3_512',
  '2.16.840.1.101.3.4.3.1': 'DsaWithSha224',
  '2.16.840.1.101.3.4.3.2': 'DsaWithSha256',
  '2.16.840.1.101.3.4.3.3': 'DsaWithSha384',
  '2.16.840.1.101.3.4.3.4': 'DsaWithSha512',
};

/** Unit variants (no parameters). */
const UNIT: Readonly<Record<string, string>> = {
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
  '1.3.101.110': 'X25519',
  '1.3.101.111': 'X448',
  '1.2.840.10045.4.3.1': 'EcDsaWithSha224',
  '2.16.840.1.101.3.4.3.9': 'EcDsaWithSha3_224',
  '2.16.840.1.101.3.4.3.10': 'EcDsaWithSha3_256',
  '2.16.840.1.101.3.4.3.11': 'EcDsaWithSha3_384',
  '2.16.840.1.101.3.4.3.12': 'EcDsaWithSha3_512',
};

function bytesDebug(b: Uint8Array): string {
  return `[${[...b].join(', ')}]`;
}

export function oidDebug(oid: string): string {
  return `ObjectIdentifier { oid: ${oid} }`;
}

const CLASS_NAMES = ['Universal', 'Application', 'ContextSpecific', 'Private'];

function tlvDebug(e: Asn1): string {
  return `Tlv { tag: Tag { value: ${e.tag}, constructed: ${e.constructed}, class: ${CLASS_NAMES[e.tagClass] ?? 'Universal'} }, data: ${bytesDebug(e.content)}, full_data: ${bytesDebug(e.bytes)} }`;
}

function bigUintDebug(e: Asn1): string {
  return `BigUint { data: ${bytesDebug(e.content)} }`;
}

function pssDebug(params: Asn1 | undefined): string {
  if (!params) return 'RsaPss(None)';
  let hash = `AlgorithmIdentifier { oid: ${MARKER}, params: Sha1(Some(())) }`;
  let mgf = `MaskGenAlgorithm { oid: ${oidDebug('1.2.840.113549.1.1.8')}, params: AlgorithmIdentifier { oid: ${MARKER}, params: Sha1(Some(())) } }`;
  let salt = '20';
  let trailer = 'None';
  for (const field of params.children()) {
    const inner = field.children()[0];
    if (!inner) continue;
    if (field.isContext(0)) hash = algorithmDebug(inner);
    else if (field.isContext(1)) {
      const p = inner.children()[1];
      mgf = `MaskGenAlgorithm { oid: ${oidDebug(inner.child(0).oid())}, params: ${p ? algorithmDebug(p) : '?'} }`;
    } else if (field.isContext(2)) salt = String(inner.int());
    else if (field.isContext(3)) trailer = `Some(${inner.int()})`;
  }
  return `RsaPss(Some(RsaPssParameters { hash_algorithm: ${hash}, mask_gen_algorithm: ${mgf}, salt_length: ${salt}, _trailer_field: ${trailer} }))`;
}

function paramsDebug(oid: string, params: Asn1 | undefined): string {
  const opt = OPTIONAL_NULL[oid];
  if (opt) return `${opt}(${params ? 'Some(())' : 'None'})`;
  const unit = UNIT[oid];
  if (unit) return unit;
  if (oid === '1.2.840.10045.2.1') {
    if (params?.isUniversal(TAG.OID)) return `Ec(NamedCurve(${oidDebug(params.oid())}))`;
    if (params?.isUniversal(TAG.NULL)) return 'Ec(ImplicitCurve(()))';
    return `Ec(SpecifiedCurve(${params ? tlvDebug(params) : '?'}))`;
  }
  if (oid === '1.2.840.113549.1.1.10') return pssDebug(params);
  if (oid === '1.2.840.10040.4.1' && params?.isSequence) {
    const [p, q, g] = params.children();
    if (p && q && g) return `Dsa(DssParams { p: ${bigUintDebug(p)}, q: ${bigUintDebug(q)}, g: ${bigUintDebug(g)} })`;
  }
  return `Other(${oidDebug(oid)}, ${params ? `Some(${tlvDebug(params)})` : 'None'})`;
}

/** `{:?}` of an AlgorithmIdentifier. */
export function algorithmDebug(alg: Asn1): string {
  const parts = alg.children();
  const oid = parts[0]?.oid() ?? '';
  return `AlgorithmIdentifier { oid: ${MARKER}, params: ${paramsDebug(oid, parts[1])} }`;
}

// ---------------------------------------------------------------------------------------------
// Python repr of a certificate
// ---------------------------------------------------------------------------------------------

const PY_SHORT_NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '2.5.4.9': 'STREET',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
};

/** cryptography.x509.name._escape_dn_value. */
function pyEscape(val: string): string {
  if (val === '') return '';
  let v = val.replace(/\\/gu, '\\\\').replace(/"/gu, '\\"').replace(/\+/gu, '\\+').replace(/,/gu, '\\,').replace(/;/gu, '\\;').replace(/</gu, '\\<').replace(/>/gu, '\\>').replace(/\0/gu, '\\00');
  if (v.startsWith('#') || (v.startsWith(' ') && v.length > 1)) v = `\\${v}`;
  if (v.endsWith(' ')) v = `${v.slice(0, -1)}\\ `;
  return v;
}

function pyAttributeValue(a: AttributeModel): string {
  if (a.stringType === 'other' && a.value.startsWith('#')) {
    // A BIT STRING value reaches Python as bytes: "#" + hex of its data octets.
    try {
      const hex = a.value.slice(1);
      const bytes = Uint8Array.from(hex.match(/../gu) ?? [], (h) => parseInt(h, 16));
      const e = readAsn1(bytes);
      if (e.isUniversal(TAG.BIT_STRING)) return `#${[...e.content.subarray(1)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
    } catch {
      return a.value;
    }
    return a.value;
  }
  return pyEscape(a.value);
}

/** Python's Name.rfc4514_string(). */
export function pyRfc4514(rdns: readonly (readonly AttributeModel[])[]): string {
  return [...rdns]
    .reverse()
    .map((rdn) => rdn.map((a) => `${PY_SHORT_NAMES[a.oid] ?? a.oid}=${pyAttributeValue(a)}`).join('+'))
    .join(',');
}

/** repr() of a cryptography Certificate. */
export function pyCertRepr(cert: CertificateModel): string {
  return `<Certificate(subject=<Name(${pyRfc4514(cert.subject.rdns)})>, ...)>`;
}
