/**
 * `certscope p12 convert|make`: writes a new PKCS#12 (or PEM) with a chosen profile, through the
 * engine's writer (core/pkcs12/write.ts). Passwords come from an option, a file or an environment
 * variable and are never printed; the summary goes to stderr so stdout stays clean.
 *
 * Exit status: 0 written, 1 an input could not be read or used (wrong password, key that does not
 * match, not a PKCS#12), 2 usage error.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { commonNameOf } from '../core/display';
import type { CertificateModel, DecodedInput } from '../core/model';
import type { KeyWithDer } from '../core/pkcs12/assemble';
import type { Pkcs12Profile } from '../core/pkcs12/profiles';
import { flag, parse, str, strs, UsageError, type Parsed } from './options';
import type { Io } from './main';

type Options = Parameters<typeof parse>[1];

const PASSWORDS: Options = {
  password: { type: 'string' },
  'password-file': { type: 'string' },
  'password-env': { type: 'string' },
  'new-password': { type: 'string' },
  'new-password-file': { type: 'string' },
  'new-password-env': { type: 'string' },
};

const WRITE: Options = {
  profile: { type: 'string' },
  iter: { type: 'string' },
  'mac-iter': { type: 'string' },
  'key-pbe': { type: 'string' },
  'cert-pbe': { type: 'string' },
  mac: { type: 'string' },
  prf: { type: 'string' },
  name: { type: 'string' },
  out: { type: 'string', short: 'o' },
  pem: { type: 'boolean' },
  'include-key': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

export const P12_CONVERT: Options = { ...PASSWORDS, ...WRITE };
export const P12_MAKE: Options = {
  ...PASSWORDS,
  ...WRITE,
  cert: { type: 'string' },
  key: { type: 'string' },
  chain: { type: 'string', multiple: true },
  'key-password': { type: 'string' },
  'key-password-file': { type: 'string' },
  'key-password-env': { type: 'string' },
};

/** Reading an input failed for a reason the person can fix (exit 1). */
class InputError extends Error {}

