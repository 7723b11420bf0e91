import type { KeyEncryptionModel, Pkcs12Compatibility, Pkcs12Model, PrivateKeyModel } from '@/core/model';
import { colonHex } from './format';
import { Pkcs12CompatView, WeaknessList } from './pkcs12-compat-view';
import { SafeText } from './safe-text';

export interface Pkcs12ViewProps {
  readonly name: string;
  readonly pkcs12: Pkcs12Model;
  readonly privateKeys: readonly PrivateKeyModel[];
  /** SHA-256 of each certificate → its subject, to name certificate bags. */
  readonly certificateNames: ReadonlyMap<string, string>;
  /** PrivateKeyModel.sha256Hex → certificate SHA-256 it matches (from the analysis), when known. */
  readonly keyMatches: ReadonlyMap<string, string>;
  /** Which importers take the file (the engine's table); absent for models from before it existed. */
  readonly compatibility?: Pkcs12Compatibility;
}

export function describeEncryption(e: KeyEncryptionModel | null): string {
  if (!e) return 'not encrypted';
  return `${e.scheme}: ${e.cipher}, ${e.kdf}${e.iterations !== null ? `, ${e.iterations.toLocaleString('en-US')} iterations` : ''}`;
}

const BAG_LABEL: Record<string, string> = {
  certificate: 'Certificate',
  key: 'Private key (plain)',
  shroudedKey: 'Private key (shrouded)',
  crl: 'CRL',
  secret: 'Secret',
  safeContents: 'Nested safe',
  unknown: 'Unknown bag',
};

export function Pkcs12View({ name, pkcs12, privateKeys, certificateNames, keyMatches, compatibility }: Pkcs12ViewProps) {
  const mac = pkcs12.mac;
  return (
    <section aria-label={`PKCS#12 details of ${name}`} className="space-y-2">
      <h3 className="text-sm font-semibold">
        PKCS#12 container: <SafeText value={name} />
      </h3>
      <dl className="kv">
        <dt>Integrity (MAC)</dt>
        <dd>
          {mac
            ? `${mac.type} ${mac.hash}${mac.kdf ? `, ${mac.kdf}` : ''}, ${mac.iterations.toLocaleString('en-US')} iterations — ${mac.verified ? 'verified' : 'NOT verified'}`
            : 'none (the file has no MAC: integrity is not protected)'}
          <WeaknessList where="the MAC" weaknesses={mac ? mac.weaknesses : pkcs12.weaknesses?.filter((w) => w.code === 'NO_MAC')} />
        </dd>
        <dt>Password</dt>
        <dd>{pkcs12.passwordUsed === 'none' ? 'none' : pkcs12.passwordUsed === 'empty' ? 'empty password' : 'opened with the password you gave (not stored)'}</dd>
      </dl>
      <ol className="space-y-2">
        {pkcs12.safes.map((safe, i) => (
          <li key={i} className="rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-800">
            <div className="font-medium">
              Safe {i + 1}: {safe.contentType === 'encryptedData' ? 'password-encrypted' : safe.contentType === 'data' ? 'in clear' : safe.contentType}
              {safe.encryption && <span className="font-normal text-zinc-600 dark:text-zinc-400"> — {describeEncryption(safe.encryption)}</span>}
            </div>
            <WeaknessList where={`safe ${i + 1}`} weaknesses={safe.weaknesses} />
            <ul className="mt-1 space-y-1">
              {safe.bags.map((bag, j) => {
                const key = bag.privateKeySha256Hex ? privateKeys.find((k) => k.sha256Hex === bag.privateKeySha256Hex) : undefined;
                const match = bag.privateKeySha256Hex ? keyMatches.get(bag.privateKeySha256Hex) : undefined;
                return (
                  <li key={j} className="ml-3 border-l-2 border-zinc-200 pl-2 dark:border-zinc-700">
                    <span className="font-medium">{BAG_LABEL[bag.type] ?? bag.type}</span>
                    <span className="ml-1 font-mono text-xs text-zinc-600 dark:text-zinc-400">({bag.bagOid})</span>
                    <WeaknessList where={`safe ${i + 1}, bag ${j + 1}`} weaknesses={bag.weaknesses} />
                    <dl className="kv mt-1">
                      <dt>Friendly name</dt>
                      <dd>{bag.friendlyName !== null ? <SafeText value={bag.friendlyName} /> : '(none)'}</dd>
                      {bag.localKeyIdHex && (
                        <>
                          <dt>Local key ID</dt>
                          <dd className="hex">{colonHex(bag.localKeyIdHex)}</dd>
                        </>
                      )}
                      {bag.encryption && (
                        <>
                          <dt>Encryption</dt>
                          <dd>{describeEncryption(bag.encryption)}</dd>
                        </>
                      )}
                      {bag.certificateSha256Hex && (
                        <>
                          <dt>Certificate</dt>
                          <dd>
                            <SafeText value={certificateNames.get(bag.certificateSha256Hex) ?? bag.certificateSha256Hex} />
                          </dd>
                        </>
                      )}
                      {key && (
                        <>
                          <dt>Key</dt>
                          <dd>
                            {key.algorithm}
                            {key.bits !== null ? ` ${key.bits}` : ''}
                            {key.curve ? ` ${key.curve}` : ''}
                          </dd>
                          <dt>Key match</dt>
                          <dd>
                            {match ? (
                              <>
                                <span aria-hidden="true">✓ </span>matches certificate <SafeText value={certificateNames.get(match) ?? match} />
                              </>
                            ) : key.publicSpkiSha256Hex === null ? (
                              'could not be checked'
                            ) : (
                              <>
                                <span aria-hidden="true">✕ </span>no certificate in the session matches this key
                              </>
                            )}
                          </dd>
                        </>
                      )}
                    </dl>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ol>
      {compatibility && <Pkcs12CompatView name={name} compatibility={compatibility} />}
    </section>
  );
}
