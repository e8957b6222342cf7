// What every module calls to keep its owed items in the one follow-up table, inside the
// transaction of the action that changed them (one action = one transaction): a new item, a new
// due date, an answer, a verified closure all end in `syncObligation`.
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { fold } from '../../domain/text/normalize.ts';
import { isIsoDate } from '../../domain/calendar/index.ts';
import type { ObligationKind } from '../../domain/followup/index.ts';
import { followupItems } from './schema.ts';

export type FollowupKind = ObligationKind;

export interface ObligationInput {
  kind: FollowupKind;
  /** The source row's id; (kind, sourceId) is unique. */
  sourceId: string;
  /** The council that owns the item and verifies its closure. */
  councilId: string;
  /** The agency that owes it. */
  agencyId: string;
  /** One Vietnamese line shown in the inbox. */
  title: string;
  detail?: string | null;
  /** Web path where the agency acts on it. */
  link: string;
  originalDue: string;
  due: string;
  answeredOn: string | null;
  closedOn: string | null;
  /** The source's own state, in Vietnamese. */
  stateLabel: string;
}

function check(item: ObligationInput): void {
  for (const d of [item.originalDue, item.due, item.answeredOn, item.closedOn]) {
    // A programming error in the calling module, not a user's: the source validated its dates.
    if (d !== null && !isIsoDate(d)) throw new RangeError(`followup: not a date: ${String(d)}`);
  }
  if (!item.title.trim()) throw new RangeError('followup: empty title');
}

/** Creates or updates the item for (kind, sourceId). */
export async function syncObligation(tx: Tx | Db, item: ObligationInput): Promise<void> {
  check(item);
  const values = {
    kind: item.kind,
    sourceId: item.sourceId,
    councilId: item.councilId,
    agencyId: item.agencyId,
    title: item.title,
    detail: item.detail ?? '',
    link: item.link,
    originalDue: item.originalDue,
    due: item.due,
    answeredOn: item.answeredOn,
    closedOn: item.closedOn,
    stateLabel: item.stateLabel,
    searchKey: fold(`${item.title} ${item.detail ?? ''}`),
  };
  const { kind: _k, sourceId: _s, ...changed } = values;
  await tx
    .insert(followupItems)
    .values(values)
    .onConflictDoUpdate({ target: [followupItems.kind, followupItems.sourceId], set: { ...changed, updatedAt: sql`now()` } });
}

/** Partial update of an existing item (e.g. only answered or closed), by (kind, sourceId). */
export async function updateObligation(
  tx: Tx | Db,
  kind: FollowupKind,
  sourceId: string,
  change: Partial<Pick<ObligationInput, 'due' | 'answeredOn' | 'closedOn' | 'stateLabel'>>,
): Promise<void> {
  await tx
    .update(followupItems)
    .set({ ...change, updatedAt: sql`now()` })
    .where(and(eq(followupItems.kind, kind), eq(followupItems.sourceId, sourceId)));
}

/** The item is no longer owed by anyone (its source was withdrawn or deleted). */
export async function removeObligation(tx: Tx | Db, kind: FollowupKind, sourceId: string): Promise<void> {
  await tx.delete(followupItems).where(and(eq(followupItems.kind, kind), eq(followupItems.sourceId, sourceId)));
}
