/**
 * The page's view of a decoded input (protocol.ts PageInput): certificates as summaries. Built in
 * the Worker, which keeps the full models for the detail view and every engine request.
 */
import { commonNameOf, describeKey } from '@/core/display';
import type { CertificateModel, DecodedInput, NameModel } from '@/core/model';
import type { CertificateSummary, NameSummary, PageInput } from './protocol';
import { SameValues } from './same-values';

/** What the page shows of a name: attribute short names and values (no OIDs, string types or DER); an RDN other names have too is shared through `values`. */
export function nameSummaryOf(name: NameModel, values?: SameValues): NameSummary {
  return {
    rdns: name.rdns.map((rdn) => {
      const summary = rdn.map((a) => ({ shortName: a.shortName, value: a.value }));
      return values ? values.same(summary) : summary;
    }),
    rfc4514: name.rfc4514,
  };
}

/** A certificate's summary; its issuer, name parts, purposes and decode warnings are shared with other summaries through `values`. */
export function summarizeCertificate(c: CertificateModel, values: SameValues = new SameValues()): CertificateSummary {
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
    subject: nameSummaryOf(c.subject, values),
    issuer: values.same(nameSummaryOf(c.issuer, values)),
    notBefore: c.notBefore,
    notAfter: c.notAfter,
    publicKey: { algorithm, bits, curve, spkiSha256Hex },
    purposes: purposes && values.same(purposes),
    isCa,
    ...(c.decodeWarnings && c.decodeWarnings.length > 0 ? { decodeWarnings: values.same(c.decodeWarnings) } : {}),
  };
}

export function pageInputOf(input: DecodedInput): PageInput {
  const values = new SameValues();
  return { ...input, certificates: input.certificates.map((c) => summarizeCertificate(c, values)) };
}

/** The full model of a loaded certificate, from any input that holds it. */
export function findCertificate(inputs: Iterable<DecodedInput>, sha256: string): CertificateModel | null {
  for (const input of inputs) {
    const found = input.certificates.find((c) => c.sha256Hex === sha256);
    if (found) return found;
  }
  return null;
}
