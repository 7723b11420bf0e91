import { describe, expect, it } from 'vitest';
import type { GeneralNameModel, NameModel } from '../model';
import { matchHost, parseIp, punycodeDecode, toUnicodeHost } from './hostname';

const dns = (value: string): GeneralNameModel => ({ type: 'dns', value });
const ip = (value: string): GeneralNameModel => ({ type: 'ip', value });
const cn = (value: string): NameModel => ({ rdns: [[{ shortName: 'CN', oid: '2.5.4.3', value, stringType: 'UTF8String' }]], rfc4514: `CN=${value}`, derHex: '' });

describe('matchHost (RFC 6125)', () => {
  const rows: [string, GeneralNameModel[], string | null, string][] = [
    ['a.example.com', [dns('a.example.com')], 'a.example.com', 'exact match'],
    ['A.Example.COM', [dns('a.example.com')], 'a.example.com', 'case-insensitive'],
    ['a.example.com', [dns('*.example.com')], '*.example.com', 'wildcard as whole left-most label'],
    ['example.com', [dns('*.example.com')], null, 'wildcard does not match the apex'],
    ['a.b.example.com', [dns('*.example.com')], null, 'wildcard spans one label only'],
    ['foo.example.com', [dns('f*.example.com')], null, 'partial wildcard never matches'],
    ['foo.bar.example.com', [dns('foo.*.example.com')], null, 'wildcard not left-most'],
    ['a.com', [dns('*.com')], null, 'a wildcard over a bare top-level label is refused'],
    ['192.0.2.1', [dns('192.0.2.1')], null, 'IP never matches a dNSName'],
    ['192.0.2.1', [ip('192.0.2.1')], '192.0.2.1', 'IPv4 against iPAddress'],
    ['::1', [ip('0:0:0:0:0:0:0:1')], '0:0:0:0:0:0:0:1', 'IPv6 compared as bytes'],
    ['[2001:db8::1]', [ip('2001:db8::1')], '2001:db8::1', 'bracketed IPv6'],
    ['bücher.example', [dns('xn--bcher-kva.example')], 'xn--bcher-kva.example', 'Unicode host compared in A-label form'],
    ['xn--bcher-kva.example', [dns('xn--bcher-kva.example')], 'xn--bcher-kva.example', 'A-label host'],
    ['other.example', [], null, 'no SAN: nothing matches'],
  ];
  it.each(rows)('%s vs %j → %s (%s)', (host, sans, expected, _why) => {
    expect(matchHost(host, sans, null).matched?.value ?? null).toBe(expected);
  });

  it('mentions when only the Common Name would have matched', () => {
    const m = matchHost('legacy.example', [], cn('legacy.example'));
    expect(m.matched).toBeNull();
    expect(m.commonNameWouldMatch).toBe(true);
  });

  it('shows both IDNA forms', () => {
    const m = matchHost('bücher.example', [], null);
    expect(m.ascii).toBe('xn--bcher-kva.example');
    expect(m.unicode).toBe('bücher.example');
  });
});

describe('parseIp', () => {
  const rows: [string, string | null, string][] = [
    ['192.0.2.1', 'c0000201', 'IPv4'],
    ['256.0.0.1', null, 'octet out of range'],
    ['::1', '00000000000000000000000000000001', 'IPv6 loopback'],
    ['::ffff:192.0.2.1', '00000000000000000000ffffc0000201', 'IPv4-mapped IPv6'],
    ['1::2::3', null, 'two :: is invalid'],
    ['example.com', null, 'a DNS name'],
  ];
  it.each(rows)('%s → %s (%s)', (text, hex, _why) => {
    const b = parseIp(text);
    expect(b ? Buffer.from(b).toString('hex') : null).toBe(hex);
  });
});

describe('punycode', () => {
  const rows: [string, string | null, string][] = [
    ['bcher-kva', 'bücher', 'RFC 3492 example'],
    ['628h', '😜', 'emoji label (xn--628h)'],
    ['!!', null, 'invalid digits'],
  ];
  it.each(rows)('%s → %s (%s)', (input, expected, _why) => {
    expect(punycodeDecode(input)).toBe(expected);
  });
  it('decodes whole host names', () => {
    expect(toUnicodeHost('xn--bcher-kva.example')).toBe('bücher.example');
  });
});
