// Per-council petition policy (deadline rules and due-soon / long-overdue thresholds), as data.
import { eq } from 'drizzle-orm';
import { recordEvent } from '../../audit/service.ts';
import { invalidate } from '../../../db/cache.ts';
import { withDefaults, type PetitionSettings } from '../../../domain/petitions/deadlines.ts';
import { councilRow, loadSettings, type ActionCtx } from '../common.ts';
import { petitionSettings } from '../schema.ts';

export async function updatePetitionSettings(ctx: ActionCtx, councilId: string, input: Partial<PetitionSettings>) {
  return ctx.db.transaction(async (tx) => {
    await councilRow(tx, councilId);
    const before = await loadSettings(tx, councilId);
    const after = withDefaults({ deadlines: { ...before.deadlines, ...(input.deadlines ?? {}) }, thresholds: { ...before.thresholds, ...(input.thresholds ?? {}) } });
    const [existing] = await tx.select().from(petitionSettings).where(eq(petitionSettings.councilId, councilId)).for('update');
    if (existing) await tx.update(petitionSettings).set({ settings: after, updatedAt: new Date() }).where(eq(petitionSettings.councilId, councilId));
    else await tx.insert(petitionSettings).values({ councilId, settings: after });
    await invalidate(tx, 'settings');
    await recordEvent(tx, ctx.actor, { action: 'petition_settings.update', entityType: 'petition_settings', entityId: councilId, councilId, before, after });
    return after;
  });
}
