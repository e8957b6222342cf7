import { describe, expect, it } from 'vitest';
import { ElectionRuleError } from './errors.ts';
import { additionalRoundSetup, unitOutcome } from './winners.ts';
import type { CandidateResult, UnitTally } from './winners.ts';

function c(id: string, votes: number, birthDate = '1970-01-01', struckOff = false): CandidateResult {
  return { candidateId: id, name: `Ứng cử viên ${id}`, birthDate, votes, struckOff };
}
function tally(over: Partial<UnitTally> = {}): UnitTally {
  return { body: 'council', round: 'first', seats: 3, votersOnList: 1000, votersVoted: 900, validBallots: 800, candidates: [], ...over };
}
const ids = (o: ReturnType<typeof unitOutcome>) => o.winners.map((w) => w.candidateId);

describe('turnout > 1/2 of listed voters (Điều 78, 80)', () => {
  it('exactly half is not enough: a re-vote is due and no winner is named', () => {
    const o = unitOutcome(tally({ votersVoted: 500, validBallots: 490, candidates: [c('a', 400), c('b', 300)] }));
    expect(o.resultCounts).toBe(false);
    expect(o.next).toBe('revote');
    expect(o.winners).toEqual([]);
    expect(o.reasons[0]).toMatch(/chưa quá một nửa.*bầu cử lại trong thời hạn 07 ngày/);
  });
  it('one more than half counts', () => {
    const o = unitOutcome(tally({ votersVoted: 501, validBallots: 490, candidates: [c('a', 400), c('b', 300), c('c', 246)], seats: 2 }));
    expect(o.resultCounts).toBe(true);
    expect(ids(o)).toEqual(['a', 'b']);
  });
  it('re-vote with turnout still ≤ 1/2: the result stands, never a second re-vote', () => {
    const o = unitOutcome(tally({ round: 'revote', votersVoted: 400, validBallots: 390, seats: 1, candidates: [c('a', 300), c('b', 90)] }));
    expect(o.resultCounts).toBe(true);
    expect(o.next).toBe('none');
    expect(ids(o)).toEqual(['a']);
    expect(o.reasons[0]).toContain('không bầu cử lại lần nữa');
  });
});

describe('> 1/2 of valid ballots, highest first (Điều 78)', () => {
  it('exactly half of valid ballots fails; one more passes', () => {
    const o = unitOutcome(tally({ seats: 2, candidates: [c('a', 400), c('b', 401), c('c', 200)] }));
    expect(ids(o)).toEqual(['b']);
    expect(o.candidates.find((x) => x.candidateId === 'a')!.outcome).toBe('belowHalf');
    expect(o.candidates.find((x) => x.candidateId === 'a')!.reason).toContain('400/800 phiếu hợp lệ (50%), chưa quá một nửa');
  });
  it('more passing than seats: the highest win, the others "passed, not elected"', () => {
    const o = unitOutcome(tally({ seats: 2, candidates: [c('a', 500), c('b', 700), c('c', 600), c('d', 100)] }));
    expect(ids(o)).toEqual(['b', 'c']);
    expect(o.candidates.find((x) => x.candidateId === 'a')!.outcome).toBe('passedNotElected');
    expect(o.next).toBe('none');
  });
  it('a candidate struck off after printing is void in the count', () => {
    const o = unitOutcome(tally({ seats: 1, candidates: [c('a', 700, '1970-01-01', true), c('b', 600)] }));
    expect(ids(o)).toEqual(['b']);
    expect(o.candidates[0]!.outcome).toBe('struckOff');
  });
});

describe('tie for the last seat → the older candidate', () => {
  it('the older wins; the younger gets the reason', () => {
    const o = unitOutcome(tally({ seats: 2, candidates: [c('a', 700), c('young', 600, '1985-06-01'), c('old', 600, '1960-06-01'), c('d', 500)] }));
    expect(ids(o)).toEqual(['a', 'old']);
    const y = o.candidates.find((x) => x.candidateId === 'young')!;
    expect(y.outcome).toBe('passedNotElected');
    expect(y.reason).toContain('ít tuổi hơn');
    expect(o.candidates.find((x) => x.candidateId === 'd')!.outcome).toBe('passedNotElected');
  });
  it('a tie above the last seat is not a tie for the last seat', () => {
    const o = unitOutcome(tally({ seats: 3, candidates: [c('a', 700, '1990-01-01'), c('b', 700, '1950-01-01'), c('c', 600), c('d', 500)] }));
    expect(ids(o).sort()).toEqual(['a', 'b', 'c']);
  });
  it('a tie on the last seat that does not cross the cut: both tied are elected, none dropped', () => {
    const o = unitOutcome(tally({ seats: 3, candidates: [c('a', 700), c('b', 520, '1980-01-01'), c('c', 520, '1962-01-01'), c('d', 510), c('e', 200)] }));
    expect(ids(o)).toEqual(['a', 'c', 'b']);
    expect(o.seatsLeft).toBe(0);
    expect(o.next).toBe('none');
    expect(o.candidates.find((x) => x.candidateId === 'd')!.outcome).toBe('passedNotElected');
  });
  it('equal birth dates: no rule, flagged for the Ban\'s decision', () => {
    const o = unitOutcome(tally({ seats: 1, candidates: [c('a', 600, '1970-05-05'), c('b', 600, '1970-05-05')] }));
    expect(o.next).toBe('decideTie');
    expect(o.winners).toEqual([]);
    expect(o.candidates.map((x) => x.outcome)).toEqual(['tieUndecided', 'tieUndecided']);
    expect(o.candidates[0]!.reason).toContain('luật chưa quy định');
  });
  it('equal birth dates among three for two seats: the strictly older one is elected, two wait', () => {
    const o = unitOutcome(tally({ seats: 2, candidates: [c('a', 600, '1960-01-01'), c('b', 600, '1970-05-05'), c('c', 600, '1970-05-05')] }));
    expect(ids(o)).toEqual(['a']);
    expect(o.next).toBe('decideTie');
  });
  it('configurable: the tie rule "decision" leaves every tied seat to the Ban', () => {
    const o = unitOutcome(tally({ seats: 1, candidates: [c('a', 600, '1960-01-01'), c('b', 600, '1980-01-01')] }), { tieRule: 'decision', tieRuleVerified: false });
    expect(o.winners).toEqual([]);
    expect(o.next).toBe('decideTie');
  });
});

