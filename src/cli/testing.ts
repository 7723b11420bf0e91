/**
 * Test helpers for the CLI: the bundle is built once per test file into a temporary folder (about
 * 0.3 s), and commands run as real child processes, with their own stdin, stdout and stderr pipes.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
/** Evaluation time the fixtures are valid at. */
export const AT = '2026-06-01T00:00:00Z';

let built: Promise<string> | null = null;

/**
 * Path of a freshly built dist-cli/certscope.mjs (its folder is the package to pack). Built once
 * per test run: the first test file to ask builds into a temporary folder and renames it to a
 * cache folder named after the sources' newest modification time; the others reuse it.
 */
export function cliBundle(): Promise<string> {
  built ??= (async () => {
    const { buildCli, newestSourceTime } = (await import(join(ROOT, 'scripts', 'build-cli.mjs'))) as { buildCli: (dir: string) => Promise<void>; newestSourceTime: () => number };
    const cacheRoot = join(ROOT, 'node_modules', '.cache', 'certscope-cli-test');
    const cached = join(cacheRoot, String(Math.floor(newestSourceTime())));
    const entry = join(cached, 'certscope.mjs');
    if (existsSync(entry)) return entry;
    mkdirSync(cacheRoot, { recursive: true });
    const dir = mkdtempSync(join(cacheRoot, 'build-'));
    await buildCli(dir);
    try {
      renameSync(dir, cached);
      // Builds of older sources are of no further use.
      for (const old of readdirSync(cacheRoot)) if (/^\d+$/u.test(old) && join(cacheRoot, old) !== cached) rmSync(join(cacheRoot, old), { recursive: true, force: true });
    } catch {
      // Another test file finished the same build first: use that one.
      rmSync(dir, { recursive: true, force: true });
    }
    return entry;
  })();
  return built;
}

export interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly stdin?: string | Uint8Array;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

/** Runs `certscope ARGS` (the built bundle) with piped stdio. */
export async function certscope(args: readonly string[], options: RunOptions = {}): Promise<Ran> {
  const bundle = await cliBundle();
  return runNode([bundle, ...args], options);
}

export function runNode(args: readonly string[], options: RunOptions = {}): Promise<Ran> {
  return runProcess(process.execPath, args, options);
}

export function runProcess(command: string, args: readonly string[], options: RunOptions = {}): Promise<Ran> {
  return new Promise((resolvePromise, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
    for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
    const child = spawn(command, [...args], { cwd: options.cwd ?? ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    if (options.stdin !== undefined) child.stdin.end(options.stdin);
    else child.stdin.end();
  });
}

/**
 * Runs a command line in this process (main.ts `run`) with captured output: for usage errors,
 * which never reach the engine, so the table rows do not each pay for a Node start.
 */
export async function certscopeInProcess(args: readonly string[]): Promise<Ran> {
  const { run } = await import('./main');
  let stdout = '';
  let stderr = '';
  const out = (append: (s: string) => void) => ({ isTTY: false, color: false, write: async (t: string) => append(t) });
  const code = await run(args, { out: out((t) => (stdout += t)), err: out((t) => (stderr += t)), now: new Date().toISOString() });
  return { code, stdout, stderr };
}
