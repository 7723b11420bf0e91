/**
 * `certscope connect` and `check --connect` against servers this test starts on 127.0.0.1 (free
 * ports, fixture certificates); nothing leaves the machine. Each server is closed after its test.
 */
import { readFileSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer } from 'node:net';
import { createServer as createTlsServer, TLSSocket, type TlsOptions } from 'node:tls';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AT, FIXTURES, certscope, certscopeInProcess, cliBundle } from './testing';
import { parseCertificateRequest } from './connect';

const v = (c: string, f: string): Buffer => readFileSync(join(FIXTURES, 'verifier', c, f));
const vp = (c: string, f: string): string => join(FIXTURES, 'verifier', c, f);

const servers: NetServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function listen(server: NetServer): Promise<number> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

function tlsServer(options: TlsOptions): Promise<number> {
  const server = createTlsServer(options, (socket) => {
    socket.on('error', () => {});
    socket.end('hello\n');
  });
  server.on('tlsClientError', () => {});
  return listen(server);
}

/** An SMTP server that offers STARTTLS, then hands the socket to TLS. */
function smtpServer(tls: TlsOptions): Promise<number> {
  return lineServer(tls, '220 mail.certscope.test ESMTP test\r\n', { 'EHLO ': '250-mail.certscope.test\r\n250-SIZE 1000000\r\n250 STARTTLS\r\n' }, /^STARTTLS$/iu, '220 ready to start TLS\r\n', '502 no\r\n');
}

/** A line-based STARTTLS server: a greeting, canned replies per command (by prefix), the command that upgrades, and the reply to anything else. */
function lineServer(tls: TlsOptions, greeting: string, replies: Readonly<Record<string, string>>, upgrade: RegExp, go: string, otherwise = 'ERR\r\n'): Promise<number> {
  const server = createNetServer((socket) => {
    socket.on('error', () => {});
    socket.write(greeting);
    let buf = '';
    const onData = (d: Buffer): void => {
      buf += d.toString('latin1');
      for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
        const line = buf.slice(0, i).trim();
        buf = buf.slice(i + 1);
        if (upgrade.test(line)) {
          socket.off('data', onData);
          socket.write(go, () => new TLSSocket(socket, { isServer: true, ...tls }).on('error', () => {}));
          return;
        }
        socket.write(Object.entries(replies).find(([k]) => line.toUpperCase().startsWith(k))?.[1] ?? otherwise);
      }
    };
    socket.on('data', onData);
  });
  return listen(server);
}

/** A binary STARTTLS server (PostgreSQL, MySQL): optional greeting, waits for N request bytes, answers, upgrades. */
function binaryServer(tls: TlsOptions, greeting: Buffer | null, requestBytes: number, answer: Buffer | null): Promise<number> {
  const server = createNetServer((socket) => {
    socket.on('error', () => {});
    if (greeting) socket.write(greeting);
    let got = Buffer.alloc(0);
    const onData = (d: Buffer): void => {
      got = Buffer.concat([got, d]);
      if (got.length < requestBytes) return;
      socket.off('data', onData);
      const up = (): void => {
        new TLSSocket(socket, { isServer: true, ...tls }).on('error', () => {});
      };
      if (answer?.toString() === 'N') socket.end(answer);
      else if (answer) socket.write(answer, up);
      else up();
    };
    socket.on('data', onData);
  });
  return listen(server);
}

function mysqlGreeting(): Buffer {
  const caps = 0x0200 | 0x0800 | 0x8000; // PROTOCOL_41, SSL, SECURE_CONNECTION
  const payload = Buffer.concat([Buffer.from([10]), Buffer.from('8.0.36\0', 'latin1'), Buffer.from([1, 0, 0, 0]), Buffer.alloc(8, 0x41), Buffer.from([0, caps & 0xff, caps >> 8, 33, 2, 0, 0, 0])]);
  return Buffer.concat([Buffer.from([payload.length & 0xff, payload.length >> 8, 0, 0]), payload]);
}

const HOST = ['--servername', 'www.certscope.test', '--at', AT];

beforeAll(async () => {
  await cliBundle();
}, 60_000);

