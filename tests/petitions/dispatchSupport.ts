// A petition of one council dispatched to one agency, in four calls: the shortest path to an
// agency's inbox for the deadline and reminder tests.
import type { TestApp, TestClient } from '../support/app.ts';
import { json } from './support.ts';

/** A petition of `councilKey`, dispatched to `agencyKey` by a letter dated `letterDate`. */
export async function dispatchedPetition(t: TestApp, vp: TestClient, councilKey: string, unitKey: string, agencyKey: string, text: string, letterDate: string) {
  const base = `/api/councils/${t.id(`council:${councilKey}`)}`;
  const round = await json(vp.post(`${base}/petition-rounds`, { name: `Đợt kiểm tra thời hạn ${text.slice(0, 20)}`, kind: 'before_session', startDate: '2026-11-01' }), 201);
  const ops = await json(vp.post(`${base}/opinions/bulk`, { roundId: round.id, channel: 'letter', items: [{ text, unitId: t.id(`unit:${unitKey}`) }] }), 201);
  const p = await json(vp.post(`${base}/petitions`, { roundId: round.id, opinions: [{ id: ops.items[0].id, version: ops.items[0].version }], competentLevel: 'province' }), 201);
  const d = await json(vp.post(`${base}/dispatches`, { roundId: round.id, agencyId: t.id(`agency:${agencyKey}`), letterNumber: `${p.number}/HĐND-VP`, letterDate, petitionIds: [p.id] }), 201);
  return { id: p.id as string, number: p.number as number, dueDate: d.dueDate as string };
}
