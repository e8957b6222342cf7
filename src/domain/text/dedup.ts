/**
 * Duplicate grouping for one round of opinions ("tổng hợp"): proposes groups of opinions that raise
 * the same issue, for the secretariat to confirm.
 *
 * Never all pairs: each opinion looks up candidates through an inverted index over its rarest
 * features only (prefix filtering), the best candidates are scored exactly (TF-IDF cosine +
 * anchors), and pairs above the threshold are merged strongest first. A merge that would put two
 * different roads, hamlets, documents or named structures into one group is refused, so chains of
 * near-duplicates cannot join 'điện cho thôn A' with 'điện cho thôn B'.
 */
import { combineScore, featureBoost, idf, prepareText, type SimilarityOptions } from './similarity.ts';
import { compareAnchorClasses, type Anchor } from './anchors.ts';
import { sharedIssue, type ConceptMatch } from './concepts.ts';

/** The threshold the merge screen proposes groups at (queries/proposals.ts; the clerk may lower it). */
export const PROPOSAL_THRESHOLD = 0.5;

export interface DedupItem {
  id: string;
  text: string;
}

export interface DedupOptions extends SimilarityOptions {
  /** Minimum pair score to merge (default 0.3, tuned on bench/data/opinions.jsonl for recall: groups are proposals the secretariat confirms). */
  threshold?: number;
  /** Rarest features per opinion used to find candidates (default 12). */
  prefixSize?: number;
  /** Candidates scored exactly per opinion (default 40). */
  maxCandidates?: number;
  /** Features in more opinions than this are not used to find candidates (default 2% of n, within 100–400). */
  maxPosting?: number;
}

export interface DuplicateGroup {
  /** Group id: the first member's id (in input order). */
  id: string;
  members: string[];
  /** Mean score of the links that formed the group (0..1). */
  score: number;
}

export interface DuplicatePair {
  a: string;
  b: string;
  score: number;
}

export interface DedupResult {
  /** Groups of two or more opinions, largest first. */
  groups: DuplicateGroup[];
  /** Every input id → its group id (a lone opinion is its own group). */
  groupOf: Map<string, string>;
  /** Accepted links. */
  pairs: DuplicatePair[];
}

interface Vec {
  fids: Int32Array;
  w: Float32Array; // L2-normalised
  anchors: Anchor[];
  classes: Map<string, Set<string>>;
  concepts: ConceptMatch;
}

