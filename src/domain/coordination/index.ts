import { RuleError } from '../ruleError.ts';
/**
 * Coordination with the executive (phối hợp với UBND, /work/shared/domain/executive-and-training.md):
 * the incoming-documents register (sổ văn bản đến, NĐ 30/2020/NĐ-CP Điều 4 k2b–d and Phụ lục IV),
 * invitations to the executive's meetings, the periodic reports the executive owes the council,
 * and the reporting conference between levels (hội nghị trực báo). Pure rules; no I/O.
 * Overdue and lateness are computed from dates on the day asked, never stored.
 */
import { computeDeadline, computeDeadlineBefore, deadlineStatus, daysOverdue, setsInForce, type DeadlineStatus, type DeadlineUnit, type WorkingCalendar } from '../calendar/index.ts';

// Incoming documents ------------------------------------------------------------------------------

export const INCOMING_KINDS = ['program', 'plan', 'result', 'submission', 'answer', 'invitation', 'report', 'other'] as const;
export type IncomingKind = (typeof INCOMING_KINDS)[number];
export const INCOMING_KIND_LABELS: Readonly<Record<IncomingKind, string>> = {
  program: 'Chương trình',
  plan: 'Kế hoạch',
  result: 'Báo cáo kết quả',
  submission: 'Tờ trình, dự thảo trình kỳ họp',
  answer: 'Văn bản trả lời kiến nghị',
  invitation: 'Giấy mời',
  report: 'Báo cáo định kỳ',
  other: 'Văn bản khác',
};

