/**
 * Revocation against CRLs the person loaded (the app never fetches). A CRL counts only when
 * its issuer name matches the certificate's issuer and its signature verifies with the
 * issuer's key.
 */
import type { CertificateModel, CrlModel } from '../model';
import { findExtension } from '../chain/facts';
import { namesMatch } from '../chain/names';
import type { SignatureCache } from '../chain/signature';

export type RevocationStatus =
  | { readonly state: 'revoked'; readonly crlSha256: string; readonly revocationDate: string; readonly reason: string | null }
  | { readonly state: 'good'; readonly crlSha256: string }
  | { readonly state: 'not-checked'; readonly crlUrls: readonly string[]; readonly ocspUrls: readonly string[]; readonly note: string | null };

const OCSP_METHOD = '1.3.6.1.5.5.7.48.1';

export function revocationSources(cert: CertificateModel): { crlUrls: string[]; ocspUrls: string[] } {
  const crlUrls = (findExtension(cert, 'crlDistributionPoints')?.points ?? []).flatMap((p) => (p.fullName ?? []).filter((n) => n.type === 'uri').map((n) => n.value));
  const ocspUrls = (findExtension(cert, 'authorityInfoAccess')?.descriptions ?? []).filter((d) => d.method.oid === OCSP_METHOD && d.location.type === 'uri').map((d) => d.location.value);
  return { crlUrls, ocspUrls };
}

function stripZeros(hex: string): string {
  const t = hex.toLowerCase().replace(/^(00)+(?=..)/u, '');
  return t === '' ? '00' : t;
}

/** Looks the certificate up in every loaded CRL signed by one of `issuers`. */
export async function checkRevocation(
  cert: CertificateModel,
  issuers: readonly CertificateModel[],
  crls: readonly CrlModel[],
  signatures: SignatureCache,
): Promise<RevocationStatus> {
  const sources = revocationSources(cert);
  let note: string | null = null;
  let good: string | null = null;
  for (const crl of crls) {
    if (!namesMatch(crl.issuer, cert.issuer)) continue;
    for (const issuer of issuers) {
      if (!namesMatch(issuer.subject, crl.issuer)) continue;
      const sig = await signatures.check(crl, issuer);
      if (sig.status !== 'valid') {
        note = `a CRL from ${crl.issuer.rfc4514} was loaded but its signature is ${sig.status}${sig.detail ? ` (${sig.detail})` : ''}`;
        continue;
      }
      const serial = stripZeros(cert.serialNumberHex);
      const entry = crl.entries.find((e) => stripZeros(e.serialNumberHex) === serial);
      if (entry) return { state: 'revoked', crlSha256: crl.sha256Hex, revocationDate: entry.revocationDate, reason: entry.reason };
      good = crl.sha256Hex;
    }
  }
  if (good) return { state: 'good', crlSha256: good };
  return { state: 'not-checked', crlUrls: sources.crlUrls, ocspUrls: sources.ocspUrls, note };
}
