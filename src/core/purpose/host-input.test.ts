import { describe, expect, it } from 'vitest';
import { parseHostInput } from './host-input';

describe('parseHostInput: the host a client would check, from what people paste', () => {
  const rows: [string, string | null, number | null, string][] = [
    ['www.example.com', 'www.example.com', null, 'a bare name is taken as is'],
    ['  www.example.com  ', 'www.example.com', null, 'spaces around are trimmed'],
    ['WWW.Example.COM', 'www.example.com', null, 'DNS names compare case-insensitively'],
    ['www.example.com.', 'www.example.com', null, 'the root dot of a fully qualified name'],
    ['https://mail.google.com/inbox', 'mail.google.com', null, 'a URL: its host'],
    ['https://mail.google.com:8443/a?b#c', 'mail.google.com', 8443, 'a URL with port, query and fragment'],
    ['HTTPS://user:pw@Example.com/', 'example.com', null, 'user info in a URL'],
    ['ldaps://dc1.corp.example:636', 'dc1.corp.example', 636, 'other schemes too'],
    ['mail.google.com:443', 'mail.google.com', 443, 'host:port'],
    ['mail.google.com/inbox', 'mail.google.com', null, 'a URL without its scheme'],
    ['192.0.2.1', '192.0.2.1', null, 'an IPv4 address'],
    ['192.0.2.1:443', '192.0.2.1', 443, 'IPv4 with a port'],
    ['2001:db8::1', '2001:db8::1', null, 'a bare IPv6 address is not host:port'],
    ['[2001:DB8::1]:443', '2001:db8::1', 443, '[IPv6]:port'],
    ['[::1]', '::1', null, 'a bracketed IPv6 address'],
    ['https://[2001:db8::1]:8443/x', '2001:db8::1', 8443, 'an IPv6 URL'],
    ['"www.example.com"', 'www.example.com', null, 'quotes copied along'],
    ['<https://example.com/>', 'example.com', null, 'angle brackets around a URL'],
    ['bücher.example', 'bücher.example', null, 'Unicode names are kept (matched in A-label form later)'],
    ['*.example.com', '*.example.com', null, 'kept: the matcher says a wildcard is not a host'],
    ['', null, null, 'nothing typed'],
    ['   ', null, null, 'only spaces'],
  ];
  it.each(rows)('%j → %j port %j (%s)', (typed, host, port) => {
    const r = parseHostInput(typed);
    expect(r.host).toBe(host);
    expect(r.port).toBe(port);
    expect(r.error).toBeNull();
  });

  const errors: [string, RegExp, string][] = [
    ['www example.com', /contains a space/, 'a space inside'],
    ['example.com:http', /"http" is not a port number/, 'a named port'],
    ['example.com:70000', /"70000" is not a port number/, 'a port above 65535'],
    ['[2001:db8::1', /unmatched bracket/, 'an unclosed bracket'],
    ['https://', /No host name/, 'a scheme and nothing else'],
    ['a..example', /empty label/, 'two dots in a row'],
    ['[::1]:x', /"x" is not a port number/, 'a bad port after brackets'],
  ];
  it.each(errors)('%j is refused: %s (%s)', (typed, message) => {
    const r = parseHostInput(typed);
    expect(r.host).toBeNull();
    expect(r.error).toMatch(message);
  });

  const notes: [string, RegExp | null, string][] = [
    ['www.example.com', null, 'nothing to say when it is used as typed'],
    ['https://mail.google.com/inbox', /from the https URL/, 'the person sees the URL was read'],
    ['example.com:443', /port 443 set aside/, 'the port is not silently dropped'],
    ['example.com.', /trailing dot removed/, 'the root dot'],
    ['example.com/path', /path removed/, 'a path without a scheme'],
  ];
  it.each(notes)('%j notes %s (%s)', (typed, note) => {
    const r = parseHostInput(typed);
    if (note === null) expect(r.note).toBeNull();
    else expect(r.note).toMatch(note);
  });
});
