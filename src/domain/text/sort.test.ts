import { describe, expect, it } from 'vitest';
import { compareVi, comparePersonVi, personSortKey, sortKey, sortVi } from './sort.ts';

describe('Vietnamese sort order', () => {
  it('alphabet: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y', () => {
    const letters = 'y x v ư u t s r q p ơ ô o n m l k i h g ê e đ d c b â ă a'.split(' ');
    expect(sortVi(letters).join(' ')).toBe('a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y');
  });
  it('tones after the bare letters: ngang, huyền, hỏi, ngã, sắc, nặng', () => {
    const words = ['mạc', 'mai', 'mác', 'mạ', 'má', 'mã', 'mả', 'mà', 'ma'];
    expect(sortVi(words)).toEqual(['ma', 'mà', 'mả', 'mã', 'má', 'mạ', 'mác', 'mạc', 'mai']);
  });
  it('syllable by syllable, then case-insensitive, tone placement ignored', () => {
    expect(sortVi(['an toàn', 'an', 'ăn', 'anh', 'An Nhơn'])).toEqual(['an', 'An Nhơn', 'an toàn', 'anh', 'ăn']);
    expect(sortKey('Hoà')).toBe(sortKey('hòa'));
    expect(sortKey('Đức')).toBe(sortKey('đức'));
    expect(compareVi('da', 'đa')).toBeLessThan(0);
    expect(compareVi('dz', 'đa')).toBeLessThan(0);
  });
  it('numbers by value, before letters', () => {
    expect(sortVi(['Thôn 10', 'Thôn 2', 'Thôn 1', 'Thôn An'])).toEqual(['Thôn 1', 'Thôn 2', 'Thôn 10', 'Thôn An']);
    expect(sortVi(['Tổ dân phố 03', 'Tổ dân phố 12'])).toEqual(['Tổ dân phố 03', 'Tổ dân phố 12']);
  });
  it('keys are printable ASCII and JS < agrees with byte order', () => {
    const names = ['Phổ Hòa', 'Phổ Châu', 'Phổ An', 'Nguyễn Nghiêm', 'Phổ Vinh', 'Phổ Văn', 'Phổ Thạnh', 'Phổ Ninh', 'ỷ lại', 'Ủy ban', '東京'];
    for (const n of names) expect(sortKey(n)).toMatch(/^[\x20-\x7e]*$/);
    const keys = names.map(sortKey);
    const js = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const bytes = [...keys].sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
    expect(js).toEqual(bytes);
    expect(sortVi(names.slice(0, 8))).toEqual(['Nguyễn Nghiêm', 'Phổ An', 'Phổ Châu', 'Phổ Hòa', 'Phổ Ninh', 'Phổ Thạnh', 'Phổ Văn', 'Phổ Vinh']);
  });
});

describe('people', () => {
  it('by given name, then family and middle names', () => {
    const people = ['Nguyễn Văn Bình', 'Trần Thị An', 'Lê Anh', 'Phạm Văn An', 'Nguyễn Thị An', 'Võ Ánh', 'Đặng Ân'];
    expect(sortVi(people, (x) => x, true)).toEqual([
      'Nguyễn Thị An', 'Phạm Văn An', 'Trần Thị An', 'Lê Anh', 'Võ Ánh', 'Đặng Ân', 'Nguyễn Văn Bình',
    ]);
    expect(comparePersonVi('Lê Văn Ơn', 'Trần Ô')).toBeGreaterThan(0);
    expect(personSortKey('Hùng')).toBe(sortKey('Hùng'));
  });
});
