/**
 * `npm run lab`: every lab case through the real verifiers and through the engine's models,
 * and the agreement table per verifier. The real verifier is the oracle; a deliberate difference
 * is listed in lab/known-differences.json with its reason.
 *
 *   npm run lab -- [--verifiers go,java] [--only fixtures|limbo] [--filter REGEX] [--json FILE] [--no-cache] [--show N]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VerifierId } from '../../src/core/verify/types';
import { engineAnswer, type LabCase, type LabResult } from './engine';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const LIMBO_FILE = path.resolve(root, '../shared/corpus/x509-limbo/limbo-2023-12-02.json');
const CACHE = path.join(root, 'lab/.build/real-cache.json');

/** Which engine model a real verifier's result is compared with, and whether the error text is comparable. */
export const ENGINE_FOR: Record<string, { engine: VerifierId; compareError: boolean }> = {
  openssl: { engine: 'openssl', compareError: true },
  'openssl-handshake': { engine: 'openssl', compareError: true },
  curl: { engine: 'openssl', compareError: false },
  go: { engine: 'go', compareError: true },
  java: { engine: 'java', compareError: true },
  webpki: { engine: 'webpki', compareError: true },
  chrome: { engine: 'chrome', compareError: true },
};

/** A case of a fixture set's cases.json (test/fixtures/verifier-malformed/make.ts writes one). */
export interface FixtureCase {
  id: string;
  role: 'server' | 'client';
  leaf: string;
  key?: string;
  intermediates: string[];
  roots: string[];
  crls: string[];
  at: string;
  host: LabCase['host'];
  maxDepth?: number | null;
  aia?: { url: string; file: string }[];
}

/** Fixture case sets: the shared verifier fixtures and the cases each model's author added (paths or inline PEM). */
const FIXTURE_SETS: readonly { readonly file: string; readonly prefix: string }[] = [
  { file: 'test/fixtures/verifier/cases.json', prefix: 'fixture' },
  { file: 'test/fixtures/verifier-openssl/cases.json', prefix: 'fixture-openssl' },
  { file: 'test/fixtures/verifier-java/cases.json', prefix: 'fixture-java' },
  { file: 'test/fixtures/chrome-probes/cases.json', prefix: 'fixture-chrome' },
  { file: 'test/fixtures/verifier-malformed/cases.json', prefix: 'fixture-malformed' },
];

export function loadFixtureCases(sets: readonly string[] = FIXTURE_SETS.map((x) => x.prefix)): LabCase[] {
  const out: LabCase[] = [];
  // A field holds either a repo-relative path or the PEM itself.
  const read = (p: string): string => (p.includes('-----BEGIN') ? p : readFileSync(path.join(root, p), 'utf8'));
  for (const set of FIXTURE_SETS.filter((x) => sets.includes(x.prefix))) {
    const file = path.join(root, set.file);
    if (!existsSync(file)) continue;
    for (const f of JSON.parse(readFileSync(file, 'utf8')) as FixtureCase[]) {
      out.push({
        id: `${set.prefix}::${f.id}`,
        role: f.role,
        leaf: read(f.leaf),
        ...(f.key ? { key: read(f.key) } : {}),
        intermediates: f.intermediates.map(read),
        roots: f.roots.map(read),
        crls: f.crls.map(read),
        at: f.at,
        host: f.host,
        ...(f.maxDepth !== undefined ? { maxDepth: f.maxDepth } : {}),
        ...(f.aia ? { aia: f.aia.map((a) => ({ url: a.url, der: readFileSync(path.join(root, a.file)).toString('base64') })) } : {}),
      });
    }
  }
  return out;
}

export async function loadLimbo(): Promise<LabCase[]> {
  if (!existsSync(LIMBO_FILE)) {
    console.error(`lab: ${LIMBO_FILE} is absent: limbo cases skipped`);
    return [];
  }
  const mod = await import('../cases.mjs');
  return mod.loadLimboCases(LIMBO_FILE, { quiet: true }).cases;
}

