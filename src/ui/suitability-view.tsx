import type { Finding, Role, RoleAssessment } from '@/core/purpose/types';
import { ROLE_LABEL, SeverityBadge, VerdictBadge } from './badges';
import { FINDING_HELP, STACK_LABEL } from './finding-help';
import { SafeText } from './safe-text';

const SEVERITY_ORDER = { fail: 0, warn: 1, info: 2, pass: 3 } as const;

export interface SuitabilityViewProps {
  readonly assessments: readonly RoleAssessment[];
  readonly host: string | null;
  /** When set, the first checklist item of each code gets the id findingElementId(prefix, role, code), so other views can open it. */
  readonly idPrefix?: string;
}

/** The element id of a role's checklist item for a finding code (see SuitabilityViewProps.idPrefix). */
export function findingElementId(prefix: string, role: Role, code: string): string {
  return `${prefix}-${role}-${code}`;
}

/** One checklist per role: each finding with an icon and a word, expandable to why / fix / where it breaks. */
export function SuitabilityView({ assessments, host, idPrefix }: SuitabilityViewProps) {
  return (
    <div className="grid gap-4 2xl:grid-cols-2">
      {assessments.map((a) => (
        <RolePanel key={a.role} assessment={a} host={host} idPrefix={idPrefix} />
      ))}
    </div>
  );
}

function RolePanel({ assessment, host, idPrefix }: { readonly assessment: RoleAssessment; readonly host: string | null; readonly idPrefix: string | undefined }) {
  const findings = [...assessment.findings].sort((x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity]);
  const firstOfCode = new Set(findings.map((f) => findings.findIndex((g) => g.code === f.code)));
  const title = `Suitability as ${ROLE_LABEL[assessment.role as Role]}`;
  return (
    <section aria-label={title} className="panel render-near-view p-4">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <h3 className="text-base font-semibold">{title}</h3>
        <VerdictBadge role={assessment.role} verdict={assessment.verdict} />
        {assessment.role === 'tlsServer' && (
          <span className="text-xs text-zinc-600 dark:text-zinc-400">{host ? `host: ${host}` : 'no host name given'}</span>
        )}
      </div>
      <ul className="space-y-1" aria-label={`${ROLE_LABEL[assessment.role]} checks`}>
        {findings.map((f, i) => (
          <FindingItem key={`${f.code}-${i}`} finding={f} id={idPrefix !== undefined && firstOfCode.has(i) ? findingElementId(idPrefix, assessment.role, f.code) : undefined} />
        ))}
      </ul>
    </section>
  );
}

function FindingItem({ finding, id }: { readonly finding: Finding; readonly id: string | undefined }) {
  const help = FINDING_HELP[finding.code];
  return (
    <li>
      {/* A failing check opens with its message, fix and errors showing: the answer comes first. */}
      <details id={id} open={finding.severity === 'fail'} className="group scroll-mt-4 rounded-md border border-zinc-200 dark:border-zinc-800">
        <summary className="flex cursor-pointer list-none items-start gap-2 px-2 py-1.5 text-sm hover:bg-zinc-50 dark:hover:bg-zinc-800/50 [&::-webkit-details-marker]:hidden">
          <span aria-hidden="true" className="mt-0.5 inline-block w-3 text-zinc-500 transition-transform group-open:rotate-90">
            ▸
          </span>
          <SeverityBadge severity={finding.severity} />
          <span className="min-w-0 flex-1">
            <span className="font-medium">{help?.title ?? finding.code}</span>
            <span className="block text-zinc-700 dark:text-zinc-300">
              <SafeText value={finding.message} max={300} />
            </span>
          </span>
          <code className="hidden shrink-0 text-xs text-zinc-500 sm:inline dark:text-zinc-400">{finding.code}</code>
        </summary>
        <div className="space-y-2 border-t border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
          <p className="sm:hidden">
            <code className="text-xs">{finding.code}</code>
          </p>
          {help && (
            <>
              <p>
                <span className="font-semibold">Why: </span>
                {help.why}
              </p>
              <p>
                <span className="font-semibold">How to fix: </span>
                {help.fix}
              </p>
            </>
          )}
          {finding.breaksIn && finding.breaksIn.length > 0 && (
            <div>
              <p className="font-semibold">Where it breaks — the error you will see:</p>
              <table className="mt-1 w-full table-fixed text-left text-xs">
                <colgroup>
                  <col className="w-28" />
                  <col />
                </colgroup>
                <thead className="sr-only">
                  <tr>
                    <th scope="col">Software</th>
                    <th scope="col">Message</th>
                  </tr>
                </thead>
                <tbody>
                  {finding.breaksIn.map((b, i) => (
                    <tr key={i} className="align-top">
                      <th scope="row" className="py-0.5 pr-2 font-medium">
                        {STACK_LABEL[b.stack] ?? b.stack}
                        {b.versions && <span className="block font-normal text-zinc-600 dark:text-zinc-400">{b.versions}</span>}
                      </th>
                      <td className="py-0.5">
                        <code className="rounded bg-zinc-100 px-1 [overflow-wrap:anywhere] dark:bg-zinc-800">
                          <SafeText value={b.message} max={0} />
                        </code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      </details>
    </li>
  );
}
