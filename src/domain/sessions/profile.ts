/**
 * The council profile of the sessions module (the lead times and speaking times a council's
 * working rules set) and rule sets with validity dates (rules.md "Sessions", sessions.md
 * "Lead times"). Every shipped value is an UNVERIFIED default a council edits.
 */
import { isIsoDate } from '../calendar/index.ts';
import { formatShortDate } from '../documents/format.ts';
import { SessionRuleError } from './errors.ts';

export type LeadTimeRule = {
  value: number;
  unit: 'days' | 'working_days';
  anchor: 'session_opening';
  direction: 'before' | 'after';
  verified: boolean;
  /** Vietnamese: the legal basis, or "Mặc định chưa kiểm chứng". */
  source: string;
};

export type LeadTimeStep = 'jointConference' | 'submissionToCommittee' | 'verificationReport' | 'responseReport' | 'documentsToDelegates';

export const LEAD_TIME_STEPS: readonly LeadTimeStep[] = [
  'jointConference',
  'submissionToCommittee',
  'verificationReport',
  'responseReport',
  'documentsToDelegates',
];

/** Vietnamese names of the steps (user-facing). */
export const LEAD_TIME_STEP_LABELS: Readonly<Record<LeadTimeStep, string>> = {
  jointConference: 'Hội nghị liên tịch',
  submissionToCommittee: 'Gửi tờ trình, dự thảo đến Ban thẩm tra',
  verificationReport: 'Ban ban hành báo cáo thẩm tra',
  responseReport: 'Báo cáo tiếp thu, giải trình',
  documentsToDelegates: 'Gửi tài liệu đến đại biểu',
};

export type SessionProfile = {
  /** null = no lead time for this step. */
  leadTimes: Record<LeadTimeStep, LeadTimeRule | null>;
  /** Minutes per speech kind; defaults 10 / 3 / 7 UNVERIFIED (one council's practice). */
  speakingMinutes: { speech: number; question: number; answer: number };
  /** A document is "due soon" when at most this many working days remain. */
  dueSoonWorkingDays: number;
  /** Legacy defaults of Luật 87/2015 (repealed): written answer 20 days, commitment report 10 days before. */
  writtenAnswerDays: number;
  commitmentReportDaysBefore: number;
};

export type SessionRuleSet = {
  key: string;
  /** First day the set applies (inclusive). */
  validFrom: string;
  /** First day it no longer applies (exclusive), or null while in force. */
  validTo: string | null;
  legalBasis: string;
  profile: SessionProfile;
  /** Paths of values still at the shipped default ('leadTimes.documentsToDelegates', 'speakingMinutes.speech', …). */
  defaults: string[];
};

export const UNVERIFIED_SOURCE = 'Mặc định chưa kiểm chứng';

/** Every path a profile value can have; a path listed in `defaults` is still the shipped value. */
export const PROFILE_PATHS: readonly string[] = [
  ...LEAD_TIME_STEPS.map((s) => `leadTimes.${s}`),
  'speakingMinutes.speech',
  'speakingMinutes.question',
  'speakingMinutes.answer',
  'dueSoonWorkingDays',
  'writtenAnswerDays',
  'commitmentReportDaysBefore',
];

function shippedProfile(level: 'province' | 'commune'): SessionProfile {
  return {
    leadTimes: {
      jointConference: null,
      submissionToCommittee: null,
      verificationReport: null,
      responseReport: null,
      documentsToDelegates: {
        value: level === 'province' ? 7 : 5,
        unit: 'days',
        anchor: 'session_opening',
        direction: 'before',
        verified: false,
        source: UNVERIFIED_SOURCE,
      },
    },
    speakingMinutes: { speech: 10, question: 3, answer: 7 },
    dueSoonWorkingDays: 3,
    writtenAnswerDays: 20,
    commitmentReportDaysBefore: 10,
  };
}

/** The day the model working rules NQ 103/2025 and NQ 104/2025/UBTVQH15 were adopted. */
export const MODEL_RULES_2025_DATE = '2025-09-26';

/**
 * The shipped rule sets of a level: two generations, split on 26/09/2025 (NQ 103/2025 for
 * provinces, NQ 104/2025 for communes). The values are the same UNVERIFIED placeholders in both;
 * the split exists so a council can enter what its old and new Quy chế say, and a session keeps
 * the set in force on the day it was convened.
 */
