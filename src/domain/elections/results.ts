/**
 * Complaints about results (Luật Bầu cử Điều 87; elections.md "Publication and complaints"): filed
 * ≤ 03 days after publication, decided ≤ 07 days after receipt, the decision final. Day counts are
 * the rule set's (data), fixed dates that do not move off weekends.
 */
import { addDays, isIsoDate } from '../calendar/index.ts';
import { formatShortDate } from '../documents/format.ts';
import { electionRuleSetFor, ELECTION_RULE_SETS, type ElectionRuleSet } from './calendar.ts';
import { ElectionRuleError } from './errors.ts';

export type ComplaintTiming = {
  /** Last day to file (publication + fileWithinDays). */
  fileBy: string;
  /** Filed in time? */
  inTime: boolean;
  /** Last day to decide (receipt + decideWithinDays), null when out of time. */
  decideBy: string | null;
  /** Vietnamese explanation with the source. */
  reason: string;
};

export function resultComplaintTiming(
  electionDay: string,
  publishedOn: string,
  receivedOn: string,
  sets: readonly ElectionRuleSet[] = ELECTION_RULE_SETS,
): ComplaintTiming {
  for (const [label, d] of [['Ngày công bố kết quả', publishedOn], ['Ngày nhận khiếu nại', receivedOn]] as const) {
    if (!isIsoDate(d)) throw new ElectionRuleError('invalidDate', `${label} không hợp lệ: "${String(d)}" (cần dạng YYYY-MM-DD).`);
  }
  if (receivedOn < publishedOn) throw new ElectionRuleError('beforePublication', `Khiếu nại nhận ngày ${formatShortDate(receivedOn)}, trước ngày công bố kết quả ${formatShortDate(publishedOn)}.`);
  const rule = electionRuleSetFor(electionDay, sets).resultComplaints;
  const fileBy = addDays(publishedOn, rule.fileWithinDays);
  const inTime = receivedOn <= fileBy;
  const decideBy = inTime ? addDays(receivedOn, rule.decideWithinDays) : null;
  const reason = inTime
    ? `Khiếu nại nhận ngày ${formatShortDate(receivedOn)}, trong thời hạn ${String(rule.fileWithinDays).padStart(2, '0')} ngày kể từ ngày công bố kết quả (đến ${formatShortDate(fileBy)}); giải quyết chậm nhất ngày ${formatShortDate(decideBy!)} (${rule.source}).`
    : `Khiếu nại nhận ngày ${formatShortDate(receivedOn)}, quá thời hạn ${String(rule.fileWithinDays).padStart(2, '0')} ngày kể từ ngày công bố kết quả (đến ${formatShortDate(fileBy)}) (${rule.source}).`;
  return { fileBy, inTime, decideBy, reason };
}
