import { useId, useState, type FormEvent } from 'react';
import type { EncryptionName, MacName, PrfName, ProfileName } from '@/core/pkcs12/profiles';
import { SafeLine } from '../safe-text';
import { downloadFile, type DownloadFile } from './download';

/** What the panel asks the engine for; the key itself never comes here. */
export interface Pkcs12MakeRequest {
  readonly profile: ProfileName;
  readonly iterations: number;
  readonly custom?: { readonly keyPbe: EncryptionName; readonly certPbe: EncryptionName; readonly mac: MacName; readonly prf: PrfName };
  readonly friendlyName: string | null;
  readonly password: string;
}

export interface Pkcs12MakeResult {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly summary: string;
}

export interface Pkcs12MakeViewProps {
  /** The certificate the file is made for (its CN), e.g. "alice". */
  readonly certificateName: string;
  /** How many certificates go in: this one and its chain leaf → root. */
  readonly certificateCount: number;
  /** The key, in words, e.g. "RSA 2048-bit key from legacy.p12". */
  readonly keyDescription: string;
  /** The friendly name offered at first (the one the key had, else the certificate's CN). */
  readonly defaultFriendlyName: string;
  /** Writes the file in the Worker (core/pkcs12/write.ts); the key stays there. */
  readonly write: (request: Pkcs12MakeRequest) => Promise<Pkcs12MakeResult>;
  /** Saves a file; defaults to a Blob + object URL download. */
  readonly onDownload?: (file: DownloadFile) => void;
}

const PROFILES: readonly { readonly value: ProfileName; readonly label: string; readonly hint: string; readonly iterations: number }[] = [
  { value: 'modern', label: 'Modern', hint: 'AES-256-CBC, PBKDF2-SHA256, HMAC-SHA256 MAC: OpenSSL 3, current Windows, macOS, Java', iterations: 600_000 },
  { value: 'compatible', label: 'Compatible', hint: '3DES and a SHA-1 MAC: older Windows, macOS, Android and Java; OpenSSL 3 without -legacy', iterations: 2048 },
  { value: 'custom', label: 'Custom', hint: 'choose each algorithm', iterations: 2048 },
];

// The names core/pkcs12/profiles.ts takes (typed against it; the Worker refuses any other).
const ENCRYPTIONS: readonly { readonly value: EncryptionName; readonly label: string }[] = [
  { value: 'AES-256-CBC', label: 'AES-256-CBC (PBES2)' },
  { value: 'AES-192-CBC', label: 'AES-192-CBC (PBES2)' },
  { value: 'AES-128-CBC', label: 'AES-128-CBC (PBES2)' },
  { value: 'DES-EDE3-CBC', label: '3DES-CBC (PBES2)' },
  { value: 'PBE-SHA1-3DES', label: '3DES (PKCS#12 PBE)' },
  { value: 'PBE-SHA1-2DES', label: 'two-key 3DES (PKCS#12 PBE)' },
  { value: 'PBE-SHA1-RC2-128', label: 'RC2-128 (PKCS#12 PBE; OpenSSL 3 needs -legacy)' },
  { value: 'PBE-SHA1-RC2-40', label: 'RC2-40 (PKCS#12 PBE; weak; OpenSSL 3 needs -legacy)' },
  { value: 'NONE', label: 'None (in clear)' },
];
const MACS: readonly { readonly value: MacName; readonly label: string }[] = [
  { value: 'sha256', label: 'HMAC-SHA256' },
  { value: 'sha384', label: 'HMAC-SHA384' },
  { value: 'sha512', label: 'HMAC-SHA512' },
  { value: 'sha224', label: 'HMAC-SHA224' },
  { value: 'sha1', label: 'HMAC-SHA1' },
  { value: 'pbmac1-sha256', label: 'PBMAC1 HMAC-SHA256 (RFC 9579; OpenSSL 3.4+)' },
  { value: 'NONE', label: 'None (no integrity check)' },
];
const PRFS: readonly PrfName[] = ['sha256', 'sha384', 'sha512', 'sha1'];

/**
 * "Make a PKCS#12 that works": profile, friendly name, a new password typed twice, iterations,
 * and Download. The file is written in the engine's Worker from the certificate, its chain and
 * the key the Worker already holds; nothing leaves the browser.
 */
