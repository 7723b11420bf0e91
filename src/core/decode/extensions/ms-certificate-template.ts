/** Microsoft certificate template (1.3.6.1.4.1.311.21.7): [MS-WCCE] §2.2.2.7.7.2 (templateID, major, minor version). */
import type { Asn1 } from '../../input/der';
import { fail, named, oidOf, smallInt } from '../util';
import type { ExtensionBody } from './types';

export function decodeMsCertificateTemplate(value: Asn1): ExtensionBody {
  if (!value.isSequence) fail('certificate template is not a SEQUENCE', value);
  const [id, major, minor] = value.children();
  if (!id) fail('certificate template has no template OID', value);
  return { kind: 'msCertificateTemplate', template: named(oidOf(id)), majorVersion: major ? smallInt(major) : null, minorVersion: minor ? smallInt(minor) : null };
}
