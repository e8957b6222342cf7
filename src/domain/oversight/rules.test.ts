import { describe, expect, it } from 'vitest';
import { addDays, createWorkingCalendar, KNOWN_OVERRIDES } from '../calendar/index.ts';
import {
  activityDueDates,
  defaultOversightRuleSets,
  LAW_121_2025_DATE,
  OVERSIGHT_STEPS,
  ruleSetOfActivity,
  stepDueDate,
  stepsOfActivity,
  validateLeadTimes,
} from './rules.ts';
import { ruleError } from './testSupport.ts';

const cal = createWorkingCalendar(KNOWN_OVERRIDES);
const known = { from: 2025, to: 2026 };
const sets = defaultOversightRuleSets();

describe('rule sets and the 01/03/2026 switch', () => {
  it('an activity founded on 28/02/2026 keeps Luật 87/2015; one founded on 01/03/2026 gets Luật 121/2025', () => {
    expect(ruleSetOfActivity(sets, '2026-02-28').key).toBe('luat-87-2015');
    expect(ruleSetOfActivity(sets, LAW_121_2025_DATE).key).toBe('luat-121-2025');
  });

  it('legacy values are verified (repealed); the new set carries them as unverified defaults with their source', () => {
    const [legacy, current] = sets;
    expect(legacy!.leadTimes.contentNotice).toMatchObject({ value: 15, unit: 'days', anchor: 'founding_act', direction: 'after', verified: true });
    expect(legacy!.leadTimes.contentNotice!.source).toContain('87/2015');
    expect(current!.leadTimes.contentNotice!.verified).toBe(false);
    expect(current!.leadTimes.contentNotice!.source).toContain('chưa đối chiếu Luật 121/2025');
    expect(current!.leadTimes.explanationDue).toMatchObject({ value: 15, verified: false });
    expect(current!.leadTimes.explanationDueComplex!.value).toBe(30);
    for (const s of sets) expect(validateLeadTimes(s.leadTimes)).toEqual([]);
  });

  it('a council editing the new set changes only activities founded after the switch', () => {
    const edited = structuredClone(sets);
    edited[1]!.leadTimes.contentNotice = { ...edited[1]!.leadTimes.contentNotice!, value: 10, verified: true, source: 'NQ 114/2025' };
    const old = activityDueDates({ kind: 'thematic', body: 'committee', foundedOn: '2026-02-26' }, edited, cal, known);
    const fresh = activityDueDates({ kind: 'thematic', body: 'committee', foundedOn: '2026-03-02' }, edited, cal, known);
    expect(old.steps.find((s) => s.step === 'contentNotice')!.due!.due).toBe('2026-03-13'); // 26/02 + 15 = 13/03 (Friday)
    expect(fresh.steps.find((s) => s.step === 'contentNotice')!.due!.due).toBe('2026-03-12'); // 02/03 + 10
  });

  it('no set or two sets in force on a date are refused in Vietnamese', () => {
    expect(ruleError(() => ruleSetOfActivity(sets, '2015-01-01')).message).toBe(
      'Không có bộ quy tắc giám sát nào có hiệu lực vào ngày 01/01/2015: đề nghị bổ sung quy tắc cho thời gian này.',
    );
    const twice = [sets[0]!, { ...sets[1]!, validFrom: '2026-01-01' }];
    expect(ruleError(() => ruleSetOfActivity(twice, '2026-02-01')).code).toBe('overlappingRuleSets');
    expect(ruleError(() => ruleSetOfActivity(sets, '01/03/2026')).message).toContain('Ngày thành lập đoàn không hợp lệ');
  });
});

