/**
 * `certscope connect`: asks a live server for its chain. Connects with node:tls without verifying
 * (rejectUnauthorized: false: the engine judges the chain afterwards), optionally after a
 * STARTTLS exchange, optionally offering a client certificate.
 *
 * What node:tls does not expose is read from the handshake bytes themselves: the socket is tapped
 * and, up to the point where the handshake is encrypted, the TLS records are parsed. In TLS 1.2
 * that includes the server's Certificate message (the exact list, in the order sent) and its
 * CertificateRequest (whether a client certificate was asked for, and the CA names it lists). TLS
 * 1.3 encrypts both; the chain then comes from getPeerCertificate(true) (linked by issuer from what
 * the server sent) and, to learn about client certificates, a second handshake capped at TLS 1.2 is
 * made when the server allows it. Whatever could not be learned is said so, never guessed.
 */
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions, type DetailedPeerCertificate, type TLSSocket } from 'node:tls';
import { readFile } from 'node:fs/promises';
import { Duplex } from 'node:stream';
import { parseDer } from '../core/input/der';
import { parseName } from '../core/decode/name';

export type StartTls = 'smtp' | 'imap' | 'pop3' | 'ftp' | 'postgres' | 'mysql';
export const STARTTLS: readonly StartTls[] = ['smtp', 'imap', 'pop3', 'ftp', 'postgres', 'mysql'];

export interface ConnectOptions {
  readonly host: string;
  readonly port: number;
  readonly servername: string | null;
  readonly starttls: StartTls | null;
  readonly clientCert: string | null;
  readonly clientKey: string | null;
  readonly passwords: readonly string[];
  readonly timeoutMs: number;
}

export interface ClientAuthInfo {
  /** true / false when known; null when it could not be learned (TLS 1.3 only, and the 1.2 probe failed). */
  readonly requested: boolean | null;
  /** Distinguished names from the CertificateRequest (RFC 4514), when known. */
  readonly caNames: readonly string[] | null;
  /** How it was learned, or why it is unknown. */
  readonly how: string;
  /** With --client-cert: did the server accept the handshake with it? */
  readonly accepted: boolean | null;
  readonly serverError: string | null;
}

export interface ConnectResult {
  readonly host: string;
  readonly port: number;
  readonly servername: string | null;
  readonly protocol: string | null;
  readonly cipher: string | null;
  /** DER of each certificate the server presented, leaf first. */
  readonly chain: readonly Uint8Array[];
  /** "handshake" (exact list from the TLS 1.2 Certificate message) or "peer-certificate" (node's chain, linked by issuer). */
  readonly chainSource: 'handshake' | 'peer-certificate';
  /** True when the server sent at least one certificate besides its leaf. */
  readonly intermediatesSent: boolean;
  readonly clientAuth: ClientAuthInfo;
}

// ---------------------------------------------------------------------------------------------
// Reading the clear-text part of the handshake
// ---------------------------------------------------------------------------------------------

/** Collects handshake records from the server until the handshake turns encrypted. */
class HandshakeTap {
  private buf = Buffer.alloc(0);
  private handshake = Buffer.alloc(0);
  private done = false;

  push(chunk: Buffer): void {
    if (this.done) return;
    this.buf = Buffer.concat([this.buf, chunk]);
    while (this.buf.length >= 5 && !this.done) {
      const type = this.buf[0] ?? 0;
      const len = this.buf.readUInt16BE(3);
      if (this.buf.length < 5 + len) return;
      const body = this.buf.subarray(5, 5 + len);
      this.buf = this.buf.subarray(5 + len);
      if (type === 22) this.handshake = Buffer.concat([this.handshake, body]);
      else if (type === 20 || type === 23) this.done = true; // ChangeCipherSpec / encrypted records: nothing clear after this
    }
  }

