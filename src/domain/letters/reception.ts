/**
 * Citizen reception (tiếp công dân): one `receptionRecord` per row of the register (Sổ tiếp công
 * dân, Mẫu 03/TCD, NĐ 154/2026; minimum content Luật Tiếp công dân Điều 25 k2), its validation,
 * and the reception schedule of the standing committee and delegates as configurable data
 * (letters.md C23: the frequency is set by the UBTVQH and the local Quy chế, UNVERIFIED).
 */
import { addDays, coversYear, isIsoDate, weekday } from '../calendar/index.ts';
import type { KnownYears, WorkingCalendar } from '../calendar/index.ts';
import { formatShortDate } from '../documents/format.ts';
import { LetterRuleError } from './errors.ts';
import { LETTER_KINDS, LETTER_KIND_LABELS } from './labels.ts';
import type { LetterKind } from './labels.ts';
import { LETTERS_2026_DATE } from './rules.ts';

export type ReceptionMode = 'in_person' | 'online';

export const RECEPTION_MODE_LABELS: Readonly<Record<ReceptionMode, string>> = {
  in_person: 'Tiếp trực tiếp',
  online: 'Tiếp trực tuyến',
};

export type ReceiverKind = 'delegate' | 'standing_committee' | 'secretariat';

export const RECEIVER_KIND_LABELS: Readonly<Record<ReceiverKind, string>> = {
  delegate: 'Đại biểu Hội đồng nhân dân',
  standing_committee: 'Thường trực Hội đồng nhân dân',
  secretariat: 'Văn phòng, bộ phận tiếp công dân',
};

/** One row of the Sổ tiếp công dân; the column of Mẫu 03/TCD in brackets. */
export type ReceptionRecordInput = {
  /** (2) Ngày tiếp. */
  receivedOn: string;
  mode: ReceptionMode;
  receiverKind: ReceiverKind;
  receiverId: string;
  /** (3) Họ tên, địa chỉ. */
  citizenName: string;
  citizenAddress: string;
  /** (4) Căn cước, hộ chiếu hoặc giấy tờ khác. */
  idDocument: string;
  /** A proxy brings a written authorisation (NĐ 154 Điều 12–13). */
  proxy: boolean;
  authorisationRef: string | null;
  /** (5) Tóm tắt nội dung vụ việc. */
  summary: string;
  /** What the citizen asks (Luật Tiếp công dân Điều 25 k2). */
  request: string;
  /** (6) Phân loại. */
  kinds: LetterKind[];
  /** (7) Số người cùng nội dung. */
  peopleCount: number;
  /** (8) Cơ quan đã giải quyết hết thẩm quyền (null: none). */
  priorHandling: string | null;
  /** (9) Thuộc thẩm quyền. */
  withinCompetence: boolean;
  /** (10) Hướng dẫn: cơ quan, số văn bản hướng dẫn. */
  guidance: { body: string; letterNumber: string | null } | null;
  /** (11) Chuyển đơn: cơ quan nhận, số công văn chuyển đơn (the number comes from the register once issued). */
  forwarding: { body: string; letterNumber: string | null } | null;
  /** What was done and what the citizen was told. */
  outcome: string;
  /** (12) Theo dõi kết quả giải quyết. */
  followUp: string | null;
};

export type FieldError = { path: string; message: string };

function blank(v: unknown): boolean {
  return typeof v !== 'string' || v.trim() === '';
}

