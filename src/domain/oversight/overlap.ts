/**
 * Overlap detection between supervision activities (supervision.md "Overlap detection"): the
 * same subject body or its parent/child, an overlapping topic (the same field, or similar text by
 * the text engine), overlapping dates. It runs across the bodies of one council and across levels:
 * the caller passes every activity it wants compared (the province's committees, the commune
 * councils, the National Assembly delegation…). A conflict is a warning, never a block.
 *
 * Cost: candidate pairs come from a sweep by dates inside each subject key (a subject and its
 * ancestors), so only activities sharing a subject line and a period are ever compared; the text
 * engine runs on those candidates only, each text prepared once.
 */
import { isIsoDate } from '../calendar/index.ts';
import { toDayNumber } from '../calendar/dates.ts';
import { compareAnchorClasses } from '../text/anchors.ts';
import { prepareText, preparedSimilarity } from '../text/index.ts';
import type { PreparedText } from '../text/index.ts';
import { OversightRuleError } from './errors.ts';

export type OverlapSubject = { id: string; name: string };

export type OverlapActivity = {
  id: string;
  /** The body running the activity, as a sentence names it: "Ban Kinh tế – Ngân sách HĐND tỉnh". */
  bodyName: string;
  /** The council the body belongs to (a conflict between two councils is across bodies or levels). */
  councilId: string;
  title: string;
  content?: string;
  fieldIds: readonly string[];
  subjects: readonly OverlapSubject[];
  /** Planned (or actual) fieldwork, inclusive. */
  start: string;
  end: string;
};

export type OverlapOptions = {
  /** Directory hierarchy: agency id → parent agency id (successor links included by the caller). */
  parentOf: ReadonlyMap<string, string | null | undefined>;
  /** How many levels up a parent still counts (default 1: a department and its UBND). */
  parentDepth?: number;
  /** Text similarity from which two topics count as the same (default 0.35). */
  similarityThreshold?: number;
  /** Dates closer than this many days count as overlapping (default 0: the ranges must meet). */
  marginDays?: number;
  /**
   * Prepared texts by text, kept by the caller across checks: on every change only new or edited
   * texts are prepared again (preparing is most of the cost). Identical texts share one entry.
   */
  textCache?: Map<string, PreparedText>;
};

export type ConflictType = 'overlap' | 'same_subject_period';

export const CONFLICT_TYPE_LABELS: Readonly<Record<ConflictType, string>> = {
  overlap: 'Trùng lặp đối tượng, nội dung và thời gian',
  same_subject_period: 'Cùng đối tượng và thời gian, khác nội dung',
};

/** How the other activity's subject relates to this one's: the same body, its parent, or its child. */
export type SubjectRelation = 'same' | 'parent' | 'child';

export const SUBJECT_RELATION_LABELS: Readonly<Record<SubjectRelation, string>> = {
  same: 'Cùng đối tượng giám sát',
  parent: 'Giám sát cơ quan cấp trên của đối tượng',
  child: 'Giám sát cơ quan trực thuộc đối tượng',
};

export type TopicMatch = { kind: 'field'; fieldId: string } | { kind: 'text'; score: number };

export const TOPIC_MATCH_LABELS: Readonly<Record<TopicMatch['kind'], string>> = {
  field: 'Cùng lĩnh vực',
  text: 'Nội dung tương tự',
};

export type Conflict = {
  type: ConflictType;
  a: string;
  b: string;
  /** Seen from `a`: 'parent' = b supervises a parent of a's subject. */
  relation: SubjectRelation;
  subjectA: OverlapSubject;
  subjectB: OverlapSubject;
  /** null for 'same_subject_period'. */
  topic: TopicMatch | null;
  /** The common period (or, when only the margin joins them, from the earlier start to the later end). */
  from: string;
  to: string;
  /** The two activities belong to different councils (across levels or places). */
  acrossCouncils: boolean;
  /** Shown on activity a (names b's body) and on activity b (names a's body). */
  sentenceA: string;
  sentenceB: string;
};

type Prepared = {
  act: OverlapActivity;
  start: number;
  end: number;
  direct: Set<string>;
  /** Every ancestor of every subject, within the depth. */
  ancestors: Set<string>;
  /** Subject id → its ancestors within the depth. */
  above: Map<string, Set<string>>;
  text: PreparedText | null;
};

function check(a: OverlapActivity): void {
  for (const [v, what] of [
    [a.start, 'Ngày bắt đầu'],
    [a.end, 'Ngày kết thúc'],
  ] as const) {
    if (!isIsoDate(v)) throw new OversightRuleError('invalidDate', `${what} của hoạt động "${a.title}" không hợp lệ: "${String(v)}".`);
  }
  if (a.end < a.start) {
    throw new OversightRuleError('invalidPeriod', `Hoạt động "${a.title}" có ngày kết thúc trước ngày bắt đầu.`);
  }
  if (a.subjects.length === 0) throw new OversightRuleError('noSubject', `Hoạt động "${a.title}" chưa có đối tượng giám sát.`);
}

