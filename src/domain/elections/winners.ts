/**
 * Winners by the law (Luật 85/2015 as amended, Điều 78–81; elections.md "Winners"):
 * 1. a unit's result counts only when > 1/2 of listed voters voted; otherwise a re-vote ≤ 7 days,
 *    once: if turnout is still ≤ 1/2 the result stands;
 * 2. a winner needs > 1/2 of the valid ballots;
 * 3. more passing candidates than seats → highest votes; a tie for the last seat → the older
 *    candidate (VERIFIED; equal birth dates: no rule, flagged for the Ban's decision);
 * 4. seats left → an additional round: National Assembly on any shortfall, a council only when
 *    winners < 2/3 of the unit's seats; only first-round non-winners; never a second one.
 * Every outcome carries its Vietnamese reason; the Ban confirms the result.
 */
import { isIsoDate } from '../calendar/index.ts';
import { formatShortDate } from '../documents/format.ts';
import { ElectionRuleError } from './errors.ts';
import type { RoundKind } from './labels.ts';

export type ElectedBody = 'nationalAssembly' | 'council';

export type CandidateResult = {
  candidateId: string;
  name: string;
  /** 'YYYY-MM-DD'. */
  birthDate: string;
  votes: number;
  /** Struck off after the ballots were printed: on the ballot, void in the count (Điều 60, 61). */
  struckOff?: boolean;
};

export type UnitTally = {
  body: ElectedBody;
  round: RoundKind;
  seats: number;
  votersOnList: number;
  votersVoted: number;
  validBallots: number;
  candidates: readonly CandidateResult[];
  /** For an additional round: the first round's non-winners, the only ones who may stand. */
  firstRoundNonWinners?: readonly string[];
};

/** How a tie for the last seat is settled: `older` is the law (VERIFIED); `decision` leaves it to the Ban. */
export type TieRule = 'older' | 'decision';
export type WinnerRules = { tieRule: TieRule; tieRuleVerified: boolean };
export const DEFAULT_WINNER_RULES: WinnerRules = { tieRule: 'older', tieRuleVerified: true };

export type CandidateOutcomeKind = 'elected' | 'passedNotElected' | 'belowHalf' | 'struckOff' | 'tieUndecided' | 'notDetermined';
export const CANDIDATE_OUTCOME_LABELS: Readonly<Record<CandidateOutcomeKind, string>> = {
  elected: 'Trúng cử',
  passedNotElected: 'Quá nửa số phiếu hợp lệ nhưng không trúng cử do đã đủ số đại biểu',
  belowHalf: 'Không trúng cử: chưa được quá nửa số phiếu hợp lệ',
  struckOff: 'Không tính: đã bị xóa tên khỏi danh sách người ứng cử',
  tieUndecided: 'Bằng phiếu, cùng ngày sinh: chờ quyết định',
  notDetermined: 'Chưa xác định: kết quả của đơn vị bầu cử chưa được công nhận',
};

export type CandidateOutcome = {
  candidateId: string;
  name: string;
  votes: number;
  /** votes / valid ballots, in %. */
  percent: number;
  outcome: CandidateOutcomeKind;
  reason: string;
};

export type NextStep = 'none' | 'revote' | 'additionalRound' | 'decideTie';
export const NEXT_STEP_LABELS: Readonly<Record<NextStep, string>> = {
  none: 'Không',
  revote: 'Bầu cử lại',
  additionalRound: 'Bầu cử thêm',
  decideTie: 'Quyết định người trúng cử khi bằng phiếu',
};

export type UnitOutcome = {
  /** false when turnout ≤ 1/2 in the first round: the result does not count, a re-vote is due. */
  resultCounts: boolean;
  turnoutPercent: number;
  /** Winners ordered by votes, highest first. */
  winners: CandidateOutcome[];
  candidates: CandidateOutcome[];
  seatsLeft: number;
  next: NextStep;
  /** Vietnamese reasons of the unit's outcome, in the order applied. */
  reasons: string[];
};

