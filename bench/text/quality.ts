/**
 * Text bench: duplicate grouping, similar-petition recall, field/level classification and
 * grouping speed, each beside a naive baseline measured in the same run.
 * Run alone: node bench/text/quality.ts   (uses bench/data/opinions.jsonl)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fold } from '../../src/domain/text/normalize.ts';
import { groupDuplicates, type DedupOptions } from '../../src/domain/text/dedup.ts';
import { PROPOSAL_THRESHOLD } from '../../src/domain/text/dedup.ts';
import { SimilarityIndex } from '../../src/domain/text/similarity.ts';
import { suggestField, suggestLevel, trainNaiveBayes } from '../../src/domain/text/classify.ts';

export interface Row {
  metric: string;
  value: number;
  baseline: number | null;
  /** value / baseline */
  ratio: number | null;
  unit: string;
  note: string;
}

interface Opinion {
  id: string;
  text: string;
  field: string;
  level: string;
  group: string;
  reworded?: boolean;
  negativeOf?: string;
}

function loadDevset(): Opinion[] {
  const path = fileURLToPath(new URL('../data/opinions.jsonl', import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Opinion);
}

// ---------------------------------------------------------------- naive baseline: trigram Jaccard
function trigrams(text: string): Set<string> {
  const t = ` ${fold(text).replace(/[^a-z0-9]+/g, ' ')} `;
  const s = new Set<string>();
  for (let i = 0; i + 3 <= t.length; i++) s.add(t.slice(i, i + 3));
  return s;
}
function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  for (const x of small) if (big.has(x)) inter++;
  return inter / (a.size + b.size - inter || 1);
}
/** All pairs, union-find over pairs above the threshold. */
function naiveGroups(texts: readonly string[], threshold: number): Int32Array {
  const grams = texts.map(trigrams);
  const parent = Int32Array.from({ length: texts.length }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      if (jaccard(grams[i]!, grams[j]!) >= threshold) parent[find(j)] = find(i);
    }
  }
  return Int32Array.from({ length: texts.length }, (_, i) => find(i));
}

function pairwisePR(predicted: ArrayLike<string | number>, gold: readonly string[]): { p: number; r: number; f1: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    for (let j = i + 1; j < gold.length; j++) {
      const samePred = predicted[i] === predicted[j];
      const sameGold = gold[i] === gold[j];
      if (samePred && sameGold) tp++;
      else if (samePred) fp++;
      else if (sameGold) fn++;
    }
  }
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  return { p, r, f1: (2 * p * r) / (p + r || 1) };
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

// ---------------------------------------------------------------- synthetic corpus for speed
const SYL = ['An', 'Bình', 'Châu', 'Đông', 'Hòa', 'Hiệp', 'Khánh', 'Long', 'Minh', 'Nhơn', 'Phước', 'Quang', 'Sơn', 'Tân', 'Thạnh', 'Thuận', 'Trung', 'Văn', 'Vinh', 'Xuân', 'Lộc', 'Mỹ', 'Hải', 'Thủy', 'Tây', 'Nam', 'Bắc', 'Phú', 'Lợi', 'Hưng'];
function synthesize(dev: readonly Opinion[], n: number): Array<{ id: string; text: string }> {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const name = () => `${SYL[Math.floor(rnd() * SYL.length)]} ${SYL[Math.floor(rnd() * SYL.length)]}`;
  const out: Array<{ id: string; text: string }> = [];
  for (let i = 0; i < n; i++) {
    const base = dev[Math.floor(rnd() * dev.length)]!.text;
    // new objects: hamlet/commune/structure names and numbers change, so most texts are new issues
    const text = base
      .replace(/(thôn|xã|phường|chợ|cầu|Trường [\p{L} ]+?|tổ dân phố|khu dân cư) ([A-ZĐ][\p{L}]+ [A-ZĐ][\p{L}]+)/gu, (_m, k: string) => `${k} ${name()}`)
      .replace(/\d+/g, () => String(1 + Math.floor(rnd() * 900)));
    out.push({ id: `s${i}`, text: rnd() < 0.5 ? text : `Cử tri thôn ${name()} phản ánh: ${text}` });
  }
  return out;
}

