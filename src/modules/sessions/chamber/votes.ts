// Votes in the chamber (issue #12): create, open, cast, close (the roll frozen, the result computed
// by domain votes.ts), confirm, annul (with a reason, optionally repeated). Each action is one
// transaction and one audit event, then one live publication (src/server/live.ts) after commit.
// Secret ballots: the voter row and the counter update are written in the same transaction but in
// different tables, with nothing shared but the vote id (votesSchema.ts; docs/architecture.md).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { badRequest, conflict, invalid, notFound } from '../../../server/errors.ts';
import { liveHub, publish } from '../../../server/live.ts';
import { recordEvent } from '../../audit/service.ts';
import {
  annulReason, checkElectionBallot, computeElection, computeVoteResult, voteRuleInForce, voteTransition,
  type Choice, type VoteAction, type VoteFigures, type VoteMethod, type VoteRule, type VoteState,
} from '../../../domain/sessions/votes.ts';
import { effectiveAttendance } from '../../../domain/sessions/floor.ts';
import { itemOf, ruleError, sessionOf, today, type ActionCtx, type DbOrTx } from '../common.ts';
import { delegateOf } from '../portal/actions.ts';
import { rollNow, toSnapshot } from './roll.ts';
import { chamberAttendance } from './attendanceSchema.ts';
import { chamberVoteCandidates, chamberVoteNamedChoices, chamberVoteTallies, chamberVoteVoters, chamberVotes } from './votesSchema.ts';
import { votePublic } from './votesQueries.ts';

export const MOTION_OPTIONS: readonly Choice[] = ['for', 'against', 'abstain'];
const BALLOTS = 'ballots';

const STATE_WORDS: Record<string, string> = {
  planned: 'mới ở bước chuẩn bị', convened: 'đã triệu tập nhưng chưa khai mạc', postponed: 'đã hoãn', closed: 'đã bế mạc',
};
/** Vietnamese: why a vote cannot be opened in a session in state `state`. */
export const notInProgress = (title: string, state: string) =>
  `Chỉ bắt đầu biểu quyết khi kỳ họp đang diễn ra: ${title} ${STATE_WORDS[state] ?? 'chưa diễn ra'}. Hãy khai mạc kỳ họp trước.`;

/** The live channel of a session's votes (the projector, the chair's and delegates' screens). */
export const votesChannel = (sessionId: string) => `session:${sessionId}:votes`;

export type CreateVoteInput = {
  kind: 'motion' | 'election';
  title: string;
  itemId?: string | null;
  method: VoteMethod;
  ruleKey?: string;
  seatsToFill?: number;
  candidates?: { name: string; delegateId?: string | null; note?: string }[];
};

async function voteOf(db: DbOrTx, councilId: string, voteId: string, lock?: 'update' | 'share') {
  const q = db.select().from(chamberVotes).where(eq(chamberVotes.id, voteId));
  const [v] = lock ? await q.for(lock) : await q;
  if (!v || v.councilId !== councilId) throw notFound('lượt biểu quyết');
  return v;
}

function step(state: string, action: VoteAction): VoteState {
  try {
    return voteTransition(state as VoteState, action);
  } catch (err) {
    return ruleError(err);
  }
}

async function announce(ctx: ActionCtx, councilId: string, voteId: string) {
  const v = await votePublic(ctx.db, councilId, voteId);
  await publish(ctx.db, votesChannel(v.sessionId), { type: 'vote', vote: v });
  return v;
}

/** The secretariat prepares a vote on an agenda item (or an election from a candidate list). */
export async function createVote(ctx: ActionCtx, councilId: string, sessionId: string, input: CreateVoteInput, opts: { repeatOf?: string } = {}) {
  const created = await ctx.db.transaction(async (tx) => {
    const s = await sessionOf(tx, councilId, sessionId);
    if (s.state === 'closed') throw conflict(`${s.title} đã bế mạc; không thể tạo lượt biểu quyết mới.`);
    return insertVote(tx, ctx, councilId, s.id, input, opts.repeatOf ?? null);
  });
  await announce(ctx, councilId, created.id);
  return votePublic(ctx.db, councilId, created.id);
}

