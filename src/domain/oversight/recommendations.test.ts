import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, KNOWN_OVERRIDES } from '../calendar/index.ts';
import {
  applyRecommendationEvent,
  ASSESSMENT_MEANINGS,
  CLOSED_STATES,
  issueRecommendation,
  RECOMMENDATION_ACTION_LABELS,
  RECOMMENDATION_STATE_LABELS,
  RECOMMENDATION_STATES,
  recommendationActions,
  recommendationView,
  replayRecommendation,
} from './recommendations.ts';
import type { RecommendationAction, RecommendationActor, RecommendationEvent, RecommendationState } from './recommendations.ts';
import { ruleError } from './testSupport.ts';

const cal = createWorkingCalendar(KNOWN_OVERRIDES);
const ISSUED = '2026-01-15';
const DUE = '2026-03-31';

let day = 0;
/** A complete event for `action`, one day after the previous one. */
function ev(action: RecommendationAction, actor: RecommendationActor = ACTOR[action], extra: Partial<RecommendationEvent> = {}): RecommendationEvent {
  day++;
  const on = `2026-02-${String(day).padStart(2, '0')}`;
  return { action, actor, on, reason: 'Lý do cụ thể', text: 'Nội dung báo cáo', due: `2026-0${4 + (day % 5)}-15`, approvedBy: 'Chủ tịch HĐND tỉnh', ...extra };
}

const ACTOR: Record<RecommendationAction, RecommendationActor> = {
  accept: 'agency',
  accept_partly: 'agency',
  reject: 'agency',
  report_progress: 'agency',
  report_done: 'agency',
  extend_due: 'supervisor',
  assess_done: 'supervisor',
  assess_partly: 'supervisor',
  assess_not_done: 'supervisor',
  reopen: 'supervisor',
};

const PATH: Record<RecommendationState, RecommendationAction[]> = {
  issued: [],
  accepted: ['accept'],
  partly_accepted: ['accept_partly'],
  not_accepted: ['reject'],
  in_progress: ['accept', 'report_progress'],
  reported_done: ['accept', 'report_done'],
  assessed_done: ['accept', 'report_done', 'assess_done'],
  assessed_partly: ['accept', 'report_done', 'assess_partly'],
  assessed_not_done: ['accept', 'report_done', 'assess_not_done'],
  reopened: ['accept', 'report_done', 'assess_not_done', 'reopen'],
};

function reach(state: RecommendationState) {
  day = 0;
  return replayRecommendation(ISSUED, DUE, PATH[state].map((a) => ev(a)));
}

/** The expected lifecycle, written out independently of the code's table. */
const ALLOWED: Record<RecommendationState, { agency: RecommendationAction[]; supervisor: RecommendationAction[] }> = {
  issued: { agency: ['accept', 'accept_partly', 'reject'], supervisor: ['extend_due', 'assess_not_done'] },
  accepted: { agency: ['report_progress', 'report_done'], supervisor: ['extend_due', 'assess_not_done'] },
  partly_accepted: { agency: ['report_progress', 'report_done'], supervisor: ['extend_due', 'assess_partly', 'assess_not_done'] },
  not_accepted: { agency: [], supervisor: ['extend_due', 'assess_not_done', 'reopen'] },
  in_progress: { agency: ['report_progress', 'report_done'], supervisor: ['extend_due', 'assess_done', 'assess_partly', 'assess_not_done'] },
  reported_done: { agency: [], supervisor: ['assess_done', 'assess_partly', 'assess_not_done', 'reopen'] },
  assessed_done: { agency: [], supervisor: ['reopen'] },
  assessed_partly: { agency: [], supervisor: ['reopen'] },
  assessed_not_done: { agency: [], supervisor: ['reopen'] },
  reopened: { agency: ['accept', 'accept_partly', 'reject', 'report_progress', 'report_done'], supervisor: ['extend_due', 'assess_not_done'] },
};

const RESULT: Record<RecommendationAction, RecommendationState | 'same'> = {
  accept: 'accepted',
  accept_partly: 'partly_accepted',
  reject: 'not_accepted',
  report_progress: 'in_progress',
  report_done: 'reported_done',
  extend_due: 'same',
  assess_done: 'assessed_done',
  assess_partly: 'assessed_partly',
  assess_not_done: 'assessed_not_done',
  reopen: 'reopened',
};

