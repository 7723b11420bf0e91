/**
 * Content-based input detection: PEM (any number of blocks, any supported label, text around
 * them ignored), raw DER (classified by ASN.1 shape and OIDs), and base64 or hex pasted without
 * armour. Never looks at file names. Cheap: the DER reader is lazy and bounded.
 */
import { CoreFailure, type CoreError, type DetectedItem, type DetectionResult, type InputFormat, type InputNote, type ItemKind } from '../model';
import { errorMessage, fromBase64, fromHex } from './bytes';
import { type Asn1, DerError, readAsn1, TAG, TagClass } from './der';
import { isRsaPublicKey, rsaPublicKeyToSpki } from '../keys/public-key';

const OID_PKCS7_DATA = '1.2.840.113549.1.7.1';
const OID_PKCS7_SIGNED = '1.2.840.113549.1.7.2';

const isTime = (n: Asn1 | undefined): boolean => !!n && (n.isUniversal(TAG.UTCTime) || n.isUniversal(TAG.GeneralizedTime));
const isSeq = (n: Asn1 | undefined): boolean => !!n?.isSequence;
const isInt = (n: Asn1 | undefined): boolean => !!n && n.isUniversal(TAG.INTEGER) && !n.constructed;
const isAlgId = (n: Asn1 | undefined): boolean => {
  if (!n?.isSequence) return false;
  const k = n.children();
  return k.length >= 1 && k.length <= 2 && !!k[0]?.isUniversal(TAG.OID);
};

/** Classifies one DER element by shape. Returns null when it is none of the kinds we read. */
export function classifyDer(node: Asn1): ItemKind | null {
  try {
    return classify(node);
  } catch (e) {
    if (e instanceof DerError) return null;
    throw e;
  }
}

function classify(node: Asn1): ItemKind | null {
  if (!node.isSequence) return null;
  const k = node.children();
  const [a, b, c] = k;
  // Signed envelope: Certificate / CertificationRequest / CertificateList.
  // The outer AlgorithmIdentifier is only required to be constructed: openssl shows certificates whose outer one carries an odd tag (decode warns).
  if (k.length === 3 && isSeq(a) && (isAlgId(b) || (b?.constructed && a?.children()[0]?.isContext(0))) && c?.isUniversal(TAG.BIT_STRING) && a) {
    const t = a.children();
    const t0 = t[0];
    if (t0?.isContext(0) && t0.constructed) return 'certificate';
    if (isAlgId(t0) && isSeq(t[1]) && isTime(t[2])) return 'crl'; // v1 CRL
    if (isInt(t0)) {
      if (isAlgId(t[1]) && isSeq(t[2]) && isTime(t[3])) return 'crl';
      if (t.length >= 3 && t.length <= 4 && isSeq(t[1]) && isSeq(t[2]) && (t.length === 3 || t[3]?.isContext(0))) return 'csr';
      if (t.length >= 6 && isAlgId(t[1]) && isSeq(t[2]) && isSeq(t[3]) && isSeq(t[4]) && isSeq(t[5])) return 'certificate';
    }
    return null;
  }
  // ContentInfo (PKCS#7 / CMS).
  if (k.length === 2 && a?.isUniversal(TAG.OID) && b?.isContext(0) && b.constructed) {
    const oid = a.oid();
    if (oid.startsWith('1.2.840.113549.1.7.') || oid.startsWith('1.2.840.113549.1.9.16.1.')) return 'pkcs7';
    return null;
  }
  // PFX: { version 3, authSafe ContentInfo, macData? }.
  if ((k.length === 2 || k.length === 3) && isInt(a) && a && isSeq(b) && b) {
    const ci = b.children();
    const oid = ci[0]?.isUniversal(TAG.OID) ? ci[0].oid() : '';
    // Version 3 is RFC 7292; 1 and 2 are pre-standard PFX, recognised so that opening says what they are.
    if (a.content.length === 1 && (a.content[0] ?? 0) >= 1 && (a.content[0] ?? 0) <= 3 && (oid === OID_PKCS7_DATA || oid === OID_PKCS7_SIGNED)) return 'pkcs12';
  }
  // PKCS#8 PrivateKeyInfo / OneAsymmetricKey.
  if (k.length >= 3 && isInt(a) && isAlgId(b) && c?.isUniversal(TAG.OCTET_STRING)) return 'private-key';
  // EncryptedPrivateKeyInfo.
  if (k.length === 2 && isAlgId(a) && b?.isUniversal(TAG.OCTET_STRING)) return 'encrypted-private-key';
  // SubjectPublicKeyInfo.
  if (k.length === 2 && isAlgId(a) && b?.isUniversal(TAG.BIT_STRING)) return 'public-key';
  // PKCS#1 RSAPrivateKey: version + 8 integers (+ otherPrimeInfos).
  if (k.length >= 9 && k.slice(0, 9).every(isInt)) return 'rsa-private-key';
  // SEC 1 ECPrivateKey: { 1, OCTET STRING, [0] params?, [1] publicKey? }.
  if (k.length >= 2 && k.length <= 4 && isInt(a) && a?.content.length === 1 && a.content[0] === 1 && b?.isUniversal(TAG.OCTET_STRING)) {
    if (k.slice(2).every((x) => x.tagClass === TagClass.Context)) return 'ec-private-key';
  }
  // PKCS#1 RSAPublicKey.
  if (isRsaPublicKey(node)) return 'public-key';
  return null;
}

