/**
 * The mTLS pair check (suitability.md, "mTLS pair check"): one server and one client certificate,
 * checked in both directions of trust. The tool sees certificates, never the peers, so what it
 * says about configuration is a requirement ("configure the server to trust X"), never a fact
 * about a server or client it cannot see. Whether each certificate is accepted for its role comes
 * from the per-verifier answers of the session analysis.
 *
 * Pairs are made only from what the person picked, or from what is plausibly a pair: the client's
 * issuer is loaded, or both came in the same input (pickMtlsPair).
 */
import type { ChainForest, ChainPath } from '../chain/types';
import { extendedKeyUsages, isCa, OID } from '../chain/facts';
import { commonNameOf } from '../display';
import { toPem } from '../export';
import type { CertificateModel } from '../model';
import type { RoleVerifiers, VerifierId } from '../verify/types';
import type { Finding, Verdict } from './types';

/** Why these two are checked together. */
export type MtlsPairing = 'picked' | 'same-input' | 'issuer-loaded';

/**
 * pass: known to hold; fail: known not to hold; action: holds once a side is configured as the
 * item says; unknown: the loaded certificates cannot tell.
 */
export type MtlsItemState = 'pass' | 'fail' | 'action' | 'unknown';

export type MtlsItemId = 'server-role' | 'client-role' | 'client-trusts-server-ca' | 'server-trusts-client-ca' | 'validity' | 'server-chain';

export interface MtlsItem {
  readonly id: MtlsItemId;
  readonly label: string;
  readonly state: MtlsItemState;
  readonly detail: string;
}

/** A CA one side must trust: the top of the other side's chain. */
export interface MtlsCa {
  readonly sha256: string;
  readonly subject: string;
  /** The most readable name (CN, else O). */
  readonly name: string;
  /** A file name for it in config lines: lowercase letters, digits and dashes only. */
  readonly fileName: string;
  /** builtin: in the built-in (Mozilla) store; session-trusted: a root the person trusted here; private: a self-signed root no default store holds. */
  readonly kind: 'builtin' | 'session-trusted' | 'private';
  readonly pem: string;
}

export type MtlsStack = 'nginx' | 'envoy' | 'go' | 'java';

export interface MtlsConfig {
  readonly stack: MtlsStack;
  /** The side these lines configure. */
  readonly side: 'server' | 'client';
  readonly lines: string;
}

export interface MtlsPairCheck {
  readonly server: string;
  readonly client: string;
  readonly pairing: MtlsPairing;
  readonly items: readonly MtlsItem[];
  /** What the client must trust (the top of the server's chain); null when its chain stops at an issuer that is not loaded. */
  readonly serverCa: MtlsCa | null;
  /** What the server must trust for client certificates (the top of the client's chain); null when unknown. */
  readonly clientCa: MtlsCa | null;
  /** Config lines per stack and side. */
  readonly config: readonly MtlsConfig[];
  /** True when no item fails and none is unknown (items that need configuration count as fine). */
  readonly ok: boolean;
  /**
   * True when a side's verifier answers were left for later (a large session's analysis): its
   * role item is unknown until the pair is checked again with them (the page then asks the engine).
   */
  readonly answersDeferred: boolean;
}

/** One role's result as the session has it: verdict, findings and every verifier's answer. */
export interface MtlsRole {
  readonly verdict: Verdict;
  readonly findings: readonly Finding[];
  readonly verifiers: RoleVerifiers;
  readonly verifiersDeferred?: boolean;
}

/** The parts of a session certificate this check reads (keeps it independent of session.ts). */
export interface MtlsSide {
  readonly sha256: string;
  readonly certificate: CertificateModel;
  readonly sources: readonly string[];
  readonly chain: { readonly status: string; readonly pathIndex: number | null; readonly path: readonly string[] };
  readonly suitability: { readonly tlsServer: MtlsRole; readonly tlsClient: MtlsRole };
}

