#!/usr/bin/env node
// A tiny static server for the built app, used by the browser tests and the benchmark. It serves
// dist/ both at "/" and at "/tools/certscope/" to prove the build works under any sub-path, and
// sends nothing but files (no rewrites), like the plainest static host.
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const SUB_PATH = '/tools/certscope/';
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain', '.wasm': 'application/wasm',
};

export function startServer(port) {
  const server = http.createServer(async (req, res) => {
    try {
      let url = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (url.startsWith(SUB_PATH)) url = '/' + url.slice(SUB_PATH.length);
      if (url.endsWith('/')) url += 'index.html';
      const file = path.join(root, path.normalize(url));
      if (!file.startsWith(root)) throw new Error('outside root');
      const s = await stat(file);
      if (!s.isFile()) throw new Error('not a file');
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      let body = await readFile(file);
      const headers = { 'content-type': type, 'cache-control': 'no-cache' };
      // Compress text like any real static host does, so measurements are realistic.
      if (/text|javascript|json|svg|manifest/.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = gzipSync(body);
        headers['content-encoding'] = 'gzip';
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--port');
  const port = i > 0 ? Number(process.argv[i + 1]) : 4317;
  await startServer(port);
  console.log(`serving dist/ at http://127.0.0.1:${port}/ and http://127.0.0.1:${port}${SUB_PATH}`);
}
