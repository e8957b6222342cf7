import { describe, expect, it } from 'vitest';
import {
  parseDocumentSymbol,
  AUTHORITY_PREFIXES,
  DOCUMENT_KINDS,
  createHeadingNumberer,
  documentKindInfo,
  formatAuthority,
  formatBasisLines,
  formatDocumentNumber,
  formatDocumentSymbol,
  formatPlaceDate,
  formatRecipientLines,
  formatShortDate,
  formatViDate,
  formatViNumber,
  formatViPercent,
  pointLabel,
  toRoman,
  twoDigits,
  upperVi,
} from './format.ts';

describe('formatPlaceDate', () => {
  it('pads days below 10 and months 1 and 2', () => {
    expect(formatPlaceDate('Đức Phổ', '2026-01-05')).toBe('Đức Phổ, ngày 05 tháng 01 năm 2026');
    expect(formatPlaceDate('Đức Phổ', '2026-02-09')).toBe('Đức Phổ, ngày 09 tháng 02 năm 2026');
  });
  it('does not pad months from 3 on, nor days from 10 on', () => {
    expect(formatPlaceDate('Đức Phổ', '2021-11-25')).toBe('Đức Phổ, ngày 25 tháng 11 năm 2021');
    expect(formatPlaceDate('Quảng Ngãi', '2025-06-10')).toBe('Quảng Ngãi, ngày 10 tháng 6 năm 2025');
    expect(formatViDate('2025-03-01')).toBe('ngày 01 tháng 3 năm 2025');
    expect(formatViDate('2025-12-31')).toBe('ngày 31 tháng 12 năm 2025');
  });
  it('trims the place and rejects bad input', () => {
    expect(formatPlaceDate('  Đức Phổ ', '2025-10-10')).toBe('Đức Phổ, ngày 10 tháng 10 năm 2025');
    expect(() => formatPlaceDate('', '2025-10-10')).toThrow();
    expect(() => formatPlaceDate('X', '2025-2-1')).toThrow();
    expect(() => formatPlaceDate('X', '2025-02-30')).toThrow();
    expect(() => formatPlaceDate('X', '25/11/2021')).toThrow();
  });
  it('short dates in running text', () => {
    expect(formatShortDate('2021-11-05')).toBe('05/11/2021');
  });
});

describe('formatDocumentNumber', () => {
  it('type code and body', () => {
    expect(formatDocumentNumber({ number: 12, typeCode: 'TB', bodyCode: 'HĐND' })).toBe('Số: 12/TB-HĐND');
  });
  it('pads numbers below 10', () => {
    expect(formatDocumentNumber({ number: 5, typeCode: 'TB', bodyCode: 'HĐND' })).toBe('Số: 05/TB-HĐND');
  });
  it('normative resolutions carry the year', () => {
    expect(formatDocumentSymbol({ number: 5, year: 2025, typeCode: 'NQ', bodyCode: 'HĐND' })).toBe('05/2025/NQ-HĐND');
    expect(formatDocumentNumber({ number: 99, year: 2025, typeCode: 'NQ', bodyCode: 'HĐND' })).toBe('Số: 99/2025/NQ-HĐND');
  });
  it('a công văn has no type code', () => {
    expect(formatDocumentSymbol({ number: 123, bodyCode: 'HĐND-VP' })).toBe('123/HĐND-VP');
    expect(formatDocumentNumber({ number: 123, typeCode: null, bodyCode: 'HĐND-VP' })).toBe('Số: 123/HĐND-VP');
    expect(DOCUMENT_KINDS.cong_van.typeCode).toBeNull();
  });
  it('a draft leaves the number blank', () => {
    expect(formatDocumentNumber({ typeCode: 'TB', bodyCode: 'HĐND' })).toBe('Số:      /TB-HĐND');
  });
  it('rejects invalid numbers', () => {
    expect(() => formatDocumentSymbol({ number: 0, bodyCode: 'HĐND' })).toThrow();
    expect(() => formatDocumentSymbol({ number: 1.5, bodyCode: 'HĐND' })).toThrow();
    expect(() => formatDocumentSymbol({ number: 1, bodyCode: ' ' })).toThrow();
    expect(() => formatDocumentSymbol({ number: 1, year: 25, bodyCode: 'HĐND' })).toThrow();
  });
});

