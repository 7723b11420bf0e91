import { describe, expect, it } from 'vitest';
import type { Asn1Node } from '@/core/asn1/tree';
import { parseAsn1Tree } from '@/core/asn1/tree';
import { fromHex } from '@/core/input/bytes';
import { ancestorsOf, findAsn1Path, initialExpanded, nodeAt, parentKey, visibleRows } from './asn1-tree-model';

// SEQUENCE { INTEGER 1, SEQUENCE { NULL, OCTET STRING { INTEGER 5 } } }
const tree: Asn1Node = parseAsn1Tree(fromHex('300c020101300705000403020105'));

describe('findAsn1Path', () => {
  const rows: [number, number[] | null, string][] = [
    [0, [], 'root header byte selects the root'],
    [2, [0], 'INTEGER header'],
    [4, [0], 'INTEGER content'],
    [7, [1, 0], 'NULL inside the inner SEQUENCE'],
    [9, [1, 1], 'OCTET STRING header'],
    [13, [1, 1, 0], 'byte inside the encapsulated INTEGER'],
    [14, null, 'past the end'],
    [-1, null, 'negative offset'],
  ];
  it.each(rows)('offset %i → %j (%s)', (offset, expected) => {
    expect(findAsn1Path(tree, offset)).toEqual(expected);
  });
});

describe('tree rows', () => {
  it('shows expanded levels with aria positions and a "more" row past the limit', () => {
    const rows = visibleRows(tree, new Set(['', '1']), (k) => (k === '1' ? 1 : 100));
    expect(rows.map((r) => (r.kind === 'node' ? `${r.key}:${r.level}:${r.posInSet}/${r.setSize}` : `more ${r.key} ${r.hidden}`))).toEqual([':1:1/1', '0:2:1/2', '1:2:2/2', '1/0:3:1/2', 'more 1 1']);
  });

  it('expands the first levels at start', () => {
    expect([...initialExpanded(tree, 2)].sort()).toEqual(['', '1']);
  });

  it('navigates keys', () => {
    expect(parentKey('1/1/0')).toBe('1/1');
    expect(parentKey('1')).toBe('');
    expect(parentKey('')).toBeNull();
    expect(ancestorsOf('1/1/0')).toEqual(['', '1', '1/1']);
    expect(nodeAt(tree, '1/1/0')?.tagName).toBe('INTEGER');
    expect(nodeAt(tree, '9')).toBeUndefined();
  });
});