async function insertVote(tx: DbOrTx, ctx: ActionCtx, councilId: string, sessionId: string, input: CreateVoteInput, repeatOf: string | null) {
  if (input.itemId) {
    const item = await itemOf(tx, councilId, input.itemId);
    if (item.sessionId !== sessionId) throw invalid('Nội dung được biểu quyết không thuộc kỳ họp này.');
  }
  const election = input.kind === 'election';
  const ruleKey = input.ruleKey ?? (election ? 'election' : 'resolution');
  let rule: VoteRule;
  try {
    rule = voteRuleInForce(ruleKey, today(ctx.now));
  } catch (err) {
    return ruleError(err);
  }
  if (election) {
    if (input.method !== 'secret') throw invalid('Bầu chức danh tại kỳ họp phải bằng hình thức bỏ phiếu kín.');
    if (!input.candidates?.length) throw invalid('Danh sách ứng cử viên không được trống.');
    const seats = input.seatsToFill ?? 1;
    if (!Number.isInteger(seats) || seats < 1 || seats > input.candidates.length) throw invalid('Số chức danh cần bầu phải từ 1 đến số ứng cử viên.');
  } else if (input.candidates?.length) throw invalid('Chỉ lượt bầu chức danh mới có danh sách ứng cử viên.');
  const [v] = await tx.insert(chamberVotes).values({
    councilId, sessionId, itemId: input.itemId ?? null, kind: input.kind, title: input.title.normalize('NFC').trim(),
    method: input.method, ruleKey: rule.key, rule, seatsToFill: election ? (input.seatsToFill ?? 1) : null,
    repeatOf, createdBy: ctx.actor.id, createdAt: ctx.now,
  }).returning();
  if (election) {
    await tx.insert(chamberVoteCandidates).values(input.candidates!.map((c, i) => ({
      voteId: v!.id, position: i + 1, name: c.name.normalize('NFC').trim(), delegateId: c.delegateId ?? null, note: c.note ?? '',
    })));
  }
  await recordEvent(tx, ctx.actor, {
    action: 'chamber_vote.create', entityType: 'chamber_vote', entityId: v!.id, councilId,
    after: { title: v!.title, kind: v!.kind, method: v!.method, ruleKey: v!.ruleKey, ruleSource: rule.source, itemId: v!.itemId, repeatOf },
  });
  return v!;
}

/** Opens the vote: delegates may now vote (secret: the option counters are created at zero). */
export async function openVote(ctx: ActionCtx, councilId: string, voteId: string) {
  await ctx.db.transaction(async (tx) => {
    const v = await voteOf(tx, councilId, voteId, 'update');
    const state = step(v.state, 'open');
    const s = await sessionOf(tx, councilId, v.sessionId);
    // Delegates vote in a sitting: only a session in progress (opened, not yet closed) takes votes.
    if (s.state !== 'inProgress') throw badRequest(notInProgress(s.title, s.state));
    const [other] = await tx.select({ id: chamberVotes.id, title: chamberVotes.title }).from(chamberVotes)
      .where(and(eq(chamberVotes.sessionId, v.sessionId), eq(chamberVotes.state, 'open')));
    if (other) throw conflict(`Đang có lượt biểu quyết khác chưa kết thúc: "${other.title}".`);
    if (v.method === 'secret') {
      const options = v.kind === 'election'
        ? [BALLOTS, ...(await tx.select({ id: chamberVoteCandidates.id }).from(chamberVoteCandidates).where(eq(chamberVoteCandidates.voteId, v.id)).orderBy(asc(chamberVoteCandidates.position))).map((c) => c.id)]
        : [...MOTION_OPTIONS];
      await tx.insert(chamberVoteTallies).values(options.map((option) => ({ voteId: v.id, option, count: 0 })));
    }
    await tx.update(chamberVotes).set({ state, openedBy: ctx.actor.id, openedAt: ctx.now, version: v.version + 1 }).where(eq(chamberVotes.id, v.id));
    await recordEvent(tx, ctx.actor, { action: 'chamber_vote.open', entityType: 'chamber_vote', entityId: v.id, councilId, before: { state: v.state }, after: { state } });
  });
  return announce(ctx, councilId, voteId);
}

