/** Name Constraints: RFC 5280 §4.2.1.10 (permitted [0] / excluded [1] GeneralSubtrees; IP ranges as addr/prefix). */
import { type Asn1, TagClass } from '../../input/der';
import type { GeneralSubtreeModel } from '../../model';
import { parseGeneralName } from '../general-name';
import { fail, implicitInt } from '../util';
import type { ExtensionBody } from './types';

function subtrees(node: Asn1): GeneralSubtreeModel[] {
  return node.children().map((st) => {
    if (!st.isSequence) fail('GeneralSubtree is not a SEQUENCE', st);
    const [baseNode, ...rest] = st.children();
    if (!baseNode) fail('GeneralSubtree has no base', st);
    let minimum = 0;
    let maximum: number | null = null;
    for (const f of rest) {
      if (f.tagClass === TagClass.Context && f.tag === 0) minimum = implicitInt(f);
      else if (f.tagClass === TagClass.Context && f.tag === 1) maximum = implicitInt(f);
      else fail('unexpected element in GeneralSubtree', f);
    }
    return { base: parseGeneralName(baseNode, undefined, 'base', true), minimum, maximum };
  });
}

export function decodeNameConstraints(value: Asn1): ExtensionBody {
  if (!value.isSequence) fail('nameConstraints is not a SEQUENCE', value);
  let permitted: GeneralSubtreeModel[] = [];
  let excluded: GeneralSubtreeModel[] = [];
  for (const f of value.children()) {
    if (f.tagClass === TagClass.Context && f.tag === 0) permitted = subtrees(f);
    else if (f.tagClass === TagClass.Context && f.tag === 1) excluded = subtrees(f);
    else fail('unexpected element in nameConstraints', f);
  }
  return { kind: 'nameConstraints', permitted, excluded };
}
