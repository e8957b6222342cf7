import { describe, expect, it } from 'vitest';
import { exactDocument, parseSearchQuery, searchDocument, similarityProbes, tsQueries } from './searchQuery.ts';
import { DEFAULT_ABBREVIATIONS, mergeAbbreviations } from './abbreviations.ts';

describe('search documents', () => {
  it('fold accents and keep both an abbreviation and its expansion', () => {
    const doc = searchDocument('Đề nghị nâng cấp đường QL1A đoạn qua phường Sa Huỳnh');
    expect(doc).toContain(' duong ');
    expect(doc.startsWith(' ') && doc.endsWith(' ')).toBe(true);
    expect(doc).toContain(' ql1a ');
    expect(doc).toContain(' quoc lo 1a ');
    expect(doc).toContain(' sa huynh ');
  });
  it('keep diacritics with one tone placement in the exact document', () => {
    expect(exactDocument('Hoà Bình, Thuỷ lợi')).toBe(exactDocument('Hòa Bình, Thủy lợi'));
    expect(exactDocument('đường')).toBe(' đường ');
  });
});

describe('search queries', () => {
  it('split words, phrases and prefixes', () => {
    const q = parseSearchQuery('đường "nước sạch" Phổ*');
    expect(q).toEqual([
      { folded: ['duong'], exact: ['đường'], prefix: false, phrase: false, expansion: null },
      { folded: ['nuoc', 'sach'], exact: ['nước', 'sạch'], prefix: false, phrase: true, expansion: null },
      { folded: ['pho'], exact: ['phổ'], prefix: true, phrase: false, expansion: null },
    ]);
    expect(parseSearchQuery('duong')[0]!.exact).toBeNull();
    expect(parseSearchQuery('  ')).toEqual([]);
    expect(parseSearchQuery('QL1A')[0]!.expansion).toEqual(['quoc', 'lo', '1a']);
  });
  it('build tsquery literals: words, phrases, prefixes, abbreviations, corrections, exact forms', () => {
    expect(tsQueries(parseSearchQuery('duong'))).toEqual({ match: "'duong'", exact: null });
    expect(tsQueries(parseSearchQuery('đường "nước sạch" Phổ*'))).toEqual({
      match: "'duong' & ('nuoc' <-> 'sach') & 'pho':*",
      exact: "'đường' & ('nước' <-> 'sạch') & 'phổ':*",
    });
    expect(tsQueries(parseSearchQuery('QL1A')).match).toBe("('ql1a' | ('quoc' <-> 'lo' <-> '1a'))");
    expect(tsQueries(parseSearchQuery('chung nhann'), new Map([['nhann', ['nhan', 'nhanh']]])).match).toBe(
      "'chung' & ('nhann' | 'nhan' | 'nhanh')",
    );
    // Punctuation never reaches a lexeme: "50%" is the word 50, "o'clock" the phrase "o clock".
    expect(tsQueries(parseSearchQuery("50% o'clock")).match).toBe("'50' & ('o' <-> 'clock')");
  });

  it('builds documents and parses queries with the dictionary it is given', () => {
    const dict = mergeAbbreviations(DEFAULT_ABBREVIATIONS, [{ abbr: 'BQLDA', expansion: 'ban quản lý dự án' }]);
    expect(parseSearchQuery('BQLDA')[0]!.expansion).toBeNull();
    expect(parseSearchQuery('BQLDA', dict)[0]!.expansion).toEqual(['ban', 'quan', 'ly', 'du', 'an']);
    expect(searchDocument('BQLDA huyện')).toBe(' bqlda huyen ');
    expect(searchDocument('BQLDA huyện', dict)).toBe(' bqlda huyen ban quan ly du an huyen ');
  });
});

describe('similarity probes', () => {
  it('put anchors first, then word pairs, then words; never the speaker\'s hamlet or boilerplate', () => {
    const probes = similarityProbes('Cử tri thôn Thạnh Đức đề nghị nạo vét kênh N6 và thực hiện Quyết định 1766/QĐ-TTg');
    expect(probes.slice(0, 2).sort()).toEqual(["('1766' <-> 'qd' <-> 'ttg')", "('kenh' <-> 'n6')"]);
    expect(probes).toContain("'nao' & 'vet'");
    expect(similarityProbes('Nạo vét mương')).toEqual(["'nao' & 'vet'", "'vet' & 'muong'", "'nao'", "'vet'", "'muong'"]);
    expect(probes.join(' ')).not.toMatch(/'cu' & 'tri'|'de' & 'nghi'/);
    expect(probes.some((p) => p.includes('<->') && p.includes("'thanh' <-> 'duc'"))).toBe(false);
    expect(similarityProbes('')).toEqual([]);
    expect(similarityProbes('Sửa chữa mặt đường bê tông, nạo vét mương thoát nước, lắp đèn chiếu sáng', 5)).toHaveLength(5);
  });
});
