/**
 * PKCS#12 doctor, first half: which importers take an opened file, from its actual parameters.
 *
 * The file's parameters (each safe's and shrouded key's cipher, PBKDF2 PRF and iterations, the
 * MAC, the structure: plain key bags, chain order, local key ids, friendly names, the password
 * kind) are matched against the claims of compat-data.ts. For each importer the first claim that
 * names it and matches a parameter decides that parameter; refusals win over "unknown", which wins
 * over "needs an option", which wins over "accepts". A cipher, PRF or MAC no claim speaks about
 * makes the answer "unknown".
 */
import type {
  CertificateModel,
  DecodedInput,
  KeyEncryptionModel,
  Pkcs12BagModel,
  Pkcs12CompatAnswerKind,
  Pkcs12CompatReason,
  Pkcs12Compatibility,
  Pkcs12ImporterAnswer,
  Pkcs12Model,
  PrivateKeyModel,
} from '../model';
import { IMPORTERS, RULES, SOURCES, type Condition, type ImporterId, type ImporterInfo, type Rule, type StructureFlag } from './compat-data';

/** Java's trusted-certificate attribute (keytool -importcert into a PKCS12 store). */
const JAVA_TRUSTED = '2.16.840.1.113894.746875.1.1';

type ParamKind = Condition['feature'];

/** One parameter of the file, with every place it occurs. */
export interface Pkcs12Parameter {
  readonly kind: ParamKind;
  readonly value: string | number;
  readonly label: string;
  readonly where: string[];
}

const STRUCTURE_LABEL: Readonly<Record<StructureFlag, string>> = {
  'plain-key-bag': 'a private key in a plain (unencrypted) keyBag',
  'no-key': 'certificates only, no private key',
  'no-certificate': 'a private key without any certificate',
  'multiple-keys': 'more than one private key',
  'key-without-local-key-id': 'a key bag without localKeyId',
  'no-friendly-name': 'no friendlyName on the key or its certificate',
  'leaf-not-first': 'the first certificate is not the key’s certificate',
  'safes-not-two': 'not exactly two safes',
  'other-bags': 'CRL, secret, nested or unknown bags',
  'untrusted-certificates-without-key': 'certificates that belong to no shrouded key and are not marked trusted for Java',
  'enveloped-safe': 'a public-key-encrypted (envelopedData) safe',
};

const n = (x: number): string => x.toLocaleString('en-US');

interface Located<T> {
  readonly item: T;
  readonly where: string;
}

function flattenBags(model: Pkcs12Model): Located<Pkcs12BagModel>[] {
  const out: Located<Pkcs12BagModel>[] = [];
  model.safes.forEach((safe, i) => safe.bags.forEach((bag, j) => out.push({ item: bag, where: `safe ${i + 1}, bag ${j + 1}` })));
  return out;
}

