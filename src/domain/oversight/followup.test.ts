import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, KNOWN_OVERRIDES } from '../calendar/index.ts';
import { DEFAULT_ESCALATION_LADDER } from '../followup/index.ts';
import {
  checkEscalation, escalationChoice, recommendationDueDate, recommendationStatus, RECOMMENDATION_STATUSES, STATUS_STATES, validateLadder,
} from './followup.ts';
import { RECOMMENDATION_STATES } from './recommendations.ts';
import { ruleError } from './testSupport.ts';

const cal = createWorkingCalendar(KNOWN_OVERRIDES);

describe('recommendation due dates on the working-day calendar', () => {
  it('counts working days after the issue date, across Tết', () => {
    // Thu 05/03/2026 + 20 working days → Thu 02/04/2026
    expect(recommendationDueDate('2026-03-05', { workingDays: 20 }, cal)).toBe('2026-04-02');
    // Tết 2026: 14/02 – 22/02 off; from Fri 13/02, 1 working day → Mon 23/02
    expect(recommendationDueDate('2026-02-13', { workingDays: 1 }, cal)).toBe('2026-02-23');
  });
  it('a typed date must be a working day, not before the issue; the next working day is suggested', () => {
    expect(recommendationDueDate('2026-03-05', { due: '2026-03-30' }, cal)).toBe('2026-03-30');
    expect(ruleError(() => recommendationDueDate('2026-03-05', { due: '2026-03-29' }, cal)).message).toBe(
      'Thời hạn 29/03/2026 rơi vào ngày nghỉ (Chủ nhật): đề nghị chọn ngày làm việc, ví dụ 30/03/2026.',
    );
    expect(ruleError(() => recommendationDueDate('2026-03-05', { due: '2026-02-17' }, cal)).code).toBe('dueBeforeIssue');
    expect(ruleError(() => recommendationDueDate('2026-03-05', {}, cal)).code).toBe('dueRequired');
    expect(ruleError(() => recommendationDueDate('2026-03-05', { workingDays: 0 }, cal)).code).toBe('invalidWorkingDays');
  });
});

describe('one status per recommendation', () => {
  it('every state has exactly one status', () => {
    for (const s of RECOMMENDATION_STATES) {
      expect(RECOMMENDATION_STATUSES.filter((x) => STATUS_STATES[x].includes(s))).toEqual([recommendationStatus(s)]);
    }
    expect(recommendationStatus('reopened')).toBe('awaiting_answer');
    expect(recommendationStatus('reported_done')).toBe('awaiting_verification');
  });
});

describe('escalation of a recommendation', () => {
  const L = DEFAULT_ESCALATION_LADDER;
  it('not before the due date while the agency works on it; at once when not accepted', () => {
    expect(escalationChoice({ state: 'accepted', due: '2026-03-31' }, L, [], '2026-03-31')).toMatchObject({ open: false, choices: [] });
    const late = escalationChoice({ state: 'accepted', due: '2026-03-31' }, L, [], '2026-04-01');
    expect(late).toMatchObject({ open: true, next: { kind: 'reminder', ready: true } });
    expect(late.choices).toHaveLength(L.length);
    expect(escalationChoice({ state: 'not_accepted', due: '2026-03-31' }, L, [], '2026-03-10').open).toBe(true);
    expect(escalationChoice({ state: 'assessed_not_done', due: '2026-03-31' }, L, [], '2026-03-10').open).toBe(true);
  });
  it('nothing while awaiting verification or once verified done', () => {
    expect(escalationChoice({ state: 'reported_done', due: '2026-03-01' }, L, [], '2026-04-10').reason).toMatch(/xác minh/);
    expect(escalationChoice({ state: 'assessed_done', due: '2026-03-01' }, L, [], '2026-04-10').open).toBe(false);
    expect(escalationChoice({ state: 'assessed_partly', due: '2026-03-01' }, L, [], '2026-04-10').open).toBe(false);
  });
  it('straight to a hearing; then no going back; the ladder ends', () => {
    const r = { state: 'not_accepted' as const, due: '2026-03-31' };
    expect(checkEscalation(r, L, [], 'hearing', '2026-04-02')).toBe(4);
    const taken = [{ kind: 'hearing' as const, on: '2026-04-02' }];
    expect(ruleError(() => checkEscalation(r, L, taken, 'reminder', '2026-04-03')).message).toBe(
      'Không thể thực hiện bước "Công văn đôn đốc" lúc này: bước tiếp theo là "Đưa vào nội dung chất vấn tại kỳ họp".',
    );
    expect(checkEscalation(r, L, taken, 'council_report', '2026-04-03')).toBe(7);
    const all = [...taken, { kind: 'council_report' as const, on: '2026-04-03' }];
    expect(ruleError(() => checkEscalation(r, L, all, 'council_report', '2026-04-04')).code).toBe('escalationClosed');
  });
  it('a council\'s ladder is validated', () => {
    expect(validateLadder([{ kind: 'reminder', waitDays: 5 }])).toEqual([]);
    expect(validateLadder([])).toHaveLength(1);
    expect(validateLadder([{ kind: 'phone_call', waitDays: -1 }]).map((e) => e.path)).toEqual(['0.kind', '0.waitDays']);
  });
});
