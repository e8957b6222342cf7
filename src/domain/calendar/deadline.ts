/**
 * Deadlines (thời hạn) on the working-day calendar.
 *
 * Deadlines are DATA, never constants: each comes from a `DeadlineRule` that a council can
 * configure (see /work/shared/domain/rules.md for the defaults and their sources).
 * A computed due date is a civil date 'YYYY-MM-DD'; the deadline ends at 24:00 of that day
 * (Bộ luật Dân sự 2015, Điều 148 khoản 6), so the due date itself is still on time.
 *
 * Statuses are computed from (due, today), never stored.
 */
import { daysBetween, addDays } from './dates.ts';
import type { WorkingCalendar } from './calendar.ts';

export type DeadlineUnit = 'days' | 'working_days';

/**
 * A deadline rule. `anchor` names the event that starts the period (e.g. 'dispatch_received',
 * 'meeting_held', 'session_opening'); it is not interpreted here.
 */
export type DeadlineRule = { value: number; unit: DeadlineUnit; anchor: string };

/** How a due date was obtained, for display and audit ("hạn được lùi vì …"). */
export type DeadlineComputation = {
  rule: DeadlineRule;
  /** Date of the triggering event (or of the event the deadline precedes). */
  anchorDate: string;
  /** Date reached by counting alone, before moving off a day off. */
  nominalDate: string;
  /** The due date: the deadline ends at 24:00 of this day. */
  due: string;
  /** Vietnamese reason the nominal date was a day off (e.g. 'Chủ nhật'), or null if it was not moved. */
  movedBecause: string | null;
};

function checkRule(rule: DeadlineRule): void {
  if (!Number.isInteger(rule.value) || rule.value < 0) {
    throw new RangeError(`Deadline value must be a non-negative integer, got ${rule.value}`);
  }
  if (rule.unit !== 'days' && rule.unit !== 'working_days') {
    throw new RangeError(`Unknown deadline unit ${JSON.stringify(rule.unit)}`);
  }
  if (typeof rule.anchor !== 'string' || rule.anchor.trim() === '') {
    throw new RangeError('Deadline rule needs an anchor event name');
  }
}

/**
 * Compute a deadline counted FORWARD from a triggering event, with its explanation.
 *
 * Bộ luật Dân sự 2015:
 *  - Điều 145 khoản 2: "Thời hạn được tính theo dương lịch, trừ trường hợp có thỏa thuận khác."
 *  - Điều 147 khoản 2–3: "Khi thời hạn được xác định bằng ngày, tuần, tháng, năm thì ngày đầu
 *    tiên của thời hạn không được tính mà tính từ ngày tiếp theo liền kề ngày được xác định."
 *    "Khi thời hạn bắt đầu bằng một sự kiện thì ngày xảy ra sự kiện không được tính mà tính từ
 *    ngày tiếp theo liền kề của ngày xảy ra sự kiện đó."
 *  - Điều 148 khoản 1: "Khi thời hạn tính bằng ngày thì thời hạn kết thúc tại thời điểm kết
 *    thúc ngày cuối cùng của thời hạn."
 *  - Điều 148 khoản 5: "Khi ngày cuối cùng của thời hạn là ngày nghỉ cuối tuần hoặc ngày nghỉ
 *    lễ thì thời hạn kết thúc tại thời điểm kết thúc ngày làm việc tiếp theo ngày nghỉ đó."
 *  - Điều 148 khoản 6: "Thời điểm kết thúc ngày cuối cùng của thời hạn vào lúc hai mươi tư giờ
 *    của ngày đó."
 *
 * So, for N days: day 1 is the day after the event, the last day is event + N, and if that is a
 * day off the deadline moves to the next working day (after the whole run of days off: all of
 * Tết, not just its first day).
 * For N working days ("ngày làm việc"): the N-th working day after the event; Saturdays,
 * Sundays, holidays, compensatory and extra days off are skipped, swapped working days count.
 * The result is always a working day. A value of 0 means "the same day" (moved off a day off).
 */
export function explainDeadline(anchorDate: string, rule: DeadlineRule, calendar: WorkingCalendar): DeadlineComputation {
  checkRule(rule);
  const nominalDate = rule.unit === 'days' ? addDays(anchorDate, rule.value) : calendar.addWorkingDays(anchorDate, rule.value);
  const movedBecause = calendar.dayOffReason(nominalDate);
  const due = movedBecause === null ? nominalDate : calendar.nextWorkingDay(nominalDate);
  return { rule, anchorDate, nominalDate, due, movedBecause };
}

/** The due date of a deadline counted forward from `anchorDate` (see explainDeadline). */
export function computeDeadline(anchorDate: string, rule: DeadlineRule, calendar: WorkingCalendar): string {
  return explainDeadline(anchorDate, rule, calendar).due;
}

