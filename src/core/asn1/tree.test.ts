import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromBase64, fromHex } from '../input/bytes';
import { countAsn1Nodes, parseAsn1Tree, type Asn1Node } from './tree';

/** Compact shape for table rows: tag name, range and value or children. */
function shape(n: Asn1Node): unknown {
  const out: Record<string, unknown> = { tag: n.tagName, at: [n.offset, n.headerLength, n.length] };
  if (n.value !== undefined) out.value = n.value;
  if (n.error !== undefined) out.error = n.error;
  if (n.encapsulates) out.encapsulates = true;
  if (n.indefinite) out.indefinite = true;
  if (n.children) out.children = n.children.map(shape);
  return out;
}

function pemDer(path: string): Uint8Array {
  const text = readFileSync(path, 'utf8');
  const b64 = /-----BEGIN [^-]+-----([\s\S]+?)-----END/u.exec(text)?.[1] ?? '';
  return fromBase64(b64.replace(/\s+/gu, ''));
}

describe('parseAsn1Tree: values', () => {
  const rows: [string, string | undefined, string][] = [
    ['010100', 'FALSE', 'X.690 §8.2: BOOLEAN false is 00'],
    ['0101ff', 'TRUE', 'X.690 §11.1: DER TRUE is FF'],
    ['010101', 'TRUE (0x01, not DER)', 'BER allows any non-zero TRUE'],
    ['0203010001', '65537 (0x010001)', 'INTEGER small: decimal and hex'],
    ['0201ff', '-1 (0xff)', 'INTEGER is two\'s complement'],
    ['0200', 'empty INTEGER (invalid)', 'X.690 §8.3.1: at least one octet'],
    ['0500', 'NULL', 'NULL'],
    ['06092a864886f70d01010b', '1.2.840.113549.1.1.11 (sha256WithRSAEncryption)', 'OID with registered name'],
    ['0603550403', '2.5.4.3 (CN)', 'attribute type from the decoder registry'],
    ['06028837', '2.999', 'first subidentifier above 80 (X.690 §8.19.4)'],
    ['060188', 'invalid OBJECT IDENTIFIER: 88', 'unterminated arc'],
    ['0c03e282ac', '€', 'UTF8String'],
    ['0c01ff', 'invalid UTF-8: ff', 'bad UTF-8 kept as hex'],
    ['1e0400410042', 'AB', 'BMPString is UTF-16BE'],
    ['1307416c6963652043', 'Alice C', 'PrintableString'],
    ['170d3235303130323033303430355a', '250102030405Z (2025-01-02T03:04:05Z)', 'UTCTime, RFC 5280 century rule'],
    ['170d3939303130323033303430355a', '990102030405Z (1999-01-02T03:04:05Z)', 'UTCTime YY >= 50 is 19YY'],
    ['180f32303530303130323033303430355a', '20500102030405Z (2050-01-02T03:04:05Z)', 'GeneralizedTime'],
    ['03020780', '1 bits, 7 unused: 1', 'BIT STRING (keyUsage digitalSignature)'],
    ['03020900', 'invalid unused-bits count 9', 'unused bits > 7'],
    ['0403010203', '010203', 'OCTET STRING not holding DER stays hex'],
    ['800461626364', 'abcd', 'implicit primitive [0] shown as text when printable'],
  ];
  it.each(rows)('%s → %s (%s)', (hex, expected) => {
    const n = parseAsn1Tree(fromHex(hex));
    expect(n.error).toBeUndefined();
    expect(n.value).toBe(expected);
  });
});

