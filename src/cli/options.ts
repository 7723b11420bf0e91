/** Command-line options (node:util parseArgs) and the help text of every command. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

export type Format = 'text' | 'json' | 'pem' | 'ndjson';
export const FORMATS: readonly Format[] = ['text', 'json', 'pem', 'ndjson'];

export interface CommonOptions {
  /** null: not given (inspect picks text, or ndjson for a folder). */
  readonly format: Format | null;
  readonly passwords: readonly string[];
  readonly host: string | null;
  readonly at: string;
  readonly trust: readonly string[];
  readonly builtinRoots: boolean;
}

type Options = NonNullable<ParseArgsConfig['options']>;

export const COMMON: Options = {
  format: { type: 'string', short: 'f' },
  json: { type: 'boolean' },
  password: { type: 'string', multiple: true },
  host: { type: 'string' },
  at: { type: 'string' },
  trust: { type: 'string', multiple: true },
  'no-builtin-roots': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

export const CONNECT: Options = {
  servername: { type: 'string' },
  starttls: { type: 'string' },
  'client-cert': { type: 'string' },
  'client-key': { type: 'string' },
  timeout: { type: 'string' },
};

export const CHECK: Options = {
  role: { type: 'string' },
  verifier: { type: 'string' },
  'warn-days': { type: 'string' },
  connect: { type: 'string' },
};

export interface Parsed {
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
}

export function parse(argv: readonly string[], options: Options): Parsed {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { values, positionals };
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/su, '') : String(e));
  }
}

export function str(p: Parsed, name: string): string | null {
  const v = p.values[name];
  return typeof v === 'string' ? v : null;
}

