/**
 * Test-only helpers: what real importers make of a PKCS#12 — `openssl pkcs12` (OpenSSL 3 here)
 * and the JDK's keytool, batched in one JVM (KeytoolBatch.java). Never imported by engine code.
 */
/* eslint-disable no-restricted-imports */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export function commandAvailable(command: string, args: readonly string[]): boolean {
  try {
    execFileSync(command, [...args], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

export const hasOpenssl = commandAvailable('openssl', ['version']);
export const hasJava = commandAvailable('java', ['-version']) && commandAvailable('keytool', ['-help']);

export interface OpensslView {
  readonly ok: boolean;
  readonly stderr: string;
  /** Certificates in the order openssl prints them (DER). */
  readonly certificates: Uint8Array[];
  /** The decrypted PKCS#8 keys (DER). */
  readonly keys: Uint8Array[];
  /**
   * friendlyName values, in order of the bags that carry one. OpenSSL 3.0 prints a BMPString
   * name one byte per character, the low byte of each UTF-16 unit (OPENSSL_uni2asc): compare
   * with `opensslNameSpelling`.
   */
  readonly friendlyNames: string[];
  readonly localKeyIds: string[];
}

const pemBlocks = (text: string, label: string): Uint8Array[] =>
  [...text.matchAll(new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, 'gu'))].map((m) => new Uint8Array(Buffer.from((m[1] ?? '').replace(/\s/gu, ''), 'base64')));

/** `openssl pkcs12 -info -nodes` (MAC verified, every safe and the key decrypted), parsed. */
export function opensslOpen(file: string, password: string, legacy = false): OpensslView {
  const r = spawnSync('openssl', ['pkcs12', ...(legacy ? ['-legacy'] : []), '-info', '-nodes', '-in', file, '-passin', `pass:${password}`], { encoding: 'latin1' });
  const out = r.stdout ?? '';
  return {
    ok: r.status === 0,
    stderr: `${r.stderr ?? ''}`,
    certificates: pemBlocks(out, 'CERTIFICATE'),
    keys: pemBlocks(out, 'PRIVATE KEY'),
    friendlyNames: [...out.matchAll(/^\s*friendlyName: (.*)$/gmu)].map((m) => m[1] ?? ''),
    localKeyIds: [...out.matchAll(/^\s*localKeyID: (.*)$/gmu)].map((m) => (m[1] ?? '').replace(/\s/gu, '').toLowerCase()),
  };
}

/** How `openssl pkcs12 -info` 3.0 prints a friendlyName (read as Latin-1): the low byte of each UTF-16 unit. */
export function opensslNameSpelling(name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i++) out += String.fromCharCode(name.charCodeAt(i) & 0xff);
  return out;
}

/**
 * How to start KeytoolBatch: its class, compiled once per source version into node_modules/.cache
 * (the java launcher would compile the source on every run, about a second), or the source itself
 * when javac is missing.
 */
function batchProgram(): string[] {
  const source = join(import.meta.dirname, 'KeytoolBatch.java');
  const text = readFileSync(source);
  const dir = join(import.meta.dirname, '..', '..', '..', '..', 'node_modules', '.cache', 'certscope-keytool-batch', createHash('sha256').update(text).digest('hex').slice(0, 16));
  if (existsSync(join(dir, 'KeytoolBatch.class'))) return ['-cp', dir, 'KeytoolBatch'];
  const tmp = `${dir}.${process.pid}.tmp`;
  mkdirSync(tmp, { recursive: true });
  const javac = spawnSync('javac', ['-nowarn', '-d', tmp, source], { encoding: 'utf8' });
  if (javac.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    return [source];
  }
  try {
    renameSync(tmp, dir);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another run got there first
  }
  return ['-cp', dir, 'KeytoolBatch'];
}

export interface KeytoolView {
  readonly ok: boolean;
  readonly output: string;
  readonly aliases: string[];
  readonly entryTypes: string[];
  readonly chainLengths: number[];
}

/**
 * `keytool -list -v -storetype PKCS12 -keystore FILE -storepass PASSWORD` for each row, in one JVM
 * (falls back to one keytool process per row if this JDK refuses the batch's security manager).
 */
export function keytoolList(rows: readonly { file: string; password: string }[]): KeytoolView[] {
  const batch = spawnSync('java', ['-Djava.security.manager=allow', '--add-opens', 'java.base/sun.security.tools.keytool=ALL-UNNAMED', ...batchProgram(), ...rows.flatMap((r) => [r.file, r.password])], { encoding: 'utf8' });
  let chunks: { ok: boolean; output: string }[];
  if (batch.status === 0 && batch.stdout.includes('=== 0 ')) {
    chunks = batch.stdout
      .split(/^=== \d+ /mu)
      .slice(1)
      .map((c) => ({ ok: c.startsWith('ok'), output: c }));
  } else {
    chunks = rows.map((r) => {
      const one = spawnSync('keytool', ['-list', '-v', '-storetype', 'PKCS12', '-keystore', r.file, '-storepass', r.password], { encoding: 'utf8' });
      return { ok: one.status === 0, output: `${one.stdout}${one.stderr}` };
    });
  }
  return chunks.map(({ ok, output }) => ({
    ok,
    output,
    aliases: [...output.matchAll(/^Alias name: (.*)$/gmu)].map((m) => m[1] ?? ''),
    entryTypes: [...output.matchAll(/^Entry type: (.*)$/gmu)].map((m) => m[1] ?? ''),
    chainLengths: [...output.matchAll(/^Certificate chain length: (\d+)$/gmu)].map((m) => Number(m[1])),
  }));
}
