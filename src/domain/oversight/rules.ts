/**
 * Rule sets of the oversight module (supervision.md "Rules and deadlines", rules.md
 * "Supervision"): every lead time is data `(value, unit, anchor, direction, verified, source)`
 * in a rule set with validity dates. Luật 87/2015 applied until 28/02/2026; Luật 121/2025 is in
 * force from 01/03/2026 and its texts (and NQ 114/2025) are not checked yet, so the new set
 * carries the legacy values as UNVERIFIED defaults a council edits. An activity keeps the set in
 * force on the day it was founded.
 */
import { explainCoveredDeadline, isIsoDate, setsInForce } from '../calendar/index.ts';
import type { DeadlineComputation, KnownYears, WorkingCalendar } from '../calendar/index.ts';
import { formatShortDate } from '../documents/format.ts';
import { OversightRuleError } from './errors.ts';
import type { ActivityKind, SupervisingBodyKind } from './labels.ts';

/** The event a lead time counts from (after) or to (before). */
export type LeadTimeAnchor = 'founding_act' | 'working_session' | 'fieldwork_end' | 'report_received' | 'hearing' | 'explanation_requested';

export const LEAD_TIME_ANCHOR_LABELS: Readonly<Record<LeadTimeAnchor, string>> = {
  founding_act: 'ngày ban hành quyết định thành lập đoàn',
  working_session: 'ngày làm việc đầu tiên với đối tượng giám sát',
  fieldwork_end: 'ngày kết thúc hoạt động giám sát',
  report_received: 'ngày nhận báo cáo của đoàn',
  hearing: 'ngày phiên giải trình',
  explanation_requested: 'ngày yêu cầu giải trình',
};

export type LeadTimeRule = {
  value: number;
  unit: 'days' | 'working_days';
  anchor: LeadTimeAnchor;
  direction: 'before' | 'after';
  verified: boolean;
  /** Vietnamese: the legal basis, or what is not yet checked. */
  source: string;
};

export type OversightStep =
  | 'contentNotice'
  | 'scheduleNotice'
  | 'standingTeamReport'
  | 'committeeTeamReport'
  | 'reportReview'
  | 'hearingNotice'
  | 'delegateGroupNotice'
  | 'delegateReport'
  | 'explanationDue'
  | 'explanationDueComplex';

export const OVERSIGHT_STEPS: readonly OversightStep[] = [
  'contentNotice',
  'scheduleNotice',
  'standingTeamReport',
  'committeeTeamReport',
  'reportReview',
  'hearingNotice',
  'delegateGroupNotice',
  'delegateReport',
  'explanationDue',
  'explanationDueComplex',
];

export const OVERSIGHT_STEP_LABELS: Readonly<Record<OversightStep, string>> = {
  contentNotice: 'Gửi nội dung, kế hoạch và đề cương báo cáo đến đối tượng giám sát',
  scheduleNotice: 'Thông báo lịch làm việc và thành phần đoàn',
  standingTeamReport: 'Đoàn giám sát của Thường trực báo cáo kết quả',
  committeeTeamReport: 'Đoàn giám sát của Ban báo cáo kết quả',
  reportReview: 'Thường trực xem xét báo cáo kết quả giám sát',
  hearingNotice: 'Thông báo cho người được yêu cầu giải trình',
  delegateGroupNotice: 'Tổ đại biểu thông báo cho đối tượng giám sát',
  delegateReport: 'Đại biểu báo cáo kết quả giám sát với Thường trực',
  explanationDue: 'Giải trình việc chưa thực hiện kiến nghị',
  explanationDueComplex: 'Giải trình việc chưa thực hiện kiến nghị (vụ việc phức tạp)',
};

/** The anchor each step counts from: fixed, a council changes the number, never the event. */
export const STEP_ANCHORS: Readonly<Record<OversightStep, LeadTimeAnchor>> = {
  contentNotice: 'founding_act',
  scheduleNotice: 'working_session',
  standingTeamReport: 'fieldwork_end',
  committeeTeamReport: 'fieldwork_end',
  reportReview: 'report_received',
  hearingNotice: 'hearing',
  delegateGroupNotice: 'working_session',
  delegateReport: 'fieldwork_end',
  explanationDue: 'explanation_requested',
  explanationDueComplex: 'explanation_requested',
};

