/**
 * States of a letter (letters.md "States"), the allowed moves with Vietnamese errors, and the
 * projection of a forwarded letter onto the follow-up engine's Obligation (kind 'letter').
 * "Forwarded and supervised" (`forwarded`) is a state of its own, distinct from a result.
 */
import type { Obligation, SentReminder } from '../followup/index.ts';
import { LetterRuleError } from './errors.ts';
import { LETTER_KIND_LABELS } from './labels.ts';
import type { LetterKind } from './labels.ts';

export type LetterState =
  | 'received'
  | 'classified'
  | 'filed'
  | 'guided'
  | 'forwarded'
  | 'result_received'
  | 'citizen_informed'
  | 'accepted'
  | 'verifying'
  | 'dialogue'
  | 'decided'
  | 'suspended'
  | 'withdrawn'
  | 'closed';

export const LETTER_STATES: readonly LetterState[] = [
  'received',
  'classified',
  'filed',
  'guided',
  'forwarded',
  'result_received',
  'citizen_informed',
  'accepted',
  'verifying',
  'dialogue',
  'decided',
  'suspended',
  'withdrawn',
  'closed',
];

export const LETTER_STATE_LABELS: Readonly<Record<LetterState, string>> = {
  received: 'Đã tiếp nhận',
  classified: 'Đã phân loại',
  filed: 'Lưu đơn (không đủ điều kiện xử lý)',
  guided: 'Đã hướng dẫn công dân',
  forwarded: 'Đã chuyển đơn, đang theo dõi',
  result_received: 'Đã nhận kết quả giải quyết',
  citizen_informed: 'Đã thông báo cho công dân',
  accepted: 'Đã thụ lý',
  verifying: 'Đang xác minh',
  dialogue: 'Đang đối thoại',
  decided: 'Đã có quyết định, kết luận giải quyết',
  suspended: 'Tạm đình chỉ',
  withdrawn: 'Đã rút đơn',
  closed: 'Đã kết thúc',
};

export type LetterAction =
  | 'classify'
  | 'file'
  | 'guide'
  | 'forward'
  | 'receiveResult'
  | 'informCitizen'
  | 'accept'
  | 'verify'
  | 'holdDialogue'
  | 'decide'
  | 'suspend'
  | 'resume'
  | 'withdraw'
  | 'close';

export const LETTER_ACTION_LABELS: Readonly<Record<LetterAction, string>> = {
  classify: 'phân loại',
  file: 'lưu',
  guide: 'hướng dẫn công dân về',
  forward: 'chuyển',
  receiveResult: 'ghi nhận kết quả giải quyết',
  informCitizen: 'thông báo kết quả cho công dân về',
  accept: 'thụ lý',
  verify: 'xác minh',
  holdDialogue: 'tổ chức đối thoại',
  decide: 'ghi nhận quyết định, kết luận giải quyết',
  suspend: 'tạm đình chỉ',
  resume: 'tiếp tục giải quyết',
  withdraw: 'ghi nhận rút',
  close: 'kết thúc',
};

const MOVES: Readonly<Record<LetterState, Partial<Record<LetterAction, LetterState>>>> = {
  received: { classify: 'classified', withdraw: 'withdrawn' },
  // Reclassifying (a part split off, a kind corrected) keeps the state.
  classified: { classify: 'classified', file: 'filed', guide: 'guided', forward: 'forwarded', accept: 'accepted', withdraw: 'withdrawn' },
  filed: {},
  guided: { close: 'closed' },
  // Another hop (the body passes it on) keeps the state and adds a forwarding row.
  forwarded: { forward: 'forwarded', receiveResult: 'result_received', withdraw: 'withdrawn' },
  result_received: { informCitizen: 'citizen_informed', close: 'closed' },
  citizen_informed: { close: 'closed' },
  accepted: { verify: 'verifying', decide: 'decided', suspend: 'suspended', withdraw: 'withdrawn' },
  verifying: { holdDialogue: 'dialogue', decide: 'decided', suspend: 'suspended', withdraw: 'withdrawn' },
  dialogue: { decide: 'decided', suspend: 'suspended', withdraw: 'withdrawn' },
  decided: { informCitizen: 'citizen_informed', close: 'closed' },
  suspended: { resume: 'accepted', withdraw: 'withdrawn' },
  withdrawn: {},
  closed: {},
};

/** What refusing a move says when a plainer reason than "not in this state" applies. */
const WHY_NOT: Partial<Record<LetterState, Partial<Record<LetterAction, string>>>> = {
  forwarded: { close: 'Đơn đã chuyển và đang theo dõi: chưa nhận kết quả giải quyết của cơ quan có thẩm quyền, chưa thể kết thúc.' },
  received: {
    forward: 'Đơn chưa được phân loại: phải phân loại (loại đơn, thẩm quyền) trước khi chuyển.',
    guide: 'Đơn chưa được phân loại: phải phân loại (loại đơn, thẩm quyền) trước khi hướng dẫn.',
  },
};