function prepare(acts: readonly OverlapActivity[], o: OverlapOptions): Prepared[] {
  const depth = o.parentDepth ?? 1;
  if (!Number.isInteger(depth) || depth < 0) throw new OversightRuleError('invalidDepth', 'Số cấp cơ quan cấp trên phải là số nguyên không âm.');
  const seen = new Set<string>();
  return acts.map((act) => {
    check(act);
    if (seen.has(act.id)) throw new OversightRuleError('duplicateActivity', `Hoạt động "${act.title}" được đưa vào hai lần.`);
    seen.add(act.id);
    const direct = new Set(act.subjects.map((s) => s.id));
    const ancestors = new Set<string>();
    const above = new Map<string, Set<string>>();
    for (const s of direct) {
      const up = new Set<string>();
      let cur = o.parentOf.get(s);
      for (let level = 1; level <= depth && cur !== null && cur !== undefined && cur !== s && !up.has(cur); level++) {
        up.add(cur);
        ancestors.add(cur);
        cur = o.parentOf.get(cur);
      }
      above.set(s, up);
    }
    return { act, start: toDayNumber(act.start), end: toDayNumber(act.end), direct, ancestors, above, text: null };
  });
}

function relationOf(x: Prepared, y: Prepared): { relation: SubjectRelation; sx: OverlapSubject; sy: OverlapSubject } | null {
  for (const s of x.act.subjects) if (y.direct.has(s.id)) return { relation: 'same', sx: s, sy: y.act.subjects.find((t) => t.id === s.id)! };
  for (const t of y.act.subjects) {
    if (x.ancestors.has(t.id)) {
      // y supervises a parent of one of x's subjects: name that subject
      const sx = x.act.subjects.find((s) => x.above.get(s.id)!.has(t.id))!;
      return { relation: 'parent', sx, sy: t };
    }
  }
  for (const s of x.act.subjects) {
    if (y.ancestors.has(s.id)) {
      const sy = y.act.subjects.find((t) => y.above.get(t.id)!.has(s.id))!;
      return { relation: 'child', sx: s, sy };
    }
  }
  return null;
}

function textOf(p: Prepared, cache: Map<string, PreparedText>): PreparedText {
  if (p.text === null) {
    const key = `${p.act.title}\n${p.act.content ?? ''}`;
    let t = cache.get(key);
    if (t === undefined) cache.set(key, (t = prepareText(key)));
    p.text = t;
  }
  return p.text;
}

function topicOf(x: Prepared, y: Prepared, s: Settings): TopicMatch | null {
  const tx = textOf(x, s.cache);
  const ty = textOf(y, s.cache);
  // Different concrete things (road ĐT 624 / road ĐT 628, two hamlets) are different topics even
  // within one field.
  const cmp = compareAnchorClasses(tx.classes, ty.classes, tx.anchors, ty.anchors);
  if (cmp.strongConflicts > 0 && cmp.sharedStrong === 0) return null;
  const fields = new Set(y.act.fieldIds);
  const field = x.act.fieldIds.find((f) => fields.has(f));
  if (field !== undefined) return { kind: 'field', fieldId: field };
  const score = preparedSimilarity(tx, ty);
  return score >= s.threshold ? { kind: 'text', score: Math.round(score * 1000) / 1000 } : null;
}

function shortDate(d: string, withYear: boolean): string {
  const s = `${d.slice(8, 10)}/${d.slice(5, 7)}`;
  return withYear ? `${s}/${d.slice(0, 4)}` : s;
}

/** "từ 10/03 đến 15/03", "ngày 10/03", with years when the period crosses one. */
export function periodText(from: string, to: string): string {
  const years = from.slice(0, 4) !== to.slice(0, 4);
  if (from === to) return `ngày ${shortDate(from, false)}`;
  return `từ ${shortDate(from, years)} đến ${shortDate(to, years)}`;
}

function sentence(type: ConflictType, relation: SubjectRelation, mine: OverlapSubject, theirs: OverlapSubject, from: string, to: string, body: string): string {
  const period = periodText(from, to);
  if (type === 'same_subject_period') return `Cùng đối tượng ${mine.name}, ${period}, với ${body} (khác nội dung giám sát)`;
  const subject = relation === 'same' ? mine.name : relation === 'parent' ? `${mine.name} và cơ quan cấp trên ${theirs.name}` : `${mine.name} và cơ quan trực thuộc ${theirs.name}`;
  return `Trùng đối tượng ${subject}, ${period}, với ${body}`;
}

const FLIP: Readonly<Record<SubjectRelation, SubjectRelation>> = { same: 'same', parent: 'child', child: 'parent' };

