import { describe, expect, it } from 'vitest';
import {
  buildRoll, checkMark, checkReorder, effectiveAttendance, floorNumbers, formatClock, moveInOrder, selfCheckInRefusal,
  speakerTransition, speakingClock, toSnapshot, type AttendanceMark,
} from './floor.ts';
import { computeVoteResult, voteRuleInForce } from './votes.ts';
import { SessionRuleError } from './errors.ts';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `d${String(i).padStart(2, '0')}`);
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof SessionRuleError) return e.code;
    throw e;
  }
  return null;
};

describe('effectiveAttendance', () => {
  const marks: AttendanceMark[] = [
    { delegateId: 'a', itemId: null, status: 'present', reason: '' },
    { delegateId: 'b', itemId: null, status: 'online', reason: '' },
    { delegateId: 'a', itemId: 'i1', status: 'absent', reason: 'Tiếp công dân' },
    { delegateId: 'c', itemId: 'i1', status: 'present', reason: '' },
  ];
  it('the session counts its own marks only', () => {
    const e = effectiveAttendance(marks);
    expect([...e.keys()].sort()).toEqual(['a', 'b']);
    expect(e.get('a')).toEqual({ status: 'present', reason: '', level: 'session' });
  });
  it('an item mark overrides the session mark for that item only', () => {
    const e = effectiveAttendance(marks, 'i1');
    expect(e.get('a')).toEqual({ status: 'absent', reason: 'Tiếp công dân', level: 'item' });
    expect(e.get('b')?.level).toBe('session');
    expect(e.get('c')?.level).toBe('item');
    expect(effectiveAttendance(marks, 'i2').get('a')?.status).toBe('present');
  });
});

describe('buildRoll', () => {
  it('serving leaves out those who left; suspended serve but are not entitled; present = room + online', () => {
    const r = buildRoll({
      seats: 6,
      delegates: [{ id: 'a', status: 'active' }, { id: 'b', status: 'active' }, { id: 'c', status: 'active', suspended: true }, { id: 'd', status: 'ended' }, { id: 'e', status: 'active' }],
      marks: [
        { delegateId: 'a', itemId: null, status: 'present', reason: '' },
        { delegateId: 'b', itemId: null, status: 'online', reason: '' },
        { delegateId: 'c', itemId: null, status: 'present', reason: '' },
        { delegateId: 'd', itemId: null, status: 'present', reason: '' },
      ],
    });
    expect(r).toMatchObject({ seats: 6, elected: 5, serving: 4, suspended: ['c'], entitled: ['a', 'b', 'e'], present: ['a', 'b', 'c'], inRoom: ['a', 'c'], online: ['b'], notCheckedIn: ['e'] });
    expect(toSnapshot(r)).toEqual({ seats: 6, elected: 5, serving: 4, suspended: ['c'], entitled: ['a', 'b', 'e'], present: ['a', 'b', 'c'] });
  });
  it('absent with the reason; bad seats refused', () => {
    const r = buildRoll({ seats: 3, delegates: [{ id: 'a', status: 'active' }], marks: [{ delegateId: 'a', itemId: null, status: 'absent', reason: 'Ốm' }] });
    expect(r.absent).toEqual([{ delegateId: 'a', reason: 'Ốm' }]);
    expect(r.present).toEqual([]);
    expect(code(() => buildRoll({ seats: 0, delegates: [], marks: [] }))).toBe('roll_seats_invalid');
    expect(code(() => buildRoll({ seats: 2.5, delegates: [], marks: [] }))).toBe('roll_seats_invalid');
  });
  it('the snapshot feeds votes.ts: over half of ALL seats, not of those present', () => {
    const all = ids(30);
    const r = buildRoll({ seats: 30, delegates: all.map((id) => ({ id, status: 'active' })), marks: all.slice(0, 20).map((delegateId) => ({ delegateId, itemId: null, status: 'present' as const, reason: '' })) });
    const res = computeVoteResult(voteRuleInForce('resolution', '2026-11-26'), toSnapshot(r), { method: 'show_of_hands', for: 15, against: 5, abstain: 0 }, { closedOn: '2026-11-26', termEndsOn: '2031-06-30' });
    // 15 of 20 present is a majority of those present but not more than half of the 30 seats.
    expect(res.outcome).toBe('failed');
    expect(res.needed).toBe(16);
  });
});

