/**
 * The compatibility table checked against the importers this machine has: for PKCS#12 files of
 * test/fixtures/p12 and ../shared/corpus (pyca vectors, read in place), each row's answer for
 * OpenSSL 3.0 (openssl pkcs12 -info -noout, with and without -legacy), Java (the JDK's
 * KeyStore("PKCS12"), as keytool -list loads it) and Python cryptography equals what the tool did.
 *
 * Default run: one file per distinct parameter set (few iterations first), every tool once per
 * file, one JVM and one Python process for all of them. `npm run p12-compat` runs every file and
 * also the real `keytool -list` per file. Deliberate differences live in
 * compat-real/known-differences.json, each with its reason; a listed difference that no longer
 * happens fails too.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeInput } from '../decode-input';
import type { DecodedInput, Pkcs12ImporterAnswer } from '../model';
import { pkcs12Parameters } from './compat';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const HERE = path.join(import.meta.dirname, 'compat-real');
const CORPUS = path.resolve(ROOT, '../shared/corpus/pyca/pkcs12');
const VENV_PYTHON = path.join(ROOT, 'lab/.build/venv/bin/python');
const FULL = process.env.CERTSCOPE_P12_COMPAT_FULL === '1';
const TIMEOUT = FULL ? 900_000 : 60_000;

interface Case {
  /** Stable name: "fixtures/p12/x.p12" or "corpus/pyca/pkcs12/x.p12". */
  readonly name: string;
  readonly file: string;
  /** null: no password (the empty string and an absent password are both tried). */
  readonly password: string | null;
}

function fixtureCases(): Case[] {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/manifest.json'), 'utf8')) as { files: { path: string; kind: string; password?: string }[] };
  return manifest.files
    .filter((f) => f.kind === 'pkcs12' && f.path.startsWith('p12/'))
    .map((f) => ({ name: `fixtures/${f.path}`, file: path.join(ROOT, 'test/fixtures', f.path), password: f.password ? f.password : null }));
}

/** Passwords as ../shared/corpus/README.md gives them for the pyca vectors. */
function corpusPassword(base: string): string | null {
  if (/aes256cbc/.test(base) || base === 'cert-none-key-none.p12' || base === 'cert-rc2-key-3des.p12') return 'cryptography';
  if (base.endsWith('-pwd.p12') && !base.endsWith('-no-pwd.p12')) return 'password';
  return null;
}

function corpusCases(): Case[] {
  if (!existsSync(CORPUS)) return [];
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.p12'))
    .sort()
    .map((f) => ({ name: `corpus/pyca/pkcs12/${f}`, file: path.join(CORPUS, f), password: corpusPassword(f) }));
}

interface Known {
  readonly file: string;
  readonly importer: string;
  readonly expected: string;
  readonly actual: string;
  readonly reason: string;
}
const KNOWN: readonly Known[] = JSON.parse(readFileSync(path.join(HERE, 'known-differences.json'), 'utf8')) as Known[];

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((d) => d && existsSync(path.join(d, cmd)));
}

function run(cmd: string, args: readonly string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', (e) => resolve({ code: -1, stdout, stderr: e.message }));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** Runs jobs at most `limit` at a time (the machine has two cores). */
async function limited<T, R>(items: readonly T[], limit: number, job: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await job(items[i] as T);
      }
    }),
  );
  return out;
}

const opensslInfo = (c: Case, legacy: boolean): Promise<boolean> =>
  new Promise((resolve) =>
    execFile('openssl', ['pkcs12', ...(legacy ? ['-legacy'] : []), '-info', '-noout', '-in', c.file, '-passin', `pass:${c.password ?? ''}`], { timeout: 120_000 }, (err) => resolve(!err)),
  );

interface JavaResult {
  readonly ok: boolean;
  readonly privateKeys?: number;
  readonly trustedCertificates?: number;
  readonly error?: string;
}
interface PycaResult {
  readonly ok: boolean;
  readonly error?: string;
}

