// "Raised before?": similar earlier petitions while typing, across rounds and predecessor councils.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from './support.ts';

const EMBANKMENT_2025 = 'Đề nghị đầu tư xây dựng kè chống sạt lở bờ sông Lò Bó đoạn qua tổ dân phố Thạnh Sơn, mùa mưa lũ đất bị cuốn trôi.';
const EMBANKMENT_2026 = 'Kè chống sạt lở bờ sông Lò Bó (tổ dân phố Thạnh Sơn) chưa được đầu tư, đề nghị UBND phường sớm bố trí vốn xây dựng.';
const CANAL = 'Đề nghị nạo vét kênh thủy lợi Thạch Nham, bồi lắng nhiều, nước không về đồng.';
const TYPED = 'Cử tri tiếp tục kiến nghị sớm xây dựng kè chống sạt lở bờ sông Lò Bó, đoạn tổ dân phố Thạnh Sơn';
const ELSEWHERE = 'Cử tri tiếp tục kiến nghị sớm xây dựng kè chống sạt lở bờ sông Trà Bồng, đoạn thôn Tân Hy';
const TOWN_2022 = 'Đề nghị thị xã đầu tư nâng cấp cầu treo Phổ Châu bắc qua sông Lò Bó, cầu đã xuống cấp, mất an toàn.';
const TOWN_TYPED = 'Cử tri đề nghị tỉnh sớm nâng cấp cầu treo Phổ Châu qua sông Lò Bó vì cầu xuống cấp, không an toàn';

async function petitionsIn(c: TestClient, councilId: string, round: { name: string; kind: string; startDate: string }, texts: string[]) {
  const base = `/api/councils/${councilId}`;
  const r = await json(c.post(`${base}/petition-rounds`, round), 201);
  const ops = await json(c.post(`${base}/opinions/bulk`, { roundId: r.id, channel: 'letter', items: texts.map((text) => ({ text })) }), 201);
  const out: { id: string; number: number }[] = [];
  for (const o of ops.items) out.push(await json(c.post(`${base}/petitions`, { roundId: r.id, opinions: [{ id: o.id, version: o.version }] }), 201));
  return out;
}

for (const kind of dbKinds()) {
  describe(`petitions: similar earlier petitions [${kind}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(() => t.close());

    it('finds a rephrased petition across rounds, with the count and the year since', async () => {
      const vp = await t.as('vp.sahuynh');
      const sh = t.id('council:sa-huynh');
      const base = `/api/councils/${sh}`;
      const [old, canal] = await petitionsIn(vp, sh, { name: 'Đợt giữa năm 2025', kind: 'continuous', startDate: '2025-08-01' }, [EMBANKMENT_2025, CANAL]);
      const [recent] = await petitionsIn(vp, sh, { name: 'Đợt cuối năm 2026', kind: 'continuous', startDate: '2026-11-03' }, [EMBANKMENT_2026]);
      const similar = (text: string, k = 5) => json(vp.get(`${base}/petitions/similar?text=${encodeURIComponent(text)}&k=${k}`));

      const found = await similar(TYPED);
      const ids = found.items.map((p: { id: string }) => p.id);
      expect([old!.id, recent!.id]).toContain(ids[0]);
      expect(ids.slice(0, 2).sort()).toEqual([old!.id, recent!.id].sort());
      expect(ids).not.toContain(canal!.id);
      expect(found.summary).toMatchObject({ count: 2, since: '2025' });
      const top = found.items[0];
      expect(top).toMatchObject({ councilId: sh, ownCouncil: true, statusLabel: expect.any(String), lastResultLabel: null });
      expect(top.score).toBeGreaterThan(0.5);
      expect(['Đợt giữa năm 2025', 'Đợt cuối năm 2026']).toContain(top.roundName);
      // No personal data.
      expect(JSON.stringify(found)).not.toMatch(/voter/i);

      const one = await similar(TYPED, 1);
      expect(one.items).toHaveLength(1);
      expect(one.summary.count).toBe(2);

      // Another river, another hamlet: not the same matter.
      const elsewhere = await similar(ELSEWHERE);
      const otherIds = elsewhere.items.map((p: { id: string }) => p.id);
      expect(otherIds).not.toContain(old!.id);
      expect(otherIds).not.toContain(recent!.id);

      const short = await vp.get(`${base}/petitions/similar?text=${encodeURIComponent('kè sông')}`);
      expect(short.status).toBe(422);
      expect((await short.json()).error.message).toContain('ít nhất 10 ký tự');
    });

    it('includes predecessor councils only, and is scoped to the council', async () => {
      const town = t.id('council:town');
      const prov = t.id('council:province');
      const [bridge] = await petitionsIn(await t.as('vp.thixa'), town, { name: 'Tiếp xúc cử tri năm 2022', kind: 'before_session', startDate: '2022-05-10' }, [TOWN_2022]);

      // The province was formed (in part) from the town: its petitions were raised "before".
      const tinh = await t.as('vp.tinh');
      const fromProvince = await json(tinh.get(`/api/councils/${prov}/petitions/similar?text=${encodeURIComponent(TOWN_TYPED)}`));
      expect(fromProvince.items[0]).toMatchObject({ id: bridge!.id, councilId: town, ownCouncil: false, roundName: 'Tiếp xúc cử tri năm 2022' });
      expect(fromProvince.summary).toMatchObject({ count: 1, since: '2022' });

      // Sa Huỳnh was not formed from the town council: nothing of the town's.
      const vp = await t.as('vp.sahuynh');
      const fromSh = await json(vp.get(`/api/councils/${t.id('council:sa-huynh')}/petitions/similar?text=${encodeURIComponent(TOWN_TYPED)}`));
      expect(fromSh.items.map((p: { id: string }) => p.id)).not.toContain(bridge!.id);
      expect(fromSh.items.every((p: { councilId: string }) => p.councilId === t.id('council:sa-huynh'))).toBe(true);

      // Đức Phổ ward does not see Sa Huỳnh's petitions, and may not ask for Sa Huỳnh.
      const ducpho = await t.as('vp.ducpho');
      const fromDp = await json(ducpho.get(`/api/councils/${t.id('council:duc-pho-ward')}/petitions/similar?text=${encodeURIComponent(TYPED)}`));
      expect(fromDp.items.every((p: { councilId: string }) => p.councilId !== t.id('council:sa-huynh'))).toBe(true);
      const denied = await ducpho.get(`/api/councils/${t.id('council:sa-huynh')}/petitions/similar?text=${encodeURIComponent(TYPED)}`);
      expect(denied.status).toBe(403);
    });
  });
}
