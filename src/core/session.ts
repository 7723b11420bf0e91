/**
 * The single entry the Worker, the UI and the CLI use: from decoded inputs to a full, plain
 * analysis (dedup, chain forest, per-certificate status, suitability per role, key matches,
 * revocation, mTLS pair check).
 */
import type { CertificateModel, CoreError, CrlModel, CsrModel, DecodedInput, InputFormat, InputNote, Pkcs12Compatibility, Pkcs12Weakness, PrivateKeyModel } from './model';
import { buildChainForest, type TrustAnchor } from './chain/build';
import { SignatureCache } from './chain/signature';
import { namesMatch, normalizeName } from './chain/names';
import { isCa } from './chain/facts';
import type { ChainForest, ChainPath, SignatureCheck } from './chain/types';
import { assessSuitability, type PrivateKeyState } from './purpose/assess';
import { checkRevocation, type RevocationStatus } from './purpose/revocation';
import type { RoleAssessment } from './purpose/types';
import { pickMtlsPair, type MtlsPairCheck } from './purpose/mtls';
import { loadBuiltinRoots } from './roots/index';
import type { RoleVerifiers, VerifierId, VerifySessionInput } from './verify/index';
import { asIssuerAnswer, judgedAsCa, verdictFromVerifiers } from './verify/verdict';
import { findingsWithVerifierSites } from './verify/breaks';
import { SharedRuns } from './verify/shared';
import type { RootStoreSource } from './roots/mozilla-roots.generated';

export type ChainStatus = 'trusted' | 'private-root' | 'incomplete' | 'invalid';

export interface SessionOptions {
  /** Evaluation time, ISO-8601. */
  readonly at: string;
  readonly host: string | null;
  /** Extra trusted roots (CLI --trust, the limbo harness). */
  readonly trustedRoots?: readonly CertificateModel[];
  /** Use the built-in Mozilla roots (default true). */
  readonly builtinRoots?: boolean;
  /** SHA-256 of session certificates the person marked trusted. */
  readonly sessionTrustedSha256?: readonly string[];
  /** Maximum certificates in one path (default 10). */
  readonly maxChainLength?: number;
  /** Maximum intermediates in one path, self-issued ones not counted (RFC 5280 §6.1.4 (l)); unbounded by default. */
  readonly maxIntermediates?: number;
  /** Client role: an email identity to check against the certificate (RFC 822). */
  readonly email?: string | null;
  /** Compute per-verifier answers (default true). */
  readonly verifiers?: boolean;
  /**
   * Answer every verifier now for at most this many certificates (in session order); the others'
   * answers are computed when asked for (`analyzeSessionLazily().answersFor`). Unbounded by default.
   */
  readonly verifierLimit?: number;
}

/** One role's assessment with each verifier's answer (suitability.md, "Verdicts per verifier"). */
export interface RoleResult extends RoleAssessment {
  readonly verifiers: RoleVerifiers;
  /** True when the answers were not computed with the session (a large session): ask for them per certificate. */
  readonly verifiersDeferred?: boolean;
  /** True when the certificate is judged as a CA: the answers say whether leaves it issues can be accepted for the role. */
  readonly asCa: boolean;
}

export interface SessionInputSummary {
  readonly name: string;
  readonly sha256: string;
  readonly format: InputFormat | null;
  readonly errors: readonly CoreError[];
  /** Notes that do not fail the input (e.g. a PEM block with a label nothing reads). */
  readonly notes?: readonly InputNote[];
  /** The certificate requests of this input (CSRs take no part in chains; the report lists them). */
  readonly csrs?: readonly CsrModel[];
  /** PKCS#12 weaknesses of this input (MAC, safes, bags), when it is a PKCS#12 file. */
  readonly pkcs12Weaknesses?: readonly Pkcs12Weakness[];
  /** PKCS#12 only: which importers take it (core/pkcs12/compat.ts). */
  readonly pkcs12Compatibility?: Pkcs12Compatibility;
}

