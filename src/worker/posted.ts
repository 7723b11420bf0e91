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
import type { ChainForest, ChainLink, ChainTree } from '@/core/chain/types';
import { nameSummaryOf } from './page-input';
import { SameValues } from './same-values';
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

/** A certificate as posted; what it has in common with others (sources, revocation state, both roles' results, name parts) is shared through `values`. */
export function postCertificate({ certificate, suitability, sources, revocation, ...rest }: SessionCertificate, values: SameValues = new SameValues()): PostedCertificate {
  return {
    ...rest,
    sources: values.same(sources),
    revocation: values.same(revocation),
    subject: nameSummaryOf(certificate.subject, values),
    suitability: postSuitability(suitability, values),
  };
}

/** Both roles' results as posted (one object for every certificate whose results are the same). */
export function postSuitability(roles: { readonly tlsServer: RoleResult; readonly tlsClient: RoleResult }, values: SameValues): PostedCertificate['suitability'] {
  return values.same({ tlsServer: postRole(roles.tlsServer), tlsClient: postRole(roles.tlsClient) });
}

/** A link as posted: a link to the same intermediate or root, checked the same way, is one object for every path through it. */
function postLink(link: ChainLink, values: SameValues): ChainLink {
  return values.same({ ...link, signature: values.same(link.signature), profileProblems: values.same(link.profileProblems) });
}

function postTree(tree: ChainTree, values: SameValues): ChainTree {
  return { ...tree, paths: tree.paths.map((path) => ({ ...path, links: path.links.map((l) => postLink(l, values)), missingIssuer: path.missingIssuer && values.same(path.missingIssuer) })) };
}

function postForest(forest: ChainForest, values: SameValues): ChainForest {
  const trees: Record<string, ChainTree> = {};
  for (const [sha, tree] of Object.entries(forest.trees)) trees[sha] = postTree(tree, values);
  return { ...forest, trees };
}

export function postAnalysis(id: number, { inputs: _inputs, crls: _crls, privateKeys, certificates, forest, ...rest }: SessionAnalysis): PostedAnalysis {
  const values = new SameValues();
  return {
    ...rest,
    id,
    certificates: certificates.map((c) => postCertificate(c, values)),
    forest: postForest(forest, values),
    privateKeys: privateKeys.map(({ sha256, certificate }) => ({ sha256, certificate })),
  };
}

/** The answers of one certificate (both roles), with its findings in full (breaksIn included). */
export function verifierAnswersOf(roles: { readonly tlsServer: RoleResult; readonly tlsClient: RoleResult }): VerifierAnswers {
  return { tlsServer: roles.tlsServer.verifiers, tlsClient: roles.tlsClient.verifiers, findings: { tlsServer: roles.tlsServer.findings, tlsClient: roles.tlsClient.findings } };
}
