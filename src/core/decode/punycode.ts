/**
 * Punycode decoding (RFC 3492 §6.2) for showing IDN A-labels ("xn--…") in Unicode.
 * Decode only: the engine never needs to produce A-labels.
 */

const BASE = 36;
const TMIN = 1;
const TMAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const MAX_CODE_POINT = 0x10ffff;
const ACE_PREFIX = 'xn--';

function adapt(delta: number, numPoints: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / numPoints);
  let k = 0;
  while (d > ((BASE - TMIN) * TMAX) >> 1) {
    d = Math.floor(d / (BASE - TMIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - TMIN + 1) * d) / (d + SKEW));
}

function digit(cp: number): number {
  if (cp >= 0x30 && cp <= 0x39) return cp - 22; // 0-9 → 26-35
  if (cp >= 0x41 && cp <= 0x5a) return cp - 0x41; // A-Z
  if (cp >= 0x61 && cp <= 0x7a) return cp - 0x61; // a-z
  return -1;
}

/** Decodes one Punycode string (without the "xn--" prefix); null when it is not valid Punycode. */
export function punycodeDecode(input: string): string | null {
  const output: number[] = [];
  const lastDelim = input.lastIndexOf('-');
  const basicEnd = lastDelim < 0 ? 0 : lastDelim;
  for (let j = 0; j < basicEnd; j++) {
    const c = input.charCodeAt(j);
    if (c >= 0x80) return null;
    output.push(c);
  }
  let n = INITIAL_N;
  let i = 0;
  let bias = INITIAL_BIAS;
  let pos = lastDelim < 0 ? 0 : lastDelim + 1;
  while (pos < input.length) {
    const oldi = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (pos >= input.length) return null;
      const d = digit(input.charCodeAt(pos++));
      if (d < 0) return null;
      i += d * w;
      if (i > MAX_CODE_POINT * 64) return null;
      const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
      if (d < t) break;
      w *= BASE - t;
      if (w > MAX_CODE_POINT * 64) return null;
    }
    const len = output.length + 1;
    bias = adapt(i - oldi, len, oldi === 0);
    n += Math.floor(i / len);
    i %= len;
    if (n > MAX_CODE_POINT || (n >= 0xd800 && n <= 0xdfff)) return null;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}

/**
 * Unicode form of a domain name whose labels include A-labels; undefined when no label is an
 * A-label or one does not decode (the A-label form is then the only honest display).
 */
export function domainToUnicode(domain: string): string | undefined {
  if (!domain.toLowerCase().includes(ACE_PREFIX)) return undefined;
  const labels = domain.split('.');
  const out: string[] = [];
  for (const label of labels) {
    const lower = label.toLowerCase();
    if (lower.startsWith(ACE_PREFIX)) {
      // DNS is case-insensitive: decode the lower-case form (upper-case basic code points would otherwise survive).
      const u = punycodeDecode(lower.slice(ACE_PREFIX.length));
      if (u === null || u === '') return undefined;
      out.push(u);
    } else out.push(label);
  }
  return out.join('.');
}
