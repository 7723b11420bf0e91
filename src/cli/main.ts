/**
 * certscope command line: reads files (or a server's chain), calls core, prints. No verdict
 * logic of its own (shared/spec/report.md). Pipe-safe: the entry never calls process.exit while
 * output is pending; it sets process.exitCode and lets Node exit once stdout and stderr drain.
 *
 * Exit status: inspect 0 all inputs read, 1 some input unreadable; check 0 accepted, 1 refused,
 * 3 warnings only; connect 0 reported, 1 no connection; p12 0 written, 1 an input unusable;
 * 2 usage error everywhere.
 */
import { readFile } from 'node:fs/promises';
import nodeModule from 'node:module';
import { isIP } from 'node:net';
import type { DecodedInput } from '../core/model';
import { anyFolder, flushed, ignoreEpipe, streamOut, type Out } from './io';
import { CHECK, COMMON, CONNECT, HELP, UsageError, commonOptions, flag, parse, str, type CommonOptions, type Parsed } from './options';
import type { Analysed } from './session';
import { parseRole, parseVerifiers, parseWarnDays } from './check';
import type { ConnectOptions, ConnectResult, StartTls } from './connect';

/** The engine, loaded on first use (start-up for --version and --help stays small). */
const engine = (): Promise<typeof import('./engine')> => import('./engine');

declare const CERTSCOPE_VERSION: string | undefined;

