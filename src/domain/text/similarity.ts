/**
 * Petition similarity: TF-IDF cosine over folded word uni- and bigrams plus anchor features, then
 * adjusted by anchors (a shared road/hamlet/document raises the score, a conflicting one cuts it).
 *
 * `SimilarityIndex` is an in-memory inverted index: `add(id, text)`, `topK(text, k)`. Candidates
 * come from the postings of the query's rarest features only, so a query never scans all documents.
 */
import { anchorClasses, compareAnchorClasses, extractAnchors, type Anchor, type AnchorComparison } from './anchors.ts';
import { contentWords, DEFAULT_STOPWORDS, ngramFeatures, preprocess, type TokenOptions } from './tokens.ts';
import { concepts, sharedIssue } from './concepts.ts';

export interface PreparedText {
  tokens: string[];
  /** Features with multiplicity (unigrams, bigrams, '@class:key' anchors). */
  features: string[];
  anchors: Anchor[];
  classes: Map<string, Set<string>>;
  /** Topic concepts (concepts.ts): what the text is about (roads, power, drainage…). */
  topics: Set<string>;
  /** The other concepts: how the issue is put (damage, repair, shortage…). */
  predicates: Set<string>;
}

export interface SimilarityOptions extends TokenOptions {
  /**
   * Issue concepts (concepts.ts) as features and as evidence with a shared anchor (default true).
   * False gives the algorithm as it was before concepts: the benchmarks' baseline.
   */
  concepts?: boolean;
}

/** Weight multiplier of a feature by its shape. */
export function featureBoost(f: string): number {
  if (f.charCodeAt(0) === 64 /* @ */) return 2;
  return f.includes('_') ? 1.2 : 1;
}

/** Text → tokens, features and anchors (legacy repair, abbreviations, folding included). */
export function prepareText(text: string, options: SimilarityOptions = {}): PreparedText {
  const pre = preprocess(text, options);
  const tokens = contentWords(pre, options.stopwords ?? DEFAULT_STOPWORDS);
  const anchors = extractAnchors(pre, { structureNames: options.concepts !== false });
  const classes = anchorClasses(anchors);
  const features = ngramFeatures(tokens);
  for (const a of anchors) {
    if (a.speaker) continue;
    features.push('@' + (a.kind === 'name' ? 'name' : a.kind === 'object' ? 'object:' + a.type : a.kind) + ':' + a.key);
  }
  let topics = NONE;
  let predicates = NONE;
  if (options.concepts !== false) {
    const c = concepts(pre, anchors.filter((a) => a.kind === 'object' && !a.speaker).map((a) => a.text));
    // topics weigh in the cosine; predicates ('xuống cấp', 'sửa chữa') are said of everything, so
    // they only count as evidence beside a shared anchor (combineScore)
    for (const k of c.topics) features.push('@c:' + k);
    topics = c.topics;
    predicates = c.predicates;
  }
  return { tokens, features, anchors, classes, topics, predicates };
}

const NONE: Set<string> = new Set();

/**
 * The score two texts about the same concrete thing (a shared road, hamlet, document or named
 * structure, no conflicting one) and the same topic get at least: reworded duplicates ('đường thôn
 * X hư hỏng' / 'tuyến đường vào thôn X xuống cấp') share few words but are the same petition.
 */
export const SAME_THING_FLOOR = 0.55;

/**
 * Combines a cosine similarity with anchor evidence into a 0..1 score. `issue` is how much of the
 * issue both texts share (`sharedIssue`: 0 when concepts are off). The same concrete thing (road,
 * hamlet, structure) with at least one shared topic, or the same proper name with two, lifts the
 * score to SAME_THING_FLOOR; any conflicting anchor rules that out.
 */
export function combineScore(cosine: number, cmp: AnchorComparison, issue = 0): number {
  let s = cosine;
  const bonus = Math.min(0.2, 0.07 * cmp.shared + 0.03 * cmp.sharedNames);
  s += bonus * (1 - s);
  if (issue > 0 && cmp.strongConflicts === 0 && cmp.mediumConflicts === 0) {
    // a shared named structure (chợ Phổ Văn) already says what it is about: half a topic
    const evidence = issue + (cmp.sharedObjects > 0 ? 0.5 : 0);
    const sameThing = (cmp.sharedStrong > 0 && evidence >= 1) || (cmp.sharedNames > 0 && evidence >= 2);
    if (sameThing) s = Math.max(s, SAME_THING_FLOOR + 0.05 * Math.min(3, Math.floor(evidence) - 1 + cmp.sharedStrong - 1));
  }
  if (cmp.strongConflicts > 0) s *= cmp.strongConflicts > 1 ? 0.15 : 0.3;
  if (cmp.mediumConflicts > 0) s *= 0.5;
  return Math.max(0, Math.min(1, s));
}

