// Demo data (issue #12): in Sa Huỳnh's session being prepared, a closed and confirmed named vote on
// the budget resolution draft and a closed secret vote, with the ward's delegates checked in. The
// ballots are cast through the same action as a delegate's phone.
import { and, asc, eq, ne } from 'drizzle-orm';
import type { SeedContext } from '../../../server/module.ts';
import { SYSTEM_ACTOR } from '../../audit/service.ts';
import { users } from '../../accounts/schema.ts';
import { delegates } from '../../directory/schema.ts';
import { councilSessions, sessionItems } from '../schema.ts';
import { bulkCheckIn } from './attendance.ts';
import { rollNow } from './roll.ts';
import { castBallot, closeVote, confirmVote, createVote, openVote } from './votes.ts';
import type { Choice } from '../../../domain/sessions/votes.ts';

export async function seedVotes(ctx: SeedContext): Promise<void> {
  const councilId = ctx.ids.get('council:sa-huynh');
  if (!councilId) return;
  const [s] = await ctx.db.select().from(councilSessions).where(and(eq(councilSessions.councilId, councilId), ne(councilSessions.state, 'closed'))).orderBy(asc(councilSessions.openingDate)).limit(1);
  if (!s) return;
  const items = await ctx.db.select().from(sessionItems).where(eq(sessionItems.sessionId, s.id)).orderBy(asc(sessionItems.position));
  const ds = await ctx.db.select({ id: delegates.id }).from(delegates).where(and(eq(delegates.councilId, councilId), eq(delegates.status, 'active'))).orderBy(asc(delegates.sortKey), asc(delegates.id));
  const actorOf = async (username: string) => {
    const [u] = await ctx.db.select({ id: users.id, fullName: users.fullName }).from(users).where(eq(users.username, username));
    return u ? { id: u.id, name: u.fullName } : SYSTEM_ACTOR;
  };
  const vp = { db: ctx.db, actor: await actorOf('vp.sahuynh'), now: ctx.today };
  const chair = { ...vp, actor: await actorOf('tt.sahuynh') };
  // Who the floor's demo attendance has present (in the room or online); when it has none, all but
  // two are checked in through the floor's action.
  let present = (await rollNow(ctx.db, s.id)).present;
  if (!present.length && ds.length > 2 && s.state !== 'planned') {
    await bulkCheckIn(vp, councilId, s.id, { status: 'present', delegateIds: ds.slice(0, ds.length - 2).map((d) => d.id) } as never);
    present = (await rollNow(ctx.db, s.id)).present;
  }
  if (!present.length) return;
  // Votes are opened only in a session in progress: the demo shows the votes as they will be taken
  // at the sitting, so the session stands in progress while they are written (directly, like the
  // floor's demo attendance), and returns to its state afterwards.
  const stateBefore = s.state;
  await ctx.db.update(councilSessions).set({ state: 'inProgress' }).where(eq(councilSessions.id, s.id));
  try {
    await demoVotes(ctx, councilId, s.id, items, present, vp, chair);
  } finally {
    await ctx.db.update(councilSessions).set({ state: stateBefore }).where(eq(councilSessions.id, s.id));
  }
}

type Ctx = { db: SeedContext['db']; actor: { id: string | null; name: string }; now: Date };

async function demoVotes(ctx: SeedContext, councilId: string, sessionId: string, items: (typeof sessionItems.$inferSelect)[], present: string[], vp: Ctx, chair: Ctx) {
  const s = { id: sessionId };
  const pick = (i: number): Choice => (i % 7 === 6 ? 'against' : i % 11 === 10 ? 'abstain' : 'for');
  const budget = items[0];
  const named = await createVote(vp, councilId, s.id, { kind: 'motion', title: `Thông qua ${budget ? budget.title.replace(/^Tờ trình về /, 'Nghị quyết về ') : 'nghị quyết về dự toán ngân sách năm 2027'}`, itemId: budget?.id ?? null, method: 'named', ruleKey: 'resolution' });
  await openVote(vp, councilId, named.id);
  for (const [i, d] of present.entries()) await castBallot(vp, councilId, named.id, { choice: pick(i), idempotencyKey: `demo-${named.id}-${i}`, channel: i % 2 ? 'tablet' : 'phone' }, { asDelegate: d });
  await closeVote(vp, councilId, named.id);
  await confirmVote(chair, councilId, named.id);
  ctx.ids.set('chamberVote:sa-huynh:named', named.id);

  const secret = await createVote(vp, councilId, s.id, { kind: 'motion', title: 'Biểu quyết kín về việc đề nghị xem xét trách nhiệm người đứng đầu cơ quan chậm trình tài liệu', itemId: items[1]?.id ?? null, method: 'secret', ruleKey: 'resolution' });
  await openVote(vp, councilId, secret.id);
  for (const [i, d] of present.entries()) await castBallot(vp, councilId, secret.id, { choice: i % 3 === 0 ? 'for' : i % 3 === 1 ? 'against' : 'abstain', idempotencyKey: `demo-${secret.id}-${i}` }, { asDelegate: d });
  await closeVote(vp, councilId, secret.id);
  ctx.ids.set('chamberVote:sa-huynh:secret', secret.id);
}
