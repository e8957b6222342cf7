/**
 * Rule sets of the letters module (letters.md "Rule sets with validity dates", "Deadlines"):
 * `letters-2013` until 30/06/2026, `letters-2026` from 01/07/2026 (Luật 136/2025, NĐ 154–156/2026).
 * Every deadline is data `(value, unit, anchor, direction, verified, source)`; a letter keeps
 * the set in force on the day it was received.
 */
import { explainCoveredDeadline, isIsoDate, setsInForce } from '../calendar/index.ts';
import type { DeadlineComputation, KnownYears, WorkingCalendar } from '../calendar/index.ts';
import { formatShortDate } from '../documents/format.ts';
import { LetterRuleError } from './errors.ts';
import type { LetterKind } from './labels.ts';

/** The event a deadline counts from. */
export type LetterAnchor = 'received' | 'accepted' | 'forwarded' | 'resolved' | 'result_received' | 'refusal_grounds';

export const LETTER_ANCHOR_LABELS: Readonly<Record<LetterAnchor, string>> = {
  received: 'ngày nhận đơn',
  accepted: 'ngày thụ lý',
  forwarded: 'ngày chuyển đơn',
  resolved: 'ngày cơ quan có thẩm quyền giải quyết xong',
  result_received: 'ngày nhận kết quả giải quyết',
  refusal_grounds: 'ngày phát sinh căn cứ từ chối tiếp',
};

export type LetterStep =
  | 'citizenReply'
  | 'complaintAcceptance'
  | 'complaintResolution'
  | 'complaintResolutionComplex'
  | 'denunciationCheck'
  | 'denunciationForward'
  | 'forwarding'
  | 'denunciationResult'
  | 'requestResult'
  | 'agencyFeedback'
  | 'citizenInformed'
  | 'processingAlarm'
  | 'refusalNotice';

export const LETTER_STEPS: readonly LetterStep[] = [
  'citizenReply',
  'complaintAcceptance',
  'complaintResolution',
  'complaintResolutionComplex',
  'denunciationCheck',
  'denunciationForward',
  'forwarding',
  'denunciationResult',
  'requestResult',
  'agencyFeedback',
  'citizenInformed',
  'processingAlarm',
  'refusalNotice',
];

export const LETTER_STEP_LABELS: Readonly<Record<LetterStep, string>> = {
  citizenReply: 'Thông báo cho người gửi đơn (thụ lý, chậm thụ lý, từ chối hoặc đã chuyển đơn)',
  complaintAcceptance: 'Thụ lý giải quyết khiếu nại',
  complaintResolution: 'Giải quyết khiếu nại lần đầu',
  complaintResolutionComplex: 'Giải quyết khiếu nại lần đầu (vụ việc phức tạp)',
  denunciationCheck: 'Vào sổ, phân loại, kiểm tra ban đầu đơn tố cáo',
  denunciationForward: 'Chuyển đơn tố cáo không thuộc thẩm quyền và báo người tố cáo',
  forwarding: 'Chuyển đơn đến cơ quan có thẩm quyền',
  denunciationResult: 'Cơ quan có thẩm quyền báo kết quả xử lý đơn tố cáo được chuyển đến',
  requestResult: 'Cơ quan có thẩm quyền báo kết quả giải quyết kiến nghị, phản ánh',
  agencyFeedback: 'Cơ quan có thẩm quyền báo kết quả cho đại biểu, cơ quan đã chuyển đơn',
  citizenInformed: 'Đại biểu thông báo kết quả cho công dân',
  processingAlarm: 'Cảnh báo đơn chưa được xử lý (45 ngày)',
  refusalNotice: 'Thông báo bằng văn bản việc từ chối tiếp công dân (Mẫu 01/TCD)',
};

/** The anchor of each step: fixed; a council edits the number, never the event. */
export const LETTER_STEP_ANCHORS: Readonly<Record<LetterStep, LetterAnchor>> = {
  citizenReply: 'received',
  complaintAcceptance: 'received',
  complaintResolution: 'accepted',
  complaintResolutionComplex: 'accepted',
  denunciationCheck: 'received',
  denunciationForward: 'received',
  forwarding: 'received',
  denunciationResult: 'forwarded',
  requestResult: 'forwarded',
  agencyFeedback: 'resolved',
  citizenInformed: 'result_received',
  processingAlarm: 'received',
  refusalNotice: 'refusal_grounds',
};

export type LetterRule = {
  value: number;
  unit: 'days' | 'working_days';
  anchor: LetterAnchor;
  direction: 'after';
  verified: boolean;
  /** Vietnamese: the legal basis, or what is not yet checked. */
  source: string;
};

export type LetterRuleSet = {
  key: string;
  validFrom: string;
  validTo: string | null;
  legalBasis: string;
  /** null = no such deadline in this set. */
  rules: Record<LetterStep, LetterRule | null>;
  /** Steps whose value is a shipped UNVERIFIED default a council edits. */
  defaults: LetterStep[];
};

/** Luật 136/2025/QH15 and NĐ 154–156/2026 in force. */
export const LETTERS_2026_DATE = '2026-07-01';