  /** Handshake messages seen in clear: [type, body]. */
  messages(): [number, Buffer][] {
    const out: [number, Buffer][] = [];
    let b = this.handshake;
    while (b.length >= 4) {
      const len = b.readUIntBE(1, 3);
      if (b.length < 4 + len) break;
      out.push([b[0] ?? 0, b.subarray(4, 4 + len)]);
      b = b.subarray(4 + len);
    }
    return out;
  }
}

/** TLS 1.2 Certificate message (RFC 5246 §7.4.2): certificate_list<0..2^24-1> of ASN.1Cert<1..2^24-1>. */
export function parseCertificateMessage(body: Buffer): Uint8Array[] {
  const total = body.readUIntBE(0, 3);
  const certs: Uint8Array[] = [];
  let p = 3;
  while (p + 3 <= 3 + total && p + 3 <= body.length) {
    const len = body.readUIntBE(p, 3);
    certs.push(new Uint8Array(body.subarray(p + 3, p + 3 + len)));
    p += 3 + len;
  }
  return certs;
}

/** TLS 1.2 CertificateRequest (RFC 5246 §7.4.4): types, signature algorithms, certificate_authorities. */
export function parseCertificateRequest(body: Buffer): string[] {
  let p = 1 + (body[0] ?? 0);
  p += 2 + body.readUInt16BE(p);
  const end = p + 2 + body.readUInt16BE(p);
  p += 2;
  const names: string[] = [];
  while (p + 2 <= end) {
    const len = body.readUInt16BE(p);
    const der = new Uint8Array(body.subarray(p + 2, p + 2 + len));
    try {
      names.push(parseName(parseDer(der)).rfc4514);
    } catch {
      names.push(`(undecodable name, ${len} bytes)`);
    }
    p += 2 + len;
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// STARTTLS
// ---------------------------------------------------------------------------------------------

class LineReader {
  private buf = '';
  private waiters: (() => void)[] = [];
  private ended: Error | null = null;
  constructor(private readonly socket: Socket) {
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('error', this.onError);
  }
  private onData = (d: Buffer): void => {
    this.buf += d.toString('latin1');
    this.wake();
  };
  private onEnd = (): void => {
    this.ended = new Error('the server closed the connection during STARTTLS');
    this.wake();
  };
  private onError = (e: Error): void => {
    this.ended = e;
    this.wake();
  };
  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }
  async line(): Promise<string> {
    for (;;) {
      const i = this.buf.indexOf('\n');
      if (i >= 0) {
        const l = this.buf.slice(0, i).replace(/\r$/u, '');
        this.buf = this.buf.slice(i + 1);
        return l;
      }
      if (this.ended) throw this.ended;
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }
  async bytes(n: number): Promise<Buffer> {
    for (;;) {
      if (this.buf.length >= n) {
        const out = Buffer.from(this.buf.slice(0, n), 'latin1');
        this.buf = this.buf.slice(n);
        return out;
      }
      if (this.ended) throw this.ended;
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }
  /** A multi-line reply (SMTP "250-…", FTP "220-…"): returns the last line. */
  async reply(): Promise<string> {
    for (;;) {
      const l = await this.line();
      if (!/^\d{3}-/u.test(l)) return l;
    }
  }
  detach(): void {
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onEnd);
    this.socket.off('error', this.onError);
    if (this.buf.length > 0) throw new Error('the server sent data after agreeing to STARTTLS');
  }
}

function expect(line: string, ok: RegExp, step: string): void {
  if (!ok.test(line)) throw new Error(`STARTTLS refused at ${step}: ${line.slice(0, 200)}`);
}

/** Runs the protocol's plain-text upgrade on a connected socket; afterwards the next bytes are TLS. */
export async function startTls(socket: Socket, proto: StartTls): Promise<void> {
  const r = new LineReader(socket);
  const send = (s: string | Buffer): void => {
    socket.write(s);
  };
  switch (proto) {
    case 'smtp':
      expect(await r.reply(), /^220 /u, 'greeting');
      send('EHLO certscope.invalid\r\n');
      expect(await r.reply(), /^250 /u, 'EHLO');
      send('STARTTLS\r\n');
      expect(await r.reply(), /^220 /u, 'STARTTLS');
      break;
    case 'imap':
      expect(await r.line(), /^\* OK/iu, 'greeting');
      send('a001 STARTTLS\r\n');
      for (;;) {
        const l = await r.line();
        if (l.startsWith('a001 ')) {
          expect(l, /^a001 OK/iu, 'STARTTLS');
          break;
        }
      }
      break;
    case 'pop3':
      expect(await r.line(), /^\+OK/u, 'greeting');
      send('STLS\r\n');
      expect(await r.line(), /^\+OK/u, 'STLS');
      break;
    case 'ftp':
      expect(await r.reply(), /^220 /u, 'greeting');
      send('AUTH TLS\r\n');
      expect(await r.reply(), /^234 /u, 'AUTH TLS');
      break;
    case 'postgres': {
      // SSLRequest: length 8, code 80877103; the server answers one byte, "S" to go ahead.
      const req = Buffer.alloc(8);
      req.writeUInt32BE(8, 0);
      req.writeUInt32BE(80877103, 4);
      send(req);
      const answer = (await r.bytes(1)).toString('latin1');
      if (answer !== 'S') throw new Error(`STARTTLS refused: the PostgreSQL server answered ${JSON.stringify(answer)} to SSLRequest (no TLS)`);
      break;
    }
    case 'mysql': {
      // Initial handshake packet (3-byte length, sequence id), then an SSLRequest with CLIENT_SSL.
      const head = await r.bytes(4);
      const len = head.readUIntLE(0, 3);
      const greeting = await r.bytes(len);
      if (greeting[0] === 0xff) throw new Error(`STARTTLS refused: MySQL error ${greeting.subarray(3).toString('utf8')}`);
      const nul = greeting.indexOf(0, 1);
      const capsLow = greeting.readUInt16LE(nul + 1 + 4 + 8 + 1);
      if ((capsLow & 0x0800) === 0) throw new Error('STARTTLS refused: the MySQL server does not offer TLS (CLIENT_SSL unset)');
      const CLIENT_PROTOCOL_41 = 0x200;
      const CLIENT_SSL = 0x800;
      const CLIENT_SECURE_CONNECTION = 0x8000;
      const payload = Buffer.alloc(32);
      payload.writeUInt32LE(CLIENT_PROTOCOL_41 | CLIENT_SSL | CLIENT_SECURE_CONNECTION, 0);
      payload.writeUInt32LE(16 * 1024 * 1024, 4);
      payload[8] = 33; // utf8_general_ci
      const packet = Buffer.alloc(4 + payload.length);
      packet.writeUIntLE(payload.length, 0, 3);
      packet[3] = (head[3] ?? 0) + 1;
      payload.copy(packet, 4);
      send(packet);
      break;
    }
  }
  r.detach();
}

// ---------------------------------------------------------------------------------------------
// The handshake
// ---------------------------------------------------------------------------------------------

interface Handshake {
  readonly socket: TLSSocket;
  readonly raw: Socket;
  readonly tap: HandshakeTap;
}

async function clientCredentials(o: ConnectOptions): Promise<Partial<ConnectionOptions>> {
  if (!o.clientCert) return {};
  const bytes = await readFile(o.clientCert);
  const passphrase = o.passwords[0];
  if (/\.(p12|pfx)$/iu.test(o.clientCert) || !bytes.toString('latin1').includes('-----BEGIN')) return { pfx: bytes, ...(passphrase !== undefined ? { passphrase } : {}) };
  const key = o.clientKey ? await readFile(o.clientKey) : bytes;
  return { cert: bytes, key, ...(passphrase !== undefined ? { passphrase } : {}) };
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => {
        onTimeout();
        reject(new Error(`${what}: no answer within ${ms / 1000} s`));
      }, ms);
    }),
  ]);
}

