/**
 * Test-only helper: every certificate in ../shared/corpus (PEM blocks and DER files under pyca,
 * the PKCS#7 bundle, and every certificate of the x509-limbo cases), each with what
 * `openssl x509 -noout -text` does with it. Never imported by engine code.
 */
/* eslint-disable no-restricted-imports */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitPem } from './corpus';

export const SHARED_CORPUS = fileURLToPath(new URL('../../../../../shared/corpus', import.meta.url));
export const SHARED_CORPUS_PRESENT = existsSync(SHARED_CORPUS);

export interface CorpusCertificate {
  /** file#block, relative to the corpus root. */
  readonly name: string;
  readonly der: Uint8Array;
}

function walkAll(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walkAll(p) : [p];
  });
}

function pemBodies(text: string, label: RegExp): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const m of text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g)) {
    if (!label.test(m[1] ?? '')) continue;
    out.push(new Uint8Array(Buffer.from((m[2] ?? '').replace(/\s+/g, ''), 'base64')));
  }
  return out;
}

/** Every certificate of the shared corpus (PKCS#12 files excepted: they need passwords and are tested on their own). */
export function corpusCertificates(): CorpusCertificate[] {
  const out: CorpusCertificate[] = [];
  for (const f of walkAll(SHARED_CORPUS).sort()) {
    const rel = relative(SHARED_CORPUS, f);
    if (/\.(pem|der|crt)$/i.test(f)) {
      const bytes = readFileSync(f);
      const text = bytes.toString('latin1');
      if (text.includes('-----BEGIN PKCS7-----')) {
        const p7 = spawnSync('openssl', ['pkcs7', '-print_certs'], { input: bytes });
        pemBodies(p7.stdout.toString('latin1'), /^CERTIFICATE$/).forEach((der, i) => out.push({ name: `${rel}#p7-${i + 1}`, der }));
      } else if (text.includes('-----BEGIN ')) {
        for (const b of splitPem(text)) if (b.kind === 'certificate') out.push({ name: `${rel}#${b.location.pemBlock ?? 0}`, der: b.der });
      } else if (!/requests\/|crl/i.test(rel)) out.push({ name: rel, der: new Uint8Array(bytes) });
    } else if (/limbo-\d.*\.json$/.test(f)) {
      const limbo = JSON.parse(readFileSync(f, 'utf8')) as { testcases: { id: string; peer_certificate: string; untrusted_intermediates: string[]; trusted_certs: string[] }[] };
      for (const t of limbo.testcases) {
        const pems = [t.peer_certificate, ...t.untrusted_intermediates, ...t.trusted_certs];
        pems.forEach((pem, i) => pemBodies(pem, /CERTIFICATE/).forEach((der) => out.push({ name: `${rel}#${t.id}/${i}`, der })));
      }
    }
  }
  return out;
}

/** Whether `openssl x509 -noout -text` prints the certificate (exit 0), and its first error line otherwise. */
export function opensslPrints(der: Uint8Array): { ok: boolean; error: string } {
  const r = spawnSync('openssl', ['x509', '-inform', 'DER', '-noout', '-text'], { input: der });
  const err = r.stderr.toString('utf8').split('\n').find((l) => l.trim() !== '') ?? '';
  return { ok: r.status === 0, error: err };
}

/**
 * opensslPrints for many certificates at once: openssl parses them all as one PKCS#7 bundle
 * (`crl2pkcs7 -certfile` reads each with the same d2i as `x509`) and prints them all (`pkcs7
 * -print_certs -text`). A batch that fails is split in halves down to single certificates, which
 * get opensslPrints itself (and its error line). Two processes instead of one per certificate.
 */
export function opensslPrintsMany(ders: readonly Uint8Array[]): { ok: boolean; error: string }[] {
  if (ders.length === 0) return [];
  if (ders.length === 1) return [opensslPrints(ders[0] as Uint8Array)];
  const pem = ders.map((d) => `-----BEGIN CERTIFICATE-----\n${Buffer.from(d).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`).join('');
  const dir = mkdtempSync(join(tmpdir(), 'certscope-corpus-'));
  try {
    const file = join(dir, 'bundle.pem');
    writeFileSync(file, pem);
    const p7 = spawnSync('openssl', ['crl2pkcs7', '-nocrl', '-certfile', file, '-outform', 'DER']);
    const printed = p7.status === 0 ? spawnSync('openssl', ['pkcs7', '-inform', 'DER', '-print_certs', '-text', '-noout'], { input: p7.stdout, maxBuffer: 1 << 30 }) : null;
    if (printed?.status === 0) return ders.map(() => ({ ok: true, error: '' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const half = Math.ceil(ders.length / 2);
  return [...opensslPrintsMany(ders.slice(0, half)), ...opensslPrintsMany(ders.slice(half))];
}

export const OPENSSL_PRESENT = spawnSync('openssl', ['version']).status === 0;

/** The corpus PKCS#12 files. */
export function corpusPkcs12(): { name: string; path: string; bytes: Uint8Array }[] {
  return walkAll(SHARED_CORPUS)
    .filter((f) => /\.(p12|pfx)$/i.test(f))
    .sort()
    .map((f) => ({ name: relative(SHARED_CORPUS, f), path: f, bytes: new Uint8Array(readFileSync(f)) }));
}

/** How many certificates `openssl pkcs12 -nokeys` prints from a file, with the first password that works (with -legacy when needed). */
export function opensslPkcs12Certificates(path: string, passwords: readonly string[]): number {
  for (const legacy of [false, true]) {
    for (const p of passwords) {
      const r = spawnSync('openssl', ['pkcs12', '-in', path, '-nokeys', '-passin', `pass:${p}`, ...(legacy ? ['-legacy'] : [])]);
      if (r.status === 0) return (r.stdout.toString('latin1').match(/-----BEGIN CERTIFICATE-----/g) ?? []).length;
    }
  }
  return 0;
}
