/**
 * Follow-up of recommendations after supervision (supervision.md "Recommendations"): the agency
 * answers whether it accepts (fully, partly, not, with reasons), files progress reports and
 * reports it done; only the supervising body assesses after verifying (done, partly done, not
 * done) and may reopen with a new due date. Extensions need a reason and an approver and keep
 * the original due date. Overdue, answered-but-unverified and not-accepted are computed from the
 * record (recommendationView), never stored flags.
 *
 * The module stores the events; `replayRecommendation` rebuilds the record, refusing any event
 * that is not allowed in the state it meets.
 */
import { isIsoDate } from '../calendar/index.ts';
import type { WorkingCalendar } from '../calendar/index.ts';
import { formatShortDate } from '../documents/format.ts';
import { obligationView } from '../followup/index.ts';
import type { FollowUpSettings, Obligation, ObligationView, SentReminder } from '../followup/index.ts';
import { OversightRuleError } from './errors.ts';

export type RecommendationState =
  | 'issued'
  | 'accepted'
  | 'partly_accepted'
  | 'not_accepted'
  | 'in_progress'
  | 'reported_done'
  | 'assessed_done'
  | 'assessed_partly'
  | 'assessed_not_done'
  | 'reopened';

export const RECOMMENDATION_STATES: readonly RecommendationState[] = [
  'issued',
  'accepted',
  'partly_accepted',
  'not_accepted',
  'in_progress',
  'reported_done',
  'assessed_done',
  'assessed_partly',
  'assessed_not_done',
  'reopened',
];

export const RECOMMENDATION_STATE_LABELS: Readonly<Record<RecommendationState, string>> = {
  issued: 'Đã gửi kiến nghị, chờ cơ quan trả lời',
  accepted: 'Tiếp thu toàn bộ',
  partly_accepted: 'Tiếp thu một phần',
  not_accepted: 'Không tiếp thu',
  in_progress: 'Đang thực hiện',
  reported_done: 'Cơ quan báo cáo đã thực hiện, chờ xác minh',
  assessed_done: 'Đã xác minh: hoàn thành',
  assessed_partly: 'Đã xác minh: hoàn thành một phần',
  assessed_not_done: 'Đã xác minh: chưa thực hiện',
  reopened: 'Mở lại theo dõi',
};

/** States in which the supervising body has closed the recommendation (until it reopens it). */
export const CLOSED_STATES: ReadonlySet<RecommendationState> = new Set<RecommendationState>(['assessed_done', 'assessed_partly', 'assessed_not_done']);

/** What each assessment of the supervising body means (shown beside it). */
export const ASSESSMENT_MEANINGS: Readonly<Record<'assessed_done' | 'assessed_partly' | 'assessed_not_done', string>> = {
  assessed_done: 'Cơ quan giám sát đã xác minh kiến nghị được thực hiện đầy đủ; kết thúc theo dõi và công khai kết quả.',
  assessed_partly:
    'Cơ quan giám sát đã xác minh kiến nghị mới được thực hiện một phần; kết thúc theo dõi với kết quả một phần, có thể mở lại với hạn mới để tiếp tục.',
  assessed_not_done:
    'Cơ quan giám sát đã xác minh kiến nghị không được thực hiện; kết thúc theo dõi với kết quả chưa thực hiện, xử lý tiếp theo các bước: yêu cầu giải trình, phiên giải trình, chất vấn, tái giám sát.',
};

export type RecommendationAction =
  | 'accept'
  | 'accept_partly'
  | 'reject'
  | 'report_progress'
  | 'report_done'
  | 'extend_due'
  | 'assess_done'
  | 'assess_partly'
  | 'assess_not_done'
  | 'reopen';

export const RECOMMENDATION_ACTION_LABELS: Readonly<Record<RecommendationAction, string>> = {
  accept: 'Tiếp thu toàn bộ',
  accept_partly: 'Tiếp thu một phần',
  reject: 'Không tiếp thu',
  report_progress: 'Báo cáo tiến độ',
  report_done: 'Báo cáo đã thực hiện',
  extend_due: 'Gia hạn',
  assess_done: 'Xác minh: hoàn thành',
  assess_partly: 'Xác minh: hoàn thành một phần',
  assess_not_done: 'Xác minh: chưa thực hiện',
  reopen: 'Mở lại',
};

/** Who may take an action: the agency the recommendation is addressed to, or the supervising body. */
export type RecommendationActor = 'agency' | 'supervisor';

export const RECOMMENDATION_ACTOR_LABELS: Readonly<Record<RecommendationActor, string>> = {
  agency: 'cơ quan được kiến nghị',
  supervisor: 'cơ quan giám sát',
};

const OPEN_FOR_WORK: readonly RecommendationState[] = ['accepted', 'partly_accepted', 'in_progress', 'reopened'];

