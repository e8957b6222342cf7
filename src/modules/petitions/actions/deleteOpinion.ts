// Delete opinions typed by mistake (typed twice, entered under the wrong meeting): one or a
// selection, all or nothing, each at the version the clerk saw. Only an opinion of an open round
// that is not part of a petition and did not come from a lower council can go; the audit log keeps
// the deleted row (voter name and hamlet masked), so a hard delete loses nothing.
import { eq, inArray } from 'drizzle-orm';
import { conflict, notFound } from '../../../server/errors.ts';
import { recordEvent } from '../../audit/service.ts';
import { withoutSearchKeys } from '../../../db/rows.ts';
import { OPINION_TAKEN, roundOf, type ActionCtx } from '../common.ts';
import { auditSafe } from '../personal.ts';
import { opinions, petitions } from '../schema.ts';

/** A selection larger than this is refused by the route (one screen of the intake list is 200). */
export const MAX_OPINIONS_PER_DELETE = 1000;

/** How an opinion is named in a refusal about a selection: its first words. */
function quoted(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim();
  return words.length > 80 ? `“${words.slice(0, 80).trimEnd()}…”` : `“${words}”`;
}

export async function deleteOpinions(ctx: ActionCtx, councilId: string, items: readonly { opinionId: string; version: number }[]) {
  return ctx.db.transaction(async (tx) => {
    const ids = [...new Set(items.map((i) => i.opinionId))].sort();
    if (ids.length !== items.length) throw conflict('Danh sách có ý kiến bị lặp lại.');
    // Lock in id order, so that two clerks working on overlapping selections cannot deadlock.
    const rows = await tx.select().from(opinions).where(inArray(opinions.id, ids)).orderBy(opinions.id).for('update');
    const byId = new Map(rows.map((r) => [r.id, r]));
    const many = items.length > 1;
    // In a selection the refusal names the opinion and says that nothing was deleted.
    const refuse = (o: (typeof rows)[number], why: string) =>
      conflict(many ? `Chưa xóa ý kiến nào: ý kiến ${quoted(o.text)} ${why}` : `Ý kiến ${why}`, { opinionId: o.id });
    const roundsChecked = new Set<string>();
    for (const i of items) {
      const o = byId.get(i.opinionId);
      if (!o || o.councilId !== councilId) throw notFound('ý kiến cử tri');
      if (!roundsChecked.has(o.roundId)) {
        await roundOf(tx, councilId, o.roundId, { open: true });
        roundsChecked.add(o.roundId);
      }
      // A lower council's petition waits on this opinion (its dispatch item points here).
      if (o.sourcePetitionId) {
        throw refuse(o, 'là kiến nghị do HĐND cấp dưới chuyển lên và đang chờ HĐND cấp này xem xét, trả lời nên không xóa được. Hãy tổng hợp vào kiến nghị để xử lý.');
      }
      if (o.petitionId) {
        const [p] = await tx.select({ number: petitions.number }).from(petitions).where(eq(petitions.id, o.petitionId));
        throw refuse(o, `đã được tổng hợp vào kiến nghị số ${p?.number ?? '?'}. Hãy tách ý kiến khỏi kiến nghị trước khi xóa.`);
      }
      if (o.version !== i.version) throw conflict(OPINION_TAKEN, { opinionId: o.id });
    }
    await tx.delete(opinions).where(inArray(opinions.id, ids));
    for (const i of items) {
      const o = byId.get(i.opinionId)!;
      await recordEvent(tx, ctx.actor, {
        action: 'opinion.delete',
        entityType: 'opinion',
        entityId: o.id,
        councilId,
        before: auditSafe(withoutSearchKeys(o)),
      });
    }
    return { ok: true as const, deleted: items.length };
  });
}
