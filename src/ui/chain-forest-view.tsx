import { useState } from 'react';
import type { AnchorKind, ChainForest, ChainPath, ChainTree, SignatureCheck } from '@/core/chain/types';
import { Badge, type Tone } from './badges';
import { colonHex, describeValidity, formatUtc, type ValidityState } from './format';
import { SafeLine, SafeText } from './safe-text';

export interface CertificateLabel {
  readonly name: string;
  /** Whether the certificate is one the person loaded (false for a built-in root). */
  readonly loaded: boolean;
  /** notBefore/notAfter (ISO), when the certificate's model is at hand. */
  readonly validity?: { readonly notBefore: string; readonly notAfter: string };
  /** Its key, "RSA 2048", "EC P-256". */
  readonly key?: string;
}

export interface ChainCallbacks {
  /** The evaluation time of the session (ISO): each link's validity is judged at it. */
  readonly at: string;
  readonly labelOf: (sha256: string) => CertificateLabel;
  readonly onSelect: (sha256: string) => void;
  /** Opens a certificate that is not loaded (a built-in root) in the detail view. */
  readonly onOpenBuiltinRoot: (sha256: string) => void;
  /** Marks a private root as trusted for this session (re-analyzes). */
  readonly onTrust: (sha256: string) => void;
  readonly onUntrust: (sha256: string) => void;
}

interface TrieNode {
  readonly sha: string;
  /** Signature of the certificate below, checked with this certificate's key. */
  readonly verifiesBelow: SignatureCheck | null;
  readonly children: Map<string, TrieNode>;
  /** Set on the last node of a path. */
  end: { readonly path: ChainPath; readonly selfSignature: SignatureCheck | null } | null;
}

/** Merges a tree's paths into one trie from the certificate upward: cross-signs become branches. */
export function mergePaths(tree: ChainTree): TrieNode | null {
  const first = tree.paths[0]?.links[0];
  if (!first) return null;
  const root: TrieNode = { sha: first.sha256, verifiesBelow: null, children: new Map(), end: null };
  for (const path of tree.paths) {
    let node = root;
    for (let j = 1; j < path.links.length; j++) {
      const link = path.links[j];
      const below = path.links[j - 1];
      if (!link || !below) break;
      let next = node.children.get(link.sha256);
      if (!next) {
        next = { sha: link.sha256, verifiesBelow: below.signature, children: new Map(), end: null };
        node.children.set(link.sha256, next);
      }
      node = next;
    }
    const last = path.links[path.links.length - 1];
    node.end = { path, selfSignature: path.end === 'self-signed' || (path.end === 'anchor' && last !== undefined) ? (last?.signature ?? null) : null };
  }
  return root;
}

const SIGNATURE_TEXT: Record<SignatureCheck['status'], { icon: string; label: string; tone: Tone }> = {
  valid: { icon: '✓', label: 'signature valid', tone: 'good' },
  invalid: { icon: '✕', label: 'signature INVALID', tone: 'bad' },
  unsupported: { icon: '?', label: 'signature not checkable here', tone: 'warn' },
  'not-checked': { icon: '–', label: 'signature not checked', tone: 'neutral' },
};

function SignatureBadge({ check, prefix }: { readonly check: SignatureCheck; readonly prefix: string }) {
  const s = SIGNATURE_TEXT[check.status];
  return (
    <Badge tone={s.tone} title={check.detail ?? undefined}>
      <span aria-hidden="true">{s.icon}</span>
      {prefix ? `${prefix}${s.label}` : s.label}
    </Badge>
  );
}

const ANCHOR_TEXT: Record<Exclude<AnchorKind, 'none'>, { label: string; tone: Tone }> = {
  builtin: { label: 'Built-in root (trusted)', tone: 'good' },
  'session-trusted': { label: 'Root trusted for this session', tone: 'good' },
  'private-root': { label: 'Private root (not trusted)', tone: 'warn' },
};

const DAY_MS = 86_400_000;

/** "3 days", "5 months", "2 years": a span for people, rounded down. */
export function spanText(days: number): string {
  const unit = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (days < 60) return unit(days, 'day');
  if (days < 730) return unit(Math.floor(days / 30.44), 'month');
  return unit(Math.floor(days / 365.25), 'year');
}

