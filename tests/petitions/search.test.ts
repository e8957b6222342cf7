// Accent-insensitive search and the founding notice's per-level figures (07 / 25 / 34).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from './support.ts';

for (const kind of dbKinds()) {
  describe(`petitions: search and counts [${kind}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(() => t.close());

    it('finds "đường" when typed "duong", and abbreviations either way', async () => {
      const vp = await t.as('vp.sahuynh');
      const base = `/api/councils/${t.id('council:sa-huynh')}`;
      const round = await json(vp.post(`${base}/petition-rounds`, { name: 'Đợt tìm kiếm', kind: 'continuous', startDate: '2026-11-01' }), 201);
      const ops = await json(vp.post(`${base}/opinions/bulk`, {
        roundId: round.id, channel: 'hotline',
        items: [
          { text: 'Đề nghị nâng cấp đường liên thôn Thạnh Đức.' },
          { text: 'Đề nghị sửa chữa QL1A đoạn qua Sa Huỳnh.' },
          { text: 'Đề nghị nạo vét kênh thủy lợi.' },
        ],
      }), 201);
      for (const o of ops.items) await json(vp.post(`${base}/petitions`, { roundId: round.id, opinions: [{ id: o.id, version: o.version }] }), 201);
      const q = async (s: string) =>
        (await json(vp.get(`${base}/petitions?roundId=${round.id}&q=${encodeURIComponent(s)}`))).items.map((p: { text: string }) => p.text);
      expect(await q('duong lien thon')).toEqual(['Đề nghị nâng cấp đường liên thôn Thạnh Đức.']);
      expect(await q('ĐƯỜNG')).toEqual(['Đề nghị nâng cấp đường liên thôn Thạnh Đức.']);
      expect(await q('quoc lo 1a')).toEqual(['Đề nghị sửa chữa QL1A đoạn qua Sa Huỳnh.']);
      expect(await q('thuy loi')).toEqual(['Đề nghị nạo vét kênh thủy lợi.']);
      expect(await q('100%_')).toEqual([]);
      const opinions = await json(vp.get(`${base}/opinions?roundId=${round.id}&q=nang%20cap`));
      expect(opinions.total).toBe(1);
    });

    it('ranks exact diacritics first and corrects a misspelled word', async () => {
      const vp = await t.as('vp.sahuynh');
      const base = `/api/councils/${t.id('council:sa-huynh')}`;
      const round = await json(vp.post(`${base}/petition-rounds`, { name: 'Đợt xếp hạng', kind: 'continuous', startDate: '2026-11-02' }), 201);
      const ops = await json(vp.post(`${base}/opinions/bulk`, {
        roundId: round.id, channel: 'letter',
        items: [{ text: 'Nạo vét mương thoát nước khu Dương Thạnh.' }, { text: 'Bê tông hóa đường vào khu dân cư Hiệp An.' }],
      }), 201);
      for (const o of ops.items) await json(vp.post(`${base}/petitions`, { roundId: round.id, opinions: [{ id: o.id, version: o.version }] }), 201);
      const list = (q: string) => json(vp.get(`${base}/petitions?roundId=${round.id}&q=${encodeURIComponent(q)}`));
      const both = await list('đường');
      expect(both.items.map((p: { text: string }) => p.text)).toEqual([
        'Bê tông hóa đường vào khu dân cư Hiệp An.',
        'Nạo vét mương thoát nước khu Dương Thạnh.',
      ]);
      const typo = await list('thoatt nuoc');
      expect(typo.items.map((p: { text: string }) => p.text)).toEqual(['Nạo vét mương thoát nước khu Dương Thạnh.']);
      expect(typo.corrected).toEqual({ thoatt: expect.arrayContaining(['thoat']) });
    });

    it('counts the round by competent level for the levels in force (07 / 25 / 34)', async () => {
      // The town council of 2021 had three levels below the centre: province, town, communes.
      const vp = await t.as('vp.thixa');
      const base = `/api/councils/${t.id('council:town')}`;
      const round = await json(vp.post(`${base}/petition-rounds`, {
        name: 'Tiếp xúc cử tri trước kỳ họp cuối năm 2021, HĐND thị xã Đức Phổ', kind: 'before_session', startDate: '2021-11-01',
      }), 201);
      const plan = [...Array(7).fill('central'), ...Array(25).fill('province'), ...Array(34).fill('district')] as string[];
      const ops = await json(vp.post(`${base}/opinions/bulk`, {
        roundId: round.id, channel: 'fatherland_front', items: plan.map((_, i) => ({ text: `Kiến nghị số ${i + 1} của cử tri thị xã Đức Phổ.` })),
      }), 201);
      await json(vp.post(`${base}/opinions/classify`, {
        items: ops.items.map((o: { id: string; version: number }, i: number) => ({ opinionId: o.id, version: o.version, competentLevel: plan[i] })),
      }));
      const fresh = await json(vp.get(`${base}/opinions?roundId=${round.id}&pageSize=100`));
      for (const o of fresh.items) await json(vp.post(`${base}/petitions`, { roundId: round.id, opinions: [{ id: o.id, version: o.version }] }), 201);
      const page = await json(vp.get(`${base}/petition-rounds/${round.id}`));
      expect(page.levels.map((l: { level: string; count: number }) => [l.level, l.count])).toEqual([
        ['central', 7],
        ['province', 25],
        ['district', 34],
      ]);
      // A commune council after 2025 has no district level.
      const sh = await t.as('vp.sahuynh');
      const shRound = await json(sh.post(`/api/councils/${t.id('council:sa-huynh')}/petition-rounds`, { name: 'Đợt đếm', kind: 'continuous', startDate: '2026-11-01' }), 201);
      const shPage = await json(sh.get(`/api/councils/${t.id('council:sa-huynh')}/petition-rounds/${shRound.id}`));
      expect(shPage.levels.map((l: { level: string }) => l.level)).toEqual(['central', 'province', 'commune']);
    });
  });
}
