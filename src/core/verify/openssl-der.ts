/**
 * What OpenSSL's verifier reads from a certificate beyond the engine's model: names in OpenSSL's
 * canonical form (X509_NAME_cmp), and the raw GeneralNames of the SAN, name constraints,
 * authority key identifier and issuing distribution point, re-read from the extension DER so
 * that types, lengths and directory names compare as OpenSSL compares them.
 */
import type { AttributeModel, CertificateModel, CrlModel, ExtensionModel, NameModel } from '../model';
import { type Asn1, readAsn1, TagClass } from '../input/der';
import { fromHex } from '../input/bytes';
import { parseName } from '../decode/name';
import { memoized } from './checks';

// ---------------------------------------------------------------------------------------------
// Names: X509_NAME_cmp over the canonical encoding (x_name.c asn1_string_canon)
// ---------------------------------------------------------------------------------------------

/** String types OpenSSL canonicalises (ASN1_MASK_CANON); others compare as encoded. */
const CANON_TYPES = new Set(['UTF8String', 'BMPString', 'UniversalString', 'PrintableString', 'TeletexString', 'IA5String', 'VisibleString']);

function osslSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
}

/** One attribute value as OpenSSL canonicalises it: trimmed, inner ASCII white space collapsed, ASCII lower case. */
export function canonValue(a: AttributeModel): string {
  if (!CANON_TYPES.has(a.stringType)) return `${a.stringType}:${a.value}`;
  // White space and A-Z are single UTF-16 units, never halves of a surrogate pair: walking code units
  // gives what walking code points would.
  const v = a.value;
  let s = 0;
  let e = v.length;
  while (s < e && osslSpace(v[s] ?? '')) s++;
  while (e > s && osslSpace(v[e - 1] ?? '')) e--;
  let out = '';
  for (let i = s; i < e; ) {
    const c = v[i] ?? '';
    if (osslSpace(c)) {
      out += ' ';
      while (i < e && osslSpace(v[i] ?? '')) i++;
      continue;
    }
    out += c >= 'A' && c <= 'Z' ? c.toLowerCase() : c;
    i++;
  }
  return `utf8:${out}`;
}

const canonRdnsCache = new WeakMap<NameModel, readonly string[]>();

/** A name as a list of canonical RDNs (each a sorted list of attribute keys). */
export function canonRdns(name: NameModel): readonly string[] {
  let c = canonRdnsCache.get(name);
  if (!c) {
    c = name.rdns.map((rdn) =>
      rdn
        .map((a) => `${a.oid}=${canonValue(a)}`)
        .sort()
        .join('\u0000+'),
    );
    canonRdnsCache.set(name, c);
  }
  return c;
}

const canonCache = new WeakMap<NameModel, string>();
export function canonName(name: NameModel): string {
  return memoized(canonCache, name, () => JSON.stringify(canonRdns(name)));
}

/** X509_NAME_cmp(a, b) == 0. */
export function nameEq(a: NameModel, b: NameModel): boolean {
  return a.derHex === b.derHex || canonName(a) === canonName(b);
}

/** nc_dn: the base's canonical RDNs are a prefix of the name's. */
export function dnWithin(name: NameModel, base: NameModel): boolean {
  const n = canonRdns(name);
  const b = canonRdns(base);
  if (b.length > n.length) return false;
  return b.every((r, i) => r === n[i]);
}

// ---------------------------------------------------------------------------------------------
// Raw GeneralNames
// ---------------------------------------------------------------------------------------------

export const GEN = { otherName: 0, email: 1, dns: 2, x400: 3, dirName: 4, edi: 5, uri: 6, ip: 7, rid: 8 } as const;

export interface RawGeneralName {
  /** The CHOICE arm (GEN values). */
  readonly type: number;
  /** IA5 text for email, dns, uri (bytes as Latin-1). */
  readonly text: string;
  /** The content octets (IP address bytes, …). */
  readonly bytes: Uint8Array;
  /** For dirName: the Name. */
  readonly name: NameModel | null;
  /** For otherName: the type-id, and the value when it is a UTF8String (else null). */
  readonly otherOid: string | null;
  readonly otherUtf8: string | null;
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return s;
}

function oidOfNode(node: Asn1): string {
  const c = node.content;
  const arcs: number[] = [];
  let v = 0;
  for (const b of c) {
    v = v * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      if (arcs.length === 0) {
        if (v < 40) arcs.push(0, v);
        else if (v < 80) arcs.push(1, v - 40);
        else arcs.push(2, v - 80);
      } else arcs.push(v);
      v = 0;
    }
  }
  return arcs.join('.');
}

