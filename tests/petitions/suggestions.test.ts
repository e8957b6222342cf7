// Field suggestions learn from the council's own confirmed classifications, and pick up new
// confirmations at once (the trained model is reused only while they are unchanged).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from './support.ts';

for (const kind of dbKinds()) {
  describe(`petitions: field suggestions learn [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let base: string;
    beforeAll(async () => {
      t = await createTestApp(kind);
      vp = await t.as('vp.sahuynh');
      base = `/api/councils/${t.id('council:sa-huynh')}`;
    });
    afterAll(() => t.close());

    it('switches to the council\'s own field once enough opinions were filed under it', async () => {
      // A field of this council's own, with no keywords: only its usage can teach it.
      const field = await json(vp.post(`${base}/petition-fields`, { code: 'phat_thanh_co_so', name: 'Phát thanh cơ sở' }), 201);
      const round = await json(vp.post(`${base}/petition-rounds`, { name: 'Đợt thử gợi ý lĩnh vực', kind: 'continuous', startDate: '2026-11-01' }), 201);
      const meeting = await json(vp.post(`${base}/petition-rounds/${round.id}/meetings`, { heldOn: '2026-11-05', place: 'Nhà văn hóa tổ dân phố Thạnh Đức 1', votersAttending: 25 }), 201);
      const place = ['Thạnh Đức 1', 'Thạnh Đức 2', 'Long Thạnh 1', 'Long Thạnh 2', 'Phổ Châu'];
      const texts = Array.from({ length: 24 }, (_, i) => `Loa truyền thanh tổ dân phố ${place[i % 5]} bị hư, tiếng nhỏ, đề nghị sửa loa phát thanh (${i + 1}).`);
      const ops = (await json(vp.post(`${base}/opinions/bulk`, { roundId: round.id, meetingId: meeting.id, items: texts.map((text) => ({ text })) }), 201))
        .items as { id: string; version: number }[];
      const probe = ops.pop()!;
      const suggest = async () =>
        (await json(vp.post(`${base}/opinions/suggestions`, { opinionIds: [probe.id] }))).items[0].field?.fieldId ?? null;
      expect(await suggest()).not.toBe(field.id);
      await json(vp.post(`${base}/opinions/classify`, { items: ops.map((o) => ({ opinionId: o.id, version: o.version, fieldId: field.id })) }));
      expect(await suggest()).toBe(field.id);
    });
  });
}