export interface SessionCertificate {
  readonly sha256: string;
  readonly certificate: CertificateModel;
  /** Names of the inputs it came from (empty for built-in roots shown because a path uses them). */
  readonly sources: readonly string[];
  readonly selfSigned: boolean;
  readonly trust: 'builtin' | 'session-trusted' | null;
  readonly chain: {
    readonly status: ChainStatus;
    /** Index into forest.trees[sha256].paths of the path shown; null when none. */
    readonly pathIndex: number | null;
    /** SHA-256s from this certificate up. */
    readonly path: readonly string[];
  };
  readonly privateKey: PrivateKeyState;
  /** PrivateKeyModel.sha256Hex of the matching key. */
  readonly privateKeySha256: string | null;
  readonly revocation: RevocationStatus;
  readonly suitability: { readonly tlsServer: RoleResult; readonly tlsClient: RoleResult };
}

export interface SessionPrivateKey {
  readonly sha256: string;
  readonly key: PrivateKeyModel;
  readonly sources: readonly string[];
  /** SHA-256 of the matching certificate, or null. */
  readonly certificate: string | null;
}

export interface SessionCrl {
  readonly sha256: string;
  readonly crl: CrlModel;
  readonly sources: readonly string[];
  /** Issuer certificate whose key verified the CRL, or null. */
  readonly issuer: string | null;
  readonly signature: SignatureCheck;
}

export interface SessionAnalysis {
  readonly evaluatedAt: string;
  readonly host: string | null;
  readonly inputs: readonly SessionInputSummary[];
  /** Session certificates (deduplicated), in first-seen order. */
  readonly certificates: readonly SessionCertificate[];
  /** Trust anchors that some path ends at but that were not loaded (built-in or --trust roots), for display. */
  readonly anchors: readonly CertificateModel[];
  readonly privateKeys: readonly SessionPrivateKey[];
  readonly crls: readonly SessionCrl[];
  readonly forest: ChainForest;
  /** Present when the session holds a server and a client certificate that are plausibly a pair (purpose/mtls.ts pickMtlsPair). */
  readonly mtls: MtlsPairCheck | null;
  readonly rootStore: RootStoreSource | null;
}

let verifiersModule: Promise<typeof import('./verify/index')> | null = null;
function loadVerifiers(): Promise<typeof import('./verify/index')> {
  verifiersModule ??= import('./verify/index');
  return verifiersModule;
}

export function chainStatusOf(path: ChainPath | undefined): ChainStatus {
  if (!path) return 'incomplete';
  if (path.links.some((l) => l.signature.status === 'invalid')) return 'invalid';
  const sound = path.links.every((l) => l.signature.status !== 'unsupported');
  if ((path.anchor === 'builtin' || path.anchor === 'session-trusted') && sound) return 'trusted';
  if (path.anchor === 'private-root') return 'private-root';
  return 'incomplete';
}

const STATUS_RANK: Record<ChainStatus, number> = { trusted: 0, 'private-root': 1, incomplete: 2, invalid: 3 };

/**
 * What the per-verifier answers need from one analysis. peerView and roleResult are module-level
 * functions over it, not closures made per analysis: V8 keeps a closure's optimised code only while
 * a closure of it lives, so closures made anew each analysis were compiled again after every full
 * collection (in the bench, before every run), and compiling these two (with what they inline) took
 * more processor time than the verifiers' answers themselves.
 */
interface VerifierScope {
  readonly options: SessionOptions;
  readonly verifyInput: VerifySessionInput;
  readonly bySubject: ReadonlyMap<string, readonly CertificateModel[]>;
  readonly anchors: readonly TrustAnchor[];
  readonly anchorShas: ReadonlySet<string>;
  readonly order: ReadonlyMap<string, number>;
  /** Self-signed roots that were loaded but are not trusted. */
  readonly privateRoots: readonly CertificateModel[];
  /** The inputs of the certificate asked last: its two roles are asked one after the other with the same ones. */
  last: CertRuns | null;
}