function rawGeneralName(node: Asn1): RawGeneralName {
  const base = { type: node.tag, text: '', bytes: new Uint8Array(0), name: null, otherOid: null, otherUtf8: null };
  switch (node.tag) {
    case GEN.otherName: {
      const kids = node.children();
      const oid = kids[0] ? oidOfNode(kids[0]) : '';
      const explicit = kids[1];
      const inner = explicit?.constructed ? explicit.children()[0] : undefined;
      const utf8 = inner && inner.tagClass === TagClass.Universal && inner.tag === 12 ? new TextDecoder().decode(inner.content) : null;
      return { ...base, otherOid: oid, otherUtf8: utf8 };
    }
    case GEN.email:
    case GEN.dns:
    case GEN.uri:
      return { ...base, text: latin1(node.content), bytes: node.content };
    case GEN.ip:
      return { ...base, bytes: node.content };
    case GEN.dirName: {
      const inner = node.children()[0];
      return { ...base, name: inner ? parseName(inner) : null };
    }
    default:
      return { ...base, bytes: node.content };
  }
}

function rawGeneralNames(seq: Asn1): RawGeneralName[] {
  return seq.children().map(rawGeneralName);
}

function extensionDer(ext: ExtensionModel): Asn1 | null {
  try {
    return readAsn1(fromHex(ext.valueHex));
  } catch {
    return null;
  }
}

const sanCache = new WeakMap<CertificateModel, RawGeneralName[] | null>();
/** The SAN's GeneralNames (x->altname), null when there is no (usable) SAN extension. */
export function rawSan(cert: CertificateModel): RawGeneralName[] | null {
  if (sanCache.has(cert)) return sanCache.get(cert) ?? null;
  const exts = cert.extensions.filter((e) => e.oid === '2.5.29.17');
  let out: RawGeneralName[] | null = null;
  const only = exts[0];
  if (exts.length === 1 && only) {
    const der = extensionDer(only);
    try {
      out = der ? rawGeneralNames(der) : null;
    } catch {
      out = null;
    }
  }
  sanCache.set(cert, out);
  return out;
}

export interface RawSubtree {
  readonly base: RawGeneralName;
  /** minimum absent or zero, maximum absent (nc_minmax_valid). */
  readonly minmaxValid: boolean;
}
export interface RawNameConstraints {
  readonly permitted: readonly RawSubtree[];
  readonly excluded: readonly RawSubtree[];
}

function subtrees(node: Asn1): RawSubtree[] {
  return node.children().map((st) => {
    const kids = st.children();
    const baseNode = kids[0];
    if (!baseNode) throw new Error('empty GeneralSubtree');
    let minmaxValid = true;
    for (const k of kids.slice(1)) {
      if (k.tagClass === TagClass.Context && k.tag === 1) minmaxValid = false;
      if (k.tagClass === TagClass.Context && k.tag === 0 && k.content.some((b) => b !== 0)) minmaxValid = false;
    }
    return { base: rawGeneralName(baseNode), minmaxValid };
  });
}

const ncCache = new WeakMap<CertificateModel, RawNameConstraints | null>();
export function rawNameConstraints(cert: CertificateModel): RawNameConstraints | null {
  if (ncCache.has(cert)) return ncCache.get(cert) ?? null;
  const exts = cert.extensions.filter((e) => e.oid === '2.5.29.30');
  let out: RawNameConstraints | null = null;
  const only = exts[0];
  if (exts.length === 1 && only) {
    try {
      const der = extensionDer(only);
      if (der) {
        let permitted: RawSubtree[] = [];
        let excluded: RawSubtree[] = [];
        for (const k of der.children()) {
          if (k.tagClass === TagClass.Context && k.tag === 0) permitted = subtrees(k);
          if (k.tagClass === TagClass.Context && k.tag === 1) excluded = subtrees(k);
        }
        out = { permitted, excluded };
      }
    } catch {
      out = null;
    }
  }
  ncCache.set(cert, out);
  return out;
}

export interface RawAkid {
  readonly keyIdHex: string | null;
  readonly serialHex: string | null;
  /** The first directoryName of authorityCertIssuer. */
  readonly issuer: NameModel | null;
}

function akidFrom(ext: ExtensionModel | undefined): RawAkid | null {
  if (!ext) return null;
  const der = extensionDer(ext);
  if (!der) return null;
  let keyIdHex: string | null = null;
  let serialHex: string | null = null;
  let issuer: NameModel | null = null;
  try {
    for (const k of der.children()) {
      if (k.tagClass !== TagClass.Context) continue;
      if (k.tag === 0) keyIdHex = hex(k.content);
      else if (k.tag === 2) serialHex = intHex(k.content);
      else if (k.tag === 1) issuer = rawGeneralNames(k).find((g) => g.type === GEN.dirName)?.name ?? null;
    }
  } catch {
    return null;
  }
  return { keyIdHex, serialHex, issuer };
}

const akidCache = new WeakMap<CertificateModel | CrlModel, RawAkid | null>();
export function rawAkid(cert: CertificateModel | CrlModel): RawAkid | null {
  return memoized(akidCache, cert, () => akidFrom(cert.extensions.find((e) => e.oid === '2.5.29.35')));
}

export function hex(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}

/** An INTEGER's content as minimal hex (positive values), for ASN1_INTEGER_cmp-style equality. */
export function intHex(b: Uint8Array): string {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0 && ((b[i + 1] ?? 0) & 0x80) === 0) i++;
  return hex(b.subarray(i));
}

/** A serial number hex as in the model, normalised for comparison. */
export function serialKey(h: string): string {
  const t = h.toLowerCase().replace(/^(00)+(?=..)/u, '');
  return t === '' ? '00' : t;
}

