import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, KNOWN_OVERRIDES } from '../calendar/index.ts';
import { agencyResultDue, defaultLetterRuleSets, letterStepDue, LETTERS_2026_DATE, receiptDueDates, ruleSetByKey, ruleSetOfLetter } from './rules.ts';
import { ruleError } from './testSupport.ts';

const cal = createWorkingCalendar(KNOWN_OVERRIDES);
const known = { from: 2025, to: 2026 };
const sets = defaultLetterRuleSets();
const [old, fresh] = sets as [(typeof sets)[0], (typeof sets)[0]];

describe('rule sets and the 01/07/2026 switch', () => {
  it('a letter received on 30/06/2026 keeps letters-2013; one received on 01/07/2026 gets letters-2026', () => {
    expect(ruleSetOfLetter(sets, '2026-06-30').key).toBe('letters-2013');
    expect(ruleSetOfLetter(sets, LETTERS_2026_DATE).key).toBe('letters-2026');
  });

  it('complaint acceptance: 10 days under the old set, 07 working days under the new, both verified with their source', () => {
    expect(old.rules.complaintAcceptance).toMatchObject({ value: 10, unit: 'days', verified: true });
    expect(fresh.rules.complaintAcceptance).toMatchObject({ value: 7, unit: 'working_days', verified: true });
    expect(fresh.rules.complaintAcceptance!.source).toContain('155/2026');
    expect(old.rules.refusalNotice).toBeNull();
    expect(fresh.rules.refusalNotice).toMatchObject({ value: 3, unit: 'working_days' });
    expect(fresh.defaults).toContain('forwarding');
    expect(fresh.rules.forwarding!.verified).toBe(false);
  });

  it('received 30/06/2026 and accepted in July: due 10/07/2026 (10 days), not 09/07 as the new set would give', () => {
    const set = ruleSetOfLetter(sets, '2026-06-30');
    expect(letterStepDue('complaintAcceptance', '2026-06-30', set, cal, known)!.due).toBe('2026-07-10');
    // Moved to the new set by an administrator: 7 working days from 30/06 is Thursday 09/07.
    expect(letterStepDue('complaintAcceptance', '2026-06-30', ruleSetByKey(sets, 'letters-2026'), cal, known)!.due).toBe('2026-07-09');
    expect(ruleError(() => ruleSetByKey(sets, 'letters-1999')).message).toBe('Không có bộ quy định về đơn thư "letters-1999".');
  });

  it('received 01/07/2026: 7 working days give Friday 10/07, where 10 days would end on Saturday 11/07 and move to Monday 13/07', () => {
    const r = receiptDueDates({ kind: 'complaint', receivedOn: '2026-07-01', ours: true }, sets, cal, known);
    expect(r.ruleSet).toBe('letters-2026');
    expect(r.steps.find((s) => s.step === 'complaintAcceptance')!.due.due).toBe('2026-07-10');
    const underOld = letterStepDue('complaintAcceptance', '2026-07-01', old, cal, known)!;
    expect(underOld.nominalDate).toBe('2026-07-11');
    expect(underOld.due).toBe('2026-07-13');
    expect(underOld.movedBecause).toBe('Thứ Bảy');
  });

  it('an overlapping or missing rule set is a Vietnamese error', () => {
    const overlapping = [old, { ...fresh, validFrom: '2026-06-01' }];
    expect(ruleError(() => ruleSetOfLetter(overlapping, '2026-06-15')).message).toContain('cùng có hiệu lực vào ngày 15/06/2026');
    expect(ruleError(() => ruleSetOfLetter([fresh], '2026-06-15')).message).toContain('Không có bộ quy định về đơn thư nào có hiệu lực vào ngày 15/06/2026');
    expect(ruleError(() => ruleSetOfLetter(sets, '30/06/2026')).message).toContain('Ngày nhận đơn không hợp lệ');
  });
});

describe('due dates on the working-day calendar', () => {
  it('across Tết 2026 (14/02–22/02): 10 days from 12/02 end on Sunday 22/02 and move to Monday 23/02 because of Tết', () => {
    const c = letterStepDue('complaintAcceptance', '2026-02-12', old, cal, known)!;
    expect(c.nominalDate).toBe('2026-02-22');
    expect(c.due).toBe('2026-02-23');
    expect(c.movedBecause).toContain('Tết');
  });

  it('the reply to the citizen (10 working days) skips the whole of Tết: from 12/02 it is 05/03/2026', () => {
    const r = receiptDueDates({ kind: 'request', receivedOn: '2026-02-12', ours: false }, sets, cal, known);
    expect(r.steps.map((s) => s.step)).toEqual(['citizenReply', 'forwarding', 'processingAlarm']);
    expect(r.steps[0]!.due.due).toBe('2026-03-05');
    // The 45-day outer alarm counts calendar days: 12/02 + 45 = 29/03 (Sunday) → 30/03.
    expect(r.steps[2]!.due.due).toBe('2026-03-30');
  });

  it('a denunciation not ours must be forwarded within 05 working days; ours is checked within 07', () => {
    const notOurs = receiptDueDates({ kind: 'denunciation', receivedOn: '2026-07-01', ours: false }, sets, cal, known);
    expect(notOurs.steps.find((s) => s.step === 'denunciationForward')!.due.due).toBe('2026-07-08');
    const ours = receiptDueDates({ kind: 'denunciation', receivedOn: '2026-07-01', ours: true }, sets, cal, known);
    expect(ours.steps.find((s) => s.step === 'denunciationCheck')!.due.due).toBe('2026-07-10');
  });

  it('a year without a holiday calendar is a clear Vietnamese error, at the anchor or on the way', () => {
    const inside = ruleError(() => receiptDueDates({ kind: 'complaint', receivedOn: '2026-12-20', ours: false }, sets, cal, known));
    expect(inside.code).toBe('calendarYearMissing');
    expect(inside.message).toContain('Chưa có lịch ngày nghỉ năm 2027');
    expect(inside.message).toContain('20/12/2026');
    const anchor = ruleError(() => letterStepDue('citizenReply', '2027-03-01', fresh, cal, known));
    expect(anchor.message).toContain('năm 2027');
  });
});

describe('the result the council expects from the body it forwarded to', () => {
  it('a complaint forwarded on 01/07/2026: acceptance 10/07, resolution 30 days → Sunday 09/08 → 10/08, feedback 7 working days → 19/08', () => {
    const r = agencyResultDue({ kind: 'complaint', forwardedOn: '2026-07-01' }, fresh, cal, known);
    expect(r.chain).toEqual([
      { step: 'complaintAcceptance', due: '2026-07-10' },
      { step: 'complaintResolution', due: '2026-08-10' },
      { step: 'agencyFeedback', due: '2026-08-19' },
    ]);
    expect(r.due).toBe('2026-08-19');
    const complex = agencyResultDue({ kind: 'complaint', forwardedOn: '2026-07-01', complex: true }, fresh, cal, known);
    expect(complex.chain[1]).toEqual({ step: 'complaintResolutionComplex', due: '2026-08-24' });
  });

  it('a denunciation forwarded: the result within 20 days', () => {
    expect(agencyResultDue({ kind: 'denunciation', forwardedOn: '2026-07-01' }, fresh, cal, known).due).toBe('2026-07-21');
  });
});