/**
 * What the verifiers are handed for one certificate, the same in both roles (the role only picks
 * the host in verifyContext). Both roles get the very same input objects, each with its own
 * SharedRuns, so the models do their role-independent work once per input instead of per role.
 */
interface CertRuns {
  readonly cert: CertificateModel;
  readonly input: VerifySessionInput;
  /** Private roots a refusal is answered again with (none for a CA: its own are anchors already). */
  readonly privateRoots: readonly CertificateModel[];
  /** input with the private roots trusted too, made when a refusal first asks for it. */
  trusted: VerifySessionInput | null;
}

function certRuns(scope: VerifierScope, cert: CertificateModel, asCa: boolean): CertRuns {
  if (scope.last?.cert === cert) return scope.last;
  const { verifyInput } = scope;
  const view = peerView(scope, cert);
  // A CA is asked which roles it can issue for, with its own hierarchy trusted: its private root (if loaded) is an anchor, in one run.
  const caAnchors = asCa ? view.privateRoots.map((certificate) => ({ certificate, kind: 'session-trusted' as const })) : [];
  const input = verifierInput(verifyInput, asCa ? null : verifyInput.host, asCa ? null : verifyInput.email, view.untrusted, [...view.anchors, ...caAnchors]);
  const runs: CertRuns = { cert, input, privateRoots: asCa ? [] : view.privateRoots, trusted: null };
  scope.last = runs;
  return runs;
}

function trustedInput(runs: CertRuns): VerifySessionInput {
  const { input } = runs;
  runs.trusted ??= verifierInput(input, input.host, input.email, input.untrusted, [...input.anchors, ...runs.privateRoots.map((certificate) => ({ certificate, kind: 'session-trusted' as const }))]);
  return runs.trusted;
}

/**
 * A verifier input from `base` with these peer-dependent parts and its own SharedRuns. One literal
 * with every key (no spreads): one hidden class for every input.
 */
function verifierInput(base: VerifySessionInput, host: VerifySessionInput['host'], email: VerifySessionInput['email'], untrusted: VerifySessionInput['untrusted'], anchors: VerifySessionInput['anchors']): VerifySessionInput {
  return {
    at: base.at,
    host,
    email,
    untrusted,
    anchors,
    crls: base.crls,
    maxIntermediates: base.maxIntermediates,
    signature: base.signature,
    shared: new SharedRuns(),
  };
}

/** What a peer would send and trust for one certificate (see analyzeSessionLazily). */
function peerView(scope: VerifierScope, cert: CertificateModel): { untrusted: CertificateModel[]; anchors: readonly TrustAnchor[]; privateRoots: CertificateModel[] } {
  const { bySubject, anchors, anchorShas, order, privateRoots } = scope;
  const seen = new Map<string, CertificateModel>([[cert.sha256Hex, cert]]);
  const queue = [cert];
  while (queue.length > 0 && seen.size < 64) {
    const c = queue.shift() as CertificateModel;
    for (const issuer of bySubject.get(normalizeName(c.issuer)) ?? []) {
      if (seen.has(issuer.sha256Hex)) continue;
      seen.set(issuer.sha256Hex, issuer);
      queue.push(issuer);
    }
  }
  const reach = [...seen.values()];
  const near = anchors.filter((a) => seen.has(a.certificate.sha256Hex));
  return {
    // Session certificates in first-seen order (the order a bundle sends them), the certificate itself first.
    untrusted: [cert, ...reach.filter((c) => c !== cert && order.has(c.sha256Hex) && !anchorShas.has(c.sha256Hex)).sort((a, b) => (order.get(a.sha256Hex) ?? 0) - (order.get(b.sha256Hex) ?? 0))],
    // Anchors no path can reach are irrelevant to a verifier, but an empty trust store is not (Java refuses one): keep one.
    anchors: near.length > 0 || anchors.length === 0 ? near : anchors.slice(0, 1),
    privateRoots: privateRoots.filter((r) => reach.includes(r)),
  };
}

