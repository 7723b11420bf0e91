#!/usr/bin/env node
// `npm test`: every test, unit and browser, from a fresh clone. Installs dependencies, finds or
// installs a Chromium, runs Vitest and Playwright with JSON reporters, and ends with the single
// line `N passed, N failed` that CI reads. Uses only Node built-ins before `npm ci` has run.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDeps } from './ensure-deps.mjs';
import { chromiumPath, SYSTEM_CHROMIUM } from './find-chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

function playwrightOwnChromium() {
  const r = spawnSync('node', ['-e', "import('@playwright/test').then(m=>console.log(m.chromium.executablePath()))"], { cwd: root, encoding: 'utf8' });
  const p = r.stdout.trim();
  return p && existsSync(p) ? p : null;
}

function ensureChromium() {
  if (chromiumPath() || playwrightOwnChromium()) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/etc/debian_version')) {
    console.log('certscope: no Chromium found; installing Debian\'s chromium with apt-get…');
    if (run('apt-get', ['install', '-y', 'chromium']) !== 0) {
      run('apt-get', ['update']);
      run('apt-get', ['install', '-y', 'chromium']);
    }
    if (existsSync(SYSTEM_CHROMIUM)) return true;
  }
  console.error(
    'certscope: the browser tests need Chromium and none was found. Do one of:\n' +
      '  - Debian/Ubuntu: sudo apt-get install -y chromium   (then run npm test again)\n' +
      '  - any OS with internet: npx playwright install chromium\n' +
      '  - an existing Chrome/Chromium: CERTSCOPE_CHROMIUM=/path/to/chrome npm test',
  );
  return false;
}

/** A free local port for the browser tests' static server, so a busy 4317 cannot fail the run. */
function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

ensureDeps();
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;

// 1. Unit tests (Vitest, node environment).
const vitestJson = path.join(results, 'vitest.json');
const unitStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const unit = readJson(vitestJson);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
  // A suite that failed to load has no tests in the counts: count it as a failure.
  failed += (unit.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0).length;
} else if (unitStatus !== 0) {
  console.error('certscope: Vitest did not produce a report; counting it as one failure.');
  failed += 1;
}

// 2. Browser tests (Playwright against the built app).
if (!ensureChromium()) {
  failed += 1;
} else if (run('npm', ['run', '--silent', 'build']) !== 0) {
  console.error('certscope: the build failed, so the browser tests could not run; counting it as one failure.');
  failed += 1;
} else {
  const port = process.env.CERTSCOPE_E2E_PORT ?? String(await freePort());
  const e2eStatus = run('npx', ['playwright', 'test'], { CI: process.env.CI ?? '1', CERTSCOPE_E2E_PORT: port });
  const e2e = readJson(path.join(results, 'playwright.json'));
  if (e2e?.stats) {
    passed += e2e.stats.expected ?? 0;
    failed += (e2e.stats.unexpected ?? 0) + (e2e.stats.flaky ?? 0);
    skipped += e2e.stats.skipped ?? 0;
    if ((e2e.errors ?? []).length > 0 && e2eStatus !== 0) failed += e2e.errors.length;
  } else if (e2eStatus !== 0) {
    console.error('certscope: Playwright did not produce a report; counting it as one failure.');
    failed += 1;
  }
}

if (skipped > 0) console.log(`(${skipped} skipped: see the notes printed above; corpus tests skip when ../shared is absent)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