export function strs(p: Parsed, name: string): string[] {
  const v = p.values[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function flag(p: Parsed, name: string): boolean {
  return p.values[name] === true;
}

export function commonOptions(p: Parsed, now: string): CommonOptions {
  const f = str(p, 'format');
  if (f !== null && !(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}, got ${f}`);
  if (f !== null && f !== 'json' && flag(p, 'json')) throw new UsageError(`--json and --format ${f} disagree`);
  const atText = str(p, 'at');
  if (atText !== null && Number.isNaN(Date.parse(atText))) throw new UsageError(`--at: not an ISO-8601 time: ${atText}`);
  return {
    format: flag(p, 'json') ? 'json' : (f as Format | null),
    passwords: strs(p, 'password'),
    host: str(p, 'host'),
    at: atText !== null ? new Date(atText).toISOString() : now,
    trust: strs(p, 'trust'),
    builtinRoots: !flag(p, 'no-builtin-roots'),
  };
}

const COMMON_HELP = `  -f, --format FMT      text (default; every field like \`openssl x509 -text\`, then the verdicts),
                        json (schema certscope.report/1), ndjson (one JSON object a line), pem
      --json            same as --format json
      --password P      password for PKCS#12 and encrypted keys (repeat to try several)
      --host NAME       host name or IP to judge the server role against
      --at ISO-8601     evaluation time (default: now)
      --trust FILE      extra trusted roots (PEM/DER; repeat)
      --no-builtin-roots  do not trust the built-in Mozilla roots
  -h, --help            this help`;

const CONNECT_HELP = `      --servername NAME SNI to send (default: the host, unless it is an IP address)
      --starttls PROTO  smtp | imap | pop3 | ftp | postgres | mysql: upgrade a plain connection first
      --client-cert FILE  try mutual TLS with this certificate: a .p12/.pfx (with --password), or a PEM
                        holding the certificate and its key (or the key in --client-key FILE)
      --timeout SECONDS give up after this long (default 10)`;

export const HELP: Readonly<Record<string, string>> = {
  main: `certscope: certificates, chains and TLS verdicts per verifier (Chrome, OpenSSL, Go, Java, webpki)

usage: certscope COMMAND [options] ...

commands:
  inspect FILE...        decode files and print every field, the chain and each verifier's verdict
  check FILE...          exit 0 if accepted for a role, 1 if refused, 3 for warnings only (for CI)
  connect HOST[:PORT]    fetch the chain a TLS server presents and inspect it
  p12 convert IN.p12     rewrite a PKCS#12 with another profile (modern, compatible, custom) or as PEM
  p12 make --cert C --key K   write a PKCS#12 from a certificate, its key and a chain
  limbo LIMBO.json       run the x509-limbo conformance suite
  help [COMMAND]         help for a command

  certscope --version    print the version

FILE may be PEM, DER, PKCS#12, PKCS#7, a CSR, a CRL or a key; \`-\` reads stdin; a folder is read
recursively and streamed as NDJSON. Colour only on a terminal, never with NO_COLOR set.
Exit status: 0 ok, 1 an input unreadable (inspect) or refused (check), 2 usage error, 3 warnings (check).`,
  inspect: `usage: certscope inspect [options] FILE...

Decodes every FILE as one session (chains are built across all of them) and prints each
certificate in full, its chain, key match, purpose badges and each verifier's answer for the TLS
server and client roles. A folder (or --format ndjson) streams one JSON line per item, in bounded
memory, with progress on stderr when stderr is a terminal.

options:
${COMMON_HELP}

exit status: 0 every input was read, 1 some input could not be read (the report says why), 2 usage error`,
  check: `usage: certscope check --role server|client [options] FILE...
       certscope check --role server --connect HOST[:PORT] [options]

Judges the end-entity certificates in FILE (or the chain a server presents) for one role, with the
same per-verifier answers as \`inspect\`, and sets the exit status for scripts and CI.

options:
      --role ROLE       server or client (required)
      --verifier LIST   comma-separated: chrome,openssl,go,java,webpki (default: all for the role)
      --warn-days N     exit 3 when a checked certificate expires within N days of --at
      --connect HOST[:PORT]  check the chain the server presents (--host defaults to HOST)
${CONNECT_HELP}
${COMMON_HELP}

exit status:
  0  accepted by every selected verifier, no warnings
  1  refused by at least one selected verifier, or nothing to check (unreadable input, no certificate,
     connection failed)
  2  usage error
  3  accepted, but with warnings (findings of severity warn, or expiring within --warn-days)`,
  connect: `usage: certscope connect [options] HOST[:PORT]

Connects over TLS without verifying (default port 443), records the chain the server presents, in
order, and says whether it sent its intermediates, then prints the same report as \`inspect\` with
--host set to HOST.

options:
${CONNECT_HELP}
${COMMON_HELP}

exit status: 0 connected and reported, 1 could not connect or handshake, 2 usage error`,
  p12: `usage: certscope p12 convert IN.p12 [--password-file F | --password-env VAR | --password P]
                          --profile modern|compatible|custom [--new-password-file F ...] --out OUT.p12
       certscope p12 make --cert CERT [--chain FILE]... --key KEY [--key-password-file F ...]
                          [--name FRIENDLY] --profile PROFILE --new-password-file F --out OUT.p12
       certscope p12 convert|make ... --pem [--include-key] [--out FILE]

Writes a new PKCS#12 that a given importer accepts: the key's certificate first, then its chain
leaf → root, one key, friendlyName and localKeyId (SHA-1 of the certificate, as OpenSSL) on both.
The key must belong to the first certificate. Nothing is sent anywhere.

profiles:
  modern      AES-256-CBC, PBKDF2-HMAC-SHA256, HMAC-SHA256 MAC, 600,000 iterations (--iter to change):
              OpenSSL 3, current Windows, macOS and Java
  compatible  pbeWithSHAAnd3-KeyTripleDES-CBC for certificates and key, HMAC-SHA1 MAC, 2,048
              iterations: older Windows, macOS, Android and Java importers; OpenSSL 3 without -legacy
  custom      --key-pbe and --cert-pbe: AES-256-CBC, AES-192-CBC, AES-128-CBC, DES-EDE3-CBC (PBES2),
              PBE-SHA1-3DES, PBE-SHA1-2DES, PBE-SHA1-RC2-128, PBE-SHA1-RC2-40 or NONE (default
              AES-256-CBC); --prf sha256|sha384|sha512|sha1; --mac sha256|sha384|sha512|sha224|sha1,
              pbmac1-sha256|pbmac1-sha384|pbmac1-sha512 or NONE; --iter N (default 2,048), --mac-iter N

options:
      --password-file F, --password-env VAR, --password P
                        password of IN.p12 (convert); without one, an empty or absent password is tried
      --new-password-file F, --new-password-env VAR, --new-password P
                        password of the new file (convert: defaults to IN.p12's)
      --key-password-file F, --key-password-env VAR, --key-password P
                        password of an encrypted KEY (make)
      --name FRIENDLY   friendlyName (Java's alias; Windows' and macOS's label); convert keeps the old one
  -o, --out FILE        where to write (created readable by you only)
      --pem             write PEM instead: the certificates, leaf → root (to stdout without --out)
      --include-key     with --pem, also the private key, UNENCRYPTED
  -h, --help            this help

A password given as --password P is visible to other users of this machine (ps, /proc) and stays in
your shell history: prefer the -file and -env forms. Passwords are never printed.

exit status: 0 written, 1 an input could not be read or used (wrong password, key not the
certificate's, not a PKCS#12), 2 usage error`,
  limbo: `usage: certscope limbo [--include REGEX] LIMBO.json

Runs the x509-limbo test cases through the engine; prints a LimboResult JSON to stdout and a
per-feature pass table to stderr.`,
};