export type OversightRuleSet = {
  key: string;
  validFrom: string;
  validTo: string | null;
  legalBasis: string;
  /** null = no lead time for this step in this set. */
  leadTimes: Record<OversightStep, LeadTimeRule | null>;
  /** Steps whose value is still the shipped default. */
  defaults: OversightStep[];
};

/** Luật Hoạt động giám sát 121/2025/QH15 in force. */
export const LAW_121_2025_DATE = '2026-03-01';

const LEGACY_REF: Readonly<Record<Exclude<OversightStep, 'explanationDue' | 'explanationDueComplex'>, string>> = {
  contentNotice: 'Điều 62 k2b, 70 k2b, 80 k2b',
  scheduleNotice: 'Điều 62 k2b, 70 k2b, 80 k2b',
  standingTeamReport: 'Điều 70 k2g',
  committeeTeamReport: 'Điều 80, 81',
  reportReview: 'Điều 71 k1',
  hearingNotice: 'Điều 72 k2',
  delegateGroupNotice: 'Điều 86 k3a',
  delegateReport: 'Điều 86 k4c',
};

const LEGACY_VALUES: Readonly<Record<OversightStep, { value: number; direction: 'before' | 'after' }>> = {
  contentNotice: { value: 15, direction: 'after' },
  scheduleNotice: { value: 10, direction: 'before' },
  standingTeamReport: { value: 15, direction: 'after' },
  committeeTeamReport: { value: 10, direction: 'after' },
  reportReview: { value: 7, direction: 'after' },
  hearingNotice: { value: 10, direction: 'before' },
  delegateGroupNotice: { value: 7, direction: 'before' },
  delegateReport: { value: 10, direction: 'after' },
  explanationDue: { value: 15, direction: 'after' },
  explanationDueComplex: { value: 30, direction: 'after' },
};

const ARTICLE_40 = 'Luật Hoạt động giám sát 121/2025/QH15, Điều 40 (trích dẫn từ phần mềm bên thứ ba, chưa kiểm chứng)';

function rule(step: OversightStep, verified: boolean, source: string): LeadTimeRule {
  const v = LEGACY_VALUES[step];
  return { value: v.value, unit: 'days', anchor: STEP_ANCHORS[step], direction: v.direction, verified, source };
}

function leadTimes(era: 'legacy' | 'current'): Record<OversightStep, LeadTimeRule | null> {
  const out = {} as Record<OversightStep, LeadTimeRule | null>;
  for (const step of OVERSIGHT_STEPS) {
    if (step === 'explanationDue' || step === 'explanationDueComplex') {
      // No such clock in Luật 87/2015: an UNVERIFIED default in both sets, so a recommendation of
      // an old activity still gets a due date when its explanation is requested after 01/03/2026.
      out[step] = rule(step, false, era === 'current' ? ARTICLE_40 : `Mặc định theo ${ARTICLE_40}; Luật 87/2015 không quy định`);
      continue;
    }
    const ref = `Luật Hoạt động giám sát 87/2015/QH13, ${LEGACY_REF[step]}`;
    out[step] =
      era === 'legacy'
        ? rule(step, true, `${ref} (đã hết hiệu lực từ 01/03/2026)`)
        : rule(step, false, `Mặc định theo ${ref}; chưa đối chiếu Luật 121/2025/QH15 và Nghị quyết 114/2025/UBTVQH15`);
  }
  return out;
}

/** The shipped rule sets: Luật 87/2015 until 28/02/2026, Luật 121/2025 from 01/03/2026. */
export function defaultOversightRuleSets(): OversightRuleSet[] {
  return [
    {
      key: 'luat-87-2015',
      validFrom: '2016-07-01',
      validTo: LAW_121_2025_DATE,
      legalBasis: 'Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân số 87/2015/QH13 (hết hiệu lực từ 01/03/2026)',
      leadTimes: leadTimes('legacy'),
      defaults: [...OVERSIGHT_STEPS],
    },
    {
      key: 'luat-121-2025',
      validFrom: LAW_121_2025_DATE,
      validTo: null,
      legalBasis: 'Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân số 121/2025/QH15 (các thời hạn là mặc định, chưa kiểm chứng)',
      leadTimes: leadTimes('current'),
      defaults: [...OVERSIGHT_STEPS],
    },
  ];
}

