import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/index.ts';
import { conflictsOf, findOverlaps, findOverlapsNaive, periodText } from './overlap.ts';
import type { OverlapActivity, OverlapOptions } from './overlap.ts';
import { ruleError } from './testSupport.ts';

const SXD = { id: 'so-xd', name: 'Sở Xây dựng' };
const SGT = { id: 'so-gt', name: 'Sở Giao thông vận tải' };
const UBT = { id: 'ubnd-tinh', name: 'Ủy ban nhân dân tỉnh' };
const UBX = { id: 'ubnd-sa-huynh', name: 'Ủy ban nhân dân xã Sa Huỳnh' };
const parentOf = new Map<string, string | null>([
  ['so-xd', 'ubnd-tinh'],
  ['so-gt', 'ubnd-tinh'],
  ['ubnd-tinh', null],
  ['phong-kt', 'ubnd-sa-huynh'],
  ['ubnd-sa-huynh', null],
  ['chi-cuc', 'so-xd'],
]);
const opts: OverlapOptions = { parentOf };

function act(over: Partial<OverlapActivity> & { id: string }): OverlapActivity {
  return {
    bodyName: 'Ban Kinh tế – Ngân sách HĐND tỉnh',
    councilId: 'tinh',
    title: 'Giám sát công tác quản lý trật tự xây dựng',
    fieldIds: ['xay-dung'],
    subjects: [SXD],
    start: '2026-03-10',
    end: '2026-03-20',
    ...over,
  };
}

const standing = act({ id: 'tt', bodyName: 'Thường trực HĐND tỉnh', start: '2026-03-05', end: '2026-03-15' });
const ktns = act({ id: 'ktns' });

describe('overlap: subject, topic and dates at once', () => {
  it('the same department, field and period: one conflict with the sentence of the issue on each side', () => {
    const [c, ...rest] = findOverlaps([standing, ktns], opts);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ type: 'overlap', a: 'tt', b: 'ktns', relation: 'same', topic: { kind: 'field', fieldId: 'xay-dung' }, from: '2026-03-10', to: '2026-03-15', acrossCouncils: false });
    expect(c!.sentenceA).toBe('Trùng đối tượng Sở Xây dựng, từ 10/03 đến 15/03, với Ban Kinh tế – Ngân sách HĐND tỉnh');
    expect(c!.sentenceB).toBe('Trùng đối tượng Sở Xây dựng, từ 10/03 đến 15/03, với Thường trực HĐND tỉnh');
    expect(conflictsOf('ktns', [c!])).toEqual([{ other: 'tt', type: 'overlap', sentence: c!.sentenceB }]);
    expect(conflictsOf('other', [c!])).toEqual([]);
  });

  it('the same agency in another year does not conflict; nor do periods that only come near, unless a margin is set', () => {
    expect(findOverlaps([standing, act({ id: 'next', start: '2027-03-05', end: '2027-03-15' })], opts)).toEqual([]);
    const later = act({ id: 'later', start: '2026-03-18', end: '2026-03-25' });
    expect(findOverlaps([standing, later], opts)).toEqual([]);
    const [c] = findOverlaps([standing, later], { ...opts, marginDays: 3 });
    expect(c!.sentenceA).toBe('Trùng đối tượng Sở Xây dựng, từ 05/03 đến 25/03, với Ban Kinh tế – Ngân sách HĐND tỉnh');
    expect(findOverlaps([standing, later], { ...opts, marginDays: 2 })).toEqual([]);
  });

  it('touching on one day counts, and the sentence says "ngày"', () => {
    const [c] = findOverlaps([standing, act({ id: 'x', start: '2026-03-15', end: '2026-03-30' })], opts);
    expect(c!.sentenceA).toBe('Trùng đối tượng Sở Xây dựng, ngày 15/03, với Ban Kinh tế – Ngân sách HĐND tỉnh');
  });

  it('a period across the new year shows the years', () => {
    expect(periodText('2026-12-28', '2027-01-05')).toBe('từ 28/12/2026 đến 05/01/2027');
  });
});