describe('floorNumbers', () => {
  const roll = (seats: number, serving: number, present: number) => {
    const all = ids(serving);
    return buildRoll({ seats, delegates: all.map((id) => ({ id, status: 'active' })), marks: all.slice(0, present).map((delegateId) => ({ delegateId, itemId: null, status: 'present' as const, reason: '' })) });
  };
  it('over half of all seats; two thirds for a dismissal; reachable by those present', () => {
    const n = floorNumbers(roll(30, 30, 15), 'resolution', { today: '2026-11-26', termEndsOn: '2031-06-30' });
    expect(n).toMatchObject({ seats: 30, serving: 30, present: 15, reachable: false });
    expect(n.threshold?.needed).toBe(16);
    expect(floorNumbers(roll(30, 30, 20), 'dismissal', { today: '2026-11-26', termEndsOn: '2031-06-30' }).threshold?.needed).toBe(20);
    expect(floorNumbers(roll(30, 30, 20), 'resolution', { today: '2026-11-26', termEndsOn: '2031-06-30' }).reachable).toBe(true);
  });
  it('vacancies: the seats stay the base unless the council counts those serving', () => {
    expect(floorNumbers(roll(30, 25, 25), 'resolution', { today: '2026-11-26', termEndsOn: '2031-06-30' }).threshold?.needed).toBe(16);
    expect(floorNumbers(roll(30, 25, 25), 'resolution', { today: '2026-11-26', termEndsOn: '2031-06-30', totalMeans: 'serving' }).threshold?.needed).toBe(13);
  });
  it('Điều 49 k2: below 2/3 of the seats with at most 18 months left → over 2/3 of those serving', () => {
    const n = floorNumbers(roll(30, 18, 18), 'resolution', { today: '2030-03-01', termEndsOn: '2031-06-30' });
    expect(n.threshold).toMatchObject({ reducedCouncil: true, base: 18, needed: 13, baseKind: 'serving' });
    // More than 18 months left: the ordinary rule, with a by-election note.
    const far = floorNumbers(roll(30, 18, 18), 'resolution', { today: '2026-11-26', termEndsOn: '2031-06-30' });
    expect(far.threshold).toMatchObject({ reducedCouncil: false, needed: 16 });
    expect(far.threshold?.notes.join(' ')).toMatch(/bầu cử bổ sung/);
  });
  it('below a third of the seats: no threshold, the reason instead', () => {
    const n = floorNumbers(roll(30, 9, 9), 'resolution', { today: '2030-03-01', termEndsOn: '2031-06-30' });
    expect(n.threshold).toBeNull();
    expect(n.thresholdError).toMatch(/dưới 1\/3/);
    expect(n.reachable).toBeNull();
  });
});

describe('checkMark and self check-in', () => {
  it('absence needs a reason; statuses are known', () => {
    expect(checkMark({ status: 'present', reason: 'x' })).toEqual({ status: 'present', reason: '' });
    expect(checkMark({ status: 'absent', reason: ' Ốm ' })).toEqual({ status: 'absent', reason: 'Ốm' });
    expect(code(() => checkMark({ status: 'absent' }))).toBe('attendance_invalid');
    expect(code(() => checkMark({ status: 'late' }))).toBe('attendance_invalid');
  });
  it('only when the council allows it and the session sits', () => {
    expect(selfCheckInRefusal(false, 'inProgress')).toMatch(/chưa cho phép/);
    expect(selfCheckInRefusal(true, 'planned')).toMatch(/triệu tập/);
    expect(selfCheckInRefusal(true, 'closed')).toMatch(/triệu tập/);
    expect(selfCheckInRefusal(true, 'inProgress')).toBeNull();
    expect(selfCheckInRefusal(true, 'convened')).toBeNull();
  });
});

