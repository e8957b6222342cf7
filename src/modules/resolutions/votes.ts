// The figures of the vote that passed a resolution: from the chamber's vote record when one is
// linked (sessions/chamber/votesSchema.ts: the result computed at close and confirmed by the
// chair), else the figures as announced, entered with the resolution (a session held before the
// system). Totals, and a named vote by name only when the council publishes its named votes
// (chamber votesQueries publicVoteByName); a secret vote never by name.
import { eq } from 'drizzle-orm';
import { conflict, notFound } from '../../server/errors.ts';
import { VOTE_METHOD_LABELS, VOTE_STATE_LABELS, type VoteMethod, type VoteResult, type VoteState } from '../../domain/sessions/votes.ts';
import { chamberVotes } from '../sessions/chamber/votesSchema.ts';
import { publicVoteByName } from '../sessions/chamber/votesQueries.ts';
import type { DbOrTx } from './common.ts';
import type { resolutions } from './schema.ts';

export interface VoteFigures {
  for: number;
  against: number;
  abstain: number;
  /** The denominator shown with the result (all delegates, or serving, per the rule). */
  total: number;
  /** "Giơ tay", "Bỏ phiếu kín", … (from the vote record). */
  method: string | null;
  /** The computed result's sentence ("Thông qua: 16/30 đại biểu tán thành, …"), from the vote record. */
  reason: string | null;
  source: 'vote' | 'announced';
  /** A named vote by name, when the council publishes its named votes (never a secret vote). */
  byName?: { fullName: string; choice: string; choiceLabel: string }[] | null;
}

type Row = Pick<typeof resolutions.$inferSelect, 'voteId' | 'announcedFor' | 'announcedAgainst' | 'announcedAbstain' | 'announcedTotal'>;

export async function voteFiguresOf(db: DbOrTx, r: Row): Promise<VoteFigures | null> {
  if (r.voteId) {
    const [v] = await db.select({ method: chamberVotes.method, result: chamberVotes.result }).from(chamberVotes).where(eq(chamberVotes.id, r.voteId));
    const res = v?.result as VoteResult | null | undefined;
    if (v && res?.counts) {
      return {
        for: res.counts.for, against: res.counts.against, abstain: res.counts.abstain, total: res.base,
        method: VOTE_METHOD_LABELS[v.method as VoteMethod] ?? v.method, reason: res.reason, source: 'vote',
        byName: (await publicVoteByName(db, r.voteId))?.map((x) => ({ fullName: x.fullName, choice: x.choice, choiceLabel: x.choiceLabel })) ?? null,
      };
    }
  }
  if (r.announcedFor !== null && r.announcedTotal !== null) {
    return { for: r.announcedFor, against: r.announcedAgainst ?? 0, abstain: r.announcedAbstain ?? 0, total: r.announcedTotal, method: null, reason: null, source: 'announced' };
  }
  return null;
}

/**
 * The vote a resolution names must be a motion of this council, confirmed by the chair, that
 * passed; it gives the session and agenda item when the resolution does not name them.
 */
export async function checkPassingVote(db: DbOrTx, councilId: string, voteId: string) {
  const [v] = await db.select().from(chamberVotes).where(eq(chamberVotes.id, voteId));
  if (!v || v.councilId !== councilId) throw notFound('lần biểu quyết của HĐND này');
  if (v.kind !== 'motion') throw conflict('Lần biểu quyết này là bầu chức danh, không phải biểu quyết thông qua nghị quyết.');
  if (v.state !== 'confirmed') {
    throw conflict(`Kết quả biểu quyết "${v.title}" chưa được chủ tọa xác nhận (${VOTE_STATE_LABELS[v.state as VoteState] ?? v.state}).`);
  }
  const res = v.result as VoteResult | null;
  if (res?.outcome !== 'passed') throw conflict(`Biểu quyết "${v.title}" không được thông qua${res?.reason ? `: ${res.reason}` : ''}.`);
  return { sessionId: v.sessionId, itemId: v.itemId, closedOn: v.closedAt };
}

/** Every vote of a session that was closed (confirmed or not; annulled ones are left out), for the minutes: totals only. */
export async function sessionVotesForMinutes(db: DbOrTx, sessionId: string) {
  const rows = await db.select().from(chamberVotes).where(eq(chamberVotes.sessionId, sessionId)).orderBy(chamberVotes.createdAt);
  return rows
    .filter((v) => v.state === 'closed' || v.state === 'confirmed')
    .map((v) => {
      const res = v.result as (VoteResult & { reason?: string }) | null;
      return {
        id: v.id, itemId: v.itemId, title: v.title, kind: v.kind,
        method: VOTE_METHOD_LABELS[v.method as VoteMethod] ?? v.method,
        state: VOTE_STATE_LABELS[v.state as VoteState] ?? v.state,
        reason: res?.reason ?? null,
      };
    });
}
