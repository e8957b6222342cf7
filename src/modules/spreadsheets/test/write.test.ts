import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTable, SpreadsheetError, writeCsv, writeXlsx } from '../index.ts';
import type { ColumnSpec } from '../index.ts';

async function load(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb.worksheets[0]!;
}

const COLUMNS: ColumnSpec[] = [
  { header: 'STT', key: 'stt', type: 'number' },
  { header: 'Họ và tên cử tri', key: 'name' },
  { header: 'Nội dung ý kiến, kiến nghị', key: 'content', type: 'text' },
  { header: 'Ngày tiếp xúc', key: 'date', type: 'date' },
  { header: 'Thời điểm tiếp nhận', key: 'at', type: 'datetime' },
  { header: 'Tỷ lệ giải quyết', key: 'rate', type: 'percent' },
  { header: 'Kinh phí (đồng)', key: 'money', type: 'number', width: 18 },
];

const ROWS = [
  {
    stt: 1,
    name: 'Nguyễn Thị Ánh',
    content: 'Đề nghị nâng cấp tuyến đường liên thôn Đông Hưng – Thượng Ỡ, đã xuống cấp nghiêm trọng từ nhiều năm nay, mùa mưa lũ đi lại rất khó khăn và nguy hiểm cho học sinh.',
    date: new Date(Date.UTC(2025, 2, 5)), // floating date (as read from a sheet)
    at: new Date('2025-03-05T01:30:00Z'), // instant: 08:30 in Vietnam
    rate: 0.25,
    money: '1.500.000',
  },
  { stt: 2, name: 'Trần Văn Đức', content: '=HYPERLINK("http://x")', date: '06/03/2025', at: null, rate: 1, money: 2_750_000.5 },
  { stt: 3, name: 'Lê Thị Hường', content: 'Ký tự điều khiển\u0007 bị loại bỏ', date: new Date('2025-03-06T23:30:00Z'), at: undefined, rate: null, money: 'không rõ' },
];

