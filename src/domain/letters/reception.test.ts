import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, KNOWN_OVERRIDES } from '../calendar/index.ts';
import { DEFAULT_RECEPTION_SCHEDULE, receptionDays, registerRow, scheduleShortfall, shortfallRuns, validateReceptionRecord } from './reception.ts';
import type { ReceptionRecordInput } from './reception.ts';
import { ruleError } from './testSupport.ts';

const cal = createWorkingCalendar(KNOWN_OVERRIDES);
const known = { from: 2025, to: 2026 };

const valid: ReceptionRecordInput = {
  receivedOn: '2026-07-07',
  mode: 'online',
  receiverKind: 'delegate',
  receiverId: 'd1',
  citizenName: 'Nguyễn Văn An',
  citizenAddress: 'Thôn 3, xã Tân Phú',
  idDocument: '079085001234',
  proxy: false,
  authorisationRef: null,
  summary: 'Bồi thường khi thu hồi đất thửa 45 tờ bản đồ 12',
  request: 'Xem xét lại mức bồi thường',
  kinds: ['complaint'],
  peopleCount: 1,
  priorHandling: null,
  withinCompetence: false,
  guidance: { body: 'UBND xã Tân Phú', letterNumber: null },
  forwarding: null,
  outcome: 'Hướng dẫn công dân gửi đơn khiếu nại đến Chủ tịch UBND xã Tân Phú',
  followUp: null,
};

describe('a reception record (Sổ tiếp công dân, Mẫu 03/TCD)', () => {
  it('a complete record is valid and gives the twelve columns of the register', () => {
    expect(validateReceptionRecord(valid)).toEqual([]);
    expect(registerRow(1, valid)).toEqual([
      '1',
      '07/07/2026',
      'Nguyễn Văn An, Thôn 3, xã Tân Phú',
      '079085001234',
      'Bồi thường khi thu hồi đất thửa 45 tờ bản đồ 12',
      'Khiếu nại',
      '1',
      '',
      '',
      'UBND xã Tân Phú',
      '',
      '',
    ]);
  });

  it('each missing required field has its own Vietnamese error naming the column', () => {
    const errors = validateReceptionRecord({ ...valid, citizenName: ' ', idDocument: '', summary: '', kinds: [], peopleCount: 0, outcome: '' });
    expect(errors.map((e) => e.path)).toEqual(['citizenName', 'idDocument', 'summary', 'kinds', 'peopleCount', 'outcome']);
    expect(errors[0]!.message).toBe('Thiếu họ tên công dân (cột 3).');
    expect(errors[3]!.message).toContain('cột 6');
    expect(validateReceptionRecord(null)).toEqual([{ path: '', message: 'Thiếu thông tin lượt tiếp công dân.' }]);
  });

  it('online reception exists only from 01/07/2026: a record of 30/06/2026 online is refused', () => {
    const errors = validateReceptionRecord({ ...valid, receivedOn: '2026-06-30' });
    expect(errors).toEqual([{ path: 'mode', message: expect.stringContaining('chỉ áp dụng từ ngày 01/07/2026') }]);
    expect(validateReceptionRecord({ ...valid, receivedOn: '2026-06-30', mode: 'in_person' })).toEqual([]);
  });

  it('a proxy needs the authorisation; guidance and forwarding need the body and exclude each other and competence', () => {
    expect(validateReceptionRecord({ ...valid, proxy: true }).map((e) => e.path)).toEqual(['authorisationRef']);
    expect(validateReceptionRecord({ ...valid, guidance: { body: '', letterNumber: null } }).map((e) => e.path)).toEqual(['guidance.body']);
    expect(validateReceptionRecord({ ...valid, forwarding: { body: 'Thanh tra tỉnh', letterNumber: '12/HĐND' } }).map((e) => e.path)).toEqual(['forwarding']);
    expect(validateReceptionRecord({ ...valid, withinCompetence: true }).map((e) => e.path)).toEqual(['withinCompetence']);
    expect(validateReceptionRecord({ ...valid, kinds: ['complaint', 'gossip'] }).map((e) => e.message)).toEqual(['Loại nội dung không hợp lệ: "gossip".']);
  });
});

describe('the reception schedule (configurable, unverified defaults)', () => {
  it("the standing committee's first Tuesday of each month moves off the National Day holiday: 01/09/2026 → 03/09", () => {
    const days = receptionDays(DEFAULT_RECEPTION_SCHEDULE[0]!, 2026, cal, known);
    expect(days).toHaveLength(12);
    expect(days[0]).toBe('2026-01-06');
    expect(days[8]).toBe('2026-09-03');
    expect(DEFAULT_RECEPTION_SCHEDULE.every((r) => !r.verified)).toBe(true);
  });

  it("delegates' quarterly Thursday: New Year's Day 01/01/2026 moves to Friday 02/01", () => {
    expect(receptionDays(DEFAULT_RECEPTION_SCHEDULE[1]!, 2026, cal, known)).toEqual(['2026-01-02', '2026-04-02', '2026-07-02', '2026-10-01']);
  });

  it('a year without a holiday calendar is refused in Vietnamese', () => {
    expect(ruleError(() => receptionDays(DEFAULT_RECEPTION_SCHEDULE[0]!, 2027, cal, known)).message).toContain('Chưa có lịch ngày nghỉ năm 2027');
  });

  it('periods with fewer receptions than the rule asks are listed', () => {
    const short = scheduleShortfall(DEFAULT_RECEPTION_SCHEDULE[1]!, 2026, ['2026-01-02', '2026-02-05', '2026-07-02', '2026-10-01']);
    expect(short).toEqual([{ index: 2, period: 'quý II/2026', held: 0, required: 1, message: 'Đại biểu Hội đồng nhân dân: quý II/2026 mới tiếp 0/1 ngày theo lịch.' }]);
  });

  it('consecutive periods short by the same count are one run; a break or another count starts a new one', () => {
    const twice = { ...DEFAULT_RECEPTION_SCHEDULE[0]!, daysPerPeriod: 2 };
    // Held: one day in March, two in May, none in the other months (2 a month asked).
    const short = scheduleShortfall(twice, 2026, ['2026-03-03', '2026-05-05', '2026-05-12']);
    expect(shortfallRuns('month', 2026, short)).toEqual([
      { label: 'tháng 1–2/2026: 0/2 ngày mỗi tháng', periods: 2 },
      { label: 'tháng 3/2026: 1/2 ngày', periods: 1 },
      { label: 'tháng 4/2026: 0/2 ngày', periods: 1 },
      { label: 'tháng 6–12/2026: 0/2 ngày mỗi tháng', periods: 7 },
    ]);
    const quarters = scheduleShortfall(DEFAULT_RECEPTION_SCHEDULE[1]!, 2026, []);
    expect(shortfallRuns('quarter', 2026, quarters.slice(0, 3))).toEqual([{ label: 'quý I–III/2026: 0/1 ngày mỗi quý', periods: 3 }]);
    expect(shortfallRuns('month', 2026, [])).toEqual([]);
  });
});
