/**
 * Candidate paths from a leaf to a trust anchor, in the order a verifier explores them. Each
 * verifier decides how issuers are found and ordered (`candidates`), where a path may end
 * (`isAnchor`), and whether a candidate whose signature does not verify is dropped (path
 * builders that backtrack) or kept (OpenSSL picks an issuer by name and key id, then checks).
 * The search is a depth-first walk, bounded in depth and in signature checks.
 */
import type { CertificateModel } from '../model';
import type { SignatureCheck } from '../chain/types';
import { namesMatch, normalizeName } from '../chain/names';
import type { VerifyContext } from './types';

export interface PoolEntry {
  readonly cert: CertificateModel;
  /** True when the certificate is a trust anchor. */
  readonly anchor: boolean;
}

/** Session certificates and anchors indexed by normalised subject. */
export class IssuerPool {
  private readonly bySubject = new Map<string, PoolEntry[]>();
  readonly anchorSha = new Set<string>();
  constructor(ctx: VerifyContext) {
    for (const a of ctx.anchors) this.anchorSha.add(a.certificate.sha256Hex);
    const seen = new Set<string>();
    const add = (cert: CertificateModel): void => {
      if (seen.has(cert.sha256Hex)) return;
      seen.add(cert.sha256Hex);
      const k = normalizeName(cert.subject);
      const e = { cert, anchor: this.anchorSha.has(cert.sha256Hex) };
      const list = this.bySubject.get(k);
      if (list) list.push(e);
      else this.bySubject.set(k, [e]);
    };
    for (const a of ctx.anchors) add(a.certificate);
    for (const c of ctx.untrusted) add(c);
  }
  /** Every pool certificate whose subject matches `cert`'s issuer name (RFC 5280 §7.1), anchors first. */
  byIssuerName(cert: CertificateModel): PoolEntry[] {
    const list = (this.bySubject.get(normalizeName(cert.issuer)) ?? []).filter((e) => namesMatch(e.cert.subject, cert.issuer));
    return [...list.filter((e) => e.anchor), ...list.filter((e) => !e.anchor)];
  }
  isAnchor(cert: CertificateModel): boolean {
    return this.anchorSha.has(cert.sha256Hex);
  }
}

export type PathEnd = 'anchor' | 'no-issuer' | 'loop' | 'too-long' | 'budget';

export interface CandidatePath {
  /** certs[0] is the leaf. */
  readonly certs: readonly CertificateModel[];
  /** signatures[i]: certs[i] checked against certs[i+1]'s key (length certs.length - 1). */
  readonly signatures: readonly SignatureCheck[];
  readonly end: PathEnd;
  /** Candidates dropped because their signature did not verify, with the check (Go's "possibly because of" hint). */
  readonly rejected: readonly { readonly child: CertificateModel; readonly issuer: CertificateModel; readonly check: SignatureCheck }[];
}

export interface SearchOptions {
  /** Issuer candidates of the last certificate of `path`, in the order tried. */
  readonly candidates: (cert: CertificateModel, path: readonly CertificateModel[]) => readonly PoolEntry[];
  /** Whether the path may end at `cert` as its trust anchor. */
  readonly isAnchor: (cert: CertificateModel, path: readonly CertificateModel[]) => boolean;
  /** Drop candidates whose signature is invalid (path builders that backtrack). */
  readonly pruneBadSignatures: boolean;
  /** Maximum certificates on a path, leaf and anchor included. */
  readonly maxCerts: number;
  /** Maximum signature checks over the whole search. */
  readonly maxSignatureChecks?: number;
}

/** Depth-first enumeration of candidate paths; stops as soon as the consumer stops iterating. */
export async function* enumeratePaths(ctx: VerifyContext, leaf: CertificateModel, options: SearchOptions): AsyncGenerator<CandidatePath> {
  let checks = 0;
  const budget = options.maxSignatureChecks ?? 200;
  const rejected: { child: CertificateModel; issuer: CertificateModel; check: SignatureCheck }[] = [];
  async function* walk(certs: CertificateModel[], sigs: SignatureCheck[]): AsyncGenerator<CandidatePath> {
    const top = certs[certs.length - 1];
    if (!top) return;
    if (options.isAnchor(top, certs)) {
      yield { certs: [...certs], signatures: [...sigs], end: 'anchor', rejected: [...rejected] };
      return;
    }
    const all = options.candidates(top, certs);
    if (all.length === 0) {
      yield { certs: [...certs], signatures: [...sigs], end: 'no-issuer', rejected: [...rejected] };
      return;
    }
    const fresh = all.filter((e) => !certs.some((c) => c.sha256Hex === e.cert.sha256Hex));
    if (fresh.length === 0) {
      yield { certs: [...certs], signatures: [...sigs], end: 'loop', rejected: [...rejected] };
      return;
    }
    if (certs.length >= options.maxCerts) {
      yield { certs: [...certs], signatures: [...sigs], end: 'too-long', rejected: [...rejected] };
      return;
    }
    let any = false;
    for (const e of fresh) {
      if (checks >= budget) {
        yield { certs: [...certs], signatures: [...sigs], end: 'budget', rejected: [...rejected] };
        return;
      }
      checks++;
      const sig = await ctx.signature(top, e.cert);
      if (options.pruneBadSignatures && sig.status === 'invalid') {
        rejected.push({ child: top, issuer: e.cert, check: sig });
        continue;
      }
      any = true;
      yield* walk([...certs, e.cert], [...sigs, sig]);
    }
    if (!any) yield { certs: [...certs], signatures: [...sigs], end: 'no-issuer', rejected: [...rejected] };
  }
  yield* walk([leaf], []);
}
