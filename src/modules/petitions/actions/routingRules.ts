// Routing rules (field × level × unit → agency), editable by the secretariat: the agency suggested
// when an opinion is classified.
import { eq, sql } from 'drizzle-orm';
import { invalid, notFound } from '../../../server/errors.ts';
import { deleteAudited, insertAudited } from '../../audit/service.ts';
import { adminUnits, agencies } from '../../directory/schema.ts';
import { out, type ActionCtx, type PageRequest } from '../common.ts';
import { countWhere, pageWithTotal } from '../../../db/paging.ts';
import { petitionFields, routingRules } from '../schema.ts';
import { checkClassification } from './classifyOpinions.ts';

export interface RoutingRuleInput {
  fieldId?: string | null;
  competentLevel?: string | null;
  unitId?: string | null;
  agencyId: string;
  note?: string;
}

export async function createRoutingRule(ctx: ActionCtx, councilId: string, input: RoutingRuleInput) {
  if (!input.fieldId && !input.competentLevel && !input.unitId) throw invalid('Quy tắc cần ít nhất một điều kiện: lĩnh vực, cấp thẩm quyền hoặc địa bàn.');
  return ctx.db.transaction(async (tx) => {
    await checkClassification(tx, councilId, { fieldId: input.fieldId, competentLevel: input.competentLevel });
    const [a] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, input.agencyId));
    if (!a) throw notFound('cơ quan');
    if (input.unitId) {
      const [u] = await tx.select({ id: adminUnits.id }).from(adminUnits).where(eq(adminUnits.id, input.unitId));
      if (!u) throw notFound('đơn vị hành chính');
    }
    return out(
      await insertAudited(tx, ctx.actor, routingRules, { ...input, note: input.note ?? '', councilId }, {
        entityType: 'routing_rule',
        action: 'routing_rule.create',
        councilId,
      }),
    );
  });
}

export async function deleteRoutingRule(ctx: ActionCtx, councilId: string, ruleId: string) {
  return ctx.db.transaction(async (tx) => {
    const [r] = await tx.select().from(routingRules).where(eq(routingRules.id, ruleId));
    if (!r || r.councilId !== councilId) throw notFound('quy tắc chuyển kiến nghị');
    await deleteAudited(tx, ctx.actor, routingRules, ruleId, { entityType: 'routing_rule', action: 'routing_rule.delete', councilId });
    return { ok: true as const };
  });
}

export async function listRoutingRules(db: ActionCtx['db'], councilId: string, p: PageRequest) {
  const where = eq(routingRules.councilId, councilId);
  return pageWithTotal(
    p,
    // With the names the page shows (an id means nothing to the secretariat).
    (total) =>
      db
          .select({ r: routingRules, fieldName: petitionFields.name, unitName: adminUnits.name, agencyName: agencies.name, total })
          .from(routingRules)
          .leftJoin(petitionFields, eq(petitionFields.id, routingRules.fieldId))
          .leftJoin(adminUnits, eq(adminUnits.id, routingRules.unitId))
          .leftJoin(agencies, eq(agencies.id, routingRules.agencyId))
          .where(where)
          .orderBy(routingRules.createdAt, routingRules.id),
    () => countWhere(db, routingRules, where),
    ({ r, ...names }) => ({ ...out(r), ...names }),
  );
}
