/**
 * Online reception (tiếp công dân trực tuyến, from 01/07/2026: Luật 136/2025 Điều 1 k1, new Điều
 * 3a; NĐ 154/2026 Chương V): a citizen asks for a slot on a published reception day; the
 * secretariat confirms (with the link) or declines; the reception record is made from it. C22
 * (NĐ 154 Điều 23, VERIFIED from 01/07/2026): notify the citizen ≥ 05 working days before, test
 * the link ≥ 01 working day before. The values are data with their source (a council may change
 * them); the public rate limit is a CONFIGURABLE default (UNVERIFIED: no text sets one).
 */
import { computeDeadlineBefore, type WorkingCalendar } from '../calendar/index.ts';
import { formatShortDate } from '../documents/format.ts';
import { LetterRuleError } from './errors.ts';
import { LETTERS_2026_DATE } from './rules.ts';

export type OnlineReceptionRules = {
  noticeWorkingDays: number;
  linkTestWorkingDays: number;
  source: string;
  verified: boolean;
  /** Public requests per client address in the window (CONFIGURABLE default). */
  publicMaxPerWindow: number;
  publicWindowMinutes: number;
};

export const DEFAULT_ONLINE_RECEPTION_RULES: Readonly<OnlineReceptionRules> = {
  noticeWorkingDays: 5,
  linkTestWorkingDays: 1,
  source: 'Nghị định 154/2026/NĐ-CP, Điều 23',
  verified: true,
  publicMaxPerWindow: 5,
  publicWindowMinutes: 60,
};

export type OnlineRequestState = 'requested' | 'confirmed' | 'declined' | 'received';

export const ONLINE_REQUEST_STATE_LABELS: Readonly<Record<OnlineRequestState, string>> = {
  requested: 'Chờ xác nhận',
  confirmed: 'Đã xác nhận lịch tiếp',
  declined: 'Không bố trí được',
  received: 'Đã tiếp (đã vào sổ)',
};

/** The last day the citizen can be told of the slot (C22): `noticeWorkingDays` working days before the reception day. */
export function noticeDeadline(day: string, calendar: WorkingCalendar, rules: OnlineReceptionRules = DEFAULT_ONLINE_RECEPTION_RULES): string {
  return computeDeadlineBefore(day, { value: rules.noticeWorkingDays, unit: 'working_days', anchor: 'reception_day' }, calendar);
}

/** The last day to test the link with the citizen. */
export function linkTestDeadline(day: string, calendar: WorkingCalendar, rules: OnlineReceptionRules = DEFAULT_ONLINE_RECEPTION_RULES): string {
  return computeDeadlineBefore(day, { value: rules.linkTestWorkingDays, unit: 'working_days', anchor: 'reception_day' }, calendar);
}

/** Can a citizen still ask for this day today (it is online-capable, on or after 01/07/2026, and the notice can still go out in time)? */
export function checkRequestable(day: { on: string; online: boolean }, today: string, calendar: WorkingCalendar, rules: OnlineReceptionRules = DEFAULT_ONLINE_RECEPTION_RULES): void {
  if (!day.online) throw new LetterRuleError('notOnline', 'Ngày tiếp này không tiếp công dân trực tuyến.');
  if (day.on < LETTERS_2026_DATE) throw new LetterRuleError('onlineBefore2026', `Tiếp công dân trực tuyến chỉ áp dụng từ ngày ${formatShortDate(LETTERS_2026_DATE)}.`);
  if (!calendar.isWorkingDay(day.on)) throw new LetterRuleError('dayOff', `Ngày ${formatShortDate(day.on)} là ngày nghỉ.`);
  const notice = noticeDeadline(day.on, calendar, rules);
  if (today > notice) {
    throw new LetterRuleError('tooLate', `Đã quá hạn đăng ký ngày tiếp ${formatShortDate(day.on)}: công dân phải được thông báo lịch tiếp trước ít nhất ${String(rules.noticeWorkingDays).padStart(2, '0')} ngày làm việc (${rules.source}, chậm nhất ngày ${formatShortDate(notice)}).`);
  }
}
