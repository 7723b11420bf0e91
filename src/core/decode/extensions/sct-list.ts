/**
 * Signed Certificate Timestamp list: RFC 6962 §3.3 (an OCTET STRING holding the TLS-encoded
 * SignedCertificateTimestampList; RFC 5246 §7.4.1.4.1 hash/signature algorithm codes).
 */
import type { Asn1 } from '../../input/der';
import { toBase64 } from '../../input/bytes';
import type { SignedCertificateTimestampModel } from '../../model';
import { DecodeError, expectUniversal, toHex, UT } from '../util';
import type { ExtensionBody } from './types';

const HASH_NAMES: readonly string[] = ['none', 'MD5', 'SHA-1', 'SHA-224', 'SHA-256', 'SHA-384', 'SHA-512'];
const SIGNATURE_NAMES: readonly string[] = ['anonymous', 'RSA', 'DSA', 'ECDSA'];
const LOG_ID_LENGTH = 32;

class Reader {
  pos = 0;
  constructor(
    private readonly b: Uint8Array,
    private readonly end = b.length,
  ) {}
  need(n: number): void {
    if (this.pos + n > this.end) throw new DecodeError(`SCT list is truncated at TLS offset ${this.pos}`);
  }
  u8(): number {
    this.need(1);
    return this.b[this.pos++] ?? 0;
  }
  u16(): number {
    return this.u8() * 256 + this.u8();
  }
  bytes(n: number): Uint8Array {
    this.need(n);
    const out = this.b.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  get done(): boolean {
    return this.pos >= this.end;
  }
}

export function parseSctList(tls: Uint8Array): SignedCertificateTimestampModel[] {
  const r = new Reader(tls);
  const total = r.u16();
  if (total !== tls.length - 2) throw new DecodeError(`SCT list length ${total} does not match the ${tls.length - 2} bytes present`);
  const out: SignedCertificateTimestampModel[] = [];
  while (!r.done) {
    const len = r.u16();
    const sct = new Reader(r.bytes(len));
    const version = sct.u8();
    if (version !== 0) throw new DecodeError(`unsupported SCT version ${version + 1}`);
    const logId = sct.bytes(LOG_ID_LENGTH);
    const ts = sct.bytes(8);
    let ms = 0n;
    for (const x of ts) ms = (ms << 8n) | BigInt(x);
    const extensions = sct.bytes(sct.u16());
    const hash = sct.u8();
    const sig = sct.u8();
    const signature = sct.bytes(sct.u16());
    if (!sct.done) throw new DecodeError('trailing bytes after an SCT');
    const date = new Date(Number(ms));
    out.push({
      version: version + 1,
      logIdHex: toHex(logId),
      logIdBase64: toBase64(logId),
      timestamp: Number.isNaN(date.getTime()) ? `${ms.toString()} ms` : date.toISOString(),
      hashAlgorithm: HASH_NAMES[hash] ?? `unknown (${hash})`,
      signatureAlgorithm: SIGNATURE_NAMES[sig] ?? `unknown (${sig})`,
      signatureHex: toHex(signature),
      extensionsHex: toHex(extensions),
    });
  }
  return out;
}

export function decodeSctList(value: Asn1): ExtensionBody {
  expectUniversal(value, UT.OCTET_STRING, 'an OCTET STRING around the SCT list');
  return { kind: 'signedCertificateTimestampList', timestamps: parseSctList(value.octets()) };
}