function checkDate(date: unknown, what: string): asserts date is string {
  if (!isIsoDate(date)) throw new OversightRuleError('invalidDate', `${what} không hợp lệ: "${String(date)}" (cần dạng YYYY-MM-DD).`);
}

/** The rule set an activity founded on `foundedOn` keeps for its whole life. */
export function ruleSetOfActivity(sets: readonly OversightRuleSet[], foundedOn: string): OversightRuleSet {
  checkDate(foundedOn, 'Ngày thành lập đoàn');
  const found = setsInForce(sets, foundedOn);
  if (found.length === 0) {
    throw new OversightRuleError(
      'noRuleSet',
      `Không có bộ quy tắc giám sát nào có hiệu lực vào ngày ${formatShortDate(foundedOn)}: đề nghị bổ sung quy tắc cho thời gian này.`,
    );
  }
  if (found.length > 1) {
    throw new OversightRuleError(
      'overlappingRuleSets',
      `Có ${found.length} bộ quy tắc giám sát cùng có hiệu lực vào ngày ${formatShortDate(foundedOn)} (${found.map((s) => s.key).join(', ')}): đề nghị sửa thời gian hiệu lực.`,
    );
  }
  return found[0]!;
}

/** Validate lead times a council entered (complete table). Errors are Vietnamese, one per wrong value. */
export function validateLeadTimes(input: unknown): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [{ path: '', message: 'Thiếu bảng thời hạn giám sát.' }];
  const t = input as Record<string, unknown>;
  for (const k of Object.keys(t)) {
    if (!(OVERSIGHT_STEPS as readonly string[]).includes(k)) errors.push({ path: k, message: `Bước "${k}" không có trong quy trình giám sát.` });
  }
  for (const step of OVERSIGHT_STEPS) {
    const label = OVERSIGHT_STEP_LABELS[step];
    if (!Object.hasOwn(t, step)) {
      errors.push({ path: step, message: `${label}: thiếu thời hạn.` });
      continue;
    }
    const r = t[step];
    if (r === null) continue;
    if (typeof r !== 'object' || Array.isArray(r)) {
      errors.push({ path: step, message: `${label}: cần một quy tắc thời hạn hoặc để trống (không có hạn).` });
      continue;
    }
    const v = r as Record<string, unknown>;
    if (typeof v['value'] !== 'number' || !Number.isInteger(v['value']) || v['value'] < 0 || v['value'] > 366) {
      errors.push({ path: `${step}.value`, message: `${label}: số ngày phải là số nguyên từ 0 đến 366.` });
    }
    if (v['unit'] !== 'days' && v['unit'] !== 'working_days') errors.push({ path: `${step}.unit`, message: `${label}: đơn vị phải là "ngày" hoặc "ngày làm việc".` });
    if (v['anchor'] !== STEP_ANCHORS[step]) errors.push({ path: `${step}.anchor`, message: `${label}: mốc tính phải là ${LEAD_TIME_ANCHOR_LABELS[STEP_ANCHORS[step]]}.` });
    if (v['direction'] !== LEGACY_VALUES[step].direction) {
      errors.push({ path: `${step}.direction`, message: `${label}: thời hạn phải tính ${LEGACY_VALUES[step].direction === 'before' ? 'trước' : 'sau'} ${LEAD_TIME_ANCHOR_LABELS[STEP_ANCHORS[step]]}.` });
    }
    if (typeof v['verified'] !== 'boolean') errors.push({ path: `${step}.verified`, message: `${label}: cần ghi rõ đã kiểm chứng căn cứ pháp lý hay chưa.` });
    if (typeof v['source'] !== 'string' || v['source'].trim() === '') errors.push({ path: `${step}.source`, message: `${label}: cần ghi căn cứ pháp lý.` });
  }
  return errors;
}