export type CastInput = { choice?: Choice; approve?: string[]; idempotencyKey: string; channel?: 'phone' | 'tablet' };

/**
 * A delegate votes (from their phone or the chamber's tablet). Once only: a second submission is
 * refused (409); the same submission retried (same idempotency key) is answered again and counted
 * once. A secret ballot's answer carries no choice.
 */
export async function castBallot(ctx: ActionCtx, councilId: string, voteId: string, input: CastInput, opts: { asDelegate?: string } = {}) {
  const result = await ctx.db.transaction(async (tx) => {
    // Share lock: ballots go in side by side; closing (update lock) waits for them.
    const v = await voteOf(tx, councilId, voteId, 'share');
    if (v.state !== 'open') throw conflict(v.state === 'created' ? 'Lượt biểu quyết chưa bắt đầu.' : 'Lượt biểu quyết đã kết thúc; không thể biểu quyết nữa.');
    if (v.method === 'show_of_hands') throw conflict('Lượt biểu quyết này bằng hình thức giơ tay: Văn phòng nhập kết quả, không biểu quyết trên thiết bị.');
    // `asDelegate`: the demo data casts for delegates who have no account (never reachable over HTTP).
    const d = opts.asDelegate ? { id: opts.asDelegate } : await delegateOf(tx, ctx.actor.id, councilId);
    if (!d) throw conflict('Tài khoản của bạn chưa được gắn với một đại biểu của HĐND này; không thể biểu quyết.');
    // Only a delegate checked in (in the room or online) votes: the roll at close counts them present.
    const marks = await tx.select({ delegateId: chamberAttendance.delegateId, itemId: chamberAttendance.itemId, status: chamberAttendance.status, reason: chamberAttendance.reason })
      .from(chamberAttendance).where(and(eq(chamberAttendance.sessionId, v.sessionId), eq(chamberAttendance.delegateId, d.id)));
    const mark = effectiveAttendance(marks.map((m) => ({ ...m, status: m.status as 'present' | 'online' | 'absent' })), v.itemId).get(d.id);
    if (!mark || mark.status === 'absent') throw conflict('Bạn chưa được điểm danh có mặt (tại hội trường hoặc trực tuyến) nên chưa thể biểu quyết. Hãy liên hệ Văn phòng.');
    // Validate the ballot before anything is written.
    let approve: string[] = [];
    if (v.kind === 'election') {
      const ids = (await tx.select({ id: chamberVoteCandidates.id }).from(chamberVoteCandidates).where(eq(chamberVoteCandidates.voteId, v.id))).map((c) => c.id);
      approve = input.approve ?? [];
      try {
        checkElectionBallot(approve, ids, v.seatsToFill ?? 1);
      } catch (err) {
        ruleError(err);
      }
    } else if (!input.choice || !MOTION_OPTIONS.includes(input.choice)) throw invalid('Hãy chọn Tán thành, Không tán thành hoặc Không biểu quyết.');
    const [inserted] = await tx.insert(chamberVoteVoters)
      .values({ voteId: v.id, delegateId: d.id, idempotencyKey: input.idempotencyKey, channel: input.channel ?? 'phone', votedAt: ctx.now })
      .onConflictDoNothing().returning({ delegateId: chamberVoteVoters.delegateId });
    if (!inserted) {
      const [before] = await tx.select({ key: chamberVoteVoters.idempotencyKey }).from(chamberVoteVoters)
        .where(and(eq(chamberVoteVoters.voteId, v.id), eq(chamberVoteVoters.delegateId, d.id)));
      if (before?.key === input.idempotencyKey) return { voteId: v.id, counted: true, repeated: true, sessionId: v.sessionId };
      throw conflict('Bạn đã biểu quyết trong lượt này; mỗi đại biểu chỉ biểu quyết một lần.');
    }
    if (v.method === 'named') {
      if (v.kind === 'election') {
        if (approve.length) await tx.insert(chamberVoteNamedChoices).values(approve.map((candidateId) => ({ voteId: v.id, delegateId: d.id, choice: 'approve', candidateId })));
      } else await tx.insert(chamberVoteNamedChoices).values({ voteId: v.id, delegateId: d.id, choice: input.choice! });
    }
    // The audit event names the voter, never a secret choice.
    await recordEvent(tx, ctx.actor, {
      action: 'chamber_vote.cast', entityType: 'chamber_vote', entityId: v.id, councilId,
      after: v.method === 'secret' ? { delegateId: d.id, channel: input.channel ?? 'phone' } : { delegateId: d.id, channel: input.channel ?? 'phone', choice: input.choice ?? null, approve },
    });
    // Secret: the counters, one row per option, every ballot adding 1 in place. Updated last, so
    // that the row lock every concurrent ballot waits for is held only until COMMIT; the count is
    // incremental (never a recount) and exact under concurrency (the row lock orders the +1s).
    if (v.method === 'secret') {
      const options = v.kind === 'election' ? [BALLOTS, ...approve] : [input.choice!];
      await tx.update(chamberVoteTallies).set({ count: sql`${chamberVoteTallies.count} + 1` })
        .where(and(eq(chamberVoteTallies.voteId, v.id), inArray(chamberVoteTallies.option, options)));
    }
    return { voteId: v.id, counted: true, repeated: false, sessionId: v.sessionId };
  });
  if (!result.repeated) await announceTurnout(ctx, councilId, voteId, result.sessionId);
  return { voteId: result.voteId, counted: result.counted, repeated: result.repeated };
}

