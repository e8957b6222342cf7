// Session documents filtered by timing in the database (timingCond) and paged there: the same
// documents, in the same order, with the same total, as computing every document's timing
// (domain documentTiming) and filtering — for a council's drill-down and an agency's own list, on
// every filter, on days from two months before the demo's sessions to two months after, and for
// pages past the first and past the end. The "due soon" edge (a due date on a weekend or holiday
// after the last working day that counts) is checked on every day of 2026 against the domain rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, type WorkingCalendar } from '../../src/domain/calendar/index.ts';
import { documentTiming, type DocumentTiming } from '../../src/domain/sessions/index.ts';
import { loadCalendar } from '../../src/modules/sessions/common.ts';
import {
  agencyDocuments, councilDocuments, documentJson, documentRows, dueSoonOf, soonBefore, type TimingFilter,
} from '../../src/modules/sessions/queries/documents.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';

const FILTERS: (TimingFilter | undefined)[] = [undefined, 'expected', 'dueSoon', 'late', 'receivedOnTime', 'receivedLate', 'revisedAfterDeadline', 'anyLate', 'notReceived'];
const NOT_RECEIVED: DocumentTiming[] = ['expected', 'dueSoon', 'late'];
/** What each filter means, said once more from the timing itself. */
const keeps = (f: TimingFilter | undefined, t: DocumentTiming) =>
  f === undefined || t === f || (f === 'anyLate' && (t === 'late' || t === 'receivedLate')) || (f === 'notReceived' && NOT_RECEIVED.includes(t));

describe('"due soon" as a date bound', () => {
  let calendar: WorkingCalendar;
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    calendar = await loadCalendar(t.db);
  }, 300_000);
  afterAll(() => t.close());

  it('is documentTiming’s rule on every day of 2026, for 0–5 working days, with due dates on weekends and Tết', () => {
    let checked = 0;
    for (let day = '2026-01-01'; day <= '2026-12-10'; day = addDays(day, 1)) {
      for (let n = 0; n <= 5; n++) {
        const bound = soonBefore(day, calendar, n);
        for (let k = 0; k <= 16; k++) {
          const due = addDays(day, k);
          const domain = documentTiming({ due, receivedOn: null, lastRevisedOn: null, today: day, dueSoonWorkingDays: n, calendar }).timing === 'dueSoon';
          expect(due < bound, `${day} +${n} working days, due ${due}`).toBe(domain);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(30_000);
  });
});

for (const kind of dbKinds()) {
  describe(`session documents filtered and paged in the database [${kind}]`, () => {
    let t: TestApp;
    let calendar: WorkingCalendar;
    beforeAll(async () => {
      t = await createTestApp(kind);
      calendar = await loadCalendar(t.db);
    }, 300_000);
    afterAll(() => t.close());

    it('a council’s documents: the same ids, order and total as filtering every document’s timing', async () => {
      const councilId = t.id('council:sa-huynh');
      const rows = await documentRows(t.db, { councilId });
      expect(rows.length).toBeGreaterThan(5);
      const seen = new Set<DocumentTiming>();
      for (let offset = -60; offset <= 60; offset += 4) {
        const day = addDays('2026-11-26', offset);
        const dueSoon = await dueSoonOf(t.db, councilId, day);
        const all = rows.map((r) => documentJson(r, day, calendar, dueSoon));
        for (const d of all) seen.add(d.timing);
        for (const timing of FILTERS) {
          const want = all.filter((d) => keeps(timing, d.timing));
          const got = await councilDocuments(t.db, councilId, { page: 1, pageSize: 200, timing }, day, calendar);
          expect(got.items.map((d) => [d.id, d.timing]), `${day} ${timing}`).toEqual(want.map((d) => [d.id, d.timing]));
          expect(got.total).toBe(want.length);
          expect(got.items).toEqual(want);
        }
      }
      // On these days the demo's documents are seen in the timings that change with the day.
      for (const timing of ['expected', 'dueSoon', 'late', 'receivedOnTime'] as const) expect(seen.has(timing), timing).toBe(true);
    });

    it('pages: a middle page, the last, one past the end keep the total', async () => {
      const councilId = t.id('council:sa-huynh');
      const day = '2026-11-26';
      const whole = await councilDocuments(t.db, councilId, { page: 1, pageSize: 200 }, day, calendar);
      const size = 3;
      const pages = Math.ceil(whole.total / size);
      const joined = [];
      for (let page = 1; page <= pages + 1; page++) {
        const p = await councilDocuments(t.db, councilId, { page, pageSize: size }, day, calendar);
        expect(p.total).toBe(whole.total);
        joined.push(...p.items.map((d) => d.id));
      }
      expect(joined).toEqual(whole.items.map((d) => d.id));
    });

    it('an agency’s own documents of open sessions: the same as filtering, nearest due date first for what it owes', async () => {
      const agencyIds = [...new Set((await documentRows(t.db, { councilId: t.id('council:sa-huynh') })).map((r) => r.doc.agencyId).filter((a): a is string => !!a))];
      expect(agencyIds.length).toBeGreaterThan(0);
      for (const agencyId of agencyIds) {
        const rows = (await documentRows(t.db, { agencyId })).filter((r) => r.sessionState !== 'closed');
        for (let offset = -40; offset <= 40; offset += 8) {
          const day = addDays('2026-11-26', offset);
          const soonBy = new Map<string, number>();
          for (const r of rows) if (!soonBy.has(r.doc.councilId)) soonBy.set(r.doc.councilId, await dueSoonOf(t.db, r.doc.councilId, day));
          const all = rows.map((r) => documentJson(r, day, calendar, soonBy.get(r.doc.councilId)!));
          for (const timing of FILTERS) {
            const want = all.filter((d) => keeps(timing, d.timing));
            if (timing === 'notReceived' || timing === 'late') want.sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
            const got = await agencyDocuments(t.db, agencyId, { page: 1, pageSize: 200, timing }, day, calendar);
            expect(got.items.map((d) => d.id), `${agencyId} ${day} ${timing}`).toEqual(want.map((d) => d.id));
            expect(got.total).toBe(want.length);
            expect(got.items.map(({ files: _files, ...d }) => d)).toEqual(want);
          }
        }
      }
    });
  });
}
