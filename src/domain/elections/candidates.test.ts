import { describe, expect, it } from 'vitest';
import { checkCandidateCount, seatsProblem } from './candidates.ts';

describe('candidate-count and seat checks', () => {
  it('a unit has 1 to 5 council seats (3 for the National Assembly)', () => {
    expect(seatsProblem('commune', 5)).toBeNull();
    expect(seatsProblem('commune', 6)).toContain('không quá 5');
    expect(seatsProblem('na', 4)).toContain('không quá 3');
    expect(seatsProblem('province', 0)).toContain('từ 1');
  });
  it('the official list needs at least seats + 2 candidates, the rule marked unverified', () => {
    expect(checkCandidateCount('province', 3, 5)).toMatchObject({ ok: true, required: 5, verified: false });
    const short = checkCandidateCount('commune', 3, 4);
    expect(short.ok).toBe(false);
    expect(short.message).toContain('cần ít nhất 5');
  });
});
