/**
 * GeneralName (RFC 5280 §4.2.1.6) → GeneralNameModel: every CHOICE arm, IP addresses as text,
 * IDN A-labels with their Unicode form, Microsoft UPN otherNames.
 */
import type { GeneralNameModel } from '../model';
import { type Asn1, readAsn1, TagClass } from '../input/der';
import { parseName } from './name';
import { OID } from './oids';
import { domainToUnicode } from './punycode';
import { fail, latin1Text, oidOf, oidText, stringByTag, toHex } from './util';
import type { Warnings } from './warnings';

export function ipv4Text(b: Uint8Array): string {
  return Array.from(b).join('.');
}

/** IPv6 text in RFC 5952 form (lowercase, longest zero run of two or more groups compressed). */
export function ipv6Text(b: Uint8Array): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((b[i] ?? 0) << 8) | (b[i + 1] ?? 0));
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  // IPv4-mapped addresses (::ffff:a.b.c.d) read best with the dotted tail.
  if (bestStart === 0 && bestLen === 5 && groups[5] === 0xffff) return `::ffff:${ipv4Text(b.subarray(12))}`;
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

function prefixLength(mask: Uint8Array): number | null {
  let n = 0;
  let ended = false;
  for (const byte of mask) {
    for (let bit = 7; bit >= 0; bit--) {
      const on = (byte >> bit) & 1;
      if (on && ended) return null;
      if (on) n++;
      else ended = true;
    }
  }
  return n;
}

/** iPAddress octets as text: 4/16 bytes an address, 8/32 bytes (name constraints) "addr/prefix". */
export function ipText(b: Uint8Array): string {
  if (b.length === 4) return ipv4Text(b);
  if (b.length === 16) return ipv6Text(b);
  if (b.length === 8 || b.length === 32) {
    const half = b.length / 2;
    const addr = half === 4 ? ipv4Text(b.subarray(0, 4)) : ipv6Text(b.subarray(0, 16));
    const mask = b.subarray(half);
    const p = prefixLength(mask);
    return p === null ? `${addr}/${half === 4 ? ipv4Text(mask) : ipv6Text(mask)}` : `${addr}/${p}`;
  }
  return `#${toHex(b)}`;
}

function otherName(node: Asn1): GeneralNameModel {
  const [typeNode, valueWrap] = node.children();
  if (!typeNode || !valueWrap) fail('otherName needs a type-id and a value', node);
  const typeOid = oidOf(typeNode);
  const derHex = toHex(node.bytes);
  if (!(valueWrap.tagClass === TagClass.Context && valueWrap.tag === 0 && valueWrap.constructed)) fail('otherName value is not wrapped in [0] EXPLICIT', valueWrap);
  const inner = valueWrap.children()[0];
  const text = inner && inner.tagClass === TagClass.Universal && !inner.constructed ? stringByTag(inner.tag, inner.content) : null;
  if (typeOid === OID.upn && text !== null) return { type: 'upn', value: text, typeOid, derHex };
  // SmtpUTF8Mailbox (RFC 9598), SRVName (RFC 4985), XmppAddr (RFC 6120), NAIRealm (RFC 7585) are strings: `text` above.
  const structured = inner && text === null ? otherNameText(typeOid, inner) : null;
  return { type: 'otherName', value: text ?? structured ?? `#${toHex(valueWrap.content)}`, typeOid, derHex };
}

/** Text of the structured otherNames people meet; null when the value is not in the expected shape. */
function otherNameText(typeOid: string, v: Asn1): string | null {
  try {
    if (typeOid === OID.kerberosPrincipalName) {
      // KRB5PrincipalName ::= SEQUENCE { realm [0] Realm, principalName [1] PrincipalName { name-type [0] Int32, name-string [1] SEQUENCE OF KerberosString } } (RFC 4556 §3.2.2)
      const [realm, principal] = v.children();
      const realmText = realm?.children()[0];
      const nameString = principal?.children()[0]?.children().find((f) => f.isContext(1))?.children()[0];
      if (!realmText || !nameString) return null;
      const parts = nameString.children().map((p) => latin1Text(p.content));
      return `${parts.join('/')}@${latin1Text(realmText.content)}`;
    }
    if (typeOid === OID.hardwareModuleName) {
      // HardwareModuleName ::= SEQUENCE { hwType OBJECT IDENTIFIER, hwSerialNum OCTET STRING } (RFC 4108 §5)
      const [hwType, serial] = v.children();
      if (!hwType || !serial) return null;
      return `hwType ${oidOf(hwType)}, serial ${toHex(serial.octets())}`;
    }
    if (typeOid === OID.permanentIdentifier) {
      // PermanentIdentifier ::= SEQUENCE { identifierValue UTF8String OPTIONAL, assigner OID OPTIONAL } (RFC 4043)
      const parts = v.children().map((f) => (f.isUniversal(6) ? `assigner ${oidOf(f)}` : (stringByTag(f.tag, f.content) ?? '')));
      return parts.join(', ');
    }
  } catch {
    return null;
  }
  return null;
}

const GN_LABEL = ['otherName', 'rfc822Name', 'dNSName', 'x400Address', 'directoryName', 'ediPartyName', 'uniformResourceIdentifier', 'iPAddress', 'registeredID'];

