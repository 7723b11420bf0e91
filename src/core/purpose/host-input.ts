/**
 * What people paste into a "host name" box: a bare name, a URL, host:port, [IPv6]:port, an
 * IPv6 address, with stray spaces, quotes or a trailing root dot. Returns the host a TLS client
 * would check (what Certscope then tests) and says what was dropped, so the person sees it.
 */
import { parseIp } from './hostname';

export interface HostInput {
  /** The host a client would check; null when nothing usable was typed. */
  readonly host: string | null;
  /** The port when one was given (not used for the check, shown so nothing is silently dropped). */
  readonly port: number | null;
  /** Why `host` differs from what was typed (e.g. "from the URL"), or null when it is the same. */
  readonly note: string | null;
  /** Why nothing can be tested, when `host` is null and something was typed. */
  readonly error: string | null;
}

const NONE: HostInput = { host: null, port: null, note: null, error: null };

function fail(error: string): HostInput {
  return { ...NONE, error };
}

function portOf(text: string): number | null | 'bad' {
  if (text === '') return null;
  if (!/^\d{1,5}$/u.test(text)) return 'bad';
  const n = Number(text);
  return n >= 1 && n <= 65535 ? n : 'bad';
}

/** Splits `host[:port]` or `[v6][:port]` (no scheme, no path). */
function splitHostPort(text: string): { host: string; port: number | null } | { error: string } {
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/u.exec(text);
  if (bracketed) {
    const port = portOf(bracketed[2] ?? '');
    if (port === 'bad') return { error: `"${bracketed[2] ?? ''}" is not a port number.` };
    return { host: bracketed[1] ?? '', port };
  }
  const colons = text.split(':').length - 1;
  // Two or more colons without brackets: an IPv6 address, taken whole.
  if (colons >= 2) return { host: text, port: null };
  if (colons === 1) {
    const [host = '', portText = ''] = text.split(':');
    const port = portOf(portText);
    if (port === 'bad') return { error: `"${portText}" is not a port number.` };
    return { host, port };
  }
  return { host: text, port: null };
}

export function parseHostInput(typed: string): HostInput {
  // Spaces around, and quotes or angle brackets people copy along with a URL.
  let text = typed.trim().replace(/^["'<]+|["'>]+$/gu, '').trim();
  if (text === '') return NONE;
  const notes: string[] = [];
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//iu.exec(text);
  if (scheme) {
    notes.push(`from the ${scheme[1]?.toLowerCase() ?? ''} URL`);
    text = text.slice(scheme[0].length);
  }
  // Anything after the authority: path, query, fragment.
  const authorityEnd = text.search(/[/?#]/u);
  if (authorityEnd >= 0) {
    if (!scheme) notes.push('path removed');
    text = text.slice(0, authorityEnd);
  }
  // user:password@ in a URL's authority.
  const at = text.lastIndexOf('@');
  if (at >= 0) {
    text = text.slice(at + 1);
    if (!scheme) notes.push('user name removed');
  }
  if (/\s/u.test(text)) return fail(`"${text}" contains a space; a host name cannot.`);
  const split = splitHostPort(text);
  if ('error' in split) return fail(split.error);
  let host = split.host;
  if (split.port !== null) notes.push(`port ${split.port} set aside (certificates do not name ports)`);
  if (parseIp(host) === null) {
    if (/\.+$/u.test(host) && host.replace(/\.+$/u, '') !== '') {
      host = host.replace(/\.+$/u, '');
      notes.push('trailing dot removed');
    }
    if (host !== host.toLowerCase()) host = host.toLowerCase();
  } else if (host.includes(':')) {
    host = host.toLowerCase();
  }
  if (host === '') return fail('No host name in what was typed.');
  if (host.startsWith('.') || host.includes('..')) return fail(`"${host}" has an empty label.`);
  if (host.includes('[') || host.includes(']')) return fail(`"${host}" has an unmatched bracket.`);
  return { host, port: split.port, note: notes.length > 0 ? notes.join('; ') : null, error: null };
}
