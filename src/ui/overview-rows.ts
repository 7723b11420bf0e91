/**
 * The overview's view model: one row per distinct thing loaded (certificates deduplicated by
 * SHA-256 across inputs), built from decoded inputs plus, when ready, the session's verdicts.
 */
import type { CrlModel, CsrModel, OidName, PrivateKeyModel, PublicKeyItemModel } from '@/core/model';
import type { CertificateSummary, PageInput } from '@/worker/protocol';
import type { VerifierId } from '@/core/verify/types';
import type { Verdict } from './badges';
import { commonNameOf, describeKey, formatCount } from './format';

export type RowKind = 'certificate' | 'csr' | 'crl' | 'private-key' | 'public-key';

export type RowItem =
  /** A certificate's summary: the detail view asks the engine for its full model. */
  | { readonly kind: 'certificate'; readonly model: CertificateSummary }
  | { readonly kind: 'csr'; readonly model: CsrModel }
  | { readonly kind: 'crl'; readonly model: CrlModel }
  | { readonly kind: 'private-key'; readonly model: PrivateKeyModel }
  | { readonly kind: 'public-key'; readonly model: PublicKeyItemModel };

export interface RowVerdicts {
  readonly tlsServer: Verdict;
  readonly tlsClient: Verdict;
  /** Per role, the verifiers that refuse it (ids only: the answers are fetched for the detail view). */
  readonly refusing: { readonly tlsServer: readonly VerifierId[]; readonly tlsClient: readonly VerifierId[] };
}

export interface OverviewRow {
  /** Stable key: kind + SHA-256. */
  readonly key: string;
  readonly item: RowItem;
  readonly title: string;
  readonly subtitle: string;
  readonly validity: { readonly notBefore: string; readonly notAfter: string } | null;
  readonly keyText: string;
  /** EKU purposes; null when the certificate has no EKU extension (or is not a certificate). */
  readonly purposes: readonly OidName[] | null;
  readonly isCa: boolean;
  /** Input names it came from. */
  readonly sources: readonly string[];
  /** One of those inputs reported errors (a bad PEM block, a wrong password, …). */
  readonly inputErrors: boolean;
}

export function rowKey(kind: RowKind, sha256Hex: string): string {
  return `${kind}:${sha256Hex}`;
}

/**
 * Each decoded input's rows (as if it were alone in the session), made once: a session of 1,000
 * files rebuilds its list often while it fills. An input with more than ROW_SLICE items gets its
 * first slice at once and the rest one slice per call of makeMoreRows (the page makes one per
 * task): 10,000 rows made in the render that first showed them were a 50 ms task.
 */
interface InputRows {
  rows: readonly OverviewRow[];
  /** Items (certificates, then CSRs, CRLs, private and public keys) made into rows so far. */
  next: number;
  /** Their keys: an item twice in one input (a bundle listing a certificate twice) gets one row. */
  readonly keys: Set<string>;
}
const rowsOfInput = new WeakMap<PageInput, InputRows>();

/** Rows made at once for one input; the rest of a bigger input's are made a slice at a time. */
export const ROW_SLICE = 2_500;

function itemCount(input: PageInput): number {
  return input.certificates.length + input.csrs.length + input.crls.length + input.privateKeys.length + input.publicKeys.length;
}

function ownRows(input: PageInput): readonly OverviewRow[] {
  let own = rowsOfInput.get(input);
  if (!own) {
    own = { rows: [], next: 0, keys: new Set() };
    rowsOfInput.set(input, own);
    makeSlice(input, own);
  }
  return own.rows;
}

function makeSlice(input: PageInput, own: InputRows): void {
  const to = own.next + ROW_SLICE;
  // A new array: the memoised views that hold the last one must see a change.
  own.rows = own.rows.concat(rowsOf(input, own.next, to, own.keys));
  own.next = Math.min(to, itemCount(input));
}

/** Whether some of these inputs' rows are still to be made (see makeMoreRows). */
export function rowsUnfinished(inputs: readonly PageInput[]): boolean {
  return inputs.some((i) => (rowsOfInput.get(i)?.next ?? 0) < itemCount(i));
}

