/**
 * The election calendar (elections.md "The 2026 calendar"): every milestone is a day count from
 * election day with its source, generated for a given election day. Election deadlines are FIXED
 * dates: they never move off a weekend or a holiday (rules.md "Counting time", weekend policy
 * `fixed`), unlike the civil-code deadlines of src/domain/calendar/deadline.ts.
 */
import { addDays, isIsoDate, setsInForce, weekday } from '../calendar/index.ts';
import { formatShortDate } from '../documents/format.ts';
import { ElectionRuleError } from './errors.ts';

export type MilestoneKey =
  | 'firstConsultation'
  | 'candidacyFiles'
  | 'secondConsultation'
  | 'voterListPosted'
  | 'thirdConsultation'
  | 'frontSendsThirdRoundList'
  | 'officialCandidateList'
  | 'candidateListPosted'
  | 'campaigning'
  | 'candidateComplaintsClosed'
  | 'teamAnnouncesVoting'
  | 'voting'
  | 'teamTallyDelivered'
  | 'boardResultRecord'
  | 'additionalRoundOrRevote'
  | 'resultsPublished'
  | 'firstSessionOfNewCouncil';

/** One milestone: `from` and/or `by` in days relative to election day (negative = before). */
export type MilestoneRule = {
  key: MilestoneKey;
  /** Vietnamese, user-facing. */
  label: string;
  /** Start of a window (days from election day), or null for a single deadline. */
  fromDays: number | null;
  /** The deadline (days from election day). */
  byDays: number;
  /** Clock time of the deadline where the source gives one ('17:00'). */
  byTime: string | null;
  weekendPolicy: 'fixed';
  verified: boolean;
  /** Vietnamese legal basis. */
  source: string;
};

export type ElectionRuleSet = {
  key: string;
  /** First election day the set applies to (inclusive). */
  validFrom: string;
  /** First election day it no longer applies to (exclusive), null while in force. */
  validTo: string | null;
  legalBasis: string;
  milestones: readonly MilestoneRule[];
  /** Complaints about results (Điều 87): days after publication to file, days after receipt to decide. */
  resultComplaints: { fileWithinDays: number; decideWithinDays: number; verified: boolean; source: string };
  /** Complaints about the voter list (Điều 33): days after posting to file, days after receipt to answer. */
  voterListComplaints: { fileWithinDays: number; answerWithinDays: number; verified: boolean; source: string };
};

const LAW = 'Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13, sửa đổi bởi Luật số 83/2025/QH15';

function m(key: MilestoneKey, label: string, fromDays: number | null, byDays: number, source: string, verified = true, byTime: string | null = null): MilestoneRule {
  return { key, label, fromDays, byDays, byTime, weekendPolicy: 'fixed', verified, source };
}

/**
 * The shipped rule set (Luật 85/2015 as amended by Luật 83/2025, NQ 40/NQ-HĐBCQG). Its start is the
 * 2026 election's calendar (the amending law's own commencement date is not recorded in the notes).
 * The candidacy window's day counts (−90, −42) are read off NQ 40's 2026 dates.
 */
export const ELECTION_RULE_SETS: readonly ElectionRuleSet[] = [
  {
    key: 'luat-85-2015-sua-doi-2025',
    validFrom: '2025-10-01',
    validTo: null,
    legalBasis: `${LAW}; Nghị quyết số 40/NQ-HĐBCQG ngày 29/09/2025`,
    milestones: [
      m('firstConsultation', 'Hội nghị hiệp thương lần thứ nhất', null, -95, 'Luật số 85/2015/QH13, Điều 39, 50 (theo kế hoạch của một xã; chưa kiểm chứng)', false),
      m('candidacyFiles', 'Nhận hồ sơ ứng cử', -90, -42, 'Nghị quyết số 40/NQ-HĐBCQG, Điều 3 khoản 2 (số ngày suy ra từ các mốc năm 2026)', true, '17:00'),
      m('secondConsultation', 'Hội nghị hiệp thương lần thứ hai', null, -40, 'Luật số 85/2015/QH13, Điều 53 khoản 1, sửa đổi bởi Luật số 83/2025/QH15, Điều 1 khoản 16'),
      m('voterListPosted', 'Niêm yết danh sách cử tri', null, -40, 'Luật số 85/2015/QH13, Điều 32'),
      m('thirdConsultation', 'Hội nghị hiệp thương lần thứ ba', null, -23, 'Luật số 85/2015/QH13, Điều 56 khoản 1, sửa đổi bởi Luật số 83/2025/QH15, Điều 1 khoản 18'),
      m('frontSendsThirdRoundList', 'Mặt trận Tổ quốc gửi biên bản hiệp thương lần thứ ba và danh sách người đủ tiêu chuẩn', null, -21, 'Luật số 85/2015/QH13, Điều 58 khoản 1'),
      m('officialCandidateList', 'Công bố danh sách chính thức người ứng cử đại biểu Hội đồng nhân dân', null, -17, 'Luật số 85/2015/QH13, Điều 58 khoản 2'),
      m('candidateListPosted', 'Niêm yết danh sách người ứng cử tại khu vực bỏ phiếu', null, -16, 'Luật số 85/2015/QH13, Điều 59'),
      m('campaigning', 'Vận động bầu cử', -17, -1, 'Luật số 85/2015/QH13, Điều 64 (kết thúc trước thời điểm bắt đầu bỏ phiếu 24 giờ)', true, '07:00'),
      m('candidateComplaintsClosed', 'Ngừng xem xét khiếu nại, tố cáo về người ứng cử', -10, 0, 'Luật số 85/2015/QH13, Điều 61 khoản 2'),
      m('teamAnnouncesVoting', 'Tổ bầu cử thông báo thời gian, địa điểm bỏ phiếu', -10, -1, 'Luật số 85/2015/QH13, Điều 70'),
      m('voting', 'Ngày bầu cử (bỏ phiếu từ 07:00 đến 19:00)', 0, 0, 'Luật số 85/2015/QH13, Điều 71', true, '19:00'),
      m('teamTallyDelivered', 'Tổ bầu cử gửi biên bản kết quả kiểm phiếu', null, 3, 'Luật số 85/2015/QH13, Điều 76 khoản 3'),
      m('boardResultRecord', 'Ban bầu cử gửi biên bản xác định kết quả bầu cử', null, 5, 'Luật số 85/2015/QH13, Điều 77 khoản 4'),
      m('additionalRoundOrRevote', 'Bầu cử thêm, bầu cử lại', null, 7, 'Luật số 85/2015/QH13, Điều 79 khoản 3, Điều 80 khoản 4, Điều 81 khoản 2'),
      m('resultsPublished', 'Công bố kết quả bầu cử và danh sách người trúng cử', null, 10, 'Luật số 85/2015/QH13, Điều 86 khoản 2'),
      m('firstSessionOfNewCouncil', 'Kỳ họp thứ nhất của Hội đồng nhân dân khóa mới', null, 45, 'Luật số 72/2025/QH15, Điều 34 khoản 1 (muộn hơn nếu có bầu cử lại, bầu cử thêm)'),
    ],
    resultComplaints: { fileWithinDays: 3, decideWithinDays: 7, verified: true, source: 'Luật số 85/2015/QH13, Điều 87' },
    voterListComplaints: { fileWithinDays: 30, answerWithinDays: 5, verified: true, source: 'Luật số 85/2015/QH13, Điều 33' },
  },
];