// ---------------------------------------------------------------------------------------------
// CRL issuing distribution point (x_crl.c setup_idp)
// ---------------------------------------------------------------------------------------------

export interface RawIdp {
  /** Full names of the distribution point; null when absent (or a relative name). */
  readonly fullName: readonly RawGeneralName[] | null;
  readonly hasDistpoint: boolean;
  readonly onlyUser: boolean;
  readonly onlyCa: boolean;
  readonly onlyAttr: boolean;
  readonly indirect: boolean;
  /** onlySomeReasons bits (as OpenSSL keeps them), or null when absent. */
  readonly reasons: number | null;
  /** More than one of onlyUser, onlyCA, onlyAttr (IDP_INVALID). */
  readonly invalid: boolean;
}

function boolOf(n: Asn1): boolean {
  return n.content.some((b) => b !== 0);
}

function reasonBits(n: Asn1): number {
  const c = n.content;
  let v = 0;
  if (c.length > 1) v = c[1] ?? 0;
  if (c.length > 2) v |= (c[2] ?? 0) << 8;
  return v;
}

const idpCache = new WeakMap<CrlModel, RawIdp | null | 'unreadable'>();
export function rawIdp(crl: CrlModel): RawIdp | null | 'unreadable' {
  return memoized(idpCache, crl, () => rawIdpOf(crl));
}

function rawIdpOf(crl: CrlModel): RawIdp | null | 'unreadable' {
  const ext = crl.extensions.find((e) => e.oid === '2.5.29.28');
  if (!ext) return null;
  const der = extensionDer(ext);
  if (!der) return 'unreadable';
  try {
    let fullName: RawGeneralName[] | null = null;
    let hasDistpoint = false;
    let onlyUser = false;
    let onlyCa = false;
    let onlyAttr = false;
    let indirect = false;
    let reasons: number | null = null;
    for (const k of der.children()) {
      if (k.tagClass !== TagClass.Context) continue;
      if (k.tag === 0) {
        hasDistpoint = true;
        const dpn = k.children()[0];
        if (dpn && dpn.tagClass === TagClass.Context && dpn.tag === 0) fullName = rawGeneralNames(dpn);
      } else if (k.tag === 1) onlyUser = boolOf(k);
      else if (k.tag === 2) onlyCa = boolOf(k);
      else if (k.tag === 3) reasons = reasonBits(k);
      else if (k.tag === 4) indirect = boolOf(k);
      else if (k.tag === 5) onlyAttr = boolOf(k);
    }
    const n = [onlyUser, onlyCa, onlyAttr].filter(Boolean).length;
    return { fullName, hasDistpoint, onlyUser, onlyCa, onlyAttr, indirect, reasons, invalid: n > 1 };
  } catch {
    return 'unreadable';
  }
}

/** GENERAL_NAME_cmp for the forms distribution points use. */
export function generalNameEq(a: RawGeneralName, b: RawGeneralName): boolean {
  if (a.type !== b.type) return false;
  if (a.type === GEN.dirName) return a.name !== null && b.name !== null && nameEq(a.name, b.name);
  if (a.type === GEN.otherName) return a.otherOid === b.otherOid && a.otherUtf8 === b.otherUtf8;
  return hex(a.bytes) === hex(b.bytes);
}

/** The cRLDistributionPoints of a certificate as raw names (fullName per point; reasons bits; CRL issuers). */
export interface RawDistPoint {
  readonly fullName: readonly RawGeneralName[] | null;
  readonly hasDistpoint: boolean;
  readonly reasons: number | null;
  readonly crlIssuer: readonly RawGeneralName[] | null;
}

const distPointsCache = new WeakMap<CertificateModel, readonly RawDistPoint[]>();
export function rawCrlDistPoints(cert: CertificateModel): readonly RawDistPoint[] {
  let dps = distPointsCache.get(cert);
  if (!dps) {
    dps = rawCrlDistPointsOf(cert);
    distPointsCache.set(cert, dps);
  }
  return dps;
}

function rawCrlDistPointsOf(cert: CertificateModel): RawDistPoint[] {
  const ext = cert.extensions.find((e) => e.oid === '2.5.29.31');
  if (!ext) return [];
  const der = extensionDer(ext);
  if (!der) return [];
  try {
    return der.children().map((dp) => {
      let fullName: RawGeneralName[] | null = null;
      let hasDistpoint = false;
      let reasons: number | null = null;
      let crlIssuer: RawGeneralName[] | null = null;
      for (const k of dp.children()) {
        if (k.tagClass !== TagClass.Context) continue;
        if (k.tag === 0) {
          hasDistpoint = true;
          const dpn = k.children()[0];
          if (dpn && dpn.tagClass === TagClass.Context && dpn.tag === 0) fullName = rawGeneralNames(dpn);
        } else if (k.tag === 1) reasons = reasonBits(k);
        else if (k.tag === 2) crlIssuer = rawGeneralNames(k);
      }
      return { fullName, hasDistpoint, reasons, crlIssuer };
    });
  } catch {
    return [];
  }
}
