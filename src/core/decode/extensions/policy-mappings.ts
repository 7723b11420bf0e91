/** Policy Mappings: RFC 5280 §4.2.1.5 (issuerDomainPolicy → subjectDomainPolicy pairs). */
import type { Asn1 } from '../../input/der';
import { fail, named, oidOf } from '../util';
import type { ExtensionBody } from './types';

export function decodePolicyMappings(value: Asn1): ExtensionBody {
  if (!value.isSequence) fail('policyMappings is not a SEQUENCE', value);
  const mappings = value.children().map((m) => {
    if (!m.isSequence) fail('policy mapping is not a SEQUENCE', m);
    const [i, s] = m.children();
    if (!i || !s) fail('policy mapping needs two policies', m);
    return { issuerDomainPolicy: named(oidOf(i)), subjectDomainPolicy: named(oidOf(s)) };
  });
  return { kind: 'policyMappings', mappings };
}