// ---------------------------------------------------------------- bench
export async function runTextBench(options: { speedSize?: number; naiveSize?: number } = {}): Promise<Row[]> {
  const dev = loadDevset();
  const rows: Row[] = [];
  const gold = dev.map((o) => o.group);

  // 1. duplicate groups (pairwise precision/recall)
  const t0 = performance.now();
  const res = groupDuplicates(dev);
  const ours = pairwisePR(dev.map((o) => res.groupOf.get(o.id)!), gold);
  const oursMs = performance.now() - t0;
  let bestNaive = { p: 0, r: 0, f1: -1, threshold: 0 };
  for (const th of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7]) {
    const pr = pairwisePR(naiveGroups(dev.map((o) => o.text), th), gold);
    if (pr.f1 > bestNaive.f1) bestNaive = { ...pr, threshold: th };
  }
  const note = `${dev.length} opinions, ${new Set(gold).size} gold groups; baseline = trigram Jaccard all pairs at its best threshold (${bestNaive.threshold})`;
  rows.push(row('dedup pairwise precision', ours.p, bestNaive.p, '', note));
  rows.push(row('dedup pairwise recall', ours.r, bestNaive.r, '', note));
  rows.push(row('dedup pairwise F1', ours.f1, bestNaive.f1, '', `dev set grouped in ${oursMs.toFixed(0)} ms`));

  // 1b. reworded duplicates at the threshold the merge screen uses, beside the algorithm without
  // issue concepts (as it was before them), same run
  const pairsOf = () => {
    const byGroup = new Map<string, string[]>();
    for (const o of dev) if (o.reworded) byGroup.set(o.group, [...(byGroup.get(o.group) ?? []), o.id]);
    return [...byGroup.values()].filter((ids) => ids.length === 2) as [string, string][];
  };
  const rwPairs = pairsOf();
  const negatives = dev.filter((o) => o.negativeOf);
  const rw = (opts: DedupOptions) => {
    const r = groupDuplicates(dev, { threshold: PROPOSAL_THRESHOLD, ...opts });
    const g = (id: string) => r.groupOf.get(id)!;
    const found = rwPairs.filter(([a, b]) => g(a) === g(b)).length;
    const wrong = negatives.filter((n) => dev.some((o) => o.group === n.negativeOf && g(o.id) === g(n.id))).length;
    return { recall: found / rwPairs.length, wrong, pr: pairwisePR(dev.map((o) => g(o.id)), gold) };
  };
  const rwOurs = rw({});
  const rwBase = rw({ concepts: false });
  const rwNote = `${rwPairs.length} hand-written reworded pairs at the merge screen's threshold ${PROPOSAL_THRESHOLD}; baseline = same algorithm without issue concepts`;
  rows.push(row('reworded-duplicate recall', rwOurs.recall, rwBase.recall, '', rwNote));
  rows.push(row('reworded hard negatives merged', rwOurs.wrong, rwBase.wrong, '', `of ${negatives.length} (same wording, another hamlet/road/bridge…): lower is better`));
  rows.push(row(`dedup precision @${PROPOSAL_THRESHOLD}`, rwOurs.pr.p, rwBase.pr.p, '', 'whole dev set, pairwise'));
  rows.push(row(`dedup recall @${PROPOSAL_THRESHOLD}`, rwOurs.pr.r, rwBase.pr.r, '', 'whole dev set, pairwise'));

  // 2. similar top-5 recall: share of an opinion's group-mates (up to 5) found in its top 5
  const index = new SimilarityIndex();
  for (const o of dev) index.add(o.id, o.text);
  const grams = dev.map((o) => trigrams(o.text));
  let found = 0;
  let foundNaive = 0;
  let wanted = 0;
  dev.forEach((o, i) => {
    const mates = new Set(dev.filter((x) => x.group === o.group && x.id !== o.id).map((x) => x.id));
    if (mates.size === 0) return;
    const want = Math.min(5, mates.size);
    wanted += want;
    found += Math.min(want, index.similarTo(o.id, 5).filter((h) => mates.has(h.id)).length);
    const naive = dev
      .map((x, j) => ({ id: x.id, s: j === i ? -1 : jaccard(grams[i]!, grams[j]!) }))
      .sort((a, b) => b.s - a.s)
      .slice(0, 5);
    foundNaive += Math.min(want, naive.filter((h) => mates.has(h.id)).length);
  });
  rows.push(row('similar top-5 recall', found / wanted, foundNaive / wanted, '', 'baseline = trigram Jaccard ranking'));

  // 3. field classification: split by group so one issue is never in both train and test
  const isTest = (o: Opinion) => hash(o.group) % 10 < 3;
  const train = dev.filter((o) => !isTest(o));
  const test = dev.filter(isTest);
  const model = trainNaiveBayes(train.map((o) => ({ text: o.text, label: o.field })));
  const acc = (f: (o: Opinion) => string | null) => test.filter((o) => f(o) === o.field).length / test.length;
  const counts = new Map<string, number>();
  for (const o of train) counts.set(o.field, (counts.get(o.field) ?? 0) + 1);
  const majority = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const majorityAcc = acc(() => majority);
  const split = `train ${train.length} / test ${test.length}, split by group; baseline = majority field`;
  rows.push(row('field accuracy (model + keywords)', acc((o) => suggestField(o.text, { model }).field), majorityAcc, '', split));
  rows.push(row('field accuracy (model only)', acc((o) => suggestField(o.text, { model, keywordWeight: 0 }).field), majorityAcc, '', split));
  rows.push(row('field accuracy (keywords only)', acc((o) => suggestField(o.text).field), majorityAcc, '', 'no training: default taxonomy'));
  const levelCounts = new Map<string, number>();
  for (const o of dev) levelCounts.set(o.level, (levelCounts.get(o.level) ?? 0) + 1);
  const majorityLevel = [...levelCounts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  rows.push(
    row(
      'level accuracy (rules)',
      dev.filter((o) => suggestLevel(o.text).level === o.level).length / dev.length,
      dev.filter((o) => o.level === majorityLevel).length / dev.length,
      '',
      'all opinions; baseline = majority level',
    ),
  );

  // 4. speed
  const n = options.speedSize ?? 100_000;
  const corpus = synthesize(dev, n);
  const s0 = performance.now();
  const big = groupDuplicates(corpus);
  const secs = (performance.now() - s0) / 1000;
  const naiveN = options.naiveSize ?? 2000;
  const n0 = performance.now();
  naiveGroups(corpus.slice(0, naiveN).map((c) => c.text), 0.5);
  const naiveSecs = (performance.now() - n0) / 1000;
  rows.push(
    row(
      'grouping speed',
      n / secs,
      naiveN / naiveSecs,
      'opinions/s',
      `${n} synthetic opinions in ${secs.toFixed(1)} s (${big.groups.length} groups); baseline all-pairs on ${naiveN} in ${naiveSecs.toFixed(1)} s (quadratic: slower still at ${n})`,
    ),
  );
  return rows;
}

function row(metric: string, value: number, baseline: number | null, unit: string, note: string): Row {
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    metric,
    value: r3(value),
    baseline: baseline === null ? null : r3(baseline),
    ratio: baseline ? r3(value / baseline) : null,
    unit,
    note,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await runTextBench();
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(pad('metric', 36) + pad('value', 12) + pad('baseline', 12) + pad('ratio', 8) + 'note');
  for (const r of rows) {
    console.log(
      pad(r.metric, 36) + pad(`${r.value}${r.unit ? ' ' + r.unit : ''}`, 12) + pad(String(r.baseline ?? '–'), 12) + pad(r.ratio === null ? '–' : `×${r.ratio}`, 8) + r.note,
    );
  }
}
