// Runs the REAL verifiers (openssl, Go, Java, pyca/cryptography) over a batch of
// LabCases: each runner once over the whole batch, at most 2 runners at a time.
//
//   node lab/real.mjs cases.json [--verifiers openssl,go,java,webpki] > results.json
//   node lab/real.mjs --limbo [limbo.json] [--verifiers …]  > results.json
//
// A summary (counts per verifier, wall time) goes to stderr. Node built-ins only.

import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { loadLimboCases, readCases, validateCase, writeResults } from './cases.mjs';
import { runOpenssl } from './openssl.mjs';
import { JAVA_RUN_FLAGS, PY_SOURCE, setupLab } from './setup.mjs';

export const VERIFIERS = ['openssl', 'go', 'java', 'webpki'];

/** Start order: the longest runs first, so two slots finish together. */
const START_ORDER = ['openssl', 'java', 'webpki', 'go'];

function skippedResult(c, verifier, version, why) {
  return { id: c.id, verifier, version: version ?? 'unavailable', accepts: null, error: null, skipped: why };
}

/** The command that runs one process-based runner over a batch on stdin. */
function runnerCommand(verifier, info) {
  switch (verifier) {
    case 'go':
      return { cmd: info.bin, args: ['-'] };
    case 'java':
      return { cmd: info.bin, args: [...JAVA_RUN_FLAGS, '-cp', info.classDir, 'Verify', '-'] };
    case 'webpki':
      return { cmd: info.python, args: [PY_SOURCE, '-'] };
    default:
      throw new Error(`no process runner for ${verifier}`);
  }
}

/**
 * One process over `cases`; results are read line by line as they come, so a
 * crash or a hang loses only the case being worked on: that case is reported as
 * skipped and a new process takes the rest.
 */
export async function runProcessBatch(verifier, info, cases, { idleTimeoutMs = 90_000, command } = {}) {
  const { cmd, args } = command ?? runnerCommand(verifier, info);
  const results = [];
  let rest = cases;
  while (rest.length > 0) {
    const got = await new Promise((resolve) => {
      const out = [];
      let buf = '';
      let stderr = '';
      let timedOut = false;
      const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
      let timer;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, idleTimeoutMs);
      };
      arm();
      const takeLine = (line) => {
        const t = line.trim().replace(/,$/, '');
        if (!t || t === '[' || t === ']') return;
        try {
          out.push(JSON.parse(t));
          arm();
        } catch {
          stderr += `\n(unparsed output: ${t.slice(0, 200)})`;
        }
      };
      child.stdout.on('data', (d) => {
        buf += d;
        let nl;
        while ((nl = buf.indexOf('\n')) >= 0) {
          takeLine(buf.slice(0, nl));
          buf = buf.slice(nl + 1);
        }
      });
      child.stderr.on('data', (d) => {
        stderr += d;
        if (stderr.length > 20_000) stderr = stderr.slice(-10_000);
      });
      child.stdin.on('error', () => {
        /* the runner died before reading everything: handled on close */
      });
      child.on('error', (err) => {
        clearTimeout(timer);
        resolve({ out, stderr: `${stderr}\n${err.message}`, status: null, timedOut });
      });
      child.on('close', (status, signal) => {
        clearTimeout(timer);
        if (buf) takeLine(buf);
        resolve({ out, stderr, status, signal, timedOut });
      });
      child.stdin.end(JSON.stringify(rest));
    });
    const n = Math.min(got.out.length, rest.length);
    results.push(...got.out.slice(0, n));
    if (n >= rest.length) break;
    // The process stopped before finishing: blame the case it was on, go on after it.
    const culprit = rest[n];
    const why = got.timedOut
      ? `the ${verifier} runner produced nothing for ${idleTimeoutMs / 1000} s on this case and was killed`
      : `the ${verifier} runner exited (status ${got.status}${got.signal ? `, signal ${got.signal}` : ''}) on this case: ${got.stderr.trim().slice(-800)}`;
    results.push(skippedResult(culprit, verifier, info.version, why));
    rest = rest.slice(n + 1);
  }
  return results;
}

