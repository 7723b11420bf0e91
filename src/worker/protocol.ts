/**
 * Messages between the main thread and the engine Worker. Every request carries an id; the
 * Worker answers with zero or more `progress` messages and exactly one `result` or `failure`
 * for that id. Only plain, structured-cloneable data crosses (see src/core/model.ts).
 *
 * Decoded inputs stay in the Worker, keyed by the SHA-256 of their bytes, so an analysis request
 * sends only keys, the host name, the evaluation time and the session-trusted roots.
 * Passwords travel in a decode request and are never kept by either side.
 */
import type { CertificateModel, DecodeWarning, DecodedInput, OidName, PublicKeyModel } from '@/core/model';
import type { RoleResult, SessionAnalysis, SessionCertificate, SessionPrivateKey } from '@/core/session';
import type { Finding } from '@/core/purpose/types';
import type { RoleVerifiers, VerifierId } from '@/core/verify/types';
import type { ToolRequest, ToolResult } from './tools-protocol';

/** A name as the page shows it: each attribute's short name and value, and the RFC 4514 string. */
export interface NameSummary {
  readonly rdns: readonly (readonly { readonly shortName: string | null; readonly value: string }[])[];
  readonly rfc4514: string;
}

/**
 * The analysis as posted to the page: each certificate carries its subject instead of its full
 * model, and per role its verdict, finding codes and refusing verifiers; the findings' words and
 * the answers come with the selected certificate (VerifierAnswersRequest). For 10,000
 * certificates this is a tenth of what would otherwise be copied and deserialised on the page.
 */
export type PostedCertificate = Omit<SessionCertificate, 'certificate' | 'suitability'> & {
  readonly subject: NameSummary;
  readonly suitability: { readonly tlsServer: PostedRoleResult; readonly tlsClient: PostedRoleResult };
};
/**
 * `id` is the analyze request's id: the detail view asks for a certificate's verifier answers
 * from exactly this analysis (VerifierAnswersRequest). What the page already has from decoding
 * stays in the Worker: the inputs' summaries, the CRLs, and the private keys' models (a key is
 * posted as its SHA-256 and its certificate's). For a 1,385-file folder that was 740 KB of the
 * result, deserialised on the page in the task that receives it.
 */
export type PostedAnalysis = Omit<SessionAnalysis, 'certificates' | 'inputs' | 'crls' | 'privateKeys'> & {
  readonly id: number;
  readonly certificates: readonly PostedCertificate[];
  readonly privateKeys: readonly PostedPrivateKey[];
};
/** A session private key as the page needs it: which certificate it belongs to. */
export type PostedPrivateKey = Pick<SessionPrivateKey, 'sha256' | 'certificate'>;

/**
 * Which verifiers refuse a certificate in a role, without their answers (those stay in the Worker
 * until asked for: src/worker/posted.ts). Ids in the order chrome, openssl, go, java, webpki.
 */
export interface RoleVerifierSummary {
  /** Verifiers that answered for this role. */
  readonly answered: readonly VerifierId[];
  /** Verifiers that refuse (even once a loaded private root is trusted). */
  readonly refusing: readonly VerifierId[];
  /** Verifiers that refuse only because a loaded self-signed root is not trusted, and accept once it is. */
  readonly refusingUntilRootTrusted: readonly VerifierId[];
}

/** A role's result as posted: verdict, findings, whether judged as a CA, and the summary of the verifiers' answers. */
/** A finding as posted with every certificate: which check and how bad; its message and where it breaks come with the answers. */
export type PostedFinding = Pick<Finding, 'code' | 'severity'>;

export type PostedRoleResult = Omit<RoleResult, 'verifiers' | 'findings'> & RoleVerifierSummary & { readonly findings: readonly PostedFinding[] };

/** Every verifier's full answer for one certificate, per role, and its findings in full (with breaksIn, which the posted analysis leaves out). */
export interface VerifierAnswers {
  readonly tlsServer: RoleVerifiers;
  readonly tlsClient: RoleVerifiers;
  readonly findings: { readonly tlsServer: readonly Finding[]; readonly tlsClient: readonly Finding[] };
}

/**
 * What the page holds of a loaded certificate: enough for its overview row, chain labels and
 * pickers. The full model (extensions, bytes, every field) stays in the Worker until the detail
 * view asks for it (CertificateRequest): 10,000 full models were 37 MB to copy and keep on the page.
 */
