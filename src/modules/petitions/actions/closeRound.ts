// Close a round; optionally carry its outstanding petitions over to the next round in the same
// transaction (the usual end of a round, workflows §1 step 8).
import { recordEvent } from '../../audit/service.ts';
import { conflict } from '../../../server/errors.ts';
import { out, roundOf, type ActionCtx } from '../common.ts';
import { petitionRounds } from '../schema.ts';
import { carryOverIn } from './carryOver.ts';
import { eq } from 'drizzle-orm';

export async function closeRound(ctx: ActionCtx, councilId: string, roundId: string, input: { carryOverTo?: string | null }) {
  return ctx.db.transaction(async (tx) => {
    const r = await roundOf(tx, councilId, roundId);
    if (r.status === 'closed') throw conflict(`Đợt "${r.name}" đã kết thúc trước đó.`);
    let carried: string[] = [];
    if (input.carryOverTo) {
      const to = await roundOf(tx, councilId, input.carryOverTo, { open: true });
      carried = await carryOverIn(tx, ctx.actor, r, to);
    }
    const [after] = await tx
      .update(petitionRounds)
      .set({ status: 'closed', closedAt: ctx.now, updatedAt: new Date() })
      .where(eq(petitionRounds.id, roundId))
      .returning();
    await recordEvent(tx, ctx.actor, {
      action: 'petition_round.close',
      entityType: 'petition_round',
      entityId: roundId,
      councilId,
      before: r,
      after: { ...after, carriedOver: carried.length },
    });
    return { ...out(after!), carriedOver: carried.length };
  });
}
