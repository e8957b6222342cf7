/**
 * What the oversight module needs on top of the recommendation states (recommendations.ts): the
 * due date on the working-day calendar, one status per recommendation for lists and dashboards,
 * and which escalation step (src/domain/followup/escalation.ts) the supervising body may take.
 * Pure, no I/O; overdue stays computed (recommendationView).
 */
import { daysBetween, isIsoDate } from '../calendar/index.ts';
import type { WorkingCalendar } from '../calendar/index.ts';
import { formatShortDate } from '../documents/format.ts';
import { ESCALATION_STEP_LABELS, nextEscalation } from '../followup/index.ts';
import type { EscalationStep, EscalationStepKind, EscalationTaken } from '../followup/index.ts';
import { OversightRuleError } from './errors.ts';
import type { RecommendationRecord, RecommendationState } from './recommendations.ts';

/**
 * The due date of a recommendation issued on `issuedOn`: either a number of working days after
 * it, or a date typed by the supervising body, which must be a working day (the next one is
 * suggested) and not before the issue date.
 */
export function recommendationDueDate(issuedOn: string, input: { due?: string | null; workingDays?: number | null }, calendar: WorkingCalendar): string {
  if (!isIsoDate(issuedOn)) throw new OversightRuleError('invalidDate', `Ngày ban hành kiến nghị không hợp lệ: "${String(issuedOn)}".`);
  const n = input.workingDays;
  if (n !== undefined && n !== null) {
    if (!Number.isInteger(n) || n < 1 || n > 730) throw new OversightRuleError('invalidWorkingDays', 'Số ngày làm việc để thực hiện kiến nghị phải là số nguyên từ 1 đến 730.');
    return calendar.addWorkingDays(issuedOn, n);
  }
  const due = input.due;
  if (!isIsoDate(due)) throw new OversightRuleError('dueRequired', 'Cần nhập thời hạn thực hiện kiến nghị (một ngày, hoặc số ngày làm việc kể từ ngày ban hành).');
  if (due < issuedOn) throw new OversightRuleError('dueBeforeIssue', `Thời hạn thực hiện kiến nghị (${formatShortDate(due)}) không được trước ngày ban hành (${formatShortDate(issuedOn)}).`);
  if (!calendar.isWorkingDay(due)) {
    throw new OversightRuleError(
      'dueOnDayOff',
      `Thời hạn ${formatShortDate(due)} rơi vào ngày nghỉ (${calendar.dayOffReason(due) ?? 'ngày nghỉ'}): đề nghị chọn ngày làm việc, ví dụ ${formatShortDate(calendar.nextWorkingDay(due))}.`,
    );
  }
  return due;
}

/** One status per recommendation for lists, filters and dashboards (overdue is a separate, computed flag). */
export type RecommendationStatus = 'awaiting_answer' | 'not_accepted' | 'in_progress' | 'awaiting_verification' | 'closed_done' | 'closed_partly' | 'closed_not_done';

export const RECOMMENDATION_STATUSES: readonly RecommendationStatus[] = [
  'awaiting_answer',
  'not_accepted',
  'in_progress',
  'awaiting_verification',
  'closed_done',
  'closed_partly',
  'closed_not_done',
];

export const RECOMMENDATION_STATUS_LABELS: Readonly<Record<RecommendationStatus, string>> = {
  awaiting_answer: 'Chờ cơ quan trả lời',
  not_accepted: 'Không tiếp thu',
  in_progress: 'Đang thực hiện',
  awaiting_verification: 'Đã báo cáo, chờ xác minh',
  closed_done: 'Hoàn thành (đã xác minh)',
  closed_partly: 'Hoàn thành một phần (đã xác minh)',
  closed_not_done: 'Chưa thực hiện (đã xác minh)',
};

/** The states each status gathers (the list filter uses the same table as the dashboard). */
export const STATUS_STATES: Readonly<Record<RecommendationStatus, readonly RecommendationState[]>> = {
  awaiting_answer: ['issued', 'reopened'],
  not_accepted: ['not_accepted'],
  in_progress: ['accepted', 'partly_accepted', 'in_progress'],
  awaiting_verification: ['reported_done'],
  closed_done: ['assessed_done'],
  closed_partly: ['assessed_partly'],
  closed_not_done: ['assessed_not_done'],
};