/**
 * Run the real verifiers over LabCases.
 * options: verifiers (default all four), concurrency (runners at once, default 2),
 * idleTimeoutMs (a runner silent that long on one case is killed), setup (a
 * setupLab() result to reuse), quiet.
 * Returns LabResult[]: for each verifier in the order asked, one result per case in input order.
 * A case carrying `skipReason`, or a verifier that is unavailable, gives results with
 * accepts: null and `skipped` saying why.
 */
export async function runReal(cases, options = {}) {
  const verifiers = options.verifiers ?? VERIFIERS;
  for (const v of verifiers) if (!VERIFIERS.includes(v)) throw new Error(`unknown verifier ${v} (known: ${VERIFIERS.join(', ')})`);
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const idleTimeoutMs = options.idleTimeoutMs ?? 90_000;
  const setup = options.setup ?? (await setupLab({ quiet: options.quiet ?? true }));

  const invalid = new Map(cases.map((c) => [c, validateCase(c)]).filter(([, why]) => why));
  const skipWhy = (c) => c.skipReason ?? (invalid.has(c) ? `invalid LabCase: ${invalid.get(c)}` : undefined);
  const runnable = cases.filter((c) => !skipWhy(c));
  const byVerifier = {};
  const jobs = [];
  for (const v of verifiers) {
    const info = setup.verifiers[v];
    if (!info?.available) {
      const why = `${v} verifier unavailable: ${info?.reason ?? 'not set up'} (to get it: ${info?.fix ?? 'node lab/setup.mjs'})`;
      byVerifier[v] = new Map(cases.map((c) => [c, skippedResult(c, v, null, why)]));
      continue;
    }
    byVerifier[v] = new Map();
    jobs.push({ v, info });
  }
  jobs.sort((a, b) => START_ORDER.indexOf(a.v) - START_ORDER.indexOf(b.v));

  const runJob = async ({ v, info }) => {
    let res;
    try {
      res =
        v === 'openssl'
          ? await runOpenssl(runnable, { version: info.version, authLevel: info.tlsSecurityLevel, bin: info.bin, concurrency: 2 })
          : await runProcessBatch(v, info, runnable, { idleTimeoutMs });
    } catch (err) {
      res = runnable.map((c) => skippedResult(c, v, info.version, `runner error: ${err?.message ?? err}`));
    }
    runnable.forEach((c, i) => byVerifier[v].set(c, res[i] ?? skippedResult(c, v, info.version, 'no result from the runner')));
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, jobs.length) }, async () => {
      while (next < jobs.length) await runJob(jobs[next++]);
    }),
  );

  const out = [];
  for (const v of verifiers) {
    const version = setup.verifiers[v]?.version;
    for (const c of cases) {
      out.push(skipWhy(c) ? skippedResult(c, v, version, skipWhy(c)) : byVerifier[v].get(c));
    }
  }
  return out;
}

/** Counts per verifier: { [verifier]: { accepts, refuses, skipped, version } }. */
export function summarize(results) {
  const s = {};
  for (const r of results) {
    const e = (s[r.verifier] ??= { version: r.version, accepts: 0, refuses: 0, skipped: 0 });
    if (r.accepts === true) e.accepts++;
    else if (r.accepts === false) e.refuses++;
    else e.skipped++;
  }
  return s;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2);
  let verifiers;
  const positional = [];
  let limbo = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--verifiers') verifiers = argv[++i].split(',').map((s) => s.trim()).filter(Boolean);
    else if (argv[i].startsWith('--verifiers=')) verifiers = argv[i].slice(12).split(',').filter(Boolean);
    else if (argv[i] === '--limbo') limbo = true;
    else positional.push(argv[i]);
  }
  const t0 = Date.now();
  const cases = limbo ? loadLimboCases(...(positional[0] ? [positional[0]] : [])).cases : await readCases(positional[0]);
  const results = await runReal(cases, { verifiers, quiet: false });
  writeResults(process.stdout, results);
  const summary = summarize(results);
  const lines = Object.entries(summary).map(
    ([v, s]) => `  ${v.padEnd(8)} ${String(s.version).padEnd(20)} accepts ${s.accepts}, refuses ${s.refuses}, skipped ${s.skipped}`,
  );
  process.stderr.write(`${cases.length} cases, ${Date.now() - t0} ms\n${lines.join('\n')}\n`);
}
