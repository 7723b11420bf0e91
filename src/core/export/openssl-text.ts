/**
 * A certificate as text, in the layout of `openssl x509 -text -noout` (OpenSSL 3.0): the same
 * headings, order, indentation, names and hex dumps, so people can read it the way they read
 * openssl and diff the two. Pure and synchronous: the CLI prints it and the app's "Copy as text"
 * reuses it. Where the engine's model does not carry what openssl prints, or openssl's own
 * rendering is an accident of its code, the text differs on purpose; each difference is listed
 * in `openssl-text.differences.md` next to this file and pinned by `openssl-text.test.ts`.
 */
import type { AlgorithmModel, AttributeModel, CertificateModel, DistributionPointModel, ExtensionModel, GeneralNameModel, GeneralSubtreeModel, NameModel, PublicKeyModel } from '../model';

const UTF8 = new TextEncoder();
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ASN1_TIME_print: "Jan  1 00:00:00 2026 GMT". */
export function opensslTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()] ?? '???'} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`;
}

function hexBytes(hex: string): string[] {
  return hex.match(/../gu) ?? [];
}

/** "AB:CD:…" as openssl prints key identifiers and serials in extensions. */
export function colonHex(hex: string, upper = true): string {
  const bytes = hexBytes(hex).join(':');
  return upper ? bytes.toUpperCase() : bytes;
}

/** ASN1_buf_print / X509_signature_dump: lowercase colon hex, `perLine` bytes a line, each line indented. */
function hexDump(hex: string, perLine: number, indent: number): string[] {
  const bytes = hexBytes(hex);
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += perLine) {
    const chunk = bytes.slice(i, i + perLine);
    const last = i + perLine >= bytes.length;
    lines.push(`${' '.repeat(indent)}${chunk.join(':')}${last ? '' : ':'}`);
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Names (XN_FLAG_ONELINE: "C = US, O = Example, CN = leaf", encoded order, "+" inside an RDN)
// ---------------------------------------------------------------------------------------------

/** OpenSSL's short names for name attributes (objects.txt), by OID. */
const ATTRIBUTE_SN: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.13': 'description',
  '2.5.4.15': 'businessCategory',
  '2.5.4.17': 'postalCode',
  '2.5.4.41': 'name',
  '2.5.4.42': 'GN',
  '2.5.4.43': 'initials',
  '2.5.4.44': 'generationQualifier',
  '2.5.4.46': 'dnQualifier',
  '2.5.4.65': 'pseudonym',
  '2.5.4.97': 'organizationIdentifier',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '1.2.840.113549.1.9.2': 'unstructuredName',
  '1.3.6.1.4.1.311.60.2.1.1': 'jurisdictionL',
  '1.3.6.1.4.1.311.60.2.1.2': 'jurisdictionST',
  '1.3.6.1.4.1.311.60.2.1.3': 'jurisdictionC',
  '1.2.643.100.1': 'OGRN',
  '1.2.643.100.3': 'SNILS',
  '1.2.643.3.131.1.1': 'INN',
};

/**
 * One attribute value the way OpenSSL 3.0 prints it with its default `-nameopt`
 * (ASN1_STRFLGS_ESC_QUOTE among them): a value holding , + ; < > is put in double quotes, and
 * " and \ are backslash-escaped; non-ASCII characters are printed as UTF-8.
 */
function attributeValue(a: AttributeModel): string {
  let v = a.value.replace(/[\\"]/gu, (c) => `\\${c}`);
  // Control characters and everything past ASCII: "\\XX" per UTF-8 byte (ASN1_STRFLGS_ESC_CTRL | ESC_MSB).
  v = Array.from(v, (c) => {
    const code = c.codePointAt(0) ?? 0;
    return code < 0x20 || code >= 0x7f ? Array.from(UTF8.encode(c), (b) => `\\${b.toString(16).toUpperCase().padStart(2, '0')}`).join('') : c;
  }).join('');
  if (v.startsWith(' ')) v = `\\${v}`;
  if (/ $/u.test(v)) v = `${v.slice(0, -1)}\\ `;
  return /[,+;<>]/u.test(a.value) ? `"${v}"` : v;
}

function attributeName(a: AttributeModel): string {
  return ATTRIBUTE_SN[a.oid] ?? a.oid;
}

/** X509_NAME_print_ex with XN_FLAG_ONELINE: "O = Example, CN = leaf". */
export function opensslName(name: NameModel): string {
  return name.rdns.map((rdn) => rdn.map((a) => `${attributeName(a)} = ${attributeValue(a)}`).join(' + ')).join(', ');
}

/**
 * A directoryName inside an extension, which OpenSSL 3.0 prints like the subject ("O = Example,
 * CN = leaf"), from the RFC 4514 string the model keeps (most significant last, so reversed).
 */
function rdnsFromRfc4514(rfc4514: string): string[] {
  const rdns: string[] = [];
  let current = '';
  for (let k = 0; k < rfc4514.length; k++) {
    const ch = rfc4514[k] ?? '';
    if (ch === '\\' && k + 1 < rfc4514.length) {
      current += rfc4514[++k] ?? '';
    } else if (ch === ',') {
      rdns.push(current);
      current = '';
    } else current += ch;
  }
  if (current !== '' || rdns.length > 0) rdns.push(current);
  return rdns.reverse();
}

function onelineFromRfc4514(rfc4514: string): string {
  return rdnsFromRfc4514(rfc4514).map((r) => r.replace('=', ' = ')).join(', ');
}

/** X509_NAME_oneline: "/O=Example/CN=leaf". */
function slashFromRfc4514(rfc4514: string): string {
  return rdnsFromRfc4514(rfc4514)
    .map((r) => `/${r.replace(/^STREET=/u, 'street=')}`)
    .join('');
}

// ---------------------------------------------------------------------------------------------
// Algorithms and keys
// ---------------------------------------------------------------------------------------------

/** OBJ_obj2txt long names openssl prints for algorithms, by OID. */
const ALGORITHM_LN: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.1': 'rsaEncryption',
  '1.2.840.113549.1.1.2': 'md2WithRSAEncryption',
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
  '1.3.14.3.2.29': 'sha1WithRSA',
  '1.2.840.10045.2.1': 'id-ecPublicKey',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.1': 'ecdsa-with-SHA224',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.2.840.10040.4.1': 'dsaEncryption',
  '1.2.840.10040.4.3': 'dsaWithSHA1',
  '2.16.840.1.101.3.4.3.1': 'dsa_with_SHA224',
  '2.16.840.1.101.3.4.3.2': 'dsa_with_SHA256',
  '1.3.101.110': 'X25519',
  '1.3.101.111': 'X448',
  '1.3.101.112': 'ED25519',
  '1.3.101.113': 'ED448',
  '1.2.643.2.2.3': 'GOST R 34.11-94 with GOST R 34.10-2001',
};

/** Curve OID -> [openssl short name, NIST name or null]. */
const CURVES: Readonly<Record<string, readonly [string, string | null]>> = {
  '1.2.840.10045.3.1.1': ['prime192v1', 'P-192'],
  '1.3.132.0.33': ['secp224r1', 'P-224'],
  '1.2.840.10045.3.1.7': ['prime256v1', 'P-256'],
  '1.3.132.0.34': ['secp384r1', 'P-384'],
  '1.3.132.0.35': ['secp521r1', 'P-521'],
  '1.3.132.0.10': ['secp256k1', null],
  '1.3.36.3.3.2.8.1.1.7': ['brainpoolP256r1', null],
  '1.3.36.3.3.2.8.1.1.11': ['brainpoolP384r1', null],
  '1.3.36.3.3.2.8.1.1.13': ['brainpoolP512r1', null],
};
const CURVE_BY_NAME: Readonly<Record<string, string>> = { 'P-192': '1.2.840.10045.3.1.1', 'P-224': '1.3.132.0.33', 'P-256': '1.2.840.10045.3.1.7', 'P-384': '1.3.132.0.34', 'P-521': '1.3.132.0.35', secp256k1: '1.3.132.0.10', brainpoolP256r1: '1.3.36.3.3.2.8.1.1.7', brainpoolP384r1: '1.3.36.3.3.2.8.1.1.11', brainpoolP512r1: '1.3.36.3.3.2.8.1.1.13' };

function algorithmName(a: { readonly oid: string; readonly name: string | null }): string {
  return ALGORITHM_LN[a.oid] ?? a.oid;
}

/**
 * RSASSA-PSS parameters as rsa_pss_param_print writes them, from the model's
 * "SHA-256, MGF1 SHA-256, salt 32[, trailer N]" (DER leaves defaults out, so a default value
 * means the field was absent: openssl then adds "(default)").
 */
function pssLines(a: AlgorithmModel): string[] | null {
  if (a.oid !== '1.2.840.113549.1.1.10') return null;
  const m = /^SHA-(\d+), MGF1 SHA-(\d+), salt (\d+)(?:, trailer (\d+))?$/u.exec(a.parametersText ?? '');
  if (!m) return a.parametersHex === null ? ['        Parameters: none'] : null;
  const hash = `sha${m[1] ?? ''}`;
  const mgf = `sha${m[2] ?? ''}`;
  const salt = Number(m[3]);
  const trailer = Number(m[4] ?? '1');
  const def = (isDefault: boolean): string => (isDefault ? ' (default)' : '');
  return [
    `        Hash Algorithm: ${hash}${def(hash === 'sha1')}`,
    `        Mask Algorithm: mgf1 with ${mgf}${def(mgf === 'sha1' && hash === 'sha1')}`,
    `         Salt Length: 0x${salt.toString(16).toUpperCase()}${def(salt === 20)}`,
    `        Trailer Field: 0x${trailer.toString(16).padStart(2, '0').toUpperCase()}${def(trailer === 1)}`,
  ];
}

function decimalAndHex(decimal: string): string {
  const n = BigInt(decimal);
  return `${decimal} (0x${n.toString(16)})`;
}

function publicKeyLines(k: PublicKeyModel): string[] {
  const lines = [`            Public Key Algorithm: ${algorithmName({ oid: k.algorithmOid, name: null })}`];
  const i16 = ' '.repeat(16);
  if (k.rsa) {
    lines.push(`${i16}Public-Key: (${k.bits ?? '?'} bit)`, `${i16}Modulus:`);
    // openssl shows the modulus as a positive DER INTEGER: a leading 00 when the top bit is set.
    const mod = k.rsa.modulusHex.replace(/^(00)+(?=..)/u, '');
    const shown = /^[89a-f]/u.test(mod) ? `00${mod}` : mod;
    lines.push(...hexDump(shown, 15, 20), `${i16}Exponent: ${decimalAndHex(k.rsa.exponent)}`);
    return lines;
  }
  if (k.ec) {
    lines.push(`${i16}Public-Key: (${k.bits ?? '?'} bit)`, `${i16}pub:`, ...hexDump(k.ec.pointHex, 15, 20));
    if (k.ec.explicitParameters) lines.push(`${i16}Field Type: (explicit parameters: not shown)`);
    else {
      const oid = k.curve ? (CURVE_BY_NAME[k.curve] ?? k.curve) : null;
      const curve = oid ? CURVES[oid] : undefined;
      lines.push(`${i16}ASN1 OID: ${curve ? curve[0] : (oid ?? 'unknown')}`);
      if (curve?.[1]) lines.push(`${i16}NIST CURVE: ${curve[1]}`);
    }
    return lines;
  }
  if (k.algorithm === 'Ed25519' || k.algorithm === 'Ed448' || k.algorithm === 'X25519' || k.algorithm === 'X448') {
    // The key is the BIT STRING content of the SPKI: the last 32 (Ed25519/X25519), 57 (Ed448) or 56 (X448) bytes.
    const len = k.algorithm === 'Ed448' ? 57 : k.algorithm === 'X448' ? 56 : 32;
    const spki = Array.from(k.spkiDer.subarray(k.spkiDer.length - len), (b) => b.toString(16).padStart(2, '0')).join('');
    lines.push(`${i16}${k.algorithm.toUpperCase()} Public-Key:`, `${i16}pub:`, ...hexDump(spki, 15, 20));
    return lines;
  }
  const spkiHex = Array.from(k.spkiDer, (b) => b.toString(16).padStart(2, '0')).join('');
  lines.push(`${i16}Public-Key: (${k.bits ?? '?'} bit)`, `${i16}SubjectPublicKeyInfo (DER):`, ...hexDump(spkiHex, 15, 20));
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Extensions
// ---------------------------------------------------------------------------------------------

const EXTENSION_LN: Readonly<Record<string, string>> = {
  '2.5.29.9': 'X509v3 Subject Directory Attributes',
  '2.5.29.14': 'X509v3 Subject Key Identifier',
  '2.5.29.15': 'X509v3 Key Usage',
  '2.5.29.16': 'X509v3 Private Key Usage Period',
  '2.5.29.17': 'X509v3 Subject Alternative Name',
  '2.5.29.18': 'X509v3 Issuer Alternative Name',
  '2.5.29.19': 'X509v3 Basic Constraints',
  '2.5.29.30': 'X509v3 Name Constraints',
  '2.5.29.31': 'X509v3 CRL Distribution Points',
  '2.5.29.32': 'X509v3 Certificate Policies',
  '2.5.29.33': 'X509v3 Policy Mappings',
  '2.5.29.35': 'X509v3 Authority Key Identifier',
  '2.5.29.36': 'X509v3 Policy Constraints',
  '2.5.29.37': 'X509v3 Extended Key Usage',
  '2.5.29.46': 'X509v3 Freshest CRL',
  '2.5.29.54': 'X509v3 Inhibit Any Policy',
  '1.3.6.1.5.5.7.1.1': 'Authority Information Access',
  '1.3.6.1.5.5.7.1.11': 'Subject Information Access',
  '1.3.6.1.5.5.7.1.24': 'TLS Feature',
  '1.3.6.1.4.1.11129.2.4.2': 'CT Precertificate SCTs',
  '1.3.6.1.4.1.11129.2.4.3': 'CT Precertificate Poison',
  '2.16.840.1.113730.1.1': 'Netscape Cert Type',
  '2.16.840.1.113730.1.13': 'Netscape Comment',
  '1.3.6.1.5.5.7.48.1.5': 'OCSP No Check',
  '2.23.42.7.0': 'setCext-hashedRoot',
};

const NS_CERT_TYPE: Readonly<Record<string, string>> = {
  sslClient: 'SSL Client',
  sslServer: 'SSL Server',
  smime: 'S/MIME',
  objectSigning: 'Object Signing',
  reserved: 'Unused',
  sslCA: 'SSL CA',
  smimeCA: 'S/MIME CA',
  objectSigningCA: 'Object Signing CA',
};

const KEY_USAGE_TEXT: Readonly<Record<string, string>> = {
  digitalSignature: 'Digital Signature',
  nonRepudiation: 'Non Repudiation',
  keyEncipherment: 'Key Encipherment',
  dataEncipherment: 'Data Encipherment',
  keyAgreement: 'Key Agreement',
  keyCertSign: 'Certificate Sign',
  cRLSign: 'CRL Sign',
  encipherOnly: 'Encipher Only',
  decipherOnly: 'Decipher Only',
};

/** Long names openssl prints for purposes, access methods and policies (objects.txt), by OID. */
const OBJECT_LN: Readonly<Record<string, string>> = {
  '1.3.6.1.5.5.7.3.1': 'TLS Web Server Authentication',
  '1.3.6.1.5.5.7.3.2': 'TLS Web Client Authentication',
  '1.3.6.1.5.5.7.3.3': 'Code Signing',
  '1.3.6.1.5.5.7.3.4': 'E-mail Protection',
  '1.3.6.1.5.5.7.3.5': 'IPSec End System',
  '1.3.6.1.5.5.7.3.6': 'IPSec Tunnel',
  '1.3.6.1.5.5.7.3.7': 'IPSec User',
  '1.3.6.1.5.5.7.3.8': 'Time Stamping',
  '1.3.6.1.5.5.7.3.9': 'OCSP Signing',
  '1.3.6.1.5.5.7.3.17': 'ipsec Internet Key Exchange',
  '2.5.29.37.0': 'Any Extended Key Usage',
  '1.3.6.1.4.1.311.2.1.21': 'Microsoft Individual Code Signing',
  '1.3.6.1.4.1.311.2.1.22': 'Microsoft Commercial Code Signing',
  '1.3.6.1.4.1.311.10.3.1': 'Microsoft Trust List Signing',
  '1.3.6.1.4.1.311.10.3.3': 'Microsoft Server Gated Crypto',
  '1.3.6.1.4.1.311.10.3.4': 'Microsoft Encrypted File System',
  '1.3.6.1.4.1.311.20.2.2': 'Microsoft Smartcard Login',
  '2.16.840.1.113730.4.1': 'Netscape Server Gated Crypto',
  '1.3.6.1.5.2.3.5': 'Signing KDC Response',
  '1.3.6.1.5.5.7.48.1': 'OCSP',
  '1.3.6.1.5.5.7.48.2': 'CA Issuers',
  '1.3.6.1.5.5.7.48.3': 'AD Time Stamping',
  '1.3.6.1.5.5.7.48.5': 'CA Repository',
  '2.5.29.32.0': 'X509v3 Any Policy',
};

function objectText(o: { readonly oid: string }): string {
  return OBJECT_LN[o.oid] ?? o.oid;
}

/** IPv6 as openssl 3.0 prints it: eight groups, uppercase hex, no compression. */
function expandIpv6(text: string): string {
  const [head, tail] = text.includes('::') ? (text.split('::') as [string, string]) : [text, null];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const width = (parts: readonly string[]): number => parts.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  const groups = tail === null ? h : [...h, ...Array<string>(Math.max(0, 8 - width(h) - width(t))).fill('0'), ...t];
  const hex = groups.flatMap((g) => {
    if (!g.includes('.')) return [parseInt(g || '0', 16).toString(16).toUpperCase()];
    const [a = 0, b = 0, c = 0, d = 0] = g.split('.').map(Number);
    return [((a << 8) | b).toString(16).toUpperCase(), ((c << 8) | d).toString(16).toUpperCase()];
  });
  return hex.join(':');
}

function ipText(value: string, constraint: boolean): string {
  const [addr, prefix] = value.split('/') as [string, string | undefined];
  const v6 = addr.includes(':');
  const shown = v6 ? expandIpv6(addr) : addr;
  if (!constraint || prefix === undefined) return shown;
  const bits = Number(prefix);
  if (!v6) {
    const mask = [0, 1, 2, 3].map((i) => (0xff << (8 - Math.max(0, Math.min(8, bits - i * 8)))) & 0xff).join('.');
    return `${shown}/${mask}`;
  }
  const mask = Array.from({ length: 8 }, (_, i) => (((0xffff << (16 - Math.max(0, Math.min(16, bits - i * 16)))) & 0xffff).toString(16).toUpperCase())).join(':');
  return `${shown}/${mask}`;
}

/**
 * How a GeneralName is printed. OpenSSL 3.0 has two paths: i2v_GENERAL_NAME (alternative names,
 * key identifiers, access descriptions: a directoryName as "/O=…/CN=…") and GENERAL_NAME_print
 * (distribution points and name constraints: "O = …, CN = …"; constraints print IP ranges as
 * address/mask).
 */
type NameStyle = 'i2v' | 'print' | 'constraint';

function constraintIp(value: string): string {
  // The model keeps "addr/prefix"; a range it could not read stays "#" + hex (address then mask).
  if (value.startsWith('#')) {
    const bytes = hexBytes(value.slice(1)).map((h) => parseInt(h, 16));
    if (bytes.length === 8) return `${bytes.slice(0, 4).join('.')}/${bytes.slice(4).join('.')}`;
    if (bytes.length === 32) {
      const groups = (b: number[]): string => Array.from({ length: 8 }, (_, k) => (((b[2 * k] ?? 0) << 8) | (b[2 * k + 1] ?? 0)).toString(16).toUpperCase()).join(':');
      return `${groups(bytes.slice(0, 16))}/${groups(bytes.slice(16))}`;
    }
    return value;
  }
  return ipText(value, true);
}

function generalName(n: GeneralNameModel, style: NameStyle = 'i2v'): string {
  switch (n.type) {
    case 'dns':
      return `DNS:${n.value}`;
    case 'ip':
      return style === 'constraint' ? `IP:${constraintIp(n.value)}` : `IP Address:${ipText(n.value, false)}`;
    case 'email':
      return `email:${n.value}`;
    case 'uri':
      return `URI:${n.value}`;
    case 'dirName':
      return `DirName:${style === 'i2v' ? slashFromRfc4514(n.value) : onelineFromRfc4514(n.value)}`;
    case 'registeredId':
      return `Registered ID:${n.value}`;
    case 'upn':
      return `othername: UPN::${n.value}`;
    case 'otherName':
      return n.typeOid === '1.3.6.1.5.5.7.8.9' ? `othername: SmtpUTF8Mailbox::${n.value}` : `othername: ${n.typeOid ?? '?'}::${n.value}`;
    case 'x400Address':
      return 'X400Name:<unsupported>';
    case 'ediPartyName':
      return 'EdiPartyName:<unsupported>';
  }
}

const REASON_TEXT: Readonly<Record<string, string>> = {
  unused: 'Unused',
  keyCompromise: 'Key Compromise',
  cACompromise: 'CA Compromise',
  affiliationChanged: 'Affiliation Changed',
  superseded: 'Superseded',
  cessationOfOperation: 'Cessation Of Operation',
  certificateHold: 'Certificate Hold',
  privilegeWithdrawn: 'Privilege Withdrawn',
  aACompromise: 'AA Compromise',
};

function distributionPoints(points: readonly DistributionPointModel[], i: string): string[] {
  const lines: string[] = [];
  points.forEach((p) => {
    if (p.fullName) lines.push(`${i}Full Name:`, ...p.fullName.map((n) => `${i}  ${generalName(n, 'print')}`));
    if (p.nameRelativeToCrlIssuer) lines.push(`${i}Relative Name:`, `${i}  ${p.nameRelativeToCrlIssuer}`);
    if (p.reasons) {
      // print_reasons writes "Reasons:" without a line break of its own, so it trails the previous line.
      const text = p.reasons.map((r) => REASON_TEXT[r] ?? r).join(', ');
      if (lines.length > 0) lines[lines.length - 1] = `${lines[lines.length - 1] ?? ''}${i}Reasons:`;
      else lines.push(`${i}Reasons:`);
      lines.push(`${i}  ${text}`);
    }
    if (p.crlIssuer) lines.push(`${i}CRL Issuer:`, ...p.crlIssuer.map((n) => `${i}  ${generalName(n, 'print')}`));
  });
  return lines;
}

function subtrees(title: string, list: readonly GeneralSubtreeModel[], i: string): string[] {
  if (list.length === 0) return [];
  return [`${i}${title}:`, ...list.map((s) => `${i}  ${generalName(s.base, 'constraint')}`)];
}

/** Value lines of one extension, indented 16 like X509V3_extensions_print. */
function extensionValue(e: ExtensionModel): string[] {
  const i = ' '.repeat(16);
  switch (e.kind) {
    case 'subjectKeyIdentifier':
      return [`${i}${colonHex(e.keyIdentifierHex)}`];
    case 'authorityKeyIdentifier': {
      const named = e.authorityCertIssuer !== null || e.authorityCertSerialNumberHex !== null;
      const lines: string[] = [];
      if (e.keyIdentifierHex !== null) lines.push(`${i}${named ? 'keyid:' : ''}${colonHex(e.keyIdentifierHex)}`);
      for (const n of e.authorityCertIssuer ?? []) lines.push(`${i}${generalName(n)}`);
      if (e.authorityCertSerialNumberHex !== null) lines.push(`${i}serial:${colonHex(e.authorityCertSerialNumberHex)}`);
      return lines;
    }
    case 'basicConstraints':
      return [`${i}CA:${e.ca ? 'TRUE' : 'FALSE'}${e.pathLength !== null ? `, pathlen:${e.pathLength}` : ''}`];
    case 'keyUsage':
      return [`${i}${e.usages.map((u) => KEY_USAGE_TEXT[u] ?? u).join(', ')}`];
    case 'extKeyUsage':
      // An empty SEQUENCE is invalid for openssl, which then prints the raw value.
      return [`${i}${e.purposes.length === 0 ? rawValue(e.valueHex) : e.purposes.map(objectText).join(', ')}`];
    case 'subjectAltName':
    case 'issuerAltName':
      return [`${i}${e.names.length === 0 ? '<EMPTY>' : e.names.map((n) => generalName(n)).join(', ')}`];
    case 'crlDistributionPoints':
    case 'freshestCrl':
      return distributionPoints(e.points, i);
    case 'authorityInfoAccess':
    case 'subjectInfoAccess':
      return e.descriptions.map((d) => `${i}${objectText(d.method)} - ${generalName(d.location)}`);
    case 'certificatePolicies': {
      const lines: string[] = [];
      for (const p of e.policies) {
        lines.push(`${i}Policy: ${objectText(p)}`);
        for (const q of p.qualifiers) {
          if (q.cpsUri !== undefined) lines.push(`${i}  CPS: ${q.cpsUri}`);
          else if (q.userNotice) {
            lines.push(`${i}  User Notice:`);
            if (q.userNotice.organization !== undefined) lines.push(`${i}    Organization: ${q.userNotice.organization}`, `${i}    Number${(q.userNotice.noticeNumbers?.length ?? 0) > 1 ? 's' : ''}: ${(q.userNotice.noticeNumbers ?? []).join(', ')}`);
            if (q.userNotice.explicitText !== undefined) lines.push(`${i}    Explicit Text: ${q.userNotice.explicitText}`);
          } else lines.push(`${i}  Unknown Qualifier: ${q.oid}`);
        }
      }
      return lines;
    }
    case 'nameConstraints':
      return [...subtrees('Permitted', e.permitted, i), ...subtrees('Excluded', e.excluded, i)];
    case 'policyConstraints': {
      const parts: string[] = [];
      if (e.requireExplicitPolicy !== null) parts.push(`Require Explicit Policy:${e.requireExplicitPolicy}`);
      if (e.inhibitPolicyMapping !== null) parts.push(`Inhibit Policy Mapping:${e.inhibitPolicyMapping}`);
      return [`${i}${parts.join(', ')}`];
    }
    case 'policyMappings':
      return [`${i}${e.mappings.map((m) => `${objectText(m.issuerDomainPolicy)}:${objectText(m.subjectDomainPolicy)}`).join(', ')}`];
    case 'inhibitAnyPolicy':
      return [`${i}${e.skipCerts}`];
    case 'signedCertificateTimestampList': {
      const lines: string[] = [];
      for (const s of e.timestamps) {
        lines.push(
          `${i}Signed Certificate Timestamp:`,
          `${i}    Version   : v${s.version} (0x${(s.version - 1).toString(16)})`,
          ...hexDump(s.logIdHex.toUpperCase(), 16, 0).map((l, k) => `${i}    ${k === 0 ? 'Log ID    : ' : '            '}${l}`),
          `${i}    Timestamp : ${sctTime(s.timestamp)}`,
          `${i}    Extensions: ${s.extensionsHex ? colonHex(s.extensionsHex) : 'none'}`,
          `${i}    Signature : ${sctSignatureName(s.hashAlgorithm, s.signatureAlgorithm)}`,
          ...hexDump(s.signatureHex.toUpperCase(), 16, 32),
        );
      }
      return lines;
    }
    case 'ctPrecertificatePoison':
      return [`${i}NULL`];
    case 'tlsFeature':
      return [`${i}${e.features.map((f) => f.name ?? String(f.value)).join(', ')}`];
    case 'netscapeCertType':
      return [`${i}${e.types.map((t) => NS_CERT_TYPE[t] ?? t).join(', ')}`];
    case 'netscapeComment':
      return [`${i}${e.comment}`];
    case 'unknown':
      if (e.oid === '2.5.29.16') {
        const period = privateKeyUsagePeriod(e.valueHex);
        if (period) return [`${i}${period}`];
      }
      return [`${i}${rawValue(e.valueHex)}`];
    case 'msCertificateTemplateName':
    case 'msCaVersion':
    case 'msCertificateTemplate':
    case 'subjectDirectoryAttributes':
    case 'crlNumber':
    case 'deltaCrlIndicator':
    case 'crlReason':
    case 'invalidityDate':
    case 'issuingDistributionPoint':
      return [`${i}${rawValue(e.valueHex)}`];
  }
}

/** PrivateKeyUsagePeriod (RFC 3280 §4.2.1.4): SEQUENCE { [0] GeneralizedTime OPTIONAL, [1] GeneralizedTime OPTIONAL }. */
function privateKeyUsagePeriod(hex: string): string | null {
  const b = hexBytes(hex).map((h) => parseInt(h, 16));
  if (b[0] !== 0x30 || (b[1] ?? 0x80) >= 0x80) return null;
  const parts: string[] = [];
  for (let k = 2; k + 1 < b.length; ) {
    const tag = b[k] ?? 0;
    const len = b[k + 1] ?? 0;
    const text = String.fromCharCode(...b.slice(k + 2, k + 2 + len));
    const m = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/u.exec(text);
    if (!m || (tag !== 0x80 && tag !== 0x81)) return null;
    parts.push(`${tag === 0x80 ? 'Not Before' : 'Not After'}: ${opensslTime(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`)}`);
    k += 2 + len;
  }
  return parts.join(', ');
}

