/**
 * Host name matching (RFC 6125 / RFC 9525 as browsers apply it): DNS names compare
 * case-insensitively in A-label form; a wildcard only as the whole left-most label and never
 * for an IP address; an IP address matches only an iPAddress SAN; the Common Name is never used.
 */
import type { GeneralNameModel, NameModel } from '../model';

/** IPv4 dotted quad or IPv6 text to bytes; null when it is not an IP address. */
export function parseIp(text: string): Uint8Array | null {
  const t = text.trim().replace(/^\[(.*)\]$/u, '$1');
  if (/^\d{1,3}(\.\d{1,3}){3}$/u.test(t)) {
    const parts = t.split('.').map(Number);
    if (parts.some((n) => n > 255)) return null;
    return Uint8Array.from(parts);
  }
  if (!t.includes(':') || !/^[0-9a-f:.]+$/iu.test(t)) return null;
  let head = t;
  const lastColon = t.lastIndexOf(':');
  const tail = t.slice(lastColon + 1);
  if (tail.includes('.')) {
    const v4 = parseIp(tail);
    if (!v4 || v4.length !== 4) return null;
    const hi = (((v4[0] ?? 0) << 8) | (v4[1] ?? 0)).toString(16);
    const lo = (((v4[2] ?? 0) << 8) | (v4[3] ?? 0)).toString(16);
    head = `${t.slice(0, lastColon + 1)}${hi}:${lo}`;
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const toGroups = (s: string): number[] | null => {
    if (s === '') return [];
    const g = s.split(':');
    if (g.some((x) => !/^[0-9a-f]{1,4}$/iu.test(x))) return null;
    return g.map((x) => parseInt(x, 16));
  };
  const left = toGroups(halves[0] ?? '');
  const right = halves.length === 2 ? toGroups(halves[1] ?? '') : [];
  if (!left || !right) return null;
  const fill = 8 - left.length - right.length;
  if ((halves.length === 2 && fill < 1) || (halves.length === 1 && fill !== 0)) return null;
  const groups = [...left, ...Array<number>(halves.length === 2 ? fill : 0).fill(0), ...right];
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    out[i * 2] = g >> 8;
    out[i * 2 + 1] = g & 0xff;
  });
  return out;
}

const BASE = 36;
/** RFC 3492 Punycode decoding of one label's part after "xn--"; null when invalid. */
export function punycodeDecode(input: string): string | null {
  let n = 128;
  let i = 0;
  let bias = 72;
  const basicEnd = input.lastIndexOf('-');
  const output: number[] = basicEnd > 0 ? [...input.slice(0, basicEnd)].map((c) => c.charCodeAt(0)) : [];
  let p = basicEnd > 0 ? basicEnd + 1 : 0;
  while (p < input.length) {
    const oldi = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (p >= input.length) return null;
      const c = input.charCodeAt(p++);
      const digit = c - 48 < 10 ? c - 22 : c - 65 < 26 ? c - 65 : c - 97 < 26 ? c - 97 : BASE;
      if (digit >= BASE) return null;
      i += digit * w;
      const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
      if (digit < t) break;
      w *= BASE - t;
      if (w > 0x10ffff * BASE) return null;
    }
    const len = output.length + 1;
    let delta = i - oldi;
    delta = oldi === 0 ? Math.floor(delta / 700) : delta >> 1;
    delta += Math.floor(delta / len);
    let k = 0;
    while (delta > 455) {
      delta = Math.floor(delta / 35);
      k += BASE;
    }
    bias = k + Math.floor((36 * delta) / (delta + 38));
    n += Math.floor(i / len);
    i %= len;
    if (n > 0x10ffff) return null;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}

/** Unicode form of a DNS name with A-labels (labels that fail to decode stay as they are). */
export function toUnicodeHost(host: string): string {
  return host
    .split('.')
    .map((l) => (l.toLowerCase().startsWith('xn--') ? (punycodeDecode(l.slice(4)) ?? l) : l))
    .join('.');
}

/** A-label (ASCII) form through the WHATWG URL parser's IDNA (UTS #46) processing; null when not a valid host. */
export function toAsciiHost(host: string): string | null {
  const t = host.trim().replace(/\.$/u, '');
  if (t === '') return null;
  if (/^[\x21-\x7e]+$/u.test(t)) return t.toLowerCase();
  try {
    return new URL(`http://${t}/`).hostname;
  } catch {
    return null;
  }
}

export interface HostMatch {
  /** The host as given, in A-label and Unicode form; for IP addresses both are the address. */
  readonly ascii: string;
  readonly unicode: string;
  readonly isIp: boolean;
  /** The SAN entry that matched, or null. */
  readonly matched: GeneralNameModel | null;
  /** True when the subject Common Name would have matched (modern clients ignore it). */
  readonly commonNameWouldMatch: boolean;
}

export function dnsPatternMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/u, '');
  const h = host.toLowerCase();
  if (!p.includes('*')) return p === h;
  const [first, ...rest] = p.split('.');
  if (first !== '*' || rest.length < 2 || rest.some((l) => l.includes('*'))) return false;
  const hostLabels = h.split('.');
  if (hostLabels.length !== rest.length + 1 || (hostLabels[0] ?? '') === '') return false;
  return hostLabels.slice(1).join('.') === rest.join('.');
}

export function ipEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

const CN_OID = '2.5.4.3';

export function matchHost(host: string, sans: readonly GeneralNameModel[], subject: NameModel | null): HostMatch {
  const ip = parseIp(host);
  const cns = subject ? subject.rdns.flat().filter((a) => a.oid === CN_OID).map((a) => a.value) : [];
  if (ip) {
    const text = host.trim().replace(/^\[(.*)\]$/u, '$1');
    const matched = sans.find((n) => n.type === 'ip' && (() => { const b = parseIp(n.value); return b !== null && ipEqual(b, ip); })()) ?? null;
    const cn = cns.some((c) => { const b = parseIp(c); return b !== null && ipEqual(b, ip); });
    return { ascii: text, unicode: text, isIp: true, matched, commonNameWouldMatch: cn };
  }
  const ascii = toAsciiHost(host) ?? host.trim().toLowerCase();
  const matched = sans.find((n) => n.type === 'dns' && dnsPatternMatches(n.value, ascii)) ?? null;
  const cn = cns.some((c) => dnsPatternMatches(toAsciiHost(c) ?? c, ascii));
  return { ascii, unicode: toUnicodeHost(ascii), isIp: false, matched, commonNameWouldMatch: cn };
}

/** An RFC 822 identity (client role) matches an rfc822Name or SmtpUTF8Mailbox SAN: local part exact, domain case-insensitive. */
export function emailMatches(cert: { readonly extensions: readonly { readonly kind: string }[] }, email: string): boolean {
  const san = cert.extensions.find((e) => e.kind === 'subjectAltName') as { readonly names?: readonly GeneralNameModel[] } | undefined;
  const at = email.lastIndexOf('@');
  if (at <= 0) return false;
  const local = email.slice(0, at);
  const domain = (toAsciiHost(email.slice(at + 1)) ?? email.slice(at + 1)).toLowerCase();
  return (san?.names ?? []).some((n) => {
    if (n.type !== 'email' && !(n.type === 'otherName' && n.typeOid === '1.3.6.1.5.5.7.8.9')) return false;
    const i = n.value.lastIndexOf('@');
    return i > 0 && n.value.slice(0, i) === local && (toAsciiHost(n.value.slice(i + 1)) ?? n.value.slice(i + 1)).toLowerCase() === domain;
  });
}
