// Merging without dead ends: the machine proposes reworded duplicates, and the clerk can always fix
// what it missed — add an opinion to a petition, merge two petitions, take an opinion out — each
// undoable by the inverse action, audited, version-checked, and refused for a forwarded petition
// with a Vietnamese message that leaves the database as it was. A saved opinion is edited with its
// previous text kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { auditEvents } from '../../src/modules/audit/schema.ts';
import { json } from './support.ts';

const ROAD_A = 'Đường bê tông thôn Vĩnh Phú bị hư hỏng nặng, nhiều ổ gà, đề nghị sửa chữa.';
const ROAD_B = 'Tuyến đường vào thôn Vĩnh Phú đã xuống cấp, mặt đường lồi lõm, xe cộ đi lại rất khó khăn; kiến nghị sớm nâng cấp.';
const ROAD_OTHER = 'Tuyến đường vào thôn Vĩnh Lộc đã xuống cấp, mặt đường lồi lõm, xe cộ đi lại rất khó khăn; kiến nghị sớm nâng cấp.';
const POWER = 'Điện sinh hoạt ở khu dân cư Thạnh Đức 2 rất yếu, đề nghị Điện lực nâng công suất trạm biến áp.';

type Ref = { id: string; version: number };

for (const kind of dbKinds()) {
  describe(`petitions: merge corrections and opinion edits [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let base: string;
    let roundId: string;
    let ops: Record<'a' | 'b' | 'other' | 'power', Ref>;
    beforeAll(async () => {
      t = await createTestApp(kind);
      vp = await t.as('vp.sahuynh');
      base = `/api/councils/${t.id('council:sa-huynh')}`;
      const round = await json(vp.post(`${base}/petition-rounds`, { name: 'Đợt thử gộp ý kiến', kind: 'before_session', startDate: '2026-11-20' }), 201);
      roundId = round.id;
      const created = await json(vp.post(`${base}/opinions/bulk`, {
        roundId, channel: 'letter', items: [ROAD_A, ROAD_B, ROAD_OTHER, POWER].map((text) => ({ text })),
      }), 201);
      const [a, b, other, power] = created.items as Ref[];
      ops = { a: a!, b: b!, other: other!, power: power! };
    });
    afterAll(() => t?.close());

    const opinion = async (id: string) => (await json(vp.get(`${base}/opinions?roundId=${roundId}&pageSize=50`))).items.find((o: Ref) => o.id === id);
    const petition = (id: string) => json(vp.get(`${base}/petitions/${id}`));
    const membersOf = async (id: string) => ((await json(vp.get(`${base}/opinions?petitionId=${id}&pageSize=50`))).items as Ref[]).map((o) => o.id).sort();
    const events = (action: string, entityIds: string[]) =>
      t.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), inArray(auditEvents.entityId, entityIds)));

    it('proposes the reworded pair about the same road, not the same words about another hamlet', async () => {
      const proposals = await json(vp.get(`${base}/petition-rounds/${roundId}/merge-proposals`));
      const groups = proposals.groups.map((g: { opinions: Ref[] }) => g.opinions.map((o) => o.id).sort());
      expect(groups).toEqual([[ops.a.id, ops.b.id].sort()]);
      // and at the lowest threshold the other hamlet still stays out
      const low = await json(vp.get(`${base}/petition-rounds/${roundId}/merge-proposals?threshold=0.2`));
      for (const g of low.groups as { opinions: Ref[] }[]) {
        const ids = g.opinions.map((o) => o.id);
        expect(ids.includes(ops.other.id) && (ids.includes(ops.a.id) || ids.includes(ops.b.id))).toBe(false);
      }
    });

    it('adds an opinion to a petition, merges two petitions, takes an opinion out, and undoes each', async () => {
      const p1 = await json(vp.post(`${base}/petitions`, { roundId, opinions: [ops.a] }), 201);
      const p2 = await json(vp.post(`${base}/petitions`, { roundId, opinions: [ops.other] }), 201);

      // 1. add b to p1 (the clerk's correction), then undo: b is free again
      const stale = await vp.post(`${base}/petitions/${p1.id}/opinions`, { version: p1.version + 5, opinions: [ops.b] });
      expect(stale.status).toBe(409);
      expect((await stale.json()).error.message).toContain('vừa được người khác chỉnh sửa');
      const added = await json(vp.post(`${base}/petitions/${p1.id}/opinions`, { version: p1.version, opinions: [ops.b] }));
      expect(await membersOf(p1.id)).toEqual([ops.a.id, ops.b.id].sort());
      const undoAdd = await json(vp.post(`${base}/petitions/${p1.id}/unmerge`, { opinions: added.opinions, petitionVersion: added.version }));
      expect(await membersOf(p1.id)).toEqual([ops.a.id]);
      expect((await opinion(ops.b.id)).petitionId).toBeNull();
      // redo, so p1 holds a and b
      const b1 = await opinion(ops.b.id);
      const readded = await json(vp.post(`${base}/petitions/${p1.id}/opinions`, { version: undoAdd.petitionVersion, opinions: [{ id: b1.id, version: b1.version }] }));

      // 2. merge p2 into p1: p2 is gone, its opinion is in p1; a second clerk with stale versions gets 409
      const p2now = await petition(p2.id);
      const merged = await json(vp.post(`${base}/petitions/${p1.id}/merge`, { version: readded.version, from: { id: p2.id, version: p2now.version } }));
      expect(merged.merged).toEqual({ id: p2.id, number: p2.number });
      expect(await membersOf(p1.id)).toEqual([ops.a.id, ops.b.id, ops.other.id].sort());
      expect((await vp.get(`${base}/petitions/${p2.id}`)).status).toBe(404);
      const again = await vp.post(`${base}/petitions/${p1.id}/merge`, { version: readded.version, from: { id: p2.id, version: p2now.version } });
      expect(again.status).toBe(404);
      // undo: p2 comes back with its number, text and exactly its opinion
      const restored = await json(vp.post(`${base}/petitions/${p1.id}/restore-merged`, { version: merged.petition.version, petitionId: p2.id }));
      expect(restored.restored).toEqual({ id: p2.id, number: p2.number });
      expect((await petition(p2.id)).text).toBe(ROAD_OTHER);
      expect(await membersOf(p2.id)).toEqual([ops.other.id]);
      expect(await membersOf(p1.id)).toEqual([ops.a.id, ops.b.id].sort());
      const twice = await vp.post(`${base}/petitions/${p1.id}/restore-merged`, { version: restored.petition.version, petitionId: p2.id });
      expect(twice.status).toBe(409);

      // 3. take b out of p1, then undo by adding it back
      const b2 = await opinion(ops.b.id);
      const out = await json(vp.post(`${base}/petitions/${p1.id}/unmerge`, { opinionId: b2.id, version: b2.version }));
      expect(await membersOf(p1.id)).toEqual([ops.a.id]);
      const last = await opinion(ops.a.id);
      const lastOut = await vp.post(`${base}/petitions/${p1.id}/unmerge`, { opinionId: last.id, version: last.version });
      expect(lastOut.status).toBe(409);
      await json(vp.post(`${base}/petitions/${p1.id}/opinions`, { version: out.petitionVersion, opinions: out.opinions }));
      expect(await membersOf(p1.id)).toEqual([ops.a.id, ops.b.id].sort());

      // every step and every undo is in the audit log, under the clerk's name
      expect((await events('petition.add_opinions', [p1.id])).length).toBe(3);
      expect((await events('petition.remove_opinion', [p1.id])).length).toBe(2);
      const absorb = await events('petition.absorb', [p1.id]);
      expect(absorb).toHaveLength(1);
      expect(absorb[0]!.actorName).toBeTruthy();
      expect(await events('petition.merged_into', [p2.id])).toHaveLength(1);
      expect(await events('petition.release', [p1.id])).toHaveLength(1);
      expect(await events('petition.restore_merged', [p2.id])).toHaveLength(1);
      const timeline = (await json<{ items: { action: string }[] }>(vp.get(`${base}/petitions/${p1.id}/timeline?pageSize=200`))).items.map((e) => e.action);
      expect(timeline).toEqual(expect.arrayContaining(['petition.absorb', 'petition.release', 'petition.add_opinions', 'petition.remove_opinion']));
    });

    it('refuses to change the sources of a forwarded petition, in Vietnamese, and changes nothing', async () => {
      const p = await json(vp.post(`${base}/petitions`, { roundId, opinions: [ops.power] }), 201);
      const draft = (await json(vp.get(`${base}/petitions?roundId=${roundId}&pageSize=50`))).items.find((x: { id: string; status: string }) => x.id !== p.id && x.status === 'draft');
      await json(vp.post(`${base}/dispatches`, {
        roundId, agencyId: t.id('agency:dien-luc'), letterNumber: '51/HĐND-VP', letterDate: '2026-12-02', petitionIds: [p.id],
      }), 201);
      const sent = await petition(p.id);
      expect(sent.status).toBe('dispatched');
      const loose = await json(vp.post(`${base}/opinions/bulk`, { roundId, channel: 'letter', items: [{ text: 'Điện khu dân cư Thạnh Đức 2 chập chờn, thường xuyên mất điện.' }] }), 201);
      const tries = [
        vp.post(`${base}/petitions/${p.id}/opinions`, { version: sent.version, opinions: [loose.items[0]] }),
        vp.post(`${base}/petitions/${p.id}/merge`, { version: sent.version, from: { id: draft.id, version: draft.version } }),
        vp.post(`${base}/petitions/${draft.id}/merge`, { version: draft.version, from: { id: p.id, version: sent.version } }),
      ];
      for (const res of await Promise.all(tries)) {
        expect(res.status).toBe(409);
        const msg = (await res.json()).error.message as string;
        expect(msg).toContain(`Kiến nghị số ${sent.number} đã chuyển đến cơ quan có thẩm quyền`);
      }
      const pw = await opinion(ops.power.id);
      const edit = await vp.patch(`${base}/opinions/${pw.id}`, { version: pw.version, text: 'Nội dung đã sửa sau khi chuyển.' });
      expect(edit.status).toBe(409);
      expect((await edit.json()).error.message).toContain('Ý kiến được giữ nguyên như khi chuyển');
      const after = await petition(p.id);
      expect(after.version).toBe(sent.version);
      expect(await membersOf(p.id)).toEqual([ops.power.id]);
      expect((await opinion(ops.power.id)).text).toBe(POWER);
      expect((await opinion(loose.items[0].id)).petitionId).toBeNull();
      // the merge screen does not offer a forwarded petition for adding
      const proposals = await json(vp.get(`${base}/petition-rounds/${roundId}/merge-proposals?threshold=0.2`));
      for (const s of proposals.singles as { existingPetition: { id: string } }[]) expect(s.existingPetition.id).not.toBe(p.id);
    });

    it('edits a saved opinion: the previous text is kept in its history and timeline, search follows', async () => {
      const b = await opinion(ops.b.id);
      const edited = await json(vp.patch(`${base}/opinions/${b.id}`, { version: b.version, text: 'Tuyến đường vào thôn Vĩnh Phú xuống cấp, có đoạn sụt lún sâu gần cầu tràn.' }));
      expect(edited.version).toBe(b.version + 1);
      const stale = await vp.patch(`${base}/opinions/${b.id}`, { version: b.version, text: 'Bản sửa của người khác.' });
      expect(stale.status).toBe(409);
      const history = await json(vp.get(`${base}/opinions/${b.id}/history`));
      expect(history.versions.map((v: { text: string }) => v.text)).toEqual([ROAD_B, edited.text]);
      expect(history.versions[0].replacedBy).toBeTruthy();
      // accent-insensitive search finds the new words and no longer the old ones
      const find = async (q: string) => ((await json(vp.get(`${base}/opinions?roundId=${roundId}&q=${encodeURIComponent(q)}`))).items as Ref[]).map((o) => o.id);
      expect(await find('cau tran')).toContain(b.id);
      expect(await find('loi lom')).not.toContain(b.id);
      // the petition it belongs to shows the edit with both texts
      const { items: timeline } = await json<{ items: { action: string; entityId: string; before: { text?: string } | null; after: { text?: string } | null }[] }>(
        vp.get(`${base}/petitions/${edited.petitionId}/timeline?pageSize=200`),
      );
      const update = timeline.find((e) => e.action === 'opinion.update' && e.entityId === b.id);
      expect(update?.before?.text).toBe(ROAD_B);
      expect(update?.after?.text).toBe(edited.text);
    });
  });
}
