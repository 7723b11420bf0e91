/** Extension decoding checked on the pyca corpus files named for each case. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CertificateModel, type CrlModel, type CsrModel, type ExtensionModel } from '../model';
import { blocksOf, CORPUS, CORPUS_PRESENT, SKIP_NOTE } from './testing/corpus';
import { decodeCertificate, decodeCrl, decodeCsr } from './index';


async function load(file: string): Promise<CertificateModel | CsrModel | CrlModel> {
  const [b] = blocksOf(join(CORPUS, file));
  if (!b) throw new Error(`no block in ${file}`);
  return b.kind === 'certificate' ? decodeCertificate(b.der, b.location) : b.kind === 'csr' ? decodeCsr(b.der, b.location) : decodeCrl(b.der, b.location);
}
const extensionsOf = (m: CertificateModel | CsrModel | CrlModel): readonly ExtensionModel[] => (m.kind === 'csr' ? m.requestedExtensions : m.extensions);

describe.skipIf(!CORPUS_PRESENT)(CORPUS_PRESENT ? 'extensions on named corpus files' : `extensions on named corpus files: ${SKIP_NOTE}`, () => {
  const rows: [string, Record<string, unknown>, string][] = [
    ['custom/san_email_dns_ip_dirname_uri.pem', { kind: 'subjectAltName', names: [{ type: 'email', value: 'user@cryptography.io' }, { type: 'dns', value: 'cryptography.io' }, { type: 'ip', value: '127.0.0.1' }, { type: 'ip', value: 'ff::' }, { type: 'dirName', value: 'O=Cryptographic Authority,CN=dirCN' }, { type: 'uri', value: 'https://cryptography.io' }] }, 'SAN of every common type'],
    ['custom/san_idna_names.pem', { kind: 'subjectAltName', names: [{ type: 'email', unicode: 'email@пыка.cryptography' }, { type: 'dns', value: 'xn--80ato2c.cryptography', unicode: 'пыка.cryptography' }, { type: 'uri' }] }, 'IDN A-labels with Unicode'],
    ['custom/san_wildcard_idna.pem', { kind: 'subjectAltName', names: [{ type: 'dns', unicode: '*.пыка.cryptography' }] }, 'wildcard IDN'],
    ['custom/san_other_name.pem', { kind: 'subjectAltName', names: [{ type: 'otherName', typeOid: '1.2.3.4', value: 'Hello World' }] }, 'otherName'],
    ['custom/san_registered_id.pem', { kind: 'subjectAltName', names: [{ type: 'registeredId', value: '1.2.3.4' }] }, 'registeredID'],
    ['custom/san_dirname.pem', { kind: 'subjectAltName', names: [{ type: 'dirName', value: 'ST=Texas,O=Org,CN=test' }] }, 'dirName'],
    ['san_x400address.der', { kind: 'subjectAltName', names: [{ type: 'x400Address', derHex: 'a303130161' }] }, 'x400Address'],
    ['san_edipartyname.der', { kind: 'subjectAltName', names: [{ type: 'ediPartyName', value: 'partyName=ediParty' }] }, 'ediPartyName'],
    ['modern/requests/freeipa-bad-critical.pem', { kind: 'subjectAltName', names: [{ type: 'dns' }, { type: 'upn', value: 'ldap/replica1.ipa.test@IPA.TEST' }, { type: 'otherName', typeOid: '1.3.6.1.5.2.2' }] }, 'UPN and Kerberos otherNames in a CSR'],
    ['modern/requests/freeipa-bad-critical.pem', { kind: 'msCertificateTemplateName', templateName: 'caIPAserviceCert' }, 'MS template name'],
    ['custom/ian_uri.pem', { kind: 'issuerAltName', names: [{ type: 'uri', value: 'http://path.to.root/root.crt' }] }, 'IAN'],
    ['custom/all_key_usages.pem', { kind: 'keyUsage', usages: ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'] }, 'every key usage bit'],
    ['custom/extended_key_usage.pem', { kind: 'extKeyUsage', purposes: expect.arrayContaining([expect.objectContaining({ name: 'serverAuth' }), expect.objectContaining({ name: 'clientAuth' }), expect.objectContaining({ name: 'codeSigning' }), expect.objectContaining({ name: 'emailProtection' }), expect.objectContaining({ name: 'OCSPSigning' }), expect.objectContaining({ name: 'timeStamping' })]) }, 'EKU names'],
    ['modern/custom/empty-eku.pem', { kind: 'extKeyUsage', purposes: [] }, 'empty EKU kept (with a warning)'],
    ['custom/bc_path_length_zero.pem', { kind: 'basicConstraints', critical: true, ca: true, pathLength: 0 }, 'pathLen 0'],
    ['custom/authority_key_identifier.pem', { kind: 'authorityKeyIdentifier', keyIdentifierHex: '39453eca3d621dea8649f65aab40b7a47098f1ec', authorityCertIssuer: [{ type: 'dirName', value: 'CN=cryptography.io,O=PyCA' }], authorityCertSerialNumberHex: '03' }, 'AKI with issuer and serial'],
    ['custom/authority_key_identifier_no_keyid.pem', { kind: 'authorityKeyIdentifier', keyIdentifierHex: null }, 'AKI without key id'],
    ['custom/aia_ocsp_ca_issuers.pem', { kind: 'authorityInfoAccess', descriptions: [{ method: { name: 'OCSP' }, location: { value: 'http://ocsp.domain.com' } }, { method: { name: 'OCSP' } }, { method: { name: 'caIssuers' } }] }, 'AIA'],
    ['department-of-state-root.pem', { kind: 'subjectInfoAccess', descriptions: [{ method: { name: 'caRepository' } }, { method: { name: 'caRepository' } }] }, 'SIA'],
    ['custom/cdp_fullname_reasons_crl_issuer.pem', { kind: 'crlDistributionPoints', points: [{ fullName: [{ value: 'http://myhost.com/myca.crl' }], reasons: ['keyCompromise', 'cACompromise'], crlIssuer: [{ type: 'dirName', value: 'CN=cryptography CA,O=PyCA,C=US' }] }] }, 'CDP with reasons and CRL issuer'],
    ['custom/cp_user_notice_with_notice_reference.pem', { kind: 'certificatePolicies', policies: [{ oid: '2.16.840.1.12345.1.2.3.4.1', qualifiers: [{ cpsUri: 'http://example.com/cps' }, { cpsUri: 'http://other.com/cps' }, { userNotice: { organization: 'my org', noticeNumbers: [1, 2, 3, 4], explicitText: 'thing' } }] }] }, 'policies with CPS and user notice'],
    ['custom/nc_permitted_excluded.pem', { kind: 'nameConstraints', permitted: [{ base: { type: 'ip', value: '192.168.0.0/24' } }, { base: { type: 'ip', value: 'ff::/96' } }], excluded: [{ base: { type: 'dns', value: '.domain.com' } }, { base: { type: 'uri', value: 'http://test.local' } }] }, 'name constraints with IP ranges'],
    ['custom/pc_inhibit_require.pem', { kind: 'policyConstraints', requireExplicitPolicy: 1, inhibitPolicyMapping: 1 }, 'policy constraints'],
    ['department-of-state-root.pem', { kind: 'policyMappings', mappings: expect.arrayContaining([{ issuerDomainPolicy: { oid: '2.16.840.1.101.3.2.1.3.1', name: null }, subjectDomainPolicy: { oid: '2.16.840.1.101.3.2.1.6.1', name: null } }]) }, 'policy mappings'],
    ['custom/inhibit_any_policy_5.pem', { kind: 'inhibitAnyPolicy', skipCerts: 5, critical: true }, 'inhibitAnyPolicy'],
    ['custom/inhibit_any_policy_negative.pem', { kind: 'unknown', name: 'inhibitAnyPolicy', decodeError: expect.stringMatching(/negative/) }, 'negative skipCerts is a decode error'],
    ['custom/cp_invalid.pem', { kind: 'unknown', name: 'certificatePolicies', decodeError: expect.stringMatching(/UserNotice/) }, 'bad policy kept as unknown'],
    ['modern/custom/malformed-san.pem', { kind: 'subjectAltName', names: [], decodeError: expect.stringMatching(/otherName/), decodeWarnings: [expect.objectContaining({ code: 'EXTENSION_MALFORMED' })] }, 'malformed SAN: present, malformed, its broken name left out'],
    ['custom/cdp_empty_hostname.pem', { kind: 'netscapeCertType', types: ['sslServer'] }, 'Netscape cert type'],
    ['custom/cdp_empty_hostname.pem', { kind: 'netscapeComment', comment: 'OpenSSL Generated Server Certificate' }, 'Netscape comment'],
    ['custom/unsupported_extension_critical.pem', { kind: 'unknown', oid: '1.2.3.4', critical: true, name: null }, 'unknown critical extension'],
    ['custom/crl_ian_aia_aki.pem', { kind: 'crlNumber', number: '1' }, 'CRL number'],
    ['custom/crl_ian_aia_aki.pem', { kind: 'authorityKeyIdentifier', keyIdentifierHex: '7975bb843acb2cde7a09be311b43bc1c2a4d5358' }, 'CRL AKI'],
  ];
  it.each(rows.map(([f, e, w]) => [w, f, e] as const))('%s (%s)', async (why, file, expected) => {
    const exts = extensionsOf(await load(file));
    const kind = expected['kind'];
    const name = expected['name'];
    const candidates = exts.filter((e) => e.kind === kind && (name === undefined || e.name === name));
    expect(candidates.length, why).toBeGreaterThan(0);
    expect(candidates[0]).toMatchObject(expected);
  });

  it('CRL entries carry reason names and invalidity dates', async () => {
    const crl = await load('custom/crl_all_reasons.pem');
    if (crl.kind !== 'crl') throw new Error('not a CRL');
    expect(crl.entries.map((e) => e.reason)).toEqual([null, 'unspecified', 'keyCompromise', 'cACompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation', 'certificateHold', 'removeFromCRL', 'privilegeWithdrawn', 'aACompromise', 'keyCompromise']);
    expect(crl.entries[1]?.invalidityDate).toBe('2015-01-01T00:00:00Z');
  });

  const certRows: [string, Partial<Record<keyof CertificateModel, unknown>>, string][] = [
    ['modern/custom/negative_serial.pem', { serialNegative: true, serialNumberHex: 'fbce996c13', warnings: expect.arrayContaining(['negative serial number']) }, 'negative serial'],
    ['custom/ec_no_named_curve.pem', { publicKey: expect.objectContaining({ algorithm: 'EC', curve: 'explicit parameters', ec: expect.objectContaining({ explicitParameters: true }) }) }, 'explicit EC parameters flagged'],
    ['custom/dsa_selfsigned_ca.pem', { publicKey: expect.objectContaining({ algorithm: 'DSA', bits: 2048 }) }, 'DSA key size'],
    ['ecdsa_root.pem', { publicKey: expect.objectContaining({ algorithm: 'EC', curve: 'P-384', bits: 384 }), notAfter: '2038-01-15T12:00:00Z' }, 'P-384 root, post-2038 date'],
    ['v1_cert.pem', { version: 1, extensions: [] }, 'version 1'],
    ['custom/post2000utctime.pem', { notBefore: '2014-11-26T21:41:20Z' }, 'UTCTime after 2000'],
    ['modern/custom/empty-eku.pem', { notBefore: '1970-01-01T00:00:01Z', notAfter: '2969-05-03T00:00:01Z' }, 'GeneralizedTime far future'],
    ['custom/utf8_common_name.pem', { subject: expect.objectContaining({ rdns: expect.arrayContaining([[expect.objectContaining({ shortName: 'CN', stringType: 'UTF8String' })]]) }) }, 'UTF8String CN'],
    ['custom/two_basic_constraints.pem', { warnings: expect.arrayContaining(['extension basicConstraints appears more than once']) }, 'duplicate extension warned'],
    ['custom/unsupported_subject_public_key_info.pem', { publicKey: expect.objectContaining({ algorithm: 'other', bits: null }) }, 'unknown key algorithm'],
    ['verisign_md2_root.pem', { signatureAlgorithm: expect.objectContaining({ name: 'md2WithRSAEncryption', parametersHex: '0500' }) }, 'MD2 signature named'],
  ];
  it.each(certRows.map(([f, e, w]) => [w, f, e] as const))('%s (%s)', async (_why, file, expected) => {
    const m = await load(file);
    expect(m).toMatchObject(expected);
  });

  const csrRows: [string, boolean | null, string][] = [
    ['requests/rsa_sha256.pem', true, 'RSA PKCS#1 v1.5 SHA-256'],
    ['requests/ec_sha256.pem', true, 'ECDSA P-384'],
    ['requests/invalid_signature.pem', false, 'tampered CSR'],
    ['requests/rsa_md4.pem', null, 'MD4 cannot be checked'],
    ['requests/dsa_sha1.pem', null, 'DSA cannot be checked with WebCrypto'],
  ];
  it.each(csrRows)('CSR %s signatureValid=%s (%s)', async (file, valid) => {
    const m = await load(file);
    expect(m.kind === 'csr' && m.signatureValid).toBe(valid);
  });

  it('challenge password is read', async () => {
    const m = await load('modern/requests/challenge.pem');
    expect(m.kind === 'csr' && m.challengePassword).toBeTypeOf('string');
  });

  // openssl displays both; so do we, each with a decode warning.
  const lenientRows: [string, Record<string, unknown>, string][] = [
    ['custom/invalid_version.pem', { version: 8, decodeWarnings: [expect.objectContaining({ code: 'UNDEFINED_VERSION', offset: 10 })] }, 'certificate version 8'],
    ['modern/badasn1time.pem', { notAfter: '1902-07-01T02:57:36Z', decodeWarnings: [expect.objectContaining({ code: 'TIME_FORMAT', field: 'tbsCertificate.validity.notAfter' })] }, 'GeneralizedTime text in a UTCTime'],
  ];
  it.each(lenientRows)('%s is shown with a decode warning (%s)', async (file, expected) => {
    expect(await load(file)).toMatchObject(expected);
  });
});
