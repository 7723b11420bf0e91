/** Issuing Distribution Point: RFC 5280 §5.2.5, summarised as one line of text. */
import { type Asn1, TagClass } from '../../input/der';
import { bitNames, fail } from '../util';
import { parseDistributionPointName, REASON_FLAG_BITS } from './crl-distribution-points';
import type { ExtensionBody } from './types';

const FLAGS: Readonly<Record<number, string>> = {
  1: 'only user certificates',
  2: 'only CA certificates',
  4: 'indirect CRL',
  5: 'only attribute certificates',
};

export function decodeIssuingDistributionPoint(value: Asn1): ExtensionBody {
  if (!value.isSequence) fail('issuingDistributionPoint is not a SEQUENCE', value);
  const parts: string[] = [];
  for (const f of value.children()) {
    if (f.tagClass !== TagClass.Context) fail('unexpected element in issuingDistributionPoint', f);
    if (f.tag === 0) {
      const n = parseDistributionPointName(f);
      if (n.fullName) parts.push(`distribution point: ${n.fullName.map((g) => g.value).join(', ')}`);
      if (n.nameRelativeToCrlIssuer) parts.push(`distribution point (relative to issuer): ${n.nameRelativeToCrlIssuer}`);
    } else if (f.tag === 3) parts.push(`only some reasons: ${bitNames(f.content, REASON_FLAG_BITS).join(', ')}`);
    else {
      const label = FLAGS[f.tag];
      if (!label) fail(`unexpected [${f.tag}] in issuingDistributionPoint`, f);
      if (f.content[0] !== 0) parts.push(label);
    }
  }
  return { kind: 'issuingDistributionPoint', text: parts.length ? parts.join('; ') : 'no restrictions' };
}
