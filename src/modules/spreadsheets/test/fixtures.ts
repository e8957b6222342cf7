import ExcelJS from 'exceljs';

export const VOTER_HEADERS = [
  'STT',
  'Họ và tên cử tri',
  'Thôn/Tổ dân phố',
  'Xã/Phường',
  'Nội dung ý kiến, kiến nghị',
  'Lĩnh vực',
  'Ngày tiếp xúc',
] as const;

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
/** No tone, sắc, huyền, hỏi, ngã, nặng. */
const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];

/** Every Vietnamese vowel with every tone, lower and upper case, plus đ/Đ (NFC). */
export const ALL_DIACRITICS: string = (() => {
  const out: string[] = [];
  for (const v of VOWELS) {
    for (const t of TONES) {
      const lower = (v + t).normalize('NFC');
      out.push(lower, lower.toUpperCase());
    }
  }
  out.push('đ', 'Đ');
  return out.join('');
})();

export const NAMES = ['Nguyễn Thị Ánh', 'Trần Văn Đức', 'Lê Thị Hường', 'Phạm Quốc Việt', 'Hoàng Thị Thủy', 'Đặng Văn Ượng', 'Vũ Thị Ỷ', 'Bùi Xuân Trường', 'Đỗ Thị Ngọc Ẩn', 'Hồ Sỹ Ỗn'];
export const HAMLETS = ['Thôn Đông Hưng', 'Tổ dân phố số 5', 'Thôn Thượng Ỡ', 'Xóm Bãi Ổi', 'Bản Nà Ữ'];
export const COMMUNES = ['Xã Hưng Đạo', 'Phường Ngọc Hà', 'Xã Quảng Điền', 'Phường Thủy Xuân'];
export const FIELDS = ['Giao thông', 'Đất đai', 'Y tế', 'Giáo dục', 'Điện, nước', 'Môi trường', 'Chính sách xã hội'];

const SENTENCES = [
  'Đề nghị nâng cấp tuyến đường liên thôn đã xuống cấp nghiêm trọng, mùa mưa lũ đi lại rất khó khăn.',
  'Cử tri phản ánh việc cấp giấy chứng nhận quyền sử dụng đất còn chậm, thủ tục rườm rà.',
  'Kiến nghị sớm chi trả chế độ cho người có công, hộ nghèo theo đúng quy định; "đúng hạn" & <đủ>.',
  'Đề nghị xử lý dứt điểm tình trạng ô nhiễm môi trường do cơ sở chăn nuôi gây ra.',
  'Trạm y tế xã thiếu thuốc bảo hiểm y tế, đề nghị cấp trên quan tâm bổ sung.',
];

/** Deterministic pseudo-random generator (tests must be reproducible). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Opinion text; every 97th row is long enough to cross many 16 KiB parser chunks. */
export function opinionText(i: number, rand: () => number): string {
  const n = i % 97 === 0 ? 40 + Math.floor(rand() * 200) : 1 + Math.floor(rand() * 4);
  const parts: string[] = [];
  for (let k = 0; k < n; k++) parts.push(SENTENCES[Math.floor(rand() * SENTENCES.length)]!);
  if (i % 13 === 0) parts.push(ALL_DIACRITICS);
  if (i % 17 === 0) parts.push('Dòng 2\nDòng 3 — “ngoặc kép”, dấu chấm phẩy; tab\tcuối.');
  if (i % 19 === 0) parts.push('Ghi chú 📌 khẩn');
  // Decomposed (NFD) text, as typed on some macOS keyboards: must come back byte-for-byte.
  if (i % 23 === 0) parts.push(ALL_DIACRITICS.normalize('NFD'));
  return parts.join(' ');
}

export type Opinion = {
  stt: number;
  name: string;
  hamlet: string;
  commune: string;
  content: string;
  field: string;
  date: Date;
};