async function handshake(o: ConnectOptions, extra: Partial<ConnectionOptions>, tap = new HandshakeTap()): Promise<Handshake> {
  const raw = netConnect({ host: o.host, port: o.port });
  const run = async (): Promise<Handshake> => {
    await new Promise<void>((resolve, reject) => {
      raw.once('connect', resolve);
      raw.once('error', reject);
    });
    if (o.starttls) await startTls(raw, o.starttls);
    // node:tls reads a net.Socket's handle directly, so the bytes go through a Duplex that sees them first.
    const tapped = new Duplex({
      read() {},
      write(chunk: Buffer, _enc, cb) {
        raw.write(chunk, cb);
      },
      final(cb) {
        raw.end();
        cb();
      },
      destroy(err, cb) {
        raw.destroy();
        cb(err);
      },
    });
    raw.on('data', (d: Buffer) => {
      tap.push(d);
      tapped.push(d);
    });
    raw.on('end', () => tapped.push(null));
    raw.on('error', (e) => tapped.destroy(e));
    const servername = o.servername ?? (isIP(o.host) ? undefined : o.host);
    const socket = tlsConnect({ socket: tapped, rejectUnauthorized: false, ...(servername ? { servername } : {}), ...(await clientCredentials(o)), ...extra });
    await new Promise<void>((resolve, reject) => {
      socket.once('secureConnect', resolve);
      socket.once('error', reject);
    });
    return { socket, raw, tap };
  };
  try {
    return await withTimeout(run(), o.timeoutMs, `${o.host}:${o.port}`, () => raw.destroy());
  } catch (e) {
    raw.destroy(); // a failed STARTTLS or handshake must not keep the process alive
    throw e;
  }
}

