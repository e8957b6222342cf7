/**
 * The council profile of the sessions module (the lead times and speaking times a council's
 * working rules set) and rule sets with validity dates (rules.md "Sessions", sessions.md
 * "Lead times"). Every shipped value is an UNVERIFIED default a council edits.
 */
import { isIsoDate, setsInForce } from '../calendar/index.ts';
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
  /**
   * The chamber (issue #12): the seats of Luật 72/2025 Điều 30 (null: the sum of the seats of the
   * term's constituencies), whether a delegate may check in on their own phone (default off), and
   * whether the council publishes its named votes by name on the public pages (default off; secret
   * votes are never published by name). UNVERIFIED defaults a council sets.
   */
  chamber: { seats: number | null; selfCheckIn: boolean; publishNamedVotes: boolean };
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
  'chamber.seats',
  'chamber.selfCheckIn',
  'chamber.publishNamedVotes',
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
    chamber: { seats: null, selfCheckIn: false, publishNamedVotes: false },
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
export function ruleSetInForce(sets: readonly SessionRuleSet[], date: string): SessionRuleSet {
  if (!isIsoDate(date)) throw new SessionRuleError('invalidDate', `Ngày không hợp lệ: "${String(date)}" (cần dạng YYYY-MM-DD).`);
  const found = setsInForce(sets, date);
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

/** The numeric fields of a profile: path, Vietnamese label, allowed range. */
const NUMBER_FIELDS = [
  { path: ['speakingMinutes', 'speech'], label: 'Thời gian phát biểu (phút)', min: 1, max: 120 },
  { path: ['speakingMinutes', 'question'], label: 'Thời gian đặt câu hỏi (phút)', min: 1, max: 120 },
  { path: ['speakingMinutes', 'answer'], label: 'Thời gian trả lời (phút)', min: 1, max: 120 },
  { path: ['dueSoonWorkingDays'], label: 'Số ngày làm việc báo "sắp đến hạn"', min: 0, max: 60 },
  { path: ['writtenAnswerDays'], label: 'Thời hạn trả lời chất vấn bằng văn bản (ngày)', min: 1, max: 366 },
  { path: ['commitmentReportDaysBefore'], label: 'Số ngày gửi báo cáo thực hiện lời hứa trước kỳ họp', min: 0, max: 366 },
] as const;

function valueAt(o: Record<string, unknown>, path: readonly string[]): unknown {
  let v: unknown = o;
  for (const k of path) v = isRecord(v) && Object.hasOwn(v, k) ? v[k] : undefined;
  return v;
}

function setNumber(p: SessionProfile, path: readonly string[], v: number): void {
  if (path.length === 2) p.speakingMinutes[path[1] as keyof SessionProfile['speakingMinutes']] = v;
  else p[path[0] as 'dueSoonWorkingDays' | 'writtenAnswerDays' | 'commitmentReportDaysBefore'] = v;
}

/** Only the fields of a rule (a stored object may carry more). */
function pickLeadTime(r: LeadTimeRule | null): LeadTimeRule | null {
  if (r === null) return null;
  return { value: r.value, unit: r.unit, anchor: r.anchor, direction: r.direction, verified: r.verified, source: r.source.trim() };
}

function sameRule(a: LeadTimeRule | null, b: LeadTimeRule | null): boolean {
  if (a === null || b === null) return a === b;
  return a.value === b.value && a.unit === b.unit && a.anchor === b.anchor && a.direction === b.direction && a.verified === b.verified && a.source === b.source;
}

/** The chamber settings (optional in an entered profile: missing keeps the defaults). */
function checkChamber(v: unknown, errors: ProfileError[]): void {
  if (v === undefined) return;
  if (!isRecord(v)) {
    errors.push({ path: 'chamber', message: 'Cài đặt phòng họp không hợp lệ.' });
    return;
  }
  if (v['seats'] !== undefined && v['seats'] !== null) checkInteger(v['seats'], 'chamber.seats', 'Số đại biểu theo luật định', 1, 500, errors);
  if (v['selfCheckIn'] !== undefined && typeof v['selfCheckIn'] !== 'boolean') {
    errors.push({ path: 'chamber.selfCheckIn', message: 'Cho phép đại biểu tự điểm danh: phải là có hoặc không.' });
  }
  if (v['publishNamedVotes'] !== undefined && typeof v['publishNamedVotes'] !== 'boolean') {
    errors.push({ path: 'chamber.publishNamedVotes', message: 'Công khai kết quả biểu quyết ghi danh theo tên đại biểu: phải là có hoặc không.' });
  }
}

/** Check a complete profile (as entered by a council). Errors are Vietnamese, one per wrong value; only known fields are kept. */
export function validateProfile(p: unknown): { ok: true; profile: SessionProfile } | { ok: false; errors: ProfileError[] } {
  const errors: ProfileError[] = [];
  if (!isRecord(p)) return { ok: false, errors: [{ path: '', message: 'Cấu hình kỳ họp không hợp lệ.' }] };
  const lead = p['leadTimes'];
  if (!isRecord(lead)) {
    errors.push({ path: 'leadTimes', message: 'Thiếu các thời hạn chuẩn bị kỳ họp.' });
  } else {
    for (const step of LEAD_TIME_STEPS) {
      if (!Object.hasOwn(lead, step)) errors.push({ path: `leadTimes.${step}`, message: `${LEAD_TIME_STEP_LABELS[step]}: thiếu thời hạn.` });
      else checkLeadTime(lead[step], `leadTimes.${step}`, LEAD_TIME_STEP_LABELS[step], errors);
    }
    for (const k of Object.keys(lead)) {
      if (!(LEAD_TIME_STEPS as readonly string[]).includes(k)) errors.push({ path: `leadTimes.${k}`, message: `Bước "${k}" không có trong quy trình kỳ họp.` });
    }
  }
  if (!isRecord(p['speakingMinutes'])) errors.push({ path: 'speakingMinutes', message: 'Thiếu thời gian phát biểu, chất vấn.' });
  for (const f of NUMBER_FIELDS) {
    if (f.path.length === 2 && !isRecord(p['speakingMinutes'])) continue;
    checkInteger(valueAt(p, f.path), f.path.join('.'), f.label, f.min, f.max, errors);
  }
  checkChamber(p['chamber'], errors);
  if (errors.length > 0) return { ok: false, errors };
  const profile = mergeProfile(p, shippedProfile('province')).profile;
  return { ok: true, profile };
}

/**
 * A stored (partial) profile over the defaults: a council stores what it changed. A value that
 * is missing or invalid keeps the default. `defaults` lists the paths whose value is the shipped
 * default (equal to `defaults`' value: a lead time the council confirmed carries its own source
 * and `verified: true`, so it is no longer the default).
 */
export function mergeProfile(stored: unknown, defaults: SessionProfile): { profile: SessionProfile; defaults: string[] } {
  const profile = structuredClone(defaults);
  const atDefault: string[] = [];
  const s = isRecord(stored) ? stored : {};
  const lead = isRecord(s['leadTimes']) ? s['leadTimes'] : {};
  for (const step of LEAD_TIME_STEPS) {
    const errors: ProfileError[] = [];
    const has = Object.hasOwn(lead, step);
    if (has) checkLeadTime(lead[step], 'x', 'x', errors);
    if (has && errors.length === 0) profile.leadTimes[step] = pickLeadTime(lead[step] as LeadTimeRule | null);
    if (sameRule(profile.leadTimes[step], defaults.leadTimes[step])) atDefault.push(`leadTimes.${step}`);
  }
  for (const f of NUMBER_FIELDS) {
    const errors: ProfileError[] = [];
    const v = valueAt(s, f.path);
    checkInteger(v, 'x', 'x', f.min, f.max, errors);
    if (errors.length === 0) setNumber(profile, f.path, v as number);
    if (valueAt(profile, f.path) === valueAt(defaults, f.path)) atDefault.push(f.path.join('.'));
  }
  const ch = isRecord(s['chamber']) ? s['chamber'] : {};
  const seatErrors: ProfileError[] = [];
  if (Object.hasOwn(ch, 'seats') && ch['seats'] !== null) checkInteger(ch['seats'], 'x', 'x', 1, 500, seatErrors);
  if (Object.hasOwn(ch, 'seats') && seatErrors.length === 0) profile.chamber.seats = ch['seats'] as number | null;
  if (typeof ch['selfCheckIn'] === 'boolean') profile.chamber.selfCheckIn = ch['selfCheckIn'];
  if (profile.chamber.seats === defaults.chamber.seats) atDefault.push('chamber.seats');
  if (profile.chamber.selfCheckIn === defaults.chamber.selfCheckIn) atDefault.push('chamber.selfCheckIn');
  if (typeof ch['publishNamedVotes'] === 'boolean') profile.chamber.publishNamedVotes = ch['publishNamedVotes'];
  if (profile.chamber.publishNamedVotes === defaults.chamber.publishNamedVotes) atDefault.push('chamber.publishNamedVotes');
  return { profile, defaults: atDefault };
}