export interface CertificateSummary {
  readonly kind: 'certificate';
  readonly sha256Hex: string;
  /** Display names (core/display.ts commonNameOf) of subject and issuer, and the key in a few words (describeKey): made in the Worker, so the page only copies them. */
  readonly title: string;
  readonly issuerTitle: string;
  readonly keyText: string;
  readonly subject: NameSummary;
  readonly issuer: NameSummary;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly publicKey: Pick<PublicKeyModel, 'algorithm' | 'bits' | 'curve' | 'spkiSha256Hex'>;
  /** EKU purposes; null when the certificate has no EKU extension. */
  readonly purposes: readonly OidName[] | null;
  /** basicConstraints cA (as the decoder read it, malformed extensions included). */
  readonly isCa: boolean;
  /** What the decoder tolerated (present only when something was), for the inputs panel's notes. */
  readonly decodeWarnings?: readonly DecodeWarning[];
}

/** A decoded input as the page holds it: its certificates as summaries, everything else as decoded. */
export type PageInput = Omit<DecodedInput, 'certificates'> & { readonly certificates: readonly CertificateSummary[] };

/** The full model of one loaded certificate (null when the engine holds no input with it). */
export interface CertificateRequest {
  readonly type: 'certificate';
  readonly id: number;
  readonly sha256: string;
}

export interface DecodeRequest {
  readonly type: 'decode';
  readonly id: number;
  readonly name: string;
  /** The input's bytes; null to decode the bytes the engine kept when it read the file (`kept`). */
  readonly bytes: Uint8Array | null;
  /** With `bytes` null: the content SHA-256 of a file this engine read (readFiles) and kept for its decode. */
  readonly kept?: string;
  /** Passwords to try for PKCS#12 / encrypted keys; empty for the first attempt. */
  readonly passwords: readonly string[];
  /** PBKDF2/KDF iteration ceiling; above it the engine asks first (LIMIT_EXCEEDED). */
  readonly maxIterations: number;
}

export interface AnalyzeRequest {
  readonly type: 'analyze';
  readonly id: number;
  /** Content SHA-256 of each decoded input, in the order the person added them. */
  readonly keys: readonly string[];
  readonly host: string | null;
  /** Evaluation time, ISO-8601 UTC. */
  readonly at: string;
  /** SHA-256 of roots the person marked trusted for this session. */
  readonly sessionTrustedSha256: readonly string[];
}

/** One certificate's verifier answers from the analysis posted with `analysisId`. */
export interface VerifierAnswersRequest {
  readonly type: 'verifierAnswers';
  readonly id: number;
  readonly analysisId: number;
  readonly sha256: string;
}

/**
 * The verifier answers a big analysis left for later (session.ts verifierLimit: above 1,000
 * certificates, only the first get them at once), worked out now, in the background: progress
 * messages carry them in batches (`answered`), and the result says how many there were. Other
 * requests are answered between batches. Fails with SUPERSEDED once a newer analysis is posted.
 */
export interface CompleteAnswersRequest {
  readonly type: 'completeAnswers';
  readonly id: number;
  readonly analysisId: number;
}

/**
 * Not a request (no id, no answer): the page says it has nothing to do (requestIdleCallback).
 * The engine's background work waits for it between batches (page-pace.ts).
 */
export interface PageIdleSignal {
  readonly type: 'pageIdle';
}

/** Whether a certificate's verifier answers were left for later, in either role (its results as analysed or as posted). */
export function answersLeftForLater(roles: { readonly tlsServer: { readonly verifiersDeferred?: boolean }; readonly tlsClient: { readonly verifiersDeferred?: boolean } }): boolean {
  return roles.tlsServer.verifiersDeferred === true || roles.tlsClient.verifiersDeferred === true;
}

/** A certificate's results once every verifier has answered, as posted with the analysis. */
export interface AnsweredCertificate {
  readonly sha256: string;
  readonly suitability: PostedCertificate['suitability'];
}

export interface ForgetRequest {
  readonly type: 'forget';
  readonly id: number;
  /** Keys to drop; empty drops everything. */
  readonly keys: readonly string[];
}

/** Build a share link fragment from the session's certificates (never keys, CSRs or passwords). */
export interface ShareRequest {
  readonly type: 'share';
  readonly id: number;
  readonly keys: readonly string[];
  readonly selectedSha256: string | null;
  readonly host: string | null;
  readonly at: string | null;
}