function caseKey(tc: LabCase): string {
  const { id: _id, ...rest } = tc;
  void _id;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

type Cache = Record<string, LabResult>;
function loadCache(): Cache {
  try {
    return JSON.parse(readFileSync(CACHE, 'utf8')) as Cache;
  } catch {
    return {};
  }
}

const HANDSHAKE = new Set(['chrome', 'openssl-handshake', 'curl']);

/** Real results for every case and verifier (cached by case content and verifier). */
export async function realResults(cases: readonly LabCase[], verifiers: readonly string[], useCache: boolean): Promise<LabResult[]> {
  const cache = useCache ? loadCache() : {};
  const out: LabResult[] = [];
  const todo = new Map<string, LabCase[]>();
  for (const v of verifiers) {
    for (const tc of cases) {
      if (tc.skipReason) {
        out.push({ id: tc.id, verifier: v, version: '', accepts: null, error: null, skipped: tc.skipReason });
        continue;
      }
      const hit = cache[`${v}:${caseKey(tc)}`];
      if (hit && !HANDSHAKE.has(v)) out.push({ ...hit, id: tc.id });
      else todo.set(v, [...(todo.get(v) ?? []), tc]);
    }
  }
  const direct = [...todo.keys()].filter((v) => !HANDSHAKE.has(v));
  if (direct.length > 0) {
    const real = await import('../real.mjs');
    const all = [...new Set(direct.flatMap((v) => todo.get(v) ?? []))];
    const res = await real.runReal(all, { verifiers: direct });
    const byId = new Map(all.map((c) => [c.id, c]));
    const wanted = new Set(direct.flatMap((v) => (todo.get(v) ?? []).map((c) => `${v}\u0000${c.id}`)));
    for (const r of res) {
      if (!wanted.has(`${r.verifier}\u0000${r.id}`)) continue;
      out.push(r);
      const tc = byId.get(r.id);
      if (tc && r.accepts !== null) cache[`${r.verifier}:${caseKey(tc)}`] = r;
    }
  }
  const hs = [...todo.keys()].filter((v) => HANDSHAKE.has(v));
  if (hs.length > 0) {
    const h = await import('../handshake/index.mjs');
    const fn: Record<string, (c: readonly LabCase[]) => Promise<LabResult[]>> = { chrome: h.runChrome, 'openssl-handshake': h.runOpensslHandshake, curl: h.runCurl };
    for (const v of hs) {
      const f = fn[v];
      if (f) out.push(...(await f(todo.get(v) ?? [])));
    }
  }
  if (useCache) {
    mkdirSync(path.dirname(CACHE), { recursive: true });
    writeFileSync(CACHE, JSON.stringify(cache));
  }
  return out;
}

export interface Known {
  readonly id: string;
  readonly verifier: string;
  readonly field: 'accepts' | 'error';
  readonly reason: string;
}
/** Every deliberate difference: lab/known-differences*.json, each row with its reason. */
export function loadKnown(): Known[] {
  const dir = path.join(root, 'lab');
  return readdirSync(dir)
    .filter((f) => /^known-differences.*\.json$/u.test(f))
    .flatMap((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Known[]);
}

export interface Comparison {
  readonly id: string;
  readonly verifier: string;
  readonly real: LabResult;
  readonly engine: { accepts: boolean | null; error: string | null; codes: readonly string[] };
  readonly acceptsAgree: boolean;
  readonly errorAgree: boolean;
  readonly known: Known | null;
}

export async function compare(cases: readonly LabCase[], real: readonly LabResult[]): Promise<Comparison[]> {
  const byId = new Map(cases.map((c) => [c.id, c]));
  const known = loadKnown();
  const out: Comparison[] = [];
  for (const r of real) {
    if (r.accepts === null) continue;
    const tc = byId.get(r.id);
    const map = ENGINE_FOR[r.verifier];
    if (!tc || !map) continue;
    const a = await engineAnswer(tc, map.engine, r.at);
    const engine = 'unreadable' in a ? { accepts: null, error: a.unreadable, codes: [] } : { accepts: a.accepts, error: a.error, codes: a.codes };
    const acceptsAgree = engine.accepts === r.accepts;
    const errorAgree = !map.compareError || r.accepts || (acceptsAgree && engine.error === r.error);
    const k = known.find((x) => x.id === r.id && x.verifier === r.verifier) ?? null;
    out.push({ id: r.id, verifier: r.verifier, real: r, engine, acceptsAgree, errorAgree, known: k });
  }
  return out;
}

export function table(rows: readonly Comparison[], real: readonly LabResult[]): string {
  const verifiers = [...new Set(real.map((r) => r.verifier))];
  const lines = ['| verifier | version | cases run | skipped | accepts agree | error text agree | known differences |', '| --- | --- | ---: | ---: | ---: | ---: | ---: |'];
  const pct = (n: number, d: number): string => (d === 0 ? '-' : `${n}/${d} (${((100 * n) / d).toFixed(1)}%)`);
  for (const v of verifiers) {
    const rs = rows.filter((r) => r.verifier === v);
    const skipped = real.filter((r) => r.verifier === v && r.accepts === null).length;
    const version = real.find((r) => r.verifier === v && r.version)?.version ?? '';
    const ok = rs.filter((r) => r.acceptsAgree || r.known?.field === 'accepts').length;
    const refusedBoth = rs.filter((r) => r.acceptsAgree && r.real.accepts === false);
    const errOk = refusedBoth.filter((r) => r.errorAgree || r.known !== null).length;
    lines.push(`| ${v} | ${version} | ${rs.length} | ${skipped} | ${pct(ok, rs.length)} | ${ENGINE_FOR[v]?.compareError ? pct(errOk, refusedBoth.length) : 'n/a'} | ${rs.filter((r) => r.known).length} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const verifiers = (opt('--verifiers') ?? 'openssl,go,java,webpki,chrome,openssl-handshake').split(',');
  const only = opt('--only');
  const filter = opt('--filter');
  const show = Number(opt('--show') ?? '40');
  let cases: LabCase[] = [];
  if (only !== 'limbo') cases.push(...loadFixtureCases());
  if (only !== 'fixtures') cases.push(...(await loadLimbo()));
  if (filter) cases = cases.filter((c) => new RegExp(filter, 'u').test(c.id));
  const t0 = Date.now();
  const real = await realResults(cases, verifiers, !args.includes('--no-cache'));
  const t1 = Date.now();
  const rows = await compare(cases, real);
  const t2 = Date.now();
  console.log(`lab: ${cases.length} cases; real verifiers ${((t1 - t0) / 1000).toFixed(1)} s, engine ${((t2 - t1) / 1000).toFixed(1)} s\n`);
  console.log(table(rows, real));
  const bad = rows.filter((r) => !r.known && (!r.acceptsAgree || !r.errorAgree));
  if (bad.length > 0) {
    console.log(`\n${bad.length} disagreement(s)${bad.length > show ? `, first ${show}` : ''}:`);
    for (const r of bad.slice(0, show)) {
      console.log(`- [${r.verifier}] ${r.id}\n    real:   ${r.real.accepts ? 'accepts' : `refuses: ${r.real.error}`}${r.real.detail ? `\n    detail: ${r.real.detail.slice(0, 300)}` : ''}\n    engine: ${r.engine.accepts ? 'accepts' : `refuses: ${r.engine.error}`} [${r.engine.codes.join(', ')}]`);
    }
  }
  const json = opt('--json');
  if (json) writeFileSync(json, JSON.stringify({ real, rows }, null, 1));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
