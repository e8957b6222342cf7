import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, KNOWN_OVERRIDES } from '../calendar/index.ts';
import {
  chainSummary,
  compareReferences,
  parseReference,
  summarizeVerification,
  validateResponse,
  validateVerificationPoints,
} from './verification.ts';
import type { VerificationPoint } from './verification.ts';

const calendar = createWorkingCalendar(KNOWN_OVERRIDES);

describe('parseReference', () => {
  it('reads both orders and abbreviations into the legal citation', () => {
    expect(parseReference('Điều 3 khoản 2')!.label).toBe('khoản 2 Điều 3');
    expect(parseReference('khoản 2 Điều 3')!.label).toBe('khoản 2 Điều 3');
    expect(parseReference('khoản 2, Điều 3')!.label).toBe('khoản 2 Điều 3');
    expect(parseReference('Đ3 k2')!.label).toBe('khoản 2 Điều 3');
    expect(parseReference('Điều 3 k.2 điểm đ')!.label).toBe('điểm đ khoản 2 Điều 3');
    expect(parseReference('điểm a khoản 1 Điều 12')).toMatchObject({ article: 12, clause: 1, point: 'a', general: false, document: null });
  });

  it('sections, chapters, parts and appendices, Roman or Arabic', () => {
    expect(parseReference('Mục II')).toMatchObject({ section: 'II', label: 'Mục II' });
    expect(parseReference('Chương 2 Điều 5')).toMatchObject({ chapter: '2', article: 5, label: 'Điều 5 Chương 2' });
    expect(parseReference('Phần I, Mục 3')!.label).toBe('Mục 3 Phần I');
    expect(parseReference('Phụ lục IV')).toMatchObject({ appendix: 'IV', label: 'Phụ lục IV' });
  });

  it('the whole draft, and the document named at the end', () => {
    expect(parseReference('Nội dung chung')).toMatchObject({ general: true, label: 'nội dung chung' });
    expect(parseReference('toàn văn')!.general).toBe(true);
    expect(parseReference('Điều 3 dự thảo nghị quyết')).toMatchObject({ article: 3, document: 'dự thảo nghị quyết', label: 'Điều 3 dự thảo nghị quyết' });
    expect(parseReference('Mục II của Tờ trình')).toMatchObject({ section: 'II', document: 'tờ trình' });
    expect(parseReference('Nội dung chung của dự thảo nghị quyết')!.label).toBe('nội dung chung của dự thảo nghị quyết');
  });

  it('decomposed input (NFD) and extra spaces are accepted', () => {
    expect(parseReference('  Điều   3  khoản 2 '.normalize('NFD'))!.label).toBe('khoản 2 Điều 3');
  });

  it('what is not one reference is refused', () => {
    for (const bad of ['', 'Ý kiến khác', 'khoản 2', 'điểm a Điều 3', 'Điều 0', 'Điều 3 Điều 4', 'Điều 3a', 'dự thảo nghị quyết', 'Điều ba', 'Mục']) {
      expect(parseReference(bad), bad).toBeNull();
    }
  });

  it('orders references as the document does', () => {
    const refs = ['Phụ lục I', 'Điều 10', 'khoản 2 Điều 3', 'Điều 3', 'Nội dung chung', 'điểm b khoản 2 Điều 3', 'Chương II Điều 12', 'Chương IX', 'Chương IV'];
    const sorted = refs.map((r) => parseReference(r)!).sort(compareReferences).map((r) => r.label);
    expect(sorted).toEqual([
      'nội dung chung',
      'Điều 3',
      'khoản 2 Điều 3',
      'điểm b khoản 2 Điều 3',
      'Điều 10',
      'Điều 12 Chương II',
      'Chương IV',
      'Chương IX',
      'Phụ lục I',
    ]);
  });
});

