/**
 * The law's checks on electoral units and the number of candidates (elections.md "Units, seats",
 * "Candidates"): seats per unit within the maximum for its ballot, and more candidates on the
 * official list than seats, by a margin. Data with source, not constants.
 */
import type { BallotType } from './labels.ts';

export type CandidateCountRule = {
  /** Largest number of seats of one unit. */
  maxSeats: number;
  maxSeatsSource: string;
  maxSeatsVerified: boolean;
  /** Candidates on the official list must be at least seats + margin. */
  margin: number;
  marginSource: string;
  marginVerified: boolean;
};

export const CANDIDATE_COUNT_RULES: Readonly<Record<BallotType, CandidateCountRule>> = {
  na: {
    maxSeats: 3, maxSeatsSource: 'Luật Bầu cử số 85/2015/QH13, Điều 10 khoản 3 (chưa kiểm chứng trong ghi chú nghiệp vụ)', maxSeatsVerified: false,
    margin: 2, marginSource: 'Luật Bầu cử số 85/2015/QH13, Điều 57 (số người ứng cử nhiều hơn số đại biểu được bầu ít nhất 02 người; chưa kiểm chứng, có thể cấu hình)', marginVerified: false,
  },
  province: {
    maxSeats: 5, maxSeatsSource: 'Luật Bầu cử số 85/2015/QH13, Điều 10 khoản 4', maxSeatsVerified: true,
    margin: 2, marginSource: 'Luật Bầu cử số 85/2015/QH13, Điều 58 (số người ứng cử nhiều hơn số đại biểu được bầu ít nhất 02 người; chưa kiểm chứng, có thể cấu hình)', marginVerified: false,
  },
  commune: {
    maxSeats: 5, maxSeatsSource: 'Luật Bầu cử số 85/2015/QH13, Điều 10 khoản 4', maxSeatsVerified: true,
    margin: 2, marginSource: 'Luật Bầu cử số 85/2015/QH13, Điều 58 (số người ứng cử nhiều hơn số đại biểu được bầu ít nhất 02 người; chưa kiểm chứng, có thể cấu hình)', marginVerified: false,
  },
};

/** Null when `seats` is allowed for a unit of `ballot`, else the Vietnamese reason. */
export function seatsProblem(ballot: BallotType, seats: number, rules = CANDIDATE_COUNT_RULES): string | null {
  const r = rules[ballot];
  if (!Number.isInteger(seats) || seats < 1) return 'Số đại biểu được bầu của đơn vị bầu cử phải là số nguyên từ 1 trở lên.';
  if (seats > r.maxSeats) return `Mỗi đơn vị bầu cử được bầu không quá ${r.maxSeats} đại biểu (${r.maxSeatsSource}).`;
  return null;
}

export type CandidateCountCheck = { ok: boolean; seats: number; candidates: number; required: number; message: string; verified: boolean; source: string };

/** The official list of a unit has enough candidates for its seats? (Counted: not removed.) */
export function checkCandidateCount(ballot: BallotType, seats: number, candidates: number, rules = CANDIDATE_COUNT_RULES): CandidateCountCheck {
  const r = rules[ballot];
  const required = seats + r.margin;
  const ok = candidates >= required;
  const message = ok
    ? `${candidates} người ứng cử cho ${seats} đại biểu: đủ (cần ít nhất ${required}).`
    : `${candidates} người ứng cử cho ${seats} đại biểu: cần ít nhất ${required} người (nhiều hơn số đại biểu được bầu ít nhất ${r.margin} người; ${r.marginSource}).`;
  return { ok, seats, candidates, required, message, verified: r.marginVerified, source: r.marginSource };
}
