/** CRL Distribution Points: RFC 5280 §4.2.1.13 (DistributionPoint: name, reasons, cRLIssuer). */
import { type Asn1, TagClass } from '../../input/der';
import type { DistributionPointModel, GeneralNameModel } from '../../model';
import { parseGeneralNames } from '../general-name';
import { formatName, parseRdn } from '../name';
import { bitNames, fail } from '../util';
import type { ExtensionBody } from './types';
import type { Warnings } from '../warnings';

/** ReasonFlags bit names (RFC 5280 §4.2.1.13). */
export const REASON_FLAG_BITS: readonly string[] = [
  'unused',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'privilegeWithdrawn',
  'aACompromise',
];

/** DistributionPointName ::= CHOICE { fullName [0] GeneralNames, nameRelativeToCRLIssuer [1] RDN } (inside an explicit wrapper). */
export function parseDistributionPointName(wrapper: Asn1, w?: Warnings, field = 'distributionPoint'): { fullName: GeneralNameModel[] | null; nameRelativeToCrlIssuer: string | null } {
  const choice = wrapper.children()[0];
  if (!choice || choice.tagClass !== TagClass.Context) fail('bad DistributionPointName', wrapper);
  if (choice.tag === 0) return { fullName: parseGeneralNames(choice, w, `${field}.fullName`), nameRelativeToCrlIssuer: null };
  if (choice.tag === 1) return { fullName: null, nameRelativeToCrlIssuer: formatName([parseRdn(choice)]) };
  return fail(`unknown DistributionPointName [${choice.tag}]`, choice);
}

export function parseDistributionPoints(value: Asn1, what: string, w?: Warnings): DistributionPointModel[] {
  if (!value.isSequence) fail(`${what} is not a SEQUENCE`, value);
  return value.children().map((dp, i) => {
    if (!dp.isSequence) fail('DistributionPoint is not a SEQUENCE', dp);
    let fullName: GeneralNameModel[] | null = null;
    let nameRelativeToCrlIssuer: string | null = null;
    let reasons: string[] | null = null;
    let crlIssuer: GeneralNameModel[] | null = null;
    for (const f of dp.children()) {
      if (f.tagClass !== TagClass.Context) fail('unexpected element in DistributionPoint', f);
      if (f.tag === 0) ({ fullName, nameRelativeToCrlIssuer } = parseDistributionPointName(f, w, `points[${i}].distributionPoint`));
      else if (f.tag === 1) reasons = bitNames(f.content, REASON_FLAG_BITS);
      else if (f.tag === 2) crlIssuer = parseGeneralNames(f, w, `points[${i}].cRLIssuer`);
      else fail(`unexpected [${f.tag}] in DistributionPoint`, f);
    }
    return { fullName, nameRelativeToCrlIssuer, reasons, crlIssuer };
  });
}

export function decodeCrlDistributionPoints(value: Asn1, w?: Warnings): ExtensionBody {
  return { kind: 'crlDistributionPoints', points: parseDistributionPoints(value, 'cRLDistributionPoints', w) };
}
