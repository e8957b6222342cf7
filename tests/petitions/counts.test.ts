// Every count has one definition (src/modules/petitions/counts.ts): the round page, its parts, the
// petitions and opinions lists, the meetings, the dashboard and the round report show the same
// figures — on the demo data and on a round generated here (with complaints, unmerged opinions
// and petitions carried over from an earlier round).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { bytesOf, docxText } from '../documents/support.ts';
import { json } from './support.ts';

for (const kind of dbKinds()) {
  describe(`petitions: one definition per count [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let base: string;
    beforeAll(async () => {
      t = await createTestApp(kind);
      vp = await t.as('vp.sahuynh');
      base = `/api/councils/${t.id('council:sa-huynh')}`;
    });
    afterAll(() => t?.close());

    const total = async (path: string) => (await json(vp.get(path))).total as number;

    /** Asserts that every screen agrees on the round's figures; returns them. */
    async function figuresAgree(roundId: string) {
      const r = await json(vp.get(`${base}/petition-rounds/${roundId}`));
      const levelSum = r.levels.reduce((n: number, l: { count: number }) => n + l.count, 0) + r.unclassifiedPetitions;
      const statusSum = r.statuses.reduce((n: number, s: { count: number }) => n + s.count, 0);
      // The round page's parts add up to its total, by level and by status.
      expect(levelSum).toBe(r.petitions.total);
      expect(statusSum).toBe(r.petitions.total);
      expect(r.petitions.raised + r.petitions.carriedOver).toBe(r.petitions.total);
      // The petitions list behind each figure's link shows as many.
      expect(await total(`${base}/petitions?roundId=${roundId}&pageSize=1`)).toBe(r.petitions.total);
      for (const l of r.levels) expect(await total(`${base}/petitions?roundId=${roundId}&competentLevel=${l.level}&pageSize=1`), l.level).toBe(l.count);
      for (const s of r.statuses) expect(await total(`${base}/petitions?roundId=${roundId}&status=${s.status}&pageSize=1`), s.status).toBe(s.count);
      // Opinions: the round page, the opinions list, the meetings and the dashboard.
      expect(await total(`${base}/opinions?roundId=${roundId}&kind=petition&pageSize=1`)).toBe(r.intake.opinions);
      expect(await total(`${base}/opinions?roundId=${roundId}&kind=complaint&pageSize=1`)).toBe(r.intake.complaints);
      const meetings = await json(vp.get(`${base}/petition-rounds/${roundId}/meetings?pageSize=200`));
      expect(meetings.total).toBe(meetings.items.length);
      for (const m of meetings.items) {
        expect(await total(`${base}/opinions?roundId=${roundId}&meetingId=${m.id}&kind=petition&pageSize=1`)).toBe(m.opinionCount);
      }
      const dash = await json(vp.get(`${base}/dashboard/petitions?roundId=${roundId}`));
      expect(dash.totals.petitions.value).toBe(r.petitions.total);
      expect(dash.totals.opinions.value).toBe(r.intake.opinions);
      const trend = dash.trend.find((x: { roundId: string }) => x.roundId === roundId);
      expect(trend).toMatchObject({ opinions: r.intake.opinions, collected: r.petitions.raised });
      expect(dash.byLevel.reduce((n: number, l: { count: number }) => n + l.count, 0)).toBe(r.petitions.total);
      // The round report says the same numbers.
      const doc = await json(vp.post(`${base}/documents/templates/petition_round_report/issue`, { params: { roundId, signerName: 'Nguyễn Văn An' } }), 201);
      const text = docxText(await bytesOf(await vp.get(`${base}/documents/${doc.id}/download`)));
      const two = (n: number) => (n < 10 ? `0${n}` : String(n));
      expect(text).toContain(`cử tri đã nêu ${two(r.intake.opinions)} ý kiến, kiến nghị; sau khi tổng hợp, phân loại còn ${two(r.petitions.raised)} ý kiến, kiến nghị`);
      return r;
    }

    it('agrees on the demo data', async () => {
      const rounds = await json(vp.get(`${base}/petition-rounds?pageSize=50`));
      expect(rounds.items.length).toBeGreaterThan(0);
      for (const r of rounds.items) await figuresAgree(r.id);
    });

    it('agrees on a generated round with complaints, unmerged opinions and carried-over petitions', async () => {
      const demo = (await json(vp.get(`${base}/petition-rounds?pageSize=50`))).items[0];
      const round = await json(vp.post(`${base}/petition-rounds`, { name: 'Đợt sinh để đếm', kind: 'before_session', sessionName: 'Kỳ họp thứ 4', startDate: '2026-11-24' }), 201);
      const meeting = await json(vp.post(`${base}/petition-rounds/${round.id}/meetings`, { heldOn: '2026-11-25', unitId: t.id('unit:sa-huynh'), votersAttending: 40 }), 201);
      const atMeeting = (await json(vp.post(`${base}/opinions/bulk`, {
        roundId: round.id, meetingId: meeting.id,
        items: Array.from({ length: 9 }, (_, i) => ({ text: `Đề nghị sửa chữa tuyến đường tổ dân phố số ${i + 1}.`, voterCount: (i % 3) + 1 })),
      }), 201)).items;
      const byLetter = (await json(vp.post(`${base}/opinions/bulk`, {
        roundId: round.id, channel: 'letter', items: Array.from({ length: 4 }, (_, i) => ({ text: `Đề nghị lắp đèn đường khu dân cư số ${i + 1}.` })),
      }), 201)).items;
      // Two complaints leave the track; seven opinions become five petitions (one merges three); four stay unmerged.
      await json(vp.post(`${base}/opinions/classify`, { items: atMeeting.slice(0, 2).map((o: { id: string; version: number }) => ({ opinionId: o.id, version: o.version, kind: 'complaint' })) }));
      const v = (o: { id: string; version: number }) => ({ id: o.id, version: o.version });
      await json(vp.post(`${base}/petitions`, { roundId: round.id, opinions: atMeeting.slice(2, 5).map(v), competentLevel: 'commune', agencyId: t.id('agency:ubnd-sa-huynh') }), 201);
      await json(vp.post(`${base}/petitions`, { roundId: round.id, opinions: [v(atMeeting[5])], competentLevel: 'province', agencyId: t.id('agency:dien-luc') }), 201);
      await json(vp.post(`${base}/petitions`, { roundId: round.id, opinions: [v(atMeeting[6])] }), 201);
      await json(vp.post(`${base}/petitions`, { roundId: round.id, opinions: [v(byLetter[0])], competentLevel: 'central', agencyId: t.id('agency:na') }), 201);
      await json(vp.post(`${base}/petitions`, { roundId: round.id, opinions: [v(byLetter[1])] }), 201);
      const carried = await json(vp.post(`${base}/petition-rounds/${round.id}/carry-over`, { fromRoundId: demo.id }));
      const r = await figuresAgree(round.id);
      expect(r.intake.opinions).toBe(11);
      expect(r.intake.complaints).toBe(2);
      expect(r.intake.unmerged).toBe(4);
      expect(r.petitions.raised).toBe(5);
      expect(r.petitions.carriedOver).toBe(carried.petitionIds.length);
      // The round the petitions came from still counts them as its own.
      await figuresAgree(demo.id);
    });
  });
}