/** ASN1_STRING_print of an extension openssl cannot decode: printable bytes as is, others as ".". */
function rawValue(hex: string): string {
  return hexBytes(hex)
    .map((h) => {
      const b = parseInt(h, 16);
      return b === 0x0a || (b >= 0x20 && b < 0x7f) ? String.fromCharCode(b) : '.';
    })
    .join('');
}

function sctTime(iso: string): string {
  const d = new Date(iso);
  const t = opensslTime(iso).replace(/ GMT$/u, '');
  // openssl prints milliseconds: "Mar 19 17:19:55.474 2024 GMT".
  const ms = String(d.getUTCMilliseconds()).padStart(3, '0');
  return `${t.slice(0, 15)}.${ms}${t.slice(15)} GMT`;
}

function sctSignatureName(hash: string, sig: string): string {
  const h = hash.toLowerCase().replace('-', '');
  const s = sig.toLowerCase();
  if (s.includes('ecdsa')) return `ecdsa-with-${h.toUpperCase()}`;
  if (s.includes('rsa')) return `${h}WithRSAEncryption`;
  return `${hash} ${sig}`;
}

function extensionLines(e: ExtensionModel): string[] {
  const title = EXTENSION_LN[e.oid] ?? e.oid;
  const head = `            ${title}: ${e.critical ? 'critical' : ''}`;
  // OCSP No Check is a NULL: openssl prints its empty value as an empty line.
  if (e.oid === '1.3.6.1.5.5.7.48.1.5') return [head, ''];
  return [head, ...(e.decodeError !== undefined ? [`                ${rawValue(e.valueHex)}`] : extensionValue(e))];
}