/** Errors of a reception record, one per wrong field, in Vietnamese; empty when valid. */
export function validateReceptionRecord(input: unknown): FieldError[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [{ path: '', message: 'Thiếu thông tin lượt tiếp công dân.' }];
  const r = input as Record<string, unknown>;
  const errors: FieldError[] = [];
  const need = (path: string, message: string): void => {
    if (blank(r[path])) errors.push({ path, message });
  };
  if (!isIsoDate(r['receivedOn'])) errors.push({ path: 'receivedOn', message: 'Ngày tiếp không hợp lệ (cần dạng YYYY-MM-DD).' });
  if (r['mode'] !== 'in_person' && r['mode'] !== 'online') errors.push({ path: 'mode', message: 'Hình thức tiếp phải là trực tiếp hoặc trực tuyến.' });
  else if (r['mode'] === 'online' && isIsoDate(r['receivedOn']) && r['receivedOn'] < LETTERS_2026_DATE) {
    errors.push({
      path: 'mode',
      message: `Tiếp công dân trực tuyến chỉ áp dụng từ ngày ${formatShortDate(LETTERS_2026_DATE)} (Luật 136/2025/QH15, Điều 1 khoản 1); ngày tiếp ${formatShortDate(r['receivedOn'])} phải là tiếp trực tiếp.`,
    });
  }
  if (typeof r['receiverKind'] !== 'string' || !Object.hasOwn(RECEIVER_KIND_LABELS, r['receiverKind'])) {
    errors.push({ path: 'receiverKind', message: 'Người tiếp phải là đại biểu, Thường trực Hội đồng nhân dân hoặc bộ phận tiếp công dân.' });
  }
  need('receiverId', 'Thiếu người tiếp công dân.');
  need('citizenName', 'Thiếu họ tên công dân (cột 3).');
  need('citizenAddress', 'Thiếu địa chỉ công dân (cột 3).');
  need('idDocument', 'Thiếu số căn cước, hộ chiếu hoặc giấy tờ tùy thân khác (cột 4).');
  if (r['proxy'] === true && blank(r['authorisationRef'])) errors.push({ path: 'authorisationRef', message: 'Người được ủy quyền phải xuất trình văn bản ủy quyền.' });
  need('summary', 'Thiếu tóm tắt nội dung vụ việc (cột 5).');
  need('request', 'Thiếu yêu cầu, đề nghị của công dân.');
  const kinds = r['kinds'];
  if (!Array.isArray(kinds) || kinds.length === 0) errors.push({ path: 'kinds', message: 'Chưa phân loại nội dung (cột 6: khiếu nại, tố cáo, kiến nghị, phản ánh).' });
  else {
    for (const k of kinds) {
      if (!(LETTER_KINDS as readonly unknown[]).includes(k)) errors.push({ path: 'kinds', message: `Loại nội dung không hợp lệ: "${String(k)}".` });
    }
    if (new Set(kinds).size !== kinds.length) errors.push({ path: 'kinds', message: 'Một loại nội dung được chọn hai lần.' });
  }
  const n = r['peopleCount'];
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) errors.push({ path: 'peopleCount', message: 'Số người cùng nội dung phải là số nguyên từ 1 trở lên (cột 7).' });
  if (typeof r['withinCompetence'] !== 'boolean') errors.push({ path: 'withinCompetence', message: 'Cần ghi rõ vụ việc có thuộc thẩm quyền hay không (cột 9).' });
  for (const key of ['guidance', 'forwarding'] as const) {
    const v = r[key];
    if (v === null || v === undefined) continue;
    if (typeof v !== 'object' || blank((v as Record<string, unknown>)['body'])) {
      errors.push({ path: `${key}.body`, message: key === 'guidance' ? 'Thiếu cơ quan mà công dân được hướng dẫn đến (cột 10).' : 'Thiếu cơ quan nhận đơn chuyển (cột 11).' });
    }
  }
  if (r['guidance'] != null && r['forwarding'] != null) {
    errors.push({ path: 'forwarding', message: 'Một lượt tiếp chỉ hướng dẫn hoặc chuyển đơn; nếu đơn có nhiều nội dung, tách thành từng lượt theo loại.' });
  }
  if (r['withinCompetence'] === true && (r['guidance'] != null || r['forwarding'] != null)) {
    errors.push({ path: 'withinCompetence', message: 'Vụ việc thuộc thẩm quyền thì không hướng dẫn hay chuyển đơn đi nơi khác.' });
  }
  need('outcome', 'Thiếu kết quả tiếp: việc đã làm và nội dung trả lời công dân.');
  return errors;
}

/** A row for the register (Mẫu 03/TCD): the Vietnamese text of each column. */
export function registerRow(stt: number, r: ReceptionRecordInput): string[] {
  return [
    String(stt),
    formatShortDate(r.receivedOn),
    `${r.citizenName}, ${r.citizenAddress}`,
    r.idDocument,
    r.summary,
    r.kinds.map((k) => LETTER_KIND_LABELS[k]).join(', '),
    String(r.peopleCount),
    r.priorHandling ?? '',
    r.withinCompetence ? 'x' : '',
    r.guidance === null ? '' : [r.guidance.body, r.guidance.letterNumber].filter(Boolean).join(', '),
    r.forwarding === null ? '' : [r.forwarding.body, r.forwarding.letterNumber].filter(Boolean).join(', '),
    r.followUp ?? '',
  ];
}

/**
 * A reception schedule rule (CONFIGURABLE): who receives, how many days per period, on which
 * weekday of the period ("the first Tuesday"; 1 = Monday … 5 = Friday) — a day off moves to the
 * next working day. The shipped values are UNVERIFIED defaults a council edits.
 */
export type ReceptionScheduleRule = {
  receiver: 'standing_committee' | 'delegate';
  period: 'month' | 'quarter';
  daysPerPeriod: number;
  weekday: 1 | 2 | 3 | 4 | 5;
  verified: boolean;
  source: string;
};

