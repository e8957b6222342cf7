import { describe, expect, it } from 'vitest';
import { ruleError } from './testSupport.ts';
import {
  defaultSessionRuleSets,
  LEAD_TIME_STEPS,
  mergeProfile,
  PROFILE_PATHS,
  ruleSetInForce,
  UNVERIFIED_SOURCE,
  validateProfile,
} from './profile.ts';
import type { SessionRuleSet } from './profile.ts';


describe('defaultSessionRuleSets', () => {
  it('ships 7 days (province) and 5 days (commune) before the opening, marked unverified', () => {
    for (const [level, value] of [
      ['province', 7],
      ['commune', 5],
    ] as const) {
      for (const set of defaultSessionRuleSets(level)) {
        expect(set.profile.leadTimes.documentsToDelegates).toEqual({
          value,
          unit: 'days',
          anchor: 'session_opening',
          direction: 'before',
          verified: false,
          source: UNVERIFIED_SOURCE,
        });
        expect(set.profile.leadTimes.jointConference).toBeNull();
        expect(set.profile.leadTimes.submissionToCommittee).toBeNull();
        expect(set.profile.speakingMinutes).toEqual({ speech: 10, question: 3, answer: 7 });
        expect(set.profile.dueSoonWorkingDays).toBe(3);
        expect(set.profile.writtenAnswerDays).toBe(20);
        expect(set.profile.commitmentReportDaysBefore).toBe(10);
        // Every value is still the shipped default, so every path is listed.
        expect(set.defaults.sort()).toEqual([...PROFILE_PATHS].sort());
      }
    }
  });

  it('names the model working rules of each level in the legal basis', () => {
    expect(defaultSessionRuleSets('province')[1]!.legalBasis).toContain('103/2025/UBTVQH15');
    expect(defaultSessionRuleSets('commune')[1]!.legalBasis).toContain('104/2025/UBTVQH15');
  });

  it('returns fresh objects: editing one council’s sets does not change another’s', () => {
    const a = defaultSessionRuleSets('province');
    a[0]!.profile.leadTimes.documentsToDelegates!.value = 99;
    expect(defaultSessionRuleSets('province')[0]!.profile.leadTimes.documentsToDelegates!.value).toBe(7);
  });
});

describe('ruleSetInForce: two generations within 2025', () => {
  const sets = defaultSessionRuleSets('province');

  it('a session convened on 25/09/2025 keeps the old rules, one convened on 26/09/2025 the new ones', () => {
    expect(ruleSetInForce(sets, '2025-01-15').key).toBe('province-before-2025-09-26');
    expect(ruleSetInForce(sets, '2025-09-25').key).toBe('province-before-2025-09-26');
    expect(ruleSetInForce(sets, '2025-09-26').key).toBe('province-from-2025-09-26');
    expect(ruleSetInForce(sets, '2026-12-31').key).toBe('province-from-2025-09-26');
  });

  it('a date no set covers is a Vietnamese error, not a silent default', () => {
    const e = ruleError(() => ruleSetInForce(sets, '2010-05-01'));
    expect(e.code).toBe('noRuleSet');
    expect(e.message).toBe('Không có bộ quy tắc kỳ họp nào có hiệu lực vào ngày 01/05/2010: đề nghị bổ sung quy tắc cho thời gian này.');
  });

  it('overlapping windows are refused with both keys named', () => {
    const overlapping: SessionRuleSet[] = [...sets, { ...sets[1]!, key: 'quy-che-2026', validFrom: '2026-01-01' }];
    const e = ruleError(() => ruleSetInForce(overlapping, '2026-03-01'));
    expect(e.code).toBe('overlappingRuleSets');
    expect(e.message).toContain('province-from-2025-09-26');
    expect(e.message).toContain('quy-che-2026');
    // Before the overlap starts there is exactly one.
    expect(ruleSetInForce(overlapping, '2025-12-31').key).toBe('province-from-2025-09-26');
  });

  it('an invalid date is refused', () => {
    expect(ruleError(() => ruleSetInForce(sets, '2025-02-30')).code).toBe('invalidDate');
  });
});

