import { describe, expect, it } from 'vitest';
import { separateSpeaker } from './speaker.ts';
import { splitPastedList } from './split.ts';

const sp = (t: string) => separateSpeaker(t);

describe('separateSpeaker', () => {
  it('separates the forms minutes use', () => {
    const cases: [string, string, { name: string; place: string; group: string }][] = [
      ['Cử tri Đặng Văn Sơn (thôn Tân Hy): Đề nghị nâng cấp tuyến đường liên thôn.', 'Đề nghị nâng cấp tuyến đường liên thôn.', { name: 'Đặng Văn Sơn', place: 'thôn Tân Hy', group: '' }],
      ['Ông Nguyễn Văn A, thôn 2, phản ánh: đường bê tông bị sạt lở.', 'Đường bê tông bị sạt lở.', { name: 'Nguyễn Văn A', place: 'thôn 2', group: '' }],
      ['Bà Lê Thị Hoa, thôn Tân Hy, phản ánh: nước sạch không ổn định.', 'Nước sạch không ổn định.', { name: 'Lê Thị Hoa', place: 'thôn Tân Hy', group: '' }],
      ['Cử tri Nguyễn Văn A (tổ 3) đề nghị lắp đèn chiếu sáng.', 'Đề nghị lắp đèn chiếu sáng.', { name: 'Nguyễn Văn A', place: 'tổ 3', group: '' }],
      ['Cử tri Lê Văn Hùng, Tổ dân phố Long Thạnh 1, phường Sa Huỳnh có ý kiến: Đề nghị nạo vét mương.', 'Đề nghị nạo vét mương.', { name: 'Lê Văn Hùng', place: 'Tổ dân phố Long Thạnh 1, phường Sa Huỳnh', group: '' }],
      ['Ông Trần Văn Bảy – thôn An Phong: Đề nghị cấp giấy chứng nhận quyền sử dụng đất.', 'Đề nghị cấp giấy chứng nhận quyền sử dụng đất.', { name: 'Trần Văn Bảy', place: 'thôn An Phong', group: '' }],
      ['Cử tri Phạm Thị Lan kiến nghị: sớm chi trả tiền bồi thường.', 'Kiến nghị sớm chi trả tiền bồi thường.', { name: 'Phạm Thị Lan', place: '', group: '' }],
      ['Ông Sơn (thôn 4) hỏi: khi nào làm cầu?', 'Khi nào làm cầu?', { name: 'Sơn', place: 'thôn 4', group: '' }],
      ['Cử tri thôn Tân Hy đề nghị làm cầu qua suối.', 'Đề nghị làm cầu qua suối.', { name: '', place: 'thôn Tân Hy', group: 'Cử tri thôn Tân Hy' }],
      ['Cử tri các thôn An Phong, Tân Hy phản ánh tình trạng thiếu nước.', 'Phản ánh tình trạng thiếu nước.', { name: '', place: 'các thôn An Phong, Tân Hy', group: 'Cử tri các thôn An Phong, Tân Hy' }],
      ['Đại diện cử tri thôn 3 (ông Võ Văn Em) đề nghị sửa trường.', 'Đề nghị sửa trường.', { name: 'Võ Văn Em', place: 'thôn 3', group: '' }],
      ['Đề nghị nạo vét kênh N6 (cử tri Trần Văn Bình, thôn An Phong).', 'Đề nghị nạo vét kênh N6', { name: 'Trần Văn Bình', place: 'thôn An Phong', group: '' }],
      ['1\tĐặng Văn Sơn\tThôn Tân Hy\tĐề nghị nâng cấp đường.', 'Đề nghị nâng cấp đường.', { name: 'Đặng Văn Sơn', place: 'Thôn Tân Hy', group: '' }],
      ['Nguyễn Thị Mai | Tổ 5 | Đề nghị làm mương thoát nước.', 'Đề nghị làm mương thoát nước.', { name: 'Nguyễn Thị Mai', place: 'Tổ 5', group: '' }],
    ];
    for (const [input, text, speaker] of cases) {
      const r = sp(input);
      expect({ input, text: r.text, speaker: r.speaker }).toEqual({ input, text, speaker });
    }
  });

  it('keeps a request that names nobody as it is', () => {
    for (const t of [
      'Đề nghị nâng cấp Trường THCS Nguyễn Trãi.',
      'Cử tri phản ánh:',
      'Tuyến đường Lê Lợi xuống cấp, đề nghị sửa chữa.',
      'Ông bà, cha mẹ học sinh đề nghị có sân chơi.',
      'Đường giao thông thôn Tân Hy: đề nghị bê tông hóa.',
    ]) {
      expect(sp(t)).toEqual({ text: t, speaker: null });
    }
  });

  it('drops a bare "Cử tri" in front of the request without inventing a speaker', () => {
    expect(sp('Cử tri đề nghị sớm sửa cầu.')).toEqual({ text: 'Đề nghị sớm sửa cầu.', speaker: null });
  });
});

describe('splitPastedList separates each item’s speaker', () => {
  it('a numbered list of minutes', () => {
    const items = splitPastedList(
      '1. Cử tri Đặng Văn Sơn (thôn Tân Hy): Đề nghị nâng cấp tuyến đường.\n2. Ông Nguyễn Văn A, thôn 2, phản ánh: cầu yếu.\n3. Đề nghị lắp đèn đường.',
    );
    expect(items.map((i) => [i.text, i.speaker?.name ?? null, i.speaker?.place ?? null])).toEqual([
      ['Đề nghị nâng cấp tuyến đường.', 'Đặng Văn Sơn', 'thôn Tân Hy'],
      ['Cầu yếu.', 'Nguyễn Văn A', 'thôn 2'],
      ['Đề nghị lắp đèn đường.', null, null],
    ]);
  });
  it('a table pasted from Word, its header row dropped', () => {
    const items = splitPastedList('STT\tHọ và tên\tThôn\tNội dung kiến nghị\n1\tĐặng Văn Sơn\tTân Hy\tĐề nghị làm cầu.\n2\tLê Thị Hoa\tthôn An Phong\tĐề nghị sửa trường.');
    expect(items.map((i) => [i.text, i.speaker?.name, i.speaker?.place])).toEqual([
      ['Đề nghị làm cầu.', 'Đặng Văn Sơn', 'Tân Hy'],
      ['Đề nghị sửa trường.', 'Lê Thị Hoa', 'thôn An Phong'],
    ]);
  });
});
