/**
 * From FILE arguments (or bytes fetched from a server) to a session analysis: the same
 * decodeInput + analyzeSession the app runs. The CLI adds no verdict logic of its own.
 */
import '../core/setup';
import { decodeInput } from '../core/decode-input';
import type { CertificateModel, DecodedInput } from '../core/model';
import { analyzeSession, type SessionAnalysis } from '../core/session';
import { buildReport, type Report } from '../core/report';
import { readOne, type RawInput } from './io';
import { UsageError, type CommonOptions } from './options';

export function unreadable(raw: RawInput): DecodedInput {
  return {
    name: raw.name,
    sha256Hex: '',
    size: 0,
    format: null,
    errors: [{ code: 'UNRECOGNIZED_INPUT', message: raw.error ?? `cannot read ${raw.path}` }],
    certificates: [],
    csrs: [],
    crls: [],
    privateKeys: [],
    publicKeys: [],
    pkcs12: null,
  };
}

export async function decodeRaw(raw: RawInput, passwords: readonly string[]): Promise<DecodedInput> {
  if (!raw.bytes) return unreadable(raw);
  return decodeInput({ name: raw.name, bytes: raw.bytes }, { passwords });
}

export async function readTrust(files: readonly string[], passwords: readonly string[]): Promise<CertificateModel[]> {
  const roots: CertificateModel[] = [];
  for (const f of files) {
    const t = await decodeRaw(await readOne(f), passwords);
    if (t.certificates.length === 0) throw new UsageError(`--trust ${f}: ${t.errors[0]?.message ?? 'no certificate'}`);
    roots.push(...t.certificates);
  }
  return roots;
}

export interface Analysed {
  readonly inputs: readonly DecodedInput[];
  readonly analysis: SessionAnalysis;
  readonly report: Report;
}

export async function analyse(inputs: readonly DecodedInput[], o: CommonOptions, trustedRoots: readonly CertificateModel[], host: string | null = o.host): Promise<Analysed> {
  const analysis = await analyzeSession(inputs, { at: o.at, host, trustedRoots, builtinRoots: o.builtinRoots });
  return { inputs, analysis, report: buildReport(analysis) };
}

/** Reads and decodes every FILE (`-` is stdin), then analyses them as one session. */
export async function analyseFiles(files: readonly string[], o: CommonOptions): Promise<Analysed> {
  const inputs: DecodedInput[] = [];
  for (const f of files) inputs.push(await decodeRaw(await readOne(f), o.passwords));
  return analyse(inputs, o, await readTrust(o.trust, o.passwords));
}
