/**
 * Field (lĩnh vực) and competent-level suggestions.
 *
 * A new council starts with keyword rules (fields.ts). Once it has confirmed classifications, a
 * multinomial naive Bayes model over folded word uni- and bigrams (binary counts per document,
 * Laplace smoothing) learns its own usage; the model is plain JSON and can be updated
 * incrementally. How the two are combined is explained at suggestField.
 */
import { fold, hasDiacritics, matchKey } from './normalize.ts';
import { contentWords, DEFAULT_STOPWORDS, ngramFeatures, preprocess, type TokenOptions } from './tokens.ts';
import {
  DEFAULT_FIELDS,
  DEFAULT_LEVEL_RULES,
  LEVEL_NAMES,
  type CompetentLevel,
  type FieldDefinition,
  type LevelRule,
} from './fields.ts';

// ------------------------------------------------------------------ keyword rules

interface CompiledPhrase {
  phrase: string;
  weight: number;
  owner: number;
  /** The keyword as written in the taxonomy. */
  keyword: string;
}

interface CompiledPhrases {
  accented: CompiledPhrase[];
  folded: CompiledPhrase[];
}

const phraseCache = new WeakMap<object, CompiledPhrases>();

function compilePhrases(lists: ReadonlyArray<readonly string[]>, cacheKey: object): CompiledPhrases {
  const hit = phraseCache.get(cacheKey);
  if (hit) return hit;
  const accented: CompiledPhrases['accented'] = [];
  const folded: CompiledPhrases['folded'] = [];
  lists.forEach((list, owner) => {
    for (const k of list) {
      const m = matchKey(k);
      const words = m.split(' ').length;
      const weight = Math.pow(words, 1.5);
      accented.push({ phrase: ` ${m} `, weight, owner, keyword: k });
      folded.push({ phrase: ` ${fold(k)} `, weight, owner, keyword: k });
    }
  });
  const c = { accented, folded };
  phraseCache.set(cacheKey, c);
  return c;
}

/** ' word word … ' forms of a text (after legacy repair and abbreviation expansion). */
function phraseText(text: string, options: TokenOptions): { padded: string; accented: boolean } {
  const pre = preprocess(text, options);
  const key = matchKey(pre);
  const accented = hasDiacritics(key);
  const words = (accented ? key : fold(key)).match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  return { padded: ` ${words.join(' ')} `, accented };
}

function matchedPhrases(padded: string, accented: boolean, phrases: CompiledPhrases): CompiledPhrase[] {
  return (accented ? phrases.accented : phrases.folded).filter((p) => padded.includes(p.phrase));
}

function matchedKeywords(text: string, taxonomy: readonly FieldDefinition[], options: TokenOptions): CompiledPhrase[] {
  const { padded, accented } = phraseText(text, options);
  return matchedPhrases(padded, accented, compilePhrases(taxonomy.map((f) => f.keywords), taxonomy));
}

/** Keyword score per field code (0 when no keyword matched). */
export function keywordScores(
  text: string,
  taxonomy: readonly FieldDefinition[] = DEFAULT_FIELDS,
  options: TokenOptions = {},
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of taxonomy) out[f.code] = 0;
  for (const p of matchedKeywords(text, taxonomy, options)) out[taxonomy[p.owner]!.code]! += p.weight;
  return out;
}

// ------------------------------------------------------------------ naive Bayes

export interface NaiveBayesModel {
  type: 'multinomial-naive-bayes';
  version: 1;
  labels: string[];
  /** Training documents per label. */
  docCounts: number[];
  /** Sum of feature counts per label. */
  tokenTotals: number[];
  /** Feature → count per label (same order as `labels`). */
  counts: Record<string, number[]>;
  /** Laplace smoothing. */
  alpha: number;
}

export interface LabelledText {
  text: string;
  label: string;
}

export function emptyModel(alpha = 0.5): NaiveBayesModel {
  return { type: 'multinomial-naive-bayes', version: 1, labels: [], docCounts: [], tokenTotals: [], counts: {}, alpha };
}

function features(text: string, options: TokenOptions): string[] {
  const pre = preprocess(text, options);
  return [...new Set(ngramFeatures(contentWords(pre, options.stopwords ?? DEFAULT_STOPWORDS)))];
}

/**
 * Trains (or, with `base`, continues training) a naive Bayes model. The base model is not
 * modified; a new one is returned.
 */
