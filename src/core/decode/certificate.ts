/** X.509 certificate (RFC 5280 §4.1) → CertificateModel. */
import { sha1Digest, sha256Digest } from '../crypto/digest';
import { TagClass } from '../input/der';
import type { CertificateModel, ExtensionModel, InputLocation } from '../model';
import { parseAlgorithm } from './algorithm';
import { decodeExtensions } from './extensions/index';
import { parseName } from './name';
import { publicKeyLenient } from './public-key';
import { readSignedTop, ownBytes } from './structure';
import { checkMinimalInteger, expectUniversal, fail, guard, integerParts, parseTime, toHex, UT } from './util';
import { Warnings } from './warnings';

const MAX_SERIAL_OCTETS = 20;
const GENERALIZED_TIME_FROM = '2050-01-01T00:00:00Z';

export function extensionWarnings(extensions: readonly ExtensionModel[]): string[] {
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const e of extensions) {
    if (seen.has(e.oid)) warnings.push(`extension ${e.name ?? e.oid} appears more than once`);
    seen.add(e.oid);
    if (e.decodeError) warnings.push(`extension ${e.name ?? e.oid} does not decode: ${e.decodeError}`);
    if ((e.kind === 'subjectAltName' || e.kind === 'issuerAltName') && e.names.length === 0) warnings.push(`${e.kind} is empty (RFC 5280 requires at least one name)`);
    if (e.kind === 'extKeyUsage' && e.purposes.length === 0) warnings.push('extKeyUsage is empty (RFC 5280 requires at least one purpose)');
    if (e.kind === 'unknown' && e.critical && !e.decodeError) warnings.push(`unsupported critical extension ${e.oid}`);
  }
  return warnings;
}

