/**
 * Pure rules of annual supervision programmes (supervision.md "Who supervises: programmes"):
 * adopting a draft is an adoption, any later decision an amendment; adopting over a real overlap
 * needs a recorded reason (a "same subject and period" notice does not); topic proposals for year Y
 * are collected by a day of year Y − 1 (Luật 87/2015 Điều 58 k1: 01/03, a configurable default).
 */
import { isIsoDate } from '../calendar/index.ts';
import { OversightRuleError } from './errors.ts';
import type { ConflictType } from './overlap.ts';

export type ProgramState = 'draft' | 'adopted' | 'amended';

export const PROGRAM_STATE_LABELS: Readonly<Record<ProgramState, string>> = { draft: 'Dự thảo', adopted: 'Đã thông qua', amended: 'Đã điều chỉnh' };

/** What deciding on a programme in `state` records: the adoption of a draft, else an amendment. */
export function decisionKind(state: ProgramState): 'adopted' | 'amended' {
  return state === 'draft' ? 'adopted' : 'amended';
}

/**
 * The reason to record for a decision over these conflicts: required (and trimmed) when at least
 * one is a real overlap; refused in Vietnamese otherwise.
 */
export function overlapReason(conflicts: readonly { type: ConflictType }[], reason: string | null | undefined): string {
  const r = (reason ?? '').trim();
  const n = conflicts.filter((c) => c.type === 'overlap').length;
  if (n > 0 && !r) {
    throw new OversightRuleError('overlapReasonRequired', `Có ${n} hoạt động trùng lặp với hoạt động giám sát khác. Hãy điều chỉnh, hoặc ghi rõ lý do vẫn thông qua.`);
  }
  return r;
}

/** The last day proposals for programme year `year` are collected ("MM-DD" of the year before). */
export function proposalDeadline(year: number, monthDay: string): string {
  const d = `${year - 1}-${monthDay}`;
  if (!Number.isInteger(year) || !isIsoDate(d)) throw new OversightRuleError('invalidProposalDeadline', `Hạn nhận đề xuất "${monthDay}" không hợp lệ (cần dạng tháng-ngày, ví dụ 03-01).`);
  return d;
}

/** The first programme year still collecting proposals on `day`: next year's, or the one after once its day has passed. */
export function openProposalYear(day: string, monthDay: string): number {
  const next = Number(day.slice(0, 4)) + 1;
  return day > proposalDeadline(next, monthDay) ? next + 1 : next;
}