/** One password from --X, --X-file (first line) or --X-env; null when none was given. */
async function password(p: Parsed, name: string): Promise<string | null> {
  const value = str(p, name);
  const file = str(p, `${name}-file`);
  const env = str(p, `${name}-env`);
  if ([value, file, env].filter((g) => g !== null).length > 1) throw new UsageError(`give one of --${name}, --${name}-file and --${name}-env`);
  if (value !== null) return value;
  if (file !== null) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      throw new InputError(`--${name}-file: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return text.split(/\r?\n/u)[0] ?? '';
  }
  if (env !== null) {
    const v = process.env[env];
    if (v === undefined) throw new UsageError(`--${name}-env: environment variable ${env} is not set`);
    return v;
  }
  return null;
}

function count(p: Parsed, name: string): number | null {
  const v = str(p, name);
  if (v === null) return null;
  if (!/^\d+$/u.test(v) || Number(v) < 1 || Number(v) > 10_000_000) throw new UsageError(`--${name}: expected a whole number from 1 to 10000000, got ${v}`);
  return Number(v);
}

async function chosenProfile(p: Parsed): Promise<Pkcs12Profile> {
  const { ProfileError, profileByName } = await import('../core/pkcs12/profiles');
  const name = str(p, 'profile');
  if (name === null) throw new UsageError('--profile is required: modern, compatible or custom');
  const custom = ['key-pbe', 'cert-pbe', 'mac', 'prf'].filter((o) => str(p, o) !== null);
  if (name !== 'custom' && custom.length > 0) throw new UsageError(`--${custom[0]} is for --profile custom`);
  if (name !== 'custom' && str(p, 'mac-iter') !== null) throw new UsageError('--mac-iter is for --profile custom');
  try {
    const macIterations = count(p, 'mac-iter');
    return profileByName(name, count(p, 'iter'), {
      keyPbe: str(p, 'key-pbe') ?? 'AES-256-CBC',
      certPbe: str(p, 'cert-pbe') ?? 'AES-256-CBC',
      mac: str(p, 'mac') ?? 'sha256',
      prf: str(p, 'prf') ?? 'sha256',
      ...(macIterations !== null ? { macIterations } : {}),
    });
  } catch (e) {
    if (e instanceof ProfileError) throw new UsageError(`--${e.message}`);
    throw e;
  }
}

/** Decodes one file with the engine, keeping the unencrypted DER of each key it opens. */
async function decodeFile(file: string, passwords: readonly string[]): Promise<{ input: DecodedInput; keys: KeyWithDer[] }> {
  const { decodeInput } = await import('./engine');
  const { sha256Hex } = await import('../core/input/bytes');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const ders: Uint8Array[] = [];
  const input = await decodeInput({ name: file, bytes }, { passwords, onPrivateKeyPkcs8: (der) => ders.push(der) });
  const keys: KeyWithDer[] = [];
  for (const der of ders) {
    const sha = await sha256Hex(der);
    const model = input.privateKeys.find((k) => k.sha256Hex === sha);
    if (model) keys.push({ model, der });
  }
  const fatal = input.errors.find((e) => e.code === 'WRONG_PASSWORD' || e.code === 'PASSWORD_REQUIRED') ?? (input.certificates.length === 0 && keys.length === 0 ? input.errors[0] : undefined);
  if (fatal) throw new InputError(`${file}: ${fatal.code}: ${fatal.message}`);
  return { input, keys };
}

async function writeOutput(p: Parsed, io: Io, profile: Pkcs12Profile | null, certs: readonly CertificateModel[], key: KeyWithDer | null, friendlyName: string | null, newPassword: string | null): Promise<number> {
  const out = str(p, 'out') as string;
  // Each certificate named as the app names it (its CN, else O or OU, else the whole name).
  const chain = certs.map((c) => commonNameOf(c.subject)).join(' → ');
  if (flag(p, 'pem')) {
    const { certificatesToPem } = await import('./engine');
    const { pkcs8Pem } = await import('../core/export/index');
    const withKey = flag(p, 'include-key');
    if (withKey && !key) throw new InputError('--include-key: there is no private key to include');
    const text = certificatesToPem(certs.map((c) => c.der)) + (withKey && key ? pkcs8Pem(key.der) : '');
    const toStdout = (out as string | null) === null || out === '-';
    if (toStdout) await io.out.write(text);
    else await writeFile(out, text, { mode: withKey ? 0o600 : 0o644 });
    await io.err.write(`certscope: wrote ${toStdout ? 'stdout' : out}: ${certs.length} certificate${certs.length === 1 ? '' : 's'} (${chain})${withKey ? ', and the private key UNENCRYPTED' : key ? '; the key left out (add --include-key)' : ''}\n`);
    return 0;
  }
  if (profile === null) throw new UsageError('--profile is required: modern, compatible or custom');
  if (newPassword === null) throw new UsageError('a new password is needed: --new-password-file FILE, --new-password-env VAR or --new-password P');
  const { Pkcs12WriteError, writePkcs12 } = await import('../core/pkcs12/write');
  const { describeProfile } = await import('../core/pkcs12/profiles');
  let bytes: Uint8Array;
  try {
    bytes = await writePkcs12({ certificates: certs.map((c) => c.der), privateKey: key?.der ?? null, password: newPassword, profile, friendlyName });
  } catch (e) {
    if (e instanceof Pkcs12WriteError) throw new InputError(`${e.code}: ${e.message}`);
    throw e;
  } finally {
    key?.der.fill(0);
  }
  await writeFile(out, bytes, { mode: 0o600 });
  const keyText = key ? `, ${key.model.algorithm}${key.model.bits !== null ? ` ${key.model.bits}` : ''} key` : ', no key';
  await io.err.write(`certscope: wrote ${out} (${bytes.length.toLocaleString('en-US')} bytes): ${certs.length} certificate${certs.length === 1 ? '' : 's'} (${chain})${keyText}${friendlyName ? `, friendlyName "${friendlyName}"` : ''}\n  ${profile.name}: ${describeProfile(profile)}\n`);
  return 0;
}

/** Checks the options that do not need the inputs, before any is read: the profile, or PEM. */
async function outputChoice(p: Parsed): Promise<Pkcs12Profile | null> {
  if (flag(p, 'pem')) {
    if (str(p, 'profile') !== null) throw new UsageError('--pem writes PEM: leave out --profile');
    return null;
  }
  const out = str(p, 'out');
  if (flag(p, 'include-key')) throw new UsageError('--include-key is for --pem (a PKCS#12 always holds its key)');
  const profile = await chosenProfile(p);
  if (out === null || out === '-') throw new UsageError('--out FILE is required (a PKCS#12 is binary; it is not written to stdout)');
  return profile;
}

async function convert(p: Parsed, io: Io): Promise<number> {
  const [file, ...more] = p.positionals;
  if (!file || more.length > 0) throw new UsageError('p12 convert needs exactly one IN.p12');
  const profile = await outputChoice(p);
  const old = await password(p, 'password');
  const fresh = await password(p, 'new-password');
  const { input, keys } = await decodeFile(file, old !== null ? [old] : []);
  if (input.format !== 'pkcs12') throw new InputError(`${file} is not a PKCS#12 file (read as ${input.format ?? 'nothing known'}); use \`certscope p12 make\``);
  const { AssembleError, assembleContents } = await import('../core/pkcs12/assemble');
  try {
    const c = assembleContents(input.certificates, keys);
    return await writeOutput(p, io, profile, c.certificates, c.key, str(p, 'name') ?? c.friendlyName, fresh ?? old);
  } catch (e) {
    if (e instanceof AssembleError) throw new InputError(`${file}: ${e.message}`);
    throw e;
  } finally {
    for (const k of keys) k.der.fill(0);
  }
}

async function make(p: Parsed, io: Io): Promise<number> {
  if (p.positionals.length > 0) throw new UsageError(`p12 make takes --cert and --key, not ${p.positionals[0]}`);
  const certFile = str(p, 'cert');
  const keyFile = str(p, 'key');
  if (certFile === null) throw new UsageError('p12 make needs --cert FILE');
  if (keyFile === null && !flag(p, 'pem')) throw new UsageError('p12 make needs --key FILE');
  const profile = await outputChoice(p);
  const keyPassword = await password(p, 'key-password');
  const fresh = await password(p, 'new-password');
  if (profile !== null && fresh === null) throw new UsageError('a new password is needed: --new-password-file FILE, --new-password-env VAR or --new-password P');
  const leaf = await decodeFile(certFile, []);
  if (leaf.input.certificates.length === 0) throw new InputError(`${certFile}: no certificate in it`);
  const chain = await Promise.all(strs(p, 'chain').map((f) => decodeFile(f, [])));
  const keys = keyFile !== null ? (await decodeFile(keyFile, keyPassword !== null ? [keyPassword] : [])).keys : [];
  if (keyFile !== null && keys.length === 0) throw new InputError(`${keyFile}: no private key in it`);
  const { AssembleError, assembleContents, orderLeafToRoot } = await import('../core/pkcs12/assemble');
  try {
    // The first certificate of --cert is the leaf; its key must be the one given.
    const first = leaf.input.certificates[0] as CertificateModel;
    const all = [...leaf.input.certificates, ...chain.flatMap((c) => c.input.certificates)];
    const c = assembleContents([first], keys);
    const certs = orderLeafToRoot(first, all);
    return await writeOutput(p, io, profile, certs, c.key, str(p, 'name') ?? c.friendlyName, fresh);
  } catch (e) {
    if (e instanceof AssembleError) throw new InputError(`${keyFile ?? certFile}: ${e.message.replace('any of the certificates given', `the certificate in ${certFile}`)}`);
    throw e;
  } finally {
    for (const k of keys) k.der.fill(0);
  }
}

/** `certscope p12 SUBCOMMAND …`; returns the exit status. */
export async function p12Command(argv: readonly string[], io: Io, help: Readonly<Record<string, string>>): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    await (sub === undefined ? io.err : io.out).write(`${help.p12}\n`);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'convert' && sub !== 'make') throw new UsageError(`p12: unknown subcommand ${sub} (convert or make)`);
  const p = parse(rest, sub === 'convert' ? P12_CONVERT : P12_MAKE);
  if (flag(p, 'help')) {
    await io.out.write(`${help.p12}\n`);
    return 0;
  }
  await import('./engine'); // core/setup before the engine's libraries
  try {
    return await (sub === 'convert' ? convert(p, io) : make(p, io));
  } catch (e) {
    if (e instanceof InputError) {
      await io.err.write(`certscope: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
