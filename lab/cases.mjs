// Lab cases: the shared LabCase format, and conversion of x509-limbo test
// cases into it. Node built-ins only.
//
// interface LabCase {
//   id: string; role: 'server' | 'client'; leaf: string; intermediates: string[];
//   roots: string[]; crls: string[]; at: string;
//   host: { kind: 'DNS' | 'IP' | 'RFC822'; value: string } | null;
//   maxDepth?: number | null; key?: string;
//   skipReason?: string;   // set by loadLimboCases only: the lab cannot express this case
// }

import { existsSync, readFileSync } from 'node:fs';

export const DEFAULT_LIMBO_PATH = '/work/shared/corpus/x509-limbo/limbo-2023-12-02.json';

/** Validation time used when a limbo case gives none. */
export const DEFAULT_AT = '2024-01-01T00:00:00Z';

const ROLE = { SERVER: 'server', CLIENT: 'client' };
const ROLE_EKU = { server: 'serverAuth', client: 'clientAuth' };

/**
 * Read x509-limbo test cases in place and convert them to LabCases.
 *
 * Returns { cases, expected, source, missing }:
 * - cases: LabCase[] (ids prefixed "limbo::"); a case the lab's verifiers cannot
 *   express carries `skipReason` (it is still returned, so the skip is visible);
 * - expected: { [labId]: { result: 'SUCCESS' | 'FAILURE', features, importance,
 *   expectedPeerNames, keyUsage, extendedKeyUsage } }, kept apart from the cases
 *   so no runner can see the expected answer;
 * - missing: true (and no cases) when the file is absent; a warning is printed.
 */
export function loadLimboCases(path = DEFAULT_LIMBO_PATH, { quiet = false } = {}) {
  if (!existsSync(path)) {
    if (!quiet) console.warn(`x509-limbo corpus not found at ${path}: no limbo cases (skipped)`);
    return { cases: [], expected: {}, source: path, missing: true };
  }
  const doc = JSON.parse(readFileSync(path, 'utf8'));
  const testcases = Array.isArray(doc) ? doc : doc.testcases;
  if (!Array.isArray(testcases)) throw new Error(`${path}: no "testcases" array`);

  const cases = [];
  const expected = {};
  for (const t of testcases) {
    const id = `limbo::${t.id}`;
    const role = ROLE[t.validation_kind];
    const labCase = {
      id,
      role: role ?? 'server',
      leaf: t.peer_certificate,
      intermediates: t.untrusted_intermediates ?? [],
      roots: t.trusted_certs ?? [],
      crls: t.crls ?? [],
      at: t.validation_time ? new Date(t.validation_time).toISOString() : DEFAULT_AT,
      host: t.expected_peer_name ? { kind: t.expected_peer_name.kind, value: t.expected_peer_name.value } : null,
      maxDepth: t.max_chain_depth ?? null,
    };
    const skip = skipReasonFor(t, role);
    if (skip) labCase.skipReason = skip;
    cases.push(labCase);
    expected[id] = {
      result: t.expected_result,
      features: t.features ?? [],
      importance: t.importance ?? null,
      expectedPeerNames: t.expected_peer_names ?? [],
      keyUsage: t.key_usage ?? null,
      extendedKeyUsage: t.extended_key_usage ?? null,
    };
  }
  return { cases, expected, source: path, missing: false };
}

function skipReasonFor(t, role) {
  if (!role) return `validation_kind ${t.validation_kind} is neither SERVER nor CLIENT`;
  const eku = t.extended_key_usage;
  // null/empty: the verifier's default for the role, which is what the runners use.
  if (Array.isArray(eku) && eku.length > 0) {
    const other = eku.filter((e) => e !== ROLE_EKU[role]);
    if (other.length > 0) {
      return `requires extended key usage ${eku.join(', ')}: the runners only check ${ROLE_EKU[role]} for the ${role} role`;
    }
  }
  const sigs = t.signature_algorithms;
  if (Array.isArray(sigs) && sigs.length > 0) {
    return `constrains signature algorithms to ${sigs.join(', ')}: no runner takes such a list`;
  }
  return undefined;
}

/** Read a JSON array of LabCases from a file. */
export function loadCaseFile(path) {
  const data = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`${path}: expected a JSON array of LabCase`);
  return data;
}

/** Read a JSON array of LabCases from a file path, or from stdin when path is absent or "-". */
export async function readCases(path) {
  let text;
  if (path && path !== '-') text = readFileSync(path, 'utf8');
  else {
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    text = Buffer.concat(chunks).toString('utf8');
  }
  const data = JSON.parse(text);
  if (!Array.isArray(data)) throw new Error('expected a JSON array of LabCase');
  return data;
}

/** Write LabResults as a JSON array, one result per line. */
export function writeResults(stream, results) {
  const lines = results.map((r, i) => JSON.stringify(r) + (i < results.length - 1 ? ',' : ''));
  stream.write(`[\n${lines.join('\n')}${lines.length ? '\n' : ''}]\n`);
}

/** Why a value is not a usable LabCase (a string), or null when it is one. */
export function validateCase(c) {
  if (!c || typeof c !== 'object') return 'not an object';
  if (typeof c.id !== 'string' || !c.id) return 'id must be a non-empty string';
  if (c.role !== 'server' && c.role !== 'client') return `role must be "server" or "client", not ${JSON.stringify(c.role)}`;
  if (typeof c.leaf !== 'string') return 'leaf must be a PEM string';
  for (const k of ['intermediates', 'roots', 'crls']) {
    if (!Array.isArray(c[k]) || c[k].some((p) => typeof p !== 'string')) return `${k} must be an array of PEM strings`;
  }
  if (typeof c.at !== 'string' || Number.isNaN(Date.parse(c.at))) return 'at must be an ISO-8601 time';
  if (c.host !== null && c.host !== undefined) {
    if (typeof c.host !== 'object' || !['DNS', 'IP', 'RFC822'].includes(c.host.kind) || typeof c.host.value !== 'string') {
      return 'host must be null or { kind: DNS|IP|RFC822, value: string }';
    }
  }
  if (c.maxDepth !== undefined && c.maxDepth !== null && !(Number.isInteger(c.maxDepth) && c.maxDepth >= 0)) {
    return 'maxDepth must be a non-negative integer or null';
  }
  return null;
}
