import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, KNOWN_OVERRIDES, weekday } from '../calendar/index.ts';
import { defaultSessionRuleSets, mergeProfile, type SessionRuleSet } from './profile.ts';
import {
  checkCitations, commitmentReportDate, commitmentTransition, dueBeforeSession, LEGACY_QUESTION_SOURCE, slipIsPublished,
  slipTransition, writtenAnswerDue,
} from './questions.ts';
import { ruleError } from './testSupport.ts';

const cal = createWorkingCalendar(KNOWN_OVERRIDES);
const known = { from: 2025, to: 2026 };
const shipped = defaultSessionRuleSets('commune')[1]!;
function edited(values: Record<string, number>): SessionRuleSet {
  const m = mergeProfile(values, shipped.profile);
  return { ...shipped, profile: m.profile, defaults: m.defaults };
}

describe('slip states', () => {
  it('follows submitted → grouped → answered, and the written path', () => {
    expect(slipTransition('submitted', 'group')).toBe('grouped');
    expect(slipTransition('grouped', 'answer')).toBe('answered');
    expect(slipTransition('grouped', 'ungroup')).toBe('submitted');
    expect(slipTransition('submitted', 'requireWritten')).toBe('writtenDue');
    expect(slipTransition('writtenDue', 'answer')).toBe('answered');
    expect(slipTransition('notSelected', 'group')).toBe('grouped');
  });
  it('refuses in Vietnamese what the state does not allow', () => {
    expect(ruleError(() => slipTransition('answered', 'group')).message).toBe('Phiếu chất vấn đang ở trạng thái "đã được trả lời": không thể xếp vào nhóm vấn đề.');
    expect(ruleError(() => slipTransition('submitted', 'answer')).code).toBe('slipTransition');
    expect(ruleError(() => slipTransition('nonsense', 'group')).message).toContain('"nonsense"');
  });
  it('publishes a slip to other delegates once taken up or answered', () => {
    expect(slipIsPublished('submitted')).toBe(false);
    expect(slipIsPublished('notSelected')).toBe(false);
    expect(slipIsPublished('grouped')).toBe(true);
    expect(slipIsPublished('writtenDue')).toBe(true);
    expect(slipIsPublished('answered')).toBe(true);
  });
});

describe('commitment states', () => {
  it('goes from open through reports to a verified closure, and back when the committee is not satisfied', () => {
    expect(commitmentTransition('open', 'reportProgress')).toBe('inProgress');
    expect(commitmentTransition('inProgress', 'reportDone')).toBe('reportedDone');
    expect(commitmentTransition('reportedDone', 'reopen')).toBe('inProgress');
    expect(commitmentTransition('reportedDone', 'close')).toBe('closed');
  });
  it('keeps a closed commitment closed', () => {
    expect(ruleError(() => commitmentTransition('closed', 'reportProgress')).message).toBe('Lời hứa đang ở trạng thái "đã hoàn thành (thường trực xác nhận)": không thể báo cáo tiến độ.');
    expect(ruleError(() => commitmentTransition('open', 'reopen')).code).toBe('commitmentTransition');
  });
});

describe('citations', () => {
  const pid = '3f2b1c9e-8d7a-4b6c-9e5f-1a2b3c4d5e6f';
  it('keeps petitions by id and supervision findings as a free reference, once each', () => {
    expect(checkCitations([
      { kind: 'petition', id: pid, label: 'Kiến nghị số 3' },
      { kind: 'supervision', id: ' Báo cáo 12/BC-HĐND ', label: '' },
      { kind: 'petition', id: pid.toUpperCase(), label: 'lặp' },
    ])).toEqual([
      { kind: 'petition', id: pid, label: 'Kiến nghị số 3' },
      { kind: 'supervision', id: 'Báo cáo 12/BC-HĐND', label: 'Báo cáo 12/BC-HĐND' },
    ]);
  });
  it('refuses unknown kinds, bad ids and too many citations', () => {
    expect(ruleError(() => checkCitations([{ kind: 'law', id: pid }])).message).toBe('Dẫn chứng thứ 1: loại "law" không hợp lệ.');
    expect(ruleError(() => checkCitations([{ kind: 'petition', id: 'abc' }])).message).toBe('Dẫn chứng thứ 1 (kiến nghị cử tri): mã không hợp lệ.');
    expect(ruleError(() => checkCitations([{ kind: 'supervision', id: '  ' }])).code).toBe('citationId');
    expect(ruleError(() => checkCitations(Array.from({ length: 21 }, () => ({ kind: 'petition', id: pid })))).code).toBe('tooManyCitations');
  });
});

describe('written answer due date (profile, legacy default 20 days)', () => {
  it('counts 20 calendar days and marks the value unverified with its legacy source', () => {
    const d = writtenAnswerDue('2026-07-15', shipped, cal, known);
    expect(d.nominalDate).toBe('2026-08-04');
    expect(d.due).toBe('2026-08-04');
    expect(d.profile).toMatchObject({ days: 20, unverified: true, source: LEGACY_QUESTION_SOURCE, validFrom: '2025-09-26', validTo: null });
  });
  it('moves a due date that falls on a Sunday to the next working day', () => {
    const d = writtenAnswerDue('2026-07-13', shipped, cal, known);
    expect(weekday(d.nominalDate)).toBe(0);
    expect(d.due).toBe('2026-08-03');
    expect(d.movedBecause).toBeTruthy();
  });
  it('uses the council\'s own value, no longer marked unverified', () => {
    const d = writtenAnswerDue('2026-07-15', edited({ writtenAnswerDays: 15 }), cal, known);
    expect(d.due).toBe('2026-07-30');
    expect(d.profile.unverified).toBe(false);
  });
  it('refuses a year the holiday table does not cover', () => {
    expect(ruleError(() => writtenAnswerDue('2026-12-20', shipped, cal, known)).code).toBe('calendarYearMissing');
    expect(ruleError(() => writtenAnswerDue('20/12/2026', shipped, cal, known)).code).toBe('invalidDate');
  });
});

describe('commitments report before the next session (profile, legacy default 10 days before)', () => {
  it('is 10 days before the opening, moved earlier off a day off', () => {
    expect(commitmentReportDate('2026-12-10', shipped, cal, known)).toMatchObject({ nominalDate: '2026-11-30', due: '2026-11-30' });
    const sunday = commitmentReportDate('2026-12-16', shipped, cal, known);
    expect(weekday(sunday.nominalDate)).toBe(0);
    expect(sunday.due).toBe('2026-12-04');
    expect(commitmentReportDate('2026-12-10', edited({ commitmentReportDaysBefore: 7 }), cal, known).due).toBe('2026-12-03');
  });
  it('lists commitments made before the session and due before it opens', () => {
    expect(dueBeforeSession({ madeOn: '2026-07-15', dueOn: '2026-12-09' }, '2026-12-10')).toBe(true);
    expect(dueBeforeSession({ madeOn: '2026-07-15', dueOn: '2026-12-10' }, '2026-12-10')).toBe(false);
    expect(dueBeforeSession({ madeOn: '2026-12-10', dueOn: '2026-12-01' }, '2026-12-10')).toBe(false);
  });
});
