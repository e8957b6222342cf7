import { describe, expect, it } from 'vitest';
import { ruleError } from './testSupport.ts';
import { addMonths, computeElection, computeVoteResult, neededCount, voteRuleInForce, voteThreshold } from './votes.ts';
import type { RollSnapshot, VoteDates, VoteFigures } from './votes.ts';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

/** A roll: `serving` delegates d1…dN, the first `present` of them present, the last `suspended` suspended. */
function roll(o: { seats: number; serving?: number; elected?: number; present?: number; suspended?: number }): RollSnapshot {
  const serving = o.serving ?? o.seats;
  const suspended = o.suspended ?? 0;
  const all = ids('d', serving);
  const entitled = all.slice(0, serving - suspended);
  return {
    seats: o.seats,
    elected: o.elected ?? serving,
    serving,
    suspended: all.slice(serving - suspended),
    entitled,
    present: entitled.slice(0, o.present ?? entitled.length),
  };
}

const hands = (f: number, a = 0, ab = 0): VoteFigures => ({ method: 'show_of_hands', for: f, against: a, abstain: ab });
// Mid-term: years left, so the Điều 49 k2b exception never applies.
const midTerm: VoteDates = { closedOn: '2027-06-15', termEndsOn: '2031-03-01' };
const resolution = voteRuleInForce('resolution', '2027-06-15');
const dismissal = voteRuleInForce('dismissal', '2027-06-15');
const election = voteRuleInForce('election', '2027-06-15');

describe('rule data', () => {
  it('carries its source and verified flag, and is in force from Luật 72/2025', () => {
    expect(resolution).toMatchObject({ num: 1, den: 2, strict: true, verified: true, source: 'Luật 72/2025/QH15, Điều 35 khoản 2' });
    expect(dismissal).toMatchObject({ num: 2, den: 3, strict: false, verified: true });
    expect(election.verified).toBe(false);
    expect(ruleError(() => voteRuleInForce('resolution', '2025-06-30')).message).toContain('có hiệu lực ngày 30/06/2025');
    expect(ruleError(() => voteRuleInForce('caring', '2027-01-01')).message).toContain('Không có quy tắc biểu quyết "caring"');
  });

  it('counts the smallest number that is more than / at least a fraction', () => {
    expect(neededCount(30, 1, 2, true)).toBe(16);
    expect(neededCount(31, 1, 2, true)).toBe(16);
    expect(neededCount(30, 2, 3, false)).toBe(20);
    expect(neededCount(31, 2, 3, false)).toBe(21);
    expect(neededCount(30, 2, 3, true)).toBe(21);
  });
});

describe('a resolution: more than half of all delegates, not of those present', () => {
  it('16 of 30 passes with the reason the chair reads out', () => {
    const r = computeVoteResult(resolution, roll({ seats: 30 }), hands(16, 10, 4), midTerm);
    expect(r.outcome).toBe('passed');
    expect(r.needed).toBe(16);
    expect(r.reason).toBe('Thông qua: 16/30 đại biểu tán thành, quá 1/2 tổng số đại biểu (cần ít nhất 16).');
    expect(r.baseKind).toBe('seats');
    expect(r.baseReason).toContain('số đại biểu được bầu theo luật định: 30');
  });

  it('15 of 20 present (75 % of the room) fails: half of the 30 seats is not passed', () => {
    const r = computeVoteResult(resolution, roll({ seats: 30, present: 20 }), hands(15, 2, 3), midTerm);
    expect(r.outcome).toBe('failed');
    expect(r.reason).toBe('Không thông qua: 15/30 đại biểu tán thành, chưa đạt quá 1/2 tổng số đại biểu (cần ít nhất 16).');
    expect(r.counts).toMatchObject({ present: 20, entitled: 30, notVoting: 0 });
  });

  it('a tie fails and the chair has no casting vote', () => {
    const r = computeVoteResult(resolution, roll({ seats: 30 }), hands(15, 15), midTerm);
    expect(r.outcome).toBe('failed');
    expect(r.notes.join(' ')).toContain('chủ tọa không có phiếu quyết định');
    const s = computeVoteResult(resolution, roll({ seats: 30, serving: 28 }), hands(14, 14), { ...midTerm, totalMeans: 'serving' });
    expect(s.outcome).toBe('failed');
  });

  it('with vacancies the seats stay the base unless the council counts those serving', () => {
    const r27 = roll({ seats: 30, elected: 29, serving: 27 });
    const bySeats = computeVoteResult(resolution, r27, hands(15, 12), midTerm);
    expect(bySeats.outcome).toBe('failed');
    expect(bySeats.needed).toBe(16);
    const byServing = computeVoteResult(resolution, r27, hands(15, 12), { ...midTerm, totalMeans: 'serving' });
    expect(byServing.outcome).toBe('passed');
    expect(byServing.needed).toBe(14);
    expect(byServing.reason).toBe('Thông qua: 15/27 đại biểu tán thành, quá 1/2 tổng số đại biểu hiện có (cần ít nhất 14).');
    expect(byServing.baseReason).toContain('số đại biểu hiện có: 27');
  });

  it('suspended delegates stay on the serving roll but do not vote', () => {
    const r = roll({ seats: 30, suspended: 2 });
    const res = computeVoteResult(resolution, r, hands(16, 12), midTerm);
    expect(res.outcome).toBe('passed');
    expect(res.counts.entitled).toBe(28);
    const named: VoteFigures = { method: 'named', choices: [{ delegateId: 'd30', choice: 'for' }] };
    expect(ruleError(() => computeVoteResult(resolution, r, named, midTerm)).message).toBe('Đại biểu d30 đang bị tạm đình chỉ, không được biểu quyết.');
    expect(ruleError(() => computeVoteResult(resolution, { ...r, entitled: [...r.entitled, 'd29'] }, hands(1), midTerm)).code).toBe('vote_suspended_entitled');
  });
});

