/**
 * Worker side of the power tools (tools-protocol.ts). Reads the Worker's decoded inputs and the
 * last full analysis; holds decrypted private keys only for the explicit export (see
 * ExportPrivateKeyRequest) and drops them on forget.
 */
import { parseAsn1Tree } from '@/core/asn1';
import { compareCertificates } from '@/core/compare';
import { buildCertificateExports, certificateFileStem, pkcs8Pem } from '@/core/export';
import { sha256Hex } from '@/core/input/bytes';
import type { CertificateModel, DecodedInput } from '@/core/model';
import { decodeErrorText } from '@/core/purpose/errors';
import { checkMtlsPair } from '@/core/purpose/mtls';
import { loadBuiltinRoots } from '@/core/roots';
import type { LazySessionAnalysis, SessionAnalysis, SessionCertificate } from '@/core/session';
import { findCertificate } from './page-input';
import { answersLeftForLater } from './protocol';
import type { ToolRequest, ToolResult } from './tools-protocol';

export class ToolState {
  private analysis: SessionAnalysis | null = null;
  /** The analysis' way to the verifier answers it left for later (session.ts answersFor). */
  private answersFor: LazySessionAnalysis['answersFor'] | null = null;
  /** PrivateKeyModel.sha256Hex → its unencrypted PKCS#8 DER and the inputs it came from. */
  private readonly keys = new Map<string, { readonly der: Uint8Array; readonly inputs: Set<string> }>();

  constructor(private readonly decoded: ReadonlyMap<string, DecodedInput>) {}

  /** The analysis the tools read, and how to get a certificate's verifier answers it left for later (session.ts answersFor). */
  rememberAnalysis(analysis: SessionAnalysis, answersFor: LazySessionAnalysis['answersFor'] | null = null): void {
    this.analysis = analysis;
    this.answersFor = answersFor;
  }

  /** A certificate with every verifier's answers: those a big analysis left for later are worked out now. */
  private async answered(c: SessionCertificate): Promise<SessionCertificate> {
    if (!this.answersFor || !answersLeftForLater(c.suitability)) return c;
    const roles = await this.answersFor(c.sha256);
    return roles ? { ...c, suitability: roles } : c;
  }

  /**
   * Keeps the decrypted keys of a decoded input for a later confirmed export. A key only decodes
   * when it needs no secret (unencrypted, or an empty/absent password) or when the person unlocked
   * it with its password, so that is exactly what is kept; the password itself never is. Keys
   * that stay locked are never decrypted and so never reach this.
   */
  async rememberKeys(input: DecodedInput, ders: readonly Uint8Array[]): Promise<void> {
    for (const der of ders) {
      const sha = await sha256Hex(der);
      const model = input.privateKeys.find((k) => k.sha256Hex === sha);
      if (!model) continue;
      const entry = this.keys.get(sha) ?? { der, inputs: new Set<string>() };
      entry.inputs.add(input.sha256Hex);
      this.keys.set(sha, entry);
    }
  }

  /** Drops what belongs to the given inputs (all when empty). */
  forget(inputKeys: readonly string[]): void {
    if (inputKeys.length === 0) {
      for (const entry of this.keys.values()) entry.der.fill(0);
      this.keys.clear();
      this.analysis = null;
      return;
    }
    for (const [sha, entry] of this.keys) {
      for (const key of inputKeys) entry.inputs.delete(key);
      if (entry.inputs.size === 0) {
        entry.der.fill(0);
        this.keys.delete(sha);
      }
    }
  }

  private certificate(sha: string, inputKey: string | null = null): CertificateModel {
    const one = inputKey ? this.decoded.get(inputKey) : undefined;
    const found = findCertificate(one ? [one] : this.decoded.values(), sha);
    if (found) return found;
    const fromAnalysis = this.analysis?.certificates.find((c) => c.sha256 === sha)?.certificate ?? this.analysis?.anchors.find((c) => c.sha256Hex === sha);
    if (fromAnalysis) return fromAnalysis;
    throw new Error(`Certificate ${sha.slice(0, 16)}… is not loaded.`);
  }

