import { describe, expect, it } from 'vitest';
import { DEFAULT_ABBREVIATIONS, expandAbbreviations, findAbbreviations, mergeAbbreviations } from './abbreviations.ts';

describe('abbreviations', () => {
  it('expands common bodies and papers', () => {
    expect(expandAbbreviations('UBND xã, HĐND thị xã, UBMTTQVN, ĐBQH')).toBe(
      'ủy ban nhân dân xã, hội đồng nhân dân thị xã, ủy ban mặt trận tổ quốc việt nam, đại biểu quốc hội',
    );
    expect(expandAbbreviations('cấp GCNQSDĐ, thẻ BHYT, CCCD, học sinh THCS và THPT, TDP 5')).toBe(
      'cấp giấy chứng nhận quyền sử dụng đất, thẻ bảo hiểm y tế, căn cước công dân, học sinh trung học cơ sở và trung học phổ thông, tổ dân phố 5',
    );
  });
  it('roads glued to numbers', () => {
    expect(expandAbbreviations('QL1A')).toBe('quốc lộ 1A');
    expect(expandAbbreviations('QL.24 và QL 1a')).toBe('quốc lộ 24 và quốc lộ 1A');
    expect(expandAbbreviations('ĐT624, ĐT.628, TL 624B, ĐH 12')).toBe('đường tỉnh 624, đường tỉnh 628, tỉnh lộ 624B, đường huyện 12');
    expect(expandAbbreviations('ql1a')).toBe('quốc lộ 1A');
  });
  it('tolerates missing diacritics and lowercase for long forms', () => {
    expect(expandAbbreviations('HDND va ubnd')).toBe('hội đồng nhân dân va ủy ban nhân dân');
    expect(expandAbbreviations('GCNQSDD')).toBe('giấy chứng nhận quyền sử dụng đất');
  });
  it('short forms need capitals; ordinary words stay', () => {
    expect(expandAbbreviations('ca làm việc, CA xã')).toBe('ca làm việc, công an xã');
    expect(expandAbbreviations('dt 200m2 và DT624')).toBe('dt 200m2 và đường tỉnh 624');
    expect(expandAbbreviations('QL không có số')).toBe('QL không có số');
  });
  it('document numbers are kept whole', () => {
    expect(expandAbbreviations('Quyết định 1766/QĐ-TTg')).toBe('Quyết định 1766/QĐ-TTg');
    expect(expandAbbreviations('theo NĐ 100/2015/NĐ-CP')).toBe('theo nghị định 100/2015/NĐ-CP');
  });
  it('dictionary is data an administrator can extend', () => {
    const dict = mergeAbbreviations(DEFAULT_ABBREVIATIONS, [{ abbr: 'BQLDA', expansion: 'ban quản lý dự án' }, { abbr: 'UBND', expansion: 'UB nhân dân' }]);
    expect(expandAbbreviations('BQLDA và UBND', dict)).toBe('ban quản lý dự án và UB nhân dân');
    expect(expandAbbreviations('BQLDA', DEFAULT_ABBREVIATIONS)).toBe('BQLDA');
    expect(findAbbreviations('Xin UBND', dict)).toEqual([{ start: 4, end: 8, text: 'UBND', expansion: 'UB nhân dân' }]);
  });
});
