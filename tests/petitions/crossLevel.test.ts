// Across levels: a ward sends a petition up to the provincial council; the province merges it,
// forwards it to its department; the department's answer flows back down to the ward.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from './support.ts';

for (const kind of dbKinds()) {
  describe(`petitions: across levels [${kind}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(() => t.close());

    it('sends a petition up and brings the answer back down', async () => {
      const ward = await t.as('vp.sahuynh');
      const prov = await t.as('vp.tinh');
      const wBase = `/api/councils/${t.id('council:sa-huynh')}`;
      const pBase = `/api/councils/${t.id('council:province')}`;
      const wRound = await json(ward.post(`${wBase}/petition-rounds`, { name: 'Đợt phường', kind: 'before_session', startDate: '2026-11-01' }), 201);
      const ops = await json(ward.post(`${wBase}/opinions/bulk`, {
        roundId: wRound.id, channel: 'letter', items: [{ text: 'Đề nghị đầu tư kè chống sạt lở bờ biển Sa Huỳnh.', voterName: 'Ông Cấp Dưới Bí Mật', unitId: t.id('unit:sa-huynh') }],
      }), 201);
      const wp = await json(ward.post(`${wBase}/petitions`, { roundId: wRound.id, opinions: [{ id: ops.items[0].id, version: ops.items[0].version }], competentLevel: 'province' }), 201);

      // The province has no open round (the demo round is closed first): a clear refusal.
      const open = await json(prov.get(`${pBase}/petition-rounds?status=open`));
      for (const r of open.items) await json(prov.post(`${pBase}/petition-rounds/${r.id}/close`, {}));
      const early = await ward.post(`${wBase}/dispatches`, { roundId: wRound.id, targetCouncilId: t.id('council:province'), letterNumber: '20/HĐND', letterDate: '2026-11-25', petitionIds: [wp.id] });
      expect(early.status).toBe(409);
      expect((await early.json()).error.message).toContain('chưa có đợt tiếp nhận');
      // A council that is not above this ward: refused.
      const sideways = await ward.post(`${wBase}/dispatches`, { roundId: wRound.id, targetCouncilId: t.id('council:tra-cau'), letterNumber: '20/HĐND', letterDate: '2026-11-25', petitionIds: [wp.id] });
      expect(sideways.status).toBe(422);

      const pRound = await json(prov.post(`${pBase}/petition-rounds`, { name: 'Tiếp xúc cử tri trước kỳ họp thứ 2, HĐND tỉnh', kind: 'before_session', startDate: '2026-11-15' }), 201);
      const sent = await json(ward.post(`${wBase}/dispatches`, { roundId: wRound.id, targetCouncilId: t.id('council:province'), letterNumber: '20/HĐND', letterDate: '2026-11-25', petitionIds: [wp.id] }), 201);
      expect(sent.targetKind).toBe('council');

      // It arrives in the province's intake, without the voter's name.
      const intakeRes = await prov.get(`${pBase}/opinions?roundId=${pRound.id}`);
      const intakeRaw = await intakeRes.text();
      expect(intakeRaw).not.toContain('Ông Cấp Dưới Bí Mật');
      const intake = JSON.parse(intakeRaw);
      expect(intake.items).toHaveLength(1);
      expect(intake.items[0]).toMatchObject({ channel: 'lower_council', sourcePetitionId: wp.id });
      const up = await json(prov.post(`${pBase}/petitions`, { roundId: pRound.id, opinions: [{ id: intake.items[0].id, version: intake.items[0].version }] }), 201);
      await json(prov.post(`${pBase}/dispatches`, { roundId: pRound.id, agencyId: t.id('agency:so-xay-dung'), letterNumber: '300/HĐND-VP', letterDate: '2026-12-01', petitionIds: [up.id] }), 201);

      const sx = await t.as('so.xaydung');
      const inbox = await json(sx.get(`/api/agencies/${t.id('agency:so-xay-dung')}/dispatch-items`));
      const item = inbox.items.find((i: { petitionId: string }) => i.petitionId === up.id);
      expect(item.fromCouncil).toBe('Hội đồng nhân dân tỉnh Quảng Ngãi');
      await json(sx.post(`/api/agencies/${t.id('agency:so-xay-dung')}/dispatch-items/${item.id}/response`, {
        result: 'in_progress', text: 'Dự án kè Sa Huỳnh đã được phê duyệt chủ trương đầu tư.', roadmap: 'Khởi công quý II/2027.', committedDate: '2027-12-31',
      }), 201);

      // The answer flows back down to the ward's petition.
      const down = await json(ward.get(`${wBase}/petitions/${wp.id}`));
      expect(down.status).toBe('answered');
      expect(down.responses).toHaveLength(1);
      expect(down.responses[0]).toMatchObject({ result: 'in_progress', committedDate: '2027-12-31' });
      expect(down.responses[0].fromResponseId).toBeTruthy();
      expect(down.upperPetitions[0].petitionId).toBe(up.id);
      const timeline = (await json(ward.get(`${wBase}/petitions/${wp.id}/timeline?pageSize=200`))).items;
      expect(timeline.some((e: { level: string; action: string }) => e.level === 'upper' && e.action === 'petition.dispatch')).toBe(true);
      expect(timeline.some((e: { action: string }) => e.action === 'petition.answer_from_upper')).toBe(true);
      const upDetail = await json(prov.get(`${pBase}/petitions/${up.id}`));
      expect(upDetail.lowerPetitions[0]).toMatchObject({ id: wp.id, councilName: 'Hội đồng nhân dân phường Sa Huỳnh' });
    });
  });
}
