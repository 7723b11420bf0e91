import type { NameModel } from '@/core/model';
import { SafeText } from './safe-text';

export interface NameViewProps {
  readonly name: NameModel;
  readonly label: string;
}

/** A distinguished name as a table of attributes (type, OID, value), most significant first. */
export function NameView({ name, label }: NameViewProps) {
  const attrs = name.rdns.flat();
  if (attrs.length === 0) return <span className="text-zinc-500 dark:text-zinc-400">(empty)</span>;
  return (
    <table className="w-full text-left text-sm" aria-label={label}>
      <tbody>
        {attrs.map((a, i) => (
          <tr key={i} className="align-top">
            <th scope="row" className="w-28 pr-2 font-normal whitespace-nowrap text-zinc-600 dark:text-zinc-400">
              {a.shortName ?? <span className="font-mono text-xs">{a.oid}</span>}
            </th>
            <td className="min-w-0">
              <SafeText value={a.value} />
              {a.stringType !== 'UTF8String' && a.stringType !== 'PrintableString' && (
                <span className="ml-1 text-xs text-zinc-500 dark:text-zinc-400">({a.stringType})</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