function pairConflict(x: Prepared, y: Prepared, s: Settings): Conflict | null {
  if (x.start > y.end + s.margin || y.start > x.end + s.margin) return null;
  const rel = relationOf(x, y);
  if (rel === null) return null;
  const topic = topicOf(x, y, s);
  if (topic === null && rel.relation !== 'same') return null;
  const type: ConflictType = topic === null ? 'same_subject_period' : 'overlap';
  // ISO dates compare as strings
  const [a, b] = [x.act, y.act];
  const meet = (a.start > b.start ? a.start : b.start) <= (a.end < b.end ? a.end : b.end);
  const from = meet ? (a.start > b.start ? a.start : b.start) : a.start < b.start ? a.start : b.start;
  const to = meet ? (a.end < b.end ? a.end : b.end) : a.end > b.end ? a.end : b.end;
  return {
    type,
    a: x.act.id,
    b: y.act.id,
    relation: rel.relation,
    subjectA: rel.sx,
    subjectB: rel.sy,
    topic,
    from,
    to,
    acrossCouncils: x.act.councilId !== y.act.councilId,
    sentenceA: sentence(type, rel.relation, rel.sx, rel.sy, from, to, y.act.bodyName),
    sentenceB: sentence(type, FLIP[rel.relation], rel.sy, rel.sx, from, to, x.act.bodyName),
  };
}

function order(list: Conflict[]): Conflict[] {
  return list.sort((p, q) => (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0));
}

type Settings = { margin: number; threshold: number; cache: Map<string, PreparedText> };

function settings(o: OverlapOptions): Settings {
  const margin = o.marginDays ?? 0;
  const threshold = o.similarityThreshold ?? 0.35;
  if (!Number.isInteger(margin) || margin < 0) throw new OversightRuleError('invalidMargin', 'Khoảng cách ngày tính trùng phải là số nguyên không âm.');
  if (!(threshold > 0 && threshold <= 1)) throw new OversightRuleError('invalidThreshold', 'Ngưỡng tương tự nội dung phải lớn hơn 0 và không quá 1.');
  return { margin, threshold, cache: o.textCache ?? new Map() };
}

/** Put the pair in input order so `a` is the activity listed first. */
function pair(ps: Prepared[], i: number, j: number, s: Settings): Conflict | null {
  return i < j ? pairConflict(ps[i]!, ps[j]!, s) : pairConflict(ps[j]!, ps[i]!, s);
}

/**
 * Every conflict among `activities` (each pair at most once, `a` listed before `b` in the input),
 * sorted by (a, b). Candidate pairs: for each subject key k, the activities supervising k or a
 * body below it, swept by start date; a pair counts only if one of them supervises k itself.
 */
export function findOverlaps(activities: readonly OverlapActivity[], options: OverlapOptions): Conflict[] {
  const set = settings(options);
  const { margin } = set;
  const ps = prepare(activities, options);
  const byKey = new Map<string, number[]>();
  ps.forEach((p, i) => {
    for (const k of new Set([...p.direct, ...p.ancestors])) {
      let l = byKey.get(k);
      if (l === undefined) byKey.set(k, (l = []));
      l.push(i);
    }
  });
  const n = ps.length;
  const candidates = new Set<number>();
  for (const [k, list] of byKey) {
    if (list.length < 2) continue;
    list.sort((i, j) => ps[i]!.start - ps[j]!.start);
    let active: number[] = [];
    for (const i of list) {
      const p = ps[i]!;
      active = active.filter((j) => ps[j]!.end + margin >= p.start);
      for (const j of active) {
        if (p.direct.has(k) || ps[j]!.direct.has(k)) candidates.add(Math.min(i, j) * n + Math.max(i, j));
      }
      active.push(i);
    }
  }
  const out: Conflict[] = [];
  for (const c of candidates) {
    const found = pair(ps, Math.floor(c / n), c % n, set);
    if (found !== null) out.push(found);
  }
  return order(out);
}

/** The same answer by comparing every pair: the baseline of tests and benchmarks. */
export function findOverlapsNaive(activities: readonly OverlapActivity[], options: OverlapOptions): Conflict[] {
  const set = settings(options);
  const ps = prepare(activities, options);
  const out: Conflict[] = [];
  for (let i = 0; i < ps.length; i++) {
    for (let j = i + 1; j < ps.length; j++) {
      const found = pair(ps, i, j, set);
      if (found !== null) out.push(found);
    }
  }
  return order(out);
}

/** The conflicts one activity is part of, each with the sentence to show on it. */
export function conflictsOf(id: string, conflicts: readonly Conflict[]): { other: string; type: ConflictType; sentence: string }[] {
  return conflicts.flatMap((c) =>
    c.a === id ? [{ other: c.b, type: c.type, sentence: c.sentenceA }] : c.b === id ? [{ other: c.a, type: c.type, sentence: c.sentenceB }] : [],
  );
}