/** Each action: who takes it, from which states, to which state, and what it needs. */
const ACTIONS: Readonly<
  Record<RecommendationAction, { actor: RecommendationActor; from: readonly RecommendationState[]; to: RecommendationState | 'same'; needs: readonly ('reason' | 'text' | 'due' | 'approvedBy')[] }>
> = {
  accept: { actor: 'agency', from: ['issued', 'reopened'], to: 'accepted', needs: [] },
  accept_partly: { actor: 'agency', from: ['issued', 'reopened'], to: 'partly_accepted', needs: ['reason'] },
  reject: { actor: 'agency', from: ['issued', 'reopened'], to: 'not_accepted', needs: ['reason'] },
  report_progress: { actor: 'agency', from: OPEN_FOR_WORK, to: 'in_progress', needs: ['text'] },
  report_done: { actor: 'agency', from: OPEN_FOR_WORK, to: 'reported_done', needs: ['text'] },
  extend_due: {
    actor: 'supervisor',
    from: ['issued', 'accepted', 'partly_accepted', 'not_accepted', 'in_progress', 'reopened'],
    to: 'same',
    needs: ['reason', 'due', 'approvedBy'],
  },
  assess_done: { actor: 'supervisor', from: ['reported_done', 'in_progress'], to: 'assessed_done', needs: ['text'] },
  assess_partly: { actor: 'supervisor', from: ['reported_done', 'in_progress', 'partly_accepted'], to: 'assessed_partly', needs: ['text'] },
  assess_not_done: {
    actor: 'supervisor',
    from: ['issued', 'accepted', 'partly_accepted', 'not_accepted', 'in_progress', 'reported_done', 'reopened'],
    to: 'assessed_not_done',
    needs: ['text'],
  },
  reopen: { actor: 'supervisor', from: ['assessed_partly', 'assessed_not_done', 'assessed_done', 'not_accepted', 'reported_done'], to: 'reopened', needs: ['reason', 'due'] },
};

export type RecommendationEvent = {
  action: RecommendationAction;
  actor: RecommendationActor;
  on: string;
  /** Reasons (partial or no acceptance, extension, reopening). */
  reason?: string;
  /** The report or assessment text. */
  text?: string;
  /** The new due date (extension, reopening). */
  due?: string;
  /** Who approved an extension. */
  approvedBy?: string;
  evidence?: readonly string[];
};

export type RecommendationRecord = {
  state: RecommendationState;
  issuedOn: string;
  originalDue: string;
  due: string;
  /** The latest 'report_done' still standing (cleared by a reopening). */
  answeredOn: string | null;
  /** The date of the assessment that closed it (cleared by a reopening). */
  closedOn: string | null;
  /** The agency's reasons when it accepted partly or not. */
  dispositionReason: string | null;
  progressReports: { on: string; text: string; evidence: readonly string[] }[];
  extensions: { on: string; from: string; to: string; reason: string; approvedBy: string }[];
  history: RecommendationEvent[];
};

function refuse(code: string, message: string): never {
  throw new OversightRuleError(code, message);
}

/** The actions `actor` may take in `state` (for the buttons the user sees). */
export function recommendationActions(state: RecommendationState, actor: RecommendationActor): RecommendationAction[] {
  return (Object.keys(ACTIONS) as RecommendationAction[]).filter((a) => ACTIONS[a].actor === actor && ACTIONS[a].from.includes(state));
}

export function issueRecommendation(issuedOn: string, due: string): RecommendationRecord {
  if (!isIsoDate(issuedOn)) refuse('invalidDate', `Ngày ban hành kiến nghị không hợp lệ: "${String(issuedOn)}".`);
  if (!isIsoDate(due)) refuse('invalidDate', `Thời hạn thực hiện kiến nghị không hợp lệ: "${String(due)}".`);
  if (due < issuedOn) refuse('dueBeforeIssue', 'Thời hạn thực hiện kiến nghị không được trước ngày ban hành kiến nghị.');
  return { state: 'issued', issuedOn, originalDue: due, due, answeredOn: null, closedOn: null, dispositionReason: null, progressReports: [], extensions: [], history: [] };
}