describe('recommendation lifecycle: every transition', () => {
  for (const state of RECOMMENDATION_STATES) {
    it(`from "${RECOMMENDATION_STATE_LABELS[state]}": the allowed actions succeed, every other is refused in Vietnamese`, () => {
      const r = reach(state);
      expect(r.state).toBe(state);
      for (const actor of ['agency', 'supervisor'] as const) {
        expect(recommendationActions(state, actor)).toEqual(ALLOWED[state][actor]);
        for (const action of Object.keys(RESULT) as RecommendationAction[]) {
          const e = ev(action, actor, { due: '2026-12-15' });
          if (ALLOWED[state][actor].includes(action)) {
            const next = applyRecommendationEvent(r, e);
            expect(next.state).toBe(RESULT[action] === 'same' ? state : RESULT[action]);
            expect(next.history.at(-1)).toBe(e);
          } else {
            const err = ruleError(() => applyRecommendationEvent(r, e));
            if (ACTOR[action] !== actor) {
              expect(err.code).toBe('wrongActor');
              expect(err.message).toBe(`Chỉ ${actor === 'agency' ? 'cơ quan giám sát' : 'cơ quan được kiến nghị'} được thực hiện thao tác "${RECOMMENDATION_ACTION_LABELS[action]}".`);
            } else {
              expect(err.code).toBe('notAllowed');
              expect(err.message).toBe(`Kiến nghị đang ở trạng thái "${RECOMMENDATION_STATE_LABELS[state]}": không thể "${RECOMMENDATION_ACTION_LABELS[action]}".`);
            }
          }
        }
      }
    });
  }

  it('the agency can never close a recommendation; only the supervisor assesses', () => {
    for (const s of RECOMMENDATION_STATES) for (const a of recommendationActions(s, 'agency')) expect(CLOSED_STATES.has(RESULT[a] as RecommendationState)).toBe(false);
  });

  it('each assessment says what it means', () => {
    expect(ASSESSMENT_MEANINGS.assessed_done).toContain('thực hiện đầy đủ');
    expect(ASSESSMENT_MEANINGS.assessed_not_done).toContain('yêu cầu giải trình');
  });
});