export async function decodeCertificate(der: Uint8Array, location: InputLocation): Promise<CertificateModel> {
  return guard('certificate', location, async () => {
    const w = new Warnings();
    const { tbs, algorithm, signature, end } = readSignedTop(der, 'certificate', w);
    const fields = tbs.children();
    let i = 0;
    let version = 1;
    const first = fields[0];
    if (first && first.tagClass === TagClass.Context && first.tag === 0) {
      const v = first.children()[0];
      if (!v) fail('empty version field', first);
      const parts = integerParts(v);
      const n = Number(parts.decimal);
      if (parts.negative || n > 2) {
        // openssl prints "Version: Unknown (7)" and goes on: so do we, with the number as encoded.
        if (!Number.isSafeInteger(n)) fail(`version ${parts.decimal} is out of range`, v);
        w.add('UNDEFINED_VERSION', 'tbsCertificate.version', v, `version ${n + 1} (encoded ${parts.decimal}) is not defined: X.509 has v1, v2 and v3 (encoded 0–2); the rest of the certificate is read as v3`);
      } else if (n === 0) w.add('DEFAULT_VERSION_ENCODED', 'tbsCertificate.version', v, 'version 1 is encoded explicitly although it is the DEFAULT (DER leaves it out)');
      checkMinimalInteger(v, 'tbsCertificate.version', w);
      version = n + 1;
      i++;
    }
    const take = (what: string) => {
      const f = fields[i++];
      if (!f) fail(`TBSCertificate ends before the ${what}`, tbs);
      return f;
    };
    const serialNode = take('serial number');
    const serial = integerParts(serialNode);
    checkMinimalInteger(serialNode, 'tbsCertificate.serialNumber', w);
    const tbsSig = take('signature algorithm');
    const issuerNode = take('issuer');
    const validity = take('validity');
    const subjectNode = take('subject');
    const spkiNode = take('subject public key info');
    if (!validity.isSequence || validity.children().length !== 2) fail('Validity must be a SEQUENCE of two times', validity);
    const notBefore = parseTime(validity.child(0), 'notBefore', w, 'tbsCertificate.validity.notBefore', 'start');
    const notAfter = parseTime(validity.child(1), 'notAfter', w, 'tbsCertificate.validity.notAfter', 'end');
    const timeWarnings: string[] = [];
    for (const [node, iso, what] of [[validity.child(0), notBefore, 'notBefore'], [validity.child(1), notAfter, 'notAfter']] as const) {
      // RFC 5280 §4.1.2.5: dates through 2049 MUST be UTCTime.
      if (node.tag === UT.GeneralizedTime && iso < GENERALIZED_TIME_FROM) timeWarnings.push(`${what} uses GeneralizedTime for a date before 2050 (RFC 5280 requires UTCTime)`);
    }
    let issuerUniqueIdHex: string | null = null;
    let subjectUniqueIdHex: string | null = null;
    let extensions: ExtensionModel[] = [];
    let hasExtensions = false;
    for (; i < fields.length; i++) {
      const f = fields[i];
      if (!f) break;
      if (f.tagClass !== TagClass.Context) fail('unexpected element after the public key in TBSCertificate', f);
      if (f.tag === 1) issuerUniqueIdHex = toHex(f.content.subarray(1));
      else if (f.tag === 2) subjectUniqueIdHex = toHex(f.content.subarray(1));
      else if (f.tag === 3) {
        const seq = f.children()[0];
        if (!seq) fail('empty extensions field', f);
        extensions = decodeExtensions(seq, w, 'extensions');
        hasExtensions = true;
      } else fail(`unexpected [${f.tag}] in TBSCertificate`, f);
    }
    const signatureAlgorithm = parseAlgorithm(algorithm, w, 'signatureAlgorithm');
    const innerAlgorithm = parseAlgorithm(tbsSig, w, 'tbsCertificate.signature');
    expectUniversal(signature, UT.BIT_STRING, 'a BIT STRING signature');
    const issuer = parseName(issuerNode, w, 'tbsCertificate.issuer');
    const subject = parseName(subjectNode, w, 'tbsCertificate.subject');

    const warnings: string[] = [...timeWarnings];
    if (serial.negative) warnings.push('negative serial number');
    if (serial.hex === '00') warnings.push('serial number is zero');
    if (serialNode.length > MAX_SERIAL_OCTETS) warnings.push(`serial number is ${serialNode.length} octets (RFC 5280 allows at most 20)`);
    if (hasExtensions && version !== 3) warnings.push(`version ${version} certificate carries extensions`);
    if ((issuerUniqueIdHex !== null || subjectUniqueIdHex !== null) && version === 1) warnings.push('version 1 certificate carries unique identifiers');
    if (innerAlgorithm.oid !== signatureAlgorithm.oid || innerAlgorithm.parametersHex !== signatureAlgorithm.parametersHex)
      warnings.push(`the signature algorithm inside TBSCertificate (${innerAlgorithm.name ?? innerAlgorithm.oid}) differs from the outer one (${signatureAlgorithm.name ?? signatureAlgorithm.oid})`);
    warnings.push(...extensionWarnings(extensions));

    const owned = ownBytes(end === der.length ? der : der.subarray(0, end));
    const { key: publicKey, problem: keyProblem } = await publicKeyLenient(spkiNode);
    const sha256 = sha256Digest(owned);
    const sha1 = sha1Digest(owned);
    if (keyProblem) warnings.push(keyProblem);
    return {
      kind: 'certificate',
      der: owned,
      sha256Hex: toHex(sha256),
      sha1Hex: toHex(sha1),
      version,
      serialNumberHex: serial.hex,
      serialNumberDecimal: serial.decimal,
      serialNegative: serial.negative,
      signatureAlgorithm,
      issuer,
      subject,
      notBefore,
      notAfter,
      publicKey,
      signatureValueHex: toHex(signature.bits()),
      issuerUniqueIdHex,
      subjectUniqueIdHex,
      extensions,
      warnings,
      decodeWarnings: w.list,
      location,
    };
  });
}