export const DEFAULT_RECEPTION_SCHEDULE: readonly ReceptionScheduleRule[] = [
  {
    receiver: 'standing_committee',
    period: 'month',
    daysPerPeriod: 1,
    weekday: 2,
    verified: false,
    source: 'Mặc định, chưa kiểm chứng: tần suất tiếp công dân do Nghị quyết của UBTVQH (thay Nghị quyết 759/2014/UBTVQH13) và Quy chế của Hội đồng nhân dân quy định',
  },
  {
    receiver: 'delegate',
    period: 'quarter',
    daysPerPeriod: 1,
    weekday: 4,
    verified: false,
    source: 'Mặc định, chưa kiểm chứng: theo lịch Thường trực Hội đồng nhân dân bố trí',
  },
];

/**
 * The reception days a rule gives in `year`: the first `daysPerPeriod` such weekdays of each
 * period, each moved to the next working day when it is a day off. The year's holiday table must
 * be known (`knownYears`), or this refuses with a Vietnamese error rather than guess.
 */
export function receptionDays(rule: ReceptionScheduleRule, year: number, calendar: WorkingCalendar, knownYears: KnownYears): string[] {
  if (!coversYear(knownYears, year)) {
    throw new LetterRuleError('calendarYearMissing', `Chưa có lịch ngày nghỉ năm ${year}: không lập được lịch tiếp công dân năm ${year}. Đề nghị cập nhật lịch ngày nghỉ năm ${year} trước.`);
  }
  const months = rule.period === 'month' ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : [1, 4, 7, 10];
  const out: string[] = [];
  for (const m of months) {
    let d = `${year}-${String(m).padStart(2, '0')}-01`;
    while (weekday(d) !== rule.weekday) d = addDays(d, 1);
    for (let i = 0; i < rule.daysPerPeriod; i++) {
      const day = calendar.isWorkingDay(d) ? d : calendar.nextWorkingDay(d);
      if (!out.includes(day)) out.push(day);
      d = addDays(d, 7);
    }
  }
  return out;
}

/** A period of the year short of reception days: `index` is the month (1–12) or the quarter (1–4). */
export interface Shortfall {
  index: number;
  period: string;
  held: number;
  required: number;
  message: string;
}

const QUARTERS = ['I', 'II', 'III', 'IV'];

/** Periods of `year` in which fewer receptions were held than the rule asks, with a Vietnamese line each. */
export function scheduleShortfall(rule: ReceptionScheduleRule, year: number, held: readonly string[]): Shortfall[] {
  const periods = rule.period === 'month' ? 12 : 4;
  const out: Shortfall[] = [];
  for (let p = 1; p <= periods; p++) {
    const inPeriod = held.filter((d) => Number(d.slice(0, 4)) === year && (rule.period === 'month' ? Number(d.slice(5, 7)) === p : Math.ceil(Number(d.slice(5, 7)) / 3) === p));
    const n = new Set(inPeriod).size;
    if (n < rule.daysPerPeriod) {
      const period = rule.period === 'month' ? `tháng ${p}/${year}` : `quý ${QUARTERS[p - 1]}/${year}`;
      out.push({ index: p, period, held: n, required: rule.daysPerPeriod, message: `${RECEIVER_KIND_LABELS[rule.receiver]}: ${period} mới tiếp ${n}/${rule.daysPerPeriod} ngày theo lịch.` });
    }
  }
  return out;
}

/**
 * Shortfalls as a council reads them: consecutive periods short by the same count make one run
 * ("tháng 1–10/2026: 0/1 ngày mỗi tháng"), so a year gone by without receptions is one line, not ten.
 */
export function shortfallRuns(period: ReceptionScheduleRule['period'], year: number, shortfall: readonly Shortfall[]): { label: string; periods: number }[] {
  const runs: { from: Shortfall; to: Shortfall }[] = [];
  for (const s of shortfall) {
    const last = runs[runs.length - 1];
    if (last && last.to.index + 1 === s.index && last.to.held === s.held && last.to.required === s.required) last.to = s;
    else runs.push({ from: s, to: s });
  }
  const name = (i: number) => (period === 'month' ? String(i) : QUARTERS[i - 1]!);
  const unit = period === 'month' ? 'tháng' : 'quý';
  return runs.map(({ from, to }) => {
    const periods = to.index - from.index + 1;
    const span = periods === 1 ? name(from.index) : `${name(from.index)}–${name(to.index)}`;
    return { label: `${unit} ${span}/${year}: ${from.held}/${from.required} ngày${periods > 1 ? ` mỗi ${unit}` : ''}`, periods };
  });
}
