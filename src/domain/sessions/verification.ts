/**
 * The verification chain (sessions.md "Submissions and the verification chain"): a committee's
 * verification report (báo cáo thẩm tra) with structured conclusions point by point, each linked
 * to the article or section concerned; the drafter's response report (báo cáo tiếp thu, giải
 * trình) answering the points; and the chain tờ trình → thẩm tra → tiếp thu → nghị quyết with
 * dates and lateness at each step.
 */
import type { WorkingCalendar } from '../calendar/index.ts';
import { daysBetween, isIsoDate } from '../calendar/index.ts';
import { formatShortDate } from '../documents/format.ts';
import { EXPECTED_DOCUMENT_KIND_LABELS } from './dueDates.ts';
import { SessionRuleError } from './errors.ts';
import { VERIFICATION_CONCLUSION_LABELS } from './states.ts';
import type { VerificationConclusion } from './states.ts';
import { documentTiming } from './timing.ts';
import type { DocumentTiming } from './timing.ts';

// ---------------------------------------------------------------------------------------------
// References ("khoản 2 Điều 3", "Điều 3 khoản 2", "Mục II", "Phụ lục I", "Nội dung chung")

export type LegalReference = {
  /** The point is about the draft as a whole (need, competence, consistency …). */
  general: boolean;
  part: string | null; // Phần
  chapter: string | null; // Chương
  section: string | null; // Mục
  article: number | null; // Điều
  clause: number | null; // khoản
  point: string | null; // điểm (a, b, đ …)
  appendix: string | null; // Phụ lục
  /** The document the reference is in, when named ("dự thảo nghị quyết", "tờ trình" …). */
  document: string | null;
  /** Canonical Vietnamese citation, smallest unit first as laws write it, for running text: "điểm a khoản 2 Điều 3", "nội dung chung". */
  label: string;
};

const GENERAL = /^(nội dung chung|chung|toàn văn|toàn bộ(?: dự thảo)?|tổng thể|những vấn đề chung|vấn đề chung)$/;
const DOCUMENTS = ['dự thảo nghị quyết', 'quy định kèm theo', 'dự thảo', 'tờ trình', 'đề án', 'báo cáo'];
const ROMAN_OR_NUMBER = '([ivxlcdm]+|\\d+)';
const TOKEN_PATTERNS: [keyof Pick<LegalReference, 'part' | 'chapter' | 'section' | 'article' | 'clause' | 'point' | 'appendix'>, RegExp][] = [
  ['point', /^(?:điểm|đ\.)\s*([a-zđ])(?![a-zđ0-9])/],
  ['clause', /^(?:khoản|k\.?)\s*(\d+)(?!\d)/],
  ['article', /^(?:điều|đ\.?)\s*(\d+)(?!\d)/],
  ['section', new RegExp(`^mục\\s*${ROMAN_OR_NUMBER}(?![a-z0-9])`)],
  ['chapter', new RegExp(`^chương\\s*${ROMAN_OR_NUMBER}(?![a-z0-9])`)],
  ['part', new RegExp(`^phần\\s*${ROMAN_OR_NUMBER}(?![a-z0-9])`)],
  ['appendix', new RegExp(`^phụ lục\\s*${ROMAN_OR_NUMBER}(?![a-z0-9])`)],
];

function upperNumeral(v: string): string {
  return /^\d+$/.test(v) ? v : v.toUpperCase();
}

/** Canonical citation of a parsed reference. */
function labelOf(r: Omit<LegalReference, 'label'>): string {
  if (r.general) return r.document ? `nội dung chung của ${r.document}` : 'nội dung chung';
  const parts: string[] = [];
  if (r.point !== null) parts.push(`điểm ${r.point}`);
  if (r.clause !== null) parts.push(`khoản ${r.clause}`);
  if (r.article !== null) parts.push(`Điều ${r.article}`);
  if (r.section !== null) parts.push(`Mục ${r.section}`);
  if (r.chapter !== null) parts.push(`Chương ${r.chapter}`);
  if (r.part !== null) parts.push(`Phần ${r.part}`);
  if (r.appendix !== null) parts.push(`Phụ lục ${r.appendix}`);
  const label = parts.join(' ');
  return r.document ? `${label} ${r.document}` : label;
}

