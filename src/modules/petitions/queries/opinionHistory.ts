// An opinion's history: every version of its text, oldest first, read from the append-only audit
// log ('opinion.create'/'opinion.import' and each 'opinion.update' keep the row before → after),
// so an edit never loses what the clerk first typed. Voter data is masked there (personal.ts).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { auditEvents } from '../../audit/schema.ts';
import { opinionOf } from '../common.ts';

export async function opinionHistory(db: Db, councilId: string, opinionId: string) {
  const o = await opinionOf(db, councilId, opinionId);
  const events = await db
    .select({ at: auditEvents.at, actorName: auditEvents.actorName, before: auditEvents.before, after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'opinion'), eq(auditEvents.entityId, opinionId), inArray(auditEvents.action, ['opinion.update'])))
    .orderBy(asc(auditEvents.id));
  const versions: { version: number; text: string; unitId: string | null; savedAt: string; replacedAt: string | null; replacedBy: string | null }[] = [];
  let since = o.createdAt.toISOString();
  for (const e of events) {
    const b = (e.before ?? {}) as { text?: string; version?: number; unitId?: string | null };
    const a = (e.after ?? {}) as { text?: string; unitId?: string | null };
    if (b.text === undefined || (b.text === a.text && b.unitId === a.unitId)) continue;
    versions.push({ version: b.version ?? versions.length + 1, text: b.text, unitId: b.unitId ?? null, savedAt: since, replacedAt: e.at.toISOString(), replacedBy: e.actorName });
    since = e.at.toISOString();
  }
  versions.push({ version: o.version, text: o.text, unitId: o.unitId, savedAt: since, replacedAt: null, replacedBy: null });
  return { opinionId, current: o.version, versions };
}
