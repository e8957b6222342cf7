/**
 * Lateness of expected documents (computed from dates, never stored): the founding notice's
 * main complaint, made visible per presenting agency.
 */
import { daysBetween } from '../calendar/index.ts';
import type { WorkingCalendar } from '../calendar/index.ts';
import { formatShortDate } from '../documents/format.ts';

export type DocumentTiming = 'expected' | 'dueSoon' | 'late' | 'receivedOnTime' | 'receivedLate' | 'revisedAfterDeadline';

/** Short Vietnamese names of the timings (filters, legends); `documentTiming` gives the full label. */
export const DOCUMENT_TIMING_LABELS: Readonly<Record<DocumentTiming, string>> = {
  expected: 'Chưa đến hạn',
  dueSoon: 'Sắp đến hạn',
  late: 'Quá hạn, chưa nộp',
  receivedOnTime: 'Nộp đúng hạn',
  receivedLate: 'Nộp muộn',
  revisedAfterDeadline: 'Sửa lại sau hạn',
};

export type TimingInput = {
  due: string | null;
  receivedOn: string | null;
  lastRevisedOn: string | null;
  today: string;
  dueSoonWorkingDays: number;
  calendar: WorkingCalendar;
};

/**
 * The timing of one document. Days late are calendar days after the due date: the deadline
 * ends at 24:00 of the due date (Bộ luật Dân sự Điều 148 k6), so a document received on the
 * due date is on time and one received the next day is 1 day late.
 *  - received after the due date → receivedLate (N = receivedOn − due);
 *  - received on time, a later version filed after the due date → revisedAfterDeadline;
 *  - received on time → receivedOnTime;
 *  - not received, today after the due date → late (N = today − due, growing each day);
 *  - not received, at most dueSoonWorkingDays working days left → dueSoon;
 *  - otherwise → expected. Without a due date nothing is late.
 */
export function documentTiming(x: TimingInput): { timing: DocumentTiming; daysLate: number | null; label: string } {
  const { due, receivedOn, lastRevisedOn, today } = x;
  if (due === null) {
    if (receivedOn !== null) return { timing: 'receivedOnTime', daysLate: null, label: 'Đã nộp (không có hạn)' };
    return { timing: 'expected', daysLate: null, label: 'Chưa nộp (không có hạn)' };
  }
  if (receivedOn !== null) {
    const late = daysBetween(due, receivedOn);
    if (late > 0) return { timing: 'receivedLate', daysLate: late, label: `Nộp muộn ${late} ngày` };
    if (lastRevisedOn !== null && daysBetween(due, lastRevisedOn) > 0) {
      const after = daysBetween(due, lastRevisedOn);
      return { timing: 'revisedAfterDeadline', daysLate: after, label: `Nộp đúng hạn, sửa lại sau hạn ${after} ngày` };
    }
    return { timing: 'receivedOnTime', daysLate: null, label: 'Nộp đúng hạn' };
  }
  const overdue = daysBetween(due, today);
  if (overdue > 0) return { timing: 'late', daysLate: overdue, label: `Quá hạn ${overdue} ngày, chưa nộp` };
  const left = x.calendar.workingDaysBetween(today, due);
  if (left <= x.dueSoonWorkingDays) {
    const label = left === 0 ? 'Hạn nộp là hôm nay' : `Sắp đến hạn: còn ${left} ngày làm việc (hạn ${formatShortDate(due)})`;
    return { timing: 'dueSoon', daysLate: null, label };
  }
  return { timing: 'expected', daysLate: null, label: `Chưa đến hạn (hạn ${formatShortDate(due)})` };
}

export type AgencyLateness = {
  agencyId: string;
  agencyName: string;
  documents: number;
  /** receivedLate + outstandingLate. */
  late: number;
  receivedLate: number;
  outstandingLate: number;
  /** Received on time but revised after the due date (not counted in `late`). */
  revisedAfterDeadline: number;
  /** Mean days late of the late documents (outstanding ones count the days so far), 1 decimal; null if none is late. */
  averageDaysLate: number | null;
};

/** Lateness per presenting agency, worst first (most late documents, then highest average). */
export function latenessByAgency(
  rows: { agencyId: string; agencyName: string; due: string | null; receivedOn: string | null; lastRevisedOn: string | null }[],
  today: string,
  calendar: WorkingCalendar,
  dueSoonWorkingDays: number,
): AgencyLateness[] {
  const byAgency = new Map<string, AgencyLateness & { totalDaysLate: number }>();
  for (const r of rows) {
    let a = byAgency.get(r.agencyId);
    if (!a) {
      a = { agencyId: r.agencyId, agencyName: r.agencyName, documents: 0, late: 0, receivedLate: 0, outstandingLate: 0, revisedAfterDeadline: 0, averageDaysLate: null, totalDaysLate: 0 };
      byAgency.set(r.agencyId, a);
    }
    a.documents++;
    const t = documentTiming({ ...r, today, dueSoonWorkingDays, calendar });
    if (t.timing === 'receivedLate' || t.timing === 'late') {
      a.late++;
      a.totalDaysLate += t.daysLate!;
      if (t.timing === 'late') a.outstandingLate++;
      else a.receivedLate++;
    } else if (t.timing === 'revisedAfterDeadline') a.revisedAfterDeadline++;
  }
  const out: AgencyLateness[] = [];
  for (const { totalDaysLate, ...a } of byAgency.values()) {
    out.push({ ...a, averageDaysLate: a.late === 0 ? null : Math.round((totalDaysLate / a.late) * 10) / 10 });
  }
  return out.sort(
    (x, y) =>
      y.late - x.late ||
      (y.averageDaysLate ?? 0) - (x.averageDaysLate ?? 0) ||
      y.outstandingLate - x.outstandingLate ||
      x.agencyName.localeCompare(y.agencyName, 'vi') ||
      (x.agencyId < y.agencyId ? -1 : x.agencyId > y.agencyId ? 1 : 0),
  );
}
