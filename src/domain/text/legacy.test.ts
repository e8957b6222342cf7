import { describe, expect, it } from 'vitest';
import { convertLegacy, convertLegacyDocument, decodeTcvn3, decodeVni, detectEncoding, toTcvn3, toVni } from './legacy.ts';

const SAMPLES = [
  'Ủy ban nhân dân thị xã Đức Phổ',
  'Cử tri thôn Vĩnh Tuy, xã Phổ Châu phản ánh tình trạng người dân lấn chiếm hành lang an toàn giao thông trên Quốc lộ 1A.',
  'Đề nghị nâng cấp tuyến đường từ phường Phổ Hòa đi xã Phổ Nhơn, hiện đã xuống cấp nghiêm trọng.',
  'Việc chi trả tiền bồi thường giải phóng mặt bằng còn chậm; đề nghị sớm cấp giấy chứng nhận quyền sử dụng đất.',
  'Kênh mương nội đồng bị bồi lắng, thiếu nước tưới cho vụ Đông Xuân.',
  'Khuỷu sông, thuở trước, người già, quý, giữ gìn, nguyễn, huỳnh, khuya, ngoằn ngoèo, tiếng ồn.',
];

describe('TCVN3 (ABC) read as Windows-1252', () => {
  it('encodes known text into the familiar garble', () => {
    expect(toTcvn3('Nhân dân')).toBe('Nh©n d©n');
    expect(toTcvn3('Đức Phổ')).toBe('§øc Phæ');
    expect(toTcvn3('đường')).toBe('®\u00adêng');
    expect(toTcvn3('ắ ằ ẳ ẵ ặ')).toBe('¾ » ¼ ½ Æ');
  });
  for (const s of SAMPLES) {
    it(`round-trips: ${s.slice(0, 40)}`, () => {
      const r = convertLegacy(toTcvn3(s));
      expect(r.encoding).toBe('tcvn3');
      expect(r.changed).toBe(true);
      expect(r.confidence).toBeGreaterThan(0.7);
      // TCVN3 has no uppercase toned vowels: compare case-insensitively except at sentence starts
      expect(r.text.toLowerCase()).toBe(s.toLowerCase());
    });
  }
  it('restores sentence-initial and all-caps case', () => {
    expect(decodeTcvn3(toTcvn3('Ủy ban nhân dân'))).toBe('Ủy ban nhân dân');
    expect(convertLegacy(toTcvn3('ĐỀ NGHỊ HỖ TRỢ KINH PHÍ SỬA CHỮA')).text).toBe('ĐỀ NGHỊ HỖ TRỢ KINH PHÍ SỬA CHỮA');
  });
});

describe('VNI-Windows read as Windows-1252', () => {
  it('encodes known text', () => {
    expect(toVni('Nhân dân')).toBe('Nhaân daân');
    expect(toVni('Đức')).toBe('Ñöùc');
    expect(toVni('Xin chào các bạn')).toBe('Xin chaøo caùc baïn');
    expect(toVni('ỵ Ỵ')).toBe('î Î');
  });
  for (const s of SAMPLES) {
    it(`round-trips exactly: ${s.slice(0, 40)}`, () => {
      const r = convertLegacy(toVni(s));
      expect(r.encoding).toBe('vni');
      expect(r.text).toBe(s);
      expect(r.confidence).toBeGreaterThan(0.7);
    });
  }
  it('uppercase', () => {
    expect(decodeVni(toVni('QUỐC LỘ 1A ĐOẠN QUA PHƯỜNG PHỔ VINH'))).toBe('QUỐC LỘ 1A ĐOẠN QUA PHƯỜNG PHỔ VINH');
  });
});

describe('text that must be left alone', () => {
  const keep = [
    'Hello world, this is an English sentence.',
    '12345 67.890,00 2024-05-01',
    'Tôi là Hà', // Unicode Vietnamese using only Latin-1 letters
    'Cà phê, bánh mì, phở',
    'Trường THCS Phổ Minh; Quyết định 1766/QĐ-TTg',
    'café, naïve, São Paulo, José Muñoz, Müller, Ångström',
    'Ông Nguyễn Văn Tám, thôn Hiệp An',
    'Thị uỷ Đức Phổ và Ủy ban nhân dân',
    '',
  ];
  for (const s of keep) {
    it(JSON.stringify(s), () => {
      const r = convertLegacy(s);
      expect(r.encoding).toBe('unicode');
      expect(r.changed).toBe(false);
      expect(r.text).toBe(s);
    });
  }
  it('decomposed Unicode is composed, not converted', () => {
    const s = 'Phổ Hòa, Phổ Vinh, Đức Phổ';
    const r = convertLegacy(s.normalize('NFD'));
    expect(r.encoding).toBe('unicode');
    expect(r.text).toBe(s);
  });
  it('detectEncoding reports evidence', () => {
    expect(detectEncoding(toTcvn3(SAMPLES[1]!)).encoding).toBe('tcvn3');
    expect(detectEncoding(toVni(SAMPLES[1]!)).encoding).toBe('vni');
    expect(detectEncoding(SAMPLES[1]!).encoding).toBe('unicode');
  });
});

describe('mixed documents', () => {
  it('converts paragraph by paragraph', () => {
    const doc = [toTcvn3(SAMPLES[2]!), SAMPLES[3]!, toVni(SAMPLES[4]!), 'Total: 12 items'].join('\n');
    const r = convertLegacyDocument(doc);
    expect(r.paragraphs.map((p) => p.encoding)).toEqual(['tcvn3', 'unicode', 'vni', 'unicode']);
    expect(r.text).toBe([SAMPLES[2], SAMPLES[3], SAMPLES[4], 'Total: 12 items'].join('\n'));
  });
  it('short cells: a name', () => {
    expect(convertLegacy(toTcvn3('Nguyễn Văn Hùng')).text).toBe('Nguyễn Văn Hùng');
    expect(convertLegacy(toVni('Trần Thị Mỹ Lệ')).text).toBe('Trần Thị Mỹ Lệ');
  });
});
