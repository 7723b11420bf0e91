/** Test-only builders of ASN.1 shapes (structurally right, cryptographically meaningless). */
import { toBase64 } from '../bytes';
import { encBitString, encCtx, encInt, encNull, encOctets, encOid, encSeq, encSet, encTlv } from '../der';

const utf8 = (s: string): Uint8Array => encTlv(0x0c, new TextEncoder().encode(s));
export const algId = (): Uint8Array => encSeq(encOid('1.2.840.113549.1.1.11'), encNull());
export const name = (cn: string): Uint8Array => encSeq(encSet(encSeq(encOid('2.5.4.3'), utf8(cn))));
const time = (s = '260101000000Z'): Uint8Array => encTlv(0x17, new TextEncoder().encode(s));
export const spki = (): Uint8Array =>
  encSeq(encSeq(encOid('1.2.840.10045.2.1'), encOid('1.2.840.10045.3.1.7')), encBitString(Uint8Array.of(4, ...new Uint8Array(64).fill(7))));
const sig = (): Uint8Array => encBitString(new Uint8Array(16).fill(1));

export function certificate(serial = 1, cn = 'leaf', v1 = false): Uint8Array {
  const tbs = encSeq(...(v1 ? [] : [encCtx(0, encInt(2))]), encInt(serial), algId(), name('ca'), encSeq(time(), time('360101000000Z')), name(cn), spki());
  return encSeq(tbs, algId(), sig());
}
export const csr = (): Uint8Array => encSeq(encSeq(encInt(0), name('req'), spki(), encCtx(0)), algId(), sig());
export const crl = (v1 = false): Uint8Array => encSeq(encSeq(...(v1 ? [] : [encInt(1)]), algId(), name('ca'), time(), time()), algId(), sig());
export function pkcs7(certs: readonly Uint8Array[], crls: readonly Uint8Array[] = []): Uint8Array {
  const join = (xs: readonly Uint8Array[]): Uint8Array => {
    const out = new Uint8Array(xs.reduce((n, x) => n + x.length, 0));
    let o = 0;
    for (const x of xs) {
      out.set(x, o);
      o += x.length;
    }
    return out;
  };
  const sd = encSeq(encInt(1), encSet(), encSeq(encOid('1.2.840.113549.1.7.1')), encTlv(0xa0, join(certs)), ...(crls.length ? [encTlv(0xa1, join(crls))] : []), encSet());
  return encSeq(encOid('1.2.840.113549.1.7.2'), encCtx(0, sd));
}
export const pfx = (): Uint8Array => encSeq(encInt(3), encSeq(encOid('1.2.840.113549.1.7.1'), encCtx(0, encOctets(encSeq()))));
export const pkcs8 = (): Uint8Array => encSeq(encInt(0), encSeq(encOid('1.2.840.10045.2.1'), encOid('1.2.840.10045.3.1.7')), encOctets(encSeq(encInt(1), encOctets(new Uint8Array(32).fill(3)))));
export const encryptedPkcs8 = (): Uint8Array => encSeq(encSeq(encOid('1.2.840.113549.1.5.13'), encSeq()), encOctets(new Uint8Array(32)));
export const pkcs1 = (): Uint8Array => encSeq(...[0, 0xc5, 3, 5, 7, 11, 13, 17, 19].map((n) => encInt(n)));
export const sec1 = (): Uint8Array => encSeq(encInt(1), encOctets(new Uint8Array(32).fill(9)), encCtx(0, encOid('1.2.840.10045.3.1.7')));
export const rsaPublicKey = (): Uint8Array => encSeq(encInt(0xc5), encInt(65537));

export function pem(label: string, der: Uint8Array, headers = '', eol = '\n'): string {
  const b64 = toBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----${eol}${headers}${b64.join(eol)}${eol}-----END ${label}-----${eol}`;
}
