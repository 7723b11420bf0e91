/**
 * The page's view of a decoded input (protocol.ts PageInput): certificates as summaries. Built in
 * the Worker, which keeps the full models for the detail view and every engine request.
 */
import { commonNameOf, describeKey } from '@/core/display';
import type { CertificateModel, DecodedInput, NameModel } from '@/core/model';
import type { CertificateSummary, NameSummary, PageInput } from './protocol';

/** What the page shows of a name: attribute short names and values (no OIDs, string types or DER). */
export function nameSummaryOf(name: NameModel): NameSummary {
  return { rdns: name.rdns.map((rdn) => rdn.map((a) => ({ shortName: a.shortName, value: a.value }))), rfc4514: name.rfc4514 };
}

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
    title: commonNameOf(c.subject),
    issuerTitle: commonNameOf(c.issuer),
    keyText: describeKey(c.publicKey),
    subject: nameSummaryOf(c.subject),
    issuer: nameSummaryOf(c.issuer),
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
