// Petitions in the one follow-up engine (src/modules/followup): each dispatch item sent to an
// agency is an item the agency owes — due on the dispatch's due date, answered by its answer,
// closed when the answer is reviewed as satisfactory or when the agency returns it as outside its
// competence. Called inside the petition actions' own transactions.
import { RESPONSE_RESULT_LABELS, type ResponseResult } from '../../domain/petitions/status.ts';
import { eq, inArray } from 'drizzle-orm';
import { fold } from '../../domain/text/normalize.ts';
import { followupItems } from '../followup/schema.ts';
import { syncObligation, updateObligation } from '../followup/service.ts';
import { dispatchItems } from './schema.ts';
import type { DbOrTx } from './common.ts';

const KIND = 'petition_answer';
const short = (t: string, n = 160) => (t.length > n ? `${t.slice(0, n - 1).trimEnd()}…` : t);

export function petitionObligationTitle(p: { number: number; text: string }) {
  return `Kiến nghị số ${p.number}: ${short(p.text)}`;
}

export async function petitionDispatched(
  tx: DbOrTx,
  x: { itemId: string; councilId: string; agencyId: string; dueDate: string; letterNumber: string; petition: { number: number; text: string } },
) {
  await syncObligation(tx, {
    kind: KIND,
    sourceId: x.itemId,
    councilId: x.councilId,
    agencyId: x.agencyId,
    title: petitionObligationTitle(x.petition),
    detail: `Công văn số ${x.letterNumber}`,
    link: `/agencies/${x.agencyId}/petitions?state=pending`,
    originalDue: x.dueDate,
    due: x.dueDate,
    answeredOn: null,
    closedOn: null,
    stateLabel: 'Chờ cơ quan trả lời',
  });
}

export const petitionAnswered = (tx: DbOrTx, itemId: string, day: string, result: ResponseResult) =>
  updateObligation(tx, KIND, itemId, { answeredOn: day, stateLabel: `Đã trả lời: ${RESPONSE_RESULT_LABELS[result]}` });

export const petitionReturned = (tx: DbOrTx, itemId: string, day: string) =>
  updateObligation(tx, KIND, itemId, { closedOn: day, stateLabel: 'Cơ quan trả lại (ngoài thẩm quyền)' });

export const petitionReviewed = (tx: DbOrTx, itemId: string, day: string, closes: boolean) =>
  updateObligation(tx, KIND, itemId, closes ? { closedOn: day, stateLabel: 'Trả lời được đánh giá đạt' } : { stateLabel: 'Trả lời được đánh giá chưa đạt' });

/** A petition renumbered (carried over into a successor council's series) or reworded: its items follow. */
export async function petitionRetitled(tx: DbOrTx, petition: { id: string; number: number; text: string }) {
  const items = await tx
    .select({ id: followupItems.id, detail: followupItems.detail })
    .from(followupItems)
    .where(inArray(followupItems.sourceId, tx.select({ id: dispatchItems.id }).from(dispatchItems).where(eq(dispatchItems.petitionId, petition.id))));
  const title = petitionObligationTitle(petition);
  for (const i of items) await tx.update(followupItems).set({ title, searchKey: fold(`${title} ${i.detail}`) }).where(eq(followupItems.id, i.id));
}
