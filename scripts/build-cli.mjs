// Builds the installable command line: one ESM bundle, dist-cli/certscope.mjs, plus lazily
// loaded chunks (the verifier models, the Mozilla root store, `connect`, inventories), with every
// runtime library (pkijs, @peculiar/x509, reflect-metadata, …) inside. No TypeScript and no tsx at
// run time.
//
// What gets packed is dist-cli/ itself, with a package.json written here that has NO
// dependencies: `npm pack ./dist-cli` gives certscope-<version>.tgz, which installs into an empty
// folder offline. Packing the repository root instead would drag in its `dependencies` (React,
// react-query, … which only the browser app needs and Vite already bundles) and need the network;
// moving those to devDependencies would also work but churns the lock file every engineer shares,
// so the CLI package is generated instead. The root package.json's `bin` points at the same bundle
// (for `npm link` from a clone) and its `files` limits a root pack to dist-cli/.
//
//   node scripts/build-cli.mjs [--outdir dist-cli] [--if-stale]
//
// --if-stale skips the build when the bundle is newer than every file under src/ and this script
// (bin/certscope.mjs and the CLI tests use it). esbuild is the bundler that vite and tsx already
// install.
import { build } from 'esbuild';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const outIndex = argv.indexOf('--outdir');
const outdir = resolve(root, outIndex >= 0 ? (argv[outIndex + 1] ?? 'dist-cli') : 'dist-cli');
const entry = join(outdir, 'certscope.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|mjs|json)$/u.test(e.name) && !/\.test\.ts$/u.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

export function isStale(target = entry) {
  let built;
  try {
    built = statSync(target).mtimeMs;
  } catch {
    return true;
  }
  const sources = Math.max(newestSource(join(root, 'src', 'core')), newestSource(join(root, 'src', 'cli')), statSync(fileURLToPath(import.meta.url)).mtimeMs, statSync(join(root, 'package.json')).mtimeMs);
  return sources > built;
}

export async function buildCli(dir = outdir) {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: { certscope: join(root, 'src', 'cli', 'main.ts') },
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: process.env.CERTSCOPE_CLI_MINIFY !== "0",
    sourcemap: false,
    legalComments: 'linked',
    chunkNames: 'chunks/[name]-[hash]',
    alias: { '@': join(root, 'src') },
    define: { CERTSCOPE_VERSION: JSON.stringify(version), CERTSCOPE_BUNDLED: 'true' },
    banner: { js: '#!/usr/bin/env node\nimport { createRequire as __certscopeRequire } from "node:module"; const require = __certscopeRequire(import.meta.url);' },
    logLevel: 'warning',
  });
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const cliPackage = {
    name: pkg.name,
    version,
    description: 'certscope command line: decode certificates, build chains, and get the verdict of Chrome, OpenSSL, Go, Java and webpki for TLS server and client roles.',
    license: pkg.license,
    type: 'module',
    engines: pkg.engines,
    bin: { certscope: 'certscope.mjs' },
    files: ['certscope.mjs', 'chunks/', '*.LEGAL.txt', 'README.md'],
    dependencies: {},
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(cliPackage, null, 2)}\n`);
  writeFileSync(
    join(dir, 'README.md'),
    `# certscope ${version} (command line)\n\nThe command line of Certscope, bundled: no runtime dependencies, works offline.\n\n    certscope inspect FILE...\n    certscope check --role server|client [--host H] FILE...\n    certscope connect HOST[:PORT]\n    certscope help COMMAND\n`,
  );
  chmodSync(join(dir, 'certscope.mjs'), 0o755);
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  if (argv.includes('--if-stale') && !isStale()) process.exit(0);
  const t0 = performance.now();
  await buildCli();
  process.stderr.write(`build-cli: ${entry} in ${Math.round(performance.now() - t0)} ms\n`);
}