async function roleResult(scope: VerifierScope, cert: CertificateModel, assessment: RoleAssessment, defer = false): Promise<RoleResult> {
  const { options } = scope;
  const asCa = judgedAsCa(cert);
  // Literals with RoleAssessment's keys in its order, not spreads: copying through a spread cost
  // more than the rest of this function, and the JSON keeps the same key order.
  if (options.verifiers === false) return { role: assessment.role, verdict: assessment.verdict, findings: assessment.findings, pathIndex: assessment.pathIndex, verifiers: {}, asCa };
  if (defer) return { role: assessment.role, verdict: assessment.verdict, findings: assessment.findings, pathIndex: assessment.pathIndex, verifiers: {}, asCa, verifiersDeferred: true };
  const runs = certRuns(scope, cert, asCa);
  const { input, privateRoots } = runs;
  // The verifier models load on the first analysis that needs them, not with the engine: decoding starts sooner.
  const { runVerifiers } = await loadVerifiers();
  const raw = await runVerifiers(cert, assessment.role, input);
  const refused: VerifierId[] = [];
  for (const id in raw) if (raw[id as VerifierId]?.accepts === false) refused.push(id as VerifierId);
  const trustedRaw = refused.length > 0 && privateRoots.length > 0 ? await runVerifiers(cert, assessment.role, trustedInput(runs), refused) : {};
  const verifiers: Partial<Record<VerifierId, NonNullable<RoleVerifiers[VerifierId]>>> = {};
  // for-in gives the models' order, as Object.entries did, without the pair arrays.
  for (const key in raw) {
    const id = key as VerifierId;
    const a0 = raw[id] as NonNullable<RoleVerifiers[VerifierId]>;
    let a = asCa ? asIssuerAnswer(id, cert, assessment.role, a0) : a0;
    const t0 = trustedRaw[id];
    const t = t0 && asCa ? asIssuerAnswer(id, cert, assessment.role, t0) : t0;
    // The private root the trusted answer's path ends at (models that stop early report no path: then the nearest one).
    const root = t ? ((t.path ? privateRoots.find((r) => t.path?.[t.path.length - 1] === r.sha256Hex) : undefined) ?? privateRoots[0]) : undefined;
    if (!a.accepts && t && root && (t.accepts || t.error !== a.error)) {
      // Every model's answer is this literal's five keys in this order (no spread: see above).
      const codes = a.codes.includes('CHAIN_PRIVATE_ROOT') ? a.codes : (['CHAIN_PRIVATE_ROOT', ...a.codes.filter((c) => c !== 'CHAIN_ISSUER_NOT_FOUND')] as const);
      a = { accepts: a.accepts, error: a.error, codes, fix: a.fix, path: a.path, ifRootTrusted: { privateRoot: root.sha256Hex, answer: t } };
    }
    verifiers[id] = a;
  }
  const findings = findingsWithVerifierSites(assessment.findings, assessment.role, verifiers, asCa ? null : options.host);
  return { role: assessment.role, verdict: verdictFromVerifiers(findings, verifiers), findings, pathIndex: assessment.pathIndex, verifiers, asCa };
}

export async function analyzeSession(inputs: readonly DecodedInput[], options: SessionOptions): Promise<SessionAnalysis> {
  return (await analyzeSessionLazily(inputs, options)).analysis;
}

export interface LazySessionAnalysis {
  readonly analysis: SessionAnalysis;
  /** Both roles of one certificate with every verifier's answer (computed now when the analysis deferred them). */
  answersFor(sha256: string): Promise<{ readonly tlsServer: RoleResult; readonly tlsClient: RoleResult } | null>;
}