/**
 * The due date of one step from its anchor date, on the working-day calendar, or null when the
 * set has no lead time for the step. "Before" moves earlier off a day off, "after" moves later
 * (deadline.ts). Every year the count passes through must be in `knownYears`: otherwise a Tết
 * or a swapped day could be missed silently, so this refuses with a Vietnamese error.
 */
export function stepDueDate(
  step: OversightStep,
  anchorDate: string,
  set: OversightRuleSet,
  calendar: WorkingCalendar,
  knownYears: KnownYears,
): DeadlineComputation | null {
  if (!(OVERSIGHT_STEPS as readonly string[]).includes(step)) {
    throw new OversightRuleError('unknownStep', `Bước giám sát không hợp lệ: "${String(step)}".`);
  }
  const label = OVERSIGHT_STEP_LABELS[step];
  checkDate(anchorDate, `Mốc tính hạn "${label}"`);
  const r = set.leadTimes[step];
  if (r === null || r === undefined) return null;
  return explainCoveredDeadline(anchorDate, r, calendar, knownYears, {
    yearMissing: (year) =>
      new OversightRuleError(
        'calendarYearMissing',
        `Chưa có lịch ngày nghỉ năm ${year}: không tính được hạn "${label}" (mốc ${formatShortDate(anchorDate)}). Đề nghị cập nhật lịch ngày nghỉ năm ${year} trước.`,
      ),
    invalidRule: (message) => new OversightRuleError('invalidLeadTime', `Không tính được hạn "${label}": ${message}`),
  });
}

/** The steps that apply to an activity, by its kind and the body that founded it. */
export function stepsOfActivity(kind: ActivityKind, body: SupervisingBodyKind): OversightStep[] {
  if (kind === 'hearing') return ['hearingNotice'];
  if (kind === 'delegate_group' || body === 'delegate_group') return ['delegateGroupNotice', 'delegateReport'];
  const report: OversightStep[] = body === 'standing' ? ['standingTeamReport', 'reportReview'] : body === 'committee' ? ['committeeTeamReport'] : [];
  return ['contentNotice', 'scheduleNotice', ...report];
}

export type ActivityDates = {
  kind: ActivityKind;
  body: SupervisingBodyKind;
  foundedOn: string;
  /** Dates of the working sessions with the supervised bodies (any order). */
  workingSessions?: readonly string[];
  fieldworkEnd?: string | null;
  reportReceivedOn?: string | null;
  hearingOn?: string | null;
};

export type StepDue = {
  step: OversightStep;
  label: string;
  rule: LeadTimeRule | null;
  /** The anchor date, or null while the event is not scheduled yet. */
  anchorDate: string | null;
  /** null when the anchor is not known yet or the set has no lead time for the step. */
  due: DeadlineComputation | null;
};

function anchorDateOf(anchor: LeadTimeAnchor, a: ActivityDates): string | null {
  switch (anchor) {
    case 'founding_act':
      return a.foundedOn;
    case 'working_session': {
      const s = [...(a.workingSessions ?? [])].sort();
      return s[0] ?? null;
    }
    case 'fieldwork_end':
      return a.fieldworkEnd ?? null;
    case 'report_received':
      return a.reportReceivedOn ?? null;
    case 'hearing':
      return a.hearingOn ?? null;
    case 'explanation_requested':
      return null;
  }
}

/** The rule set an activity keeps and the due date of each of its steps. */
export function activityDueDates(
  a: ActivityDates,
  sets: readonly OversightRuleSet[],
  calendar: WorkingCalendar,
  knownYears: KnownYears,
): { ruleSet: OversightRuleSet; steps: StepDue[] } {
  const ruleSet = ruleSetOfActivity(sets, a.foundedOn);
  const steps = stepsOfActivity(a.kind, a.body).map((step): StepDue => {
    const anchorDate = anchorDateOf(STEP_ANCHORS[step], a);
    const due = anchorDate === null ? null : stepDueDate(step, anchorDate, ruleSet, calendar, knownYears);
    return { step, label: OVERSIGHT_STEP_LABELS[step], rule: ruleSet.leadTimes[step], anchorDate, due };
  });
  return { ruleSet, steps };
}