/**
 * Read a reference as delegates and committees write it: "Điều 3 khoản 2", "khoản 2 Điều 3",
 * "điểm a khoản 2 Điều 3", "Đ3 k2", "Mục II", "Chương 2 Điều 5", "Phụ lục I", "Nội dung chung",
 * optionally followed by the document ("… dự thảo nghị quyết", "… của Tờ trình").
 * Returns null when the text is not a reference (a point must say what it is about).
 * A point needs a clause, a clause needs an article.
 */
export function parseReference(text: string): LegalReference | null {
  let s = text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.,;:]+$/, '');
  let document: string | null = null;
  for (const d of DOCUMENTS) {
    const m = new RegExp(`(?:^|\\s)(?:(?:của|tại|trong)\\s)?${d}$`).exec(s);
    if (m && m.index + m[0].length === s.length) {
      document = d;
      s = s.slice(0, m.index).trim();
      break;
    }
  }
  if (s === '' && document !== null) return null;
  if (GENERAL.test(s)) {
    const r = { general: true, part: null, chapter: null, section: null, article: null, clause: null, point: null, appendix: null, document };
    return { ...r, label: labelOf(r) };
  }
  const found: Omit<LegalReference, 'label'> = { general: false, part: null, chapter: null, section: null, article: null, clause: null, point: null, appendix: null, document };
  let rest = s;
  while (rest !== '') {
    let matched = false;
    for (const [field, re] of TOKEN_PATTERNS) {
      const m = re.exec(rest);
      if (!m) continue;
      if (found[field] !== null) return null; // "Điều 3 Điều 4": not one reference
      const v = m[1]!;
      if (field === 'article' || field === 'clause') {
        const n = Number(v);
        if (n < 1) return null;
        found[field] = n;
      } else if (field === 'point') found.point = v;
      else found[field] = upperNumeral(v);
      rest = rest.slice(m[0].length).replace(/^[\s,]+/, '');
      matched = true;
      break;
    }
    if (!matched) return null;
  }
  const any = found.part ?? found.chapter ?? found.section ?? found.article ?? found.clause ?? found.point ?? found.appendix;
  if (any === null) return null;
  if (found.point !== null && found.clause === null) return null;
  if (found.clause !== null && found.article === null) return null;
  return { ...found, label: labelOf(found) };
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
function numeralValue(v: string | null): number {
  if (v === null) return -1;
  if (/^\d+$/.test(v)) return Number(v);
  let total = 0;
  for (let i = 0; i < v.length; i++) {
    const a = ROMAN[v[i]!] ?? 0;
    const b = ROMAN[v[i + 1] ?? ''] ?? 0;
    total += a < b ? -a : a;
  }
  return total;
}

/** Document order: general points first, then by part, chapter, section, article, clause, point; appendices last. */
export function compareReferences(a: LegalReference, b: LegalReference): number {
  if (a.general !== b.general) return a.general ? -1 : 1;
  const appendix = (a.appendix !== null ? 1 : 0) - (b.appendix !== null ? 1 : 0);
  if (appendix !== 0) return appendix;
  return (
    numeralValue(a.appendix) - numeralValue(b.appendix) ||
    numeralValue(a.part) - numeralValue(b.part) ||
    numeralValue(a.chapter) - numeralValue(b.chapter) ||
    numeralValue(a.section) - numeralValue(b.section) ||
    (a.article ?? -1) - (b.article ?? -1) ||
    (a.clause ?? -1) - (b.clause ?? -1) ||
    (a.point ?? '').localeCompare(b.point ?? '', 'vi')
  );
}

// ---------------------------------------------------------------------------------------------
// Verification report: structured conclusions

export type VerificationPoint = {
  /** Stable id of the point within the report (answers refer to it). */
  key: string;
  /** What the point is about, e.g. "Điều 3 khoản 2" (see parseReference). */
  reference: string;
  conclusion: VerificationConclusion;
  /** The committee's comment, Vietnamese. */
  content: string;
};

/** Conclusions the drafter must answer in the response report. */
export const CONCLUSIONS_REQUIRING_ANSWER: readonly VerificationConclusion[] = ['pointsToExplain', 'disagree'];

/** From the mildest to the most severe. */
const SEVERITY: readonly VerificationConclusion[] = ['agree', 'agreeWithChanges', 'pointsToExplain', 'disagree'];

