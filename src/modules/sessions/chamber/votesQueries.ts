// Reading votes: the public summary (the projector, the live channel, every client: counts only,
// never who voted how), the chair's detail (a named vote's choices by name, the frozen roll), a
// session's list, and a delegate's own open votes on the phone.
import { and, asc, count, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { countWhere, pageWithTotal } from '../../../db/paging.ts';
import { notFound } from '../../../server/errors.ts';
import { users } from '../../accounts/schema.ts';
import { delegates } from '../../directory/schema.ts';
import { councilSessions, sessionItems } from '../schema.ts';
import { CHOICE_LABELS, VOTE_METHOD_LABELS, VOTE_STATE_LABELS, type VoteMethod, type VoteState } from '../../../domain/sessions/votes.ts';
import { delegateOf } from '../portal/actions.ts';
import { ruleSetOf, type DbOrTx } from '../common.ts';
import { chamberVoteCandidates, chamberVoteNamedChoices, chamberVoteVoters, chamberVotes } from './votesSchema.ts';

type VoteRow = typeof chamberVotes.$inferSelect;

const iso = (d: Date | null) => d?.toISOString() ?? null;

async function namesOf(db: DbOrTx, ids: (string | null)[]): Promise<Map<string, string>> {
  const want = [...new Set(ids.filter((x): x is string => !!x))];
  if (!want.length) return new Map();
  const rows = await db.select({ id: users.id, fullName: users.fullName }).from(users).where(inArray(users.id, want));
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

/** Public summaries of votes (same council): counts and the computed result, no per-delegate data. */
async function summaries(db: DbOrTx, rows: VoteRow[]) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [voted, cands, items, repeats, names] = await Promise.all([
    db.select({ voteId: chamberVoteVoters.voteId, n: count() }).from(chamberVoteVoters).where(inArray(chamberVoteVoters.voteId, ids)).groupBy(chamberVoteVoters.voteId),
    db.select().from(chamberVoteCandidates).where(inArray(chamberVoteCandidates.voteId, ids)).orderBy(asc(chamberVoteCandidates.position)),
    db.select({ id: sessionItems.id, title: sessionItems.title }).from(sessionItems).where(inArray(sessionItems.id, rows.map((r) => r.itemId).filter((x): x is string => !!x).concat(['00000000-0000-0000-0000-000000000000']))),
    db.select({ id: chamberVotes.id, repeatOf: chamberVotes.repeatOf }).from(chamberVotes).where(inArray(chamberVotes.repeatOf, ids)),
    namesOf(db, rows.flatMap((r) => [r.openedBy, r.closedBy, r.confirmedBy, r.annulledBy])),
  ]);
  const votedBy = new Map(voted.map((v) => [v.voteId, Number(v.n)]));
  const itemTitle = new Map(items.map((i) => [i.id, i.title]));
  const who = (id: string | null, at: Date | null) => (at ? { by: id, byName: id ? names.get(id) ?? null : null, at: iso(at) } : null);
  return rows.map((v) => {
    const roll = v.roll as { seats: number; serving: number; entitled: string[]; present: string[]; voted?: string[]; seatsExplanation?: string } | null;
    const figures = v.figures as { candidates?: { id: string; votes: number }[] } | null;
    const votes = new Map((figures?.candidates ?? []).map((c) => [c.id, c.votes]));
    return {
      id: v.id,
      councilId: v.councilId,
      sessionId: v.sessionId,
      itemId: v.itemId,
      itemTitle: v.itemId ? itemTitle.get(v.itemId) ?? null : null,
      kind: v.kind as 'motion' | 'election',
      title: v.title,
      method: v.method as VoteMethod,
      methodLabel: VOTE_METHOD_LABELS[v.method as VoteMethod] ?? v.method,
      ruleKey: v.ruleKey,
      rule: v.rule,
      state: v.state as VoteState,
      stateLabel: VOTE_STATE_LABELS[v.state as VoteState] ?? v.state,
      seatsToFill: v.seatsToFill,
      repeatOf: v.repeatOf,
      repeatedBy: repeats.find((r) => r.repeatOf === v.id)?.id ?? null,
      voted: votedBy.get(v.id) ?? 0,
      created: { at: iso(v.createdAt) },
      opened: who(v.openedBy, v.openedAt),
      closed: who(v.closedBy, v.closedAt),
      confirmed: who(v.confirmedBy, v.confirmedAt),
      annulled: v.annulledAt ? { ...who(v.annulledBy, v.annulledAt)!, reason: v.annulReason } : null,
      candidates: cands.filter((c) => c.voteId === v.id).map((c) => ({ id: c.id, position: c.position, name: c.name, note: c.note, votes: roll ? votes.get(c.id) ?? 0 : null })),
      roll: roll ? { seats: roll.seats, serving: roll.serving, entitled: roll.entitled.length, present: roll.present.length, voted: roll.voted?.length ?? null, seatsExplanation: roll.seatsExplanation ?? null } : null,
      result: v.result as Record<string, unknown> | null,
      version: v.version,
    };
  });
}

export type VotePublic = Awaited<ReturnType<typeof summaries>>[number];

export async function votePublic(db: DbOrTx, councilId: string, voteId: string): Promise<VotePublic> {
  const [v] = await db.select().from(chamberVotes).where(eq(chamberVotes.id, voteId));
  if (!v || v.councilId !== councilId) throw notFound('lượt biểu quyết');
  return (await summaries(db, [v]))[0]!;
}

/**
 * The chair's and secretariat's view: the summary plus, once closed, the frozen roll by name and,
 * for a named vote, who voted how. A secret vote shows who voted (the roll), never a choice.
 */
export async function voteDetail(db: DbOrTx, councilId: string, voteId: string) {
  const v = await votePublic(db, councilId, voteId);
  const [row] = await db.select({ roll: chamberVotes.roll }).from(chamberVotes).where(eq(chamberVotes.id, voteId));
  const roll = row!.roll as { entitled: string[]; present: string[]; voted?: string[] } | null;
  const named = v.method === 'named'
    ? await db.select({ delegateId: chamberVoteNamedChoices.delegateId, choice: chamberVoteNamedChoices.choice, candidateId: chamberVoteNamedChoices.candidateId })
      .from(chamberVoteNamedChoices).where(eq(chamberVoteNamedChoices.voteId, voteId))
    : [];
  const ids = roll ? roll.entitled : [];
  const people = ids.length ? await db.select({ id: delegates.id, fullName: delegates.fullName }).from(delegates).where(inArray(delegates.id, ids)).orderBy(asc(delegates.sortKey), asc(delegates.id)) : [];
  const present = new Set(roll?.present ?? []);
  const voted = new Set(roll?.voted ?? []);
  return {
    ...v,
    delegates: roll
      ? people.map((p) => {
        const mine = named.filter((n) => n.delegateId === p.id);
        return {
          delegateId: p.id,
          fullName: p.fullName,
          present: present.has(p.id),
          voted: v.method === 'show_of_hands' ? null : voted.has(p.id),
          choice: v.method === 'named' && v.kind === 'motion' ? (mine[0]?.choice ?? null) : null,
          choiceLabel: v.method === 'named' && v.kind === 'motion' && mine[0] ? CHOICE_LABELS[mine[0].choice as keyof typeof CHOICE_LABELS] : null,
          approved: v.method === 'named' && v.kind === 'election' ? mine.map((m) => m.candidateId) : null,
        };
      })
      : [],
  };
}

/** A session's votes, newest first. */
export async function sessionVotes(db: DbOrTx, councilId: string, sessionId: string, p: { page: number; pageSize: number }) {
  const where = and(eq(chamberVotes.councilId, councilId), eq(chamberVotes.sessionId, sessionId));
  const { items: rows, total } = await pageWithTotal(
    p,
    (total) => db.select({ ...getTableColumns(chamberVotes), total }).from(chamberVotes).where(where).orderBy(desc(chamberVotes.createdAt), desc(chamberVotes.id)),
    () => countWhere(db, chamberVotes, where),
  );
  return { items: await summaries(db, rows), total, page: p.page, pageSize: p.pageSize };
}

/** The live state of a session's votes (the first SSE message): the open vote, else the latest. */
export async function sessionVotesNow(db: DbOrTx, councilId: string, sessionId: string) {
  const rows = await db.select().from(chamberVotes).where(and(eq(chamberVotes.councilId, councilId), eq(chamberVotes.sessionId, sessionId)))
    .orderBy(sql`case when ${chamberVotes.state} = 'open' then 0 else 1 end`, desc(chamberVotes.createdAt), desc(chamberVotes.id)).limit(10);
  return { votes: await summaries(db, rows) };
}

/** The delegate's side: the session's recent votes and whether this delegate has voted in each. */
export async function myVotes(db: DbOrTx, councilId: string, sessionId: string, userId: string | null) {
  const d = await delegateOf(db, userId, councilId);
  const { votes } = await sessionVotesNow(db, councilId, sessionId);
  const mine = d && votes.length
    ? new Set((await db.select({ voteId: chamberVoteVoters.voteId }).from(chamberVoteVoters)
      .where(and(eq(chamberVoteVoters.delegateId, d.id), inArray(chamberVoteVoters.voteId, votes.map((v) => v.id))))).map((r) => r.voteId))
    : new Set<string>();
  return { delegate: d ? { id: d.id, fullName: d.fullName } : null, votes: votes.map((v) => ({ ...v, iVoted: mine.has(v.id) })) };
}

/**
 * A named vote by name, for the public pages: only a confirmed named motion of a council that
 * publishes its named votes (the profile's `chamber.publishNamedVotes`, in the rule set of the
 * vote's session); null otherwise. A secret vote is never published by name.
 */
export async function publicVoteByName(db: DbOrTx, voteId: string): Promise<{ delegateId: string; fullName: string; choice: string; choiceLabel: string }[] | null> {
  const [v] = await db.select({ method: chamberVotes.method, kind: chamberVotes.kind, state: chamberVotes.state, councilId: chamberVotes.councilId, ruleSetKey: councilSessions.ruleSetKey })
    .from(chamberVotes).innerJoin(councilSessions, eq(councilSessions.id, chamberVotes.sessionId)).where(eq(chamberVotes.id, voteId));
  if (!v || v.method !== 'named' || v.kind !== 'motion' || v.state !== 'confirmed') return null;
  if (!(await ruleSetOf(db, v.councilId, v.ruleSetKey)).profile.chamber.publishNamedVotes) return null;
  const rows = await db.select({ delegateId: chamberVoteNamedChoices.delegateId, fullName: delegates.fullName, choice: chamberVoteNamedChoices.choice })
    .from(chamberVoteNamedChoices).innerJoin(delegates, eq(delegates.id, chamberVoteNamedChoices.delegateId))
    .where(eq(chamberVoteNamedChoices.voteId, voteId)).orderBy(asc(delegates.sortKey), asc(delegates.id));
  return rows.map((r) => ({ ...r, choiceLabel: CHOICE_LABELS[r.choice as keyof typeof CHOICE_LABELS] ?? r.choice }));
}

/** Public: a council's confirmed votes, newest first, totals and result; named votes by name when the council publishes them. */
export async function publicVotes(db: DbOrTx, councilId: string, p: { page: number; pageSize: number }) {
  const where = and(eq(chamberVotes.councilId, councilId), eq(chamberVotes.state, 'confirmed'));
  const { items: rows, total } = await pageWithTotal(
    p,
    (total) => db.select({ ...getTableColumns(chamberVotes), total }).from(chamberVotes).where(where).orderBy(desc(chamberVotes.closedAt), desc(chamberVotes.id)),
    () => countWhere(db, chamberVotes, where),
  );
  const items = [];
  for (const v of await summaries(db, rows)) {
    const r = v.result as { counts?: Record<string, number>; reason?: string; outcome?: string; base?: number } | null;
    items.push({
      id: v.id, title: v.title, itemTitle: v.itemTitle, kind: v.kind, method: v.method, methodLabel: v.methodLabel,
      closedAt: v.closed?.at ?? null, confirmedAt: v.confirmed?.at ?? null,
      counts: r?.counts ? { for: r.counts['for'] ?? 0, against: r.counts['against'] ?? 0, abstain: r.counts['abstain'] ?? 0, total: r.base ?? 0 } : null,
      candidates: v.kind === 'election' ? v.candidates.map((c) => ({ name: c.name, votes: c.votes })) : [],
      outcome: r?.outcome ?? null, reason: r?.reason ?? null,
      byName: await publicVoteByName(db, v.id),
    });
  }
  return { items, total, page: p.page, pageSize: p.pageSize };
}
