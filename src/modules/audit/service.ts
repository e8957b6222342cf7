// Writing and reading the append-only audit log. Every action calls `recordEvent` inside its own
// transaction, so a change and its event are committed together or not at all.
import { and, desc, eq, getTableColumns, gte, lte, sql, type SQL } from 'drizzle-orm';
import { countColumn, countWhere, pageWithTotal } from '../../db/paging.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { AuthUser } from '../../server/permissions.ts';
import { auditEvents } from './schema.ts';
import { entityReferences, resolveNames } from './names.ts';

export interface Actor {
  id: string | null;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'Hệ thống' };

export function actorOf(user: AuthUser | null): Actor {
  return user ? { id: user.id, name: user.fullName } : SYSTEM_ACTOR;
}

export interface EventInput {
  action: string;
  entityType: string;
  entityId: string;
  councilId?: string | null;
  agencyId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Strips secrets and turns dates into strings so the event is plain JSON. */
function plain(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(
    JSON.stringify(value, (k, v) => (k === 'passwordHash' || k === 'csrfToken' || k === 'totpSecret' ? undefined : v)),
  );
}

/** The stored row of an event. */
function rowOf(actor: Actor, e: EventInput) {
  return {
    actorId: actor.id,
    actorName: actor.name,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    councilId: e.councilId ?? null,
    agencyId: e.agencyId ?? null,
    before: plain(e.before),
    after: plain(e.after),
  };
}

export async function recordEvent(tx: Tx | Db, actor: Actor, e: EventInput): Promise<void> {
  await tx.insert(auditEvents).values(rowOf(actor, e));
}

/** Many events of one action (an import's rows) in a few multi-row inserts. */
export async function recordEvents(tx: Tx | Db, actor: Actor, events: readonly EventInput[], chunk = 1000): Promise<void> {
  for (let i = 0; i < events.length; i += chunk) {
    await tx.insert(auditEvents).values(events.slice(i, i + chunk).map((e) => rowOf(actor, e)));
  }
}

export interface EventFilter {
  councilId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

export async function listEvents(db: Db, f: EventFilter) {
  const where: SQL[] = [];
  if (f.councilId) where.push(eq(auditEvents.councilId, f.councilId));
  if (f.entityType) where.push(eq(auditEvents.entityType, f.entityType));
  if (f.entityId) where.push(eq(auditEvents.entityId, f.entityId));
  if (f.action) where.push(eq(auditEvents.action, f.action));
  if (f.actorId) where.push(eq(auditEvents.actorId, f.actorId));
  if (f.from) where.push(gte(auditEvents.at, f.from));
  if (f.to) where.push(lte(auditEvents.at, f.to));
  const cond = where.length ? and(...where) : undefined;
  // The audit log grows without bound and its rows are wide: the total as an InitPlan (paging.ts).
  const { items, total } = await pageWithTotal(
    f,
    () =>
      db
        .select({ ...getTableColumns(auditEvents), total: countColumn(auditEvents, cond) })
        .from(auditEvents)
        .where(cond)
        .orderBy(desc(auditEvents.id)),
    () => countWhere(db, auditEvents, cond),
  );
  // Names only for this page's entities and what their snapshots reference (so only within the
  // caller's scope).
  const names = await resolveNames(db, [...items.flatMap((e) => [e.before, e.after]), ...entityReferences(items)]);
  return {
    items: items.map((e) => ({ ...e, at: e.at.toISOString() })),
    total,
    page: f.page,
    pageSize: f.pageSize,
    names,
  };
}

// Audited writes --------------------------------------------------------------------------------
// The common shape of "change one row and record it": used by every module's actions so that no
// change of state can forget its event.
import type { PgTable, TableConfig } from 'drizzle-orm/pg-core';

interface AuditScope {
  entityType: string;
  action: string;
  councilId?: string | null;
  agencyId?: string | null;
}

export async function insertAudited<T extends PgTable<TableConfig>>(
  tx: Tx | Db,
  actor: Actor,
  table: T,
  values: T['$inferInsert'],
  scope: AuditScope,
): Promise<T['$inferSelect']> {
  const [row] = (await tx.insert(table).values(values as never).returning()) as T['$inferSelect'][];
  await recordEvent(tx, actor, { ...scope, entityId: String((row as { id: unknown }).id), after: row });
  return row!;
}

export async function updateAudited<T extends PgTable<TableConfig>>(
  tx: Tx | Db,
  actor: Actor,
  table: T,
  id: string,
  patch: Partial<T['$inferInsert']>,
  scope: AuditScope,
): Promise<T['$inferSelect'] | undefined> {
  const idCol = (table as unknown as { id: Parameters<typeof eq>[0] }).id;
  const [before] = await tx.select().from(table as PgTable).where(eq(idCol, id)).for('update');
  if (!before) return undefined;
  const [after] = (await tx
    .update(table)
    .set({ ...patch, ...('updatedAt' in (table as object) ? { updatedAt: new Date() } : {}) } as never)
    .where(eq(idCol, id))
    .returning()) as T['$inferSelect'][];
  await recordEvent(tx, actor, { ...scope, entityId: id, before, after });
  return after;
}

export async function deleteAudited<T extends PgTable<TableConfig>>(
  tx: Tx | Db,
  actor: Actor,
  table: T,
  id: string,
  scope: AuditScope,
): Promise<T['$inferSelect'] | undefined> {
  const idCol = (table as unknown as { id: Parameters<typeof eq>[0] }).id;
  const [before] = (await tx.delete(table).where(eq(idCol, id)).returning()) as T['$inferSelect'][];
  if (!before) return undefined;
  await recordEvent(tx, actor, { ...scope, entityId: id, before });
  return before;
}
