import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { applyMapping, guessMapping, parseNumberVi, parseVietnameseDate, preview } from '../index.ts';
import type { FieldSpec, Table } from '../index.ts';
import { excelSerialToDate } from '../dates.ts';

const FIELDS: FieldSpec[] = [
  { key: 'stt', label: 'STT', aliases: ['Số thứ tự', 'TT'], schema: z.int().positive().optional() },
  { key: 'voterName', label: 'Họ và tên', aliases: ['Họ tên cử tri', 'Tên cử tri'], required: true, schema: z.string().max(100) },
  { key: 'hamlet', label: 'Thôn, tổ dân phố', aliases: ['Thôn/Tổ dân phố', 'Thôn', 'Tổ dân phố'] },
  { key: 'commune', label: 'Xã, phường', aliases: ['Xã/Phường', 'Đơn vị'], required: true, schema: z.string() },
  { key: 'content', label: 'Nội dung', aliases: ['Nội dung ý kiến, kiến nghị', 'Ý kiến'], required: true, schema: z.string().min(5) },
  { key: 'field', label: 'Lĩnh vực', schema: z.enum(['Giao thông', 'Đất đai', 'Y tế']).optional() },
  { key: 'meetingDate', label: 'Ngày tiếp xúc', aliases: ['Ngày'], required: true, schema: z.date().min(new Date(Date.UTC(2020, 0, 1))) },
];

const HEADERS = ['STT', 'Họ và tên cử tri', 'Thôn/Tổ dân phố', 'XÃ / PHƯỜNG', 'Nội dung ý kiến, kiến nghị', 'Lĩnh vực', 'Ngày tiếp xúc'];

function table(rows: Table['rows'], rowNumbers?: number[]): Table {
  return { sheetName: 'S', headers: HEADERS, rows, rowNumbers: rowNumbers ?? rows.map((_, i) => i + 4), headerRowNumber: 3 };
}

describe('guessMapping', () => {
  it('matches headers to fields ignoring accents, case and punctuation', () => {
    expect(guessMapping(HEADERS, FIELDS)).toEqual({
      stt: 'STT',
      voterName: 'Họ và tên cử tri',
      hamlet: 'Thôn/Tổ dân phố',
      commune: 'XÃ / PHƯỜNG',
      content: 'Nội dung ý kiến, kiến nghị',
      field: 'Lĩnh vực',
      meetingDate: 'Ngày tiếp xúc',
    });
  });

  it('works on headers typed without accents, uses each header once, leaves unknown fields unmapped', () => {
    const m = guessMapping(['so thu tu', 'HO TEN CU TRI', 'Ngay', 'Ghi chú', 'Noi dung'], FIELDS);
    expect(m).toEqual({ stt: 'so thu tu', voterName: 'HO TEN CU TRI', hamlet: null, commune: null, content: 'Noi dung', field: null, meetingDate: 'Ngay' });
    // "Thôn" must not steal "Tổ dân phố" from a better candidate and vice versa.
    const m2 = guessMapping(['Tổ dân phố', 'Tên'], FIELDS);
    expect(m2.hamlet).toBe('Tổ dân phố');
  });
});

