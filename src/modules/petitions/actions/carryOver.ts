// Carry outstanding petitions over to the next round (tồn đọng, kéo dài qua nhiều kỳ họp), keeping
// their history: the petition row moves, every round it has been in stays in petition_round_entries.
// Across the 2025 reform a petition may move to the council of the unit its source units became
// ("became" links, directory currentSuccessors): Phổ Thạnh's 2021 petitions followed by Sa Huỳnh.
import { petitionRetitled } from '../followup.ts';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { conflict, invalid } from '../../../server/errors.ts';
import { recordEvent } from '../../audit/service.ts';
import { currentSuccessors } from '../../directory/service.ts';
import { statusAfterCarryOver, type PetitionStatus } from '../../../domain/petitions/status.ts';
import type { Db } from '../../../db/client.ts';
import { councilRow, nextPetitionNumber, roundOf, today, type ActionCtx, type DbOrTx } from '../common.ts';
import { opinions, petitionRoundEntries, petitionRounds, petitions } from '../schema.ts';
import type { Actor } from '../../audit/service.ts';

export interface CarryOverInput {
  fromRoundId: string;
  /** Only these petitions (default: every outstanding petition of the round). */
  petitionIds?: string[];
}

/** Inside a transaction: moves outstanding petitions of `from` into `to`. Returns their ids. */
export async function carryOverIn(
  tx: DbOrTx,
  actor: Actor,
  from: typeof petitionRounds.$inferSelect,
  to: typeof petitionRounds.$inferSelect,
  petitionIds?: string[],
): Promise<string[]> {
  if (from.id === to.id) throw invalid('Đợt chuyển sang phải khác đợt hiện tại.');
  if (to.status !== 'open') throw conflict(`Đợt "${to.name}" đã kết thúc; hãy chọn một đợt đang mở.`);
  const rows = await tx
    .select()
    .from(petitions)
    .where(
      and(
        eq(petitions.roundId, from.id),
        ne(petitions.status, 'closed'),
        petitionIds?.length ? inArray(petitions.id, petitionIds) : undefined,
      ),
    )
    // In their numbering order: moved to another council, they get new numbers in the same order
    // as their old ones (not an order that changes from one database to the next).
    .orderBy(petitions.number, petitions.id)
    .for('update');
  if (petitionIds?.length && rows.length !== petitionIds.length) {
    throw conflict('Có kiến nghị không còn tồn đọng trong đợt này (đã giải quyết xong hoặc đã được chuyển).');
  }
  const moved: string[] = [];
  for (const p of rows) {
    const status = statusAfterCarryOver(p.status as PetitionStatus);
    if (!status) continue;
    // Moving to another council (the successor of an ended one): a number in that council's series.
    const number = to.councilId !== p.councilId ? await nextPetitionNumber(tx, to.councilId) : p.number;
    const [after] = await tx
      .update(petitions)
      .set({ roundId: to.id, councilId: to.councilId, number, status, version: p.version + 1, updatedAt: new Date() })
      .where(eq(petitions.id, p.id))
      .returning();
    if (number !== p.number) await petitionRetitled(tx, after!);
    if (to.councilId !== p.councilId) {
      await tx.update(opinions).set({ councilId: to.councilId, updatedAt: new Date() }).where(eq(opinions.petitionId, p.id));
    }
    await tx.insert(petitionRoundEntries).values({ petitionId: p.id, roundId: to.id, reason: 'carried_over' }).onConflictDoNothing();
    await recordEvent(tx, actor, {
      action: 'petition.carry_over',
      entityType: 'petition',
      entityId: p.id,
      councilId: to.councilId,
      before: { roundId: p.roundId, councilId: p.councilId, number: p.number, status: p.status, roundName: from.name },
      after: { roundId: to.id, councilId: to.councilId, number, status: after!.status, roundName: to.name },
    });
    moved.push(p.id);
  }
  return moved;
}

/**
 * Carry over into `toRoundId` of `councilId` from `fromRoundId`, which belongs to the same council
 * or to a council whose unit became this council's unit.
 */
export async function carryOver(ctx: ActionCtx, councilId: string, toRoundId: string, input: CarryOverInput) {
  return ctx.db.transaction(async (tx) => {
    const to = await roundOf(tx, councilId, toRoundId, { open: true });
    const [from] = await tx.select().from(petitionRounds).where(eq(petitionRounds.id, input.fromRoundId));
    if (!from) throw invalid('Không tìm thấy đợt cần chuyển kiến nghị tồn đọng.');
    let petitionIds = input.petitionIds;
    if (from.councilId !== councilId) {
      // Another council's round: only petitions raised in units that became this council's unit.
      const dst = await councilRow(tx, councilId);
      const src = await councilRow(tx, from.councilId);
      const day = today(ctx.now);
      const cache = new Map<string, string[]>();
      const successors = async (unitId: string) => {
        if (!cache.has(unitId)) cache.set(unitId, await currentSuccessors(tx as unknown as Db, unitId, day));
        return cache.get(unitId)!;
      };
      const outstanding = await tx
        .select({ id: petitions.id })
        .from(petitions)
        .where(and(eq(petitions.roundId, from.id), ne(petitions.status, 'closed'), petitionIds?.length ? inArray(petitions.id, petitionIds) : undefined));
      const eligible: string[] = [];
      for (const p of outstanding) {
        const units = (await tx.selectDistinct({ unitId: opinions.unitId }).from(opinions).where(eq(opinions.petitionId, p.id))).map((u) => u.unitId ?? src.unitId);
        let ok = false;
        for (const u of units.length ? units : [src.unitId]) if ((await successors(u)).includes(dst.unitId)) ok = true;
        if (ok) eligible.push(p.id);
      }
      if (petitionIds?.length && eligible.length !== petitionIds.length) {
        throw invalid('Có kiến nghị không phát sinh trên địa bàn nay thuộc đơn vị hành chính của HĐND này.');
      }
      if (!eligible.length) throw invalid('Đợt này không có kiến nghị tồn đọng nào phát sinh trên địa bàn nay thuộc đơn vị hành chính của HĐND này.');
      petitionIds = eligible;
    }
    const moved = await carryOverIn(tx, ctx.actor, from, to, petitionIds);
    return { carriedOver: moved.length, petitionIds: moved };
  });
}