/** KeyStoreCheck compiled once per source version (javac costs more CPU than the check itself). */
async function javaProgram(): Promise<string[]> {
  const source = path.join(HERE, 'KeyStoreCheck.java');
  const hash = createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 16);
  const dir = path.join(ROOT, 'node_modules', '.cache', 'certscope-p12-compat', hash);
  if (!existsSync(path.join(dir, 'KeyStoreCheck.class')) && onPath('javac')) {
    mkdirSync(dir, { recursive: true });
    await run('javac', ['-d', dir, source]);
  }
  return existsSync(path.join(dir, 'KeyStoreCheck.class')) ? ['-cp', dir, 'KeyStoreCheck'] : [source];
}

async function javaLoad(cases: readonly Case[]): Promise<Map<string, JavaResult>> {
  const input = cases.map((c) => (c.password === null ? c.file : `${c.file}\t${c.password}`)).join('\n');
  const r = await run('java', ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xshare:auto', ...(await javaProgram())], `${input}\n`);
  // One line per input line, in order.
  const lines = r.stdout.split('\n').filter(Boolean);
  return new Map(cases.map((c, i) => [c.name, JSON.parse(lines[i] ?? '{"ok":false,"error":"no answer"}') as JavaResult]));
}

async function pycaLoad(cases: readonly Case[]): Promise<Map<string, PycaResult>> {
  const input = cases.map((c) => JSON.stringify([c.file, c.password])).join('\n');
  const r = await run(VENV_PYTHON, [path.join(HERE, 'pyca_check.py')], `${input}\n`);
  const lines = r.stdout.split('\n').filter(Boolean);
  return new Map(cases.map((c, i) => [c.name, JSON.parse(lines[i] ?? '{"ok":false,"error":"no answer"}') as PycaResult]));
}

async function keytoolList(c: Case): Promise<{ ok: boolean; entries: number | null }> {
  const r = await run('keytool', ['-J-XX:+UseSerialGC', '-J-XX:TieredStopAtLevel=1', '-list', '-storetype', 'PKCS12', '-keystore', c.file, '-storepass', c.password ?? '']);
  const m = /contains (\d+) entr/.exec(r.stdout);
  return { ok: r.code === 0, entries: m ? Number(m[1]) : null };
}

interface Decoded {
  readonly c: Case;
  readonly d: DecodedInput;
}

const answerOf = (d: DecodedInput, importer: string): Pkcs12ImporterAnswer => {
  const a = d.pkcs12Compatibility?.answers.find((x) => x.importer === importer);
  if (!a) throw new Error(`${d.name}: no ${importer} row`);
  return a;
};
const said = (a: Pkcs12ImporterAnswer): string => (a.option ? `${a.answer} ${a.option}` : a.answer);

/** Structure facts that change what the tools here do (the others only change notes of other importers). */
const TOOL_STRUCTURE: ReadonlySet<string> = new Set(['plain-key-bag', 'no-key', 'no-certificate', 'untrusted-certificates-without-key', 'enveloped-safe']);

/**
 * Files with the same parameters for the tools here (iteration counts aside) get the same answers
 * from them; the default run keeps the first of each.
 */
function signature(d: DecodedInput): string {
  const javaTrusted = d.pkcs12Compatibility?.answers.find((a) => a.importer === 'java')?.javaEntries?.trustedCertificates ?? 0;
  return JSON.stringify([
    ...new Set(
      pkcs12Parameters(d)
        .filter((p) => (p.kind === 'structure' ? TOOL_STRUCTURE.has(String(p.value)) : !p.kind.endsWith('iterations')))
        .map((p) => `${p.kind}=${p.value}`),
    ),
  ].sort().concat(javaTrusted > 0 ? ['java-trusted'] : []));
}

/** The default run does not derive keys of more than this many iterations (a 600,000-iteration file costs seconds per tool). */
const DEFAULT_RUN_MAX_ITERATIONS = 100_000;

interface Tally {
  agree: number;
  compared: number;
  unknown: number;
  differences: { file: string; expected: string; actual: string }[];
}
const tally = (): Tally => ({ agree: 0, compared: 0, unknown: 0, differences: [] });
const summary: Record<string, Tally> = { 'openssl-3.0': tally(), java: tally(), pyca: tally() };

function compare(importer: string, d: Decoded, actual: string): void {
  const a = answerOf(d.d, importer);
  const t = summary[importer] as Tally;
  if (a.answer === 'unknown') {
    t.unknown++;
    return;
  }
  t.compared++;
  const expected = said(a);
  if (expected === actual) t.agree++;
  else t.differences.push({ file: d.c.name, expected, actual });
}

/** Every difference is listed in known-differences.json, and every listed one (for the files run) still happens. */
function expectOnlyKnown(importer: string, ran: readonly Decoded[]): void {
  const t = summary[importer] as Tally;
  const names = new Set(ran.map((r) => r.c.name));
  const listed = KNOWN.filter((k) => k.importer === importer && names.has(k.file)).map((k) => ({ file: k.file, expected: k.expected, actual: k.actual }));
  expect(t.differences, `${importer}: differences not in known-differences.json, or listed ones gone`).toEqual(expect.arrayContaining(listed));
  expect(listed, `${importer}: differences not in known-differences.json`).toEqual(expect.arrayContaining(t.differences));
}

const WRONG: readonly (readonly [file: string, expected: string, why: string])[] = [
  ['default.p12', 'refuses', 'AES-256 / SHA-256 MAC with a wrong password'],
  ['legacy.p12', 'refuses', 'RC2-40 / 3DES / SHA-1 MAC with a wrong password, -legacy or not'],
];
const WRONG_CASES: readonly Case[] = WRONG.map(([file]) => ({ name: `fixtures/p12/${file} (wrong password)`, file: path.join(ROOT, 'test/fixtures/p12', file), password: 'not-the-password' }));

const tools = { openssl: onPath('openssl'), java: onPath('java'), keytool: onPath('keytool'), pyca: existsSync(VENV_PYTHON) };
const corpus = corpusCases();
if (corpus.length === 0) console.warn(`compat-real: ${CORPUS} is absent: the pyca corpus files are skipped (fixtures only).`);
if (!tools.pyca) console.warn(`compat-real: ${VENV_PYTHON} is absent (run node lab/setup.mjs): the Python cryptography rows are skipped.`);

describe('PKCS#12 compatibility table against the importers on this machine', () => {
  let chosen: Decoded[] = [];
  let all = 0;
  const openssl = new Map<string, string>();
  let java = new Map<string, JavaResult>();
  let pyca = new Map<string, PycaResult>();

  beforeAll(async () => {
    // The pyca vectors come in families that differ only in friendlyNames (corpus README): the
    // default run decodes one of each family, the full run all of them.
    const family = (c: Case): string => c.name.replace(/name-(?:1|2|3|2-3|all|unicode)-/, 'name-');
    const corpusRun = FULL ? corpus : corpus.filter((c, i) => corpus.findIndex((o) => family(o) === family(c)) === i);
    const cases = [...fixtureCases(), ...corpusRun];
    const decoded: Decoded[] = [];
    for (const c of cases) {
      const d = await decodeInput({ name: c.name, bytes: new Uint8Array(readFileSync(c.file)) }, { passwords: c.password === null ? [] : [c.password], ...(FULL ? {} : { maxIterations: DEFAULT_RUN_MAX_ITERATIONS }) });
      decoded.push({ c, d });
    }
    all = decoded.length;
    const withTable = decoded.filter((x) => x.d.pkcs12Compatibility);
    if (FULL) chosen = withTable;
    else {
      const bySignature = new Map<string, Decoded>();
      for (const x of withTable) {
        const s = signature(x.d);
        if (!bySignature.has(s)) bySignature.set(s, x);
      }
      chosen = [...bySignature.values()];
    }
    const cs = [...chosen.map((x) => x.c), ...WRONG_CASES];
    const [ssl, j, p] = await Promise.all([
      tools.openssl
        ? limited(cs, 2, async (c) => {
            const plain = await opensslInfo(c, false);
            // The default run asks -legacy only when needed; the full run always, and a file read
            // without -legacy must then be read with it too.
            const legacy = plain && !FULL ? true : await opensslInfo(c, true);
            return [c.name, plain ? (legacy ? 'accepts' : 'accepts without -legacy only') : legacy ? 'needs-option -legacy' : 'refuses'] as const;
          })
        : Promise.resolve([]),
      tools.java ? javaLoad(cs) : Promise.resolve(new Map<string, JavaResult>()),
      tools.pyca ? pycaLoad(cs) : Promise.resolve(new Map<string, PycaResult>()),
    ]);
    for (const [name, r] of ssl) openssl.set(name, r);
    java = j;
    pyca = p;
  }, TIMEOUT);

  it('every file opens in Certscope and gets a table (the run covers each distinct parameter set)', () => {
    expect(all).toBeGreaterThanOrEqual(20);
    expect(chosen.length).toBeGreaterThanOrEqual(FULL ? all : 8);
    for (const x of chosen) expect(x.d.pkcs12Compatibility?.answers.length, x.c.name).toBeGreaterThan(10);
  });

  it.skipIf(!tools.openssl)('OpenSSL 3.0: openssl pkcs12 -info -noout with and without -legacy', () => {
    for (const x of chosen) compare('openssl-3.0', x, openssl.get(x.c.name) ?? 'not run');
    expectOnlyKnown('openssl-3.0', chosen);
  });

  it.skipIf(!tools.java)('Java: KeyStore("PKCS12").load, as keytool -list does; the entries it ends up with', () => {
    for (const x of chosen) {
      const r = java.get(x.c.name);
      compare('java', x, r ? (r.ok ? 'accepts' : 'refuses') : 'not run');
      const a = answerOf(x.d, 'java');
      if (r?.ok && a.answer === 'accepts' && a.javaEntries) {
        expect({ file: x.c.name, privateKeys: r.privateKeys, trustedCertificates: r.trustedCertificates }).toEqual({ file: x.c.name, ...a.javaEntries });
      }
    }
    expectOnlyKnown('java', chosen);
  });

  it.skipIf(!tools.pyca)('Python cryptography: pkcs12.load_pkcs12', () => {
    for (const x of chosen) {
      const r = pyca.get(x.c.name);
      compare('pyca', x, r ? (r.ok ? 'accepts' : 'refuses') : 'not run');
    }
    expectOnlyKnown('pyca', chosen);
  });

  // Error rows: a wrong password is refused by every tool (in the same batch as the files), and by Certscope.
  it.each(WRONG)('wrong password: %s — everyone %s (%s)', async (file, expected) => {
    const c = WRONG_CASES.find((w) => w.name.startsWith(`fixtures/p12/${file} `)) as Case;
    const d = await decodeInput({ name: c.name, bytes: new Uint8Array(readFileSync(c.file)) }, { passwords: [c.password ?? ''] });
    expect(d.errors.map((e) => e.code)).toContain('WRONG_PASSWORD');
    expect(d.pkcs12Compatibility).toBeUndefined();
    if (tools.openssl) expect(openssl.get(c.name)).toBe(expected);
    if (tools.java) expect(java.get(c.name)?.ok ? 'accepts' : 'refuses').toBe(expected);
    if (tools.pyca) expect(pyca.get(c.name)?.ok ? 'accepts' : 'refuses').toBe(expected);
  });

  it.skipIf(!FULL || !tools.keytool)('full sweep: the real keytool -list agrees with KeyStore.load, file by file', async () => {
    const results = await limited(chosen, 2, async (x) => ({ x, r: await keytoolList(x.c) }));
    for (const { x, r } of results) {
      const k = java.get(x.c.name);
      expect({ file: x.c.name, ok: r.ok }).toEqual({ file: x.c.name, ok: k?.ok ?? false });
      if (r.ok && k?.ok) expect({ file: x.c.name, entries: r.entries }).toEqual({ file: x.c.name, entries: (k.privateKeys ?? 0) + (k.trustedCertificates ?? 0) });
    }
  }, TIMEOUT);

  it('prints what was measured', () => {
    const line = Object.entries(summary)
      .map(([id, t]) => `${id} ${t.agree}/${t.compared} agree${t.differences.length ? ` (${t.differences.length} known difference${t.differences.length === 1 ? '' : 's'})` : ''}${t.unknown ? `, ${t.unknown} unknown not compared` : ''}`)
      .join('; ');
    console.log(`compat-real (${FULL ? 'full' : 'default'} run, ${chosen.length} of ${all} files): ${line}`);
    expect(line).toMatch(/agree/);
  });
});
