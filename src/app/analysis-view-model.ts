/**
 * Adapts the engine's SessionAnalysis to what the views need: verdicts by overview row, the
 * assessments of one certificate, chain tree tops, names for chain nodes, key matches.
 */
import type { ChainForest } from '@/core/chain/types';
import type { MtlsPairCheck } from '@/core/purpose/mtls';
import { answersLeftForLater, type AnsweredCertificate, type CertificateSummary, type PageInput, type PostedAnalysis, type PostedCertificate, type PostedRoleResult } from '@/worker/protocol';
import type { CertificateLabel } from '@/ui/chain-forest-view';
import type { AnswersProgress } from '@/ui/overview-list';
import { commonNameOf, describeKey } from '@/ui/format';
import { rowKey, type RowVerdicts } from '@/ui/overview-rows';

/**
 * Verifier answers the engine worked out after posting an analysis (the answers it left for later
 * in a big session: worker.ts completeAnswers), as they arrive.
 */
export interface LaterAnswers {
  readonly analysisId: number;
  /**
   * Every certificate answered so far, in arrival order: a list that only grows, shared by each
   * snapshot of the same analysis (src/app/later-answers.ts); this snapshot holds its first `count`.
   */
  readonly answered: readonly AnsweredCertificate[];
  readonly count: number;
  /** Why the engine stopped before answering them all (null while it works, or when it is done). */
  readonly failure: string | null;
}

export interface AnalysisViewModel {
  /** The analysis these come from: a certificate's verifier answers are asked for by it. */
  readonly analysisId: number;
  readonly verdicts: ReadonlyMap<string, RowVerdicts>;
  /** Null when every verifier has answered for every certificate; otherwise how many have their answers yet. */
  readonly answersPending: AnswersProgress | null;
  /** Per role (server, client): verdict, findings and which verifiers refuse. */
  readonly assessmentsOf: (sha256: string) => readonly PostedRoleResult[] | null;
  readonly forest: ChainForest;
  /** Certificates that issued no other loaded certificate: the tops of the chain forest view. */
  readonly tops: readonly string[];
  readonly labelOf: (sha256: string) => CertificateLabel;
  readonly certificateNames: ReadonlyMap<string, string>;
  /** PrivateKeyModel.sha256Hex → SHA-256 of the certificate it matches. */
  readonly keyMatches: ReadonlyMap<string, string>;
  readonly mtls: MtlsPairCheck | null;
  /** No automatic pair, but a server (serverAuth) and a different client (clientAuth) end-entity certificate are loaded: the person may pick them. */
  readonly mtlsPickable: boolean;
}

const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

/** EKU OIDs of an end-entity certificate (none for a CA or without EKU). */
function leafPurposes(c: CertificateSummary): readonly string[] {
  return c.isCa || !c.purposes ? [] : c.purposes.map((p) => p.oid);
}

/** A value worked out on first use, then kept. */
function once<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}

/**
 * A row's verdicts, one object per posted results object: certificates with the same results share
 * one (src/worker/same-values.ts), and a row whose results did not change keeps its object, so
 * its memoised row view is left alone when later answers or a new view model come.
 */
const rowVerdicts = new WeakMap<PostedCertificate['suitability'], RowVerdicts>();
function verdictsOf(suitability: PostedCertificate['suitability']): RowVerdicts {
  let verdict = rowVerdicts.get(suitability);
  if (!verdict) {
    const { tlsServer, tlsClient } = suitability;
    verdict = { tlsServer: tlsServer.verdict, tlsClient: tlsClient.verdict, refusing: { tlsServer: tlsServer.refusing, tlsClient: tlsClient.refusing } };
    rowVerdicts.set(suitability, verdict);
  }
  return verdict;
}

/**
 * Only the verdicts (every overview row needs them) are made at once; names, chain labels, tree
 * tops and the mTLS hint are made when first asked for, in the render of the view that asks. For
 * 10,000 certificates, making everything at once was one unbroken 20–40 ms step of the render.
 * Answers that come later are laid over it by withLaterAnswers, which keeps all of that.
 */
