/**
 * What each PKCS#12 importer is known to do with each parameter of a file: claims as data, each
 * with its sources and how sure it is (docs/pkcs12-compat.md lists them in words). compat.ts
 * matches an opened file's parameters against these rules; a parameter no rule speaks about for
 * an importer makes its answer "unknown" — never a guess.
 *
 * Confidence: "high" = vendor documentation, the library's own source, or measured on this
 * machine by src/core/pkcs12/compat-real.test.ts; "medium" = a vendor document that implies it,
 * or several independent reports; "low" = a single report.
 */

export type ImporterId =
  | 'windows-legacy'
  | 'windows'
  | 'dotnet-framework'
  | 'dotnet'
  | 'macos'
  | 'macos-26'
  | 'ios'
  | 'android'
  | 'java-legacy'
  | 'java'
  | 'openssl-1.1.1'
  | 'openssl-3.0'
  | 'openssl-3.4'
  | 'pyca'
  | 'nss'
  | 'go-xcrypto'
  | 'go-sslmate';

export interface ImporterInfo {
  readonly id: ImporterId;
  /** Short name, e.g. "Windows 10 1709+ / 11, Server 2019+". */
  readonly name: string;
  /** What is meant: the tools and APIs. */
  readonly via: string;
  /** Set when the answer is checked against the real importer on the test machine. */
  readonly checkedHere?: string;
}

export const IMPORTERS: readonly ImporterInfo[] = [
  { id: 'windows-legacy', name: 'Windows 7, 8.1, 10 before 1709; Server 2012 R2, 2016', via: 'certutil -importpfx, Import-PfxCertificate, the certificate import wizard (PFXImportCertStore)' },
  { id: 'windows', name: 'Windows 10 1709+, Windows 11; Server 2019+', via: 'certutil -importpfx, Import-PfxCertificate, the certificate import wizard (PFXImportCertStore)' },
  { id: 'dotnet-framework', name: '.NET Framework (X509Certificate2)', via: 'new X509Certificate2(bytes, password): the Windows importer of the machine it runs on' },
  { id: 'dotnet', name: '.NET 9+ on Linux and macOS', via: 'X509CertificateLoader.LoadPkcs12 with the default Pkcs12LoaderLimits' },
  { id: 'macos', name: 'macOS 15 and earlier', via: 'security import, Keychain Access (Security framework SecPKCS12Import)' },
  { id: 'macos-26', name: 'macOS 26', via: 'security import -f pkcs12, Keychain Access' },
  { id: 'ios', name: 'iOS / iPadOS', via: 'configuration profiles (PKCS#12 payload), SecPKCS12Import' },
  { id: 'android', name: 'Android 13 and earlier', via: 'Settings → Install certificate, KeyChain.createInstallIntent' },
  { id: 'java-legacy', name: 'Java: JDK 7, 8 before 8u301, 11 before 11.0.12', via: 'keytool -list -storetype PKCS12, KeyStore.getInstance("PKCS12")' },
  { id: 'java', name: 'Java: JDK 8u301+, 11.0.12+, 12–25', via: 'keytool -list -storetype PKCS12, KeyStore.getInstance("PKCS12")', checkedHere: 'JDK 17 (KeyStore.load, as keytool -list does)' },
  { id: 'openssl-1.1.1', name: 'OpenSSL 1.1.1', via: 'openssl pkcs12, PKCS12_parse' },
  { id: 'openssl-3.0', name: 'OpenSSL 3.0–3.3', via: 'openssl pkcs12 (with or without -legacy), PKCS12_parse', checkedHere: 'openssl pkcs12 -info -noout, with and without -legacy' },
  { id: 'openssl-3.4', name: 'OpenSSL 3.4+', via: 'openssl pkcs12 (with or without -legacy), PKCS12_parse' },
  { id: 'pyca', name: 'Python cryptography', via: 'pkcs12.load_pkcs12 / load_key_and_certificates (its bundled OpenSSL, legacy provider loaded)', checkedHere: 'pkcs12.load_pkcs12 in the lab venv' },
  { id: 'nss', name: 'Firefox / NSS', via: 'Settings → Certificates → Import, pk12util -i' },
  { id: 'go-xcrypto', name: 'Go golang.org/x/crypto/pkcs12', via: 'pkcs12.Decode, pkcs12.ToPEM (package frozen)' },
  { id: 'go-sslmate', name: 'Go software.sslmate.com/src/go-pkcs12', via: 'pkcs12.DecodeChain, pkcs12.DecodeTrustStore' },
];

export type SourceKind = 'vendor-doc' | 'release-note' | 'library-source' | 'report' | 'measured';

export interface CompatSource {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly kind: SourceKind;
}