/** Read a share link fragment back into certificates (as one PEM text) and view settings. */
export interface OpenShareRequest {
  readonly type: 'openShare';
  readonly id: number;
  readonly fragment: string;
}

export interface SharedLink {
  readonly fragment: string;
  readonly certificates: number;
  /** What the session held that the link leaves out, for the person to know. */
  readonly omitted: { readonly privateKeys: number; readonly csrs: number; readonly crls: number };
}

export interface OpenedShare {
  readonly pem: string;
  readonly certificates: number;
  readonly selectedSha256: string | null;
  readonly host: string | null;
  readonly at: string | null;
}

/**
 * Files a person picked or dropped, read here rather than on the page: even File.size is a
 * round-trip to the browser for a file on disk (about a millisecond each), which for a folder of
 * 1,000 files held the page for seconds. Files above `maxBytes` are not read.
 */
export interface ReadFilesRequest {
  readonly type: 'readFiles';
  readonly id: number;
  readonly files: readonly File[];
  readonly maxBytes: number;
}

/** The error a decode of kept bytes fails with when the engine no longer holds them (restarted, evicted): send the bytes. */
export const NOT_KEPT = 'ENGINE_BYTES_NOT_KEPT';

export type ReadFile =
  | { readonly tooLarge: true; readonly size: number }
  /** The browser could not read it (moved, deleted, no permission): the reason, for the person. */
  | { readonly tooLarge: false; readonly size: number; readonly failure: string }
  | { readonly tooLarge: false; readonly size: number; readonly failure?: undefined; readonly bytes: Uint8Array; readonly sha256Hex: string };

export type WorkerRequest = DecodeRequest | CertificateRequest | AnalyzeRequest | VerifierAnswersRequest | CompleteAnswersRequest | ForgetRequest | ShareRequest | OpenShareRequest | ReadFilesRequest | ToolRequest;

export interface ProgressMessage {
  readonly type: 'progress';
  readonly id: number;
  /** What is happening now, for people: "Decoding bundle.pem (2.1 MiB)". */
  readonly phase: string;
  readonly done: number;
  readonly total: number;
  /** For big inputs: what is decoded so far, so the page can list the first rows early. */
  readonly preview?: PageInput;
  /** For a CompleteAnswersRequest: the certificates answered since the last message. */
  readonly answered?: readonly AnsweredCertificate[];
}

export type WorkerResult =
  | { readonly kind: 'decoded'; readonly input: PageInput }
  | { readonly kind: 'certificate'; readonly certificate: CertificateModel | null }
  | { readonly kind: 'analyzed'; readonly analysis: PostedAnalysis }
  /** null: the Worker no longer holds that analysis (a newer one replaced it) or not that certificate. */
  | { readonly kind: 'verifierAnswers'; readonly answers: VerifierAnswers | null }
  /** Every answer left for later is posted (`count` of them). */
  | { readonly kind: 'answersCompleted'; readonly count: number }
  | { readonly kind: 'forgotten' }
  | { readonly kind: 'shared'; readonly link: SharedLink }
  | { readonly kind: 'shareOpened'; readonly share: OpenedShare }
  /** In the order of the request's files; their bytes are transferred, not copied. */
  | { readonly kind: 'filesRead'; readonly files: readonly ReadFile[] }
  | ToolResult;

export interface ResultMessage {
  readonly type: 'result';
  readonly id: number;
  readonly result: WorkerResult;
}

export interface FailureMessage {
  readonly type: 'failure';
  readonly id: number;
  readonly message: string;
}

/**
 * Big results cross the Worker boundary in parts: a page deserialises each message in one task,
 * and 10,000 decoded certificates in one message held it for a second. A result's long lists are
 * sent first as parts of PART_ITEMS items, in order, each its own message (a task of a few
 * milliseconds), then the result with those lists empty; the client puts them back.
 */
export type PartField = 'input.certificates' | 'analysis.certificates' | 'analysis.forest.trees';

export interface PartMessage {
  readonly type: 'part';
  readonly id: number;
  readonly field: PartField;
  /** The next items of that list (for `analysis.forest.trees`: [sha256, tree] entries). */
  readonly items: readonly unknown[];
}

/** Items per part: a few milliseconds of structured-clone reading on the page each. */
export const PART_ITEMS = 200;

export type WorkerResponse = ProgressMessage | PartMessage | ResultMessage | FailureMessage;

/** Failure message of an analysis request that a newer one replaced before it started. */
export const SUPERSEDED = 'superseded by a newer analysis';