export function trainNaiveBayes(
  examples: readonly LabelledText[],
  options: TokenOptions & { alpha?: number; base?: NaiveBayesModel } = {},
): NaiveBayesModel {
  const base = options.base ?? emptyModel(options.alpha);
  const m: NaiveBayesModel = {
    type: 'multinomial-naive-bayes',
    version: 1,
    labels: [...base.labels],
    docCounts: [...base.docCounts],
    tokenTotals: [...base.tokenTotals],
    counts: Object.fromEntries(Object.entries(base.counts).map(([k, v]) => [k, [...v]])),
    alpha: options.alpha ?? base.alpha,
  };
  for (const ex of examples) {
    let li = m.labels.indexOf(ex.label);
    if (li < 0) {
      li = m.labels.length;
      m.labels.push(ex.label);
      m.docCounts.push(0);
      m.tokenTotals.push(0);
      for (const v of Object.values(m.counts)) v.push(0);
    }
    m.docCounts[li]!++;
    for (const f of features(ex.text, options)) {
      let row = m.counts[f];
      if (!row) m.counts[f] = row = new Array<number>(m.labels.length).fill(0);
      row[li]!++;
      m.tokenTotals[li]!++;
    }
  }
  return m;
}

export interface Prediction {
  label: string | null;
  confidence: number;
  /** Posterior per label. */
  probabilities: Record<string, number>;
}

/**
 * Unnormalised log posterior per label (the model's labels, then `extraLabels` labels with no
 * training document yet, which get the uninformed Laplace prior and likelihood), and how many of
 * the text's features the model knows. Features never seen in training are skipped (the usual
 * approximation), so an unfamiliar name or place is evidence neither for nor against a field.
 */
function logPosterior(
  model: NaiveBayesModel,
  text: string,
  options: TokenOptions,
  extraLabels = 0,
): { logp: number[]; known: number } {
  const docCounts = [...model.docCounts, ...new Array<number>(extraLabels).fill(0)];
  const tokenTotals = [...model.tokenTotals, ...new Array<number>(extraLabels).fill(0)];
  const k = docCounts.length;
  const totalDocs = docCounts.reduce((a, b) => a + b, 0);
  const vocab = Object.keys(model.counts).length + 1;
  const logp = docCounts.map((c) => Math.log((c + 1) / (totalDocs + k)));
  let known = 0;
  for (const f of features(text, options)) {
    const row = model.counts[f];
    if (!row) continue;
    known++;
    for (let i = 0; i < k; i++) {
      logp[i]! += Math.log(((row[i] ?? 0) + model.alpha) / (tokenTotals[i]! + model.alpha * vocab));
    }
  }
  return { logp, known };
}

function softmax(labels: readonly string[], logp: readonly number[], temperature = 1): Prediction {
  const max = Math.max(...logp);
  const exp = logp.map((x) => Math.exp((x - max) / temperature));
  const z = exp.reduce((a, b) => a + b, 0);
  const probabilities: Record<string, number> = {};
  let best = 0;
  labels.forEach((l, i) => {
    probabilities[l] = exp[i]! / z;
    if (exp[i]! > exp[best]!) best = i;
  });
  return { label: labels[best]!, confidence: exp[best]! / z, probabilities };
}

export function predictNaiveBayes(model: NaiveBayesModel, text: string, options: TokenOptions = {}): Prediction {
  if (model.labels.length === 0) return { label: null, confidence: 0, probabilities: {} };
  return softmax(model.labels, logPosterior(model, text, options).logp);
}

export function isNaiveBayesModel(x: unknown): x is NaiveBayesModel {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as Partial<NaiveBayesModel>;
  return m.type === 'multinomial-naive-bayes' && Array.isArray(m.labels) && typeof m.counts === 'object';
}

// ------------------------------------------------------------------ field suggestion

export interface FieldSuggestion {
  /** Field code, or null when nothing points anywhere. */
  field: string | null;
  /** Vietnamese field name. */
  name: string | null;
  confidence: number;
  method: 'keywords' | 'model' | 'model+keywords' | 'none';
  /** Other candidates, best first. */
  alternatives: Array<{ field: string; score: number }>;
}

export interface FieldOptions extends TokenOptions {
  taxonomy?: readonly FieldDefinition[];
  /** Learned model (labels are field codes). */
  model?: NaiveBayesModel;
  /**
   * Fixed share of the keywords for every field when a model is given (0 = the model alone).
   * Default: per field, R / (R + the model's examples of it) (see suggestField).
   */
  keywordWeight?: number;
}