export const SOURCES: Readonly<Record<string, CompatSource>> = Object.fromEntries(
  (
    [
      { id: 'openssl-pkcs12-man', kind: 'vendor-doc', title: 'OpenSSL manual: openssl-pkcs12(1) (-legacy, -nomacver, -pbmac1_pbkdf2)', url: 'https://docs.openssl.org/3.4/man1/openssl-pkcs12/' },
      { id: 'openssl-legacy-provider', kind: 'vendor-doc', title: 'OpenSSL manual: OSSL_PROVIDER-legacy(7) (RC2, RC4, DES, MD4, … are legacy)', url: 'https://docs.openssl.org/3.0/man7/OSSL_PROVIDER-legacy/' },
      { id: 'openssl-pbmac1-history', kind: 'vendor-doc', title: 'OpenSSL manual: PBMAC1_get1_pbkdf2_param(3), “added in OpenSSL 3.4”', url: 'https://docs.openssl.org/3.5/man3/PBMAC1_get1_pbkdf2_param/' },
      { id: 'openssl-rc2-discussion', kind: 'report', title: 'openssl/openssl discussion #23089: RC2-40-CBC PKCS#12 needs -legacy in 3.x', url: 'https://github.com/openssl/openssl/discussions/23089' },
      { id: 'xca-617', kind: 'report', title: 'chris2511/xca #617: a PKCS#12 without MAC: older openssl needs -nomacver, 3.0 warns “MAC is absent”', url: 'https://github.com/chris2511/xca/issues/617' },
      { id: 'pyca-legacy-provider', kind: 'report', title: 'pyca/cryptography #11450: cryptography loads OpenSSL’s legacy provider (PKCS#12 RC2)', url: 'https://github.com/pyca/cryptography/issues/11450' },
      { id: 'ms-pbes2-export', kind: 'vendor-doc', title: 'Microsoft: PKCS12_PBES2_EXPORT_PARAMS (AES256-SHA256 PFX; minimum Windows 10 1709 / Server 2019)', url: 'https://learn.microsoft.com/en-us/windows/win32/api/wincrypt/ns-wincrypt-pkcs12_pbes2_export_params' },
      { id: 'ms-pfximport', kind: 'vendor-doc', title: 'Microsoft: PFXImportCertStore (the password, empty or NULL, must be exactly the one used to encrypt)', url: 'https://learn.microsoft.com/en-us/windows/win32/api/wincrypt/nf-wincrypt-pfximportcertstore' },
      { id: 'certdsc-153', kind: 'report', title: 'PowerShell/CertificateDsc #153: PfxImport fails for AES256-SHA256 files, TripleDES-SHA1 imports', url: 'https://github.com/PowerShell/CertificateDsc/issues/153' },
      { id: 'jdk-8228481', kind: 'release-note', title: 'JDK-8228481 (CSR of JDK-8153005): PKCS12 defaults move to PBES2/AES-256 and HmacPBESHA256; Windows Server 2019 and OpenSSL 3 write the same', url: 'https://bugs.java.com/bugdatabase/view_bug?bug_id=8228481' },
      { id: 'jdk-8267701', kind: 'release-note', title: 'JDK-8267701: HmacPBESHA256 is new in 11.0.12, 8u301, 7u311 (older updates cannot read a SHA-256 MAC)', url: 'https://bugs.java.com/bugdatabase/view_bug?bug_id=8267701' },
      { id: 'jdk-8370042', kind: 'release-note', title: 'JDK-8370042: PKCS#12 KeyStore support for PBMAC1; earlier releases throw NoSuchAlgorithmException', url: 'https://bugs.openjdk.org/browse/JDK-8370042' },
      { id: 'jdk-pkcs12keystore', kind: 'library-source', title: 'OpenJDK sun/security/pkcs12/PKCS12KeyStore.java (loads shrouded key, certificate and secret bags; a plain keyBag is “Unsupported PKCS12 bag type”)', url: 'https://github.com/openjdk/jdk/blob/master/src/java.base/share/classes/sun/security/pkcs12/PKCS12KeyStore.java' },
      { id: 'jdk-pbes2params', kind: 'library-source', title: 'OpenJDK com/sun/crypto/provider/PBES2Parameters.java (AES-128 and AES-256 only)', url: 'https://github.com/openjdk/jdk/blob/master/src/java.base/share/classes/com/sun/crypto/provider/PBES2Parameters.java' },
      { id: 'java-old-pbes2-reports', kind: 'report', title: 'kaikramer/keystore-explorer #302 and jberrenberg/docker-davmail #12: older JDKs fail on OpenSSL 3 / Windows AES PFX (“parseAlgParameters failed”)', url: 'https://github.com/kaikramer/keystore-explorer/issues/302' },
      { id: 'apple-keychain-export', kind: 'report', title: 'pyca/cryptography #11450: Keychain Access on macOS 14.6 and 15 beta exports RC2-40 + 3DES', url: 'https://github.com/pyca/cryptography/issues/11450' },
      { id: 'macos-sha256-reports', kind: 'report', title: 'chris2511/xca #474 (macOS 13.6), lwouis/alt-tab-macos #3170 (macOS 14.2): OpenSSL 3 PKCS#12 “wrong password” until -legacy', url: 'https://github.com/chris2511/xca/issues/474' },
      { id: 'macos-26-report', kind: 'report', title: 'tauri-apps/tauri #15844: macOS 26.6.1 imports AES-256-CBC / SHA-256-MAC PKCS#12 with security import -f pkcs12', url: 'https://github.com/tauri-apps/tauri/pull/15844' },
      { id: 'apple-empty-password', kind: 'report', title: 'OpenRadar 22909471: SecPKCS12Import fails (errSecPkcs12VerifyFailure) for a PKCS#12 without a password', url: 'https://github.com/lionheart/openradar-mirror/issues/6253' },
      { id: 'ios-secpkcs12import', kind: 'report', title: 'openssl/openssl #19495, #19871: SecPKCS12Import (iOS) refuses OpenSSL 3 PKCS#12 (-25293) that 1.x files pass', url: 'https://github.com/openssl/openssl/issues/19495' },
      { id: 'android-reports', kind: 'report', title: 'strongswan/strongswan-docs #5 (Android 12), thevindu-w/clip_share_server #48 (Android ≤ 13): OpenSSL 3 defaults refused, -legacy works', url: 'https://github.com/strongswan/strongswan-docs/issues/5' },
      { id: 'nss-pk12util', kind: 'vendor-doc', title: 'NSS pk12util(1): key and certificate ciphers, MAC hash (-c, -C, -M)', url: 'https://firefox-source-docs.mozilla.org/security/nss/legacy/tools/pk12util/index.html' },
      { id: 'nss-3.88.1', kind: 'release-note', title: 'NSS 3.88.1 release notes: bug 1804640, unknown PKCS#12 safe bag types handled', url: 'https://firefox-source-docs.mozilla.org/security/nss/releases/nss_3_88_1.html' },
      { id: 'nss-600k', kind: 'library-source', title: 'NSS commit for Mozilla bug 1436873: “Windows is limited on importing PKCS12 files of 600k rounds or less”', url: 'https://bugzilla.mozilla.org/show_bug.cgi?id=1436873' },
      { id: 'go-xcrypto-src', kind: 'library-source', title: 'golang.org/x/crypto/pkcs12: crypto.go (3DES, RC2-40 only), mac.go (SHA-1 only), pkcs12.go (MAC required, exactly two safes)', url: 'https://cs.opensource.google/go/x/crypto/+/master:pkcs12/' },
      { id: 'go-sslmate-src', kind: 'library-source', title: 'software.sslmate.com/src/go-pkcs12: crypto.go (3DES, RC2-40, PBES2 AES-256-CBC), mac.go (SHA-1/256/512, PBMAC1), pkcs12.go (DecodeChain)', url: 'https://github.com/SSLMate/go-pkcs12' },
      { id: 'dotnet-loader-limits', kind: 'library-source', title: 'dotnet/runtime Pkcs12LoaderLimits.cs: MAC and per-KDF iteration limit 300,000, total 1,000,000, 200 keys, 200 certificates', url: 'https://github.com/dotnet/runtime/blob/main/src/libraries/System.Security.Cryptography/src/System/Security/Cryptography/X509Certificates/Pkcs12LoaderLimits.cs' },
      { id: 'dotnet-pbe-src', kind: 'library-source', title: 'dotnet/runtime PasswordBasedEncryption.cs: PKCS#12 PBE and PBES2 (AES-CBC) decryption', url: 'https://github.com/dotnet/runtime/blob/main/src/libraries/Common/src/System/Security/Cryptography/PasswordBasedEncryption.cs' },
      { id: 'measured', kind: 'measured', title: 'Measured on the test machine (src/core/pkcs12/compat-real.test.ts, npm run p12-compat)', url: 'docs/pkcs12-compat.md#checked-here' },
    ] satisfies CompatSource[]
  ).map((s) => [s.id, s]),
);

