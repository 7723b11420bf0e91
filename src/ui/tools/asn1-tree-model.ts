/**
 * Pure helpers behind Asn1View: flattening the visible part of the tree and finding the node
 * under a byte. Kept apart from the component so they are testable without a DOM, and local to
 * the UI because the UI imports core only as types.
 */
import type { Asn1Node } from '@/core/asn1/tree';

/** A node's key: child indices from the root joined by "/" ("" is the root). */
export type Asn1Key = string;

export function keyOf(path: readonly number[]): Asn1Key {
  return path.join('/');
}

export function parentKey(key: Asn1Key): Asn1Key | null {
  if (key === '') return null;
  const i = key.lastIndexOf('/');
  return i < 0 ? '' : key.slice(0, i);
}

export function nodeAt(root: Asn1Node, key: Asn1Key): Asn1Node | undefined {
  if (key === '') return root;
  let n: Asn1Node | undefined = root;
  for (const part of key.split('/')) n = n?.children?.[Number(part)];
  return n;
}

/** End offset (exclusive) of a node's bytes. */
export function nodeEnd(n: Asn1Node): number {
  return n.offset + n.headerLength + n.length;
}

/**
 * Path of child indices to the deepest node whose bytes contain `offset`; null when the offset
 * is outside the root. Children are in offset order, so each level is a binary search.
 */
export function findAsn1Path(root: Asn1Node, offset: number): number[] | null {
  if (offset < root.offset || offset >= nodeEnd(root)) return null;
  const path: number[] = [];
  let node = root;
  for (;;) {
    const children = node.children ?? [];
    let lo = 0;
    let hi = children.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = children[mid];
      if (!c) break;
      if (offset < c.offset) hi = mid - 1;
      else if (offset >= nodeEnd(c)) lo = mid + 1;
      else {
        found = mid;
        break;
      }
    }
    const child = children[found];
    if (!child) return path;
    path.push(found);
    node = child;
  }
}

export interface VisibleRow {
  readonly kind: 'node';
  readonly key: Asn1Key;
  readonly node: Asn1Node;
  /** 1-based, for aria-level. */
  readonly level: number;
  readonly posInSet: number;
  readonly setSize: number;
}

export interface MoreRow {
  readonly kind: 'more';
  /** Key of the parent whose further children are hidden. */
  readonly key: Asn1Key;
  readonly level: number;
  readonly hidden: number;
}

export type TreeRow = VisibleRow | MoreRow;

/**
 * The rows a tree view shows: expanded nodes' children, at most `limitOf(key)` children per
 * node, followed by a "more" row telling how many are hidden.
 */
export function visibleRows(root: Asn1Node, expanded: ReadonlySet<Asn1Key>, limitOf: (key: Asn1Key) => number): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (node: Asn1Node, key: Asn1Key, level: number, pos: number, size: number): void => {
    rows.push({ kind: 'node', key, node, level, posInSet: pos, setSize: size });
    const children = node.children ?? [];
    if (children.length === 0 || !expanded.has(key)) return;
    const limit = Math.min(children.length, limitOf(key));
    for (let i = 0; i < limit; i++) {
      const child = children[i];
      if (child) walk(child, key === '' ? String(i) : `${key}/${i}`, level + 1, i + 1, children.length);
    }
    if (limit < children.length) rows.push({ kind: 'more', key, level: level + 1, hidden: children.length - limit });
  };
  walk(root, '', 1, 1, 1);
  return rows;
}

/** Keys to expand at first: every node with children down to `depth` levels, at most `max` of them. */
export function initialExpanded(root: Asn1Node, depth: number, max = 400): Set<Asn1Key> {
  const out = new Set<Asn1Key>();
  const queue: [Asn1Node, Asn1Key, number][] = [[root, '', 0]];
  for (let q = queue.shift(); q && out.size < max; q = queue.shift()) {
    const [node, key, d] = q;
    if (!node.children || node.children.length === 0 || d >= depth) continue;
    out.add(key);
    node.children.forEach((c, i) => queue.push([c, key === '' ? String(i) : `${key}/${i}`, d + 1]));
  }
  return out;
}

/** Ancestors of `key` (root first), not including `key`. */
export function ancestorsOf(key: Asn1Key): Asn1Key[] {
  const out: Asn1Key[] = [];
  for (let p = parentKey(key); p !== null; p = parentKey(p)) out.unshift(p);
  return out;
}
