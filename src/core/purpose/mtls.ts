/**
 * The mTLS pair checklist (suitability.md): server certificate fit for the server role, client
 * certificate fit for the client role, the CA the server needs in its client-CA bundle,
 * neither expired, and a complete server chain.
 */
import type { CertificateModel } from '../model';
import type { RoleAssessment } from './types';

export interface MtlsItem {
  readonly label: string;
  readonly ok: boolean;
  readonly detail: string;
}

export interface MtlsPairCheck {
  readonly server: string;
  readonly client: string;
  readonly items: readonly MtlsItem[];
  /** SHA-256 of the CA at the top of the client's chain: what the server's client-CA bundle (nginx ssl_client_certificate) must hold. */
  readonly clientCa: string | null;
  /** Its PEM, ready to copy. */
  readonly clientCaPem: string | null;
  readonly ok: boolean;
}

/** The parts of a session certificate this check reads (keeps it independent of session.ts). */
export interface MtlsSide {
  readonly sha256: string;
  readonly certificate: CertificateModel;
  readonly chain: { readonly status: string; readonly path: readonly string[] };
  readonly suitability: { readonly tlsServer: RoleAssessment; readonly tlsClient: RoleAssessment };
}

export interface MtlsLookup {
  readonly certificates: readonly MtlsSide[];
  readonly anchors: readonly CertificateModel[];
}

function toPem(der: Uint8Array): string {
  let bin = '';
  for (const b of der) bin += String.fromCharCode(b);
  const b64 = btoa(bin);
  return `-----BEGIN CERTIFICATE-----\n${(b64.match(/.{1,64}/gu) ?? []).join('\n')}\n-----END CERTIFICATE-----\n`;
}

export function checkMtlsPair(server: MtlsSide, client: MtlsSide, session: MtlsLookup): MtlsPairCheck {
  const find = (sha: string): CertificateModel | undefined => session.certificates.find((c) => c.sha256 === sha)?.certificate ?? session.anchors.find((c) => c.sha256Hex === sha);
  const s = server.suitability.tlsServer;
  const c = client.suitability.tlsClient;
  const clientTop = client.chain.path.length > 1 ? client.chain.path[client.chain.path.length - 1] : undefined;
  const ca = clientTop ? find(clientTop) : undefined;
  const expired = [server, client].filter((x) => [...x.suitability.tlsServer.findings].some((f) => f.code === 'EXPIRED' || f.code === 'NOT_YET_VALID'));
  const items: MtlsItem[] = [
    { label: 'Server certificate suits the TLS server role', ok: s.verdict !== 'unsuitable', detail: `${server.certificate.subject.rfc4514}: ${s.verdict}` },
    { label: 'Client certificate suits the TLS client role', ok: c.verdict !== 'unsuitable', detail: `${client.certificate.subject.rfc4514}: ${c.verdict}` },
    {
      label: 'The server side knows the client\'s CA',
      ok: ca !== undefined,
      detail: ca ? `Put ${ca.subject.rfc4514} in the server's client-CA bundle (nginx ssl_client_certificate, Apache SSLCACertificateFile).` : 'The client certificate\'s issuer is not loaded: the CA the server must trust is unknown.',
    },
    { label: 'Neither certificate is expired', ok: expired.length === 0, detail: expired.length === 0 ? 'Both are within their validity.' : expired.map((x) => x.certificate.subject.rfc4514).join(', ') + ' outside validity.' },
    { label: 'The server\'s chain is complete', ok: server.chain.status === 'trusted' || server.chain.status === 'private-root', detail: `Chain status: ${server.chain.status}.` },
  ];
  return { server: server.sha256, client: client.sha256, items, clientCa: ca?.sha256Hex ?? null, clientCaPem: ca ? toPem(ca.der) : null, ok: items.every((i) => i.ok) };
}