// ---------------------------------------------------------------------------------------------
// Parameters, as compat.ts names them
// ---------------------------------------------------------------------------------------------

/** Encryption of a safe or shrouded key: "<scheme> <cipher>" with the model's names. */
export const CIPHER = {
  p12_3des: 'PKCS#12 PBE 3DES-CBC',
  p12_2des: 'PKCS#12 PBE 2-key-3DES-CBC',
  p12_rc2_40: 'PKCS#12 PBE RC2-40-CBC',
  p12_rc2_128: 'PKCS#12 PBE RC2-128-CBC',
  aes128: 'PBES2 AES-128-CBC',
  aes192: 'PBES2 AES-192-CBC',
  aes256: 'PBES2 AES-256-CBC',
  pbes2_3des: 'PBES2 3DES-CBC',
  pbes2_des: 'PBES2 DES-CBC',
  pbes1_des: 'PBES1 DES-CBC',
  pbes1_rc2: 'PBES1 RC2-64-CBC',
} as const;

const P12_CLASSIC = [CIPHER.p12_3des, CIPHER.p12_rc2_40];
const AES_ALL = [CIPHER.aes128, CIPHER.aes192, CIPHER.aes256];
/** Ciphers OpenSSL 3 keeps in its legacy provider (RC2, single DES). */
const OPENSSL_LEGACY = [CIPHER.p12_rc2_40, CIPHER.p12_rc2_128, CIPHER.pbes2_des, CIPHER.pbes1_des, CIPHER.pbes1_rc2];
const PRF_SHA = ['HMAC-SHA1', 'HMAC-SHA224', 'HMAC-SHA256', 'HMAC-SHA384', 'HMAC-SHA512'];
const MAC_SHA2 = ['SHA-224', 'SHA-256', 'SHA-384', 'SHA-512', 'SHA-512/224', 'SHA-512/256'];