/**
 * Turnout messages of a vote are sent at most this often (trailing): 500 ballots need not be 500
 * screen updates. The interval grows with the screens this process serves (2 ms per screen,
 * between 200 ms and 1 s), so that the fan-out of the turnout costs a bounded share of the
 * process however many screens follow the vote: measured with 500 ballots and 500 screens on
 * PGlite, a fixed 200 ms spent more time writing turnout to screens than counting ballots
 * (bench/chamberVotes.ts, BENCH_CPU_PROFILE). The final result is never throttled.
 */
const turnoutEveryMs = (screens: number) => Math.min(1000, Math.max(200, screens * 2));
const turnoutTimers = new Map<string, { pending: boolean }>();

/**
 * While a vote is open only the turnout is live (never running counts: they would link voters and
 * choices in time), throttled per vote in this process.
 */
async function announceTurnout(ctx: ActionCtx, councilId: string, voteId: string, sessionId: string) {
  const t = turnoutTimers.get(voteId);
  if (t) {
    t.pending = true;
    return;
  }
  const state = { pending: false };
  turnoutTimers.set(voteId, state);
  const send = async () => {
    const [r] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(chamberVoteVoters).where(eq(chamberVoteVoters.voteId, voteId));
    await publish(ctx.db, votesChannel(sessionId), { type: 'turnout', voteId, voted: r?.n ?? 0 });
  };
  const tick = () => {
    if (!state.pending) {
      turnoutTimers.delete(voteId);
      return;
    }
    state.pending = false;
    send().catch(() => {}).finally(() => setTimeout(tick, turnoutEveryMs(liveHub(ctx.db).size)).unref?.());
  };
  try {
    await send();
  } finally {
    setTimeout(tick, turnoutEveryMs(liveHub(ctx.db).size)).unref?.();
  }
}

export type CloseInput = { for?: number; against?: number; abstain?: number };

/**
 * Closes the vote: the roll now is frozen with who voted, the figures are counted (a show of hands:
 * the secretariat's figures; secret: the counters, which are then deleted), and the result is
 * computed by domain votes.ts under the rule kept with the vote.
 */
