/**
 * x509-limbo harness over the engine (shared/spec/report.md, "Conformance"). The engine sees
 * only what a verifier sees: certificates, the validation time, the peer name and the depth
 * limit. `expected_result` is read only by `scoreLimbo`, after the engine has decided.
 */
import type { DecodedInput } from '../core/model';
import { decodeInput } from '../core/decode-input';
import { analyzeSession } from '../core/session';
import { keyUsages } from '../core/chain/facts';
import { emailMatches } from '../core/purpose/hostname';

export interface LimboPeerName {
  readonly kind: 'DNS' | 'IP' | 'RFC822';
  readonly value: string;
}

/** The fields of a limbo test case that the engine may see. */
export interface LimboCaseInput {
  readonly id: string;
  readonly features?: readonly string[] | null;
  readonly validation_kind: string;
  readonly trusted_certs: readonly string[];
  readonly untrusted_intermediates: readonly string[];
  readonly peer_certificate: string;
  readonly validation_time: string | null;
  readonly signature_algorithms?: readonly string[] | null;
  readonly key_usage?: readonly string[] | null;
  readonly extended_key_usage?: readonly string[] | null;
  readonly expected_peer_name: LimboPeerName | null;
  readonly expected_peer_names?: readonly LimboPeerName[] | null;
  readonly max_chain_depth: number | null;
  /** CRLs (PEM) the verifier is given (later limbo generations). */
  readonly crls?: readonly string[] | null;
}

export interface LimboResult {
  readonly id: string;
  readonly actual_result: 'SUCCESS' | 'FAILURE' | 'SKIPPED';
  readonly context: string | null;
}

export interface LimboResultFile {
  readonly version: 1;
  readonly harness: 'certscope';
  readonly results: readonly LimboResult[];
}

const encoder = new TextEncoder();

/** Suitability failures that are TLS-handshake rules outside limbo's path-validation semantics. */
const NOT_LIMBO_FAILURES: ReadonlySet<string> = new Set(['KU_DIGITAL_SIGNATURE_MISSING']);

async function decodePem(name: string, pem: string): Promise<DecodedInput> {
  return decodeInput({ name, bytes: encoder.encode(pem) });
}

/** Runs one case through the same session analysis the UI and CLI use. */
export async function runLimboCase(tc: LimboCaseInput, now: string): Promise<LimboResult> {
  const skip = (why: string): LimboResult => ({ id: tc.id, actual_result: 'SKIPPED', context: why });
  if (tc.validation_kind !== 'SERVER' && tc.validation_kind !== 'CLIENT') return skip(`validation kind ${tc.validation_kind} is not modelled (only TLS server and client roles)`);
  const role = tc.validation_kind === 'SERVER' ? 'tlsServer' : 'tlsClient';
  const roleEku = role === 'tlsServer' ? 'serverAuth' : 'clientAuth';
  if (tc.expected_peer_names && tc.expected_peer_names.length > 0) return skip('several expected peer names are not modelled');
  if (role === 'tlsServer' && tc.expected_peer_name && tc.expected_peer_name.kind === 'RFC822') return skip('an email peer name for a TLS server is not a TLS role');
  if (role === 'tlsClient' && tc.expected_peer_name && tc.expected_peer_name.kind !== 'RFC822') return skip(`a ${tc.expected_peer_name.kind} peer name for a TLS client is not modelled`);
  if (tc.signature_algorithms && tc.signature_algorithms.length > 0) return skip('signature algorithm allow-lists are not modelled');
  if (tc.extended_key_usage && tc.extended_key_usage.some((e) => e !== roleEku)) return skip(`EKU ${tc.extended_key_usage.join(', ')} is not a modelled role`);

  const peer = await decodePem('peer.pem', tc.peer_certificate);
  const leaf = peer.certificates[0];
  if (!leaf) return { id: tc.id, actual_result: 'FAILURE', context: `peer certificate unreadable: ${peer.errors.map((e) => e.message).join('; ')}` };
  const intermediates = await Promise.all(tc.untrusted_intermediates.map((p, i) => decodePem(`intermediate-${i + 1}.pem`, p)));
  const trusted = await Promise.all(tc.trusted_certs.map((p, i) => decodePem(`trusted-${i + 1}.pem`, p)));
  const crls = await Promise.all((tc.crls ?? []).map((p, i) => decodePem(`crl-${i + 1}.pem`, p)));
  const email = role === 'tlsClient' && tc.expected_peer_name?.kind === 'RFC822' ? tc.expected_peer_name.value : null;
  const analysis = await analyzeSession([peer, ...intermediates, ...crls], {
    at: tc.validation_time ? new Date(tc.validation_time).toISOString() : now,
    host: role === 'tlsServer' ? (tc.expected_peer_name?.value ?? null) : null,
    email,
    verifiers: false,
    trustedRoots: trusted.flatMap((t) => t.certificates),
    builtinRoots: false,
    ...(tc.max_chain_depth !== null ? { maxIntermediates: tc.max_chain_depth } : {}),
  });
  const entry = analysis.certificates.find((c) => c.sha256 === leaf.sha256Hex);
  if (!entry) return { id: tc.id, actual_result: 'FAILURE', context: 'peer missing from the analysis' };
  const assessment = entry.suitability[role];
  // Limbo's SERVER validation is path validation + serverAuth + the peer name; the leaf's keyUsage is
  // a requirement only when the case lists one (`key_usage`, checked below), so the TLS-specific
  // digitalSignature rule is not a limbo failure.
  const reasons: string[] = assessment.findings.filter((f) => f.severity === 'fail' && !NOT_LIMBO_FAILURES.has(f.code)).map((f) => f.code);
  if (!assessment.findings.some((f) => f.code === 'CHAIN_TRUSTED')) reasons.push(`chain ${entry.chain.status}`);
  const path = assessment.pathIndex === null ? undefined : analysis.forest.trees[leaf.sha256Hex]?.paths[assessment.pathIndex];
  for (const l of path?.links ?? []) for (const p of l.profileProblems) reasons.push(p.code);
  if (email !== null && !emailMatches(leaf, email)) reasons.push(`no rfc822Name SAN matches ${email}`);
  if (tc.key_usage && tc.key_usage.length > 0) {
    const ku = keyUsages(leaf);
    const missing = ku ? tc.key_usage.filter((u) => !ku.includes(u as never)) : [];
    if (missing.length > 0) reasons.push(`KU lacks ${missing.join(', ')}`);
  }
  return reasons.length === 0
    ? { id: tc.id, actual_result: 'SUCCESS', context: null }
    : { id: tc.id, actual_result: 'FAILURE', context: [...new Set(reasons)].join(', ') };
}