/** File-level facts that change what an importer ends up with. */
export type StructureFlag =
  | 'plain-key-bag' // a private key in an unencrypted keyBag
  | 'no-key' // certificates only
  | 'no-certificate' // key(s) only
  | 'multiple-keys'
  | 'key-without-local-key-id' // a key bag without localKeyId
  | 'no-friendly-name' // neither the key nor its certificate has a friendlyName
  | 'leaf-not-first' // the first certificate bag is not the certificate of the key
  | 'safes-not-two' // the AuthenticatedSafe does not hold exactly two safes
  | 'other-bags' // CRL, secret, nested or unknown bags
  | 'untrusted-certificates-without-key' // certificates that belong to no key and carry no Java trust attribute
  | 'enveloped-safe'; // a public-key-encrypted safe

export type Condition =
  | { readonly feature: 'cipher' | 'prf' | 'mac'; readonly in: readonly string[] | '*' }
  | { readonly feature: 'kdf-iterations' | 'mac-iterations' | 'total-kdf-iterations'; readonly above: number }
  | { readonly feature: 'structure'; readonly is: StructureFlag }
  | { readonly feature: 'password'; readonly is: 'empty' | 'none' };

export type RuleEffect = 'accepts' | 'refuses' | 'needs-option' | 'unknown' | 'note';

export interface Rule {
  readonly id: string;
  readonly importers: readonly ImporterId[];
  readonly when: Condition;
  readonly effect: RuleEffect;
  /** For needs-option: what to pass. */
  readonly option?: string;
  /** The claim in words; compat.ts prefixes the parameter that matched. */
  readonly says: string;
  readonly sources: readonly string[];
  readonly confidence: 'high' | 'medium' | 'low';
}

const WINDOWS: ImporterId[] = ['windows-legacy', 'windows'];
const OPENSSL_3: ImporterId[] = ['openssl-3.0', 'openssl-3.4'];
const OPENSSL_ALL: ImporterId[] = ['openssl-1.1.1', 'openssl-3.0', 'openssl-3.4', 'pyca'];
const JAVA: ImporterId[] = ['java-legacy', 'java'];
const APPLE_OLD: ImporterId[] = ['macos', 'ios'];

/**
 * The rules, most specific first: for each parameter of a file, the first rule that names the
 * importer and matches decides. Cipher, PRF and MAC parameters no rule matches make the answer
 * "unknown"; iteration counts, structure and password facts only count when a rule names them.
 */
