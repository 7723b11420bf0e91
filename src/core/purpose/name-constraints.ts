/**
 * Name constraints (RFC 5280 §4.2.1.10) for DNS, email, IP, URI and directory names. A name of
 * a type that a CA's permitted subtrees constrain must fall inside one of them; no name may
 * fall inside an excluded subtree. Types the subtrees do not mention are unconstrained.
 */
import type { CertificateModel, GeneralNameModel, GeneralSubtreeModel, NameModel } from '../model';
import { findExtension, subjectAltNames } from '../chain/facts';
import { normalizeAttributeValue } from '../chain/names';
import { parseIp } from './hostname';

const EMAIL_ATTRIBUTE = '1.2.840.113549.1.9.1';

type Checkable =
  | { readonly type: 'dns' | 'email' | 'uri'; readonly value: string }
  | { readonly type: 'ip'; readonly value: string; readonly bytes: Uint8Array | null }
  | { readonly type: 'dirName'; readonly value: string; readonly name: NameModel | null };

export function dnsWithin(name: string, base: string): boolean {
  const n = name.toLowerCase().replace(/\.$/u, '');
  const b = base.toLowerCase().replace(/\.$/u, '');
  if (b === '') return true;
  if (b.startsWith('.')) return n.endsWith(b);
  return n === b || n.endsWith(`.${b}`);
}

export function emailWithin(address: string, base: string): boolean {
  const at = address.lastIndexOf('@');
  const host = at >= 0 ? address.slice(at + 1) : address;
  if (base.includes('@')) {
    const bat = base.lastIndexOf('@');
    return address.slice(0, at) === base.slice(0, bat) && host.toLowerCase() === base.slice(bat + 1).toLowerCase();
  }
  if (base.startsWith('.')) return host.toLowerCase().endsWith(base.toLowerCase());
  return host.toLowerCase() === base.toLowerCase();
}

export function uriHost(uri: string): string | null {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/iu.exec(uri);
  return m?.[1] ?? null;
}

export function uriWithin(uri: string, base: string): boolean {
  const host = uriHost(uri);
  if (host === null || host === '') return false;
  if (base.startsWith('.')) return host.toLowerCase().endsWith(base.toLowerCase());
  return host.toLowerCase() === base.toLowerCase();
}

export function ipWithin(addr: Uint8Array | null, base: string): boolean {
  if (!addr) return false;
  const [a, p] = base.split('/');
  const net = parseIp(a ?? '');
  const prefix = Number(p);
  if (!net || net.length !== addr.length || !Number.isInteger(prefix)) return false;
  for (let bit = 0; bit < prefix; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (((addr[byte] ?? 0) & mask) !== ((net[byte] ?? 0) & mask)) return false;
  }
  return true;
}

function rdnKey(rdn: NameModel['rdns'][number]): string {
  return rdn
    .map((a) => `${a.oid}=${normalizeAttributeValue(a)}`)
    .sort()
    .join('+');
}

/** dirName constraint: the base's RDN sequence is a prefix of the name's. */
function dirWithin(name: NameModel | null, baseName: NameModel | null): boolean {
  if (!name || !baseName) return false;
  if (baseName.rdns.length > name.rdns.length) return false;
  return baseName.rdns.every((rdn, i) => {
    const other = name.rdns[i];
    return other !== undefined && rdnKey(rdn) === rdnKey(other);
  });
}

function within(n: Checkable, subtree: GeneralSubtreeModel, dirNames: ReadonlyMap<string, NameModel>): boolean {
  const base = subtree.base;
  if (base.type !== n.type) return false;
  switch (n.type) {
    case 'dns':
      return dnsWithin(n.value, base.value);
    case 'email':
      return emailWithin(n.value, base.value);
    case 'uri':
      return uriWithin(n.value, base.value);
    case 'ip':
      return ipWithin(n.bytes, base.value);
    case 'dirName':
      return dirWithin(n.name, dirNames.get(base.value) ?? null);
  }
}

const SMTP_UTF8_MAILBOX = '1.3.6.1.5.5.7.8.9';
const CN_ATTRIBUTE = '2.5.4.3';
/** Name forms this engine can match against subtrees. */
const SUPPORTED_FORMS: ReadonlySet<GeneralNameModel['type']> = new Set(['dns', 'email', 'uri', 'ip', 'dirName']);

