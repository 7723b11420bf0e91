/**
 * The page's view of a decoded input (protocol.ts PageInput): certificates as summaries. Built in
 * the Worker, which keeps the full models for the detail view and every engine request.
 */
import type { CertificateModel, DecodedInput } from '@/core/model';
import type { CertificateSummary, PageInput } from './protocol';

export function summarizeCertificate(c: CertificateModel): CertificateSummary {
  let purposes: CertificateSummary['purposes'] = null;
  let isCa = false;
  for (const e of c.extensions) {
    if (e.kind === 'extKeyUsage') purposes = e.purposes;
    else if (e.kind === 'basicConstraints') isCa = e.ca;
  }
  const { algorithm, bits, curve, spkiSha256Hex } = c.publicKey;
  return {
    kind: 'certificate',
    sha256Hex: c.sha256Hex,
    subject: { rdns: c.subject.rdns, rfc4514: c.subject.rfc4514 },
    issuer: { rdns: c.issuer.rdns, rfc4514: c.issuer.rfc4514 },
    notBefore: c.notBefore,
    notAfter: c.notAfter,
    publicKey: { algorithm, bits, curve, spkiSha256Hex },
    purposes,
    isCa,
    ...(c.decodeWarnings && c.decodeWarnings.length > 0 ? { decodeWarnings: c.decodeWarnings } : {}),
  };
}

export function pageInputOf(input: DecodedInput): PageInput {
  return { ...input, certificates: input.certificates.map(summarizeCertificate) };
}

/** The full model of a loaded certificate, from any input that holds it. */
export function findCertificate(inputs: Iterable<DecodedInput>, sha256: string): CertificateModel | null {
  for (const input of inputs) {
    const found = input.certificates.find((c) => c.sha256Hex === sha256);
    if (found) return found;
  }
  return null;
}
