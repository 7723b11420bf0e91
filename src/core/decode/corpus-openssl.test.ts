/**
 * Every certificate of ../shared/corpus (pyca PEM and DER files, the PKCS#7 bundle, every
 * certificate of the x509-limbo cases) through our decoder and through `openssl x509 -noout
 * -text`. Counts those openssl prints and we refuse: there must be none. Any refusal of ours names
 * its reason and openssl refuses that certificate too.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CoreFailure } from '../model';
import { decodeCertificate } from './index';
import { decodeInput } from '../decode-input';
import { corpusCertificates, corpusPkcs12, OPENSSL_PRESENT, opensslPkcs12Certificates, opensslPrintsMany, SHARED_CORPUS, SHARED_CORPUS_PRESENT } from './testing/openssl-corpus';

const SKIP = !SHARED_CORPUS_PRESENT ? `SKIPPED: ${SHARED_CORPUS} is absent (a clone without ../shared)` : !OPENSSL_PRESENT ? 'SKIPPED: no openssl on PATH' : null;
if (SKIP) console.warn(`[corpus vs openssl] ${SKIP}`);

describe.skipIf(SKIP !== null)(SKIP ?? 'shared corpus: what openssl shows, we show', () => {
  it('no certificate that openssl prints is refused', async () => {
    const certs = corpusCertificates();
    const counts = { certificates: certs.length, shownByBoth: 0, refusedByUsOnly: 0, refusedByBoth: 0, refusedByOpensslOnly: 0, withDecodeWarnings: 0 };
    const refusedByUs: string[] = [];
    const refusedByBoth: string[] = [];
    const printed = opensslPrintsMany(certs.map((c) => c.der));
    for (const [i, c] of certs.entries()) {
      const o = printed[i] ?? { ok: false, error: 'not asked' };
      let ours: string | null = null;
      try {
        const model = await decodeCertificate(c.der, { offset: 0 });
        if (model.decodeWarnings.length > 0) counts.withDecodeWarnings++;
      } catch (e) {
        expect(e, c.name).toBeInstanceOf(CoreFailure);
        ours = (e as CoreFailure).message;
      }
      if (ours === null) {
        if (o.ok) counts.shownByBoth++;
        else counts.refusedByOpensslOnly++;
      } else if (o.ok) {
        counts.refusedByUsOnly++;
        refusedByUs.push(`${c.name}: ${ours}`);
      } else {
        counts.refusedByBoth++;
        refusedByBoth.push(`${c.name}: ${ours} | openssl: ${o.error}`);
      }
    }
    console.log(`[corpus vs openssl] ${JSON.stringify(counts)}${refusedByBoth.length ? `\n refused by both:\n  ${refusedByBoth.join('\n  ')}` : ''}`);
    expect(counts.certificates).toBeGreaterThan(400);
    expect(refusedByUs).toEqual([]);
    for (const r of refusedByBoth) expect(r).toMatch(/: \S.*\| openssl: /);
  }, 300_000);

  it('every certificate openssl reads from the corpus PKCS#12 files is shown', async () => {
    const passwords = ['cryptography', 'password', ''];
    const short: string[] = [];
    let theirs = 0;
    let ours = 0;
    for (const f of corpusPkcs12()) {
      const o = opensslPkcs12Certificates(f.path, passwords);
      const d = await decodeInput({ name: f.name, bytes: f.bytes }, { passwords });
      theirs += o;
      ours += d.certificates.length;
      if (d.certificates.length < o) short.push(`${f.name}: openssl ${o}, certscope ${d.certificates.length} (${d.errors.map((e) => e.message).join('; ')})`);
    }
    console.log(`[corpus vs openssl] PKCS#12: openssl shows ${theirs} certificates, certscope ${ours}`);
    expect(short).toEqual([]);
  }, 300_000);
});

describe.skipIf(!OPENSSL_PRESENT)(OPENSSL_PRESENT ? 'asking openssl about many certificates at once' : 'SKIPPED: no openssl on PATH', () => {
  const good = (name: string) => new Uint8Array(Buffer.from(readFileSync(new URL(`../../../test/fixtures/${name}`, import.meta.url), 'utf8').replace(/-----[^-]+-----|\s/g, ''), 'base64'));
  const garbage = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]);
  const rows: [string, Uint8Array[], boolean[], string][] = [
    ['all readable', [good('leaves/server.pem'), good('pki/root.pem'), good('leaves/ec-p384.pem')], [true, true, true], 'one bundle, two processes'],
    ['one unreadable among them', [good('leaves/server.pem'), garbage, good('pki/root.pem'), good('leaves/ec-p384.pem')], [true, false, true, true], 'the batch fails and is split until the bad one stands alone'],
    ['only unreadable', [garbage, garbage], [false, false], 'each is asked on its own in the end'],
  ];
  it.each(rows)('%s → %j (%s)', (_label, ders, expected) => {
    const answers = opensslPrintsMany(ders);
    expect(answers.map((a) => a.ok)).toEqual(expected);
    for (const a of answers) if (!a.ok) expect(a.error).not.toBe('');
  });
});
