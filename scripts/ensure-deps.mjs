#!/usr/bin/env node
// Installs npm dependencies when node_modules is missing or older than the lockfile, so that the
// README's two commands work on a fresh clone. Uses only Node built-ins (it runs before install).
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lock = path.join(root, 'package-lock.json');
const marker = path.join(root, 'node_modules', '.package-lock.json');

export function ensureDeps() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`certscope: Node ${process.versions.node} is too old; install Node 20.19 or newer (https://nodejs.org) and run this again.`);
    process.exit(1);
  }
  const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs;
  if (!stale) return;
  console.log('certscope: installing dependencies (npm ci)…');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('certscope: `npm ci` failed. Check that the npm registry is reachable (npm config get registry), then run `npm ci` by hand to see the error.');
    process.exit(r.status ?? 1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) ensureDeps();
