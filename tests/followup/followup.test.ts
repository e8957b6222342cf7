// The one follow-up engine, persisted: petition answers written by the petition actions, another
// module's item written through syncObligation, one agency inbox across kinds (paged, filtered,
// accent-insensitive, scoped to the agency), its to-do lines equal to its lists, and one daily
// reminder per agency that petitions (with their own job) do not receive twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from '../petitions/support.ts';
import { syncObligation } from '../../src/modules/followup/service.ts';
import { runFollowupReminders } from '../../src/modules/followup/reminders.ts';

type Item = { id: string; kind: string; kindLabel: string; sourceId: string; title: string; status: string; overdue: boolean; daysOverdue: number; due: string; link: string; remindersSent: number };
type Page = { items: Item[]; total: number; page: number; pageSize: number };

for (const kind of dbKinds()) {
  describe(`follow-up engine [${kind}]`, () => {
    let t: TestApp;
    let ubnd: string;
    let sh: string;
    const recId = '7f0c1f54-8f7b-4c55-9a7e-0b0a4b1c2d3e';
    beforeAll(async () => {
      t = await createTestApp(kind, { now: '2026-11-26T02:00:00Z' });
      ubnd = t.id('agency:ubnd-sa-huynh');
      sh = t.id('council:sa-huynh');
    }, 120_000);
    afterAll(() => t?.close());

    const pendingItems = async (agencyId: string) =>
      Number((await t.db.execute<{ n: number }>(sql`select count(*)::int as n from petition_dispatch_items where agency_id = ${agencyId} and state = 'pending'`)).rows[0]!.n);

    it('the migration that brought the engine writes, for petitions already sent, the rows the actions write', async () => {
      const statement = readFileSync(new URL('../../src/db/migrations/0017_followup.sql', import.meta.url), 'utf8').split('--> statement-breakpoint').find((s) => s.includes('INSERT INTO "followup_items"'))!;
      const rows = async () => (await t.db.execute<Record<string, string | null>>(sql`
        select source_id, council_id, agency_id, title, detail, link, original_due::text, due::text, state_label, search_key
        from followup_items where kind = 'petition_answer' and answered_on is null and closed_on is null order by source_id`)).rows;
      const written = await rows();
      expect(written.length).toBeGreaterThan(0);
      await t.db.execute(sql`delete from followup_items where kind = 'petition_answer'`);
      await t.db.execute(sql.raw(statement));
      expect(await rows()).toEqual(written);
    });

    it('every petition waiting on an agency is an owed item of its inbox (counted independently from the dispatch items)', async () => {
      const c = await t.as('ubnd.sahuynh');
      const owed = await json<Page>(c.get(`/api/agencies/${ubnd}/obligations?status=owed&kind=petition_answer&pageSize=200`));
      expect(owed.total).toBe(await pendingItems(ubnd));
      expect(owed.total).toBeGreaterThan(0);
      expect(owed.items).toHaveLength(owed.total);
      expect(owed.items.every((i) => i.kind === 'petition_answer' && i.kindLabel === 'Trả lời kiến nghị cử tri' && i.title.startsWith('Kiến nghị số '))).toBe(true);
      // most urgent first
      expect(owed.items.map((i) => i.due)).toEqual([...owed.items.map((i) => i.due)].sort());
    });

    it('another module’s item joins the same inbox; filters by kind and overdue; search without diacritics', async () => {
      await t.db.transaction((tx) =>
        syncObligation(tx, {
          kind: 'recommendation', sourceId: recId, councilId: sh, agencyId: ubnd,
          title: 'Khắc phục sạt lở bờ biển thôn Thạnh Đức', detail: 'Đoàn giám sát của Thường trực HĐND', link: `/agencies/${ubnd}/obligations`,
          originalDue: '2026-11-02', due: '2026-11-10', answeredOn: null, closedOn: null, stateLabel: 'Đã tiếp thu',
        }),
      );
      const c = await t.as('ubnd.sahuynh');
      const recs = await json<Page>(c.get(`/api/agencies/${ubnd}/obligations?kind=recommendation`));
      expect(recs.total).toBe(1);
      const rec = recs.items[0]!;
      expect(rec).toMatchObject({ kindLabel: 'Kiến nghị sau giám sát', status: 'awaiting_answer', overdue: true, daysOverdue: 16 });
      const overdue = await json<Page>(c.get(`/api/agencies/${ubnd}/obligations?status=overdue&pageSize=200`));
      expect(overdue.items.map((i) => i.sourceId)).toContain(recId);
      expect(overdue.items.every((i) => i.overdue)).toBe(true);
      // (kind=recommendation: the demo's commitment on the sea dyke "chống sạt lở bờ biển" matches the words too.)
      const found = await json<Page>(c.get(`/api/agencies/${ubnd}/obligations?kind=recommendation&q=${encodeURIComponent('sat lo bo bien')}`));
      expect(found.items.map((i) => i.sourceId)).toEqual([recId]);
      // the council sees what its agencies owe it, the same item
      const vp = await t.as('vp.sahuynh');
      const council = await json<Page>(vp.get(`/api/councils/${sh}/obligations?kind=recommendation`));
      expect(council.items.map((i) => i.sourceId)).toEqual([recId]);
      // the to-do line is the total of the list it opens
      const home = await json<{ groups: { id: string; entries: { key: string; count: number; link: string }[] }[] }>(c.get('/api/todo'));
      const line = home.groups.find((g) => g.id === ubnd)!.entries.find((e) => e.key === 'followup-overdue')!;
      expect(line.link).toBe(`/agencies/${ubnd}/obligations?status=overdue`);
      expect(line.count).toBe(overdue.total);
    });

    it('another agency cannot read this inbox; bad filters get a Vietnamese error', async () => {
      const sx = await t.as('so.xaydung');
      expect((await sx.get(`/api/agencies/${ubnd}/obligations`)).status).toBe(403);
      const c = await t.as('ubnd.sahuynh');
      const bad = await c.get(`/api/agencies/${ubnd}/obligations?status=xyz`);
      expect(bad.status).toBe(422);
      expect(JSON.stringify(await bad.json())).toContain('Trạng thái không hợp lệ');
    });

    it('an answer moves the petition from owed to answered-awaiting-verification', async () => {
      const c = await t.as('ubnd.sahuynh');
      const before = await json<Page>(c.get(`/api/agencies/${ubnd}/obligations?status=owed&kind=petition_answer&pageSize=200`));
      const target = before.items[0]!;
      await json(c.post(`/api/agencies/${ubnd}/dispatch-items/${target.sourceId}/response`, { result: 'resolved', text: 'Đã giải quyết xong.' }), 201);
      const after = await json<Page>(c.get(`/api/agencies/${ubnd}/obligations?status=owed&kind=petition_answer&pageSize=200`));
      expect(after.total).toBe(before.total - 1);
      const answered = await json<Page>(c.get(`/api/agencies/${ubnd}/obligations?status=answered&kind=petition_answer&pageSize=200`));
      expect(answered.items.find((i) => i.sourceId === target.sourceId)).toMatchObject({ status: 'answered' });
    });

    it('the daily job reminds each agency once, in one notification listing all its items, and never about petition answers', async () => {
      const deps = { db: t.db, clock: () => t.now, config: { publicUrl: 'http://localhost:3000', secureCookies: false } as never };
      const first = await runFollowupReminders(deps);
      // every open item of another kind that the engine says is due a reminder today (the demo's forwarded letters too)
      const recorded = async () => Number((await t.db.execute<{ n: number }>(sql`select count(*)::int as n from followup_reminders where sent_on = '2026-11-26'`)).rows[0]!.n);
      expect(first).toMatchObject({ ran: true, agencies: 1 });
      expect(first.ran && first.reminders).toBe(await recorded());
      expect(await recorded()).toBeGreaterThanOrEqual(1);
      expect((await runFollowupReminders(deps)).ran).toBe(false);
      const notes = (await t.db.execute<{ title: string; body: string; link: string }>(sql`
        select n.title, n.body, n.link from notifications n join users u on u.id = n.user_id where u.username = 'ubnd.sahuynh' and n.kind = 'followup.reminder'`)).rows;
      expect(notes).toHaveLength(1);
      expect(notes[0]!.title).toMatch(/^Đôn đốc: \d+ việc quá hạn/);
      expect(notes[0]!.body).toContain('Khắc phục sạt lở bờ biển thôn Thạnh Đức — quá hạn 16 ngày (hạn 10/11/2026)');
      expect(notes[0]!.body).not.toContain('Kiến nghị số');
      const c = await t.as('ubnd.sahuynh');
      const recs = await json<Page>(c.get(`/api/agencies/${ubnd}/obligations?kind=recommendation`));
      expect(recs.items[0]!.remindersSent).toBe(1);
    });
  });
}
