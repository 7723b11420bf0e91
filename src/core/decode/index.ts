/**
 * The decode half of the engine: DER certificates, CSRs, CRLs and SubjectPublicKeyInfos → the
 * plain models of `../model`. Every failure is a CoreFailure (MALFORMED with what and where).
 */
import { CoreFailure, type PublicKeyModel } from '../model';
import { publicKeyFromNode } from './public-key';
import { parseDer } from '../input/der';
import { guard } from './util';

export { decodeCertificate } from './certificate';
export { decodeCsr } from './csr';
export { decodeCrl } from './crl';
export { OID, ATTRIBUTE_SHORT_NAMES, CA_EV_POLICIES, EV_POLICY_OIDS, oidName } from './oids';
export { formatName, escapeRfc4514Value, parseName } from './name';
export { ipText, ipv6Text, parseGeneralName } from './general-name';
export { domainToUnicode, punycodeDecode } from './punycode';
export { parseUtcTime, parseGeneralizedTime } from './util';
export { EXTENSION_DECODERS, decodeExtensionValue } from './extensions/index';
export { parseSctList } from './extensions/sct-list';

/** SubjectPublicKeyInfo DER → PublicKeyModel. Failures carry no location: the caller knows where the key was. */
export async function decodePublicKey(spkiDer: Uint8Array): Promise<PublicKeyModel> {
  return guard('public key', undefined, async () => {
    if (spkiDer.length === 0) throw new CoreFailure('MALFORMED', 'public key: the input is empty');
    return publicKeyFromNode(parseDer(spkiDer));
  });
}