/** The parameters of an opened PKCS#12 that decide what importers do with it. */
export function pkcs12Parameters(input: Pick<DecodedInput, 'pkcs12' | 'certificates' | 'privateKeys'>): Pkcs12Parameter[] {
  const model = input.pkcs12;
  if (!model) return [];
  const params = new Map<string, Pkcs12Parameter>();
  const add = (kind: ParamKind, value: string | number, label: string, where: string): void => {
    const key = `${kind}\u0000${value}`;
    const p = params.get(key);
    if (p) {
      if (!p.where.includes(where)) p.where.push(where);
    } else params.set(key, { kind, value, label, where: [where] });
  };
  let totalIterations = 0;
  const encryption = (e: KeyEncryptionModel, where: string): void => {
    add('cipher', `${e.scheme} ${e.cipher}`, `${e.cipher} (${e.scheme})`, where);
    if (e.scheme === 'PBES2') {
      const prf = e.kdf.replace(/^PBKDF2-/, '');
      add('prf', prf, `PBKDF2 PRF ${prf}`, where);
    }
    if (e.iterations !== null) {
      add('kdf-iterations', e.iterations, `${n(e.iterations)} key-derivation iterations`, where);
      totalIterations += e.iterations;
    }
  };

  model.safes.forEach((safe, i) => {
    const where = `safe ${i + 1}`;
    if (safe.contentType === 'encryptedData') {
      if (safe.encryption) encryption(safe.encryption, where);
      else add('cipher', 'unreadable', 'an encryption this engine could not read', where);
    } else if (safe.contentType === 'envelopedData') {
      add('cipher', 'envelopedData', 'public-key encryption (envelopedData)', where);
      add('structure', 'enveloped-safe', STRUCTURE_LABEL['enveloped-safe'], where);
    }
  });
  const bags = flattenBags(model);
  for (const { item: bag, where } of bags) if (bag.type === 'shroudedKey' && bag.encryption) encryption(bag.encryption, where);
  if (totalIterations > 0) add('total-kdf-iterations', totalIterations, `${n(totalIterations)} key-derivation iterations in total`, 'file');

  const mac = model.mac;
  if (!mac) add('mac', 'none', 'no MAC', 'file');
  else {
    const value = mac.type === 'PBMAC1' ? 'PBMAC1' : mac.hash;
    add('mac', value, mac.type === 'PBMAC1' ? `PBMAC1 MAC (HMAC-${mac.hash}${mac.kdf ? `, ${mac.kdf}` : ''})` : `HMAC-${mac.hash} MAC`, 'MAC');
    add('mac-iterations', mac.iterations, `${n(mac.iterations)} MAC iterations`, 'MAC');
  }
  if (model.passwordUsed === 'empty') add('password', 'empty', 'the empty password', 'file');
  if (model.passwordUsed === 'none') add('password', 'none', 'no password at all', 'file');

  for (const [flag, where] of structureFlags(model, bags, input.certificates, input.privateKeys)) add('structure', flag, STRUCTURE_LABEL[flag], where);
  return [...params.values()];
}

/** Structure facts, each with where it was seen. */
function structureFlags(model: Pkcs12Model, bags: Located<Pkcs12BagModel>[], certificates: readonly CertificateModel[], privateKeys: readonly PrivateKeyModel[]): [StructureFlag, string][] {
  const out: [StructureFlag, string][] = [];
  const keyBags = bags.filter((b) => b.item.type === 'key' || b.item.type === 'shroudedKey');
  const certBags = bags.filter((b) => b.item.type === 'certificate');
  const certOf = (b: Pkcs12BagModel): CertificateModel | undefined => certificates.find((c) => c.sha256Hex === b.certificateSha256Hex);
  const keyOf = (b: Pkcs12BagModel): PrivateKeyModel | undefined => privateKeys.find((k) => k.sha256Hex === b.privateKeySha256Hex);

  /** The certificate bag of a key: by public key when both are known, else by localKeyId. */
  const leafBagOf = (key: Pkcs12BagModel): Located<Pkcs12BagModel> | undefined => {
    const spki = keyOf(key)?.publicSpkiSha256Hex ?? null;
    if (spki) {
      const bySpki = certBags.find((c) => certOf(c.item)?.publicKey.spkiSha256Hex === spki);
      if (bySpki) return bySpki;
    }
    return key.localKeyIdHex ? certBags.find((c) => c.item.localKeyIdHex === key.localKeyIdHex) : undefined;
  };

  for (const b of bags) if (b.item.type === 'key') out.push(['plain-key-bag', b.where]);
  if (keyBags.length === 0 && certBags.length > 0) out.push(['no-key', 'file']);
  if (certBags.length === 0 && keyBags.length > 0) out.push(['no-certificate', 'file']);
  const distinctKeys = new Set(keyBags.map((b) => b.item.privateKeySha256Hex ?? b.where));
  if (distinctKeys.size > 1) out.push(['multiple-keys', 'file']);
  for (const k of keyBags) if (!k.item.localKeyIdHex) out.push(['key-without-local-key-id', k.where]);
  for (const k of keyBags) {
    const leaf = leafBagOf(k.item);
    if (!k.item.friendlyName && !leaf?.item.friendlyName) out.push(['no-friendly-name', k.where]);
  }
  const first = certBags[0];
  if (keyBags.length === 1 && first && keyBags[0]) {
    const leaf = leafBagOf(keyBags[0].item);
    if (leaf && leaf !== first) out.push(['leaf-not-first', first.where]);
  }
  if (model.safes.length !== 2) out.push(['safes-not-two', 'file']);
  for (const b of bags) if (b.item.type === 'crl' || b.item.type === 'secret' || b.item.type === 'safeContents' || b.item.type === 'unknown') out.push(['other-bags', b.where]);

  // Certificates Java lists: the chains of shrouded keys' certificates and those marked trusted.
  const onChain = new Set<string>();
  for (const k of keyBags) {
    if (k.item.type !== 'shroudedKey') continue;
    let cert = (() => {
      const leaf = leafBagOf(k.item);
      return leaf ? certOf(leaf.item) : undefined;
    })();
    while (cert && !onChain.has(cert.sha256Hex)) {
      onChain.add(cert.sha256Hex);
      const issuer: string = cert.issuer.rfc4514;
      if (issuer === cert.subject.rfc4514) break;
      cert = certificates.find((c) => c.subject.rfc4514 === issuer && !onChain.has(c.sha256Hex));
    }
  }
  for (const c of certBags) {
    const trusted = c.item.otherAttributes.some((a) => a.oid === JAVA_TRUSTED);
    if (!trusted && !(c.item.certificateSha256Hex && onChain.has(c.item.certificateSha256Hex))) out.push(['untrusted-certificates-without-key', c.where]);
  }
  return out;
}