describe('seats left: additional round (Điều 79)', () => {
  it('council: winners < 2/3 of seats → additional round among first-round non-winners', () => {
    const first = tally({ seats: 3, candidates: [c('a', 500), c('b', 300), c('c', 200), c('d', 100, '1970-01-01', true)] });
    const o = unitOutcome(first);
    expect(ids(o)).toEqual(['a']);
    expect(o.next).toBe('additionalRound');
    expect(o.reasons.at(-1)).toContain('chưa đạt hai phần ba');
    expect(additionalRoundSetup(first, o)).toEqual({ seats: 2, candidateIds: ['b', 'c'] });
  });
  it('council: winners = 2/3 exactly (2 of 3) → no additional round, seat stays empty', () => {
    const o = unitOutcome(tally({ seats: 3, candidates: [c('a', 500), c('b', 450), c('c', 200)] }));
    expect(o.next).toBe('none');
    expect(o.seatsLeft).toBe(1);
    expect(o.reasons.at(-1)).toContain('đã đạt hai phần ba');
  });
  it('council of 5 seats: 3 winners (< 2/3 = 3.33) → additional round; 4 → none', () => {
    const five = (n: number) => tally({ seats: 5, candidates: Array.from({ length: 6 }, (_, i) => c(`k${i}`, i < n ? 500 : 100)) });
    expect(unitOutcome(five(3)).next).toBe('additionalRound');
    expect(unitOutcome(five(4)).next).toBe('none');
  });
  it('National Assembly: any shortfall → additional round', () => {
    const o = unitOutcome(tally({ body: 'nationalAssembly', seats: 3, candidates: [c('a', 500), c('b', 450), c('c', 200), c('d', 100)] }));
    expect(o.next).toBe('additionalRound');
  });
  it('never a second additional round', () => {
    const o = unitOutcome(tally({ round: 'additional', seats: 2, firstRoundNonWinners: ['b', 'c'], candidates: [c('b', 300), c('c', 200)] }));
    expect(o.next).toBe('none');
    expect(o.reasons.at(-1)).toContain('không tổ chức bầu cử thêm lần thứ hai');
    expect(() => additionalRoundSetup(tally({ round: 'additional', firstRoundNonWinners: [] }), o)).toThrow(ElectionRuleError);
  });
  it('only first-round non-winners may stand in the additional round', () => {
    expect(() => unitOutcome(tally({ round: 'additional', seats: 1, firstRoundNonWinners: ['b'], candidates: [c('a', 500)] }))).toThrow(/không được ứng cử trong bầu cử thêm/);
  });
});

describe('input checks', () => {
  it('refuses seats outside the law, bad figures and bad birth dates, in Vietnamese', () => {
    expect(() => unitOutcome(tally({ seats: 6 }))).toThrow(/từ 1 đến 5/);
    expect(() => unitOutcome(tally({ body: 'nationalAssembly', seats: 4 }))).toThrow(/từ 1 đến 3/);
    expect(() => unitOutcome(tally({ candidates: [c('a', 900)] }))).toThrow(/lớn hơn số phiếu hợp lệ/);
    expect(() => unitOutcome(tally({ candidates: [c('a', 1, '1970')] }))).toThrow(/Ngày sinh/);
  });
});

describe('properties', () => {
  it('random units: winners ≤ seats, every winner > 1/2 of valid, no loser has more votes than a winner', () => {
    let s = 7;
    const rnd = (k: number) => ((s = (s * 16807) % 2147483647), s % k);
    for (let i = 0; i < 500; i++) {
      const seats = 1 + rnd(5);
      const valid = 1 + rnd(1000);
      const cands = Array.from({ length: seats + rnd(4) }, (_, j) => c(`c${j}`, rnd(valid + 1), `19${50 + rnd(40)}-0${1 + rnd(9)}-1${rnd(10)}`));
      const o = unitOutcome(tally({ seats, votersOnList: valid * 2, votersVoted: valid + 1, validBallots: valid, candidates: cands }));
      expect(o.winners.length).toBeLessThanOrEqual(seats);
      for (const w of o.winners) expect(w.votes * 2).toBeGreaterThan(valid);
      const minWin = Math.min(...o.winners.map((w) => w.votes));
      for (const x of o.candidates) if (x.outcome !== 'elected' && x.outcome !== 'tieUndecided') expect(x.votes <= minWin || o.winners.length === 0).toBe(true);
      for (const x of o.candidates) expect(x.reason.length).toBeGreaterThan(10);
    }
  });
});
