import { describe, expect, it } from 'vitest';
import { matchPair, prepareVoterRow, reconcileVoters } from './reconcile.ts';
import type { VoterMatch, VoterRow } from './reconcile.ts';

function row(id: string, over: Partial<VoterRow> = {}): VoterRow {
  return { id, pollingAreaId: 'KV1', communeCode: 'X1', provinceCode: 'P1', citizenId: null, fullName: 'Nguyễn Văn An', birthDate: '1980-01-01', ...over };
}

describe('one citizen, one list: planted duplicates', () => {
  it('same ID in two provinces', () => {
    const r = reconcileVoters([
      row('a', { citizenId: '051080000001', provinceCode: 'P1' }),
      row('b', { citizenId: '051080000001', provinceCode: 'P2', communeCode: 'Y1', pollingAreaId: 'KV9' }),
    ]);
    expect(r.matches).toEqual([expect.objectContaining({ kind: 'sameId', scope: 'acrossProvinces', a: 'a', b: 'b' })]);
    expect(r.matches[0]!.reason).toContain('ở hai tỉnh');
  });
  it('missing ID, same name (accents and spacing folded) and birth date', () => {
    const r = reconcileVoters([row('a', { citizenId: '051080000001' }), row('b', { fullName: '  NGUYEN  van an ', pollingAreaId: 'KV2' })]);
    expect(r.matches).toEqual([expect.objectContaining({ kind: 'nameBirth', scope: 'sameCommune' })]);
  });
  it('two different people with the same name and birth date and different IDs are not merged', () => {
    expect(reconcileVoters([row('a', { citizenId: '051080000001' }), row('b', { citizenId: '079080123456' })]).matches).toEqual([]);
  });
  it('a mistyped ID (one digit, or two swapped) with the same name and birth date is flagged', () => {
    const one = reconcileVoters([row('a', { citizenId: '051080000001' }), row('b', { citizenId: '051080000007' })]);
    expect(one.matches.map((m) => m.kind)).toEqual(['nearId']);
    const swap = reconcileVoters([row('a', { citizenId: '051080000012' }), row('b', { citizenId: '051080000021' })]);
    expect(swap.matches.map((m) => m.kind)).toEqual(['nearId']);
  });
  it('one ID given to two different people is a conflict, not a duplicate', () => {
    const r = reconcileVoters([row('a', { citizenId: '051080000001' }), row('b', { citizenId: '051080000001', fullName: 'Trần Thị Bình', birthDate: '1990-05-05' })]);
    expect(r.matches.map((m) => m.kind)).toEqual(['idConflict']);
  });
  it('year-only birth matches a full date of that year; different places keep two people apart', () => {
    expect(reconcileVoters([row('a'), row('b', { birthDate: '1980' })]).matches).toHaveLength(1);
    expect(reconcileVoters([row('a', { birthDate: '1980-01-02' }), row('b')]).matches).toHaveLength(0);
    expect(reconcileVoters([row('a', { place: 'Đức Phổ' }), row('b', { place: 'Bình Sơn' })]).matches).toHaveLength(0);
    expect(reconcileVoters([row('a', { place: 'Đức Phổ' }), row('b', { place: 'duc pho' })]).matches).toHaveLength(1);
  });
});

// Deterministic generator: invented people.
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Hải', 'Khánh', 'Lan', 'Long', 'Mai', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Yến'];
function generate(n: number, seed: number): VoterRow[] {
  let s = seed;
  // mulberry32
  const rnd = (k: number): number => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % k;
  };
  const rows: VoterRow[] = [];
  for (let i = 0; i < n; i++) {
    const province = `P${rnd(3)}`;
    const commune = `${province}-X${rnd(20)}`;
    const y = 1940 + rnd(66);
    const full = `${y}-${String(1 + rnd(12)).padStart(2, '0')}-${String(1 + rnd(28)).padStart(2, '0')}`;
    const birth = rnd(50) === 0 ? String(y) : full; // year only when the day is unknown
    rows.push({
      id: `r${String(i).padStart(7, '0')}`,
      pollingAreaId: `${commune}-KV${rnd(10)}`,
      communeCode: commune,
      provinceCode: province,
      citizenId: rnd(20) === 0 ? null : String(100000000000 + i * 7919),
      fullName: `${SURNAMES[rnd(10)]} ${MIDDLE[rnd(6)]} ${GIVEN[rnd(20)]}`,
      birthDate: birth,
    });
  }
  return rows;
}

function bruteForce(rows: readonly VoterRow[]): VoterMatch[] {
  const p = rows.map(prepareVoterRow);
  const out: VoterMatch[] = [];
  for (let i = 0; i < p.length; i++) for (let j = i + 1; j < p.length; j++) {
    const m = matchPair(p[i]!, p[j]!);
    if (m) out.push(m);
  }
  return out.sort((x, y) => (x.a + x.b < y.a + y.b ? -1 : 1));
}

describe('reconciliation at scale', () => {
  it('finds exactly what a brute force over all pairs finds (3,000 rows with planted duplicates)', () => {
    const rows = generate(3000, 7);
    for (const i of [10, 20, 30]) rows[i] = { ...rows[i]!, citizenId: `5550000000${String(i).padStart(2, "0")}` };
    rows.push({ ...rows[10]!, id: 'z1', provinceCode: 'P9' });
    rows.push({ ...rows[20]!, id: 'z2', citizenId: null });
    rows.push({ ...rows[30]!, id: 'z3', citizenId: '999999999999', fullName: rows[30]!.fullName.toUpperCase() });
    rows[40] = { ...rows[40]!, birthDate: '1975-06-06' };
    rows.push({ ...rows[40]!, id: 'z4', citizenId: null, birthDate: '1975' });
    const fast = reconcileVoters(rows).matches;
    const slow = bruteForce(rows);
    const planted = fast.filter((m) => m.a.startsWith('z') || m.b.startsWith('z')).map((m) => [m.a, m.b, m.kind]);
    // z3 has another valid ID: the same name is not enough to merge.
    expect(planted).toEqual([['r0000010', 'z1', 'sameId'], ['r0000020', 'z2', 'nameBirth'], ['r0000040', 'z4', 'nameBirth']]);
    expect(new Set(fast.map((m) => `${m.a}|${m.b}|${m.kind}`))).toEqual(new Set(slow.map((m) => `${m.a}|${m.b}|${m.kind}`)));
  });
  it('100,000 voters: the planted duplicates found with a number of comparisons linear in the list', () => {
    const rows = generate(100_000, 11);
    rows[500] = { ...rows[500]!, citizenId: '123456789012' };
    rows[900] = { ...rows[900]!, citizenId: '123456789099' };
    rows.push({ ...rows[500]!, id: 'dupA', provinceCode: 'P8', communeCode: 'P8-X1', pollingAreaId: 'P8-X1-KV1' });
    rows.push({ ...rows[900]!, id: 'dupB', citizenId: null, fullName: rows[900]!.fullName.normalize('NFD') });
    const r = reconcileVoters(rows);
    const planted = r.matches.filter((m) => [m.a, m.b].some((x) => x === 'dupA' || x === 'dupB'));
    expect(planted.map((m) => [m.a, m.b, m.kind])).toEqual([
      ['dupA', 'r0000500', 'sameId'],
      ['dupB', 'r0000900', 'nameBirth'],
    ]);
    // A brute force would make n²/2 = 5·10⁹ comparisons.
    expect(r.comparisons).toBeLessThan(rows.length * 2);
  });
});
