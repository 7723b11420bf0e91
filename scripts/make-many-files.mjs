// Writes a folder of many small files like a CA test folder a person drops at once:
// every committed fixture under test/fixtures (certificates, keys, CSRs, CRLs, PKCS#7, PKCS#12,
// junk), each also in a second encoding (PEM <-> DER) and as a damaged copy (cut short, or one
// byte changed), in nested folders that keep their names (so many files share a name, like
// end.crt in a real suite). Deterministic. Default 1,385 files, to
// test/fixtures/generated/many/ (gitignored), for `npm run bench` and the large-session e2e test.
//
//   node scripts/make-many-files.mjs [--count 1385] [--out dir]
// Importable: `import { makeManyFiles } from './make-many-files.mjs'`.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(root, 'test', 'fixtures');

function walk(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (p.startsWith(join(fixtures, 'generated')) || p.startsWith(join(fixtures, 'tools'))) continue;
    const s = statSync(p);
    if (s.isDirectory()) walk(p, out);
    else if (s.size > 0 && s.size < 1024 * 1024 && !/\.(sh|md|json|py|mjs|txt)$/u.test(name)) out.push(p);
  }
  return out;
}

const pemBody = (text) => /-----BEGIN ([^-]+)-----([\s\S]*?)-----END \1-----/u.exec(text);
function otherEncoding(bytes) {
  const text = bytes.toString('latin1');
  const m = pemBody(text);
  if (m) return { bytes: Buffer.from(m[2].replace(/\s+/gu, ''), 'base64'), suffix: '.der' };
  if (bytes[0] === 0x30) {
    const b64 = bytes.toString('base64').replace(/.{1,64}/gu, '$&\n');
    return { bytes: Buffer.from(`-----BEGIN CERTIFICATE-----\n${b64}-----END CERTIFICATE-----\n`), suffix: '.pem' };
  }
  return null;
}
function damaged(bytes, i) {
  const copy = Buffer.from(bytes);
  if (i % 2 === 0) return copy.subarray(0, Math.max(1, Math.floor(copy.length * 0.6)));
  copy[Math.floor(copy.length / 2)] ^= 0x5a;
  return copy;
}

export function makeManyFiles({ count = 1385, out = join(fixtures, 'generated', 'many') } = {}) {
  rmSync(out, { recursive: true, force: true });
  const sources = walk(fixtures);
  const files = [];
  const put = (rel, bytes) => {
    if (files.length >= count) return;
    const p = join(out, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, bytes);
    files.push(p);
  };
  for (const [i, src] of sources.entries()) {
    const rel = relative(fixtures, src);
    const bytes = readFileSync(src);
    put(join('original', rel), bytes);
    const other = otherEncoding(bytes);
    if (other) put(join('converted', rel + other.suffix), other.bytes);
    put(join('damaged', rel), damaged(bytes, i));
  }
  // Top up with more damaged variants until the count is reached.
  for (let round = 1; files.length < count; round++) {
    for (const [i, src] of sources.entries()) put(join(`damaged-${round}`, relative(fixtures, src)), damaged(readFileSync(src), i + round));
  }
  return files;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const files = makeManyFiles({ count: Number(opt('--count') ?? 1385), ...(opt('--out') ? { out: resolve(opt('--out')) } : {}) });
  console.log(`wrote ${files.length} files`);
}
