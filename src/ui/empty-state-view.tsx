export function EmptyStateView({ decoding }: { readonly decoding: boolean }) {
  return (
    <section aria-label="Overview" className="panel space-y-2 p-4 text-sm text-zinc-700 dark:text-zinc-300">
      {decoding ? (
        <p role="status">Decoding…</p>
      ) : (
        <>
          <p className="font-medium text-zinc-900 dark:text-zinc-100">Nothing loaded yet.</p>
          <p>
            Drop files or folders anywhere on this page, choose files, or paste PEM, base64 or hex text. Certificates, chains, PKCS#12 (.p12/.pfx), PKCS#7, CSRs,
            CRLs and keys are decoded here, in a background worker of this page: no file and no password ever leaves your browser.
          </p>
          <p>
            For each certificate you get a verdict for the TLS server and TLS client roles, the reasons, and the exact error message each failure produces in
            OpenSSL/nginx, Chrome, Go and Java.
          </p>
        </>
      )}
    </section>
  );
}
