import { describe, expect, it } from 'vitest';
import { nextStatus, statusAfterCarryOver, closesOnSatisfactoryReview, refusal } from './status.ts';
import { levelsInForce, outstandingSessions, summarizeSources } from './counting.ts';
import { splitPastedList } from './split.ts';
import { levelAgencyMismatch } from './levels.ts';
import { pickRoutingRule } from './suggest.ts';
import { DEFAULT_PETITION_SETTINGS, ruleFor, withDefaults } from './deadlines.ts';
import { computeDeadline, createWorkingCalendar, KNOWN_OVERRIDES } from '../calendar/index.ts';
import { toTcvn3 } from '../text/legacy.ts';

describe('petition state machine', () => {
  it('allows the workflow and refuses the rest', () => {
    expect(nextStatus('draft', 'dispatch')).toBe('dispatched');
    expect(nextStatus('returned', 'dispatch')).toBe('dispatched');
    expect(nextStatus('dispatched', 'dispatch')).toBeNull();
    expect(nextStatus('dispatched', 'return')).toBe('returned');
    expect(nextStatus('dispatched', 'answer')).toBe('answered');
    expect(nextStatus('draft', 'answer')).toBeNull();
    expect(nextStatus('answered', 'review_ok')).toBe('closed');
    expect(nextStatus('answered', 'review_not_ok')).toBe('unsatisfied');
    expect(refusal('closed', 'dispatch')).toContain('Đã giải quyết xong');
  });
  it('carries over what is still outstanding', () => {
    expect(statusAfterCarryOver('unsatisfied')).toBe('draft');
    expect(statusAfterCarryOver('dispatched')).toBe('dispatched');
    expect(statusAfterCarryOver('answered')).toBe('answered');
    expect(statusAfterCarryOver('closed')).toBeNull();
  });
  it('closes only resolved or explained answers', () => {
    expect(closesOnSatisfactoryReview('resolved')).toBe(true);
    expect(closesOnSatisfactoryReview('explained')).toBe(true);
    expect(closesOnSatisfactoryReview('in_progress')).toBe(false);
    expect(closesOnSatisfactoryReview('unresolved')).toBe(false);
  });
});

describe('counting', () => {
  it('counts sessions, not continuous intake', () => {
    expect(outstandingSessions([{ roundId: 'a', kind: 'continuous' }])).toBe(1);
    expect(outstandingSessions([{ roundId: 'a', kind: 'before_session' }, { roundId: 'b', kind: 'before_session' }])).toBe(2);
    expect(outstandingSessions([{ roundId: 'a', kind: 'before_session' }, { roundId: 'c', kind: 'continuous' }, { roundId: 'b', kind: 'after_session' }])).toBe(2);
  });
  it('summarises sources', () => {
    const s = summarizeSources([
      { meetingId: 'm1', unitId: 'u1', channel: 'meeting', voterCount: 1 },
      { meetingId: 'm2', unitId: 'u1', channel: 'meeting', voterCount: 3 },
      { meetingId: null, unitId: 'u2', channel: 'letter', voterCount: 0 },
    ]);
    expect(s).toMatchObject({ opinions: 3, meetings: 2, communes: 2, voters: 5, channels: ['meeting', 'letter'] });
  });
  it('derives levels from the unit chain, not a fixed list', () => {
    expect(levelsInForce([{ level: 'province' }, { level: 'commune' }])).toEqual(['central', 'province', 'commune']);
    expect(levelsInForce([{ level: 'province' }, { level: 'district' }])).toEqual(['central', 'province', 'district']);
    expect(levelsInForce([{ level: 'province' }, { level: 'district' }, { level: 'commune' }])).toEqual(['central', 'province', 'district', 'commune']);
  });
});

describe('splitting a pasted list', () => {
  it('splits numbered items and joins their continuation lines', () => {
    const items = splitPastedList('1. Đường ngập.\n2) Đèn đường\n  hỏng.\na) Cấp sổ đỏ.\n- Nước sạch.\n+ Trường học.');
    expect(items.map((i) => i.text)).toEqual(['Đường ngập.', 'Đèn đường hỏng.', 'Cấp sổ đỏ.', 'Nước sạch.', 'Trường học.']);
  });
  it('splits paragraphs, or lines when there are no blank lines', () => {
    expect(splitPastedList('Ý kiến một\ncòn tiếp.\n\nÝ kiến hai.').map((i) => i.text)).toEqual(['Ý kiến một còn tiếp.', 'Ý kiến hai.']);
    expect(splitPastedList('Ý kiến một.\nÝ kiến hai.').map((i) => i.text)).toEqual(['Ý kiến một.', 'Ý kiến hai.']);
  });
  it('converts legacy TCVN3 text', () => {
    const [item] = splitPastedList(`1. ${toTcvn3('Đề nghị nâng cấp đường giao thông nông thôn')}\n2. Thứ hai`);
    expect(item!.text).toBe('Đề nghị nâng cấp đường giao thông nông thôn');
    expect(item!.encoding).toBe('tcvn3');
  });
});