/**
 * What the keyword rules are worth, in confirmed classifications: a rule counts as this many
 * examples, both for a single keyword ("kênh mương" → irrigation) and for a whole field. Below it
 * the rules decide; above it the council's own examples do.
 */
const RULE_EXAMPLES = 10;

const phraseFeatureCache = new WeakMap<object, Map<string, string[] | null>>();

/**
 * The model features (folded uni-/bigrams) that make up a keyword phrase, or null when the
 * model's features cannot represent it (a stopword or a one-letter word would be dropped).
 */
function phraseFeatures(keyword: string, taxonomy: object, options: TokenOptions): string[] | null {
  const cacheable = !options.stopwords && !options.abbreviations && options.convertLegacy === undefined;
  let cache = cacheable ? phraseFeatureCache.get(taxonomy) : undefined;
  if (cacheable && !cache) phraseFeatureCache.set(taxonomy, (cache = new Map()));
  if (cache?.has(keyword)) return cache.get(keyword)!;
  const pre = preprocess(keyword, options);
  const words = matchKey(pre).match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  const tokens = contentWords(pre, options.stopwords ?? DEFAULT_STOPWORDS);
  let out: string[] | null = null;
  if (tokens.length > 0 && tokens.length === words.length) {
    out = tokens.length === 1 ? tokens : tokens.slice(1).map((t, i) => `${tokens[i]}_${t}`);
  }
  cache?.set(keyword, out);
  return out;
}

/**
 * Keyword distribution over fields, each rule updated by the council's confirmed examples: a
 * matched keyword owned by field F is a prior belief "F", worth RULE_EXAMPLES examples; the
 * confirmed documents that contain the keyword (counted from the model's document frequencies)
 * are observations of the field the council actually uses for it. So a keyword the council
 * consistently files elsewhere moves there, and one it never saw keeps its rule. For a phrase of
 * three words or more the model only knows its bigrams: the rarest one bounds the count.
 */
function keywordDistribution(
  matched: readonly CompiledPhrase[],
  taxonomy: readonly FieldDefinition[],
  model: NaiveBayesModel | undefined,
  options: TokenOptions,
): Record<string, number> {
  const out: Record<string, number> = {};
  let total = 0;
  for (const p of matched) {
    const owner = taxonomy[p.owner]!.code;
    const feats = model ? phraseFeatures(p.keyword, taxonomy, options) : null;
    const seen: Array<[string, number]> = [];
    let docs = 0;
    if (model && feats) {
      model.labels.forEach((label, i) => {
        const c = Math.min(...feats.map((f) => model.counts[f]?.[i] ?? 0));
        if (c > 0) {
          seen.push([label, c]);
          docs += c;
        }
      });
    }
    const z = docs + RULE_EXAMPLES;
    out[owner] = (out[owner] ?? 0) + (p.weight * RULE_EXAMPLES) / z;
    for (const [label, c] of seen) out[label] = (out[label] ?? 0) + (p.weight * c) / z;
    total += p.weight;
  }
  if (total > 0) for (const k of Object.keys(out)) out[k]! /= total;
  return out;
}

/**
 * Suggests a field for a petition text.
 *
 * Keywords and model are put on one scale, a probability per field, then combined field by field
 * according to how many confirmed examples of that field the model has seen:
 * - keywords: kw(f) = the keyword distribution (updated by the council's examples, see
 *   keywordDistribution) × the strength of the keyword evidence, 1 − 0.5^(best field's keyword
 *   weight): one one-word keyword = 0.5, a few ≈ 1. Without a model this is the suggestion.
 * - model: nb(f) = the naive Bayes posterior, made a probability. Naive Bayes counts the n uni- and
 *   bigrams of a text as independent evidence, but they are the same few words over again, so its
 *   log-odds grow with n and it claims ~1 for nearly every text (on held-out groups of the
 *   bench/data training part it says 0.99 and is right ~80%, which let it swamp the rules).
 *   Dividing the log posterior by √n keeps the model's ranking and brings its probabilities close
 *   to calibrated there. The posterior also ranges over the taxonomy's fields the model has no
 *   example of (uninformed Laplace prior and likelihood), so a text unlike what the model learned
 *   does not hand all the mass to its nearest known field; that mass stays unassigned.
 * - combined: p(f) = t_f · nb(f) + (1 − t_f) · kw(f), with t_f = n_f / (n_f + R), n_f the model's
 *   examples of f and R = RULE_EXAMPLES: the model's estimate for f is shrunk toward the rules' in
 *   proportion to how little data it rests on. With a handful of examples (or none) the rules
 *   decide for and against a field; with many consistent ones, the council's usage does. The
 *   result adds up to at most 1 when the two agree (the rest is "unsure"); if it adds up to more
 *   (they disagree about fields neither can rule out) it is renormalised. `keywordWeight` fixes
 *   1 − t_f for every field instead.
 */
