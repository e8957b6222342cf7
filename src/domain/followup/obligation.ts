/**
 * One follow-up engine for what an agency owes (issue #13 "One follow-up engine"): a petition's
 * answer, a supervision recommendation, an interpellation commitment, a citizen letter. Each
 * source keeps its own states; it projects each item onto an `Obligation` (who owes it, the
 * original and the current due date, when the agency answered, when the owner closed it after
 * verifying) and this module computes what is shared: overdue, days overdue, the reminder due
 * today, the next escalation step, one reminder letter per agency. Computed, never stored.
 */
import { daysBetween, daysOverdue, deadlineStatus, isIsoDate } from '../calendar/index.ts';
import type { DeadlineStatus, WorkingCalendar } from '../calendar/index.ts';

export type ObligationKind = 'petition_answer' | 'recommendation' | 'commitment' | 'resolution_task' | 'letter' | 'periodic_report';

export const OBLIGATION_KIND_LABELS: Readonly<Record<ObligationKind, string>> = {
  petition_answer: 'Trả lời kiến nghị cử tri',
  recommendation: 'Kiến nghị sau giám sát',
  commitment: 'Lời hứa, cam kết khi trả lời chất vấn',
  resolution_task: 'Nhiệm vụ thực hiện nghị quyết',
  letter: 'Giải quyết đơn thư',
  periodic_report: 'Báo cáo định kỳ gửi HĐND',
};

export type ReminderKind = 'beforeDue' | 'overdue';

export const REMINDER_KIND_LABELS: Readonly<Record<ReminderKind, string>> = {
  beforeDue: 'Nhắc trước hạn',
  overdue: 'Nhắc quá hạn',
};

/** A reminder already sent, for the due date it was about (a new due date starts afresh). */
export type SentReminder = { kind: ReminderKind; due: string; on: string };

export type Obligation = {
  kind: ObligationKind;
  id: string;
  agencyId: string;
  /** The first due date: kept for overdue statistics when the due date is extended. */
  originalDue: string;
  /** The due date in force (after approved extensions or a reopening). */
  due: string;
  /** The agency's answer that claims the item done (null while it owes it). */
  answeredOn: string | null;
  /** The owner's verified closure (null while open). */
  closedOn: string | null;
  reminders: readonly SentReminder[];
};

export type ObligationStatus = 'awaiting_answer' | 'answered' | 'closed';

export const OBLIGATION_STATUS_LABELS: Readonly<Record<ObligationStatus, string>> = {
  awaiting_answer: 'Chờ cơ quan thực hiện',
  answered: 'Đã trả lời, chờ xác minh',
  closed: 'Đã đóng',
};

export type FollowUpSettings = {
  /** 'Sắp đến hạn' and the reminder before the due date: at most this many working days left. */
  dueSoonWorkingDays: number;
  /** 'Quá hạn kéo dài' from this many calendar days overdue. */
  longOverdueDays: number;
  /** Repeat the overdue reminder every this many working days (0 = once). */
  repeatOverdueWorkingDays: number;
};

/** UNVERIFIED defaults a council edits (no law fixes them). */
export const DEFAULT_FOLLOW_UP_SETTINGS: Readonly<FollowUpSettings> = { dueSoonWorkingDays: 5, longOverdueDays: 30, repeatOverdueWorkingDays: 10 };

export type ObligationView = {
  status: ObligationStatus;
  /** The deadline status while the agency owes the item; null once answered or closed. */
  deadline: DeadlineStatus | null;
  overdue: boolean;
  /** Calendar days late against the current due date: today's lateness while owed, the answer's lateness once answered. */
  daysOverdue: number;
  /** The same against the original due date (statistics ignore extensions). */
  daysOverdueOriginal: number;
  answeredLate: boolean;
  extended: boolean;
  reminder: ReminderKind | null;
};

