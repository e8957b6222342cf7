/**
 * Field (lĩnh vực) and competent-level suggestions.
 *
 * A new council starts with keyword rules (fields.ts). Once it has confirmed classifications, a
 * multinomial naive Bayes model over folded word uni- and bigrams (binary counts per document,
 * Laplace smoothing) learns its own usage; the model is plain JSON and can be updated
 * incrementally. Keyword evidence is blended in so that rare fields are not forgotten.
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

interface CompiledPhrases {
  accented: Array<{ phrase: string; weight: number; owner: number }>;
  folded: Array<{ phrase: string; weight: number; owner: number }>;
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
      accented.push({ phrase: ` ${m} `, weight, owner });
      folded.push({ phrase: ` ${fold(k)} `, weight, owner });
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

function phraseScores(padded: string, accented: boolean, phrases: CompiledPhrases, owners: number): number[] {
  const scores = new Array<number>(owners).fill(0);
  for (const p of accented ? phrases.accented : phrases.folded) {
    if (padded.includes(p.phrase)) scores[p.owner]! += p.weight;
  }
  return scores;
}

/** Keyword score per field code (0 when no keyword matched). */
export function keywordScores(
  text: string,
  taxonomy: readonly FieldDefinition[] = DEFAULT_FIELDS,
  options: TokenOptions = {},
): Record<string, number> {
  const { padded, accented } = phraseText(text, options);
  const phrases = compilePhrases(taxonomy.map((f) => f.keywords), taxonomy);
  const s = phraseScores(padded, accented, phrases, taxonomy.length);
  const out: Record<string, number> = {};
  taxonomy.forEach((f, i) => (out[f.code] = s[i]!));
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

export function predictNaiveBayes(model: NaiveBayesModel, text: string, options: TokenOptions = {}): Prediction {
  const k = model.labels.length;
  if (k === 0) return { label: null, confidence: 0, probabilities: {} };
  const totalDocs = model.docCounts.reduce((a, b) => a + b, 0);
  const vocab = Object.keys(model.counts).length + 1;
  const logp = model.docCounts.map((c) => Math.log((c + 1) / (totalDocs + k)));
  for (const f of features(text, options)) {
    const row = model.counts[f];
    if (!row) continue; // unseen everywhere: same factor for all labels
    for (let i = 0; i < k; i++) {
      logp[i]! += Math.log((row[i]! + model.alpha) / (model.tokenTotals[i]! + model.alpha * vocab));
    }
  }
  const max = Math.max(...logp);
  const exp = logp.map((x) => Math.exp(x - max));
  const z = exp.reduce((a, b) => a + b, 0);
  const probabilities: Record<string, number> = {};
  let best = 0;
  model.labels.forEach((l, i) => {
    probabilities[l] = exp[i]! / z;
    if (exp[i]! > exp[best]!) best = i;
  });
  return { label: model.labels[best]!, confidence: exp[best]! / z, probabilities };
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
  /** Share of keyword evidence when a model is given (default max(0.3, 30 / (30 + training docs))). */
  keywordWeight?: number;
}

function keywordDistribution(scores: Record<string, number>): Record<string, number> {
  const total = Object.values(scores).reduce((a, b) => a + b, 0);
  const out: Record<string, number> = {};
  if (total === 0) return out;
  for (const [k, v] of Object.entries(scores)) if (v > 0) out[k] = v / total;
  return out;
}

/** Suggests a field for a petition text. */
export function suggestField(text: string, options: FieldOptions = {}): FieldSuggestion {
  const taxonomy = options.taxonomy ?? DEFAULT_FIELDS;
  const names = new Map(taxonomy.map((f) => [f.code, f.name]));
  const scores = keywordScores(text, taxonomy, options);
  const kw = keywordDistribution(scores);
  const top = Math.max(0, ...Object.values(scores));
  const evidence = 1 - Math.pow(0.5, top); // one one-word keyword = 0.5, a few = ~1
  let dist: Record<string, number>;
  let method: FieldSuggestion['method'];
  const model = options.model;
  if (model && model.labels.length > 0) {
    const nb = predictNaiveBayes(model, text, options).probabilities;
    // Small models (a council's first confirmed petitions) lean on the keyword rules more.
    const docs = model.docCounts.reduce((a, b) => a + b, 0);
    const share = options.keywordWeight ?? Math.max(0.3, 30 / (30 + docs));
    const lambda = Object.keys(kw).length > 0 ? share * evidence : 0;
    dist = {};
    for (const l of new Set([...Object.keys(nb), ...Object.keys(kw)])) dist[l] = (1 - lambda) * (nb[l] ?? 0) + lambda * (kw[l] ?? 0);
    method = lambda > 0 ? 'model+keywords' : 'model';
  } else {
    dist = {};
    for (const [k, v] of Object.entries(kw)) dist[k] = v * evidence;
    method = Object.keys(kw).length ? 'keywords' : 'none';
  }
  const ranked = Object.entries(dist).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
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
}

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
  const weights = rules.map(() => 0);
  for (let r = 0; r < rules.length; r++) {
    for (const k of rules[r]!.keywords) {
      const phrase = accented ? matchKey(k) : fold(k);
      if (padded.includes(` ${phrase} `)) {
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
        return { level, name: LEVEL_NAMES[level], confidence: Math.round(p.confidence * 700) / 1000, matched: [] };
      }
    }
    const level = options.defaultLevel ?? 'district';
    return { level, name: LEVEL_NAMES[level], confidence: 0.3, matched: [] };
  }
  const w = weights[best]!;
  const total = weights.reduce((a, b) => a + b, 0);
  const confidence = Math.min(0.95, (1 - Math.pow(0.5, w)) * (0.6 + 0.4 * (w / total)));
  const level = rules[best]!.level;
  return { level, name: LEVEL_NAMES[level], confidence: Math.round(confidence * 1000) / 1000, matched: matched[best]! };
}

export type { CompetentLevel, FieldDefinition, LevelRule };
