// The deadline filters (overdue, late, long overdue, due soon) are read from indexes as one set of
// petition ids (listPetitions.ts trackedMeets) instead of computing every petition's tracked date:
// they must select exactly the petitions whose tracked date (trackedDue: the pending dispatch's due
// date, else an in-progress answer's committed date) meets the condition — on the demo data, on
// several days around its deadlines, in every council, with answers in progress and returns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { addDays } from '../../src/domain/calendar/index.ts';
import { deadlineCond, trackedDue, type PetitionFilter } from '../../src/modules/petitions/queries/listPetitions.ts';
import { loadCalendar, loadSettings } from '../../src/modules/petitions/common.ts';

for (const kind of dbKinds()) {
  describe(`petitions: deadline filters [${kind}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    }, 600_000);
    afterAll(() => t?.close());

    const ids = async (where: SQL) =>
      ((await t.db.execute(sql`select id from petitions where ${where} order by id`)).rows as { id: string }[]).map((r) => r.id);

    it('select the petitions whose tracked date meets the condition, on days around the deadlines', async () => {
      const councils = ((await t.db.execute(sql`select distinct council_id as id from petitions`)).rows as { id: string }[]).map((r) => r.id);
      expect(councils.length).toBeGreaterThan(1);
      // The demo has petitions tracked by their pending dispatch and one tracked by an answer in
      // progress (answered, its committed date ahead, nothing pending).
      const byAnswer = (await t.db.execute(sql`select count(*)::int as n from petitions p where p.status in ('answered', 'unsatisfied')
        and not exists (select 1 from petition_dispatch_items di where di.petition_id = p.id and di.state = 'pending')
        and exists (select 1 from petition_responses r where r.petition_id = p.id and r.result = 'in_progress' and r.committed_date is not null)`)).rows[0] as { n: number };
      expect(byAnswer.n).toBeGreaterThan(0);
      const calendar = await loadCalendar(t.db);
      const dues = ((await t.db.execute(sql`select distinct d::text as d from (select ${trackedDue} as d from petitions) x where d is not null order by 1`)).rows as { d: string }[]).map((r) => r.d);
      expect(dues.length).toBeGreaterThan(2);
      // Each tracked date, the day before and after it, and days far on either side.
      const days = [...new Set([...dues.flatMap((d) => [addDays(d, -1), d, addDays(d, 1)]), addDays(dues[0]!, -400), addDays(dues[0]!, 400)])];
      let selected = 0;
      for (const councilId of councils) {
        const settings = await loadSettings(t.db, councilId);
        for (const day of days) {
          const soon = calendar.addWorkingDays(day, settings.thresholds.dueSoonWorkingDays);
          const expected: Record<NonNullable<PetitionFilter['deadline']>, SQL> = {
            overdue: sql`${trackedDue} < ${day}`,
            late: sql`${trackedDue} < ${day}`,
            long_overdue: sql`${trackedDue} <= ${addDays(day, -settings.thresholds.longOverdueDays)}`,
            due_soon: sql`${trackedDue} >= ${day}::date and ${trackedDue} <= ${soon}::date`,
          };
          for (const [k, reference] of Object.entries(expected) as [NonNullable<PetitionFilter['deadline']>, SQL][]) {
            const inCouncil = sql`"petitions"."council_id" = ${councilId}`;
            const got = await ids(sql`${inCouncil} and ${deadlineCond(k, councilId, day, calendar, settings)!}`);
            const want = await ids(sql`${inCouncil} and ${reference}`);
            expect(got, `${k} on ${day} in ${councilId}`).toEqual(want);
            selected += got.length;
          }
        }
      }
      // The days chosen make every filter select something somewhere.
      expect(selected).toBeGreaterThan(0);
    });
  });
}
