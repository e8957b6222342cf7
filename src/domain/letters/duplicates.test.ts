import { describe, expect, it } from 'vitest';
import { findRepeats } from './duplicates.ts';
import type { LetterForMatching } from './duplicates.ts';

const AN = { name: 'Nguyễn Văn An', address: 'Thôn 3, xã Tân Phú', idNumber: '079085001234' };
const BINH = { name: 'Lê Thị Bình', address: 'Thôn 5, xã Tân Phú', idNumber: '079190005678' };

const LAND_1 =
  'Tôi khiếu nại quyết định thu hồi đất số 123/QĐ-UBND của UBND xã Tân Phú đối với thửa đất số 45 tờ bản đồ 12 của gia đình tôi, bồi thường quá thấp.';
const LAND_2 =
  'Gia đình tôi tiếp tục khiếu nại việc UBND xã Tân Phú thu hồi đất thửa 45 tờ bản đồ 12 theo quyết định 123/QĐ-UBND, mức bồi thường không thỏa đáng.';
const FINE =
  'Tôi khiếu nại quyết định xử phạt vi phạm hành chính số 88/QĐ-XPVPHC của Chủ tịch UBND xã Tân Phú về việc xây dựng nhà không phép.';

function l(id: string, receivedOn: string, text: string, signer: LetterForMatching['signers'][number], extra: Partial<LetterForMatching> = {}): LetterForMatching {
  return { id, receivedOn, text, signers: [signer], respondentKey: 'ubnd-tan-phu', viaBodyId: null, repeatOf: null, ...extra };
}

describe('repeated letters', () => {
  it('the same person on the same matter is linked to the earlier letter and not counted as new', () => {
    const v = findRepeats(l('new', '2026-08-01', LAND_2, AN), [l('old', '2026-05-04', LAND_1, AN)]);
    expect(v.repeatOf).toBe('old');
    expect(v.countsAsNew).toBe(false);
    expect(v.matches[0]).toMatchObject({ id: 'old', kind: 'repeat', samePerson: true });
    expect(v.matches[0]!.reasons.join(' ')).toContain('Cùng số giấy tờ tùy thân');
  });

  it('without an identity number, the same name and address (any spacing or case) is the same person', () => {
    const noId = { name: 'NGUYỄN  VĂN AN', address: 'thôn 3, xã Tân Phú', idNumber: null };
    const v = findRepeats(l('new', '2026-08-01', LAND_2, noId), [l('old', '2026-05-04', LAND_1, { ...AN, idNumber: null })]);
    expect(v.repeatOf).toBe('old');
    expect(v.matches[0]!.reasons[0]).toBe('Cùng họ tên và địa chỉ người gửi.');
  });

  it('different matters from the same person are not merged: a new letter, noted as the same sender', () => {
    const v = findRepeats(l('new', '2026-08-01', FINE, AN), [l('old', '2026-05-04', LAND_1, AN)]);
    expect(v.repeatOf).toBeNull();
    expect(v.countsAsNew).toBe(true);
    expect(v.matches).toEqual([expect.objectContaining({ id: 'old', kind: 'same_person_other_matter' })]);
  });

  it('another person on the same matter is suggested, never linked as a repeat', () => {
    const v = findRepeats(l('new', '2026-08-01', LAND_2, BINH), [l('old', '2026-05-04', LAND_1, AN)]);
    expect(v.countsAsNew).toBe(true);
    expect(v.matches[0]!.kind).toBe('same_matter_other_person');
  });

  it('similar words against a different respondent are not the same matter', () => {
    const v = findRepeats(l('new', '2026-08-01', LAND_2, AN, { respondentKey: 'ubnd-tan-loc' }), [l('old', '2026-05-04', LAND_1, AN)]);
    expect(v.repeatOf).toBeNull();
  });

  it('a chain links to its root, and the same letter forwarded by another body is flagged "sent to several bodies"', () => {
    const root = l('root', '2026-03-02', LAND_1, AN);
    const second = l('second', '2026-05-04', LAND_2, AN, { repeatOf: 'root' });
    const v = findRepeats(l('third', '2026-08-01', LAND_2, AN, { viaBodyId: 'thanh-tra-tinh' }), [second, root]);
    expect(v.repeatOf).toBe('root');
    expect(v.sentToSeveralBodies).toBe(true);
    const direct = findRepeats(l('third', '2026-08-01', LAND_2, AN), [second, root]);
    expect(direct.sentToSeveralBodies).toBe(false);
  });
});
