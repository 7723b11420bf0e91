/**
 * Builds the chain forest: for every certificate of the session, every path up to a trust
 * anchor (or to where it stops), with cross-signed alternatives as separate paths.
 *
 * Issuers are found by name (RFC 5280 §7.1 comparison) and, when both sides carry them, by
 * authority/subject key identifier. Work is bounded (depth, candidate checks, paths per tree)
 * so a hostile bundle of mutually cross-signed CAs cannot hang the worker.
 */
import type { CertificateModel } from '../model';
import { authorityKeyId, subjectKeyId } from './facts';
import { namesMatch, normalizeName } from './names';
import { checkProfile, type PathPosition } from './profile';
import { SignatureCache } from './signature';
import type { AnchorKind, ChainForest, ChainLink, ChainPath, ChainTree, SignatureCheck } from './types';

export interface TrustAnchor {
  readonly certificate: CertificateModel;
  readonly kind: 'builtin' | 'session-trusted';
}

export interface BuildOptions {
  readonly anchors: readonly TrustAnchor[];
  /** Maximum certificates in one path, the certificate itself included (default 10). */
  readonly maxDepth?: number;
  /**
   * Maximum intermediates in one path, counted as RFC 5280 §6.1.4 (l) counts them: self-issued
   * intermediates (subject = issuer) are not counted. Unbounded when absent.
   */
  readonly maxIntermediates?: number;
  /** Maximum candidate-issuer checks over the whole forest (default 10,000). */
  readonly maxCandidateChecks?: number;
  /** Maximum paths kept per certificate (default 32). */
  readonly maxPathsPerCertificate?: number;
  readonly signatures?: SignatureCache;
}

export const DEFAULT_MAX_DEPTH = 10;
export const DEFAULT_MAX_CANDIDATE_CHECKS = 10_000;

const NOT_CHECKED: SignatureCheck = { status: 'not-checked', detail: null };

interface Pending {
  readonly certs: readonly CertificateModel[];
  /** signatures[i] = check of certs[i] by certs[i+1]. */
  readonly signatures: readonly SignatureCheck[];
}