/** analyzeSession, keeping what it needs to answer deferred verifier questions later (the Worker holds it). */
export async function analyzeSessionLazily(inputs: readonly DecodedInput[], options: SessionOptions): Promise<LazySessionAnalysis> {
  // Deduplicate certificates, keys and CRLs by SHA-256, keeping every source.
  const certs = new Map<string, { cert: CertificateModel; sources: string[] }>();
  const keys = new Map<string, { key: PrivateKeyModel; sources: string[] }>();
  const crls = new Map<string, { crl: CrlModel; sources: string[] }>();
  const addSource = (list: string[], name: string): void => {
    if (!list.includes(name)) list.push(name);
  };
  for (const input of inputs) {
    for (const c of input.certificates) {
      const e = certs.get(c.sha256Hex);
      if (e) addSource(e.sources, input.name);
      else certs.set(c.sha256Hex, { cert: c, sources: [input.name] });
    }
    for (const k of input.privateKeys) {
      // One row per distinct key: the same key in two encodings (PKCS#8 in a .p12, PKCS#1 in a .key) has one public key.
      const id = k.publicSpkiSha256Hex !== null ? `spki:${k.publicSpkiSha256Hex}` : k.sha256Hex;
      const e = keys.get(id);
      if (e) addSource(e.sources, input.name);
      else keys.set(id, { key: k, sources: [input.name] });
    }
    for (const c of input.crls) {
      const e = crls.get(c.sha256Hex);
      if (e) addSource(e.sources, input.name);
      else crls.set(c.sha256Hex, { crl: c, sources: [input.name] });
    }
  }

  // Trust anchors.
  const anchors: TrustAnchor[] = [];
  let rootStore: RootStoreSource | null = null;
  if (options.builtinRoots !== false) {
    const roots = await loadBuiltinRoots();
    rootStore = roots.source;
    for (const r of roots.certificates) anchors.push({ certificate: r, kind: 'builtin' });
  }
  for (const r of options.trustedRoots ?? []) anchors.push({ certificate: r, kind: 'session-trusted' });
  for (const sha of options.sessionTrustedSha256 ?? []) {
    const c = certs.get(sha);
    if (c) anchors.push({ certificate: c.cert, kind: 'session-trusted' });
  }
  const anchorKind = new Map<string, 'builtin' | 'session-trusted'>();
  for (const a of anchors) if (!anchorKind.has(a.certificate.sha256Hex) || a.kind === 'builtin') anchorKind.set(a.certificate.sha256Hex, a.kind);

  const signatures = new SignatureCache();
  const sessionCerts = [...certs.values()].map((e) => e.cert);
  const forest = await buildChainForest(sessionCerts, { anchors, signatures, ...(options.maxChainLength ? { maxDepth: options.maxChainLength } : {}), ...(options.maxIntermediates !== undefined ? { maxIntermediates: options.maxIntermediates } : {}) });

  const all = new Map<string, CertificateModel>();
  for (const a of anchors) all.set(a.certificate.sha256Hex, a.certificate);
  for (const c of sessionCerts) all.set(c.sha256Hex, c);
  const lookup = (sha: string): CertificateModel | undefined => all.get(sha);

  // Private keys: match by public key; "mismatch" only for a certificate that arrived with keys none of which match.
  const keyBySpki = new Map<string, string>();
  for (const { key } of keys.values()) if (key.publicSpkiSha256Hex) keyBySpki.set(key.publicSpkiSha256Hex, key.sha256Hex);
  const mismatched = new Set<string>();
  for (const input of inputs) {
    if (input.privateKeys.length === 0 || input.certificates.length === 0) continue;
    const anyMatch = input.certificates.some((c) => input.privateKeys.some((k) => k.publicSpkiSha256Hex === c.publicKey.spkiSha256Hex));
    if (anyMatch) continue;
    const leaves = input.certificates.filter((c) => !isCa(c));
    for (const c of leaves.length > 0 ? leaves : input.certificates.slice(0, 1)) mismatched.add(c.sha256Hex);
  }

  const crlList = [...crls.values()].map((e) => e.crl);
  // Issuer candidates by normalised subject: a scan of every certificate per certificate made
  // a 10,000-certificate session quadratic (minutes); the index makes it linear.
  const bySubject = new Map<string, CertificateModel[]>();
  for (const c of all.values()) {
    const key = normalizeName(c.subject);
    const list = bySubject.get(key);
    if (list) list.push(c);
    else bySubject.set(key, [c]);
  }
  const verifyInput: VerifySessionInput = {
    at: options.at,
    host: options.host,
    email: options.email ?? null,
    untrusted: sessionCerts,
    anchors,
    crls: crlList,
    maxIntermediates: options.maxIntermediates ?? null,
    signature: (s, i) => signatures.check(s, i),
  };
  // Self-signed roots that were loaded but are not trusted: a refusal because of one is answered again as if the peer trusted it.
  const privateRoots: CertificateModel[] = [];
  for (const c of sessionCerts) if (!anchorKind.has(c.sha256Hex) && namesMatch(c.subject, c.issuer) && (await signatures.check(c, c)).status === 'valid') privateRoots.push(c);
  // What a peer would send and trust for one certificate: the certificates reachable from it by issuer
  // name (the session may hold thousands of unrelated ones; a verifier only ever looks issuers up by name).
  const scope: VerifierScope = {
    options,
    verifyInput,
    bySubject,
    anchors,
    anchorShas: new Set(anchors.map((a) => a.certificate.sha256Hex)),
    order: new Map(sessionCerts.map((c, i) => [c.sha256Hex, i])),
    privateRoots,
    last: null,
  };
  const revocations = new Map<string, RevocationStatus>();
  for (const { cert } of certs.values()) {
    const issuers = (bySubject.get(normalizeName(cert.issuer)) ?? []).filter((c) => c.sha256Hex !== cert.sha256Hex);
    revocations.set(cert.sha256Hex, await checkRevocation(cert, issuers, crlList, signatures));
  }
  const revocationOf = (sha: string): RevocationStatus | undefined => revocations.get(sha);
  const verifierLimit = options.verifierLimit ?? Number.POSITIVE_INFINITY;
  const certificates: SessionCertificate[] = [];
  for (const { cert, sources } of certs.values()) {
    const paths = forest.trees[cert.sha256Hex]?.paths ?? [];
    let pathIndex: number | null = null;
    paths.forEach((p, i) => {
      const best = pathIndex === null ? undefined : paths[pathIndex];
      if (pathIndex === null || STATUS_RANK[chainStatusOf(p)] < STATUS_RANK[chainStatusOf(best)]) pathIndex = i;
    });
    const bestPath = pathIndex === null ? undefined : paths[pathIndex];
    const keySha = keyBySpki.get(cert.publicKey.spkiSha256Hex) ?? null;
    const privateKey: PrivateKeyState = keySha ? 'matches' : mismatched.has(cert.sha256Hex) ? 'mismatch' : 'absent';
    const revocation = revocations.get(cert.sha256Hex) ?? { state: 'not-checked', crlUrls: [], ocspUrls: [], note: null };
    const base = { certificate: cert, at: options.at, host: options.host, paths, lookup, revocation, privateKey, revocationOf };
    const selfSigned = namesMatch(cert.subject, cert.issuer) && (await signatures.check(cert, cert)).status === 'valid';
    certificates.push({
      sha256: cert.sha256Hex,
      certificate: cert,
      sources,
      selfSigned,
      trust: anchorKind.get(cert.sha256Hex) ?? null,
      chain: { status: chainStatusOf(bestPath), pathIndex, path: bestPath ? bestPath.links.map((l) => l.sha256) : [cert.sha256Hex] },
      privateKey,
      privateKeySha256: keySha,
      revocation,
      suitability: {
        tlsServer: await roleResult(scope, cert, assessSuitability({ ...base, role: 'tlsServer', asCa: judgedAsCa(cert) }), certificates.length >= verifierLimit),
        tlsClient: await roleResult(scope, cert, assessSuitability({ ...base, role: 'tlsClient', asCa: judgedAsCa(cert) }), certificates.length >= verifierLimit),
      },
    });
  }

  const usedAnchors = new Set<string>();
  for (const t of Object.values(forest.trees)) for (const p of t.paths) for (const l of p.links) if (!certs.has(l.sha256)) usedAnchors.add(l.sha256);

  const sessionCrls: SessionCrl[] = [];
  for (const { crl, sources } of crls.values()) {
    let issuer: string | null = null;
    let signature: SignatureCheck = { status: 'not-checked', detail: 'no loaded certificate has the CRL issuer as its subject' };
    for (const c of all.values()) {
      if (!namesMatch(c.subject, crl.issuer)) continue;
      signature = await signatures.check(crl, c);
      if (signature.status === 'valid') {
        issuer = c.sha256Hex;
        break;
      }
    }
    sessionCrls.push({ sha256: crl.sha256Hex, crl, sources, issuer, signature });
  }

  const privateKeys: SessionPrivateKey[] = [...keys.values()].map(({ key, sources }) => ({
    sha256: key.sha256Hex,
    key,
    sources,
    certificate: key.publicSpkiSha256Hex ? (sessionCerts.find((c) => c.publicKey.spkiSha256Hex === key.publicSpkiSha256Hex)?.sha256Hex ?? null) : null,
  }));

  const analysis: Omit<SessionAnalysis, 'mtls'> = {
    evaluatedAt: options.at,
    host: options.host,
    inputs: inputs.map((i) => ({ name: i.name, sha256: i.sha256Hex, format: i.format, errors: i.errors, ...(i.notes ? { notes: i.notes } : {}), csrs: i.csrs, ...(i.pkcs12?.weaknesses ? { pkcs12Weaknesses: i.pkcs12.weaknesses } : {}), ...(i.pkcs12Compatibility ? { pkcs12Compatibility: i.pkcs12Compatibility } : {}) })),
    certificates,
    anchors: [...usedAnchors].map((s) => all.get(s)).filter((c): c is CertificateModel => c !== undefined),
    privateKeys,
    crls: sessionCrls,
    forest,
    rootStore,
  };
  const full: SessionAnalysis = { ...analysis, mtls: pickMtlsPair(analysis) };
  // Each certificate's answers are worked out once: the detail view and the Worker's background sweep (worker.ts completeAnswers) may both ask.
  let bySha: Map<string, SessionCertificate> | null = null;
  const answered = new Map<string, Promise<{ tlsServer: RoleResult; tlsClient: RoleResult }>>();
  const answersFor = (sha256: string): Promise<{ tlsServer: RoleResult; tlsClient: RoleResult } | null> => {
    bySha ??= new Map(certificates.map((c) => [c.sha256, c]));
    const entry = bySha.get(sha256);
    if (!entry) return Promise.resolve(null);
    let answer = answered.get(sha256);
    if (!answer) {
      answer = answerBoth(entry);
      answered.set(sha256, answer);
    }
    return answer;
  };
  const answerBoth = async (entry: SessionCertificate): Promise<{ tlsServer: RoleResult; tlsClient: RoleResult }> => {
    const again = async (r: RoleResult): Promise<RoleResult> => {
      if (!r.verifiersDeferred) return r;
      const { verifiersDeferred: _d, verifiers: _v, asCa: _a, ...assessment } = r;
      void _d;
      void _v;
      void _a;
      return roleResult(scope, entry.certificate, assessment);
    };
    return { tlsServer: await again(entry.suitability.tlsServer), tlsClient: await again(entry.suitability.tlsClient) };
  };
  return { analysis: full, answersFor };
}
