/** Basic Constraints: RFC 5280 §4.2.1.9 (cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER (0..MAX) OPTIONAL). */
import type { Asn1 } from '../../input/der';
import { bool, fail, smallInt, UT } from '../util';
import type { ExtensionBody } from './types';
import type { Warnings } from '../warnings';

/** Above this, a pathLenConstraint is the product of a bug: webpki and pyca read it as one octet. */
const PATH_LENGTH_OCTET_MAX = 255;

export function decodeBasicConstraints(value: Asn1, w?: Warnings): ExtensionBody {
  if (!value.isSequence) fail('basicConstraints is not a SEQUENCE', value);
  let ca = false;
  let pathLength: number | null = null;
  for (const c of value.children()) {
    if (c.isUniversal(UT.BOOLEAN)) {
      ca = bool(c);
      if (w && !ca) w.add('BOOLEAN_ENCODING', 'cA', c, 'cA FALSE is encoded although it is the DEFAULT (DER leaves it out)');
      else if (w && c.content[0] !== 0xff)
        w.add('BOOLEAN_ENCODING', 'cA', c, `BOOLEAN TRUE is encoded as 0x${(c.content[0] ?? 0).toString(16).padStart(2, '0')} (DER requires 0xff)`, {
          rejectedBy: ['Go (x509: invalid basic constraints b)', 'pyca/cryptography (invalid value)', 'Chrome (on an intermediate: ERR_CERT_AUTHORITY_INVALID)'],
        });
    } else if (c.isUniversal(UT.INTEGER)) {
      const negative = c.length > 0 && ((c.content[0] ?? 0) & 0x80) !== 0;
      if (negative && w) {
        let v = -1n;
        for (const b of c.content) v = (v << 8n) | BigInt(b);
        w.add('NEGATIVE_INTEGER', 'pathLenConstraint', c, `pathLenConstraint is negative (${v.toString()}); it is ignored (no limit shown) and cA is kept as encoded`, {
          malformed: true,
          error: `negative INTEGER where a count was expected at byte ${c.offset}`,
        });
        continue;
      }
      if (c.length > 1 && c.content[0] === 0 && ((c.content[1] ?? 0) & 0x80) === 0) {
        // A redundant leading zero octet: OpenSSL (c2i_ASN1_INTEGER), Go (cryptobyte) and
        // pyca/cryptography refuse the extension; Java reads the number. The number is shown.
        w?.add('NON_MINIMAL_INTEGER', 'pathLenConstraint', c, 'pathLenConstraint is encoded with a redundant leading zero octet (DER requires the shortest form); the number is shown', {
          malformed: true,
          error: `non-minimal INTEGER at byte ${c.offset}`,
          rejectedBy: ['OpenSSL (the certificate is invalid: not used as an issuer)', 'Go (x509: invalid basic constraints c)', 'pyca/cryptography (invalid value)', 'Chrome (on an intermediate: ERR_CERT_AUTHORITY_INVALID)'],
        });
      }
      pathLength = smallInt(c);
      if (w && pathLength > PATH_LENGTH_OCTET_MAX)
        w.add('INTEGER_OUT_OF_RANGE', 'pathLenConstraint', c, `pathLenConstraint is ${pathLength}: verifiers that read it as one octet (0–255) refuse it`, {
          rejectedBy: ['Chrome (ParseUint8; on an intermediate: ERR_CERT_AUTHORITY_INVALID)', 'rustls-webpki (one octet; not measured here)'],
        });
    } else fail('unexpected element in basicConstraints', c);
  }
  return { kind: 'basicConstraints', ca, pathLength };
}