function r(step: LetterStep, value: number, unit: LetterRule['unit'], verified: boolean, source: string): LetterRule {
  return { value, unit, anchor: LETTER_STEP_ANCHORS[step], direction: 'after', verified, source };
}

const TCD = 'Luật Tiếp công dân 42/2013/QH13';
const KN = 'Luật Khiếu nại 02/2011/QH13';
const TC = 'Luật Tố cáo 25/2018/QH14';
const C23 = 'Mặc định, chưa kiểm chứng: thời hạn xử lý đơn do Nghị quyết của UBTVQH và Quy chế của Hội đồng nhân dân quy định';

function commonRules(): Record<LetterStep, LetterRule | null> {
  return {
    citizenReply: r('citizenReply', 10, 'working_days', true, `${TCD}, Điều 28 khoản 1`),
    complaintAcceptance: r('complaintAcceptance', 10, 'days', true, `${KN}, Điều 27, 36`),
    complaintResolution: r('complaintResolution', 30, 'days', true, `${KN}, Điều 28`),
    complaintResolutionComplex: r('complaintResolutionComplex', 45, 'days', true, `${KN}, Điều 28`),
    denunciationCheck: r('denunciationCheck', 7, 'working_days', true, `${TC}, Điều 24 khoản 1`),
    denunciationForward: r('denunciationForward', 5, 'working_days', true, `${TC}, Điều 24 khoản 2`),
    forwarding: r('forwarding', 10, 'working_days', false, `${C23}; mặc định bằng thời hạn thông báo cho người gửi đơn`),
    denunciationResult: r('denunciationResult', 20, 'days', true, `${TC}, Điều 26 khoản 2`),
    requestResult: r('requestResult', 30, 'days', false, C23),
    agencyFeedback: r('agencyFeedback', 7, 'working_days', true, `${TCD}, Điều 27 khoản 2`),
    citizenInformed: r('citizenInformed', 5, 'working_days', true, `${TCD}, Điều 28 khoản 2`),
    processingAlarm: r('processingAlarm', 45, 'days', true, 'Nghị định 154/2026/NĐ-CP, Điều 41 khoản 3 điểm b'),
    refusalNotice: null,
  };
}

/** The shipped rule sets: `letters-2013` until 30/06/2026, `letters-2026` from 01/07/2026. */
export function defaultLetterRuleSets(): LetterRuleSet[] {
  const old = commonRules();
  const fresh = commonRules();
  fresh.complaintAcceptance = r(
    'complaintAcceptance',
    7,
    'working_days',
    true,
    'Nghị định 124/2020/NĐ-CP, Điều 16 khoản 1, sửa đổi bởi Nghị định 155/2026/NĐ-CP, Điều 10 (thay đổi tương ứng trong Luật 136/2025/QH15 chưa kiểm chứng)',
  );
  fresh.refusalNotice = r('refusalNotice', 3, 'working_days', true, 'Nghị định 154/2026/NĐ-CP, Điều 4 khoản 3');
  return [
    {
      key: 'letters-2013',
      validFrom: '2014-07-01',
      validTo: LETTERS_2026_DATE,
      legalBasis: `${TCD}; ${KN}; ${TC} (trước khi sửa đổi năm 2025)`,
      rules: old,
      defaults: ['forwarding', 'requestResult'],
    },
    {
      key: 'letters-2026',
      validFrom: LETTERS_2026_DATE,
      validTo: null,
      legalBasis: 'Luật 136/2025/QH15 sửa đổi Luật Tiếp công dân, Luật Khiếu nại, Luật Tố cáo; Nghị định 154/2026, 155/2026, 156/2026/NĐ-CP',
      rules: fresh,
      defaults: ['forwarding', 'requestResult'],
    },
  ];
}

function checkDate(date: unknown, what: string): asserts date is string {
  if (!isIsoDate(date)) throw new LetterRuleError('invalidDate', `${what} không hợp lệ: "${String(date)}" (cần dạng YYYY-MM-DD).`);
}

/** The rule set a letter (or reception record) received on `receivedOn` keeps for its whole life. */
export function ruleSetOfLetter(sets: readonly LetterRuleSet[], receivedOn: string): LetterRuleSet {
  checkDate(receivedOn, 'Ngày nhận đơn');
  const found = setsInForce(sets, receivedOn);
  if (found.length === 0) {
    throw new LetterRuleError('noRuleSet', `Không có bộ quy định về đơn thư nào có hiệu lực vào ngày ${formatShortDate(receivedOn)}: đề nghị bổ sung quy định cho thời gian này.`);
  }
  if (found.length > 1) {
    throw new LetterRuleError(
      'overlappingRuleSets',
      `Có ${found.length} bộ quy định về đơn thư cùng có hiệu lực vào ngày ${formatShortDate(receivedOn)} (${found.map((s) => s.key).join(', ')}): đề nghị sửa thời gian hiệu lực.`,
    );
  }
  return found[0]!;
}

