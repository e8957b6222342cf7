import { describe, expect, it } from 'vitest';
import { ruleError } from './testSupport.ts';
import { annulReason, checkElectionBallot, voteTransition, VOTE_ACTION_LABELS, VOTE_STATE_LABELS, type VoteAction, type VoteState } from './votes.ts';

describe('a vote\'s life', () => {
  it('goes created → open → closed → confirmed; any state but annulled may be annulled', () => {
    expect(voteTransition('created', 'open')).toBe('open');
    expect(voteTransition('open', 'close')).toBe('closed');
    expect(voteTransition('closed', 'confirm')).toBe('confirmed');
    for (const s of ['created', 'open', 'closed', 'confirmed'] as VoteState[]) expect(voteTransition(s, 'annul')).toBe('annulled');
  });

  it('refuses everything else, in Vietnamese', () => {
    const allowed = new Set(['created:open', 'created:annul', 'open:close', 'open:annul', 'closed:confirm', 'closed:annul', 'confirmed:annul']);
    for (const s of Object.keys(VOTE_STATE_LABELS) as VoteState[]) {
      for (const a of Object.keys(VOTE_ACTION_LABELS) as VoteAction[]) {
        if (allowed.has(`${s}:${a}`)) continue;
        const e = ruleError(() => voteTransition(s, a));
        expect(e.code).toBe('vote_transition');
        expect(e.message).toContain(VOTE_STATE_LABELS[s]);
      }
    }
  });
});

describe('annulling', () => {
  it('needs a reason of at least 5 characters, at most 2000, kept trimmed and NFC', () => {
    expect(annulReason('  Nhầm dự thảo  ')).toBe('Nhầm dự thảo');
    expect(annulReason('Nhầm dự thảo'.normalize('NFD'))).toBe('Nhầm dự thảo'.normalize('NFC'));
    expect(ruleError(() => annulReason('   ')).code).toBe('vote_annul_reason');
    expect(ruleError(() => annulReason('abcd')).code).toBe('vote_annul_reason');
    expect(ruleError(() => annulReason(undefined)).message).toContain('lý do');
    expect(ruleError(() => annulReason('x'.repeat(2001))).message).toContain('2000');
    expect(annulReason('x'.repeat(2000))).toHaveLength(2000);
  });
});

describe('an election ballot', () => {
  const c = ['a', 'b', 'c'];
  it('approves at most as many candidates as positions, each once, from the list', () => {
    expect(() => checkElectionBallot([], c, 1)).not.toThrow();
    expect(() => checkElectionBallot(['a'], c, 1)).not.toThrow();
    expect(() => checkElectionBallot(['a', 'c'], c, 2)).not.toThrow();
    expect(ruleError(() => checkElectionBallot(['a', 'b'], c, 1)).message).toContain('tối đa 1');
    expect(ruleError(() => checkElectionBallot(['a', 'a'], c, 2)).message).toContain('một lần');
    expect(ruleError(() => checkElectionBallot(['z'], c, 1)).message).toContain('danh sách ứng cử viên');
  });
});
