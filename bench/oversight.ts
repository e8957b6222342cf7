/**
 * Overlap bench: the overlap check of a national picture (34 provinces and 3,321 communes, 10
 * activities each: 33,550 activities) with the domain's findOverlaps (a sweep by dates inside
 * each subject key, text prepared once), beside the naive all-pairs baseline (findOverlapsNaive)
 * on the same activities in the same run; both must find the same conflicts. Target: ≤ 1 s.
 * Run alone: node bench/oversight.ts [--quick]
 */
import { findOverlaps, findOverlapsNaive, type OverlapActivity } from '../src/domain/oversight/index.ts';
import { addDays } from '../src/domain/calendar/index.ts';
import type { Row } from './text/quality.ts';

const FIELDS = ['dat-dai', 'giao-thong', 'xay-dung', 'dien', 'nuoc-sach', 'moi-truong', 'y-te', 'giao-duc', 'lao-dong', 'chinh-sach', 'an-ninh', 'nong-nghiep', 'thuy-loi', 'van-hoa', 'tai-chinh', 'noi-vu'];
const TOPICS = [
  'Giám sát việc quản lý đất công và giao đất tái định cư',
  'Giám sát tiến độ giải ngân vốn đầu tư công các công trình giao thông',
  'Khảo sát công tác quản lý trật tự xây dựng đô thị',
  'Giám sát việc cung cấp điện sinh hoạt cho hộ dân vùng sâu',
  'Khảo sát chất lượng nước sạch nông thôn',
  'Giám sát công tác thu gom, xử lý rác thải sinh hoạt',
  'Giám sát công tác khám chữa bệnh bảo hiểm y tế tuyến cơ sở',
  'Khảo sát cơ sở vật chất trường học và đội ngũ giáo viên',
  'Giám sát chính sách hỗ trợ người lao động mất việc làm',
  'Giám sát việc chi trả trợ cấp xã hội cho người có công',
  'Khảo sát công tác bảo đảm an ninh trật tự ở khu dân cư',
  'Giám sát chương trình mục tiêu quốc gia xây dựng nông thôn mới',
  'Khảo sát công tác vận hành, duy tu công trình thủy lợi',
  'Giám sát việc bảo tồn di tích và thiết chế văn hóa cơ sở',
  'Giám sát việc quản lý, sử dụng ngân sách và thu ngân sách địa phương',
  'Khảo sát việc sắp xếp tổ chức bộ máy, cán bộ cấp xã sau hợp nhất',
];
const DEPARTMENTS = 15;

/** A deterministic PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed;
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function nationalPicture(provinces = 34, communes = 3321, perBody = 10) {
  const r = rng(20260301);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const parentOf = new Map<string, string | null>();
  const acts: OverlapActivity[] = [];
  const communesOf: string[][] = [];
  for (let p = 0; p < provinces; p++) {
    parentOf.set(`ubnd-t${p}`, null);
    for (let d = 0; d < DEPARTMENTS; d++) parentOf.set(`so-${p}-${d}`, `ubnd-t${p}`);
    communesOf.push([]);
  }
  for (let c = 0; c < communes; c++) {
    const p = c % provinces;
    parentOf.set(`ubnd-x${c}`, `ubnd-t${p}`);
    communesOf[p]!.push(`ubnd-x${c}`);
  }
  const when = () => {
    const start = addDays('2026-01-05', Math.floor(r() * 340));
    return { start, end: addDays(start, Math.floor(r() * 10)) };
  };
  let n = 0;
  for (let p = 0; p < provinces; p++) {
    for (let i = 0; i < perBody; i++) {
      const k = Math.floor(r() * TOPICS.length);
      const subjects = [{ id: `so-${p}-${k % DEPARTMENTS}`, name: `Sở ${k}` }, { id: pick(communesOf[p]!), name: 'UBND xã' }];
      acts.push({ id: `a${n++}`, bodyName: `Ban ${i % 4} HĐND tỉnh ${p}`, councilId: `t${p}`, title: TOPICS[k]!, fieldIds: [FIELDS[k]!], subjects, ...when() });
    }
  }
  for (let c = 0; c < communes; c++) {
    const p = c % provinces;
    for (let i = 0; i < perBody; i++) {
      const k = Math.floor(r() * TOPICS.length);
      // most commune activities supervise the commune's UBND; some a province department
      const subject = r() < 0.85 ? { id: `ubnd-x${c}`, name: `UBND xã ${c}` } : { id: `so-${p}-${Math.floor(r() * DEPARTMENTS)}`, name: 'Sở' };
      acts.push({ id: `a${n++}`, bodyName: `Ban ${i % 2} HĐND xã ${c}`, councilId: `x${c}`, title: `${TOPICS[k]!} trên địa bàn xã`, fieldIds: r() < 0.7 ? [FIELDS[k]!] : [], subjects: [subject], ...when() });
    }
  }
  return { acts, parentOf };
}

const ms = (t0: number) => Math.round((performance.now() - t0) * 10) / 10;

export async function runOversightBench(opts: { quick?: boolean } = {}): Promise<Row[]> {
  const { acts, parentOf } = opts.quick ? nationalPicture(34, 500, 10) : nationalPicture();
  // warm-up on a slice (JIT), not counted
  findOverlaps(acts.slice(0, 2000), { parentOf });
  const t0 = performance.now();
  const fast = findOverlaps(acts, { parentOf });
  const fastMs = ms(t0);
  const t1 = performance.now();
  const naive = findOverlapsNaive(acts, { parentOf });
  const naiveMs = ms(t1);
  const same = fast.length === naive.length && fast.every((c, i) => c.a === naive[i]!.a && c.b === naive[i]!.b && c.type === naive[i]!.type);
  if (!same) throw new Error(`overlap bench: the sweep found ${fast.length} conflicts, all pairs ${naive.length}`);
  const note = `${acts.length} activities, ${fast.length} conflicts (same as all pairs)`;
  const rows: Row[] = [
    { metric: 'overlap check, national picture', value: fastMs, baseline: naiveMs, ratio: Math.round((fastMs / naiveMs) * 1000) / 1000, unit: 'ms', note: `${note}; target ≤ 1000 ms` },
  ];
  for (const r of rows) console.log(`  ${r.metric}: ${r.value} ${r.unit} (baseline ${r.baseline} ${r.unit}) — ${r.note}`);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) await runOversightBench({ quick: process.argv.includes('--quick') });
