/**
 * Interpellation (chất vấn) and commitments, pure rules (sessions.md "Interpellation"): the states
 * of a question slip and of a commitment, the due date of a written answer and the date of the
 * commitments report before the next session, both from the council's session profile (rule sets
 * with validity dates; the shipped values are the legacy defaults of Luật 87/2015, UNVERIFIED for
 * 2026), and the check of a slip's citations. No I/O.
 */
import { explainCoveredDeadline, isIsoDate, type DeadlineComputation, type KnownYears, type WorkingCalendar } from '../calendar/index.ts';
import { formatShortDate } from '../documents/format.ts';
import { SessionRuleError } from './errors.ts';
import type { SessionRuleSet } from './profile.ts';

// Question slips ---------------------------------------------------------------------------------

/** submitted → grouped | notSelected | writtenDue; grouped → answered | writtenDue; writtenDue → answered. */
export type SlipState = 'submitted' | 'grouped' | 'notSelected' | 'writtenDue' | 'answered';
export type SlipAction = 'group' | 'ungroup' | 'notSelect' | 'requireWritten' | 'answer';

export const SLIP_STATE_LABELS: Readonly<Record<SlipState, string>> = {
  submitted: 'Đã gửi Thường trực',
  grouped: 'Đã xếp vào nhóm vấn đề',
  notSelected: 'Không đưa ra chất vấn tại kỳ họp',
  writtenDue: 'Chờ trả lời bằng văn bản',
  answered: 'Đã được trả lời',
};

const SLIP_NEXT: Record<SlipState, Partial<Record<SlipAction, SlipState>>> = {
  submitted: { group: 'grouped', notSelect: 'notSelected', requireWritten: 'writtenDue' },
  grouped: { group: 'grouped', ungroup: 'submitted', requireWritten: 'writtenDue', answer: 'answered' },
  notSelected: { group: 'grouped', requireWritten: 'writtenDue' },
  writtenDue: { answer: 'answered' },
  answered: {},
};

const SLIP_ACTION_LABELS: Readonly<Record<SlipAction, string>> = {
  group: 'xếp vào nhóm vấn đề',
  ungroup: 'bỏ khỏi nhóm vấn đề',
  notSelect: 'không đưa ra chất vấn',
  requireWritten: 'chuyển trả lời bằng văn bản',
  answer: 'ghi nhận câu trả lời',
};

export function isSlipState(s: string): s is SlipState {
  return Object.hasOwn(SLIP_STATE_LABELS, s);
}

/** The next state of a slip, or a Vietnamese refusal. */
export function slipTransition(state: string, action: SlipAction): SlipState {
  const next = isSlipState(state) ? SLIP_NEXT[state][action] : undefined;
  if (!next) {
    const label = isSlipState(state) ? SLIP_STATE_LABELS[state].toLowerCase() : state;
    throw new SessionRuleError('slipTransition', `Phiếu chất vấn đang ở trạng thái "${label}": không thể ${SLIP_ACTION_LABELS[action]}.`);
  }
  return next;
}

/** Visible to every delegate of the council (not only its author) once the standing committee took it up or it was answered. */
export function slipIsPublished(state: string): boolean {
  return state === 'grouped' || state === 'writtenDue' || state === 'answered';
}

export type CitationKind = 'petition' | 'supervision' | 'question' | 'commitment';
export type Citation = { kind: CitationKind; id: string; label: string };

export const CITATION_KIND_LABELS: Readonly<Record<CitationKind, string>> = {
  petition: 'Kiến nghị cử tri',
  supervision: 'Kết quả giám sát',
  question: 'Câu hỏi chất vấn trước',
  commitment: 'Lời hứa của người trả lời chất vấn',
};

