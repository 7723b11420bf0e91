// Makes every real verifier of the lab available, idempotently:
//   openssl  the system `openssl` (version recorded)
//   go       lab/go/verify.go built into lab/.build/goverify (installs golang-go via apt when root on Debian)
//   java     lab/java/Verify.java compiled into lab/.build/java/
//   webpki   a venv at lab/.build/venv with pyca/cryptography installed by its own pip
// Everything generated goes under lab/.build/ (gitignored). A second run only
// stats files: the build inputs are hashed and the results cached in lab/.build/state.json.
//
//   node lab/setup.mjs [--json] [--force] [--quiet]
//
// Node built-ins only. Missing pieces never throw: they are reported as unavailable,
// each with the command that would provide it.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { delimiter, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { detectTlsSecurityLevel } from './openssl.mjs';

export const LAB_DIR = dirname(fileURLToPath(import.meta.url));
export const BUILD_DIR = join(LAB_DIR, '.build');
const STATE_FILE = join(BUILD_DIR, 'state.json');
const LOCK_DIR = join(BUILD_DIR, '.lock');

export const GO_SOURCE = join(LAB_DIR, 'go', 'verify.go');
export const GO_BIN = join(BUILD_DIR, 'goverify');
export const JAVA_SOURCE = join(LAB_DIR, 'java', 'Verify.java');
export const JAVA_CLASSES = join(BUILD_DIR, 'java');
export const JAVA_EXPORTS = ['--add-exports', 'java.base/sun.security.util=ALL-UNNAMED'];
export const JAVA_RUN_FLAGS = [...JAVA_EXPORTS, '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'];
export const PY_SOURCE = join(LAB_DIR, 'python', 'verify.py');
export const VENV = join(BUILD_DIR, 'venv');
export const VENV_PYTHON = join(VENV, 'bin', 'python');

const rel = (p) => relative(process.cwd(), p) || '.';

/** Run a command; never throws. */
function sh(cmd, args, { env, cwd, input, timeoutMs = 20 * 60_000 } = {}) {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(cmd, args, { env: env ?? process.env, cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], timeout: timeoutMs });
    } catch (err) {
      resolve({ status: null, stdout: '', stderr: String(err?.message ?? err), error: err });
      return;
    }
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (err) => resolve({ status: null, stdout, stderr: stderr || err.message, error: err }));
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
    if (input !== undefined) child.stdin.end(input);
  });
}

/** Absolute path of an executable found on PATH, or null. */
export function which(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      if (statSync(p).isFile()) return p;
    } catch {
      /* not here */
    }
  }
  return null;
}

/** Identity of a tool on disk: its real path, size and mtime (cheap to compute). */
function toolId(path) {
  if (!path) return 'none';
  try {
    const real = realpathSync(path);
    const st = statSync(real);
    return `${real}:${st.size}:${st.mtimeMs}`;
  } catch {
    return `${path}:?`;
  }
}

function hashOf(...parts) {
  const h = createHash('sha256');
  for (const p of parts) h.update(String(p)).update('\0');
  return h.digest('hex').slice(0, 32);
}

function fileHash(path) {
  try {
    return hashOf(readFileSync(path));
  } catch {
    return 'missing';
  }
}

function readState() {
  try {
    return JSON.parse(readFileSync(STATE_FILE, 'utf8'));
  } catch {
    return {};
  }
}