const NONE_OF = 'none of certificate, CSR, CRL, PKCS#7, PKCS#12, PKCS#8, encrypted PKCS#8, SubjectPublicKeyInfo, PKCS#1 or SEC 1 key';

function formatOf(kind: ItemKind): InputFormat {
  switch (kind) {
    case 'certificate':
      return 'der';
    case 'csr':
      return 'csr';
    case 'crl':
      return 'crl';
    case 'pkcs7':
      return 'pkcs7';
    case 'pkcs12':
      return 'pkcs12';
    case 'public-key':
      return 'public-key';
    default:
      return 'private-key';
  }
}

/** Normalises a detected public key to SPKI when it is a PKCS#1 RSAPublicKey. */
function publicKeyDer(node: Asn1): Uint8Array {
  return isRsaPublicKey(node) ? rsaPublicKeyToSpki(node.bytes) : node.bytes;
}

/** Tries DER: one element, or several concatenated elements that all classify. */
function detectDer(bytes: Uint8Array, baseOffset: number): { items: DetectedItem[]; error: string | null } {
  const items: DetectedItem[] = [];
  let p = 0;
  while (p < bytes.length) {
    let node: Asn1;
    try {
      node = readAsn1(bytes, p);
    } catch (e) {
      if (items.length === 0) return { items, error: `not valid DER: ${errorMessage(e)}` };
      const last = items[items.length - 1];
      if (last && (last.kind === 'certificate' || last.kind === 'csr' || last.kind === 'crl')) {
        // Bytes after a certificate that are no DER element: openssl reads the certificate and
        // ignores them; they stay with it, and its decoder warns (TRAILING_DATA).
        items[items.length - 1] = { ...last, der: bytes.slice(last.location.offset - baseOffset) };
        return { items, error: null };
      }
      return { items, error: `trailing data at byte ${baseOffset + p} is not valid DER: ${errorMessage(e)}` };
    }
    const kind = classifyDer(node);
    const last = items[items.length - 1];
    if (!kind && last && (last.kind === 'certificate' || last.kind === 'csr' || last.kind === 'crl')) {
      // As below: what follows a certificate and is nothing we read stays with it (its decoder warns).
      items[items.length - 1] = { ...last, der: bytes.slice(last.location.offset - baseOffset) };
      return { items, error: null };
    }
    if (!kind) {
      const what = node.isSequence ? `a DER SEQUENCE that is ${NONE_OF}` : `a DER element (tag ${node.tag}) that is not a SEQUENCE`;
      return { items, error: p === 0 ? what : `element at byte ${baseOffset + p} is ${what}` };
    }
    const der = kind === 'public-key' ? publicKeyDer(node) : node.bytes;
    items.push({ kind, der: der === node.bytes ? bytes.slice(node.offset, node.end) : der, location: { offset: baseOffset + p } });
    p = node.end;
  }
  return { items, error: null };
}

const LABELS: Readonly<Record<string, ItemKind>> = {
  CERTIFICATE: 'certificate',
  'X509 CERTIFICATE': 'certificate',
  'X.509 CERTIFICATE': 'certificate',
  'TRUSTED CERTIFICATE': 'certificate',
  PKCS7: 'pkcs7',
  'PKCS #7 SIGNED DATA': 'pkcs7',
  CMS: 'pkcs7',
  'CERTIFICATE REQUEST': 'csr',
  'NEW CERTIFICATE REQUEST': 'csr',
  'X509 CRL': 'crl',
  CRL: 'crl',
  'CERTIFICATE PAIR': 'certificate', // X.509 CertificatePair: its [0]/[1] certificates are listed
  'NETSCAPE CERTIFICATE SEQUENCE': 'certificate', // Netscape certificate sequence: its certificates are listed
  'PRIVATE KEY': 'private-key',
  'ENCRYPTED PRIVATE KEY': 'encrypted-private-key',
  'RSA PRIVATE KEY': 'rsa-private-key',
  'EC PRIVATE KEY': 'ec-private-key',
  'PUBLIC KEY': 'public-key',
  'RSA PUBLIC KEY': 'public-key',
  PKCS12: 'pkcs12',
};

