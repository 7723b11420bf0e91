// Writes a PEM bundle of N distinct certificates (default 10,000) to
// test/fixtures/generated/bundle-<N>.pem (gitignored), for performance tests.
//
//   node scripts/make-big-bundle.mjs [--count 144] [--out path]
//
// Certificates are built by hand (minimal DER) and signed with ECDSA P-256 /
// SHA-256 by one in-memory CA key, so 10,000 take about a second. Everything
// but the CA key and the signatures is deterministic: serial i, subject
// CN=host-00001.bundle.certscope.test,O=Certscope Bundle, the same name as a
// dNSName SAN, EKU serverAuth, valid 2026-01-01 .. 2027-01-01.
// Importable: `import { makeBigBundle } from './make-big-bundle.mjs'`.
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ext, intHex, octet, oid, seq, set, tlv, utc, utf8 } from '../test/fixtures/tools/der-writer.mjs';

const uint = (n) => intHex(n.toString(16));
const name = (cn, o) => seq(set(seq(oid('2.5.4.10'), utf8(o))), set(seq(oid('2.5.4.3'), utf8(cn))));
const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));
const VALIDITY = seq(utc('260101000000Z'), utc('270101000000Z'));

const keyIdOf = (spki) => {
  // SHA-1 of the subjectPublicKey BIT STRING contents (RFC 5280 method 1).
  // For a P-256 SPKI the BIT STRING is the last 66 bytes: 03 42 00 <65-byte point>.
  return createHash('sha1').update(spki.subarray(spki.length - 65)).digest();
};

const toPem = (der) =>
  `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;

function certificate({ serial, issuer, subject, spki, exts, caKey }) {
  const tbs = seq(tlv(0xa0, uint(2)), uint(serial), ECDSA_SHA256, issuer, VALIDITY, subject, spki, tlv(0xa3, seq(...exts)));
  const sig = sign('sha256', tbs, caKey); // DER-encoded ECDSA signature
  return seq(tbs, ECDSA_SHA256, tlv(0x03, Buffer.from([0]), sig));
}

/**
 * @param {number} [count=10000]
 * @param {{ withCa?: boolean }} [opts] withCa: append the self-signed CA as one more block
 * @returns {string} PEM text of `count` distinct leaf certificates
 */
export function makeBigBundle(count = 10000, opts = {}) {
  const { privateKey: caKey, publicKey: caPub } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const caSpki = caPub.export({ type: 'spki', format: 'der' });
  const caKeyId = keyIdOf(caSpki);
  const caName = name('Certscope Bundle CA', 'Certscope Bundle');
  // Leaves share one public key (the CA's own key would be confusing; use a second key).
  const { publicKey: leafPub } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const leafSpki = leafPub.export({ type: 'spki', format: 'der' });
  const aki = ext('2.5.29.35', false, seq(tlv(0x80, caKeyId)));
  const skiLeaf = ext('2.5.29.14', false, octet(keyIdOf(leafSpki)));
  const bc = ext('2.5.29.19', true, seq());
  const ku = ext('2.5.29.15', true, tlv(0x03, Buffer.from([0x07, 0x80]))); // digitalSignature
  const eku = ext('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1')));
  const parts = [];
  for (let i = 1; i <= count; i++) {
    const host = `host-${String(i).padStart(5, '0')}.bundle.certscope.test`;
    const san = ext('2.5.29.17', false, seq(tlv(0x82, Buffer.from(host, 'latin1'))));
    parts.push(toPem(certificate({
      serial: 0x5000000 + i, issuer: caName, subject: name(host, 'Certscope Bundle'), spki: leafSpki,
      exts: [bc, ku, eku, skiLeaf, aki, san], caKey,
    })));
  }
  if (opts.withCa) {
    const caExts = [
      ext('2.5.29.19', true, seq(Buffer.from([0x01, 0x01, 0xff]))),
      ext('2.5.29.15', true, tlv(0x03, Buffer.from([0x01, 0x06]))), // keyCertSign, cRLSign
      ext('2.5.29.14', false, octet(caKeyId)),
    ];
    parts.push(toPem(certificate({ serial: 0x5000000, issuer: caName, subject: caName, spki: caSpki, exts: caExts, caKey })));
  }
  return parts.join('');
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const arg = (flag) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const count = Number(arg('--count') ?? 10000);
  if (!Number.isInteger(count) || count < 1) throw new Error('--count must be a positive integer');
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const out = arg('--out') ?? join(root, 'test/fixtures/generated', `bundle-${count}.pem`);
  const t0 = Date.now();
  const pem = makeBigBundle(count, { withCa: args.includes('--with-ca') });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, pem);
  console.log(`wrote ${count} certificates (${pem.length} bytes) to ${out} in ${Date.now() - t0} ms`);
}
