// Reworded duplicates: the same issue about the same thing in other words is proposed; the same
// words about another thing of the same kind are not.
import { describe, expect, it } from 'vitest';
import { concepts } from './concepts.ts';
import { extractAnchors } from './anchors.ts';
import { preprocess } from './tokens.ts';
import { textSimilarity } from './similarity.ts';
import { PROPOSAL_THRESHOLD, groupDuplicates } from './dedup.ts';

const ROAD_A = 'Đường bê tông thôn Vĩnh Phú bị hư hỏng nặng, nhiều ổ gà, đề nghị sửa chữa.';
const ROAD_B = 'Tuyến đường vào thôn Vĩnh Phú đã xuống cấp, mặt đường lồi lõm, xe cộ đi lại rất khó khăn; kiến nghị sớm nâng cấp.';
const ROAD_OTHER = 'Tuyến đường vào thôn Vĩnh Lộc đã xuống cấp, mặt đường lồi lõm, xe cộ đi lại rất khó khăn; kiến nghị sớm nâng cấp.';

const topicsOf = (t: string) => [...concepts(preprocess(t)).topics].sort();
const anchorsOf = (t: string) => extractAnchors(preprocess(t)).map((a) => `${a.kind}:${a.key}`);

describe('issue concepts', () => {
  it('maps different words for one thing to one concept, longest phrase first', () => {
    expect(topicsOf('Nghĩa trang thôn A đã hết chỗ')).toEqual(['burial']);
    expect(topicsOf('quy hoạch thêm đất nghĩa địa')).toEqual(['burial']);
    expect(topicsOf('lắp đèn chiếu sáng')).toEqual(topicsOf('đầu tư đèn đường'));
    // a water pipe is not a road
    expect(topicsOf('kéo đường ống nước về thôn')).toEqual(['water']);
    // road classes belong to the road's name (an anchor), not to the topic
    expect(topicsOf('Đường tỉnh 625 bị sụt lún')).toEqual([]);
  });
  it('reads text typed without accents, ignoring ambiguous single syllables', () => {
    expect(topicsOf('nghia trang da het cho chon cat')).toEqual(['burial']);
    // 'cho' (for) is not 'chợ' (market) in unaccented text
    expect(topicsOf('keo dien cho thon 3')).toEqual(['power']);
  });
});

describe('structures named by a school level or a place', () => {
  it('names the school, not its level', () => {
    expect(anchorsOf('Mái tôn Trường Tiểu học Phổ Vinh bị dột')).toEqual(['object:truong:pho vinh']);
    expect(anchorsOf('Trường Tiểu học Phổ Vinh')).not.toEqual(anchorsOf('Trường Tiểu học Phổ Ninh'));
  });
  it('names a structure by its place and keeps the place', () => {
    expect(anchorsOf('Trạm y tế phường Phổ Văn thiếu bác sĩ')).toEqual(['object:tram-y-te:pho van', 'commune:pho van']);
    expect(anchorsOf('tu sửa nhà sinh hoạt cộng đồng thôn Tân Hòa')).toEqual(['object:nha-van-hoa:tan hoa', 'hamlet:tan hoa']);
  });
});

describe('reworded duplicates', () => {
  it('scores a reworded pair about the same road at the merge screen threshold; the old algorithm did not', () => {
    expect(textSimilarity(ROAD_A, ROAD_B)).toBeGreaterThanOrEqual(PROPOSAL_THRESHOLD);
    expect(textSimilarity(ROAD_A, ROAD_B, { concepts: false })).toBeLessThan(PROPOSAL_THRESHOLD);
  });
  it('never lifts the same words about another hamlet, road or bridge', () => {
    expect(textSimilarity(ROAD_A, ROAD_OTHER)).toBeLessThan(0.3);
    expect(textSimilarity('Đề nghị khắc phục ĐT625 mặt đường hư hại, lún sâu.', 'Đề nghị khắc phục ĐT623 mặt đường hư hại, lún sâu.')).toBeLessThan(0.3);
    expect(textSimilarity('Cầu Suối Đá gãy lan can, đề nghị sửa chữa.', 'Người dân qua cầu Suối Lớn nguy hiểm vì cầu cũ nát, thành cầu hư; đề nghị làm lại.')).toBeLessThan(0.3);
  });
  it('does not take the same market for the same issue', () => {
    const sidewalk = 'Đề nghị xử lý tình trạng lấn chiếm vỉa hè, lòng đường trước chợ Phổ Văn.';
    const roof = 'Đề nghị đầu tư nâng cấp chợ Phổ Văn, mái che hư hỏng, mùa mưa tiểu thương không buôn bán được.';
    expect(textSimilarity(sidewalk, roof)).toBeLessThan(PROPOSAL_THRESHOLD);
  });
  it('the same hamlet with another topic is not the same issue', () => {
    expect(textSimilarity(ROAD_A, 'Điện sinh hoạt ở thôn Vĩnh Phú rất yếu, đề nghị nâng cấp trạm biến áp.')).toBeLessThan(PROPOSAL_THRESHOLD);
  });
  it('groups the pair and leaves the other hamlet out', () => {
    const items = [
      { id: 'a', text: ROAD_A },
      { id: 'b', text: ROAD_B },
      { id: 'c', text: ROAD_OTHER },
      { id: 'd', text: 'Đề nghị hỗ trợ giống lúa cho nông dân sau lũ.' },
    ];
    const res = groupDuplicates(items, { threshold: PROPOSAL_THRESHOLD });
    expect(res.groups.map((g) => g.members.sort())).toEqual([['a', 'b']]);
    expect(groupDuplicates(items, { threshold: PROPOSAL_THRESHOLD, concepts: false }).groups.some((g) => g.members.includes('a') && g.members.includes('b'))).toBe(false);
  });
});