async function version(): Promise<string> {
  if (typeof CERTSCOPE_VERSION === 'string') return CERTSCOPE_VERSION;
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export interface Io {
  readonly out: Out;
  readonly err: Out;
  readonly now: string;
}

/** Prints an analysed session in the chosen format. */
async function printReport(a: Analysed, format: CommonOptions['format'], io: Io, preface: readonly string[] = []): Promise<void> {
  const { COLOR, PLAIN, ndjsonHeader, ndjsonItems, reportPem, reportText } = await engine();
  switch (format ?? 'text') {
    case 'json':
      await io.out.write(`${JSON.stringify(a.report, null, 2)}\n`);
      return;
    case 'ndjson':
      await io.out.write([ndjsonHeader(a.report), ...ndjsonItems(a.report)].map((l) => `${JSON.stringify(l)}\n`).join(''));
      return;
    case 'pem':
      await io.out.write(reportPem(a.analysis));
      // PEM has no room for problems: say them on stderr.
      for (const i of a.report.inputs) if (i.error) await io.err.write(`certscope: ${i.name}: ${i.error.code}: ${i.error.message}\n`);
      return;
    case 'text':
      await io.out.write(reportText(a.analysis, a.report, io.out.color ? COLOR : PLAIN, preface));
      return;
  }
}

async function inspectCommand(p: Parsed, io: Io): Promise<number> {
  const o = commonOptions(p, io.now);
  const files = p.positionals;
  if (files.length === 0) throw new UsageError('inspect needs at least one FILE (or - for stdin)');
  const folder = await anyFolder(files);
  if (o.format === 'ndjson' || (o.format === null && folder)) {
    const { streamInventory } = await import('./inventory');
    const progress = io.err.isTTY ? (t: string) => void io.err.write(`\r${t}`) : null;
    const r = await streamInventory(files, o, io.out, progress);
    return r.unreadable > 0 ? 1 : 0;
  }
  const a = await (await engine()).analyseFiles(files, o);
  await printReport(a, o.format, io);
  return a.inputs.some((i) => i.errors.length > 0) ? 1 : 0;
}

function connectOptions(p: Parsed, target: string, o: CommonOptions): ConnectOptions {
  const starttls = str(p, 'starttls');
  const known = ['smtp', 'imap', 'pop3', 'ftp', 'postgres', 'mysql'];
  if (starttls !== null && !known.includes(starttls)) throw new UsageError(`--starttls: expected one of ${known.join(', ')}, got ${starttls}`);
  const timeout = str(p, 'timeout');
  if (timeout !== null && !(Number(timeout) > 0)) throw new UsageError(`--timeout: expected seconds, got ${timeout}`);
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/u.exec(target);
  let host: string;
  let port: number | null = null;
  if (bracket) {
    host = bracket[1] ?? '';
    port = bracket[2] ? Number(bracket[2]) : null;
  } else if (isIP(target) === 6) host = target;
  else {
    const m = /^([^:/\s]+)(?::(\d{1,5}))?$/u.exec(target);
    if (!m) throw new UsageError(`not HOST[:PORT]: ${target}`);
    host = m[1] ?? '';
    port = m[2] ? Number(m[2]) : null;
  }
  if (port !== null && !(port > 0 && port < 65536)) throw new UsageError(`bad port in ${target}`);
  const defaults: Record<string, number> = { smtp: 25, imap: 143, pop3: 110, ftp: 21, postgres: 5432, mysql: 3306 };
  return {
    host,
    port: port ?? (starttls ? (defaults[starttls] ?? 443) : 443),
    servername: str(p, 'servername'),
    starttls: starttls as StartTls | null,
    clientCert: str(p, 'client-cert'),
    clientKey: str(p, 'client-key'),
    passwords: o.passwords,
    timeoutMs: timeout !== null ? Number(timeout) * 1000 : 10_000,
  };
}

/** Connects, then analyses the presented chain as one input named HOST:PORT, with --host defaulting to HOST. */
async function connectAndAnalyse(p: Parsed, target: string, o: CommonOptions, io: Io): Promise<{ a: Analysed; result: ConnectResult; lines: string[] } | null> {
  const co = connectOptions(p, target, o);
  const { fetchChain, connectionLines } = await import('./connect');
  const { analyse, certificatesToPem, decodeInput, readTrust } = await engine();
  let result: ConnectResult;
  try {
    result = await fetchChain(co);
  } catch (e) {
    await io.err.write(`certscope: cannot connect to ${co.host}:${co.port}${co.starttls ? ` (STARTTLS ${co.starttls})` : ''}: ${e instanceof Error ? e.message : String(e)}\n`);
    return null;
  }
  const name = `${co.host}:${co.port}`;
  const presented: DecodedInput = await decodeInput({ name, bytes: new TextEncoder().encode(certificatesToPem(result.chain)) }, {});
  const host = o.host ?? co.servername ?? co.host;
  const a = await analyse([presented], o, await readTrust(o.trust, o.passwords), host);
  return { a, result, lines: connectionLines(result, co.clientCert !== null) };
}

async function connectCommand(p: Parsed, io: Io): Promise<number> {
  const o = commonOptions(p, io.now);
  const [target, ...more] = p.positionals;
  if (!target || more.length > 0) throw new UsageError('connect needs exactly one HOST[:PORT]');
  const r = await connectAndAnalyse(p, target, o, io);
  if (!r) return 1;
  if ((o.format ?? 'text') === 'text') {
    await printReport(r.a, 'text', io, [...r.lines, '']);
    return 0;
  }
  if (o.format === 'json') {
    await io.out.write(`${JSON.stringify({ ...r.a.report, connection: { ...r.result, chain: r.result.chain.length } }, null, 2)}\n`);
    return 0;
  }
  await io.err.write(`${r.lines.join('\n')}\n`);
  await printReport(r.a, o.format, io);
  return 0;
}

async function checkCommand(p: Parsed, io: Io): Promise<number> {
  const o = commonOptions(p, io.now);
  const role = parseRole(str(p, 'role'));
  const verifiers = parseVerifiers(str(p, 'verifier'), role);
  const warnDays = parseWarnDays(str(p, 'warn-days'));
  if (o.format === 'pem') throw new UsageError('check prints text, json or ndjson');
  const target = str(p, 'connect');
  let a: Analysed;
  let preface: string[] = [];
  if (target !== null) {
    if (p.positionals.length > 0) throw new UsageError('check takes FILE... or --connect HOST, not both');
    const r = await connectAndAnalyse(p, target, o, io);
    if (!r) return 1;
    a = r.a;
    preface = r.lines;
  } else {
    if (p.positionals.length === 0) throw new UsageError('check needs FILE... (or - for stdin) or --connect HOST[:PORT]');
    a = await (await engine()).analyseFiles(p.positionals, o);
  }
  const { checkText, judge, COLOR, PLAIN } = await engine();
  const result = judge(a.report, { role, verifiers, warnDays });
  if (o.format === 'json') await io.out.write(`${JSON.stringify(result, null, 2)}\n`);
  else if (o.format === 'ndjson') await io.out.write(result.certificates.map((c) => `${JSON.stringify({ type: 'check', role, ...c })}\n`).join(''));
  else await io.out.write(`${preface.length > 0 ? `${preface.join('\n')}\n` : ''}${checkText(result, io.out.color ? COLOR : PLAIN)}`);
  return result.exitCode;
}

async function limboCommand(argv: readonly string[], io: Io): Promise<number> {
  const p = parse(argv, { include: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (flag(p, 'help')) {
    await io.out.write(`${HELP.limbo}\n`);
    return 0;
  }
  const file = p.positionals[0];
  if (!file) throw new UsageError('limbo needs LIMBO.json');
  const include = str(p, 'include');
  await engine(); // core/setup before the engine's libraries
  const { formatScoreTable, runLimbo, scoreLimbo } = await import('./limbo');
  type Case = Parameters<typeof runLimbo>[0][number];
  const parsed = JSON.parse(await readFile(file, 'utf8')) as { testcases: Case[] };
  const result = await runLimbo(parsed.testcases, include !== null ? { include: new RegExp(include, 'u') } : {});
  await io.out.write(`${JSON.stringify(result, null, 2)}\n`);
  // Scoring happens here, after the engine ran: the harness reads expected_result only to count.
  const expected = JSON.parse(await readFile(file, 'utf8')) as { testcases: { id: string; expected_result: string; features?: string[] | null }[] };
  await io.err.write(`${formatScoreTable(scoreLimbo(result.results, expected.testcases))}\n`);
  return 0;
}

const COMMANDS: Readonly<Record<string, { options: typeof COMMON; run: (p: Parsed, io: Io) => Promise<number> }>> = {
  inspect: { options: COMMON, run: inspectCommand },
  check: { options: { ...COMMON, ...CHECK, ...CONNECT }, run: checkCommand },
  connect: { options: { ...COMMON, ...CONNECT }, run: connectCommand },
};

/** Runs one command line; returns the exit status. Never calls process.exit. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--version' || command === '-V' || command === 'version') {
      await io.out.write(`certscope ${await version()}\n`);
      return 0;
    }
    if (command === undefined || command === '--help' || command === '-h') {
      await (command === undefined ? io.err : io.out).write(`${HELP.main}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === 'help') {
      const topic = rest[0] ?? 'main';
      const text = HELP[topic];
      if (!text) throw new UsageError(`no help for ${topic}`);
      await io.out.write(`${text}\n`);
      return 0;
    }
    if (command === 'limbo') return await limboCommand(rest, io);
    if (command === 'p12') return await (await import('./p12')).p12Command(rest, io, HELP);
    const c = COMMANDS[command];
    if (!c) throw new UsageError(`unknown command ${command}`);
    const p = parse(rest, c.options);
    if (flag(p, 'help')) {
      await io.out.write(`${HELP[command] ?? HELP.main}\n`);
      return 0;
    }
    return await c.run(p, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof SyntaxError) {
      await io.err.write(`certscope: ${e.message}\nTry 'certscope help${command && HELP[command] ? ` ${command}` : ''}'.\n`);
      return 2;
    }
    throw e;
  }
}

async function main(): Promise<void> {
  // Node 22.1+ can keep V8's compiled code between runs (most of a short run is compiling the
  // engine's modules); Node 20 has no such cache, and this is then a no-op.
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  ignoreEpipe(process.stdout);
  ignoreEpipe(process.stderr);
  const io: Io = { out: streamOut(process.stdout), err: streamOut(process.stderr), now: new Date().toISOString() };
  try {
    process.exitCode = await run(process.argv.slice(2), io);
  } catch (e) {
    await io.err.write(`certscope: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  }
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
}

declare const CERTSCOPE_BUNDLED: boolean | undefined;
const isEntry = typeof CERTSCOPE_BUNDLED !== 'undefined' || (process.argv[1] !== undefined && /(?:^|[\\/])main\.ts$/u.test(process.argv[1]));
if (isEntry) void main();