export function defaultSessionRuleSets(level: 'province' | 'commune'): SessionRuleSet[] {
  const model = level === 'province' ? 'Nghị quyết 103/2025/UBTVQH15' : 'Nghị quyết 104/2025/UBTVQH15';
  return [
    {
      key: `${level}-before-2025-09-26`,
      validFrom: '2016-07-01',
      validTo: MODEL_RULES_2025_DATE,
      legalBasis: `Quy chế hoạt động của Hội đồng nhân dân trước ${model} ngày 26/09/2025 (chưa kiểm chứng)`,
      profile: shippedProfile(level),
      defaults: [...PROFILE_PATHS],
    },
    {
      key: `${level}-from-2025-09-26`,
      validFrom: MODEL_RULES_2025_DATE,
      validTo: null,
      legalBasis: `${model} ngày 26/09/2025 ban hành Quy chế mẫu và Quy chế hoạt động của Hội đồng nhân dân (chưa kiểm chứng)`,
      profile: shippedProfile(level),
      defaults: [...PROFILE_PATHS],
    },
  ];
}

/** The rule set in force on `date` (validFrom inclusive, validTo exclusive). */
export function ruleSetInForce(sets: SessionRuleSet[], date: string): SessionRuleSet {
  if (!isIsoDate(date)) throw new SessionRuleError('invalidDate', `Ngày không hợp lệ: "${String(date)}" (cần dạng YYYY-MM-DD).`);
  const found = sets.filter((s) => s.validFrom <= date && (s.validTo === null || date < s.validTo));
  if (found.length === 0) {
    throw new SessionRuleError(
      'noRuleSet',
      `Không có bộ quy tắc kỳ họp nào có hiệu lực vào ngày ${formatShortDate(date)}: đề nghị bổ sung quy tắc cho thời gian này.`,
    );
  }
  if (found.length > 1) {
    throw new SessionRuleError(
      'overlappingRuleSets',
      `Có ${found.length} bộ quy tắc kỳ họp cùng có hiệu lực vào ngày ${formatShortDate(date)} (${found.map((s) => s.key).join(', ')}): đề nghị sửa thời gian hiệu lực.`,
    );
  }
  return found[0]!;
}

type ProfileError = { path: string; message: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkInteger(v: unknown, path: string, label: string, min: number, max: number, errors: ProfileError[]): void {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    errors.push({ path, message: `${label} phải là số nguyên từ ${min} đến ${max}.` });
  }
}

function checkLeadTime(v: unknown, path: string, label: string, errors: ProfileError[]): void {
  if (v === null) return;
  if (!isRecord(v)) {
    errors.push({ path, message: `${label}: cần một quy tắc thời hạn hoặc để trống (không có hạn).` });
    return;
  }
  checkInteger(v['value'], `${path}.value`, `${label}: số ngày`, 0, 366, errors);
  if (v['unit'] !== 'days' && v['unit'] !== 'working_days') {
    errors.push({ path: `${path}.unit`, message: `${label}: đơn vị phải là "ngày" hoặc "ngày làm việc".` });
  }
  if (v['anchor'] !== 'session_opening') {
    errors.push({ path: `${path}.anchor`, message: `${label}: mốc tính phải là ngày khai mạc kỳ họp.` });
  }
  if (v['direction'] !== 'before' && v['direction'] !== 'after') {
    errors.push({ path: `${path}.direction`, message: `${label}: chiều tính phải là "trước" hoặc "sau" ngày khai mạc.` });
  }
  if (typeof v['verified'] !== 'boolean') {
    errors.push({ path: `${path}.verified`, message: `${label}: cần ghi rõ đã kiểm chứng căn cứ pháp lý hay chưa.` });
  }
  if (typeof v['source'] !== 'string' || v['source'].trim() === '') {
    errors.push({ path: `${path}.source`, message: `${label}: cần ghi căn cứ (hoặc "${UNVERIFIED_SOURCE}").` });
  }
}

const SPEAKING_LABELS = { speech: 'Thời gian phát biểu', question: 'Thời gian đặt câu hỏi', answer: 'Thời gian trả lời' } as const;

