/**
 * The lab's fast subset in the default test run: real verifiers on this machine (openssl verify,
 * Go 1.19, Java 17, pyca/cryptography; real Chromium page loads and OpenSSL handshakes on
 * loopback) against the engine's models, on at least one case per verifier per finding family.
 * The full sweep is `npm run lab`. A verifier that cannot run here is skipped with the reason
 * and the command that installs it; `.ci/run` installs them all.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LabCase, LabResult } from './engine';
import { compare, loadFixtureCases, loadKnown, loadLimbo, realResults, type Comparison } from './run';

/** One case per finding family, both roles where the fixture has them. */
const FIXTURE_SUBSET = [
  'good', 'good-ec', 'missing-intermediate-no-aia', 'missing-intermediate-aia', 'cn-only', 'cn-not-in-san', 'cn-only-ip', 'wildcard-partial', 'underscore-dns', 'ip-san',
  'any-eku-leaf', 'no-eku-leaf', 'eku-client-only', 'int-eku-server-only', 'root-eku-codesigning', 'unknown-critical-leaf', 'unknown-critical-intermediate', 'unknown-critical-root',
  'revoked-leaf', 'revoked-intermediate', 'weak-intermediate-rsa1024', 'weak-leaf-rsa1024', 'sha1-leaf', 'expired-leaf', 'expired-intermediate', 'path-len-exceeded',
  'issuer-not-ca', 'ku-no-digital-signature-ec', 'ca-as-leaf', 'v1-intermediate', 'duplicate-extension', 'ed25519-leaf',
  'nc-dns-permitted-violation', 'nc-wildcard-vs-excluded', 'nc-cn-only-under-dns-constraint', 'nc-ip-v4-mapped-ipv6', 'nc-email-subject-with-san', 'nc-smtputf8', 'nc-uri-ip-host', 'nc-unsupported-form-critical', 'nc-dirname-permitted-violation',
];
/** Real handshakes (Chromium page loads, OpenSSL s_server/s_client) cost seconds each: a smaller set. */
const HANDSHAKE_SUBSET = ['good', 'missing-intermediate-no-aia', 'missing-intermediate-aia', 'cn-only', 'expired-leaf', 'int-eku-server-only', 'sha1-leaf', 'eku-client-only'];
const LIMBO_SUBSET = /^(pathlen::intermediate-violates-pathlen-0|rfc5280::nc::(permitted-dns-match|excluded-dns-match)|rfc5280::ee-critical-aia-invalid|webpki::san::wildcard-embedded-leftmost-san|webpki::eku::ee-anyeku|rfc5280::validity::expired-root|pathological::nc-dos-1|rfc5280::duplicate-extensions|webpki::forbidden-dsa-spki-leaf)$/u;

const inSubset = (c: LabCase, names: readonly string[]): boolean => names.some((n) => c.id === `fixture::${n}::server` || c.id === `fixture::${n}::client`);

let cases: LabCase[] = [];
let real: LabResult[] = [];
let rows: Comparison[] = [];

beforeAll(async () => {
  const setup = await import('../setup.mjs');
  const s = await setup.setupLab({ quiet: true });
  const direct = Object.entries(s.verifiers).filter(([, v]) => v.available).map(([k]) => k);
  for (const [k, v] of Object.entries(s.verifiers)) if (!v.available) console.warn(`lab: ${k} unavailable here (${v.reason ?? ''}); to run it: ${v.fix ?? ''}`);
  const fixtures = loadFixtureCases();
  const limbo = (await loadLimbo()).filter((c) => LIMBO_SUBSET.test(c.id.replace(/^limbo::/u, '')));
  cases = [...fixtures.filter((c) => inSubset(c, FIXTURE_SUBSET)), ...limbo];
  const hsCases = fixtures.filter((c) => inSubset(c, HANDSHAKE_SUBSET));
  real = [...(await realResults(cases, direct, false)), ...(await realResults(hsCases, ['chrome', 'openssl-handshake'], false))];
  rows = await compare([...cases, ...hsCases], real);
}, 300_000);

describe('lab subset: engine models agree with the real verifiers', () => {
  it('ran every verifier family on the subset', () => {
    const ran = new Set(rows.map((r) => r.verifier));
    for (const v of ['openssl', 'go', 'java', 'webpki', 'chrome', 'openssl-handshake']) expect(ran.has(v), `${v} produced results (see warnings above if it is unavailable)`).toBe(true);
    expect(rows.length).toBeGreaterThan(150);
  });
  it('agrees on accepts for every case, or the difference is listed with its reason', () => {
    const bad = rows.filter((r) => !r.acceptsAgree && r.known?.field !== 'accepts').map((r) => `[${r.verifier}] ${r.id}: real ${r.real.accepts ? 'accepts' : `refuses (${r.real.error ?? ''})`}, engine ${r.engine.accepts ? 'accepts' : `refuses (${r.engine.error ?? ''})`}`);
    expect(bad).toEqual([]);
  });
  it("prints the verifier's own error text when both refuse", () => {
    const bad = rows.filter((r) => r.acceptsAgree && !r.errorAgree && r.known === null).map((r) => `[${r.verifier}] ${r.id}: real "${r.real.error ?? ''}" engine "${r.engine.error ?? ''}"`);
    expect(bad).toEqual([]);
  });
  it('keeps the table of deliberate differences nearly empty and explained', () => {
    const known = loadKnown();
    for (const k of known) expect(k.reason.length, `${k.verifier} ${k.id}`).toBeGreaterThan(20);
    expect(known.length).toBeLessThan(15);
  });
});
