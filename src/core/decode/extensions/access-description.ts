/** AccessDescription lists shared by AIA (RFC 5280 §4.2.2.1) and SIA (§4.2.2.2). */
import type { Asn1 } from '../../input/der';
import type { GeneralNameModel, OidName } from '../../model';
import { parseGeneralName } from '../general-name';
import { fail, named, oidOf } from '../util';
import type { Warnings } from '../warnings';

export function parseAccessDescriptions(value: Asn1, what: string, w?: Warnings): { method: OidName; location: GeneralNameModel }[] {
  if (!value.isSequence) fail(`${what} is not a SEQUENCE`, value);
  return value.children().map((ad, i) => {
    if (!ad.isSequence) fail('AccessDescription is not a SEQUENCE', ad);
    const [m, loc] = ad.children();
    if (!m || !loc) fail('AccessDescription needs a method and a location', ad);
    return { method: named(oidOf(m)), location: parseGeneralName(loc, w, `accessDescriptions[${i}].accessLocation`) };
  });
}
