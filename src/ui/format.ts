/**
 * Pure display helpers: the UI's only "formatting" layer. Nothing here parses certificates; it
 * turns the engine's plain model (ISO dates, lowercase hex, OIDs) into text for people, with an
 * explicit time zone (UTC) so the same input always renders the same way.
 */
/** Display names of names and keys: pure functions of the engine's data, shared with the Worker (which sends them with each certificate's summary). */
export { commonNameOf, describeKey } from '@/core/display';

// ---------------------------------------------------------------------------------------------
// Hostile text
// ---------------------------------------------------------------------------------------------

export type TextSegment = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'token'; readonly text: string; readonly codePoint: number };

/**
 * Characters that would be invisible or would reorder the text around them: C0/C1 controls,
 * bidi embeddings/overrides/isolates and marks, zero-width characters, line/paragraph
 * separators and the BOM. They are shown as visible ⟨U+XXXX⟩ tokens instead.
 */
export function isInvisibleOrReordering(cp: number): boolean {
  return (
    cp <= 0x1f ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0xad ||
    cp === 0x061c ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x2028 && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2069) ||
    cp === 0xfeff ||
    (cp >= 0xfff9 && cp <= 0xfffb)
  );
}

export function codePointLabel(cp: number): string {
  return `⟨U+${cp.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/** Splits text into plain runs and visible tokens for invisible/reordering characters. */
export function segmentText(value: string): TextSegment[] {
  const out: TextSegment[] = [];
  let run = '';
  for (const ch of value) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isInvisibleOrReordering(cp)) {
      if (run) out.push({ kind: 'text', text: run });
      run = '';
      out.push({ kind: 'token', text: codePointLabel(cp), codePoint: cp });
    } else {
      run += ch;
    }
  }
  if (run) out.push({ kind: 'text', text: run });
  return out;
}

/** The escaped form as one string (for titles, aria labels and copy-free summaries). */
export function escapeForDisplay(value: string): string {
  return segmentText(value)
    .map((s) => s.text)
    .join('');
}

/** Truncates to `max` code points (never splitting a surrogate pair). */
export function truncateCodePoints(value: string, max: number): { text: string; truncated: boolean } {
  const chars = Array.from(value);
  if (chars.length <= max) return { text: value, truncated: false };
  return { text: chars.slice(0, max).join(''), truncated: true };
}

// ---------------------------------------------------------------------------------------------
// Dates and time
// ---------------------------------------------------------------------------------------------

/** "2026-06-01 00:00:00 UTC" from an ISO string. */
export function formatUtc(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The value for an <input type="datetime-local"> read as UTC: "2026-06-01T00:00". */
export function toDateTimeLocalUtc(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toISOString().slice(0, 16);
}

/** Reads a datetime-local value as UTC; null when empty or invalid. */
export function fromDateTimeLocalUtc(value: string): string | null {
  if (!value) return null;
  const d = new Date(`${value.length === 16 ? `${value}:00` : value}Z`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

const DAY_MS = 86_400_000;

export type ValidityState = 'not-yet-valid' | 'expired' | 'expiring' | 'valid';

export interface ValiditySummary {
  readonly state: ValidityState;
  readonly label: string;
  readonly days: number;
}

/** Validity at `at` (ISO): expired / expires in N days / not yet valid. */
export function describeValidity(notBefore: string, notAfter: string, at: string): ValiditySummary {
  const now = new Date(at).getTime();
  const start = new Date(notBefore).getTime();
  const end = new Date(notAfter).getTime();
  if (now < start) {
    const days = Math.ceil((start - now) / DAY_MS);
    return { state: 'not-yet-valid', label: `Not yet valid (starts in ${plural(days, 'day')})`, days };
  }
  if (now > end) {
    const days = Math.floor((now - end) / DAY_MS);
    return { state: 'expired', label: days === 0 ? 'Expired today' : `Expired ${plural(days, 'day')} ago`, days };
  }
  const days = Math.floor((end - now) / DAY_MS);
  return { state: days < 30 ? 'expiring' : 'valid', label: days === 0 ? 'Expires today' : `Expires in ${plural(days, 'day')}`, days };
}

/** One number formatter for the app: Number#toLocaleString builds a new one on every call (thousands of rows, thousands of calls). */
let counts: Intl.NumberFormat | null = null;

/** A count with thousands separators, as "1,385". */
export function formatCount(n: number): string {
  counts ??= new Intl.NumberFormat('en-US');
  return counts.format(n);
}

export function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

// ---------------------------------------------------------------------------------------------
// Bytes and keys
// ---------------------------------------------------------------------------------------------

/** "ab:cd:ef" uppercase with colons, the way openssl and browsers show fingerprints. */
export function colonHex(hex: string): string {
  return (hex.toUpperCase().match(/.{1,2}/g) ?? []).join(':');
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}


// ---------------------------------------------------------------------------------------------
// Purposes (shared/spec/suitability.md)
// ---------------------------------------------------------------------------------------------

export interface PurposeInfo {
  readonly oid: string;
  readonly name: string;
  readonly badge: string;
  readonly known: boolean;
}

export const OID_SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
export const OID_CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
export const OID_ANY_EKU = '2.5.29.37.0';

const PURPOSES: Readonly<Record<string, readonly [name: string, badge: string]>> = {
  [OID_SERVER_AUTH]: ['id-kp-serverAuth', 'TLS server'],
  [OID_CLIENT_AUTH]: ['id-kp-clientAuth', 'TLS client'],
  '1.3.6.1.5.5.7.3.3': ['id-kp-codeSigning', 'Code signing'],
  '1.3.6.1.5.5.7.3.4': ['id-kp-emailProtection', 'Email (S/MIME)'],
  '1.3.6.1.5.5.7.3.8': ['id-kp-timeStamping', 'Time stamping'],
  '1.3.6.1.5.5.7.3.9': ['id-kp-OCSPSigning', 'OCSP signing'],
  '1.3.6.1.5.5.7.3.17': ['id-kp-ipsecIKE', 'IPsec IKE'],
  [OID_ANY_EKU]: ['anyExtendedKeyUsage', 'Any purpose'],
  '1.3.6.1.4.1.311.20.2.2': ['Microsoft Smart Card Logon', 'Smart card logon'],
  '1.3.6.1.4.1.311.10.3.4': ['Microsoft EFS', 'EFS'],
  '1.3.6.1.4.1.311.10.3.12': ['Microsoft Document Signing', 'Document signing'],
  '1.3.6.1.5.2.3.5': ['Kerberos PKINIT KDC', 'Kerberos KDC'],
};

export function describePurpose(oid: string, registeredName: string | null = null): PurposeInfo {
  const known = PURPOSES[oid];
  if (known) return { oid, name: known[0], badge: known[1], known: true };
  return { oid, name: registeredName ?? oid, badge: oid, known: false };
}

// ---------------------------------------------------------------------------------------------
// Misc
// ---------------------------------------------------------------------------------------------

