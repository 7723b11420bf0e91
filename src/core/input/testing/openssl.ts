/**
 * Test-only helper: builds fixtures with the openssl command line in a temporary folder.
 * Never imported by engine code (only by *.test.ts files), hence the Node built-ins.
 */
/* eslint-disable no-restricted-imports */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function opensslAvailable(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

export class OpensslWorkdir {
  readonly dir: string;
  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'certscope-ossl-'));
  }
  path(name: string): string {
    return join(this.dir, name);
  }
  /** Runs openssl with the arguments; file names may be given as "@name" for files in the work dir. */
  run(...args: string[]): void {
    execFileSync('openssl', args.map((a) => (a.startsWith('@') ? this.path(a.slice(1)) : a)), { stdio: 'pipe', cwd: this.dir });
  }
  read(name: string): Uint8Array {
    return new Uint8Array(readFileSync(this.path(name)));
  }
  write(name: string, data: Uint8Array | string): void {
    writeFileSync(this.path(name), data);
  }
  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