function checkIa5(node: Asn1, w: Warnings | undefined, field: string): void {
  if (!w) return;
  const c = node.content;
  for (let i = 0; i < c.length; i++) {
    if ((c[i] ?? 0) > 0x7f) {
      w.add('NON_ASCII_NAME', field, node, `${GN_LABEL[node.tag] ?? 'name'} holds the octet 0x${(c[i] ?? 0).toString(16)} at position ${i}: IA5String is ASCII only (internationalised names must be A-labels, xn--); shown as Latin-1`);
      return;
    }
  }
}

/**
 * One GeneralName element. `constraint` is true inside name constraints, where an iPAddress is
 * an address and a mask (8 or 32 octets); elsewhere it is 4 or 16 octets, and any other length
 * is shown as "#hex" with a warning.
 */
export function parseGeneralName(node: Asn1, w?: Warnings, field = 'name', constraint = false): GeneralNameModel {
  if (node.tagClass !== TagClass.Context) fail('GeneralName has a non-context tag', node);
  if (node.tag === 1 || node.tag === 2 || node.tag === 6) checkIa5(node, w, field);
  switch (node.tag) {
    case 0:
      return otherName(node);
    case 1: {
      const value = latin1Text(node.content);
      const at = value.lastIndexOf('@');
      const u = at >= 0 ? domainToUnicode(value.slice(at + 1)) : domainToUnicode(value);
      return u === undefined ? { type: 'email', value } : { type: 'email', value, unicode: at >= 0 ? `${value.slice(0, at + 1)}${u}` : u };
    }
    case 2: {
      const value = latin1Text(node.content);
      const u = domainToUnicode(value);
      return u === undefined ? { type: 'dns', value } : { type: 'dns', value, unicode: u };
    }
    case 3:
      return { type: 'x400Address', value: `#${toHex(node.content)}`, derHex: toHex(node.bytes) };
    case 4: {
      const name = node.children()[0];
      if (!name) fail('empty directoryName', node);
      return { type: 'dirName', value: parseName(name).rfc4514 };
    }
    case 5: {
      // EDIPartyName ::= SEQUENCE { nameAssigner [0] DirectoryString OPTIONAL, partyName [1] DirectoryString }
      let text = `#${toHex(node.content)}`;
      try {
        const parts: string[] = [];
        for (const f of node.children()) {
          // DirectoryString is a CHOICE, so the tag is explicit; some encoders wrote it implicitly around a TLV.
          const s = f.constructed ? f.children()[0] : readAsn1(f.content);
          const t = s && !s.constructed ? stringByTag(s.tag, s.content) : null;
          if (t !== null) parts.push(f.tag === 0 ? `nameAssigner=${t}` : `partyName=${t}`);
        }
        if (parts.length) text = parts.join(', ');
      } catch {
        // keep the hex form
      }
      return { type: 'ediPartyName', value: text, derHex: toHex(node.bytes) };
    }
    case 6:
      return { type: 'uri', value: latin1Text(node.content) };
    case 7: {
      const n = node.content.length;
      if (!constraint && n !== 4 && n !== 16) {
        w?.add('IP_ADDRESS_LENGTH', field, node, `iPAddress of ${n} octets: an address is 4 (IPv4) or 16 (IPv6) octets${n === 8 || n === 32 ? ' (8 and 32 are address-and-mask forms, defined only inside name constraints)' : ''}; shown as hex`);
        return { type: 'ip', value: `#${toHex(node.content)}` };
      }
      if (constraint && n !== 8 && n !== 32) w?.add('IP_ADDRESS_LENGTH', field, node, `name-constraint iPAddress of ${n} octets: a constraint is an address and a mask, 8 (IPv4) or 32 (IPv6) octets`);
      return { type: 'ip', value: ipText(node.content) };
    }
    case 8: {
      // [8] IMPLICIT OBJECT IDENTIFIER: decode the content as an OID.
      return { type: 'registeredId', value: oidFromContent(node) };
    }
    default:
      return fail(`unknown GeneralName tag [${node.tag}]`, node);
  }
}

function oidFromContent(node: Asn1): string {
  return oidText(node.content, node);
}

/**
 * GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName. With a warning sink each name is read
 * on its own: one that does not parse is warned about (as malformed) and the others are kept;
 * bytes that are not a complete element end the list with a warning.
 */
export function parseGeneralNames(node: Asn1, w?: Warnings, field = 'names'): GeneralNameModel[] {
  if (!node.constructed) fail('GeneralNames is not a SEQUENCE', node);
  if (!w) return node.children().map((n) => parseGeneralName(n));
  const out: GeneralNameModel[] = [];
  let p = node.contentStart;
  let i = 0;
  while (p < node.contentEnd) {
    let el: Asn1;
    try {
      el = readAsn1(node.buf, p, node.contentEnd);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      w.add('EXTENSION_MALFORMED', `${field}[${i}]`, p, `${node.contentEnd - p} bytes at the end of the list are not a complete name (${msg}); ignored`, { malformed: true, error: msg });
      break;
    }
    try {
      out.push(parseGeneralName(el, w, `${field}[${i}]`));
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      w.add('EXTENSION_MALFORMED', `${field}[${i}]`, el, `name ${i + 1} does not parse (${msg}); left out`, { malformed: true, error: msg });
    }
    p = el.end;
    i++;
  }
  return out;
}