export async function runLimbo(cases: readonly LimboCaseInput[], options: { include?: RegExp; now?: string } = {}): Promise<LimboResultFile> {
  const now = options.now ?? new Date().toISOString();
  const results: LimboResult[] = [];
  for (const tc of cases) {
    if (options.include && !options.include.test(tc.id)) continue;
    results.push(await runLimboCase(tc, now));
  }
  return { version: 1, harness: 'certscope', results };
}

// ------------------------------------------------------------------------------------------
// Scoring: outside the engine, after the fact.
// ------------------------------------------------------------------------------------------

export interface LimboTally {
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

export interface LimboScore {
  readonly overall: LimboTally;
  readonly byNamespace: Readonly<Record<string, LimboTally>>;
  readonly byFeature: Readonly<Record<string, LimboTally>>;
  /** Ids whose result differs from the expectation. */
  readonly mismatches: readonly { readonly id: string; readonly expected: string; readonly actual: string; readonly context: string | null }[];
}

export function scoreLimbo(results: readonly LimboResult[], expected: readonly { id: string; expected_result: string; features?: readonly string[] | null }[]): LimboScore {
  const byId = new Map(expected.map((e) => [e.id, e]));
  const tallies = new Map<string, { total: number; passed: number; failed: number; skipped: number }>();
  const bump = (key: string, r: LimboResult, ok: boolean): void => {
    const t = tallies.get(key) ?? { total: 0, passed: 0, failed: 0, skipped: 0 };
    t.total++;
    if (r.actual_result === 'SKIPPED') t.skipped++;
    else if (ok) t.passed++;
    else t.failed++;
    tallies.set(key, t);
  };
  const mismatches: { id: string; expected: string; actual: string; context: string | null }[] = [];
  for (const r of results) {
    const e = byId.get(r.id);
    if (!e) continue;
    const ok = r.actual_result === e.expected_result;
    if (!ok && r.actual_result !== 'SKIPPED') mismatches.push({ id: r.id, expected: e.expected_result, actual: r.actual_result, context: r.context });
    bump('overall', r, ok);
    bump(`ns:${r.id.split('::')[0] ?? r.id}`, r, ok);
    for (const f of e.features && e.features.length > 0 ? e.features : ['(none)']) bump(`ft:${f}`, r, ok);
  }
  const pick = (prefix: string): Record<string, LimboTally> =>
    Object.fromEntries([...tallies].filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
  return { overall: tallies.get('overall') ?? { total: 0, passed: 0, failed: 0, skipped: 0 }, byNamespace: pick('ns:'), byFeature: pick('ft:'), mismatches };
}

export function formatScoreTable(score: LimboScore): string {
  const row = (name: string, t: LimboTally): string => {
    const run = t.total - t.skipped;
    const pct = run === 0 ? '   -  ' : `${((100 * t.passed) / run).toFixed(1).padStart(5)}%`;
    return `${name.padEnd(36)} ${String(t.passed).padStart(4)} / ${String(run).padStart(4)}  ${pct}  skipped ${t.skipped}`;
  };
  const lines = ['x509-limbo results (passed / run, skips excluded)', row('overall', score.overall), '', 'by namespace:'];
  for (const [k, v] of Object.entries(score.byNamespace).sort()) lines.push(row(`  ${k}`, v));
  lines.push('', 'by feature:');
  for (const [k, v] of Object.entries(score.byFeature).sort()) lines.push(row(`  ${k}`, v));
  return lines.join('\n');
}
