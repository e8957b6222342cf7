import { describe, expect, it } from 'vitest';
import { SessionRuleError } from './errors.ts';
import { ruleError } from './testSupport.ts';
import {
  nextRegularNumber,
  SESSION_ACTION_LABELS,
  SESSION_KIND_LABELS,
  SESSION_STATE_LABELS,
  sessionActions,
  sessionTransition,
  SUBMISSION_ACTION_LABELS,
  SUBMISSION_KIND_LABELS,
  SUBMISSION_STATE_LABELS,
  submissionActions,
  submissionTransition,
  VERIFICATION_CONCLUSION_LABELS,
} from './states.ts';
import type { SessionAction, SessionState, SubmissionAction, SubmissionState } from './states.ts';


const SESSION_STATES = Object.keys(SESSION_STATE_LABELS) as SessionState[];
const SESSION_ACTIONS = Object.keys(SESSION_ACTION_LABELS) as SessionAction[];
const SUBMISSION_STATES = Object.keys(SUBMISSION_STATE_LABELS) as SubmissionState[];
const SUBMISSION_ACTIONS = Object.keys(SUBMISSION_ACTION_LABELS) as SubmissionAction[];

describe('sessionTransition', () => {
  const allowed: [SessionState, SessionAction, SessionState][] = [
    ['planned', 'convene', 'convened'],
    ['planned', 'postpone', 'postponed'],
    ['convened', 'open', 'inProgress'],
    ['convened', 'postpone', 'postponed'],
    ['inProgress', 'close', 'closed'],
    ['postponed', 'reschedule', 'planned'],
  ];

  it('allows exactly the transitions of the workflow', () => {
    for (const [from, action, to] of allowed) expect(sessionTransition(from, action)).toBe(to);
    // Every other pair is refused.
    for (const from of SESSION_STATES) {
      for (const action of SESSION_ACTIONS) {
        if (allowed.some(([f, a]) => f === from && a === action)) continue;
        expect(ruleError(() => sessionTransition(from, action)).code).toBe('invalidTransition');
      }
    }
  });

  it('a full life: planned → convened → in progress → closed, with a postponement', () => {
    let s: SessionState = 'planned';
    for (const a of ['convene', 'postpone', 'reschedule', 'convene', 'open', 'close'] as SessionAction[]) s = sessionTransition(s, a);
    expect(s).toBe('closed');
  });

  it('refusals are Vietnamese and name the state', () => {
    expect(ruleError(() => sessionTransition('closed', 'open')).message).toBe('Không thể khai mạc kỳ họp đang ở trạng thái "Đã bế mạc".');
    expect(ruleError(() => sessionTransition('inProgress', 'postpone')).message).toBe('Không thể hoãn kỳ họp đang ở trạng thái "Đang họp".');
    expect(ruleError(() => sessionTransition('planned', 'open')).message).toBe('Không thể khai mạc kỳ họp đang ở trạng thái "Dự kiến".');
  });

  it('unknown actions and states are refused, not crashed on', () => {
    expect(ruleError(() => sessionTransition('planned', 'explode' as SessionAction)).message).toBe('Thao tác không hợp lệ với kỳ họp: "explode".');
    expect(ruleError(() => sessionTransition('archived' as SessionState, 'open')).code).toBe('unknownState');
  });

  it('sessionActions lists what the page may offer', () => {
    expect(sessionActions('planned')).toEqual(['convene', 'postpone']);
    expect(sessionActions('closed')).toEqual([]);
    for (const from of SESSION_STATES) for (const a of sessionActions(from)) expect(() => sessionTransition(from, a)).not.toThrow();
  });
});

