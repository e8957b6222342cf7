// Dispatches (official letters forwarding petitions) and recorded reminders of a council.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { agencies, councils } from '../../directory/schema.ts';
import { out } from '../common.ts';
import { countWhere, pageWithTotal } from '../../../db/paging.ts';
import { dispatches, reminders } from '../schema.ts';
import { documents } from '../../documents/schema.ts';
import { documentDownloadPath } from '../../documents/service.ts';

export async function listDispatches(db: Db, councilId: string, q: { page: number; pageSize: number; roundId?: string; agencyId?: string }) {
  const where = and(
    eq(dispatches.councilId, councilId),
    q.roundId ? eq(dispatches.roundId, q.roundId) : undefined,
    q.agencyId ? eq(dispatches.agencyId, q.agencyId) : undefined,
  );
  return pageWithTotal(
    q,
    (total) =>
      db
      .select({
        d: dispatches,
        agencyName: agencies.name,
        councilName: councils.name,
        docId: documents.id,
        docSymbol: documents.symbol,
        docStatus: documents.status,
        items: sql<number>`(select count(*)::int from petition_dispatch_items i where i.dispatch_id = "petition_dispatches"."id")`,
        pending: sql<number>`(select count(*)::int from petition_dispatch_items i where i.dispatch_id = "petition_dispatches"."id" and i.state = 'pending')`,
        total,
      })
      .from(dispatches)
      .leftJoin(agencies, eq(agencies.id, dispatches.agencyId))
      .leftJoin(councils, eq(councils.id, dispatches.targetCouncilId))
      .leftJoin(documents, eq(documents.id, dispatches.documentId))
      .where(where)
      .orderBy(desc(dispatches.letterDate), desc(dispatches.createdAt)),
    () => countWhere(db, dispatches, where),
    (r) => ({
      ...out(r.d),
      targetName: r.agencyName ?? r.councilName,
      petitionCount: r.items,
      pendingCount: r.pending,
      // The letter issued from the register with the dispatch, when it was.
      document: r.docId
        ? { id: r.docId, symbol: r.docSymbol!, status: r.docStatus!, downloadPath: documentDownloadPath(councilId, r.docId) }
        : null,
    }),
  );
}

export async function listReminders(db: Db, councilId: string, q: { page: number; pageSize: number; agencyId?: string }) {
  const where = and(eq(reminders.councilId, councilId), q.agencyId ? eq(reminders.agencyId, q.agencyId) : undefined);
  return pageWithTotal(
    q,
    (total) =>
      db
        .select({ r: reminders, agencyName: agencies.name, total })
        .from(reminders)
        .innerJoin(agencies, eq(agencies.id, reminders.agencyId))
        .where(where)
        .orderBy(desc(reminders.createdAt)),
    () => countWhere(db, reminders, where),
    (r) => ({ ...out(r.r), agencyName: r.agencyName }),
  );
}
