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

/** Each decoded input's rows (as if it were alone in the session), made once: a session of 1,000 files rebuilds its list often while it fills. */
const rowsOfInput = new WeakMap<PageInput, readonly OverviewRow[]>();

function ownRows(input: PageInput): readonly OverviewRow[] {
  let own = rowsOfInput.get(input);
  if (!own) {
    own = rowsOf(input);
    rowsOfInput.set(input, own);
  }
  return own;
}

/**
 * The session's rows: each input's own rows, reused as they are unless the same item came from
 * several inputs (then one merged row lists every source). A 10,000-certificate input costs one
 * Map insertion per row here once its rows exist.
 */
export function buildOverviewRows(inputs: readonly PageInput[]): OverviewRow[] {
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
 * One input's rows, each made as one object literal of the same shape: 10,000 certificates make
 * 10,000 rows in the render that first shows them, where a tuple, a closure and a spread copy per
 * row took over 100 ms.
 */
function rowsOf(input: PageInput): OverviewRow[] {
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
  for (const c of input.certificates) {
    out.push(row(rowKey('certificate', c.sha256Hex), { kind: 'certificate', model: c }, c.title, `Issued by ${c.issuerTitle}`, { notBefore: c.notBefore, notAfter: c.notAfter }, c.keyText, c.purposes, c.isCa));
  }
  for (const r of input.csrs) {
    const eku = r.requestedExtensions.find((e) => e.kind === 'extKeyUsage');
    out.push(row(rowKey('csr', r.sha256Hex), { kind: 'csr', model: r }, commonNameOf(r.subject), 'Certificate signing request', null, describeKey(r.publicKey), eku && eku.kind === 'extKeyUsage' ? eku.purposes : null, false));
  }
  for (const l of input.crls) {
    const count = l.entries.length;
    out.push(row(rowKey('crl', l.sha256Hex), { kind: 'crl', model: l }, `CRL of ${commonNameOf(l.issuer)}`, `${formatCount(count)} revoked serial${count === 1 ? '' : 's'}`, null, '', null, false));
  }
  for (const k of input.privateKeys) {
    out.push(row(rowKey('private-key', k.sha256Hex), { kind: 'private-key', model: k }, k.friendlyName ?? 'Private key', k.encrypted ? 'Arrived encrypted' : `Encoding: ${k.encoding}`, null, describeKey(k), null, false));
  }
  for (const p of input.publicKeys) {
    out.push(row(rowKey('public-key', p.sha256Hex), { kind: 'public-key', model: p }, 'Public key', `SPKI SHA-256 ${p.publicKey.spkiSha256Hex.slice(0, 16)}…`, null, describeKey(p.publicKey), null, false));
  }
  return out;
}
