/**
 * Decode warnings: the decoders read what openssl displays, and every leniency they allow is
 * recorded here with a stable code, where it is (field path and byte offset in the object's
 * DER), what was wrong, and which real parsers refuse it.
 */
import type { Asn1 } from '../input/der';
import type { DecodeWarning, DecodeWarningCode } from '../model';

/**
 * Which real parsers refuse each leniency, as measured on this machine on the forms of
 * src/core/fuzz/malformed.ts with OpenSSL 3.0.19 `openssl x509 -text`, Go 1.19
 * `x509.ParseCertificate`, OpenJDK 17 `CertificateFactory` (plus the SAN, basicConstraints and
 * keyUsage getters) and pyca/cryptography 48 (loading, then reading names and extensions).
 * A parser not listed read the form. Entries marked "not measured here" come from the parser's
 * source, not from a run.
 */
export const REJECTED_BY: Readonly<Record<DecodeWarningCode, readonly string[]>> = {
  EMPTY_RDN: ['pyca/cryptography (a relative distinguished name cannot be empty)'],
  UNDEFINED_VERSION: ['Go (x509: invalid version)', 'Java (reads it as v2: Extensions not allowed in v2 certificate)', 'pyca/cryptography (InvalidVersion)'],
  DEFAULT_VERSION_ENCODED: ['pyca/cryptography (EncodedDefault)'],
  TIME_FORMAT: ['Go (x509: malformed UTCTime)', 'Java (Parse UTC time, invalid format)', 'pyca/cryptography', 'OpenSSL prints "Bad time value"'],
  ALGORITHM_ENCODING: ['OpenSSL (Could not read certificate)', 'Go (x509: malformed algorithm identifier)', 'Java (algid parse error, not a sequence)', 'pyca/cryptography (UnexpectedTag)'],
  EXTENSION_MALFORMED: ['pyca/cryptography (error parsing asn1 value)'],
  TRAILING_DATA: ['pyca/cryptography (ExtraData)'],
  NEGATIVE_INTEGER: ['pyca/cryptography (InvalidValue)'],
  INTEGER_OUT_OF_RANGE: ['rustls-webpki (reads pathLenConstraint as one octet; not measured here)'],
  UNDEFINED_BIT: [],
  IP_ADDRESS_LENGTH: ['Go (x509: cannot parse IP address of length N)', 'pyca/cryptography'],
  NON_MINIMAL_INTEGER: ['OpenSSL (Could not read certificate)', 'Go (x509: malformed serial number)', 'pyca/cryptography (InvalidValue)'],
  NON_MINIMAL_LENGTH: ['Go (x509: malformed tbs certificate)', 'pyca/cryptography (InvalidLength)'],
  BER_ENCODING: ['Go', 'Java (Invalid lenByte)', 'pyca/cryptography (InvalidLength)'],
  STRING_CHARACTERS: ['Go (x509: invalid PrintableString)', 'pyca/cryptography (InvalidValue)'],
  NON_ASCII_NAME: ['Go (x509: SAN dNSName is malformed)', 'pyca/cryptography (InvalidValue)'],
  BOOLEAN_ENCODING: ['pyca/cryptography (EncodedDefault)'],
  DUPLICATE_EXTENSION: ['Go (x509: certificate contains duplicate extensions)', 'Java (Duplicate extensions not allowed)', 'pyca/cryptography (DuplicateExtension)'],
  UNUSED_BITS: [],
};

export interface WarnOptions {
  /** The value could not be read strictly: an extension carrying it is "present, malformed". */
  readonly malformed?: boolean;
  /** Overrides REJECTED_BY for this one occurrence. */
  readonly rejectedBy?: readonly string[];
  /** The strict parser's error text (becomes the extension's decodeError); defaults to the message. */
  readonly error?: string;
}

/**
 * Collects warnings for one object. Offsets of nodes read from a sub-buffer (an extension value)
 * are made object-relative with `base`; `scope` sinks share the list.
 */
export class Warnings {
  private readonly items: DecodeWarning[];
  /** True once a `malformed` warning was added in this scope or a scope below it. */
  malformed = false;
  /** The strict error of the first `malformed` warning. */
  firstError: string | null = null;
  private readonly parent: Warnings | null;

  constructor(
    readonly base = 0,
    readonly prefix = '',
    items?: DecodeWarning[],
    parent: Warnings | null = null,
  ) {
    this.items = items ?? [];
    this.parent = parent;
  }

  get list(): readonly DecodeWarning[] {
    return this.items;
  }

  /** A sink whose own warnings are kept separately (an extension's), relative to `base`, under `prefix`. */
  scope(base: number, prefix: string): Warnings {
    return new Warnings(base, prefix, [], this);
  }

  add(code: DecodeWarningCode, field: string, at: Asn1 | number | null, message: string, options: WarnOptions = {}): void {
    const offset = at === null ? null : this.base + (typeof at === 'number' ? at : at.offset);
    const w: DecodeWarning = { code, field: this.prefix && field ? `${this.prefix}.${field}` : this.prefix || field, offset, message, rejectedBy: options.rejectedBy ?? REJECTED_BY[code] };
    if (options.malformed && this.firstError === null) this.firstError = options.error ?? message;
    this.push(w, options.malformed === true);
  }

  private push(w: DecodeWarning, malformed: boolean): void {
    this.items.push(w);
    if (malformed) this.malformed = true;
    this.parent?.push(w, false);
  }
}

/** Shared sink for callers that do not collect (the values are read the same way, warnings dropped). */
export function discard(): Warnings {
  return new Warnings();
}