  /** A new PKCS#12 from a loaded certificate, its kept key and its chain; the key's copy is zeroed after use. */
  private async writePkcs12(request: Extract<ToolRequest, { type: 'writePkcs12' }>): Promise<ToolResult> {
    const entry = this.keys.get(request.privateKeySha256);
    if (!entry) throw new Error('This key is not available: load it again (and unlock it with its password).');
    const leaf = this.certificate(request.certificateSha256);
    const chain = request.chainShas.filter((sha) => sha !== leaf.sha256Hex).map((sha) => this.certificate(sha));
    // The writer and its profiles are only fetched when someone writes a file.
    const [{ writePkcs12 }, { describeProfile, profileByName }] = await Promise.all([import('@/core/pkcs12/write'), import('@/core/pkcs12/profiles')]);
    const profile = profileByName(request.profile, request.iterations, request.custom);
    const key = entry.der.slice();
    try {
      const bytes = await writePkcs12({ certificates: [leaf, ...chain].map((c) => c.der), privateKey: key, password: request.password, profile, friendlyName: request.friendlyName });
      const n = chain.length + 1;
      return { kind: 'pkcs12Written', bytes, fileName: `${certificateFileStem(leaf)}.${profile.name}.p12`, summary: `${n} certificate${n === 1 ? '' : 's'} and the private key; ${describeProfile(profile)}` };
    } finally {
      key.fill(0);
    }
  }

  async handle(request: ToolRequest): Promise<ToolResult> {
    switch (request.type) {
      case 'asn1': {
        const der = this.certificate(request.certificateSha256, request.key).der;
        return { kind: 'asn1', tree: parseAsn1Tree(der), der: der.slice() };
      }
      case 'exports': {
        const certificate = this.certificate(request.certificateSha256);
        const path = request.pathShas.map((sha) => this.certificate(sha));
        return { kind: 'exports', exports: buildCertificateExports(certificate, path) };
      }
      case 'compare':
        return { kind: 'compared', diffs: compareCertificates(this.certificate(request.a), this.certificate(request.b)) };
      case 'decodeError': {
        const analysis = this.analysis;
        const matches = decodeErrorText(request.text).map((m) => ({
          ...m,
          triggeredBy: analysis
            ? analysis.certificates
                .filter((c) =>
                  [c.suitability.tlsServer, c.suitability.tlsClient].some((r) => {
                    // A message in one verifier's words is triggered by the certificates that verifier refuses for this reason.
                    if (m.source) {
                      const a = r.verifiers[m.source];
                      return a !== undefined && !a.accepts && (a.codes as readonly string[]).includes(m.code);
                    }
                    return r.findings.some((f) => f.code === m.code && (f.severity === 'fail' || f.severity === 'warn'));
                  }),
                )
                .map((c) => c.sha256)
            : null,
        }));
        return { kind: 'errorDecoded', matches };
      }
      case 'exportPrivateKey': {
        const entry = this.keys.get(request.privateKeySha256);
        if (!entry) throw new Error('This key is not available for export: load it again (and unlock it with its password).');
        return { kind: 'privateKeyExported', pem: pkcs8Pem(entry.der) };
      }
      case 'mtlsPair': {
        const analysis = this.analysis;
        const server = analysis?.certificates.find((c) => c.sha256 === request.server);
        const client = analysis?.certificates.find((c) => c.sha256 === request.client);
        if (!analysis || !server || !client) throw new Error('Both certificates must be loaded and analysed.');
        return { kind: 'mtlsChecked', check: checkMtlsPair(await this.answered(server), await this.answered(client), analysis, request.pairing ?? 'picked') };
      }
      case 'writePkcs12':
        return this.writePkcs12(request);
      case 'builtinRoot': {
        const roots = await loadBuiltinRoots();
        return { kind: 'builtinRoot', certificate: roots.certificates.find((c) => c.sha256Hex === request.sha256) ?? null };
      }
    }
  }
}
