import { describe, expect, it } from 'vitest';
import { resultComplaintTiming } from './results.ts';
import { ElectionRuleError } from './errors.ts';

describe('complaints about results (Điều 87): ≤ 03 days after publication, decided ≤ 07 days', () => {
  it('filed on the third day: in time, decided within 7 days of receipt, fixed dates over a weekend', () => {
    const t = resultComplaintTiming('2026-03-15', '2026-03-18', '2026-03-21');
    expect(t).toMatchObject({ fileBy: '2026-03-21', inTime: true, decideBy: '2026-03-28' });
    expect(t.reason).toContain('Điều 87');
  });
  it('filed on the fourth day: out of time, nothing to decide', () => {
    const t = resultComplaintTiming('2026-03-15', '2026-03-18', '2026-03-22');
    expect(t.inTime).toBe(false);
    expect(t.decideBy).toBeNull();
    expect(t.reason).toContain('quá thời hạn 03 ngày');
  });
  it('refuses a complaint dated before publication and bad dates', () => {
    expect(() => resultComplaintTiming('2026-03-15', '2026-03-18', '2026-03-17')).toThrow(ElectionRuleError);
    expect(() => resultComplaintTiming('2026-03-15', '2026-02-30', '2026-03-17')).toThrow('Ngày công bố kết quả không hợp lệ');
  });
});
