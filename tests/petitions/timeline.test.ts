// A petition's timeline keeps the history of an opinion that was merged into it and later taken
// out: the clerk sees where it came from and that it left, not a silent gap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from './support.ts';

for (const kind of dbKinds()) {
  describe(`petitions: timeline [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let base: string;
    beforeAll(async () => {
      t = await createTestApp(kind);
      vp = await t.as('vp.sahuynh');
      base = `/api/councils/${t.id('council:sa-huynh')}`;
    });
    afterAll(() => t.close());

    it('shows the events of an opinion taken out of the petition', async () => {
      const round = await json(vp.post(`${base}/petition-rounds`, { name: 'Đợt thử dòng thời gian', kind: 'continuous', startDate: '2026-11-01' }), 201);
      const meeting = await json(vp.post(`${base}/petition-rounds/${round.id}/meetings`, { heldOn: '2026-11-05', place: 'Nhà văn hóa tổ dân phố Long Thạnh 1', votersAttending: 30 }), 201);
      const texts = ['Đề nghị nâng cấp đường bê tông tổ dân phố Long Thạnh 1.', 'Đường bê tông Long Thạnh 1 xuống cấp, đề nghị sửa chữa.'];
      const ops = (await json(vp.post(`${base}/opinions/bulk`, { roundId: round.id, meetingId: meeting.id, items: texts.map((text) => ({ text })) }), 201))
        .items as { id: string; version: number }[];
      const petition = await json(vp.post(`${base}/petitions`, { roundId: round.id, opinions: ops.map((o) => ({ id: o.id, version: o.version })) }), 201);
      const taken = (await json(vp.get(`${base}/opinions?petitionId=${petition.id}`))).items.find((o: { id: string }) => o.id === ops[1]!.id);
      await json(vp.post(`${base}/petitions/${petition.id}/unmerge`, { opinionId: taken.id, version: taken.version }));

      const { items: timeline } = await json<{ items: { action: string; entityId: string }[] }>(vp.get(`${base}/petitions/${petition.id}/timeline?pageSize=200`));
      const of = (id: string) => timeline.filter((e) => e.entityId === id).map((e) => e.action);
      expect(of(ops[0]!.id)).toEqual(expect.arrayContaining(['opinion.create']));
      // The opinion that left: its intake and its merge are still there, then its removal.
      expect(of(ops[1]!.id)).toEqual(expect.arrayContaining(['opinion.create']));
      expect(timeline.map((e) => e.action)).toContain('petition.remove_opinion');
      const ids = timeline.map((e) => (e as unknown as { id: number }).id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    });
  });
}