export async function closeVote(ctx: ActionCtx, councilId: string, voteId: string, input: CloseInput = {}) {
  await ctx.db.transaction(async (tx) => {
    const v = await voteOf(tx, councilId, voteId, 'update');
    const state = step(v.state, 'close');
    const roll = await rollNow(tx, v.sessionId, v.itemId ?? undefined);
    const voters = (await tx.select({ id: chamberVoteVoters.delegateId }).from(chamberVoteVoters).where(eq(chamberVoteVoters.voteId, v.id))).map((r) => r.id).sort();
    const snapshot = toSnapshot(roll);
    // A delegate who voted was present when voting, even if marked out since.
    snapshot.present = [...new Set([...snapshot.present, ...voters.filter((id) => snapshot.entitled.includes(id))])].sort();
    if (v.method !== 'show_of_hands') snapshot.voted = voters;
    const rule = v.rule as VoteRule;
    const dates = { termEndsOn: roll.termEndsOn, closedOn: today(ctx.now), totalMeans: roll.totalMeans };
    let figures: unknown;
    let result: unknown;
    try {
      if (v.kind === 'election') {
        const cands = await tx.select().from(chamberVoteCandidates).where(eq(chamberVoteCandidates.voteId, v.id)).orderBy(asc(chamberVoteCandidates.position));
        const counts = await optionCounts(tx, v.id, v.method);
        const candidates = cands.map((c) => ({ id: c.id, name: c.name, votes: counts.get(c.id) ?? 0 }));
        figures = { method: v.method, ballots: v.method === 'secret' ? (counts.get(BALLOTS) ?? 0) : voters.length, candidates };
        result = computeElection(rule, snapshot, { seatsToFill: v.seatsToFill ?? 1, candidates }, dates);
      } else {
        let f: VoteFigures;
        if (v.method === 'show_of_hands') {
          if (input.for === undefined || input.against === undefined || input.abstain === undefined) throw invalid('Biểu quyết giơ tay: hãy nhập số tán thành, không tán thành và không biểu quyết.');
          f = { method: 'show_of_hands', for: input.for, against: input.against, abstain: input.abstain };
        } else if (v.method === 'secret') {
          const counts = await optionCounts(tx, v.id, 'secret');
          f = { method: 'secret', for: counts.get('for') ?? 0, against: counts.get('against') ?? 0, abstain: counts.get('abstain') ?? 0 };
        } else {
          const rows = await tx.select().from(chamberVoteNamedChoices).where(eq(chamberVoteNamedChoices.voteId, v.id)).orderBy(asc(chamberVoteNamedChoices.delegateId));
          f = { method: 'named', choices: rows.map((r) => ({ delegateId: r.delegateId, choice: r.choice as Choice })) };
        }
        figures = f;
        result = computeVoteResult(rule, snapshot, f, dates);
      }
    } catch (err) {
      return ruleError(err);
    }
    // The counters go: the totals now live in `figures`; no surviving row keeps an update order.
    if (v.method === 'secret') await tx.delete(chamberVoteTallies).where(eq(chamberVoteTallies.voteId, v.id));
    const rollKept = { ...snapshot, seatsSource: roll.seatsSource, seatsExplanation: roll.seatsExplanation, termEndsOn: roll.termEndsOn, totalMeans: roll.totalMeans, inRoom: roll.inRoom, online: roll.online };
    await tx.update(chamberVotes).set({ state, closedBy: ctx.actor.id, closedAt: ctx.now, roll: rollKept, figures, result, version: v.version + 1 }).where(eq(chamberVotes.id, v.id));
    const r = result as { outcome?: string; elected?: string[]; reason: string };
    await recordEvent(tx, ctx.actor, {
      action: 'chamber_vote.close', entityType: 'chamber_vote', entityId: v.id, councilId,
      before: { state: v.state }, after: { state, reason: r.reason, present: snapshot.present.length, voted: snapshot.voted?.length ?? null },
    });
  });
  return announce(ctx, councilId, voteId);
}