/** Check a complete profile (as entered by a council). Errors are Vietnamese, one per wrong value. */
export function validateProfile(p: unknown): { ok: true; profile: SessionProfile } | { ok: false; errors: ProfileError[] } {
  const errors: ProfileError[] = [];
  if (!isRecord(p)) return { ok: false, errors: [{ path: '', message: 'Cấu hình kỳ họp không hợp lệ.' }] };
  const lead = p['leadTimes'];
  if (!isRecord(lead)) {
    errors.push({ path: 'leadTimes', message: 'Thiếu các thời hạn chuẩn bị kỳ họp.' });
  } else {
    for (const step of LEAD_TIME_STEPS) {
      if (!(step in lead)) errors.push({ path: `leadTimes.${step}`, message: `${LEAD_TIME_STEP_LABELS[step]}: thiếu thời hạn.` });
      else checkLeadTime(lead[step], `leadTimes.${step}`, LEAD_TIME_STEP_LABELS[step], errors);
    }
    for (const k of Object.keys(lead)) {
      if (!(LEAD_TIME_STEPS as readonly string[]).includes(k)) errors.push({ path: `leadTimes.${k}`, message: `Bước "${k}" không có trong quy trình kỳ họp.` });
    }
  }
  const sp = p['speakingMinutes'];
  if (!isRecord(sp)) {
    errors.push({ path: 'speakingMinutes', message: 'Thiếu thời gian phát biểu, chất vấn.' });
  } else {
    for (const k of ['speech', 'question', 'answer'] as const) checkInteger(sp[k], `speakingMinutes.${k}`, `${SPEAKING_LABELS[k]} (phút)`, 1, 120, errors);
  }
  checkInteger(p['dueSoonWorkingDays'], 'dueSoonWorkingDays', 'Số ngày làm việc báo "sắp đến hạn"', 0, 60, errors);
  checkInteger(p['writtenAnswerDays'], 'writtenAnswerDays', 'Thời hạn trả lời chất vấn bằng văn bản (ngày)', 1, 366, errors);
  checkInteger(p['commitmentReportDaysBefore'], 'commitmentReportDaysBefore', 'Số ngày gửi báo cáo thực hiện lời hứa trước kỳ họp', 0, 366, errors);
  if (errors.length > 0) return { ok: false, errors };
  const q = p as SessionProfile;
  const leadTimes = Object.fromEntries(LEAD_TIME_STEPS.map((s) => [s, pickLeadTime(q.leadTimes[s])])) as Record<LeadTimeStep, LeadTimeRule | null>;
  const { speech, question, answer } = q.speakingMinutes;
  return {
    ok: true,
    profile: {
      leadTimes,
      speakingMinutes: { speech, question, answer },
      dueSoonWorkingDays: q.dueSoonWorkingDays,
      writtenAnswerDays: q.writtenAnswerDays,
      commitmentReportDaysBefore: q.commitmentReportDaysBefore,
    },
  };
}

/** Only the fields of a rule (a stored object may carry more). */
function pickLeadTime(r: LeadTimeRule | null): LeadTimeRule | null {
  if (r === null) return null;
  return { value: r.value, unit: r.unit, anchor: r.anchor, direction: r.direction, verified: r.verified, source: r.source.trim() };
}

/**
 * A stored (partial) profile over the defaults: a council stores only what it changed. A value
 * that is missing or invalid keeps the default; `defaults` lists the paths that did.
 */
export function mergeProfile(stored: unknown, defaults: SessionProfile): { profile: SessionProfile; defaults: string[] } {
  const profile = structuredClone(defaults);
  const atDefault: string[] = [];
  const s = isRecord(stored) ? stored : {};
  const lead = isRecord(s['leadTimes']) ? s['leadTimes'] : {};
  for (const step of LEAD_TIME_STEPS) {
    const errors: ProfileError[] = [];
    if (step in lead) checkLeadTime(lead[step], 'x', 'x', errors);
    if (step in lead && errors.length === 0) profile.leadTimes[step] = pickLeadTime(lead[step] as LeadTimeRule | null);
    else atDefault.push(`leadTimes.${step}`);
  }
  const sp = isRecord(s['speakingMinutes']) ? s['speakingMinutes'] : {};
  for (const k of ['speech', 'question', 'answer'] as const) {
    const errors: ProfileError[] = [];
    checkInteger(sp[k], 'x', 'x', 1, 120, errors);
    if (errors.length === 0) profile.speakingMinutes[k] = sp[k] as number;
    else atDefault.push(`speakingMinutes.${k}`);
  }
  const scalars = [
    ['dueSoonWorkingDays', 0, 60],
    ['writtenAnswerDays', 1, 366],
    ['commitmentReportDaysBefore', 0, 366],
  ] as const;
  for (const [k, min, max] of scalars) {
    const errors: ProfileError[] = [];
    checkInteger(s[k], 'x', 'x', min, max, errors);
    if (errors.length === 0) profile[k] = s[k] as number;
    else atDefault.push(k);
  }
  return { profile, defaults: atDefault };
}