function matches(c: Condition, p: Pkcs12Parameter): boolean {
  if (c.feature !== p.kind) return false;
  switch (c.feature) {
    case 'cipher':
    case 'prf':
    case 'mac':
      return c.in === '*' ? p.value !== 'unreadable' && p.value !== 'envelopedData' : c.in.includes(String(p.value));
    case 'kdf-iterations':
    case 'mac-iterations':
    case 'total-kdf-iterations':
      return typeof p.value === 'number' && p.value > c.above;
    case 'structure':
    case 'password':
      return c.is === p.value;
  }
}

/** Parameters that must be spoken about: without a claim, the answer is unknown. */
const MUST_BE_KNOWN: ReadonlySet<ParamKind> = new Set(['cipher', 'prf', 'mac']);

function reasonOf(p: Pkcs12Parameter, rule: Rule | null): Pkcs12CompatReason {
  if (!rule) {
    return {
      parameter: p.label,
      where: p.where,
      effect: 'unknown',
      says: p.value === 'unreadable' ? 'could not be read here, so nothing can be said about it' : 'no source found says whether it is read',
      claim: null,
      confidence: null,
      sources: [],
    };
  }
  return { parameter: p.label, where: p.where, effect: rule.effect, says: rule.says, claim: rule.id, confidence: rule.confidence, sources: rule.sources };
}

const RANK: Readonly<Record<Pkcs12CompatAnswerKind, number>> = { refuses: 3, unknown: 2, 'needs-option': 1, accepts: 0 };

const sentence = (r: Pkcs12CompatReason): string => `${r.parameter} (${r.where.join('; ')}): ${r.says}`;

function answerFor(info: ImporterInfo, params: readonly Pkcs12Parameter[], counts: { shrouded: number; trusted: number }): Pkcs12ImporterAnswer {
  const decided: Pkcs12CompatReason[] = [];
  const notes: Pkcs12CompatReason[] = [];
  const options = new Set<string>();
  for (const p of params) {
    const rule = RULES.find((r) => r.importers.includes(info.id) && matches(r.when, p)) ?? null;
    if (!rule) {
      if (MUST_BE_KNOWN.has(p.kind)) decided.push(reasonOf(p, null));
      continue;
    }
    const reason = reasonOf(p, rule);
    if (rule.effect === 'note') notes.push(reason);
    else {
      decided.push(reason);
      if (rule.effect === 'needs-option' && rule.option) options.add(rule.option);
    }
  }
  let answer: Pkcs12CompatAnswerKind = 'accepts';
  for (const r of decided) if (r.effect !== 'note' && RANK[r.effect] > RANK[answer]) answer = r.effect;
  const deciding = answer === 'accepts' ? decided : decided.filter((r) => r.effect === answer);
  const option = answer === 'needs-option' ? [...options].join(', ') : null;
  const reason =
    answer === 'accepts'
      ? deciding.length
        ? `Reads ${deciding.map((r) => r.parameter).join(', ')}.`
        : 'Nothing in the file is known to stop it.'
      : `${deciding.map(sentence).join('; ')}.`;
  return finish(info, answer, option, reason, deciding, notes, info.id === 'java' || info.id === 'java-legacy' ? { privateKeys: counts.shrouded, trustedCertificates: counts.trusted } : undefined);
}

