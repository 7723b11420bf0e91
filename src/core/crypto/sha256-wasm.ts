/**
 * SHA-256 applied `count` times to a 32-byte digest (the PKCS#12 KDF's inner loop, see
 * hash-iterate.ts) as a small WebAssembly function, about twice as fast as the JavaScript loop:
 * WebAssembly has a rotate instruction and no number checks, and at 600,000 iterations this loop
 * is most of the time it takes to open or write a modern PKCS#12.
 *
 * The module is not a shipped binary: `sha256IterateModule` emits its bytes here, fully unrolled
 * (64 rounds with the working variables renamed each round instead of moved, 48 message-schedule
 * steps), from the FIPS 180-4 definitions. Where WebAssembly cannot be compiled (a Content-Security-
 * Policy without 'wasm-unsafe-eval' on the worker, or no WebAssembly at all) `iterateSha256Wasm`
 * returns null and the caller keeps its JavaScript loop. Checked against it and @noble/hashes.
 */

const IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

/** The first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
function roundConstants(): number[] {
  const k: number[] = [];
  for (let p = 2; k.length < 64; p++) {
    let prime = true;
    for (let d = 2; d * d <= p; d++) if (p % d === 0) prime = false;
    if (!prime) continue;
    const c = Math.cbrt(p);
    k.push(Math.floor((c - Math.floor(c)) * 2 ** 32) >>> 0);
  }
  return k;
}

const OP = {
  block: 0x02,
  loop: 0x03,
  br: 0x0c,
  brIf: 0x0d,
  end: 0x0b,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  load: 0x28,
  store: 0x36,
  const: 0x41,
  eqz: 0x45,
  add: 0x6a,
  sub: 0x6b,
  and: 0x71,
  or: 0x72,
  xor: 0x73,
  shrU: 0x76,
  rotr: 0x78,
  void: 0x40,
  i32: 0x7f,
} as const;

function uleb(n: number): number[] {
  const out: number[] = [];
  let v = n >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  let v = n | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

/**
 * The module: memory "m" (one page; the 8 message words at bytes 0..31, little-endian i32) and
 * "run(count)", which replaces them with SHA-256 applied `count` times to their big-endian bytes.
 */
