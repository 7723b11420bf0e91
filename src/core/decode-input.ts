/**
 * The single engine entry for one input (called by the Worker and the CLI): size limit,
 * content detection, PKCS#7 / PKCS#12 unpacking, and decoding of every item. Never throws:
 * every failure becomes a CoreError with a location, and one bad item never hides the others.
 */
import { decodeCertificate, decodeCrl, decodeCsr, decodePublicKey } from './decode/index';
import { detectInputs } from './input/detect';
import { errorMessage, sha256Hex } from './input/bytes';
import { extractPkcs7 } from './input/pkcs7';
import { openPkcs12 } from './input/pkcs12';
import { pkcs12Compatibility } from './pkcs12/compat';
import { decodePrivateKey, lockedPrivateKeyModel, privateKeyModelFromPkcs8 } from './keys/private-key';
import {
  CoreFailure,
  type CertificateModel,
  type CoreError,
  type CrlModel,
  type CsrModel,
  type DecodedInput,
  type DecodeOptions,
  type DetectedItem,
  type InputLocation,
  type InputSource,
  type Pkcs12Model,
  type PrivateKeyModel,
  type PublicKeyItemModel,
} from './model';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export interface DecodeInputOptions extends DecodeOptions {
  /** PBKDF2 / PKCS#12 KDF iteration ceiling (LIMIT_EXCEEDED above it). Default 10,000,000. */
  readonly maxIterations?: number;
  /**
   * Called once, early, for inputs with many certificates: the input as decoded so far (its
   * first batch of certificates), so a list can show rows before the whole bundle is done.
   */
  readonly onPreview?: (partial: DecodedInput) => void;
  /** Receives the unencrypted PKCS#8 DER of each decoded private key (for an explicit export; never stored by core). */
  readonly onPrivateKeyPkcs8?: (pkcs8Der: Uint8Array) => void;
}

function toCoreError(e: unknown, location: InputLocation): CoreError {
  if (e instanceof CoreFailure) return { code: e.code, message: e.message, location: e.location ? { ...location, ...e.location } : location };
  return { code: 'MALFORMED', message: errorMessage(e) || 'Unknown decoding failure.', location };
}

type Outcome<T> = { ok: T; error?: undefined } | { ok?: undefined; error: CoreError };

const BATCH = 64;

