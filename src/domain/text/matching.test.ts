import { describe, expect, it } from 'vitest';
import { extractAnchors, compareAnchors } from './anchors.ts';
import { groupDuplicates } from './dedup.ts';
import { SimilarityIndex, textSimilarity } from './similarity.ts';
import { preprocess } from './tokens.ts';
import { toTcvn3 } from './legacy.ts';

const anchorsOf = (t: string) => extractAnchors(preprocess(t)).filter((a) => !a.speaker).map((a) => `${a.kind}:${a.key}`);

describe('anchors', () => {
  it('roads, documents, hamlets, communes, named structures', () => {
    expect(anchorsOf('Nâng cấp QL1A đoạn qua thôn An Thạch, xã Phổ Châu')).toEqual(
      expect.arrayContaining(['road:ql1a', 'hamlet:an thach', 'commune:pho chau']),
    );
    expect(anchorsOf('Thực hiện Quyết định 1766/QĐ-TTg')).toContain('document:qd1766');
    expect(anchorsOf('Theo quyết định số 1766 của Thủ tướng')).toContain('document:qd1766');
    expect(anchorsOf('tỉnh lộ 624 và ĐT.624')).toEqual(['road:dt624']);
    expect(anchorsOf('sửa cầu Bàu Sen và chợ Phổ Văn')).toEqual(['object:cau:bau sen', 'object:cho:pho van']);
    expect(anchorsOf('Trường THCS Phổ Minh')).toEqual(['object:truong:pho minh']);
    expect(anchorsOf('keo dien cho thon 3')).toEqual(['hamlet:thon:3']);
  });
  it('the speaking voter’s hamlet is not the object', () => {
    const a = extractAnchors(preprocess('Cử tri thôn Vĩnh Tuy, xã Phổ Châu phản ánh: điện yếu ở thôn An Thạch'));
    expect(a.find((x) => x.key === 'vinh tuy')?.speaker).toBe(true);
    expect(a.find((x) => x.key === 'an thach')?.speaker).toBeUndefined();
  });
  it('conflicts', () => {
    const a = extractAnchors(preprocess('kéo điện cho thôn An Thạch'));
    const b = extractAnchors(preprocess('kéo điện cho thôn Vĩnh Tuy'));
    expect(compareAnchors(a, b).strongConflicts).toBe(1);
    expect(compareAnchors(a, a).shared).toBe(1);
  });
});

describe('similarity', () => {
  it('same issue in different words, tone styles, abbreviations and without accents', () => {
    const a = 'Đề nghị sửa chữa Quốc lộ 1A đoạn qua phường Phổ Vinh, mặt đường nhiều ổ gà.';
    expect(textSimilarity(a, 'Mặt đường QL1A đoạn qua phường Phổ Vinh nhiều ổ gà, đề nghị sửa chữa')).toBeGreaterThan(0.5);
    expect(textSimilarity(a, 'De nghi sua chua Quoc lo 1A doan qua phuong Pho Vinh, mat duong nhieu o ga.')).toBeGreaterThan(0.8);
    expect(textSimilarity(a, toTcvn3(a))).toBeGreaterThan(0.99);
  });
  it('hard negatives: same ask, different object', () => {
    expect(textSimilarity('Đề nghị kéo điện cho thôn An Thạch', 'Đề nghị kéo điện cho thôn Vĩnh Tuy')).toBeLessThan(0.35);
    expect(textSimilarity('Nâng cấp Quốc lộ 1A', 'Nâng cấp Quốc lộ 24')).toBeLessThan(0.35);
    expect(textSimilarity('Triển khai Quyết định 1766/QĐ-TTg', 'Triển khai Quyết định 2150/QĐ-TTg')).toBeLessThan(0.35);
    expect(textSimilarity('Sửa chữa cầu Bàu Sen bị hư hỏng', 'Sửa chữa cầu Suối Bói bị hư hỏng')).toBeLessThan(0.35);
  });
  it('index: add, topK, similarTo, remove', () => {
    const idx = new SimilarityIndex();
    idx.add('a', 'Đề nghị kéo điện cho thôn An Thạch, xã Phổ Châu');
    idx.add('b', 'Đề nghị nâng cấp Quốc lộ 1A đoạn qua phường Phổ Vinh');
    idx.add('c', 'Đề nghị kéo điện cho thôn Vĩnh Tuy');
    idx.add('d', 'Trạm y tế xã Phổ Cường thiếu bác sĩ');
    const hits = idx.topK('Điện sinh hoạt chưa có, đề nghị kéo lưới điện về thôn An Thạch', 2);
    expect(hits[0]!.id).toBe('a');
    expect(hits[0]!.score).toBeGreaterThan(hits[1]?.score ?? 0);
    expect(idx.similarTo('a', 3).map((h) => h.id)).not.toContain('a');
    expect(idx.remove('a')).toBe(true);
    expect(idx.size).toBe(3);
    expect(idx.topK('kéo điện thôn An Thạch', 3).map((h) => h.id)).not.toContain('a');
    expect(new SimilarityIndex().topK('x', 5)).toEqual([]);
  });
});

describe('dedup', () => {
  const items = [
    { id: '1', text: 'Đề nghị kéo điện cho thôn An Thạch, xã Phổ Châu' },
    { id: '2', text: 'Cử tri đề nghị sớm kéo lưới điện về thôn An Thạch xã Phổ Châu' },
    { id: '3', text: 'Đề nghị kéo điện cho thôn Vĩnh Tuy, xã Phổ Châu' },
    { id: '4', text: 'De nghi nang cap QL1A doan qua phuong Pho Vinh' },
    { id: '5', text: 'Đề nghị nâng cấp Quốc lộ 1A đoạn qua phường Phổ Vinh vì xuống cấp nghiêm trọng' },
    { id: '6', text: 'Đề nghị nâng cấp Quốc lộ 24 đoạn qua phường Phổ Vinh' },
    { id: '7', text: 'Thực hiện Quyết định 1766/QĐ-TTg cho người dân vùng dự án' },
    { id: '8', text: 'Thực hiện Quyết định 2150/QĐ-TTg cho người dân vùng dự án' },
    { id: '9', text: 'Kéo điện cho thôn Vĩnh Tuy' },
    { id: '10', text: 'Trạm y tế thiếu thuốc bảo hiểm y tế' },
  ];
  it('groups the same issue and keeps hard negatives apart', () => {
    const r = groupDuplicates(items);
    const g = (id: string) => r.groupOf.get(id);
    expect(g('1')).toBe(g('2'));
    expect(g('4')).toBe(g('5'));
    expect(g('3')).toBe(g('9'));
    expect(g('1')).not.toBe(g('3'));
    expect(g('5')).not.toBe(g('6'));
    expect(g('7')).not.toBe(g('8'));
    expect(g('10')).toBe('10');
    for (const grp of r.groups) expect(grp.score).toBeGreaterThan(0);
  });
  it('a chain through an anchor-less opinion cannot join two hamlets', () => {
    const r = groupDuplicates([
      { id: 'a', text: 'Đề nghị kéo điện cho thôn An Thạch' },
      { id: 'hub', text: 'Đề nghị kéo điện cho các thôn' },
      { id: 'b', text: 'Đề nghị kéo điện cho thôn Vĩnh Tuy' },
    ], { threshold: 0.1 });
    expect(r.groupOf.get('a')).not.toBe(r.groupOf.get('b'));
  });
  it('empty input', () => {
    expect(groupDuplicates([]).groups).toEqual([]);
  });
});