/** The four urgency values of Vietnamese offices (NĐ 30 Điều 4 k2d: the urgent ones are handled at once). */
export const URGENCIES = ['normal', 'urgent', 'very_urgent', 'flash'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_LABELS: Readonly<Record<Urgency, string>> = { normal: 'Thường', urgent: 'Khẩn', very_urgent: 'Thượng khẩn', flash: 'Hỏa tốc' };

/** received → registered → assigned → in progress → replied | filed (registration is the arrival here). */
export const INCOMING_STATES = ['registered', 'assigned', 'in_progress', 'replied', 'filed'] as const;
export type IncomingState = (typeof INCOMING_STATES)[number];
export const INCOMING_STATE_LABELS: Readonly<Record<IncomingState, string>> = {
  registered: 'Đã vào sổ, chờ phân công',
  assigned: 'Đã giao người xử lý',
  in_progress: 'Đang xử lý',
  replied: 'Đã trả lời',
  filed: 'Đã lưu hồ sơ',
};
export type IncomingAction = 'assign' | 'start' | 'reply' | 'file';
const INCOMING_NEXT: Record<IncomingState, Partial<Record<IncomingAction, IncomingState>>> = {
  registered: { assign: 'assigned', file: 'filed' },
  assigned: { assign: 'assigned', start: 'in_progress', reply: 'replied', file: 'filed' },
  in_progress: { assign: 'in_progress', reply: 'replied', file: 'filed' },
  replied: {},
  filed: {},
};

export class CoordinationRuleError extends RuleError {
  constructor(message: string, code: string) {
    super(code, message);
  }
}

export function incomingTransition(state: IncomingState, action: IncomingAction): IncomingState {
  const next = INCOMING_NEXT[state][action];
  if (!next) throw new CoordinationRuleError(`Văn bản đang ở trạng thái "${INCOMING_STATE_LABELS[state]}": không thể thực hiện thao tác này.`, 'incoming_state');
  return next;
}

export const isOpenIncoming = (s: IncomingState) => s !== 'replied' && s !== 'filed';

/**
 * The handling deadline: a date given, or N working days after the day it was assigned
 * (Bộ luật Dân sự Điều 147: the day of the event is not counted), on the working-day calendar.
 */
export function handlingDue(assignedOn: string, input: { due?: string | null; workingDays?: number | null }, calendar: WorkingCalendar): string | null {
  if (input.due) {
    if (input.due < assignedOn) throw new CoordinationRuleError('Hạn xử lý không được trước ngày giao.', 'due_before_assigned');
    return input.due;
  }
  if (input.workingDays != null) return computeDeadline(assignedOn, { value: input.workingDays, unit: 'working_days', anchor: 'assigned' }, calendar);
  return null;
}

/** The deadline state of an open document with a due date (null: no deadline or finished). */
export function incomingDeadline(d: { due: string | null; state: IncomingState; completedOn: string | null }, today: string, calendar: WorkingCalendar): { status: DeadlineStatus | null; daysOverdue: number; finishedLate: boolean } {
  if (!d.due) return { status: null, daysOverdue: 0, finishedLate: false };
  if (!isOpenIncoming(d.state)) return { status: null, daysOverdue: 0, finishedLate: !!d.completedOn && d.completedOn > d.due };
  return { status: deadlineStatus(d.due, today, calendar), daysOverdue: daysOverdue(d.due, today), finishedLate: false };
}

// Invitations -------------------------------------------------------------------------------------

/** received → accepted | delegated | declined → attended | absent. */
export const INVITATION_STATES = ['received', 'accepted', 'delegated', 'declined', 'attended', 'absent'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];
export const INVITATION_STATE_LABELS: Readonly<Record<InvitationState, string>> = {
  received: 'Đã nhận, chờ quyết định người dự',
  accepted: 'Nhận lời dự',
  delegated: 'Cử người khác dự thay',
  declined: 'Không dự',
  attended: 'Đã dự họp',
  absent: 'Không đến dự',
};
export type InvitationAction = 'accept' | 'delegate' | 'decline' | 'attended' | 'absent';
const INVITATION_NEXT: Record<InvitationState, Partial<Record<InvitationAction, InvitationState>>> = {
  received: { accept: 'accepted', delegate: 'delegated', decline: 'declined' },
  accepted: { delegate: 'delegated', decline: 'declined', attended: 'attended', absent: 'absent' },
  delegated: { accept: 'accepted', delegate: 'delegated', decline: 'declined', attended: 'attended', absent: 'absent' },
  declined: { accept: 'accepted', delegate: 'delegated' },
  attended: {},
  absent: {},
};

export function invitationTransition(state: InvitationState, action: InvitationAction): InvitationState {
  const next = INVITATION_NEXT[state][action];
  if (!next) throw new CoordinationRuleError(`Giấy mời đang ở trạng thái "${INVITATION_STATE_LABELS[state]}": không thể thực hiện thao tác này.`, 'invitation_state');
  return next;
}

/** The person expected at the meeting (the invitee, or whoever was delegated); none once declined. */
export const invitationGoer = (i: { state: InvitationState; inviteeUserId: string | null; attendeeUserId: string | null }) =>
  i.state === 'declined' ? null : i.state === 'delegated' || ((i.state === 'attended' || i.state === 'absent') && i.attendeeUserId) ? i.attendeeUserId : i.inviteeUserId;

// Periodic reports --------------------------------------------------------------------------------

export type ReportPeriod = 'mid_year' | 'year_end';
export const REPORT_PERIOD_LABELS: Readonly<Record<ReportPeriod, string>> = { mid_year: 'Kỳ họp giữa năm (6 tháng)', year_end: 'Kỳ họp cuối năm' };
export type ReportOwner = 'people_committee' | 'court' | 'procuracy' | 'enforcement';
export const REPORT_OWNER_LABELS: Readonly<Record<ReportOwner, string>> = {
  people_committee: 'Ủy ban nhân dân',
  court: 'Tòa án nhân dân',
  procuracy: 'Viện kiểm sát nhân dân',
  enforcement: 'Cơ quan thi hành án dân sự',
};

export interface PeriodicReportKindDef {
  key: string;
  title: string;
  owner: ReportOwner;
  periods: ReportPeriod[];
  /** Days before the session's opening the report is due (CONFIGURABLE, like session submissions). */
  leadValue: number;
  leadUnit: DeadlineUnit;
}

export interface PeriodicReportSet {
  key: string;
  validFrom: string;
  validTo: string | null;
  source: string;
  verified: boolean;
  kinds: PeriodicReportKindDef[];
}

const both: ReportPeriod[] = ['mid_year', 'year_end'];
const LEGACY_KINDS: PeriodicReportKindDef[] = [
  { key: 'ubnd_work', title: 'Báo cáo công tác 6 tháng, năm của Ủy ban nhân dân', owner: 'people_committee', periods: both, leadValue: 20, leadUnit: 'days' },
  { key: 'court_work', title: 'Báo cáo công tác của Tòa án nhân dân', owner: 'court', periods: both, leadValue: 20, leadUnit: 'days' },
  { key: 'procuracy_work', title: 'Báo cáo công tác của Viện kiểm sát nhân dân', owner: 'procuracy', periods: both, leadValue: 20, leadUnit: 'days' },
  { key: 'enforcement_work', title: 'Báo cáo công tác thi hành án dân sự', owner: 'enforcement', periods: both, leadValue: 20, leadUnit: 'days' },
  { key: 'socio_economic', title: 'Báo cáo tình hình kinh tế - xã hội', owner: 'people_committee', periods: both, leadValue: 20, leadUnit: 'days' },
  { key: 'budget', title: 'Báo cáo tình hình thực hiện ngân sách, quyết toán ngân sách', owner: 'people_committee', periods: both, leadValue: 20, leadUnit: 'days' },
  { key: 'anti_corruption', title: 'Báo cáo công tác phòng, chống tham nhũng', owner: 'people_committee', periods: ['year_end'], leadValue: 20, leadUnit: 'days' },
  { key: 'thrift', title: 'Báo cáo công tác thực hành tiết kiệm, chống lãng phí', owner: 'people_committee', periods: ['year_end'], leadValue: 20, leadUnit: 'days' },
  { key: 'crime', title: 'Báo cáo công tác phòng, chống tội phạm và vi phạm pháp luật', owner: 'people_committee', periods: ['year_end'], leadValue: 20, leadUnit: 'days' },
  { key: 'complaints_petitions', title: 'Báo cáo công tác giải quyết khiếu nại, tố cáo và kiến nghị của cử tri', owner: 'people_committee', periods: both, leadValue: 20, leadUnit: 'days' },
];

/**
 * The shipped rule sets of periodic reports. Luật Tổ chức chính quyền địa phương 87/2015 Điều 59
 * k1 (VERIFIED, repealed from 01/07/2025); after that the grouping reportedly in NQ 114/2025
 * Điều 15 is UNVERIFIED, so the same list is kept as a configurable default. Lead times (20 days
 * before the opening) are UNVERIFIED defaults: each council edits its own copy (table
 * periodic_report_kinds), which is what the module reads.
 */
export const DEFAULT_PERIODIC_REPORT_SETS: readonly PeriodicReportSet[] = [
  { key: 'reports-2015', validFrom: '2016-07-01', validTo: '2025-07-01', source: 'Luật Tổ chức chính quyền địa phương 2015, Điều 59 khoản 1', verified: true, kinds: LEGACY_KINDS },
  { key: 'reports-2025', validFrom: '2025-07-01', validTo: null, source: 'Mặc định theo danh mục cũ; NQ 114/2025 Điều 15 chưa kiểm chứng — có thể sửa', verified: false, kinds: LEGACY_KINDS },
];

/** The kind rows a council starts with: every kind of every shipped set, with the set's validity. */
export function defaultKindRows() {
  return DEFAULT_PERIODIC_REPORT_SETS.flatMap((s) => s.kinds.map((k) => ({ ...k, ruleSetKey: s.key, validFrom: s.validFrom, validTo: s.validTo, source: s.source, verified: s.verified })));
}

/** The kind definitions in force on a date (validity windows, calendar/validity.ts). */
export function kindsInForce<T extends { key: string; validFrom: string; validTo: string | null }>(kinds: readonly T[], date: string): T[] {
  return setsInForce(kinds, date);
}

/** Due date of a periodic report for a session opening on `openingDate`: counted back on the calendar. */
export function periodicReportDue(openingDate: string, kind: { leadValue: number; leadUnit: DeadlineUnit }, calendar: WorkingCalendar): string {
  return computeDeadlineBefore(openingDate, { value: kind.leadValue, unit: kind.leadUnit, anchor: 'session_opening' }, calendar);
}

export type PeriodicTiming = 'expected' | 'due_today' | 'overdue' | 'on_time' | 'late';
export const PERIODIC_TIMING_LABELS: Readonly<Record<PeriodicTiming, string>> = {
  expected: 'Chưa đến hạn',
  due_today: 'Đến hạn hôm nay',
  overdue: 'Quá hạn, chưa nhận',
  on_time: 'Đã nhận đúng hạn',
  late: 'Đã nhận muộn',
};

/** A periodic report's timing on `today` (received on or before the due date is on time, Điều 148 k6). */
export function periodicTiming(due: string, receivedOn: string | null, today: string): { timing: PeriodicTiming; daysLate: number } {
  if (receivedOn) return receivedOn <= due ? { timing: 'on_time', daysLate: 0 } : { timing: 'late', daysLate: daysOverdue(due, receivedOn) };
  if (today < due) return { timing: 'expected', daysLate: 0 };
  if (today === due) return { timing: 'due_today', daysLate: 0 };
  return { timing: 'overdue', daysLate: daysOverdue(due, today) };
}

/** Lateness per agency: reports received late, or owed past the due date, over every report due by today. */
export function latenessByAgency<T extends { agencyId: string; agencyName: string; due: string; receivedOn: string | null }>(rows: readonly T[], today: string) {
  const by = new Map<string, { agencyId: string; agencyName: string; total: number; onTime: number; late: number; overdue: number; pending: number }>();
  for (const r of rows) {
    const a = by.get(r.agencyId) ?? { agencyId: r.agencyId, agencyName: r.agencyName, total: 0, onTime: 0, late: 0, overdue: 0, pending: 0 };
    a.total++;
    const t = periodicTiming(r.due, r.receivedOn, today).timing;
    if (t === 'on_time') a.onTime++;
    else if (t === 'late') a.late++;
    else if (t === 'overdue') a.overdue++;
    else a.pending++;
    by.set(r.agencyId, a);
  }
  return [...by.values()].sort((a, b) => b.late + b.overdue - (a.late + a.overdue) || a.agencyName.localeCompare(b.agencyName, 'vi'));
}

// Reporting conference ----------------------------------------------------------------------------

export const CONFERENCE_STATES = ['planned', 'held', 'concluded'] as const;
export type ConferenceState = (typeof CONFERENCE_STATES)[number];
export const CONFERENCE_STATE_LABELS: Readonly<Record<ConferenceState, string>> = {
  planned: 'Dự kiến tổ chức',
  held: 'Đã tổ chức',
  concluded: 'Đã ban hành thông báo kết luận',
};

/** Vietnamese count with a leading zero under ten, as official documents write them ("07", "25"). */
export const countWord = (n: number) => (n >= 0 && n < 10 ? `0${n}` : String(n));