async function optionCounts(tx: DbOrTx, voteId: string, method: string): Promise<Map<string, number>> {
  if (method === 'secret') {
    const rows = await tx.select().from(chamberVoteTallies).where(eq(chamberVoteTallies.voteId, voteId));
    return new Map(rows.map((r) => [r.option, r.count]));
  }
  const rows = await tx.select({ option: chamberVoteNamedChoices.candidateId, n: sql<number>`count(*)::int` }).from(chamberVoteNamedChoices)
    .where(eq(chamberVoteNamedChoices.voteId, voteId)).groupBy(chamberVoteNamedChoices.candidateId);
  return new Map(rows.map((r) => [r.option ?? '', r.n]));
}

/** The chair confirms the announced result. */
export async function confirmVote(ctx: ActionCtx, councilId: string, voteId: string) {
  await ctx.db.transaction(async (tx) => {
    const v = await voteOf(tx, councilId, voteId, 'update');
    const state = step(v.state, 'confirm');
    await tx.update(chamberVotes).set({ state, confirmedBy: ctx.actor.id, confirmedAt: ctx.now, version: v.version + 1 }).where(eq(chamberVotes.id, v.id));
    await recordEvent(tx, ctx.actor, { action: 'chamber_vote.confirm', entityType: 'chamber_vote', entityId: v.id, councilId, before: { state: v.state }, after: { state, reason: (v.result as { reason?: string } | null)?.reason ?? null } });
  });
  return announce(ctx, councilId, voteId);
}

/**
 * Annuls a mistaken vote with its reason (kept, with the annulled result); `repeat` creates the
 * new vote with the same question, method and rule, linked to the annulled one.
 */
export async function annulVote(ctx: ActionCtx, councilId: string, voteId: string, input: { reason: string; repeat?: boolean }) {
  let reason: string;
  try {
    reason = annulReason(input.reason);
  } catch (err) {
    return ruleError(err);
  }
  const repeatId = await ctx.db.transaction(async (tx) => {
    const v = await voteOf(tx, councilId, voteId, 'update');
    const state = step(v.state, 'annul');
    if (v.state === 'open' && v.method === 'secret') await tx.delete(chamberVoteTallies).where(eq(chamberVoteTallies.voteId, v.id));
    await tx.update(chamberVotes).set({ state, annulledBy: ctx.actor.id, annulledAt: ctx.now, annulReason: reason, version: v.version + 1 }).where(eq(chamberVotes.id, v.id));
    let repeat: string | null = null;
    if (input.repeat) {
      const candidates = v.kind === 'election'
        ? (await tx.select().from(chamberVoteCandidates).where(eq(chamberVoteCandidates.voteId, v.id)).orderBy(asc(chamberVoteCandidates.position))).map((c) => ({ name: c.name, delegateId: c.delegateId, note: c.note }))
        : undefined;
      const s = await sessionOf(tx, councilId, v.sessionId);
      if (s.state === 'closed') throw conflict(`${s.title} đã bế mạc; không thể biểu quyết lại.`);
      const r = await insertVote(tx, ctx, councilId, v.sessionId, {
        kind: v.kind as 'motion' | 'election', title: v.title, itemId: v.itemId, method: v.method as VoteMethod, ruleKey: v.ruleKey, seatsToFill: v.seatsToFill ?? undefined, candidates,
      }, v.id);
      repeat = r.id;
    }
    await recordEvent(tx, ctx.actor, {
      action: 'chamber_vote.annul', entityType: 'chamber_vote', entityId: v.id, councilId,
      before: { state: v.state, reason: (v.result as { reason?: string } | null)?.reason ?? null }, after: { state, annulReason: reason, repeatId: repeat },
    });
    return repeat;
  });
  const annulled = await announce(ctx, councilId, voteId);
  if (repeatId) await announce(ctx, councilId, repeatId);
  return { annulled, repeat: repeatId ? await votePublic(ctx.db, councilId, repeatId) : null };
}