describe('overlap: parent and child bodies', () => {
  const onProvince = act({ id: 'ubt', bodyName: 'Ban Pháp chế HĐND tỉnh', subjects: [UBT] });

  it('a department and its UBND conflict, each side naming its own subject', () => {
    const [c] = findOverlaps([ktns, onProvince], opts);
    expect(c).toMatchObject({ relation: 'parent', subjectA: SXD, subjectB: UBT });
    expect(c!.sentenceA).toBe('Trùng đối tượng Sở Xây dựng và cơ quan cấp trên Ủy ban nhân dân tỉnh, từ 10/03 đến 20/03, với Ban Pháp chế HĐND tỉnh');
    expect(c!.sentenceB).toBe('Trùng đối tượng Ủy ban nhân dân tỉnh và cơ quan trực thuộc Sở Xây dựng, từ 10/03 đến 20/03, với Ban Kinh tế – Ngân sách HĐND tỉnh');
    const [r] = findOverlaps([onProvince, ktns], opts);
    expect(r).toMatchObject({ a: 'ubt', relation: 'child', subjectA: UBT, subjectB: SXD });
  });

  it('the depth of the parent walk is configurable: 0 = the same body only, 2 reaches the grandparent', () => {
    expect(findOverlaps([ktns, onProvince], { ...opts, parentDepth: 0 })).toEqual([]);
    const unit = act({ id: 'cc', subjects: [{ id: 'chi-cuc', name: 'Chi cục Giám định xây dựng' }] });
    expect(findOverlaps([unit, onProvince], opts)).toEqual([]);
    expect(findOverlaps([unit, onProvince], { ...opts, parentDepth: 2 })[0]!.relation).toBe('parent');
  });

  it('two departments of one UBND (siblings) do not conflict', () => {
    expect(findOverlaps([ktns, act({ id: 'gt', subjects: [SGT] })], opts)).toEqual([]);
  });

  it('a cycle in the directory does not hang the walk', () => {
    const cyclic = new Map([
      ['a', 'b'],
      ['b', 'a'],
    ]);
    const x = act({ id: 'x', subjects: [{ id: 'a', name: 'A' }] });
    const y = act({ id: 'y', subjects: [{ id: 'b', name: 'B' }] });
    expect(findOverlaps([x, y], { parentOf: cyclic, parentDepth: 5 })[0]!.relation).toBe('parent');
  });
});

describe('overlap: topics', () => {
  it('the same topic in other words, without a shared field, is found by the text engine', () => {
    const a = act({ id: 'a', title: 'Giám sát công tác bồi thường, giải phóng mặt bằng các dự án trọng điểm', fieldIds: ['dat-dai'] });
    const b = act({ id: 'b', title: 'Khảo sát việc đền bù, giải phóng mặt bằng dự án trọng điểm của tỉnh', fieldIds: [] });
    const [c] = findOverlaps([a, b], opts);
    expect(c!.type).toBe('overlap');
    expect(c!.topic!.kind).toBe('text');
    expect(findOverlaps([a, b], { ...opts, similarityThreshold: 0.9 })[0]!.type).toBe('same_subject_period');
  });

  it('road ĐT 624 and road ĐT 628 are NOT one topic, even in the same field: only the weaker notice', () => {
    const a = act({ id: 'a', title: 'Giám sát tiến độ thi công tuyến đường ĐT 624', fieldIds: ['giao-thong'], subjects: [SGT] });
    const b = act({ id: 'b', title: 'Giám sát tiến độ thi công tuyến đường ĐT 628', fieldIds: ['giao-thong'], subjects: [SGT], bodyName: 'Ban Pháp chế HĐND tỉnh' });
    const [c, ...rest] = findOverlaps([a, b], opts);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ type: 'same_subject_period', topic: null });
    expect(c!.sentenceA).toBe('Cùng đối tượng Sở Giao thông vận tải, từ 10/03 đến 20/03, với Ban Pháp chế HĐND tỉnh (khác nội dung giám sát)');
    // the same road, in other words, is one topic
    const same = act({ id: 'c', title: 'Khảo sát tiến độ nâng cấp tuyến ĐT624', fieldIds: [], subjects: [SGT] });
    expect(findOverlaps([a, same], opts)[0]!.type).toBe('overlap');
  });

  it('different topics on a parent or child body give nothing (no weaker notice across bodies)', () => {
    const a = act({ id: 'a', title: 'Giám sát việc thực hiện chính sách bảo hiểm y tế học sinh', fieldIds: ['y-te'] });
    const b = act({ id: 'b', title: 'Giám sát công tác quản lý đầu tư xây dựng cơ bản', fieldIds: ['dau-tu'], subjects: [UBT] });
    expect(findOverlaps([a, b], opts)).toEqual([]);
  });
});

describe('overlap: across levels', () => {
  it('the province committee and the commune council supervising the same commune UBND conflict, across councils', () => {
    const province = act({ id: 'p', subjects: [UBX], title: 'Giám sát việc giải quyết kiến nghị cử tri về nước sạch nông thôn', fieldIds: ['nuoc-sach'] });
    const commune = act({
      id: 'c',
      councilId: 'sa-huynh',
      bodyName: 'Ban Kinh tế – Ngân sách HĐND xã Sa Huỳnh',
      subjects: [{ id: 'phong-kt', name: 'Phòng Kinh tế xã Sa Huỳnh' }],
      title: 'Khảo sát tình hình cung cấp nước sinh hoạt ở nông thôn',
      fieldIds: [],
      start: '2026-03-16',
      end: '2026-03-17',
    });
    const [c] = findOverlaps([province, commune], opts);
    expect(c).toMatchObject({ acrossCouncils: true, relation: 'child', topic: { kind: 'text' } });
    expect(c!.sentenceA).toBe('Trùng đối tượng Ủy ban nhân dân xã Sa Huỳnh và cơ quan trực thuộc Phòng Kinh tế xã Sa Huỳnh, từ 16/03 đến 17/03, với Ban Kinh tế – Ngân sách HĐND xã Sa Huỳnh');
  });
});