/**
 * The set a letter keeps, by the key stored with it: the set in force at receipt, or the one an
 * administrator moved it to (letters.md: the transitional articles are UNVERIFIED, so the move is
 * a logged decision, never automatic).
 */
export function ruleSetByKey(sets: readonly LetterRuleSet[], key: string): LetterRuleSet {
  const found = sets.find((s) => s.key === key);
  if (found === undefined) throw new LetterRuleError('unknownRuleSet', `Không có bộ quy định về đơn thư "${key}".`);
  return found;
}

/**
 * The due date of `step` counted from `anchorDate` on the working-day calendar, or null when the
 * set has no such deadline. Every year the count passes through must be in `knownYears` (a Tết or
 * a swapped day could be missed silently otherwise): a Vietnamese error instead of a guess.
 */
export function letterStepDue(
  step: LetterStep,
  anchorDate: string,
  set: LetterRuleSet,
  calendar: WorkingCalendar,
  knownYears: KnownYears,
): DeadlineComputation | null {
  if (!(LETTER_STEPS as readonly string[]).includes(step)) throw new LetterRuleError('unknownStep', `Bước xử lý đơn không hợp lệ: "${String(step)}".`);
  const label = LETTER_STEP_LABELS[step];
  checkDate(anchorDate, `Mốc tính hạn "${label}"`);
  const rule = set.rules[step];
  if (rule === null || rule === undefined) return null;
  return explainCoveredDeadline(anchorDate, rule, calendar, knownYears, {
    yearMissing: (year) =>
      new LetterRuleError(
        'calendarYearMissing',
        `Chưa có lịch ngày nghỉ năm ${year}: không tính được hạn "${label}" (mốc ${formatShortDate(anchorDate)}). Đề nghị cập nhật lịch ngày nghỉ năm ${year} trước.`,
      ),
    invalidRule: (message) => new LetterRuleError('invalidRule', `Không tính được hạn "${label}": ${message}`),
  });
}

/** The steps that count from the receipt of a letter of `kind` handled by the council (`ours` = within its own competence). */
export function stepsAtReceipt(kind: LetterKind, ours: boolean): LetterStep[] {
  if (kind === 'denunciation') return ours ? ['citizenReply', 'denunciationCheck', 'processingAlarm'] : ['citizenReply', 'denunciationForward', 'processingAlarm'];
  if (kind === 'complaint' && ours) return ['citizenReply', 'complaintAcceptance', 'processingAlarm'];
  return ['citizenReply', 'forwarding', 'processingAlarm'];
}

export type StepDue = { step: LetterStep; label: string; rule: LetterRule; due: DeadlineComputation };

/** The deadlines that start when a letter is received, from the set in force on that day. */
export function receiptDueDates(
  letter: { kind: LetterKind; receivedOn: string; ours: boolean },
  sets: readonly LetterRuleSet[],
  calendar: WorkingCalendar,
  knownYears: KnownYears,
): { ruleSet: string; steps: StepDue[] } {
  const set = ruleSetOfLetter(sets, letter.receivedOn);
  const steps: StepDue[] = [];
  for (const step of stepsAtReceipt(letter.kind, letter.ours)) {
    const due = letterStepDue(step, letter.receivedOn, set, calendar, knownYears);
    if (due !== null) steps.push({ step, label: LETTER_STEP_LABELS[step], rule: set.rules[step]!, due });
  }
  return { ruleSet: set.key, steps };
}

/**
 * When the council expects the competent body's result on a letter it forwarded on
 * `forwardedOn` (the due date of the follow-up Obligation). Taken from the letter's own set:
 *  - complaint: acceptance (C7) counted from the forwarding, then the 1st-level resolution (C8,
 *    complex 45 days), then the body's feedback to the council (C2);
 *  - denunciation: the result owed to the authority that forwarded it (C20);
 *  - request, feedback: the configurable default (C23), then the feedback (C2).
 * Counting from the forwarding date assumes the body receives the letter that day (the module
 * may pass the body's receipt date instead).
 */
export function agencyResultDue(
  x: { kind: LetterKind; forwardedOn: string; complex?: boolean },
  set: LetterRuleSet,
  calendar: WorkingCalendar,
  knownYears: KnownYears,
): { due: string; chain: { step: LetterStep; due: string }[] } {
  const chain: { step: LetterStep; due: string }[] = [];
  const step = (s: LetterStep, from: string): string => {
    const c = letterStepDue(s, from, set, calendar, knownYears);
    if (c === null) throw new LetterRuleError('noRule', `Bộ quy định ${set.key} không có thời hạn "${LETTER_STEP_LABELS[s]}".`);
    chain.push({ step: s, due: c.due });
    return c.due;
  };
  let due: string;
  if (x.kind === 'denunciation') due = step('denunciationResult', x.forwardedOn);
  else if (x.kind === 'complaint') {
    const accepted = step('complaintAcceptance', x.forwardedOn);
    const resolved = step(x.complex === true ? 'complaintResolutionComplex' : 'complaintResolution', accepted);
    due = step('agencyFeedback', resolved);
  } else due = step('agencyFeedback', step('requestResult', x.forwardedOn));
  return { due, chain };
}
