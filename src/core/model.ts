/**
 * The plain data model of Certscope's engine.
 *
 * Everything here is readonly, structured-cloneable data (strings, numbers, booleans, null,
 * arrays, plain objects, Uint8Array): it crosses the Web Worker boundary and is printed by the
 * CLI. No class instances from pkijs/@peculiar/x509 ever leave `src/core`.
 *
 * Dates are ISO-8601 strings in UTC. Binary values shown to people are lowercase hex without
 * separators (formatting with colons is the UI's job).
 */

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/** Input error codes of shared/spec/report.md, plus LIMIT_EXCEEDED for work bounds. */
export type ErrorCode =
  | 'UNRECOGNIZED_INPUT'
  | 'MALFORMED'
  | 'PASSWORD_REQUIRED'
  | 'WRONG_PASSWORD'
  | 'UNSUPPORTED_ALGORITHM'
  | 'TOO_LARGE'
  | 'LIMIT_EXCEEDED';

/** Where in an input a problem or an item was found. */
export interface InputLocation {
  /** Byte offset in the input (of the PEM block's BEGIN line, or of the DER element). */
  readonly offset: number;
  /** 1-based PEM block number when the input is PEM text. */
  readonly pemBlock?: number;
  /** PEM label, e.g. "CERTIFICATE". */
  readonly label?: string;
  /** Path inside a container, e.g. "PKCS#12 safe 2, bag 1" or "PKCS#7 certificate 17". */
  readonly path?: string;
}

export interface CoreError {
  readonly code: ErrorCode;
  /** One human sentence: what was wrong and where. */
  readonly message: string;
  readonly location?: InputLocation;
}

/** Thrown only inside core and always caught at the `decodeInput` boundary. */
export class CoreFailure extends Error {
  readonly code: ErrorCode;
  readonly location: InputLocation | undefined;
  constructor(code: ErrorCode, message: string, location?: InputLocation) {
    super(message);
    this.name = 'CoreFailure';
    this.code = code;
    this.location = location;
  }
  toError(): CoreError {
    return this.location ? { code: this.code, message: this.message, location: this.location } : { code: this.code, message: this.message };
  }
}

// ---------------------------------------------------------------------------------------------
// Decode warnings: what a lenient read let through
// ---------------------------------------------------------------------------------------------

/**
 * Stable codes of decode warnings. Each one is a leniency: the object was read (as openssl
 * displays it) although its encoding breaks a rule that some real parser enforces.
 */
export type DecodeWarningCode =
  | 'EMPTY_RDN' // RelativeDistinguishedName SET {} (X.501: SIZE (1..MAX))
  | 'UNDEFINED_VERSION' // certificate version other than v1–v3, CRL/CSR version outside its standard
  | 'DEFAULT_VERSION_ENCODED' // v1 encoded explicitly (DER forbids encoding a DEFAULT value)
  | 'TIME_FORMAT' // a UTCTime or GeneralizedTime that breaks its format (e.g. a four-digit year in a UTCTime)
  | 'ALGORITHM_ENCODING' // an AlgorithmIdentifier with an odd tag or shape
  | 'EXTENSION_MALFORMED' // an extension value that does not decode strictly (best-effort value kept)
  | 'TRAILING_DATA' // bytes after a complete ASN.1 value where none may follow
  | 'NEGATIVE_INTEGER' // a negative INTEGER where only non-negative values are defined (pathLen, skipCerts, …)
  | 'INTEGER_OUT_OF_RANGE' // an INTEGER above its defined range (pathLen of 256, …)
  | 'UNDEFINED_BIT' // a named BIT STRING with a bit no standard defines (keyUsage bit 9, …)
  | 'IP_ADDRESS_LENGTH' // an iPAddress SAN that is neither 4 nor 16 octets
  | 'NON_MINIMAL_INTEGER' // INTEGER with redundant leading 0x00 / 0xff octets
  | 'NON_MINIMAL_LENGTH' // a length in long form, or with leading zero octets, where DER needs the shortest form
  | 'BER_ENCODING' // indefinite length or constructed string: BER, not DER
  | 'STRING_CHARACTERS' // characters outside the string type's alphabet (PrintableString '@', IA5String above 0x7f, …)
  | 'NON_ASCII_NAME' // a dNSName, rfc822Name or URI with octets above 0x7f (IA5String)
  | 'BOOLEAN_ENCODING' // a BOOLEAN TRUE other than 0xff, or a DEFAULT FALSE encoded
  | 'DUPLICATE_EXTENSION'
  | 'UNUSED_BITS'; // a BIT STRING whose unused bits are set or whose count is above 7