/** Labels that carry nothing to show and are skipped silently. */
const IGNORED_LABELS = new Set(['EC PARAMETERS', 'DH PARAMETERS', 'X9.42 DH PARAMETERS']);

/**
 * Containers under a certificate label: CertificatePair ::= SEQUENCE { issuedToThisCA [0]
 * Certificate OPTIONAL, issuedByThisCA [1] Certificate OPTIONAL } (X.509 §11.2.3), and the
 * Netscape certificate sequence, SEQUENCE { OID 2.16.840.1.113730.2.5, [0] EXPLICIT SEQUENCE
 * OF Certificate }. Returns the certificates' DER with their offsets in `der`, or null.
 */
function containedCertificates(label: string, der: Uint8Array): { der: Uint8Array; offset: number; path: string }[] | null {
  const top = readAsn1(der);
  if (!top.isSequence) return null;
  const kids = top.children();
  if (label === 'CERTIFICATE PAIR') {
    return kids.flatMap((k) => {
      const c = k.isContext(0) || k.isContext(1) ? k.children()[0] : undefined;
      return c ? [{ der: der.slice(c.offset, c.end), offset: c.offset, path: k.tag === 0 ? 'certificate pair: issued to this CA' : 'certificate pair: issued by this CA' }] : [];
    });
  }
  const [oid, wrap] = kids;
  if (!oid?.isUniversal(TAG.OID) || oid.oid() !== '2.16.840.1.113730.2.5' || !wrap?.isContext(0)) return null;
  const seq = wrap.children()[0];
  return seq?.isSequence ? seq.children().map((c, i) => ({ der: der.slice(c.offset, c.end), offset: c.offset, path: `Netscape certificate sequence ${i + 1}` })) : [];
}

/** One UTF-16 code unit per byte (windows-1252 is single-byte), so string offsets are byte offsets. */
const SINGLE_BYTE = new TextDecoder('latin1');
function latin1(bytes: Uint8Array): string {
  return SINGLE_BYTE.decode(bytes);
}

const MAX_PEM_BLOCKS = 100_000;
const MAX_PEM_ERRORS = 1_000;

const BEGIN_RE = /-----BEGIN ([^\r\n-]*(?:-[^\r\n-]+)*)-----/g;