describe('routing rules', () => {
  const rules = [
    { id: 'any-central', fieldId: null, competentLevel: 'central', unitId: null, agencyId: 'na' },
    { id: 'power', fieldId: 'f-power', competentLevel: null, unitId: null, agencyId: 'dienluc' },
    { id: 'road-province', fieldId: 'f-road', competentLevel: 'province', unitId: null, agencyId: 'soxd' },
    { id: 'road-commune-u1', fieldId: 'f-road', competentLevel: 'commune', unitId: 'u1', agencyId: 'ubnd-u1' },
  ];
  it('picks the most specific matching rule', () => {
    expect(pickRoutingRule(rules, { fieldId: 'f-road', competentLevel: 'province', unitId: 'u1' })?.id).toBe('road-province');
    expect(pickRoutingRule(rules, { fieldId: 'f-road', competentLevel: 'commune', unitId: 'u1' })?.id).toBe('road-commune-u1');
    expect(pickRoutingRule(rules, { fieldId: 'f-road', competentLevel: 'commune', unitId: 'u2' })).toBeNull();
    expect(pickRoutingRule(rules, { fieldId: 'f-power', competentLevel: 'central', unitId: null })?.id).toBe('power');
    expect(pickRoutingRule(rules, { fieldId: null, competentLevel: 'central', unitId: null })?.id).toBe('any-central');
  });
});

describe('deadline rules per council', () => {
  it('defaults to 30 days (unverified) and 60 days for the NA channel', () => {
    expect(ruleFor(DEFAULT_PETITION_SETTINGS, 'agency')).toMatchObject({ value: 30, unit: 'days' });
    expect(ruleFor(DEFAULT_PETITION_SETTINGS, 'na_delegation')).toMatchObject({ value: 60, unit: 'days' });
    const s = withDefaults({ deadlines: { standingForward: { value: 15, unit: 'working_days', anchor: 'dispatch_letter_date' } } });
    expect(s.deadlines.standingForward.value).toBe(15);
    expect(s.deadlines.nationalAssembly.value).toBe(60);
  });
  it('moves a due date off Tết and off New Year', () => {
    const cal = createWorkingCalendar(KNOWN_OVERRIDES);
    // 02/12/2026 + 30 days = 01/01/2027 (New Year, Friday) → Monday 04/01/2027.
    expect(computeDeadline('2026-12-02', ruleFor(DEFAULT_PETITION_SETTINGS, 'agency'), cal)).toBe('2027-01-04');
    // 15/01/2026 + 30 days = 14/02/2026, the first day of Tết 2026 (off to 22/02) → Monday 23/02/2026.
    expect(computeDeadline('2026-01-15', ruleFor(DEFAULT_PETITION_SETTINGS, 'agency'), cal)).toBe('2026-02-23');
  });
});

describe('levelAgencyMismatch', () => {
  const power = { name: 'Công ty Điện lực Quảng Ngãi', level: 'province', kind: 'state_company' };
  const ward = { name: 'Ủy ban nhân dân phường Sa Huỳnh', level: 'commune', kind: 'people_committee' };
  const na = { name: 'Đoàn đại biểu Quốc hội tỉnh Quảng Ngãi', level: 'province', kind: 'na_delegation' };
  it('accepts a level and an agency of that level, and central through the NA delegation', () => {
    expect(levelAgencyMismatch('province', power)).toBeNull();
    expect(levelAgencyMismatch('commune', ward)).toBeNull();
    expect(levelAgencyMismatch('central', na)).toBeNull();
    expect(levelAgencyMismatch(null, power)).toBeNull();
    expect(levelAgencyMismatch('commune', null)).toBeNull();
  });
  it('explains in Vietnamese when they disagree', () => {
    expect(levelAgencyMismatch('commune', power)).toBe(
      'Thẩm quyền "Cấp xã" không khớp với Công ty Điện lực Quảng Ngãi (cơ quan cấp tỉnh). Hãy chọn lại cấp hoặc cơ quan, hoặc ghi rõ lý do.',
    );
    expect(levelAgencyMismatch('province', na)).toMatch(/chuyển kiến nghị lên Trung ương/);
    expect(levelAgencyMismatch('central', ward)).toMatch(/^Thẩm quyền "Trung ương/);
  });
});
