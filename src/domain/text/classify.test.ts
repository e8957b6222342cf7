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

describe('keywords and a council\'s own examples', () => {
  const hamlets = ['An Thạch', 'Hiệp An', 'Vĩnh Tuy', 'Trà Câu', 'Nho Lâm', 'La Vân', 'Thạnh Đức', 'Long Thạnh'];
  const roads = [
    (h: string) => `Đường bê tông thôn ${h} xuống cấp, nhiều ổ gà, đề nghị sửa chữa`,
    (h: string) => `Cử tri thôn ${h} đề nghị nâng cấp tuyến đường liên thôn`,
    (h: string) => `Mặt đường vào thôn ${h} hư hỏng nặng, mùa mưa đi lại khó khăn`,
    (h: string) => `Đề nghị làm cầu tràn qua suối ở thôn ${h}`,
  ];
  const broadcast = [
    (h: string) => `Loa truyền thanh thôn ${h} hư hỏng, người dân không nghe được thông báo`,
    (h: string) => `Đề nghị sửa chữa hệ thống loa truyền thanh ở thôn ${h}`,
    (h: string) => `Đài truyền thanh xã phát không rõ, thôn ${h} không nghe được loa`,
  ];
  const make = (templates: Array<(h: string) => string>, n: number, label: string) =>
    Array.from({ length: n }, (_, i) => ({ text: templates[i % templates.length]!(hamlets[i % hamlets.length]!), label }));

  it('a field with only a handful of confirmed examples is still decided by the keyword rules', () => {
    // A council whose first confirmed petitions are nearly all about roads: the model is sure of
    // "transport" for almost anything, but has seen two health petitions only.
    const model = trainNaiveBayes([
      ...make(roads, 40, 'transport'),
      { text: 'Trạm y tế xã thiếu thuốc', label: 'health' },
      { text: 'Đề nghị cấp thẻ bảo hiểm y tế cho hộ cận nghèo', label: 'health' },
    ]);
    const cases: Array<[string, string]> = [
      ['Cử tri thôn An Thạch phản ánh trạm y tế thiếu bác sĩ, người dân phải lên bệnh viện thị xã khám chữa bệnh', 'health'],
      // fields the model has never seen (the blend used to say "transport" for all of these)
      ['Cử tri thôn Hiệp An đề nghị hỗ trợ giống lúa, phân bón cho nông dân sau bão', 'agriculture'],
      ['Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân thôn Vĩnh Tuy', 'land'],
      ['Thôn Trà Câu thiếu nước sạch sinh hoạt', 'water'],
      ['Trường tiểu học thôn Nho Lâm xuống cấp', 'education'],
      ['Tình trạng trộm cắp ở thôn La Vân gia tăng', 'security'],
    ];
    for (const [text, field] of cases) {
      expect(suggestField(text).field).toBe(field);
      const s = suggestField(text, { model });
      expect(s.field).toBe(field);
      expect(s.method).toBe('model+keywords');
    }
    // and the roads it knows well stay roads
    const road = suggestField('Đường bê tông thôn Phổ Quang nhiều ổ gà', { model });
    expect(road.field).toBe('transport');
    expect(road.confidence).toBeGreaterThan(0.5);
  });

  it('with many consistent examples of a council-specific field, the council\'s usage wins', () => {
    // The council files loudspeaker petitions under its own field "broadcast", which has no
    // keywords; the default rules say "communications".
    const text = 'Loa truyền thanh ở thôn Lệ Thủy hỏng đã lâu, đề nghị sửa để người dân nghe thông báo';
    expect(suggestField(text).field).toBe('communications');
    const few = trainNaiveBayes([...make(roads, 20, 'transport'), ...make(broadcast, 2, 'broadcast')]);
    expect(suggestField(text, { model: few }).field).toBe('communications');
    const many = trainNaiveBayes([...make(roads, 20, 'transport'), ...make(broadcast, 30, 'broadcast')]);
    const s = suggestField(text, { model: many });
    expect(s.field).toBe('broadcast');
    expect(s.confidence).toBeGreaterThan(0.5);
    expect(s.confidence).toBeLessThanOrEqual(1);
    expect(s.alternatives.map((a) => a.field)).toContain('communications');
  });

  it('confidences are probabilities: in 0..1, and keywordWeight 0 is the model alone', () => {
    const model = trainNaiveBayes(make(roads, 12, 'transport'));
    for (const t of ['xin chào', 'Quốc lộ 1A xuống cấp', 'Thiếu nước sạch sinh hoạt', 'Tệ nạn ma túy gia tăng ở thôn An Thạch']) {
      const s = suggestField(t, { model });
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
      for (const a of s.alternatives) expect(a.score).toBeLessThanOrEqual(s.confidence);
    }
    const alone = suggestField('Tệ nạn ma túy gia tăng', { model, keywordWeight: 0 });
    expect(alone.field).toBe('transport');
    expect(alone.method).toBe('model');
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

describe('suggestLevel: a national road near the object is a landmark, and every suggestion says why', () => {
  it('keeps a hamlet or ward road at its level when a national road is only where it leads', () => {
    for (const t of [
      'Đề nghị bê tông hóa tuyến đường thôn An Thạch nối ra Quốc lộ 1A.',
      'Đường tổ dân phố Long Thạnh 1 từ quốc lộ 1A vào khu dân cư bị ngập, đề nghị làm mương thoát nước.',
      'Đề nghị lắp đèn đường kiệt 12 gần Quốc lộ 24.',
      'Đề nghị sửa đường liên thôn giáp đường sắt Bắc Nam.',
    ]) {
      const s = suggestLevel(t);
      expect(s.level, t).toBe('commune');
      expect(s.reason, t).toMatch(/chỉ là nơi đối tượng kiến nghị nối tới hoặc nằm gần/);
    }
  });
  it('still sends the national road itself to the central level', () => {
    for (const t of ['Đoạn Quốc lộ 1A qua phường Sa Huỳnh hư hỏng nặng, đề nghị sửa chữa.', 'Nâng cấp QL1A', 'Đề nghị mở nút giao cao tốc tại thôn 3.']) {
      const s = suggestLevel(t);
      expect(s.level, t).toBe('central');
      expect(s.reason, t).toMatch(/^Nội dung nhắc đến “(quốc lộ|cao tốc)”, thuộc thẩm quyền cấp trung ương/);
    }
  });
  it('gives a Vietnamese reason when nothing in the text says', () => {
    expect(suggestLevel('không rõ', { defaultLevel: 'commune' }).reason).toBe('Không có từ ngữ chỉ rõ cấp thẩm quyền; gợi ý theo cấp của HĐND.');
    expect(suggestLevel('Bê tông hóa đường thôn An Thạch').reason).toBe('Nội dung nhắc đến “thôn”, “đường thôn”, thuộc thẩm quyền cấp xã, phường.');
  });
});
