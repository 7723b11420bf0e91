/**
 * Test-only: a tiny private PKI built in memory with WebCrypto (ECDSA P-256), producing real
 * signatures over minimal TBS structures and the matching plain CertificateModel. Lets the chain
 * and purpose tests run without files, and chains are generated per test so they never expire.
 */
import type { CertificateModel, ExtensionModel, GeneralNameModel, GeneralSubtreeModel, KeyUsageName } from '../model';
import { encBitString, encCtx, encInt, encOid, encSeq, encSet, encTlv, encUint } from '../input/der';
import { own, toHex, sha256Hex } from '../input/bytes';

const subtle = globalThis.crypto.subtle;
const ECDSA_SHA256 = '1.2.840.10045.4.3.2';

export interface TestCert {
  readonly model: CertificateModel;
  readonly keys: CryptoKeyPair;
}

export interface TestCertSpec {
  readonly cn: string;
  /** Issuer; absent for a self-signed certificate. */
  readonly issuer?: TestCert;
  /** Sign with this key instead of the issuer's (a forged or re-keyed issuer). */
  readonly signWith?: CryptoKeyPair;
  /** Use this key pair as the subject key (cross-signing: same key, another issuer). */
  readonly keys?: CryptoKeyPair;
  readonly ca?: boolean;
  readonly pathLength?: number | null;
  readonly eku?: readonly string[] | null;
  readonly ku?: readonly KeyUsageName[] | null;
  readonly sans?: readonly GeneralNameModel[];
  readonly notBefore?: string;
  readonly notAfter?: string;
  readonly permitted?: readonly GeneralSubtreeModel[];
  readonly excluded?: readonly GeneralSubtreeModel[];
  readonly sct?: boolean;
  readonly signatureOid?: string;
  readonly rsaBits?: number;
  readonly netscape?: readonly string[];
  readonly serial?: number;
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function p1363ToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  return encSeq(encUint(raw.slice(0, half)), encUint(raw.slice(half)));
}

let serialCounter = 1;

function ext(kind: ExtensionModel['kind'], oid: string, critical: boolean, body: object): ExtensionModel {
  return { oid, name: kind, critical, valueHex: '', kind, ...body } as ExtensionModel;
}

export async function makeCert(spec: TestCertSpec): Promise<TestCert> {
  const keys = spec.keys ?? ((await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair);
  const spki = new Uint8Array(await subtle.exportKey('spki', keys.publicKey));
  const spkiSha = await sha256Hex(spki);
  const nameDer = (cn: string): Uint8Array => encSeq(encSet(encSeq(encOid('2.5.4.3'), encTlv(0x0c, utf8(cn)))));
  const issuerCn = spec.issuer ? (spec.issuer.model.subject.rdns[0]?.[0]?.value ?? '') : spec.cn;
  const serial = spec.serial ?? serialCounter++;
  const alg = encSeq(encOid(ECDSA_SHA256));
  const tbs = encSeq(encCtx(0, encInt(2)), encInt(serial), alg, nameDer(issuerCn), encSeq(), nameDer(spec.cn), spki);
  const signer = spec.signWith ?? spec.issuer?.keys ?? keys;
  const raw = new Uint8Array(await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, signer.privateKey, own(tbs)));
  const der = encSeq(tbs, alg, encBitString(p1363ToDer(raw)));
  const name = (cn: string, d: Uint8Array): CertificateModel['subject'] => ({ rdns: [[{ shortName: 'CN', oid: '2.5.4.3', value: cn, stringType: 'UTF8String' }]], rfc4514: `CN=${cn}`, derHex: toHex(d) });
  const extensions: ExtensionModel[] = [];
  if (spec.ca !== undefined) extensions.push(ext('basicConstraints', '2.5.29.19', true, { ca: spec.ca, pathLength: spec.pathLength ?? null }));
  const ku = spec.ku === undefined ? (spec.ca ? ['keyCertSign', 'cRLSign'] : ['digitalSignature']) : spec.ku;
  if (ku) extensions.push(ext('keyUsage', '2.5.29.15', true, { usages: ku }));
  if (spec.eku) extensions.push(ext('extKeyUsage', '2.5.29.37', false, { purposes: spec.eku.map((oid) => ({ oid, name: null })) }));
  if (spec.sans && spec.sans.length > 0) extensions.push(ext('subjectAltName', '2.5.29.17', false, { names: spec.sans }));
  extensions.push(ext('subjectKeyIdentifier', '2.5.29.14', false, { keyIdentifierHex: spkiSha.slice(0, 40) }));
  if (spec.issuer) {
    const issuerSki = spec.issuer.model.extensions.find((e) => e.kind === 'subjectKeyIdentifier');
    const akiHex = issuerSki && issuerSki.kind === 'subjectKeyIdentifier' ? issuerSki.keyIdentifierHex : null;
    extensions.push(ext('authorityKeyIdentifier', '2.5.29.35', false, { keyIdentifierHex: akiHex, authorityCertIssuer: null, authorityCertSerialNumberHex: null }));
  }
  if (spec.permitted || spec.excluded) extensions.push(ext('nameConstraints', '2.5.29.30', true, { permitted: spec.permitted ?? [], excluded: spec.excluded ?? [] }));
  if (spec.sct) extensions.push(ext('signedCertificateTimestampList', '1.3.6.1.4.1.11129.2.4.2', false, { timestamps: [] }));
  if (spec.netscape) extensions.push(ext('netscapeCertType', '2.16.840.1.113730.1.1', false, { types: spec.netscape }));
  const sha = await sha256Hex(der);
  const model: CertificateModel = {
    kind: 'certificate',
    der,
    sha256Hex: sha,
    sha1Hex: '',
    version: 3,
    serialNumberHex: serial.toString(16).padStart(2, '0'),
    serialNumberDecimal: String(serial),
    serialNegative: false,
    signatureAlgorithm: { oid: spec.signatureOid ?? ECDSA_SHA256, name: spec.signatureOid ? null : 'ecdsa-with-SHA256', parametersHex: null, parametersText: null },
    issuer: name(issuerCn, nameDer(issuerCn)),
    subject: name(spec.cn, nameDer(spec.cn)),
    notBefore: spec.notBefore ?? '2026-01-01T00:00:00.000Z',
    notAfter: spec.notAfter ?? '2027-01-01T00:00:00.000Z',
    publicKey: spec.rsaBits
      ? { algorithm: 'RSA', algorithmOid: '1.2.840.113549.1.1.1', bits: spec.rsaBits, curve: null, spkiDer: spki, spkiSha256Hex: spkiSha, spkiSha256Base64: '' }
      : { algorithm: 'EC', algorithmOid: '1.2.840.10045.2.1', bits: 256, curve: 'P-256', spkiDer: spki, spkiSha256Hex: spkiSha, spkiSha256Base64: '' },
    signatureValueHex: '',
    issuerUniqueIdHex: null,
    subjectUniqueIdHex: null,
    extensions,
    warnings: [],
    decodeWarnings: [],
    location: { offset: 0 },
  };
  return { model, keys };
}

export const dnsName = (value: string): GeneralNameModel => ({ type: 'dns', value });
export const ipName = (value: string): GeneralNameModel => ({ type: 'ip', value });
