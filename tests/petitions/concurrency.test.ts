// Two clerks merging the same opinions at once: one wins, the other is told; nothing duplicated or lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from './support.ts';

for (const kind of dbKinds()) {
  describe(`petitions: concurrent merges [${kind}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(() => t.close());

    async function setup(n: number) {
      const vp = await t.as('vp.sahuynh');
      const base = `/api/councils/${t.id('council:sa-huynh')}`;
      const round = await json(vp.post(`${base}/petition-rounds`, { name: `Đợt thử ${Math.random()}`, kind: 'continuous', startDate: '2026-11-01' }), 201);
      const ops = await json(vp.post(`${base}/opinions/bulk`, {
        roundId: round.id, channel: 'letter',
        items: Array.from({ length: n }, (_, i) => ({ text: `Đề nghị nâng cấp tuyến đường liên tổ dân phố số ${i + 1} bị ngập úng.` })),
      }), 201);
      return { vp, base, round, ops: ops.items as { id: string; version: number }[] };
    }

    async function petitionsOf(roundId: string) {
      const r = await t.db.execute(sql`select o.id as opinion_id, o.petition_id from petition_opinions o where o.round_id = ${roundId} order by o.id`);
      const rows = (r as unknown as { rows: { opinion_id: string; petition_id: string | null }[] }).rows;
      const p = await t.db.execute(sql`select count(*)::int as n from petitions where round_id = ${roundId}`);
      return { rows, petitions: ((p as unknown as { rows: { n: number }[] }).rows[0]!).n };
    }

    it('lets exactly one of two identical merges win', async () => {
      const { vp, base, round, ops } = await setup(3);
      const other = await t.as('admin');
      const body = { roundId: round.id, opinions: ops.map((o) => ({ id: o.id, version: o.version })) };
      const [a, b] = await Promise.all([vp.post(`${base}/petitions`, body), other.post(`${base}/petitions`, body)]);
      const statuses = [a.status, b.status].sort();
      expect(statuses).toEqual([201, 409]);
      const loser = a.status === 409 ? a : b;
      expect((await loser.json()).error.message).toContain('Ý kiến này vừa được người khác tổng hợp');
      const { rows, petitions } = await petitionsOf(round.id);
      expect(petitions).toBe(1);
      expect(rows).toHaveLength(3);
      const winner = (await (a.status === 201 ? a : b).json()) as { id: string };
      expect(rows.every((r) => r.petition_id === winner.id)).toBe(true);
    });

    it('keeps every opinion exactly once when two merges overlap', async () => {
      const { vp, base, round, ops } = await setup(3);
      const other = await t.as('admin');
      const [o1, o2, o3] = ops as [typeof ops[0], typeof ops[0], typeof ops[0]];
      const [a, b] = await Promise.all([
        vp.post(`${base}/petitions`, { roundId: round.id, opinions: [o1, o2].map((o) => ({ id: o.id, version: o.version })) }),
        other.post(`${base}/petitions`, { roundId: round.id, opinions: [o3, o2].map((o) => ({ id: o.id, version: o.version })) }),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      const { rows, petitions } = await petitionsOf(round.id);
      expect(petitions).toBe(1);
      expect(rows.filter((r) => r.petition_id).length).toBe(2);
      // The loser's free opinion is still there to merge.
      expect(rows.filter((r) => !r.petition_id)).toHaveLength(1);
    });

    it('refuses a stale version', async () => {
      const { vp, base, round, ops } = await setup(1);
      await json(vp.patch(`${base}/opinions/${ops[0]!.id}`, { version: ops[0]!.version, text: 'Đề nghị nạo vét mương thoát nước tổ dân phố Thạnh Đức 1.' }));
      const res = await vp.post(`${base}/petitions`, { roundId: round.id, opinions: [{ id: ops[0]!.id, version: ops[0]!.version }] });
      expect(res.status).toBe(409);
    });
  });
}
