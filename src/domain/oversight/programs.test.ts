import { describe, expect, it } from 'vitest';
import { decisionKind, openProposalYear, overlapReason, proposalDeadline } from './programs.ts';
import { ruleError } from './testSupport.ts';

describe('programmes: decisions, reasons over overlaps, proposal collection', () => {
  it('a draft is adopted; an adopted or amended programme is amended', () => {
    expect(decisionKind('draft')).toBe('adopted');
    expect(decisionKind('adopted')).toBe('amended');
    expect(decisionKind('amended')).toBe('amended');
  });

  it('a real overlap needs a reason; a same-subject-and-period notice does not', () => {
    const e = ruleError(() => overlapReason([{ type: 'overlap' }, { type: 'same_subject_period' }], '  '));
    expect([e.code, e.message]).toEqual(['overlapReasonRequired', 'Có 1 hoạt động trùng lặp với hoạt động giám sát khác. Hãy điều chỉnh, hoặc ghi rõ lý do vẫn thông qua.']);
    expect(overlapReason([{ type: 'overlap' }], '  Phối hợp đoàn chung ')).toBe('Phối hợp đoàn chung');
    expect(overlapReason([{ type: 'same_subject_period' }], undefined)).toBe('');
    expect(overlapReason([], null)).toBe('');
  });

  it('proposals for a year are collected by the day of the year before; the open year moves on after it', () => {
    expect(proposalDeadline(2027, '03-01')).toBe('2026-03-01');
    expect(openProposalYear('2026-03-01', '03-01')).toBe(2027);
    expect(openProposalYear('2026-03-02', '03-01')).toBe(2028);
    expect(openProposalYear('2026-11-26', '12-31')).toBe(2027);
    expect(ruleError(() => proposalDeadline(2027, '02-30')).code).toBe('invalidProposalDeadline');
  });
});