/**
 * Compute a deadline counted BACKWARD from a future event, with its explanation: "documents
 * must reach delegates N days before the session opens" (chậm nhất N ngày trước ngày khai mạc).
 *
 * Counting mirrors Bộ luật Dân sự 2015 Điều 147: the event day is not counted, and N days
 * before the event is the date event − N (documents sent then give delegates the N full days
 * event−N+1 … event−1 plus the rest of that day; rules for such notice periods are set in each
 * council's working rules, rules.md marks the value UNVERIFIED and configurable).
 * For N working days: the N-th working day before the event.
 *
 * If that day is a rest day or a holiday the deadline moves EARLIER, to the previous working
 * day. Reasoning: Điều 148 khoản 5 moves the end of a period LATER to protect the party who must
 * act within it. Here the period protects the recipients (delegates must have at least N days
 * to study the documents); moving it later would shorten their time below the minimum and make
 * the sender's obligation fall on a day the office is closed. Moving it earlier keeps the
 * minimum notice and lands on a day the secretariat can actually send and receive documents.
 */
export function explainDeadlineBefore(eventDate: string, rule: DeadlineRule, calendar: WorkingCalendar): DeadlineComputation {
  checkRule(rule);
  const nominalDate = rule.unit === 'days' ? addDays(eventDate, -rule.value) : calendar.addWorkingDays(eventDate, -rule.value);
  const movedBecause = calendar.dayOffReason(nominalDate);
  const due = movedBecause === null ? nominalDate : calendar.previousWorkingDay(nominalDate);
  return { rule, anchorDate: eventDate, nominalDate, due, movedBecause };
}

/** The latest date for something due N (working) days before `eventDate` (see explainDeadlineBefore). */
export function computeDeadlineBefore(eventDate: string, rule: DeadlineRule, calendar: WorkingCalendar): string {
  return explainDeadlineBefore(eventDate, rule, calendar).due;
}

export type DeadlineStatus = 'on_track' | 'due_soon' | 'overdue' | 'long_overdue';

/** Vietnamese labels of the statuses (user-facing). */
export const DEADLINE_STATUS_LABELS: Readonly<Record<DeadlineStatus, string>> = {
  on_track: 'Trong hạn',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  long_overdue: 'Quá hạn kéo dài',
};

export type DeadlineThresholds = {
  /** 'due_soon' when at most this many working days remain (after today, up to and including the due date). */
  dueSoonWorkingDays: number;
  /** 'long_overdue' when overdue by at least this many calendar days. */
  longOverdueDays: number;
};

export const DEFAULT_DEADLINE_THRESHOLDS: Readonly<DeadlineThresholds> = { dueSoonWorkingDays: 5, longOverdueDays: 30 };

/**
 * Calendar days by which `due` is overdue on `today`: 0 up to and including the due date
 * (the deadline ends at 24:00 of that day, Bộ luật Dân sự 2015 Điều 148 khoản 6), 1 on the day
 * after, and so on.
 */
export function daysOverdue(due: string, today: string): number {
  return Math.max(0, daysBetween(due, today));
}

/**
 * Working days left before the deadline: working days after `today` up to and including `due`
 * (0 on the due date itself, negative once overdue).
 */
export function workingDaysRemaining(due: string, today: string, calendar: WorkingCalendar): number {
  return calendar.workingDaysBetween(today, due);
}

/**
 * The status of a deadline on `today` (compute it; never store it):
 *  - 'overdue' from the day after `due`; 'long_overdue' once overdue by ≥ longOverdueDays calendar days;
 *  - 'due_soon' when today ≤ due and at most dueSoonWorkingDays working days remain
 *    (a due date today counts as due soon);
 *  - 'on_track' otherwise.
 */
export function deadlineStatus(
  due: string,
  today: string,
  calendar: WorkingCalendar,
  thresholds: Partial<DeadlineThresholds> = DEFAULT_DEADLINE_THRESHOLDS,
): DeadlineStatus {
  const t = { ...DEFAULT_DEADLINE_THRESHOLDS, ...thresholds };
  if (!Number.isInteger(t.dueSoonWorkingDays) || t.dueSoonWorkingDays < 0) throw new RangeError('dueSoonWorkingDays must be a non-negative integer');
  if (!Number.isInteger(t.longOverdueDays) || t.longOverdueDays < 1) throw new RangeError('longOverdueDays must be a positive integer');
  const late = daysOverdue(due, today);
  if (late > 0) return late >= t.longOverdueDays ? 'long_overdue' : 'overdue';
  return workingDaysRemaining(due, today, calendar) <= t.dueSoonWorkingDays ? 'due_soon' : 'on_track';
}
