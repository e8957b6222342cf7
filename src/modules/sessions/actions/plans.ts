// The annual session plan (kế hoạch tổ chức các kỳ họp): one per council and year, adopted at a
// session, its resolution number recorded later.
import { and, eq } from 'drizzle-orm';
import { conflict, notFound } from '../../../server/errors.ts';
import { recordEvent } from '../../audit/service.ts';
import { out, sessionOf, type ActionCtx } from '../common.ts';
import { sessionPlans } from '../schema.ts';

export interface PlanInput { year?: number; adoptedAtSessionId?: string | null; resolutionNumber?: string; note?: string }

export async function createPlan(ctx: ActionCtx, councilId: string, input: PlanInput & { year: number }) {
  return ctx.db.transaction(async (tx) => {
    if (input.adoptedAtSessionId) await sessionOf(tx, councilId, input.adoptedAtSessionId);
    const [dup] = await tx.select({ id: sessionPlans.id }).from(sessionPlans).where(and(eq(sessionPlans.councilId, councilId), eq(sessionPlans.year, input.year)));
    if (dup) throw conflict(`Đã có kế hoạch tổ chức các kỳ họp năm ${input.year}.`);
    const [row] = await tx.insert(sessionPlans).values({
      councilId, year: input.year, adoptedAtSessionId: input.adoptedAtSessionId ?? null,
      resolutionNumber: input.resolutionNumber ?? '', note: input.note ?? '',
    }).returning();
    await recordEvent(tx, ctx.actor, { action: 'session_plan.create', entityType: 'session_plan', entityId: row!.id, councilId, after: row });
    return out(row!);
  });
}

export async function updatePlan(ctx: ActionCtx, councilId: string, planId: string, input: PlanInput) {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(sessionPlans).where(eq(sessionPlans.id, planId)).for('update');
    if (!before || before.councilId !== councilId) throw notFound('kế hoạch tổ chức các kỳ họp');
    if (input.adoptedAtSessionId) await sessionOf(tx, councilId, input.adoptedAtSessionId);
    const [row] = await tx.update(sessionPlans).set({
      ...(input.adoptedAtSessionId !== undefined ? { adoptedAtSessionId: input.adoptedAtSessionId } : {}),
      ...(input.resolutionNumber !== undefined ? { resolutionNumber: input.resolutionNumber } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      updatedAt: new Date(),
    }).where(eq(sessionPlans.id, planId)).returning();
    await recordEvent(tx, ctx.actor, { action: 'session_plan.update', entityType: 'session_plan', entityId: planId, councilId, before, after: row });
    return out(row!);
  });
}