describe('parseAsn1Tree: structure and errors', () => {
  const rows: [string, unknown, string][] = [
    [
      '3006020101020102',
      { tag: 'SEQUENCE', at: [0, 2, 6], children: [{ tag: 'INTEGER', at: [2, 2, 1], value: '1 (0x01)' }, { tag: 'INTEGER', at: [5, 2, 1], value: '2 (0x02)' }] },
      'definite-length SEQUENCE with exact offsets',
    ],
    [
      '3080020101 0000'.replace(/ /gu, ''),
      { tag: 'SEQUENCE', at: [0, 2, 5], indefinite: true, children: [{ tag: 'INTEGER', at: [2, 2, 1], value: '1 (0x01)' }] },
      'BER indefinite length: length covers the end-of-contents octets',
    ],
    [
      '3080020101',
      { tag: 'SEQUENCE', at: [0, 2, 3], indefinite: true, children: [{ tag: 'INTEGER', at: [2, 2, 1], value: '1 (0x01)' }, { tag: 'Error', at: [5, 0, 0], error: 'missing end-of-contents octets of an indefinite length' }] },
      'indefinite length without end-of-contents',
    ],
    ['3005020101', { tag: 'Error', at: [0, 0, 5], error: 'length 5 runs past the end of its container (3 bytes available)' }, 'length past the end'],
    ['30', { tag: 'Error', at: [0, 0, 1], error: 'unexpected end of data: expected a length octet' }, 'header cut short'],
    ['0480', { tag: 'Error', at: [0, 0, 2], error: 'indefinite length on a primitive element' }, 'X.690 §8.1.3.2: primitive needs definite length'],
    ['30ff', { tag: 'Error', at: [0, 0, 2], error: 'reserved length octet 0xFF' }, 'X.690 §8.1.3.5: 0xFF reserved'],
    ['3089010203040506070809', { tag: 'Error', at: [0, 0, 11], error: 'length encoded in 9 octets is too large' }, 'absurd long-form length'],
    [
      '30050201013001',
      { tag: 'SEQUENCE', at: [0, 2, 5], children: [{ tag: 'INTEGER', at: [2, 2, 1], value: '1 (0x01)' }, { tag: 'Error', at: [5, 0, 2], error: 'length 1 runs past the end of its container (0 bytes available)' }] },
      'error node at the failing offset inside a container; earlier siblings kept',
    ],
    ['', { tag: 'Error', at: [0, 0, 0], error: 'no data' }, 'empty input'],
    [
      '5f2103020101'.replace(/ /gu, ''),
      { tag: '[APPLICATION 33]', at: [0, 3, 3], value: '020101' },
      'multi-octet tag number (X.690 §8.1.2.4)',
    ],
    [
      'a003020102',
      { tag: '[0]', at: [0, 2, 3], children: [{ tag: 'INTEGER', at: [2, 2, 1], value: '2 (0x02)' }] },
      'context constructed [0] (X.509 version)',
    ],
    [
      '0405 3003 020105'.replace(/ /gu, ''),
      { tag: 'OCTET STRING', at: [0, 2, 5], encapsulates: true, children: [{ tag: 'SEQUENCE', at: [2, 2, 3], children: [{ tag: 'INTEGER', at: [4, 2, 1], value: '5 (0x05)' }] }] },
      'OCTET STRING holding DER is opened, offsets absolute',
    ],
    [
      '0306 00 3003 020105'.replace(/ /gu, ''),
      { tag: 'BIT STRING', at: [0, 2, 6], value: '40 bits, 0 unused: 3003020105', encapsulates: true, children: [{ tag: 'SEQUENCE', at: [3, 2, 3], children: [{ tag: 'INTEGER', at: [5, 2, 1], value: '5 (0x05)' }] }] },
      'BIT STRING with 0 unused bits holding DER is opened',
    ],
    ['0404 3005 0201'.replace(/ /gu, ''), { tag: 'OCTET STRING', at: [0, 2, 4], value: '30050201' }, 'OCTET STRING whose content does not parse stays a value'],
  ];
  it.each(rows)('%s (%s)', (hex, expected, why) => {
    expect(shape(parseAsn1Tree(fromHex(hex))), why).toEqual(expected);
  });

  it('reports bytes after the element on the root', () => {
    const n = parseAsn1Tree(fromHex('05000500'));
    expect(n.warning).toBe('2 bytes after the end of the element (offset 2)');
  });

  it('never throws on random garbage, and every node range stays inside the input', () => {
    let seed = 42;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const check = (n: Asn1Node, len: number): void => {
      expect(n.offset).toBeGreaterThanOrEqual(0);
      expect(n.offset + n.headerLength + n.length).toBeLessThanOrEqual(len);
      for (const c of n.children ?? []) check(c, len);
    };
    for (let i = 0; i < 2000; i++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(rand() * 40) }, () => Math.floor(rand() * 256));
      if (i % 3 === 0) bytes[0] = 0x30;
      check(parseAsn1Tree(bytes), bytes.length);
    }
  });
});

