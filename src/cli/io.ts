/**
 * Output and input plumbing for the command line. Output is pipe-safe: nothing calls
 * process.exit while a write is pending; writes wait for the stream (backpressure) and the entry
 * sets process.exitCode and lets Node exit once stdout and stderr have drained.
 */
import { once } from 'node:events';
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Writable } from 'node:stream';

export interface Out {
  /** Writes a chunk; resolves when the stream can take more (after 'drain' when its buffer is full). */
  write(text: string): Promise<void>;
  /** True when colours may be used (a terminal, NO_COLOR unset, not FORCE_COLOR=0). */
  readonly color: boolean;
  readonly isTTY: boolean;
}

/** NO_COLOR (https://no-color.org): present and not empty disables colour; otherwise colour only on a terminal. */
export function colorAllowed(isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR === '0') return false;
  return isTTY;
}

export function streamOut(stream: Writable & { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Out {
  const isTTY = stream.isTTY === true;
  return {
    isTTY,
    color: colorAllowed(isTTY, env),
    async write(text: string): Promise<void> {
      if (text.length === 0) return;
      if (!stream.write(text)) await once(stream, 'drain');
    },
  };
}

/** Resolves once everything written so far has been handed to the operating system. */
export function flushed(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    if (stream.writableLength === 0) resolve();
    else stream.write('', () => resolve());
  });
}

/** A reader that went away (`| head`) is not an error: stop writing and exit quietly. */
export function ignoreEpipe(stream: Writable): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

export interface RawInput {
  /** What the report calls it: the base name, or "stdin". */
  readonly name: string;
  readonly path: string;
  readonly bytes: Uint8Array | null;
  readonly error: string | null;
}

export async function readStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

/** Reads one FILE argument: `-` is stdin; errors are returned, never thrown. */
export async function readOne(path: string): Promise<RawInput> {
  try {
    if (path === '-') return { name: 'stdin', path, bytes: await readStdin(), error: null };
    return { name: basename(path), path, bytes: new Uint8Array(await readFile(path)), error: null };
  } catch (e) {
    return { name: path === '-' ? 'stdin' : basename(path), path, bytes: null, error: `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * Expands FILE arguments: a folder yields every regular file under it (recursively, sorted,
 * skipping names that start with "."), lazily, so thousands of files never sit in memory at once.
 */
export async function* expandPaths(paths: readonly string[]): AsyncGenerator<string> {
  for (const p of paths) {
    if (p === '-') {
      yield p;
      continue;
    }
    let isDir = false;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch {
      // Unreadable: readOne reports why.
    }
    if (isDir) yield* walk(p);
    else yield p;
  }
}

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile()) yield p;
  }
}

/** True when any FILE argument is a folder (the command then streams an inventory). */
export async function anyFolder(paths: readonly string[]): Promise<boolean> {
  for (const p of paths) {
    if (p === '-') continue;
    try {
      if ((await stat(p)).isDirectory()) return true;
    } catch {
      // not a folder
    }
  }
  return false;
}