function validate(t: UnitTally): void {
  const whole = (label: string, v: unknown): void => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new ElectionRuleError('invalidFigure', `${label} phải là số nguyên không âm (đã nhập: ${String(v)}).`);
  };
  if (t.body !== 'nationalAssembly' && t.body !== 'council') throw new ElectionRuleError('unknownBody', `Cơ quan được bầu không hợp lệ: "${String(t.body)}".`);
  if (t.round !== 'first' && t.round !== 'revote' && t.round !== 'additional') throw new ElectionRuleError('unknownRound', `Lần bầu cử không hợp lệ: "${String(t.round)}".`);
  whole('Số đại biểu được bầu', t.seats);
  const maxSeats = t.body === 'nationalAssembly' ? 3 : 5;
  if (t.seats < 1 || t.seats > maxSeats) {
    throw new ElectionRuleError('invalidSeats', `Số đại biểu được bầu của một đơn vị bầu cử phải từ 1 đến ${maxSeats} (đã nhập: ${t.seats}).`);
  }
  whole('Tổng số cử tri', t.votersOnList);
  whole('Số cử tri đã bỏ phiếu', t.votersVoted);
  whole('Số phiếu hợp lệ', t.validBallots);
  if (t.votersVoted > t.votersOnList) throw new ElectionRuleError('votedOverList', 'Số cử tri đã bỏ phiếu lớn hơn tổng số cử tri.');
  if (t.validBallots > t.votersVoted) throw new ElectionRuleError('validOverVoted', 'Số phiếu hợp lệ lớn hơn số cử tri đã bỏ phiếu.');
  const ids = new Set<string>();
  for (const c of t.candidates) {
    whole(`Số phiếu bầu cho ${c.name}`, c.votes);
    if (c.votes > t.validBallots) throw new ElectionRuleError('votesOverValid', `Số phiếu bầu cho ${c.name} lớn hơn số phiếu hợp lệ.`);
    if (!isIsoDate(c.birthDate)) throw new ElectionRuleError('invalidBirthDate', `Ngày sinh của ${c.name} không hợp lệ: "${String(c.birthDate)}" (cần dạng YYYY-MM-DD).`);
    if (ids.has(c.candidateId)) throw new ElectionRuleError('duplicateCandidate', `Người ứng cử ${c.name} được nhập hai lần.`);
    ids.add(c.candidateId);
  }
  if (t.round === 'additional') {
    if (!t.firstRoundNonWinners) throw new ElectionRuleError('nonWinnersMissing', 'Bầu cử thêm cần danh sách những người ứng cử không trúng cử ở lần đầu.');
    const allowed = new Set(t.firstRoundNonWinners);
    for (const c of t.candidates) {
      if (!allowed.has(c.candidateId)) throw new ElectionRuleError('notANonWinner', `${c.name} không có trong danh sách người không trúng cử ở lần bầu cử đầu: không được ứng cử trong bầu cử thêm.`);
    }
  }
}

