// A petition's timeline: everything that happened to it, read from the append-only audit log —
// the petition's own events, those of its opinions, present and past (intake — one event per
// opinion, or the import that named it —, classification, merge, and the history of an opinion
// later taken out), and the
// history of the linked petitions at the upper and lower levels (a petition sent up to the
// province shows what the province did with it).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { auditEvents } from '../../audit/schema.ts';
import { councils } from '../../directory/schema.ts';
import { petitionOf } from '../common.ts';
import { dispatchItems, opinions } from '../schema.ts';
import { actionLabel } from '../../../domain/audit/labels.ts';


/** Petitions linked to `id` across levels (upper via the dispatched opinion; lower via sources). */
async function linked(db: Db, id: string): Promise<Map<string, 'this' | 'upper' | 'lower'>> {
  const seen = new Map<string, 'this' | 'upper' | 'lower'>([[id, 'this']]);
  let up = [id];
  for (let i = 0; i < 5 && up.length; i++) {
    const rows = await db
      .select({ pid: opinions.petitionId })
      .from(dispatchItems)
      .innerJoin(opinions, eq(opinions.id, dispatchItems.upperOpinionId))
      .where(inArray(dispatchItems.petitionId, up));
    up = rows.map((r) => r.pid).filter((x): x is string => !!x && !seen.has(x));
    up.forEach((x) => seen.set(x, 'upper'));
  }
  let down = [id];
  for (let i = 0; i < 5 && down.length; i++) {
    const rows = await db.select({ pid: opinions.sourcePetitionId }).from(opinions).where(inArray(opinions.petitionId, down));
    down = rows.map((r) => r.pid).filter((x): x is string => !!x && !seen.has(x));
    down.forEach((x) => seen.set(x, 'lower'));
  }
  return seen;
}

/** Keys of an event's after/before worth showing; never personal data or internal keys. */
function details(e: { before: unknown; after: unknown }) {
  const pick = (o: unknown) => {
    if (!o || typeof o !== 'object') return null;
    const keep = ['status', 'result', 'text', 'reason', 'letterNumber', 'letterDate', 'dueDate', 'targetName', 'roundName', 'verdict', 'comment', 'fieldId', 'competentLevel', 'agencyId', 'agencyName', 'committedDate', 'roadmap', 'opinionIds', 'fileName'];
    const src = o as Record<string, unknown>;
    const flat: Record<string, unknown> = { ...src, ...((src.response as object) ?? {}), ...((src.review as object) ?? {}) };
    return Object.fromEntries(keep.filter((k) => flat[k] !== undefined && flat[k] !== null && flat[k] !== '').map((k) => [k, flat[k]]));
  };
  return { before: pick(e.before), after: pick(e.after) };
}

/**
 * An imported opinion has no event of its own: the import's one event, on the opinion's round,
 * names it among its opinionIds. Each such opinion gets that event as its intake.
 */
async function importEvents(db: Db, opIds: string[]) {
  if (!opIds.length) return [];
  const ids = JSON.stringify(opIds);
  const rounds = db.selectDistinct({ id: sql`${opinions.roundId}::text` }).from(opinions).where(inArray(opinions.id, opIds));
  const rows = await db
    .select({ e: auditEvents, councilName: councils.name, opinionId: sql<string>`m.id` })
    .from(auditEvents)
    .leftJoin(councils, eq(councils.id, auditEvents.councilId))
    .innerJoin(
      sql`lateral (select x as id from jsonb_array_elements_text(${auditEvents.after}->'opinionIds') x
        where x in (select jsonb_array_elements_text(${ids}::jsonb))) m`,
      sql`true`,
    )
    .where(and(eq(auditEvents.entityType, 'petition_round'), inArray(auditEvents.entityId, rounds), eq(auditEvents.action, 'opinion.import')));
  return rows.map(({ e, councilName, opinionId }) => {
    const { opinionIds: _ids, ...after } = (e.after ?? {}) as Record<string, unknown>;
    return { e: { ...e, entityType: 'opinion', entityId: opinionId, after }, councilName };
  });
}

export async function petitionTimeline(db: Db, councilId: string, petitionId: string) {
  await petitionOf(db, councilId, petitionId);
  const links = await linked(db, petitionId);
  const pids = [...links.keys()];
  const select = () =>
    db.select({ e: auditEvents, councilName: councils.name }).from(auditEvents).leftJoin(councils, eq(councils.id, auditEvents.councilId));
  const petitionEvents = await select()
    .where(and(eq(auditEvents.entityType, 'petition'), inArray(auditEvents.entityId, pids)))
    .orderBy(auditEvents.id);
  // Its opinions: those in it now, and those it once had (merged, then taken out or split off),
  // as the petition's own events name them.
  const opIds = new Set(
    (await db.select({ id: opinions.id }).from(opinions).where(eq(opinions.petitionId, petitionId))).map((o) => o.id),
  );
  for (const { e } of petitionEvents) {
    if (e.entityId !== petitionId) continue;
    for (const side of [e.before, e.after] as Record<string, unknown>[]) {
      if (!side || typeof side !== 'object') continue;
      if (typeof side.opinionId === 'string') opIds.add(side.opinionId);
      if (Array.isArray(side.opinionIds)) for (const id of side.opinionIds) if (typeof id === 'string') opIds.add(id);
    }
  }
  const opinionEvents = opIds.size
    ? await select().where(and(eq(auditEvents.entityType, 'opinion'), inArray(auditEvents.entityId, [...opIds])))
    : [];
  const events = [...petitionEvents, ...opinionEvents, ...(await importEvents(db, [...opIds]))].sort((a, b) => a.e.id - b.e.id);
  return events.map(({ e, councilName }) => ({
    id: e.id,
    at: e.at.toISOString(),
    actorName: e.actorName,
    action: e.action,
    label: actionLabel(e.action),
    level: e.entityType === 'petition' ? (links.get(e.entityId) ?? 'this') : 'this',
    councilName,
    entityType: e.entityType,
    entityId: e.entityId,
    ...details(e),
  }));
}