function dotSorted(a: Vec, b: Vec): number {
  let i = 0;
  let j = 0;
  let s = 0;
  const af = a.fids;
  const bf = b.fids;
  while (i < af.length && j < bf.length) {
    const x = af[i]!;
    const y = bf[j]!;
    if (x === y) {
      s += a.w[i]! * b.w[j]!;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return s;
}

/** Groups opinions that raise the same issue. */
export function groupDuplicates(items: readonly DedupItem[], options: DedupOptions = {}): DedupResult {
  const n = items.length;
  const threshold = options.threshold ?? 0.3;
  const prefixSize = options.prefixSize ?? 12;
  const maxCandidates = options.maxCandidates ?? 40;
  const maxPosting = options.maxPosting ?? Math.max(100, Math.min(400, Math.floor(0.02 * n)));

  // 1. prepare and count document frequencies
  const vocab = new Map<string, number>();
  const boosts: number[] = [];
  const df: number[] = [];
  const raw: Array<{ fids: number[]; tfs: number[]; anchors: Anchor[]; classes: Map<string, Set<string>>; concepts: ConceptMatch }> = [];
  for (const item of items) {
    const p = prepareText(item.text, options);
    const counts = new Map<number, number>();
    for (const f of p.features) {
      let fid = vocab.get(f);
      if (fid === undefined) {
        fid = df.length;
        vocab.set(f, fid);
        df.push(0);
        boosts.push(featureBoost(f));
      }
      counts.set(fid, (counts.get(fid) ?? 0) + 1);
    }
    const fids = [...counts.keys()].sort((a, b) => a - b);
    for (const fid of fids) df[fid]!++;
    raw.push({ fids, tfs: fids.map((f) => counts.get(f)!), anchors: p.anchors, classes: p.classes, concepts: p });
  }

  // 2. weighted, normalised vectors
  const vecs: Vec[] = raw.map((r) => {
    const w = new Float32Array(r.fids.length);
    let s = 0;
    for (let i = 0; i < r.fids.length; i++) {
      const fid = r.fids[i]!;
      const x = (1 + Math.log(r.tfs[i]!)) * idf(df[fid]!, n) * boosts[fid]!;
      w[i] = x;
      s += x * x;
    }
    const norm = Math.sqrt(s) || 1;
    for (let i = 0; i < w.length; i++) w[i] = w[i]! / norm;
    return { fids: Int32Array.from(r.fids), w, anchors: r.anchors, classes: r.classes, concepts: r.concepts };
  });

  // 3. prefix filtering: each opinion looks up only its rarest features (df ≥ 2, postings not too long)
  const prefixes: number[][] = vecs.map((v) => {
    const usable = Array.from(v.fids).filter((f) => df[f]! >= 2 && df[f]! <= maxPosting);
    usable.sort((a, b) => df[a]! - df[b]! || a - b);
    return usable.slice(0, prefixSize);
  });
  // Postings hold every opinion that has the feature, so a pair is found when either side's
  // prefix contains a feature the other has.
  const postings = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    for (const f of vecs[i]!.fids) {
      if (df[f]! < 2 || df[f]! > maxPosting) continue;
      let list = postings.get(f);
      if (!list) postings.set(f, (list = []));
      list.push(i);
    }
  }

  // 4. candidates and exact scores
  const pairs: Array<{ i: number; j: number; score: number }> = [];
  const acc = new Float64Array(n);
  const touched: number[] = [];
  for (let i = 0; i < n; i++) {
    const vi = vecs[i]!;
    touched.length = 0;
    for (const f of prefixes[i]!) {
      const list = postings.get(f)!;
      // weight of this feature in i as a cheap upper-bound proxy
      let wi = 0;
      const pos = binarySearch(vi.fids, f);
      if (pos >= 0) wi = vi.w[pos]!;
      for (const j of list) {
        if (j === i) continue;
        if (acc[j] === 0) touched.push(j);
        acc[j] = acc[j]! + wi;
      }
    }
    let cands = touched;
    if (cands.length > maxCandidates) cands = [...touched].sort((a, b) => acc[b]! - acc[a]!).slice(0, maxCandidates);
    for (const j of cands) {
      const vj = vecs[j]!;
      const cos = dotSorted(vi, vj);
      const issue = sharedIssue(vi.concepts, vj.concepts);
      // a shared issue may still lift the pair (the same thing, reworded): see combineScore
      if (cos < threshold * 0.6 && issue === 0) continue;
      const score = combineScore(cos, compareAnchorClasses(vi.classes, vj.classes, vi.anchors, vj.anchors), issue);
      if (score >= threshold) pairs.push(i < j ? { i, j, score } : { i: j, j: i, score });
    }
    for (const j of touched) acc[j] = 0;
  }

  // 5. merge strongest first, refusing merges that join conflicting anchors
  pairs.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const clusterClasses = new Map<number, Map<string, Set<string>>>();
  const classesOf = (root: number) => clusterClasses.get(root) ?? vecs[root]!.classes;
  const linkSum = new Float64Array(n);
  const linkCount = new Int32Array(n);
  const accepted: DuplicatePair[] = [];
  for (const p of pairs) {
    const ri = find(p.i);
    const rj = find(p.j);
    if (ri === rj) continue;
    const ci = classesOf(ri);
    const cj = classesOf(rj);
    const cmp = compareAnchorClasses(ci, cj);
    if (cmp.strongConflicts > 0) continue;
    const root = Math.min(ri, rj);
    const other = root === ri ? rj : ri;
    parent[other] = root;
    const merged = new Map<string, Set<string>>();
    for (const src of [ci, cj]) for (const [k, s] of src) merged.set(k, new Set([...(merged.get(k) ?? []), ...s]));
    clusterClasses.set(root, merged);
    clusterClasses.delete(other);
    linkSum[root] = linkSum[root]! + linkSum[other]! + p.score;
    linkCount[root] = linkCount[root]! + linkCount[other]! + 1;
    accepted.push({ a: items[p.i]!.id, b: items[p.j]!.id, score: Math.round(p.score * 1000) / 1000 });
  }

  // 6. output
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    let list = members.get(r);
    if (!list) members.set(r, (list = []));
    list.push(i);
  }
  const groupOf = new Map<string, string>();
  const groups: DuplicateGroup[] = [];
  for (const [root, list] of members) {
    const gid = items[list[0]!]!.id;
    for (const i of list) groupOf.set(items[i]!.id, gid);
    if (list.length >= 2) {
      groups.push({
        id: gid,
        members: list.map((i) => items[i]!.id),
        score: Math.round((linkSum[root]! / Math.max(1, linkCount[root]!)) * 1000) / 1000,
      });
    }
  }
  groups.sort((a, b) => b.members.length - a.members.length || b.score - a.score);
  return { groups, groupOf, pairs: accepted };
}

function binarySearch(arr: Int32Array, x: number): number {
  let lo = 0;
  let hi = arr.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = arr[mid]!;
    if (v === x) return mid;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
