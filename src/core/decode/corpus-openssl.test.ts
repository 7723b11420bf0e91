/**
 * Every certificate of ../shared/corpus (pyca PEM and DER files, the PKCS#7 bundle, every
 * certificate of the x509-limbo cases) through our decoder and through `openssl x509 -noout
 * -text`. Counts those openssl prints and we refuse: there must be none. Any refusal of ours names
 * its reason and openssl refuses that certificate too.
 */
import { describe, expect, it } from 'vitest';
import { CoreFailure } from '../model';
import { decodeCertificate } from './index';
import { decodeInput } from '../decode-input';
import { corpusCertificates, corpusPkcs12, OPENSSL_PRESENT, opensslPkcs12Certificates, opensslPrints, SHARED_CORPUS, SHARED_CORPUS_PRESENT } from './testing/openssl-corpus';

const SKIP = !SHARED_CORPUS_PRESENT ? `SKIPPED: ${SHARED_CORPUS} is absent (a clone without ../shared)` : !OPENSSL_PRESENT ? 'SKIPPED: no openssl on PATH' : null;
if (SKIP) console.warn(`[corpus vs openssl] ${SKIP}`);

describe.skipIf(SKIP !== null)(SKIP ?? 'shared corpus: what openssl shows, we show', () => {
  it('no certificate that openssl prints is refused', async () => {
    const certs = corpusCertificates();
    const counts = { certificates: certs.length, shownByBoth: 0, refusedByUsOnly: 0, refusedByBoth: 0, refusedByOpensslOnly: 0, withDecodeWarnings: 0 };
    const refusedByUs: string[] = [];
    const refusedByBoth: string[] = [];
    for (const c of certs) {
      const o = opensslPrints(c.der);
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
