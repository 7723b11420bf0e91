// Shared plumbing for the handshake lab: processes that always die, free loopback ports,
// per-case scratch directories and time limits, bounded parallelism.
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Process groups still alive; killed on exit whatever happens. */
const live = new Set();

function killGroup(pid) {
  try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
  try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
}

process.once('exit', () => { for (const pid of live) killGroup(pid); });
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => { for (const pid of live) killGroup(pid); process.exit(130); });
}

/**
 * A case's scope: the processes it started, the directory it writes to, and cleanups,
 * all undone by `close()`, which `withCase` calls on success, failure and time-out alike.
 */
export class Scope {
  constructor(dir) {
    this.dir = dir;
    this.procs = new Set();
    this.cleanups = [];
    this.closed = false;
  }

  /** Writes `text` to `name` in the case's directory and returns the full path. */
  async file(name, text) {
    const p = path.join(this.dir, name);
    await writeFile(p, text);
    return p;
  }

  onClose(fn) { this.cleanups.push(fn); }

  /**
   * Starts `cmd` in its own process group. Output is collected; `wait()` resolves with
   * { code, signal, stdout, stderr } when it exits. The whole group is killed on close().
   */
  spawn(cmd, args, { input, env, cwd } = {}) {
    if (this.closed) throw new Error('scope closed');
    if (process.env.CERTSCOPE_HS_DEBUG) process.stderr.write(`[hs] ${cmd} ${args.map((a) => (/[\s*'"]/.test(a) ? `'${a}'` : a)).join(' ')}\n`);
    const child = spawn(cmd, args, { detached: true, stdio: ['pipe', 'pipe', 'pipe'], env: env ?? process.env, cwd: cwd ?? this.dir });
    const proc = { child, stdout: '', stderr: '', exited: false, code: null, signal: null, listeners: [] };
    live.add(child.pid);
    this.procs.add(proc);
    child.stdout.on('data', (d) => { proc.stdout += d; for (const l of proc.listeners) l(); });
    child.stderr.on('data', (d) => { proc.stderr += d; for (const l of proc.listeners) l(); });
    child.stdin.on('error', () => {});
    const done = new Promise((resolve) => {
      child.on('error', (err) => { proc.stderr += `\n[spawn error] ${err.message}`; });
      child.on('close', (code, signal) => {
        proc.exited = true; proc.code = code; proc.signal = signal;
        live.delete(child.pid);
        killGroup(child.pid); // grandchildren too
        for (const l of proc.listeners) l();
        resolve(proc);
      });
    });
    proc.wait = () => done;
    if (input !== undefined) child.stdin.end(input);
    return proc;
  }

  /** Runs `cmd` to completion (killed by the case's time limit at the latest). */
  async run(cmd, args, opts) {
    return this.spawn(cmd, args, opts).wait();
  }

  /** Resolves when `re` matches the process's output; rejects if it exits first. */
  waitFor(proc, re) {
    return new Promise((resolve, reject) => {
      const check = () => {
        const out = proc.stdout + proc.stderr;
        const m = out.match(re);
        if (m) { resolve(m); return true; }
        if (proc.exited) { reject(Object.assign(new Error(`exited (${proc.code ?? proc.signal}) before ${re}: ${out.trim().slice(-600)}`), { output: out })); return true; }
        return false;
      };
      if (check()) return;
      const l = () => { if (check()) proc.listeners.splice(proc.listeners.indexOf(l), 1); };
      proc.listeners.push(l);
    });
  }

  async close() {
    if (this.closed) return;
    this.closed = true;
    for (const proc of this.procs) {
      if (!proc.exited) killGroup(proc.child.pid);
      live.delete(proc.child.pid);
    }
    for (const fn of this.cleanups.reverse()) {
      try { await fn(); } catch { /* best effort */ }
    }
    if (!process.env.CERTSCOPE_HS_KEEP) await rm(this.dir, { recursive: true, force: true }).catch(() => {});
  }
}

export class CaseTimeout extends Error {}

/**
 * Runs `fn(scope)` with a fresh scratch directory and a time limit; every process and
 * server the case started is stopped before this resolves. Never rejects: a thrown error
 * becomes `onError(err, scope)`'s result.
 */
export async function withCase(timeoutMs, fn, onError) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'certscope-hs-'));
  const scope = new Scope(dir);
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new CaseTimeout(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    return await Promise.race([fn(scope), limit]);
  } catch (err) {
    return onError(err, scope);
  } finally {
    clearTimeout(timer);
    await scope.close();
  }
}

/** A TCP port free on `host` right now (the caller retries if it is taken in between). */
export function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Maps `items` through `fn` with at most `limit` running at once, keeping order. */
export async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

/** In-process mutex per key (AIA ports): cases that need the same port take turns. */
const locks = new Map();
export async function withLocks(keys, fn) {
  const sorted = [...new Set(keys)].sort((a, b) => String(a).localeCompare(String(b)));
  const releases = [];
  try {
    for (const key of sorted) {
      const prev = locks.get(key) ?? Promise.resolve();
      let release;
      const mine = new Promise((r) => { release = r; });
      const chained = prev.then(() => mine);
      locks.set(key, chained);
      await prev;
      releases.push(() => { release(); if (locks.get(key) === chained) locks.delete(key); });
    }
    return await fn();
  } finally {
    for (const r of releases.reverse()) r();
  }
}

export function execText(cmd, args) {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: 10_000 }, (err, stdout, stderr) => resolve({ err, stdout: String(stdout), stderr: String(stderr) }));
  });
}

/** The first line of `text` matching `re`, trimmed. */
export function firstLine(text, re) {
  return text.split(/\r?\n/).find((l) => re.test(l))?.trim() ?? null;
}

export function tail(text, n = 600) {
  const t = text.trim();
  return t.length > n ? `…${t.slice(-n)}` : t;
}