/**
 * The reminder to send today, or null. Reminders go out on working days only and never once the
 * item is answered or closed:
 *  - 'beforeDue' once, on the first working day with at most `beforeWorkingDays` working days
 *    left (the due date included);
 *  - 'overdue' from the first working day after the due date, then again every
 *    `repeatOverdueWorkingDays` working days (0 = once) while nothing has arrived.
 * A run that missed some days catches up: it sends what is due now, not what was due then.
 */
export function reminderDue(x: {
  due: string | null;
  answeredOn: string | null;
  today: string;
  calendar: WorkingCalendar;
  beforeWorkingDays: number;
  repeatOverdueWorkingDays?: number;
  sent: readonly SentReminder[];
}): ReminderKind | null {
  const { due, today, calendar } = x;
  if (due === null || x.answeredOn !== null || !calendar.isWorkingDay(today)) return null;
  const forThisDue = x.sent.filter((s) => s.due === due);
  if (daysBetween(due, today) > 0) {
    const overdue = forThisDue.filter((s) => s.kind === 'overdue').map((s) => s.on).sort();
    if (overdue.length === 0) return 'overdue';
    const repeat = x.repeatOverdueWorkingDays ?? 0;
    if (repeat <= 0) return null;
    return calendar.workingDaysBetween(overdue[overdue.length - 1]!, today) >= repeat ? 'overdue' : null;
  }
  if (calendar.workingDaysBetween(today, due) > x.beforeWorkingDays) return null;
  return forThisDue.some((s) => s.kind === 'beforeDue') ? null : 'beforeDue';
}

function checkDates(o: Obligation, today: string): void {
  for (const d of [o.originalDue, o.due, today]) if (!isIsoDate(d)) throw new RangeError(`Not a date: ${String(d)}`);
}

/** What an obligation looks like on `today`. */
export function obligationView(o: Obligation, today: string, calendar: WorkingCalendar, settings: FollowUpSettings = DEFAULT_FOLLOW_UP_SETTINGS): ObligationView {
  checkDates(o, today);
  const status: ObligationStatus = o.closedOn !== null ? 'closed' : o.answeredOn !== null ? 'answered' : 'awaiting_answer';
  // lateness is measured at the answer once there is one (a closure without an answer: at the closure)
  const measuredOn = o.answeredOn ?? o.closedOn ?? today;
  const late = daysOverdue(o.due, measuredOn);
  const lateOriginal = daysOverdue(o.originalDue, measuredOn);
  return {
    status,
    deadline: status === 'awaiting_answer' ? deadlineStatus(o.due, today, calendar, settings) : null,
    overdue: status === 'awaiting_answer' && late > 0,
    daysOverdue: late,
    daysOverdueOriginal: lateOriginal,
    answeredLate: o.answeredOn !== null && late > 0,
    extended: o.due !== o.originalDue,
    reminder:
      status === 'closed'
        ? null
        : reminderDue({
            due: o.due,
            answeredOn: o.answeredOn,
            today,
            calendar,
            beforeWorkingDays: settings.dueSoonWorkingDays,
            repeatOverdueWorkingDays: settings.repeatOverdueWorkingDays,
            sent: o.reminders,
          }),
  };
}

/**
 * The reminders to issue today grouped by agency: one letter per agency lists all its items,
 * whatever their source (supervision.md "Same addressee, many recommendations"). Agencies and
 * items keep their input order.
 */
export function remindersByAgency(
  items: readonly Obligation[],
  today: string,
  calendar: WorkingCalendar,
  settings: FollowUpSettings = DEFAULT_FOLLOW_UP_SETTINGS,
): { agencyId: string; items: { obligation: Obligation; reminder: ReminderKind; daysOverdue: number }[] }[] {
  const out = new Map<string, { obligation: Obligation; reminder: ReminderKind; daysOverdue: number }[]>();
  for (const o of items) {
    const v = obligationView(o, today, calendar, settings);
    if (v.reminder === null) continue;
    let l = out.get(o.agencyId);
    if (l === undefined) out.set(o.agencyId, (l = []));
    l.push({ obligation: o, reminder: v.reminder, daysOverdue: v.daysOverdue });
  }
  return [...out].map(([agencyId, list]) => ({ agencyId, items: list }));
}