describe('writeXlsx', () => {
  it('writes bold frozen headers, an auto-filter, widths, real dates and numbers', async () => {
    const progress: number[] = [];
    const bytes = await writeXlsx({ sheetName: 'Ý kiến cử tri: kỳ họp 5/2025', title: 'TỔNG HỢP Ý KIẾN CỬ TRI', columns: COLUMNS, rows: ROWS, onProgress: f => progress.push(f) });
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    const ws = await load(bytes);
    expect(ws.name).toBe('Ý kiến cử tri  kỳ họp 5 2025');
    expect(ws.getCell('A1').value).toBe('TỔNG HỢP Ý KIẾN CỬ TRI');
    expect(ws.getCell('A1').isMerged).toBe(true);
    const header = ws.getRow(2);
    expect(COLUMNS.map((_, i) => header.getCell(i + 1).value)).toEqual(COLUMNS.map(c => c.header));
    expect(header.getCell(2).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBe('A2:G5');

    const r1 = ws.getRow(3);
    expect(r1.getCell(1).value).toBe(1);
    expect(r1.getCell(4).value).toEqual(new Date(Date.UTC(2025, 2, 5)));
    expect(r1.getCell(4).numFmt).toBe('dd/mm/yyyy');
    expect(r1.getCell(5).value).toEqual(new Date(Date.UTC(2025, 2, 5, 8, 30)));
    expect(r1.getCell(5).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(r1.getCell(6).value).toBe(0.25);
    expect(r1.getCell(6).numFmt).toBe('0.0%');
    expect(r1.getCell(7).value).toBe(1_500_000);
    expect(r1.getCell(7).numFmt).toBe('#,##0');
    const r2 = ws.getRow(4);
    expect(r2.getCell(3).value).toBe('=HYPERLINK("http://x")'); // text, never a formula
    expect(r2.getCell(4).value).toEqual(new Date(Date.UTC(2025, 2, 6)));
    expect(r2.getCell(7).value).toBe(2_750_000.5);
    const r3 = ws.getRow(5);
    expect(r3.getCell(3).value).toBe('Ký tự điều khiển bị loại bỏ');
    expect(r3.getCell(4).value).toEqual(new Date(Date.UTC(2025, 2, 7))); // 06:30 on 07/03 in Vietnam
    expect(r3.getCell(7).value).toBe('không rõ'); // not a number: kept as text, not lost

    // Widths: computed and capped, long text wraps; explicit width kept.
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(6);
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual('Họ và tên cử tri'.length);
    expect(ws.getColumn(3).width).toBe(60);
    expect(r1.getCell(3).alignment?.wrapText).toBe(true);
    expect(ws.getColumn(7).width).toBe(18);
  });

  it('infers column types, truncates over-long cells and reads back through readTable', async () => {
    const huge = 'Ă'.repeat(40_000);
    const bytes = await writeXlsx({
      sheetName: 'S',
      columns: [
        { header: 'Số', key: 'n' },
        { header: 'Ngày', key: 'd' },
        { header: 'Đã trả lời', key: 'b' },
        { header: 'Ghi chú', key: 'huge' },
      ],
      rows: [{ n: 5, d: new Date(Date.UTC(2025, 0, 2)), b: true, huge }],
    });
    const t = await readTable(bytes, 'out.xlsx');
    expect(t.headers).toEqual(['Số', 'Ngày', 'Đã trả lời', 'Ghi chú']);
    expect(t.rows[0]!.slice(0, 3)).toEqual([5, new Date(Date.UTC(2025, 0, 2)), 'Có']);
    expect((t.rows[0]![3] as string).length).toBe(32_767);
  });

  it('rejects duplicate keys and empty column lists in Vietnamese', async () => {
    await expect(writeXlsx({ sheetName: 'S', columns: [], rows: [] })).rejects.toThrow(SpreadsheetError);
    expect(() => writeCsv({ columns: [{ header: 'A', key: 'a' }, { header: 'B', key: 'a' }], rows: [] })).toThrow('khai báo trùng khóa "a"');
  });
});

describe('writeCsv', () => {
  it('writes UTF-8 with BOM, CRLF, quotes where needed, Vietnamese dates, escaped formulas', async () => {
    const bytes = writeCsv({ columns: COLUMNS, rows: ROWS });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.subarray(3));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('STT,Họ và tên cử tri,"Nội dung ý kiến, kiến nghị",Ngày tiếp xúc,Thời điểm tiếp nhận,Tỷ lệ giải quyết,Kinh phí (đồng)');
    expect(lines[1]).toMatch(/^1,Nguyễn Thị Ánh,"Đề nghị .*",05\/03\/2025,05\/03\/2025 08:30,25%,1500000$/);
    expect(lines[2]).toBe(`2,Trần Văn Đức,"'=HYPERLINK(""http://x"")",06/03/2025,,100%,2750000.5`);
    expect(text.endsWith('\r\n')).toBe(true);

    const t = await readTable(bytes, 'xuat.csv');
    expect(t.headers).toEqual(COLUMNS.map(c => c.header));
    expect(t.rows[0]![1]).toBe('Nguyễn Thị Ánh');
    expect(t.rows[2]![6]).toBe('không rõ');
  });

  it('supports ; and keeps "- " bullet text and negative numbers unescaped', () => {
    const bytes = writeCsv({
      delimiter: ';',
      columns: [{ header: 'Nội dung', key: 'a' }, { header: 'Số', key: 'b', type: 'text' }, { header: 'Lệnh', key: 'c' }],
      rows: [{ a: '- Đề nghị; gấp', b: '-5', c: '@SUM(A1)' }],
    });
    const text = new TextDecoder().decode(bytes.subarray(3));
    expect(text).toBe(`Nội dung;Số;Lệnh\r\n"- Đề nghị; gấp";-5;'@SUM(A1)\r\n`);
  });
});