describe('overlap: bad input', () => {
  it('is refused in Vietnamese', () => {
    expect(ruleError(() => findOverlaps([act({ id: 'x', end: '2026-03-01' })], opts)).message).toBe(
      'Hoạt động "Giám sát công tác quản lý trật tự xây dựng" có ngày kết thúc trước ngày bắt đầu.',
    );
    expect(ruleError(() => findOverlaps([act({ id: 'x', start: '10/03/2026' })], opts)).code).toBe('invalidDate');
    expect(ruleError(() => findOverlaps([act({ id: 'x', subjects: [] })], opts)).message).toContain('chưa có đối tượng giám sát');
    expect(ruleError(() => findOverlaps([ktns, ktns], opts)).code).toBe('duplicateActivity');
    expect(ruleError(() => findOverlaps([], { ...opts, similarityThreshold: 0 })).code).toBe('invalidThreshold');
    expect(ruleError(() => findOverlaps([], { ...opts, marginDays: -1 })).code).toBe('invalidMargin');
  });
});

/** Deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generated(seed: number, count: number): { acts: OverlapActivity[]; parentOf: Map<string, string | null> } {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const parents = new Map<string, string | null>();
  const agencies: { id: string; name: string }[] = [];
  for (let p = 0; p < 4; p++) {
    parents.set(`u${p}`, null);
    agencies.push({ id: `u${p}`, name: `UBND ${p}` });
    for (let d = 0; d < 5; d++) {
      parents.set(`u${p}d${d}`, `u${p}`);
      agencies.push({ id: `u${p}d${d}`, name: `Sở ${p}.${d}` });
      for (let c = 0; c < 2; c++) {
        parents.set(`u${p}d${d}c${c}`, `u${p}d${d}`);
        agencies.push({ id: `u${p}d${d}c${c}`, name: `Chi cục ${p}.${d}.${c}` });
      }
    }
  }
  const titles = [
    'Giám sát tiến độ thi công tuyến đường ĐT 624',
    'Giám sát tiến độ thi công tuyến đường ĐT 628',
    'Giám sát công tác bồi thường, giải phóng mặt bằng các dự án trọng điểm',
    'Khảo sát việc đền bù, giải phóng mặt bằng dự án trọng điểm của tỉnh',
    'Giám sát việc thực hiện chính sách bảo hiểm y tế học sinh',
    'Khảo sát tình hình cung cấp nước sinh hoạt ở nông thôn',
    'Giám sát việc giải quyết kiến nghị cử tri về nước sạch nông thôn',
    'Giám sát công tác quản lý đầu tư xây dựng cơ bản',
  ];
  const fields = ['giao-thong', 'dat-dai', 'y-te', 'nuoc-sach', 'dau-tu'];
  const acts: OverlapActivity[] = [];
  for (let i = 0; i < count; i++) {
    const start = addDays('2026-01-01', Math.floor(r() * 365));
    const subjects = [pick(agencies)];
    if (r() < 0.3) {
      const s = pick(agencies);
      if (s.id !== subjects[0]!.id) subjects.push(s);
    }
    acts.push({
      id: `a${String(i).padStart(3, '0')}`,
      bodyName: `Ban ${i % 7}`,
      councilId: `c${i % 3}`,
      title: pick(titles),
      fieldIds: r() < 0.5 ? [pick(fields)] : [],
      subjects,
      start,
      end: addDays(start, Math.floor(r() * 30)),
    });
  }
  return { acts, parentOf: parents };
}

describe('overlap: the sweep finds exactly what comparing every pair finds', () => {
  it('on generated sets of 300 activities (several seeds, depths and margins)', () => {
    let total = 0;
    for (const seed of [1, 2, 3]) {
      const { acts, parentOf: p } = generated(seed, 300);
      for (const o of [{ parentOf: p }, { parentOf: p, parentDepth: 2, marginDays: 7 }, { parentOf: p, parentDepth: 0 }]) {
        const fast = findOverlaps(acts, o);
        expect(fast).toEqual(findOverlapsNaive(acts, o));
        total += fast.length;
        // each pair at most once
        expect(new Set(fast.map((c) => `${c.a}|${c.b}`)).size).toBe(fast.length);
      }
    }
    expect(total).toBeGreaterThan(200);
  });

  it('a text cache kept across checks gives the same answer and prepares each distinct text once', () => {
    const { acts, parentOf: p } = generated(4, 200);
    const textCache = new Map();
    const first = findOverlaps(acts, { parentOf: p, textCache });
    expect(textCache.size).toBeLessThanOrEqual(8);
    expect(findOverlaps(acts, { parentOf: p, textCache })).toEqual(first);
    expect(first).toEqual(findOverlaps(acts, { parentOf: p }));
  });
});