export function idf(df: number, n: number): number {
  return Math.log((n + 1) / (df + 1)) + 1;
}

function termCounts(features: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of features) m.set(f, (m.get(f) ?? 0) + 1);
  return m;
}

/**
 * Similarity of two texts on their own (no corpus statistics: every feature weighs the same).
 * For ranking against a corpus use `SimilarityIndex`.
 */
export function textSimilarity(a: string, b: string, options: SimilarityOptions = {}): number {
  return preparedSimilarity(prepareText(a, options), prepareText(b, options));
}

/** textSimilarity of two texts already prepared (prepare each once when comparing many pairs). */
export function preparedSimilarity(pa: PreparedText, pb: PreparedText): number {
  const ta = termCounts(pa.features);
  const tb = termCounts(pb.features);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [f, c] of ta) {
    const w = (1 + Math.log(c)) * featureBoost(f);
    na += w * w;
    const cb = tb.get(f);
    if (cb) dot += w * (1 + Math.log(cb)) * featureBoost(f);
  }
  for (const [f, c] of tb) {
    const w = (1 + Math.log(c)) * featureBoost(f);
    nb += w * w;
  }
  const cos = na && nb ? dot / Math.sqrt(na * nb) : 0;
  return combineScore(cos, compareAnchorClasses(pa.classes, pb.classes, pa.anchors, pb.anchors), sharedIssue(pa, pb));
}

export interface SimilarityHit {
  id: string;
  score: number;
}

interface StoredDoc {
  id: string;
  fids: Int32Array;
  tfs: Float32Array;
  anchors: Anchor[];
  classes: Map<string, Set<string>>;
  topics: Set<string>;
  predicates: Set<string>;
  norm: number;
  normN: number;
}

export interface IndexOptions extends SimilarityOptions {
  /** Postings longer than this fraction of the index are not used to find candidates (default 0.2). */
  maxPostingFraction?: number;
  /** Candidates scored exactly per query (default 200). */
  maxCandidates?: number;
}

/** In-memory similarity index over petitions (any round). */
export class SimilarityIndex {
  private readonly options: IndexOptions;
  private readonly vocab = new Map<string, number>();
  private readonly featureNames: string[] = [];
  private readonly postings: number[][] = [];
  private readonly docs: StoredDoc[] = [];
  private readonly byId = new Map<string, number>();

  constructor(options: IndexOptions = {}) {
    this.options = options;
  }