describe('dismissal: at least two thirds', () => {
  it('20 of 30 is exactly two thirds and passes; 19 fails', () => {
    expect(computeVoteResult(dismissal, roll({ seats: 30 }), hands(20, 10), midTerm).outcome).toBe('passed');
    const r = computeVoteResult(dismissal, roll({ seats: 30 }), hands(19, 11), midTerm);
    expect(r.outcome).toBe('failed');
    expect(r.reason).toBe('Không thông qua: 19/30 đại biểu tán thành, chưa đạt ít nhất 2/3 tổng số đại biểu (cần ít nhất 20).');
  });
});

describe('Luật 72/2025 Điều 49 k2b: a council below 2/3 of its seats near the end of its term', () => {
  const last18: VoteDates = { closedOn: '2029-09-01', termEndsOn: '2031-03-01' }; // exactly 18 months left

  it('19 of 30 serving with exactly 18 months left: every decision needs more than 2/3 of the 19', () => {
    const r = computeVoteResult(resolution, roll({ seats: 30, serving: 19 }), hands(13, 6), last18);
    expect(r.reducedCouncil).toBe(true);
    expect(r.needed).toBe(13);
    expect(r.base).toBe(19);
    expect(r.outcome).toBe('passed');
    expect(r.reason).toBe('Thông qua: 13/19 đại biểu tán thành, quá 2/3 tổng số đại biểu hiện có (cần ít nhất 13).');
    expect(r.source).toContain('Điều 49 khoản 2 điểm b');
    expect(r.baseReason).toContain('19/30 đại biểu hiện có, dưới 2/3');
    expect(computeVoteResult(resolution, roll({ seats: 30, serving: 19 }), hands(12, 7), last18).outcome).toBe('failed');
    // Dismissal too: the exception covers every decision.
    expect(computeVoteResult(dismissal, roll({ seats: 30, serving: 19 }), hands(12, 7), last18).outcome).toBe('failed');
  });

  it('exactly 2/3 of the seats serving is not below 2/3: the ordinary rule applies', () => {
    const t = voteThreshold(resolution, { seats: 30, serving: 20 }, last18);
    expect(t.reducedCouncil).toBe(false);
    expect(t.needed).toBe(16);
  });

  it('one day more than 18 months left: the ordinary rule, and a by-election is due', () => {
    const t = voteThreshold(resolution, { seats: 30, serving: 19 }, { closedOn: '2029-09-01', termEndsOn: '2031-03-02' });
    expect(t.reducedCouncil).toBe(false);
    expect(t.needed).toBe(16);
    expect(t.notes.join(' ')).toContain('phải tổ chức bầu cử bổ sung');
  });

  it('exactly 1/3 filled still decides; below 1/3 the council cannot decide', () => {
    expect(voteThreshold(resolution, { seats: 30, serving: 10 }, last18).needed).toBe(7);
    const e = ruleError(() => computeVoteResult(resolution, roll({ seats: 30, serving: 9 }), hands(9), last18));
    expect(e.code).toBe('vote_council_below_third');
    expect(e.message).toContain('bầu cử bổ sung');
    expect(e.message).toContain('Ủy ban Thường vụ Quốc hội');
  });

  it('months are calendar months (a 31st ends on the last day of a shorter month)', () => {
    expect(addMonths('2029-08-31', 18)).toBe('2031-02-28');
    expect(addMonths('2029-09-01', 18)).toBe('2031-03-01');
    expect(addMonths('2030-12-15', 2)).toBe('2031-02-15');
  });
});

