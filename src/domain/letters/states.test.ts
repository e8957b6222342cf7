import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, KNOWN_OVERRIDES } from '../calendar/index.ts';
import { obligationView } from '../followup/index.ts';
import { allowedLetterActions, LETTER_STATE_LABELS, LETTER_STATES, letterObligation, letterTransition } from './states.ts';
import type { ForwardedLetter, LetterAction, LetterState } from './states.ts';
import { ruleError } from './testSupport.ts';

const cal = createWorkingCalendar(KNOWN_OVERRIDES);

function run(kind: 'complaint' | 'denunciation' | 'request', actions: LetterAction[]): LetterState {
  return actions.reduce<LetterState>((s, a) => letterTransition(s, a, kind), 'received');
}

describe('the states of a letter', () => {
  it('every state has a Vietnamese label; "forwarded and supervised" is not "resolved"', () => {
    for (const s of LETTER_STATES) expect(LETTER_STATE_LABELS[s]).toMatch(/\p{L}/u);
    expect(LETTER_STATE_LABELS.forwarded).toBe('Đã chuyển đơn, đang theo dõi');
    expect(LETTER_STATE_LABELS.forwarded).not.toBe(LETTER_STATE_LABELS.result_received);
  });

  it('the forwarding track: received → classified → forwarded → result → citizen informed → closed', () => {
    expect(run('request', ['classify', 'forward', 'forward', 'receiveResult', 'informCitizen', 'close'])).toBe('closed');
    expect(run('complaint', ['classify', 'guide', 'close'])).toBe('closed');
    expect(run('request', ['classify', 'file'])).toBe('filed');
  });

  it("the council's own track, with a suspension that resumes to acceptance", () => {
    expect(run('complaint', ['classify', 'accept', 'verify', 'suspend', 'resume', 'verify', 'holdDialogue', 'decide', 'informCitizen', 'close'])).toBe('closed');
  });

  it('refused moves say why in Vietnamese', () => {
    expect(ruleError(() => letterTransition('forwarded', 'close', 'request')).message).toBe(
      'Đơn đã chuyển và đang theo dõi: chưa nhận kết quả giải quyết của cơ quan có thẩm quyền, chưa thể kết thúc.',
    );
    expect(ruleError(() => letterTransition('received', 'forward', 'request')).message).toContain('phải phân loại');
    expect(ruleError(() => letterTransition('closed', 'forward', 'request')).message).toBe('Không thể chuyển đơn đang ở trạng thái "Đã kết thúc".');
    expect(ruleError(() => letterTransition('classified', 'guide', 'denunciation')).code).toBe('denunciationMustBeForwarded');
    expect(ruleError(() => letterTransition('classified', 'accept', 'feedback')).message).toContain('Đơn phản ánh không có thủ tục thụ lý');
    expect(ruleError(() => letterTransition('nope' as LetterState, 'close', 'request')).code).toBe('unknownState');
    expect(ruleError(() => letterTransition('classified', 'toString' as LetterAction, 'request')).code).toBe('unknownAction');
  });

  it('the allowed actions depend on the kind', () => {
    expect(allowedLetterActions('classified', 'denunciation')).toEqual(['classify', 'file', 'forward', 'accept', 'withdraw']);
    expect(allowedLetterActions('classified', 'request')).toEqual(['classify', 'file', 'guide', 'forward', 'withdraw']);
    expect(allowedLetterActions('closed', 'complaint')).toEqual([]);
  });
});

describe('a forwarded letter on the follow-up engine', () => {
  const base: ForwardedLetter = {
    id: 'l1',
    state: 'forwarded',
    forwarding: { toAgencyId: 'ubnd-xa', forwardedOn: '2026-07-01' },
    originalDue: '2026-08-19',
    due: '2026-08-19',
    resultReceivedOn: null,
    closedOn: null,
    reminders: [],
  };

  it("maps onto an Obligation of kind 'letter' owed by the body it was forwarded to, overdue after the due date", () => {
    const o = letterObligation(base)!;
    expect(o).toMatchObject({ kind: 'letter', id: 'l1', agencyId: 'ubnd-xa', due: '2026-08-19', answeredOn: null, closedOn: null });
    const v = obligationView(o, '2026-08-21', cal);
    expect(v.status).toBe('awaiting_answer');
    expect(v.overdue).toBe(true);
    expect(v.daysOverdue).toBe(2);
    expect(v.reminder).toBe('overdue');
  });

  it('the result received is the answer; the closure closes it; guided letters owe nothing', () => {
    const answered = letterObligation({ ...base, state: 'result_received', resultReceivedOn: '2026-08-10' })!;
    expect(obligationView(answered, '2026-08-21', cal).status).toBe('answered');
    const closed = letterObligation({ ...base, state: 'closed', resultReceivedOn: '2026-08-10', closedOn: '2026-08-12' })!;
    expect(obligationView(closed, '2026-08-21', cal).status).toBe('closed');
    expect(letterObligation({ ...base, state: 'guided', forwarding: null })).toBeNull();
    expect(ruleError(() => letterObligation({ ...base, state: 'result_received' })).code).toBe('missingResultDate');
  });
});