describe('due dates on the working-day calendar', () => {
  it('content notice 15 days after a founding act of 05/02/2026 falls in Tết and moves to Monday 23/02', () => {
    const d = stepDueDate('contentNotice', '2026-02-05', sets[0]!, cal, known)!;
    expect(d.nominalDate).toBe('2026-02-20');
    expect(d.movedBecause).toBe('Tết Nguyên đán');
    expect(d.due).toBe('2026-02-23');
  });

  it('the schedule notice 10 days before a working session of 27/02/2026 moves EARLIER out of Tết, to Friday 13/02', () => {
    const d = stepDueDate('scheduleNotice', '2026-02-27', sets[0]!, cal, known)!;
    expect(d.nominalDate).toBe('2026-02-17');
    expect(d.due).toBe('2026-02-13');
  });

  it('in working days, Tết is skipped entirely', () => {
    const set = structuredClone(sets[1]!);
    set.leadTimes.reportReview = { ...set.leadTimes.reportReview!, unit: 'working_days', value: 7 };
    // received Thu 12/02: working days 13/02, then 23, 24, 25, 26, 27/02, 02/03
    expect(stepDueDate('reportReview', '2026-02-12', set, cal, known)!.due).toBe('2026-03-02');
  });

  it('each kind and body gets its own steps, and the schedule counts from the first working session', () => {
    expect(stepsOfActivity('hearing', 'standing')).toEqual(['hearingNotice']);
    expect(stepsOfActivity('thematic', 'delegate_group')).toEqual(['delegateGroupNotice', 'delegateReport']);
    expect(stepsOfActivity('survey', 'standing')).toEqual(['contentNotice', 'scheduleNotice', 'standingTeamReport', 'reportReview']);
    expect(stepsOfActivity('thematic', 'council')).toEqual(['contentNotice', 'scheduleNotice']);
    const r = activityDueDates(
      { kind: 'thematic', body: 'standing', foundedOn: '2026-03-02', workingSessions: ['2026-04-20', '2026-04-13'], fieldworkEnd: '2026-04-24' },
      sets,
      cal,
      known,
    );
    const by = Object.fromEntries(r.steps.map((s) => [s.step, s]));
    expect(by['scheduleNotice']!.anchorDate).toBe('2026-04-13');
    expect(by['scheduleNotice']!.due!.due).toBe('2026-04-03');
    expect(by['standingTeamReport']!.due!.due).toBe('2026-05-11'); // 24/04 + 15 = 09/05 (Saturday) → Monday 11/05
    expect(by['reportReview']!.anchorDate).toBeNull();
    expect(by['reportReview']!.due).toBeNull();
    const hearing = activityDueDates({ kind: 'hearing', body: 'standing', foundedOn: '2026-05-04', hearingOn: '2026-05-20' }, sets, cal, known);
    expect(hearing.steps[0]!.due!.due).toBe('2026-05-08');
    const group = activityDueDates({ kind: 'delegate_group', body: 'delegate_group', foundedOn: '2026-05-04', workingSessions: ['2026-05-18'], fieldworkEnd: '2026-05-18' }, sets, cal, known);
    expect(group.steps.map((s) => s.due!.due)).toEqual(['2026-05-11', '2026-05-28']);
  });

  it('a step the set leaves empty has no due date', () => {
    const set = structuredClone(sets[1]!);
    set.leadTimes.contentNotice = null;
    expect(stepDueDate('contentNotice', '2026-03-02', set, cal, known)).toBeNull();
  });

  it('a count into a year without a holiday table is refused with a Vietnamese error naming the year', () => {
    const e = ruleError(() => stepDueDate('contentNotice', '2026-12-20', sets[1]!, cal, known));
    expect(e.code).toBe('calendarYearMissing');
    expect(e.message).toBe(
      'Chưa có lịch ngày nghỉ năm 2027: không tính được hạn "Gửi nội dung, kế hoạch và đề cương báo cáo đến đối tượng giám sát" (mốc 20/12/2026). Đề nghị cập nhật lịch ngày nghỉ năm 2027 trước.',
    );
    expect(ruleError(() => stepDueDate('contentNotice', '2027-01-05', sets[1]!, cal, [2026, 2028])).message).toContain('năm 2027');
    expect(stepDueDate('contentNotice', '2026-12-10', sets[1]!, cal, known)!.due).toBe('2026-12-25');
  });

  it('property: over 2025–2026, "after" due dates are working days ≥ the nominal date, "before" ones ≤ it', () => {
    for (let d = '2025-01-01'; d <= '2026-11-30'; d = addDays(d, 1)) {
      const set = sets[d < LAW_121_2025_DATE ? 0 : 1]!;
      const after = stepDueDate('contentNotice', d, set, cal, known)!;
      expect(cal.isWorkingDay(after.due)).toBe(true);
      expect(after.due >= after.nominalDate && after.nominalDate === addDays(d, 15)).toBe(true);
      if (d >= '2025-01-20') {
        const before = stepDueDate('scheduleNotice', d, set, cal, known)!;
        expect(cal.isWorkingDay(before.due)).toBe(true);
        expect(before.due <= before.nominalDate && before.nominalDate === addDays(d, -10)).toBe(true);
      }
    }
  });

  it('bad lead times are refused one by one in Vietnamese', () => {
    const bad = structuredClone(sets[1]!.leadTimes) as Record<string, unknown>;
    bad['contentNotice'] = { value: -1, unit: 'weeks', anchor: 'hearing', direction: 'before', verified: 'yes', source: ' ' };
    delete bad['hearingNotice'];
    bad['extra'] = null;
    const paths = validateLeadTimes(bad).map((e) => e.path);
    expect(paths).toEqual([
      'extra',
      'contentNotice.value',
      'contentNotice.unit',
      'contentNotice.anchor',
      'contentNotice.direction',
      'contentNotice.verified',
      'contentNotice.source',
      'hearingNotice',
    ]);
    expect(validateLeadTimes(bad)[4]!.message).toBe(
      'Gửi nội dung, kế hoạch và đề cương báo cáo đến đối tượng giám sát: thời hạn phải tính sau ngày ban hành quyết định thành lập đoàn.',
    );
    expect(OVERSIGHT_STEPS.length).toBe(10);
  });
});