describe('consistency checks (Vietnamese errors)', () => {
  const r = roll({ seats: 30, present: 20 });
  it('refuses counts below zero or not whole, and more votes than delegates present', () => {
    expect(ruleError(() => computeVoteResult(resolution, r, hands(-1), midTerm)).message).toContain('Số tán thành phải là số nguyên không âm');
    expect(ruleError(() => computeVoteResult(resolution, r, hands(1.5), midTerm)).code).toBe('vote_count_invalid');
    expect(ruleError(() => computeVoteResult(resolution, r, hands(16, 4, 1), midTerm)).message).toBe(
      'Tán thành, không tán thành và không biểu quyết (21) vượt số đại biểu có mặt có quyền biểu quyết (20).',
    );
    expect(ruleError(() => computeVoteResult(resolution, { ...r, serving: 40 }, hands(1), midTerm)).message).toContain('vượt số đại biểu đã được bầu');
  });

  it('who voted must be present; a secret vote cannot count more choices than voters', () => {
    expect(ruleError(() => computeVoteResult(resolution, { ...r, voted: ['d25'] }, hands(1), midTerm)).code).toBe('vote_not_present');
    const secret: VoteFigures = { method: 'secret', for: 3, against: 0, abstain: 0 };
    expect(ruleError(() => computeVoteResult(resolution, { ...r, voted: ['d1', 'd2'] }, secret, midTerm)).code).toBe('vote_counts_exceed_voted');
  });

  it('named votes: entitled delegates only, once each, and who voted matches', () => {
    const named = (choices: [string, 'for' | 'against' | 'abstain'][]): VoteFigures => ({ method: 'named', choices: choices.map(([delegateId, choice]) => ({ delegateId, choice })) });
    expect(ruleError(() => computeVoteResult(resolution, r, named([['x9', 'for']]), midTerm)).message).toBe('Đại biểu x9 không có quyền biểu quyết.');
    expect(ruleError(() => computeVoteResult(resolution, r, named([['d1', 'for'], ['d1', 'against']]), midTerm)).message).toBe('Đại biểu d1 biểu quyết hơn một lần.');
    expect(ruleError(() => computeVoteResult(resolution, r, named([['d21', 'for']]), midTerm)).code).toBe('vote_not_present');
    expect(ruleError(() => computeVoteResult(resolution, { ...r, voted: ['d1', 'd2'] }, named([['d1', 'for']]), midTerm)).code).toBe('vote_voted_mismatch');
    const sixteen = named([...ids('d', 16).map((id): [string, 'for'] => [id, 'for']), ['d17', 'against']]);
    const res = computeVoteResult(resolution, r, sixteen, midTerm);
    expect(res.outcome).toBe('passed');
    expect(res.counts).toMatchObject({ for: 16, against: 1, abstain: 0, notVoting: 3 });
  });

  it('paper ballot-count minutes must add up', () => {
    const secret = (ballots: { issued: number; collected: number; valid: number; invalid: number }, f = 10): VoteFigures => ({ method: 'secret', for: f, against: 0, abstain: 0, ballots });
    expect(ruleError(() => computeVoteResult(resolution, r, secret({ issued: 21, collected: 20, valid: 20, invalid: 0 }), midTerm)).code).toBe('ballot_issued_exceeds_present');
    expect(ruleError(() => computeVoteResult(resolution, r, secret({ issued: 20, collected: 21, valid: 20, invalid: 1 }), midTerm)).code).toBe('ballot_collected_exceeds_issued');
    expect(ruleError(() => computeVoteResult(resolution, r, secret({ issued: 20, collected: 19, valid: 17, invalid: 1 }), midTerm)).message).toBe(
      'Số phiếu hợp lệ (17) cộng không hợp lệ (1) phải bằng số phiếu thu vào (19).',
    );
    expect(ruleError(() => computeVoteResult(resolution, r, secret({ issued: 20, collected: 19, valid: 9, invalid: 10 }), midTerm)).code).toBe('ballot_choices_exceed_valid');
    expect(computeVoteResult(resolution, r, secret({ issued: 20, collected: 19, valid: 18, invalid: 1 }, 16), midTerm).outcome).toBe('passed');
  });

  it('dates must be dates, the vote within the term', () => {
    expect(ruleError(() => computeVoteResult(resolution, r, hands(1), { closedOn: '15/06/2027', termEndsOn: '2031-03-01' })).code).toBe('vote_date_invalid');
    expect(ruleError(() => computeVoteResult(resolution, r, hands(1), { closedOn: '2031-06-15', termEndsOn: '2031-03-01' })).code).toBe('vote_date_invalid');
  });
});