describe('applyMapping', () => {
  const mapping = guessMapping(HEADERS, FIELDS);

  it('converts Vietnamese dates, Excel serials, numbers and text', () => {
    const t = table([
      [1, ' Nguyễn Thị Ánh ', 'Thôn Đông Hưng', 'Xã Hưng Đạo', 'Đề nghị nâng cấp đường', 'Giao thông', '05/03/2025'],
      ['2', 'Trần Văn Đức', null, 'Phường Ngọc Hà', 'Cấp sổ đỏ chậm quá', 'Đất đai', '6/3/25'],
      [3, 'Lê Thị Hường', null, 'Xã Quảng Điền', 'Thiếu thuốc bảo hiểm', null, 45723],
      [4, 'Vũ Thị Ỷ', null, 'Xã Quảng Điền', 'Thiếu thuốc bảo hiểm', 'Y tế', new Date(Date.UTC(2025, 2, 8))],
      [5, 'Hồ Sỹ Ỗn', null, 'Xã Quảng Điền', 'Kiến nghị làm cầu', null, 'ngày 9 tháng 3 năm 2025'],
      [null, null, null, null, null, null, null],
    ]);
    const r = applyMapping(t, mapping, FIELDS);
    expect(r.errors).toEqual([]);
    expect(r.rowNumbers).toEqual([4, 5, 6, 7, 8]);
    expect(r.rows[0]).toEqual({ stt: 1, voterName: 'Nguyễn Thị Ánh', hamlet: 'Thôn Đông Hưng', commune: 'Xã Hưng Đạo', content: 'Đề nghị nâng cấp đường', field: 'Giao thông', meetingDate: new Date(Date.UTC(2025, 2, 5)) });
    expect(r.rows.map(x => (x.meetingDate as Date).toISOString().slice(0, 10))).toEqual(['2025-03-05', '2025-03-06', '2025-03-07', '2025-03-08', '2025-03-09']);
    expect(r.rows[1]!.stt).toBe(2);
    expect('hamlet' in r.rows[1]!).toBe(false);
  });

  it('reports missing required values, wrong types and schema failures in Vietnamese with sheet row numbers', () => {
    const t = table(
      [
        [1, null, 'Thôn A', 'Xã Hưng Đạo', 'Đề nghị nâng cấp đường', 'Giao thông', '05/03/2025'],
        ['một', 'Trần Văn Đức', null, 'Xã Hưng Đạo', 'Đề nghị nâng cấp đường', 'Giao thông', '31/02/2025'],
        [3, 'Lê Thị Hường', null, 'Xã Hưng Đạo', 'Ngắn', 'Văn hóa', '03/05/2019'],
        [4, 'Vũ Thị Ỷ', null, 'Xã Hưng Đạo', 'Đề nghị làm cầu', 'Y tế', '2025-03-10'],
      ],
      [10, 12, 13, 14],
    );
    const r = applyMapping(t, mapping, FIELDS);
    expect(r.errors.map(e => e.message)).toEqual([
      'Dòng 10, cột "Họ và tên cử tri": bắt buộc nhập nhưng đang để trống',
      'Dòng 12, cột "STT": không phải số hợp lệ',
      'Dòng 12, cột "Ngày tiếp xúc": không phải ngày hợp lệ',
      'Dòng 13, cột "Nội dung ý kiến, kiến nghị": cần ít nhất 5 ký tự',
      'Dòng 13, cột "Lĩnh vực": phải là một trong các giá trị: "Giao thông", "Đất đai", "Y tế"',
      'Dòng 13, cột "Ngày tiếp xúc": phải từ ngày 01/01/2020',
    ]);
    expect(r.errors[2]).toMatchObject({ row: 12, column: 'Ngày tiếp xúc' });
    expect(r.rows).toHaveLength(1);
    expect(r.rowNumbers).toEqual([14]);
  });

  it('keeps messages written in the schema and rejects an unmapped required field', () => {
    const fields: FieldSpec[] = [
      { key: 'name', label: 'Họ và tên', required: true },
      { key: 'phone', label: 'Số điện thoại', schema: z.string().regex(/^0\d{9}$/, { error: 'số điện thoại phải có 10 chữ số, bắt đầu bằng 0' }) },
    ];
    const t: Table = { sheetName: 'S', headers: ['Họ và tên', 'Số điện thoại'], rows: [['A', '12345']] };
    const r = applyMapping(t, { name: 'Họ và tên', phone: 'Số điện thoại' }, fields);
    expect(r.errors).toEqual([{ row: 2, column: 'Số điện thoại', message: 'Dòng 2, cột "Số điện thoại": số điện thoại phải có 10 chữ số, bắt đầu bằng 0' }]);
    const r2 = applyMapping(t, { name: null, phone: 'Số điện thoại' }, fields);
    expect(r2.errors).toEqual([{ row: 0, column: 'Họ và tên', message: 'Chưa chọn cột cho trường bắt buộc "Họ và tên".' }]);
    expect(r2.rows).toEqual([]);
  });

  it('supports booleans and ISO date strings', () => {
    const fields: FieldSpec[] = [
      { key: 'answered', label: 'Đã trả lời', schema: z.boolean() },
      { key: 'day', label: 'Ngày', schema: z.iso.date() },
    ];
    const t: Table = { sheetName: 'S', headers: ['Đã trả lời', 'Ngày'], rows: [['Có', '1/2/2025'], ['x', 45000], ['không', new Date(Date.UTC(2024, 11, 31))], ['chưa rõ', 'hôm qua']] };
    const r = applyMapping(t, { answered: 'Đã trả lời', day: 'Ngày' }, fields);
    expect(r.rows).toEqual([
      { answered: true, day: '2025-02-01' },
      { answered: true, day: '2023-03-15' },
      { answered: false, day: '2024-12-31' },
    ]);
    expect(r.errors.map(e => e.message)).toEqual(['Dòng 5, cột "Đã trả lời": không phải giá trị Có/Không hợp lệ', 'Dòng 5, cột "Ngày": không phải ngày hợp lệ']);
  });
});

