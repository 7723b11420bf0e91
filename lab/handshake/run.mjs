#!/usr/bin/env node
// node lab/handshake/run.mjs cases.json [--verifiers chrome,openssl-handshake,curl] [--only id,id]
//                            [--timeout MS] [--parallel N] [--root DIR] > results.json
//
// cases.json: an array of LabCase (inline PEM texts) or of fixture cases (repo-relative paths,
// aia[].file as DER; resolved against --root, default the repo root), or { cases: [...] }.
// Prints a JSON array of LabResult (plus `ms`, the case's wall time) on stdout, progress on
// stderr. One case's failure never stops the others.
import path from 'node:path';
import { loadCasesFile, normalizeCase } from './cases.mjs';
import { runChrome } from './chrome.mjs';
import { runCurl, runOpensslHandshake } from './openssl.mjs';

const RUNNERS = { chrome: runChrome, 'openssl-handshake': runOpensslHandshake, curl: runCurl };

function usage(msg) {
  if (msg) console.error(msg);
  console.error('usage: node lab/handshake/run.mjs cases.json [--verifiers chrome,openssl-handshake,curl] [--only id,id] [--timeout MS] [--parallel N] [--root DIR] > results.json');
  process.exit(2);
}

const argv = process.argv.slice(2);
let file = null;
const opts = { verifiers: Object.keys(RUNNERS), only: null, timeoutMs: undefined, parallel: undefined, root: undefined };
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const val = () => argv[++i] ?? usage(`${a} needs a value`);
  if (a === '--verifiers') opts.verifiers = val().split(',').filter(Boolean);
  else if (a === '--only') opts.only = new Set(val().split(','));
  else if (a === '--timeout') opts.timeoutMs = Number(val());
  else if (a === '--parallel') opts.parallel = Math.min(2, Math.max(1, Number(val())));
  else if (a === '--root') opts.root = path.resolve(val());
  else if (a === '-h' || a === '--help') usage();
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else file = a;
}
if (!file) usage('no cases file');
for (const v of opts.verifiers) if (!RUNNERS[v]) usage(`unknown verifier ${v} (known: ${Object.keys(RUNNERS).join(', ')})`);

let cases = loadCasesFile(file).map(({ raw, baseDir }) => {
  try { return normalizeCase(raw, baseDir, opts.root); } catch (err) { return { ...raw, loadError: err.message }; }
});
if (opts.only) cases = cases.filter((c) => opts.only.has(c.id));

const results = [];
for (const v of opts.verifiers) {
  const t0 = Date.now();
  const out = await RUNNERS[v](cases, { timeoutMs: opts.timeoutMs, parallel: opts.parallel, log: (s) => console.error(s) });
  const n = (f) => out.filter(f).length;
  console.error(`${v}: ${cases.length} cases in ${((Date.now() - t0) / 1000).toFixed(1)} s — ${n((r) => r.accepts === true)} accepted, ${n((r) => r.accepts === false)} refused, ${n((r) => r.accepts === null)} skipped`);
  results.push(...out);
}
process.stdout.write(`${JSON.stringify(results, null, 1)}\n`);