const pct = (a: number, b: number): number => (b === 0 ? 0 : (a * 100) / b);
const fmtPct = (x: number): string => `${x.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;

/** The outcome of one unit's count, with the rule applied at each step. */
export function unitOutcome(t: UnitTally, rules: WinnerRules = DEFAULT_WINNER_RULES): UnitOutcome {
  validate(t);
  const reasons: string[] = [];
  const turnoutPercent = pct(t.votersVoted, t.votersOnList);
  const turnoutOk = t.votersVoted * 2 > t.votersOnList;
  const turnoutText = `${t.votersVoted.toLocaleString('vi-VN')}/${t.votersOnList.toLocaleString('vi-VN')} cử tri (${fmtPct(turnoutPercent)})`;
  if (!turnoutOk && t.round === 'first') {
    reasons.push(`Số cử tri đi bầu ${turnoutText} chưa quá một nửa tổng số cử tri: kết quả không được công nhận, phải bầu cử lại trong thời hạn 07 ngày với những người ứng cử đã có (Luật Bầu cử, Điều 80).`);
    const candidates = t.candidates.map((c) => ({
      candidateId: c.candidateId,
      name: c.name,
      votes: c.votes,
      percent: pct(c.votes, t.validBallots),
      outcome: 'notDetermined' as const,
      reason: 'Chưa xác định người trúng cử vì kết quả của đơn vị bầu cử chưa được công nhận.',
    }));
    return { resultCounts: false, turnoutPercent, winners: [], candidates, seatsLeft: t.seats, next: 'revote', reasons };
  }
  if (!turnoutOk) {
    reasons.push(
      t.round === 'revote'
        ? `Bầu cử lại: số cử tri đi bầu ${turnoutText} vẫn chưa quá một nửa; kết quả bầu cử lại được công nhận, không bầu cử lại lần nữa (Luật Bầu cử, Điều 80).`
        : `Bầu cử thêm: số cử tri đi bầu ${turnoutText}.`,
    );
  } else {
    reasons.push(`Số cử tri đi bầu ${turnoutText} quá một nửa tổng số cử tri: kết quả được công nhận (Luật Bầu cử, Điều 78).`);
  }
  const outcomes = new Map<string, CandidateOutcome>();
  const passing: CandidateResult[] = [];
  for (const c of t.candidates) {
    const percent = pct(c.votes, t.validBallots);
    const base = { candidateId: c.candidateId, name: c.name, votes: c.votes, percent };
    if (c.struckOff) {
      outcomes.set(c.candidateId, { ...base, outcome: 'struckOff', reason: `${c.name} đã bị xóa tên khỏi danh sách người ứng cử: phiếu bầu cho người này không được tính.` });
    } else if (c.votes * 2 > t.validBallots) {
      passing.push(c);
    } else {
      outcomes.set(c.candidateId, {
        ...base,
        outcome: 'belowHalf',
        reason: `${c.name} được ${c.votes.toLocaleString('vi-VN')}/${t.validBallots.toLocaleString('vi-VN')} phiếu hợp lệ (${fmtPct(percent)}), chưa quá một nửa (Luật Bầu cử, Điều 78).`,
      });
    }
  }
  // Highest first; equal votes: older first (earlier birth date).
  passing.sort((a, b) => b.votes - a.votes || (a.birthDate < b.birthDate ? -1 : a.birthDate > b.birthDate ? 1 : 0));
  const winners: CandidateOutcome[] = [];
  let undecided = false;
  if (passing.length > t.seats) {
    const last = passing[t.seats - 1]!;
    const tied = passing.filter((c) => c.votes === last.votes);
    const tiedAcross = tied.length > 1 && passing[t.seats]!.votes === last.votes;
    const seatsForTied = t.seats - passing.filter((c) => c.votes > last.votes).length;
    const clearWinners = passing.filter((c) => c.votes > last.votes);
    for (const c of clearWinners) winners.push(elected(c, t, `được nhiều phiếu hơn, trong số những người quá nửa số phiếu hợp lệ (Luật Bầu cử, Điều 78).`));
    if (!tiedAcross) {
      // Equal votes inside the seats (not across the cut): every one of them is elected.
      for (const c of passing.slice(clearWinners.length, t.seats)) {
        winners.push(elected(c, t, `được nhiều phiếu hơn, trong số những người quá nửa số phiếu hợp lệ (Luật Bầu cử, Điều 78).`));
      }
      for (const c of passing.slice(t.seats)) outcomes.set(c.candidateId, passedNotElected(c, t));
    } else {
      // tied is sorted by birth date: the first `seatsForTied` are the oldest.
      const cutoff = tied[seatsForTied - 1]!.birthDate;
      const sameBirthAtCut = tied[seatsForTied]!.birthDate === cutoff;
      const tieText = tied.map((c) => `${c.name} (sinh ngày ${formatShortDate(c.birthDate)})`).join(', ');
      if (rules.tieRule === 'decision' || sameBirthAtCut) {
        undecided = true;
        const sure = rules.tieRule === 'decision' ? [] : tied.filter((c) => c.birthDate < cutoff);
        for (const c of sure) winners.push(elected(c, t, `bằng phiếu với ${tieText}; người nhiều tuổi hơn trúng cử (Luật Bầu cử, Điều 78).`));
        const open = tied.filter((c) => !sure.includes(c));
        for (const c of open) {
          outcomes.set(c.candidateId, {
            candidateId: c.candidateId,
            name: c.name,
            votes: c.votes,
            percent: pct(c.votes, t.validBallots),
            outcome: 'tieUndecided',
            reason:
              rules.tieRule === 'decision'
                ? `Bằng phiếu cho ${seatsForTied - sure.length} ghế cuối: ${tieText}; theo cấu hình, Ban bầu cử quyết định.`
                : `Bằng phiếu và cùng ngày sinh cho ghế cuối: ${tieText}; luật chưa quy định, cần Ban bầu cử quyết định.`,
          });
        }
        reasons.push(`Có người ứng cử bằng phiếu cho ghế cuối cùng chưa xác định được người trúng cử: ${tieText}.`);
      } else {
        for (const c of tied.slice(0, seatsForTied)) winners.push(elected(c, t, `bằng phiếu với ${tieText}; người nhiều tuổi hơn trúng cử (Luật Bầu cử, Điều 78).`));
        for (const c of tied.slice(seatsForTied)) {
          outcomes.set(c.candidateId, { ...passedNotElected(c, t), reason: `${c.name} bằng phiếu với ${tieText} nhưng ít tuổi hơn: không trúng cử (Luật Bầu cử, Điều 78).` });
        }
      }
    }
    reasons.push(`Có ${passing.length} người quá nửa số phiếu hợp lệ, nhiều hơn ${t.seats} đại biểu được bầu: lấy những người được nhiều phiếu hơn.`);
  } else {
    for (const c of passing) winners.push(elected(c, t, `được quá nửa số phiếu hợp lệ (Luật Bầu cử, Điều 78).`));
  }
  for (const w of winners) outcomes.set(w.candidateId, w);
  for (const c of passing) if (!outcomes.has(c.candidateId)) outcomes.set(c.candidateId, passedNotElected(c, t));
  const seatsLeft = t.seats - winners.length;
  let next: NextStep = undecided ? 'decideTie' : 'none';
  if (!undecided && seatsLeft > 0) {
    const shortText = `Bầu được ${winners.length}/${t.seats} đại biểu`;
    if (t.round === 'additional') {
      reasons.push(`${shortText} trong bầu cử thêm: không tổ chức bầu cử thêm lần thứ hai, khuyết ${seatsLeft} đại biểu (Luật Bầu cử, Điều 79).`);
    } else if (t.body === 'nationalAssembly') {
      next = 'additionalRound';
      reasons.push(`${shortText} Quốc hội: bầu cử thêm trong thời hạn 07 ngày, chỉ với những người không trúng cử ở lần đầu (Luật Bầu cử, Điều 79).`);
    } else if (winners.length * 3 < t.seats * 2) {
      next = 'additionalRound';
      reasons.push(`${shortText}, chưa đạt hai phần ba số đại biểu được bầu của đơn vị: bầu cử thêm trong thời hạn 07 ngày, chỉ với những người không trúng cử ở lần đầu (Luật Bầu cử, Điều 79).`);
    } else {
      reasons.push(`${shortText}, đã đạt hai phần ba số đại biểu được bầu của đơn vị: không bầu cử thêm, khuyết ${seatsLeft} đại biểu (Luật Bầu cử, Điều 79).`);
    }
  } else if (!undecided) {
    reasons.push(`Đã bầu đủ ${t.seats} đại biểu.`);
  }
  const candidates = t.candidates.map((c) => outcomes.get(c.candidateId)!);
  return { resultCounts: true, turnoutPercent, winners, candidates, seatsLeft, next, reasons };
}

function elected(c: CandidateResult, t: UnitTally, why: string): CandidateOutcome {
  const percent = pct(c.votes, t.validBallots);
  return {
    candidateId: c.candidateId,
    name: c.name,
    votes: c.votes,
    percent,
    outcome: 'elected',
    reason: `${c.name} được ${c.votes.toLocaleString('vi-VN')}/${t.validBallots.toLocaleString('vi-VN')} phiếu hợp lệ (${fmtPct(percent)}), ${why}`,
  };
}

function passedNotElected(c: CandidateResult, t: UnitTally): CandidateOutcome {
  return {
    candidateId: c.candidateId,
    name: c.name,
    votes: c.votes,
    percent: pct(c.votes, t.validBallots),
    outcome: 'passedNotElected',
    reason: `${c.name} quá nửa số phiếu hợp lệ nhưng ít phiếu hơn những người trúng cử, đã đủ số đại biểu được bầu.`,
  };
}

/** Seats of the additional round and who may stand: the first round's non-winners (struck-off excluded). */
export function additionalRoundSetup(first: UnitTally, outcome: UnitOutcome): { seats: number; candidateIds: string[] } {
  if (first.round === 'additional' || outcome.next !== 'additionalRound') {
    throw new ElectionRuleError('noAdditionalRound', 'Đơn vị bầu cử này không thuộc trường hợp bầu cử thêm.');
  }
  return {
    seats: outcome.seatsLeft,
    candidateIds: outcome.candidates.filter((c) => c.outcome !== 'elected' && c.outcome !== 'struckOff').map((c) => c.candidateId),
  };
}
