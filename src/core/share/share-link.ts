/**
 * Share links: a session's PUBLIC certificates, the selected one, the host name and the
 * evaluation time, packed into the URL fragment (`#…`). The fragment is never sent to a server
 * by browsers (RFC 3986 §3.5; it is not part of the HTTP request), so a link carries the view
 * without any upload.
 *
 * Only certificates go in: never private keys, passwords, CSRs (they may hold challenge
 * passwords) or anything else. The caller passes certificate DER only, and the type allows
 * nothing else.
 *
 * Format, version 1: "cs1." + base64url(deflate-raw(payload)), payload =
 *   u8 version (1) | u16 certificate count | per certificate: u32 length, DER
 *   | u16 selected index (0xffff: none) | u16 host length, UTF-8 host | u16 time length, ASCII ISO time
 * Integers are big-endian. New versions get a new prefix ("cs2."), and decoders keep reading
 * every older one, so links keep working.
 */
import { CoreFailure } from '../model';

export const SHARE_PREFIX_V1 = 'cs1.';
/** What chat tools and issue trackers usually keep intact; the UI warns above it. */
export const SHARE_LINK_COMFORT_LENGTH = 2000;
/** A decoded link may not inflate beyond this (a crafted link must not exhaust memory). */
export const SHARE_MAX_INFLATED_BYTES = 8 * 1024 * 1024;
const MAX_CERTIFICATES = 1000;
const NO_SELECTION = 0xffff;

export interface ShareState {
  /** DER of each certificate, in session order. */
  readonly certificates: readonly Uint8Array[];
  /** Index into `certificates` of the selected one, or null. */
  readonly selected: number | null;
  readonly host: string | null;
  /** ISO-8601 evaluation time, or null for "now". */
  readonly at: string | null;
}

/** Builds the fragment (without the leading "#"). */
export async function encodeShareLink(state: ShareState): Promise<string> {
  if (state.certificates.length > MAX_CERTIFICATES) {
    throw new CoreFailure('LIMIT_EXCEEDED', `A share link holds at most ${MAX_CERTIFICATES} certificates; this session has ${state.certificates.length}.`);
  }
  const writer = new ByteWriter();
  writer.u8(1);
  writer.u16(state.certificates.length);
  for (const der of state.certificates) {
    writer.u32(der.length);
    writer.bytes(der);
  }
  const selected = state.selected ?? NO_SELECTION;
  if (selected !== NO_SELECTION && (selected < 0 || selected >= state.certificates.length)) {
    throw new CoreFailure('MALFORMED', `Selected certificate ${selected} is not in the session.`);
  }
  writer.u16(selected);
  writer.text(state.host ?? '');
  writer.text(state.at ?? '');
  const compressed = await transform(writer.finish(), new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY);
  return SHARE_PREFIX_V1 + toBase64Url(compressed);
}

/** Reads a fragment (with or without the leading "#"). Throws CoreFailure('MALFORMED') with the reason. */
export async function decodeShareLink(fragment: string): Promise<ShareState> {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (!text.startsWith(SHARE_PREFIX_V1)) {
    throw new CoreFailure('MALFORMED', 'This link fragment is not a Certscope share link (it should start with "cs1.").');
  }
  const compressed = fromBase64Url(text.slice(SHARE_PREFIX_V1.length));
  let payload: Uint8Array;
  try {
    payload = await transform(compressed, new DecompressionStream('deflate-raw'), SHARE_MAX_INFLATED_BYTES);
  } catch (error) {
    if (error instanceof CoreFailure) throw error;
    throw new CoreFailure('MALFORMED', 'The share link is damaged: its compressed data does not inflate (was it cut off when pasted?).');
  }
  const reader = new ByteReader(payload);
  const version = reader.u8();
  if (version !== 1) throw new CoreFailure('MALFORMED', `The share link has payload version ${version}, which this version of Certscope does not know.`);
  const count = reader.u16();
  if (count > MAX_CERTIFICATES) throw new CoreFailure('MALFORMED', `The share link claims ${count} certificates (limit ${MAX_CERTIFICATES}).`);
  const certificates: Uint8Array[] = [];
  for (let i = 0; i < count; i++) certificates.push(reader.bytes(reader.u32()));
  const selectedRaw = reader.u16();
  const host = reader.text();
  const at = reader.text();
  if (!reader.atEnd()) throw new CoreFailure('MALFORMED', 'The share link has trailing data after its last field.');
  if (selectedRaw !== NO_SELECTION && selectedRaw >= count) {
    throw new CoreFailure('MALFORMED', `The share link selects certificate ${selectedRaw + 1} of ${count}.`);
  }
  return { certificates, selected: selectedRaw === NO_SELECTION ? null : selectedRaw, host: host || null, at: at || null };
}

async function transform(input: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // Write and read concurrently: awaiting the write first would deadlock on backpressure.
  const writing = writer.write(input as Uint8Array<ArrayBuffer>).then(() => writer.close());
  writing.catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new CoreFailure('TOO_LARGE', `The share link inflates beyond ${limit} bytes; refusing to read it.`);
    }
    chunks.push(value);
  }
  await writing;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const n = (b0 << 16) | (b1 << 8) | b2;
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c++) out += BASE64URL[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

export function fromBase64Url(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = BASE64URL.indexOf(clean[i] ?? '');
    if (v < 0) throw new CoreFailure('MALFORMED', `The share link has a character that is not base64url at position ${i + 1}: "${clean[i]}".`);
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  if (clean.length % 4 === 1) throw new CoreFailure('MALFORMED', 'The share link is cut off (its base64url length is impossible).');
  return out.subarray(0, o);
}

class ByteWriter {
  private readonly chunks: Uint8Array[] = [];
  private length = 0;
  u8(v: number): void {
    this.bytes(Uint8Array.of(v & 0xff));
  }
  u16(v: number): void {
    this.bytes(Uint8Array.of((v >> 8) & 0xff, v & 0xff));
  }
  u32(v: number): void {
    this.bytes(Uint8Array.of((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff));
  }
  bytes(b: Uint8Array): void {
    this.chunks.push(b);
    this.length += b.length;
  }
  text(s: string): void {
    const encoded = new TextEncoder().encode(s);
    if (encoded.length > 0xffff) throw new CoreFailure('LIMIT_EXCEEDED', 'A host name or time in a share link is too long.');
    this.u16(encoded.length);
    this.bytes(encoded);
  }
  finish(): Uint8Array {
    const out = new Uint8Array(this.length);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}

class ByteReader {
  private offset = 0;
  constructor(private readonly data: Uint8Array) {}
  private need(n: number): void {
    if (this.offset + n > this.data.length) {
      throw new CoreFailure('MALFORMED', `The share link is truncated: it needs ${n} more bytes at offset ${this.offset} of ${this.data.length}.`);
    }
  }
  u8(): number {
    this.need(1);
    return this.data[this.offset++] ?? 0;
  }
  u16(): number {
    return (this.u8() << 8) | this.u8();
  }
  u32(): number {
    return ((this.u16() << 16) >>> 0) + this.u16();
  }
  bytes(n: number): Uint8Array {
    this.need(n);
    const out = this.data.slice(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }
  text(): string {
    return new TextDecoder('utf-8', { fatal: false }).decode(this.bytes(this.u16()));
  }
  atEnd(): boolean {
    return this.offset === this.data.length;
  }
}