describe('certscope connect against loopback servers', () => {
  it('complete chain (TLS 1.2: read from the Certificate message): leaf and intermediate, trusted with --trust', async () => {
    const port = await tlsServer({ key: v('good', 'leaf.key'), cert: Buffer.concat([v('good', 'leaf.pem'), v('good', 'int.pem')]), maxVersion: 'TLSv1.2' });
    const r = await certscope(['connect', ...HOST, '--trust', vp('good', 'root.pem'), `127.0.0.1:${port}`]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Connected to 127.0.0.1:${port} (SNI www.certscope.test): TLSv1.2`);
    expect(r.stdout).toContain('Server sent 2 certificates (as listed in its Certificate message): leaf and intermediates');
    expect(r.stdout).toContain('Client certificate requested: no');
    expect(r.stdout).toContain('Evaluated at 2026-06-01T00:00:00.000Z for host www.certscope.test');
    const check = await certscope(['check', '--role', 'server', ...HOST, '--trust', vp('good', 'root.pem'), '--connect', `127.0.0.1:${port}`]);
    expect(check.code, check.stdout).toBe(0);
  });

  it('missing intermediate (TLS 1.3): says the leaf came alone; check refuses', async () => {
    const port = await tlsServer({ key: v('missing-intermediate-no-aia', 'leaf.key'), cert: v('missing-intermediate-no-aia', 'leaf.pem') });
    const r = await certscope(['connect', ...HOST, '--format', 'json', '--trust', vp('missing-intermediate-no-aia', 'root.pem'), `127.0.0.1:${port}`]);
    const report = JSON.parse(r.stdout) as { host: string; connection: { protocol: string; intermediatesSent: boolean; chain: number }; certificates: { chain: { status: string } }[] };
    expect(report.host).toBe('www.certscope.test');
    expect(report.connection).toMatchObject({ protocol: 'TLSv1.3', intermediatesSent: false, chain: 1 });
    expect(report.certificates[0]?.chain.status).toBe('incomplete');
    const check = await certscope(['check', '--role', 'server', ...HOST, '--trust', vp('missing-intermediate-no-aia', 'root.pem'), '--connect', `127.0.0.1:${port}`]);
    expect(check.code, check.stdout).toBe(1);
  });

  it('expired leaf: reported expired, check exits 1', async () => {
    const port = await tlsServer({ key: v('expired-leaf', 'leaf.key'), cert: Buffer.concat([v('expired-leaf', 'leaf.pem'), v('expired-leaf', 'int.pem')]) });
    const r = await certscope(['check', '--role', 'server', ...HOST, '--trust', vp('expired-leaf', 'root.pem'), '--connect', `127.0.0.1:${port}`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/openssl +refuses: certificate has expired/u);
  });

  it('STARTTLS smtp: upgrades after EHLO and reads the chain', async () => {
    const port = await smtpServer({ key: v('good', 'leaf.key'), cert: Buffer.concat([v('good', 'leaf.pem'), v('good', 'int.pem')]) });
    const r = await certscope(['connect', ...HOST, '--starttls', 'smtp', '--trust', vp('good', 'root.pem'), `127.0.0.1:${port}`]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('leaf and intermediates');
    expect(r.stdout).toContain('Chain: trusted');
  });

  const GOOD: TlsOptions = { key: v('good', 'leaf.key'), cert: Buffer.concat([v('good', 'leaf.pem'), v('good', 'int.pem')]) };
  const starttls: [string, string, () => Promise<number>][] = [
    ['imap', 'tagged STARTTLS, tagged OK', () => lineServer(GOOD, '* OK IMAP ready\r\n', {}, /^a001 STARTTLS$/iu, 'a001 OK begin TLS\r\n')],
    ['pop3', 'STLS', () => lineServer(GOOD, '+OK POP3 ready\r\n', {}, /^STLS$/iu, '+OK begin TLS\r\n')],
    ['ftp', 'multi-line greeting, AUTH TLS, 234', () => lineServer(GOOD, '220-welcome\r\n220 FTP ready\r\n', {}, /^AUTH TLS$/iu, '234 AUTH TLS ok\r\n')],
    ['postgres', 'SSLRequest answered "S"', () => binaryServer(GOOD, null, 8, Buffer.from('S'))],
    ['mysql', 'handshake packet with CLIENT_SSL, then SSLRequest', () => binaryServer(GOOD, mysqlGreeting(), 36, null)],
  ];
  it.each(starttls)('STARTTLS %s reads the chain (%s)', async (proto, _why, start) => {
    const port = await start();
    const r = await certscope(['connect', ...HOST, '--starttls', proto, '--format', 'json', '--trust', vp('good', 'root.pem'), `127.0.0.1:${port}`]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { connection: { intermediatesSent: boolean }; certificates: { chain: { status: string } }[] };
    expect(report.connection.intermediatesSent).toBe(true);
    expect(report.certificates[0]?.chain.status).toBe('trusted');
  });

  it('STARTTLS postgres refused ("N"): exit 1 with the reason', async () => {
    const port = await binaryServer(GOOD, null, 8, Buffer.from('N'));
    const r = await certscope(['connect', '--starttls', 'postgres', `127.0.0.1:${port}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/answered "N" to SSLRequest/u);
  });

  it('STARTTLS refused by the server: exit 1 with the reason', async () => {
    const server = createNetServer((s) => {
      s.on('error', () => {});
      s.end('554 go away\r\n');
    });
    const port = await listen(server);
    const r = await certscope(['connect', '--starttls', 'smtp', `127.0.0.1:${port}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/STARTTLS refused at greeting: 554 go away/u);
  });

  it('mTLS: the server asks for a client certificate, names its CA, and refuses one without clientAuth', async () => {
    const port = await tlsServer({
      key: v('good', 'leaf.key'),
      cert: Buffer.concat([v('good', 'leaf.pem'), v('good', 'int.pem')]),
      requestCert: true,
      rejectUnauthorized: true,
      ca: [v('eku-server-only', 'root.pem'), v('eku-server-only', 'int.pem')],
    });
    const r = await certscope(['connect', ...HOST, '--client-cert', vp('eku-server-only', 'leaf.pem'), '--client-key', vp('eku-server-only', 'leaf.key'), `127.0.0.1:${port}`]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Client certificate requested: yes \(TLS 1\.3 encrypts the CertificateRequest; read from a second handshake capped at TLS 1\.2\)/u);
    expect(r.stdout).toContain('CN=eku-server-only Root CA,O=Certscope Verifier Test');
    expect(r.stdout).toMatch(/Client certificate: refused by the server: /u);
  });

  it('mTLS with a proper client certificate: accepted', async () => {
    const port = await tlsServer({ key: v('good', 'leaf.key'), cert: Buffer.concat([v('good', 'leaf.pem'), v('good', 'int.pem')]), requestCert: true, rejectUnauthorized: true, ca: [v('good', 'root.pem'), v('good', 'int.pem')], maxVersion: 'TLSv1.2' });
    const r = await certscope(['connect', ...HOST, '--client-cert', vp('good', 'leaf.pem'), '--client-key', vp('good', 'leaf.key'), `127.0.0.1:${port}`]);
    expect(r.stdout).toMatch(/Client certificate requested: yes \(read from the TLSv1\.2 handshake\)/u);
    expect(r.stdout).toContain('Client certificate: the server accepted it (handshake completed)');
  });

  const usage: [string[], number, RegExp, string][] = [
    [['connect'], 2, /exactly one HOST/u, 'no target'],
    [['connect', 'a', 'b'], 2, /exactly one HOST/u, 'two targets'],
    [['connect', 'host:99999'], 2, /bad port/u, 'port out of range'],
    [['connect', '--starttls', 'gopher', 'host'], 2, /--starttls: expected one of/u, 'unknown STARTTLS protocol'],
    [['connect', '--timeout', '0', '127.0.0.1:1'], 2, /--timeout/u, 'bad timeout'],
    [['connect', '127.0.0.1:1'], 1, /cannot connect to 127\.0\.0\.1:1/u, 'nothing listening: exit 1'],
  ];
  it.each(usage)('%j → exit %i (%s)', async (args, code, stderr) => {
    const r = code === 2 ? await certscopeInProcess(args) : await certscope(args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(stderr);
  });
});

describe('CertificateRequest parsing', () => {
  const name = (cn: string): Buffer => {
    const value = Buffer.from(cn, 'utf8');
    const atv = Buffer.concat([Buffer.from([0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, value.length]), value]);
    const seq = Buffer.concat([Buffer.from([0x30, atv.length]), atv]);
    const set = Buffer.concat([Buffer.from([0x31, seq.length]), seq]);
    return Buffer.concat([Buffer.from([0x30, set.length]), set]);
  };
  const request = (names: Buffer[]): Buffer => {
    const list = Buffer.concat(names.map((n) => Buffer.concat([Buffer.from([n.length >> 8, n.length & 0xff]), n])));
    return Buffer.concat([Buffer.from([1, 1, 0, 2, 4, 1]), Buffer.from([list.length >> 8, list.length & 0xff]), list]);
  };
  const rows: [Buffer, string[], string][] = [
    [request([]), [], 'no names: any CA'],
    [request([name('Root A')]), ['CN=Root A'], 'one name'],
    [request([name('Root A'), name('Root B')]), ['CN=Root A', 'CN=Root B'], 'two names, in order'],
    [request([Buffer.from([0x04, 0x00])]), ['(undecodable name, 2 bytes)'], 'not a Name: said so, not guessed'],
  ];
  it.each(rows)('%#: %j (%s)', (body, expected) => {
    expect(parseCertificateRequest(body)).toEqual(expected);
  });
});
