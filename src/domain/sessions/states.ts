/**
 * States of sessions and submissions (sessions.md "States"), their Vietnamese labels, and the
 * numbering of regular sessions within a term.
 */
import { SessionRuleError } from './errors.ts';

export type SessionState = 'planned' | 'convened' | 'inProgress' | 'closed' | 'postponed';
export type SessionAction = 'convene' | 'open' | 'close' | 'postpone' | 'reschedule';
export type SessionKind = 'regular' | 'thematic' | 'urgent';

export type SubmissionState =
  | 'planned'
  | 'received'
  | 'assigned'
  | 'verified'
  | 'responded'
  | 'onAgenda'
  | 'passed'
  | 'failed'
  | 'withdrawn'
  | 'deferred';
export type SubmissionAction = 'receive' | 'assign' | 'verify' | 'respond' | 'putOnAgenda' | 'pass' | 'fail' | 'withdraw' | 'defer';
export type SubmissionKind = 'proposal' | 'report' | 'project';
export type VerificationConclusion = 'agree' | 'agreeWithChanges' | 'pointsToExplain' | 'disagree';

export const SESSION_STATE_LABELS: Readonly<Record<SessionState, string>> = {
  planned: 'Dự kiến',
  convened: 'Đã triệu tập',
  inProgress: 'Đang họp',
  closed: 'Đã bế mạc',
  postponed: 'Tạm hoãn',
};

export const SESSION_ACTION_LABELS: Readonly<Record<SessionAction, string>> = {
  convene: 'triệu tập',
  open: 'khai mạc',
  close: 'bế mạc',
  postpone: 'hoãn',
  reschedule: 'xếp lại lịch',
};

export const SUBMISSION_STATE_LABELS: Readonly<Record<SubmissionState, string>> = {
  planned: 'Dự kiến',
  received: 'Đã nhận',
  assigned: 'Đã phân công thẩm tra',
  verified: 'Đã thẩm tra',
  responded: 'Đã tiếp thu, giải trình',
  onAgenda: 'Đã đưa vào chương trình kỳ họp',
  passed: 'Đã thông qua',
  failed: 'Không được thông qua',
  withdrawn: 'Đã rút',
  deferred: 'Chuyển sang kỳ họp sau',
};

export const SUBMISSION_ACTION_LABELS: Readonly<Record<SubmissionAction, string>> = {
  receive: 'tiếp nhận',
  assign: 'phân công thẩm tra',
  verify: 'ghi nhận báo cáo thẩm tra',
  respond: 'ghi nhận báo cáo tiếp thu, giải trình',
  putOnAgenda: 'đưa vào chương trình kỳ họp',
  pass: 'ghi nhận thông qua',
  fail: 'ghi nhận không thông qua',
  withdraw: 'rút',
  defer: 'chuyển sang kỳ họp sau',
};

export const SESSION_KIND_LABELS: Readonly<Record<SessionKind, string>> = {
  regular: 'Kỳ họp thường lệ',
  thematic: 'Kỳ họp chuyên đề',
  urgent: 'Kỳ họp bất thường',
};

export const SUBMISSION_KIND_LABELS: Readonly<Record<SubmissionKind, string>> = {
  proposal: 'Tờ trình',
  report: 'Báo cáo',
  project: 'Đề án',
};

export const VERIFICATION_CONCLUSION_LABELS: Readonly<Record<VerificationConclusion, string>> = {
  agree: 'Đồng ý',
  agreeWithChanges: 'Đồng ý, đề nghị chỉnh sửa',
  pointsToExplain: 'Đề nghị giải trình, làm rõ',
  disagree: 'Không đồng ý',
};

const SESSION_MOVES: Readonly<Record<SessionState, Partial<Record<SessionAction, SessionState>>>> = {
  planned: { convene: 'convened', postpone: 'postponed' },
  convened: { open: 'inProgress', postpone: 'postponed' },
  inProgress: { close: 'closed' },
  closed: {},
  // A postponed session gets a new date and goes back to planned: it must be convened again.
  postponed: { reschedule: 'planned' },
};

const OPEN_SUBMISSION: readonly SubmissionState[] = ['planned', 'received', 'assigned', 'verified', 'responded', 'onAgenda'];

const SUBMISSION_MOVES: Readonly<Record<SubmissionState, Partial<Record<SubmissionAction, SubmissionState>>>> = {
  planned: { receive: 'received' },
  received: { assign: 'assigned' },
  // Reassigning to another committee keeps the state.
  assigned: { assign: 'assigned', verify: 'verified' },
  // A verification report that asks nothing of the drafter lets the item go on the agenda directly.
  verified: { respond: 'responded', putOnAgenda: 'onAgenda' },
  responded: { putOnAgenda: 'onAgenda' },
  onAgenda: { pass: 'passed', fail: 'failed' },
  passed: {},
  failed: {},
  withdrawn: {},
  deferred: {},
};
for (const s of OPEN_SUBMISSION) {
  SUBMISSION_MOVES[s].withdraw = 'withdrawn';
  SUBMISSION_MOVES[s].defer = 'deferred';
}

/** `table[key]` when `key` is the table's own property (never a prototype member such as "toString"). */
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function actionError(what: string, actionLabel: string | undefined, action: string, stateLabel: string | undefined, from: string): SessionRuleError {
  if (stateLabel === undefined) return new SessionRuleError('unknownState', `Trạng thái ${what} không hợp lệ: "${from}".`);
  if (actionLabel === undefined) return new SessionRuleError('unknownAction', `Thao tác không hợp lệ với ${what}: "${action}".`);
  return new SessionRuleError('invalidTransition', `Không thể ${actionLabel} ${what} đang ở trạng thái "${stateLabel}".`);
}

/** The state after `action`; throws SessionRuleError (Vietnamese) when the action is not allowed. */
export function sessionTransition(from: SessionState, action: SessionAction): SessionState {
  const moves = own(SESSION_MOVES, from);
  const to = moves && own(moves as Record<string, SessionState>, action);
  if (to === undefined) throw actionError('kỳ họp', own(SESSION_ACTION_LABELS, action), action, own(SESSION_STATE_LABELS, from), from);
  return to;
}

/** The actions allowed from a session state (for the buttons a page shows). */
export function sessionActions(from: SessionState): SessionAction[] {
  return Object.keys(own(SESSION_MOVES, from) ?? {}) as SessionAction[];
}

/** The state after `action`; throws SessionRuleError (Vietnamese) when the action is not allowed. */
export function submissionTransition(from: SubmissionState, action: string): SubmissionState {
  const moves = own(SUBMISSION_MOVES, from);
  const to = moves && own(moves as Record<string, SubmissionState>, action);
  if (to === undefined) {
    throw actionError('tờ trình, báo cáo', own(SUBMISSION_ACTION_LABELS, action), action, own(SUBMISSION_STATE_LABELS, from), from);
  }
  return to;
}

/** The actions allowed from a submission state. */
export function submissionActions(from: SubmissionState): SubmissionAction[] {
  return Object.keys(own(SUBMISSION_MOVES, from) ?? {}) as SubmissionAction[];
}

/**
 * The number of the next regular session of a term ("Kỳ họp thứ N"): one more than the highest
 * number a regular session of the term already has, 1 for the first. Pass the term's sessions.
 */
export function nextRegularNumber(existing: { kind: string; number: number | null }[]): number {
  let max = 0;
  for (const s of existing) if (s.kind === 'regular' && s.number !== null && s.number > max) max = s.number;
  return max + 1;
}