describe('preview', () => {
  it('returns the first n non-empty rows keyed by field, with their errors', () => {
    const rows: Table['rows'] = [];
    for (let i = 0; i < 30; i++) rows.push([i + 1, i === 2 ? null : `Cử tri ${i + 1}`, null, 'Xã A', 'Nội dung kiến nghị', null, '01/01/2025']);
    rows.splice(1, 0, [null, null, null, null, null, null, null]);
    const t = table(rows);
    const mapping = guessMapping(HEADERS, FIELDS);
    const p = preview(t, mapping, 5, FIELDS);
    expect(p.totalRows).toBe(31);
    expect(p.rows.map(r => r.row)).toEqual([4, 6, 7, 8, 9]);
    expect(p.rows[0]!.values).toMatchObject({ stt: 1, voterName: 'Cử tri 1', commune: 'Xã A' });
    expect(p.errors.map(e => e.message)).toEqual(['Dòng 7, cột "Họ và tên cử tri": bắt buộc nhập nhưng đang để trống']);
    expect(preview(t, mapping).rows).toHaveLength(20);
  });
});

describe('Vietnamese numbers and dates', () => {
  it('parses numbers in vi-VN and en-US notation', () => {
    expect(parseNumberVi('1.234.567')).toBe(1234567);
    expect(parseNumberVi('1.234,5')).toBe(1234.5);
    expect(parseNumberVi('12,5')).toBe(12.5);
    expect(parseNumberVi('1,234,567.25')).toBe(1234567.25);
    expect(parseNumberVi('2.500')).toBe(2500);
    expect(parseNumberVi('0.5')).toBe(0.5);
    expect(parseNumberVi('-3')).toBe(-3);
    expect(parseNumberVi('(1.000)')).toBe(-1000);
    expect(parseNumberVi('1.23.4')).toBeNull();
    expect(parseNumberVi('abc')).toBeNull();
  });

  it('parses dd/mm/yyyy, d/m/yy, times and rejects impossible dates', () => {
    const iso = (s: string) => parseVietnameseDate(s)?.toISOString() ?? null;
    expect(iso('05/03/2025')).toBe('2025-03-05T00:00:00.000Z');
    expect(iso('5-3-2025')).toBe('2025-03-05T00:00:00.000Z');
    expect(iso('5.3.25')).toBe('2025-03-05T00:00:00.000Z');
    expect(iso('29/02/2024')).toBe('2024-02-29T00:00:00.000Z');
    expect(iso('29/02/2025')).toBeNull();
    expect(iso('13/13/2025')).toBeNull();
    expect(iso('05/03/2025 14:30')).toBe('2025-03-05T14:30:00.000Z');
    expect(iso('05/03/2025 8h30')).toBe('2025-03-05T08:30:00.000Z');
    expect(iso('1/1/70')).toBe('1970-01-01T00:00:00.000Z');
    expect(excelSerialToDate(45658)?.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(excelSerialToDate(45658.5)?.toISOString()).toBe('2025-01-01T12:00:00.000Z');
  });
});