describe('speakers', () => {
  it('transitions: call, end, skip, put back; one speaker at a time', () => {
    expect(speakerTransition('waiting', 'speaking', 0)).toBe('speaking');
    expect(speakerTransition('speaking', 'done', 0)).toBe('done');
    expect(speakerTransition('waiting', 'done', 0)).toBe('done');
    expect(speakerTransition('done', 'waiting', 0)).toBe('waiting');
    expect(speakerTransition('done', 'speaking', 0)).toBe('speaking');
    expect(code(() => speakerTransition('waiting', 'speaking', 1))).toBe('speaker_other_speaking');
    expect(code(() => speakerTransition('speaking', 'waiting', 0))).toBe('speaker_transition_refused');
    expect(code(() => speakerTransition('done', 'done', 0))).toBe('speaker_status_same');
    expect(code(() => speakerTransition('waiting', 'talking', 0))).toBe('speaker_status_invalid');
  });
  it('a new order names every speaker once', () => {
    expect([...checkReorder(['a', 'b', 'c'], ['c', 'a', 'b'])]).toEqual([['c', 1], ['a', 2], ['b', 3]]);
    expect(code(() => checkReorder(['a', 'b'], ['a']))).toBe('speaker_order_incomplete');
    expect(code(() => checkReorder(['a', 'b'], ['a', 'a']))).toBe('speaker_order_duplicate');
    expect(code(() => checkReorder(['a', 'b'], ['a', 'x']))).toBe('speaker_order_unknown');
    expect([...checkReorder([], [])]).toEqual([]);
  });
  it('up and down by one; unchanged at the ends', () => {
    expect(moveInOrder(['a', 'b', 'c'], 'c', 'up')).toEqual(['a', 'c', 'b']);
    expect(moveInOrder(['a', 'b', 'c'], 'a', 'down')).toEqual(['b', 'a', 'c']);
    expect(moveInOrder(['a', 'b', 'c'], 'a', 'up')).toEqual(['a', 'b', 'c']);
    expect(moveInOrder(['a', 'b', 'c'], 'c', 'down')).toEqual(['a', 'b', 'c']);
    expect(code(() => moveInOrder(['a'], 'z', 'up'))).toBe('speaker_order_unknown');
  });
  it('the clock: not started, running, over time, ended', () => {
    const t0 = Date.UTC(2026, 10, 26, 2);
    expect(speakingClock(420, null, null, t0)).toEqual({ elapsed: 0, left: 420, over: false, running: false });
    expect(speakingClock(420, t0, null, t0 + 61_500)).toEqual({ elapsed: 61, left: 359, over: false, running: true });
    expect(speakingClock(420, t0, null, t0 + 435_000)).toEqual({ elapsed: 435, left: -15, over: true, running: true });
    expect(speakingClock(420, t0, t0 + 100_000, t0 + 900_000)).toEqual({ elapsed: 100, left: 320, over: false, running: false });
    // A clock skew never gives negative elapsed time.
    expect(speakingClock(420, t0, null, t0 - 5000).elapsed).toBe(0);
  });
  it('formats mm:ss, with a minus sign when over time', () => {
    expect(formatClock(420)).toBe('07:00');
    expect(formatClock(59)).toBe('00:59');
    expect(formatClock(-15)).toBe('-00:15');
    expect(formatClock(3600)).toBe('60:00');
  });
});

describe('profile: the chamber settings', async () => {
  const { defaultSessionRuleSets, mergeProfile, validateProfile } = await import('./profile.ts');
  const shipped = defaultSessionRuleSets('commune')[1]!.profile;
  it('ship off and without seats, both marked default', () => {
    expect(shipped.chamber).toEqual({ seats: null, selfCheckIn: false, publishNamedVotes: false });
    const m = mergeProfile({}, shipped);
    expect(m.defaults).toEqual(expect.arrayContaining(['chamber.seats', 'chamber.selfCheckIn']));
  });
  it('a council sets its seats and allows self check-in; bad values keep the default or are refused', () => {
    const m = mergeProfile({ chamber: { seats: 35, selfCheckIn: true } }, shipped);
    expect(m.profile.chamber).toEqual({ seats: 35, selfCheckIn: true, publishNamedVotes: false });
    expect(m.defaults).not.toContain('chamber.seats');
    expect(mergeProfile({ chamber: { seats: -1, selfCheckIn: 'yes' } }, shipped).profile.chamber).toEqual({ seats: null, selfCheckIn: false, publishNamedVotes: false });
    const bad = validateProfile({ ...shipped, chamber: { seats: 0, selfCheckIn: 'có' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.path)).toEqual(['chamber.seats', 'chamber.selfCheckIn']);
    const { chamber: _omit, ...older } = shipped;
    const ok = validateProfile(older);
    expect(ok.ok && ok.profile.chamber).toEqual({ seats: null, selfCheckIn: false, publishNamedVotes: false });
  });
});
