import { describe, expect, it } from 'vitest';
import { ElectionRuleError } from './errors.ts';
import { checkTally, lockBlockers, percentOf, rollUpUnit, TALLY_CHECKS } from './tally.ts';
import type { TallyFigures } from './tally.ts';

/** A balanced sheet: 3 seats, 5 candidates. */
function sheet(over: Partial<TallyFigures> = {}): TallyFigures {
  return {
    ballotType: 'commune',
    seats: 3,
    votersOnList: 1000,
    votersMale: 480,
    votersFemale: 520,
    votersVoted: 990,
    ballotsIssued: 990,
    ballotsReceived: 990,
    validBallots: 980,
    invalidBallots: 10,
    inventory: { supplied: 1020, spoiled: 5, unused: 25 },
    candidates: [
      { candidateId: 'c1', name: 'Nguyễn Văn An', votes: 900 },
      { candidateId: 'c2', name: 'Trần Thị Bình', votes: 700 },
      { candidateId: 'c3', name: 'Lê Văn Cường', votes: 600 },
      { candidateId: 'c4', name: 'Phạm Thị Dung', votes: 400 },
      { candidateId: 'c5', name: 'Hoàng Văn Em', votes: 200 },
    ],
    emptySlots: 140,
    ...over,
  };
}

const keys = (f: TallyFigures, opts?: Parameters<typeof checkTally>[1]) => checkTally(f, opts).map((x) => x.check);

describe('tally sheet checks (elections.md)', () => {
  it('a balanced sheet passes every check', () => {
    expect(checkTally(sheet())).toEqual([]);
  });
  it('every listed check exists as data with a source', () => {
    expect(TALLY_CHECKS.map((c) => c.key).sort()).toEqual(
      ['candidateWithinValid', 'inventoryBalances', 'issuedWithinList', 'receivedWithinIssued', 'validPlusInvalid', 'votedWithinList', 'votersBySex', 'votesPlusEmptySlots', 'votesWithinSeats'].sort(),
    );
  });
  it('voters who voted ≤ voters on the list (boundary equal passes)', () => {
    expect(keys(sheet({ votersVoted: 1000, ballotsIssued: 990 }))).toEqual([]);
    const f = checkTally(sheet({ votersVoted: 1001 }));
    expect(f.map((x) => x.check)).toEqual(['votedWithinList']);
    expect(f[0]!.message).toContain('"Số cử tri đã tham gia bỏ phiếu" (1.001)');
  });
  it('ballots received ≤ issued ≤ voters on the list', () => {
    expect(keys(sheet({ ballotsReceived: 991, validBallots: 981 }))).toContain('receivedWithinIssued');
    expect(keys(sheet({ ballotsIssued: 1001, inventory: { supplied: 1031, spoiled: 5, unused: 25 } }))).toEqual(['issuedWithinList']);
  });
  it('valid + invalid = received, naming both lines', () => {
    const f = checkTally(sheet({ invalidBallots: 11 }));
    expect(f.map((x) => x.check)).toEqual(['validPlusInvalid']);
    expect(f[0]!.message).toMatch(/"Số phiếu hợp lệ" \(980\) cộng dòng "Số phiếu không hợp lệ" \(11\) bằng 991, khác dòng "Số phiếu thu vào" \(990\)/);
  });
  it('inventory identity is configurable: a voter who leaves with a ballot fails only the "received" variant', () => {
    const left = sheet({ ballotsReceived: 989, validBallots: 979, candidates: sheet().candidates, emptySlots: 137 });
    expect(keys(left)).toEqual([]);
    expect(keys(left, { inventoryIdentity: 'received' })).toEqual(['inventoryBalances']);
    expect(keys(sheet({ inventory: { supplied: 1021, spoiled: 5, unused: 25 } }))).toEqual(['inventoryBalances']);
  });
  it('each candidate ≤ valid ballots, naming the candidate', () => {
    const c = sheet().candidates.map((x) => (x.candidateId === 'c5' ? { ...x, votes: 981 } : x));
    const f = checkTally(sheet({ candidates: c, emptySlots: null }));
    expect(f.map((x) => x.check)).toEqual(['candidateWithinValid', 'votesWithinSeats']);
    expect(f[0]!.message).toContain('Hoàng Văn Em (981)');
  });
  it('each ballot names at most the seats: Σ votes ≤ valid × seats (boundary equal passes)', () => {
    const exact = sheet({ candidates: [{ candidateId: 'a', name: 'A', votes: 980 }, { candidateId: 'b', name: 'B', votes: 980 }, { candidateId: 'c', name: 'C', votes: 980 }], emptySlots: 0 });
    expect(keys(exact)).toEqual([]);
    const over = sheet({ candidates: [...exact.candidates, { candidateId: 'd', name: 'D', votes: 1 }], emptySlots: null });
    expect(keys(over)).toEqual(['votesWithinSeats']);
  });
  it('Σ votes + empty slots = valid × seats', () => {
    expect(keys(sheet({ emptySlots: 139 }))).toEqual(['votesPlusEmptySlots']);
    expect(keys(sheet({ emptySlots: null }))).toEqual([]);
  });
  it('voters by sex add up', () => {
    expect(keys(sheet({ votersMale: 481 }))).toEqual(['votersBySex']);
  });
  it('refuses figures that are not whole numbers ≥ 0, in Vietnamese', () => {
    expect(() => checkTally(sheet({ validBallots: -1 }))).toThrow(/"Số phiếu hợp lệ" phải là số nguyên không âm/);
    expect(() => checkTally(sheet({ seats: 0 }))).toThrow(ElectionRuleError);
    expect(() => checkTally(sheet({ votersVoted: 1.5 }))).toThrow(ElectionRuleError);
  });
  it('a failing check blocks locking unless overridden with a reason', () => {
    const bad = sheet({ votersMale: 481 });
    expect(lockBlockers(bad)).toHaveLength(1);
    expect(lockBlockers(bad, { votersBySex: '   ' })).toHaveLength(1);
    expect(lockBlockers(bad, { votersBySex: 'Danh sách cử tri ghi thiếu giới tính một người' })).toEqual([]);
  });
  it('property: random balanced sheets pass; any single-line perturbation of valid ballots fails', () => {
    let s = 42;
    const rnd = (k: number) => ((s = (s * 16807) % 2147483647), s % k);
    for (let i = 0; i < 300; i++) {
      const list = 300 + rnd(3700);
      const voted = rnd(list + 1);
      const invalid = rnd(voted + 1);
      const valid = voted - invalid;
      const seats = 1 + rnd(5);
      const names = seats + 2;
      const votes = Array.from({ length: names }, () => 0);
      let empty = 0;
      for (let b = 0; b < Math.min(valid, 50); b++) {
        const k = rnd(seats + 1);
        for (let j = 0; j < k; j++) votes[(b + j) % names]! += 1;
        empty += seats - k;
      }
      empty += (valid - Math.min(valid, 50)) * seats;
      const male = rnd(list + 1);
      const f: TallyFigures = {
        ballotType: 'province', seats, votersOnList: list, votersMale: male, votersFemale: list - male, votersVoted: voted,
        ballotsIssued: voted, ballotsReceived: voted, validBallots: valid, invalidBallots: invalid,
        inventory: { supplied: voted + 10, spoiled: 3, unused: 7 },
        candidates: votes.map((v, j) => ({ candidateId: `c${j}`, name: `Ứng cử viên ${j}`, votes: v })), emptySlots: empty,
      };
      expect(checkTally(f)).toEqual([]);
      expect(keys({ ...f, validBallots: valid + 1 })).toContain('validPlusInvalid');
    }
  });
  it('percentages of Mẫu 23', () => {
    expect(percentOf(990, 1000)).toBe(99);
    expect(percentOf(1, 0)).toBe(0);
  });
});

