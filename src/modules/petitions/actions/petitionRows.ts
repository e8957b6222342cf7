// Small shared writes of the aggregation actions: create a petition row, move opinions into it
// with conditional updates (version + free), bump a petition's version.
import { petitionRetitled } from '../followup.ts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { conflict } from '../../../server/errors.ts';
import { PETITION_STATUS_LABELS, type PetitionStatus } from '../../../domain/petitions/status.ts';
import { recordEvent, type Actor } from '../../audit/service.ts';
import { OPINION_TAKEN, PETITION_CHANGED, nextPetitionNumber, searchColumnsOf, type DbOrTx } from '../common.ts';
import { opinions, petitionRoundEntries, petitions } from '../schema.ts';
import { withoutSearchKeys } from '../../../db/rows.ts';
import { clearIfNotPersonal } from '../privacy.ts';

export async function insertPetition(
  tx: DbOrTx,
  actor: Actor,
  v: { councilId: string; roundId: string; text: string; fieldId: string | null; competentLevel: string | null; agencyId: string | null; levelReason?: string },
  action = 'petition.create',
  extra: Record<string, unknown> = {},
) {
  const number = await nextPetitionNumber(tx, v.councilId);
  const [p] = await tx
    .insert(petitions)
    .values({ ...v, originRoundId: v.roundId, number, status: 'draft', ...searchColumnsOf(v.text) })
    .returning();
  await tx.insert(petitionRoundEntries).values({ petitionId: p!.id, roundId: v.roundId, reason: 'created' });
  await clearIfNotPersonal(tx, v.councilId, [p!.id]);
  const after = withoutSearchKeys(p!);
  await recordEvent(tx, actor, { action, entityType: 'petition', entityId: p!.id, councilId: v.councilId, after: { ...after, ...extra } });
  return p!;
}

/**
 * Moves opinions into `petitionId`. Each update is conditional on the version the clerk saw and,
 * when `fromPetitionId` is null, on the opinion being free: a concurrent merge makes it fail and
 * the whole transaction rolls back with the Vietnamese 409.
 */
export async function moveOpinions(
  tx: DbOrTx,
  actor: Actor,
  councilId: string,
  items: readonly { id: string; version: number }[],
  petitionId: string | null,
  fromPetitionId: string | null,
  action: string,
) {
  for (const i of items) {
    const [after] = await tx
      .update(opinions)
      .set({ petitionId, version: sql`${opinions.version} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(opinions.id, i.id),
          eq(opinions.version, i.version),
          fromPetitionId ? eq(opinions.petitionId, fromPetitionId) : isNull(opinions.petitionId),
        ),
      )
      .returning({ id: opinions.id, version: opinions.version });
    if (!after) throw conflict(OPINION_TAKEN, { opinionId: i.id });
    await recordEvent(tx, actor, {
      action,
      entityType: 'opinion',
      entityId: i.id,
      councilId,
      before: { petitionId: fromPetitionId, version: i.version },
      after: { petitionId, version: after.version },
    });
  }
}

/** Bumps a petition's version if it is still `version` (optimistic concurrency). */
export async function bumpPetition(tx: DbOrTx, petitionId: string, version: number, set: Partial<typeof petitions.$inferInsert> = {}) {
  const [row] = await tx
    .update(petitions)
    .set({ ...set, ...(set.text ? { ...searchColumnsOf(set.text) } : {}), version: version + 1, updatedAt: new Date() })
    .where(and(eq(petitions.id, petitionId), eq(petitions.version, version)))
    .returning();
  if (!row) throw conflict(PETITION_CHANGED);
  // A new text is published only once the privacy guard (or the clerk) clears it again.
  if (set.text) {
    await clearIfNotPersonal(tx, row.councilId, [row.id]);
    await petitionRetitled(tx, row);
  }
  return row;
}

export async function opinionCount(tx: DbOrTx, petitionId: string) {
  const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(opinions).where(eq(opinions.petitionId, petitionId));
  return r?.n ?? 0;
}

/**
 * The sources of a petition (its opinions) change only while it is with the secretariat: drafted,
 * or returned by the agency. Once forwarded, the agency resolves exactly what it received, so a
 * change is refused with what to do instead (a petition not resolved comes back as a draft when
 * carried over to the next round, and can then be corrected).
 */
export function assertSourcesEditable(
  p: { id?: string; number: number; status: string },
  what: string,
  advice = 'Hãy tổng hợp ý kiến mới thành một kiến nghị riêng; nếu kiến nghị này chưa được giải quyết xong, khi chuyển sang đợt sau có thể sửa lại.',
) {
  if (p.status === 'draft' || p.status === 'returned') return;
  const label = PETITION_STATUS_LABELS[p.status as PetitionStatus] ?? p.status;
  throw conflict(
    `Kiến nghị số ${p.number} đã chuyển đến cơ quan có thẩm quyền (${label}) nên không thể ${what}: ` +
      `cơ quan đang giải quyết đúng các ý kiến đã nhận. ${advice}`,
    { petitionId: p.id, status: p.status },
  );
}

/** The opinions of a petition with their versions (what an undo needs to name). */
export async function opinionRefs(tx: DbOrTx, ids: readonly string[]) {
  if (!ids.length) return [];
  const rows = await tx.select({ id: opinions.id, version: opinions.version }).from(opinions).where(sql`${opinions.id} in ${ids}`);
  const byId = new Map(rows.map((r) => [r.id, r.version]));
  return ids.map((id) => ({ id, version: byId.get(id)! }));
}
