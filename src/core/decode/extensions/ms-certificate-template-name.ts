/** Microsoft certificate template name (1.3.6.1.4.1.311.20.2, "szOID_ENROLL_CERTTYPE_EXTENSION"): [MS-WCCE] §2.2.2.7.7.1, a BMPString. */
import type { Asn1 } from '../../input/der';
import { asString } from '../util';
import type { ExtensionBody } from './types';

export function decodeMsCertificateTemplateName(value: Asn1): ExtensionBody {
  return { kind: 'msCertificateTemplateName', templateName: asString(value) };
}