/**
 * After a TLS 1.3 handshake the server checks the client certificate only once it has the
 * client's Finished: it then either sends session tickets (accepted; node emits 'session') or an
 * alert / closes (refused). Waits for whichever comes first.
 */
function serverVerdict(socket: TLSSocket, raw: Socket, ms: number): Promise<{ accepted: boolean | null; error: string | null }> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => done({ accepted: null, error: `no answer from the server within ${ms / 1000} s after the handshake` }), ms);
    const done = (v: { accepted: boolean | null; error: string | null }): void => {
      clearTimeout(timer);
      socket.off('error', onError);
      socket.off('close', onClose);
      socket.off('session', onSession);
      socket.off('end', onClose);
      raw.off('close', onClose);
      resolve(v);
    };
    const onError = (e: Error): void => done({ accepted: false, error: e.message });
    const onClose = (): void => done({ accepted: false, error: 'the server closed the connection' });
    const onSession = (): void => done({ accepted: true, error: null });
    socket.once('error', onError);
    socket.once('close', onClose);
    socket.once('session', onSession);
    socket.once('end', onClose);
    raw.once('close', onClose);
    socket.resume();
  });
}

function peerChain(socket: TLSSocket): Uint8Array[] {
  const out: Uint8Array[] = [];
  const seen = new Set<string>();
  let c: DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  while (c && c.raw && !seen.has(c.fingerprint256)) {
    seen.add(c.fingerprint256);
    out.push(new Uint8Array(c.raw));
    c = c.issuerCertificate;
  }
  return out;
}

function clearTextFacts(tap: HandshakeTap): { chain: Uint8Array[] | null; requested: boolean; caNames: string[] | null } {
  let chain: Uint8Array[] | null = null;
  let requested = false;
  let caNames: string[] | null = null;
  for (const [type, body] of tap.messages()) {
    if (type === 11) chain = parseCertificateMessage(body);
    if (type === 13) {
      requested = true;
      caNames = parseCertificateRequest(body);
    }
  }
  return { chain, requested, caNames };
}