/** Runs `work` over `list` BATCH at a time, handing results to `take` in the list's order. */
async function inOrderedBatches<I, T>(
  list: readonly I[],
  work: (item: I) => Promise<Outcome<T>>,
  take: (result: Outcome<T>) => unknown,
  afterFirstBatch?: () => void,
): Promise<void> {
  for (let i = 0; i < list.length; i += BATCH) {
    const results = await Promise.all(list.slice(i, i + BATCH).map(work));
    for (const r of results) take(r);
    if (i === 0 && list.length > BATCH) afterFirstBatch?.();
  }
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${n} bytes`;
}

export async function decodeInput(source: InputSource, options: DecodeInputOptions = {}): Promise<DecodedInput> {
  const bytes = source.bytes;
  const empty = { certificates: [], csrs: [], crls: [], privateKeys: [], publicKeys: [], pkcs12: null };
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  // Refuse before touching the content: not even hashed.
  if (bytes.length > maxBytes) {
    return {
      name: source.name,
      sha256Hex: '',
      size: bytes.length,
      ...empty,
      format: null,
      errors: [{ code: 'TOO_LARGE', message: `${source.name} is ${formatBytes(bytes.length)}, above the limit of ${formatBytes(maxBytes)}; it was not read.` }],
    };
  }
  let digest = '';
  try {
    digest = await sha256Hex(bytes);
  } catch {
    digest = '';
  }
  const base = { name: source.name, sha256Hex: digest, size: bytes.length };
  try {
    return await decodeDetected(source, base, options);
  } catch (e) {
    return { ...base, ...empty, format: null, errors: [toCoreError(e, { offset: 0 })] };
  }
}

async function decodeDetected(source: InputSource, base: { name: string; sha256Hex: string; size: number }, options: DecodeInputOptions): Promise<DecodedInput> {
  const detection = detectInputs(source.bytes);
  const errors: CoreError[] = [...detection.errors];
  const certificates: CertificateModel[] = [];
  const csrs: CsrModel[] = [];
  const crls: CrlModel[] = [];
  const privateKeys: PrivateKeyModel[] = [];
  const publicKeys: PublicKeyItemModel[] = [];
  let pkcs12: Pkcs12Model | null = null;
  const passwords = options.passwords ?? [];
  const pbeOpts = options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {};

  let previewed = false;
  const preview = (): void => {
    if (previewed || !options.onPreview) return;
    previewed = true;
    options.onPreview({ ...base, format: detection.format, errors: [...errors], certificates: [...certificates], csrs: [], crls: [], privateKeys: [], publicKeys: [], pkcs12: null });
  };

  const attempt = async (location: InputLocation, fn: () => Promise<void>): Promise<void> => {
    try {
      await fn();
    } catch (e) {
      errors.push(toCoreError(e, location));
    }
  };

  const decodeItem = async (item: DetectedItem): Promise<void> => {
    const loc = item.location;
    switch (item.kind) {
      case 'certificate':
        certificates.push(await decodeCertificate(item.der, loc));
        return;
      case 'csr':
        csrs.push(await decodeCsr(item.der, loc));
        return;
      case 'crl':
        crls.push(await decodeCrl(item.der, loc));
        return;
      case 'public-key': {
        const publicKey = await decodePublicKey(item.der);
        publicKeys.push({ kind: 'public-key', sha256Hex: publicKey.spkiSha256Hex, publicKey, location: loc });
        return;
      }
      case 'pkcs7': {
        const p7 = extractPkcs7(item.der);
        await inOrderedBatches(p7.certificates, async (c) => {
          const cl: InputLocation = { ...loc, offset: loc.offset + (loc.pemBlock ? 0 : c.offset), path: `PKCS#7 certificate ${c.index}` };
          try {
            return { ok: await decodeCertificate(c.der, cl) };
          } catch (e) {
            return { error: toCoreError(e, cl) };
          }
        }, (r) => (r.ok ? certificates.push(r.ok) : errors.push(r.error)), preview);
        for (const c of p7.crls) {
          const cl: InputLocation = { ...loc, offset: loc.offset + (loc.pemBlock ? 0 : c.offset), path: `PKCS#7 CRL ${c.index}` };
          await attempt(cl, async () => {
            crls.push(await decodeCrl(c.der, cl));
          });
        }
        return;
      }
      case 'pkcs12': {
        const opened = await openPkcs12(item.der, passwords, pbeOpts);
        if (!pkcs12) pkcs12 = opened.model;
        for (const err of opened.errors) errors.push({ ...err, location: { ...loc, ...(err.location ?? {}) } });
        for (const c of opened.certificates) {
          const cl: InputLocation = { ...loc, path: c.bagPath };
          await attempt(cl, async () => {
            certificates.push(await decodeCertificate(c.der, cl));
          });
        }
        for (const k of opened.privateKeys) {
          const kl: InputLocation = { ...loc, path: k.bagPath };
          await attempt(kl, async () => {
            privateKeys.push(await privateKeyModelFromPkcs8(k.pkcs8Der, kl, 'pkcs12-bag', k.encryption, { friendlyName: k.friendlyName, localKeyIdHex: k.localKeyIdHex }));
            options.onPrivateKeyPkcs8?.(k.pkcs8Der.slice());
          });
        }
        let n = 0;
        for (const der of opened.crls) {
          n++;
          const cl: InputLocation = { ...loc, path: `PKCS#12 CRL ${n}` };
          await attempt(cl, async () => {
            crls.push(await decodeCrl(der, cl));
          });
        }
        return;
      }
      case 'private-key':
      case 'rsa-private-key':
      case 'ec-private-key':
      case 'encrypted-private-key': {
        try {
          privateKeys.push(await decodePrivateKey(item, { passwords, ...pbeOpts, ...(options.onPrivateKeyPkcs8 ? { onPkcs8Der: options.onPrivateKeyPkcs8 } : {}) }));
        } catch (e) {
          const encrypted = item.kind === 'encrypted-private-key' || /ENCRYPTED/i.test(item.pemHeaders?.['Proc-Type'] ?? '');
          if (encrypted && e instanceof CoreFailure && e.code !== 'MALFORMED') {
            // Still list the key (encrypted, public facts unknown) so the person sees it and can give a password.
            privateKeys.push(await lockedPrivateKeyModel(item));
          }
          throw e;
        }
        return;
      }
    }
  };

  // Plain certificates (bundles of thousands) are decoded in concurrent batches so their
  // WebCrypto digests overlap; everything else keeps its order one item at a time.
  const items = detection.items;
  for (let i = 0; i < items.length; ) {
    if (items[i]?.kind !== 'certificate') {
      const item = items[i++];
      if (item) await attempt(item.location, () => decodeItem(item));
      continue;
    }
    let j = i;
    while (j < items.length && items[j]?.kind === 'certificate') j++;
    await inOrderedBatches(items.slice(i, j), async (item) => {
      try {
        return { ok: await decodeCertificate(item.der, item.location) };
      } catch (e) {
        return { error: toCoreError(e, item.location) };
      }
    }, (r) => (r.ok ? certificates.push(r.ok) : errors.push(r.error)), preview);
    i = j;
  }

  const compatibility = pkcs12 ? pkcs12Compatibility({ pkcs12, certificates, privateKeys }) : null;
  return { ...base, format: detection.format, errors, ...(detection.notes ? { notes: detection.notes } : {}), certificates, csrs, crls, privateKeys, publicKeys, pkcs12, ...(compatibility ? { pkcs12Compatibility: compatibility } : {}) };
}