type FieldError = { path: string; message: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Check the points of a verification report as filed; errors are Vietnamese with the path of the value. */
export function validateVerificationPoints(input: unknown): { ok: true; points: VerificationPoint[] } | { ok: false; errors: FieldError[] } {
  if (!Array.isArray(input)) return { ok: false, errors: [{ path: 'points', message: 'Danh sách ý kiến thẩm tra không hợp lệ.' }] };
  if (input.length === 0) return { ok: false, errors: [{ path: 'points', message: 'Báo cáo thẩm tra cần ít nhất một ý kiến kết luận.' }] };
  const errors: FieldError[] = [];
  const keys = new Set<string>();
  input.forEach((p, i) => {
    const path = `points.${i}`;
    const n = i + 1;
    if (!isRecord(p)) {
      errors.push({ path, message: `Ý kiến thứ ${n} không hợp lệ.` });
      return;
    }
    const key = p['key'];
    if (typeof key !== 'string' || key.trim() === '') errors.push({ path: `${path}.key`, message: `Ý kiến thứ ${n} thiếu mã.` });
    else if (keys.has(key)) errors.push({ path: `${path}.key`, message: `Ý kiến thứ ${n} trùng mã "${key}" với một ý kiến khác.` });
    else keys.add(key);
    if (typeof p['conclusion'] !== 'string' || !Object.hasOwn(VERIFICATION_CONCLUSION_LABELS, p['conclusion'])) {
      errors.push({ path: `${path}.conclusion`, message: `Ý kiến thứ ${n}: kết luận phải là một trong: ${SEVERITY.map((c) => `“${VERIFICATION_CONCLUSION_LABELS[c]}”`).join(', ')}.` });
    }
    if (typeof p['reference'] !== 'string' || parseReference(p['reference']) === null) {
      errors.push({
        path: `${path}.reference`,
        message: `Ý kiến thứ ${n}: cần ghi rõ điều, khoản hoặc mục liên quan (ví dụ “khoản 2 Điều 3”, “Mục II”, “Nội dung chung”).`,
      });
    }
    if (typeof p['content'] !== 'string' || p['content'].trim() === '') errors.push({ path: `${path}.content`, message: `Ý kiến thứ ${n} chưa có nội dung.` });
  });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    points: (input as VerificationPoint[]).map((p) => ({ key: p.key, reference: p.reference.trim(), conclusion: p.conclusion, content: p.content.trim() })),
  };
}

export type VerificationSummary = {
  counts: Record<VerificationConclusion, number>;
  /** The most severe conclusion among the points (null without points): a hint, the committee's overall conclusion is its own. */
  mostSevere: VerificationConclusion | null;
  /** True when some point must be answered in a response report. */
  needsResponse: boolean;
  /** Keys of the points the drafter must answer, in document order. */
  requiringAnswer: string[];
  /** The points in document order (general first, then by part, chapter, article, clause, point). */
  ordered: (VerificationPoint & { referenceLabel: string })[];
};

/** Counts and document order of a report's points (assumes validated points). */
export function summarizeVerification(points: VerificationPoint[]): VerificationSummary {
  const counts: Record<VerificationConclusion, number> = { agree: 0, agreeWithChanges: 0, pointsToExplain: 0, disagree: 0 };
  let severity = -1;
  for (const p of points) {
    counts[p.conclusion]++;
    severity = Math.max(severity, SEVERITY.indexOf(p.conclusion));
  }
  const withRefs = points.map((p, i) => ({ p, i, ref: parseReference(p.reference) }));
  withRefs.sort((a, b) => (a.ref && b.ref ? compareReferences(a.ref, b.ref) : 0) || a.i - b.i);
  const ordered = withRefs.map(({ p, ref }) => ({ ...p, referenceLabel: ref?.label ?? p.reference }));
  const requiringAnswer = ordered.filter((p) => CONCLUSIONS_REQUIRING_ANSWER.includes(p.conclusion)).map((p) => p.key);
  return { counts, mostSevere: severity < 0 ? null : SEVERITY[severity]!, needsResponse: requiringAnswer.length > 0, requiringAnswer, ordered };
}

// ---------------------------------------------------------------------------------------------
// Response report (tiếp thu, giải trình)

export type ResponseAnswerKind = 'accepted' | 'partlyAccepted' | 'explained';

export const RESPONSE_ANSWER_KIND_LABELS: Readonly<Record<ResponseAnswerKind, string>> = {
  accepted: 'Tiếp thu, chỉnh sửa',
  partlyAccepted: 'Tiếp thu một phần, giải trình',
  explained: 'Giải trình, giữ nguyên',
};

export type ResponseAnswer = { pointKey: string; kind: ResponseAnswerKind; text: string };

