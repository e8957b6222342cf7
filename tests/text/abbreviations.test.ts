// The administrator's abbreviations: added to the defaults, used the same way when petitions are
// stored and when they are searched, and applied to older records by a reindex.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from '../petitions/support.ts';

for (const kind of dbKinds()) {
  describe(`text: administrator's abbreviations [${kind}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let vp: TestClient;
    let base: string;
    let roundId: string;

    const addPetition = async (text: string) => {
      const ops = await json(vp.post(`${base}/opinions/bulk`, { roundId, channel: 'hotline', items: [{ text }] }), 201);
      const o = ops.items[0];
      await json(vp.post(`${base}/petitions`, { roundId, opinions: [{ id: o.id, version: o.version }] }), 201);
    };
    const search = async (q: string) =>
      (await json(vp.get(`${base}/petitions?roundId=${roundId}&q=${encodeURIComponent(q)}`))).items.map((p: { text: string }) => p.text);

    beforeAll(async () => {
      t = await createTestApp(kind);
      admin = await t.as('admin');
      vp = await t.as('vp.sahuynh');
      base = `/api/councils/${t.id('council:sa-huynh')}`;
      roundId = (await json(vp.post(`${base}/petition-rounds`, { name: 'Đợt từ viết tắt', kind: 'continuous', startDate: '2026-11-01' }), 201)).id;
    });
    afterAll(() => t.close());

    it('lists the defaults, marked "mặc định", to any logged-in user', async () => {
      const list = await json(vp.get('/api/text/abbreviations'));
      const ubnd = list.items.find((e: { abbreviation: string }) => e.abbreviation === 'UBND');
      expect(ubnd).toMatchObject({ id: null, expansion: 'ủy ban nhân dân', source: 'default', sourceLabel: 'mặc định' });
      expect((await t.anonymous().get('/api/text/abbreviations')).status).toBe(401);
    });

    it("an administrator adds 'KDC'; petitions match it both ways", async () => {
      const created = await json(admin.post('/api/text/abbreviations', { abbreviation: 'KDC', expansion: 'khu dân cư', note: 'Khu dân cư' }), 201);
      expect(created).toMatchObject({ abbreviation: 'KDC', source: 'custom', sourceLabel: 'quản trị viên' });
      await addPetition('Đề nghị làm đường vào KDC Thạnh Đức.');
      await addPetition('Đề nghị lắp đèn chiếu sáng khu dân cư Hiệp An.');
      expect(await search('khu dan cu thanh duc')).toEqual(['Đề nghị làm đường vào KDC Thạnh Đức.']);
      expect(await search('KDC hiep an')).toEqual(['Đề nghị lắp đèn chiếu sáng khu dân cư Hiệp An.']);
      const list = await json(vp.get('/api/text/abbreviations'));
      const kdc = list.items.filter((e: { abbreviation: string }) => e.abbreviation === 'KDC');
      expect(kdc.map((e: { source: string }) => e.source).sort()).toEqual(['custom', 'default']);
      expect(kdc.find((e: { source: string }) => e.source === 'default').replacedBy).toBe(created.id);
    });

    it('refuses a duplicate abbreviation with a Vietnamese 409, and bad input with a 422', async () => {
      const dup = await admin.post('/api/text/abbreviations', { abbreviation: 'kdc', expansion: 'khu dân cư mới' });
      expect(dup.status).toBe(409);
      expect((await dup.json()).error.message).toContain('đã có trong danh sách');
      const empty = await admin.post('/api/text/abbreviations', { abbreviation: 'ABC', expansion: '  ' });
      expect(empty.status).toBe(422);
      expect((await empty.json()).error.message).toContain('Nghĩa đầy đủ không được để trống');
      const spaced = await admin.post('/api/text/abbreviations', { abbreviation: 'A B', expansion: 'a b' });
      expect(spaced.status).toBe(422);
      expect((await spaced.json()).error.message).toContain('Từ viết tắt chỉ gồm');
    });

    it('an older petition is found by a new abbreviation only after reindex', async () => {
      await addPetition('Đề nghị BQLDA sớm bàn giao công trình nhà văn hóa.');
      expect(await search('ban quan ly du an')).toEqual([]);
      const created = await json(admin.post('/api/text/abbreviations', { abbreviation: 'BQLDA', expansion: 'ban quản lý dự án' }), 201);
      expect(await search('ban quan ly du an')).toEqual([]);
      const r = await json(admin.post('/api/text/abbreviations/reindex'));
      expect(r.total).toBeGreaterThanOrEqual(2); // the petition and its opinion
      expect(r.scanned).toBeGreaterThanOrEqual(r.total);
      expect(await search('ban quan ly du an')).toEqual(['Đề nghị BQLDA sớm bàn giao công trình nhà văn hóa.']);
      const events = await json(admin.get('/api/audit?action=text_abbreviation.reindex'));
      expect(events.total).toBe(1);
      expect(events.items[0].after).toMatchObject({ total: r.total });
      // Editing and deleting the administrator's entry.
      const edited = await json(admin.patch(`/api/text/abbreviations/${created.id}`, { expansion: 'ban quản lý dự án đầu tư' }));
      expect(edited.expansion).toBe('ban quản lý dự án đầu tư');
      await json(admin.delete(`/api/text/abbreviations/${created.id}`));
      expect((await admin.delete(`/api/text/abbreviations/${created.id}`)).status).toBe(404);
    });

    it('only an administrator changes the dictionary', async () => {
      const list = await json(vp.get('/api/text/abbreviations'));
      const custom = list.items.find((e: { source: string }) => e.source === 'custom');
      for (const u of ['vp.sahuynh', 'ban.sahuynh', 'daibieu.sahuynh']) {
        const c = await t.as(u);
        expect((await c.post('/api/text/abbreviations', { abbreviation: 'XYZ', expansion: 'x y z' })).status).toBe(403);
        expect((await c.patch(`/api/text/abbreviations/${custom.id}`, { expansion: 'khác' })).status).toBe(403);
        expect((await c.delete(`/api/text/abbreviations/${custom.id}`)).status).toBe(403);
        expect((await c.post('/api/text/abbreviations/reindex')).status).toBe(403);
      }
      const menu = (await json(admin.get('/api/menu'))).entries;
      expect(menu.some((e: { path: string }) => e.path === '/text/abbreviations')).toBe(true);
      expect((await json(vp.get('/api/menu'))).entries.some((e: { path: string }) => e.path === '/text/abbreviations')).toBe(false);
    });
  });
}
