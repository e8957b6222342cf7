// The province sends back a petition a ward forwarded to it (it is for the ward to resolve): the
// ward's petition is returned with the reason, as after an agency's return, and can be re-routed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { auditEvents } from '../../src/modules/audit/schema.ts';
import { json } from './support.ts';

const REASON = 'Thuộc thẩm quyền cấp xã, đề nghị HĐND phường chuyển UBND phường giải quyết';

for (const kind of dbKinds()) {
  describe(`petitions: the upper council returns a petition to the lower one [${kind}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(() => t.close());

    it('returns, refuses what it must, and the ward re-routes the petition', async () => {
      const ward = await t.as('vp.sahuynh');
      const prov = await t.as('vp.tinh');
      const other = await t.as('vp.ducpho');
      const wBase = `/api/councils/${t.id('council:sa-huynh')}`;
      const pBase = `/api/councils/${t.id('council:province')}`;

      // The ward: two petitions, both sent up to the province.
      const wRound = await json(ward.post(`${wBase}/petition-rounds`, { name: 'Đợt phường', kind: 'before_session', startDate: '2026-11-01' }), 201);
      const ops = await json(ward.post(`${wBase}/opinions/bulk`, {
        roundId: wRound.id, channel: 'letter', items: [
          { text: 'Đề nghị sửa chữa đường bê tông tổ dân phố 3 phường Sa Huỳnh bị hư hỏng.', unitId: t.id('unit:sa-huynh') },
          { text: 'Đề nghị đầu tư kè chống sạt lở bờ biển Sa Huỳnh.', unitId: t.id('unit:sa-huynh') },
        ],
      }), 201);
      const [wp1, wp2] = [
        await json(ward.post(`${wBase}/petitions`, { roundId: wRound.id, opinions: [{ id: ops.items[0].id, version: ops.items[0].version }], competentLevel: 'province' }), 201),
        await json(ward.post(`${wBase}/petitions`, { roundId: wRound.id, opinions: [{ id: ops.items[1].id, version: ops.items[1].version }], competentLevel: 'province' }), 201),
      ];
      const open = await json(prov.get(`${pBase}/petition-rounds?status=open`));
      for (const r of open.items) await json(prov.post(`${pBase}/petition-rounds/${r.id}/close`, {}));
      const pRound = await json(prov.post(`${pBase}/petition-rounds`, { name: 'Tiếp xúc cử tri trước kỳ họp thứ 2', kind: 'before_session', startDate: '2026-11-15' }), 201);
      await json(ward.post(`${wBase}/dispatches`, { roundId: wRound.id, targetCouncilId: t.id('council:province'), letterNumber: '21/HĐND', letterDate: '2026-11-25', petitionIds: [wp1.id, wp2.id] }), 201);
      // An opinion the province received directly.
      const own = await json(prov.post(`${pBase}/opinions/bulk`, { roundId: pRound.id, channel: 'letter', items: [{ text: 'Đề nghị nâng cấp Quốc lộ 24.' }] }), 201);

      const intake = async () => (await json(prov.get(`${pBase}/opinions?roundId=${pRound.id}`))).items as { id: string; version: number; sourcePetitionId: string | null }[];
      const first = await intake();
      const o1 = first.find((o) => o.sourcePetitionId === wp1.id)!;
      const o2 = first.find((o) => o.sourcePetitionId === wp2.id)!;
      expect(o1 && o2).toBeTruthy();
      const ret = (c: typeof prov, base: string, id: string, body: unknown) => c.post(`${base}/opinions/${id}/return-to-lower`, body);

      // Refusals.
      const empty = await ret(prov, pBase, o1.id, { reason: '  ', version: o1.version });
      expect(empty.status).toBe(422);
      expect((await empty.json()).error.message).toContain('Lý do trả lại không được để trống');
      const ordinary = await ret(prov, pBase, own.items[0].id, { reason: REASON, version: own.items[0].version });
      expect(ordinary.status).toBe(422);
      expect((await ordinary.json()).error.message).toContain('do HĐND cấp dưới chuyển lên');
      const stale = await ret(prov, pBase, o1.id, { reason: REASON, version: o1.version + 1 });
      expect(stale.status).toBe(409);
      expect((await ret(other, pBase, o1.id, { reason: REASON, version: o1.version })).status).toBe(403);
      expect((await ret(other, `/api/councils/${t.id('council:duc-pho-ward')}`, o1.id, { reason: REASON, version: o1.version })).status).toBe(404);
      const up = await json(prov.post(`${pBase}/petitions`, { roundId: pRound.id, opinions: [{ id: o2.id, version: o2.version }] }), 201);
      const merged = await ret(prov, pBase, o2.id, { reason: REASON, version: o2.version + 1 });
      expect(merged.status).toBe(409);
      expect((await merged.json()).error.message).toContain(`kiến nghị số ${up.number}`);
      expect((await json(ward.get(`${wBase}/petitions/${wp1.id}`))).status).toBe('dispatched');

      // The return.
      await json(ret(prov, pBase, o1.id, { reason: REASON, version: o1.version }));
      expect((await intake()).map((o) => o.id)).not.toContain(o1.id);
      const back = await json(ward.get(`${wBase}/petitions/${wp1.id}`));
      expect(back.status).toBe('returned');
      expect(back.dispatches[0]).toMatchObject({ state: 'returned', returnReason: REASON });
      expect(back.upperPetitions).toHaveLength(0);
      const notes = await json(ward.get('/api/notifications'));
      const note = notes.items.find((n: { kind: string }) => n.kind === 'petition.returned');
      expect(note.title).toBe(`HĐND tỉnh Quảng Ngãi trả lại kiến nghị số ${wp1.number}`);
      expect(note.body).toContain(REASON);
      const timeline = (await json(ward.get(`${wBase}/petitions/${wp1.id}/timeline?pageSize=200`))).items;
      const ev = timeline.find((e: { action: string }) => e.action === 'petition.return');
      expect(ev.after).toMatchObject({ status: 'returned', reason: REASON, agencyName: 'Hội đồng nhân dân tỉnh Quảng Ngãi' });
      const [upperEv] = await t.db.select().from(auditEvents)
        .where(and(eq(auditEvents.action, 'opinion.return_to_lower'), eq(auditEvents.entityId, o1.id)));
      expect(upperEv!.councilId).toBe(t.id('council:province'));
      expect(upperEv!.after).toMatchObject({ reason: REASON, lowerPetitionId: wp1.id });
      expect((upperEv!.before as { text: string }).text).toContain('đường bê tông');
      // Gone: a second return finds nothing.
      expect((await ret(prov, pBase, o1.id, { reason: REASON, version: o1.version })).status).toBe(404);

      // The ward re-routes it to its own people's committee.
      await json(ward.post(`${wBase}/dispatches`, { roundId: wRound.id, agencyId: t.id('agency:ubnd-sa-huynh'), letterNumber: '25/HĐND', letterDate: '2026-11-26', petitionIds: [wp1.id] }), 201);
      const again = await json(ward.get(`${wBase}/petitions/${wp1.id}`));
      expect(again.status).toBe('dispatched');
      expect(again.dispatches.map((d: { state: string }) => d.state).sort()).toEqual(['pending', 'returned']);
    });
  });
}