const points: VerificationPoint[] = [
  { key: 'p1', reference: 'Nội dung chung', conclusion: 'agree', content: 'Việc ban hành nghị quyết là cần thiết, đúng thẩm quyền.' },
  { key: 'p2', reference: 'Điều 3 khoản 2', conclusion: 'pointsToExplain', content: 'Đề nghị làm rõ căn cứ xác định mức hỗ trợ 50% chi phí.' },
  { key: 'p3', reference: 'Điều 1', conclusion: 'agreeWithChanges', content: 'Đề nghị bổ sung đối tượng là hộ cận nghèo.' },
  { key: 'p4', reference: 'Phụ lục I', conclusion: 'disagree', content: 'Danh mục dự án chưa có chủ trương đầu tư, đề nghị không đưa vào.' },
];

describe('validateVerificationPoints', () => {
  it('accepts well-formed points and trims them', () => {
    const r = validateVerificationPoints(points.map((p) => ({ ...p, content: `  ${p.content} ` })));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.points[0]!.content).toBe(points[0]!.content);
  });

  it('every fault is named with its path, in Vietnamese', () => {
    const r = validateVerificationPoints([
      { key: 'a', reference: 'Điều 3', conclusion: 'agree', content: 'Được' },
      { key: 'a', reference: 'chỗ nào đó', conclusion: 'maybe', content: ' ' },
      'x',
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { path: 'points.1.key', message: 'Ý kiến thứ 2 trùng mã "a" với một ý kiến khác.' },
      { path: 'points.1.conclusion', message: 'Ý kiến thứ 2: kết luận phải là một trong: “Đồng ý”, “Đồng ý, đề nghị chỉnh sửa”, “Đề nghị giải trình, làm rõ”, “Không đồng ý”.' },
      { path: 'points.1.reference', message: 'Ý kiến thứ 2: cần ghi rõ điều, khoản hoặc mục liên quan (ví dụ “khoản 2 Điều 3”, “Mục II”, “Nội dung chung”).' },
      { path: 'points.1.content', message: 'Ý kiến thứ 2 chưa có nội dung.' },
      { path: 'points.2', message: 'Ý kiến thứ 3 không hợp lệ.' },
    ]);
  });

  it('a report needs at least one point; a conclusion named like an object member is refused', () => {
    expect(validateVerificationPoints([])).toEqual({ ok: false, errors: [{ path: 'points', message: 'Báo cáo thẩm tra cần ít nhất một ý kiến kết luận.' }] });
    const r = validateVerificationPoints([{ key: 'a', reference: 'Điều 1', conclusion: 'toString', content: 'x' }]);
    expect(r.ok).toBe(false);
  });
});

describe('summarizeVerification', () => {
  it('counts, the most severe conclusion, what needs an answer, in document order', () => {
    const s = summarizeVerification(points);
    expect(s.counts).toEqual({ agree: 1, agreeWithChanges: 1, pointsToExplain: 1, disagree: 1 });
    expect(s.mostSevere).toBe('disagree');
    expect(s.needsResponse).toBe(true);
    expect(s.requiringAnswer).toEqual(['p2', 'p4']);
    expect(s.ordered.map((p) => [p.key, p.referenceLabel])).toEqual([
      ['p1', 'nội dung chung'],
      ['p3', 'Điều 1'],
      ['p2', 'khoản 2 Điều 3'],
      ['p4', 'Phụ lục I'],
    ]);
  });

  it('a report that only agrees (with changes) needs no response', () => {
    const s = summarizeVerification(points.filter((p) => p.conclusion === 'agree' || p.conclusion === 'agreeWithChanges'));
    expect(s.mostSevere).toBe('agreeWithChanges');
    expect(s.needsResponse).toBe(false);
    expect(summarizeVerification([]).mostSevere).toBeNull();
  });
});