function finish(
  info: ImporterInfo,
  answer: Pkcs12CompatAnswerKind,
  option: string | null,
  reason: string,
  decidedBy: readonly Pkcs12CompatReason[],
  notes: readonly Pkcs12CompatReason[],
  javaEntries?: Pkcs12ImporterAnswer['javaEntries'],
): Pkcs12ImporterAnswer {
  const ids = [...new Set([...decidedBy, ...notes].flatMap((r) => r.sources))];
  const sources = ids.flatMap((id) => {
    const s = SOURCES[id];
    return s ? [{ id, title: s.title, url: s.url }] : [];
  });
  return {
    importer: info.id,
    name: info.name,
    via: info.via,
    ...(info.checkedHere ? { checkedHere: info.checkedHere } : {}),
    answer,
    option,
    reason,
    decidedBy,
    notes,
    sources,
    ...(javaEntries ? { javaEntries } : {}),
  };
}

/** .NET Framework hands the file to the Windows importer of the machine it runs on. */
function dotnetFramework(info: ImporterInfo, older: Pkcs12ImporterAnswer, current: Pkcs12ImporterAnswer): Pkcs12ImporterAnswer {
  const notes = [...current.notes];
  if (older.answer === current.answer && older.option === current.option) {
    return finish(info, current.answer, current.option, `As the Windows importer on every Windows version: ${current.reason}`, current.decidedBy, notes);
  }
  const word = (a: Pkcs12ImporterAnswer): string => (a.answer === 'needs-option' ? `needs ${a.option ?? 'an option'}` : a.answer);
  return finish(
    info,
    'unknown',
    null,
    `Depends on the Windows version it runs on: ${older.name} ${word(older)}, ${current.name} ${word(current)}.`,
    [...older.decidedBy.filter((r) => r.effect === older.answer), ...current.decidedBy.filter((r) => r.effect === current.answer)],
    notes,
  );
}

/** Which importers take this PKCS#12, and why; null for an input that is not a PKCS#12. */
export function pkcs12Compatibility(input: Pick<DecodedInput, 'pkcs12' | 'certificates' | 'privateKeys'>): Pkcs12Compatibility | null {
  const model = input.pkcs12;
  if (!model) return null;
  const params = pkcs12Parameters(input);
  const bags = flattenBags(model).map((b) => b.item);
  const counts = {
    shrouded: bags.filter((b) => b.type === 'shroudedKey').length,
    trusted: bags.filter((b) => b.type === 'certificate' && b.otherAttributes.some((a) => a.oid === JAVA_TRUSTED)).length,
  };
  const byId = new Map<ImporterId, Pkcs12ImporterAnswer>();
  for (const info of IMPORTERS) if (info.id !== 'dotnet-framework') byId.set(info.id, answerFor(info, params, counts));
  const answers = IMPORTERS.map((info) => {
    if (info.id !== 'dotnet-framework') return byId.get(info.id) as Pkcs12ImporterAnswer;
    return dotnetFramework(info, byId.get('windows-legacy') as Pkcs12ImporterAnswer, byId.get('windows') as Pkcs12ImporterAnswer);
  });
  const parameters = params
    .filter((p) => p.kind !== 'total-kdf-iterations')
    .map((p) => `${p.where.join('; ')}: ${p.label}`);
  return { parameters, answers };
}
