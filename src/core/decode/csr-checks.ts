/**
 * Checks on a certificate request: what a public CA (CA/Browser Forum Baseline Requirements)
 * would refuse or ignore, and what makes the request itself unusable.
 */
import type { CsrCheck, CsrModel, GeneralNameModel } from '../model';

const CN = '2.5.4.3';
const PUBLIC_CA_CURVES = new Set(['P-256', 'P-384', 'P-521']);
const MIN_RSA_BITS = 2048;
const WEAK_HASH = /md2|md4|md5|sha1|sha-1/i;
/** EKUs a TLS certificate from a public CA may carry (BR §7.1.2.7.10). */
const TLS_EKUS = new Set(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);

function add(out: CsrCheck[], code: CsrCheck['code'], severity: CsrCheck['severity'], message: string): void {
  out.push({ code, severity, message });
}

/** Host-name SANs of a request (lowercased DNS names, IP texts). */
function hostNames(names: readonly GeneralNameModel[]): string[] {
  return names.filter((n) => n.type === 'dns' || n.type === 'ip').map((n) => n.value.toLowerCase());
}

export function csrChecks(csr: Omit<CsrModel, 'checks'>): CsrCheck[] {
  const out: CsrCheck[] = [];
  const k = csr.publicKey;
  if ((k.algorithm === 'RSA' || k.algorithm === 'RSA-PSS') && k.bits !== null && k.bits < MIN_RSA_BITS) add(out, 'CSR_WEAK_KEY', 'fail', `RSA key of ${k.bits} bits: public CAs and OpenSSL at security level 2 need at least ${MIN_RSA_BITS}.`);
  else if (k.algorithm === 'EC' && !PUBLIC_CA_CURVES.has(k.curve ?? '')) add(out, 'CSR_WEAK_KEY', 'warn', `ECDSA key on ${k.curve ?? 'an unnamed curve'}: public CAs accept P-256, P-384 (and some P-521) only.`);
  else if (k.algorithm === 'DSA' || k.algorithm === 'Ed448' || k.algorithm === 'Ed25519' || k.algorithm === 'other') add(out, 'CSR_WEAK_KEY', 'warn', `${k.algorithm === 'other' ? `A key of algorithm ${k.algorithmOid}` : `A ${k.algorithm} key`}: public CAs issue TLS certificates for RSA and ECDSA P-256/P-384 keys only.`);
  if (csr.signatureValid === false) add(out, 'CSR_SIGNATURE_INVALID', 'fail', 'The request’s self-signature does not verify with its own public key: a CA refuses it (the request was altered, or signed with another key).');
  else if (csr.signatureValid === null) add(out, 'CSR_SIGNATURE_UNCHECKED', 'info', `The self-signature (${csr.signatureAlgorithm.name ?? csr.signatureAlgorithm.oid}) cannot be checked here.`);
  if (WEAK_HASH.test(csr.signatureAlgorithm.name ?? '')) add(out, 'CSR_WEAK_SIGNATURE', 'warn', `Signed with ${csr.signatureAlgorithm.name ?? csr.signatureAlgorithm.oid}: many CAs refuse requests signed with MD5 or SHA-1.`);

  const sanExt = csr.requestedExtensions.find((e) => e.kind === 'subjectAltName');
  const names = sanExt?.kind === 'subjectAltName' ? sanExt.names : [];
  const hosts = hostNames(names);
  const cns = csr.subject.rdns.flat().filter((a) => a.oid === CN).map((a) => a.value);
  if (!sanExt) add(out, 'CSR_SAN_MISSING', 'warn', `No subjectAltName is requested: clients ignore the Common Name${cns.length ? ` (${cns.join(', ')})` : ''}, so the certificate needs its names in a SAN; most CAs copy the CN into one, private CAs often do not.`);
  else if (sanExt.decodeError !== undefined) add(out, 'CSR_EXTENSION_MALFORMED', 'fail', `The requested subjectAltName is malformed (${sanExt.decodeError}).`);
  for (const cn of cns) {
    if (hosts.length > 0 && !hosts.includes(cn.toLowerCase())) add(out, 'CSR_CN_NOT_IN_SAN', 'warn', `The Common Name "${cn}" is not among the requested SANs (${hosts.join(', ')}): the Baseline Requirements (§7.1.4.3) require a CN to be one of them.`);
  }
  for (const e of csr.requestedExtensions) {
    const what = e.name ?? e.oid;
    if (e.decodeError !== undefined && e.kind !== 'subjectAltName') add(out, 'CSR_EXTENSION_MALFORMED', 'warn', `The requested extension ${what} is malformed (${e.decodeError}).`);
    if (e.kind === 'basicConstraints' && e.ca) add(out, 'CSR_EXTENSION_REFUSED', 'warn', 'basicConstraints cA=TRUE is requested: a public CA never issues a CA certificate from a subscriber request.');
    if (e.kind === 'keyUsage' && e.usages.some((u) => u === 'keyCertSign' || u === 'cRLSign')) add(out, 'CSR_EXTENSION_REFUSED', 'warn', `keyUsage ${e.usages.filter((u) => u === 'keyCertSign' || u === 'cRLSign').join(', ')} is requested: CA-only usages, refused for subscriber certificates.`);
    if (e.kind === 'extKeyUsage') {
      const other = e.purposes.filter((p) => !TLS_EKUS.has(p.oid));
      if (other.length) add(out, 'CSR_EXTENSION_REFUSED', 'warn', `extKeyUsage requests ${other.map((p) => p.name ?? p.oid).join(', ')}: public TLS certificates carry serverAuth (and clientAuth) only; the CA drops or refuses the rest.`);
    }
    if (e.kind === 'nameConstraints' || e.kind === 'policyConstraints' || e.kind === 'policyMappings' || e.kind === 'inhibitAnyPolicy') add(out, 'CSR_EXTENSION_REFUSED', 'warn', `${what} is requested: a CA-certificate extension, refused in a subscriber request.`);
    if (e.kind === 'unknown' && e.critical) add(out, 'CSR_EXTENSION_REFUSED', 'warn', `The critical extension ${what} is requested: CAs do not copy extensions they do not know, and a critical one makes them refuse the request.`);
  }
  return out;
}
