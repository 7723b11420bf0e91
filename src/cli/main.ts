/**
 * certscope command line: reads files, calls core, prints. No logic of its own
 * (shared/spec/report.md). Exit status: 0 all inputs read, 1 some input unreadable, 2 usage.
 */
import '../core/setup';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decodeInput } from '../core/decode-input';
import type { CertificateModel, DecodedInput } from '../core/model';
import { analyzeSession } from '../core/session';
import { buildReport, type Report } from '../core/report';
import { formatScoreTable, runLimbo, scoreLimbo, type LimboCaseInput } from './limbo';

const USAGE = `usage:
  certscope inspect [--json] [--password P]... [--host H] [--at ISO] [--trust FILE]... [--no-builtin-roots] FILE...
  certscope limbo [--include REGEX] LIMBO.json`;

class UsageError extends Error {}

export interface InspectArgs {
  readonly json: boolean;
  readonly passwords: string[];
  readonly host: string | null;
  readonly at: string;
  readonly trust: string[];
  readonly builtinRoots: boolean;
  readonly files: string[];
}

export function parseInspectArgs(argv: readonly string[], now: string): InspectArgs {
  const out: { -readonly [K in keyof InspectArgs]: InspectArgs[K] } = { json: false, passwords: [], host: null, at: now, trust: [], builtinRoots: true, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--json') out.json = true;
    else if (arg === '--password') out.passwords.push(value());
    else if (arg === '--host') out.host = value();
    else if (arg === '--at') {
      const v = value();
      if (Number.isNaN(Date.parse(v))) throw new UsageError(`--at: not an ISO-8601 time: ${v}`);
      out.at = new Date(v).toISOString();
    } else if (arg === '--trust') out.trust.push(value());
    else if (arg === '--no-builtin-roots') out.builtinRoots = false;
    else if (arg === '--') {
      out.files.push(...argv.slice(i + 1));
      break;
    }
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else out.files.push(arg);
  }
  if (out.files.length === 0) throw new UsageError('inspect needs at least one FILE');
  return out;
}

async function readInput(path: string, passwords: readonly string[]): Promise<DecodedInput> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (e) {
    return {
      name: basename(path),
      sha256Hex: '',
      size: 0,
      format: null,
      errors: [{ code: 'UNRECOGNIZED_INPUT', message: `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}` }],
      certificates: [],
      csrs: [],
      crls: [],
      privateKeys: [],
      publicKeys: [],
      pkcs12: null,
    };
  }
  return decodeInput({ name: basename(path), bytes }, { passwords });
}

function textSummary(r: Report): string {
  const lines: string[] = [`Evaluated at ${r.evaluatedAt}${r.host ? ` for host ${r.host}` : ''}`];
  for (const i of r.inputs) lines.push(`input ${i.name}: ${i.format ?? 'unrecognised'}${i.error ? ` ERROR ${i.error.code}: ${i.error.message}` : ''}`);
  for (const c of r.certificates) {
    lines.push('', `certificate ${c.subject || '(empty subject)'}`, `  issuer   ${c.issuer}`, `  valid    ${c.notBefore} .. ${c.notAfter}`, `  sha256   ${c.sha256}`, `  chain    ${c.chain.status} (${c.chain.path.length} certificate${c.chain.path.length === 1 ? '' : 's'})`, `  key      ${c.privateKey}`);
    for (const role of ['tlsServer', 'tlsClient'] as const) {
      const s = c.suitability[role];
      lines.push(`  ${role === 'tlsServer' ? 'TLS server' : 'TLS client'}${s.asCa ? ' (as a CA: certificates it issues)' : ''}: ${s.verdict}`);
      for (const [id, a] of Object.entries(s.verifiers)) {
        if (!a) continue;
        const then = a.ifRootTrusted ? ` (once the peer trusts the root: ${a.ifRootTrusted.accepts ? 'accepts' : `refuses: ${a.ifRootTrusted.error ?? ''}`})` : '';
        lines.push(`    ${id.padEnd(8)} ${a.accepts ? 'accepts' : `refuses: ${a.error ?? ''}`}${then}`);
        if (!a.accepts && a.fix) lines.push(`             fix: ${a.fix}`);
      }
      for (const f of s.findings) lines.push(`    [${f.severity}] ${f.code}: ${f.message}`);
    }
  }
  for (const k of r.privateKeys) lines.push('', `private key ${k.algorithm}${k.bits ? ` ${k.bits}` : ''}${k.curve ? ` ${k.curve}` : ''}${k.encrypted ? ' (encrypted)' : ''} from ${k.sources.join(', ')}: ${k.certificate ? `matches ${k.certificate}` : 'no matching certificate'}`);
  return lines.join('\n');
}

export async function inspect(args: InspectArgs): Promise<{ report: Report; exitCode: number }> {
  const inputs: DecodedInput[] = [];
  for (const f of args.files) inputs.push(await readInput(f, args.passwords));
  const trustedRoots: CertificateModel[] = [];
  for (const f of args.trust) {
    const t = await readInput(f, args.passwords);
    if (t.errors.length > 0 && t.certificates.length === 0) throw new UsageError(`--trust ${f}: ${t.errors[0]?.message ?? 'no certificate'}`);
    trustedRoots.push(...t.certificates);
  }
  const analysis = await analyzeSession(inputs, { at: args.at, host: args.host, trustedRoots, builtinRoots: args.builtinRoots });
  const report = buildReport(analysis);
  return { report, exitCode: inputs.some((i) => i.errors.length > 0) ? 1 : 0 };
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'inspect') {
      const args = parseInspectArgs(rest, new Date().toISOString());
      const { report, exitCode } = await inspect(args);
      process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : `${textSummary(report)}\n`);
      return exitCode;
    }
    if (command === 'limbo') {
      let include: RegExp | undefined;
      let file: string | undefined;
      for (let i = 0; i < rest.length; i++) {
        const a = rest[i];
        if (a === '--include') {
          const v = rest[++i];
          if (v === undefined) throw new UsageError('--include needs a REGEX');
          include = new RegExp(v, 'u');
        } else if (a?.startsWith('--')) throw new UsageError(`unknown option ${a}`);
        else file = a;
      }
      if (!file) throw new UsageError('limbo needs LIMBO.json');
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as { testcases: LimboCaseInput[] };
      const result = await runLimbo(parsed.testcases, include ? { include } : {});
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      // Scoring happens here, after the engine ran: the harness reads expected_result only to count.
      const expected = JSON.parse(readFileSync(file, 'utf8')) as { testcases: { id: string; expected_result: string; features?: string[] | null }[] };
      process.stderr.write(`${formatScoreTable(scoreLimbo(result.results, expected.testcases))}\n`);
      return 0;
    }
    throw new UsageError(command ? `unknown command ${command}` : 'missing command');
  } catch (e) {
    if (e instanceof UsageError || e instanceof SyntaxError) {
      process.stderr.write(`certscope: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}

const isEntry = process.argv[1] !== undefined && /(?:^|[\\/])main\.ts$/u.test(process.argv[1]);
if (isEntry) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`certscope: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(2);
    },
  );
}
