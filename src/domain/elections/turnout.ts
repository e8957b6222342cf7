/**
 * Turnout through election day (elections.md "Polling day and turnout"): each polling area
 * reports the cumulative number of voters who have voted at the hours the committee sets. A count
 * never decreases; roll-ups show the areas that have not reported. Only counts: never who voted.
 */
import { ElectionRuleError } from './errors.ts';
import type { TurnoutKind } from './labels.ts';

export type TurnoutSnapshot = {
  pollingAreaId: string;
  /** Clock time 'HH:MM' on election day (voting may run 05:00–21:00, Điều 71). */
  at: string;
  voted: number;
  kind: TurnoutKind;
};

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Validates a new snapshot against the area's earlier ones and its listed voters; returns the area's
 * snapshots with it, ordered by time (replacing one at the same time only if it does not decrease).
 */
export function recordTurnout(existing: readonly TurnoutSnapshot[], next: TurnoutSnapshot, votersOnList: number): TurnoutSnapshot[] {
  if (!HHMM.test(next.at)) throw new ElectionRuleError('invalidTime', `Giờ báo cáo không hợp lệ: "${String(next.at)}" (cần dạng HH:MM).`);
  if (next.at < '05:00' || next.at > '23:59') throw new ElectionRuleError('invalidTime', `Giờ báo cáo ${next.at} nằm ngoài ngày bỏ phiếu.`);
  if (!Number.isInteger(next.voted) || next.voted < 0) {
    throw new ElectionRuleError('invalidCount', `Số cử tri đã bỏ phiếu phải là số nguyên không âm (đã nhập: ${String(next.voted)}).`);
  }
  if (next.voted > votersOnList) {
    throw new ElectionRuleError('overList', `Số cử tri đã bỏ phiếu lúc ${next.at} (${next.voted}) lớn hơn tổng số cử tri của khu vực bỏ phiếu (${votersOnList}).`);
  }
  const own = existing.filter((s) => s.pollingAreaId === next.pollingAreaId && s.at !== next.at);
  const same = existing.find((s) => s.pollingAreaId === next.pollingAreaId && s.at === next.at);
  if (same && next.voted < same.voted) {
    throw new ElectionRuleError('decrease', `Số cử tri đã bỏ phiếu lúc ${next.at} không thể giảm từ ${same.voted} xuống ${next.voted}: số liệu cộng dồn không bao giờ giảm.`);
  }
  const before = own.filter((s) => s.at < next.at).sort((a, b) => (a.at < b.at ? 1 : -1))[0];
  if (before && next.voted < before.voted) {
    throw new ElectionRuleError(
      'decrease',
      `Số cử tri đã bỏ phiếu lúc ${next.at} (${next.voted}) ít hơn lúc ${before.at} (${before.voted}): số liệu cộng dồn không bao giờ giảm. Đề nghị kiểm tra lại.`,
    );
  }
  const after = own.filter((s) => s.at > next.at).sort((a, b) => (a.at < b.at ? -1 : 1))[0];
  if (after && next.voted > after.voted) {
    throw new ElectionRuleError('decrease', `Số cử tri đã bỏ phiếu lúc ${next.at} (${next.voted}) nhiều hơn lúc ${after.at} (${after.voted}) đã báo cáo: số liệu cộng dồn không bao giờ giảm.`);
  }
  const finalBefore = own.find((s) => s.kind === 'final' && s.at < next.at);
  if (finalBefore) throw new ElectionRuleError('afterFinal', `Khu vực bỏ phiếu ${next.pollingAreaId} đã báo cáo số liệu chính thức lúc ${finalBefore.at}.`);
  return [...own, next].sort((a, b) => (a.at < b.at ? -1 : 1));
}

export type AreaTurnout = { pollingAreaId: string; votersOnList: number; snapshots: readonly TurnoutSnapshot[] };

export type TurnoutRollUp = {
  at: string;
  votersOnList: number;
  /** Sum of the latest count at or before `at` of the areas that have reported. */
  voted: number;
  /** voted / voters on the list of ALL areas, in %. */
  percent: number;
  reportedAreas: number;
  /** Areas with no count at or before `at`. */
  notReported: string[];
  /** `final` only when every area's count is final. */
  kind: TurnoutKind;
};

/** Roll up areas (of a unit, commune or province) at clock time `at`. */
export function rollUpTurnout(areas: readonly AreaTurnout[], at: string): TurnoutRollUp {
  if (!HHMM.test(at)) throw new ElectionRuleError('invalidTime', `Giờ tổng hợp không hợp lệ: "${String(at)}" (cần dạng HH:MM).`);
  let votersOnList = 0;
  let voted = 0;
  let reported = 0;
  let allFinal = true;
  const notReported: string[] = [];
  for (const a of areas) {
    votersOnList += a.votersOnList;
    let latest: TurnoutSnapshot | undefined;
    for (const s of a.snapshots) if (s.at <= at && (!latest || s.at > latest.at)) latest = s;
    if (!latest) {
      notReported.push(a.pollingAreaId);
      allFinal = false;
      continue;
    }
    reported++;
    voted += latest.voted;
    if (latest.kind !== 'final') allFinal = false;
  }
  return {
    at,
    votersOnList,
    voted,
    percent: votersOnList === 0 ? 0 : (voted * 100) / votersOnList,
    reportedAreas: reported,
    notReported,
    kind: allFinal && areas.length > 0 ? 'final' : 'estimated',
  };
}