describe('validateResponse', () => {
  it('every point to explain or disagreed with answered: ok', () => {
    const r = validateResponse(points, [
      { pointKey: 'p2', kind: 'explained', text: 'Mức 50% theo Nghị định 57/2018/NĐ-CP, Điều 5.' },
      { pointKey: 'p4', kind: 'accepted', text: 'Đã rút danh mục dự án khỏi Phụ lục I.' },
      { pointKey: 'p3', kind: 'accepted', text: 'Đã bổ sung hộ cận nghèo.' }, // optional answer
    ]);
    expect(r).toEqual({ ok: true, errors: [], unanswered: [], unknown: [], answeredRequired: 2, required: 2 });
  });

  it('a required point left unanswered is named with its reference and an excerpt', () => {
    const r = validateResponse(points, [{ pointKey: 'p2', kind: 'partlyAccepted', text: 'Điều chỉnh mức hỗ trợ còn 40%.' }]);
    expect(r.ok).toBe(false);
    expect(r.unanswered).toEqual(['p4']);
    expect(r.answeredRequired).toBe(1);
    expect(r.errors).toEqual([
      { path: 'answers', message: 'Chưa trả lời ý kiến về Phụ lục I (“Danh mục dự án chưa có chủ trương đầu tư, đề nghị không đưa vào.”) mà Ban không đồng ý.' },
    ]);
  });

  it('long contents are cut in the message', () => {
    const long = [{ key: 'x', reference: 'Điều 2', conclusion: 'pointsToExplain' as const, content: 'Đề nghị làm rõ '.repeat(10) }];
    const msg = validateResponse(long, []).errors[0]!.message;
    // Cut at a word boundary within 80 characters.
    expect(msg).toBe(`Chưa trả lời ý kiến về Điều 2 (“${'Đề nghị làm rõ '.repeat(5)}Đề…”) mà Ban đề nghị giải trình.`);
  });

  it('answers to unknown points, twice to one point, without kind or text are refused', () => {
    const r = validateResponse(points, [
      { pointKey: 'p2', kind: 'explained', text: 'Giải trình.' },
      { pointKey: 'p2', kind: 'accepted', text: 'Lần hai.' },
      { pointKey: 'p9', kind: 'accepted', text: 'Không có ý kiến này.' },
      { pointKey: 'p4', kind: 'ignored', text: '' },
    ]);
    expect(r.ok).toBe(false);
    expect(r.unknown).toEqual(['p9']);
    expect(r.unanswered).toEqual([]);
    expect(r.errors.map((e) => e.message)).toEqual([
      'Ý kiến về khoản 2 Điều 3 được trả lời hơn một lần.',
      'Nội dung trả lời thứ 3 không ứng với ý kiến nào trong báo cáo thẩm tra (mã "p9").',
      'Nội dung trả lời về Phụ lục I: cần chọn “Tiếp thu, chỉnh sửa”, “Tiếp thu một phần, giải trình”, “Giải trình, giữ nguyên”.',
      'Nội dung trả lời về Phụ lục I chưa có nội dung.',
    ]);
  });

  it('not a list is refused, and the required points are still listed', () => {
    const r = validateResponse(points, null);
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toEqual({ path: 'answers', message: 'Danh sách nội dung tiếp thu, giải trình không hợp lệ.' });
    expect(r.unanswered).toEqual(['p2', 'p4']);
  });
});

