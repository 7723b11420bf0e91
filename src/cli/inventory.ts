/**
 * Inventories: a folder or thousands of files as NDJSON, one line per input, certificate and key,
 * written as soon as each batch is analysed, so memory stays bounded by the batch size and the
 * issuer pool, not by the number of files.
 *
 * Chains still cross files: every CA certificate seen so far (up to POOL_LIMIT) is added to each
 * batch as a candidate issuer, and only the batch's own items are printed. An issuer that appears
 * only later in the walk is not used for earlier batches (a documented limit of streaming).
 */
import type { CertificateModel, DecodedInput } from '../core/model';
import { isCa } from '../core/chain/facts';
import { REPORT_SCHEMA } from '../core/report';
import { expandPaths, readOne, type Out } from './io';
import type { CommonOptions } from './options';
import { ndjsonHeader, ndjsonItems } from './render';
import { analyse, decodeRaw, readTrust } from './session';

/** Certificates analysed together at most. */
export const BATCH_CERTIFICATES = 100;
/** CA certificates kept as candidate issuers for later batches. */
export const POOL_LIMIT = 5_000;
const POOL_NAME = '(issuers from earlier files)';

function emptyInput(name: string, certificates: readonly CertificateModel[]): DecodedInput {
  return { name, sha256Hex: '', size: 0, format: 'pem', errors: [], certificates, csrs: [], crls: [], privateKeys: [], publicKeys: [], pkcs12: null };
}

/** A big input split into parts of at most BATCH_CERTIFICATES certificates (same name); keys stay with the first part. */
function split(input: DecodedInput): DecodedInput[] {
  if (input.certificates.length <= BATCH_CERTIFICATES) return [input];
  const parts: DecodedInput[] = [];
  for (let i = 0; i < input.certificates.length; i += BATCH_CERTIFICATES) {
    const certificates = input.certificates.slice(i, i + BATCH_CERTIFICATES);
    parts.push(i === 0 ? { ...input, certificates } : { ...emptyInput(input.name, certificates), format: input.format, sha256Hex: input.sha256Hex, size: input.size });
  }
  return parts;
}

const PEM_END = /-----END [A-Z0-9 #]+-----\r?\n?/gu;

/** Splits PEM text with more than BATCH_CERTIFICATES blocks into slices of that many blocks; null when not worth it (or not PEM). */
export function pemSlices(bytes: Uint8Array): Uint8Array[] | null {
  if (bytes.length < 64 * 1024) return null;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (!text.includes('-----BEGIN ')) return null;
  const slices: Uint8Array[] = [];
  const encoder = new TextEncoder();
  let start = 0;
  let blocks = 0;
  for (const m of text.matchAll(PEM_END)) {
    if (++blocks % BATCH_CERTIFICATES === 0) {
      const end = (m.index ?? 0) + m[0].length;
      slices.push(encoder.encode(text.slice(start, end)));
      start = end;
    }
  }
  if (start < text.length && text.slice(start).trim() !== '') slices.push(encoder.encode(text.slice(start)));
  return slices.length > 1 ? slices : null;
}

export interface InventoryResult {
  readonly inputs: number;
  readonly unreadable: number;
  readonly certificates: number;
}

export async function streamInventory(paths: readonly string[], o: CommonOptions, out: Out, progress: ((text: string) => void) | null): Promise<InventoryResult> {
  const trustedRoots = await readTrust(o.trust, o.passwords);
  await out.write(`${JSON.stringify(ndjsonHeader({ schema: REPORT_SCHEMA, evaluatedAt: o.at, host: o.host }))}\n`);
  const pool = new Map<string, CertificateModel>();
  const printed = new Set<string>();
  const laterParts = new WeakSet<DecodedInput>();
  let batch: DecodedInput[] = [];
  let batchCerts = 0;
  let inputs = 0;
  let unreadable = 0;
  let certificates = 0;

  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const poolInput = emptyInput(POOL_NAME, [...pool.values()].filter((c) => !batch.some((b) => b.certificates.includes(c))));
    const { report } = await analyse(poolInput.certificates.length > 0 ? [...batch, poolInput] : batch, o, trustedRoots);
    let text = '';
    let inputIndex = 0;
    for (const line of ndjsonItems(report)) {
      if (line.type === 'input') {
        // report.inputs follow the batch order; the later parts of a split input repeat its line.
        const part = batch[inputIndex++];
        if (!part || laterParts.has(part)) continue;
      }
      if (line.type === 'certificate') {
        const own = line.sources.filter((s) => s !== POOL_NAME);
        if (own.length === 0 || printed.has(line.sha256)) continue;
        printed.add(line.sha256);
        certificates++;
        text += `${JSON.stringify({ ...line, sources: own })}\n`;
        continue;
      }
      text += `${JSON.stringify(line)}\n`;
    }
    await out.write(text);
    for (const input of batch) for (const c of input.certificates) if (pool.size < POOL_LIMIT && isCa(c)) pool.set(c.sha256Hex, c);
    batch = [];
    batchCerts = 0;
    progress?.(`certscope: ${inputs} inputs, ${certificates} certificates`);
  };

  for await (const path of expandPaths(paths)) {
    const raw = await readOne(path);
    inputs++;
    // A big PEM bundle is decoded a slice of blocks at a time, so its models never all sit in memory.
    const slices = raw.bytes ? pemSlices(raw.bytes) : null;
    let failed = false;
    let first = true;
    for (const bytes of slices ?? [null]) {
      const decoded = await decodeRaw(bytes ? { ...raw, bytes } : raw, o.passwords);
      if (decoded.errors.length > 0) failed = true;
      for (const part of split(decoded)) {
        if (!first) laterParts.add(part);
        first = false;
        if (batchCerts + part.certificates.length > BATCH_CERTIFICATES) await flush();
        batch.push(part);
        batchCerts += part.certificates.length;
      }
    }
    if (failed) unreadable++;
  }
  await flush();
  progress?.(`certscope: done, ${inputs} inputs, ${certificates} certificates\n`);
  return { inputs, unreadable, certificates };
}
