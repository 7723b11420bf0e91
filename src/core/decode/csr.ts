/** PKCS#10 certification request (RFC 2986 §4) → CsrModel, with a WebCrypto check of the self-signature. */
import { sha256Digest } from '../crypto/digest';
import { type Asn1, TagClass } from '../input/der';
import { createVerifier } from '../chain/signature';
import type { CsrModel, ExtensionModel, InputLocation, OidName } from '../model';
import { parseAlgorithm } from './algorithm';
import { extensionWarnings } from './certificate';
import { decodeExtensions } from './extensions/index';
import { parseName } from './name';
import { OID } from './oids';
import { publicKeyFromNode } from './public-key';
import { ownBytes, readSignedTop } from './structure';
import { asString, expectUniversal, fail, guard, named, oidOf, smallInt, toHex, UT } from './util';
import { Warnings } from './warnings';
import { csrChecks } from './csr-checks';

const verifier = createVerifier();
const MAX_TOLERATED_VERSION = 2;

function stringOrNull(node: Asn1): string | null {
  try {
    return asString(node);
  } catch {
    return null;
  }
}

export async function decodeCsr(der: Uint8Array, location: InputLocation): Promise<CsrModel> {
  return guard('certificate request', location, async () => {
    const w = new Warnings();
    const { tbs, algorithm, signature, end } = readSignedTop(der, 'certificate request', w);
    const [versionNode, subjectNode, spkiNode, attrsNode, extra] = tbs.children();
    if (!versionNode || !subjectNode || !spkiNode) fail('CertificationRequestInfo needs a version, a subject and a public key', tbs);
    if (extra) fail('unexpected element after the attributes', extra);
    const v = smallInt(versionNode);
    const warnings: string[] = [];
    // PKCS#10 defines only version 1 (0); OpenSSL and others still read other values, so show them.
    if (v > MAX_TOLERATED_VERSION) w.add('UNDEFINED_VERSION', 'certificationRequestInfo.version', versionNode, `version ${v + 1} (encoded ${v}) is not defined: PKCS#10 has only version 1 (0); the request is read as version 1`);
    else if (v !== 0) warnings.push(`version ${v + 1} (encoded ${v}) is not defined for PKCS#10, which has only version 1 (0)`);
    let challengePassword: string | null = null;
    const requestedExtensions: ExtensionModel[] = [];
    const attributes: (OidName & { valuesHex: string[] })[] = [];
    if (attrsNode) {
      if (attrsNode.tagClass !== TagClass.Context || attrsNode.tag !== 0 || !attrsNode.constructed) fail('attributes are not a [0] SET', attrsNode);
      for (const a of attrsNode.children()) {
        if (!a.isSequence) fail('Attribute is not a SEQUENCE', a);
        const [t, vals] = a.children();
        if (!t || !vals || !vals.constructed) fail('Attribute needs a type and a SET of values', a);
        const oid = oidOf(t);
        const values: Asn1[] = vals.children();
        const text = oid === OID.challengePassword && values[0] ? stringOrNull(values[0]) : null;
        if (text !== null) challengePassword = text;
        else if ((oid === OID.extensionRequest || oid === OID.msExtensionRequest) && values[0]) requestedExtensions.push(...decodeExtensions(values[0], w, 'requestedExtensions'));
        else attributes.push({ ...named(oid), valuesHex: values.map((x) => toHex(x.bytes)) });
      }
    }
    expectUniversal(signature, UT.BIT_STRING, 'a BIT STRING signature');
    const owned = ownBytes(end === der.length ? der : der.subarray(0, end));
    const publicKey = await publicKeyFromNode(spkiNode);
    const sha256 = sha256Digest(owned);
    const check = await verifier.verify(owned, publicKey);
    warnings.push(...extensionWarnings(requestedExtensions));
    const model = {
      kind: 'csr' as const,
      der: owned,
      sha256Hex: toHex(new Uint8Array(sha256)),
      version: v + 1,
      subject: parseName(subjectNode, w, 'certificationRequestInfo.subject'),
      publicKey,
      signatureAlgorithm: parseAlgorithm(algorithm, w, 'signatureAlgorithm'),
      signatureValueHex: toHex(signature.bits()),
      signatureValid: check.status === 'valid' ? true : check.status === 'invalid' ? false : null,
      challengePassword,
      requestedExtensions,
      attributes,
      warnings,
      decodeWarnings: w.list,
      location,
    };
    return { ...model, checks: csrChecks(model) };
  });
}
