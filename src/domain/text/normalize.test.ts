import { describe, expect, it } from 'vitest';
import { canonicalTones, collapseWhitespace, fold, hasDiacritics, matchKey, nfc, stripDiacritics } from './normalize.ts';
import { applyTone, canonicalSyllable, isVietnameseSyllable, parseSyllable, TONE_NAMES } from './syllable.ts';

const BASES = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const FOLDED: Record<string, string> = { a: 'a', ă: 'a', â: 'a', e: 'e', ê: 'e', i: 'i', o: 'o', ô: 'o', ơ: 'o', u: 'u', ư: 'u', y: 'y' };
// Every vowel with every tone, as precomposed Unicode (ngang, huyền, hỏi, ngã, sắc, nặng).
const TABLE: Record<string, string> = {
  a: 'aàảãáạ', ă: 'ăằẳẵắặ', â: 'âầẩẫấậ', e: 'eèẻẽéẹ', ê: 'êềểễếệ', i: 'iìỉĩíị',
  o: 'oòỏõóọ', ô: 'ôồổỗốộ', ơ: 'ơờởỡớợ', u: 'uùủũúụ', ư: 'ưừửữứự', y: 'yỳỷỹýỵ',
};

describe('every vowel × every tone, both cases', () => {
  for (const base of BASES) {
    for (let tone = 0; tone < 6; tone++) {
      const lower = Array.from(TABLE[base]!)[tone]!;
      const upper = lower.toUpperCase();
      it(`${lower} / ${upper} (${TONE_NAMES[tone]})`, () => {
        expect(applyTone(base, tone)).toBe(lower);
        expect(nfc(lower.normalize('NFD'))).toBe(lower);
        expect(nfc(upper.normalize('NFD'))).toBe(upper);
        expect(fold(upper)).toBe(FOLDED[base]);
        expect(fold(lower.normalize('NFD'))).toBe(FOLDED[base]);
        expect(stripDiacritics(upper)).toBe(FOLDED[base]!.toUpperCase());
        expect(matchKey(upper)).toBe(lower);
        expect(matchKey(upper.normalize('NFD'))).toBe(lower);
        // in a syllable that needs no final ('ă', 'â' need one)
        const syl = base === 'ă' || base === 'â' ? 'n' + lower + 'm' : 'm' + lower;
        expect(parseSyllable(syl)?.tone).toBe(tone);
        expect(hasDiacritics(lower)).toBe(!(tone === 0 && FOLDED[base] === base));
      });
    }
  }
});

describe('canonical tone placement', () => {
  const pairs: Array<[string, string]> = [
    ['hoà', 'hòa'], ['hoá', 'hóa'], ['hoạ', 'họa'], ['hoả', 'hỏa'], ['thuỷ', 'thủy'], ['uỷ', 'ủy'], ['Uỷ', 'Ủy'],
    ['khoẻ', 'khỏe'], ['loè', 'lòe'], ['tuỳ', 'tùy'], ['luỹ', 'lũy'], ['HOÀ', 'HÒA'], ['THUỶ', 'THỦY'], ['Thị uỷ', 'Thị ủy'],
  ];
  for (const [modern, traditional] of pairs) {
    it(`${modern} ≡ ${traditional}`, () => {
      expect(canonicalTones(modern)).toBe(traditional);
      expect(canonicalTones(traditional)).toBe(traditional);
      expect(canonicalTones(traditional, 'modern')).toBe(modern);
      expect(matchKey(modern)).toBe(matchKey(traditional));
    });
  }
  it('qu and gi are consonant clusters', () => {
    expect(canonicalSyllable('qúy')).toBe('quý');
    expect(canonicalSyllable('quý')).toBe('quý');
    expect(canonicalSyllable('quỳnh')).toBe('quỳnh');
    expect(canonicalSyllable('qủa')).toBe('quả');
    expect(canonicalSyllable('gìa')).toBe('già');
    expect(canonicalSyllable('giữ')).toBe('giữ');
    expect(canonicalSyllable('gìn')).toBe('gìn'); // i is the vowel
    expect(canonicalSyllable('giếng')).toBe('giếng');
  });
  it('marked vowels and finals take the tone', () => {
    expect(canonicalSyllable('ngừơi')).toBe('người');
    expect(canonicalSyllable('thuở')).toBe('thuở');
    expect(canonicalSyllable('hòan')).toBe('hoàn');
    expect(canonicalSyllable('tóan')).toBe('toán');
    expect(canonicalSyllable('huỳnh')).toBe('huỳnh');
    expect(canonicalSyllable('khuỷu')).toBe('khuỷu');
    expect(canonicalSyllable('ngòai')).toBe('ngoài');
    expect(canonicalSyllable('mùa')).toBe('mùa');
    expect(canonicalSyllable('tìên')).toBe('tiền');
    expect(canonicalSyllable('quyết')).toBe('quyết');
  });
  it('keeps case letter by letter and leaves non-syllables alone', () => {
    expect(canonicalTones('ỦY BAN nhân dân Thị Uỷ')).toBe('ỦY BAN nhân dân Thị Ủy');
    expect(canonicalTones('café UBND QL1A 1766/QĐ-TTg')).toBe('café UBND QL1A 1766/QĐ-TTg');
    expect(canonicalTones('hello world 2024')).toBe('hello world 2024');
  });
});

describe('keys', () => {
  it('matchKey: lowercase, NFC, canonical tones, whitespace', () => {
    expect(matchKey('  Ủy   ban\u00a0nhân dân  ')).toBe('ủy ban nhân dân');
    expect(matchKey('Uỷ ban')).toBe(matchKey('ủy ban'));
    expect(matchKey('Ðức Phổ')).toBe('đức phổ'); // U+00D0 typed for Đ
    expect(matchKey('hoa')).not.toBe(matchKey('hòa'));
  });
  it('fold: accent-insensitive, đ → d', () => {
    expect(fold('Đức Phổ')).toBe('duc pho');
    expect(fold('ĐƯỜNG ĐÊ')).toBe('duong de');
    expect(fold('Phổ Hòa')).toBe(fold('Pho Hoa'));
    expect(fold('Phổ Hoà'.normalize('NFD'))).toBe('pho hoa');
  });
  it('collapseWhitespace removes zero-width and soft hyphen', () => {
    expect(collapseWhitespace('a\u200b b\t\n c\u00ad')).toBe('a b c');
  });
  it('composed and decomposed input give identical keys', () => {
    const s = 'Nghị quyết về chính sách hỗ trợ người có công';
    expect(matchKey(s.normalize('NFD'))).toBe(matchKey(s));
    expect(fold(s.normalize('NFD'))).toBe(fold(s));
  });
  it('syllable validity', () => {
    for (const w of ['người', 'nghiêng', 'khuya', 'quốc', 'giữa', 'gì', 'oanh', 'uống', 'yêu', 'ấp']) expect(isVietnameseSyllable(w)).toBe(true);
    for (const w of ['ubnd', 'café', 'nh©n', 'hello', 'tóoán', 'mác̀', 'aâ']) expect(isVietnameseSyllable(w)).toBe(false);
    expect(isVietnameseSyllable('mạc')).toBe(true);
    expect(isVietnameseSyllable('mảc')).toBe(false); // stop finals only take sắc/nặng
  });
});
