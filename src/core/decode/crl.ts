/** X.509 CRL (RFC 5280 §5.1) → CrlModel, entries with their reason and invalidity date. */
import { sha256Digest } from '../crypto/digest';
import { type Asn1, TagClass } from '../input/der';
import type { CrlEntryModel, CrlModel, ExtensionModel, InputLocation } from '../model';
import { parseAlgorithm } from './algorithm';
import { extensionWarnings } from './certificate';

const MAX_TOLERATED_VERSION = 2;
import { decodeExtensions } from './extensions/index';
import { parseName } from './name';
import { ownBytes, readSignedTop } from './structure';
import { checkMinimalInteger, expectUniversal, fail, guard, integerParts, parseTime, smallInt, toHex, UT } from './util';
import { Warnings } from './warnings';

const isTime = (n: Asn1 | undefined): n is Asn1 => !!n && n.tagClass === TagClass.Universal && (n.tag === UT.UTCTime || n.tag === UT.GeneralizedTime);

function entry(node: Asn1, w: Warnings, field: string): CrlEntryModel {
  if (!node.isSequence) fail('revoked certificate entry is not a SEQUENCE', node);
  const [serialNode, dateNode, extsNode] = node.children();
  if (!serialNode || !dateNode) fail('revoked certificate entry needs a serial and a date', node);
  const extensions: ExtensionModel[] = extsNode ? decodeExtensions(extsNode, w, `${field}.crlEntryExtensions`) : [];
  checkMinimalInteger(serialNode, `${field}.userCertificate`, w);
  let reason: string | null = null;
  let invalidityDate: string | null = null;
  for (const e of extensions) {
    if (e.kind === 'crlReason') reason = e.reason;
    else if (e.kind === 'invalidityDate') invalidityDate = e.date;
  }
  return { serialNumberHex: integerParts(serialNode).hex, revocationDate: parseTime(dateNode, 'revocationDate', w, `${field}.revocationDate`), reason, invalidityDate, extensions };
}

export async function decodeCrl(der: Uint8Array, location: InputLocation): Promise<CrlModel> {
  return guard('CRL', location, async () => {
    const w = new Warnings();
    const { tbs, algorithm, signature, end } = readSignedTop(der, 'CRL', w);
    const fields = tbs.children();
    let i = 0;
    let version = 1;
    const warnings: string[] = [];
    const f0 = fields[0];
    if (f0 && f0.isUniversal(UT.INTEGER)) {
      const n = smallInt(f0);
      if (n > MAX_TOLERATED_VERSION) w.add('UNDEFINED_VERSION', 'tbsCertList.version', f0, `version ${n + 1} (encoded ${n}) is not defined: CRLs have v1 and v2 (encoded 0–1); read as v2`);
      else if (n > 1) warnings.push(`version ${n + 1} (encoded ${n}) is not defined for CRLs (RFC 5280 §5.1.2.1 has v1 and v2)`);
      version = n + 1;
      i++;
    }
    const next = (what: string): Asn1 => {
      const f = fields[i++];
      if (!f) fail(`TBSCertList ends before the ${what}`, tbs);
      return f;
    };
    next('signature algorithm');
    const issuer = parseName(next('issuer'), w, 'tbsCertList.issuer');
    const thisUpdate = parseTime(next('thisUpdate'), 'thisUpdate', w, 'tbsCertList.thisUpdate');
    let nextUpdate: string | null = null;
    if (isTime(fields[i])) nextUpdate = parseTime(next('nextUpdate'), 'nextUpdate', w, 'tbsCertList.nextUpdate');
    let entries: CrlEntryModel[] = [];
    let extensions: ExtensionModel[] = [];
    for (; i < fields.length; i++) {
      const f = fields[i];
      if (!f) break;
      if (f.isSequence) entries = f.children().map((e, k) => entry(e, w, `revokedCertificates[${k}]`));
      else if (f.tagClass === TagClass.Context && f.tag === 0) {
        const seq = f.children()[0];
        if (!seq) fail('empty crlExtensions field', f);
        extensions = decodeExtensions(seq, w, 'crlExtensions');
      } else fail('unexpected element in TBSCertList', f);
    }
    expectUniversal(signature, UT.BIT_STRING, 'a BIT STRING signature');
    warnings.push(...extensionWarnings(extensions));
    entries.forEach((e, k) => {
      for (const w of extensionWarnings(e.extensions)) warnings.push(`entry ${k + 1} (serial ${e.serialNumberHex}): ${w}`);
    });
    const owned = ownBytes(end === der.length ? der : der.subarray(0, end));
    const sha256 = sha256Digest(owned);
    return {
      kind: 'crl',
      der: owned,
      sha256Hex: toHex(sha256),
      version,
      issuer,
      thisUpdate,
      nextUpdate,
      signatureAlgorithm: parseAlgorithm(algorithm, w, 'signatureAlgorithm'),
      signatureValueHex: toHex(signature.bits()),
      entries,
      extensions,
      warnings,
      decodeWarnings: w.list,
      location,
    };
  });
}