export function makeOpinions(n: number, seed = 42): Opinion[] {
  const rand = rng(seed);
  const out: Opinion[] = [];
  for (let i = 0; i < n; i++) {
    out.push({
      stt: i + 1,
      name: NAMES[i % NAMES.length]!,
      hamlet: HAMLETS[Math.floor(rand() * HAMLETS.length)]!,
      commune: COMMUNES[Math.floor(rand() * COMMUNES.length)]!,
      content: opinionText(i, rand),
      field: FIELDS[Math.floor(rand() * FIELDS.length)]!,
      date: new Date(Date.UTC(2025, Math.floor(rand() * 12), 1 + Math.floor(rand() * 28))),
    });
  }
  return out;
}

export async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const b = (await wb.xlsx.writeBuffer()) as unknown as Uint8Array;
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/**
 * A sheet laid out like a commune's report: administrative header, motto, title, a two-level
 * header on rows 6-7 with merged cells, vertically merged commune cells, rich text, formulas,
 * hyperlinks, real date cells, a total row and styled empty rows at the end.
 */
export async function communeReport(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Hướng dẫn').getCell('A1').value = 'Trang hướng dẫn';
  const ws = wb.addWorksheet('Tổng hợp ý kiến');
  ws.getCell('A1').value = 'HĐND XÃ HƯNG ĐẠO';
  ws.mergeCells('A1:C1');
  ws.getCell('D1').value = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  ws.mergeCells('D1:G1');
  ws.getCell('D2').value = 'Độc lập - Tự do - Hạnh phúc';
  ws.mergeCells('D2:G2');
  ws.getCell('A4').value = 'TỔNG HỢP Ý KIẾN, KIẾN NGHỊ CỬ TRI TRƯỚC KỲ HỌP THỨ 5';
  ws.mergeCells('A4:G4');
  // Two-level header.
  ws.getCell('A6').value = 'STT';
  ws.mergeCells('A6:A7');
  ws.getCell('B6').value = 'Thông tin cử tri';
  ws.mergeCells('B6:C6');
  ws.getCell('B7').value = 'Họ và tên cử tri';
  ws.getCell('C7').value = 'Thôn/Tổ dân phố';
  ws.getCell('D6').value = 'Xã/Phường';
  ws.mergeCells('D6:D7');
  ws.getCell('E6').value = { richText: [{ text: 'Nội dung ' }, { font: { bold: true }, text: 'ý kiến, kiến nghị' }] };
  ws.mergeCells('E6:E7');
  ws.getCell('F6').value = 'Lĩnh vực';
  ws.mergeCells('F6:F7');
  ws.getCell('G6').value = 'Ngày tiếp xúc';
  ws.mergeCells('G6:G7');
  const data: [string, string, string, unknown, string, unknown][] = [
    ['Nguyễn Thị Ánh', 'Thôn Đông Hưng', 'Xã Hưng Đạo', 'Đề nghị nâng cấp đường liên thôn', 'Giao thông', new Date(Date.UTC(2025, 5, 12))],
    ['Trần Văn Đức', 'Thôn Thượng Ỡ', '', { richText: [{ text: 'Cấp ' }, { font: { italic: true }, text: 'sổ đỏ' }, { text: ' chậm' }] }, 'Đất đai', new Date(Date.UTC(2025, 5, 12))],
    ['Lê Thị Hường', 'Xóm Bãi Ổi', '', { text: 'Xem phản ánh trên cổng', hyperlink: 'https://example.vn/y-kien/3' }, 'Y tế', '13/06/2025'],
  ];
  data.forEach((d, i) => {
    const r = 8 + i;
    ws.getCell(`A${r}`).value = { formula: `ROW()-7`, result: i + 1 };
    ws.getCell(`B${r}`).value = d[0];
    ws.getCell(`C${r}`).value = d[1];
    if (d[2]) ws.getCell(`D${r}`).value = d[2];
    ws.getCell(`E${r}`).value = d[3] as ExcelJS.CellValue;
    ws.getCell(`F${r}`).value = d[4];
    ws.getCell(`G${r}`).value = d[5] as ExcelJS.CellValue;
    ws.getCell(`G${r}`).numFmt = 'dd/mm/yyyy';
  });
  ws.mergeCells('D8:D10'); // the same commune for the three rows
  // Styled but empty trailing rows (common after deleting content in Excel).
  for (let r = 11; r <= 40; r++) ws.getCell(`B${r}`).border = { bottom: { style: 'thin' } };
  return toBytes(wb);
}