describe('parseAsn1Tree: limits', () => {
  const deep = (levels: number): Uint8Array => {
    let inner = fromHex('0500');
    for (let i = 0; i < levels; i++) {
      const len = inner.length;
      const head = len < 128 ? [0x30, len] : len < 256 ? [0x30, 0x81, len] : [0x30, 0x82, len >> 8, len & 0xff];
      inner = Uint8Array.from([...head, ...inner]);
    }
    return inner;
  };

  it('marks the node at maxDepth as truncated instead of recursing', () => {
    let n: Asn1Node | undefined = parseAsn1Tree(deep(100));
    let depth = 0;
    while (n?.children?.[0]) {
      n = n.children[0];
      depth++;
    }
    expect(depth).toBe(64);
    expect(n?.truncated).toBe('deeper than 64 levels');
  });

  it('honours a custom maxDepth', () => {
    const root = parseAsn1Tree(deep(5), { maxDepth: 2 });
    expect(root.children?.[0]?.children?.[0]?.truncated).toBe('deeper than 2 levels');
  });

  it('stops at maxNodes and marks the container', () => {
    const seq = Uint8Array.from([0x30, 0x82, 0x07, 0xd0, ...Array.from({ length: 1000 }, () => [0x05, 0x00]).flat()]);
    const root = parseAsn1Tree(seq, { maxNodes: 10 });
    expect(root.children).toHaveLength(9);
    expect(root.truncated).toBe('stopped at the limit of 10 nodes');
    expect(countAsn1Nodes(root)).toBe(10);
  });

  it('skips an indefinite-length element at the depth limit to its end-of-contents', () => {
    const root = parseAsn1Tree(fromHex('3080308030800500000000000500'.slice(0, 24) + '0000'), { maxDepth: 1 });
    expect(root.indefinite).toBe(true);
    const child = root.children?.[0];
    expect(child?.truncated).toBe('deeper than 1 levels');
    expect(child?.offset).toBe(2);
    expect(child?.length).toBe(8); // 3080 0500 0000 + 0000
  });
});

describe('parseAsn1Tree: real certificate', () => {
  const der = pemDer('test/fixtures/leaves/ec-p256.pem');

  it('matches the offsets openssl asn1parse reports', () => {
    const out = execFileSync('openssl', ['asn1parse', '-inform', 'DER'], { input: der }).toString();
    const ours: [number, number, number][] = [];
    const walk = (n: Asn1Node): void => {
      ours.push([n.offset, n.headerLength, n.length]);
      // openssl asn1parse does not open encapsulated strings unless asked (-strparse)
      if (!n.encapsulates) for (const c of n.children ?? []) walk(c);
    };
    walk(parseAsn1Tree(der));
    const theirs = [...out.matchAll(/^\s*(\d+):d=\s*\d+\s+hl=\s*(\d+)\s+l=\s*(\d+)/gmu)].map((m) => [Number(m[1]), Number(m[2]), Number(m[3])]);
    expect(ours).toEqual(theirs);
  });

  it('opens the extension values and names the OIDs', () => {
    const root = parseAsn1Tree(der);
    const values: string[] = [];
    const walk = (n: Asn1Node): void => {
      if (n.value !== undefined) values.push(n.value);
      for (const c of n.children ?? []) walk(c);
    };
    walk(root);
    expect(values).toContain('1.2.840.10045.2.1 (id-ecPublicKey)');
    expect(values.some((v) => v.startsWith('2.5.29.17 '))).toBe(true);
    expect(JSON.stringify(root)).toContain('"encapsulates":true');
    expect(structuredClone(root)).toEqual(root);
  });
});