export type Milestone = {
  key: MilestoneKey;
  label: string;
  /** Start of the window (ISO date) or null. */
  from: string | null;
  /** The deadline (ISO date), never moved off a weekend. */
  by: string;
  byTime: string | null;
  /** True when `by` falls on a Saturday or Sunday (shown so staff know to be on duty). */
  onWeekend: boolean;
  verified: boolean;
  source: string;
};

/** The rule set in force for an election held on `electionDay`. */
export function electionRuleSetFor(electionDay: string, sets: readonly ElectionRuleSet[] = ELECTION_RULE_SETS): ElectionRuleSet {
  if (!isIsoDate(electionDay)) {
    throw new ElectionRuleError('invalidDate', `Ngày bầu cử không hợp lệ: "${String(electionDay)}" (cần dạng YYYY-MM-DD).`);
  }
  const found = setsInForce(sets, electionDay);
  if (found.length !== 1) {
    throw new ElectionRuleError(
      found.length === 0 ? 'noRuleSet' : 'ambiguousRuleSet',
      found.length === 0
        ? `Chưa có bộ quy định về thời hạn bầu cử áp dụng cho ngày bầu cử ${formatShortDate(electionDay)}.`
        : `Có nhiều bộ quy định về thời hạn bầu cử cùng áp dụng cho ngày bầu cử ${formatShortDate(electionDay)}.`,
    );
  }
  return found[0]!;
}

/** The calendar of an election: every milestone's dates, in order of deadline. Dates never shift. */
export function electionCalendar(electionDay: string, sets: readonly ElectionRuleSet[] = ELECTION_RULE_SETS): Milestone[] {
  const set = electionRuleSetFor(electionDay, sets);
  return set.milestones
    .map((r) => {
      const by = addDays(electionDay, r.byDays);
      const wd = weekday(by);
      return {
        key: r.key,
        label: r.label,
        from: r.fromDays === null ? null : addDays(electionDay, r.fromDays),
        by,
        byTime: r.byTime,
        onWeekend: wd === 0 || wd === 6,
        verified: r.verified,
        source: r.source,
      };
    })
    .sort((a, b) => (a.by < b.by ? -1 : a.by > b.by ? 1 : 0));
}

/** One milestone of an election's calendar. */
export function milestoneOf(key: MilestoneKey, electionDay: string, sets: readonly ElectionRuleSet[] = ELECTION_RULE_SETS): Milestone {
  const found = electionCalendar(electionDay, sets).find((x) => x.key === key);
  if (!found) throw new ElectionRuleError('unknownMilestone', `Mốc thời gian bầu cử không hợp lệ: "${String(key)}".`);
  return found;
}

/**
 * Is the voter list's posting date within the 40-day rule (Điều 32: at least 40 days before)?
 * Returns null when it is, or the Vietnamese reason it is not.
 */
export function checkVoterListPosting(postedOn: string, electionDay: string, sets: readonly ElectionRuleSet[] = ELECTION_RULE_SETS): string | null {
  if (!isIsoDate(postedOn)) {
    throw new ElectionRuleError('invalidDate', `Ngày niêm yết không hợp lệ: "${String(postedOn)}" (cần dạng YYYY-MM-DD).`);
  }
  const by = milestoneOf('voterListPosted', electionDay, sets);
  if (postedOn <= by.by) return null;
  return `Danh sách cử tri niêm yết ngày ${formatShortDate(postedOn)}, muộn hơn hạn chậm nhất ${formatShortDate(by.by)} (${by.source}).`;
}