export interface MtlsLookup {
  readonly certificates: readonly MtlsSide[];
  /** Anchors some path ends at that were not loaded (built-in roots). */
  readonly anchors: readonly CertificateModel[];
  readonly forest: ChainForest;
}

const VERIFIER_NAME: Record<VerifierId, string> = { chrome: 'Chrome', openssl: 'OpenSSL', go: 'Go', java: 'Java', webpki: 'webpki' };
const VERIFIER_ORDER: readonly VerifierId[] = ['chrome', 'openssl', 'go', 'java', 'webpki'];

/** A certificate field inside config text: printable ASCII only, so it can never break a line or a quote. */
function configSafe(text: string, max = 80): string {
  const clean = Array.from(text, (ch) => (/^[\x20-\x7e]$/u.test(ch) && ch !== '`' ? ch : '?')).join('');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** "Certscope Test Root CA" → "certscope-test-root-ca.pem". */
export function caFileName(name: string, fallback: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 48)
    .replace(/-+$/u, '');
  return `${slug || fallback}.pem`;
}

function listNames(ids: readonly VerifierId[]): string {
  const names = ids.map((id) => VERIFIER_NAME[id]);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** The role item from the verifiers' answers: who accepts, who accepts once a private root is trusted, who refuses and why. */
function roleItem(id: 'server-role' | 'client-role', side: MtlsSide, role: MtlsRole, peer: string): MtlsItem {
  const what = id === 'server-role' ? 'server' : 'client';
  const label = `The ${what} certificate is accepted for the TLS ${what} role`;
  const subject = side.certificate.subject.rfc4514;
  if (role.verifiersDeferred) {
    return { id, label, state: 'unknown', detail: `${subject}: the verifiers' answers were left for later in this large session, so this pair must be checked again with them.` };
  }
  const accepting: VerifierId[] = [];
  const onceTrusted: VerifierId[] = [];
  const refusing: { id: VerifierId; error: string }[] = [];
  for (const v of VERIFIER_ORDER) {
    const a = role.verifiers[v];
    if (!a) continue;
    if (a.accepts) accepting.push(v);
    else if (a.ifRootTrusted?.answer.accepts) onceTrusted.push(v);
    else refusing.push({ id: v, error: a.error ?? 'refused' });
  }
  if (accepting.length + onceTrusted.length + refusing.length === 0) {
    return { id, label, state: 'unknown', detail: `${subject}: no verifier answered for this role.` };
  }
  if (refusing.length > 0) {
    const why = refusing.map((r) => `${VERIFIER_NAME[r.id]}: ${r.error}`).join('; ');
    const accepted = accepting.length + onceTrusted.length > 0 ? ` Accepted by ${listNames([...accepting, ...onceTrusted])}.` : '';
    return { id, label, state: 'fail', detail: `${subject}: refused by ${listNames(refusing.map((r) => r.id))} (${why}).${accepted}` };
  }
  if (onceTrusted.length > 0) {
    return { id, label, state: 'pass', detail: `${subject}: accepted by ${listNames([...accepting, ...onceTrusted])} once the ${peer} trusts its private root (see below).` };
  }
  return { id, label, state: 'pass', detail: `${subject}: accepted by ${listNames(accepting)}.` };
}

/** The path the session shows for a side (its best one). */
function pathOf(side: MtlsSide, forest: ChainForest): ChainPath | undefined {
  const paths = forest.trees[side.sha256]?.paths ?? [];
  return side.chain.pathIndex === null ? undefined : paths[side.chain.pathIndex];
}

function caOf(path: ChainPath | undefined, find: (sha: string) => CertificateModel | undefined): MtlsCa | null {
  // Only a path that reaches a root (or a trusted anchor) names the CA; one that stops at a missing issuer does not.
  if (!path || (path.end !== 'anchor' && path.end !== 'self-signed')) return null;
  const top = path.links[path.links.length - 1];
  const cert = top ? find(top.sha256) : undefined;
  if (!cert) return null;
  const kind: MtlsCa['kind'] = path.anchor === 'builtin' ? 'builtin' : path.anchor === 'session-trusted' ? 'session-trusted' : 'private';
  const name = commonNameOf(cert.subject);
  return { sha256: cert.sha256Hex, subject: cert.subject.rfc4514, name, fileName: caFileName(name, 'ca'), kind, pem: toPem(cert.der, 'CERTIFICATE') };
}

function missingIssuerOf(path: ChainPath | undefined): string {
  return path?.missingIssuer?.issuerName || 'an issuer that is not loaded';
}

function trustItem(id: 'client-trusts-server-ca' | 'server-trusts-client-ca', ca: MtlsCa | null, path: ChainPath | undefined, status: string): MtlsItem {
  const toServer = id === 'server-trusts-client-ca';
  const who = toServer ? 'server' : 'client';
  const whose = toServer ? "client's" : "server's";
  const label = toServer ? "What the server must trust: the client's CA" : "What the client must trust: the server's CA";
  if (status === 'invalid') return { id, label, state: 'fail', detail: `A signature on the ${whose} chain does not verify: no trust setting fixes that; reissue the certificate.` };
  if (!ca) {
    const where = path?.end === 'missing-issuer' ? `stops at ${missingIssuerOf(path)}, which is not loaded` : 'does not reach a root here';
    return { id, label, state: 'unknown', detail: `The ${whose} chain ${where}: which CA the ${who} must trust cannot be known from these files. Load the ${whose} intermediate and root certificates.` };
  }
  if (toServer) {
    if (ca.kind === 'builtin') {
      return {
        id,
        label,
        state: 'action',
        detail: `The client certificate chains to ${ca.subject}, a public root (built-in store). Configure the server to trust it for client certificates only if you mean to accept every client certificate that CA issues; public CAs stop issuing client-authentication certificates in 2026 (PUBLIC_CLIENT_AUTH_SUNSET), so prefer a private client CA.`,
      };
    }
    return { id, label, state: 'action', detail: `Configure the server to trust ${ca.subject} as its client CA (the file ${ca.fileName} below); servers use no default store for client certificates.` };
  }
  if (ca.kind === 'builtin') {
    return { id, label, state: 'pass', detail: `The server's chain ends at ${ca.subject}, a root of the built-in (Mozilla) store: clients that use their default trust store have it; a client with its own trust store must include it.` };
  }
  return { id, label, state: 'action', detail: `The server's chain ends at ${ca.subject}, a private CA that no default trust store holds: configure the client to trust it (the file ${ca.fileName} below).` };
}

function validityItem(server: MtlsSide, client: MtlsSide): MtlsItem {
  const label = 'Both certificates and their issuers are within their validity';
  const problems: string[] = [];
  const check = (side: MtlsSide, role: MtlsRole, what: string): void => {
    for (const f of role.findings) {
      if (f.severity !== 'fail') continue;
      if (f.code === 'EXPIRED' || f.code === 'NOT_YET_VALID') problems.push(`${what} ${side.certificate.subject.rfc4514}: ${f.code === 'EXPIRED' ? 'expired' : 'not yet valid'} (${side.certificate.notBefore} – ${side.certificate.notAfter})`);
      if (f.code === 'CHAIN_ISSUER_EXPIRED') problems.push(`${what}'s chain: ${f.message}`);
    }
  };
  check(server, server.suitability.tlsServer, 'server certificate');
  check(client, client.suitability.tlsClient, 'client certificate');
  return problems.length === 0
    ? { id: 'validity', label, state: 'pass', detail: 'Neither certificate nor any issuer on their chains is expired or not yet valid at the evaluation time.' }
    : { id: 'validity', label, state: 'fail', detail: `${problems.join('; ')}.` };
}

function serverChainItem(server: MtlsSide, path: ChainPath | undefined): MtlsItem {
  const label = "The server's chain is complete";
  const intermediates = path ? Math.max(0, path.links.length - (path.end === 'anchor' || path.end === 'self-signed' ? 2 : 1)) : 0;
  if (server.chain.status === 'invalid') return { id: 'server-chain', label, state: 'fail', detail: 'A signature on the server chain does not verify.' };
  if (server.chain.status === 'trusted' || server.chain.status === 'private-root') {
    const send = intermediates === 0 ? 'The server certificate is issued by the root itself: no intermediate to send.' : `Configure the server to send its certificate with ${intermediates === 1 ? 'its intermediate' : `its ${intermediates} intermediates`} (a full-chain file); most clients do not fetch missing ones.`;
    return { id: 'server-chain', label, state: 'pass', detail: `Every issuer up to the root is loaded. ${send}` };
  }
  return { id: 'server-chain', label, state: 'unknown', detail: `The server certificate's chain stops at ${missingIssuerOf(path)}, which is not loaded. The server must send that intermediate; load it here to check the rest.` };
}

function configLines(serverCa: MtlsCa | null, clientCa: MtlsCa | null, clientIntermediates: number): MtlsConfig[] {
  const serverCaFile = serverCa ? serverCa.fileName : 'server-ca.pem';
  const clientCaFile = clientCa ? clientCa.fileName : 'client-ca.pem';
  const clientCaNote = clientCa ? `# ${configSafe(clientCa.subject)}` : '# the CA that issued the client certificate (not loaded here)';
  const publicServer = serverCa?.kind === 'builtin';
  const serverCaNote = serverCa ? `# ${configSafe(serverCa.subject)}${publicServer ? ' (public: in the system bundle)' : ''}` : '# the CA at the top of the server chain (not loaded here)';
  const nginxServerTrust = publicServer ? '/etc/ssl/certs/ca-certificates.crt' : `/etc/nginx/${serverCaFile}`;
  const envoyServerTrust = publicServer ? '/etc/ssl/certs/ca-certificates.crt' : `/etc/envoy/${serverCaFile}`;
  // OpenSSL 3 reads depth 1 (nginx's default) as one intermediate under the trust anchor; older
  // OpenSSL counted one lower, so one more is set: harmless, and works with both.
  const depth = clientIntermediates > 0 ? [`ssl_verify_depth       ${clientIntermediates + 1};  # the client's chain has ${clientIntermediates} intermediate${clientIntermediates === 1 ? '' : 's'}`] : [];
  return [
    {
      stack: 'nginx',
      side: 'server',
      lines: [
        'ssl_certificate        /etc/nginx/server-fullchain.pem;',
        'ssl_certificate_key    /etc/nginx/server.key;',
        clientCaNote,
        `ssl_client_certificate /etc/nginx/${clientCaFile};`,
        'ssl_verify_client      on;',
        ...depth,
      ].join('\n'),
    },
    {
      stack: 'nginx',
      side: 'client',
      lines: [
        '# nginx as the client (proxy_pass https://…):',
        'proxy_ssl_certificate         /etc/nginx/client.pem;',
        'proxy_ssl_certificate_key     /etc/nginx/client.key;',
        serverCaNote,
        `proxy_ssl_trusted_certificate ${nginxServerTrust};`,
        'proxy_ssl_verify              on;',
      ].join('\n'),
    },
    {
      stack: 'envoy',
      side: 'server',
      lines: [
        '# DownstreamTlsContext',
        'require_client_certificate: true',
        'common_tls_context:',
        '  tls_certificates:',
        '  - certificate_chain: { filename: /etc/envoy/server-fullchain.pem }',
        '    private_key: { filename: /etc/envoy/server.key }',
        '  validation_context:',
        `    ${clientCaNote}`,
        `    trusted_ca: { filename: /etc/envoy/${clientCaFile} }`,
      ].join('\n'),
    },
    {
      stack: 'envoy',
      side: 'client',
      lines: [
        '# UpstreamTlsContext',
        'common_tls_context:',
        '  tls_certificates:',
        '  - certificate_chain: { filename: /etc/envoy/client.pem }',
        '    private_key: { filename: /etc/envoy/client.key }',
        '  validation_context:',
        `    ${serverCaNote}`,
        `    trusted_ca: { filename: ${envoyServerTrust} }`,
      ].join('\n'),
    },
    {
      stack: 'go',
      side: 'server',
      lines: [
        `// ${clientCaNote.slice(2)}`,
        `caPEM, _ := os.ReadFile("${clientCaFile}")`,
        'clientCAs := x509.NewCertPool()',
        'clientCAs.AppendCertsFromPEM(caPEM)',
        'cert, _ := tls.LoadX509KeyPair("server-fullchain.pem", "server.key")',
        'cfg := &tls.Config{',
        '\tCertificates: []tls.Certificate{cert},',
        '\tClientCAs:    clientCAs,',
        '\tClientAuth:   tls.RequireAndVerifyClientCert,',
        '}',
      ].join('\n'),
    },
    {
      stack: 'go',
      side: 'client',
      lines: publicServer
        ? [
            'cert, _ := tls.LoadX509KeyPair("client.pem", "client.key")',
            'cfg := &tls.Config{',
            '\tCertificates: []tls.Certificate{cert},',
            `\t// RootCAs nil: the system roots, which include ${configSafe(serverCa?.name ?? '')}`,
            '}',
          ].join('\n')
        : [
            `// ${serverCaNote.slice(2)}`,
            `caPEM, _ := os.ReadFile("${serverCaFile}")`,
            'serverCAs := x509.NewCertPool()',
            'serverCAs.AppendCertsFromPEM(caPEM)',
            'cert, _ := tls.LoadX509KeyPair("client.pem", "client.key")',
            'cfg := &tls.Config{',
            '\tCertificates: []tls.Certificate{cert},',
            '\tRootCAs:      serverCAs,',
            '}',
          ].join('\n'),
    },
    {
      stack: 'java',
      side: 'server',
      lines: [
        clientCaNote,
        `keytool -importcert -noprompt -alias client-ca -file ${clientCaFile} \\`,
        '  -keystore truststore.p12 -storetype PKCS12 -storepass changeit',
        'java -Djavax.net.ssl.trustStore=truststore.p12 -Djavax.net.ssl.trustStorePassword=changeit \\',
        '  -Djavax.net.ssl.keyStore=server.p12 -Djavax.net.ssl.keyStorePassword=changeit …',
        '# and require client certificates: SSLParameters.setNeedClientAuth(true)',
        '# (Spring Boot: server.ssl.client-auth=need; Tomcat: certificateVerification="required")',
      ].join('\n'),
    },
    {
      stack: 'java',
      side: 'client',
      lines: [
        ...(publicServer ? [`# only when the client uses its own truststore instead of the JDK's cacerts: ${configSafe(serverCa?.subject ?? '')}`] : [serverCaNote]),
        `keytool -importcert -noprompt -alias server-ca -file ${serverCaFile} \\`,
        '  -keystore truststore.p12 -storetype PKCS12 -storepass changeit',
        'java -Djavax.net.ssl.trustStore=truststore.p12 -Djavax.net.ssl.trustStorePassword=changeit \\',
        '  -Djavax.net.ssl.keyStore=client.p12 -Djavax.net.ssl.keyStoreType=PKCS12 -Djavax.net.ssl.keyStorePassword=changeit …',
      ].join('\n'),
    },
  ];
}

/** Checks a server and a client certificate as an mTLS pair. Throws when both are the same certificate. */
export function checkMtlsPair(server: MtlsSide, client: MtlsSide, session: MtlsLookup, pairing: MtlsPairing): MtlsPairCheck {
  if (server.sha256 === client.sha256) throw new Error('The server and the client certificate must be two different certificates.');
  const find = (sha: string): CertificateModel | undefined => session.certificates.find((c) => c.sha256 === sha)?.certificate ?? session.anchors.find((c) => c.sha256Hex === sha);
  const serverPath = pathOf(server, session.forest);
  const clientPath = pathOf(client, session.forest);
  const serverCa = caOf(serverPath, find);
  const clientCa = caOf(clientPath, find);
  const clientIntermediates = clientPath && clientCa ? Math.max(0, clientPath.links.length - 2) : 0;
  const items: MtlsItem[] = [
    roleItem('server-role', server, server.suitability.tlsServer, 'client'),
    roleItem('client-role', client, client.suitability.tlsClient, 'server'),
    trustItem('client-trusts-server-ca', serverCa, serverPath, server.chain.status),
    trustItem('server-trusts-client-ca', clientCa, clientPath, client.chain.status),
    validityItem(server, client),
    serverChainItem(server, serverPath),
  ];
  return {
    server: server.sha256,
    client: client.sha256,
    pairing,
    items,
    serverCa,
    clientCa,
    config: configLines(serverCa, clientCa, clientIntermediates),
    ok: items.every((i) => i.state === 'pass' || i.state === 'action'),
    answersDeferred: server.suitability.tlsServer.verifiersDeferred === true || client.suitability.tlsClient.verifiersDeferred === true,
  };
}

/**
 * The pair to check without being asked: a server certificate (serverAuth) and a different client
 * certificate (clientAuth), both end entities, that are plausibly a pair — they came in the same
 * input, or the client's issuer is loaded. Null when no two certificates qualify: two unrelated
 * certificates are never paired on their own.
 */
export function pickMtlsPair(session: MtlsLookup): MtlsPairCheck | null {
  // EKUs read once per end entity; servers with serverAuth only first, then dual-purpose ones.
  const leaves = session.certificates.flatMap((c) => (isCa(c.certificate) ? [] : [{ side: c, ekus: extendedKeyUsages(c.certificate) ?? [] }]));
  const servers = [
    ...leaves.filter((l) => l.ekus.includes(OID.serverAuth) && !l.ekus.includes(OID.clientAuth)),
    ...leaves.filter((l) => l.ekus.includes(OID.serverAuth) && l.ekus.includes(OID.clientAuth)),
  ].map((l) => l.side);
  const clients = leaves.filter((l) => l.ekus.includes(OID.clientAuth)).map((l) => l.side);
  const loaded = new Set(session.certificates.map((c) => c.sha256));
  const issuerLoaded = (client: MtlsSide): boolean => {
    const issuer = client.chain.path[1];
    return issuer !== undefined && loaded.has(issuer);
  };
  // Indexes instead of every client × server (sessions hold thousands of certificates).
  const rank = new Map(servers.map((s, i) => [s, i]));
  const bySource = new Map<string, MtlsSide[]>();
  const byCa = new Map<string, MtlsSide[]>();
  const add = (index: Map<string, MtlsSide[]>, key: string, server: MtlsSide): void => {
    const list = index.get(key);
    if (list) list.push(server);
    else index.set(key, [server]);
  };
  for (const server of servers) {
    for (const source of server.sources) add(bySource, source, server);
    for (const sha of server.chain.path.slice(1)) add(byCa, sha, server);
  }
  /** The first server (in preference order) among the candidates that is not the client itself. */
  const first = (client: MtlsSide, lists: readonly (readonly MtlsSide[] | undefined)[]): MtlsSide | undefined => {
    let best: MtlsSide | undefined;
    for (const list of lists) for (const server of list ?? []) if (server !== client && (best === undefined || (rank.get(server) ?? 0) < (rank.get(best) ?? 0))) best = server;
    return best;
  };
  // In order of how plausible: the same input; the client's issuer loaded and a server of the same
  // hierarchy (their chains share a CA); the client's issuer loaded.
  for (const client of clients) {
    const server = first(client, client.sources.map((s) => bySource.get(s)));
    if (server) return checkMtlsPair(server, client, session, 'same-input');
  }
  const withIssuer = clients.filter(issuerLoaded);
  for (const client of withIssuer) {
    const server = first(client, client.chain.path.slice(1).map((sha) => byCa.get(sha)));
    if (server) return checkMtlsPair(server, client, session, 'issuer-loaded');
  }
  for (const client of withIssuer) {
    const server = first(client, [servers]);
    if (server) return checkMtlsPair(server, client, session, 'issuer-loaded');
  }
  return null;
}