/** One leniency of the decoder, on one object. */
export interface DecodeWarning {
  readonly code: DecodeWarningCode;
  /** Field path, e.g. "tbsCertificate.issuer.rdn[2]" or "extensions[3] subjectAltName". */
  readonly field: string;
  /** Byte offset in the object's DER (the certificate, CSR or CRL), when known. */
  readonly offset: number | null;
  /** What was wrong, in plain words, and what is shown instead. */
  readonly message: string;
  /** Real parsers that refuse this (with their words where known); empty when none is known to. */
  readonly rejectedBy: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Input detection
// ---------------------------------------------------------------------------------------------

/** Report-level format of one input (shared/spec/report.md). */
export type InputFormat = 'pem' | 'der' | 'pkcs12' | 'pkcs7' | 'csr' | 'crl' | 'private-key' | 'public-key';

export type ItemKind =
  | 'certificate'
  | 'csr'
  | 'crl'
  | 'pkcs7'
  | 'pkcs12'
  | 'private-key' // PKCS#8 PrivateKeyInfo / OneAsymmetricKey
  | 'rsa-private-key' // PKCS#1 RSAPrivateKey
  | 'ec-private-key' // SEC 1 ECPrivateKey
  | 'encrypted-private-key' // PKCS#8 EncryptedPrivateKeyInfo
  | 'public-key'; // SubjectPublicKeyInfo (or PKCS#1 RSAPublicKey, normalised to SPKI)

/** One DER object found in an input, before decoding. */
export interface DetectedItem {
  readonly kind: ItemKind;
  readonly der: Uint8Array;
  readonly location: InputLocation;
  /** RFC 1421 headers of a legacy encrypted PEM key (Proc-Type, DEK-Info). */
  readonly pemHeaders?: Readonly<Record<string, string>>;
}

/** Something worth saying about an input that is not an error: it does not fail the input (e.g. a PEM block with a label nothing reads, such as an "ERRORS" block in a test file). */
export interface InputNote {
  readonly message: string;
  readonly location?: InputLocation;
}

export interface DetectionResult {
  readonly format: InputFormat | null;
  readonly items: readonly DetectedItem[];
  readonly errors: readonly CoreError[];
  /** Notes that do not fail the input; absent when there are none. */
  readonly notes?: readonly InputNote[];
}

/** One thing a person dropped or pasted. Pasted text is passed as UTF-8 bytes. */
export interface InputSource {
  readonly name: string;
  readonly bytes: Uint8Array;
}

// ---------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------

export interface OidName {
  readonly oid: string;
  /** Registered short name, e.g. "serverAuth", "sha256WithRSAEncryption"; null when unknown. */
  readonly name: string | null;
}

export interface AlgorithmModel extends OidName {
  /** Parameters as DER hex; null when absent. */
  readonly parametersHex: string | null;
  /** Readable parameters, e.g. "SHA-256, MGF1 SHA-256, salt 32" for RSASSA-PSS; null when none. */
  readonly parametersText: string | null;
}

export interface AttributeModel {
  /** RFC 4514 / X.520 short name ("CN", "O", "emailAddress"); null when unknown (the OID is used). */
  readonly shortName: string | null;
  readonly oid: string;
  /** The value as text; for non-string values, "#" + DER hex as RFC 4514 prescribes. */
  readonly value: string;
  /** ASN.1 string type: "UTF8String", "PrintableString", "IA5String", "BMPString", "TeletexString", "UniversalString", "NumericString", "VisibleString", or "other". */
  readonly stringType: string;
}

export interface NameModel {
  /** Relative distinguished names in encoded order (most significant first, as in the DER). */
  readonly rdns: readonly (readonly AttributeModel[])[];
  /** RFC 4514 string (reverse order, escaped), e.g. "CN=leaf,O=Example". */
  readonly rfc4514: string;
  /** DER of the Name, hex: for exact comparisons. */
  readonly derHex: string;
}

export type GeneralNameType =
  | 'dns'
  | 'ip'
  | 'email'
  | 'uri'
  | 'upn' // otherName 1.3.6.1.4.1.311.20.2.3
  | 'otherName'
  | 'dirName'
  | 'registeredId'
  | 'x400Address'
  | 'ediPartyName';

export interface GeneralNameModel {
  readonly type: GeneralNameType;
  /** Text form: DNS name as encoded (A-label), IP as text (v6 compressed; "addr/prefix" in name constraints), RFC 4514 for dirName, dotted OID for registeredId, "#hex" where no text form exists. */
  readonly value: string;
  /** For dns names with A-labels (xn--): the Unicode form; otherwise absent. */
  readonly unicode?: string;
  /** For otherName/upn: the type-id OID. */
  readonly typeOid?: string;
  /** For otherName, x400Address, ediPartyName: the DER hex. */
  readonly derHex?: string;
}

// ---------------------------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------------------------

/** Report-level key algorithm (shared/spec/report.md). */
export type KeyAlgorithm = 'RSA' | 'EC' | 'Ed25519' | 'Ed448' | 'X25519' | 'X448' | 'DSA' | 'RSA-PSS' | 'other';

export interface PublicKeyModel {
  readonly algorithm: KeyAlgorithm;
  readonly algorithmOid: string;
  /** Key size in bits (RSA modulus bits, EC field size, 256 for Ed25519, 456 for Ed448); null when unknown. */
  readonly bits: number | null;
  /** Curve short name ("P-256", "P-384", "P-521", "secp256k1", "brainpoolP256r1", …) or OID; null for non-EC. */
  readonly curve: string | null;
  readonly rsa?: { readonly modulusHex: string; readonly exponent: string };
  readonly ec?: { readonly pointHex: string; readonly explicitParameters: boolean };
  /** The SubjectPublicKeyInfo DER. */
  readonly spkiDer: Uint8Array;
  /** SHA-256 of the SPKI DER: hex, and base64 (the HPKP/`pin-sha256` form). */
  readonly spkiSha256Hex: string;
  readonly spkiSha256Base64: string;
}

export interface KeyEncryptionModel {
  /** "PBES2" | "PKCS#12 PBE" | "PEM (RFC 1421)" */
  readonly scheme: string;
  /** e.g. "AES-256-CBC", "3DES-CBC", "RC2-40-CBC", "RC2-128-CBC", "AES-192-CBC", "DES-CBC". */
  readonly cipher: string;
  /** e.g. "PBKDF2-HMAC-SHA256", "PKCS#12 KDF SHA-1", "EVP_BytesToKey MD5". */
  readonly kdf: string;
  /** null when the scheme has no iteration count (legacy PEM). */
  readonly iterations: number | null;
}

export interface PrivateKeyModel {
  readonly kind: 'private-key';
  readonly sha256Hex: string;
  readonly algorithm: KeyAlgorithm;
  readonly bits: number | null;
  readonly curve: string | null;
  /** Encoding it arrived in. */
  readonly encoding: 'pkcs8' | 'pkcs1' | 'sec1' | 'pkcs8-encrypted' | 'pem-legacy-encrypted' | 'pkcs12-bag';
  /** True when it arrived encrypted (PKCS#8 encrypted, legacy PEM, PKCS#12 shrouded bag). */
  readonly encrypted: boolean;
  readonly encryption: KeyEncryptionModel | null;
  /** SHA-256 hex of the public key's SPKI DER derived from the private key, for matching; null when it could not be derived (still encrypted, unsupported algorithm). */
  readonly publicSpkiSha256Hex: string | null;
  readonly location: InputLocation;
  /** PKCS#12 bag attributes, when it came from a PKCS#12. */
  readonly friendlyName?: string | null;
  readonly localKeyIdHex?: string | null;
}

// ---------------------------------------------------------------------------------------------
// Extensions
// ---------------------------------------------------------------------------------------------

interface ExtensionCommon {
  readonly oid: string;
  /** Registered name, e.g. "subjectAltName"; null when unknown. */
  readonly name: string | null;
  readonly critical: boolean;
  /** extnValue (the DER inside the OCTET STRING), hex: always kept, never dropped. */
  readonly valueHex: string;
  /**
   * Set when the extension's OID is known but its value does not decode strictly. The entry keeps
   * its kind and a best-effort value when one could be read ("present, malformed"); it is kind
   * "unknown" only when nothing could be read.
   */
  readonly decodeError?: string;
  /** What the lenient read let through in this extension (also listed on the certificate). */
  readonly decodeWarnings?: readonly DecodeWarning[];
  /**
   * What an extension without a dedicated kind says (kind "unknown", known OID, decoded): QC
   * statements, logotype, biometric info, private key usage period, OCSP no-check, Entrust
   * version, Microsoft application policies and previous CA hash, Netscape text fields.
   */
  readonly details?: ExtensionDetails;
}

/** One line of a decoded extension, for people: "QcType: web (QWAC)". */
export interface DetailLine {
  readonly label: string;
  readonly value: string;
}

export interface QcStatementModel extends OidName {
  /** Readable lines of the statement's information (empty when it has none). */
  readonly lines: readonly DetailLine[];
}

/** Decoded content of extensions that have no dedicated kind; every variant has readable `lines`. */
export type ExtensionDetails = { readonly lines: readonly DetailLine[] } & (
  | { readonly type: 'privateKeyUsagePeriod'; readonly notBefore: string | null; readonly notAfter: string | null }
  | { readonly type: 'ocspNoCheck' }
  | { readonly type: 'qcStatements'; readonly statements: readonly QcStatementModel[] }
  | { readonly type: 'logotype' }
  | { readonly type: 'biometricInfo' }
  | { readonly type: 'entrustVersion'; readonly version: string; readonly flags: readonly string[] }
  | { readonly type: 'msApplicationPolicies'; readonly policies: readonly OidName[] }
  | { readonly type: 'msPreviousCaCertHash'; readonly hashHex: string }
  | { readonly type: 'netscapeText'; readonly text: string }
);

export type KeyUsageName =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign'
  | 'encipherOnly'
  | 'decipherOnly';

export interface GeneralSubtreeModel {
  readonly base: GeneralNameModel;
  readonly minimum: number;
  readonly maximum: number | null;
}

export interface PolicyQualifierModel extends OidName {
  readonly cpsUri?: string;
  readonly userNotice?: {
    readonly organization?: string;
    readonly noticeNumbers?: readonly number[];
    readonly explicitText?: string;
  };
  /** DER hex of a qualifier that is neither CPS nor user notice. */
  readonly derHex?: string;
}

export interface PolicyModel extends OidName {
  /** CA/B Forum validation level for the well-known policy OIDs. */
  readonly validationLevel: 'DV' | 'OV' | 'EV' | 'IV' | null;
  readonly qualifiers: readonly PolicyQualifierModel[];
}

export interface DistributionPointModel {
  readonly fullName: readonly GeneralNameModel[] | null;
  readonly nameRelativeToCrlIssuer: string | null;
  readonly reasons: readonly string[] | null;
  readonly crlIssuer: readonly GeneralNameModel[] | null;
}

export interface SignedCertificateTimestampModel {
  readonly version: number;
  readonly logIdHex: string;
  readonly logIdBase64: string;
  readonly timestamp: string;
  readonly hashAlgorithm: string;
  readonly signatureAlgorithm: string;
  readonly signatureHex: string;
  readonly extensionsHex: string;
}

export type ExtensionModel = ExtensionCommon &
  (
    | { readonly kind: 'subjectAltName' | 'issuerAltName'; readonly names: readonly GeneralNameModel[] }
    | { readonly kind: 'keyUsage'; readonly usages: readonly KeyUsageName[] }
    | { readonly kind: 'extKeyUsage'; readonly purposes: readonly OidName[] }
    | { readonly kind: 'basicConstraints'; readonly ca: boolean; readonly pathLength: number | null }
    | { readonly kind: 'subjectKeyIdentifier'; readonly keyIdentifierHex: string }
    | {
        readonly kind: 'authorityKeyIdentifier';
        readonly keyIdentifierHex: string | null;
        readonly authorityCertIssuer: readonly GeneralNameModel[] | null;
        readonly authorityCertSerialNumberHex: string | null;
      }
    | {
        readonly kind: 'authorityInfoAccess' | 'subjectInfoAccess';
        readonly descriptions: readonly { readonly method: OidName; readonly location: GeneralNameModel }[];
      }
    | { readonly kind: 'crlDistributionPoints' | 'freshestCrl'; readonly points: readonly DistributionPointModel[] }
    | { readonly kind: 'certificatePolicies'; readonly policies: readonly PolicyModel[] }
    | {
        readonly kind: 'nameConstraints';
        readonly permitted: readonly GeneralSubtreeModel[];
        readonly excluded: readonly GeneralSubtreeModel[];
      }
    | { readonly kind: 'policyConstraints'; readonly requireExplicitPolicy: number | null; readonly inhibitPolicyMapping: number | null }
    | { readonly kind: 'policyMappings'; readonly mappings: readonly { readonly issuerDomainPolicy: OidName; readonly subjectDomainPolicy: OidName }[] }
    | { readonly kind: 'inhibitAnyPolicy'; readonly skipCerts: number }
    | { readonly kind: 'signedCertificateTimestampList'; readonly timestamps: readonly SignedCertificateTimestampModel[] }
    | { readonly kind: 'ctPrecertificatePoison' }
    | { readonly kind: 'tlsFeature'; readonly features: readonly { readonly value: number; readonly name: string | null }[] }
    | { readonly kind: 'netscapeCertType'; readonly types: readonly string[] }
    | { readonly kind: 'netscapeComment'; readonly comment: string }
    | { readonly kind: 'msCertificateTemplateName'; readonly templateName: string }
    | { readonly kind: 'msCertificateTemplate'; readonly template: OidName; readonly majorVersion: number | null; readonly minorVersion: number | null }
    | { readonly kind: 'msCaVersion'; readonly certificateIndex: number; readonly keyIndex: number }
    | {
        readonly kind: 'subjectDirectoryAttributes';
        readonly attributes: readonly (OidName & { readonly values: readonly string[] })[];
      }
    | { readonly kind: 'crlNumber' | 'deltaCrlIndicator'; readonly number: string }
    | { readonly kind: 'crlReason'; readonly reason: string }
    | { readonly kind: 'invalidityDate'; readonly date: string }
    | { readonly kind: 'issuingDistributionPoint'; readonly text: string }
    | { readonly kind: 'unknown' }
  );

export type ExtensionKind = ExtensionModel['kind'];

// ---------------------------------------------------------------------------------------------
// Decoded objects
// ---------------------------------------------------------------------------------------------

export interface CertificateModel {
  readonly kind: 'certificate';
  readonly der: Uint8Array;
  readonly sha256Hex: string;
  readonly sha1Hex: string;
  /** 1, 2 or 3 (the X.509 version, not the encoded integer). */
  readonly version: number;
  /** Lowercase hex of the serial's two's-complement bytes, leading zero bytes stripped ("00" for zero); negative serials keep their encoding and set serialNegative. */
  readonly serialNumberHex: string;
  readonly serialNumberDecimal: string;
  readonly serialNegative: boolean;
  readonly signatureAlgorithm: AlgorithmModel;
  readonly issuer: NameModel;
  readonly subject: NameModel;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly publicKey: PublicKeyModel;
  readonly signatureValueHex: string;
  readonly issuerUniqueIdHex: string | null;
  readonly subjectUniqueIdHex: string | null;
  /** Every extension in encoded order; unknown or undecodable ones as kind "unknown". */
  readonly extensions: readonly ExtensionModel[];
  /** Non-fatal oddities found while decoding (e.g. "version 1 certificate carries extensions", "negative serial"). */
  readonly warnings: readonly string[];
  /** Encoding problems the decoder read past (coded, with where and who refuses them). */
  readonly decodeWarnings: readonly DecodeWarning[];
  readonly location: InputLocation;
}

/** Codes of the checks on a certificate request (what a public CA would refuse or ignore). */
export type CsrCheckCode =
  | 'CSR_WEAK_KEY'
  | 'CSR_SIGNATURE_INVALID'
  | 'CSR_SIGNATURE_UNCHECKED'
  | 'CSR_WEAK_SIGNATURE'
  | 'CSR_SAN_MISSING'
  | 'CSR_CN_NOT_IN_SAN'
  | 'CSR_EXTENSION_REFUSED'
  | 'CSR_EXTENSION_MALFORMED';

export interface CsrCheck {
  readonly code: CsrCheckCode;
  /** fail: a CA refuses the request; warn: refused by some or changed by the CA; info: context. */
  readonly severity: 'fail' | 'warn' | 'info';
  readonly message: string;
}

export interface CsrModel {
  readonly kind: 'csr';
  readonly der: Uint8Array;
  readonly sha256Hex: string;
  readonly version: number;
  readonly subject: NameModel;
  readonly publicKey: PublicKeyModel;
  readonly signatureAlgorithm: AlgorithmModel;
  readonly signatureValueHex: string;
  /** Self-signature check: true/false, or null when the algorithm cannot be verified here. */
  readonly signatureValid: boolean | null;
  /** PKCS#9 challengePassword; never put into share links. */
  readonly challengePassword: string | null;
  readonly requestedExtensions: readonly ExtensionModel[];
  /** Other attributes, raw. */
  readonly attributes: readonly (OidName & { readonly valuesHex: readonly string[] })[];
  /** Non-fatal oddities (e.g. "version 3 is not defined for PKCS#10"). */
  readonly warnings?: readonly string[];
  /** Encoding problems the decoder read past (coded, with where and who refuses them). */
  readonly decodeWarnings?: readonly DecodeWarning[];
  /** Checks a CA would make (weak key, bad signature, no SAN, CN not among the SANs, refused extensions); absent on models built before they existed. */
  readonly checks?: readonly CsrCheck[];
  readonly location: InputLocation;
}

export interface CrlEntryModel {
  readonly serialNumberHex: string;
  readonly revocationDate: string;
  readonly reason: string | null;
  readonly invalidityDate: string | null;
  readonly extensions: readonly ExtensionModel[];
}

export interface CrlModel {
  readonly kind: 'crl';
  readonly der: Uint8Array;
  readonly sha256Hex: string;
  readonly version: number;
  readonly issuer: NameModel;
  readonly thisUpdate: string;
  readonly nextUpdate: string | null;
  readonly signatureAlgorithm: AlgorithmModel;
  readonly signatureValueHex: string;
  readonly entries: readonly CrlEntryModel[];
  readonly extensions: readonly ExtensionModel[];
  /** Non-fatal oddities (e.g. undefined version, duplicate or undecodable extensions). */
  readonly warnings?: readonly string[];
  /** Encoding problems the decoder read past (coded, with where and who refuses them). */
  readonly decodeWarnings?: readonly DecodeWarning[];
  readonly location: InputLocation;
}

export interface PublicKeyItemModel {
  readonly kind: 'public-key';
  readonly sha256Hex: string;
  readonly publicKey: PublicKeyModel;
  readonly location: InputLocation;
}

// ---------------------------------------------------------------------------------------------
// PKCS#12
// ---------------------------------------------------------------------------------------------

/** A weakness of a PKCS#12 file, its MAC, a safe or a bag, with its consequence. */
export interface Pkcs12Weakness {
  readonly code: 'NO_MAC' | 'MAC_ITERATIONS_LOW' | 'MAC_DIGEST_WEAK' | 'CIPHER_LEGACY' | 'CIPHER_WEAK' | 'KDF_ITERATIONS_LOW';
  /** Where: "MAC", "PKCS#12 safe 1", "PKCS#12 safe 2, bag 1". */
  readonly where: string;
  readonly message: string;
  /** True when OpenSSL 3 reads it only with `-legacy` (the legacy provider). */
  readonly opensslNeedsLegacy: boolean;
}

export interface Pkcs12MacModel {
  /** "HMAC" (PKCS#12 KDF) or "PBMAC1" (RFC 9579). */
  readonly type: 'HMAC' | 'PBMAC1';
  /** "SHA-1", "SHA-256", "SHA-512", … */
  readonly hash: string;
  readonly iterations: number;
  readonly saltHex: string;
  /** PBMAC1 only: the KDF, e.g. "PBKDF2-HMAC-SHA256". */
  readonly kdf?: string;
  readonly verified: boolean;
  /** Weaknesses of this MAC (few iterations, a broken digest); absent when none. */
  readonly weaknesses?: readonly Pkcs12Weakness[];
}

export type Pkcs12BagType = 'certificate' | 'key' | 'shroudedKey' | 'crl' | 'secret' | 'safeContents' | 'unknown';

export interface Pkcs12BagModel {
  readonly type: Pkcs12BagType;
  readonly bagOid: string;
  readonly friendlyName: string | null;
  readonly localKeyIdHex: string | null;
  /** Encryption of this bag (shrouded key) or of the safe holding it; null when in clear. */
  readonly encryption: KeyEncryptionModel | null;
  /** For certificate bags: SHA-256 of the certificate. */
  readonly certificateSha256Hex?: string;
  /** For key bags: SHA-256 of the private key model (PrivateKeyModel.sha256Hex). */
  readonly privateKeySha256Hex?: string;
  /** Other attributes, by OID. */
  readonly otherAttributes: readonly OidName[];
  /** Weaknesses of this bag's own encryption (shrouded keys); absent when none. */
  readonly weaknesses?: readonly Pkcs12Weakness[];
  /** For secret bags: the secret type OID (the value is never put in the model). */
  readonly secretTypeOid?: string;
}

export interface Pkcs12SafeModel {
  /** "data" (in clear), "encryptedData" (password-encrypted), "envelopedData" (public-key encrypted: not supported). */
  readonly contentType: 'data' | 'encryptedData' | 'envelopedData' | 'other';
  readonly encryption: KeyEncryptionModel | null;
  readonly bags: readonly Pkcs12BagModel[];
  /** Weaknesses of this safe's encryption; absent when none. */
  readonly weaknesses?: readonly Pkcs12Weakness[];
}

export interface Pkcs12Model {
  readonly version: number;
  /** null when the file has no MAC (integrity not protected). */
  readonly mac: Pkcs12MacModel | null;
  readonly safes: readonly Pkcs12SafeModel[];
  /** The password that opened it was the empty string / absent (shown as such, never the value). */
  readonly passwordUsed: 'none' | 'empty' | 'given';
  /** Every weakness of the file (its MAC, safes and bags, and a missing MAC), each with where it is. */
  readonly weaknesses?: readonly Pkcs12Weakness[];
}

/** What one importer does with a PKCS#12 file: "needs-option" names the option; "unknown" when no source says. */
export type Pkcs12CompatAnswerKind = 'accepts' | 'refuses' | 'needs-option' | 'unknown';

/** One parameter of the file and what a claim says an importer does with it. */
export interface Pkcs12CompatReason {
  /** The parameter in words, e.g. "RC2-40-CBC (PKCS#12 PBE)", "HMAC-SHA-256 MAC", "no friendlyName". */
  readonly parameter: string;
  /** Where it is: "safe 1", "safe 2, bag 1", "MAC", "file". */
  readonly where: readonly string[];
  readonly effect: Pkcs12CompatAnswerKind | 'note';
  /** The claim, e.g. "is in OpenSSL 3’s legacy provider: …". */
  readonly says: string;
  /** Claim id in core/pkcs12/compat-data.ts; null when no claim speaks about the parameter. */
  readonly claim: string | null;
  readonly confidence: 'high' | 'medium' | 'low' | null;
  /** Source ids (compat-data.ts SOURCES). */
  readonly sources: readonly string[];
}

export interface Pkcs12ImporterAnswer {
  /** e.g. "openssl-3.0", "java", "windows-legacy". */
  readonly importer: string;
  readonly name: string;
  readonly via: string;
  /** Set when the test machine checks this row against the real importer. */
  readonly checkedHere?: string;
  readonly answer: Pkcs12CompatAnswerKind;
  /** For "needs-option": what to pass, e.g. "-legacy". */
  readonly option: string | null;
  /** One sentence naming the parameters that decide. */
  readonly reason: string;
  /** The parameters that decide the answer. */
  readonly decidedBy: readonly Pkcs12CompatReason[];
  /** What changes without failing the import (a key left out, no friendly name, …). */
  readonly notes: readonly Pkcs12CompatReason[];
  /** Every source cited, resolved: title and address (never fetched by the app). */
  readonly sources: readonly { readonly id: string; readonly title: string; readonly url: string }[];
  /** Java rows: the entries KeyStore.load ends up with. */
  readonly javaEntries?: { readonly privateKeys: number; readonly trustedCertificates: number };
}

export interface Pkcs12Compatibility {
  /** The parameters read from the file, in words ("safe 1: RC2-40-CBC (PKCS#12 PBE), 2,048 iterations", …). */
  readonly parameters: readonly string[];
  readonly answers: readonly Pkcs12ImporterAnswer[];
}

// ---------------------------------------------------------------------------------------------
// One decoded input
// ---------------------------------------------------------------------------------------------

export interface DecodedInput {
  readonly name: string;
  /** SHA-256 hex of the input bytes: the react-query key. Empty when the input was refused unread (TOO_LARGE). */
  readonly sha256Hex: string;
  readonly size: number;
  readonly format: InputFormat | null;
  /** Errors for this input, every one of them; an input with errors may still hold good items (one bad PEM block never hides the others). */
  readonly errors: readonly CoreError[];
  /** Notes that do not fail the input (unknown PEM labels next to readable blocks); absent when there are none. */
  readonly notes?: readonly InputNote[];
  readonly certificates: readonly CertificateModel[];
  readonly csrs: readonly CsrModel[];
  readonly crls: readonly CrlModel[];
  readonly privateKeys: readonly PrivateKeyModel[];
  readonly publicKeys: readonly PublicKeyItemModel[];
  readonly pkcs12: Pkcs12Model | null;
  /** PKCS#12 only: which importers take this file, from its parameters (core/pkcs12/compat.ts). */
  readonly pkcs12Compatibility?: Pkcs12Compatibility;
}

export interface DecodeOptions {
  /** Passwords to try in turn for PKCS#12 and encrypted keys. The empty string and "absent" are always tried when this is empty. */
  readonly passwords?: readonly string[];
  /** Refuse inputs above this many bytes (default 50 MiB). */
  readonly maxBytes?: number;
}
