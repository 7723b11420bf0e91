import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Asn1Node } from '@/core/asn1/tree';
import { CopyButton } from '../copy-button';
import { SafeLine, SafeText } from '../safe-text';
import { ancestorsOf, findAsn1Path, initialExpanded, keyOf, nodeAt, nodeEnd, parentKey, visibleRows, type Asn1Key, type TreeRow } from './asn1-tree-model';

export interface Asn1ViewProps {
  /** Built in the Worker by core/asn1 `parseAsn1Tree(bytes)`. */
  readonly tree: Asn1Node;
  /** The bytes the tree was parsed from (offsets index into these). */
  readonly bytes: Uint8Array;
  /** Levels expanded at first (default 3). */
  readonly initialDepth?: number;
  /** Accessible name of the whole view (default "ASN.1 structure"). */
  readonly label?: string;
}

const BYTES_PER_ROW = 16;
const HEX_ROW_HEIGHT = 20;
const CHILDREN_PAGE = 200;

const hex2 = (b: number): string => (b < 16 ? '0' : '') + b.toString(16);

function describeNode(n: Asn1Node): string {
  if (n.error !== undefined) return `Error at offset ${n.offset}`;
  return `${n.tagName}, offset ${n.offset}, header ${n.headerLength}, length ${n.length}${n.indefinite ? ' (indefinite)' : ''}`;
}

function nodeHex(bytes: Uint8Array, n: Asn1Node): string {
  const end = Math.min(bytes.length, nodeEnd(n));
  let s = '';
  for (let i = n.offset; i < end; i++) s += hex2(bytes[i] ?? 0);
  return s;
}

/**
 * An ASN.1 structure browser: a collapsible tree (WAI-ARIA tree pattern: arrow keys, Home/End,
 * Enter/Space to toggle) beside a hex dump. The selected node's header bytes and content bytes
 * are highlighted in two shades; clicking a byte selects the deepest node containing it.
 */