export type ResponseCheck = {
  ok: boolean;
  errors: FieldError[];
  /** Points that must be answered and are not (keys, document order). */
  unanswered: string[];
  /** Answers naming a point the report does not have. */
  unknown: string[];
  /** How many of the points requiring an answer are answered. */
  answeredRequired: number;
  required: number;
};

function excerpt(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  if (t.length <= 80) return t;
  const cut = t.lastIndexOf(' ', 79);
  return `${t.slice(0, cut > 40 ? cut : 79)}…`;
}

/**
 * Check a response report against the verification report it answers: every point concluded
 * "pointsToExplain" or "disagree" answered, no answer to a point that does not exist, at most
 * one answer per point, each answer with a kind and a text. Answers to "agree" or
 * "agreeWithChanges" points are welcome but not required.
 */
export function validateResponse(points: VerificationPoint[], answers: unknown): ResponseCheck {
  const errors: FieldError[] = [];
  const byKey = new Map(points.map((p) => [p.key, p]));
  const refLabel = (p: VerificationPoint): string => parseReference(p.reference)?.label ?? p.reference;
  const answered = new Set<string>();
  const unknown: string[] = [];
  const list = Array.isArray(answers) ? answers : null;
  if (list === null) errors.push({ path: 'answers', message: 'Danh sách nội dung tiếp thu, giải trình không hợp lệ.' });
  (list ?? []).forEach((a, i) => {
    const path = `answers.${i}`;
    const n = i + 1;
    if (!isRecord(a)) {
      errors.push({ path, message: `Nội dung trả lời thứ ${n} không hợp lệ.` });
      return;
    }
    const key = a['pointKey'];
    const point = typeof key === 'string' ? byKey.get(key) : undefined;
    if (point === undefined) {
      unknown.push(String(key));
      errors.push({ path: `${path}.pointKey`, message: `Nội dung trả lời thứ ${n} không ứng với ý kiến nào trong báo cáo thẩm tra (mã "${String(key)}").` });
      return;
    }
    if (answered.has(point.key)) {
      errors.push({ path: `${path}.pointKey`, message: `Ý kiến về ${refLabel(point)} được trả lời hơn một lần.` });
    }
    answered.add(point.key);
    if (typeof a['kind'] !== 'string' || !Object.hasOwn(RESPONSE_ANSWER_KIND_LABELS, a['kind'])) {
      errors.push({
        path: `${path}.kind`,
        message: `Nội dung trả lời về ${refLabel(point)}: cần chọn ${Object.values(RESPONSE_ANSWER_KIND_LABELS).map((l) => `“${l}”`).join(', ')}.`,
      });
    }
    if (typeof a['text'] !== 'string' || a['text'].trim() === '') {
      errors.push({ path: `${path}.text`, message: `Nội dung trả lời về ${refLabel(point)} chưa có nội dung.` });
    }
  });
  const summary = summarizeVerification(points);
  const unanswered = summary.requiringAnswer.filter((k) => !answered.has(k));
  for (const k of unanswered) {
    const p = byKey.get(k)!;
    const why = p.conclusion === 'disagree' ? 'Ban không đồng ý' : 'Ban đề nghị giải trình';
    errors.push({ path: 'answers', message: `Chưa trả lời ý kiến về ${refLabel(p)} (“${excerpt(p.content)}”) mà ${why}.` });
  }
  return {
    ok: errors.length === 0,
    errors,
    unanswered,
    unknown,
    answeredRequired: summary.requiringAnswer.length - unanswered.length,
    required: summary.requiringAnswer.length,
  };
}

// ---------------------------------------------------------------------------------------------
// The chain tờ trình → thẩm tra → tiếp thu → nghị quyết

export type ChainStepKind = 'submission' | 'verificationReport' | 'responseReport' | 'resolution';

export const CHAIN_STEP_LABELS: Readonly<Record<ChainStepKind, string>> = {
  submission: EXPECTED_DOCUMENT_KIND_LABELS.submission,
  verificationReport: EXPECTED_DOCUMENT_KIND_LABELS.verificationReport,
  responseReport: EXPECTED_DOCUMENT_KIND_LABELS.responseReport,
  resolution: 'Nghị quyết',
};

/** One document of the chain: its number ("4486/TTr-UBND"), the day it was received or issued, its due date. */
export type ChainDocument = { number: string | null; date: string | null; due: string | null; lastRevisedOn?: string | null };

