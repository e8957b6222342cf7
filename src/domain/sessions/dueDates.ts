/**
 * Due dates of a session's expected documents, derived from the opening date by the profile's
 * lead times on the working-day calendar (sessions.md "Lead times").
 */
import { coversYear, explainCoveredDeadline, isIsoDate } from '../calendar/index.ts';
import type { KnownYears } from '../calendar/index.ts';
import type { DeadlineComputation, WorkingCalendar } from '../calendar/index.ts';
import { formatShortDate } from '../documents/format.ts';
import { SessionRuleError } from './errors.ts';
import { LEAD_TIME_STEP_LABELS } from './profile.ts';
import type { LeadTimeStep, SessionProfile } from './profile.ts';

export type ExpectedDocumentKind = 'submission' | 'draftResolution' | 'report' | 'project' | 'verificationReport' | 'responseReport';

/** Vietnamese names of the expected documents (user-facing). */
export const EXPECTED_DOCUMENT_KIND_LABELS: Readonly<Record<ExpectedDocumentKind, string>> = {
  submission: 'Tờ trình',
  draftResolution: 'Dự thảo nghị quyết',
  report: 'Báo cáo',
  project: 'Đề án',
  verificationReport: 'Báo cáo thẩm tra',
  responseReport: 'Báo cáo tiếp thu, giải trình',
};

/** The lead-time step whose rule sets the due date of a document kind. */
export function stepOfDocument(kind: ExpectedDocumentKind): LeadTimeStep {
  switch (kind) {
    case 'verificationReport':
      return 'verificationReport';
    case 'responseReport':
      return 'responseReport';
    case 'submission':
    case 'draftResolution':
    case 'report':
    case 'project':
      return 'submissionToCommittee';
    default:
      throw new SessionRuleError('unknownDocumentKind', `Loại tài liệu không hợp lệ: "${String(kind)}".`);
  }
}

export { coversYear };
export type { KnownYears };

/**
 * The due date of `step` for a session opening on `openingDate`, with its explanation, or null
 * when the profile sets no lead time for the step.
 *
 * "N days before the opening" is the date opening − N, moved EARLIER off a day off (see
 * explainDeadlineBefore); "after" counts forward and moves later (Bộ luật Dân sự Điều 148 k5).
 * Every year from the opening to the due date must be in `knownYears` (the years whose holiday
 * table an administrator has entered: a range or the exact years): otherwise the day count could silently miss a Tết or a
 * swapped day, so this throws a SessionRuleError instead of guessing.
 */
export function dueDateOf(
  step: LeadTimeStep,
  openingDate: string,
  profile: SessionProfile,
  calendar: WorkingCalendar,
  knownYears: KnownYears,
): DeadlineComputation | null {
  const label = Object.hasOwn(LEAD_TIME_STEP_LABELS, step) ? LEAD_TIME_STEP_LABELS[step] : undefined;
  if (label === undefined) throw new SessionRuleError('unknownStep', `Bước chuẩn bị kỳ họp không hợp lệ: "${String(step)}".`);
  if (!isIsoDate(openingDate)) {
    throw new SessionRuleError('invalidDate', `Ngày khai mạc không hợp lệ: "${String(openingDate)}" (cần dạng YYYY-MM-DD).`);
  }
  const rule = profile.leadTimes[step];
  if (rule === null || rule === undefined) return null;
  return explainCoveredDeadline(openingDate, rule, calendar, knownYears, {
    yearMissing: (year) =>
      new SessionRuleError(
        'calendarYearMissing',
        `Chưa có lịch ngày nghỉ năm ${year}: không tính được hạn "${label}" của kỳ họp khai mạc ngày ${formatShortDate(openingDate)}. Đề nghị cập nhật lịch ngày nghỉ năm ${year} trước.`,
      ),
    invalidRule: (message) => new SessionRuleError('invalidLeadTime', `Không tính được hạn "${label}": ${message}`),
  });
}
