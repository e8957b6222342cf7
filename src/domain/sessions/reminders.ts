/**
 * Reminders to presenting agencies before and after a document's due date (issue #11: "reminders
 * before and after the due date in the app and by e-mail"). Pure: which reminder is due today,
 * given the ones already sent; the module sends them and records what it sent.
 */
import type { WorkingCalendar } from '../calendar/index.ts';
import { daysBetween } from '../calendar/index.ts';
import { formatShortDate } from '../documents/format.ts';

export type ReminderKind = 'beforeDue' | 'overdue';

export const REMINDER_KIND_LABELS: Readonly<Record<ReminderKind, string>> = {
  beforeDue: 'Nhắc trước hạn',
  overdue: 'Nhắc quá hạn',
};

/** A reminder already sent, for the due date it was about (a new due date starts afresh). */
export type SentReminder = { kind: ReminderKind; due: string; on: string };

/**
 * The reminder to send today, or null. Reminders go out on working days only and never once the
 * document is received:
 *  - 'beforeDue' once, on the first working day with at most `beforeWorkingDays` working days
 *    left (the due date included);
 *  - 'overdue' from the first working day after the due date, then again every
 *    `repeatOverdueWorkingDays` working days (0 = once) while nothing has arrived.
 * A run that missed some days catches up: it sends what is due now, not what was due then.
 */
export function reminderDue(x: {
  due: string | null;
  receivedOn: string | null;
  today: string;
  calendar: WorkingCalendar;
  beforeWorkingDays: number;
  repeatOverdueWorkingDays?: number;
  sent: readonly SentReminder[];
}): ReminderKind | null {
  const { due, today, calendar } = x;
  if (due === null || x.receivedOn !== null || !calendar.isWorkingDay(today)) return null;
  const forThisDue = x.sent.filter((s) => s.due === due);
  if (daysBetween(due, today) > 0) {
    const overdue = forThisDue.filter((s) => s.kind === 'overdue').map((s) => s.on).sort();
    if (overdue.length === 0) return 'overdue';
    const repeat = x.repeatOverdueWorkingDays ?? 0;
    if (repeat <= 0) return null;
    return calendar.workingDaysBetween(overdue[overdue.length - 1]!, today) >= repeat ? 'overdue' : null;
  }
  const left = calendar.workingDaysBetween(today, due);
  if (left > x.beforeWorkingDays) return null;
  return forThisDue.some((s) => s.kind === 'beforeDue') ? null : 'beforeDue';
}

/** Vietnamese subject and body of a reminder (in-app notice and e-mail). */
export function reminderText(
  kind: ReminderKind,
  x: { document: string; session: string; agency: string; due: string; today: string },
): { subject: string; body: string } {
  const due = formatShortDate(x.due);
  if (kind === 'beforeDue') {
    return {
      subject: `Nhắc hạn nộp: ${x.document} (hạn ngày ${due})`,
      body: `Kính gửi ${x.agency},\nĐề nghị quý cơ quan gửi ${x.document} phục vụ ${x.session} chậm nhất ngày ${due}.`,
    };
  }
  const late = daysBetween(x.due, x.today);
  return {
    subject: `Quá hạn ${late} ngày: ${x.document} (hạn ngày ${due})`,
    body: `Kính gửi ${x.agency},\n${x.document} phục vụ ${x.session} đến hạn ngày ${due}, đến nay đã quá hạn ${late} ngày nhưng chưa nhận được. Đề nghị quý cơ quan khẩn trương gửi.`,
  };
}