describe('document kinds', () => {
  it('has the ND30 abbreviations and titles', () => {
    const table = Object.values(DOCUMENT_KINDS).map((k) => [k.kind, k.typeCode, k.title]);
    expect(table).toEqual([
      ['nghi_quyet', 'NQ', 'NGHỊ QUYẾT'],
      ['quyet_dinh', 'QĐ', 'QUYẾT ĐỊNH'],
      ['thong_bao', 'TB', 'THÔNG BÁO'],
      ['ke_hoach', 'KH', 'KẾ HOẠCH'],
      ['bao_cao', 'BC', 'BÁO CÁO'],
      ['to_trinh', 'TTr', 'TỜ TRÌNH'],
      ['bien_ban', 'BB', 'BIÊN BẢN'],
      ['giay_moi', 'GM', 'GIẤY MỜI'],
      ['giay_trieu_tap', 'GTT', 'GIẤY TRIỆU TẬP'],
      ['chuong_trinh', 'CTr', 'CHƯƠNG TRÌNH'],
      ['giay_chung_nhan', 'GCN', 'GIẤY CHỨNG NHẬN'],
      ['cong_van', null, null],
    ]);
    expect(documentKindInfo('thong_bao').name).toBe('Thông báo');
    expect(Object.values(DOCUMENT_KINDS).some((k) => k.typeCode === 'CV')).toBe(false);
  });
});

describe('numbers in prose', () => {
  it('twoDigits pads small counts', () => {
    expect(twoDigits(7)).toBe('07');
    expect(twoDigits(0)).toBe('00');
    expect(twoDigits(25)).toBe('25');
    expect(twoDigits(13124)).toBe('13.124');
    expect(() => twoDigits(-1)).toThrow();
    expect(() => twoDigits(2.5)).toThrow();
  });
  it('formatViNumber groups thousands with "." and uses a decimal comma', () => {
    expect(formatViNumber(13124)).toBe('13.124');
    expect(formatViNumber(1234567)).toBe('1.234.567');
    expect(formatViNumber(999)).toBe('999');
    expect(formatViNumber(0)).toBe('0');
    expect(formatViNumber(-13124.5)).toBe('-13.124,5');
    expect(formatViNumber(1.005)).toBe('1,01');
    expect(formatViNumber(2.5, 2)).toBe('2,50');
    expect(formatViNumber(-0.001)).toBe('0');
    expect(() => formatViNumber(Number.NaN)).toThrow();
  });
  it('formatViPercent', () => {
    expect(formatViPercent(99.38)).toBe('99,38%');
    expect(formatViPercent(100)).toBe('100%');
    expect(formatViPercent(12.3456, 1)).toBe('12,3%');
  });
});

describe('numbering', () => {
  it('roman numerals', () => {
    expect([1, 2, 3, 4, 9, 14, 40, 1999].map(toRoman)).toEqual(['I', 'II', 'III', 'IV', 'IX', 'XIV', 'XL', 'MCMXCIX']);
    expect(() => toRoman(0)).toThrow();
  });
  it('points use the Vietnamese alphabet', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(pointLabel)).toEqual(['a)', 'b)', 'c)', 'd)', 'đ)', 'e)', 'g)']);
    expect(pointLabel(23)).toBe('aa)');
  });
  it('headings: I., 1., 1.1. restarting under their parent', () => {
    const next = createHeadingNumberer();
    expect([next(1), next(2), next(3), next(3), next(2), next(3), next(1), next(2)]).toEqual([
      'I.', '1.', '1.1.', '1.2.', '2.', '2.1.', 'II.', '1.',
    ]);
  });
});