function detectPem(text: string): { items: DetectedItem[]; errors: CoreError[]; notes: InputNote[]; unknownLabels: CoreError[]; blocks: number } {
  const items: DetectedItem[] = [];
  const errors: CoreError[] = [];
  const notes: InputNote[] = [];
  const unknownLabels: CoreError[] = [];
  let block = 0;
  BEGIN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BEGIN_RE.exec(text)) !== null) {
    block++;
    const label = (m[1] ?? '').trim();
    const offset = m.index;
    const loc = { offset, pemBlock: block, label };
    if (block > MAX_PEM_BLOCKS) {
      errors.push({ code: 'LIMIT_EXCEEDED', message: `More than ${MAX_PEM_BLOCKS.toLocaleString('en-US')} PEM blocks; the rest were not read.`, location: loc });
      break;
    }
    const endMarker = `-----END ${label}-----`;
    const bodyStart = m.index + m[0].length;
    // Look for the END line only up to the next BEGIN, so many unterminated blocks stay linear.
    const nextBegin = text.indexOf('-----BEGIN ', bodyStart);
    const endRel = nextBegin < 0 ? text.indexOf(endMarker, bodyStart) - bodyStart : text.slice(bodyStart, nextBegin).indexOf(endMarker);
    const endAt = bodyStart + endRel;
    if (endRel < 0) {
      errors.push({ code: 'MALFORMED', message: `PEM block ${block} (${label}) has no matching "${endMarker}" line.`, location: loc });
      if (errors.length > MAX_PEM_ERRORS) break;
      continue;
    }
    BEGIN_RE.lastIndex = endAt + endMarker.length;
    const body = text.slice(bodyStart, endAt);
    if (IGNORED_LABELS.has(label)) continue;
    const kind = LABELS[label];
    if (!kind) {
      const hint = label === 'OPENSSH PRIVATE KEY' ? ' (OpenSSH key format; convert with ssh-keygen -p -m PKCS8)' : '';
      // A note, unless nothing else in the input can be read (decided once all blocks are seen).
      unknownLabels.push({ code: 'UNRECOGNIZED_INPUT', message: `PEM block ${block} has the label "${label}", which Certscope does not read${hint}; it was skipped.`, location: loc });
      continue;
    }
    // RFC 1421 headers ("Name: value" lines up to a blank line).
    const lines = body.split(/\r?\n|\r/);
    const headers: Record<string, string> = {};
    let i = 0;
    while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
    if (/^[A-Za-z][A-Za-z0-9-]*:/.test(lines[i] ?? '')) {
      while (i < lines.length && (lines[i] ?? '').trim() !== '') {
        const line = lines[i] ?? '';
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
        else {
          // Continuation line of the previous header.
          const keys = Object.keys(headers);
          const last = keys[keys.length - 1];
          if (last) headers[last] = `${headers[last] ?? ''}${line.trim()}`;
        }
        i++;
      }
    }
    const b64 = lines.slice(i).join('').replace(/\s+/g, '');
    let der: Uint8Array;
    try {
      der = fromBase64(b64);
    } catch (e) {
      errors.push({ code: 'MALFORMED', message: `PEM block ${block} (${label}) has invalid base64: ${errorMessage(e)}.`, location: loc });
      continue;
    }
    if (der.length === 0) {
      errors.push({ code: 'MALFORMED', message: `PEM block ${block} (${label}) is empty.`, location: loc });
      continue;
    }
    const hasHeaders = Object.keys(headers).length > 0;
    const encrypted = /ENCRYPTED/i.test(headers['Proc-Type'] ?? '');
    if (encrypted) {
      items.push({ kind, der, location: loc, pemHeaders: headers });
      continue;
    }
    if (label === 'CERTIFICATE PAIR' || label === 'NETSCAPE CERTIFICATE SEQUENCE') {
      try {
        const inner = containedCertificates(label, der);
        if (inner === null) throw new DerError(`not a ${label === 'CERTIFICATE PAIR' ? 'CertificatePair' : 'Netscape certificate sequence'}`, 0);
        for (const c of inner) items.push({ kind: 'certificate', der: c.der, location: { ...loc, path: c.path } });
        if (inner.length === 0) notes.push({ message: `PEM block ${block} (${label}) holds no certificate.`, location: loc });
      } catch (e) {
        errors.push({ code: 'MALFORMED', message: `PEM block ${block} (${label}) is not valid DER: ${errorMessage(e)}.`, location: loc });
      }
      continue;
    }
    try {
      const node = readAsn1(der);
      if (label === 'TRUSTED CERTIFICATE') der = der.slice(0, node.end); // drop the OpenSSL CertAux
      // Certificates, CSRs and CRLs with bytes after them are read (openssl does); their decoder warns.
      else if (node.end !== der.length && kind !== 'certificate' && kind !== 'csr' && kind !== 'crl') throw new DerError(`${der.length - node.end} trailing bytes after the ASN.1 element`, node.end);
      if (kind === 'public-key' && isRsaPublicKey(node)) der = rsaPublicKeyToSpki(node.bytes);
    } catch (e) {
      errors.push({ code: 'MALFORMED', message: `PEM block ${block} (${label}) is not valid DER: ${errorMessage(e)}.`, location: loc });
      continue;
    }
    items.push(hasHeaders ? { kind, der, location: loc, pemHeaders: headers } : { kind, der, location: loc });
  }
  return { items, errors, notes, unknownLabels, blocks: block };
}

function sniffBinary(b: Uint8Array): string | null {
  const starts = (...sig: number[]): boolean => sig.every((x, i) => b[i] === x);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'looks like a ZIP archive; extract the certificate files first';
  if (starts(0x1f, 0x8b)) return 'looks like a gzip archive; decompress it first';
  if (starts(0xfe, 0xed, 0xfe, 0xed)) return 'looks like a Java KeyStore (JKS); convert it with keytool -importkeystore -deststoretype PKCS12';
  if (starts(0xce, 0xce, 0xce, 0xce)) return 'looks like a Java JCEKS keystore; convert it with keytool -importkeystore -deststoretype PKCS12';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'looks like a PDF document';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'looks like a PNG image';
  if (starts(0xff, 0xd8, 0xff)) return 'looks like a JPEG image';
  if (starts(0x7f, 0x45, 0x4c, 0x46)) return 'looks like an ELF executable';
  if (starts(0x4d, 0x5a)) return 'looks like a Windows executable';
  return null;
}

