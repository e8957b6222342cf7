import { describe, expect, it } from 'vitest';
import { readTable, SpreadsheetError } from '../index.ts';
import { detectDelimiter, parseCsv } from '../csv.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const withBom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...enc(s)]);
function utf16le(s: string, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  let o = 0;
  if (bom) {
    out[0] = 0xff;
    out[1] = 0xfe;
    o = 2;
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[o + 2 * i] = c & 0xff;
    out[o + 2 * i + 1] = c >> 8;
  }
  return out;
}

async function readError(data: Uint8Array, name: string): Promise<SpreadsheetError> {
  try {
    await readTable(data, name);
  } catch (e) {
    expect(e).toBeInstanceOf(SpreadsheetError);
    return e as SpreadsheetError;
  }
  throw new Error('expected an error');
}

describe('CSV parser', () => {
  it('handles quotes, doubled quotes, embedded delimiters and newlines (CRLF, LF, CR)', () => {
    const text = 'a,b,c\r\n"Đề nghị, ""gấp""","dòng 1\r\ndòng 2\ndòng 3",x\n1,,\r"cuối"';
    expect(parseCsv(text, ',')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['Đề nghị, "gấp"', 'dòng 1\r\ndòng 2\ndòng 3', 'x'] },
      { line: 5, fields: ['1', '', ''] }, // physical lines: the quoted field spans 2-4
      { line: 6, fields: ['cuối'] },
    ]);
  });

  it('is lenient like Excel with stray quotes, strict on an unclosed quote', () => {
    expect(parseCsv('Tên 5" màn hình,"a"b\n', ',')).toEqual([{ line: 1, fields: ['Tên 5" màn hình', 'ab'] }]);
    expect(() => parseCsv('a,b\n1,"không đóng\n2,3\n', ',')).toThrow(/dấu ngoặc kép mở ở dòng 2 không được đóng/);
  });

  it('detects ; , and tab delimiters, ignoring delimiters inside quotes', () => {
    expect(detectDelimiter('STT;Họ và tên;Nội dung\n1;"Nguyễn, Văn A";"x, y, z"\n2;B;C\n')).toBe(';');
    expect(detectDelimiter('STT,Họ và tên,Ghi chú\n1,"A; B",x\n2,C,"D; E; F"\n')).toBe(',');
    expect(detectDelimiter('STT\tHọ và tên\tNội dung\n1\tA, B\tC; D\n')).toBe('\t');
    expect(parseCsv('sep=;\nSTT;Tên\n1;A,B\n')).toEqual([
      { line: 2, fields: ['STT', 'Tên'] },
      { line: 3, fields: ['1', 'A,B'] },
    ]);
  });
});

describe('readTable: CSV', () => {
  const body = 'STT;Họ và tên cử tri;Xã/Phường;Nội dung ý kiến, kiến nghị;Ngày tiếp xúc\r\n' +
    '1;Nguyễn Thị Ánh;Xã Hưng Đạo;"Đề nghị nâng cấp đường;\r\nlàm rãnh thoát nước";05/03/2025\r\n' +
    '2;Đặng Văn Ượng;Phường Ngọc Hà;Hỗ trợ "hộ nghèo";6/3/25\r\n\r\n;;;;\r\n';

  it('reads UTF-8 with BOM, UTF-8 without BOM and UTF-16LE with BOM identically', async () => {
    const a = await readTable(withBom(body), 'y-kien.csv');
    const b = await readTable(enc(body), 'y-kien.csv');
    const c = await readTable(utf16le(body), 'y-kien.txt');
    for (const t of [a, b, c]) {
      expect(t.headers).toEqual(['STT', 'Họ và tên cử tri', 'Xã/Phường', 'Nội dung ý kiến, kiến nghị', 'Ngày tiếp xúc']);
      expect(t.rows).toEqual([
        ['1', 'Nguyễn Thị Ánh', 'Xã Hưng Đạo', 'Đề nghị nâng cấp đường;\r\nlàm rãnh thoát nước', '05/03/2025'],
        ['2', 'Đặng Văn Ượng', 'Phường Ngọc Hà', 'Hỗ trợ "hộ nghèo"', '6/3/25'],
      ]);
      expect(t.rowNumbers).toEqual([2, 3]);
      expect(t.sheetName).toBe('y-kien');
    }
  });

  it('keeps leading zeros and text exactly (CSV cells are never guessed as numbers)', async () => {
    const t = await readTable(enc('Số điện thoại,Mã hộ\n0912345678,00123\n'), 'a.csv');
    expect(t.rows).toEqual([['0912345678', '00123']]);
  });

  it('finds the header below a title line and applies transformText', async () => {
    const t = await readTable(enc('DANH SÁCH Ý KIẾN,,\n,,\nSTT,Hä vµ tªn,Ghi chó\n1,NguyÔn V¨n A,\n'), 'a.csv', {
      transformText: s => s.replace('Hä vµ tªn', 'Họ và tên').replace('NguyÔn V¨n A', 'Nguyễn Văn A').replace('Ghi chó', 'Ghi chú'),
    });
    expect(t.headerRowNumber).toBe(3);
    expect(t.headers).toEqual(['STT', 'Họ và tên', 'Ghi chú']);
    expect(t.rows).toEqual([['1', 'Nguyễn Văn A', null]]);
  });

  it('rejects Windows-1258 / TCVN3 bytes, UTF-16 without BOM, UTF-16BE, and unclosed quotes in Vietnamese', async () => {
    // "Nguyễn" in Windows-1258 is not valid UTF-8.
    const cp1258 = new Uint8Array([0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e, 0x2c, 0x41, 0x0a]);
    let e = await readError(cp1258, 'a.csv');
    expect(e.code).toBe('UNSUPPORTED_ENCODING');
    expect(e.message).toContain('không dùng mã UTF-8');
    e = await readError(utf16le('STT,Tên\n1,Ánh\n', false), 'a.csv');
    expect(e.message).toContain('UTF-16 không có BOM');
    e = await readError(new Uint8Array([0xfe, 0xff, 0, 0x41]), 'a.csv');
    expect(e.message).toContain('UTF-16 Big Endian');
    e = await readError(enc('a,b\n"x,y\n'), 'a.csv');
    expect(e.code).toBe('CSV_MALFORMED');
    e = await readError(enc('\n\n,,\n'), 'a.csv');
    expect(e.code).toBe('NO_DATA');
  });
});