// ---------------------------------------------------------------------------------------------
// The certificate
// ---------------------------------------------------------------------------------------------

function serialLines(c: CertificateModel): string[] {
  const n = BigInt(c.serialNumberDecimal);
  const negative = n < 0n;
  const magnitude = negative ? -n : n;
  let magHex = magnitude.toString(16);
  if (magHex.length % 2) magHex = `0${magHex}`;
  // X509_print_ex prints values that fit a signed long on one line; larger ones (and -1) as hex bytes.
  if (magHex.length <= 16 && magnitude <= 0x7fffffffffffffffn && !(negative && magnitude === 1n)) {
    return [`        Serial Number: ${negative ? '-' : ''}${magnitude.toString(10)} (${negative ? '-' : ''}0x${magnitude.toString(16)})`];
  }
  return [`        Serial Number:${negative ? ' (Negative)' : ''}`, `            ${hexBytes(magHex).join(':')}`];
}

/** The whole of `openssl x509 -text -noout` for one certificate, ending with a newline. */
export function certificateToText(c: CertificateModel): string {
  const lines: string[] = ['Certificate:', '    Data:', `        Version: ${c.version} (0x${(c.version - 1).toString(16)})`];
  lines.push(...serialLines(c));
  const pss = pssLines(c.signatureAlgorithm);
  lines.push(`        Signature Algorithm: ${algorithmName(c.signatureAlgorithm)}${pss ? '        ' : ''}`, ...(pss ?? []));
  lines.push(`        Issuer: ${opensslName(c.issuer)}`, '        Validity', `            Not Before: ${opensslTime(c.notBefore)}`, `            Not After : ${opensslTime(c.notAfter)}`);
  lines.push(`        Subject: ${opensslName(c.subject)}`, '        Subject Public Key Info:', ...publicKeyLines(c.publicKey));
  if (c.issuerUniqueIdHex !== null) lines.push('        Issuer Unique ID: ', ...hexDump(c.issuerUniqueIdHex, 18, 12));
  if (c.subjectUniqueIdHex !== null) lines.push('        Subject Unique ID: ', ...hexDump(c.subjectUniqueIdHex, 18, 12));
  if (c.extensions.length > 0) {
    lines.push('        X509v3 extensions:');
    for (const e of c.extensions) lines.push(...extensionLines(e));
  }
  // openssl prints PSS parameters again after "Signature Value:", before the signature bytes.
  lines.push(`    Signature Algorithm: ${algorithmName(c.signatureAlgorithm)}`, `    Signature Value:${pss ? '        ' : ''}`, ...(pss ?? []), ...hexDump(c.signatureValueHex, 18, 8));
  return `${lines.join('\n')}\n`;
}
