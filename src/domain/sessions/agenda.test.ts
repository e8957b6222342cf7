import { describe, expect, it } from 'vitest';
import { agendaDiff, describeAgendaDiff } from './agenda.ts';
import type { AgendaEntry } from './agenda.ts';
import { SessionRuleError } from './errors.ts';

const e = (key: string, title: string, order: number, presenter: string | null = 'UBND tỉnh'): AgendaEntry => ({ key, title, order, presenter });

const v1: AgendaEntry[] = [
  e('khai-mac', 'Khai mạc kỳ họp', 1, null),
  e('ktxh', 'Báo cáo tình hình kinh tế – xã hội năm 2026', 2),
  e('ngan-sach', 'Dự toán ngân sách năm 2027', 3),
  e('dau-tu', 'Kế hoạch đầu tư công trung hạn', 4),
  e('chat-van', 'Chất vấn và trả lời chất vấn', 5, 'Thường trực HĐND'),
  e('be-mac', 'Bế mạc kỳ họp', 6, null),
];

describe('agendaDiff', () => {
  it('the same agenda has no difference', () => {
    const d = agendaDiff(v1, structuredClone(v1));
    expect(d).toEqual({ added: [], removed: [], renamed: [], moved: [], presenterChanged: [] });
    expect(describeAgendaDiff(d)).toEqual([]);
  });

  it('spacing and Unicode form are not a rename', () => {
    const v2 = v1.map((x) => ({ ...x, title: `  ${x.title.normalize('NFD').replace(/ /g, '  ')} ` }));
    expect(agendaDiff(v1, v2).renamed).toEqual([]);
  });

  it('an item added at the top shifts every position but moves nothing', () => {
    const v2 = [e('bau-cu', 'Bầu chức danh Phó Chủ tịch UBND tỉnh', 0, 'Thường trực HĐND'), ...v1];
    const d = agendaDiff(v1, v2);
    expect(d.added.map((x) => x.key)).toEqual(['bau-cu']);
    expect(d.moved).toEqual([]);
  });

  it('add, remove, rename, move and a new presenter at once', () => {
    const v2: AgendaEntry[] = [
      e('khai-mac', 'Khai mạc kỳ họp', 1, null),
      e('ngan-sach', 'Dự toán ngân sách địa phương năm 2027', 2), // renamed, and moved above ktxh
      e('ktxh', 'Báo cáo tình hình kinh tế – xã hội năm 2026', 3),
      e('chat-van', 'Chất vấn và trả lời chất vấn', 4, 'Chủ tọa kỳ họp'), // presenter changed
      e('gia-dat', 'Bảng giá đất điều chỉnh', 5, 'Sở Nông nghiệp và Môi trường'), // added
      e('be-mac', 'Bế mạc kỳ họp', 6, null),
      // 'dau-tu' withdrawn
    ];
    const d = agendaDiff(v1, v2);
    expect(d.added.map((x) => x.key)).toEqual(['gia-dat']);
    expect(d.removed.map((x) => x.key)).toEqual(['dau-tu']);
    expect(d.renamed).toEqual([{ key: 'ngan-sach', before: 'Dự toán ngân sách năm 2027', after: 'Dự toán ngân sách địa phương năm 2027' }]);
    // ktxh and ngan-sach swapped: exactly one is reported as moved (the one moved up).
    expect(d.moved).toEqual([{ key: 'ngan-sach', title: 'Dự toán ngân sách địa phương năm 2027', from: 3, to: 2 }]);
    expect(d.presenterChanged).toEqual([{ key: 'chat-van', title: 'Chất vấn và trả lời chất vấn', before: 'Thường trực HĐND', after: 'Chủ tọa kỳ họp' }]);
    expect(describeAgendaDiff(d)).toEqual([
      'Bổ sung nội dung “Bảng giá đất điều chỉnh” (cơ quan trình: Sở Nông nghiệp và Môi trường).',
      'Rút nội dung “Kế hoạch đầu tư công trung hạn” khỏi chương trình.',
      'Đổi tên nội dung “Dự toán ngân sách năm 2027” thành “Dự toán ngân sách địa phương năm 2027”.',
      'Chuyển nội dung “Dự toán ngân sách địa phương năm 2027” từ thứ tự 3 sang thứ tự 2.',
      'Đổi cơ quan trình nội dung “Chất vấn và trả lời chất vấn”: Thường trực HĐND → Chủ tọa kỳ họp.',
    ]);
  });

  it('moving the last item to the front reports only that item', () => {
    const v2 = [{ ...v1[5]!, order: 0 }, ...v1.slice(0, 5)];
    const d = agendaDiff(v1, v2);
    expect(d.moved).toEqual([{ key: 'be-mac', title: 'Bế mạc kỳ họp', from: 6, to: 1 }]);
  });

  it('order values may be sparse; positions are what is reported', () => {
    const sparse = v1.map((x, i) => ({ ...x, order: (i + 1) * 10 }));
    expect(agendaDiff(v1, sparse).moved).toEqual([]);
  });

  it('a reversed agenda moves all but one item (the fewest moves)', () => {
    const reversed = v1.map((x, i) => ({ ...x, order: 10 - i }));
    expect(agendaDiff(v1, reversed).moved).toHaveLength(5);
  });

  it('two items with one key in a version are refused', () => {
    expect(() => agendaDiff(v1, [...v1, e('ktxh', 'Trùng', 9)])).toThrow(SessionRuleError);
    expect(() => agendaDiff(v1, [...v1, e('ktxh', 'Trùng', 9)])).toThrow('Chương trình sau có hai mục trùng mã "ktxh".');
  });

  it('random reorderings: applying the reported moves to the before order gives the after order', () => {
    let seed = 42;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const n = 1 + rand(12);
      const before = Array.from({ length: n }, (_, i) => e(`k${i}`, `Nội dung ${i}`, i + 1));
      const perm = [...before];
      for (let i = perm.length - 1; i > 0; i--) {
        const j = rand(i + 1);
        [perm[i], perm[j]] = [perm[j]!, perm[i]!];
      }
      const after = perm.map((x, i) => ({ ...x, order: i + 1 }));
      const d = agendaDiff(before, after);
      // Items not moved keep their relative order in both versions.
      const movedKeys = new Set(d.moved.map((m) => m.key));
      const stayB = before.filter((x) => !movedKeys.has(x.key)).map((x) => x.key);
      const stayA = after.filter((x) => !movedKeys.has(x.key)).map((x) => x.key);
      expect(stayA).toEqual(stayB);
      // Reported positions are the real ones.
      for (const m of d.moved) {
        expect(before[m.from - 1]!.key).toBe(m.key);
        expect(after[m.to - 1]!.key).toBe(m.key);
      }
      // Minimal: as few moves as possible, checked against a brute-force longest increasing subsequence.
      const ranks = after.map((x) => Number(x.key.slice(1)));
      let best = 0;
      for (let mask = 0; mask < 1 << ranks.length; mask++) {
        let last = -1;
        let ok = true;
        let count = 0;
        for (let i = 0; i < ranks.length && ok; i++) {
          if (mask & (1 << i)) {
            if (ranks[i]! <= last) ok = false;
            last = ranks[i]!;
            count++;
          }
        }
        if (ok && count > best) best = count;
      }
      expect(d.moved.length).toBe(n - best);
    }
  });
});
