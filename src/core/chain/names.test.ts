import { describe, expect, it } from 'vitest';
import type { AttributeModel, NameModel } from '../model';
import { namesMatch, normalizeName } from './names';

const attr = (oid: string, value: string, stringType = 'UTF8String'): AttributeModel => ({ shortName: null, oid, value, stringType });
const name = (...rdns: AttributeModel[][]): NameModel => ({ rdns, rfc4514: '', derHex: Math.random().toString(16) });
const CN = '2.5.4.3';
const O = '2.5.4.10';

describe('normalizeName (RFC 5280 §7.1)', () => {
  const rows: [NameModel, NameModel, boolean, string][] = [
    [name([attr(CN, 'Example CA')]), name([attr(CN, 'example ca', 'PrintableString')]), true, 'case-insensitive across string types'],
    [name([attr(CN, '  Example   CA ')]), name([attr(CN, 'Example CA')]), true, 'white space collapsed and trimmed'],
    [name([attr(CN, 'Example CA')]), name([attr(CN, 'Example CB')]), false, 'different value'],
    [name([attr(O, 'X'), attr(CN, 'Y')]), name([attr(CN, 'y'), attr(O, 'x')]), true, 'multi-valued RDN compares as a set'],
    [name([attr(O, 'X')], [attr(CN, 'Y')]), name([attr(CN, 'Y')], [attr(O, 'X')]), false, 'RDN order matters'],
    [name([attr(CN, '#0401ab', 'other')]), name([attr(CN, '#0401AB', 'other')]), false, 'non-string values compare exactly'],
  ];
  it.each(rows)('%#: %s', (a, b, equal, _why) => {
    expect(normalizeName(a) === normalizeName(b)).toBe(equal);
    expect(namesMatch(a, b)).toBe(equal);
  });
});