export function Pkcs12MakeView({ certificateName, certificateCount, keyDescription, defaultFriendlyName, write, onDownload }: Pkcs12MakeViewProps) {
  const id = useId();
  const [profile, setProfile] = useState<ProfileName>('modern');
  const [iterations, setIterations] = useState('600000');
  const [friendlyName, setFriendlyName] = useState(defaultFriendlyName);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [keyPbe, setKeyPbe] = useState<EncryptionName>('AES-256-CBC');
  const [certPbe, setCertPbe] = useState<EncryptionName>('AES-256-CBC');
  const [mac, setMac] = useState<MacName>('sha256');
  const [prf, setPrf] = useState<PrfName>('sha256');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  const count = Number(iterations);
  const iterationsOk = /^\d+$/u.test(iterations) && count >= 1 && count <= 10_000_000;
  const mismatch = again !== '' && password !== again;
  const ready = password !== '' && password === again && iterationsOk && !busy;

  const pickProfile = (p: ProfileName): void => {
    setProfile(p);
    setIterations(String(PROFILES.find((x) => x.value === p)?.iterations ?? 2048));
  };

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    setStatus('');
    const request: Pkcs12MakeRequest = {
      profile,
      iterations: count,
      friendlyName: friendlyName.trim() === '' ? null : friendlyName.trim(),
      password,
      ...(profile === 'custom' ? { custom: { keyPbe, certPbe, mac, prf } } : {}),
    };
    write(request).then(
      (r) => {
        (onDownload ?? downloadFile)({ fileName: r.fileName, mimeType: 'application/x-pkcs12', data: r.bytes });
        setStatus(`${r.fileName} saved: ${r.summary}. Open it here to see which importers take it.`);
        setPassword('');
        setAgain('');
        setBusy(false);
      },
      (err: unknown) => {
        setError(err instanceof Error ? err.message : String(err));
        setBusy(false);
      },
    );
  };

  const select = <T extends string>(key: string, label: string, value: T, options: readonly { readonly value: T; readonly label: string }[], onChange: (v: T) => void) => (
    <div className="flex min-w-0 flex-col gap-1 text-sm">
      <label htmlFor={`${id}-${key}`} className="font-medium">
        {label}
      </label>
      <select id={`${id}-${key}`} className="field w-full min-w-0" value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-4">
      <h3 id={`${id}-title`} className="section-title">
        Make a PKCS#12 <span className="sr-only">file for</span>
        <span className="ml-1 font-normal normal-case">
          <SafeLine value={certificateName} max={80} />
        </span>
      </h3>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {certificateCount === 1 ? 'This certificate' : `This certificate and its chain (${certificateCount} certificates, leaf → root)`} and the <SafeLine value={keyDescription} />, in a new
        .p12 / .pfx with a new password. The key stays in this tab&apos;s engine; nothing is uploaded. For PEM files (the certificate, fullchain.pem, the key after a
        confirmation) use the Export tab.
      </p>

      <form className="space-y-4" onSubmit={submit} noValidate>
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold">Profile</legend>
          {PROFILES.map((p) => (
            <label key={p.value} className="flex items-start gap-2 text-sm">
              <input type="radio" className="mt-1" name={`${id}-profile`} value={p.value} checked={profile === p.value} onChange={() => pickProfile(p.value)} />
              <span>
                <span className="font-medium">{p.label}</span> <span className="text-zinc-600 dark:text-zinc-400">— {p.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>

        {profile === 'custom' && (
          <div role="group" aria-label="Custom algorithms" className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            {select('cert', 'Certificate encryption', certPbe, ENCRYPTIONS, setCertPbe)}
            {select('key', 'Key encryption', keyPbe, ENCRYPTIONS, setKeyPbe)}
            {select(
              'prf',
              'PBKDF2 PRF (PBES2 only)',
              prf,
              PRFS.map((v) => ({ value: v, label: `HMAC-${v.toUpperCase()}` })),
              setPrf,
            )}
            {select('mac', 'Integrity (MAC)', mac, MACS, setMac)}
          </div>
        )}

        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <div className="flex flex-col gap-1 text-sm">
            <label htmlFor={`${id}-iter`} className="font-medium">
              Iterations
            </label>
            <input
              id={`${id}-iter`}
              className="field"
              inputMode="numeric"
              value={iterations}
              onChange={(e) => setIterations(e.target.value.replace(/[\s,]/gu, ''))}
              aria-invalid={!iterationsOk}
              aria-describedby={`${id}-iter-hint`}
            />
            <span id={`${id}-iter-hint`} className={`text-xs ${iterationsOk ? 'text-zinc-600 dark:text-zinc-400' : 'text-red-700 dark:text-red-300'}`}>
              {iterationsOk ? 'More is slower to guess, and slower to open (OpenSSL’s default is 2,048).' : 'A whole number from 1 to 10,000,000.'}
            </span>
          </div>
          <div className="flex flex-col gap-1 text-sm">
            <label htmlFor={`${id}-name`} className="font-medium">
              Friendly name
            </label>
            <input id={`${id}-name`} className="field" value={friendlyName} onChange={(e) => setFriendlyName(e.target.value)} aria-describedby={`${id}-name-hint`} autoComplete="off" />
            <span id={`${id}-name-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
              Java&apos;s alias, the label Windows and macOS show. Empty: none.
            </span>
          </div>
          <div className="flex flex-col gap-1 text-sm">
            <label htmlFor={`${id}-pw`} className="font-medium">
              New password
            </label>
            <input id={`${id}-pw`} className="field" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </div>
          <div className="flex flex-col gap-1 text-sm">
            <label htmlFor={`${id}-pw2`} className="font-medium">
              New password again
            </label>
            <input
              id={`${id}-pw2`}
              className="field"
              type="password"
              autoComplete="new-password"
              value={again}
              onChange={(e) => setAgain(e.target.value)}
              aria-invalid={mismatch}
              aria-describedby={`${id}-pw2-hint`}
            />
            <span id={`${id}-pw2-hint`} className={`text-xs ${mismatch ? 'text-red-700 dark:text-red-300' : 'text-zinc-600 dark:text-zinc-400'}`}>
              {mismatch ? 'The two passwords differ.' : 'Typed twice, as it cannot be shown again.'}
            </span>
          </div>
        </div>

        {error !== null && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            <SafeLine value={error} />
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="btn-primary" disabled={!ready}>
            {busy ? 'Writing…' : 'Download .p12'}
          </button>
          {busy && count >= 100_000 && <span className="text-xs text-zinc-600 dark:text-zinc-400">{count.toLocaleString('en-US')} iterations take a moment.</span>}
        </div>
        <p role="status" aria-live="polite" className="text-sm break-words">
          <SafeLine value={status} max={600} />
        </p>
      </form>
    </section>
  );
}

export default Pkcs12MakeView;