export const MAX_CITATIONS = 20;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The citations of a slip, checked and normalised: petitions, earlier questions and commitments
 * are linked by their uuid; a supervision finding is a free reference for now (its id is the
 * report's number or any text up to 100 characters) until the oversight module links it.
 * Duplicates (same kind and id) are kept once.
 */
export function checkCitations(input: readonly { kind: string; id: string; label?: string | null }[]): Citation[] {
  if (input.length > MAX_CITATIONS) throw new SessionRuleError('tooManyCitations', `Một phiếu chất vấn dẫn chứng tối đa ${MAX_CITATIONS} nội dung.`);
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const [i, c] of input.entries()) {
    const n = i + 1;
    if (!Object.hasOwn(CITATION_KIND_LABELS, c.kind)) throw new SessionRuleError('citationKind', `Dẫn chứng thứ ${n}: loại "${c.kind}" không hợp lệ.`);
    const kind = c.kind as CitationKind;
    const id = String(c.id ?? '').normalize('NFC').trim();
    if (kind === 'supervision' ? id.length === 0 || id.length > 100 : !UUID_RE.test(id)) {
      throw new SessionRuleError('citationId', `Dẫn chứng thứ ${n} (${CITATION_KIND_LABELS[kind].toLowerCase()}): ${kind === 'supervision' ? 'cần số hoặc tên báo cáo giám sát (tối đa 100 ký tự)' : 'mã không hợp lệ'}.`);
    }
    const label = String(c.label ?? '').normalize('NFC').trim().slice(0, 300) || (kind === 'supervision' ? id : CITATION_KIND_LABELS[kind]);
    const key = `${kind}:${id.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind, id, label });
  }
  return out;
}

// Commitments ------------------------------------------------------------------------------------

/** open → inProgress (progress reported) → reportedDone (agency says done) → closed (verified) | back to inProgress. */
export type CommitmentState = 'open' | 'inProgress' | 'reportedDone' | 'closed';
export type CommitmentAction = 'reportProgress' | 'reportDone' | 'close' | 'reopen';

export const COMMITMENT_STATE_LABELS: Readonly<Record<CommitmentState, string>> = {
  open: 'Chưa báo cáo',
  inProgress: 'Đang thực hiện',
  reportedDone: 'Cơ quan báo cáo đã hoàn thành',
  closed: 'Đã hoàn thành (Thường trực xác nhận)',
};

const COMMITMENT_NEXT: Record<CommitmentState, Partial<Record<CommitmentAction, CommitmentState>>> = {
  open: { reportProgress: 'inProgress', reportDone: 'reportedDone', close: 'closed' },
  inProgress: { reportProgress: 'inProgress', reportDone: 'reportedDone', close: 'closed' },
  reportedDone: { reportProgress: 'inProgress', reportDone: 'reportedDone', close: 'closed', reopen: 'inProgress' },
  closed: {},
};

const COMMITMENT_ACTION_LABELS: Readonly<Record<CommitmentAction, string>> = {
  reportProgress: 'báo cáo tiến độ',
  reportDone: 'báo cáo hoàn thành',
  close: 'xác nhận hoàn thành và đóng',
  reopen: 'yêu cầu tiếp tục thực hiện',
};

export function isCommitmentState(s: string): s is CommitmentState {
  return Object.hasOwn(COMMITMENT_STATE_LABELS, s);
}

export function commitmentTransition(state: string, action: CommitmentAction): CommitmentState {
  const next = isCommitmentState(state) ? COMMITMENT_NEXT[state][action] : undefined;
  if (!next) {
    const label = isCommitmentState(state) ? COMMITMENT_STATE_LABELS[state].toLowerCase() : state;
    throw new SessionRuleError('commitmentTransition', `Lời hứa đang ở trạng thái "${label}": không thể ${COMMITMENT_ACTION_LABELS[action]}.`);
  }
  return next;
}

// Due dates from the profile ---------------------------------------------------------------------

export const LEGACY_QUESTION_SOURCE = 'Luật Tổ chức chính quyền địa phương 2015, Điều 60 (hết hiệu lực 01/03/2026): mặc định kế thừa, chưa kiểm chứng với Luật 121/2025/QH15 và Nghị quyết 114/2025';

/** A value of the profile with where it comes from: `unverified` while it is the shipped legacy default. */
export type ProfileValue = { days: number; unverified: boolean; source: string; ruleSet: string; validFrom: string; validTo: string | null };

function valueOf(set: SessionRuleSet, path: 'writtenAnswerDays' | 'commitmentReportDaysBefore'): ProfileValue {
  const unverified = set.defaults.includes(path);
  return {
    days: set.profile[path],
    unverified,
    source: unverified ? LEGACY_QUESTION_SOURCE : `${set.legalBasis} (giá trị Hội đồng nhân dân đã sửa)`,
    ruleSet: set.key,
    validFrom: set.validFrom,
    validTo: set.validTo,
  };
}

export const writtenAnswerDays = (set: SessionRuleSet) => valueOf(set, 'writtenAnswerDays');
export const commitmentReportDaysBefore = (set: SessionRuleSet) => valueOf(set, 'commitmentReportDaysBefore');

function covered(anchor: string, rule: { value: number; direction: 'before' | 'after' }, label: string, calendar: WorkingCalendar, known: KnownYears): DeadlineComputation {
  if (!isIsoDate(anchor)) throw new SessionRuleError('invalidDate', `Ngày không hợp lệ: "${String(anchor)}" (cần dạng YYYY-MM-DD).`);
  return explainCoveredDeadline(anchor, { value: rule.value, unit: 'days', anchor: label, direction: rule.direction }, calendar, known, {
    yearMissing: (year) => new SessionRuleError('calendarYearMissing', `Chưa có lịch ngày nghỉ năm ${year}: không tính được ${label} từ ngày ${formatShortDate(anchor)}. Đề nghị cập nhật lịch ngày nghỉ năm ${year} trước.`),
    invalidRule: (message) => new SessionRuleError('invalidRule', `Không tính được ${label}: ${message}`),
  });
}

/**
 * The due date of a written answer: `writtenAnswerDays` calendar days after the day the standing
 * committee asked for it (legacy default 20), moved to the next working day off a day off.
 */
export function writtenAnswerDue(requestedOn: string, set: SessionRuleSet, calendar: WorkingCalendar, known: KnownYears) {
  const v = writtenAnswerDays(set);
  return { ...covered(requestedOn, { value: v.days, direction: 'after' }, 'hạn trả lời chất vấn bằng văn bản', calendar, known), profile: v };
}

/**
 * The day the respondents' report on their commitments is due before the next session:
 * `commitmentReportDaysBefore` days before its opening (legacy default 10), moved earlier off a day off.
 */
export function commitmentReportDate(nextOpening: string, set: SessionRuleSet, calendar: WorkingCalendar, known: KnownYears) {
  const v = commitmentReportDaysBefore(set);
  return { ...covered(nextOpening, { value: v.days, direction: 'before' }, 'hạn báo cáo thực hiện lời hứa trước kỳ họp', calendar, known), profile: v };
}

/**
 * Whether a commitment belongs on the list for the next session's report: made before that
 * session and due before it opens (due on or before the opening's eve), whatever its state; the
 * list marks the ones not yet closed, which can be questioned again.
 */
export function dueBeforeSession(c: { dueOn: string; madeOn: string }, nextOpening: string): boolean {
  return c.madeOn < nextOpening && c.dueOn < nextOpening;
}
