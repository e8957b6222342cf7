import { describe, expect, it } from 'vitest';
import { keywordScores, predictNaiveBayes, suggestField, suggestLevel, trainNaiveBayes } from './classify.ts';
import { runTextCommand, TextCommandError } from './cli.ts';
import { toVni } from './legacy.ts';

describe('keyword rules', () => {
  const cases: Array<[string, string]> = [
    ['Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho người dân', 'land'],
    ['Quốc lộ 1A xuống cấp, nhiều ổ gà', 'transport'],
    ['Điện sinh hoạt yếu, đề nghị nâng cấp trạm biến áp', 'electricity'],
    ['Thiếu nước sinh hoạt, đề nghị kéo đường ống nước sạch', 'water'],
    ['Rác thải không được thu gom gây ô nhiễm môi trường', 'environment'],
    ['Trạm y tế thiếu bác sĩ và thuốc bảo hiểm y tế', 'health'],
    ['Trường THCS thiếu phòng học, học sinh học nhờ', 'education'],
    ['Tệ nạn ma túy, trộm cắp gia tăng', 'security'],
    ['Kênh mương bị bồi lắng, thiếu nước tưới', 'irrigation'],
    ['Hệ thống loa truyền thanh bị hư hỏng', 'communications'],
    ['Giải quyết chế độ cho người có công, thương binh', 'social_policy'],
    ['Chùa đề nghị cấp đất mở rộng cơ sở thờ tự', 'religion'],
  ];
  for (const [text, field] of cases) it(`${field}: ${text}`, () => expect(suggestField(text).field).toBe(field));
  it('works without accents, with abbreviations and on VNI text', () => {
    expect(suggestField('Dien sinh hoat yeu, de nghi nang cap tram bien ap').field).toBe('electricity');
    expect(suggestField('Cấp GCNQSDĐ chậm').field).toBe('land');
    expect(suggestField(toVni('Tệ nạn ma túy gia tăng')).field).toBe('security');
    expect(keywordScores('không liên quan gì').land).toBe(0);
    expect(suggestField('xin chào').field).toBeNull();
  });
});

describe('competent level', () => {
  it('where the text says', () => {
    expect(suggestLevel('Nâng cấp QL1A').level).toBe('central');
    expect(suggestLevel('Sửa đổi Nghị định 100/2015/NĐ-CP').level).toBe('central');
    expect(suggestLevel('Đề nghị Quốc hội sửa luật').level).toBe('central');
    expect(suggestLevel('Sửa chữa ĐT624').level).toBe('province');
    expect(suggestLevel('Đề nghị UBND tỉnh bố trí vốn').level).toBe('province');
    expect(suggestLevel('Bê tông hóa đường thôn An Thạch').level).toBe('commune');
    expect(suggestLevel('không rõ').level).toBe('district');
    expect(suggestLevel('không rõ', { defaultLevel: 'commune' }).confidence).toBeLessThan(0.5);
  });
});

describe('naive Bayes', () => {
  const train = [
    { text: 'Đề nghị sửa đường bê tông thôn bị hư hỏng', label: 'transport' },
    { text: 'Mặt đường nhiều ổ gà cần sửa chữa', label: 'transport' },
    { text: 'Nâng cấp tuyến đường liên xã', label: 'transport' },
    { text: 'Thiếu giáo viên ở trường tiểu học', label: 'education' },
    { text: 'Phòng học xuống cấp cần xây mới', label: 'education' },
    { text: 'Các khoản thu đầu năm học quá nhiều', label: 'education' },
  ];
  it('learns, predicts, serialises', () => {
    const m = trainNaiveBayes(train);
    expect(predictNaiveBayes(m, 'Đường thôn nhiều ổ gà').label).toBe('transport');
    expect(predictNaiveBayes(m, 'Thiếu phòng học và giáo viên').label).toBe('education');
    const copy = JSON.parse(JSON.stringify(m));
    expect(predictNaiveBayes(copy, 'Đường thôn nhiều ổ gà')).toEqual(predictNaiveBayes(m, 'Đường thôn nhiều ổ gà'));
    const p = predictNaiveBayes(m, 'ổ gà');
    expect(Object.values(p.probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });
  it('continues training without touching the base model; learns new labels', () => {
    const m = trainNaiveBayes(train);
    const m2 = trainNaiveBayes([{ text: 'Tệ nạn ma túy ở thôn', label: 'security' }, { text: 'Trộm cắp gia tăng', label: 'security' }], { base: m });
    expect(m.labels).not.toContain('security');
    expect(predictNaiveBayes(m2, 'ma túy và trộm cắp').label).toBe('security');
  });
  it('suggestField blends model and keywords', () => {
    const m = trainNaiveBayes(train);
    const s = suggestField('Thiếu nước sạch sinh hoạt', { model: m });
    expect(s.field).toBe('water'); // keywords rescue a field the model never saw
    expect(suggestField('Đường nhiều ổ gà', { model: m }).method).toBe('model+keywords');
  });
});

describe('command line', () => {
  const input = [
    { id: '1', text: 'Đề nghị kéo điện cho thôn An Thạch' },
    { id: '2', text: 'Cử tri đề nghị kéo lưới điện về thôn An Thạch' },
    { id: '3', text: toVni('Đề nghị kéo điện cho thôn Vĩnh Tuy') },
  ].map((x) => JSON.stringify(x)).join('\n');
  const parse = (s: string) => s.trim().split('\n').map((l) => JSON.parse(l));
  it('normalize and convert', () => {
    const n = parse(runTextCommand('normalize', [], input));
    expect(n[2].text).toBe('Đề nghị kéo điện cho thôn Vĩnh Tuy');
    expect(n[2].encoding).toBe('vni');
    expect(n[0].fold).toBe('de nghi keo dien cho thon an thach');
    expect(n[0].sortKey).toMatch(/^[\x20-\x7e]+$/);
    expect(parse(runTextCommand('convert', [], input))[2].changed).toBe(true);
  });
  it('similar, dedup, classify', () => {
    const s = parse(runTextCommand('similar', ['--k', '1'], input));
    expect(s[0].similar[0].id).toBe('2');
    const d = parse(runTextCommand('dedup', [], input));
    expect(d[0].group).toBe(d[1].group);
    expect(d[2].group).not.toBe(d[0].group);
    const c = parse(runTextCommand('classify', [], input));
    expect(c[0].field).toBe('electricity');
    const files: Record<string, string> = { 'train.jsonl': '{"id":"t1","text":"kéo điện","field":"electricity"}\n{"id":"t2","text":"sửa đường","field":"transport"}' };
    const c2 = parse(runTextCommand('classify', ['--train', 'train.jsonl'], input, { readFile: (p) => files[p]! }));
    expect(c2[0].field).toBe('electricity');
  });
  it('errors in Vietnamese', () => {
    expect(() => runTextCommand('bogus', [], '')).toThrow(/Lệnh không hợp lệ/);
    expect(() => runTextCommand('normalize', [], '{not json')).toThrow(/không phải JSON hợp lệ/);
    expect(() => runTextCommand('normalize', [], '{"id":"1"}')).toThrow(/thiếu trường "text"/);
    expect(() => runTextCommand('similar', ['--k', 'x'], input)).toThrow(TextCommandError);
    expect(() => runTextCommand('classify', ['--train', 'a.jsonl'], input)).toThrow(/Không đọc được tệp/);
    expect(() => runTextCommand('dedup', [], '{"id":"1","text":"a"}\n{"id":"1","text":"b"}')).toThrow(/bị trùng/);
  });
});
