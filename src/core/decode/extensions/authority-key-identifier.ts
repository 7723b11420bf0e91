/** Authority Key Identifier: RFC 5280 §4.2.1.1 (keyIdentifier [0], authorityCertIssuer [1], authorityCertSerialNumber [2]). */
import { type Asn1, TagClass } from '../../input/der';
import type { GeneralNameModel } from '../../model';
import { parseGeneralNames } from '../general-name';
import { fail, toHex } from '../util';
import type { ExtensionBody } from './types';
import type { Warnings } from '../warnings';

export function decodeAuthorityKeyIdentifier(value: Asn1, w?: Warnings): ExtensionBody {
  if (!value.isSequence) fail('authorityKeyIdentifier is not a SEQUENCE', value);
  let keyIdentifierHex: string | null = null;
  let authorityCertIssuer: GeneralNameModel[] | null = null;
  let authorityCertSerialNumberHex: string | null = null;
  for (const f of value.children()) {
    if (f.tagClass !== TagClass.Context) fail('unexpected element in authorityKeyIdentifier', f);
    if (f.tag === 0) keyIdentifierHex = toHex(f.content);
    else if (f.tag === 1) authorityCertIssuer = parseGeneralNames(f, w, 'authorityCertIssuer');
    else if (f.tag === 2) {
      let s = f.content;
      while (s.length > 1 && s[0] === 0) s = s.subarray(1);
      authorityCertSerialNumberHex = toHex(s);
    } else fail(`unexpected [${f.tag}] in authorityKeyIdentifier`, f);
  }
  return { kind: 'authorityKeyIdentifier', keyIdentifierHex, authorityCertIssuer, authorityCertSerialNumberHex };
}
