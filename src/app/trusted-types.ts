/**
 * Trusted Types (the CSP carries `require-trusted-types-for 'script'`): no string can reach an
 * HTML or script sink. React renders certificate fields as text and never needs one; the only
 * sinks the app uses are script URLs (the engine's Worker, the service worker), which the
 * `default` policy lets through for this origin alone. There is no createHTML or createScript,
 * so `innerHTML = …` with any string, from any code, throws.
 */
interface TrustedTypePolicyFactoryLike {
  createPolicy(name: string, rules: { createScriptURL?: (input: string) => string }): unknown;
}

/** The script URL rule, exported for its table test: same origin only. */
export function allowScriptUrl(input: string, base: string): string {
  const url = new URL(input, base);
  const origin = new URL(base).origin;
  // A blob: URL made by this page carries the page's origin.
  const own = url.protocol === 'blob:' ? new URL(url.pathname).origin : url.origin;
  if (own !== origin) throw new TypeError(`Trusted Types: script URL ${url.href} is not from ${origin}`);
  return url.href;
}

export function installTrustedTypes(): void {
  const factory = (globalThis as { trustedTypes?: TrustedTypePolicyFactoryLike }).trustedTypes;
  if (!factory) return;
  factory.createPolicy('default', { createScriptURL: (input) => allowScriptUrl(input, document.baseURI) });
}
