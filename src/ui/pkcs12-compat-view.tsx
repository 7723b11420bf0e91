import type { Pkcs12CompatAnswerKind, Pkcs12Compatibility, Pkcs12ImporterAnswer, Pkcs12Weakness } from '@/core/model';
import { Badge, type Tone } from './badges';
import { SafeText } from './safe-text';

const ANSWER: Record<Pkcs12CompatAnswerKind, { icon: string; label: string; tone: Tone }> = {
  accepts: { icon: '✓', label: 'Accepts', tone: 'good' },
  refuses: { icon: '✕', label: 'Refuses', tone: 'bad' },
  'needs-option': { icon: '!', label: 'Needs', tone: 'warn' },
  unknown: { icon: '?', label: 'Unknown', tone: 'neutral' },
};

export function answerLabel(a: Pick<Pkcs12ImporterAnswer, 'answer' | 'option'>): string {
  return a.answer === 'needs-option' ? `Needs ${a.option ?? 'an option'}` : ANSWER[a.answer].label;
}

function AnswerBadge({ answer }: { readonly answer: Pkcs12ImporterAnswer }) {
  const a = ANSWER[answer.answer];
  return (
    <Badge tone={a.tone} className="whitespace-normal">
      <span aria-hidden="true">{a.icon}</span>
      {answerLabel(answer)}
    </Badge>
  );
}

/** A source address: http(s) as a link that opens only when followed (never fetched by the app), anything else as text. */
function SourceAddress({ url }: { readonly url: string }) {
  if (!/^https:\/\//.test(url)) return <span className="break-all font-mono">{url}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" referrerPolicy="no-referrer" className="break-all font-mono underline decoration-dotted underline-offset-2">
      {url}
    </a>
  );
}

function ImporterRow({ answer }: { readonly answer: Pkcs12ImporterAnswer }) {
  const confidence = [...new Set(answer.decidedBy.map((r) => r.confidence).filter((c) => c !== null))];
  return (
    <li className="rounded border border-zinc-200 p-2 dark:border-zinc-700" aria-label={`${answer.name}: ${answerLabel(answer)}`}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="font-medium">{answer.name}</span>
        <AnswerBadge answer={answer} />
        {answer.checkedHere && (
          <Badge tone="info" title={`Checked against the real importer by Certscope's tests: ${answer.checkedHere}`}>
            checked here
          </Badge>
        )}
      </div>
      <p className="mt-1 text-xs text-zinc-800 dark:text-zinc-200">
        <SafeText value={answer.reason} />
        {confidence.length > 0 && answer.answer !== 'unknown' && <span className="text-zinc-600 dark:text-zinc-400"> (confidence: {confidence.join(', ')})</span>}
      </p>
      {answer.notes.length > 0 && (
        <ul className="mt-1 space-y-0.5 text-xs" aria-label={`Notes for ${answer.name}`}>
          {answer.notes.map((n, i) => (
            <li key={i} className="text-amber-900 dark:text-amber-200">
              <span aria-hidden="true">⚠ </span>
              <SafeText value={`${n.parameter}: ${n.says}`} />
            </li>
          ))}
        </ul>
      )}
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        Via: <SafeText value={answer.via} />
      </p>
      {answer.sources.length > 0 && (
        <details className="mt-1 text-xs">
          <summary className="cursor-pointer text-zinc-700 dark:text-zinc-300">Sources ({answer.sources.length})</summary>
          <ul className="mt-1 space-y-1 pl-3">
            {answer.sources.map((s) => (
              <li key={s.id}>
                <SafeText value={s.title} />
                <br />
                <SourceAddress url={s.url} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

export interface Pkcs12CompatViewProps {
  readonly name: string;
  readonly compatibility: Pkcs12Compatibility;
}

/** Which importers take this PKCS#12, each with the deciding parameter, notes and sources. */
export function Pkcs12CompatView({ name, compatibility }: Pkcs12CompatViewProps) {
  const groups = (['refuses', 'needs-option', 'unknown'] as const)
    .map((kind) => ({ kind, names: compatibility.answers.filter((a) => a.answer === kind).map((a) => (kind === 'needs-option' ? `${a.name} (${a.option ?? ''})` : a.name)) }))
    .filter((g) => g.names.length > 0);
  return (
    <section aria-label={`Where ${name} imports`} className="space-y-2">
      <h4 className="text-sm font-semibold">Where it imports</h4>
      <p className="text-xs text-zinc-700 dark:text-zinc-300">
        From this file’s own parameters. Each answer is a claim with its sources; “unknown” where no source says. Rows marked “checked here” are tested against the real importer.
      </p>
      {groups.length > 0 ? (
        <ul className="space-y-0.5 text-xs" aria-label="Summary">
          {groups.map((g) => (
            <li key={g.kind}>
              <span className="font-semibold">{g.kind === 'needs-option' ? 'Needs an option' : ANSWER[g.kind].label}:</span> <SafeText value={g.names.join(', ')} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-xs font-semibold text-emerald-900 dark:text-emerald-200">Every importer listed accepts it.</p>
      )}
      <details className="text-xs">
        <summary className="cursor-pointer text-zinc-700 dark:text-zinc-300">Parameters read ({compatibility.parameters.length})</summary>
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {compatibility.parameters.map((p, i) => (
            <li key={i}>
              <SafeText value={p} />
            </li>
          ))}
        </ul>
      </details>
      <ul className="space-y-2 text-sm" aria-label="Importers">
        {compatibility.answers.map((a) => (
          <ImporterRow key={a.importer} answer={a} />
        ))}
      </ul>
    </section>
  );
}

/** Weakness flags of one MAC, safe or bag, with their consequence. */
export function WeaknessList({ where, weaknesses }: { readonly where: string; readonly weaknesses: readonly Pkcs12Weakness[] | undefined }) {
  if (!weaknesses || weaknesses.length === 0) return null;
  return (
    <ul className="mt-1 space-y-1" aria-label={`Weaknesses of ${where}`}>
      {weaknesses.map((w, i) => (
        <li key={i} className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-950 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100">
          <span className="font-mono font-semibold">{w.code}</span>: <SafeText value={w.message} />
          {w.opensslNeedsLegacy && (
            <Badge tone="warn" className="ml-1">
              OpenSSL 3 needs -legacy
            </Badge>
          )}
        </li>
      ))}
    </ul>
  );
}