  get size(): number {
    return this.docs.length;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Adds (or replaces the text of) a petition. */
  add(id: string, text: string): void {
    if (this.byId.has(id)) this.remove(id);
    const p = prepareText(text, this.options);
    const counts = termCounts(p.features);
    const entries: Array<[number, number]> = [];
    for (const [f, c] of counts) {
      let fid = this.vocab.get(f);
      if (fid === undefined) {
        fid = this.featureNames.length;
        this.vocab.set(f, fid);
        this.featureNames.push(f);
        this.postings.push([]);
      }
      entries.push([fid, c]);
    }
    entries.sort((x, y) => x[0] - y[0]);
    const idx = this.docs.length;
    const doc: StoredDoc = {
      id,
      fids: Int32Array.from(entries, (e) => e[0]),
      tfs: Float32Array.from(entries, (e) => e[1]),
      anchors: p.anchors,
      classes: p.classes,
      topics: p.topics,
      predicates: p.predicates,
      norm: 0,
      normN: 0,
    };
    this.docs.push(doc);
    this.byId.set(id, idx);
    for (const [fid] of entries) this.postings[fid]!.push(idx);
  }

  /** Removes a petition (swap-remove; postings are rebuilt lazily for the moved document). */
  remove(id: string): boolean {
    const idx = this.byId.get(id);
    if (idx === undefined) return false;
    const doc = this.docs[idx]!;
    for (const fid of doc.fids) {
      const list = this.postings[fid]!;
      const pos = list.indexOf(idx);
      if (pos >= 0) list.splice(pos, 1);
    }
    const last = this.docs.length - 1;
    if (idx !== last) {
      const moved = this.docs[last]!;
      this.docs[idx] = moved;
      this.byId.set(moved.id, idx);
      for (const fid of moved.fids) {
        const list = this.postings[fid]!;
        const pos = list.indexOf(last);
        if (pos >= 0) list[pos] = idx;
      }
    }
    this.docs.pop();
    this.byId.delete(id);
    return true;
  }

  private weight(fid: number, tf: number, n: number): number {
    return (1 + Math.log(tf)) * idf(this.postings[fid]!.length, n) * featureBoost(this.featureNames[fid]!);
  }

  private docNorm(doc: StoredDoc): number {
    const n = this.docs.length;
    if (doc.normN === 0 || Math.abs(n - doc.normN) > 0.05 * doc.normN) {
      let s = 0;
      for (let i = 0; i < doc.fids.length; i++) {
        const w = this.weight(doc.fids[i]!, doc.tfs[i]!, n);
        s += w * w;
      }
      doc.norm = Math.sqrt(s) || 1;
      doc.normN = n;
    }
    return doc.norm;
  }

  /** The k most similar stored petitions to `text`, best first. */
  topK(text: string, k = 5, opts: { exclude?: string | ReadonlySet<string>; minScore?: number } = {}): SimilarityHit[] {
    const p = prepareText(text, this.options);
    return this.search(p, k, opts);
  }

  /** The k most similar stored petitions to a stored one (itself excluded). */
  similarTo(id: string, k = 5, minScore = 0): SimilarityHit[] {
    const idx = this.byId.get(id);
    if (idx === undefined) return [];
    const doc = this.docs[idx]!;
    const feats: string[] = [];
    for (let i = 0; i < doc.fids.length; i++) for (let c = 0; c < doc.tfs[i]!; c++) feats.push(this.featureNames[doc.fids[i]!]!);
    return this.search({ tokens: [], features: feats, anchors: doc.anchors, classes: doc.classes, topics: doc.topics, predicates: doc.predicates }, k, { exclude: id, minScore });
  }

  private search(
    p: PreparedText,
    k: number,
    opts: { exclude?: string | ReadonlySet<string>; minScore?: number },
  ): SimilarityHit[] {
    const n = this.docs.length;
    if (n === 0 || k <= 0) return [];
    const counts = termCounts(p.features);
    const q = new Map<number, number>();
    let qNorm = 0;
    for (const [f, c] of counts) {
      const fid = this.vocab.get(f);
      const df = fid === undefined ? 0 : this.postings[fid]!.length;
      const w = (1 + Math.log(c)) * idf(df, n) * featureBoost(f);
      qNorm += w * w;
      if (fid !== undefined && df > 0) q.set(fid, w);
    }
    qNorm = Math.sqrt(qNorm) || 1;
    // candidates from rare features first
    const maxPosting = Math.max(50, Math.floor((this.options.maxPostingFraction ?? 0.2) * n));
    const ordered = [...q.keys()].sort((a, b) => this.postings[a]!.length - this.postings[b]!.length);
    const acc = new Map<number, number>();
    for (const fid of ordered) {
      const list = this.postings[fid]!;
      if (list.length > maxPosting && acc.size > 0) break;
      const w = q.get(fid)! * idf(list.length, n);
      for (const d of list) acc.set(d, (acc.get(d) ?? 0) + w);
    }
    const maxCandidates = this.options.maxCandidates ?? 200;
    let cands = [...acc.entries()];
    if (cands.length > maxCandidates) cands = cands.sort((a, b) => b[1] - a[1]).slice(0, maxCandidates);
    const exclude = opts.exclude;
    const hits: SimilarityHit[] = [];
    for (const [d] of cands) {
      const doc = this.docs[d]!;
      if (exclude !== undefined && (typeof exclude === 'string' ? doc.id === exclude : exclude.has(doc.id))) continue;
      let dot = 0;
      for (let i = 0; i < doc.fids.length; i++) {
        const qw = q.get(doc.fids[i]!);
        if (qw !== undefined) dot += qw * this.weight(doc.fids[i]!, doc.tfs[i]!, n);
      }
      const cos = dot / (qNorm * this.docNorm(doc));
      const score = combineScore(cos, compareAnchorClasses(p.classes, doc.classes, p.anchors, doc.anchors), sharedIssue(p, doc));
      if (score >= (opts.minScore ?? 0)) hits.push({ id: doc.id, score: Math.round(score * 1000) / 1000 });
    }
    hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return hits.slice(0, k);
  }
}