export type ChainStep = {
  kind: ChainStepKind;
  label: string;
  number: string | null;
  date: string | null;
  due: string | null;
  /** false for a response report when no point asks for one. */
  required: boolean;
  /** Timing of the document (null for the resolution and for a step not required). */
  timing: DocumentTiming | null;
  daysLate: number | null;
  /** Vietnamese status line, e.g. "Nộp muộn 3 ngày", "Thông qua ngày 16/12/2025". */
  status: string;
  /** Calendar days since the previous step's date (null when either date is missing). */
  daysAfterPrevious: number | null;
};

export type ChainSummary = {
  steps: ChainStep[];
  /** Steps whose document is or was late. */
  lateSteps: number;
  /** Sum of the days late over the steps. */
  totalDaysLate: number;
  /** Every required step has its document (and the resolution is passed when given). */
  complete: boolean;
  /** Vietnamese notes on dates that contradict the order of the chain. */
  warnings: string[];
};

export function chainSummary(x: {
  submission: ChainDocument;
  verificationReport: ChainDocument | null;
  responseReport: ChainDocument | null;
  /** Whether a response report is required (summarizeVerification(points).needsResponse). */
  responseRequired: boolean;
  resolution?: { number: string | null; date: string | null } | null;
  today: string;
  calendar: WorkingCalendar;
  dueSoonWorkingDays: number;
}): ChainSummary {
  for (const d of [x.submission, x.verificationReport, x.responseReport, x.resolution ?? null]) {
    if (d === null) continue;
    for (const v of [d.date, 'due' in d ? d.due : null]) {
      if (v !== null && v !== undefined && !isIsoDate(v)) {
        throw new SessionRuleError('invalidDate', `Ngày không hợp lệ trong chuỗi tờ trình – thẩm tra – tiếp thu: "${String(v)}".`);
      }
    }
  }
  const steps: ChainStep[] = [];
  const docStep = (kind: ChainStepKind, d: ChainDocument | null, required: boolean): void => {
    const doc = d ?? { number: null, date: null, due: null };
    const base = { kind, label: CHAIN_STEP_LABELS[kind], number: doc.number, date: doc.date, due: doc.due, required };
    if (!required && doc.date === null) {
      steps.push({ ...base, timing: null, daysLate: null, status: 'Không cần (Ban không đề nghị giải trình)', daysAfterPrevious: null });
      return;
    }
    const t = documentTiming({
      due: doc.due,
      receivedOn: doc.date,
      lastRevisedOn: doc.lastRevisedOn ?? null,
      today: x.today,
      dueSoonWorkingDays: x.dueSoonWorkingDays,
      calendar: x.calendar,
    });
    const status = doc.date !== null && t.timing !== 'receivedLate' && t.timing !== 'revisedAfterDeadline' ? `${t.label}, ngày ${formatShortDate(doc.date)}` : t.label;
    steps.push({ ...base, timing: t.timing, daysLate: t.daysLate, status, daysAfterPrevious: null });
  };
  docStep('submission', x.submission, true);
  docStep('verificationReport', x.verificationReport, true);
  docStep('responseReport', x.responseReport, x.responseRequired);
  if (x.resolution !== undefined && x.resolution !== null) {
    const r = x.resolution;
    steps.push({
      kind: 'resolution',
      label: CHAIN_STEP_LABELS.resolution,
      number: r.number,
      date: r.date,
      due: null,
      required: true,
      timing: null,
      daysLate: null,
      status: r.date === null ? 'Chưa thông qua' : `Thông qua ngày ${formatShortDate(r.date)}`,
      daysAfterPrevious: null,
    });
  }
  const warnings: string[] = [];
  let previous: ChainStep | null = null;
  for (const s of steps) {
    if (s.date === null) continue;
    if (previous !== null) {
      s.daysAfterPrevious = daysBetween(previous.date!, s.date);
      if (s.daysAfterPrevious < 0) {
        warnings.push(`${s.label} ghi ngày ${formatShortDate(s.date)}, trước ${previous.label.toLowerCase()} (${formatShortDate(previous.date!)}).`);
      }
    }
    previous = s;
  }
  const late = steps.filter((s) => s.timing === 'late' || s.timing === 'receivedLate');
  return {
    steps,
    lateSteps: late.length,
    totalDaysLate: late.reduce((n, s) => n + s.daysLate!, 0),
    complete: steps.every((s) => !s.required || s.date !== null),
    warnings,
  };
}
