// An agency returns a petition as outside its competence, with a reason: it goes back to the
// secretariat for re-routing (workflows §1 step 6), and the secretariat is notified.
import { petitionReturned } from '../followup.ts';
import { eq } from 'drizzle-orm';
import { conflict, notFound } from '../../../server/errors.ts';
import { recordEvent } from '../../audit/service.ts';
import { nextStatus, refusal, type PetitionStatus } from '../../../domain/petitions/status.ts';
import { agencies } from '../../directory/schema.ts';
import { out, today, type ActionCtx } from '../common.ts';
import type { Tx } from '../../../db/client.ts';
import { dispatchItems, petitions } from '../schema.ts';
import { notify } from '../../notifications/service.ts';

/**
 * The returned side of a return, shared by an agency's return and an upper council's
 * (returnToLower.ts): the pending dispatch item becomes 'returned' with the reason and the
 * petition takes the 'return' transition. The caller holds the row locks and records the events.
 */
export async function returnItem(
  tx: Tx,
  p: typeof petitions.$inferSelect,
  itemId: string,
  reason: string,
  day: string,
  also: Partial<typeof dispatchItems.$inferInsert> = {},
) {
  const status = nextStatus(p.status as PetitionStatus, 'return');
  if (!status) throw conflict(refusal(p.status as PetitionStatus, 'return'));
  const [item] = await tx
    .update(dispatchItems)
    .set({ state: 'returned', returnReason: reason, closedAt: new Date(), updatedAt: new Date(), ...also })
    .where(eq(dispatchItems.id, itemId))
    .returning();
  await tx.update(petitions).set({ status, version: p.version + 1, updatedAt: new Date() }).where(eq(petitions.id, p.id));
  await petitionReturned(tx, itemId, day);
  return { status, item: item! };
}

export async function returnPetition(ctx: ActionCtx, agencyId: string, itemId: string, input: { reason: string }) {
  return ctx.db.transaction(async (tx) => {
    const [item] = await tx.select().from(dispatchItems).where(eq(dispatchItems.id, itemId)).for('update');
    if (!item || item.agencyId !== agencyId) throw notFound('kiến nghị được chuyển đến cơ quan');
    if (item.state !== 'pending') throw conflict('Chỉ trả lại kiến nghị đang chờ trả lời.');
    const [p] = await tx.select().from(petitions).where(eq(petitions.id, item.petitionId)).for('update');
    const { status, item: after } = await returnItem(tx, p!, itemId, input.reason, today(ctx.now));
    const [a] = await tx.select().from(agencies).where(eq(agencies.id, agencyId));
    await recordEvent(tx, ctx.actor, {
      action: 'petition.return',
      entityType: 'petition',
      entityId: p!.id,
      councilId: p!.councilId,
      agencyId,
      before: { status: p!.status },
      after: { status, reason: input.reason, agencyName: a?.name ?? '', dispatchItemId: itemId },
    });
    await notify(tx, { councilId: p!.councilId }, {
      kind: 'petition.returned',
      title: `${a?.shortName || a?.name || 'Cơ quan'} trả lại kiến nghị số ${p!.number}`,
      body: `Lý do: ${input.reason}. Vui lòng chuyển kiến nghị đến cơ quan có thẩm quyền.`,
      link: `/councils/${p!.councilId}/petitions/${p!.id}`,
    });
    return out(after);
  });
}