export function adaptAnalysis(analysis: PostedAnalysis, inputs: readonly PageInput[]): AnalysisViewModel {
  const verdicts = new Map<string, RowVerdicts>();
  let waiting = 0;
  for (const c of analysis.certificates) {
    if (answersLeftForLater(c.suitability)) waiting++;
    verdicts.set(rowKey('certificate', c.sha256), verdictsOf(c.suitability));
  }
  const total = analysis.certificates.length;
  const answersPending = waiting > 0 ? { answered: total - waiting, of: total, failure: null } : null;
  const bySha = once(() => new Map(analysis.certificates.map((c) => [c.sha256, c])));
  // The loaded certificates' summaries, with their display names made in the Worker.
  const summaries = once(() => {
    const map = new Map<string, CertificateSummary>();
    for (const input of inputs) for (const c of input.certificates) map.set(c.sha256Hex, c);
    return map;
  });
  const loaded = once(() => new Set(analysis.certificates.map((c) => c.sha256)));
  const names = once(() => {
    const map = new Map<string, string>();
    for (const c of analysis.certificates) map.set(c.sha256, summaries().get(c.sha256)?.title ?? commonNameOf(c.subject));
    for (const a of analysis.anchors) map.set(a.sha256Hex, commonNameOf(a.subject));
    // Certificates of inputs decoded after this analysis started still get names.
    for (const [sha, c] of summaries()) if (!map.has(sha)) map.set(sha, c.title);
    return map;
  });
  // Validity and key of every certificate a chain can show: loaded ones and the anchors paths end at.
  const anchors = once(() => new Map(analysis.anchors.map((a) => [a.sha256Hex, a])));
  const labelOf = (sha: string): CertificateLabel => {
    const model = summaries().get(sha) ?? anchors().get(sha);
    return {
      name: names().get(sha) ?? `${sha.slice(0, 16)}…`,
      loaded: loaded().has(sha),
      ...(model ? { validity: { notBefore: model.notBefore, notAfter: model.notAfter }, key: describeKey(model.publicKey) } : {}),
    };
  };
  const tops = once(() => {
    const issuedSomething = new Set<string>();
    for (const tree of Object.values(analysis.forest.trees)) {
      for (const path of tree.paths) {
        for (let i = 1; i < path.links.length; i++) {
          const link = path.links[i];
          if (link) issuedSomething.add(link.sha256);
        }
      }
    }
    return analysis.certificates.map((c) => c.sha256).filter((sha) => !issuedSomething.has(sha));
  });
  const keyMatches = new Map<string, string>();
  for (const k of analysis.privateKeys) if (k.certificate) keyMatches.set(k.sha256, k.certificate);
  const mtlsPickable = once(() => {
    if (analysis.mtls !== null) return false;
    const leaves = analysis.certificates.flatMap((c) => {
      const summary = summaries().get(c.sha256);
      return summary ? [leafPurposes(summary)] : [];
    });
    // Linear: a client and a server that are two different certificates.
    const servers = leaves.filter((p) => p.includes(SERVER_AUTH));
    const clients = leaves.filter((p) => p.includes(CLIENT_AUTH));
    return servers.length > 0 && clients.length > 0 && (servers.length > 1 || clients.some((c) => c !== servers[0]));
  });

  return {
    analysisId: analysis.id,
    verdicts,
    answersPending,
    assessmentsOf: (sha) => {
      const c = bySha().get(sha);
      return c ? [c.suitability.tlsServer, c.suitability.tlsClient] : null;
    },
    forest: analysis.forest,
    get tops() {
      return tops();
    },
    labelOf,
    get certificateNames() {
      return names();
    },
    keyMatches,
    mtls: analysis.mtls,
    get mtlsPickable() {
      return mtlsPickable();
    },
  };
}

/**
 * A map read through a layer of newer values for some of its keys (never new keys). Made per batch
 * of later answers in O(1): copying 10,000 verdicts per batch was 12–36 ms of one render.
 */
class LayeredMap<V> implements ReadonlyMap<string, V> {
  constructor(
    private readonly base: ReadonlyMap<string, V>,
    private readonly top: ReadonlyMap<string, V>,
  ) {}
  get(key: string): V | undefined {
    return this.top.get(key) ?? this.base.get(key);
  }
  has(key: string): boolean {
    return this.base.has(key);
  }
  get size(): number {
    return this.base.size;
  }
  *entries(): MapIterator<[string, V]> {
    for (const key of this.base.keys()) yield [key, this.get(key) as V];
  }
  keys(): MapIterator<string> {
    return this.base.keys();
  }
  *values(): MapIterator<V> {
    for (const key of this.base.keys()) yield this.get(key) as V;
  }
  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }
  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}

/** What one view model has taken in of its analysis' later answers so far. */
interface Layer {
  applied: number;
  answered: number;
  readonly verdicts: Map<string, RowVerdicts>;
  readonly roles: Map<string, PostedCertificate['suitability']>;
}
const layers = new WeakMap<AnalysisViewModel, Layer>();

/**
 * The view model with the verifier answers that came later (worker.ts completeAnswers) laid over
 * it: their rows' verdicts, their assessments, and how many certificates still wait. Each batch
 * costs what is new in it: the layer of one view model grows as snapshots come (an older snapshot
 * rendered late sees the newer answers too). Everything else is the view model's own, made at most
 * once per analysis however many batches come.
 */
export function withLaterAnswers(view: AnalysisViewModel, later: LaterAnswers | null): AnalysisViewModel {
  const pending = view.answersPending;
  if (!later || later.analysisId !== view.analysisId || !pending) return view;
  let layer = layers.get(view);
  if (!layer) {
    layer = { applied: 0, answered: 0, verdicts: new Map(), roles: new Map() };
    layers.set(view, layer);
  }
  for (; layer.applied < later.count; layer.applied++) {
    const a = later.answered[layer.applied];
    if (!a) break;
    const key = rowKey('certificate', a.sha256);
    if (!view.verdicts.has(key) || layer.roles.has(a.sha256)) continue;
    layer.roles.set(a.sha256, a.suitability);
    layer.verdicts.set(key, verdictsOf(a.suitability));
    if (!answersLeftForLater(a.suitability)) layer.answered++;
  }
  const done = pending.answered + layer.answered;
  const { roles } = layer;
  const base = view;
  return {
    analysisId: base.analysisId,
    verdicts: new LayeredMap(base.verdicts, layer.verdicts),
    answersPending: done < pending.of ? { answered: done, of: pending.of, failure: later.failure } : null,
    assessmentsOf: (sha) => {
      const s = roles.get(sha);
      return s ? [s.tlsServer, s.tlsClient] : base.assessmentsOf(sha);
    },
    forest: base.forest,
    get tops() {
      return base.tops;
    },
    labelOf: base.labelOf,
    get certificateNames() {
      return base.certificateNames;
    },
    keyMatches: base.keyMatches,
    mtls: base.mtls,
    get mtlsPickable() {
      return base.mtlsPickable;
    },
  };
}
