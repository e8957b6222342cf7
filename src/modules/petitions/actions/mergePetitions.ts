// Merge two petitions the machine left apart (the same issue, aggregated twice): every opinion of
// `from` moves into the target, which keeps its text, number and classification; `from` is
// removed. Only petitions still with the secretariat (assertSourcesEditable), and `from` must never
// have been forwarded (no dispatch history to lose). Versions of both petitions are checked under
// row locks, so two clerks cannot merge or change them at once.
//
// Undo (`restoreMergedPetition`): `from` comes back with its id, text and classification (and its
// number, unless another petition took it since), and exactly the opinions it had, provided the
// target is still at the version the merge left it at. Both are audited as themselves.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { conflict, invalid } from '../../../server/errors.ts';
import { recordEvent } from '../../audit/service.ts';
import { auditEvents } from '../../audit/schema.ts';
import { PETITION_CHANGED, nextPetitionNumber, out, petitionOf, searchColumnsOf, type ActionCtx } from '../common.ts';
import { dispatchItems, opinions, petitionRoundEntries, petitions } from '../schema.ts';
import { assertSourcesEditable, bumpPetition, moveOpinions, opinionRefs } from './petitionRows.ts';
import { withoutSearchKeys } from '../../../db/rows.ts';

export interface MergePetitionsInput {
  /** The target's version as seen. */
  version: number;
  from: { id: string; version: number };
}

export async function mergePetitions(ctx: ActionCtx, councilId: string, targetId: string, input: MergePetitionsInput) {
  if (input.from.id === targetId) throw invalid('Hãy chọn hai kiến nghị khác nhau để gộp.');
  return ctx.db.transaction(async (tx) => {
    // lock in id order: two clerks merging the same pair in opposite directions cannot deadlock
    const [firstId, secondId] = [targetId, input.from.id].sort() as [string, string];
    const first = await petitionOf(tx, councilId, firstId, { lock: true });
    const second = await petitionOf(tx, councilId, secondId, { lock: true });
    const target = first.id === targetId ? first : second;
    const from = first.id === targetId ? second : first;
    if (target.version !== input.version || from.version !== input.from.version) throw conflict(PETITION_CHANGED);
    assertSourcesEditable(target, 'gộp thêm kiến nghị khác vào');
    assertSourcesEditable(from, 'gộp vào kiến nghị khác');
    const [sent] = await tx.select({ id: dispatchItems.id }).from(dispatchItems).where(eq(dispatchItems.petitionId, from.id)).limit(1);
    if (sent || from.status !== 'draft') {
      throw conflict(`Kiến nghị số ${from.number} đã từng được chuyển đi nên không gộp vào kiến nghị khác được; hãy gộp kiến nghị kia vào kiến nghị số ${from.number}.`);
    }
    const moved = await tx.select({ id: opinions.id, version: opinions.version }).from(opinions).where(eq(opinions.petitionId, from.id)).orderBy(opinions.id).for('update');
    const entries = await tx.select().from(petitionRoundEntries).where(eq(petitionRoundEntries.petitionId, from.id));
    await moveOpinions(tx, ctx.actor, councilId, moved, target.id, from.id, 'opinion.merge');
    await tx.delete(petitionRoundEntries).where(eq(petitionRoundEntries.petitionId, from.id));
    await tx.delete(petitions).where(eq(petitions.id, from.id));
    const after = await bumpPetition(tx, target.id, target.version);
    const opinionIds = moved.map((m) => m.id);
    await recordEvent(tx, ctx.actor, {
      action: 'petition.merged_into',
      entityType: 'petition',
      entityId: from.id,
      councilId,
      before: { ...withoutSearchKeys(out(from)), roundEntries: entries.map((e) => ({ roundId: e.roundId, reason: e.reason, at: e.at })) },
      after: { mergedInto: target.id, mergedIntoNumber: target.number, opinionIds },
    });
    await recordEvent(tx, ctx.actor, {
      action: 'petition.absorb',
      entityType: 'petition',
      entityId: target.id,
      councilId,
      after: { from: from.id, fromNumber: from.number, opinionIds, version: after.version },
    });
    return {
      petition: withoutSearchKeys(out(after)),
      merged: { id: from.id, number: from.number },
      opinions: await opinionRefs(tx, opinionIds),
    };
  });
}