describe('recommendation: what each action needs', () => {
  it('partial or no acceptance needs reasons, kept as the disposition', () => {
    day = 0;
    const r = issueRecommendation(ISSUED, DUE);
    expect(ruleError(() => applyRecommendationEvent(r, ev('reject', 'agency', { reason: '  ' }))).message).toBe('"Không tiếp thu": cần nêu lý do.');
    expect(applyRecommendationEvent(r, ev('reject', 'agency', { reason: ' Ngoài thẩm quyền của Sở ' })).dispositionReason).toBe('Ngoài thẩm quyền của Sở');
    expect(applyRecommendationEvent(r, ev('accept', 'agency', { reason: undefined })).dispositionReason).toBeNull();
  });

  it('reports need text and keep their evidence; an assessment needs its finding', () => {
    const r = reach('accepted');
    expect(ruleError(() => applyRecommendationEvent(r, ev('report_progress', 'agency', { text: '' }))).message).toBe('"Báo cáo tiến độ": cần nội dung báo cáo.');
    const p = applyRecommendationEvent(r, ev('report_progress', 'agency', { text: 'Đã khởi công 2 trường', evidence: ['file-1'] }));
    expect(p.progressReports).toEqual([{ on: p.history.at(-1)!.on, text: 'Đã khởi công 2 trường', evidence: ['file-1'] }]);
    expect(p.answeredOn).toBeNull();
    expect(ruleError(() => applyRecommendationEvent(p, ev('assess_done', 'supervisor', { text: undefined }))).message).toBe('"Xác minh: hoàn thành": cần nêu kết quả xác minh.');
  });

  it('an extension needs a reason, an approver and a later date; the original due date stays', () => {
    const r = reach('in_progress');
    expect(ruleError(() => applyRecommendationEvent(r, ev('extend_due', 'supervisor', { approvedBy: '' }))).code).toBe('approverRequired');
    expect(ruleError(() => applyRecommendationEvent(r, ev('extend_due', 'supervisor', { due: '2026-03-31' }))).message).toBe(
      '"Gia hạn": thời hạn mới phải sau thời hạn hiện tại (31/03/2026).',
    );
    const x = applyRecommendationEvent(r, ev('extend_due', 'supervisor', { due: '2026-06-30' }));
    expect(x).toMatchObject({ state: 'in_progress', originalDue: DUE, due: '2026-06-30' });
    expect(x.extensions[0]).toMatchObject({ from: DUE, to: '2026-06-30', approvedBy: 'Chủ tịch HĐND tỉnh' });
  });

  it('reopening clears the answer and the closure, sets a new due date and keeps the original', () => {
    const r = reach('reopened');
    expect(r).toMatchObject({ answeredOn: null, closedOn: null, originalDue: DUE });
    expect(r.due).not.toBe(DUE);
    const closed = reach('assessed_not_done');
    expect(ruleError(() => applyRecommendationEvent(closed, ev('reopen', 'supervisor', { due: 'mai' }))).message).toBe('"Mở lại": thời hạn mới không hợp lệ.');
    expect(ruleError(() => applyRecommendationEvent(closed, ev('reopen', 'supervisor', { due: '2026-01-01' }))).code).toBe('dueInPast');
  });

  it('events out of order, bad dates and unknown actions are refused', () => {
    const r = reach('accepted');
    expect(ruleError(() => applyRecommendationEvent(r, { ...ev('report_done'), on: '2026-01-20' })).message).toBe(
      'Ngày thực hiện "Báo cáo đã thực hiện" (20/01/2026) không được trước thao tác liền trước (01/02/2026).',
    );
    expect(ruleError(() => applyRecommendationEvent(r, { ...ev('report_done'), on: '2026-02-30' })).code).toBe('invalidDate');
    expect(ruleError(() => applyRecommendationEvent(r, { ...ev('report_done'), action: 'close' as RecommendationAction })).message).toBe('Thao tác không hợp lệ: "close".');
    expect(ruleError(() => issueRecommendation('2026-03-01', '2026-02-01')).code).toBe('dueBeforeIssue');
  });

  it('replaying never changes the record it starts from', () => {
    const r = reach('accepted');
    const copy = structuredClone(r);
    applyRecommendationEvent(r, ev('report_progress'));
    expect(r).toEqual(copy);
  });
});

describe('recommendation: computed states', () => {
  it('overdue while owed after the due date; not once reported done (awaiting verification) or closed', () => {
    const r = reach('accepted');
    expect(recommendationView(r, '2026-03-31', cal).flags).toEqual([]);
    const late = recommendationView(r, '2026-04-10', cal);
    expect(late.flags).toEqual(['overdue']);
    expect(late.followUp).toMatchObject({ status: 'awaiting_answer', daysOverdue: 10, deadline: 'overdue', reminder: 'overdue' });
    const done = applyRecommendationEvent(r, { ...ev('report_done'), on: '2026-04-03' });
    const v = recommendationView(done, '2026-04-10', cal);
    expect(v.flags).toEqual(['awaiting_verification']);
    expect(v.followUp).toMatchObject({ status: 'answered', overdue: false, answeredLate: true, daysOverdue: 3, reminder: null });
    const closed = applyRecommendationEvent(done, { ...ev('assess_done'), on: '2026-04-20' });
    expect(recommendationView(closed, '2026-05-10', cal).followUp).toMatchObject({ status: 'closed', overdue: false, reminder: null });
  });

  it('not accepted is a computed flag, and it still runs late; an extension is measured against both due dates', () => {
    const no = reach('not_accepted');
    expect(recommendationView(no, '2026-04-02', cal).flags).toEqual(['overdue', 'not_accepted']);
    const ext = applyRecommendationEvent(reach('in_progress'), { ...ev('extend_due'), due: '2026-04-30' });
    const v = recommendationView(ext, '2026-04-10', cal);
    expect(v.flags).toEqual(['extended']);
    expect(v.followUp).toMatchObject({ overdue: false, daysOverdue: 0, daysOverdueOriginal: 10 });
  });
});
