/**
 * The built-in root store, decoded on first use. The generated module is large, so it is
 * loaded with a dynamic import: the app's first paint never pays for it.
 */
import type { CertificateModel } from '../model';
import { fromBase64 } from '../input/bytes';
import type { RootStoreSource } from './mozilla-roots.generated';

export interface BuiltinRoots {
  readonly source: RootStoreSource;
  readonly certificates: readonly CertificateModel[];
}

let loading: Promise<BuiltinRoots> | null = null;

export function loadBuiltinRoots(): Promise<BuiltinRoots> {
  loading ??= (async () => {
    const [{ ROOT_CERTIFICATES_BASE64, ROOT_STORE_SOURCE }, { decodeCertificate }] = await Promise.all([import('./mozilla-roots.generated'), import('../decode/index')]);
    const certificates: CertificateModel[] = [];
    for (const [i, b64] of ROOT_CERTIFICATES_BASE64.entries()) {
      try {
        certificates.push(await decodeCertificate(fromBase64(b64), { offset: 0, path: `built-in root ${i + 1}` }));
      } catch {
        // A root this decoder cannot read is left out rather than failing every analysis.
      }
    }
    return { source: ROOT_STORE_SOURCE, certificates };
  })();
  return loading;
}
