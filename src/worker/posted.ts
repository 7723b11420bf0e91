/**
 * What the Worker posts of an analysis (protocol.ts): certificates carry their subject instead of
 * their model, and each role says only which verifiers refuse and its findings' codes and
 * severities; the answers themselves (error text, fix, path) and the findings in full (message,
 * where each breaks) stay in the Worker until the detail view asks for one certificate's. Ten
 * thousand certificates × two roles × five verifiers of answers would otherwise be copied across
 * the Worker boundary for rows nobody opens.
 */
import type { Finding } from '@/core/purpose/types';
import type { SessionAnalysis, SessionCertificate, RoleResult } from '@/core/session';
import type { RoleVerifiers, VerifierAnswer, VerifierId } from '@/core/verify/types';
import { nameSummaryOf } from './page-input';
import type { PostedAnalysis, PostedCertificate, PostedFinding, PostedRoleResult, RoleVerifierSummary, VerifierAnswers } from './protocol';

/** The order verifiers are listed in everywhere (suitability.md's table). */
const ORDER: readonly VerifierId[] = ['chrome', 'openssl', 'go', 'java', 'webpki'];

/** Which verifiers answered, which refuse outright, and which refuse only until a loaded private root is trusted. */
export function summarizeVerifiers(verifiers: RoleVerifiers): RoleVerifierSummary {
  const answered: VerifierId[] = [];
  const refusing: VerifierId[] = [];
  const refusingUntilRootTrusted: VerifierId[] = [];
  for (const id of ORDER) {
    const a: VerifierAnswer | undefined = verifiers[id];
    if (!a) continue;
    answered.push(id);
    if (a.accepts) continue;
    // Judged like the verdict (verify/verdict.ts): a refusal that only asks for the person's own root is read as the answer once it is trusted.
    if (a.ifRootTrusted?.answer.accepts) refusingUntilRootTrusted.push(id);
    else refusing.push(id);
  }
  return { answered, refusing, refusingUntilRootTrusted };
}

/** A finding as the overview needs it: its code and severity; its message and where it breaks come with the answers. */
function postFinding({ code, severity }: Finding): PostedFinding {
  return { code, severity };
}

function postRole({ verifiers, findings, ...rest }: RoleResult): PostedRoleResult {
  return { ...rest, findings: findings.map(postFinding), ...summarizeVerifiers(verifiers) };
}

export function postCertificate({ certificate, suitability, ...rest }: SessionCertificate): PostedCertificate {
  return { ...rest, subject: nameSummaryOf(certificate.subject), suitability: { tlsServer: postRole(suitability.tlsServer), tlsClient: postRole(suitability.tlsClient) } };
}

export function postAnalysis(id: number, { inputs: _inputs, crls: _crls, privateKeys, certificates, ...rest }: SessionAnalysis): PostedAnalysis {
  return { ...rest, id, certificates: certificates.map(postCertificate), privateKeys: privateKeys.map(({ sha256, certificate }) => ({ sha256, certificate })) };
}

/** The answers of one certificate (both roles), with its findings in full (breaksIn included). */
export function verifierAnswersOf(roles: { readonly tlsServer: RoleResult; readonly tlsClient: RoleResult }): VerifierAnswers {
  return { tlsServer: roles.tlsServer.verifiers, tlsClient: roles.tlsClient.verifiers, findings: { tlsServer: roles.tlsServer.findings, tlsClient: roles.tlsClient.findings } };
}