export function suggestField(text: string, options: FieldOptions = {}): FieldSuggestion {
  const taxonomy = options.taxonomy ?? DEFAULT_FIELDS;
  const names = new Map(taxonomy.map((f) => [f.code, f.name]));
  const matched = matchedKeywords(text, taxonomy, options);
  const ownerScores = new Array<number>(taxonomy.length).fill(0);
  for (const p of matched) ownerScores[p.owner]! += p.weight;
  const evidence = 1 - Math.pow(0.5, Math.max(0, ...ownerScores)); // one one-word keyword = 0.5, a few = ~1
  const model = options.model && options.model.labels.length > 0 ? options.model : undefined;
  const kw = keywordDistribution(matched, taxonomy, model, options);
  const dist: Record<string, number> = {};
  let method: FieldSuggestion['method'];
  if (model) {
    const unseen = taxonomy.map((f) => f.code).filter((c) => !model.labels.includes(c));
    const { logp, known } = logPosterior(model, text, options, unseen.length);
    const nb = softmax([...model.labels, ...unseen], logp, Math.sqrt(Math.max(1, known))).probabilities;
    const examples = new Map(model.labels.map((l, i) => [l, model.docCounts[i]!]));
    let sum = 0;
    for (const f of new Set([...model.labels, ...Object.keys(kw)])) {
      const n = examples.get(f) ?? 0;
      const share = options.keywordWeight ?? RULE_EXAMPLES / (RULE_EXAMPLES + n); // 1 − t_f
      const modelP = n > 0 ? (nb[f] ?? 0) : 0; // fields without examples: the model does not know
      dist[f] = (1 - share) * modelP + share * evidence * (kw[f] ?? 0);
      sum += dist[f]!;
    }
    if (sum > 1) for (const f of Object.keys(dist)) dist[f]! /= sum;
    method = Object.keys(kw).length > 0 && options.keywordWeight !== 0 ? 'model+keywords' : 'model';
  } else {
    for (const [k, v] of Object.entries(kw)) dist[k] = v * evidence;
    method = Object.keys(kw).length ? 'keywords' : 'none';
  }
  const ranked = Object.entries(dist)
    .filter(([, p]) => p > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (ranked.length === 0) return { field: null, name: null, confidence: 0, method: 'none', alternatives: [] };
  const [field, p] = ranked[0]!;
  return {
    field,
    name: names.get(field) ?? field,
    confidence: Math.round(p * 1000) / 1000,
    method,
    alternatives: ranked.slice(1, 4).map(([f, s]) => ({ field: f, score: Math.round(s * 1000) / 1000 })),
  };
}

// ------------------------------------------------------------------ competent level

export interface LevelSuggestion {
  level: CompetentLevel;
  name: string;
  confidence: number;
  /** The phrases that decided it. */
  matched: string[];
  /** Why, in Vietnamese, for the clerk ("Nhắc đến “đường thôn”; “quốc lộ” chỉ là nơi tuyến đường nối tới."). */
  reason: string;
}

/**
 * A road, canal or zone named after one of these words is where the petition's object is, not its
 * object: "đường thôn nối ra Quốc lộ 1A" is a hamlet road, "gần đường sắt" a landmark.
 */
const LANDMARK_BEFORE = new Set(
  ['nối', 'từ', 'ra', 'gần', 'cạnh', 'giáp', 'sát', 'tới', 'đến', 'dọc', 'ven', 'bên', 'phía', 'lên', 'hướng', 'cách', 'với', 'xuống'].flatMap((w) => [w, fold(w)]),
);
const PLACE_KEYWORD = /^(quốc lộ|cao tốc|đường|tỉnh lộ|kênh|khu kinh tế|dung quất)/u;

/** True when every occurrence of `phrase` in `padded` comes right after a landmark word. */
function onlyAsLandmark(padded: string, phrase: string): boolean {
  let seen = false;
  for (let i = padded.indexOf(` ${phrase} `); i >= 0; i = padded.indexOf(` ${phrase} `, i + 1)) {
    seen = true;
    const before = padded.slice(0, i).trimEnd().split(' ').pop() ?? '';
    if (!LANDMARK_BEFORE.has(before)) return false;
  }
  return seen;
}

const quote = (xs: readonly string[]) => xs.slice(0, 3).map((x) => `“${x}”`).join(', ');

export interface LevelOptions extends TokenOptions {
  rules?: readonly LevelRule[];
  /** Level when nothing in the text says (default 'district': the council's own level). */
  defaultLevel?: CompetentLevel;
  /** Learned model (labels are levels); used when the rules find nothing. */
  model?: NaiveBayesModel;
}

const DEFAULT_PRIORITY: Record<CompetentLevel, number> = { central: 4, province: 3, district: 2, commune: 1 };

/**
 * Suggests the competent level "where the text says": the highest-priority level whose phrases
 * occur (a national road or a decree → central; a provincial road → province; …).
 */
export function suggestLevel(text: string, options: LevelOptions = {}): LevelSuggestion {
  const rules = options.rules ?? DEFAULT_LEVEL_RULES;
  const { padded, accented } = phraseText(text, options);
  const matched: string[][] = rules.map(() => []);
  const landmarks: string[] = [];
  const weights = rules.map(() => 0);
  for (let r = 0; r < rules.length; r++) {
    for (const k of rules[r]!.keywords) {
      const phrase = accented ? matchKey(k) : fold(k);
      if (padded.includes(` ${phrase} `)) {
        if (PLACE_KEYWORD.test(matchKey(k)) && onlyAsLandmark(padded, phrase)) {
          landmarks.push(k);
          continue;
        }
        matched[r]!.push(k);
        weights[r]! += Math.pow(phrase.split(' ').length, 1.5);
      }
    }
  }
  let best = -1;
  for (let r = 0; r < rules.length; r++) {
    if (weights[r]! === 0) continue;
    const pr = rules[r]!.priority ?? DEFAULT_PRIORITY[rules[r]!.level];
    const bp = best < 0 ? -1 : (rules[best]!.priority ?? DEFAULT_PRIORITY[rules[best]!.level]);
    if (pr > bp) best = r;
  }
  if (best < 0) {
    if (options.model && options.model.labels.length) {
      const p = predictNaiveBayes(options.model, text, options);
      if (p.label && p.label in LEVEL_NAMES) {
        const level = p.label as CompetentLevel;
        return {
          level, name: LEVEL_NAMES[level], confidence: Math.round(p.confidence * 700) / 1000, matched: [],
          reason: 'Không có từ ngữ chỉ rõ cấp; gợi ý theo các ý kiến tương tự đã được phân loại trước đây.',
        };
      }
    }
    const level = options.defaultLevel ?? 'district';
    return {
      level, name: LEVEL_NAMES[level], confidence: 0.3, matched: [],
      reason: landmarks.length
        ? `${quote(landmarks)} chỉ là nơi đối tượng kiến nghị nối tới hoặc nằm gần; không có từ ngữ chỉ rõ cấp, gợi ý theo cấp của HĐND.`
        : 'Không có từ ngữ chỉ rõ cấp thẩm quyền; gợi ý theo cấp của HĐND.',
    };
  }
  const w = weights[best]!;
  const total = weights.reduce((a, b) => a + b, 0);
  const confidence = Math.min(0.95, (1 - Math.pow(0.5, w)) * (0.6 + 0.4 * (w / total)));
  const level = rules[best]!.level;
  const others = rules.flatMap((r, i) => (i !== best && matched[i]!.length ? [`${quote(matched[i]!)} (cấp ${LEVEL_NAMES[r.level].toLowerCase()})`] : []));
  const reason =
    `Nội dung nhắc đến ${quote(matched[best]!)}, thuộc thẩm quyền cấp ${LEVEL_NAMES[level].toLowerCase()}` +
    (others.length ? `; cũng có ${others.join(', ')}, cấp cao hơn được ưu tiên` : '') +
    (landmarks.length ? `; ${quote(landmarks)} chỉ là nơi đối tượng kiến nghị nối tới hoặc nằm gần` : '') +
    '.';
  return { level, name: LEVEL_NAMES[level], confidence: Math.round(confidence * 1000) / 1000, matched: matched[best]!, reason };
}

export type { CompetentLevel, FieldDefinition, LevelRule };
