/**
 * Resolution rules as data (sessions.md "Resolutions"): when a resolution may enter into force,
 * how long the gazette may wait, and how a council numbers its resolutions. Each rule set has a
 * validity window and its source; what is not verified is marked so and stays a configurable
 * default (the UI says so).
 */
import { setsInForce, type Dated } from '../calendar/validity.ts';
import { addDays } from '../calendar/dates.ts';
import { ResolutionRuleError } from './errors.ts';

export interface ResolutionRuleSet extends Dated {
  /** Vietnamese name shown with the rule. */
  name: string;
  /** Normative resolutions: in force not earlier than this many days after passage. */
  normativeMinDaysAfterPassing: number;
  normativeMinDaysSource: string;
  normativeMinDaysVerified: boolean;
  /** Sent to the gazette within this many days after certification. */
  gazetteDaysAfterCertification: number;
  gazetteSource: string;
  gazetteVerified: boolean;
  /**
   * Do normative and individual resolutions share one number series? UNVERIFIED: configurable per
   * council; the shipped default is one series (the council's "NQ" register), normative ones
   * carrying the year in their symbol.
   */
  sharedSeries: boolean;
  seriesSource: string;
  seriesVerified: boolean;
}

export const RESOLUTION_RULE_SETS: readonly ResolutionRuleSet[] = [
  {
    key: 'luat-64-2025',
    name: 'Luật Ban hành văn bản quy phạm pháp luật 2025 (Luật 64/2025/QH15)',
    validFrom: '2025-04-01',
    validTo: null,
    normativeMinDaysAfterPassing: 10,
    normativeMinDaysSource: 'Luật 64/2025/QH15 Điều 53 k1 (sửa đổi bởi Luật 87/2025/QH15 chưa đối chiếu)',
    normativeMinDaysVerified: true,
    gazetteDaysAfterCertification: 3,
    gazetteSource: 'Luật 64/2025/QH15 Điều 9 k1',
    gazetteVerified: true,
    sharedSeries: true,
    seriesSource: 'Luật 64/2025/QH15 Điều 7 k3 (số thứ tự liên tục, năm, loại, cơ quan); dùng chung một dãy số cho nghị quyết quy phạm và cá biệt là mặc định chưa kiểm chứng',
    seriesVerified: false,
  },
];

export function resolutionRulesOn(date: string, sets: readonly ResolutionRuleSet[] = RESOLUTION_RULE_SETS): ResolutionRuleSet {
  const found = setsInForce(sets, date);
  if (found.length !== 1) {
    throw new ResolutionRuleError('noRuleSet', `Không có quy định về hiệu lực nghị quyết áp dụng cho ngày ${date.split('-').reverse().join('/')}.`);
  }
  return found[0]!;
}

/** The earliest day a resolution passed on `passedOn` may enter into force. */
export function earliestInForce(x: { passedOn: string; normative: boolean; shortenedProcedure?: boolean }, rules: ResolutionRuleSet): string {
  if (!x.normative || x.shortenedProcedure) return x.passedOn;
  return addDays(x.passedOn, rules.normativeMinDaysAfterPassing);
}

const vi = (iso: string) => iso.split('-').reverse().join('/');

/**
 * Checks a resolution's in-force date against the rule: never before passage; a normative one not
 * before `normativeMinDaysAfterPassing` days after it (unless passed under the shortened
 * procedure, in force on passage). Throws a Vietnamese ResolutionRuleError.
 */
export function checkInForceDate(
  x: { passedOn: string; inForceFrom: string; normative: boolean; shortenedProcedure?: boolean },
  rules: ResolutionRuleSet,
): void {
  if (x.inForceFrom < x.passedOn) {
    throw new ResolutionRuleError('inForceBeforePassing', `Ngày có hiệu lực (${vi(x.inForceFrom)}) không được trước ngày thông qua (${vi(x.passedOn)}).`);
  }
  const earliest = earliestInForce(x, rules);
  if (x.inForceFrom < earliest) {
    throw new ResolutionRuleError(
      'inForceTooEarly',
      `Nghị quyết quy phạm pháp luật có hiệu lực không sớm hơn ${rules.normativeMinDaysAfterPassing} ngày kể từ ngày thông qua (${rules.normativeMinDaysSource}): sớm nhất là ngày ${vi(earliest)}.`,
    );
  }
}

/** Last day to send a certified normative resolution to the gazette. */
export function gazetteDue(certifiedOn: string, rules: ResolutionRuleSet): string {
  return addDays(certifiedOn, rules.gazetteDaysAfterCertification);
}