describe('submissionTransition', () => {
  it('the verification chain: planned → received → assigned → verified → responded → on agenda → passed', () => {
    let s: SubmissionState = 'planned';
    const path: SubmissionState[] = [];
    for (const a of ['receive', 'assign', 'verify', 'respond', 'putOnAgenda', 'pass']) path.push((s = submissionTransition(s, a)));
    expect(path).toEqual(['received', 'assigned', 'verified', 'responded', 'onAgenda', 'passed']);
  });

  it('a report the committee agrees with goes on the agenda without a response report', () => {
    expect(submissionTransition('verified', 'putOnAgenda')).toBe('onAgenda');
  });

  it('reassigning to another committee keeps the state', () => {
    expect(submissionTransition('assigned', 'assign')).toBe('assigned');
  });

  it('withdraw and defer from every open state, never from a final one', () => {
    for (const s of ['planned', 'received', 'assigned', 'verified', 'responded', 'onAgenda'] as SubmissionState[]) {
      expect(submissionTransition(s, 'withdraw')).toBe('withdrawn');
      expect(submissionTransition(s, 'defer')).toBe('deferred');
    }
    for (const s of ['passed', 'failed', 'withdrawn', 'deferred'] as SubmissionState[]) {
      expect(submissionActions(s)).toEqual([]);
      for (const a of SUBMISSION_ACTIONS) expect(ruleError(() => submissionTransition(s, a)).code).toBe('invalidTransition');
    }
  });

  it('refused steps, in Vietnamese', () => {
    expect(ruleError(() => submissionTransition('planned', 'verify')).message).toBe(
      'Không thể ghi nhận báo cáo thẩm tra tờ trình, báo cáo đang ở trạng thái "Dự kiến".',
    );
    expect(ruleError(() => submissionTransition('received', 'pass')).message).toBe(
      'Không thể ghi nhận thông qua tờ trình, báo cáo đang ở trạng thái "Đã nhận".',
    );
    expect(ruleError(() => submissionTransition('passed', 'withdraw')).message).toBe('Không thể rút tờ trình, báo cáo đang ở trạng thái "Đã thông qua".');
    expect(ruleError(() => submissionTransition('received', 'approve')).message).toBe('Thao tác không hợp lệ với tờ trình, báo cáo: "approve".');
    // Prototype names are not actions.
    expect(ruleError(() => submissionTransition('received', 'toString')).code).toBe('unknownAction');
    expect(ruleError(() => submissionTransition('constructor' as SubmissionState, 'receive')).code).toBe('unknownState');
  });

  it('submissionActions agrees with submissionTransition on every pair', () => {
    for (const s of SUBMISSION_STATES) {
      for (const a of SUBMISSION_ACTIONS) {
        const offered = submissionActions(s).includes(a);
        if (offered) expect(() => submissionTransition(s, a)).not.toThrow();
        else expect(() => submissionTransition(s, a)).toThrow(SessionRuleError);
      }
    }
  });
});

describe('labels', () => {
  it('every state, kind and conclusion has a Vietnamese label', () => {
    expect(SESSION_STATE_LABELS).toEqual({ planned: 'Dự kiến', convened: 'Đã triệu tập', inProgress: 'Đang họp', closed: 'Đã bế mạc', postponed: 'Tạm hoãn' });
    expect(Object.keys(SUBMISSION_STATE_LABELS)).toEqual(['planned', 'received', 'assigned', 'verified', 'responded', 'onAgenda', 'passed', 'failed', 'withdrawn', 'deferred']);
    expect(SESSION_KIND_LABELS).toEqual({ regular: 'Kỳ họp thường lệ', thematic: 'Kỳ họp chuyên đề', urgent: 'Kỳ họp bất thường' });
    expect(SUBMISSION_KIND_LABELS).toEqual({ proposal: 'Tờ trình', report: 'Báo cáo', project: 'Đề án' });
    expect(Object.keys(VERIFICATION_CONCLUSION_LABELS)).toEqual(['agree', 'agreeWithChanges', 'pointsToExplain', 'disagree']);
    const all = [SESSION_STATE_LABELS, SUBMISSION_STATE_LABELS, VERIFICATION_CONCLUSION_LABELS, SESSION_ACTION_LABELS, SUBMISSION_ACTION_LABELS].flatMap((m) => Object.values(m));
    expect(new Set(Object.values(SUBMISSION_STATE_LABELS)).size).toBe(10);
    for (const l of all) expect(l.trim()).not.toBe('');
  });
});

describe('nextRegularNumber: regular sessions numbered within the term', () => {
  it('1 for the first regular session of a term', () => {
    expect(nextRegularNumber([])).toBe(1);
    expect(nextRegularNumber([{ kind: 'thematic', number: null }])).toBe(1);
  });

  it('one more than the highest regular number; thematic and urgent sessions do not count', () => {
    expect(
      nextRegularNumber([
        { kind: 'regular', number: 1 },
        { kind: 'urgent', number: 7 },
        { kind: 'regular', number: 3 },
        { kind: 'regular', number: 2 },
        { kind: 'thematic', number: 9 },
        { kind: 'regular', number: null },
      ]),
    ).toBe(4);
  });

  it('a gap (a session deleted) is not refilled: numbers never repeat', () => {
    expect(nextRegularNumber([{ kind: 'regular', number: 1 }, { kind: 'regular', number: 3 }])).toBe(4);
  });
});