function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * The state after `action` on a letter of `kind`; throws LetterRuleError (Vietnamese) when the
 * move is refused. Kind rules: a denunciation outside the council's competence is forwarded,
 * never merely guided (Luật Tố cáo Điều 24 k2); only complaints and denunciations are accepted
 * (thụ lý); a resumed letter goes back to `accepted` and its clock restarts (NĐ 155, Điều 28b).
 */
export function letterTransition(from: LetterState, action: LetterAction, kind: LetterKind): LetterState {
  const moves = own(MOVES, from);
  if (moves === undefined) throw new LetterRuleError('unknownState', `Trạng thái đơn không hợp lệ: "${String(from)}".`);
  const actionLabel = own(LETTER_ACTION_LABELS, action);
  if (actionLabel === undefined) throw new LetterRuleError('unknownAction', `Thao tác không hợp lệ với đơn: "${String(action)}".`);
  if (!own(LETTER_KIND_LABELS, kind)) throw new LetterRuleError('unknownKind', `Loại đơn không hợp lệ: "${String(kind)}".`);
  const to = own(moves as Record<string, LetterState>, action);
  if (to === undefined) {
    const why = WHY_NOT[from]?.[action];
    throw new LetterRuleError('invalidTransition', why ?? `Không thể ${actionLabel} đơn đang ở trạng thái "${LETTER_STATE_LABELS[from]}".`);
  }
  if (action === 'guide' && kind === 'denunciation') {
    throw new LetterRuleError('denunciationMustBeForwarded', 'Đơn tố cáo không thuộc thẩm quyền phải được chuyển đến cơ quan có thẩm quyền, không chỉ hướng dẫn (Luật Tố cáo, Điều 24 khoản 2).');
  }
  if (action === 'accept' && kind !== 'complaint' && kind !== 'denunciation') {
    throw new LetterRuleError('notAcceptable', `Đơn ${LETTER_KIND_LABELS[kind].toLowerCase()} không có thủ tục thụ lý: chuyển hoặc hướng dẫn theo quy định.`);
  }
  return to;
}

/** The actions allowed now on a letter of `kind` (for the buttons the page shows). */
export function allowedLetterActions(from: LetterState, kind: LetterKind): LetterAction[] {
  const out: LetterAction[] = [];
  for (const a of Object.keys(own(MOVES, from) ?? {}) as LetterAction[]) {
    try {
      letterTransition(from, a, kind);
      out.push(a);
    } catch (e) {
      if (!(e instanceof LetterRuleError)) throw e;
    }
  }
  return out;
}

/** States where the letter is with another body and the council follows it up. */
export const FOLLOWED_UP_STATES: readonly LetterState[] = ['forwarded', 'result_received', 'citizen_informed', 'closed'];

export type ForwardedLetter = {
  id: string;
  state: LetterState;
  /** The last hop of the transmission log: the body that owes the result. */
  forwarding: { toAgencyId: string; forwardedOn: string } | null;
  /** The due date first computed (agencyResultDue) and the one in force after an extension. */
  originalDue: string;
  due: string;
  resultReceivedOn: string | null;
  closedOn: string | null;
  reminders: readonly SentReminder[];
};

/**
 * A forwarded letter as the follow-up engine sees it (kind 'letter'): the agency it was
 * forwarded to owes the result; the result received is the answer; the council's closure after
 * informing the citizen closes it. Null for a letter that is not followed up (guided, filed,
 * handled by the council itself, or not forwarded yet).
 */
export function letterObligation(l: ForwardedLetter): Obligation | null {
  if (l.forwarding === null || !FOLLOWED_UP_STATES.includes(l.state)) return null;
  if (l.state !== 'forwarded' && l.resultReceivedOn === null) {
    throw new LetterRuleError('missingResultDate', `Đơn ở trạng thái "${LETTER_STATE_LABELS[l.state]}" nhưng thiếu ngày nhận kết quả giải quyết.`);
  }
  if (l.state === 'closed' && l.closedOn === null) throw new LetterRuleError('missingClosedDate', 'Đơn đã kết thúc nhưng thiếu ngày kết thúc.');
  return {
    kind: 'letter',
    id: l.id,
    agencyId: l.forwarding.toAgencyId,
    originalDue: l.originalDue,
    due: l.due,
    answeredOn: l.state === 'forwarded' ? null : l.resultReceivedOn,
    closedOn: l.state === 'closed' ? l.closedOn : null,
    reminders: l.reminders,
  };
}