interface MergedSnapshot {
  id: string;
  roundId: string;
  originRoundId: string;
  number: number;
  text: string;
  fieldId: string | null;
  competentLevel: string | null;
  agencyId: string | null;
  status: string;
  createdAt: string;
  roundEntries: { roundId: string; reason: string; at: string }[];
}

export async function restoreMergedPetition(ctx: ActionCtx, councilId: string, targetId: string, input: { version: number; petitionId: string }) {
  return ctx.db.transaction(async (tx) => {
    const target = await petitionOf(tx, councilId, targetId, { lock: true });
    if (target.version !== input.version) throw conflict(PETITION_CHANGED);
    assertSourcesEditable(target, 'tách lại kiến nghị đã gộp');
    const [event] = await tx
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'petition.merged_into'), eq(auditEvents.entityType, 'petition'), eq(auditEvents.entityId, input.petitionId), eq(auditEvents.councilId, councilId)))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    const snap = event?.before as MergedSnapshot | undefined;
    const merged = event?.after as { mergedInto: string; opinionIds: string[] } | undefined;
    if (!snap || !merged || merged.mergedInto !== targetId) throw invalid('Không tìm thấy lần gộp kiến nghị này để hoàn tác.');
    const [exists] = await tx.select({ id: petitions.id }).from(petitions).where(eq(petitions.id, snap.id));
    if (exists) throw conflict('Kiến nghị này đã được tách lại rồi.');
    const [taken] = await tx.select({ id: petitions.id }).from(petitions).where(and(eq(petitions.councilId, councilId), eq(petitions.number, snap.number)));
    const number = taken ? await nextPetitionNumber(tx, councilId) : snap.number;
    const [restored] = await tx
      .insert(petitions)
      .values({
        id: snap.id, councilId, roundId: snap.roundId, originRoundId: snap.originRoundId, number, text: snap.text,
        fieldId: snap.fieldId, competentLevel: snap.competentLevel, agencyId: snap.agencyId, status: 'draft',
        createdAt: new Date(snap.createdAt), ...searchColumnsOf(snap.text),
      })
      .returning();
    for (const e of snap.roundEntries) {
      await tx.insert(petitionRoundEntries).values({ petitionId: snap.id, roundId: e.roundId, reason: e.reason, at: new Date(e.at) }).onConflictDoNothing();
    }
    // exactly the opinions it had, and only those still in the target (the target's version
    // guarantees none was taken out or moved since)
    const current = merged.opinionIds.length
      ? await tx.select({ id: opinions.id, version: opinions.version }).from(opinions)
        .where(and(inArray(opinions.id, merged.opinionIds), eq(opinions.petitionId, targetId))).orderBy(opinions.id).for('update')
      : [];
    if (current.length !== merged.opinionIds.length) throw conflict(PETITION_CHANGED);
    await moveOpinions(tx, ctx.actor, councilId, current, snap.id, targetId, 'opinion.split');
    const after = await bumpPetition(tx, target.id, target.version);
    await recordEvent(tx, ctx.actor, {
      action: 'petition.restore_merged',
      entityType: 'petition',
      entityId: snap.id,
      councilId,
      after: { ...withoutSearchKeys(out(restored!)), from: targetId, opinionIds: merged.opinionIds },
    });
    await recordEvent(tx, ctx.actor, {
      action: 'petition.release',
      entityType: 'petition',
      entityId: target.id,
      councilId,
      after: { restored: snap.id, restoredNumber: number, opinionIds: merged.opinionIds, version: after.version },
    });
    return { petition: withoutSearchKeys(out(after)), restored: { id: snap.id, number }, opinions: await opinionRefs(tx, merged.opinionIds) };
  });
}