/** "expired 3 days ago" / "expires in 20 days" / "not valid until … (in 4 months)" at `at`. */
export function relativeValidity(notBefore: string, notAfter: string, at: string): { readonly state: ValidityState; readonly text: string } {
  const { state } = describeValidity(notBefore, notAfter, at);
  const now = new Date(at).getTime();
  if (state === 'not-yet-valid') return { state, text: `not yet valid: starts in ${spanText(Math.ceil((new Date(notBefore).getTime() - now) / DAY_MS))}` };
  if (state === 'expired') {
    const days = Math.floor((now - new Date(notAfter).getTime()) / DAY_MS);
    return { state, text: days === 0 ? 'expired today' : `expired ${spanText(days)} ago` };
  }
  const days = Math.floor((new Date(notAfter).getTime() - now) / DAY_MS);
  return { state, text: days === 0 ? 'expires today' : `expires in ${spanText(days)}` };
}

const VALIDITY_TONE: Record<ValidityState, Tone> = { expired: 'bad', 'not-yet-valid': 'bad', expiring: 'warn', valid: 'neutral' };
const VALIDITY_ICON: Record<ValidityState, string> = { expired: '✕', 'not-yet-valid': '✕', expiring: '!', valid: '' };

/** Validity dates (UTC), where they stand at the evaluation time, and the key of one chain link. */
function LinkFacts({ label, at }: { readonly label: CertificateLabel; readonly at: string }) {
  if (!label.validity && !label.key) return null;
  const rel = label.validity ? relativeValidity(label.validity.notBefore, label.validity.notAfter, at) : null;
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5 pb-0.5 text-xs text-zinc-700 dark:text-zinc-300">
      {label.validity && rel && (
        <>
          <span>
            <span className="sr-only">Valid </span>
            <time dateTime={label.validity.notBefore}>{formatUtc(label.validity.notBefore)}</time> – <time dateTime={label.validity.notAfter}>{formatUtc(label.validity.notAfter)}</time>
          </span>
          {rel.state === 'valid' ? (
            <span>({rel.text})</span>
          ) : (
            <Badge tone={VALIDITY_TONE[rel.state]}>
              <span aria-hidden="true">{VALIDITY_ICON[rel.state]}</span>
              {rel.text.replace(/^./u, (c) => c.toUpperCase())}
            </Badge>
          )}
        </>
      )}
      {label.key && (
        <span>
          <span aria-hidden="true">· </span>key <span className="font-medium">{label.key}</span>
        </span>
      )}
    </div>
  );
}