export function Asn1View({ tree, bytes, initialDepth = 3, label = 'ASN.1 structure' }: Asn1ViewProps) {
  const id = useId();
  const [expanded, setExpanded] = useState<ReadonlySet<Asn1Key>>(() => initialExpanded(tree, initialDepth));
  const [limits, setLimits] = useState<ReadonlyMap<Asn1Key, number>>(() => new Map());
  const [selected, setSelected] = useState<Asn1Key>('');
  /** Where the last selection came from: the tree scrolls the hex dump, the hex dump scrolls the tree. */
  const [origin, setOrigin] = useState<'tree' | 'hex'>('tree');

  // A new tree resets the view (the component may be reused for another item).
  const [shownTree, setShownTree] = useState(tree);
  if (shownTree !== tree) {
    setShownTree(tree);
    setExpanded(initialExpanded(tree, initialDepth));
    setLimits(new Map());
    setSelected('');
  }

  const rows = useMemo(() => visibleRows(tree, expanded, (k) => limits.get(k) ?? CHILDREN_PAGE), [tree, expanded, limits]);
  const selectedNode = nodeAt(tree, selected) ?? tree;
  const domId = (key: Asn1Key): string => `${id}-n${key === '' ? 'root' : key.replace(/\//gu, '-')}`;

  const treeRef = useRef<HTMLUListElement>(null);
  const hexRef = useRef<HTMLDivElement>(null);
  const rowCount = Math.max(1, Math.ceil(bytes.length / BYTES_PER_ROW));
  const virtualizer = useVirtualizer({ count: rowCount, getScrollElement: () => hexRef.current, estimateSize: () => HEX_ROW_HEIGHT, overscan: 10 });

  const select = (key: Asn1Key, from: 'tree' | 'hex', focus: boolean): void => {
    setSelected(key);
    setOrigin(from);
    if (focus) window.requestAnimationFrame(() => document.getElementById(domId(key))?.focus());
  };

  useEffect(() => {
    if (origin === 'tree') virtualizer.scrollToIndex(Math.floor(selectedNode.offset / BYTES_PER_ROW), { align: 'auto' });
    else document.getElementById(domId(selected))?.scrollIntoView({ block: 'nearest' });
    // domId is derived from id and stable; virtualizer identity changes each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected, origin]);

  const toggle = (key: Asn1Key, open?: boolean): void => {
    setExpanded((prev) => {
      const next = new Set(prev);
      const shouldOpen = open ?? !next.has(key);
      if (shouldOpen) next.add(key);
      else next.delete(key);
      return next;
    });
  };

  const nodeRows = rows.filter((r): r is Extract<TreeRow, { kind: 'node' }> => r.kind === 'node');

  const onTreeKeyDown = (e: KeyboardEvent<HTMLUListElement>): void => {
    const index = nodeRows.findIndex((r) => r.key === selected);
    const current = nodeRows[index];
    if (!current) return;
    const hasChildren = (current.node.children?.length ?? 0) > 0;
    const isOpen = expanded.has(current.key);
    let target: Asn1Key | null = null;
    switch (e.key) {
      case 'ArrowDown':
        target = nodeRows[index + 1]?.key ?? null;
        break;
      case 'ArrowUp':
        target = nodeRows[index - 1]?.key ?? null;
        break;
      case 'Home':
        target = nodeRows[0]?.key ?? null;
        break;
      case 'End':
        target = nodeRows[nodeRows.length - 1]?.key ?? null;
        break;
      case 'ArrowRight':
        if (hasChildren && !isOpen) toggle(current.key, true);
        else if (hasChildren) target = current.key === '' ? '0' : `${current.key}/0`;
        break;
      case 'ArrowLeft':
        if (hasChildren && isOpen) toggle(current.key, false);
        else target = parentKey(current.key);
        break;
      case 'Enter':
      case ' ':
        if (hasChildren) toggle(current.key);
        break;
      default:
        return;
    }
    e.preventDefault();
    if (target !== null) select(target, 'tree', true);
  };

  const onHexClick = (e: MouseEvent<HTMLDivElement>): void => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-offset]');
    if (!el) return;
    const path = findAsn1Path(tree, Number(el.dataset.offset));
    if (!path) return;
    const key = keyOf(path);
    setExpanded((prev) => new Set([...prev, ...ancestorsOf(key)]));
    setLimits((prev) => {
      // Make sure every ancestor shows the child on the path, however far down its list it is.
      const next = new Map(prev);
      path.forEach((childIndex, depth) => {
        const anc = keyOf(path.slice(0, depth));
        if (childIndex >= (next.get(anc) ?? CHILDREN_PAGE)) next.set(anc, childIndex + 1);
      });
      return next;
    });
    select(key, 'hex', false);
  };

  const headerStart = selectedNode.offset;
  const contentStart = selectedNode.offset + selectedNode.headerLength;
  const end = nodeEnd(selectedNode);
  /** Which part of the selected element a byte is (for tests and tools: `[data-part]`). */
  const bytePart = (o: number): 'header' | 'content' | undefined => (o >= headerStart && o < contentStart ? 'header' : o >= contentStart && o < end ? 'content' : undefined);
  const byteClass = (o: number): string =>
    o >= headerStart && o < contentStart
      ? 'bg-indigo-200 text-indigo-950 dark:bg-indigo-700 dark:text-white'
      : o >= contentStart && o < end
        ? 'bg-emerald-100 text-emerald-950 dark:bg-emerald-900 dark:text-emerald-50'
        : '';

  return (
    <section aria-label={label} className="grid gap-3 lg:grid-cols-[minmax(0,1fr)_auto]">
      <div className="min-w-0">
        {tree.warning !== undefined && (
          <p role="note" className="mb-2 rounded-md bg-amber-50 px-2 py-1 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
            {tree.warning}
          </p>
        )}
        <ul
          ref={treeRef}
          role="tree"
          aria-label={label}
          className="max-h-[32rem] overflow-auto rounded-md border border-zinc-200 p-1 font-mono text-xs dark:border-zinc-800"
          onKeyDown={onTreeKeyDown}
        >
          {rows.map((row) =>
            row.kind === 'more' ? (
              <li key={`more-${row.key}`} role="none" style={{ paddingLeft: `${row.level - 1}rem` }}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setLimits((prev) => new Map(prev).set(row.key, (prev.get(row.key) ?? CHILDREN_PAGE) + CHILDREN_PAGE * 5))}
                >
                  Show more ({row.hidden.toLocaleString('en-US')} hidden)
                </button>
              </li>
            ) : (
              <Asn1TreeItem
                key={row.key}
                id={domId(row.key)}
                node={row.node}
                level={row.level}
                posInSet={row.posInSet}
                setSize={row.setSize}
                selected={row.key === selected}
                open={expanded.has(row.key)}
                onSelect={() => select(row.key, 'tree', false)}
                onToggle={() => toggle(row.key)}
              />
            ),
          )}
        </ul>
        <div className="mt-2 space-y-1 text-sm" aria-live="polite">
          <p className="font-medium">{describeNode(selectedNode)}</p>
          {selectedNode.value !== undefined && selectedNode.value !== '' && (
            <p className="hex">
              <SafeText value={selectedNode.value} max={400} />
            </p>
          )}
          {selectedNode.error !== undefined && <p className="text-red-700 dark:text-red-300">{selectedNode.error}</p>}
          {selectedNode.truncated !== undefined && <p className="text-amber-800 dark:text-amber-200">Not shown: {selectedNode.truncated}.</p>}
          {end - headerStart <= 1_000_000 && <CopyButton value={nodeHex(bytes, selectedNode)} label="bytes of the selected node as hex" />}
        </div>
      </div>
      <div className="max-w-full min-w-0">
        <p id={`${id}-hex-help`} className="mb-1 text-xs text-zinc-600 dark:text-zinc-400">
          <span className="rounded bg-indigo-200 px-1 text-indigo-950 dark:bg-indigo-700 dark:text-white">header</span>{' '}
          <span className="rounded bg-emerald-100 px-1 text-emerald-950 dark:bg-emerald-900 dark:text-emerald-50">content</span> Click a byte to select its element.
        </p>
        <div
          ref={hexRef}
          role="region"
          aria-label="Hex dump"
          tabIndex={0}
          aria-describedby={`${id}-hex-help`}
          className="max-h-[32rem] overflow-auto rounded-md border border-zinc-200 p-1 font-mono text-xs dark:border-zinc-800"
          onClick={onHexClick}
        >
          {/* In-flow sizer: the virtual rows are absolutely positioned and would not give the pane its width. */}
          <div aria-hidden="true" className="invisible flex h-0 gap-3 overflow-hidden whitespace-pre">
            <span>000000</span>
            <span>
              {Array.from({ length: BYTES_PER_ROW }, (_, i) => (
                <span key={i} className="px-[1px]">
                  00
                </span>
              ))}
            </span>
            <span>{'.'.repeat(BYTES_PER_ROW)}</span>
          </div>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((v) => {
              const start = v.index * BYTES_PER_ROW;
              const stop = Math.min(bytes.length, start + BYTES_PER_ROW);
              const cells: number[] = [];
              for (let o = start; o < stop; o++) cells.push(o);
              return (
                <div key={v.index} className="absolute left-0 flex w-max gap-3 whitespace-pre" style={{ top: v.start, height: HEX_ROW_HEIGHT }}>
                  <span className="text-zinc-600 select-none dark:text-zinc-400">{start.toString(16).padStart(6, '0')}</span>
                  <span>
                    {cells.map((o) => (
                      <span key={o} data-offset={o} data-part={bytePart(o)} className={`cursor-pointer px-[1px] ${byteClass(o)}`}>
                        {hex2(bytes[o] ?? 0)}
                      </span>
                    ))}
                  </span>
                  <span aria-hidden="true" className="text-zinc-600 dark:text-zinc-400">
                    {cells.map((o) => {
                      const b = bytes[o] ?? 0;
                      return (
                        <span key={o} data-offset={o} className={byteClass(o)}>
                          {b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.'}
                        </span>
                      );
                    })}
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}

interface Asn1TreeItemProps {
  readonly id: string;
  readonly node: Asn1Node;
  readonly level: number;
  readonly posInSet: number;
  readonly setSize: number;
  readonly selected: boolean;
  readonly open: boolean;
  readonly onSelect: () => void;
  readonly onToggle: () => void;
}

function Asn1TreeItem({ id, node, level, posInSet, setSize, selected, open, onSelect, onToggle }: Asn1TreeItemProps) {
  const hasChildren = (node.children?.length ?? 0) > 0;
  return (
    <li
      id={id}
      role="treeitem"
      aria-level={level}
      aria-posinset={posInSet}
      aria-setsize={setSize}
      aria-selected={selected}
      aria-expanded={hasChildren ? open : undefined}
      tabIndex={selected ? 0 : -1}
      onClick={onSelect}
      className={`flex cursor-pointer items-baseline gap-1 rounded px-1 py-px outline-offset-0 ${selected ? 'bg-indigo-100 dark:bg-indigo-900/70' : 'hover:bg-zinc-100 dark:hover:bg-zinc-800'}`}
      style={{ paddingLeft: `${(level - 1) * 1 + 0.25}rem` }}
    >
      <span
        aria-hidden="true"
        className="inline-block w-3 shrink-0 text-zinc-500 dark:text-zinc-400"
        onClick={(e) => {
          if (!hasChildren) return;
          e.stopPropagation();
          onSelect();
          onToggle();
        }}
      >
        {hasChildren ? (open ? '▾' : '▸') : ''}
      </span>
      {node.error !== undefined ? (
        <span className="text-red-700 dark:text-red-300">
          Error: <SafeLine value={node.error} />
        </span>
      ) : (
        <>
          <span className="font-semibold whitespace-nowrap">{node.tagName}</span>{' '}
          <span className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
            ({node.offset}+{node.headerLength}+{node.length})
          </span>
          {node.encapsulates && (
            <>
              {' '}
              <span className="text-emerald-800 dark:text-emerald-300">encapsulates</span>
            </>
          )}
          {node.value !== undefined && node.value !== '' && (
            <>
              {' '}
              <span className="min-w-0 truncate">
                <SafeLine value={node.value} max={80} />
              </span>
            </>
          )}
          {node.truncated !== undefined && (
            <>
              {' '}
              <span className="text-amber-800 dark:text-amber-200">(truncated: {node.truncated})</span>
            </>
          )}
        </>
      )}
    </li>
  );
}

export default Asn1View;
