#!/usr/bin/env node
// `certscope` from a clone. Installed packages run dist-cli/certscope.mjs directly (the bundled
// CLI, no TypeScript at run time). Here, in a development checkout, this script builds that bundle
// when it is missing or older than src/ (scripts/build-cli.mjs, with the esbuild the dev
// dependencies bring; about 0.3 s) and runs it. If the build cannot run (no node_modules), it
// falls back to running src/cli/main.ts through tsx and says so on stderr.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist-cli', 'certscope.mjs');

async function ensureBundle() {
  const script = join(root, 'scripts', 'build-cli.mjs');
  if (!existsSync(script)) return existsSync(bundle);
  try {
    const { isStale, buildCli } = await import(pathToFileURL(script).href);
    if (isStale()) await buildCli();
    return true;
  } catch (e) {
    process.stderr.write(`certscope: could not build dist-cli (${e instanceof Error ? e.message : String(e)}); running the TypeScript sources through tsx instead\n`);
    return false;
  }
}

if (await ensureBundle()) {
  // The bundle reads process.argv itself; argv[1] is this script, as it expects.
  await import(pathToFileURL(bundle).href);
} else {
  const require = createRequire(import.meta.url);
  const tsxCli = require.resolve('tsx/cli', { paths: [root] });
  const result = spawnSync(process.execPath, [tsxCli, join(root, 'src', 'cli', 'main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = result.status ?? 2;
}