export const RULES: readonly Rule[] = [
  // --- OpenSSL and Python cryptography ------------------------------------------------------
  { id: 'openssl3-legacy-cipher', importers: OPENSSL_3, when: { feature: 'cipher', in: OPENSSL_LEGACY }, effect: 'needs-option', option: '-legacy', says: 'is in OpenSSL 3’s legacy provider: openssl pkcs12 reads it only with -legacy (PKCS12_parse only with the legacy provider loaded)', sources: ['openssl-legacy-provider', 'openssl-pkcs12-man', 'openssl-rc2-discussion', 'measured'], confidence: 'high' },
  { id: 'openssl3-default-cipher', importers: OPENSSL_3, when: { feature: 'cipher', in: [CIPHER.p12_3des, ...AES_ALL, CIPHER.pbes2_3des] }, effect: 'accepts', says: 'is in OpenSSL 3’s default provider', sources: ['openssl-pkcs12-man', 'measured'], confidence: 'high' },
  { id: 'openssl111-cipher', importers: ['openssl-1.1.1'], when: { feature: 'cipher', in: [...P12_CLASSIC, CIPHER.p12_rc2_128, ...AES_ALL, CIPHER.pbes2_3des, CIPHER.pbes2_des, CIPHER.pbes1_des, CIPHER.pbes1_rc2] }, effect: 'accepts', says: 'is built into OpenSSL 1.1.1 (no providers)', sources: ['openssl-pkcs12-man'], confidence: 'medium' },
  { id: 'pyca-cipher', importers: ['pyca'], when: { feature: 'cipher', in: [...P12_CLASSIC, CIPHER.p12_rc2_128, ...AES_ALL, CIPHER.pbes2_3des] }, effect: 'accepts', says: 'is read by cryptography’s bundled OpenSSL, which loads the legacy provider', sources: ['pyca-legacy-provider', 'measured'], confidence: 'high' },
  { id: 'openssl-prf', importers: OPENSSL_ALL, when: { feature: 'prf', in: PRF_SHA }, effect: 'accepts', says: 'is a PBKDF2 PRF OpenSSL reads', sources: ['openssl-pkcs12-man', 'measured'], confidence: 'high' },
  { id: 'openssl-mac-sha', importers: OPENSSL_ALL, when: { feature: 'mac', in: ['SHA-1', ...MAC_SHA2] }, effect: 'accepts', says: 'is a MAC digest OpenSSL reads', sources: ['openssl-pkcs12-man', 'measured'], confidence: 'high' },
  { id: 'openssl3-mac-other', importers: OPENSSL_3, when: { feature: 'mac', in: ['SHA3-224', 'SHA3-256', 'SHA3-384', 'SHA3-512', 'BLAKE2b-512', 'BLAKE2s-256', 'MD5'] }, effect: 'accepts', says: 'is a digest of OpenSSL 3’s default provider, usable as the MAC digest', sources: ['openssl-pkcs12-man'], confidence: 'medium' },
  { id: 'openssl-pbmac1-old', importers: ['openssl-1.1.1', 'openssl-3.0'], when: { feature: 'mac', in: ['PBMAC1'] }, effect: 'refuses', says: 'PBMAC1 (RFC 9579) arrived in OpenSSL 3.4', sources: ['openssl-pbmac1-history', 'openssl-pkcs12-man'], confidence: 'high' },
  { id: 'openssl34-pbmac1', importers: ['openssl-3.4'], when: { feature: 'mac', in: ['PBMAC1'] }, effect: 'accepts', says: 'PBMAC1 (RFC 9579) is read since OpenSSL 3.4', sources: ['openssl-pbmac1-history', 'openssl-pkcs12-man'], confidence: 'high' },
  { id: 'openssl3-no-mac', importers: [...OPENSSL_3, 'pyca'], when: { feature: 'mac', in: ['none'] }, effect: 'accepts', says: 'no MAC: read, with the warning “MAC is absent!”', sources: ['xca-617', 'measured'], confidence: 'high' },
  { id: 'openssl111-no-mac', importers: ['openssl-1.1.1'], when: { feature: 'mac', in: ['none'] }, effect: 'needs-option', option: '-nomacver', says: 'no MAC: OpenSSL 1.1.1 reports a MAC error unless told not to verify it', sources: ['xca-617'], confidence: 'medium' },

  // --- Java ----------------------------------------------------------------------------------
  { id: 'java-aes192', importers: ['java'], when: { feature: 'cipher', in: [CIPHER.aes192] }, effect: 'refuses', says: 'the JDK’s PBES2 parameters know AES-128 and AES-256 only (“expecting the object identifier for AES cipher”)', sources: ['jdk-pbes2params', 'measured'], confidence: 'high' },
  { id: 'java-aes', importers: ['java'], when: { feature: 'cipher', in: [CIPHER.aes128, CIPHER.aes256] }, effect: 'accepts', says: 'PBES2 with AES is read (the JDK writes AES-256 itself since JDK 12 and 8u301/11.0.12)', sources: ['jdk-8228481', 'measured'], confidence: 'high' },
  { id: 'java-legacy-pbes2', importers: ['java-legacy'], when: { feature: 'cipher', in: [...AES_ALL, CIPHER.pbes2_3des, CIPHER.pbes2_des] }, effect: 'refuses', says: 'older JDK updates fail on PBES2-encrypted safes (“parseAlgParameters failed”)', sources: ['java-old-pbes2-reports', 'jdk-8228481'], confidence: 'medium' },
  { id: 'java-classic', importers: JAVA, when: { feature: 'cipher', in: [...P12_CLASSIC, CIPHER.p12_rc2_128] }, effect: 'accepts', says: 'a PKCS#12 PBE cipher the JDK has always read (its own defaults were RC2-40 and 3DES)', sources: ['jdk-8228481', 'measured'], confidence: 'high' },
  { id: 'java-prf', importers: ['java'], when: { feature: 'prf', in: PRF_SHA }, effect: 'accepts', says: 'a PBKDF2 PRF the JDK reads (PBEWithHmacSHA*AndAES_*)', sources: ['jdk-8228481', 'measured'], confidence: 'high' },
  { id: 'java-pbmac1', importers: JAVA, when: { feature: 'mac', in: ['PBMAC1'] }, effect: 'refuses', says: 'PBMAC1 is not read before JDK-8370042 (NoSuchAlgorithmException)', sources: ['jdk-8370042'], confidence: 'high' },
  { id: 'java-mac-sha1', importers: JAVA, when: { feature: 'mac', in: ['SHA-1'] }, effect: 'accepts', says: 'an HMAC-SHA-1 MAC every JDK reads', sources: ['jdk-8267701', 'measured'], confidence: 'high' },
  { id: 'java-mac-sha2', importers: ['java'], when: { feature: 'mac', in: MAC_SHA2 }, effect: 'accepts', says: 'HmacPBESHA224–512 MACs are read since JDK 12 and 8u301/11.0.12', sources: ['jdk-8267701', 'measured'], confidence: 'high' },
  { id: 'java-legacy-mac-sha2', importers: ['java-legacy'], when: { feature: 'mac', in: MAC_SHA2 }, effect: 'refuses', says: 'HmacPBESHA256 and the other SHA-2 MACs are new in 8u301 and 11.0.12', sources: ['jdk-8267701'], confidence: 'high' },
  { id: 'java-no-mac', importers: ['java'], when: { feature: 'mac', in: ['none'] }, effect: 'accepts', says: 'no MAC: loaded without an integrity check', sources: ['measured'], confidence: 'high' },
  { id: 'java-plain-key', importers: JAVA, when: { feature: 'structure', is: 'plain-key-bag' }, effect: 'note', says: 'Java skips a key in a plain keyBag (“Unsupported PKCS12 bag type”): that key is not loaded', sources: ['jdk-pkcs12keystore', 'measured'], confidence: 'high' },
  { id: 'java-orphan-certs', importers: JAVA, when: { feature: 'structure', is: 'untrusted-certificates-without-key' }, effect: 'note', says: 'certificates that belong to no loaded key and lack Java’s trusted-certificate attribute are not listed as entries', sources: ['jdk-pkcs12keystore', 'measured'], confidence: 'high' },
  { id: 'java-no-local-key-id', importers: JAVA, when: { feature: 'structure', is: 'key-without-local-key-id' }, effect: 'note', says: 'Java pairs a key with its certificate chain by localKeyId: without one the key entry may have no chain', sources: ['jdk-pkcs12keystore'], confidence: 'medium' },

  // --- Windows and .NET ----------------------------------------------------------------------
  { id: 'windows-iterations', importers: WINDOWS, when: { feature: 'kdf-iterations', above: 600_000 }, effect: 'refuses', says: 'Windows imports PKCS#12 files of at most 600,000 iterations', sources: ['nss-600k'], confidence: 'medium' },
  { id: 'windows-mac-iterations', importers: WINDOWS, when: { feature: 'mac-iterations', above: 600_000 }, effect: 'refuses', says: 'Windows imports PKCS#12 files of at most 600,000 iterations', sources: ['nss-600k'], confidence: 'medium' },
  { id: 'windows-classic', importers: WINDOWS, when: { feature: 'cipher', in: P12_CLASSIC }, effect: 'accepts', says: 'the TripleDES-SHA1 / RC2 format Windows itself exports', sources: ['certdsc-153', 'ms-pbes2-export'], confidence: 'high' },
  { id: 'windows-legacy-aes', importers: ['windows-legacy'], when: { feature: 'cipher', in: AES_ALL }, effect: 'refuses', says: 'AES (PBES2) PFX support arrived with Windows 10 1709 / Server 2019; earlier Windows says the password is wrong', sources: ['ms-pbes2-export', 'certdsc-153', 'jdk-8228481'], confidence: 'medium' },
  { id: 'windows-aes256', importers: ['windows'], when: { feature: 'cipher', in: [CIPHER.aes256] }, effect: 'accepts', says: 'AES-256 is the “AES256-SHA256” format Windows writes since 10 1709 / Server 2019', sources: ['ms-pbes2-export'], confidence: 'high' },
  { id: 'windows-prf-sha256', importers: ['windows'], when: { feature: 'prf', in: ['HMAC-SHA256'] }, effect: 'accepts', says: 'PBKDF2-HMAC-SHA256 is what Windows writes with AES256-SHA256', sources: ['ms-pbes2-export'], confidence: 'high' },
  { id: 'windows-mac-sha1', importers: WINDOWS, when: { feature: 'mac', in: ['SHA-1'] }, effect: 'accepts', says: 'the SHA-1 MAC of Windows’ own TripleDES-SHA1 export', sources: ['certdsc-153'], confidence: 'high' },
  { id: 'windows-mac-sha256', importers: ['windows'], when: { feature: 'mac', in: ['SHA-256'] }, effect: 'accepts', says: 'the SHA-256 MAC of Windows’ own AES256-SHA256 export', sources: ['ms-pbes2-export'], confidence: 'high' },
  { id: 'windows-password', importers: WINDOWS, when: { feature: 'password', is: 'empty' }, effect: 'note', says: 'opened with the empty password: Windows needs exactly the empty string (not “no password”)', sources: ['ms-pfximport'], confidence: 'high' },
  { id: 'windows-no-password', importers: WINDOWS, when: { feature: 'password', is: 'none' }, effect: 'note', says: 'opened with no password at all: Windows needs exactly that (NULL), not the empty string', sources: ['ms-pfximport'], confidence: 'high' },
  { id: 'dotnet-kdf-limit', importers: ['dotnet'], when: { feature: 'kdf-iterations', above: 300_000 }, effect: 'needs-option', option: 'Pkcs12LoaderLimits.IndividualKdfIterationLimit', says: 'the default loader limits refuse more than 300,000 iterations per key derivation', sources: ['dotnet-loader-limits'], confidence: 'high' },
  { id: 'dotnet-mac-limit', importers: ['dotnet'], when: { feature: 'mac-iterations', above: 300_000 }, effect: 'needs-option', option: 'Pkcs12LoaderLimits.MacIterationLimit', says: 'the default loader limits refuse a MAC of more than 300,000 iterations', sources: ['dotnet-loader-limits'], confidence: 'high' },
  { id: 'dotnet-total-limit', importers: ['dotnet'], when: { feature: 'total-kdf-iterations', above: 1_000_000 }, effect: 'needs-option', option: 'Pkcs12LoaderLimits.TotalKdfIterationLimit', says: 'the default loader limits refuse more than 1,000,000 key-derivation iterations in total', sources: ['dotnet-loader-limits'], confidence: 'high' },
  { id: 'dotnet-cipher', importers: ['dotnet'], when: { feature: 'cipher', in: [CIPHER.p12_3des, ...AES_ALL] }, effect: 'accepts', says: 'read by .NET’s own PKCS#12 decryption (PKCS#12 3DES, PBES2 AES-CBC)', sources: ['dotnet-pbe-src'], confidence: 'medium' },
  { id: 'dotnet-prf', importers: ['dotnet'], when: { feature: 'prf', in: PRF_SHA }, effect: 'accepts', says: 'a PBKDF2 PRF .NET’s PBES2 decryption reads', sources: ['dotnet-pbe-src'], confidence: 'medium' },
  { id: 'dotnet-mac', importers: ['dotnet'], when: { feature: 'mac', in: ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'] }, effect: 'accepts', says: 'a MAC digest .NET verifies', sources: ['dotnet-pbe-src'], confidence: 'medium' },

  // --- Apple ---------------------------------------------------------------------------------
  { id: 'apple-classic', importers: APPLE_OLD, when: { feature: 'cipher', in: P12_CLASSIC }, effect: 'accepts', says: 'the RC2-40 / 3DES format Keychain Access itself exports', sources: ['apple-keychain-export'], confidence: 'high' },
  { id: 'apple-mac-sha1', importers: APPLE_OLD, when: { feature: 'mac', in: ['SHA-1'] }, effect: 'accepts', says: 'the SHA-1 MAC Keychain Access itself writes', sources: ['apple-keychain-export'], confidence: 'high' },
  { id: 'apple-mac-sha2', importers: APPLE_OLD, when: { feature: 'mac', in: MAC_SHA2 }, effect: 'refuses', says: 'an OpenSSL 3 style SHA-2 MAC: imports fail with “MAC verification failed (wrong password?)” until re-exported with -legacy', sources: ['macos-sha256-reports', 'ios-secpkcs12import'], confidence: 'medium' },
  { id: 'apple-aes', importers: APPLE_OLD, when: { feature: 'cipher', in: AES_ALL }, effect: 'refuses', says: 'PBES2/AES files (OpenSSL 3 defaults) are refused as a wrong password until re-exported with -legacy', sources: ['macos-sha256-reports', 'ios-secpkcs12import'], confidence: 'medium' },
  { id: 'apple-no-password', importers: APPLE_OLD, when: { feature: 'password', is: 'none' }, effect: 'refuses', says: 'a file without a password fails (errSecPkcs12VerifyFailure)', sources: ['apple-empty-password'], confidence: 'low' },
  { id: 'apple-empty-password', importers: APPLE_OLD, when: { feature: 'password', is: 'empty' }, effect: 'refuses', says: 'a file with an empty password fails (errSecPkcs12VerifyFailure)', sources: ['apple-empty-password'], confidence: 'low' },
  { id: 'macos26-modern', importers: ['macos-26'], when: { feature: 'cipher', in: [CIPHER.aes256, ...P12_CLASSIC] }, effect: 'accepts', says: 'reported to import on macOS 26.6 (pass -f pkcs12 to security import)', sources: ['macos-26-report'], confidence: 'low' },
  { id: 'macos26-prf', importers: ['macos-26'], when: { feature: 'prf', in: ['HMAC-SHA256'] }, effect: 'accepts', says: 'reported to import on macOS 26.6', sources: ['macos-26-report'], confidence: 'low' },
  { id: 'macos26-mac', importers: ['macos-26'], when: { feature: 'mac', in: ['SHA-1', 'SHA-256'] }, effect: 'accepts', says: 'reported to import on macOS 26.6', sources: ['macos-26-report'], confidence: 'low' },

  // --- Android -------------------------------------------------------------------------------
  { id: 'android-classic', importers: ['android'], when: { feature: 'cipher', in: P12_CLASSIC }, effect: 'accepts', says: 'the format openssl -legacy writes, which the reports say installs', sources: ['android-reports'], confidence: 'medium' },
  { id: 'android-mac-sha1', importers: ['android'], when: { feature: 'mac', in: ['SHA-1'] }, effect: 'accepts', says: 'the SHA-1 MAC openssl -legacy writes, which the reports say installs', sources: ['android-reports'], confidence: 'medium' },
  { id: 'android-aes', importers: ['android'], when: { feature: 'cipher', in: AES_ALL }, effect: 'refuses', says: 'OpenSSL 3 defaults (PBES2/AES) are refused as a wrong password or an invalid certificate', sources: ['android-reports'], confidence: 'medium' },
  { id: 'android-mac-sha2', importers: ['android'], when: { feature: 'mac', in: MAC_SHA2 }, effect: 'refuses', says: 'OpenSSL 3 defaults (SHA-256 MAC) are refused as a wrong password or an invalid certificate', sources: ['android-reports'], confidence: 'medium' },

  // --- NSS -----------------------------------------------------------------------------------
  { id: 'nss-classic', importers: ['nss'], when: { feature: 'cipher', in: [...P12_CLASSIC, CIPHER.p12_rc2_128] }, effect: 'accepts', says: 'a PKCS#12 PBE cipher NSS has read since its first PKCS#12 code', sources: ['nss-pk12util'], confidence: 'high' },
  { id: 'nss-aes', importers: ['nss'], when: { feature: 'cipher', in: [CIPHER.aes128, CIPHER.aes256] }, effect: 'accepts', says: 'PBES2 AES, which pk12util also writes', sources: ['nss-pk12util'], confidence: 'medium' },
  { id: 'nss-prf', importers: ['nss'], when: { feature: 'prf', in: ['HMAC-SHA1', 'HMAC-SHA256'] }, effect: 'accepts', says: 'a PBKDF2 PRF NSS reads', sources: ['nss-pk12util'], confidence: 'medium' },
  { id: 'nss-mac', importers: ['nss'], when: { feature: 'mac', in: ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'] }, effect: 'accepts', says: 'a MAC hash pk12util reads and writes (-M)', sources: ['nss-pk12util'], confidence: 'medium' },
  { id: 'nss-other-bags', importers: ['nss'], when: { feature: 'structure', is: 'other-bags' }, effect: 'note', says: 'NSS before 3.88.1 mishandles CRL, secret and unknown bags (bug 1804640)', sources: ['nss-3.88.1'], confidence: 'high' },

  // --- Go ------------------------------------------------------------------------------------
  { id: 'go-classic', importers: ['go-xcrypto', 'go-sslmate'], when: { feature: 'cipher', in: P12_CLASSIC }, effect: 'accepts', says: 'one of the two PKCS#12 PBE ciphers the package implements', sources: ['go-xcrypto-src', 'go-sslmate-src'], confidence: 'high' },
  { id: 'go-sslmate-aes256', importers: ['go-sslmate'], when: { feature: 'cipher', in: [CIPHER.aes256] }, effect: 'accepts', says: 'PBES2 AES-256-CBC is implemented', sources: ['go-sslmate-src'], confidence: 'high' },
  { id: 'go-sslmate-aes-other', importers: ['go-sslmate'], when: { feature: 'cipher', in: [CIPHER.aes128, CIPHER.aes192] }, effect: 'unknown', says: 'AES-128/192 depend on the package version (older ones implement AES-256 only)', sources: ['go-sslmate-src'], confidence: 'medium' },
  { id: 'go-cipher-other', importers: ['go-xcrypto', 'go-sslmate'], when: { feature: 'cipher', in: '*' }, effect: 'refuses', says: 'not implemented (“algorithm … is not supported”)', sources: ['go-xcrypto-src', 'go-sslmate-src'], confidence: 'high' },
  { id: 'go-sslmate-prf', importers: ['go-sslmate'], when: { feature: 'prf', in: ['HMAC-SHA1', 'HMAC-SHA256'] }, effect: 'accepts', says: 'a PBKDF2 PRF the package implements', sources: ['go-sslmate-src'], confidence: 'high' },
  { id: 'go-xcrypto-mac', importers: ['go-xcrypto'], when: { feature: 'mac', in: ['SHA-1'] }, effect: 'accepts', says: 'the only MAC digest the package implements', sources: ['go-xcrypto-src'], confidence: 'high' },
  { id: 'go-xcrypto-mac-other', importers: ['go-xcrypto'], when: { feature: 'mac', in: '*' }, effect: 'refuses', says: 'only an HMAC-SHA-1 MAC is implemented (and a MAC is required: “no MAC in data”)', sources: ['go-xcrypto-src'], confidence: 'high' },
  { id: 'go-sslmate-mac', importers: ['go-sslmate'], when: { feature: 'mac', in: ['SHA-1', 'SHA-256', 'SHA-512', 'PBMAC1'] }, effect: 'accepts', says: 'a MAC the package implements (PBMAC1 in recent versions)', sources: ['go-sslmate-src'], confidence: 'medium' },
  { id: 'go-safes', importers: ['go-xcrypto', 'go-sslmate'], when: { feature: 'structure', is: 'safes-not-two' }, effect: 'refuses', says: 'Decode/DecodeChain need exactly two safes (“expected exactly two items in the authenticated safe”)', sources: ['go-xcrypto-src', 'go-sslmate-src'], confidence: 'high' },
  { id: 'go-plain-key', importers: ['go-xcrypto', 'go-sslmate'], when: { feature: 'structure', is: 'plain-key-bag' }, effect: 'refuses', says: 'only a shrouded key bag is read: a plain keyBag leaves “private key missing”', sources: ['go-xcrypto-src', 'go-sslmate-src'], confidence: 'high' },
  { id: 'go-no-key', importers: ['go-xcrypto', 'go-sslmate'], when: { feature: 'structure', is: 'no-key' }, effect: 'refuses', says: 'Decode/DecodeChain need a private key (“private key missing”; DecodeTrustStore reads Java trust stores)', sources: ['go-xcrypto-src', 'go-sslmate-src'], confidence: 'high' },
  { id: 'go-no-cert', importers: ['go-xcrypto', 'go-sslmate'], when: { feature: 'structure', is: 'no-certificate' }, effect: 'refuses', says: 'Decode/DecodeChain need a certificate (“certificate missing”)', sources: ['go-xcrypto-src', 'go-sslmate-src'], confidence: 'high' },
  { id: 'go-sslmate-keys', importers: ['go-sslmate'], when: { feature: 'structure', is: 'multiple-keys' }, effect: 'refuses', says: 'DecodeChain reads one key (“expected exactly one key bag”)', sources: ['go-sslmate-src'], confidence: 'high' },
  { id: 'go-leaf-first', importers: ['go-xcrypto', 'go-sslmate'], when: { feature: 'structure', is: 'leaf-not-first' }, effect: 'note', says: 'the first certificate bag is taken as the key’s certificate, and here it is not', sources: ['go-xcrypto-src', 'go-sslmate-src'], confidence: 'high' },

  // --- Everyone --------------------------------------------------------------------------------
  { id: 'windows-friendly-name', importers: WINDOWS, when: { feature: 'structure', is: 'no-friendly-name' }, effect: 'note', says: 'no friendlyName: the certificate shows without a friendly name in the Windows certificate store (from experience; no document found)', sources: [], confidence: 'low' },
];
