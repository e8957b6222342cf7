import { describe, expect, it } from 'vitest';
import { findPersonalData, type PersonalKind } from './personal.ts';

const KNOWN = ['Đặng Văn Sơn', 'Lê Văn Đường', 'Nguyễn Thị Bình', 'Trần An', 'Phạm Minh Hòa'];
const kinds = (text: string, known: readonly string[] = KNOWN): PersonalKind[] => findPersonalData(text, known).map((f) => f.kind);
const texts = (text: string, known: readonly string[] = KNOWN) => findPersonalData(text, known).map((f) => f.text);

describe('findPersonalData: names', () => {
  it('finds a name the round knows, however it is written', () => {
    for (const t of [
      'Cử tri Đặng Văn Sơn (thôn Tân Hy): Đề nghị nâng cấp đường.',
      'Đề nghị nâng cấp đường vào nhà Đặng Văn Sơn ở thôn Tân Hy.',
      'Đề nghị nâng cấp đường (ý kiến của ĐẶNG VĂN SƠN).',
      'Đề nghị giải quyết đất cho hộ đặng văn sơn.',
      'Đề nghị xem xét trường hợp của Phạm Minh Hoà (dấu kiểu mới).',
    ]) {
      expect(kinds(t), t).toContain('name');
    }
  });

  it('does not flag a name that is also a common word when it stands alone', () => {
    // "Sơn" (paint), "Đường" (road), "Bình", "An", "Hòa" are words before they are names.
    for (const t of [
      'Đề nghị sơn lại vạch kẻ đường trên tuyến đường ven biển.',
      'Đường giao thông thôn An Bình xuống cấp, đề nghị sửa chữa.',
      'Đề nghị bảo đảm an ninh trật tự, giữ bình yên cho khu dân cư; hòa giải tranh chấp đất đai.',
      'Đề nghị nâng cấp Trường Tiểu học Bình Sơn và chợ An Hòa.',
    ]) {
      expect(kinds(t), t).toEqual([]);
    }
  });

  it('finds a given name the round knows after a title, not after a place noun', () => {
    expect(texts('Đề nghị hỗ trợ gia đình ông Sơn bị sập nhà.')).toEqual(['Sơn']);
    expect(texts('Bà Bình phản ánh nước sạch không ổn định.')).toEqual(['Bình']);
    expect(kinds('Đề nghị sửa đường Bà Triệu và đường Ông Ích Khiêm.')).toEqual([]);
    // A voter called Lê Văn Đường does not make "đường Lê Lợi" personal, nor the word "đường".
    expect(kinds('Đề nghị thảm nhựa đường Lê Lợi, đoạn qua chợ.')).toEqual([]);
  });

  it('finds a title and a full name even when the round does not know the person', () => {
    for (const t of [
      'Đề nghị hỗ trợ hộ bà Nguyễn Thị Hoa có nhà bị sập.',
      'Ông Huỳnh Văn Tư, thôn 2, đề nghị làm mương thoát nước.',
      'Trường hợp của anh Võ Minh Tâm bị thu hồi đất chưa được bồi thường.',
    ]) {
      expect(kinds(t, []), t).toEqual(['name']);
    }
    // Institutions and streets named after people are not people.
    for (const t of [
      'Đề nghị nâng cấp Trường THCS Nguyễn Trãi.',
      'Đề nghị lắp đèn đường Lê Lợi và đường Hùng Vương.',
      'Cử tri thôn Tân Hy đề nghị làm cầu.',
      'Ông bà, cha mẹ các cháu mong có sân chơi.',
    ]) {
      expect(kinds(t, []), t).toEqual([]);
    }
  });
});

describe('findPersonalData: phones, ID cards, addresses', () => {
  it('finds phone numbers in the ways they are typed', () => {
    for (const t of [
      'Liên hệ 0905123456 để biết thêm.',
      'SĐT: 0905.123.456',
      'điện thoại 0905 123 456',
      'gọi 090-512-3456',
      'số +84 905 123 456',
      'máy bàn 0255 3822 123',
    ]) {
      expect(kinds(t, []), t).toEqual(['phone']);
    }
  });

  it('does not take money, dates, lengths or road numbers for a phone', () => {
    for (const t of [
      'Dự án tổng mức 1.500.000.000 đồng, thi công năm 2026.',
      'Đề nghị bồi thường 0,5 tỷ; đoạn dài 2.500 m từ km 1045.',
      'Quốc lộ 1A, ngày 12/05/2026, Quyết định số 1234/QĐ-UBND.',
      'Đề nghị hỗ trợ 0905123456 đồng.',
    ]) {
      expect(kinds(t, []), t).toEqual([]);
    }
  });

  it('finds ID-card numbers with or without the words that name them', () => {
    expect(kinds('CCCD số 051090001234 của hộ dân', [])).toEqual(['id_card']);
    expect(kinds('CMND: 212345678', [])).toEqual(['id_card']);
    expect(kinds('căn cước công dân 051090001234', [])).toEqual(['id_card']);
    expect(kinds('mã 051090001234 trên hồ sơ', [])).toEqual(['id_card']);
    expect(kinds('Dự án có 212345678 đồng vốn đối ứng', [])).toEqual([]);
  });

  it('finds house-level addresses, not the hamlet a petition concerns', () => {
    for (const t of [
      'Nhà số nhà 12 bị nứt do thi công.',
      'Hộ dân ở số 45 đường Nguyễn Huệ bị ngập.',
      'Căn nhà 12/3 Lê Lợi bị lấn chiếm lối đi.',
      'Hẻm 34 Trần Phú ngập sâu.',
      'Thửa đất số 120 tờ bản đồ số 5 chưa được cấp sổ.',
      'Gia đình trú tại khu dân cư số 3 bị ảnh hưởng.',
    ]) {
      expect(kinds(t, []), t).toContain('address');
    }
    for (const t of [
      'Tuyến đường bê tông tổ dân phố Thạnh Đức 1 ngập nước.',
      'Đề nghị sửa cầu thôn 3, xã Phổ Châu.',
      'Đoạn Quốc lộ 24 qua tổ 5 xuống cấp.',
    ]) {
      expect(kinds(t, []), t).toEqual([]);
    }
  });

  it('reports each finding once, in order, with a Vietnamese reason', () => {
    const f = findPersonalData('Ông Đặng Văn Sơn (0905 123 456), số nhà 7, đề nghị sửa đường.', KNOWN);
    expect(f.map((x) => x.kind)).toEqual(['name', 'phone', 'address']);
    expect(f[0]!.text).toBe('Đặng Văn Sơn');
    for (const x of f) expect(x.reason).toMatch(/\p{L}/u);
  });
});