function isMostlyText(b: Uint8Array): boolean {
  const n = Math.min(b.length, 4096);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i] ?? 0;
    if (c < 0x09 || (c > 0x0d && c < 0x20) || c === 0x7f) bad++;
  }
  return bad === 0 || bad / n < 0.01;
}

function unrecognized(message: string): DetectionResult {
  return { format: null, items: [], errors: [{ code: 'UNRECOGNIZED_INPUT', message, location: { offset: 0 } }] };
}

/** Detects what an input holds. Never throws. */
export function detectInputs(bytes: Uint8Array): DetectionResult {
  try {
    return detect(bytes);
  } catch (e) {
    const err = e instanceof CoreFailure ? e.toError() : { code: 'MALFORMED' as const, message: `Could not read the input: ${errorMessage(e)}.` };
    return { format: null, items: [], errors: [err] };
  }
}

function detect(bytes: Uint8Array): DetectionResult {
  if (bytes.length === 0) return unrecognized('The input is empty.');
  // UTF-16 text (e.g. saved as "Unicode" by Windows Notepad): read it as UTF-8.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const textUtf16 = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
    return detect(new TextEncoder().encode(textUtf16));
  }
  // Binary DER first: a SEQUENCE (0x30) is never the start of PEM or pasted text.
  if (bytes[0] === 0x30) {
    const der = detectDer(bytes, 0);
    if (der.items.length > 0) {
      const errors: CoreError[] = der.error ? [{ code: 'MALFORMED', message: `${der.error[0]?.toUpperCase() ?? ''}${der.error.slice(1)}.` }] : [];
      const first = der.items[0];
      return { format: first ? formatOf(first.kind) : null, items: der.items, errors };
    }
    if (!isMostlyText(bytes)) return unrecognized(`The input is ${der.error ?? 'not DER'}.`);
  }
  const sniff = sniffBinary(bytes);
  if (sniff) return unrecognized(`The input ${sniff}.`);
  if (!isMostlyText(bytes)) {
    return unrecognized(bytes[0] === 0x30 ? 'The input is a DER SEQUENCE that could not be read.' : 'The input is binary data that is neither DER nor text.');
  }
  const text = latin1(bytes);
  if (text.includes('-----BEGIN ')) {
    const pem = detectPem(text);
    if (pem.blocks > 0) {
      // Unknown labels next to something readable are notes; alone, they are the input's errors.
      if (pem.items.length === 0) return { format: 'pem', items: [], errors: [...pem.errors, ...pem.unknownLabels], ...(pem.notes.length ? { notes: pem.notes } : {}) };
      const notes = [...pem.unknownLabels.map((e): InputNote => (e.location ? { message: e.message, location: e.location } : { message: e.message })), ...pem.notes];
      return { format: 'pem', items: pem.items, errors: pem.errors, ...(notes.length ? { notes } : {}) };
    }
  }
  // Pasted base64 or hex without armour.
  const compact = text.replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trim();
  if (compact.length === 0) return unrecognized('The input is blank text.');
  const hexCandidate = compact.replace(/^0x/i, '').replace(/[\s:,-]+/g, '');
  if (/^[0-9a-fA-F]+$/.test(hexCandidate) && hexCandidate.length % 2 === 0 && /^[0-9a-fA-F\s:,-]+$/.test(compact.replace(/^0x/i, ''))) {
    const der = detectDer(fromHex(hexCandidate), 0);
    if (der.items.length > 0 && !der.error) {
      const first = der.items[0];
      return { format: first ? formatOf(first.kind) : null, items: der.items, errors: [] };
    }
  }
  const b64Candidate = compact.replace(/\s+/g, '');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(b64Candidate)) {
    let decoded: Uint8Array | null = null;
    try {
      decoded = fromBase64(b64Candidate);
    } catch {
      decoded = null;
    }
    if (decoded && decoded.length > 0 && decoded[0] === 0x30) {
      const der = detectDer(decoded, 0);
      if (der.items.length > 0 && !der.error) {
        const first = der.items[0];
        return { format: first ? formatOf(first.kind) : null, items: der.items, errors: [] };
      }
      return unrecognized(`The input is base64 text whose content is ${der.error ?? 'not DER'}.`);
    }
  }
  if (/^ssh-(rsa|ed25519|dss) |^ecdsa-sha2-/.test(compact)) return unrecognized('The input looks like an OpenSSH public key line, not an X.509 object.');
  if (text.includes('-----BEGIN ')) return unrecognized('The input has a "-----BEGIN" marker but no complete PEM block.');
  return unrecognized('The input is text with no PEM block, base64 or hex.');
}