describe('roll-up of polling areas into a unit (Mẫu 24)', () => {
  it('sums the areas and runs the same checks on the sums; names the failing area', () => {
    const bad = sheet({ invalidBallots: 11 });
    const r = rollUpUnit([{ pollingAreaId: 'KV1', figures: sheet() }, { pollingAreaId: 'KV2', figures: bad }]);
    expect(r.figures.votersOnList).toBe(2000);
    expect(r.figures.candidates.find((c) => c.candidateId === 'c1')!.votes).toBe(1800);
    expect(r.figures.inventory).toEqual({ supplied: 2040, spoiled: 10, unused: 50 });
    expect(Object.keys(r.areaFailures)).toEqual(['KV2']);
    expect(r.failures.map((x) => x.check)).toEqual(['validPlusInvalid']);
    expect(r.failures[0]!.message).toContain('bằng 1.981, khác dòng "Số phiếu thu vào" (1.980)');
  });
  it('balanced areas give a balanced unit', () => {
    const r = rollUpUnit([{ pollingAreaId: 'KV1', figures: sheet() }, { pollingAreaId: 'KV2', figures: sheet() }]);
    expect(r.failures).toEqual([]);
    expect(r.areaFailures).toEqual({});
  });
  it('refuses sheets of another ballot type, seats or candidates, a repeated area, and nothing', () => {
    expect(() => rollUpUnit([{ pollingAreaId: 'KV1', figures: sheet() }, { pollingAreaId: 'KV2', figures: sheet({ seats: 2 }) }])).toThrow(/KV2/);
    expect(() => rollUpUnit([{ pollingAreaId: 'KV1', figures: sheet() }, { pollingAreaId: 'KV1', figures: sheet() }])).toThrow(/hai biên bản/);
    expect(() => rollUpUnit([])).toThrow(ElectionRuleError);
  });
});
