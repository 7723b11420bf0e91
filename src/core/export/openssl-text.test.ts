/**
 * certificateToText against the real `openssl x509 -text -noout` (OpenSSL 3.0) on fixtures:
 * identical output, or exactly the deliberate differences listed in openssl-text.differences.md.
 * Rows are [fixture, expected difference (null: byte-identical), why].
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../decode-input';
import { certificateToText, colonHex, opensslName, opensslTime } from './openssl-text';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures');
const PYCA = '/work/shared/corpus/pyca/x509';

function openssl(der: Uint8Array): string | null {
  try {
    return execFileSync('openssl', ['x509', '-noout', '-text', '-inform', 'DER'], { input: der, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}
const hasOpenssl = openssl(new Uint8Array()) !== null || existsSync('/usr/bin/openssl');

async function firstCertificate(path: string) {
  const d = await decodeInput({ name: path, bytes: new Uint8Array(readFileSync(path)) });
  const c = d.certificates[0];
  if (!c) throw new Error(`no certificate in ${path}`);
  return c;
}

/** The first line that differs: [openssl's, ours]. */
function firstDifference(expected: string, got: string): [string, string] | null {
  const e = expected.split('\n');
  const g = got.split('\n');
  for (let i = 0; i < Math.max(e.length, g.length); i++) if (e[i] !== g[i]) return [e[i] ?? '<end>', g[i] ?? '<end>'];
  return null;
}

type Difference = { readonly openssl: RegExp; readonly ours: RegExp } | null;

const fixture = (p: string): string => join(FIXTURES, p);
const ROWS: [string, Difference, string][] = [
  [fixture('leaves/server.pem'), null, 'RSA 2048, SKI/AKI, CRL DP, AIA, critical BC and KU, EKU, SAN with an IDN and IPv6, policy'],
  [fixture('leaves/client.pem'), null, 'client certificate, email SAN'],
  [fixture('leaves/ec-p256.pem'), null, 'EC P-256: pub, ASN1 OID, NIST CURVE'],
  [fixture('leaves/ec-p384.pem'), null, 'EC P-384'],
  [fixture('leaves/ec-p521.pem'), null, 'EC P-521'],
  [fixture('leaves/secp256k1.pem'), null, 'a curve without a NIST name'],
  [fixture('leaves/ed25519.pem'), null, 'Ed25519 key'],
  [fixture('leaves/rsa4096.pem'), null, 'RSA 4096'],
  [fixture('leaves/must-staple.pem'), null, 'TLS Feature status_request'],
  [fixture('leaves/nscerttype-client-only.pem'), null, 'Netscape Cert Type'],
  [fixture('leaves/sha1-signed.pem'), null, 'sha1WithRSAEncryption'],
  [fixture('leaves/noeku.pem'), null, 'no EKU'],
  [fixture('pki/root.pem'), null, 'self-signed root'],
  [fixture('chains/int-nc.pem'), null, 'name constraints (permitted DNS)'],
  [fixture('verifier/nc-ip-permitted-violation/int.pem'), null, 'IP name constraints print as address/mask'],
  [fixture('verifier/nc-dirname-permitted-violation/int.pem'), null, 'directoryName constraint: "O = …" form'],
  [fixture('verifier/v1-intermediate/leaf.pem'), null, 'AKI with issuer and serial: DirName in "/O=…/CN=…" form'],
  [fixture('verifier/nc-ip-v4-mapped-ipv6/leaf.pem'), null, 'IPv4-mapped IPv6 SAN, all in hex groups'],
  [fixture('verifier/nc-smtputf8/leaf.pem'), null, 'SmtpUTF8Mailbox otherName'],
  [fixture('chrome-probes/q31.pem'), null, 'RSASSA-PSS parameters at the top and after "Signature Value:"'],
  [fixture('chrome-probes/p15.pem'), null, 'AKI DirName'],
  [fixture('mtls/public-google-chain.pem'), null, 'signed certificate timestamps'],
  [fixture('hostile/hostile-xss.pem'), null, 'values with < > quoted, non-ASCII escaped as \\XX UTF-8 bytes'],
  [fixture('hostile/hostile-control.pem'), { openssl: /^ {16}0:\. www\.certscope\.test\.\.evil/u, ours: /^ {16}DNS:www\.certscope\.test[^,]\.evil\.example/u }, 'D1: a NUL inside a dNSName: openssl refuses to decode the SAN and dumps raw bytes; we print the names (the NUL as the model keeps it)'],
  [`${PYCA}/custom/invalid_version.pem`, { openssl: /^ {8}Version: Unknown \(7\)$/u, ours: /^ {8}Version: 8 \(0x7\)$/u }, 'D2: an undefined version: we print the number, openssl "Unknown"'],
  [`${PYCA}/custom/dsa_selfsigned_ca.pem`, { openssl: /^ {16}pub: $/u, ours: /^ {16}SubjectPublicKeyInfo \(DER\):$/u }, 'D3: DSA keys: the model keeps no p, q, g: we dump the SPKI'],
  [`${PYCA}/custom/ec_no_named_curve.pem`, { openssl: /^ {16}Field Type: prime-field$/u, ours: /^ {16}Field Type: \(explicit parameters: not shown\)$/u }, 'D4: explicit EC parameters are not in the model'],
  [`${PYCA}/custom/inhibit_any_policy_negative.pem`, { openssl: /^ {16}-1$/u, ours: /^ {16}\.\.\.$/u }, 'D5: a negative inhibitAnyPolicy fails our decoder: raw bytes'],
  [`${PYCA}/modern/badasn1time.pem`, { openssl: /^ {12}Not After : Bad time value$/u, ours: /^ {12}Not After : /u }, 'D6: a malformed time: the model holds the decoder\'s reading'],
];

