// The demo data tells the story of the founding notice: a current round in Sa Huỳnh and in the
// province, and 2021 petitions of Phổ Thạnh still followed today by Phường Sa Huỳnh.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from './support.ts';

for (const kind of dbKinds()) {
  describe(`petitions: demo data [${kind}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(() => t.close());

    it('has a realistic current round with an overdue petition, and 2021 petitions carried over', async () => {
      const vp = await t.as('vp.sahuynh');
      const base = `/api/councils/${t.id('council:sa-huynh')}`;
      const rounds = await json(vp.get(`${base}/petition-rounds`));
      expect(rounds.items).toHaveLength(1);
      const round = await json(vp.get(`${base}/petition-rounds/${rounds.items[0].id}`));
      expect(round.intake.opinions).toBeGreaterThanOrEqual(20);
      expect(round.intake.meetings).toBe(3);
      expect(round.intake.complaints).toBe(1);
      const overdue = await json(vp.get(`${base}/petitions?deadline=overdue`));
      expect(overdue.total).toBeGreaterThanOrEqual(1);
      const carried = await json(vp.get(`${base}/petitions?pageSize=100`));
      const old = carried.items.filter((p: { outstandingSessions: number }) => p.outstandingSessions === 2);
      expect(old.length).toBeGreaterThanOrEqual(2);
      expect(old.every((p: { communes: string[] }) => p.communes.includes('Phổ Thạnh'))).toBe(true);
      // Numbered in Sa Huỳnh's series in the order of their numbers in the town's (the same on every run).
      const moves = (await t.db.execute(sql`select (before->>'number')::int as "from", (after->>'number')::int as "to" from audit_events
        where action = 'petition.carry_over' and council_id = ${t.id('council:sa-huynh')} and (before->>'councilId') <> (after->>'councilId') order by 1`)).rows as { from: number; to: number }[];
      expect(moves.length).toBeGreaterThanOrEqual(2);
      expect(moves.map((m) => m.to)).toEqual(moves.map((m) => m.to).sort((a, b) => a - b));
      const proposals = await json(vp.get(`${base}/petition-rounds/${rounds.items[0].id}/merge-proposals`));
      expect(proposals.groups.length).toBeGreaterThanOrEqual(1);

      // The public page of Sa Huỳnh shows Phổ Thạnh's 2021 petitions under the ward they became.
      const anon = t.anonymous();
      const pub = await json(anon.get(`/api/public/councils/${t.id('council:sa-huynh')}/petitions?unitId=${t.id('unit:sa-huynh')}&pageSize=100`));
      expect(pub.items.some((p: { communes: string[] }) => p.communes.includes('Phổ Thạnh'))).toBe(true);
      const town = await json(anon.get(`/api/public/councils/${t.id('council:town')}/rounds`));
      expect(town.items[0].name).toContain('thị xã Đức Phổ');

      // Agencies with demo accounts have work waiting.
      const dl = await t.as('dienluc');
      const inbox = await json(dl.get(`/api/agencies/${t.id('agency:dien-luc')}/dispatch-items`));
      expect(inbox.total).toBeGreaterThanOrEqual(2);
    });
  });
}