function looksLikeHostName(cn: string): boolean {
  return /^(\*\.)?([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{1,63}\.?$/iu.test(cn);
}

/**
 * Names of a certificate subject to constraints: SAN entries (SmtpUTF8Mailbox otherNames as
 * email, RFC 8398), the subject DN, the subject emailAddress only when there is no SAN
 * (RFC 5280 §4.2.1.10), and a host-name-like Common Name when there is no SAN (what browsers
 * check, since some clients still match it).
 */
export function constrainedNames(cert: CertificateModel, sanDirNames: ReadonlyMap<string, NameModel>): Checkable[] {
  const out: Checkable[] = [];
  const sans = subjectAltNames(cert);
  const hasSanExtension = findExtension(cert, 'subjectAltName') !== null;
  for (const n of sans) {
    if (n.type === 'dns' || n.type === 'email' || n.type === 'uri') out.push({ type: n.type, value: n.value });
    else if (n.type === 'ip') out.push({ type: 'ip', value: n.value, bytes: parseIp(n.value) });
    else if (n.type === 'dirName') out.push({ type: 'dirName', value: n.value, name: sanDirNames.get(n.value) ?? null });
    else if (n.type === 'otherName' && n.typeOid === SMTP_UTF8_MAILBOX) out.push({ type: 'email', value: n.value });
  }
  if (cert.subject.rdns.length > 0) out.push({ type: 'dirName', value: cert.subject.rfc4514, name: cert.subject });
  if (!hasSanExtension) {
    for (const a of cert.subject.rdns.flat()) {
      if (a.oid === EMAIL_ATTRIBUTE) out.push({ type: 'email', value: a.value });
      if (a.oid === CN_ATTRIBUTE) {
        const ip = parseIp(a.value);
        if (ip) out.push({ type: 'ip', value: a.value, bytes: ip });
        else if (looksLikeHostName(a.value)) out.push({ type: 'dns', value: a.value });
      }
    }
  }
  return out;
}

export interface ConstraintViolation {
  readonly name: string;
  readonly type: GeneralNameModel['type'];
  readonly kind: 'permitted' | 'excluded' | 'unsupported';
  readonly constraint: string;
}

/** A wildcard SAN ("*.b.example") covers a name inside an excluded subtree when the subtree is one label below its base. */
function wildcardReachesExcluded(name: string, base: string): boolean {
  if (!name.startsWith('*.') || base.startsWith('.') || base === '') return false;
  const rest = name.slice(2).toLowerCase().replace(/\.$/u, '');
  const b = base.toLowerCase().replace(/\.$/u, '');
  const dot = b.indexOf('.');
  return dot > 0 && b.slice(dot + 1) === rest;
}

/** IPv4-mapped IPv6 addresses are held to IPv4 subtrees as their IPv4 address. */
function ipForms(bytes: Uint8Array | null): Uint8Array[] {
  if (!bytes) return [];
  const mapped = bytes.length === 16 && bytes.slice(0, 10).every((x) => x === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? [bytes, bytes.slice(12)] : [bytes];
}

function withinAny(n: Checkable, s: GeneralSubtreeModel, dirNames: ReadonlyMap<string, NameModel>): boolean {
  if (n.type === 'ip' && s.base.type === 'ip') return ipForms(n.bytes).some((b) => ipWithin(b, s.base.value));
  return within(n, s, dirNames) || textDirWithin(n, s);
}

/**
 * Checks `subject`'s names against `ca`'s nameConstraints. dirName bases arrive as RFC 4514
 * text in the model; `dirNames` maps such text to a parsed NameModel when the caller has one
 * (otherwise dirName constraints compare by normalised RFC 4514 text prefix). A critical
 * extension that constrains a form this engine cannot match, when the certificate has a name
 * of that form, is a violation (RFC 5280 §4.2.1.10: process it or reject).
 */
export function checkNameConstraints(subject: CertificateModel, ca: CertificateModel, dirNames: ReadonlyMap<string, NameModel> = new Map()): ConstraintViolation[] {
  const nc = findExtension(ca, 'nameConstraints');
  if (!nc) return [];
  const names = constrainedNames(subject, dirNames);
  const out: ConstraintViolation[] = [];
  for (const n of names) {
    const typePermitted = nc.permitted.filter((s) => s.base.type === n.type);
    if (typePermitted.length > 0 && !typePermitted.some((s) => withinAny(n, s, dirNames))) {
      out.push({ name: n.value, type: n.type, kind: 'permitted', constraint: typePermitted.map((s) => s.base.value).join(', ') });
    }
    const hit = nc.excluded.find((s) => s.base.type === n.type && (withinAny(n, s, dirNames) || (n.type === 'dns' && wildcardReachesExcluded(n.value, s.base.value))));
    if (hit) out.push({ name: n.value, type: n.type, kind: 'excluded', constraint: hit.base.value });
    if (n.type === 'uri' && typePermitted.length > 0) {
      const host = uriHost(n.value);
      if (host !== null && parseIp(host) && !out.some((v) => v.name === n.value)) out.push({ name: n.value, type: 'uri', kind: 'permitted', constraint: typePermitted.map((s) => s.base.value).join(', ') });
    }
  }
  if (nc.critical) {
    const unsupported = [...nc.permitted, ...nc.excluded].filter((s) => !SUPPORTED_FORMS.has(s.base.type));
    for (const s of unsupported) {
      const present = subjectAltNames(subject).find((n) => n.type === s.base.type && !(n.type === 'otherName' && n.typeOid === SMTP_UTF8_MAILBOX));
      if (present) out.push({ name: present.value, type: present.type, kind: 'unsupported', constraint: `${s.base.type} ${s.base.value}` });
    }
  }
  return out;
}

/** Fallback for dirName bases without a parsed Name: RFC 4514 strings list RDNs in reverse, so a prefix of RDNs is a suffix of the text. */
export function textDirWithin(n: Checkable, s: GeneralSubtreeModel): boolean {
  if (n.type !== 'dirName' || s.base.type !== 'dirName') return false;
  const norm = (t: string): string[] => t.split(/(?<!\\),/u).map((x) => x.trim().toLowerCase().replace(/\s+/gu, ' '));
  const a = norm(n.value);
  const b = norm(s.base.value);
  if (s.base.value === '') return true;
  if (b.length > a.length) return false;
  return b.every((x, i) => a[a.length - b.length + i] === x);
}