export async function buildChainForest(certificates: readonly CertificateModel[], options: BuildOptions): Promise<ChainForest> {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxChecks = options.maxCandidateChecks ?? DEFAULT_MAX_CANDIDATE_CHECKS;
  const maxPaths = options.maxPathsPerCertificate ?? 32;
  const signatures = options.signatures ?? new SignatureCache();

  const pool = new Map<string, CertificateModel>();
  const anchorKind = new Map<string, 'builtin' | 'session-trusted'>();
  for (const a of options.anchors) {
    pool.set(a.certificate.sha256Hex, a.certificate);
    if (!anchorKind.has(a.certificate.sha256Hex) || a.kind === 'builtin') anchorKind.set(a.certificate.sha256Hex, a.kind);
  }
  for (const c of certificates) if (!pool.has(c.sha256Hex)) pool.set(c.sha256Hex, c);
  const bySubject = new Map<string, CertificateModel[]>();
  for (const c of pool.values()) {
    const k = normalizeName(c.subject);
    const list = bySubject.get(k);
    if (list) list.push(c);
    else bySubject.set(k, [c]);
  }

  let checks = 0;
  let limited = false;
  const selfSignatures = new Map<string, SignatureCheck>();

  async function selfCheck(c: CertificateModel): Promise<SignatureCheck | null> {
    if (!namesMatch(c.subject, c.issuer)) return null;
    const known = selfSignatures.get(c.sha256Hex);
    if (known) return known;
    const s = await signatures.check(c, c);
    selfSignatures.set(c.sha256Hex, s);
    return s;
  }

  function candidatesFor(c: CertificateModel): CertificateModel[] {
    const list = bySubject.get(normalizeName(c.issuer)) ?? [];
    const aki = authorityKeyId(c);
    const out = list.filter((p) => {
      if (p.sha256Hex === c.sha256Hex) return false;
      const ski = subjectKeyId(p);
      return !(aki && ski && aki !== ski);
    });
    // Trust anchors first, then the rest in a stable order.
    return out.sort((a, b) => Number(anchorKind.has(b.sha256Hex)) - Number(anchorKind.has(a.sha256Hex)) || a.sha256Hex.localeCompare(b.sha256Hex));
  }

  function finish(p: Pending, last: SignatureCheck, anchor: AnchorKind, end: ChainPath['end'], note: string | null): ChainPath {
    const links: ChainLink[] = p.certs.map((c, i) => {
      const isLast = i === p.certs.length - 1;
      const position: PathPosition = i === 0 ? 'leaf' : isLast && anchor !== 'none' ? 'anchor' : 'intermediate';
      const selfSigned = selfSignatures.get(c.sha256Hex)?.status === 'valid';
      return {
        sha256: c.sha256Hex,
        signature: isLast ? last : (p.signatures[i] ?? NOT_CHECKED),
        profileProblems: checkProfile(c, position, selfSigned),
      };
    });
    const tail = p.certs[p.certs.length - 1];
    const missingIssuer =
      end === 'missing-issuer' && tail ? { issuerName: tail.issuer.rfc4514, authorityKeyIdHex: authorityKeyId(tail) } : null;
    return { links, anchor, end, missingIssuer, note };
  }

  async function walk(p: Pending, out: ChainPath[]): Promise<void> {
    if (out.length >= maxPaths) return;
    const current = p.certs[p.certs.length - 1];
    if (!current) return;
    const kind = anchorKind.get(current.sha256Hex);
    if (kind) {
      await selfCheck(current);
      out.push(finish(p, NOT_CHECKED, kind, 'anchor', null));
      return;
    }
    const self = await selfCheck(current);
    if (self && self.status !== 'invalid') {
      out.push(finish(p, self, 'private-root', 'self-signed', null));
      return;
    }
    if (options.maxIntermediates !== undefined && p.certs.length > 1) {
      const counted = p.certs.slice(1).filter((c) => !namesMatch(c.subject, c.issuer)).length;
      if (counted > options.maxIntermediates) {
        out.push(finish(p, NOT_CHECKED, 'none', 'limit', `more than ${options.maxIntermediates} intermediate${options.maxIntermediates === 1 ? '' : 's'}`));
        return;
      }
    }
    if (p.certs.length >= maxDepth) {
      out.push(finish(p, NOT_CHECKED, 'none', 'limit', `stopped after ${maxDepth} certificates`));
      return;
    }
    const candidates = candidatesFor(current);
    const fresh = candidates.filter((c) => !p.certs.some((q) => q.sha256Hex === c.sha256Hex));
    if (candidates.length === 0) {
      out.push(finish(p, self ?? NOT_CHECKED, 'none', 'missing-issuer', null));
      return;
    }
    if (fresh.length === 0) {
      out.push(finish(p, NOT_CHECKED, 'none', 'loop', 'every candidate issuer is already on the path (a loop)'));
      return;
    }
    const checked: { issuer: CertificateModel; sig: SignatureCheck }[] = [];
    for (const issuer of fresh) {
      if (checks >= maxChecks) {
        limited = true;
        break;
      }
      checks++;
      checked.push({ issuer, sig: await signatures.check(current, issuer) });
    }
    if (checked.length === 0) {
      out.push(finish(p, NOT_CHECKED, 'none', 'limit', `stopped after ${maxChecks} candidate checks`));
      return;
    }
    const good = checked.filter((c) => c.sig.status !== 'invalid');
    for (const { issuer, sig } of good.length > 0 ? good : checked) {
      await walk({ certs: [...p.certs, issuer], signatures: [...p.signatures, sig] }, out);
      if (out.length >= maxPaths) break;
    }
  }

  const trees: Record<string, ChainTree> = {};
  for (const c of certificates) {
    if (trees[c.sha256Hex]) continue;
    const paths: ChainPath[] = [];
    await walk({ certs: [c], signatures: [] }, paths);
    trees[c.sha256Hex] = { sha256: c.sha256Hex, paths };
  }
  return { trees, limited, candidateChecks: checks };
}
