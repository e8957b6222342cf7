/**
 * Reminders to presenting agencies before and after a document's due date (issue #11: "reminders
 * before and after the due date in the app and by e-mail"). Pure: which reminder is due today,
 * given the ones already sent; the module sends them and records what it sent.
 */
import type { WorkingCalendar } from '../calendar/index.ts';
import { daysBetween } from '../calendar/index.ts';
import { formatShortDate } from '../documents/format.ts';
import { reminderDue as obligationReminderDue, REMINDER_KIND_LABELS, type ReminderKind, type SentReminder } from '../followup/index.ts';

export { REMINDER_KIND_LABELS };
export type { ReminderKind, SentReminder };

/**
 * The reminder to send today for an expected document, or null: the follow-up engine's rule
 * (src/domain/followup), with "answered" meaning "received".
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
  const { receivedOn, ...rest } = x;
  return obligationReminderDue({ ...rest, answeredOn: receivedOn });
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