/** Makes the next slice of rows of the first input that has rows still to make; true when it made some. */
export function makeMoreRows(inputs: readonly PageInput[]): boolean {
  for (const input of inputs) {
    const own = rowsOfInput.get(input);
    if (!own || own.next >= itemCount(input)) continue;
    makeSlice(input, own);
    return true;
  }
  return false;
}

/**
 * The session's rows: each input's own rows, reused as they are unless the same item came from
 * several inputs (then one merged row lists every source). A single input's rows are returned
 * as they are, without the merge.
 */
export function buildOverviewRows(inputs: readonly PageInput[]): readonly OverviewRow[] {
  // One input (a big bundle): no merging, which cost 10,000 Map insertions per slice.
  if (inputs.length === 1 && inputs[0]) return ownRows(inputs[0]);
  const rows = new Map<string, OverviewRow>();
  for (const input of inputs) {
    for (const row of ownRows(input)) {
      const existing = rows.get(row.key);
      if (!existing) {
        rows.set(row.key, row);
        continue;
      }
      if (existing.sources.includes(input.name) && (existing.inputErrors || !row.inputErrors)) continue;
      const sources = existing.sources.includes(input.name) ? existing.sources : [...existing.sources, input.name];
      rows.set(row.key, { ...existing, sources, inputErrors: existing.inputErrors || row.inputErrors });
    }
  }
  return Array.from(rows.values());
}

/**
 * Rows `from` to `to` of one input (its certificates, then CSRs, CRLs, private and public keys),
 * each made as one object literal of the same shape: a tuple, a closure and a spread copy per row
 * took over 100 ms for 10,000 rows.
 */
function rowsOf(input: PageInput, from: number, to: number, seen: Set<string>): OverviewRow[] {
  const sources = [input.name];
  const inputErrors = input.errors.length > 0;
  const out: OverviewRow[] = [];
  const row = (key: string, item: RowItem, title: string, subtitle: string, validity: OverviewRow['validity'], keyText: string, purposes: OverviewRow['purposes'], isCa: boolean): OverviewRow => ({
    key,
    item,
    title,
    subtitle,
    validity,
    keyText,
    purposes,
    isCa,
    sources,
    inputErrors,
  });
  let base = 0;
  // The part of `list` (which starts at item `base`) inside [from, to), each item made by `make`.
  const take = <T>(list: readonly T[], make: (item: T) => OverviewRow) => {
    const start = Math.max(0, from - base);
    const end = Math.min(list.length, to - base);
    for (let i = start; i < end; i++) {
      const made = make(list[i] as T);
      if (seen.has(made.key)) continue;
      seen.add(made.key);
      out.push(made);
    }
    base += list.length;
  };
  take(input.certificates, (c) => row(rowKey('certificate', c.sha256Hex), { kind: 'certificate', model: c }, c.title, `Issued by ${c.issuerTitle}`, { notBefore: c.notBefore, notAfter: c.notAfter }, c.keyText, c.purposes, c.isCa));
  take(input.csrs, (r) => {
    const eku = r.requestedExtensions.find((e) => e.kind === 'extKeyUsage');
    return row(rowKey('csr', r.sha256Hex), { kind: 'csr', model: r }, commonNameOf(r.subject), 'Certificate signing request', null, describeKey(r.publicKey), eku && eku.kind === 'extKeyUsage' ? eku.purposes : null, false);
  });
  take(input.crls, (l) => {
    const count = l.entries.length;
    return row(rowKey('crl', l.sha256Hex), { kind: 'crl', model: l }, `CRL of ${commonNameOf(l.issuer)}`, `${formatCount(count)} revoked serial${count === 1 ? '' : 's'}`, null, '', null, false);
  });
  take(input.privateKeys, (k) => row(rowKey('private-key', k.sha256Hex), { kind: 'private-key', model: k }, k.friendlyName ?? 'Private key', k.encrypted ? 'Arrived encrypted' : `Encoding: ${k.encoding}`, null, describeKey(k), null, false));
  take(input.publicKeys, (p) => row(rowKey('public-key', p.sha256Hex), { kind: 'public-key', model: p }, 'Public key', `SPKI SHA-256 ${p.publicKey.spkiSha256Hex.slice(0, 16)}…`, null, describeKey(p.publicKey), null, false));
  return out;
}