function NodeView({ node, callbacks, depth }: { readonly node: TrieNode; readonly callbacks: ChainCallbacks; readonly depth: number }) {
  const label = callbacks.labelOf(node.sha);
  const end = node.end;
  const anchor = end?.path.anchor;
  const outside = label.validity ? describeValidity(label.validity.notBefore, label.validity.notAfter, callbacks.at).state : null;
  const invalidNow = outside === 'expired' || outside === 'not-yet-valid';
  const builtinRoot = !label.loaded && anchor === 'builtin';
  return (
    <li className={depth > 0 ? 'relative ml-3 border-l-2 border-zinc-300 pl-3 dark:border-zinc-700' : ''}>
      <div
        className={invalidNow ? 'rounded border border-dashed border-red-500 bg-red-50/60 px-1.5 dark:border-red-400 dark:bg-red-950/40' : ''}
        data-validity={outside ?? undefined}
      >
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1 py-0.5 text-sm">
          {depth > 0 && (
            <span className="text-xs text-zinc-600 dark:text-zinc-400" aria-hidden="true">
              ↳ signed by
            </span>
          )}
          <button
            type="button"
            className="link-button text-sm"
            onClick={() => (label.loaded ? callbacks.onSelect(node.sha) : callbacks.onOpenBuiltinRoot(node.sha))}
            title={node.sha}
          >
            <SafeLine value={label.name} max={80} />
            {builtinRoot && <span className="sr-only"> (built-in root)</span>}
            {invalidNow && <span className="sr-only">{outside === 'expired' ? ' (expired)' : ' (not yet valid)'}</span>}
          </button>
          {node.verifiesBelow && <SignatureBadge check={node.verifiesBelow} prefix="" />}
          {end?.selfSignature && node.children.size === 0 && (end.path.end === 'self-signed' || end.path.anchor !== 'none') && (
            <SignatureBadge check={end.selfSignature} prefix="self-" />
          )}
          {anchor && anchor !== 'none' && <Badge tone={ANCHOR_TEXT[anchor].tone}>{ANCHOR_TEXT[anchor].label}</Badge>}
          {anchor === 'private-root' && (
            <button type="button" className="btn-small" onClick={() => callbacks.onTrust(node.sha)}>
              Trust this root for this session
            </button>
          )}
          {anchor === 'session-trusted' && (
            <button type="button" className="btn-small" onClick={() => callbacks.onUntrust(node.sha)}>
              Stop trusting
            </button>
          )}
        </div>
        <LinkFacts label={label} at={callbacks.at} />
      </div>
      {end && end.path.end === 'missing-issuer' && end.path.missingIssuer && (
        <div className="ml-3 border-l-2 border-dashed border-red-400 py-1 pl-3 text-sm">
          <div className="rounded border border-dashed border-red-400 bg-red-50 px-2 py-1 text-red-900 dark:bg-red-950 dark:text-red-200">
            <span className="font-semibold">
              <span aria-hidden="true">⚠ </span>Missing issuer:
            </span>{' '}
            <SafeText value={end.path.missingIssuer.issuerName || '(empty name)'} />
            {end.path.missingIssuer.authorityKeyIdHex && (
              <span className="block text-xs">
                key id <span className="hex">{colonHex(end.path.missingIssuer.authorityKeyIdHex)}</span>
              </span>
            )}
            <span className="block text-xs">Load this intermediate to complete the chain; servers must send it.</span>
          </div>
        </div>
      )}
      {end && (end.path.end === 'loop' || end.path.end === 'limit') && (
        <p className="ml-3 text-xs text-amber-800 dark:text-amber-200">
          {end.path.end === 'loop' ? 'The path loops here.' : 'Stopped: work limit reached.'} {end.path.note ?? ''}
        </p>
      )}
      {node.children.size > 0 && (
        <ul aria-label={node.children.size > 1 ? 'Alternative issuers (cross-signed)' : undefined}>
          {node.children.size > 1 && <li className="ml-3 text-xs font-medium text-indigo-800 dark:text-indigo-300">{node.children.size} alternative issuers (cross-signed):</li>}
          {Array.from(node.children.values()).map((child) => (
            <NodeView key={child.sha} node={child} callbacks={callbacks} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}

export interface ChainTreeViewProps extends ChainCallbacks {
  readonly tree: ChainTree;
}

export function ChainTreeView({ tree, ...callbacks }: ChainTreeViewProps) {
  const root = mergePaths(tree);
  if (!root) return null;
  return (
    <ul className="space-y-0.5" aria-label={`Chain of ${callbacks.labelOf(tree.sha256).name}`}>
      <NodeView node={root} callbacks={callbacks} depth={0} />
    </ul>
  );
}

export interface ChainForestViewProps extends ChainCallbacks {
  readonly forest: ChainForest;
  /** SHA-256s to show as tree tops (certificates that issued none of the others), in order. */
  readonly tops: readonly string[];
}

const PAGE = 100;

export function ChainForestView({ forest, tops, ...callbacks }: ChainForestViewProps) {
  const [limit, setLimit] = useState(PAGE);
  return (
    <section aria-label="Chain forest" className="panel space-y-3 p-4">
      <h2 className="section-title">Chains</h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Every certificate that issued no other loaded certificate, with every path up to a root. Alternative paths (cross-signs) branch.
        {forest.limited && ' The search hit its work limit; some paths may be missing.'}
      </p>
      {tops.length === 0 && <p className="text-sm">No certificates loaded.</p>}
      <ul className="space-y-3">
        {tops.slice(0, limit).map((sha) => {
          const tree = forest.trees[sha];
          return tree ? (
            <li key={sha} className="rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
              <ChainTreeView tree={tree} {...callbacks} />
            </li>
          ) : null;
        })}
      </ul>
      {tops.length > limit && (
        <button type="button" className="btn" onClick={() => setLimit((l) => l + PAGE)}>
          Show {Math.min(PAGE, tops.length - limit)} more of {tops.length - limit}
        </button>
      )}
    </section>
  );
}