function writeState(state) {
  mkdirSync(BUILD_DIR, { recursive: true });
  const tmp = `${STATE_FILE}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state, null, 2));
  renameSync(tmp, STATE_FILE);
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = () => existsSync('/etc/debian_version');
const tail = (s, n = 600) => (s.length > n ? `…${s.slice(-n)}` : s).trim();
const oneLine = (s) => s.replace(/\s*\n\s*/g, ' | ');

// ---------------------------------------------------------------- keys (cheap)

function keys() {
  const go = which('go');
  const java = which('java');
  const javac = which('javac');
  const python = which('python3');
  const openssl = which('openssl');
  return {
    tools: { go, java, javac, python, openssl },
    openssl: hashOf(toolId(openssl)),
    go: hashOf(fileHash(GO_SOURCE), toolId(go)),
    java: hashOf(fileHash(JAVA_SOURCE), toolId(javac), toolId(java)),
    webpki: hashOf(toolId(python), 'cryptography'),
  };
}

/** How long an "unavailable" verdict is reused before setup tries again (same tools on disk). */
const UNAVAILABLE_TTL_MS = 10 * 60_000;

function cachedOk(state, name, key, artefacts) {
  const s = state[name];
  if (!s || s.key !== key) return false;
  if (s.available) return artefacts.every((p) => existsSync(p));
  return Date.now() - Date.parse(s.checkedAt ?? 0) < UNAVAILABLE_TTL_MS;
}

// ---------------------------------------------------------------- per verifier

async function setupOpenssl(tools, key) {
  if (!tools.openssl) {
    return { available: false, key, reason: 'openssl is not on PATH', fix: 'apt-get install -y openssl' };
  }
  const r = await sh(tools.openssl, ['version']);
  if (r.status !== 0) return { available: false, key, reason: `openssl version failed: ${tail(r.stderr)}`, fix: 'apt-get install --reinstall -y openssl' };
  const full = r.stdout.trim();
  const sec = detectTlsSecurityLevel(tools.openssl);
  return {
    available: true,
    key,
    version: /^(\S+ \S+)/.exec(full)?.[1] ?? full,
    full,
    bin: tools.openssl,
    tlsSecurityLevel: sec.level,
    tlsSecurityLevelSource: sec.source,
  };
}

async function aptInstall(pkg, log) {
  const lockOpt = ['-o', 'DPkg::Lock::Timeout=900'];
  log(`go: installing ${pkg} with apt-get…`);
  let r = await sh('apt-get', ['install', '-y', ...lockOpt, pkg], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) {
    log('go: apt-get install failed, running apt-get update and retrying…');
    await sh('apt-get', ['update', ...lockOpt]);
    r = await sh('apt-get', ['install', '-y', ...lockOpt, pkg], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  return r;
}

async function setupGo(tools, log) {
  let go = tools.go;
  if (!go) {
    if (isRoot() && isDebian()) {
      const r = await aptInstall('golang-go', log);
      go = which('go');
      if (!go) {
        const reason =
          r.status === 0
            ? 'go is not on PATH although apt-get install -y golang-go succeeded (Debian installs /usr/bin/go: check PATH)'
            : `go is missing and apt-get install -y golang-go failed: ${oneLine(tail(r.stderr || r.stdout))}`;
        return { available: false, reason, fix: 'apt-get update && apt-get install -y golang-go, then node lab/setup.mjs --force' };
      }
    } else {
      return {
        available: false,
        reason: 'go is not on PATH',
        fix: `${isRoot() ? '' : 'sudo '}apt-get install -y golang-go (or install Go from go.dev), then node lab/setup.mjs`,
      };
    }
  }
  const key = hashOf(fileHash(GO_SOURCE), toolId(go));
  mkdirSync(BUILD_DIR, { recursive: true });
  const tmpBin = `${GO_BIN}.${process.pid}.tmp`;
  const env = {
    ...process.env,
    GOCACHE: join(BUILD_DIR, 'gocache'),
    GOPATH: join(BUILD_DIR, 'gopath'),
    GO111MODULE: 'off',
    GOFLAGS: '',
    GOTOOLCHAIN: 'local',
    CGO_ENABLED: '0',
  };
  log('go: building lab/go/verify.go…');
  const b = await sh(go, ['build', '-o', tmpBin, GO_SOURCE], { env, cwd: LAB_DIR });
  if (b.status !== 0) {
    rmSync(tmpBin, { force: true });
    return { available: false, key, reason: `go build failed: ${tail(b.stderr || b.stdout)}`, fix: 'fix lab/go/verify.go, then node lab/setup.mjs' };
  }
  renameSync(tmpBin, GO_BIN);
  const v = await sh(GO_BIN, ['-version']);
  if (v.status !== 0) return { available: false, key, reason: `goverify -version failed: ${tail(v.stderr)}`, fix: 'node lab/setup.mjs --force' };
  const gv = await sh(go, ['version']);
  return { available: true, key, version: v.stdout.trim(), full: gv.stdout.trim(), bin: GO_BIN };
}

async function setupJava(tools, key, log) {
  const fix = 'apt-get install -y openjdk-17-jdk-headless, then node lab/setup.mjs';
  if (!tools.java) return { available: false, key, reason: 'java is not on PATH', fix };
  if (!tools.javac) return { available: false, key, reason: 'javac is not on PATH (a JRE without the JDK)', fix };
  log('java: compiling lab/java/Verify.java…');
  rmSync(JAVA_CLASSES, { recursive: true, force: true });
  mkdirSync(JAVA_CLASSES, { recursive: true });
  const c = await sh(tools.javac, ['-nowarn', '-XDsuppressNotes', ...JAVA_EXPORTS, '-d', JAVA_CLASSES, JAVA_SOURCE]);
  if (c.status !== 0) {
    return { available: false, key, reason: `javac failed: ${tail(c.stderr || c.stdout)}`, fix: 'fix lab/java/Verify.java, then node lab/setup.mjs' };
  }
  const v = await sh(tools.java, [...JAVA_RUN_FLAGS, '-cp', JAVA_CLASSES, 'Verify', '-version']);
  if (v.status !== 0) return { available: false, key, reason: `java Verify -version failed: ${tail(v.stderr)}`, fix };
  const jv = await sh(tools.java, ['-version']);
  return {
    available: true,
    key,
    version: v.stdout.trim(),
    full: (jv.stderr || jv.stdout).trim().split('\n').join(' | '),
    bin: tools.java,
    classDir: JAVA_CLASSES,
  };
}

async function setupWebpki(tools, key, log) {
  if (!tools.python) {
    return { available: false, key, reason: 'python3 is not on PATH', fix: 'apt-get install -y python3 python3-venv, then node lab/setup.mjs' };
  }
  if (!existsSync(VENV_PYTHON)) {
    log('webpki: creating the venv lab/.build/venv…');
    rmSync(VENV, { recursive: true, force: true });
    const v = await sh(tools.python, ['-m', 'venv', VENV]);
    if (v.status !== 0) {
      rmSync(VENV, { recursive: true, force: true });
      return {
        available: false,
        key,
        reason: `python3 -m venv failed: ${tail(v.stderr || v.stdout)}`,
        fix: 'apt-get install -y python3-venv, then node lab/setup.mjs --force',
      };
    }
  }
  log('webpki: pip install cryptography into the venv…');
  const pip = await sh(VENV_PYTHON, ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', 'cryptography']);
  if (pip.status !== 0) {
    return {
      available: false,
      key,
      reason: `pip install cryptography failed: ${tail(pip.stderr || pip.stdout)}`,
      fix: `${rel(VENV_PYTHON)} -m pip install cryptography, then node lab/setup.mjs --force`,
    };
  }
  const v = await sh(VENV_PYTHON, [PY_SOURCE, '-version']);
  if (v.status !== 0) {
    return { available: false, key, reason: `verify.py -version failed: ${tail(v.stderr)}`, fix: `${rel(VENV_PYTHON)} -m pip install --force-reinstall cryptography` };
  }
  const pv = await sh(VENV_PYTHON, ['--version']);
  return { available: true, key, version: v.stdout.trim(), full: `${v.stdout.trim()} on ${(pv.stdout || pv.stderr).trim()}`, python: VENV_PYTHON };
}

// ---------------------------------------------------------------- locking

async function withLock(fn, log) {
  mkdirSync(BUILD_DIR, { recursive: true });
  const deadline = Date.now() + 30 * 60_000;
  let announced = false;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      writeFileSync(join(LOCK_DIR, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      let holder = NaN;
      try {
        holder = Number(readFileSync(join(LOCK_DIR, 'pid'), 'utf8'));
      } catch {
        /* being written */
      }
      let alive = false;
      if (Number.isInteger(holder) && holder > 0) {
        try {
          process.kill(holder, 0);
          alive = true;
        } catch (e) {
          alive = e.code === 'EPERM';
        }
      } else {
        try {
          alive = Date.now() - statSync(LOCK_DIR).mtimeMs < 10_000; // pid not written yet
        } catch {
          alive = false;
        }
      }
      if (!alive) {
        rmSync(LOCK_DIR, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`lab setup lock ${LOCK_DIR} held by pid ${holder} for too long`);
      if (!announced) log(`waiting for another lab setup (pid ${holder})…`);
      announced = true;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- main entry

/**
 * Make every real verifier available. Returns
 * { verifiers: { openssl, go, java, webpki }, buildDir, elapsedMs, cached }
 * where each verifier is { available: true, version, full, ... } or
 * { available: false, reason, fix }.
 */
export async function setupLab({ quiet = false, force = false } = {}) {
  const t0 = Date.now();
  const log = (msg) => {
    if (!quiet) process.stderr.write(`[lab setup] ${msg}\n`);
  };
  const artefacts = {
    openssl: [],
    go: [GO_BIN],
    java: [join(JAVA_CLASSES, 'Verify.class')],
    webpki: [VENV_PYTHON],
  };
  let k = keys();
  let state = readState();
  const names = ['openssl', 'go', 'java', 'webpki'];
  const fresh = (st, kk) => names.filter((n) => force || !cachedOk(st, n, kk[n], artefacts[n]));

  let todo = fresh(state, k);
  const rebuilt = [];
  if (todo.length > 0) {
    await withLock(async () => {
      // Another process may have done the work while we waited.
      state = readState();
      k = keys();
      todo = fresh(state, k);
      const jobs = {
        openssl: () => setupOpenssl(k.tools, k.openssl),
        go: async () => {
          const r = await setupGo(k.tools, log);
          // go may have just been installed: key on what was actually used.
          return { ...r, key: r.key ?? hashOf(fileHash(GO_SOURCE), toolId(which('go'))) };
        },
        java: () => setupJava(k.tools, k.java, log),
        webpki: () => setupWebpki(k.tools, k.webpki, log),
      };
      // Go (which may need apt) and Java in parallel, then Python: at most 2 builds at once.
      const run = async (n) => {
        if (!todo.includes(n)) return;
        try {
          state[n] = { ...(await jobs[n]()), checkedAt: new Date().toISOString() };
        } catch (err) {
          state[n] = { available: false, reason: `setup error: ${err?.message ?? err}`, fix: 'node lab/setup.mjs --force' };
        }
        rebuilt.push(n);
      };
      await Promise.all([run('go').then(() => run('webpki')), run('java').then(() => run('openssl'))]);
      writeState(state);
    }, log);
  }

  const verifiers = {};
  for (const n of names) {
    const s = state[n] ?? { available: false, reason: 'not set up', fix: 'node lab/setup.mjs' };
    const { key: _key, ...rest } = s;
    if (rest.reason) rest.reason = oneLine(rest.reason);
    verifiers[n] = rest;
  }
  const result = { verifiers, buildDir: BUILD_DIR, rebuilt, cached: rebuilt.length === 0, elapsedMs: Date.now() - t0 };
  if (!quiet) process.stderr.write(formatSetup(result));
  return result;
}

/** A human-readable summary of setupLab's result. */
export function formatSetup({ verifiers, elapsedMs, rebuilt }) {
  const lines = [];
  for (const [n, v] of Object.entries(verifiers)) {
    if (v.available) {
      let extra = v.full && v.full !== v.version ? `  (${v.full})` : '';
      if (n === 'openssl') extra += `; TLS security level ${v.tlsSecurityLevel} (${v.tlsSecurityLevelSource})`;
      lines.push(`  ${n.padEnd(8)} available    ${v.version}${extra}`);
    } else {
      lines.push(`  ${n.padEnd(8)} UNAVAILABLE  ${v.reason}\n  ${''.padEnd(8)}   to get it: ${v.fix}`);
    }
  }
  const how = rebuilt && rebuilt.length ? `set up ${rebuilt.join(', ')}` : 'all cached';
  return `lab verifiers (${how}, ${elapsedMs} ms):\n${lines.join('\n')}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const res = await setupLab({ quiet: json || args.includes('--quiet'), force: args.includes('--force') });
  if (json) process.stdout.write(`${JSON.stringify(res, null, 2)}\n`);
}