/** Apply one event; throws an OversightRuleError (Vietnamese) when it is not allowed. The input is not changed. */
export function applyRecommendationEvent(r: RecommendationRecord, e: RecommendationEvent): RecommendationRecord {
  const def = Object.hasOwn(ACTIONS, e.action) ? ACTIONS[e.action] : undefined;
  if (def === undefined) refuse('unknownAction', `Thao tác không hợp lệ: "${String(e.action)}".`);
  const label = RECOMMENDATION_ACTION_LABELS[e.action];
  if (e.actor !== def.actor) {
    refuse(
      'wrongActor',
      def.actor === 'supervisor'
        ? `Chỉ ${RECOMMENDATION_ACTOR_LABELS.supervisor} được thực hiện thao tác "${label}".`
        : `Chỉ ${RECOMMENDATION_ACTOR_LABELS.agency} được thực hiện thao tác "${label}".`,
    );
  }
  if (!def.from.includes(r.state)) {
    refuse('notAllowed', `Kiến nghị đang ở trạng thái "${RECOMMENDATION_STATE_LABELS[r.state]}": không thể "${label}".`);
  }
  if (!isIsoDate(e.on)) refuse('invalidDate', `Ngày thực hiện "${label}" không hợp lệ: "${String(e.on)}".`);
  const last = r.history.length > 0 ? r.history[r.history.length - 1]!.on : r.issuedOn;
  if (e.on < last) refuse('beforePrevious', `Ngày thực hiện "${label}" (${formatShortDate(e.on)}) không được trước thao tác liền trước (${formatShortDate(last)}).`);
  const blank = (v: string | undefined): boolean => v === undefined || v.trim() === '';
  if (def.needs.includes('reason') && blank(e.reason)) refuse('reasonRequired', `"${label}": cần nêu lý do.`);
  if (def.needs.includes('text') && blank(e.text)) {
    refuse('textRequired', def.actor === 'agency' ? `"${label}": cần nội dung báo cáo.` : `"${label}": cần nêu kết quả xác minh.`);
  }
  if (def.needs.includes('approvedBy') && blank(e.approvedBy)) refuse('approverRequired', `"${label}": cần ghi người phê duyệt.`);
  if (def.needs.includes('due')) {
    if (!isIsoDate(e.due)) refuse('invalidDate', `"${label}": thời hạn mới không hợp lệ.`);
    if (e.action === 'extend_due' && e.due <= r.due) refuse('dueNotLater', `"${label}": thời hạn mới phải sau thời hạn hiện tại (${formatShortDate(r.due)}).`);
    if (e.due < e.on) refuse('dueInPast', `"${label}": thời hạn mới không được trước ngày ${formatShortDate(e.on)}.`);
  }
  const next: RecommendationRecord = {
    ...r,
    progressReports: [...r.progressReports],
    extensions: [...r.extensions],
    history: [...r.history, e],
    state: def.to === 'same' ? r.state : def.to,
  };
  switch (e.action) {
    case 'accept':
      next.dispositionReason = null;
      break;
    case 'accept_partly':
    case 'reject':
      next.dispositionReason = e.reason!.trim();
      break;
    case 'report_progress':
    case 'report_done':
      next.progressReports.push({ on: e.on, text: e.text!.trim(), evidence: e.evidence ?? [] });
      if (e.action === 'report_done') next.answeredOn = e.on;
      break;
    case 'extend_due':
      next.extensions.push({ on: e.on, from: r.due, to: e.due!, reason: e.reason!.trim(), approvedBy: e.approvedBy!.trim() });
      next.due = e.due!;
      break;
    case 'assess_done':
    case 'assess_partly':
    case 'assess_not_done':
      next.closedOn = e.on;
      break;
    case 'reopen':
      next.due = e.due!;
      next.answeredOn = null;
      next.closedOn = null;
      break;
  }
  return next;
}

/** Rebuild a recommendation from its events (the first refused event throws). */
export function replayRecommendation(issuedOn: string, due: string, events: readonly RecommendationEvent[]): RecommendationRecord {
  return events.reduce(applyRecommendationEvent, issueRecommendation(issuedOn, due));
}

/** The follow-up engine's view of a recommendation (the same for petitions, commitments, letters). */
export function recommendationObligation(id: string, agencyId: string, r: RecommendationRecord, reminders: readonly SentReminder[] = []): Obligation {
  return { kind: 'recommendation', id, agencyId, originalDue: r.originalDue, due: r.due, answeredOn: r.answeredOn, closedOn: r.closedOn, reminders };
}

export type RecommendationFlag = 'overdue' | 'awaiting_verification' | 'not_accepted' | 'extended';

export const RECOMMENDATION_FLAG_LABELS: Readonly<Record<RecommendationFlag, string>> = {
  overdue: 'Quá hạn',
  awaiting_verification: 'Đã báo cáo, chưa xác minh',
  not_accepted: 'Không tiếp thu',
  extended: 'Đã gia hạn',
};

/** Computed flags and the shared follow-up view of a recommendation on `today`. */
export function recommendationView(
  r: RecommendationRecord,
  today: string,
  calendar: WorkingCalendar,
  settings?: FollowUpSettings,
  reminders: readonly SentReminder[] = [],
): { flags: RecommendationFlag[]; followUp: ObligationView } {
  const followUp = obligationView(recommendationObligation('', '', r, reminders), today, calendar, settings);
  const flags: RecommendationFlag[] = [];
  if (followUp.overdue) flags.push('overdue');
  if (r.state === 'reported_done') flags.push('awaiting_verification');
  if (r.state === 'not_accepted') flags.push('not_accepted');
  if (followUp.extended) flags.push('extended');
  return { flags, followUp };
}