describe('authority and lists', () => {
  it('authority prefixes', () => {
    expect(Object.values(AUTHORITY_PREFIXES).map((a) => a.prefix)).toEqual(['TM.', 'KT.', 'TL.', 'Q.', 'TUQ.']);
    expect(formatAuthority('TM', 'Thường trực HĐND')).toBe('TM. THƯỜNG TRỰC HĐND');
    expect(formatAuthority('KT', 'chánh văn phòng')).toBe('KT. CHÁNH VĂN PHÒNG');
    expect(formatAuthority('TL', 'THƯỜNG TRỰC HĐND')).toBe('TL. THƯỜNG TRỰC HĐND');
    expect(formatAuthority('Q', 'Chủ tịch')).toBe('Q. CHỦ TỊCH');
    expect(formatAuthority('TUQ', 'Chủ tịch')).toBe('TUQ. CHỦ TỊCH');
    expect(upperVi('hđnd đức phổ')).toBe('HĐND ĐỨC PHỔ');
  });
  it('basis lines end with ";" and the last with "."', () => {
    expect(formatBasisLines(['Căn cứ Luật A;', 'Căn cứ Luật B.', ' Căn cứ Nghị định C ', ''])).toEqual([
      'Căn cứ Luật A;',
      'Căn cứ Luật B;',
      'Căn cứ Nghị định C.',
    ]);
  });
  it('recipients: "- X;" lines and a final "- Lưu: VT, …." line', () => {
    expect(formatRecipientLines(['TT Thị ủy', 'UBND thị xã;'], { archive: 'VP' })).toEqual([
      '- TT Thị ủy;',
      '- UBND thị xã;',
      '- Lưu: VT, VP.',
    ]);
    expect(formatRecipientLines(['- TT Thị ủy;', 'Lưu: VT.'])).toEqual(['- TT Thị ủy;', '- Lưu: VT.']);
    expect(formatRecipientLines([])).toEqual(['- Lưu: VT.']);
    expect(formatRecipientLines(['Các Ban HĐND'], { nhuTren: true })).toEqual([
      '- Như trên;',
      '- Các Ban HĐND;',
      '- Lưu: VT.',
    ]);
    expect(formatRecipientLines(['Như trên', 'X'], { nhuTren: true })[0]).toBe('- Như trên;');
  });
});

describe('parseDocumentSymbol', () => {
  it('reads back what formatDocumentSymbol writes', () => {
    for (const input of [
      { number: 35, bodyCode: 'HĐND-VP' },
      { number: 1, bodyCode: 'HĐND-VP' },
      { number: 12, typeCode: 'TB', bodyCode: 'HĐND' },
      { number: 5, year: 2025, typeCode: 'NQ', bodyCode: 'HĐND' },
      { number: 7, typeCode: 'BC', bodyCode: 'BKTNS' },
    ]) {
      const p = parseDocumentSymbol(formatDocumentSymbol(input))!;
      expect(p.number).toBe(input.number);
      expect(p.year).toBe(input.year ?? null);
      expect(p.typeCode).toBe(input.typeCode ?? null);
      expect([p.issuerCode, ...p.rest].join('-')).toBe(input.bodyCode);
    }
  });
  it('takes the issuer code after the type code and accepts loose typing', () => {
    expect(parseDocumentSymbol('35/HĐND-VP')).toEqual({ number: 35, year: null, typeCode: null, issuerCode: 'HĐND', rest: ['VP'] });
    expect(parseDocumentSymbol(' Số: 01 / HĐND - VP ')).toMatchObject({ number: 1, issuerCode: 'HĐND', rest: ['VP'] });
    expect(parseDocumentSymbol('12/TB-HĐND')).toMatchObject({ typeCode: 'TB', issuerCode: 'HĐND', rest: [] });
    // "VP" alone is an issuer (the office), not a type code.
    expect(parseDocumentSymbol('3/VP')).toMatchObject({ typeCode: null, issuerCode: 'VP' });
  });
  it('refuses what is not a number and symbol', () => {
    for (const s of ['', 'HĐND-VP', '0/HĐND', 'công văn ngày 12/5', '12/', 'abc/HĐND']) expect(parseDocumentSymbol(s)).toBeNull();
  });
});
