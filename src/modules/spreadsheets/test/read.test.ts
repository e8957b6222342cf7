import ExcelJS from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readTable, SpreadsheetError } from '../index.ts';
import { communeReport, toBytes, VOTER_HEADERS } from './fixtures.ts';

async function expectSpreadsheetError(p: Promise<unknown>, code: string, text: RegExp | string): Promise<SpreadsheetError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SpreadsheetError);
  const se = err as SpreadsheetError;
  expect(se.code).toBe(code);
  if (typeof text === 'string') expect(se.message).toContain(text);
  else expect(se.message).toMatch(text);
  // No English library text, no stack trace in what users see.
  expect(se.message).not.toMatch(/\bat \w+ \(|Error:|End of data|invalid zip|Can't find|central directory/i);
  return se;
}

describe('readTable: xlsx', () => {
  it('reads a commune report: header block on rows 6-7, merged cells, rich text, formulas, hyperlinks, dates', async () => {
    const progress: number[] = [];
    const table = await readTable(await communeReport(), 'Tong hop y kien.xlsx', {
      sheetName: 'tong hop y kien', // accent- and case-insensitive
      onProgress: f => progress.push(f),
    });
    expect(table.sheetName).toBe('Tổng hợp ý kiến');
    expect(table.sheetNames).toEqual(['Hướng dẫn', 'Tổng hợp ý kiến']);
    expect(table.headerRowNumber).toBe(6);
    expect(table.headers).toEqual([...VOTER_HEADERS]);
    expect(table.rowNumbers).toEqual([8, 9, 10]); // styled empty rows 11-40 dropped
    expect(table.rows[0]).toEqual([1, 'Nguyễn Thị Ánh', 'Thôn Đông Hưng', 'Xã Hưng Đạo', 'Đề nghị nâng cấp đường liên thôn', 'Giao thông', new Date(Date.UTC(2025, 5, 12))]);
    // Vertically merged commune cell is filled down; rich text is flattened.
    expect(table.rows[1]![3]).toBe('Xã Hưng Đạo');
    expect(table.rows[1]![4]).toBe('Cấp sổ đỏ chậm');
    // Hyperlink → its text; formula → its result; a date typed as text stays text.
    expect(table.rows[2]![4]).toBe('Xem phản ánh trên cổng');
    expect(table.rows[2]![0]).toBe(3);
    expect(table.rows[2]![6]).toBe('13/06/2025');
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('reads the first visible sheet by default', async () => {
    const wb = new ExcelJS.Workbook();
    const hidden = wb.addWorksheet('Ẩn', { state: 'hidden' });
    hidden.addRow(['x', 'y']);
    const ws = wb.addWorksheet('Dữ liệu');
    ws.addRow(['Họ và tên cử tri', 'Xã/Phường']);
    ws.addRow(['Vũ Thị Ỷ', 'Phường Ngọc Hà']);
    const t = await readTable(await toBytes(wb), 'x.xlsx');
    expect(t.sheetName).toBe('Dữ liệu');
    expect(t.rows).toEqual([['Vũ Thị Ỷ', 'Phường Ngọc Hà']]);
  });

  it('finds a header on row 3 after a title and a blank row; drops empty trailing rows and leading empty columns', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.getCell('B1').value = 'DANH SÁCH Ý KIẾN CỬ TRI XÃ QUẢNG ĐIỀN';
    ws.getRow(3).values = [undefined, undefined, ...VOTER_HEADERS] as ExcelJS.CellValue[];
    ws.getRow(4).values = [undefined, undefined, 1, 'Hồ Sỹ Ỗn', 'Bản Nà Ữ', 'Xã Quảng Điền', 'Kiến nghị kéo điện', 'Điện, nước', new Date(Date.UTC(2025, 0, 2))] as ExcelJS.CellValue[];
    ws.getRow(6).values = [undefined, undefined, 2, 'Đỗ Thị Ngọc Ẩn', 'Thôn Đông Hưng', 'Xã Quảng Điền', 'Hỗ trợ giống lúa', 'Nông nghiệp', 45678] as ExcelJS.CellValue[];
    ws.getRow(9).values = [undefined, undefined, '', '   '] as ExcelJS.CellValue[];
    const t = await readTable(await toBytes(wb), 'ds.xlsx');
    expect(t.headerRowNumber).toBe(3);
    expect(t.headers).toEqual([...VOTER_HEADERS]);
    expect(t.rowNumbers).toEqual([4, 6]);
    expect(t.rows[1]).toEqual([2, 'Đỗ Thị Ngọc Ẩn', 'Thôn Đông Hưng', 'Xã Quảng Điền', 'Hỗ trợ giống lúa', 'Nông nghiệp', 45678]);
  });

  it('honours an explicit header row, names unnamed columns and de-duplicates headers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['Ghi chú', 'Ghi chú', null, 'x']);
    ws.addRow(['a', 'b', 'c', 'd']);
    const t = await readTable(await toBytes(wb), 's.xlsx', { headerRow: 1 });
    expect(t.headers).toEqual(['Ghi chú', 'Ghi chú (2)', 'Cột C', 'x']);
  });

  it('applies transformText to every string cell, headers included', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    // TCVN3 text as it appears in Unicode once the legacy font is gone: "Hä vµ tªn", "NguyÔn".
    ws.addRow(['STT', 'Hä vµ tªn', 'X· / Ph­êng']);
    ws.addRow([1, 'NguyÔn ThÞ ¸nh', { richText: [{ text: 'X· H­ng §¹o' }] }]);
    const legacy: Record<string, string> = { 'Hä vµ tªn': 'Họ và tên', 'X· / Ph­êng': 'Xã / Phường', 'NguyÔn ThÞ ¸nh': 'Nguyễn Thị Ánh', 'X· H­ng §¹o': 'Xã Hưng Đạo' };
    const seen: string[] = [];
    const t = await readTable(await toBytes(wb), 's.xlsx', {
      transformText: s => {
        seen.push(s);
        return legacy[s] ?? s;
      },
    });
    expect(t.headers).toEqual(['STT', 'Họ và tên', 'Xã / Phường']);
    expect(t.rows).toEqual([[1, 'Nguyễn Thị Ánh', 'Xã Hưng Đạo']]);
    expect(seen).not.toContain(1);
  });

  it('rejects a truncated xlsx with a Vietnamese message', async () => {
    const full = await communeReport();
    const truncated = full.subarray(0, Math.floor(full.length * 0.6));
    const e = await expectSpreadsheetError(readTable(truncated, 'y kien.xlsx'), 'CORRUPT_XLSX', 'Tệp Excel bị hỏng hoặc không đúng định dạng .xlsx');
    expect(e.cause).toBeDefined(); // kept for logs
  });

  it('rejects a xlsx whose XML is damaged', async () => {
    const bytes = zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      '_rels/.rels': strToU8('<Relationships'),
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="Tờ 1" sheetId="1" r:id="rId1"'),
    });
    await expectSpreadsheetError(readTable(bytes, 'hong.xlsx'), 'CORRUPT_XLSX', 'Tệp Excel bị hỏng hoặc không đúng định dạng .xlsx');
  });

  it('rejects a PNG renamed .xlsx, an empty file, a .docx, an .xls and unknown formats', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
    await expectSpreadsheetError(readTable(png, 'anh.xlsx'), 'CORRUPT_XLSX', 'Tệp Excel bị hỏng hoặc không đúng định dạng .xlsx');
    await expectSpreadsheetError(readTable(new Uint8Array(0), 'rong.xlsx'), 'EMPTY_FILE', 'rỗng');
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    await expectSpreadsheetError(readTable(docx, 'bien-ban.xlsx'), 'CORRUPT_XLSX', 'văn bản Word');
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expectSpreadsheetError(readTable(ole, 'cu.xls'), 'LEGACY_XLS', '.xls');
    await expectSpreadsheetError(readTable(png, 'anh.png'), 'UNSUPPORTED_FORMAT', 'chỉ hỗ trợ');
  });

  it('reports a missing sheet and an empty sheet in Vietnamese', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Trống');
    const bytes = await toBytes(wb);
    await expectSpreadsheetError(readTable(bytes, 'a.xlsx', { sheetName: 'Kỳ họp 5' }), 'SHEET_NOT_FOUND', 'Không tìm thấy trang tính "Kỳ họp 5". Các trang tính có trong tệp: "Trống"');
    await expectSpreadsheetError(readTable(bytes, 'a.xlsx'), 'NO_DATA', 'không có dữ liệu');
  });
});

describe('readTable: unexpected failures', () => {
  it('wraps any other error in a Vietnamese SpreadsheetError and keeps the cause', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').addRow(['Họ và tên', 'Xã']);
    const boom = new TypeError('converter exploded');
    const e = await expectSpreadsheetError(
      readTable(await toBytes(wb), 'a.xlsx', { transformText: () => { throw boom; } }),
      'READ_FAILED',
      'Không đọc được tệp "a.xlsx"',
    );
    expect(e.cause).toBe(boom);
  });
});