export async function fetchChain(o: ConnectOptions): Promise<ConnectResult> {
  let hs: Handshake;
  let refusedInHandshake: string | null = null;
  try {
    hs = await handshake(o, {});
  } catch (e) {
    if (!o.clientCert) throw e;
    // With TLS 1.2 a refused client certificate fails the handshake itself: record why, then fetch the chain without it.
    refusedInHandshake = e instanceof Error ? e.message : String(e);
    hs = await handshake({ ...o, clientCert: null }, {});
  }
  const { socket, tap } = hs;
  const protocol = socket.getProtocol();
  const cipher = socket.getCipher()?.standardName ?? null;
  const peer = peerChain(socket);
  const verdict = refusedInHandshake !== null ? { accepted: false, error: refusedInHandshake } : o.clientCert ? (protocol === 'TLSv1.3' ? await serverVerdict(socket, hs.raw, o.timeoutMs) : { accepted: true, error: null }) : { accepted: null, error: null };
  socket.destroy();

  const clear = clearTextFacts(tap);
  let clientAuth: ClientAuthInfo;
  if (protocol !== 'TLSv1.3') {
    clientAuth = { requested: clear.requested, caNames: clear.requested ? clear.caNames : null, how: `read from the ${protocol ?? 'TLS'} handshake`, accepted: verdict.accepted, serverError: verdict.error };
  } else {
    // TLS 1.3 encrypts the CertificateRequest: ask again with TLS 1.2, if the server speaks it.
    // The probe offers no certificate: a server that requires one aborts it, but only after its
    // CertificateRequest went by in clear, which is all the probe is for.
    const probeTap = new HandshakeTap();
    let probed = false;
    try {
      const p = await handshake({ ...o, clientCert: null }, { maxVersion: 'TLSv1.2' }, probeTap);
      p.socket.destroy();
      probed = true;
    } catch {
      probed = probeTap.messages().some(([type]) => type === 2); // it got as far as a ServerHello
    }
    const f = clearTextFacts(probeTap);
    clientAuth = probed
      ? { requested: f.requested, caNames: f.requested ? f.caNames : null, how: 'TLS 1.3 encrypts the CertificateRequest; read from a second handshake capped at TLS 1.2', accepted: verdict.accepted, serverError: verdict.error }
      : { requested: null, caNames: null, how: 'TLS 1.3 encrypts the CertificateRequest and node:tls does not expose it; the server refused a TLS 1.2 probe, so this is unknown', accepted: verdict.accepted, serverError: verdict.error };
  }
  const chain = clear.chain ?? peer;
  return {
    host: o.host,
    port: o.port,
    servername: o.servername ?? (isIP(o.host) ? null : o.host),
    protocol,
    cipher,
    chain,
    chainSource: clear.chain ? 'handshake' : 'peer-certificate',
    intermediatesSent: chain.length > 1,
    clientAuth,
  };
}

export function connectionLines(r: ConnectResult, hadClientCert: boolean): string[] {
  const ca = r.clientAuth;
  const lines = [
    `Connected to ${r.host}:${r.port}${r.servername ? ` (SNI ${r.servername})` : ' (no SNI)'}: ${r.protocol ?? '?'} ${r.cipher ?? ''}`.trimEnd(),
    `Server sent ${r.chain.length} certificate${r.chain.length === 1 ? '' : 's'}${r.chainSource === 'handshake' ? ' (as listed in its Certificate message)' : ' (as node:tls links them by issuer; TLS 1.3 hides the raw list)'}: ${r.intermediatesSent ? 'leaf and intermediates' : 'the leaf only, no intermediates'}`,
    `Client certificate requested: ${ca.requested === null ? 'unknown' : ca.requested ? 'yes' : 'no'} (${ca.how})`,
  ];
  if (ca.caNames) lines.push(ca.caNames.length === 0 ? '  acceptable CA names: none listed (any CA)' : `  acceptable CA names:`, ...ca.caNames.map((n) => `    ${n}`));
  if (hadClientCert) lines.push(`Client certificate: ${ca.accepted === true ? 'the server accepted it (handshake completed)' : ca.accepted === false ? `refused by the server: ${ca.serverError ?? 'unknown error'}` : `unknown: ${ca.serverError ?? ''}`}`);
  return lines;
}
