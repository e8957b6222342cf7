import { describe, expect, it } from 'vitest';
import {
  audienceOf, classCompletion, courseStanding, coverage, describeRule, inAudience, personKey, sessionsNeeded, shareInForce, termCompleted,
  DEFAULT_TRAINING_RULES, TrainingRuleError, type DelegateProfile,
} from './index.ts';

const d = (id: string, over: Partial<DelegateProfile> = {}): DelegateProfile => ({ id, termId: 't1', status: 'active', isNew: true, memberships: [], ...over });

describe('completion share', () => {
  it('the shipped default is 80 % and marked unverified; a course or a council may set its own', () => {
    expect(DEFAULT_TRAINING_RULES.verified).toBe(false);
    expect(shareInForce(null, null)).toMatchObject({ share: 0.8, verified: false });
    expect(shareInForce(null, 0.5).share).toBe(0.5);
    expect(shareInForce(1, 0.5).share).toBe(1);
    expect(() => shareInForce(0, null)).toThrow(TrainingRuleError);
    expect(() => shareInForce(1.2, null)).toThrow(/không quá 100%/);
  });

  it('sessions needed round up, without floating-point surprises', () => {
    expect(sessionsNeeded(5, 0.8)).toBe(4);
    expect(sessionsNeeded(3, 0.8)).toBe(3);
    expect(sessionsNeeded(4, 0.5)).toBe(2);
    expect(sessionsNeeded(10, 0.7)).toBe(7);
    expect(sessionsNeeded(1, 0.1)).toBe(1);
    expect(sessionsNeeded(0, 0.8)).toBe(0);
  });
});

describe('class completion', () => {
  const base = { sessionCount: 5, heldCount: 5, present: 4, share: 0.8, enrolment: 'enrolled' as const, finished: true };
  it('attending the share of sessions completes; one fewer does not', () => {
    expect(classCompletion(base).state).toBe('completed');
    expect(classCompletion({ ...base, present: 3 })).toMatchObject({ state: 'not_completed', needed: 4 });
  });
  it('still reachable while sessions remain; unreachable is not completed before the end', () => {
    expect(classCompletion({ ...base, heldCount: 3, present: 2, finished: false })).toMatchObject({ state: 'in_progress', remaining: 2 });
    expect(classCompletion({ ...base, heldCount: 3, present: 1, finished: false }).state).toBe('not_completed');
  });
  it('an excused enrolment and a class without sessions are their own states', () => {
    expect(classCompletion({ ...base, enrolment: 'excused' }).state).toBe('excused');
    expect(classCompletion({ ...base, sessionCount: 0, heldCount: 0, present: 0 }).state).toBe('no_sessions');
  });
  it('a course counts the best class; the term needs every required course', () => {
    const done = classCompletion(base);
    const failed = classCompletion({ ...base, present: 1 });
    expect(courseStanding([failed, done])).toBe('completed');
    expect(courseStanding([failed])).toBe('not_completed');
    expect(courseStanding([])).toBe('not_enrolled');
    expect(termCompleted(['completed', 'completed'])).toBe(true);
    expect(termCompleted(['completed', 'in_progress'])).toBe(false);
    expect(termCompleted([])).toBe(true);
    expect(coverage(3, 4)).toBe(75);
    expect(coverage(0, 0)).toBeNull();
  });
});

describe('required audience', () => {
  const chairOfGroup = d('a', { isNew: false, memberships: [{ bodyId: 'g1', bodyKind: 'delegate_group', role: 'chair' }] });
  const committeeMember = d('b', { memberships: [{ bodyId: 'c1', bodyKind: 'committee', role: 'member' }] });
  const plain = d('c', { isNew: false });
  const ended = d('e', { status: 'ended' });
  const otherTerm = d('f', { termId: 't0' });
  const all = [chairOfGroup, committeeMember, plain, ended, otherTerm];

  it('new delegates of the term: not the re-elected, not those who left, not another term', () => {
    expect(audienceOf(all, [{ kind: 'new_delegates' }], 't1').map((x) => x.id)).toEqual(['b']);
    expect(audienceOf(all, [{ kind: 're_elected_delegates' }], 't1').map((x) => x.id)).toEqual(['a', 'c']);
    expect(audienceOf(all, [{ kind: 'all_delegates' }], 't1').map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });
  it('members of a body kind, optionally by role; a named body; any rule suffices', () => {
    expect(audienceOf(all, [{ kind: 'body_kind', bodyKind: 'delegate_group', roles: ['chair'] }], 't1').map((x) => x.id)).toEqual(['a']);
    expect(audienceOf(all, [{ kind: 'body_kind', bodyKind: 'delegate_group', roles: ['member'] }], 't1')).toEqual([]);
    expect(audienceOf(all, [{ kind: 'body', bodyId: 'c1' }], 't1').map((x) => x.id)).toEqual(['b']);
    expect(audienceOf(all, [{ kind: 'body', bodyId: 'c1' }, { kind: 'body_kind', bodyKind: 'delegate_group' }], 't1').map((x) => x.id)).toEqual(['a', 'b']);
    expect(inAudience(plain, [], 't1')).toBe(false);
  });
  it('describes rules in Vietnamese and keys people by folded name and birth year', () => {
    expect(describeRule({ kind: 'body_kind', bodyKind: 'delegate_group', roles: ['chair', 'vice_chair'] })).toBe('Trưởng, phó các Tổ đại biểu');
    expect(describeRule({ kind: 'new_delegates' })).toBe('Đại biểu lần đầu trúng cử');
    expect(describeRule({ kind: 'body', bodyId: 'x' }, () => 'Ban Pháp chế')).toBe('Thành viên Ban Pháp chế');
    expect(personKey('Nguyễn  Văn Đức', 1970)).toBe(personKey('nguyen van duc', 1970));
    expect(personKey('Nguyễn Văn Đức', 1970)).not.toBe(personKey('Nguyễn Văn Đức', 1971));
  });
});