describe('chainSummary: tờ trình → thẩm tra → tiếp thu → nghị quyết', () => {
  it('the Quảng Ninh NQ 99/2025 chain, all on time', () => {
    // TTr 4486/TTr-UBND 22/11/2025 → thẩm tra 292/BC-HĐND 08/12 → tiếp thu 4723/BC-UBND 08/12 → passed 16/12.
    const c = chainSummary({
      submission: { number: '4486/TTr-UBND', date: '2025-11-22', due: '2025-11-25' },
      verificationReport: { number: '292/BC-HĐND', date: '2025-12-08', due: '2025-12-09' },
      responseReport: { number: '4723/BC-UBND', date: '2025-12-08', due: '2025-12-09' },
      responseRequired: true,
      resolution: { number: '99/2025/NQ-HĐND', date: '2025-12-16' },
      today: '2025-12-20',
      calendar,
      dueSoonWorkingDays: 3,
    });
    expect(c.steps.map((s) => [s.label, s.number, s.timing, s.status, s.daysAfterPrevious])).toEqual([
      ['Tờ trình', '4486/TTr-UBND', 'receivedOnTime', 'Nộp đúng hạn, ngày 22/11/2025', null],
      ['Báo cáo thẩm tra', '292/BC-HĐND', 'receivedOnTime', 'Nộp đúng hạn, ngày 08/12/2025', 16],
      ['Báo cáo tiếp thu, giải trình', '4723/BC-UBND', 'receivedOnTime', 'Nộp đúng hạn, ngày 08/12/2025', 0],
      ['Nghị quyết', '99/2025/NQ-HĐND', null, 'Thông qua ngày 16/12/2025', 8],
    ]);
    expect(c).toMatchObject({ lateSteps: 0, totalDaysLate: 0, complete: true, warnings: [] });
  });

  it('a late submission, a report still missing and overdue: lateness at each step', () => {
    const c = chainSummary({
      submission: { number: '12/TTr-UBND', date: '2026-02-16', due: '2026-02-13' },
      verificationReport: { number: null, date: null, due: '2026-02-24' },
      responseReport: null,
      responseRequired: true,
      today: '2026-02-27',
      calendar,
      dueSoonWorkingDays: 3,
    });
    expect(c.steps.map((s) => [s.kind, s.timing, s.daysLate, s.status])).toEqual([
      ['submission', 'receivedLate', 3, 'Nộp muộn 3 ngày'],
      ['verificationReport', 'late', 3, 'Quá hạn 3 ngày, chưa nộp'],
      ['responseReport', 'expected', null, 'Chưa nộp (không có hạn)'],
    ]);
    expect(c).toMatchObject({ lateSteps: 2, totalDaysLate: 6, complete: false });
  });

  it('no response report needed when the committee asked nothing', () => {
    const c = chainSummary({
      submission: { number: '5/TTr-UBND', date: '2026-03-02', due: '2026-03-05' },
      verificationReport: { number: '8/BC-BKTNS', date: '2026-03-09', due: '2026-03-10' },
      responseReport: null,
      responseRequired: false,
      resolution: { number: null, date: null },
      today: '2026-03-11',
      calendar,
      dueSoonWorkingDays: 3,
    });
    expect(c.steps[2]).toMatchObject({ required: false, timing: null, status: 'Không cần (Ban không đề nghị giải trình)' });
    expect(c.steps[3]).toMatchObject({ status: 'Chưa thông qua' });
    // The resolution is not passed yet.
    expect(c.complete).toBe(false);
  });

  it('an invalid date is a Vietnamese rule error', () => {
    expect(() =>
      chainSummary({
        submission: { number: null, date: '2026-02-30', due: null },
        verificationReport: null,
        responseReport: null,
        responseRequired: false,
        today: '2026-03-11',
        calendar,
        dueSoonWorkingDays: 3,
      }),
    ).toThrow('Ngày không hợp lệ trong chuỗi tờ trình – thẩm tra – tiếp thu: "2026-02-30".');
  });

  it('dates out of order give a warning', () => {
    const c = chainSummary({
      submission: { number: null, date: '2026-03-10', due: null },
      verificationReport: { number: null, date: '2026-03-05', due: null },
      responseReport: null,
      responseRequired: false,
      today: '2026-03-11',
      calendar,
      dueSoonWorkingDays: 3,
    });
    expect(c.warnings).toEqual(['Báo cáo thẩm tra ghi ngày 05/03/2026, trước tờ trình (10/03/2026).']);
    expect(c.steps[1]!.daysAfterPrevious).toBe(-5);
  });
});
