/**
 * `breaksIn` from the verifiers that refuse: each finding lists where it breaks in the words the
 * refusing verifier prints (as the lab captured them), with OpenSSL's text also shown the way
 * nginx (as a server checking clients, or as a proxy checking upstreams), curl and Python wrap it.
 */
import type { BreakSite, Finding, FindingCode, Role, Stack } from '../purpose/types';
import { nginxVerifySite, OPENSSL_VERIFY_NUMBERS } from '../purpose/errors';
import { VERIFIER_IDS, type RoleVerifiers, type VerifierAnswer, type VerifierId } from './types';

const STACK: Record<VerifierId, Stack> = { chrome: 'chrome', openssl: 'openssl', go: 'go', java: 'java', webpki: 'webpki' };

/** Finding codes no verifier model decides: their break sites stay the documented ones. */
const NOT_MODELLED: ReadonlySet<FindingCode> = new Set(['LIFETIME_EXCEEDS_PUBLIC_LIMIT', 'SCT_MISSING', 'PRIVATE_KEY_MISMATCH', 'PRIVATE_KEY_ABSENT', 'EXPIRES_SOON', 'KEY_NOT_WEB_COMPATIBLE', 'PUBLIC_CLIENT_AUTH_SUNSET']);

/** Where one verifier's refusal shows up: its own text, and for OpenSSL the nginx, curl and Python forms. */
export function sitesOfAnswer(id: VerifierId, role: Role, a: VerifierAnswer, host: string | null = null): BreakSite[] {
  if (a.accepts || !a.error) return [];
  const sites: BreakSite[] = [{ stack: STACK[id], message: a.error }];
  if (id === 'openssl') {
    const n = OPENSSL_VERIFY_NUMBERS[a.error];
    if (n !== undefined) {
      sites.push(nginxVerifySite(role, n, a.error));
      if (role === 'tlsServer') {
        sites.push({ stack: 'curl', message: `SSL certificate problem: ${a.error}`, versions: 'curl ≤ 8.16' });
        sites.push({ stack: 'curl', message: `SSL certificate OpenSSL verify result: ${a.error} (${n})`, versions: 'curl ≥ 8.17' });
        // Python replaces OpenSSL's host and IP mismatch texts with its own (Modules/_ssl.c).
        const python = n === 62 ? `Hostname mismatch, certificate is not valid for '${host ?? 'HOST'}'.` : n === 64 ? `IP address mismatch, certificate is not valid for '${host ?? 'IP'}'.` : a.error;
        sites.push({ stack: 'python', message: `[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: ${python} (_ssl.c:NNNN)` });
      } else {
        sites.push({ stack: 'openssl', message: 'ssl/tls alert bad certificate', versions: 'what the client then sees (OpenSSL 3.1+; "sslv3 alert bad certificate" in 3.0)' });
      }
    }
  }
  return sites;
}

/** Rewrites each finding's breaksIn from the verifiers whose refusal it explains. */
export function findingsWithVerifierSites(findings: readonly Finding[], role: Role, verifiers: RoleVerifiers, host: string | null = null): Finding[] {
  return findings.map((f) => {
    if (NOT_MODELLED.has(f.code) || !(f.severity === 'fail' || f.severity === 'warn' || f.code === 'CHAIN_PRIVATE_ROOT')) return f;
    const sites: BreakSite[] = [];
    for (const id of VERIFIER_IDS) {
      const raw = verifiers[id];
      if (!raw) continue;
      // A refusal that first stops at an untrusted private root still shows this finding once the root is trusted.
      const order = f.code !== 'CHAIN_PRIVATE_ROOT' && raw.ifRootTrusted ? [raw.ifRootTrusted.answer, raw] : [raw];
      const a = order.find((x): x is VerifierAnswer => x !== undefined && !x.accepts && x.codes.some((c) => c === f.code));
      if (a) sites.push(...sitesOfAnswer(id, role, a, host));
    }
    const { breaksIn: _old, ...rest } = f;
    void _old;
    return sites.length > 0 ? { ...rest, breaksIn: sites } : rest;
  });
}
