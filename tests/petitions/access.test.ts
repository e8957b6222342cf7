// Who sees what: agency responders see only their agency's petitions and never voter names;
// delegates see petitions without voter names; the public page never returns personal data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from './support.ts';

const VOTERS = ['Trịnh Văn Bí Mật', 'Hoàng Thị Riêng Tư'];
const HAMLETS = ['Xóm Kín Đáo Một', 'Xóm Kín Đáo Hai'];

for (const kind of dbKinds()) {
  describe(`petitions: access and personal data [${kind}]`, () => {
    let t: TestApp;
    let base: string;
    let roundId: string;
    let pRoad: { id: string };
    let pPower: { id: string };
    beforeAll(async () => {
      t = await createTestApp(kind);
      const vp = await t.as('vp.sahuynh');
      base = `/api/councils/${t.id('council:sa-huynh')}`;
      const round = await json(vp.post(`${base}/petition-rounds`, { name: 'Tiếp xúc cử tri sau kỳ họp thứ 2', kind: 'after_session', startDate: '2026-11-01' }), 201);
      roundId = round.id;
      const meeting = await json(vp.post(`${base}/petition-rounds/${round.id}/meetings`, { heldOn: '2026-11-05', unitId: t.id('unit:sa-huynh'), votersAttending: 60 }), 201);
      const ops = await json(vp.post(`${base}/opinions/bulk`, {
        roundId: round.id, meetingId: meeting.id,
        items: [
          { text: 'Đề nghị sửa chữa đường ven biển Sa Huỳnh bị sạt lở.', voterName: VOTERS[0], voterHamlet: HAMLETS[0] },
          { text: 'Đề nghị cấp điện cho khu sản xuất muối Sa Huỳnh.', voterName: VOTERS[1], voterHamlet: HAMLETS[1] },
        ],
      }), 201);
      const [o1, o2] = ops.items;
      pRoad = await json(vp.post(`${base}/petitions`, { roundId, opinions: [{ id: o1.id, version: o1.version }], competentLevel: 'province', agencyId: t.id('agency:so-xay-dung') }), 201);
      pPower = await json(vp.post(`${base}/petitions`, { roundId, opinions: [{ id: o2.id, version: o2.version }], competentLevel: 'province', agencyId: t.id('agency:dien-luc') }), 201);
      await json(vp.post(`${base}/dispatches`, { roundId, agencyId: t.id('agency:so-xay-dung'), letterNumber: '10/HĐND', letterDate: '2026-11-20', petitionIds: [pRoad.id] }), 201);
      await json(vp.post(`${base}/dispatches`, { roundId, agencyId: t.id('agency:dien-luc'), letterNumber: '11/HĐND', letterDate: '2026-11-20', petitionIds: [pPower.id] }), 201);
    });
    afterAll(() => t.close());

    it('keeps agencies to their own petitions, without voter names', async () => {
      const sx = await t.as('so.xaydung');
      const dl = await t.as('dienluc');
      const soXd = t.id('agency:so-xay-dung');
      const dien = t.id('agency:dien-luc');
      const inboxRes = await sx.get(`/api/agencies/${soXd}/dispatch-items?pageSize=100`);
      const raw = await inboxRes.text();
      expect(inboxRes.status).toBe(200);
      for (const s of [...VOTERS, ...HAMLETS]) expect(raw).not.toContain(s);
      const inbox = JSON.parse(raw);
      const mine = inbox.items.filter((i: { petitionId: string }) => i.petitionId === pRoad.id || i.petitionId === pPower.id);
      expect(mine.map((i: { petitionId: string }) => i.petitionId)).toEqual([pRoad.id]);
      const itemId = mine[0].id;
      const detail = await sx.get(`/api/agencies/${soXd}/dispatch-items/${itemId}`);
      const detailRaw = await detail.text();
      for (const s of [...VOTERS, ...HAMLETS]) expect(detailRaw).not.toContain(s);

      // Another agency: no access through its own scope, none through the other's.
      expect((await dl.get(`/api/agencies/${soXd}/dispatch-items`)).status).toBe(403);
      expect((await dl.get(`/api/agencies/${dien}/dispatch-items/${itemId}`)).status).toBe(404);
      expect((await dl.post(`/api/agencies/${dien}/dispatch-items/${itemId}/response`, { result: 'resolved', text: 'Đã xong.' })).status).toBe(404);
      expect((await dl.post(`/api/agencies/${soXd}/dispatch-items/${itemId}/response`, { result: 'resolved', text: 'Đã xong.' })).status).toBe(403);
      expect((await dl.post(`/api/agencies/${dien}/dispatch-items/${itemId}/return`, { reason: 'Không thuộc thẩm quyền.' })).status).toBe(404);
      // Nor the council's lists.
      expect((await sx.get(`${base}/petitions`)).status).toBe(403);
      expect((await sx.get(`${base}/opinions`)).status).toBe(403);
      expect((await sx.get(`${base}/petitions/${pRoad.id}`)).status).toBe(403);
      // An in-progress answer needs a roadmap and a committed date.
      const bad = await sx.post(`/api/agencies/${soXd}/dispatch-items/${itemId}/response`, { result: 'in_progress', text: 'Đang khảo sát.' });
      expect(bad.status).toBe(422);
      expect((await bad.json()).error.message).toContain('lộ trình');
      await json(sx.post(`/api/agencies/${soXd}/dispatch-items/${itemId}/response`, {
        result: 'in_progress', text: 'Đang lập dự án kè chống sạt lở.', roadmap: 'Khảo sát quý I, thi công quý III/2027.', committedDate: '2027-09-30',
      }), 201);
    });

    it('shows voter names only to the secretariat', async () => {
      const vp = await t.as('vp.sahuynh');
      const withNames = await (await vp.get(`${base}/opinions?roundId=${roundId}`)).text();
      expect(withNames).toContain(VOTERS[0]);
      const delegate = await t.as('daibieu.sahuynh');
      for (const path of [`${base}/opinions?roundId=${roundId}`, `${base}/petitions/${pRoad.id}`, `${base}/petitions?roundId=${roundId}`, `${base}/petitions/${pRoad.id}/timeline`]) {
        const res = await delegate.get(path);
        expect(res.status).toBe(200);
        const raw = await res.text();
        for (const s of [...VOTERS, ...HAMLETS]) expect(raw).not.toContain(s);
      }
      // The audit log (read by the standing committee) does not copy voter names either.
      const tt = await t.as('tt.sahuynh');
      const audit = await (await tt.get(`/api/councils/${t.id('council:sa-huynh')}/audit?entityType=opinion&pageSize=200`)).text();
      for (const s of [...VOTERS, ...HAMLETS]) expect(audit).not.toContain(s);
    });

    it('publishes petitions and answers without any personal data', async () => {
      const vp = await t.as('vp.sahuynh');
      const councilId = t.id('council:sa-huynh');
      const anon = t.anonymous();
      expect((await anon.get(`/api/public/councils/${t.id('council:tra-cau')}/rounds`)).status).toBe(404);
      const tt = await t.as('tt.sahuynh');
      await json(tt.post(`${base}/petitions/${pRoad.id}/reviews`, { verdict: 'unsatisfactory', comment: 'Nhận xét nội bộ không công bố.' }), 201);
      await json(vp.patch(`${base}/petition-rounds/${roundId}`, { published: true }));
      const councils = await json(anon.get('/api/public/councils?pageSize=200'));
      expect(councils.items.map((c: { id: string }) => c.id)).toContain(councilId);
      expect(councils.total).toBe(councils.items.length);
      expect(await json(anon.get(`/api/public/councils/${councilId}`))).toMatchObject({ id: councilId, name: 'Hội đồng nhân dân phường Sa Huỳnh' });
      expect((await anon.get(`/api/public/councils/${t.id('council:tra-cau')}`)).status).toBe(404);
      const rounds = await json(anon.get(`/api/public/councils/${councilId}/rounds`));
      expect(rounds.items.map((r: { id: string }) => r.id)).toContain(roundId);
      // The page opens on the newest published round without waiting for the rounds: `latest`.
      expect(rounds.items[0].id).toBe(roundId);
      const latest = await json(anon.get(`/api/public/councils/${councilId}/petitions?roundId=latest`));
      expect(latest).toMatchObject({ total: 2, answered: 1, page: 1, pageSize: 20 });
      // The commune filter's choices: the units of the public petitions only.
      const communes = await json(anon.get(`/api/public/councils/${councilId}/communes?roundId=latest`));
      expect(communes).toMatchObject({ items: [{ id: t.id('unit:sa-huynh'), name: 'Sa Huỳnh' }], total: 1 });
      const res = await anon.get(`/api/public/councils/${councilId}/petitions?roundId=${roundId}&unitId=${t.id('unit:sa-huynh')}`);
      expect(res.status).toBe(200);
      const raw = await res.text();
      for (const s of [...VOTERS, ...HAMLETS, 'Lê Thị Mỹ', 'Huỳnh Văn Đạt', 'Ngô Thị Thảo', 'Nhận xét nội bộ']) expect(raw).not.toContain(s);
      const page = JSON.parse(raw);
      expect(page.total).toBe(2);
      const road = page.items.find((p: { id: string }) => p.id === pRoad.id);
      expect(road.answers[0]).toMatchObject({ result: 'in_progress', committedDate: '2027-09-30' });
      expect(road.communes).toEqual(['Sa Huỳnh']);
      // Accent-insensitive public search.
      const found = await json(anon.get(`/api/public/councils/${councilId}/petitions?roundId=${roundId}&q=${encodeURIComponent('sat lo')}`));
      expect(found.items.map((p: { id: string }) => p.id)).toEqual([pRoad.id]);
    });
  });
}