describe.skipIf(!hasOpenssl)('certificateToText vs openssl x509 -text -noout', () => {
  it.each(ROWS.filter(([f]) => existsSync(f)))('%s', async (file, difference) => {
    const c = await firstCertificate(file);
    const expected = openssl(c.der);
    expect(expected).not.toBeNull();
    const got = certificateToText(c);
    const diff = firstDifference(expected ?? '', got);
    if (difference === null) expect(got).toBe(expected);
    else {
      expect(diff).not.toBeNull();
      expect(diff?.[0]).toMatch(difference.openssl);
      expect(diff?.[1]).toMatch(difference.ours);
    }
  });
});

describe('openssl-text pieces', () => {
  const times: [string, string, string][] = [
    ['2026-01-01T00:00:00Z', 'Jan  1 00:00:00 2026 GMT', 'day padded with a space'],
    ['2049-12-31T23:59:59Z', 'Dec 31 23:59:59 2049 GMT', 'two-digit day'],
    ['not a date', 'not a date', 'unparseable: unchanged'],
  ];
  it.each(times)('opensslTime(%s) = %s (%s)', (iso, text) => expect(opensslTime(iso)).toBe(text));

  const hex: [string, string, string][] = [
    ['d6016eea', 'D6:01:6E:EA', 'key identifiers: uppercase, colons'],
    ['', '', 'empty'],
  ];
  it.each(hex)('colonHex(%s) = %s (%s)', (h, text) => expect(colonHex(h)).toBe(text));

  it('opensslName: encoded order, " = ", ", " and " + " inside an RDN, quotes around separators', () => {
    const a = (oid: string, value: string) => ({ shortName: null, oid, value, stringType: 'UTF8String' });
    expect(opensslName({ rdns: [[a('2.5.4.6', 'US')], [a('2.5.4.10', 'A, B')], [a('2.5.4.3', 'x'), a('0.9.2342.19200300.100.1.1', 'u')]], rfc4514: '', derHex: '' })).toBe('C = US, O = "A, B", CN = x + UID = u');
  });
});
