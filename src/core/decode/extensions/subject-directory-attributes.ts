/** Subject Directory Attributes: RFC 5280 §4.2.1.8 (SEQUENCE OF Attribute). */
import { type Asn1, TagClass } from '../../input/der';
import { fail, named, oidOf, parseTime, stringByTag, toHex, UT } from '../util';
import type { ExtensionBody } from './types';

function valueText(v: Asn1): string {
  if (v.tagClass === TagClass.Universal && !v.constructed) {
    if (v.tag === UT.GeneralizedTime || v.tag === UT.UTCTime) return parseTime(v, 'attribute value');
    const s = stringByTag(v.tag, v.content);
    if (s !== null) return s;
  }
  return `#${toHex(v.bytes)}`;
}

export function decodeSubjectDirectoryAttributes(value: Asn1): ExtensionBody {
  if (!value.isSequence) fail('subjectDirectoryAttributes is not a SEQUENCE', value);
  const attributes = value.children().map((a) => {
    if (!a.isSequence) fail('Attribute is not a SEQUENCE', a);
    const [t, vals] = a.children();
    if (!t || !vals || !vals.constructed) fail('Attribute needs a type and a SET of values', a);
    return { ...named(oidOf(t)), values: vals.children().map(valueText) };
  });
  return { kind: 'subjectDirectoryAttributes', attributes };
}