describe('properties over many rolls', () => {
  // Deterministic pseudo-random rolls (LCG) so a failure reproduces.
  let seed = 12345;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const cases = Array.from({ length: 300 }, () => {
    const seats = 5 + rand(96);
    const serving = Math.ceil(seats / 3) + rand(seats - Math.ceil(seats / 3) + 1);
    const present = rand(serving + 1);
    const dates: VoteDates = rand(2) ? midTerm : { closedOn: '2030-01-10', termEndsOn: '2031-03-01' };
    return { r: roll({ seats, serving, present }), dates, totalMeans: rand(2) ? ('seats' as const) : ('serving' as const) };
  });

  it('one more "for" never turns passed into failed; `needed` is exactly where it starts to pass', () => {
    for (const { r, dates, totalMeans } of cases) {
      for (const rule of [resolution, dismissal]) {
        let passedBefore = false;
        const d = { ...dates, totalMeans };
        const needed = voteThreshold(rule, r, d).needed;
        for (let f = 0; f <= r.present.length; f++) {
          const passed = computeVoteResult(rule, r, hands(f, r.present.length - f), d).outcome === 'passed';
          if (passedBefore) expect(passed).toBe(true);
          expect(passed).toBe(f >= needed);
          passedBefore = passed;
        }
      }
    }
  });

  it('`needed` is the least count over the fraction (1/2, or 2/3 under Điều 49 k2b), so a tie never passes', () => {
    let reduced = 0;
    for (const { r, dates, totalMeans } of cases) {
      const t = voteThreshold(resolution, r, { ...dates, totalMeans });
      const [num, den] = t.reducedCouncil ? [2, 3] : [1, 2];
      if (t.reducedCouncil) reduced++;
      expect(den * t.needed).toBeGreaterThan(num * t.base);
      expect(den * (t.needed - 1)).toBeLessThanOrEqual(num * t.base);
      expect(2 * t.needed).toBeGreaterThan(t.base);
    }
    expect(reduced).toBeGreaterThan(10); // the exception is among the cases
  });
});

describe('elections of positions', () => {
  const r = roll({ seats: 30, present: 28 });
  const cand = (...votes: number[]) => votes.map((v, i) => ({ id: `c${i + 1}`, name: `Ứng viên ${i + 1}`, votes: v }));

  it('one seat: elected with more than half of all delegates', () => {
    const res = computeElection(election, r, { seatsToFill: 1, candidates: cand(16, 12) }, midTerm);
    expect(res.elected).toEqual(['c1']);
    expect(res.reason).toBe('Trúng cử: Ứng viên 1; quá 1/2 tổng số đại biểu = cần ít nhất 16/30 phiếu.');
    const none = computeElection(election, r, { seatsToFill: 1, candidates: cand(15, 13) }, midTerm);
    expect(none.elected).toEqual([]);
    expect(none.seatsLeft).toBe(1);
    expect(none.candidates.map((c) => c.status)).toEqual(['below_threshold', 'below_threshold']);
  });

  it('more pass than seats: the most votes win; a tie at the cut-off needs another round', () => {
    const most = computeElection(election, r, { seatsToFill: 2, candidates: cand(18, 25, 17, 3) }, midTerm);
    expect(most.elected).toEqual(['c2', 'c1']);
    expect(most.candidates.find((c) => c.id === 'c3')!.status).toBe('passed_not_elected');
    const tie = computeElection(election, r, { seatsToFill: 2, candidates: cand(20, 25, 20) }, midTerm);
    expect(tie.elected).toEqual(['c2']);
    expect(tie.tied).toEqual(['c1', 'c3']);
    expect(tie.seatsLeft).toBe(1);
    expect(tie.reason).toContain('Ứng viên 1, Ứng viên 3 bằng phiếu ở vị trí cuối: phải bầu lại cho 1 chức danh còn lại');
  });

  it('the same threshold rules: Điều 49 k2b and the ballot minutes apply', () => {
    const small = roll({ seats: 30, serving: 19 });
    const res = computeElection(election, small, { seatsToFill: 1, candidates: cand(13, 6) }, { closedOn: '2029-09-01', termEndsOn: '2031-03-01' });
    expect(res.reducedCouncil).toBe(true);
    expect(res.elected).toEqual(['c1']);
    const ballots = { issued: 28, collected: 28, valid: 26, invalid: 2 };
    expect(ruleError(() => computeElection(election, r, { seatsToFill: 1, candidates: cand(27), ballots }, midTerm)).code).toBe('election_votes_exceed');
    expect(ruleError(() => computeElection(election, r, { seatsToFill: 1, candidates: [...cand(16), ...cand(3)] }, midTerm)).message).toContain('có tên hai lần');
  });
});
