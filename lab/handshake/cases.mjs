// Lab cases: inline PEM texts or the fixture format (repo-relative paths, aia[].file as DER),
// normalised to one inline shape; plus the certificate facts the runners need (validity,
// AIA URLs) read with node:crypto.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

function wrapPem(label, der) {
  const b64 = Buffer.from(der).toString('base64').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${b64}-----END ${label}-----\n`;
}

function isPemText(s) {
  return typeof s === 'string' && s.includes('-----BEGIN ');
}

/** Reads a path (relative to the repo root, else to `baseDir`) as PEM text; DER is wrapped with `label`. */
function readMaterial(ref, label, baseDir, root) {
  if (ref == null) return null;
  if (isPemText(ref)) return ref;
  const candidates = [path.resolve(root, ref)];
  if (baseDir) candidates.push(path.resolve(baseDir, ref));
  const file = candidates.find((p) => existsSync(p));
  if (!file) throw new Error(`file not found: ${ref} (looked in ${candidates.join(', ')})`);
  const bytes = readFileSync(file);
  const text = bytes.toString('latin1');
  if (text.includes('-----BEGIN ')) return bytes.toString('utf8');
  if (label === 'PRIVATE KEY') {
    for (const type of ['pkcs8', 'sec1', 'pkcs1']) {
      try { return createPrivateKey({ key: bytes, format: 'der', type }).export({ format: 'pem', type: 'pkcs8' }); } catch { /* next */ }
    }
    throw new Error(`unreadable DER private key: ${ref}`);
  }
  return wrapPem(label, bytes);
}

function readDerBase64(ref, baseDir, root) {
  const candidates = [path.resolve(root, ref)];
  if (baseDir) candidates.push(path.resolve(baseDir, ref));
  const file = candidates.find((p) => existsSync(p));
  if (!file) throw new Error(`file not found: ${ref}`);
  const bytes = readFileSync(file);
  const text = bytes.toString('latin1');
  if (text.includes('-----BEGIN ')) {
    // A PEM file: serve its first block as DER, as an AIA URL would.
    const m = text.match(/-----BEGIN [A-Z0-9 ]+-----([\s\S]*?)-----END/);
    return Buffer.from(m[1].replace(/\s+/g, ''), 'base64').toString('base64');
  }
  return bytes.toString('base64');
}

/**
 * One case in the inline shape (PEM texts, aia der base64); idempotent. Paths are resolved against
 * `root` (the repo root by default), then against `baseDir` (the cases file's folder).
 */
export function normalizeCase(c, baseDir, root = REPO_ROOT) {
  if (c.loadError) throw new Error(c.loadError);
  const list = (v) => (v == null ? [] : Array.isArray(v) ? v : [v]);
  return {
    ...c,
    leaf: readMaterial(c.leaf, 'CERTIFICATE', baseDir, root),
    key: c.key ? readMaterial(c.key, 'PRIVATE KEY', baseDir, root) : undefined,
    intermediates: list(c.intermediates).map((r) => readMaterial(r, 'CERTIFICATE', baseDir, root)),
    roots: list(c.roots).map((r) => readMaterial(r, 'CERTIFICATE', baseDir, root)),
    crls: list(c.crls).map((r) => readMaterial(r, 'X509 CRL', baseDir, root)),
    aia: list(c.aia).map((a) => ({ url: a.url, der: a.der ?? readDerBase64(a.file, baseDir, root) })),
  };
}

/** Reads a cases file: an array of cases, or { cases: [...] }. */
export function loadCasesFile(file) {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const cases = Array.isArray(json) ? json : json.cases;
  if (!Array.isArray(cases)) throw new Error(`${file}: expected an array of cases or { cases: [...] }`);
  return cases.map((c) => ({ raw: c, baseDir: path.dirname(path.resolve(file)) }));
}

/** Every PEM block with `label` in `texts`. */
export function pemBlocks(texts, label) {
  const out = [];
  for (const t of texts) for (const m of String(t).matchAll(PEM_BLOCK)) if (!label || m[1] === label) out.push(`${m[0]}\n`);
  return out;
}

export function certsOf(texts) {
  const out = [];
  for (const pem of pemBlocks(texts, 'CERTIFICATE')) {
    try { out.push(new X509Certificate(pem)); } catch { /* unparseable: the verifier will say */ }
  }
  return out;
}

/** caIssuers / OCSP URLs in a certificate's AIA (node prints them as "CA Issuers - URI:..."). */
export function aiaUrls(cert) {
  const text = cert.infoAccess ?? '';
  return [...text.matchAll(/URI:(\S+)/g)].map((m) => m[1].replace(/,$/, ''));
}

/** 'not-yet-valid' | 'valid' | 'expired' of a certificate at `t` (ms). */
export function validityAt(cert, t) {
  const nb = Date.parse(cert.validFrom);
  const na = Date.parse(cert.validTo);
  if (t < nb) return 'not-yet-valid';
  if (t > na) return 'expired';
  return 'valid';
}

/** Canonical text of an IP literal ('::1', '127.0.0.1'), or null if `ip` is not one. */
export function canonicalIp(ip) {
  const v = String(ip).replace(/^\[|\]$/g, '');
  if (net.isIPv4(v)) return new URL(`http://${v}/`).hostname;
  if (net.isIPv6(v)) return new URL(`http://[${v}]/`).hostname.replace(/^\[|\]$/g, '');
  return null;
}

export function isLoopbackIp(ip) {
  const c = canonicalIp(ip);
  return c != null && (/^127\./.test(c) || c === '::1');
}

export function caseTime(c) {
  const t = Date.parse(c.at);
  if (Number.isNaN(t)) throw new Error(`bad "at": ${c.at}`);
  return t;
}

export function epochSeconds(t) {
  return Math.floor(t / 1000);
}

/**
 * Certificates of the case whose validity status (not yet valid / valid / expired) differs between
 * the case's time `t` and `now`: curl and Chromium verify at the real time only.
 */
export function certTimeDiffs(c, t, now) {
  const diffs = [];
  const certs = [['leaf', certsOf([c.leaf])], ['intermediate', certsOf(c.intermediates)], ['root', certsOf(c.roots)]];
  for (const [what, list] of certs) {
    for (const cert of list) {
      const a = validityAt(cert, t); const b = validityAt(cert, now);
      if (a !== b) diffs.push(`${what} ${cert.subject.replace(/\n/g, ', ')} is ${a} at the case's time but ${b} now`);
    }
  }
  return diffs;
}