describe('validateProfile', () => {
  const good = defaultSessionRuleSets('commune')[1]!.profile;

  it('accepts the shipped profile and returns a copy', () => {
    const r = validateProfile(good);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.profile).toEqual(good);
      expect(r.profile).not.toBe(good);
    }
  });

  it('reports every wrong value with its path and a Vietnamese message', () => {
    const bad = {
      ...good,
      leadTimes: {
        ...good.leadTimes,
        documentsToDelegates: { value: -1, unit: 'weeks', anchor: 'session_opening', direction: 'before', verified: 'no', source: '' },
        bogusStep: null,
      },
      speakingMinutes: { speech: 0, question: 3, answer: 2.5 },
      dueSoonWorkingDays: 'three',
    };
    const r = validateProfile(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.errors.map((e) => [e.path, e.message]));
    expect(Object.keys(byPath).sort()).toEqual(
      [
        'dueSoonWorkingDays',
        'leadTimes.bogusStep',
        'leadTimes.documentsToDelegates.source',
        'leadTimes.documentsToDelegates.unit',
        'leadTimes.documentsToDelegates.value',
        'leadTimes.documentsToDelegates.verified',
        'speakingMinutes.answer',
        'speakingMinutes.speech',
      ].sort(),
    );
    expect(byPath['leadTimes.documentsToDelegates.unit']).toBe('Gửi tài liệu đến đại biểu: đơn vị phải là "ngày" hoặc "ngày làm việc".');
    expect(byPath['speakingMinutes.speech']).toBe('Thời gian phát biểu (phút) phải là số nguyên từ 1 đến 120.');
  });

  it('requires every step (null means “no lead time”, a missing step is an error)', () => {
    const { jointConference: _omit, ...rest } = good.leadTimes;
    const r = validateProfile({ ...good, leadTimes: rest });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([{ path: 'leadTimes.jointConference', message: 'Hội nghị liên tịch: thiếu thời hạn.' }]);
  });

  it('keeps only the fields of the profile (nothing extra reaches the database)', () => {
    const r = validateProfile({ ...good, extra: 1, leadTimes: { ...good.leadTimes, documentsToDelegates: { ...good.leadTimes.documentsToDelegates!, note: 'x' } } });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.profile).toEqual(good);
  });

  it('refuses what is not an object', () => {
    expect(validateProfile(null)).toEqual({ ok: false, errors: [{ path: '', message: 'Cấu hình kỳ họp không hợp lệ.' }] });
  });
});

describe('mergeProfile', () => {
  const shipped = defaultSessionRuleSets('province')[1]!.profile;

  it('nothing stored: the defaults, every path marked as default', () => {
    const r = mergeProfile(null, shipped);
    expect(r.profile).toEqual(shipped);
    expect(r.defaults).toEqual([...PROFILE_PATHS]);
  });

  it('what the council stored replaces the default and leaves the list; the rest stays default', () => {
    const stored = {
      leadTimes: {
        documentsToDelegates: { value: 10, unit: 'working_days', anchor: 'session_opening', direction: 'before', verified: true, source: 'Quy chế hoạt động HĐND tỉnh, Điều 12' },
        jointConference: { value: 60, unit: 'days', anchor: 'session_opening', direction: 'before', verified: false, source: UNVERIFIED_SOURCE },
      },
      speakingMinutes: { speech: 8 },
      dueSoonWorkingDays: 5,
    };
    const r = mergeProfile(stored, shipped);
    expect(r.profile.leadTimes.documentsToDelegates).toMatchObject({ value: 10, unit: 'working_days', verified: true });
    expect(r.profile.leadTimes.jointConference).toMatchObject({ value: 60 });
    expect(r.profile.speakingMinutes).toEqual({ speech: 8, question: 3, answer: 7 });
    expect(r.profile.dueSoonWorkingDays).toBe(5);
    expect(r.defaults).toEqual([
      'leadTimes.submissionToCommittee',
      'leadTimes.verificationReport',
      'leadTimes.responseReport',
      'speakingMinutes.question',
      'speakingMinutes.answer',
      'writtenAnswerDays',
      'commitmentReportDaysBefore',
      'chamber.seats',
      'chamber.selfCheckIn',
      'chamber.publishNamedVotes',
    ]);
    // The defaults object is not changed.
    expect(shipped.leadTimes.documentsToDelegates!.value).toBe(7);
  });

  it('a stored value equal to the shipped one is still the default; a confirmed rule is not', () => {
    const same = mergeProfile({ speakingMinutes: { speech: 10 }, leadTimes: { documentsToDelegates: shipped.leadTimes.documentsToDelegates } }, shipped);
    expect(same.defaults).toEqual([...PROFILE_PATHS]);
    const confirmed = mergeProfile(
      { leadTimes: { documentsToDelegates: { ...shipped.leadTimes.documentsToDelegates!, verified: true, source: 'Quy chế hoạt động HĐND tỉnh, Điều 12' } } },
      shipped,
    );
    expect(confirmed.profile.leadTimes.documentsToDelegates!.value).toBe(7);
    expect(confirmed.defaults).not.toContain('leadTimes.documentsToDelegates');
  });

  it('a stored null removes a lead time (the council decided there is none)', () => {
    const r = mergeProfile({ leadTimes: { documentsToDelegates: null } }, shipped);
    expect(r.profile.leadTimes.documentsToDelegates).toBeNull();
    expect(r.defaults).not.toContain('leadTimes.documentsToDelegates');
  });

  it('a corrupt stored value keeps the default and is reported as default', () => {
    const r = mergeProfile({ leadTimes: { documentsToDelegates: { value: 'x' } }, speakingMinutes: { speech: -3 } }, shipped);
    expect(r.profile.leadTimes.documentsToDelegates!.value).toBe(7);
    expect(r.profile.speakingMinutes.speech).toBe(10);
    expect(r.defaults).toContain('leadTimes.documentsToDelegates');
    expect(r.defaults).toContain('speakingMinutes.speech');
  });

  it('every step has a path', () => {
    for (const s of LEAD_TIME_STEPS) expect(PROFILE_PATHS).toContain(`leadTimes.${s}`);
  });
});