export function recommendationStatus(state: RecommendationState): RecommendationStatus {
  for (const s of RECOMMENDATION_STATUSES) if (STATUS_STATES[s].includes(state)) return s;
  throw new OversightRuleError('unknownState', `Trạng thái kiến nghị không hợp lệ: "${String(state)}".`);
}

export type EscalationChoice = {
  /** Whether the supervising body may take a step today. */
  open: boolean;
  /** Vietnamese: why no step can be taken, when `open` is false. */
  reason: string | null;
  /** The ladder's next step (null when the ladder is exhausted). */
  next: { index: number; kind: EscalationStepKind; label: string; from: string; ready: boolean } | null;
  /** The steps that may be taken now: the next one and any later one (skipping counts as taken). */
  choices: { index: number; kind: EscalationStepKind; label: string }[];
};

/**
 * Which escalation steps the supervising body may take on a recommendation today. A step needs
 * the item still owed and late: past its due date, not accepted by the agency, or verified as
 * not carried out. A recommendation the agency reports done waits for verification first; one
 * verified as (partly) done is over.
 */
export function escalationChoice(r: Pick<RecommendationRecord, 'state' | 'due'>, ladder: readonly EscalationStep[], taken: readonly EscalationTaken[], today: string): EscalationChoice {
  const closed = (reason: string): EscalationChoice => ({ open: false, reason, next: null, choices: [] });
  if (r.state === 'assessed_done' || r.state === 'assessed_partly') return closed('Kiến nghị đã được xác minh là thực hiện (toàn bộ hoặc một phần): không cần xử lý tiếp.');
  if (r.state === 'reported_done') return closed('Cơ quan đã báo cáo thực hiện: cần xác minh kết quả trước khi xử lý tiếp.');
  const late = r.state === 'not_accepted' || r.state === 'assessed_not_done' || daysBetween(r.due, today) > 0;
  const n = nextEscalation(ladder, taken, r.due, today);
  const next = n === null ? null : { index: n.index, kind: n.step.kind, label: ESCALATION_STEP_LABELS[n.step.kind], from: n.from, ready: n.ready };
  if (!late) return { open: false, reason: `Kiến nghị chưa quá hạn (hạn ${formatShortDate(r.due)}): chưa xử lý tiếp.`, next, choices: [] };
  if (n === null) return { open: false, reason: 'Đã thực hiện hết các bước xử lý tiếp theo quy định.', next: null, choices: [] };
  const choices = ladder.slice(n.index).map((s, i) => ({ index: n.index + i, kind: s.kind, label: ESCALATION_STEP_LABELS[s.kind] }));
  return { open: true, reason: null, next, choices };
}

/** Validates one step the supervising body takes; returns its index in the ladder. */
export function checkEscalation(
  r: Pick<RecommendationRecord, 'state' | 'due'>,
  ladder: readonly EscalationStep[],
  taken: readonly EscalationTaken[],
  kind: EscalationStepKind,
  today: string,
): number {
  const c = escalationChoice(r, ladder, taken, today);
  if (!c.open) throw new OversightRuleError('escalationClosed', c.reason!);
  const choice = c.choices.find((s) => s.kind === kind);
  if (choice === undefined) {
    const label = Object.hasOwn(ESCALATION_STEP_LABELS, kind) ? ESCALATION_STEP_LABELS[kind] : String(kind);
    throw new OversightRuleError('escalationNotAllowed', `Không thể thực hiện bước "${label}" lúc này: bước tiếp theo là "${c.next!.label}".`);
  }
  return choice.index;
}

/** Validates a council's ladder (profile): at least one step, known kinds, waits 0–366 days. */
export function validateLadder(input: unknown): { path: string; message: string }[] {
  if (!Array.isArray(input) || input.length === 0) return [{ path: '', message: 'Cần ít nhất một bước xử lý tiếp.' }];
  const errors: { path: string; message: string }[] = [];
  input.forEach((s: unknown, i) => {
    const v = (typeof s === 'object' && s !== null ? s : {}) as Record<string, unknown>;
    if (typeof v['kind'] !== 'string' || !Object.hasOwn(ESCALATION_STEP_LABELS, v['kind'])) errors.push({ path: `${i}.kind`, message: `Bước ${i + 1}: loại bước không hợp lệ.` });
    const w = v['waitDays'];
    if (typeof w !== 'number' || !Number.isInteger(w) || w < 0 || w > 366) errors.push({ path: `${i}.waitDays`, message: `Bước ${i + 1}: số ngày chờ phải là số nguyên từ 0 đến 366.` });
  });
  return errors;
}
