/** EKU badge data (suitability.md table): name, OID, badge label and a one-line meaning. */

export interface EkuDescription {
  readonly oid: string;
  /** Registered name, or the dotted OID for unknown purposes. */
  readonly name: string;
  /** Short accessible label for the badge. */
  readonly badge: string;
  readonly meaning: string;
  /** Unknown purposes get a neutral badge. */
  readonly known: boolean;
}

export const EKU_TABLE: readonly EkuDescription[] = [
  { oid: '1.3.6.1.5.5.7.3.1', name: 'id-kp-serverAuth', badge: 'TLS server', meaning: 'May identify a TLS server (HTTPS, SMTPS, …).', known: true },
  { oid: '1.3.6.1.5.5.7.3.2', name: 'id-kp-clientAuth', badge: 'TLS client', meaning: 'May authenticate a TLS client (mutual TLS).', known: true },
  { oid: '1.3.6.1.5.5.7.3.3', name: 'id-kp-codeSigning', badge: 'Code signing', meaning: 'May sign executable code.', known: true },
  { oid: '1.3.6.1.5.5.7.3.4', name: 'id-kp-emailProtection', badge: 'Email (S/MIME)', meaning: 'May sign or encrypt email (S/MIME).', known: true },
  { oid: '1.3.6.1.5.5.7.3.8', name: 'id-kp-timeStamping', badge: 'Time stamping', meaning: 'May sign trusted time stamps (RFC 3161).', known: true },
  { oid: '1.3.6.1.5.5.7.3.9', name: 'id-kp-OCSPSigning', badge: 'OCSP signing', meaning: 'May sign OCSP responses for its issuer.', known: true },
  { oid: '1.3.6.1.5.5.7.3.17', name: 'id-kp-ipsecIKE', badge: 'IPsec IKE', meaning: 'May authenticate IPsec IKE peers.', known: true },
  { oid: '2.5.29.37.0', name: 'anyExtendedKeyUsage', badge: 'Any purpose', meaning: 'Any purpose; strict verifiers and public PKI policies may refuse it.', known: true },
  { oid: '1.3.6.1.4.1.311.20.2.2', name: 'Microsoft Smart Card Logon', badge: 'Smart card logon', meaning: 'May log on to Windows with a smart card.', known: true },
  { oid: '1.3.6.1.4.1.311.10.3.4', name: 'Microsoft EFS', badge: 'EFS', meaning: 'May encrypt files with the Windows Encrypting File System.', known: true },
  { oid: '1.3.6.1.4.1.311.10.3.12', name: 'Microsoft Document Signing', badge: 'Document signing', meaning: 'May sign documents (Microsoft Office and similar).', known: true },
  { oid: '1.3.6.1.5.2.3.5', name: 'Kerberos PKINIT KDC', badge: 'Kerberos KDC', meaning: 'May identify a Kerberos key distribution centre (PKINIT).', known: true },
];

const BY_OID = new Map(EKU_TABLE.map((e) => [e.oid, e]));

export function describeEku(oid: string): EkuDescription {
  return BY_OID.get(oid) ?? { oid, name: oid, badge: oid, meaning: 'A purpose this app does not know; its meaning is set by whoever defined the OID.', known: false };
}