export function sha256IterateModule(): Uint8Array {
  const K = roundConstants();
  // Locals: 0 count; 1..8 message words m; 9..16 working variables; 17, 18 temporaries; 19..82 W.
  const M = (j: number): number => 1 + j;
  const T1 = 17;
  const T2 = 18;
  const W = (i: number): number => 19 + i;
  const code: number[] = [];
  const get = (l: number): void => void code.push(OP.localGet, ...uleb(l));
  const set = (l: number): void => void code.push(OP.localSet, ...uleb(l));
  const i32 = (n: number): void => void code.push(OP.const, ...sleb(n | 0));
  const op = (...ops: number[]): void => void code.push(...ops);
  const rotr = (l: number, s: number): void => {
    get(l);
    i32(s);
    op(OP.rotr);
  };

  // m = the input words.
  for (let j = 0; j < 8; j++) {
    i32(0);
    code.push(OP.load, 2, ...uleb(4 * j));
    set(M(j));
  }
  // The padding words of a 32-byte message never change.
  i32(0x80000000);
  set(W(8));
  for (let i = 9; i < 15; i++) {
    i32(0);
    set(W(i));
  }
  i32(256);
  set(W(15));

  op(OP.block, OP.void, OP.loop, OP.void);
  get(0);
  op(OP.eqz, OP.brIf, 1);
  for (let j = 0; j < 8; j++) {
    get(M(j));
    set(W(j));
  }
  for (let i = 16; i < 64; i++) {
    // σ1(W[i-2]) + W[i-7] + σ0(W[i-15]) + W[i-16]
    rotr(W(i - 2), 17);
    rotr(W(i - 2), 19);
    op(OP.xor);
    get(W(i - 2));
    i32(10);
    op(OP.shrU, OP.xor);
    get(W(i - 7));
    op(OP.add);
    rotr(W(i - 15), 7);
    rotr(W(i - 15), 18);
    op(OP.xor);
    get(W(i - 15));
    i32(3);
    op(OP.shrU, OP.xor, OP.add);
    get(W(i - 16));
    op(OP.add);
    set(W(i));
  }
  // Working variables a..h live in locals v[0..7]; each round renames instead of moving.
  let v = [9, 10, 11, 12, 13, 14, 15, 16];
  for (let j = 0; j < 8; j++) {
    i32(IV[j] ?? 0);
    set(v[j] ?? 0);
  }
  for (let i = 0; i < 64; i++) {
    const [a, b, c, d, e, f, g, h] = v as [number, number, number, number, number, number, number, number];
    // T1 = h + Σ1(e) + Ch(e, f, g) + K[i] + W[i];  Ch = g ^ (e & (f ^ g))
    get(h);
    rotr(e, 6);
    rotr(e, 11);
    op(OP.xor);
    rotr(e, 25);
    op(OP.xor, OP.add);
    get(g);
    get(e);
    get(f);
    get(g);
    op(OP.xor, OP.and, OP.xor, OP.add);
    i32(K[i] ?? 0);
    op(OP.add);
    get(W(i));
    op(OP.add);
    set(T1);
    // T2 = Σ0(a) + Maj(a, b, c);  Maj = (a & b) | (c & (a | b))
    rotr(a, 2);
    rotr(a, 13);
    op(OP.xor);
    rotr(a, 22);
    op(OP.xor);
    get(a);
    get(b);
    op(OP.and);
    get(c);
    get(a);
    get(b);
    op(OP.or, OP.and, OP.or, OP.add);
    set(T2);
    // d += T1 (the new e); h = T1 + T2 (the new a).
    get(d);
    get(T1);
    op(OP.add);
    set(d);
    get(T1);
    get(T2);
    op(OP.add);
    set(h);
    v = [h, a, b, c, d, e, f, g];
  }
  // After 64 rounds (a multiple of 8) the names are back in place: m = IV + a..h.
  for (let j = 0; j < 8; j++) {
    i32(IV[j] ?? 0);
    get(v[j] ?? 0);
    op(OP.add);
    set(M(j));
  }
  get(0);
  i32(1);
  op(OP.sub);
  set(0);
  op(OP.br, 0, OP.end, OP.end);
  for (let j = 0; j < 8; j++) {
    i32(0);
    get(M(j));
    code.push(OP.store, 2, ...uleb(4 * j));
  }
  op(OP.end);

  const body = [...vec([[...uleb(82), OP.i32]]), ...code];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([[0x60, ...vec([[OP.i32]]), ...vec([])]])),
    ...section(3, vec([[0]])),
    ...section(5, vec([[0x00, 1]])),
    ...section(7, vec([[...name('run'), 0x00, 0], [...name('m'), 0x02, 0]])),
    ...section(10, vec([[...uleb(body.length), ...body]])),
  ]);
}

interface Compiled {
  readonly run: (count: number) => void;
  readonly memory: WebAssembly.Memory;
}

/** Test hook: `false` turns the WebAssembly path off (the JavaScript loop is used). */
export const sha256WasmOptions = { enabled: true };

let compiled: Compiled | null | undefined;

function instance(): Compiled | null {
  if (compiled !== undefined) return compiled;
  try {
    const exports = new WebAssembly.Instance(new WebAssembly.Module(sha256IterateModule() as Uint8Array<ArrayBuffer>)).exports as { run: (count: number) => void; m: WebAssembly.Memory };
    compiled = { run: exports.run, memory: exports.m };
  } catch {
    compiled = null; // no WebAssembly here, or a CSP without 'wasm-unsafe-eval'
  }
  return compiled;
}

/** SHA-256 applied `count` times to a 32-byte input; null when WebAssembly is not available. */
export function iterateSha256Wasm(input: Uint8Array, count: number): Uint8Array | null {
  if (!sha256WasmOptions.enabled || input.length !== 32 || !Number.isInteger(count) || count < 0 || count > 0x7fffffff) return null;
  const wasm = instance();
  if (!wasm) return null;
  const view = new DataView(wasm.memory.buffer, 0, 32);
  const source = new DataView(input.buffer, input.byteOffset, 32);
  for (let j = 0; j < 8; j++) view.setUint32(4 * j, source.getUint32(4 * j, false), true);
  wasm.run(count);
  const out = new Uint8Array(32);
  const target = new DataView(out.buffer);
  for (let j = 0; j < 8; j++) target.setUint32(4 * j, view.getUint32(4 * j, true), false);
  // The memory held a digest that may be a key's ancestor: leave nothing behind.
  new Uint8Array(wasm.memory.buffer, 0, 32).fill(0);
  return out;
}
